/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-indicator"

#include "config.h"

#include <math.h>

#include "pm-department.h"
#include "pm-indicator.h"
#include "pm-observation.h"

struct _PmIndicator
{
  GObject parent_instance;

  char *code;
  PmPeriod period;
  PmPlan *plan;     /* unowned: the project keeps it alive */
  PmDomain *domain; /* unowned, likewise; NULL for 2011–2020 rows */
  char *number;
  char *parent_code;
  char *name;
  char *unit;
  char *city_target;
  char *county_target;
  PmAttribute attribute;
  gboolean inherited;
  GListStore *departments;
  PmIndicator *predecessor;
  char *predecessor_note;
  char *note;

  /* 专栏1 of the previous plans: NAN where the text prints no value; the
   * texts as printed (34.80, 23%), NULL with NAN */
  double value_2010;
  char *value_2010_text;
  char *target_2020;
  double value_2020;
  char *value_2020_text;

  GListStore *observations; /* sorted by year, then area */
};

G_DEFINE_FINAL_TYPE (PmIndicator, pm_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_UNIT,
  PROP_NUMBER,
  PROP_CITY_TARGET,
  PROP_COUNTY_TARGET,
  PROP_NOTE,
  PROP_VALUE_2010_TEXT,
  PROP_VALUE_2020_TEXT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
pm_indicator_dispose (GObject *object)
{
  PmIndicator *self = PM_INDICATOR (object);

  g_clear_object (&self->predecessor);
  g_clear_object (&self->departments);
  g_clear_object (&self->observations);

  G_OBJECT_CLASS (pm_indicator_parent_class)->dispose (object);
}

static void
pm_indicator_finalize (GObject *object)
{
  PmIndicator *self = PM_INDICATOR (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->parent_code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->city_target, g_free);
  g_clear_pointer (&self->county_target, g_free);
  g_clear_pointer (&self->predecessor_note, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->value_2010_text, g_free);
  g_clear_pointer (&self->target_2020, g_free);
  g_clear_pointer (&self->value_2020_text, g_free);

  G_OBJECT_CLASS (pm_indicator_parent_class)->finalize (object);
}

static void
pm_indicator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PmIndicator *self = PM_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_CITY_TARGET:
      g_value_set_string (value, self->city_target);
      break;
    case PROP_COUNTY_TARGET:
      g_value_set_string (value, self->county_target);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_VALUE_2010_TEXT:
      g_value_set_string (value, self->value_2010_text);
      break;
    case PROP_VALUE_2020_TEXT:
      g_value_set_string (value, self->value_2020_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_indicator_class_init (PmIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pm_indicator_dispose;
  object_class->finalize = pm_indicator_finalize;
  object_class->get_property = pm_indicator_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITY_TARGET] =
    g_param_spec_string ("city-target", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTY_TARGET] =
    g_param_spec_string ("county-target", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* the 2010 value and the 2020 result of a 2011–2020 row as the plans print
   * them: 34.80, not 34.8 */
  properties[PROP_VALUE_2010_TEXT] =
    g_param_spec_string ("value-2010-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE_2020_TEXT] =
    g_param_spec_string ("value-2020-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_indicator_init (PmIndicator *self)
{
  self->value_2010 = NAN;
  self->value_2020 = NAN;
  self->departments = g_list_store_new (PM_TYPE_DEPARTMENT);
  self->observations = g_list_store_new (PM_TYPE_OBSERVATION);
}

PmIndicator *
pm_indicator_new (const char *code,
                  PmPeriod    period,
                  PmPlan     *plan)
{
  PmIndicator *self;

  g_return_val_if_fail (code != NULL && *code, NULL);

  self = g_object_new (PM_TYPE_INDICATOR, NULL);
  self->code = g_strdup (code);
  self->period = period;
  self->plan = plan;

  return self;
}

#define STRING_GETTER(field)                                  \
  const char *pm_indicator_get_##field (PmIndicator *self)    \
  {                                                           \
    g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);      \
    return self->field;                                       \
  }

STRING_GETTER (code)
STRING_GETTER (number)
STRING_GETTER (parent_code)
STRING_GETTER (name)
STRING_GETTER (unit)
STRING_GETTER (city_target)
STRING_GETTER (county_target)
STRING_GETTER (predecessor_note)
STRING_GETTER (note)
STRING_GETTER (value_2010_text)
STRING_GETTER (target_2020)
STRING_GETTER (value_2020_text)

#undef STRING_GETTER

PmPeriod
pm_indicator_get_period (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), PM_PERIOD_2021_2030);
  return self->period;
}

PmPlan *
pm_indicator_get_plan (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);
  return self->plan;
}

PmDomain *
pm_indicator_get_domain (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);
  return self->domain;
}

PmAttribute
pm_indicator_get_attribute (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), PM_ATTRIBUTE_NONE);
  return self->attribute;
}

/* TRUE when a sub-row took its attribute and departments from its parent row */
gboolean
pm_indicator_get_inherited (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), FALSE);
  return self->inherited;
}

