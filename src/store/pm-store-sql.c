/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-store-private.h"

/* The store speaks SQL only through these helpers. libgda's parser runs in
 * "delimit" mode: it splits statements and finds ##parameters but passes the
 * SQL to SQLite as written, so SQLite syntax (UPSERT, printf (), views)
 * needs no translation by libgda. Statements are prepared once and kept.
 *
 * A NULL never goes through a parameter: libgda's SQLite provider answers a
 * holder set to NULL by rewriting the statement (gda_rewrite_statement_for_
 * null_parameters), preparing the copy again and keeping memory of it at
 * every execution. Instead a statement has variants, one for each set of
 * parameters that are NULL, where those parameters are written as the
 * literal NULL; each variant is prepared once and kept beside its statement.
 * A NULL compares as in SQL: "x = NULL" is never true. */

/* Enough for any statement the store writes; a mask bit each. */
#define MAX_PARAMETERS 64
#define MAX_ARGUMENTS 32

typedef struct
{
  GdaStatement *statement;
  GdaSet *params;       /* NULL when the statement has none */
  GHashTable *variants; /* mask of NULL parameters → Prepared; NULL until needed */
} Prepared;

typedef struct
{
  const char *name;
  GValue value;
  gboolean is_null;
} Argument;

static void
prepared_free (Prepared *prepared)
{
  g_clear_object (&prepared->statement);
  g_clear_object (&prepared->params);
  g_clear_pointer (&prepared->variants, g_hash_table_unref);
  g_free (prepared);
}

GdaConnection *
pm_store_sql_connect (const char *path,
                      GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *encoded_dir = NULL;
  g_autofree char *encoded_name = NULL;
  g_autofree char *cnc_string = NULL;
  g_autoptr (GError) local_error = NULL;
  GdaConnection *cnc;

  gda_init ();

  encoded_dir = gda_rfc1738_encode (dir);
  encoded_name = gda_rfc1738_encode (name);
  cnc_string = g_strdup_printf ("DB_DIR=%s;DB_NAME=%s;APPEND_DB_EXTENSION=FALSE",
                                encoded_dir, encoded_name);

  cnc = gda_connection_open_from_string ("SQLite", cnc_string, NULL,
                                         GDA_CONNECTION_OPTIONS_NONE, &local_error);
  if (cnc == NULL)
    {
      g_autofree char *display = pm_store_file_display_name (path);

      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                   _("Could not open “%s”: %s"), display,
                   local_error ? local_error->message : _("unknown error"));
      return NULL;
    }

  return cnc;
}

/* A second connection, for reading on another thread while the store's
 * own connection loads the model: its own parser, and it cannot write. */
GdaConnection *
pm_store_sql_connect_reader (const char    *path,
                             GdaSqlParser **parser,
                             GError       **error)
{
  g_autoptr (GdaConnection) cnc = pm_store_sql_connect (path, error);
  g_autoptr (GdaSqlParser) new_parser = NULL;
  g_autoptr (GdaDataModel) model = NULL;

  if (cnc == NULL)
    return NULL;

  new_parser = gda_sql_parser_new ();
  g_object_set (new_parser, "mode", GDA_SQL_PARSER_MODE_DELIMIT, NULL);
  if (!(model = pm_store_sql_select_on (cnc, new_parser, "PRAGMA query_only = 1", error)))
    return NULL;
  g_clear_object (&model);
  if (!(model = pm_store_sql_select_on (cnc, new_parser, "PRAGMA busy_timeout = 5000", error)))
    return NULL;

  *parser = g_steal_pointer (&new_parser);
  return g_steal_pointer (&cnc);
}

/* Runs a select on any connection, all its rows fetched; the error is
 * libgda's, for pm_store_sql_set_error () to put into words. */
