/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-application"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>

#include "pm-application.h"
#include "pm-preferences-window.h"
#include "pm-summary.h"
#include "pm-ui-util.h"
#include "pm-window.h"

struct _PmApplication
{
  AdwApplication parent_instance;

  char *project_path;
  GSettings *settings;
  GThread *opening; /* of an Opening, till the window shows it */
};

G_DEFINE_FINAL_TYPE (PmApplication, pm_application, ADW_TYPE_APPLICATION)

static PmWindow *
get_window (PmApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PM_IS_WINDOW (window))
    return PM_WINDOW (window);

  window = GTK_WINDOW (pm_window_new (GTK_APPLICATION (self)));
  return PM_WINDOW (window);
}

typedef struct
{
  PmWindow *window;
  char *heading;
  GError *error;
} OpenError;

static void
show_open_error (OpenError *data)
{
  pm_window_show_error (data->window, data->heading, data->error);
  g_object_unref (data->window);
  g_free (data->heading);
  g_error_free (data->error);
  g_free (data);
}

static void
painted_cb (GdkFrameClock *clock,
            OpenError     *data)
{
  g_signal_handlers_disconnect_by_func (clock, painted_cb, data);
  show_open_error (data);
}

/* Says why path could not be opened (takes error). At start, the dialog
 * waits for the window's first frame, so that it goes on top of it. */
static void
report_open_error (PmWindow   *window,
                   const char *path,
                   GError     *error,
                   gboolean    at_start)
{
  g_autofree char *name = g_path_get_basename (path);
  OpenError *data = g_new0 (OpenError, 1);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  data->window = g_object_ref (window);
  data->heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  data->error = error;

  if (at_start && clock && gtk_widget_get_child_visible (GTK_WIDGET (window)))
    g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), data);
  else
    show_open_error (data);
}

static void
open_path (PmWindow   *window,
           const char *path)
{
  GError *error = NULL;

  if (!pm_window_open_path (window, path, &error))
    report_open_error (window, path, error, FALSE);
}

/* The project shown at start (the one on the command line, else the last
 * one if it still exists) is opened, and its summaries computed, on a
 * thread of its own while the toolkit starts: GTK's and libadwaita's set-up
 * take most of a launch, and the window shows the project in its first
 * frame. */
typedef struct
{
  char *path;
  int year;
  PmStore *store;
  PmSummary *summary;
  PmSummary *previous;
  GError *error;
} Opening;

static void
opening_free (Opening *opening)
{
  g_free (opening->path);
  g_clear_object (&opening->store);
  g_clear_object (&opening->summary);
  g_clear_object (&opening->previous);
  g_clear_error (&opening->error);
  g_free (opening);
}

static gpointer
opening_thread (gpointer data)
{
  Opening *opening = data;

  opening->store = pm_store_open (opening->path, PM_STORE_OPEN_READ_ONLY_IF_NEEDED, &opening->error);
  if (opening->store)
    {
      PmProject *project = pm_store_get_project (opening->store);

      opening->summary = pm_summary_new (project, PM_PERIOD_2021_2030, opening->year);
      opening->previous = pm_summary_new_previous_plans (project);
    }
  return opening;
}

static void
start_opening (PmApplication *self)
{
  g_autofree char *last = NULL;
  const char *path = self->project_path;
  Opening *opening;

  if (path == NULL)
    {
      last = g_settings_get_string (self->settings, "last-project");
      if (*last == '\0' || !g_file_test (last, G_FILE_TEST_IS_REGULAR))
        return;
      path = last;
    }

  /* libgda's types are registered here, not on the thread while GTK
   * registers its own (see pm_store_prepare ()) */
  pm_store_prepare ();
  pm_ui_report_stage ("store-prepared");

  opening = g_new0 (Opening, 1);
  opening->path = g_canonicalize_filename (path, NULL);
  opening->year = pm_ui_resolve_evaluation_year (g_settings_get_int (self->settings, "evaluation-year"));
  self->opening = g_thread_new ("pm-open-project", opening_thread, opening);
}