/* Returns: (transfer none): the responsible departments, lead first */
GListModel *
pm_indicator_get_departments (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);
  return G_LIST_MODEL (self->departments);
}

PmDepartment *
pm_indicator_get_lead_department (PmIndicator *self)
{
  g_autoptr (PmDepartment) lead = NULL;

  g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);

  lead = g_list_model_get_item (G_LIST_MODEL (self->departments), 0);
  return lead; /* the store keeps its reference */
}

char *
pm_indicator_dup_departments_label (PmIndicator *self,
                                    const char  *separator)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);
  return pm_departments_join (G_LIST_MODEL (self->departments), separator);
}

/* Returns the department's role; *involved is FALSE when it has none. */
PmRole
pm_indicator_get_role (PmIndicator  *self,
                       PmDepartment *department,
                       gboolean     *involved)
{
  guint position;
  gboolean found;

  g_return_val_if_fail (PM_IS_INDICATOR (self), PM_ROLE_COOPERATES);

  found = g_list_store_find (self->departments, department, &position);
  if (involved)
    *involved = found;

  return found && position == 0 ? PM_ROLE_LEAD : PM_ROLE_COOPERATES;
}

PmIndicator *
pm_indicator_get_predecessor (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);
  return self->predecessor;
}

/* Returns: the 2010 value of a 2011–2020 row, or NAN where none is printed */
double
pm_indicator_get_value_2010 (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), NAN);
  return self->value_2010;
}

/* Returns: the 2020 actual of a 2011–2020 row, or NAN where none is printed */
double
pm_indicator_get_value_2020 (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), NAN);
  return self->value_2020;
}

/**
 * pm_indicator_get_printed_value:
 * @year: 2010 or 2020
 *
 * Returns: (nullable): the 2010 value or the 2020 result of a 2011–2020 row
 * exactly as the plans print it (34.80, 23%), which is how it is shown; the
 * number (pm_indicator_get_value_2010 ()) is what is computed with. NULL for
 * another year, a 2021–2030 row, or where nothing is printed.
 */
const char *
pm_indicator_get_printed_value (PmIndicator *self,
                                int          year)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);

  if (year == 2010)
    return self->value_2010_text;
  if (year == 2020)
    return self->value_2020_text;
  return NULL;
}

/* Returns: (transfer none): the observations, sorted by year and area */
GListModel *
pm_indicator_get_observations (PmIndicator *self)
{
  g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);
  return G_LIST_MODEL (self->observations);
}

static int
compare_key (PmObservation *observation,
             int            year,
             const char    *area)
{
  int observation_year = pm_observation_get_year (observation);

  if (observation_year != year)
    return observation_year < year ? -1 : 1;
  return g_strcmp0 (pm_observation_get_area (observation), area);
}

/* The observations are kept sorted by year, then area: a binary search finds
 * one, or the position where it would go (*position), in O(log n). Loading a
 * file adds them in order, so the end is tried first. */
static gboolean
find_observation_position (PmIndicator *self,
                           int          year,
                           const char  *area,
                           guint       *position)
{
  GListModel *model = G_LIST_MODEL (self->observations);
  guint low = 0, high = g_list_model_get_n_items (model);

  if (high > 0)
    {
      g_autoptr (PmObservation) last = g_list_model_get_item (model, high - 1);
      int cmp = compare_key (last, year, area);

      if (cmp < 0)
        {
          *position = high;
          return FALSE;
        }
      if (cmp == 0)
        {
          *position = high - 1;
          return TRUE;
        }
    }

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr (PmObservation) observation = g_list_model_get_item (model, middle);
      int cmp = compare_key (observation, year, area);

      if (cmp == 0)
        {
          *position = middle;
          return TRUE;
        }
      if (cmp < 0)
        low = middle + 1;
      else
        high = middle;
    }

  *position = low;
  return FALSE;
}

/* Returns: (transfer none) (nullable): the observation for that year and area */
PmObservation *
pm_indicator_find_observation (PmIndicator *self,
                               int          year,
                               const char  *area)
{
  g_autoptr (PmObservation) observation = NULL;
  guint position;

  g_return_val_if_fail (PM_IS_INDICATOR (self), NULL);

  if (area == NULL)
    area = PM_AREA_COUNTY;

  if (!find_observation_position (self, year, area, &position))
    return NULL;

  observation = g_list_model_get_item (G_LIST_MODEL (self->observations), position);
  return observation; /* the store keeps its reference */
}

void
pm_indicator_set_domain (PmIndicator *self,
                         PmDomain    *domain)
{
  g_return_if_fail (PM_IS_INDICATOR (self));
  self->domain = domain;
}

