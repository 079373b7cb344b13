/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-indicator.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-ui-util.h"
#include "pm-window-department.h"
#include "pm-window-private.h"

G_DEFINE_FINAL_TYPE (PmWindow, pm_window, ADW_TYPE_APPLICATION_WINDOW)

#define MAX_RECENT 10

static void set_project (PmWindow  *self,
                         PmProject *project,
                         PmSummary *summary,
                         PmSummary *previous);

/* Summary: the status of every indicator in the chosen year */

/* Takes summary and previous if they were computed already for the
 * project and year shown, else computes them. */
static void
set_summaries (PmWindow  *self,
               PmSummary *summary,
               PmSummary *previous)
{
  g_clear_handle_id (&self->summary_source, g_source_remove);
  g_clear_object (&self->summary);
  g_clear_object (&self->previous);

  if (self->project == NULL)
    return;
  if (summary && previous && pm_summary_get_project (summary) == self->project &&
      pm_summary_get_year (summary) == self->year)
    {
      self->summary = g_object_ref (summary);
      self->previous = g_object_ref (previous);
    }
  else
    {
      self->summary = pm_summary_new (self->project, PM_PERIOD_2021_2030, self->year);
      self->previous = pm_summary_new_previous_plans (self->project);
    }
}

void
pm_window_update_summary_now (PmWindow *self)
{
  set_summaries (self, NULL, NULL);
  pm_sidebar_set_summary (self->sidebar, self->summary);
  pm_overview_page_set_summaries (self->overview_page, self->summary, self->previous);
}

static gboolean
update_summary_cb (gpointer user_data)
{
  PmWindow *self = user_data;

  self->summary_source = 0;
  pm_window_update_summary_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_summary (PmWindow *self)
{
  if (self->summary_source == 0)
    self->summary_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_summary_cb, self, NULL);
}

static void
observations_changed_cb (PmWindow *self)
{
  /* during long work the model changes in a worker thread: the window
   * looks again when the work is done */
  if (self->busy)
    return;
  schedule_summary (self);
}

static void
unwatch_observations (PmWindow *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          observations_changed_cb, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
watch_observations (PmWindow *self)
{
  GListModel *indicators = pm_project_get_indicators (self->project);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      GListModel *observations = pm_indicator_get_observations (indicator);

      g_signal_connect_swapped (observations, "items-changed", G_CALLBACK (observations_changed_cb), self);
      g_ptr_array_add (self->watched, g_object_ref (observations));
    }
}

/* Title, read-only bar */

static void
update_title (PmWindow *self)
{
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;
  g_autofree char *window_title = NULL;
  const char *title;

  if (self->project == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Plan Monitor"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Plan Monitor"));
      return;
    }

  if (self->store)
    {
      name = g_path_get_basename (pm_store_get_path (self->store));
      display = pm_ui_dup_display_path (pm_store_get_path (self->store));
    }
  else
    display = g_strdup (_("Built-in template (not saved)"));

  title = pm_project_get_title (self->project);
  if (title == NULL || *title == '\0')
    title = name ? name : _("Plan Monitor");

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, display);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), display);

  /* TRANSLATORS: the window's title: project name — application */
  window_title = g_strdup_printf (_("%s — Plan Monitor"), name ? name : title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_read_only (PmWindow *self)
{
  gboolean editable = self->store != NULL && !pm_store_is_read_only (self->store);

  if (self->project == NULL || editable)
    gtk_revealer_set_reveal_child (self->read_only_revealer, FALSE);
  else if (self->store == NULL)
    {
      gtk_label_set_text (self->read_only_label,
                          _("This is the built-in template of both plans. To enter values, create a "
                            "project file from it."));
      gtk_widget_set_visible (self->read_only_button, TRUE);
      gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
    }
  else
    {
      const char *reason = pm_store_get_read_only_reason (self->store);
      g_autofree char *text =
        g_strdup_printf (_("%s Values can be looked at but not changed."),
                         reason && *reason ? reason : _("The file cannot be written."));

      gtk_label_set_text (self->read_only_label, text);
      gtk_widget_set_visible (self->read_only_button, FALSE);
      gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
    }

  pm_indicator_page_set_editable (self->indicator_page, editable);
}

static void
store_notify_cb (PmWindow *self)
{
  if (self->busy)
    return;
  update_read_only (self);
  pm_window_update_actions (self);
}

/* Years */

static void
update_year_button (PmWindow *self)
{
  g_autofree char *label = g_strdup_printf ("%d", self->year);
  GtkWidget *row;

  gtk_menu_button_set_label (self->year_button, label);

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->year_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");
      int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "year"));

      gtk_widget_set_opacity (check, year == self->year ? 1 : 0);
    }
}

