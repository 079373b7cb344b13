/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-department-records.h"
#include "pm-department-report.h"
#include "pm-history-entry.h"
#include "pm-language.h"
#include "pm-types.h"
#include "pm-work-item.h"

G_BEGIN_DECLS

/* The project file: one SQLite file (suggested extension .pmproj) opened
 * through libgda. Its schema is documented in resources/schema/README.md. Every edit is
 * written through at once in its own transaction; there is no unsaved state. */

/* "PMon": PRAGMA application_id of every project file */
#define PM_STORE_APPLICATION_ID 0x504D6F6E
/* PRAGMA user_version of the files this build writes */
#define PM_STORE_SCHEMA_VERSION 6
/* The years an observation may have */
#define PM_STORE_FIRST_YEAR 2010
#define PM_STORE_LAST_YEAR 2030

#define PM_STORE_ERROR (pm_store_error_quark ())

typedef enum
{
  PM_STORE_ERROR_FAILED,
  PM_STORE_ERROR_NOT_FOUND,     /* the file (or its folder) does not exist */
  PM_STORE_ERROR_EXISTS,        /* a new project would replace a file */
  PM_STORE_ERROR_NOT_A_PROJECT, /* not SQLite, or SQLite but not ours */
  PM_STORE_ERROR_DAMAGED,       /* truncated or corrupt */
  PM_STORE_ERROR_TOO_NEW,       /* made by a newer schema version */
  PM_STORE_ERROR_READ_ONLY,     /* the file or folder cannot be written */
  PM_STORE_ERROR_IN_USE,        /* another program has it open for writing */
  PM_STORE_ERROR_DISK_FULL,
  PM_STORE_ERROR_IO,
  PM_STORE_ERROR_INVALID,       /* an unknown code, a year or value out of range */
  PM_STORE_ERROR_INVALID_CSV,   /* an import refused: the message lists every bad row */
  PM_STORE_ERROR_LOCKED,        /* an accepted report locks the value; unlock it first */
  PM_STORE_ERROR_TRANSITION,    /* a report cannot go from its status to the one asked */
  PM_STORE_ERROR_ENCODING,      /* an import's file is not UTF-8 but looks like GB18030 */
  PM_STORE_ERROR_FOREIGN_CODE,  /* triggers or views that Plan Monitor did not write */
  PM_STORE_ERROR_HISTORY_ALTERED, /* the history's hash chain does not hold */
} PmStoreError;

GQuark pm_store_error_quark (void);

typedef enum
{
  PM_STORE_OPEN_READ_WRITE = 0,
  PM_STORE_OPEN_READ_ONLY = 1 << 0,
  /* When the file is in use by another program, or the file or its folder
   * cannot be written, open it read-only instead of failing;
   * pm_store_get_read_only_reason () then says why. */
  PM_STORE_OPEN_READ_ONLY_IF_NEEDED = 1 << 1,
} PmStoreOpenFlags;

/* What an import did. */
typedef struct
{
  guint added;     /* values that were not in the project */
  guint changed;   /* values that replaced another */
  guint unchanged; /* rows equal to what the project holds */
} PmStoreImportCounts;

#define PM_TYPE_STORE (pm_store_get_type ())
G_DECLARE_FINAL_TYPE (PmStore, pm_store, PM, STORE, GObject)

/* What a deferred import (PmStoreImportOptions.pending) left for the model. */
typedef struct _PmStorePending PmStorePending;

PmStore *pm_store_create_from_template (const char *path,
                                        GError    **error);
void pm_store_prepare (void);
PmStore *pm_store_open (const char       *path,
                        PmStoreOpenFlags  flags,
                        GError          **error);
void pm_store_close (PmStore *self);

const char *pm_store_get_path (PmStore *self);
gboolean pm_store_is_read_only (PmStore *self);
const char *pm_store_get_read_only_reason (PmStore *self);
int pm_store_get_migrated_from (PmStore *self);
const char *pm_store_get_backup_path (PmStore *self);

