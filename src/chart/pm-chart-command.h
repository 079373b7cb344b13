/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-types.h"

G_BEGIN_DECLS

/* --export-chart and --export-charts of the command line. A usage error
 * (a bad --size, --style …) comes back in G_OPTION_ERROR, checked before any
 * project is read; anything else wrong (an unknown code, a file that cannot
 * be written) in PM_ERROR. */

typedef struct
{
  const char *output;
  const char *size;     /* WxH */
  const char *style;    /* screen, screen-dark, print, slide */
  const char *year;     /* 2021–2030 */
  const char *dpi;      /* PNG resolution */
  const char *per_page; /* 1, 2, 4 */
} PmChartCommandOptions;

gboolean pm_chart_command_check (const PmChartCommandOptions *options,
                                 gboolean                     booklet,
                                 GError                     **error);
gboolean pm_chart_command_export_chart (PmProject                   *project,
                                        const char                  *codes,
                                        const PmChartCommandOptions *options,
                                        GError                     **error);
gboolean pm_chart_command_export_charts (PmProject                   *project,
                                         const char                  *selection,
                                         const PmChartCommandOptions *options,
                                         char                       **report,
                                         GError                     **error);
char *pm_chart_command_similar_codes (PmProject  *project,
                                      const char *code);

G_END_DECLS
