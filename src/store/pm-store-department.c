/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-checks.h"
#include "pm-department.h"
#include "pm-evaluation.h"
#include "pm-indicator.h"
#include "pm-project.h"
#include "pm-store-private.h"
#include "pm-task.h"

/* What departments enter besides values (issue 7): their yearly reports
 * and the lock an accepted report puts on their values, progress notes on
 * key tasks, and what the office sets per indicator (target overrides,
 * change thresholds) or confirms (checks). Each write is one transaction
 * with its history row, like the edits of values in pm-store.c. */

/* Common checks */

static gboolean
check_department_year (PmStore    *self,
                       const char *department,
                       int         year,
                       GError    **error)
{
  if (department == NULL || !pm_project_find_department (self->project, department))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("There is no department “%s”."), department ? department : "");
      return FALSE;
    }
  if (year < PM_STORE_FIRST_YEAR || year > PM_STORE_LAST_YEAR)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The year %d is outside %d–%d."), year, PM_STORE_FIRST_YEAR,
                   PM_STORE_LAST_YEAR);
      return FALSE;
    }

  return TRUE;
}

static PmTask *
find_task (PmStore    *self,
           const char *code)
{
  GListModel *tasks = pm_project_get_tasks (self->project);

  for (guint i = 0; code && i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr (PmTask) task = g_list_model_get_item (tasks, i);

      if (g_strcmp0 (pm_task_get_code (task), code) == 0)
        return task; /* the project keeps it */
    }

  return NULL;
}

static gboolean
is_blank (const char *text)
{
  for (; text && *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/* Returns: (transfer full): text trimmed, NULL when blank */
static char *
trimmed_or_null (const char *text)
{
  if (is_blank (text))
    return NULL;
  return g_strstrip (g_strdup (text));
}

/* Returns: (transfer full): text trimmed, or NULL with error set when it
 * is blank (missing: the message) or not acceptable as the field */
static char *
required_text (const char *text,
               const char *field,
               const char *missing,
               GError    **error)
{
  g_autofree char *trimmed = trimmed_or_null (text);

  if (trimmed == NULL)
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID, missing);
      return NULL;
    }
  if (!pm_store_check_text (field, trimmed, error))
    return NULL;
  return g_steal_pointer (&trimmed);
}

static char *
now_text (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return pm_store_format_time (now);
}

/* Locks */

static char *
lock_key (const char *department,
          int         year)
{
  return g_strdup_printf ("%s\x1f%d", department, year);
}

static gboolean
load_locks (PmStore *self,
            GError **error)
{
  g_autoptr (GdaDataModel) model = NULL;

  model = pm_store_sql_select (self, error,
                               "SELECT department, year FROM department_reports "
                               "WHERE status = 'accepted'",
                               NULL);
  if (model == NULL)
    return FALSE;

  g_hash_table_remove_all (self->accepted);
  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    g_hash_table_add (self->accepted,
                      lock_key (pm_store_value_text (pm_store_model_get (model, 0, row)),
                                (int) pm_store_value_int (pm_store_model_get (model, 1, row))));

  return TRUE;
}

static const char *
locking_department (PmStore     *self,
                    PmIndicator *indicator,
                    int          year)
{
  PmDepartment *lead;
  g_autofree char *key = NULL;

  if (g_hash_table_size (self->accepted) == 0 || indicator == NULL)
    return NULL;
  lead = pm_indicator_get_lead_department (indicator);
  if (lead == NULL)
    return NULL;

  key = lock_key (pm_department_get_name (lead), year);
  return g_hash_table_contains (self->accepted, key) ? pm_department_get_name (lead) : NULL;
}

static void
set_locked_error (GError    **error,
                  const char *code,
                  int         year,
                  const char *department)
{
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED,
               _("The value of %1$s for %2$d is locked: the %2$d report of %3$s was accepted. "
                 "Unlock that report, giving a reason, to change it."),
               code, year, department);
}

/**
 * pm_store_is_value_locked:
 * @department: (out) (optional) (transfer none): the department whose
 *   accepted report locks it
 *
 * Returns: whether the county value of @code for @year is locked: the
 * report of the indicator's lead department (牵头) for the year is accepted
 */
gboolean
pm_store_is_value_locked (PmStore     *self,
                          const char  *code,
                          int          year,
                          const char **department)
{
  const char *locker;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  locker = locking_department (self, pm_project_find_indicator (self->project, code), year);
  if (department)
    *department = locker;
  return locker != NULL;
}

