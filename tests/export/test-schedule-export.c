/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Schedules and the task-division table written as PDF, XLSX and CSV, and
 * read back as a person's tools would. Work items are synthetic. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "export-test-source.h"
#include "export-test-support.h"
#include "pm-csv.h"
#include "pm-department.h"
#include "pm-project.h"
#include "pm-schedule-export.h"
#include "pm-schedule-writer.h"
#include "pm-task-division.h"

static PmProject *project;
static ExportTestSource *source;

/* Synthetic work items, for tests only. */
static void
add_synthetic_items (void)
{
  export_test_source_add_item (source, "县卫生健康委", 2025, "WT1.1", "W4", "完善三级妇幼卫生服务网络（测试）",
                               "2025-01-01", "2025-06-30", PM_WORK_STATUS_IN_PROGRESS,
                               "测试备注");
  export_test_source_add_item (source, "县卫生健康委", 2025, "WT1.1", NULL, "妇幼保健院专科建设（测试）",
                               NULL, "2025-03-31", PM_WORK_STATUS_DONE, NULL);
  export_test_source_add_item (source, "县卫生健康委", 2025, "CT1.5", NULL, "儿童疾病预防宣传（测试）",
                               "2025-04-01", "2025-12-31", PM_WORK_STATUS_PLANNED, NULL);
  export_test_source_add_item (source, "县卫生健康委", 2025, NULL, "C1", "新生儿死亡率监测（测试）",
                               NULL, NULL, PM_WORK_STATUS_DELAYED, NULL);
  export_test_source_add_item (source, "县教委", 2025, "CT3.1", NULL, "学前教育普及（测试）",
                               NULL, "2025-08-31", PM_WORK_STATUS_PLANNED, NULL);
  export_test_source_add_note (source, "WT1.1", "县卫生健康委", 2024, "已完成年度目标（测试）");
}

static GPtrArray *
departments (const char *name)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *result = pm_schedule_find_departments (project, name, &error);

  g_assert_no_error (error);
  return result;
}

static GPtrArray *
schedules_of (const char *const *names)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; names[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      PmSchedule *schedule = pm_schedule_new (project, PM_SCHEDULE_SOURCE (source),
                                              pm_project_find_department (project, names[i]),
                                              2025, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (result, schedule);
    }
  return result;
}

static char *
export_one (const char *department,
            const char *dir,
            const char *file)
{
  g_autoptr (GPtrArray) list = departments (department);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) written = pm_schedule_export (project, PM_SCHEDULE_SOURCE (source), list, 2025,
                                               path, PM_EXPORT_FORMAT_PDF, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (written), ==, 1);
  g_assert_cmpstr (written[0], ==, path);
  return g_steal_pointer (&path);
}

/* Whether code stands alone (not as the start of W10 for W1) in text. */
static gboolean
has_code (const char *text,
          const char *code)
{
  g_autofree char *pattern = g_strdup_printf ("(^|\\s)%s(\\s|$)", code);

  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

/* Every line of the column headed header holds whole department names
 * (、-separated, the last 、 ending the line), never a piece of one. */
static void
assert_column_names_whole (const char *path,
                           const char *header)
{
  g_autoptr (GPtrArray) lines = export_test_pdf_column_lines (path, header);
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *list = pm_project_get_departments (project);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (PmDepartment) department = g_list_model_get_item (list, i);

      g_hash_table_add (names, (gpointer) pm_department_get_name (department));
    }

  g_assert_cmpuint (lines->len, >, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      g_auto (GStrv) items = g_strsplit (g_ptr_array_index (lines, i), "、", -1);

      for (guint j = 0; items[j] != NULL; j++)
        {
          if (items[j][0] == '\0' && items[j + 1] == NULL)
            continue;  /* the line ends with 、 */
          if (!g_hash_table_contains (names, items[j]))
            g_error ("“%s” (in “%s”) under %s is not a department’s name: one broken over two lines?",
                     items[j], (const char *) g_ptr_array_index (lines, i), header);
        }
    }
}

