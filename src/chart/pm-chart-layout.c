/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pm-chart-layout.h"
#include "pm-chart-private.h"

typedef struct
{
  double x, y, width, height;
  double year_min, year_max;
  double value_min, value_max;
  /* the break mark of a broken value axis (NAN: none) and the values
   * drawn beyond it */
  double break_x, break_y;
  double far_min, far_max;
} Plot;

struct _PmChartLayout
{
  grefcount ref_count;
  GArray *labels; /* PmChartLabel */
  GArray *plots;  /* Plot */

  /* the height of the slide the drawing is on (user units of the charts),
   * which sets the slide style's type; 0: the chart's own height */
  double slide_height;

  /* the user space of the outermost drawing, which every box is in */
  gboolean has_base;
  cairo_matrix_t base_inverse;
};

G_DEFINE_BOXED_TYPE (PmChartLayout, pm_chart_layout, pm_chart_layout_ref, pm_chart_layout_unref)

static void
label_clear (gpointer data)
{
  PmChartLabel *label = data;

  g_clear_pointer (&label->text, g_free);
  g_clear_pointer (&label->lines, g_free);
}

PmChartLayout *
pm_chart_layout_new (void)
{
  PmChartLayout *self = g_new0 (PmChartLayout, 1);

  g_ref_count_init (&self->ref_count);
  self->labels = g_array_new (FALSE, FALSE, sizeof (PmChartLabel));
  g_array_set_clear_func (self->labels, label_clear);
  self->plots = g_array_new (FALSE, FALSE, sizeof (Plot));

  return self;
}

PmChartLayout *
pm_chart_layout_ref (PmChartLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
pm_chart_layout_unref (PmChartLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->labels);
  g_array_unref (self->plots);
  g_free (self);
}

/* Forgets what was drawn, so that the layout can record the next drawing. */
void
pm_chart_layout_clear (PmChartLayout *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->labels, 0);
  g_array_set_size (self->plots, 0);
  self->has_base = FALSE;
  self->slide_height = 0;
}

/* A chart on part of a slide (a booklet's page) sizes its slide-style type
 * by the slide's height, so that it stays 18 pt as projected. */
void
pm_chart_layout_set_slide_height (PmChartLayout *self,
                                  double         height)
{
  self->slide_height = height;
}

double
pm_chart_layout_get_slide_height (PmChartLayout *self)
{
  return self->slide_height;
}

/* Takes the current user space of cr as the one boxes are recorded in,
 * unless a drawing around this one already did (a chart on a page). */
void
pm_chart_layout_begin (PmChartLayout *self,
                       cairo_t       *cr)
{
  if (self->has_base)
    return;

  cairo_get_matrix (cr, &self->base_inverse);
  cairo_matrix_invert (&self->base_inverse);
  self->has_base = TRUE;
}

const cairo_matrix_t *
pm_chart_layout_get_base_inverse (PmChartLayout *self)
{
  g_assert (self->has_base);
  return &self->base_inverse;
}

guint
pm_chart_layout_get_n_labels (PmChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->labels->len;
}

const PmChartLabel *
pm_chart_layout_get_label (PmChartLayout *self,
                           guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);

  return &g_array_index (self->labels, PmChartLabel, index);
}

/* Returns: (nullable): the first label of that role whose text contains
 * text (any text when NULL) */
const PmChartLabel *
pm_chart_layout_find_label (PmChartLayout    *self,
                            PmChartLabelRole  role,
                            const char       *text)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->labels->len; i++)
    {
      const PmChartLabel *label = &g_array_index (self->labels, PmChartLabel, i);

      if (label->role == role && (text == NULL || strstr (label->text, text) != NULL))
        return label;
    }

  return NULL;
}

guint
pm_chart_layout_count_labels (PmChartLayout    *self,
                              PmChartLabelRole  role)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->labels->len; i++)
    if (g_array_index (self->labels, PmChartLabel, i).role == role)
      n++;

  return n;
}

/* Returns: the number of characters drawn with no glyph in the font
 * (the boxes known as tofu), over every label */
int
pm_chart_layout_count_unknown_glyphs (PmChartLayout *self)
{
  int n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->labels->len; i++)
    n += g_array_index (self->labels, PmChartLabel, i).unknown_glyphs;

  return n;
}

static gboolean
labels_intersect (const PmChartLabel *a,
                  const PmChartLabel *b)
{
  /* a shared edge, or a rounding error, is not an overlap */
  const double slack = 0.5;

  return a->x + a->width - slack > b->x && b->x + b->width - slack > a->x &&
         a->y + a->height - slack > b->y && b->y + b->height - slack > a->y;
}

/* Returns: whether two labels' boxes intersect; first and second are then
 * their indexes */
