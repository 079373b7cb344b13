/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The department page and the completeness page in the window, under a
 * display (Xvfb in CI). Keys are given to the grid's own key controllers
 * (the path a key press takes), the clipboard is the display's. Every value
 * entered here is SYNTHETIC. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "pm-completeness-page.h"
#include "pm-department-page.h"
#include "pm-department.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"
#include "pm-sidebar.h"
#include "pm-store.h"
#include "pm-test-util.h"
#include "pm-window-department.h"
#include "pm-window.h"

typedef struct
{
  char *dir;
  char *path;
  PmWindow *window;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pm-test-department-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "county.pmproj", NULL);
  fixture->window = g_object_ref_sink (pm_window_new (NULL));
  g_assert_true (pm_window_create_path (fixture->window, fixture->path, &error));
  g_assert_no_error (error);
  pm_store_set_user_name (pm_window_get_store (fixture->window), "测试员");
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_finalize_object (fixture->window);

  pm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* With PM_TEST_SCREENSHOTS set to a folder, saves the window as NAME.png
 * there, to look at the page as a person would. */
static void
screenshot (Fixture    *fixture,
            const char *name)
{
  const char *dir = g_getenv ("PM_TEST_SCREENSHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  if (dir == NULL)
    return;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (fixture->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (fixture->window)),
                          gtk_widget_get_height (GTK_WIDGET (fixture->window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static PmDepartmentPage *
show_department (Fixture    *fixture,
                 const char *name,
                 int         year)
{
  GtkWidget *page;

  g_assert_true (pm_window_show_department (fixture->window, name, year));
  g_assert_cmpstr (pm_window_get_visible_page (fixture->window), ==, "department");
  page = pm_window_get_department_page (fixture->window);
  g_assert_nonnull (page);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  return PM_DEPARTMENT_PAGE (page);
}

static guint
row_of (PmDepartmentPage *page,
        const char       *code)
{
  int row = pm_department_sheet_find_row (pm_department_grid_get_sheet (
                                            pm_department_page_get_grid (page)),
                                          code);

  g_assert_cmpint (row, >=, 0);
  return (guint) row;
}

static double
stored (Fixture    *fixture,
        const char *code,
        int         year)
{
  PmIndicator *indicator = pm_project_find_indicator (pm_window_get_project (fixture->window),
                                                      code);
  PmObservation *observation = pm_indicator_find_observation (indicator, year, NULL);

  return observation ? pm_observation_get_value (observation) : NAN;
}

/* Gives a key press to the first key controller of widget, as GTK does. */
static gboolean
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          spin ();
          return handled;
        }
    }

  g_assert_not_reached ();
}

/* The widget that holds the cells: it has the grid's key controller. */
static GtkWidget *
body_of (PmDepartmentGrid *grid)
{
  return gtk_widget_get_parent (pm_department_grid_get_cell (grid, 0, 2021));
}

/* Types a value into the cursor's cell: the first key starts editing, the
 * rest is typed into the entry, Enter stores it and moves down. */
static void
type_value (PmDepartmentGrid *grid,
            const char       *text)
{
  GtkEditable *editor;
  char first[2] = { text[0], '\0' };

  g_assert_true (press (body_of (grid), gdk_unicode_to_keyval (g_utf8_get_char (text)), 0));
  editor = pm_department_grid_get_editor (grid);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (editor), ==, first);
  gtk_editable_set_text (editor, text);
  g_assert_true (press (GTK_WIDGET (editor), GDK_KEY_Return, 0));
}

