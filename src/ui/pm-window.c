/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-department.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-window.h"

struct _PmWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkColumnView *view;

  PmProject *project;
};

G_DEFINE_FINAL_TYPE (PmWindow, pm_window, ADW_TYPE_APPLICATION_WINDOW)

typedef enum
{
  COLUMN_NAME,
  COLUMN_COUNTY_TARGET,
  COLUMN_CITY_TARGET,
  COLUMN_ATTRIBUTE,
  COLUMN_DEPARTMENTS,
} Column;

/* plans → domains → indicators */
static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  if (PM_IS_PLAN (item))
    return g_object_ref (pm_plan_get_domains (PM_PLAN (item)));
  if (PM_IS_DOMAIN (item))
    return g_object_ref (pm_domain_get_indicators (PM_DOMAIN (item)));
  return NULL;
}

static char *
dup_cell_text (gpointer item,
               Column   column)
{
  PmIndicator *indicator;

  if (PM_IS_PLAN (item))
    return column == COLUMN_NAME ? g_strdup (pm_plan_get_name (PM_PLAN (item))) : NULL;
  if (PM_IS_DOMAIN (item))
    return column == COLUMN_NAME ? g_strdup (pm_domain_get_name (PM_DOMAIN (item))) : NULL;

  indicator = PM_INDICATOR (item);
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup_printf ("%s  %s", pm_indicator_get_code (indicator),
                              pm_indicator_get_name (indicator));
    case COLUMN_COUNTY_TARGET:
      return g_strdup (pm_indicator_get_county_target (indicator));
    case COLUMN_CITY_TARGET:
      return g_strdup (pm_indicator_get_city_target (indicator));
    case COLUMN_ATTRIBUTE:
      return g_strdup (pm_attribute_to_printed (pm_indicator_get_attribute (indicator)));
    case COLUMN_DEPARTMENTS:
      return pm_indicator_dup_departments_label (indicator, "、");
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  if (column == COLUMN_NAME)
    {
      GtkWidget *expander = gtk_tree_expander_new ();

      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
      gtk_list_item_set_child (list_item, expander);
    }
  else
    gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  gpointer item = gtk_tree_list_row_get_item (row);
  g_autofree char *text = dup_cell_text (item, column);
  GtkWidget *label = child;

  if (column == COLUMN_NAME)
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), row);
      label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));
      gtk_widget_remove_css_class (label, "plan-row");
      gtk_widget_remove_css_class (label, "domain-row");
      if (PM_IS_PLAN (item))
        gtk_widget_add_css_class (label, "plan-row");
      else if (PM_IS_DOMAIN (item))
        gtk_widget_add_css_class (label, "domain-row");
    }

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_tooltip_text (label, text && *text ? text : NULL);
  g_object_unref (item);
}

static void
add_column (PmWindow   *self,
            const char *title,
            Column      column,
            int         fixed_width,
            gboolean    expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->view, view_column);
  g_object_unref (view_column);
}

static void
pm_window_dispose (GObject *object)
{
  PmWindow *self = PM_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_WINDOW);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (pm_window_parent_class)->dispose (object);
}

static void
pm_window_class_init (PmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/planmonitor/PlanMonitor/ui/pm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PmWindow, view);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pm_window_init (PmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, _("Indicator"), COLUMN_NAME, 460, TRUE);
  add_column (self, _("County Target"), COLUMN_COUNTY_TARGET, 130, FALSE);
  add_column (self, _("Municipal Target"), COLUMN_CITY_TARGET, 130, FALSE);
  add_column (self, _("Attribute"), COLUMN_ATTRIBUTE, 80, FALSE);
  add_column (self, _("Departments"), COLUMN_DEPARTMENTS, 260, FALSE);
}

PmWindow *
pm_window_new (GtkApplication *application)
{
  return g_object_new (PM_TYPE_WINDOW, "application", application, NULL);
}

void
pm_window_set_project (PmWindow  *self,
                       PmProject *project)
{
  GtkTreeListModel *tree;
  GtkSelectionModel *selection;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (project == NULL || PM_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  if (project == NULL)
    {
      gtk_column_view_set_model (self->view, NULL);
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  tree = gtk_tree_list_model_new (g_object_ref (pm_project_get_plans (project)),
                                  FALSE, TRUE, create_child_model, NULL, NULL);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (tree)));
  gtk_column_view_set_model (self->view, selection);
  g_object_unref (selection);

  adw_window_title_set_subtitle (self->window_title,
                                 pm_project_get_title (project) ? pm_project_get_title (project)
                                                                : _("Built-in template"));
}

PmProject *
pm_window_get_project (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return self->project;
}

GtkColumnView *
pm_window_get_view (PmWindow *self)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), NULL);
  return self->view;
}
