/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-indicator-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-chart-builder.h"
#include "pm-chart-view.h"
#include "pm-department.h"
#include "pm-domain.h"
#include "pm-history-dialog.h"
#include "pm-indicator-page.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-task.h"
#include "pm-ui-util.h"
#include "pm-value-edit.h"

struct _PmIndicatorPage
{
  AdwBin parent_instance;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkWidget *status_box;
  GtkWidget *status_dot;
  GtkLabel *status_label;
  GtkLabel *explanation_label;
  PmChartView *chart_view;
  GtkListBox *card_list;
  AdwPreferencesGroup *values_group;
  GtkListBox *values_list;
  AdwPreferencesGroup *tasks_group;
  GtkListBox *tasks_list;

  PmStore *store;
  PmProject *project;
  PmIndicator *indicator;
  PmEvaluation *evaluation;
  int year;
  gboolean editable;

  GPtrArray *value_rows; /* PmValueRow, 2010 first */
  guint n_tasks;
};

G_DEFINE_FINAL_TYPE (PmIndicatorPage, pm_indicator_page, ADW_TYPE_BIN)

enum {
  SHOW_ERROR,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void refresh_values (PmIndicatorPage *self);

/* The card */

static void
add_card_row (PmIndicatorPage *self,
              const char      *title,
              const char      *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "card-row");
  gtk_list_box_append (self->card_list, row);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static char *
lead_and_cooperating (PmIndicator *indicator,
                      gboolean     lead)
{
  GListModel *departments = pm_indicator_get_departments (indicator);
  PmDepartment *first = pm_indicator_get_lead_department (indicator);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (PmDepartment) department = g_list_model_get_item (departments, i);

      if ((department == first) != lead)
        continue;
      if (text->len)
        g_string_append (text, "、");
      g_string_append (text, pm_department_get_name (department));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_printed (const char *text,
                double      value)
{
  if (text && *text)
    return g_strdup (text);
  if (isfinite (value))
    return pm_ui_format_number (value);
  return NULL;
}

static void
refresh_card (PmIndicatorPage *self)
{
  PmIndicator *indicator = self->indicator;
  PmIndicator *predecessor = pm_indicator_get_predecessor (indicator);
  PmAttribute attribute = pm_indicator_get_attribute (indicator);
  g_autofree char *lead = lead_and_cooperating (indicator, TRUE);
  g_autofree char *cooperating = lead_and_cooperating (indicator, FALSE);

  clear_list (self->card_list);

  add_card_row (self, _("Unit"), pm_indicator_get_unit (indicator));
  add_card_row (self, _("County target (as printed)"), pm_indicator_get_county_target (indicator));
  add_card_row (self, _("Municipal target (as printed)"), pm_indicator_get_city_target (indicator));
  if (attribute != PM_ATTRIBUTE_NONE)
    {
      g_autofree char *text = pm_indicator_get_inherited (indicator)
        /* TRANSLATORS: an attribute (约束性) taken from the parent row of the plan's table */
        ? g_strdup_printf (_("%s (as its parent row)"), pm_attribute_to_printed (attribute))
        : g_strdup (pm_attribute_to_printed (attribute));

      add_card_row (self, _("Attribute"), text);
    }
  add_card_row (self, _("Lead department"), lead);
  add_card_row (self, _("Co-operating departments"), cooperating);

  if (predecessor)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", pm_indicator_get_code (predecessor),
                                               pm_indicator_get_name (predecessor));
      g_autofree char *value_2010 = format_printed (pm_indicator_get_value_2010_text (predecessor),
                                                    pm_indicator_get_value_2010 (predecessor));
      g_autofree char *value_2020 = format_printed (pm_indicator_get_value_2020_text (predecessor),
                                                    pm_indicator_get_value_2020 (predecessor));

      add_card_row (self, _("Predecessor in the 2011–2020 plan"), name);
      add_card_row (self, _("Its 2010 value"), value_2010);
      add_card_row (self, _("Its 2020 target"), pm_indicator_get_target_2020 (predecessor));
      add_card_row (self, _("Its 2020 value"), value_2020);
      add_card_row (self, _("About the predecessor"), pm_indicator_get_predecessor_note (indicator));
    }
  else
    add_card_row (self, _("Predecessor in the 2011–2020 plan"), _("None: a new indicator"));

  add_card_row (self, _("Note"), pm_indicator_get_note (indicator));
}

/* Status and chart */

