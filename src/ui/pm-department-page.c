/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-department-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-department-page.h"
#include "pm-department.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"
#include "pm-ui-util.h"

struct _PmDepartmentPage
{
  AdwBin parent_instance;

  /* template */
  GtkDropDown *department_dropdown;
  GtkDropDown *year_dropdown;
  GtkLabel *status_label;
  GtkWidget *submit_button;
  GtkWidget *accept_button;
  GtkWidget *return_button;
  GtkWidget *unlock_button;
  GtkRevealer *comment_revealer;
  GtkLabel *comment_label;
  GtkStack *view_stack;
  PmDepartmentGrid *grid;
  GtkLabel *message_label;
  GtkCheckButton *earlier_check;
  GtkLabel *checks_title;
  GtkListBox *checks_list;
  PmDepartmentTasks *tasks;

  PmStore *store;
  PmDepartment *department;
  PmDepartmentSheet *sheet;
  int year;
  GPtrArray *checks;  /* of PmSheetCheck, as listed */
  char *status_text;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (PmDepartmentPage, pm_department_page, ADW_TYPE_BIN)

enum {
  SHOW_COMPLETENESS,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* State */

static PmReportStatus
effective_status (PmDepartmentPage *self,
                  guint            *entered,
                  guint            *expected)
{
  PmReportStatus status;
  guint n = 0;

  for (guint row = 0; row < pm_department_sheet_get_n_rows (self->sheet); row++)
    if (pm_department_sheet_get_role (self->sheet, row) == PM_ROLE_LEAD &&
        pm_indicator_find_observation (pm_department_sheet_get_indicator (self->sheet, row),
                                       self->year, PM_AREA_COUNTY))
      n++;

  *entered = n;
  *expected = pm_department_sheet_count_lead_rows (self->sheet);
  status = pm_store_get_department_report_status (self->store,
                                                  pm_department_get_name (self->department),
                                                  self->year);
  if (status == PM_REPORT_STATUS_NOT_STARTED && n > 0)
    status = PM_REPORT_STATUS_DRAFT;
  return status;
}

static guint
count_open_checks (PmDepartmentPage *self,
                   gboolean          lead_only)
{
  guint n = 0;

  for (guint i = 0; self->checks && i < self->checks->len; i++)
    {
      const PmSheetCheck *check = g_ptr_array_index (self->checks, i);

      if (check->note == NULL && (!lead_only || check->role == PM_ROLE_LEAD))
        n++;
    }

  return n;
}

static void
update_status (PmDepartmentPage *self)
{
  g_autoptr (PmDepartmentReport) report = NULL;
  g_autofree char *submit = NULL;
  g_autofree char *values = NULL;
  g_autofree char *open = NULL;
  PmReportStatus status;
  guint entered, expected, n_open;
  gboolean writable;

  g_clear_pointer (&self->status_text, g_free);
  if (self->sheet == NULL)
    {
      gtk_label_set_text (self->status_label, "");
      return;
    }

  status = effective_status (self, &entered, &expected);
  n_open = count_open_checks (self, TRUE);
  /* TRANSLATORS: how many of the values a department is to give it gave */
  values = g_strdup_printf (ngettext ("%u of %u value", "%u of %u values", expected), entered,
                            expected);
  open = g_strdup_printf (ngettext ("%u open check", "%u open checks", n_open), n_open);
  /* TRANSLATORS: %1$d a year, %2$s the report's status (Draft …), %3$s "12 of 20 values",
   * %4$s "2 open checks" */
  self->status_text = g_strdup_printf (_("%1$d: %2$s · %3$s · %4$s"), self->year,
                                       pm_report_status_get_label (status), values, open);
  gtk_label_set_text (self->status_label, self->status_text);

  /* TRANSLATORS: a button: %d is a year */
  submit = g_strdup_printf (_("_Submit %d"), self->year);
  gtk_button_set_label (GTK_BUTTON (self->submit_button), submit);
  gtk_button_set_use_underline (GTK_BUTTON (self->submit_button), TRUE);

  writable = !pm_store_is_read_only (self->store);
  gtk_widget_set_visible (self->submit_button, status == PM_REPORT_STATUS_NOT_STARTED ||
                                               status == PM_REPORT_STATUS_DRAFT ||
                                               status == PM_REPORT_STATUS_RETURNED);
  gtk_widget_set_visible (self->accept_button, status == PM_REPORT_STATUS_SUBMITTED);
  gtk_widget_set_visible (self->return_button, status == PM_REPORT_STATUS_SUBMITTED);
  gtk_widget_set_visible (self->unlock_button, status == PM_REPORT_STATUS_ACCEPTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "department.submit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "department.accept", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "department.return", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "department.unlock", writable);

  report = pm_store_get_department_report (self->store, pm_department_get_name (self->department),
                                           self->year, NULL);
  if (report && report->status == PM_REPORT_STATUS_RETURNED && report->comment)
    {
      /* TRANSLATORS: the office's comment on a returned report */
      g_autofree char *comment = g_strdup_printf (_("Returned by the office: %s"), report->comment);

      gtk_label_set_text (self->comment_label, comment);
      gtk_revealer_set_reveal_child (self->comment_revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->comment_revealer, FALSE);
}

/* Checks */

static void confirm_check_dialog (PmDepartmentPage *self,
                                  guint             index);

static void
confirm_clicked_cb (GtkButton        *button,
                    PmDepartmentPage *self)
{
  confirm_check_dialog (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
check_row_activated_cb (GtkListBox       *list,
                        GtkListBoxRow    *row,
                        PmDepartmentPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  const PmSheetCheck *check;
  int grid_row;

  if (self->checks == NULL || index >= self->checks->len)
    return;
  check = g_ptr_array_index (self->checks, index);
  grid_row = pm_department_sheet_find_row (self->sheet, check->check->code);
  if (grid_row >= 0)
    pm_department_grid_set_cursor (self->grid, (guint) grid_row, check->check->year);
}

static void
update_checks (PmDepartmentPage *self)
{
  GtkWidget *child;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checks_list))))
    gtk_list_box_remove (self->checks_list, child);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  if (self->sheet == NULL)
    return;

  self->checks = pm_department_sheet_list_checks (self->sheet, self->year, NULL);
  /* TRANSLATORS: a heading: %d is a year */
  title = g_strdup_printf (_("Checks of the values of %d"), self->year);
  gtk_label_set_text (self->checks_title, title);

  if (self->checks == NULL || self->checks->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No value of the year looks odd."));
      gtk_list_box_append (self->checks_list, row);
      return;
    }

  for (guint i = 0; i < self->checks->len; i++)
    {
      const PmSheetCheck *check = g_ptr_array_index (self->checks, i);
      PmIndicator *indicator = pm_project_find_indicator (pm_store_get_project (self->store),
                                                          check->check->code);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (check->note ? _("_Edit Note…")
                                                                    : _("_Confirm…"));
      g_autofree char *row_title = g_strdup_printf ("%s %s · %s", check->check->code,
                                                    pm_indicator_get_name (indicator),
                                                    check->check->message);
      g_autofree char *subtitle = NULL;

      if (check->note)
        /* TRANSLATORS: %1$s who confirmed an odd value, %2$s their note */
        subtitle = g_strdup_printf (_("Confirmed by %1$s: %2$s"),
                                    check->confirmed_by ? check->confirmed_by : "",
                                    check->note);
      else
        subtitle = g_strdup (_("Open: correct the value, or confirm it with a note if it is "
                               "right"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row),
                                    check->note ? "object-select-symbolic"
                                                : "dialog-warning-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, !pm_store_is_read_only (self->store));
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (confirm_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      gtk_widget_add_css_class (row, "pm-check-row");
      gtk_list_box_append (self->checks_list, row);
    }
}

static void
refresh (PmDepartmentPage *self)
{
  update_checks (self);
  update_status (self);
}

/* Dialogs */

typedef gboolean (*TextStep) (PmDepartmentPage *self,
                              const char       *text,
                              GError          **error);

static void
text_entry_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "ok", *text != '\0');
}

static void
text_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         PmDepartmentPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  TextStep step = g_object_get_data (G_OBJECT (dialog), "step");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "ok") != 0)
    return;
  if (!step (self, gtk_editable_get_text (entry), &error))
    pm_ui_show_error_dialog (GTK_WIDGET (self), _("The Report Was Not Changed"), error);
}