static void
test_the_grid_takes_a_typed_year_column (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  PmDepartmentPage *page = show_department (fixture, "县教委", 2023);
  PmDepartmentGrid *grid = pm_department_page_get_grid (page);
  guint first = row_of (page, "C10");
  const char *column[] = { "91.5", "35", "55", "66" };
  guint row;
  int year;

  pm_department_grid_set_cursor (grid, first, 2023);
  spin ();
  for (guint i = 0; i < G_N_ELEMENTS (column); i++)
    type_value (grid, column[i]);

  /* Enter moved down each time; the file has the column */
  pm_department_grid_get_cursor (grid, &row, &year);
  g_assert_cmpuint (row, ==, first + G_N_ELEMENTS (column));
  g_assert_cmpint (year, ==, 2023);
  g_assert_false (pm_department_grid_is_editing (grid));
  g_assert_cmpfloat (stored (fixture, "C10", 2023), ==, 91.5);
  g_assert_cmpfloat (stored (fixture, "C10.1", 2023), ==, 35);
  g_assert_cmpfloat (stored (fixture, "C10.2", 2023), ==, 55);
  g_assert_cmpfloat (stored (fixture, "C10.3", 2023), ==, 66);
  g_assert_cmpstr (pm_department_grid_get_cell_text (grid, first, 2023), ==, "91.5");
  screenshot (fixture, "department-grid");

  /* Tab stores and moves right; the arrow keys move */
  pm_department_grid_set_cursor (grid, first, 2024);
  g_assert_true (press (body_of (grid), GDK_KEY_9, 0));
  gtk_editable_set_text (pm_department_grid_get_editor (grid), "９２");
  g_assert_true (press (GTK_WIDGET (pm_department_grid_get_editor (grid)), GDK_KEY_Tab, 0));
  g_assert_cmpfloat (stored (fixture, "C10", 2024), ==, 92);
  pm_department_grid_get_cursor (grid, &row, &year);
  g_assert_cmpint (year, ==, 2025);
  g_assert_true (press (body_of (grid), GDK_KEY_Up, 0));
  g_assert_true (press (body_of (grid), GDK_KEY_Left, 0));
  pm_department_grid_get_cursor (grid, &row, &year);
  g_assert_cmpuint (row, ==, first - 1);
  g_assert_cmpint (year, ==, 2024);

  /* the 2020 baseline is shown, read-only; earlier years on request */
  g_assert_true (gtk_widget_has_css_class (pm_department_grid_get_cell (grid, row_of (page, "C4"),
                                                                        2020),
                                           "read-only"));
  g_assert_cmpstr (pm_department_grid_get_cell_text (grid, row_of (page, "C4"), 2020), ==, "3.87");
  g_assert_null (pm_department_grid_get_cell (grid, first, 2015));
  pm_department_grid_set_show_earlier (grid, TRUE);
  g_assert_true (gtk_widget_has_css_class (pm_department_grid_get_cell (grid, first, 2015),
                                           "read-only"));
  g_assert_cmpstr (pm_department_grid_get_cell_text (grid, first, 2023), ==, "91.5");
  pm_department_grid_set_show_earlier (grid, FALSE);

  /* Delete clears the value, with a history row */
  pm_department_grid_set_cursor (grid, first, 2024);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.clear", NULL));
  spin ();
  g_assert_true (isnan (stored (fixture, "C10", 2024)));
  g_assert_cmpstr (pm_store_get_undo_label (pm_window_get_store (fixture->window)), ==,
                   "Delete C10 2024");
}

/* The 2020 baseline is the 2011–2020 plan's result as printed: 98.90, not
 * 98.9 */
static void
test_the_baseline_is_shown_as_the_plan_prints_it (Fixture       *fixture,
                                                  gconstpointer  user_data)
{
  PmDepartmentPage *page = show_department (fixture, "县教委", 2023);
  PmDepartmentGrid *grid = pm_department_page_get_grid (page);

  g_assert_cmpstr (pm_department_grid_get_cell_text (grid, row_of (page, "C21"), 2020), ==,
                   "98.90");
  g_assert_cmpstr (pm_department_grid_get_cell_text (grid, row_of (page, "C22"), 2020), ==,
                   "98.10");
  pm_department_grid_set_show_earlier (grid, TRUE);
  g_assert_cmpstr (pm_department_grid_get_cell_text (grid, row_of (page, "C21"), 2010), ==,
                   "98.5");
}