static void
fill_year_list (PmWindow *self)
{
  for (int year = PM_UI_FIRST_EVALUATION_YEAR; year <= PM_UI_LAST_YEAR; year++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), check);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "year", GINT_TO_POINTER (year));
      g_object_set_data (G_OBJECT (row), "check", check);
      gtk_list_box_append (self->year_list, row);
    }
}

/* The year list is filled when first shown: fewer widgets to make at start. */
static void
year_popover_show_cb (PmWindow *self)
{
  if (gtk_widget_get_first_child (GTK_WIDGET (self->year_list)) == NULL)
    {
      fill_year_list (self);
      update_year_button (self);
    }
}

static void
year_row_activated_cb (PmWindow      *self,
                       GtkListBoxRow *row)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "year"));

  gtk_popover_popdown (self->year_popover);
  g_settings_set_int (self->settings, "evaluation-year", year);
}

static void
settings_year_changed_cb (PmWindow *self)
{
  pm_window_set_year (self, pm_ui_resolve_evaluation_year (g_settings_get_int (self->settings,
                                                                               "evaluation-year")));
}

static void
settings_user_name_changed_cb (PmWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "user-name");

  if (self->store)
    pm_store_set_user_name (self->store, *g_strstrip (name) ? name : NULL);
}

/* Navigation */

static void
show_content (PmWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
sidebar_overview_cb (PmWindow *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, "overview");
  pm_window_update_actions (self);
  show_content (self);
}

static void
sidebar_indicator_cb (PmWindow    *self,
                      PmIndicator *indicator)
{
  pm_indicator_page_set_indicator (self->indicator_page, indicator);
  gtk_stack_set_visible_child_name (self->content_stack, "indicator");
  pm_window_update_actions (self);
  show_content (self);
}

static void
overview_indicator_cb (PmWindow    *self,
                       PmIndicator *indicator)
{
  if (!pm_sidebar_select_indicator (self->sidebar, indicator))
    sidebar_indicator_cb (self, indicator);
}

static void
page_show_error_cb (PmWindow     *self,
                    const char   *heading,
                    const GError *error)
{
  pm_window_show_error (self, heading, error);
}

