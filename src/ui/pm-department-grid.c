/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-department-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-department-grid.h"
#include "pm-department.h"
#include "pm-evaluation.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-ui-util.h"
#include "pm-value-edit.h"

/* The grid is two GtkGrids side by side: the fixed columns on the left and
 * the years on the right, in a horizontal scroller that shares its
 * adjustment with the header above and the scroll bar below. Every column
 * has a fixed width and every row a fixed height, so that header and body,
 * left and right stay aligned. A cell is a focusable box holding a label;
 * the focus is the cursor, and the viewports scroll to it. Editing puts an
 * entry into the cell. */

#define CELL_HEIGHT 34
#define YEAR_WIDTH 84
#define FIRST_EARLIER_YEAR 2010

enum {
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_ROLE,
  COLUMN_ATTRIBUTE,
  COLUMN_TARGET,
  N_FIXED_COLUMNS
};

static const int fixed_widths[N_FIXED_COLUMNS] = { 60, 196, 60, 74, 104 };

/* The words a person records as the judgement of a manual target: those
 * the evaluation reads (pm_status_from_judgement ()). */
static const char *const judgements[] = {
  "已达标", "进度正常", "需加快进度", "进展缓慢", "出现倒退", "未达标",
};

struct _PmDepartmentGrid
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *left_header;
  GtkWidget *right_header;
  GtkWidget *left_body;
  GtkWidget *right_body;
  GtkWidget *vscroller;
  GtkWidget *scrollbar;
  GtkWidget *judge_popover;
  GtkWidget *empty_label;

  PmDepartmentSheet *sheet;
  GPtrArray *watched;       /* GListModel of observations, one per row */
  GPtrArray *cells;         /* per row: GPtrArray of cell widgets, by year */
  gboolean show_earlier;
  int first_year;

  guint cursor_row;
  int cursor_year;

  GtkWidget *editor;        /* the entry while a cell is edited */
  guint edit_row;
  int edit_year;
  char *edit_original;

  char *message;
};

G_DEFINE_FINAL_TYPE (PmDepartmentGrid, pm_department_grid, GTK_TYPE_WIDGET)

enum {
  MESSAGE,
  CURSOR_MOVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void stop_editing (PmDepartmentGrid *self);
static void refresh_cells (PmDepartmentGrid *self);

/* Cells */

static guint
n_rows (PmDepartmentGrid *self)
{
  return self->sheet ? pm_department_sheet_get_n_rows (self->sheet) : 0;
}

static GtkWidget *
cell_at (PmDepartmentGrid *self,
         guint             row,
         int               year)
{
  GPtrArray *row_cells;

  if (row >= self->cells->len || year < self->first_year || year > PM_DEPARTMENT_SHEET_LAST_YEAR)
    return NULL;
  row_cells = g_ptr_array_index (self->cells, row);
  return g_ptr_array_index (row_cells, year - self->first_year);
}

static GtkWidget *
cell_label (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "label");
}

static gboolean
cell_position (GtkWidget *widget,
               guint     *row,
               int       *year)
{
  for (; widget; widget = gtk_widget_get_parent (widget))
    if (g_object_get_data (G_OBJECT (widget), "pm-cell-year"))
      {
        *row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "pm-cell-row"));
        *year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "pm-cell-year"));
        return TRUE;
      }

  return FALSE;
}

static gboolean
is_judged (PmDepartmentGrid *self,
           guint             row)
{
  return pm_store_indicator_is_judged (pm_department_sheet_get_indicator (self->sheet, row));
}

/* The county value of a year as shown: its printed text or number, and
 * the judgement of a manual target. */
static char *
display_text (PmDepartmentGrid *self,
              guint             row,
              int               year,
              char            **edit_text)
{
  PmIndicator *indicator = pm_department_sheet_get_indicator (self->sheet, row);
  PmObservation *observation;
  const char *text;
  g_autofree char *number = NULL;
  double value;

  if (edit_text)
    *edit_text = NULL;

  if (year <= PM_DEPARTMENT_SHEET_BASELINE_YEAR)
    {
      /* the baseline and earlier years: the series, through the
       * 2011–2020 row this indicator continues */
      g_autoptr (GArray) series = pm_evaluation_collect_series (indicator, year);

      for (guint i = 0; i < series->len; i++)
        {
          const PmPoint *point = &g_array_index (series, PmPoint, i);

          /* a value of 专栏1 as printed: 34.80, not 34.8 */
          if (point->year == year)
            return point->printed ? g_strdup (point->printed) : pm_ui_format_number (point->value);
        }
      return g_strdup ("");
    }

  observation = pm_indicator_find_observation (indicator, year, PM_AREA_COUNTY);
  if (observation == NULL)
    return g_strdup ("");

  text = pm_observation_get_text (observation);
  value = pm_observation_get_value (observation);
  if (pm_store_text_is_judgement (text))
    {
      if (!isfinite (value))
        return g_strdup (text);
      number = pm_ui_format_number (value);
      if (edit_text)
        *edit_text = g_strdup (number);
      return g_strdup_printf ("%s · %s", number, text);
    }

  number = text ? g_strdup (text) : pm_ui_format_number (value);
  if (edit_text)
    *edit_text = g_strdup (number);
  return g_steal_pointer (&number);
}

