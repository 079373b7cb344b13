/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts as PNG, SVG and PDF files, and booklets of them. All values here
 * are synthetic test data. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "chart-test-util.h"
#include "pm-chart-booklet.h"
#include "pm-chart-export.h"
#include "pm-chart.h"
#include "pm-types.h"

static char *
temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("pm-chart-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static PmChart *
full_chart (void)
{
  g_autoptr (PmTrendData) data = chart_test_full_trend ();

  return pm_chart_new_trend (data);
}

/* The chunk of that type in a PNG file, or NULL. */
static const guint8 *
find_chunk (const char *bytes,
            gsize       length,
            const char *type)
{
  for (gsize i = 0; i + 4 <= length; i++)
    if (memcmp (bytes + i, type, 4) == 0)
      return (const guint8 *) bytes + i;
  return NULL;
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
test_png_has_the_size_asked_for (void)
{
  static const struct
  {
    int width, height;
    double dpi;
  } cases[] = {
    { 1600, 900, 96 },
    { 640, 480, 96 },
    { 3508, 2480, 300 },
    { 1920, 1080, 144 },
  };
  g_autofree char *dir = temp_dir ();
  g_autoptr (PmChart) chart = full_chart ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/chart-%u.png", dir, i);
      g_autoptr (GError) error = NULL;
      g_autofree char *bytes = NULL;
      gsize length;
      cairo_surface_t *surface;
      const guint8 *phys;

      g_assert_true (pm_chart_write_file (chart, path, PM_CHART_STYLE_SCREEN, cases[i].width,
                                          cases[i].height, cases[i].dpi, &error));
      g_assert_no_error (error);

      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, cases[i].width);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, cases[i].height);
      cairo_surface_destroy (surface);

      /* the resolution, for applications that size a pasted image by it */
      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      phys = find_chunk (bytes, length, "pHYs");
      g_assert_nonnull (phys);
      g_assert_cmpuint (read_be32 (phys + 4), ==, (guint32) round (cases[i].dpi / 0.0254));
      g_assert_cmpuint (phys[12], ==, 1);
    }

  remove_dir (dir);
}

static void
test_higher_dpi_draws_larger_type (void)
{
  g_autoptr (PmChart) chart = full_chart ();
  g_autoptr (PmChartLayout) at_96 = pm_chart_layout_new ();
  g_autoptr (PmChartLayout) at_192 = pm_chart_layout_new ();
  cairo_surface_t *a = pm_chart_render_image (chart, PM_CHART_STYLE_PRINT, 2400, 1600, 96, at_96);
  cairo_surface_t *b = pm_chart_render_image (chart, PM_CHART_STYLE_PRINT, 2400, 1600, 192, at_192);
  const PmChartLabel *title_a = pm_chart_layout_find_label (at_96, PM_CHART_LABEL_TITLE, NULL);
  const PmChartLabel *title_b = pm_chart_layout_find_label (at_192, PM_CHART_LABEL_TITLE, NULL);

  /* the layouts are in the chart's own units: at 192 dpi a unit is 2 pixels */
  g_assert_nonnull (title_a);
  g_assert_nonnull (title_b);
  g_assert_cmpfloat (title_b->height * 2, >, title_a->height * 1.2);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

typedef struct
{
  guint elements;
  gboolean svg_root;
  char *width;
} SvgCheck;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgCheck *check = user_data;

  if (check->elements++ == 0)
    {
      check->svg_root = g_strcmp0 (element, "svg") == 0;
      for (guint i = 0; names[i]; i++)
        if (g_strcmp0 (names[i], "width") == 0)
          check->width = g_strdup (values[i]);
    }
}

