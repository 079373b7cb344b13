/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pm-department.h"
#include "pm-indicator.h"
#include "pm-observation.h"
#include "pm-project.h"
#include "pm-store-private.h"
#include "pm-task.h"

/* A project file, open. See resources/schema/README.md for the file and its schema.
 *
 * Opening checks the file's bytes before SQLite sees it (pm-store-file.c),
 * takes the lock beside it when opening for writing, runs PRAGMA integrity_check,
 * migrates an older schema after writing a backup copy, and loads the model.
 * A file that is refused is never written to.
 *
 * Every edit is one transaction, written through at once, with one history
 * row per observation changed. The edits form an undo stack; undoing is an
 * edit of its own (with its own history rows, origin 'undo'). */

struct _PmStoreEdit
{
  char *label;
  GPtrArray *changes; /* of PmStoreChange */
};

G_DEFINE_QUARK (pm-store-error-quark, pm_store_error)

G_DEFINE_FINAL_TYPE (PmStore, pm_store, G_TYPE_OBJECT)

/* A work item's id for a message: 64-bit formats cannot stand in a
 * translatable string. Valid until the next call in this thread. */
static const char *
id_text (gint64 id)
{
  static GPrivate buffer = G_PRIVATE_INIT (g_free);
  char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_private_replace (&buffer, text);
  return text;
}

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_USER_NAME,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Edits kept for undo; older ones are forgotten. */
#define MAX_UNDO 100

/* The check of every opening. integrity_check, not quick_check: only it
 * compares each index with its table, and a file whose index disagrees
 * with its table must be refused, not written to. It costs ~100 ms more on
 * a history of 100,000 rows, spent on the second connection while the model
 * loads (bench-store prints both). */
#define OPEN_CHECK "PRAGMA integrity_check"

/* OPEN_CHECK running on a connection of its own (see below) */
typedef struct
{
  char *db_path;
  char *result;
  GError *error;
} IntegrityCheck;

static void
integrity_check_free (IntegrityCheck *check)
{
  g_free (check->db_path);
  g_free (check->result);
  g_clear_error (&check->error);
  g_free (check);
}

static void
edit_free (PmStoreEdit *edit)
{
  g_free (edit->label);
  g_ptr_array_unref (edit->changes);
  g_free (edit);
}

void
pm_store_value_clear (PmStoreValue *value)
{
  g_clear_pointer (&value->text, g_free);
  g_clear_pointer (&value->note, g_free);
  g_clear_pointer (&value->source, g_free);
  value->exists = FALSE;
}

void
pm_store_change_free (PmStoreChange *change)
{
  g_free (change->code);
  g_free (change->area);
  pm_store_value_clear (&change->before);
  pm_store_value_clear (&change->after);
  g_free (change);
}

void
pm_store_value_from_observation (PmStoreValue  *value,
                                 PmObservation *observation)
{
  value->exists = observation != NULL;
  if (observation == NULL)
    return;

  value->value = pm_observation_get_value (observation);
  value->text = g_strdup (pm_observation_get_text (observation));
  value->note = g_strdup (pm_observation_get_note (observation));
  value->source = g_strdup (pm_observation_get_source (observation));
  value->provisional = pm_observation_get_provisional (observation);
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || memcmp (&a, &b, sizeof a) == 0;
}

gboolean
pm_store_value_equal (const PmStoreValue *a,
                      const PmStoreValue *b)
{
  if (a->exists != b->exists)
    return FALSE;
  if (!a->exists)
    return TRUE;

  return same_number (a->value, b->value) &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->source, b->source) == 0 &&
         !a->provisional == !b->provisional;
}

static void
close_connection (PmStore *self)
{
  if (self->statements)
    pm_store_sql_clear_statements (self);
  g_clear_object (&self->parser);
  if (self->cnc)
    {
      gda_connection_close (self->cnc);
      g_clear_object (&self->cnc);
    }
}

static void
remove_temp_dir (PmStore *self)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (self->temp_dir == NULL)
    return;

  if ((dir = g_dir_open (self->temp_dir, 0, NULL)))
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *path = g_build_filename (self->temp_dir, name, NULL);

        g_unlink (path);
      }
  g_rmdir (self->temp_dir);
  g_clear_pointer (&self->temp_dir, g_free);
}

