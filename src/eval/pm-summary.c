/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-summary"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-department.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-summary.h"

/* The evaluation of every indicator of a period in a year, and the count
 * per status and attainment rate (达标率) per plan, domain and lead
 * department: all indicators of the group, then the binding (约束性) ones,
 * then the expected (预期性) ones. */

struct _PmSummary
{
  GObject parent_instance;

  PmProject *project; /* keeps the plans, domains, departments of the groups */
  PmPeriod period;
  int year;
  PmLanguage language; /* of the explanations and status words */
  GListStore *evaluations;
  GListStore *binding_first;
  GArray *groups; /* of PmSummaryGroup */
};

G_DEFINE_FINAL_TYPE (PmSummary, pm_summary, G_TYPE_OBJECT)

static void
pm_summary_finalize (GObject *object)
{
  PmSummary *self = PM_SUMMARY (object);

  g_clear_object (&self->evaluations);
  g_clear_object (&self->binding_first);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (pm_summary_parent_class)->finalize (object);
}

static void
pm_summary_class_init (PmSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_summary_finalize;
}

static void
pm_summary_init (PmSummary *self)
{
  self->evaluations = g_list_store_new (PM_TYPE_EVALUATION);
  self->binding_first = g_list_store_new (PM_TYPE_EVALUATION);
  self->groups = g_array_new (FALSE, TRUE, sizeof (PmSummaryGroup));
}

/* Returns: the indicators with data and a target that was judged: the
 * denominator of the attainment rate (no-data, manual, no-target apart) */
guint
pm_summary_group_get_n_measured (const PmSummaryGroup *group)
{
  guint n = 0;

  g_return_val_if_fail (group != NULL, 0);

  for (guint i = 0; i < PM_N_STATUSES; i++)
    if (pm_status_is_measured (i))
      n += group->counts[i];
  return n;
}

/* Returns: achieved ÷ measured, from 0 to 1, or NAN when none is measured */
double
pm_summary_group_get_attainment_rate (const PmSummaryGroup *group)
{
  guint measured;

  g_return_val_if_fail (group != NULL, NAN);

  measured = pm_summary_group_get_n_measured (group);
  if (measured == 0)
    return NAN;
  return (double) group->counts[PM_STATUS_ACHIEVED] / measured;
}

static int
attribute_rank (PmAttribute attribute)
{
  switch (attribute)
    {
    case PM_ATTRIBUTE_BINDING:
      return 0;
    case PM_ATTRIBUTE_EXPECTED:
      return 1;
    case PM_ATTRIBUTE_NONE:
    default:
      return 2;
    }
}

static int
compare_binding_first (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  GHashTable *positions = user_data;
  PmIndicator *ia = pm_evaluation_get_indicator ((PmEvaluation *) a);
  PmIndicator *ib = pm_evaluation_get_indicator ((PmEvaluation *) b);
  int ra = attribute_rank (pm_indicator_get_attribute (ia));
  int rb = attribute_rank (pm_indicator_get_attribute (ib));
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (positions, ia));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (positions, ib));

  if (ra != rb)
    return ra - rb;
  return pa < pb ? -1 : pa > pb;
}

static gboolean
group_holds (const PmSummaryGroup *group,
             PmIndicator          *indicator)
{
  if (group->attribute != PM_ATTRIBUTE_NONE &&
      pm_indicator_get_attribute (indicator) != group->attribute)
    return FALSE;

  switch (group->scope)
    {
    case PM_SUMMARY_SCOPE_PLAN:
      return pm_indicator_get_plan (indicator) == group->plan;
    case PM_SUMMARY_SCOPE_DOMAIN:
      return pm_indicator_get_domain (indicator) == group->domain;
    case PM_SUMMARY_SCOPE_DEPARTMENT:
    default:
      return pm_indicator_get_lead_department (indicator) == group->department;
    }
}

/* Adds the group for all indicators of the scope, then its binding and
 * expected groups where it has such indicators. always: add the first even
 * when it holds no indicator. */
