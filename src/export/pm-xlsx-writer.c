/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-xlsx-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pm-export-file.h"
#include "pm-types.h"
#include "pm-xlsx-writer.h"

#define PAPER_A4 9

struct _PmXlsxWriter
{
  GObject parent_instance;

  char *path;
  char *temp_path;
  PmLanguage language; /* of the page footers */
  lxw_workbook *workbook;
  lxw_format *formats[PM_XLSX_N_FORMATS];
  GHashTable *taken;        /* casefolded sheet names */
  GHashTable *sheet_names;  /* lxw_worksheet * → name */
  GHashTable *tables;       /* lxw_worksheet * → Table */
};

/* The table of a sheet, to size its columns and rows when it ends. */
typedef struct
{
  GArray *columns;  /* of PmXlsxColumn (labels not kept) */
  guint header_row;
  GStrv header;
  GPtrArray *rows;  /* of GStrv, the text of each row written */
  GArray *row_numbers; /* of guint */
} Table;

/* Spreadsheets do not grow rows to their wrapped text when they open a
 * file (LibreOffice does not, Excel not always), so rows get a height
 * from an estimate of their lines: a wide (CJK) character takes 2 units of
 * a column's width, others 1.1; a line is 16 pt (11 pt text in Calibri or
 * a CJK face). */
#define LINE_HEIGHT 16.0
#define ROW_PADDING 3.0
#define MAX_ROW_HEIGHT 409.0

static void
table_free (Table *table)
{
  g_array_unref (table->columns);
  g_strfreev (table->header);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->row_numbers);
  g_free (table);
}

G_DEFINE_FINAL_TYPE (PmXlsxWriter, pm_xlsx_writer, G_TYPE_OBJECT)

static void
add_formats (PmXlsxWriter *self)
{
  lxw_format *format;

  format = self->formats[PM_XLSX_FORMAT_TITLE] = workbook_add_format (self->workbook);
  format_set_bold (format);
  format_set_font_size (format, 14);

  self->formats[PM_XLSX_FORMAT_SUBTITLE] = workbook_add_format (self->workbook);

  format = self->formats[PM_XLSX_FORMAT_HEADER] = workbook_add_format (self->workbook);
  format_set_bold (format);
  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (format, 0xE6E6E6);
  format_set_border (format, LXW_BORDER_THIN);

  format = self->formats[PM_XLSX_FORMAT_CELL] = workbook_add_format (self->workbook);
  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (format, LXW_BORDER_THIN);

  format = self->formats[PM_XLSX_FORMAT_NUMBER] = workbook_add_format (self->workbook);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (format, LXW_BORDER_THIN);
  format_set_num_format (format, "General");
}

/* Returns: how many lines text takes, wrapped in a column width units
 * wide (an estimate: see LINE_HEIGHT) */
guint
pm_xlsx_count_lines (const char *text,
                     double      width)
{
  double room = MAX (width - 1.0, 1.0);
  double used = 0;
  guint lines = 1;

  if (text == NULL || *text == '\0')
    return 1;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double advance;

      if (c == '\n')
        {
          lines++;
          used = 0;
          continue;
        }
      advance = g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.0 : 1.1;
      if (used + advance > room)
        {
          lines++;
          used = 0;
        }
      used += advance;
    }
  return lines;
}

/* Returns: how wide the longest line of text is, in units of a column's
 * width (as pm_xlsx_count_lines() counts them) */
double
pm_xlsx_text_width (const char *text)
{
  double widest = 0, used = 0;

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          used = 0;
          continue;
        }
      used += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.0 : 1.1;
      widest = MAX (widest, used);
    }
  return widest;
}

static double
row_height (Table             *table,
            const char *const *cells,
            guint              n_cells)
{
  guint lines = 1;

  for (guint c = 0; table != NULL && c < n_cells && c < table->columns->len; c++)
    {
      const PmXlsxColumn *column = &g_array_index (table->columns, PmXlsxColumn, c);

      lines = MAX (lines, pm_xlsx_count_lines (cells[c], column->width));
    }
  return MIN (lines * LINE_HEIGHT + ROW_PADDING, MAX_ROW_HEIGHT);
}