static void
pm_store_dispose (GObject *object)
{
  PmStore *self = PM_STORE (object);

  if (self->integrity_check)
    integrity_check_free (g_thread_join (g_steal_pointer (&self->integrity_check)));
  pm_store_close (self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (pm_store_parent_class)->dispose (object);
}

static void
pm_store_finalize (GObject *object)
{
  PmStore *self = PM_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->accepted, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (pm_store_parent_class)->finalize (object);
}

static void
pm_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PmStore *self = PM_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pm_store_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, pm_store_can_redo (self));
      break;
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PmStore *self = PM_STORE (object);

  switch (prop_id)
    {
    case PROP_USER_NAME:
      pm_store_set_user_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_store_class_init (PmStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_store_dispose;
  object_class->finalize = pm_store_finalize;
  object_class->get_property = pm_store_get_property;
  object_class->set_property = pm_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_store_init (PmStore *self)
{
  self->statements = pm_store_sql_new_statement_table ();
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
  self->accepted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->user_name = g_strdup (pm_store_default_user_name ());
}

static PmStore *
store_new (const char *path)
{
  PmStore *self = g_object_new (PM_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->display_name = pm_store_file_display_name (path);

  return self;
}

static gboolean
run_pragma (PmStore    *self,
            const char *pragma,
            GError    **error)
{
  g_autoptr (GdaDataModel) model = pm_store_sql_select (self, error, pragma, NULL);

  return model != NULL;
}

static gboolean
connect_to (PmStore    *self,
            const char *db_path,
            GError    **error)
{
  self->cnc = pm_store_sql_connect (db_path, error);
  if (self->cnc == NULL)
    return FALSE;

  self->parser = gda_sql_parser_new ();
  g_object_set (self->parser, "mode", GDA_SQL_PARSER_MODE_DELIMIT, NULL);

  /* another program reading the file holds the writer back only briefly */
  return run_pragma (self, "PRAGMA busy_timeout = 5000", error) &&
         run_pragma (self, "PRAGMA temp_store = MEMORY", error) &&
         run_pragma (self, "PRAGMA foreign_keys = ON", error);
}

/* The journal mode and durability of every file: see resources/schema/README.md. */
static gboolean
set_durability (PmStore *self,
                GError **error)
{
  return run_pragma (self, "PRAGMA journal_mode = DELETE", error) &&
         run_pragma (self, "PRAGMA synchronous = FULL", error);
}

/* Reads the answer of PRAGMA quick_check or integrity_check: "ok", or the
 * problems found, or an error where SQLite could not even read the file. */
static gboolean
integrity_result (PmStore      *self,
                  const char   *result,
                  const GError *sql_error,
                  GError      **error)
{
  if (result == NULL)
    {
      g_autoptr (GError) local_error = NULL;

      /* sql_error is either libgda's, or already in words (PM_STORE_ERROR) */
      if (sql_error && sql_error->domain == PM_STORE_ERROR)
        local_error = g_error_copy (sql_error);
      else
        pm_store_sql_set_error (self, &local_error, sql_error);

      if (g_error_matches (local_error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED))
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be read (%s)."), self->display_name,
                     local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_strcmp0 (result, "ok") != 0)
    {
      g_auto (GStrv) lines = g_strsplit (result, "\n", 2);

      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged (%s). Open a backup copy instead."), self->display_name,
                   lines[0]);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_integrity (PmStore    *self,
                 const char *pragma,
                 GError    **error)
{
  g_autofree char *result = NULL;
  g_autoptr (GError) local_error = NULL;

  result = pm_store_sql_query_text (self, pragma, &local_error);
  return integrity_result (self, result, local_error, error);
}

/* OPEN_CHECK reads every page: it runs on a connection of its own,
 * on another thread, while the model loads; opening waits for its answer
 * before it returns, so a damaged file is still refused. */
static gpointer
run_integrity_check (gpointer data)
{
  IntegrityCheck *check = data;
  g_autoptr (GdaSqlParser) parser = NULL;
  g_autoptr (GdaConnection) cnc = NULL;
  g_autoptr (GdaDataModel) model = NULL;
  g_autoptr (GString) result = NULL;

  cnc = pm_store_sql_connect_reader (check->db_path, &parser, &check->error);
  if (cnc == NULL)
    return check;

  model = pm_store_sql_select_on (cnc, parser, OPEN_CHECK, &check->error);
  if (model)
    {
      result = g_string_new (NULL);
      for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
        {
          const char *line = pm_store_value_text (pm_store_model_get (model, 0, row));

          g_string_append_printf (result, "%s%s", row > 0 ? "\n" : "", line ? line : "");
        }
      check->result = g_string_free (g_steal_pointer (&result), FALSE);
    }

  g_clear_object (&model);
  gda_connection_close (cnc);
  return check;
}

static void
start_integrity_check (PmStore *self)
{
  IntegrityCheck *check = g_new0 (IntegrityCheck, 1);

  check->db_path = g_strdup (self->db_path);
  self->integrity_check = g_thread_new ("pm-store-check", run_integrity_check, check);
}

static gboolean
finish_integrity_check (PmStore *self,
                        GError **error)
{
  IntegrityCheck *check;
  gboolean ok;

  if (self->integrity_check == NULL)
    return TRUE;

  check = g_thread_join (g_steal_pointer (&self->integrity_check));
  ok = integrity_result (self, check->result, check->error, error);
  integrity_check_free (check);
  return ok;
}

static char *
backup_path_for (const char *path,
                 int         version)
{
  char *backup = g_strdup_printf ("%s.v%d.bak", path, version);

  for (int n = 2; g_file_test (backup, G_FILE_TEST_EXISTS); n++)
    {
      g_free (backup);
      backup = g_strdup_printf ("%s.v%d-%d.bak", path, version, n);
    }

  return backup;
}

/* Opens the connection on a checked file and brings its schema up to date.
 * A read-only project of an older version is migrated in a temporary copy:
 * the file itself is left as it is. */
static gboolean
open_checked (PmStore *self,
              int      version,
              GError **error)
{
  g_autofree char *copy_path = NULL;
  const char *db_path = self->path;
  gint64 application_id = 0, file_version = 0;

  if (self->read_only && version < PM_STORE_SCHEMA_VERSION)
    {
      g_autofree char *journal = g_strconcat (self->path, "-journal", NULL);
      g_autofree char *name = g_path_get_basename (self->path);

      self->temp_dir = g_dir_make_tmp ("plan-monitor-XXXXXX", error);
      if (self->temp_dir == NULL)
        return FALSE;
      copy_path = g_build_filename (self->temp_dir, name, NULL);
      if (!pm_store_file_copy (self->path, copy_path, error))
        return FALSE;
      if (pm_store_file_has_hot_journal (self->path) && g_file_test (journal, G_FILE_TEST_EXISTS))
        {
          g_autofree char *copy_journal = g_strconcat (copy_path, "-journal", NULL);

          if (!pm_store_file_copy (journal, copy_journal, error))
            return FALSE;
        }
      db_path = copy_path;
    }

  g_free (self->db_path);
  self->db_path = g_strdup (db_path);
  if (!connect_to (self, db_path, error))
    return FALSE;

  /* a journal to play back, or a migration to come: check first, alone */
  if (version < PM_STORE_SCHEMA_VERSION || pm_store_file_has_hot_journal (db_path))
    {
      if (!check_integrity (self, OPEN_CHECK, error))
        return FALSE;
    }
  else
    start_integrity_check (self);

  /* the header was checked before; SQLite may have rolled a journal back since */
  if (!pm_store_sql_query_int (self, "PRAGMA application_id", &application_id, error) ||
      !pm_store_sql_query_int (self, "PRAGMA user_version", &file_version, error))
    return FALSE;
  if (application_id != PM_STORE_APPLICATION_ID)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_PROJECT,
                   _("“%s” is an SQLite database, but not a Plan Monitor project."),
                   self->display_name);
      return FALSE;
    }
  if (file_version > PM_STORE_SCHEMA_VERSION || file_version < 1)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Plan Monitor (file format %d; this "
                     "version reads formats up to %d). Update Plan Monitor to open it."),
                   self->display_name, (int) file_version, PM_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  /* before anything is written: a trigger would run with our writes */
  if (!pm_store_schema_check_code (self, file_version == PM_STORE_SCHEMA_VERSION, error))
    return FALSE;

  if (file_version < PM_STORE_SCHEMA_VERSION)
    {
      if (copy_path == NULL)
        {
          self->backup_path = backup_path_for (self->path, (int) file_version);
          if (!pm_store_file_copy (self->path, self->backup_path, error))
            {
              g_clear_pointer (&self->backup_path, g_free);
              return FALSE;
            }
        }
      if (!pm_store_schema_migrate (self, (int) file_version, error))
        {
          /* nothing was changed: the backup is not needed */
          if (self->backup_path)
            g_unlink (self->backup_path);
          g_clear_pointer (&self->backup_path, g_free);
          return FALSE;
        }
      self->migrated_from = (int) file_version;
    }

  if (!self->read_only || copy_path)
    {
      if (!set_durability (self, error))
        return FALSE;
    }
  if (self->read_only)
    return run_pragma (self, "PRAGMA query_only = 1", error);

  return TRUE;
}

/**
 * pm_store_prepare:
 *
 * Sets up what the store is built on (libgda: its value types and its
 * providers) on the calling thread. pm_store_open () does it when needed;
 * to open a store on another thread while this one goes on making objects
 * (the window starting), call this first here: libgda registers GValue
 * transformations, which GLib does not let two threads do at once.
 */
void
pm_store_prepare (void)
{
  gda_init ();
}

/**
 * pm_store_open:
 * @path: a project file
 * @flags: read-only or read-write, and whether to fall back to read-only
 * @error: PM_STORE_ERROR
 *
 * Opens a project file. For writing, a lock file beside it keeps other
 * programs from writing at the same time: a second one gets
 * %PM_STORE_ERROR_IN_USE naming who has it, or with
 * %PM_STORE_OPEN_READ_ONLY_IF_NEEDED opens it read-only.
 *
 * Returns: (transfer full): the open store, its model loaded
 */
PmStore *
pm_store_open (const char       *path,
               PmStoreOpenFlags  flags,
               GError          **error)
{
  g_autoptr (PmStore) self = NULL;
  g_autofree char *reason = NULL;
  g_autoptr (GError) load_error = NULL;
  gboolean want_write = (flags & PM_STORE_OPEN_READ_ONLY) == 0;
  gint64 start = g_get_monotonic_time ();
  int version = 0;

  g_return_val_if_fail (path != NULL && *path, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!pm_store_file_check (path, &version, error))
    return NULL;

  self = store_new (path);

  if (want_write && !pm_store_file_check_writable (path, &reason))
    {
      if ((flags & PM_STORE_OPEN_READ_ONLY_IF_NEEDED) == 0)
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                       _("%s “%s” can only be opened for reading."), reason, self->display_name);
          return NULL;
        }
      self->read_only_reason = g_strdup_printf (_("%s It was opened for reading only."), reason);
      want_write = FALSE;
    }

  if (want_write)
    {
      g_autoptr (GError) lock_error = NULL;

      self->lock = pm_store_lock_acquire (path, &lock_error);
      if (self->lock == NULL)
        {
          if ((flags & PM_STORE_OPEN_READ_ONLY_IF_NEEDED) == 0)
            {
              g_propagate_error (error, g_steal_pointer (&lock_error));
              return NULL;
            }
          self->read_only_reason = g_strdup_printf (_("%s It was opened for reading only."),
                                                    lock_error->message);
          want_write = FALSE;
        }
    }
  self->read_only = !want_write;

  if (!open_checked (self, version, error))
    return NULL;

  /* a damaged file may fail to load: the check's answer says it better */
  self->project = pm_store_catalogue_load (self, &load_error);
  if (!finish_integrity_check (self, error))
    return NULL;
  if (self->project == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&load_error));
      return NULL;
    }
  if (!pm_store_department_load (self, error))
    return NULL;

  g_debug ("Opened %s in %.1f ms", path, (g_get_monotonic_time () - start) / 1000.0);
  return g_steal_pointer (&self);
}

