/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-booklet"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>

#include "pm-chart-booklet.h"
#include "pm-chart-private.h"
#include "pm-export-file.h"
#include "pm-types.h"

/* A4 in points, and a 16:9 slide of 13.33 × 7.5 inches. */
#define A4_SHORT 595.276
#define A4_LONG 841.89
#define SLIDE_WIDTH 960.0
#define SLIDE_HEIGHT 540.0

/* charts are drawn in CSS pixels: 0.75 points each */
#define PT_PER_PX 0.75

struct _PmChartBooklet
{
  GObject parent_instance;

  char *title;
  PmChartStyle style;
  PmLanguage language; /* of the page numbers */
  guint per_page;
  GPtrArray *charts;
};

G_DEFINE_FINAL_TYPE (PmChartBooklet, pm_chart_booklet, G_TYPE_OBJECT)

/* The language of the page numbers and messages (zh_CN unless set). */
void
pm_chart_booklet_set_language (PmChartBooklet *self,
                               PmLanguage      language)
{
  g_return_if_fail (PM_IS_CHART_BOOKLET (self));
  self->language = language;
}

gboolean
pm_chart_per_page_is_valid (guint per_page)
{
  return per_page == 1 || per_page == 2 || per_page == 4;
}

static void
pm_chart_booklet_finalize (GObject *object)
{
  PmChartBooklet *self = PM_CHART_BOOKLET (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->charts, g_ptr_array_unref);

  G_OBJECT_CLASS (pm_chart_booklet_parent_class)->finalize (object);
}

static void
pm_chart_booklet_class_init (PmChartBookletClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_chart_booklet_finalize;
}

static void
pm_chart_booklet_init (PmChartBooklet *self)
{
  self->charts = g_ptr_array_new_with_free_func (g_object_unref);
  self->per_page = 1;
}

PmChartBooklet *
pm_chart_booklet_new (const char   *title,
                      PmChartStyle  style,
                      guint         per_page)
{
  PmChartBooklet *self;

  g_return_val_if_fail (pm_chart_per_page_is_valid (per_page), NULL);

  self = g_object_new (PM_TYPE_CHART_BOOKLET, NULL);
  self->title = g_strdup (title);
  self->style = style;
  self->per_page = per_page;
  return self;
}

const char *
pm_chart_booklet_get_title (PmChartBooklet *self)
{
  g_return_val_if_fail (PM_IS_CHART_BOOKLET (self), NULL);

  return self->title;
}

PmChartStyle
pm_chart_booklet_get_style (PmChartBooklet *self)
{
  g_return_val_if_fail (PM_IS_CHART_BOOKLET (self), PM_CHART_STYLE_PRINT);

  return self->style;
}

guint
pm_chart_booklet_get_per_page (PmChartBooklet *self)
{
  g_return_val_if_fail (PM_IS_CHART_BOOKLET (self), 1);

  return self->per_page;
}

void
pm_chart_booklet_set_per_page (PmChartBooklet *self,
                               guint           per_page)
{
  g_return_if_fail (PM_IS_CHART_BOOKLET (self));
  g_return_if_fail (pm_chart_per_page_is_valid (per_page));

  self->per_page = per_page;
}

void
pm_chart_booklet_add (PmChartBooklet *self,
                      PmChart        *chart)
{
  g_return_if_fail (PM_IS_CHART_BOOKLET (self));
  g_return_if_fail (PM_IS_CHART (chart));

  g_ptr_array_add (self->charts, g_object_ref (chart));
}

guint
pm_chart_booklet_get_n_charts (PmChartBooklet *self)
{
  g_return_val_if_fail (PM_IS_CHART_BOOKLET (self), 0);

  return self->charts->len;
}

/* Returns: (transfer none): the index-th chart */
PmChart *
pm_chart_booklet_get_chart (PmChartBooklet *self,
                            guint           index)
{
  g_return_val_if_fail (PM_IS_CHART_BOOKLET (self), NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);

  return g_ptr_array_index (self->charts, index);
}

/* Returns: the number of pages; an empty booklet has one page that says so */
guint
pm_chart_booklet_get_n_pages (PmChartBooklet *self)
{
  g_return_val_if_fail (PM_IS_CHART_BOOKLET (self), 0);

  return MAX (1, (self->charts->len + self->per_page - 1) / self->per_page);
}

/* The paper the booklet is made for: A4 in landscape for one or four charts
 * a page, in portrait for two; a 16:9 page for slides. */
void
pm_chart_booklet_get_paper_size (PmChartBooklet *self,
                                 double         *width,
                                 double         *height)
{
  double w, h;

  g_return_if_fail (PM_IS_CHART_BOOKLET (self));

  if (self->style == PM_CHART_STYLE_SLIDE)
    w = SLIDE_WIDTH, h = SLIDE_HEIGHT;
  else if (self->per_page == 2)
    w = A4_SHORT, h = A4_LONG;
  else
    w = A4_LONG, h = A4_SHORT;

  if (width)
    *width = w;
  if (height)
    *height = h;
}

