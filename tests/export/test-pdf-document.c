/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "export-test-support.h"
#include "pm-pdf-document.h"

/* Synthetic text for tests only: a sentence repeated to length (characters). */
static char *
long_text (guint length)
{
  static const char *sentence = "推动妇女儿童发展规划各项目标任务落实，加强统计监测，定期通报进展情况。";
  GString *out = g_string_new (NULL);
  guint n = 0;

  while (n < length)
    {
      for (const char *p = sentence; *p && n < length; p = g_utf8_next_char (p), n++)
        g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (out, FALSE);
}

static char *
write_document (PmPdfDocument *document,
                const char    *dir)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, "document.pdf", NULL);

  g_assert_true (pm_pdf_document_write (document, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static PmPdfDocument *
make_long_table (guint n_rows)
{
  PmPdfDocument *document = pm_pdf_document_new ("表格");
  const double widths[] = { 1, 4, 2 };
  const char *header[] = { "编号", "任务", "部门" };

  pm_pdf_document_begin_part (document, PM_PDF_PORTRAIT, FALSE, "县妇联 2025年工作安排");
  pm_pdf_document_add_heading (document, 1, "县妇联 2025年工作安排");
  pm_pdf_document_add_table (document, 3, widths, header);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *code = g_strdup_printf ("T%u", i + 1);
      const char *row[] = { code, "开展妇女儿童权益保障宣传活动", "县妇联、县教委" };

      pm_pdf_document_add_row (document, row);
    }
  return document;
}

static void
test_pdf_is_a4_with_the_cjk_font_embedded (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (PmPdfDocument) document = make_long_table (3);
  g_autofree char *path = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *info = NULL;

  if (!export_test_need_tool ("pdffonts") || !export_test_need_tool ("pdfinfo"))
    return;

  path = write_document (document, dir);
  fonts = export_test_run ("pdffonts", path, NULL);
  g_assert_nonnull (strstr (fonts, "NotoSansCJK"));
  g_assert_null (strstr (fonts, " no  "));  /* every font embedded */
  info = export_test_run ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  g_assert_cmpuint (pm_pdf_document_get_unknown_glyphs (document), ==, 0);
}

static void
test_pdf_text_reads_back (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (PmPdfDocument) document = make_long_table (3);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!export_test_need_tool ("pdftotext"))
    return;

  path = write_document (document, dir);
  text = export_test_pdf_text (path, 0);
  g_assert_nonnull (strstr (text, "县妇联 2025年工作安排"));
  g_assert_nonnull (strstr (text, "开展妇女儿童权益保障宣传活动"));
  g_assert_nonnull (strstr (text, "T3"));
}

static void
test_pdf_every_page_says_page_n_of_m (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (PmPdfDocument) document = make_long_table (150);
  g_autofree char *path = NULL;
  guint n_pages;

  if (!export_test_need_tool ("pdftotext") || !export_test_need_tool ("pdfinfo"))
    return;

  path = write_document (document, dir);
  n_pages = export_test_pdf_pages (path);
  g_assert_cmpuint (n_pages, >, 2);
  g_assert_cmpuint (n_pages, ==, pm_pdf_document_get_n_pages (document));
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = export_test_pdf_text (path, (int) page);
      g_autofree char *expected = g_strdup_printf ("第 %u 页 / 共 %u 页", page, n_pages);

      g_assert_nonnull (strstr (text, expected));
    }
}

static void
test_pdf_table_repeats_its_header_on_every_page (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (PmPdfDocument) document = make_long_table (150);
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  guint n_pages;

  if (!export_test_need_tool ("pdftotext") || !export_test_need_tool ("pdfinfo"))
    return;

  path = write_document (document, dir);
  n_pages = export_test_pdf_pages (path);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = export_test_pdf_text (path, (int) page);
      g_autofree char *squeezed = export_test_squeeze (text);

      g_assert_nonnull (strstr (squeezed, "编号任务部门"));
    }

  /* and no row is lost or doubled at a page break */
  all = export_test_pdf_text (path, 0);
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *needle = g_strdup_printf ("\nT%u ", i);
      const char *hit = strstr (all, needle);

      g_assert_nonnull (hit);
      g_assert_null (strstr (hit + 1, needle));
    }
}

/* The cell's text lies inside its box, every line of it drawn. */
static void
assert_fragments_inside (GArray *fragments)
{
  for (guint i = 0; i < fragments->len; i++)
    {
      PmPdfCellFragment *f = &g_array_index (fragments, PmPdfCellFragment, i);

      g_assert_cmpuint (f->n_lines, >, 0);
      g_assert_cmpfloat (f->text_x, >=, f->x);
      g_assert_cmpfloat (f->text_x + f->text_width, <=, f->x + f->width + 0.01);
      g_assert_cmpfloat (f->text_y, >=, f->y);
      g_assert_cmpfloat (f->text_y + f->text_height, <=, f->y + f->height + 0.01);
      g_assert_cmpfloat (f->y + f->height, <=, PM_PDF_A4_HEIGHT);
    }
}