static void
add_groups (PmSummary     *self,
            PmSummaryScope scope,
            PmPlan        *plan,
            PmDomain      *domain,
            PmDepartment  *department,
            gboolean       always)
{
  const PmAttribute attributes[] = { PM_ATTRIBUTE_NONE, PM_ATTRIBUTE_BINDING, PM_ATTRIBUTE_EXPECTED };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->evaluations));

  for (guint a = 0; a < G_N_ELEMENTS (attributes); a++)
    {
      PmSummaryGroup group = { 0 };

      group.scope = scope;
      group.plan = plan;
      group.domain = domain;
      group.department = department;
      group.attribute = attributes[a];

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (PmEvaluation) evaluation = g_list_model_get_item (G_LIST_MODEL (self->evaluations), i);

          if (group_holds (&group, pm_evaluation_get_indicator (evaluation)))
            {
              group.n_indicators++;
              group.counts[pm_evaluation_get_status (evaluation)]++;
            }
        }

      if (group.n_indicators > 0 || (a == 0 && always))
        g_array_append_val (self->groups, group);
      else if (a == 0)
        return; /* an empty scope has no binding or expected part */
    }
}

/**
 * pm_summary_new:
 * @project: a project
 * @period: the plans' period
 * @year: the year: values up to it count
 *
 * Returns: (transfer full): the evaluation of every indicator of @period in
 * @year, and the counts per plan, domain and lead department
 */
PmSummary *
pm_summary_new (PmProject *project,
                PmPeriod   period,
                int        year)
{
  return pm_summary_new_in (project, period, year, PM_LANGUAGE_UI);
}

/**
 * pm_summary_new_in:
 * @language: of the explanations and status words: a document's, or
 *   PM_LANGUAGE_UI for the window's
 *
 * pm_summary_new () for a document.
 */
PmSummary *
pm_summary_new_in (PmProject  *project,
                   PmPeriod    period,
                   int         year,
                   PmLanguage  language)
{
  g_autoptr (GHashTable) positions = g_hash_table_new (NULL, NULL);
  PmSummary *self;
  GListModel *indicators;
  GListModel *plans;
  GListModel *departments;

  g_return_val_if_fail (PM_IS_PROJECT (project), NULL);

  self = g_object_new (PM_TYPE_SUMMARY, NULL);
  self->project = g_object_ref (project);
  self->period = period;
  self->year = year;
  self->language = language;

  indicators = pm_project_get_indicators (project);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr (PmEvaluation) evaluation = NULL;

      if (pm_indicator_get_period (indicator) != period)
        continue;
      evaluation = pm_evaluate_indicator_in (project, indicator, year, language);
      g_hash_table_insert (positions, indicator, GUINT_TO_POINTER (i));
      g_list_store_append (self->evaluations, evaluation);
      g_list_store_append (self->binding_first, evaluation);
    }
  g_list_store_sort (self->binding_first, compare_binding_first, positions);

  plans = pm_project_get_plans (project);
  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr (PmPlan) plan = g_list_model_get_item (plans, p);
      GListModel *domains = pm_plan_get_domains (plan);

      add_groups (self, PM_SUMMARY_SCOPE_PLAN, plan, NULL, NULL, TRUE);
      for (guint d = 0; d < g_list_model_get_n_items (domains); d++)
        {
          g_autoptr (PmDomain) domain = g_list_model_get_item (domains, d);

          add_groups (self, PM_SUMMARY_SCOPE_DOMAIN, plan, domain, NULL, FALSE);
        }
    }

  departments = pm_project_get_departments (project);
  for (guint d = 0; d < g_list_model_get_n_items (departments); d++)
    {
      g_autoptr (PmDepartment) department = g_list_model_get_item (departments, d);

      add_groups (self, PM_SUMMARY_SCOPE_DEPARTMENT, NULL, NULL, department, FALSE);
    }

  return self;
}

/* Returns: (transfer full): the summary of the period that contains @year,
 * in the project's document language (the table of --evaluate) */
PmSummary *
pm_summary_new_for_year (PmProject *project,
                         int        year)
{
  PmPeriod period = year <= pm_period_last_year (PM_PERIOD_2011_2020) ? PM_PERIOD_2011_2020
                                                                        : PM_PERIOD_2021_2030;

  g_return_val_if_fail (PM_IS_PROJECT (project), NULL);

  return pm_summary_new_in (project, period, year, pm_project_get_document_language (project));
}

/* Returns: (transfer full): the previous plans' final result: the 2011–2020
 * rows, their 2020 actual against their 2020 target */
PmSummary *
pm_summary_new_previous_plans (PmProject *project)
{
  return pm_summary_new (project, PM_PERIOD_2011_2020, pm_period_last_year (PM_PERIOD_2011_2020));
}

