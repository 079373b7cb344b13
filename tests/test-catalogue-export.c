/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "pm-catalogue-export.h"
#include "pm-csv.h"
#include "pm-indicator.h"
#include "pm-project.h"
#include "pm-test-util.h"

static PmProject *project;

static char *
make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("pm-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static PmCsvTable *
export_and_read_back (char **out_path)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "catalogue.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  PmCsvTable *table;

  g_assert_true (pm_catalogue_export (project, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, PM_CSV_BOM));

  table = pm_csv_parse (contents, length, &error);
  g_assert_no_error (error);
  if (out_path)
    *out_path = g_steal_pointer (&path);
  return table;
}

static void
test_csv_has_exactly_the_documented_columns (void)
{
  g_autoptr (PmCsvTable) table = export_and_read_back (NULL);
  char **header = table->rows->pdata[0];

  g_assert_cmpuint (g_strv_length (header), ==, PM_CATALOGUE_N_COLUMNS);
  g_autofree char *joined = g_strjoinv (",", header);

  g_assert_cmpstr (joined, ==,
                   "code,period,plan,domain,number,name,unit,city_target,county_target,attribute,"
                   "lead_department,departments,predecessor,value_2010,target_2020,value_2020,note");
}

static void
test_csv_reads_back_field_by_field_equal_to_the_model (void)
{
  g_autoptr (PmCsvTable) table = export_and_read_back (NULL);
  GListModel *indicators = pm_project_get_indicators (project);

  g_assert_cmpuint (table->rows->len, ==, g_list_model_get_n_items (indicators) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr (GPtrArray) expected = pm_catalogue_row (indicator);
      char **row = table->rows->pdata[i + 1];

      g_assert_cmpuint (g_strv_length (row), ==, PM_CATALOGUE_N_COLUMNS);
      for (guint c = 0; c < PM_CATALOGUE_N_COLUMNS; c++)
        g_assert_cmpstr (row[c], ==, expected->pdata[c]);
    }
}

static char **
find_row (PmCsvTable *table,
          const char *code)
{
  for (guint i = 1; i < table->rows->len; i++)
    {
      char **row = table->rows->pdata[i];

      if (g_str_equal (row[0], code))
        return row;
    }
  g_assert_not_reached ();
}

static void
test_csv_rows_say_what_the_plan_prints (void)
{
  g_autoptr (PmCsvTable) table = export_and_read_back (NULL);
  char **w31 = find_row (table, "W31");
  char **hw25 = find_row (table, "HW25");
  char **c10_1 = find_row (table, "C10.1");

  g_assert_cmpstr (w31[1], ==, "2021-2030");
  g_assert_cmpstr (w31[2], ==, "women");
  g_assert_cmpstr (w31[3], ==, "妇女参与决策管理");
  g_assert_cmpstr (w31[8], ==, "与女职工比例相适应");
  g_assert_cmpstr (w31[9], ==, "预期性");
  g_assert_cmpstr (w31[10], ==, "县国有资产管理服务中心");
  g_assert_cmpstr (w31[11], ==, "县国有资产管理服务中心、县总工会");
  g_assert_cmpstr (w31[12], ==, "HW31");

  g_assert_cmpstr (hw25[1], ==, "2011-2020");
  g_assert_cmpstr (hw25[3], ==, "");
  g_assert_cmpstr (hw25[13], ==, "23%");
  g_assert_cmpstr (hw25[14], ==, "提高");
  g_assert_cmpstr (hw25[15], ==, "25.92");

  g_assert_cmpstr (c10_1[4], ==, "");
  g_assert_cmpstr (c10_1[8], ==, "<38");
  g_assert_cmpstr (c10_1[11], ==, "县教委");
}

/* Every 2010 value, 2020 target and 2020 result of 专栏1 as the plans' text
 * prints it: 34.80, not 34.8 */
static void
test_csv_previous_results_are_the_text_of_the_plan (void)
{
  g_autoptr (PmCsvTable) table = export_and_read_back (NULL);
  g_autoptr (GHashTable) printed = NULL;
  g_autofree char *source_text = NULL;
  g_autoptr (GError) error = NULL;
  guint compared = 0;

  g_file_get_contents (g_getenv ("PM_PLAN_SOURCE_TEXT"), &source_text, NULL, &error);
  g_assert_no_error (error);
  printed = pm_test_read_previous_results (source_text);

  for (guint i = 1; i < table->rows->len; i++)
    {
      char **row = table->rows->pdata[i];
      char **cells = g_hash_table_lookup (printed, row[0]);

      if (!g_str_equal (row[1], "2011-2020"))
        continue;
      g_assert_nonnull (cells);
      g_test_message ("%s", row[0]);
      g_assert_cmpstr (row[13], ==, g_str_equal (cells[0], "——") ? "" : cells[0]);
      g_assert_cmpstr (row[14], ==, cells[1]);
      g_assert_cmpstr (row[15], ==, g_str_equal (cells[2], "——") ? "" : cells[2]);
      compared++;
    }
  g_assert_cmpuint (compared, ==, g_hash_table_size (printed));

  /* the rows whose print is not the shortest way of writing the number */
  g_assert_cmpstr (find_row (table, "HW20")[13], ==, "34.80");
  g_assert_cmpstr (find_row (table, "HW20")[15], ==, "45.80");
  g_assert_cmpstr (find_row (table, "HC14")[15], ==, "3.70");
  g_assert_cmpstr (find_row (table, "HC21")[15], ==, "98.90");
  g_assert_cmpstr (find_row (table, "HC23")[15], ==, "98.10");
}

