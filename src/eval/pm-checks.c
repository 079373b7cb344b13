/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-checks"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-checks.h"
#include "pm-evaluation.h"
#include "pm-indicator.h"
#include "pm-observation.h"

/* Checks of values as they are typed (issue 7): the plans print values
 * outside the usual ranges (a rate of 104.32 %), so each check only warns,
 * and a person confirms an odd value with a note. */

#define THRESHOLD_KEY "pm-check-change-threshold"

static const char *const kind_names[PM_N_CHECK_KINDS] = {
  "percent-range",
  "per-mille-range",
  "large-change",
  "binding-target",
};

static const char *const kind_labels[PM_N_CHECK_KINDS] = {
  N_("Percentage outside 0–100"),
  N_("Per mille value outside 0–1000"),
  N_("Large change from the previous year"),
  N_("Wrong side of a binding target"),
};

G_DEFINE_BOXED_TYPE (PmCheck, pm_check, pm_check_copy, pm_check_free)

PmCheck *
pm_check_copy (const PmCheck *check)
{
  PmCheck *copy;

  g_return_val_if_fail (check != NULL, NULL);

  copy = g_new0 (PmCheck, 1);
  copy->kind = check->kind;
  copy->code = g_strdup (check->code);
  copy->year = check->year;
  copy->value = check->value;
  copy->message = g_strdup (check->message);
  return copy;
}

void
pm_check_free (PmCheck *check)
{
  if (check == NULL)
    return;

  g_free (check->code);
  g_free (check->message);
  g_free (check);
}

/* Returns: the stable machine name: percent-range, … */
const char *
pm_check_kind_to_string (PmCheckKind kind)
{
  g_return_val_if_fail (kind < PM_N_CHECK_KINDS, NULL);

  return kind_names[kind];
}

