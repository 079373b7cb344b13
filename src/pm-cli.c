/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "pm-catalogue-export.h"
#include "pm-chart-command.h"
#include "pm-cli.h"
#include "pm-csv.h"
#include "pm-export-file.h"
#include "pm-project.h"
#include "pm-schedule-export.h"
#include "pm-schedule-store-source.h"
#include "pm-store.h"
#include "pm-summary.h"
#include "pm-task-division.h"

/* The command line: every option but opening the window works headless and
 * exits with PM_EXIT_*. Options are parsed here, before any GTK is touched,
 * so that usage errors get status 2 and no display is ever needed. */

typedef struct
{
  gboolean version;
  char *export_catalogue;
  char *evaluate;
  char *export_schedule;
  char *export_task_division;
  char *year;
  char *output;
  char *format;
  char *new_project;
  char *verify;
  char *import;
  char *export_observations;
  char *export_chart;
  char *export_charts;
  char *size;
  char *style;
  char *dpi;
  char *per_page;
  char *encoding;
  gboolean strict;
  char **add_area;
  char *language;
  char **arguments;
} Options;

/* --language: the documents' language for this run, in place of the
 * project's (PM_LANGUAGE_UI: not given). The project file is not changed. */
static PmLanguage document_language = PM_LANGUAGE_UI;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->export_catalogue, g_free);
  g_clear_pointer (&options->evaluate, g_free);
  g_clear_pointer (&options->export_schedule, g_free);
  g_clear_pointer (&options->export_task_division, g_free);
  g_clear_pointer (&options->year, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->new_project, g_free);
  g_clear_pointer (&options->verify, g_free);
  g_clear_pointer (&options->import, g_free);
  g_clear_pointer (&options->export_observations, g_free);
  g_clear_pointer (&options->export_chart, g_free);
  g_clear_pointer (&options->export_charts, g_free);
  g_clear_pointer (&options->size, g_free);
  g_clear_pointer (&options->style, g_free);
  g_clear_pointer (&options->dpi, g_free);
  g_clear_pointer (&options->per_page, g_free);
  g_clear_pointer (&options->encoding, g_free);
  g_clear_pointer (&options->add_area, g_strfreev);
  g_clear_pointer (&options->language, g_free);
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
  /* a message that could not be made (no memory for it) is still one */
  g_printerr ("plan-monitor: %s\n", error && error->message
                                        ? error->message
                                        : _("The action failed, and its message could not be "
                                            "made."));
  return PM_EXIT_USER_ERROR;
}

/* Returns: (transfer full): an argument as a message echoes it: at most
 * PM_CSV_MESSAGE_CHARS characters */
static char *
shown_argument (const char *argument)
{
  g_autofree char *display = g_filename_display_name (argument ? argument : "");

  return pm_csv_shorten (display, PM_CSV_MESSAGE_CHARS);
}

/* Every option that writes a file: never over a project, nor over the
 * project read. Returns: whether output may be written; else *status is set. */
static gboolean
check_output (const char *output,
              const char *project_path,
              gboolean    folder_ok,
              int        *status)
{
  g_autoptr (GError) error = NULL;

  if (pm_export_file_check_output (output, project_path, folder_ok, &error))
    return TRUE;

  *status = user_error (error);
  return FALSE;
}

/* Returns: project, in the --language given */
static PmProject *
apply_language (PmProject *project)
{
  if (project && document_language != PM_LANGUAGE_UI)
    pm_project_set_document_language (project, document_language);
  return project;
}

/* Returns: (transfer full): the project in the file at path, opened
 * read-only, or the built-in template when path is NULL */
