/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-checks.h"
#include "pm-csv.h"
#include "pm-export-file.h"
#include "pm-evaluation.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"
#include "pm-store-private.h"

/* Observations as CSV, for the departments' spreadsheets: a header row with
 * code, year and value (any order), optionally area, note, source and
 * provisional. An import is all or nothing: every row is checked first, and
 * a file with any bad row changes nothing and is answered with the list of
 * all bad rows. The export writes the same columns so that exporting,
 * importing and exporting again gives the same file. */

static const char *const columns[] = {
  "code", "year", "area", "value", "note", "source", "provisional", "judgement",
};

/* judgement: a person's judgement of a manual target (已达标 …) where the
 * year also has a number; the export writes the column only then. */
enum { COLUMN_CODE, COLUMN_YEAR, COLUMN_AREA, COLUMN_VALUE, COLUMN_NOTE, COLUMN_SOURCE,
       COLUMN_PROVISIONAL, COLUMN_JUDGEMENT, N_COLUMNS };

static char *visible (const char *text);

/* Returns: (transfer full): text without the white space (any, also the
 * ideographic space U+3000) at its ends */
static char *
trim (const char *text)
{
  const char *start = text ? text : "";
  const char *end;

  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

/* Returns: (transfer full): text in NFKC (full-width digits, letters, ％ and
 * ，become ASCII; the ideographic space a space), trimmed */
static char *
normalize (const char *text)
{
  char *normal;
  const char *p;

  for (p = text ? text : ""; *p && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0') /* ASCII is its own NFKC: most values of an import */
    return g_strstrip (g_strdup (text ? text : ""));

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return g_strdup ("");

  return g_strstrip (normal);
}

static gboolean
all_digits (const char *start,
            const char *end)
{
  if (start == end)
    return FALSE;
  for (const char *p = start; p < end; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Digits with optional thousands separators: 1234, 1,234, 12,345,678 */
static gboolean
is_integer_part (const char *start,
                 const char *end)
{
  const char *comma = memchr (start, ',', end - start);
  const char *group;

  if (comma == NULL)
    return all_digits (start, end);

  if (comma - start < 1 || comma - start > 3 || !all_digits (start, comma))
    return FALSE;

  for (group = comma; group < end; group += 4)
    if (end - group < 4 || group[0] != ',' || !all_digits (group + 1, group + 4))
      return FALSE;

  return TRUE;
}

/**
 * pm_store_parse_number:
 * @field: a value as printed: "12.5", "１２.５", "1,234", "95%", "3‰", "−2", "1e-09"
 * @unit: the indicator's unit: a % or ‰ sign must match it
 * @value: (out): the number
 * @printed: (out): the field, trimmed, when it is not the plain way of
 *   writing the number (pm_csv_format_number); NULL when it is
 * @reason: (out): why it is not a number
 */
gboolean
pm_store_parse_number (const char *field,
                       const char *unit,
                       double     *value,
                       char      **printed,
                       char      **reason)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *shown = NULL;
  const char *sign_unit = NULL;
  const char *p, *end, *dot, *exponent;
  gsize length;

  *value = NAN;
  *printed = NULL;
  *reason = NULL;

  trimmed = trim (field);
  /* U+2212 MINUS SIGN is not folded by NFKC */
  if (strstr (trimmed, "−"))
    {
      g_auto (GStrv) parts = g_strsplit (trimmed, "−", -1);
      g_autofree char *joined = g_strjoinv ("-", parts);

      normal = normalize (joined);
    }
  else
    normal = normalize (trimmed);

  if (*normal == '\0')
    {
      *reason = g_strdup (_("there is no value"));
      return FALSE;
    }

  length = strlen (normal);
  if (g_str_has_suffix (normal, "%"))
    sign_unit = "%";
  else if (g_str_has_suffix (normal, "‰"))
    sign_unit = "‰";
  if (sign_unit)
    {
      normal[length - strlen (sign_unit)] = '\0';
      g_strchomp (normal);
      if (g_strcmp0 (unit, sign_unit) != 0)
        {
          shown = visible (trimmed);
          if (unit == NULL || *unit == '\0')
            *reason = g_strdup_printf (_("the value “%s” has a %s sign, but the indicator has "
                                         "no unit"), shown, sign_unit);
          else
            *reason = g_strdup_printf (_("the value “%s” has a %s sign, but the indicator's "
                                         "unit is “%s”"), shown, sign_unit, unit);
          return FALSE;
        }
    }

  p = normal;
  end = normal + strlen (normal);
  if (*p == '-' || *p == '+')
    p++;

  /* an exponent, as the export writes very small or large numbers and
   * spreadsheets write big ones: 1e-09, 1.23E+11 */
  exponent = p;
  while (exponent < end && *exponent != 'e' && *exponent != 'E')
    exponent++;
  if (exponent < end)
    {
      const char *exponent_digits = exponent + 1;

      if (exponent_digits < end && (*exponent_digits == '+' || *exponent_digits == '-'))
        exponent_digits++;
      if (!all_digits (exponent_digits, end) || memchr (p, ',', exponent - p))
        {
          shown = visible (trimmed);
          *reason = g_strdup_printf (_("the value “%s” is not a number"), shown);
          return FALSE;
        }
    }

  dot = memchr (p, '.', exponent - p);
  if (!((dot == NULL && is_integer_part (p, exponent)) ||
        (dot && (dot == p || is_integer_part (p, dot)) && all_digits (dot + 1, exponent))))
    {
      shown = visible (trimmed);
      *reason = g_strdup_printf (_("the value “%s” is not a number"), shown);
      return FALSE;
    }

  if (memchr (p, ',', end - p))
    {
      g_autoptr (GString) digits = g_string_new (normal[0] == '-' ? "-" : NULL);

      for (; p < end; p++)
        if (*p != ',')
          g_string_append_c (digits, *p);
      *value = g_ascii_strtod (digits->str, NULL);
    }
  else /* the sign, then digits, a dot and an exponent only */
    *value = g_ascii_strtod (normal, NULL);
  if (!isfinite (*value))
    {
      shown = visible (trimmed);
      *reason = g_strdup_printf (_("the value “%s” is not a number"), shown);
      return FALSE;
    }
  if (*value == 0)
    *value = 0; /* no negative zero */

  plain = pm_csv_format_number (*value);
  if (g_strcmp0 (plain, trimmed) != 0)
    *printed = g_steal_pointer (&trimmed);

  return TRUE;
}

/* Returns: whether a person judges the indicator's target (manual): its
 * values may then carry a judgement (已达标 …) */
gboolean
pm_store_indicator_is_judged (PmIndicator *indicator)
{
  g_autoptr (PmTarget) target = NULL;

  g_return_val_if_fail (PM_IS_INDICATOR (indicator), FALSE);

  target = pm_target_new_for_indicator (indicator);
  return target->kind == PM_TARGET_MANUAL;
}

/* Returns: whether text is a judgement of a manual target (已达标, 未达标,
 * achieved …), as the evaluation reads it */
gboolean
pm_store_text_is_judgement (const char *text)
{
  PmStatus status;

  return pm_status_from_judgement (text, &status);
}

/**
 * pm_store_read_value:
 * @indicator: the indicator the value belongs to
 * @field: what a person typed or a file holds
 * @value: (out): the number, NAN for a judgement
 * @text: (out): how it was printed when that is not the plain way of
 *   writing the number, or the judgement; NULL otherwise
 * @reason: (out): why it is not a value of the indicator
 */
gboolean
pm_store_read_value (PmIndicator *indicator,
                     const char  *field,
                     double      *value,
                     char       **text,
                     char       **reason)
{
  g_autofree char *why = NULL;

  g_return_val_if_fail (PM_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (value != NULL && text != NULL && reason != NULL, FALSE);

  if (pm_store_parse_number (field, pm_indicator_get_unit (indicator), value, text, &why))
    return TRUE;

  if (pm_store_text_is_judgement (field))
    {
      g_autofree char *trimmed = trim (field);
      g_autofree char *shown = NULL;

      if (pm_store_indicator_is_judged (indicator))
        {
          *text = g_steal_pointer (&trimmed);
          *reason = NULL;
          return TRUE;
        }
      shown = visible (trimmed);
      *reason = g_strdup_printf (_("“%s” is a judgement, but the target of %s is a figure "
                                   "that is measured, not one a person judges"),
                                 shown, pm_indicator_get_code (indicator));
      return FALSE;
    }

  *reason = g_steal_pointer (&why);
  return FALSE;
}

static gboolean
parse_provisional (const char *field,
                   gboolean   *provisional)
{
  g_autofree char *normal = NULL;
  g_autofree char *lower = NULL;
  const char *yes[] = { "1", "yes", "y", "true", "是", NULL };
  const char *no[] = { "", "0", "no", "n", "false", "否", NULL };

  /* as our export writes it */
  if (field == NULL || g_str_equal (field, "") || g_str_equal (field, "0"))
    {
      *provisional = FALSE;
      return TRUE;
    }
  if (g_str_equal (field, "1"))
    {
      *provisional = TRUE;
      return TRUE;
    }

  normal = normalize (field);
  lower = g_utf8_strdown (normal, -1);
  if (g_strv_contains (yes, lower))
    *provisional = TRUE;
  else if (g_strv_contains (no, lower))
    *provisional = FALSE;
  else
    return FALSE;

  return TRUE;
}

/* Returns: (transfer full): a note or source, trimmed, its line breaks as
 * "\n"; NULL when empty or (with *bad set) when it holds a control character */
static char *
clean_text (const char *field,
            gboolean   *bad)
{
  g_autoptr (GString) text = NULL;
  g_autofree char *trimmed = trim (field);
  const char *q;

  /* most texts hold no control character at all: themselves */
  for (q = trimmed; *q && (guchar) *q >= 0x20; q++)
    ;
  if (*q == '\0')
    return *trimmed ? g_steal_pointer (&trimmed) : NULL;

  text = g_string_new (NULL);
  for (const char *p = trimmed; *p; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (text, '\n');
          continue;
        }
      if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
        {
          *bad = TRUE;
          return NULL;
        }
      g_string_append_c (text, *p);
    }

  if (text->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  guint line;
  PmIndicator *indicator;
  int year;
  char *area;
  double value;
  char *text;
  char *note;
  char *source;
  gboolean provisional;
} Row;

static void
row_free (Row *row)
{
  g_free (row->area);
  g_free (row->text);
  g_free (row->note);
  g_free (row->source);
  g_free (row);
}

static char *
observation_key (const char *code,
                 int         year,
                 const char *area)
{
  return g_strdup_printf ("%s\x1f%d\x1f%s", code, year, area);
}

static gboolean
is_invisible (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Returns: (transfer full): text as a message shows it: at most
 * PM_CSV_MESSAGE_CHARS characters, an invisible or control character
 * written as \uXXXX */
static char *
visible (const char *text)
{
  g_autofree char *shortened = pm_csv_shorten (text, PM_CSV_MESSAGE_CHARS);
  GString *out = g_string_new (NULL);

  for (const char *p = shortened; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Returns: the first invisible character of text, 0 if none */
static gunichar
find_invisible (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (is_invisible (g_utf8_get_char (p)))
      return g_utf8_get_char (p);

  return 0;
}

/* Reads the header; fills index[column] (-1: absent). */
static gboolean
read_header (GStrv          header,
             int           *index,
             PmCsvProblems *problems)
{
  guint n = g_strv_length (header);
  gboolean ok = TRUE;

  for (int c = 0; c < N_COLUMNS; c++)
    index[c] = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *normal = normalize (header[i]);
      g_autofree char *name = g_utf8_strdown (normal, -1);
      int column = -1;

      for (int c = 0; c < N_COLUMNS; c++)
        if (g_strcmp0 (name, columns[c]) == 0)
          column = c;

      if (column < 0 && find_invisible (header[i]))
        {
          g_autofree char *shown = visible (header[i]);

          pm_csv_problems_add (problems,
                               _("Line 1: column %u “%s” contains an invisible character "
                                 "U+%04X\n"),
                               i + 1, shown, find_invisible (header[i]));
          ok = FALSE;
        }
      else if (column < 0)
        {
          g_autofree char *shown = visible (header[i]);

          pm_csv_problems_add (problems,
                               _("Line 1: unknown column “%s” (the columns are code, year, "
                                 "value and optionally area, note, source, provisional, "
                                 "judgement)\n"),
                               shown);
          ok = FALSE;
        }
      else if (index[column] >= 0)
        {
          pm_csv_problems_add (problems, _("Line 1: the column “%s” appears twice\n"),
                               columns[column]);
          ok = FALSE;
        }
      else
        index[column] = (int) i;
    }

  for (int c = COLUMN_CODE; c <= COLUMN_VALUE; c++)
    if (c != COLUMN_AREA && index[c] < 0)
      {
        pm_csv_problems_add (problems, _("Line 1: the column “%s” is missing\n"), columns[c]);
        ok = FALSE;
      }

  return ok;
}

static const char *
field_at (GStrv       fields,
          const int  *index,
          int         column)
{
  if (index[column] < 0 || (guint) index[column] >= g_strv_length (fields))
    return NULL;

  return fields[index[column]];
}

/* Checks one row; on a problem appends "Line N: reason" and returns NULL. */
static Row *
read_row (PmProject     *project,
          GStrv          fields,
          guint          line,
          const int     *index,
          PmCsvProblems *problems)
{
  g_autofree char *code = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *area = NULL;
  g_autofree char *text = NULL;
  g_autofree char *judgement = NULL;
  const char *raw;
  PmIndicator *indicator;
  gboolean bad_text = FALSE;
  gint64 year;
  double value;
  Row *row;

  {
    g_autofree char *normal = normalize (field_at (fields, index, COLUMN_CODE));

    code = g_ascii_strup (normal, -1);
  }
  if (*code == '\0')
    {
      pm_csv_problems_add (problems, _("Line %u: there is no indicator code\n"), line);
      return NULL;
    }
  if (!(indicator = pm_project_find_indicator (project, code)))
    {
      g_autofree char *shown = visible (code);

      pm_csv_problems_add (problems, _("Line %u: unknown indicator code “%s”\n"), line, shown);
      return NULL;
    }

  year_text = normalize (field_at (fields, index, COLUMN_YEAR));
  if (!all_digits (year_text, year_text + strlen (year_text)) || strlen (year_text) > 6)
    {
      g_autofree char *shown = visible (field_at (fields, index, COLUMN_YEAR));

      pm_csv_problems_add (problems, _("Line %u: the year “%s” is not a whole number\n"),
                           line, shown);
      return NULL;
    }
  year = g_ascii_strtoll (year_text, NULL, 10);
  if (year < PM_STORE_FIRST_YEAR || year > PM_STORE_LAST_YEAR)
    {
      pm_csv_problems_add (problems, _("Line %u: the year %d is outside %d–%d\n"), line,
                              (int) year, PM_STORE_FIRST_YEAR, PM_STORE_LAST_YEAR);
      return NULL;
    }

  judgement = trim (field_at (fields, index, COLUMN_JUDGEMENT));
  if (*judgement)
    {
      g_autofree char *number = trim (field_at (fields, index, COLUMN_VALUE));
      g_autofree char *printed = NULL;

      if (!pm_store_indicator_is_judged (indicator))
        {
          pm_csv_problems_add (problems,
                                  _("Line %u: %s has a judgement, but its target is a figure "
                                    "that is measured, not one a person judges\n"),
                                  line, code);
          return NULL;
        }
      if (!pm_store_text_is_judgement (judgement))
        {
          g_autofree char *shown = visible (judgement);

          pm_csv_problems_add (problems,
                               _("Line %u: “%s” is not a judgement (write 已达标, 未达标, "
                                 "进度正常, 需加快进度, 进展缓慢 or 出现倒退)\n"),
                               line, shown);
          return NULL;
        }
      value = NAN;
      if (*number && !pm_store_parse_number (number, pm_indicator_get_unit (indicator), &value,
                                             &printed, &reason))
        {
          pm_csv_problems_add (problems, _("Line %u: %s\n"), line, reason);
          return NULL;
        }
      text = g_steal_pointer (&judgement);
    }
  else if (!pm_store_read_value (indicator, field_at (fields, index, COLUMN_VALUE), &value, &text,
                                 &reason))
    {
      pm_csv_problems_add (problems, _("Line %u: %s\n"), line, reason);
      return NULL;
    }

  raw = field_at (fields, index, COLUMN_AREA);
  area = clean_text (raw, &bad_text);
  if (bad_text || (area && strchr (area, '\n')))
    {
      pm_csv_problems_add (problems, _("Line %u: the area holds a control character\n"),
                              line);
      return NULL;
    }

  row = g_new0 (Row, 1);
  row->line = line;
  row->indicator = indicator;
  row->year = (int) year;
  row->area = area ? g_steal_pointer (&area) : g_strdup (PM_AREA_COUNTY);
  row->value = value;
  row->text = g_steal_pointer (&text);
  row->note = clean_text (field_at (fields, index, COLUMN_NOTE), &bad_text);
  row->source = clean_text (field_at (fields, index, COLUMN_SOURCE), &bad_text);
  if (bad_text)
    {
      pm_csv_problems_add (problems,
                              _("Line %u: the note or source holds a control character\n"), line);
      row_free (row);
      return NULL;
    }

  raw = field_at (fields, index, COLUMN_PROVISIONAL);
  if (!parse_provisional (raw, &row->provisional))
    {
      g_autofree char *shown = visible (raw);

      pm_csv_problems_add (problems,
                           _("Line %u: provisional must be yes or no (1 or 0), not “%s”\n"),
                           line, shown);
      row_free (row);
      return NULL;
    }

  return row;
}

static gboolean
is_blank_row (GStrv fields)
{
  for (guint i = 0; fields[i]; i++)
    {
      g_autofree char *normal = NULL;

      /* a visible ASCII character: not blank, without normalising */
      if ((guchar) fields[i][0] > 0x20 && (guchar) fields[i][0] < 0x7f)
        return FALSE;
      normal = normalize (fields[i]);
      if (*normal)
        return FALSE;
    }

  return TRUE;
}

/* n_bad: the rows wrong; each row has one problem, the header maybe more */
static void
set_rows_error (GError        **error,
                PmStoreError    code,
                const char     *name,
                guint           n_bad,
                PmCsvProblems  *problems)
{
  g_autofree char *summary = NULL;
  g_autofree char *list = pm_csv_problems_finish (problems);

  summary = g_strdup_printf (ngettext ("“%s” was not imported: %u row is wrong. Nothing was "
                                          "changed; correct it and import the file again.",
                                          "“%s” was not imported: %u rows are wrong. Nothing was "
                                          "changed; correct them and import the file again.",
                                          n_bad),
                             name, n_bad);
  g_set_error (error, PM_STORE_ERROR, code, "%s\n%s", summary, list);
}

/* Maps the current observations of the indicators in rows by key. */
static GHashTable *
index_observations (GPtrArray *rows)
{
  GHashTable *by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      GListModel *observations;

      if (!g_hash_table_add (seen, row->indicator))
        continue;

      observations = pm_indicator_get_observations (row->indicator);
      for (guint j = 0; j < g_list_model_get_n_items (observations); j++)
        {
          g_autoptr (PmObservation) observation = g_list_model_get_item (observations, j);

          /* the model keeps the observation alive */
          g_hash_table_insert (by_key,
                               observation_key (pm_indicator_get_code (row->indicator),
                                                pm_observation_get_year (observation),
                                                pm_observation_get_area (observation)),
                               observation);
        }
    }

  return by_key;
}

static int
compare_text (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/**
 * pm_store_list_areas:
 *
 * Returns: (transfer full): the areas of the project: county (the default)
 *   and every area a value has, county first, the others sorted
 */
GStrv
pm_store_list_areas (PmStore *self)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) others = g_ptr_array_new ();
  g_autoptr (GStrvBuilder) areas = g_strv_builder_new ();
  GListModel *indicators;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  g_hash_table_add (seen, (gpointer) PM_AREA_COUNTY);
  indicators = pm_project_get_indicators (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      GListModel *observations = pm_indicator_get_observations (indicator);

      for (guint j = 0; j < g_list_model_get_n_items (observations); j++)
        {
          g_autoptr (PmObservation) observation = g_list_model_get_item (observations, j);
          const char *area = pm_observation_get_area (observation);

          /* the model keeps the observation, and so its area, alive */
          if (g_hash_table_add (seen, (gpointer) area))
            g_ptr_array_add (others, (gpointer) area);
        }
    }

  g_ptr_array_sort (others, compare_text);
  g_strv_builder_add (areas, PM_AREA_COUNTY);
  for (guint i = 0; i < others->len; i++)
    g_strv_builder_add (areas, g_ptr_array_index (others, i));

  return g_strv_builder_end (areas);
}

/* An area a row names must be one of the project's, or one the import is
 * told to add: a typo (County, 全县) would start a new series. */
static gboolean
check_area (const Row                  *row,
            const char *const          *known,
            const PmStoreImportOptions *options,
            PmCsvProblems              *problems)
{
  g_autofree char *list = NULL;
  g_autofree char *shown = NULL;

  if (!options->known_areas_only || g_strv_contains (known, row->area) ||
      (options->new_areas && g_strv_contains (options->new_areas, row->area)))
    return TRUE;

  list = g_strjoinv (", ", (GStrv) known);
  shown = visible (row->area);
  pm_csv_problems_add (problems,
                       _("Line %u: unknown area “%s” (the project's areas are: %s; to add a new "
                         "area give --add-area with its name)"),
                       row->line, shown, list);
  return FALSE;
}

/* Returns: (transfer none): the file's text in UTF-8 (data itself, or the
 * text converted from options->encoding, then held by *converted), or NULL
 * with an error: not UTF-8 (and, when it reads as GB18030, saying so) */
static const char *
read_encoding (const char                 *data,
               gssize                      length,
               const char                 *name,
               const PmStoreImportOptions *options,
               char                      **converted_out,
               gsize                      *out_length,
               GError                    **error)
{
  const char *encoding = options->encoding;
  g_autoptr (GError) convert_error = NULL;
  g_autofree char *converted = NULL;

  if (length < 0)
    length = strlen (data);

  if (encoding && g_ascii_strcasecmp (encoding, "utf-8") != 0 &&
      g_ascii_strcasecmp (encoding, "utf8") != 0)
    {
      converted = g_convert (data, length, "UTF-8", encoding, NULL, out_length, &convert_error);
      if (converted == NULL)
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID_CSV,
                       _("“%s” was not imported: it cannot be read as %s (%s). Nothing was "
                         "changed."),
                       name, encoding, convert_error->message);
          return NULL;
        }
      *converted_out = g_steal_pointer (&converted);
      return *converted_out;
    }

  if (!g_utf8_validate (data, length, NULL))
    {
      converted = g_convert (data, length, "UTF-8", "GB18030", NULL, NULL, NULL);
      if (converted)
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_ENCODING,
                     _("“%s” was not imported: the file is not UTF-8; it looks like GB18030 "
                       "(GBK). Nothing was changed."),
                     name);
      else
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID_CSV,
                     _("“%s” was not imported: the file is not UTF-8 text. Save it as “CSV "
                       "UTF-8” and import it again. Nothing was changed."),
                     name);
      return NULL;
    }

  *out_length = length;
  return data;
}

