/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-value-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-csv.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-value-edit.h"

/* The store reads typed numbers (full-width digits, thousands separators,
 * the unit's % or ‰) only in its CSV import: until it offers that reader on
 * its own, a typed value goes through a one-row import, which changes
 * nothing unless the row is good. The import's message for a bad row reads
 * "<summary>\n<Line N>: <reason>"; the reason is what the row shows. */
static char *
import_reason (const char *message)
{
  g_auto (GStrv) lines = g_strsplit (message, "\n", -1);

  for (guint i = 1; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *colon;

      if (*line == '\0')
        continue;
      if ((colon = strstr (line, "：")))
        return g_strdup (g_strstrip (colon + strlen ("：")));
      if ((colon = strstr (line, ": ")))
        return g_strdup (colon + 2);
      return g_strdup (line);
    }

  return g_strdup (message);
}

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
 *   of the indicator's unit: why, in words to show beside the entry
 * @error: set, with FALSE returned, when the store could not write
 *
 * An empty @value_text removes the year's value.
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
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *trimmed = NULL;
  const char *code;
  const char *header[] = { "code", "year", "area", "value", "note", "source", "provisional" };
  const char *fields[7];

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

  year_text = g_strdup_printf ("%d", year);
  fields[0] = code;
  fields[1] = year_text;
  fields[2] = PM_AREA_COUNTY;
  fields[3] = trimmed;
  fields[4] = note ? note : "";
  fields[5] = source ? source : "";
  fields[6] = provisional ? "1" : "0";
  pm_csv_append_record (csv, header, G_N_ELEMENTS (header));
  pm_csv_append_record (csv, fields, G_N_ELEMENTS (fields));

  /* TRANSLATORS: what an edit is called in undo: an indicator code and a year */
  name = g_strdup_printf (_("%s in %d"), code, year);
  if (pm_store_import_csv_data (store, csv->str, csv->len, name, NULL, &local_error))
    return TRUE;

  if (g_error_matches (local_error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID_CSV))
    {
      g_autofree char *reason = import_reason (local_error->message);

      *refused = first_upper (reason);
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
