/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PM_HISTORY_INSERT,
  PM_HISTORY_UPDATE,
  PM_HISTORY_DELETE,
} PmHistoryAction;

/* What made a change: an edit, an import, or undoing/redoing one. */
typedef enum
{
  PM_HISTORY_ORIGIN_EDIT,
  PM_HISTORY_ORIGIN_IMPORT,
  PM_HISTORY_ORIGIN_UNDO,
  PM_HISTORY_ORIGIN_REDO,
} PmHistoryOrigin;

const char *pm_history_action_to_string (PmHistoryAction action);
const char *pm_history_origin_to_string (PmHistoryOrigin origin);

/* One row of observation_history. Values are NAN where there was none
 * (old_* of an insert, new_* of a delete). */
typedef struct
{
  gint64 id;
  char *code;
  int year;
  char *area;
  PmHistoryAction action;
  PmHistoryOrigin origin;
  double old_value;
  char *old_text;
  char *old_note;
  char *old_source;
  gboolean old_provisional;
  double new_value;
  char *new_text;
  char *new_note;
  char *new_source;
  gboolean new_provisional;
  GDateTime *changed_at;
  char *changed_by;
} PmHistoryEntry;

#define PM_TYPE_HISTORY_ENTRY (pm_history_entry_get_type ())

GType pm_history_entry_get_type (void) G_GNUC_CONST;
PmHistoryEntry *pm_history_entry_copy (const PmHistoryEntry *self);
void pm_history_entry_free (PmHistoryEntry *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmHistoryEntry, pm_history_entry_free)

G_END_DECLS
