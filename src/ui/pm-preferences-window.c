/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-preferences-window.h"
#include "pm-ui-util.h"

struct _PmPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow *name_row;
  AdwComboRow *year_row;

  GSettings *settings;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (PmPreferencesWindow, pm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
name_apply_cb (PmPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  g_settings_set_string (self->settings, "user-name", name);
}

/* Position 0 is the default (the last finished year), then 2021–2030. */
static void
year_selected_cb (PmPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->year_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_settings_set_int (self->settings, "evaluation-year",
                      selected == 0 ? 0 : PM_UI_FIRST_EVALUATION_YEAR + (int) selected - 1);
}

static void
pm_preferences_window_dispose (GObject *object)
{
  PmPreferencesWindow *self = PM_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pm_preferences_window_parent_class)->dispose (object);
}

static void
pm_preferences_window_class_init (PmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/planmonitor/PlanMonitor/ui/pm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PmPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, PmPreferencesWindow, year_row);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_selected_cb);
}

static void
pm_preferences_window_init (PmPreferencesWindow *self)
{
  g_autoptr (GtkStringList) years = gtk_string_list_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *automatic = NULL;
  int year;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APPLICATION_ID);

  name = g_settings_get_string (self->settings, "user-name");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  if (*name == '\0')
    {
      const char *real = g_get_real_name ();
      g_autofree char *hint = g_strdup_printf (_("Name recorded in history (now “%s”)"),
                                               real && *real && g_strcmp0 (real, "Unknown") != 0 ? real : g_get_user_name ());

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->name_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), hint);
    }

  /* TRANSLATORS: the default evaluation year (the last finished year), with
   * the year it is now */
  automatic = g_strdup_printf (_("Automatic (%d)"), pm_ui_default_evaluation_year ());
  gtk_string_list_append (years, automatic);
  for (int y = PM_UI_FIRST_EVALUATION_YEAR; y <= PM_UI_LAST_YEAR; y++)
    {
      g_autofree char *text = g_strdup_printf ("%d", y);

      gtk_string_list_append (years, text);
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (years));
  year = g_settings_get_int (self->settings, "evaluation-year");
  adw_combo_row_set_selected (self->year_row, year < PM_UI_FIRST_EVALUATION_YEAR || year > PM_UI_LAST_YEAR
                                                ? 0
                                                : (guint) (year - PM_UI_FIRST_EVALUATION_YEAR + 1));
  self->updating = FALSE;
}

GtkWidget *
pm_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (PM_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
