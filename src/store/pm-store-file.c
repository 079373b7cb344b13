/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "pm-store-private.h"

/* Everything the store learns about a file before SQLite may touch it, the
 * lock file that keeps two programs from writing one project, and plain
 * byte copies (backups before a migration). */

#define SQLITE_MAGIC "SQLite format 3"   /* 16 bytes with its NUL */
#define HEADER_SIZE 100

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) |
         ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

char *
pm_store_file_display_name (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);

  return g_filename_display_name (basename);
}

static void
set_truncated_error (GError    **error,
                     const char *display,
                     guint64     size,
                     guint64     expected)
{
  /* 64-bit formats cannot stand in a translatable string: format them first */
  g_autofree char *size_text = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
  g_autofree char *expected_text = g_strdup_printf ("%" G_GUINT64_FORMAT, expected);

  if (expected > 0)
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED,
                 _("“%s” is incomplete: it has %s bytes of the %s it should have. It may not "
                   "have been copied completely; open another copy."),
                 display, size_text, expected_text);
  else
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED,
                 _("“%s” is incomplete: it ends after %s bytes. It may not "
                   "have been copied completely; open another copy."),
                 display, size_text);
}

static gboolean
file_is_nonempty (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

/* TRUE when a program stopped in the middle of a write: SQLite will roll the
 * file back from its journal (or replay its WAL) on opening. */
gboolean
pm_store_file_has_hot_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return file_is_nonempty (journal) || file_is_nonempty (wal);
}

/* Checks the file's first bytes: an SQLite database, marked as ours, of a
 * schema version this build reads, and as long as its header says.
 * Nothing is written; SQLite has not seen the file yet. */
gboolean
pm_store_file_check (const char *path,
                     int        *user_version,
                     GError    **error)
{
  g_autofree char *display = pm_store_file_display_name (path);
  guint8 header[HEADER_SIZE];
  GStatBuf st;
  gssize n_read = 0;
  guint32 page_size, page_count, version;
  int fd, saved_errno;

  if (g_stat (path, &st) != 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_FOUND,
                     _("“%s” does not exist."), path);
      else
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                     _("“%s” cannot be read: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_PROJECT,
                   _("“%s” is a folder, not a project file."), display);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_PROJECT,
                   _("“%s” is not a regular file, so not a project file."), display);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_PROJECT,
                   _("“%s” is empty: it is not a Plan Monitor project."), display);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                   _("“%s” cannot be read: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }
  while (n_read < HEADER_SIZE)
    {
      gssize n = read (fd, header + n_read, HEADER_SIZE - n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      n_read += n;
    }
  saved_errno = errno;
  close (fd);
  if (n_read < 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                   _("“%s” cannot be read: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }

  /* "SQLite format 3\0" */
  if (n_read < 16 || memcmp (header, SQLITE_MAGIC, 16) != 0)
    {
      if (n_read < 16 && memcmp (header, SQLITE_MAGIC, n_read) == 0)
        set_truncated_error (error, display, st.st_size, 0);
      else
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_PROJECT,
                     _("“%s” is not a Plan Monitor project: it is not an SQLite database."),
                     display);
      return FALSE;
    }
  if (n_read < HEADER_SIZE)
    {
      set_truncated_error (error, display, st.st_size, 0);
      return FALSE;
    }

  if (read_be32 (header + 68) != PM_STORE_APPLICATION_ID)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_PROJECT,
                   _("“%s” is an SQLite database, but not a Plan Monitor project."), display);
      return FALSE;
    }

  version = read_be32 (header + 60);
  if (version > PM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Plan Monitor (file format %u; this "
                     "version reads formats up to %d). Update Plan Monitor to open it."),
                   display, version, PM_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < 1)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: its header has no file format version."), display);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: its header is not valid."), display);
      return FALSE;
    }

  /* While a journal is waiting to be rolled back the file may be longer
   * or shorter than its header says: SQLite sets that right on opening. */
  if (!pm_store_file_has_hot_journal (path))
    {
      page_count = read_be32 (header + 28);
      /* the page count is valid only when the change counter matches */
      if (read_be32 (header + 24) == read_be32 (header + 92) && page_count > 0 &&
          (guint64) page_count * page_size > (guint64) st.st_size)
        {
          set_truncated_error (error, display, st.st_size, (guint64) page_count * page_size);
          return FALSE;
        }
      if ((guint64) st.st_size % page_size != 0)
        {
          set_truncated_error (error, display, st.st_size, 0);
          return FALSE;
        }
    }

  if (user_version)
    *user_version = (int) version;

  return TRUE;
}

