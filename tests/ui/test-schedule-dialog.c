/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "pm-schedule-dialog.h"
#include "pm-test-util.h"
#include "pm-ui-resources.h"
#include "pm-window.h"

/* The Export Work Schedules and Export the Task Division dialogs, and the
 * exports they start in the window. Each test gets a window on a new project
 * file made from the template, and an empty folder "out" beside it. */
typedef struct
{
  char *dir;
  char *out;
  PmWindow *window;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
not_busy (gpointer data)
{
  return !pm_window_is_busy (data);
}

static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer data)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("pm-test-schedule-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->out = g_build_filename (fixture->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (fixture->out, 0700), ==, 0);
  path = g_build_filename (fixture->dir, "county.pmproj", NULL);

  fixture->window = g_object_ref_sink (pm_window_new (NULL));
  if (user_data == NULL)
    {
      g_assert_true (pm_window_create_path (fixture->window, path, &error));
      g_assert_no_error (error);
      pm_window_set_year (fixture->window, 2024);
    }
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
  g_free (fixture->out);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The names of the files in folder, sorted. */
static GPtrArray *
list_files (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static gboolean
file_starts_with (const char *path,
                  const char *magic,
                  gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return FALSE;
  return size > length && memcmp (contents, magic, length) == 0;
}

static void
test_actions_are_enabled_only_with_a_project (Fixture       *fixture,
                                              gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "later.pmproj", NULL);

  g_assert_false (pm_window_get_action_enabled (fixture->window, "win.export-schedules"));
  g_assert_false (pm_window_get_action_enabled (fixture->window, "win.export-task-division"));

  g_assert_true (pm_window_create_path (fixture->window, path, &error));
  g_assert_no_error (error);
  g_assert_true (pm_window_get_action_enabled (fixture->window, "win.export-schedules"));
  g_assert_true (pm_window_get_action_enabled (fixture->window, "win.export-task-division"));
}

static void
test_lists_every_department_chosen_and_the_windows_year (Fixture       *fixture,
                                                         gconstpointer  user_data)
{
  PmScheduleDialog *dialog = pm_schedule_dialog_new (fixture->window, PM_SCHEDULE_DIALOG_SCHEDULES);

  g_assert_cmpuint (pm_schedule_dialog_get_n_chosen (dialog), ==, 38);
  g_assert_cmpuint (pm_schedule_dialog_get_n_shown (dialog), ==, 38);
  g_assert_cmpint (pm_schedule_dialog_get_year (dialog), ==, 2024);
  g_assert_cmpint (pm_schedule_dialog_get_format (dialog), ==, PM_EXPORT_FORMAT_PDF);
  /* nothing to export until a destination is chosen */
  g_assert_false (pm_schedule_dialog_can_export (dialog));

  pm_schedule_dialog_set_destination (dialog, fixture->out, TRUE);
  g_assert_true (pm_schedule_dialog_can_export (dialog));
  pm_schedule_dialog_choose_all (dialog, FALSE);
  g_assert_cmpuint (pm_schedule_dialog_get_n_chosen (dialog), ==, 0);
  g_assert_false (pm_schedule_dialog_can_export (dialog));
  g_assert_false (pm_schedule_dialog_export (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static void
test_search_narrows_the_list_and_select_all_ticks_what_is_shown (Fixture       *fixture,
                                                                 gconstpointer  user_data)
{
  PmScheduleDialog *dialog = pm_schedule_dialog_new (fixture->window, PM_SCHEDULE_DIALOG_SCHEDULES);
  guint shown;

  pm_schedule_dialog_choose_all (dialog, FALSE);
  pm_schedule_dialog_set_search_text (dialog, "卫生健康");
  shown = pm_schedule_dialog_get_n_shown (dialog);
  g_assert_cmpuint (shown, >=, 1);
  g_assert_cmpuint (shown, <, 38);

  /* what Select All does */
  pm_schedule_dialog_choose_department (dialog, "县卫生健康委", TRUE);
  g_assert_cmpuint (pm_schedule_dialog_get_n_chosen (dialog), ==, 1);

  pm_schedule_dialog_set_search_text (dialog, "");
  g_assert_cmpuint (pm_schedule_dialog_get_n_shown (dialog), ==, 38);
  g_assert_false (pm_schedule_dialog_choose_department (dialog, "No such department", TRUE));

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static void
test_the_file_takes_the_extension_of_the_format (Fixture       *fixture,
                                                 gconstpointer  user_data)
{
  PmScheduleDialog *dialog = pm_schedule_dialog_new (fixture->window, PM_SCHEDULE_DIALOG_SCHEDULES);
  g_autofree char *path = g_build_filename (fixture->out, "schedules.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->out, "schedules.xlsx", NULL);

  pm_schedule_dialog_set_destination (dialog, path, FALSE);
  g_assert_cmpstr (pm_schedule_dialog_get_destination (dialog), ==, path);
  pm_schedule_dialog_set_format (dialog, PM_EXPORT_FORMAT_XLSX);
  g_assert_cmpstr (pm_schedule_dialog_get_destination (dialog), ==, xlsx);

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static void
test_exports_two_chosen_departments_to_a_folder_one_file_each (Fixture       *fixture,
                                                               gconstpointer  user_data)
{
  PmScheduleDialog *dialog = pm_schedule_dialog_new (fixture->window, PM_SCHEDULE_DIALOG_SCHEDULES);
  g_autoptr (GPtrArray) files = NULL;

  pm_schedule_dialog_choose_all (dialog, FALSE);
  g_assert_true (pm_schedule_dialog_choose_department (dialog, "县卫生健康委", TRUE));
  g_assert_true (pm_schedule_dialog_choose_department (dialog, "县体育局", TRUE));
  pm_schedule_dialog_set_year (dialog, 2025);
  pm_schedule_dialog_set_format (dialog, PM_EXPORT_FORMAT_XLSX);
  pm_schedule_dialog_set_destination (dialog, fixture->out, TRUE);

  g_assert_true (pm_schedule_dialog_export (dialog));
  g_assert_true (pm_window_is_busy (fixture->window));
  g_assert_true (wait_for (not_busy, fixture->window));
  g_assert_null (pm_window_get_last_error (fixture->window));

  files = list_files (fixture->out);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, "县体育局-2025.xlsx");
  g_assert_cmpstr (g_ptr_array_index (files, 1), ==, "县卫生健康委-2025.xlsx");
  {
    g_autofree char *path = g_build_filename (fixture->out, g_ptr_array_index (files, 0), NULL);

    g_assert_true (file_starts_with (path, "PK", 2));
  }
  g_assert_nonnull (strstr (pm_window_get_last_toast (fixture->window), "2"));
  g_assert_nonnull (strstr (pm_window_get_last_toast (fixture->window), "out"));
}

static void
test_exports_every_department_to_one_pdf (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  PmScheduleDialog *dialog = pm_schedule_dialog_new (fixture->window, PM_SCHEDULE_DIALOG_SCHEDULES);
  g_autofree char *path = g_build_filename (fixture->out, "schedules", NULL);
  g_autofree char *pdf = g_build_filename (fixture->out, "schedules.pdf", NULL);
  g_autoptr (GPtrArray) files = NULL;

  pm_schedule_dialog_set_destination (dialog, path, FALSE);
  g_assert_true (pm_schedule_dialog_export (dialog));
  g_assert_true (wait_for (not_busy, fixture->window));
  g_assert_null (pm_window_get_last_error (fixture->window));

  files = list_files (fixture->out);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, "schedules.pdf");
  g_assert_true (file_starts_with (pdf, "%PDF", 4));
  g_assert_nonnull (strstr (pm_window_get_last_toast (fixture->window), "schedules.pdf"));
}

static void
test_exports_the_task_division (Fixture       *fixture,
                                gconstpointer  user_data)
{
  PmScheduleDialog *dialog = pm_schedule_dialog_new (fixture->window, PM_SCHEDULE_DIALOG_TASK_DIVISION);
  g_autofree char *path = g_build_filename (fixture->out, "division.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) files = NULL;

  g_assert_true (pm_schedule_dialog_can_export (dialog) == FALSE);
  pm_schedule_dialog_set_format (dialog, PM_EXPORT_FORMAT_CSV);
  pm_schedule_dialog_set_destination (dialog, path, FALSE);
  g_assert_true (pm_schedule_dialog_export (dialog));
  g_assert_true (wait_for (not_busy, fixture->window));
  g_assert_null (pm_window_get_last_error (fixture->window));

  files = list_files (fixture->out);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "县卫生健康委"));
  g_assert_nonnull (strstr (pm_window_get_last_toast (fixture->window), "division.csv"));
}

static void
test_cancelling_leaves_no_file (Fixture       *fixture,
                                gconstpointer  user_data)
{
  PmScheduleDialog *dialog = pm_schedule_dialog_new (fixture->window, PM_SCHEDULE_DIALOG_SCHEDULES);
  g_autofree char *path = g_build_filename (fixture->out, "schedules.pdf", NULL);
  g_autoptr (GPtrArray) files = NULL;

  pm_schedule_dialog_set_destination (dialog, path, FALSE);
  g_assert_true (pm_schedule_dialog_export (dialog));
  pm_window_cancel_work (fixture->window);
  g_assert_true (wait_for (not_busy, fixture->window));

  files = list_files (fixture->out);
  g_assert_cmpuint (files->len, ==, 0);
  g_assert_null (pm_window_get_last_error (fixture->window));
  g_assert_nonnull (pm_window_get_last_toast (fixture->window));
}

typedef struct
{
  guint ticks;
  double fraction;        /* the largest seen before the end */
  guint ticks_at_progress; /* ticks when a fraction was first seen */
} Watch;

static gboolean
tick_cb (gpointer user_data)
{
  Watch *watch = user_data;

  watch->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
test_reports_progress_while_the_window_keeps_handling_events (Fixture       *fixture,
                                                              gconstpointer  user_data)
{
  PmScheduleDialog *dialog = pm_schedule_dialog_new (fixture->window, PM_SCHEDULE_DIALOG_SCHEDULES);
  Watch watch = { 0 };
  guint tick;
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  pm_schedule_dialog_set_destination (dialog, fixture->out, TRUE);
  tick = g_timeout_add (1, tick_cb, &watch);
  g_assert_true (pm_schedule_dialog_export (dialog));

  while (pm_window_is_busy (fixture->window) && g_get_monotonic_time () < end)
    {
      double fraction = pm_window_get_progress (fixture->window);

      if (fraction > 0 && watch.fraction == 0)
        watch.ticks_at_progress = watch.ticks;
      watch.fraction = MAX (watch.fraction, fraction);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);

  g_assert_false (pm_window_is_busy (fixture->window));
  g_assert_null (pm_window_get_last_error (fixture->window));
  g_test_message ("progress reached %.2f; %u ticks of the main loop during the export",
                  watch.fraction, watch.ticks);
  g_assert_cmpfloat (watch.fraction, >, 0);
  /* the main loop ran while the files were written */
  g_assert_cmpuint (watch.ticks, >, watch.ticks_at_progress);
  g_assert_cmpuint (watch.ticks, >, 5);
  {
    g_autoptr (GPtrArray) files = list_files (fixture->out);

    g_assert_cmpuint (files->len, ==, 38);
  }
}

/* With PM_TEST_SCREENSHOT_DIR set, saves the dialogs as PNG there, to look
 * at them (in Chinese: LANGUAGE=zh_CN PM_LOCALEDIR=build/po). */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  const char *dir = g_getenv ("PM_TEST_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  if (dir == NULL)
    return;

  gtk_window_present (GTK_WINDOW (widget));
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
test_looks_right (Fixture       *fixture,
                  gconstpointer  user_data)
{
  PmScheduleDialog *dialog = pm_schedule_dialog_new (fixture->window, PM_SCHEDULE_DIALOG_SCHEDULES);
  PmScheduleDialog *division = pm_schedule_dialog_new (fixture->window, PM_SCHEDULE_DIALOG_TASK_DIVISION);

  if (g_getenv ("PM_TEST_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("PM_TEST_SCREENSHOT_DIR is not set");
      gtk_window_destroy (GTK_WINDOW (dialog));
      gtk_window_destroy (GTK_WINDOW (division));
      return;
    }
  pm_schedule_dialog_choose_department (dialog, "县体育局", FALSE);
  save_png (GTK_WIDGET (dialog), "schedule-dialog.png");
  pm_schedule_dialog_set_destination (dialog, fixture->out, TRUE);
  pm_schedule_dialog_set_search_text (dialog, "教");
  save_png (GTK_WIDGET (dialog), "schedule-dialog-folder.png");
  save_png (GTK_WIDGET (division), "task-division-dialog.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (division));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  if (g_getenv ("PM_LOCALEDIR"))
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PM_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_resources_register (pm_ui_get_resource ());

#define ADD(path, func) g_test_add ("/ui/schedule-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add ("/ui/schedule-dialog/actions-are-enabled-only-with-a-project", Fixture, "empty",
              fixture_set_up, test_actions_are_enabled_only_with_a_project, fixture_tear_down);
  ADD ("lists-every-department-chosen-and-the-windows-year", test_lists_every_department_chosen_and_the_windows_year);
  ADD ("search-narrows-the-list", test_search_narrows_the_list_and_select_all_ticks_what_is_shown);
  ADD ("the-file-takes-the-extension-of-the-format", test_the_file_takes_the_extension_of_the_format);
  ADD ("exports-two-chosen-departments-to-a-folder-one-file-each", test_exports_two_chosen_departments_to_a_folder_one_file_each);
  ADD ("exports-every-department-to-one-pdf", test_exports_every_department_to_one_pdf);
  ADD ("exports-the-task-division", test_exports_the_task_division);
  ADD ("cancelling-leaves-no-file", test_cancelling_leaves_no_file);
  ADD ("reports-progress-while-the-window-keeps-handling-events", test_reports_progress_while_the_window_keeps_handling_events);

  ADD ("looks-right", test_looks_right);

  return g_test_run ();
}
