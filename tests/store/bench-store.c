/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of the project file. It generates a project with 100,000
 * SYNTHETIC observations (random values, areas named "synthetic-town-NN":
 * no real figure) and prints each measure beside its target. It never fails
 * on a time: the figures are for people to read.
 *
 * Each memory figure comes from a child process of its own, so that the
 * peak (VmHWM) of one measure is not that of another. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sys/stat.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pm-csv.h"
#include "pm-indicator.h"
#include "pm-project.h"
#include "pm-store.h"

#define N_OBSERVATIONS 100000
#define N_AREAS 50
#define CHUNK 10000
#define N_OPENS 7
#define N_EDITS 200
#define N_MEMORY_EDITS 10000
#define N_WARM_EDITS 200

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
percentile (GArray *times,
            double  p)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * p)));
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static char *
area_name (int i)
{
  return i == 0 ? g_strdup ("county") : g_strdup_printf ("synthetic-town-%02d", i);
}

/* Returns: (transfer full) (element-type utf8): CSV documents of chunk_rows
 * rows each, n_rows rows in all: every 2021–2030 indicator for every year
 * 2010–2030 and area, then 2011–2020 indicators for 2010–2020 */
static GPtrArray *
generate_chunks (PmProject *project,
                 guint      n_rows,
                 guint      chunk_rows)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func (g_free);
  GListModel *indicators = pm_project_get_indicators (project);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20210101);
  GString *chunk = NULL;
  guint n = 0;

  for (int pass = 0; pass < 2 && n < n_rows; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (indicators) && n < n_rows; i++)
      {
        g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
        PmPeriod period = pm_indicator_get_period (indicator);
        int last_year = pass == 0 ? 2030 : 2020;

        if ((pass == 0) != (period == PM_PERIOD_2021_2030))
          continue;

        for (int year = 2010; year <= last_year && n < n_rows; year++)
          for (int area = 0; area < N_AREAS && n < n_rows; area++)
            {
              g_autofree char *area_text = area_name (area);
              g_autofree char *year_text = g_strdup_printf ("%d", year);
              g_autofree char *value = g_strdup_printf ("%.1f",
                                                        g_rand_int_range (rand, 0, 1000) / 10.0);
              const char *fields[] = {
                pm_indicator_get_code (indicator), year_text, area_text, value,
                n % 10 == 0 ? "synthetic benchmark value" : "",
                "synthetic", "0",
              };

              if (chunk == NULL)
                {
                  chunk = g_string_new (NULL);
                  pm_csv_append_record (chunk,
                                        (const char *const[]) { "code", "year", "area", "value",
                                                                "note", "source", "provisional" },
                                        7);
                }
              pm_csv_append_record (chunk, fields, G_N_ELEMENTS (fields));
              if (++n % chunk_rows == 0)
                g_ptr_array_add (chunks, g_string_free (g_steal_pointer (&chunk), FALSE));
            }
      }

  if (chunk)
    g_ptr_array_add (chunks, g_string_free (g_steal_pointer (&chunk), FALSE));
  return chunks;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* The peak and current resident set of this process, in MB. */
static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, field)))
    return NAN;

  return g_ascii_strtod (line + strlen (field), NULL) / 1024.0;
}

static PmStore *
new_project (char **dir,
             char **path)
{
  g_autoptr (GError) error = NULL;
  PmStore *store;

  *dir = g_dir_make_tmp ("pm-bench-store-XXXXXX", &error);
  g_assert_no_error (error);
  *path = g_build_filename (*dir, "synthetic.pmproj", NULL);
  store = pm_store_create_from_template (*path, &error);
  g_assert_no_error (error);

  return store;
}

/* One import of n_rows new values into a new project: its time, and the
 * peak resident set of the process that did only this. */
static void
measure_import (guint n_rows)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PmStore) store = new_project (&dir, &path);
  g_autoptr (GPtrArray) documents = generate_chunks (pm_store_get_project (store), n_rows, n_rows);
  const char *data = g_ptr_array_index (documents, 0);
  PmStoreImportCounts counts;
  double before = status_mb ("VmRSS:");
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  pm_store_import_csv_data (store, data, -1, "synthetic.csv", &counts, &error);
  g_assert_no_error (error);
  elapsed = ms_since (start);
  g_assert_cmpuint (counts.added, ==, n_rows);

  g_print ("import %6u rows at once:     %7.1f ms, peak RSS %.1f MB (%.1f MB before)  "
           "(target for 100,000: <= 1000 ms, <= 150 MB)\n",
           n_rows, elapsed, status_mb ("VmHWM:"), before);

  pm_store_close (store);
  remove_dir (dir);
}

/* The window's edit: one value with its history row, N_MEMORY_EDITS times
 * after N_WARM_EDITS to fill the caches and the undo list. */