static void
test_pdf_never_breaks_a_department_name_over_two_lines (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *one = NULL;
  g_autofree char *all = NULL;

  if (!export_test_need_tool ("pdftotext"))
    return;

  /* in Chinese, where a line may break between any two characters */
  pm_project_set_document_language (project, PM_LANGUAGE_ZH_CN);
  one = export_one ("县财政局", dir, "finance.pdf");
  all = export_one ("all", dir, "all.pdf");
  pm_project_set_document_language (project, PM_LANGUAGE_EN);

  assert_column_names_whole (one, "牵头单位及其他单位");
  assert_column_names_whole (all, "牵头单位及其他单位");
  assert_column_names_whole (all, "配合单位");
}

static void
test_pdf_repeats_the_code_of_a_row_continued_on_the_next_page (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) codes = NULL;
  guint continued = 0;

  if (!export_test_need_tool ("pdftotext"))
    return;

  pm_project_set_document_language (project, PM_LANGUAGE_ZH_CN);
  path = export_one ("all", dir, "all.pdf");
  pm_project_set_document_language (project, PM_LANGUAGE_EN);

  /* every cell of the code column holds a code, on the page it continues
   * on too: WT1.2（续） */
  codes = export_test_pdf_column_lines (path, "代码");
  g_assert_cmpuint (codes->len, >, 0);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      if (!g_regex_match_simple ("^[A-Z]+[0-9.]+(（续）)?$", code, 0, 0))
        g_error ("“%s” in the code column is not a code", code);
      if (g_str_has_suffix (code, "（续）"))
        continued++;
    }
  g_assert_cmpuint (continued, >, 0);
}

static void
test_pdf_holds_department_task_titles_and_indicator_codes (void)
{
  const char *names[] = { "县卫生健康委", "县教委", "县妇联" };

  if (!export_test_need_tool ("pdftotext"))
    return;

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *dir = export_test_make_dir ();
      g_autofree char *path = export_one (names[n], dir, "schedule.pdf");
      g_autofree char *text = export_test_pdf_text (path, 0);
      g_autofree char *squeezed = export_test_squeeze (text);
      g_autoptr (PmSchedule) schedule = pm_schedule_new (project, PM_SCHEDULE_SOURCE (source),
                                                         pm_project_find_department (project, names[n]),
                                                         2025, NULL, NULL);
      GPtrArray *tasks = pm_schedule_get_tasks (schedule);
      GPtrArray *indicators = pm_schedule_get_indicators (schedule);
      GPtrArray *projects = pm_schedule_get_key_projects (schedule);

      g_assert_nonnull (strstr (text, names[n]));
      g_assert_nonnull (strstr (text, "work schedule for 2025"));
      g_assert_nonnull (strstr (squeezed, "云阳县妇女发展规划（2021—2030年）"));
      for (guint i = 0; i < tasks->len; i++)
        {
          const PmScheduleTask *task = g_ptr_array_index (tasks, i);
          g_autofree char *title = export_test_squeeze (task->title);

          g_assert_true (has_code (text, task->code));
          if (strstr (squeezed, title) == NULL)
            g_error ("%s: the task title “%s” is not in the PDF", names[n], task->title);
        }
      for (guint i = 0; i < indicators->len; i++)
        {
          const PmScheduleIndicator *indicator = g_ptr_array_index (indicators, i);

          if (!has_code (text, indicator->code))
            g_error ("%s: the indicator code %s is not in the PDF", names[n], indicator->code);
        }
      for (guint i = 0; i < projects->len; i++)
        g_assert_true (has_code (text, ((PmScheduleProject *) g_ptr_array_index (projects, i))->code));
    }
}

static void
test_pdf_holds_the_work_items_and_the_progress_note (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  const char *table, *first, *second, *third;

  if (!export_test_need_tool ("pdftotext"))
    return;

  path = export_one ("县卫生健康委", dir, "schedule.pdf");
  text = export_test_pdf_text (path, 0);
  squeezed = export_test_squeeze (text);

  g_assert_nonnull (strstr (squeezed, "已完成年度目标（测试）"));
  /* under its task: the item, its dates, status and indicator */
  g_assert_nonnull (strstr (squeezed, "完善三级妇幼卫生服务网络（测试）2025-01-01–2025-06-30InprogressW4"));
  /* the work-item table is in due order: March, June, December, undated */
  table = strstr (squeezed, "Workitemsfor2025,byduedate(4)");
  g_assert_nonnull (table);
  first = strstr (table, "妇幼保健院专科建设（测试）");
  second = strstr (table, "完善三级妇幼卫生服务网络（测试）");
  third = strstr (table, "儿童疾病预防宣传（测试）");
  g_assert_nonnull (first);
  g_assert_true (first < second && second < third);
  g_assert_true (third < strstr (table, "新生儿死亡率监测（测试）"));
}

