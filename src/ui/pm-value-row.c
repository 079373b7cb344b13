/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-value-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pm-observation.h"
#include "pm-store.h"
#include "pm-ui-util.h"
#include "pm-value-row.h"

struct _PmValueRow
{
  GtkListBoxRow parent_instance;

  GtkLabel *year_label;
  GtkEntry *value_entry;
  GtkLabel *unit_label;
  GtkEntry *note_entry;
  GtkEntry *source_entry;
  GtkCheckButton *provisional_check;
  GtkButton *history_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;

  int year;
  gboolean editable;
  gboolean updating;
  gboolean has_value;

  /* what the entries showed when the observation was set */
  char *shown_value;
  char *shown_note;
  char *shown_source;
  gboolean shown_provisional;
};

G_DEFINE_FINAL_TYPE (PmValueRow, pm_value_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  COMMIT,
  SHOW_HISTORY,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
differs (const char *shown,
         const char *text)
{
  g_autofree char *a = g_strstrip (g_strdup (shown ? shown : ""));
  g_autofree char *b = g_strstrip (g_strdup (text ? text : ""));

  return g_strcmp0 (a, b) != 0;
}

static void
update_sensitivity (PmValueRow *self)
{
  gboolean details = self->editable && self->has_value;

  gtk_editable_set_editable (GTK_EDITABLE (self->value_entry), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), details);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_entry), details);
  gtk_widget_set_sensitive (GTK_WIDGET (self->provisional_check), details);
}

static void
value_activate_cb (PmValueRow *self)
{
  pm_value_row_commit (self);
}

static void
value_changed_cb (PmValueRow *self)
{
  if (!self->updating)
    pm_value_row_clear_error (self);
}

static void
detail_activate_cb (PmValueRow *self)
{
  pm_value_row_commit (self);
}

static void
provisional_toggled_cb (PmValueRow *self)
{
  if (!self->updating)
    pm_value_row_commit (self);
}

static void
history_clicked_cb (PmValueRow *self)
{
  g_signal_emit (self, signals[SHOW_HISTORY], 0);
}

/* Leaving the row saves what was typed, as a spreadsheet does. */
static void
focus_leave_cb (PmValueRow *self)
{
  if (pm_value_row_is_changed (self))
    pm_value_row_commit (self);
}

static void
pm_value_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PM_TYPE_VALUE_ROW);

  G_OBJECT_CLASS (pm_value_row_parent_class)->dispose (object);
}

static void
pm_value_row_finalize (GObject *object)
{
  PmValueRow *self = PM_VALUE_ROW (object);

  g_free (self->shown_value);
  g_free (self->shown_note);
  g_free (self->shown_source);

  G_OBJECT_CLASS (pm_value_row_parent_class)->finalize (object);
}

static void
pm_value_row_class_init (PmValueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_value_row_dispose;
  object_class->finalize = pm_value_row_finalize;

  signals[COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_HISTORY] =
    g_signal_new ("show-history", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/planmonitor/PlanMonitor/ui/pm-value-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PmValueRow, year_label);
  gtk_widget_class_bind_template_child (widget_class, PmValueRow, value_entry);
  gtk_widget_class_bind_template_child (widget_class, PmValueRow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, PmValueRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, PmValueRow, source_entry);
  gtk_widget_class_bind_template_child (widget_class, PmValueRow, provisional_check);
  gtk_widget_class_bind_template_child (widget_class, PmValueRow, history_button);
  gtk_widget_class_bind_template_child (widget_class, PmValueRow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PmValueRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, value_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, provisional_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_clicked_cb);
}

static void
pm_value_row_init (PmValueRow *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
pm_value_row_new (int year)
{
  PmValueRow *self = g_object_new (PM_TYPE_VALUE_ROW, NULL);
  g_autofree char *text = g_strdup_printf ("%d", year);
  g_autofree char *value_label = g_strdup_printf (_("Value in %d"), year);
  g_autofree char *note_label = g_strdup_printf (_("Note on the %d value"), year);
  g_autofree char *source_label = g_strdup_printf (_("Source of the %d value"), year);
  g_autofree char *history = g_strdup_printf (_("History of the %d value"), year);

  self->year = year;
  gtk_label_set_text (self->year_label, text);
  pm_ui_set_tooltip (GTK_WIDGET (self->history_button), history);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, value_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, note_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, source_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, history, -1);
  pm_value_row_set_observation (self, NULL, NULL);

  return GTK_WIDGET (self);
}

int
pm_value_row_get_year (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), 0);
  return self->year;
}

void
pm_value_row_set_unit (PmValueRow *self,
                       const char *unit)
{
  g_return_if_fail (PM_IS_VALUE_ROW (self));

  gtk_label_set_text (self->unit_label, unit ? unit : "");
  pm_ui_set_tooltip (GTK_WIDGET (self->unit_label), unit && *unit ? unit : NULL);
}

