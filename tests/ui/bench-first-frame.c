/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Launch to first frame: Plan Monitor opening a project made from the
 * built-in template, beside a bare GTK 4 window launched the same way on
 * the same display. Each is launched RUNS times, alternately; the medians
 * and their ratio are printed (target: at most 1.3). Nothing is asserted. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "pm-store.h"

#define RUNS 7

static double
launch (const char *const *argv,
        const char *const *envp)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  const char *line;
  gint64 start, frame;
  int status;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!(line = strstr (out, "first-frame ")))
    g_error ("%s printed no first frame (status %d): %s", argv[0], status, err);
  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  return (frame - start) / 1000.0;
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare);
  return values[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *project = NULL;
  g_autofree char *bare = NULL;
  g_auto (GStrv) envp = NULL;
  g_autoptr (PmStore) store = NULL;
  const char *monitor = g_getenv ("PM_PLAN_MONITOR");
  double app[RUNS], base[RUNS];

  setlocale (LC_ALL, "");
  if (monitor == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_print ("bench-first-frame needs PM_PLAN_MONITOR and a display (run under xvfb-run)\n");
      return 0;
    }

  dir = g_dir_make_tmp ("pm-bench-first-frame-XXXXXX", &error);
  g_assert_no_error (error);
  project = g_build_filename (dir, "template.pmproj", NULL);
  store = pm_store_create_from_template (project, &error);
  g_assert_no_error (error);
  pm_store_close (store);

  bare = g_build_filename (g_path_get_dirname (argv[0]), "bench-bare-window", NULL);
  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "PM_REPORT_FIRST_FRAME", "1", TRUE);

  for (guint i = 0; i < RUNS; i++)
    {
      const char *app_argv[] = { monitor, project, NULL };
      const char *bare_argv[] = { bare, NULL };

      base[i] = launch (bare_argv, (const char *const *) envp);
      app[i] = launch (app_argv, (const char *const *) envp);
    }

  {
    double app_ms = median (app), base_ms = median (base);

    g_print ("launch to first frame, median of %d runs:\n", RUNS);
    g_print ("  bare GTK 4 window:                 %7.1f ms\n", base_ms);
    g_print ("  Plan Monitor, template project:    %7.1f ms\n", app_ms);
    g_print ("  ratio:                             %7.2f× (target ≤ 1.3×)\n", app_ms / base_ms);
  }

  g_unlink (project);
  g_rmdir (dir);
  return 0;
}
