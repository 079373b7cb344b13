/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-catalogue-export.h"
#include "pm-chart-builder.h"
#include "pm-chart-export.h"
#include "pm-indicator.h"
#include "pm-project.h"
#include "pm-ui-util.h"
#include "pm-window-private.h"

/* The window's actions, and the one function that says which can run. */

static void
set_enabled (PmWindow   *self,
             const char *name,
             gboolean    enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
  g_hash_table_insert (self->enabled, (gpointer) g_intern_string (name), GINT_TO_POINTER (enabled));
}

/* Whether an action of the window can run now (GTK has no getter). */
gboolean
pm_window_get_action_enabled (PmWindow   *self,
                              const char *name)
{
  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->enabled, g_intern_string (name)));
}

void
pm_window_update_actions (PmWindow *self)
{
  gboolean idle = !self->busy;
  gboolean project = idle && self->project != NULL;
  gboolean file = project && self->store != NULL;
  gboolean writable = file && !pm_store_is_read_only (self->store);
  gboolean indicator = project && pm_window_get_current_indicator (self) != NULL;
  gboolean can_undo = writable && pm_store_can_undo (self->store);
  gboolean can_redo = writable && pm_store_can_redo (self->store);
  GtkWidget *undo_button = self->undo_button;
  GtkWidget *redo_button = self->redo_button;

  set_enabled (self, "win.undo", can_undo);
  set_enabled (self, "win.redo", can_redo);
  set_enabled (self, "win.search", project);
  set_enabled (self, "win.show-overview", project);
  set_enabled (self, "win.next-indicator", project);
  set_enabled (self, "win.previous-indicator", project);
  set_enabled (self, "win.choose-year", project);
  set_enabled (self, "win.browse-template", idle);
  set_enabled (self, "win.save-copy", file);
  set_enabled (self, "win.import-values", writable);
  set_enabled (self, "win.export-values", file);
  set_enabled (self, "win.export-catalogue", project);
  set_enabled (self, "win.copy-chart", indicator);
  set_enabled (self, "win.export-chart", indicator);
  set_enabled (self, "win.print-chart", indicator);
  set_enabled (self, "win.export-all-charts", project);
  set_enabled (self, "win.print-charts", project);
  set_enabled (self, "win.export-schedules", project);
  set_enabled (self, "win.export-task-division", project);

  if (undo_button)
    {
      g_autofree char *tip = can_undo && pm_store_get_undo_label (self->store)
        /* TRANSLATORS: the tooltip of Undo with what it undoes */
        ? g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), pm_store_get_undo_label (self->store))
        : g_strdup (_("Undo (Ctrl+Z)"));

      gtk_widget_set_tooltip_text (undo_button, tip);
    }
  if (redo_button)
    {
      g_autofree char *tip = can_redo && pm_store_get_redo_label (self->store)
        ? g_strdup_printf (_("Redo “%s” (Ctrl+Shift+Z)"), pm_store_get_redo_label (self->store))
        : g_strdup (_("Redo (Ctrl+Shift+Z)"));

      gtk_widget_set_tooltip_text (redo_button, tip);
    }
}

/* Undo, redo */

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  gboolean redo = g_str_equal (action_name, "win.redo");
  g_autofree char *label = g_strdup (redo ? pm_store_get_redo_label (self->store)
                                          : pm_store_get_undo_label (self->store));

  if (self->store == NULL || self->busy)
    return;

  if (!(redo ? pm_store_redo (self->store, &error) : pm_store_undo (self->store, &error)))
    {
      pm_window_show_error (self, redo ? _("Could Not Redo") : _("Could Not Undo"), error);
      return;
    }

  if (label)
    {
      /* TRANSLATORS: a toast after undo or redo: Undone: “Change W12 2024” */
      g_autofree char *message = g_strdup_printf (redo ? _("Redone: “%s”") : _("Undone: “%s”"), label);

      pm_window_add_toast (self, message);
    }
  pm_window_update_actions (self);
}

/* Navigation */

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  pm_sidebar_focus_search (self->sidebar);
}

static void
show_overview_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  pm_window_show_overview (PM_WINDOW (widget));
}

