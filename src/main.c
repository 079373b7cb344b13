/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plan-monitor"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pm-application.h"
#include "pm-cli.h"
#include "pm-ui-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (PmApplication) app = NULL;
  g_autofree char *project = NULL;
  gboolean open_window = FALSE;
  int status;

  pm_ui_report_stage ("main");
  setlocale (LC_ALL, "");
  /* PM_LOCALEDIR lets a build directory show its own translations */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PM_LOCALEDIR") ? g_getenv ("PM_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = pm_cli_run (argc, argv, &open_window, &project);
  if (!open_window)
    return status;

  /* The plans are Chinese: without a Chinese locale Pango may pick Japanese
   * glyph shapes for the shared characters. */
  g_setenv ("PANGO_LANGUAGE", "zh-cn", FALSE);

  pm_ui_report_stage ("options");
  app = pm_application_new ();
  return pm_application_run_with_project (app, project);
}