static gboolean
sync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  fsync (fd);
  close (fd);
  return TRUE;
}

/* Puts the finished temporary file at path, failing if a file appeared
 * there meanwhile. */
static gboolean
publish_new_file (const char *temp_path,
                  const char *path,
                  GError    **error)
{
  int saved_errno;

  if (link (temp_path, path) == 0)
    {
      g_unlink (temp_path);
      return TRUE;
    }

  saved_errno = errno;
  if (saved_errno != EEXIST && !g_file_test (path, G_FILE_TEST_EXISTS) &&
      g_rename (temp_path, path) == 0)
    return TRUE; /* a file system without hard links (FAT) */

  if (saved_errno == EEXIST || g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = pm_store_file_display_name (path);

      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_EXISTS,
                   _("“%s” already exists: choose another name, or open it."), display);
    }
  else
    pm_store_set_disk_error (error, path, errno);

  return FALSE;
}

static gboolean
check_new_file_location (const char *path,
                         GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_display = g_filename_display_name (dir);
  g_autofree char *display = pm_store_file_display_name (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_EXISTS,
                   _("“%s” already exists: choose another name, or open it."), display);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist."), dir_display);
      return FALSE;
    }
  /* by its permissions, as when opening: root would write there anyway */
  if (!pm_store_file_folder_is_writable (dir))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                   _("The folder “%s” is read-only: “%s” cannot be written there."),
                   dir_display, display);
      return FALSE;
    }

  return TRUE;
}

/* Writes a new file from the built-in template at temp_path. */
static gboolean
write_new_file (PmStore    *self,
                const char *temp_path,
                GError    **error)
{
  g_autoptr (PmProject) template = NULL;

  if (!(template = pm_project_new_from_template (error)))
    return FALSE;

  if (!connect_to (self, temp_path, error) ||
      !set_durability (self, error) ||
      !pm_store_sql_begin (self, error))
    return FALSE;

  if (!pm_store_schema_create (self, error) ||
      !pm_store_catalogue_write (self, template, error) ||
      !pm_store_sql_commit (self, error))
    {
      pm_store_sql_rollback (self);
      return FALSE;
    }

  close_connection (self);
  return TRUE;
}

/**
 * pm_store_create_from_template:
 * @path: where the new project goes; no file may be there
 * @error: PM_STORE_ERROR
 *
 * Creates a project file holding the built-in catalogue of both plans and
 * opens it for writing. The file is written under a temporary name and
 * appears at @path only when complete.
 *
 * Returns: (transfer full): the new project, open
 */
PmStore *
pm_store_create_from_template (const char *path,
                               GError    **error)
{
  g_autoptr (PmStore) self = NULL;
  g_autoptr (GError) load_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *temp_path = NULL;
  int fd;

  g_return_val_if_fail (path != NULL && *path, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_new_file_location (path, error))
    return NULL;

  self = store_new (path);
  if (!(self->lock = pm_store_lock_acquire (path, error)))
    return NULL;

  dir = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  template_name = g_strdup_printf (".%s.XXXXXX", name);
  temp_path = g_build_filename (dir, template_name, NULL);
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      pm_store_set_disk_error (error, path, errno);
      return NULL;
    }
  close (fd);

  if (!write_new_file (self, temp_path, error))
    {
      close_connection (self);
      g_unlink (temp_path);
      return NULL;
    }

  if (!publish_new_file (temp_path, path, error))
    {
      g_unlink (temp_path);
      return NULL;
    }
  sync_directory (dir);

  if (!open_checked (self, PM_STORE_SCHEMA_VERSION, error))
    return NULL;
  /* a damaged file may fail to load: the check's answer says it better */
  self->project = pm_store_catalogue_load (self, &load_error);
  if (!finish_integrity_check (self, error))
    return NULL;
  if (self->project == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&load_error));
      return NULL;
    }
  if (!pm_store_department_load (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Closes the file and removes the lock; the model stays usable. */
void
pm_store_close (PmStore *self)
{
  g_return_if_fail (PM_IS_STORE (self));

  close_connection (self);
  g_clear_pointer (&self->lock, pm_store_lock_release);
  remove_temp_dir (self);
}

const char *
pm_store_get_path (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  return self->path;
}

gboolean
pm_store_is_read_only (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), TRUE);
  return self->read_only;
}

/* Returns: (nullable): why a project asked for writing was opened
 * read-only (in use, a read-only file or folder) */
const char *
pm_store_get_read_only_reason (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  return self->read_only_reason;
}

/* Returns: the schema version the file had before it was migrated on
 * opening, or 0 */
int
pm_store_get_migrated_from (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), 0);
  return self->migrated_from;
}

/* Returns: (nullable): the backup written before migrating the file */
const char *
pm_store_get_backup_path (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  return self->backup_path;
}

/* Returns: (transfer none): the model of the project */
PmProject *
pm_store_get_project (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  return self->project;
}

const char *
pm_store_get_user_name (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), NULL);
  return self->user_name;
}

/* Sets who history rows name; NULL or "" goes back to the OS user. */
void
pm_store_set_user_name (PmStore    *self,
                        const char *name)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (PM_IS_STORE (self));

  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (*stripped == '\0')
    {
      g_free (stripped);
      stripped = g_strdup (pm_store_default_user_name ());
    }

  if (g_strcmp0 (stripped, self->user_name) == 0)
    return;

  g_free (self->user_name);
  self->user_name = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_NAME]);
}

gboolean
pm_store_check_writable (PmStore *self,
                         GError **error)
{
  if (self->cnc == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                   _("“%s” is closed."), self->display_name);
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                   _("“%s” is open for reading only: it cannot be changed."),
                   self->display_name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_open (PmStore *self,
            GError **error)
{
  if (self->cnc == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                   _("“%s” is closed."), self->display_name);
      return FALSE;
    }

  return TRUE;
}

/* Texts in the file may hold tabs and line breaks but no other control
 * characters (the loader uses two of them as separators). */
static gboolean
check_text (const char *what,
            const char *text,
            GError    **error)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The %s is not valid UTF-8 text."), what);
      return FALSE;
    }
  for (const char *p = text; *p; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n')
      {
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                     _("The %s holds a control character."), what);
        return FALSE;
      }

  return TRUE;
}

gboolean
pm_store_check_open (PmStore *self,
                     GError **error)
{
  return check_open (self, error);
}

gboolean
pm_store_check_text (const char *what,
                     const char *text,
                     GError    **error)
{
  return check_text (what, text, error);
}

static char *
nonempty (const char *text)
{
  return text && *text ? g_strdup (text) : NULL;
}

/* Observations. */

static gboolean
write_change (PmStoreSqlRows      *staging,
              const PmStoreChange *change,
              const PmStoreValue  *target,
              guint                sequence,
              GError             **error)
{
  return pm_store_sql_rows_add (staging, error,
                                "sequence", PM_SQL_INT, (int) sequence,
                                "indicator", PM_SQL_TEXT, change->code,
                                "year", PM_SQL_INT, change->year,
                                "area", PM_SQL_TEXT, change->area,
                                "present", PM_SQL_BOOL, target->exists,
                                "value", PM_SQL_REAL, target->exists ? target->value : NAN,
                                "text", PM_SQL_TEXT, target->text,
                                "note", PM_SQL_TEXT, target->note,
                                "source", PM_SQL_TEXT, target->source,
                                "provisional", PM_SQL_BOOL, target->provisional,
                                NULL);
}

/* Writes the changes in one transaction: each row goes into a staging table,
 * then three statements write the history rows (with the values the file
 * held before), delete and upsert. forward applies change->after, backward
 * (undo) change->before, last change first. The model follows on success. */
gboolean
pm_store_apply_changes (PmStore         *self,
                        GPtrArray       *changes,
                        gboolean         forward,
                        PmHistoryOrigin  origin,
                        GError         **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  if (!pm_store_write_changes (self, changes, forward, origin, now, error))
    return FALSE;
  pm_store_follow_changes (self, changes, forward, now);
  return TRUE;
}

