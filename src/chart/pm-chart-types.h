/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pm-language.h"

G_BEGIN_DECLS

/* How a chart looks. Every style draws the same content. */
typedef enum
{
  PM_CHART_STYLE_SCREEN,      /* light window background */
  PM_CHART_STYLE_SCREEN_DARK, /* dark window background */
  PM_CHART_STYLE_PRINT,       /* black and white safe: dashes, markers, hatching */
  PM_CHART_STYLE_SLIDE,       /* 16:9, type sized from the height for a projector */
} PmChartStyle;

#define PM_CHART_N_STYLES 4

/* The kinds of target the evaluation knows (see src/eval/pm-target.h),
 * as far as a chart needs them. */
typedef enum
{
  PM_CHART_TARGET_NONE,       /* no target (——, or an empty cell) */
  PM_CHART_TARGET_COMPARISON, /* ≥ > ≤ < = a value: a line */
  PM_CHART_TARGET_BAND,       /* X左右: a band from low to high */
  PM_CHART_TARGET_RATIO,      /* 2:3: a line at the ratio's value, labelled as printed */
  PM_CHART_TARGET_DIRECTION,  /* 提高, 降低, 得到控制…: an arrow and the words */
  PM_CHART_TARGET_RELATIVE,   /* against another figure: a line where it is known */
  PM_CHART_TARGET_MANUAL,     /* judged by a person: the printed text */
} PmChartTargetKind;

typedef enum
{
  PM_CHART_OP_GE,
  PM_CHART_OP_GT,
  PM_CHART_OP_LE,
  PM_CHART_OP_LT,
  PM_CHART_OP_EQ,
} PmChartOp;

/* The evaluation's statuses, as colour keys. */
typedef enum
{
  PM_CHART_STATUS_NONE,               /* not evaluated: no status shown */
  PM_CHART_STATUS_ACHIEVED,
  PM_CHART_STATUS_ON_TRACK,
  PM_CHART_STATUS_NEEDS_ACCELERATION,
  PM_CHART_STATUS_LIMITED_PROGRESS,
  PM_CHART_STATUS_DETERIORATING,
  PM_CHART_STATUS_NOT_ACHIEVED,
  PM_CHART_STATUS_NO_TARGET,
  PM_CHART_STATUS_NO_DATA,
  PM_CHART_STATUS_MANUAL,
} PmChartStatus;

#define PM_CHART_N_STATUSES 10

/* The Pango font family and language of every chart. */
#define PM_CHART_FONT_FAMILY "Noto Sans CJK SC"
#define PM_CHART_LANGUAGE "zh-cn"

gboolean pm_chart_style_from_string (const char   *text,
                                     PmChartStyle *style);
const char *pm_chart_style_to_string (PmChartStyle style);
void pm_chart_style_get_default_size (PmChartStyle style,
                                      int         *width,
                                      int         *height);

const char *pm_chart_status_to_label (PmChartStatus status,
                                      PmLanguage    language);
const char *pm_chart_status_to_string (PmChartStatus status);
gboolean pm_chart_status_from_string (const char    *text,
                                      PmChartStatus *status);
const char *pm_chart_op_to_string (PmChartOp op);

G_END_DECLS
