/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libgda/libgda.h>
#include <sql-parser/gda-sql-parser.h>

#include "pm-store.h"

G_BEGIN_DECLS

/* libgda 5 has no autoptr support */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaConnection, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaDataModel, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaDataModelIter, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaSqlParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaStatement, g_object_unref)

typedef struct _PmStoreLock PmStoreLock;
typedef struct _PmStoreSqlRows PmStoreSqlRows;
typedef struct _PmStoreEdit PmStoreEdit;

/* The state of one observation: what undo and redo put back. */
typedef struct
{
  gboolean exists;
  double value;
  char *text;
  char *note;
  char *source;
  gboolean provisional;
} PmStoreValue;

/* One observation's change within an edit. */
typedef struct
{
  char *code;
  int year;
  char *area;
  PmStoreValue before;
  PmStoreValue after;
} PmStoreChange;

struct _PmStore
{
  GObject parent_instance;

  char *path;
  char *display_name;        /* the file's name, for messages */
  char *db_path;             /* the file SQLite has open: path, or a migrated copy */
  GdaConnection *cnc;
  GdaSqlParser *parser;
  GHashTable *statements;    /* SQL text → PreparedStatement */
  PmProject *project;
  char *user_name;

  gboolean read_only;
  char *read_only_reason;
  PmStoreLock *lock;
  int migrated_from;         /* 0 unless the file was migrated on opening */
  char *backup_path;
  char *temp_dir;            /* a migrated copy opened read-only lives here */
  GThread *integrity_check;  /* PRAGMA integrity_check on its own connection */

  GPtrArray *undo_stack;     /* of PmStoreEdit, last is next */
  GPtrArray *redo_stack;

  GHashTable *accepted;      /* "department\x1fyear" of each accepted report: the locks */
};

/* pm-store-sql.c: the little SQL layer over libgda. Parameters are passed as
 * (name, type, value) triples ended by NULL, type one of:
 *   PM_SQL_TEXT (const char *, NULL is SQL NULL), PM_SQL_INT (int),
 *   PM_SQL_INT64 (gint64), PM_SQL_REAL (double, NAN is SQL NULL),
 *   PM_SQL_BOOL (gboolean, stored as 0/1).
 * In SQL a parameter is written ##name::string, ::gint, ::gint64, ::gdouble. */
enum
{
  PM_SQL_TEXT = 1,
  PM_SQL_INT,
  PM_SQL_INT64,
  PM_SQL_REAL,
  PM_SQL_BOOL,
};

GdaConnection *pm_store_sql_connect (const char *path,
                                     GError    **error);
GdaConnection *pm_store_sql_connect_reader (const char    *path,
                                            GdaSqlParser **parser,
                                            GError       **error);
GdaDataModel *pm_store_sql_select_on (GdaConnection *cnc,
                                      GdaSqlParser  *parser,
                                      const char    *sql,
                                      GError       **error);
gboolean pm_store_sql_exec (PmStore    *self,
                            GError    **error,
                            const char *sql,
                            ...) G_GNUC_NULL_TERMINATED;
GdaDataModel *pm_store_sql_select (PmStore    *self,
                                   GError    **error,
                                   const char *sql,
                                   ...) G_GNUC_NULL_TERMINATED;
PmStoreSqlRows *pm_store_sql_rows_new (PmStore    *self,
                                       const char *table);
gboolean pm_store_sql_rows_add (PmStoreSqlRows *rows,
                                GError        **error,
                                ...) G_GNUC_NULL_TERMINATED;
gboolean pm_store_sql_rows_finish (PmStoreSqlRows *rows,
                                   GError        **error);
void pm_store_sql_rows_free (PmStoreSqlRows *rows);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmStoreSqlRows, pm_store_sql_rows_free)
gboolean pm_store_sql_exec_script (PmStore    *self,
                                   const char *script,
                                   GError    **error);
gboolean pm_store_sql_query_int (PmStore    *self,
                                 const char *sql,
                                 gint64     *out,
                                 GError    **error);

char *pm_store_sql_query_text (PmStore    *self,
                               const char *sql,
                               GError    **error);
gboolean pm_store_sql_begin (PmStore *self,
                             GError **error);
gboolean pm_store_sql_commit (PmStore *self,
                              GError **error);