/* The file part of pm_store_apply_changes (): may run in a worker thread,
 * touches nothing of the model. */
gboolean
pm_store_write_changes (PmStore         *self,
                        GPtrArray       *changes,
                        gboolean         forward,
                        PmHistoryOrigin  origin,
                        GDateTime       *now,
                        GError         **error)
{
  g_autofree char *changed_at = pm_store_format_time (now);
  gint64 first_history_id;
  g_autoptr (PmStoreSqlRows) staging = NULL;

  if (!pm_store_check_writable (self, error) || !pm_store_check_locks (self, changes, error))
    return FALSE;

  if (!pm_store_sql_begin (self, error))
    return FALSE;
  if ((first_history_id = pm_store_chain_next_id (self, error)) == 0)
    goto failed;

  if (!pm_store_sql_exec (self, error,
                          "CREATE TEMP TABLE IF NOT EXISTS staging (sequence INTEGER PRIMARY KEY, "
                          "indicator TEXT NOT NULL, year INTEGER NOT NULL, area TEXT NOT NULL, "
                          "present INTEGER NOT NULL, value REAL, text TEXT, note TEXT, "
                          "source TEXT, provisional INTEGER NOT NULL)",
                          NULL) ||
      !pm_store_sql_exec (self, error, "DELETE FROM temp.staging", NULL))
    goto failed;

  staging = pm_store_sql_rows_new (self, "temp.staging");
  for (guint i = 0; i < changes->len; i++)
    {
      PmStoreChange *change = g_ptr_array_index (changes, forward ? i : changes->len - 1 - i);

      if (!write_change (staging, change, forward ? &change->after : &change->before, i, error))
        goto failed;
    }
  if (!pm_store_sql_rows_finish (staging, error))
    goto failed;

  if (!pm_store_sql_exec (self, error,
                          "INSERT INTO observation_history (indicator, year, area, action, "
                          "origin, old_value, old_text, old_note, old_source, old_provisional, "
                          "new_value, new_text, new_note, new_source, new_provisional, "
                          "changed_at, changed_by) "
                          "SELECT s.indicator, s.year, s.area, "
                          "CASE WHEN o.indicator IS NULL THEN 'insert' "
                          "WHEN s.present THEN 'update' ELSE 'delete' END, ##origin::string, "
                          "o.value, o.text, o.note, o.source, o.provisional, "
                          "iif (s.present, s.value, NULL), iif (s.present, s.text, NULL), "
                          "iif (s.present, s.note, NULL), iif (s.present, s.source, NULL), "
                          "iif (s.present, s.provisional, NULL), ##changed_at::string, "
                          "##changed_by::string "
                          "FROM temp.staging AS s LEFT JOIN observations AS o "
                          "ON o.indicator = s.indicator AND o.year = s.year AND o.area = s.area "
                          "WHERE s.present OR o.indicator IS NOT NULL "
                          "ORDER BY s.sequence",
                          "origin", PM_SQL_TEXT, pm_history_origin_to_string (origin),
                          "changed_at", PM_SQL_TEXT, changed_at,
                          "changed_by", PM_SQL_TEXT, self->user_name,
                          NULL) ||
      !pm_store_sql_exec (self, error,
                          "DELETE FROM observations WHERE (indicator, year, area) IN "
                          "(SELECT indicator, year, area FROM temp.staging WHERE NOT present)",
                          NULL) ||
      !pm_store_sql_exec (self, error,
                          "INSERT INTO observations (indicator, year, area, value, text, note, "
                          "source, provisional, changed_at, changed_by) "
                          "SELECT indicator, year, area, value, text, note, source, provisional, "
                          "##changed_at::string, ##changed_by::string FROM temp.staging "
                          "WHERE present ORDER BY sequence "
                          "ON CONFLICT (indicator, year, area) DO UPDATE SET "
                          "value = excluded.value, text = excluded.text, note = excluded.note, "
                          "source = excluded.source, provisional = excluded.provisional, "
                          "changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                          "changed_at", PM_SQL_TEXT, changed_at,
                          "changed_by", PM_SQL_TEXT, self->user_name,
                          NULL) ||
      !pm_store_sql_exec (self, error, "DELETE FROM temp.staging", NULL) ||
      !pm_store_chain_seal (self, first_history_id, error) ||
      !pm_store_sql_commit (self, error))
    goto failed;
  return TRUE;

failed:
  pm_store_sql_rollback (self);
  return FALSE;
}

/* The model part: the model follows what pm_store_write_changes () wrote,
 * on the thread the model belongs to (the main thread in the window). */
void
pm_store_follow_changes (PmStore   *self,
                         GPtrArray *changes,
                         gboolean   forward,
                         GDateTime *now)
{
  for (guint i = 0; i < changes->len; i++)
    {
      PmStoreChange *change = g_ptr_array_index (changes, forward ? i : changes->len - 1 - i);
      const PmStoreValue *target = forward ? &change->after : &change->before;
      PmIndicator *indicator = pm_project_find_indicator (self->project, change->code);

      if (target->exists)
        {
          g_autoptr (PmObservation) observation = pm_observation_new (change->year, change->area,
                                                                      target->value);

          pm_observation_set_text (observation, target->text);
          pm_observation_set_note (observation, target->note);
          pm_observation_set_source (observation, target->source);
          pm_observation_set_provisional (observation, target->provisional);
          pm_observation_set_changed (observation, now, self->user_name);
          pm_indicator_put_observation (indicator, observation);
        }
      else
        pm_indicator_remove_observation (indicator, change->year, change->area);
    }
}

static void
notify_undo (PmStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Takes label and changes. */
void
pm_store_push_edit (PmStore   *self,
                    char      *label,
                    GPtrArray *changes)
{
  PmStoreEdit *edit = g_new0 (PmStoreEdit, 1);

  edit->label = label;
  edit->changes = changes;
  g_ptr_array_add (self->undo_stack, edit);
  if (self->undo_stack->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_undo (self);
}

struct _PmStorePending
{
  char *label;
  GPtrArray *changes;
  GDateTime *when;
};

PmStorePending *
pm_store_pending_new (char      *label,
                      GPtrArray *changes,
                      GDateTime *when)
{
  PmStorePending *pending = g_new0 (PmStorePending, 1);

  pending->label = label;
  pending->changes = changes;
  pending->when = g_date_time_ref (when);
  return pending;
}

void
pm_store_pending_free (PmStorePending *pending)
{
  if (pending == NULL)
    return;
  g_free (pending->label);
  g_clear_pointer (&pending->changes, g_ptr_array_unref);
  g_date_time_unref (pending->when);
  g_free (pending);
}

/**
 * pm_store_finish_pending:
 * @pending: (transfer full): what an import with #PmStoreImportOptions.pending
 *   wrote to the file
 *
 * Brings the model and the undo list up to the file, on the thread the
 * model belongs to. The file already holds the values, so nothing can fail.
 */
void
pm_store_finish_pending (PmStore        *self,
                         PmStorePending *pending)
{
  g_return_if_fail (PM_IS_STORE (self));
  g_return_if_fail (pending != NULL);

  pm_store_follow_changes (self, pending->changes, TRUE, pending->when);
  pm_store_push_edit (self, g_steal_pointer (&pending->label),
                      g_steal_pointer (&pending->changes));
  pm_store_pending_free (pending);
}

/* Checks code, year and area; returns the indicator. */
static PmIndicator *
check_key (PmStore    *self,
           const char *code,
           int         year,
           const char *area,
           GError    **error)
{
  PmIndicator *indicator;

  if (code == NULL || !(indicator = pm_project_find_indicator (self->project, code)))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("There is no indicator with the code “%s”."), code ? code : "");
      return NULL;
    }
  if (year < PM_STORE_FIRST_YEAR || year > PM_STORE_LAST_YEAR)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The year %d is outside %d–%d."), year, PM_STORE_FIRST_YEAR,
                   PM_STORE_LAST_YEAR);
      return NULL;
    }
  if (area == NULL || *area == '\0' || !check_text (_("area"), area, error))
    {
      if (error && *error == NULL)
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID, _("The area is empty."));
      return NULL;
    }

  return indicator;
}

