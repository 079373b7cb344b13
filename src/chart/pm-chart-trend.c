/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-trend"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-chart-draw.h"
#include "pm-chart-private.h"

/* The trend chart of one indicator: years across, values up, the target by
 * its kind, the required path, the projection, the status. Everything is
 * laid out from the measured text, so that nothing overlaps at any size. */

typedef struct
{
  PmChartCanvas *canvas;
  const PmTrendData *data;
  const PmChartTheme *theme;
  cairo_t *cr;

  PmChartPlot p;
} Trend;

#define trend_x(t, year) pm_chart_plot_x (&(t)->p, (year))
#define trend_y(t, value) pm_chart_plot_y (&(t)->p, (value))

gboolean
pm_chart_target_has_line (const PmTrendTarget *target)
{
  switch (target->kind)
    {
    case PM_CHART_TARGET_COMPARISON:
    case PM_CHART_TARGET_RATIO:
    case PM_CHART_TARGET_RELATIVE:
      return isfinite (target->value);
    case PM_CHART_TARGET_BAND:
      return isfinite (target->value) || (isfinite (target->low) && isfinite (target->high));
    case PM_CHART_TARGET_NONE:
    case PM_CHART_TARGET_DIRECTION:
    case PM_CHART_TARGET_MANUAL:
    default:
      return FALSE;
    }
}

void
pm_chart_target_band (const PmTrendTarget *target,
             double              *low,
             double              *high)
{
  if (isfinite (target->low) && isfinite (target->high))
    {
      *low = MIN (target->low, target->high);
      *high = MAX (target->low, target->high);
    }
  else
    *low = *high = target->value;
}

static gboolean
has_required_path (const PmTrendData *d)
{
  return d->baseline_year > 0 && isfinite (d->baseline_value) && isfinite (d->required_value) &&
         d->target_year > d->baseline_year;
}

static gboolean
has_projection (const PmTrendData *d)
{
  return d->projection_from_year > 0 && isfinite (d->projection_from_value) &&
         isfinite (d->projected_value) && d->target_year > d->projection_from_year;
}

static const char *
status_label (const PmTrendData *d)
{
  if (d->status_label && *d->status_label)
    return d->status_label;
  return pm_chart_status_to_label (d->status, d->language);
}

/* From the raw range [lo, hi] of the figures to the range of the axis:
 * room for the projection's end, for the side that meets the target, and a
 * margin. data_max is the largest figure that is not a projection. */
static void
finish_range (const PmTrendData *d,
              double             lo,
              double             hi,
              double             data_max,
              double            *min,
              double            *max)
{
  /* The projection's end is shown, unless it is absurdly far off the
   * figures: the axis then goes two spans beyond them (the figures keep a
   * third of the height), the line runs off the plot and its label gives
   * the number. */
  if (has_projection (d))
    {
      double span = MAX (hi - lo, MAX (fabs (hi), fabs (lo)) * 0.2);
      double p = d->projected_value;

      if (span == 0)
        span = 1;
      lo = MIN (lo, MAX (p, lo - span * 2));
      hi = MAX (hi, MIN (p, hi + span * 2));
    }

  /* With no value yet, a figure is shown from zero up: its place among
   * the possible values, not decimals around it. */
  if (pm_trend_data_count_values (d) == 0 && lo > 0)
    lo = 0;

  /* Show some of the side that meets a comparison target, so that a line on
   * the edge of the plot still has its shaded side. */
  if (pm_chart_target_has_line (&d->target) && d->target.kind != PM_CHART_TARGET_BAND)
    {
      double span = MAX (hi - lo, fabs (d->target.value) * 0.1);

      if (span == 0)
        span = 1;
      if ((d->target.op == PM_CHART_OP_GE || d->target.op == PM_CHART_OP_GT) &&
          hi < d->target.value + span * 0.12)
        hi = d->target.value + span * 0.12;
      else if ((d->target.op == PM_CHART_OP_LE || d->target.op == PM_CHART_OP_LT) &&
               lo > d->target.value - span * 0.12)
        lo = (lo >= 0 && d->target.value - span * 0.12 < 0) ? 0 : d->target.value - span * 0.12;
    }

  pm_chart_plot_pad_range (&lo, &hi);

  /* a percentage that cannot pass 100 is not drawn beyond it */
  if (g_strcmp0 (d->unit, "%") == 0 && data_max <= 100 && hi > 100)
    hi = 100;

  *min = lo;
  *max = hi;
}

/* The range of every number the chart shows. The values before the period
 * (the 2010 value) are far_min to far_max (else NAN) when they lie so far
 * from what matters — the baseline, the target, the values since and the
 * projection — that an axis through both would squash these into a
 * sliver: the axis is then broken and they are drawn past the break. */
