/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-department-tasks"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pm-department-tasks.h"
#include "pm-department.h"
#include "pm-indicator.h"
#include "pm-task.h"

/* One card per key task; the work items not linked to a task come last.
 * A work item row is a set of fields that write the item when one is
 * activated or left, or a choice is made. */

struct _PmDepartmentTasks
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkWidget *list;      /* GtkBox of cards */

  PmDepartmentSheet *sheet;
  int year;             /* of the progress notes; work items are for the next */
  GHashTable *notes;    /* task code → GtkTextView */
  GHashTable *item_lists; /* task code ("" for none) → GtkListBox */
  gboolean rebuilding;
};

G_DEFINE_FINAL_TYPE (PmDepartmentTasks, pm_department_tasks, GTK_TYPE_WIDGET)

enum {
  MESSAGE,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static const PmWorkStatus statuses[] = {
  PM_WORK_STATUS_PLANNED, PM_WORK_STATUS_IN_PROGRESS, PM_WORK_STATUS_DONE,
  PM_WORK_STATUS_DELAYED, PM_WORK_STATUS_CANCELLED,
};

static const char *
status_label (PmWorkStatus status)
{
  switch (status)
    {
    case PM_WORK_STATUS_PLANNED:
      return C_("work item", "Planned");
    case PM_WORK_STATUS_IN_PROGRESS:
      return C_("work item", "In progress");
    case PM_WORK_STATUS_DONE:
      return C_("work item", "Done");
    case PM_WORK_STATUS_DELAYED:
      return C_("work item", "Delayed");
    case PM_WORK_STATUS_CANCELLED:
    default:
      return C_("work item", "Cancelled");
    }
}

static PmStore *
store_of (PmDepartmentTasks *self)
{
  return pm_department_sheet_get_store (self->sheet);
}

static const char *
department_name (PmDepartmentTasks *self)
{
  return pm_department_get_name (pm_department_sheet_get_department (self->sheet));
}

static void
tell (PmDepartmentTasks *self,
      const char        *message,
      gboolean           is_error)
{
  g_signal_emit (self, signals[MESSAGE], 0, message, is_error);
}

/* Progress notes */

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
save_note (PmDepartmentTasks *self,
           GtkTextView       *view)
{
  const char *code = g_object_get_data (G_OBJECT (view), "task");
  g_autofree char *text = text_of (view);
  g_autoptr (GError) error = NULL;

  if (!gtk_text_view_get_editable (view))
    return FALSE;
  if (!pm_store_set_progress_note (store_of (self), code, department_name (self), self->year, text,
                                   &error))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", code, error->message);

      tell (self, message, TRUE);
      return FALSE;
    }

  gtk_text_buffer_set_modified (gtk_text_view_get_buffer (view), FALSE);
  return TRUE;
}

static void
note_save_clicked_cb (GtkButton         *button,
                      PmDepartmentTasks *self)
{
  save_note (self, g_object_get_data (G_OBJECT (button), "view"));
}

static void
note_focus_leave_cb (GtkEventControllerFocus *controller,
                     PmDepartmentTasks       *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (!self->rebuilding && gtk_text_buffer_get_modified (gtk_text_view_get_buffer (view)))
    save_note (self, view);
}

static void
note_modified_cb (GtkTextBuffer *buffer,
                  GtkWidget     *button)
{
  gtk_widget_set_sensitive (button, gtk_text_buffer_get_modified (buffer));
}

/* Work items */

static void rebuild_items (PmDepartmentTasks *self,
                           const char        *task_code);

static int
work_year (PmDepartmentTasks *self)
{
  return MIN (self->year + 1, PM_STORE_LAST_YEAR);
}

