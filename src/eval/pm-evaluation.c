/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-evaluation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "pm-evaluation.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"

/* The status of one indicator in one year, judged against its county target
 * with the values up to that year.
 *
 * - The series runs from 2010: a 2011–2020 row has its printed 2010 value and
 *   2020 actual; a 2021–2030 row has its predecessor's series up to 2020.
 *   County observations of the project replace printed values of their year.
 * - The latest value is the last one within the period (a 2021–2030 row with
 *   no value since 2021 has no data, whatever its predecessor says).
 * - The baseline is the value of the year before the period (2020 for
 *   2021–2030, through the predecessor; 2010 for 2011–2020), else the first
 *   value of the period.
 * - Progress towards a figure is the progress ratio of Open SDG / Statistics
 *   Canada: R = CAGR observed ÷ CAGR required to reach the figure by the final
 *   year. Where a value or the figure is not positive (a zero baseline), the
 *   rates are yearly changes instead (linear). */

struct _PmEvaluation
{
  GObject parent_instance;

  PmIndicator *indicator;
  PmTarget *target;
  int year;
  int final_year;
  PmStatus status;
  PmLanguage language; /* of the explanation */
  char *explanation;
  gboolean judged;

  int latest_year;
  double latest_value;
  int baseline_year;
  double baseline_value;
  double goal;
  double required_rate;
  double observed_rate;
  gboolean linear;
  double progress_ratio;
  double projected_value;
};

G_DEFINE_FINAL_TYPE (PmEvaluation, pm_evaluation, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PmStatus, pm_status,
  G_DEFINE_ENUM_VALUE (PM_STATUS_ACHIEVED, "achieved"),
  G_DEFINE_ENUM_VALUE (PM_STATUS_ON_TRACK, "on-track"),
  G_DEFINE_ENUM_VALUE (PM_STATUS_NEEDS_ACCELERATION, "needs-acceleration"),
  G_DEFINE_ENUM_VALUE (PM_STATUS_LIMITED_PROGRESS, "limited-progress"),
  G_DEFINE_ENUM_VALUE (PM_STATUS_DETERIORATING, "deteriorating"),
  G_DEFINE_ENUM_VALUE (PM_STATUS_NOT_ACHIEVED, "not-achieved"),
  G_DEFINE_ENUM_VALUE (PM_STATUS_NO_TARGET, "no-target"),
  G_DEFINE_ENUM_VALUE (PM_STATUS_NO_DATA, "no-data"),
  G_DEFINE_ENUM_VALUE (PM_STATUS_MANUAL, "manual"))