static void
step_indicator_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  int step = g_str_equal (action_name, "win.next-indicator") ? 1 : -1;
  PmIndicator *current = pm_window_get_current_indicator (self);
  GListModel *indicators;
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  int position = -1;

  if (self->project == NULL)
    return;

  indicators = pm_project_get_indicators (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      PmIndicator *indicator = g_list_model_get_item (indicators, i);

      if (pm_indicator_get_period (indicator) != PM_PERIOD_2021_2030)
        {
          g_object_unref (indicator);
          continue;
        }
      if (indicator == current)
        position = order->len;
      g_ptr_array_add (order, indicator);
    }

  if (order->len == 0)
    return;
  position = position < 0 ? (step > 0 ? 0 : (int) order->len - 1) : position + step;
  if (position < 0 || position >= (int) order->len)
    return;

  pm_window_show_indicator (self, pm_indicator_get_code (g_ptr_array_index (order, position)));
}

static void
choose_year_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  gtk_menu_button_popup (self->year_button);
}

static void
browse_template_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  pm_window_open_template (PM_WINDOW (widget));
}

/* File choosers */

typedef void (*ChooserDone) (PmWindow   *self,
                             const char *path);

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     PmWindow        *self)
{
  ChooserDone done = g_object_get_data (G_OBJECT (chooser), "done");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path)
        done (self, path);
      else
        {
          g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                          _("Only files on this computer can be used."));

          pm_window_show_error (self, _("Could Not Use the File"), error);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static GtkFileFilter *
make_filter (const char *name,
             const char *pattern,
             const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (pattern)
    gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type)
    gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

/* filters: pairs of (name, pattern) ended by NULL */
static void
run_chooser (PmWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *suggested_name,
             ChooserDone           done,
             ...)
{
  GtkFileChooserNative *chooser;
  va_list args;
  const char *name;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (suggested_name)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);

  va_start (args, done);
  while ((name = va_arg (args, const char *)))
    {
      const char *pattern = va_arg (args, const char *);
      g_autoptr (GtkFileFilter) filter = make_filter (name, pattern, NULL);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  va_end (args);

  g_object_set_data (G_OBJECT (chooser), "done", done);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
with_extension (const char *path,
                const char *extension)
{
  g_autofree char *base = g_path_get_basename (path);

  if (strrchr (base, '.') != NULL)
    return g_strdup (path);
  return g_strconcat (path, extension, NULL);
}

static char *
project_stem (PmWindow *self)
{
  g_autofree char *base = NULL;
  char *dot;

  if (self->store == NULL)
    return g_strdup (_("Plans"));
  base = g_path_get_basename (pm_store_get_path (self->store));
  if ((dot = strrchr (base, '.')) && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* Save a copy */

gboolean
pm_window_save_copy_to_path (PmWindow    *self,
                             const char  *path,
                             GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  target = with_extension (path, ".pmproj");
  if (!pm_store_save_copy (self->store, target, error))
    return FALSE;

  name = g_path_get_basename (target);
  message = g_strdup_printf (_("A copy was saved as “%s”"), name);
  pm_window_add_toast (self, message);
  return TRUE;
}

static void
save_copy_done (PmWindow   *self,
                const char *path)
{
  g_autoptr (GError) error = NULL;

  if (!pm_window_save_copy_to_path (self, path, &error))
    pm_window_show_error (self, _("The Copy Was Not Saved"), error);
}

static void
save_copy_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  g_autofree char *stem = project_stem (self);
  /* TRANSLATORS: the suggested name of a copy of a project: "county (copy).pmproj" */
  g_autofree char *name = g_strdup_printf (_("%s (copy).pmproj"), stem);

  run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save a Copy of the Project"), _("_Save"), name,
               save_copy_done,
               _("Plan Monitor projects"), "*.pmproj",
               NULL);
}

/* Import values: long work */

typedef struct
{
  PmStore *store;
  char *path;
  char *encoding; /* NULL: UTF-8 */
  PmStoreImportCounts counts;
  PmStorePending *pending; /* what the model must follow, on the main thread */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->store);
  g_free (data->path);
  g_free (data->encoding);
  g_clear_pointer (&data->pending, pm_store_pending_free);
  g_free (data);
}

static void import_values (PmWindow   *self,
                           const char *path,
                           const char *encoding);

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  /* an area the project does not have is a typo: refused; the model
   * (which the window's widgets show) changes on the main thread only */
  PmStoreImportOptions options = { .encoding = data->encoding, .known_areas_only = TRUE,
                                   .pending = &data->pending };

  if (pm_store_import_csv_full (data->store, data->path, &options, &data->counts, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* A long message (every bad row of an import) is cut to its first lines. */
static GError *
shorten_error (const GError *error)
{
  g_auto (GStrv) lines = g_strsplit (error->message, "\n", -1);
  guint n = g_strv_length (lines);
  const guint keep = 16;
  g_autoptr (GString) text = NULL;

  if (n <= keep + 1)
    return g_error_copy (error);

  text = g_string_new (NULL);
  for (guint i = 0; i < keep; i++)
    g_string_append_printf (text, "%s\n", lines[i]);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more line", "… and %u more lines", n - keep),
                          n - keep);
  return g_error_new_literal (error->domain, error->code, text->str);
}

static void
encoding_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PmWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_strcmp0 (response, "gb18030") == 0 && self->store && !self->busy)
    import_values (self, path, "GB18030");
}

