/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-summary"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-chart-draw.h"
#include "pm-chart-private.h"

/* The status summary: one stacked bar of statuses per domain, with the
 * attainment rate (达标率) beside it. */

/* Good to bad, then the ones that cannot be measured. */
static const PmChartStatus status_order[] = {
  PM_CHART_STATUS_ACHIEVED,
  PM_CHART_STATUS_ON_TRACK,
  PM_CHART_STATUS_NEEDS_ACCELERATION,
  PM_CHART_STATUS_LIMITED_PROGRESS,
  PM_CHART_STATUS_DETERIORATING,
  PM_CHART_STATUS_NOT_ACHIEVED,
  PM_CHART_STATUS_MANUAL,
  PM_CHART_STATUS_NO_TARGET,
  PM_CHART_STATUS_NO_DATA,
  PM_CHART_STATUS_NONE,
};

typedef enum
{
  HATCH_NONE,
  HATCH_DIAGONAL,
  HATCH_CROSS,
} Hatch;

/* In print, the statuses with similar greys differ by hatching. */
static Hatch
status_hatch (PmChartStatus status)
{
  switch (status)
    {
    case PM_CHART_STATUS_NEEDS_ACCELERATION:
    case PM_CHART_STATUS_DETERIORATING:
      return HATCH_DIAGONAL;
    case PM_CHART_STATUS_LIMITED_PROGRESS:
    case PM_CHART_STATUS_NOT_ACHIEVED:
      return HATCH_CROSS;
    default:
      return HATCH_NONE;
    }
}

static void
fill_status (PmChartCanvas *canvas,
             PmChartStatus  status,
             double         x,
             double         y,
             double         w,
             double         h)
{
  const PmChartTheme *theme = &canvas->theme;
  cairo_t *cr = canvas->cr;
  PmRgba fill, ink;
  Hatch hatch = theme->mono ? status_hatch (status) : HATCH_NONE;

  pm_chart_theme_status (theme, status, &fill, &ink);
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, w, h);
  if (hatch != HATCH_NONE)
    pm_chart_canvas_fill_zone (canvas, &fill, hatch == HATCH_CROSS);
  else
    {
      pm_chart_set_color (cr, &fill);
      cairo_fill (cr);
    }

  /* a separating edge: white on screen, black in print */
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_line_width (cr, theme->thin);
  pm_chart_set_color (cr, theme->mono ? &theme->text : &theme->background);
  cairo_stroke (cr);
}

static guint
row_total (const PmSummaryRow *row)
{
  guint total = 0;

  for (guint i = 0; i < PM_CHART_N_STATUSES; i++)
    total += row->counts[i];

  return total;
}

/* The legend of the statuses that occur; returns its height. */
static double
draw_legend (PmChartCanvas       *canvas,
             const PmSummaryData *data,
             double               left,
             double               right,
             double               bottom)
{
  const PmChartTheme *theme = &canvas->theme;
  double swatch = theme->font * 0.9, spacing = theme->font * 1.2;
  g_autoptr (GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  PmChartStatus shown[PM_CHART_N_STATUSES];
  guint n = 0, rows = 1;
  double x, y, line_h = 0, total_h;

  for (guint k = 0; k < G_N_ELEMENTS (status_order); k++)
    {
      gboolean used = FALSE;

      for (guint r = 0; r < data->rows->len; r++)
        if (((PmSummaryRow *) g_ptr_array_index (data->rows, r))->counts[status_order[k]] > 0)
          used = TRUE;
      if (!used || status_order[k] == PM_CHART_STATUS_NONE)
        continue;

      shown[n++] = status_order[k];
      g_ptr_array_add (layouts, pm_chart_canvas_text (canvas,
                                                      pm_chart_status_to_label (status_order[k], data->language),
                                                      theme->font_small, FALSE, -1, 0));
    }

  if (n == 0)
    return 0;

  x = left;
  for (guint i = 0; i < n; i++)
    {
      double w, h;

      pm_chart_text_size (g_ptr_array_index (layouts, i), &w, &h);
      line_h = MAX (line_h, h);
      if (x > left && x + swatch + theme->gap + w > right)
        {
          rows++;
          x = left;
        }
      x += swatch + theme->gap + w + spacing;
    }

  total_h = rows * line_h + (rows - 1) * theme->gap * 0.4;
  x = left;
  y = bottom - total_h;
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      double w;

      pm_chart_text_size (layout, &w, NULL);
      if (x > left && x + swatch + theme->gap + w > right)
        {
          x = left;
          y += line_h + theme->gap * 0.4;
        }
      fill_status (canvas, shown[i], x, y + (line_h - swatch) / 2, swatch, swatch);
      pm_chart_canvas_show (canvas, layout, PM_CHART_LABEL_LEGEND, x + swatch + theme->gap, y,
                            &theme->text, FALSE);
      x += swatch + theme->gap + w + spacing;
    }

  return total_h;
}