static void
update_cell (PmDepartmentGrid *self,
             guint             row,
             int               year)
{
  GtkWidget *cell = cell_at (self, row, year);
  g_autofree char *text = NULL;
  g_autofree char *why = NULL;
  g_autoptr (GString) tooltip = g_string_new (NULL);
  gboolean editable, open = FALSE, confirmed = FALSE;

  if (cell == NULL || cell == (self->editor ? gtk_widget_get_parent (self->editor) : NULL))
    return;

  text = display_text (self, row, year, NULL);
  gtk_label_set_text (GTK_LABEL (cell_label (cell)), text);

  editable = pm_department_sheet_can_edit (self->sheet, row, year, &why);
  if (editable)
    gtk_widget_remove_css_class (cell, "read-only");
  else
    gtk_widget_add_css_class (cell, "read-only");
  if (!editable && year >= PM_DEPARTMENT_SHEET_FIRST_YEAR &&
      pm_store_is_value_locked (pm_department_sheet_get_store (self->sheet),
                                pm_indicator_get_code (pm_department_sheet_get_indicator (
                                  self->sheet, row)),
                                year, NULL))
    gtk_widget_add_css_class (cell, "locked");
  else
    gtk_widget_remove_css_class (cell, "locked");

  if (year >= PM_DEPARTMENT_SHEET_FIRST_YEAR && *text)
    {
      g_autoptr (GPtrArray) checks = pm_department_sheet_checks_for_cell (self->sheet, row, year,
                                                                          NULL);

      for (guint i = 0; checks && i < checks->len; i++)
        {
          const PmSheetCheck *check = g_ptr_array_index (checks, i);

          if (tooltip->len)
            g_string_append_c (tooltip, '\n');
          g_string_append (tooltip, check->check->message);
          if (check->note)
            {
              /* TRANSLATORS: a confirmed check: its note follows */
              g_string_append_printf (tooltip, _(" — confirmed: %s"), check->note);
              confirmed = TRUE;
            }
          else
            open = TRUE;
        }
    }
  if (open)
    gtk_widget_add_css_class (cell, "check-open");
  else
    gtk_widget_remove_css_class (cell, "check-open");
  if (confirmed && !open)
    gtk_widget_add_css_class (cell, "check-confirmed");
  else
    gtk_widget_remove_css_class (cell, "check-confirmed");

  if (why && year >= PM_DEPARTMENT_SHEET_FIRST_YEAR)
    {
      if (tooltip->len)
        g_string_append_c (tooltip, '\n');
      g_string_append (tooltip, why);
    }
  gtk_widget_set_tooltip_text (cell, tooltip->len ? tooltip->str : NULL);
}

static void
refresh_row (PmDepartmentGrid *self,
             guint             row)
{
  for (int year = self->first_year; year <= PM_DEPARTMENT_SHEET_LAST_YEAR; year++)
    update_cell (self, row, year);
}

static void
refresh_cells (PmDepartmentGrid *self)
{
  for (guint row = 0; row < self->cells->len; row++)
    refresh_row (self, row);
}

static void
observations_changed_cb (GListModel       *observations,
                         guint             position,
                         guint             removed,
                         guint             added,
                         PmDepartmentGrid *self)
{
  for (guint row = 0; row < self->watched->len; row++)
    if (g_ptr_array_index (self->watched, row) == observations)
      refresh_row (self, row);
}

/* Building */

static GtkWidget *
new_label_cell (const char *text,
                int         width,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  /* the width asked for, never the text's: header and body stay aligned */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
  gtk_widget_set_size_request (label, width, CELL_HEIGHT);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
clear_grid (GtkWidget *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (grid)))
    gtk_grid_remove (GTK_GRID (grid), child);
}

static const char *
role_label (PmRole role)
{
  /* TRANSLATORS: the department's part in an indicator: 牵头 / 配合 */
  return role == PM_ROLE_LEAD ? C_("role", "Lead") : C_("role", "Co-op");
}

static void
add_year_headers (PmDepartmentGrid *self)
{
  for (int year = self->first_year; year <= PM_DEPARTMENT_SHEET_LAST_YEAR; year++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);
      GtkWidget *label = new_label_cell (text, YEAR_WIDTH, "pm-grid-header");

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      if (year == PM_DEPARTMENT_SHEET_BASELINE_YEAR)
        gtk_widget_set_tooltip_text (label, _("The 2020 baseline: the result of the 2011–2020 "
                                              "plan, shown for comparison"));
      gtk_grid_attach (GTK_GRID (self->right_header), label, year - self->first_year, 0, 1, 1);
    }
}