static void
test_pdf_pages_are_numbered (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = NULL;
  guint n_pages;

  if (!export_test_need_tool ("pdftotext") || !export_test_need_tool ("pdfinfo"))
    return;

  path = export_one ("县妇联", dir, "schedule.pdf");
  n_pages = export_test_pdf_pages (path);
  g_assert_cmpuint (n_pages, >, 3);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = export_test_pdf_text (path, (int) page);
      g_autofree char *expected = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_nonnull (strstr (text, expected));
    }
}

static void
test_pdf_of_a_department_without_work_items_says_so (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;

  if (!export_test_need_tool ("pdftotext") || !export_test_need_tool ("pdfinfo"))
    return;

  path = export_one ("县体育局", dir, "schedule.pdf");
  text = export_test_pdf_text (path, 0);
  squeezed = export_test_squeeze (text);
  g_assert_nonnull (strstr (squeezed, "Noworkitemshavebeenenteredfor县体育局for2025."));
  g_assert_nonnull (strstr (squeezed, "县体育局leadsnoneofthekeytasksoftheplans."));
  g_assert_true (has_code (text, "W9"));
  g_assert_cmpuint (export_test_pdf_pages (path), ==, 1);
}

static void
test_pdf_longest_task_text_wraps_within_its_cell (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "schedule.pdf", NULL);
  const char *names[] = { "县人力社保局", NULL };
  g_autoptr (GPtrArray) schedules = schedules_of (names);
  g_autoptr (PmPdfDocument) document = pm_pdf_document_new (NULL);
  g_autoptr (GError) error = NULL;
  GPtrArray *tasks = pm_schedule_get_tasks (g_ptr_array_index (schedules, 0));
  guint row = G_MAXUINT;

  /* WT5.2, the longest task text of the plans (518 characters), led by 县人力社保局 */
  for (guint i = 0; i < tasks->len; i++)
    if (g_strcmp0 (((PmScheduleTask *) g_ptr_array_index (tasks, i))->code, "WT5.2") == 0)
      row = i;
  g_assert_cmpuint (row, !=, G_MAXUINT);
  g_assert_cmpint (g_utf8_strlen (((PmScheduleTask *) g_ptr_array_index (tasks, row))->text, -1), >=, 500);

  pm_schedule_add_to_pdf (g_ptr_array_index (schedules, 0), document);
  g_assert_true (pm_pdf_document_write (document, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pm_pdf_document_get_unknown_glyphs (document), ==, 0);

  /* table 0: the tasks it leads; column 1: the task */
  {
    g_autoptr (GArray) fragments = pm_pdf_document_get_cell_fragments (document, 0, row, 1);
    guint lines = 0;

    g_assert_cmpuint (fragments->len, >=, 1);
    for (guint i = 0; i < fragments->len; i++)
      {
        PmPdfCellFragment *f = &g_array_index (fragments, PmPdfCellFragment, i);

        g_assert_cmpfloat (f->text_x, >=, f->x);
        g_assert_cmpfloat (f->text_x + f->text_width, <=, f->x + f->width);
        g_assert_cmpfloat (f->text_y, >=, f->y);
        g_assert_cmpfloat (f->text_y + f->text_height, <=, f->y + f->height);
        lines += f->n_lines;
      }
    /* 518 characters at 9 pt in a column about 330 pt wide (36 characters):
     * 15 lines, and one for the section above */
    g_assert_cmpuint (lines, >=, 15);
  }
}

