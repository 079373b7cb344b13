/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pm-chart-types.h"
#include "pm-language.h"

G_BEGIN_DECLS

/* The plain input of the charts. The drawing code reads only these structs:
 * tests fill them directly, pm-chart-builder.h fills them from a project and
 * its evaluation. Strings are owned by the struct; numbers that are not known
 * are NAN. */

typedef enum
{
  PM_TREND_POINT_DEFAULT = 0,
  PM_TREND_POINT_HISTORY = 1 << 0,     /* printed in 专栏1 of the 2011–2020 plans */
  PM_TREND_POINT_PROVISIONAL = 1 << 1, /* reported, not yet final */
} PmTrendPointFlags;

typedef struct
{
  int year;
  double value; /* NAN: the year is known to have no value (a gap) */
  PmTrendPointFlags flags;
  char *printed; /* the value as the plan prints it (98.90, 34.80, 23%), which
                  * labels show; NULL: an observation, shown by its number */
} PmTrendPoint;

typedef struct
{
  PmChartTargetKind kind;
  PmChartOp op;     /* comparison, relative */
  double value;     /* comparison, ratio, relative (NAN if not known); band centre */
  double low;       /* band */
  double high;      /* band */
  int direction;    /* direction: +1 up, -1 down, 0 hold or control */
  char *text;       /* the target as printed, e.g. “≥82.3”, “45左右”, “逐年提高” */
} PmTrendTarget;

typedef struct
{
  char *code;
  char *title;           /* the indicator's name */
  char *unit;

  int first_year;        /* x axis, 2010 */
  int last_year;         /* x axis, 2030 */
  int period_start_year; /* where the target's span starts: 2020 for the 2021–2030 plans */
  int target_year;       /* 2030, or 2020 for a 2011–2020 row */
  int midterm_year;      /* 2025; 0 for none */

  GArray *points;        /* PmTrendPoint, sorted by year */

  PmTrendTarget target;
  gboolean lower_is_better;

  /* the required path: a straight line from the baseline to the target */
  int baseline_year;     /* 0: no baseline */
  double baseline_value;
  double required_value; /* at target_year; NAN: no required path */

  /* the projection from the observed trend */
  int projection_from_year; /* 0: no projection */
  double projection_from_value;
  double projected_value;   /* at target_year */

  PmChartStatus status;
  char *status_label;    /* the status word; NULL: pm_chart_status_to_label () */
  char *explanation;     /* one line with the numbers behind the status */
  char *footnote;        /* departments, attribute, data source */
  PmLanguage language;   /* of the chart's own words: zh_CN unless set */
} PmTrendData;

#define PM_TYPE_TREND_DATA (pm_trend_data_get_type ())

GType pm_trend_data_get_type (void) G_GNUC_CONST;
PmTrendData *pm_trend_data_new (void);
PmTrendData *pm_trend_data_copy (const PmTrendData *self);
void pm_trend_data_free (PmTrendData *self);

void pm_trend_data_set_title (PmTrendData *self,
                              const char  *title);
void pm_trend_data_set_unit (PmTrendData *self,
                             const char  *unit);
void pm_trend_data_set_target (PmTrendData       *self,
                               PmChartTargetKind  kind,
                               const char        *text);
void pm_trend_data_set_status (PmTrendData   *self,
                               PmChartStatus  status,
                               const char    *label,
                               const char    *explanation);
void pm_trend_data_set_footnote (PmTrendData *self,
                                 const char  *footnote);
void pm_trend_data_add_point (PmTrendData      *self,
                              int               year,
                              double            value,
                              PmTrendPointFlags flags);
void pm_trend_data_add_printed_point (PmTrendData      *self,
                                      int               year,
                                      double            value,
                                      PmTrendPointFlags flags,
                                      const char       *printed);
char *pm_trend_point_dup_label (const PmTrendPoint *point);
guint pm_trend_data_count_values (const PmTrendData *self);
const PmTrendPoint *pm_trend_data_get_latest (const PmTrendData *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmTrendData, pm_trend_data_free)

/* One row of the status summary: a domain (or plan, or department). */
typedef struct
{
  char *label;
  guint counts[PM_CHART_N_STATUSES];
  double rate; /* attainment rate 0…1 (达标率); NAN where none can be given */
  gboolean total; /* a row of totals: set apart by a rule, in bold */
  /* Where the rows are shown in a column per group (both plans on a
   * slide): the group's name heads the column, and the row is named by
   * short_label (全部领域 for 云阳县妇女发展规划（2021—2030年）：全部领域).
   * NULL: no group, the label. */
  char *group;
  char *short_label;
} PmSummaryRow;

typedef struct
{
  char *title;
  char *subtitle;
  char *footnote;
  PmLanguage language; /* of the chart's own words: zh_CN unless set */
  GPtrArray *rows; /* PmSummaryRow */
} PmSummaryData;

#define PM_TYPE_SUMMARY_DATA (pm_summary_data_get_type ())

GType pm_summary_data_get_type (void) G_GNUC_CONST;
PmSummaryData *pm_summary_data_new (const char *title);
PmSummaryData *pm_summary_data_copy (const PmSummaryData *self);
void pm_summary_data_free (PmSummaryData *self);
PmSummaryRow *pm_summary_data_add_row (PmSummaryData *self,
                                       const char    *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmSummaryData, pm_summary_data_free)

G_END_DECLS
