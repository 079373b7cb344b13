/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "pm-project.h"
#include "pm-ui-resources.h"
#include "pm-window.h"

static PmProject *
load_template (void)
{
  g_autoptr (GError) error = NULL;
  PmProject *project = pm_project_new_from_template (&error);

  g_assert_no_error (error);
  return project;
}

static gpointer
row_item (GListModel *model,
          guint       position)
{
  g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, position);

  return gtk_tree_list_row_get_item (row);
}

static void
test_window_lists_both_plans_with_their_domains_and_indicators (void)
{
  g_autoptr (PmProject) project = load_template ();
  PmWindow *window = pm_window_new (NULL);
  GListModel *rows;
  g_autoptr (GObject) first = NULL;
  g_autoptr (GObject) second = NULL;
  g_autoptr (GObject) third = NULL;

  g_object_ref_sink (window);
  pm_window_set_project (window, project);
  rows = G_LIST_MODEL (gtk_column_view_get_model (pm_window_get_view (window)));

  /* expanded: plan, its first domain, that domain's first indicator */
  first = row_item (rows, 0);
  second = row_item (rows, 1);
  third = row_item (rows, 2);
  g_assert_true (g_type_is_a (G_OBJECT_TYPE (first), g_type_from_name ("PmPlan")));
  g_assert_true (g_type_is_a (G_OBJECT_TYPE (second), g_type_from_name ("PmDomain")));
  g_assert_true (g_type_is_a (G_OBJECT_TYPE (third), g_type_from_name ("PmIndicator")));

  /* 2 plans + 14 domains + 91 indicators of 2021–2030 */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2 + 14 + 91);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_resources_register (pm_ui_get_resource ());

  g_test_add_func ("/ui/window/lists-both-plans-with-their-domains-and-indicators",
                   test_window_lists_both_plans_with_their_domains_and_indicators);

  return g_test_run ();
}