static void
rebuild (PmDepartmentGrid *self)
{
  const char *titles[N_FIXED_COLUMNS] = {
    C_("column", "Code"), C_("column", "Indicator"), C_("column", "Part"),
    C_("column", "Attribute"), C_("column", "County target"),
  };

  stop_editing (self);
  clear_grid (self->left_header);
  clear_grid (self->right_header);
  clear_grid (self->left_body);
  clear_grid (self->right_body);
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          observations_changed_cb, self);
  g_ptr_array_set_size (self->watched, 0);
  g_ptr_array_set_size (self->cells, 0);

  self->first_year = self->show_earlier ? FIRST_EARLIER_YEAR : PM_DEPARTMENT_SHEET_BASELINE_YEAR;

  for (int c = 0; c < N_FIXED_COLUMNS; c++)
    gtk_grid_attach (GTK_GRID (self->left_header),
                     new_label_cell (titles[c], fixed_widths[c], "pm-grid-header"), c, 0, 1, 1);
  add_year_headers (self);

  gtk_widget_set_visible (self->empty_label, self->sheet && n_rows (self) == 0);

  for (guint row = 0; row < n_rows (self); row++)
    {
      PmIndicator *indicator = pm_department_sheet_get_indicator (self->sheet, row);
      PmRole role = pm_department_sheet_get_role (self->sheet, row);
      GPtrArray *row_cells = g_ptr_array_new ();
      const char *attribute = pm_attribute_to_printed (pm_indicator_get_attribute (indicator));
      GtkWidget *label;
      GListModel *observations;

      label = new_label_cell (pm_indicator_get_code (indicator), fixed_widths[COLUMN_CODE],
                              "pm-grid-fixed");
      gtk_widget_add_css_class (label, "indicator-code");
      gtk_grid_attach (GTK_GRID (self->left_body), label, COLUMN_CODE, row, 1, 1);
      label = new_label_cell (pm_indicator_get_name (indicator), fixed_widths[COLUMN_NAME],
                              "pm-grid-fixed");
      gtk_widget_set_tooltip_text (label, pm_indicator_get_name (indicator));
      gtk_grid_attach (GTK_GRID (self->left_body), label, COLUMN_NAME, row, 1, 1);
      label = new_label_cell (role_label (role), fixed_widths[COLUMN_ROLE], "pm-grid-fixed");
      gtk_widget_add_css_class (label, role == PM_ROLE_LEAD ? "pm-role-lead" : "pm-role-co-op");
      if (role != PM_ROLE_LEAD)
        {
          PmDepartment *lead = pm_indicator_get_lead_department (indicator);

          if (lead)
            {
              /* TRANSLATORS: %s is the department that leads an indicator */
              g_autofree char *tip = g_strdup_printf (_("Led by %s"), pm_department_get_name (lead));

              gtk_widget_set_tooltip_text (label, tip);
            }
        }
      gtk_grid_attach (GTK_GRID (self->left_body), label, COLUMN_ROLE, row, 1, 1);
      label = new_label_cell (attribute ? attribute : "", fixed_widths[COLUMN_ATTRIBUTE],
                              "pm-grid-fixed");
      if (pm_indicator_get_attribute (indicator) == PM_ATTRIBUTE_BINDING)
        gtk_widget_add_css_class (label, "pm-binding");
      gtk_grid_attach (GTK_GRID (self->left_body), label, COLUMN_ATTRIBUTE, row, 1, 1);
      label = new_label_cell (pm_indicator_get_county_target (indicator)
                                ? pm_indicator_get_county_target (indicator) : "",
                              fixed_widths[COLUMN_TARGET], "pm-grid-fixed");
      if (is_judged (self, row))
        gtk_widget_set_tooltip_text (label, _("A person judges this target: record the judgement "
                                              "with Ctrl+J or the context menu of a cell"));
      gtk_grid_attach (GTK_GRID (self->left_body), label, COLUMN_TARGET, row, 1, 1);

      for (int year = self->first_year; year <= PM_DEPARTMENT_SHEET_LAST_YEAR; year++)
        {
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
          GtkWidget *value = gtk_label_new (NULL);

          gtk_widget_set_focusable (cell, TRUE);
          gtk_widget_set_size_request (cell, YEAR_WIDTH, CELL_HEIGHT);
          gtk_widget_add_css_class (cell, "pm-grid-cell");
          if (year == PM_DEPARTMENT_SHEET_BASELINE_YEAR)
            gtk_widget_add_css_class (cell, "baseline");
          gtk_label_set_xalign (GTK_LABEL (value), 1);
          gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
          gtk_label_set_single_line_mode (GTK_LABEL (value), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (value), 1);
          gtk_widget_set_hexpand (value, TRUE);
          gtk_widget_add_css_class (value, "numeric");
          gtk_box_append (GTK_BOX (cell), value);
          g_object_set_data (G_OBJECT (cell), "label", value);
          g_object_set_data (G_OBJECT (cell), "pm-cell-row", GUINT_TO_POINTER (row));
          g_object_set_data (G_OBJECT (cell), "pm-cell-year", GINT_TO_POINTER (year));
          gtk_grid_attach (GTK_GRID (self->right_body), cell, year - self->first_year, row, 1, 1);
          g_ptr_array_add (row_cells, cell);
        }
      g_ptr_array_add (self->cells, row_cells);

      observations = pm_indicator_get_observations (indicator);
      g_signal_connect_object (observations, "items-changed", G_CALLBACK (observations_changed_cb),
                               self, 0);
      g_ptr_array_add (self->watched, observations);
    }

  if (self->cursor_row >= n_rows (self))
    self->cursor_row = 0;
  if (self->cursor_year < self->first_year)
    self->cursor_year = PM_DEPARTMENT_SHEET_FIRST_YEAR;
  refresh_cells (self);
}