static void
test_a_refused_value_keeps_the_cell_editing (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  PmDepartmentPage *page = show_department (fixture, "县教委", 2023);
  PmDepartmentGrid *grid = pm_department_page_get_grid (page);
  guint first = row_of (page, "C10");

  pm_department_grid_set_cursor (grid, first, 2023);
  g_assert_true (press (body_of (grid), GDK_KEY_9, 0));
  gtk_editable_set_text (pm_department_grid_get_editor (grid), "91‰");
  g_assert_true (press (GTK_WIDGET (pm_department_grid_get_editor (grid)), GDK_KEY_Return, 0));

  /* the entry stays, the message says why, beside the cell and under the grid */
  g_assert_true (pm_department_grid_is_editing (grid));
  g_assert_nonnull (strstr (pm_department_page_get_message (page), "C10, 2023"));
  g_assert_nonnull (strstr (pm_department_page_get_message (page), "‰"));
  g_assert_true (gtk_widget_has_css_class (pm_department_grid_get_cell (grid, first, 2023),
                                           "refused"));
  g_assert_true (isnan (stored (fixture, "C10", 2023)));

  /* Escape gives up */
  g_assert_true (press (GTK_WIDGET (pm_department_grid_get_editor (grid)), GDK_KEY_Escape, 0));
  g_assert_false (pm_department_grid_is_editing (grid));
}

typedef struct
{
  PmDepartmentPage *page;
  const char *before;
} MessageWait;

static gboolean
message_changed (gpointer data)
{
  MessageWait *wait = data;

  return g_strcmp0 (pm_department_page_get_message (wait->page), wait->before) != 0;
}

static void
paste (PmDepartmentPage *page,
       const char       *text)
{
  PmDepartmentGrid *grid = pm_department_page_get_grid (page);
  g_autofree char *before = g_strdup (pm_department_page_get_message (page));
  MessageWait wait = { page, before };

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (grid)), text);
  /* Ctrl+V is bound to this action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (grid), "grid.paste", NULL));
  g_assert_true (wait_for (message_changed, &wait));
}

static void
test_the_grid_takes_a_pasted_block (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  PmDepartmentPage *page = show_department (fixture, "县教委", 2022);
  PmDepartmentGrid *grid = pm_department_page_get_grid (page);
  guint first = row_of (page, "C10");

  pm_department_grid_set_cursor (grid, first, 2022);
  /* as a spreadsheet copies two rows of two years */
  paste (page, "90.5\t91\r\n36\t35.5\r\n");
  g_assert_cmpstr (pm_department_page_get_message (page), ==, "Pasted 4 values.");
  g_assert_cmpfloat (stored (fixture, "C10", 2022), ==, 90.5);
  g_assert_cmpfloat (stored (fixture, "C10", 2023), ==, 91);
  g_assert_cmpfloat (stored (fixture, "C10.1", 2022), ==, 36);
  g_assert_cmpfloat (stored (fixture, "C10.1", 2023), ==, 35.5);
  g_assert_cmpstr (pm_department_grid_get_cell_text (grid, first + 1, 2023), ==, "35.5");
  g_assert_cmpstr (pm_store_get_undo_label (pm_window_get_store (fixture->window)), ==,
                   "Paste 4 values");
}