static const char *
row_name (const PmSummaryRow *row,
          gboolean            grouped)
{
  return grouped && row->short_label ? row->short_label : row->label;
}

/* The rows first … first + n_rows - 1 in the box: names, bars, rates. */
static void
draw_rows (PmChartCanvas       *canvas,
           const PmSummaryData *data,
           guint                first,
           guint                n_rows,
           guint                max_total,
           double               min_size,
           double               left,
           double               right,
           double               top,
           double               bottom,
           gboolean             grouped)
{
  const PmChartTheme *theme = &canvas->theme;
  cairo_t *cr = canvas->cr;
  double label_w = 0, rate_w, bar_x, bar_w, row_h, bar_h;
  g_autoptr (PangoLayout) rate_head = NULL;

  /* columns: the labels, the bars, the rates */
  rate_head = pm_chart_canvas_text (canvas, D_ (data->language, "Attainment rate"), theme->font_small, TRUE, -1, 0);
  {
    g_autoptr (PangoLayout) probe = pm_chart_canvas_text (canvas, "100.0%", theme->font, TRUE,
                                                          -1, 0);
    double a, b, head_h;

    pm_chart_text_size (rate_head, &a, &head_h);
    pm_chart_text_size (probe, &b, NULL);
    rate_w = MAX (a, b) + theme->gap * 2;
    pm_chart_canvas_show (canvas, rate_head, PM_CHART_LABEL_RATE, right - a, top,
                          &theme->muted, FALSE);

    /* a column of its own: the group's name over it, in place of each
     * row's long name */
    if (grouped)
      {
        const PmSummaryRow *row = g_ptr_array_index (data->rows, first);
        g_autoptr (PangoLayout) heading = pm_chart_canvas_text_fit (canvas, row->group, theme->font,
                                                                    min_size, TRUE,
                                                                    right - left - a - theme->gap * 2,
                                                                    head_h * 2);
        double h;

        pm_chart_text_size (heading, NULL, &h);
        pm_chart_canvas_show (canvas, heading, PM_CHART_LABEL_LEGEND, left, top, &theme->text,
                              FALSE);
        head_h = MAX (head_h, h);
      }
    top += head_h + theme->gap;
  }

  for (guint r = first; r < first + n_rows; r++)
    {
      const PmSummaryRow *row = g_ptr_array_index (data->rows, r);
      g_autoptr (PangoLayout) probe = pm_chart_canvas_text (canvas, row_name (row, grouped),
                                                            theme->font, row->total, -1, 0);
      double w;

      pm_chart_text_size (probe, &w, NULL);
      label_w = MAX (label_w, w);
    }
  /* the names whole on one line where they fit in 45 % of the width (a
   * plan's name and 全部领域); else wrapped between words */
  label_w = MIN (label_w, (right - left) * 0.45);
  bar_x = left + label_w + theme->gap * 2;
  bar_w = right - rate_w - bar_x - theme->font * 2.5; /* room for the total after a bar */
  row_h = MIN ((bottom - top) / n_rows, theme->font * 3.6);
  bar_h = row_h * 0.62;

  for (guint r = first; r < first + n_rows; r++)
    {
      const PmSummaryRow *row = g_ptr_array_index (data->rows, r);
      guint total = row_total (row);
      double y = top + (r - first) * row_h, x = bar_x;
      /* never cut short: a smaller size before an ellipsis */
      g_autoptr (PangoLayout) name = pm_chart_canvas_text_fit (canvas, row_name (row, grouped), theme->font,
                                                               min_size, row->total,
                                                               label_w, row_h);
      g_autofree char *rate = NULL;
      g_autoptr (PangoLayout) rate_layout = NULL;
      double h, w;

      if (row->total && r > first)
        {
          cairo_move_to (cr, left, y + theme->thin);
          cairo_line_to (cr, right, y + theme->thin);
          cairo_set_line_width (cr, theme->thin * 1.5);
          pm_chart_set_color (cr, &theme->axis);
          cairo_stroke (cr);
        }

      pm_chart_text_size (name, NULL, &h);
      pm_chart_canvas_show (canvas, name, PM_CHART_LABEL_LEGEND, left, y + (row_h - h) / 2,
                            &theme->text, FALSE);

      for (guint k = 0; k < G_N_ELEMENTS (status_order) && max_total > 0; k++)
        {
          guint count = row->counts[status_order[k]];
          double seg = bar_w * count / max_total;
          PmRgba fill, ink;

          if (count == 0)
            continue;

          fill_status (canvas, status_order[k], x, y + (row_h - bar_h) / 2, seg, bar_h);
          pm_chart_theme_status (theme, status_order[k], &fill, &ink);

          {
            g_autofree char *text = g_strdup_printf ("%u", count);
            g_autoptr (PangoLayout) number = pm_chart_canvas_text (canvas, text, theme->font_small,
                                                                   TRUE, -1, 0);
            double tw, th;

            pm_chart_text_size (number, &tw, &th);
            /* hatching makes a number hard to read: keep a halo there */
            if (tw + theme->gap < seg && th < bar_h)
              pm_chart_canvas_show (canvas, number, PM_CHART_LABEL_BAR, x + (seg - tw) / 2,
                                    y + (row_h - th) / 2,
                                    theme->mono && status_hatch (status_order[k]) != HATCH_NONE
                                      ? &theme->text : &ink,
                                    theme->mono && status_hatch (status_order[k]) != HATCH_NONE);
          }
          x += seg;
        }

      {
        g_autofree char *text = g_strdup_printf ("%u", total);
        g_autoptr (PangoLayout) number = pm_chart_canvas_text_fit (canvas, text, theme->font_small,
                                                                   min_size, FALSE,
                                                                   theme->font * 2.5, row_h);

        pm_chart_text_size (number, NULL, &h);
        pm_chart_canvas_show (canvas, number, PM_CHART_LABEL_BAR, x + theme->gap,
                              y + (row_h - h) / 2, &theme->muted, FALSE);
      }

      if (isfinite (row->rate))
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          rate = g_strdup_printf ("%s%%", g_ascii_formatd (buffer, sizeof buffer, "%.1f",
                                                           row->rate * 100));
        }
      else
        rate = g_strdup ("—");
      rate_layout = pm_chart_canvas_text_fit (canvas, rate, theme->font, min_size,
                                              TRUE, rate_w, row_h);
      pm_chart_text_size (rate_layout, &w, &h);
      pm_chart_canvas_show (canvas, rate_layout, PM_CHART_LABEL_RATE, right - w,
                            y + (row_h - h) / 2, &theme->text, FALSE);
    }

}

