/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
enum
{
  PM_EXIT_OK = 0,
  PM_EXIT_USER_ERROR = 1,  /* bad input, a file that cannot be read or written */
  PM_EXIT_USAGE_ERROR = 2, /* unknown option, missing or extra argument */
};

int pm_cli_run (int        argc,
                char     **argv,
                gboolean  *open_window,
                char     **window_project);

G_END_DECLS