GdaDataModel *
pm_store_sql_select_on (GdaConnection *cnc,
                        GdaSqlParser  *parser,
                        const char    *sql,
                        GError       **error)
{
  g_autoptr (GdaStatement) statement = NULL;
  GdaDataModel *model;
  GError **exceptions;

  statement = gda_sql_parser_parse_string (parser, sql, NULL, error);
  if (statement == NULL)
    return NULL;

  model = gda_connection_statement_execute_select_full (cnc, statement, NULL,
                                                        GDA_STATEMENT_MODEL_RANDOM_ACCESS,
                                                        NULL, error);
  if (model == NULL)
    return NULL;

  gda_data_model_get_n_rows (model);
  exceptions = gda_data_model_get_exceptions (model);
  if (exceptions && exceptions[0])
    {
      g_propagate_error (error, g_error_copy (exceptions[0]));
      g_object_unref (model);
      return NULL;
    }

  return model;
}

static Prepared *
parse (PmStore    *self,
       const char *sql,
       GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  Prepared *prepared = g_new0 (Prepared, 1);

  prepared->statement = gda_sql_parser_parse_string (self->parser, sql, NULL, &local_error);
  if (prepared->statement == NULL ||
      !gda_statement_get_parameters (prepared->statement, &prepared->params, &local_error))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                   "Could not prepare “%s”: %s", sql,
                   local_error ? local_error->message : "unknown error");
      prepared_free (prepared);
      return NULL;
    }

  return prepared;
}

static Prepared *
prepare (PmStore    *self,
         const char *sql,
         GError    **error)
{
  Prepared *prepared;

  if ((prepared = g_hash_table_lookup (self->statements, sql)))
    return prepared;

  if (!(prepared = parse (self, sql, error)))
    return NULL;
  if (prepared->params && g_slist_length (prepared->params->holders) > MAX_PARAMETERS)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                   "“%s” has more than %d parameters", sql, MAX_PARAMETERS);
      prepared_free (prepared);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), prepared);
  return prepared;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Returns: (transfer full): sql with each ##name[::type[::null]] whose name
 * is in nulls written as NULL. Quoted text and comments are left alone. */
static char *
write_nulls (const char         *sql,
             const char *const  *nulls)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;

  while (*p)
    {
      if (*p == '\'' || *p == '"')
        {
          const char *end = strchr (p + 1, *p);

          end = end ? end + 1 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end ? end : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '#' && p[1] == '#' && is_name_char (p[2]))
        {
          const char *name = p + 2;
          const char *end = name;
          gboolean is_null = FALSE;

          while (is_name_char (*end))
            end++;
          for (guint i = 0; nulls[i] && !is_null; i++)
            is_null = strlen (nulls[i]) == (gsize) (end - name) &&
                      strncmp (nulls[i], name, end - name) == 0;
          while (end[0] == ':' && end[1] == ':' && is_name_char (end[2]))
            for (end += 2; is_name_char (*end); end++)
              ;

          if (is_null)
            g_string_append (out, "NULL");
          else
            g_string_append_len (out, p, end - p);
          p = end;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static int
holder_index (Prepared   *prepared,
              const char *name)
{
  int index = 0;

  if (prepared->params == NULL)
    return -1;

  for (GSList *l = prepared->params->holders; l; l = l->next, index++)
    if (g_strcmp0 (gda_holder_get_id (l->data), name) == 0)
      return index;

  return -1;
}

/* Returns: (transfer none): the variant of base with the parameters of
 * null_mask written as NULL */
static Prepared *
prepare_variant (PmStore    *self,
                 Prepared   *base,
                 const char *sql,
                 guint64     null_mask,
                 GError    **error)
{
  const char *nulls[MAX_PARAMETERS + 1] = { NULL };
  g_autofree char *variant_sql = NULL;
  Prepared *variant;
  guint n_nulls = 0;
  int index = 0;

  if (null_mask == 0)
    return base;
  if (base->variants && (variant = g_hash_table_lookup (base->variants, &null_mask)))
    return variant;

  for (GSList *l = base->params->holders; l; l = l->next, index++)
    if (null_mask & (G_GUINT64_CONSTANT (1) << index))
      nulls[n_nulls++] = gda_holder_get_id (l->data);

  variant_sql = write_nulls (sql, nulls);
  if (!(variant = parse (self, variant_sql, error)))
    return NULL;

  if (base->variants == NULL)
    base->variants = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) prepared_free);
  g_hash_table_insert (base->variants, g_memdup2 (&null_mask, sizeof null_mask), variant);
  return variant;
}