static void
test_pdf_of_several_departments_numbers_each_from_one (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "all.pdf", NULL);
  const char *names[] = { "县体育局", "县卫生健康委", NULL };
  g_autoptr (GPtrArray) schedules = schedules_of (names);
  g_autoptr (GError) error = NULL;
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;

  if (!export_test_need_tool ("pdftotext"))
    return;

  g_assert_true (pm_schedule_write_pdf (schedules, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  page1 = export_test_pdf_text (path, 1);
  page2 = export_test_pdf_text (path, 2);
  g_assert_nonnull (strstr (page1, "县体育局"));
  g_assert_nonnull (strstr (page1, "Page 1 of 1"));
  g_assert_nonnull (strstr (page2, "县卫生健康委"));
  g_assert_true (g_regex_match_simple ("Page 1 of [0-9]+", page2, 0, 0));
}

static void
test_xlsx_has_one_sheet_per_department_with_the_expected_cells (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "schedules.xlsx", NULL);
  const char *names[] = { "县卫生健康委", "县教委", "县体育局", NULL };
  g_autoptr (GPtrArray) schedules = schedules_of (names);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) sheets = NULL;

  if (!export_test_need_tool ("unzip"))
    return;

  g_assert_true (pm_schedule_write_xlsx (schedules, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  sheets = export_test_xlsx_sheet_names (path);
  g_assert_cmpuint (g_strv_length (sheets), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (sheets[i], ==, names[i]);

  for (guint s = 0; s < 3; s++)
    {
      g_autoptr (GHashTable) cells = export_test_xlsx_cells (path, s + 1);
      g_autoptr (GPtrArray) rows = pm_schedule_list_rows (g_ptr_array_index (schedules, s), TRUE);
      g_autofree char *title = pm_schedule_dup_title (g_ptr_array_index (schedules, s));

      g_assert_cmpstr (g_hash_table_lookup (cells, "A1"), ==, title);
      g_assert_cmpstr (g_hash_table_lookup (cells, "A4"), ==, "Part");
      g_assert_cmpstr (g_hash_table_lookup (cells, "B4"), ==, "Code");
      g_assert_cmpstr (g_hash_table_lookup (cells, "C4"), ==, "Title");

      /* every row, every column but department and year (A = part) */
      for (guint r = 0; r < rows->len; r++)
        {
          char **fields = g_ptr_array_index (rows, r);

          for (guint c = 2; c < PM_SCHEDULE_N_COLUMNS; c++)
            {
              g_autofree char *ref = g_strdup_printf ("%c%u", 'A' + (c - 2), r + 5);
              const char *cell = g_hash_table_lookup (cells, ref);

              if (fields[c][0] == '\0')
                g_assert_null (cell);
              else
                g_assert_cmpstr (cell, ==, fields[c]);
            }
        }
    }

  /* 县体育局 has no work items: its sheet says so under the title */
  {
    g_autoptr (GHashTable) cells = export_test_xlsx_cells (path, 3);

    g_assert_true (g_str_has_suffix (g_hash_table_lookup (cells, "A3"),
                                     "No work items have been entered for 县体育局 for 2025."));
  }

  /* 县卫生健康委: its first task, then that task's first work item */
  {
    g_autoptr (GHashTable) cells = export_test_xlsx_cells (path, 1);

    g_assert_cmpstr (g_hash_table_lookup (cells, "A5"), ==, "Key task (lead)");
    g_assert_cmpstr (g_hash_table_lookup (cells, "B5"), ==, "WT1.1");
    g_assert_cmpstr (g_hash_table_lookup (cells, "C5"), ==, "加强妇幼健康服务体系建设");
    g_assert_cmpstr (g_hash_table_lookup (cells, "A6"), ==, "Work item");
    g_assert_cmpstr (g_hash_table_lookup (cells, "C6"), ==, "妇幼保健院专科建设（测试）");
    g_assert_cmpstr (g_hash_table_lookup (cells, "J6"), ==, "2025-03-31");
  }
}

static void
test_xlsx_freezes_and_repeats_the_header_and_prints_landscape (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "schedules.xlsx", NULL);
  const char *names[] = { "县卫生健康委", "县教委", NULL };
  g_autoptr (GPtrArray) schedules = schedules_of (names);
  g_autoptr (GError) error = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *workbook = NULL;

  if (!export_test_need_tool ("unzip"))
    return;

  g_assert_true (pm_schedule_write_xlsx (schedules, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  sheet = export_test_xlsx_part (path, "xl/worksheets/sheet2.xml");
  workbook = export_test_xlsx_part (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (sheet, "ySplit=\"4\""));
  g_assert_nonnull (strstr (sheet, "orientation=\"landscape\""));
  g_assert_nonnull (strstr (sheet, "fitToHeight=\"0\""));
  g_assert_nonnull (strstr (workbook, "'县教委'!$4:$4"));
  /* printed: every column, the task's text (the last) too */
  g_assert_true (g_regex_match_simple ("'县教委'!\\$A\\$1:\\$R\\$[0-9]+<", workbook, 0, 0));
}

static void
test_xlsx_wraps_the_task_text_and_fits_the_part_column (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "finance.xlsx", NULL);
  const char *names[] = { "县财政局", NULL };
  g_autoptr (GPtrArray) schedules = NULL;
  g_autoptr (GHashTable) cells = NULL;
  g_autoptr (GError) error = NULL;

  if (!export_test_need_tool ("unzip"))
    return;

  pm_project_set_document_language (project, PM_LANGUAGE_ZH_CN);
  schedules = schedules_of (names);
  pm_project_set_document_language (project, PM_LANGUAGE_EN);
  g_assert_true (pm_schedule_write_xlsx (schedules, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  cells = export_test_xlsx_cells (path, 1);
  g_assert_cmpstr (g_hash_table_lookup (cells, "R4"), ==, "任务原文");
  g_assert_cmpstr (g_hash_table_lookup (cells, "A5"), ==, "重点任务（配合）");
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (cells, "R5"), "保障妇女孕产期健康和母婴安全。"));
  g_assert_true (export_test_xlsx_cell_wraps (path, 1, "R5"));
  /* 重点任务（配合）: 8 CJK characters, 16 units and one of room */
  g_assert_cmpfloat (export_test_xlsx_column_width (path, 1, 1), >=, 17);
  /* the task's text wraps in a column a person can read, not 80 wide */
  g_assert_cmpfloat (export_test_xlsx_column_width (path, 1, 18), <=, 60);
}

static void
test_csv_round_trips_row_by_row (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "schedules.csv", NULL);
  const char *names[] = { "县卫生健康委", "县教委", "县体育局", NULL };
  g_autoptr (GPtrArray) schedules = schedules_of (names);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmCsvTable) table = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint r = 1;

  g_assert_true (pm_schedule_write_csv (schedules, path, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, PM_CSV_BOM));

  table = pm_csv_parse (contents, (gssize) length, &error);
  g_assert_no_error (error);
  {
    g_autofree char *header = g_strjoinv (",", table->rows->pdata[0]);

    g_assert_cmpstr (header, ==,
                     "department,year,part,code,title,section,task,indicator,role,"
                     "other_departments,start,due,status,county_target,attribute,latest_value,"
                     "latest_year,this_year,note,text");
  }

  for (guint s = 0; s < schedules->len; s++)
    {
      g_autoptr (GPtrArray) rows = pm_schedule_list_rows (g_ptr_array_index (schedules, s), FALSE);

      for (guint i = 0; i < rows->len; i++, r++)
        {
          char **expected = g_ptr_array_index (rows, i);
          char **got = table->rows->pdata[r];

          g_assert_cmpuint (g_strv_length (got), ==, PM_SCHEDULE_N_COLUMNS);
          for (guint c = 0; c < PM_SCHEDULE_N_COLUMNS; c++)
            g_assert_cmpstr (got[c], ==, expected[c]);
        }
    }
  g_assert_cmpuint (table->rows->len, ==, r);
}