static gboolean
collect_range (const PmTrendData *d,
               double            *min,
               double            *max,
               double            *far_min,
               double            *far_max)
{
  double lo = INFINITY, hi = -INFINITY, flo = INFINITY, fhi = -INFINITY;
  double all_min, all_max, focus_min, focus_max, focus_span;

#define TAKE(v) G_STMT_START { double v_ = (v); if (isfinite (v_)) { lo = MIN (lo, v_); hi = MAX (hi, v_); } } G_STMT_END

  *far_min = *far_max = NAN;

  for (guint i = 0; i < d->points->len; i++)
    {
      const PmTrendPoint *p = &g_array_index (d->points, PmTrendPoint, i);

      if (p->year < d->period_start_year && isfinite (p->value))
        {
          flo = MIN (flo, p->value);
          fhi = MAX (fhi, p->value);
        }
      else
        TAKE (p->value);
    }

  if (pm_chart_target_has_line (&d->target))
    {
      if (d->target.kind == PM_CHART_TARGET_BAND)
        {
          double low, high;

          pm_chart_target_band (&d->target, &low, &high);
          TAKE (low);
          TAKE (high);
        }
      else
        TAKE (d->target.value);
    }

  if (d->baseline_year > 0)
    TAKE (d->baseline_value);
  if (has_required_path (d))
    TAKE (d->required_value);
  if (has_projection (d))
    TAKE (d->projection_from_value);

#undef TAKE

  if (!isfinite (lo))
    {
      /* nothing but the early values, or nothing at all */
      if (isfinite (flo))
        lo = flo, hi = fhi;
      else if (has_projection (d))
        lo = hi = d->projected_value;
      else
        return FALSE;
      finish_range (d, lo, hi, hi, min, max);
      return TRUE;
    }

  finish_range (d, lo, hi, hi, &focus_min, &focus_max);
  if (!isfinite (flo))
    {
      *min = focus_min;
      *max = focus_max;
      return TRUE;
    }

  finish_range (d, MIN (lo, flo), MAX (hi, fhi), MAX (hi, fhi), &all_min, &all_max);

  /* far: the axis through both would give what matters under a third of
   * it; one figure alone (the 2020 value) counts as a fifth of its size
   * around it, as the ticks will show it */
  focus_span = focus_max - focus_min;
  if (focus_span < 1e-9 * MAX (1.0, fabs (focus_max)))
    focus_span = MAX (fabs (focus_max) * 0.2, 1.0);
  if ((fhi < focus_min || flo > focus_max) && focus_span * 3 < all_max - all_min)
    {
      *min = focus_min;
      *max = focus_max;
      *far_min = flo;
      *far_max = fhi;
      return TRUE;
    }

  *min = all_min;
  *max = all_max;
  return TRUE;
}

static PangoLayout *
text (Trend      *t,
      const char *string,
      double      size,
      gboolean    bold,
      double      max_width,
      int         max_lines)
{
  return pm_chart_canvas_text (t->canvas, string, size, bold, max_width, max_lines);
}

/* Title and status chip; returns the bottom of the header. */
static double
draw_header (Trend  *t,
             double  left,
             double  top,
             double  right)
{
  const PmChartTheme *theme = t->theme;
  const PmTrendData *d = t->data;
  const char *status = status_label (d);
  g_autoptr (PangoLayout) title = NULL;
  double chip_w = 0, chip_h = 0, title_w, title_h, bottom;

  if (d->status != PM_CHART_STATUS_NONE && status && *status)
    {
      g_autoptr (PangoLayout) chip = text (t, status, theme->compact ? theme->font_small : theme->font,
                                           TRUE, (right - left) * 0.4, 1);
      PmRgba fill, ink;
      double tw, th, hx = theme->gap * (theme->compact ? 1.0 : 2.0), x, y;

      pm_chart_text_size (chip, &tw, &th);
      chip_w = tw + 2 * hx;
      chip_h = th + theme->gap * (theme->compact ? 0.3 : 0.8);
      x = right - chip_w;
      y = top;

      pm_chart_theme_status (theme, d->status, &fill, &ink);
      cairo_new_path (t->cr);
      cairo_rectangle (t->cr, x, y, chip_w, chip_h);
      pm_chart_set_color (t->cr, &fill);
      cairo_fill_preserve (t->cr);
      if (theme->mono)
        {
          cairo_set_line_width (t->cr, theme->thin * 1.5);
          pm_chart_set_color (t->cr, &theme->text);
          cairo_stroke (t->cr);
        }
      else
        cairo_new_path (t->cr);

      pm_chart_canvas_show (t->canvas, chip, PM_CHART_LABEL_STATUS, x + hx,
                            y + (chip_h - th) / 2, &ink, FALSE);
      chip_w += theme->pad;
    }

  title_w = MAX (right - left - chip_w, theme->font * 4);
  title = text (t, d->title ? d->title : d->code, theme->font_title, TRUE, title_w, 2);
  pm_chart_text_size (title, NULL, &title_h);
  pm_chart_canvas_show (t->canvas, title, PM_CHART_LABEL_TITLE, left, top, &theme->text, FALSE);

  /* small multiples keep two lines for every title, so that their plots
   * line up across a row */
  if (theme->compact && pango_layout_get_line_count (title) < 2)
    title_h *= 2;

  bottom = top + MAX (title_h, chip_h);

  if (!theme->compact)
    {
      g_autoptr (GString) line = g_string_new (NULL);
      g_autoptr (PangoLayout) sub = NULL;
      const PmTrendPoint *latest = pm_trend_data_get_latest (d);
      double h;

      if (d->target.text && *d->target.text && d->target.kind != PM_CHART_TARGET_NONE)
        g_string_append_printf (line, D_ (d->language, "Target for %d: %s"), d->target_year, d->target.text);
      else
        g_string_append (line, D_ (d->language, "No target"));

      if (d->explanation && *d->explanation)
        g_string_append_printf (line, " · %s", d->explanation);
      else if (latest)
        {
          g_autofree char *value = pm_trend_point_dup_label (latest);

          g_string_append (line, " · ");
          g_string_append_printf (line, D_ (d->language, "Latest (%d): %s"), latest->year, value);
        }

      sub = text (t, line->str, theme->font, FALSE, right - left, 2);
      pm_chart_text_size (sub, NULL, &h);
      bottom += theme->gap * 0.5;
      pm_chart_canvas_show (t->canvas, sub, PM_CHART_LABEL_SUBTITLE, left, bottom,
                            &theme->muted, FALSE);
      bottom += h;
    }

  return bottom;
}