/* Shows the stored observation (or none). printed: the value the 2011–2020
 * plans print for this year, shown greyed where no value is stored. */
void
pm_value_row_set_observation (PmValueRow    *self,
                              PmObservation *observation,
                              const char    *printed)
{
  g_autofree char *value = NULL;
  const char *note = NULL;
  const char *source = NULL;
  gboolean provisional = FALSE;

  g_return_if_fail (PM_IS_VALUE_ROW (self));
  g_return_if_fail (observation == NULL || PM_IS_OBSERVATION (observation));

  if (observation)
    {
      const char *text = pm_observation_get_text (observation);
      double number = pm_observation_get_value (observation);

      /* a judgement of a manual target may stand beside the year's number:
       * the entry shows the number (typing one keeps the judgement), the
       * status says the judgement */
      if (isfinite (number) && pm_store_text_is_judgement (text))
        value = pm_ui_format_number (number);
      else
        value = text && *text ? g_strdup (text) : pm_ui_format_number (number);
      note = pm_observation_get_note (observation);
      source = pm_observation_get_source (observation);
      provisional = pm_observation_get_provisional (observation);
    }

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), value ? value : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note ? note : "");
  gtk_editable_set_text (GTK_EDITABLE (self->source_entry), source ? source : "");
  gtk_check_button_set_active (self->provisional_check, provisional);
  gtk_entry_set_placeholder_text (self->value_entry, printed && *printed ? printed : "—");
  self->updating = FALSE;

  if (printed && *printed && observation == NULL)
    {
      g_autofree char *tip = g_strdup_printf (_("The 2011–2020 plans print %s for %d"), printed, self->year);

      pm_ui_set_tooltip (GTK_WIDGET (self->year_label), tip);
    }
  else
    pm_ui_set_tooltip (GTK_WIDGET (self->year_label), NULL);

  g_free (self->shown_value);
  g_free (self->shown_note);
  g_free (self->shown_source);
  self->shown_value = g_strdup (value ? value : "");
  self->shown_note = g_strdup (note ? note : "");
  self->shown_source = g_strdup (source ? source : "");
  self->shown_provisional = provisional;
  self->has_value = observation != NULL;

  update_sensitivity (self);
}

void
pm_value_row_set_editable (PmValueRow *self,
                           gboolean    editable)
{
  g_return_if_fail (PM_IS_VALUE_ROW (self));

  self->editable = !!editable;
  update_sensitivity (self);
}

const char *
pm_value_row_get_value_text (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), NULL);
  return entry_text (self->value_entry);
}

const char *
pm_value_row_get_note (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), NULL);
  return entry_text (self->note_entry);
}

const char *
pm_value_row_get_source (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), NULL);
  return entry_text (self->source_entry);
}

gboolean
pm_value_row_get_provisional (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), FALSE);
  return gtk_check_button_get_active (self->provisional_check);
}

/* Whether a value is stored for the year. */
gboolean
pm_value_row_has_value (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), FALSE);
  return self->has_value;
}

/* Whether the entries differ from the stored observation. */
gboolean
pm_value_row_is_changed (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), FALSE);

  return differs (self->shown_value, entry_text (self->value_entry)) ||
         differs (self->shown_note, entry_text (self->note_entry)) ||
         differs (self->shown_source, entry_text (self->source_entry)) ||
         self->shown_provisional != gtk_check_button_get_active (self->provisional_check);
}

void
pm_value_row_show_error (PmValueRow *self,
                         const char *message)
{
  g_return_if_fail (PM_IS_VALUE_ROW (self));

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
  if (message)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "", -1);
}

void
pm_value_row_clear_error (PmValueRow *self)
{
  pm_value_row_show_error (self, NULL);
}

/* Returns: (nullable): the message shown under the row */
const char *
pm_value_row_get_error (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

GtkEditable *
pm_value_row_get_value_entry (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), NULL);
  return GTK_EDITABLE (self->value_entry);
}

GtkEditable *
pm_value_row_get_note_entry (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), NULL);
  return GTK_EDITABLE (self->note_entry);
}

GtkEditable *
pm_value_row_get_source_entry (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), NULL);
  return GTK_EDITABLE (self->source_entry);
}

GtkCheckButton *
pm_value_row_get_provisional_check (PmValueRow *self)
{
  g_return_val_if_fail (PM_IS_VALUE_ROW (self), NULL);
  return self->provisional_check;
}

/* Asks the owner to store the entries, when they differ from what is stored. */
void
pm_value_row_commit (PmValueRow *self)
{
  g_return_if_fail (PM_IS_VALUE_ROW (self));

  if (!self->editable || !pm_value_row_is_changed (self))
    return;

  g_signal_emit (self, signals[COMMIT], 0);
}
