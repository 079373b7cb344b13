/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-csv.h"
#include "pm-types.h"

void
pm_csv_append_field (GString    *out,
                     const char *field,
                     gboolean    first)
{
  g_return_if_fail (out != NULL);

  if (!first)
    g_string_append_c (out, ',');

  if (field == NULL)
    return;

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

/* Shortest text that reads back as the same double ("11.3", not "11.300000"). */
char *
pm_csv_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
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
  g_autoptr (PmCsvTable) table = g_new0 (PmCsvTable, 1);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);
  const char *p, *end;
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
