/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The project file: creating, opening, write-through edits with history,
 * undo and redo, work items, department reports, copies, reporting views. */
#include "config.h"

#include <float.h>
#include <locale.h>
#include <malloc.h>
#include <math.h>
#include <string.h>

#include "pm-catalogue-export.h"
#include "pm-indicator.h"
#include "pm-key-project.h"
#include "pm-observation.h"
#include "pm-project.h"
#include "pm-store.h"
#include "pm-task.h"
#include "store-test-util.h"

static PmStore *
open_store (const char      *path,
            PmStoreOpenFlags flags)
{
  g_autoptr (GError) error = NULL;
  PmStore *store = pm_store_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static PmObservation *
find_observation (PmStore    *store,
                  const char *code,
                  int         year)
{
  PmIndicator *indicator = pm_project_find_indicator (pm_store_get_project (store), code);

  g_assert_nonnull (indicator);
  return pm_indicator_find_observation (indicator, year, NULL);
}

static void
set_value (PmStore    *store,
           const char *code,
           int         year,
           double      value)
{
  g_autoptr (GError) error = NULL;

  pm_store_set_observation (store, code, year, NULL, value, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
}

static void
test_create_writes_the_catalogue_into_the_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) template = pm_project_new_from_template (&error);
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_ONLY);
  g_autofree char *expected = NULL;
  g_autofree char *loaded = NULL;

  g_assert_no_error (error);
  expected = pm_catalogue_to_csv (template);
  loaded = pm_catalogue_to_csv (pm_store_get_project (store));
  g_assert_cmpstr (loaded, ==, expected);

  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM indicators"), ==, 175);
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM tasks"), ==, 89);
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM key_projects"), ==, 29);
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM departments"), ==, 38);
}

static void
test_create_keeps_the_2011_2020_results_as_printed (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autofree char *row = NULL;

  /* HW1: 女性平均受教育年限, 9 years in 2010, target >12, 11.3 in 2020 */
  row = store_test_query_text (path, "SELECT value_2010, target_2020, value_2020 "
                                     "FROM indicators WHERE code = 'HW1'");
  g_assert_cmpstr (row, ==, "9.000000|>12|11.300000");
}

static void
test_create_loads_tasks_and_key_projects_with_their_departments (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) template = pm_project_new_from_template (&error);
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_ONLY);
  PmProject *project = pm_store_get_project (store);
  GListModel *tasks = pm_project_get_tasks (project);
  GListModel *template_tasks = pm_project_get_tasks (template);

  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, g_list_model_get_n_items (template_tasks));
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr (PmTask) task = g_list_model_get_item (tasks, i);
      g_autoptr (PmTask) expected = g_list_model_get_item (template_tasks, i);
      GListModel *departments = pm_task_get_departments (task);
      GListModel *expected_departments = pm_task_get_departments (expected);

      g_assert_cmpstr (pm_task_get_code (task), ==, pm_task_get_code (expected));
      g_assert_cmpstr (pm_task_get_text (task), ==, pm_task_get_text (expected));
      g_assert_cmpuint (g_list_model_get_n_items (departments), ==,
                        g_list_model_get_n_items (expected_departments));
    }

  g_assert_cmpuint (g_list_model_get_n_items (pm_project_get_key_projects (project)), ==,
                    g_list_model_get_n_items (pm_project_get_key_projects (template)));
  for (guint i = 0; i < g_list_model_get_n_items (pm_project_get_key_projects (project)); i++)
    {
      g_autoptr (PmKeyProject) key_project =
        g_list_model_get_item (pm_project_get_key_projects (project), i);
      g_autoptr (PmKeyProject) expected =
        g_list_model_get_item (pm_project_get_key_projects (template), i);

      g_assert_cmpstr (pm_key_project_get_code (key_project), ==,
                       pm_key_project_get_code (expected));
      g_assert_cmpuint (g_list_model_get_n_items (pm_key_project_get_departments (key_project)),
                        ==,
                        g_list_model_get_n_items (pm_key_project_get_departments (expected)));
    }
}

