/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark of the departments' data entry: a project with a SYNTHETIC
 * county value of every 2021–2030 indicator for 2021–2030 (random values:
 * no real figure), then the times of what the department and completeness
 * pages do. It prints its figures and never fails on a time. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "pm-completeness.h"
#include "pm-department-sheet.h"
#include "pm-indicator.h"
#include "pm-project.h"
#include "pm-store.h"

#define N_RUNS 5

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static char *
synthetic_values (PmProject *project)
{
  GString *csv = g_string_new ("code,year,value,source\n");
  GListModel *indicators = pm_project_get_indicators (project);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20230101);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);

      if (pm_indicator_get_period (indicator) != PM_PERIOD_2021_2030 ||
          pm_store_indicator_is_judged (indicator))
        continue;
      for (int year = 2021; year <= 2030; year++)
        g_string_append_printf (csv, "%s,%d,%.1f,synthetic\n", pm_indicator_get_code (indicator),
                                year, g_rand_double_range (rand, 1, 99));
    }

  return g_string_free (csv, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autoptr (PmStore) store = NULL;
  g_autoptr (GString) block = g_string_new (NULL);
  PmProject *project;
  PmDepartment *largest;
  double best;
  gint64 start;

  setlocale (LC_ALL, "");

  dir = g_dir_make_tmp ("pm-bench-department-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "synthetic.pmproj", NULL);
  store = pm_store_create_from_template (path, &error);
  g_assert_no_error (error);
  project = pm_store_get_project (store);
  csv = synthetic_values (project);
  g_assert_true (pm_store_import_csv_data (store, csv, -1, "synthetic.csv", NULL, &error));
  g_assert_no_error (error);
  largest = pm_project_find_department (project, "县卫生健康委");

  g_print ("Departments' data entry, %s (SYNTHETIC values of every 2021–2030 indicator, "
           "2021–2030)\n", path);

  best = G_MAXDOUBLE;
  for (int run = 0; run < N_RUNS; run++)
    {
      g_autoptr (PmDepartmentSheet) sheet = NULL;
      g_autoptr (GPtrArray) checks = NULL;

      start = g_get_monotonic_time ();
      sheet = pm_department_sheet_new (store, largest);
      checks = pm_department_sheet_list_checks (sheet, 2025, &error);
      best = MIN (best, ms_since (start));
    }
  g_print ("  sheet of 县卫生健康委 and the checks of a year: %.1f ms (best of %d)\n", best,
           N_RUNS);

  best = G_MAXDOUBLE;
  for (int run = 0; run < N_RUNS; run++)
    {
      g_autoptr (PmDepartmentSheet) sheet = pm_department_sheet_new (store, largest);

      start = g_get_monotonic_time ();
      for (guint row = 0; row < pm_department_sheet_get_n_rows (sheet); row++)
        for (int year = 2020; year <= 2030; year++)
          g_ptr_array_unref (pm_department_sheet_checks_for_cell (sheet, row, year, NULL));
      best = MIN (best, ms_since (start));
    }
  g_print ("  checks of every cell of its grid (what a full refresh reads): %.1f ms\n", best);

  best = G_MAXDOUBLE;
  for (int run = 0; run < N_RUNS; run++)
    {
      g_autoptr (GPtrArray) rows = NULL;

      start = g_get_monotonic_time ();
      rows = pm_store_list_completeness (store, 2021, 2030, &error);
      g_assert_no_error (error);
      best = MIN (best, ms_since (start));
    }
  g_print ("  completeness of 38 departments × 10 years: %.1f ms (best of %d)\n", best, N_RUNS);

  {
    g_autoptr (PmDepartmentSheet) sheet = pm_department_sheet_new (store, largest);
    guint n_rows = pm_department_sheet_get_n_rows (sheet);
    guint written = 0;

    for (guint row = 0; row < n_rows; row++)
      {
        for (int year = 2021; year <= 2030; year++)
          g_string_append_printf (block, "%s%d.5", year > 2021 ? "\t" : "", 40 + (int) row);
        g_string_append (block, "\r\n");
      }
    start = g_get_monotonic_time ();
    pm_department_sheet_paste (sheet, 0, 2021, block->str, &written, &error);
    g_assert_no_error (error);
    g_print ("  paste of a %u × 10 block (one edit, %u values with their history rows): %.1f ms\n",
             n_rows, written, ms_since (start));
  }

  pm_store_close (store);
  g_remove (path);
  g_rmdir (dir);
  return 0;
}