gboolean
pm_check_kind_from_string (const char  *text,
                           PmCheckKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < PM_N_CHECK_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

/* Returns: what the check looks at, for a person, translated */
const char *
pm_check_kind_get_label (PmCheckKind kind)
{
  g_return_val_if_fail (kind < PM_N_CHECK_KINDS, NULL);

  return _(kind_labels[kind]);
}

void
pm_checks_set_change_threshold (PmIndicator *indicator,
                                double       fraction)
{
  g_return_if_fail (PM_IS_INDICATOR (indicator));

  if (!isfinite (fraction) || fraction <= 0)
    {
      g_object_set_data (G_OBJECT (indicator), THRESHOLD_KEY, NULL);
      return;
    }

  g_object_set_data_full (G_OBJECT (indicator), THRESHOLD_KEY, g_memdup2 (&fraction, sizeof fraction),
                          g_free);
}

/* Returns: the indicator's own threshold of a large change, or NAN */
double
pm_checks_get_change_threshold (PmIndicator *indicator)
{
  double *fraction;

  g_return_val_if_fail (PM_IS_INDICATOR (indicator), NAN);

  fraction = g_object_get_data (G_OBJECT (indicator), THRESHOLD_KEY);
  return fraction ? *fraction : NAN;
}

static void
add_check (GPtrArray   *checks,
           PmCheckKind  kind,
           PmIndicator *indicator,
           int          year,
           double       value,
           char        *message)
{
  PmCheck *check = g_new0 (PmCheck, 1);

  check->kind = kind;
  check->code = g_strdup (pm_indicator_get_code (indicator));
  check->year = year;
  check->value = value;
  check->message = message;
  g_ptr_array_add (checks, check);
}

static char *
format_percent (double fraction)
{
  return g_strdup_printf ("%.0f%%", fabs (fraction) * 100);
}

/* The series' last value before year, and its year. */
static gboolean
previous_value (GArray *series,
                int     year,
                int    *previous_year,
                double *previous)
{
  for (guint i = series->len; i > 0; i--)
    {
      const PmPoint *point = &g_array_index (series, PmPoint, i - 1);

      if (point->year < year)
        {
          *previous_year = point->year;
          *previous = point->value;
          return TRUE;
        }
    }

  return FALSE;
}

/* The baseline for a target that needs it: the value of the year before
 * the period, else the period's first. */
static double
baseline_value (PmIndicator *indicator,
                GArray      *series)
{
  int before = pm_period_first_year (pm_indicator_get_period (indicator)) - 1;
  double first = NAN;

  for (guint i = 0; i < series->len; i++)
    {
      const PmPoint *point = &g_array_index (series, PmPoint, i);

      if (point->year == before)
        return point->value;
      if (point->year > before && isnan (first))
        first = point->value;
    }

  return first;
}

/**
 * pm_checks_for_value:
 * @indicator: an indicator
 * @year: the year of the value
 * @value: a number entered for that year (the stored value of the year,
 *   if any, is ignored: the value replaces it)
 *
 * Returns: (transfer full) (element-type PmCheck): the warnings about
 * @value, none for a value that looks right
 */
GPtrArray *
pm_checks_for_value (PmIndicator *indicator,
                     int          year,
                     double       value)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_check_free);
  g_autoptr (PmTarget) target = NULL;
  g_autoptr (GArray) series = NULL;
  g_autofree char *shown = NULL;
  const char *unit;
  double previous, threshold;
  int previous_year;

  g_return_val_if_fail (PM_IS_INDICATOR (indicator), checks);

  if (!isfinite (value))
    return checks;

  unit = pm_indicator_get_unit (indicator);
  target = pm_target_new_for_indicator (indicator);
  shown = pm_target_format_value (target, value, unit, 6);

  if (g_strcmp0 (unit, "%") == 0 && (value < 0 || value > 100))
    /* TRANSLATORS: %s is a value with its % sign */
    add_check (checks, PM_CHECK_PERCENT_RANGE, indicator, year, value,
               g_strdup_printf (_("%s is a percentage outside 0–100 %%"), shown));
  if (g_strcmp0 (unit, "‰") == 0 && (value < 0 || value > 1000))
    /* TRANSLATORS: %s is a value with its ‰ sign */
    add_check (checks, PM_CHECK_PER_MILLE_RANGE, indicator, year, value,
               g_strdup_printf (_("%s is a per mille value outside 0–1000 ‰"), shown));

  series = pm_evaluation_collect_series (indicator, year - 1);
  threshold = pm_checks_get_change_threshold (indicator);
  if (isnan (threshold))
    threshold = PM_CHECK_DEFAULT_CHANGE;
  if (previous_value (series, year, &previous_year, &previous))
    {
      double change = previous != 0 ? (value - previous) / fabs (previous) : (value != 0 ? INFINITY : 0);

      if (fabs (change) > threshold)
        {
          g_autofree char *before = pm_target_format_value (target, previous, unit, 6);
          g_autofree char *limit = format_percent (threshold);

          if (!isfinite (change))
            /* TRANSLATORS: %1$s a value, %2$d its year, %3$d the previous year */
            add_check (checks, PM_CHECK_LARGE_CHANGE, indicator, year, value,
                       g_strdup_printf (_("%1$s in %2$d, from 0 in %3$d"), shown, year,
                                        previous_year));
          else
            {
              g_autofree char *by = format_percent (change);

              add_check (checks, PM_CHECK_LARGE_CHANGE, indicator, year, value,
                         change > 0
                           /* TRANSLATORS: "96.5% in 2023 is 58% more than 61% in 2022 (more
                            * than 50% is checked)" */
                           ? g_strdup_printf (_("%1$s in %2$d is %3$s more than %4$s in %5$d "
                                                "(a change of more than %6$s is checked)"),
                                              shown, year, by, before, previous_year, limit)
                           : g_strdup_printf (_("%1$s in %2$d is %3$s less than %4$s in %5$d "
                                                "(a change of more than %6$s is checked)"),
                                              shown, year, by, before, previous_year, limit));
            }
        }
    }

  if (pm_indicator_get_attribute (indicator) == PM_ATTRIBUTE_BINDING &&
      (target->kind == PM_TARGET_COMPARISON || target->kind == PM_TARGET_BAND ||
       target->kind == PM_TARGET_RATIO ||
       (target->kind == PM_TARGET_DIRECTION && target->direction == PM_DIRECTION_INTO_RANGE)))
    {
      PmTargetContext context;

      pm_target_context_init (&context);
      context.baseline = baseline_value (indicator, series);
      if (previous_value (series, year, &previous_year, &previous))
        context.previous = previous;
      if (pm_target_check (target, value, &context) == PM_TARGET_CHECK_NOT_MET)
        {
          g_autofree char *description = pm_target_describe (target, unit);

          /* TRANSLATORS: %1$s a value with its unit, %2$s the target (＜1.5‰) */
          add_check (checks, PM_CHECK_BINDING_TARGET, indicator, year, value,
                     g_strdup_printf (_("%1$s is on the wrong side of the binding target %2$s"),
                                      shown, description));
        }
    }

  return checks;
}

/* Returns: (transfer full) (element-type PmCheck): the warnings about the
 * county value of the year, none when it has no number */
GPtrArray *
pm_checks_for_year (PmIndicator *indicator,
                    int          year)
{
  PmObservation *observation;

  g_return_val_if_fail (PM_IS_INDICATOR (indicator), NULL);

  observation = pm_indicator_find_observation (indicator, year, PM_AREA_COUNTY);
  return pm_checks_for_value (indicator, year,
                              observation ? pm_observation_get_value (observation) : NAN);
}