static char *
entry_text (GtkWidget *row,
            const char *key)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (row), key);
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
save_item (PmDepartmentTasks *self,
           GtkWidget         *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "id");
  GtkDropDown *status = g_object_get_data (G_OBJECT (row), "status");
  GtkDropDown *indicator = g_object_get_data (G_OBJECT (row), "indicator");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmWorkItem) item = NULL;
  g_autoptr (PmWorkItem) stored = NULL;
  guint chosen;

  if (self->rebuilding || self->sheet == NULL)
    return;
  if (!(stored = pm_store_get_work_item (store_of (self), id, &error)))
    {
      tell (self, error->message, TRUE);
      return;
    }

  item = pm_work_item_copy (stored);
  g_free (item->title);
  item->title = entry_text (row, "title");
  g_free (item->starts_on);
  item->starts_on = entry_text (row, "starts");
  g_free (item->due_on);
  item->due_on = entry_text (row, "due");
  g_free (item->note);
  item->note = entry_text (row, "note");
  item->status = statuses[MIN (gtk_drop_down_get_selected (status), G_N_ELEMENTS (statuses) - 1)];
  chosen = gtk_drop_down_get_selected (indicator);
  g_free (item->indicator_code);
  item->indicator_code = chosen > 0 && chosen <= pm_department_sheet_get_n_rows (self->sheet)
    ? g_strdup (pm_indicator_get_code (pm_department_sheet_get_indicator (self->sheet, chosen - 1)))
    : NULL;

  if (g_strcmp0 (item->title, stored->title) == 0 && g_strcmp0 (item->starts_on, stored->starts_on) == 0 &&
      g_strcmp0 (item->due_on, stored->due_on) == 0 && g_strcmp0 (item->note, stored->note) == 0 &&
      item->status == stored->status && g_strcmp0 (item->indicator_code, stored->indicator_code) == 0)
    return;

  if (!pm_store_update_work_item (store_of (self), item, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Work item “%s”: %s"),
                                                  stored->title, error->message);

      gtk_widget_add_css_class (row, "error");
      tell (self, message, TRUE);
      return;
    }
  gtk_widget_remove_css_class (row, "error");
  tell (self, NULL, FALSE);
}

static void
field_activate_cb (GtkWidget         *entry,
                   PmDepartmentTasks *self)
{
  save_item (self, g_object_get_data (G_OBJECT (entry), "row"));
}

static void
field_leave_cb (GtkEventControllerFocus *controller,
                PmDepartmentTasks       *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  save_item (self, g_object_get_data (G_OBJECT (entry), "row"));
}

static void
choice_changed_cb (GtkWidget         *dropdown,
                   GParamSpec        *pspec,
                   PmDepartmentTasks *self)
{
  save_item (self, g_object_get_data (G_OBJECT (dropdown), "row"));
}

static void
move_clicked_cb (GtkButton         *button,
                 PmDepartmentTasks *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "id");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  g_autoptr (PmWorkItem) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *task = g_strdup (g_object_get_data (G_OBJECT (row), "task"));

  if (!(item = pm_store_get_work_item (store_of (self), id, &error)) ||
      !pm_store_move_work_item (store_of (self), id, MAX (0, item->position + delta), &error))
    {
      tell (self, error->message, TRUE);
      return;
    }
  rebuild_items (self, task);
}

static void
delete_clicked_cb (GtkButton         *button,
                   PmDepartmentTasks *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "id");
  g_autoptr (GError) error = NULL;
  g_autofree char *task = g_strdup (g_object_get_data (G_OBJECT (row), "task"));

  if (!pm_store_delete_work_item (store_of (self), id, &error))
    {
      tell (self, error->message, TRUE);
      return;
    }
  rebuild_items (self, task);
}

