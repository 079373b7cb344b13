/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <xlsxwriter.h>

#include "pm-language.h"

G_BEGIN_DECLS

/* A workbook written with libxlsxwriter for the spreadsheets departments
 * use (Excel, WPS, LibreOffice): sheets with valid, unique names, A4 print
 * setup fitted to the page width with the header rows repeated and page
 * numbers at the foot, tables with a frozen, filterable header row and
 * wrapped text, every column printed, each at least as wide as its
 * content's longest line (up to PM_XLSX_AUTO_WIDTH). The file is written beside its destination and renamed
 * over it by pm_xlsx_writer_close(). */

typedef enum
{
  PM_XLSX_FORMAT_TITLE,     /* bold, larger */
  PM_XLSX_FORMAT_SUBTITLE,  /* plain, not wrapped */
  PM_XLSX_FORMAT_HEADER,    /* bold, shaded, bordered, wrapped */
  PM_XLSX_FORMAT_CELL,      /* bordered, wrapped, top-aligned */
  PM_XLSX_FORMAT_NUMBER,    /* as CELL, for numbers */
  PM_XLSX_N_FORMATS,
} PmXlsxFormat;

/* How wide a column grows to fit its content, at most: 12 CJK characters. */
#define PM_XLSX_AUTO_WIDTH 25.0

typedef struct
{
  const char *label;
  double width;        /* in characters of the default font; a CJK character is 2:
                        * where longer text wraps */
} PmXlsxColumn;

#define PM_TYPE_XLSX_WRITER (pm_xlsx_writer_get_type ())
G_DECLARE_FINAL_TYPE (PmXlsxWriter, pm_xlsx_writer, PM, XLSX_WRITER, GObject)

PmXlsxWriter *pm_xlsx_writer_new (const char *path,
                                  GError    **error);
void pm_xlsx_writer_set_language (PmXlsxWriter *self,
                                  PmLanguage    language);
lxw_worksheet *pm_xlsx_writer_add_sheet (PmXlsxWriter *self,
                                         const char   *name,
                                         gboolean      landscape,
                                         const char   *page_header);
const char *pm_xlsx_writer_get_sheet_name (PmXlsxWriter  *self,
                                           lxw_worksheet *sheet);
lxw_format *pm_xlsx_writer_get_format (PmXlsxWriter *self,
                                       PmXlsxFormat  format);
void pm_xlsx_writer_write_header (PmXlsxWriter       *self,
                                  lxw_worksheet      *sheet,
                                  guint               row,
                                  const PmXlsxColumn *columns,
                                  guint               n_columns);
void pm_xlsx_writer_write_row (PmXlsxWriter      *self,
                               lxw_worksheet     *sheet,
                               guint              row,
                               const char *const *cells,
                               guint              n_cells);
void pm_xlsx_writer_end_table (PmXlsxWriter  *self,
                               lxw_worksheet *sheet,
                               guint          header_row,
                               guint          last_row,
                               guint          n_columns);
gboolean pm_xlsx_writer_close (PmXlsxWriter *self,
                               GError      **error);

char *pm_xlsx_sheet_name_make (const char *wanted,
                               GHashTable *taken);
guint pm_xlsx_count_lines (const char *text,
                           double      width);
double pm_xlsx_text_width (const char *text);

G_END_DECLS
