/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-export-file"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pm-csv.h"
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

/* Returns: whether the file at path starts as every SQLite database does */
static gboolean
is_sqlite_file (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char head[sizeof magic];
  gboolean sqlite = FALSE;
  FILE *file = g_fopen (path, "rb");

  if (file == NULL)
    return FALSE;
  sqlite = fread (head, 1, sizeof head, file) == sizeof head &&
           memcmp (head, magic, sizeof magic) == 0;
  fclose (file);
  return sqlite;
}

gboolean
pm_export_file_check_output (const char *output,
                             const char *input,
                             gboolean    folder_ok,
                             GError    **error)
{
  g_autofree char *display = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *lower = NULL;
  GStatBuf out_stat, in_stat;
  gboolean exists;

  g_return_val_if_fail (output != NULL, FALSE);

  display = g_filename_display_name (output);
  shown = pm_csv_shorten (display, PM_CSV_MESSAGE_CHARS);
  lower = g_utf8_strdown (display, -1);
  exists = g_stat (output, &out_stat) == 0;

  if (g_str_has_suffix (lower, ".pmproj"))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("“%s” has the name of a project file (.pmproj): a document is never "
                     "written there. Give another file name."),
                   shown);
      return FALSE;
    }

  if (exists && input != NULL && g_stat (input, &in_stat) == 0 &&
      out_stat.st_dev == in_stat.st_dev && out_stat.st_ino == in_stat.st_ino)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("“%s” is the project that is read: a document is never written over it. "
                     "Give another file name."),
                   shown);
      return FALSE;
    }

  if (exists && S_ISDIR (out_stat.st_mode))
    {
      if (folder_ok)
        return TRUE;
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("“%s” is a folder: give the name of a file to write."), shown);
      return FALSE;
    }

  if (exists && is_sqlite_file (output))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("“%s” is a project or another SQLite database: a document is never "
                     "written over it. Give another file name."),
                   shown);
      return FALSE;
    }

  return TRUE;
}
