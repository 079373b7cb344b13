/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-export-file"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pm-export-file.h"

/* Returns: (transfer full): the path of a new, empty temporary file in the
 * folder of path, with its extension */
char *
pm_export_file_begin (const char *path,
                      GError    **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  const char *dot;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  temp = g_strdup_printf ("%s%c.pm-export-XXXXXX%s", dir, G_DIR_SEPARATOR, dot ? dot : "");

  fd = g_mkstemp_full (temp, 0, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write in the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&temp);
}

gboolean
pm_export_file_commit (const char *temp_path,
                       const char *path,
                       GError    **error)
{
  g_return_val_if_fail (temp_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_rename (temp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (temp_path);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

void
pm_export_file_abort (const char *temp_path)
{
  if (temp_path != NULL)
    g_unlink (temp_path);
}
