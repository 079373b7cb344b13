/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-plot"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-chart-private.h"

/* The axes of the year charts (trend, comparison, small multiples): years
 * across, values up, with ticks at nice values and marks at the mid-term
 * and the final year. */

double
pm_chart_plot_x (const PmChartPlot *plot,
                 double             year)
{
  return plot->area.x + (year - plot->year_min) / (plot->year_max - plot->year_min) * plot->area.width;
}

double
pm_chart_plot_y (const PmChartPlot *plot,
                 double             value)
{
  /* past the break: the far values spread over the middle half of the strip */
  if ((plot->break_side < 0 && value < plot->ticks.min && value <= plot->far_max + 1e-9) ||
      (plot->break_side > 0 && value > plot->ticks.max && value >= plot->far_min - 1e-9))
    {
      double span = plot->far_max - plot->far_min;
      double f = span > 1e-12 ? (value - plot->far_min) / span : 0.5;

      f = CLAMP (f, 0.0, 1.0);
      return plot->strip.y + plot->strip.height * (0.75 - 0.5 * f);
    }

  return plot->area.y + plot->area.height -
         (value - plot->ticks.min) / (plot->ticks.max - plot->ticks.min) * plot->area.height;
}

/* Widens [min, max] for showing: from zero when zero is near, and with a
 * little room so that no marker sits on the frame. */
void
pm_chart_plot_pad_range (double *min,
                         double *max)
{
  double lo = *min, hi = *max;

  /* Start positive values at zero when zero is near anyway; not when the
   * floor would sit a third of the way up. */
  if (lo > 0 && lo < hi * 0.35)
    lo = 0;

  if (hi > lo)
    {
      double room = (hi - lo) * 0.04;

      if (lo != 0)
        lo = (lo > 0 && lo - room < 0) ? 0 : lo - room;
      if (hi != 0)
        hi = (hi < 0 && hi + room > 0) ? 0 : hi + room;
    }

  *min = lo;
  *max = hi;
}

static PangoLayout *
small_text (PmChartCanvas *canvas,
            const char    *text)
{
  return pm_chart_canvas_text (canvas, text, canvas->theme.font_small, FALSE, -1, 0);
}

/* Lays out the plot inside the box (left, top)–(right, bottom), which
 * leaves room for the tick labels, and records it in the canvas' layout.
 * Returns: FALSE when the box is too small for a plot */
gboolean
pm_chart_plot_init (PmChartPlot   *plot,
                    PmChartCanvas *canvas,
                    double         left,
                    double         top,
                    double         right,
                    double         bottom,
                    int            first_year,
                    int            last_year,
                    gboolean       has_range,
                    double         min,
                    double         max)
{
  return pm_chart_plot_init_broken (plot, canvas, left, top, right, bottom, first_year, last_year,
                                    has_range, min, max, NAN, NAN);
}

/* As pm_chart_plot_init (), with the values from far_min to far_max (NAN:
 * none), which lie all below min or all above max, drawn past a break of
 * the value axis. */
