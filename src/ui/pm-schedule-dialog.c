/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-schedule-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pm-department.h"
#include "pm-project.h"
#include "pm-schedule-dialog.h"

/* Asks what to export: the year, the format, where to, and (for work
 * schedules) which departments, from a searchable checklist in the
 * project's order. Export hands the work to the window, which runs it under
 * its progress bar. */

#define FIRST_YEAR 2021
#define LAST_YEAR 2030

struct _PmScheduleDialog
{
  AdwWindow parent_instance;

  /* template */
  AdwWindowTitle *window_title;
  GtkWidget *export_button;
  AdwComboRow *year_row;
  AdwComboRow *format_row;
  AdwComboRow *kind_row;
  AdwActionRow *destination_row;
  GtkWidget *departments_box;
  GtkLabel *count_label;
  GtkSearchEntry *search_entry;
  GtkListBox *department_list;

  PmWindow *window;
  PmScheduleDialogKind kind;
  GPtrArray *departments; /* PmDepartment, in the project's order */
  GPtrArray *checks;      /* GtkCheckButton, one per department */
  char *destination;
  char *search;           /* casefolded, or NULL */
};

G_DEFINE_FINAL_TYPE (PmScheduleDialog, pm_schedule_dialog, ADW_TYPE_WINDOW)

static gboolean
is_folder (PmScheduleDialog *self)
{
  return self->kind == PM_SCHEDULE_DIALOG_SCHEDULES && adw_combo_row_get_selected (self->kind_row) == 1;
}

static void
update (PmScheduleDialog *self)
{
  guint n = pm_schedule_dialog_get_n_chosen (self);
  g_autofree char *count = NULL;

  /* TRANSLATORS: how many departments are ticked: “12 of 38 chosen” */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u chosen", "%u of %u chosen",
                                        self->departments->len),
                           n, self->departments->len);
  gtk_label_set_text (self->count_label, count);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->destination_row),
                                 is_folder (self) ? _("Folder") : _("File"));
  if (self->destination)
    adw_action_row_set_subtitle (self->destination_row, self->destination);
  else
    adw_action_row_set_subtitle (self->destination_row, is_folder (self)
                                 ? _("Choose the folder for the files")
                                 : _("Choose where to save the document"));

  gtk_widget_set_sensitive (self->export_button, pm_schedule_dialog_can_export (self));
}

/* The destination file with the extension of the chosen format. */
static char *
with_format_extension (const char     *path,
                       PmExportFormat  format)
{
  const char *extension = pm_export_format_get_extension (format);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  char *dot = strrchr (base, '.');
  PmExportFormat current;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (pm_export_format_from_path (path, &current))
    {
      if (current == format)
        return g_strdup (path);
      *dot = '\0';
    }
  stem = g_strdup (base);
  name = g_strdup_printf ("%s.%s", stem, extension);
  return g_build_filename (dir, name, NULL);
}

/* Departments */

static gboolean
matches (PmScheduleDialog *self,
         guint             index)
{
  g_autofree char *name = NULL;

  if (self->search == NULL)
    return TRUE;
  name = g_utf8_casefold (pm_department_get_name (g_ptr_array_index (self->departments, index)), -1);
  return strstr (name, self->search) != NULL;
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  PmScheduleDialog *self = user_data;

  return matches (self, (guint) gtk_list_box_row_get_index (row));
}

static void
check_toggled_cb (PmScheduleDialog *self)
{
  update (self);
}

static void
fill_departments (PmScheduleDialog *self,
                  PmProject        *project)
{
  GListModel *departments = pm_project_get_departments (project);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (PmDepartment) department = g_list_model_get_item (departments, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pm_department_get_name (department));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pm_department_get_name (department), -1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->department_list, row);

      g_ptr_array_add (self->departments, g_object_ref (department));
      g_ptr_array_add (self->checks, check);
    }
  gtk_list_box_set_filter_func (self->department_list, filter_func, self, NULL);
}

/* Ticks or unticks the departments shown (every one, without a search). */
static void
choose_shown (PmScheduleDialog *self,
              gboolean          chosen)
{
  for (guint i = 0; i < self->checks->len; i++)
    if (matches (self, i))
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), chosen);
  update (self);
}

static void
select_all_clicked_cb (PmScheduleDialog *self)
{
  choose_shown (self, TRUE);
}

static void
select_none_clicked_cb (PmScheduleDialog *self)
{
  choose_shown (self, FALSE);
}

static void
search_changed_cb (PmScheduleDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped)
    self->search = g_utf8_casefold (stripped, -1);
  gtk_list_box_invalidate_filter (self->department_list);
}

/* Year, format, destination */

static void
year_changed_cb (PmScheduleDialog *self)
{
  update (self);
}