/* A file or folder whose permissions deny writing to everyone is read-only,
 * even for root, who could write it anyway: its owner marked it so. */
static gboolean
is_writable (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;

  return access (path, W_OK) == 0 && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
}

/* TRUE when a new file may be made in the folder dir: by its permissions,
 * as for an existing file (root included), not only by access (). */
gboolean
pm_store_file_folder_is_writable (const char *dir)
{
  return is_writable (dir);
}

/* Returns FALSE, and why in *reason, when the file or its folder (where
 * SQLite writes its journal) cannot be written. */
gboolean
pm_store_file_check_writable (const char *path,
                              char      **reason)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = pm_store_file_display_name (path);

  if (!is_writable (path))
    {
      *reason = g_strdup_printf (_("“%s” is read-only."), display);
      return FALSE;
    }
  if (!is_writable (dir))
    {
      g_autofree char *dir_display = g_filename_display_name (dir);

      *reason = g_strdup_printf (_("The folder “%s” is read-only."), dir_display);
      return FALSE;
    }

  return TRUE;
}

/* Sets an error for a write that failed with saved_errno (0: unknown, as
 * when SQLite says only "disk I/O error"). */
void
pm_store_set_disk_error (GError    **error,
                         const char *path,
                         int         saved_errno)
{
  g_autofree char *display = pm_store_file_display_name (path);
  gboolean full = saved_errno == ENOSPC || saved_errno == EFBIG || saved_errno == EDQUOT;

  if (saved_errno == 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      struct statvfs vfs;
      struct rlimit limit;

      /* SQLite turns ENOSPC into "disk is full" but EFBIG (the file may not
       * grow: a file size limit, a FAT disk) into "disk I/O error" */
      if (statvfs (dir, &vfs) == 0 && (guint64) vfs.f_bavail * vfs.f_frsize < 1024 * 1024)
        full = TRUE;
      if (getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        full = TRUE;
    }

  if (full)
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DISK_FULL,
                 _("The disk is full: “%s” could not be written, and nothing was changed. "
                   "Free some space and try again."), display);
  else
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO,
                 _("“%s” could not be written (%s): the disk may have been removed or be "
                   "failing. Nothing was changed."),
                 display, saved_errno ? g_strerror (saved_errno) : _("input/output error"));
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

/* Copies source to a new file destination (never replacing one) and syncs
 * it to the disk; on failure nothing is left behind. */
gboolean
pm_store_file_copy (const char *source,
                    const char *destination,
                    GError    **error)
{
  char buffer[64 * 1024];
  int in, out, saved_errno = 0;
  gboolean ok = TRUE;

  in = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      saved_errno = errno;
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IO, _("Could not read “%s”: %s."),
                   source, g_strerror (saved_errno));
      return FALSE;
    }

  out = g_open (destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (out < 0)
    {
      saved_errno = errno;
      close (in);
      if (saved_errno == EEXIST)
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_EXISTS,
                     _("“%s” already exists."), destination);
      else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
        pm_store_set_disk_error (error, destination, saved_errno);
      else
        g_set_error (error, PM_STORE_ERROR,
                     saved_errno == EACCES || saved_errno == EROFS ? PM_STORE_ERROR_READ_ONLY
                                                                    : PM_STORE_ERROR_IO,
                     _("Could not create “%s”: %s."), destination, g_strerror (saved_errno));
      return FALSE;
    }

  for (;;)
    {
      gssize n = read (in, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          ok = FALSE;
          break;
        }
      if (n == 0)
        break;
      if (!write_all (out, buffer, n))
        {
          saved_errno = errno;
          ok = FALSE;
          break;
        }
    }

  if (ok && fsync (out) != 0)
    {
      saved_errno = errno;
      ok = FALSE;
    }
  if (close (out) != 0 && ok)
    {
      saved_errno = errno;
      ok = FALSE;
    }
  close (in);

  if (!ok)
    {
      g_unlink (destination);
      pm_store_set_disk_error (error, destination, saved_errno);
    }

  return ok;
}

