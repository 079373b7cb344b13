/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pm-core-resources.h"
#include "pm-store-private.h"

/* The schema of a new file is resources/schema/schema.sql. A file of an
 * older version is brought up to date by the migration steps below, one
 * version at a time, in one transaction; pm-store.c has written a backup
 * copy beside the file first. When the schema changes: edit schema.sql, add
 * resources/schema/migrate-N.sql taking version N to N + 1 (listed here and
 * in pm-core.gresource.xml), bump PM_STORE_SCHEMA_VERSION, and keep a
 * fixture of version N in tests/store/fixtures/ (see its README). */

#define SCHEMA_RESOURCE "/io/github/planmonitor/PlanMonitor/schema/"

typedef struct
{
  int from_version;
  const char *resource; /* takes from_version to from_version + 1 */
} Migration;

static const Migration migrations[] = {
  { 1, "migrate-1.sql" }, /* CHECK constraints of the big tables without IN lists */
  { 2, "migrate-2.sql" }, /* departments' data entry: reports, notes, settings, checks */
  { 3, "migrate-3.sql" }, /* tasks.domain: the domain a task's section corresponds to */
  { 4, "migrate-4.sql" }, /* observation_history.hash: the history's hash chain */
  { 5, "migrate-5.sql" }, /* the 2011–2020 rows' values keep their text as printed */
};

static char *
load_script (const char *name,
             GError    **error)
{
  g_autofree char *path = g_strconcat (SCHEMA_RESOURCE, name, NULL);
  g_autoptr (GBytes) bytes = NULL;

  /* referencing the resource keeps it linked in from the static library */
  g_resources_register (pm_core_get_resource ());
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                   "The schema script %s is missing from this build", path);
      return NULL;
    }

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
run_pragma (PmStore    *self,
            const char *pragma,
            GError    **error)
{
  /* libgda runs PRAGMAs only as selects */
  g_autoptr (GdaDataModel) model = pm_store_sql_select (self, error, pragma, NULL);

  return model != NULL;
}

static gboolean
mark_file (PmStore *self,
           GError **error)
{
  g_autofree char *application_id = g_strdup_printf ("PRAGMA application_id = %d",
                                                     PM_STORE_APPLICATION_ID);
  g_autofree char *user_version = g_strdup_printf ("PRAGMA user_version = %d",
                                                   PM_STORE_SCHEMA_VERSION);

  return run_pragma (self, application_id, error) && run_pragma (self, user_version, error);
}

/* Creates the tables and views of a new file, inside the caller's
 * transaction, and marks the file as ours. */
gboolean
pm_store_schema_create (PmStore *self,
                        GError **error)
{
  g_autofree char *script = load_script ("schema.sql", error);

  return script != NULL &&
         pm_store_sql_exec_script (self, script, error) &&
         mark_file (self, error);
}

/* Returns: (transfer full): the sql text of each view of schema.sql, by
 * name, as SQLite keeps it in sqlite_master (from CREATE to before the ;). */
static GHashTable *
schema_views (GError **error)
{
  g_autofree char *script = load_script ("schema.sql", error);
  g_autoptr (GHashTable) views = NULL;
  g_auto (GStrv) statements = NULL;

  if (script == NULL)
    return NULL;

  views = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  statements = g_strsplit (script, ";\n", -1);
  for (int i = 0; statements[i]; i++)
    {
      const char *start = statements[i];
      g_auto (GStrv) words = NULL;

      /* skip the comments and blank lines before the statement */
      for (;;)
        {
          while (g_ascii_isspace (*start))
            start++;
          if (!g_str_has_prefix (start, "--"))
            break;
          start = strchr (start, '\n');
          if (start == NULL)
            break;
        }
      if (start == NULL || !g_str_has_prefix (start, "CREATE VIEW "))
        continue;
      words = g_strsplit (start, " ", 4);
      if (g_strv_length (words) >= 3)
        g_hash_table_insert (views, g_strdup (words[2]), g_strdup (start));
    }

  return g_steal_pointer (&views);
}

/* Refuses a file holding triggers, or views that are not those of
 * schema.sql, by name and (when compare_text; an older version's views may
 * read differently until migrated) by text: another program's code that
 * would run, or mislead, unseen. Plan Monitor writes no triggers. */
