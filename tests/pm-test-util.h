/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers shared by the tests of every layer. */

/* Removes path and, if it is a folder, everything in it (made writable
 * first); symbolic links are removed, not followed. */
void pm_test_remove_tree (const char *path);

/* The cells of a table of the plans' text (resources/template/…txt), in
 * reading order, from the line after the one holding title. */
GPtrArray *pm_test_read_table (const char *source_text,
                               const char *title,
                               guint       n_columns);

/* The 2011–2020 rows of both 专栏1 tables of the plans' text, by code (HW20,
 * HC10.1): each a GStrv of the printed 2010 value, 2020 target and 2020
 * result ("34.80", "增加", "45.80"; "——" for none). */
GHashTable *pm_test_read_previous_results (const char *source_text);

G_END_DECLS