/* A file that is not UTF-8 but reads as GB18030 (GBK, what Excel writes on
 * a Chinese Windows): asks whether to read it so. */
static void
ask_encoding (PmWindow     *self,
              const char   *path,
              const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Read the File as GB18030?"),
                                   error->message);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n%s", error->message,
                                  _("It may have been saved as GBK by a Chinese Excel or WPS. "
                                    "Read it as GB18030 (GBK) and import it?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "gb18030", _("_Read as GB18030"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "gb18030",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "gb18030");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (encoding_response_cb), self, 0);
  self->encoding_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->encoding_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PmWindow *self = PM_WINDOW (source_object);
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  /* the file holds the values: the model and the undo list follow, here */
  if (data->pending)
    pm_store_finish_pending (data->store, g_steal_pointer (&data->pending));
  pm_window_end_busy (self);
  if (self->disposed)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autoptr (GError) shortened = NULL;

      if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_ENCODING) &&
          data->encoding == NULL)
        {
          ask_encoding (self, data->path, error);
          return;
        }
      shortened = shorten_error (error);
      pm_window_show_error (self, _("Nothing Was Imported"), shortened);
      return;
    }

  {
    /* TRANSLATORS: the result of an import */
    g_autofree char *message = g_strdup_printf (_("Imported: %u added, %u changed, %u unchanged"),
                                                data->counts.added, data->counts.changed,
                                                data->counts.unchanged);

    pm_window_add_toast (self, message);
  }
}

void
pm_window_import_values_from_path (PmWindow   *self,
                                   const char *path)
{
  import_values (self, path, NULL);
}

static void
import_values (PmWindow   *self,
               const char *path,
               const char *encoding)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  ImportData *data;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL && !self->busy);

  data = g_new0 (ImportData, 1);
  data->store = g_object_ref (self->store);
  data->path = g_strdup (path);
  data->encoding = g_strdup (encoding);

  name = g_path_get_basename (path);
  label = g_strdup_printf (_("Importing “%s”…"), name);
  pm_window_begin_busy (self, label, FALSE);

  task = g_task_new (self, NULL, import_done_cb, NULL);
  g_task_set_source_tag (task, pm_window_import_values_from_path);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

static void
import_values_done (PmWindow   *self,
                    const char *path)
{
  if (self->store && !self->busy)
    pm_window_import_values_from_path (self, path);
}

static void
import_values_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  run_chooser (PM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Values"), _("_Import"), NULL,
               import_values_done,
               _("Values (CSV)"), "*.csv",
               _("All files"), "*",
               NULL);
}

/* Export values */

static void
export_values_done (PmWindow   *self,
                    const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *target = with_extension (path, ".csv");
  g_autofree char *name = g_path_get_basename (target);
  g_autofree char *message = NULL;

  if (!pm_store_export_observations_csv (self->store, target, &error))
    {
      pm_window_show_error (self, _("The Values Were Not Exported"), error);
      return;
    }

  message = g_strdup_printf (_("The values were saved as “%s”"), name);
  pm_window_add_toast (self, message);
}

static void
export_values_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  g_autofree char *stem = project_stem (self);
  /* TRANSLATORS: the suggested name of the exported values */
  g_autofree char *name = g_strdup_printf (_("%s values.csv"), stem);

  run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Values"), _("_Export"), name,
               export_values_done,
               _("Values (CSV)"), "*.csv",
               NULL);
}

/* Export the catalogue: long work for a large XLSX */

