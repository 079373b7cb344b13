/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project file from the command line: plan-monitor --new, --import,
 * --export-observations, and other options reading a project file. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "pm-store.h"
#include "store-test-util.h"

static char *
new_project_with_cli (const char *dir)
{
  g_auto (StoreTestRun) run = { 0 };
  char *path = g_build_filename (dir, "county.pmproj", NULL);

  store_test_run_plan_monitor (&run, "--new", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return path;
}

static void
test_help_lists_the_project_file_options (void)
{
  g_auto (StoreTestRun) run = { 0 };

  store_test_run_plan_monitor (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--new=PROJECT"));
  g_assert_nonnull (strstr (run.out, "--verify=PROJECT"));
  g_assert_nonnull (strstr (run.out, "--import=FILE.csv"));
  g_assert_nonnull (strstr (run.out, "--export-observations=FILE.csv"));
  g_assert_nonnull (strstr (run.out, "plan-monitor --import values-2023.csv county.pmproj"));
  g_assert_nonnull (strstr (run.out, "code,year,value and optionally area,note,source,provisional"));
  g_assert_nonnull (strstr (run.out, "--encoding=ENCODING"));
  g_assert_nonnull (strstr (run.out, "--strict"));
  g_assert_nonnull (strstr (run.out, "--add-area=NAME"));
}

static void
test_new_creates_a_project (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);

  g_assert_cmpint (store_test_query_int (path, "PRAGMA application_id"), ==,
                   PM_STORE_APPLICATION_ID);
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM indicators"), ==, 175);
}

static void
test_new_never_replaces_a_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *before = store_test_checksum (path);
  g_auto (StoreTestRun) run = { 0 };

  store_test_run_plan_monitor (&run, "--new", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already exists"));
  g_assert_cmpstr (store_test_checksum (path), ==, before);
}

static void
test_usage_errors (void)
{
  struct
  {
    const char *args[5];
    const char *expected;
  } cases[] = {
    { { "--new", "a.pmproj", "b.pmproj", NULL }, "--new takes" },
    { { "--import", "v.csv", NULL }, "--import needs a PROJECT" },
    { { "--export-observations", "v.csv", NULL }, "--export-observations needs a PROJECT" },
    { { "--import", "v.csv", "--new", "a.pmproj", NULL }, "Give one of" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (StoreTestRun) run = { 0 };

      store_test_run_plan_monitor (&run, cases[i].args[0], cases[i].args[1], cases[i].args[2],
                                   cases[i].args[3], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].expected));
    }
}

static void
test_a_long_argument_is_quoted_to_80_characters (void)
{
  g_autoptr (GString) argument = g_string_new (NULL);
  g_autofree char *option = NULL;

  for (int i = 0; i < 5000; i++)
    g_string_append (argument, "年");
  option = g_strconcat ("--", argument->str, NULL);

  for (guint i = 0; i < 3; i++)
    {
      g_auto (StoreTestRun) run = { 0 };

      if (i == 0)
        store_test_run_plan_monitor (&run, "--evaluate", argument->str, NULL);
      else if (i == 1)
        store_test_run_plan_monitor (&run, "--export-schedule", "all", "--year", argument->str,
                                     "--output", "x.pdf", NULL);
      else
        store_test_run_plan_monitor (&run, option, NULL);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "年…"));
      g_assert_cmpuint (g_utf8_strlen (run.err, -1), <, 300);
    }
}