static PmProject *
load_project (const char *path,
              GError    **error)
{
  g_autoptr (PmStore) store = NULL;

  if (path == NULL)
    return apply_language (pm_project_new_from_template (error));

  store = pm_store_open (path, PM_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return NULL;

  /* the model outlives the store, which closes the file */
  return apply_language (g_object_ref (pm_store_get_project (store)));
}

/* --new PROJECT */
static int
new_project (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_create_from_template (path, &error);

  if (store == NULL)
    return user_error (error);

  pm_store_close (store);
  return PM_EXIT_OK;
}

/* Returns: (transfer full): the areas of --add-area, each option also a
 * comma-separated list */
static GStrv
split_areas (char **add_area)
{
  g_autoptr (GStrvBuilder) areas = g_strv_builder_new ();

  for (guint i = 0; add_area && add_area[i]; i++)
    {
      g_auto (GStrv) names = g_strsplit (add_area[i], ",", -1);

      for (guint j = 0; names[j]; j++)
        {
          g_strstrip (names[j]);
          if (*names[j])
            g_strv_builder_add (areas, names[j]);
        }
    }

  return g_strv_builder_end (areas);
}

/* --verify PROJECT: the values' history as it was written (its hash chain) */
static int
verify_history (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = pm_store_open (path, PM_STORE_OPEN_READ_ONLY, &error);
  g_autofree char *name = NULL;
  guint n_entries = 0;

  if (store == NULL || !pm_store_verify_history (store, &n_entries, &error))
    return user_error (error);

  name = g_filename_display_basename (path);
  g_print (_("“%s”: history intact (%u entries).\n"), name, n_entries);
  pm_store_close (store);
  return PM_EXIT_OK;
}

/* --import FILE.csv PROJECT [--encoding E] [--strict] [--add-area NAME]:
 * all rows or none; the window's checks of the values are printed as
 * warnings (with --strict they refuse the import) */
static int
import_observations (const Options *options,
                     const char    *project_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;
  g_autofree char *name = NULL;
  g_autofree char *warnings = NULL;
  g_auto (GStrv) areas = split_areas (options->add_area);
  PmStoreImportOptions import_options = {
    .encoding = options->encoding,
    .strict = options->strict,
    .known_areas_only = TRUE,
    .new_areas = (const char *const *) areas,
  };
  PmStoreImportCounts counts;

  if (options->encoding && g_ascii_strcasecmp (options->encoding, "utf-8") != 0 &&
      g_ascii_strcasecmp (options->encoding, "utf8") != 0 &&
      g_ascii_strcasecmp (options->encoding, "gb18030") != 0 &&
      g_ascii_strcasecmp (options->encoding, "gbk") != 0)
    {
      g_autofree char *shown = shown_argument (options->encoding);
      g_autofree char *message =
        g_strdup_printf (_("--encoding is utf-8 or gb18030 (gbk), not “%s”"), shown);

      return usage_error (message);
    }
  if (options->encoding && g_ascii_strcasecmp (options->encoding, "gbk") == 0)
    import_options.encoding = "GB18030";

  store = pm_store_open (project_path, PM_STORE_OPEN_READ_WRITE, &error);
  if (store == NULL ||
      !pm_store_import_csv_full (store, options->import, &import_options, &counts, &warnings,
                                 &error))
    {
      if (g_error_matches (error, PM_STORE_ERROR, PM_STORE_ERROR_ENCODING))
        {
          g_printerr ("plan-monitor: %s %s\n", error->message,
                      _("Run again with --encoding gb18030."));
          return PM_EXIT_USER_ERROR;
        }
      return user_error (error);
    }
  pm_store_close (store);

  if (warnings)
    g_printerr ("plan-monitor: %s\n%s\n",
                _("Imported, but these values fail the checks the window makes (correct "
                  "them, or confirm them in the window with a note):"),
                warnings);

  name = g_filename_display_basename (project_path);
  g_print (_("Imported into “%s”: %u new, %u changed, %u unchanged.\n"), name, counts.added,
           counts.changed, counts.unchanged);
  return PM_EXIT_OK;
}

/* --export-observations FILE.csv PROJECT */
static int
export_observations (const char *csv_path,
                     const char *project_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmStore) store = NULL;
  g_autofree char *lower = g_ascii_strdown (csv_path, -1);
  int status;

  if (!g_str_has_suffix (lower, ".csv"))
    {
      g_autofree char *shown = shown_argument (csv_path);
      g_autofree char *message =
        g_strdup_printf (_("--export-observations writes CSV: give a file name ending in .csv, "
                           "not “%s”"), shown);

      return usage_error (message);
    }
  if (!check_output (csv_path, project_path, FALSE, &status))
    return status;

  store = pm_store_open (project_path, PM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL || !pm_store_export_observations_csv (store, csv_path, &error))
    return user_error (error);

  return PM_EXIT_OK;
}