/* Refuses changes of values that an accepted report locks. */
gboolean
pm_store_check_locks (PmStore   *self,
                      GPtrArray *changes,
                      GError   **error)
{
  if (g_hash_table_size (self->accepted) == 0)
    return TRUE;

  for (guint i = 0; i < changes->len; i++)
    {
      const PmStoreChange *change = g_ptr_array_index (changes, i);
      const char *department;

      department = locking_department (self, pm_project_find_indicator (self->project,
                                                                        change->code),
                                       change->year);
      if (department)
        {
          set_locked_error (error, change->code, change->year, department);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_department_unlocked (PmStore    *self,
                           const char *department,
                           int         year,
                           GError    **error)
{
  g_autofree char *key = lock_key (department, year);

  if (g_hash_table_contains (self->accepted, key))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED,
                   _("The %1$d report of %2$s was accepted, which locks it. Unlock it, giving a "
                     "reason, to change it."),
                   year, department);
      return FALSE;
    }

  return TRUE;
}

/* Indicator settings */

static gboolean
load_settings (PmStore *self,
               GError **error)
{
  g_autoptr (GdaDataModel) model = NULL;

  model = pm_store_sql_select (self, error,
                               "SELECT indicator, target_override, change_threshold "
                               "FROM indicator_settings",
                               NULL);
  if (model == NULL)
    return FALSE;

  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      const char *code = pm_store_value_text (pm_store_model_get (model, 0, row));
      const char *override = pm_store_value_text (pm_store_model_get (model, 1, row));
      PmIndicator *indicator = pm_project_find_indicator (self->project, code);
      g_autoptr (GError) override_error = NULL;

      if (indicator == NULL)
        continue;
      /* an override written by another tool that does not fit is left in
       * the file, unused: the printed target counts */
      if (override && !pm_target_set_indicator_override (indicator, override, &override_error))
        g_message ("The override “%s” of %s is not used: %s", override, code,
                   override_error->message);
      pm_checks_set_change_threshold (indicator,
                                      pm_store_value_real (pm_store_model_get (model, 2, row)));
    }

  return TRUE;
}

/* Puts what the file holds besides the catalogue and values into the
 * model and the store: the indicators' settings and the locks. */
gboolean
pm_store_department_load (PmStore *self,
                          GError **error)
{
  return load_settings (self, error) && load_locks (self, error);
}

static gboolean
write_setting (PmStore    *self,
               const char *code,
               const char *setting,
               const char *old_value,
               const char *new_value,
               const char *override,
               double      threshold,
               GError    **error)
{
  g_autofree char *changed_at = now_text ();

  if (!pm_store_sql_begin (self, error))
    return FALSE;
  if (!pm_store_sql_exec (self, error,
                          "INSERT INTO indicator_settings (indicator, target_override, "
                          "change_threshold, changed_at, changed_by) VALUES (##indicator::string, "
                          "##override::string, ##threshold::gdouble, ##changed_at::string, "
                          "##changed_by::string) ON CONFLICT (indicator) DO UPDATE SET "
                          "target_override = excluded.target_override, "
                          "change_threshold = excluded.change_threshold, "
                          "changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                          "indicator", PM_SQL_TEXT, code,
                          "override", PM_SQL_TEXT, override,
                          "threshold", PM_SQL_REAL, threshold,
                          "changed_at", PM_SQL_TEXT, changed_at,
                          "changed_by", PM_SQL_TEXT, self->user_name,
                          NULL) ||
      !pm_store_sql_exec (self, error,
                          "DELETE FROM indicator_settings WHERE indicator = ##indicator::string "
                          "AND target_override IS NULL AND change_threshold IS NULL",
                          "indicator", PM_SQL_TEXT, code,
                          NULL) ||
      !pm_store_sql_exec (self, error,
                          "INSERT INTO indicator_settings_history (indicator, setting, old_value, "
                          "new_value, changed_at, changed_by) VALUES (##indicator::string, "
                          "##setting::string, ##old::string, ##new::string, ##changed_at::string, "
                          "##changed_by::string)",
                          "indicator", PM_SQL_TEXT, code,
                          "setting", PM_SQL_TEXT, setting,
                          "old", PM_SQL_TEXT, old_value,
                          "new", PM_SQL_TEXT, new_value,
                          "changed_at", PM_SQL_TEXT, changed_at,
                          "changed_by", PM_SQL_TEXT, self->user_name,
                          NULL) ||
      !pm_store_sql_commit (self, error))
    {
      pm_store_sql_rollback (self);
      return FALSE;
    }

  return TRUE;
}

static char *
format_threshold (double fraction)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (fraction))
    return NULL;
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, fraction));
}

/**
 * pm_store_set_target_override:
 * @override: (nullable): figures for the indicator's target (see
 *   pm_target_apply_override ()); NULL or empty removes them
 *
 * Returns: FALSE with @error set (PM_STORE_ERROR_INVALID, the evaluation's
 * message) when the figures do not fit the printed target; nothing changes
 */
gboolean
pm_store_set_target_override (PmStore    *self,
                              const char *code,
                              const char *override,
                              GError    **error)
{
  g_autofree char *previous = NULL;
  g_autofree char *trimmed = trimmed_or_null (override);
  g_autoptr (GError) local_error = NULL;
  PmIndicator *indicator;
  const char *stored;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!pm_store_check_writable (self, error))
    return FALSE;
  if (code == NULL || !(indicator = pm_project_find_indicator (self->project, code)))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("There is no indicator with the code “%s”."), code ? code : "");
      return FALSE;
    }
  if (!pm_store_check_text (_("override"), trimmed, error))
    return FALSE;

  previous = g_strdup (pm_target_get_indicator_override (indicator));
  if (!pm_target_set_indicator_override (indicator, trimmed, &local_error))
    {
      g_set_error_literal (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  stored = pm_target_get_indicator_override (indicator);
  if (g_strcmp0 (stored, previous) == 0)
    return TRUE;

  if (!write_setting (self, code, "target_override", previous, stored, stored,
                      pm_checks_get_change_threshold (indicator), error))
    {
      /* the file has the old one: so has the model */
      pm_target_set_indicator_override (indicator, previous, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * pm_store_set_change_threshold:
 * @fraction: the change from the previous value above which a value is
 *   checked (0.3 is 30 %); NAN removes the indicator's own threshold
 */
gboolean
pm_store_set_change_threshold (PmStore    *self,
                               const char *code,
                               double      fraction,
                               GError    **error)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  PmIndicator *indicator;
  double previous;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!pm_store_check_writable (self, error))
    return FALSE;
  if (code == NULL || !(indicator = pm_project_find_indicator (self->project, code)))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("There is no indicator with the code “%s”."), code ? code : "");
      return FALSE;
    }
  if (!isnan (fraction) && !(isfinite (fraction) && fraction > 0))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The threshold of a large change of %s must be above 0 %%."), code);
      return FALSE;
    }

  previous = pm_checks_get_change_threshold (indicator);
  if ((isnan (previous) && isnan (fraction)) || previous == fraction)
    return TRUE;

  old_text = format_threshold (previous);
  new_text = format_threshold (fraction);
  if (!write_setting (self, code, "change_threshold", old_text, new_text,
                      pm_target_get_indicator_override (indicator), fraction, error))
    return FALSE;

  pm_checks_set_change_threshold (indicator, fraction);
  return TRUE;
}