/* The window's checks of the county values imported (a percentage outside
 * 0–100, a large change, a binding target missed), against the values the
 * project holds before the import. */
static void
check_values (GPtrArray     *rows,
              PmCsvProblems *warnings)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autoptr (GPtrArray) checks = NULL;

      if (g_strcmp0 (row->area, PM_AREA_COUNTY) != 0 || !isfinite (row->value))
        continue;

      checks = pm_checks_for_value (row->indicator, row->year, row->value);
      for (guint j = 0; j < checks->len; j++)
        {
          PmCheck *check = g_ptr_array_index (checks, j);

          pm_csv_problems_add (warnings, _("Line %u: %s %d: %s"), row->line, check->code,
                               check->year, check->message);
        }
    }
}

/* Every value of the rows that an accepted report locks, with its line. */
static void
check_locks (PmStore       *self,
             GPtrArray     *rows,
             PmCsvProblems *problems)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      const char *code = pm_indicator_get_code (row->indicator);
      const char *department = NULL;

      if (g_strcmp0 (row->area, PM_AREA_COUNTY) == 0 &&
          pm_store_is_value_locked (self, code, row->year, &department))
        pm_csv_problems_add (problems,
                             _("Line %1$u: the value of %2$s for %3$d is locked: the %3$d "
                               "report of %4$s was accepted (unlock it, giving a reason, to "
                               "change it)"),
                             row->line, code, row->year, department);
    }
}