typedef enum
{
  LEGEND_OBSERVED,
  LEGEND_HISTORY,
  LEGEND_TARGET,
  LEGEND_BAND,
  LEGEND_PATH,
  LEGEND_PROJECTION,
} LegendKind;

static void
draw_legend_sample (Trend      *t,
                    LegendKind  kind,
                    double      x,
                    double      cy,
                    double      w)
{
  const PmChartTheme *theme = t->theme;
  cairo_t *cr = t->cr;
  double dashes[2];

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  switch (kind)
    {
    case LEGEND_OBSERVED:
      cairo_set_line_width (cr, theme->line);
      pm_chart_set_color (cr, &theme->series);
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + w, cy);
      cairo_stroke (cr);
      pm_chart_draw_marker (cr, PM_MARKER_CIRCLE, x + w / 2, cy, theme->marker, &theme->series,
                            &theme->series, theme->thin * 1.5);
      break;
    case LEGEND_HISTORY:
      pm_chart_draw_marker (cr, PM_MARKER_CIRCLE, x + w / 2, cy, theme->marker, &theme->series,
                            &theme->background, theme->line * 0.8);
      break;
    case LEGEND_TARGET:
    case LEGEND_BAND:
      cairo_rectangle (cr, x, cy - theme->font * 0.45, w, theme->font * 0.9);
      pm_chart_canvas_fill_zone (t->canvas, &theme->zone, kind == LEGEND_BAND);
      cairo_set_line_width (cr, theme->line);
      pm_chart_set_color (cr, &theme->target);
      cairo_move_to (cr, x, cy - (kind == LEGEND_BAND ? theme->font * 0.45 : 0));
      cairo_line_to (cr, x + w, cy - (kind == LEGEND_BAND ? theme->font * 0.45 : 0));
      if (kind == LEGEND_BAND)
        {
          cairo_move_to (cr, x, cy + theme->font * 0.45);
          cairo_line_to (cr, x + w, cy + theme->font * 0.45);
        }
      cairo_stroke (cr);
      break;
    case LEGEND_PATH:
      dashes[0] = theme->line * 3;
      dashes[1] = theme->line * 2;
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_width (cr, theme->line * 0.9);
      pm_chart_set_color (cr, &theme->path);
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + w, cy);
      cairo_stroke (cr);
      break;
    case LEGEND_PROJECTION:
      dashes[0] = 0;
      dashes[1] = theme->line * 2;
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, theme->line * 1.2);
      pm_chart_set_color (cr, &theme->series);
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + w, cy);
      cairo_stroke (cr);
      break;
    default:
      break;
    }
  cairo_restore (cr);
}

/* The legend, in rows from the bottom up; returns its height. */
static double
draw_legend (Trend  *t,
             double  left,
             double  right,
             double  bottom)
{
  const PmChartTheme *theme = t->theme;
  const PmTrendData *d = t->data;
  gboolean observed = FALSE, history = FALSE;
  struct
  {
    LegendKind kind;
    const char *label;
  } entries[6];
  guint n = 0;
  PangoLayout *layouts[6];
  double sample_w = theme->font * 2.2, spacing = theme->font * 1.2;
  double widths[6], line_h = 0, total_h, x, y;
  guint rows = 1;

  for (guint i = 0; i < d->points->len; i++)
    {
      const PmTrendPoint *p = &g_array_index (d->points, PmTrendPoint, i);

      if (isnan (p->value))
        continue;
      if (p->flags & PM_TREND_POINT_HISTORY)
        history = TRUE;
      else
        observed = TRUE;
    }

  if (observed)
    entries[n++] = (typeof (entries[0])) { LEGEND_OBSERVED, D_ (d->language, "Monitoring data") };
  if (history)
    entries[n++] = (typeof (entries[0])) { LEGEND_HISTORY, D_ (d->language, "Results printed in the 2011–2020 plan") };
  if (pm_chart_target_has_line (&d->target))
    entries[n++] = (typeof (entries[0])) {
      d->target.kind == PM_CHART_TARGET_BAND ? LEGEND_BAND : LEGEND_TARGET,
      d->target.kind == PM_CHART_TARGET_BAND ? D_ (d->language, "Target band") :
      (d->target.op == PM_CHART_OP_EQ ? D_ (d->language, "Target") : D_ (d->language, "Target and the side that meets it")) };
  if (has_required_path (d))
    entries[n++] = (typeof (entries[0])) { LEGEND_PATH, D_ (d->language, "Required path") };
  if (has_projection (d))
    entries[n++] = (typeof (entries[0])) { LEGEND_PROJECTION, D_ (d->language, "Projection of the trend") };

  if (n == 0)
    return 0;

  /* measure, then break into rows */
  x = left;
  for (guint i = 0; i < n; i++)
    {
      double h;

      layouts[i] = text (t, entries[i].label, theme->font_small, FALSE,
                         right - left - sample_w - theme->gap, 1);
      pm_chart_text_size (layouts[i], &widths[i], &h);
      line_h = MAX (line_h, h);
      if (x > left && x + sample_w + theme->gap + widths[i] > right)
        {
          rows++;
          x = left;
        }
      x += sample_w + theme->gap + widths[i] + spacing;
    }

  total_h = rows * line_h + (rows - 1) * theme->gap * 0.3;
  x = left;
  y = bottom - total_h;
  for (guint i = 0; i < n; i++)
    {
      if (x > left && x + sample_w + theme->gap + widths[i] > right)
        {
          x = left;
          y += line_h + theme->gap * 0.3;
        }
      draw_legend_sample (t, entries[i].kind, x, y + line_h / 2, sample_w);
      pm_chart_canvas_show (t->canvas, layouts[i], PM_CHART_LABEL_LEGEND,
                            x + sample_w + theme->gap, y, &theme->text, FALSE);
      x += sample_w + theme->gap + widths[i] + spacing;
      g_object_unref (layouts[i]);
    }

  return total_h;
}

