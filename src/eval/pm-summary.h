/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-evaluation.h"
#include "pm-types.h"

G_BEGIN_DECLS

typedef enum
{
  PM_SUMMARY_SCOPE_PLAN,
  PM_SUMMARY_SCOPE_DOMAIN,
  PM_SUMMARY_SCOPE_DEPARTMENT, /* the indicators the department leads (牵头) */
} PmSummaryScope;

/* The count per status of a group of indicators. Read the fields. */
typedef struct
{
  PmSummaryScope scope;
  PmPlan *plan;             /* PLAN and DOMAIN; NULL for DEPARTMENT */
  PmDomain *domain;         /* DOMAIN */
  PmDepartment *department; /* DEPARTMENT */
  PmAttribute attribute;    /* PM_ATTRIBUTE_NONE: every indicator of the scope */
  guint n_indicators;
  guint counts[PM_N_STATUSES];
} PmSummaryGroup;

guint pm_summary_group_get_n_measured (const PmSummaryGroup *group);
double pm_summary_group_get_attainment_rate (const PmSummaryGroup *group);

#define PM_TYPE_SUMMARY (pm_summary_get_type ())
G_DECLARE_FINAL_TYPE (PmSummary, pm_summary, PM, SUMMARY, GObject)

PmSummary *pm_summary_new (PmProject *project,
                           PmPeriod   period,
                           int        year);
PmSummary *pm_summary_new_in (PmProject  *project,
                              PmPeriod    period,
                              int         year,
                              PmLanguage  language);
PmSummary *pm_summary_new_for_year (PmProject *project,
                                    int        year);
PmSummary *pm_summary_new_previous_plans (PmProject *project);

PmPeriod pm_summary_get_period (PmSummary *self);
int pm_summary_get_year (PmSummary *self);
PmProject *pm_summary_get_project (PmSummary *self);
GListModel *pm_summary_get_evaluations (PmSummary *self);
GListModel *pm_summary_get_evaluations_binding_first (PmSummary *self);
PmEvaluation *pm_summary_find_evaluation (PmSummary  *self,
                                          const char *code);
guint pm_summary_get_n_groups (PmSummary *self);
const PmSummaryGroup *pm_summary_get_group (PmSummary *self,
                                            guint      position);
char *pm_summary_to_tsv (PmSummary *self);
const PmSummaryGroup *pm_summary_find_group (PmSummary     *self,
                                             PmSummaryScope scope,
                                             gpointer       owner,
                                             PmAttribute    attribute);

G_END_DECLS
