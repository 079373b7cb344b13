/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pm-chart-private.h"

/* Colours, sizes, text and label placement shared by every chart. */

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

static const PmRgba series_light[PM_N_SERIES_COLORS] = {
  RGB (0x1c71d8), RGB (0xc64600), RGB (0x26a269), RGB (0x813d9c),
  RGB (0xc01c28), RGB (0x865e3c), RGB (0x0e8a97), RGB (0xa78200),
};

static const PmRgba series_dark[PM_N_SERIES_COLORS] = {
  RGB (0x62a0ea), RGB (0xffa348), RGB (0x57e389), RGB (0xdc8add),
  RGB (0xf66151), RGB (0xcdab8f), RGB (0x5bd1e0), RGB (0xf8e45c),
};

/* Print: black and greys; the markers and dashes tell the series apart. */
static const PmRgba series_mono[PM_N_SERIES_COLORS] = {
  RGB (0x000000), RGB (0x000000), RGB (0x404040), RGB (0x404040),
  RGB (0x000000), RGB (0x404040), RGB (0x000000), RGB (0x404040),
};

static const double dash_solid[] = { 0 };
static const double dash_long[] = { 6, 3 };
static const double dash_dot[] = { 1.5, 2.5 };
static const double dash_dash_dot[] = { 6, 2.5, 1.5, 2.5 };
static const double dash_short[] = { 3, 3 };

static const struct
{
  const double *dashes;
  int n;
} series_dashes[] = {
  { dash_solid, 0 },
  { dash_long, 2 },
  { dash_dot, 2 },
  { dash_dash_dot, 4 },
  { dash_short, 2 },
};

/* A target line: a long dash and two dots, a count of dashes no series
 * has, so that in print a target never looks like a series. */
static const double dash_target[] = { 6, 2, 1.2, 2, 1.2, 2 };

/* fill, and whether the ink on it is dark */
static const struct
{
  guint32 light;
  guint32 dark;
  double grey; /* print */
} status_colors[PM_CHART_N_STATUSES] = {
  [PM_CHART_STATUS_NONE] = { 0x9a9996, 0x77767b, 0.85 },
  [PM_CHART_STATUS_ACHIEVED] = { 0x1e7b34, 0x2ec27e, 0.15 },
  [PM_CHART_STATUS_ON_TRACK] = { 0x4f9a3a, 0x8ff0a4, 0.35 },
  [PM_CHART_STATUS_NEEDS_ACCELERATION] = { 0xc88800, 0xf8e45c, 0.85 },
  [PM_CHART_STATUS_LIMITED_PROGRESS] = { 0xd5660a, 0xffa348, 0.70 },
  [PM_CHART_STATUS_DETERIORATING] = { 0xc01c28, 0xf66151, 0.50 },
  [PM_CHART_STATUS_NOT_ACHIEVED] = { 0x7f1720, 0xe01b24, 0.30 },
  [PM_CHART_STATUS_NO_TARGET] = { 0x77767b, 0x9a9996, 0.95 },
  [PM_CHART_STATUS_NO_DATA] = { 0xa8a6a3, 0x5e5c64, 1.00 },
  [PM_CHART_STATUS_MANUAL] = { 0x6a5acd, 0xb6a8ff, 0.90 },
};

static PmRgba
rgb (guint32 hex)
{
  PmRgba c = RGB (hex);

  return c;
}

static PmRgba
rgba (guint32 hex,
      double  alpha)
{
  PmRgba c = RGBA (hex, alpha);

  return c;
}

