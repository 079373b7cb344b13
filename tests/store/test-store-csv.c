/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing and exporting observations as CSV. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pm-csv.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"
#include "pm-store-private.h"
#include "pm-store.h"
#include "store-test-util.h"

static PmStore *
new_store (char **path_out)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (GError) error = NULL;
  PmStore *store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);

  g_assert_no_error (error);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return store;
}

static PmObservation *
find (PmStore    *store,
      const char *code,
      int         year,
      const char *area)
{
  PmIndicator *indicator = pm_project_find_indicator (pm_store_get_project (store), code);

  g_assert_nonnull (indicator);
  return pm_indicator_find_observation (indicator, year, area);
}

static void
import (PmStore             *store,
        const char          *csv,
        PmStoreImportCounts *counts)
{
  g_autoptr (GError) error = NULL;

  pm_store_import_csv_data (store, csv, -1, "test.csv", counts, &error);
  g_assert_no_error (error);
}

static void
test_number_forms (void)
{
  struct
  {
    const char *field;
    const char *unit;
    gboolean ok;
    double value;
    const char *printed; /* NULL: plain */
  } cases[] = {
    { "12.5", "%", TRUE, 12.5, NULL },
    { " 12.5 ", "%", TRUE, 12.5, NULL },
    { "12.50", "%", TRUE, 12.5, "12.50" },
    { "１２.５", "%", TRUE, 12.5, "１２.５" },
    { "１２．５", "%", TRUE, 12.5, "１２．５" },
    { "1,234", "人", TRUE, 1234, "1,234" },
    { "-12,345.5", "人", TRUE, -12345.5, "-12,345.5" },
    { "−1,234", "人", TRUE, -1234, "−1,234" },
    { "1，234，567.5", "人", TRUE, 1234567.5, "1，234，567.5" },
    { "95%", "%", TRUE, 95, "95%" },
    { "95 ％", "%", TRUE, 95, "95 ％" },
    { "3.2‰", "‰", TRUE, 3.2, "3.2‰" },
    { "−3.5", "%", TRUE, -3.5, "−3.5" },
    { "-3.5", "%", TRUE, -3.5, NULL },
    { "+4", "%", TRUE, 4, "+4" },
    { ".5", "%", TRUE, 0.5, ".5" },
    { "\u3000７\u3000", "岁", TRUE, 7, "７" },
    { "95%", "‰", FALSE, 0, NULL },
    { "95%", "1/10万", FALSE, 0, NULL },
    { "3‰", "%", FALSE, 0, NULL },
    { "1,23", "人", FALSE, 0, NULL },
    { "12,3456", "人", FALSE, 0, NULL },
    { ",123", "人", FALSE, 0, NULL },
    { "1e-09", "人", TRUE, 1e-9, NULL },
    { "1.23E+11", "人", TRUE, 1.23e11, "1.23E+11" },
    { "1e", "人", FALSE, 0, NULL },
    { "1,000e3", "人", FALSE, 0, NULL },
    { "e5", "人", FALSE, 0, NULL },
    { "5.", "人", FALSE, 0, NULL },
    { "12 345", "人", FALSE, 0, NULL },
    { "", "人", FALSE, 0, NULL },
    { "约50", "%", FALSE, 0, NULL },
    { "≥95", "%", FALSE, 0, NULL },
    { "abc", "%", FALSE, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *printed = NULL;
      g_autofree char *reason = NULL;
      double value;
      gboolean ok = pm_store_parse_number (cases[i].field, cases[i].unit, &value, &printed,
                                           &reason);

      g_test_message ("“%s” (%s): %s", cases[i].field, cases[i].unit, reason ? reason : "ok");
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        {
          g_assert_nonnull (reason);
          continue;
        }
      g_assert_cmpfloat (value, ==, cases[i].value);
      g_assert_cmpstr (printed, ==, cases[i].printed);
    }
}

static void
test_import_accepts_what_spreadsheets_write (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  PmStoreImportCounts counts;
  PmObservation *observation;
  /* a BOM, CRLF, the columns in another order, quoted fields with commas,
   * quotes and a line break, full-width digits and codes, separators, signs */
  const char *csv =
    "\xEF\xBB\xBF" "Year, Value ,CODE,note,area,source,provisional\r\n"
    "2021,81.2,W1,,,县卫生健康委,0\r\n"
    "２０２２,\"1,234\",W1,\"千位分隔, 带引号的\"\"注\"\"\",,,no\r\n"
    "2023,９６.５%,w4,\"两行\r\n说明\",,,是\r\n"
    "2023,3.2‰,C4,,,,\r\n"
    "2024,−1.5,Ｗ２,,双江街道,,yes\r\n"
    "\r\n";

  import (store, csv, &counts);
  g_assert_cmpuint (counts.added, ==, 5);
  g_assert_cmpuint (counts.changed, ==, 0);

  observation = find (store, "W1", 2021, NULL);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 81.2);
  g_assert_null (pm_observation_get_text (observation));
  g_assert_cmpstr (pm_observation_get_source (observation), ==, "县卫生健康委");

  observation = find (store, "W1", 2022, NULL);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 1234);
  g_assert_cmpstr (pm_observation_get_text (observation), ==, "1,234");
  g_assert_cmpstr (pm_observation_get_note (observation), ==, "千位分隔, 带引号的\"注\"");
  g_assert_false (pm_observation_get_provisional (observation));

  observation = find (store, "W4", 2023, NULL);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 96.5);
  g_assert_cmpstr (pm_observation_get_text (observation), ==, "９６.５%");
  g_assert_cmpstr (pm_observation_get_note (observation), ==, "两行\n说明");
  g_assert_true (pm_observation_get_provisional (observation));

  observation = find (store, "C4", 2023, NULL);
  g_assert_nonnull (observation);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 3.2);

  observation = find (store, "W2", 2024, "双江街道");
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, -1.5);
  g_assert_true (pm_observation_get_provisional (observation));
}