static void
test_a_bad_paste_changes_nothing (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  PmDepartmentPage *page = show_department (fixture, "县教委", 2022);
  PmDepartmentGrid *grid = pm_department_page_get_grid (page);
  guint first = row_of (page, "C10");
  PmStore *store = pm_window_get_store (fixture->window);
  g_autoptr (GPtrArray) history = NULL;

  pm_department_grid_set_cursor (grid, first, 2022);
  paste (page, "90.5\t91\n36\tabout 35\n");
  g_assert_nonnull (strstr (pm_department_page_get_message (page), "Nothing was pasted"));
  g_assert_nonnull (strstr (pm_department_page_get_message (page),
                            "C10.1, 2023 (line 2, column 2 of the copied cells)"));
  g_assert_true (isnan (stored (fixture, "C10", 2022)));
  g_assert_true (isnan (stored (fixture, "C10", 2023)));
  g_assert_false (pm_store_can_undo (store));
  history = pm_store_list_history (store, NULL, 0, NULL, 0, NULL);
  g_assert_cmpuint (history->len, ==, 0);
}

static void
test_a_judgement_is_recorded_for_a_manual_target (Fixture       *fixture,
                                                  gconstpointer  user_data)
{
  PmDepartmentPage *page = show_department (fixture, "县委组织部", 2023);
  PmDepartmentGrid *grid = pm_department_page_get_grid (page);
  guint row = row_of (page, "W20"); /* 保持合理比例: a person judges */
  PmIndicator *w20 = pm_project_find_indicator (pm_window_get_project (fixture->window), "W20");

  pm_department_grid_set_cursor (grid, row, 2023);
  type_value (grid, "28.5");
  pm_department_grid_set_cursor (grid, row, 2023);
  /* Ctrl+J opens the choice (not popped up here: Xvfb has no monitor for a
   * popover); a choice records it */
  g_assert_true (pm_department_grid_judge (grid, "已达标"));
  g_assert_cmpstr (pm_observation_get_text (pm_indicator_find_observation (w20, 2023, NULL)), ==,
                   "已达标");
  g_assert_cmpfloat (stored (fixture, "W20", 2023), ==, 28.5);
  g_assert_cmpstr (pm_department_grid_get_cell_text (grid, row, 2023), ==, "28.5 · 已达标");

  /* a measured target takes no judgement */
  pm_department_grid_set_cursor (grid, row_of (page, "W21"), 2023);
  g_assert_false (pm_department_grid_judge (grid, "已达标"));
}

static void
test_checks_are_listed_and_confirmed_with_a_note (Fixture       *fixture,
                                                  gconstpointer  user_data)
{
  PmDepartmentPage *page = show_department (fixture, "县教委", 2023);
  PmDepartmentGrid *grid = pm_department_page_get_grid (page);
  guint row = row_of (page, "C10");
  g_autoptr (GPtrArray) confirmations = NULL;

  /* the check shows as the value is typed, before it is stored */
  pm_department_grid_set_cursor (grid, row, 2023);
  g_assert_true (press (body_of (grid), GDK_KEY_1, 0));
  gtk_editable_set_text (pm_department_grid_get_editor (grid), "104.32");
  g_assert_nonnull (strstr (pm_department_page_get_message (page), "outside 0–100"));
  g_assert_true (press (GTK_WIDGET (pm_department_grid_get_editor (grid)), GDK_KEY_Return, 0));
  g_assert_cmpuint (pm_department_page_get_n_checks (page), ==, 1);
  g_assert_true (gtk_widget_has_css_class (pm_department_grid_get_cell (grid, row, 2023),
                                           "check-open"));
  g_assert_nonnull (strstr (pm_department_page_get_status_text (page), "1 open check"));

  screenshot (fixture, "department-check");
  g_assert_true (pm_department_page_confirm_check (page, 0, "synthetic: as printed", NULL));
  g_assert_true (gtk_widget_has_css_class (pm_department_grid_get_cell (grid, row, 2023),
                                           "check-confirmed"));
  g_assert_nonnull (strstr (pm_department_page_get_status_text (page), "0 open checks"));
  confirmations = pm_store_list_check_confirmations (pm_window_get_store (fixture->window), "C10",
                                                     2023, NULL);
  g_assert_cmpuint (confirmations->len, ==, 1);
}