static int
export_catalogue (const char *output,
                  const char *project_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) project = NULL;
  int status;

  if (!check_output (output, project_path, FALSE, &status))
    return status;
  project = load_project (project_path, &error);
  if (project == NULL || !pm_catalogue_export (project, output, &error))
    return user_error (error);

  return PM_EXIT_OK;
}

/* --evaluate YEAR: the status of every indicator of the period that
 * contains YEAR, as a TSV on stdout (UTF-8 whatever the locale). */
static int
evaluate (const char *year_text,
          const char *project_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) project = NULL;
  g_autoptr (PmSummary) summary = NULL;
  g_autofree char *table = NULL;
  gint64 year;

  if (!g_ascii_string_to_signed (year_text, 10, 2011, 2030, &year, NULL))
    {
      g_autofree char *shown = shown_argument (year_text);
      g_autofree char *message =
        g_strdup_printf (_("--evaluate needs a year from 2011 to 2030, not “%s”"), shown);

      return usage_error (message);
    }

  project = load_project (project_path, &error);
  if (project == NULL)
    return user_error (error);

  summary = pm_summary_new_for_year (project, (int) year);
  table = pm_summary_to_tsv (summary);
  if (fputs (table, stdout) == EOF || fflush (stdout) != 0)
    {
      g_printerr ("plan-monitor: %s\n", _("Cannot write the table to the standard output"));
      return PM_EXIT_USER_ERROR;
    }

  return PM_EXIT_OK;
}

/* Schedules read work items from the project file (read-only); the
 * built-in template has none. */
static PmProject *
load_schedule_project (const char        *path,
                       PmScheduleSource **source,
                       GError           **error)
{
  g_autoptr (PmStore) store = NULL;

  *source = NULL;
  if (path == NULL)
    return load_project (NULL, error);

  store = pm_store_open (path, PM_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return NULL;
  *source = pm_schedule_source_new_for_store (store);
  return apply_language (g_object_ref (pm_store_get_project (store)));
}

static gboolean
parse_schedule_year (const char *text,
                     int        *year)
{
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, 2021, 2030, &value, NULL))
    return FALSE;
  *year = (int) value;
  return TRUE;
}

/* --export-schedule DEPARTMENT|all --year YEAR --output PATH [--format F] */
static int
export_schedule (const Options *options,
                 const char    *project_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmScheduleSource) source = NULL;
  g_autoptr (PmProject) project = NULL;
  g_autoptr (GPtrArray) departments = NULL;
  g_auto (GStrv) written = NULL;
  PmExportFormat format = PM_EXPORT_FORMAT_PDF, by_name;
  int year, status;

  if (options->year == NULL || options->output == NULL)
    return usage_error (_("--export-schedule needs --year YEAR and --output PATH"));
  if (!parse_schedule_year (options->year, &year))
    {
      g_autofree char *shown = shown_argument (options->year);
      g_autofree char *message =
        g_strdup_printf (_("--year needs a year from 2021 to 2030, not “%s”"), shown);

      return usage_error (message);
    }
  if (options->format != NULL && !pm_export_format_from_string (options->format, &format))
    {
      g_autofree char *shown = shown_argument (options->format);
      g_autofree char *message =
        g_strdup_printf (_("--format is pdf, xlsx or csv, not “%s”"), shown);

      return usage_error (message);
    }
  if (options->format != NULL && pm_export_format_from_path (options->output, &by_name) &&
      by_name != format)
    {
      g_autofree char *shown = shown_argument (options->output);
      g_autofree char *message =
        g_strdup_printf (_("--format %s does not match the file name “%s”"), options->format,
                         shown);

      return usage_error (message);
    }

  if (!check_output (options->output, project_path, TRUE, &status))
    return status;
  project = load_schedule_project (project_path, &source, &error);
  if (project == NULL)
    return user_error (error);
  departments = pm_schedule_find_departments (project, options->export_schedule, &error);
  if (departments == NULL)
    return user_error (error);

  written = pm_schedule_export (project, source, departments, year, options->output, format,
                                NULL, &error);
  if (written == NULL)
    return user_error (error);
  for (guint i = 0; written[i]; i++)
    g_print ("%s\n", written[i]);

  return PM_EXIT_OK;
}

