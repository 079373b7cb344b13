/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pm-catalogue-export.h"
#include "pm-cli.h"
#include "pm-project.h"

/* The command line: every option but opening the window works headless and
 * exits with PM_EXIT_*. Options are parsed here, before any GTK is touched,
 * so that usage errors get status 2 and no display is ever needed. */

typedef struct
{
  gboolean version;
  char *export_catalogue;
  char **arguments;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->export_catalogue, g_free);
  g_clear_pointer (&options->arguments, g_strfreev);
}

static int
usage_error (const char *message)
{
  g_printerr ("plan-monitor: %s\n", message);
  g_printerr (_("Try “plan-monitor --help” for more information.\n"));
  return PM_EXIT_USAGE_ERROR;
}

static int
user_error (const GError *error)
{
  g_printerr ("plan-monitor: %s\n", error->message);
  return PM_EXIT_USER_ERROR;
}

/* Returns: (transfer full): the project at path, or the built-in template
 * when path is NULL */
static PmProject *
load_project (const char *path,
              GError    **error)
{
  if (path == NULL)
    return pm_project_new_from_template (error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Cannot open “%s”: this build reads only the built-in template"), path);
  return NULL;
}

static int
export_catalogue (const char *output,
                  const char *project_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) project = load_project (project_path, &error);

  if (project == NULL || !pm_catalogue_export (project, output, &error))
    return user_error (error);

  return PM_EXIT_OK;
}

int
pm_cli_run (int        argc,
            char     **argv,
            gboolean  *open_window,
            char     **window_project)
{
  Options options = { 0 };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = NULL;
  const char *project_path;
  guint n_arguments;
  int status;
  const GOptionEntry entries[] = {
    { "export-catalogue", 0, 0, G_OPTION_ARG_FILENAME, &options.export_catalogue,
      N_("Write the indicator catalogue of both plans to FILE (.csv or .xlsx) and exit"),
      N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.arguments, NULL,
      N_("[PROJECT]") },
    { NULL }
  };

  g_return_val_if_fail (open_window != NULL, PM_EXIT_USAGE_ERROR);
  g_return_val_if_fail (window_project != NULL, PM_EXIT_USAGE_ERROR);

  *open_window = FALSE;
  *window_project = NULL;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Plan Monitor (规划监测): monitor the county's women's and children's development\n"
      "plans 2021–2030 against their targets.\n"
      "\n"
      "With no option, opens the window on PROJECT (or on the built-in template).\n"
      "Every other option works without a display. PROJECT is a project file; where\n"
      "it is optional, the built-in template of both plans is used without it."));
  g_option_context_set_description (context,
    _("Exit status: 0 on success, 1 when a file cannot be read or written or its\n"
      "content is wrong, 2 for a usage error.\n"
      "\n"
      "Catalogue columns (CSV: UTF-8 with a BOM, RFC 4180 quoting):\n"
      "  code,period,plan,domain,number,name,unit,city_target,county_target,attribute,\n"
      "  lead_department,departments,predecessor,value_2010,target_2020,value_2020,note\n"
      "\n"
      "Examples:\n"
      "  plan-monitor\n"
      "  plan-monitor --export-catalogue catalogue.csv\n"
      "  plan-monitor --export-catalogue catalogue.xlsx county.pmproj\n"));

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      status = usage_error (error->message);
      goto out;
    }

  if (options.version)
    {
      g_print ("plan-monitor %s\n", PACKAGE_VERSION);
      status = PM_EXIT_OK;
      goto out;
    }

  n_arguments = options.arguments ? g_strv_length (options.arguments) : 0;
  if (n_arguments > 1)
    {
      status = usage_error (_("Give at most one project file"));
      goto out;
    }
  project_path = n_arguments == 1 ? options.arguments[0] : NULL;

  if (options.export_catalogue)
    {
      status = export_catalogue (options.export_catalogue, project_path);
      goto out;
    }

  *open_window = TRUE;
  *window_project = g_strdup (project_path);
  status = PM_EXIT_OK;

out:
  options_clear (&options);
  return status;
}