static gboolean
row_status (PmCompletenessPage *page,
            const char         *department,
            int                 year,
            PmReportStatus     *status)
{
  GListModel *rows = pm_completeness_page_get_rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      const PmCompletenessRow *row = pm_completeness_page_get_row (page, i);

      if (g_strcmp0 (row->department, department) == 0 && row->year == year)
        {
          *status = row->status;
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_the_completeness_page_reflects_a_submission (Fixture       *fixture,
                                                  gconstpointer  user_data)
{
  PmDepartmentPage *page = show_department (fixture, "县教委", 2023);
  PmDepartmentGrid *grid = pm_department_page_get_grid (page);
  PmCompletenessPage *completeness;
  g_autoptr (GError) error = NULL;
  PmReportStatus status;

  pm_department_grid_set_cursor (grid, row_of (page, "C10"), 2023);
  type_value (grid, "91");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "department.submit", NULL));
  spin ();
  g_assert_nonnull (strstr (pm_department_page_get_status_text (page), "Submitted"));

  /* the office's page, from the page's button */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "department.show-completeness",
                                             NULL));
  g_assert_cmpstr (pm_window_get_visible_page (fixture->window), ==, "completeness");
  completeness = PM_COMPLETENESS_PAGE (pm_window_get_completeness_page (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  pm_completeness_page_set_year (completeness, 2023);
  g_assert_cmpuint (g_list_model_get_n_items (pm_completeness_page_get_rows (completeness)), ==,
                    38);
  g_assert_true (row_status (completeness, "县教委", 2023, &status));
  g_assert_cmpint (status, ==, PM_REPORT_STATUS_SUBMITTED);
  screenshot (fixture, "completeness");
  g_assert_true (row_status (completeness, "县妇联", 2023, &status));
  g_assert_cmpint (status, ==, PM_REPORT_STATUS_NOT_STARTED);

  /* accepted (here through the store), it shows when the page is read again;
   * a row opens its department */
  g_assert_true (pm_store_accept_department_report (pm_window_get_store (fixture->window),
                                                    "县教委", 2023, &error));
  pm_completeness_page_refresh (completeness);
  g_assert_true (row_status (completeness, "县教委", 2023, &status));
  g_assert_cmpint (status, ==, PM_REPORT_STATUS_ACCEPTED);
  for (guint i = 0; i < 38; i++)
    if (g_strcmp0 (pm_completeness_page_get_row (completeness, i)->department, "县卫生健康委") == 0)
      pm_completeness_page_activate_row (completeness, i);
  g_assert_cmpstr (pm_window_get_visible_page (fixture->window), ==, "department");
  g_assert_cmpstr (pm_department_get_name (pm_department_page_get_department (page)), ==,
                   "县卫生健康委");
}

static void
test_an_accepted_year_is_locked_until_unlocked (Fixture       *fixture,
                                                gconstpointer  user_data)
{
  PmDepartmentPage *page = show_department (fixture, "县教委", 2023);
  PmDepartmentGrid *grid = pm_department_page_get_grid (page);
  guint row = row_of (page, "C10");
  g_autoptr (GError) error = NULL;

  pm_department_grid_set_cursor (grid, row, 2023);
  type_value (grid, "91");
  g_assert_true (pm_department_page_submit (page, &error));
  g_assert_true (pm_department_page_accept (page, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_has_css_class (pm_department_grid_get_cell (grid, row, 2023),
                                           "locked"));

  /* typing is refused with the reason; nothing changes */
  pm_department_grid_set_cursor (grid, row, 2023);
  g_assert_true (press (body_of (grid), GDK_KEY_8, 0));
  g_assert_false (pm_department_grid_is_editing (grid));
  g_assert_nonnull (strstr (pm_department_page_get_message (page), "locked"));
  g_assert_cmpfloat (stored (fixture, "C10", 2023), ==, 91);

  g_assert_true (pm_department_page_unlock (page, "synthetic: corrected by the yearbook",
                                            &error));
  g_assert_false (gtk_widget_has_css_class (pm_department_grid_get_cell (grid, row, 2023),
                                            "locked"));
  type_value (grid, "92");
  g_assert_cmpfloat (stored (fixture, "C10", 2023), ==, 92);
}

static void
test_key_tasks_take_a_progress_note_and_work_items (Fixture       *fixture,
                                                    gconstpointer  user_data)
{
  PmDepartmentPage *page = show_department (fixture, "县卫生健康委", 2023);
  PmDepartmentTasks *tasks = pm_department_page_get_tasks (page);
  PmStore *store = pm_window_get_store (fixture->window);
  GtkTextView *view;
  g_autofree char *note = NULL;
  g_autoptr (GPtrArray) items = NULL;
  GtkWidget *row;
  gint64 first, second;

  g_assert_cmpuint (pm_department_tasks_get_n_tasks (tasks), ==, 29);
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (tasks),
                                                                        GTK_TYPE_STACK)),
                                    "tasks");
  view = pm_department_tasks_get_note_view (tasks, "WT1.1");
  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "synthetic progress note", -1);
  g_assert_true (pm_department_tasks_save_note (tasks, "WT1.1"));
  note = pm_store_dup_progress_note (store, "WT1.1", "县卫生健康委", 2023, NULL);
  g_assert_cmpstr (note, ==, "synthetic progress note");

  /* next year's work items: added, edited in place, reordered */
  first = pm_department_tasks_add_work_item (tasks, "WT1.1");
  second = pm_department_tasks_add_work_item (tasks, "WT1.1");
  g_assert_cmpint (first, >, 0);
  row = pm_department_tasks_get_work_item_row (tasks, second);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "title"), "synthetic training");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "due"), "2024-06-30");
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "due"), "activate");
  items = pm_store_list_work_items (store, "县卫生健康委", 2024, NULL);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (((PmWorkItem *) items->pdata[1])->title, ==, "synthetic training");
  g_assert_cmpstr (((PmWorkItem *) items->pdata[1])->due_on, ==, "2024-06-30");

  /* a bad date is refused with a message, and the item kept as it was */
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "due"), "2024-13-01");
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "due"), "activate");
  g_assert_nonnull (strstr (pm_department_page_get_message (page), "2024-13-01"));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = pm_store_list_work_items (store, "县卫生健康委", 2024, NULL);
  g_assert_cmpstr (((PmWorkItem *) items->pdata[1])->due_on, ==, "2024-06-30");

  screenshot (fixture, "department-tasks");
  g_assert_true (pm_store_move_work_item (store, second, 0, NULL));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = pm_store_list_work_items (store, "县卫生健康委", 2024, NULL);
  g_assert_cmpint (((PmWorkItem *) items->pdata[0])->id, ==, second);
}

