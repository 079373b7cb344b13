/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-catalogue-export"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "pm-catalogue-export.h"
#include "pm-csv.h"
#include "pm-department.h"
#include "pm-domain.h"
#include "pm-export-file.h"
#include "pm-indicator.h"
#include "pm-plan.h"
#include "pm-project.h"

const char *const pm_catalogue_columns[PM_CATALOGUE_N_COLUMNS] = {
  "code", "period", "plan", "domain", "number", "name", "unit", "city_target",
  "county_target", "attribute", "lead_department", "departments", "predecessor",
  "value_2010", "target_2020", "value_2020", "note",
};

/* A value of 专栏1 as printed: its text where it was not a plain number. */
static char *
format_value (double      value,
              const char *text)
{
  if (text != NULL)
    return g_strdup (text);
  return pm_csv_format_number (value);
}

/* Returns: (transfer full) (element-type utf8): the indicator's catalogue fields */
GPtrArray *
pm_catalogue_row (PmIndicator *indicator)
{
  GPtrArray *row = g_ptr_array_new_full (PM_CATALOGUE_N_COLUMNS, g_free);
  PmPeriod period = pm_indicator_get_period (indicator);
  PmDomain *domain = pm_indicator_get_domain (indicator);
  PmDepartment *lead = pm_indicator_get_lead_department (indicator);
  PmIndicator *predecessor = pm_indicator_get_predecessor (indicator);
  gboolean previous = period == PM_PERIOD_2011_2020;

  g_ptr_array_add (row, g_strdup (pm_indicator_get_code (indicator)));
  g_ptr_array_add (row, g_strdup (pm_period_to_string (period)));
  g_ptr_array_add (row, g_strdup (pm_plan_get_key (pm_indicator_get_plan (indicator))));
  g_ptr_array_add (row, g_strdup (domain ? pm_domain_get_name (domain) : ""));
  g_ptr_array_add (row, g_strdup (pm_indicator_get_number (indicator)));
  g_ptr_array_add (row, g_strdup (pm_indicator_get_name (indicator)));
  g_ptr_array_add (row, g_strdup (pm_indicator_get_unit (indicator)));
  g_ptr_array_add (row, g_strdup (pm_indicator_get_city_target (indicator)));
  g_ptr_array_add (row, g_strdup (pm_indicator_get_county_target (indicator)));
  g_ptr_array_add (row, g_strdup (pm_attribute_to_printed (pm_indicator_get_attribute (indicator))));
  g_ptr_array_add (row, g_strdup (lead ? pm_department_get_name (lead) : ""));
  g_ptr_array_add (row, pm_indicator_dup_departments_label (indicator, "、"));
  g_ptr_array_add (row, g_strdup (predecessor ? pm_indicator_get_code (predecessor) : ""));
  g_ptr_array_add (row, previous ? format_value (pm_indicator_get_value_2010 (indicator),
                                                 pm_indicator_get_value_2010_text (indicator))
                                 : g_strdup (""));
  g_ptr_array_add (row, g_strdup (previous ? pm_indicator_get_target_2020 (indicator) : ""));
  g_ptr_array_add (row, previous ? format_value (pm_indicator_get_value_2020 (indicator),
                                                 pm_indicator_get_value_2020_text (indicator))
                                 : g_strdup (""));
  g_ptr_array_add (row, g_strdup (pm_indicator_get_note (indicator)));

  for (guint i = 0; i < row->len; i++)
    if (row->pdata[i] == NULL)
      row->pdata[i] = g_strdup ("");

  return row;
}

/* Returns: the catalogue as CSV, UTF-8 with a BOM, one row per indicator */
char *
pm_catalogue_to_csv (PmProject *project)
{
  GListModel *indicators = pm_project_get_indicators (project);
  GString *out = g_string_new (PM_CSV_BOM);

  pm_csv_append_record (out, pm_catalogue_columns, PM_CATALOGUE_N_COLUMNS);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr (GPtrArray) row = pm_catalogue_row (indicator);

      pm_csv_append_record (out, (const char *const *) row->pdata, row->len);
    }

  return g_string_free (out, FALSE);
}

/* The decimals of a value printed as a plain number (34.80: 2), or -1 for
 * another print (23%) or more than 9 decimals, which stay text. */
