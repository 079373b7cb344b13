/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-department.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-sidebar.h"
#include "pm-ui-util.h"

/* The first row of each view: the overview of the chosen year. */
#define PM_TYPE_SIDEBAR_HOME (pm_sidebar_home_get_type ())
G_DECLARE_FINAL_TYPE (PmSidebarHome, pm_sidebar_home, PM, SIDEBAR_HOME, GObject)

struct _PmSidebarHome
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (PmSidebarHome, pm_sidebar_home, G_TYPE_OBJECT)

static void
pm_sidebar_home_class_init (PmSidebarHomeClass *klass)
{
}

static void
pm_sidebar_home_init (PmSidebarHome *self)
{
}

struct _PmSidebar
{
  AdwBin parent_instance;

  GtkSearchEntry *search_entry;
  GtkToggleButton *plans_button;
  GtkToggleButton *departments_button;
  GtkStack *list_stack;
  GtkListView *list_view;

  PmProject *project;
  PmSummary *summary;
  GHashTable *evaluations; /* code → PmEvaluation (owned by summary) */
  PmSidebarHome *home;

  GListStore *plan_roots;       /* home, then the plans */
  GListStore *department_roots; /* home, then departments with indicators */
  GListStore *indicators;       /* every 2021–2030 indicator, for search */
  GtkCustomFilter *filter;
  char *folded_query;

  GtkTreeListModel *tree;
  GtkSingleSelection *selection;
  GHashTable *bound_rows; /* row widgets showing an indicator */

  PmSidebarView view;
  gboolean searching;
};

G_DEFINE_FINAL_TYPE (PmSidebar, pm_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  OVERVIEW_SELECTED,
  INDICATOR_SELECTED,
  DEPARTMENT_SELECTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static GListModel *
department_indicators (PmProject    *project,
                       PmDepartment *department)
{
  g_autoptr (GPtrArray) all = pm_project_list_department_indicators (project, department);
  GListStore *store = g_list_store_new (PM_TYPE_INDICATOR);

  for (guint i = 0; i < all->len; i++)
    {
      PmIndicator *indicator = g_ptr_array_index (all, i);

      if (pm_indicator_get_period (indicator) == PM_PERIOD_2021_2030)
        g_list_store_append (store, indicator);
    }

  return G_LIST_MODEL (store);
}

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  PmSidebar *self = user_data;

  if (self->searching)
    return NULL;
  if (PM_IS_PLAN (item))
    return g_object_ref (pm_plan_get_domains (PM_PLAN (item)));
  if (PM_IS_DOMAIN (item))
    return g_object_ref (pm_domain_get_indicators (PM_DOMAIN (item)));
  if (PM_IS_DEPARTMENT (item) && self->project)
    return department_indicators (self->project, PM_DEPARTMENT (item));
  return NULL;
}

static gboolean
filter_indicator (gpointer item,
                  gpointer user_data)
{
  PmSidebar *self = user_data;

  return pm_ui_indicator_matches (PM_INDICATOR (item), self->folded_query, NULL);
}

/* Rows */

static void
update_row_status (PmSidebar *self,
                   GtkWidget *row)
{
  PmIndicator *indicator = g_object_get_data (G_OBJECT (row), "indicator");
  GtkWidget *dot = g_object_get_data (G_OBJECT (row), "dot");
  PmEvaluation *evaluation = NULL;

  if (indicator && self->evaluations)
    evaluation = g_hash_table_lookup (self->evaluations, pm_indicator_get_code (indicator));

  if (evaluation == NULL)
    {
      pm_ui_clear_status_class (dot);
      gtk_widget_set_visible (dot, indicator != NULL || gtk_image_get_storage_type (GTK_IMAGE (dot)) != GTK_IMAGE_EMPTY);
      return;
    }

  gtk_widget_set_visible (dot, TRUE);
  pm_ui_set_status_class (dot, pm_evaluation_get_status (evaluation));
}

static gboolean
title_query_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
dot_query_tooltip_cb (GtkWidget  *dot,
                      int         x,
                      int         y,
                      gboolean    keyboard,
                      GtkTooltip *tooltip,
                      PmSidebar  *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (dot), "row");
  PmIndicator *indicator = g_object_get_data (G_OBJECT (row), "indicator");
  PmEvaluation *evaluation;

  if (indicator == NULL || self->evaluations == NULL ||
      !(evaluation = g_hash_table_lookup (self->evaluations, pm_indicator_get_code (indicator))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, pm_evaluation_get_explanation (evaluation));
  return TRUE;
}

