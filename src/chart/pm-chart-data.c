/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-data"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pm-chart-data.h"
#include "pm-chart-private.h"

G_DEFINE_BOXED_TYPE (PmTrendData, pm_trend_data, pm_trend_data_copy, pm_trend_data_free)
G_DEFINE_BOXED_TYPE (PmSummaryData, pm_summary_data, pm_summary_data_copy, pm_summary_data_free)

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const PmTrendPoint *pa = a;
  const PmTrendPoint *pb = b;

  return (pa->year > pb->year) - (pa->year < pb->year);
}

/* Returns: (transfer full): an empty trend with the axis of the 2021–2030
 * plans (2010–2030, target in 2030, mid-term in 2025) and no target */
static void
point_clear (gpointer data)
{
  PmTrendPoint *point = data;

  g_clear_pointer (&point->printed, g_free);
}

PmTrendData *
pm_trend_data_new (void)
{
  PmTrendData *self = g_new0 (PmTrendData, 1);

  self->first_year = 2010;
  self->last_year = 2030;
  self->period_start_year = 2020;
  self->target_year = 2030;
  self->midterm_year = 2025;
  self->points = g_array_new (FALSE, FALSE, sizeof (PmTrendPoint));
  g_array_set_clear_func (self->points, point_clear);
  self->target.kind = PM_CHART_TARGET_NONE;
  self->target.value = NAN;
  self->target.low = NAN;
  self->target.high = NAN;
  self->baseline_value = NAN;
  self->required_value = NAN;
  self->projection_from_value = NAN;
  self->projected_value = NAN;
  self->status = PM_CHART_STATUS_NONE;

  return self;
}

PmTrendData *
pm_trend_data_copy (const PmTrendData *self)
{
  PmTrendData *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->code = g_strdup (self->code);
  copy->title = g_strdup (self->title);
  copy->unit = g_strdup (self->unit);
  copy->points = g_array_copy (self->points);
  g_array_set_clear_func (copy->points, point_clear);
  for (guint i = 0; i < copy->points->len; i++)
    {
      PmTrendPoint *point = &g_array_index (copy->points, PmTrendPoint, i);

      point->printed = g_strdup (point->printed);
    }
  copy->target.text = g_strdup (self->target.text);
  copy->status_label = g_strdup (self->status_label);
  copy->explanation = g_strdup (self->explanation);
  copy->footnote = g_strdup (self->footnote);

  return copy;
}

void
pm_trend_data_free (PmTrendData *self)
{
  if (self == NULL)
    return;

  g_free (self->code);
  g_free (self->title);
  g_free (self->unit);
  g_array_unref (self->points);
  g_free (self->target.text);
  g_free (self->status_label);
  g_free (self->explanation);
  g_free (self->footnote);
  g_free (self);
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

void
pm_trend_data_set_title (PmTrendData *self,
                         const char  *title)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->title, title);
}

void
pm_trend_data_set_unit (PmTrendData *self,
                        const char  *unit)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->unit, unit);
}

/* Sets the kind and the printed text; the numbers are set on self->target. */
void
pm_trend_data_set_target (PmTrendData       *self,
                          PmChartTargetKind  kind,
                          const char        *text)
{
  g_return_if_fail (self != NULL);

  self->target.kind = kind;
  replace_string (&self->target.text, text);
}

void
pm_trend_data_set_status (PmTrendData   *self,
                          PmChartStatus  status,
                          const char    *label,
                          const char    *explanation)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) status < PM_CHART_N_STATUSES);

  self->status = status;
  replace_string (&self->status_label, label);
  replace_string (&self->explanation, explanation);
}

void
pm_trend_data_set_footnote (PmTrendData *self,
                            const char  *footnote)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->footnote, footnote);
}

/* Adds a value (NAN for a year known to have none), replacing the value of
 * the same year, and keeps the points sorted by year. */
void
pm_trend_data_add_point (PmTrendData      *self,
                         int               year,
                         double            value,
                         PmTrendPointFlags flags)
{
  pm_trend_data_add_printed_point (self, year, value, flags, NULL);
}

/* As pm_trend_data_add_point (), with the value as the plan prints it
 * (98.90 for 98.9), or NULL. */
void
pm_trend_data_add_printed_point (PmTrendData      *self,
                                 int               year,
                                 double            value,
                                 PmTrendPointFlags flags,
                                 const char       *printed)
{
  PmTrendPoint point = { year, value, flags, g_strdup (printed && *printed ? printed : NULL) };

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->points->len; i++)
    {
      PmTrendPoint *p = &g_array_index (self->points, PmTrendPoint, i);

      if (p->year == year)
        {
          g_free (p->printed);
          *p = point;
          return;
        }
    }

  g_array_append_val (self->points, point);
  g_array_sort (self->points, compare_points);
}

/* Returns: (transfer full): the point's value as a label shows it: as
 * printed where the plan printed it (98.90), else its number (98.9) */
char *
pm_trend_point_dup_label (const PmTrendPoint *point)
{
  g_return_val_if_fail (point != NULL, NULL);

  if (point->printed)
    return g_strdup (point->printed);
  return pm_chart_format_value (point->value);
}

/* Returns: how many points have a value */
guint
pm_trend_data_count_values (const PmTrendData *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->points->len; i++)
    if (!isnan (g_array_index (self->points, PmTrendPoint, i).value))
      n++;

  return n;
}

/* Returns: (nullable): the last point with a value */
const PmTrendPoint *
pm_trend_data_get_latest (const PmTrendData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = self->points->len; i > 0; i--)
    {
      const PmTrendPoint *p = &g_array_index (self->points, PmTrendPoint, i - 1);

      if (!isnan (p->value))
        return p;
    }

  return NULL;
}

static void
summary_row_free (gpointer data)
{
  PmSummaryRow *row = data;

  g_free (row->label);
  g_free (row->group);
  g_free (row->short_label);
  g_free (row);
}

PmSummaryData *
pm_summary_data_new (const char *title)
{
  PmSummaryData *self = g_new0 (PmSummaryData, 1);

  self->title = g_strdup (title);
  self->rows = g_ptr_array_new_with_free_func (summary_row_free);

  return self;
}

PmSummaryData *
pm_summary_data_copy (const PmSummaryData *self)
{
  PmSummaryData *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = pm_summary_data_new (self->title);
  copy->subtitle = g_strdup (self->subtitle);
  copy->language = self->language;
  copy->footnote = g_strdup (self->footnote);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const PmSummaryRow *row = g_ptr_array_index (self->rows, i);
      PmSummaryRow *row_copy = pm_summary_data_add_row (copy, row->label);

      memcpy (row_copy->counts, row->counts, sizeof row->counts);
      row_copy->rate = row->rate;
      row_copy->total = row->total;
      row_copy->group = g_strdup (row->group);
      row_copy->short_label = g_strdup (row->short_label);
    }

  return copy;
}

void
pm_summary_data_free (PmSummaryData *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->footnote);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

/* Returns: (transfer none): a new row with no counts and no rate */
PmSummaryRow *
pm_summary_data_add_row (PmSummaryData *self,
                         const char    *label)
{
  PmSummaryRow *row;

  g_return_val_if_fail (self != NULL, NULL);

  row = g_new0 (PmSummaryRow, 1);
  row->label = g_strdup (label);
  row->rate = NAN;
  g_ptr_array_add (self->rows, row);

  return row;
}
