/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness of the target grammar: any bytes, as a printed target
 * and (after the first NUL byte) as an override of it. Besides the
 * sanitizers, it checks what the API promises and aborts when it does not
 * hold: parsing never fails, every text it gives back is valid UTF-8, an
 * override gives a target or an error and never both.
 *
 * Built with clang and -fsanitize=fuzzer,address,undefined by -Dfuzzing=true
 * (see tests/eval/meson.build); standalone-main.c replays files with any
 * compiler. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pm-target.h"
#include "pm-types.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
require (gboolean    condition,
         const char *what)
{
  if (!condition)
    {
      g_printerr ("fuzz-target-parse: %s\n", what);
      abort ();
    }
}

static void
require_utf8 (const char *text,
              const char *what)
{
  require (text != NULL && g_utf8_validate (text, -1, NULL), what);
}

static void
exercise (const PmTarget *target,
          const char     *unit)
{
  static const double values[] = { 0, 0.1, 1, 1.5, 2.5, 42.75, 50, 95, 100, 107, 1e9, -3, NAN, INFINITY };
  g_autofree char *description = pm_target_describe (target, unit);
  g_autoptr (PmTarget) copy = pm_target_copy (target);

  require (target->kind <= PM_TARGET_MANUAL, "kind out of range");
  require_utf8 (target->text, "target text is not UTF-8");
  require_utf8 (description, "description is not UTF-8");
  require (g_strcmp0 (copy->text, target->text) == 0, "copy lost the text");
  if (target->reference)
    require_utf8 (target->reference, "reference is not UTF-8");
  if (target->kind == PM_TARGET_MANUAL)
    require (target->reference == NULL && !target->percent, "manual target kept half a parse");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      PmTargetContext context;
      double goal = NAN;
      gboolean lower = FALSE;
      g_autofree char *formatted = pm_target_format_value (target, values[i], unit, 6);

      require_utf8 (formatted, "formatted value is not UTF-8");
      pm_target_context_init (&context);
      require (pm_target_check (target, values[i], &context) <= PM_TARGET_CHECK_NOT_MET, "check");
      context.baseline = values[(i + 3) % G_N_ELEMENTS (values)];
      context.previous = values[(i + 5) % G_N_ELEMENTS (values)];
      context.reference = values[(i + 7) % G_N_ELEMENTS (values)];
      context.base_value = values[(i + 2) % G_N_ELEMENTS (values)];
      (void) pm_target_is_met (target, values[i], &context);
      if (pm_target_get_goal (target, &context, values[i], &goal, &lower))
        require (!isnan (goal) || target->kind == PM_TARGET_RELATIVE ||
                 target->kind == PM_TARGET_DIRECTION, "goal is NAN");
    }

  (void) pm_target_is_lower_better (target);
  (void) pm_target_is_measurable (target);
  (void) pm_target_needs_baseline (target);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* a critical or warning from GLib is a bug too */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  const char *nul = memchr (data, '\0', size);
  g_autofree char *override = nul ? g_strndup (nul + 1, size - (size_t) (nul + 1 - (const char *) data))
                                  : NULL;
  g_autoptr (PmTarget) target = pm_target_parse (text);
  g_autoptr (PmTarget) overridden = NULL;
  g_autoptr (GError) error = NULL;
  double ratio;

  exercise (target, "%");
  exercise (target, "1/10万");
  exercise (target, override);

  overridden = pm_target_apply_override (target, override, &error);
  require ((overridden == NULL) != (error == NULL), "override gave both or neither");
  if (overridden)
    {
      require (g_strcmp0 (overridden->text, target->text) == 0, "override lost the printed text");
      exercise (overridden, "岁");
    }
  else
    {
      require (error->domain == PM_ERROR, "override error domain");
      require_utf8 (error->message, "override error is not UTF-8");
    }

  if (pm_target_parse_ratio (text, &ratio))
    require (isfinite (ratio), "ratio is not finite");

  return 0;
}
