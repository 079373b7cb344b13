/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-builder"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-chart-builder.h"
#include "pm-department.h"
#include "pm-domain.h"
#include "pm-evaluation.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-summary.h"
#include "pm-target.h"

/* The evaluation's status as the chart's colour key. */
static PmChartStatus
chart_status (PmStatus status)
{
  switch (status)
    {
    case PM_STATUS_ACHIEVED:
      return PM_CHART_STATUS_ACHIEVED;
    case PM_STATUS_ON_TRACK:
      return PM_CHART_STATUS_ON_TRACK;
    case PM_STATUS_NEEDS_ACCELERATION:
      return PM_CHART_STATUS_NEEDS_ACCELERATION;
    case PM_STATUS_LIMITED_PROGRESS:
      return PM_CHART_STATUS_LIMITED_PROGRESS;
    case PM_STATUS_DETERIORATING:
      return PM_CHART_STATUS_DETERIORATING;
    case PM_STATUS_NOT_ACHIEVED:
      return PM_CHART_STATUS_NOT_ACHIEVED;
    case PM_STATUS_NO_TARGET:
      return PM_CHART_STATUS_NO_TARGET;
    case PM_STATUS_NO_DATA:
      return PM_CHART_STATUS_NO_DATA;
    case PM_STATUS_MANUAL:
    default:
      return PM_CHART_STATUS_MANUAL;
    }
}

static PmChartOp
chart_op (PmComparison comparison)
{
  switch (comparison)
    {
    case PM_COMPARISON_GE:
      return PM_CHART_OP_GE;
    case PM_COMPARISON_GT:
      return PM_CHART_OP_GT;
    case PM_COMPARISON_LE:
      return PM_CHART_OP_LE;
    case PM_COMPARISON_LT:
      return PM_CHART_OP_LT;
    case PM_COMPARISON_EQ:
    default:
      return PM_CHART_OP_EQ;
    }
}

/* Returns: the latest year with a county value of any 2021–2030 indicator,
 * else the current year; within 2021–2030 */
int
pm_chart_default_year (PmProject *project)
{
  GListModel *indicators;
  int latest = 0;

  g_return_val_if_fail (PM_IS_PROJECT (project), 2021);

  indicators = pm_project_get_indicators (project);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      GListModel *observations = pm_indicator_get_observations (indicator);

      if (pm_indicator_get_period (indicator) != PM_PERIOD_2021_2030)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (observations); j++)
        {
          g_autoptr (PmObservation) observation = g_list_model_get_item (observations, j);

          if (g_strcmp0 (pm_observation_get_area (observation), PM_AREA_COUNTY) == 0 &&
              isfinite (pm_observation_get_value (observation)))
            latest = MAX (latest, pm_observation_get_year (observation));
        }
    }

  if (latest == 0)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      latest = g_date_time_get_year (now);
    }

  return CLAMP (latest, pm_period_first_year (PM_PERIOD_2021_2030),
                pm_period_last_year (PM_PERIOD_2021_2030));
}

/* Where a value of the series comes from: the printed 2011–2020 results, or
 * an observation of the project. */
static PmTrendPointFlags
point_flags (PmIndicator *indicator,
             int          year)
{
  PmIndicator *owner = indicator;
  PmObservation *observation;

  if (pm_indicator_get_period (indicator) == PM_PERIOD_2021_2030 &&
      year <= pm_period_last_year (PM_PERIOD_2011_2020) && pm_indicator_get_predecessor (indicator))
    owner = pm_indicator_get_predecessor (indicator);

  observation = pm_indicator_find_observation (owner, year, PM_AREA_COUNTY);
  if (observation == NULL)
    return PM_TREND_POINT_HISTORY;
  return pm_observation_get_provisional (observation) ? PM_TREND_POINT_PROVISIONAL
                                                      : PM_TREND_POINT_DEFAULT;
}

