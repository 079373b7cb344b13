/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-template"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "pm-core-resources.h"
#include "pm-department.h"
#include "pm-indicator.h"
#include "pm-key-project.h"
#include "pm-plan.h"
#include "pm-project.h"
#include "pm-task.h"
#include "pm-template.h"

/* The template is the plans' text turned into data (resources/template/plans.json,
 * its format described in README.md, "Template format"). Loading checks every field it needs
 * and names the row at fault, so that a broken template is a clear error. */

static gboolean
fail (GError    **error,
      const char *where,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      const char *where,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PM_ERROR, PM_ERROR_INVALID_TEMPLATE, _("Template, %s: %s"), where, message);
  return FALSE;
}

/* Returns: the member's string, NULL when it is absent or null; sets an
 * error when it is present with another type. */
static gboolean
get_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char  *where,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (error, where, _("“%s” is missing"), member);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, where, _("“%s” is not a string"), member);

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_number (JsonObject  *object,
            const char  *member,
            const char  *where,
            double      *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  *out = NAN;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return fail (error, where, _("“%s” is not a number"), member);

  *out = json_node_get_double (node);
  return TRUE;
}

/* A value of 专栏1 with its text as printed: the number ("value_2010") for
 * the evaluation, the text ("value_2010_text") for everything shown, since a
 * JSON number loses how it was written (34.80 reads as 34.8). Both or
 * neither; the text, less a trailing %, reads as the number. */
static gboolean
get_printed_number (JsonObject  *object,
                    const char  *member,
                    const char  *where,
                    double      *value,
                    const char **text,
                    GError     **error)
{
  g_autofree char *text_member = g_strconcat (member, "_text", NULL);
  g_autofree char *digits = NULL;
  char *end;

  if (!get_number (object, member, where, value, error) ||
      !get_string (object, text_member, FALSE, where, text, error))
    return FALSE;

  if (isnan (*value) && *text == NULL)
    return TRUE;
  if (*text == NULL)
    return fail (error, where, _("“%s” has no “%s”"), member, text_member);
  if (isnan (*value))
    return fail (error, where, _("“%s” has no “%s”"), text_member, member);

  digits = g_strdup (*text);
  if (g_str_has_suffix (digits, "%"))
    digits[strlen (digits) - 1] = '\0';
  if (*digits == '\0' || g_ascii_strtod (digits, &end) != *value || *end != '\0')
    /* TRANSLATORS: %1$s is the text as printed (34.80), %2$s its member's name */
    return fail (error, where, _("“%1$s” does not read as “%2$s”"), *text, member);

  return TRUE;
}

static gboolean
get_uint (JsonObject *object,
          const char *member,
          const char *where,
          guint      *out,
          GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 0)
    return fail (error, where, _("“%s” is not a whole number"), member);

  *out = (guint) json_node_get_int (node);
  return TRUE;
}

static JsonArray *
get_array (JsonObject *object,
           const char *member,
           const char *where,
           GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, where, _("“%s” is missing or not a list"), member);
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
get_element_object (JsonArray  *array,
                    guint       i,
                    const char *where,
                    GError    **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, where, _("item %u is not an object"), i + 1);
      return NULL;
    }

  return json_node_get_object (node);
}

/* Calls add(department) for each name of the "departments" list. */
static gboolean
read_departments (PmProject  *project,
                  JsonObject *object,
                  const char *where,
                  gpointer    owner,
                  void (*add) (gpointer, PmDepartment *),
                  GError    **error)
{
  JsonArray *names = get_array (object, "departments", where, error);

  if (names == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      const char *name = json_array_get_string_element (names, i);
      PmDepartment *department = pm_project_find_department (project, name);

      if (department == NULL)
        return fail (error, where, _("department “%s” is not in the list of departments"),
                     name ? name : "(not a string)");
      add (owner, department);
    }

  return TRUE;
}