static void
test_svg_parses_as_xml (void)
{
  static const GMarkupParser parser = { svg_start, NULL, NULL, NULL, NULL };
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr (PmChart) chart = full_chart ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autofree char *text = NULL;
  gsize length;
  SvgCheck check = { 0 };

  g_assert_true (pm_chart_write_file (chart, path, PM_CHART_STYLE_SLIDE, 1920, 1080, 96, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_true (g_str_has_prefix (text, "<?xml"));

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &check, NULL);
  /* skip the XML declaration, which GMarkup does not take */
  g_assert_true (g_markup_parse_context_parse (context, strstr (text, "?>") + 2, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_true (check.svg_root);
  g_assert_cmpuint (check.elements, >, 50);
  g_assert_cmpstr (check.width, ==, "1920px");

  g_free (check.width);
  remove_dir (dir);
}

static gboolean
have_poppler (void)
{
  if (chart_test_find_program ("pdftotext") && chart_test_find_program ("pdffonts") &&
      chart_test_find_program ("pdfinfo"))
    return TRUE;

  g_test_skip ("poppler-utils (pdftotext, pdffonts, pdfinfo) are not installed");
  return FALSE;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status;
  char *out = chart_test_spawn (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return out;
}

/* Every font of the PDF is embedded: pdffonts' emb column says yes. */
static void
assert_fonts_embedded (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  int status;
  g_autofree char *out = chart_test_spawn (argv, &status);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  guint fonts = 0;

  g_assert_cmpint (status, ==, 0);
  for (guint i = 2; lines[i]; i++)
    {
      g_auto (GStrv) fields = NULL;
      g_autoptr (GPtrArray) words = g_ptr_array_new ();

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit_set (lines[i], " ", -1);
      for (guint j = 0; fields[j]; j++)
        if (*fields[j])
          g_ptr_array_add (words, fields[j]);
      /* name type [encoding] emb sub uni object ID: emb is the 5th from the end */
      g_assert_cmpuint (words->len, >=, 6);
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      fonts++;
    }
  g_assert_cmpuint (fonts, >, 0);
}

static void
test_pdf_holds_the_name_and_years_as_text (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr (PmChart) chart = full_chart ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;

  if (!have_poppler ())
    return;

  g_assert_true (pm_chart_write_file (chart, path, PM_CHART_STYLE_PRINT, 1123, 794, 96, &error));
  g_assert_no_error (error);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "妇女人均预期寿命"));
  g_assert_nonnull (strstr (text, "2010"));
  g_assert_nonnull (strstr (text, "2020"));
  g_assert_nonnull (strstr (text, "2030"));
  g_assert_nonnull (strstr (text, "进展顺利"));
  assert_fonts_embedded (path);

  remove_dir (dir);
}

/* The same drawing code on every surface: the labels land in the same
 * places on an image and in a PDF, and the PDF, rasterised, looks like the
 * PNG. */
static void
test_png_and_pdf_are_the_same_drawing (void)
{
  g_autoptr (PmChart) chart = full_chart ();
  g_autoptr (PmChartLayout) on_image = pm_chart_layout_new ();
  g_autoptr (PmChartLayout) on_pdf = pm_chart_layout_new ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *raster = NULL;
  cairo_surface_t *image, *surface;
  cairo_t *cr;
  double sum = 0;
  int n = 0;

  image = pm_chart_render_image (chart, PM_CHART_STYLE_SCREEN, 1200, 750, 96, on_image);

  surface = cairo_pdf_surface_create (pdf, 1200 * 0.75, 750 * 0.75);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.75, 0.75);
  pm_chart_draw (chart, cr, PM_CHART_STYLE_SCREEN, 1200, 750, on_pdf);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (pm_chart_layout_get_n_labels (on_image), ==,
                    pm_chart_layout_get_n_labels (on_pdf));
  for (guint i = 0; i < pm_chart_layout_get_n_labels (on_image); i++)
    {
      const PmChartLabel *a = pm_chart_layout_get_label (on_image, i);
      const PmChartLabel *b = pm_chart_layout_get_label (on_pdf, i);

      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpfloat_with_epsilon (a->x, b->x, 0.1);
      g_assert_cmpfloat_with_epsilon (a->y, b->y, 0.1);
      g_assert_cmpfloat_with_epsilon (a->width, b->width, 0.1);
    }

  if (chart_test_find_program ("pdftoppm"))
    {
      const char *argv[] = { "pdftoppm", "-png", "-r", "96", "-singlefile", pdf, prefix, NULL };
      int status;
      g_autofree char *out = chart_test_spawn (argv, &status);
      cairo_surface_t *page;

      g_assert_cmpint (status, ==, 0);
      raster = g_strconcat (prefix, ".png", NULL);
      page = cairo_image_surface_create_from_png (raster);
      g_assert_cmpint (cairo_surface_status (page), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (page), ==, 1200);
      g_assert_cmpint (cairo_image_surface_get_height (page), ==, 750);

      for (int y = 0; y < 750; y += 3)
        for (int x = 0; x < 1200; x += 3)
          {
            PmRgba p, q;

            chart_test_pixel (image, x, y, &p);
            chart_test_pixel (page, x, y, &q);
            sum += fabs (p.red - q.red) + fabs (p.green - q.green) + fabs (p.blue - q.blue);
            n++;
          }
      /* antialiasing differs a little between renderers, the drawing not */
      g_assert_cmpfloat (sum / n / 3, <, 0.02);
      cairo_surface_destroy (page);
    }

  cairo_surface_destroy (image);
  remove_dir (dir);
}

static void
test_unknown_extension_is_refused (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.jpg", NULL);
  g_autoptr (PmChart) chart = full_chart ();
  g_autoptr (GError) error = NULL;

  g_assert_false (pm_chart_write_file (chart, path, PM_CHART_STYLE_SCREEN, 800, 500, 96, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "chart.jpg"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_dir (dir);
}

static void
test_unwritable_place_names_the_file (void)
{
  g_autoptr (PmChart) chart = full_chart ();
  g_autoptr (GError) error = NULL;

  g_assert_false (pm_chart_write_file (chart, "/nonexistent-dir/chart.png", PM_CHART_STYLE_SCREEN,
                                       800, 500, 96, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/chart.png"));
}

static void
test_sizes_parse_as_width_by_height (void)
{
  int w = 0, h = 0;

  g_assert_true (pm_chart_parse_size ("1600x900", &w, &h));
  g_assert_cmpint (w, ==, 1600);
  g_assert_cmpint (h, ==, 900);
  g_assert_true (pm_chart_parse_size ("800×600", &w, &h));
  g_assert_cmpint (w, ==, 800);
  g_assert_true (pm_chart_parse_size ("1024X768", &w, &h));
  g_assert_false (pm_chart_parse_size ("1600", &w, &h));
  g_assert_false (pm_chart_parse_size ("0x900", &w, &h));
  g_assert_false (pm_chart_parse_size ("-5x900", &w, &h));
  g_assert_false (pm_chart_parse_size ("100000x900", &w, &h));
  g_assert_false (pm_chart_parse_size ("axb", &w, &h));
  g_assert_false (pm_chart_parse_size ("", &w, &h));
}

static PmChartBooklet *
booklet_in_style (guint        n,
                  guint        per_page,
                  PmChartStyle style)
{
  PmChartBooklet *booklet = pm_chart_booklet_new ("云阳县妇女发展规划（2021—2030年）指标趋势图",
                                                  style, per_page);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PmTrendData) data = chart_test_full_trend ();
      g_autofree char *title = g_strdup_printf ("测试指标%u（%%）", i + 1);
      g_autoptr (PmChart) chart = NULL;

      pm_trend_data_set_title (data, title);
      chart = pm_chart_new_trend (data);
      pm_chart_booklet_add (booklet, chart);
    }

  return booklet;
}

static PmChartBooklet *
booklet_of (guint n,
            guint per_page)
{
  return booklet_in_style (n, per_page, PM_CHART_STYLE_PRINT);
}

static void
test_booklet_has_page_numbers_and_every_chart (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "booklet.pdf", NULL);
  g_autoptr (PmChartBooklet) booklet = booklet_of (5, 2);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  int status;

  if (!have_poppler ())
    return;

  g_assert_cmpuint (pm_chart_booklet_get_n_pages (booklet), ==, 3);
  g_assert_true (pm_chart_booklet_write_pdf (booklet, path, &error));
  g_assert_no_error (error);

  info = chart_test_spawn (argv, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (info, "Pages:           3"));
  /* two charts a page: A4 upright */
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts"));

  text = pdf_text (path);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("测试指标%u", i);

      g_assert_nonnull (strstr (text, title));
    }
  g_assert_nonnull (strstr (text, "第1页/共3页"));
  g_assert_nonnull (strstr (text, "第3页/共3页"));
  g_assert_nonnull (strstr (text, "指标趋势图"));
  assert_fonts_embedded (path);

  remove_dir (dir);
}

static void
test_booklet_pages_fit_without_overlap (void)
{
  static const guint per_page[] = { 1, 2, 4 };

  for (guint p = 0; p < G_N_ELEMENTS (per_page); p++)
    {
      g_autoptr (PmChartBooklet) booklet = booklet_of (4, per_page[p]);
      g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
      double width, height;
      cairo_surface_t *surface;
      cairo_t *cr;

      pm_chart_booklet_get_paper_size (booklet, &width, &height);
      /* two pixels a point */
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * 2), (int) (height * 2));
      cr = cairo_create (surface);
      cairo_scale (cr, 2, 2);
      pm_chart_booklet_draw_page (booklet, cr, width, height, 0, layout);
      cairo_destroy (cr);

      chart_test_assert_layout_clean (layout, width, height);
      g_assert_cmpuint (pm_chart_layout_get_n_plots (layout), ==, per_page[p]);
      g_assert_cmpuint (pm_chart_layout_count_labels (layout, PM_CHART_LABEL_PAGE), ==, 1);
      cairo_surface_destroy (surface);
    }
}

