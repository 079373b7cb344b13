/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-window-print"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-chart-booklet.h"
#include "pm-chart-builder.h"
#include "pm-chart-clipboard.h"
#include "pm-chart-print-operation.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-window-private.h"

/* Copying and printing charts, through the chart layer's clipboard helper
 * and print operation. */

/* Copy */

gboolean
pm_window_copy_chart (PmWindow *self)
{
  g_autoptr (PmChart) chart = NULL;
  int width, height;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);

  if (!(chart = pm_window_dup_current_chart (self)))
    return FALSE;

  /* the light screen style at twice its size stays sharp on a slide */
  pm_chart_style_get_default_size (PM_CHART_STYLE_SCREEN, &width, &height);
  pm_chart_copy_to_clipboard (chart, gtk_widget_get_clipboard (GTK_WIDGET (self)), PM_CHART_STYLE_SCREEN,
                              width, height, 2.0);
  pm_window_add_toast (self, _("The chart was copied; paste it into a document or a slide"));
  return TRUE;
}

static void
copy_chart_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  pm_window_copy_chart (PM_WINDOW (widget));
}

/* Booklets */

static void
add_indicators (PmChartBooklet *booklet,
                PmProject      *project,
                GListModel     *indicators,
                int             year)
{
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr (PmChart) chart = NULL;

      if (pm_indicator_get_period (indicator) != PM_PERIOD_2021_2030)
        continue;
      chart = pm_chart_new_for_indicator (project, indicator, year);
      pm_chart_booklet_add (booklet, chart);
    }
}

/* Returns: (transfer full) (nullable): the charts of the scope, in print
 * style, per_page to a page */
PmChartBooklet *
pm_window_make_booklet (PmWindow      *self,
                        PmPrintScope   scope,
                        guint          per_page)
{
  PmIndicator *indicator;
  PmChartBooklet *booklet = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (pm_chart_per_page_is_valid (per_page), NULL);

  if (self->project == NULL)
    return NULL;

  indicator = pm_window_get_current_indicator (self);
  if (indicator == NULL && scope != PM_PRINT_SCOPE_ALL)
    return NULL;

  switch (scope)
    {
    case PM_PRINT_SCOPE_INDICATOR:
      {
        g_autoptr (PmChart) chart = pm_chart_new_for_indicator (self->project, indicator, self->year);

        title = g_strdup_printf ("%s %s", pm_indicator_get_code (indicator), pm_indicator_get_name (indicator));
        booklet = pm_chart_booklet_new (title, PM_CHART_STYLE_PRINT, per_page);
        pm_chart_booklet_add (booklet, chart);
      }
      break;

    case PM_PRINT_SCOPE_DOMAIN:
      {
        PmDomain *domain = pm_indicator_get_domain (indicator);

        if (domain == NULL)
          return NULL;
        booklet = pm_chart_booklet_new (pm_domain_get_name (domain), PM_CHART_STYLE_PRINT, per_page);
        add_indicators (booklet, self->project, pm_domain_get_indicators (domain), self->year);
      }
      break;

    case PM_PRINT_SCOPE_PLAN:
      {
        PmPlan *plan = pm_indicator_get_plan (indicator);

        booklet = pm_chart_booklet_new (pm_plan_get_name (plan), PM_CHART_STYLE_PRINT, per_page);
        add_indicators (booklet, self->project, pm_plan_get_indicators (plan, PM_PERIOD_2021_2030),
                        self->year);
      }
      break;

    case PM_PRINT_SCOPE_ALL:
    default:
      {
        const char *project_title = pm_project_get_title (self->project);

        booklet = pm_chart_booklet_new (project_title && *project_title ? project_title : _("Both plans"),
                                        PM_CHART_STYLE_PRINT, per_page);
        add_indicators (booklet, self->project, pm_project_get_indicators (self->project), self->year);
      }
      break;
    }

  return booklet;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PmWindow                *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr (GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error)
        pm_window_show_error (self, _("The Charts Were Not Printed"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      guint per_page = pm_chart_print_operation_get_per_page (PM_CHART_PRINT_OPERATION (operation));

      g_settings_set_int (self->settings, "charts-per-page", (int) per_page);
    }
}

static void
run_print (PmWindow       *self,
           PmChartBooklet *booklet,
           gboolean        preview)
{
  g_autoptr (PmChartPrintOperation) operation = pm_chart_print_operation_new (booklet);
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  result = preview ? pm_chart_print_operation_run_preview (operation, GTK_WINDOW (self), &error)
                   : pm_chart_print_operation_run_dialog (operation, GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error)
    pm_window_show_error (self, _("The Charts Were Not Printed"), error);
}

static guint
saved_per_page (PmWindow *self)
{
  int per_page = g_settings_get_int (self->settings, "charts-per-page");

  return pm_chart_per_page_is_valid (per_page) ? (guint) per_page : 1;
}

static void
print_chart_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  g_autoptr (PmChartBooklet) booklet = pm_window_make_booklet (self, PM_PRINT_SCOPE_INDICATOR, 1);

  if (booklet)
    run_print (self, booklet, FALSE);
}

