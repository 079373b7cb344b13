/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-chart-export.h"
#include "pm-export-file.h"
#include "pm-types.h"

/* Charts as files: PNG, SVG and PDF from the same drawing code. Files are
 * rendered in memory and then replaced in one step, so a failed export
 * never leaves half a file where a good one was. */

#define MAX_PIXELS (16384 * 16384)

gboolean
pm_chart_format_from_filename (const char    *filename,
                               PmChartFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = PM_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = PM_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = PM_CHART_FORMAT_PDF;
  else
    return FALSE;

  return TRUE;
}

/* Parses “WxH” (or “W×H”), each 16 to 16384. */
gboolean
pm_chart_parse_size (const char *text,
                     int        *width,
                     int        *height)
{
  g_auto (GStrv) parts = NULL;
  guint64 w, h;

  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  if (strstr (text, "×"))
    parts = g_strsplit (text, "×", 2);
  else
    parts = g_strsplit_set (text, "xX", 2);

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 16, 16384, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 16, 16384, &h, NULL))
    return FALSE;

  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

/* Returns: (transfer full): the chart on a new image surface of
 * width × height pixels, drawn at dpi / 96 */
cairo_surface_t *
pm_chart_render_image (PmChart       *chart,
                       PmChartStyle   style,
                       int            width,
                       int            height,
                       double         dpi,
                       PmChartLayout *layout)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale;

  g_return_val_if_fail (PM_IS_CHART (chart), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  scale = dpi > 0 ? dpi / PM_CHART_DEFAULT_DPI : 1.0;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  pm_chart_draw (chart, cr, style, width / scale, height / scale, layout);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint32
crc32 (const guint8 *data,
       gsize         length)
{
  static guint32 table[256];
  static gsize initialised;
  guint32 crc = 0xffffffff;

  if (g_once_init_enter (&initialised))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&initialised, 1);
    }

  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);

  return crc ^ 0xffffffff;
}

static void
put_be32 (guint8  *p,
          guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

/* Tells applications (WPS, PowerPoint, Impress) the resolution, so that a
 * pasted or inserted image gets its intended physical size: a pHYs chunk
 * after the IHDR chunk, which cairo does not write. */
static void
add_png_resolution (GByteArray *png,
                    double      dpi)
{
  const gsize ihdr_end = 8 + 4 + 4 + 13 + 4;
  guint8 chunk[4 + 4 + 9 + 4];
  guint32 ppm = (guint32) round (dpi / 0.0254);

  if (png->len < ihdr_end || memcmp (png->data + 12, "IHDR", 4) != 0)
    return;

  put_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_be32 (chunk + 8, ppm);
  put_be32 (chunk + 12, ppm);
  chunk[16] = 1; /* the unit is the metre */
  put_be32 (chunk + 17, crc32 (chunk + 4, 4 + 9));

  /* GByteArray has no insert: grow it, move the tail, copy the chunk in */
  g_byte_array_set_size (png, png->len + sizeof chunk);
  memmove (png->data + ihdr_end + sizeof chunk, png->data + ihdr_end,
           png->len - sizeof chunk - ihdr_end);
  memcpy (png->data + ihdr_end, chunk, sizeof chunk);
}

/* Returns: (transfer full): the chart as the bytes of a file */
GBytes *
pm_chart_render_bytes (PmChart       *chart,
                       PmChartFormat  format,
                       PmChartStyle   style,
                       int            width,
                       int            height,
                       double         dpi,
                       GError       **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (PM_IS_CHART (chart), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (width <= 0 || height <= 0 || (gint64) width * height > MAX_PIXELS)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   _("A chart of %d×%d pixels cannot be made"), width, height);
      return NULL;
    }
  if (dpi <= 0)
    dpi = PM_CHART_DEFAULT_DPI;

  switch (format)
    {
    case PM_CHART_FORMAT_PNG:
      surface = pm_chart_render_image (chart, style, width, height, dpi, NULL);
      status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
      if (status == CAIRO_STATUS_SUCCESS)
        add_png_resolution (bytes, dpi);
      break;

    case PM_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      cr = cairo_create (surface);
      pm_chart_draw (chart, cr, style, width, height, NULL);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      break;

    case PM_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width * 0.75,
                                                     height * 0.75);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      pm_chart_get_title (chart) ? pm_chart_get_title (chart) : "");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Plan Monitor");
      cr = cairo_create (surface);
      cairo_scale (cr, 0.75, 0.75);
      pm_chart_draw (chart, cr, style, width, height, NULL);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_IO, _("The chart could not be drawn: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Writes the chart to filename in the format its extension names
 * (.png, .svg, .pdf). */
gboolean
pm_chart_write_file (PmChart      *chart,
                     const char   *filename,
                     PmChartStyle  style,
                     int           width,
                     int           height,
                     double        dpi,
                     GError      **error)
{
  g_autoptr (GBytes) bytes = NULL;
  PmChartFormat format;

  g_return_val_if_fail (PM_IS_CHART (chart), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  if (!pm_chart_format_from_filename (filename, &format))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   _("Cannot write “%s”: a chart is saved as .png, .svg or .pdf"), filename);
      return FALSE;
    }

  bytes = pm_chart_render_bytes (chart, format, style, width, height, dpi, error);
  if (bytes == NULL)
    return FALSE;

  if (!pm_export_file_write (filename, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               error))
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