static void
draw_target_zone (Trend *t)
{
  const PmTrendData *d = t->data;
  const PmChartTheme *theme = t->theme;
  cairo_t *cr = t->cr;
  double x0, x1, y0, y1;

  if (!pm_chart_target_has_line (&d->target))
    return;

  x0 = MAX (trend_x (t, d->period_start_year), t->p.area.x);
  x1 = d->target_year >= d->last_year ? t->p.area.x + t->p.area.width : trend_x (t, d->target_year);
  if (x1 <= x0)
    return;

  if (d->target.kind == PM_CHART_TARGET_BAND)
    {
      double low, high;

      pm_chart_target_band (&d->target, &low, &high);
      y0 = trend_y (t, high);
      y1 = trend_y (t, low);
      if (y1 - y0 < 1)
        return;
    }
  else
    {
      double y = trend_y (t, d->target.value);

      switch (d->target.op)
        {
        case PM_CHART_OP_GE:
        case PM_CHART_OP_GT:
          y0 = t->p.area.y;
          y1 = y;
          break;
        case PM_CHART_OP_LE:
        case PM_CHART_OP_LT:
          y0 = y;
          y1 = t->p.area.y + t->p.area.height;
          break;
        case PM_CHART_OP_EQ:
        default:
          return;
        }
    }

  y0 = CLAMP (y0, t->p.area.y, t->p.area.y + t->p.area.height);
  y1 = CLAMP (y1, t->p.area.y, t->p.area.y + t->p.area.height);
  if (y1 - y0 < 0.5)
    return;

  cairo_new_path (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  pm_chart_canvas_fill_zone (t->canvas, &theme->zone, d->target.kind == PM_CHART_TARGET_BAND);
}

/* No label may sit on a target line: a value's label on it hid where the
 * target is (and a label's halo cut the line). */
static void
block_line (Trend  *t,
            double  x0,
            double  x1,
            double  y)
{
  double half = t->theme->line * (t->theme->mono ? 1.1 : 1.0) / 2;

  if (y < t->p.area.y - half || y > t->p.area.y + t->p.area.height + half)
    return;
  pm_chart_canvas_occupy (t->canvas, &(PmBox) { x0, y - half, x1 - x0, 2 * half });
}

static void
draw_target_line (Trend *t)
{
  const PmTrendData *d = t->data;
  const PmChartTheme *theme = t->theme;
  cairo_t *cr = t->cr;
  double x0, x1;

  if (!pm_chart_target_has_line (&d->target))
    return;

  x0 = MAX (trend_x (t, d->period_start_year), t->p.area.x);
  x1 = d->target_year >= d->last_year ? t->p.area.x + t->p.area.width : trend_x (t, d->target_year);

  cairo_save (cr);
  cairo_rectangle (cr, t->p.area.x, t->p.area.y - theme->line, t->p.area.width,
                   t->p.area.height + 2 * theme->line);
  cairo_clip (cr);
  cairo_set_line_width (cr, theme->line * (theme->mono ? 1.1 : 1.0));
  pm_chart_set_color (cr, &theme->target);
  if (d->target.kind == PM_CHART_TARGET_BAND)
    {
      double low, high;

      pm_chart_target_band (&d->target, &low, &high);
      cairo_move_to (cr, x0, trend_y (t, low));
      cairo_line_to (cr, x1, trend_y (t, low));
      cairo_move_to (cr, x0, trend_y (t, high));
      cairo_line_to (cr, x1, trend_y (t, high));
      cairo_stroke (cr);
      block_line (t, x0, x1, trend_y (t, low));
      block_line (t, x0, x1, trend_y (t, high));
      if (isfinite (d->target.value) && high - low > 0)
        {
          const double dashes[] = { theme->thin * 2, theme->thin * 2 };

          cairo_set_line_width (cr, theme->thin);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_move_to (cr, x0, trend_y (t, d->target.value));
          cairo_line_to (cr, x1, trend_y (t, d->target.value));
          cairo_stroke (cr);
        }
    }
  else
    {
      double y = trend_y (t, d->target.value);

      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x1, y);
      cairo_stroke (cr);
      block_line (t, x0, x1, y);
    }
  cairo_restore (cr);
}