static void
fill_target (PmTrendData  *data,
             PmEvaluation *evaluation)
{
  const PmTarget *target = pm_evaluation_get_target (evaluation);
  double goal = pm_evaluation_get_goal (evaluation);

  pm_trend_data_set_target (data, PM_CHART_TARGET_NONE, target->text);
  data->lower_is_better = pm_target_is_lower_better (target);

  switch (target->kind)
    {
    case PM_TARGET_COMPARISON:
      data->target.kind = PM_CHART_TARGET_COMPARISON;
      data->target.op = chart_op (target->comparison);
      data->target.value = target->value;
      break;

    case PM_TARGET_BAND:
      data->target.kind = PM_CHART_TARGET_BAND;
      data->target.value = target->value;
      data->target.low = target->low;
      data->target.high = target->high;
      break;

    case PM_TARGET_RATIO:
      data->target.kind = PM_CHART_TARGET_RATIO;
      data->target.op = PM_CHART_OP_EQ;
      data->target.value = target->value;
      break;

    case PM_TARGET_DIRECTION:
      if (target->direction == PM_DIRECTION_INTO_RANGE)
        {
          data->target.kind = PM_CHART_TARGET_BAND;
          data->target.low = target->low;
          data->target.high = target->high;
        }
      else if (isfinite (goal))
        {
          /* 明显降低 and the like become a figure once the baseline is known */
          data->target.kind = PM_CHART_TARGET_COMPARISON;
          data->target.op = data->lower_is_better ? PM_CHART_OP_LE : PM_CHART_OP_GE;
          data->target.value = goal;
        }
      else
        {
          data->target.kind = PM_CHART_TARGET_DIRECTION;
          data->target.direction = data->lower_is_better ? -1 : 1;
        }
      break;

    case PM_TARGET_RELATIVE:
      /* the figure it compares with, where the evaluation knows it */
      data->target.kind = PM_CHART_TARGET_RELATIVE;
      data->target.op = chart_op (target->comparison);
      data->target.value = goal;
      break;

    case PM_TARGET_MANUAL:
      data->target.kind = PM_CHART_TARGET_MANUAL;
      break;

    case PM_TARGET_NONE:
    default:
      data->target.kind = PM_CHART_TARGET_NONE;
      break;
    }
}

/* 县教委 (lead), 县卫生健康委, 县公安局: the first named leads (牵头). */
static char *
departments_label (PmIndicator *indicator,
                   PmLanguage   lang)
{
  GListModel *departments = pm_indicator_get_departments (indicator);
  guint n = g_list_model_get_n_items (departments);
  g_autofree char *all = NULL;
  g_autoptr (PmDepartment) lead = NULL;

  if (n == 0)
    return NULL;
  all = pm_indicator_dup_departments_label (indicator, "、");
  if (n == 1)
    return g_steal_pointer (&all);

  lead = g_list_model_get_item (departments, 0);
  {
    const char *lead_name = pm_department_get_name (lead);
    const char *rest = all + strlen (lead_name);

    /* TRANSLATORS: %1$s leads (牵头), %2$s (starting with 、) co-operate */
    return g_strdup_printf (D_ (lang, "%1$s (lead)%2$s"), lead_name, rest);
  }
}

static char *
footnote_for (PmIndicator       *indicator,
              const PmTrendData *data,
              int                year,
              gboolean           monitored)
{
  g_autoptr (GString) printed_years = g_string_new (NULL);
  g_autoptr (GString) note = g_string_new (pm_indicator_get_code (indicator));
  PmLanguage lang = data->language;
  g_autofree char *departments = departments_label (indicator, lang);
  const char *attribute = pm_attribute_to_printed (pm_indicator_get_attribute (indicator));
  PmPlan *plan = pm_indicator_get_plan (indicator);
  PmIndicator *history = pm_indicator_get_period (indicator) == PM_PERIOD_2011_2020
                           ? indicator : pm_indicator_get_predecessor (indicator);

  if (departments && *departments)
    {
      g_string_append (note, " · ");
      g_string_append_printf (note, D_ (lang, "Responsible: %s"), departments);
    }
  if (attribute && *attribute)
    {
      g_string_append (note, " · ");
      g_string_append_printf (note, D_ (lang, "Attribute: %s"), attribute);
    }

  /* the years whose values come from the printed table: 2010 and 2020, or
   * only one of them where the table has no value for the other */
  for (guint i = 0; i < data->points->len; i++)
    {
      const PmTrendPoint *point = &g_array_index (data->points, PmTrendPoint, i);

      if (point->flags & PM_TREND_POINT_HISTORY)
        g_string_append_printf (printed_years, "%s%d", printed_years->len ? ", " : "", point->year);
    }

  g_string_append (note, " · ");
  if (history && plan && printed_years->len > 0)
    {
      /* TRANSLATORS: %1$s: years (2010, 2020), %2$s: the 2011–2020 plan's
       * name, %3$s: its row's code */
      g_string_append_printf (note, D_ (lang, "Source: %1$s as printed in %2$s, 专栏1 (%3$s)"),
                              printed_years->str, pm_plan_get_previous_name (plan),
                              pm_indicator_get_code (history));
      if (monitored)
        g_string_append_printf (note, D_ (lang, "; later years: the project's monitoring data up to %d"),
                                year);
    }
  else
    g_string_append_printf (note, D_ (lang, "Source: the project's monitoring data up to %d"), year);

  return g_string_free (g_steal_pointer (&note), FALSE);
}