static void
test_import_lists_every_bad_row_and_changes_nothing (void)
{
  g_autofree char *path = NULL;
  g_autoptr (PmStore) store = new_store (&path);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  PmStoreImportCounts counts;
  const char *csv =
    "code,year,value\n"
    "W1,2021,80\n"       /* good, yet not written: the file has bad rows */
    "W999,2021,1\n"      /* unknown code */
    "W1,2009,1\n"        /* year outside 2010–2030 */
    "W1,2031,1\n"
    "W1,二〇二二,1\n"    /* not a whole number */
    "W1,2022,n/a\n"      /* not a number */
    "W3,2022,12%\n"      /* W3 is per 100,000 */
    "W1,2023,5\n"
    "w1,2023,6\n";       /* the same key again */

  import (store, "code,year,value\nC1,2020,7\n", NULL);
  pm_store_close (store);
  before = store_test_checksum (path);
  g_clear_object (&store);
  store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);

  g_assert_false (pm_store_import_csv_data (store, csv, -1, "values.csv", &counts, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID_CSV);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message,
                                   "“values.csv” was not imported: 7 rows are wrong."));
  g_assert_nonnull (strstr (error->message, "Line 3: unknown indicator code “W999”"));
  g_assert_nonnull (strstr (error->message, "Line 4: the year 2009 is outside 2010–2030"));
  g_assert_nonnull (strstr (error->message, "Line 5: the year 2031 is outside 2010–2030"));
  g_assert_nonnull (strstr (error->message, "Line 6: the year “二〇二二” is not a whole number"));
  g_assert_nonnull (strstr (error->message, "Line 7: the value “n/a” is not a number"));
  g_assert_nonnull (strstr (error->message,
                            "Line 8: the value “12%” has a % sign, but the indicator's unit is "
                            "“1/10万”"));
  g_assert_nonnull (strstr (error->message,
                            "Line 10: a second value for W1, 2023, county (the first is on line 9)"));
  g_assert_null (strstr (error->message, "Line 2:"));

  g_assert_null (find (store, "W1", 2021, NULL));
  g_assert_cmpstr (pm_store_get_undo_label (store), ==, NULL);
  pm_store_close (store);
  g_assert_cmpstr (store_test_checksum (path), ==, before);
}