/* The lock. A file ".~lock.NAME#" beside the project (the name LibreOffice
 * and WPS users know) says who has it open for writing: user, host, process
 * and since when. A lock left behind by a process that died on this host
 * (its pid gone, or reused by another program, or the machine rebooted since)
 * is stale and taken over. */

struct _PmStoreLock
{
  char *path;
  GPid pid;
  char *start_time;
};

char *
pm_store_lock_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *lock_name = g_strdup_printf (".~lock.%s#", name);

  return g_build_filename (dir, lock_name, NULL);
}

/* Returns: (transfer full): field 22 of /proc/PID/stat, the process's start
 * time since boot, or NULL where /proc is not there */
static char *
process_start_time (GPid pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *contents = NULL;
  g_auto (GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (stat_path, &contents, NULL, NULL))
    return NULL;

  /* the process name (field 2) is in parentheses and may hold spaces */
  after_name = strrchr (contents, ')');
  if (after_name == NULL)
    return NULL;

  fields = g_strsplit (after_name + 2, " ", 0);
  /* fields[0] is field 3 (state), so field 22 is fields[19] */
  if (g_strv_length (fields) < 20)
    return NULL;

  return g_strdup (fields[19]);
}

static char *
boot_id (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return NULL;

  return g_strstrip (g_steal_pointer (&contents));
}

/* The OS user's full name, or the login name where it has none. */
const char *
pm_store_default_user_name (void)
{
  const char *real_name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no full name */
  if (real_name && *real_name && g_strcmp0 (real_name, "Unknown") != 0)
    return real_name;

  return g_get_user_name ();
}

static gboolean
lock_is_stale (GKeyFile *key_file)
{
  g_autofree char *host = g_key_file_get_string (key_file, "Lock", "Host", NULL);
  g_autofree char *lock_boot = g_key_file_get_string (key_file, "Lock", "BootId", NULL);
  g_autofree char *lock_start = g_key_file_get_string (key_file, "Lock", "StartTime", NULL);
  g_autofree char *our_boot = boot_id ();
  g_autofree char *start = NULL;
  gint64 pid = g_key_file_get_int64 (key_file, "Lock", "Pid", NULL);

  /* a process on another machine cannot be asked */
  if (g_strcmp0 (host, g_get_host_name ()) != 0)
    return FALSE;

  if (lock_boot && our_boot && g_strcmp0 (lock_boot, our_boot) != 0)
    return TRUE;
  if (pid <= 0 || pid > G_MAXINT)
    return TRUE;
  if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
    return TRUE;

  start = process_start_time ((GPid) pid);
  if (lock_start && start && g_strcmp0 (lock_start, start) != 0)
    return TRUE; /* the pid now belongs to another process */

  return FALSE;
}

static void
set_in_use_error (GError    **error,
                  const char *path,
                  const char *lock_path,
                  GKeyFile   *key_file)
{
  g_autofree char *display = pm_store_file_display_name (path);
  g_autofree char *user = NULL;
  g_autofree char *host = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *since = NULL;
  g_autoptr (GDateTime) since_time = NULL;

  if (key_file)
    {
      user = g_key_file_get_string (key_file, "Lock", "User", NULL);
      host = g_key_file_get_string (key_file, "Lock", "Host", NULL);
      since_text = g_key_file_get_string (key_file, "Lock", "Since", NULL);
    }
  if ((since_time = pm_store_parse_time (since_text)))
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (since_time);

      since = g_date_time_format (local, "%Y-%m-%d %H:%M");
    }

  if (user && host && since)
    {
      if (g_strcmp0 (host, g_get_host_name ()) == 0)
        g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IN_USE,
                     _("“%s” is in use by %s on this computer since %s."), display, user, since);
      else
        {
          g_autofree char *lock_name = g_path_get_basename (lock_path);

          g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IN_USE,
                       _("“%s” is in use by %s on the computer “%s” since %s. If nobody is "
                         "using it any more, delete the file “%s” beside it."),
                       display, user, host, since, lock_name);
        }
    }
  else
    g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_IN_USE,
                 _("“%s” is in use by another program."), display);
}