static gboolean
read_indicator (PmProject  *project,
                JsonObject *object,
                guint       index,
                GError    **error)
{
  g_autoptr (PmIndicator) indicator = NULL;
  g_autofree char *where = NULL;
  const char *code, *period_text, *plan_key, *domain_name, *number, *parent, *name, *unit;
  const char *city_target, *county_target, *attribute, *predecessor, *predecessor_note, *note;
  PmPeriod period;
  PmPlan *plan;

  where = g_strdup_printf ("indicator %u", index + 1);
  if (!get_string (object, "code", TRUE, where, &code, error))
    return FALSE;
  g_free (where);
  where = g_strdup_printf ("indicator %s", code);

  if (!get_string (object, "period", TRUE, where, &period_text, error) ||
      !get_string (object, "plan", TRUE, where, &plan_key, error) ||
      !get_string (object, "domain", FALSE, where, &domain_name, error) ||
      !get_string (object, "number", TRUE, where, &number, error) ||
      !get_string (object, "parent", FALSE, where, &parent, error) ||
      !get_string (object, "name", TRUE, where, &name, error) ||
      !get_string (object, "unit", TRUE, where, &unit, error) ||
      !get_string (object, "predecessor", FALSE, where, &predecessor, error) ||
      !get_string (object, "predecessor_note", FALSE, where, &predecessor_note, error) ||
      !get_string (object, "note", FALSE, where, &note, error))
    return FALSE;

  if (!pm_period_from_string (period_text, &period))
    return fail (error, where, _("unknown period “%s”"), period_text);
  if (!(plan = pm_project_find_plan (project, plan_key)))
    return fail (error, where, _("unknown plan “%s”"), plan_key);
  if (parent && !pm_project_find_indicator (project, parent))
    return fail (error, where, _("parent “%s” does not come before it"), parent);

  indicator = pm_indicator_new (code, period, plan);
  pm_indicator_set_number (indicator, number);
  pm_indicator_set_parent_code (indicator, parent);
  pm_indicator_set_name (indicator, name);
  pm_indicator_set_unit (indicator, unit);
  pm_indicator_set_note (indicator, note);

  if (period == PM_PERIOD_2021_2030)
    {
      PmDomain *domain;
      gboolean inherited;
      JsonNode *inherited_node;

      if (!get_string (object, "city_target", TRUE, where, &city_target, error) ||
          !get_string (object, "county_target", TRUE, where, &county_target, error) ||
          !get_string (object, "attribute", TRUE, where, &attribute, error))
        return FALSE;
      if (domain_name == NULL || !(domain = pm_plan_find_domain (plan, domain_name)))
        return fail (error, where, _("unknown domain “%s”"), domain_name ? domain_name : "");
      if (pm_attribute_from_printed (attribute) == PM_ATTRIBUTE_NONE)
        return fail (error, where, _("unknown attribute “%s”"), attribute);

      inherited_node = json_object_get_member (object, "inherited");
      inherited = inherited_node && JSON_NODE_HOLDS_VALUE (inherited_node) &&
                  json_node_get_boolean (inherited_node);

      pm_indicator_set_domain (indicator, domain);
      pm_indicator_set_targets (indicator, city_target, county_target);
      pm_indicator_set_attribute (indicator, pm_attribute_from_printed (attribute), inherited);
      if (!read_departments (project, object, where, indicator,
                             (void (*) (gpointer, PmDepartment *)) pm_indicator_add_department,
                             error))
        return FALSE;
      if (g_list_model_get_n_items (pm_indicator_get_departments (indicator)) == 0)
        return fail (error, where, _("no responsible department"));
    }
  else
    {
      const char *value_2010_text, *target_2020, *value_2020_text;
      double value_2010, value_2020;

      if (!get_printed_number (object, "value_2010", where, &value_2010, &value_2010_text, error) ||
          !get_string (object, "target_2020", TRUE, where, &target_2020, error) ||
          !get_printed_number (object, "value_2020", where, &value_2020, &value_2020_text, error))
        return FALSE;

      pm_indicator_set_previous_results (indicator, value_2010, value_2010_text, target_2020,
                                         value_2020, value_2020_text);
    }

  /* 2011–2020 rows come after the 2021–2030 ones: links are resolved at the end */
  if (predecessor)
    {
      g_object_set_data_full (G_OBJECT (indicator), "pm-template-predecessor",
                              g_strdup (predecessor), g_free);
      pm_indicator_set_predecessor (indicator, NULL, predecessor_note);
    }

  return pm_project_add_indicator (project, indicator, error);
}