static GStrv
copy_cells (const char *const *cells,
            guint              n)
{
  GStrv copy = g_new0 (char *, n + 1);

  for (guint c = 0; c < n; c++)
    copy[c] = g_strdup (cells[c] ? cells[c] : "");
  return copy;
}

/* Replaces what Excel forbids in a sheet name ([ ] : * ? / \, and an
 * apostrophe at either end), keeps at most 31 characters, and adds " (2)",
 * " (3)"… when the name is taken (compared without case, as Excel does).
 * The name chosen is added to taken (casefolded).
 *
 * Returns: (transfer full): a valid, unique sheet name */
char *
pm_xlsx_sheet_name_make (const char *wanted,
                         GHashTable *taken)
{
  g_autoptr (GString) base = g_string_new (NULL);
  g_autofree char *trimmed = NULL;
  char *name = NULL;

  g_return_val_if_fail (taken != NULL, NULL);

  for (const char *p = wanted ? wanted : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && strchr ("[]:*?/\\", (int) c) != NULL)
        g_string_append_c (base, '_');
      else if (c < 0x20)
        g_string_append_c (base, ' ');
      else
        g_string_append_unichar (base, c);
    }
  trimmed = g_strstrip (g_strdup (base->str));
  while (trimmed[0] == '\'')
    memmove (trimmed, trimmed + 1, strlen (trimmed));
  while (trimmed[0] && trimmed[strlen (trimmed) - 1] == '\'')
    trimmed[strlen (trimmed) - 1] = '\0';
  if (trimmed[0] == '\0')
    {
      g_free (trimmed);
      trimmed = g_strdup ("Sheet");
    }

  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      glong room = LXW_SHEETNAME_MAX - (glong) strlen (suffix);
      g_autofree char *head = g_utf8_substring (trimmed, 0, MIN (room, g_utf8_strlen (trimmed, -1)));
      g_autofree char *key = NULL;

      /* A cut name must not end with the apostrophe it may now end with. */
      while (head[0] && head[strlen (head) - 1] == '\'')
        head[strlen (head) - 1] = '\0';
      name = g_strconcat (head, suffix, NULL);
      key = g_utf8_casefold (name, -1);
      if (!g_hash_table_contains (taken, key) && g_ascii_strcasecmp (name, "History") != 0)
        {
          g_hash_table_add (taken, g_steal_pointer (&key));
          return name;
        }
      g_free (name);
    }
}

static void
pm_xlsx_writer_finalize (GObject *object)
{
  PmXlsxWriter *self = PM_XLSX_WRITER (object);

  /* Not closed: an error or a cancellation. Nothing reaches the path. */
  if (self->workbook != NULL)
    {
      workbook_close (self->workbook);
      self->workbook = NULL;
      pm_export_file_abort (self->temp_path);
    }
  g_free (self->path);
  g_free (self->temp_path);
  g_hash_table_unref (self->taken);
  g_hash_table_unref (self->sheet_names);
  g_hash_table_unref (self->tables);

  G_OBJECT_CLASS (pm_xlsx_writer_parent_class)->finalize (object);
}

static void
pm_xlsx_writer_class_init (PmXlsxWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_xlsx_writer_finalize;
}

static void
pm_xlsx_writer_init (PmXlsxWriter *self)
{
  self->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sheet_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->tables = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) table_free);
}

PmXlsxWriter *
pm_xlsx_writer_new (const char *path,
                    GError    **error)
{
  g_autoptr (PmXlsxWriter) self = NULL;
  g_autofree char *temp_dir = NULL;
  lxw_workbook_options options = { 0 };

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PM_TYPE_XLSX_WRITER, NULL);
  self->path = g_strdup (path);
  self->temp_path = pm_export_file_begin (path, error);
  if (self->temp_path == NULL)
    return NULL;

  /* libxlsxwriter's own temporary files go beside the result too. */
  temp_dir = g_path_get_dirname (self->temp_path);
  options.tmpdir = temp_dir;
  self->workbook = workbook_new_opt (self->temp_path, &options);
  if (self->workbook == NULL)
    {
      pm_export_file_abort (self->temp_path);
      g_set_error (error, PM_ERROR, PM_ERROR_IO, _("Cannot create “%s”"), path);
      return NULL;
    }
  add_formats (self);

  return g_steal_pointer (&self);
}