/* Messages */

static void
set_message (PmDepartmentGrid *self,
             const char       *message,
             gboolean          is_error)
{
  g_free (self->message);
  self->message = g_strdup (message);
  g_signal_emit (self, signals[MESSAGE], 0, message, is_error);
}

/* Cursor */

static void
move_cursor_to (PmDepartmentGrid *self,
                guint             row,
                int               year)
{
  GtkWidget *cell;

  if (n_rows (self) == 0)
    return;

  row = MIN (row, n_rows (self) - 1);
  year = CLAMP (year, self->first_year, PM_DEPARTMENT_SHEET_LAST_YEAR);
  self->cursor_row = row;
  self->cursor_year = year;
  cell = cell_at (self, row, year);
  if (cell)
    gtk_widget_grab_focus (cell);
  g_signal_emit (self, signals[CURSOR_MOVED], 0);
}

static void
sync_cursor_from_focus (PmDepartmentGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  guint row;
  int year;

  if (focus && gtk_widget_is_ancestor (focus, self->right_body) &&
      cell_position (focus, &row, &year))
    {
      self->cursor_row = row;
      self->cursor_year = year;
    }
}

static void
move_by (PmDepartmentGrid *self,
         int               rows,
         int               years)
{
  int row = (int) self->cursor_row + rows;
  int year = self->cursor_year + years;

  if (row < 0)
    row = 0;
  move_cursor_to (self, (guint) row, year);
}

/* Editing */

static gboolean commit_edit (PmDepartmentGrid *self);

static gboolean
editor_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       PmDepartmentGrid      *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (commit_edit (self))
        move_by (self, shift ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (commit_edit (self))
        move_by (self, 0, shift || keyval == GDK_KEY_ISO_Left_Tab ? -1 : 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (commit_edit (self))
        move_by (self, -1, 0);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (commit_edit (self))
        move_by (self, 1, 0);
      return TRUE;
    case GDK_KEY_Escape:
      stop_editing (self);
      move_cursor_to (self, self->cursor_row, self->cursor_year);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Checks as the value is typed: the warnings show under the grid at once
 * (they are listed again, to confirm, once the value is stored). */
static void
editor_changed_cb (PmDepartmentGrid *self)
{
  GtkWidget *cell = self->editor ? gtk_widget_get_parent (self->editor) : NULL;
  PmIndicator *indicator;
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  g_autoptr (GPtrArray) checks = NULL;
  g_autoptr (GString) message = NULL;
  double value;

  if (cell == NULL)
    return;
  gtk_widget_remove_css_class (cell, "refused");

  indicator = pm_department_sheet_get_indicator (self->sheet, self->edit_row);
  if (!pm_store_read_value (indicator, gtk_editable_get_text (GTK_EDITABLE (self->editor)), &value,
                            &text, &reason))
    return;

  checks = pm_checks_for_value (indicator, self->edit_year, value);
  for (guint i = 0; i < checks->len; i++)
    {
      const PmCheck *check = g_ptr_array_index (checks, i);

      if (message == NULL)
        message = g_string_new (NULL);
      else
        g_string_append (message, "; ");
      g_string_append (message, check->message);
    }
  set_message (self, message ? message->str : NULL, FALSE);
}

static void
start_editing (PmDepartmentGrid *self,
               const char       *initial)
{
  GtkWidget *cell;
  GtkEventController *keys;
  g_autofree char *why = NULL;
  g_autofree char *current = NULL;
  g_autofree char *shown = NULL;

  if (self->editor || n_rows (self) == 0)
    return;

  if (!pm_department_sheet_can_edit (self->sheet, self->cursor_row, self->cursor_year, &why))
    {
      PmIndicator *indicator = pm_department_sheet_get_indicator (self->sheet, self->cursor_row);
      g_autofree char *message = g_strdup_printf ("%s, %d: %s", pm_indicator_get_code (indicator),
                                                  self->cursor_year, why);

      set_message (self, message, TRUE);
      return;
    }

  cell = cell_at (self, self->cursor_row, self->cursor_year);
  shown = display_text (self, self->cursor_row, self->cursor_year, &current);
  self->edit_row = self->cursor_row;
  self->edit_year = self->cursor_year;
  g_free (self->edit_original);
  self->edit_original = g_strdup (current ? current : shown);

  self->editor = gtk_entry_new ();
  gtk_widget_set_hexpand (self->editor, TRUE);
  gtk_entry_set_alignment (GTK_ENTRY (self->editor), 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->editor), 4);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), initial ? initial : self->edit_original);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (editor_key_pressed_cb), self);
  gtk_widget_add_controller (self->editor, keys);
  g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (editor_changed_cb), self);

  gtk_widget_set_visible (cell_label (cell), FALSE);
  gtk_box_append (GTK_BOX (cell), self->editor);
  gtk_widget_add_css_class (cell, "editing");
  gtk_widget_grab_focus (self->editor);
  gtk_editable_set_position (GTK_EDITABLE (self->editor), -1);
}