static char *
target_label_text (const PmTrendData *d,
                   gboolean           compact)
{
  const char *printed = d->target.text && *d->target.text ? d->target.text : NULL;

  if (compact)
    return g_strdup (printed ? printed : "");

  switch (d->target.kind)
    {
    case PM_CHART_TARGET_MANUAL:
      return g_strdup_printf (D_ (d->language, "Target (judged manually): %s"), printed ? printed : "");
    case PM_CHART_TARGET_NONE:
      return g_strdup (D_ (d->language, "No target"));
    default:
      {
        g_autofree char *fallback = NULL;
        g_autofree char *figures = NULL;

        if (printed == NULL && isfinite (d->target.value))
          {
            g_autofree char *v = pm_chart_format_value (d->target.value);

            fallback = g_strdup_printf ("%s%s", pm_chart_op_to_string (d->target.op), v);
          }

        /* words (趋于平衡) or a ratio (2:3) get the figures they stand for */
        if (printed && d->target.kind == PM_CHART_TARGET_BAND && !strpbrk (printed, "0123456789") &&
            isfinite (d->target.low) && isfinite (d->target.high))
          {
            g_autofree char *low = pm_chart_format_value (d->target.low);
            g_autofree char *high = pm_chart_format_value (d->target.high);

            figures = g_strdup_printf (" (%s–%s)", low, high);
          }
        else if (printed && (d->target.kind == PM_CHART_TARGET_RATIO ||
                             d->target.kind == PM_CHART_TARGET_RELATIVE) &&
                 isfinite (d->target.value))
          {
            g_autofree char *v = pm_chart_format_value (round (d->target.value * 1000) / 1000);

            figures = g_strdup_printf (" (%s)", v);
          }

        return g_strdup_printf (D_ (d->language, "Target: %s%s"), printed ? printed : fallback ? fallback : "",
                                figures ? figures : "");
      }
    }
}

static void
place_target_label (Trend *t)
{
  const PmTrendData *d = t->data;
  const PmChartTheme *theme = t->theme;
  g_autofree char *label = target_label_text (d, theme->compact);
  g_autoptr (PangoLayout) layout = NULL;
  double w, h, x0, x1, ya, yb, g = theme->gap * 0.4;

  if (!pm_chart_target_has_line (&d->target) || *label == '\0')
    return;

  layout = text (t, label, theme->compact ? theme->font_small : theme->font, !theme->compact,
                 t->p.area.width * 0.9, 1);
  pm_chart_text_size (layout, &w, &h);
  x0 = MAX (trend_x (t, d->period_start_year), t->p.area.x) + theme->gap;
  x1 = (d->target_year >= d->last_year ? t->p.area.x + t->p.area.width : trend_x (t, d->target_year)) -
       theme->gap;

  if (d->target.kind == PM_CHART_TARGET_BAND)
    {
      double low, high;

      pm_chart_target_band (&d->target, &low, &high);
      ya = trend_y (t, high);
      yb = trend_y (t, low);
    }
  else
    ya = yb = trend_y (t, d->target.value);

  {
    PmBox candidates[] = {
      { x1 - w, ya - h - g, 0, 0 },
      { x1 - w, yb + g, 0, 0 },
      { x0, ya - h - g, 0, 0 },
      { x0, yb + g, 0, 0 },
      { (x0 + x1 - w) / 2, ya - h - g, 0, 0 },
      { (x0 + x1 - w) / 2, yb + g, 0, 0 },
      { x1 - w, ya - 2 * h - g, 0, 0 },
      { x1 - w, yb + h + g, 0, 0 },
      { t->p.area.x + theme->gap, ya - h - g, 0, 0 },
      { t->p.area.x + theme->gap, yb + g, 0, 0 },
    };

    pm_chart_canvas_place (t->canvas, layout, PM_CHART_LABEL_TARGET, candidates,
                           G_N_ELEMENTS (candidates), &t->p.area, &theme->target, TRUE);
  }
}