static void
test_csv_uses_machine_names (void)
{
  const char *names[] = { "县卫生健康委", NULL };
  g_autoptr (GPtrArray) schedules = schedules_of (names);
  g_autofree char *csv = pm_schedule_to_csv (schedules);

  g_assert_nonnull (strstr (csv, "\r\n县卫生健康委,2025,task-lead,WT1.1,加强妇幼健康服务体系建设,"));
  g_assert_nonnull (strstr (csv, ",lead,,,,\"2: 1 in-progress, 1 done\","));
  g_assert_nonnull (strstr (csv, ",work-item,,妇幼保健院专科建设（测试）,,WT1.1,,,,,2025-03-31,done,"));
  g_assert_nonnull (strstr (csv, ",indicator,W3,孕产妇死亡率（1/10万）,妇女与健康,,,lead,,,,"));
}

static void
test_csv_guards_a_work_item_a_spreadsheet_would_run (void)
{
  g_autoptr (ExportTestSource) own = export_test_source_new ();
  g_autoptr (PmSchedule) schedule = NULL;
  g_autoptr (GPtrArray) schedules = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;

  export_test_source_add_item (own, "县妇联", 2025, "WT1.1", NULL, "=HYPERLINK(\"x\",\"y\")",
                               NULL, "2025-03-31", PM_WORK_STATUS_DONE, "@SUM(1+1)");
  schedule = pm_schedule_new (project, PM_SCHEDULE_SOURCE (own),
                              pm_project_find_department (project, "县妇联"), 2025, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (schedules, schedule);
  csv = pm_schedule_to_csv (schedules);

  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\","));
  g_assert_nonnull (strstr (csv, ",'@SUM(1+1),"));
  g_assert_null (strstr (csv, ",=HYPERLINK"));
  g_assert_null (strstr (csv, ",@SUM"));
}

