/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bad files and a second program: every file refused gets a plain message
 * and keeps its bytes (the tests compare checksums before and after). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pm-store.h"
#include "store-test-util.h"

/* Opens path in each mode, expecting the error code each time, and checks
 * that the file kept its bytes and nothing was left beside it. */
static void
assert_refused (const char *path,
                int         code,
                const char *expected_text)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = store_test_checksum (path);
  g_autoptr (GPtrArray) files_before = store_test_dir_list (dir);
  g_autoptr (GPtrArray) files_after = NULL;
  const PmStoreOpenFlags modes[] = {
    PM_STORE_OPEN_READ_WRITE, PM_STORE_OPEN_READ_ONLY, PM_STORE_OPEN_READ_ONLY_IF_NEEDED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PmStore) store = pm_store_open (path, modes[i], &error);

      g_assert_null (store);
      g_assert_error (error, PM_STORE_ERROR, code);
      g_test_message ("%s", error->message);
      if (strstr (error->message, expected_text) == NULL)
        g_error ("“%s” does not say “%s”", error->message, expected_text);
    }

  g_assert_cmpstr (store_test_checksum (path), ==, before);
  files_after = store_test_dir_list (dir);
  g_assert_cmpuint (files_after->len, ==, files_before->len);
}

static void
overwrite (const char *path,
           goffset     offset,
           const void *bytes,
           gsize       length)
{
  FILE *file = fopen (path, "r+b");

  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (bytes, 1, length, file), ==, length);
  fclose (file);
}

static void
test_refuses_a_missing_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "gone.pmproj", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);

  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  /* SQLite would have created it */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_refuses_a_folder (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_open (dir, PM_STORE_OPEN_READ_WRITE, &error);

  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_PROJECT);
  g_assert_nonnull (strstr (error->message, "is a folder"));
}

static void
test_refuses_an_empty_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.pmproj", NULL);

  store_test_write (path, "");
  /* SQLite would take an empty file for a new database and write to it */
  assert_refused (path, PM_STORE_ERROR_NOT_A_PROJECT, "is empty");
}

static void
test_refuses_a_file_that_is_not_sqlite (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *text = g_build_filename (dir, "report.pmproj", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "values.pmproj", NULL);

  store_test_write (text, "云阳县妇女发展规划（2021—2030年）\n这不是项目文件。\n");
  assert_refused (text, PM_STORE_ERROR_NOT_A_PROJECT, "not an SQLite database");

  /* a spreadsheet renamed: a ZIP file */
  store_test_write (xlsx, "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00 lots of bytes after");
  assert_refused (xlsx, PM_STORE_ERROR_NOT_A_PROJECT, "not an SQLite database");
}

static void
test_refuses_an_sqlite_database_that_is_not_ours (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);

  store_test_exec (path, "CREATE TABLE contacts (name TEXT, phone TEXT);"
                         "INSERT INTO contacts VALUES ('张三', '023-5512345')");
  assert_refused (path, PM_STORE_ERROR_NOT_A_PROJECT, "not a Plan Monitor project");
}

static void
test_refuses_a_truncated_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autofree char *contents = NULL;
  g_autofree char *short_path = g_build_filename (dir, "header-only.pmproj", NULL);
  gsize length;

  g_file_get_contents (path, &contents, &length, NULL);

  /* a copy that stopped half-way */
  g_file_set_contents (path, contents, length / 2, NULL);
  assert_refused (path, PM_STORE_ERROR_DAMAGED, "incomplete");

  /* one that stopped inside the header */
  g_file_set_contents (short_path, contents, 50, NULL);
  assert_refused (short_path, PM_STORE_ERROR_DAMAGED, "incomplete");
}

static void
test_refuses_a_damaged_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  guint8 garbage[300];

  memset (garbage, 0xff, sizeof garbage);
  /* the cells of a page in the middle of the catalogue */
  overwrite (path, 10 * 4096 + 8, garbage, sizeof garbage);
  assert_refused (path, PM_STORE_ERROR_DAMAGED, "damaged");
}