static void
stop_editing (PmDepartmentGrid *self)
{
  GtkWidget *cell;
  GtkWidget *editor;

  if (self->editor == NULL)
    return;

  editor = g_steal_pointer (&self->editor);
  cell = gtk_widget_get_parent (editor);
  gtk_box_remove (GTK_BOX (cell), editor);
  gtk_widget_set_visible (cell_label (cell), TRUE);
  gtk_widget_remove_css_class (cell, "editing");
  gtk_widget_remove_css_class (cell, "refused");
  update_cell (self, self->edit_row, self->edit_year);
}

/* Stores what the editor holds; FALSE, editing on, when it was refused. */
static gboolean
commit_edit (PmDepartmentGrid *self)
{
  PmIndicator *indicator;
  PmObservation *observation;
  g_autofree char *refused = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *cell;

  if (self->editor == NULL)
    return TRUE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor))));
  if (g_strcmp0 (text, self->edit_original) == 0)
    {
      stop_editing (self);
      return TRUE;
    }

  indicator = pm_department_sheet_get_indicator (self->sheet, self->edit_row);
  observation = pm_indicator_find_observation (indicator, self->edit_year, PM_AREA_COUNTY);
  if (pm_value_edit_store (pm_department_sheet_get_store (self->sheet), indicator, self->edit_year,
                           text,
                           observation ? pm_observation_get_note (observation) : NULL,
                           observation ? pm_observation_get_source (observation) : NULL,
                           observation && pm_observation_get_provisional (observation),
                           &refused, &error))
    {
      stop_editing (self);
      set_message (self, NULL, FALSE);
      return TRUE;
    }

  if (refused)
    {
      g_autofree char *message = g_strdup_printf ("%s, %d: %s", pm_indicator_get_code (indicator),
                                                  self->edit_year, refused);

      cell = gtk_widget_get_parent (self->editor);
      gtk_widget_add_css_class (cell, "refused");
      gtk_widget_set_tooltip_text (cell, refused);
      set_message (self, message, TRUE);
      gtk_widget_grab_focus (self->editor);
      return FALSE;
    }

  /* not written (locked, disk full …): the stored value shows again */
  stop_editing (self);
  set_message (self, error->message, TRUE);
  return TRUE;
}

static void
clear_cell (PmDepartmentGrid *self)
{
  PmIndicator *indicator;
  g_autofree char *refused = NULL;
  g_autofree char *why = NULL;
  g_autoptr (GError) error = NULL;

  if (n_rows (self) == 0)
    return;
  indicator = pm_department_sheet_get_indicator (self->sheet, self->cursor_row);
  if (!pm_department_sheet_can_edit (self->sheet, self->cursor_row, self->cursor_year, &why))
    {
      g_autofree char *message = g_strdup_printf ("%s, %d: %s", pm_indicator_get_code (indicator),
                                                  self->cursor_year, why);

      set_message (self, message, TRUE);
      return;
    }

  if (!pm_value_edit_store (pm_department_sheet_get_store (self->sheet), indicator,
                            self->cursor_year, "", NULL, NULL, FALSE, &refused, &error))
    set_message (self, error ? error->message : refused, TRUE);
}

/* Judgements */

static void
judge_clicked_cb (GtkButton        *button,
                  PmDepartmentGrid *self)
{
  const char *word = g_object_get_data (G_OBJECT (button), "judgement");

  gtk_popover_popdown (GTK_POPOVER (self->judge_popover));
  pm_department_grid_judge (self, word);
  move_cursor_to (self, self->cursor_row, self->cursor_year);
}

static void
ensure_judge_popover (PmDepartmentGrid *self)
{
  GtkWidget *box;

  if (self->judge_popover)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  for (guint i = 0; i <= G_N_ELEMENTS (judgements); i++)
    {
      const char *word = i < G_N_ELEMENTS (judgements) ? judgements[i] : NULL;
      GtkWidget *button = gtk_button_new_with_label (word ? word : _("Remove the Judgement"));
      PmStatus status;

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (gtk_button_get_child (GTK_BUTTON (button)), GTK_ALIGN_START);
      if (word && pm_status_from_judgement (word, &status))
        gtk_widget_set_tooltip_text (button, pm_status_get_label (status));
      g_object_set_data (G_OBJECT (button), "judgement", (gpointer) word);
      g_signal_connect (button, "clicked", G_CALLBACK (judge_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }

  self->judge_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->judge_popover), box);
  gtk_widget_set_parent (self->judge_popover, GTK_WIDGET (self));
}

