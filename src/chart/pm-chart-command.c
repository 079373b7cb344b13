/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-command"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pm-chart-booklet.h"
#include "pm-chart-builder.h"
#include "pm-chart-command.h"
#include "pm-chart-export.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-plan.h"
#include "pm-project.h"

static gboolean
usage (GError    **error,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage (GError    **error,
       const char *format,
       ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return FALSE;
}

/* Every option checked for form, before a project is read. */
gboolean
pm_chart_command_check (const PmChartCommandOptions *options,
                        gboolean                     booklet,
                        GError                     **error)
{
  const char *action = booklet ? "--export-charts" : "--export-chart";
  PmChartStyle style;
  PmChartFormat format;
  gint64 number;
  int w, h;

  g_return_val_if_fail (options != NULL, FALSE);

  if (options->output == NULL)
    return usage (error, _("%s needs --output FILE"), action);

  if (!pm_chart_format_from_filename (options->output, &format))
    return usage (error, _("--output “%s”: a chart is written as .png, .svg or .pdf"),
                  options->output);
  if (booklet && format != PM_CHART_FORMAT_PDF)
    return usage (error, _("--export-charts writes a PDF booklet: --output “%s” needs to end in .pdf"),
                  options->output);

  if (options->size && !pm_chart_parse_size (options->size, &w, &h))
    return usage (error, _("--size needs WIDTHxHEIGHT in pixels from 16 to 16384, such as 1600x900, "
                           "not “%s”"),
                  options->size);
  if (options->size && booklet)
    return usage (error, _("--size goes with --export-chart; a booklet's pages are A4 or 16:9"));

  if (options->style && !pm_chart_style_from_string (options->style, &style))
    return usage (error, _("--style is screen, screen-dark, print or slide, not “%s”"),
                  options->style);

  if (options->year && !g_ascii_string_to_signed (options->year, 10, 2021, 2030, &number, NULL))
    return usage (error, _("--year needs a year from 2021 to 2030, not “%s”"), options->year);

  if (options->dpi)
    {
      if (booklet)
        return usage (error, _("--dpi goes with --export-chart to a .png file"));
      if (!g_ascii_string_to_signed (options->dpi, 10, 24, 1200, &number, NULL))
        return usage (error, _("--dpi needs a resolution from 24 to 1200, not “%s”"),
                      options->dpi);
    }

  if (options->per_page)
    {
      if (!booklet)
        return usage (error, _("--per-page goes with --export-charts"));
      if (!g_ascii_string_to_signed (options->per_page, 10, 1, 4, &number, NULL) ||
          !pm_chart_per_page_is_valid ((guint) number))
        return usage (error, _("--per-page is 1, 2 or 4, not “%s”"), options->per_page);
    }

  return TRUE;
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_toupper (a[i - 1]) == g_ascii_toupper (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

typedef struct
{
  const char *code;
  guint distance;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->distance != cb->distance)
    return ca->distance < cb->distance ? -1 : 1;
  return g_strcmp0 (ca->code, cb->code);
}

/* Returns: (transfer full) (nullable): up to ten codes like code, joined
 * by commas: one letter off, or the rows under it (C10 → C10.1 …) */
char *
pm_chart_command_similar_codes (PmProject  *project,
                                const char *code)
{
  GListModel *indicators = pm_project_get_indicators (project);
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *upper = g_ascii_strup (code, -1);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      const char *candidate = pm_indicator_get_code (indicator);
      g_autofree char *prefix = g_strconcat (upper, ".", NULL);
      guint distance = edit_distance (upper, candidate);

      if (distance <= 1 || g_str_has_prefix (candidate, prefix))
        {
          Candidate c = { candidate, distance };

          g_array_append_val (found, c);
        }
    }

  if (found->len == 0)
    return NULL;

  g_array_sort (found, compare_candidates);
  for (guint i = 0; i < found->len && i < 10; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, g_array_index (found, Candidate, i).code);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static PmIndicator *
find_indicator (PmProject  *project,
                const char *code,
                GError    **error)
{
  g_autofree char *upper = g_ascii_strup (code, -1);
  g_autofree char *similar = NULL;
  PmIndicator *indicator;

  indicator = pm_project_find_indicator (project, code);
  if (indicator == NULL)
    indicator = pm_project_find_indicator (project, upper);
  if (indicator)
    return indicator;

  similar = pm_chart_command_similar_codes (project, code);
  if (similar)
    g_set_error (error, PM_ERROR, PM_ERROR_NOT_FOUND,
                 _("There is no indicator “%s”. Similar codes: %s"), code, similar);
  else
    g_set_error (error, PM_ERROR, PM_ERROR_NOT_FOUND,
                 _("There is no indicator “%s”. Codes look like W2, C10.1 (2021–2030) or HW17, "
                   "HC27.1 (2011–2020); --export-catalogue lists them all"),
                 code);
  return NULL;
}

/* CODE,CODE… → indicators, each once, in the order given. */
static GPtrArray *
find_indicators (PmProject  *project,
                 const char *codes,
                 GError    **error)
{
  g_auto (GStrv) parts = g_strsplit_set (codes, ",，", -1);
  g_autoptr (GPtrArray) indicators = g_ptr_array_new ();

  for (guint i = 0; parts[i]; i++)
    {
      const char *code = g_strstrip (parts[i]);
      PmIndicator *indicator;

      if (*code == '\0')
        continue;
      indicator = find_indicator (project, code, error);
      if (indicator == NULL)
        return NULL;
      if (!g_ptr_array_find (indicators, indicator, NULL))
        g_ptr_array_add (indicators, indicator);
    }

  if (indicators->len == 0)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_NOT_FOUND, _("No indicator code given in “%s”"),
                   codes);
      return NULL;
    }

  return g_steal_pointer (&indicators);
}