static void
refresh_status (PmIndicatorPage *self)
{
  PmStatus status;
  g_autoptr (PmChart) chart = NULL;
  g_autofree char *heading = NULL;

  g_clear_object (&self->evaluation);
  self->evaluation = pm_evaluate_indicator (self->project, self->indicator, self->year);
  status = pm_evaluation_get_status (self->evaluation);

  /* TRANSLATORS: the status of an indicator in a year: "2024: On track" */
  heading = g_strdup_printf (_("%d: %s"), self->year, pm_status_get_label (status));
  gtk_label_set_text (self->status_label, heading);
  gtk_label_set_text (self->explanation_label, pm_evaluation_get_explanation (self->evaluation));
  pm_ui_set_status_class (self->status_box, status);
  pm_ui_set_status_class (self->status_dot, status);

  chart = pm_chart_new_for_indicator (self->project, self->indicator, self->year);
  pm_chart_view_set_chart (self->chart_view, chart);
}

/* Key tasks */

static void
refresh_tasks (PmIndicatorPage *self)
{
  g_autoptr (GPtrArray) tasks = pm_ui_list_domain_tasks (self->project, self->indicator);
  PmDomain *domain = pm_indicator_get_domain (self->indicator);

  clear_list (self->tasks_list);
  self->n_tasks = tasks->len;

  if (domain)
    {
      g_autofree char *description =
        g_strdup_printf (_("The tasks of “%s” in which its departments take part"),
                         pm_domain_get_name (domain));

      adw_preferences_group_set_description (self->tasks_group, description);
    }

  for (guint i = 0; i < tasks->len; i++)
    {
      PmTask *task = g_ptr_array_index (tasks, i);
      g_autofree char *title = g_strdup_printf ("%u.%u %s", pm_task_get_section_number (task),
                                                pm_task_get_number (task), pm_task_get_title (task));
      g_autofree char *departments = pm_departments_join (pm_task_get_departments (task), "、");
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *text = gtk_label_new (pm_task_get_text (task));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), departments);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_widget_set_margin_start (text, 12);
      gtk_widget_set_margin_end (text, 12);
      gtk_widget_set_margin_top (text, 12);
      gtk_widget_set_margin_bottom (text, 12);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text);
      gtk_list_box_append (self->tasks_list, row);
    }

  if (tasks->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No key task of its departments in this domain"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->tasks_list, row);
    }
}

/* Values */

static PmValueRow *
row_for_year (PmIndicatorPage *self,
              int              year)
{
  if (year < PM_UI_FIRST_YEAR || year > PM_UI_LAST_YEAR || self->value_rows->len == 0)
    return NULL;
  return g_ptr_array_index (self->value_rows, year - PM_UI_FIRST_YEAR);
}

static void
focus_next_row (PmIndicatorPage *self,
                PmValueRow      *row)
{
  PmValueRow *next = row_for_year (self, pm_value_row_get_year (row) + 1);

  if (next)
    gtk_widget_grab_focus (GTK_WIDGET (pm_value_row_get_value_entry (next)));
}

static void
row_commit_cb (PmIndicatorPage *self,
               PmValueRow      *row)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *refused = NULL;
  GtkEditable *entry = pm_value_row_get_value_entry (row);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean from_value = focus && (focus == GTK_WIDGET (entry) ||
                                  gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));
  int year = pm_value_row_get_year (row);

  if (self->store == NULL || self->indicator == NULL)
    return;

  if (pm_value_edit_store (self->store, self->indicator, year,
                           pm_value_row_get_value_text (row),
                           pm_value_row_get_note (row),
                           pm_value_row_get_source (row),
                           pm_value_row_get_provisional (row),
                           &refused, &error))
    {
      pm_value_row_clear_error (row);
      /* the model told the page already; in case nothing changed */
      refresh_values (self);
      if (from_value)
        focus_next_row (self, row);
      return;
    }

  /* refused, or not written: the stored value stays, and shows again */
  refresh_values (self);
  if (refused)
    {
      pm_value_row_show_error (row, refused);
      gtk_widget_grab_focus (GTK_WIDGET (entry));
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      pm_value_row_show_error (row, message);
      /* the window shows it as a dialog */
      g_signal_emit (self, signals[SHOW_ERROR], 0, _("The Value Was Not Saved"), error);
    }
}

static void
row_show_history_cb (PmIndicatorPage *self,
                     PmValueRow      *row)
{
  pm_indicator_page_show_history (self, pm_value_row_get_year (row));
}

