/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-task-division"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pm-csv.h"
#include "pm-department.h"
#include "pm-export-file.h"
#include "pm-pdf-document.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-schedule.h"
#include "pm-task-division.h"
#include "pm-task.h"
#include "pm-xlsx-writer.h"

struct _PmTaskDivision
{
  GObject parent_instance;

  int year;
  PmLanguage language;
  GDateTime *exported_at;
  GStrv plan_names;
  GPtrArray *rows;  /* of PmTaskDivisionRow, in the plans' order */
};

G_DEFINE_FINAL_TYPE (PmTaskDivision, pm_task_division, G_TYPE_OBJECT)

const char *const pm_task_division_csv_columns[PM_TASK_DIVISION_N_COLUMNS] = {
  "year", "plan", "code", "section", "title", "lead_department", "cooperating_departments",
  "work_items", "planned", "in_progress", "done", "delayed", "cancelled",
};

static void
row_free (PmTaskDivisionRow *row)
{
  g_free (row->code);
  g_free (row->plan);
  g_free (row->section);
  g_free (row->title);
  g_free (row->lead_department);
  g_free (row->cooperating_departments);
  g_free (row);
}

static void
pm_task_division_finalize (GObject *object)
{
  PmTaskDivision *self = PM_TASK_DIVISION (object);

  g_clear_pointer (&self->exported_at, g_date_time_unref);
  g_strfreev (self->plan_names);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (pm_task_division_parent_class)->finalize (object);
}

static void
pm_task_division_class_init (PmTaskDivisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_task_division_finalize;
}

static void
pm_task_division_init (PmTaskDivision *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
}

static PmTaskDivisionRow *
find_row (PmTaskDivision *self,
          const char     *code)
{
  for (guint i = 0; code != NULL && i < self->rows->len; i++)
    {
      PmTaskDivisionRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->code, code) == 0)
        return row;
    }
  return NULL;
}

/* Makes the table from the project's tasks and (with a source) the work
 * items every department has entered for the year. */
PmTaskDivision *
pm_task_division_new (PmProject        *project,
                      PmScheduleSource *source,
                      int               year,
                      GDateTime        *exported_at,
                      GError          **error)
{
  g_autoptr (PmTaskDivision) self = NULL;
  g_autoptr (GStrvBuilder) plan_names = g_strv_builder_new ();
  GListModel *tasks, *plans;

  g_return_val_if_fail (PM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (source == NULL || PM_IS_SCHEDULE_SOURCE (source), NULL);

  self = g_object_new (PM_TYPE_TASK_DIVISION, NULL);
  self->year = year;
  self->language = pm_project_get_document_language (project);
  self->exported_at = exported_at ? g_date_time_ref (exported_at) : g_date_time_new_now_local ();

  plans = pm_project_get_plans (project);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr (PmPlan) plan = g_list_model_get_item (plans, i);

      g_strv_builder_add (plan_names, pm_plan_get_name (plan));
    }
  self->plan_names = g_strv_builder_end (plan_names);

  tasks = pm_project_get_tasks (project);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr (PmTask) task = g_list_model_get_item (tasks, i);
      GListModel *departments = pm_task_get_departments (task);
      PmTaskDivisionRow *row = g_new0 (PmTaskDivisionRow, 1);
      g_autoptr (GString) cooperating = g_string_new (NULL);

      row->code = g_strdup (pm_task_get_code (task));
      row->plan = g_strdup (pm_plan_get_name (pm_task_get_plan (task)));
      row->section_number = pm_task_get_section_number (task);
      row->section = g_strdup (pm_task_get_section (task));
      row->title = g_strdup (pm_task_get_title (task));
      for (guint d = 0; d < g_list_model_get_n_items (departments); d++)
        {
          g_autoptr (PmDepartment) department = g_list_model_get_item (departments, d);

          if (d == 0)
            row->lead_department = g_strdup (pm_department_get_name (department));
          else
            {
              if (cooperating->len > 0)
                g_string_append (cooperating, "、");
              g_string_append (cooperating, pm_department_get_name (department));
            }
        }
      row->cooperating_departments = g_string_free (g_steal_pointer (&cooperating), FALSE);
      g_ptr_array_add (self->rows, row);
    }

  if (source != NULL)
    {
      GListModel *departments = pm_project_get_departments (project);

      for (guint d = 0; d < g_list_model_get_n_items (departments); d++)
        {
          g_autoptr (PmDepartment) department = g_list_model_get_item (departments, d);
          g_autoptr (GPtrArray) items = NULL;

          items = pm_schedule_source_list_work_items (source, pm_department_get_name (department),
                                                      year, error);
          if (items == NULL)
            return NULL;
          for (guint i = 0; i < items->len; i++)
            {
              const PmWorkItem *item = g_ptr_array_index (items, i);
              PmTaskDivisionRow *row = find_row (self, item->task_code);

              if (row == NULL || item->year != year ||
                  g_strcmp0 (item->department, pm_department_get_name (department)) != 0)
                continue;
              row->n_work_items++;
              if (item->status <= PM_WORK_STATUS_CANCELLED)
                row->by_status[item->status]++;
            }
        }
    }

  return g_steal_pointer (&self);
}

