/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-value-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-value-edit.h"

static char *
first_upper (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_toupper (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

/**
 * pm_value_edit_store:
 * @refused: (out): set, with FALSE returned, when the value is not a number
 *   of the indicator's unit (nor, for a manual target, a judgement): why, in
 *   words to show beside the entry
 * @error: set, with FALSE returned, when the store could not write
 *
 * An empty @value_text removes the year's value. A judgement (已达标 …) typed
 * for a manual target keeps the year's number, and a number keeps the
 * judgement.
 */
gboolean
pm_value_edit_store (PmStore     *store,
                     PmIndicator *indicator,
                     int          year,
                     const char  *value_text,
                     const char  *note,
                     const char  *source,
                     gboolean     provisional,
                     char       **refused,
                     GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  const char *code;
  double value;

  g_return_val_if_fail (PM_IS_STORE (store), FALSE);
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (refused != NULL && *refused == NULL, FALSE);

  code = pm_indicator_get_code (indicator);
  trimmed = g_strstrip (g_strdup (value_text ? value_text : ""));

  if (*trimmed == '\0')
    {
      if (pm_indicator_find_observation (indicator, year, PM_AREA_COUNTY) == NULL)
        return TRUE;
      return pm_store_delete_observation (store, code, year, PM_AREA_COUNTY, error);
    }

  /* the store's one reader of values: full-width digits, thousands
   * separators, the unit's % or ‰, or a judgement of a manual target (which
   * keeps the year's number, as a number keeps the judgement) */
  if (!pm_store_read_typed_value (indicator, year, trimmed, &value, &text, &reason))
    {
      *refused = first_upper (reason);
      return FALSE;
    }

  return pm_store_set_observation (store, code, year, PM_AREA_COUNTY, value, text, note, source,
                                   provisional, error);
}