static void
refresh_values (PmIndicatorPage *self)
{
  g_autoptr (GArray) series = pm_evaluation_collect_series (self->indicator, PM_UI_LAST_YEAR);
  const char *unit = pm_indicator_get_unit (self->indicator);

  for (guint i = 0; i < self->value_rows->len; i++)
    {
      PmValueRow *row = g_ptr_array_index (self->value_rows, i);
      int year = pm_value_row_get_year (row);
      PmObservation *observation = pm_indicator_find_observation (self->indicator, year, PM_AREA_COUNTY);
      g_autofree char *printed = NULL;

      /* where the project has no value, what the series takes from the
       * previous plans (its predecessor's printed values) */
      if (observation == NULL)
        for (guint p = 0; p < series->len; p++)
          {
            const PmPoint *point = &g_array_index (series, PmPoint, p);

            if (point->year == year)
              printed = point->printed ? g_strdup (point->printed)
                                       : pm_ui_format_number (point->value);
          }

      pm_value_row_set_unit (row, unit);
      pm_value_row_set_observation (row, observation, printed);
      pm_value_row_set_editable (row, self->editable && self->store != NULL);
    }
}

static void
observations_changed_cb (PmIndicatorPage *self)
{
  pm_indicator_page_refresh (self);
}

static void
watch_indicator (PmIndicatorPage *self,
                 gboolean         watch)
{
  GListModel *observations;

  if (self->indicator == NULL)
    return;

  observations = pm_indicator_get_observations (self->indicator);
  if (watch)
    g_signal_connect_swapped (observations, "items-changed", G_CALLBACK (observations_changed_cb), self);
  else
    g_signal_handlers_disconnect_by_func (observations, observations_changed_cb, self);
}

/* The rows of the values table are made when the first indicator is shown:
 * a window that opens on the overview does not wait for them. */
static void
ensure_value_rows (PmIndicatorPage *self)
{
  if (self->value_rows->len > 0)
    return;

  for (int year = PM_UI_FIRST_YEAR; year <= PM_UI_LAST_YEAR; year++)
    {
      GtkWidget *row = pm_value_row_new (year);

      g_signal_connect_object (row, "commit", G_CALLBACK (row_commit_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "show-history", G_CALLBACK (row_show_history_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->values_list, row);
      g_ptr_array_add (self->value_rows, row);
    }
}

/* GObject */

static void
pm_indicator_page_dispose (GObject *object)
{
  PmIndicatorPage *self = PM_INDICATOR_PAGE (object);

  watch_indicator (self, FALSE);
  g_clear_object (&self->indicator);
  g_clear_object (&self->evaluation);
  g_clear_object (&self->project);
  g_clear_object (&self->store);
  g_clear_pointer (&self->value_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_INDICATOR_PAGE);

  G_OBJECT_CLASS (pm_indicator_page_parent_class)->dispose (object);
}

static void
pm_indicator_page_class_init (PmIndicatorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_indicator_page_dispose;

  signals[SHOW_ERROR] =
    g_signal_new ("show-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  g_type_ensure (PM_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/planmonitor/PlanMonitor/ui/pm-indicator-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, status_dot);
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, card_list);
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, values_group);
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, values_list);
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, tasks_group);
  gtk_widget_class_bind_template_child (widget_class, PmIndicatorPage, tasks_list);
}

static void
pm_indicator_page_init (PmIndicatorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->year = pm_ui_default_evaluation_year ();
  self->editable = TRUE;
  self->value_rows = g_ptr_array_new ();
}

GtkWidget *
pm_indicator_page_new (void)
{
  return g_object_new (PM_TYPE_INDICATOR_PAGE, NULL);
}

void
pm_indicator_page_set_store (PmIndicatorPage *self,
                             PmStore         *store)
{
  g_return_if_fail (PM_IS_INDICATOR_PAGE (self));
  g_return_if_fail (store == NULL || PM_IS_STORE (store));

  g_set_object (&self->store, store);
  pm_indicator_page_refresh (self);
}

void
pm_indicator_page_set_project (PmIndicatorPage *self,
                               PmProject       *project)
{
  g_return_if_fail (PM_IS_INDICATOR_PAGE (self));
  g_return_if_fail (project == NULL || PM_IS_PROJECT (project));

  if (project != self->project)
    pm_indicator_page_set_indicator (self, NULL);
  g_set_object (&self->project, project);
}

void
pm_indicator_page_set_year (PmIndicatorPage *self,
                            int              year)
{
  g_return_if_fail (PM_IS_INDICATOR_PAGE (self));

  if (self->year == year)
    return;
  self->year = year;
  pm_indicator_page_refresh (self);
}