int
pm_task_division_get_year (PmTaskDivision *self)
{
  g_return_val_if_fail (PM_IS_TASK_DIVISION (self), 0);
  return self->year;
}

/* Returns: (transfer none) (element-type PmTaskDivisionRow) */
GPtrArray *
pm_task_division_get_rows (PmTaskDivision *self)
{
  g_return_val_if_fail (PM_IS_TASK_DIVISION (self), NULL);
  return self->rows;
}

const char *const *
pm_task_division_get_plan_names (PmTaskDivision *self)
{
  g_return_val_if_fail (PM_IS_TASK_DIVISION (self), NULL);
  return (const char *const *) self->plan_names;
}

static char *
dup_title (PmTaskDivision *self)
{
  /* TRANSLATORS: the title of the county-wide table: "%d年重点任务分工表" */
  return g_strdup_printf (D_ (self->language, "Division of the key tasks, %d"), self->year);
}

static char *
summarize (const PmTaskDivisionRow *row,
           PmLanguage               lang)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint s = 0; s <= PM_WORK_STATUS_CANCELLED; s++)
    {
      if (row->by_status[s] == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%u %s", row->by_status[s], pm_work_status_get_label (s, lang));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GStrv
csv_row (PmTaskDivision          *self,
         const PmTaskDivisionRow *row)
{
  GStrv fields = g_new0 (char *, PM_TASK_DIVISION_N_COLUMNS + 1);
  guint c = 0;

  fields[c++] = g_strdup_printf ("%d", self->year);
  fields[c++] = g_strdup (row->plan ? row->plan : "");
  fields[c++] = g_strdup (row->code);
  fields[c++] = g_strdup (row->section ? row->section : "");
  fields[c++] = g_strdup (row->title ? row->title : "");
  fields[c++] = g_strdup (row->lead_department ? row->lead_department : "");
  fields[c++] = g_strdup (row->cooperating_departments);
  fields[c++] = g_strdup_printf ("%u", row->n_work_items);
  for (guint s = 0; s <= PM_WORK_STATUS_CANCELLED; s++)
    fields[c++] = g_strdup_printf ("%u", row->by_status[s]);
  g_assert (c == PM_TASK_DIVISION_N_COLUMNS);
  return fields;
}

/* Returns: (transfer full): the table as CSV, UTF-8 with a BOM */
char *
pm_task_division_to_csv (PmTaskDivision *self)
{
  GString *out;

  g_return_val_if_fail (PM_IS_TASK_DIVISION (self), NULL);

  out = g_string_new (PM_CSV_BOM);
  if (self->language == PM_LANGUAGE_EN)
    pm_csv_append_record (out, pm_task_division_csv_columns, PM_TASK_DIVISION_N_COLUMNS);
  else
    {
      const char *header[PM_TASK_DIVISION_N_COLUMNS] = {
        DC_ (self->language, "schedule column", "Year of the schedule"),
        D_ (self->language, "Plan"), D_ (self->language, "Code"), D_ (self->language, "Section"), D_ (self->language, "Task"), D_ (self->language, "Lead department"),
        D_ (self->language, "Co-operating departments"), D_ (self->language, "Work items"), D_ (self->language, "Planned"), D_ (self->language, "In progress"),
        D_ (self->language, "Done"), D_ (self->language, "Delayed"), D_ (self->language, "Cancelled"),
      };

      pm_csv_append_record (out, header, PM_TASK_DIVISION_N_COLUMNS);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      g_auto (GStrv) fields = csv_row (self, g_ptr_array_index (self->rows, i));

      pm_csv_append_record (out, (const char *const *) fields, PM_TASK_DIVISION_N_COLUMNS);
    }
  return g_string_free (out, FALSE);
}

static void
add_plan_table (PmTaskDivision *self,
                PmPdfDocument  *document,
                const char     *plan)
{
  static const double widths[] = { 0.7, 4.2, 1.3, 3.6, 0.8, 2.0 };
  const char *header[] = {
    D_ (self->language, "Code"), D_ (self->language, "Task"), D_ (self->language, "Lead department"), D_ (self->language, "Co-operating departments"),
    D_ (self->language, "Work items"), D_ (self->language, "State"),
  };
  guint n_tasks = 0, n_items = 0, by_status[PM_WORK_STATUS_CANCELLED + 1] = { 0 };
  g_autofree char *summary = NULL;
  PmTaskDivisionRow total = { 0 };

  pm_pdf_document_add_heading (document, 2, plan);
  pm_pdf_document_add_table (document, G_N_ELEMENTS (widths), widths, header);
  pm_pdf_document_set_column_kind (document, 0, PM_PDF_COLUMN_KEY);
  pm_pdf_document_set_column_kind (document, 2, PM_PDF_COLUMN_ITEMS);
  pm_pdf_document_set_column_kind (document, 3, PM_PDF_COLUMN_ITEMS);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const PmTaskDivisionRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *code = NULL;
      g_autofree char *task = NULL;
      g_autofree char *lead = NULL;
      g_autofree char *cooperating = NULL;
      g_autofree char *count = NULL;
      g_autofree char *state = NULL;

      if (g_strcmp0 (row->plan, plan) != 0)
        continue;
      n_tasks++;
      n_items += row->n_work_items;
      for (guint s = 0; s <= PM_WORK_STATUS_CANCELLED; s++)
        by_status[s] += row->by_status[s];

      code = g_markup_escape_text (row->code, -1);
      task = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"smaller\" foreground=\"#555555\">%s</span>",
                                      row->title ? row->title : "", row->section ? row->section : "");
      lead = g_markup_escape_text (row->lead_department ? row->lead_department : "", -1);
      cooperating = g_markup_escape_text (row->cooperating_departments, -1);
      count = g_strdup_printf ("%u", row->n_work_items);
      summary = summarize (row, self->language);
      state = g_markup_escape_text (summary, -1);
      g_clear_pointer (&summary, g_free);

      {
        const char *cells[] = { code, task, lead, cooperating, count, state };

        pm_pdf_document_add_row_markup (document, cells);
      }
    }

  memcpy (total.by_status, by_status, sizeof by_status);
  summary = summarize (&total, self->language);
  {
    g_autofree char *line = NULL;

    if (n_items > 0)
      line = g_strdup_printf (D_ (self->language, "%u key tasks; %u work items for %d: %s."), n_tasks, n_items,
                              self->year, summary);
    else
      line = g_strdup_printf (D_ (self->language, "%u key tasks; no work items have been entered for %d."), n_tasks,
                              self->year);
    pm_pdf_document_add_paragraph (document, PM_PDF_TEXT_NOTE, line);
  }
}

