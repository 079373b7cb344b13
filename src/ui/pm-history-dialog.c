/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-history-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-history-dialog.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-ui-util.h"

struct _PmHistoryDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkListBox *list;
  AdwStatusPage *empty_page;
  GtkLabel *chain_label;

  guint n_entries;
};

G_DEFINE_FINAL_TYPE (PmHistoryDialog, pm_history_dialog, ADW_TYPE_WINDOW)

static char *
format_value (double      value,
              const char *text,
              const char *unit)
{
  g_autofree char *number = NULL;

  if (text && *text)
    return g_strdup (text);
  if (!isfinite (value))
    /* TRANSLATORS: a value that was not there (before it was added) */
    return g_strdup (_("none"));
  number = pm_ui_format_number (value);
  return g_strconcat (number, g_strcmp0 (unit, "%") == 0 || g_strcmp0 (unit, "‰") == 0 ? unit : "", NULL);
}

static const char *
origin_label (PmHistoryOrigin origin)
{
  switch (origin)
    {
    case PM_HISTORY_ORIGIN_IMPORT:
      return _("entered or imported");
    case PM_HISTORY_ORIGIN_UNDO:
      return _("undone");
    case PM_HISTORY_ORIGIN_REDO:
      return _("redone");
    case PM_HISTORY_ORIGIN_EDIT:
    default:
      return _("edited");
    }
}

static void
add_detail (GString    *details,
            const char *label,
            const char *before,
            const char *after)
{
  if (g_strcmp0 (before ? before : "", after ? after : "") == 0)
    return;
  if (details->len)
    g_string_append_c (details, '\n');
  if (before == NULL || *before == '\0')
    /* TRANSLATORS: a note or source given with a value: "Note: “survey”" */
    g_string_append_printf (details, _("%s: “%s”"), label, after);
  else if (after == NULL || *after == '\0')
    /* TRANSLATORS: a note or source removed: "Note: “survey” removed" */
    g_string_append_printf (details, _("%s: “%s” removed"), label, before);
  else
    /* TRANSLATORS: a note or source that changed: "Note: “old” → “new”" */
    g_string_append_printf (details, _("%s: “%s” → “%s”"), label, before, after);
}

static void
add_entry (PmHistoryDialog      *self,
           const PmHistoryEntry *entry,
           const char           *unit)
{
  g_autofree char *old_value = format_value (entry->old_value, entry->old_text, unit);
  g_autofree char *new_value = format_value (entry->new_value, entry->new_text, unit);
  g_autoptr (GDateTime) local = entry->changed_at ? g_date_time_to_local (entry->changed_at) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();

  if (entry->action == PM_HISTORY_DELETE)
    /* TRANSLATORS: a value that was removed */
    title = g_strdup_printf (_("%s → removed"), old_value);
  else
    title = g_strdup_printf ("%s → %s", old_value, new_value);

  /* TRANSLATORS: when, who and how a value changed: "2024-03-01 14:22 · Wang Fang · edited" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), when,
                              entry->changed_by && *entry->changed_by ? entry->changed_by : _("unknown"),
                              origin_label (entry->origin));

  if (entry->action != PM_HISTORY_DELETE)
    {
      add_detail (details, _("Note"), entry->old_note, entry->new_note);
      add_detail (details, _("Source"), entry->old_source, entry->new_source);
    }
  if (entry->old_provisional != entry->new_provisional && entry->action == PM_HISTORY_UPDATE)
    {
      if (details->len)
        g_string_append_c (details, '\n');
      g_string_append (details, entry->new_provisional ? _("Marked provisional") : _("Marked final"));
    }
  if (details->len)
    {
      g_autofree char *with_details = g_strdup_printf ("%s\n%s", subtitle, details->str);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_details);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "numeric");
  gtk_list_box_append (self->list, row);
  self->n_entries++;
}

static void
pm_history_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PM_TYPE_HISTORY_DIALOG);

  G_OBJECT_CLASS (pm_history_dialog_parent_class)->dispose (object);
}

static void
pm_history_dialog_class_init (PmHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_history_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/planmonitor/PlanMonitor/ui/pm-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PmHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PmHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PmHistoryDialog, list);
  gtk_widget_class_bind_template_child (widget_class, PmHistoryDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PmHistoryDialog, chain_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pm_history_dialog_init (PmHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Says whether the project's history is as it was written (its hash chain,
 * resources/schema/README.md), or where it was altered. */
static void
show_verification (PmHistoryDialog *self,
                   PmStore         *store)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_entries = 0;

  if (pm_store_verify_history (store, &n_entries, &error))
    {
      text = g_strdup_printf (ngettext ("History intact: the project's %u entry is as it was "
                                        "written.",
                                        "History intact: all %u entries of the project are as "
                                        "they were written.",
                                        n_entries),
                              n_entries);
      gtk_widget_add_css_class (GTK_WIDGET (self->chain_label), "dim-label");
    }
  else
    {
      text = g_strdup (error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->chain_label), "error");
    }
  gtk_label_set_text (self->chain_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->chain_label), TRUE);
}

/* store may be NULL (the built-in template): there is no history then. */
GtkWidget *
pm_history_dialog_new (GtkWindow   *parent,
                       PmStore     *store,
                       PmIndicator *indicator,
                       int          year)
{
  PmHistoryDialog *self;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  const char *code;

  g_return_val_if_fail (store == NULL || PM_IS_STORE (store), NULL);
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), NULL);

  self = g_object_new (PM_TYPE_HISTORY_DIALOG, "transient-for", parent, NULL);
  code = pm_indicator_get_code (indicator);
  /* TRANSLATORS: the title of the history of a value: "W12 in 2024" */
  title = g_strdup_printf (_("History of %s in %d"), code, year);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, pm_indicator_get_name (indicator));
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (store)
    {
      entries = pm_store_list_history (store, code, year, PM_AREA_COUNTY, 0, &error);
      show_verification (self, store);
    }

  if (error)
    {
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("The History Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
    }
  else if (entries)
    for (guint i = 0; i < entries->len; i++)
      add_entry (self, g_ptr_array_index (entries, i), pm_indicator_get_unit (indicator));

  gtk_stack_set_visible_child_name (self->stack, self->n_entries > 0 ? "list" : "empty");
  return GTK_WIDGET (self);
}

guint
pm_history_dialog_get_n_entries (PmHistoryDialog *self)
{
  g_return_val_if_fail (PM_IS_HISTORY_DIALOG (self), 0);
  return self->n_entries;
}

/* Returns: the line on the history's hash chain ("History intact…" or
 * where it was altered), or NULL where there is no project file */
const char *
pm_history_dialog_get_verification_text (PmHistoryDialog *self)
{
  g_return_val_if_fail (PM_IS_HISTORY_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->chain_label)))
    return NULL;
  return gtk_label_get_text (self->chain_label);
}
