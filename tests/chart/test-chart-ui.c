/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing charts through GtkPrintOperation, and copying one to the
 * clipboard; runs under Xvfb. All values here are synthetic test data. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "chart-test-util.h"
#include "pm-chart-booklet.h"
#include "pm-chart-clipboard.h"
#include "pm-chart-print-operation.h"

static PmChartBooklet *
booklet_of (guint n,
            guint per_page)
{
  PmChartBooklet *booklet = pm_chart_booklet_new ("打印测试（合成测试数据）", PM_CHART_STYLE_PRINT,
                                                  per_page);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PmTrendData) data = chart_test_full_trend ();
      g_autofree char *title = g_strdup_printf ("打印指标%u（岁）", i + 1);
      g_autoptr (PmChart) chart = NULL;

      pm_trend_data_set_title (data, title);
      chart = pm_chart_new_trend (data);
      pm_chart_booklet_add (booklet, chart);
    }

  return booklet;
}

static char *
spawn_out (const char * const *argv)
{
  int status;
  char *out = chart_test_spawn (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return out;
}

static void
export_and_check (guint n_charts,
                  guint per_page,
                  guint n_pages)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pm-chart-print-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr (PmChartBooklet) booklet = booklet_of (n_charts, 1);
  PmChartPrintOperation *operation = pm_chart_print_operation_new (booklet);

  g_assert_no_error (error);
  pm_chart_print_operation_set_per_page (operation, per_page);
  g_assert_cmpuint (pm_chart_print_operation_get_per_page (operation), ==, per_page);

  g_assert_true (pm_chart_print_operation_export_pdf (operation, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_finalize_object (operation);

  if (chart_test_find_program ("pdfinfo") && chart_test_find_program ("pdftotext"))
    {
      const char *info_argv[] = { "pdfinfo", path, NULL };
      const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
      g_autofree char *info = spawn_out (info_argv);
      g_autofree char *text = spawn_out (text_argv);
      g_autofree char *pages = g_strdup_printf ("Pages:           %u\n", n_pages);
      g_autofree char *last = g_strdup_printf ("第%u页/共%u页", n_pages, n_pages);

      g_assert_nonnull (strstr (info, pages));
      for (guint i = 1; i <= n_charts; i++)
        {
          g_autofree char *title = g_strdup_printf ("打印指标%u", i);

          g_assert_nonnull (strstr (text, title));
        }
      g_assert_nonnull (strstr (text, last));
    }
  else
    g_test_message ("poppler-utils missing: the PDF's pages are not counted");

  g_remove (path);
  g_rmdir (dir);
}

static void
test_print_operation_exports_a_pdf_without_a_dialog (void)
{
  export_and_check (3, 1, 3);
}

static void
test_print_operation_puts_two_or_four_on_a_page (void)
{
  export_and_check (3, 2, 2);
  export_and_check (5, 4, 2);
}

static void
test_print_operation_starts_from_a4 (void)
{
  g_autoptr (PmChartBooklet) two = booklet_of (2, 2);
  g_autoptr (PmChartBooklet) four = booklet_of (2, 4);
  PmChartPrintOperation *upright = pm_chart_print_operation_new (two);
  PmChartPrintOperation *across = pm_chart_print_operation_new (four);
  GtkPageSetup *setup;

  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (upright));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==,
                   GTK_PAPER_NAME_A4);
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_PORTRAIT);
  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (across));
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);

  g_assert_finalize_object (upright);
  g_assert_finalize_object (across);
}

static void
texture_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr (GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
test_clipboard_holds_the_chart_as_an_image (void)
{
  g_autoptr (PmTrendData) data = chart_test_full_trend ();
  g_autoptr (PmChart) chart = pm_chart_new_trend (data);
  GdkClipboard *clipboard = gdk_display_get_clipboard (gdk_display_get_default ());
  GdkTexture *texture = NULL;
  GdkContentFormats *formats;
  g_autofree guchar *pixels = NULL;

  pm_chart_copy_to_clipboard (chart, clipboard, PM_CHART_STYLE_SLIDE, 960, 540, 2.0);

  /* offered as an image that office suites read */
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));

  gdk_clipboard_read_texture_async (clipboard, NULL, texture_read_cb, &texture);
  while (texture == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1920);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1080);

  /* the chart, not an empty image: a white background with ink on it */
  pixels = g_malloc (1920 * 1080 * 4);
  gdk_texture_download (texture, pixels, 1920 * 4);
  {
    guint dark = 0;

    for (gsize i = 0; i < 1920 * 1080 * 4; i += 4)
      if (pixels[i] < 100 && pixels[i + 1] < 100 && pixels[i + 2] < 100)
        dark++;
    g_assert_cmpuint (dark, >, 1000);
  }

  g_object_unref (texture);
}

static void
test_texture_has_the_size_asked_for (void)
{
  g_autoptr (PmTrendData) data = chart_test_full_trend ();
  g_autoptr (PmChart) chart = pm_chart_new_trend (data);
  GdkTexture *texture = pm_chart_render_texture (chart, PM_CHART_STYLE_SCREEN, 800, 500, 1.0);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, 800);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 500);
  g_assert_finalize_object (texture);
}

static void
test_needs_a_display (void)
{
  g_test_skip ("No display: these tests run under Xvfb");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/chart/ui/needs-a-display", test_needs_a_display);
      return g_test_run ();
    }

  g_test_add_func ("/chart/print/operation-exports-a-pdf-without-a-dialog",
                   test_print_operation_exports_a_pdf_without_a_dialog);
  g_test_add_func ("/chart/print/operation-puts-two-or-four-on-a-page",
                   test_print_operation_puts_two_or_four_on_a_page);
  g_test_add_func ("/chart/print/operation-starts-from-a4", test_print_operation_starts_from_a4);
  g_test_add_func ("/chart/clipboard/holds-the-chart-as-an-image",
                   test_clipboard_holds_the_chart_as_an_image);
  g_test_add_func ("/chart/clipboard/texture-has-the-size-asked-for",
                   test_texture_has_the_size_asked_for);

  return g_test_run ();
}