/* Progress notes */

static PmProgressNote *
progress_note_from_row (GdaDataModel *model,
                        int           row)
{
  PmProgressNote *note = g_new0 (PmProgressNote, 1);

#define CELL(column) pm_store_model_get (model, (column), row)
  note->task_code = g_strdup (pm_store_value_text (CELL (0)));
  note->department = g_strdup (pm_store_value_text (CELL (1)));
  note->year = (int) pm_store_value_int (CELL (2));
  note->text = g_strdup (pm_store_value_text (CELL (3)));
  note->changed_at = pm_store_value_time (CELL (4));
  note->changed_by = g_strdup (pm_store_value_text (CELL (5)));
#undef CELL

  return note;
}

/**
 * pm_store_set_progress_note:
 * @text: (nullable): what the department did on the task in @year;
 *   NULL or blank deletes the note
 *
 * Writes the note with a progress_note_history row. A department's notes
 * of a year its accepted report locks cannot change.
 */
gboolean
pm_store_set_progress_note (PmStore    *self,
                            const char *task_code,
                            const char *department,
                            int         year,
                            const char *text,
                            GError    **error)
{
  g_autofree char *trimmed = trimmed_or_null (text);
  g_autofree char *old_text = NULL;
  g_autofree char *changed_at = now_text ();
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!pm_store_check_writable (self, error) ||
      !check_department_year (self, department, year, error))
    return FALSE;
  if (find_task (self, task_code) == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("There is no task with the code “%s”."), task_code ? task_code : "");
      return FALSE;
    }
  if (!pm_store_check_text (_("progress note"), trimmed, error))
    return FALSE;

  old_text = pm_store_dup_progress_note (self, task_code, department, year, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strcmp0 (old_text, trimmed) == 0)
    return TRUE;
  if (!check_department_unlocked (self, department, year, error))
    return FALSE;

  if (!pm_store_sql_begin (self, error))
    return FALSE;
  if (!pm_store_sql_exec (self, error,
                          "INSERT INTO progress_note_history (task, department, year, action, "
                          "old_text, new_text, changed_at, changed_by) VALUES (##task::string, "
                          "##department::string, ##year::gint, ##action::string, "
                          "##old::string, ##new::string, ##changed_at::string, "
                          "##changed_by::string)",
                          "task", PM_SQL_TEXT, task_code,
                          "department", PM_SQL_TEXT, department,
                          "year", PM_SQL_INT, year,
                          "action", PM_SQL_TEXT,
                          old_text == NULL ? "insert" : trimmed == NULL ? "delete" : "update",
                          "old", PM_SQL_TEXT, old_text,
                          "new", PM_SQL_TEXT, trimmed,
                          "changed_at", PM_SQL_TEXT, changed_at,
                          "changed_by", PM_SQL_TEXT, self->user_name,
                          NULL) ||
      !(trimmed == NULL
          ? pm_store_sql_exec (self, error,
                               "DELETE FROM progress_notes WHERE task = ##task::string AND "
                               "department = ##department::string AND year = ##year::gint",
                               "task", PM_SQL_TEXT, task_code,
                               "department", PM_SQL_TEXT, department,
                               "year", PM_SQL_INT, year,
                               NULL)
          : pm_store_sql_exec (self, error,
                               "INSERT INTO progress_notes (task, department, year, text, "
                               "changed_at, changed_by) VALUES (##task::string, "
                               "##department::string, ##year::gint, ##text::string, "
                               "##changed_at::string, ##changed_by::string) "
                               "ON CONFLICT (task, department, year) DO UPDATE SET "
                               "text = excluded.text, changed_at = excluded.changed_at, "
                               "changed_by = excluded.changed_by",
                               "task", PM_SQL_TEXT, task_code,
                               "department", PM_SQL_TEXT, department,
                               "year", PM_SQL_INT, year,
                               "text", PM_SQL_TEXT, trimmed,
                               "changed_at", PM_SQL_TEXT, changed_at,
                               "changed_by", PM_SQL_TEXT, self->user_name,
                               NULL)) ||
      !pm_store_sql_commit (self, error))
    {
      pm_store_sql_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full) (nullable): the department's note on the task
 * for exactly that year, NULL (and no error) when there is none */