void
pm_indicator_page_set_editable (PmIndicatorPage *self,
                                gboolean         editable)
{
  g_return_if_fail (PM_IS_INDICATOR_PAGE (self));

  self->editable = !!editable;
  if (self->indicator)
    refresh_values (self);
}

void
pm_indicator_page_set_indicator (PmIndicatorPage *self,
                                 PmIndicator     *indicator)
{
  g_return_if_fail (PM_IS_INDICATOR_PAGE (self));
  g_return_if_fail (indicator == NULL || PM_IS_INDICATOR (indicator));

  if (indicator == self->indicator)
    return;

  watch_indicator (self, FALSE);
  g_set_object (&self->indicator, indicator);
  watch_indicator (self, TRUE);
  if (indicator)
    ensure_value_rows (self);

  for (guint i = 0; i < self->value_rows->len; i++)
    pm_value_row_clear_error (g_ptr_array_index (self->value_rows, i));

  if (indicator == NULL)
    {
      g_clear_object (&self->evaluation);
      pm_chart_view_set_chart (self->chart_view, NULL);
      return;
    }

  pm_indicator_page_refresh (self);
  refresh_card (self);
  refresh_tasks (self);
  /* a new indicator is read from its top */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)))), 0);
}

PmIndicator *
pm_indicator_page_get_indicator (PmIndicatorPage *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR_PAGE (self), NULL);
  return self->indicator;
}

/* Shows the indicator's values, status and chart as they are now. */
void
pm_indicator_page_refresh (PmIndicatorPage *self)
{
  PmIndicator *indicator;
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *values_description = NULL;
  PmDomain *domain;
  const char *unit;

  g_return_if_fail (PM_IS_INDICATOR_PAGE (self));

  if ((indicator = self->indicator) == NULL || self->project == NULL)
    return;

  title = g_strdup_printf ("%s  %s", pm_indicator_get_code (indicator), pm_indicator_get_name (indicator));
  gtk_label_set_text (self->title_label, title);

  g_string_append (subtitle, pm_plan_get_name (pm_indicator_get_plan (indicator)));
  if ((domain = pm_indicator_get_domain (indicator)))
    g_string_append_printf (subtitle, " · %s", pm_domain_get_name (domain));
  if (pm_indicator_get_attribute (indicator) != PM_ATTRIBUTE_NONE)
    g_string_append_printf (subtitle, " · %s", pm_attribute_to_printed (pm_indicator_get_attribute (indicator)));
  gtk_label_set_text (self->subtitle_label, subtitle->str);

  unit = pm_indicator_get_unit (indicator);
  if (self->store == NULL)
    values_description = g_strdup (_("The built-in template cannot be changed: create a project to enter values."));
  else if (!self->editable)
    values_description = g_strdup (_("The project is open read-only."));
  else if (unit && *unit)
    values_description = g_strdup_printf (_("Type a number in %s and press Enter; the value is saved at once."), unit);
  else
    values_description = g_strdup (_("Type a number and press Enter; the value is saved at once."));
  adw_preferences_group_set_description (self->values_group, values_description);

  refresh_status (self);
  refresh_values (self);
}

PmChart *
pm_indicator_page_get_chart (PmIndicatorPage *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR_PAGE (self), NULL);
  return pm_chart_view_get_chart (self->chart_view);
}

PmEvaluation *
pm_indicator_page_get_evaluation (PmIndicatorPage *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR_PAGE (self), NULL);
  return self->evaluation;
}

const char *
pm_indicator_page_get_title (PmIndicatorPage *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR_PAGE (self), NULL);
  return gtk_label_get_text (self->title_label);
}

const char *
pm_indicator_page_get_status_text (PmIndicatorPage *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR_PAGE (self), NULL);
  return gtk_label_get_text (self->status_label);
}

PmValueRow *
pm_indicator_page_get_value_row (PmIndicatorPage *self,
                                 int              year)
{
  g_return_val_if_fail (PM_IS_INDICATOR_PAGE (self), NULL);
  return row_for_year (self, year);
}

guint
pm_indicator_page_get_n_tasks (PmIndicatorPage *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR_PAGE (self), 0);
  return self->n_tasks;
}

GtkWidget *
pm_indicator_page_get_chart_view (PmIndicatorPage *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR_PAGE (self), NULL);
  return GTK_WIDGET (self->chart_view);
}

void
pm_indicator_page_show_history (PmIndicatorPage *self,
                                int              year)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (PM_IS_INDICATOR_PAGE (self));

  if (self->indicator == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = pm_history_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->store, self->indicator, year);
  gtk_window_present (GTK_WINDOW (dialog));
}