static void
measure_edit_memory (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PmStore) store = new_project (&dir, &path);
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  const char *codes[] = { "W1", "W20", "C7", "C30" };
  double before = 0;
  gint64 start = 0;
  double elapsed;

  for (int i = 0; i < N_WARM_EDITS + N_MEMORY_EDITS; i++)
    {
      g_autofree char *area = area_name (g_rand_int_range (rand, 0, N_AREAS));

      if (i == N_WARM_EDITS)
        {
          before = status_mb ("VmRSS:");
          start = g_get_monotonic_time ();
        }
      pm_store_set_observation (store, codes[i % G_N_ELEMENTS (codes)],
                                g_rand_int_range (rand, 2010, 2031), area,
                                g_rand_int_range (rand, 0, 1000) / 10.0, NULL,
                                i % 2 ? "synthetic edit" : NULL, NULL, FALSE, &error);
      g_assert_no_error (error);
    }
  elapsed = ms_since (start);

  g_print ("RSS over %d edits:          %7.1f MB before, %.1f MB after, %+.1f MB  "
           "(target: within +-5 MB; %.2f ms an edit)\n",
           N_MEMORY_EDITS, before, status_mb ("VmRSS:"), status_mb ("VmRSS:") - before,
           elapsed / N_MEMORY_EDITS);

  pm_store_close (store);
  remove_dir (dir);
}

static void
in_child (void (*measure) (guint),
          guint  argument)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      measure (argument);
      fflush (stdout);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
}

static void
measure_edit_memory_with (guint unused)
{
  measure_edit_memory ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PmStore) store = NULL;
  g_autoptr (GPtrArray) chunks = NULL;
  g_autoptr (GArray) import_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) open_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) edit_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) check_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  guint n_observations = 0;
  double first_import, last_import;
  GStatBuf st;

  setlocale (LC_ALL, "");

  /* one measure alone, for a profiler: --import N or --edits */
  if (argc == 3 && g_str_equal (argv[1], "--import"))
    {
      measure_import ((guint) g_ascii_strtoull (argv[2], NULL, 10));
      return 0;
    }
  if (argc == 2 && g_str_equal (argv[1], "--edits"))
    {
      measure_edit_memory ();
      return 0;
    }

  /* before anything starts a thread: the children are forked */
  in_child (measure_import, 10000);
  in_child (measure_import, 100000);
  in_child (measure_edit_memory_with, 0);

  dir = g_dir_make_tmp ("pm-bench-store-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "synthetic-100000.pmproj", NULL);

  store = pm_store_create_from_template (path, &error);
  g_assert_no_error (error);
  chunks = generate_chunks (pm_store_get_project (store), N_OBSERVATIONS, CHUNK);

  g_print ("Project file benchmark: %d SYNTHETIC observations (91 indicators x 21 years x "
           "%d areas, then 2011-2020 indicators), imported %d rows at a time\n",
           N_OBSERVATIONS, N_AREAS, CHUNK);

  for (guint i = 0; i < chunks->len; i++)
    {
      const char *data = g_ptr_array_index (chunks, i);
      PmStoreImportCounts counts;
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      pm_store_import_csv_data (store, data, -1, "synthetic.csv", &counts, &error);
      g_assert_no_error (error);
      elapsed = ms_since (start);
      g_array_append_val (import_times, elapsed);
      n_observations += counts.added;
    }
  g_assert_cmpuint (n_observations, ==, N_OBSERVATIONS);
  pm_store_close (store);
  g_clear_object (&store);

  for (int i = 0; i < N_OPENS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (pm_store_get_project (store));
      elapsed = ms_since (start);
      g_array_append_val (open_times, elapsed);
      if (i < N_OPENS - 1)
        g_clear_object (&store);
    }

  /* the check opening runs (integrity_check) alone, as part of the above */
  for (int i = 0; i < N_OPENS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      pm_store_check_integrity (store, &error);
      g_assert_no_error (error);
      elapsed = ms_since (start);
      g_array_append_val (check_times, elapsed);
    }

  for (int i = 0; i < N_EDITS; i++)
    {
      const char *codes[] = { "W1", "W20", "C7", "C30" };
      g_autofree char *area = area_name (g_rand_int_range (rand, 0, N_AREAS));
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      pm_store_set_observation (store, codes[i % G_N_ELEMENTS (codes)],
                                g_rand_int_range (rand, 2010, 2031), area,
                                g_rand_int_range (rand, 0, 1000) / 10.0, NULL,
                                "synthetic edit", NULL, FALSE, &error);
      g_assert_no_error (error);
      elapsed = ms_since (start);
      g_array_append_val (edit_times, elapsed);
    }
  pm_store_close (store);

  g_stat (path, &st);
  first_import = g_array_index (import_times, double, 0);
  last_import = g_array_index (import_times, double, import_times->len - 1);

  g_print ("open and load the model:       %7.1f ms median, %.1f ms best of %d  (target <= 150 ms)\n",
           median (open_times), percentile (open_times, 0), N_OPENS);
  g_print ("  of which integrity_check:     %7.1f ms median alone, on the second connection "
           "while the model loads\n",
           median (check_times));
  g_print ("write one edit with history:   %7.2f ms median, %.2f ms 95th percentile of %d  "
           "(target <= 5 ms)\n",
           median (edit_times), percentile (edit_times, 0.95), N_EDITS);
  g_print ("import 10,000 rows:            %7.1f ms median, %.1f ms first, %.1f ms last  "
           "(target <= 1000 ms)\n",
           median (import_times), first_import, last_import);
  g_print ("file size:                     %7.1f MB (%" G_GINT64_FORMAT " bytes; no target)\n",
           st.st_size / 1e6, (gint64) st.st_size);

  remove_dir (dir);
  return 0;
}