static void
test_pdf_long_task_text_wraps_within_its_cell (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (PmPdfDocument) document = pm_pdf_document_new (NULL);
  g_autofree char *text = long_text (500);
  g_autofree char *path = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr (GArray) fragments = NULL;
  const double widths[] = { 1, 5, 2 };
  const char *header[] = { "编号", "任务", "部门" };
  const char *row[] = { "WT1.1", text, "县卫生健康委" };
  guint table;

  if (!export_test_need_tool ("pdftotext"))
    return;

  table = pm_pdf_document_add_table (document, 3, widths, header);
  pm_pdf_document_add_row (document, row);
  path = write_document (document, dir);

  fragments = pm_pdf_document_get_cell_fragments (document, table, 0, 1);
  g_assert_cmpuint (fragments->len, ==, 1);
  assert_fragments_inside (fragments);
  /* about 22 characters a line at 9 pt in a 5/8 column: 500 need 20 lines or more */
  g_assert_cmpuint (g_array_index (fragments, PmPdfCellFragment, 0).n_lines, >=, 15);

  pdf_text = export_test_pdf_text (path, 0);
  squeezed = export_test_squeeze (pdf_text);
  g_assert_nonnull (strstr (squeezed, text));
}

static void
test_pdf_column_header_is_never_broken_inside_a_word (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (PmPdfDocument) document = pm_pdf_document_new (NULL);
  g_autofree char *text = long_text (400);
  g_autofree char *path = NULL;
  g_autofree char *pdf_text = NULL;
  const double widths[] = { 0.2, 10, 0.2 };
  const char *header[] = { "2025年数据", "任务", "Lead department" };
  const char *row[] = { "12", text, "县财政局" };

  if (!export_test_need_tool ("pdftotext"))
    return;

  /* far narrower than their headers, as given */
  pm_pdf_document_add_table (document, 3, widths, header);
  pm_pdf_document_add_row (document, row);
  path = write_document (document, dir);

  pdf_text = export_test_pdf_text (path, 0);
  g_assert_nonnull (strstr (pdf_text, "2025年数据"));
  g_assert_nonnull (strstr (pdf_text, "department"));
  g_assert_nonnull (strstr (pdf_text, "县财政局"));
}

static void
test_pdf_row_taller_than_a_page_continues_on_the_next (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (PmPdfDocument) document = pm_pdf_document_new (NULL);
  g_autofree char *text = long_text (6000);
  g_autofree char *path = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *pdf_text = NULL;
  g_autoptr (GArray) fragments = NULL;
  const double widths[] = { 1, 5 };
  const char *header[] = { "编号", "任务" };
  const char *row[] = { "WT1.1", text };
  guint table;

  if (!export_test_need_tool ("pdftotext"))
    return;

  /* the page furniture in English, told apart from the Chinese cells below */
  pm_pdf_document_set_language (document, PM_LANGUAGE_EN);
  pm_pdf_document_add_paragraph (document, PM_PDF_TEXT_BODY, "前言");
  table = pm_pdf_document_add_table (document, 2, widths, header);
  pm_pdf_document_add_row (document, row);
  path = write_document (document, dir);

  fragments = pm_pdf_document_get_cell_fragments (document, table, 0, 1);
  g_assert_cmpuint (fragments->len, >, 2);
  assert_fragments_inside (fragments);
  for (guint i = 1; i < fragments->len; i++)
    g_assert_cmpuint (g_array_index (fragments, PmPdfCellFragment, i).page, ==,
                      g_array_index (fragments, PmPdfCellFragment, i - 1).page + 1);

  /* every character once, in order, across the pages */
  pdf_text = export_test_pdf_text (path, 0);
  squeezed = export_test_squeeze (pdf_text);
  g_assert_nonnull (strstr (squeezed, "编号任务"));
  {
    g_autoptr (GString) body = g_string_new (NULL);
    const char *p = squeezed;
    const char *first = strstr (squeezed, "WT1.1");

    /* drop the page furniture and repeated headers between the pieces */
    g_assert_nonnull (first);
    for (p = first + strlen ("WT1.1"); *p; p = g_utf8_next_char (p))
      {
        if (g_str_has_prefix (p, "Page"))
          {
            p = strstr (p, "编号任务");
            g_assert_nonnull (p);
            p += strlen ("编号任务") - 1;
            continue;
          }
        g_string_append_unichar (body, g_utf8_get_char (p));
      }
    g_assert_true (g_str_has_prefix (body->str, text));
  }
}

