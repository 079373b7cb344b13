/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-comparison"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-chart-draw.h"
#include "pm-chart-private.h"

/* Several indicators with the same unit on one chart (the three 近视率
 * rows, the vaccination rates): one colour, marker and dash per series, each
 * with its own target line, and a legend that names them. */

typedef struct
{
  PmRgba color;
  PmMarker marker;
  const double *dashes;
  int n_dashes;
} Look;

static void
look_for (const PmChartTheme *theme,
          guint               index,
          Look               *look)
{
  pm_chart_theme_series (theme, index, &look->color, &look->marker, &look->dashes,
                         &look->n_dashes);
}

static void
set_dashes (cairo_t    *cr,
            const Look *look,
            double      scale)
{
  double dashes[8];

  for (int i = 0; i < look->n_dashes && i < 8; i++)
    dashes[i] = look->dashes[i] * scale;
  cairo_set_dash (cr, dashes, MIN (look->n_dashes, 8), 0);
}

static void
draw_sample (PmChartCanvas *canvas,
             const Look    *look,
             double         x,
             double         cy,
             double         w)
{
  const PmChartTheme *theme = &canvas->theme;
  cairo_t *cr = canvas->cr;

  cairo_save (cr);
  cairo_set_line_width (cr, theme->line);
  set_dashes (cr, look, theme->line);
  pm_chart_set_color (cr, &look->color);
  cairo_move_to (cr, x, cy);
  cairo_line_to (cr, x + w, cy);
  cairo_stroke (cr);
  cairo_restore (cr);
  pm_chart_draw_marker (cr, look->marker, x + w / 2, cy, theme->marker * 1.1, &look->color,
                        &look->color, theme->thin * 1.5);
}

static gboolean same_target (const PmTrendData *a,
                             const PmTrendData *b);

static void
draw_target_sample (PmChartCanvas *canvas,
                    const PmRgba  *color,
                    double         x,
                    double         cy,
                    double         w)
{
  const PmChartTheme *theme = &canvas->theme;
  cairo_t *cr = canvas->cr;
  Look look = { *color, PM_MARKER_CIRCLE, NULL, 0 };

  pm_chart_theme_target_dashes (theme, &look.dashes, &look.n_dashes);
  cairo_save (cr);
  cairo_set_line_width (cr, theme->line * 0.8);
  set_dashes (cr, &look, theme->line);
  pm_chart_set_color (cr, color);
  cairo_move_to (cr, x, cy);
  cairo_line_to (cr, x + w, cy);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
legend_text (const PmTrendData *d)
{
  g_autoptr (GString) text = g_string_new (d->title ? d->title : d->code);
  const char *status = d->status_label && *d->status_label ? d->status_label
                                                           : pm_chart_status_to_label (d->status, d->language);

  if (d->target.text && *d->target.text && d->target.kind != PM_CHART_TARGET_NONE)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, D_ (d->language, "target %s"), d->target.text);
    }
  if (status && *status)
    g_string_append_printf (text, " · %s", status);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The legend, one entry a line when they are long; returns its height. */