/* --export-task-division FILE [--year YEAR] */
static int
export_task_division (const Options *options,
                      const char    *project_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmScheduleSource) source = NULL;
  g_autoptr (PmProject) project = NULL;
  g_autoptr (PmTaskDivision) division = NULL;
  int year, status;

  if (options->output != NULL || options->format != NULL)
    return usage_error (_("--export-task-division takes its FILE, not --output or --format"));
  if (options->year == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      year = CLAMP (g_date_time_get_year (now), 2021, 2030);
    }
  else if (!parse_schedule_year (options->year, &year))
    {
      g_autofree char *shown = shown_argument (options->year);
      g_autofree char *message =
        g_strdup_printf (_("--year needs a year from 2021 to 2030, not “%s”"), shown);

      return usage_error (message);
    }

  if (!check_output (options->export_task_division, project_path, FALSE, &status))
    return status;
  project = load_schedule_project (project_path, &source, &error);
  if (project == NULL)
    return user_error (error);
  division = pm_task_division_new (project, source, year, NULL, &error);
  if (division == NULL ||
      !pm_task_division_write (division, options->export_task_division, NULL, &error))
    return user_error (error);

  return PM_EXIT_OK;
}

/* --export-chart and --export-charts: options checked before the project
 * is read, so that a usage error is one whatever the project. */
