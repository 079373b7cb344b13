/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pm-store.h"

G_BEGIN_DECLS

/* A temporary folder removed (with what is in it) at the end of the test. */
char *store_test_make_dir (void);
char *store_test_new_project (const char *dir,
                              const char *name);
char *store_test_checksum (const char *path);
void store_test_write (const char *path,
                       const char *contents);
gint64 store_test_query_int (const char *path,
                             const char *sql);
char *store_test_query_text (const char *path,
                             const char *sql);
void store_test_exec (const char *path,
                      const char *sql);
void store_test_corrupt_history_index (const char *path);
GPtrArray *store_test_dir_list (const char *dir);

/* Runs the plan-monitor binary without a display. */
typedef struct
{
  int status;      /* exit status, or -signal */
  char *out;
  char *err;
} StoreTestRun;

void store_test_run_clear (StoreTestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoreTestRun, store_test_run_clear)

void store_test_run_plan_monitor (StoreTestRun *run,
                                  const char   *first_arg,
                                  ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
