/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include "pm-history-entry.h"

G_DEFINE_BOXED_TYPE (PmHistoryEntry, pm_history_entry, pm_history_entry_copy,
                     pm_history_entry_free)

/* Returns: the action as stored in observation_history.action */
const char *
pm_history_action_to_string (PmHistoryAction action)
{
  switch (action)
    {
    case PM_HISTORY_INSERT:
      return "insert";
    case PM_HISTORY_UPDATE:
      return "update";
    case PM_HISTORY_DELETE:
      return "delete";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: the origin as stored in observation_history.origin */
const char *
pm_history_origin_to_string (PmHistoryOrigin origin)
{
  switch (origin)
    {
    case PM_HISTORY_ORIGIN_EDIT:
      return "edit";
    case PM_HISTORY_ORIGIN_IMPORT:
      return "import";
    case PM_HISTORY_ORIGIN_UNDO:
      return "undo";
    case PM_HISTORY_ORIGIN_REDO:
      return "redo";
    default:
      g_return_val_if_reached (NULL);
    }
}

PmHistoryEntry *
pm_history_entry_copy (const PmHistoryEntry *self)
{
  PmHistoryEntry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->code = g_strdup (self->code);
  copy->area = g_strdup (self->area);
  copy->old_text = g_strdup (self->old_text);
  copy->old_note = g_strdup (self->old_note);
  copy->old_source = g_strdup (self->old_source);
  copy->new_text = g_strdup (self->new_text);
  copy->new_note = g_strdup (self->new_note);
  copy->new_source = g_strdup (self->new_source);
  copy->changed_at = self->changed_at ? g_date_time_ref (self->changed_at) : NULL;
  copy->changed_by = g_strdup (self->changed_by);

  return copy;
}

void
pm_history_entry_free (PmHistoryEntry *self)
{
  if (self == NULL)
    return;

  g_free (self->code);
  g_free (self->area);
  g_free (self->old_text);
  g_free (self->old_note);
  g_free (self->old_source);
  g_free (self->new_text);
  g_free (self->new_note);
  g_free (self->new_source);
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  g_free (self->changed_by);
  g_free (self);
}