static double
draw_legend (PmChartCanvas       *canvas,
             PmTrendData * const *series,
             guint                n_series,
             double               left,
             double               right,
             double               bottom)
{
  const PmChartTheme *theme = &canvas->theme;
  double sample_w = theme->font * 3.0, spacing = theme->font * 1.4;
  double avail = right - left, column_w, total_h, line_h = 0;
  g_autoptr (GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double widest = 0;
  guint columns, rows;

  gboolean targets = FALSE, shared = TRUE;
  guint n_entries;

  for (guint i = 0; i < n_series; i++)
    {
      if (pm_chart_target_has_line (&series[i]->target))
        targets = TRUE;
      if (!same_target (series[0], series[i]))
        shared = FALSE;
    }
  n_entries = n_series + (targets ? 1 : 0);

  for (guint i = 0; i < n_entries; i++)
    {
      /* the last entry: the target lines, which have a dash of their own */
      g_autofree char *label = i < n_series ? legend_text (series[i])
                               : g_strdup (shared && n_series > 1 ? D_ (canvas->language, "Target")
                                           : n_series > 1 ? D_ (canvas->language, "Targets, each with its figure on the line")
                                           : D_ (canvas->language, "Target"));
      PangoLayout *layout = pm_chart_canvas_text (canvas, label, theme->font_small, FALSE,
                                                  avail - sample_w - theme->gap, 1);
      double w, h;

      pm_chart_text_size (layout, &w, &h);
      widest = MAX (widest, w);
      line_h = MAX (line_h, h);
      g_ptr_array_add (layouts, layout);
    }

  /* as many columns of equal width as the widest entry allows */
  column_w = sample_w + theme->gap + widest + spacing;
  columns = CLAMP ((guint) floor ((avail + spacing) / column_w), 1, MAX (n_entries, 1));
  rows = (n_entries + columns - 1) / columns;
  column_w = (avail + spacing) / columns;
  total_h = rows * line_h + (rows - 1) * theme->gap * 0.4;

  for (guint i = 0; i < n_entries; i++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      guint row = i / columns, column = i % columns;
      double x = left + column * column_w;
      double y = bottom - total_h + row * (line_h + theme->gap * 0.4);
      Look look;

      /* a narrower column than the text: cut it there */
      if (columns > 1)
        pango_layout_set_width (layout, (int) ((column_w - spacing - sample_w - theme->gap) *
                                               PANGO_SCALE));
      if (i < n_series)
        {
          look_for (theme, i, &look);
          draw_sample (canvas, &look, x, y + line_h / 2, sample_w);
        }
      else
        draw_target_sample (canvas, shared ? &theme->target : &theme->muted, x,
                            y + line_h / 2, sample_w);
      pm_chart_canvas_show (canvas, layout, PM_CHART_LABEL_LEGEND, x + sample_w + theme->gap, y,
                            &theme->text, FALSE);
    }

  return total_h;
}

static gboolean
collect_range (PmTrendData * const *series,
               guint                n_series,
               double              *min,
               double              *max)
{
  double lo = INFINITY, hi = -INFINITY;

  for (guint s = 0; s < n_series; s++)
    {
      const PmTrendData *d = series[s];

      for (guint i = 0; i < d->points->len; i++)
        {
          double v = g_array_index (d->points, PmTrendPoint, i).value;

          if (isfinite (v))
            lo = MIN (lo, v), hi = MAX (hi, v);
        }
      if (pm_chart_target_has_line (&d->target))
        {
          double low, high;

          pm_chart_target_band (&d->target, &low, &high);
          lo = MIN (lo, low);
          hi = MAX (hi, high);
        }
    }

  if (!isfinite (lo))
    return FALSE;

  pm_chart_plot_pad_range (&lo, &hi);
  *min = lo;
  *max = hi;
  return TRUE;
}

static gboolean
same_target (const PmTrendData *a,
             const PmTrendData *b)
{
  return a->target.kind == b->target.kind && a->target.op == b->target.op &&
         g_strcmp0 (a->target.text, b->target.text) == 0 &&
         (a->target.value == b->target.value ||
          (isnan (a->target.value) && isnan (b->target.value))) &&
         a->period_start_year == b->period_start_year && a->target_year == b->target_year;
}

/* The look of series i's target: its own colour, or none where an earlier
 * series has the same target (drawn once), or the target colour where
 * every series shares it. */
static gboolean
target_look (const PmChartTheme  *theme,
             PmTrendData * const *series,
             guint                n_series,
             guint                i,
             Look                *look,
             gboolean            *shared_out)
{
  gboolean shared = n_series > 1;

  for (guint j = 0; j < i; j++)
    if (same_target (series[j], series[i]))
      return FALSE;
  for (guint j = 1; j < n_series; j++)
    if (!same_target (series[0], series[j]))
      shared = FALSE;

  look_for (theme, i, look);
  if (shared)
    look->color = theme->target;
  if (shared_out)
    *shared_out = shared;
  return TRUE;
}

static void
draw_target (const PmChartPlot *plot,
             const PmTrendData *d,
             const Look        *look)
{
  const PmChartTheme *theme = &plot->canvas->theme;
  cairo_t *cr = plot->canvas->cr;
  Look dashed = *look;
  double x0, x1, low, high;

  if (!pm_chart_target_has_line (&d->target))
    return;

  pm_chart_target_band (&d->target, &low, &high);
  x0 = MAX (pm_chart_plot_x (plot, d->period_start_year), plot->area.x);
  x1 = d->target_year >= plot->last_year ? plot->area.x + plot->area.width
                                         : pm_chart_plot_x (plot, d->target_year);

  pm_chart_theme_target_dashes (theme, &dashed.dashes, &dashed.n_dashes);
  cairo_save (cr);
  cairo_set_line_width (cr, theme->line * 0.8);
  set_dashes (cr, &dashed, theme->line);
  pm_chart_set_color (cr, &look->color);
  cairo_move_to (cr, x0, pm_chart_plot_y (plot, low));
  cairo_line_to (cr, x1, pm_chart_plot_y (plot, low));
  if (high > low)
    {
      cairo_move_to (cr, x0, pm_chart_plot_y (plot, high));
      cairo_line_to (cr, x1, pm_chart_plot_y (plot, high));
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* no label on a target line: it would hide where the target is */
  for (int i = 0; i < (high > low ? 2 : 1); i++)
    {
      double y = pm_chart_plot_y (plot, i == 0 ? low : high), half = theme->line * 0.4;

      if (y >= plot->area.y - half && y <= plot->area.y + plot->area.height + half)
        pm_chart_canvas_occupy (plot->canvas, &(PmBox) { x0, y - half, x1 - x0, 2 * half });
    }
}

static void
place_target_label (const PmChartPlot *plot,
                    const PmTrendData *d,
                    const Look        *look,
                    gboolean           shared)
{
  PmChartCanvas *canvas = plot->canvas;
  const PmChartTheme *theme = &canvas->theme;
  g_autoptr (PangoLayout) layout = NULL;
  double w, h, x1, ya, yb, low, high, g = theme->gap * 0.4;

  if (!pm_chart_target_has_line (&d->target) || d->target.text == NULL)
    return;

  {
    /* one target for all: say what it is; one each: the series' colour says whose */
    g_autofree char *label = shared ? g_strdup_printf (D_ (d->language, "Target: %s"), d->target.text)
                                    : g_strdup (d->target.text);

    layout = pm_chart_canvas_text (canvas, label, theme->font_small, TRUE, -1, 0);
  }
  pm_chart_text_size (layout, &w, &h);
  pm_chart_target_band (&d->target, &low, &high);
  ya = pm_chart_plot_y (plot, high);
  yb = pm_chart_plot_y (plot, low);
  x1 = (d->target_year >= plot->last_year ? plot->area.x + plot->area.width
                                          : pm_chart_plot_x (plot, d->target_year)) - theme->gap;

  {
    PmBox candidates[] = {
      { x1 - w, ya - h - g, 0, 0 },
      { x1 - w, yb + g, 0, 0 },
      { x1 - 2 * w - theme->gap, ya - h - g, 0, 0 },
      { x1 - 2 * w - theme->gap, yb + g, 0, 0 },
      { x1 - 3 * w - 2 * theme->gap, ya - h - g, 0, 0 },
      { x1 - 3 * w - 2 * theme->gap, yb + g, 0, 0 },
    };

    pm_chart_canvas_place (canvas, layout, PM_CHART_LABEL_TARGET, candidates,
                           G_N_ELEMENTS (candidates), &plot->area, &look->color, TRUE);
  }
}

static void
draw_series (const PmChartPlot *plot,
             const PmTrendData *d,
             const Look        *look)
{
  PmChartCanvas *canvas = plot->canvas;
  const PmChartTheme *theme = &canvas->theme;
  cairo_t *cr = canvas->cr;

  cairo_save (cr);
  cairo_set_line_width (cr, theme->line);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_dashes (cr, look, theme->line);
  pm_chart_set_color (cr, &look->color);
  for (guint i = 1; i < d->points->len; i++)
    {
      const PmTrendPoint *a = &g_array_index (d->points, PmTrendPoint, i - 1);
      const PmTrendPoint *b = &g_array_index (d->points, PmTrendPoint, i);

      if (isnan (a->value) || isnan (b->value) || b->year - a->year != 1)
        continue;
      cairo_move_to (cr, pm_chart_plot_x (plot, a->year), pm_chart_plot_y (plot, a->value));
      cairo_line_to (cr, pm_chart_plot_x (plot, b->year), pm_chart_plot_y (plot, b->value));
      pm_chart_canvas_avoid_line (canvas, pm_chart_plot_x (plot, a->year),
                                  pm_chart_plot_y (plot, a->value), pm_chart_plot_x (plot, b->year),
                                  pm_chart_plot_y (plot, b->value), theme->line);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < d->points->len; i++)
    {
      const PmTrendPoint *p = &g_array_index (d->points, PmTrendPoint, i);
      gboolean hollow = (p->flags & PM_TREND_POINT_HISTORY) != 0;
      double x, y, r = theme->marker * 1.1;

      if (isnan (p->value) || p->year < plot->first_year || p->year > plot->last_year)
        continue;
      x = pm_chart_plot_x (plot, p->year);
      y = pm_chart_plot_y (plot, p->value);
      pm_chart_draw_marker (cr, look->marker, x, y, r, &look->color,
                            hollow ? &theme->background : &look->color, theme->thin * 1.5);
      pm_chart_canvas_occupy (canvas, &(PmBox) { x - r * 1.3, y - r * 1.3, r * 2.6, r * 2.6 });
    }
}

void
pm_chart_draw_comparison (cairo_t             *cr,
                          const char          *title,
                          PmTrendData * const *series,
                          guint                n_series,
                          PmChartStyle         style,
                          double               width,
                          double               height,
                          PmChartLayout       *layout)
{
  PmChartCanvas canvas;
  const PmChartTheme *theme;
  PmChartPlot plot;
  double left, right, top, bottom, min = 0, max = 1;
  int first_year = G_MAXINT, last_year = G_MININT, midterm_year = 0, target_year = 0;
  gboolean has_range, any_value = FALSE;
  const char *unit = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (series != NULL || n_series == 0);

  pm_chart_canvas_init (&canvas, cr, style, width, height, layout);
  canvas.language = n_series > 0 ? series[0]->language : PM_LANGUAGE_DEFAULT;
  theme = &canvas.theme;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  pm_chart_set_color (cr, &theme->background);
  cairo_fill (cr);

  left = theme->pad;
  right = width - theme->pad;
  top = theme->pad;
  bottom = height - theme->pad;
  if (right - left < theme->font * 6 || bottom - top < theme->font * 6)
    goto out;

  for (guint i = 0; i < n_series; i++)
    {
      first_year = MIN (first_year, series[i]->first_year);
      last_year = MAX (last_year, series[i]->last_year);
      midterm_year = MAX (midterm_year, series[i]->midterm_year);
      target_year = MAX (target_year, series[i]->target_year);
      if (unit == NULL && series[i]->unit && *series[i]->unit)
        unit = series[i]->unit;
      if (pm_trend_data_count_values (series[i]) > 0)
        any_value = TRUE;
    }
  if (n_series == 0)
    first_year = 2010, last_year = 2030, midterm_year = 2025, target_year = 2030;

  {
    g_autoptr (PangoLayout) head = pm_chart_canvas_text (&canvas, title ? title : "",
                                                         theme->font_title, TRUE, right - left, 2);
    double h;

    pm_chart_text_size (head, NULL, &h);
    pm_chart_canvas_show (&canvas, head, PM_CHART_LABEL_TITLE, left, top, &theme->text, FALSE);
    top += h;
  }

  if (unit)
    {
      g_autofree char *label = g_strdup_printf (D_ (canvas.language, "Unit: %s"), unit);
      g_autoptr (PangoLayout) text = pm_chart_canvas_text (&canvas, label, theme->font_small, FALSE,
                                                           right - left, 1);
      double h;

      pm_chart_text_size (text, NULL, &h);
      top += theme->gap;
      pm_chart_canvas_show (&canvas, text, PM_CHART_LABEL_UNIT, left, top, &theme->muted, FALSE);
      top += h;
    }

  bottom -= draw_legend (&canvas, series, n_series, left, right, bottom) + theme->gap * 1.5;

  has_range = collect_range (series, n_series, &min, &max);
  if (!pm_chart_plot_init (&plot, &canvas, left, top, right, bottom, first_year, last_year,
                           has_range, min, max))
    goto out;

  pm_chart_plot_draw_grid (&plot);
  pm_chart_plot_draw_marks (&plot, midterm_year, target_year);
  pm_chart_plot_draw_axes (&plot);

  for (guint i = 0; i < n_series; i++)
    {
      Look look;

      if (target_look (theme, series, n_series, i, &look, NULL))
        draw_target (&plot, series[i], &look);
    }
  for (guint i = 0; i < n_series; i++)
    {
      Look look;

      look_for (theme, i, &look);
      draw_series (&plot, series[i], &look);
    }

  pm_chart_plot_draw_ticks (&plot);

  for (guint i = 0; i < n_series; i++)
    {
      const PmTrendPoint *latest = pm_trend_data_get_latest (series[i]);
      Look look;

      look_for (theme, i, &look);
      if (latest)
        {
          g_autofree char *value = pm_trend_point_dup_label (latest);

          pm_chart_plot_place_value (&plot, latest->year, latest->value, value, TRUE,
                                     PM_CHART_LABEL_LATEST, &look.color);
        }
    }
  for (guint i = 0; i < n_series; i++)
    {
      Look look;

      gboolean shared;

      if (target_look (theme, series, n_series, i, &look, &shared))
        place_target_label (&plot, series[i], &look, shared);
    }

  if (!any_value)
    pm_chart_plot_draw_message (&plot, D_ (canvas.language, "No data yet"));

  pm_chart_plot_place_mark_labels (&plot, midterm_year, target_year);

out:
  cairo_restore (cr);
  pm_chart_canvas_clear (&canvas);
}
