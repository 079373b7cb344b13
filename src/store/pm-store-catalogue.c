/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-csv.h"
#include "pm-department.h"
#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-key-project.h"
#include "pm-observation.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-store-private.h"
#include "pm-task.h"

/* The catalogue goes into the file when it is created, so that a project is
 * complete in itself; opening rebuilds the whole model from the file alone. */

static const char *
role_name (guint position)
{
  return position == 0 ? "lead" : "co-operating";
}

static const char *
attribute_name (PmAttribute attribute)
{
  return attribute == PM_ATTRIBUTE_NONE ? NULL : pm_attribute_to_printed (attribute);
}

static gboolean
write_metadata (PmStore   *self,
                PmProject *project,
                GError   **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = pm_store_format_time (now);
  const char *rows[][2] = {
    { "title", pm_project_get_title (project) },
    { "document", pm_project_get_document (project) },
    { "issued_by", pm_project_get_issued_by (project) },
    { "issued_on", pm_project_get_issued_on (project) },
    { "created_at", created_at },
    { "created_by", pm_store_get_user_name (self) },
    { "created_with", "plan-monitor " PACKAGE_VERSION },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    if (!pm_store_sql_exec (self, error,
                            "INSERT INTO project (key, value) VALUES (##key::string, ##value::string)",
                            "key", PM_SQL_TEXT, rows[i][0],
                            "value", PM_SQL_TEXT, rows[i][1],
                            NULL))
      return FALSE;

  return TRUE;
}

static gboolean
write_plans (PmStore   *self,
             PmProject *project,
             GError   **error)
{
  GListModel *plans = pm_project_get_plans (project);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr (PmPlan) plan = g_list_model_get_item (plans, i);
      GListModel *domains = pm_plan_get_domains (plan);

      if (!pm_store_sql_exec (self, error,
                              "INSERT INTO plans (key, position, name, previous_name) "
                              "VALUES (##key::string, ##position::gint, ##name::string, "
                              "##previous::string)",
                              "key", PM_SQL_TEXT, pm_plan_get_key (plan),
                              "position", PM_SQL_INT, (int) i,
                              "name", PM_SQL_TEXT, pm_plan_get_name (plan),
                              "previous", PM_SQL_TEXT, pm_plan_get_previous_name (plan),
                              NULL))
        return FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (domains); j++)
        {
          g_autoptr (PmDomain) domain = g_list_model_get_item (domains, j);

          if (!pm_store_sql_exec (self, error,
                                  "INSERT INTO domains (plan, name, position) "
                                  "VALUES (##plan::string, ##name::string, ##position::gint)",
                                  "plan", PM_SQL_TEXT, pm_plan_get_key (plan),
                                  "name", PM_SQL_TEXT, pm_domain_get_name (domain),
                                  "position", PM_SQL_INT, (int) j,
                                  NULL))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_departments (PmStore   *self,
                   PmProject *project,
                   GError   **error)
{
  GListModel *departments = pm_project_get_departments (project);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (PmDepartment) department = g_list_model_get_item (departments, i);

      if (!pm_store_sql_exec (self, error,
                              "INSERT INTO departments (name, position) "
                              "VALUES (##name::string, ##position::gint)",
                              "name", PM_SQL_TEXT, pm_department_get_name (department),
                              "position", PM_SQL_INT, (int) i,
                              NULL))
        return FALSE;
    }

  return TRUE;
}

/* Writes the rows of a link table (indicator_departments, …). */
static gboolean
write_links (PmStore    *self,
             const char *sql,
             const char *owner,
             GListModel *departments,
             gboolean    with_role,
             GError    **error)
{
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (PmDepartment) department = g_list_model_get_item (departments, i);
      gboolean ok;

      if (with_role)
        ok = pm_store_sql_exec (self, error, sql,
                                "owner", PM_SQL_TEXT, owner,
                                "department", PM_SQL_TEXT, pm_department_get_name (department),
                                "position", PM_SQL_INT, (int) i,
                                "role", PM_SQL_TEXT, role_name (i),
                                NULL);
      else
        ok = pm_store_sql_exec (self, error, sql,
                                "owner", PM_SQL_TEXT, owner,
                                "department", PM_SQL_TEXT, pm_department_get_name (department),
                                "position", PM_SQL_INT, (int) i,
                                NULL);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_indicators (PmStore   *self,
                  PmProject *project,
                  GError   **error)
{
  GListModel *indicators = pm_project_get_indicators (project);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      PmDomain *domain = pm_indicator_get_domain (indicator);
      PmIndicator *predecessor = pm_indicator_get_predecessor (indicator);

      if (!pm_store_sql_exec (self, error,
                              "INSERT INTO indicators (code, position, period, plan, domain, "
                              "number, parent_code, name, unit, city_target, county_target, "
                              "attribute, inherited, predecessor, predecessor_note, note, "
                              "value_2010, value_2010_text, target_2020, value_2020, "
                              "value_2020_text) VALUES (##code::string, ##position::gint, "
                              "##period::string, ##plan::string, ##domain::string, "
                              "##number::string, ##parent::string, ##name::string, "
                              "##unit::string, ##city::string, ##county::string, "
                              "##attribute::string, ##inherited::gint, ##predecessor::string, "
                              "##predecessor_note::string, ##note::string, "
                              "##value_2010::gdouble, ##value_2010_text::string, "
                              "##target_2020::string, ##value_2020::gdouble, "
                              "##value_2020_text::string)",
                              "code", PM_SQL_TEXT, pm_indicator_get_code (indicator),
                              "position", PM_SQL_INT, (int) i,
                              "period", PM_SQL_TEXT,
                              pm_period_to_string (pm_indicator_get_period (indicator)),
                              "plan", PM_SQL_TEXT,
                              pm_plan_get_key (pm_indicator_get_plan (indicator)),
                              "domain", PM_SQL_TEXT, domain ? pm_domain_get_name (domain) : NULL,
                              "number", PM_SQL_TEXT, pm_indicator_get_number (indicator),
                              "parent", PM_SQL_TEXT, pm_indicator_get_parent_code (indicator),
                              "name", PM_SQL_TEXT, pm_indicator_get_name (indicator),
                              "unit", PM_SQL_TEXT, pm_indicator_get_unit (indicator),
                              "city", PM_SQL_TEXT, pm_indicator_get_city_target (indicator),
                              "county", PM_SQL_TEXT, pm_indicator_get_county_target (indicator),
                              "attribute", PM_SQL_TEXT,
                              attribute_name (pm_indicator_get_attribute (indicator)),
                              "inherited", PM_SQL_BOOL, pm_indicator_get_inherited (indicator),
                              "predecessor", PM_SQL_TEXT,
                              predecessor ? pm_indicator_get_code (predecessor) : NULL,
                              "predecessor_note", PM_SQL_TEXT,
                              pm_indicator_get_predecessor_note (indicator),
                              "note", PM_SQL_TEXT, pm_indicator_get_note (indicator),
                              "value_2010", PM_SQL_REAL, pm_indicator_get_value_2010 (indicator),
                              "value_2010_text", PM_SQL_TEXT,
                              pm_indicator_get_value_2010_text (indicator),
                              "target_2020", PM_SQL_TEXT, pm_indicator_get_target_2020 (indicator),
                              "value_2020", PM_SQL_REAL, pm_indicator_get_value_2020 (indicator),
                              "value_2020_text", PM_SQL_TEXT,
                              pm_indicator_get_value_2020_text (indicator),
                              NULL))
        return FALSE;

      if (!write_links (self,
                        "INSERT INTO indicator_departments (indicator, department, position, "
                        "role) VALUES (##owner::string, ##department::string, ##position::gint, "
                        "##role::string)",
                        pm_indicator_get_code (indicator),
                        pm_indicator_get_departments (indicator), TRUE, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_tasks (PmStore   *self,
             PmProject *project,
             GError   **error)
{
  GListModel *tasks = pm_project_get_tasks (project);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr (PmTask) task = g_list_model_get_item (tasks, i);
      PmDomain *domain = pm_task_get_domain (task);

      if (!pm_store_sql_exec (self, error,
                              "INSERT INTO tasks (code, position, plan, section_number, section, "
                              "domain, number, title, text, department_label) VALUES "
                              "(##code::string, ##position::gint, ##plan::string, "
                              "##section_number::gint, ##section::string, ##domain::string, "
                              "##number::gint, ##title::string, ##text::string, "
                              "##label::string)",
                              "code", PM_SQL_TEXT, pm_task_get_code (task),
                              "position", PM_SQL_INT, (int) i,
                              "plan", PM_SQL_TEXT, pm_plan_get_key (pm_task_get_plan (task)),
                              "section_number", PM_SQL_INT, (int) pm_task_get_section_number (task),
                              "section", PM_SQL_TEXT, pm_task_get_section (task),
                              "domain", PM_SQL_TEXT, domain ? pm_domain_get_name (domain) : NULL,
                              "number", PM_SQL_INT, (int) pm_task_get_number (task),
                              "title", PM_SQL_TEXT, pm_task_get_title (task),
                              "text", PM_SQL_TEXT, pm_task_get_text (task),
                              "label", PM_SQL_TEXT, pm_task_get_department_label (task),
                              NULL) ||
          !write_links (self,
                        "INSERT INTO task_departments (task, department, position, role) "
                        "VALUES (##owner::string, ##department::string, ##position::gint, "
                        "##role::string)",
                        pm_task_get_code (task), pm_task_get_departments (task), TRUE, error))
        return FALSE;
    }

  return TRUE;
}

/* The number of a key project within its box is the end of its code (WP3.2) */
static int
key_project_number (PmKeyProject *key_project)
{
  const char *dot = strrchr (pm_key_project_get_code (key_project), '.');

  return dot ? (int) g_ascii_strtoll (dot + 1, NULL, 10) : 0;
}

static gboolean
write_key_projects (PmStore   *self,
                    PmProject *project,
                    GError   **error)
{
  GListModel *key_projects = pm_project_get_key_projects (project);

  for (guint i = 0; i < g_list_model_get_n_items (key_projects); i++)
    {
      g_autoptr (PmKeyProject) key_project = g_list_model_get_item (key_projects, i);

      if (!pm_store_sql_exec (self, error,
                              "INSERT INTO key_projects (code, position, plan, box_number, "
                              "box_title, number, name, text) VALUES (##code::string, "
                              "##position::gint, ##plan::string, ##box_number::gint, "
                              "##box_title::string, ##number::gint, ##name::string, "
                              "##text::string)",
                              "code", PM_SQL_TEXT, pm_key_project_get_code (key_project),
                              "position", PM_SQL_INT, (int) i,
                              "plan", PM_SQL_TEXT,
                              pm_plan_get_key (pm_key_project_get_plan (key_project)),
                              "box_number", PM_SQL_INT,
                              (int) pm_key_project_get_box_number (key_project),
                              "box_title", PM_SQL_TEXT, pm_key_project_get_box_title (key_project),
                              "number", PM_SQL_INT, key_project_number (key_project),
                              "name", PM_SQL_TEXT, pm_key_project_get_name (key_project),
                              "text", PM_SQL_TEXT, pm_key_project_get_text (key_project),
                              NULL) ||
          !write_links (self,
                        "INSERT INTO key_project_departments (key_project, department, "
                        "position) VALUES (##owner::string, ##department::string, "
                        "##position::gint)",
                        pm_key_project_get_code (key_project),
                        pm_key_project_get_departments (key_project), FALSE, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes the catalogue of project (as loaded from the template) into the
 * file's empty tables, inside the caller's transaction. */
gboolean
pm_store_catalogue_write (PmStore   *self,
                          PmProject *project,
                          GError   **error)
{
  return write_metadata (self, project, error) &&
         write_plans (self, project, error) &&
         write_departments (self, project, error) &&
         write_indicators (self, project, error) &&
         write_tasks (self, project, error) &&
         write_key_projects (self, project, error);
}

/* Loading. */

#define CELL(model, column, row) pm_store_model_get ((model), (column), (row))
#define TEXT(model, column, row) pm_store_value_text (CELL ((model), (column), (row)))
#define INT(model, column, row) ((int) pm_store_value_int (CELL ((model), (column), (row))))

static void
set_damaged_error (PmStore    *self,
                   GError    **error,
                   const char *what)
{
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_DAMAGED,
               _("“%s” is damaged: %s."), self->display_name, what);
}

static gboolean
load_metadata (PmStore   *self,
               PmProject *project,
               GError   **error)
{
  g_autoptr (GdaDataModel) model = pm_store_sql_select (self, error,
                                                        "SELECT key, value FROM project", NULL);
  const char *document = NULL, *issued_by = NULL, *issued_on = NULL;

  if (model == NULL)
    return FALSE;

  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      const char *key = TEXT (model, 0, row);
      const char *value = TEXT (model, 1, row);

      if (g_strcmp0 (key, "title") == 0)
        pm_project_set_title (project, value);
      else if (g_strcmp0 (key, "document") == 0)
        document = value;
      else if (g_strcmp0 (key, "issued_by") == 0)
        issued_by = value;
      else if (g_strcmp0 (key, "issued_on") == 0)
        issued_on = value;
      else if (g_strcmp0 (key, "document_language") == 0)
        {
          PmLanguage language;

          /* a name this version does not know: the default, and the file keeps it */
          if (pm_language_from_string (value, &language))
            pm_project_set_document_language (project, language);
          else
            g_message ("The document language “%s” is not known: documents are in %s",
                       value ? value : "", pm_language_to_string (PM_LANGUAGE_DEFAULT));
        }
    }
  pm_project_set_source (project, document, issued_by, issued_on);

  return TRUE;
}

/**
 * pm_store_set_document_language:
 * @language: PM_LANGUAGE_ZH_CN or PM_LANGUAGE_EN
 *
 * Keeps the language of the project's documents in the file (the row
 * document_language of the table project) and in the model.
 */
gboolean
pm_store_set_document_language (PmStore    *self,
                                PmLanguage  language,
                                GError    **error)
{
  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (pm_language_is_document (language), FALSE);

  if (pm_project_get_document_language (self->project) == language)
    return TRUE;
  if (!pm_store_check_writable (self, error) ||
      !pm_store_sql_exec (self, error,
                          "INSERT INTO project (key, value) VALUES ('document_language', "
                          "##value::string) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          "value", PM_SQL_TEXT, pm_language_to_string (language),
                          NULL))
    return FALSE;

  pm_project_set_document_language (self->project, language);
  return TRUE;
}

static gboolean
load_plans (PmStore   *self,
            PmProject *project,
            GError   **error)
{
  g_autoptr (GdaDataModel) plans = NULL;
  g_autoptr (GdaDataModel) domains = NULL;

  plans = pm_store_sql_select (self, error,
                               "SELECT key, name, previous_name FROM plans ORDER BY position",
                               NULL);
  if (plans == NULL)
    return FALSE;
  for (int row = 0; row < gda_data_model_get_n_rows (plans); row++)
    pm_project_add_plan (project, TEXT (plans, 0, row), TEXT (plans, 1, row),
                         TEXT (plans, 2, row));

  domains = pm_store_sql_select (self, error,
                                 "SELECT plan, name FROM domains ORDER BY plan, position", NULL);
  if (domains == NULL)
    return FALSE;
  for (int row = 0; row < gda_data_model_get_n_rows (domains); row++)
    {
      PmPlan *plan = pm_project_find_plan (project, TEXT (domains, 0, row));

      if (plan == NULL)
        {
          set_damaged_error (self, error, _("a domain belongs to no plan"));
          return FALSE;
        }
      pm_plan_add_domain (plan, TEXT (domains, 1, row));
    }

  return TRUE;
}

static gboolean
load_departments (PmStore   *self,
                  PmProject *project,
                  GError   **error)
{
  g_autoptr (GdaDataModel) model = NULL;

  model = pm_store_sql_select (self, error,
                               "SELECT name FROM departments ORDER BY position", NULL);
  if (model == NULL)
    return FALSE;

  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    pm_project_add_department (project, TEXT (model, 0, row));

  return TRUE;
}

/* Calls add (owner, department) for each row (owner code, department name) */
static gboolean
load_links (PmStore    *self,
            PmProject  *project,
            const char *sql,
            gpointer  (*find) (PmProject *, const char *),
            void      (*add) (gpointer, PmDepartment *),
            GError    **error)
{
  g_autoptr (GdaDataModel) model = pm_store_sql_select (self, error, sql, NULL);

  if (model == NULL)
    return FALSE;

  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      gpointer owner = find (project, TEXT (model, 0, row));
      PmDepartment *department = pm_project_find_department (project, TEXT (model, 1, row));

      if (owner == NULL || department == NULL)
        {
          set_damaged_error (self, error, _("a department link points nowhere"));
          return FALSE;
        }
      add (owner, department);
    }

  return TRUE;
}

static gboolean
load_indicators (PmStore   *self,
                 PmProject *project,
                 GError   **error)
{
  g_autoptr (GdaDataModel) model = NULL;
  int n_rows;

  model = pm_store_sql_select (self, error,
                               "SELECT code, period, plan, domain, number, parent_code, name, "
                               "unit, city_target, county_target, attribute, inherited, "
                               "predecessor, predecessor_note, note, value_2010, "
                               "value_2010_text, target_2020, value_2020, value_2020_text "
                               "FROM indicators ORDER BY position",
                               NULL);
  if (model == NULL)
    return FALSE;

  n_rows = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n_rows; row++)
    {
      g_autoptr (PmIndicator) indicator = NULL;
      const char *code = TEXT (model, 0, row);
      const char *domain_name = TEXT (model, 3, row);
      PmPlan *plan = pm_project_find_plan (project, TEXT (model, 2, row));
      PmPeriod period;

      if (code == NULL || plan == NULL || !pm_period_from_string (TEXT (model, 1, row), &period))
        {
          set_damaged_error (self, error, _("an indicator has no code, plan or period"));
          return FALSE;
        }

      indicator = pm_indicator_new (code, period, plan);
      if (domain_name)
        {
          PmDomain *domain = pm_plan_find_domain (plan, domain_name);

          if (domain == NULL)
            {
              set_damaged_error (self, error, _("an indicator's domain is missing"));
              return FALSE;
            }
          pm_indicator_set_domain (indicator, domain);
        }
      pm_indicator_set_number (indicator, TEXT (model, 4, row));
      pm_indicator_set_parent_code (indicator, TEXT (model, 5, row));
      pm_indicator_set_name (indicator, TEXT (model, 6, row));
      pm_indicator_set_unit (indicator, TEXT (model, 7, row));
      pm_indicator_set_targets (indicator, TEXT (model, 8, row), TEXT (model, 9, row));
      pm_indicator_set_attribute (indicator, pm_attribute_from_printed (TEXT (model, 10, row)),
                                  INT (model, 11, row) != 0);
      pm_indicator_set_predecessor (indicator, NULL, TEXT (model, 13, row));
      pm_indicator_set_note (indicator, TEXT (model, 14, row));
      pm_indicator_set_previous_results (indicator,
                                         pm_store_value_real (CELL (model, 15, row)),
                                         TEXT (model, 16, row),
                                         TEXT (model, 17, row),
                                         pm_store_value_real (CELL (model, 18, row)),
                                         TEXT (model, 19, row));

      if (!pm_project_add_indicator (project, indicator, error))
        return FALSE;
    }

  /* predecessors are 2011–2020 rows, which come after the rows naming them */
  for (int row = 0; row < n_rows; row++)
    {
      const char *predecessor_code = TEXT (model, 12, row);
      PmIndicator *indicator, *predecessor;

      if (predecessor_code == NULL)
        continue;

      indicator = pm_project_find_indicator (project, TEXT (model, 0, row));
      predecessor = pm_project_find_indicator (project, predecessor_code);
      if (predecessor == NULL || predecessor == indicator)
        {
          set_damaged_error (self, error, _("an indicator's predecessor is missing"));
          return FALSE;
        }
      pm_indicator_set_predecessor (indicator, predecessor,
                                    pm_indicator_get_predecessor_note (indicator));
    }

  return load_links (self, project,
                     "SELECT d.indicator, d.department FROM indicator_departments AS d "
                     "JOIN indicators AS i ON i.code = d.indicator "
                     "ORDER BY i.position, d.position",
                     (gpointer (*) (PmProject *, const char *)) pm_project_find_indicator,
                     (void (*) (gpointer, PmDepartment *)) pm_indicator_add_department,
                     error);
}

static gboolean
load_tasks (PmStore   *self,
            PmProject *project,
            GError   **error)
{
  g_autoptr (GdaDataModel) model = NULL;

  model = pm_store_sql_select (self, error,
                               "SELECT code, plan, section_number, section, number, title, "
                               "text, department_label, domain FROM tasks ORDER BY position",
                               NULL);
  if (model == NULL)
    return FALSE;

  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      g_autoptr (PmTask) task = NULL;
      PmPlan *plan = pm_project_find_plan (project, TEXT (model, 1, row));
      const char *domain_name = TEXT (model, 8, row);
      PmDomain *domain = NULL;

      if (plan == NULL)
        {
          set_damaged_error (self, error, _("a task belongs to no plan"));
          return FALSE;
        }
      if (domain_name != NULL && !(domain = pm_plan_find_domain (plan, domain_name)))
        {
          g_autofree char *message =
            g_strdup_printf (_("task %s names a domain its plan does not have (“%s”)"),
                             TEXT (model, 0, row), domain_name);

          set_damaged_error (self, error, message);
          return FALSE;
        }

      task = pm_task_new (plan, INT (model, 2, row), TEXT (model, 3, row), INT (model, 4, row),
                          TEXT (model, 5, row), TEXT (model, 6, row), TEXT (model, 7, row));
      pm_task_set_domain (task, domain);
      pm_project_add_task (project, task);
    }

  return load_links (self, project,
                     "SELECT d.task, d.department FROM task_departments AS d "
                     "JOIN tasks AS t ON t.code = d.task "
                     "ORDER BY t.position, d.position",
                     (gpointer (*) (PmProject *, const char *)) pm_project_find_task,
                     (void (*) (gpointer, PmDepartment *)) pm_task_add_department,
                     error);
}

static gboolean
load_key_projects (PmStore   *self,
                   PmProject *project,
                   GError   **error)
{
  g_autoptr (GdaDataModel) model = NULL;

  model = pm_store_sql_select (self, error,
                               "SELECT code, plan, box_number, box_title, number, name, text "
                               "FROM key_projects ORDER BY position",
                               NULL);
  if (model == NULL)
    return FALSE;

  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      g_autoptr (PmKeyProject) key_project = NULL;
      PmPlan *plan = pm_project_find_plan (project, TEXT (model, 1, row));

      if (plan == NULL)
        {
          set_damaged_error (self, error, _("a key project belongs to no plan"));
          return FALSE;
        }

      key_project = pm_key_project_new (plan, INT (model, 2, row), TEXT (model, 3, row),
                                        INT (model, 4, row), TEXT (model, 5, row),
                                        TEXT (model, 6, row));
      pm_project_add_key_project (project, key_project);
    }

  return load_links (self, project,
                     "SELECT d.key_project, d.department "
                     "FROM key_project_departments AS d "
                     "JOIN key_projects AS k ON k.code = d.key_project "
                     "ORDER BY k.position, d.position",
                     (gpointer (*) (PmProject *, const char *)) pm_project_find_key_project,
                     (void (*) (gpointer, PmDepartment *)) pm_key_project_add_department,
                     error);
}

/* Observations. One row per observation through libgda costs ~2 µs per
 * cell; 100,000 observations would take a quarter of a second. So SQLite
 * packs the observations of each indicator into one string (fields split
 * by U+001F, records by U+001E, which the store never lets into a text),
 * and this side splits it. A value goes as %!.17g: 17 significant digits
 * read back as the same double, as long as SQLite prints them right, which
 * it does with long double arithmetic up to 3.42 (x86-64: 64-bit mantissa)
 * and with an exact algorithm from 3.43. (Under valgrind, which computes
 * long double with 53 bits, the last digit can be off.) One number then
 * holds provisional (1) and SQL NULL in value (2), cheaper than a test
 * around the printf. Should a text hold a separator all the same (the file edited by
 * another tool), the counts disagree and the plain row-by-row query runs.
 * (Splitting the query over two connections on two threads was tried: the
 * halves took longer together than the whole alone.) */

#define FIELD_SEPARATOR '\x1f'
#define RECORD_SEPARATOR '\x1e'
#define N_FIELDS 9

/* A value that is not a number (a text put there by another tool, which
 * printf would turn into 0) or is infinite: one of these is named and the
 * file refused, never read as a number. (NaN is NULL in SQLite; abs (NULL)
 * is NULL, which would make the whole sum NULL.) */
#define BAD_VALUE_SQL \
  "(typeof (value) = 'text' OR typeof (value) = 'blob' OR ifnull (abs (value) = 9e999, 0))"

#define PACKED_OBSERVATIONS_SQL \
  "SELECT indicator, count (*), group_concat (printf (" \
  "'%d\x1f%s\x1f%!.17g\x1f%d\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s', year, area, value, " \
  "provisional + 2 * (value IS NULL) + 4 * " BAD_VALUE_SQL ", text, note, source, " \
  "changed_at, changed_by), '\x1e') " \
  "FROM observations GROUP BY indicator"

typedef struct
{
  char *code;
  GPtrArray *observations; /* of PmObservation; NULL: not parsed, read by rows */
} Pack;

static void
pack_free (Pack *pack)
{
  g_free (pack->code);
  g_clear_pointer (&pack->observations, g_ptr_array_unref);
  g_free (pack);
}

typedef struct
{
  GPtrArray *packs;          /* of Pack */
  GHashTable *times;         /* text → GDateTime: imports share their times */
  GError *error;             /* libgda's */
} Packs;

static void
packs_clear (Packs *packs)
{
  g_clear_pointer (&packs->packs, g_ptr_array_unref);
  g_clear_pointer (&packs->times, g_hash_table_unref);
  g_clear_error (&packs->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Packs, packs_clear)

static GDateTime *
lookup_time (GHashTable *times,
             const char *text)
{
  GDateTime *time = g_hash_table_lookup (times, text);

  if (time == NULL && (time = pm_store_parse_time (text)))
    g_hash_table_insert (times, g_strdup (text), time);

  return time;
}

static PmObservation *
new_observation (GHashTable *times,
                 int         year,
                 const char *area,
                 double      value,
                 const char *text,
                 const char *note,
                 const char *source,
                 gboolean    provisional,
                 const char *changed_at,
                 const char *changed_by)
{
  PmObservation *observation = pm_observation_new (year, area, value);

  if (text && *text)
    pm_observation_set_text (observation, text);
  if (note && *note)
    pm_observation_set_note (observation, note);
  if (source && *source)
    pm_observation_set_source (observation, source);
  if (provisional)
    pm_observation_set_provisional (observation, TRUE);
  pm_observation_set_changed (observation, lookup_time (times, changed_at), changed_by);

  return observation;
}

/* Returns: (transfer full) (nullable): one indicator's packed observations,
 * split; NULL if they do not parse */
static GPtrArray *
unpack_observations (GHashTable *times,
                     char       *packed,
                     gint64      expected)
{
  g_autoptr (GPtrArray) observations = g_ptr_array_new_with_free_func (g_object_unref);
  char *record = packed;

  while (record)
    {
      char *fields[N_FIELDS];
      char *next = strchr (record, RECORD_SEPARATOR);
      char *p = record;
      char *end;
      double value = NAN;
      gint64 year, flags;

      if (next)
        *next++ = '\0';

      for (int i = 0; i < N_FIELDS; i++)
        {
          fields[i] = p;
          p = strchr (p, FIELD_SEPARATOR);
          if ((p == NULL) != (i == N_FIELDS - 1))
            return NULL;
          if (p)
            *p++ = '\0';
        }

      year = g_ascii_strtoll (fields[0], &end, 10);
      if (*end != '\0' || year <= 0 || year > G_MAXINT)
        return NULL;
      flags = g_ascii_strtoll (fields[3], &end, 10);
      /* 4: a value that is not a number, which the rows name */
      if (*end != '\0' || flags < 0 || flags > 3)
        return NULL;
      if ((flags & 2) == 0)
        {
          value = g_ascii_strtod (fields[2], &end);
          if (end == fields[2] || *end != '\0' || !isfinite (value))
            return NULL;
        }

      g_ptr_array_add (observations,
                       new_observation (times, (int) year, fields[1], value, fields[4],
                                        fields[5], fields[6], (flags & 1) != 0, fields[7],
                                        fields[8]));
      record = next;
    }

  if ((gint64) observations->len != expected)
    return NULL;

  return g_steal_pointer (&observations);
}

/* Packs the observations of each indicator and splits them. */
static gboolean
read_packs (PmStore *self,
            Packs   *packs)
{
  g_autoptr (GdaDataModel) model = NULL;

  packs->packs = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_free);
  packs->times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_date_time_unref);

  model = pm_store_sql_select_on (self->cnc, self->parser, PACKED_OBSERVATIONS_SQL, &packs->error);
  if (model == NULL)
    return FALSE;

  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      const char *packed = TEXT (model, 2, row);
      Pack *pack = g_new0 (Pack, 1);

      pack->code = g_strdup (TEXT (model, 0, row));
      if (packed)
        {
          /* the string belongs to the data model: split a copy of it */
          g_autofree char *copy = g_strdup (packed);

          pack->observations = unpack_observations (packs->times, copy,
                                                    pm_store_value_int (CELL (model, 1, row)));
        }
      g_ptr_array_add (packs->packs, pack);
    }

  return TRUE;
}