/**
 * pm_store_set_observation:
 *
 * Writes the value of an indicator for a year and an area (NULL: the whole
 * county) at once, with a history row, as one undoable edit.
 *
 * Returns: TRUE when the file holds the value
 */
gboolean
pm_store_set_observation (PmStore     *self,
                          const char  *code,
                          int          year,
                          const char  *area,
                          double       value,
                          const char  *text,
                          const char  *note,
                          const char  *source,
                          gboolean     provisional,
                          GError     **error)
{
  g_autoptr (GPtrArray) changes = NULL;
  PmStoreChange *change;
  PmIndicator *indicator;
  gboolean judgement;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!pm_store_check_writable (self, error))
    return FALSE;
  if (area == NULL)
    area = PM_AREA_COUNTY;
  if (!(indicator = check_key (self, code, year, area, error)))
    return FALSE;
  if (!check_text (_("text"), text, error) || !check_text (_("note"), note, error) ||
      !check_text (_("source"), source, error))
    return FALSE;
  judgement = pm_store_text_is_judgement (text);
  if (judgement && !pm_store_indicator_is_judged (indicator))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("“%s” is a judgement, but the target of %s is a figure that is measured, "
                     "not one a person judges."), text, code);
      return FALSE;
    }
  if (!isfinite (value) && !(judgement && isnan (value)))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The value of %s for %d is not a number."), code, year);
      return FALSE;
    }
  if (text && *text && !judgement)
    {
      g_autofree char *reason = NULL;
      g_autofree char *printed = NULL;
      double read;

      if (!pm_store_parse_number (text, pm_indicator_get_unit (indicator), &read, &printed,
                                  &reason) || !same_number (read, value))
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                       _("The text “%s” does not read as the value %g."), text, value);
          return FALSE;
        }
    }

  change = g_new0 (PmStoreChange, 1);
  change->code = g_strdup (code);
  change->year = year;
  change->area = g_strdup (area);
  pm_store_value_from_observation (&change->before,
                                   pm_indicator_find_observation (indicator, year, area));
  change->after.exists = TRUE;
  change->after.value = value;
  change->after.text = nonempty (text);
  change->after.note = nonempty (note);
  change->after.source = nonempty (source);
  change->after.provisional = !!provisional;

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_store_change_free);
  g_ptr_array_add (changes, change);

  if (pm_store_value_equal (&change->before, &change->after))
    return TRUE;

  if (!pm_store_apply_changes (self, changes, TRUE, PM_HISTORY_ORIGIN_EDIT, error))
    return FALSE;

  pm_store_push_edit (self, g_strdup_printf (_("Change %s %d"), code, year),
                      g_steal_pointer (&changes));
  return TRUE;
}

gboolean
pm_store_delete_observation (PmStore    *self,
                             const char *code,
                             int         year,
                             const char *area,
                             GError    **error)
{
  g_autoptr (GPtrArray) changes = NULL;
  PmStoreChange *change;
  PmIndicator *indicator;
  PmObservation *observation;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!pm_store_check_writable (self, error))
    return FALSE;
  if (area == NULL)
    area = PM_AREA_COUNTY;
  if (!(indicator = check_key (self, code, year, area, error)))
    return FALSE;

  observation = pm_indicator_find_observation (indicator, year, area);
  if (observation == NULL)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
                   _("%s has no value for %d (%s)."), code, year, area);
      return FALSE;
    }

  change = g_new0 (PmStoreChange, 1);
  change->code = g_strdup (code);
  change->year = year;
  change->area = g_strdup (area);
  pm_store_value_from_observation (&change->before, observation);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_store_change_free);
  g_ptr_array_add (changes, change);

  if (!pm_store_apply_changes (self, changes, TRUE, PM_HISTORY_ORIGIN_EDIT, error))
    return FALSE;

  pm_store_push_edit (self, g_strdup_printf (_("Delete %s %d"), code, year),
                      g_steal_pointer (&changes));
  return TRUE;
}

/**
 * pm_store_set_judgement:
 * @judgement: (nullable): 已达标, 未达标 … (pm_status_from_judgement ()); NULL
 *   or empty removes the judgement
 *
 * Records a person's judgement of a manual target for a county value of a
 * year. The year's number, note, source and provisional flag stay as they
 * are; a year without a number gets a value that is only the judgement.
 */
gboolean
pm_store_set_judgement (PmStore    *self,
                        const char *code,
                        int         year,
                        const char *judgement,
                        GError    **error)
{
  g_autofree char *trimmed = NULL;
  PmIndicator *indicator;
  PmObservation *observation;
  double value;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!pm_store_check_writable (self, error))
    return FALSE;
  if (!(indicator = check_key (self, code, year, PM_AREA_COUNTY, error)))
    return FALSE;

  trimmed = g_strstrip (g_strdup (judgement ? judgement : ""));
  observation = pm_indicator_find_observation (indicator, year, PM_AREA_COUNTY);
  value = observation ? pm_observation_get_value (observation) : NAN;

  if (*trimmed == '\0')
    {
      if (observation == NULL || !pm_store_text_is_judgement (pm_observation_get_text (observation)))
        return TRUE;
      if (isnan (value))
        return pm_store_delete_observation (self, code, year, PM_AREA_COUNTY, error);
      return pm_store_set_observation (self, code, year, PM_AREA_COUNTY, value, NULL,
                                       pm_observation_get_note (observation),
                                       pm_observation_get_source (observation),
                                       pm_observation_get_provisional (observation), error);
    }

  if (!pm_store_text_is_judgement (trimmed))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("“%s” is not a judgement: write 已达标, 未达标, 进度正常, 需加快进度, "
                     "进展缓慢 or 出现倒退."), trimmed);
      return FALSE;
    }

  return pm_store_set_observation (self, code, year, PM_AREA_COUNTY, value, trimmed,
                                   observation ? pm_observation_get_note (observation) : NULL,
                                   observation ? pm_observation_get_source (observation) : NULL,
                                   observation && pm_observation_get_provisional (observation),
                                   error);
}

/**
 * pm_store_read_typed_value:
 * @typed: what a person typed, not empty
 *
 * Reads @typed with pm_store_read_value () and puts it beside what the
 * county value of @year holds: a judgement typed for a manual target keeps
 * the year's number, and a number keeps the year's judgement.
 */
gboolean
pm_store_read_typed_value (PmIndicator *indicator,
                           int          year,
                           const char  *typed,
                           double      *value,
                           char       **text,
                           char       **reason)
{
  PmObservation *observation;
  const char *old_text;

  g_return_val_if_fail (PM_IS_INDICATOR (indicator), FALSE);

  if (!pm_store_read_value (indicator, typed, value, text, reason))
    return FALSE;

  observation = pm_indicator_find_observation (indicator, year, PM_AREA_COUNTY);
  old_text = observation ? pm_observation_get_text (observation) : NULL;
  if (pm_store_text_is_judgement (*text))
    *value = observation ? pm_observation_get_value (observation) : NAN;
  else if (pm_store_text_is_judgement (old_text))
    {
      g_free (*text);
      *text = g_strdup (old_text);
    }

  return TRUE;
}

/**
 * pm_store_set_typed_values:
 * @label: (nullable): what undo calls the edit
 *
 * Returns: FALSE, with nothing changed, when any value is not one of its
 * indicator (PM_STORE_ERROR_INVALID: the message names each), is locked
 * (PM_STORE_ERROR_LOCKED) or cannot be written
 */
