/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-completeness"

#include "config.h"

#include "pm-completeness.h"
#include "pm-department-sheet.h"
#include "pm-department.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"

G_DEFINE_BOXED_TYPE (PmCompletenessRow, pm_completeness_row, pm_completeness_row_copy,
                     pm_completeness_row_free)

PmCompletenessRow *
pm_completeness_row_copy (const PmCompletenessRow *self)
{
  PmCompletenessRow *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->department = g_strdup (self->department);
  copy->comment = g_strdup (self->comment);
  copy->last_change = self->last_change ? g_date_time_ref (self->last_change) : NULL;
  copy->last_changed_by = g_strdup (self->last_changed_by);
  return copy;
}

void
pm_completeness_row_free (PmCompletenessRow *self)
{
  if (self == NULL)
    return;

  g_free (self->department);
  g_free (self->comment);
  g_clear_pointer (&self->last_change, g_date_time_unref);
  g_free (self->last_changed_by);
  g_free (self);
}

static char *
key_of (const char *department,
        int         year)
{
  return g_strdup_printf ("%s\x1f%d", department, year);
}

/* Keeps the latest change of a row. */
static void
note_change (PmCompletenessRow *row,
             GDateTime         *when,
             const char        *who)
{
  if (when == NULL)
    return;
  if (row->last_change && g_date_time_compare (when, row->last_change) <= 0)
    return;

  g_clear_pointer (&row->last_change, g_date_time_unref);
  row->last_change = g_date_time_ref (when);
  g_free (row->last_changed_by);
  row->last_changed_by = g_strdup (who);
}

/**
 * pm_store_list_completeness:
 * @first_year: the first year, from 2021
 * @last_year: the last year, up to 2030
 *
 * Returns: (transfer full) (element-type PmCompletenessRow): every
 * department and year: where its report stands, how many of the values it
 * is to give it gave, its open checks and its last change, by year and in
 * the order of the departments
 */
GPtrArray *
pm_store_list_completeness (PmStore *store,
                            int      first_year,
                            int      last_year,
                            GError **error)
{
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) rows = NULL;
  GListModel *departments;

  g_return_val_if_fail (PM_IS_STORE (store), NULL);

  first_year = MAX (first_year, PM_DEPARTMENT_SHEET_FIRST_YEAR);
  last_year = MIN (last_year, PM_DEPARTMENT_SHEET_LAST_YEAR);

  if (!(reports = pm_store_list_department_reports (store, 0, error)) ||
      !(notes = pm_store_list_progress_notes (store, NULL, 0, error)) ||
      !(items = pm_store_list_work_items (store, NULL, 0, error)))
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_completeness_row_free);
  departments = pm_project_get_departments (pm_store_get_project (store));
  for (int year = first_year; year <= last_year; year++)
    for (guint d = 0; d < g_list_model_get_n_items (departments); d++)
      {
        g_autoptr (PmDepartment) department = g_list_model_get_item (departments, d);
        PmCompletenessRow *row = g_new0 (PmCompletenessRow, 1);

        row->department = g_strdup (pm_department_get_name (department));
        row->department_position = d;
        row->year = year;
        row->status = PM_REPORT_STATUS_NOT_STARTED;
        g_hash_table_insert (by_key, key_of (row->department, year), row);
        g_ptr_array_add (rows, row);
      }

  for (guint d = 0; d < g_list_model_get_n_items (departments); d++)
    {
      g_autoptr (PmDepartment) department = g_list_model_get_item (departments, d);
      g_autoptr (PmDepartmentSheet) sheet = pm_department_sheet_new (store, department);
      g_autoptr (GPtrArray) checks = NULL;
      guint expected = pm_department_sheet_count_lead_rows (sheet);

      if (!(checks = pm_department_sheet_list_checks (sheet, 0, error)))
        return NULL;

      for (int year = first_year; year <= last_year; year++)
        {
          g_autofree char *key = key_of (pm_department_get_name (department), year);
          PmCompletenessRow *row = g_hash_table_lookup (by_key, key);

          row->expected = expected;
          for (guint r = 0; r < pm_department_sheet_get_n_rows (sheet); r++)
            {
              PmObservation *observation;

              if (pm_department_sheet_get_role (sheet, r) != PM_ROLE_LEAD)
                continue;
              observation = pm_indicator_find_observation (
                pm_department_sheet_get_indicator (sheet, r), year, PM_AREA_COUNTY);
              if (observation == NULL)
                continue;
              row->entered++;
              note_change (row, pm_observation_get_changed_at (observation),
                           pm_observation_get_changed_by (observation));
            }
        }

      for (guint i = 0; i < checks->len; i++)
        {
          const PmSheetCheck *check = g_ptr_array_index (checks, i);
          g_autofree char *key = NULL;
          PmCompletenessRow *row;

          if (check->role != PM_ROLE_LEAD || check->note != NULL)
            continue;
          key = key_of (pm_department_get_name (department), check->check->year);
          if ((row = g_hash_table_lookup (by_key, key)))
            row->open_checks++;
        }
    }

  for (guint i = 0; i < notes->len; i++)
    {
      const PmProgressNote *note = g_ptr_array_index (notes, i);
      g_autofree char *key = key_of (note->department, note->year);
      PmCompletenessRow *row = g_hash_table_lookup (by_key, key);

      if (row)
        {
          note_change (row, note->changed_at, note->changed_by);
          if (row->status == PM_REPORT_STATUS_NOT_STARTED)
            row->status = PM_REPORT_STATUS_DRAFT;
        }
    }

  for (guint i = 0; i < items->len; i++)
    {
      const PmWorkItem *item = g_ptr_array_index (items, i);
      g_autofree char *key = key_of (item->department, item->year);
      PmCompletenessRow *row = g_hash_table_lookup (by_key, key);

      if (row)
        {
          note_change (row, item->changed_at, item->changed_by);
          if (row->status == PM_REPORT_STATUS_NOT_STARTED)
            row->status = PM_REPORT_STATUS_DRAFT;
        }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      PmCompletenessRow *row = g_ptr_array_index (rows, i);

      if (row->status == PM_REPORT_STATUS_NOT_STARTED && row->entered > 0)
        row->status = PM_REPORT_STATUS_DRAFT;
    }

  for (guint i = 0; i < reports->len; i++)
    {
      const PmDepartmentReport *report = g_ptr_array_index (reports, i);
      g_autofree char *key = key_of (report->department, report->year);
      PmCompletenessRow *row = g_hash_table_lookup (by_key, key);

      if (row == NULL)
        continue;
      row->status = report->status;
      g_free (row->comment);
      row->comment = g_strdup (report->comment);
      note_change (row, report->changed_at, report->changed_by);
    }

  return g_steal_pointer (&rows);
}
