/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _PmDepartment PmDepartment;
typedef struct _PmDomain PmDomain;
typedef struct _PmIndicator PmIndicator;
typedef struct _PmKeyProject PmKeyProject;
typedef struct _PmObservation PmObservation;
typedef struct _PmPlan PmPlan;
typedef struct _PmProject PmProject;
typedef struct _PmTask PmTask;

/* The two plan periods: the current plans and the previous ones whose
 * results are printed in 专栏1 of each plan. */
typedef enum
{
  PM_PERIOD_2021_2030,
  PM_PERIOD_2011_2020,
} PmPeriod;

/* 指标属性 */
typedef enum
{
  PM_ATTRIBUTE_NONE,
  PM_ATTRIBUTE_BINDING,  /* 约束性 */
  PM_ATTRIBUTE_EXPECTED, /* 预期性 */
} PmAttribute;

/* A department's part in an indicator, task or project. */
typedef enum
{
  PM_ROLE_LEAD,       /* 牵头 */
  PM_ROLE_COOPERATES, /* 配合 */
} PmRole;

#define PM_ERROR (pm_error_quark ())

typedef enum
{
  PM_ERROR_FAILED,
  PM_ERROR_INVALID_TEMPLATE,
  PM_ERROR_INVALID_DATA,
  PM_ERROR_NOT_FOUND,
  PM_ERROR_IO,
} PmError;

GQuark pm_error_quark (void);

const char *pm_period_to_string (PmPeriod period);
gboolean pm_period_from_string (const char *text, PmPeriod *period);
int pm_period_first_year (PmPeriod period);
int pm_period_last_year (PmPeriod period);

const char *pm_attribute_to_printed (PmAttribute attribute);
PmAttribute pm_attribute_from_printed (const char *text);

G_END_DECLS
