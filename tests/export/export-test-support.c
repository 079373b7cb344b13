/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "export-test-support.h"

static void
remove_dir (gpointer data)
{
  g_autofree char *dir = data;
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (g_steal_pointer (&path));
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* Returns: (transfer full): a new empty folder, removed after the test */
char *
export_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("pm-export-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy (remove_dir, g_strdup (dir));
  return dir;
}

/* Skips the test when the tool is not installed. */
gboolean
export_test_need_tool (const char *tool)
{
  g_autofree char *found = g_find_program_in_path (tool);

  if (found == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", tool);

      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

/* Returns: (transfer full): what the command printed; it must succeed */
char *
export_test_run (const char *first_arg,
                 ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;
  va_list args;

  va_start (args, first_arg);
  for (const char *arg = first_arg; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", first_arg, err);
  return out;
}

/* Returns: (transfer full): the text of the PDF (page 0: every page) in the
 * order it is drawn */
char *
export_test_pdf_text (const char *path,
                      int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);

  if (page > 0)
    return export_test_run ("pdftotext", "-raw", "-enc", "UTF-8", "-f", first, "-l", first,
                            path, "-", NULL);
  return export_test_run ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
}

guint
export_test_pdf_pages (const char *path)
{
  g_autofree char *info = export_test_run ("pdfinfo", path, NULL);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:") + strspn (line + 6, " "), NULL, 10);
}

typedef struct
{
  guint page;
  double left, top;
  GString *text;
} Word;

static void
word_free (Word *word)
{
  g_string_free (word->text, TRUE);
  g_free (word);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  const Word *x = *(const Word *const *) a, *y = *(const Word *const *) b;

  if (x->page != y->page)
    return x->page < y->page ? -1 : 1;
  if (ABS (x->top - y->top) >= 1)
    return x->top < y->top ? -1 : 1;
  return x->left < y->left ? -1 : x->left > y->left;
}

/* Returns: (transfer full) (element-type utf8): the lines of text drawn in
 * the table column headed header (one word), on every page where it heads
 * a column, top to bottom, as pdftotext reads them (the words of a line
 * joined). A column ends where text starts at the page margin (a heading,
 * a paragraph: cells start 4 pt inside it) or at the foot of the page. */
GPtrArray *
export_test_pdf_column_lines (const char *path,
                              const char *header)
{
  g_autofree char *tsv = export_test_run ("pdftotext", "-tsv", "-enc", "UTF-8", path, "-", NULL);
  g_auto (GStrv) rows = g_strsplit (tsv, "\n", -1);
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  double page_height = G_MAXDOUBLE;

  for (guint i = 1; rows[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (rows[i], "\t", -1);
      Word *word;

      if (g_strv_length (f) < 12)
        continue;
      if (strcmp (f[0], "1") == 0)
        page_height = g_ascii_strtod (f[9], NULL);
      /* words only, and not the page number at the foot (58 pt margin) */
      if (strcmp (f[0], "5") != 0 || g_ascii_strtod (f[7], NULL) > page_height - 58)
        continue;
      word = g_new0 (Word, 1);
      word->page = (guint) g_ascii_strtoull (f[1], NULL, 10);
      word->left = g_ascii_strtod (f[6], NULL);
      word->top = g_ascii_strtod (f[7], NULL);
      word->text = g_string_new (f[11]);
      g_ptr_array_add (words, word);
    }
  g_ptr_array_sort (words, compare_words);

  for (guint h = 0; h < words->len; h++)
    {
      const Word *head = g_ptr_array_index (words, h);
      double right = G_MAXDOUBLE;
      GString *line = NULL;
      double line_top = 0;

      if (strcmp (head->text->str, header) != 0)
        continue;
      /* the column ends where the next header starts */
      for (guint j = 0; j < words->len; j++)
        {
          const Word *other = g_ptr_array_index (words, j);

          if (other->page == head->page && ABS (other->top - head->top) < 1 &&
              other->left > head->left + 1)
            right = MIN (right, other->left);
        }
      for (guint j = h + 1; j < words->len; j++)
        {
          const Word *cell = g_ptr_array_index (words, j);

          if (cell->page != head->page || cell->left < 52)
            break;
          if (cell->top < head->top + 1 || cell->left < head->left - 0.5 || cell->left >= right - 0.5)
            continue;
          if (line != NULL && ABS (cell->top - line_top) >= 1)
            g_ptr_array_add (result, g_string_free (g_steal_pointer (&line), FALSE));
          if (line == NULL)
            {
              line = g_string_new (NULL);
              line_top = cell->top;
            }
          g_string_append (line, cell->text->str);
        }
      if (line != NULL)
        g_ptr_array_add (result, g_string_free (line, FALSE));
    }

  return result;
}

/* Returns: (transfer full): text without any white space, so that text
 * wrapped over lines compares with the text given */
char *
export_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
export_test_xlsx_part (const char *path,
                       const char *member)
{
  return export_test_run ("unzip", "-p", path, member, NULL);
}

/* A minimal reader of SpreadsheetML: sheet names, shared strings, cells. */

typedef struct
{
  GPtrArray *strings;   /* shared strings */
  GString *text;
  gboolean in_si;
  gboolean in_t;
  GHashTable *cells;    /* "B5" → text */
  char *ref;
  char *type;
  gboolean in_v;
  GPtrArray *names;
} Reader;

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i]; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static void
start_element (GMarkupParseContext *context,
               const char          *element,
               const char         **names,
               const char         **values,
               gpointer             data,
               GError             **error)
{
  Reader *reader = data;

  if (strcmp (element, "si") == 0)
    {
      reader->in_si = TRUE;
      g_string_truncate (reader->text, 0);
    }
  else if (strcmp (element, "t") == 0)
    reader->in_t = TRUE;
  else if (strcmp (element, "c") == 0)
    {
      g_free (reader->ref);
      g_free (reader->type);
      reader->ref = g_strdup (attribute (names, values, "r"));
      reader->type = g_strdup (attribute (names, values, "t"));
    }
  else if (strcmp (element, "v") == 0)
    {
      reader->in_v = TRUE;
      g_string_truncate (reader->text, 0);
    }
  else if (strcmp (element, "sheet") == 0 && reader->names)
    g_ptr_array_add (reader->names, g_strdup (attribute (names, values, "name")));
}

static void
end_element (GMarkupParseContext *context,
             const char          *element,
             gpointer             data,
             GError             **error)
{
  Reader *reader = data;

  if (strcmp (element, "si") == 0)
    {
      reader->in_si = FALSE;
      g_ptr_array_add (reader->strings, g_strdup (reader->text->str));
    }
  else if (strcmp (element, "t") == 0)
    reader->in_t = FALSE;
  else if (strcmp (element, "v") == 0 && reader->cells)
    {
      const char *value = reader->text->str;

      reader->in_v = FALSE;
      if (g_strcmp0 (reader->type, "s") == 0)
        {
          guint index = (guint) g_ascii_strtoull (value, NULL, 10);

          g_assert_cmpuint (index, <, reader->strings->len);
          value = g_ptr_array_index (reader->strings, index);
        }
      g_hash_table_insert (reader->cells, g_strdup (reader->ref), g_strdup (value));
    }
}

static void
text (GMarkupParseContext *context,
      const char          *chars,
      gsize                length,
      gpointer             data,
      GError             **error)
{
  Reader *reader = data;

  if ((reader->in_si && reader->in_t) || reader->in_v)
    g_string_append_len (reader->text, chars, (gssize) length);
}

static void
parse (Reader     *reader,
       const char *xml)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, reader, NULL);
  g_autoptr (GError) error = NULL;

  g_markup_parse_context_parse (context, xml, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

GStrv
export_test_xlsx_sheet_names (const char *path)
{
  g_autofree char *xml = export_test_xlsx_part (path, "xl/workbook.xml");
  Reader reader = { 0 };

  reader.text = g_string_new (NULL);
  reader.names = g_ptr_array_new ();
  parse (&reader, xml);
  g_string_free (reader.text, TRUE);
  g_ptr_array_add (reader.names, NULL);
  return (GStrv) g_ptr_array_free (reader.names, FALSE);
}

/* Returns: (transfer full): the cells of sheet (from 1) with a value, by
 * reference ("B5") */
GHashTable *
export_test_xlsx_cells (const char *path,
                        guint       sheet)
{
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet);
  g_autofree char *strings_xml = NULL;
  g_autofree char *sheet_xml = NULL;
  g_autofree char *list = export_test_run ("unzip", "-Z1", path, NULL);
  Reader reader = { 0 };

  reader.text = g_string_new (NULL);
  reader.strings = g_ptr_array_new_with_free_func (g_free);
  if (strstr (list, "xl/sharedStrings.xml") != NULL)
    {
      strings_xml = export_test_xlsx_part (path, "xl/sharedStrings.xml");
      parse (&reader, strings_xml);
    }
  reader.cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sheet_xml = export_test_xlsx_part (path, member);
  parse (&reader, sheet_xml);

  g_string_free (reader.text, TRUE);
  g_ptr_array_unref (reader.strings);
  g_free (reader.ref);
  g_free (reader.type);
  return reader.cells;
}

/* Returns: whether the cell ref ("R5") of sheet (from 1) has a style that
 * wraps its text */
gboolean
export_test_xlsx_cell_wraps (const char *path,
                             guint       sheet,
                             const char *ref)
{
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet);
  g_autofree char *sheet_xml = export_test_xlsx_part (path, member);
  g_autofree char *styles = export_test_xlsx_part (path, "xl/styles.xml");
  g_autofree char *pattern = g_strdup_printf ("<c r=\"%s\" s=\"([0-9]+)\"", ref);
  g_autoptr (GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *index = NULL;
  g_auto (GStrv) formats = NULL;
  const char *xfs;
  guint n;

  if (!g_regex_match (regex, sheet_xml, 0, &match))
    return FALSE;  /* the default style: not wrapped */
  index = g_match_info_fetch (match, 1);
  n = (guint) g_ascii_strtoull (index, NULL, 10);

  xfs = strstr (styles, "<cellXfs");
  g_assert_nonnull (xfs);
  formats = g_strsplit (xfs, "<xf ", -1);
  /* formats[0] is <cellXfs …>, formats[n + 1] the n-th format */
  g_assert_cmpuint (g_strv_length (formats), >, n + 1);
  {
    const char *end = strstr (formats[n + 1], "</xf>");
    const char *close = strstr (formats[n + 1], "/>");
    g_autofree char *format = g_strndup (formats[n + 1],
                                         end ? (gsize) (end - formats[n + 1])
                                             : (gsize) (close - formats[n + 1]));

    return strstr (format, "wrapText=\"1\"") != NULL;
  }
}

/* Returns: the width of column (from 1) of sheet (from 1) as Excel stores
 * it, or 0 when not set */
double
export_test_xlsx_column_width (const char *path,
                               guint       sheet,
                               guint       column)
{
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet);
  g_autofree char *sheet_xml = export_test_xlsx_part (path, member);
  g_autofree char *pattern = g_strdup_printf ("<col min=\"([0-9]+)\" max=\"([0-9]+)\" width=\"([0-9.]+)\"");
  g_autoptr (GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  g_regex_match (regex, sheet_xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *min = g_match_info_fetch (match, 1);
      g_autofree char *max = g_match_info_fetch (match, 2);
      g_autofree char *width = g_match_info_fetch (match, 3);

      if (column >= g_ascii_strtoull (min, NULL, 10) && column <= g_ascii_strtoull (max, NULL, 10))
        return g_ascii_strtod (width, NULL);
      g_match_info_next (match, NULL);
    }
  return 0;
}