/* A direction target: an arrow and the words, near the target year. */
static void
draw_direction (Trend *t)
{
  const PmTrendData *d = t->data;
  const PmChartTheme *theme = t->theme;
  cairo_t *cr = t->cr;
  g_autofree char *label = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  int direction = d->target.direction;
  double len = MIN (t->p.area.height * 0.4, theme->font * 5);
  double head = theme->font * 0.55;
  double xa = MIN (trend_x (t, d->target_year), t->p.area.x + t->p.area.width - head * 1.5);
  double cy = t->p.area.y + t->p.area.height * 0.5;
  double w, h;
  const PmTrendPoint *latest = pm_trend_data_get_latest (d);

  /* start the arrow at the latest value, if there is room on that side */
  if (latest && t->p.has_range && direction != 0)
    {
      double ly = trend_y (t, latest->value);

      if (direction > 0 && ly - len > t->p.area.y + head)
        cy = ly - len / 2 - theme->marker * 2;
      else if (direction < 0 && ly + len < t->p.area.y + t->p.area.height - head)
        cy = ly + len / 2 + theme->marker * 2;
    }

  cairo_save (cr);
  cairo_set_line_width (cr, theme->line * 1.3);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  pm_chart_set_color (cr, &theme->target);
  if (direction == 0)
    {
      double x0 = xa - len, x1 = xa;

      cairo_move_to (cr, x0 + head * 0.8, cy);
      cairo_line_to (cr, x1 - head * 0.8, cy);
      cairo_stroke (cr);
      cairo_move_to (cr, x1, cy);
      cairo_line_to (cr, x1 - head, cy - head * 0.6);
      cairo_line_to (cr, x1 - head, cy + head * 0.6);
      cairo_close_path (cr);
      cairo_move_to (cr, x0, cy);
      cairo_line_to (cr, x0 + head, cy - head * 0.6);
      cairo_line_to (cr, x0 + head, cy + head * 0.6);
      cairo_close_path (cr);
      cairo_fill (cr);
      pm_chart_canvas_occupy (t->canvas, &(PmBox) { x0, cy - head, len, 2 * head });
    }
  else
    {
      double s = direction > 0 ? -1 : 1; /* up the page is -y */
      double y0 = cy - s * len / 2, y1 = cy + s * len / 2;

      cairo_move_to (cr, xa, y0);
      cairo_line_to (cr, xa, y1 - s * head * 0.8);
      cairo_stroke (cr);
      cairo_move_to (cr, xa, y1);
      cairo_line_to (cr, xa - head * 0.6, y1 - s * head);
      cairo_line_to (cr, xa + head * 0.6, y1 - s * head);
      cairo_close_path (cr);
      cairo_fill (cr);
      pm_chart_canvas_occupy (t->canvas, &(PmBox) { xa - head, cy - len / 2, 2 * head, len });
    }
  cairo_restore (cr);

  label = target_label_text (d, theme->compact);
  if (*label == '\0')
    return;
  layout = text (t, label, theme->compact ? theme->font_small : theme->font, !theme->compact,
                 t->p.area.width * 0.6, 2);
  pm_chart_text_size (layout, &w, &h);

  {
    double left_of = (direction == 0 ? xa - len : xa - head) - theme->gap - w;
    PmBox candidates[] = {
      { left_of, cy - h / 2, 0, 0 },
      { left_of, cy - len / 2, 0, 0 },
      { left_of, cy + len / 2 - h, 0, 0 },
      { xa - w, cy - len / 2 - h - theme->gap, 0, 0 },
      { xa - w, cy + len / 2 + theme->gap, 0, 0 },
      { t->p.area.x + t->p.area.width - w - theme->gap, t->p.area.y + theme->gap, 0, 0 },
      { t->p.area.x + theme->gap, t->p.area.y + theme->gap, 0, 0 },
    };

    pm_chart_canvas_place (t->canvas, layout, PM_CHART_LABEL_TARGET, candidates,
                           G_N_ELEMENTS (candidates), &t->p.area, &theme->target, TRUE);
  }
}

/* A target with no line: the printed text in a corner of the plot. */
static void
draw_target_text (Trend *t)
{
  const PmTrendData *d = t->data;
  const PmChartTheme *theme = t->theme;
  g_autofree char *label = target_label_text (d, theme->compact);
  g_autoptr (PangoLayout) layout = NULL;
  double w, h, g = theme->gap;

  if (*label == '\0')
    return;

  layout = text (t, label, theme->compact ? theme->font_small : theme->font,
                 !theme->compact && d->target.kind != PM_CHART_TARGET_NONE,
                 t->p.area.width * (theme->compact ? 0.9 : 0.55), 3);
  pm_chart_text_size (layout, &w, &h);

  {
    PmBox candidates[] = {
      { t->p.area.x + t->p.area.width - w - g, t->p.area.y + g, 0, 0 },
      { t->p.area.x + g, t->p.area.y + g, 0, 0 },
      { t->p.area.x + t->p.area.width - w - g, t->p.area.y + t->p.area.height - h - g, 0, 0 },
      { t->p.area.x + g, t->p.area.y + t->p.area.height - h - g, 0, 0 },
      { t->p.area.x + t->p.area.width - w - g, t->p.area.y + (t->p.area.height - h) / 2, 0, 0 },
    };

    pm_chart_canvas_place (t->canvas, layout, PM_CHART_LABEL_TARGET, candidates,
                           G_N_ELEMENTS (candidates), &t->p.area,
                           d->target.kind == PM_CHART_TARGET_NONE ? &theme->muted : &theme->target,
                           TRUE);
  }
}

static void
draw_required_path (Trend *t)
{
  const PmTrendData *d = t->data;
  const PmChartTheme *theme = t->theme;
  cairo_t *cr = t->cr;
  const double dashes[] = { theme->line * 3, theme->line * 2 };

  if (!has_required_path (d))
    return;

  cairo_save (cr);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_set_line_width (cr, theme->line * 0.9);
  pm_chart_set_color (cr, &theme->path);
  cairo_move_to (cr, trend_x (t, d->baseline_year), trend_y (t, d->baseline_value));
  cairo_line_to (cr, trend_x (t, d->target_year), trend_y (t, d->required_value));
  cairo_stroke (cr);
  cairo_restore (cr);
  pm_chart_canvas_avoid_line (t->canvas, trend_x (t, d->baseline_year), trend_y (t, d->baseline_value),
                              trend_x (t, d->target_year), trend_y (t, d->required_value),
                              theme->line);
}