static PmDomain *
find_domain (PmProject  *project,
             const char *name)
{
  GListModel *plans = pm_project_get_plans (project);

  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr (PmPlan) plan = g_list_model_get_item (plans, p);
      PmDomain *domain = pm_plan_find_domain (plan, name);

      if (domain)
        return domain;
    }

  return NULL;
}

static int
option_year (PmProject                   *project,
             const PmChartCommandOptions *options)
{
  if (options->year)
    return (int) g_ascii_strtoll (options->year, NULL, 10);
  return pm_chart_default_year (project);
}

/* --export-chart CODE[,CODE…]|DOMAIN|summary --output FILE */
gboolean
pm_chart_command_export_chart (PmProject                   *project,
                               const char                  *codes,
                               const PmChartCommandOptions *options,
                               GError                     **error)
{
  g_autoptr (PmChart) chart = NULL;
  PmChartStyle style = PM_CHART_STYLE_SCREEN;
  int year, width, height;
  double dpi = PM_CHART_DEFAULT_DPI;
  PmDomain *domain;

  g_return_val_if_fail (PM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (codes != NULL, FALSE);

  if (!pm_chart_command_check (options, FALSE, error))
    return FALSE;

  if (options->style)
    pm_chart_style_from_string (options->style, &style);
  pm_chart_style_get_default_size (style, &width, &height);
  if (options->size)
    pm_chart_parse_size (options->size, &width, &height);
  if (options->dpi)
    dpi = g_ascii_strtod (options->dpi, NULL);
  year = option_year (project, options);

  domain = find_domain (project, codes);
  if (g_ascii_strcasecmp (codes, "summary") == 0)
    chart = pm_chart_new_status_summary (project, NULL, year);
  else if (domain)
    chart = pm_chart_new_for_domain (project, domain, year);
  else
    {
      g_autoptr (GPtrArray) indicators = find_indicators (project, codes, error);

      if (indicators == NULL)
        return FALSE;
      chart = pm_chart_new_for_indicators (project, (PmIndicator **) indicators->pdata,
                                           indicators->len, year, error);
      if (chart == NULL)
        return FALSE;
    }

  return pm_chart_write_file (chart, options->output, style, width, height, dpi, error);
}

/* The 2021–2030 indicators of one plan, or of both. */
static void
add_plan_indicators (GPtrArray *indicators,
                     PmPlan    *plan)
{
  GListModel *list = pm_plan_get_indicators (plan, PM_PERIOD_2021_2030);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (list, i);

      g_ptr_array_add (indicators, indicator);
    }
}

