/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pm-csv.h"
#include "pm-types.h"

static void
test_field_with_comma_quote_or_newline_is_quoted (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", "县教委、县妇联" };

  pm_csv_append_record (out, fields, G_N_ELEMENTS (fields));
  g_assert_cmpstr (out->str, ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,县教委、县妇联\r\n");
}

static void
test_quoted_fields_read_back_exactly (void)
{
  g_autoptr (GString) out = g_string_new (PM_CSV_BOM);
  const char *fields[] = { "a,b", "say \"hi\"", "two\r\nlines", "＜8", "" };
  g_autoptr (PmCsvTable) table = NULL;
  g_autoptr (GError) error = NULL;
  char **row;

  pm_csv_append_record (out, fields, G_N_ELEMENTS (fields));
  pm_csv_append_record (out, fields, G_N_ELEMENTS (fields));
  table = pm_csv_parse (out->str, out->len, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 2);
  row = table->rows->pdata[1];
  g_assert_cmpuint (g_strv_length (row), ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (row[i], ==, fields[i]);
  /* the second record starts after the quoted line break */
  g_assert_cmpuint (g_array_index (table->lines, guint, 1), ==, 3);
}

static void
test_lf_line_ends_and_a_missing_last_line_end_are_accepted (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmCsvTable) table = pm_csv_parse ("code,year\nW1,2021\nW2,2022", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 3);
  g_assert_cmpstr (((char **) table->rows->pdata[2])[1], ==, "2022");
}

static void
test_unclosed_quote_is_an_error_naming_its_line (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmCsvTable) table = pm_csv_parse ("a,b\r\nc,\"open\r\n", -1, &error);

  g_assert_null (table);
  g_assert_error (error, PM_ERROR, PM_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

static void
test_stray_quote_is_an_error (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmCsvTable) table = pm_csv_parse ("a,b\"c\n", -1, &error);

  g_assert_null (table);
  g_assert_error (error, PM_ERROR, PM_ERROR_INVALID_DATA);
}

static void
test_text_that_is_not_utf8_is_an_error (void)
{
  g_autoptr (GError) error = NULL;
  /* 县 in GBK */
  g_autoptr (PmCsvTable) table = pm_csv_parse ("code\n\xcf\xd8\n", -1, &error);

  g_assert_null (table);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static void
test_number_is_written_in_its_shortest_exact_form (void)
{
  g_autofree char *a = pm_csv_format_number (11.3);
  g_autofree char *b = pm_csv_format_number (0.0137);
  g_autofree char *c = pm_csv_format_number (100);
  g_autofree char *d = pm_csv_format_number (NAN);

  g_assert_cmpstr (a, ==, "11.3");
  g_assert_cmpstr (b, ==, "0.0137");
  g_assert_cmpstr (c, ==, "100");
  g_assert_cmpstr (d, ==, "");
}

static void
test_a_line_of_too_many_fields_is_refused_at_once (void)
{
  gsize size = 1024 * 1024;
  g_autofree char *commas = g_malloc (size + 1);
  g_autoptr (PmCsvTable) table = NULL;
  g_autoptr (GError) error = NULL;

  memset (commas, ',', size);
  commas[size] = '\0';
  table = pm_csv_parse (commas, size, &error);
  g_assert_null (table);
  g_assert_error (error, PM_ERROR, PM_ERROR_INVALID_DATA);
  g_assert_true (g_str_has_prefix (error->message, "Line 1 has more than"));
  g_assert_cmpuint (strlen (error->message), <, 200);
}

static void
test_a_line_longer_than_the_limit_is_refused (void)
{
  g_autoptr (GString) data = g_string_new ("code,year,value\n");
  g_autoptr (PmCsvTable) table = NULL;
  g_autoptr (GError) error = NULL;

  g_string_append (data, "W1,2023,\"");
  for (gsize i = 0; i <= PM_CSV_MAX_RECORD_LENGTH; i++)
    g_string_append_c (data, 'x');
  g_string_append (data, "\"\n");
  table = pm_csv_parse (data->str, data->len, &error);
  g_assert_null (table);
  g_assert_error (error, PM_ERROR, PM_ERROR_INVALID_DATA);
  g_assert_true (g_str_has_prefix (error->message, "Line 2 is longer than"));
}

static void
test_text_is_shortened_on_a_character_boundary (void)
{
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autofree char *short_one = pm_csv_shorten ("县妇联", 80);
  g_autofree char *shortened = NULL;
  g_autofree char *broken = pm_csv_shorten ("ab\xE5\x8E", 80);

  for (int i = 0; i < 200; i++)
    g_string_append (long_text, "县");
  shortened = pm_csv_shorten (long_text->str, 80);

  g_assert_cmpstr (short_one, ==, "县妇联");
  g_assert_true (g_utf8_validate (shortened, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (shortened, -1), ==, 80);
  g_assert_true (g_str_has_suffix (shortened, "县…"));
  /* not UTF-8: what is shown is */
  g_assert_true (g_utf8_validate (broken, -1, NULL));
}

static void
test_a_list_of_problems_stops_at_100_and_counts_the_rest (void)
{
  g_auto (PmCsvProblems) problems = { 0 };
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  pm_csv_problems_init (&problems);
  for (int i = 1; i <= 1000; i++)
    pm_csv_problems_add (&problems, "Line %d: wrong\n", i + 1);
  text = pm_csv_problems_finish (&problems);
  lines = g_strsplit (text, "\n", -1);

  g_assert_cmpuint (problems.n, ==, 1000);
  g_assert_cmpuint (g_strv_length (lines), ==, PM_CSV_MAX_PROBLEMS + 1);
  g_assert_cmpstr (lines[0], ==, "Line 2: wrong");
  g_assert_cmpstr (lines[PM_CSV_MAX_PROBLEMS - 1], ==, "Line 101: wrong");
  g_assert_cmpstr (lines[PM_CSV_MAX_PROBLEMS], ==, "… and 900 more problems");
}

static void
test_a_text_a_spreadsheet_would_run_is_written_after_a_quote (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *fields[] = { "=1+1", "+A1", "-2+3", "@SUM(A1)", "\tx", "\rx", "'quoted",
                           "-3.5", "-1e-09", "+4", "plain", "1=1" };

  pm_csv_append_record (out, fields, G_N_ELEMENTS (fields));
  g_assert_cmpstr (out->str, ==,
                   "'=1+1,'+A1,'-2+3,'@SUM(A1),'\tx,\"'\rx\",''quoted,-3.5,-1e-09,+4,plain,1=1\r\n");
}

static void
test_the_guard_comes_off_exactly_once (void)
{
  const char *values[] = { "=1+1", "'quoted", "''twice", "-3 percent", "@x", "'", "-3.5",
                           "plain", "'plain", "\t" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (PmCsvTable) table = NULL;
      g_autoptr (GError) error = NULL;
      char **row;

      pm_csv_append_record (out, &values[i], 1);
      table = pm_csv_parse (out->str, out->len, &error);
      g_assert_no_error (error);
      row = g_ptr_array_index (table->rows, 0);
      g_assert_cmpstr (pm_csv_unguard_field (row[0]), ==, values[i]);
    }
  /* a ' a person typed before a plain word stays */
  g_assert_cmpstr (pm_csv_unguard_field ("'plain"), ==, "'plain");
}

static void
test_an_infinity_is_never_written (void)
{
  g_autofree char *inf = pm_csv_format_number (INFINITY);
  g_autofree char *minus_inf = pm_csv_format_number (-INFINITY);

  g_assert_cmpstr (inf, ==, "");
  g_assert_cmpstr (minus_inf, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/field-with-comma-quote-or-newline-is-quoted",
                   test_field_with_comma_quote_or_newline_is_quoted);
  g_test_add_func ("/csv/quoted-fields-read-back-exactly", test_quoted_fields_read_back_exactly);
  g_test_add_func ("/csv/lf-line-ends-and-a-missing-last-line-end-are-accepted",
                   test_lf_line_ends_and_a_missing_last_line_end_are_accepted);
  g_test_add_func ("/csv/unclosed-quote-is-an-error-naming-its-line",
                   test_unclosed_quote_is_an_error_naming_its_line);
  g_test_add_func ("/csv/stray-quote-is-an-error", test_stray_quote_is_an_error);
  g_test_add_func ("/csv/text-that-is-not-utf8-is-an-error", test_text_that_is_not_utf8_is_an_error);
  g_test_add_func ("/csv/number-is-written-in-its-shortest-exact-form",
                   test_number_is_written_in_its_shortest_exact_form);
  g_test_add_func ("/csv/a-line-of-too-many-fields-is-refused-at-once",
                   test_a_line_of_too_many_fields_is_refused_at_once);
  g_test_add_func ("/csv/a-line-longer-than-the-limit-is-refused",
                   test_a_line_longer_than_the_limit_is_refused);
  g_test_add_func ("/csv/text-is-shortened-on-a-character-boundary",
                   test_text_is_shortened_on_a_character_boundary);
  g_test_add_func ("/csv/a-list-of-problems-stops-at-100-and-counts-the-rest",
                   test_a_list_of_problems_stops_at_100_and_counts_the_rest);
  g_test_add_func ("/csv/a-text-a-spreadsheet-would-run-is-written-after-a-quote",
                   test_a_text_a_spreadsheet_would_run_is_written_after_a_quote);
  g_test_add_func ("/csv/the-guard-comes-off-exactly-once", test_the_guard_comes_off_exactly_once);
  g_test_add_func ("/csv/an-infinity-is-never-written", test_an_infinity_is_never_written);

  return g_test_run ();
}