static void
draw_projection (Trend *t)
{
  const PmTrendData *d = t->data;
  const PmChartTheme *theme = t->theme;
  cairo_t *cr = t->cr;
  const double dashes[] = { 0, theme->line * 2 };
  double x, y;

  if (!has_projection (d))
    return;

  x = trend_x (t, d->target_year);
  y = trend_y (t, d->projected_value);

  /* a projection far off the range runs off the plot */
  cairo_save (cr);
  cairo_rectangle (cr, t->p.area.x, t->p.area.y, t->p.area.width, t->p.area.height);
  cairo_clip (cr);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, theme->line * 1.2);
  pm_chart_set_color (cr, &theme->series);
  cairo_move_to (cr, trend_x (t, d->projection_from_year), trend_y (t, d->projection_from_value));
  cairo_line_to (cr, x, y);
  cairo_stroke (cr);
  cairo_restore (cr);
  pm_chart_canvas_avoid_line (t->canvas, trend_x (t, d->projection_from_year),
                              trend_y (t, d->projection_from_value), x, y, theme->line);

  if (y < t->p.area.y || y > t->p.area.y + t->p.area.height)
    return;

  pm_chart_draw_marker (cr, PM_MARKER_DIAMOND, x, y, theme->marker, &theme->series,
                        &theme->background, theme->thin * 1.6);
  pm_chart_canvas_occupy (t->canvas, &(PmBox) { x - theme->marker * 1.4, y - theme->marker * 1.4,
                                                theme->marker * 2.8, theme->marker * 2.8 });
}

static void
place_projection_label (Trend *t)
{
  const PmTrendData *d = t->data;
  const PmChartTheme *theme = t->theme;
  g_autofree char *value = NULL;
  g_autofree char *label = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  double x, y, w, h, r;

  if (!has_projection (d) || theme->compact)
    return;

  value = pm_chart_format_value (round (d->projected_value * 100) / 100);
  label = g_strdup_printf (D_ (d->language, "Projected %d: %s"), d->target_year, value);
  layout = text (t, label, theme->font_small, FALSE, -1, 0);
  pm_chart_text_size (layout, &w, &h);
  x = trend_x (t, d->target_year);
  y = CLAMP (trend_y (t, d->projected_value), t->p.area.y + h / 2,
             t->p.area.y + t->p.area.height - h / 2);
  r = theme->marker * 1.6;

  {
    PmBox candidates[] = {
      { x - r - theme->gap * 0.5 - w, y - h / 2, 0, 0 },
      { x - w, y - r - h, 0, 0 },
      { x - w, y + r, 0, 0 },
      { x - r - theme->gap * 0.5 - w, y - r - h, 0, 0 },
      { x - r - theme->gap * 0.5 - w, y + r, 0, 0 },
    };

    pm_chart_canvas_place (t->canvas, layout, PM_CHART_LABEL_PROJECTION, candidates,
                           G_N_ELEMENTS (candidates), &t->p.area, &theme->series, TRUE);
  }
}

static void
draw_observations (Trend *t)
{
  const PmTrendData *d = t->data;
  const PmChartTheme *theme = t->theme;
  cairo_t *cr = t->cr;
  const PmTrendPoint *latest = pm_trend_data_get_latest (d);

  cairo_save (cr);
  cairo_set_line_width (cr, theme->line);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  pm_chart_set_color (cr, &theme->series);
  for (guint i = 1; i < d->points->len; i++)
    {
      const PmTrendPoint *a = &g_array_index (d->points, PmTrendPoint, i - 1);
      const PmTrendPoint *b = &g_array_index (d->points, PmTrendPoint, i);

      /* a missing year is a gap, not a straight line across it */
      if (isnan (a->value) || isnan (b->value) || b->year - a->year != 1)
        continue;
      cairo_move_to (cr, trend_x (t, a->year), trend_y (t, a->value));
      cairo_line_to (cr, trend_x (t, b->year), trend_y (t, b->value));
      pm_chart_canvas_avoid_line (t->canvas, trend_x (t, a->year), trend_y (t, a->value),
                                  trend_x (t, b->year), trend_y (t, b->value), theme->line);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < d->points->len; i++)
    {
      const PmTrendPoint *p = &g_array_index (d->points, PmTrendPoint, i);
      gboolean hollow = (p->flags & (PM_TREND_POINT_HISTORY | PM_TREND_POINT_PROVISIONAL)) != 0;
      double r = theme->marker * (p == latest ? 1.25 : 1.0);
      double x, y;

      if (isnan (p->value) || p->year < d->first_year || p->year > d->last_year)
        continue;

      x = trend_x (t, p->year);
      y = trend_y (t, p->value);
      pm_chart_draw_marker (cr, PM_MARKER_CIRCLE, x, y, r, &theme->series,
                            hollow ? &theme->background : &theme->series,
                            hollow ? theme->line * 0.8 : theme->thin);
      pm_chart_canvas_occupy (t->canvas, &(PmBox) { x - r - theme->thin, y - r - theme->thin,
                                                    2 * (r + theme->thin), 2 * (r + theme->thin) });
    }
}

static void
place_value_label (Trend              *t,
                   const PmTrendPoint *p,
                   gboolean            latest)
{
  /* as the plan prints it: 98.90, not 98.9 */
  g_autofree char *label = pm_trend_point_dup_label (p);

  pm_chart_plot_place_value (&t->p, p->year, p->value, label, latest,
                             latest ? PM_CHART_LABEL_LATEST : PM_CHART_LABEL_VALUE,
                             latest ? &t->theme->text : &t->theme->muted);
}

