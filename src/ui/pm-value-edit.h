/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pm-store.h"
#include "pm-types.h"

G_BEGIN_DECLS

/* Stores what a person typed for one year of an indicator. */
gboolean pm_value_edit_store (PmStore     *store,
                              PmIndicator *indicator,
                              int          year,
                              const char  *value_text,
                              const char  *note,
                              const char  *source,
                              gboolean     provisional,
                              char       **refused,
                              GError     **error);

G_END_DECLS