gboolean
pm_chart_plot_init_broken (PmChartPlot   *plot,
                           PmChartCanvas *canvas,
                           double         left,
                           double         top,
                           double         right,
                           double         bottom,
                           int            first_year,
                           int            last_year,
                           gboolean       has_range,
                           double         min,
                           double         max,
                           double         far_min,
                           double         far_max)
{
  double strip_h = 0, break_gap = 0;
  const PmChartTheme *theme = &canvas->theme;
  g_autoptr (PangoLayout) probe = small_text (canvas, "2030");
  double small_h, tick_w = 0, plot_top, plot_bottom;
  int max_ticks;

  memset (plot, 0, sizeof *plot);
  plot->canvas = canvas;
  plot->first_year = first_year;
  plot->last_year = last_year;
  plot->has_range = has_range;

  pm_chart_text_size (probe, NULL, &small_h);
  plot_top = top + small_h * 0.5 + theme->gap * 0.5;
  plot->x_label_offset = MAX (theme->gap * 1.2, small_h * 0.5 + theme->thin);
  plot_bottom = bottom - small_h - plot->x_label_offset;
  if (plot_bottom - plot_top < small_h * 2 || right - left < theme->font * 4)
    return FALSE;

  plot->frame.y = plot_top;
  plot->frame.height = plot_bottom - plot_top;

  /* a strip for the far values: a marker and its label beside it, and a
   * gap for the break mark; only where the rest keeps most of the height */
  if (has_range && isfinite (far_min) && isfinite (far_max) &&
      (far_max < min || far_min > max))
    {
      strip_h = MAX (small_h * 1.05, theme->marker * 3);
      break_gap = small_h * 0.5;
      if (plot_bottom - plot_top - strip_h - break_gap >= MAX (small_h * 1.4, (plot_bottom - plot_top) * 0.4))
        {
          plot->break_side = far_max < min ? -1 : 1;
          plot->far_min = far_min;
          plot->far_max = far_max;
          if (plot->break_side < 0)
            plot_bottom -= strip_h + break_gap;
          else
            plot_top += strip_h + break_gap;
        }
      else
        {
          /* no room for a strip: one axis through all the values */
          double room = (MAX (max, far_max) - MIN (min, far_min)) * 0.04;

          if (far_min < min)
            min = (far_min >= 0 && far_min - room < 0) ? 0 : far_min - room;
          if (far_max > max)
            max = far_max + room;
        }
    }

  max_ticks = (int) floor ((plot_bottom - plot_top) / (small_h * 1.7)) + 1;
  max_ticks = CLAMP (max_ticks, 2, theme->compact ? 4 : 8);
  pm_chart_nice_ticks (has_range ? min : 0, has_range ? max : 1, max_ticks, &plot->ticks);

  if (has_range)
    for (int i = 0; i < plot->ticks.n; i++)
      {
        g_autofree char *label = pm_chart_format_number (plot->ticks.min + i * plot->ticks.step,
                                                         plot->ticks.decimals);
        g_autoptr (PangoLayout) layout = small_text (canvas, label);
        double w;

        pm_chart_text_size (layout, &w, NULL);
        tick_w = MAX (tick_w, w);
      }

  plot->area.x = left + tick_w + theme->gap * 1.5;
  plot->area.y = plot_top;
  plot->area.width = right - plot->area.x;
  plot->area.height = plot_bottom - plot_top;
  plot->year_min = first_year - 0.5;
  plot->year_max = last_year + 0.5;
  plot->year_px = plot->area.width / (plot->year_max - plot->year_min);
  plot->frame.x = plot->area.x;
  plot->frame.width = plot->area.width;
  if (plot->break_side != 0)
    {
      plot->strip.x = plot->area.x;
      plot->strip.width = plot->area.width;
      plot->strip.height = strip_h;
      plot->strip.y = plot->break_side < 0 ? plot->frame.y + plot->frame.height - strip_h
                                           : plot->frame.y;
    }

  pm_chart_canvas_add_plot (canvas, plot->area.x, plot->area.y, plot->area.width,
                            plot->area.height, plot->year_min, plot->year_max, plot->ticks.min,
                            plot->ticks.max);
  if (plot->break_side != 0)
    pm_chart_canvas_add_axis_break (canvas, plot->area.x,
                                    plot->break_side < 0 ? plot->strip.y - break_gap / 2
                                                         : plot->strip.y + strip_h + break_gap / 2,
                                    far_min, far_max);
  return TRUE;
}