static GtkWidget *
new_field (GtkWidget         *row,
           PmDepartmentTasks *self,
           const char        *key,
           const char        *text,
           const char        *placeholder,
           int                width_chars)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  if (width_chars > 0)
    gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  else
    gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_tooltip_text (entry, placeholder);
  g_object_set_data (G_OBJECT (entry), "row", row);
  g_object_set_data (G_OBJECT (row), key, entry);
  g_signal_connect (entry, "activate", G_CALLBACK (field_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (field_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static GtkWidget *
new_icon_button (GtkWidget         *row,
                 PmDepartmentTasks *self,
                 const char        *icon,
                 const char        *tooltip,
                 GCallback          callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "row", row);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
new_item_row (PmDepartmentTasks *self,
              const PmWorkItem  *item,
              gboolean           editable)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line1 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *line2 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autoptr (GtkStringList) status_names = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) indicator_names = gtk_string_list_new (NULL);
  GtkWidget *status, *indicator, *button;
  guint selected = 0;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "id", g_memdup2 (&item->id, sizeof item->id), g_free);
  g_object_set_data_full (G_OBJECT (row), "task", g_strdup (item->task_code ? item->task_code : ""),
                          g_free);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_box_append (GTK_BOX (line1), new_field (row, self, "title", item->title, _("Title"), 0));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (status_names, status_label (statuses[i]));
  status = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (status_names)), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i] == item->status)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (status), i);
  gtk_widget_set_tooltip_text (status, _("Status"));
  g_object_set_data (G_OBJECT (status), "row", row);
  g_object_set_data (G_OBJECT (row), "status", status);
  g_signal_connect (status, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  gtk_box_append (GTK_BOX (line1), status);

  button = new_icon_button (row, self, "go-up-symbolic", _("Move Up"), G_CALLBACK (move_clicked_cb));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (-1));
  gtk_box_append (GTK_BOX (line1), button);
  button = new_icon_button (row, self, "go-down-symbolic", _("Move Down"),
                            G_CALLBACK (move_clicked_cb));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (1));
  gtk_box_append (GTK_BOX (line1), button);
  gtk_box_append (GTK_BOX (line1), new_icon_button (row, self, "user-trash-symbolic",
                                                    _("Delete the Work Item"),
                                                    G_CALLBACK (delete_clicked_cb)));

  gtk_box_append (GTK_BOX (line2), new_field (row, self, "starts", item->starts_on,
                                              _("Start (YYYY-MM-DD)"), 11));
  gtk_box_append (GTK_BOX (line2), new_field (row, self, "due", item->due_on,
                                              _("Due (YYYY-MM-DD)"), 11));
  gtk_string_list_append (indicator_names, _("No indicator"));
  for (guint r = 0; r < pm_department_sheet_get_n_rows (self->sheet); r++)
    {
      PmIndicator *row_indicator = pm_department_sheet_get_indicator (self->sheet, r);
      g_autofree char *name = g_strdup_printf ("%s %s", pm_indicator_get_code (row_indicator),
                                               pm_indicator_get_name (row_indicator));

      gtk_string_list_append (indicator_names, name);
      if (g_strcmp0 (item->indicator_code, pm_indicator_get_code (row_indicator)) == 0)
        selected = r + 1;
    }
  indicator = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (indicator_names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (indicator), selected);
  gtk_widget_set_tooltip_text (indicator, _("The indicator the work serves"));
  gtk_widget_set_size_request (indicator, 160, -1);
  g_object_set_data (G_OBJECT (indicator), "row", row);
  g_object_set_data (G_OBJECT (row), "indicator", indicator);
  g_signal_connect (indicator, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  gtk_box_append (GTK_BOX (line2), indicator);
  gtk_box_append (GTK_BOX (line2), new_field (row, self, "note", item->note, _("Note"), 0));

  gtk_box_append (GTK_BOX (box), line1);
  gtk_box_append (GTK_BOX (box), line2);
  gtk_widget_set_sensitive (box, editable);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
rebuild_items (PmDepartmentTasks *self,
               const char        *task_code)
{
  GtkWidget *list = g_hash_table_lookup (self->item_lists, task_code ? task_code : "");
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gboolean editable;
  GtkWidget *child;

  if (list == NULL)
    return;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (list)))
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
  self->rebuilding = FALSE;

  items = pm_store_list_work_items (store_of (self), department_name (self), work_year (self),
                                    &error);
  if (items == NULL)
    {
      tell (self, error->message, TRUE);
      return;
    }

  editable = !pm_store_is_read_only (store_of (self));
  for (guint i = 0; i < items->len; i++)
    {
      const PmWorkItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->task_code ? item->task_code : "", task_code ? task_code : "") == 0)
        gtk_list_box_append (GTK_LIST_BOX (list), new_item_row (self, item, editable));
    }
  gtk_widget_set_visible (list, gtk_widget_get_first_child (list) != NULL);
}

static void
add_clicked_cb (GtkButton         *button,
                PmDepartmentTasks *self)
{
  const char *task = g_object_get_data (G_OBJECT (button), "task");

  pm_department_tasks_add_work_item (self, task && *task ? task : NULL);
}