static void
finish_opening_free (GThread *thread)
{
  opening_free (g_thread_join (thread));
}

static Opening *
finish_opening (PmApplication *self)
{
  if (self->opening == NULL)
    return NULL;
  return g_thread_join (g_steal_pointer (&self->opening));
}

/* PM_REPORT_FIRST_FRAME=1 prints "first-frame <µs>" (g_get_monotonic_time,
 * one clock for every process) when the window has painted its first frame,
 * then what that frame showed ("shown <page> <title>"), and quits: the launch
 * benchmark (tests/ui/bench-first-frame.c) and test-launch read it. Along
 * the way, pm_ui_report_stage () prints the stages of the start. */
static void
first_frame_cb (GdkFrameClock *clock,
                GApplication  *application)
{
  PmWindow *window = PM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));

  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, application);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_print ("shown %s %s\n", pm_window_get_visible_page (window), pm_window_get_title_text (window));
  g_application_quit (application);
}

static void
clock_stage_cb (GdkFrameClock *clock,
                const char    *stage)
{
  g_signal_handlers_disconnect_by_func (clock, clock_stage_cb, (gpointer) stage);
  pm_ui_report_stage (stage);
}

static void
window_mapped_cb (GtkWidget    *window,
                  GApplication *application)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  pm_ui_report_stage ("map");
  g_signal_connect (clock, "layout", G_CALLBACK (clock_stage_cb), (gpointer) "layout");
  g_signal_connect (clock, "paint", G_CALLBACK (clock_stage_cb), (gpointer) "paint");
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), application);
}

/* Start: the project given on the command line, else the last one if it
 * still exists, else the welcome page. */
static void
pm_application_activate (GApplication *application)
{
  PmApplication *self = PM_APPLICATION (application);
  GtkWindow *existing = gtk_application_get_active_window (GTK_APPLICATION (self));
  PmWindow *window;
  Opening *opening;

  if (existing)
    {
      gtk_window_present (existing);
      return;
    }

  pm_ui_report_stage ("activate");
  window = get_window (self);
  pm_ui_report_stage ("window");

  opening = finish_opening (self);
  pm_ui_report_stage ("opened");
  if (opening && opening->store)
    pm_window_show_opened (window, opening->store, opening->summary, opening->previous);
  pm_ui_report_stage ("project");

  if (g_getenv ("PM_REPORT_FIRST_FRAME"))
    g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), self);
  gtk_window_present (GTK_WINDOW (window));

  if (opening && opening->error)
    report_open_error (window, opening->path, g_steal_pointer (&opening->error), TRUE);
  g_clear_pointer (&opening, opening_free);
}

/* New, open */