/* Reads the (name, type, value) triples; a NULL value (a NULL text, a NAN)
 * is marked, not stored. */
static void
read_arguments (va_list  *args,
                Argument *arguments,
                guint    *n_arguments)
{
  const char *name;

  *n_arguments = 0;
  while ((name = va_arg (*args, const char *)))
    {
      int type = va_arg (*args, int);
      Argument *argument;

      g_assert (*n_arguments < MAX_ARGUMENTS);
      argument = &arguments[(*n_arguments)++];
      argument->name = name;
      argument->is_null = FALSE;

      switch (type)
        {
        case PM_SQL_TEXT:
          {
            const char *text = va_arg (*args, const char *);

            argument->is_null = text == NULL;
            g_value_init (&argument->value, G_TYPE_STRING);
            g_value_set_static_string (&argument->value, text);
          }
          break;
        case PM_SQL_INT:
          g_value_init (&argument->value, G_TYPE_INT);
          g_value_set_int (&argument->value, va_arg (*args, int));
          break;
        case PM_SQL_BOOL:
          g_value_init (&argument->value, G_TYPE_INT);
          g_value_set_int (&argument->value, va_arg (*args, gboolean) ? 1 : 0);
          break;
        case PM_SQL_INT64:
          g_value_init (&argument->value, G_TYPE_INT64);
          g_value_set_int64 (&argument->value, va_arg (*args, gint64));
          break;
        case PM_SQL_REAL:
          {
            double real = va_arg (*args, double);

            argument->is_null = isnan (real);
            g_value_init (&argument->value, G_TYPE_DOUBLE);
            g_value_set_double (&argument->value, real);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
clear_arguments (Argument *arguments,
                 guint     n_arguments)
{
  for (guint i = 0; i < n_arguments; i++)
    g_value_unset (&arguments[i].value);
}

static gboolean
bind_value (GdaHolder    *holder,
            const char   *name,
            const GValue *value,
            GError      **error)
{
  g_auto (GValue) converted = G_VALUE_INIT;

  if (G_VALUE_TYPE (value) == gda_holder_get_g_type (holder))
    return gda_holder_set_value (holder, value, error);

  g_value_init (&converted, gda_holder_get_g_type (holder));
  if (!g_value_transform (value, &converted))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                   "Parameter “%s” cannot take a %s", name, G_VALUE_TYPE_NAME (value));
      return FALSE;
    }

  return gda_holder_set_value (holder, &converted, error);
}

/* Returns: (transfer none): the statement for sql with the arguments bound:
 * the variant where the NULL ones are written into the SQL */
static Prepared *
prepare_and_bind (PmStore    *self,
                  const char *sql,
                  va_list    *args,
                  GError    **error)
{
  Argument arguments[MAX_ARGUMENTS] = { { 0 } };
  guint n_arguments = 0;
  guint64 null_mask = 0;
  Prepared *prepared = NULL;
  Prepared *base;

  read_arguments (args, arguments, &n_arguments);

  if (!(base = prepare (self, sql, error)))
    goto out;

  for (guint i = 0; i < n_arguments; i++)
    {
      int index = holder_index (base, arguments[i].name);

      if (index < 0)
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                       "The statement has no parameter “%s”", arguments[i].name);
          goto out;
        }
      if (arguments[i].is_null)
        null_mask |= G_GUINT64_CONSTANT (1) << index;
    }

  if (!(prepared = prepare_variant (self, base, sql, null_mask, error)))
    goto out;

  for (guint i = 0; i < n_arguments; i++)
    {
      GdaHolder *holder;

      if (arguments[i].is_null)
        continue;
      holder = gda_set_get_holder (prepared->params, arguments[i].name);
      g_assert (holder != NULL);
      if (!bind_value (holder, arguments[i].name, &arguments[i].value, error))
        {
          prepared = NULL;
          goto out;
        }
    }

out:
  clear_arguments (arguments, n_arguments);
  return prepared;
}