static void
show_judge_popover (PmDepartmentGrid *self)
{
  GtkWidget *cell;
  graphene_rect_t bounds;
  g_autofree char *why = NULL;

  if (n_rows (self) == 0)
    return;
  if (!is_judged (self, self->cursor_row))
    {
      PmIndicator *indicator = pm_department_sheet_get_indicator (self->sheet, self->cursor_row);
      g_autofree char *message = g_strdup_printf (_("%s: its target is a figure that is measured: "
                                                    "there is no judgement to record"),
                                                  pm_indicator_get_code (indicator));

      set_message (self, message, TRUE);
      return;
    }
  if (!pm_department_sheet_can_edit (self->sheet, self->cursor_row, self->cursor_year, &why))
    {
      set_message (self, why, TRUE);
      return;
    }

  ensure_judge_popover (self);
  cell = cell_at (self, self->cursor_row, self->cursor_year);
  if (cell && gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = { (int) bounds.origin.x, (int) bounds.origin.y,
                            (int) bounds.size.width, (int) bounds.size.height };

      gtk_popover_set_pointing_to (GTK_POPOVER (self->judge_popover), &rect);
    }
  gtk_popover_popup (GTK_POPOVER (self->judge_popover));
}

/* Input */

static void
paste_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (PmDepartmentGrid) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      set_message (self, error ? error->message : _("The clipboard holds no text to paste."),
                   TRUE);
      return;
    }
  pm_department_grid_paste_text (self, text);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PmDepartmentGrid *self = PM_DEPARTMENT_GRID (widget);

  if (self->editor || self->sheet == NULL)
    return;
  sync_cursor_from_focus (self);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_ready_cb,
                                 g_object_ref (self));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PmDepartmentGrid *self = PM_DEPARTMENT_GRID (widget);
  g_autofree char *text = NULL;
  g_autofree char *current = NULL;

  if (self->editor || n_rows (self) == 0)
    return;
  sync_cursor_from_focus (self);
  text = display_text (self, self->cursor_row, self->cursor_year, &current);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), current ? current : text);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PmDepartmentGrid *self = PM_DEPARTMENT_GRID (widget);

  if (self->editor)
    return;
  sync_cursor_from_focus (self);
  clear_cell (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PmDepartmentGrid *self = PM_DEPARTMENT_GRID (widget);

  sync_cursor_from_focus (self);
  start_editing (self, NULL);
}

static void
judge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PmDepartmentGrid *self = PM_DEPARTMENT_GRID (widget);

  if (self->editor)
    return;
  sync_cursor_from_focus (self);
  show_judge_popover (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PmDepartmentGrid      *self)
{
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();
  gunichar character;

  if (self->editor || n_rows (self) == 0)
    return FALSE;
  sync_cursor_from_focus (self);

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_by (self, -1, 0);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      move_by (self, (modifiers & GDK_SHIFT_MASK) && keyval != GDK_KEY_Down ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_ISO_Left_Tab:
      move_by (self, 0, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_by (self, 0, 1);
      return TRUE;
    case GDK_KEY_Tab:
      move_by (self, 0, (modifiers & GDK_SHIFT_MASK) ? -1 : 1);
      return TRUE;
    case GDK_KEY_Home:
      move_cursor_to (self, self->cursor_row, PM_DEPARTMENT_SHEET_FIRST_YEAR);
      return TRUE;
    case GDK_KEY_End:
      move_cursor_to (self, self->cursor_row, PM_DEPARTMENT_SHEET_LAST_YEAR);
      return TRUE;
    case GDK_KEY_Page_Up:
      move_by (self, -10, 0);
      return TRUE;
    case GDK_KEY_Page_Down:
      move_by (self, 10, 0);
      return TRUE;
    case GDK_KEY_BackSpace:
      clear_cell (self);
      return TRUE;
    case GDK_KEY_Menu:
      show_judge_popover (self);
      return TRUE;
    default:
      break;
    }

  if (modifiers & ~GDK_SHIFT_MASK)
    return FALSE;
  character = gdk_keyval_to_unicode (keyval);
  if (character == 0 || !g_unichar_isprint (character) || character == ' ')
    return FALSE;

  /* typing starts editing, with what was typed */
  {
    char buffer[8] = { 0 };

    g_unichar_to_utf8 (character, buffer);
    start_editing (self, buffer);
  }
  return TRUE;
}

static void
click_pressed_cb (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  PmDepartmentGrid *self)
{
  GtkWidget *picked = gtk_widget_pick (self->right_body, x, y, GTK_PICK_DEFAULT);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  guint row;
  int year;

  if (picked == NULL || !cell_position (picked, &row, &year))
    return;
  if (self->editor && gtk_widget_is_ancestor (picked, gtk_widget_get_parent (self->editor)))
    return;
  if (self->editor && !commit_edit (self))
    return;

  move_cursor_to (self, row, year);
  if (button == GDK_BUTTON_SECONDARY)
    show_judge_popover (self);
  else if (n_press == 2)
    start_editing (self, NULL);
}

/* GObject */

static void
pm_department_grid_dispose (GObject *object)
{
  PmDepartmentGrid *self = PM_DEPARTMENT_GRID (object);

  if (self->watched)
    for (guint i = 0; i < self->watched->len; i++)
      g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                            observations_changed_cb, self);
  g_clear_pointer (&self->judge_popover, gtk_widget_unparent);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->sheet);

  G_OBJECT_CLASS (pm_department_grid_parent_class)->dispose (object);
}