static void
back_clicked_cb (PmWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
leaflet_folded_cb (PmWindow *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
open_recent_cb (PmWindow   *self,
                const char *path)
{
  g_autoptr (GError) error = NULL;

  if (!pm_window_open_path (self, path, &error))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      pm_window_show_error (self, heading, error);
    }
}

static void
cancel_clicked_cb (PmWindow *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

/* Recent projects */

static void
update_welcome (PmWindow *self)
{
  g_auto (GStrv) recent = NULL;

  if (self->welcome_page == NULL)
    return;
  recent = g_settings_get_strv (self->settings, "recent-projects");
  pm_welcome_page_set_recent (self->welcome_page, (const char *const *) recent);
}

/* The welcome page is made when first shown: a window that opens on a
 * project never needs it. */
static PmWelcomePage *
ensure_welcome_page (PmWindow *self)
{
  if (self->welcome_page == NULL)
    {
      self->welcome_page = PM_WELCOME_PAGE (pm_welcome_page_new ());
      g_signal_connect_object (self->welcome_page, "open-recent", G_CALLBACK (open_recent_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->welcome_page), "welcome");
      update_welcome (self);
    }
  return self->welcome_page;
}

/* The welcome page, with the focus on its first choice (Enter: New
 * Project…). */
static void
show_welcome (PmWindow *self)
{
  ensure_welcome_page (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  pm_welcome_page_focus_default (self->welcome_page);
}

void
pm_window_remember_path (PmWindow   *self,
                         const char *path)
{
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] && n < MAX_RECENT; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "recent-projects", (const char *const *) updated);
  g_settings_set_string (self->settings, "last-project", path);
  update_welcome (self);
}

/* Busy: long work in a thread */

static gboolean
pulse_cb (gpointer user_data)
{
  PmWindow *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* The window stays responsive, but nothing that reads or writes the
 * project can start until the work is done. */
void
pm_window_begin_busy (PmWindow   *self,
                      const char *label,
                      gboolean    can_cancel)
{
  g_return_if_fail (!self->busy);

  self->busy = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (self->cancel_button, can_cancel);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  self->pulse_source = g_timeout_add (120, pulse_cb, self);

  /* the page stops watching its indicator while a thread may change it */
  {
    PmIndicator *shown = pm_indicator_page_get_indicator (self->indicator_page);

    g_object_set_data_full (G_OBJECT (self), "busy-indicator",
                            shown ? g_object_ref (shown) : NULL, g_object_unref);
  }
  pm_indicator_page_set_indicator (self->indicator_page, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_stack), FALSE);
  pm_window_update_actions (self);
}

void
pm_window_set_progress (PmWindow *self,
                        double    fraction)
{
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
}

void
pm_window_end_busy (PmWindow *self)
{
  GObject *previous;

  g_return_if_fail (self->busy);

  if (self->disposed)
    {
      self->busy = FALSE;
      return;
    }

  self->busy = FALSE;
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->content_stack), TRUE);

  previous = g_object_get_data (G_OBJECT (self), "busy-indicator");
  if (PM_IS_INDICATOR (previous))
    pm_indicator_page_set_indicator (self->indicator_page, PM_INDICATOR (previous));
  g_object_set_data (G_OBJECT (self), "busy-indicator", NULL);

  update_read_only (self);
  pm_window_update_summary_now (self);
  pm_window_update_actions (self);
}

/* Project */

/* summary and previous: the project's summaries computed already (for the
 * window's year), or NULL */
static void
set_project (PmWindow  *self,
             PmProject *project,
             PmSummary *summary,
             PmSummary *previous)
{
  unwatch_observations (self);
  g_set_object (&self->project, project);

  /* the status of every indicator first: the sidebar's rows show it as
   * they are made */
  set_summaries (self, summary, previous);
  pm_sidebar_set_summary (self->sidebar, self->summary);
  pm_indicator_page_set_project (self->indicator_page, project);
  pm_indicator_page_set_store (self->indicator_page, self->store);
  pm_indicator_page_set_year (self->indicator_page, self->year);
  pm_overview_page_set_project (self->overview_page, project);
  pm_overview_page_set_summaries (self->overview_page, self->summary, self->previous);
  pm_sidebar_set_project (self->sidebar, project);

  if (project)
    {
      watch_observations (self);
      gtk_stack_set_visible_child_name (self->main_stack, "project");
      pm_sidebar_select_overview (self->sidebar);
      gtk_stack_set_visible_child_name (self->content_stack, "overview");
    }
  else
    {
      show_welcome (self);
    }

  update_title (self);
  update_read_only (self);
  pm_window_update_actions (self);
}