static void
test_import_refuses_a_bad_header (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  struct
  {
    const char *csv;
    const char *expected;
  } cases[] = {
    { "code,year\nW1,2021\n", "the column “value” is missing" },
    { "code,year,value,comment\nW1,2021,1,x\n", "unknown column “comment”" },
    { "code,year,value,year\nW1,2021,1,2022\n", "the column “year” appears twice" },
    { "", "it is empty" },
    { "code,year,value\nW1,2021,\"1\n", "never closed" },
    { "code,year,value\nW1,2021,\xff\xfe\n", "not UTF-8" },
    { "code,year,value\nW1,2021,1,extra\n", "Line 2: 4 fields, but the header has 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (pm_store_import_csv_data (store, cases[i].csv, -1, "x.csv", NULL, &error));
      g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID_CSV);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
  g_assert_false (pm_store_can_undo (store));
}

static void
test_import_replaces_values_and_counts (void)
{
  g_autofree char *path = NULL;
  g_autoptr (PmStore) store = new_store (&path);
  PmStoreImportCounts counts;

  import (store, "code,year,value\nW1,2021,80\nW1,2022,81\nW1,2023,82\n", &counts);
  g_assert_cmpuint (counts.added, ==, 3);

  import (store, "code,year,value\nW1,2021,80\nW1,2022,85\nW1,2024,90\n", &counts);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, 1);
  g_assert_cmpfloat (pm_observation_get_value (find (store, "W1", 2022, NULL)), ==, 85);

  /* no history row for a value that did not change */
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observation_history"), ==,
                   5);
  g_assert_cmpstr (store_test_query_text (path, "SELECT action, origin, old_value, new_value "
                                                "FROM observation_history WHERE year = 2022 "
                                                "ORDER BY id"),
                   ==, "insert|import|NULL|81.000000\nupdate|import|81.000000|85.000000");
}

static void
test_import_is_one_undoable_edit (void)
{
  g_autofree char *path = NULL;
  g_autoptr (PmStore) store = new_store (&path);
  g_autoptr (GError) error = NULL;

  import (store, "code,year,value\nW1,2021,80\n", NULL);
  import (store, "code,year,value\nW1,2021,70\nW1,2022,71\nC1,2022,3\n", NULL);
  g_assert_cmpstr (pm_store_get_undo_label (store), ==, "Import “test.csv”");

  g_assert_true (pm_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (pm_observation_get_value (find (store, "W1", 2021, NULL)), ==, 80);
  g_assert_null (find (store, "W1", 2022, NULL));
  g_assert_null (find (store, "C1", 2022, NULL));
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observations"), ==, 1);

  g_assert_true (pm_store_redo (store, &error));
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observations"), ==, 3);
}

static void
test_export_writes_bom_crlf_and_every_column (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  g_autofree char *csv = NULL;

  import (store, "code,year,value,note,provisional\nC2,2022,5,\"a, b\",1\nW1,2021,９０%,,0\n",
          NULL);
  csv = pm_store_export_observations_csv_data (store, NULL);
  /* catalogue order: the women's plan first */
  g_assert_cmpstr (csv, ==,
                   "\xEF\xBB\xBF" "code,year,area,value,note,source,provisional\r\n"
                   "W1,2021,county,９０%,,,0\r\n"
                   "C2,2022,county,5,\"a, b\",,1\r\n");
}

static void
test_export_round_trips_exactly (void)
{
  g_autoptr (PmStore) first = new_store (NULL);
  g_autoptr (PmStore) second = new_store (NULL);
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autoptr (GError) error = NULL;
  const double awkward[] = { 0.1 + 0.2, 1.0 / 3.0, 123456789.987654321, 1e-9, -0.0 };

  import (first,
          "code,year,area,value,note,source,provisional\r\n"
          "W1,2021,county,81.20,\"注释, 含逗号\",县卫生健康委,1\r\n"
          "W1,2022,county,\"1,234\",\"两行\r\n说明\",,0\r\n"
          "W4,2023,county,９６.５%,,,0\r\n"
          "C4,2023,双江街道,3.2‰,\"He said \"\"hi\"\"\",,0\r\n"
          "HW1,2015,county,−1.5,,,0\r\n",
          NULL);
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      pm_store_set_observation (first, "C1", 2021 + i, NULL, awkward[i], NULL, NULL, NULL, FALSE,
                                &error);
      g_assert_no_error (error);
    }

  exported = pm_store_export_observations_csv_data (first, NULL);
  import (second, exported, NULL);
  again = pm_store_export_observations_csv_data (second, NULL);
  g_assert_cmpstr (again, ==, exported);

  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      double a = pm_observation_get_value (find (first, "C1", 2021 + i, NULL));
      double b = pm_observation_get_value (find (second, "C1", 2021 + i, NULL));

      g_assert_true (memcmp (&a, &b, sizeof a) == 0 || (a == 0 && b == 0));
    }
  g_assert_cmpstr (pm_observation_get_note (find (second, "W1", 2022, NULL)), ==, "两行\n说明");
}