static void
ask_text (PmDepartmentPage *self,
          const char       *heading,
          const char       *body,
          const char       *placeholder,
          const char       *ok_label,
          const char       *initial,
          TextStep          step)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), initial ? initial : "");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok",
                                    ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  text_entry_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (entry, "changed", G_CALLBACK (text_entry_changed_cb), dialog);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "step", step);
  g_signal_connect_object (dialog, "response", G_CALLBACK (text_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
return_step (PmDepartmentPage *self,
             const char       *text,
             GError          **error)
{
  return pm_department_page_return (self, text, error);
}

static gboolean
unlock_step (PmDepartmentPage *self,
             const char       *text,
             GError          **error)
{
  return pm_department_page_unlock (self, text, error);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PmDepartmentPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "ok") != 0)
    return;
  if (!pm_department_page_confirm_check (self, index, gtk_editable_get_text (entry), &error))
    pm_ui_show_error_dialog (GTK_WIDGET (self), _("The Check Was Not Confirmed"), error);
}

static void
confirm_check_dialog (PmDepartmentPage *self,
                      guint             index)
{
  const PmSheetCheck *check;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *entry;

  if (self->checks == NULL || index >= self->checks->len)
    return;
  check = g_ptr_array_index (self->checks, index);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Confirm the Value"), check->check->message);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  _("Why the value is right (the office sees this note)"));
  gtk_editable_set_text (GTK_EDITABLE (entry), check->note ? check->note : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok",
                                    _("C_onfirm"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  text_entry_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (entry, "changed", G_CALLBACK (text_entry_changed_cb), dialog);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
submit_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PmDepartmentPage *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "submit") == 0 && !pm_department_page_submit (self, &error))
    pm_ui_show_error_dialog (GTK_WIDGET (self), _("The Report Was Not Submitted"), error);
}