static gboolean
load_observations_by_row (PmStore    *self,
                          PmProject  *project,
                          GHashTable *times,
                          GHashTable *done,
                          GError    **error)
{
  g_autoptr (GdaDataModel) model = NULL;

  model = pm_store_sql_select (self, error,
                               "SELECT indicator, year, area, value, text, note, source, "
                               "provisional, changed_at, changed_by, " BAD_VALUE_SQL ", "
                               "quote (value) FROM observations",
                               NULL);
  if (model == NULL)
    return FALSE;

  for (int row = 0; row < gda_data_model_get_n_rows (model); row++)
    {
      g_autoptr (PmObservation) observation = NULL;
      const char *code = TEXT (model, 0, row);
      PmIndicator *indicator = pm_project_find_indicator (project, code);

      if (indicator == NULL)
        {
          set_damaged_error (self, error, _("a value belongs to no indicator"));
          return FALSE;
        }
      if (g_hash_table_contains (done, code))
        continue;
      if (INT (model, 10, row) != 0)
        {
          g_autofree char *quoted = pm_csv_shorten (TEXT (model, 11, row), PM_CSV_MESSAGE_CHARS);
          g_autofree char *what = NULL;

          /* TRANSLATORS: %1$s an indicator's code, %2$d a year, %3$s an area, %4$s what the
           * file holds instead of a number ('abc', Inf) */
          what = g_strdup_printf (_("the value of %1$s for %2$d (%3$s) is %4$s, not a number; "
                                    "correct it with an SQLite tool"),
                                  code, INT (model, 1, row), TEXT (model, 2, row), quoted);
          set_damaged_error (self, error, what);
          return FALSE;
        }

      observation = new_observation (times, INT (model, 1, row), TEXT (model, 2, row),
                                     pm_store_value_real (CELL (model, 3, row)),
                                     TEXT (model, 4, row), TEXT (model, 5, row),
                                     TEXT (model, 6, row), INT (model, 7, row) != 0,
                                     TEXT (model, 8, row), TEXT (model, 9, row));
      pm_indicator_put_observation (indicator, observation);
    }

  return TRUE;
}