void
pm_chart_plot_draw_grid (const PmChartPlot *plot)
{
  const PmChartTheme *theme = &plot->canvas->theme;
  cairo_t *cr = plot->canvas->cr;

  cairo_save (cr);
  cairo_set_line_width (cr, theme->thin);
  pm_chart_set_color (cr, &theme->grid);
  if (plot->has_range)
    for (int i = 0; i < plot->ticks.n; i++)
      {
        double v = plot->ticks.min + i * plot->ticks.step;
        double y = pm_chart_plot_y (plot, v);

        if (fabs (v) < plot->ticks.step * 1e-6 && i > 0)
          continue; /* the zero line is drawn stronger below */
        cairo_move_to (cr, plot->area.x, y);
        cairo_line_to (cr, plot->area.x + plot->area.width, y);
      }
  cairo_stroke (cr);

  /* zero inside the range: the line values are measured from */
  if (plot->has_range && plot->ticks.min < 0 && plot->ticks.max > 0)
    {
      double y = pm_chart_plot_y (plot, 0);

      cairo_set_line_width (cr, theme->thin * 1.6);
      pm_chart_set_color (cr, &theme->axis);
      cairo_move_to (cr, plot->area.x, y);
      cairo_line_to (cr, plot->area.x + plot->area.width, y);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
pm_chart_plot_draw_axes (const PmChartPlot *plot)
{
  const PmChartTheme *theme = &plot->canvas->theme;
  cairo_t *cr = plot->canvas->cr;

  const PmBox *f = &plot->frame;

  cairo_save (cr);
  cairo_set_line_width (cr, theme->thin * 1.4);
  pm_chart_set_color (cr, &theme->axis);
  if (plot->break_side == 0)
    {
      cairo_move_to (cr, f->x, f->y);
      cairo_line_to (cr, f->x, f->y + f->height);
    }
  else
    {
      /* the axis stops on each side of the break, marked by two slanted
       * strokes (≈) across it */
      const PmBox *upper = plot->break_side < 0 ? &plot->area : &plot->strip;
      const PmBox *lower = plot->break_side < 0 ? &plot->strip : &plot->area;
      double y0 = upper->y + upper->height, y1 = lower->y, mid = (y0 + y1) / 2;
      double half = (y1 - y0) * 0.22, w = theme->font * 0.45;

      cairo_move_to (cr, f->x, f->y);
      cairo_line_to (cr, f->x, mid - half);
      cairo_move_to (cr, f->x, mid + half);
      cairo_line_to (cr, f->x, f->y + f->height);
      cairo_stroke (cr);
      for (int i = -1; i <= 1; i += 2)
        {
          cairo_move_to (cr, f->x - w, mid + i * half + w * 0.4);
          cairo_line_to (cr, f->x + w, mid + i * half - w * 0.4);
        }
      cairo_stroke (cr);
      pm_chart_canvas_occupy (plot->canvas, &(PmBox) { f->x - w, mid - half - w * 0.4, 2 * w,
                                                      2 * (half + w * 0.4) });
    }
  cairo_move_to (cr, f->x, f->y + f->height);
  cairo_line_to (cr, f->x + f->width, f->y + f->height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Every year when there is room, else the milestones: every fifth year
 * from 2010 gives 2010, 2015, 2020, 2025 and 2030. */
static int
choose_year_step (const PmChartPlot *plot,
                  double             label_width)
{
  static const int steps[] = { 1, 2, 5, 10, 20 };
  int span = plot->last_year - plot->first_year;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (steps[i] == 2 && span > 12)
        continue;
      if (plot->canvas->theme.compact && steps[i] < 5 && span > 12)
        continue;
      if (steps[i] * plot->year_px >= label_width * 2.0)
        return steps[i];
    }

  return MAX (span, 1);
}

/* The tick labels of both axes, and the ticks of the years. */
void
pm_chart_plot_draw_ticks (const PmChartPlot *plot)
{
  PmChartCanvas *canvas = plot->canvas;
  const PmChartTheme *theme = &canvas->theme;
  cairo_t *cr = canvas->cr;
  g_autoptr (PangoLayout) probe = small_text (canvas, "2030");
  double label_w, bottom = plot->frame.y + plot->frame.height;
  int step;

  if (plot->has_range)
    for (int i = 0; i < plot->ticks.n; i++)
      {
        double v = plot->ticks.min + i * plot->ticks.step;
        g_autofree char *label = pm_chart_format_number (v, plot->ticks.decimals);
        g_autoptr (PangoLayout) layout = small_text (canvas, label);
        double w, h;

        pm_chart_text_size (layout, &w, &h);
        pm_chart_canvas_show (canvas, layout, PM_CHART_LABEL_TICK_Y,
                              plot->area.x - theme->gap - w, pm_chart_plot_y (plot, v) - h / 2,
                              &theme->muted, FALSE);
      }

  pm_chart_text_size (probe, &label_w, NULL);
  step = MAX (choose_year_step (plot, label_w), 1);

  cairo_save (cr);
  cairo_set_line_width (cr, theme->thin);
  pm_chart_set_color (cr, &theme->axis);
  for (int year = plot->first_year; year <= plot->last_year; year++)
    {
      double x = pm_chart_plot_x (plot, year);
      gboolean major = (year - plot->first_year) % step == 0;

      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + (major ? theme->gap : theme->gap * 0.5));
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (int year = plot->first_year; year <= plot->last_year; year += step)
    {
      g_autofree char *label = g_strdup_printf ("%d", year);
      g_autoptr (PangoLayout) layout = small_text (canvas, label);
      double w;

      pm_chart_text_size (layout, &w, NULL);
      pm_chart_canvas_show (canvas, layout, PM_CHART_LABEL_TICK_X,
                            pm_chart_plot_x (plot, year) - w / 2, bottom + plot->x_label_offset,
                            &theme->muted, FALSE);
    }
}

/* Dashed lines at the mid-term and the final year. */
void
pm_chart_plot_draw_marks (const PmChartPlot *plot,
                          int                midterm_year,
                          int                final_year)
{
  const PmChartTheme *theme = &plot->canvas->theme;
  cairo_t *cr = plot->canvas->cr;
  const double dashes[] = { theme->thin * 4, theme->thin * 3 };
  int years[2] = { midterm_year, final_year };

  cairo_save (cr);
  cairo_set_line_width (cr, theme->thin * 1.3);
  cairo_set_dash (cr, dashes, 2, 0);
  pm_chart_set_color (cr, &theme->muted);
  for (guint i = 0; i < 2; i++)
    {
      double x;

      if (years[i] <= plot->first_year || years[i] > plot->last_year)
        continue;
      x = pm_chart_plot_x (plot, years[i]);
      cairo_move_to (cr, x, plot->frame.y);
      cairo_line_to (cr, x, plot->frame.y + plot->frame.height);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
pm_chart_plot_place_mark_labels (const PmChartPlot *plot,
                                 int                midterm_year,
                                 int                final_year)
{
  PmChartCanvas *canvas = plot->canvas;
  const PmChartTheme *theme = &canvas->theme;
  int years[2] = { midterm_year, final_year };

  if (theme->compact)
    return;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *label = NULL;
      g_autoptr (PangoLayout) layout = NULL;
      double x, w, h, top = plot->area.y + theme->gap * 0.3, g = theme->gap * 0.6;

      if (years[i] <= plot->first_year || years[i] > plot->last_year)
        continue;
      label = i == 0 ? g_strdup_printf (D_ (plot->canvas->language, "Mid-term %d"), years[i])
                     : g_strdup_printf (D_ (plot->canvas->language, "Final %d"), years[i]);
      layout = small_text (canvas, label);
      pm_chart_text_size (layout, &w, &h);
      x = pm_chart_plot_x (plot, years[i]);

      {
        PmBox candidates[] = {
          { x - w - g, top, 0, 0 },
          { x + g, top, 0, 0 },
          { x - w - g, top + h, 0, 0 },
          { x - w / 2, top, 0, 0 },
          { x - w - g, plot->area.y + plot->area.height - h - theme->gap * 0.3, 0, 0 },
        };

        pm_chart_canvas_place (canvas, layout, PM_CHART_LABEL_MARK, candidates,
                               G_N_ELEMENTS (candidates), &plot->area, &theme->muted, TRUE);
      }
    }
}

/* A value's label next to its marker, where there is room. */
gboolean
pm_chart_plot_place_value (const PmChartPlot *plot,
                           double             year,
                           double             value,
                           const char        *text,
                           gboolean           bold,
                           PmChartLabelRole   role,
                           const PmRgba      *color)
{
  PmChartCanvas *canvas = plot->canvas;
  const PmChartTheme *theme = &canvas->theme;
  g_autoptr (PangoLayout) layout = NULL;
  double x = pm_chart_plot_x (plot, year), y = pm_chart_plot_y (plot, value);
  double w, h, r = theme->marker * 1.3 + theme->gap * 0.4;

  layout = pm_chart_canvas_text (canvas, text, bold ? theme->font : theme->font_small, bold, -1, 0);
  pm_chart_text_size (layout, &w, &h);

  {
    PmBox candidates[] = {
      { x - w / 2, y - r - h, 0, 0 },
      { x - w / 2, y + r, 0, 0 },
      { x + r, y - h / 2, 0, 0 },
      { x - r - w, y - h / 2, 0, 0 },
      { x + r * 0.7, y - r * 0.7 - h, 0, 0 },
      { x - r * 0.7 - w, y - r * 0.7 - h, 0, 0 },
      { x + r * 0.7, y + r * 0.7, 0, 0 },
      { x - r * 0.7 - w, y + r * 0.7, 0, 0 },
      { x - w / 2, y - r - 2 * h, 0, 0 },
      { x - w / 2, y + r + h, 0, 0 },
    };

    return pm_chart_canvas_place (canvas, layout, role, candidates, G_N_ELEMENTS (candidates),
                                  &plot->frame, color, TRUE);
  }
}

/* A message in the middle of the plot, e.g. that there is no data. */
void
pm_chart_plot_draw_message (const PmChartPlot *plot,
                            const char        *message)
{
  PmChartCanvas *canvas = plot->canvas;
  const PmChartTheme *theme = &canvas->theme;
  g_autoptr (PangoLayout) layout = pm_chart_canvas_text (canvas, message,
                                                         theme->compact ? theme->font : theme->font * 1.3,
                                                         TRUE, plot->area.width * 0.9, 2);
  double w, h;

  pm_chart_text_size (layout, &w, &h);

  {
    const PmBox *a = &plot->area;
    double cx = a->x + (a->width - w) / 2, cy = a->y + (a->height - h) / 2;
    PmBox candidates[] = {
      { cx, cy, 0, 0 },
      { cx, cy - h * 1.5, 0, 0 },
      { cx, cy + h * 1.5, 0, 0 },
      { a->x + theme->gap, cy, 0, 0 },
      { a->x + theme->gap, a->y + theme->gap, 0, 0 },
    };

    pm_chart_canvas_place (canvas, layout, PM_CHART_LABEL_MESSAGE, candidates,
                           G_N_ELEMENTS (candidates), a, &theme->muted, TRUE);
  }
}
