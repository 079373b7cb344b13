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
 * needs no translation by libgda. Statements are prepared once and kept. */

typedef struct
{
  GdaStatement *statement;
  GdaSet *params; /* NULL when the statement has none */
} Prepared;

static void
prepared_free (Prepared *prepared)
{
  g_clear_object (&prepared->statement);
  g_clear_object (&prepared->params);
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
prepare (PmStore    *self,
         const char *sql,
         GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  Prepared *prepared;

  if ((prepared = g_hash_table_lookup (self->statements, sql)))
    return prepared;

  prepared = g_new0 (Prepared, 1);
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

  if (prepared->params)
    for (GSList *l = prepared->params->holders; l; l = l->next)
      gda_holder_set_not_null (l->data, FALSE);

  g_hash_table_insert (self->statements, g_strdup (sql), prepared);
  return prepared;
}

static gboolean
bind (Prepared  *prepared,
      va_list   *args,
      GError   **error)
{
  const char *name;

  while ((name = va_arg (*args, const char *)))
    {
      int type = va_arg (*args, int);
      g_auto (GValue) value = G_VALUE_INIT;
      gboolean is_null = FALSE;
      GdaHolder *holder;

      switch (type)
        {
        case PM_SQL_TEXT:
          {
            const char *text = va_arg (*args, const char *);

            is_null = text == NULL;
            g_value_init (&value, G_TYPE_STRING);
            g_value_set_string (&value, text);
          }
          break;
        case PM_SQL_INT:
          g_value_init (&value, G_TYPE_INT);
          g_value_set_int (&value, va_arg (*args, int));
          break;
        case PM_SQL_BOOL:
          g_value_init (&value, G_TYPE_INT);
          g_value_set_int (&value, va_arg (*args, gboolean) ? 1 : 0);
          break;
        case PM_SQL_INT64:
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, va_arg (*args, gint64));
          break;
        case PM_SQL_REAL:
          {
            double real = va_arg (*args, double);

            is_null = isnan (real);
            g_value_init (&value, G_TYPE_DOUBLE);
            g_value_set_double (&value, real);
          }
          break;
        default:
          g_assert_not_reached ();
        }

      holder = prepared->params ? gda_set_get_holder (prepared->params, name) : NULL;
      if (holder == NULL)
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                       "The statement has no parameter “%s”", name);
          return FALSE;
        }

      if (is_null)
        {
          if (!gda_holder_set_value (holder, NULL, error))
            return FALSE;
        }
      else if (G_VALUE_TYPE (&value) == gda_holder_get_g_type (holder))
        {
          if (!gda_holder_set_value (holder, &value, error))
            return FALSE;
        }
      else
        {
          g_auto (GValue) converted = G_VALUE_INIT;

          g_value_init (&converted, gda_holder_get_g_type (holder));
          if (!g_value_transform (&value, &converted))
            {
              g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                           "Parameter “%s” cannot take a %s", name,
                           G_VALUE_TYPE_NAME (&value));
              return FALSE;
            }
          if (!gda_holder_set_value (holder, &converted, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
pm_store_sql_exec (PmStore    *self,
                   GError    **error,
                   const char *sql,
                   ...)
{
  g_autoptr (GError) local_error = NULL;
  Prepared *prepared;
  gboolean ok;
  va_list args;

  if (!(prepared = prepare (self, sql, error)))
    return FALSE;

  va_start (args, sql);
  ok = bind (prepared, &args, error);
  va_end (args);
  if (!ok)
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
  gboolean ok;
  va_list args;

  if (!(prepared = prepare (self, sql, error)))
    return NULL;

  va_start (args, sql);
  ok = bind (prepared, &args, error);
  va_end (args);
  if (!ok)
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
