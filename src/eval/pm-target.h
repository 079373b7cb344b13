/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a target string of the plans means once parsed. */
typedef enum
{
  PM_TARGET_NONE,       /* —— or empty: no target */
  PM_TARGET_COMPARISON, /* ≥82.3, ＜8, 100 (a bare number is a level to reach: ≥) */
  PM_TARGET_BAND,       /* 45左右: within [low, high] */
  PM_TARGET_RATIO,      /* 2:3: the observed b/a reaches ratio_b / ratio_a */
  PM_TARGET_DIRECTION,  /* 提高, 逐年提高, 降低, 得到控制, 明显降低, 趋于平衡 … */
  PM_TARGET_RELATIVE,   /* 不低于本地区党员总数中女性比例, 以2010年为基数下降1/6 */
  PM_TARGET_MANUAL,     /* 保持合理比例, or any text not understood: a person judges */
} PmTargetKind;

typedef enum
{
  PM_COMPARISON_GE, /* ≥ */
  PM_COMPARISON_GT, /* > */
  PM_COMPARISON_LE, /* ≤ */
  PM_COMPARISON_LT, /* < */
  PM_COMPARISON_EQ, /* = */
} PmComparison;

/* Direction targets are judged against the baseline (the 2020 value through
 * the predecessor, else the first value of the period). */
typedef enum
{
  PM_DIRECTION_HIGHER,             /* 提高 提升 增加 逐步提高 巩固提高 … */
  PM_DIRECTION_HIGHER_EVERY_YEAR,  /* 逐年提高 */
  PM_DIRECTION_LOWER,              /* 降低 下降 减少 */
  PM_DIRECTION_LOWER_EVERY_YEAR,   /* 逐年降低 */
  PM_DIRECTION_NOT_ABOVE_BASELINE, /* 得到控制, 控制 */
  PM_DIRECTION_MARKEDLY_LOWER,     /* 明显降低: at least `margin` below the baseline */
  PM_DIRECTION_INTO_RANGE,         /* 趋于平衡: into [low, high] (sex ratio at birth 103–107) */
} PmDirection;

typedef enum
{
  PM_RELATIVE_INDICATOR, /* compared (`comparison`) with the same year's value of `reference` */
  PM_RELATIVE_BASE_YEAR, /* compared with `value` × the value of `base_year` */
} PmRelativeKind;

typedef struct _PmTarget PmTarget;

/* A parsed target: a plain boxed struct, read its fields directly. Fields
 * that do not apply to the kind are 0 / NAN / NULL. */
struct _PmTarget
{
  PmTargetKind kind;
  char *text;        /* the target as printed, trimmed; never NULL */
  char *override;    /* the project's override of the numbers, or NULL */
  gboolean percent;  /* a % sign was printed (90%) */
  gboolean per_mille;

  /* COMPARISON; RELATIVE: how the value must compare with the reference */
  PmComparison comparison;

  /* COMPARISON: the threshold; BAND: the centre (NAN for a range given as
   * low–high); RATIO: ratio_b / ratio_a; RELATIVE BASE_YEAR: the factor of
   * the base year's value (5/6 for 下降1/6) */
  double value;

  /* BAND and DIRECTION INTO_RANGE: the inclusive range */
  double low;
  double high;

  /* RATIO a:b */
  double ratio_a;
  double ratio_b;

  /* DIRECTION */
  PmDirection direction;
  double margin; /* MARKEDLY_LOWER: the fraction below the baseline (0.10) */

  /* RELATIVE */
  PmRelativeKind relative;
  char *reference;      /* INDICATOR: the code of the indicator compared with */
  char *reference_name; /* INDICATOR: the words of the plan that name it */
  int base_year;        /* BASE_YEAR: 2010 */
};

/* What a judgement needs besides the value itself. Fill with
 * pm_target_context_init () then set what is known; NAN is "unknown". */
typedef struct
{
  double baseline;   /* the baseline value (directions, 明显降低) */
  double previous;   /* the value of the previous year with data (逐年提高) */
  double reference;  /* RELATIVE INDICATOR: the referenced indicator, same year */
  double base_value; /* RELATIVE BASE_YEAR: the value of base_year */
} PmTargetContext;

typedef enum
{
  PM_TARGET_CHECK_UNKNOWN, /* cannot be judged: no target, manual, or a figure missing */
  PM_TARGET_CHECK_MET,
  PM_TARGET_CHECK_NOT_MET,
} PmTargetCheck;

/* Fraction of X for the default band of X左右 (±5 %). */
#define PM_TARGET_BAND_FRACTION 0.05
/* 明显降低: at least 10 % below the baseline. */
#define PM_TARGET_MARKED_FRACTION 0.10
/* 趋于平衡 (sex ratio at birth, boys per 100 girls). */
#define PM_TARGET_BALANCE_LOW 103.0
#define PM_TARGET_BALANCE_HIGH 107.0

#define PM_TYPE_TARGET (pm_target_get_type ())
GType pm_target_get_type (void) G_GNUC_CONST;

PmTarget *pm_target_parse (const char *text);
PmTarget *pm_target_copy (const PmTarget *target);
void pm_target_free (PmTarget *target);

PmTarget *pm_target_apply_override (const PmTarget *target,
                                    const char     *override,
                                    GError        **error);

char *pm_target_describe (const PmTarget *target,
                          const char     *unit);
gboolean pm_target_is_measurable (const PmTarget *target);
gboolean pm_target_is_lower_better (const PmTarget *target);
gboolean pm_target_needs_baseline (const PmTarget *target);

void pm_target_context_init (PmTargetContext *context);
PmTargetCheck pm_target_check (const PmTarget        *target,
                               double                 value,
                               const PmTargetContext *context);
gboolean pm_target_is_met (const PmTarget        *target,
                           double                 value,
                           const PmTargetContext *context);
gboolean pm_target_get_goal (const PmTarget        *target,
                             const PmTargetContext *context,
                             double                 value,
                             double                *goal,
                             gboolean              *lower_better);

gboolean pm_target_parse_ratio (const char *text,
                                double     *value);
char *pm_target_format_value (const PmTarget *target,
                              double          value,
                              const char     *unit,
                              int             max_decimals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmTarget, pm_target_free)

G_END_DECLS