/* A row is light: the list view makes a row for every item it shows
 * before it knows its height. expander → box → dot (or icon), code, title;
 * the count of a group is made the first time a row shows one. In search
 * results the title has a second, smaller line: the department matched. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PmSidebar                *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = gtk_image_new ();
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_widget_add_css_class (dot, "status-dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (code, "indicator-code");
  gtk_widget_add_css_class (code, "numeric");
  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_label_set_width_chars (GTK_LABEL (code), 5);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);

  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), title);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);

  /* tooltips are found when asked for: setting one on every row as it is
   * bound costs the first frame */
  gtk_widget_set_has_tooltip (title, TRUE);
  g_signal_connect (title, "query-tooltip", G_CALLBACK (title_query_tooltip_cb), NULL);
  gtk_widget_set_has_tooltip (dot, TRUE);
  g_signal_connect (dot, "query-tooltip", G_CALLBACK (dot_query_tooltip_cb), self);
  g_object_set_data (G_OBJECT (dot), "row", expander);

  g_object_set_data (G_OBJECT (expander), "box", box);
  g_object_set_data (G_OBJECT (expander), "dot", dot);
  g_object_set_data (G_OBJECT (expander), "code", code);
  g_object_set_data (G_OBJECT (expander), "title", title);

  gtk_list_item_set_child (list_item, expander);
}

static void
set_row_count (GtkWidget *row,
               int        count)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "count");
  g_autofree char *text = NULL;

  if (label == NULL && count < 0)
    return;
  if (label == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (g_object_get_data (G_OBJECT (row), "box")), label);
      g_object_set_data (G_OBJECT (row), "count", label);
    }

  gtk_widget_set_visible (label, count >= 0);
  if (count < 0)
    return;
  text = g_strdup_printf ("%d", count);
  gtk_label_set_text (GTK_LABEL (label), text);
}