static void
show_store (PmWindow  *self,
            PmStore   *store,
            PmSummary *summary,
            PmSummary *previous)
{
  if (self->store)
    {
      g_signal_handlers_disconnect_by_func (self->store, store_notify_cb, self);
      pm_store_close (self->store);
    }
  g_set_object (&self->store, store);

  if (store)
    {
      g_autofree char *name = g_settings_get_string (self->settings, "user-name");

      if (*g_strstrip (name))
        pm_store_set_user_name (store, name);
      g_signal_connect_swapped (store, "notify::can-undo", G_CALLBACK (store_notify_cb), self);
      g_signal_connect_swapped (store, "notify::can-redo", G_CALLBACK (store_notify_cb), self);
      g_signal_connect_swapped (store, "notify::read-only", G_CALLBACK (store_notify_cb), self);
    }

  pm_window_department_set_store (self, store);
  set_project (self, store ? pm_store_get_project (store) : NULL, summary, previous);
}

/* Shows the project of store (NULL: the welcome page). */
void
pm_window_set_store (PmWindow *self,
                     PmStore  *store)
{
  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (store == NULL || PM_IS_STORE (store));
  g_return_if_fail (!self->busy);

  show_store (self, store, NULL, NULL);
}

/* Shows a project file opened already, with the summaries of its project
 * computed already for the window's year (or NULL: they are computed here),
 * remembers it among the recent projects and says if it was migrated or is
 * read-only. The application shows so the project it opened while the
 * toolkit started. */
void
pm_window_show_opened (PmWindow   *self,
                       PmStore    *store,
                       PmSummary  *summary,
                       PmSummary  *previous)
{
  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (PM_IS_STORE (store));
  g_return_if_fail (!self->busy);

  show_store (self, store, summary, previous);
  pm_window_remember_path (self, pm_store_get_path (store));

  if (pm_store_get_migrated_from (store) > 0 && pm_store_get_backup_path (store))
    {
      g_autofree char *backup = pm_ui_dup_display_path (pm_store_get_backup_path (store));
      g_autofree char *message = g_strdup_printf (_("The project was brought up to date; the old file "
                                                    "was kept as %s"), backup);

      pm_window_add_toast (self, message);
    }
  else if (pm_store_is_read_only (store))
    pm_window_add_toast (self, _("Opened read-only"));
}

/* Opens a project file: read-only, with the reason shown, when another
 * program has it open or it cannot be written. */
gboolean
pm_window_open_path (PmWindow    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr (PmStore) store = NULL;
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("Wait until the work in progress is done."));
      return FALSE;
    }

  absolute = g_canonicalize_filename (path, NULL);
  store = pm_store_open (absolute, PM_STORE_OPEN_READ_ONLY_IF_NEEDED, error);
  if (store == NULL)
    return FALSE;

  pm_window_show_opened (self, store, NULL, NULL);
  return TRUE;
}

/* Creates a project file from the built-in template and shows it. */
gboolean
pm_window_create_path (PmWindow    *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr (PmStore) store = NULL;
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("Wait until the work in progress is done."));
      return FALSE;
    }

  absolute = g_canonicalize_filename (path, NULL);
  store = pm_store_create_from_template (absolute, error);
  if (store == NULL)
    return FALSE;

  pm_window_set_store (self, store);
  pm_window_remember_path (self, absolute);
  return TRUE;
}

/* Shows the built-in template, read-only, without a file. */
void
pm_window_open_template (PmWindow *self)
{
  g_autoptr (PmProject) project = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (PM_IS_WINDOW (self));

  if (self->busy)
    return;

  project = pm_project_new_from_template (&error);
  if (project == NULL)
    {
      pm_window_show_error (self, _("Could Not Load the Built-in Template"), error);
      return;
    }

  pm_window_set_store (self, NULL);
  set_project (self, project, NULL, NULL);
}

/* GObject */

static gboolean
pm_window_close_request (GtkWindow *window)
{
  PmWindow *self = PM_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (pm_window_parent_class)->close_request (window);
}

