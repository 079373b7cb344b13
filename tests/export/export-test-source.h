/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A schedule source holding synthetic work items and progress notes, for
 * tests only. */
#pragma once

#include "pm-schedule-source.h"

G_BEGIN_DECLS

#define EXPORT_TEST_TYPE_SOURCE (export_test_source_get_type ())
G_DECLARE_FINAL_TYPE (ExportTestSource, export_test_source, EXPORT_TEST, SOURCE, GObject)

ExportTestSource *export_test_source_new (void);
void export_test_source_add_item (ExportTestSource *self,
                                  const char       *department,
                                  int               year,
                                  const char       *task_code,
                                  const char       *indicator_code,
                                  const char       *title,
                                  const char       *starts_on,
                                  const char       *due_on,
                                  PmWorkStatus      status,
                                  const char       *note);
void export_test_source_add_note (ExportTestSource *self,
                                  const char       *task_code,
                                  const char       *department,
                                  int               year,
                                  const char       *text);
void export_test_source_fail (ExportTestSource *self,
                              gboolean          fail);

G_END_DECLS
