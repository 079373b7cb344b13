/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long the evaluation takes: the summary of every year 2011–2030 on the
 * template with a SYNTHETIC value for every 2021–2030 indicator and year
 * (made up for the benchmark; never real figures). Prints its figures. */
#include "config.h"

#include <locale.h>

#include "eval-test-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (PmProject) project = NULL;
  GListModel *indicators;
  gint64 start, elapsed;
  guint n_rows = 0, n_observations = 0;
  double fastest = G_MAXDOUBLE, slowest = 0;

  setlocale (LC_ALL, "");
  project = eval_test_load_template ();
  indicators = pm_project_get_indicators (project);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);

      if (pm_indicator_get_period (indicator) != PM_PERIOD_2021_2030)
        continue;
      for (int year = 2021; year <= 2030; year++, n_observations++)
        eval_test_observe (indicator, year, 40 + i % 50 + (year - 2021) * 0.7);
    }

  start = g_get_monotonic_time ();
  for (int year = 2011; year <= 2030; year++)
    {
      gint64 one = g_get_monotonic_time ();
      g_autoptr (PmSummary) summary = pm_summary_new_for_year (project, year);
      g_autofree char *tsv = pm_summary_to_tsv (summary);
      double ms = (g_get_monotonic_time () - one) / 1000.0;

      g_assert_nonnull (tsv);

      n_rows += g_list_model_get_n_items (pm_summary_get_evaluations (summary));
      fastest = MIN (fastest, ms);
      slowest = MAX (slowest, ms);
    }
  elapsed = g_get_monotonic_time () - start;

  g_print ("evaluation of the template with %u synthetic observations:\n", n_observations);
  g_print ("  20 yearly summaries (2011–2030) with their TSV: %.1f ms in all, %u indicator-years\n",
           elapsed / 1000.0, n_rows);
  g_print ("  one year: %.2f ms at best, %.2f ms at worst; %.1f µs per indicator\n",
           fastest, slowest, (double) elapsed / n_rows);
  return 0;
}