/* A window shown without a project shows the welcome page. */
static void
pm_window_show (GtkWidget *widget)
{
  PmWindow *self = PM_WINDOW (widget);

  if (self->project == NULL)
    show_welcome (self);

  GTK_WIDGET_CLASS (pm_window_parent_class)->show (widget);

  /* again after the show: the focus a window takes when first shown would
   * go to the header bar */
  if (self->project == NULL)
    pm_welcome_page_focus_default (self->welcome_page);
}

static void
pm_window_dispose (GObject *object)
{
  PmWindow *self = PM_WINDOW (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->summary_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->watched)
    unwatch_observations (self);
  if (self->store)
    {
      g_signal_handlers_disconnect_by_func (self->store, store_notify_cb, self);
      /* closed now, not when the last reference goes: its lock goes with it */
      pm_store_close (self->store);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_WINDOW);

  g_clear_object (&self->summary);
  g_clear_object (&self->previous);
  g_clear_object (&self->project);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (pm_window_parent_class)->dispose (object);
}

static void
pm_window_finalize (GObject *object)
{
  PmWindow *self = PM_WINDOW (object);

  g_free (self->last_error);
  g_free (self->last_toast);
  g_hash_table_unref (self->enabled);

  G_OBJECT_CLASS (pm_window_parent_class)->finalize (object);
}

static void
pm_window_class_init (PmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pm_window_dispose;
  object_class->finalize = pm_window_finalize;
  widget_class->show = pm_window_show;
  window_class->close_request = pm_window_close_request;

  g_type_ensure (PM_TYPE_SIDEBAR);
  g_type_ensure (PM_TYPE_OVERVIEW_PAGE);
  g_type_ensure (PM_TYPE_INDICATOR_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/planmonitor/PlanMonitor/ui/pm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, year_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, year_popover);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, year_list);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, read_only_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, indicator_page);
  gtk_widget_class_bind_template_callback (widget_class, year_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_overview_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_indicator_cb);
  gtk_widget_class_bind_template_callback (widget_class, overview_indicator_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_show_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  pm_window_class_add_actions (widget_class);
  pm_window_class_add_department_actions (widget_class);
}

static void
pm_window_init (PmWindow *self)
{
  self->enabled = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = g_settings_new (APPLICATION_ID);
  self->year = pm_ui_resolve_evaluation_year (g_settings_get_int (self->settings, "evaluation-year"));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "sidebar-view", self->sidebar, "view", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::evaluation-year",
                           G_CALLBACK (settings_year_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::user-name",
                           G_CALLBACK (settings_user_name_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->year_popover, "show", G_CALLBACK (year_popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  pm_ui_set_menu_when_opened (self->primary_menu_button, self->primary_menu);
  update_year_button (self);
  pm_window_department_init (self);
  pm_indicator_page_set_year (self->indicator_page, self->year);
  update_title (self);
  pm_window_update_actions (self);
}

PmWindow *
pm_window_new (GtkApplication *application)
{
  return g_object_new (PM_TYPE_WINDOW, "application", application, NULL);
}

/* Returns: (nullable): the keyboard shortcuts window, once shown */
GtkWindow *
pm_window_get_help_overlay (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)));
}

PmStore *
pm_window_get_store (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return self->store;
}

PmProject *
pm_window_get_project (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return self->project;
}

gboolean
pm_window_has_project (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);
  return self->project != NULL;
}

int
pm_window_get_year (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), 0);
  return self->year;
}

void
pm_window_set_year (PmWindow *self,
                    int       year)
{
  g_return_if_fail (PM_IS_WINDOW (self));

  year = CLAMP (year, PM_UI_FIRST_EVALUATION_YEAR, PM_UI_LAST_YEAR);
  if (self->year == year)
    return;

  self->year = year;
  update_year_button (self);
  pm_indicator_page_set_year (self->indicator_page, year);
  if (!self->busy)
    pm_window_update_summary_now (self);
}