PmProject *pm_store_get_project (PmStore *self);

/* The name written into history rows: the OS user's full name unless set. */
const char *pm_store_get_user_name (PmStore *self);
void pm_store_set_user_name (PmStore    *self,
                             const char *name);

/* Observations. value must be a finite number; text is how the source printed
 * it (NULL when it was a plain number) and must read back as value. For an
 * indicator whose target a person judges, text may instead be a judgement
 * (已达标 …), and value NAN when there is no number. */
gboolean pm_store_set_observation (PmStore     *self,
                                   const char  *code,
                                   int          year,
                                   const char  *area,
                                   double       value,
                                   const char  *text,
                                   const char  *note,
                                   const char  *source,
                                   gboolean     provisional,
                                   GError     **error);
gboolean pm_store_delete_observation (PmStore    *self,
                                      const char *code,
                                      int         year,
                                      const char *area,
                                      GError    **error);

/* Reading a value as a person typed it or a file holds it: full-width
 * digits, thousands separators, an exponent, a minus sign, and a % or ‰
 * sign that must match the unit. printed is the field, trimmed, when it is
 * not the plain way of writing the number (NULL when it is); reason says
 * why a field is not a number. The one reader of values: CSV import, the
 * value editors and the department grid's paste all use it. */
gboolean pm_store_parse_number (const char *field,
                                const char *unit,
                                double     *value,
                                char      **printed,
                                char      **reason);
/* A value of an indicator: a number as above or, for an indicator whose
 * target a person judges (manual), a judgement (已达标, 未达标 …:
 * pm_status_from_judgement ()): then *value is NAN and *text the judgement. */
gboolean pm_store_read_value (PmIndicator *indicator,
                              const char  *field,
                              double      *value,
                              char       **text,
                              char       **reason);
gboolean pm_store_indicator_is_judged (PmIndicator *indicator);
gboolean pm_store_text_is_judgement (const char *text);
/* What a person typed for the county value of a year, as it would be
 * stored: a judgement typed keeps the year's number and a number keeps the
 * judgement. */
gboolean pm_store_read_typed_value (PmIndicator *indicator,
                                    int          year,
                                    const char  *typed,
                                    double      *value,
                                    char       **text,
                                    char       **reason);

/* Several typed county values at once (a block pasted from a spreadsheet):
 * all are written, as one undoable edit, or none; an empty one removes the
 * year's value. The value's note, source and provisional flag are kept. */
typedef struct
{
  const char *code;
  int year;
  const char *typed;
} PmStoreTypedValue;

gboolean pm_store_set_typed_values (PmStore                 *self,
                                    const PmStoreTypedValue *values,
                                    guint                    n_values,
                                    const char              *label,
                                    GError                 **error);

/* Records a person's judgement of a manual target for a year (NULL
 * removes it), keeping the year's number, note and source: one edit. */
gboolean pm_store_set_judgement (PmStore     *self,
                                 const char  *code,
                                 int          year,
                                 const char  *judgement,
                                 GError     **error);

/* Undo and redo edits of observations (one import is one edit). Each step
 * is itself written through, with its own history rows. */
gboolean pm_store_can_undo (PmStore *self);
gboolean pm_store_can_redo (PmStore *self);
const char *pm_store_get_undo_label (PmStore *self);
const char *pm_store_get_redo_label (PmStore *self);
gboolean pm_store_undo (PmStore *self,
                        GError **error);
gboolean pm_store_redo (PmStore *self,
                        GError **error);

/* Observations as CSV: code,year,area,value,note,source,provisional
 * (UTF-8 with a BOM, CRLF). An import changes nothing unless every row is
 * good; the error then lists the bad rows with their line numbers (the
 * first PM_CSV_MAX_PROBLEMS, then how many more). Warnings: (out)
 * (optional): the window's checks of the values imported, one a line. */
