/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The write path under valgrind's memcheck: the program runs itself, as a
 * child, doing few writes and then many, and the memory definitely lost
 * must not grow with the number of writes (libgda's rewriting of NULL
 * parameters lost ~39 KB a write). What libraries lose once, at start,
 * is the same in both runs and cancels out. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "pm-store.h"
#include "store-test-util.h"

#define FEW 10
#define MANY 60

/* The child: n rounds of the window's writes (a value without a note, one
 * with a note and source, a delete, an undo and a redo) and one small
 * import, then closes. */
static int
write_rounds (const char *path,
              int         n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_open (path, PM_STORE_OPEN_READ_WRITE, &error);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  for (int i = 0; i < n; i++)
    {
      g_autofree char *csv = g_strdup_printf ("code,year,area,value,note,source\n"
                                              "W2,2023,county,%d,,\n"
                                              "W3,2023,county,%d,checked,county office\n",
                                              i % 50, 50 + i % 50);

      if (!pm_store_set_observation (store, "W1", 2021 + i % 10, "county", i % 100, NULL,
                                     NULL, NULL, FALSE, &error) ||
          !pm_store_set_observation (store, "C1", 2021 + i % 10, "county", i % 100, NULL,
                                     "checked", "county office", i % 2, &error) ||
          !pm_store_delete_observation (store, "W1", 2021 + i % 10, "county", &error) ||
          !pm_store_undo (store, &error) || !pm_store_redo (store, &error) ||
          !pm_store_import_csv_data (store, csv, -1, "round.csv", NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
    }

  pm_store_close (store);
  return 0;
}

static guint64
parse_grouped (const char *text)
{
  guint64 value = 0;

  for (const char *p = text; *p && (g_ascii_isdigit (*p) || *p == ','); p++)
    if (*p != ',')
      value = value * 10 + (guint64) (*p - '0');
  return value;
}

/* Returns: the bytes valgrind reports definitely lost by a child doing n
 * rounds on path */
static guint64
lost_bytes (const char *valgrind,
            const char *path,
            int         n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *rounds = g_strdup_printf ("%d", n);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { valgrind, "--leak-check=full", "--show-leak-kinds=definite",
                         "--num-callers=30", self, "--write-rounds", rounds, path, NULL };
  const char *line;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("the child under valgrind failed: %s\n%s%s", error->message, out, err);

  /* "==123==    definitely lost: 1,234 bytes in 5 blocks" */
  line = strstr (err, "definitely lost: ");
  if (line == NULL)
    {
      g_test_message ("%d rounds: no leak summary (all heap blocks freed)", n);
      return 0;
    }
  g_test_message ("%d rounds: %.*s", n, (int) strcspn (line, "\n"), line);
  return parse_grouped (line + strlen ("definitely lost: "));
}

static void
test_the_write_path_loses_no_memory_under_valgrind (void)
{
  g_autofree char *valgrind = g_find_program_in_path ("valgrind");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint64 few, many;

  if (valgrind == NULL)
    {
      g_test_skip ("valgrind is not installed (it is in .ci/packages)");
      return;
    }

  dir = store_test_make_dir ();
  path = store_test_new_project (dir, "county.pmproj");
  few = lost_bytes (valgrind, path, FEW);
  many = lost_bytes (valgrind, path, MANY);

  /* 50 more rounds are 250 more writes: at the old ~39 KB a write, ~10 MB */
  g_assert_cmpuint (many, <=, few + 16 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "--write-rounds"))
    return write_rounds (argv[3], atoi (argv[2]));

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/leaks/the-write-path-loses-no-memory-under-valgrind",
                   test_the_write_path_loses_no_memory_under_valgrind);
  return g_test_run ();
}
