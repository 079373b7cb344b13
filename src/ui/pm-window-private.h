/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pm-chart.h"
#include "pm-indicator-page.h"
#include "pm-overview-page.h"
#include "pm-sidebar.h"
#include "pm-summary.h"
#include "pm-welcome-page.h"
#include "pm-window.h"

G_BEGIN_DECLS

struct _PmWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  PmWelcomePage *welcome_page;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_box;
  GtkWidget *content_box;
  PmSidebar *sidebar;
  GtkMenuButton *primary_menu_button;
  GMenuModel *primary_menu;
  GtkMenuButton *year_button;
  GtkPopover *year_popover;
  GtkListBox *year_list;
  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkWidget *undo_button;
  GtkWidget *redo_button;
  GtkRevealer *read_only_revealer;
  GtkLabel *read_only_label;
  GtkWidget *read_only_button;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkWidget *cancel_button;
  GtkStack *content_stack;
  PmOverviewPage *overview_page;
  PmIndicatorPage *indicator_page;

  GSettings *settings;
  PmStore *store;     /* NULL while the built-in template is browsed */
  PmProject *project;
  int year;

  PmSummary *summary;
  PmSummary *previous;
  guint summary_source;
  GPtrArray *watched; /* GListModel: the observations of every indicator */

  /* long work */
  gboolean busy;
  gboolean disposed; /* work may end after the window is gone */
  GCancellable *cancellable;
  guint pulse_source;

  char *last_error; /* for tests: the message of the last error shown */
  char *last_toast; /* for tests: the message of the last toast */
  GtkWidget *encoding_dialog; /* (nullable): asks to read an import as GB18030 */
  GHashTable *enabled; /* action name (interned) → enabled */
};

/* pm-window.c */
void pm_window_update_actions (PmWindow *self);
void pm_window_begin_busy (PmWindow   *self,
                           const char *label,
                           gboolean    can_cancel);
void pm_window_set_progress (PmWindow *self,
                             double    fraction);
void pm_window_end_busy (PmWindow *self);
void pm_window_update_summary_now (PmWindow *self);
PmIndicator *pm_window_get_current_indicator (PmWindow *self);
PmChart *pm_window_dup_current_chart (PmWindow *self);
void pm_window_remember_path (PmWindow   *self,
                              const char *path);
void pm_window_add_toast_with_open (PmWindow   *self,
                                    const char *message,
                                    const char *button_label,
                                    const char *uri);

/* pm-window-actions.c */
void pm_window_class_add_actions (GtkWidgetClass *widget_class);

/* pm-window-print.c: copy and print charts */
void pm_window_class_add_print_actions (GtkWidgetClass *widget_class);

/* pm-window-schedule.c: export work schedules and the task division */
void pm_window_class_add_schedule_actions (GtkWidgetClass *widget_class);

G_END_DECLS