gboolean
pm_chart_layout_find_overlap (PmChartLayout *self,
                              guint         *first,
                              guint         *second)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->labels->len; i++)
    for (guint j = i + 1; j < self->labels->len; j++)
      if (labels_intersect (&g_array_index (self->labels, PmChartLabel, i),
                            &g_array_index (self->labels, PmChartLabel, j)))
        {
          if (first)
            *first = i;
          if (second)
            *second = j;
          return TRUE;
        }

  return FALSE;
}

guint
pm_chart_layout_get_n_plots (PmChartLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->plots->len;
}

static const Plot *
get_plot (PmChartLayout *self,
          guint          plot)
{
  g_return_val_if_fail (plot < self->plots->len, NULL);

  return &g_array_index (self->plots, Plot, plot);
}

void
pm_chart_layout_get_plot_area (PmChartLayout *self,
                               guint          plot,
                               double        *x,
                               double        *y,
                               double        *width,
                               double        *height)
{
  const Plot *p;

  g_return_if_fail (self != NULL);
  p = get_plot (self, plot);
  g_return_if_fail (p != NULL);

  if (x)
    *x = p->x;
  if (y)
    *y = p->y;
  if (width)
    *width = p->width;
  if (height)
    *height = p->height;
}

void
pm_chart_layout_get_value_range (PmChartLayout *self,
                                 guint          plot,
                                 double        *min,
                                 double        *max)
{
  const Plot *p;

  g_return_if_fail (self != NULL);
  p = get_plot (self, plot);
  g_return_if_fail (p != NULL);

  if (min)
    *min = p->value_min;
  if (max)
    *max = p->value_max;
}

/* Returns: whether the plot's value axis is broken: the values from
 * far_min to far_max are then drawn beyond the break mark at (x, y), out of
 * the value range of the plot's area */
gboolean
pm_chart_layout_get_axis_break (PmChartLayout *self,
                                guint          plot,
                                double        *x,
                                double        *y,
                                double        *far_min,
                                double        *far_max)
{
  const Plot *p;

  g_return_val_if_fail (self != NULL, FALSE);
  p = get_plot (self, plot);
  g_return_val_if_fail (p != NULL, FALSE);

  if (isnan (p->break_y))
    return FALSE;
  if (x)
    *x = p->break_x;
  if (y)
    *y = p->break_y;
  if (far_min)
    *far_min = p->far_min;
  if (far_max)
    *far_max = p->far_max;
  return TRUE;
}

double
pm_chart_layout_year_to_x (PmChartLayout *self,
                           guint          plot,
                           double         year)
{
  const Plot *p;

  g_return_val_if_fail (self != NULL, NAN);
  p = get_plot (self, plot);
  g_return_val_if_fail (p != NULL, NAN);

  return p->x + (year - p->year_min) / (p->year_max - p->year_min) * p->width;
}

double
pm_chart_layout_value_to_y (PmChartLayout *self,
                            guint          plot,
                            double         value)
{
  const Plot *p;

  g_return_val_if_fail (self != NULL, NAN);
  p = get_plot (self, plot);
  g_return_val_if_fail (p != NULL, NAN);

  return p->y + p->height - (value - p->value_min) / (p->value_max - p->value_min) * p->height;
}

void
pm_chart_layout_add_label (PmChartLayout    *self,
                           PmChartLabelRole  role,
                           const char       *text,
                           double            x,
                           double            y,
                           double            width,
                           double            height,
                           int               unknown_glyphs,
                           const char       *lines,
                           gboolean          ellipsized,
                           double            size)
{
  PmChartLabel label = { role, g_strdup (text), x, y, width, height, unknown_glyphs,
                         g_strdup (lines ? lines : text), ellipsized, size };

  g_array_append_val (self->labels, label);
}

void
pm_chart_layout_add_plot (PmChartLayout *self,
                          double         x,
                          double         y,
                          double         width,
                          double         height,
                          double         year_min,
                          double         year_max,
                          double         value_min,
                          double         value_max)
{
  Plot plot = { x, y, width, height, year_min, year_max, value_min, value_max, NAN, NAN, NAN, NAN };

  g_array_append_val (self->plots, plot);
}

/* Records the break mark of the last plot's value axis, at (x, y). */
void
pm_chart_layout_set_axis_break (PmChartLayout *self,
                                double         x,
                                double         y,
                                double         far_min,
                                double         far_max)
{
  Plot *p;

  g_return_if_fail (self->plots->len > 0);

  p = &g_array_index (self->plots, Plot, self->plots->len - 1);
  p->break_x = x;
  p->break_y = y;
  p->far_min = far_min;
  p->far_max = far_max;
}