gboolean
pm_store_sql_exec (PmStore    *self,
                   GError    **error,
                   const char *sql,
                   ...)
{
  g_autoptr (GError) local_error = NULL;
  Prepared *prepared;
  va_list args;

  va_start (args, sql);
  prepared = prepare_and_bind (self, sql, &args, error);
  va_end (args);
  if (prepared == NULL)
    return FALSE;

  /* -2: done, no row count (CREATE, BEGIN…); -1: error */
  if (gda_connection_statement_execute_non_select (self->cnc, prepared->statement,
                                                   prepared->params, NULL,
                                                   &local_error) == -1)
    {
      pm_store_sql_set_error (self, error, local_error);
      return FALSE;
    }

  return TRUE;
}

GdaDataModel *
pm_store_sql_select (PmStore    *self,
                     GError    **error,
                     const char *sql,
                     ...)
{
  g_autoptr (GError) local_error = NULL;
  GdaDataModel *model;
  GError **exceptions;
  Prepared *prepared;
  va_list args;

  va_start (args, sql);
  prepared = prepare_and_bind (self, sql, &args, error);
  va_end (args);
  if (prepared == NULL)
    return NULL;

  model = gda_connection_statement_execute_select_full (self->cnc, prepared->statement,
                                                        prepared->params,
                                                        GDA_STATEMENT_MODEL_RANDOM_ACCESS,
                                                        NULL, &local_error);
  if (model == NULL)
    {
      pm_store_sql_set_error (self, error, local_error);
      return NULL;
    }

  /* SQLite steps through the rows only when they are asked for: fetch them
   * all now, so that a PRAGMA that sets something runs, and an error
   * (a damaged page, a busy file) is reported here */
  gda_data_model_get_n_rows (model);
  exceptions = gda_data_model_get_exceptions (model);
  if (exceptions && exceptions[0])
    {
      pm_store_sql_set_error (self, error, exceptions[0]);
      g_object_unref (model);
      return NULL;
    }

  return model;
}

/* Many rows into one table. Going through libgda one row at a time costs
 * about 10 µs a row in binding and signals before SQLite sees it, which is
 * most of an import's time: instead the rows travel as one JSON array per
 * batch, bound as a single text, and SQLite's json_each () reads them. A
 * number is written with 17 digits, which reads back as the same double. */

#define ROWS_PER_BATCH 2000

struct _PmStoreSqlRows
{
  PmStore *store;
  char *table;
  GPtrArray *columns; /* of char *, the first row's names */
  GString *json;      /* "[[…],[…]" without the closing bracket */
  guint n_rows;
};

PmStoreSqlRows *
pm_store_sql_rows_new (PmStore    *self,
                       const char *table)
{
  PmStoreSqlRows *rows = g_new0 (PmStoreSqlRows, 1);

  rows->store = self;
  rows->table = g_strdup (table);
  rows->columns = g_ptr_array_new_with_free_func (g_free);
  rows->json = g_string_sized_new (4096);
  return rows;
}

void
pm_store_sql_rows_free (PmStoreSqlRows *rows)
{
  g_free (rows->table);
  g_ptr_array_unref (rows->columns);
  g_string_free (rows->json, TRUE);
  g_free (rows);
}

static void
append_json_text (GString    *json,
                  const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, *p);
        }
      else if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