char *
pm_store_dup_progress_note (PmStore    *self,
                            const char *task_code,
                            const char *department,
                            int         year,
                            GError    **error)
{
  g_autoptr (GdaDataModel) model = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  model = pm_store_sql_select (self, error,
                               "SELECT text FROM progress_notes WHERE task = ##task::string "
                               "AND department = ##department::string AND year = ##year::gint",
                               "task", PM_SQL_TEXT, task_code,
                               "department", PM_SQL_TEXT, department,
                               "year", PM_SQL_INT, year,
                               NULL);
  if (model == NULL || gda_data_model_get_n_rows (model) == 0)
    return NULL;

  return g_strdup (pm_store_value_text (pm_store_model_get (model, 0, 0)));
}

/**
 * pm_store_dup_latest_progress_note:
 * @note_year: (out) (optional): the year of the note, 0 when there is none
 *
 * Returns: (transfer full) (nullable): the department's latest note on the
 * task in @up_to_year or before; NULL (and no error) when there is none
 */
char *
pm_store_dup_latest_progress_note (PmStore    *self,
                                   const char *task_code,
                                   const char *department,
                                   int         up_to_year,
                                   int        *note_year,
                                   GError    **error)
{
  g_autoptr (GdaDataModel) model = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  if (note_year)
    *note_year = 0;

  model = pm_store_sql_select (self, error,
                               "SELECT text, year FROM progress_notes WHERE task = ##task::string "
                               "AND department = ##department::string AND year <= ##year::gint "
                               "ORDER BY year DESC LIMIT 1",
                               "task", PM_SQL_TEXT, task_code,
                               "department", PM_SQL_TEXT, department,
                               "year", PM_SQL_INT, up_to_year,
                               NULL);
  if (model == NULL || gda_data_model_get_n_rows (model) == 0)
    return NULL;

  if (note_year)
    *note_year = (int) pm_store_value_int (pm_store_model_get (model, 1, 0));
  return g_strdup (pm_store_value_text (pm_store_model_get (model, 0, 0)));
}

/* Returns: (transfer full) (element-type PmProgressNote): the notes of a
 * department (NULL: all) and year (0: all), in the order of the tasks */
GPtrArray *
pm_store_list_progress_notes (PmStore    *self,
                              const char *department,
                              int         year,
                              GError    **error)
{
  g_autoptr (GdaDataModel) model = NULL;
  GPtrArray *notes;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  model = pm_store_sql_select (self, error,
                               "SELECT n.task, n.department, n.year, n.text, n.changed_at, "
                               "n.changed_by FROM progress_notes AS n "
                               "JOIN tasks AS t ON t.code = n.task "
                               "JOIN departments AS d ON d.name = n.department "
                               "WHERE (##department::string IS NULL OR "
                               "n.department = ##department::string) "
                               "AND (##year::gint = 0 OR n.year = ##year::gint) "
                               "ORDER BY d.position, n.year, t.position",
                               "department", PM_SQL_TEXT, department,
                               "year", PM_SQL_INT, year,
                               NULL);
  if (model == NULL)
    return NULL;

  notes = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_progress_note_free);
  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    g_ptr_array_add (notes, progress_note_from_row (model, row));

  return notes;
}

/* Department reports */

#define REPORT_COLUMNS \
  "r.department, r.year, r.status, r.submitted_at, r.accepted_at, r.returned_at, r.note, " \
  "r.comment, r.changed_at, r.changed_by"

static PmDepartmentReport *
report_from_row (GdaDataModel *model,
                 int           row)
{
  PmDepartmentReport *report = g_new0 (PmDepartmentReport, 1);

#define CELL(column) pm_store_model_get (model, (column), row)
  report->department = g_strdup (pm_store_value_text (CELL (0)));
  report->year = (int) pm_store_value_int (CELL (1));
  if (!pm_report_status_from_string (pm_store_value_text (CELL (2)), &report->status) ||
      report->status == PM_REPORT_STATUS_NOT_STARTED)
    report->status = PM_REPORT_STATUS_DRAFT;
  report->submitted_at = pm_store_value_time (CELL (3));
  report->accepted_at = pm_store_value_time (CELL (4));
  report->returned_at = pm_store_value_time (CELL (5));
  report->note = g_strdup (pm_store_value_text (CELL (6)));
  report->comment = g_strdup (pm_store_value_text (CELL (7)));
  report->changed_at = pm_store_value_time (CELL (8));
  report->changed_by = g_strdup (pm_store_value_text (CELL (9)));
#undef CELL

  return report;
}

/* Returns: (transfer full) (nullable): the report, or NULL (and no error)
 * when the department has none for that year */
PmDepartmentReport *
pm_store_get_department_report (PmStore    *self,
                                const char *department,
                                int         year,
                                GError    **error)
{
  g_autoptr (GdaDataModel) model = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  if (!pm_store_check_open (self, error))
    return NULL;

  model = pm_store_sql_select (self, error,
                               "SELECT " REPORT_COLUMNS " FROM department_reports AS r "
                               "WHERE r.department = ##department::string AND r.year = ##year::gint",
                               "department", PM_SQL_TEXT, department,
                               "year", PM_SQL_INT, year,
                               NULL);
  if (model == NULL || gda_data_model_get_n_rows (model) == 0)
    return NULL;

  return report_from_row (model, 0);
}

/* Returns: where the report stands; NOT_STARTED when there is none (or it
 * cannot be read) */
