/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pm-types.h"

G_BEGIN_DECLS

/* The area key of a value for the whole county (towns come later). */
#define PM_AREA_COUNTY "county"

#define PM_TYPE_OBSERVATION (pm_observation_get_type ())
G_DECLARE_FINAL_TYPE (PmObservation, pm_observation, PM, OBSERVATION, GObject)

PmObservation *pm_observation_new (int         year,
                                   const char *area,
                                   double      value);
PmObservation *pm_observation_copy (PmObservation *self);
int pm_observation_get_year (PmObservation *self);
const char *pm_observation_get_area (PmObservation *self);
double pm_observation_get_value (PmObservation *self);
const char *pm_observation_get_text (PmObservation *self);
const char *pm_observation_get_note (PmObservation *self);
const char *pm_observation_get_source (PmObservation *self);
gboolean pm_observation_get_provisional (PmObservation *self);
GDateTime *pm_observation_get_changed_at (PmObservation *self);
const char *pm_observation_get_changed_by (PmObservation *self);

void pm_observation_set_value (PmObservation *self,
                               double         value);
void pm_observation_set_text (PmObservation *self,
                              const char    *text);
void pm_observation_set_note (PmObservation *self,
                              const char    *note);
void pm_observation_set_source (PmObservation *self,
                                const char    *source);
void pm_observation_set_provisional (PmObservation *self,
                                     gboolean       provisional);
void pm_observation_set_changed (PmObservation *self,
                                 GDateTime     *changed_at,
                                 const char    *changed_by);

G_END_DECLS
