/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart"

#include "config.h"

#include "pm-chart-draw.h"
#include "pm-chart.h"

struct _PmChart
{
  GObject parent_instance;

  PmChartKind kind;
  char *title;
  char *subtitle;
  GPtrArray *series; /* PmTrendData: the trend, or the series, or the cells */
  PmSummaryData *summary;
};

G_DEFINE_FINAL_TYPE (PmChart, pm_chart, G_TYPE_OBJECT)

enum { PROP_0, PROP_KIND, PROP_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
pm_chart_finalize (GObject *object)
{
  PmChart *self = PM_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->summary, pm_summary_data_free);

  G_OBJECT_CLASS (pm_chart_parent_class)->finalize (object);
}

static void
pm_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PmChart *self = PM_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_chart_class_init (PmChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_chart_finalize;
  object_class->get_property = pm_chart_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, PM_CHART_KIND_TREND, PM_CHART_KIND_SUMMARY,
                      PM_CHART_KIND_TREND, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_chart_init (PmChart *self)
{
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_trend_data_free);
}

static PmChart *
chart_new (PmChartKind          kind,
           const char          *title,
           PmTrendData * const *series,
           guint                n_series)
{
  PmChart *self = g_object_new (PM_TYPE_CHART, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  for (guint i = 0; i < n_series; i++)
    g_ptr_array_add (self->series, pm_trend_data_copy (series[i]));

  return self;
}

/* Returns: (transfer full): the trend chart of one indicator; data is copied */
PmChart *
pm_chart_new_trend (const PmTrendData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return chart_new (PM_CHART_KIND_TREND, data->title ? data->title : data->code,
                    (PmTrendData * const *) &data, 1);
}

/* Returns: (transfer full): several indicators of one unit on one chart */
PmChart *
pm_chart_new_comparison (const char          *title,
                         PmTrendData * const *series,
                         guint                n_series)
{
  g_return_val_if_fail (series != NULL || n_series == 0, NULL);

  return chart_new (PM_CHART_KIND_COMPARISON, title, series, n_series);
}

/* Returns: (transfer full): small multiples, e.g. of a domain */
PmChart *
pm_chart_new_overview (const char          *title,
                       const char          *subtitle,
                       PmTrendData * const *charts,
                       guint                n_charts)
{
  PmChart *self;

  g_return_val_if_fail (charts != NULL || n_charts == 0, NULL);

  self = chart_new (PM_CHART_KIND_OVERVIEW, title, charts, n_charts);
  self->subtitle = g_strdup (subtitle);
  return self;
}

/* Returns: (transfer full): the status summary; data is copied */
PmChart *
pm_chart_new_summary (const PmSummaryData *data)
{
  PmChart *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = chart_new (PM_CHART_KIND_SUMMARY, data->title, NULL, 0);
  self->summary = pm_summary_data_copy (data);
  return self;
}

PmChartKind
pm_chart_get_kind (PmChart *self)
{
  g_return_val_if_fail (PM_IS_CHART (self), PM_CHART_KIND_TREND);

  return self->kind;
}

const char *
pm_chart_get_title (PmChart *self)
{
  g_return_val_if_fail (PM_IS_CHART (self), NULL);

  return self->title;
}

/* Returns: (nullable): the data of a trend chart */
const PmTrendData *
pm_chart_get_trend (PmChart *self)
{
  g_return_val_if_fail (PM_IS_CHART (self), NULL);

  if (self->kind != PM_CHART_KIND_TREND || self->series->len == 0)
    return NULL;
  return g_ptr_array_index (self->series, 0);
}

guint
pm_chart_get_n_series (PmChart *self)
{
  g_return_val_if_fail (PM_IS_CHART (self), 0);

  return self->series->len;
}

const PmTrendData *
pm_chart_get_series (PmChart *self,
                     guint    index)
{
  g_return_val_if_fail (PM_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->series->len, NULL);

  return g_ptr_array_index (self->series, index);
}

/* Draws the chart from (0, 0) to (width, height) of cr. */
void
pm_chart_draw (PmChart       *self,
               cairo_t       *cr,
               PmChartStyle   style,
               double         width,
               double         height,
               PmChartLayout *layout)
{
  g_return_if_fail (PM_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  switch (self->kind)
    {
    case PM_CHART_KIND_TREND:
      pm_chart_draw_trend (cr, g_ptr_array_index (self->series, 0), style, width, height, layout);
      break;
    case PM_CHART_KIND_COMPARISON:
      pm_chart_draw_comparison (cr, self->title, (PmTrendData * const *) self->series->pdata,
                                self->series->len, style, width, height, layout);
      break;
    case PM_CHART_KIND_OVERVIEW:
      pm_chart_draw_overview (cr, self->title, self->subtitle,
                              (PmTrendData * const *) self->series->pdata, self->series->len,
                              style, width, height, layout);
      break;
    case PM_CHART_KIND_SUMMARY:
      pm_chart_draw_summary (cr, self->summary, style, width, height, layout);
      break;
    default:
      g_return_if_reached ();
    }
}
