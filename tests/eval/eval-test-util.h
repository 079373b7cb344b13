/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the eval tests. Every value they record is SYNTHETIC test data,
 * made up to drive a case: none of it is a real figure of the county. */
#pragma once

#include "pm-department.h"
#include "pm-domain.h"
#include "pm-evaluation.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-summary.h"
#include "pm-target.h"

G_BEGIN_DECLS

PmProject *eval_test_load_template (void);

PmProject *eval_test_project_new (void);
PmIndicator *eval_test_add_indicator (PmProject   *project,
                                      const char  *code,
                                      const char  *plan_key,
                                      const char  *domain_name,
                                      const char  *county_target,
                                      PmAttribute  attribute,
                                      const char  *department);

void eval_test_observe (PmIndicator *indicator,
                        int          year,
                        double       value);
void eval_test_observe_text (PmIndicator *indicator,
                             int          year,
                             const char  *text);

PmEvaluation *eval_test_evaluate (PmProject  *project,
                                  const char *code,
                                  int         year);

G_END_DECLS
