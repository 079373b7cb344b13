/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-view"

#include "config.h"

#include <adwaita.h>

#include "pm-chart-view.h"

struct _PmChartView
{
  GtkWidget parent_instance;

  PmChart *chart;
  guint n_draws; /* for tests: how often it was painted */
};

G_DEFINE_FINAL_TYPE (PmChartView, pm_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
dark_changed_cb (PmChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pm_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PmChartView *self = PM_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pm_chart_draw (self->chart, cr, dark ? PM_CHART_STYLE_SCREEN_DARK : PM_CHART_STYLE_SCREEN,
                 width, height, NULL);
  cairo_destroy (cr);
  self->n_draws++;
}

static void
pm_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 720;
    }
  else
    {
      /* about 16:9 of the width, never too flat to read */
      *minimum = 320;
      *natural = for_size > 0 ? CLAMP (for_size * 9 / 16, 320, 460) : 380;
    }
}

static GtkSizeRequestMode
pm_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pm_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PmChartView *self = PM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PmChartView *self = PM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      pm_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_chart_view_dispose (GObject *object)
{
  PmChartView *self = PM_CHART_VIEW (object);

  g_clear_object (&self->chart);

  G_OBJECT_CLASS (pm_chart_view_parent_class)->dispose (object);
}

static void
pm_chart_view_class_init (PmChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pm_chart_view_get_property;
  object_class->set_property = pm_chart_view_set_property;
  object_class->dispose = pm_chart_view_dispose;
  widget_class->snapshot = pm_chart_view_snapshot;
  widget_class->measure = pm_chart_view_measure;
  widget_class->get_request_mode = pm_chart_view_get_request_mode;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, PM_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pmchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pm_chart_view_init (PmChartView *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pm_chart_view_new (void)
{
  return g_object_new (PM_TYPE_CHART_VIEW, NULL);
}

PmChart *
pm_chart_view_get_chart (PmChartView *self)
{
  g_return_val_if_fail (PM_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
pm_chart_view_set_chart (PmChartView *self,
                         PmChart     *chart)
{
  g_return_if_fail (PM_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || PM_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chart ? pm_chart_get_title (chart) : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

guint
pm_chart_view_get_n_draws (PmChartView *self)
{
  g_return_val_if_fail (PM_IS_CHART_VIEW (self), 0);
  return self->n_draws;
}
