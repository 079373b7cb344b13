/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a chart drew, in the coordinates of the cairo_t it was given: every
 * label's box and text, and the axis mapping of every plot. Tests check it;
 * a widget can use it to find what is under the pointer. */

typedef enum
{
  PM_CHART_LABEL_TITLE,
  PM_CHART_LABEL_SUBTITLE,
  PM_CHART_LABEL_STATUS,
  PM_CHART_LABEL_UNIT,
  PM_CHART_LABEL_TICK_Y,
  PM_CHART_LABEL_TICK_X,
  PM_CHART_LABEL_VALUE,
  PM_CHART_LABEL_LATEST,
  PM_CHART_LABEL_TARGET,
  PM_CHART_LABEL_PROJECTION,
  PM_CHART_LABEL_MARK,
  PM_CHART_LABEL_LEGEND,
  PM_CHART_LABEL_FOOTNOTE,
  PM_CHART_LABEL_MESSAGE,
  PM_CHART_LABEL_BAR,
  PM_CHART_LABEL_RATE,
  PM_CHART_LABEL_PAGE,
} PmChartLabelRole;

typedef struct
{
  PmChartLabelRole role;
  char *text;
  double x, y, width, height;
  int unknown_glyphs;
  char *lines;        /* the text as laid out: a newline where a line ends */
  gboolean ellipsized; /* cut short on the page, ending in … */
  double size;        /* of its type, in the layout's units (the charts' px) */
} PmChartLabel;

typedef struct _PmChartLayout PmChartLayout;

#define PM_TYPE_CHART_LAYOUT (pm_chart_layout_get_type ())

GType pm_chart_layout_get_type (void) G_GNUC_CONST;
PmChartLayout *pm_chart_layout_new (void);
PmChartLayout *pm_chart_layout_ref (PmChartLayout *self);
void pm_chart_layout_unref (PmChartLayout *self);
void pm_chart_layout_clear (PmChartLayout *self);

guint pm_chart_layout_get_n_labels (PmChartLayout *self);
const PmChartLabel *pm_chart_layout_get_label (PmChartLayout *self,
                                               guint          index);
const PmChartLabel *pm_chart_layout_find_label (PmChartLayout    *self,
                                                PmChartLabelRole  role,
                                                const char       *text);
guint pm_chart_layout_count_labels (PmChartLayout    *self,
                                    PmChartLabelRole  role);
int pm_chart_layout_count_unknown_glyphs (PmChartLayout *self);
gboolean pm_chart_layout_find_overlap (PmChartLayout *self,
                                       guint         *first,
                                       guint         *second);

guint pm_chart_layout_get_n_plots (PmChartLayout *self);
void pm_chart_layout_get_plot_area (PmChartLayout *self,
                                    guint          plot,
                                    double        *x,
                                    double        *y,
                                    double        *width,
                                    double        *height);
void pm_chart_layout_get_value_range (PmChartLayout *self,
                                      guint          plot,
                                      double        *min,
                                      double        *max);
gboolean pm_chart_layout_get_axis_break (PmChartLayout *self,
                                         guint          plot,
                                         double        *x,
                                         double        *y,
                                         double        *far_min,
                                         double        *far_max);
double pm_chart_layout_year_to_x (PmChartLayout *self,
                                  guint          plot,
                                  double         year);
double pm_chart_layout_value_to_y (PmChartLayout *self,
                                   guint          plot,
                                   double         value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmChartLayout, pm_chart_layout_unref)

G_END_DECLS