/**
 * pm_trend_data_new_for_indicator:
 * @project: the project
 * @indicator: one of its indicators
 * @year: the year of the evaluation: values after it are not shown
 *
 * Returns: (transfer full): the trend of @indicator since 2010 with its
 * target, required path, projection and status in @year
 */
PmTrendData *
pm_trend_data_new_for_indicator (PmProject   *project,
                                 PmIndicator *indicator,
                                 int          year)
{
  g_autoptr (PmEvaluation) evaluation = NULL;
  g_autoptr (GArray) series = NULL;
  g_autofree char *footnote = NULL;
  PmTrendData *data;
  PmPeriod period;
  int final_year, latest_year;
  double goal, latest_value, projected;
  gboolean monitored = FALSE;

  g_return_val_if_fail (PM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), NULL);

  period = pm_indicator_get_period (indicator);
  evaluation = pm_evaluate_indicator_in (project, indicator, year,
                                         pm_project_get_document_language (project));
  final_year = pm_evaluation_get_final_year (evaluation);

  data = pm_trend_data_new ();
  data->language = pm_project_get_document_language (project);
  data->code = g_strdup (pm_indicator_get_code (indicator));
  pm_trend_data_set_title (data, pm_indicator_get_name (indicator));
  pm_trend_data_set_unit (data, pm_indicator_get_unit (indicator));
  data->first_year = 2010;
  data->last_year = final_year;
  data->period_start_year = pm_period_first_year (period) - 1;
  data->target_year = final_year;
  data->midterm_year = (pm_period_first_year (period) + pm_period_last_year (period)) / 2;

  series = pm_evaluation_collect_series (indicator, MIN (year, final_year));
  for (guint i = 0; i < series->len; i++)
    {
      const PmPoint *point = &g_array_index (series, PmPoint, i);
      PmTrendPointFlags flags = point_flags (indicator, point->year);

      if ((flags & PM_TREND_POINT_HISTORY) == 0)
        monitored = TRUE;
      pm_trend_data_add_printed_point (data, point->year, point->value, flags, point->printed);
    }

  fill_target (data, evaluation);

  /* the required path: from the baseline to the figure to reach, where the
   * baseline does not meet the target already */
  goal = pm_evaluation_get_goal (evaluation);
  data->baseline_year = pm_evaluation_get_baseline_year (evaluation);
  data->baseline_value = pm_evaluation_get_baseline_value (evaluation);
  if (data->baseline_year > 0 && isfinite (data->baseline_value) && isfinite (goal) &&
      data->baseline_year < final_year &&
      (data->lower_is_better ? data->baseline_value > goal : data->baseline_value < goal))
    data->required_value = goal;
  else if (!isfinite (data->baseline_value))
    data->baseline_year = 0;

  latest_year = pm_evaluation_get_latest_year (evaluation);
  latest_value = pm_evaluation_get_latest_value (evaluation);
  projected = pm_evaluation_get_projected_value (evaluation);
  if (latest_year > 0 && latest_year < final_year && isfinite (latest_value) &&
      isfinite (projected) && pm_trend_data_count_values (data) >= 2)
    {
      data->projection_from_year = latest_year;
      data->projection_from_value = latest_value;
      data->projected_value = projected;
    }

  pm_trend_data_set_status (data, chart_status (pm_evaluation_get_status (evaluation)),
                            pm_status_get_label_in (pm_evaluation_get_status (evaluation),
                                                    data->language),
                            pm_evaluation_get_explanation (evaluation));

  footnote = footnote_for (indicator, data, MIN (year, final_year), monitored);
  pm_trend_data_set_footnote (data, footnote);

  return data;
}