static void
test_create_marks_the_file_as_ours (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");

  g_assert_cmpint (store_test_query_int (path, "PRAGMA application_id"), ==,
                   PM_STORE_APPLICATION_ID);
  g_assert_cmpint (store_test_query_int (path, "PRAGMA user_version"), ==,
                   PM_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (store_test_query_text (path, "PRAGMA foreign_key_check"), ==, "");
}

static void
test_create_refuses_an_existing_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.pmproj", NULL);
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;

  store_test_write (path, "my notes\n");
  before = store_test_checksum (path);

  store = pm_store_create_from_template (path, &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "already exists"));
  g_assert_cmpstr (store_test_checksum (path), ==, before);
}

static void
test_create_refuses_a_missing_folder (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;

  store = pm_store_create_from_template ("/nonexistent-folder/county.pmproj", &error);
  g_assert_null (store);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder"));
}

static void
test_closed_project_is_one_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "county.pmproj", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_create_from_template (path, &error);
  g_autoptr (GPtrArray) names = NULL;

  g_assert_no_error (error);
  set_value (store, "W1", 2021, 12.5);
  pm_store_close (store);

  /* no journal, WAL or lock file left beside it: the file alone is complete */
  names = store_test_dir_list (dir);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "county.pmproj");
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observations"), ==, 1);
  g_assert_cmpstr (store_test_query_text (path, "PRAGMA journal_mode"), ==, "delete");
}

static void
test_open_rebuilds_the_model_from_the_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = NULL;
  PmIndicator *indicator;

  /* a change made with any SQLite tool shows: the template is not read */
  store_test_exec (path, "UPDATE indicators SET name = 'renamed in the file' WHERE code = 'W1'");
  store = open_store (path, PM_STORE_OPEN_READ_ONLY);
  indicator = pm_project_find_indicator (pm_store_get_project (store), "W1");
  g_assert_cmpstr (pm_indicator_get_name (indicator), ==, "renamed in the file");
}

static void
test_open_reads_values_written_by_other_tools (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = NULL;
  PmObservation *observation;

  /* with the sqlite3 shell, say: a value left empty, and a note holding a
   * character the store never writes (the loader's separator) */
  store_test_exec (path, "INSERT INTO observations (indicator, year, area, value, text, note, "
                         "provisional, changed_at, changed_by) VALUES "
                         "('W2', 2021, 'county', NULL, '待核实', NULL, 1, "
                         "'2024-05-01T08:00:00Z', 'sqlite3'), "
                         "('W1', 2022, 'county', 76.5, NULL, 'a' || char (31) || 'b', 0, "
                         "'2024-05-01T08:00:00Z', 'sqlite3'), "
                         "('C1', 2022, 'county', 4.25, NULL, NULL, 1, "
                         "'2024-05-02T08:00:00Z', 'sqlite3')");

  store = open_store (path, PM_STORE_OPEN_READ_ONLY);
  observation = find_observation (store, "W2", 2021);
  g_assert_true (isnan (pm_observation_get_value (observation)));
  g_assert_cmpstr (pm_observation_get_text (observation), ==, "待核实");
  g_assert_true (pm_observation_get_provisional (observation));
  observation = find_observation (store, "W1", 2022);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 76.5);
  g_assert_cmpstr (pm_observation_get_note (observation), ==, "a\x1f" "b");
  observation = find_observation (store, "C1", 2022);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 4.25);
  g_assert_true (pm_observation_get_provisional (observation));
  g_assert_cmpstr (pm_observation_get_changed_by (observation), ==, "sqlite3");
}

static void
test_edit_is_written_through_at_once (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autoptr (PmStore) reader = NULL;
  PmObservation *observation;

  set_value (store, "W1", 2022, 88.5);

  /* another connection sees it while the store stays open */
  g_assert_cmpstr (store_test_query_text (path, "SELECT value FROM observations "
                                                "WHERE indicator = 'W1' AND year = 2022"),
                   ==, "88.500000");
  reader = open_store (path, PM_STORE_OPEN_READ_ONLY);
  observation = find_observation (reader, "W1", 2022);
  g_assert_nonnull (observation);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 88.5);
  g_assert_cmpstr (pm_observation_get_changed_by (observation), ==,
                   pm_store_get_user_name (store));

  /* and the model of the writing store has it too */
  observation = find_observation (store, "W1", 2022);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 88.5);
}