gboolean pm_store_import_csv (PmStore             *self,
                              const char          *csv_path,
                              PmStoreImportCounts *counts,
                              GError             **error);
gboolean pm_store_import_csv_data (PmStore             *self,
                                   const char          *data,
                                   gssize               length,
                                   const char          *name,
                                   PmStoreImportCounts *counts,
                                   GError             **error);
/* How an import reads its file. pm_store_import_csv () and
 * pm_store_import_csv_data () take every option's default: UTF-8, not
 * strict, and any area (a program that makes its own areas); the command
 * line and the window refuse an area the project does not have. */
typedef struct
{
  const char *encoding;          /* NULL or "utf-8"; "gb18030" (GBK) is converted */
  gboolean strict;               /* refuse the import when a check warns */
  gboolean known_areas_only;     /* refuse an area that is not one of pm_store_list_areas ()… */
  const char *const *new_areas;  /* (nullable) …nor one of these, which the import may add */
  /* (nullable) (out): when set, the import writes the file only and leaves
   * here what the model and the undo list must follow (NULL when nothing
   * changed), for pm_store_finish_pending () on the model's thread: an
   * import in a worker thread, while the window shows the model */
  PmStorePending **pending;
} PmStoreImportOptions;

void pm_store_finish_pending (PmStore        *self,
                              PmStorePending *pending);
void pm_store_pending_free (PmStorePending *pending);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmStorePending, pm_store_pending_free)

gboolean pm_store_import_csv_full (PmStore                    *self,
                                   const char                 *csv_path,
                                   const PmStoreImportOptions *options,
                                   PmStoreImportCounts        *counts,
                                   char                      **warnings,
                                   GError                    **error);
gboolean pm_store_import_csv_data_full (PmStore                    *self,
                                        const char                 *data,
                                        gssize                      length,
                                        const char                 *name,
                                        const PmStoreImportOptions *options,
                                        PmStoreImportCounts        *counts,
                                        char                      **warnings,
                                        GError                    **error);
GStrv pm_store_list_areas (PmStore *self);
char *pm_store_export_observations_csv_data (PmStore *self,
                                             gsize   *length);
gboolean pm_store_export_observations_csv (PmStore    *self,
                                           const char *csv_path,
                                           GError    **error);

/* History of observations, newest first; code, year (0) and area (NULL)
 * narrow it down, limit 0 means all. */
gboolean pm_store_verify_history (PmStore *self,
                                  guint   *n_entries,
                                  GError **error);
GPtrArray *pm_store_list_history (PmStore    *self,
                                  const char *code,
                                  int         year,
                                  const char *area,
                                  guint       limit,
                                  GError    **error);

/* Work items of the departments. */
gint64 pm_store_add_work_item (PmStore          *self,
                               const PmWorkItem *item,
                               GError          **error);
gboolean pm_store_update_work_item (PmStore          *self,
                                    const PmWorkItem *item,
                                    GError          **error);
gboolean pm_store_delete_work_item (PmStore *self,
                                    gint64   id,
                                    GError **error);
PmWorkItem *pm_store_get_work_item (PmStore *self,
                                    gint64   id,
                                    GError **error);
GPtrArray *pm_store_list_work_items (PmStore    *self,
                                     const char *department,
                                     int         year,
                                     GError    **error);

/* Work items are listed in the order of their position within a department
 * and year; a new one goes last. */
gboolean pm_store_move_work_item (PmStore *self,
                                  gint64   id,
                                  int      position,
                                  GError **error);

/* Whether a department has reported for a year. The steps are: (not
 * started or draft or returned) → submitted → accepted or returned; an
 * accepted report locks the values of the indicators the department leads
 * (牵头) for that year, and its progress notes, until it is unlocked with a
 * reason (it is then a draft again). Every step has a report_history row. */
gboolean pm_store_submit_department_report (PmStore    *self,
                                            const char *department,
                                            int         year,
                                            const char *note,
                                            GError    **error);
