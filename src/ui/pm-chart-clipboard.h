/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pm-chart.h"

G_BEGIN_DECLS

/* A chart as an image on the clipboard: it pastes into WPS, PowerPoint and
 * LibreOffice Impress as a picture (GTK offers it as image/png). */

GdkTexture *pm_chart_render_texture (PmChart      *chart,
                                     PmChartStyle  style,
                                     int           width,
                                     int           height,
                                     double        scale);
void pm_chart_copy_to_clipboard (PmChart      *chart,
                                 GdkClipboard *clipboard,
                                 PmChartStyle  style,
                                 int           width,
                                 int           height,
                                 double        scale);

G_END_DECLS