PmReportStatus
pm_store_get_department_report_status (PmStore    *self,
                                       const char *department,
                                       int         year)
{
  g_autoptr (PmDepartmentReport) report = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), PM_REPORT_STATUS_NOT_STARTED);

  report = pm_store_get_department_report (self, department, year, NULL);
  return report ? report->status : PM_REPORT_STATUS_NOT_STARTED;
}

/* Returns: (transfer full) (element-type PmDepartmentReport): the reports
 * of a year (0: all years), in the order of the departments */
GPtrArray *
pm_store_list_department_reports (PmStore *self,
                                  int      year,
                                  GError **error)
{
  g_autoptr (GdaDataModel) model = NULL;
  GPtrArray *reports;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  if (!pm_store_check_open (self, error))
    return NULL;

  model = pm_store_sql_select (self, error,
                               "SELECT " REPORT_COLUMNS " FROM department_reports AS r "
                               "JOIN departments AS d ON d.name = r.department "
                               "WHERE ##year::gint = 0 OR r.year = ##year::gint "
                               "ORDER BY r.year, d.position",
                               "year", PM_SQL_INT, year,
                               NULL);
  if (model == NULL)
    return NULL;

  reports = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_department_report_free);
  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    g_ptr_array_add (reports, report_from_row (model, row));

  return reports;
}

static const char *
status_or_null (PmReportStatus status)
{
  return status == PM_REPORT_STATUS_NOT_STARTED ? NULL : pm_report_status_to_string (status);
}

/* Writes the report's new status, its times and a report_history row in
 * one transaction, then updates the locks. */
static gboolean
write_report (PmStore                  *self,
              const char               *department,
              int                       year,
              const PmDepartmentReport *old,
              PmReportStatus            status,
              PmReportAction            action,
              const char               *note,
              const char               *comment,
              GError                  **error)
{
  g_autofree char *changed_at = now_text ();
  g_autofree char *submitted_at = NULL;
  g_autofree char *accepted_at = NULL;
  g_autofree char *returned_at = NULL;
  g_autofree char *lock = NULL;
  g_autofree char *new_comment = NULL;
  PmReportStatus old_status = old ? old->status : PM_REPORT_STATUS_NOT_STARTED;

  /* a submission (again) sets its time, accepting and returning keep it;
   * back to draft nothing is kept */
  if (status == PM_REPORT_STATUS_SUBMITTED && old_status != PM_REPORT_STATUS_SUBMITTED)
    submitted_at = g_strdup (changed_at);
  else if (status != PM_REPORT_STATUS_DRAFT && old && old->submitted_at)
    submitted_at = pm_store_format_time (old->submitted_at);
  if (status == PM_REPORT_STATUS_ACCEPTED)
    accepted_at = old && old->accepted_at ? pm_store_format_time (old->accepted_at)
                                          : g_strdup (changed_at);
  if (status == PM_REPORT_STATUS_RETURNED && old_status != PM_REPORT_STATUS_RETURNED)
    returned_at = g_strdup (changed_at);
  else if (status != PM_REPORT_STATUS_DRAFT && old && old->returned_at)
    returned_at = pm_store_format_time (old->returned_at);
  if (action == PM_REPORT_ACTION_RETURN)
    new_comment = g_strdup (comment);
  else if (status != PM_REPORT_STATUS_DRAFT && old)
    new_comment = g_strdup (old->comment);

  if (!pm_store_sql_begin (self, error))
    return FALSE;
  if (!pm_store_sql_exec (self, error,
                          "INSERT INTO department_reports (department, year, status, "
                          "submitted_at, accepted_at, returned_at, note, comment, changed_at, "
                          "changed_by) VALUES (##department::string, ##year::gint, "
                          "##status::string, ##submitted_at::string, ##accepted_at::string, "
                          "##returned_at::string, ##note::string, ##comment::string, "
                          "##changed_at::string, ##changed_by::string) "
                          "ON CONFLICT (department, year) DO UPDATE SET "
                          "status = excluded.status, submitted_at = excluded.submitted_at, "
                          "accepted_at = excluded.accepted_at, "
                          "returned_at = excluded.returned_at, note = excluded.note, "
                          "comment = excluded.comment, changed_at = excluded.changed_at, "
                          "changed_by = excluded.changed_by",
                          "department", PM_SQL_TEXT, department,
                          "year", PM_SQL_INT, year,
                          "status", PM_SQL_TEXT, pm_report_status_to_string (status),
                          "submitted_at", PM_SQL_TEXT, submitted_at,
                          "accepted_at", PM_SQL_TEXT, accepted_at,
                          "returned_at", PM_SQL_TEXT, returned_at,
                          "note", PM_SQL_TEXT, note,
                          "comment", PM_SQL_TEXT, new_comment,
                          "changed_at", PM_SQL_TEXT, changed_at,
                          "changed_by", PM_SQL_TEXT, self->user_name,
                          NULL) ||
      !pm_store_sql_exec (self, error,
                          "INSERT INTO report_history (department, year, action, old_status, "
                          "new_status, comment, changed_at, changed_by) VALUES "
                          "(##department::string, ##year::gint, ##action::string, "
                          "##old_status::string, ##new_status::string, ##comment::string, "
                          "##changed_at::string, ##changed_by::string)",
                          "department", PM_SQL_TEXT, department,
                          "year", PM_SQL_INT, year,
                          "action", PM_SQL_TEXT, pm_report_action_to_string (action),
                          "old_status", PM_SQL_TEXT, status_or_null (old_status),
                          "new_status", PM_SQL_TEXT, pm_report_status_to_string (status),
                          "comment", PM_SQL_TEXT, comment,
                          "changed_at", PM_SQL_TEXT, changed_at,
                          "changed_by", PM_SQL_TEXT, self->user_name,
                          NULL) ||
      !pm_store_sql_commit (self, error))
    {
      pm_store_sql_rollback (self);
      return FALSE;
    }

  lock = lock_key (department, year);
  if (status == PM_REPORT_STATUS_ACCEPTED)
    g_hash_table_add (self->accepted, g_steal_pointer (&lock));
  else
    g_hash_table_remove (self->accepted, lock);
  return TRUE;
}