static void
new_response_cb (GtkNativeDialog *chooser,
                 int              response,
                 PmWindow        *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr (GError) error = NULL;

      /* a name without an extension gets ours */
      if (path)
        {
          g_autofree char *base = g_path_get_basename (path);

          if (strchr (base, '.') == NULL)
            {
              char *with = g_strconcat (path, ".pmproj", NULL);

              g_free (path);
              path = with;
            }
        }

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Only files on this computer can be used."));
      if (error || !pm_window_create_path (window, path, &error))
        pm_window_show_error (window, _("The Project Was Not Created"), error);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (window);
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  PmApplication *self = PM_APPLICATION (user_data);
  PmWindow *window = get_window (self);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_window_present (GTK_WINDOW (window));
  chooser = gtk_file_chooser_native_new (_("New Project"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* TRANSLATORS: the suggested name of a new project file */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Plan monitoring.pmproj"));
  gtk_file_filter_set_name (filter, _("Plan Monitor projects"));
  gtk_file_filter_add_pattern (filter, "*.pmproj");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (new_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  PmWindow        *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path)
        open_path (window, path);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (window);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PmApplication *self = PM_APPLICATION (user_data);
  PmWindow *window = get_window (self);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_window_present (GTK_WINDOW (window));
  chooser = gtk_file_chooser_native_new (_("Open a Project"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (projects, _("Plan Monitor projects"));
  gtk_file_filter_add_pattern (projects, "*.pmproj");
  gtk_file_filter_add_mime_type (projects, "application/x-planmonitor-project");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), projects);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Preferences, about, quit */

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PmApplication *self = PM_APPLICATION (user_data);
  GtkWidget *preferences = pm_preferences_window_new (GTK_WINDOW (get_window (self)));

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "Plan Monitor contributors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Plan Monitor"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Plan Monitor contributors"),
                         "developers", developers,
                         /* TRANSLATORS: your name(s), one per line */
                         "translator-credits", _("translator-credits"),
                         "comments", _("Monitor the county’s women’s and children’s development "
                                       "plans 2021–2030 against their targets."),
                         "website", "https://github.com/planmonitor/plan-monitor",
                         "issue-url", "https://github.com/planmonitor/plan-monitor/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static gpointer
ref_window (gconstpointer window,
            gpointer      user_data)
{
  return g_object_ref ((gpointer) window);
}

static void
quit (GtkApplication *app)
{
  /* a copy: a window closed leaves the application's list, and its node */
  GList *windows = g_list_copy_deep (gtk_application_get_windows (app), ref_window, NULL);

  /* closing saves each window's size and closes its project (its lock) */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
  g_application_quit (G_APPLICATION (app));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  quit (GTK_APPLICATION (user_data));
}

/* SIGTERM (a logout, kill), SIGINT (Ctrl+C in a terminal), SIGHUP (the
 * terminal closed): quit as the Quit action does, so that the project is
 * closed and its lock file removed. */
static gboolean
quit_signal_cb (gpointer user_data)
{
  quit (GTK_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "new", new_activated },
  { "open", open_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
pm_application_startup (GApplication *application)
{
  GtkApplication *app = GTK_APPLICATION (application);
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.show-help-overlay", { "<Control>question", "F1", NULL } },
  };

  pm_ui_report_stage ("startup");
  /* before the project is opened (and its lock written): a signal that
   * comes once the lock exists always finds its handler */
  g_unix_signal_add (SIGTERM, quit_signal_cb, application);
  g_unix_signal_add (SIGINT, quit_signal_cb, application);
  g_unix_signal_add (SIGHUP, quit_signal_cb, application);
  if (PM_APPLICATION (application)->opening == NULL)
    start_opening (PM_APPLICATION (application));
  G_APPLICATION_CLASS (pm_application_parent_class)->startup (application);
  pm_ui_report_stage ("toolkit");

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
pm_application_finalize (GObject *object)
{
  PmApplication *self = PM_APPLICATION (object);

  g_clear_pointer (&self->project_path, g_free);
  g_clear_pointer (&self->opening, finish_opening_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pm_application_parent_class)->finalize (object);
}

static void
pm_application_class_init (PmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pm_application_finalize;
  app_class->activate = pm_application_activate;
  app_class->startup = pm_application_startup;
}

static void
pm_application_init (PmApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
}

PmApplication *
pm_application_new (void)
{
  return g_object_new (PM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/planmonitor/PlanMonitor",
                       NULL);
}

/* Runs the window; options were parsed by pm_cli_run () already. */
int
pm_application_run_with_project (PmApplication *self,
                                  const char    *project_path)
{
  char *argv[] = { (char *) "plan-monitor", NULL };

  g_return_val_if_fail (PM_IS_APPLICATION (self), 1);

  g_free (self->project_path);
  self->project_path = project_path ? g_canonicalize_filename (project_path, NULL) : NULL;

  return g_application_run (G_APPLICATION (self), 1, argv);
}
