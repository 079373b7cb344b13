/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files of older schema versions: every fixture in tests/store/fixtures
 * (project-vN.sql, made by make-fixture.sh with the build of that version)
 * is loaded into a file and opened by this build. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "pm-catalogue-export.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"
#include "pm-store.h"
#include "pm-task.h"
#include "pm-test-util.h"
#include "store-test-util.h"

static char *
fixture_path (int version)
{
  g_autofree char *name = g_strdup_printf ("project-v%d.sql", version);

  return g_build_filename (g_getenv ("PM_STORE_FIXTURES"), name, NULL);
}

/* Returns: (transfer full): a project file of that version, from its fixture */
static char *
load_fixture (const char *dir,
              int         version)
{
  g_autofree char *sql_path = fixture_path (version);
  g_autofree char *name = g_strdup_printf ("county-v%d.pmproj", version);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  store_test_exec (path, sql);
  g_assert_cmpint (store_test_query_int (path, "PRAGMA user_version"), ==, version);

  return path;
}

/* The schema as SQLite keeps it: every table, index and view, by name. */
static char *
schema_of (const char *path)
{
  return store_test_query_text (path, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                                      "ORDER BY name");
}

static void
test_there_is_a_fixture_of_every_older_version (void)
{
  for (int version = 1; version < PM_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = fixture_path (version);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("There is no fixture of schema version %d (%s): make one with "
                 "tests/store/fixtures/make-fixture.sh", version, path);
    }
}

/* every column a version 4 file has (version 5 adds hash) */
#define HISTORY_COLUMNS \
  "SELECT id, indicator, year, area, action, origin, old_value, old_text, old_note, " \
  "old_source, old_provisional, new_value, new_text, new_note, new_source, new_provisional, " \
  "changed_at, changed_by FROM observation_history ORDER BY id"

static void
test_opens_every_older_version_after_a_backup (void)
{
  for (int version = 1; version < PM_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *dir = store_test_make_dir ();
      g_autofree char *path = load_fixture (dir, version);
      g_autofree char *new_path = store_test_new_project (dir, "new.pmproj");
      g_autofree char *before = store_test_checksum (path);
      g_autofree char *expected_backup = g_strdup_printf ("%s.v%d.bak", path, version);
      gint64 n_observations = store_test_query_int (path, "SELECT count (*) FROM observations");
      gint64 n_items = store_test_query_int (path, "SELECT count (*) FROM work_items");
      g_autofree char *reports = store_test_query_text (path, "SELECT department || year || "
                                                              "status FROM department_reports "
                                                              "ORDER BY 1");
      gint64 n_history = store_test_query_int (path, "SELECT count (*) FROM observation_history");
      g_autofree char *observations = store_test_query_text (path, "SELECT * FROM observations "
                                                                   "ORDER BY 1, 2, 3");
      g_autofree char *history = store_test_query_text (path, HISTORY_COLUMNS);
      g_autoptr (GError) error = NULL;
      g_autoptr (PmStore) store = NULL;
      PmObservation *observation;
      guint n_entries = 0;

      g_test_message ("schema version %d", version);
      store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);

      /* a byte-for-byte copy of the old file was written first */
      g_assert_cmpint (pm_store_get_migrated_from (store), ==, version);
      g_assert_cmpstr (pm_store_get_backup_path (store), ==, expected_backup);
      g_assert_cmpstr (store_test_checksum (expected_backup), ==, before);

      g_assert_true (pm_store_check_integrity (store, &error));
      g_assert_no_error (error);
      g_assert_cmpint (store_test_query_int (path, "PRAGMA user_version"), ==,
                       PM_STORE_SCHEMA_VERSION);
      g_assert_cmpstr (schema_of (path), ==, schema_of (new_path));

      /* nothing was lost */
      g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observations"), ==,
                       n_observations);
      g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observation_history"),
                       ==, n_history);
      g_assert_cmpstr (store_test_query_text (path, "SELECT * FROM observations ORDER BY 1, 2, 3"),
                       ==, observations);
      g_assert_cmpstr (store_test_query_text (path, HISTORY_COLUMNS), ==, history);
      g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM work_items"), ==,
                       n_items);
      g_assert_cmpstr (store_test_query_text (path, "SELECT department || year || status "
                                                    "FROM department_reports ORDER BY 1"),
                       ==, reports);
      /* version 3: work items keep the order version 2 listed them in (by due
       * date, undated last), numbered from 0 within a department and year (a
       * file of version 3 keeps the positions it has) */
      if (version < 3)
        g_assert_cmpstr (store_test_query_text (path, "SELECT group_concat (position, ',') FROM "
                                                      "(SELECT position FROM work_items ORDER BY "
                                                      "department, year, due_on IS NULL, due_on, "
                                                      "id)"),
                         ==, n_items == 3 ? "0,1,2" : "0");
      /* version 4: tasks link to the domain of their section, but for the
       * women's section (二) (education), which has none */
      g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM tasks"), ==, 89);
      g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM tasks "
                                                   "WHERE domain IS NULL"), ==, 7);
      g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM tasks WHERE "
                                                   "domain IS NULL AND plan = 'women' AND "
                                                   "section_number = 2"), ==, 7);
      g_assert_cmpstr (store_test_query_text (path, "SELECT domain FROM tasks "
                                                    "WHERE code = 'WT8.1'"), ==, "妇女与法律");
      g_assert_cmpstr (store_test_query_text (path, "SELECT domain FROM tasks "
                                                    "WHERE code = 'CT2.1'"), ==, "儿童与安全");
      /* the same links as a new file's, which are written from the template */
      g_assert_cmpstr (store_test_query_text (path, "SELECT code, domain FROM tasks ORDER BY code"),
                       ==, store_test_query_text (new_path, "SELECT code, domain FROM tasks "
                                                            "ORDER BY code"));
      g_assert_cmpstr (pm_domain_get_name (pm_task_get_domain (
                         pm_project_find_task (pm_store_get_project (store), "WT8.1"))),
                       ==, "妇女与法律");
      g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM indicator_summary"), ==,
                       175);

      /* the model holds the file's values, and the file takes new ones */
      observation = pm_indicator_find_observation (
        pm_project_find_indicator (pm_store_get_project (store), "W1"), 2022, NULL);
      g_assert_nonnull (observation);
      g_assert_cmpfloat (pm_observation_get_value (observation), ==, 84.0);
      g_assert_cmpstr (pm_observation_get_note (observation), ==, "corrected");
      pm_store_set_observation (store, "W1", 2024, NULL, 90, NULL, NULL, NULL, FALSE, &error);
      g_assert_no_error (error);
      g_assert_true (pm_store_verify_history (store, &n_entries, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_entries, ==, n_history + 1);

      /* an accepted report (from version 2 on) locks its department's values */
      if (version >= 2)
        {
          g_assert_cmpint (pm_store_get_department_report_status (store, "县卫生健康委", 2022), ==,
                           PM_REPORT_STATUS_ACCEPTED);
          g_assert_false (pm_store_set_observation (store, "W1", 2022, NULL, 85, NULL, NULL, NULL,
                                                    FALSE, &error));
          g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
          g_clear_error (&error);
        }
    }
}