static double
luminance (const PmRgba *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

void
pm_chart_theme_init (PmChartTheme *theme,
                     PmChartStyle  style,
                     double        width,
                     double        height,
                     gboolean      compact)
{
  double base;

  memset (theme, 0, sizeof *theme);
  theme->style = style;
  theme->mono = style == PM_CHART_STYLE_PRINT;
  theme->compact = compact;

  /* Type follows the size of the chart within limits, so that a chart
   * exported large stays balanced and a small one stays legible. A slide's
   * type follows its height alone: a projected chart is seen whole. */
  if (compact)
    base = CLAMP (MIN (width, height * 1.6) / 30.0, 7.5, 13.0);
  else if (style == PM_CHART_STYLE_SLIDE)
    base = MAX (height / PM_CHART_SLIDE_SMALLEST_TYPE_DIVISOR, 12.0) * 1.15;
  else
    base = CLAMP (MIN (width, height * 1.6) / 85.0, 10.0, 16.0);

  theme->font = base;
  /* On a slide the smallest type is 18 pt as projected: a 16:9 slide is
   * 13.333 × 7.5 in, 960 × 540 pt (PowerPoint, WPS, Impress), so a chart
   * filling it at height H (1080 px by default) has 1 pt = H / 540 units
   * and 18 pt = H / 30 (36 px of 1080). The body is 1.15 × that (20.7 pt). */
  theme->font_small = style == PM_CHART_STYLE_SLIDE && !compact ? base / 1.15 : base * 0.86;
  theme->font_title = compact ? base * 1.0 : base * 1.4;
  theme->pad = compact ? base * 0.6 : base * 1.1;
  theme->gap = base * 0.4;
  theme->line = MAX (1.25, base / (style == PM_CHART_STYLE_SLIDE ? 6.0 : 7.0));
  theme->thin = MAX (0.6, base / 16.0);
  theme->marker = base * (compact ? 0.3 : 0.33);

  switch (style)
    {
    case PM_CHART_STYLE_SCREEN_DARK:
      theme->background = rgb (0x242424);
      theme->text = rgb (0xf6f5f4);
      theme->muted = rgb (0xb0afac);
      theme->grid = rgb (0x3a3a3a);
      theme->axis = rgb (0x8a8a8a);
      theme->series = rgb (0x62a0ea);
      theme->target = rgb (0xffa348);
      theme->zone = rgba (0x57e389, 0.13);
      theme->path = rgb (0xc0bfbc);
      theme->halo = rgba (0x242424, 0.85);
      break;

    case PM_CHART_STYLE_PRINT:
      theme->background = rgb (0xffffff);
      theme->text = rgb (0x000000);
      theme->muted = rgb (0x3d3d3d);
      theme->grid = rgb (0xd4d4d4);
      theme->axis = rgb (0x000000);
      theme->series = rgb (0x000000);
      theme->target = rgb (0x505050);
      theme->zone = rgba (0x000000, 0.05);
      theme->path = rgb (0x000000);
      theme->halo = rgba (0xffffff, 0.88);
      break;

    case PM_CHART_STYLE_SCREEN:
    case PM_CHART_STYLE_SLIDE:
    default:
      theme->background = rgb (0xffffff);
      theme->text = rgb (0x1f1f1f);
      theme->muted = rgb (0x5e5c64);
      theme->grid = rgb (0xe6e6e6);
      theme->axis = rgb (0x77767b);
      theme->series = rgb (0x1c71d8);
      theme->target = rgb (0xc64600);
      theme->zone = rgba (0x26a269, 0.11);
      theme->path = rgb (0x5e5c64);
      theme->halo = rgba (0xffffff, 0.85);
      break;
    }
}

/* The look of the index-th series of a comparison. */
void
pm_chart_theme_series (const PmChartTheme *theme,
                       guint               index,
                       PmRgba             *color,
                       PmMarker           *marker,
                       const double      **dashes,
                       int                *n_dashes)
{
  guint dash = theme->mono ? index % G_N_ELEMENTS (series_dashes) : 0;

  if (theme->mono)
    *color = series_mono[index % PM_N_SERIES_COLORS];
  else if (theme->style == PM_CHART_STYLE_SCREEN_DARK)
    *color = series_dark[index % PM_N_SERIES_COLORS];
  else
    *color = series_light[index % PM_N_SERIES_COLORS];

  *marker = (PmMarker) (index % PM_N_MARKERS);
  *dashes = series_dashes[dash].dashes;
  *n_dashes = series_dashes[dash].n;
}

/* The dashes of a target line of a comparison, in line widths. */
void
pm_chart_theme_target_dashes (const PmChartTheme  *theme,
                              const double       **dashes,
                              int                 *n_dashes)
{
  *dashes = dash_target;
  *n_dashes = G_N_ELEMENTS (dash_target);
}

/* The fill of a status and the ink (text colour) that reads on it. */
void
pm_chart_theme_status (const PmChartTheme *theme,
                       PmChartStatus       status,
                       PmRgba             *fill,
                       PmRgba             *ink)
{
  g_return_if_fail ((guint) status < PM_CHART_N_STATUSES);

  if (theme->mono)
    {
      double g = status_colors[status].grey;

      *fill = (PmRgba) { g, g, g, 1.0 };
    }
  else if (theme->style == PM_CHART_STYLE_SCREEN_DARK)
    *fill = rgb (status_colors[status].dark);
  else
    *fill = rgb (status_colors[status].light);

  *ink = luminance (fill) > 0.5 ? rgb (0x000000) : rgb (0xffffff);
}

static cairo_pattern_t *
create_hatch (double   spacing,
              double   line_width,
              gboolean cross)
{
  cairo_rectangle_t extents = { 0, 0, spacing, spacing };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *pattern;

  cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
  cairo_set_line_width (cr, line_width);
  /* a diagonal that joins up with its neighbours across tiles */
  cairo_move_to (cr, -1, spacing + 1);
  cairo_line_to (cr, spacing + 1, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, spacing - 1, spacing + 1);
  cairo_line_to (cr, spacing + 1, spacing - 1);
  if (cross)
    {
      cairo_move_to (cr, -1, -1);
      cairo_line_to (cr, spacing + 1, spacing + 1);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (surface);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (surface);

  return pattern;
}

void
pm_chart_canvas_set_theme (PmChartCanvas *canvas,
                           PmChartStyle   style,
                           double         width,
                           double         height,
                           gboolean       compact)
{
  pm_chart_theme_init (&canvas->theme, style, width, height, compact);
}

void
pm_chart_canvas_init (PmChartCanvas *canvas,
                      cairo_t       *cr,
                      PmChartStyle   style,
                      double         width,
                      double         height,
                      PmChartLayout *layout)
{
  cairo_font_options_t *options;

  memset (canvas, 0, sizeof *canvas);
  canvas->cr = cr;
  canvas->layout = layout ? pm_chart_layout_ref (layout) : pm_chart_layout_new ();
  canvas->occupied = g_array_new (FALSE, FALSE, sizeof (PmBox));
  canvas->soft = g_array_new (FALSE, FALSE, sizeof (PmBox));
  pm_chart_layout_begin (canvas->layout, cr);
  canvas->base_inverse = *pm_chart_layout_get_base_inverse (canvas->layout);
  /* on part of a slide, the slide's type */
  if (style == PM_CHART_STYLE_SLIDE)
    height = MAX (height, pm_chart_layout_get_slide_height (canvas->layout));
  pm_chart_theme_init (&canvas->theme, style, width, height, FALSE);

  /* The same glyph positions on screen, in files and on paper: no hinting
   * of metrics, no rounding of positions to whole pixels. */
  canvas->pango = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (canvas->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (canvas->pango, FALSE);
  pango_context_set_language (canvas->pango, pango_language_from_string (PM_CHART_LANGUAGE));
}

void
pm_chart_canvas_clear (PmChartCanvas *canvas)
{
  g_clear_object (&canvas->pango);
  g_clear_pointer (&canvas->layout, pm_chart_layout_unref);
  g_clear_pointer (&canvas->occupied, g_array_unref);
  g_clear_pointer (&canvas->soft, g_array_unref);
  g_clear_pointer (&canvas->hatch, cairo_pattern_destroy);
  g_clear_pointer (&canvas->hatch_cross, cairo_pattern_destroy);
}

/* Returns: (transfer full): a layout of text in the charts' font; with
 * max_width > 0 it wraps, and with max_lines > 0 it ends in an ellipsis
 * after that many lines */
PangoLayout *
pm_chart_canvas_text (PmChartCanvas *canvas,
                      const char    *text,
                      double         size,
                      gboolean       bold,
                      double         max_width,
                      int            max_lines)
{
  PangoLayout *layout = pango_layout_new (canvas->pango);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, PM_CHART_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }

  pango_layout_set_text (layout, text ? text : "", -1);

  return layout;
}

/* Breaks a line only between words: after 、：，; and spaces, before （ and
 * after ）; never inside 全部领域 or 2021—2030年. */
void
pm_chart_text_keep_words (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *start = text;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = *p ? g_utf8_next_char (p) : p;
      const char *end = NULL;

      if (*p == '\0')
        end = p;
      else if (c == 0xFF08 /* （ */ || c == '(')
        end = p;
      else if (c == 0x3001 || c == 0xFF1A || c == 0xFF0C || c == 0xFF1B || c == ' ' ||
               c == 0xFF09 /* ） */ || c == ')' || c == ',' || c == ';' || c == 0x00B7)
        end = next;

      if (end && end > start)
        {
          PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

          attr->start_index = start - text;
          attr->end_index = end - text;
          pango_attr_list_insert (attrs, attr);
          start = end;
        }
      if (*p == '\0')
        break;
    }

  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Returns: (transfer full): the text wrapped between words in max_width
 * (never cut short): at size if it fits in max_height, else at the largest
 * size down to min_size that does */
PangoLayout *
pm_chart_canvas_text_fit (PmChartCanvas *canvas,
                          const char    *text,
                          double         size,
                          double         min_size,
                          gboolean       bold,
                          double         max_width,
                          double         max_height)
{
  PangoLayout *layout = NULL;

  for (double s = size; ; s = MAX (s * 0.92, min_size))
    {
      double w, h;

      g_clear_object (&layout);
      layout = pm_chart_canvas_text (canvas, text, s, bold, max_width, 0);
      pm_chart_text_keep_words (layout);
      pm_chart_text_size (layout, &w, &h);
      if ((w <= max_width + 0.01 && h <= max_height + 0.01) || s <= min_size)
        break;
    }

  return layout;
}

/* The size of the text as laid out (its logical extents). */
void
pm_chart_text_size (PangoLayout *layout,
                    double      *width,
                    double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double) (logical.x + logical.width) / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

/* The box in base coordinates of a box in the current user coordinates. */
static PmBox
to_base (PmChartCanvas *canvas,
         const PmBox   *box)
{
  double x0 = box->x, y0 = box->y;
  double x1 = box->x + box->width, y1 = box->y + box->height;
  PmBox out;

  cairo_user_to_device (canvas->cr, &x0, &y0);
  cairo_user_to_device (canvas->cr, &x1, &y1);
  cairo_matrix_transform_point (&canvas->base_inverse, &x0, &y0);
  cairo_matrix_transform_point (&canvas->base_inverse, &x1, &y1);

  out.x = MIN (x0, x1);
  out.y = MIN (y0, y1);
  out.width = fabs (x1 - x0);
  out.height = fabs (y1 - y0);
  return out;
}

gboolean
pm_chart_boxes_intersect (const PmBox *a,
                          const PmBox *b)
{
  const double slack = 0.5;

  return a->x + a->width - slack > b->x && b->x + b->width - slack > a->x &&
         a->y + a->height - slack > b->y && b->y + b->height - slack > a->y;
}

static gboolean
touches (const GArray *boxes,
         const PmBox  *base)
{
  for (guint i = 0; i < boxes->len; i++)
    if (pm_chart_boxes_intersect (base, &g_array_index (boxes, PmBox, i)))
      return TRUE;

  return FALSE;
}

/* Returns: whether the box (user coordinates) touches nothing drawn yet */
gboolean
pm_chart_canvas_is_free (PmChartCanvas *canvas,
                         const PmBox   *box)
{
  PmBox base = to_base (canvas, box);

  return !touches (canvas->occupied, &base);
}

/* Marks a line as something labels should rather not cover: boxes along
 * it, about a text height apart. */
void
pm_chart_canvas_avoid_line (PmChartCanvas *canvas,
                            double         x0,
                            double         y0,
                            double         x1,
                            double         y1,
                            double         width)
{
  double length = hypot (x1 - x0, y1 - y0);
  double step = MAX (canvas->theme.font * 0.5, 1.0);
  int n = MAX (1, (int) ceil (length / step));
  double half = MAX (width, canvas->theme.thin) * 1.5;

  for (int i = 0; i <= n; i++)
    {
      double x = x0 + (x1 - x0) * i / n, y = y0 + (y1 - y0) * i / n;
      PmBox box = { x - half, y - half, 2 * half, 2 * half };
      PmBox base = to_base (canvas, &box);

      g_array_append_val (canvas->soft, base);
    }
}

/* Marks the box (user coordinates) as taken, e.g. by a marker. */
void
pm_chart_canvas_occupy (PmChartCanvas *canvas,
                        const PmBox   *box)
{
  PmBox base = to_base (canvas, box);

  g_array_append_val (canvas->occupied, base);
}

void
pm_chart_set_color (cairo_t      *cr,
                    const PmRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Draws the text at (x, y), its top left corner, and records it as a label
 * of that role; a halo keeps lines from running through it. */
void
pm_chart_canvas_show (PmChartCanvas    *canvas,
                      PangoLayout      *layout,
                      PmChartLabelRole  role,
                      double            x,
                      double            y,
                      const PmRgba     *color,
                      gboolean          halo)
{
  PmBox box = { x, y, 0, 0 };
  PmBox base;
  g_autofree char *text = NULL;

  pm_chart_text_size (layout, &box.width, &box.height);

  if (halo)
    {
      double r = canvas->theme.gap * 0.5;

      rounded_rectangle (canvas->cr, x - r, y, box.width + 2 * r, box.height, r);
      pm_chart_set_color (canvas->cr, &canvas->theme.halo);
      cairo_fill (canvas->cr);
    }

  pm_chart_set_color (canvas->cr, color);
  cairo_move_to (canvas->cr, x, y);
  pango_cairo_show_layout (canvas->cr, layout);

  /* a halo reaches beyond the text on either side: nothing else may be
   * put under it */
  if (halo)
    {
      PmBox reach = { x - canvas->theme.gap * 0.5, y, box.width + canvas->theme.gap, box.height };

      base = to_base (canvas, &reach);
    }
  else
    base = to_base (canvas, &box);
  g_array_append_val (canvas->occupied, base);
  base = to_base (canvas, &box);

  /* the whole text, also where an ellipsis cut it short on the page */
  text = g_strdup (pango_layout_get_text (layout));

  {
    g_autoptr (GString) lines = g_string_new (NULL);
    const PangoFontDescription *font = pango_layout_get_font_description (layout);
    PmBox em = { x, y, 0, font ? pango_font_description_get_size (font) / (double) PANGO_SCALE : 0 };

    for (GSList *l = pango_layout_get_lines_readonly (layout); l; l = l->next)
      {
        const PangoLayoutLine *line = l->data;

        if (lines->len > 0)
          g_string_append_c (lines, '\n');
        g_string_append_len (lines, text + line->start_index, line->length);
      }
    em = to_base (canvas, &em);
    pm_chart_layout_add_label (canvas->layout, role, text, base.x, base.y, base.width, base.height,
                               pango_layout_get_unknown_glyphs_count (layout), lines->str,
                               pango_layout_is_ellipsized (layout), em.height);
  }
}

/* Shows the text in the first candidate box (user coordinates, top left
 * corners; their sizes are ignored) that lies inside bounds and touches
 * nothing drawn yet. Returns: whether a place was found */
gboolean
pm_chart_canvas_place (PmChartCanvas    *canvas,
                       PangoLayout      *layout,
                       PmChartLabelRole  role,
                       const PmBox      *candidates,
                       guint             n_candidates,
                       const PmBox      *bounds,
                       const PmRgba     *color,
                       gboolean          halo)
{
  double width, height;

  pm_chart_text_size (layout, &width, &height);

  /* first a place clear of lines too, then one clear of labels and markers */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_candidates; i++)
      {
        PmBox box = { candidates[i].x, candidates[i].y, width, height };
        PmBox reach = box;
        PmBox base;

        if (bounds &&
            (box.x < bounds->x - 0.01 || box.y < bounds->y - 0.01 ||
             box.x + box.width > bounds->x + bounds->width + 0.01 ||
             box.y + box.height > bounds->y + bounds->height + 0.01))
          continue;

        /* the halo, too, is kept off what is there */
        if (halo)
          {
            reach.x -= canvas->theme.gap * 0.5;
            reach.width += canvas->theme.gap;
          }
        base = to_base (canvas, &reach);
        if (touches (canvas->occupied, &base) || (pass == 0 && touches (canvas->soft, &base)))
          continue;

        pm_chart_canvas_show (canvas, layout, role, box.x, box.y, color, halo);
        return TRUE;
      }

  return FALSE;
}

void
pm_chart_draw_marker (cairo_t      *cr,
                      PmMarker      marker,
                      double        x,
                      double        y,
                      double        radius,
                      const PmRgba *stroke,
                      const PmRgba *fill,
                      double        line_width)
{
  double r = radius;
  gboolean open_shape = FALSE;

  cairo_new_path (cr);
  switch (marker)
    {
    case PM_MARKER_SQUARE:
      r *= 0.9;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case PM_MARKER_TRIANGLE:
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.866, y + r * 0.5);
      cairo_line_to (cr, x - r * 0.866, y + r * 0.5);
      cairo_close_path (cr);
      break;
    case PM_MARKER_TRIANGLE_DOWN:
      r *= 1.2;
      cairo_move_to (cr, x, y + r);
      cairo_line_to (cr, x + r * 0.866, y - r * 0.5);
      cairo_line_to (cr, x - r * 0.866, y - r * 0.5);
      cairo_close_path (cr);
      break;
    case PM_MARKER_DIAMOND:
      r *= 1.25;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case PM_MARKER_CROSS:
      open_shape = TRUE;
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x - r, y + r);
      cairo_line_to (cr, x + r, y - r);
      break;
    case PM_MARKER_PLUS:
      open_shape = TRUE;
      r *= 1.2;
      cairo_move_to (cr, x - r, y);
      cairo_line_to (cr, x + r, y);
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x, y + r);
      break;
    case PM_MARKER_STAR:
      r *= 1.3;
      for (int i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + i * G_PI / 5;
          double rr = i % 2 ? r * 0.45 : r;

          if (i == 0)
            cairo_move_to (cr, x + rr * cos (a), y + rr * sin (a));
          else
            cairo_line_to (cr, x + rr * cos (a), y + rr * sin (a));
        }
      cairo_close_path (cr);
      break;
    case PM_MARKER_CIRCLE:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, open_shape ? line_width * 1.4 : line_width);
  if (fill && !open_shape)
    {
      pm_chart_set_color (cr, fill);
      cairo_fill_preserve (cr);
    }
  pm_chart_set_color (cr, stroke);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Fills the current path as a zone: a light tint, and in print a hatching
 * that survives a black and white copier. The path is consumed. */
