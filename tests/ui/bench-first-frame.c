/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Launch to first frame: Plan Monitor opening a project made from the
 * built-in template, beside a bare GTK 4 window launched the same way on
 * the same display (the yardstick: target at most 1.3×), and a bare
 * libadwaita window with one Chinese label (what the toolkit Plan Monitor
 * is built on costs before the application does anything of its own). Each
 * is launched RUNS times, in turn; the medians, the ratios and where Plan
 * Monitor's time goes (the median of each stage it reports) are printed.
 * Nothing is asserted. */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "pm-store.h"

#define RUNS 11
#define MAX_STAGES 24

typedef struct
{
  char *names[MAX_STAGES];
  double ms[MAX_STAGES][RUNS]; /* time since the stage before */
  guint n_stages;
} Stages;

/* Runs argv; returns the milliseconds from the spawn to its first frame,
 * and adds the stages it printed to stages (if not NULL). */
static double
launch (const char *const *argv,
        const char *const *envp,
        Stages            *stages,
        guint              run)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  gint64 start, previous, frame = -1;
  int status;

  start = previous = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) words = g_strsplit (lines[i], " ", 3);
      const char *name = NULL;
      gint64 when;

      if (g_strcmp0 (words[0], "first-frame") == 0 && words[1])
        {
          name = "first frame";
          when = frame = g_ascii_strtoll (words[1], NULL, 10);
        }
      else if (g_strcmp0 (words[0], "stage") == 0 && words[1] && words[2])
        {
          name = words[1];
          when = g_ascii_strtoll (words[2], NULL, 10);
        }
      if (name == NULL)
        continue;

      if (stages)
        {
          guint s;

          for (s = 0; s < stages->n_stages && g_strcmp0 (stages->names[s], name) != 0; s++)
            ;
          if (s == stages->n_stages && s < MAX_STAGES)
            stages->names[stages->n_stages++] = g_strdup (name);
          if (s < MAX_STAGES)
            stages->ms[s][run] = (when - previous) / 1000.0;
        }
      previous = when;
    }

  if (frame < 0)
    g_error ("%s printed no first frame (status %d): %s", argv[0], status, err);
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
  g_autofree char *here = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *bare_adw = NULL;
  g_auto (GStrv) envp = NULL;
  g_autoptr (PmStore) store = NULL;
  const char *monitor = g_getenv ("PM_PLAN_MONITOR");
  double app[RUNS], base[RUNS], adw[RUNS];
  Stages stages = { 0 };

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

  here = g_path_get_dirname (argv[0]);
  bare = g_build_filename (here, "bench-bare-window", NULL);
  bare_adw = g_build_filename (here, "bench-bare-adw-window", NULL);
  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "PM_REPORT_FIRST_FRAME", "1", TRUE);

  for (guint i = 0; i < RUNS; i++)
    {
      const char *app_argv[] = { monitor, project, NULL };
      const char *bare_argv[] = { bare, NULL };
      const char *adw_argv[] = { bare_adw, NULL };

      base[i] = launch (bare_argv, (const char *const *) envp, NULL, i);
      adw[i] = launch (adw_argv, (const char *const *) envp, NULL, i);
      app[i] = launch (app_argv, (const char *const *) envp, &stages, i);
    }

  {
    double app_ms = median (app), base_ms = median (base), adw_ms = median (adw);

    g_print ("launch to first frame, median of %d runs:\n", RUNS);
    g_print ("  bare GTK 4 window:                 %7.1f ms\n", base_ms);
    g_print ("  bare libadwaita window, 1 label:   %7.1f ms  (%.2f×)\n", adw_ms, adw_ms / base_ms);
    g_print ("  Plan Monitor, template project:    %7.1f ms\n", app_ms);
    g_print ("  ratio:                             %7.2f× (target ≤ 1.3×)\n", app_ms / base_ms);
    g_print ("Plan Monitor's stages (median ms since the stage before):\n");
    for (guint s = 0; s < stages.n_stages; s++)
      {
        g_print ("  %-12s %6.1f\n", stages.names[s], median (stages.ms[s]));
        g_free (stages.names[s]);
      }
  }

  g_unlink (project);
  g_rmdir (dir);
  return 0;
}