PmPeriod
pm_summary_get_period (PmSummary *self)
{
  g_return_val_if_fail (PM_IS_SUMMARY (self), PM_PERIOD_2021_2030);
  return self->period;
}

int
pm_summary_get_year (PmSummary *self)
{
  g_return_val_if_fail (PM_IS_SUMMARY (self), 0);
  return self->year;
}

/* Returns: (transfer none): the project summed up */
PmProject *
pm_summary_get_project (PmSummary *self)
{
  g_return_val_if_fail (PM_IS_SUMMARY (self), NULL);
  return self->project;
}

/* Returns: (transfer none): the PmEvaluation of each indicator, in the order
 * of the catalogue */
GListModel *
pm_summary_get_evaluations (PmSummary *self)
{
  g_return_val_if_fail (PM_IS_SUMMARY (self), NULL);
  return G_LIST_MODEL (self->evaluations);
}

/* Returns: (transfer none): the same, binding (约束性) indicators first,
 * then expected (预期性) ones, then the rest, each in catalogue order */
GListModel *
pm_summary_get_evaluations_binding_first (PmSummary *self)
{
  g_return_val_if_fail (PM_IS_SUMMARY (self), NULL);
  return G_LIST_MODEL (self->binding_first);
}

/* Returns: (transfer none) (nullable): the evaluation of the indicator */
PmEvaluation *
pm_summary_find_evaluation (PmSummary  *self,
                            const char *code)
{
  GListModel *model;

  g_return_val_if_fail (PM_IS_SUMMARY (self), NULL);

  model = G_LIST_MODEL (self->evaluations);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (PmEvaluation) evaluation = g_list_model_get_item (model, i);

      if (g_strcmp0 (pm_indicator_get_code (pm_evaluation_get_indicator (evaluation)), code) == 0)
        return evaluation; /* the store keeps its reference */
    }

  return NULL;
}

/* The groups: each plan (all, binding, expected), followed by its domains
 * (likewise), then the lead departments (likewise). A plan always has its
 * group; domains and departments only where they hold indicators. */
guint
pm_summary_get_n_groups (PmSummary *self)
{
  g_return_val_if_fail (PM_IS_SUMMARY (self), 0);
  return self->groups->len;
}

