/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan-monitor --evaluate YEAR [PROJECT], run as a user would, headless. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "pm-evaluation.h"
#include "pm-indicator.h"
#include "pm-project.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs plan-monitor with no display, in the locale given (NULL: the test's). */
static void
run_plan_monitor (Run        *run,
                  const char *locale,
                  const char *first_arg,
                  ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("PM_PLAN_MONITOR"));
  va_start (args, first_arg);
  for (arg = first_arg; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  if (locale)
    {
      envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);
      envp = g_environ_unsetenv (envp, "LANGUAGE");
    }

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static guint
count_period_indicators (PmPeriod period)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) project = pm_project_new_from_template (&error);
  GListModel *indicators;
  guint n = 0;

  g_assert_no_error (error);
  indicators = pm_project_get_indicators (project);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);

      n += pm_indicator_get_period (indicator) == period;
    }
  return n;
}

/* The rows of the first table, without the header. */
static GPtrArray *
indicator_rows (const char *out)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_cmpstr (lines[0], ==, "code\tname\tlatest_year\tlatest_value\ttarget\tstatus\tstatus_label\texplanation");
  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      char **fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 8);
      g_ptr_array_add (rows, fields);
    }
  return rows;
}

static char **
find_row (GPtrArray  *rows,
          const char *code)
{
  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = g_ptr_array_index (rows, i);

      if (g_str_equal (fields[0], code))
        return fields;
    }
  g_error ("no row for %s", code);
  return NULL;
}

static void
test_evaluate_prints_a_row_per_indicator_of_the_period (void)
{
  g_auto (Run) run = { 0 };
  g_autoptr (GPtrArray) rows = NULL;

  run_plan_monitor (&run, NULL, "--evaluate", "2024", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  rows = indicator_rows (run.out);
  g_assert_cmpuint (rows->len, ==, count_period_indicators (PM_PERIOD_2021_2030));
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "W1");
}

static void
test_template_in_2024_has_no_data_and_manual_rows_only (void)
{
  g_auto (Run) run = { 0 };
  g_autoptr (GPtrArray) rows = NULL;
  guint manual = 0;

  run_plan_monitor (&run, NULL, "--evaluate", "2024", NULL);
  g_assert_cmpint (run.status, ==, 0);
  rows = indicator_rows (run.out);
  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = g_ptr_array_index (rows, i);

      g_assert_cmpstr (fields[2], ==, "");
      g_assert_cmpstr (fields[3], ==, "");
      if (g_str_equal (fields[5], "manual"))
        manual++;
      else
        g_assert_cmpstr (fields[5], ==, "no-data");
    }
  /* 保持合理比例 ×6 and 与女职工比例相适应 */
  g_assert_cmpuint (manual, ==, 7);
  g_assert_cmpstr (find_row (rows, "W20")[5], ==, "manual");
  g_assert_cmpstr (find_row (rows, "C2")[4], ==, "<2.5");
}

static void
test_evaluate_2020_gives_the_previous_plans_final_result (void)
{
  g_auto (Run) run = { 0 };
  g_autoptr (GPtrArray) rows = NULL;
  char **hw1, **hc19, **hw3;

  run_plan_monitor (&run, NULL, "--evaluate", "2020", NULL);
  g_assert_cmpint (run.status, ==, 0);
  rows = indicator_rows (run.out);
  g_assert_cmpuint (rows->len, ==, count_period_indicators (PM_PERIOD_2011_2020));

  hw1 = find_row (rows, "HW1");
  g_assert_cmpstr (hw1[2], ==, "2020");
  g_assert_cmpstr (hw1[3], ==, "11.3");
  g_assert_cmpstr (hw1[4], ==, ">12");
  g_assert_cmpstr (hw1[5], ==, "not-achieved");
  hw3 = find_row (rows, "HW3");
  g_assert_cmpstr (hw3[4], ==, "50左右");
  g_assert_cmpstr (hw3[5], ==, "achieved");
  hc19 = find_row (rows, "HC19");
  g_assert_cmpstr (hc19[5], ==, "no-target");

  g_assert_nonnull (strstr (run.out,
                            "\n\nplan\tdomain\tattribute\tindicators\tachieved\ton-track\t"
                            "needs-acceleration\tlimited-progress\tdeteriorating\tnot-achieved\t"
                            "no-target\tno-data\tmanual\tmeasured\tattainment_rate\n"));
  g_assert_nonnull (strstr (run.out, "云阳县妇女发展规划（2011—2020年）\t\tall\t37\t36\t0\t0\t0\t0\t1\t0\t0\t0\t37\t97.3%\n"));
  g_assert_nonnull (strstr (run.out, "云阳县儿童发展规划（2011—2020年）\t\tall\t47\t41\t0\t0\t0\t0\t0\t6\t0\t0\t41\t100.0%\n"));
}

