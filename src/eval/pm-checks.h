/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pm-types.h"

G_BEGIN_DECLS

/* Checks of a value as it is entered. A check is a warning: the person may
 * confirm the value with a note (the store keeps the note), never a block.
 * The machine names (pm_check_kind_to_string) are those of the project
 * file's check_confirmations.kind. */
typedef enum
{
  PM_CHECK_PERCENT_RANGE,   /* percent-range: a % value outside 0–100 */
  PM_CHECK_PER_MILLE_RANGE, /* per-mille-range: a ‰ value outside 0–1000 */
  PM_CHECK_LARGE_CHANGE,    /* large-change: from the previous value by more than the threshold */
  PM_CHECK_BINDING_TARGET,  /* binding-target: a binding (约束性) target's wrong side */
} PmCheckKind;

#define PM_N_CHECK_KINDS (PM_CHECK_BINDING_TARGET + 1)

/* A change from the previous value of more than this fraction is checked,
 * unless the indicator has a threshold of its own. */
#define PM_CHECK_DEFAULT_CHANGE 0.5

/* One warning about one value. Read the fields. */
typedef struct
{
  PmCheckKind kind;
  char *code;     /* the indicator */
  int year;
  double value;   /* the value checked */
  char *message;  /* what is odd, with the figures, translated */
} PmCheck;

#define PM_TYPE_CHECK (pm_check_get_type ())
GType pm_check_get_type (void) G_GNUC_CONST;
PmCheck *pm_check_copy (const PmCheck *check);
void pm_check_free (PmCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmCheck, pm_check_free)

const char *pm_check_kind_to_string (PmCheckKind kind);
gboolean pm_check_kind_from_string (const char  *text,
                                    PmCheckKind *kind);
const char *pm_check_kind_get_label (PmCheckKind kind);

GPtrArray *pm_checks_for_value (PmIndicator *indicator,
                                int          year,
                                double       value);
GPtrArray *pm_checks_for_year (PmIndicator *indicator,
                               int          year);

/* The indicator's own threshold of a large change (a fraction: 0.5 is
 * 50 %); NAN or ≤ 0 removes it. The store keeps it in the project file. */
void pm_checks_set_change_threshold (PmIndicator *indicator,
                                     double       fraction);
double pm_checks_get_change_threshold (PmIndicator *indicator);

G_END_DECLS