static void
catalogue_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  PmProject *project = g_object_get_data (G_OBJECT (task), "project");
  GError *error = NULL;

  if (pm_catalogue_export (project, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
catalogue_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PmWindow *self = PM_WINDOW (source_object);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_path_get_basename (g_task_get_task_data (G_TASK (result)));

  pm_window_end_busy (self);
  if (self->disposed)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    pm_window_show_error (self, _("The Catalogue Was Not Exported"), error);
  else
    {
      g_autofree char *message = g_strdup_printf (_("The catalogue was saved as “%s”"), name);

      pm_window_add_toast (self, message);
    }
}

void
pm_window_export_catalogue_to_path (PmWindow   *self,
                                    const char *path)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *target = NULL;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (self->project != NULL && !self->busy);

  target = with_extension (path, ".xlsx");
  pm_window_begin_busy (self, _("Exporting the catalogue…"), FALSE);

  task = g_task_new (self, NULL, catalogue_done_cb, NULL);
  g_task_set_source_tag (task, pm_window_export_catalogue_to_path);
  g_task_set_task_data (task, g_steal_pointer (&target), g_free);
  g_object_set_data_full (G_OBJECT (task), "project", g_object_ref (self->project), g_object_unref);
  g_task_run_in_thread (task, catalogue_thread);
}

static void
export_catalogue_done (PmWindow   *self,
                       const char *path)
{
  if (self->project && !self->busy)
    pm_window_export_catalogue_to_path (self, path);
}

static void
export_catalogue_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  g_autofree char *stem = project_stem (self);
  /* TRANSLATORS: the suggested name of the exported catalogue */
  g_autofree char *name = g_strdup_printf (_("%s catalogue.xlsx"), stem);

  run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export the Catalogue"), _("_Export"), name,
               export_catalogue_done,
               _("Spreadsheet (XLSX)"), "*.xlsx",
               _("Comma-separated values (CSV)"), "*.csv",
               NULL);
}

/* Export one chart */

gboolean
pm_window_export_chart_to_path (PmWindow    *self,
                                const char  *path,
                                GError     **error)
{
  g_autoptr (PmChart) chart = pm_window_dup_current_chart (self);
  g_autofree char *target = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  PmChartFormat format;
  int width, height;

  g_return_val_if_fail (PM_IS_WINDOW (self), FALSE);

  if (chart == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No chart is shown."));
      return FALSE;
    }

  target = with_extension (path, ".png");
  if (!pm_chart_format_from_filename (target, &format))
    {
      g_autofree char *base = g_path_get_basename (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” does not end in .png, .svg or .pdf: choose one of these formats."), base);
      return FALSE;
    }

  pm_chart_style_get_default_size (PM_CHART_STYLE_SCREEN, &width, &height);
  if (!pm_chart_write_file (chart, target, format == PM_CHART_FORMAT_PDF ? PM_CHART_STYLE_PRINT : PM_CHART_STYLE_SCREEN,
                            width, height, PM_CHART_DEFAULT_DPI, error))
    return FALSE;

  name = g_path_get_basename (target);
  message = g_strdup_printf (_("The chart was saved as “%s”"), name);
  pm_window_add_toast (self, message);
  return TRUE;
}

static void
export_chart_done (PmWindow   *self,
                   const char *path)
{
  g_autoptr (GError) error = NULL;

  if (!pm_window_export_chart_to_path (self, path, &error))
    pm_window_show_error (self, _("The Chart Was Not Saved"), error);
}

static void
export_chart_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PmWindow *self = PM_WINDOW (widget);
  PmIndicator *indicator = pm_window_get_current_indicator (self);
  g_autofree char *name = NULL;

  if (indicator == NULL)
    return;

  name = g_strdup_printf ("%s.png", pm_indicator_get_code (indicator));
  run_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export the Chart"), _("_Export"), name,
               export_chart_done,
               _("Image (PNG)"), "*.png",
               _("Vector image (SVG)"), "*.svg",
               _("Document (PDF)"), "*.pdf",
               NULL);
}

/* Export every chart: long work, with progress */

typedef struct
{
  GPtrArray *charts; /* PmChart */
  GPtrArray *names;  /* file names */
  char *folder;
} ExportAllData;

static void
export_all_data_free (ExportAllData *data)
{
  g_ptr_array_unref (data->charts);
  g_ptr_array_unref (data->names);
  g_free (data->folder);
  g_free (data);
}

/* A step of progress, from the thread to the window (a reference that the
 * main loop drops). */
typedef struct
{
  PmWindow *window;
  double fraction;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->window);
  g_free (progress);
}

static gboolean
progress_cb (gpointer user_data)
{
  Progress *progress = user_data;

  if (progress->window->busy && !progress->window->disposed)
    pm_window_set_progress (progress->window, progress->fraction);
  return G_SOURCE_REMOVE;
}

