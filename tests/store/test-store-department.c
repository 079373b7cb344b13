/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What departments enter besides values: reports and their lock, progress
 * notes, the indicators' own settings, confirmed checks, the order of work
 * items. Every figure here is synthetic. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pm-checks.h"
#include "pm-evaluation.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"
#include "pm-store.h"
#include "store-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  PmStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = store_test_make_dir ();
  fixture->path = store_test_new_project (fixture->dir, "county.pmproj");
  fixture->store = pm_store_open (fixture->path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  pm_store_set_user_name (fixture->store, "测试员");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static PmStore *
reopen (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  pm_store_close (fixture->store);
  g_clear_object (&fixture->store);
  fixture->store = pm_store_open (fixture->path, PM_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  pm_store_set_user_name (fixture->store, "测试员");
  return fixture->store;
}

static PmIndicator *
indicator (Fixture    *fixture,
           const char *code)
{
  return pm_project_find_indicator (pm_store_get_project (fixture->store), code);
}

/* Progress notes */

static void
test_progress_notes_keep_history_and_the_latest_is_found (Fixture       *fixture,
                                                          gconstpointer  user_data)
{
  PmStore *store = fixture->store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *none = NULL;
  int year = -1;

  g_assert_true (pm_store_set_progress_note (store, "WT1.1", "县卫生健康委", 2022,
                                             "synthetic note 2022", &error));
  g_assert_true (pm_store_set_progress_note (store, "WT1.1", "县卫生健康委", 2023,
                                             "  synthetic note 2023  ", &error));
  g_assert_true (pm_store_set_progress_note (store, "WT1.1", "县卫生健康委", 2023,
                                             "synthetic note 2023, corrected", &error));
  g_assert_no_error (error);

  latest = pm_store_dup_latest_progress_note (store, "WT1.1", "县卫生健康委", 2024, &year, &error);
  g_assert_cmpstr (latest, ==, "synthetic note 2023, corrected");
  g_assert_cmpint (year, ==, 2023);
  g_clear_pointer (&latest, g_free);
  latest = pm_store_dup_latest_progress_note (store, "WT1.1", "县卫生健康委", 2022, &year, &error);
  g_assert_cmpstr (latest, ==, "synthetic note 2022");
  g_assert_cmpint (year, ==, 2022);
  none = pm_store_dup_latest_progress_note (store, "WT1.1", "县卫生健康委", 2021, &year, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_cmpint (year, ==, 0);

  /* deleting is a change with its history row too */
  g_assert_true (pm_store_set_progress_note (store, "WT1.1", "县卫生健康委", 2022, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (store_test_query_text (fixture->path,
                                          "SELECT action || ':' || year || ':' || "
                                          "ifnull (old_text, '') || '>' || ifnull (new_text, '') "
                                          "|| ':' || changed_by FROM progress_note_history "
                                          "ORDER BY id"),
                   ==,
                   "insert:2022:>synthetic note 2022:测试员\n"
                   "insert:2023:>synthetic note 2023:测试员\n"
                   "update:2023:synthetic note 2023>synthetic note 2023, corrected:测试员\n"
                   "delete:2022:synthetic note 2022>:测试员");

  notes = pm_store_list_progress_notes (reopen (fixture), "县卫生健康委", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (((PmProgressNote *) notes->pdata[0])->text, ==,
                   "synthetic note 2023, corrected");
}

static void
test_progress_notes_are_checked (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (pm_store_set_progress_note (fixture->store, "WT99.9", "县卫生健康委", 2023,
                                              "synthetic", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pm_store_set_progress_note (fixture->store, "WT1.1", "不存在的单位", 2023,
                                              "synthetic", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pm_store_set_progress_note (fixture->store, "WT1.1", "县卫生健康委", 2009,
                                              "synthetic", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pm_store_set_progress_note (fixture->store, "WT1.1", "县卫生健康委", 2023,
                                              "a\x01b", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count (*) FROM progress_notes"),
                   ==, 0);
}

/* Indicator settings */

static void
test_target_override_is_kept_and_loaded_on_opening (Fixture       *fixture,
                                                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmTarget) target = NULL;

  /* W26 prints 45左右? any band or comparison will do: W4 prints ≥94 */
  g_assert_true (pm_store_set_target_override (fixture->store, "W4", "96", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pm_target_get_indicator_override (indicator (fixture, "W4")), ==, "96");

  reopen (fixture);
  g_assert_cmpstr (pm_target_get_indicator_override (indicator (fixture, "W4")), ==, "96");
  target = pm_target_new_for_indicator (indicator (fixture, "W4"));
  g_assert_cmpint (target->kind, ==, PM_TARGET_COMPARISON);
  g_assert_cmpfloat (target->value, ==, 96);

  /* removing it is a change too, in the history */
  g_assert_true (pm_store_set_target_override (fixture->store, "W4", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (pm_target_get_indicator_override (indicator (fixture, "W4")));
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT count (*) FROM indicator_settings"), ==, 0);
  g_assert_cmpstr (store_test_query_text (fixture->path,
                                          "SELECT ifnull (old_value, '-') || '>' || "
                                          "ifnull (new_value, '-') FROM indicator_settings_history "
                                          "ORDER BY id"),
                   ==, "->96\n96>-");
  reopen (fixture);
  g_assert_null (pm_target_get_indicator_override (indicator (fixture, "W4")));
}

static void
test_a_bad_override_is_refused_with_the_evaluation_message (Fixture       *fixture,
                                                            gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) eval_error = NULL;
  g_autoptr (PmTarget) printed = pm_target_parse ("≥94");
  g_autoptr (PmTarget) refused = NULL;

  g_assert_true (pm_store_set_target_override (fixture->store, "W4", "95", &error));
  refused = pm_target_apply_override (printed, "plenty", &eval_error);
  g_assert_null (refused);

  g_assert_false (pm_store_set_target_override (fixture->store, "W4", "plenty", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, eval_error->message);
  /* the previous override stays, in the model and in the file */
  g_assert_cmpstr (pm_target_get_indicator_override (indicator (fixture, "W4")), ==, "95");
  g_assert_cmpstr (store_test_query_text (fixture->path, "SELECT target_override FROM "
                                                         "indicator_settings"), ==, "95");
}

static void
test_change_threshold_is_kept_and_loaded_on_opening (Fixture       *fixture,
                                                     gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (isnan (pm_checks_get_change_threshold (indicator (fixture, "W3"))));
  g_assert_true (pm_store_set_change_threshold (fixture->store, "W3", 0.8, &error));
  g_assert_true (pm_store_set_target_override (fixture->store, "W3", "7", &error));
  g_assert_no_error (error);
  reopen (fixture);
  g_assert_cmpfloat (pm_checks_get_change_threshold (indicator (fixture, "W3")), ==, 0.8);
  g_assert_cmpstr (pm_target_get_indicator_override (indicator (fixture, "W3")), ==, "7");

  g_assert_false (pm_store_set_change_threshold (fixture->store, "W3", -1, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pm_store_set_change_threshold (fixture->store, "W3", NAN, &error));
  reopen (fixture);
  g_assert_true (isnan (pm_checks_get_change_threshold (indicator (fixture, "W3"))));
  g_assert_cmpstr (pm_target_get_indicator_override (indicator (fixture, "W3")), ==, "7");
}

/* Reports */

static void
assert_status (Fixture        *fixture,
               const char     *department,
               int             year,
               PmReportStatus  status)
{
  g_assert_cmpstr (pm_report_status_to_string (pm_store_get_department_report_status (
                     fixture->store, department, year)),
                   ==, pm_report_status_to_string (status));
}

static void
test_report_goes_through_submit_accept_return_and_unlock (Fixture       *fixture,
                                                          gconstpointer  user_data)
{
  PmStore *store = fixture->store;
  g_autoptr (GError) error = NULL;
  g_autoptr (PmDepartmentReport) returned = NULL;
  g_autoptr (GPtrArray) events = NULL;

  assert_status (fixture, "县教委", 2023, PM_REPORT_STATUS_NOT_STARTED);

  /* nothing but a submitted report can be accepted or returned */
  g_assert_false (pm_store_accept_department_report (store, "县教委", 2023, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (pm_store_return_department_report (store, "县教委", 2023, "synthetic", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (pm_store_unlock_department_report (store, "县教委", 2023, "synthetic", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_TRANSITION);
  g_clear_error (&error);

  g_assert_true (pm_store_submit_department_report (store, "县教委", 2023, NULL, &error));
  g_assert_no_error (error);
  assert_status (fixture, "县教委", 2023, PM_REPORT_STATUS_SUBMITTED);
  g_assert_false (pm_store_submit_department_report (store, "县教委", 2023, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* returning needs a comment, and keeps it */
  g_assert_false (pm_store_return_department_report (store, "县教委", 2023, "  ", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pm_store_return_department_report (store, "县教委", 2023,
                                                    "synthetic: C10 is missing", &error));
  returned = pm_store_get_department_report (store, "县教委", 2023, &error);
  g_assert_cmpint (returned->status, ==, PM_REPORT_STATUS_RETURNED);
  g_assert_cmpstr (returned->comment, ==, "synthetic: C10 is missing");
  g_assert_nonnull (returned->returned_at);

  /* a returned report is submitted again, then accepted */
  g_assert_true (pm_store_submit_department_report (store, "县教委", 2023, NULL, &error));
  g_assert_true (pm_store_accept_department_report (store, "县教委", 2023, &error));
  g_assert_no_error (error);
  assert_status (fixture, "县教委", 2023, PM_REPORT_STATUS_ACCEPTED);
  g_assert_false (pm_store_submit_department_report (store, "县教委", 2023, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (pm_store_set_department_report (store, "县教委", 2023, PM_REPORT_STATUS_DRAFT,
                                                  NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* unlocking needs a reason; the report is a draft again */
  g_assert_false (pm_store_unlock_department_report (store, "县教委", 2023, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pm_store_unlock_department_report (store, "县教委", 2023,
                                                    "synthetic: the yearbook corrected C10",
                                                    &error));
  assert_status (fixture, "县教委", 2023, PM_REPORT_STATUS_DRAFT);

  events = pm_store_list_report_history (store, "县教委", 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (store_test_query_text (fixture->path,
                                          "SELECT action || ':' || ifnull (old_status, '-') || "
                                          "'>' || new_status || ':' || ifnull (comment, '') || "
                                          "':' || changed_by FROM report_history ORDER BY id"),
                   ==,
                   "submit:->submitted::测试员\n"
                   "return:submitted>returned:synthetic: C10 is missing:测试员\n"
                   "submit:returned>submitted::测试员\n"
                   "accept:submitted>accepted::测试员\n"
                   "unlock:accepted>draft:synthetic: the yearbook corrected C10:测试员");
  g_assert_cmpuint (events->len, ==, 5);
  g_assert_cmpint (((PmReportEvent *) events->pdata[4])->action, ==, PM_REPORT_ACTION_UNLOCK);
  g_assert_cmpint (((PmReportEvent *) events->pdata[0])->old_status, ==,
                   PM_REPORT_STATUS_NOT_STARTED);
}

static void
test_accepted_report_locks_its_department_values_for_the_year (Fixture       *fixture,
                                                               gconstpointer  user_data)
{
  PmStore *store = fixture->store;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  const char *department = NULL;

  /* W4 (≥94) and W20 (保持合理比例) are led by 县卫生健康委 and 县委组织部 */
  g_assert_true (pm_store_set_observation (store, "W4", 2023, NULL, 95, NULL, NULL, NULL, FALSE,
                                           &error));
  g_assert_true (pm_store_set_progress_note (store, "WT1.1", "县卫生健康委", 2023, "synthetic",
                                             &error));
  g_assert_true (pm_store_submit_department_report (store, "县卫生健康委", 2023, NULL, &error));
  g_assert_true (pm_store_accept_department_report (store, "县卫生健康委", 2023, &error));
  g_assert_no_error (error);

  g_assert_true (pm_store_is_value_locked (store, "W4", 2023, &department));
  g_assert_cmpstr (department, ==, "县卫生健康委");
  g_assert_false (pm_store_is_value_locked (store, "W4", 2024, NULL));
  g_assert_false (pm_store_is_value_locked (store, "W20", 2023, NULL));

  before = store_test_checksum (fixture->path);
  g_assert_false (pm_store_set_observation (store, "W4", 2023, NULL, 96, NULL, NULL, NULL, FALSE,
                                            &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "县卫生健康委"));
  g_clear_error (&error);
  g_assert_false (pm_store_delete_observation (store, "W4", 2023, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (pm_store_import_csv_data (store, "code,year,value\nW20,2023,30\nW4,2023,97\n",
                                            -1, "synthetic.csv", NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  /* undoing the edit that wrote the value is a change of it too */
  g_assert_false (pm_store_undo (store, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (pm_store_set_progress_note (store, "WT1.1", "县卫生健康委", 2023, "changed",
                                              &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (pm_store_confirm_check (store, "W4", 2023, PM_CHECK_LARGE_CHANGE, 95,
                                          "synthetic", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpstr (store_test_checksum (fixture->path), ==, before);
  g_assert_cmpfloat (pm_observation_get_value (pm_indicator_find_observation (
                       indicator (fixture, "W4"), 2023, NULL)), ==, 95);

  /* other departments and years are free; the lock survives reopening */
  g_assert_true (pm_store_set_observation (store, "W20", 2023, NULL, 30, NULL, NULL, NULL, FALSE,
                                           &error));
  g_assert_true (pm_store_set_observation (store, "W4", 2024, NULL, 96, NULL, NULL, NULL, FALSE,
                                           &error));
  g_assert_no_error (error);
  store = reopen (fixture);
  g_assert_true (pm_store_is_value_locked (store, "W4", 2023, NULL));

  /* after an unlock with a reason the value changes, with its history row */
  g_assert_true (pm_store_unlock_department_report (store, "县卫生健康委", 2023,
                                                    "synthetic reason", &error));
  g_assert_true (pm_store_set_observation (store, "W4", 2023, NULL, 96, NULL, NULL, NULL, FALSE,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (fixture->path, "SELECT count (*) FROM "
                                                        "observation_history WHERE "
                                                        "indicator = 'W4' AND year = 2023"),
                   ==, 2);
}

/* Confirmed checks */

static void
test_confirmed_checks_keep_their_note_in_the_file (Fixture       *fixture,
                                                   gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) confirmations = NULL;
  PmCheckConfirmation *confirmation;

  g_assert_true (pm_store_confirm_check (fixture->store, "W4", 2023, PM_CHECK_PERCENT_RANGE,
                                         104.32, "synthetic: as printed in the plan", &error));
  g_assert_no_error (error);
  g_assert_false (pm_store_confirm_check (fixture->store, "W4", 2023, PM_CHECK_PERCENT_RANGE,
                                          NAN, "synthetic", &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  reopen (fixture);
  confirmations = pm_store_list_check_confirmations (fixture->store, "W4", 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (confirmations->len, ==, 1);
  confirmation = confirmations->pdata[0];
  g_assert_cmpint (confirmation->kind, ==, PM_CHECK_PERCENT_RANGE);
  g_assert_cmpfloat (confirmation->value, ==, 104.32);
  g_assert_cmpstr (confirmation->note, ==, "synthetic: as printed in the plan");
  g_assert_cmpstr (confirmation->changed_by, ==, "测试员");

  g_assert_true (pm_store_confirm_check (fixture->store, "W4", 2023, PM_CHECK_PERCENT_RANGE,
                                         104.32, NULL, &error));
  g_assert_cmpint (store_test_query_int (fixture->path,
                                         "SELECT count (*) FROM check_confirmations"), ==, 0);
}

/* Work items */

static char *
titles (PmStore *store)
{
  g_autoptr (GPtrArray) items = pm_store_list_work_items (store, "县妇联", 2024, NULL);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      PmWorkItem *item = items->pdata[i];

      g_assert_cmpint (item->position, ==, i);
      g_string_append (text, item->title);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_work_items_keep_the_order_they_are_moved_to (Fixture       *fixture,
                                                  gconstpointer  user_data)
{
  PmStore *store = fixture->store;
  g_autoptr (GError) error = NULL;
  gint64 ids[4];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      char title[2] = { 'A' + i, '\0' };
      g_autoptr (PmWorkItem) item = pm_work_item_new ("县妇联", 2024, title);

      /* due dates in the reverse order: the order is the department's */
      item->due_on = g_strdup_printf ("2024-0%u-01", 9 - i);
      ids[i] = pm_store_add_work_item (store, item, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpstr (titles (store), ==, "ABCD");

  g_assert_true (pm_store_move_work_item (store, ids[3], 0, &error));
  g_assert_cmpstr (titles (store), ==, "DABC");
  g_assert_true (pm_store_move_work_item (store, ids[3], 99, &error));
  g_assert_cmpstr (titles (store), ==, "ABCD");
  g_assert_true (pm_store_move_work_item (store, ids[0], 2, &error));
  g_assert_cmpstr (titles (store), ==, "BCAD");
  g_assert_no_error (error);

  /* deleting closes the gap; moving to another year goes last there */
  g_assert_true (pm_store_delete_work_item (store, ids[2], &error));
  g_assert_cmpstr (titles (store), ==, "BAD");
  {
    g_autoptr (PmWorkItem) item = pm_store_get_work_item (store, ids[1], &error);

    item->year = 2025;
    pm_store_update_work_item (store, item, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (titles (store), ==, "AD");
  reopen (fixture);
  g_assert_cmpstr (titles (fixture->store), ==, "AD");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store/department/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("progress-notes/keep-history-and-the-latest-is-found",
       test_progress_notes_keep_history_and_the_latest_is_found);
  ADD ("progress-notes/are-checked-before-they-are-written", test_progress_notes_are_checked);
  ADD ("settings/target-override-is-kept-and-loaded-on-opening",
       test_target_override_is_kept_and_loaded_on_opening);
  ADD ("settings/a-bad-override-is-refused-with-the-evaluation-message",
       test_a_bad_override_is_refused_with_the_evaluation_message);
  ADD ("settings/change-threshold-is-kept-and-loaded-on-opening",
       test_change_threshold_is_kept_and_loaded_on_opening);
  ADD ("reports/go-through-submit-accept-return-and-unlock",
       test_report_goes_through_submit_accept_return_and_unlock);
  ADD ("reports/an-accepted-report-locks-its-department-values-for-the-year",
       test_accepted_report_locks_its_department_values_for_the_year);
  ADD ("checks/a-confirmation-keeps-its-note-in-the-file",
       test_confirmed_checks_keep_their_note_in_the_file);
  ADD ("work-items/keep-the-order-they-are-moved-to",
       test_work_items_keep_the_order_they_are_moved_to);

  return g_test_run ();
}