static void
replace_string (PmIndicator *self,
                char       **field,
                const char  *value,
                guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);

  if (prop_id != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
pm_indicator_set_number (PmIndicator *self,
                         const char  *number)
{
  g_return_if_fail (PM_IS_INDICATOR (self));
  replace_string (self, &self->number, number, PROP_NUMBER);
}

void
pm_indicator_set_parent_code (PmIndicator *self,
                              const char  *parent_code)
{
  g_return_if_fail (PM_IS_INDICATOR (self));
  replace_string (self, &self->parent_code, parent_code, 0);
}

void
pm_indicator_set_name (PmIndicator *self,
                       const char  *name)
{
  g_return_if_fail (PM_IS_INDICATOR (self));
  replace_string (self, &self->name, name, PROP_NAME);
}

void
pm_indicator_set_unit (PmIndicator *self,
                       const char  *unit)
{
  g_return_if_fail (PM_IS_INDICATOR (self));
  replace_string (self, &self->unit, unit, PROP_UNIT);
}

void
pm_indicator_set_targets (PmIndicator *self,
                          const char  *city_target,
                          const char  *county_target)
{
  g_return_if_fail (PM_IS_INDICATOR (self));
  replace_string (self, &self->city_target, city_target, PROP_CITY_TARGET);
  replace_string (self, &self->county_target, county_target, PROP_COUNTY_TARGET);
}

void
pm_indicator_set_attribute (PmIndicator *self,
                            PmAttribute  attribute,
                            gboolean     inherited)
{
  g_return_if_fail (PM_IS_INDICATOR (self));
  self->attribute = attribute;
  self->inherited = inherited;
}

void
pm_indicator_add_department (PmIndicator  *self,
                             PmDepartment *department)
{
  g_return_if_fail (PM_IS_INDICATOR (self));
  g_return_if_fail (PM_IS_DEPARTMENT (department));

  if (!g_list_store_find (self->departments, department, NULL))
    g_list_store_append (self->departments, department);
}

void
pm_indicator_set_predecessor (PmIndicator *self,
                              PmIndicator *predecessor,
                              const char  *note)
{
  g_return_if_fail (PM_IS_INDICATOR (self));
  g_return_if_fail (predecessor == NULL || PM_IS_INDICATOR (predecessor));
  g_return_if_fail (predecessor != self);

  g_set_object (&self->predecessor, predecessor);
  replace_string (self, &self->predecessor_note, note, 0);
}

void
pm_indicator_set_note (PmIndicator *self,
                       const char  *note)
{
  g_return_if_fail (PM_IS_INDICATOR (self));
  replace_string (self, &self->note, note, PROP_NOTE);
}

void
pm_indicator_set_previous_results (PmIndicator *self,
                                   double       value_2010,
                                   const char  *value_2010_text,
                                   const char  *target_2020,
                                   double       value_2020,
                                   const char  *value_2020_text)
{
  g_return_if_fail (PM_IS_INDICATOR (self));

  self->value_2010 = value_2010;
  replace_string (self, &self->value_2010_text, value_2010_text, PROP_VALUE_2010_TEXT);
  replace_string (self, &self->target_2020, target_2020, 0);
  self->value_2020 = value_2020;
  replace_string (self, &self->value_2020_text, value_2020_text, PROP_VALUE_2020_TEXT);
}

/* Adds the observation, replacing one for the same year and area. */
void
pm_indicator_put_observation (PmIndicator   *self,
                              PmObservation *observation)
{
  guint position;

  g_return_if_fail (PM_IS_INDICATOR (self));
  g_return_if_fail (PM_IS_OBSERVATION (observation));

  if (find_observation_position (self, pm_observation_get_year (observation),
                                 pm_observation_get_area (observation), &position))
    g_list_store_splice (self->observations, position, 1, (gpointer *) &observation, 1);
  else
    g_list_store_insert (self->observations, position, observation);
}

/* Adds many observations at once. When the indicator has none yet and they
 * come sorted by year and area (as a project file gives them), they go in
 * with one change of the list; otherwise one by one. */
void
pm_indicator_put_observations (PmIndicator    *self,
                               PmObservation **observations,
                               guint           n_observations)
{
  gboolean sorted = TRUE;

  g_return_if_fail (PM_IS_INDICATOR (self));
  g_return_if_fail (observations != NULL || n_observations == 0);

  for (guint i = 1; i < n_observations && sorted; i++)
    sorted = compare_key (observations[i - 1], pm_observation_get_year (observations[i]),
                          pm_observation_get_area (observations[i])) < 0;

  if (sorted && g_list_model_get_n_items (G_LIST_MODEL (self->observations)) == 0)
    {
      g_list_store_splice (self->observations, 0, 0, (gpointer *) observations, n_observations);
      return;
    }

  for (guint i = 0; i < n_observations; i++)
    pm_indicator_put_observation (self, observations[i]);
}

gboolean
pm_indicator_remove_observation (PmIndicator *self,
                                 int          year,
                                 const char  *area)
{
  guint position;

  g_return_val_if_fail (PM_IS_INDICATOR (self), FALSE);

  if (!find_observation_position (self, year, area ? area : PM_AREA_COUNTY, &position))
    return FALSE;

  g_list_store_remove (self->observations, position);
  return TRUE;
}
