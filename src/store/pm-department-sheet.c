/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-department-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-csv.h"
#include "pm-department-sheet.h"
#include "pm-department.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"
#include "pm-task.h"

struct _PmDepartmentSheet
{
  GObject parent_instance;

  PmStore *store;
  PmDepartment *department;
  GPtrArray *indicators; /* of PmIndicator, the rows */
  GArray *roles;         /* of PmRole, one per row */
  GPtrArray *tasks;      /* of PmTask */
};

G_DEFINE_FINAL_TYPE (PmDepartmentSheet, pm_department_sheet, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (PmSheetCheck, pm_sheet_check, pm_sheet_check_copy, pm_sheet_check_free)

PmSheetCheck *
pm_sheet_check_copy (const PmSheetCheck *self)
{
  PmSheetCheck *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (PmSheetCheck, 1);
  copy->check = pm_check_copy (self->check);
  copy->role = self->role;
  copy->note = g_strdup (self->note);
  copy->confirmed_by = g_strdup (self->confirmed_by);
  copy->confirmed_at = self->confirmed_at ? g_date_time_ref (self->confirmed_at) : NULL;
  return copy;
}

void
pm_sheet_check_free (PmSheetCheck *self)
{
  if (self == NULL)
    return;

  pm_check_free (self->check);
  g_free (self->note);
  g_free (self->confirmed_by);
  g_clear_pointer (&self->confirmed_at, g_date_time_unref);
  g_free (self);
}

static void
pm_department_sheet_finalize (GObject *object)
{
  PmDepartmentSheet *self = PM_DEPARTMENT_SHEET (object);

  g_clear_object (&self->store);
  g_clear_object (&self->department);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->roles, g_array_unref);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);

  G_OBJECT_CLASS (pm_department_sheet_parent_class)->finalize (object);
}

static void
pm_department_sheet_class_init (PmDepartmentSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_department_sheet_finalize;
}

static void
pm_department_sheet_init (PmDepartmentSheet *self)
{
  self->indicators = g_ptr_array_new_with_free_func (g_object_unref);
  self->roles = g_array_new (FALSE, FALSE, sizeof (PmRole));
}

/**
 * pm_department_sheet_new:
 * @store: an open project
 * @department: one of its departments
 *
 * Returns: (transfer full): the department's sheet; it reads the project
 * as it is when asked, so one sheet serves while values change
 */
PmDepartmentSheet *
pm_department_sheet_new (PmStore      *store,
                         PmDepartment *department)
{
  PmDepartmentSheet *self;
  g_autoptr (GPtrArray) all = NULL;
  PmProject *project;

  g_return_val_if_fail (PM_IS_STORE (store), NULL);
  g_return_val_if_fail (PM_IS_DEPARTMENT (department), NULL);

  self = g_object_new (PM_TYPE_DEPARTMENT_SHEET, NULL);
  self->store = g_object_ref (store);
  self->department = g_object_ref (department);
  project = pm_store_get_project (store);

  all = pm_project_list_department_indicators (project, department);
  for (guint i = 0; i < all->len; i++)
    {
      PmIndicator *indicator = g_ptr_array_index (all, i);
      PmRole role;
      gboolean involved = FALSE;

      if (pm_indicator_get_period (indicator) != PM_PERIOD_2021_2030)
        continue;
      role = pm_indicator_get_role (indicator, department, &involved);
      if (!involved)
        continue;
      g_ptr_array_add (self->indicators, g_object_ref (indicator));
      g_array_append_val (self->roles, role);
    }

  self->tasks = pm_project_list_department_tasks (project, department);
  return self;
}

PmStore *
pm_department_sheet_get_store (PmDepartmentSheet *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), NULL);
  return self->store;
}

PmDepartment *
pm_department_sheet_get_department (PmDepartmentSheet *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), NULL);
  return self->department;
}

guint
pm_department_sheet_get_n_rows (PmDepartmentSheet *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), 0);
  return self->indicators->len;
}

/* Returns: (transfer none): the indicator of a row */
PmIndicator *
pm_department_sheet_get_indicator (PmDepartmentSheet *self,
                                   guint              row)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), NULL);
  g_return_val_if_fail (row < self->indicators->len, NULL);
  return g_ptr_array_index (self->indicators, row);
}

PmRole
pm_department_sheet_get_role (PmDepartmentSheet *self,
                              guint              row)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), PM_ROLE_COOPERATES);
  g_return_val_if_fail (row < self->roles->len, PM_ROLE_COOPERATES);
  return g_array_index (self->roles, PmRole, row);
}

/* Returns: the row of the indicator, or -1 */
int
pm_department_sheet_find_row (PmDepartmentSheet *self,
                              const char        *code)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), -1);

  for (guint i = 0; i < self->indicators->len; i++)
    if (g_strcmp0 (pm_indicator_get_code (g_ptr_array_index (self->indicators, i)), code) == 0)
      return (int) i;

  return -1;
}

/* Returns: how many of the rows the department leads: the values its
 * report is expected to give */