static void
test_the_sidebar_opens_a_department (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  PmSidebar *sidebar = PM_SIDEBAR (pm_window_get_sidebar (fixture->window));
  PmDepartment *department = pm_project_find_department (pm_window_get_project (fixture->window),
                                                         "县妇联");

  pm_sidebar_set_view (sidebar, PM_SIDEBAR_VIEW_DEPARTMENTS);
  g_signal_emit_by_name (sidebar, "department-selected", department);
  g_assert_cmpstr (pm_window_get_visible_page (fixture->window), ==, "department");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-reports",
                                             NULL));
  g_assert_cmpstr (pm_window_get_visible_page (fixture->window), ==, "completeness");
}

typedef struct
{
  GThread *main_thread;
  guint n_changes;
  guint n_off_main;
} ThreadWatch;

static void
observations_changed_cb (GListModel  *model,
                         guint        position,
                         guint        removed,
                         guint        added,
                         ThreadWatch *watch)
{
  watch->n_changes++;
  if (g_thread_self () != watch->main_thread)
    watch->n_off_main++;
}

static void
undo_notified_cb (GObject     *store,
                  GParamSpec  *pspec,
                  ThreadWatch *watch)
{
  observations_changed_cb (NULL, 0, 0, 0, watch);
}

static gboolean
window_not_busy (gpointer window)
{
  return !pm_window_is_busy (window);
}

