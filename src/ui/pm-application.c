/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-application.h"
#include "pm-project.h"
#include "pm-window.h"

struct _PmApplication
{
  AdwApplication parent_instance;
  char *project_path;
};

G_DEFINE_FINAL_TYPE (PmApplication, pm_application, ADW_TYPE_APPLICATION)

static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pm_application_activate (GApplication *application)
{
  PmApplication *self = PM_APPLICATION (application);
  g_autoptr (PmProject) project = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *window;

  if ((window = gtk_application_get_active_window (GTK_APPLICATION (self))))
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (pm_window_new (GTK_APPLICATION (self)));
  gtk_window_present (window);

  if (self->project_path != NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot open “%s”: this build reads only the built-in template."),
                   self->project_path);
      show_error (window, _("Could Not Open the Project"), error);
      g_clear_error (&error);
    }

  project = pm_project_new_from_template (&error);
  if (project == NULL)
    {
      show_error (window, _("Could Not Load the Built-in Template"), error);
      return;
    }

  pm_window_set_project (PM_WINDOW (window), project);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
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
                         "developers", developers,
                         "comments", _("Monitor the county's women's and children's development "
                                       "plans 2021–2030 against their targets."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
pm_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (pm_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
pm_application_finalize (GObject *object)
{
  PmApplication *self = PM_APPLICATION (object);

  g_clear_pointer (&self->project_path, g_free);

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
  self->project_path = g_strdup (project_path);

  return g_application_run (G_APPLICATION (self), 1, argv);
}