static void
append_json_real (GString *json,
                  double   real)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (real))
    g_string_append (json, "null");
  else if (isinf (real))
    g_string_append (json, real > 0 ? "9e999" : "-9e999"); /* SQLite reads these as ±Inf */
  else
    g_string_append (json, g_ascii_formatd (buffer, sizeof buffer, "%.17g", real));
}

static gboolean
write_rows (PmStoreSqlRows *rows,
            GError        **error)
{
  g_autoptr (GString) sql = NULL;
  gboolean ok;

  if (rows->n_rows == 0)
    return TRUE;

  sql = g_string_new ("INSERT INTO ");
  g_string_append_printf (sql, "%s (", rows->table);
  for (guint i = 0; i < rows->columns->len; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", (char *) rows->columns->pdata[i]);
  g_string_append (sql, ") SELECT ");
  for (guint i = 0; i < rows->columns->len; i++)
    g_string_append_printf (sql, "%sjson_extract (value, '$[%u]')", i ? ", " : "", i);
  /* in the array's order, though a table with a key of its own needs none */
  g_string_append (sql, " FROM json_each (##rows::string)");

  g_string_append_c (rows->json, ']');
  ok = pm_store_sql_exec (rows->store, error, sql->str, "rows", PM_SQL_TEXT, rows->json->str,
                          NULL);
  g_string_truncate (rows->json, 0);
  rows->n_rows = 0;
  return ok;
}

/**
 * pm_store_sql_rows_add:
 * @...: (name, type, value) triples as for pm_store_sql_exec (), ended by
 *   NULL; every row names the same columns in the same order
 *
 * Adds a row; a full batch is written at once.
 */
gboolean
pm_store_sql_rows_add (PmStoreSqlRows *rows,
                       GError        **error,
                       ...)
{
  const char *name;
  guint n_columns = 0;
  va_list args;

  g_string_append (rows->json, rows->n_rows ? ",[" : "[[");

  va_start (args, error);
  while ((name = va_arg (args, const char *)))
    {
      int type = va_arg (args, int);

      if (rows->n_rows == 0 && rows->columns->len == n_columns)
        g_ptr_array_add (rows->columns, g_strdup (name));
      g_assert (n_columns < rows->columns->len &&
                g_str_equal (rows->columns->pdata[n_columns], name));
      if (n_columns++ > 0)
        g_string_append_c (rows->json, ',');

      switch (type)
        {
        case PM_SQL_TEXT:
          {
            const char *text = va_arg (args, const char *);

            if (text)
              append_json_text (rows->json, text);
            else
              g_string_append (rows->json, "null");
          }
          break;
        case PM_SQL_INT:
          g_string_append_printf (rows->json, "%d", va_arg (args, int));
          break;
        case PM_SQL_BOOL:
          g_string_append_c (rows->json, va_arg (args, gboolean) ? '1' : '0');
          break;
        case PM_SQL_INT64:
          g_string_append_printf (rows->json, "%" G_GINT64_FORMAT, va_arg (args, gint64));
          break;
        case PM_SQL_REAL:
          append_json_real (rows->json, va_arg (args, double));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);

  g_assert (n_columns == rows->columns->len);
  g_string_append_c (rows->json, ']');
  rows->n_rows++;

  return rows->n_rows < ROWS_PER_BATCH || write_rows (rows, error);
}

/* Writes the rows not written yet. */
gboolean
pm_store_sql_rows_finish (PmStoreSqlRows *rows,
                          GError        **error)
{
  return write_rows (rows, error);
}

/* Runs a script of statements separated by ";" (no parameters). */
gboolean
pm_store_sql_exec_script (PmStore    *self,
                          const char *script,
                          GError    **error)
{
  const char *rest = script;

  while (rest && *rest)
    {
      g_autoptr (GdaStatement) statement = NULL;
      g_autoptr (GError) local_error = NULL;
      const char *next = NULL;

      while (g_ascii_isspace (*rest))
        rest++;
      if (*rest == '\0')
        break;

      statement = gda_sql_parser_parse_string (self->parser, rest, &next, &local_error);
      if (statement == NULL)
        {
          /* a script ending in comments has nothing left to run */
          if (next == NULL || *next == '\0')
            {
              g_autofree char *stripped = g_strstrip (g_strdup (rest));

              if (g_str_has_prefix (stripped, "--") && strchr (stripped, '\n') == NULL)
                break;
            }
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                       "Could not read the SQL script: %s",
                       local_error ? local_error->message : "unknown error");
          return FALSE;
        }

      if (gda_connection_statement_execute_non_select (self->cnc, statement, NULL, NULL,
                                                       &local_error) == -1)
        {
          pm_store_sql_set_error (self, error, local_error);
          return FALSE;
        }

      rest = next;
    }

  return TRUE;
}

/* Runs a select (or a PRAGMA) returning one integer. */
gboolean
pm_store_sql_query_int (PmStore    *self,
                        const char *sql,
                        gint64     *out,
                        GError    **error)
{
  g_autoptr (GdaDataModel) model = pm_store_sql_select (self, error, sql, NULL);
  const GValue *value;

  if (model == NULL)
    return FALSE;

  value = pm_store_model_get (model, 0, 0);
  if (value == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                   "“%s” returned no row", sql);
      return FALSE;
    }

  *out = pm_store_value_int (value);
  return TRUE;
}

