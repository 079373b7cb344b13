/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-schedule-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-csv.h"
#include "pm-export-file.h"
#include "pm-schedule-writer.h"
#include "pm-xlsx-writer.h"

enum
{
  COL_DEPARTMENT,
  COL_YEAR,
  COL_PART,
  COL_CODE,
  COL_TITLE,
  COL_SECTION,
  COL_TASK,
  COL_INDICATOR,
  COL_ROLE,
  COL_OTHERS,
  COL_START,
  COL_DUE,
  COL_STATUS,
  COL_TARGET,
  COL_ATTRIBUTE,
  COL_LATEST_VALUE,
  COL_LATEST_YEAR,
  COL_THIS_YEAR,
  COL_NOTE,
  COL_TEXT,
};

const char *const pm_schedule_csv_columns[PM_SCHEDULE_N_COLUMNS] = {
  "department", "year", "part", "code", "title", "section", "task", "indicator", "role",
  "other_departments", "start", "due", "status", "county_target", "attribute",
  "latest_value", "latest_year", "this_year", "note", "text",
};

/* The sheet shows every column but the department and year (in its title). */
#define SHEET_FIRST_COLUMN COL_PART

static const char *
nonnull (const char *text)
{
  return text ? text : "";
}

static char *
format_date (GDateTime *date_time)
{
  return g_date_time_format (date_time, "%Y-%m-%d");
}

/* Rows */

typedef enum
{
  PART_TASK_LEAD,
  PART_TASK_COOPERATES,
  PART_WORK_ITEM,
  PART_INDICATOR,
  PART_KEY_PROJECT,
} Part;

static const char *
part_name (Part       part,
           gboolean   label,
           PmLanguage lang)
{
  static const char *const names[] = {
    "task-lead", "task-cooperates", "work-item", "indicator", "key-project",
  };

  if (!label)
    return names[part];
  switch (part)
    {
    case PART_TASK_LEAD:
      return D_ (lang, "Key task (lead)");
    case PART_TASK_COOPERATES:
      return D_ (lang, "Key task (co-operates)");
    case PART_WORK_ITEM:
      return D_ (lang, "Work item");
    case PART_INDICATOR:
      return D_ (lang, "Indicator");
    case PART_KEY_PROJECT:
    default:
      return D_ (lang, "Key project");
    }
}

static const char *
role_name (PmRole     role,
           gboolean   label,
           PmLanguage lang)
{
  if (label)
    return pm_role_get_label (role, lang);
  return role == PM_ROLE_LEAD ? "lead" : "cooperates";
}

static GStrv
new_row (PmSchedule *schedule,
         Part        part,
         gboolean    label)
{
  GStrv row = g_new0 (char *, PM_SCHEDULE_N_COLUMNS + 1);

  for (guint c = 0; c < PM_SCHEDULE_N_COLUMNS; c++)
    row[c] = g_strdup ("");
  g_free (row[COL_DEPARTMENT]);
  row[COL_DEPARTMENT] = g_strdup (pm_schedule_get_department (schedule));
  g_free (row[COL_YEAR]);
  row[COL_YEAR] = g_strdup_printf ("%d", pm_schedule_get_year (schedule));
  g_free (row[COL_PART]);
  row[COL_PART] = g_strdup (part_name (part, label, pm_schedule_get_language (schedule)));
  return row;
}

static void
set (GStrv       row,
     guint       column,
     const char *value)
{
  g_free (row[column]);
  row[column] = g_strdup (nonnull (value));
}

static void
take (GStrv  row,
      guint  column,
      char  *value)
{
  g_free (row[column]);
  row[column] = value ? value : g_strdup ("");
}

static GStrv
work_item_row (PmSchedule       *schedule,
               const PmWorkItem *item,
               gboolean          label)
{
  GStrv row = new_row (schedule, PART_WORK_ITEM, label);
  PmLanguage lang = pm_schedule_get_language (schedule);

  set (row, COL_TITLE, item->title);
  set (row, COL_TASK, item->task_code);
  set (row, COL_INDICATOR, item->indicator_code);
  set (row, COL_START, item->starts_on);
  set (row, COL_DUE, item->due_on);
  set (row, COL_STATUS, label ? pm_work_status_get_label (item->status, lang)
                              : pm_work_status_to_string (item->status));
  set (row, COL_NOTE, item->note);
  return row;
}