enum {
  PROP_0,
  PROP_INDICATOR,
  PROP_YEAR,
  PROP_STATUS,
  PROP_EXPLANATION,
  PROP_LATEST_YEAR,
  PROP_LATEST_VALUE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char *const status_names[PM_N_STATUSES] = {
  "achieved",
  "on-track",
  "needs-acceleration",
  "limited-progress",
  "deteriorating",
  "not-achieved",
  "no-target",
  "no-data",
  "manual",
};

static const char *const status_labels[PM_N_STATUSES] = {
  NC_("status", "Achieved"),
  NC_("status", "On track"),
  NC_("status", "Needs to speed up"),
  NC_("status", "Limited progress"),
  NC_("status", "Deteriorating"),
  NC_("status", "Not achieved"),
  NC_("status", "No target"),
  NC_("status", "No data"),
  NC_("status", "Judged by a person"),
};

/* The same, inside a sentence. */
static const char *const status_phrases[PM_N_STATUSES] = {
  NC_("status in a sentence", "achieved"),
  NC_("status in a sentence", "on track"),
  NC_("status in a sentence", "needs to speed up"),
  NC_("status in a sentence", "limited progress"),
  NC_("status in a sentence", "deteriorating"),
  NC_("status in a sentence", "not achieved"),
  NC_("status in a sentence", "no target"),
  NC_("status in a sentence", "no data"),
  NC_("status in a sentence", "judged by a person"),
};

/* The words a person may record as the judgement of a manual target. */
static const struct
{
  const char *words;
  PmStatus status;
} judgement_words[] = {
  { "已达标", PM_STATUS_ACHIEVED },
  { "达标", PM_STATUS_ACHIEVED },
  { "已实现", PM_STATUS_ACHIEVED },
  { "实现", PM_STATUS_ACHIEVED },
  { "进度正常", PM_STATUS_ON_TRACK },
  { "需加快进度", PM_STATUS_NEEDS_ACCELERATION },
  { "进展缓慢", PM_STATUS_LIMITED_PROGRESS },
  { "出现倒退", PM_STATUS_DETERIORATING },
  { "倒退", PM_STATUS_DETERIORATING },
  { "未达标", PM_STATUS_NOT_ACHIEVED },
  { "未实现", PM_STATUS_NOT_ACHIEVED },
};

#define OVERRIDE_KEY "pm-target-override"

/* Below this, a required rate is no change at all. */
#define RATE_EPSILON 1e-12

static void
pm_evaluation_finalize (GObject *object)
{
  PmEvaluation *self = PM_EVALUATION (object);

  g_clear_object (&self->indicator);
  g_clear_pointer (&self->target, pm_target_free);
  g_clear_pointer (&self->explanation, g_free);

  G_OBJECT_CLASS (pm_evaluation_parent_class)->finalize (object);
}

static void
pm_evaluation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PmEvaluation *self = PM_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_INDICATOR:
      g_value_set_object (value, self->indicator);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    case PROP_LATEST_YEAR:
      g_value_set_int (value, self->latest_year);
      break;
    case PROP_LATEST_VALUE:
      g_value_set_double (value, self->latest_value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_evaluation_class_init (PmEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_evaluation_finalize;
  object_class->get_property = pm_evaluation_get_property;

  properties[PROP_INDICATOR] =
    g_param_spec_object ("indicator", NULL, NULL, PM_TYPE_INDICATOR,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PM_TYPE_STATUS, PM_STATUS_NO_DATA,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATEST_YEAR] =
    g_param_spec_int ("latest-year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATEST_VALUE] =
    g_param_spec_double ("latest-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_evaluation_init (PmEvaluation *self)
{
  self->status = PM_STATUS_NO_DATA;
  self->latest_value = NAN;
  self->baseline_value = NAN;
  self->goal = NAN;
  self->required_rate = NAN;
  self->observed_rate = NAN;
  self->progress_ratio = NAN;
  self->projected_value = NAN;
}

/* Status names and labels */

/* Returns: the stable machine name: achieved, on-track, … */
const char *
pm_status_to_string (PmStatus status)
{
  g_return_val_if_fail (status < PM_N_STATUSES, NULL);

  return status_names[status];
}

gboolean
pm_status_from_string (const char *text,
                       PmStatus   *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; i < PM_N_STATUSES; i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}

/* Returns: the status for a person, translated */
const char *
pm_status_get_label (PmStatus status)
{
  return pm_status_get_label_in (status, PM_LANGUAGE_UI);
}

/* Returns: the status for a person, in a document's language (已达标 …) */
const char *
pm_status_get_label_in (PmStatus   status,
                        PmLanguage language)
{
  g_return_val_if_fail (status < PM_N_STATUSES, NULL);

  return pm_doc_pgettext (language, "status", status_labels[status]);
}

static const char *
status_phrase (PmEvaluation *self,
               PmStatus      status)
{
  return pm_doc_pgettext (self->language, "status in a sentence", status_phrases[status]);
}

/* Returns: whether the status counts towards the attainment rate: an
 * indicator with data and a target that was judged */
gboolean
pm_status_is_measured (PmStatus status)
{
  return status <= PM_STATUS_NOT_ACHIEVED;
}

/**
 * pm_status_from_judgement:
 * @text: (nullable): what a person recorded for a manual target
 * @status: (out): the status it says
 *
 * A judgement is a status name (achieved, not-achieved …), its English or
 * translated label, or the Chinese words 已达标, 达标, 未达标, 进度正常,
 * 需加快进度, 进展缓慢, 出现倒退. "manual", "no-data" and "no-target" are
 * not judgements.
 *
 * Returns: whether @text is a judgement
 */
gboolean
pm_status_from_judgement (const char *text,
                          PmStatus   *status)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (status != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  trimmed = g_strstrip (g_strdup (text));
  for (guint i = 0; i < G_N_ELEMENTS (judgement_words); i++)
    if (g_strcmp0 (trimmed, judgement_words[i].words) == 0)
      {
        *status = judgement_words[i].status;
        return TRUE;
      }

  for (guint i = 0; i <= PM_STATUS_NOT_ACHIEVED; i++)
    if (g_ascii_strcasecmp (trimmed, status_names[i]) == 0 ||
        g_ascii_strcasecmp (trimmed, status_labels[i]) == 0 ||
        g_strcmp0 (trimmed, pm_status_get_label (i)) == 0)
      {
        *status = i;
        return TRUE;
      }

  return FALSE;
}

/* Series */

static void
put_point (GArray     *series,
           int         year,
           double      value,
           const char *printed)
{
  PmPoint point = { year, value, printed };
  guint i;

  for (i = 0; i < series->len; i++)
    {
      PmPoint *p = &g_array_index (series, PmPoint, i);

      if (p->year == year)
        {
          *p = point;
          return;
        }
      if (p->year > year)
        break;
    }

  g_array_insert_val (series, i, point);
}

/* The value of an observation: its number, else its text read as a number
 * or a ratio (1:1.4); NAN when neither. */
static double
observation_value (PmObservation *observation)
{
  double value = pm_observation_get_value (observation);

  if (isfinite (value))
    return value;
  if (pm_target_parse_ratio (pm_observation_get_text (observation), &value) && isfinite (value))
    return value;
  return NAN;
}

static void
add_own_values (GArray      *series,
                PmIndicator *indicator,
                int          last_year)
{
  GListModel *observations = pm_indicator_get_observations (indicator);

  if (pm_indicator_get_period (indicator) == PM_PERIOD_2011_2020)
    {
      double value_2010 = pm_indicator_get_value_2010 (indicator);
      double value_2020 = pm_indicator_get_value_2020 (indicator);

      if (isfinite (value_2010) && 2010 <= last_year)
        put_point (series, 2010, value_2010, pm_indicator_get_printed_value (indicator, 2010));
      if (isfinite (value_2020) && 2020 <= last_year)
        put_point (series, 2020, value_2020, pm_indicator_get_printed_value (indicator, 2020));
    }

  for (guint i = 0; i < g_list_model_get_n_items (observations); i++)
    {
      g_autoptr (PmObservation) observation = g_list_model_get_item (observations, i);
      int year = pm_observation_get_year (observation);
      double value;

      if (year > last_year || g_strcmp0 (pm_observation_get_area (observation), PM_AREA_COUNTY) != 0)
        continue;
      value = observation_value (observation);
      if (isfinite (value))
        put_point (series, year, value, NULL);
    }
}

/**
 * pm_evaluation_collect_series:
 * @indicator: an indicator
 * @last_year: the last year to include
 *
 * The county values of @indicator, from 2010: a 2021–2030 row continues its
 * predecessor's values up to 2020. A project's observation of a year replaces
 * the printed value of that year. Charts draw this series.
 *
 * Returns: (transfer full) (element-type PmPoint): the values, by year
 */
GArray *
pm_evaluation_collect_series (PmIndicator *indicator,
                              int          last_year)
{
  GArray *series;
  PmIndicator *predecessor;

  g_return_val_if_fail (PM_IS_INDICATOR (indicator), NULL);

  series = g_array_new (FALSE, FALSE, sizeof (PmPoint));
  predecessor = pm_indicator_get_predecessor (indicator);
  if (pm_indicator_get_period (indicator) == PM_PERIOD_2021_2030 && predecessor)
    add_own_values (series, predecessor, MIN (last_year, pm_period_last_year (PM_PERIOD_2011_2020)));
  add_own_values (series, indicator, last_year);

  return series;
}

static gboolean
series_value_at (GArray *series,
                 int     year,
                 double *value)
{
  for (guint i = 0; i < series->len; i++)
    if (g_array_index (series, PmPoint, i).year == year)
      {
        *value = g_array_index (series, PmPoint, i).value;
        return TRUE;
      }
  return FALSE;
}

/* Targets of indicators, with overrides */

static const char *
printed_target (PmIndicator *indicator)
{
  if (pm_indicator_get_period (indicator) == PM_PERIOD_2011_2020)
    return pm_indicator_get_target_2020 (indicator);
  return pm_indicator_get_county_target (indicator);
}

/**
 * pm_target_new_for_indicator:
 * @indicator: an indicator
 *
 * Returns: (transfer full): the target the indicator is judged against: its
 * county target (the 2020 target of a 2011–2020 row), with the override set
 * by pm_target_set_indicator_override ()
 */
PmTarget *
pm_target_new_for_indicator (PmIndicator *indicator)
{
  g_autoptr (PmTarget) printed = NULL;
  const char *override;
  PmTarget *target;

  g_return_val_if_fail (PM_IS_INDICATOR (indicator), NULL);

  printed = pm_target_parse (printed_target (indicator));
  override = pm_target_get_indicator_override (indicator);
  if (override == NULL)
    return g_steal_pointer (&printed);

  /* the override was read when it was set: it cannot fail here */
  target = pm_target_apply_override (printed, override, NULL);
  return target ? target : g_steal_pointer (&printed);
}

/**
 * pm_target_set_indicator_override:
 * @indicator: an indicator
 * @override: (nullable): figures for its target (see pm_target_apply_override ()),
 *   %NULL or empty to use the printed target
 * @error: return location for a #GError
 *
 * Sets the project's own figures for the indicator's target, for the
 * evaluation. The store keeps them in the project file.
 *
 * Returns: FALSE with @error set when @override cannot be read or does not
 * fit the printed target; the previous override is then kept
 */
gboolean
pm_target_set_indicator_override (PmIndicator *indicator,
                                  const char  *override,
                                  GError     **error)
{
  g_autoptr (PmTarget) printed = NULL;
  g_autoptr (PmTarget) target = NULL;

  g_return_val_if_fail (PM_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  printed = pm_target_parse (printed_target (indicator));
  target = pm_target_apply_override (printed, override, error);
  if (target == NULL)
    return FALSE;

  g_object_set_data_full (G_OBJECT (indicator), OVERRIDE_KEY, g_strdup (target->override), g_free);
  return TRUE;
}

/* Returns: (nullable): the override of the indicator's target, or NULL */
const char *
pm_target_get_indicator_override (PmIndicator *indicator)
{
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), NULL);

  return g_object_get_data (G_OBJECT (indicator), OVERRIDE_KEY);
}

/* Evaluation */

static void explain (PmEvaluation *self,
                     const char   *format,
                     ...) G_GNUC_PRINTF (2, 3);

static void
explain (PmEvaluation *self,
         const char   *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_free (self->explanation);
  self->explanation = g_strdup_vprintf (format, args);
  va_end (args);
}

static char *
format_value (PmEvaluation *self,
              double        value,
              int           max_decimals)
{
  return pm_target_format_value (self->target, value, pm_indicator_get_unit (self->indicator),
                                 max_decimals);
}

/* Decimals of the value as entered (at most 6). */
static int
count_decimals (double value)
{
  for (int decimals = 0; decimals < 6; decimals++)
    {
      double scaled = value * pow (10, decimals);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, fabs (scaled)))
        return decimals;
    }
  return 6;
}

/* A projection is shown as precisely as the latest value, at least to one
 * decimal. */
static char *
format_projection (PmEvaluation *self,
                   double        value)
{
  int decimals = CLAMP (count_decimals (self->latest_value), 1, 3);

  return format_value (self, value, decimals);
}

/* The unit a figure of the target is printed with ("/10万", "%", "岁"), or "". */
static const char *
figure_unit (PmEvaluation *self,
             char        **owned)
{
  g_autofree char *number = pm_target_format_value (NULL, 1, NULL, 0);
  g_autofree char *full = format_value (self, 1, 0);

  if (!g_str_has_prefix (full, number) || self->target->kind == PM_TARGET_RATIO)
    return "";
  *owned = g_strdup (full + strlen (number));
  return *owned;
}

/* The target as printed (＜8, ≥98.5, 45左右, 2:3, 以2010年为基数下降1/6,
 * 逐年提高 …), never a bare figure in place of a comparison: a printed
 * figure gets its unit ("＜8/10万"), a band or 趋于平衡 the range it stands
 * for ("40左右 (38–42%)"), and a printed bare number the comparison it means
 * ("100 (≥100%)"). */
static char *
describe_target (PmEvaluation *self)
{
  const PmTarget *target = self->target;
  const char *text = target->text;
  gsize length = strlen (text);
  g_autofree char *owned_unit = NULL;
  const char *unit = figure_unit (self, &owned_unit);
  gboolean ranged = target->kind == PM_TARGET_BAND ||
                    (target->kind == PM_TARGET_DIRECTION &&
                     target->direction == PM_DIRECTION_INTO_RANGE);

  if (target->kind == PM_TARGET_NONE || length == 0)
    return pm_target_describe (target, pm_indicator_get_unit (self->indicator));

  if (ranged && isfinite (target->low) && isfinite (target->high))
    {
      g_autofree char *low = pm_target_format_value (NULL, target->low, NULL, 6);
      g_autofree char *high = format_value (self, target->high, 6);

      return g_strdup_printf ("%s (%s–%s)", text, low, high);
    }

  if (target->kind == PM_TARGET_COMPARISON && g_ascii_isdigit (text[length - 1]))
    {
      g_autofree char *printed = g_strconcat (text, unit, NULL);

      if (g_ascii_isdigit (text[0]) || text[0] == '.')
        {
          /* a bare number: a level to reach */
          g_autofree char *meaning = pm_target_describe (target, pm_indicator_get_unit (self->indicator));

          return g_strdup_printf ("%s (%s)", printed, meaning);
        }
      return g_steal_pointer (&printed);
    }

  return g_strdup (text);
}

/* The target, with the figure it stands for where that comes from another
 * value (明显降低, 以2010年为基数下降1/6, 不低于…): "1/6 below the 2010 value,
 * that is 2.5‰". */
static char *
describe_target_with_goal (PmEvaluation *self)
{
  g_autofree char *description = describe_target (self);
  g_autofree char *goal = NULL;
  gboolean derived = self->target->kind == PM_TARGET_RELATIVE ||
                     (self->target->kind == PM_TARGET_DIRECTION &&
                      self->target->direction == PM_DIRECTION_MARKEDLY_LOWER);

  if (!derived || !isfinite (self->goal))
    return g_steal_pointer (&description);

  goal = format_value (self, self->goal, 6);
  /* TRANSLATORS: a target and the figure it comes to: "1/6 below the 2010 value, that is 2.5‰" */
  return g_strdup_printf (D_ (self->language, "%s, that is %s"), description, goal);
}

static char *
name_indicator (PmIndicator *indicator)
{
  return g_strdup_printf ("%s %s", pm_indicator_get_code (indicator),
                          pm_indicator_get_name (indicator) ? pm_indicator_get_name (indicator) : "");
}

static void
set_status (PmEvaluation *self,
            PmStatus      status)
{
  self->status = status;
}

/* 逐年提高 / 逐年降低: whether every step from the baseline to the latest
 * value went the right way, and the first year that did not. */
static gboolean
every_year_right_way (PmEvaluation *self,
                      GArray       *series,
                      guint         from,
                      guint         to,
                      int          *broken_year)
{
  gboolean lower = pm_target_is_lower_better (self->target);

  for (guint i = from + 1; i <= to; i++)
    {
      double before = g_array_index (series, PmPoint, i - 1).value;
      double after = g_array_index (series, PmPoint, i).value;
      gboolean right = lower ? after < before : after > before;

      if (!right)
        {
          *broken_year = g_array_index (series, PmPoint, i).year;
          return FALSE;
        }
    }

  return TRUE;
}

static void
evaluate_manual (PmEvaluation *self,
                 int           first_year,
                 int           last_year)
{
  GListModel *observations = pm_indicator_get_observations (self->indicator);
  g_autofree char *latest = NULL;
  int judged_year = 0;
  PmStatus judgement = PM_STATUS_MANUAL;

  for (guint i = 0; i < g_list_model_get_n_items (observations); i++)
    {
      g_autoptr (PmObservation) observation = g_list_model_get_item (observations, i);
      int year = pm_observation_get_year (observation);
      PmStatus status;

      if (year < first_year || year > last_year ||
          g_strcmp0 (pm_observation_get_area (observation), PM_AREA_COUNTY) != 0)
        continue;
      if (pm_status_from_judgement (pm_observation_get_text (observation), &status))
        {
          judgement = status;
          judged_year = year;
        }
    }

  if (judged_year)
    {
      self->judged = TRUE;
      if (last_year >= self->final_year && judgement != PM_STATUS_ACHIEVED)
        judgement = PM_STATUS_NOT_ACHIEVED;
      set_status (self, judgement);
      /* TRANSLATORS: %1$d is a year, %2$s the printed target, %3$s a status label */
      explain (self, D_ (self->language, "In %1$d a person judged the target “%2$s”: %3$s"),
               judged_year, self->target->text, status_phrase (self, judgement));
      return;
    }

  set_status (self, PM_STATUS_MANUAL);
  if (self->latest_year)
    {
      latest = format_value (self, self->latest_value, 6);
      explain (self, D_ (self->language, "In %1$d the value was %2$s; the target “%3$s” needs a person’s judgement, "
                       "and none is recorded"),
               self->latest_year, latest, self->target->text);
    }
  else
    {
      explain (self, D_ (self->language, "The target “%1$s” needs a person’s judgement; none is recorded up to %2$d"),
               self->target->text, last_year);
    }
}

/* The progress ratio and the status it gives, or not-achieved in the final
 * year. vb at b is the baseline, vt at t > b the latest value. */
static void
evaluate_progress (PmEvaluation *self,
                   gboolean      lower,
                   gboolean      final)
{
  double vb = self->baseline_value, vt = self->latest_value, goal = self->goal;
  int b = self->baseline_year, t = self->latest_year, end = self->final_year;
  g_autofree char *latest = format_value (self, vt, 6);
  g_autofree char *baseline = format_value (self, vb, 6);
  g_autofree char *target = describe_target_with_goal (self);
  g_autofree char *projected = NULL;
  gboolean improving;
  double ratio;

  if (vb > 0 && vt > 0 && goal > 0)
    {
      self->required_rate = pow (goal / vb, 1.0 / (end - b)) - 1.0;
      self->observed_rate = pow (vt / vb, 1.0 / (t - b)) - 1.0;
      self->projected_value = vt * pow (1.0 + self->observed_rate, end - t);
    }
  else
    {
      /* a zero (or negative) value has no growth rate: yearly changes */
      self->linear = TRUE;
      self->required_rate = (goal - vb) / (end - b);
      self->observed_rate = (vt - vb) / (t - b);
      self->projected_value = vt + self->observed_rate * (end - t);
    }

  improving = lower ? self->observed_rate < -RATE_EPSILON : self->observed_rate > RATE_EPSILON;
  if (fabs (self->required_rate) > RATE_EPSILON)
    ratio = self->progress_ratio = self->observed_rate / self->required_rate;
  else
    /* the baseline is the very figure of a strict bound (>96 from 96):
     * any move the right way is enough */
    ratio = improving ? INFINITY : fabs (self->observed_rate) <= RATE_EPSILON ? 0 : -1;

  if (final)
    {
      set_status (self, PM_STATUS_NOT_ACHIEVED);
      explain (self, D_ (self->language, "In %1$d the value was %2$s; the target for %3$d is %4$s: not achieved"),
               t, latest, end, target);
      return;
    }

  if (ratio < 0)
    {
      set_status (self, PM_STATUS_DETERIORATING);
      explain (self, D_ (self->language, "In %1$d the value was %2$s, further from the target %3$s than %4$s in %5$d: "
                       "deteriorating"),
               t, latest, target, baseline, b);
      return;
    }

  projected = format_projection (self, self->projected_value);
  /* In the sentences below: %1$d is the year of the latest value, %2$s that
   * value with its unit, %3$d the baseline year, %4$s the value projected at
   * the rate since then, %5$d the final year (2030), %6$s the target figure. */
  if (ratio >= PM_PROGRESS_ON_TRACK)
    {
      set_status (self, PM_STATUS_ON_TRACK);
      /* TRANSLATORS: 2024年为81.2岁，按2020年以来的增速到2030年约为82.8岁，目标82.3岁，进度正常 */
      explain (self, D_ (self->language, "In %1$d the value was %2$s; at the rate since %3$d it would be about %4$s "
                       "by %5$d, against the target %6$s: on track"),
               t, latest, b, projected, end, target);
    }
  else if (ratio >= PM_PROGRESS_NEEDS_ACCELERATION)
    {
      set_status (self, PM_STATUS_NEEDS_ACCELERATION);
      if (lower)
        /* TRANSLATORS: a target to fall to (＜2.5‰): 2024年为2.62‰，按2020年以来的增速到2030年约为2.55‰，高于目标2.5‰，需加快进度 */
        explain (self, D_ (self->language, "In %1$d the value was %2$s; at the rate since %3$d it would be about %4$s "
                         "by %5$d, above the target %6$s: needs to speed up"),
                 t, latest, b, projected, end, target);
      else
        /* TRANSLATORS: 2024年为80.9岁，按2020年以来的增速到2030年约为82.1岁，低于目标82.3岁，需加快进度 */
        explain (self, D_ (self->language, "In %1$d the value was %2$s; at the rate since %3$d it would be about %4$s "
                         "by %5$d, below the target %6$s: needs to speed up"),
                 t, latest, b, projected, end, target);
    }
  else
    {
      set_status (self, PM_STATUS_LIMITED_PROGRESS);
      if (lower)
        explain (self, D_ (self->language, "In %1$d the value was %2$s; at the rate since %3$d it would be about %4$s "
                         "by %5$d, above the target %6$s: limited progress"),
                 t, latest, b, projected, end, target);
      else
        explain (self, D_ (self->language, "In %1$d the value was %2$s; at the rate since %3$d it would be about %4$s "
                         "by %5$d, below the target %6$s: limited progress"),
                 t, latest, b, projected, end, target);
    }
}

/* A band or range crossed from one side to the other: progress is how much
 * nearer the range the value came, per year, against the distance to close
 * by the final year. */
static gboolean
evaluate_crossing (PmEvaluation *self,
                   gboolean      final)
{
  const PmTarget *target = self->target;
  double vb = self->baseline_value, vt = self->latest_value;
  double low = target->low, high = target->high;
  gboolean ranged = target->kind == PM_TARGET_BAND ||
                    (target->kind == PM_TARGET_DIRECTION &&
                     target->direction == PM_DIRECTION_INTO_RANGE);
  g_autofree char *latest = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *range = NULL;
  double distance_b, distance_t;
  PmStatus status;

  if (!ranged || !((vb < low && vt > high) || (vb > high && vt < low)))
    return FALSE;

  distance_b = vb < low ? low - vb : vb - high;
  distance_t = vt < low ? low - vt : vt - high;
  self->linear = TRUE;
  self->required_rate = distance_b / (self->final_year - self->baseline_year);
  self->observed_rate = (distance_b - distance_t) / (self->latest_year - self->baseline_year);
  self->progress_ratio = self->observed_rate / self->required_rate;

  if (final)
    status = PM_STATUS_NOT_ACHIEVED;
  else if (self->progress_ratio >= PM_PROGRESS_ON_TRACK)
    status = PM_STATUS_ON_TRACK;
  else if (self->progress_ratio >= PM_PROGRESS_NEEDS_ACCELERATION)
    status = PM_STATUS_NEEDS_ACCELERATION;
  else if (self->progress_ratio >= 0)
    status = PM_STATUS_LIMITED_PROGRESS;
  else
    status = PM_STATUS_DETERIORATING;

  latest = format_value (self, vt, 6);
  baseline = format_value (self, vb, 6);
  range = describe_target (self);
  set_status (self, status);
  /* TRANSLATORS: the value went from below a target range (%3$s, e.g. 103–107%)
   * to above it, or the other way; %6$s is a status such as "on track" */
  explain (self, D_ (self->language, "In %1$d the value was %2$s, on the other side of the target range %3$s from %4$s "
                   "in %5$d: %6$s"),
           self->latest_year, latest, range, baseline, self->baseline_year,
           status_phrase (self, status));
  return TRUE;
}

static void
evaluate (PmEvaluation *self,
          PmProject    *project)
{
  PmIndicator *indicator = self->indicator;
  const PmTarget *target = self->target;
  PmPeriod period = pm_indicator_get_period (indicator);
  int first_year = pm_period_first_year (period);
  int last_year = MIN (self->year, self->final_year);
  gboolean final = last_year >= self->final_year;
  g_autoptr (GArray) series = pm_evaluation_collect_series (indicator, last_year);
  g_autoptr (GArray) reference_series = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *description = NULL;
  PmIndicator *reference = NULL;
  PmTargetContext context;
  PmTargetCheck check;
  int latest_index = -1, baseline_index = -1, broken_year = 0;
  gboolean has_baseline, lower = FALSE;

  if (series->len > 0 && g_array_index (series, PmPoint, series->len - 1).year >= first_year)
    {
      latest_index = series->len - 1;
      self->latest_year = g_array_index (series, PmPoint, latest_index).year;
      self->latest_value = g_array_index (series, PmPoint, latest_index).value;
      latest = format_value (self, self->latest_value, 6);
    }

  if (target->kind == PM_TARGET_NONE)
    {
      set_status (self, PM_STATUS_NO_TARGET);
      if (latest)
        explain (self, D_ (self->language, "In %1$d the value was %2$s; no target is set"), self->latest_year, latest);
      else
        explain (self, "%s", D_ (self->language, "No target is set"));
      return;
    }

  if (target->kind == PM_TARGET_MANUAL)
    {
      evaluate_manual (self, first_year, last_year);
      return;
    }

  if (target->kind == PM_TARGET_RELATIVE && target->relative == PM_RELATIVE_INDICATOR)
    {
      reference = project && target->reference
                  ? pm_project_find_indicator (project, target->reference) : NULL;
      if (reference == NULL || reference == indicator)
        {
          set_status (self, PM_STATUS_MANUAL);
          explain (self, D_ (self->language, "The target “%1$s” compares with %2$s, which this project does not have: "
                           "a person judges it"),
                   target->text, target->reference ? target->reference : "?");
          return;
        }
      reference_series = pm_evaluation_collect_series (reference, last_year);
    }

  if (latest_index < 0)
    {
      set_status (self, PM_STATUS_NO_DATA);
      explain (self, D_ (self->language, "No value up to %d"), last_year);
      return;
    }

  /* the year before the period, else the first value of the period */
  for (guint i = 0; i < series->len; i++)
    {
      int year = g_array_index (series, PmPoint, i).year;

      if (year == first_year - 1 || year >= first_year)
        {
          baseline_index = i;
          break;
        }
    }
  g_assert (baseline_index >= 0 && baseline_index <= latest_index);
  has_baseline = baseline_index < latest_index;
  self->baseline_year = g_array_index (series, PmPoint, baseline_index).year;
  self->baseline_value = g_array_index (series, PmPoint, baseline_index).value;
  baseline = format_value (self, self->baseline_value, 6);

  pm_target_context_init (&context);
  if (has_baseline)
    {
      context.baseline = self->baseline_value;
      context.previous = g_array_index (series, PmPoint, latest_index - 1).value;
    }
  if (reference_series)
    series_value_at (reference_series, self->latest_year, &context.reference);
  if (target->kind == PM_TARGET_RELATIVE && target->relative == PM_RELATIVE_BASE_YEAR)
    series_value_at (series, target->base_year, &context.base_value);

  if (pm_target_get_goal (target, &context, self->latest_value, &self->goal, &lower) == FALSE)
    self->goal = NAN;
  description = describe_target_with_goal (self);

  if (reference_series && !isfinite (context.reference))
    {
      g_autofree char *name = name_indicator (reference);

      set_status (self, PM_STATUS_NO_DATA);
      explain (self, D_ (self->language, "In %1$d the value was %2$s; the target is %3$s, but %4$s has no value for %1$d"),
               self->latest_year, latest, description, name);
      return;
    }
  if (target->kind == PM_TARGET_RELATIVE && target->relative == PM_RELATIVE_BASE_YEAR &&
      !isfinite (context.base_value))
    {
      set_status (self, PM_STATUS_NO_DATA);
      explain (self, D_ (self->language, "In %1$d the value was %2$s; the target is %3$s, but there is no value for %4$d"),
               self->latest_year, latest, description, target->base_year);
      return;
    }

  check = pm_target_check (target, self->latest_value, &context);
  if (check == PM_TARGET_CHECK_MET && has_baseline && target->kind == PM_TARGET_DIRECTION &&
      (target->direction == PM_DIRECTION_HIGHER_EVERY_YEAR ||
       target->direction == PM_DIRECTION_LOWER_EVERY_YEAR) &&
      !every_year_right_way (self, series, baseline_index, latest_index, &broken_year))
    check = PM_TARGET_CHECK_NOT_MET;

  if (check == PM_TARGET_CHECK_MET)
    {
      set_status (self, PM_STATUS_ACHIEVED);
      /* TRANSLATORS: %1$d, %2$s: the latest year and value; %3$s, %4$d: the
       * baseline value and year; %5$s the target (提高, 得到控制 …) */
      if (pm_target_needs_baseline (target))
        explain (self, D_ (self->language, "In %1$d the value was %2$s, against %3$s in %4$d; the target is %5$s: achieved"),
                 self->latest_year, latest, baseline, self->baseline_year, description);
      else
        /* TRANSLATORS: 2024年为2.3‰，目标＜2.5‰，已达标 */
        explain (self, D_ (self->language, "In %1$d the value was %2$s; the target is %3$s: achieved"),
                 self->latest_year, latest, description);
      return;
    }

  if (check == PM_TARGET_CHECK_UNKNOWN || (!has_baseline && !final))
    {
      /* a single value: a direction has nothing to compare with, and a
       * figure not yet reached has no progress to measure */
      set_status (self, PM_STATUS_NO_DATA);
      if (!has_baseline && self->baseline_year >= first_year && pm_target_needs_baseline (target))
        {
          /* an indicator new in the period (W40 县级文明家庭) has no value of
           * the year before it unless one is entered: say so, and how */
          /* TRANSLATORS: %1$d, %2$s: the latest year and value; %3$s the target (提高 …);
           * %4$s the indicator's code; %5$d the year before the period (2020) */
          explain (self, D_ (self->language, "In %1$d the value was %2$s; the target is %3$s, measured from the "
                           "baseline of %5$d, but %4$s has no value for %5$d (an indicator new "
                           "in this period): enter its %5$d value, or a value for another "
                           "year, to measure progress"),
                   self->latest_year, latest, description, pm_indicator_get_code (indicator),
                   first_year - 1);
          return;
        }
      explain (self, D_ (self->language, "In %1$d the value was %2$s; the target is %3$s: a value for another year is "
                       "needed to measure progress"),
               self->latest_year, latest, description);
      return;
    }

  if (!isfinite (self->goal))
    {
      /* a direction without a figure: which way did it go? */
      gboolean every_year = target->direction == PM_DIRECTION_HIGHER_EVERY_YEAR ||
                            target->direction == PM_DIRECTION_LOWER_EVERY_YEAR;
      double previous = context.previous;
      double vb = self->baseline_value, vt = self->latest_value;
      gboolean wrong = pm_target_is_lower_better (target) ? vt > vb : vt < vb;

      g_assert (target->kind == PM_TARGET_DIRECTION);
      if (every_year)
        {
          wrong = wrong || (pm_target_is_lower_better (target) ? vt > previous : vt < previous);
          if (broken_year == 0)
            every_year_right_way (self, series, baseline_index, latest_index, &broken_year);
        }

      if (final)
        {
          set_status (self, PM_STATUS_NOT_ACHIEVED);
          explain (self, D_ (self->language, "In %1$d the value was %2$s, against %3$s in %4$d; the target for %5$d is "
                           "%6$s: not achieved"),
                   self->latest_year, latest, baseline, self->baseline_year, self->final_year,
                   description);
        }
      else if (wrong)
        {
          set_status (self, PM_STATUS_DETERIORATING);
          explain (self, D_ (self->language, "In %1$d the value was %2$s, against %3$s in %4$d; the target is %5$s: "
                           "deteriorating"),
                   self->latest_year, latest, baseline, self->baseline_year, description);
        }
      else if (every_year && broken_year)
        {
          set_status (self, PM_STATUS_LIMITED_PROGRESS);
          explain (self, D_ (self->language, "In %1$d the value was %2$s; the target is %3$s, but the value did not "
                           "move that way in %4$d: limited progress"),
                   self->latest_year, latest, description, broken_year);
        }
      else
        {
          set_status (self, PM_STATUS_LIMITED_PROGRESS);
          explain (self, D_ (self->language, "In %1$d the value was %2$s, the same as in %3$d; the target is %4$s: "
                           "limited progress"),
                   self->latest_year, latest, self->baseline_year, description);
        }
      return;
    }

  if (!has_baseline)
    {
      /* the final year, with its only value short of the figure */
      set_status (self, PM_STATUS_NOT_ACHIEVED);
      explain (self, D_ (self->language, "In %1$d the value was %2$s; the target for %3$d is %4$s: not achieved"),
               self->latest_year, latest, self->final_year, description);
      return;
    }

  /* the baseline met the target and the latest value no longer does */
  {
    PmTargetContext at_baseline = context;

    at_baseline.reference = NAN;
    if (reference_series)
      series_value_at (reference_series, self->baseline_year, &at_baseline.reference);
    if (pm_target_check (target, self->baseline_value, &at_baseline) == PM_TARGET_CHECK_MET)
      {
        if (final)
          {
            set_status (self, PM_STATUS_NOT_ACHIEVED);
            explain (self, D_ (self->language, "In %1$d the value was %2$s; the target for %3$d is %4$s: not achieved"),
                     self->latest_year, latest, self->final_year, description);
          }
        else
          {
            set_status (self, PM_STATUS_DETERIORATING);
            explain (self, D_ (self->language, "In %1$d the value was %2$s; it met the target %3$s in %4$d (%5$s) "
                             "but no longer does: deteriorating"),
                     self->latest_year, latest, description, self->baseline_year, baseline);
          }
        return;
      }
  }

  if (evaluate_crossing (self, final))
    return;

  evaluate_progress (self, lower, final);
}

/**
 * pm_evaluate_indicator:
 * @project: (nullable): the project, for targets that name another indicator
 * @indicator: the indicator
 * @year: the year of the evaluation: values up to it count (a 2011–2020
 *   row is judged at 2020 at the latest)
 *
 * Returns: (transfer full): how the indicator stands in @year
 */
PmEvaluation *
pm_evaluate_indicator (PmProject   *project,
                       PmIndicator *indicator,
                       int          year)
{
  return pm_evaluate_indicator_in (project, indicator, year, PM_LANGUAGE_UI);
}

/**
 * pm_evaluate_indicator_in:
 * @language: the language of the explanation: a document's, or
 *   PM_LANGUAGE_UI for the window's
 *
 * pm_evaluate_indicator () for a document.
 */
PmEvaluation *
pm_evaluate_indicator_in (PmProject   *project,
                          PmIndicator *indicator,
                          int          year,
                          PmLanguage   language)
{
  PmEvaluation *self;

  g_return_val_if_fail (project == NULL || PM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), NULL);

  self = g_object_new (PM_TYPE_EVALUATION, NULL);
  self->indicator = g_object_ref (indicator);
  self->language = language;
  self->year = year;
  self->final_year = pm_period_last_year (pm_indicator_get_period (indicator));
  self->target = pm_target_new_for_indicator (indicator);

  evaluate (self, project);
  g_assert (self->explanation != NULL);

  return self;
}

PmIndicator *
pm_evaluation_get_indicator (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), NULL);
  return self->indicator;
}

