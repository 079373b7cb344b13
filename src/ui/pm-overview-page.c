/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-department.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-overview-page.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-status-bar.h"
#include "pm-ui-util.h"

struct _PmOverviewPage
{
  AdwBin parent_instance;

  GtkLabel *title_label;
  GtkLabel *description_label;
  GtkListBox *groups_list;
  AdwPreferencesGroup *binding_group;
  GtkListBox *binding_list;
  AdwPreferencesGroup *indicators_group;
  GtkDropDown *status_filter;
  GtkDropDown *attribute_filter;
  GtkDropDown *department_filter;
  GtkListBox *indicators_list;
  GtkListBox *previous_list;

  PmProject *project;
  PmSummary *summary;
  PmSummary *previous;
  GPtrArray *departments; /* PmDepartment of the filter, after "all" */

  guint n_shown;
  GPtrArray *pending;   /* PmEvaluation: rows still to add */
  guint pending_source;
  guint n_binding;
  gboolean updating;

  /* what lies below the fold is filled when the main loop is idle, after
   * the page is on the screen (or at once when asked for) */
  gboolean filters_stale;
  gboolean lists_stale;
  guint rest_source;
};

G_DEFINE_FINAL_TYPE (PmOverviewPage, pm_overview_page, ADW_TYPE_BIN)

enum {
  INDICATOR_ACTIVATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* The order in which the binding indicators not achieved are listed: the
 * furthest from the target first. */
static const PmStatus severity[] = {
  PM_STATUS_NOT_ACHIEVED,
  PM_STATUS_DETERIORATING,
  PM_STATUS_LIMITED_PROGRESS,
  PM_STATUS_NEEDS_ACCELERATION,
  PM_STATUS_ON_TRACK,
};

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static char *
counts_text (const guint *counts)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < PM_N_STATUSES; i++)
    {
      if (counts[i] == 0)
        continue;
      if (text->len)
        g_string_append (text, " · ");
      /* TRANSLATORS: a status and how many indicators have it: "On track 4" */
      g_string_append_printf (text, _("%s %u"), pm_status_get_label (i), counts[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_group_row (GtkListBox           *list,
               const char           *title,
               const PmSummaryGroup *group,
               gboolean              top)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = pm_status_bar_new ();
  GtkWidget *rate = gtk_label_new (NULL);
  g_autofree char *subtitle = counts_text (group->counts);
  g_autofree char *rate_text = pm_ui_format_rate (pm_summary_group_get_attainment_rate (group));
  g_autofree char *rate_tip = NULL;
  guint measured = pm_summary_group_get_n_measured (group);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, top ? "plan-row" : "domain-row");

  pm_status_bar_set_counts (PM_STATUS_BAR (bar), group->counts);
  gtk_widget_set_size_request (bar, 160, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);

  /* TRANSLATORS: the attainment rate: achieved of measured indicators */
  rate_tip = g_strdup_printf (_("%u achieved of %u with a judged value (%u indicators)"),
                              group->counts[PM_STATUS_ACHIEVED], measured, group->n_indicators);
  gtk_label_set_text (GTK_LABEL (rate), rate_text);
  gtk_label_set_width_chars (GTK_LABEL (rate), 6);
  gtk_label_set_xalign (GTK_LABEL (rate), 1);
  pm_ui_set_tooltip (rate, rate_tip);
  gtk_widget_add_css_class (rate, "numeric");
  gtk_widget_add_css_class (rate, top ? "title-4" : "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rate);

  gtk_list_box_append (list, row);
}

static PmAttribute
selected_attribute (PmOverviewPage *self)
{
  switch (gtk_drop_down_get_selected (self->attribute_filter))
    {
    case 1:
      return PM_ATTRIBUTE_BINDING;
    case 2:
      return PM_ATTRIBUTE_EXPECTED;
    default:
      return PM_ATTRIBUTE_NONE;
    }
}

static void
fill_groups (PmOverviewPage *self,
             GtkListBox     *list,
             PmSummary      *summary,
             PmAttribute     attribute,
             gboolean        domains)
{
  GListModel *plans = pm_project_get_plans (self->project);
  gboolean any = FALSE;

  clear_list (list);
  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr (PmPlan) plan = g_list_model_get_item (plans, p);
      GListModel *plan_domains = pm_plan_get_domains (plan);
      const PmSummaryGroup *group = pm_summary_find_group (summary, PM_SUMMARY_SCOPE_PLAN, plan, attribute);
      const char *name = pm_summary_get_period (summary) == PM_PERIOD_2011_2020 && pm_plan_get_previous_name (plan)
                           ? pm_plan_get_previous_name (plan)
                           : pm_plan_get_name (plan);

      if (group == NULL)
        continue;
      add_group_row (list, name, group, TRUE);
      any = TRUE;

      if (!domains)
        continue;
      for (guint d = 0; d < g_list_model_get_n_items (plan_domains); d++)
        {
          g_autoptr (PmDomain) domain = g_list_model_get_item (plan_domains, d);
          const PmSummaryGroup *domain_group =
            pm_summary_find_group (summary, PM_SUMMARY_SCOPE_DOMAIN, domain, attribute);

          if (domain_group)
            add_group_row (list, pm_domain_get_name (domain), domain_group, FALSE);
        }
    }

  if (!any)
    add_placeholder (list, _("No indicator of this kind"));
}

static GtkWidget *
indicator_row (PmEvaluation *evaluation)
{
  PmIndicator *indicator = pm_evaluation_get_indicator (evaluation);
  PmStatus status = pm_evaluation_get_status (evaluation);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *title = g_strdup_printf ("%s  %s", pm_indicator_get_code (indicator),
                                            pm_indicator_get_name (indicator));
  g_autofree char *subtitle = NULL;

  if (pm_evaluation_get_latest_year (evaluation) > 0)
    {
      g_autofree char *value = pm_evaluation_format_value (evaluation, pm_evaluation_get_latest_value (evaluation));

      /* TRANSLATORS: a status and the latest value: "On track · 85.2% in 2024" */
      subtitle = g_strdup_printf (_("%s · %s in %d"), pm_status_get_label (status), value,
                                  pm_evaluation_get_latest_year (evaluation));
    }
  else
    subtitle = g_strdup (pm_status_get_label (status));

  gtk_widget_add_css_class (dot, "status-dot");
  pm_ui_set_status_class (dot, status);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  pm_ui_set_tooltip (row, pm_evaluation_get_explanation (evaluation));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "indicator", g_object_ref (indicator), g_object_unref);

  return row;
}