static void
format_changed_cb (PmScheduleDialog *self)
{
  if (self->destination && !is_folder (self))
    {
      char *fixed = with_format_extension (self->destination, pm_schedule_dialog_get_format (self));

      g_free (self->destination);
      self->destination = fixed;
    }
  update (self);
}

static void
kind_changed_cb (PmScheduleDialog *self)
{
  /* a file is no folder, nor the other way round */
  g_clear_pointer (&self->destination, g_free);
  update (self);
}

static char *
suggested_name (PmScheduleDialog *self)
{
  const char *extension = pm_export_format_get_extension (pm_schedule_dialog_get_format (self));
  int year = pm_schedule_dialog_get_year (self);

  if (self->kind == PM_SCHEDULE_DIALOG_TASK_DIVISION)
    /* TRANSLATORS: the suggested file name of the task-division table: “Task division 2025.pdf” */
    return g_strdup_printf (_("Task division %d.%s"), year, extension);
  /* TRANSLATORS: the suggested file name of the work schedules: “Work schedules 2025.pdf” */
  return g_strdup_printf (_("Work schedules %d.%s"), year, extension);
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     PmScheduleDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path)
        pm_schedule_dialog_set_destination (self, path, is_folder (self));
      else
        {
          g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                          _("Only files on this computer can be used."));

          pm_window_show_error (self->window, _("Could Not Use the File"), error);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_clicked_cb (PmScheduleDialog *self)
{
  gboolean folder = is_folder (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Choose a Folder for the Work Schedules")
                                                : _("Save the Document As"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         folder ? _("_Choose Folder") : _("_Choose"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (!folder)
    {
      g_autofree char *name = suggested_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_clicked_cb (PmScheduleDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_clicked_cb (PmScheduleDialog *self)
{
  pm_schedule_dialog_export (self);
}

/* GObject */

static void
pm_schedule_dialog_dispose (GObject *object)
{
  PmScheduleDialog *self = PM_SCHEDULE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PM_TYPE_SCHEDULE_DIALOG);
  g_clear_object (&self->window);
  G_OBJECT_CLASS (pm_schedule_dialog_parent_class)->dispose (object);
}

static void
pm_schedule_dialog_finalize (GObject *object)
{
  PmScheduleDialog *self = PM_SCHEDULE_DIALOG (object);

  g_ptr_array_unref (self->departments);
  g_ptr_array_unref (self->checks);
  g_free (self->destination);
  g_free (self->search);
  G_OBJECT_CLASS (pm_schedule_dialog_parent_class)->finalize (object);
}

static void
pm_schedule_dialog_class_init (PmScheduleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_schedule_dialog_dispose;
  object_class->finalize = pm_schedule_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/planmonitor/PlanMonitor/ui/pm-schedule-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmScheduleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PmScheduleDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, PmScheduleDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, PmScheduleDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PmScheduleDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PmScheduleDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, PmScheduleDialog, departments_box);
  gtk_widget_class_bind_template_child (widget_class, PmScheduleDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, PmScheduleDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PmScheduleDialog, department_list);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_none_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pm_schedule_dialog_init (PmScheduleDialog *self)
{
  g_autoptr (GtkStringList) years = gtk_string_list_new (NULL);

  self->departments = g_ptr_array_new_with_free_func (g_object_unref);
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int year = FIRST_YEAR; year <= LAST_YEAR; year++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%d", year);
      gtk_string_list_append (years, text);
    }
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (years));
}

PmScheduleDialog *
pm_schedule_dialog_new (PmWindow             *window,
                        PmScheduleDialogKind  kind)
{
  PmScheduleDialog *self;
  PmProject *project;
  gboolean schedules = kind == PM_SCHEDULE_DIALOG_SCHEDULES;

  g_return_val_if_fail (PM_IS_WINDOW (window), NULL);
  project = pm_window_get_project (window);
  g_return_val_if_fail (project != NULL, NULL);

  self = g_object_new (PM_TYPE_SCHEDULE_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->kind = kind;

  gtk_window_set_title (GTK_WINDOW (self), schedules ? _("Export Work Schedules")
                                                     : _("Export the Task Division"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), schedules);
  gtk_widget_set_visible (self->departments_box, schedules);
  if (!schedules)
    gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);
  else
    fill_departments (self, project);

  pm_schedule_dialog_set_year (self, pm_window_get_year (window));
  update (self);
  return self;
}

int
pm_schedule_dialog_get_year (PmScheduleDialog *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE_DIALOG (self), FIRST_YEAR);
  return FIRST_YEAR + (int) adw_combo_row_get_selected (self->year_row);
}

void
pm_schedule_dialog_set_year (PmScheduleDialog *self,
                             int               year)
{
  g_return_if_fail (PM_IS_SCHEDULE_DIALOG (self));
  adw_combo_row_set_selected (self->year_row, CLAMP (year, FIRST_YEAR, LAST_YEAR) - FIRST_YEAR);
}

PmExportFormat
pm_schedule_dialog_get_format (PmScheduleDialog *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE_DIALOG (self), PM_EXPORT_FORMAT_PDF);
  switch (adw_combo_row_get_selected (self->format_row))
    {
    case 1:
      return PM_EXPORT_FORMAT_XLSX;
    case 2:
      return PM_EXPORT_FORMAT_CSV;
    default:
      return PM_EXPORT_FORMAT_PDF;
    }
}

void
pm_schedule_dialog_set_format (PmScheduleDialog *self,
                               PmExportFormat    format)
{
  g_return_if_fail (PM_IS_SCHEDULE_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, format == PM_EXPORT_FORMAT_XLSX ? 1
                                                : format == PM_EXPORT_FORMAT_CSV ? 2 : 0);
}

/* Sets what the file chooser would: a file (one document, its extension
 * made that of the format) or a folder (one file per department). */
void
pm_schedule_dialog_set_destination (PmScheduleDialog *self,
                                    const char       *path,
                                    gboolean          folder)
{
  g_return_if_fail (PM_IS_SCHEDULE_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!folder || self->kind == PM_SCHEDULE_DIALOG_SCHEDULES);

  if (self->kind == PM_SCHEDULE_DIALOG_SCHEDULES && is_folder (self) != folder)
    adw_combo_row_set_selected (self->kind_row, folder ? 1 : 0);

  g_free (self->destination);
  self->destination = folder ? g_strdup (path)
                             : with_format_extension (path, pm_schedule_dialog_get_format (self));
  update (self);
}

const char *
pm_schedule_dialog_get_destination (PmScheduleDialog *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE_DIALOG (self), NULL);
  return self->destination;
}

