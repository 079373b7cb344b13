/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-types"

#include "config.h"

#include "pm-types.h"

G_DEFINE_QUARK (pm-error-quark, pm_error)

const char *
pm_period_to_string (PmPeriod period)
{
  switch (period)
    {
    case PM_PERIOD_2021_2030:
      return "2021-2030";
    case PM_PERIOD_2011_2020:
      return "2011-2020";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
pm_period_from_string (const char *text,
                       PmPeriod   *period)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (g_strcmp0 (text, "2021-2030") == 0)
    *period = PM_PERIOD_2021_2030;
  else if (g_strcmp0 (text, "2011-2020") == 0)
    *period = PM_PERIOD_2011_2020;
  else
    return FALSE;

  return TRUE;
}

int
pm_period_first_year (PmPeriod period)
{
  return period == PM_PERIOD_2021_2030 ? 2021 : 2011;
}

int
pm_period_last_year (PmPeriod period)
{
  return period == PM_PERIOD_2021_2030 ? 2030 : 2020;
}

const char *
pm_attribute_to_printed (PmAttribute attribute)
{
  switch (attribute)
    {
    case PM_ATTRIBUTE_BINDING:
      return "约束性";
    case PM_ATTRIBUTE_EXPECTED:
      return "预期性";
    case PM_ATTRIBUTE_NONE:
    default:
      return "";
    }
}

PmAttribute
pm_attribute_from_printed (const char *text)
{
  if (g_strcmp0 (text, "约束性") == 0)
    return PM_ATTRIBUTE_BINDING;
  if (g_strcmp0 (text, "预期性") == 0)
    return PM_ATTRIBUTE_EXPECTED;
  return PM_ATTRIBUTE_NONE;
}