static void
test_edit_keeps_every_field_and_value_exactly (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autoptr (PmStore) reader = NULL;
  g_autoptr (GError) error = NULL;
  const double values[] = { 0.1 + 0.2, 1e-300, 123456789.123456789, -0.000001, 95.3,
                            DBL_TRUE_MIN, 1.0 / 3.0 };
  PmObservation *observation;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    set_value (store, "C1", 2021 + i, values[i]);
  pm_store_set_observation (store, "W4", 2023, "county", 95.5, "９５.５%",
                            "第一行\n第二行, with \"quotes\"", "县统计局", TRUE, &error);
  g_assert_no_error (error);
  pm_store_close (store);

  reader = open_store (path, PM_STORE_OPEN_READ_ONLY);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      observation = find_observation (reader, "C1", 2021 + i);
      g_assert_nonnull (observation);
      g_assert_true (memcmp (&values[i], &(double) { pm_observation_get_value (observation) },
                             sizeof (double)) == 0);
    }

  observation = find_observation (reader, "W4", 2023);
  g_assert_cmpfloat (pm_observation_get_value (observation), ==, 95.5);
  g_assert_cmpstr (pm_observation_get_text (observation), ==, "９５.５%");
  g_assert_cmpstr (pm_observation_get_note (observation), ==, "第一行\n第二行, with \"quotes\"");
  g_assert_cmpstr (pm_observation_get_source (observation), ==, "县统计局");
  g_assert_true (pm_observation_get_provisional (observation));
  g_assert_nonnull (pm_observation_get_changed_at (observation));
}

/* libgda's SQLite provider leaked ~30 KB at every write that bound a NULL
 * (an edit without a note): 1,500 edits grew the heap by ~50 MB. */
static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

static void
test_edit_keeps_memory_flat_over_many_edits (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  const int n_warm = 300, n_measured = 1500;
  gsize before = 0, after;

  for (int i = 0; i < n_warm + n_measured; i++)
    {
      g_autoptr (GError) error = NULL;

      if (i == n_warm)
        before = heap_in_use ();
      /* the window's edit: a value, sometimes a note, with its history row */
      pm_store_set_observation (store, i % 2 ? "W1" : "C1", 2021 + i % 10, "county",
                                i % 100, NULL, i % 3 ? NULL : "checked", NULL, FALSE, &error);
      g_assert_no_error (error);
    }
  after = heap_in_use ();

  g_test_message ("heap %zu → %zu bytes over %d edits", before, after, n_measured);
  g_assert_cmpint ((gssize) (after - before), <, 1500 * 1024);
}

static void
test_edit_refuses_bad_values (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autofree char *before = NULL;
  struct
  {
    const char *code;
    int year;
    double value;
    const char *text;
    const char *note;
    const char *expected;
  } cases[] = {
    { "W999", 2023, 1, NULL, NULL, "W999" },
    { "W1", 2009, 1, NULL, NULL, "2009" },
    { "W1", 2031, 1, NULL, NULL, "2031" },
    { "W1", 2023, NAN, NULL, NULL, "not a number" },
    { "W1", 2023, INFINITY, NULL, NULL, "not a number" },
    { "W1", 2023, 5, "６", NULL, "does not read as" },
    { "W1", 2023, 5, NULL, "bell\a", "control character" },
  };

  pm_store_close (store);
  before = store_test_checksum (path);
  g_clear_object (&store);
  store = open_store (path, PM_STORE_OPEN_READ_WRITE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (pm_store_set_observation (store, cases[i].code, cases[i].year, NULL,
                                                cases[i].value, cases[i].text, cases[i].note,
                                                NULL, FALSE, &error));
      g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }

  g_assert_false (pm_store_can_undo (store));
  pm_store_close (store);
  g_assert_cmpstr (store_test_checksum (path), ==, before);
}