static void
test_booklet_of_slides_keeps_18_pt_type (void)
{
  static const guint per_page[] = { 1, 2, 4 };

  for (guint p = 0; p < G_N_ELEMENTS (per_page); p++)
    {
      g_autoptr (PmChartBooklet) booklet = booklet_in_style (4, per_page[p], PM_CHART_STYLE_SLIDE);
      g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
      double width, height;
      cairo_surface_t *surface;
      cairo_t *cr;

      pm_chart_booklet_get_paper_size (booklet, &width, &height);
      g_assert_cmpfloat (height, ==, 540);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
      cr = cairo_create (surface);
      pm_chart_booklet_draw_page (booklet, cr, width, height, 0, layout);
      cairo_destroy (cr);

      g_test_message ("%u a page", per_page[p]);
      /* the layout is in points of the 960 × 540 pt slide; four charts of
       * a quarter slide each are only kept clean */
      for (guint i = 0; per_page[p] <= 2 && i < pm_chart_layout_get_n_labels (layout); i++)
        {
          const PmChartLabel *label = pm_chart_layout_get_label (layout, i);

          if (label->size < 18 - 0.01)
            g_error ("“%s” is %.1f pt", label->text, label->size);
        }
      chart_test_assert_layout_clean (layout, width, height);
      cairo_surface_destroy (surface);
    }
}

