/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-ui-util.h"
#include "pm-welcome-page.h"

struct _PmWelcomePage
{
  AdwBin parent_instance;

  GtkMenuButton *menu_button;
  GMenuModel *welcome_menu;
  AdwStatusPage *status_page;
  GtkWidget *new_button;
  AdwPreferencesGroup *recent_group;
  GtkListBox *recent_list;

  guint n_recent;
};

G_DEFINE_FINAL_TYPE (PmWelcomePage, pm_welcome_page, ADW_TYPE_BIN)

enum {
  OPEN_RECENT,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
recent_activated_cb (PmWelcomePage *self,
                     GtkListBoxRow *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  if (path)
    g_signal_emit (self, signals[OPEN_RECENT], 0, path);
}

static void
pm_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PM_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (pm_welcome_page_parent_class)->dispose (object);
}

static void
pm_welcome_page_class_init (PmWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_welcome_page_dispose;

  signals[OPEN_RECENT] =
    g_signal_new ("open-recent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/planmonitor/PlanMonitor/ui/pm-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmWelcomePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PmWelcomePage, welcome_menu);
  gtk_widget_class_bind_template_child (widget_class, PmWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, PmWelcomePage, new_button);
  gtk_widget_class_bind_template_child (widget_class, PmWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, PmWelcomePage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
}

static void
pm_welcome_page_init (PmWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pm_ui_set_menu_when_opened (self->menu_button, self->welcome_menu);
  pm_welcome_page_set_recent (self, NULL);
}

GtkWidget *
pm_welcome_page_new (void)
{
  return g_object_new (PM_TYPE_WELCOME_PAGE, NULL);
}

/* Lists the recent projects that still exist, newest first. */
void
pm_welcome_page_set_recent (PmWelcomePage     *self,
                            const char *const *paths)
{
  GtkWidget *child;

  g_return_if_fail (PM_IS_WELCOME_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  self->n_recent = 0;

  for (guint i = 0; paths && paths[i]; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *folder = NULL;
      g_autofree char *display = NULL;
      GtkWidget *row;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        continue;

      name = g_path_get_basename (paths[i]);
      folder = g_path_get_dirname (paths[i]);
      display = pm_ui_dup_display_path (folder);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), display);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-spreadsheet-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (paths[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      self->n_recent++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), self->n_recent > 0);
}

guint
pm_welcome_page_get_n_recent (PmWelcomePage *self)
{
  g_return_val_if_fail (PM_IS_WELCOME_PAGE (self), 0);
  return self->n_recent;
}

void
pm_welcome_page_focus_default (PmWelcomePage *self)
{
  g_return_if_fail (PM_IS_WELCOME_PAGE (self));
  gtk_widget_grab_focus (self->new_button);
}
