/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading exported documents back, as a person's tools would. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *export_test_make_dir (void);
gboolean export_test_need_tool (const char *tool);
char *export_test_run (const char *first_arg,
                       ...) G_GNUC_NULL_TERMINATED;
char *export_test_pdf_text (const char *path,
                            int         page);
guint export_test_pdf_pages (const char *path);
char *export_test_squeeze (const char *text);
GPtrArray *export_test_pdf_column_lines (const char *path,
                                         const char *header);

GStrv export_test_xlsx_sheet_names (const char *path);
char *export_test_xlsx_part (const char *path,
                             const char *member);
GHashTable *export_test_xlsx_cells (const char *path,
                                    guint       sheet);
gboolean export_test_xlsx_cell_wraps (const char *path,
                                      guint       sheet,
                                      const char *ref);
double export_test_xlsx_column_width (const char *path,
                                      guint       sheet,
                                      guint       column);

G_END_DECLS