static gboolean
write_pdf (PmTaskDivision *self,
           const char     *path,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autofree char *title = dup_title (self);
  g_autofree char *date = g_date_time_format (self->exported_at, "%Y-%m-%d");
  g_autofree char *exported = g_strdup_printf (D_ (self->language, "Exported on %s"), date);
  g_autofree char *running = g_strdup_printf ("%s　%s", title, date);
  g_autoptr (PmPdfDocument) document = pm_pdf_document_new (title);

  pm_pdf_document_set_language (document, self->language);

  pm_pdf_document_begin_part (document, PM_PDF_LANDSCAPE, TRUE, running);
  pm_pdf_document_add_heading (document, 1, title);
  pm_pdf_document_add_paragraph (document, PM_PDF_TEXT_NOTE, exported);
  for (guint p = 0; self->plan_names[p] != NULL; p++)
    add_plan_table (self, document, self->plan_names[p]);

  return pm_pdf_document_write (document, path, cancellable, error);
}

static gboolean
write_xlsx (PmTaskDivision *self,
            const char     *path,
            GCancellable   *cancellable,
            GError        **error)
{
  static const double widths[PM_TASK_DIVISION_N_COLUMNS] = {
    0, 24, 7, 30, 30, 14, 40, 9, 9, 9, 9, 9, 9,
  };
  PmXlsxColumn columns[PM_TASK_DIVISION_N_COLUMNS - 1];
  const char *labels[PM_TASK_DIVISION_N_COLUMNS - 1] = {
    D_ (self->language, "Plan"), D_ (self->language, "Code"), D_ (self->language, "Section"), D_ (self->language, "Task"), D_ (self->language, "Lead department"),
    D_ (self->language, "Co-operating departments"), D_ (self->language, "Work items"), D_ (self->language, "Planned"), D_ (self->language, "In progress"), D_ (self->language, "Done"),
    D_ (self->language, "Delayed"), D_ (self->language, "Cancelled"),
  };
  g_autoptr (PmXlsxWriter) writer = NULL;
  g_autofree char *title = dup_title (self);
  g_autofree char *date = g_date_time_format (self->exported_at, "%Y-%m-%d");
  g_autofree char *exported = g_strdup_printf (D_ (self->language, "Exported on %s"), date);
  lxw_format *number;
  lxw_worksheet *sheet;
  guint header_row = 2;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  writer = pm_xlsx_writer_new (path, error);
  if (writer == NULL)
    return FALSE;
  pm_xlsx_writer_set_language (writer, self->language);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    columns[c] = (PmXlsxColumn) { labels[c], widths[c + 1] };

  /* TRANSLATORS: a sheet name, at most 31 characters: "任务分工" */
  sheet = pm_xlsx_writer_add_sheet (writer, D_ (self->language, "Task division"), TRUE, title);
  worksheet_set_row (sheet, 0, 24, NULL);
  worksheet_write_string (sheet, 0, 0, title, pm_xlsx_writer_get_format (writer, PM_XLSX_FORMAT_TITLE));
  worksheet_write_string (sheet, 1, 0, exported, pm_xlsx_writer_get_format (writer, PM_XLSX_FORMAT_SUBTITLE));
  pm_xlsx_writer_write_header (writer, sheet, header_row, columns, G_N_ELEMENTS (columns));
  number = pm_xlsx_writer_get_format (writer, PM_XLSX_FORMAT_NUMBER);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const PmTaskDivisionRow *row = g_ptr_array_index (self->rows, i);
      g_auto (GStrv) fields = csv_row (self, row);
      lxw_row_t r = header_row + 1 + i;

      pm_xlsx_writer_write_row (writer, sheet, r, (const char *const *) fields + 1, 6);
      worksheet_write_number (sheet, r, 6, row->n_work_items, number);
      for (guint s = 0; s <= PM_WORK_STATUS_CANCELLED; s++)
        worksheet_write_number (sheet, r, 7 + s, row->by_status[s], number);
    }
  pm_xlsx_writer_end_table (writer, sheet, header_row, header_row + self->rows->len,
                            G_N_ELEMENTS (columns));

  return pm_xlsx_writer_close (writer, error);
}

/* Writes the table as .pdf, .xlsx or .csv, by the extension. */
gboolean
pm_task_division_write (PmTaskDivision *self,
                        const char     *path,
                        GCancellable   *cancellable,
                        GError        **error)
{
  PmExportFormat format;

  g_return_val_if_fail (PM_IS_TASK_DIVISION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!pm_export_format_from_path (path, &format))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
                   _("Cannot tell the format of “%s”: give a file name ending in .pdf, .xlsx "
                     "or .csv"), path);
      return FALSE;
    }

  switch (format)
    {
    case PM_EXPORT_FORMAT_PDF:
      return write_pdf (self, path, cancellable, error);
    case PM_EXPORT_FORMAT_XLSX:
      return write_xlsx (self, path, cancellable, error);
    case PM_EXPORT_FORMAT_CSV:
    default:
      {
        g_autofree char *csv = pm_task_division_to_csv (self);

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          return FALSE;
        return pm_export_file_write (path, csv, strlen (csv), error);
      }
    }
}