static void
test_import_and_export_round_trip (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *csv = g_build_filename (dir, "values.csv", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.csv", NULL);
  g_autofree char *again = g_build_filename (dir, "again.csv", NULL);
  g_autofree char *second = g_build_filename (dir, "second.pmproj", NULL);
  g_auto (StoreTestRun) run = { 0 };
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;

  store_test_write (csv, "\xEF\xBB\xBF" "code,year,value,note\r\n"
                         "W1,2021,81.2,\r\n"
                         "W4,2022,９６.５%,\"说明, 含逗号\"\r\n"
                         "C1,2022,\"1,234\",\r\n");
  store_test_run_plan_monitor (&run, "--import", csv, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "3 new, 0 changed, 0 unchanged"));
  store_test_run_clear (&run);

  store_test_run_plan_monitor (&run, "--export-observations", exported, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  store_test_run_clear (&run);

  store_test_run_plan_monitor (&run, "--new", second, NULL);
  store_test_run_clear (&run);
  store_test_run_plan_monitor (&run, "--import", exported, second, NULL);
  g_assert_cmpint (run.status, ==, 0);
  store_test_run_clear (&run);
  store_test_run_plan_monitor (&run, "--export-observations", again, second, NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_file_get_contents (exported, &first_text, NULL, NULL);
  g_file_get_contents (again, &second_text, NULL, NULL);
  g_assert_cmpstr (first_text, ==, second_text);
  g_assert_nonnull (strstr (first_text, "W4,2022,county,９６.５%,\"说明, 含逗号\",,0\r\n"));
}

static void
test_import_with_bad_rows_changes_nothing (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *csv = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *before = store_test_checksum (path);
  g_auto (StoreTestRun) run = { 0 };

  store_test_write (csv, "code,year,value\nW1,2021,80\nX9,2021,1\nW1,1999,1\nW1,2022,多\n");
  store_test_run_plan_monitor (&run, "--import", csv, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "“bad.csv” was not imported: 3 rows are wrong"));
  g_assert_nonnull (strstr (run.err, "Line 3: unknown indicator code “X9”"));
  g_assert_nonnull (strstr (run.err, "Line 4: the year 1999 is outside 2010–2030"));
  g_assert_nonnull (strstr (run.err, "Line 5: the value “多” is not a number"));
  g_assert_cmpstr (store_test_checksum (path), ==, before);
}

static void
test_options_read_a_project_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *catalogue = g_build_filename (dir, "catalogue.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto (StoreTestRun) run = { 0 };

  store_test_exec (path, "UPDATE indicators SET county_target = '≥99（本县修订）' "
                         "WHERE code = 'W1'");
  store_test_run_plan_monitor (&run, "--export-catalogue", catalogue, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_file_get_contents (catalogue, &contents, NULL, NULL);
  g_assert_nonnull (strstr (contents, "≥99（本县修订）"));
}

static void
test_bad_files_get_a_message_and_keep_their_bytes (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *good = new_project_with_cli (dir);
  g_autofree char *contents = NULL;
  g_autofree char *csv = g_build_filename (dir, "v.csv", NULL);
  gsize length;
  struct
  {
    const char *name;
    const char *expected;
  } cases[] = {
    { "notes.pmproj", "not an SQLite database" },
    { "other.pmproj", "not a Plan Monitor project" },
    { "half.pmproj", "incomplete" },
    { "newer.pmproj", "newer version" },
    { "broken-index.pmproj", "damaged" },
  };

  g_file_get_contents (good, &contents, &length, NULL);
  store_test_write (csv, "code,year,value\nW1,2021,1\n");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *catalogue = g_build_filename (dir, "c.csv", NULL);
      g_autofree char *before = NULL;
      const char *options[][2] = {
        { "--import", csv }, { "--export-observations", catalogue },
        { "--export-catalogue", catalogue }, { "--evaluate", "2023" },
      };

      if (i == 0)
        store_test_write (path, "一份说明，不是项目。\n");
      else if (i == 1)
        store_test_exec (path, "CREATE TABLE t (x)");
      else if (i == 2)
        g_file_set_contents (path, contents, length / 3, NULL);
      else if (i == 3)
        {
          g_file_set_contents (path, contents, length, NULL);
          store_test_exec (path, "PRAGMA user_version = 7");
        }
      else
        {
          g_autofree char *three = g_build_filename (dir, "three.csv", NULL);
          g_auto (StoreTestRun) run = { 0 };

          g_file_set_contents (path, contents, length, NULL);
          store_test_write (three, "code,year,value\nW1,2021,1\nW1,2022,2\nW1,2023,3\n");
          store_test_run_plan_monitor (&run, "--import", three, path, NULL);
          g_assert_cmpint (run.status, ==, 0);
          store_test_corrupt_history_index (path);
        }
      before = store_test_checksum (path);

      for (guint j = 0; j < G_N_ELEMENTS (options); j++)
        {
          g_auto (StoreTestRun) run = { 0 };

          store_test_run_plan_monitor (&run, options[j][0], options[j][1], path, NULL);
          g_assert_cmpint (run.status, ==, 1);
          g_assert_true (g_str_has_prefix (run.err, "plan-monitor: "));
          g_assert_nonnull (strstr (run.err, cases[i].name));
          g_assert_nonnull (strstr (run.err, cases[i].expected));
        }
      g_assert_cmpstr (store_test_checksum (path), ==, before);
    }
}

static void
test_import_into_a_missing_or_read_only_project (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *missing = g_build_filename (dir, "missing.pmproj", NULL);
  g_autofree char *csv = g_build_filename (dir, "v.csv", NULL);
  g_autofree char *before = NULL;
  g_auto (StoreTestRun) run = { 0 };

  store_test_write (csv, "code,year,value\nW1,2021,1\n");
  store_test_run_plan_monitor (&run, "--import", csv, missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  store_test_run_clear (&run);

  g_chmod (path, 0444);
  before = store_test_checksum (path);
  store_test_run_plan_monitor (&run, "--import", csv, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "read-only"));
  g_assert_cmpstr (store_test_checksum (path), ==, before);
}

/* Runs one output option of plan-monitor writing to output, reading project */
static void
run_output_option (StoreTestRun *run,
                   guint         option,
                   const char   *output,
                   const char   *project)
{
  switch (option)
    {
    case 0:
      store_test_run_plan_monitor (run, "--export-observations", output, project, NULL);
      break;
    case 1:
      store_test_run_plan_monitor (run, "--export-catalogue", output, project, NULL);
      break;
    case 2:
      store_test_run_plan_monitor (run, "--export-chart", "W1", "--output", output, project, NULL);
      break;
    case 3:
      store_test_run_plan_monitor (run, "--export-charts", "W1,W2", "--output", output, project,
                                   NULL);
      break;
    case 4:
      store_test_run_plan_monitor (run, "--export-schedule", "all", "--year", "2025", "--output",
                                   output, project, NULL);
      break;
    default:
      store_test_run_plan_monitor (run, "--export-task-division", output, "--year", "2025",
                                   project, NULL);
      break;
    }
}

static void
test_no_output_option_writes_over_a_project (void)
{
  const char *extensions[] = { "csv", "csv", "png", "pdf", "pdf", "pdf" };
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *other = g_build_filename (dir, "other.pmproj", NULL);
  g_autofree char *before = NULL;
  g_autofree char *other_before = NULL;
  g_auto (StoreTestRun) created = { 0 };

  store_test_run_plan_monitor (&created, "--new", other, NULL);
  g_assert_cmpint (created.status, ==, 0);
  before = store_test_checksum (path);
  other_before = store_test_checksum (other);

  for (guint option = 0; option < G_N_ELEMENTS (extensions); option++)
    {
      g_autofree char *link_name = g_strdup_printf ("link-%u.%s", option, extensions[option]);
      g_autofree char *link = g_build_filename (dir, link_name, NULL);
      g_autofree char *copy_name = g_strdup_printf ("copy-%u.%s", option, extensions[option]);
      g_autofree char *copy = g_build_filename (dir, copy_name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *copy_before = NULL;
      gsize length;
      const char *outputs[4];

      /* the project itself, another project, a symlink to the project, a
       * project under another name */
      g_assert_cmpint (symlink (path, link), ==, 0);
      g_assert_true (g_file_get_contents (other, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
      copy_before = store_test_checksum (copy);
      outputs[0] = path;
      outputs[1] = other;
      outputs[2] = link;
      outputs[3] = copy;

      for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
        {
          g_auto (StoreTestRun) run = { 0 };

          run_output_option (&run, option, outputs[i], path);
          g_test_message ("option %u, output %u: %d %s", option, i, run.status, run.err);
          g_assert_cmpint (run.status, !=, 0);
          g_assert_true (g_str_has_prefix (run.err, "plan-monitor: "));
          if (i >= 2)
            {
              g_assert_cmpint (run.status, ==, 1);
              g_assert_nonnull (strstr (run.err, i == 2 ? "is the project that is read"
                                                        : "is a project or another SQLite"));
            }
        }
      g_assert_cmpstr (store_test_checksum (path), ==, before);
      g_assert_cmpstr (store_test_checksum (other), ==, other_before);
      g_assert_cmpstr (store_test_checksum (copy), ==, copy_before);
      g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
    }
}

static void
test_export_observations_writes_a_csv_file_only (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *xlsx = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "OUT.CSV", NULL);
  g_auto (StoreTestRun) run = { 0 };

  store_test_run_plan_monitor (&run, "--export-observations", xlsx, path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "give a file name ending in .csv"));
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  store_test_run_clear (&run);

  store_test_run_plan_monitor (&run, "--export-observations", csv, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (csv, G_FILE_TEST_EXISTS));
}

static void
test_import_of_a_gb18030_file_needs_the_encoding_option (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *csv = g_build_filename (dir, "gbk.csv", NULL);
  g_autofree char *before = store_test_checksum (path);
  g_autofree char *note = NULL;
  g_auto (StoreTestRun) run = { 0 };

  /* 县妇联 in GB18030 */
  store_test_write (csv, "code,year,value,note\nW1,2023,80,\xCF\xD8\xB8\xBE\xC1\xAA\n");
  store_test_run_plan_monitor (&run, "--import", csv, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "the file is not UTF-8; it looks like GB18030 (GBK)"));
  g_assert_nonnull (strstr (run.err, "--encoding gb18030"));
  g_assert_cmpstr (store_test_checksum (path), ==, before);
  store_test_run_clear (&run);

  store_test_run_plan_monitor (&run, "--import", csv, "--encoding", "gb18030", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  note = store_test_query_text (path, "SELECT note FROM observations WHERE indicator = 'W1'");
  g_assert_cmpstr (note, ==, "县妇联");
  store_test_run_clear (&run);

  store_test_run_plan_monitor (&run, "--import", csv, "--encoding", "latin1", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_import_warns_of_the_checks_and_strict_refuses (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *csv = g_build_filename (dir, "odd.csv", NULL);
  g_autofree char *before = store_test_checksum (path);
  g_auto (StoreTestRun) run = { 0 };

  store_test_write (csv, "code,year,value\nW1,2023,150\n");
  store_test_run_plan_monitor (&run, "--import", csv, "--strict", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Line 2: W1 2023: 150% is a percentage outside 0–100 %"));
  g_assert_cmpstr (store_test_checksum (path), ==, before);
  store_test_run_clear (&run);

  store_test_run_plan_monitor (&run, "--import", csv, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 new"));
  g_assert_nonnull (strstr (run.err, "Line 2: W1 2023: 150% is a percentage outside 0–100 %"));
}

static void
test_import_refuses_an_unknown_area_unless_it_is_added (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *csv = g_build_filename (dir, "town.csv", NULL);
  g_auto (StoreTestRun) run = { 0 };

  store_test_write (csv, "code,year,area,value\nW1,2023,双江街道,80\n");
  store_test_run_plan_monitor (&run, "--import", csv, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "unknown area “双江街道” (the project's areas are: county;"));
  g_assert_nonnull (strstr (run.err, "--add-area"));
  store_test_run_clear (&run);

  store_test_run_plan_monitor (&run, "--import", csv, "--add-area", "双江街道", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observations "
                                               "WHERE area = '双江街道'"), ==, 1);
  store_test_run_clear (&run);

  store_test_run_plan_monitor (&run, "--add-area", "双江街道", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
}


static void
test_new_in_a_read_only_folder_fails_and_leaves_nothing (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "read-only", NULL);
  g_autofree char *path = g_build_filename (folder, "county.pmproj", NULL);
  g_autoptr (GPtrArray) files = NULL;
  g_auto (StoreTestRun) run = { 0 };

  /* the permissions deny writing to everyone: refused even when the tests
   * run as root, who could write there anyway */
  g_assert_cmpint (g_mkdir (folder, 0555), ==, 0);
  store_test_run_plan_monitor (&run, "--new", path, NULL);
  files = store_test_dir_list (folder);
  g_chmod (folder, 0755);

  g_assert_cmpint (run.status, ==, 1);
  g_test_message ("%s", run.err);
  g_assert_nonnull (strstr (run.err, "read-only"));
  g_assert_cmpuint (files->len, ==, 0);
}

static void
test_verify_says_an_intact_history_is_intact_and_names_an_altered_entry (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *csv = g_build_filename (dir, "v.csv", NULL);
  g_autofree char *before = NULL;
  g_auto (StoreTestRun) run = { 0 };

  store_test_write (csv, "code,year,value\nW1,2021,1\nW1,2022,2\nW2,2023,3\n");
  store_test_run_plan_monitor (&run, "--import", csv, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  store_test_run_clear (&run);

  store_test_run_plan_monitor (&run, "--verify", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "history intact (3 entries)"));
  store_test_run_clear (&run);

  store_test_exec (path, "UPDATE observation_history SET changed_by = '局长' WHERE id = 3");
  before = store_test_checksum (path);
  store_test_run_plan_monitor (&run, "--verify", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_test_message ("%s", run.err);
  g_assert_nonnull (strstr (run.err, "altered at entry 3 (W2, 2023, changed "));
  g_assert_cmpstr (store_test_checksum (path), ==, before);
}

static void
test_a_planted_trigger_is_refused_and_never_runs (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = new_project_with_cli (dir);
  g_autofree char *csv = g_build_filename (dir, "v.csv", NULL);
  g_autofree char *before = NULL;
  g_auto (StoreTestRun) run = { 0 };

  store_test_exec (path, "CREATE TRIGGER sign_as_boss AFTER INSERT ON observation_history "
                         "BEGIN UPDATE observation_history SET changed_by = '局长' "
                         "WHERE id = new.id; END");
  store_test_write (csv, "code,year,value\nW1,2021,1\n");
  before = store_test_checksum (path);

  store_test_run_plan_monitor (&run, "--import", csv, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "trigger"));
  g_assert_nonnull (strstr (run.err, "sign_as_boss"));
  store_test_run_clear (&run);
  store_test_run_plan_monitor (&run, "--verify", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "sign_as_boss"));

  g_assert_cmpstr (store_test_checksum (path), ==, before);
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observation_history"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/cli/help-lists-the-project-file-options",
                   test_help_lists_the_project_file_options);
  g_test_add_func ("/store/cli/new-creates-a-project", test_new_creates_a_project);
  g_test_add_func ("/store/cli/new-never-replaces-a-file", test_new_never_replaces_a_file);
  g_test_add_func ("/store/cli/new-in-a-read-only-folder-fails-and-leaves-nothing",
                   test_new_in_a_read_only_folder_fails_and_leaves_nothing);
  g_test_add_func ("/store/cli/verify-says-an-intact-history-is-intact-and-names-an-altered-entry",
                   test_verify_says_an_intact_history_is_intact_and_names_an_altered_entry);
  g_test_add_func ("/store/cli/a-planted-trigger-is-refused-and-never-runs",
                   test_a_planted_trigger_is_refused_and_never_runs);
  g_test_add_func ("/store/cli/wrong-arguments-are-usage-errors", test_usage_errors);
  g_test_add_func ("/store/cli/import-and-export-round-trip", test_import_and_export_round_trip);
  g_test_add_func ("/store/cli/a-long-argument-is-quoted-to-80-characters",
                   test_a_long_argument_is_quoted_to_80_characters);
  g_test_add_func ("/store/cli/import-with-bad-rows-lists-them-and-changes-nothing",
                   test_import_with_bad_rows_changes_nothing);
  g_test_add_func ("/store/cli/other-options-read-the-project-file",
                   test_options_read_a_project_file);
  g_test_add_func ("/store/cli/bad-files-get-a-message-and-keep-their-bytes",
                   test_bad_files_get_a_message_and_keep_their_bytes);
  g_test_add_func ("/store/cli/import-into-a-missing-or-read-only-project-fails-plainly",
                   test_import_into_a_missing_or_read_only_project);
  g_test_add_func ("/store/cli/no-output-option-writes-over-a-project",
                   test_no_output_option_writes_over_a_project);
  g_test_add_func ("/store/cli/export-observations-writes-a-csv-file-only",
                   test_export_observations_writes_a_csv_file_only);
  g_test_add_func ("/store/cli/import-of-a-gb18030-file-needs-the-encoding-option",
                   test_import_of_a_gb18030_file_needs_the_encoding_option);
  g_test_add_func ("/store/cli/import-warns-of-the-checks-and-strict-refuses",
                   test_import_warns_of_the_checks_and_strict_refuses);
  g_test_add_func ("/store/cli/import-refuses-an-unknown-area-unless-it-is-added",
                   test_import_refuses_an_unknown_area_unless_it_is_added);

  return g_test_run ();
}