/* The title, with a second line in small, dim type. */
static void
set_row_title (GtkWidget  *row,
               const char *title,
               const char *second)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "title");
  g_autoptr (PangoAttrList) attributes = NULL;
  g_autofree char *text = NULL;
  PangoAttribute *attribute;
  guint start;

  if (second == NULL || *second == '\0')
    {
      gtk_label_set_attributes (label, NULL);
      gtk_label_set_text (label, title);
      return;
    }

  text = g_strconcat (title, "\n", second, NULL);
  start = strlen (title) + 1;
  attributes = pango_attr_list_new ();
  attribute = pango_attr_scale_new (PANGO_SCALE_SMALL);
  attribute->start_index = start;
  pango_attr_list_insert (attributes, attribute);
  attribute = pango_attr_foreground_alpha_new (G_MAXUINT16 * 55 / 100);
  attribute->start_index = start;
  pango_attr_list_insert (attributes, attribute);
  gtk_label_set_text (label, text);
  gtk_label_set_attributes (label, attributes);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PmSidebar                *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);
  GtkWidget *dot = g_object_get_data (G_OBJECT (expander), "dot");
  GtkWidget *code = g_object_get_data (G_OBJECT (expander), "code");
  const char *text = NULL;
  const char *second = NULL;
  int count = -1;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_widget_remove_css_class (expander, "group-row");
  gtk_widget_set_visible (code, FALSE);
  gtk_image_clear (GTK_IMAGE (dot));
  gtk_list_item_set_selectable (list_item, TRUE);
  g_object_set_data (G_OBJECT (expander), "indicator", NULL);

  gtk_widget_add_css_class (dot, "status-dot");
  if (PM_IS_SIDEBAR_HOME (item))
    {
      text = _("Overview");
      gtk_widget_remove_css_class (dot, "status-dot");
      gtk_image_set_from_icon_name (GTK_IMAGE (dot), "view-grid-symbolic");
    }
  else if (PM_IS_PLAN (item))
    {
      text = pm_plan_get_name (PM_PLAN (item));
      gtk_widget_add_css_class (expander, "group-row");
      gtk_list_item_set_selectable (list_item, FALSE);
    }
  else if (PM_IS_DOMAIN (item))
    {
      text = pm_domain_get_name (PM_DOMAIN (item));
      count = g_list_model_get_n_items (pm_domain_get_indicators (PM_DOMAIN (item)));
      gtk_widget_add_css_class (expander, "group-row");
      gtk_list_item_set_selectable (list_item, FALSE);
    }
  else if (PM_IS_DEPARTMENT (item))
    {
      g_autoptr (GListModel) children = department_indicators (self->project, PM_DEPARTMENT (item));

      text = pm_department_get_name (PM_DEPARTMENT (item));
      count = g_list_model_get_n_items (children);
      gtk_widget_add_css_class (expander, "group-row");
      /* selecting a department opens its page (pm-window-department.c) */
      gtk_list_item_set_selectable (list_item, TRUE);
    }
  else if (PM_IS_INDICATOR (item))
    {
      PmIndicator *indicator = PM_INDICATOR (item);

      text = pm_indicator_get_name (indicator);
      gtk_label_set_text (GTK_LABEL (code), pm_indicator_get_code (indicator));
      gtk_widget_set_visible (code, TRUE);
      g_object_set_data (G_OBJECT (expander), "indicator", indicator);
      g_hash_table_add (self->bound_rows, expander);

      if (self->searching)
        {
          PmDepartment *department = NULL;
          PmDomain *domain = pm_indicator_get_domain (indicator);

          pm_ui_indicator_matches (indicator, self->folded_query, &department);
          second = department ? pm_department_get_name (department)
                              : domain ? pm_domain_get_name (domain) : NULL;
        }
    }

  set_row_title (expander, text ? text : "", second);
  set_row_count (expander, count);
  update_row_status (self, expander);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               PmSidebar                *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  g_hash_table_remove (self->bound_rows, expander);
  g_object_set_data (G_OBJECT (expander), "indicator", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/* Models */

static void
selection_changed_cb (PmSidebar *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr (GObject) item = NULL;

  if (row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);
  if (PM_IS_INDICATOR (item))
    g_signal_emit (self, signals[INDICATOR_SELECTED], 0, item);
  else if (PM_IS_SIDEBAR_HOME (item))
    g_signal_emit (self, signals[OVERVIEW_SELECTED], 0);
  else if (PM_IS_DEPARTMENT (item))
    g_signal_emit (self, signals[DEPARTMENT_SELECTED], 0, item);
}

static void
set_tree (PmSidebar  *self,
          GListModel *roots,
          gboolean    expand)
{
  if (self->selection)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_hash_table_remove_all (self->bound_rows);

  if (roots == NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      return;
    }

  self->tree = gtk_tree_list_model_new (g_object_ref (roots), FALSE, FALSE,
                                        create_child_model, self, NULL);
  /* expand: the plans show their domains; a domain shows its indicators
   * when opened or when one of them is selected */
  if (expand)
    for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i > 0; i--)
      {
        g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i - 1);
        g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

        if (PM_IS_PLAN (item))
          gtk_tree_list_row_set_expanded (row, TRUE);
      }
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
update_empty_state (PmSidebar *self)
{
  gboolean empty = self->tree && g_list_model_get_n_items (G_LIST_MODEL (self->tree)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
rebuild_tree (PmSidebar *self)
{
  PmIndicator *selected = pm_sidebar_get_selected_indicator (self);

  if (selected)
    g_object_ref (selected);

  if (self->project == NULL)
    set_tree (self, NULL, FALSE);
  else if (self->searching)
    {
      g_autoptr (GtkFilterListModel) filtered =
        gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->indicators)),
                                   g_object_ref (GTK_FILTER (self->filter)));

      set_tree (self, G_LIST_MODEL (filtered), FALSE);
    }
  else if (self->view == PM_SIDEBAR_VIEW_DEPARTMENTS)
    set_tree (self, G_LIST_MODEL (self->department_roots), FALSE);
  else
    set_tree (self, G_LIST_MODEL (self->plan_roots), TRUE);

  update_empty_state (self);

  if (selected)
    {
      /* keep the selection, without announcing it again */
      if (self->selection)
        g_signal_handlers_block_by_func (self->selection, selection_changed_cb, self);
      pm_sidebar_select_indicator (self, selected);
      if (self->selection)
        g_signal_handlers_unblock_by_func (self->selection, selection_changed_cb, self);
      g_object_unref (selected);
    }
}

/* Template callbacks */

static void
search_changed_cb (PmSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean searching = *stripped != '\0';

  g_free (self->folded_query);
  self->folded_query = pm_ui_fold (stripped);

  if (searching != self->searching)
    {
      self->searching = searching;
      rebuild_tree (self);
    }
  else if (searching)
    {
      /* a filter change re-binds visible rows only where items change:
       * rebuild so that the matched department of each row is current */
      rebuild_tree (self);
    }
}

static void
search_activate_cb (PmSidebar *self)
{
  if (self->tree == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->tree)) == 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

      if (PM_IS_INDICATOR (item))
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