PmIndicator *
pm_window_get_current_indicator (PmWindow *self)
{
  if (self->project == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "indicator") != 0)
    return NULL;
  return pm_indicator_page_get_indicator (self->indicator_page);
}

/* Returns: (transfer full) (nullable): the chart of the indicator shown */
PmChart *
pm_window_dup_current_chart (PmWindow *self)
{
  PmChart *chart;

  if (pm_window_get_current_indicator (self) == NULL)
    return NULL;
  chart = pm_indicator_page_get_chart (self->indicator_page);
  return chart ? g_object_ref (chart) : NULL;
}

/* Shows the indicator of that code, selected in the sidebar. */
gboolean
pm_window_show_indicator (PmWindow   *self,
                          const char *code)
{
  PmIndicator *indicator;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (self->project == NULL || !(indicator = pm_project_find_indicator (self->project, code)))
    return FALSE;

  if (!pm_sidebar_select_indicator (self->sidebar, indicator) ||
      pm_indicator_page_get_indicator (self->indicator_page) != indicator ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "indicator") != 0)
    sidebar_indicator_cb (self, indicator);
  return TRUE;
}

void
pm_window_show_overview (PmWindow *self)
{
  g_return_if_fail (PM_IS_WINDOW (self));

  if (self->project == NULL)
    return;
  pm_sidebar_select_overview (self->sidebar);
  sidebar_overview_cb (self);
}

gboolean
pm_window_is_busy (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);
  return self->busy;
}

void
pm_window_add_toast (PmWindow   *self,
                     const char *message)
{
  AdwToast *toast;

  g_return_if_fail (PM_IS_WINDOW (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A toast with a button that opens what was written (win.open-exported). */
void
pm_window_add_toast_with_open (PmWindow   *self,
                               const char *message,
                               const char *button_label,
                               const char *uri)
{
  AdwToast *toast;

  g_return_if_fail (PM_IS_WINDOW (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
pm_window_get_last_toast (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return self->last_toast;
}

/* The fraction the progress bar shows (0 when no work runs). */
double
pm_window_get_progress (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), 0);
  return self->busy ? gtk_progress_bar_get_fraction (self->progress_bar) : 0;
}

/* Cancels the long work in progress, as its Cancel button does. */
void
pm_window_cancel_work (PmWindow *self)
{
  g_return_if_fail (PM_IS_WINDOW (self));
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

void
pm_window_show_error (PmWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  g_free (self->last_error);
  self->last_error = g_strdup (error->message);
  pm_ui_show_error_dialog (GTK_WIDGET (self), heading, error);
}

GtkWidget *
pm_window_get_sidebar (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->sidebar);
}

GtkWidget *
pm_window_get_indicator_page (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->indicator_page);
}

GtkWidget *
pm_window_get_overview_page (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->overview_page);
}

GtkWidget *
pm_window_get_welcome_page (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return GTK_WIDGET (ensure_welcome_page (self));
}

/* Returns: "welcome", "overview" or "indicator" */
const char *
pm_window_get_visible_page (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  if (self->project == NULL)
    return "welcome";
  return gtk_stack_get_visible_child_name (self->content_stack);
}

const char *
pm_window_get_title_text (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return adw_window_title_get_title (self->window_title);
}

const char *
pm_window_get_subtitle_text (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return adw_window_title_get_subtitle (self->window_title);
}

const char *
pm_window_get_last_error (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return self->last_error;
}

/* Returns: (nullable) (transfer none): the dialog that asks whether to
 * read an import as GB18030, while it is open */
GtkWidget *
pm_window_get_encoding_dialog (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return self->encoding_dialog;
}

/* Returns: (nullable): what the bar above the content says, when shown */
const char *
pm_window_get_read_only_text (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->read_only_revealer))
    return NULL;
  return gtk_label_get_text (self->read_only_label);
}