/* Print charts: which charts, how many a page, preview or print */

typedef struct
{
  GtkCheckButton *scopes[4];
  GtkToggleButton *per_page[3];
} PrintChoice;

static const guint per_page_values[] = { 1, 2, 4 };

static void
print_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PmWindow         *self)
{
  PrintChoice *choice = g_object_get_data (G_OBJECT (dialog), "choice");
  g_autoptr (PmChartBooklet) booklet = NULL;
  PmPrintScope scope = PM_PRINT_SCOPE_ALL;
  guint per_page = 1;

  if (g_strcmp0 (response, "print") != 0 && g_strcmp0 (response, "preview") != 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (choice->scopes); i++)
    if (choice->scopes[i] && gtk_check_button_get_active (choice->scopes[i]))
      scope = i;
  for (guint i = 0; i < G_N_ELEMENTS (choice->per_page); i++)
    if (gtk_toggle_button_get_active (choice->per_page[i]))
      per_page = per_page_values[i];

  g_settings_set_int (self->settings, "charts-per-page", (int) per_page);
  booklet = pm_window_make_booklet (self, scope, per_page);
  if (booklet)
    run_print (self, booklet, g_str_equal (response, "preview"));
}

static void
print_charts_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmIndicator *indicator = pm_window_get_current_indicator (self);
  PrintChoice *choice = g_new0 (PrintChoice, 1);
  GtkWidget *dialog, *box, *scopes, *pages, *label;
  GtkCheckButton *group = NULL;
  guint per_page = saved_per_page (self);
  const char *labels[4] = { NULL };
  g_autofree char *domain_label = NULL;
  g_autofree char *plan_label = NULL;
  g_autofree char *indicator_label = NULL;

  if (self->project == NULL || self->busy)
    {
      g_free (choice);
      return;
    }

  if (indicator)
    {
      PmDomain *domain = pm_indicator_get_domain (indicator);

      /* TRANSLATORS: what to print: one indicator's chart */
      indicator_label = g_strdup_printf (_("This chart (%s)"), pm_indicator_get_code (indicator));
      labels[PM_PRINT_SCOPE_INDICATOR] = indicator_label;
      if (domain)
        {
          domain_label = g_strdup_printf (_("Every chart of “%s”"), pm_domain_get_name (domain));
          labels[PM_PRINT_SCOPE_DOMAIN] = domain_label;
        }
      plan_label = g_strdup_printf (_("Every chart of “%s”"), pm_plan_get_name (pm_indicator_get_plan (indicator)));
      labels[PM_PRINT_SCOPE_PLAN] = plan_label;
    }
  labels[PM_PRINT_SCOPE_ALL] = _("Every chart of both plans");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Print Charts"), NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  scopes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *check;

      if (labels[i] == NULL)
        continue;
      check = gtk_check_button_new_with_label (labels[i]);
      if (group)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      choice->scopes[i] = GTK_CHECK_BUTTON (check);
      gtk_box_append (GTK_BOX (scopes), check);
    }
  /* by default the most that is still about what is shown */
  gtk_check_button_set_active (choice->scopes[indicator && choice->scopes[PM_PRINT_SCOPE_DOMAIN]
                                                ? PM_PRINT_SCOPE_DOMAIN
                                                : PM_PRINT_SCOPE_ALL],
                               TRUE);
  gtk_box_append (GTK_BOX (box), scopes);

  pages = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (_("Charts per page"));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (pages), label);
  {
    GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_add_css_class (linked, "linked");
    for (guint i = 0; i < G_N_ELEMENTS (per_page_values); i++)
      {
        g_autofree char *text = g_strdup_printf ("%u", per_page_values[i]);
        GtkWidget *toggle = gtk_toggle_button_new_with_label (text);

        if (i > 0)
          gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), choice->per_page[0]);
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), per_page_values[i] == per_page);
        choice->per_page[i] = GTK_TOGGLE_BUTTON (toggle);
        gtk_box_append (GTK_BOX (linked), toggle);
      }
    gtk_box_append (GTK_BOX (pages), linked);
  }
  gtk_box_append (GTK_BOX (box), pages);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "preview", _("Pre_view"),
                                    "print", _("_Print…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "print");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "choice", choice, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (print_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pm_window_class_add_print_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_activated);
  gtk_widget_class_install_action (widget_class, "win.print-chart", NULL, print_chart_activated);
  gtk_widget_class_install_action (widget_class, "win.print-charts", NULL, print_charts_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.print-charts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.print-charts", NULL);
}