guint
pm_department_sheet_count_lead_rows (PmDepartmentSheet *self)
{
  guint n = 0;

  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), 0);

  for (guint i = 0; i < self->roles->len; i++)
    if (g_array_index (self->roles, PmRole, i) == PM_ROLE_LEAD)
      n++;

  return n;
}

/* Returns: (transfer none) (element-type PmTask): the key tasks the
 * department leads or co-operates on, in the order of the plans */
GPtrArray *
pm_department_sheet_list_tasks (PmDepartmentSheet *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), NULL);
  return self->tasks;
}

PmRole
pm_department_sheet_get_task_role (PmDepartmentSheet *self,
                                   PmTask            *task)
{
  g_autoptr (PmDepartment) lead = NULL;

  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), PM_ROLE_COOPERATES);

  lead = g_list_model_get_item (pm_task_get_departments (task), 0);
  return lead == self->department ? PM_ROLE_LEAD : PM_ROLE_COOPERATES;
}

/**
 * pm_department_sheet_can_edit:
 * @why: (out) (optional): why not, in words, when the cell is read-only
 *
 * Returns: whether the cell takes a value: a year of the period whose value
 * no accepted report locks, in a project open for writing; 2020, the
 * baseline, only for an indicator that continues no 2011–2020 row
 */
gboolean
pm_department_sheet_can_edit (PmDepartmentSheet *self,
                              guint              row,
                              int                year,
                              char             **why)
{
  PmIndicator *indicator;
  const char *department;

  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), FALSE);
  g_return_val_if_fail (row < self->indicators->len, FALSE);

  if (why)
    *why = NULL;
  indicator = g_ptr_array_index (self->indicators, row);

  if (pm_store_is_read_only (self->store))
    {
      if (why)
        *why = g_strdup (_("the project is open for reading only"));
      return FALSE;
    }
  /* the baseline comes from the 2011–2020 row the indicator continues; an
   * indicator new in 2021–2030 (W40 县级文明家庭) has none, and its 2020
   * value is entered here, or no direction of its target can ever be judged */
  if (year == PM_DEPARTMENT_SHEET_BASELINE_YEAR && pm_indicator_get_predecessor (indicator))
    {
      if (why)
        *why = g_strdup (_("2020 is the baseline, from the 2011–2020 plan: it is not entered here"));
      return FALSE;
    }
  if ((year < PM_DEPARTMENT_SHEET_FIRST_YEAR && year != PM_DEPARTMENT_SHEET_BASELINE_YEAR) ||
      year > PM_DEPARTMENT_SHEET_LAST_YEAR)
    {
      if (why)
        /* TRANSLATORS: %d is a year */
        *why = g_strdup_printf (_("%d is not a year of the 2021–2030 plans"), year);
      return FALSE;
    }
  if (pm_store_is_value_locked (self->store, pm_indicator_get_code (indicator), year, &department))
    {
      if (why)
        /* TRANSLATORS: %1$d a year, %2$s a department */
        *why = g_strdup_printf (_("locked: the %1$d report of %2$s was accepted"), year,
                                department);
      return FALSE;
    }

  return TRUE;
}

/**
 * pm_department_sheet_paste:
 * @row: the row of the block's first line
 * @year: the year of the block's first column
 * @text: cells separated by tabs, lines by line breaks, as spreadsheets copy
 *   them (quoted where a cell holds a tab or a line break)
 * @n_written: (out) (optional): how many values changed
 *
 * Writes a block of values from the cell (@row, @year) on, as one undoable
 * edit. Every cell is checked first; if any is wrong nothing is written and
 * the message names each wrong cell and why. Empty cells leave their value
 * as it is.
 */