static int
printed_decimals (const char *text)
{
  const char *point;
  char *end;

  if (text == NULL || *text == '\0')
    return -1;
  g_ascii_strtod (text, &end);
  if (*end != '\0' || strspn (text, "-0123456789.") != strlen (text))
    return -1;
  point = strchr (text, '.');
  if (point && strlen (point + 1) > 9)
    return -1;
  return point ? (int) strlen (point + 1) : 0;
}

/* A number cell that shows as many decimals as the plan prints (34.80),
 * one format per count of decimals */
static lxw_format *
decimals_format (lxw_workbook *workbook,
                 lxw_format  **formats,
                 int           decimals)
{
  g_autofree char *code = NULL;

  g_assert (decimals >= 0 && decimals <= 9);
  if (formats[decimals])
    return formats[decimals];

  code = decimals > 0 ? g_strnfill (decimals + 2, '0') : g_strdup ("0");
  if (decimals > 0)
    code[1] = '.';
  formats[decimals] = workbook_add_format (workbook);
  format_set_num_format (formats[decimals], code);
  format_set_text_wrap (formats[decimals]);
  format_set_align (formats[decimals], LXW_ALIGN_VERTICAL_TOP);
  return formats[decimals];
}

static gboolean
write_xlsx (PmProject  *project,
            const char *path,
            GError    **error)
{
  GListModel *indicators = pm_project_get_indicators (project);
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header, *wrap;
  lxw_format *decimals[10] = { NULL };
  lxw_error status;
  static const double widths[PM_CATALOGUE_N_COLUMNS] = {
    8, 10, 9, 16, 6, 40, 8, 14, 14, 8, 18, 28, 10, 10, 12, 10, 40,
  };

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_IO, _("Cannot create “%s”"), path);
      return FALSE;
    }

  sheet = workbook_add_worksheet (workbook, "catalogue");
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_text_wrap (header);
  wrap = workbook_add_format (workbook);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);

  for (guint c = 0; c < PM_CATALOGUE_N_COLUMNS; c++)
    {
      worksheet_set_column (sheet, c, c, widths[c], NULL);
      worksheet_write_string (sheet, 0, c, pm_catalogue_columns[c], header);
    }
  worksheet_freeze_panes (sheet, 1, 1);
  worksheet_repeat_rows (sheet, 0, 0);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9 /* A4 */);
  worksheet_fit_to_pages (sheet, 1, 0);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr (GPtrArray) row = pm_catalogue_row (indicator);

      for (guint c = 0; c < row->len; c++)
        {
          const char *field = row->pdata[c];
          int n_decimals = c == 13 || c == 15 ? printed_decimals (field) : -1;

          /* a value of 专栏1 is a number shown as printed (34.80); 23% stays text */
          if (n_decimals >= 0)
            worksheet_write_number (sheet, i + 1, c,
                                    c == 13 ? pm_indicator_get_value_2010 (indicator)
                                            : pm_indicator_get_value_2020 (indicator),
                                    decimals_format (workbook, decimals, n_decimals));
          else if (*field)
            worksheet_write_string (sheet, i + 1, c, field, wrap);
        }
    }
  worksheet_autofilter (sheet, 0, 0, g_list_model_get_n_items (indicators),
                        PM_CATALOGUE_N_COLUMNS - 1);

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   lxw_strerror (status));
      return FALSE;
    }

  return TRUE;
}

/* Writes the catalogue as .csv or .xlsx (by the extension). The file is
 * written beside its destination and renamed over it only when complete,
 * so a full disk never leaves half a file behind. */
gboolean
pm_catalogue_export (PmProject  *project,
                     const char *path,
                     GError    **error)
{
  g_return_val_if_fail (PM_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    {
      g_autofree char *csv = pm_catalogue_to_csv (project);

      return pm_export_file_write (path, csv, strlen (csv), error);
    }

  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    {
      g_autofree char *tmp = pm_export_file_begin (path, error);

      if (tmp == NULL)
        return FALSE;
      if (!write_xlsx (project, tmp, error))
        {
          pm_export_file_abort (tmp);
          return FALSE;
        }
      return pm_export_file_commit (tmp, path, error);
    }

  g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
               _("Unknown file type “%s”: use a .csv or .xlsx file name"), path);
  return FALSE;
}