static void
test_booklet_slide_breaks_the_axis_of_a_far_2010_value (void)
{
  static const double values[] = { 98.2, 98.3, 98.45 };
  g_autoptr (PmChartBooklet) booklet = pm_chart_booklet_new ("指标趋势图（合成测试数据）",
                                                            PM_CHART_STYLE_SLIDE, 1);
  g_autoptr (PmTrendData) data = chart_test_trend ("高中阶段教育女性毛入学率（%）",
                                                   PM_CHART_TARGET_COMPARISON, "＞98.5", 98.5);
  g_autoptr (PmChart) chart = NULL;
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 540);
  cairo_t *cr = cairo_create (surface);

  /* W12 as printed (85.3, 98.06), synthetic values since */
  data->target.op = PM_CHART_OP_GT;
  pm_trend_data_add_point (data, 2010, 85.3, PM_TREND_POINT_HISTORY);
  pm_trend_data_add_point (data, 2020, 98.06, PM_TREND_POINT_HISTORY);
  chart_test_add_values (data, 2021, values, G_N_ELEMENTS (values));
  pm_trend_data_set_status (data, PM_CHART_STATUS_ON_TRACK, NULL, "2023年为98.45%，按2020年以来的增速到2030年约为99.37%，目标＞98.5%，进度正常");
  data->baseline_year = 2020;
  data->baseline_value = 98.06;
  data->required_value = 98.5;
  data->projection_from_year = 2023;
  data->projection_from_value = 98.45;
  data->projected_value = 99.37;
  pm_trend_data_set_footnote (data, "W12 · 责任单位：县教委 · 指标属性：预期性 · 数据来源：2010, 2020年数据为专栏1所载云阳县妇女发展规划（2011—2020年）完成情况（HW5）；此后各年：合成测试数据");
  chart = pm_chart_new_trend (data);
  pm_chart_booklet_add (booklet, chart);

  pm_chart_booklet_draw_page (booklet, cr, 960, 540, 0, layout);
  g_assert_true (pm_chart_layout_get_axis_break (layout, 0, NULL, NULL, NULL, NULL));
  chart_test_assert_layout_clean (layout, 960, 540);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_empty_booklet_has_one_page_that_says_so (void)
{
  g_autoptr (PmChartBooklet) booklet = booklet_of (0, 4);
  g_autoptr (PmChartLayout) layout = pm_chart_layout_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 842, 595);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpuint (pm_chart_booklet_get_n_pages (booklet), ==, 1);
  pm_chart_booklet_draw_page (booklet, cr, 842, 595, 0, layout);
  g_assert_nonnull (pm_chart_layout_find_label (layout, PM_CHART_LABEL_MESSAGE, NULL));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/export/png-has-the-size-asked-for", test_png_has_the_size_asked_for);
  g_test_add_func ("/chart/export/higher-dpi-draws-larger-type", test_higher_dpi_draws_larger_type);
  g_test_add_func ("/chart/export/svg-parses-as-xml", test_svg_parses_as_xml);
  g_test_add_func ("/chart/export/pdf-holds-the-name-and-years-as-text",
                   test_pdf_holds_the_name_and_years_as_text);
  g_test_add_func ("/chart/export/png-and-pdf-are-the-same-drawing",
                   test_png_and_pdf_are_the_same_drawing);
  g_test_add_func ("/chart/export/unknown-extension-is-refused", test_unknown_extension_is_refused);
  g_test_add_func ("/chart/export/unwritable-place-names-the-file",
                   test_unwritable_place_names_the_file);
  g_test_add_func ("/chart/export/sizes-parse-as-width-by-height", test_sizes_parse_as_width_by_height);
  g_test_add_func ("/chart/booklet/has-page-numbers-and-every-chart",
                   test_booklet_has_page_numbers_and_every_chart);
  g_test_add_func ("/chart/booklet/pages-fit-without-overlap", test_booklet_pages_fit_without_overlap);
  g_test_add_func ("/chart/booklet/of-slides-keeps-18-pt-type", test_booklet_of_slides_keeps_18_pt_type);
  g_test_add_func ("/chart/booklet/slide-breaks-the-axis-of-a-far-2010-value",
                   test_booklet_slide_breaks_the_axis_of_a_far_2010_value);
  g_test_add_func ("/chart/booklet/empty-booklet-has-one-page-that-says-so",
                   test_empty_booklet_has_one_page_that_says_so);

  return g_test_run ();
}
