/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-export-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pm-csv.h"
#include "pm-export-file.h"

/* Messages name the file the person gave, never the temporary one. */

/**
 * pm_export_file_check:
 *
 * Refuses, before anything is written, a destination that is a folder
 * where a file is expected.
 */
gboolean
pm_export_file_check (const char *path,
                      GError    **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("“%s” is a folder; give a file name."), path);
      return FALSE;
    }

  return TRUE;
}

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

  if (!pm_export_file_check (path, error))
    return NULL;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  temp = g_strdup_printf ("%s%c.pm-export-XXXXXX%s", dir, G_DIR_SEPARATOR, dot ? dot : "");

  fd = g_mkstemp_full (temp, 0, 0666);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                     _("Cannot write “%s”: the folder “%s” does not exist."), path, dir);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                     _("Cannot write “%s”: %s"), path, g_strerror (saved));
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
      if (saved == EISDIR || g_file_test (path, G_FILE_TEST_IS_DIR))
        return pm_export_file_check (path, error);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/**
 * pm_export_file_write:
 *
 * Writes a whole document at once, through a temporary file renamed over
 * path when it is complete and on the disk.
 */
gboolean
pm_export_file_write (const char *path,
                      const void *data,
                      gsize       length,
                      GError    **error)
{
  g_autofree char *temp = NULL;
  const char *p = data;
  int saved = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!(temp = pm_export_file_begin (path, error)))
    return FALSE;

  fd = g_open (temp, O_WRONLY | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0)
    saved = errno;
  while (saved == 0 && length > 0)
    {
      gssize written = write (fd, p, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        saved = errno;
      else
        {
          p += written;
          length -= written;
        }
    }
  if (saved == 0 && fsync (fd) != 0)
    saved = errno;
  if (fd >= 0 && close (fd) != 0 && saved == 0)
    saved = errno;

  if (saved != 0)
    {
      pm_export_file_abort (temp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  return pm_export_file_commit (temp, path, error);
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