gboolean
pm_store_schema_check_code (PmStore *self,
                            gboolean compare_text,
                            GError **error)
{
  g_autoptr (GHashTable) ours = schema_views (error);
  g_autoptr (GdaDataModel) model = NULL;

  if (ours == NULL)
    return FALSE;
  model = pm_store_sql_select (self, error,
                               "SELECT type, name, sql FROM sqlite_master "
                               "WHERE type = 'trigger' OR type = 'view' ORDER BY type, name",
                               NULL);
  if (model == NULL)
    return FALSE;

  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      const char *type = pm_store_value_text (pm_store_model_get (model, 0, row));
      const char *name = pm_store_value_text (pm_store_model_get (model, 1, row));
      const char *sql = pm_store_value_text (pm_store_model_get (model, 2, row));
      const char *expected = name ? g_hash_table_lookup (ours, name) : NULL;

      if (g_strcmp0 (type, "view") == 0 && expected &&
          (!compare_text || g_strcmp0 (sql, expected) == 0))
        continue;

      if (g_strcmp0 (type, "trigger") == 0)
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FOREIGN_CODE,
                     _("“%s” holds a trigger that Plan Monitor did not write (“%s”): it could "
                       "change values or their history unseen, so the project was not opened. "
                       "Open a backup copy, or have whoever added it remove it "
                       "(DROP TRIGGER \"%s\")."),
                     self->display_name, name, name);
      else
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FOREIGN_CODE,
                     _("“%s” holds a view that Plan Monitor did not write (“%s”): it could "
                       "show other figures than the project's, so the project was not opened. "
                       "Open a backup copy, or have whoever changed it undo the change."),
                     self->display_name, name);
      return FALSE;
    }

  return TRUE;
}

/* Takes the file from from_version to PM_STORE_SCHEMA_VERSION, all steps
 * in one transaction: a failure leaves the file as it was. Foreign keys are
 * off meanwhile, as SQLite asks for schema changes, and checked at the end. */
gboolean
pm_store_schema_migrate (PmStore *self,
                         int      from_version,
                         GError **error)
{
  g_autoptr (GdaDataModel) violations = NULL;
  gboolean ok = FALSE;

  if (!run_pragma (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  if (!pm_store_sql_begin (self, error))
    goto out;

  for (int version = from_version; version < PM_STORE_SCHEMA_VERSION; version++)
    {
      const Migration *step = NULL;
      g_autofree char *script = NULL;

      for (gsize i = 0; i < G_N_ELEMENTS (migrations); i++)
        if (migrations[i].resource && migrations[i].from_version == version)
          step = &migrations[i];

      if (step == NULL)
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                       _("This version of Plan Monitor cannot convert files of format %d."),
                       version);
          pm_store_sql_rollback (self);
          goto out;
        }

      g_debug ("Migrating %s from schema version %d", self->path, version);
      if (!(script = load_script (step->resource, error)) ||
          !pm_store_sql_exec_script (self, script, error))
        {
          pm_store_sql_rollback (self);
          goto out;
        }
    }

  /* the chain of the rows an older version wrote (up to 4: none has a hash);
   * a file of version 5 on keeps its hashes, so that a history altered
   * before the migration still shows */
  if ((from_version < 5 && !pm_store_chain_seal (self, 1, error)) ||
      !mark_file (self, error) || !pm_store_schema_check_code (self, TRUE, error))
    {
      pm_store_sql_rollback (self);
      goto out;
    }

  violations = pm_store_sql_select (self, error, "PRAGMA foreign_key_check", NULL);
  if (violations == NULL)
    {
      pm_store_sql_rollback (self);
      goto out;
    }
  if (gda_data_model_get_n_rows (violations) > 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED,
                   _("“%s” could not be converted to the current format: its data breaks "
                     "%d links between tables."),
                   self->display_name, gda_data_model_get_n_rows (violations));
      pm_store_sql_rollback (self);
      goto out;
    }

  ok = pm_store_sql_commit (self, error);

out:
  {
    g_autoptr (GError) ignored = NULL;

    /* statements prepared before the change may refer to the old schema */
    pm_store_sql_clear_statements (self);
    run_pragma (self, "PRAGMA foreign_keys = ON", &ignored);
  }
  return ok;
}
