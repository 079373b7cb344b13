/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-domain"

#include "config.h"

#include "pm-domain.h"
#include "pm-indicator.h"

struct _PmDomain
{
  GObject parent_instance;
  PmPlan *plan; /* unowned: the project keeps plans alive */
  char *name;
  guint position;
  GListStore *indicators;
};

G_DEFINE_FINAL_TYPE (PmDomain, pm_domain, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, PROP_POSITION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
pm_domain_finalize (GObject *object)
{
  PmDomain *self = PM_DOMAIN (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->indicators);

  G_OBJECT_CLASS (pm_domain_parent_class)->finalize (object);
}

static void
pm_domain_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PmDomain *self = PM_DOMAIN (object);

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
pm_domain_class_init (PmDomainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_domain_finalize;
  object_class->get_property = pm_domain_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_domain_init (PmDomain *self)
{
  self->indicators = g_list_store_new (PM_TYPE_INDICATOR);
}

PmDomain *
pm_domain_new (PmPlan     *plan,
               const char *name,
               guint       position)
{
  PmDomain *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (PM_TYPE_DOMAIN, NULL);
  self->plan = plan;
  self->name = g_strdup (name);
  self->position = position;

  return self;
}

const char *
pm_domain_get_name (PmDomain *self)
{
  g_return_val_if_fail (PM_IS_DOMAIN (self), NULL);
  return self->name;
}

guint
pm_domain_get_position (PmDomain *self)
{
  g_return_val_if_fail (PM_IS_DOMAIN (self), 0);
  return self->position;
}

PmPlan *
pm_domain_get_plan (PmDomain *self)
{
  g_return_val_if_fail (PM_IS_DOMAIN (self), NULL);
  return self->plan;
}

/* Returns: (transfer none): the indicators of this domain, in printed order */
GListModel *
pm_domain_get_indicators (PmDomain *self)
{
  g_return_val_if_fail (PM_IS_DOMAIN (self), NULL);
  return G_LIST_MODEL (self->indicators);
}

void
pm_domain_add_indicator (PmDomain    *self,
                         PmIndicator *indicator)
{
  g_return_if_fail (PM_IS_DOMAIN (self));
  g_return_if_fail (PM_IS_INDICATOR (indicator));

  g_list_store_append (self->indicators, indicator);
}
