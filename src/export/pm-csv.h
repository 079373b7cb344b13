/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RFC 4180 CSV: fields with a comma, a quote, CR or LF are quoted and their
 * quotes doubled; records end with CRLF. Files for Excel/WPS users start
 * with a UTF-8 byte order mark, or Chinese opens garbled. */

#define PM_CSV_BOM "\xEF\xBB\xBF"

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
void pm_csv_table_free (PmCsvTable *table);

char *pm_csv_format_number (double value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmCsvTable, pm_csv_table_free)

G_END_DECLS