static void
test_migration_gives_the_history_a_valid_hash_chain (void)
{
  for (int version = 1; version < PM_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *dir = store_test_make_dir ();
      g_autofree char *path = load_fixture (dir, version);
      gint64 n_history = store_test_query_int (path, "SELECT count (*) FROM observation_history");
      g_autoptr (GError) error = NULL;
      g_autoptr (PmStore) store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
      guint n_entries = 0;

      g_assert_no_error (error);
      g_assert_cmpint (n_history, >, 0);
      g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observation_history "
                                                   "WHERE length (hash) = 64"), ==, n_history);
      g_assert_true (pm_store_verify_history (store, &n_entries, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_entries, ==, n_history);

      /* and the chain holds: a changed row is found */
      pm_store_close (store);
      g_clear_object (&store);
      store_test_exec (path, "UPDATE observation_history SET changed_by = '局长' WHERE id = 2");
      store = pm_store_open (path, PM_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_false (pm_store_verify_history (store, NULL, &error));
      g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_HISTORY_ALTERED);
    }
}

/* Files written before version 6 hold 34.80 as the number 34.8 with no
 * text: once migrated, the catalogue shows every 2010 and 2020 value of
 * 专栏1 as the plans' text prints it, as a new file does. */
static void
test_older_files_show_the_previous_results_as_printed (void)
{
  g_autofree char *source_text = NULL;
  g_autoptr (GHashTable) printed = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (g_getenv ("PM_PLAN_SOURCE_TEXT"), &source_text, NULL, &error);
  g_assert_no_error (error);
  printed = pm_test_read_previous_results (source_text);

  for (int version = 1; version < PM_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *dir = store_test_make_dir ();
      g_autofree char *path = load_fixture (dir, version);
      g_autofree char *new_path = store_test_new_project (dir, "new.pmproj");
      g_autoptr (PmStore) store = NULL;
      GHashTableIter iter;
      gpointer code, cells;
      PmProject *project;
      static const char *const texts =
        "SELECT code, value_2010, quote (value_2010_text), value_2020, quote (value_2020_text) "
        "FROM indicators ORDER BY code";

      g_test_message ("schema version %d", version);
      store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);
      project = pm_store_get_project (store);

      g_assert_cmpstr (store_test_query_text (path, texts), ==,
                       store_test_query_text (new_path, texts));
      g_assert_cmpstr (pm_indicator_get_printed_value (pm_project_find_indicator (project, "HW20"),
                                                       2010), ==, "34.80");

      g_hash_table_iter_init (&iter, printed);
      while (g_hash_table_iter_next (&iter, &code, &cells))
        {
          g_autoptr (GPtrArray) row = pm_catalogue_row (pm_project_find_indicator (project, code));
          const char *const *cell = cells;

          g_assert_cmpstr (row->pdata[13], ==, g_str_equal (cell[0], "——") ? "" : cell[0]);
          g_assert_cmpstr (row->pdata[15], ==, g_str_equal (cell[2], "——") ? "" : cell[2]);
        }
    }
}