static void
test_xlsx_is_written_as_a_zip_package (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "catalogue.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_assert_true (pm_catalogue_export (project, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "PK\x03\x04", 4) == 0);
}

static char *
xlsx_part (const char *path,
           const char *member)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char *[]) { (char *) "unzip", (char *) "-p", (char *) path,
                                   (char *) member, NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The number format of the cell ref, which holds value (the number). */
static char *
xlsx_cell_format (const char *styles,
                  const char *sheet,
                  const char *ref,
                  const char *value)
{
  g_autofree char *cell_pattern = g_strdup_printf ("<c r=\"%s\" s=\"(\\d+)\"><v>%s</v></c>",
                                                   ref, value);
  g_autoptr (GRegex) cell = g_regex_new (cell_pattern, 0, 0, NULL);
  g_autoptr (GRegex) xf = g_regex_new ("<xf numFmtId=\"(\\d+)\"", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *style = NULL;
  g_autofree char *format_id = NULL;
  g_autofree char *format_pattern = NULL;
  g_autoptr (GRegex) format = NULL;
  const char *xfs = strstr (styles, "<cellXfs");
  guint64 index;

  g_assert_true (g_regex_match (cell, sheet, 0, &match));
  style = g_match_info_fetch (match, 1);
  g_clear_pointer (&match, g_match_info_free);
  index = g_ascii_strtoull (style, NULL, 10);

  g_assert_nonnull (xfs);
  g_regex_match (xf, xfs, 0, &match);
  for (guint64 i = 0; i < index; i++)
    g_assert_true (g_match_info_next (match, NULL));
  g_assert_true (g_match_info_matches (match));
  format_id = g_match_info_fetch (match, 1);
  g_clear_pointer (&match, g_match_info_free);

  format_pattern = g_strdup_printf ("<numFmt numFmtId=\"%s\" formatCode=\"([^\"]*)\"", format_id);
  format = g_regex_new (format_pattern, 0, 0, NULL);
  if (!g_regex_match (format, styles, 0, &match))
    return g_strdup ("General");
  return g_match_info_fetch (match, 1);
}

/* In the XLSX a value of 专栏1 is a number that shows the decimals printed */
static void
test_xlsx_shows_the_previous_results_with_the_printed_decimals (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "catalogue.xlsx", NULL);
  g_autofree char *styles = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  PmIndicator *hw20 = pm_project_find_indicator (project, "HW20");
  guint row = 0;

  if (unzip == NULL)
    {
      g_test_skip ("unzip is not installed");
      return;
    }

  g_assert_true (pm_catalogue_export (project, path, &error));
  g_assert_no_error (error);
  styles = xlsx_part (path, "xl/styles.xml");
  sheet = xlsx_part (path, "xl/worksheets/sheet1.xml");

  /* the spreadsheet's row of HW20: the header, then the catalogue in order */
  for (guint i = 0; i < g_list_model_get_n_items (pm_project_get_indicators (project)); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (pm_project_get_indicators (project), i);

      if (indicator == hw20)
        row = i + 2;
    }
  g_assert_cmpuint (row, >, 0);

  {
    g_autofree char *n = g_strdup_printf ("N%u", row);
    g_autofree char *p = g_strdup_printf ("P%u", row);
    g_autofree char *n_format = xlsx_cell_format (styles, sheet, n, "34.8");
    g_autofree char *p_format = xlsx_cell_format (styles, sheet, p, "45.8");

    g_assert_cmpstr (n_format, ==, "0.00");
    g_assert_cmpstr (p_format, ==, "0.00");
  }
}

static void
test_unwritable_destination_is_an_error_and_leaves_nothing (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (pm_catalogue_export (project, "/nonexistent-dir/catalogue.csv", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir"));
  g_clear_error (&error);

  g_assert_false (pm_catalogue_export (project, "/nonexistent-dir/catalogue.xlsx", &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test ("/nonexistent-dir", G_FILE_TEST_EXISTS));
}

static void
test_unknown_extension_is_refused (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (pm_catalogue_export (project, "catalogue.doc", &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, ".csv or .xlsx"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  project = pm_project_new_from_template (&error);
  g_assert_no_error (error);

  g_test_add_func ("/export/catalogue/csv-has-exactly-the-documented-columns",
                   test_csv_has_exactly_the_documented_columns);
  g_test_add_func ("/export/catalogue/csv-reads-back-field-by-field-equal-to-the-model",
                   test_csv_reads_back_field_by_field_equal_to_the_model);
  g_test_add_func ("/export/catalogue/csv-rows-say-what-the-plan-prints",
                   test_csv_rows_say_what_the_plan_prints);
  g_test_add_func ("/export/catalogue/csv-previous-results-are-the-text-of-the-plan",
                   test_csv_previous_results_are_the_text_of_the_plan);
  g_test_add_func ("/export/catalogue/xlsx-is-written-as-a-zip-package",
                   test_xlsx_is_written_as_a_zip_package);
  g_test_add_func ("/export/catalogue/xlsx-shows-the-previous-results-with-the-printed-decimals",
                   test_xlsx_shows_the_previous_results_with_the_printed_decimals);
  g_test_add_func ("/export/catalogue/unwritable-destination-is-an-error-and-leaves-nothing",
                   test_unwritable_destination_is_an_error_and_leaves_nothing);
  g_test_add_func ("/export/catalogue/unknown-extension-is-refused", test_unknown_extension_is_refused);

  status = g_test_run ();
  g_clear_object (&project);
  return status;
}