static gboolean
involves (PmIndicator  *indicator,
          PmDepartment *department)
{
  gboolean involved = FALSE;

  pm_indicator_get_role (indicator, department, &involved);
  return involved;
}

static void
fill_binding (PmOverviewPage *self)
{
  GListModel *evaluations = pm_summary_get_evaluations (self->summary);
  g_autofree char *description = NULL;

  clear_list (self->binding_list);
  self->n_binding = 0;

  for (guint s = 0; s < G_N_ELEMENTS (severity); s++)
    for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
      {
        g_autoptr (PmEvaluation) evaluation = g_list_model_get_item (evaluations, i);
        PmIndicator *indicator = pm_evaluation_get_indicator (evaluation);

        if (pm_indicator_get_attribute (indicator) != PM_ATTRIBUTE_BINDING ||
            pm_evaluation_get_status (evaluation) != severity[s])
          continue;
        gtk_list_box_append (self->binding_list, indicator_row (evaluation));
        self->n_binding++;
      }

  description = g_strdup_printf (_("Binding (约束性) indicators whose values up to %d do not meet the "
                                   "target yet, the furthest from it first."),
                                 pm_summary_get_year (self->summary));
  adw_preferences_group_set_description (self->binding_group, description);
  if (self->n_binding == 0)
    add_placeholder (self->binding_list, _("None: every binding indicator with a value meets its target"));
}

/* The rows of the indicators list are added a few at a time when the main
 * loop is idle: the list is long and mostly below the fold, and the page
 * shows at once. */
#define ROWS_PER_IDLE 12

static gboolean
add_pending_rows_cb (gpointer user_data)
{
  PmOverviewPage *self = user_data;

  for (guint i = 0; i < ROWS_PER_IDLE && self->pending->len > 0; i++)
    {
      g_autoptr (PmEvaluation) evaluation = g_ptr_array_steal_index (self->pending, 0);

      gtk_list_box_append (self->indicators_list, indicator_row (evaluation));
    }

  if (self->pending->len > 0)
    return G_SOURCE_CONTINUE;

  self->pending_source = 0;
  return G_SOURCE_REMOVE;
}