int
pm_evaluation_get_year (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), 0);
  return self->year;
}

/* Returns: the last year of the indicator's period: 2030, or 2020 */
int
pm_evaluation_get_final_year (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), 0);
  return self->final_year;
}

PmStatus
pm_evaluation_get_status (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), PM_STATUS_NO_DATA);
  return self->status;
}

/* Returns: (transfer none): the target judged against, overrides applied */
const PmTarget *
pm_evaluation_get_target (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), NULL);
  return self->target;
}

/* Returns: the sentence that says why, with the figures, translated */
const char *
pm_evaluation_get_explanation (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), NULL);
  return self->explanation;
}

/* Returns: the year of the latest value in the period, or 0 when none */
int
pm_evaluation_get_latest_year (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), 0);
  return self->latest_year;
}

/* Returns: the latest value in the period, or NAN when none */
double
pm_evaluation_get_latest_value (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), NAN);
  return self->latest_value;
}

/* Returns: the year of the baseline, or 0 when there is no value */
int
pm_evaluation_get_baseline_year (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), 0);
  return self->baseline_year;
}

double
pm_evaluation_get_baseline_value (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), NAN);
  return self->baseline_value;
}

/* Returns: the figure progress is measured against (see
 * pm_target_get_goal ()), or NAN for a target without one */