/* The language of the page footers of the sheets added after (zh_CN unless set). */
void
pm_xlsx_writer_set_language (PmXlsxWriter *self,
                             PmLanguage    language)
{
  g_return_if_fail (PM_IS_XLSX_WRITER (self));
  self->language = language;
}

/* Adds a sheet (its name made valid and unique) set up to print on A4,
 * fitted to the page width, with page numbers at the foot and page_header
 * at the top left. */
lxw_worksheet *
pm_xlsx_writer_add_sheet (PmXlsxWriter *self,
                          const char   *name,
                          gboolean      landscape,
                          const char   *page_header)
{
  g_autofree char *sheet_name = NULL;
  g_autofree char *footer = NULL;
  lxw_worksheet *sheet;

  g_return_val_if_fail (PM_IS_XLSX_WRITER (self), NULL);
  g_return_val_if_fail (self->workbook != NULL, NULL);

  sheet_name = pm_xlsx_sheet_name_make (name, self->taken);
  sheet = workbook_add_worksheet (self->workbook, sheet_name);
  g_return_val_if_fail (sheet != NULL, NULL);

  worksheet_set_paper (sheet, PAPER_A4);
  if (landscape)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.75, 0.75);
  worksheet_center_horizontally (sheet);

  /* TRANSLATORS: the foot of each printed page of a spreadsheet; &P is the
   * page number and &N the number of pages: "第 &P 页 / 共 &N 页" */
  footer = g_strconcat ("&C", D_ (self->language, "Page &P of &N"), NULL);
  worksheet_set_footer (sheet, footer);
  if (page_header != NULL)
    {
      g_autoptr (GString) header = g_string_new ("&L");

      /* & starts a code in headers and footers: a literal one is doubled. */
      for (const char *p = page_header; *p; p++)
        {
          if (*p == '&')
            g_string_append_c (header, '&');
          g_string_append_c (header, *p);
        }
      worksheet_set_header (sheet, header->str);
    }

  g_hash_table_insert (self->sheet_names, sheet, g_steal_pointer (&sheet_name));
  return sheet;
}

const char *
pm_xlsx_writer_get_sheet_name (PmXlsxWriter  *self,
                               lxw_worksheet *sheet)
{
  g_return_val_if_fail (PM_IS_XLSX_WRITER (self), NULL);
  return g_hash_table_lookup (self->sheet_names, sheet);
}

lxw_format *
pm_xlsx_writer_get_format (PmXlsxWriter *self,
                           PmXlsxFormat  format)
{
  g_return_val_if_fail (PM_IS_XLSX_WRITER (self), NULL);
  g_return_val_if_fail (format < PM_XLSX_N_FORMATS, NULL);
  return self->formats[format];
}

/* Writes a table's header row at row, sets the widths of its columns, and
 * makes the rows down to it stay in view and repeat on every printed page. */