/* Reads the report before a step; FALSE on an error (no report is not one). */
static gboolean
begin_step (PmStore             *self,
            const char          *department,
            int                  year,
            PmDepartmentReport **report,
            GError             **error)
{
  g_autoptr (GError) local_error = NULL;

  *report = NULL;
  if (!pm_store_check_writable (self, error) ||
      !check_department_year (self, department, year, error))
    return FALSE;

  *report = pm_store_get_department_report (self, department, year, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static void
set_transition_error (GError        **error,
                      const char     *department,
                      int             year,
                      PmReportStatus  status,
                      const char     *what)
{
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_TRANSITION,
               /* TRANSLATORS: %1$d a year, %2$s a department, %3$s a report status
                * ("Submitted"), %4$s what cannot be done ("accepted") */
               _("The %1$d report of %2$s is “%3$s”: it cannot be %4$s."),
               year, department, pm_report_status_get_label (status), what);
}

/* A department's report: draft, not started or returned → submitted. */
gboolean
pm_store_submit_department_report (PmStore    *self,
                                   const char *department,
                                   int         year,
                                   const char *note,
                                   GError    **error)
{
  g_autoptr (PmDepartmentReport) report = NULL;
  g_autofree char *trimmed = trimmed_or_null (note);
  PmReportStatus status;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!begin_step (self, department, year, &report, error) ||
      !pm_store_check_text (_("note"), trimmed, error))
    return FALSE;

  status = report ? report->status : PM_REPORT_STATUS_NOT_STARTED;
  if (status == PM_REPORT_STATUS_SUBMITTED || status == PM_REPORT_STATUS_ACCEPTED)
    {
      set_transition_error (error, department, year, status, _("submitted again"));
      return FALSE;
    }

  return write_report (self, department, year, report, PM_REPORT_STATUS_SUBMITTED,
                       PM_REPORT_ACTION_SUBMIT, trimmed ? trimmed : report ? report->note : NULL,
                       NULL, error);
}

/* The office accepts a submitted report: it locks the department's values. */
gboolean
pm_store_accept_department_report (PmStore    *self,
                                   const char *department,
                                   int         year,
                                   GError    **error)
{
  g_autoptr (PmDepartmentReport) report = NULL;
  PmReportStatus status;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!begin_step (self, department, year, &report, error))
    return FALSE;

  status = report ? report->status : PM_REPORT_STATUS_NOT_STARTED;
  if (status != PM_REPORT_STATUS_SUBMITTED)
    {
      set_transition_error (error, department, year, status,
                            status == PM_REPORT_STATUS_ACCEPTED ? _("accepted again")
                                                                : _("accepted before it is submitted"));
      return FALSE;
    }

  return write_report (self, department, year, report, PM_REPORT_STATUS_ACCEPTED,
                       PM_REPORT_ACTION_ACCEPT, report->note, NULL, error);
}

/* The office returns a submitted report with a comment (needed). */
gboolean
pm_store_return_department_report (PmStore    *self,
                                   const char *department,
                                   int         year,
                                   const char *comment,
                                   GError    **error)
{
  g_autoptr (PmDepartmentReport) report = NULL;
  g_autofree char *trimmed = NULL;
  PmReportStatus status;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!begin_step (self, department, year, &report, error) ||
      !(trimmed = required_text (comment, _("comment"),
                                 _("Say why the report is returned: a comment is needed."), error)))
    return FALSE;

  status = report ? report->status : PM_REPORT_STATUS_NOT_STARTED;
  if (status != PM_REPORT_STATUS_SUBMITTED)
    {
      set_transition_error (error, department, year, status,
                            status == PM_REPORT_STATUS_ACCEPTED
                              ? _("returned before it is unlocked")
                              : _("returned before it is submitted"));
      return FALSE;
    }

  return write_report (self, department, year, report, PM_REPORT_STATUS_RETURNED,
                       PM_REPORT_ACTION_RETURN, report->note, trimmed, error);
}

/* Lifts the lock of an accepted report, with a reason (needed): the report
 * is a draft again, to be submitted and accepted anew. */
gboolean
pm_store_unlock_department_report (PmStore    *self,
                                   const char *department,
                                   int         year,
                                   const char *reason,
                                   GError    **error)
{
  g_autoptr (PmDepartmentReport) report = NULL;
  g_autofree char *trimmed = NULL;
  PmReportStatus status;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!begin_step (self, department, year, &report, error) ||
      !(trimmed = required_text (reason, _("reason"),
                                 _("Say why the report is unlocked: a reason is needed."), error)))
    return FALSE;

  status = report ? report->status : PM_REPORT_STATUS_NOT_STARTED;
  if (status != PM_REPORT_STATUS_ACCEPTED)
    {
      set_transition_error (error, department, year, status, _("unlocked: it is not locked"));
      return FALSE;
    }

  return write_report (self, department, year, report, PM_REPORT_STATUS_DRAFT,
                       PM_REPORT_ACTION_UNLOCK, report->note, trimmed, error);
}

