/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pm-test-util.h"

void
pm_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0755);
      if ((dir = g_dir_open (path, 0, NULL)))
        while ((name = g_dir_read_name (dir)))
          {
            g_autofree char *child = g_build_filename (path, name, NULL);

            pm_test_remove_tree (child);
          }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}