/* Returns: (transfer full): the trend chart of the indicator */
PmChart *
pm_chart_new_for_indicator (PmProject   *project,
                            PmIndicator *indicator,
                            int          year)
{
  g_autoptr (PmTrendData) data = pm_trend_data_new_for_indicator (project, indicator, year);

  g_return_val_if_fail (data != NULL, NULL);

  return pm_chart_new_trend (data);
}

/* The name without the unit the plans print after it: 小学生近视率（%）. */
static char *
name_without_unit (PmIndicator *indicator)
{
  const char *name = pm_indicator_get_name (indicator);
  const char *unit = pm_indicator_get_unit (indicator);
  g_autofree char *suffix = unit && *unit ? g_strdup_printf ("（%s）", unit) : NULL;

  if (suffix && g_str_has_suffix (name, suffix) && strlen (name) > strlen (suffix))
    return g_strndup (name, strlen (name) - strlen (suffix));
  return g_strdup (name);
}

/**
 * pm_chart_new_for_indicators:
 *
 * One indicator gives its trend chart; several give a comparison, which
 * needs them to share one unit.
 *
 * Returns: (transfer full) (nullable): the chart, or NULL with @error set
 */
PmChart *
pm_chart_new_for_indicators (PmProject    *project,
                             PmIndicator **indicators,
                             guint         n_indicators,
                             int           year,
                             GError      **error)
{
  g_autoptr (GPtrArray) series = NULL;
  g_autoptr (GString) title = NULL;
  const char *unit;

  g_return_val_if_fail (PM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (indicators != NULL && n_indicators > 0, NULL);

  if (n_indicators == 1)
    return pm_chart_new_for_indicator (project, indicators[0], year);

  unit = pm_indicator_get_unit (indicators[0]);
  for (guint i = 1; i < n_indicators; i++)
    if (g_strcmp0 (pm_indicator_get_unit (indicators[i]), unit) != 0)
      {
        g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                     _("%s (%s) and %s (%s) have different units: only indicators with the "
                       "same unit share a chart"),
                     pm_indicator_get_code (indicators[0]), unit ? unit : "",
                     pm_indicator_get_code (indicators[i]),
                     pm_indicator_get_unit (indicators[i]) ? pm_indicator_get_unit (indicators[i]) : "");
        return NULL;
      }

  series = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_trend_data_free);
  title = g_string_new (NULL);
  for (guint i = 0; i < n_indicators; i++)
    {
      g_autofree char *name = name_without_unit (indicators[i]);

      g_ptr_array_add (series, pm_trend_data_new_for_indicator (project, indicators[i], year));
      if (i > 0)
        g_string_append (title, "、");
      g_string_append (title, name);
    }
  if (unit && *unit)
    g_string_append_printf (title, "（%s）", unit);

  return pm_chart_new_comparison (title->str, (PmTrendData * const *) series->pdata, series->len);
}

/* Returns: (transfer full): small multiples of every indicator of the domain */
PmChart *
pm_chart_new_for_domain (PmProject *project,
                         PmDomain  *domain,
                         int        year)
{
  g_autoptr (GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_trend_data_free);
  g_autofree char *subtitle = NULL;
  GListModel *indicators;
  PmPlan *plan;

  g_return_val_if_fail (PM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (PM_IS_DOMAIN (domain), NULL);

  indicators = pm_domain_get_indicators (domain);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);

      g_ptr_array_add (charts, pm_trend_data_new_for_indicator (project, indicator, year));
    }

  plan = pm_domain_get_plan (domain);
  /* TRANSLATORS: %1$s: the plan's name, %2$u: how many indicators, %3$d: the year */
  subtitle = g_strdup_printf (D_ (pm_project_get_document_language (project), "%1$s · %2$u indicators · status in %3$d"),
                              plan ? pm_plan_get_name (plan) : "", charts->len, year);

  return pm_chart_new_overview (pm_domain_get_name (domain), subtitle,
                                (PmTrendData * const *) charts->pdata, charts->len);
}

