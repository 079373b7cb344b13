/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the plan-monitor binary as a user would, without a display. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "pm-csv.h"

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

/* Runs plan-monitor with the arguments, with no DISPLAY or WAYLAND_DISPLAY. */
static void
run_plan_monitor (Run        *run,
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

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_help_lists_every_option (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--export-catalogue"));
  g_assert_nonnull (strstr (run.out, "--version"));
  g_assert_nonnull (strstr (run.out, "PROJECT"));
  g_assert_nonnull (strstr (run.out, "code,period,plan,domain"));
}

static void
test_unknown_option_is_a_usage_error (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--no-such-option", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--no-such-option"));
  g_assert_nonnull (strstr (run.err, "--help"));
}

static void
test_two_projects_are_a_usage_error (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--export-catalogue", "x.csv", "a.pmproj", "b.pmproj", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_export_catalogue_writes_csv_without_a_display (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pm-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "catalogue.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (PmCsvTable) table = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--export-catalogue", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  table = pm_csv_parse (contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 176);
}

static void
test_export_catalogue_to_a_missing_folder_is_a_user_error (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--export-catalogue", "/nonexistent-dir/c.csv", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "plan-monitor: "));
  g_assert_nonnull (strstr (run.err, "/nonexistent-dir"));
}

/* A write that fails names the file given and its folder, never the
 * temporary file the document is written to first (x.png.PZN6Z3 …). */
static void
test_a_failed_write_names_the_file_given_never_a_temporary_one (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pm-cli-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  const char *outputs[][6] = {
    { "--export-chart", "W2", "--output", "x.png", NULL },
    { "--export-charts", "women", "--output", "b.pdf", NULL },
    { "--export-catalogue", "c.csv", NULL },
    { "--export-catalogue", "c.xlsx", NULL },
    { "--export-schedule", "县妇联", "--year", "2025", "--output", "s.csv" },
    { "--export-task-division", "t.csv", NULL },
  };

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *output = NULL;
      g_autofree char *temp_prefix = NULL;
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr (GError) error = NULL;
      int wait_status;

      g_ptr_array_add (argv, g_strdup (g_getenv ("PM_PLAN_MONITOR")));
      for (guint j = 0; j < 6 && outputs[i][j]; j++)
        {
          gboolean is_output = j + 1 == 6 || outputs[i][j + 1] == NULL;

          if (is_output)
            {
              output = g_build_filename (missing, outputs[i][j], NULL);
              g_ptr_array_add (argv, g_strdup (output));
            }
          else
            g_ptr_array_add (argv, g_strdup (outputs[i][j]));
        }
      g_ptr_array_add (argv, NULL);

      g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                    &wait_status, &error);
      g_assert_no_error (error);
      g_test_message ("%s", err);
      g_assert_true (WIFEXITED (wait_status));
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
      g_assert_nonnull (strstr (err, output));
      g_assert_nonnull (strstr (err, "does not exist"));
      /* GLib's temporary names are the file's name and a dot and six
       * characters; ours start with .pm-export- */
      temp_prefix = g_strconcat (output, ".", NULL);
      g_assert_null (strstr (err, temp_prefix));
      g_assert_null (strstr (err, ".pm-export-"));
    }
  g_rmdir (dir);
}

static void
test_version_prints_the_version (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "plan-monitor " PACKAGE_VERSION "\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help-lists-every-option", test_help_lists_every_option);
  g_test_add_func ("/cli/unknown-option-is-a-usage-error", test_unknown_option_is_a_usage_error);
  g_test_add_func ("/cli/two-projects-are-a-usage-error", test_two_projects_are_a_usage_error);
  g_test_add_func ("/cli/export-catalogue-writes-csv-without-a-display",
                   test_export_catalogue_writes_csv_without_a_display);
  g_test_add_func ("/cli/export-catalogue-to-a-missing-folder-is-a-user-error",
                   test_export_catalogue_to_a_missing_folder_is_a_user_error);
  g_test_add_func ("/cli/a-failed-write-names-the-file-given-never-a-temporary-one",
                   test_a_failed_write_names_the_file_given_never_a_temporary_one);
  g_test_add_func ("/cli/version-prints-the-version", test_version_prints_the_version);

  return g_test_run ();
}