static void
test_folder_gets_one_file_per_department (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (GPtrArray) all = departments ("all");
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) written = pm_schedule_export (project, PM_SCHEDULE_SOURCE (source), all, 2025, dir,
                                               PM_EXPORT_FORMAT_CSV, NULL, &error);
  g_autofree char *expected = g_build_filename (dir, "县妇联-2025.csv", NULL);
  g_autoptr (GDir) listing = NULL;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (written), ==, 38);
  g_assert_true (g_strv_contains ((const char *const *) written, expected));
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing))
    n++;
  g_assert_cmpuint (n, ==, 38);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
test_destination_of_unknown_type_is_refused (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "schedule.docx", NULL);
  g_autoptr (GPtrArray) list = departments ("县妇联");
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) written = pm_schedule_export (project, NULL, list, 2025, path,
                                               PM_EXPORT_FORMAT_PDF, NULL, &error);

  g_assert_null (written);
  g_assert_error (error, PM_ERROR, PM_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "schedule.docx"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GMainLoop *loop;
  GThread *main_thread;
  GArray *fractions;
  gboolean progress_freed;
  GStrv written;
  GError *error;
} AsyncRun;

static void
progress_cb (double      fraction,
             const char *what,
             gpointer    user_data)
{
  AsyncRun *run = user_data;

  g_assert_true (g_thread_self () == run->main_thread);
  g_array_append_val (run->fractions, fraction);
}

static void
progress_freed_cb (gpointer user_data)
{
  AsyncRun *run = user_data;

  g_assert_true (g_thread_self () == run->main_thread);
  run->progress_freed = TRUE;
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->written = pm_schedule_export_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_async_reports_progress_on_the_calling_thread_and_lists_the_files (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "schedules.pdf", NULL);
  g_autoptr (GPtrArray) list = departments ("all");
  AsyncRun run = { 0 };

  run.loop = g_main_loop_new (NULL, FALSE);
  run.main_thread = g_thread_self ();
  run.fractions = g_array_new (FALSE, FALSE, sizeof (double));

  g_ptr_array_set_size (list, 5);
  pm_schedule_export_async (project, PM_SCHEDULE_SOURCE (source), list, 2025, path,
                            PM_EXPORT_FORMAT_PDF, progress_cb, &run, progress_freed_cb, NULL,
                            exported_cb, &run);
  g_main_loop_run (run.loop);

  g_assert_no_error (run.error);
  g_assert_cmpuint (g_strv_length (run.written), ==, 1);
  g_assert_cmpstr (run.written[0], ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* the progress data is released on this thread too, once the worker
   * thread lets go of the job (maybe just after the callback) */
  while (!run.progress_freed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (run.fractions->len, >, 5);
  g_assert_cmpfloat (g_array_index (run.fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (run.fractions, double, run.fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < run.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (run.fractions, double, i), >=,
                       g_array_index (run.fractions, double, i - 1));

  g_strfreev (run.written);
  g_array_unref (run.fractions);
  g_main_loop_unref (run.loop);
}

static void
test_async_cancelled_export_leaves_no_file (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "schedules.xlsx", NULL);
  g_autoptr (GPtrArray) list = departments ("all");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GDir) listing = NULL;
  AsyncRun run = { 0 };

  run.loop = g_main_loop_new (NULL, FALSE);
  pm_schedule_export_async (project, PM_SCHEDULE_SOURCE (source), list, 2025, path,
                            PM_EXPORT_FORMAT_PDF, NULL, NULL, NULL, cancellable,
                            exported_cb, &run);
  g_cancellable_cancel (cancellable);
  g_main_loop_run (run.loop);

  g_assert_null (run.written);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));

  g_clear_error (&run.error);
  g_main_loop_unref (run.loop);
}