double
pm_evaluation_get_goal (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), NAN);
  return self->goal;
}

/* Returns: the yearly growth rate (CAGR) needed from the baseline to reach
 * the goal by the final year; a yearly change when pm_evaluation_get_linear ();
 * NAN where progress was not measured */
double
pm_evaluation_get_required_rate (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), NAN);
  return self->required_rate;
}

/* Returns: the yearly growth rate (CAGR) from the baseline to the latest
 * value; a yearly change when pm_evaluation_get_linear (); NAN where progress
 * was not measured */
double
pm_evaluation_get_observed_rate (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), NAN);
  return self->observed_rate;
}

/* Returns: whether the rates are yearly changes rather than growth rates
 * (a zero or negative value, or a range crossed) */
gboolean
pm_evaluation_get_linear (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), FALSE);
  return self->linear;
}

/* Returns: R = observed ÷ required rate, or NAN where not measured (or the
 * required rate is nil) */
double
pm_evaluation_get_progress_ratio (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), NAN);
  return self->progress_ratio;
}

/* Returns: the value the observed rate leads to in the final year, or NAN */
double
pm_evaluation_get_projected_value (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), NAN);
  return self->projected_value;
}

/* Returns: whether the status is a person's judgement of a manual target */
gboolean
pm_evaluation_get_judged (PmEvaluation *self)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), FALSE);
  return self->judged;
}

/* Returns: (transfer full): value with the indicator's unit: 95.2%, 1:1.4 */
char *
pm_evaluation_format_value (PmEvaluation *self,
                            double        value)
{
  g_return_val_if_fail (PM_IS_EVALUATION (self), NULL);
  return format_value (self, value, 6);
}