/* Cards */

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
new_card (PmDepartmentTasks *self,
          PmTask            *task)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *code = task ? pm_task_get_code (task) : "";
  GtkWidget *items = gtk_list_box_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Work Item"));
  g_autofree char *items_title = g_strdup_printf (task ? _("Work items for %d")
                                                       : _("Other work items for %d"),
                                                  work_year (self));
  gboolean read_only = pm_store_is_read_only (store_of (self));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 12);
  gtk_box_append (GTK_BOX (card), inner);

  if (task)
    {
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *code_label = gtk_label_new (code);
      GtkWidget *title = gtk_label_new (pm_task_get_title (task));
      GtkWidget *role = gtk_label_new (pm_department_sheet_get_task_role (self->sheet, task) ==
                                           PM_ROLE_LEAD ? C_("role", "Lead") : C_("role", "Co-op"));
      GtkWidget *text = gtk_label_new (pm_task_get_text (task));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Note"));
      GtkWidget *note_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_autofree char *note_title = g_strdup_printf (_("Progress in %d (实施情况)"), self->year);
      g_autofree char *note = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *names = pm_departments_join (pm_task_get_departments (task), "、");
      /* TRANSLATORS: %s the departments of a task, the lead first */
      g_autofree char *department_label = g_strdup_printf (_("Departments: %s"), names);
      GtkWidget *departments = gtk_label_new (department_label);
      gboolean locked = pm_store_get_department_report_status (store_of (self),
                                                               department_name (self),
                                                               self->year) ==
                        PM_REPORT_STATUS_ACCEPTED;

      gtk_widget_add_css_class (code_label, "indicator-code");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (role, "dim-label");
      gtk_box_append (GTK_BOX (header), code_label);
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), role);
      gtk_box_append (GTK_BOX (inner), header);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_box_append (GTK_BOX (inner), text);
      gtk_label_set_xalign (GTK_LABEL (departments), 0);
      gtk_label_set_wrap (GTK_LABEL (departments), TRUE);
      gtk_widget_add_css_class (departments, "dim-label");
      gtk_widget_add_css_class (departments, "caption");
      gtk_box_append (GTK_BOX (inner), departments);

      gtk_box_append (GTK_BOX (inner), new_heading (note_title));
      note = pm_store_dup_progress_note (store_of (self), code, department_name (self), self->year,
                                         &error);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), note ? note : "",
                                -1);
      gtk_text_buffer_set_modified (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), FALSE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), !read_only && !locked);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      gtk_widget_set_size_request (view, -1, 64);
      if (locked)
        gtk_widget_set_tooltip_text (view, _("Locked: the report of the year was accepted"));
      g_object_set_data_full (G_OBJECT (view), "task", g_strdup (code), g_free);
      g_signal_connect (focus, "leave", G_CALLBACK (note_focus_leave_cb), self);
      gtk_widget_add_controller (view, focus);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (GTK_BOX (inner), frame);
      g_hash_table_insert (self->notes, g_strdup (code), view);

      g_object_set_data (G_OBJECT (save), "view", view);
      gtk_widget_set_sensitive (save, FALSE);
      g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "modified-changed",
                        G_CALLBACK (note_modified_cb), save);
      g_signal_connect (save, "clicked", G_CALLBACK (note_save_clicked_cb), self);
      gtk_widget_set_halign (save, GTK_ALIGN_END);
      gtk_widget_set_hexpand (save, TRUE);
      gtk_box_append (GTK_BOX (note_line), save);
      gtk_box_append (GTK_BOX (inner), note_line);
    }

  gtk_box_append (GTK_BOX (inner), new_heading (items_title));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (items), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (items, "boxed-list");
  gtk_box_append (GTK_BOX (inner), items);
  g_hash_table_insert (self->item_lists, g_strdup (code), items);
  rebuild_items (self, code);

  g_object_set_data_full (G_OBJECT (add), "task", g_strdup (code), g_free);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_set_sensitive (add, !read_only && self->year < PM_STORE_LAST_YEAR);
  g_signal_connect (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  gtk_box_append (GTK_BOX (inner), add);

  return card;
}

static void
rebuild (PmDepartmentTasks *self)
{
  GtkWidget *child;
  GPtrArray *tasks;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (self->list)))
    gtk_box_remove (GTK_BOX (self->list), child);
  self->rebuilding = FALSE;
  g_hash_table_remove_all (self->notes);
  g_hash_table_remove_all (self->item_lists);

  if (self->sheet == NULL)
    return;

  tasks = pm_department_sheet_list_tasks (self->sheet);
  for (guint i = 0; i < tasks->len; i++)
    gtk_box_append (GTK_BOX (self->list), new_card (self, g_ptr_array_index (tasks, i)));
  gtk_box_append (GTK_BOX (self->list), new_card (self, NULL));
}

/* GObject */

static void
pm_department_tasks_dispose (GObject *object)
{
  PmDepartmentTasks *self = PM_DEPARTMENT_TASKS (object);

  self->rebuilding = TRUE;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->sheet);

  G_OBJECT_CLASS (pm_department_tasks_parent_class)->dispose (object);
}

static void
pm_department_tasks_finalize (GObject *object)
{
  PmDepartmentTasks *self = PM_DEPARTMENT_TASKS (object);

  g_hash_table_unref (self->notes);
  g_hash_table_unref (self->item_lists);

  G_OBJECT_CLASS (pm_department_tasks_parent_class)->finalize (object);
}

