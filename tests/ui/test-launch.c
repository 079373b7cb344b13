/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The start of the application itself (the plan-monitor program, run as a
 * user runs it): which project its first frame shows. PM_REPORT_FIRST_FRAME
 * makes it report its stages and that frame, and quit. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sys/wait.h>

#include "pm-store.h"
#include "pm-test-util.h"

typedef struct
{
  char *dir;
  char *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;

  fixture->dir = g_dir_make_tmp ("pm-test-launch-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->project = g_build_filename (fixture->dir, "县规划.pmproj", NULL);
  store = pm_store_create_from_template (fixture->project, &error);
  g_assert_no_error (error);
  pm_store_close (store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  pm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->project);
}

/* Runs plan-monitor on project (NULL: none), with its settings kept in
 * settings_dir if not NULL; returns its standard output. */
static char *
launch_with_settings (const char *project,
                      const char *settings_dir)
{
  const char *argv[] = { g_getenv ("PM_PLAN_MONITOR"), project, NULL };
  g_auto (GStrv) envp = g_environ_setenv (g_get_environ (), "PM_REPORT_FIRST_FRAME", "1", TRUE);
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (settings_dir)
    {
      envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
      envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", settings_dir, TRUE);
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("plan-monitor failed (%s): %s", error->message, err);
  return out;
}

static char *
launch (const char *project)
{
  return launch_with_settings (project, NULL);
}

/* The position of "stage <name>" in out, or -1. */
static gssize
stage_at (const char *out,
          const char *name)
{
  g_autofree char *line = g_strdup_printf ("stage %s ", name);
  const char *found = strstr (out, line);

  return found ? found - out : -1;
}

static void
test_launch_shows_the_project_given_in_its_first_frame (Fixture       *fixture,
                                                         gconstpointer  user_data)
{
  g_autofree char *out = launch (fixture->project);

  g_assert_nonnull (strstr (out, "first-frame "));
  g_assert_nonnull (strstr (out, "\nshown overview 县规划.pmproj\n"));
}

static void
test_launch_opens_the_project_before_the_window_is_shown (Fixture       *fixture,
                                                          gconstpointer  user_data)
{
  g_autofree char *out = launch (fixture->project);

  /* the file is opened on a thread while the toolkit starts, libgda set up
   * on the main thread first (GLib lets only one thread at a time register
   * GValue transformations, and GTK registers its own then), and the window
   * is mapped with the project in it */
  g_assert_cmpint (stage_at (out, "store-prepared"), >=, 0);
  g_assert_cmpint (stage_at (out, "toolkit"), >, stage_at (out, "store-prepared"));
  g_assert_cmpint (stage_at (out, "project"), >, stage_at (out, "toolkit"));
  g_assert_cmpint (stage_at (out, "map"), >, stage_at (out, "project"));
}

static void
test_launch_shows_the_welcome_page_when_the_project_cannot_be_opened (Fixture       *fixture,
                                                                      gconstpointer  user_data)
{
  g_autofree char *foreign = g_build_filename (fixture->dir, "notes.pmproj", NULL);
  g_autofree char *out = NULL;

  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (foreign, "not a project", -1, NULL));
  out = launch (foreign);
  g_assert_nonnull (strstr (out, "\nshown welcome "));
  /* never written to */
  g_assert_true (g_file_get_contents (foreign, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "not a project");
}

static void
test_launch_reopens_the_last_project (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autofree char *settings = g_build_filename (fixture->dir, "config", NULL);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *after_removal = NULL;

  first = launch_with_settings (NULL, settings);
  g_assert_nonnull (strstr (first, "\nshown welcome "));

  g_free (first);
  first = launch_with_settings (fixture->project, settings);
  g_assert_nonnull (strstr (first, "\nshown overview 县规划.pmproj\n"));

  /* no project given: the last one, opened the same way */
  again = launch_with_settings (NULL, settings);
  g_assert_nonnull (strstr (again, "\nshown overview 县规划.pmproj\n"));
  g_assert_cmpint (stage_at (again, "map"), >, stage_at (again, "project"));

  /* gone: the welcome page, and no error */
  g_assert_cmpint (g_remove (fixture->project), ==, 0);
  after_removal = launch_with_settings (NULL, settings);
  g_assert_nonnull (strstr (after_removal, "\nshown welcome "));
}

static void
test_launch_shows_the_welcome_page_when_the_project_does_not_exist (Fixture       *fixture,
                                                                    gconstpointer  user_data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "nowhere", "县.pmproj", NULL);
  g_autofree char *out = launch (missing);

  g_assert_nonnull (strstr (out, "\nshown welcome "));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS)); /* nothing made */
}

static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer  data)
{
  for (int i = 0; i < 300; i++)
    {
      if (done (data))
        return TRUE;
      g_usleep (50 * 1000);
    }
  return FALSE;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
has_exited (gpointer data)
{
  int *status = data;

  return waitpid (status[0], &status[1], WNOHANG) == status[0];
}

/* A logout or a kill sends SIGTERM: the window must close its project as
 * its Quit does, or the lock left beside it makes the next start read-only. */
static void
test_launch_removes_its_lock_when_terminated (Fixture       *fixture,
                                              gconstpointer  user_data)
{
  const char *argv[] = { g_getenv ("PM_PLAN_MONITOR"), fixture->project, NULL };
  g_autofree char *dir = g_path_get_dirname (fixture->project);
  g_autofree char *name = g_path_get_basename (fixture->project);
  g_autofree char *lock_name = g_strdup_printf (".~lock.%s#", name);
  g_autofree char *lock = g_build_filename (dir, lock_name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;
  int signals[] = { SIGTERM, SIGINT, SIGHUP };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      GPid pid;
      int status[2] = { 0, 0 };

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                    NULL, &pid, &error));
      g_assert_no_error (error);
      g_assert_true (wait_for (file_exists, lock));
      /* past the start: the window is up and the signal handlers set */
      g_usleep (500 * 1000);

      g_assert_cmpint (kill (pid, signals[i]), ==, 0);
      status[0] = pid;
      g_assert_true (wait_for (has_exited, status));
      g_spawn_close_pid (pid);
      g_test_message ("signal %d: wait status %d", signals[i], status[1]);
      g_assert_true (WIFEXITED (status[1]));
      g_assert_cmpint (WEXITSTATUS (status[1]), ==, 0);
      g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
    }

  store = pm_store_open (fixture->project, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_false (pm_store_is_read_only (store));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/ui/launch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("shows-the-project-given-in-its-first-frame", test_launch_shows_the_project_given_in_its_first_frame);
  ADD ("opens-the-project-before-the-window-is-shown", test_launch_opens_the_project_before_the_window_is_shown);
  ADD ("reopens-the-last-project", test_launch_reopens_the_last_project);
  ADD ("shows-the-welcome-page-when-the-project-does-not-exist",
       test_launch_shows_the_welcome_page_when_the_project_does_not_exist);
  ADD ("shows-the-welcome-page-when-the-project-cannot-be-opened",
       test_launch_shows_the_welcome_page_when_the_project_cannot_be_opened);
  ADD ("removes-its-lock-when-terminated", test_launch_removes_its_lock_when_terminated);

  return g_test_run ();
}
