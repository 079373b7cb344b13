/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "pm-store-private.h"

/* The hash chain of observation_history (resources/schema/README.md, "The
 * history's hash chain"): each row's hash is the SHA-256, in lower-case
 * hex, of the previous row's hash (by id; "" before the first row) followed
 * by the row's content, CONTENT_SQL below, as UTF-8. A row changed or
 * deleted by another tool no longer fits its hash or its successor's. */

/* printf () builds each string once: a chain of || copies the row for
 * each operator, most of a seal's time on a large import. The text is the
 * same. */
#define CONTENT_SQL \
  "printf ('%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s', quote (id), " \
  "quote (indicator), quote (year), quote (area), quote (action), quote (origin), " \
  "quote (old_value), quote (old_text), quote (old_note), quote (old_source), " \
  "quote (old_provisional), quote (new_value), quote (new_text), quote (new_note), " \
  "quote (new_source), quote (new_provisional), quote (changed_at), quote (changed_by))"

/* The rows, packed by SQLite into one string (libgda costs ~2 µs a cell):
 * "id:hash:length:content" each, hash "-" where NULL, length in bytes, so
 * that no content can be mistaken for the next row. The LIMIT (-1 for all)
 * also keeps SQLite from flattening the subquery, which would build each
 * content twice. */
#define PACKED_SQL(where, limit) \
  "SELECT group_concat (printf ('%d:%s:%d:%s', id, coalesce (hash, '-'), " \
  "length (CAST (content AS BLOB)), content), '') FROM (SELECT id, hash, " \
  CONTENT_SQL " AS content FROM observation_history " where " ORDER BY id LIMIT " limit ")"

typedef struct
{
  gint64 id;
  const char *hash;    /* NULL where the row has none; points into the packed string */
  gsize hash_length;
  const char *content;
  gsize content_length;
} ChainRow;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  gint64 x = ((const ChainRow *) a)->id, y = ((const ChainRow *) b)->id;

  return x < y ? -1 : x > y;
}

/* Returns: the rows of packed in order of id, or NULL where it cannot be
 * read (the caller holds packed while it uses them). */
static GArray *
unpack (const char *packed)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (ChainRow));
  const char *p = packed ? packed : "";
  const char *end = p + strlen (p);

  while (p < end)
    {
      ChainRow row = { 0 };
      const char *colon;
      char *after;
      guint64 length;

      row.id = g_ascii_strtoll (p, &after, 10);
      if (*after != ':')
        return NULL;
      p = after + 1;
      colon = strchr (p, ':');
      if (colon == NULL)
        return NULL;
      if (!(colon - p == 1 && *p == '-'))
        {
          row.hash = p;
          row.hash_length = colon - p;
        }
      p = colon + 1;
      length = g_ascii_strtoull (p, &after, 10);
      if (*after != ':' || length > (guint64) (end - after - 1))
        return NULL;
      row.content = after + 1;
      row.content_length = length;
      p = row.content + length;
      g_array_append_val (rows, row);
    }

  g_array_sort (rows, compare_rows);
  return g_steal_pointer (&rows);
}

static char *
chain_hash (const char *previous,
            gsize       previous_length,
            const char *content,
            gsize       content_length)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) previous, previous_length);
  g_checksum_update (checksum, (const guchar *) content, content_length);
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
query_packed (PmStore    *self,
              const char *sql,
              gint64      from_id,
              GError    **error)
{
  g_autoptr (GdaDataModel) model = pm_store_sql_select (self, error, sql,
                                                        "from", PM_SQL_INT64, from_id, NULL);

  if (model == NULL)
    return NULL;
  return g_strdup (gda_data_model_get_n_rows (model) > 0
                     ? pm_store_value_text (pm_store_model_get (model, 0, 0)) : NULL);
}

