/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-chart-types"

#include "config.h"

#include <glib/gi18n.h>

#include "pm-chart-types.h"

static const char * const style_names[PM_CHART_N_STYLES] = {
  [PM_CHART_STYLE_SCREEN] = "screen",
  [PM_CHART_STYLE_SCREEN_DARK] = "screen-dark",
  [PM_CHART_STYLE_PRINT] = "print",
  [PM_CHART_STYLE_SLIDE] = "slide",
};

static const char * const status_names[PM_CHART_N_STATUSES] = {
  [PM_CHART_STATUS_NONE] = "none",
  [PM_CHART_STATUS_ACHIEVED] = "achieved",
  [PM_CHART_STATUS_ON_TRACK] = "on-track",
  [PM_CHART_STATUS_NEEDS_ACCELERATION] = "needs-acceleration",
  [PM_CHART_STATUS_LIMITED_PROGRESS] = "limited-progress",
  [PM_CHART_STATUS_DETERIORATING] = "deteriorating",
  [PM_CHART_STATUS_NOT_ACHIEVED] = "not-achieved",
  [PM_CHART_STATUS_NO_TARGET] = "no-target",
  [PM_CHART_STATUS_NO_DATA] = "no-data",
  [PM_CHART_STATUS_MANUAL] = "manual",
};

gboolean
pm_chart_style_from_string (const char   *text,
                            PmChartStyle *style)
{
  g_return_val_if_fail (style != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  /* "dark" is accepted as a short name of the dark screen style */
  if (g_ascii_strcasecmp (text, "dark") == 0)
    {
      *style = PM_CHART_STYLE_SCREEN_DARK;
      return TRUE;
    }

  for (guint i = 0; i < PM_CHART_N_STYLES; i++)
    if (g_ascii_strcasecmp (text, style_names[i]) == 0)
      {
        *style = (PmChartStyle) i;
        return TRUE;
      }

  return FALSE;
}

const char *
pm_chart_style_to_string (PmChartStyle style)
{
  g_return_val_if_fail ((guint) style < PM_CHART_N_STYLES, NULL);

  return style_names[style];
}

/* The size a chart gets when none is asked for, in pixels at 96 dpi. */
void
pm_chart_style_get_default_size (PmChartStyle style,
                                 int         *width,
                                 int         *height)
{
  int w, h;

  switch (style)
    {
    case PM_CHART_STYLE_SLIDE:
      w = 1920, h = 1080;
      break;
    case PM_CHART_STYLE_PRINT:
      /* the proportions of an A4 page in landscape */
      w = 1123, h = 794;
      break;
    case PM_CHART_STYLE_SCREEN:
    case PM_CHART_STYLE_SCREEN_DARK:
    default:
      w = 1200, h = 750;
      break;
    }

  if (width)
    *width = w;
  if (height)
    *height = h;
}

/* Returns: the status as a person reads it, translated: the same words
 * (and context) as the evaluation's pm_status_get_label () */
const char *
pm_chart_status_to_label (PmChartStatus status,
                          PmLanguage    language)
{
  switch (status)
    {
    case PM_CHART_STATUS_ACHIEVED:
      return DC_ (language, "status", "Achieved");
    case PM_CHART_STATUS_ON_TRACK:
      return DC_ (language, "status", "On track");
    case PM_CHART_STATUS_NEEDS_ACCELERATION:
      return DC_ (language, "status", "Needs to speed up");
    case PM_CHART_STATUS_LIMITED_PROGRESS:
      return DC_ (language, "status", "Limited progress");
    case PM_CHART_STATUS_DETERIORATING:
      return DC_ (language, "status", "Deteriorating");
    case PM_CHART_STATUS_NOT_ACHIEVED:
      return DC_ (language, "status", "Not achieved");
    case PM_CHART_STATUS_NO_TARGET:
      return DC_ (language, "status", "No target");
    case PM_CHART_STATUS_NO_DATA:
      return DC_ (language, "status", "No data");
    case PM_CHART_STATUS_MANUAL:
      return DC_ (language, "status", "Judged by a person");
    case PM_CHART_STATUS_NONE:
    default:
      return "";
    }
}

/* Returns: the status key used in files and on the command line */
const char *
pm_chart_status_to_string (PmChartStatus status)
{
  g_return_val_if_fail ((guint) status < PM_CHART_N_STATUSES, NULL);

  return status_names[status];
}

gboolean
pm_chart_status_from_string (const char    *text,
                             PmChartStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < PM_CHART_N_STATUSES; i++)
    if (g_ascii_strcasecmp (text, status_names[i]) == 0)
      {
        *status = (PmChartStatus) i;
        return TRUE;
      }

  return FALSE;
}

const char *
pm_chart_op_to_string (PmChartOp op)
{
  switch (op)
    {
    case PM_CHART_OP_GE:
      return "≥";
    case PM_CHART_OP_GT:
      return ">";
    case PM_CHART_OP_LE:
      return "≤";
    case PM_CHART_OP_LT:
      return "<";
    case PM_CHART_OP_EQ:
    default:
      return "=";
    }
}