gboolean
pm_store_set_typed_values (PmStore                 *self,
                           const PmStoreTypedValue *values,
                           guint                    n_values,
                           const char              *label,
                           GError                 **error)
{
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (values != NULL || n_values == 0, FALSE);

  if (!pm_store_check_writable (self, error))
    return FALSE;

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_store_change_free);
  for (guint i = 0; i < n_values; i++)
    {
      const PmStoreTypedValue *typed = &values[i];
      g_autoptr (GError) key_error = NULL;
      g_autofree char *reason = NULL;
      g_autofree char *trimmed = NULL;
      g_autofree char *key = NULL;
      PmStoreChange *change;
      PmIndicator *indicator;
      PmObservation *observation;

      if (!(indicator = check_key (self, typed->code, typed->year, PM_AREA_COUNTY, &key_error)))
        {
          g_string_append_printf (problems, "%s\n", key_error->message);
          continue;
        }
      key = g_strdup_printf ("%s\x1f%d", typed->code, typed->year);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        {
          g_string_append_printf (problems, _("%s %d: a second value for the same year\n"),
                                  typed->code, typed->year);
          continue;
        }

      observation = pm_indicator_find_observation (indicator, typed->year, PM_AREA_COUNTY);
      change = g_new0 (PmStoreChange, 1);
      change->code = g_strdup (typed->code);
      change->year = typed->year;
      change->area = g_strdup (PM_AREA_COUNTY);
      pm_store_value_from_observation (&change->before, observation);

      trimmed = g_strstrip (g_strdup (typed->typed ? typed->typed : ""));
      if (*trimmed)
        {
          change->after.exists = TRUE;
          if (!pm_store_read_typed_value (indicator, typed->year, trimmed, &change->after.value,
                                          &change->after.text, &reason))
            {
              /* TRANSLATORS: an indicator code, a year and why the value is wrong */
              g_string_append_printf (problems, _("%s %d: %s\n"), typed->code, typed->year,
                                      reason);
              pm_store_change_free (change);
              continue;
            }
          if (observation)
            {
              change->after.note = g_strdup (pm_observation_get_note (observation));
              change->after.source = g_strdup (pm_observation_get_source (observation));
              change->after.provisional = pm_observation_get_provisional (observation);
            }
        }

      if (pm_store_value_equal (&change->before, &change->after))
        pm_store_change_free (change);
      else
        g_ptr_array_add (changes, change);
    }

  if (problems->len > 0)
    {
      g_string_truncate (problems, problems->len - 1);
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("Nothing was changed:\n%s"), problems->str);
      return FALSE;
    }
  if (changes->len == 0)
    return TRUE;

  if (!pm_store_apply_changes (self, changes, TRUE, PM_HISTORY_ORIGIN_EDIT, error))
    return FALSE;

  pm_store_push_edit (self, label ? g_strdup (label) : g_strdup (_("Change values")),
                      g_steal_pointer (&changes));
  return TRUE;
}

gboolean
pm_store_can_undo (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  return !self->read_only && self->undo_stack->len > 0;
}

gboolean
pm_store_can_redo (PmStore *self)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  return !self->read_only && self->redo_stack->len > 0;
}

/* Returns: (nullable): what undo would undo ("Change W1 2023") */
const char *
pm_store_get_undo_label (PmStore *self)
{
  PmStoreEdit *edit;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  edit = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return edit->label;
}

const char *
pm_store_get_redo_label (PmStore *self)
{
  PmStoreEdit *edit;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  edit = g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1);
  return edit->label;
}

static gboolean
undo_or_redo (PmStore   *self,
              GPtrArray *from,
              GPtrArray *to,
              gboolean   forward,
              GError   **error)
{
  PmStoreEdit *edit;

  if (!pm_store_check_writable (self, error))
    return FALSE;
  if (from->len == 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_FAILED,
                   forward ? _("There is nothing to redo.") : _("There is nothing to undo."));
      return FALSE;
    }

  edit = g_ptr_array_index (from, from->len - 1);
  if (!pm_store_apply_changes (self, edit->changes, forward,
                               forward ? PM_HISTORY_ORIGIN_REDO : PM_HISTORY_ORIGIN_UNDO, error))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_undo (self);
  return TRUE;
}

gboolean
pm_store_undo (PmStore *self,
               GError **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  return undo_or_redo (self, self->undo_stack, self->redo_stack, FALSE, error);
}

gboolean
pm_store_redo (PmStore *self,
               GError **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  return undo_or_redo (self, self->redo_stack, self->undo_stack, TRUE, error);
}

/* History. */

static gboolean
origin_from_string (const char      *text,
                    PmHistoryOrigin *origin)
{
  for (PmHistoryOrigin o = PM_HISTORY_ORIGIN_EDIT; o <= PM_HISTORY_ORIGIN_REDO; o++)
    if (g_strcmp0 (text, pm_history_origin_to_string (o)) == 0)
      {
        *origin = o;
        return TRUE;
      }

  return FALSE;
}

static PmHistoryAction
action_from_string (const char *text)
{
  if (g_strcmp0 (text, "insert") == 0)
    return PM_HISTORY_INSERT;
  if (g_strcmp0 (text, "delete") == 0)
    return PM_HISTORY_DELETE;
  return PM_HISTORY_UPDATE;
}

/* Returns: (transfer full) (element-type PmHistoryEntry): history rows,
 * newest first */
GPtrArray *
pm_store_list_history (PmStore    *self,
                       const char *code,
                       int         year,
                       const char *area,
                       guint       limit,
                       GError    **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GdaDataModel) model = NULL;
  GPtrArray *entries;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  /* the parameters are always bound; unused ones sit in a true condition */
  g_string_append (sql,
                   "SELECT id, indicator, year, area, action, origin, old_value, old_text, "
                   "old_note, old_source, old_provisional, new_value, new_text, new_note, "
                   "new_source, new_provisional, changed_at, changed_by "
                   "FROM observation_history WHERE ");
  g_string_append (sql, code ? "indicator = ##code::string" : "##code::string IS NULL");
  g_string_append (sql, year ? " AND year = ##year::gint" : " AND ##year::gint = 0");
  g_string_append (sql, area ? " AND area = ##area::string" : " AND ##area::string IS NULL");
  g_string_append (sql, " ORDER BY id DESC LIMIT ##limit::gint");

  model = pm_store_sql_select (self, error, sql->str,
                               "code", PM_SQL_TEXT, code,
                               "year", PM_SQL_INT, year,
                               "area", PM_SQL_TEXT, area,
                               "limit", PM_SQL_INT, limit ? (int) MIN (limit, G_MAXINT) : -1,
                               NULL);
  if (model == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_history_entry_free);
  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      PmHistoryEntry *entry = g_new0 (PmHistoryEntry, 1);

#define CELL(column) pm_store_model_get (model, (column), row)
      entry->id = pm_store_value_int (CELL (0));
      entry->code = g_strdup (pm_store_value_text (CELL (1)));
      entry->year = (int) pm_store_value_int (CELL (2));
      entry->area = g_strdup (pm_store_value_text (CELL (3)));
      entry->action = action_from_string (pm_store_value_text (CELL (4)));
      if (!origin_from_string (pm_store_value_text (CELL (5)), &entry->origin))
        entry->origin = PM_HISTORY_ORIGIN_EDIT;
      entry->old_value = pm_store_value_real (CELL (6));
      entry->old_text = g_strdup (pm_store_value_text (CELL (7)));
      entry->old_note = g_strdup (pm_store_value_text (CELL (8)));
      entry->old_source = g_strdup (pm_store_value_text (CELL (9)));
      entry->old_provisional = pm_store_value_int (CELL (10)) != 0;
      entry->new_value = pm_store_value_real (CELL (11));
      entry->new_text = g_strdup (pm_store_value_text (CELL (12)));
      entry->new_note = g_strdup (pm_store_value_text (CELL (13)));
      entry->new_source = g_strdup (pm_store_value_text (CELL (14)));
      entry->new_provisional = pm_store_value_int (CELL (15)) != 0;
      entry->changed_at = pm_store_value_time (CELL (16));
      entry->changed_by = g_strdup (pm_store_value_text (CELL (17)));
#undef CELL

      g_ptr_array_add (entries, entry);
    }

  return entries;
}

/* Work items. */