/* Puts the packed observations into the model; FALSE (damaged) when one
 * belongs to no indicator. Sets *by_row when some did not parse. */
static gboolean
add_packs (PmStore    *self,
           PmProject  *project,
           Packs      *packs,
          GHashTable *done,
          gboolean   *by_row,
          GError    **error)
{
  if (packs->error)
    {
      pm_store_sql_set_error (self, error, packs->error);
      return FALSE;
    }

  for (guint i = 0; i < packs->packs->len; i++)
    {
      Pack *pack = g_ptr_array_index (packs->packs, i);
      PmIndicator *indicator = pm_project_find_indicator (project, pack->code);

      if (indicator == NULL)
        {
          set_damaged_error (self, error, _("a value belongs to no indicator"));
          return FALSE;
        }
      if (pack->observations == NULL)
        {
          *by_row = TRUE;
          continue;
        }

      pm_indicator_put_observations (indicator, (PmObservation **) pack->observations->pdata,
                                     pack->observations->len);
      g_hash_table_add (done, g_strdup (pack->code));
    }

  return TRUE;
}

/* Returns: (transfer full): the project held in the file */
PmProject *
pm_store_catalogue_load (PmStore *self,
                         GError **error)
{
  g_autoptr (PmProject) project = pm_project_new ();
  g_autoptr (GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (Packs) packs = { NULL };
  gboolean by_row = FALSE;

  if (!load_metadata (self, project, error) ||
      !load_plans (self, project, error) ||
      !load_departments (self, project, error) ||
      !load_indicators (self, project, error) ||
      !load_tasks (self, project, error) ||
      !load_key_projects (self, project, error))
    return NULL;

  read_packs (self, &packs);
  if (!add_packs (self, project, &packs, done, &by_row, error))
    return NULL;

  if (by_row && !load_observations_by_row (self, project, packs.times, done, error))
    return NULL;

  return g_steal_pointer (&project);
}