gboolean pm_store_accept_department_report (PmStore    *self,
                                            const char *department,
                                            int         year,
                                            GError    **error);
gboolean pm_store_return_department_report (PmStore    *self,
                                            const char *department,
                                            int         year,
                                            const char *comment,
                                            GError    **error);
gboolean pm_store_unlock_department_report (PmStore    *self,
                                            const char *department,
                                            int         year,
                                            const char *reason,
                                            GError    **error);
PmReportStatus pm_store_get_department_report_status (PmStore    *self,
                                                      const char *department,
                                                      int         year);
gboolean pm_store_is_value_locked (PmStore     *self,
                                   const char  *code,
                                   int          year,
                                   const char **department);
GPtrArray *pm_store_list_report_history (PmStore    *self,
                                         const char *department,
                                         int         year,
                                         GError    **error);
/* Sets a status directly (no accepted report may be changed this way). */
gboolean pm_store_set_department_report (PmStore        *self,
                                         const char     *department,
                                         int             year,
                                         PmReportStatus  status,
                                         const char     *note,
                                         GError        **error);
PmDepartmentReport *pm_store_get_department_report (PmStore    *self,
                                                    const char *department,
                                                    int         year,
                                                    GError    **error);
GPtrArray *pm_store_list_department_reports (PmStore *self,
                                             int      year,
                                             GError **error);
gboolean pm_store_delete_department_report (PmStore    *self,
                                            const char *department,
                                            int         year,
                                            GError    **error);

/* Progress notes (实施情况) of departments on key tasks, one per task,
 * department and year; NULL or empty text deletes. Every change has a
 * progress_note_history row. */
gboolean pm_store_set_progress_note (PmStore    *self,
                                     const char *task_code,
                                     const char *department,
                                     int         year,
                                     const char *text,
                                     GError    **error);
char *pm_store_dup_progress_note (PmStore    *self,
                                  const char *task_code,
                                  const char *department,
                                  int         year,
                                  GError    **error);
char *pm_store_dup_latest_progress_note (PmStore    *self,
                                         const char *task_code,
                                         const char *department,
                                         int         up_to_year,
                                         int        *note_year,
                                         GError    **error);
GPtrArray *pm_store_list_progress_notes (PmStore    *self,
                                         const char *department,
                                         int         year,
                                         GError    **error);

/* The project's own settings of an indicator, kept in the file and put
 * into the model on opening: figures for its target (the evaluation's
 * override, pm_target_set_indicator_override (); refused with its message
 * when they do not fit) and the threshold of a large change (a fraction;
 * NAN removes it: pm_checks_set_change_threshold ()). */
gboolean pm_store_set_target_override (PmStore    *self,
                                       const char *code,
                                       const char *override,
                                       GError    **error);
gboolean pm_store_set_change_threshold (PmStore    *self,
                                       const char *code,
                                       double      fraction,
                                       GError    **error);

/* The language of the project's documents (pm_project_get_document_language ()),
 * kept in the file. */
gboolean pm_store_set_document_language (PmStore    *self,
                                         PmLanguage  language,
                                         GError    **error);

/* Checks of values (pm-checks.h) that a person confirmed with a note; a
 * confirmation holds for the value confirmed. NULL or empty note removes. */
gboolean pm_store_confirm_check (PmStore     *self,
                                 const char  *code,
                                 int          year,
                                 PmCheckKind  kind,
                                 double       value,
                                 const char  *note,
                                 GError     **error);
GPtrArray *pm_store_list_check_confirmations (PmStore    *self,
                                              const char *code,
                                              int         year,
                                              GError    **error);

/* A consistent copy of the open project, written while it stays open. */
gboolean pm_store_save_copy (PmStore    *self,
                             const char *path,
                             GError    **error);
/* Runs PRAGMA integrity_check; the error names the first problem. */
gboolean pm_store_check_integrity (PmStore *self,
                                   GError **error);

G_END_DECLS