static void
pm_department_tasks_class_init (PmDepartmentTasksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_department_tasks_dispose;
  object_class->finalize = pm_department_tasks_finalize;

  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                   G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pm_department_tasks_init (PmDepartmentTasks *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->item_lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->year = PM_DEPARTMENT_SHEET_FIRST_YEAR;

  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (self->list, 12);
  gtk_widget_set_margin_end (self->list, 12);
  gtk_widget_set_margin_top (self->list, 12);
  gtk_widget_set_margin_bottom (self->list, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->list);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
pm_department_tasks_new (void)
{
  return g_object_new (PM_TYPE_DEPARTMENT_TASKS, NULL);
}

void
pm_department_tasks_set_sheet (PmDepartmentTasks *self,
                               PmDepartmentSheet *sheet)
{
  g_return_if_fail (PM_IS_DEPARTMENT_TASKS (self));

  if (!g_set_object (&self->sheet, sheet))
    return;
  rebuild (self);
}

/* The year of the progress notes; the work items shown are the next's. */
void
pm_department_tasks_set_year (PmDepartmentTasks *self,
                              int                year)
{
  g_return_if_fail (PM_IS_DEPARTMENT_TASKS (self));

  if (self->year == year)
    return;
  self->year = year;
  rebuild (self);
}

int
pm_department_tasks_get_work_year (PmDepartmentTasks *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_TASKS (self), 0);
  return work_year (self);
}

void
pm_department_tasks_refresh (PmDepartmentTasks *self)
{
  g_return_if_fail (PM_IS_DEPARTMENT_TASKS (self));
  rebuild (self);
}

guint
pm_department_tasks_get_n_tasks (PmDepartmentTasks *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_TASKS (self), 0);
  return g_hash_table_size (self->notes);
}

/* Returns: (transfer none) (nullable): where the task's progress note is typed */
GtkTextView *
pm_department_tasks_get_note_view (PmDepartmentTasks *self,
                                   const char        *task_code)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_TASKS (self), NULL);
  return g_hash_table_lookup (self->notes, task_code);
}

/* Writes the task's progress note as typed, as its Save button does. */
gboolean
pm_department_tasks_save_note (PmDepartmentTasks *self,
                               const char        *task_code)
{
  GtkTextView *view;

  g_return_val_if_fail (PM_IS_DEPARTMENT_TASKS (self), FALSE);

  view = g_hash_table_lookup (self->notes, task_code);
  return view != NULL && save_note (self, view);
}

/**
 * pm_department_tasks_add_work_item:
 * @task_code: (nullable): the task the work serves
 *
 * Adds a work item for the next year, last, as "Add Work Item" does.
 *
 * Returns: its id, 0 when it was not added
 */
gint64
pm_department_tasks_add_work_item (PmDepartmentTasks *self,
                                   const char        *task_code)
{
  g_autoptr (PmWorkItem) item = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (PM_IS_DEPARTMENT_TASKS (self), 0);

  if (self->sheet == NULL)
    return 0;
  item = pm_work_item_new (department_name (self), work_year (self), _("New work item"));
  item->task_code = g_strdup (task_code);
  if (!(id = pm_store_add_work_item (store_of (self), item, &error)))
    {
      tell (self, error->message, TRUE);
      return 0;
    }

  rebuild_items (self, task_code);
  {
    GtkWidget *row = pm_department_tasks_get_work_item_row (self, id);

    if (row)
      {
        GtkWidget *title = g_object_get_data (G_OBJECT (row), "title");

        gtk_widget_grab_focus (title);
        gtk_editable_select_region (GTK_EDITABLE (title), 0, -1);
      }
  }
  return id;
}

/* Returns: (transfer none) (nullable): the row of a work item shown */
GtkWidget *
pm_department_tasks_get_work_item_row (PmDepartmentTasks *self,
                                       gint64             id)
{
  GHashTableIter iter;
  gpointer list;

  g_return_val_if_fail (PM_IS_DEPARTMENT_TASKS (self), NULL);

  g_hash_table_iter_init (&iter, self->item_lists);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    for (GtkWidget *row = gtk_widget_get_first_child (list); row;
         row = gtk_widget_get_next_sibling (row))
      {
        gint64 *row_id = g_object_get_data (G_OBJECT (row), "id");

        if (row_id && *row_id == id)
          return row;
      }

  return NULL;
}
