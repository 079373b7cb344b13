/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-completeness-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-completeness-page.h"
#include "pm-department-sheet.h"
#include "pm-ui-util.h"

/* A row of the table: a PmCompletenessRow in a GObject, for the list model. */
#define PM_TYPE_COMPLETENESS_ITEM (pm_completeness_item_get_type ())
G_DECLARE_FINAL_TYPE (PmCompletenessItem, pm_completeness_item, PM, COMPLETENESS_ITEM, GObject)

struct _PmCompletenessItem
{
  GObject parent_instance;
  PmCompletenessRow *row;
};

G_DEFINE_FINAL_TYPE (PmCompletenessItem, pm_completeness_item, G_TYPE_OBJECT)

static void
pm_completeness_item_finalize (GObject *object)
{
  pm_completeness_row_free (PM_COMPLETENESS_ITEM (object)->row);
  G_OBJECT_CLASS (pm_completeness_item_parent_class)->finalize (object);
}

static void
pm_completeness_item_class_init (PmCompletenessItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_completeness_item_finalize;
}

static void
pm_completeness_item_init (PmCompletenessItem *self)
{
}

struct _PmCompletenessPage
{
  AdwBin parent_instance;

  /* template */
  GtkDropDown *year_dropdown;
  GtkLabel *summary_label;
  GtkColumnView *column_view;