static gboolean
resolve_predecessors (PmProject *project,
                      GError   **error)
{
  GListModel *indicators = pm_project_get_indicators (project);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr (PmIndicator) indicator = g_list_model_get_item (indicators, i);
      const char *code = g_object_get_data (G_OBJECT (indicator), "pm-template-predecessor");
      PmIndicator *previous;

      if (code == NULL)
        continue;

      previous = pm_project_find_indicator (project, code);
      if (previous == NULL || previous == indicator ||
          pm_indicator_get_period (previous) != PM_PERIOD_2011_2020 ||
          pm_indicator_get_period (indicator) != PM_PERIOD_2021_2030)
        {
          g_autofree char *where = g_strdup_printf ("indicator %s", pm_indicator_get_code (indicator));
          return fail (error, where, _("predecessor “%s” is not a 2011–2020 indicator"), code);
        }

      pm_indicator_set_predecessor (indicator, previous, pm_indicator_get_predecessor_note (indicator));
      g_object_set_data (G_OBJECT (indicator), "pm-template-predecessor", NULL);
    }

  return TRUE;
}

static gboolean
read_task (PmProject  *project,
           JsonObject *object,
           guint       index,
           GError    **error)
{
  g_autoptr (PmTask) task = NULL;
  g_autofree char *where = g_strdup_printf ("task %u", index + 1);
  const char *plan_key, *section, *domain_name, *title, *text, *label;
  guint section_number, number;
  PmPlan *plan;
  PmDomain *domain = NULL;

  if (!get_string (object, "plan", TRUE, where, &plan_key, error) ||
      !get_uint (object, "section_number", where, &section_number, error) ||
      !get_string (object, "section", TRUE, where, &section, error) ||
      !get_string (object, "domain", FALSE, where, &domain_name, error) ||
      !get_uint (object, "number", where, &number, error) ||
      !get_string (object, "title", TRUE, where, &title, error) ||
      !get_string (object, "text", TRUE, where, &text, error) ||
      !get_string (object, "department_label", TRUE, where, &label, error))
    return FALSE;
  if (!(plan = pm_project_find_plan (project, plan_key)))
    return fail (error, where, _("unknown plan “%s”"), plan_key);
  if (domain_name != NULL && !(domain = pm_plan_find_domain (plan, domain_name)))
    {
      g_autofree char *code = g_strdup_printf ("%cT%u.%u", g_ascii_toupper (plan_key[0]),
                                               section_number, number);

      return fail (error, where, _("task %s: unknown domain “%s” of plan “%s”"),
                   code, domain_name, plan_key);
    }

  task = pm_task_new (plan, section_number, section, number, title, text, label);
  pm_task_set_domain (task, domain);
  if (!read_departments (project, object, where, task,
                         (void (*) (gpointer, PmDepartment *)) pm_task_add_department, error))
    return FALSE;

  pm_project_add_task (project, task);
  return TRUE;
}

static gboolean
read_key_project (PmProject  *project,
                  JsonObject *object,
                  guint       index,
                  guint      *index_in_box,
                  guint      *last_box,
                  GError    **error)
{
  g_autoptr (PmKeyProject) key_project = NULL;
  g_autofree char *where = g_strdup_printf ("project %u", index + 1);
  const char *plan_key, *box_title, *name, *text;
  guint box_number;
  PmPlan *plan;

  if (!get_string (object, "plan", TRUE, where, &plan_key, error) ||
      !get_uint (object, "box_number", where, &box_number, error) ||
      !get_string (object, "box_title", TRUE, where, &box_title, error) ||
      !get_string (object, "name", TRUE, where, &name, error) ||
      !get_string (object, "text", TRUE, where, &text, error))
    return FALSE;
  if (!(plan = pm_project_find_plan (project, plan_key)))
    return fail (error, where, _("unknown plan “%s”"), plan_key);

  /* projects are numbered within their box */
  *index_in_box = (box_number == *last_box) ? *index_in_box + 1 : 1;
  *last_box = box_number;

  key_project = pm_key_project_new (plan, box_number, box_title, *index_in_box, name, text);
  if (!read_departments (project, object, where, key_project,
                         (void (*) (gpointer, PmDepartment *)) pm_key_project_add_department,
                         error))
    return FALSE;

  pm_project_add_key_project (project, key_project);
  return TRUE;
}