/* Removes the ' the export puts before a field a spreadsheet would read as
 * a formula (pm_csv_field_needs_guard). */
static void
unguard_fields (PmCsvTable *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      GStrv fields = g_ptr_array_index (table->rows, i);

      for (guint j = 0; fields[j]; j++)
        {
          const char *unguarded = pm_csv_unguard_field (fields[j]);

          if (unguarded != fields[j])
            memmove (fields[j], unguarded, strlen (unguarded) + 1);
        }
    }
}

/* The observation file has N_COLUMNS columns: a line with many more
 * fields is refused while it is read */
#define MAX_IMPORT_FIELDS 64

gboolean
pm_store_import_csv_data_full (PmStore                    *self,
                               const char                 *data,
                               gssize                      length,
                               const char                 *name,
                               const PmStoreImportOptions *options,
                               PmStoreImportCounts        *counts,
                               char                      **warnings,
                               GError                    **error)
{
  static const PmStoreImportOptions defaults = { 0 };
  g_autoptr (PmCsvTable) table = NULL;
  g_autoptr (GError) parse_error = NULL;
  g_auto (PmCsvProblems) problems = { 0 };
  g_auto (PmCsvProblems) checks = { 0 };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr (GHashTable) first_line = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);
  g_autoptr (GHashTable) existing = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) changed = NULL;
  g_auto (GStrv) areas = NULL;
  g_autofree char *converted = NULL;
  const char *text;
  PmStoreImportCounts local_counts = { 0 };
  int index[N_COLUMNS];
  guint n_fields;
  gsize text_length = 0;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  if (name == NULL)
    name = _("the file");
  if (counts)
    *counts = local_counts;
  if (warnings)
    *warnings = NULL;
  pm_csv_problems_init (&problems);
  pm_csv_problems_init (&checks);

  if (!pm_store_check_writable (self, error))
    return FALSE;

  if (!(text = read_encoding (data, length, name, options, &converted, &text_length, error)))
    return FALSE;
  if (!(table = pm_csv_parse_limited (text, text_length, ',', MAX_IMPORT_FIELDS,
                                      PM_CSV_MAX_RECORD_LENGTH, &parse_error)))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID_CSV,
                   _("“%s” was not imported: %s. Nothing was changed."), name,
                   parse_error->message);
      return FALSE;
    }
  g_clear_pointer (&converted, g_free);
  if (table->rows->len == 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID_CSV,
                   _("“%s” was not imported: it is empty (the first row must name the columns "
                     "code, year, value)."), name);
      return FALSE;
    }
  unguard_fields (table);

  if (!read_header (g_ptr_array_index (table->rows, 0), index, &problems))
    {
      set_rows_error (error, PM_STORE_ERROR_INVALID_CSV, name, 1, &problems);
      return FALSE;
    }
  n_fields = g_strv_length (g_ptr_array_index (table->rows, 0));
  areas = pm_store_list_areas (self);

  for (guint i = 1; i < table->rows->len; i++)
    {
      GStrv fields = g_ptr_array_index (table->rows, i);
      guint line = g_array_index (table->lines, guint, i);
      g_autofree char *key = NULL;
      gpointer first;
      Row *row;

      if (is_blank_row (fields))
        continue;

      /* a spreadsheet may leave empty trailing cells out, but not add any */
      if (g_strv_length (fields) > n_fields)
        {
          pm_csv_problems_add (&problems, _("Line %u: %u fields, but the header has %u\n"),
                               line, g_strv_length (fields), n_fields);
          continue;
        }

      if (!(row = read_row (self->project, fields, line, index, &problems)))
        continue;
      if (!check_area (row, (const char *const *) areas, options, &problems))
        {
          row_free (row);
          continue;
        }

      key = observation_key (pm_indicator_get_code (row->indicator), row->year, row->area);
      if ((first = g_hash_table_lookup (first_line, key)))
        {
          g_autofree char *area = visible (row->area);

          pm_csv_problems_add (&problems,
                               _("Line %u: a second value for %s, %d, %s (the first is on "
                                 "line %u)\n"),
                               line, pm_indicator_get_code (row->indicator), row->year,
                               area, GPOINTER_TO_UINT (first));
          row_free (row);
          continue;
        }
      g_hash_table_insert (first_line, g_steal_pointer (&key), GUINT_TO_POINTER (line));
      g_ptr_array_add (rows, row);
    }

  if (problems.n > 0)
    {
      set_rows_error (error, PM_STORE_ERROR_INVALID_CSV, name, problems.n, &problems);
      return FALSE;
    }

  /* rows that change something: only they are checked */
  changed = g_ptr_array_new ();
  existing = index_observations (rows);
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_store_change_free);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      const char *code = pm_indicator_get_code (row->indicator);
      g_autofree char *key = observation_key (code, row->year, row->area);
      PmStoreChange *change = g_new0 (PmStoreChange, 1);

      change->code = g_strdup (code);
      change->year = row->year;
      change->area = g_strdup (row->area);
      pm_store_value_from_observation (&change->before, g_hash_table_lookup (existing, key));
      change->after.exists = TRUE;
      change->after.value = row->value;
      change->after.text = g_steal_pointer (&row->text);
      change->after.note = g_steal_pointer (&row->note);
      change->after.source = g_steal_pointer (&row->source);
      change->after.provisional = row->provisional;

      if (pm_store_value_equal (&change->before, &change->after))
        {
          local_counts.unchanged++;
          pm_store_change_free (change);
          continue;
        }

      if (change->before.exists)
        local_counts.changed++;
      else
        local_counts.added++;
      g_ptr_array_add (changes, change);
      g_ptr_array_add (changed, row);
    }

  check_locks (self, changed, &problems);
  if (problems.n > 0)
    {
      /* every problem is a locked value */
      set_rows_error (error, PM_STORE_ERROR_LOCKED, name, problems.n, &problems);
      return FALSE;
    }

  check_values (changed, &checks);
  if (checks.n > 0 && options->strict)
    {
      g_autofree char *list = pm_csv_problems_finish (&checks);

      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID_CSV,
                   ngettext ("“%s” was not imported: %u value fails a check (--strict). "
                             "Nothing was changed.\n%s",
                             "“%s” was not imported: %u values fail a check (--strict). "
                             "Nothing was changed.\n%s",
                             checks.n),
                   name, checks.n, list);
      return FALSE;
    }

  /* the model is about to change under the index */
  g_clear_pointer (&existing, g_hash_table_unref);

  if (options->pending)
    *options->pending = NULL;
  if (changes->len > 0)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

      if (!pm_store_write_changes (self, changes, TRUE, PM_HISTORY_ORIGIN_IMPORT, now, error))
        return FALSE;
      if (options->pending)
        *options->pending = pm_store_pending_new (g_strdup_printf (_("Import “%s”"), name),
                                                  g_steal_pointer (&changes), now);
      else
        {
          pm_store_follow_changes (self, changes, TRUE, now);
          pm_store_push_edit (self, g_strdup_printf (_("Import “%s”"), name),
                              g_steal_pointer (&changes));
        }
    }

  if (counts)
    *counts = local_counts;
  if (warnings && checks.n > 0)
    *warnings = pm_csv_problems_finish (&checks);
  return TRUE;
}