static void
test_refuses_a_file_whose_index_disagrees_with_its_table (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);

  g_assert_no_error (error);
  for (int year = 2021; year <= 2023; year++)
    {
      pm_store_set_observation (store, "W1", year, NULL, year - 2000, NULL, NULL, NULL, FALSE,
                                &error);
      g_assert_no_error (error);
    }
  pm_store_close (store);

  store_test_corrupt_history_index (path);
  assert_refused (path, PM_STORE_ERROR_DAMAGED, "damaged");
}

static void
test_refuses_a_file_with_a_trigger_planted_by_another_tool (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");

  store_test_exec (path, "CREATE TRIGGER sign_as_boss AFTER INSERT ON observation_history "
                         "BEGIN UPDATE observation_history SET changed_by = '局长' "
                         "WHERE id = new.id; END");
  assert_refused (path, PM_STORE_ERROR_FOREIGN_CODE, "sign_as_boss");
}

static void
test_refuses_a_file_whose_view_was_rewritten (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");

  /* the same name, other figures */
  store_test_exec (path, "DROP VIEW observation_details;\n"
                         "CREATE VIEW observation_details AS SELECT indicator AS code, year, "
                         "area, value * 2 AS value FROM observations;\n");
  assert_refused (path, PM_STORE_ERROR_FOREIGN_CODE, "observation_details");
}

static void
test_refuses_a_newer_version (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  const guint8 version[4] = { 0, 0, 0, 99 };

  /* PRAGMA user_version lives at offset 60 of the header */
  overwrite (path, 60, version, sizeof version);
  assert_refused (path, PM_STORE_ERROR_TOO_NEW, "newer version of Plan Monitor");
}

static void
test_read_only_file_opens_for_reading_only (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;

  /* the permissions are what counts, even for root (who may write anyway) */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = store_test_checksum (path);

  store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  store = pm_store_open (path, PM_STORE_OPEN_READ_ONLY_IF_NEEDED, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_is_read_only (store));
  g_assert_nonnull (strstr (pm_store_get_read_only_reason (store), "read-only"));
  g_assert_false (pm_store_set_observation (store, "W1", 2023, NULL, 1, NULL, NULL, NULL, FALSE,
                                            &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  pm_store_close (store);

  g_assert_cmpstr (store_test_checksum (path), ==, before);
}

static void
test_read_only_folder_opens_for_reading_only (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "archive", NULL);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;

  g_mkdir (folder, 0755);
  path = store_test_new_project (folder, "county-2022.pmproj");
  before = store_test_checksum (path);
  /* SQLite writes its journal, and the store its lock, in the folder */
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "archive"));
  g_clear_error (&error);

  store = pm_store_open (path, PM_STORE_OPEN_READ_ONLY_IF_NEEDED, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_is_read_only (store));
  g_assert_nonnull (pm_store_get_project (store));
  pm_store_close (store);

  g_assert_cmpstr (store_test_checksum (path), ==, before);
  g_chmod (folder, 0755);
}

static void
test_second_writer_is_told_who_has_the_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) first = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_autoptr (PmStore) second = NULL;
  g_autoptr (PmStore) reader = NULL;
  const char *who = pm_store_get_user_name (first);

  g_assert_no_error (error);

  second = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_null (second);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "is in use by"));
  g_assert_nonnull (strstr (error->message, who));
  g_clear_error (&error);

  /* or it opens read-only, and says why */
  second = pm_store_open (path, PM_STORE_OPEN_READ_ONLY_IF_NEEDED, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_is_read_only (second));
  g_assert_nonnull (strstr (pm_store_get_read_only_reason (second), who));

  /* a reader needs no lock and sees the writer's edits */
  reader = pm_store_open (path, PM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_null (pm_store_get_read_only_reason (reader));
}

static void
test_lock_is_removed_when_the_project_is_closed (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autofree char *lock = g_build_filename (dir, ".~lock.county.pmproj#", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_autoptr (PmStore) again = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (lock, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "User="));
  g_assert_nonnull (strstr (contents, "Host="));
  g_assert_nonnull (strstr (contents, "Pid="));
  g_assert_nonnull (strstr (contents, "Since="));

  pm_store_close (store);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  again = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
}