static void
search_stop_cb (PmSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_next_match_cb (PmSidebar *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
view_toggled_cb (PmSidebar *self)
{
  pm_sidebar_set_view (self, gtk_toggle_button_get_active (self->departments_button)
                               ? PM_SIDEBAR_VIEW_DEPARTMENTS
                               : PM_SIDEBAR_VIEW_PLANS);
}

static void
list_activate_cb (PmSidebar *self,
                  guint      position)
{
  g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr (GObject) item = NULL;

  if (row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);
  if (gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else if (PM_IS_INDICATOR (item) || PM_IS_SIDEBAR_HOME (item))
    {
      gtk_single_selection_set_selected (self->selection, position);
      /* activating the selected row again shows it again */
      selection_changed_cb (self);
    }
}

/* GObject */

static void
pm_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PmSidebar *self = PM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view == PM_SIDEBAR_VIEW_DEPARTMENTS ? "departments" : "plans");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PmSidebar *self = PM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      pm_sidebar_set_view (self, g_strcmp0 (g_value_get_string (value), "departments") == 0
                                   ? PM_SIDEBAR_VIEW_DEPARTMENTS
                                   : PM_SIDEBAR_VIEW_PLANS);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_sidebar_dispose (GObject *object)
{
  PmSidebar *self = PM_SIDEBAR (object);

  if (self->list_view)
    gtk_list_view_set_model (self->list_view, NULL);
  set_tree (self, NULL, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_SIDEBAR);

  g_clear_object (&self->project);
  g_clear_object (&self->summary);
  g_clear_pointer (&self->evaluations, g_hash_table_unref);
  g_clear_object (&self->plan_roots);
  g_clear_object (&self->department_roots);
  g_clear_object (&self->indicators);
  g_clear_object (&self->filter);
  g_clear_object (&self->home);

  G_OBJECT_CLASS (pm_sidebar_parent_class)->dispose (object);
}

static void
pm_sidebar_finalize (GObject *object)
{
  PmSidebar *self = PM_SIDEBAR (object);

  g_clear_pointer (&self->folded_query, g_free);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);

  G_OBJECT_CLASS (pm_sidebar_parent_class)->finalize (object);
}

static void
pm_sidebar_class_init (PmSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pm_sidebar_get_property;
  object_class->set_property = pm_sidebar_set_property;
  object_class->dispose = pm_sidebar_dispose;
  object_class->finalize = pm_sidebar_finalize;

  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "plans",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OVERVIEW_SELECTED] =
    g_signal_new ("overview-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[INDICATOR_SELECTED] =
    g_signal_new ("indicator-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PM_TYPE_INDICATOR);
  signals[DEPARTMENT_SELECTED] =
    g_signal_new ("department-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PM_TYPE_DEPARTMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/planmonitor/PlanMonitor/ui/pm-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PmSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PmSidebar, plans_button);
  gtk_widget_class_bind_template_child (widget_class, PmSidebar, departments_button);
  gtk_widget_class_bind_template_child (widget_class, PmSidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PmSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_set_css_name (widget_class, "pmsidebar");
}

static void
pm_sidebar_init (PmSidebar *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->home = g_object_new (PM_TYPE_SIDEBAR_HOME, NULL);
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->folded_query = g_strdup ("");
  self->filter = gtk_custom_filter_new (filter_indicator, self, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
}

GtkWidget *
pm_sidebar_new (void)
{
  return g_object_new (PM_TYPE_SIDEBAR, NULL);
}

void
pm_sidebar_set_project (PmSidebar *self,
                        PmProject *project)
{
  GListModel *model;

  g_return_if_fail (PM_IS_SIDEBAR (self));
  g_return_if_fail (project == NULL || PM_IS_PROJECT (project));

  set_tree (self, NULL, FALSE);
  g_set_object (&self->project, project);
  g_clear_object (&self->plan_roots);
  g_clear_object (&self->department_roots);
  g_clear_object (&self->indicators);

  if (project == NULL)
    {
      update_empty_state (self);
      return;
    }

  self->plan_roots = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_append (self->plan_roots, self->home);
  model = pm_project_get_plans (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) plan = g_list_model_get_item (model, i);

      g_list_store_append (self->plan_roots, plan);
    }

  self->department_roots = g_list_store_new (G_TYPE_OBJECT);
  g_list_store_append (self->department_roots, self->home);
  model = pm_project_get_departments (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (PmDepartment) department = g_list_model_get_item (model, i);
      g_autoptr (GListModel) children = department_indicators (project, department);

      if (g_list_model_get_n_items (children) > 0)
        g_list_store_append (self->department_roots, department);
    }

  self->indicators = g_list_store_new (PM_TYPE_INDICATOR);
  model = pm_project_get_indicators (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (model, i);

      if (pm_indicator_get_period (indicator) == PM_PERIOD_2021_2030)
        g_list_store_append (self->indicators, indicator);
    }

  rebuild_tree (self);
}

/* The summary gives each indicator row its status dot. */
void
pm_sidebar_set_summary (PmSidebar *self,
                        PmSummary *summary)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (PM_IS_SIDEBAR (self));
  g_return_if_fail (summary == NULL || PM_IS_SUMMARY (summary));

  g_set_object (&self->summary, summary);
  g_clear_pointer (&self->evaluations, g_hash_table_unref);

  if (summary)
    {
      GListModel *evaluations = pm_summary_get_evaluations (summary);

      self->evaluations = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
        {
          g_autoptr (PmEvaluation) evaluation = g_list_model_get_item (evaluations, i);
          PmIndicator *indicator = pm_evaluation_get_indicator (evaluation);

          g_hash_table_insert (self->evaluations, (gpointer) pm_indicator_get_code (indicator),
                               evaluation);
        }
    }

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    update_row_status (self, row);
}

PmSidebarView
pm_sidebar_get_view (PmSidebar *self)
{
  g_return_val_if_fail (PM_IS_SIDEBAR (self), PM_SIDEBAR_VIEW_PLANS);
  return self->view;
}

void
pm_sidebar_set_view (PmSidebar     *self,
                     PmSidebarView  view)
{
  g_return_if_fail (PM_IS_SIDEBAR (self));

  if (self->view == view)
    return;

  self->view = view;
  gtk_toggle_button_set_active (view == PM_SIDEBAR_VIEW_DEPARTMENTS ? self->departments_button
                                                                    : self->plans_button,
                                TRUE);
  if (!self->searching)
    rebuild_tree (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

void
pm_sidebar_select_overview (PmSidebar *self)
{
  g_return_if_fail (PM_IS_SIDEBAR (self));

  if (self->selection == NULL)
    return;
  if (self->searching)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_single_selection_set_selected (self->selection, 0);
}

static gboolean
find_item (PmSidebar *self,
           gpointer   wanted,
           guint     *position)
{
  GListModel *rows = G_LIST_MODEL (self->tree);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

      if (item == wanted)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Selects the indicator's row, expanding its department in that view.
 * Returns: whether the row is shown */
gboolean
pm_sidebar_select_indicator (PmSidebar   *self,
                             PmIndicator *indicator)
{
  guint position;

  g_return_val_if_fail (PM_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), FALSE);

  if (self->tree == NULL)
    return FALSE;

  if (pm_sidebar_get_selected_indicator (self) == indicator)
    return TRUE;

  if (!find_item (self, indicator, &position) && !self->searching)
    {
      /* open the group it is in: its domain, or its lead department */
      gpointer group = self->view == PM_SIDEBAR_VIEW_DEPARTMENTS
                         ? (gpointer) pm_indicator_get_lead_department (indicator)
                         : (gpointer) pm_indicator_get_domain (indicator);
      guint parent;

      if (group && find_item (self, group, &parent))
        {
          g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), parent);

          gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }

  if (!find_item (self, indicator, &position))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return FALSE;
    }

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

PmIndicator *
pm_sidebar_get_selected_indicator (PmSidebar *self)
{
  GtkTreeListRow *row;
  g_autoptr (GObject) item = NULL;

  g_return_val_if_fail (PM_IS_SIDEBAR (self), NULL);

  if (self->selection == NULL ||
      !(row = gtk_single_selection_get_selected_item (self->selection)))
    return NULL;

  item = gtk_tree_list_row_get_item (row);
  /* the project keeps its indicators alive */
  return PM_IS_INDICATOR (item) ? PM_INDICATOR (item) : NULL;
}

void
pm_sidebar_focus_search (PmSidebar *self)
{
  g_return_if_fail (PM_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
pm_sidebar_set_search_text (PmSidebar  *self,
                            const char *text)
{
  g_return_if_fail (PM_IS_SIDEBAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* GtkSearchEntry waits a moment before it says the text changed */
  search_changed_cb (self);
}

/* Returns: (transfer none): the rows shown, GtkTreeListRow items */
GListModel *
pm_sidebar_get_rows (PmSidebar *self)
{
  g_return_val_if_fail (PM_IS_SIDEBAR (self), NULL);
  return self->tree ? G_LIST_MODEL (self->tree) : NULL;
}

guint
pm_sidebar_count_indicator_rows (PmSidebar *self)
{
  GListModel *rows;
  guint count = 0;

  g_return_val_if_fail (PM_IS_SIDEBAR (self), 0);

  if (!(rows = pm_sidebar_get_rows (self)))
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

      count += PM_IS_INDICATOR (item);
    }

  return count;
}