static void
test_evaluate_before_2020_has_no_data_for_the_previous_rows (void)
{
  g_auto (Run) run = { 0 };
  g_autoptr (GPtrArray) rows = NULL;

  run_plan_monitor (&run, NULL, "--evaluate", "2015", NULL);
  g_assert_cmpint (run.status, ==, 0);
  rows = indicator_rows (run.out);
  g_assert_cmpuint (rows->len, ==, count_period_indicators (PM_PERIOD_2011_2020));
  for (guint i = 0; i < rows->len; i++)
    {
      char **fields = g_ptr_array_index (rows, i);

      g_assert_true (g_str_equal (fields[5], "no-data") || g_str_equal (fields[5], "no-target"));
    }
}

static void
test_summary_rows_cover_plans_and_domains (void)
{
  g_auto (Run) run = { 0 };
  const char *summary;
  g_auto (GStrv) lines = NULL;
  guint plan_rows = 0, domain_rows = 0;

  run_plan_monitor (&run, NULL, "--evaluate", "2030", NULL);
  g_assert_cmpint (run.status, ==, 0);
  summary = strstr (run.out, "\n\n");
  g_assert_nonnull (summary);
  lines = g_strsplit (summary + 2, "\n", -1);
  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 15);
      if (*fields[1] == '\0')
        plan_rows++;
      else if (g_str_equal (fields[2], "all"))
        domain_rows++;
    }
  g_assert_cmpuint (plan_rows, ==, 2 * 3); /* all, binding, expected */
  g_assert_cmpuint (domain_rows, ==, 14);
}

static void
test_output_is_utf8_whatever_the_locale (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "C", "--evaluate", "2024", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  g_assert_nonnull (strstr (run.out, "妇女人均预期寿命（岁）"));
}

static void
test_year_out_of_range_is_a_usage_error (void)
{
  const char *years[] = { "2031", "2010", "1999", "abc", "2024x", "", " 2024", "-2024", "20240" };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_auto (Run) run = { 0 };

      g_test_message ("year “%s”", years[i]);
      run_plan_monitor (&run, NULL, "--evaluate", years[i], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "2011 to 2030"));
      g_assert_nonnull (strstr (run.err, years[i]));
      g_assert_nonnull (strstr (run.err, "--help"));
    }
}

static void
test_missing_year_is_a_usage_error (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, NULL, "--evaluate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--evaluate"));
}

static void
test_evaluate_with_export_catalogue_is_a_usage_error (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "pm-eval-cli-never-written.csv", NULL);

  run_plan_monitor (&run, NULL, "--evaluate", "2024", "--export-catalogue", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_unreadable_project_is_a_user_error (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, NULL, "--evaluate", "2024", "/nonexistent/county.pmproj", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "county.pmproj"));
}

static void
test_help_lists_evaluate (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, NULL, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--evaluate=YEAR"));
  g_assert_nonnull (strstr (run.out, "plan-monitor --evaluate 2025"));
  g_assert_nonnull (strstr (run.out, "needs-acceleration"));
}

