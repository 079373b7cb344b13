/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pm-chart-booklet.h"
#include "pm-schedule-export.h"
#include "pm-store.h"
#include "pm-summary.h"
#include "pm-types.h"

G_BEGIN_DECLS

/* Which charts to print. */
typedef enum
{
  PM_PRINT_SCOPE_INDICATOR, /* the chart shown */
  PM_PRINT_SCOPE_DOMAIN,    /* the charts of its domain */
  PM_PRINT_SCOPE_PLAN,      /* the charts of its plan */
  PM_PRINT_SCOPE_ALL,       /* the charts of both plans */
} PmPrintScope;

#define PM_TYPE_WINDOW (pm_window_get_type ())
G_DECLARE_FINAL_TYPE (PmWindow, pm_window, PM, WINDOW, AdwApplicationWindow)

/* The keyboard shortcuts window (win.show-help-overlay). */
#define PM_HELP_OVERLAY_RESOURCE "/io/github/planmonitor/PlanMonitor/ui/help-overlay.ui"

PmWindow *pm_window_new (GtkApplication *application);
GtkWindow *pm_window_get_help_overlay (PmWindow *self);

gboolean pm_window_open_path (PmWindow    *self,
                              const char  *path,
                              GError     **error);
gboolean pm_window_create_path (PmWindow    *self,
                                const char  *path,
                                GError     **error);
void pm_window_open_template (PmWindow *self);
void pm_window_show_opened (PmWindow  *self,
                            PmStore   *store,
                            PmSummary *summary,
                            PmSummary *previous);
void pm_window_set_store (PmWindow *self,
                          PmStore  *store);
PmStore *pm_window_get_store (PmWindow *self);
PmProject *pm_window_get_project (PmWindow *self);
gboolean pm_window_has_project (PmWindow *self);

int pm_window_get_year (PmWindow *self);
void pm_window_set_year (PmWindow *self,
                         int       year);

gboolean pm_window_show_indicator (PmWindow   *self,
                                   const char *code);
void pm_window_show_overview (PmWindow *self);
gboolean pm_window_is_busy (PmWindow *self);
void pm_window_add_toast (PmWindow   *self,
                          const char *message);
void pm_window_show_error (PmWindow     *self,
                           const char   *heading,
                           const GError *error);

/* What the menu's actions do once a file is chosen. */
gboolean pm_window_save_copy_to_path (PmWindow    *self,
                                      const char  *path,
                                      GError     **error);
void pm_window_import_values_from_path (PmWindow   *self,
                                        const char *path);
void pm_window_export_catalogue_to_path (PmWindow   *self,
                                         const char *path);
gboolean pm_window_export_chart_to_path (PmWindow    *self,
                                         const char  *path,
                                         GError     **error);
void pm_window_export_all_charts_to_folder (PmWindow   *self,
                                            const char *folder);
void pm_window_export_schedules (PmWindow       *self,
                                 GPtrArray      *departments,
                                 int             year,
                                 const char     *destination,
                                 PmExportFormat  folder_format);
void pm_window_export_task_division (PmWindow   *self,
                                     int         year,
                                     const char *path);
void pm_window_cancel_work (PmWindow *self);
gboolean pm_window_copy_chart (PmWindow *self);
PmChartBooklet *pm_window_make_booklet (PmWindow     *self,
                                        PmPrintScope  scope,
                                        guint         per_page);

/* The parts, for tests and the application. */
GtkWidget *pm_window_get_sidebar (PmWindow *self);
GtkWidget *pm_window_get_indicator_page (PmWindow *self);
GtkWidget *pm_window_get_overview_page (PmWindow *self);
GtkWidget *pm_window_get_welcome_page (PmWindow *self);
const char *pm_window_get_visible_page (PmWindow *self);
const char *pm_window_get_title_text (PmWindow *self);
const char *pm_window_get_subtitle_text (PmWindow *self);
const char *pm_window_get_last_error (PmWindow *self);
const char *pm_window_get_last_toast (PmWindow *self);
GtkWidget *pm_window_get_encoding_dialog (PmWindow *self);
double pm_window_get_progress (PmWindow *self);
const char *pm_window_get_read_only_text (PmWindow *self);
gboolean pm_window_get_action_enabled (PmWindow   *self,
                                       const char *name);

G_END_DECLS
