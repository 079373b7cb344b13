/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-completeness-page.h"
#include "pm-department-page.h"
#include "pm-department.h"
#include "pm-project.h"
#include "pm-window-department.h"
#include "pm-window-private.h"

/* The pages live in the window's content stack as "department" and
 * "completeness"; they are kept as object data of the window so that the
 * window's own structure stays as it is. */

#define DEPARTMENT_PAGE_KEY "pm-department-page"
#define COMPLETENESS_PAGE_KEY "pm-completeness-page"

static void
show_content (PmWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
completeness_requested_cb (PmWindow *self)
{
  pm_window_show_completeness (self);
}

static void
department_activated_cb (PmWindow   *self,
                         const char *name,
                         int         year)
{
  pm_window_show_department (self, name, year);
}

static PmDepartmentPage *
ensure_department_page (PmWindow *self)
{
  GtkWidget *page = g_object_get_data (G_OBJECT (self), DEPARTMENT_PAGE_KEY);

  if (page == NULL)
    {
      page = pm_department_page_new ();
      g_signal_connect_object (page, "show-completeness", G_CALLBACK (completeness_requested_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, page, "department");
      g_object_set_data (G_OBJECT (self), DEPARTMENT_PAGE_KEY, page);
      pm_department_page_set_store (PM_DEPARTMENT_PAGE (page), self->store);
    }

  return PM_DEPARTMENT_PAGE (page);
}

static PmCompletenessPage *
ensure_completeness_page (PmWindow *self)
{
  GtkWidget *page = g_object_get_data (G_OBJECT (self), COMPLETENESS_PAGE_KEY);

  if (page == NULL)
    {
      page = pm_completeness_page_new ();
      g_signal_connect_object (page, "department-activated", G_CALLBACK (department_activated_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, page, "completeness");
      g_object_set_data (G_OBJECT (self), COMPLETENESS_PAGE_KEY, page);
      pm_completeness_page_set_store (PM_COMPLETENESS_PAGE (page), self->store);
    }

  return PM_COMPLETENESS_PAGE (page);
}

static void
sidebar_department_cb (PmWindow     *self,
                       PmDepartment *department)
{
  pm_window_show_department (self, pm_department_get_name (department), 0);
}

static void
show_department_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  pm_window_show_department (PM_WINDOW (widget), g_variant_get_string (parameter, NULL), 0);
}

static void
show_reports_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  pm_window_show_completeness (PM_WINDOW (widget));
}

void
pm_window_class_add_department_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-department", "s",
                                   show_department_action);
  gtk_widget_class_install_action (widget_class, "win.show-reports", NULL, show_reports_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-reports", NULL);
}

void
pm_window_department_init (PmWindow *self)
{
  g_signal_connect_object (self->sidebar, "department-selected",
                           G_CALLBACK (sidebar_department_cb), self, G_CONNECT_SWAPPED);
}

/* The project shown changed (NULL: none, or the template). */
void
pm_window_department_set_store (PmWindow *self,
                                PmStore  *store)
{
  GtkWidget *department = g_object_get_data (G_OBJECT (self), DEPARTMENT_PAGE_KEY);
  GtkWidget *completeness = g_object_get_data (G_OBJECT (self), COMPLETENESS_PAGE_KEY);

  if (department)
    pm_department_page_set_store (PM_DEPARTMENT_PAGE (department), store);
  if (completeness)
    pm_completeness_page_set_store (PM_COMPLETENESS_PAGE (completeness), store);
}

static gboolean
needs_store (PmWindow *self)
{
  if (self->store)
    return TRUE;

  pm_window_add_toast (self, _("Open or create a project to enter the departments’ values and "
                               "reports."));
  return FALSE;
}

/**
 * pm_window_show_department:
 * @name: a department of the project
 * @year: the year of its report, 0 for the window's evaluation year
 *
 * Returns: whether the department's page is shown
 */
gboolean
pm_window_show_department (PmWindow   *self,
                           const char *name,
                           int         year)
{
  PmDepartment *department;
  PmDepartmentPage *page;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);

  if (self->project == NULL || !needs_store (self))
    return FALSE;
  department = pm_project_find_department (self->project, name);
  if (department == NULL)
    return FALSE;

  page = ensure_department_page (self);
  pm_department_page_set_store (page, self->store);
  pm_department_page_set_department (page, department);
  pm_department_page_set_year (page, year ? year : pm_window_get_year (self));
  gtk_stack_set_visible_child_name (self->content_stack, "department");
  pm_window_update_actions (self);
  show_content (self);
  return TRUE;
}

/* Returns: whether the reports of every department are shown */
gboolean
pm_window_show_completeness (PmWindow *self)
{
  PmCompletenessPage *page;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);

  if (self->project == NULL || !needs_store (self))
    return FALSE;

  page = ensure_completeness_page (self);
  pm_completeness_page_set_store (page, self->store);
  gtk_stack_set_visible_child_name (self->content_stack, "completeness");
  pm_window_update_actions (self);
  show_content (self);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the department page, once made */
GtkWidget *
pm_window_get_department_page (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return g_object_get_data (G_OBJECT (self), DEPARTMENT_PAGE_KEY);
}

/* Returns: (transfer none) (nullable): the completeness page, once made */
GtkWidget *
pm_window_get_completeness_page (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return g_object_get_data (G_OBJECT (self), COMPLETENESS_PAGE_KEY);
}