/**
 * pm_store_set_department_report:
 *
 * Records where a department's report for a year stands, without the
 * rules of the steps above, except that an accepted report is only
 * changed by pm_store_unlock_department_report (). The time it was
 * submitted (accepted) is set when it reaches that status and kept after;
 * going back to draft clears both.
 */
gboolean
pm_store_set_department_report (PmStore        *self,
                                const char     *department,
                                int             year,
                                PmReportStatus  status,
                                const char     *note,
                                GError        **error)
{
  g_autoptr (PmDepartmentReport) report = NULL;
  static const PmReportAction actions[] = {
    [PM_REPORT_STATUS_DRAFT] = PM_REPORT_ACTION_DRAFT,
    [PM_REPORT_STATUS_SUBMITTED] = PM_REPORT_ACTION_SUBMIT,
    [PM_REPORT_STATUS_ACCEPTED] = PM_REPORT_ACTION_ACCEPT,
    [PM_REPORT_STATUS_RETURNED] = PM_REPORT_ACTION_RETURN,
  };

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!begin_step (self, department, year, &report, error))
    return FALSE;
  if ((guint) status >= G_N_ELEMENTS (actions))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID, _("Unknown status."));
      return FALSE;
    }
  if (!pm_store_check_text (_("note"), note, error))
    return FALSE;
  if (report && report->status == PM_REPORT_STATUS_ACCEPTED && status != PM_REPORT_STATUS_ACCEPTED &&
      !check_department_unlocked (self, department, year, error))
    return FALSE;

  return write_report (self, department, year, report, status, actions[status],
                       note && *note ? note : NULL, NULL, error);
}

gboolean
pm_store_delete_department_report (PmStore    *self,
                                   const char *department,
                                   int         year,
                                   GError    **error)
{
  g_autoptr (PmDepartmentReport) report = NULL;
  g_autofree char *changed_at = now_text ();

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!begin_step (self, department, year, &report, error))
    return FALSE;
  if (report == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
                   _("%s has no report for %d."), department, year);
      return FALSE;
    }
  if (!check_department_unlocked (self, department, year, error))
    return FALSE;

  if (!pm_store_sql_begin (self, error))
    return FALSE;
  if (!pm_store_sql_exec (self, error,
                          "DELETE FROM department_reports "
                          "WHERE department = ##department::string AND year = ##year::gint",
                          "department", PM_SQL_TEXT, department,
                          "year", PM_SQL_INT, year,
                          NULL) ||
      !pm_store_sql_exec (self, error,
                          "INSERT INTO report_history (department, year, action, old_status, "
                          "new_status, comment, changed_at, changed_by) VALUES "
                          "(##department::string, ##year::gint, 'delete', ##old_status::string, "
                          "NULL, NULL, ##changed_at::string, ##changed_by::string)",
                          "department", PM_SQL_TEXT, department,
                          "year", PM_SQL_INT, year,
                          "old_status", PM_SQL_TEXT, pm_report_status_to_string (report->status),
                          "changed_at", PM_SQL_TEXT, changed_at,
                          "changed_by", PM_SQL_TEXT, self->user_name,
                          NULL) ||
      !pm_store_sql_commit (self, error))
    {
      pm_store_sql_rollback (self);
      return FALSE;
    }

  return TRUE;
}

static PmReportStatus
status_from_cell (const GValue *value)
{
  PmReportStatus status;

  if (!pm_report_status_from_string (pm_store_value_text (value), &status))
    return PM_REPORT_STATUS_NOT_STARTED;
  return status;
}

/* Returns: (transfer full) (element-type PmReportEvent): the steps of a
 * department's reports (NULL: all departments) of a year (0: all), oldest
 * first */
GPtrArray *
pm_store_list_report_history (PmStore    *self,
                              const char *department,
                              int         year,
                              GError    **error)
{
  g_autoptr (GdaDataModel) model = NULL;
  GPtrArray *events;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  if (!pm_store_check_open (self, error))
    return NULL;

  model = pm_store_sql_select (self, error,
                               "SELECT id, department, year, action, old_status, new_status, "
                               "comment, changed_at, changed_by FROM report_history "
                               "WHERE (##department::string IS NULL OR "
                               "department = ##department::string) "
                               "AND (##year::gint = 0 OR year = ##year::gint) ORDER BY id",
                               "department", PM_SQL_TEXT, department,
                               "year", PM_SQL_INT, year,
                               NULL);
  if (model == NULL)
    return NULL;

  events = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_report_event_free);
  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      PmReportEvent *event = g_new0 (PmReportEvent, 1);

#define CELL(column) pm_store_model_get (model, (column), row)
      event->id = pm_store_value_int (CELL (0));
      event->department = g_strdup (pm_store_value_text (CELL (1)));
      event->year = (int) pm_store_value_int (CELL (2));
      if (!pm_report_action_from_string (pm_store_value_text (CELL (3)), &event->action))
        event->action = PM_REPORT_ACTION_DRAFT;
      event->old_status = status_from_cell (CELL (4));
      event->new_status = status_from_cell (CELL (5));
      event->comment = g_strdup (pm_store_value_text (CELL (6)));
      event->changed_at = pm_store_value_time (CELL (7));
      event->changed_by = g_strdup (pm_store_value_text (CELL (8)));