/* Returns: (transfer full): the rows of a one-column select, joined by "\n" */
char *
pm_store_sql_query_text (PmStore    *self,
                         const char *sql,
                         GError    **error)
{
  g_autoptr (GdaDataModel) model = pm_store_sql_select (self, error, sql, NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  int n_rows;

  if (model == NULL)
    return NULL;

  n_rows = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n_rows; row++)
    {
      const char *line = pm_store_value_text (pm_store_model_get (model, 0, row));

      if (row > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line ? line : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* BEGIN IMMEDIATE takes the write lock at once, so that a transaction
 * never fails half-way because another connection is reading. */
gboolean
pm_store_sql_begin (PmStore *self,
                    GError **error)
{
  return pm_store_sql_exec (self, error, "BEGIN IMMEDIATE", NULL);
}

gboolean
pm_store_sql_commit (PmStore *self,
                     GError **error)
{
  if (pm_store_sql_exec (self, error, "COMMIT", NULL))
    return TRUE;

  pm_store_sql_rollback (self);
  return FALSE;
}

/* After a failed statement SQLite may have rolled back already: a ROLLBACK
 * then fails with "no transaction is active", which is fine. After an I/O
 * error (a full disk) SQLite leaves the journal in place and plays it back
 * at the next read: one read here puts the file's bytes back as they were
 * before the transaction, instead of leaving that to the next program. */
void
pm_store_sql_rollback (PmStore *self)
{
  g_autoptr (GError) ignored = NULL;
  g_autoptr (GdaStatement) rollback = NULL;
  g_autoptr (GdaStatement) read = NULL;
  g_autoptr (GdaDataModel) model = NULL;

  rollback = gda_sql_parser_parse_string (self->parser, "ROLLBACK", NULL, NULL);
  if (rollback)
    gda_connection_statement_execute_non_select (self->cnc, rollback, NULL, NULL, &ignored);
  g_clear_error (&ignored);

  read = gda_sql_parser_parse_string (self->parser, "PRAGMA schema_version", NULL, NULL);
  if (read)
    model = gda_connection_statement_execute_select (self->cnc, read, NULL, &ignored);
  if (model)
    gda_data_model_get_n_rows (model);
}

void
pm_store_sql_clear_statements (PmStore *self)
{
  g_hash_table_remove_all (self->statements);
}

GHashTable *
pm_store_sql_new_statement_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) prepared_free);
}