gboolean
pm_department_sheet_paste (PmDepartmentSheet *self,
                           guint              row,
                           int                year,
                           const char        *text,
                           guint             *n_written,
                           GError           **error)
{
  g_autoptr (PmCsvTable) table = NULL;
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (GArray) values = g_array_new (FALSE, TRUE, sizeof (PmStoreTypedValue));
  g_autofree char *label = NULL;
  guint n_bad = 0;

  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (n_written)
    *n_written = 0;

  table = pm_csv_parse_separated (text, -1, '\t', &parse_error);
  if (table == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("Nothing was pasted: the copied cells cannot be read (%s)."),
                   parse_error->message);
      return FALSE;
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (table->rows, r);
      guint target_row = row + r;

      for (guint c = 0; cells[c]; c++)
        {
          int target_year = year + (int) c;
          PmIndicator *indicator;
          g_autofree char *trimmed = g_strstrip (g_strdup (cells[c]));
          g_autofree char *why = NULL;
          g_autofree char *reason = NULL;
          g_autofree char *read_text = NULL;
          PmStoreTypedValue value;
          double number;

          if (*trimmed == '\0')
            continue;

          if (target_row >= self->indicators->len)
            {
              /* TRANSLATORS: %1$u and %2$u: line and column of the copied block */
              g_string_append_printf (problems, _("Line %1$u, column %2$u of the copied cells: "
                                                  "there is no row below the last indicator\n"),
                                      r + 1, c + 1);
              n_bad++;
              continue;
            }
          indicator = g_ptr_array_index (self->indicators, target_row);
          if (!pm_department_sheet_can_edit (self, target_row, target_year, &why) ||
              !pm_store_read_typed_value (indicator, target_year, trimmed, &number, &read_text,
                                          &reason))
            {
              /* TRANSLATORS: %1$s an indicator code, %2$d a year, %3$u and %4$u line and column
               * of the copied block, %5$s why the cell is wrong */
              g_string_append_printf (problems, _("%1$s, %2$d (line %3$u, column %4$u of the "
                                                  "copied cells): %5$s\n"),
                                      pm_indicator_get_code (indicator), target_year, r + 1, c + 1,
                                      why ? why : reason);
              n_bad++;
              continue;
            }

          value.code = pm_indicator_get_code (indicator);
          value.year = target_year;
          value.typed = cells[c]; /* the table keeps it */
          g_array_append_val (values, value);
        }
    }

  if (n_bad > 0)
    {
      g_string_truncate (problems, problems->len - 1);
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   ngettext ("Nothing was pasted: %u cell is wrong.\n%s",
                             "Nothing was pasted: %u cells are wrong.\n%s", n_bad),
                   n_bad, problems->str);
      return FALSE;
    }
  if (values->len == 0)
    return TRUE;

  /* TRANSLATORS: what undo calls a paste; %u is how many cells */
  label = g_strdup_printf (ngettext ("Paste %u value", "Paste %u values", values->len),
                           values->len);
  if (!pm_store_set_typed_values (self->store, (PmStoreTypedValue *) values->data, values->len,
                                  label, error))
    return FALSE;

  if (n_written)
    *n_written = values->len;
  return TRUE;
}

static gboolean
same_value (double a,
            double b)
{
  return a == b || (isnan (a) && isnan (b));
}

static void
add_checks (PmDepartmentSheet *self,
            GPtrArray         *out,
            guint              row,
            int                year,
            GPtrArray         *confirmations)
{
  PmIndicator *indicator = g_ptr_array_index (self->indicators, row);
  g_autoptr (GPtrArray) checks = pm_checks_for_year (indicator, year);

  for (guint i = 0; i < checks->len; i++)
    {
      PmSheetCheck *sheet_check = g_new0 (PmSheetCheck, 1);

      sheet_check->check = pm_check_copy (g_ptr_array_index (checks, i));
      sheet_check->role = g_array_index (self->roles, PmRole, row);
      for (guint j = 0; confirmations && j < confirmations->len; j++)
        {
          const PmCheckConfirmation *confirmation = g_ptr_array_index (confirmations, j);

          if (g_strcmp0 (confirmation->code, sheet_check->check->code) == 0 &&
              confirmation->year == year && confirmation->kind == sheet_check->check->kind &&
              same_value (confirmation->value, sheet_check->check->value))
            {
              sheet_check->note = g_strdup (confirmation->note);
              sheet_check->confirmed_by = g_strdup (confirmation->changed_by);
              sheet_check->confirmed_at = confirmation->changed_at
                                            ? g_date_time_ref (confirmation->changed_at)
                                            : NULL;
            }
        }
      g_ptr_array_add (out, sheet_check);
    }
}

/**
 * pm_department_sheet_list_checks:
 * @year: a year of the period, or 0 for all of them
 *
 * Returns: (transfer full) (element-type PmSheetCheck): the checks of the
 * department's values, row by row, each with the note it was confirmed
 * with (NULL: still open)
 */
GPtrArray *
pm_department_sheet_list_checks (PmDepartmentSheet *self,
                                 int                year,
                                 GError           **error)
{
  g_autoptr (GPtrArray) confirmations = NULL;
  GPtrArray *out;

  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), NULL);

  confirmations = pm_store_list_check_confirmations (self->store, NULL, year, error);
  if (confirmations == NULL)
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_sheet_check_free);
  for (guint row = 0; row < self->indicators->len; row++)
    for (int y = PM_DEPARTMENT_SHEET_FIRST_YEAR; y <= PM_DEPARTMENT_SHEET_LAST_YEAR; y++)
      if (year == 0 || y == year)
        add_checks (self, out, row, y, confirmations);

  return out;
}

/* Returns: (transfer full) (element-type PmSheetCheck): the checks of one
 * cell's value */
GPtrArray *
pm_department_sheet_checks_for_cell (PmDepartmentSheet *self,
                                     guint              row,
                                     int                year,
                                     GError           **error)
{
  g_autoptr (GPtrArray) confirmations = NULL;
  GPtrArray *out;

  g_return_val_if_fail (PM_IS_DEPARTMENT_SHEET (self), NULL);
  g_return_val_if_fail (row < self->indicators->len, NULL);

  confirmations = pm_store_list_check_confirmations (
    self->store, pm_indicator_get_code (g_ptr_array_index (self->indicators, row)), year, error);
  if (confirmations == NULL)
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_sheet_check_free);
  add_checks (self, out, row, year, confirmations);
  return out;
}