static void
test_history_records_every_change_with_old_and_new_value (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  PmHistoryEntry *entry;

  set_value (store, "W2", 2021, 10);
  set_value (store, "W2", 2021, 11);
  pm_store_delete_observation (store, "W2", 2021, NULL, &error);
  g_assert_no_error (error);

  history = pm_store_list_history (store, "W2", 2021, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);

  /* newest first */
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpint (entry->action, ==, PM_HISTORY_DELETE);
  g_assert_cmpfloat (entry->old_value, ==, 11);
  g_assert_true (isnan (entry->new_value));

  entry = g_ptr_array_index (history, 1);
  g_assert_cmpint (entry->action, ==, PM_HISTORY_UPDATE);
  g_assert_cmpfloat (entry->old_value, ==, 10);
  g_assert_cmpfloat (entry->new_value, ==, 11);
  g_assert_cmpint (entry->origin, ==, PM_HISTORY_ORIGIN_EDIT);

  entry = g_ptr_array_index (history, 2);
  g_assert_cmpint (entry->action, ==, PM_HISTORY_INSERT);
  g_assert_true (isnan (entry->old_value));
  g_assert_cmpfloat (entry->new_value, ==, 10);
  g_assert_cmpstr (entry->code, ==, "W2");
  g_assert_cmpstr (entry->area, ==, "county");
  g_assert_cmpstr (entry->changed_by, ==, pm_store_get_user_name (store));
  g_assert_nonnull (entry->changed_at);

  g_assert_null (find_observation (store, "W2", 2021));
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observation_history"), ==,
                   3);
}

static void
test_history_names_the_os_user_unless_set (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  const char *real_name = g_get_real_name ();
  const char *expected = g_strcmp0 (real_name, "Unknown") != 0 && *real_name
                           ? real_name : g_get_user_name ();

  g_assert_cmpstr (pm_store_get_user_name (store), ==, expected);

  pm_store_set_user_name (store, "  王芳  ");
  g_assert_cmpstr (pm_store_get_user_name (store), ==, "王芳");
  set_value (store, "W2", 2022, 3);
  g_assert_cmpstr (store_test_query_text (path, "SELECT changed_by FROM observation_history"),
                   ==, "王芳");
  g_assert_cmpstr (store_test_query_text (path, "SELECT changed_by FROM observations"), ==,
                   "王芳");

  pm_store_set_user_name (store, NULL);
  g_assert_cmpstr (pm_store_get_user_name (store), ==, expected);
}

