/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libgda/libgda.h>
#include <sql-parser/gda-sql-parser.h>
#include <sys/wait.h>

#include "pm-test-util.h"
#include "store-test-util.h"

char *
store_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("pm-store-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy ((GDestroyNotify) pm_test_remove_tree, g_strdup (dir));
  return dir;
}

/* Returns: (transfer full): the path of a new, closed project in dir */
char *
store_test_new_project (const char *dir,
                        const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;
  char *path = g_build_filename (dir, name, NULL);

  store = pm_store_create_from_template (path, &error);
  g_assert_no_error (error);
  pm_store_close (store);

  return path;
}

char *
store_test_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
store_test_write (const char *path,
                  const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A plain libgda connection, beside the store, to look into a file. */
static GdaConnection *
connect (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *encoded_dir = gda_rfc1738_encode (dir);
  g_autofree char *encoded_name = gda_rfc1738_encode (name);
  g_autofree char *cnc_string = g_strdup_printf ("DB_DIR=%s;DB_NAME=%s;APPEND_DB_EXTENSION=FALSE",
                                                 encoded_dir, encoded_name);
  g_autoptr (GError) error = NULL;
  GdaConnection *cnc;

  gda_init ();
  cnc = gda_connection_open_from_string ("SQLite", cnc_string, NULL, 0, &error);
  g_assert_no_error (error);
  return cnc;
}

static GdaDataModel *
select_all (GdaConnection *cnc,
            const char    *sql)
{
  GdaSqlParser *parser = gda_sql_parser_new ();
  g_autoptr (GError) error = NULL;
  GdaStatement *statement;
  GdaDataModel *model;

  g_object_set (parser, "mode", GDA_SQL_PARSER_MODE_DELIMIT, NULL);
  statement = gda_sql_parser_parse_string (parser, sql, NULL, &error);
  g_assert_no_error (error);
  model = gda_connection_statement_execute_select (cnc, statement, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (statement);
  g_object_unref (parser);
  return model;
}

gint64
store_test_query_int (const char *path,
                      const char *sql)
{
  GdaConnection *cnc = connect (path);
  GdaDataModel *model = select_all (cnc, sql);
  const GValue *value = gda_data_model_get_value_at (model, 0, 0, NULL);
  gint64 result;

  g_assert_nonnull (value);
  result = G_VALUE_HOLDS_INT64 (value) ? g_value_get_int64 (value) : g_value_get_int (value);
  g_object_unref (model);
  gda_connection_close (cnc);
  g_object_unref (cnc);
  return result;
}

/* Returns: (transfer full): the rows of a select, cells joined by "|",
 * rows by "\n", NULL printed as "NULL" */
char *
store_test_query_text (const char *path,
                       const char *sql)
{
  GdaConnection *cnc = connect (path);
  GdaDataModel *model = select_all (cnc, sql);
  GString *text = g_string_new (NULL);

  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      if (row > 0)
        g_string_append_c (text, '\n');
      for (int column = 0; column < gda_data_model_get_n_columns (model); column++)
        {
          const GValue *value = gda_data_model_get_value_at (model, column, row, NULL);
          g_autofree char *cell = NULL;

          if (value == NULL || G_VALUE_TYPE (value) == GDA_TYPE_NULL)
            cell = g_strdup ("NULL");
          else if (G_VALUE_HOLDS_STRING (value))
            cell = g_value_dup_string (value);
          else
            cell = gda_value_stringify (value);
          g_string_append_printf (text, "%s%s", column > 0 ? "|" : "", cell);
        }
    }

  g_object_unref (model);
  gda_connection_close (cnc);
  g_object_unref (cnc);
  return g_string_free (text, FALSE);
}

void
store_test_exec (const char *path,
                 const char *sql)
{
  GdaConnection *cnc = connect (path);
  GdaSqlParser *parser = gda_sql_parser_new ();
  g_autoptr (GError) error = NULL;
  const char *rest = sql;

  g_object_set (parser, "mode", GDA_SQL_PARSER_MODE_DELIMIT, NULL);
  while (rest && *rest)
    {
      const char *next = NULL;
      GdaStatement *statement = gda_sql_parser_parse_string (parser, rest, &next, &error);

      g_assert_no_error (error);
      if (gda_statement_get_statement_type (statement) == GDA_SQL_STATEMENT_SELECT ||
          g_str_has_prefix (rest, "PRAGMA"))
        {
          GdaDataModel *model = gda_connection_statement_execute_select (cnc, statement, NULL,
                                                                         &error);

          /* SQLite runs the statement when its rows are asked for */
          g_assert_no_error (error);
          gda_data_model_get_n_rows (model);
          g_object_unref (model);
        }
      else
        gda_connection_statement_execute_non_select (cnc, statement, NULL, NULL, &error);
      g_assert_no_error (error);
      g_object_unref (statement);
      rest = next;
      while (rest && g_ascii_isspace (*rest))
        rest++;
    }

  g_object_unref (parser);
  gda_connection_close (cnc);
  g_object_unref (cnc);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Returns: (transfer full) (element-type utf8): the names in dir, sorted */
GPtrArray *
store_test_dir_list (const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

void
store_test_run_clear (StoreTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
store_test_run_plan_monitor (StoreTestRun *run,
                             const char   *first_arg,
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

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (wait_status))
    run->status = WEXITSTATUS (wait_status);
  else
    run->status = -WTERMSIG (wait_status);
}

/* Makes the history's index disagree with its table, as a crash of another
 * program or a disk fault could: with the index turned into one that holds
 * no rows (WHERE 0), a history row is deleted and another changed, which the
 * index does not learn; then the index is put back. The schema is as before
 * and PRAGMA quick_check still says "ok". The file needs 3 history rows. */
void
store_test_corrupt_history_index (const char *path)
{
  static const char *index_sql =
    "CREATE INDEX observation_history_by_key ON observation_history (indicator, year, area)";
  g_autofree char *hidden = g_strdup_printf ("PRAGMA writable_schema = ON;\n"
                                             "UPDATE sqlite_master SET sql = '%s WHERE 0' "
                                             "WHERE name = 'observation_history_by_key';\n",
                                             index_sql);
  g_autofree char *restored = g_strdup_printf ("PRAGMA writable_schema = ON;\n"
                                               "UPDATE sqlite_master SET sql = '%s' "
                                               "WHERE name = 'observation_history_by_key';\n",
                                               index_sql);

  g_assert_cmpint (store_test_query_int (path, "SELECT count(*) FROM observation_history"), >=, 3);
  store_test_exec (path, hidden);
  store_test_exec (path, "DELETE FROM observation_history WHERE id = 2;\n"
                         "UPDATE observation_history SET year = 2010 WHERE id = 3;\n");
  store_test_exec (path, restored);
  g_assert_cmpstr (store_test_query_text (path, "PRAGMA quick_check"), ==, "ok");
}