/* Draws page number page (from 0) on a page of width × height points. */
void
pm_chart_booklet_draw_page (PmChartBooklet *self,
                            cairo_t        *cr,
                            double          width,
                            double          height,
                            guint           page,
                            PmChartLayout  *layout)
{
  PmChartCanvas canvas;
  const PmChartTheme *theme;
  double w = width / PT_PER_PX, h = height / PT_PER_PX;
  double margin, left, right, top, bottom, cell_w, cell_h;
  guint n_pages, columns, rows, first;

  g_return_if_fail (PM_IS_CHART_BOOKLET (self));
  g_return_if_fail (cr != NULL);

  n_pages = pm_chart_booklet_get_n_pages (self);
  g_return_if_fail (page < n_pages);

  /* the layout records the page in points */
  if (layout)
    pm_chart_layout_begin (layout, cr);

  cairo_save (cr);
  cairo_scale (cr, PT_PER_PX, PT_PER_PX);

  /* the page's own text is sized as for a chart of a page */
  pm_chart_canvas_init (&canvas, cr, self->style, w, h, layout);
  /* and a slide's charts keep the slide's type (18 pt), one or two on it;
   * four charts of a quarter slide have no room for it */
  if (self->style == PM_CHART_STYLE_SLIDE && self->per_page <= 2)
    pm_chart_layout_set_slide_height (canvas.layout, h);
  canvas.language = self->language;
  theme = &canvas.theme;

  cairo_rectangle (cr, 0, 0, w, h);
  pm_chart_set_color (cr, &theme->background);
  cairo_fill (cr);

  margin = MIN (w, h) * 0.045;
  left = margin;
  right = w - margin;
  top = margin;
  bottom = h - margin;

  /* header: the booklet's title; footer: the page number */
  if (self->title && *self->title)
    {
      g_autoptr (PangoLayout) head = pm_chart_canvas_text (&canvas, self->title, theme->font_small,
                                                           FALSE, right - left, 1);
      double th;

      pm_chart_text_size (head, NULL, &th);
      pm_chart_canvas_show (&canvas, head, PM_CHART_LABEL_SUBTITLE, left, top - th * 0.5,
                            &theme->muted, FALSE);
      top += th * 0.5 + theme->gap;
    }
  {
    g_autofree char *text = g_strdup_printf (D_ (self->language, "Page %u of %u"), page + 1, n_pages);
    g_autoptr (PangoLayout) foot = pm_chart_canvas_text (&canvas, text, theme->font_small, FALSE,
                                                         -1, 0);
    double tw, th;

    pm_chart_text_size (foot, &tw, &th);
    pm_chart_canvas_show (&canvas, foot, PM_CHART_LABEL_PAGE, (w - tw) / 2, bottom - th * 0.5,
                          &theme->muted, FALSE);
    bottom -= th * 0.5 + theme->gap;
  }

  if (self->charts->len == 0)
    {
      g_autoptr (PangoLayout) message = pm_chart_canvas_text (&canvas, D_ (self->language, "No charts"),
                                                              theme->font_title, TRUE, -1, 0);

      pm_chart_canvas_show (&canvas, message, PM_CHART_LABEL_MESSAGE, left, top, &theme->muted,
                            FALSE);
      goto out;
    }

  if (self->per_page == 4)
    columns = 2, rows = 2;
  else if (self->per_page == 2)
    {
      columns = (right - left) > (bottom - top) ? 2 : 1;
      rows = 3 - columns;
    }
  else
    columns = rows = 1;

  cell_w = (right - left) / columns;
  cell_h = (bottom - top) / rows;
  first = page * self->per_page;

  for (guint i = 0; i < self->per_page && first + i < self->charts->len; i++)
    {
      PmChart *chart = g_ptr_array_index (self->charts, first + i);
      double x = left + (i % columns) * cell_w, y = top + (i / columns) * cell_h;
      double inset = self->per_page > 1 ? theme->gap : 0;

      cairo_save (cr);
      cairo_translate (cr, x + inset, y + inset);
      cairo_rectangle (cr, 0, 0, cell_w - 2 * inset, cell_h - 2 * inset);
      cairo_clip (cr);
      pm_chart_draw (chart, cr, self->style, cell_w - 2 * inset, cell_h - 2 * inset,
                     canvas.layout);
      cairo_restore (cr);

      if (self->per_page > 1)
        {
          cairo_rectangle (cr, x + inset, y + inset, cell_w - 2 * inset, cell_h - 2 * inset);
          cairo_set_line_width (cr, theme->thin);
          pm_chart_set_color (cr, &theme->grid);
          cairo_stroke (cr);
        }
    }

out:
  pm_chart_canvas_clear (&canvas);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Writes every page to a PDF file, replacing it only once all is drawn. */
gboolean
pm_chart_booklet_write_pdf (PmChartBooklet *self,
                            const char     *filename,
                            GError        **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (PM_IS_CHART_BOOKLET (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  pm_chart_booklet_get_paper_size (self, &width, &height);
  n_pages = pm_chart_booklet_get_n_pages (self);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  self->title ? self->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Plan Monitor");
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      pm_chart_booklet_draw_page (self, cr, width, height, page, NULL);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_IO, _("The charts could not be drawn: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (!pm_export_file_write (filename, bytes->data, bytes->len, error))
    {
      /* the charts' errors are PM_ERROR_IO, whatever the writer says */
      if (error && *error && (*error)->domain == G_FILE_ERROR)
        {
          (*error)->domain = PM_ERROR;
          (*error)->code = PM_ERROR_IO;
        }
      return FALSE;
    }

  return TRUE;
}
