/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-csv.h"
#include "pm-types.h"

/* Whether text is a plain decimal number: [-+]digits[.digits][e[-+]digits] */
static gboolean
is_plain_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

static gboolean
starts_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

gboolean
pm_csv_field_needs_guard (const char *field)
{
  if (field == NULL || field[0] == '\0')
    return FALSE;
  if (field[0] == '\'')
    return TRUE;

  return starts_formula (field) && !is_plain_number (field);
}

/* Returns: field without the ' that pm_csv_append_field put before it: one
 * leading ' is removed where what follows would need the guard */
const char *
pm_csv_unguard_field (const char *field)
{
  if (field == NULL || field[0] != '\'')
    return field;
  if (pm_csv_field_needs_guard (field + 1))
    return field + 1;

  return field;
}

char *
pm_csv_shorten (const char *text,
                guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  const char *cut;

  if (max_chars < 2)
    max_chars = 2;
  if (g_utf8_strlen (valid, -1) <= (glong) max_chars)
    return g_steal_pointer (&valid);

  cut = g_utf8_offset_to_pointer (valid, max_chars - 1);
  return g_strdup_printf ("%.*s…", (int) (cut - valid), valid);
}

void
pm_csv_problems_init (PmCsvProblems *problems)
{
  problems->text = g_string_new (NULL);
  problems->n = 0;
}

void
pm_csv_problems_clear (PmCsvProblems *problems)
{
  if (problems->text)
    g_string_free (problems->text, TRUE);
  problems->text = NULL;
  problems->n = 0;
}

/* Adds one problem, a line of text (a line break is added) */
void
pm_csv_problems_add_text (PmCsvProblems *problems,
                          const char    *text)
{
  problems->n++;
  if (problems->n > PM_CSV_MAX_PROBLEMS)
    return;
  if (problems->text->len > 0)
    g_string_append_c (problems->text, '\n');
  g_string_append (problems->text, text);
  /* the messages of a list may end with their line break */
  if (g_str_has_suffix (text, "\n"))
    g_string_truncate (problems->text, problems->text->len - 1);
}

void
pm_csv_problems_add (PmCsvProblems *problems,
                     const char    *format,
                     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (problems->n >= PM_CSV_MAX_PROBLEMS)
    {
      problems->n++;
      return;
    }
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  pm_csv_problems_add_text (problems, text);
}

/* Returns: (transfer full): the problems, one a line, the first
 * PM_CSV_MAX_PROBLEMS and then "… and N more" */
char *
pm_csv_problems_finish (PmCsvProblems *problems)
{
  g_autoptr (GString) out = g_string_new (problems->text->str);

  if (problems->n > PM_CSV_MAX_PROBLEMS)
    {
      guint more = problems->n - PM_CSV_MAX_PROBLEMS;

      g_string_append_c (out, '\n');
      g_string_append_printf (out, ngettext ("… and %u more problem", "… and %u more problems",
                                             more),
                              more);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
pm_csv_append_field (GString    *out,
                     const char *field,
                     gboolean    first)
{
  g_autofree char *guarded = NULL;

  g_return_if_fail (out != NULL);

  if (!first)
    g_string_append_c (out, ',');

  if (field == NULL)
    return;

  if (pm_csv_field_needs_guard (field))
    field = guarded = g_strconcat ("'", field, NULL);

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
pm_csv_append_record (GString           *out,
                      const char *const *fields,
                      guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    pm_csv_append_field (out, fields[i], i == 0);
  g_string_append (out, "\r\n");
}

/* Shortest text that reads back as the same double ("11.3", not "11.300000");
 * empty for NaN and the infinities, which no file of ours holds. */
char *
pm_csv_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("");

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

void
pm_csv_table_free (PmCsvTable *table)
{
  if (table == NULL)
    return;

  g_ptr_array_unref (table->rows);
  g_array_unref (table->lines);
  g_free (table);
}

/* Parses RFC 4180 CSV, also accepting LF or CR line ends, a leading BOM and
 * a last record without a line end. A quote inside an unquoted field, text
 * after a closing quote or an unclosed quote is an error naming the line. */
PmCsvTable *
pm_csv_parse (const char *data,
              gssize      length,
              GError    **error)
{
  return pm_csv_parse_separated (data, length, ',', error);
}

/* The same with another separator: '\t' reads what spreadsheets put on the
 * clipboard when cells are copied. */
PmCsvTable *
pm_csv_parse_separated (const char *data,
                        gssize      length,
                        char        separator,
                        GError    **error)
{
  return pm_csv_parse_limited (data, length, separator, PM_CSV_MAX_FIELDS,
                               PM_CSV_MAX_RECORD_LENGTH, error);
}

static void
set_too_long_error (GError **error,
                    guint    line,
                    gsize    max_record_length)
{
  g_autofree char *size = g_format_size (max_record_length);

  g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
               _("Line %u is longer than %s: this is not a file of the kind expected"), line,
               size);
}

/* The same, refusing a record of more than max_fields fields or
 * max_record_length bytes as soon as it is read that far. */
PmCsvTable *
pm_csv_parse_limited (const char *data,
                      gssize      length,
                      char        separator,
                      guint       max_fields,
                      gsize       max_record_length,
                      GError    **error)
{
  g_autoptr (PmCsvTable) table = g_new0 (PmCsvTable, 1);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);
  const char *p, *end, *record_start = data;
  guint line = 1, record_line = 1;
  gboolean in_record = FALSE;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  end = data + length;

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again."));
      return NULL;
    }

  p = data;
  if (length >= 3 && memcmp (p, PM_CSV_BOM, 3) == 0)
    p += 3;

  while (p < end)
    {
      if (!in_record)
        {
          in_record = TRUE;
          record_line = line;
          record_start = p;
        }

      if (*p == '"' && field->len == 0)
        {
          guint quote_line = line;

          p++;
          for (;;)
            {
              if (p >= end)
                {
                  g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                               _("Line %u: a quoted field is never closed"), quote_line);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                line++;
              if ((gsize) (p - record_start) >= max_record_length)
                {
                  set_too_long_error (error, record_line, max_record_length);
                  return NULL;
                }
              g_string_append_c (field, *p++);
            }

          if (p < end && *p != separator && *p != '\r' && *p != '\n')
            {
              g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                           _("Line %u: text after a closing quote"), line);
              return NULL;
            }
          continue;
        }

      if (*p == separator)
        {
          if (fields->len + 1 >= max_fields)
            {
              g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                           _("Line %u has more than %u fields: this is not a file of the kind "
                             "expected"),
                           record_line, max_fields);
              return NULL;
            }
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
          continue;
        }

      if (*p == '\r' || *p == '\n')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (table->rows, g_ptr_array_steal (fields, NULL));
          g_array_append_val (table->lines, record_line);
          in_record = FALSE;

          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
          continue;
        }

      if (*p == '"')
        {
          g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                       _("Line %u: a quote inside an unquoted field"), line);
          return NULL;
        }

      if ((gsize) (p - record_start) >= max_record_length)
        {
          set_too_long_error (error, record_line, max_record_length);
          return NULL;
        }
      g_string_append_c (field, *p++);
    }

  if (in_record)
    {
      g_ptr_array_add (fields, g_strdup (field->str));
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (table->rows, g_ptr_array_steal (fields, NULL));
      g_array_append_val (table->lines, record_line);
    }

  return g_steal_pointer (&table);
}