const PmSummaryGroup *
pm_summary_get_group (PmSummary *self,
                      guint      position)
{
  g_return_val_if_fail (PM_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (position < self->groups->len, NULL);

  return &g_array_index (self->groups, PmSummaryGroup, position);
}

/**
 * pm_summary_find_group:
 * @self: a summary
 * @scope: the kind of group
 * @owner: the PmPlan, PmDomain or PmDepartment
 * @attribute: %PM_ATTRIBUTE_NONE for all its indicators
 *
 * Returns: (transfer none) (nullable): the group, or %NULL when it holds no
 * indicator
 */
const PmSummaryGroup *
pm_summary_find_group (PmSummary     *self,
                       PmSummaryScope scope,
                       gpointer       owner,
                       PmAttribute    attribute)
{
  g_return_val_if_fail (PM_IS_SUMMARY (self), NULL);

  for (guint i = 0; i < self->groups->len; i++)
    {
      const PmSummaryGroup *group = &g_array_index (self->groups, PmSummaryGroup, i);
      gpointer group_owner = scope == PM_SUMMARY_SCOPE_PLAN     ? (gpointer) group->plan
                             : scope == PM_SUMMARY_SCOPE_DOMAIN ? (gpointer) group->domain
                                                                : (gpointer) group->department;

      if (group->scope == scope && group_owner == owner && group->attribute == attribute)
        return group;
    }

  return NULL;
}

/* A TSV field: tabs and line breaks would split the table. */
static void
append_field (GString    *out,
              const char *text,
              gboolean    last)
{
  for (const char *p = text ? text : ""; *p; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
  g_string_append_c (out, last ? '\n' : '\t');
}

static void
append_number (GString *out,
               double   value,
               gboolean last)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  append_field (out, isfinite (value) ? g_ascii_formatd (buffer, sizeof buffer, "%.10g", value) : "",
                last);
}

/* The county target as printed, with the municipal one beside it where they
 * differ. */
static char *
printed_targets (PmIndicator *indicator,
                 PmLanguage   language)
{
  const char *county = pm_indicator_get_county_target (indicator);
  const char *city = pm_indicator_get_city_target (indicator);

  if (pm_indicator_get_period (indicator) == PM_PERIOD_2011_2020)
    return g_strdup (pm_indicator_get_target_2020 (indicator));
  if (city && *city && g_strcmp0 (city, county) != 0)
    /* TRANSLATORS: the county target, and the municipal (市) target beside it */
    return g_strdup_printf (D_ (language, "%s (municipal: %s)"), county ? county : "", city);
  return g_strdup (county);
}

static const char *
attribute_word (PmAttribute attribute)
{
  switch (attribute)
    {
    case PM_ATTRIBUTE_BINDING:
      return "binding";
    case PM_ATTRIBUTE_EXPECTED:
      return "expected";
    case PM_ATTRIBUTE_NONE:
    default:
      return "all";
    }
}

/**
 * pm_summary_to_tsv:
 * @self: a summary
 *
 * The table of `plan-monitor --evaluate`: a header
 * `code name latest_year latest_value target status status_label explanation`
 * and a row per indicator (status: the machine name, achieved, on-track …;
 * status_label and explanation: in the summary's language); then a blank line, a header and a row per plan and domain
 * (all indicators, binding, expected) with the count per status, the number
 * measured and the attainment rate.
 *
 * Returns: (transfer full): the table, UTF-8, tab-separated, \n line ends
 */
char *
pm_summary_to_tsv (PmSummary *self)
{
  GString *out;
  GListModel *evaluations;

  g_return_val_if_fail (PM_IS_SUMMARY (self), NULL);

  out = g_string_new ("code\tname\tlatest_year\tlatest_value\ttarget\tstatus\tstatus_label\t"
                      "explanation\n");
  evaluations = G_LIST_MODEL (self->evaluations);
  for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
    {
      g_autoptr (PmEvaluation) evaluation = g_list_model_get_item (evaluations, i);
      PmIndicator *indicator = pm_evaluation_get_indicator (evaluation);
      g_autofree char *target = printed_targets (indicator, self->language);
      g_autofree char *year = pm_evaluation_get_latest_year (evaluation)
                              ? g_strdup_printf ("%d", pm_evaluation_get_latest_year (evaluation))
                              : g_strdup ("");

      append_field (out, pm_indicator_get_code (indicator), FALSE);
      append_field (out, pm_indicator_get_name (indicator), FALSE);
      append_field (out, year, FALSE);
      append_number (out, pm_evaluation_get_latest_value (evaluation), FALSE);
      append_field (out, target, FALSE);
      append_field (out, pm_status_to_string (pm_evaluation_get_status (evaluation)), FALSE);
      append_field (out, pm_status_get_label_in (pm_evaluation_get_status (evaluation), self->language),
                    FALSE);
      append_field (out, pm_evaluation_get_explanation (evaluation), TRUE);
    }

  g_string_append (out, "\nplan\tdomain\tattribute\tindicators");
  for (guint s = 0; s < PM_N_STATUSES; s++)
    g_string_append_printf (out, "\t%s", pm_status_to_string (s));
  g_string_append (out, "\tmeasured\tattainment_rate\n");

  for (guint i = 0; i < self->groups->len; i++)
    {
      const PmSummaryGroup *group = &g_array_index (self->groups, PmSummaryGroup, i);
      double rate = pm_summary_group_get_attainment_rate (group);
      const char *plan_name;

      if (group->scope == PM_SUMMARY_SCOPE_DEPARTMENT)
        continue;

      plan_name = self->period == PM_PERIOD_2011_2020 ? pm_plan_get_previous_name (group->plan)
                                                      : pm_plan_get_name (group->plan);
      append_field (out, plan_name, FALSE);
      append_field (out, group->domain ? pm_domain_get_name (group->domain) : "", FALSE);
      append_field (out, attribute_word (group->attribute), FALSE);
      g_string_append_printf (out, "%u", group->n_indicators);
      for (guint s = 0; s < PM_N_STATUSES; s++)
        g_string_append_printf (out, "\t%u", group->counts[s]);
      g_string_append_printf (out, "\t%u\t", pm_summary_group_get_n_measured (group));
      if (isfinite (rate))
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", rate * 100.0));
          g_string_append_c (out, '%');
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
