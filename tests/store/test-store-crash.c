/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A process killed in the middle of an import, and a disk that fills up:
 * the file passes PRAGMA integrity_check and holds all of a write or none
 * of it, and a refused write leaves the file's bytes as they were. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pm-csv.h"
#include "pm-indicator.h"
#include "pm-project.h"
#include "pm-store.h"
#include "store-test-util.h"

#define N_BASE 3

/* Returns: (transfer full): a CSV of n SYNTHETIC values for the 2021–2030
 * indicators, every year and as many areas as needed */
static char *
synthetic_csv (PmProject *project,
               guint      n)
{
  GString *csv = g_string_new ("code,year,area,value,note,source\n");
  GListModel *indicators = pm_project_get_indicators (project);
  guint written = 0;

  for (int area = 0; written < n; area++)
    for (guint i = 0; i < g_list_model_get_n_items (indicators) && written < n; i++)
      {
        g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);

        if (pm_indicator_get_period (indicator) != PM_PERIOD_2021_2030)
          continue;
        for (int year = 2010; year <= 2030 && written < n; year++, written++)
          g_string_append_printf (csv, "%s,%d,synthetic-town-%03d,%d.%d,synthetic,synthetic\n",
                                  pm_indicator_get_code (indicator), year, area,
                                  (int) (written % 97), (int) (written % 10));
      }

  return g_string_free (csv, FALSE);
}

/* Returns: (transfer full): a project with N_BASE values, closed */
static char *
base_project (const char *dir,
              const char *name)
{
  g_autofree char *path = store_test_new_project (dir, name);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);

  g_assert_no_error (error);
  pm_store_import_csv_data (store, "code,year,value\nW1,2021,80\nW1,2022,81\nC1,2022,5\n", -1,
                            "base.csv", NULL, &error);
  g_assert_no_error (error);
  pm_store_close (store);
  return g_steal_pointer (&path);
}

static char *
write_big_csv (const char *dir,
               guint       n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) template = pm_project_new_from_template (&error);
  g_autofree char *csv = NULL;
  char *path = g_build_filename (dir, "synthetic-big.csv", NULL);

  g_assert_no_error (error);
  csv = synthetic_csv (template, n);
  store_test_write (path, csv);
  return path;
}

/* Returns: (transfer full): the areas of synthetic_csv, new to a project,
 * as --add-area takes them */
static char *
synthetic_areas (void)
{
  GString *areas = g_string_new (NULL);

  for (int area = 0; area < 100; area++)
    g_string_append_printf (areas, "%ssynthetic-town-%03d", area ? "," : "", area);
  return g_string_free (areas, FALSE);
}

static GPid
spawn_import (const char          *csv,
              const char          *project,
              GSpawnChildSetupFunc setup)
{
  g_autofree char *areas = synthetic_areas ();
  const char *argv[] = { g_getenv ("PM_PLAN_MONITOR"), "--import", csv, "--add-area", areas,
                         project, NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                   G_SPAWN_STDERR_TO_DEV_NULL,
                 setup, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

/* Checks the file as the next program to open it finds it. */
static gint64
check_after_crash (const char *path,
                   guint       n_imported)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;
  gint64 n;

  /* the lock of the killed process is stale; SQLite rolls the journal back */
  store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_check_integrity (store, &error));
  g_assert_no_error (error);
  pm_store_close (store);

  g_assert_cmpstr (store_test_query_text (path, "PRAGMA integrity_check"), ==, "ok");
  n = store_test_query_int (path, "SELECT count (*) FROM observations");
  /* all of it or none of it, and history to match */
  g_assert_true (n == N_BASE || n == N_BASE + n_imported);
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observation_history"), ==,
                   n);
  return n;
}

static void
test_sigkill_in_the_middle_of_an_import (void)
{
  const guint n_rows = 40000;
  const int delays_ms[] = { 0, 2, 10, 40, 150 };
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *csv = write_big_csv (dir, n_rows);
  guint killed_mid_write = 0;

  for (guint i = 0; i < G_N_ELEMENTS (delays_ms); i++)
    {
      g_autofree char *name = g_strdup_printf ("county-%u.pmproj", i);
      g_autofree char *path = base_project (dir, name);
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      gboolean journal_at_kill;
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
      int status = 0;
      GPid pid;

      pid = spawn_import (csv, path, NULL);

      /* the journal exists while the import writes to the file */
      while (!g_file_test (journal, G_FILE_TEST_EXISTS) && waitpid (pid, &status, WNOHANG) == 0 &&
             g_get_monotonic_time () < deadline)
        g_usleep (200);
      g_usleep (delays_ms[i] * 1000);

      journal_at_kill = g_file_test (journal, G_FILE_TEST_EXISTS);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);

      if (WIFSIGNALED (status) && journal_at_kill)
        killed_mid_write++;
      g_test_message ("killed %d ms after the journal appeared: %s; %" G_GINT64_FORMAT
                      " values afterwards",
                      delays_ms[i], journal_at_kill ? "in the middle of the write" : "too late",
                      check_after_crash (path, n_rows));
    }

  /* the test means something only if some kills hit the write */
  g_assert_cmpuint (killed_mid_write, >, 0);
}

static rlim_t file_size_limit;

