/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pm-types.h"

G_BEGIN_DECLS

/* One year of the values table: the value with its unit, note, source and
 * provisional flag, a button for its history, and an inline message when an
 * entry is refused. The row does not write anything: it emits "commit" and
 * its owner stores the entries, then shows the stored observation again. */
#define PM_TYPE_VALUE_ROW (pm_value_row_get_type ())
G_DECLARE_FINAL_TYPE (PmValueRow, pm_value_row, PM, VALUE_ROW, GtkListBoxRow)

GtkWidget *pm_value_row_new (int year);
int pm_value_row_get_year (PmValueRow *self);
void pm_value_row_set_unit (PmValueRow *self,
                            const char *unit);
void pm_value_row_set_observation (PmValueRow    *self,
                                   PmObservation *observation,
                                   const char    *printed);
void pm_value_row_set_editable (PmValueRow *self,
                                gboolean    editable);

const char *pm_value_row_get_value_text (PmValueRow *self);
const char *pm_value_row_get_note (PmValueRow *self);
const char *pm_value_row_get_source (PmValueRow *self);
gboolean pm_value_row_get_provisional (PmValueRow *self);
gboolean pm_value_row_has_value (PmValueRow *self);
gboolean pm_value_row_is_changed (PmValueRow *self);

void pm_value_row_show_error (PmValueRow *self,
                              const char *message);
void pm_value_row_clear_error (PmValueRow *self);
const char *pm_value_row_get_error (PmValueRow *self);

GtkEditable *pm_value_row_get_value_entry (PmValueRow *self);
GtkEditable *pm_value_row_get_note_entry (PmValueRow *self);
GtkEditable *pm_value_row_get_source_entry (PmValueRow *self);
GtkCheckButton *pm_value_row_get_provisional_check (PmValueRow *self);
void pm_value_row_commit (PmValueRow *self);

G_END_DECLS