  PmStore *store;
  GListStore *items;
  GtkCustomFilter *filter;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  int year;           /* 0: every year */
  int last_year;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (PmCompletenessPage, pm_completeness_page, ADW_TYPE_BIN)

enum {
  DEPARTMENT_ACTIVATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_DEPARTMENT,
  COLUMN_YEAR,
  COLUMN_STATE,
  COLUMN_VALUES,
  COLUMN_CHECKS,
  COLUMN_CHANGED,
  COLUMN_BY,
  N_COLUMNS
} Column;

static const PmCompletenessRow *
row_of (gpointer item)
{
  return PM_COMPLETENESS_ITEM (item)->row;
}

/* The order of the states in the sort: the furthest from done first. */
static int
state_rank (PmReportStatus status)
{
  switch (status)
    {
    case PM_REPORT_STATUS_NOT_STARTED:
      return 0;
    case PM_REPORT_STATUS_DRAFT:
      return 1;
    case PM_REPORT_STATUS_RETURNED:
      return 2;
    case PM_REPORT_STATUS_SUBMITTED:
      return 3;
    case PM_REPORT_STATUS_ACCEPTED:
    default:
      return 4;
    }
}

static int
compare_ints (gint64 a,
              gint64 b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const PmCompletenessRow *x = row_of ((gpointer) a);
  const PmCompletenessRow *y = row_of ((gpointer) b);
  Column column = GPOINTER_TO_INT (user_data);
  int order = 0;

  switch (column)
    {
    case COLUMN_DEPARTMENT:
      order = compare_ints (x->department_position, y->department_position);
      break;
    case COLUMN_YEAR:
      order = compare_ints (x->year, y->year);
      break;
    case COLUMN_STATE:
      order = compare_ints (state_rank (x->status), state_rank (y->status));
      break;
    case COLUMN_VALUES:
      /* the share given: 0 of 0 counts as all */
      order = compare_ints ((gint64) x->entered * MAX (y->expected, 1),
                            (gint64) y->entered * MAX (x->expected, 1));
      break;
    case COLUMN_CHECKS:
      order = compare_ints (x->open_checks, y->open_checks);
      break;
    case COLUMN_CHANGED:
      order = compare_ints (x->last_change ? g_date_time_to_unix (x->last_change) : 0,
                            y->last_change ? g_date_time_to_unix (y->last_change) : 0);
      break;
    case COLUMN_BY:
      order = g_strcmp0 (x->last_changed_by, y->last_changed_by);
      break;
    default:
      break;
    }

  /* ties in the order of the departments, then years */
  if (order == 0)
    order = compare_ints (x->year, y->year);
  if (order == 0)
    order = compare_ints (x->department_position, y->department_position);
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static char *
cell_text (const PmCompletenessRow *row,
           Column                   column)
{
  switch (column)
    {
    case COLUMN_DEPARTMENT:
      return g_strdup (row->department);
    case COLUMN_YEAR:
      return g_strdup_printf ("%d", row->year);
    case COLUMN_STATE:
      return g_strdup (pm_report_status_get_label (row->status));
    case COLUMN_VALUES:
      /* TRANSLATORS: values entered of those expected: "12 / 20" */
      return g_strdup_printf (_("%u / %u"), row->entered, row->expected);
    case COLUMN_CHECKS:
      return row->open_checks ? g_strdup_printf ("%u", row->open_checks) : g_strdup ("");
    case COLUMN_CHANGED:
      if (row->last_change)
        {
          g_autoptr (GDateTime) local = g_date_time_to_local (row->last_change);

          return g_date_time_format (local, "%Y-%m-%d %H:%M");
        }
      return g_strdup ("");
    case COLUMN_BY:
      return g_strdup (row->last_changed_by ? row->last_changed_by : "");
    default:
      return g_strdup ("");
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_INT (user_data);

  gtk_label_set_xalign (GTK_LABEL (label),
                        column == COLUMN_VALUES || column == COLUMN_CHECKS ||
                        column == COLUMN_YEAR ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column != COLUMN_DEPARTMENT && column != COLUMN_STATE && column != COLUMN_BY)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const PmCompletenessRow *row = row_of (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);
  Column column = GPOINTER_TO_INT (user_data);
  g_autofree char *text = cell_text (row, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, column == COLUMN_STATE ? row->comment : NULL);
  if (column == COLUMN_CHECKS && row->open_checks > 0)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static void
add_column (PmCompletenessPage *self,
            Column              column,
            const char         *title,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkCustomSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  sorter = gtk_custom_sorter_new (compare_rows, GINT_TO_POINTER (column), NULL);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (sorter);
  g_object_unref (view_column);
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  PmCompletenessPage *self = user_data;

  return self->year == 0 || row_of (item)->year == self->year;
}

static void
update_summary (PmCompletenessPage *self)
{
  guint shown = 0, submitted = 0, accepted = 0;
  g_autofree char *text = NULL;
  GListModel *rows = G_LIST_MODEL (self->sorted);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (rows, i);
      const PmCompletenessRow *row = row_of (item);

      shown++;
      if (row->status == PM_REPORT_STATUS_SUBMITTED || row->status == PM_REPORT_STATUS_ACCEPTED)
        submitted++;
      if (row->status == PM_REPORT_STATUS_ACCEPTED)
        accepted++;
    }

  /* TRANSLATORS: %1$u reports submitted (or accepted) of %2$u, %3$u of them accepted */
  text = g_strdup_printf (_("%1$u of %2$u reports submitted, %3$u accepted"), submitted, shown,
                          accepted);
  gtk_label_set_text (self->summary_label, text);
}

static void
fill (PmCompletenessPage *self)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->store)
    {
      rows = pm_store_list_completeness (self->store, PM_DEPARTMENT_SHEET_FIRST_YEAR,
                                         self->last_year, &error);
      if (rows == NULL)
        pm_ui_show_error_dialog (GTK_WIDGET (self), _("The Reports Could Not Be Read"), error);
    }

  for (guint i = 0; rows && i < rows->len; i++)
    {
      PmCompletenessItem *item = g_object_new (PM_TYPE_COMPLETENESS_ITEM, NULL);

      item->row = g_ptr_array_steal_index (rows, i--);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  update_summary (self);
}

static void
year_selected_cb (PmCompletenessPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->year = selected == 0 ? 0 : PM_DEPARTMENT_SHEET_FIRST_YEAR + (int) selected - 1;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
row_activated_cb (PmCompletenessPage *self,
                  guint               position)
{
  pm_completeness_page_activate_row (self, position);
}

static void
store_changed_cb (PmCompletenessPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self);
}

static void
pm_completeness_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pm_completeness_page_parent_class)->map (widget);
  fill (PM_COMPLETENESS_PAGE (widget));
}

static void
pm_completeness_page_dispose (GObject *object)
{
  PmCompletenessPage *self = PM_COMPLETENESS_PAGE (object);

  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  if (self->column_view)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_COMPLETENESS_PAGE);

  G_OBJECT_CLASS (pm_completeness_page_parent_class)->dispose (object);
}