/* Actions */

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PmDepartmentPage *self = PM_DEPARTMENT_PAGE (widget);
  g_autoptr (GError) error = NULL;
  guint n_open = count_open_checks (self, TRUE);

  if (self->sheet == NULL)
    return;

  /* a check is never silently ignored: say which are open first */
  if (n_open > 0)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      g_autofree char *body = g_strdup_printf (
        ngettext ("%u value of %d has an open check. Correct it, or confirm it with a note, so "
                  "that the office sees why it is right.",
                  "%u values of %d have open checks. Correct them, or confirm them with a note, "
                  "so that the office sees why they are right.",
                  n_open),
        n_open, self->year);
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Submit with Open Checks?"), body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel",
                                        _("_Review the Checks"), "submit", _("_Submit Anyway"),
                                        NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (submit_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (!pm_department_page_submit (self, &error))
    pm_ui_show_error_dialog (widget, _("The Report Was Not Submitted"), error);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr (GError) error = NULL;

  if (!pm_department_page_accept (PM_DEPARTMENT_PAGE (widget), &error))
    pm_ui_show_error_dialog (widget, _("The Report Was Not Accepted"), error);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PmDepartmentPage *self = PM_DEPARTMENT_PAGE (widget);
  g_autofree char *heading = NULL;

  if (self->department == NULL)
    return;
  /* TRANSLATORS: %1$s a department, %2$d a year */
  heading = g_strdup_printf (_("Return the %2$d Report of %1$s?"),
                             pm_department_get_name (self->department), self->year);
  ask_text (self, heading, _("The department sees your comment and submits the report again."),
            _("What is to be corrected"), _("_Return"), NULL, return_step);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PmDepartmentPage *self = PM_DEPARTMENT_PAGE (widget);
  g_autofree char *heading = NULL;

  if (self->department == NULL)
    return;
  /* TRANSLATORS: %1$s a department, %2$d a year */
  heading = g_strdup_printf (_("Unlock the %2$d Report of %1$s?"),
                             pm_department_get_name (self->department), self->year);
  ask_text (self, heading,
            _("Its values can then be changed; the report is a draft again, to be submitted and "
              "accepted anew. The reason is kept in the report's history."),
            _("Why the accepted values must change"), _("_Unlock"), NULL, unlock_step);
}

static void
show_completeness_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_signal_emit (widget, signals[SHOW_COMPLETENESS], 0);
}

/* Callbacks */

static void
store_changed_cb (PmDepartmentPage *self)
{
  refresh (self);
}

static void
show_message (PmDepartmentPage *self,
              const char       *message,
              gboolean          is_error)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message && *message);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
grid_message_cb (PmDepartmentPage *self,
                 const char       *message,
                 gboolean          is_error)
{
  show_message (self, message, is_error);
}

static void
tasks_message_cb (PmDepartmentPage *self,
                  const char       *message,
                  gboolean          is_error)
{
  show_message (self, message, is_error);
}

static void
earlier_toggled_cb (PmDepartmentPage *self)
{
  pm_department_grid_set_show_earlier (self->grid,
                                       gtk_check_button_get_active (self->earlier_check));
}

static void
department_selected_cb (PmDepartmentPage *self)
{
  g_autoptr (PmDepartment) department = NULL;

  if (self->updating)
    return;
  department = gtk_drop_down_get_selected_item (self->department_dropdown)
                 ? g_object_ref (gtk_drop_down_get_selected_item (self->department_dropdown))
                 : NULL;
  if (department)
    pm_department_page_set_department (self, department);
}