static gboolean
check_date (const char *what,
            const char *text,
            GError    **error)
{
  g_autoptr (GDate) date = NULL;
  int y, m, d;
  char end;

  if (text == NULL)
    return TRUE;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || strlen (text) != 10 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The %s “%s” is not a date (YYYY-MM-DD)."), what, text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; text && *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

static gboolean
check_work_item (PmStore          *self,
                 const PmWorkItem *item,
                 GError          **error)
{
  if (item->department == NULL || !pm_project_find_department (self->project, item->department))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("There is no department “%s”."), item->department ? item->department : "");
      return FALSE;
    }
  if (item->year < PM_STORE_FIRST_YEAR || item->year > PM_STORE_LAST_YEAR)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The year %d is outside %d–%d."), item->year, PM_STORE_FIRST_YEAR,
                   PM_STORE_LAST_YEAR);
      return FALSE;
    }
  if (is_blank (item->title))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("A work item needs a title."));
      return FALSE;
    }
  if (item->indicator_code && !pm_project_find_indicator (self->project, item->indicator_code))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("There is no indicator with the code “%s”."), item->indicator_code);
      return FALSE;
    }
  if (item->task_code)
    {
      GListModel *tasks = pm_project_get_tasks (self->project);
      gboolean found = FALSE;

      for (guint i = 0; !found && i < g_list_model_get_n_items (tasks); i++)
        {
          g_autoptr (PmTask) task = g_list_model_get_item (tasks, i);

          found = g_strcmp0 (pm_task_get_code (task), item->task_code) == 0;
        }
      if (!found)
        {
          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                       _("There is no task with the code “%s”."), item->task_code);
          return FALSE;
        }
    }
  if (!check_date (_("start date"), item->starts_on, error) ||
      !check_date (_("due date"), item->due_on, error))
    return FALSE;
  if (item->starts_on && item->due_on && strcmp (item->starts_on, item->due_on) > 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID,
                   _("The due date %s comes before the start date %s."), item->due_on,
                   item->starts_on);
      return FALSE;
    }
  if ((guint) item->status > PM_WORK_STATUS_CANCELLED)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID, _("Unknown status."));
      return FALSE;
    }

  return check_text (_("title"), item->title, error) && check_text (_("note"), item->note, error);
}

/* Returns: the new item's id, or 0 with error set */
gint64
pm_store_add_work_item (PmStore          *self,
                        const PmWorkItem *item,
                        GError          **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *changed_at = pm_store_format_time (now);
  gint64 id = 0;

  g_return_val_if_fail (PM_IS_STORE (self), 0);
  g_return_val_if_fail (item != NULL, 0);

  if (!pm_store_check_writable (self, error) || !check_work_item (self, item, error))
    return 0;

  if (!pm_store_sql_begin (self, error))
    return 0;
  if (!pm_store_sql_exec (self, error,
                          "INSERT INTO work_items (department, year, position, task, indicator, "
                          "title, starts_on, due_on, status, note, changed_at, changed_by) "
                          "VALUES (##department::string, ##year::gint, "
                          "(SELECT count (*) FROM work_items WHERE department = "
                          "##department::string AND year = ##year::gint), ##task::string, "
                          "##indicator::string, ##title::string, ##starts_on::string, "
                          "##due_on::string, ##status::string, ##note::string, "
                          "##changed_at::string, ##changed_by::string)",
                          "department", PM_SQL_TEXT, item->department,
                          "year", PM_SQL_INT, item->year,
                          "task", PM_SQL_TEXT, item->task_code,
                          "indicator", PM_SQL_TEXT, item->indicator_code,
                          "title", PM_SQL_TEXT, item->title,
                          "starts_on", PM_SQL_TEXT, item->starts_on,
                          "due_on", PM_SQL_TEXT, item->due_on,
                          "status", PM_SQL_TEXT, pm_work_status_to_string (item->status),
                          "note", PM_SQL_TEXT, item->note,
                          "changed_at", PM_SQL_TEXT, changed_at,
                          "changed_by", PM_SQL_TEXT, self->user_name,
                          NULL) ||
      !pm_store_sql_query_int (self, "SELECT last_insert_rowid ()", &id, error) ||
      !pm_store_sql_commit (self, error))
    {
      pm_store_sql_rollback (self);
      return 0;
    }

  return id;
}

gboolean
pm_store_update_work_item (PmStore          *self,
                           const PmWorkItem *item,
                           GError          **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *changed_at = pm_store_format_time (now);
  gint64 changed = 0;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!pm_store_check_writable (self, error) || !check_work_item (self, item, error))
    return FALSE;

  if (!pm_store_sql_begin (self, error))
    return FALSE;
  /* moved to another department or year: last there, and no gap left */
  if (!pm_store_sql_exec (self, error,
                          "UPDATE work_items SET position = position - 1 WHERE (department, year) "
                          "IN (SELECT department, year FROM work_items WHERE id = ##id::gint64 "
                          "AND (department <> ##department::string OR year <> ##year::gint)) "
                          "AND position > (SELECT position FROM work_items WHERE id = ##id::gint64)",
                          "id", PM_SQL_INT64, item->id,
                          "department", PM_SQL_TEXT, item->department,
                          "year", PM_SQL_INT, item->year,
                          NULL) ||
      !pm_store_sql_exec (self, error,
                          "UPDATE work_items SET position = (SELECT count (*) FROM work_items "
                          "WHERE department = ##department::string AND year = ##year::gint) "
                          "WHERE id = ##id::gint64 AND (department <> ##department::string OR "
                          "year <> ##year::gint)",
                          "id", PM_SQL_INT64, item->id,
                          "department", PM_SQL_TEXT, item->department,
                          "year", PM_SQL_INT, item->year,
                          NULL))
    {
      pm_store_sql_rollback (self);
      return FALSE;
    }
  /* libgda writes "x = ##p" as "x IS NULL" when p is NULL, even after SET:
   * the nullable columns take their parameter through nullif () */
  if (!pm_store_sql_exec (self, error,
                          "UPDATE work_items SET department = ##department::string, "
                          "year = ##year::gint, task = nullif (##task::string, ''), "
                          "indicator = nullif (##indicator::string, ''), title = ##title::string, "
                          "starts_on = nullif (##starts_on::string, ''), "
                          "due_on = nullif (##due_on::string, ''), "
                          "status = ##status::string, note = nullif (##note::string, ''), "
                          "changed_at = ##changed_at::string, changed_by = ##changed_by::string "
                          "WHERE id = ##id::gint64",
                          "department", PM_SQL_TEXT, item->department,
                          "year", PM_SQL_INT, item->year,
                          "task", PM_SQL_TEXT, item->task_code,
                          "indicator", PM_SQL_TEXT, item->indicator_code,
                          "title", PM_SQL_TEXT, item->title,
                          "starts_on", PM_SQL_TEXT, item->starts_on,
                          "due_on", PM_SQL_TEXT, item->due_on,
                          "status", PM_SQL_TEXT, pm_work_status_to_string (item->status),
                          "note", PM_SQL_TEXT, item->note,
                          "changed_at", PM_SQL_TEXT, changed_at,
                          "changed_by", PM_SQL_TEXT, self->user_name,
                          "id", PM_SQL_INT64, item->id,
                          NULL) ||
      !pm_store_sql_query_int (self, "SELECT changes ()", &changed, error))
    {
      pm_store_sql_rollback (self);
      return FALSE;
    }
  if (changed == 0)
    {
      pm_store_sql_rollback (self);
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
                   _("There is no work item %s."), id_text (item->id));
      return FALSE;
    }

  return pm_store_sql_commit (self, error);
}

gboolean
pm_store_delete_work_item (PmStore *self,
                           gint64   id,
                           GError **error)
{
  gint64 changed = 0;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!pm_store_check_writable (self, error) || !pm_store_sql_begin (self, error))
    return FALSE;
  if (!pm_store_sql_exec (self, error,
                          "UPDATE work_items SET position = position - 1 WHERE (department, year) "
                          "IN (SELECT department, year FROM work_items WHERE id = ##id::gint64) "
                          "AND position > (SELECT position FROM work_items WHERE id = ##id::gint64)",
                          "id", PM_SQL_INT64, id, NULL) ||
      !pm_store_sql_exec (self, error, "DELETE FROM work_items WHERE id = ##id::gint64",
                          "id", PM_SQL_INT64, id, NULL) ||
      !pm_store_sql_query_int (self, "SELECT changes ()", &changed, error))
    {
      pm_store_sql_rollback (self);
      return FALSE;
    }
  if (changed == 0)
    {
      pm_store_sql_rollback (self);
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
                   _("There is no work item %s."), id_text (id));
      return FALSE;
    }

  return pm_store_sql_commit (self, error);
}