/* --export-charts all|women|children|CODE,CODE… --output FILE.pdf */
gboolean
pm_chart_command_export_charts (PmProject                   *project,
                                const char                  *selection,
                                const PmChartCommandOptions *options,
                                char                       **report,
                                GError                     **error)
{
  g_autoptr (PmChartBooklet) booklet = NULL;
  g_autoptr (GPtrArray) indicators = NULL;
  g_autofree char *title = NULL;
  g_autofree char *scope_text = NULL;
  PmChartStyle style = PM_CHART_STYLE_PRINT;
  const char *scope;
  guint per_page = 1;
  int year;

  g_return_val_if_fail (PM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (selection != NULL, FALSE);

  if (!pm_chart_command_check (options, TRUE, error))
    return FALSE;

  if (options->style)
    pm_chart_style_from_string (options->style, &style);
  if (options->per_page)
    per_page = (guint) g_ascii_strtoull (options->per_page, NULL, 10);
  year = option_year (project, options);

  if (g_ascii_strcasecmp (selection, "all") == 0 || g_ascii_strcasecmp (selection, "women") == 0 ||
      g_ascii_strcasecmp (selection, "children") == 0)
    {
      gboolean all = g_ascii_strcasecmp (selection, "all") == 0;
      GListModel *plans = pm_project_get_plans (project);

      indicators = g_ptr_array_new ();
      scope = all ? pm_project_get_title (project) : NULL;
      for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
        {
          g_autoptr (PmPlan) plan = g_list_model_get_item (plans, p);

          if (all || g_ascii_strcasecmp (pm_plan_get_key (plan), selection) == 0)
            {
              add_plan_indicators (indicators, plan);
              if (!all)
                scope = pm_plan_get_name (plan);
            }
        }
    }
  else
    {
      indicators = find_indicators (project, selection, error);
      if (indicators == NULL)
        return FALSE;
      scope = pm_project_get_title (project);
    }

  /* the project's title, else the plans the charts come from */
  if (scope == NULL || *scope == '\0')
    {
      g_autoptr (GString) plans = g_string_new (NULL);
      g_autoptr (GPtrArray) seen = g_ptr_array_new ();

      for (guint i = 0; i < indicators->len; i++)
        {
          PmPlan *plan = pm_indicator_get_plan (indicators->pdata[i]);

          if (plan == NULL || g_ptr_array_find (seen, plan, NULL))
            continue;
          g_ptr_array_add (seen, plan);
          if (plans->len > 0)
            g_string_append (plans, "、");
          g_string_append (plans, pm_plan_get_name (plan));
        }
      scope_text = g_string_free (g_steal_pointer (&plans), FALSE);
      scope = scope_text;
    }

  /* TRANSLATORS: the header of a booklet: %1$s the plans, %2$d the year */
  title = g_strdup_printf (D_ (pm_project_get_document_language (project), "%1$s · indicator trends, status in %2$d"), scope, year);
  booklet = pm_chart_booklet_new (title, style, per_page);
  pm_chart_booklet_set_language (booklet, pm_project_get_document_language (project));
  for (guint i = 0; i < indicators->len; i++)
    {
      g_autoptr (PmChart) chart = pm_chart_new_for_indicator (project, indicators->pdata[i], year);

      pm_chart_booklet_add (booklet, chart);
    }

  if (!pm_chart_booklet_write_pdf (booklet, options->output, error))
    return FALSE;

  if (report)
    *report = g_strdup_printf (_("Charts: %1$u; pages: %2$u; file: %3$s"), indicators->len,
                               pm_chart_booklet_get_n_pages (booklet), options->output);
  return TRUE;
}