static void
year_selected_cb (PmDepartmentPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  pm_department_page_set_year (self, PM_DEPARTMENT_SHEET_FIRST_YEAR + (int) selected);
}

static char *
department_name_cb (PmDepartment *department)
{
  return g_strdup (department ? pm_department_get_name (department) : "");
}

/* GObject */

static void
disconnect_store (PmDepartmentPage *self)
{
  if (self->store)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
}

static void
pm_department_page_dispose (GObject *object)
{
  PmDepartmentPage *self = PM_DEPARTMENT_PAGE (object);

  disconnect_store (self);
  g_clear_object (&self->store);
  g_clear_object (&self->department);
  g_clear_object (&self->sheet);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_DEPARTMENT_PAGE);

  G_OBJECT_CLASS (pm_department_page_parent_class)->dispose (object);
}

static void
pm_department_page_finalize (GObject *object)
{
  PmDepartmentPage *self = PM_DEPARTMENT_PAGE (object);

  g_free (self->status_text);

  G_OBJECT_CLASS (pm_department_page_parent_class)->finalize (object);
}

static void
pm_department_page_class_init (PmDepartmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_department_page_dispose;
  object_class->finalize = pm_department_page_finalize;

  signals[SHOW_COMPLETENESS] = g_signal_new ("show-completeness", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                             0);

  g_type_ensure (PM_TYPE_DEPARTMENT_GRID);
  g_type_ensure (PM_TYPE_DEPARTMENT_TASKS);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/planmonitor/PlanMonitor/ui/pm-department-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, accept_button);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, return_button);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, comment_revealer);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, comment_label);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, grid);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, earlier_check);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, checks_title);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, checks_list);
  gtk_widget_class_bind_template_child (widget_class, PmDepartmentPage, tasks);
  gtk_widget_class_bind_template_callback (widget_class, department_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_message_cb);
  gtk_widget_class_bind_template_callback (widget_class, tasks_message_cb);
  gtk_widget_class_bind_template_callback (widget_class, earlier_toggled_cb);

  gtk_widget_class_install_action (widget_class, "department.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "department.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "department.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "department.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "department.show-completeness", NULL,
                                   show_completeness_action);
}

static void
pm_department_page_init (PmDepartmentPage *self)
{
  g_autoptr (GtkStringList) years = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int year = PM_DEPARTMENT_SHEET_FIRST_YEAR; year <= PM_DEPARTMENT_SHEET_LAST_YEAR; year++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);

      gtk_string_list_append (years, text);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  gtk_drop_down_set_expression (self->department_dropdown,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (department_name_cb),
                                                             NULL, NULL));
  self->updating = FALSE;
  g_signal_connect (self->checks_list, "row-activated", G_CALLBACK (check_row_activated_cb), self);

  self->year = pm_ui_default_evaluation_year ();
  self->year = CLAMP (self->year, PM_DEPARTMENT_SHEET_FIRST_YEAR, PM_DEPARTMENT_SHEET_LAST_YEAR);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->year_dropdown, self->year - PM_DEPARTMENT_SHEET_FIRST_YEAR);
  self->updating = FALSE;
  pm_department_tasks_set_year (self->tasks, self->year);
}

/* Public API */

GtkWidget *
pm_department_page_new (void)
{
  return g_object_new (PM_TYPE_DEPARTMENT_PAGE, NULL);
}

static void
rebuild_sheet (PmDepartmentPage *self)
{
  g_clear_object (&self->sheet);
  if (self->store && self->department)
    self->sheet = pm_department_sheet_new (self->store, self->department);

  pm_department_grid_set_sheet (self->grid, self->sheet);
  pm_department_tasks_set_sheet (self->tasks, self->sheet);
  show_message (self, NULL, FALSE);
  refresh (self);
}

/* The project whose departments are shown; NULL shows none. */
void
pm_department_page_set_store (PmDepartmentPage *self,
                              PmStore          *store)
{
  g_return_if_fail (PM_IS_DEPARTMENT_PAGE (self));
  g_return_if_fail (store == NULL || PM_IS_STORE (store));

  if (self->store == store)
    return;

  disconnect_store (self);
  g_set_object (&self->store, store);
  g_clear_object (&self->department);
  if (store)
    g_signal_connect_swapped (store, "notify::can-undo", G_CALLBACK (store_changed_cb), self);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->department_dropdown,
                           store ? pm_project_get_departments (pm_store_get_project (store))
                                 : NULL);
  self->updating = FALSE;
  rebuild_sheet (self);
}