static void
test_task_division_csv_lists_every_task_with_departments_and_counts (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmTaskDivision) division = pm_task_division_new (project, PM_SCHEDULE_SOURCE (source),
                                                              2025, NULL, &error);
  g_autofree char *csv = NULL;
  g_autoptr (PmCsvTable) table = NULL;
  char **wt11 = NULL;

  g_assert_no_error (error);
  csv = pm_task_division_to_csv (division);
  g_assert_true (g_str_has_prefix (csv, PM_CSV_BOM));
  table = pm_csv_parse (csv, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 89 + 1);
  {
    g_autofree char *header = g_strjoinv (",", table->rows->pdata[0]);

    g_assert_cmpstr (header, ==, "year,plan,code,section,title,lead_department,"
                                 "cooperating_departments,work_items,planned,in_progress,done,"
                                 "delayed,cancelled");
  }
  for (guint i = 1; i < table->rows->len; i++)
    if (g_strcmp0 (((char **) table->rows->pdata[i])[2], "WT1.1") == 0)
      wt11 = table->rows->pdata[i];
  g_assert_nonnull (wt11);
  g_assert_cmpstr (wt11[0], ==, "2025");
  g_assert_cmpstr (wt11[4], ==, "加强妇幼健康服务体系建设");
  g_assert_cmpstr (wt11[5], ==, "县卫生健康委");
  g_assert_cmpstr (wt11[6], ==, "");
  g_assert_cmpstr (wt11[7], ==, "2");
  g_assert_cmpstr (wt11[9], ==, "1");  /* in progress */
  g_assert_cmpstr (wt11[10], ==, "1"); /* done */
}

static void
test_task_division_pdf_never_breaks_a_department_name_over_two_lines (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "division.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmTaskDivision) division = NULL;

  if (!export_test_need_tool ("pdftotext"))
    return;

  pm_project_set_document_language (project, PM_LANGUAGE_ZH_CN);
  division = pm_task_division_new (project, PM_SCHEDULE_SOURCE (source), 2025, NULL, &error);
  pm_project_set_document_language (project, PM_LANGUAGE_EN);
  g_assert_no_error (error);
  g_assert_true (pm_task_division_write (division, path, NULL, &error));
  g_assert_no_error (error);

  assert_column_names_whole (path, "牵头单位");
  assert_column_names_whole (path, "配合单位");
}

static void
test_task_division_pdf_holds_every_task (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "division.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmTaskDivision) division = pm_task_division_new (project, PM_SCHEDULE_SOURCE (source),
                                                              2025, NULL, &error);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *info = NULL;
  GPtrArray *rows;

  if (!export_test_need_tool ("pdftotext") || !export_test_need_tool ("pdfinfo"))
    return;

  g_assert_true (pm_task_division_write (division, path, NULL, &error));
  g_assert_no_error (error);
  text = export_test_pdf_text (path, 0);
  squeezed = export_test_squeeze (text);
  rows = pm_task_division_get_rows (division);
  for (guint i = 0; i < rows->len; i++)
    {
      const PmTaskDivisionRow *row = g_ptr_array_index (rows, i);
      g_autofree char *title = export_test_squeeze (row->title);

      g_assert_true (has_code (text, row->code));
      g_assert_nonnull (strstr (squeezed, title));
    }
  info = export_test_run ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "841.89 x 595.276 pts (A4)"));
}

