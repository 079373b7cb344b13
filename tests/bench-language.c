/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a document string costs: pm_doc_gettext () against _() (GNU
 * gettext, English locale), and the first lookup, which reads the
 * catalogue. Prints the figures. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pm-language.h"

#define ROUNDS 1000000

static const char *const messages[] = {
  "Code", "Task", "Lead department", "Co-operating departments", "Work items",
  "Exported on %s", "Monitoring data", "Required path", "Unit: %s", "Attainment rate",
};

int
main (int   argc,
      char *argv[])
{
  gint64 start, first, doc, ui, context;
  gsize total = 0;

  setlocale (LC_ALL, "");

  start = g_get_monotonic_time ();
  total += strlen (D_ (PM_LANGUAGE_ZH_CN, "Code"));
  first = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (int i = 0; i < ROUNDS; i++)
    total += D_ (PM_LANGUAGE_ZH_CN, messages[i % G_N_ELEMENTS (messages)])[0];
  doc = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (int i = 0; i < ROUNDS; i++)
    total += DC_ (PM_LANGUAGE_ZH_CN, "status", "On track")[0];
  context = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (int i = 0; i < ROUNDS; i++)
    total += _(messages[i % G_N_ELEMENTS (messages)])[0];
  ui = g_get_monotonic_time () - start;

  g_print ("first lookup (reads the catalogue): %.3f ms\n", first / 1000.0);
  g_print ("pm_doc_gettext, zh_CN: %.0f ns a string\n", doc * 1000.0 / ROUNDS);
  g_print ("pm_doc_pgettext, zh_CN: %.0f ns a string\n", context * 1000.0 / ROUNDS);
  g_print ("_() (GNU gettext, C.UTF-8): %.0f ns a string\n", ui * 1000.0 / ROUNDS);
  g_print ("(checksum %" G_GSIZE_FORMAT ")\n", total);
  return 0;
}
