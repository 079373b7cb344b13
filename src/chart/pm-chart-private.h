/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the chart drawing code and its tests; not part of the API. */

#include <cairo.h>
#include <pango/pangocairo.h>

#include "pm-chart-data.h"
#include "pm-chart-layout.h"
#include "pm-chart-types.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} PmRgba;

typedef enum
{
  PM_MARKER_CIRCLE,
  PM_MARKER_SQUARE,
  PM_MARKER_TRIANGLE,
  PM_MARKER_DIAMOND,
  PM_MARKER_TRIANGLE_DOWN,
  PM_MARKER_CROSS,
  PM_MARKER_PLUS,
  PM_MARKER_STAR,
} PmMarker;

#define PM_N_MARKERS 8
#define PM_N_SERIES_COLORS 8

/* 18 pt on a 16:9 slide of height H is H / 30 (see pm_chart_theme_init) */
#define PM_CHART_SLIDE_SMALLEST_TYPE_DIVISOR 30.0

typedef struct
{
  PmChartStyle style;
  gboolean mono;      /* print: nothing may depend on colour alone */
  gboolean compact;   /* a small multiple: fewer, smaller labels */

  /* sizes, in the units of the cairo_t */
  double font;        /* body text */
  double font_small;  /* ticks, footnote, legend */
  double font_title;
  double pad;
  double gap;
  double line;        /* a data line */
  double thin;        /* grid, marks */
  double marker;      /* a marker's radius */

  PmRgba background;
  PmRgba text;
  PmRgba muted;
  PmRgba grid;
  PmRgba axis;
  PmRgba series;
  PmRgba target;
  PmRgba zone;
  PmRgba path;
  PmRgba halo;
} PmChartTheme;

typedef struct
{
  double x, y, width, height;
} PmBox;

/* One drawing: the cairo_t, its Pango context, the theme and the boxes of
 * what is drawn so far (in the coordinates of the outermost call), so that
 * no label is put on another. */
typedef struct
{
  cairo_t *cr;
  PangoContext *pango;
  PmChartTheme theme;
  PmChartLayout *layout; /* records the labels; never NULL inside */
  GArray *occupied;      /* PmBox, base coordinates: labels, markers */
  GArray *soft;          /* PmBox: lines, which a label avoids if it can */
  cairo_matrix_t base_inverse; /* to the layout's coordinates */
  cairo_pattern_t *hatch;
  cairo_pattern_t *hatch_cross;
  PmLanguage language;   /* of the words drawn: zh_CN unless set */
} PmChartCanvas;

void pm_chart_theme_init (PmChartTheme *theme,
                          PmChartStyle  style,
                          double        width,
                          double        height,
                          gboolean      compact);
void pm_chart_theme_series (const PmChartTheme *theme,
                            guint               index,
                            PmRgba             *color,
                            PmMarker           *marker,
                            const double      **dashes,
                            int                *n_dashes);
void pm_chart_theme_target_dashes (const PmChartTheme  *theme,
                                   const double       **dashes,
                                   int                 *n_dashes);
void pm_chart_theme_status (const PmChartTheme *theme,
                            PmChartStatus       status,
                            PmRgba             *fill,
                            PmRgba             *ink);

void pm_chart_canvas_init (PmChartCanvas *canvas,
                           cairo_t       *cr,
                           PmChartStyle   style,
                           double         width,
                           double         height,
                           PmChartLayout *layout);
void pm_chart_canvas_clear (PmChartCanvas *canvas);
void pm_chart_canvas_set_theme (PmChartCanvas *canvas,
                                PmChartStyle   style,
                                double         width,
                                double         height,
                                gboolean       compact);

PangoLayout *pm_chart_canvas_text (PmChartCanvas *canvas,
                                   const char    *text,
                                   double         size,
                                   gboolean       bold,
                                   double         max_width,
                                   int            max_lines);
void pm_chart_text_keep_words (PangoLayout *layout);
PangoLayout *pm_chart_canvas_text_fit (PmChartCanvas *canvas,
                                       const char    *text,
                                       double         size,
                                       double         min_size,
                                       gboolean       bold,
                                       double         max_width,
                                       double         max_height);
void pm_chart_text_size (PangoLayout *layout,
                         double      *width,
                         double      *height);
void pm_chart_canvas_show (PmChartCanvas    *canvas,
                           PangoLayout      *layout,
                           PmChartLabelRole  role,
                           double            x,
                           double            y,
                           const PmRgba     *color,
                           gboolean          halo);
gboolean pm_chart_canvas_place (PmChartCanvas    *canvas,
                                PangoLayout      *layout,
                                PmChartLabelRole  role,
                                const PmBox      *candidates,
                                guint             n_candidates,
                                const PmBox      *bounds,
                                const PmRgba     *color,
                                gboolean          halo);
gboolean pm_chart_canvas_is_free (PmChartCanvas *canvas,
                                  const PmBox   *box);
void pm_chart_canvas_occupy (PmChartCanvas *canvas,
                             const PmBox   *box);
void pm_chart_canvas_avoid_line (PmChartCanvas *canvas,
                                 double         x0,
                                 double         y0,
                                 double         x1,
                                 double         y1,
                                 double         width);

void pm_chart_set_color (cairo_t      *cr,
                         const PmRgba *color);
void pm_chart_draw_marker (cairo_t      *cr,
                           PmMarker      marker,
                           double        x,
                           double        y,
                           double        radius,
                           const PmRgba *stroke,
                           const PmRgba *fill,
                           double        line_width);