static int
export_charts (const Options *options,
               const char    *project_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmProject) project = NULL;
  g_autofree char *report = NULL;
  gboolean booklet = options->export_charts != NULL;
  int status;
  PmChartCommandOptions chart_options = {
    options->output, options->size, options->style, options->year, options->dpi,
    options->per_page,
  };

  if (options->export_chart && options->export_charts)
    return usage_error (_("Give --export-chart or --export-charts, not both"));
  if (options->format)
    return usage_error (_("--format goes with --export-schedule; a chart's format is its "
                          "file name's (.png, .svg, .pdf)"));
  if (!pm_chart_command_check (&chart_options, booklet, &error))
    return usage_error (error->message);
  if (!check_output (options->output, project_path, FALSE, &status))
    return status;

  project = load_project (project_path, &error);
  if (project == NULL)
    return user_error (error);

  if (booklet ? !pm_chart_command_export_charts (project, options->export_charts, &chart_options,
                                                 &report, &error)
              : !pm_chart_command_export_chart (project, options->export_chart, &chart_options,
                                                &error))
    return g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE)
             ? usage_error (error->message) : user_error (error);

  if (report)
    g_print ("%s\n", report);
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
  g_autofree char *description = NULL;
  const char *project_path;
  guint n_arguments;
  int status;
  const GOptionEntry entries[] = {
    { "export-catalogue", 0, 0, G_OPTION_ARG_FILENAME, &options.export_catalogue,
      N_("Write the indicator catalogue of both plans to FILE (.csv or .xlsx) and exit"),
      N_("FILE") },
    { "evaluate", 0, 0, G_OPTION_ARG_STRING, &options.evaluate,
      N_("Print the status of every indicator in YEAR (2011–2030) against its target as a "
         "table (TSV) and exit"),
      N_("YEAR") },
    { "export-schedule", 0, 0, G_OPTION_ARG_STRING, &options.export_schedule,
      N_("Write the work schedule of DEPARTMENT (or of all) for --year to --output "
         "(.pdf, .xlsx, .csv, or a folder) and exit"),
      N_("DEPARTMENT|all") },
    { "export-task-division", 0, 0, G_OPTION_ARG_FILENAME, &options.export_task_division,
      N_("Write the county-wide task-division table (every key task, its departments and "
         "work items) to FILE (.pdf, .xlsx or .csv) and exit"),
      N_("FILE") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &options.year,
      N_("The year of the schedules, task division or charts (2021–2030)"), N_("YEAR") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Where --export-schedule writes: a .pdf, .xlsx or .csv file, or a folder for one "
         "file per department; where a chart goes (.png, .svg, .pdf)"),
      N_("PATH") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("The format of the files written into a folder: pdf (the default), xlsx or csv"),
      N_("FORMAT") },
    { "new", 0, 0, G_OPTION_ARG_FILENAME, &options.new_project,
      N_("Create the project file PROJECT from the built-in template of both plans and exit"),
      N_("PROJECT") },
    { "verify", 0, 0, G_OPTION_ARG_FILENAME, &options.verify,
      N_("Check that the history of PROJECT's values is as it was written (its hash chain) "
         "and exit: 1 names the first entry altered"),
      N_("PROJECT") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &options.import,
      N_("Import the observations in FILE.csv into PROJECT (all rows or none) and exit"),
      N_("FILE.csv") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &options.encoding,
      N_("The encoding of the --import file: utf-8 (the default) or gb18030 (also GBK)"),
      N_("ENCODING") },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &options.strict,
      N_("Refuse an --import whose values fail the window's checks (a percentage outside "
         "0–100, a large change, a binding target missed) instead of warning"),
      NULL },
    { "add-area", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.add_area,
      N_("Let --import add the area NAME to the project's areas (repeat it, or give "
         "NAME,NAME); any other area it does not know is refused"),
      N_("NAME") },
    { "export-observations", 0, 0, G_OPTION_ARG_FILENAME, &options.export_observations,
      N_("Write every observation of PROJECT to FILE.csv (the format --import reads) and exit"),
      N_("FILE.csv") },
    { "export-chart", 0, 0, G_OPTION_ARG_STRING, &options.export_chart,
      N_("Draw the trend chart of indicator CODE (several codes with one unit: a "
         "comparison; a domain's name: its small multiples; summary: the statuses) to "
         "--output (.png, .svg or .pdf) and exit"),
      N_("CODE") },
    { "export-charts", 0, 0, G_OPTION_ARG_STRING, &options.export_charts,
      N_("Write a PDF booklet of the trend charts of all indicators, of the women's or the "
         "children's plan, or of the codes given, to --output FILE.pdf and exit"),
      N_("all|women|children|CODE,CODE…") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &options.size,
      N_("The size of a chart in pixels (at 96 dpi), e.g. 1600x900"), N_("WxH") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &options.style,
      N_("How charts look: screen, screen-dark, print (black and white safe) or slide "
         "(16:9, large type)"),
      N_("STYLE") },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, &options.dpi,
      N_("The resolution of a .png chart (default 96): a higher one draws larger type on the "
         "same pixels"),
      N_("DPI") },
    { "per-page", 0, 0, G_OPTION_ARG_STRING, &options.per_page,
      N_("Charts per page of an --export-charts booklet: 1, 2 or 4"), N_("N") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options.language,
      N_("Language of the documents written: zh_CN or en (default: the project's, zh_CN)"),
      N_("LANGUAGE") },
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
  description = g_strconcat (
    /* xgettext:no-c-format */
    _("Exit status: 0 on success, 1 when a file cannot be read or written or its\n"
      "content is wrong, 2 for a usage error.\n"
      "\n"
      "Catalogue columns (CSV: UTF-8 with a BOM, RFC 4180 quoting):\n"
      "  code,period,plan,domain,number,name,unit,city_target,county_target,attribute,\n"
      "  lead_department,departments,predecessor,value_2010,target_2020,value_2020,note\n"
      "\n"
      "Examples:\n"
      "  plan-monitor\n"
      "  plan-monitor --new county.pmproj\n"
      "  plan-monitor --import values-2023.csv county.pmproj\n"
      "  plan-monitor --export-observations values.csv county.pmproj\n"
      "  plan-monitor --export-catalogue catalogue.csv\n"
      "  plan-monitor --export-catalogue catalogue.xlsx county.pmproj\n"
      "  plan-monitor --evaluate 2025 county.pmproj > status-2025.tsv\n"
      "  plan-monitor --export-schedule 县妇联 --year 2025 --output 县妇联-2025.pdf county.pmproj\n"
      "  plan-monitor --export-schedule all --year 2025 --output schedules-2025.xlsx\n"
      "  plan-monitor --export-schedule all --year 2025 --output schedules/ --format csv\n"
      "  plan-monitor --export-task-division task-division-2025.pdf --year 2025 county.pmproj\n"
      "  plan-monitor --export-chart W2 --output W2.png\n"
      "  plan-monitor --export-chart C4 --output C4.svg --style slide --year 2025 county.pmproj\n"
      "  plan-monitor --export-chart C10.1,C10.2,C10.3 --output myopia.pdf --style print\n"
      "  plan-monitor --export-chart 儿童与健康 --output health.png --size 2400x1600\n"
      "  plan-monitor --export-chart summary --output status.png --year 2025 county.pmproj\n"
      "  plan-monitor --export-charts women --output women-2025.pdf --per-page 2 county.pmproj\n"
      "  plan-monitor --export-charts all --output slides.pdf --style slide\n"
      "\n"
      "--evaluate columns: code, name, latest_year, latest_value, target, status,\n"
      "status_label, explanation; status is one of achieved, on-track,\n"
      "needs-acceleration, limited-progress, deteriorating, not-achieved, no-target,\n"
      "no-data, manual (stable codes); status_label is its word (已达标 …).\n"
      "Documents (PDF, XLSX, schedule CSV, charts, status_label, explanation) are in\n"
      "the project's document language, zh_CN unless set; --language en: English.\n"
      "A blank line, then the counts and attainment rate per plan and domain.\n"
      "YEAR 2011–2020 evaluates the 2011–2020 rows (in 2020: their final result).\n"
      "\n"
      "--export-schedule writes one document for one department or for all (a PDF\n"
      "part, or an XLSX sheet, per department); with all and a folder (existing, or a\n"
      "PATH ending in /), one file per department named DEPARTMENT-YEAR.pdf (or\n"
      ".xlsx, .csv with --format). An unknown DEPARTMENT gets the list of names.\n"
      "Schedule CSV columns: department, year, part (task-lead, task-cooperates,\n"
      "work-item, indicator, key-project), code, title, section, task, indicator, role,\n"
      "other_departments, start, due, status, county_target, attribute, latest_value,\n"
      "latest_year, this_year (missing, entered), note, text.\n"
      "--export-task-division counts the work items of --year (default: this year).\n"
      "Task-division CSV columns: year, plan, code, section, title, lead_department,\n"
      "cooperating_departments, work_items, planned, in_progress, done, delayed,\n"
      "cancelled.\n"
      "\n"
      "Observation CSV (--import, --export-observations): a header row naming\n"
      "code,year,value and optionally area,note,source,provisional,judgement, in\n"
      "any order; UTF-8 with or without a BOM. Years 2010–2030; area defaults to\n"
      "county; provisional is 1/0 (yes/no); judgement records a person's judgement\n"
      "of a manual target (已达标, 未达标 …). Values may have full-width digits,\n"
      "thousands separators and a % or ‰ sign matching the indicator's unit. An import with\n"
      "any bad row changes nothing and lists every bad row with its line number.\n"
      "A project in use by another program is not written: it says by whom.\n"
      "\n"
      "--export-chart draws one chart: an indicator's trend since 2010 against its\n"
      "target, with the required path, the projection and the status in --year\n"
      "(default: the latest year with data); codes are those of the catalogue (W2,\n"
      "C10.1, HW17 …). Sizes default to 1200x750 (screen), 1123x794 (print) and\n"
      "1920x1080 (slide). --export-charts writes the 2021–2030 indicators of both\n"
      "plans (all), of one plan (women, children) or the codes given, in the print\n"
      "style on A4 by default (slide: 16:9 pages), with page numbers. An unknown\n"
      "code is an error that lists similar codes.\n"),
    _("\n"
      "--import lists the first 100 bad rows, then how many more. An area must be\n"
      "county or one the project's values already have; --add-area NAME adds a new\n"
      "one. A file that is not UTF-8 but reads as GB18030 (GBK) is named so: import\n"
      "it with --encoding gb18030. Values that fail the window's checks (a\n"
      "percentage outside 0–100, a large change, a binding target missed) are\n"
      "printed as warnings; --strict refuses them. A text field that a spreadsheet\n"
      "would take for a formula (it starts with = + - @, a tab or a CR) or that\n"
      "starts with ' is exported with a ' before it, which --import removes again.\n"
      "No option writes over a project (a .pmproj name, or an SQLite file) nor over\n"
      "the PROJECT read; --export-observations writes .csv only.\n"
      "  plan-monitor --import 数据-gbk.csv --encoding gb18030 --strict county.pmproj\n"
      "  plan-monitor --import towns.csv --add-area 双江街道 county.pmproj\n"),
    NULL);
  g_option_context_set_description (context, description);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      /* GLib's message quotes the option as given, however long */
      g_autofree char *shown = pm_csv_shorten (error->message, 2 * PM_CSV_MESSAGE_CHARS);

      status = usage_error (shown);
      goto out;
    }

  if (options.version)
    {
      g_print ("plan-monitor %s\n", PACKAGE_VERSION);
      status = PM_EXIT_OK;
      goto out;
    }

  if (options.language)
    {
      if (!pm_language_from_string (options.language, &document_language))
        {
          g_autofree char *message =
            g_strdup_printf (_("--language is zh_CN or en, not “%s”"), options.language);

          status = usage_error (message);
          goto out;
        }
      if (!(options.export_catalogue || options.evaluate || options.export_schedule ||
            options.export_task_division || options.export_chart || options.export_charts ||
            options.export_observations))
        {
          status = usage_error (_("--language goes with an option that writes a document "
                                  "(--export-…, --evaluate)"));
          goto out;
        }
    }

  n_arguments = options.arguments ? g_strv_length (options.arguments) : 0;
  if (n_arguments > 1)
    {
      status = usage_error (_("Give at most one project file"));
      goto out;
    }
  project_path = n_arguments == 1 ? options.arguments[0] : NULL;

  if (options.verify)
    {
      if (project_path || options.new_project || options.import || options.export_observations ||
          options.export_catalogue || options.evaluate || options.export_schedule ||
          options.export_task_division || options.export_chart || options.export_charts)
        status = usage_error (_("--verify goes alone, with the PROJECT as its own argument"));
      else
        status = verify_history (options.verify);
      goto out;
    }

  if ((options.encoding || options.strict || options.add_area) && !options.import)
    {
      status = usage_error (_("--encoding, --strict and --add-area go with --import"));
      goto out;
    }

  if (options.export_chart || options.export_charts)
    {
      if (options.new_project || options.import || options.export_observations ||
          options.export_catalogue || options.evaluate || options.export_schedule ||
          options.export_task_division)
        status = usage_error (_("--export-chart and --export-charts go alone, without another "
                                "action"));
      else
        status = export_charts (&options, project_path);
      goto out;
    }

  if (options.size || options.style || options.dpi || options.per_page)
    {
      status = usage_error (_("--size, --style, --dpi and --per-page go with --export-chart or "
                              "--export-charts"));
      goto out;
    }

  if (options.new_project || options.import || options.export_observations)
    {
      int n_actions = (options.new_project != NULL) + (options.import != NULL) +
                      (options.export_observations != NULL) + (options.export_catalogue != NULL) +
                      (options.evaluate != NULL) + (options.export_schedule != NULL) +
                      (options.export_task_division != NULL);

      if (n_actions > 1)
        status = usage_error (_("Give one of --new, --import, --export-observations, "
                                "--export-catalogue, --evaluate, --export-schedule and "
                                "--export-task-division"));
      else if (options.new_project && project_path)
        status = usage_error (_("--new takes the new PROJECT as its own argument"));
      else if (options.new_project)
        status = new_project (options.new_project);
      else if (project_path == NULL)
        status = usage_error (options.import ? _("--import needs a PROJECT to import into")
                                             : _("--export-observations needs a PROJECT"));
      else if (options.import)
        status = import_observations (&options, project_path);
      else
        status = export_observations (options.export_observations, project_path);
      goto out;
    }

  if (options.export_schedule || options.export_task_division)
    {
      if (options.evaluate || options.export_catalogue ||
          (options.export_schedule && options.export_task_division))
        status = usage_error (_("Give one of --export-schedule, --export-task-division, "
                                "--export-catalogue and --evaluate"));
      else if (options.export_schedule)
        status = export_schedule (&options, project_path);
      else
        status = export_task_division (&options, project_path);
      goto out;
    }

  if (options.evaluate)
    {
      if (options.export_catalogue)
        status = usage_error (_("Give --evaluate or --export-catalogue, not both"));
      else
        status = evaluate (options.evaluate, project_path);
      goto out;
    }

  if (options.export_catalogue)
    {
      status = export_catalogue (options.export_catalogue, project_path);
      goto out;
    }

  if (options.year || options.output || options.format)
    {
      status = usage_error (_("--year, --output and --format go with --export-schedule, "
                              "--export-task-division, --export-chart or --export-charts"));
      goto out;
    }

  *open_window = TRUE;
  *window_project = g_strdup (project_path);
  status = PM_EXIT_OK;

out:
  document_language = PM_LANGUAGE_UI;
  options_clear (&options);
  return status;
}