static gboolean
read_project (PmProject  *project,
              JsonObject *root,
              GError    **error)
{
  const char *document, *issued_by, *issued_on;
  JsonArray *array;
  JsonNode *format = json_object_get_member (root, "format");
  guint index_in_box = 0, last_box = 0;

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64)
    return fail (error, "top level", _("“format” is missing"));
  if (json_node_get_int (format) != PM_TEMPLATE_FORMAT)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (format));

      return fail (error, "top level", _("format %s is not supported (expected %d)"), number,
                   PM_TEMPLATE_FORMAT);
    }

  if (!get_string (root, "document", FALSE, "top level", &document, error) ||
      !get_string (root, "issued_by", FALSE, "top level", &issued_by, error) ||
      !get_string (root, "issued_on", FALSE, "top level", &issued_on, error))
    return FALSE;
  pm_project_set_source (project, document, issued_by, issued_on);

  if (!(array = get_array (root, "plans", "top level", error)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("plan %u", i + 1);
      JsonObject *object = get_element_object (array, i, where, error);
      const char *key, *name, *previous_name;

      if (object == NULL ||
          !get_string (object, "key", TRUE, where, &key, error) ||
          !get_string (object, "name", TRUE, where, &name, error) ||
          !get_string (object, "previous_name", FALSE, where, &previous_name, error))
        return FALSE;
      if (pm_project_find_plan (project, key))
        return fail (error, where, _("plan “%s” is listed twice"), key);
      pm_project_add_plan (project, key, name, previous_name);
    }

  if (!(array = get_array (root, "departments", "top level", error)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = json_array_get_string_element (array, i);

      if (name == NULL || *name == '\0')
        return fail (error, "departments", _("item %u is not a name"), i + 1);
      if (pm_project_find_department (project, name))
        return fail (error, "departments", _("“%s” is listed twice"), name);
      pm_project_add_department (project, name);
    }

  if (!(array = get_array (root, "domains", "top level", error)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("domain %u", i + 1);
      JsonObject *object = get_element_object (array, i, where, error);
      const char *plan_key, *name;
      PmPlan *plan;

      if (object == NULL ||
          !get_string (object, "plan", TRUE, where, &plan_key, error) ||
          !get_string (object, "name", TRUE, where, &name, error))
        return FALSE;
      if (!(plan = pm_project_find_plan (project, plan_key)))
        return fail (error, where, _("unknown plan “%s”"), plan_key);
      pm_plan_add_domain (plan, name);
    }

  if (!(array = get_array (root, "indicators", "top level", error)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "indicators", error);

      if (object == NULL || !read_indicator (project, object, i, error))
        return FALSE;
    }
  if (!resolve_predecessors (project, error))
    return FALSE;

  if (!(array = get_array (root, "tasks", "top level", error)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "tasks", error);

      if (object == NULL || !read_task (project, object, i, error))
        return FALSE;
    }

  if (!(array = get_array (root, "projects", "top level", error)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i, "projects", error);

      if (object == NULL ||
          !read_key_project (project, object, i, &index_in_box, &last_box, error))
        return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full): the built-in template's JSON */
GBytes *
pm_template_get_default_bytes (void)
{
  /* referencing the resource keeps it linked in from the static library */
  g_resources_register (pm_core_get_resource ());
  return g_resources_lookup_data (PM_TEMPLATE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

PmProject *
pm_template_load_default (GError **error)
{
  g_autoptr (GBytes) bytes = pm_template_get_default_bytes ();

  if (bytes == NULL)
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_TEMPLATE,
                   _("The built-in template is missing from this build"));
      return NULL;
    }

  return pm_template_load_from_bytes (bytes, error);
}

PmProject *
pm_template_load_from_bytes (GBytes  *bytes,
                             GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (PmProject) project = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_TEMPLATE,
                   _("The template is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, PM_ERROR, PM_ERROR_INVALID_TEMPLATE,
                   _("The template is not a JSON object"));
      return NULL;
    }

  project = pm_project_new ();
  if (!read_project (project, json_node_get_object (json_parser_get_root (parser)), error))
    return NULL;

  return g_steal_pointer (&project);
}