void
pm_department_page_set_department (PmDepartmentPage *self,
                                   PmDepartment     *department)
{
  GListModel *departments;

  g_return_if_fail (PM_IS_DEPARTMENT_PAGE (self));
  g_return_if_fail (department == NULL || PM_IS_DEPARTMENT (department));

  if (self->department == department)
    return;
  g_set_object (&self->department, department);

  departments = gtk_drop_down_get_model (self->department_dropdown);
  self->updating = TRUE;
  for (guint i = 0; departments && department && i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (PmDepartment) item = g_list_model_get_item (departments, i);

      if (item == department)
        gtk_drop_down_set_selected (self->department_dropdown, i);
    }
  self->updating = FALSE;
  rebuild_sheet (self);
}

/* Returns: (transfer none) (nullable): the department shown */
PmDepartment *
pm_department_page_get_department (PmDepartmentPage *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), NULL);
  return self->department;
}

/* The year of the report: its progress notes, checks and steps. */
void
pm_department_page_set_year (PmDepartmentPage *self,
                             int               year)
{
  g_return_if_fail (PM_IS_DEPARTMENT_PAGE (self));

  year = CLAMP (year, PM_DEPARTMENT_SHEET_FIRST_YEAR, PM_DEPARTMENT_SHEET_LAST_YEAR);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->year_dropdown, year - PM_DEPARTMENT_SHEET_FIRST_YEAR);
  self->updating = FALSE;
  if (self->year == year)
    return;
  self->year = year;
  pm_department_tasks_set_year (self->tasks, year);
  refresh (self);
}

int
pm_department_page_get_year (PmDepartmentPage *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), 0);
  return self->year;
}

/* Shows the project as it is now (after a change made elsewhere). */
void
pm_department_page_refresh (PmDepartmentPage *self)
{
  g_return_if_fail (PM_IS_DEPARTMENT_PAGE (self));

  pm_department_grid_refresh (self->grid);
  refresh (self);
}

PmDepartmentGrid *
pm_department_page_get_grid (PmDepartmentPage *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), NULL);
  return self->grid;
}

PmDepartmentTasks *
pm_department_page_get_tasks (PmDepartmentPage *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), NULL);
  return self->tasks;
}

/* Returns: (nullable): the line that says where the report stands */
const char *
pm_department_page_get_status_text (PmDepartmentPage *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), NULL);
  return self->status_text;
}

/* Returns: the message under the grid ("" when none) */
const char *
pm_department_page_get_message (PmDepartmentPage *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), NULL);
  return gtk_label_get_text (self->message_label);
}

guint
pm_department_page_get_n_checks (PmDepartmentPage *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), 0);
  return self->checks ? self->checks->len : 0;
}

/* After a step the locks change: the whole page shows them. */
static gboolean
after_step (PmDepartmentPage *self,
            gboolean          ok)
{
  if (ok)
    {
      pm_department_grid_refresh (self->grid);
      pm_department_tasks_refresh (self->tasks);
      refresh (self);
    }
  return ok;
}

gboolean
pm_department_page_submit (PmDepartmentPage *self,
                           GError          **error)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->department != NULL, FALSE);

  return after_step (self, pm_store_submit_department_report (
                             self->store, pm_department_get_name (self->department), self->year,
                             NULL, error));
}

gboolean
pm_department_page_accept (PmDepartmentPage *self,
                           GError          **error)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->department != NULL, FALSE);

  return after_step (self, pm_store_accept_department_report (
                             self->store, pm_department_get_name (self->department), self->year,
                             error));
}

gboolean
pm_department_page_return (PmDepartmentPage *self,
                           const char       *comment,
                           GError          **error)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->department != NULL, FALSE);

  return after_step (self, pm_store_return_department_report (
                             self->store, pm_department_get_name (self->department), self->year,
                             comment, error));
}

gboolean
pm_department_page_unlock (PmDepartmentPage *self,
                           const char       *reason,
                           GError          **error)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->department != NULL, FALSE);

  return after_step (self, pm_store_unlock_department_report (
                             self->store, pm_department_get_name (self->department), self->year,
                             reason, error));
}

/* Confirms the check listed at index with a note (empty: withdraws it). */
gboolean
pm_department_page_confirm_check (PmDepartmentPage *self,
                                  guint             index,
                                  const char       *note,
                                  GError          **error)
{
  const PmSheetCheck *check;

  g_return_val_if_fail (PM_IS_DEPARTMENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->checks != NULL && index < self->checks->len, FALSE);

  check = g_ptr_array_index (self->checks, index);
  if (!pm_store_confirm_check (self->store, check->check->code, check->check->year,
                               check->check->kind, check->check->value, note, error))
    return FALSE;

  pm_department_grid_refresh (self->grid);
  refresh (self);
  return TRUE;
}
