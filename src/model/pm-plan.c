/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-plan"

#include "config.h"

#include "pm-domain.h"
#include "pm-indicator.h"
#include "pm-plan.h"

struct _PmPlan
{
  GObject parent_instance;
  char *key;
  char *name;
  char *previous_name;
  GListStore *domains;
  GListStore *indicators[2]; /* by PmPeriod */
};

G_DEFINE_FINAL_TYPE (PmPlan, pm_plan, G_TYPE_OBJECT)

enum { PROP_0, PROP_KEY, PROP_NAME, PROP_PREVIOUS_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
pm_plan_finalize (GObject *object)
{
  PmPlan *self = PM_PLAN (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->previous_name, g_free);
  g_clear_object (&self->domains);
  g_clear_object (&self->indicators[0]);
  g_clear_object (&self->indicators[1]);

  G_OBJECT_CLASS (pm_plan_parent_class)->finalize (object);
}

static void
pm_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PmPlan *self = PM_PLAN (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PREVIOUS_NAME:
      g_value_set_string (value, self->previous_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_plan_class_init (PmPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_plan_finalize;
  object_class->get_property = pm_plan_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREVIOUS_NAME] =
    g_param_spec_string ("previous-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_plan_init (PmPlan *self)
{
  self->domains = g_list_store_new (PM_TYPE_DOMAIN);
  self->indicators[0] = g_list_store_new (PM_TYPE_INDICATOR);
  self->indicators[1] = g_list_store_new (PM_TYPE_INDICATOR);
}

PmPlan *
pm_plan_new (const char *key,
             const char *name,
             const char *previous_name)
{
  PmPlan *self;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (PM_TYPE_PLAN, NULL);
  self->key = g_strdup (key);
  self->name = g_strdup (name);
  self->previous_name = g_strdup (previous_name);

  return self;
}

const char *
pm_plan_get_key (PmPlan *self)
{
  g_return_val_if_fail (PM_IS_PLAN (self), NULL);
  return self->key;
}

const char *
pm_plan_get_name (PmPlan *self)
{
  g_return_val_if_fail (PM_IS_PLAN (self), NULL);
  return self->name;
}

const char *
pm_plan_get_previous_name (PmPlan *self)
{
  g_return_val_if_fail (PM_IS_PLAN (self), NULL);
  return self->previous_name;
}

/* Returns: (transfer none): the 类别 of the 2021–2030 table, in printed order */
GListModel *
pm_plan_get_domains (PmPlan *self)
{
  g_return_val_if_fail (PM_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->domains);
}

PmDomain *
pm_plan_find_domain (PmPlan     *self,
                     const char *name)
{
  guint n;

  g_return_val_if_fail (PM_IS_PLAN (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->domains));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PmDomain) domain = g_list_model_get_item (G_LIST_MODEL (self->domains), i);

      if (g_strcmp0 (pm_domain_get_name (domain), name) == 0)
        return domain;
    }

  return NULL;
}

/* Returns: (transfer none): the existing domain of that name, or a new one */
PmDomain *
pm_plan_add_domain (PmPlan     *self,
                    const char *name)
{
  g_autoptr (PmDomain) domain = NULL;
  PmDomain *existing;

  g_return_val_if_fail (PM_IS_PLAN (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if ((existing = pm_plan_find_domain (self, name)))
    return existing;

  domain = pm_domain_new (self, name, g_list_model_get_n_items (G_LIST_MODEL (self->domains)));
  g_list_store_append (self->domains, domain);

  return domain;
}

/* Returns: (transfer none): the indicators of one period, in printed order */
GListModel *
pm_plan_get_indicators (PmPlan  *self,
                        PmPeriod period)
{
  g_return_val_if_fail (PM_IS_PLAN (self), NULL);
  g_return_val_if_fail (period <= PM_PERIOD_2011_2020, NULL);

  return G_LIST_MODEL (self->indicators[period]);
}

void
pm_plan_add_indicator (PmPlan      *self,
                       PmIndicator *indicator)
{
  g_return_if_fail (PM_IS_PLAN (self));
  g_return_if_fail (PM_IS_INDICATOR (indicator));

  g_list_store_append (self->indicators[pm_indicator_get_period (indicator)], indicator);
}