static void
fill_indicators (PmOverviewPage *self)
{
  GListModel *evaluations = pm_summary_get_evaluations_binding_first (self->summary);
  guint status_choice = gtk_drop_down_get_selected (self->status_filter);
  guint department_choice = gtk_drop_down_get_selected (self->department_filter);
  PmAttribute attribute = selected_attribute (self);
  PmDepartment *department = NULL;
  g_autofree char *description = NULL;
  guint total = g_list_model_get_n_items (evaluations);

  if (department_choice != GTK_INVALID_LIST_POSITION && department_choice > 0 &&
      department_choice - 1 < self->departments->len)
    department = g_ptr_array_index (self->departments, department_choice - 1);

  clear_list (self->indicators_list);
  g_ptr_array_set_size (self->pending, 0);
  self->n_shown = 0;

  for (guint i = 0; i < total; i++)
    {
      g_autoptr (PmEvaluation) evaluation = g_list_model_get_item (evaluations, i);
      PmIndicator *indicator = pm_evaluation_get_indicator (evaluation);

      if (status_choice != GTK_INVALID_LIST_POSITION && status_choice > 0 &&
          pm_evaluation_get_status (evaluation) != (PmStatus) (status_choice - 1))
        continue;
      if (attribute != PM_ATTRIBUTE_NONE && pm_indicator_get_attribute (indicator) != attribute)
        continue;
      if (department && !involves (indicator, department))
        continue;

      if (self->n_shown < ROWS_PER_IDLE)
        gtk_list_box_append (self->indicators_list, indicator_row (evaluation));
      else
        g_ptr_array_add (self->pending, g_steal_pointer (&evaluation));
      self->n_shown++;
    }

  if (self->pending->len > 0 && self->pending_source == 0)
    self->pending_source = g_idle_add_full (G_PRIORITY_LOW, add_pending_rows_cb, self, NULL);

  /* TRANSLATORS: how many indicators the filters let through */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u indicator, binding ones first",
                                              "%u of %u indicators, binding ones first", total),
                                 self->n_shown, total);
  adw_preferences_group_set_description (self->indicators_group, description);
  if (self->n_shown == 0)
    add_placeholder (self->indicators_list, _("No indicator matches these filters"));
}

static void fill_filters (PmOverviewPage *self);

/* Fills what lies below the fold: the filters, the binding indicators not
 * achieved, the indicators and the previous plans' result. */
static void
fill_rest (PmOverviewPage *self)
{
  g_clear_handle_id (&self->rest_source, g_source_remove);

  if (self->filters_stale)
    {
      self->filters_stale = FALSE;
      fill_filters (self);
    }
  if (self->lists_stale && self->summary)
    {
      self->lists_stale = FALSE;
      fill_binding (self);
      fill_indicators (self);
      if (self->previous)
        fill_groups (self, self->previous_list, self->previous, PM_ATTRIBUTE_NONE, TRUE);
      else
        clear_list (self->previous_list);
    }
}

static gboolean
fill_rest_cb (gpointer user_data)
{
  PmOverviewPage *self = user_data;

  self->rest_source = 0;
  fill_rest (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rest (PmOverviewPage *self)
{
  if (self->rest_source == 0)
    self->rest_source = g_idle_add_full (G_PRIORITY_LOW, fill_rest_cb, self, NULL);
}

static void
refresh (PmOverviewPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  int year;

  if (self->project == NULL || self->summary == NULL)
    return;

  year = pm_summary_get_year (self->summary);
  /* TRANSLATORS: the title of the overview page: "Overview of 2024" */
  title = g_strdup_printf (_("Overview of %d"), year);
  description = g_strdup_printf (_("How each indicator of the 2021–2030 plans stands against its county "
                                   "target with the values up to %d."), year);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->description_label, description);

  fill_groups (self, self->groups_list, self->summary, selected_attribute (self), TRUE);
  self->lists_stale = TRUE;
  schedule_rest (self);
}

static void
filter_changed_cb (PmOverviewPage *self)
{
  if (self->updating || self->summary == NULL)
    return;

  fill_rest (self);
  fill_groups (self, self->groups_list, self->summary, selected_attribute (self), TRUE);
  fill_indicators (self);
}

static void
row_activated_cb (PmOverviewPage *self,
                  GtkListBoxRow  *row)
{
  PmIndicator *indicator = g_object_get_data (G_OBJECT (row), "indicator");

  if (indicator)
    g_signal_emit (self, signals[INDICATOR_ACTIVATED], 0, indicator);
}

static void
fill_filters (PmOverviewPage *self)
{
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) attributes = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) departments = gtk_string_list_new (NULL);

  self->updating = TRUE;

  gtk_string_list_append (statuses, _("All statuses"));
  for (guint i = 0; i < PM_N_STATUSES; i++)
    gtk_string_list_append (statuses, pm_status_get_label (i));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));

  gtk_string_list_append (attributes, _("Binding and expected"));
  gtk_string_list_append (attributes, _("Binding (约束性)"));
  gtk_string_list_append (attributes, _("Expected (预期性)"));
  gtk_drop_down_set_model (self->attribute_filter, G_LIST_MODEL (attributes));

  g_ptr_array_set_size (self->departments, 0);
  gtk_string_list_append (departments, _("All departments"));
  if (self->project)
    {
      GListModel *model = pm_project_get_departments (self->project);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (PmDepartment) department = g_list_model_get_item (model, i);
          g_autoptr (GPtrArray) indicators = pm_project_list_department_indicators (self->project, department);

          if (indicators->len == 0)
            continue;
          gtk_string_list_append (departments, pm_department_get_name (department));
          g_ptr_array_add (self->departments, g_steal_pointer (&department));
        }
    }
  gtk_drop_down_set_model (self->department_filter, G_LIST_MODEL (departments));
  {
    g_autoptr (GtkExpression) expression =
      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_expression (self->department_filter, expression);
  }

  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->attribute_filter, 0);
  gtk_drop_down_set_selected (self->department_filter, 0);
  self->updating = FALSE;
}