void
pm_chart_canvas_fill_zone (PmChartCanvas *canvas,
                           const PmRgba  *color,
                           gboolean       cross)
{
  cairo_t *cr = canvas->cr;

  pm_chart_set_color (cr, color);
  if (!canvas->theme.mono)
    {
      cairo_fill (cr);
      return;
    }

  cairo_fill_preserve (cr);
  if (cross && canvas->hatch_cross == NULL)
    canvas->hatch_cross = create_hatch (canvas->theme.font * 0.6, canvas->theme.thin * 0.8, TRUE);
  else if (!cross && canvas->hatch == NULL)
    canvas->hatch = create_hatch (canvas->theme.font * 0.6, canvas->theme.thin * 0.8, FALSE);
  cairo_set_source (cr, cross ? canvas->hatch_cross : canvas->hatch);
  cairo_fill (cr);
}

void
pm_chart_canvas_add_plot (PmChartCanvas *canvas,
                          double         x,
                          double         y,
                          double         width,
                          double         height,
                          double         year_min,
                          double         year_max,
                          double         value_min,
                          double         value_max)
{
  PmBox box = { x, y, width, height };
  PmBox base = to_base (canvas, &box);

  pm_chart_layout_add_plot (canvas->layout, base.x, base.y, base.width, base.height,
                            year_min, year_max, value_min, value_max);
}