gboolean
pm_store_import_csv_data (PmStore             *self,
                          const char          *data,
                          gssize               length,
                          const char          *name,
                          PmStoreImportCounts *counts,
                          GError             **error)
{
  return pm_store_import_csv_data_full (self, data, length, name, NULL, counts, NULL, error);
}

gboolean
pm_store_import_csv_full (PmStore                    *self,
                          const char                 *csv_path,
                          const PmStoreImportOptions *options,
                          PmStoreImportCounts        *counts,
                          char                      **warnings,
                          GError                    **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (csv_path != NULL, FALSE);

  display = pm_store_file_display_name (csv_path);
  if (!g_file_get_contents (csv_path, &contents, &length, &local_error))
    {
      g_set_error (error, PM_STORE_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? PM_STORE_ERROR_NOT_FOUND : PM_STORE_ERROR_IO,
                   _("Could not read “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return pm_store_import_csv_data_full (self, contents, length, display, options, counts,
                                        warnings, error);
}

gboolean
pm_store_import_csv (PmStore             *self,
                     const char          *csv_path,
                     PmStoreImportCounts *counts,
                     GError             **error)
{
  return pm_store_import_csv_full (self, csv_path, NULL, counts, NULL, error);
}

/* Whether a value has both a number and a judgement: the export then needs
 * the judgement column. */
static gboolean
has_judged_numbers (GListModel *indicators)
{
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      GListModel *observations = pm_indicator_get_observations (indicator);

      for (guint j = 0; j < g_list_model_get_n_items (observations); j++)
        {
          g_autoptr (PmObservation) observation = g_list_model_get_item (observations, j);

          if (isfinite (pm_observation_get_value (observation)) &&
              pm_store_text_is_judgement (pm_observation_get_text (observation)))
            return TRUE;
        }
    }

  return FALSE;
}

/* Returns: (transfer full): every observation as CSV (UTF-8 with a BOM,
 * CRLF), in catalogue order, then by year and area */
char *
pm_store_export_observations_csv_data (PmStore *self,
                                       gsize   *length)
{
  GString *out = g_string_new (PM_CSV_BOM);
  GListModel *indicators;
  guint n_columns;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  indicators = pm_project_get_indicators (self->project);
  n_columns = has_judged_numbers (indicators) ? N_COLUMNS : COLUMN_JUDGEMENT;
  pm_csv_append_record (out, columns, n_columns);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      GListModel *observations = pm_indicator_get_observations (indicator);

      for (guint j = 0; j < g_list_model_get_n_items (observations); j++)
        {
          g_autoptr (PmObservation) observation = g_list_model_get_item (observations, j);
          g_autofree char *year = g_strdup_printf ("%d", pm_observation_get_year (observation));
          g_autofree char *value = NULL;
          const char *fields[N_COLUMNS];

          const char *text = pm_observation_get_text (observation);
          double number = pm_observation_get_value (observation);
          gboolean judgement = n_columns == N_COLUMNS && pm_store_text_is_judgement (text);

          if (judgement)
            value = isfinite (number) ? pm_csv_format_number (number) : g_strdup ("");
          else if (text)
            value = g_strdup (text);
          else
            value = pm_csv_format_number (number);
          fields[COLUMN_JUDGEMENT] = judgement ? text : "";

          fields[COLUMN_CODE] = pm_indicator_get_code (indicator);
          fields[COLUMN_YEAR] = year;
          fields[COLUMN_AREA] = pm_observation_get_area (observation);
          fields[COLUMN_VALUE] = value;
          fields[COLUMN_NOTE] = pm_observation_get_note (observation);
          fields[COLUMN_SOURCE] = pm_observation_get_source (observation);
          fields[COLUMN_PROVISIONAL] = pm_observation_get_provisional (observation) ? "1" : "0";
          pm_csv_append_record (out, fields, n_columns);
        }
    }

  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
pm_store_export_observations_csv (PmStore    *self,
                                  const char *csv_path,
                                  GError    **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (csv_path != NULL, FALSE);

  data = pm_store_export_observations_csv_data (self, &length);
  /* written under a temporary name and renamed: a failure leaves any
   * earlier file as it was, and the message names csv_path, never the
   * temporary file */
  if (!pm_export_file_write (csv_path, data, length, &local_error))
    {
      display = pm_store_file_display_name (csv_path);
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
        pm_store_set_disk_error (error, csv_path, ENOSPC);
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
                     _("Could not write “%s”: its folder does not exist."), display);
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
               g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ROFS) ||
               g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_PERM))
        g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                             local_error->message);
      else
        g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_IO, local_error->message);
      return FALSE;
    }

  return TRUE;
}