static void
pm_department_grid_finalize (GObject *object)
{
  PmDepartmentGrid *self = PM_DEPARTMENT_GRID (object);

  g_ptr_array_unref (self->watched);
  g_ptr_array_unref (self->cells);
  g_free (self->edit_original);
  g_free (self->message);

  G_OBJECT_CLASS (pm_department_grid_parent_class)->finalize (object);
}

static void
pm_department_grid_class_init (PmDepartmentGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_department_grid_dispose;
  object_class->finalize = pm_department_grid_finalize;

  /**
   * PmDepartmentGrid::message:
   * @message: (nullable): what to tell the person; NULL clears it
   * @is_error: whether something was refused
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                   G_TYPE_BOOLEAN);
  signals[CURSOR_MOVED] = g_signal_new ("cursor-moved", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "grid.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "grid.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "grid.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "grid.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "grid.judge", NULL, judge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "grid.paste",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "grid.copy",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "grid.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "grid.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "grid.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK, "grid.judge",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "grid.judge",
                                       NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pmdepartmentgrid");
}

static GtkWidget *
new_viewport (GtkWidget *child)
{
  GtkWidget *viewport = gtk_viewport_new (NULL, NULL);

  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
  gtk_viewport_set_child (GTK_VIEWPORT (viewport), child);
  return viewport;
}

static void
pm_department_grid_init (PmDepartmentGrid *self)
{
  GtkAdjustment *hadjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *body_column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_scroller = gtk_scrolled_window_new ();
  GtkWidget *body_scroller = gtk_scrolled_window_new ();
  GtkEventController *keys;
  GtkGesture *click;

  self->watched = g_ptr_array_new ();
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->first_year = PM_DEPARTMENT_SHEET_BASELINE_YEAR;
  self->cursor_year = PM_DEPARTMENT_SHEET_FIRST_YEAR;

  self->left_header = gtk_grid_new ();
  self->right_header = gtk_grid_new ();
  self->left_body = gtk_grid_new ();
  self->right_body = gtk_grid_new ();
  gtk_widget_add_css_class (self->left_body, "pm-grid-fixed-columns");

  /* the header and the body's years scroll sideways together */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (header_scroller), GTK_POLICY_EXTERNAL,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_hadjustment (GTK_SCROLLED_WINDOW (header_scroller), hadjustment);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (header_scroller),
                                 new_viewport (self->right_header));
  gtk_widget_set_hexpand (header_scroller, TRUE);
  gtk_box_append (GTK_BOX (header), self->left_header);
  gtk_box_append (GTK_BOX (header), header_scroller);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (body_scroller), GTK_POLICY_EXTERNAL,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_hadjustment (GTK_SCROLLED_WINDOW (body_scroller), hadjustment);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (body_scroller),
                                 new_viewport (self->right_body));
  gtk_widget_set_hexpand (body_scroller, TRUE);
  gtk_box_append (GTK_BOX (body), self->left_body);
  gtk_box_append (GTK_BOX (body), body_scroller);

  self->empty_label = gtk_label_new (_("The department answers for no indicator of the "
                                       "2021–2030 plans."));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_top (self->empty_label, 24);
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_box_append (GTK_BOX (body_column), body);
  gtk_box_append (GTK_BOX (body_column), self->empty_label);

  self->vscroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->vscroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->vscroller), new_viewport (body_column));
  gtk_widget_set_vexpand (self->vscroller, TRUE);

  self->scrollbar = gtk_scrollbar_new (GTK_ORIENTATION_HORIZONTAL, hadjustment);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), header);
  gtk_box_append (GTK_BOX (self->box), self->vscroller);
  gtk_box_append (GTK_BOX (self->box), self->scrollbar);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->right_body, keys);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (self->right_body, GTK_EVENT_CONTROLLER (click));
}

/* Public API */

GtkWidget *
pm_department_grid_new (void)
{
  return g_object_new (PM_TYPE_DEPARTMENT_GRID, NULL);
}

void
pm_department_grid_set_sheet (PmDepartmentGrid  *self,
                              PmDepartmentSheet *sheet)
{
  g_return_if_fail (PM_IS_DEPARTMENT_GRID (self));
  g_return_if_fail (sheet == NULL || PM_IS_DEPARTMENT_SHEET (sheet));

  stop_editing (self);
  if (!g_set_object (&self->sheet, sheet))
    return;
  self->cursor_row = 0;
  self->cursor_year = PM_DEPARTMENT_SHEET_FIRST_YEAR;
  set_message (self, NULL, FALSE);
  rebuild (self);
}

/* Returns: (transfer none) (nullable): the sheet shown */
PmDepartmentSheet *
pm_department_grid_get_sheet (PmDepartmentGrid *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_GRID (self), NULL);
  return self->sheet;
}

