/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "export-test-support.h"
#include "pm-xlsx-writer.h"

static GHashTable *
new_taken (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
test_sheet_name_is_cut_to_31_characters (void)
{
  g_autoptr (GHashTable) taken = new_taken ();
  g_autofree char *name = pm_xlsx_sheet_name_make (
    "县妇女儿童工作委员会办公室和县网络安全和信息化中心以及县国有资产管理服务中心", taken);

  g_assert_cmpint (g_utf8_strlen (name, -1), ==, 31);
  g_assert_true (g_str_has_prefix (name, "县妇女儿童工作委员会办公室"));
}

static void
test_sheet_name_replaces_characters_excel_forbids (void)
{
  g_autoptr (GHashTable) taken = new_taken ();
  g_autofree char *name = pm_xlsx_sheet_name_make ("'a[b]c:d*e?f/g\\h'", taken);

  g_assert_cmpstr (name, ==, "a_b_c_d_e_f_g_h");
}

static void
test_sheet_name_taken_gets_a_number (void)
{
  g_autoptr (GHashTable) taken = new_taken ();
  g_autofree char *first = pm_xlsx_sheet_name_make ("县教委", taken);
  g_autofree char *second = pm_xlsx_sheet_name_make ("县教委", taken);
  g_autofree char *third = pm_xlsx_sheet_name_make ("县教委", taken);
  g_autofree char *upper = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *long1 = NULL;
  g_autofree char *long2 = NULL;
  const char *long_name = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三";

  g_assert_cmpstr (first, ==, "县教委");
  g_assert_cmpstr (second, ==, "县教委 (2)");
  g_assert_cmpstr (third, ==, "县教委 (3)");

  upper = pm_xlsx_sheet_name_make ("Summary", taken);
  lower = pm_xlsx_sheet_name_make ("SUMMARY", taken);
  g_assert_cmpstr (lower, ==, "SUMMARY (2)");

  long1 = pm_xlsx_sheet_name_make (long_name, taken);
  long2 = pm_xlsx_sheet_name_make (long_name, taken);
  g_assert_cmpint (g_utf8_strlen (long2, -1), ==, 31);
  g_assert_true (g_str_has_suffix (long2, " (2)"));
  g_assert_cmpstr (long1, !=, long2);
}

static void
test_sheet_name_empty_or_reserved_is_replaced (void)
{
  g_autoptr (GHashTable) taken = new_taken ();
  g_autofree char *empty = pm_xlsx_sheet_name_make ("", taken);
  g_autofree char *history = pm_xlsx_sheet_name_make ("History", taken);

  g_assert_cmpstr (empty, ==, "Sheet");
  g_assert_cmpstr (history, ==, "History (2)");
}

static char *
write_workbook (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmXlsxWriter) writer = NULL;
  char *path = g_build_filename (dir, "book.xlsx", NULL);
  static const PmXlsxColumn columns[] = { { "编号", 8 }, { "任务", 40 }, { "部门", 20 } };
  lxw_worksheet *sheet;

  writer = pm_xlsx_writer_new (path, &error);
  g_assert_no_error (error);

  for (guint s = 0; s < 2; s++)
    {
      const char *name = s == 0 ? "县教委" : "县教委";  /* the same name twice */

      sheet = pm_xlsx_writer_add_sheet (writer, name, s == 1, "县教委 & 县妇联");
      worksheet_write_string (sheet, 0, 0, "标题", pm_xlsx_writer_get_format (writer, PM_XLSX_FORMAT_TITLE));
      pm_xlsx_writer_write_header (writer, sheet, 2, columns, 3);
      for (guint r = 0; r < 3; r++)
        {
          g_autofree char *code = g_strdup_printf ("T%u", r + 1);
          const char *cells[] = { code, r == 1 ? "" : "开展宣传活动", "县教委" };

          pm_xlsx_writer_write_row (writer, sheet, 3 + r, cells, 3);
        }
      pm_xlsx_writer_end_table (writer, sheet, 2, 5, 3);
    }

  g_assert_true (pm_xlsx_writer_close (writer, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_workbook_reads_back_cell_by_cell (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = NULL;
  g_auto (GStrv) names = NULL;

  if (!export_test_need_tool ("unzip"))
    return;

  path = write_workbook (dir);
  names = export_test_xlsx_sheet_names (path);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "县教委");
  g_assert_cmpstr (names[1], ==, "县教委 (2)");

  for (guint s = 1; s <= 2; s++)
    {
      g_autoptr (GHashTable) cells = export_test_xlsx_cells (path, s);

      g_assert_cmpstr (g_hash_table_lookup (cells, "A1"), ==, "标题");
      g_assert_cmpstr (g_hash_table_lookup (cells, "B3"), ==, "任务");
      g_assert_cmpstr (g_hash_table_lookup (cells, "A4"), ==, "T1");
      g_assert_cmpstr (g_hash_table_lookup (cells, "B4"), ==, "开展宣传活动");
      g_assert_null (g_hash_table_lookup (cells, "B5"));
      g_assert_cmpstr (g_hash_table_lookup (cells, "C6"), ==, "县教委");
    }
}

static void
test_workbook_freezes_the_header_and_sets_up_printing (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *sheet1 = NULL;
  g_autofree char *sheet2 = NULL;

  if (!export_test_need_tool ("unzip"))
    return;

  path = write_workbook (dir);
  sheet1 = export_test_xlsx_part (path, "xl/worksheets/sheet1.xml");
  sheet2 = export_test_xlsx_part (path, "xl/worksheets/sheet2.xml");
  workbook = export_test_xlsx_part (path, "xl/workbook.xml");

  /* frozen below the header row (row 3) */
  g_assert_nonnull (strstr (sheet1, "ySplit=\"3\""));
  g_assert_nonnull (strstr (sheet1, "state=\"frozen\""));
  /* fitted to one page wide, on A4; the second sheet landscape */
  g_assert_nonnull (strstr (sheet1, "<pageSetUpPr fitToPage=\"1\"/>"));
  g_assert_nonnull (strstr (sheet1, "paperSize=\"9\""));
  g_assert_nonnull (strstr (sheet1, "fitToHeight=\"0\""));
  g_assert_nonnull (strstr (sheet1, "orientation=\"portrait\""));
  g_assert_nonnull (strstr (sheet2, "orientation=\"landscape\""));
  /* wide columns */
  g_assert_nonnull (strstr (sheet1, "width=\"40.7109375\""));
  /* the header row repeats on every printed page, and filters */
  g_assert_nonnull (strstr (workbook, "_xlnm.Print_Titles"));
  g_assert_nonnull (strstr (workbook, "'县教委'!$3:$3"));
  g_assert_nonnull (strstr (sheet1, "<autoFilter ref=\"A3:C6\"/>"));
  /* page numbers at the foot; a literal & doubled in the header */
  g_assert_nonnull (strstr (sheet1, "<oddFooter>&amp;C第 &amp;P 页 / 共 &amp;N 页</oddFooter>"));
  g_assert_nonnull (strstr (sheet1, "<oddHeader>&amp;L县教委 &amp;&amp; 县妇联</oddHeader>"));
}

static void
test_wrapped_text_format_wraps (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *styles = NULL;

  if (!export_test_need_tool ("unzip"))
    return;

  path = write_workbook (dir);
  styles = export_test_xlsx_part (path, "xl/styles.xml");
  g_assert_nonnull (strstr (styles, "wrapText=\"1\""));
}

static void
test_lines_are_estimated_from_wide_characters (void)
{
  /* a CJK character takes 2 units, others 1.1; a line holds width - 1 */
  g_assert_cmpuint (pm_xlsx_count_lines (NULL, 10), ==, 1);
  g_assert_cmpuint (pm_xlsx_count_lines ("", 10), ==, 1);
  g_assert_cmpuint (pm_xlsx_count_lines ("县妇联", 10), ==, 1);
  g_assert_cmpuint (pm_xlsx_count_lines ("县网络安全和信息化中心", 10), ==, 3);
  g_assert_cmpuint (pm_xlsx_count_lines ("a\nb\nc", 10), ==, 3);
  g_assert_cmpuint (pm_xlsx_count_lines ("2025-01-01", 12), ==, 1);
}

/* A table of a short code, a list of names and a long text, its columns
 * given 8, 10 and 20 wide. */
static char *
write_mixed_table (const char *dir)
{
  char *path = g_build_filename (dir, "rows.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmXlsxWriter) writer = pm_xlsx_writer_new (path, &error);
  static const PmXlsxColumn columns[] = { { "编号", 8 }, { "任务", 10 }, { "原文", 20 } };
  const char *short_row[] = { "T1", "短", "很长的原文很长的原文很长的原文很长的原文很长的原文" };
  const char *long_row[] = { "T2", "县网络安全和信息化中心", "" };
  lxw_worksheet *sheet;

  g_assert_no_error (error);
  sheet = pm_xlsx_writer_add_sheet (writer, "表", TRUE, NULL);
  pm_xlsx_writer_write_header (writer, sheet, 0, columns, 3);
  pm_xlsx_writer_write_row (writer, sheet, 1, short_row, 3);
  pm_xlsx_writer_write_row (writer, sheet, 2, long_row, 3);
  pm_xlsx_writer_end_table (writer, sheet, 0, 2, 3);
  g_assert_true (pm_xlsx_writer_close (writer, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_rows_are_as_high_as_their_wrapped_text (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *sheet_xml = NULL;

  if (!export_test_need_tool ("unzip"))
    return;

  path = write_mixed_table (dir);
  sheet_xml = export_test_xlsx_part (path, "xl/worksheets/sheet1.xml");
  /* the long text (50 units) in 25 units: three lines; the name on one */
  g_assert_nonnull (strstr (sheet_xml, "<row r=\"2\" spans=\"1:3\" ht=\"51\" customHeight=\"1\">"));
  g_assert_nonnull (strstr (sheet_xml, "<row r=\"3\" spans=\"1:3\" ht=\"19\" customHeight=\"1\">"));
}

static void
test_columns_grow_to_their_content_up_to_twelve_cjk_characters (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = NULL;

  if (!export_test_need_tool ("unzip"))
    return;

  path = write_mixed_table (dir);
  /* as given (and Excel's 0.71 of padding), when the content fits */
  g_assert_cmpfloat_with_epsilon (export_test_xlsx_column_width (path, 1, 1), 8.71, 0.01);
  /* 11 CJK characters, 22 units, and one unit of room */
  g_assert_cmpfloat_with_epsilon (export_test_xlsx_column_width (path, 1, 2), 23.71, 0.01);
  /* a long text: to 25 units, then it wraps */
  g_assert_cmpfloat_with_epsilon (export_test_xlsx_column_width (path, 1, 3), 25.71, 0.01);
}

static void
test_long_text_column_wraps_and_is_printed (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *sheet_xml = NULL;

  if (!export_test_need_tool ("unzip"))
    return;

  path = write_mixed_table (dir);
  workbook = export_test_xlsx_part (path, "xl/workbook.xml");
  sheet_xml = export_test_xlsx_part (path, "xl/worksheets/sheet1.xml");
  g_assert_true (export_test_xlsx_cell_wraps (path, 1, "C2"));
  /* every column on paper, fitted to the width of the page */
  g_assert_nonnull (strstr (workbook, "_xlnm.Print_Area"));
  g_assert_nonnull (strstr (workbook, "'表'!$A$1:$C$3"));
  g_assert_nonnull (strstr (sheet_xml, "<pageSetUpPr fitToPage=\"1\"/>"));
  g_assert_nonnull (strstr (sheet_xml, "fitToHeight=\"0\""));
  g_assert_null (strstr (sheet_xml, "fitToWidth="));  /* 1, the default */
}

static void
test_writer_dropped_unclosed_leaves_no_file (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "dropped.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = NULL;
  PmXlsxWriter *writer;

  writer = pm_xlsx_writer_new (path, &error);
  g_assert_no_error (error);
  pm_xlsx_writer_add_sheet (writer, "县教委", FALSE, NULL);
  g_object_unref (writer);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
}

static void
test_writer_in_a_missing_folder_fails_naming_it (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmXlsxWriter) writer = pm_xlsx_writer_new ("/nonexistent-folder/x.xlsx", &error);

  g_assert_null (writer);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/xlsx/sheet-name-is-cut-to-31-characters",
                   test_sheet_name_is_cut_to_31_characters);
  g_test_add_func ("/export/xlsx/sheet-name-replaces-characters-excel-forbids",
                   test_sheet_name_replaces_characters_excel_forbids);
  g_test_add_func ("/export/xlsx/sheet-name-taken-gets-a-number",
                   test_sheet_name_taken_gets_a_number);
  g_test_add_func ("/export/xlsx/sheet-name-empty-or-reserved-is-replaced",
                   test_sheet_name_empty_or_reserved_is_replaced);
  g_test_add_func ("/export/xlsx/workbook-reads-back-cell-by-cell",
                   test_workbook_reads_back_cell_by_cell);
  g_test_add_func ("/export/xlsx/workbook-freezes-the-header-and-sets-up-printing",
                   test_workbook_freezes_the_header_and_sets_up_printing);
  g_test_add_func ("/export/xlsx/wrapped-text-format-wraps", test_wrapped_text_format_wraps);
  g_test_add_func ("/export/xlsx/lines-are-estimated-from-wide-characters",
                   test_lines_are_estimated_from_wide_characters);
  g_test_add_func ("/export/xlsx/rows-are-as-high-as-their-wrapped-text",
                   test_rows_are_as_high_as_their_wrapped_text);
  g_test_add_func ("/export/xlsx/columns-grow-to-their-content-up-to-twelve-cjk-characters",
                   test_columns_grow_to_their_content_up_to_twelve_cjk_characters);
  g_test_add_func ("/export/xlsx/long-text-column-wraps-and-is-printed",
                   test_long_text_column_wraps_and_is_printed);
  g_test_add_func ("/export/xlsx/writer-dropped-unclosed-leaves-no-file",
                   test_writer_dropped_unclosed_leaves_no_file);
  g_test_add_func ("/export/xlsx/writer-in-a-missing-folder-fails-naming-it",
                   test_writer_in_a_missing_folder_fails_naming_it);

  return g_test_run ();
}