void
pm_xlsx_writer_write_header (PmXlsxWriter       *self,
                             lxw_worksheet      *sheet,
                             guint               row,
                             const PmXlsxColumn *columns,
                             guint               n_columns)
{
  Table *table;
  g_autofree const char **labels = NULL;

  g_return_if_fail (PM_IS_XLSX_WRITER (self));
  g_return_if_fail (sheet != NULL);

  table = g_new0 (Table, 1);
  table->columns = g_array_new (FALSE, FALSE, sizeof (PmXlsxColumn));
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  table->header_row = row;
  labels = g_new0 (const char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    {
      PmXlsxColumn column = columns[c];

      column.label = NULL;
      g_array_append_val (table->columns, column);
      labels[c] = columns[c].label;
      worksheet_set_column (sheet, c, c, columns[c].width, NULL);
      worksheet_write_string (sheet, row, c, columns[c].label, self->formats[PM_XLSX_FORMAT_HEADER]);
    }
  table->header = copy_cells (labels, n_columns);
  g_hash_table_insert (self->tables, sheet, table);

  worksheet_set_row (sheet, row, row_height (table, labels, n_columns), NULL);
  worksheet_freeze_panes (sheet, row + 1, 0);
  worksheet_repeat_rows (sheet, row, row);
}

/* Writes a row of text cells below a header, wrapped and bordered, and as
 * high as their lines; empty cells keep their border. */
void
pm_xlsx_writer_write_row (PmXlsxWriter      *self,
                          lxw_worksheet     *sheet,
                          guint              row,
                          const char *const *cells,
                          guint              n_cells)
{
  lxw_format *format;
  Table *table;

  g_return_if_fail (PM_IS_XLSX_WRITER (self));
  g_return_if_fail (sheet != NULL);

  table = g_hash_table_lookup (self->tables, sheet);
  format = self->formats[PM_XLSX_FORMAT_CELL];
  for (guint c = 0; c < n_cells; c++)
    {
      if (cells[c] != NULL && cells[c][0] != '\0')
        worksheet_write_string (sheet, row, c, cells[c], format);
      else
        worksheet_write_blank (sheet, row, c, format);
    }
  worksheet_set_row (sheet, row, row_height (table, cells, n_cells), NULL);
  if (table != NULL && n_cells == table->columns->len)
    {
      g_ptr_array_add (table->rows, copy_cells (cells, n_cells));
      g_array_append_val (table->row_numbers, row);
    }
}

/* Adds a filter to the header of a table written from header_row to
 * last_row, widens its columns to their content (a short text is never
 * wrapped, up to PM_XLSX_AUTO_WIDTH), sizes its rows again to match, and
 * prints every column of it. */
void
pm_xlsx_writer_end_table (PmXlsxWriter  *self,
                          lxw_worksheet *sheet,
                          guint          header_row,
                          guint          last_row,
                          guint          n_columns)
{
  Table *table;

  g_return_if_fail (PM_IS_XLSX_WRITER (self));
  g_return_if_fail (sheet != NULL);
  g_return_if_fail (n_columns > 0);

  worksheet_autofilter (sheet, header_row, 0, MAX (header_row, last_row), n_columns - 1);
  /* Every column on paper, the width of the page (fitted in add_sheet). */
  worksheet_print_area (sheet, 0, 0, MAX (header_row, last_row), n_columns - 1);

  table = g_hash_table_lookup (self->tables, sheet);
  if (table == NULL)
    return;

  for (guint c = 0; c < table->columns->len; c++)
    {
      PmXlsxColumn *column = &g_array_index (table->columns, PmXlsxColumn, c);
      double widest = pm_xlsx_text_width (table->header[c]);

      for (guint i = 0; i < table->rows->len; i++)
        widest = MAX (widest, pm_xlsx_text_width (((char **) table->rows->pdata[i])[c]));
      /* a unit of room, as pm_xlsx_count_lines() keeps */
      column->width = MAX (column->width, MIN (widest + 1.0, PM_XLSX_AUTO_WIDTH));
      worksheet_set_column (sheet, c, c, column->width, NULL);
    }

  worksheet_set_row (sheet, table->header_row,
                     row_height (table, (const char *const *) table->header, table->columns->len), NULL);
  for (guint i = 0; i < table->rows->len; i++)
    worksheet_set_row (sheet, g_array_index (table->row_numbers, guint, i),
                       row_height (table, table->rows->pdata[i], table->columns->len), NULL);
}

/* Writes the workbook and puts it at its path. */
gboolean
pm_xlsx_writer_close (PmXlsxWriter *self,
                      GError      **error)
{
  lxw_error status;

  g_return_val_if_fail (PM_IS_XLSX_WRITER (self), FALSE);
  g_return_val_if_fail (self->workbook != NULL, FALSE);

  status = workbook_close (self->workbook);
  self->workbook = NULL;
  if (status != LXW_NO_ERROR)
    {
      pm_export_file_abort (self->temp_path);
      g_set_error (error, PM_ERROR, PM_ERROR_IO, _("Cannot write “%s”: %s"), self->path,
                   lxw_strerror (status));
      return FALSE;
    }

  return pm_export_file_commit (self->temp_path, self->path, error);
}