static PmSummaryRow *
add_summary_row (PmSummaryData        *data,
                 const char           *label,
                 const PmSummaryGroup *group,
                 gboolean              total)
{
  PmSummaryRow *row = pm_summary_data_add_row (data, label);

  row->total = total;
  for (guint s = 0; s < PM_N_STATUSES; s++)
    row->counts[chart_status ((PmStatus) s)] += group->counts[s];
  row->rate = pm_summary_group_get_attainment_rate (group);
  return row;
}

/**
 * pm_chart_new_status_summary:
 * @plan: (nullable): one plan, or NULL for both
 *
 * Returns: (transfer full): per domain, the statuses of the 2021–2030
 * indicators in @year, with the attainment rate; then one row per plan
 */
PmChart *
pm_chart_new_status_summary (PmProject *project,
                             PmPlan    *plan,
                             int        year)
{
  g_autoptr (PmSummary) summary = NULL;
  g_autoptr (PmSummaryData) data = NULL;
  g_autofree char *title = NULL;
  GListModel *plans;
  PmLanguage lang;

  g_return_val_if_fail (PM_IS_PROJECT (project), NULL);

  lang = pm_project_get_document_language (project);
  summary = pm_summary_new (project, PM_PERIOD_2021_2030, year);
  title = g_strdup_printf (D_ (lang, "Status of the indicators in %d"), year);
  data = pm_summary_data_new (title);
  data->language = lang;
  if (plan)
    data->subtitle = g_strdup (pm_plan_get_name (plan));
  else if (pm_project_get_title (project) && *pm_project_get_title (project))
    data->subtitle = g_strdup (pm_project_get_title (project));
  else
    {
      GListModel *all = pm_project_get_plans (project);
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint p = 0; p < g_list_model_get_n_items (all); p++)
        {
          g_autoptr (PmPlan) each = g_list_model_get_item (all, p);

          if (p > 0)
            g_string_append (names, "、");
          g_string_append (names, pm_plan_get_name (each));
        }
      data->subtitle = g_string_free (g_steal_pointer (&names), FALSE);
    }
  data->footnote = g_strdup (D_ (lang, "Attainment rate (达标率): indicators achieved ÷ indicators measured "
                               "(achieved, on track, needs to speed up, limited progress, "
                               "deteriorating, not achieved). Numbers in and beside the bars: indicators."));

  plans = pm_project_get_plans (project);
  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr (PmPlan) each = g_list_model_get_item (plans, p);
      GListModel *domains = pm_plan_get_domains (each);
      const PmSummaryGroup *group;

      if (plan && each != plan)
        continue;

      for (guint d = 0; d < g_list_model_get_n_items (domains); d++)
        {
          g_autoptr (PmDomain) domain = g_list_model_get_item (domains, d);

          group = pm_summary_find_group (summary, PM_SUMMARY_SCOPE_DOMAIN, domain,
                                         PM_ATTRIBUTE_NONE);
          if (group)
            add_summary_row (data, pm_domain_get_name (domain), group, FALSE)->group =
              g_strdup (pm_plan_get_name (each));
        }
      group = pm_summary_find_group (summary, PM_SUMMARY_SCOPE_PLAN, each, PM_ATTRIBUTE_NONE);
      if (group)
        {
          /* TRANSLATORS: the row of a plan's totals in the status summary */
          g_autofree char *label = g_strdup_printf (D_ (lang, "%s: all domains"), pm_plan_get_name (each));
          PmSummaryRow *row = add_summary_row (data, label, group, TRUE);

          row->group = g_strdup (pm_plan_get_name (each));
          /* TRANSLATORS: a plan's row of totals under the plan's name */
          row->short_label = g_strdup (D_ (lang, "All domains"));
        }
    }

  return pm_chart_new_summary (data);
}