/* Returns: the pid of a process that has ended */
static GPid
dead_pid (void)
{
  const char *argv[] = { "/bin/true", NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;
  int status;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  waitpid (pid, &status, 0);
  return pid;
}

static void
write_lock (const char *dir,
            const char *host,
            GPid        pid)
{
  g_autofree char *lock = g_build_filename (dir, ".~lock.county.pmproj#", NULL);
  g_autofree char *contents = g_strdup_printf ("[Lock]\nUser=李明\nHost=%s\nPid=%d\n"
                                               "Since=2026-03-01T01:30:00Z\n"
                                               "Program=plan-monitor 0.1.0\n",
                                               host, (int) pid);

  store_test_write (lock, contents);
}

static void
test_lock_of_a_dead_process_is_taken_over (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;

  /* left by a program that crashed on this computer */
  write_lock (dir, g_get_host_name (), dead_pid ());
  store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_false (pm_store_is_read_only (store));
}

static void
test_lock_of_another_computer_is_respected (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autofree char *before = store_test_checksum (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;

  /* its process cannot be asked: the person is told whom to ask */
  write_lock (dir, "office-pc-2", 4242);
  store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "李明"));
  g_assert_nonnull (strstr (error->message, "office-pc-2"));
  g_assert_nonnull (strstr (error->message, ".~lock.county.pmproj#"));
  g_assert_cmpstr (store_test_checksum (path), ==, before);
}

static void
test_second_process_does_not_write (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autofree char *csv = g_build_filename (dir, "values.csv", NULL);
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_auto (StoreTestRun) run = { 0 };

  g_assert_no_error (error);
  store_test_write (csv, "code,year,value\nW1,2023,90\n");
  before = store_test_checksum (path);

  store_test_run_plan_monitor (&run, "--import", csv, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is in use by"));
  g_assert_nonnull (strstr (run.err, pm_store_get_user_name (store)));
  g_assert_cmpstr (store_test_checksum (path), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/refuses-a-missing-file", test_refuses_a_missing_file);
  g_test_add_func ("/store/open/refuses-a-folder", test_refuses_a_folder);
  g_test_add_func ("/store/open/refuses-an-empty-file", test_refuses_an_empty_file);
  g_test_add_func ("/store/open/refuses-a-file-that-is-not-sqlite",
                   test_refuses_a_file_that_is_not_sqlite);
  g_test_add_func ("/store/open/refuses-an-sqlite-database-that-is-not-ours",
                   test_refuses_an_sqlite_database_that_is_not_ours);
  g_test_add_func ("/store/open/refuses-a-truncated-file", test_refuses_a_truncated_file);
  g_test_add_func ("/store/open/refuses-a-damaged-file", test_refuses_a_damaged_file);
  g_test_add_func ("/store/open/refuses-a-file-whose-index-disagrees-with-its-table",
                   test_refuses_a_file_whose_index_disagrees_with_its_table);
  g_test_add_func ("/store/open/refuses-a-file-with-a-trigger-planted-by-another-tool",
                   test_refuses_a_file_with_a_trigger_planted_by_another_tool);
  g_test_add_func ("/store/open/refuses-a-file-whose-view-was-rewritten",
                   test_refuses_a_file_whose_view_was_rewritten);
  g_test_add_func ("/store/open/refuses-a-file-of-a-newer-version", test_refuses_a_newer_version);
  g_test_add_func ("/store/open/a-read-only-file-opens-for-reading-only",
                   test_read_only_file_opens_for_reading_only);
  g_test_add_func ("/store/open/a-file-in-a-read-only-folder-opens-for-reading-only",
                   test_read_only_folder_opens_for_reading_only);
  g_test_add_func ("/store/lock/a-second-writer-is-told-who-has-the-file",
                   test_second_writer_is_told_who_has_the_file);
  g_test_add_func ("/store/lock/is-removed-when-the-project-is-closed",
                   test_lock_is_removed_when_the_project_is_closed);
  g_test_add_func ("/store/lock/a-lock-left-by-a-dead-process-is-taken-over",
                   test_lock_of_a_dead_process_is_taken_over);
  g_test_add_func ("/store/lock/a-lock-from-another-computer-is-respected",
                   test_lock_of_another_computer_is_respected);
  g_test_add_func ("/store/lock/a-second-process-does-not-write",
                   test_second_process_does_not_write);

  return g_test_run ();
}
