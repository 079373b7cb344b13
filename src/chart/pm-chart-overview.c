/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-overview"

#include "config.h"

#include <math.h>

#include "pm-chart-draw.h"
#include "pm-chart-private.h"

/* Small multiples: every indicator of a domain on one page, each a small
 * trend chart with its target and status, in a grid as square as the page
 * allows. */

/* The grid that gives the largest cells of about 3:2. */
static void
choose_grid (guint   n,
             double  width,
             double  height,
             guint  *columns,
             guint  *rows)
{
  double best = -1;

  *columns = 1;
  *rows = MAX (n, 1);

  for (guint c = 1; c <= MAX (n, 1); c++)
    {
      guint r = (MAX (n, 1) + c - 1) / c;
      double cw = width / c, ch = height / r;
      double score = MIN (cw / 1.5, ch);

      if (score > best + 1e-9)
        {
          best = score;
          *columns = c;
          *rows = r;
        }
    }
}

void
pm_chart_draw_overview (cairo_t             *cr,
                        const char          *title,
                        const char          *subtitle,
                        PmTrendData * const *charts,
                        guint                n_charts,
                        PmChartStyle         style,
                        double               width,
                        double               height,
                        PmChartLayout       *layout)
{
  PmChartCanvas canvas;
  const PmChartTheme *theme;
  double left, right, top, bottom, cell_w, cell_h;
  guint columns, rows;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (charts != NULL || n_charts == 0);

  pm_chart_canvas_init (&canvas, cr, style, width, height, layout);
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

  if (title && *title)
    {
      g_autoptr (PangoLayout) head = pm_chart_canvas_text (&canvas, title, theme->font_title, TRUE,
                                                           right - left, 1);
      double h;

      pm_chart_text_size (head, NULL, &h);
      pm_chart_canvas_show (&canvas, head, PM_CHART_LABEL_TITLE, left, top, &theme->text, FALSE);
      top += h;
    }
  if (subtitle && *subtitle)
    {
      g_autoptr (PangoLayout) sub = pm_chart_canvas_text (&canvas, subtitle, theme->font_small,
                                                          FALSE, right - left, 2);
      double h;

      pm_chart_text_size (sub, NULL, &h);
      top += theme->gap * 0.5;
      pm_chart_canvas_show (&canvas, sub, PM_CHART_LABEL_SUBTITLE, left, top, &theme->muted,
                            FALSE);
      top += h;
    }
  top += theme->gap;

  choose_grid (n_charts, right - left, bottom - top, &columns, &rows);
  cell_w = (right - left) / columns;
  cell_h = (bottom - top) / rows;

  /* each cell is a compact chart with its own theme sized to the cell */
  pm_chart_canvas_set_theme (&canvas, style, cell_w, cell_h, TRUE);
  for (guint i = 0; i < n_charts; i++)
    {
      double x = left + (i % columns) * cell_w;
      double y = top + (i / columns) * cell_h;
      double inset = canvas.theme.gap * 0.5;

      cairo_save (cr);
      cairo_rectangle (cr, x + inset, y + inset, cell_w - 2 * inset, cell_h - 2 * inset);
      cairo_set_line_width (cr, canvas.theme.thin);
      pm_chart_set_color (cr, &canvas.theme.grid);
      cairo_stroke (cr);
      cairo_restore (cr);

      pm_chart_trend_draw_in (&canvas, charts[i], x + inset, y + inset, cell_w - 2 * inset,
                              cell_h - 2 * inset);
    }

out:
  cairo_restore (cr);
  pm_chart_canvas_clear (&canvas);
}