/* Returns: (transfer full) (element-type GStrv): the schedule's rows with
 * PM_SCHEDULE_N_COLUMNS fields each; with labels, the part, role, status
 * and this-year fields are words for people instead of machine names */
GPtrArray *
pm_schedule_list_rows (PmSchedule *schedule,
                       gboolean    labels)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *tasks, *items, *indicators, *projects;
  PmLanguage lang;

  g_return_val_if_fail (PM_IS_SCHEDULE (schedule), rows);

  lang = pm_schedule_get_language (schedule);

  tasks = pm_schedule_get_tasks (schedule);
  for (guint i = 0; i < tasks->len; i++)
    {
      const PmScheduleTask *task = g_ptr_array_index (tasks, i);
      GStrv row = new_row (schedule,
                           task->role == PM_ROLE_LEAD ? PART_TASK_LEAD : PART_TASK_COOPERATES,
                           labels);

      set (row, COL_CODE, task->code);
      set (row, COL_TITLE, task->title);
      set (row, COL_SECTION, task->section);
      set (row, COL_ROLE, role_name (task->role, labels, lang));
      set (row, COL_OTHERS, task->other_departments);
      take (row, COL_STATUS, pm_work_items_summarize (task->work_items, labels, lang));
      if (task->progress_note != NULL)
        {
          take (row, COL_LATEST_YEAR, g_strdup_printf ("%d", task->progress_note_year));
          set (row, COL_NOTE, task->progress_note);
        }
      set (row, COL_TEXT, task->text);
      g_ptr_array_add (rows, row);

      for (guint w = 0; w < task->work_items->len; w++)
        g_ptr_array_add (rows, work_item_row (schedule, g_ptr_array_index (task->work_items, w),
                                              labels));
    }

  /* Work items of no task listed (an indicator's, or general work). */
  items = pm_schedule_get_work_items (schedule);
  for (guint i = 0; i < items->len; i++)
    {
      const PmWorkItem *item = g_ptr_array_index (items, i);

      if (pm_schedule_find_task (schedule, item->task_code) == NULL)
        g_ptr_array_add (rows, work_item_row (schedule, item, labels));
    }

  indicators = pm_schedule_get_indicators (schedule);
  for (guint i = 0; i < indicators->len; i++)
    {
      const PmScheduleIndicator *indicator = g_ptr_array_index (indicators, i);
      GStrv row = new_row (schedule, PART_INDICATOR, labels);

      set (row, COL_CODE, indicator->code);
      set (row, COL_TITLE, indicator->name);
      set (row, COL_SECTION, indicator->domain);
      set (row, COL_ROLE, role_name (indicator->role, labels, lang));
      set (row, COL_OTHERS, indicator->other_departments);
      set (row, COL_STATUS, labels ? pm_status_get_label_in (indicator->status, lang)
                                   : pm_status_to_string (indicator->status));
      set (row, COL_TARGET, indicator->county_target);
      set (row, COL_ATTRIBUTE, pm_attribute_to_printed (indicator->attribute));
      set (row, COL_LATEST_VALUE, indicator->latest_value);
      if (indicator->latest_value != NULL)
        take (row, COL_LATEST_YEAR, g_strdup_printf ("%d", indicator->latest_year));
      if (labels)
        set (row, COL_THIS_YEAR, indicator->missing_this_year ? D_ (lang, "Missing") : D_ (lang, "Entered"));
      else
        set (row, COL_THIS_YEAR, indicator->missing_this_year ? "missing" : "entered");
      set (row, COL_NOTE, indicator->explanation);
      g_ptr_array_add (rows, row);
    }

  projects = pm_schedule_get_key_projects (schedule);
  for (guint i = 0; i < projects->len; i++)
    {
      const PmScheduleProject *project = g_ptr_array_index (projects, i);
      GStrv row = new_row (schedule, PART_KEY_PROJECT, labels);

      set (row, COL_CODE, project->code);
      set (row, COL_TITLE, project->name);
      set (row, COL_SECTION, project->box_title);
      set (row, COL_ROLE, role_name (project->role, labels, lang));
      set (row, COL_OTHERS, project->other_departments);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

/* CSV */

static void sheet_columns (PmXlsxColumn columns[PM_SCHEDULE_N_COLUMNS - SHEET_FIRST_COLUMN],
                           PmLanguage   lang);

/* The CSV header in a document language: the column names (English), or
 * their words. */
static void
csv_header (const char *header[PM_SCHEDULE_N_COLUMNS],
            PmLanguage  lang)
{
  PmXlsxColumn columns[PM_SCHEDULE_N_COLUMNS - SHEET_FIRST_COLUMN];

  if (lang == PM_LANGUAGE_EN)
    {
      memcpy (header, pm_schedule_csv_columns, sizeof pm_schedule_csv_columns);
      return;
    }
  sheet_columns (columns, lang);
  header[COL_DEPARTMENT] = DC_ (lang, "schedule column", "Department");
  header[COL_YEAR] = DC_ (lang, "schedule column", "Year of the schedule");
  for (guint c = SHEET_FIRST_COLUMN; c < PM_SCHEDULE_N_COLUMNS; c++)
    header[c] = columns[c - SHEET_FIRST_COLUMN].label;
}

/* Returns: (transfer full): the schedules as one CSV, UTF-8 with a BOM: in
 * English the column and machine names (task-lead, planned …), in Chinese
 * the words of the schedule's language */
char *
pm_schedule_to_csv (GPtrArray *schedules)
{
  GString *out = g_string_new (PM_CSV_BOM);
  const char *header[PM_SCHEDULE_N_COLUMNS];
  PmLanguage lang;

  g_return_val_if_fail (schedules != NULL, NULL);

  lang = schedules->len > 0 ? pm_schedule_get_language (g_ptr_array_index (schedules, 0))
                            : PM_LANGUAGE_DEFAULT;
  csv_header (header, lang);
  pm_csv_append_record (out, header, PM_SCHEDULE_N_COLUMNS);
  for (guint s = 0; s < schedules->len; s++)
    {
      g_autoptr (GPtrArray) rows = pm_schedule_list_rows (g_ptr_array_index (schedules, s),
                                                          lang != PM_LANGUAGE_EN);

      for (guint i = 0; i < rows->len; i++)
        pm_csv_append_record (out, g_ptr_array_index (rows, i), PM_SCHEDULE_N_COLUMNS);
    }
  return g_string_free (out, FALSE);
}

gboolean
pm_schedule_write_csv (GPtrArray     *schedules,
                       const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (schedules != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  csv = pm_schedule_to_csv (schedules);
  return pm_export_file_write (path, csv, strlen (csv), error);
}

/* PDF */

static char *
markup (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

static char *
markup (const char *format,
        ...)
{
  va_list args;
  char *result;

  va_start (args, format);
  result = g_markup_vprintf_escaped (format, args);
  va_end (args);
  return result;
}

/* The task's text as printed, its title in bold (the text starts with it),
 * below its section in grey. */
static char *
task_cell (const PmScheduleTask *task)
{
  g_autofree char *section = markup ("<span size=\"smaller\" foreground=\"#555555\">%s</span>\n",
                                     nonnull (task->section));

  if (task->text != NULL && task->title != NULL && g_str_has_prefix (task->text, task->title))
    {
      g_autofree char *body = markup ("<b>%s</b>%s", task->title, task->text + strlen (task->title));
      return g_strconcat (section, body, NULL);
    }
  else
    {
      g_autofree char *body = markup ("<b>%s</b>\n%s", nonnull (task->title), nonnull (task->text));
      return g_strconcat (section, body, NULL);
    }
}

static char *
progress_cell (const PmScheduleTask *task)
{
  if (task->progress_note == NULL)
    return g_strdup ("");
  return markup ("<span foreground=\"#555555\">%d</span>  %s", task->progress_note_year,
                 task->progress_note);
}

static char *dates_cell (const PmWorkItem *item);

/* The task's work items, by due date: title, then dates, status and
 * indicator in grey. */
static char *
work_items_cell (const PmScheduleTask *task,
                 PmLanguage            lang)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < task->work_items->len; i++)
    {
      const PmWorkItem *item = g_ptr_array_index (task->work_items, i);
      g_autofree char *dates = dates_cell (item);
      g_autofree char *line = NULL;

      g_strdelimit (dates, "\n", ' ');
      line = markup ("%s%s\n<span size=\"smaller\" foreground=\"#555555\">%s%s%s%s%s</span>",
                     i > 0 ? "\n" : "", nonnull (item->title), dates, *dates ? "  " : "",
                     pm_work_status_get_label (item->status, lang),
                     item->indicator_code ? "  " : "", nonnull (item->indicator_code));
      g_string_append (out, line);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_tasks (PmPdfDocument *document,
           PmSchedule    *schedule,
           PmRole         role)
{
  static const double widths[] = { 0.75, 5.0, 1.6, 2.6, 2.2 };
  GPtrArray *tasks = pm_schedule_get_tasks (schedule);
  guint n = pm_schedule_count_tasks (schedule, role);
  g_autofree char *heading = NULL;
  g_autofree char *items_label = NULL;
  const char *header[5];
  PmLanguage lang = pm_schedule_get_language (schedule);

  if (role == PM_ROLE_LEAD)
    heading = g_strdup_printf (D_ (lang, "Key tasks it leads (%u)"), n);
  else
    heading = g_strdup_printf (D_ (lang, "Key tasks it co-operates on (%u)"), n);
  pm_pdf_document_add_heading (document, 2, heading);

  if (n == 0)
    {
      g_autofree char *none = NULL;

      if (role == PM_ROLE_LEAD)
        none = g_strdup_printf (D_ (lang, "%s leads none of the key tasks of the plans."),
                                pm_schedule_get_department (schedule));
      else
        none = g_strdup_printf (D_ (lang, "%s co-operates on none of the key tasks of the plans."),
                                pm_schedule_get_department (schedule));
      pm_pdf_document_add_paragraph (document, PM_PDF_TEXT_BODY, none);
      return;
    }

  items_label = g_strdup_printf (D_ (lang, "Work items for %d"), pm_schedule_get_year (schedule));
  header[0] = D_ (lang, "Code");
  header[1] = D_ (lang, "Task");
  header[2] = role == PM_ROLE_LEAD ? D_ (lang, "Co-operating departments") : D_ (lang, "Lead and other departments");
  header[3] = items_label;
  header[4] = D_ (lang, "Latest progress");
  pm_pdf_document_add_table (document, 5, widths, header);
  pm_pdf_document_set_column_kind (document, 0, PM_PDF_COLUMN_KEY);
  pm_pdf_document_set_column_kind (document, 2, PM_PDF_COLUMN_ITEMS);

  for (guint i = 0; i < tasks->len; i++)
    {
      const PmScheduleTask *task = g_ptr_array_index (tasks, i);
      g_autofree char *code = NULL;
      g_autofree char *text = NULL;
      g_autofree char *others = NULL;
      g_autofree char *items = NULL;
      g_autofree char *progress = NULL;

      if (task->role != role)
        continue;
      code = markup ("%s", task->code);
      text = task_cell (task);
      if (role == PM_ROLE_LEAD)
        others = markup ("%s", nonnull (task->other_departments));
      else
        {
          /* The lead first, in bold. */
          g_autofree char *rest = NULL;
          const char *others_text = nonnull (task->other_departments);

          if (task->lead_department && g_str_has_prefix (others_text, task->lead_department))
            {
              rest = g_strdup (others_text + strlen (task->lead_department));
              others = markup ("<b>%s</b>%s", task->lead_department, rest);
            }
          else
            others = markup ("%s", others_text);
        }
      items = work_items_cell (task, lang);
      progress = progress_cell (task);

      {
        const char *row[] = { code, text, others, items, progress };

        pm_pdf_document_add_row_markup (document, row);
      }
    }
}

static char *
dates_cell (const PmWorkItem *item)
{
  gboolean start = item->starts_on && *item->starts_on;
  gboolean due = item->due_on && *item->due_on;

  if (start && due)
    return g_strdup_printf ("%s –\n%s", item->starts_on, item->due_on);
  if (due)
    return g_strdup_printf ("– %s", item->due_on);
  if (start)
    return g_strdup_printf ("%s –", item->starts_on);
  return g_strdup ("");
}

static void
add_work_items (PmPdfDocument *document,
                PmSchedule    *schedule)
{
  static const double widths[] = { 1.2, 3.6, 2.8, 1.0, 0.9, 2.6 };
  GPtrArray *items = pm_schedule_get_work_items (schedule);
  PmLanguage lang = pm_schedule_get_language (schedule);
  g_autofree char *heading = g_strdup_printf (D_ (lang, "Work items for %d, by due date (%u)"),
                                              pm_schedule_get_year (schedule), items->len);
  const char *header[] = {
    D_ (lang, "Start – due"), D_ (lang, "Work item"), D_ (lang, "Task"), D_ (lang, "Indicator"), D_ (lang, "Status"), D_ (lang, "Note"),
  };

  pm_pdf_document_add_heading (document, 2, heading);
  if (items->len == 0)
    {
      g_autofree char *none = g_strdup_printf (D_ (lang, "No work items have been entered for %s for %d."),
                                               pm_schedule_get_department (schedule),
                                               pm_schedule_get_year (schedule));

      pm_pdf_document_add_paragraph (document, PM_PDF_TEXT_BODY, none);
      return;
    }

  pm_pdf_document_add_table (document, 6, widths, header);
  pm_pdf_document_set_column_kind (document, 4, PM_PDF_COLUMN_ITEMS);
  for (guint i = 0; i < items->len; i++)
    {
      const PmWorkItem *item = g_ptr_array_index (items, i);
      const PmScheduleTask *task = pm_schedule_find_task (schedule, item->task_code);
      g_autofree char *dates = dates_cell (item);
      g_autofree char *task_text = NULL;

      if (task != NULL)
        task_text = g_strdup_printf ("%s %s", task->code, task->title);
      else
        task_text = g_strdup (nonnull (item->task_code));

      {
        const char *row[] = {
          dates, nonnull (item->title), task_text, nonnull (item->indicator_code),
          pm_work_status_get_label (item->status, lang), nonnull (item->note),
        };

        pm_pdf_document_add_row (document, row);
      }
    }
}

static void
add_indicators (PmPdfDocument *document,
                PmSchedule    *schedule)
{
  static const double widths[] = { 0.75, 3.3, 1.15, 1.1, 0.95, 1.2, 2.6, 0.8 };
  GPtrArray *indicators = pm_schedule_get_indicators (schedule);
  PmLanguage lang = pm_schedule_get_language (schedule);
  g_autofree char *heading = g_strdup_printf (D_ (lang, "Indicators it answers for (%u)"), indicators->len);
  g_autofree char *this_year = g_strdup_printf (D_ (lang, "Value %d"), pm_schedule_get_year (schedule));
  const char *header[] = {
    D_ (lang, "Code"), D_ (lang, "Indicator"), D_ (lang, "Role"), D_ (lang, "County target"), D_ (lang, "Attribute"),
    D_ (lang, "Latest value (year)"), D_ (lang, "Status"), this_year,
  };

  pm_pdf_document_add_heading (document, 2, heading);
  if (indicators->len == 0)
    {
      g_autofree char *none = g_strdup_printf (D_ (lang, "%s answers for none of the indicators of the plans."),
                                               pm_schedule_get_department (schedule));

      pm_pdf_document_add_paragraph (document, PM_PDF_TEXT_BODY, none);
      return;
    }

  pm_pdf_document_add_table (document, 8, widths, header);
  pm_pdf_document_set_column_kind (document, 0, PM_PDF_COLUMN_KEY);
  pm_pdf_document_set_column_kind (document, 2, PM_PDF_COLUMN_ITEMS);
  pm_pdf_document_set_column_kind (document, 4, PM_PDF_COLUMN_ITEMS);
  for (guint i = 0; i < indicators->len; i++)
    {
      const PmScheduleIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autofree char *code = markup ("%s", indicator->code);
      g_autofree char *name = markup ("%s", nonnull (indicator->name));
      g_autofree char *role = markup ("%s", pm_role_get_label (indicator->role, lang));
      g_autofree char *target = markup ("%s", nonnull (indicator->county_target));
      g_autofree char *attribute = markup ("%s", pm_attribute_to_printed (indicator->attribute));
      g_autofree char *latest = NULL;
      g_autofree char *status = NULL;
      g_autofree char *missing = NULL;

      if (indicator->latest_value != NULL)
        latest = markup ("%s (%d)", indicator->latest_value, indicator->latest_year);
      else
        latest = g_strdup ("—");
      if (indicator->explanation != NULL && *indicator->explanation)
        status = markup ("%s\n<span size=\"smaller\" foreground=\"#555555\">%s</span>",
                         pm_status_get_label_in (indicator->status, lang), indicator->explanation);
      else
        status = markup ("%s", pm_status_get_label_in (indicator->status, lang));
      if (indicator->missing_this_year)
        missing = markup ("<b>%s</b>", D_ (lang, "Missing"));
      else
        missing = markup ("%s", D_ (lang, "Entered"));

      {
        const char *row[] = { code, name, role, target, attribute, latest, status, missing };

        pm_pdf_document_add_row_markup (document, row);
      }
    }
}

static void
add_key_projects (PmPdfDocument *document,
                  PmSchedule    *schedule)
{
  static const double widths[] = { 0.75, 3.2, 2.6, 0.95, 4.4 };
  GPtrArray *projects = pm_schedule_get_key_projects (schedule);
  PmLanguage lang = pm_schedule_get_language (schedule);
  g_autofree char *heading = g_strdup_printf (D_ (lang, "Key projects it takes part in (%u)"), projects->len);
  const char *header[] = {
    D_ (lang, "Code"), D_ (lang, "Key project"), D_ (lang, "Box"), D_ (lang, "Role"), D_ (lang, "Other departments"),
  };

  pm_pdf_document_add_heading (document, 2, heading);
  if (projects->len == 0)
    {
      g_autofree char *none = g_strdup_printf (D_ (lang, "%s takes part in none of the key projects."),
                                               pm_schedule_get_department (schedule));

      pm_pdf_document_add_paragraph (document, PM_PDF_TEXT_BODY, none);
      return;
    }

  pm_pdf_document_add_table (document, 5, widths, header);
  pm_pdf_document_set_column_kind (document, 0, PM_PDF_COLUMN_KEY);
  pm_pdf_document_set_column_kind (document, 3, PM_PDF_COLUMN_ITEMS);
  pm_pdf_document_set_column_kind (document, 4, PM_PDF_COLUMN_ITEMS);
  for (guint i = 0; i < projects->len; i++)
    {
      const PmScheduleProject *project = g_ptr_array_index (projects, i);
      const char *row[] = {
        project->code, nonnull (project->name), nonnull (project->box_title),
        pm_role_get_label (project->role, lang), nonnull (project->other_departments),
      };

      pm_pdf_document_add_row (document, row);
    }
}

/* Adds the schedule to the document as a part of its own: a new page, its
 * own page numbers. Landscape: its tables are wide, as task-division tables
 * (任务分工表) usually are. */
void
pm_schedule_add_to_pdf (PmSchedule    *schedule,
                        PmPdfDocument *document)
{
  g_autofree char *title = NULL;
  g_autofree char *plans = NULL;
  g_autofree char *date = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *running = NULL;
  PmLanguage lang;

  g_return_if_fail (PM_IS_SCHEDULE (schedule));
  g_return_if_fail (PM_IS_PDF_DOCUMENT (document));

  lang = pm_schedule_get_language (schedule);

  title = pm_schedule_dup_title (schedule);
  plans = g_strjoinv ("　", (GStrv) pm_schedule_get_plan_names (schedule));
  date = format_date (pm_schedule_get_exported_at (schedule));
  /* TRANSLATORS: below a schedule's title: "导出日期：%s" */
  exported = g_strdup_printf (D_ (lang, "Exported on %s"), date);
  running = g_strdup_printf ("%s　%s", title, date);

  pm_pdf_document_begin_part (document, PM_PDF_LANDSCAPE, TRUE, running);
  pm_pdf_document_add_heading (document, 1, title);
  pm_pdf_document_add_paragraph (document, PM_PDF_TEXT_NOTE, plans);
  pm_pdf_document_add_paragraph (document, PM_PDF_TEXT_NOTE, exported);

  add_tasks (document, schedule, PM_ROLE_LEAD);
  add_tasks (document, schedule, PM_ROLE_COOPERATES);
  add_work_items (document, schedule);
  add_indicators (document, schedule);
  add_key_projects (document, schedule);
}

typedef struct
{
  PmExportProgressFunc func;
  gpointer data;
  const char *what;
} Progress;

static void
pdf_progress_cb (double   fraction,
                 gpointer user_data)
{
  Progress *progress = user_data;

  progress->func (fraction, progress->what, progress->data);
}

gboolean
pm_schedule_write_pdf (GPtrArray            *schedules,
                       const char           *path,
                       PmExportProgressFunc  progress,
                       gpointer              progress_data,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr (PmPdfDocument) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *what = NULL;
  Progress relay = { progress, progress_data, NULL };
  PmLanguage lang;

  g_return_val_if_fail (schedules != NULL && schedules->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lang = pm_schedule_get_language (g_ptr_array_index (schedules, 0));

  if (schedules->len == 1)
    title = pm_schedule_dup_title (g_ptr_array_index (schedules, 0));
  else
    title = g_strdup_printf (D_ (lang, "Work schedules for %d"),
                             pm_schedule_get_year (g_ptr_array_index (schedules, 0)));

  document = pm_pdf_document_new (title);
  pm_pdf_document_set_language (document, lang);
  for (guint i = 0; i < schedules->len; i++)
    pm_schedule_add_to_pdf (g_ptr_array_index (schedules, i), document);

  if (progress != NULL)
    {
      what = g_path_get_basename (path);
      relay.what = what;
      pm_pdf_document_set_progress_func (document, pdf_progress_cb, &relay);
    }
  return pm_pdf_document_write (document, path, cancellable, error);
}

/* XLSX */

#define SHEET_N_COLUMNS (PM_SCHEDULE_N_COLUMNS - SHEET_FIRST_COLUMN)

static void
sheet_columns (PmXlsxColumn columns[SHEET_N_COLUMNS],
               PmLanguage   lang)
{
  static const double widths[PM_SCHEDULE_N_COLUMNS] = {
    /* the task's text as printed, long, wraps 25 CJK characters wide */
    0, 0, 11, 7, 24, 16, 7, 8, 8, 16, 10.5, 10.5, 11, 9, 7, 8, 6, 7, 24, 50,
  };

  columns[COL_PART - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Part"), 0 };
  columns[COL_CODE - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Code"), 0 };
  columns[COL_TITLE - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Title"), 0 };
  columns[COL_SECTION - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Section or domain"), 0 };
  columns[COL_TASK - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Task"), 0 };
  columns[COL_INDICATOR - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Indicator"), 0 };
  columns[COL_ROLE - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Role"), 0 };
  columns[COL_OTHERS - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Other departments"), 0 };
  columns[COL_START - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Start"), 0 };
  columns[COL_DUE - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Due"), 0 };
  columns[COL_STATUS - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Status"), 0 };
  columns[COL_TARGET - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "County target"), 0 };
  columns[COL_ATTRIBUTE - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Attribute"), 0 };
  columns[COL_LATEST_VALUE - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Latest value"), 0 };
  columns[COL_LATEST_YEAR - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Year"), 0 };
  columns[COL_THIS_YEAR - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "This year"), 0 };
  columns[COL_NOTE - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Progress or note"), 0 };
  columns[COL_TEXT - SHEET_FIRST_COLUMN] = (PmXlsxColumn) { D_ (lang, "Task text"), 0 };
  for (guint c = SHEET_FIRST_COLUMN; c < PM_SCHEDULE_N_COLUMNS; c++)
    columns[c - SHEET_FIRST_COLUMN].width = widths[c];
}

/* A plain number ("95.2", "12") goes in as a number, anything else as text. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

/* The schedule title block (rows 0–2), its table below: header on row 3. */
#define SHEET_HEADER_ROW 3

static void
add_sheet (PmXlsxWriter *writer,
           PmSchedule   *schedule)
{
  g_autofree char *title = pm_schedule_dup_title (schedule);
  g_autofree char *plans = g_strjoinv ("　", (GStrv) pm_schedule_get_plan_names (schedule));
  g_autofree char *date = format_date (pm_schedule_get_exported_at (schedule));
  PmLanguage lang = pm_schedule_get_language (schedule);
  g_autofree char *exported = g_strdup_printf (D_ (lang, "Exported on %s"), date);
  g_autoptr (GPtrArray) rows = pm_schedule_list_rows (schedule, TRUE);
  lxw_format *number = pm_xlsx_writer_get_format (writer, PM_XLSX_FORMAT_NUMBER);
  PmXlsxColumn columns[SHEET_N_COLUMNS] = { { 0 } };
  guint n_columns = SHEET_N_COLUMNS;
  lxw_worksheet *sheet;
  guint row = SHEET_HEADER_ROW + 1;

  sheet_columns (columns, lang);
  sheet = pm_xlsx_writer_add_sheet (writer, pm_schedule_get_department (schedule), TRUE, title);
  worksheet_set_row (sheet, 0, 24, NULL);
  worksheet_write_string (sheet, 0, 0, title, pm_xlsx_writer_get_format (writer, PM_XLSX_FORMAT_TITLE));
  worksheet_write_string (sheet, 1, 0, plans, pm_xlsx_writer_get_format (writer, PM_XLSX_FORMAT_SUBTITLE));
  if (pm_schedule_get_work_items (schedule)->len == 0)
    {
      g_autofree char *none = g_strdup_printf (D_ (lang, "No work items have been entered for %s for %d."),
                                               pm_schedule_get_department (schedule),
                                               pm_schedule_get_year (schedule));
      g_autofree char *line = g_strdup_printf ("%s　%s", exported, none);

      worksheet_write_string (sheet, 2, 0, line, pm_xlsx_writer_get_format (writer, PM_XLSX_FORMAT_SUBTITLE));
    }
  else
    worksheet_write_string (sheet, 2, 0, exported, pm_xlsx_writer_get_format (writer, PM_XLSX_FORMAT_SUBTITLE));

  pm_xlsx_writer_write_header (writer, sheet, SHEET_HEADER_ROW, columns, n_columns);
  for (guint i = 0; i < rows->len; i++, row++)
    {
      char **fields = g_ptr_array_index (rows, i);
      double value;

      pm_xlsx_writer_write_row (writer, sheet, row, (const char *const *) fields + SHEET_FIRST_COLUMN,
                                n_columns);
      if (parse_number (fields[COL_LATEST_VALUE], &value))
        worksheet_write_number (sheet, row, COL_LATEST_VALUE - SHEET_FIRST_COLUMN, value, number);
      if (parse_number (fields[COL_LATEST_YEAR], &value))
        worksheet_write_number (sheet, row, COL_LATEST_YEAR - SHEET_FIRST_COLUMN, value, number);
    }
  pm_xlsx_writer_end_table (writer, sheet, SHEET_HEADER_ROW, row - 1, n_columns);
}

gboolean
pm_schedule_write_xlsx (GPtrArray            *schedules,
                        const char           *path,
                        PmExportProgressFunc  progress,
                        gpointer              progress_data,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr (PmXlsxWriter) writer = NULL;

  g_return_val_if_fail (schedules != NULL && schedules->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  writer = pm_xlsx_writer_new (path, error);
  if (writer == NULL)
    return FALSE;
  pm_xlsx_writer_set_language (writer, pm_schedule_get_language (g_ptr_array_index (schedules, 0)));

  for (guint i = 0; i < schedules->len; i++)
    {
      PmSchedule *schedule = g_ptr_array_index (schedules, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;  /* the writer, dropped, leaves no file */
      if (progress != NULL)
        progress ((double) i / schedules->len, pm_schedule_get_department (schedule), progress_data);
      add_sheet (writer, schedule);
    }

  return pm_xlsx_writer_close (writer, error);
}