void pm_store_sql_rollback (PmStore *self);
void pm_store_sql_clear_statements (PmStore *self);
GHashTable *pm_store_sql_new_statement_table (void);
void pm_store_sql_set_error (PmStore      *self,
                             GError      **error,
                             const GError *gda_error);
char *pm_store_sql_quote (const char *text);

const char *pm_store_value_text (const GValue *value);
gint64 pm_store_value_int (const GValue *value);
double pm_store_value_real (const GValue *value);
GDateTime *pm_store_value_time (const GValue *value);
const GValue *pm_store_model_get (GdaDataModel *model,
                                  int           column,
                                  int           row);

char *pm_store_format_time (GDateTime *time);
GDateTime *pm_store_parse_time (const char *text);

/* pm-store-file.c: checks of a file's bytes, the lock beside it, copies. */
gboolean pm_store_file_check (const char *path,
                              int        *user_version,
                              GError    **error);
gboolean pm_store_file_has_hot_journal (const char *path);
gboolean pm_store_file_folder_is_writable (const char *dir);
gboolean pm_store_file_check_writable (const char *path,
                                       char      **reason);
gboolean pm_store_file_copy (const char *source,
                             const char *destination,
                             GError    **error);
char *pm_store_file_display_name (const char *path);
const char *pm_store_default_user_name (void);
void pm_store_set_disk_error (GError    **error,
                              const char *path,
                              int         saved_errno);

PmStoreLock *pm_store_lock_acquire (const char *path,
                                    GError    **error);
void pm_store_lock_release (PmStoreLock *lock);
char *pm_store_lock_path (const char *path);

/* pm-store-schema.c */
gboolean pm_store_schema_create (PmStore *self,
                                 GError **error);
/* pm-store-chain.c: the hash chain of observation_history. */
gint64 pm_store_chain_next_id (PmStore *self,
                               GError **error);
gboolean pm_store_chain_seal (PmStore *self,
                              gint64   from_id,
                              GError **error);

gboolean pm_store_schema_check_code (PmStore *self,
                                     gboolean compare_text,
                                     GError **error);
gboolean pm_store_schema_migrate (PmStore *self,
                                  int      from_version,
                                  GError **error);

/* pm-store-catalogue.c */
gboolean pm_store_catalogue_write (PmStore   *self,
                                   PmProject *project,
                                   GError   **error);
PmProject *pm_store_catalogue_load (PmStore *self,
                                    GError **error);

/* pm-store-department.c: reports and their locks, progress notes, the
 * indicators' settings, confirmed checks */
gboolean pm_store_department_load (PmStore *self,
                                   GError **error);
gboolean pm_store_check_locks (PmStore   *self,
                               GPtrArray *changes,
                               GError   **error);

/* pm-store.c: applies changes (edit, import, undo, redo) in one transaction */
gboolean pm_store_apply_changes (PmStore         *self,
                                 GPtrArray       *changes,
                                 gboolean         forward,
                                 PmHistoryOrigin  origin,
                                 GError         **error);
gboolean pm_store_write_changes (PmStore         *self,
                                 GPtrArray       *changes,
                                 gboolean         forward,
                                 PmHistoryOrigin  origin,
                                 GDateTime       *now,
                                 GError         **error);
void pm_store_follow_changes (PmStore   *self,
                              GPtrArray *changes,
                              gboolean   forward,
                              GDateTime *now);
/* Takes label and changes. */
PmStorePending *pm_store_pending_new (char      *label,
                                      GPtrArray *changes,
                                      GDateTime *when);
gboolean pm_store_check_writable (PmStore *self,
                                  GError **error);
gboolean pm_store_check_open (PmStore *self,
                              GError **error);
gboolean pm_store_check_text (const char *what,
                              const char *text,
                              GError    **error);
void pm_store_push_edit (PmStore    *self,
                         char       *label,
                         GPtrArray  *changes);
void pm_store_value_clear (PmStoreValue *value);
void pm_store_value_from_observation (PmStoreValue  *value,
                                      PmObservation *observation);
void pm_store_change_free (PmStoreChange *change);
gboolean pm_store_value_equal (const PmStoreValue *a,
                               const PmStoreValue *b);


G_END_DECLS