static gboolean
write_lock_file (const char  *lock_path,
                 PmStoreLock *lock,
                 int         *saved_errno)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *since = pm_store_format_time (now);
  g_autofree char *boot = boot_id ();
  g_autofree char *contents = NULL;
  gsize length;
  int fd;

  g_key_file_set_string (key_file, "Lock", "User", pm_store_default_user_name ());
  g_key_file_set_string (key_file, "Lock", "Host", g_get_host_name ());
  g_key_file_set_int64 (key_file, "Lock", "Pid", lock->pid);
  if (lock->start_time)
    g_key_file_set_string (key_file, "Lock", "StartTime", lock->start_time);
  if (boot)
    g_key_file_set_string (key_file, "Lock", "BootId", boot);
  g_key_file_set_string (key_file, "Lock", "Since", since);
  g_key_file_set_string (key_file, "Lock", "Program", "plan-monitor " PACKAGE_VERSION);
  contents = g_key_file_to_data (key_file, &length, NULL);

  fd = g_open (lock_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      *saved_errno = errno;
      return FALSE;
    }
  if (!write_all (fd, contents, length))
    {
      *saved_errno = errno;
      close (fd);
      g_unlink (lock_path);
      return FALSE;
    }
  close (fd);

  return TRUE;
}

/* Returns: (transfer full): the lock, or NULL with PM_STORE_ERROR_IN_USE
 * (the message names who has the file) or another error when no lock file
 * can be written beside the project. */
PmStoreLock *
pm_store_lock_acquire (const char *path,
                       GError    **error)
{
  g_autofree char *lock_path = pm_store_lock_path (path);
  PmStoreLock *lock = g_new0 (PmStoreLock, 1);

  lock->path = g_strdup (lock_path);
  lock->pid = getpid ();
  lock->start_time = process_start_time (lock->pid);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr (GKeyFile) key_file = NULL;
      int saved_errno = 0;
      GStatBuf st;

      if (write_lock_file (lock_path, lock, &saved_errno))
        return lock;

      if (saved_errno != EEXIST)
        {
          g_autofree char *dir = g_path_get_dirname (path);
          g_autofree char *dir_display = g_filename_display_name (dir);

          if (saved_errno == ENOSPC || saved_errno == EDQUOT)
            pm_store_set_disk_error (error, lock_path, saved_errno);
          else
            g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_READ_ONLY,
                         _("No lock file can be written in the folder “%s” (%s)."),
                         dir_display, g_strerror (saved_errno));
          break;
        }

      key_file = g_key_file_new ();
      if (!g_key_file_load_from_file (key_file, lock_path, G_KEY_FILE_NONE, NULL))
        {
          g_clear_pointer (&key_file, g_key_file_unref);

          /* a lock being written right now is short-lived; one that stays
           * unreadable for a minute was left by a crash */
          if (g_stat (lock_path, &st) == 0 && time (NULL) - st.st_mtime < 60)
            {
              set_in_use_error (error, path, lock_path, NULL);
              break;
            }
        }
      else if (!lock_is_stale (key_file))
        {
          set_in_use_error (error, path, lock_path, key_file);
          break;
        }

      g_debug ("Taking over the stale lock %s", lock_path);
      if (g_unlink (lock_path) != 0 && errno != ENOENT)
        {
          set_in_use_error (error, path, lock_path, key_file);
          break;
        }
    }

  g_free (lock->path);
  g_free (lock->start_time);
  g_free (lock);
  return NULL;
}

/* Removes the lock file if it is still ours. */
void
pm_store_lock_release (PmStoreLock *lock)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();

  if (lock == NULL)
    return;

  if (g_key_file_load_from_file (key_file, lock->path, G_KEY_FILE_NONE, NULL) &&
      g_key_file_get_int64 (key_file, "Lock", "Pid", NULL) == lock->pid)
    g_unlink (lock->path);

  g_free (lock->path);
  g_free (lock->start_time);
  g_free (lock);
}
