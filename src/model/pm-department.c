/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-department"

#include "config.h"

#include "pm-department.h"

struct _PmDepartment
{
  GObject parent_instance;
  char *name;
  guint position;
};

G_DEFINE_FINAL_TYPE (PmDepartment, pm_department, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, PROP_POSITION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
pm_department_finalize (GObject *object)
{
  PmDepartment *self = PM_DEPARTMENT (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (pm_department_parent_class)->finalize (object);
}

static void
pm_department_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PmDepartment *self = PM_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_department_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PmDepartment *self = PM_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_department_class_init (PmDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_department_finalize;
  object_class->get_property = pm_department_get_property;
  object_class->set_property = pm_department_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_department_init (PmDepartment *self)
{
}

PmDepartment *
pm_department_new (const char *name,
                   guint       position)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (PM_TYPE_DEPARTMENT, "name", name, "position", position, NULL);
}

const char *
pm_department_get_name (PmDepartment *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT (self), NULL);
  return self->name;
}

guint
pm_department_get_position (PmDepartment *self)
{
  g_return_val_if_fail (PM_IS_DEPARTMENT (self), 0);
  return self->position;
}

/* Returns: the departments' names joined by separator (、 when NULL), lead first */
char *
pm_departments_join (GListModel *departments,
                     const char *separator)
{
  g_autoptr (GString) label = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (departments), NULL);

  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PmDepartment) department = g_list_model_get_item (departments, i);

      if (i > 0)
        g_string_append (label, separator ? separator : "、");
      g_string_append (label, department->name);
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}