static void
test_pdf_landscape_part_has_landscape_pages (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (PmPdfDocument) document = pm_pdf_document_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;

  if (!export_test_need_tool ("pdfinfo"))
    return;

  pm_pdf_document_begin_part (document, PM_PDF_PORTRAIT, FALSE, NULL);
  pm_pdf_document_add_heading (document, 1, "纵向");
  pm_pdf_document_begin_part (document, PM_PDF_LANDSCAPE, FALSE, NULL);
  pm_pdf_document_add_heading (document, 1, "横向");
  path = write_document (document, dir);

  info = export_test_run ("pdfinfo", "-f", "1", "-l", "2", path, NULL);
  g_assert_nonnull (strstr (info, "Page    1 size:  595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, "Page    2 size:  841.89 x 595.276 pts (A4)"));
}

static void
test_pdf_numbering_restarts_with_each_part_that_asks (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (PmPdfDocument) document = pm_pdf_document_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *page3 = NULL;

  if (!export_test_need_tool ("pdftotext"))
    return;

  pm_pdf_document_begin_part (document, PM_PDF_PORTRAIT, TRUE, NULL);
  pm_pdf_document_add_heading (document, 1, "县教委");
  pm_pdf_document_begin_part (document, PM_PDF_PORTRAIT, TRUE, NULL);
  pm_pdf_document_add_heading (document, 1, "县妇联");
  pm_pdf_document_begin_part (document, PM_PDF_PORTRAIT, FALSE, NULL);
  pm_pdf_document_add_heading (document, 1, "县妇联（续）");
  path = write_document (document, dir);

  page1 = export_test_pdf_text (path, 1);
  page2 = export_test_pdf_text (path, 2);
  page3 = export_test_pdf_text (path, 3);
  g_assert_nonnull (strstr (page1, "第 1 页 / 共 1 页"));
  g_assert_nonnull (strstr (page2, "第 1 页 / 共 2 页"));
  g_assert_nonnull (strstr (page3, "第 2 页 / 共 2 页"));
}

static void
test_pdf_cancelled_write_leaves_no_file (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (PmPdfDocument) document = make_long_table (20);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (dir, "cancelled.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (pm_pdf_document_write (document, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
}

static void
test_pdf_failed_write_keeps_the_previous_file (void)
{
  g_autofree char *dir = export_test_make_dir ();
  g_autoptr (PmPdfDocument) document = make_long_table (20);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (dir, "kept.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, "previous", -1, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (pm_pdf_document_write (document, path, cancellable, &error));
  g_assert_nonnull (error);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "previous");
}

static void
test_pdf_missing_folder_is_an_error_naming_it (void)
{
  g_autoptr (PmPdfDocument) document = make_long_table (2);
  g_autoptr (GError) error = NULL;

  g_assert_false (pm_pdf_document_write (document, "/nonexistent-folder/x.pdf", NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/pdf/is-a4-with-the-cjk-font-embedded",
                   test_pdf_is_a4_with_the_cjk_font_embedded);
  g_test_add_func ("/export/pdf/text-reads-back", test_pdf_text_reads_back);
  g_test_add_func ("/export/pdf/every-page-says-page-n-of-m",
                   test_pdf_every_page_says_page_n_of_m);
  g_test_add_func ("/export/pdf/table-repeats-its-header-on-every-page",
                   test_pdf_table_repeats_its_header_on_every_page);
  g_test_add_func ("/export/pdf/long-task-text-wraps-within-its-cell",
                   test_pdf_long_task_text_wraps_within_its_cell);
  g_test_add_func ("/export/pdf/column-header-is-never-broken-inside-a-word",
                   test_pdf_column_header_is_never_broken_inside_a_word);
  g_test_add_func ("/export/pdf/row-taller-than-a-page-continues-on-the-next",
                   test_pdf_row_taller_than_a_page_continues_on_the_next);
  g_test_add_func ("/export/pdf/landscape-part-has-landscape-pages",
                   test_pdf_landscape_part_has_landscape_pages);
  g_test_add_func ("/export/pdf/numbering-restarts-with-each-part-that-asks",
                   test_pdf_numbering_restarts_with_each_part_that_asks);
  g_test_add_func ("/export/pdf/cancelled-write-leaves-no-file",
                   test_pdf_cancelled_write_leaves_no_file);
  g_test_add_func ("/export/pdf/failed-write-keeps-the-previous-file",
                   test_pdf_failed_write_keeps_the_previous_file);
  g_test_add_func ("/export/pdf/missing-folder-is-an-error-naming-it",
                   test_pdf_missing_folder_is_an_error_naming_it);

  return g_test_run ();
}