static void
test_undo_and_redo_write_through_with_history (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (pm_store_can_undo (store));
  set_value (store, "W4", 2021, 1);
  set_value (store, "W4", 2021, 2);
  g_assert_true (pm_store_can_undo (store));
  g_assert_cmpstr (pm_store_get_undo_label (store), ==, "Change W4 2021");

  g_assert_true (pm_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (pm_observation_get_value (find_observation (store, "W4", 2021)), ==, 1);
  g_assert_cmpstr (store_test_query_text (path, "SELECT value FROM observations"), ==,
                   "1.000000");
  g_assert_true (pm_store_can_redo (store));

  g_assert_true (pm_store_undo (store, &error));
  g_assert_null (find_observation (store, "W4", 2021));
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observations"), ==, 0);
  g_assert_false (pm_store_can_undo (store));
  g_assert_false (pm_store_undo (store, &error));
  g_clear_error (&error);

  g_assert_true (pm_store_redo (store, &error));
  g_assert_true (pm_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (pm_observation_get_value (find_observation (store, "W4", 2021)), ==, 2);
  g_assert_false (pm_store_can_redo (store));

  history = pm_store_list_history (store, NULL, 0, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 6);
  g_assert_cmpint (((PmHistoryEntry *) g_ptr_array_index (history, 0))->origin, ==,
                   PM_HISTORY_ORIGIN_REDO);
  g_assert_cmpint (((PmHistoryEntry *) g_ptr_array_index (history, 2))->origin, ==,
                   PM_HISTORY_ORIGIN_UNDO);
  g_assert_cmpint (((PmHistoryEntry *) g_ptr_array_index (history, 2))->action, ==,
                   PM_HISTORY_DELETE);
}

static void
test_new_edit_clears_redo (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autoptr (GError) error = NULL;

  set_value (store, "W4", 2021, 1);
  pm_store_undo (store, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_can_redo (store));
  set_value (store, "W4", 2022, 5);
  g_assert_false (pm_store_can_redo (store));
  g_assert_null (pm_store_get_redo_label (store));
}

static void
test_read_only_store_refuses_edits (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autofree char *before = store_test_checksum (path);
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_ONLY);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmWorkItem) item = pm_work_item_new ("县妇联", 2023, "培训");

  g_assert_true (pm_store_is_read_only (store));
  g_assert_false (pm_store_set_observation (store, "W1", 2021, NULL, 1, NULL, NULL, NULL, FALSE,
                                            &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (pm_store_add_work_item (store, item, &error), ==, 0);
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY);
  pm_store_close (store);

  g_assert_cmpstr (store_test_checksum (path), ==, before);
}

static void
test_work_items_are_added_listed_changed_and_deleted (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autoptr (PmWorkItem) item = pm_work_item_new ("县卫生健康委", 2023, "妇幼健康培训");
  g_autoptr (PmWorkItem) read = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  item->indicator_code = g_strdup ("W1");
  item->task_code = g_strdup ("WT1.1");
  item->starts_on = g_strdup ("2023-03-01");
  item->due_on = g_strdup ("2023-06-30");
  item->note = g_strdup ("每季度一次");
  id = pm_store_add_work_item (store, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  read = pm_store_get_work_item (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->title, ==, "妇幼健康培训");
  g_assert_cmpstr (read->department, ==, "县卫生健康委");
  g_assert_cmpstr (read->task_code, ==, "WT1.1");
  g_assert_cmpstr (read->due_on, ==, "2023-06-30");
  g_assert_cmpint (read->status, ==, PM_WORK_STATUS_PLANNED);
  g_assert_cmpstr (read->changed_by, ==, pm_store_get_user_name (store));

  read->status = PM_WORK_STATUS_DELAYED;
  pm_store_update_work_item (store, read, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (store_test_query_text (path, "SELECT status FROM work_items"), ==, "delayed");

  items = pm_store_list_work_items (store, "县卫生健康委", 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = pm_store_list_work_items (store, "县妇联", 0, &error);
  g_assert_cmpuint (items->len, ==, 0);

  g_assert_true (pm_store_delete_work_item (store, id, &error));
  g_assert_false (pm_store_delete_work_item (store, id, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND);
}

static void
test_work_items_are_checked (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  struct
  {
    const char *department;
    int year;
    const char *title;
    const char *task;
    const char *starts_on;
    const char *due_on;
    const char *expected;
  } cases[] = {
    { "县某局", 2023, "x", NULL, NULL, NULL, "县某局" },
    { "县妇联", 2040, "x", NULL, NULL, NULL, "2040" },
    { "县妇联", 2023, "  ", NULL, NULL, NULL, "title" },
    { "县妇联", 2023, "x", "WT99.9", NULL, NULL, "WT99.9" },
    { "县妇联", 2023, "x", NULL, "2023-02-30", NULL, "2023-02-30" },
    { "县妇联", 2023, "x", NULL, "2023-05-01", "2023-04-01", "before" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PmWorkItem) item = pm_work_item_new (cases[i].department, cases[i].year,
                                                      cases[i].title);
      g_autoptr (GError) error = NULL;

      item->task_code = g_strdup (cases[i].task);
      item->starts_on = g_strdup (cases[i].starts_on);
      item->due_on = g_strdup (cases[i].due_on);
      g_assert_cmpint (pm_store_add_work_item (store, item, &error), ==, 0);
      g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM work_items"), ==, 0);
}

static void
test_department_report_records_when_it_was_submitted (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autoptr (PmDepartmentReport) report = NULL;
  g_autoptr (PmDepartmentReport) accepted = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_null (pm_store_get_department_report (store, "县教委", 2023, &error));
  g_assert_no_error (error);

  pm_store_set_department_report (store, "县教委", 2023, PM_REPORT_STATUS_DRAFT, NULL, &error);
  g_assert_no_error (error);
  report = pm_store_get_department_report (store, "县教委", 2023, &error);
  g_assert_cmpint (report->status, ==, PM_REPORT_STATUS_DRAFT);
  g_assert_null (report->submitted_at);
  g_clear_pointer (&report, pm_department_report_free);

  pm_store_set_department_report (store, "县教委", 2023, PM_REPORT_STATUS_SUBMITTED, "按时",
                                  &error);
  g_assert_no_error (error);
  report = pm_store_get_department_report (store, "县教委", 2023, &error);
  g_assert_cmpint (report->status, ==, PM_REPORT_STATUS_SUBMITTED);
  g_assert_nonnull (report->submitted_at);
  g_assert_null (report->accepted_at);
  g_assert_cmpstr (report->note, ==, "按时");

  pm_store_set_department_report (store, "县教委", 2023, PM_REPORT_STATUS_ACCEPTED, NULL, &error);
  g_assert_no_error (error);
  accepted = pm_store_get_department_report (store, "县教委", 2023, &error);
  g_assert_nonnull (accepted->accepted_at);
  /* the time it was submitted is kept */
  g_assert_true (g_date_time_equal (accepted->submitted_at, report->submitted_at));

  reports = pm_store_list_department_reports (store, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);

  g_assert_false (pm_store_set_department_report (store, "不存在的单位", 2023,
                                                  PM_REPORT_STATUS_DRAFT, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* an accepted report goes only with an unlock */
  g_assert_false (pm_store_delete_department_report (store, "县教委", 2023, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (pm_store_unlock_department_report (store, "县教委", 2023, "synthetic reason",
                                                    &error));
  g_assert_true (pm_store_delete_department_report (store, "县教委", 2023, &error));
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM department_reports"), ==,
                   0);
}

static void
test_save_copy_writes_a_consistent_copy_while_open (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autofree char *copy_path = g_build_filename (dir, "copy for the meeting.pmproj", NULL);
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autoptr (PmStore) copy = NULL;
  g_autoptr (GError) error = NULL;

  set_value (store, "C5", 2023, 42);
  g_assert_true (pm_store_save_copy (store, copy_path, &error));
  g_assert_no_error (error);

  /* the original stays open and writable; the copy is a project of its own */
  set_value (store, "C5", 2024, 43);
  copy = open_store (copy_path, PM_STORE_OPEN_READ_WRITE);
  g_assert_cmpfloat (pm_observation_get_value (find_observation (copy, "C5", 2023)), ==, 42);
  g_assert_null (find_observation (copy, "C5", 2024));
  g_assert_true (pm_store_check_integrity (copy, &error));
  g_assert_cmpint (store_test_query_int (copy_path, "PRAGMA application_id"), ==,
                   PM_STORE_APPLICATION_ID);
}

static void
test_save_copy_refuses_to_replace_the_open_project (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autoptr (GError) error = NULL;

  g_assert_false (pm_store_save_copy (store, path, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_EXISTS);
  g_assert_true (pm_store_check_integrity (store, NULL));
}

static void
test_views_answer_reporting_queries (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;
  g_autoptr (GError) error = NULL;

  set_value (store, "W1", 2021, 60);
  set_value (store, "W1", 2023, 70);
  pm_store_set_observation (store, "W1", 2024, "双江街道", 80, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);

  /* the latest county-wide value, with the departments in order */
  summary = store_test_query_text (path, "SELECT code, lead_department, departments, "
                                         "latest_year, latest_value FROM indicator_summary "
                                         "WHERE code = 'W1'");
  g_assert_cmpstr (summary, ==, "W1|县卫生健康委|县卫生健康委|2023|70.000000");
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM indicator_summary"), ==,
                   175);

  details = store_test_query_text (path, "SELECT code, indicator_name, unit, year, area, value "
                                         "FROM observation_details ORDER BY year DESC LIMIT 1");
  g_assert_cmpstr (details, ==, "W1|婚前医学检查率（%）|%|2024|双江街道|80.000000");
}

/* The history's hash chain. */

/* Returns: (transfer full): a project whose history has 5 rows, W1 from
 * 2021 (id 1) to 2025 (id 5). */
static char *
project_with_history (const char *dir)
{
  char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);

  for (int year = 2021; year <= 2025; year++)
    set_value (store, "W1", year, year - 2000);
  pm_store_close (store);
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observation_history"), ==, 5);
  return path;
}

/* Verifies path's history, expecting it to name the entry id of W1 and year. */
static void
assert_history_altered_at (const char *path,
                           int         id,
                           int         year,
                           const char *expected_text)
{
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_ONLY);
  g_autoptr (GError) error = NULL;
  g_autofree char *entry = g_strdup_printf ("entry %d (W1, %d,", id, year);

  g_assert_false (pm_store_verify_history (store, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_HISTORY_ALTERED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, entry));
  g_assert_nonnull (strstr (error->message, expected_text));
}

static void
test_an_intact_history_passes_the_verification (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = project_with_history (dir);
  g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  g_autoptr (GError) error = NULL;
  guint n_entries = 0;

  /* an undo and a delete are history rows too */
  set_value (store, "W1", 2026, 26);
  g_assert_true (pm_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_true (pm_store_delete_observation (store, "W1", 2021, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (pm_store_verify_history (store, &n_entries, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, ==, 8);
  g_assert_cmpint (store_test_query_int (path, "SELECT count (*) FROM observation_history "
                                               "WHERE length (hash) = 64"), ==, 8);
}

/* An import is sealed in batches of 5,000 history rows (pm-store-chain.c):
 * the chain goes on from one batch to the next. */
static void
test_a_history_sealed_in_several_batches_verifies_and_shows_an_alteration (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_new_project (dir, "county.pmproj");
  g_autoptr (GString) csv = g_string_new ("code,year,area,value\n");
  g_autoptr (GError) error = NULL;
  guint n_entries = 0, written = 0;

  {
    g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_WRITE);
    GListModel *indicators = pm_project_get_indicators (pm_store_get_project (store));

    for (int area = 0; written < 12000; area++)
      for (guint i = 0; i < g_list_model_get_n_items (indicators) && written < 12000; i++)
        {
          g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);

          if (pm_indicator_get_period (indicator) == PM_PERIOD_2021_2030)
            for (int year = 2021; year <= 2030 && written < 12000; year++, written++)
              g_string_append_printf (csv, "%s,%d,synthetic-town-%03d,%u\n",
                                      pm_indicator_get_code (indicator), year, area,
                                      written % 90);
        }
    pm_store_import_csv_data (store, csv->str, -1, "synthetic.csv", NULL, &error);
    g_assert_no_error (error);

    g_assert_true (pm_store_verify_history (store, &n_entries, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_entries, ==, 12000);
  }

  /* an entry of the second batch */
  store_test_exec (path, "UPDATE observation_history SET new_value = 99 WHERE id = 7001");
  {
    g_autoptr (PmStore) store = open_store (path, PM_STORE_OPEN_READ_ONLY);

    g_assert_false (pm_store_verify_history (store, NULL, &error));
    g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_HISTORY_ALTERED);
    g_assert_nonnull (strstr (error->message, "entry 7001 ("));
  }
}

static void
test_a_history_entry_signed_by_someone_else_is_found (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = project_with_history (dir);

  store_test_exec (path, "UPDATE observation_history SET changed_by = '局长' WHERE id = 3");
  assert_history_altered_at (path, 3, 2023, "changed after it was written");
}

static void
test_a_history_entry_with_another_value_is_found (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = project_with_history (dir);

  store_test_exec (path, "UPDATE observation_history SET new_value = 99 WHERE id = 2");
  assert_history_altered_at (path, 2, 2022, "changed after it was written");
}

static void
test_a_history_entry_with_another_time_is_found (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = project_with_history (dir);

  store_test_exec (path, "UPDATE observation_history SET changed_at = '2020-06-01T12:00:00Z' "
                         "WHERE id = 4");
  assert_history_altered_at (path, 4, 2024, "changed 2020-06-01");
}

static void
test_a_history_entry_deleted_in_the_middle_is_found (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = project_with_history (dir);

  store_test_exec (path, "DELETE FROM observation_history WHERE id = 3");
  assert_history_altered_at (path, 4, 2024, "missing before entry 4");
}

static void
test_a_history_entry_added_by_another_tool_is_found (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = project_with_history (dir);
  g_autoptr (PmStore) store = NULL;

  store_test_exec (path, "INSERT INTO observation_history (indicator, year, area, action, origin, "
                         "new_value, new_provisional, changed_at, changed_by) VALUES ('W1', 2026, "
                         "'county', 'insert', 'edit', 26, 0, '2026-01-01T00:00:00Z', '局长')");
  /* the program's next write does not make it part of the chain */
  store = open_store (path, PM_STORE_OPEN_READ_WRITE);
  set_value (store, "W1", 2027, 27);
  pm_store_close (store);
  assert_history_altered_at (path, 6, 2026, "added by another program");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/history-chain/an-intact-history-passes-the-verification",
                   test_an_intact_history_passes_the_verification);
  g_test_add_func ("/store/history-chain/an-entry-signed-by-someone-else-is-found",
                   test_a_history_entry_signed_by_someone_else_is_found);
  g_test_add_func ("/store/history-chain/an-entry-with-another-value-is-found",
                   test_a_history_entry_with_another_value_is_found);
  g_test_add_func ("/store/history-chain/an-entry-with-another-time-is-found",
                   test_a_history_entry_with_another_time_is_found);
  g_test_add_func ("/store/history-chain/an-entry-deleted-in-the-middle-is-found",
                   test_a_history_entry_deleted_in_the_middle_is_found);
  g_test_add_func ("/store/history-chain/an-entry-added-by-another-tool-is-found",
                   test_a_history_entry_added_by_another_tool_is_found);
  g_test_add_func ("/store/create/writes-the-catalogue-into-the-file",
                   test_create_writes_the_catalogue_into_the_file);
  g_test_add_func ("/store/create/keeps-the-2011-2020-results-as-printed",
                   test_create_keeps_the_2011_2020_results_as_printed);
  g_test_add_func ("/store/create/loads-tasks-and-key-projects-with-their-departments",
                   test_create_loads_tasks_and_key_projects_with_their_departments);
  g_test_add_func ("/store/create/marks-the-file-as-ours", test_create_marks_the_file_as_ours);
  g_test_add_func ("/store/create/refuses-an-existing-file", test_create_refuses_an_existing_file);
  g_test_add_func ("/store/create/refuses-a-missing-folder", test_create_refuses_a_missing_folder);
  g_test_add_func ("/store/close/leaves-one-complete-file", test_closed_project_is_one_file);
  g_test_add_func ("/store/open/rebuilds-the-model-from-the-file-not-the-template",
                   test_open_rebuilds_the_model_from_the_file);
  g_test_add_func ("/store/open/reads-values-written-by-other-tools",
                   test_open_reads_values_written_by_other_tools);
  g_test_add_func ("/store/edit/is-written-through-at-once", test_edit_is_written_through_at_once);
  g_test_add_func ("/store/edit/keeps-every-field-and-value-exactly",
                   test_edit_keeps_every_field_and_value_exactly);
  g_test_add_func ("/store/edit/keeps-memory-flat-over-many-edits",
                   test_edit_keeps_memory_flat_over_many_edits);
  g_test_add_func ("/store/edit/refuses-bad-values-and-changes-nothing",
                   test_edit_refuses_bad_values);
  g_test_add_func ("/store/history/a-history-sealed-in-several-batches-verifies-and-shows-an-alteration",
                   test_a_history_sealed_in_several_batches_verifies_and_shows_an_alteration);
  g_test_add_func ("/store/history/records-every-change-with-old-and-new-value",
                   test_history_records_every_change_with_old_and_new_value);
  g_test_add_func ("/store/history/names-the-os-user-unless-another-name-is-set",
                   test_history_names_the_os_user_unless_set);
  g_test_add_func ("/store/undo/undo-and-redo-write-through-with-history",
                   test_undo_and_redo_write_through_with_history);
  g_test_add_func ("/store/undo/a-new-edit-clears-redo", test_new_edit_clears_redo);
  g_test_add_func ("/store/read-only/refuses-edits-and-leaves-the-file-as-it-was",
                   test_read_only_store_refuses_edits);
  g_test_add_func ("/store/work-items/are-added-listed-changed-and-deleted",
                   test_work_items_are_added_listed_changed_and_deleted);
  g_test_add_func ("/store/work-items/are-checked-before-they-are-written",
                   test_work_items_are_checked);
  g_test_add_func ("/store/department-reports/record-when-a-report-was-submitted",
                   test_department_report_records_when_it_was_submitted);
  g_test_add_func ("/store/copy/writes-a-consistent-copy-while-the-project-is-open",
                   test_save_copy_writes_a_consistent_copy_while_open);
  g_test_add_func ("/store/copy/refuses-to-replace-the-open-project",
                   test_save_copy_refuses_to_replace_the_open_project);
  g_test_add_func ("/store/views/answer-reporting-queries", test_views_answer_reporting_queries);

  return g_test_run ();
}