/* The status column keeps its stable code; status_label is the word of the
 * document language: Chinese whatever the locale, English with --language en. */
static void
test_tsv_has_the_status_code_and_the_word_of_the_document_language (void)
{
  g_auto (Run) chinese = { 0 };
  g_auto (Run) english = { 0 };
  g_autoptr (GPtrArray) zh_rows = NULL;
  g_autoptr (GPtrArray) en_rows = NULL;

  run_plan_monitor (&chinese, "C.UTF-8", "--evaluate", "2025", NULL);
  run_plan_monitor (&english, "C.UTF-8", "--evaluate", "2025", "--language", "en", NULL);
  g_assert_cmpint (chinese.status, ==, 0);
  g_assert_cmpint (english.status, ==, 0);
  zh_rows = indicator_rows (chinese.out);
  en_rows = indicator_rows (english.out);
  g_assert_cmpuint (zh_rows->len, ==, en_rows->len);

  for (guint i = 0; i < zh_rows->len; i++)
    {
      char **zh = g_ptr_array_index (zh_rows, i);
      char **en = g_ptr_array_index (en_rows, i);
      PmStatus status;

      g_assert_true (pm_status_from_string (zh[5], &status));
      g_assert_cmpstr (en[5], ==, zh[5]);
      g_assert_cmpstr (zh[6], ==, pm_status_get_label_in (status, PM_LANGUAGE_ZH_CN));
      g_assert_cmpstr (en[6], ==, pm_status_get_label_in (status, PM_LANGUAGE_EN));
      g_assert_cmpstr (zh[6], !=, en[6]);
      /* the explanation is in the same language */
      g_assert_true (g_utf8_strlen (zh[7], -1) < (glong) strlen (zh[7]));
    }
}

static void
test_unknown_document_language_is_a_usage_error (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "C.UTF-8", "--evaluate", "2025", "--language", "fr", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--language"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eval/cli/evaluate-prints-a-row-per-indicator-of-the-period",
                   test_evaluate_prints_a_row_per_indicator_of_the_period);
  g_test_add_func ("/eval/cli/template-in-2024-has-no-data-and-manual-rows-only",
                   test_template_in_2024_has_no_data_and_manual_rows_only);
  g_test_add_func ("/eval/cli/evaluate-2020-gives-the-previous-plans-final-result",
                   test_evaluate_2020_gives_the_previous_plans_final_result);
  g_test_add_func ("/eval/cli/evaluate-before-2020-has-no-data-for-the-previous-rows",
                   test_evaluate_before_2020_has_no_data_for_the_previous_rows);
  g_test_add_func ("/eval/cli/summary-rows-cover-plans-and-domains",
                   test_summary_rows_cover_plans_and_domains);
  g_test_add_func ("/eval/cli/output-is-utf8-whatever-the-locale",
                   test_output_is_utf8_whatever_the_locale);
  g_test_add_func ("/eval/cli/year-out-of-range-is-a-usage-error",
                   test_year_out_of_range_is_a_usage_error);
  g_test_add_func ("/eval/cli/missing-year-is-a-usage-error", test_missing_year_is_a_usage_error);
  g_test_add_func ("/eval/cli/evaluate-with-export-catalogue-is-a-usage-error",
                   test_evaluate_with_export_catalogue_is_a_usage_error);
  g_test_add_func ("/eval/cli/unreadable-project-is-a-user-error",
                   test_unreadable_project_is_a_user_error);
  g_test_add_func ("/eval/cli/help-lists-evaluate", test_help_lists_evaluate);
  g_test_add_func ("/eval/cli/tsv-has-the-status-code-and-the-word-of-the-document-language",
                   test_tsv_has_the_status_code_and_the_word_of_the_document_language);
  g_test_add_func ("/eval/cli/unknown-document-language-is-a-usage-error",
                   test_unknown_document_language_is_a_usage_error);

  return g_test_run ();
}
