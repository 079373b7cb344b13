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

  return g_test_run ();
}