#undef CELL
      g_ptr_array_add (events, event);
    }

  return events;
}

/* Confirmed checks */

/**
 * pm_store_confirm_check:
 * @value: the value the person confirms
 * @note: (nullable): why the value is right; NULL or blank withdraws the
 *   confirmation
 *
 * Keeps a person's confirmation of a check of the county value of @year,
 * with its note, so that the office sees it.
 */
gboolean
pm_store_confirm_check (PmStore     *self,
                        const char  *code,
                        int          year,
                        PmCheckKind  kind,
                        double       value,
                        const char  *note,
                        GError     **error)
{
  g_autofree char *trimmed = trimmed_or_null (note);
  g_autofree char *changed_at = now_text ();
  PmIndicator *indicator;
  const char *department;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!pm_store_check_writable (self, error))
    return FALSE;
  if (code == NULL || !(indicator = pm_project_find_indicator (self->project, code)))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("There is no indicator with the code “%s”."), code ? code : "");
      return FALSE;
    }
  if (year < PM_STORE_FIRST_YEAR || year > PM_STORE_LAST_YEAR)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The year %d is outside %d–%d."), year, PM_STORE_FIRST_YEAR,
                   PM_STORE_LAST_YEAR);
      return FALSE;
    }
  if ((guint) kind >= PM_N_CHECK_KINDS || (trimmed && !isfinite (value)))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("Only a check of a number can be confirmed."));
      return FALSE;
    }
  if (!pm_store_check_text (_("note"), trimmed, error))
    return FALSE;
  if ((department = locking_department (self, indicator, year)))
    {
      set_locked_error (error, code, year, department);
      return FALSE;
    }

  if (!pm_store_sql_begin (self, error))
    return FALSE;
  if (!(trimmed == NULL
          ? pm_store_sql_exec (self, error,
                               "DELETE FROM check_confirmations WHERE indicator = "
                               "##indicator::string AND year = ##year::gint AND area = 'county' "
                               "AND kind = ##kind::string",
                               "indicator", PM_SQL_TEXT, code,
                               "year", PM_SQL_INT, year,
                               "kind", PM_SQL_TEXT, pm_check_kind_to_string (kind),
                               NULL)
          : pm_store_sql_exec (self, error,
                               "INSERT INTO check_confirmations (indicator, year, area, kind, "
                               "value, note, changed_at, changed_by) VALUES (##indicator::string, "
                               "##year::gint, 'county', ##kind::string, ##value::gdouble, "
                               "##note::string, ##changed_at::string, ##changed_by::string) "
                               "ON CONFLICT (indicator, year, area, kind) DO UPDATE SET "
                               "value = excluded.value, note = excluded.note, "
                               "changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                               "indicator", PM_SQL_TEXT, code,
                               "year", PM_SQL_INT, year,
                               "kind", PM_SQL_TEXT, pm_check_kind_to_string (kind),
                               "value", PM_SQL_REAL, value,
                               "note", PM_SQL_TEXT, trimmed,
                               "changed_at", PM_SQL_TEXT, changed_at,
                               "changed_by", PM_SQL_TEXT, self->user_name,
                               NULL)) ||
      !pm_store_sql_commit (self, error))
    {
      pm_store_sql_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full) (element-type PmCheckConfirmation): the
 * confirmations of the county values of an indicator (NULL: all) and year
 * (0: all), in catalogue order */
GPtrArray *
pm_store_list_check_confirmations (PmStore    *self,
                                   const char *code,
                                   int         year,
                                   GError    **error)
{
  g_autoptr (GdaDataModel) model = NULL;
  GPtrArray *confirmations;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  if (!pm_store_check_open (self, error))
    return NULL;

  model = pm_store_sql_select (self, error,
                               "SELECT c.indicator, c.year, c.kind, c.value, c.note, c.changed_at, "
                               "c.changed_by FROM check_confirmations AS c "
                               "JOIN indicators AS i ON i.code = c.indicator "
                               "WHERE c.area = 'county' "
                               "AND (##indicator::string IS NULL OR c.indicator = ##indicator::string) "
                               "AND (##year::gint = 0 OR c.year = ##year::gint) "
                               "ORDER BY i.position, c.year, c.kind",
                               "indicator", PM_SQL_TEXT, code,
                               "year", PM_SQL_INT, year,
                               NULL);
  if (model == NULL)
    return NULL;

  confirmations = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_check_confirmation_free);
  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      PmCheckConfirmation *confirmation = g_new0 (PmCheckConfirmation, 1);

#define CELL(column) pm_store_model_get (model, (column), row)
      confirmation->code = g_strdup (pm_store_value_text (CELL (0)));
      confirmation->year = (int) pm_store_value_int (CELL (1));
      if (!pm_check_kind_from_string (pm_store_value_text (CELL (2)), &confirmation->kind))
        {
          pm_check_confirmation_free (confirmation);
          continue;
        }
      confirmation->value = pm_store_value_real (CELL (3));
      confirmation->note = g_strdup (pm_store_value_text (CELL (4)));
      confirmation->changed_at = pm_store_value_time (CELL (5));
      confirmation->changed_by = g_strdup (pm_store_value_text (CELL (6)));
#undef CELL
      g_ptr_array_add (confirmations, confirmation);
    }

  return confirmations;
}
