/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers shared by the tests of every layer. */

/* Removes path and, if it is a folder, everything in it (made writable
 * first); symbolic links are removed, not followed. */
void pm_test_remove_tree (const char *path);

G_END_DECLS