static void
place_value_labels (Trend *t)
{
  const PmTrendData *d = t->data;
  const PmTrendPoint *latest = pm_trend_data_get_latest (d);
  guint n = pm_trend_data_count_values (d);
  guint first = G_MAXUINT;

  if (latest == NULL)
    return;

  place_value_label (t, latest, TRUE);
  if (t->theme->compact)
    {
      /* a value past the break of the axis is read by its label alone */
      if (t->p.break_side != 0)
        for (guint i = 0; i < d->points->len; i++)
          {
            const PmTrendPoint *p = &g_array_index (d->points, PmTrendPoint, i);

            if (p != latest && isfinite (p->value) && p->year < d->period_start_year &&
                p->year >= d->first_year)
              place_value_label (t, p, FALSE);
          }
      return;
    }

  /* the first value, then the others while there are few */
  for (guint i = 0; i < d->points->len; i++)
    {
      const PmTrendPoint *p = &g_array_index (d->points, PmTrendPoint, i);

      if (isnan (p->value) || p == latest || p->year < d->first_year || p->year > d->last_year)
        continue;
      if (first == G_MAXUINT)
        {
          first = i;
          place_value_label (t, p, FALSE);
        }
      else if (n <= 12)
        place_value_label (t, p, FALSE);
    }
}

void
pm_chart_trend_draw_in (PmChartCanvas     *canvas,
                        const PmTrendData *data,
                        double             x,
                        double             y,
                        double             width,
                        double             height)
{
  const PmChartTheme *theme = &canvas->theme;
  Trend t = { canvas, data, theme, canvas->cr };
  double left = x + theme->pad, right = x + width - theme->pad;
  double top = y + theme->pad * (theme->compact ? 0.8 : 1.0), bottom = y + height - theme->pad;
  double min = 0, max = 1, far_min = NAN, far_max = NAN;
  gboolean has_range;

  g_return_if_fail (data != NULL);
  g_return_if_fail (data->last_year > data->first_year);

  if (right - left < theme->font * 6 || bottom - top < theme->font * 5)
    return; /* too small to show anything legible */

  cairo_save (t.cr);

  top = draw_header (&t, left, top, right);

  if (!theme->compact)
    {
      if (data->footnote && *data->footnote)
        {
          g_autoptr (PangoLayout) note = text (&t, data->footnote, theme->font_small, FALSE,
                                               right - left, 2);
          double h;

          pm_chart_text_size (note, NULL, &h);
          pm_chart_canvas_show (canvas, note, PM_CHART_LABEL_FOOTNOTE, left, bottom - h,
                                &theme->muted, FALSE);
          bottom -= h + theme->gap * 1.5;
        }
      bottom -= draw_legend (&t, left, right, bottom);
      bottom -= theme->gap;
    }

  if (!theme->compact && data->unit && *data->unit)
    {
      g_autofree char *label = g_strdup_printf (D_ (data->language, "Unit: %s"), data->unit);
      g_autoptr (PangoLayout) unit = text (&t, label, theme->font_small, FALSE, right - left, 1);
      double h;

      pm_chart_text_size (unit, NULL, &h);
      top += theme->gap;
      pm_chart_canvas_show (canvas, unit, PM_CHART_LABEL_UNIT, left, top, &theme->muted, FALSE);
      top += h;
    }

  has_range = collect_range (data, &min, &max, &far_min, &far_max);
  if (!pm_chart_plot_init_broken (&t.p, canvas, left, top, right, bottom, data->first_year,
                                  data->last_year, has_range, min, max, far_min, far_max))
    {
      cairo_restore (t.cr);
      return;
    }

  /* the drawing, back to front */
  draw_target_zone (&t);
  pm_chart_plot_draw_grid (&t.p);
  pm_chart_plot_draw_marks (&t.p, data->midterm_year, data->target_year);
  pm_chart_plot_draw_axes (&t.p);
  draw_target_line (&t);
  draw_required_path (&t);
  draw_projection (&t);
  draw_observations (&t);

  /* the labels, most important first: each later one finds its place
   * among the earlier ones, or is left out */
  pm_chart_plot_draw_ticks (&t.p);
  place_value_labels (&t);

  switch (data->target.kind)
    {
    case PM_CHART_TARGET_DIRECTION:
      draw_direction (&t);
      break;
    case PM_CHART_TARGET_COMPARISON:
    case PM_CHART_TARGET_BAND:
    case PM_CHART_TARGET_RATIO:
    case PM_CHART_TARGET_RELATIVE:
      if (pm_chart_target_has_line (&data->target))
        place_target_label (&t);
      else
        draw_target_text (&t);
      break;
    case PM_CHART_TARGET_MANUAL:
    case PM_CHART_TARGET_NONE:
    default:
      draw_target_text (&t);
      break;
    }

  if (pm_trend_data_count_values (data) == 0)
    pm_chart_plot_draw_message (&t.p, D_ (data->language, "No data yet"));

  place_projection_label (&t);
  pm_chart_plot_place_mark_labels (&t.p, data->midterm_year, data->target_year);

  cairo_restore (t.cr);
}

void
pm_chart_draw_trend (cairo_t           *cr,
                     const PmTrendData *data,
                     PmChartStyle       style,
                     double             width,
                     double             height,
                     PmChartLayout     *layout)
{
  PmChartCanvas canvas;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  pm_chart_canvas_init (&canvas, cr, style, width, height, layout);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  pm_chart_set_color (cr, &canvas.theme.background);
  cairo_fill (cr);
  pm_chart_trend_draw_in (&canvas, data, 0, 0, width, height);
  cairo_restore (cr);

  pm_chart_canvas_clear (&canvas);
}
