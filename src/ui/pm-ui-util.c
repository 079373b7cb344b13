/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-ui-util"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-department.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-task.h"
#include "pm-ui-util.h"

/* The year a monitoring round looks at: the last finished year, within the
 * current plans. */
int
pm_ui_default_evaluation_year (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return CLAMP (g_date_time_get_year (now) - 1, PM_UI_FIRST_EVALUATION_YEAR, PM_UI_LAST_YEAR);
}

/* The setting "evaluation-year" is 0 for the default. */
int
pm_ui_resolve_evaluation_year (int setting)
{
  if (setting < PM_UI_FIRST_EVALUATION_YEAR || setting > PM_UI_LAST_YEAR)
    return pm_ui_default_evaluation_year ();
  return setting;
}

static const char *const status_classes[PM_N_STATUSES] = {
  "status-achieved",
  "status-on-track",
  "status-needs-acceleration",
  "status-limited-progress",
  "status-deteriorating",
  "status-not-achieved",
  "status-no-target",
  "status-no-data",
  "status-manual",
};

const char *
pm_ui_status_css_class (PmStatus status)
{
  g_return_val_if_fail (status < PM_N_STATUSES, NULL);
  return status_classes[status];
}

void
pm_ui_clear_status_class (GtkWidget *widget)
{
  for (guint i = 0; i < PM_N_STATUSES; i++)
    gtk_widget_remove_css_class (widget, status_classes[i]);
}

void
pm_ui_set_status_class (GtkWidget *widget,
                        PmStatus   status)
{
  pm_ui_clear_status_class (widget);
  gtk_widget_add_css_class (widget, pm_ui_status_css_class (status));
}

/* A value as a person reads it: as many decimals as it has (at most 6), no
 * exponent, no thousands separators. */
char *
pm_ui_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  int decimals = 0;

  if (!isfinite (value))
    return g_strdup ("");

  for (; decimals < 6; decimals++)
    {
      double scaled = value * pow (10, decimals);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, fabs (scaled)))
        break;
    }

  {
    static const char *const formats[] = { "%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f" };

    g_ascii_formatd (buffer, sizeof buffer, formats[decimals], value);
  }
  /* -0 reads as 0 */
  return g_strdup (strcmp (buffer, "-0") == 0 ? "0" : buffer);
}

/* An attainment rate (0…1) as a percentage; "—" when none can be given. */
char *
pm_ui_format_rate (double rate)
{
  if (!isfinite (rate))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", rate * 100.0);
}

/* The form in which search compares text: compatibility-normalised (full-width
 * letters and digits become ASCII), case-folded. */
char *
pm_ui_fold (const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return g_strdup ("");

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normal == NULL)
    return g_strdup ("");
  return g_utf8_casefold (normal, -1);
}

static gboolean
folded_contains (const char *text,
                 const char *folded_query)
{
  g_autofree char *folded = pm_ui_fold (text);

  return strstr (folded, folded_query) != NULL;
}

/* Whether the indicator's code, name or one of its departments holds the
 * query (a substring: Chinese has no word breaks to match on). */
gboolean
pm_ui_indicator_matches (PmIndicator   *indicator,
                         const char    *folded_query,
                         PmDepartment **matched_department)
{
  GListModel *departments;

  g_return_val_if_fail (PM_IS_INDICATOR (indicator), FALSE);

  if (matched_department)
    *matched_department = NULL;

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;

  if (folded_contains (pm_indicator_get_code (indicator), folded_query) ||
      folded_contains (pm_indicator_get_name (indicator), folded_query))
    return TRUE;

  departments = pm_indicator_get_departments (indicator);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (PmDepartment) department = g_list_model_get_item (departments, i);

      if (folded_contains (pm_department_get_name (department), folded_query))
        {
          if (matched_department)
            *matched_department = department;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
shares_department (PmTask      *task,
                   PmIndicator *indicator)
{
  GListModel *task_departments = pm_task_get_departments (task);
  GListModel *departments = pm_indicator_get_departments (indicator);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (PmDepartment) department = g_list_model_get_item (departments, i);

      for (guint j = 0; j < g_list_model_get_n_items (task_departments); j++)
        {
          g_autoptr (PmDepartment) other = g_list_model_get_item (task_departments, j);

          if (other == department)
            return TRUE;
        }
    }

  return FALSE;
}

/* Returns: (transfer full) (element-type PmTask): the key tasks linked to
 * the indicator's domain (pm_task_get_domain (), from the template) that one
 * of the indicator's departments is responsible for */
GPtrArray *
pm_ui_list_domain_tasks (PmProject   *project,
                         PmIndicator *indicator)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  PmDomain *domain;
  GListModel *tasks;

  g_return_val_if_fail (PM_IS_PROJECT (project), result);
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), result);

  domain = pm_indicator_get_domain (indicator);
  if (domain == NULL)
    return result;

  tasks = pm_project_get_tasks (project);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr (PmTask) task = g_list_model_get_item (tasks, i);

      if (pm_task_get_domain (task) == domain && shares_department (task, indicator))
        g_ptr_array_add (result, g_steal_pointer (&task));
    }

  return result;
}

/* The path as a person reads it: ~ for the home folder. */
char *
pm_ui_dup_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize length = strlen (home);

  if (path == NULL)
    return NULL;
  if (length > 1 && g_str_has_prefix (path, home) && path[length] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + length, NULL);
  return g_strdup (path);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "pm-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A tooltip found when it is asked for. gtk_widget_set_tooltip_text ()
 * queries the tooltip under the pointer at once: done for every row of a
 * long list, that delays the first frame. */
void
pm_ui_set_tooltip (GtkWidget  *widget,
                   const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), "pm-tooltip-handler") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), "pm-tooltip-handler", GINT_TO_POINTER (1));
    }
  g_object_set_data_full (G_OBJECT (widget), "pm-tooltip", g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL && *text != '\0');
}

/* Shows an error as a dialog with one button: the error's message is in plain
 * words already (it names the file and what is wrong). */
void
pm_ui_show_error_dialog (GtkWidget    *parent,
                         const char   *heading,
                         const GError *error)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog;

  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_widget_add_css_class (dialog, "error-dialog");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       menu)
{
  gtk_menu_button_set_menu_model (button, menu);
}

/* Gives button its menu when it is first opened (by a click, F10 or
 * gtk_menu_button_popup ()): a menu's widgets are made with its model, and
 * a window need not make them before it shows. menu must outlive button
 * (a template object of the same widget does). */
void
pm_ui_set_menu_when_opened (GtkMenuButton *button,
                            GMenuModel    *menu)
{
  gtk_menu_button_set_create_popup_func (button, create_menu_cb, menu, NULL);
}

void
pm_ui_report_stage (const char *what)
{
  static int report = -1;

  if (report < 0)
    report = g_getenv ("PM_REPORT_FIRST_FRAME") != NULL;
  if (report)
    g_print ("stage %s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
}
