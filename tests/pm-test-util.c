/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pm-test-util.h"

void
pm_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0755);
      if ((dir = g_dir_open (path, 0, NULL)))
        while ((name = g_dir_read_name (dir)))
          {
            g_autofree char *child = g_build_filename (path, name, NULL);

            pm_test_remove_tree (child);
          }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* A cell starts on a line beginning with a tab; a later non-empty line
 * without a tab continues the cell (a wrapped cell); two blank lines end the
 * table. */
GPtrArray *
pm_test_read_table (const char *source_text,
                    const char *title,
                    guint       n_columns)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *start = strstr (source_text, title);
  g_auto (GStrv) lines = NULL;
  GString *cell = NULL;
  guint blank = 0;

  g_assert_nonnull (start);
  start = strchr (start, '\n') + 1;
  lines = g_strsplit (start, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];

      if (line[0] == '\t')
        {
          if (cell)
            g_ptr_array_add (cells, g_strstrip (g_string_free (cell, FALSE)));
          cell = g_string_new (line + 1);
          blank = 0;
        }
      else if (*line == '\0')
        blank++;
      else if (blank >= 2 || cell == NULL)
        break;
      else
        {
          /* a wrapped cell: 责任单位 keep their line break as a separator */
          g_string_append (cell, "\n");
          g_string_append (cell, line);
          blank = 0;
        }
    }
  if (cell)
    g_ptr_array_add (cells, g_strstrip (g_string_free (cell, FALSE)));

  g_assert_cmpuint (cells->len % n_columns, ==, 0);
  return cells;
}

static void
read_previous_table (GHashTable *rows,
                     const char *source_text,
                     const char *title,
                     const char *prefix)
{
  g_autoptr (GPtrArray) cells = pm_test_read_table (source_text, title, 5);
  g_autofree char *parent_code = NULL;
  guint sub = 0;

  g_assert_cmpstr (cells->pdata[0], ==, "序号");
  for (guint r = 1; r < cells->len / 5; r++)
    {
      char **cell = (char **) cells->pdata + r * 5;
      char *code;

      if (!*cell[0] && !*cell[1] && !*cell[2] && !*cell[3] && !*cell[4])
        continue; /* the empty row under the children's header */
      if (*cell[0])
        {
          code = g_strdup_printf ("%s%s", prefix, cell[0]);
          g_free (parent_code);
          parent_code = g_strdup (code);
          sub = 0;
        }
      else
        code = g_strdup_printf ("%s.%u", parent_code, ++sub);

      g_hash_table_insert (rows, code, g_strdupv ((char *[]) { cell[2], cell[3], cell[4], NULL }));
    }
}

GHashTable *
pm_test_read_previous_results (const char *source_text)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_strfreev);

  read_previous_table (rows, source_text, "专栏1  云阳县妇女发展主要指标完成情况表", "HW");
  read_previous_table (rows, source_text, "专栏1  云阳县儿童发展主要指标完成情况表", "HC");
  g_assert_cmpuint (g_hash_table_size (rows), ==, 84);
  return rows;
}