static void
pm_overview_page_dispose (GObject *object)
{
  PmOverviewPage *self = PM_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->pending_source, g_source_remove);
  g_clear_handle_id (&self->rest_source, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->project);
  g_clear_object (&self->summary);
  g_clear_object (&self->previous);
  g_clear_pointer (&self->departments, g_ptr_array_unref);

  G_OBJECT_CLASS (pm_overview_page_parent_class)->dispose (object);
}

static void
pm_overview_page_class_init (PmOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_overview_page_dispose;

  signals[INDICATOR_ACTIVATED] =
    g_signal_new ("indicator-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PM_TYPE_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/planmonitor/PlanMonitor/ui/pm-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, groups_list);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, binding_group);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, binding_list);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, indicators_group);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, attribute_filter);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, department_filter);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, indicators_list);
  gtk_widget_class_bind_template_child (widget_class, PmOverviewPage, previous_list);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
pm_overview_page_init (PmOverviewPage *self)
{
  self->departments = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filters_stale = TRUE;
  schedule_rest (self);
}

GtkWidget *
pm_overview_page_new (void)
{
  return g_object_new (PM_TYPE_OVERVIEW_PAGE, NULL);
}

void
pm_overview_page_set_project (PmOverviewPage *self,
                              PmProject      *project)
{
  g_return_if_fail (PM_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (project == NULL || PM_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;
  g_clear_object (&self->summary);
  g_clear_object (&self->previous);
  self->filters_stale = TRUE;
  schedule_rest (self);
}

/* summary: the current plans in the chosen year; previous: the 2011–2020
 * plans' final result. */
void
pm_overview_page_set_summaries (PmOverviewPage *self,
                                PmSummary      *summary,
                                PmSummary      *previous)
{
  g_return_if_fail (PM_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (summary == NULL || PM_IS_SUMMARY (summary));
  g_return_if_fail (previous == NULL || PM_IS_SUMMARY (previous));

  g_set_object (&self->summary, summary);
  g_set_object (&self->previous, previous);
  refresh (self);
}

/* status: a PmStatus, or -1 for all; department NULL for all. */
void
pm_overview_page_set_filters (PmOverviewPage *self,
                              int             status,
                              PmAttribute     attribute,
                              PmDepartment   *department)
{
  guint department_choice = 0;

  g_return_if_fail (PM_IS_OVERVIEW_PAGE (self));

  fill_rest (self);
  if (department)
    for (guint i = 0; i < self->departments->len; i++)
      if (g_ptr_array_index (self->departments, i) == department)
        department_choice = i + 1;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->status_filter, status < 0 ? 0 : (guint) status + 1);
  gtk_drop_down_set_selected (self->attribute_filter,
                              attribute == PM_ATTRIBUTE_BINDING    ? 1
                              : attribute == PM_ATTRIBUTE_EXPECTED ? 2
                                                                   : 0);
  gtk_drop_down_set_selected (self->department_filter, department_choice);
  self->updating = FALSE;
  filter_changed_cb (self);
}

guint
pm_overview_page_get_n_shown (PmOverviewPage *self)
{
  g_return_val_if_fail (PM_IS_OVERVIEW_PAGE (self), 0);
  fill_rest (self);
  return self->n_shown;
}

guint
pm_overview_page_get_n_binding_not_achieved (PmOverviewPage *self)
{
  g_return_val_if_fail (PM_IS_OVERVIEW_PAGE (self), 0);
  fill_rest (self);
  return self->n_binding;
}