/* Turns an SQLite error (libgda passes its message on) into words for the
 * person at the keyboard. */
void
pm_store_sql_set_error (PmStore      *self,
                        GError      **error,
                        const GError *gda_error)
{
  const char *message = gda_error && gda_error->message ? gda_error->message : "";
  const char *name = self->display_name ? self->display_name : self->path;

  if (strstr (message, "disk is full"))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DISK_FULL,
                   _("The disk is full: “%s” could not be written, and nothing was changed. "
                     "Free some space and try again."), name);
    }
  else if (strstr (message, "disk I/O error"))
    {
      /* SQLite reports a write refused for lack of room as an I/O error when
       * the system says "file too large" rather than "no space" */
      pm_store_set_disk_error (error, self->path, 0);
    }
  else if (strstr (message, "malformed") || strstr (message, "not a database"))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged (%s). Open a backup copy instead."), name, message);
    }
  else if (strstr (message, "readonly database") || strstr (message, "read-only"))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: it is read-only."), name);
    }
  else if (strstr (message, "database is locked"))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IN_USE,
                   _("“%s” is busy: another program is writing to it. Try again in a moment."),
                   name);
    }
  else
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                   _("Could not read or write “%s”: %s"), name,
                   *message ? message : _("unknown error"));
    }
}

/* Returns: (transfer full): text as an SQL string literal */
char *
pm_store_sql_quote (const char *text)
{
  GString *quoted = g_string_new ("'");

  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (quoted, '\'');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');

  return g_string_free (quoted, FALSE);
}

const GValue *
pm_store_model_get (GdaDataModel *model,
                    int           column,
                    int           row)
{
  if (row >= gda_data_model_get_n_rows (model))
    return NULL;

  return gda_data_model_get_value_at (model, column, row, NULL);
}

/* Returns: (nullable): the text of a cell, NULL for SQL NULL */
const char *
pm_store_value_text (const GValue *value)
{
  if (value == NULL || !G_VALUE_HOLDS_STRING (value))
    return NULL;

  return g_value_get_string (value);
}

gint64
pm_store_value_int (const GValue *value)
{
  if (value == NULL)
    return 0;
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value);
  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value);
  if (G_VALUE_HOLDS_UINT (value))
    return g_value_get_uint (value);
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_value_get_boolean (value);
  if (G_VALUE_HOLDS_DOUBLE (value))
    return (gint64) g_value_get_double (value);
  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value))
    return g_ascii_strtoll (g_value_get_string (value), NULL, 10);

  return 0;
}

/* Returns: the number in a cell, NAN for SQL NULL, a text or an infinity */
double
pm_store_value_real (const GValue *value)
{
  if (value == NULL)
    return NAN;
  /* an infinity (put there by another tool) is no value either */
  if (G_VALUE_HOLDS_DOUBLE (value))
    return isfinite (g_value_get_double (value)) ? g_value_get_double (value) : NAN;
  if (G_VALUE_HOLDS_FLOAT (value))
    return isfinite (g_value_get_float (value)) ? g_value_get_float (value) : NAN;
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value);
  if (G_VALUE_HOLDS_INT64 (value))
    return (double) g_value_get_int64 (value);
  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value))
    {
      /* a text in a number's column (another tool's): not a number, not 0 */
      const char *text = g_value_get_string (value);
      char *end;
      double number = g_ascii_strtod (text, &end);

      return end != text && *end == '\0' && isfinite (number) ? number : NAN;
    }

  return NAN;
}

/* Returns: (transfer full) (nullable): the time in a cell */
GDateTime *
pm_store_value_time (const GValue *value)
{
  return pm_store_parse_time (pm_store_value_text (value));
}

/* Times are stored as UTC, ISO 8601 to the second: 2026-01-31T08:00:00Z */
char *
pm_store_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

GDateTime *
pm_store_parse_time (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}