static void
export_all_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ExportAllData *data = task_data;
  int width, height;

  pm_chart_style_get_default_size (PM_CHART_STYLE_SCREEN, &width, &height);

  for (guint i = 0; i < data->charts->len; i++)
    {
      g_autofree char *path = g_build_filename (data->folder, g_ptr_array_index (data->names, i), NULL);
      GError *error = NULL;
      Progress *progress;

      if (g_task_return_error_if_cancelled (task))
        return;

      if (!pm_chart_write_file (g_ptr_array_index (data->charts, i), path, PM_CHART_STYLE_SCREEN,
                                width, height, PM_CHART_DEFAULT_DPI, &error))
        {
          g_task_return_error (task, error);
          return;
        }

      progress = g_new0 (Progress, 1);
      progress->window = g_object_ref (source_object);
      progress->fraction = (double) (i + 1) / data->charts->len;
      g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_cb, progress,
                                  (GDestroyNotify) progress_free);
    }

  g_task_return_int (task, data->charts->len);
}

static void
export_all_done_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PmWindow *self = PM_WINDOW (source_object);
  g_autoptr (GError) error = NULL;
  gssize n;

  pm_window_end_busy (self);
  if (self->disposed)
    return;

  n = g_task_propagate_int (G_TASK (result), &error);
  if (n < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pm_window_add_toast (self, _("The export was cancelled; the charts saved so far are kept"));
      else
        pm_window_show_error (self, _("The Charts Were Not All Saved"), error);
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chart was saved",
                                                             "%u charts were saved", n),
                                                (guint) n);

    pm_window_add_toast (self, message);
  }
}

/* Writes the chart of every 2021–2030 indicator into folder, as CODE.png. */
void
pm_window_export_all_charts_to_folder (PmWindow   *self,
                                       const char *folder)
{
  g_autoptr (GTask) task = NULL;
  ExportAllData *data;
  GListModel *indicators;

  g_return_if_fail (PM_IS_WINDOW (self));
  g_return_if_fail (self->project != NULL && !self->busy);

  data = g_new0 (ExportAllData, 1);
  data->charts = g_ptr_array_new_with_free_func (g_object_unref);
  data->names = g_ptr_array_new_with_free_func (g_free);
  data->folder = g_strdup (folder);

  /* the charts are made here, from the model; the thread only draws them */
  indicators = pm_project_get_indicators (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);

      if (pm_indicator_get_period (indicator) != PM_PERIOD_2021_2030)
        continue;
      g_ptr_array_add (data->charts, pm_chart_new_for_indicator (self->project, indicator, self->year));
      g_ptr_array_add (data->names, g_strdup_printf ("%s.png", pm_indicator_get_code (indicator)));
    }

  pm_window_begin_busy (self, _("Saving the charts…"), TRUE);

  task = g_task_new (self, self->cancellable, export_all_done_cb, NULL);
  g_task_set_source_tag (task, pm_window_export_all_charts_to_folder);
  g_task_set_task_data (task, data, (GDestroyNotify) export_all_data_free);
  g_task_run_in_thread (task, export_all_thread);
}

static void
export_all_done (PmWindow   *self,
                 const char *path)
{
  if (self->project && !self->busy)
    pm_window_export_all_charts_to_folder (self, path);
}

static void
export_all_charts_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  run_chooser (PM_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
               _("Choose a Folder for the Charts"), _("_Save Here"), NULL,
               export_all_done,
               NULL);
}

/* Copy and print: see pm-window-print.c */

/* The keyboard shortcuts window (F1, Ctrl+?) is made when first asked for,
 * not with every window. Given to the window as its help overlay, its
 * shortcuts that name an action show that action's keys. */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (PM_HELP_OVERLAY_RESOURCE);

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

void
pm_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, show_overview_activated);
  gtk_widget_class_install_action (widget_class, "win.next-indicator", NULL, step_indicator_activated);
  gtk_widget_class_install_action (widget_class, "win.previous-indicator", NULL, step_indicator_activated);
  gtk_widget_class_install_action (widget_class, "win.choose-year", NULL, choose_year_activated);
  gtk_widget_class_install_action (widget_class, "win.browse-template", NULL, browse_template_activated);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_activated);
  gtk_widget_class_install_action (widget_class, "win.import-values", NULL, import_values_activated);
  gtk_widget_class_install_action (widget_class, "win.export-values", NULL, export_values_activated);
  gtk_widget_class_install_action (widget_class, "win.export-catalogue", NULL, export_catalogue_activated);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_activated);
  gtk_widget_class_install_action (widget_class, "win.export-all-charts", NULL, export_all_charts_activated);
  pm_window_class_add_print_actions (widget_class);
  pm_window_class_add_schedule_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.show-overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-indicator", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-indicator", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_ALT_MASK, "win.choose-year", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-values", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-catalogue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