static void
test_export_to_a_missing_folder_fails_plainly (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (pm_store_export_observations_csv (store, "/nonexistent-folder/v.csv", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "v.csv"));
}

static void
test_judgement_is_a_value_of_a_manual_target_only (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  PmProject *project = pm_store_get_project (store);
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  g_autoptr (GError) error = NULL;
  double value;

  /* W20 保持合理比例: a person judges it */
  g_assert_true (pm_store_read_value (pm_project_find_indicator (project, "W20"), " 已达标 ",
                                      &value, &text, &reason));
  g_assert_true (isnan (value));
  g_assert_cmpstr (text, ==, "已达标");
  g_clear_pointer (&text, g_free);

  /* W4 ≥94 is measured */
  g_assert_false (pm_store_read_value (pm_project_find_indicator (project, "W4"), "已达标",
                                       &value, &text, &reason));
  g_assert_nonnull (strstr (reason, "W4"));
  g_assert_false (pm_store_set_observation (store, "W4", 2023, NULL, NAN, "已达标", NULL, NULL,
                                            FALSE, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pm_store_set_judgement (store, "W4", 2023, "已达标", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pm_store_set_judgement (store, "W20", 2023, "maybe", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_assert_null (find (store, "W20", 2023, NULL));
}

static void
test_judgement_keeps_the_number_and_round_trips (void)
{
  g_autofree char *path = NULL;
  g_autoptr (PmStore) store = new_store (&path);
  g_autoptr (PmStore) second = new_store (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  PmObservation *observation;

  g_assert_true (pm_store_set_observation (store, "W20", 2023, NULL, 28.5, NULL, "synthetic",
                                           NULL, FALSE, &error));
  g_assert_true (pm_store_set_judgement (store, "W20", 2023, "已达标", &error));
  g_assert_no_error (error);
  observation = find (store, "W20", 2023, NULL);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 28.5);
  g_assert_cmpstr (pm_observation_get_text (observation), ==, "已达标");
  g_assert_cmpstr (pm_observation_get_note (observation), ==, "synthetic");
  /* a year with only a judgement has no number in the file */
  g_assert_true (pm_store_set_judgement (store, "W31", 2024, "未达标", &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observations "
                                               "WHERE indicator = 'W31' AND value IS NULL"), ==, 1);

  exported = pm_store_export_observations_csv_data (store, NULL);
  g_assert_nonnull (strstr (exported, "provisional,judgement\r\n"));
  g_assert_nonnull (strstr (exported, "W20,2023,county,28.5,synthetic,,0,已达标\r\n"));
  import (second, exported, NULL);
  again = pm_store_export_observations_csv_data (second, NULL);
  g_assert_cmpstr (again, ==, exported);
  g_assert_true (isnan (pm_observation_get_value (find (second, "W31", 2024, NULL))));

  /* removing the judgement keeps the number; a year with nothing else goes */
  g_assert_true (pm_store_set_judgement (store, "W20", 2023, NULL, &error));
  g_assert_true (pm_store_set_judgement (store, "W31", 2024, "", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (pm_observation_get_value (find (store, "W20", 2023, NULL)), ==, 28.5);
  g_assert_null (pm_observation_get_text (find (store, "W20", 2023, NULL)));
  g_assert_null (find (store, "W31", 2024, NULL));
}

/* Returns: (transfer full): the message of an import refused */
static char *
import_error (PmStore                    *store,
              const char                 *csv,
              gssize                      length,
              const PmStoreImportOptions *options)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (pm_store_import_csv_data_full (store, csv, length, "test.csv", options, NULL,
                                                 NULL, &error));
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static void
test_import_of_a_megabyte_of_commas_gives_a_short_message (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  gsize size = 1024 * 1024;
  g_autofree char *commas = g_malloc (size);
  g_autofree char *message = NULL;

  memset (commas, ',', size);
  message = import_error (store, commas, size, NULL);
  g_test_message ("%s", message);
  g_assert_cmpuint (strlen (message), <, 300);
  g_assert_nonnull (strstr (message, "Line 1 has more than"));
}

static void
test_import_lists_the_first_100_bad_rows_and_counts_the_others (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  g_autoptr (GString) csv = g_string_new ("code,year,value\n");
  g_autofree char *message = NULL;
  g_auto (GStrv) lines = NULL;

  for (int i = 0; i < 1000; i++)
    g_string_append (csv, "W1,2023,lots\n");
  message = import_error (store, csv->str, csv->len, NULL);
  lines = g_strsplit (message, "\n", -1);

  g_assert_true (g_str_has_prefix (message, "“test.csv” was not imported: 1000 rows are wrong."));
  /* the summary, 100 rows, the count of the others */
  g_assert_cmpuint (g_strv_length (lines), ==, 102);
  g_assert_true (g_str_has_prefix (lines[1], "Line 2: "));
  g_assert_true (g_str_has_prefix (lines[100], "Line 101: "));
  g_assert_cmpstr (lines[101], ==, "… and 900 more problems");
}

static void
test_import_echoes_at_most_80_characters_of_a_value (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  g_autoptr (GString) csv = g_string_new ("code,year,value,provisional\nW1,2023,");
  g_autofree char *message = NULL;
  const char *quoted;

  for (int i = 0; i < 5000; i++)
    g_string_append (csv, "数");
  g_string_append (csv, ",0\n");
  message = import_error (store, csv->str, csv->len, NULL);
  quoted = strstr (message, "“数");
  g_assert_nonnull (quoted);
  g_assert_cmpuint (strlen (message), <, 600);
  g_assert_nonnull (strstr (quoted, "数…”"));
}

static void
test_text_a_spreadsheet_would_run_is_guarded_and_round_trips (void)
{
  g_autoptr (PmStore) first = new_store (NULL);
  g_autoptr (PmStore) second = new_store (NULL);
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  const char *notes[] = { "=1+1", "'quoted", "-3 percent", "@x", "+cmd|' /C calc'!A0" };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_assert_true (pm_store_set_observation (first, "C1", 2021 + i, NULL, -3.5, NULL, notes[i],
                                               "=HYPERLINK(\"x\")", FALSE, &error));
      g_assert_no_error (error);
    }
  exported = pm_store_export_observations_csv_data (first, NULL);
  g_test_message ("%s", exported);
  /* the value, a number, stays one */
  g_assert_nonnull (strstr (exported, "C1,2021,county,-3.5,'=1+1,\"'=HYPERLINK(\"\"x\"\")\",0\r\n"));
  g_assert_nonnull (strstr (exported, ",''quoted,"));
  g_assert_nonnull (strstr (exported, ",'-3 percent,"));
  g_assert_nonnull (strstr (exported, ",'@x,"));
  g_assert_null (strstr (exported, ",=1+1"));

  import (second, exported, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      PmObservation *observation = find (second, "C1", 2021 + i, NULL);

      g_assert_cmpstr (pm_observation_get_note (observation), ==, notes[i]);
      g_assert_cmpstr (pm_observation_get_source (observation), ==, "=HYPERLINK(\"x\")");
      g_assert_cmpfloat (pm_observation_get_value (observation), ==, -3.5);
    }
  again = pm_store_export_observations_csv_data (second, NULL);
  g_assert_cmpstr (again, ==, exported);
}

static void
test_import_refuses_an_infinity_or_not_a_number (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  g_autofree char *message = import_error (store,
                                           "code,year,value\nW2,2021,1e999\nW2,2022,inf\n"
                                           "W2,2023,NaN\nW2,2024,-Infinity\nW2,2025,abc\n",
                                           -1, NULL);

  g_assert_true (g_str_has_prefix (message, "“test.csv” was not imported: 5 rows are wrong."));
  g_assert_nonnull (strstr (message, "Line 2: the value “1e999” is not a number"));
  g_assert_nonnull (strstr (message, "Line 3: the value “inf” is not a number"));
  g_assert_nonnull (strstr (message, "Line 4: the value “NaN” is not a number"));
  g_assert_nonnull (strstr (message, "Line 6: the value “abc” is not a number"));
  g_assert_null (find (store, "W2", 2021, NULL));
}

static void
test_an_invisible_character_in_the_header_is_named (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  g_autofree char *space = import_error (store, "\xE2\x80\x8B" "code,year,value\nW1,2023,80\n", -1,
                                         NULL);
  g_autofree char *bom = import_error (store, PM_CSV_BOM PM_CSV_BOM "code,year,value\n", -1, NULL);

  g_assert_nonnull (strstr (space, "column 1 “\\u200Bcode” contains an invisible character "
                                   "U+200B"));
  g_assert_nonnull (strstr (bom, "column 1 “\\uFEFFcode” contains an invisible character U+FEFF"));
  /* one BOM is no problem */
  import (store, PM_CSV_BOM "code,year,value\nW1,2023,80\n", NULL);
}

/* 县 妇 联 in GB18030 (GBK) */
#define GBK_NOTE "\xCF\xD8\xB8\xBE\xC1\xAA"

static void
test_a_gb18030_file_is_named_so_and_read_with_its_encoding (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  const char *csv = "code,year,value,note\nW1,2023,80," GBK_NOTE "\n";
  PmStoreImportOptions options = { .encoding = "GB18030" };
  g_autoptr (GError) error = NULL;

  g_assert_false (pm_store_import_csv_data (store, csv, -1, "gbk.csv", NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "not UTF-8; it looks like GB18030 (GBK)"));
  g_clear_error (&error);

  g_assert_true (pm_store_import_csv_data_full (store, csv, -1, "gbk.csv", &options, NULL, NULL,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pm_observation_get_note (find (store, "W1", 2023, NULL)), ==, "县妇联");
}

static void
test_an_unknown_area_is_refused_with_the_list_of_areas (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  const char *const new_areas[] = { "双江街道", NULL };
  PmStoreImportOptions known = { .known_areas_only = TRUE };
  PmStoreImportOptions adding = { .known_areas_only = TRUE, .new_areas = new_areas };
  g_autofree char *typo = NULL;
  g_autofree char *chinese = NULL;
  g_autofree char *town = NULL;
  g_autoptr (GError) error = NULL;

  typo = import_error (store, "code,year,area,value\nW1,2023,County,80\n", -1, &known);
  g_assert_nonnull (strstr (typo, "Line 2: unknown area “County” (the project's areas are: "
                                  "county;"));
  chinese = import_error (store, "code,year,area,value\nW1,2023,全县,80\n", -1, &known);
  g_assert_nonnull (strstr (chinese, "unknown area “全县”"));
  g_assert_null (find (store, "W1", 2023, "County"));

  /* added deliberately, the area is then one of the project's */
  g_assert_true (pm_store_import_csv_data_full (store, "code,year,area,value\nW1,2023,双江街道,80\n",
                                                -1, "test.csv", &adding, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pm_store_import_csv_data_full (store, "code,year,area,value\nW1,2024,双江街道,81\n",
                                                -1, "test.csv", &known, NULL, NULL, &error));
  g_assert_no_error (error);
  town = import_error (store, "code,year,area,value\nW1,2023,全县,80\n", -1, &known);
  g_assert_nonnull (strstr (town, "the project's areas are: county, 双江街道;"));
}

static void
test_values_that_fail_the_checks_are_warned_and_strict_refuses_them (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  const char *csv = "code,year,value\nW1,2023,150\nW2,2023,-78\nW4,2023,95\n";
  PmStoreImportOptions strict = { .strict = TRUE };
  g_autofree char *warnings = NULL;
  g_autofree char *refused = NULL;
  g_autoptr (GError) error = NULL;

  refused = import_error (store, csv, -1, &strict);
  g_assert_nonnull (strstr (refused, "Line 2: W1 2023: 150% is a percentage outside 0–100 %"));
  g_assert_nonnull (strstr (refused, "Line 3: W2 2023: "));
  g_assert_null (strstr (refused, "Line 4"));
  g_assert_null (find (store, "W1", 2023, NULL));

  g_assert_true (pm_store_import_csv_data_full (store, csv, -1, "test.csv", NULL, NULL, &warnings,
                                                &error));
  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  g_assert_nonnull (strstr (warnings, "Line 2: W1 2023: 150% is a percentage outside 0–100 %"));
  g_assert_nonnull (strstr (warnings, "Line 3: W2 2023: "));
  g_assert_cmpfloat (pm_observation_get_value (find (store, "W1", 2023, NULL)), ==, 150);
}

static void
test_every_locked_row_is_named_with_its_line (void)
{
  g_autoptr (PmStore) store = new_store (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert_true (pm_store_set_progress_note (store, "WT1.1", "县卫生健康委", 2023, "synthetic",
                                             &error));
  g_assert_true (pm_store_submit_department_report (store, "县卫生健康委", 2023, NULL, &error));
  g_assert_true (pm_store_accept_department_report (store, "县卫生健康委", 2023, &error));
  g_assert_no_error (error);

  g_assert_false (pm_store_import_csv_data (store,
                                            "code,year,value\nW1,2023,90\nW40,2023,3\n"
                                            "W4,2023,95\nW1,2024,91\nW5,2023,50\n",
                                            -1, "test.csv", NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  message = g_strdup (error->message);
  g_assert_true (g_str_has_prefix (message, "“test.csv” was not imported: 3 rows are wrong."));
  g_assert_nonnull (strstr (message, "Line 2: the value of W1 for 2023 is locked"));
  g_assert_nonnull (strstr (message, "Line 4: the value of W4 for 2023 is locked"));
  g_assert_nonnull (strstr (message, "Line 6: the value of W5 for 2023 is locked"));
  g_assert_null (strstr (message, "Line 5"));
  g_assert_null (find (store, "W1", 2024, NULL));
}

static void
test_a_value_in_the_file_that_is_not_a_number_is_reported (void)
{
  const char *values[] = { "'abc'", "9e999", "-9e999" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *sql = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (PmStore) store = new_store (&path);
      g_autoptr (PmStore) again = NULL;

      import (store, "code,year,value\nW1,2023,80\nW2,2023,78\n", NULL);
      pm_store_close (store);
      sql = g_strdup_printf ("UPDATE observations SET value = %s WHERE indicator = 'W1'",
                             values[i]);
      store_test_exec (path, sql);

      again = pm_store_open (path, PM_STORE_OPEN_READ_ONLY, &error);
      g_assert_null (again);
      g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "the value of W1 for 2023 (county) is "));
      g_assert_nonnull (strstr (error->message, "not a number"));
    }
}


/* What the window does: the import in a worker thread writes the file
 * only; the model and the undo list follow on the main thread. */
static void
test_a_deferred_import_writes_the_file_and_the_model_follows_when_finished (void)
{
  g_autofree char *path = NULL;
  g_autoptr (PmStore) store = new_store (&path);
  g_autoptr (GError) error = NULL;
  PmStorePending *pending = NULL;
  PmStoreImportOptions options = { .known_areas_only = TRUE, .pending = &pending };
  PmStoreImportCounts counts;

  g_assert_true (pm_store_import_csv_data_full (store,
                                                "code,year,area,value\nW1,2023,county,81.5\n",
                                                -1, "synthetic.csv", &options, &counts, NULL,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_nonnull (pending);
  /* the file has it, the model not yet */
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observations "
                                               "WHERE indicator = 'W1' AND year = 2023"), ==, 1);
  g_assert_null (find (store, "W1", 2023, NULL));
  g_assert_false (pm_store_can_undo (store));

  pm_store_finish_pending (store, pending);
  g_assert_cmpfloat (pm_observation_get_value (find (store, "W1", 2023, NULL)), ==, 81.5);
  g_assert_true (pm_store_can_undo (store));
  g_assert_true (pm_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_null (find (store, "W1", 2023, NULL));

  /* nothing changed: nothing pending */
  pending = (PmStorePending *) 0x1;
  g_assert_true (pm_store_import_csv_data_full (store, "code,year,area,value\n", -1, "empty.csv",
                                                &options, &counts, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (pending);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/csv/numbers-are-read-in-every-printed-form", test_number_forms);
  g_test_add_func ("/store/import/accepts-what-spreadsheets-write",
                   test_import_accepts_what_spreadsheets_write);
  g_test_add_func ("/store/import/lists-every-bad-row-and-changes-nothing",
                   test_import_lists_every_bad_row_and_changes_nothing);
  g_test_add_func ("/store/import/refuses-a-bad-header-or-file", test_import_refuses_a_bad_header);
  g_test_add_func ("/store/import/replaces-values-and-counts-what-it-did",
                   test_import_replaces_values_and_counts);
  g_test_add_func ("/store/import/is-one-undoable-edit", test_import_is_one_undoable_edit);
  g_test_add_func ("/store/export/writes-a-bom-crlf-and-every-column",
                   test_export_writes_bom_crlf_and_every_column);
  g_test_add_func ("/store/export/round-trips-exactly", test_export_round_trips_exactly);
  g_test_add_func ("/store/values/a-judgement-is-a-value-of-a-manual-target-only",
                   test_judgement_is_a_value_of_a_manual_target_only);
  g_test_add_func ("/store/values/a-judgement-keeps-the-number-and-round-trips-through-csv",
                   test_judgement_keeps_the_number_and_round_trips);
  g_test_add_func ("/store/export/to-a-missing-folder-fails-plainly",
                   test_export_to_a_missing_folder_fails_plainly);
  g_test_add_func ("/store/import/a-megabyte-of-commas-gives-a-short-message",
                   test_import_of_a_megabyte_of_commas_gives_a_short_message);
  g_test_add_func ("/store/import/lists-the-first-100-bad-rows-and-counts-the-others",
                   test_import_lists_the_first_100_bad_rows_and_counts_the_others);
  g_test_add_func ("/store/import/echoes-at-most-80-characters-of-a-value",
                   test_import_echoes_at_most_80_characters_of_a_value);
  g_test_add_func ("/store/export/text-a-spreadsheet-would-run-is-guarded-and-round-trips",
                   test_text_a_spreadsheet_would_run_is_guarded_and_round_trips);
  g_test_add_func ("/store/import/refuses-an-infinity-or-not-a-number",
                   test_import_refuses_an_infinity_or_not_a_number);
  g_test_add_func ("/store/import/an-invisible-character-in-the-header-is-named",
                   test_an_invisible_character_in_the_header_is_named);
  g_test_add_func ("/store/import/a-gb18030-file-is-named-so-and-read-with-its-encoding",
                   test_a_gb18030_file_is_named_so_and_read_with_its_encoding);
  g_test_add_func ("/store/import/an-unknown-area-is-refused-with-the-list-of-areas",
                   test_an_unknown_area_is_refused_with_the_list_of_areas);
  g_test_add_func ("/store/import/values-that-fail-the-checks-are-warned-and-strict-refuses-them",
                   test_values_that_fail_the_checks_are_warned_and_strict_refuses_them);
  g_test_add_func ("/store/import/a-deferred-import-writes-the-file-and-the-model-follows-when-finished",
                   test_a_deferred_import_writes_the_file_and_the_model_follows_when_finished);
  g_test_add_func ("/store/import/every-locked-row-is-named-with-its-line",
                   test_every_locked_row_is_named_with_its_line);
  g_test_add_func ("/store/open/a-value-in-the-file-that-is-not-a-number-is-reported",
                   test_a_value_in_the_file_that_is_not_a_number_is_reported);

  return g_test_run ();
}
