/* SPDX-License-Identifier: GPL-3.0-or-later */
/* --export-chart and --export-charts, run as a user would, with no display. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "chart-test-util.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_plan_monitor (Run        *run,
                  const char *first_arg,
                  ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("PM_PLAN_MONITOR"));
  va_start (args, first_arg);
  for (arg = first_arg; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pm-chart-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static gboolean
have_poppler (void)
{
  if (chart_test_find_program ("pdftotext") && chart_test_find_program ("pdfinfo"))
    return TRUE;
  g_test_skip ("poppler-utils (pdftotext, pdfinfo) are not installed");
  return FALSE;
}

static void
test_help_lists_the_chart_options (void)
{
  g_auto (Run) run = { 0 };

  run_plan_monitor (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--export-chart=CODE"));
  g_assert_nonnull (strstr (run.out, "--export-charts"));
  g_assert_nonnull (strstr (run.out, "--size=WxH"));
  g_assert_nonnull (strstr (run.out, "--style=STYLE"));
  g_assert_nonnull (strstr (run.out, "--per-page=N"));
  g_assert_nonnull (strstr (run.out, "--dpi=DPI"));
  g_assert_nonnull (strstr (run.out, "plan-monitor --export-chart W2 --output W2.png"));
  g_assert_nonnull (strstr (run.out, "plan-monitor --export-charts women"));
}

static void
test_png_of_the_size_asked_for (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto (Run) run = { 0 };
  g_autofree char *path = path_in (fixture, "W2.png");
  cairo_surface_t *surface;

  run_plan_monitor (&run, "--export-chart", "W2", "--output", path, "--size", "800x500", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 500);
  cairo_surface_destroy (surface);
}

static void
test_default_size_follows_the_style (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_auto (Run) run = { 0 };
  g_autofree char *path = path_in (fixture, "slide.png");
  cairo_surface_t *surface;

  run_plan_monitor (&run, "--export-chart", "C1", "--output", path, "--style", "slide",
                    "--year", "2025", NULL);
  g_assert_cmpint (run.status, ==, 0);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
  cairo_surface_destroy (surface);
}

static void
test_pdf_and_svg_of_an_indicator (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_auto (Run) pdf_run = { 0 };
  g_auto (Run) svg_run = { 0 };
  g_autofree char *pdf = path_in (fixture, "HC27.1.pdf");
  g_autofree char *svg = path_in (fixture, "HC27.1.svg");
  g_autofree char *svg_text = NULL;

  run_plan_monitor (&pdf_run, "--export-chart", "HC27.1", "--output", pdf, "--style", "print", NULL);
  g_assert_cmpint (pdf_run.status, ==, 0);
  run_plan_monitor (&svg_run, "--export-chart", "hc27.1", "--output", svg, NULL);
  g_assert_cmpint (svg_run.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));

  if (have_poppler ())
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
      int status;
      g_autofree char *text = chart_test_spawn (argv, &status);

      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (text, "开展残疾儿童康复的残疾人康复服务机构"));
      g_assert_nonnull (strstr (text, "2010"));
      g_assert_nonnull (strstr (text, "2020"));
      g_assert_nonnull (strstr (text, ">30"));
    }
}

static void
test_several_codes_make_a_comparison (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) mixed = { 0 };
  g_autofree char *path = path_in (fixture, "myopia.png");
  g_autofree char *refused = path_in (fixture, "mixed.png");

  run_plan_monitor (&run, "--export-chart", "C10.1,C10.2,C10.3", "--output", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  run_plan_monitor (&mixed, "--export-chart", "C10.1,C12", "--output", refused, NULL);
  g_assert_cmpint (mixed.status, ==, 1);
  g_assert_nonnull (strstr (mixed.err, "C12"));
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

static void
test_domain_and_summary_charts (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto (Run) domain = { 0 };
  g_auto (Run) summary = { 0 };
  g_autofree char *domain_path = path_in (fixture, "domain.png");
  g_autofree char *summary_path = path_in (fixture, "summary.pdf");

  run_plan_monitor (&domain, "--export-chart", "儿童与健康", "--output", domain_path, "--size",
                    "2400x1600", NULL);
  g_assert_cmpint (domain.status, ==, 0);
  run_plan_monitor (&summary, "--export-chart", "summary", "--output", summary_path, "--year",
                    "2025", NULL);
  g_assert_cmpint (summary.status, ==, 0);
  g_assert_true (g_file_test (summary_path, G_FILE_TEST_IS_REGULAR));
}

static void
test_unknown_code_lists_similar_codes (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) far = { 0 };
  g_autofree char *path = path_in (fixture, "none.png");
  g_autofree char *pdf = path_in (fixture, "none.pdf");

  run_plan_monitor (&run, "--export-chart", "C10.4", "--output", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "C10.4"));
  g_assert_nonnull (strstr (run.err, "C10.1"));
  g_assert_nonnull (strstr (run.err, "C10.3"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  run_plan_monitor (&far, "--export-charts", "W2,XYZ123", "--output", pdf, NULL);
  g_assert_cmpint (far.status, ==, 1);
  g_assert_nonnull (strstr (far.err, "XYZ123"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_bad_options_are_usage_errors (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *png = path_in (fixture, "chart.png");
  g_autofree char *pdf = path_in (fixture, "booklet.pdf");
  g_autofree char *jpg = path_in (fixture, "chart.jpg");
  const char *cases[][8] = {
    { "--export-chart", "W2", "--output", png, "--size", "800", NULL },
    { "--export-chart", "W2", "--output", png, "--size", "0x500", NULL },
    { "--export-chart", "W2", "--output", png, "--style", "fancy", NULL },
    { "--export-chart", "W2", "--output", png, "--year", "2019", NULL },
    { "--export-chart", "W2", "--output", png, "--dpi", "5", NULL },
    { "--export-chart", "W2", "--output", jpg, NULL },
    { "--export-chart", "W2", NULL },
    { "--export-chart", "W2", "--output", png, "--per-page", "2", NULL },
    { "--export-charts", "all", "--output", png, NULL },
    { "--export-charts", "all", "--output", pdf, "--per-page", "3", NULL },
    { "--export-charts", "all", "--output", pdf, "--size", "800x600", NULL },
    { "--size", "800x600", NULL },
    { "--style", "print", NULL },
    { "--export-chart", "W2", "--export-charts", "all", "--output", pdf, NULL },
    { "--export-chart", "W2", "--output", png, "--evaluate", "2024", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };

      run_plan_monitor (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4],
                        cases[i][5], cases[i][6], cases[i][7], NULL);
      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "--help"));
    }

  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));
}

static void
test_missing_project_is_a_user_error (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_auto (Run) run = { 0 };
  g_autofree char *png = path_in (fixture, "chart.png");
  g_autofree char *project = path_in (fixture, "no-such.pmproj");

  run_plan_monitor (&run, "--export-chart", "W2", "--output", png, project, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_booklet_of_a_plan_with_page_numbers (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) codes = { 0 };
  g_autofree char *women = path_in (fixture, "women.pdf");
  g_autofree char *two = path_in (fixture, "two.pdf");

  run_plan_monitor (&run, "--export-charts", "women", "--output", women, "--per-page", "4", NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* the women's 2021–2030 plan: 47 rows and 3 sub-rows, 4 a page */
  g_assert_nonnull (strstr (run.out, "50"));
  g_assert_nonnull (strstr (run.out, "13"));

  run_plan_monitor (&codes, "--export-charts", "C1, C2", "--output", two, "--per-page", "2",
                    "--style", "print", NULL);
  g_assert_cmpint (codes.status, ==, 0);

  if (have_poppler ())
    {
      const char *info_argv[] = { "pdfinfo", women, NULL };
      const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", two, "-", NULL };
      int status;
      g_autofree char *info = chart_test_spawn (info_argv, &status);
      g_autofree char *text = chart_test_spawn (text_argv, &status);

      g_assert_nonnull (strstr (info, "Pages:           13"));
      g_assert_nonnull (strstr (text, "新生儿死亡率"));
      g_assert_nonnull (strstr (text, "婴儿死亡率"));
      g_assert_nonnull (strstr (text, "第1页/共1页"));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/chart/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/chart/cli/help-lists-the-chart-options", test_help_lists_the_chart_options);
  ADD ("png-of-the-size-asked-for", test_png_of_the_size_asked_for);
  ADD ("default-size-follows-the-style", test_default_size_follows_the_style);
  ADD ("pdf-and-svg-of-an-indicator", test_pdf_and_svg_of_an_indicator);
  ADD ("several-codes-make-a-comparison", test_several_codes_make_a_comparison);
  ADD ("domain-and-summary-charts", test_domain_and_summary_charts);
  ADD ("unknown-code-lists-similar-codes", test_unknown_code_lists_similar_codes);
  ADD ("bad-options-are-usage-errors", test_bad_options_are_usage_errors);
  ADD ("missing-project-is-a-user-error", test_missing_project_is_a_user_error);
  ADD ("booklet-of-a-plan-with-page-numbers", test_booklet_of_a_plan_with_page_numbers);

#undef ADD

  return g_test_run ();
}
