/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RFC 4180 CSV: fields with a comma, a quote, CR or LF are quoted and their
 * quotes doubled; records end with CRLF. Files for Excel/WPS users start
 * with a UTF-8 byte order mark, or Chinese opens garbled. */

#define PM_CSV_BOM "\xEF\xBB\xBF"

/* A text field that a spreadsheet would run as a formula (it starts with
 * = + - @, a tab or a CR, as OWASP lists) is written with a ' before it, and
 * so is one that starts with ' itself, so that reading back removes exactly
 * one: pm_csv_unguard_field. A plain number (-3.5, 1e-09) is not text and is
 * written as it is. */
gboolean pm_csv_field_needs_guard (const char *field);
const char *pm_csv_unguard_field (const char *field);

/* For messages: text cut to at most max_chars characters (on a character
 * boundary of UTF-8) with "…"; PM_CSV_MESSAGE_CHARS is what a message
 * echoes of a value or an argument. Not UTF-8: its valid start. */
#define PM_CSV_MESSAGE_CHARS 80
char *pm_csv_shorten (const char *text,
                      guint       max_chars);

/* Error lists name the first PM_CSV_MAX_PROBLEMS problems, then how many
 * more there are. */
#define PM_CSV_MAX_PROBLEMS 100

typedef struct
{
  GString *text;
  guint n;           /* problems counted, also those not written */
} PmCsvProblems;

void pm_csv_problems_init (PmCsvProblems *problems);
void pm_csv_problems_clear (PmCsvProblems *problems);
void pm_csv_problems_add (PmCsvProblems *problems,
                          const char    *format,
                          ...) G_GNUC_PRINTF (2, 3);
void pm_csv_problems_add_text (PmCsvProblems *problems,
                               const char    *text);
char *pm_csv_problems_finish (PmCsvProblems *problems);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PmCsvProblems, pm_csv_problems_clear)

void pm_csv_append_field (GString    *out,
                          const char *field,
                          gboolean    first);
void pm_csv_append_record (GString           *out,
                           const char *const *fields,
                           guint              n_fields);

/* A parsed CSV document: rows of fields, each row with its line number. */
typedef struct
{
  GPtrArray *rows;  /* of GStrv */
  GArray *lines;    /* of guint: the line each row starts on, from 1 */
} PmCsvTable;

PmCsvTable *pm_csv_parse (const char *data,
                          gssize      length,
                          GError    **error);
PmCsvTable *pm_csv_parse_separated (const char *data,
                                    gssize      length,
                                    char        separator,
                                    GError    **error);
/* What pm_csv_parse_separated accepts at most: a record with more fields,
 * or longer, is refused at once with its line number (a file is not read
 * whole into fields when its first line is a megabyte of commas). */
#define PM_CSV_MAX_FIELDS 1000
#define PM_CSV_MAX_RECORD_LENGTH (1024 * 1024)

PmCsvTable *pm_csv_parse_limited (const char *data,
                                  gssize      length,
                                  char        separator,
                                  guint       max_fields,
                                  gsize       max_record_length,
                                  GError    **error);
void pm_csv_table_free (PmCsvTable *table);

char *pm_csv_format_number (double value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmCsvTable, pm_csv_table_free)

G_END_DECLS
