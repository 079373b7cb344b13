/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pm-chart-booklet.h"

G_BEGIN_DECLS

/* Prints charts 1, 2 or 4 to a page, through the pages of a
 * PmChartBooklet: the same drawing as the PDF booklet of the command line.
 * The print dialog has the page setup and a choice of charts per page; the
 * settings of the last print are kept for the next. */
#define PM_TYPE_CHART_PRINT_OPERATION (pm_chart_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (PmChartPrintOperation, pm_chart_print_operation, PM, CHART_PRINT_OPERATION,
                      GtkPrintOperation)

PmChartPrintOperation *pm_chart_print_operation_new (PmChartBooklet *booklet);
PmChartBooklet *pm_chart_print_operation_get_booklet (PmChartPrintOperation *self);
guint pm_chart_print_operation_get_per_page (PmChartPrintOperation *self);
void pm_chart_print_operation_set_per_page (PmChartPrintOperation *self,
                                            guint                  per_page);

GtkPrintOperationResult pm_chart_print_operation_run_dialog (PmChartPrintOperation *self,
                                                             GtkWindow             *parent,
                                                             GError               **error);
GtkPrintOperationResult pm_chart_print_operation_run_preview (PmChartPrintOperation *self,
                                                              GtkWindow             *parent,
                                                              GError               **error);
gboolean pm_chart_print_operation_export_pdf (PmChartPrintOperation *self,
                                              const char            *filename,
                                              GError               **error);
void pm_chart_print_run_page_setup (GtkWindow *parent);

G_END_DECLS