void
pm_chart_draw_summary (cairo_t             *cr,
                       const PmSummaryData *data,
                       PmChartStyle         style,
                       double               width,
                       double               height,
                       PmChartLayout       *layout)
{
  PmChartCanvas canvas;
  const PmChartTheme *theme;
  double left, right, top, bottom, min_size;
  guint max_total = 0, n_rows;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  pm_chart_canvas_init (&canvas, cr, style, width, height, layout);
  canvas.language = data->language;
  theme = &canvas.theme;
  n_rows = data->rows->len;
  /* what a row's words may shrink to: on a slide, no smaller than its
   * smallest type (18 pt as projected) */
  min_size = theme->style == PM_CHART_STYLE_SLIDE ? theme->font_small : theme->font_small * 0.5;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  pm_chart_set_color (cr, &theme->background);
  cairo_fill (cr);

  left = theme->pad;
  right = width - theme->pad;
  top = theme->pad;
  bottom = height - theme->pad;
  if (right - left < theme->font * 12 || bottom - top < theme->font * 6)
    goto out;

  {
    g_autoptr (PangoLayout) head = pm_chart_canvas_text (&canvas, data->title ? data->title : "",
                                                         theme->font_title, TRUE, right - left, 2);
    double h;

    pm_chart_text_size (head, NULL, &h);
    pm_chart_canvas_show (&canvas, head, PM_CHART_LABEL_TITLE, left, top, &theme->text, FALSE);
    top += h;
  }
  if (data->subtitle && *data->subtitle)
    {
      g_autoptr (PangoLayout) sub = pm_chart_canvas_text (&canvas, data->subtitle, theme->font,
                                                          FALSE, right - left, 2);
      double h;

      pm_chart_text_size (sub, NULL, &h);
      top += theme->gap * 0.5;
      pm_chart_canvas_show (&canvas, sub, PM_CHART_LABEL_SUBTITLE, left, top, &theme->muted,
                            FALSE);
      top += h;
    }
  top += theme->gap * 2;

  if (data->footnote && *data->footnote)
    {
      g_autoptr (PangoLayout) note = pm_chart_canvas_text (&canvas, data->footnote,
                                                           theme->font_small, FALSE, right - left, 2);
      double h;

      pm_chart_text_size (note, NULL, &h);
      pm_chart_canvas_show (&canvas, note, PM_CHART_LABEL_FOOTNOTE, left, bottom - h,
                            &theme->muted, FALSE);
      bottom -= h + theme->gap * 1.5;
    }
  bottom -= draw_legend (&canvas, data, left, right, bottom) + theme->gap * 2;

  if (n_rows == 0)
    {
      g_autoptr (PangoLayout) message = pm_chart_canvas_text (&canvas, D_ (data->language, "Nothing to summarise"),
                                                              theme->font * 1.3, TRUE,
                                                              right - left, 2);

      pm_chart_canvas_show (&canvas, message, PM_CHART_LABEL_MESSAGE, left, top, &theme->muted,
                            TRUE);
      goto out;
    }

  for (guint r = 0; r < n_rows; r++)
    max_total = MAX (max_total, row_total (g_ptr_array_index (data->rows, r)));

  /* On a slide the rows keep their 18 pt: where they do not fit one under
   * the other, each plan gets a column (split after a row of totals). */
  {
    g_autoptr (PangoLayout) probe = pm_chart_canvas_text (&canvas, "妇女", min_size, TRUE, -1, 0);
    double text_h;
    guint split = n_rows;

    pm_chart_text_size (probe, NULL, &text_h);
    if (theme->style == PM_CHART_STYLE_SLIDE && (bottom - top - text_h * 1.5) / n_rows < text_h * 1.05)
      for (guint r = 0; r + 1 < n_rows; r++)
        if (((PmSummaryRow *) g_ptr_array_index (data->rows, r))->total &&
            (split == n_rows || abs ((int) (r + 1) * 2 - (int) n_rows) < abs ((int) split * 2 - (int) n_rows)))
          split = r + 1;

    /* each column one group, named over it */
    if (split < n_rows)
      for (guint r = 0; r < n_rows; r++)
        {
          const PmSummaryRow *row = g_ptr_array_index (data->rows, r);
          const PmSummaryRow *head = g_ptr_array_index (data->rows, r < split ? 0 : split);

          if (row->group == NULL || g_strcmp0 (row->group, head->group) != 0)
            split = n_rows;
        }

    if (split < n_rows)
      {
        double column_gap = theme->font * 1.5, column_w = (right - left - column_gap) / 2;

        draw_rows (&canvas, data, 0, split, max_total, min_size, left, left + column_w, top, bottom,
                   TRUE);
        draw_rows (&canvas, data, split, n_rows - split, max_total, min_size,
                   right - column_w, right, top, bottom, TRUE);
      }
    else
      draw_rows (&canvas, data, 0, n_rows, max_total, min_size, left, right, top, bottom, FALSE);
  }

out:
  cairo_restore (cr);
  pm_chart_canvas_clear (&canvas);
}