/**
 * pm_store_move_work_item:
 * @position: its new place among the department's items of its year, from
 *   0; beyond the last, it goes last
 *
 * Moves a work item within its department and year; the others close up.
 */
gboolean
pm_store_move_work_item (PmStore *self,
                         gint64   id,
                         int      position,
                         GError **error)
{
  g_autoptr (PmWorkItem) item = NULL;
  g_autoptr (GdaDataModel) model = NULL;
  gint64 count = 0;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  if (!pm_store_check_writable (self, error) || !(item = pm_store_get_work_item (self, id, error)))
    return FALSE;

  if (!pm_store_sql_begin (self, error))
    return FALSE;
  model = pm_store_sql_select (self, error,
                               "SELECT count (*) FROM work_items WHERE department = "
                               "##department::string AND year = ##year::gint",
                               "department", PM_SQL_TEXT, item->department,
                               "year", PM_SQL_INT, item->year,
                               NULL);
  if (model == NULL)
    goto failed;
  count = pm_store_value_int (pm_store_model_get (model, 0, 0));
  position = CLAMP (position, 0, (int) count - 1);
  if (position == item->position)
    {
      pm_store_sql_rollback (self);
      return TRUE;
    }

  /* shift the items between the old and new places by one, then place it */
  if (!pm_store_sql_exec (self, error,
                          "UPDATE work_items SET position = position + "
                          "iif (##to::gint < ##from::gint, 1, -1) "
                          "WHERE department = ##department::string AND year = ##year::gint "
                          "AND position BETWEEN min (##from::gint, ##to::gint) "
                          "AND max (##from::gint, ##to::gint) AND id <> ##id::gint64",
                          "to", PM_SQL_INT, position,
                          "from", PM_SQL_INT, item->position,
                          "department", PM_SQL_TEXT, item->department,
                          "year", PM_SQL_INT, item->year,
                          "id", PM_SQL_INT64, id,
                          NULL) ||
      !pm_store_sql_exec (self, error,
                          "UPDATE work_items SET position = ##to::gint WHERE id = ##id::gint64",
                          "to", PM_SQL_INT, position,
                          "id", PM_SQL_INT64, id,
                          NULL) ||
      !pm_store_sql_commit (self, error))
    goto failed;

  return TRUE;

failed:
  pm_store_sql_rollback (self);
  return FALSE;
}

#define WORK_ITEM_COLUMNS \
  "id, department, year, task, indicator, title, starts_on, due_on, status, note, " \
  "changed_at, changed_by, position"

static PmWorkItem *
work_item_from_row (GdaDataModel *model,
                    int           row)
{
  PmWorkItem *item = g_new0 (PmWorkItem, 1);

#define CELL(column) pm_store_model_get (model, (column), row)
  item->id = pm_store_value_int (CELL (0));
  item->department = g_strdup (pm_store_value_text (CELL (1)));
  item->year = (int) pm_store_value_int (CELL (2));
  item->task_code = g_strdup (pm_store_value_text (CELL (3)));
  item->indicator_code = g_strdup (pm_store_value_text (CELL (4)));
  item->title = g_strdup (pm_store_value_text (CELL (5)));
  item->starts_on = g_strdup (pm_store_value_text (CELL (6)));
  item->due_on = g_strdup (pm_store_value_text (CELL (7)));
  if (!pm_work_status_from_string (pm_store_value_text (CELL (8)), &item->status))
    item->status = PM_WORK_STATUS_PLANNED;
  item->note = g_strdup (pm_store_value_text (CELL (9)));
  item->changed_at = pm_store_value_time (CELL (10));
  item->changed_by = g_strdup (pm_store_value_text (CELL (11)));
  item->position = (int) pm_store_value_int (CELL (12));
#undef CELL

  return item;
}

/* Returns: (transfer full) (nullable): the work item, NULL with
 * PM_STORE_ERROR_NOT_FOUND when there is none */
PmWorkItem *
pm_store_get_work_item (PmStore *self,
                        gint64   id,
                        GError **error)
{
  g_autoptr (GdaDataModel) model = NULL;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  model = pm_store_sql_select (self, error,
                               "SELECT " WORK_ITEM_COLUMNS " FROM work_items "
                               "WHERE id = ##id::gint64",
                               "id", PM_SQL_INT64, id, NULL);
  if (model == NULL)
    return NULL;
  if (gda_data_model_get_n_rows (model) == 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
                   _("There is no work item %s."), id_text (id));
      return NULL;
    }

  return work_item_from_row (model, 0);
}

/* Returns: (transfer full) (element-type PmWorkItem): the work items of a
 * department (NULL: all) and year (0: all), by department, year and the
 * department's order */
GPtrArray *
pm_store_list_work_items (PmStore    *self,
                          const char *department,
                          int         year,
                          GError    **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT w.id, w.department, w.year, w.task, "
                                          "w.indicator, w.title, w.starts_on, w.due_on, "
                                          "w.status, w.note, w.changed_at, w.changed_by, "
                                          "w.position FROM work_items AS w "
                                          "JOIN departments AS d ON d.name = w.department "
                                          "WHERE ");
  g_autoptr (GdaDataModel) model = NULL;
  GPtrArray *items;

  g_return_val_if_fail (PM_IS_STORE (self), NULL);

  if (!check_open (self, error))
    return NULL;

  g_string_append (sql, department ? "w.department = ##department::string"
                                   : "##department::string IS NULL");
  g_string_append (sql, year ? " AND w.year = ##year::gint" : " AND ##year::gint = 0");
  g_string_append (sql, " ORDER BY d.position, w.year, w.position, w.id");

  model = pm_store_sql_select (self, error, sql->str,
                               "department", PM_SQL_TEXT, department,
                               "year", PM_SQL_INT, year,
                               NULL);
  if (model == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_work_item_free);
  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    g_ptr_array_add (items, work_item_from_row (model, row));

  return items;
}

/* Copies and checks. */

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * pm_store_save_copy:
 * @path: where the copy goes; a file there is replaced
 *
 * Writes a consistent copy of the open project (SQLite's VACUUM INTO,
 * which reads one snapshot) under a temporary name, then puts it at @path.
 */
gboolean
pm_store_save_copy (PmStore    *self,
                    const char *path,
                    GError    **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dir_display = NULL;
  g_autoptr (GError) local_error = NULL;
  int fd;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL && *path, FALSE);

  if (!check_open (self, error))
    return FALSE;

  display = pm_store_file_display_name (path);
  dir = g_path_get_dirname (path);
  dir_display = g_filename_display_name (dir);
  if (same_file (path, self->path))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_EXISTS,
                   _("A copy cannot replace the open project “%s” itself."), display);
      return FALSE;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist."), dir_display);
      return FALSE;
    }

  name = g_path_get_basename (path);
  template_name = g_strdup_printf (".%s.XXXXXX", name);
  temp_path = g_build_filename (dir, template_name, NULL);
  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                     _("The folder “%s” is read-only: “%s” cannot be written there."),
                     dir_display, display);
      else
        pm_store_set_disk_error (error, path, saved_errno);
      return FALSE;
    }
  close (fd);

  if (!pm_store_sql_exec (self, &local_error, "VACUUM INTO ##path::string",
                          "path", PM_SQL_TEXT, temp_path, NULL))
    {
      g_unlink (temp_path);
      if (g_error_matches (local_error, PM_STORE_ERROR, PM_STORE_ERROR_DISK_FULL) ||
          g_error_matches (local_error, PM_STORE_ERROR, PM_STORE_ERROR_IO))
        pm_store_set_disk_error (error, path, 0);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* VACUUM INTO does not sync the copy */
  fd = g_open (temp_path, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (temp_path);
      pm_store_set_disk_error (error, path, saved_errno);
      return FALSE;
    }
  close (fd);

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                   _("Could not write “%s”: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }
  sync_directory (dir);

  return TRUE;
}

gboolean
pm_store_check_integrity (PmStore *self,
                          GError **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);

  return check_open (self, error) && check_integrity (self, "PRAGMA integrity_check", error);
}