/* Returns: the id the next history row will get, or 0 on error. */
gint64
pm_store_chain_next_id (PmStore *self,
                        GError **error)
{
  gint64 next = 0;

  if (!pm_store_sql_query_int (self, "SELECT coalesce (max (id), 0) + 1 FROM observation_history",
                               &next, error))
    return 0;
  return next;
}

/* Rows sealed by one query and one UPDATE: a 100,000-row import's content
 * (~17 MB) read back at once was the import's largest allocation. */
#define SEAL_BATCH 5000

/* Hashes the rows of one batch, from previous on, and writes their hashes.
 * Returns: FALSE on error; *previous becomes the last row's hash and
 * *n_rows the number of rows sealed (0 past the last), *last_id the last
 * one's id */
static gboolean
seal_batch (PmStore *self,
            gint64   from_id,
            char   **previous,
            guint   *n_rows,
            gint64  *last_id,
            GError **error)
{
  g_autofree char *packed = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GString) hashes = NULL;
  gint64 first, last;

  *n_rows = 0;
  packed = query_packed (self,
                         PACKED_SQL ("WHERE id >= ##from::gint64", G_STRINGIFY (SEAL_BATCH)),
                         from_id, error);
  if (packed == NULL)
    return error == NULL || *error == NULL;
  if ((rows = unpack (packed)) == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                   "The history rows could not be read back to seal them");
      return FALSE;
    }
  if (rows->len == 0)
    return TRUE;

  hashes = g_string_sized_new (rows->len * 64);
  for (guint i = 0; i < rows->len; i++)
    {
      const ChainRow *row = &g_array_index (rows, ChainRow, i);
      g_autofree char *hash = chain_hash (*previous, strlen (*previous), row->content,
                                          row->content_length);

      g_string_append (hashes, hash);
      g_free (*previous);
      *previous = g_steal_pointer (&hash);
    }
  *n_rows = rows->len;
  *last_id = g_array_index (rows, ChainRow, rows->len - 1).id;

  first = g_array_index (rows, ChainRow, 0).id;
  last = g_array_index (rows, ChainRow, rows->len - 1).id;
  if (last - first + 1 == (gint64) rows->len)
    /* ids follow each other (as SQLite gives them): one statement */
    return pm_store_sql_exec (self, error,
                              /* substr () of a text counts characters from its
                               * start, of a blob it does not: a blob, once */
                              "UPDATE observation_history SET hash = CAST (substr (CAST "
                              "(##hashes::string AS BLOB), (id - ##first::gint64) * 64 + 1, 64) "
                              "AS TEXT) "
                              "WHERE id BETWEEN ##first::gint64 AND ##last::gint64",
                              "hashes", PM_SQL_TEXT, hashes->str,
                              "first", PM_SQL_INT64, first,
                              "last", PM_SQL_INT64, last,
                              NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *hash = g_strndup (hashes->str + i * 64, 64);

      if (!pm_store_sql_exec (self, error,
                              "UPDATE observation_history SET hash = ##hash::string "
                              "WHERE id = ##id::gint64",
                              "hash", PM_SQL_TEXT, hash,
                              "id", PM_SQL_INT64, g_array_index (rows, ChainRow, i).id,
                              NULL))
        return FALSE;
    }
  return TRUE;
}

/* Gives the history rows from from_id on their hashes, inside the caller's
 * transaction: the rows this write (or a migration) added. Rows before
 * from_id are left as they are; one without a hash stays without. */
gboolean
pm_store_chain_seal (PmStore *self,
                     gint64   from_id,
                     GError **error)
{
  g_autofree char *previous = NULL;
  g_autoptr (GdaDataModel) model = NULL;
  guint n_rows;

  model = pm_store_sql_select (self, error,
                               "SELECT coalesce (hash, '') FROM observation_history "
                               "WHERE id < ##from::gint64 ORDER BY id DESC LIMIT 1",
                               "from", PM_SQL_INT64, from_id, NULL);
  if (model == NULL)
    return FALSE;
  previous = g_strdup (gda_data_model_get_n_rows (model) > 0
                         ? pm_store_value_text (pm_store_model_get (model, 0, 0)) : "");
  if (previous == NULL)
    previous = g_strdup ("");

  for (;;)
    {
      gint64 last_id = 0;

      if (!seal_batch (self, from_id, &previous, &n_rows, &last_id, error))
        return FALSE;
      if (n_rows < SEAL_BATCH)
        return TRUE;
      from_id = last_id + 1;
    }
}