static void
test_task_division_xlsx_reads_back (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "division.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmTaskDivision) division = pm_task_division_new (project, PM_SCHEDULE_SOURCE (source),
                                                              2025, NULL, &error);
  g_autoptr (GHashTable) cells = NULL;

  if (!export_test_need_tool ("unzip"))
    return;

  g_assert_true (pm_task_division_write (division, path, NULL, &error));
  g_assert_no_error (error);
  cells = export_test_xlsx_cells (path, 1);
  g_assert_cmpstr (g_hash_table_lookup (cells, "B3"), ==, "Code");
  g_assert_cmpstr (g_hash_table_lookup (cells, "B4"), ==, "WT1.1");
  g_assert_cmpstr (g_hash_table_lookup (cells, "D4"), ==, "加强妇幼健康服务体系建设");
  g_assert_cmpstr (g_hash_table_lookup (cells, "E4"), ==, "县卫生健康委");
  g_assert_cmpstr (g_hash_table_lookup (cells, "G4"), ==, "2");
  g_assert_cmpstr (g_hash_table_lookup (cells, "B92"), ==, "CT7.7");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  project = pm_project_new_from_template (&error);
  g_assert_no_error (error);
  /* the tests read the English words, but those of the Chinese default */
  pm_project_set_document_language (project, PM_LANGUAGE_EN);
  source = export_test_source_new ();
  add_synthetic_items ();

  g_test_add_func ("/export/schedule/pdf/holds-department-task-titles-and-indicator-codes",
                   test_pdf_holds_department_task_titles_and_indicator_codes);
  g_test_add_func ("/export/schedule/pdf/holds-the-work-items-and-the-progress-note",
                   test_pdf_holds_the_work_items_and_the_progress_note);
  g_test_add_func ("/export/schedule/pdf/pages-are-numbered", test_pdf_pages_are_numbered);
  g_test_add_func ("/export/schedule/pdf/never-breaks-a-department-name-over-two-lines",
                   test_pdf_never_breaks_a_department_name_over_two_lines);
  g_test_add_func ("/export/schedule/pdf/repeats-the-code-of-a-row-continued-on-the-next-page",
                   test_pdf_repeats_the_code_of_a_row_continued_on_the_next_page);
  g_test_add_func ("/export/schedule/pdf/of-a-department-without-work-items-says-so",
                   test_pdf_of_a_department_without_work_items_says_so);
  g_test_add_func ("/export/schedule/pdf/longest-task-text-wraps-within-its-cell",
                   test_pdf_longest_task_text_wraps_within_its_cell);
  g_test_add_func ("/export/schedule/pdf/of-several-departments-numbers-each-from-one",
                   test_pdf_of_several_departments_numbers_each_from_one);
  g_test_add_func ("/export/schedule/xlsx/has-one-sheet-per-department-with-the-expected-cells",
                   test_xlsx_has_one_sheet_per_department_with_the_expected_cells);
  g_test_add_func ("/export/schedule/xlsx/freezes-and-repeats-the-header-and-prints-landscape",
                   test_xlsx_freezes_and_repeats_the_header_and_prints_landscape);
  g_test_add_func ("/export/schedule/xlsx/wraps-the-task-text-and-fits-the-part-column",
                   test_xlsx_wraps_the_task_text_and_fits_the_part_column);
  g_test_add_func ("/export/schedule/csv/round-trips-row-by-row", test_csv_round_trips_row_by_row);
  g_test_add_func ("/export/schedule/csv/uses-machine-names", test_csv_uses_machine_names);
  g_test_add_func ("/export/schedule/csv/guards-a-work-item-a-spreadsheet-would-run",
                   test_csv_guards_a_work_item_a_spreadsheet_would_run);
  g_test_add_func ("/export/schedule/folder-gets-one-file-per-department",
                   test_folder_gets_one_file_per_department);
  g_test_add_func ("/export/schedule/destination-of-unknown-type-is-refused",
                   test_destination_of_unknown_type_is_refused);
  g_test_add_func ("/export/schedule/async/reports-progress-on-the-calling-thread-and-lists-the-files",
                   test_async_reports_progress_on_the_calling_thread_and_lists_the_files);
  g_test_add_func ("/export/schedule/async/cancelled-export-leaves-no-file",
                   test_async_cancelled_export_leaves_no_file);
  g_test_add_func ("/export/task-division/csv-lists-every-task-with-departments-and-counts",
                   test_task_division_csv_lists_every_task_with_departments_and_counts);
  g_test_add_func ("/export/task-division/pdf-holds-every-task", test_task_division_pdf_holds_every_task);
  g_test_add_func ("/export/task-division/pdf-never-breaks-a-department-name-over-two-lines",
                   test_task_division_pdf_never_breaks_a_department_name_over_two_lines);
  g_test_add_func ("/export/task-division/xlsx-reads-back", test_task_division_xlsx_reads_back);

  status = g_test_run ();
  g_clear_object (&source);
  g_clear_object (&project);
  return status;
}
