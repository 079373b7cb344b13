/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "pm-chart.h"

G_BEGIN_DECLS

/* Charts laid out 1, 2 or 4 to a page with a header and page numbers: the
 * PDF booklet of the command line and the pages GtkPrintOperation prints.
 * Page sizes are in points. */
#define PM_TYPE_CHART_BOOKLET (pm_chart_booklet_get_type ())
G_DECLARE_FINAL_TYPE (PmChartBooklet, pm_chart_booklet, PM, CHART_BOOKLET, GObject)

PmChartBooklet *pm_chart_booklet_new (const char   *title,
                                      PmChartStyle  style,
                                      guint         per_page);
const char *pm_chart_booklet_get_title (PmChartBooklet *self);
PmChartStyle pm_chart_booklet_get_style (PmChartBooklet *self);
guint pm_chart_booklet_get_per_page (PmChartBooklet *self);
void pm_chart_booklet_set_per_page (PmChartBooklet *self,
                                    guint           per_page);
void pm_chart_booklet_add (PmChartBooklet *self,
                           PmChart        *chart);
guint pm_chart_booklet_get_n_charts (PmChartBooklet *self);
PmChart *pm_chart_booklet_get_chart (PmChartBooklet *self,
                                     guint           index);
guint pm_chart_booklet_get_n_pages (PmChartBooklet *self);
void pm_chart_booklet_get_paper_size (PmChartBooklet *self,
                                      double         *width,
                                      double         *height);
void pm_chart_booklet_draw_page (PmChartBooklet *self,
                                 cairo_t        *cr,
                                 double          width,
                                 double          height,
                                 guint           page,
                                 PmChartLayout  *layout);
gboolean pm_chart_booklet_write_pdf (PmChartBooklet *self,
                                     const char     *filename,
                                     GError        **error);

void pm_chart_booklet_set_language (PmChartBooklet *self,
                                    PmLanguage      language);
gboolean pm_chart_per_page_is_valid (guint per_page);

G_END_DECLS