void
pm_schedule_dialog_choose_all (PmScheduleDialog *self,
                               gboolean          chosen)
{
  g_return_if_fail (PM_IS_SCHEDULE_DIALOG (self));
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), chosen);
  update (self);
}

/* Returns: whether a department has that name */
gboolean
pm_schedule_dialog_choose_department (PmScheduleDialog *self,
                                      const char       *name,
                                      gboolean          chosen)
{
  g_return_val_if_fail (PM_IS_SCHEDULE_DIALOG (self), FALSE);
  for (guint i = 0; i < self->departments->len; i++)
    if (g_strcmp0 (pm_department_get_name (g_ptr_array_index (self->departments, i)), name) == 0)
      {
        gtk_check_button_set_active (g_ptr_array_index (self->checks, i), chosen);
        update (self);
        return TRUE;
      }
  return FALSE;
}

guint
pm_schedule_dialog_get_n_chosen (PmScheduleDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (PM_IS_SCHEDULE_DIALOG (self), 0);
  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

void
pm_schedule_dialog_set_search_text (PmScheduleDialog *self,
                                    const char       *text)
{
  g_return_if_fail (PM_IS_SCHEDULE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

/* Returns: how many departments the search leaves in the list */
guint
pm_schedule_dialog_get_n_shown (PmScheduleDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (PM_IS_SCHEDULE_DIALOG (self), 0);
  for (guint i = 0; i < self->departments->len; i++)
    n += matches (self, i);
  return n;
}

gboolean
pm_schedule_dialog_can_export (PmScheduleDialog *self)
{
  g_return_val_if_fail (PM_IS_SCHEDULE_DIALOG (self), FALSE);
  return self->destination != NULL
         && (self->kind == PM_SCHEDULE_DIALOG_TASK_DIVISION || pm_schedule_dialog_get_n_chosen (self) > 0)
         && pm_window_has_project (self->window) && !pm_window_is_busy (self->window);
}

/* Starts the export in the window and closes the dialog, as Export does.
 * Returns: whether the export started */
gboolean
pm_schedule_dialog_export (PmScheduleDialog *self)
{
  g_autoptr (PmWindow) window = NULL;
  int year;

  g_return_val_if_fail (PM_IS_SCHEDULE_DIALOG (self), FALSE);

  if (!pm_schedule_dialog_can_export (self))
    return FALSE;

  window = g_object_ref (self->window);
  year = pm_schedule_dialog_get_year (self);
  if (self->kind == PM_SCHEDULE_DIALOG_TASK_DIVISION)
    pm_window_export_task_division (window, year, self->destination);
  else
    {
      g_autoptr (GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < self->departments->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
          g_ptr_array_add (chosen, g_object_ref (g_ptr_array_index (self->departments, i)));
      pm_window_export_schedules (window, chosen, year, self->destination,
                                  pm_schedule_dialog_get_format (self));
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