static void
set_altered_error (PmStore    *self,
                   gint64      id,
                   gboolean    missing_before,
                   GError    **error)
{
  g_autoptr (GdaDataModel) model = NULL;
  g_autoptr (GError) ignored = NULL;
  g_autofree char *when = NULL;
  g_autofree char *entry = NULL;
  const char *indicator = "?", *changed_at = NULL;
  gint64 year = 0;

  model = pm_store_sql_select (self, &ignored,
                               "SELECT indicator, year, changed_at FROM observation_history "
                               "WHERE id = ##id::gint64",
                               "id", PM_SQL_INT64, id, NULL);
  if (model && gda_data_model_get_n_rows (model) > 0)
    {
      indicator = pm_store_value_text (pm_store_model_get (model, 0, 0));
      year = pm_store_value_int (pm_store_model_get (model, 1, 0));
      changed_at = pm_store_value_text (pm_store_model_get (model, 2, 0));
    }
  {
    g_autoptr (GDateTime) time = pm_store_parse_time (changed_at);
    g_autoptr (GDateTime) local = time ? g_date_time_to_local (time) : NULL;

    when = local ? g_date_time_format (local, "%Y-%m-%d %H:%M")
                 : g_strdup (changed_at ? changed_at : "?");
  }
  /* 64-bit formats cannot stand in a translatable string */
  entry = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (missing_before)
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_HISTORY_ALTERED,
                 _("The history of “%s” was altered: entries are missing before entry %s "
                   "(%s, %d, changed %s)."),
                 self->display_name, entry, indicator ? indicator : "?", (int) year, when);
  else
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_HISTORY_ALTERED,
                 _("The history of “%s” was altered at entry %s (%s, %d, changed %s): it was "
                   "changed after it was written, or added by another program."),
                 self->display_name, entry, indicator ? indicator : "?", (int) year, when);
}

/**
 * pm_store_verify_history:
 * @self: an open store
 * @n_entries: (out) (optional): the number of history entries
 * @error: %PM_STORE_ERROR_HISTORY_ALTERED naming the first altered entry
 *
 * Checks the hash chain of the values' history: every entry as it was
 * written, none missing in between.
 *
 * Returns: TRUE when the history is intact
 */
gboolean
pm_store_verify_history (PmStore *self,
                         guint   *n_entries,
                         GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *packed = NULL;
  g_autoptr (GArray) rows = NULL;
  const char *previous = "";
  gsize previous_length = 0;
  gint64 previous_id = 0;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (n_entries)
    *n_entries = 0;
  if (!pm_store_check_open (self, error))
    return FALSE;

  packed = query_packed (self, PACKED_SQL ("WHERE id >= ##from::gint64", "-1"), G_MININT64,
                         &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if ((rows = unpack (packed)) == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED,
                   _("The history of “%s” cannot be read."), self->display_name);
      return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const ChainRow *row = &g_array_index (rows, ChainRow, i);
      g_autofree char *expected = chain_hash (previous, previous_length, row->content,
                                              row->content_length);

      if (row->hash == NULL || row->hash_length != 64 ||
          memcmp (row->hash, expected, 64) != 0)
        {
          /* a row deleted: the next one's hash no longer follows */
          set_altered_error (self, row->id, i > 0 && row->id != previous_id + 1, error);
          return FALSE;
        }
      previous = row->hash;
      previous_length = row->hash_length;
      previous_id = row->id;
    }

  if (n_entries)
    *n_entries = rows->len;
  return TRUE;
}
