/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A document is written to a temporary file beside its destination and
 * renamed over it only when complete, so that a full disk, an error or a
 * cancelled export never leaves half a file behind (nor destroys the
 * previous one). */

gboolean pm_export_file_check (const char *path,
                               GError    **error);
gboolean pm_export_file_write (const char *path,
                               const void *data,
                               gsize       length,
                               GError    **error);
char *pm_export_file_begin (const char *path,
                            GError    **error);
gboolean pm_export_file_commit (const char *temp_path,
                                const char *path,
                                GError    **error);
void pm_export_file_abort (const char *temp_path);

/* Whether a document may be written at output: never over a project (a
 * .pmproj name, or an existing SQLite file whatever its name), never over
 * the file it is made from (input, also through another path, a symlink or
 * a hard link), and over a folder only where folder_ok. */
gboolean pm_export_file_check_output (const char *output,
                                      const char *input,
                                      gboolean    folder_ok,
                                      GError    **error);

G_END_DECLS