static void
pm_completeness_page_class_init (PmCompletenessPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_completeness_page_dispose;
  widget_class->map = pm_completeness_page_map;

  /**
   * PmCompletenessPage::department-activated:
   * @department: the department's name
   * @year: the year of the row
   */
  signals[DEPARTMENT_ACTIVATED] = g_signal_new ("department-activated",
                                                G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                                G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/planmonitor/PlanMonitor/ui/pm-completeness-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmCompletenessPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PmCompletenessPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PmCompletenessPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, year_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
pm_completeness_page_init (PmCompletenessPage *self)
{
  g_autoptr (GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* the years up to this one: later ones have nothing to report yet */
  self->last_year = CLAMP (g_date_time_get_year (now), PM_DEPARTMENT_SHEET_FIRST_YEAR,
                           PM_DEPARTMENT_SHEET_LAST_YEAR);
  gtk_string_list_append (years, _("All years"));
  for (int year = PM_DEPARTMENT_SHEET_FIRST_YEAR; year <= PM_DEPARTMENT_SHEET_LAST_YEAR; year++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);

      gtk_string_list_append (years, text);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  self->updating = FALSE;

  add_column (self, COLUMN_DEPARTMENT, C_("column", "Department"), TRUE);
  add_column (self, COLUMN_YEAR, C_("column", "Year"), FALSE);
  add_column (self, COLUMN_STATE, C_("column", "State"), FALSE);
  add_column (self, COLUMN_VALUES, C_("column", "Values"), FALSE);
  add_column (self, COLUMN_CHECKS, C_("column", "Open checks"), FALSE);
  add_column (self, COLUMN_CHANGED, C_("column", "Last change"), FALSE);
  add_column (self, COLUMN_BY, C_("column", "By"), FALSE);

  self->items = g_list_store_new (PM_TYPE_COMPLETENESS_ITEM);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                          g_object_ref (gtk_column_view_get_sorter (
                                            self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

/* Public API */

GtkWidget *
pm_completeness_page_new (void)
{
  return g_object_new (PM_TYPE_COMPLETENESS_PAGE, NULL);
}

void
pm_completeness_page_set_store (PmCompletenessPage *self,
                                PmStore            *store)
{
  g_return_if_fail (PM_IS_COMPLETENESS_PAGE (self));
  g_return_if_fail (store == NULL || PM_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store)
    g_signal_connect_swapped (store, "notify::can-undo", G_CALLBACK (store_changed_cb), self);
  fill (self);
}

/* Shows one year (0: all years) */
void
pm_completeness_page_set_year (PmCompletenessPage *self,
                               int                 year)
{
  g_return_if_fail (PM_IS_COMPLETENESS_PAGE (self));

  if (year != 0)
    year = CLAMP (year, PM_DEPARTMENT_SHEET_FIRST_YEAR, PM_DEPARTMENT_SHEET_LAST_YEAR);
  if (year > self->last_year)
    {
      self->last_year = year;
      fill (self);
    }
  gtk_drop_down_set_selected (self->year_dropdown,
                              year == 0 ? 0 : (guint) (year - PM_DEPARTMENT_SHEET_FIRST_YEAR + 1));
}

/* Reads the reports again. */
void
pm_completeness_page_refresh (PmCompletenessPage *self)
{
  g_return_if_fail (PM_IS_COMPLETENESS_PAGE (self));
  fill (self);
}

/* Returns: (transfer none): the rows as shown: filtered and sorted */
GListModel *
pm_completeness_page_get_rows (PmCompletenessPage *self)
{
  g_return_val_if_fail (PM_IS_COMPLETENESS_PAGE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

/* Returns: (nullable): the row shown at position */
const PmCompletenessRow *
pm_completeness_page_get_row (PmCompletenessPage *self,
                              guint               position)
{
  g_autoptr (GObject) item = NULL;

  g_return_val_if_fail (PM_IS_COMPLETENESS_PAGE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  /* the list store keeps the item */
  return item ? row_of (item) : NULL;
}

GtkColumnView *
pm_completeness_page_get_column_view (PmCompletenessPage *self)
{
  g_return_val_if_fail (PM_IS_COMPLETENESS_PAGE (self), NULL);
  return self->column_view;
}

/* Opens the department of the row shown at position, as activating it does. */
void
pm_completeness_page_activate_row (PmCompletenessPage *self,
                                   guint               position)
{
  const PmCompletenessRow *row;

  g_return_if_fail (PM_IS_COMPLETENESS_PAGE (self));

  row = pm_completeness_page_get_row (self, position);
  if (row)
    g_signal_emit (self, signals[DEPARTMENT_ACTIVATED], 0, row->department, row->year);
}