/* The migration computes the hash chain only for files that had none: a
 * history changed by hand in a file of version 5 is still found after it. */
static void
test_a_history_altered_before_a_migration_stays_altered (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = load_fixture (dir, 5);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;

  store_test_exec (path, "UPDATE observation_history SET changed_by = '局长' WHERE id = 2");
  store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pm_store_get_migrated_from (store), ==, 5);

  g_assert_false (pm_store_verify_history (store, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_HISTORY_ALTERED);
}

static void
test_read_only_opening_leaves_an_older_file_as_it_is (void)
{
  for (int version = 1; version < PM_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *dir = store_test_make_dir ();
      g_autofree char *path = load_fixture (dir, version);
      g_autofree char *before = store_test_checksum (path);
      g_autoptr (GPtrArray) files_before = store_test_dir_list (dir);
      g_autoptr (GPtrArray) files_after = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (PmStore) store = NULL;
      PmIndicator *indicator;

      store = pm_store_open (path, PM_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_true (pm_store_is_read_only (store));
      g_assert_null (pm_store_get_backup_path (store));
      indicator = pm_project_find_indicator (pm_store_get_project (store), "W1");
      g_assert_cmpuint (g_list_model_get_n_items (pm_indicator_get_observations (indicator)), ==,
                        3);
      pm_store_close (store);

      /* converted in a temporary copy: the file and its folder are untouched */
      g_assert_cmpstr (store_test_checksum (path), ==, before);
      files_after = store_test_dir_list (dir);
      g_assert_cmpuint (files_after->len, ==, files_before->len);
    }
}

static void
test_a_failed_migration_changes_nothing (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = load_fixture (dir, 1);
  g_autofree char *before = NULL;
  g_autofree char *backup = g_strdup_printf ("%s.v1.bak", path);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;

  /* a value of an indicator that does not exist, written by another tool
   * with the foreign keys off: the migration's check finds it */
  store_test_exec (path, "PRAGMA foreign_keys = OFF;"
                         "INSERT INTO observations (indicator, year, area, value, changed_at, "
                         "changed_by) VALUES ('X1', 2023, 'county', 1, '2023-01-01T00:00:00Z', "
                         "'someone')");
  before = store_test_checksum (path);

  store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "links between tables"));

  g_assert_cmpstr (store_test_checksum (path), ==, before);
  g_assert_cmpint (store_test_query_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_a_backup_never_replaces_an_earlier_one (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = load_fixture (dir, 1);
  g_autofree char *earlier = g_strdup_printf ("%s.v1.bak", path);
  g_autofree char *expected = g_strdup_printf ("%s.v1-2.bak", path);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;

  store_test_write (earlier, "an earlier backup");
  store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pm_store_get_backup_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));

  {
    g_autofree char *contents = NULL;

    g_file_get_contents (earlier, &contents, NULL, NULL);
    g_assert_cmpstr (contents, ==, "an earlier backup");
  }
}

static void
test_a_new_file_needs_no_migration (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pm_store_get_migrated_from (store), ==, 0);
  g_assert_null (pm_store_get_backup_path (store));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/migrate/gives-the-history-a-valid-hash-chain",
                   test_migration_gives_the_history_a_valid_hash_chain);
  g_test_add_func ("/store/migrate/there-is-a-fixture-of-every-older-version",
                   test_there_is_a_fixture_of_every_older_version);
  g_test_add_func ("/store/migrate/opens-every-older-version-after-a-backup",
                   test_opens_every_older_version_after_a_backup);
  g_test_add_func ("/store/migrate/older-files-show-the-previous-results-as-printed",
                   test_older_files_show_the_previous_results_as_printed);
  g_test_add_func ("/store/migrate/a-history-altered-before-a-migration-stays-altered",
                   test_a_history_altered_before_a_migration_stays_altered);
  g_test_add_func ("/store/migrate/read-only-opening-leaves-an-older-file-as-it-is",
                   test_read_only_opening_leaves_an_older_file_as_it_is);
  g_test_add_func ("/store/migrate/a-failed-migration-changes-nothing",
                   test_a_failed_migration_changes_nothing);
  g_test_add_func ("/store/migrate/a-backup-never-replaces-an-earlier-one",
                   test_a_backup_never_replaces_an_earlier_one);
  g_test_add_func ("/store/migrate/a-new-file-needs-no-migration",
                   test_a_new_file_needs_no_migration);

  return g_test_run ();
}
