/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-status-bar"

#include "config.h"

#include "pm-status-bar.h"
#include "pm-ui-util.h"

struct _PmStatusBar
{
  GtkWidget parent_instance;

  GtkWidget *segments[PM_N_STATUSES];
  guint counts[PM_N_STATUSES];
};

G_DEFINE_FINAL_TYPE (PmStatusBar, pm_status_bar, GTK_TYPE_WIDGET)

static void
pm_status_bar_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 60;
      *natural = 180;
    }
  else
    *minimum = *natural = 10;
}

static void
pm_status_bar_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  PmStatusBar *self = PM_STATUS_BAR (widget);
  guint total = 0;
  double x = 0;

  for (guint i = 0; i < PM_N_STATUSES; i++)
    total += self->counts[i];

  for (guint i = 0; i < PM_N_STATUSES; i++)
    {
      GtkWidget *segment = self->segments[i];
      double share = total ? (double) self->counts[i] / total * width : 0;
      int left = (int) (x + 0.5);
      int right = (int) (x + share + 0.5);

      if (segment == NULL)
        continue;
      gtk_widget_set_child_visible (segment, self->counts[i] > 0);
      if (self->counts[i] > 0)
        gtk_widget_size_allocate (segment, &(GtkAllocation) { left, 0, MAX (right - left, 1), height }, -1);
      x += share;
    }
}

static void
pm_status_bar_dispose (GObject *object)
{
  PmStatusBar *self = PM_STATUS_BAR (object);

  for (guint i = 0; i < PM_N_STATUSES; i++)
    g_clear_pointer (&self->segments[i], gtk_widget_unparent);

  G_OBJECT_CLASS (pm_status_bar_parent_class)->dispose (object);
}

static void
pm_status_bar_class_init (PmStatusBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pm_status_bar_dispose;
  widget_class->measure = pm_status_bar_measure;
  widget_class->size_allocate = pm_status_bar_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "pmstatusbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pm_status_bar_init (PmStatusBar *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

}

GtkWidget *
pm_status_bar_new (void)
{
  return g_object_new (PM_TYPE_STATUS_BAR, NULL);
}

void
pm_status_bar_set_counts (PmStatusBar *self,
                          const guint *counts)
{
  g_autoptr (GString) label = g_string_new (NULL);

  g_return_if_fail (PM_IS_STATUS_BAR (self));
  g_return_if_fail (counts != NULL);

  for (guint i = 0; i < PM_N_STATUSES; i++)
    {
      self->counts[i] = counts[i];
      if (counts[i] == 0)
        continue;
      /* a part is made for a status the first time it has a count */
      if (self->segments[i] == NULL)
        {
          self->segments[i] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
          gtk_widget_add_css_class (self->segments[i], "status-segment");
          gtk_widget_add_css_class (self->segments[i], pm_ui_status_css_class (i));
          gtk_widget_set_parent (self->segments[i], GTK_WIDGET (self));
        }
      if (label->len)
        g_string_append (label, ", ");
      g_string_append_printf (label, "%s %u", pm_status_get_label (i), counts[i]);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label->str, -1);
  pm_ui_set_tooltip (GTK_WIDGET (self), label->str);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