/* The import reads and writes the file in a worker thread; the model, which
 * the open grid shows, and the undo list change on the main thread only. */
static void
test_an_import_changes_the_model_on_the_main_thread_only (Fixture       *fixture,
                                                          gconstpointer  user_data)
{
  PmDepartmentPage *page = show_department (fixture, "县教委", 2023);
  PmDepartmentGrid *grid = pm_department_page_get_grid (page);
  PmProject *project = pm_window_get_project (fixture->window);
  const char *codes[] = { "C10", "C10.1", "C10.2" };
  ThreadWatch watch = { g_thread_self (), 0, 0 };
  g_autofree char *csv = g_build_filename (fixture->dir, "synthetic.csv", NULL);

  g_assert_true (g_file_set_contents (csv,
                                      "code,year,area,value,note,source\n"
                                      "C10,2023,county,91.5,synthetic,test\n"
                                      "C10.1,2023,county,35,synthetic,test\n"
                                      "C10.2,2023,county,55,synthetic,test\n",
                                      -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_signal_connect (pm_indicator_get_observations (pm_project_find_indicator (project,
                                                                                codes[i])),
                      "items-changed", G_CALLBACK (observations_changed_cb), &watch);
  g_signal_connect (pm_window_get_store (fixture->window), "notify::can-undo",
                    G_CALLBACK (undo_notified_cb), &watch);

  pm_window_import_values_from_path (fixture->window, csv);
  g_assert_true (wait_for (window_not_busy, fixture->window));
  spin ();

  g_assert_cmpuint (watch.n_changes, >=, G_N_ELEMENTS (codes));
  g_assert_cmpuint (watch.n_off_main, ==, 0);
  g_assert_cmpfloat (stored (fixture, "C10.1", 2023), ==, 35);
  g_assert_cmpstr (pm_department_grid_get_cell_text (grid, row_of (page, "C10.2"), 2023), ==,
                   "55");
  g_assert_true (pm_store_can_undo (pm_window_get_store (fixture->window)));

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_signal_handlers_disconnect_by_data (
      pm_indicator_get_observations (pm_project_find_indicator (project, codes[i])), &watch);
  g_signal_handlers_disconnect_by_data (pm_window_get_store (fixture->window), &watch);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/department/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("the-grid-takes-a-typed-year-column", test_the_grid_takes_a_typed_year_column);
  ADD ("a-refused-value-keeps-the-cell-editing", test_a_refused_value_keeps_the_cell_editing);
  ADD ("the-grid-takes-a-pasted-block", test_the_grid_takes_a_pasted_block);
  ADD ("a-bad-paste-changes-nothing", test_a_bad_paste_changes_nothing);
  ADD ("the-baseline-is-shown-as-the-plan-prints-it",
       test_the_baseline_is_shown_as_the_plan_prints_it);
  ADD ("a-judgement-is-recorded-for-a-manual-target",
       test_a_judgement_is_recorded_for_a_manual_target);
  ADD ("checks-are-listed-and-confirmed-with-a-note",
       test_checks_are_listed_and_confirmed_with_a_note);
  ADD ("the-completeness-page-reflects-a-submission",
       test_the_completeness_page_reflects_a_submission);
  ADD ("an-accepted-year-is-locked-until-unlocked", test_an_accepted_year_is_locked_until_unlocked);
  ADD ("key-tasks-take-a-progress-note-and-work-items",
       test_key_tasks_take_a_progress_note_and_work_items);
  ADD ("the-sidebar-opens-a-department", test_the_sidebar_opens_a_department);
  ADD ("an-import-changes-the-model-on-the-main-thread-only",
       test_an_import_changes_the_model_on_the_main_thread_only);

  return g_test_run ();
}
