/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-observation"

#include "config.h"

#include <math.h>

#include "pm-observation.h"

struct _PmObservation
{
  GObject parent_instance;
  int year;
  char *area;
  double value; /* NAN when only a text (or nothing) was recorded */
  char *text;   /* the printed text where the source was not a plain number */
  char *note;
  char *source;
  gboolean provisional;
  GDateTime *changed_at;
  char *changed_by;
};

G_DEFINE_FINAL_TYPE (PmObservation, pm_observation, G_TYPE_OBJECT)

enum { PROP_0, PROP_YEAR, PROP_VALUE, PROP_NOTE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
pm_observation_finalize (GObject *object)
{
  PmObservation *self = PM_OBSERVATION (object);

  g_clear_pointer (&self->area, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  g_clear_pointer (&self->changed_by, g_free);

  G_OBJECT_CLASS (pm_observation_parent_class)->finalize (object);
}

static void
pm_observation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PmObservation *self = PM_OBSERVATION (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_observation_class_init (PmObservationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pm_observation_finalize;
  object_class->get_property = pm_observation_get_property;

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_observation_init (PmObservation *self)
{
  self->value = NAN;
}

PmObservation *
pm_observation_new (int         year,
                    const char *area,
                    double      value)
{
  PmObservation *self = g_object_new (PM_TYPE_OBSERVATION, NULL);

  self->year = year;
  self->area = g_strdup (area ? area : PM_AREA_COUNTY);
  self->value = value;

  return self;
}

PmObservation *
pm_observation_copy (PmObservation *self)
{
  PmObservation *copy;

  g_return_val_if_fail (PM_IS_OBSERVATION (self), NULL);

  copy = pm_observation_new (self->year, self->area, self->value);
  copy->text = g_strdup (self->text);
  copy->note = g_strdup (self->note);
  copy->source = g_strdup (self->source);
  copy->provisional = self->provisional;
  copy->changed_at = self->changed_at ? g_date_time_ref (self->changed_at) : NULL;
  copy->changed_by = g_strdup (self->changed_by);

  return copy;
}

int
pm_observation_get_year (PmObservation *self)
{
  g_return_val_if_fail (PM_IS_OBSERVATION (self), 0);
  return self->year;
}

const char *
pm_observation_get_area (PmObservation *self)
{
  g_return_val_if_fail (PM_IS_OBSERVATION (self), NULL);
  return self->area;
}

double
pm_observation_get_value (PmObservation *self)
{
  g_return_val_if_fail (PM_IS_OBSERVATION (self), NAN);
  return self->value;
}

const char *
pm_observation_get_text (PmObservation *self)
{
  g_return_val_if_fail (PM_IS_OBSERVATION (self), NULL);
  return self->text;
}

const char *
pm_observation_get_note (PmObservation *self)
{
  g_return_val_if_fail (PM_IS_OBSERVATION (self), NULL);
  return self->note;
}

const char *
pm_observation_get_source (PmObservation *self)
{
  g_return_val_if_fail (PM_IS_OBSERVATION (self), NULL);
  return self->source;
}

gboolean
pm_observation_get_provisional (PmObservation *self)
{
  g_return_val_if_fail (PM_IS_OBSERVATION (self), FALSE);
  return self->provisional;
}

GDateTime *
pm_observation_get_changed_at (PmObservation *self)
{
  g_return_val_if_fail (PM_IS_OBSERVATION (self), NULL);
  return self->changed_at;
}

const char *
pm_observation_get_changed_by (PmObservation *self)
{
  g_return_val_if_fail (PM_IS_OBSERVATION (self), NULL);
  return self->changed_by;
}

void
pm_observation_set_value (PmObservation *self,
                          double         value)
{
  g_return_if_fail (PM_IS_OBSERVATION (self));
  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

void
pm_observation_set_text (PmObservation *self,
                         const char    *text)
{
  g_return_if_fail (PM_IS_OBSERVATION (self));
  g_free (self->text);
  self->text = g_strdup (text);
}

void
pm_observation_set_note (PmObservation *self,
                         const char    *note)
{
  g_return_if_fail (PM_IS_OBSERVATION (self));
  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

void
pm_observation_set_source (PmObservation *self,
                           const char    *source)
{
  g_return_if_fail (PM_IS_OBSERVATION (self));
  g_free (self->source);
  self->source = g_strdup (source);
}

void
pm_observation_set_provisional (PmObservation *self,
                                gboolean       provisional)
{
  g_return_if_fail (PM_IS_OBSERVATION (self));
  self->provisional = !!provisional;
}

void
pm_observation_set_changed (PmObservation *self,
                            GDateTime     *changed_at,
                            const char    *changed_by)
{
  g_return_if_fail (PM_IS_OBSERVATION (self));

  g_clear_pointer (&self->changed_at, g_date_time_unref);
  self->changed_at = changed_at ? g_date_time_ref (changed_at) : NULL;
  g_free (self->changed_by);
  self->changed_by = g_strdup (changed_by);
}