void pm_chart_canvas_fill_zone (PmChartCanvas *canvas,
                                const PmRgba  *color,
                                gboolean       cross);

/* Ticks at "nice" values (1, 2, 2.5, 5 × 10^n) covering [min, max]. */
typedef struct
{
  double min;   /* the axis range, a multiple of step */
  double max;
  double step;
  int n;        /* ticks from min to max */
  int decimals; /* decimals needed to print the ticks */
} PmTicks;

void pm_chart_nice_ticks (double   min,
                          double   max,
                          int      max_ticks,
                          PmTicks *ticks);
char *pm_chart_format_number (double value,
                              int    decimals);
char *pm_chart_format_value (double value);

gboolean pm_chart_boxes_intersect (const PmBox *a,
                                   const PmBox *b);

/* The axes of a chart of years (pm-chart-plot.c). */
typedef struct
{
  PmChartCanvas *canvas;
  PmBox area;                /* inside the axes */
  int first_year, last_year;
  double year_min, year_max; /* half a year beyond the ends */
  double year_px;
  PmTicks ticks;
  gboolean has_range;        /* some number to put on the value axis */
  double x_label_offset;     /* from the axis down to the years: clear of the lowest tick */

  /* A broken value axis: values far from the others (a 2010 value far from
   * the 2020 baseline, the target and the recent values) are drawn in a
   * strip below (break_side -1) or above (+1) the area, past a break mark;
   * the ticks cover the area only. */
  int break_side;            /* 0: the axis is whole */
  PmBox strip;
  double far_min, far_max;   /* the values drawn in the strip */
  PmBox frame;               /* the area and the strip: where the axes and marks go */
} PmChartPlot;

double pm_chart_plot_x (const PmChartPlot *plot,
                        double             year);
double pm_chart_plot_y (const PmChartPlot *plot,
                        double             value);
void pm_chart_plot_pad_range (double *min,
                              double *max);
gboolean pm_chart_plot_init (PmChartPlot   *plot,
                             PmChartCanvas *canvas,
                             double         left,
                             double         top,
                             double         right,
                             double         bottom,
                             int            first_year,
                             int            last_year,
                             gboolean       has_range,
                             double         min,
                             double         max);
gboolean pm_chart_plot_init_broken (PmChartPlot   *plot,
                                    PmChartCanvas *canvas,
                                    double         left,
                                    double         top,
                                    double         right,
                                    double         bottom,
                                    int            first_year,
                                    int            last_year,
                                    gboolean       has_range,
                                    double         min,
                                    double         max,
                                    double         far_min,
                                    double         far_max);
void pm_chart_plot_draw_grid (const PmChartPlot *plot);
void pm_chart_plot_draw_axes (const PmChartPlot *plot);
void pm_chart_plot_draw_ticks (const PmChartPlot *plot);
void pm_chart_plot_draw_marks (const PmChartPlot *plot,
                               int                midterm_year,
                               int                final_year);
void pm_chart_plot_place_mark_labels (const PmChartPlot *plot,
                                      int                midterm_year,
                                      int                final_year);
gboolean pm_chart_plot_place_value (const PmChartPlot *plot,
                                    double             year,
                                    double             value,
                                    const char        *text,
                                    gboolean           bold,
                                    PmChartLabelRole   role,
                                    const PmRgba      *color);
void pm_chart_plot_draw_message (const PmChartPlot *plot,
                                 const char        *message);

/* pm-chart-trend.c, shared with the comparison */
gboolean pm_chart_target_has_line (const PmTrendTarget *target);
void pm_chart_target_band (const PmTrendTarget *target,
                           double              *low,
                           double              *high);

/* The trend chart of one indicator inside a box (used by the overview). */
void pm_chart_trend_draw_in (PmChartCanvas     *canvas,
                             const PmTrendData *data,
                             double             x,
                             double             y,
                             double             width,
                             double             height);

/* pm-chart-layout.c */
void pm_chart_layout_set_slide_height (PmChartLayout *self,
                                       double         height);
double pm_chart_layout_get_slide_height (PmChartLayout *self);
void pm_chart_layout_begin (PmChartLayout *self,
                            cairo_t       *cr);
const cairo_matrix_t *pm_chart_layout_get_base_inverse (PmChartLayout *self);
void pm_chart_layout_add_label (PmChartLayout    *self,
                                PmChartLabelRole  role,
                                const char       *text,
                                double            x,
                                double            y,
                                double            width,
                                double            height,
                                int               unknown_glyphs,
                                const char       *lines,
                                gboolean          ellipsized,
                                double            size);
void pm_chart_layout_add_plot (PmChartLayout *self,
                               double         x,
                               double         y,
                               double         width,
                               double         height,
                               double         year_min,
                               double         year_max,
                               double         value_min,
                               double         value_max);
void pm_chart_layout_set_axis_break (PmChartLayout *self,
                                     double         x,
                                     double         y,
                                     double         far_min,
                                     double         far_max);
void pm_chart_canvas_add_axis_break (PmChartCanvas *canvas,
                                     double         x,
                                     double         y,
                                     double         far_min,
                                     double         far_max);
void pm_chart_canvas_add_plot (PmChartCanvas *canvas,
                               double         x,
                               double         y,
                               double         width,
                               double         height,
                               double         year_min,
                               double         year_max,
                               double         value_min,
                               double         value_max);

G_END_DECLS
