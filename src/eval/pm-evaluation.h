/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-language.h"
#include "pm-target.h"
#include "pm-types.h"

G_BEGIN_DECLS

/* How an indicator stands in a year. The machine names (pm_status_to_string)
 * are stable: they are the words of `plan-monitor --evaluate`. */
typedef enum
{
  PM_STATUS_ACHIEVED,           /* achieved */
  PM_STATUS_ON_TRACK,           /* on-track: progress ratio R ≥ 0.95 */
  PM_STATUS_NEEDS_ACCELERATION, /* needs-acceleration: 0.6 ≤ R < 0.95 */
  PM_STATUS_LIMITED_PROGRESS,   /* limited-progress: 0 ≤ R < 0.6 */
  PM_STATUS_DETERIORATING,      /* deteriorating: R < 0, or the wrong way */
  PM_STATUS_NOT_ACHIEVED,       /* not-achieved: the final year, and not achieved */
  PM_STATUS_NO_TARGET,          /* no-target: —— or empty */
  PM_STATUS_NO_DATA,            /* no-data: no value, or too few to judge */
  PM_STATUS_MANUAL,             /* manual: a person judges, and has not yet */
} PmStatus;

#define PM_N_STATUSES (PM_STATUS_MANUAL + 1)

/* Progress ratio thresholds (Open SDG / Statistics Canada). */
#define PM_PROGRESS_ON_TRACK 0.95
#define PM_PROGRESS_NEEDS_ACCELERATION 0.6

#define PM_TYPE_STATUS (pm_status_get_type ())
GType pm_status_get_type (void) G_GNUC_CONST;

const char *pm_status_to_string (PmStatus status);
gboolean pm_status_from_string (const char *text,
                                PmStatus   *status);
const char *pm_status_get_label (PmStatus status);
const char *pm_status_get_label_in (PmStatus   status,
                                    PmLanguage language);
gboolean pm_status_is_measured (PmStatus status);
gboolean pm_status_from_judgement (const char *text,
                                   PmStatus   *status);

/* One year's value of an indicator's series. */
typedef struct
{
  int year;
  double value;
  /* the value as the 2011–2020 plans print it (34.80), where the series
   * takes it from them; NULL for an observation. Owned by the indicator. */
  const char *printed;
} PmPoint;

GArray *pm_evaluation_collect_series (PmIndicator *indicator,
                                      int          last_year);

/* The indicator's target (county target; 2020 target for a 2011–2020 row),
 * with the project's override applied. */
PmTarget *pm_target_new_for_indicator (PmIndicator *indicator);
gboolean pm_target_set_indicator_override (PmIndicator *indicator,
                                           const char  *override,
                                           GError     **error);
const char *pm_target_get_indicator_override (PmIndicator *indicator);

#define PM_TYPE_EVALUATION (pm_evaluation_get_type ())
G_DECLARE_FINAL_TYPE (PmEvaluation, pm_evaluation, PM, EVALUATION, GObject)

PmEvaluation *pm_evaluate_indicator (PmProject   *project,
                                     PmIndicator *indicator,
                                     int          year);
PmEvaluation *pm_evaluate_indicator_in (PmProject   *project,
                                        PmIndicator *indicator,
                                        int          year,
                                        PmLanguage   language);

PmIndicator *pm_evaluation_get_indicator (PmEvaluation *self);
int pm_evaluation_get_year (PmEvaluation *self);
int pm_evaluation_get_final_year (PmEvaluation *self);
PmStatus pm_evaluation_get_status (PmEvaluation *self);
const PmTarget *pm_evaluation_get_target (PmEvaluation *self);
const char *pm_evaluation_get_explanation (PmEvaluation *self);
int pm_evaluation_get_latest_year (PmEvaluation *self);
double pm_evaluation_get_latest_value (PmEvaluation *self);
int pm_evaluation_get_baseline_year (PmEvaluation *self);
double pm_evaluation_get_baseline_value (PmEvaluation *self);
double pm_evaluation_get_goal (PmEvaluation *self);
double pm_evaluation_get_required_rate (PmEvaluation *self);
double pm_evaluation_get_observed_rate (PmEvaluation *self);
gboolean pm_evaluation_get_linear (PmEvaluation *self);
double pm_evaluation_get_progress_ratio (PmEvaluation *self);
double pm_evaluation_get_projected_value (PmEvaluation *self);
gboolean pm_evaluation_get_judged (PmEvaluation *self);

char *pm_evaluation_format_value (PmEvaluation *self,
                                  double        value);

G_END_DECLS