/* Shows the years 2010–2019 too (read-only: the 2011–2020 plan's). */
void
pm_department_grid_set_show_earlier (PmDepartmentGrid *self,
                                     gboolean          show)
{
  g_return_if_fail (PM_IS_DEPARTMENT_GRID (self));

  if (self->show_earlier == !!show)
    return;
  self->show_earlier = !!show;
  rebuild (self);
}

gboolean
pm_department_grid_get_show_earlier (PmDepartmentGrid *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_GRID (self), FALSE);
  return self->show_earlier;
}

/* Shows the values, locks and checks as the project has them now. */
void
pm_department_grid_refresh (PmDepartmentGrid *self)
{
  g_return_if_fail (PM_IS_DEPARTMENT_GRID (self));
  refresh_cells (self);
}

void
pm_department_grid_set_cursor (PmDepartmentGrid *self,
                               guint             row,
                               int               year)
{
  g_return_if_fail (PM_IS_DEPARTMENT_GRID (self));

  if (self->editor && !commit_edit (self))
    return;
  move_cursor_to (self, row, year);
}

void
pm_department_grid_get_cursor (PmDepartmentGrid *self,
                               guint            *row,
                               int              *year)
{
  g_return_if_fail (PM_IS_DEPARTMENT_GRID (self));

  sync_cursor_from_focus (self);
  if (row)
    *row = self->cursor_row;
  if (year)
    *year = self->cursor_year;
}

gboolean
pm_department_grid_is_editing (PmDepartmentGrid *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_GRID (self), FALSE);
  return self->editor != NULL;
}

/* Returns: (transfer none) (nullable): the entry of the cell being edited */
GtkEditable *
pm_department_grid_get_editor (PmDepartmentGrid *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_GRID (self), NULL);
  return self->editor ? GTK_EDITABLE (self->editor) : NULL;
}

/* Returns: (transfer none) (nullable): the cell of a row and year */
GtkWidget *
pm_department_grid_get_cell (PmDepartmentGrid *self,
                             guint             row,
                             int               year)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_GRID (self), NULL);
  return cell_at (self, row, year);
}

/* Returns: (nullable): what a cell shows */
const char *
pm_department_grid_get_cell_text (PmDepartmentGrid *self,
                                  guint             row,
                                  int               year)
{
  GtkWidget *cell;

  g_return_val_if_fail (PM_IS_DEPARTMENT_GRID (self), NULL);

  cell = cell_at (self, row, year);
  return cell ? gtk_label_get_text (GTK_LABEL (cell_label (cell))) : NULL;
}

/**
 * pm_department_grid_paste_text:
 * @text: cells as a spreadsheet copies them (tabs and line breaks)
 *
 * Pastes a block from the cursor on: all of it, or nothing and a message
 * naming each wrong cell.
 *
 * Returns: whether the block was written
 */
gboolean
pm_department_grid_paste_text (PmDepartmentGrid *self,
                               const char       *text)
{
  g_autoptr (GError) error = NULL;
  guint written = 0;

  g_return_val_if_fail (PM_IS_DEPARTMENT_GRID (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->sheet == NULL || n_rows (self) == 0)
    return FALSE;
  if (self->editor && !commit_edit (self))
    return FALSE;

  if (!pm_department_sheet_paste (self->sheet, self->cursor_row, self->cursor_year, text,
                                  &written, &error))
    {
      set_message (self, error->message, TRUE);
      return FALSE;
    }

  if (written > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Pasted %u value.",
                                                            "Pasted %u values.", written),
                                                  written);

      set_message (self, message, FALSE);
    }
  refresh_cells (self);
  return TRUE;
}

/**
 * pm_department_grid_judge:
 * @judgement: (nullable): 已达标, 未达标 …; NULL removes the judgement
 *
 * Records the judgement of the cursor's cell (a manual target's year).
 */
gboolean
pm_department_grid_judge (PmDepartmentGrid *self,
                          const char       *judgement)
{
  PmIndicator *indicator;
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;

  g_return_val_if_fail (PM_IS_DEPARTMENT_GRID (self), FALSE);

  if (n_rows (self) == 0)
    return FALSE;
  indicator = pm_department_sheet_get_indicator (self->sheet, self->cursor_row);
  if (!pm_department_sheet_can_edit (self->sheet, self->cursor_row, self->cursor_year, &why))
    {
      g_autofree char *message = g_strdup_printf ("%s, %d: %s", pm_indicator_get_code (indicator),
                                                  self->cursor_year, why);

      set_message (self, message, TRUE);
      return FALSE;
    }
  if (!pm_store_set_judgement (pm_department_sheet_get_store (self->sheet),
                               pm_indicator_get_code (indicator), self->cursor_year, judgement,
                               &error))
    {
      set_message (self, error->message, TRUE);
      return FALSE;
    }

  update_cell (self, self->cursor_row, self->cursor_year);
  return TRUE;
}

/* Returns: (nullable): the last message (a refusal, what a paste did) */
const char *
pm_department_grid_get_message (PmDepartmentGrid *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_GRID (self), NULL);
  return self->message;
}