/* In the child, before exec: the file may not grow past the limit, and a
 * write beyond it fails with EFBIG (instead of SIGXFSZ killing it). */
static void
set_file_size_limit (gpointer user_data)
{
  struct rlimit limit = { file_size_limit, file_size_limit };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
test_file_size_limit_leaves_the_file_as_it_was (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *csv = write_big_csv (dir, 30000);
  g_autofree char *path = base_project (dir, "county.pmproj");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *before = store_test_checksum (path);
  g_autofree char *err = NULL;
  g_autofree char *areas = synthetic_areas ();
  const char *argv[] = { g_getenv ("PM_PLAN_MONITOR"), "--import", csv, "--add-area", areas,
                         path, NULL };
  g_autoptr (GError) error = NULL;
  GStatBuf st;
  int status;

  /* room for the journal to start, not for the import */
  g_stat (path, &st);
  file_size_limit = st.st_size + 64 * 1024;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, set_file_size_limit,
                NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s", err);

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "The disk is full"));
  g_assert_nonnull (strstr (err, "county.pmproj"));

  g_assert_cmpstr (store_test_checksum (path), ==, before);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (store_test_query_text (path, "PRAGMA integrity_check"), ==, "ok");
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observations"), ==, N_BASE);
}

/* A small tmpfs: a disk that really fills up. Mounting needs privileges:
 * without them the test is skipped. */
static char *
mount_small_disk (const char *dir,
                  const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);
  char *mount_point = g_build_filename (dir, "small-disk", NULL);

  g_mkdir (mount_point, 0755);
  if (mount ("tmpfs", mount_point, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("a small tmpfs cannot be mounted here (%s): "
                                                 "the file size limit test covers a full disk",
                                                 g_strerror (errno));

      g_test_skip (reason);
      g_free (mount_point);
      return NULL;
    }

  return mount_point;
}

static void
unmount_small_disk (const char *mount_point)
{
  g_assert_cmpint (umount2 (mount_point, MNT_DETACH), ==, 0);
}

static void
fill_disk (const char *mount_point,
           gsize       leave_free)
{
  g_autofree char *filler = g_build_filename (mount_point, "filler", NULL);
  char block[4096] = { 0 };
  FILE *file = fopen (filler, "wb");

  g_assert_nonnull (file);
  for (;;)
    {
      g_autoptr (GFile) gfile = g_file_new_for_path (mount_point);
      g_autoptr (GFileInfo) info = g_file_query_filesystem_info (gfile,
                                                                 G_FILE_ATTRIBUTE_FILESYSTEM_FREE,
                                                                 NULL, NULL);
      guint64 free_bytes = g_file_info_get_attribute_uint64 (info,
                                                             G_FILE_ATTRIBUTE_FILESYSTEM_FREE);

      if (free_bytes <= leave_free)
        break;
      if (fwrite (block, 1, MIN (sizeof block, free_bytes - leave_free), file) == 0)
        break;
      fflush (file);
    }
  fclose (file);
}

static void
test_full_disk_leaves_the_file_as_it_was (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *mount_point = mount_small_disk (dir, "2m");
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;
  g_autoptr (PmProject) template = NULL;

  if (mount_point == NULL)
    return;

  path = base_project (mount_point, "county.pmproj");
  before = store_test_checksum (path);
  template = pm_project_new_from_template (&error);
  csv = synthetic_csv (template, 40000);

  store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_false (pm_store_import_csv_data (store, csv, -1, "big.csv", NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DISK_FULL);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "The disk is full"));
  g_clear_error (&error);

  /* the model was not changed either, and small edits still fit */
  g_assert_cmpuint (g_list_model_get_n_items (pm_indicator_get_observations (
                      pm_project_find_indicator (pm_store_get_project (store), "W2"))), ==, 0);
  g_assert_false (pm_store_can_undo (store));
  pm_store_close (store);

  g_assert_cmpstr (store_test_checksum (path), ==, before);
  g_assert_cmpstr (store_test_query_text (path, "PRAGMA integrity_check"), ==, "ok");
  unmount_small_disk (mount_point);
}

static void
test_full_disk_leaves_no_half_new_project (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *mount_point = mount_small_disk (dir, "4m");
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;

  if (mount_point == NULL)
    return;

  fill_disk (mount_point, 100 * 1024);
  path = g_build_filename (mount_point, "county.pmproj", NULL);
  store = pm_store_create_from_template (path, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DISK_FULL);
  g_assert_true (g_str_has_prefix (error->message, "The disk is full"));

  /* neither the project nor its temporary file nor the lock is left */
  files = store_test_dir_list (mount_point);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, "filler");
  unmount_small_disk (mount_point);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/crash/sigkill-in-the-middle-of-an-import-leaves-all-or-nothing",
                   test_sigkill_in_the_middle_of_an_import);
  g_test_add_func ("/store/disk-full/a-file-size-limit-leaves-the-file-as-it-was",
                   test_file_size_limit_leaves_the_file_as_it_was);
  g_test_add_func ("/store/disk-full/a-full-disk-leaves-the-file-as-it-was",
                   test_full_disk_leaves_the_file_as_it_was);
  g_test_add_func ("/store/disk-full/a-full-disk-leaves-no-half-new-project",
                   test_full_disk_leaves_no_half_new_project);

  return g_test_run ();
}