void
pm_chart_canvas_add_axis_break (PmChartCanvas *canvas,
                                double         x,
                                double         y,
                                double         far_min,
                                double         far_max)
{
  PmBox box = { x, y, 0, 0 };
  PmBox base = to_base (canvas, &box);

  pm_chart_layout_set_axis_break (canvas->layout, base.x, base.y, far_min, far_max);
}

static int
decimals_for_step (double step)
{
  int decimals = 0;

  /* the fewest decimals that print every multiple of step exactly */
  while (decimals < 6)
    {
      double scaled = step * pow (10, decimals);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, scaled))
        break;
      decimals++;
    }

  return decimals;
}

void
pm_chart_nice_ticks (double   min,
                     double   max,
                     int      max_ticks,
                     PmTicks *ticks)
{
  static const double steps[] = { 1, 2, 2.5, 5, 10 };
  double range, raw, magnitude;

  g_return_if_fail (ticks != NULL);

  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (min) || !isfinite (max))
    min = 0, max = 1;
  if (min > max)
    {
      double t = min;

      min = max;
      max = t;
    }
  if (max - min < 1e-12 * MAX (1.0, fabs (max)))
    {
      /* one value: a range around it, keeping zero as the floor of
       * positive values */
      double half = min == 0 ? 1 : fabs (min) * 0.1;

      max = min + half;
      min = (min >= 0 && min - half < 0) ? 0 : min - half;
    }

  range = max - min;
  raw = range / (max_ticks - 1);
  magnitude = pow (10, floor (log10 (raw)));

  for (int attempt = 0; attempt < 3; attempt++, magnitude *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        double step = steps[i] * magnitude;
        double lo, hi;
        int n;

        if (step < raw * 0.999)
          continue;

        lo = floor (min / step + 1e-9) * step;
        hi = ceil (max / step - 1e-9) * step;
        n = (int) round ((hi - lo) / step) + 1;
        if (n > max_ticks)
          continue;

        ticks->min = lo;
        ticks->max = hi;
        ticks->step = step;
        ticks->n = n;
        ticks->decimals = decimals_for_step (step);
        return;
      }

  /* not reached for finite input; keep a sane answer anyway */
  ticks->min = min;
  ticks->max = max;
  ticks->step = range;
  ticks->n = 2;
  ticks->decimals = decimals_for_step (range);
}

/* Returns: (transfer full): the number with that many decimals, in the C
 * locale, never “-0” */
char *
pm_chart_format_number (double value,
                        int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", CLAMP (decimals, 0, 9));
  double limit = 0.5 * pow (10, -decimals);

  if (fabs (value) < limit)
    value = 0;

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

/* Returns: (transfer full): a value as it would be printed: the fewest
 * decimals (at most four) that show it */
char *
pm_chart_format_value (double value)
{
  int decimals = 0;
  char *text;

  while (decimals < 4)
    {
      double scaled = value * pow (10, decimals);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, fabs (scaled)))
        break;
      decimals++;
    }

  text = pm_chart_format_number (value, decimals);
  /* 0.00001 prints as 0, not 0.0000 */
  if (strchr (text, '.'))
    {
      char *end = text + strlen (text);

      while (end > text && end[-1] == '0')
        *--end = '\0';
      if (end > text && end[-1] == '.')
        *--end = '\0';
      if (strcmp (text, "-0") == 0)
        strcpy (text, "0");
    }

  return text;
}
