/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-target"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pm-target.h"
#include "pm-types.h"

/* The target grammar of the plans. Parsing never fails: text that is not
 * understood becomes a manual target that keeps it, so nothing is guessed.
 * The parser reads a normalised copy of the text (full-width forms folded to
 * ASCII, spaces removed) with plain prefix matching: no regular expressions,
 * so it is cheap, and safe on any input (see tests/eval/fuzz). */

G_DEFINE_BOXED_TYPE (PmTarget, pm_target, pm_target_copy, pm_target_free)

/* What a text was, beyond its kind: overrides fill a bare number, a range,
 * a fraction or a code into the printed target. */
typedef enum
{
  FORM_FULL,     /* a complete target: ≥95, 45左右, 提高 … */
  FORM_NUMBER,   /* a bare number: 95, 90% */
  FORM_RANGE,    /* 43–47 */
  FORM_FRACTION, /* 1/6 */
  FORM_CODE,     /* W20 */
} Form;

typedef struct
{
  const char *words;
  PmDirection direction;
} DirectionWord;

/* Whole texts only: a word inside a longer text is not a direction. */
static const DirectionWord direction_words[] = {
  { "提高", PM_DIRECTION_HIGHER },
  { "提升", PM_DIRECTION_HIGHER },
  { "增加", PM_DIRECTION_HIGHER },
  { "增长", PM_DIRECTION_HIGHER },
  { "上升", PM_DIRECTION_HIGHER },
  { "逐步提高", PM_DIRECTION_HIGHER },
  { "逐步提升", PM_DIRECTION_HIGHER },
  { "逐步增加", PM_DIRECTION_HIGHER },
  { "巩固提高", PM_DIRECTION_HIGHER },
  { "稳步提高", PM_DIRECTION_HIGHER },
  { "持续提高", PM_DIRECTION_HIGHER },
  { "不断提高", PM_DIRECTION_HIGHER },
  { "有所提高", PM_DIRECTION_HIGHER },
  { "进一步提高", PM_DIRECTION_HIGHER },
  { "逐年提高", PM_DIRECTION_HIGHER_EVERY_YEAR },
  { "逐年提升", PM_DIRECTION_HIGHER_EVERY_YEAR },
  { "逐年增加", PM_DIRECTION_HIGHER_EVERY_YEAR },
  { "逐年上升", PM_DIRECTION_HIGHER_EVERY_YEAR },
  { "降低", PM_DIRECTION_LOWER },
  { "下降", PM_DIRECTION_LOWER },
  { "减少", PM_DIRECTION_LOWER },
  { "逐步降低", PM_DIRECTION_LOWER },
  { "逐步下降", PM_DIRECTION_LOWER },
  { "逐步减少", PM_DIRECTION_LOWER },
  { "持续降低", PM_DIRECTION_LOWER },
  { "持续下降", PM_DIRECTION_LOWER },
  { "有所降低", PM_DIRECTION_LOWER },
  { "有所下降", PM_DIRECTION_LOWER },
  { "逐年降低", PM_DIRECTION_LOWER_EVERY_YEAR },
  { "逐年下降", PM_DIRECTION_LOWER_EVERY_YEAR },
  { "逐年减少", PM_DIRECTION_LOWER_EVERY_YEAR },
  { "控制", PM_DIRECTION_NOT_ABOVE_BASELINE },
  { "得到控制", PM_DIRECTION_NOT_ABOVE_BASELINE },
  { "有效控制", PM_DIRECTION_NOT_ABOVE_BASELINE },
  { "得到有效控制", PM_DIRECTION_NOT_ABOVE_BASELINE },
  { "明显降低", PM_DIRECTION_MARKEDLY_LOWER },
  { "明显下降", PM_DIRECTION_MARKEDLY_LOWER },
  { "明显减少", PM_DIRECTION_MARKEDLY_LOWER },
  { "显著降低", PM_DIRECTION_MARKEDLY_LOWER },
  { "显著下降", PM_DIRECTION_MARKEDLY_LOWER },
  { "趋于平衡", PM_DIRECTION_INTO_RANGE },
};

typedef struct
{
  const char *name;
  const char *code;
} NamedIndicator;

/* Indicators a relative target names in words, and the code of the
 * indicator of the plans that measures it. A project can point a relative
 * target elsewhere with an override (a code such as W20). */
static const NamedIndicator named_indicators[] = {
  /* W21 县党代会女代表比例: 不低于本地区党员总数中女性比例 → W20 全县中国共产党女党员比例 */
  { "本地区党员总数中女性比例", "W20" },
};

typedef struct
{
  const char *words;
  PmComparison comparison;
} OperatorWord;

/* Longest first where one is the prefix of another. */
static const OperatorWord operator_words[] = {
  { "≥", PM_COMPARISON_GE },
  { ">=", PM_COMPARISON_GE },
  { "≤", PM_COMPARISON_LE },
  { "<=", PM_COMPARISON_LE },
  { ">", PM_COMPARISON_GT },
  { "<", PM_COMPARISON_LT },
  { "=", PM_COMPARISON_EQ },
  { "不低于", PM_COMPARISON_GE },
  { "不少于", PM_COMPARISON_GE },
  { "不小于", PM_COMPARISON_GE },
  { "达到", PM_COMPARISON_GE },
  { "不高于", PM_COMPARISON_LE },
  { "不超过", PM_COMPARISON_LE },
  { "不大于", PM_COMPARISON_LE },
  { "高于", PM_COMPARISON_GT },
  { "超过", PM_COMPARISON_GT },
  { "大于", PM_COMPARISON_GT },
  { "低于", PM_COMPARISON_LT },
  { "小于", PM_COMPARISON_LT },
};

/* Longest number the parser reads: anything longer is not a plan figure. */
#define MAX_NUMBER_CHARS 24

static PmTarget *
target_new (PmTargetKind kind,
            const char  *text)
{
  PmTarget *target = g_new0 (PmTarget, 1);

  target->kind = kind;
  target->text = g_strdup (text ? text : "");
  target->value = NAN;
  target->low = NAN;
  target->high = NAN;
  target->ratio_a = NAN;
  target->ratio_b = NAN;
  target->margin = NAN;

  return target;
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0x200B || c == 0xFEFF;
}

static gboolean
is_dash (gunichar c)
{
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0x2E3A || c == 0x2E3B ||
         c == 0xFE58 || c == 0x2500 || c == 0x2501 || c == '-';
}

/* Folds the forms a table may use for the same symbol to one: full-width
 * ASCII (＞＜％０-９．：) to ASCII, ≧≦ to ≥≤, every dash to '-', and drops
 * blanks. text must be valid UTF-8. */
static char *
normalize (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_blank (c))
        continue;
      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      else if (c == 0x2267 || c == 0x2A7E)
        c = 0x2265; /* ≥ */
      else if (c == 0x2266 || c == 0x2A7D)
        c = 0x2264; /* ≤ */
      else if (c == 0x2236)
        c = ':';
      else if (c == 0xFE6A)
        c = '%';
      else if (c == 0x301C)
        c = '~'; /* 〜 */

      if (is_dash (c))
        c = '-';

      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
eat (const char **p,
     const char  *word)
{
  size_t n = strlen (word);

  if (strncmp (*p, word, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

/* Reads digits with an optional decimal part: 82.3, 100, 0.1. */
static gboolean
scan_number (const char **p,
             double      *value)
{
  const char *s = *p;
  const char *q = s;
  char buffer[MAX_NUMBER_CHARS + 1];
  size_t n;

  while (g_ascii_isdigit (*q))
    q++;
  if (q == s)
    return FALSE;
  if (*q == '.' && g_ascii_isdigit (q[1]))
    {
      q++;
      while (g_ascii_isdigit (*q))
        q++;
    }

  n = (size_t) (q - s);
  if (n > MAX_NUMBER_CHARS)
    return FALSE;
  memcpy (buffer, s, n);
  buffer[n] = '\0';
  *value = g_ascii_strtod (buffer, NULL);
  if (!isfinite (*value))
    return FALSE;

  *p = q;
  return TRUE;
}

/* A number and the sign printed after it. */
static gboolean
scan_quantity (const char **p,
               double      *value,
               gboolean    *percent,
               gboolean    *per_mille)
{
  if (!scan_number (p, value))
    return FALSE;
  if (eat (p, "%"))
    *percent = TRUE;
  else if (eat (p, "‰"))
    *per_mille = TRUE;
  return TRUE;
}

/* An indicator code: W20, C10.1, HW3. */
static gboolean
scan_code (const char **p,
           char       **code)
{
  const char *s = *p;
  const char *q = s;

  while (q - s < 4 && g_ascii_isupper (*q))
    q++;
  if (q == s || !g_ascii_isdigit (*q))
    return FALSE;
  while (g_ascii_isdigit (*q) && q - s < 12)
    q++;
  if (*q == '.' && g_ascii_isdigit (q[1]))
    {
      q++;
      while (g_ascii_isdigit (*q) && q - s < 16)
        q++;
    }
  if (g_ascii_isdigit (*q) || g_ascii_isalpha (*q))
    return FALSE;

  *code = g_strndup (s, (gsize) (q - s));
  *p = q;
  return TRUE;
}

/* a/b with a < b, or x% (x < 100): the part of a whole. */
static gboolean
scan_fraction (const char **p,
               double      *fraction)
{
  const char *q = *p;
  double a, b;

  if (!scan_number (&q, &a))
    return FALSE;
  if (eat (&q, "/"))
    {
      if (!scan_number (&q, &b) || b <= 0 || a <= 0 || a >= b)
        return FALSE;
      *fraction = a / b;
    }
  else if (eat (&q, "%"))
    {
      if (a <= 0 || a >= 100)
        return FALSE;
      *fraction = a / 100.0;
    }
  else
    return FALSE;

  *p = q;
  return TRUE;
}

static gboolean
scan_range_separator (const char **p)
{
  return eat (p, "-") || eat (p, "~") || eat (p, "至") || eat (p, "到");
}

static gboolean
only_dashes (const char *s)
{
  if (*s == '\0')
    return TRUE;
  for (; *s; s++)
    if (*s != '-' && *s != '/')
      return FALSE;
  return TRUE;
}

static void
set_band (PmTarget *target,
          double    centre)
{
  target->kind = PM_TARGET_BAND;
  target->value = centre;
  target->low = centre * (1.0 - PM_TARGET_BAND_FRACTION);
  target->high = centre * (1.0 + PM_TARGET_BAND_FRACTION);
}

static void
set_direction (PmTarget   *target,
               PmDirection direction)
{
  target->kind = PM_TARGET_DIRECTION;
  target->direction = direction;
  if (direction == PM_DIRECTION_MARKEDLY_LOWER)
    target->margin = PM_TARGET_MARKED_FRACTION;
  if (direction == PM_DIRECTION_INTO_RANGE)
    {
      target->low = PM_TARGET_BALANCE_LOW;
      target->high = PM_TARGET_BALANCE_HIGH;
    }
}

/* 以2010年为基数下降1/6 */
static gboolean
parse_base_year (const char *s,
                 PmTarget   *target)
{
  const char *p = s;
  double year, fraction;
  gboolean lower;

  if (!eat (&p, "以") || !scan_number (&p, &year) || year < 1900 || year > 2100 ||
      year != floor (year) || !eat (&p, "年为基数"))
    return FALSE;

  if (eat (&p, "下降") || eat (&p, "降低") || eat (&p, "减少"))
    lower = TRUE;
  else if (eat (&p, "提高") || eat (&p, "增加") || eat (&p, "增长") || eat (&p, "上升"))
    lower = FALSE;
  else
    return FALSE;

  if (!scan_fraction (&p, &fraction) || *p != '\0')
    return FALSE;

  target->kind = PM_TARGET_RELATIVE;
  target->relative = PM_RELATIVE_BASE_YEAR;
  target->base_year = (int) year;
  target->value = lower ? 1.0 - fraction : 1.0 + fraction;
  target->comparison = lower ? PM_COMPARISON_LE : PM_COMPARISON_GE;
  return TRUE;
}

/* The words after 不低于 etc. that name another indicator. */
static gboolean
parse_named_reference (const char  *s,
                       PmComparison comparison,
                       gboolean     allow_code,
                       PmTarget    *target)
{
  const char *p = s;
  char *code = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (named_indicators); i++)
    if (g_strcmp0 (s, named_indicators[i].name) == 0)
      {
        target->kind = PM_TARGET_RELATIVE;
        target->relative = PM_RELATIVE_INDICATOR;
        target->comparison = comparison;
        target->reference = g_strdup (named_indicators[i].code);
        target->reference_name = g_strdup (named_indicators[i].name);
        return TRUE;
      }

  if (allow_code && scan_code (&p, &code))
    {
      if (*p != '\0')
        {
          g_free (code);
          return FALSE;
        }
      target->kind = PM_TARGET_RELATIVE;
      target->relative = PM_RELATIVE_INDICATOR;
      target->comparison = comparison;
      target->reference = code;
      return TRUE;
    }

  return FALSE;
}

/* Parses the normalised text s into target (whose kind is MANUAL on entry).
 * allow_extras admits the forms of overrides: a range, a fraction, a code. */
static Form
parse_normalized (const char *s,
                  gboolean    allow_extras,
                  PmTarget   *target)
{
  const char *p = s;
  double number, second;
  gboolean has_operator = FALSE;
  PmComparison comparison = PM_COMPARISON_GE;

  if (only_dashes (s) || g_strcmp0 (s, "无") == 0)
    {
      target->kind = PM_TARGET_NONE;
      return FORM_FULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (direction_words); i++)
    if (g_strcmp0 (s, direction_words[i].words) == 0)
      {
        set_direction (target, direction_words[i].direction);
        return FORM_FULL;
      }

  if (parse_base_year (s, target))
    return FORM_FULL;

  /* a:b */
  if (scan_number (&p, &number) && eat (&p, ":"))
    {
      if (scan_number (&p, &second) && *p == '\0' && number > 0 && second > 0)
        {
          target->kind = PM_TARGET_RATIO;
          target->ratio_a = number;
          target->ratio_b = second;
          target->value = second / number;
        }
      return FORM_FULL;
    }
  p = s;

  if (allow_extras)
    {
      double fraction;

      if (scan_fraction (&p, &fraction) && *p == '\0' && strchr (s, '/') != NULL)
        {
          /* carried as a comparison: only overrides read this form */
          target->kind = PM_TARGET_COMPARISON;
          target->value = fraction;
          return FORM_FRACTION;
        }
      p = s;
      if (parse_named_reference (s, PM_COMPARISON_GE, TRUE, target))
        return FORM_CODE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (operator_words); i++)
    if (eat (&p, operator_words[i].words))
      {
        has_operator = TRUE;
        comparison = operator_words[i].comparison;
        break;
      }

  if (!scan_quantity (&p, &number, &target->percent, &target->per_mille))
    {
      /* 不低于 + the name of another indicator */
      if (has_operator && parse_named_reference (p, comparison, allow_extras, target))
        return FORM_FULL;
      return FORM_FULL; /* manual */
    }

  if (*p == '\0')
    {
      target->kind = PM_TARGET_COMPARISON;
      target->comparison = comparison;
      target->value = number;
      return has_operator ? FORM_FULL : FORM_NUMBER;
    }

  if (has_operator)
    return FORM_FULL; /* manual: ≥90左右 and the like */

  if (eat (&p, "左右") && *p == '\0')
    {
      set_band (target, number);
      return FORM_FULL;
    }
  if ((eat (&p, "及以上") || eat (&p, "以上")) && *p == '\0')
    {
      target->kind = PM_TARGET_COMPARISON;
      target->comparison = PM_COMPARISON_GE;
      target->value = number;
      return FORM_FULL;
    }
  if ((eat (&p, "及以下") || eat (&p, "以下")) && *p == '\0')
    {
      target->kind = PM_TARGET_COMPARISON;
      target->comparison = PM_COMPARISON_LE;
      target->value = number;
      return FORM_FULL;
    }
  if (allow_extras && scan_range_separator (&p) &&
      scan_quantity (&p, &second, &target->percent, &target->per_mille) && *p == '\0' &&
      second >= number)
    {
      target->kind = PM_TARGET_BAND;
      target->value = NAN;
      target->low = number;
      target->high = second;
      return FORM_RANGE;
    }

  target->percent = FALSE;
  target->per_mille = FALSE;
  return FORM_FULL; /* manual */
}

/* Returns: (transfer full): a target parsed from text, and the form of the
 * text. Invalid UTF-8 is made valid and kept as a manual target. */
static PmTarget *
parse_text (const char *text,
            gboolean    allow_extras,
            Form       *form)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *normalized = NULL;
  PmTarget *target;
  Form result;

  if (text == NULL)
    text = "";

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      *form = FORM_FULL;
      return target_new (PM_TARGET_MANUAL, g_strstrip (valid));
    }

  trimmed = g_strstrip (g_strdup (text));
  normalized = normalize (trimmed);
  target = target_new (PM_TARGET_MANUAL, trimmed);
  result = parse_normalized (normalized, allow_extras, target);

  if (target->kind == PM_TARGET_MANUAL)
    {
      /* nothing half-read survives in a manual target */
      g_autofree char *keep = g_steal_pointer (&target->text);

      pm_target_free (target);
      target = target_new (PM_TARGET_MANUAL, keep);
      result = FORM_FULL;
    }

  *form = result;
  return target;
}

/**
 * pm_target_parse:
 * @text: (nullable): a target as printed in the plans
 *
 * Never fails: text that is not understood becomes %PM_TARGET_MANUAL keeping
 * the text, and %NULL, empty or —— becomes %PM_TARGET_NONE.
 *
 * Returns: (transfer full): the target
 */
PmTarget *
pm_target_parse (const char *text)
{
  Form form;

  return parse_text (text, FALSE, &form);
}

PmTarget *
pm_target_copy (const PmTarget *target)
{
  PmTarget *copy;

  g_return_val_if_fail (target != NULL, NULL);

  copy = g_memdup2 (target, sizeof *target);
  copy->text = g_strdup (target->text);
  copy->override = g_strdup (target->override);
  copy->reference = g_strdup (target->reference);
  copy->reference_name = g_strdup (target->reference_name);
  return copy;
}

void
pm_target_free (PmTarget *target)
{
  if (target == NULL)
    return;

  g_free (target->text);
  g_free (target->override);
  g_free (target->reference);
  g_free (target->reference_name);
  g_free (target);
}

static gboolean
override_error (GError    **error,
                const char *override,
                const char *printed,
                const char *why)
{
  g_set_error (error, PM_ERROR, PM_ERROR_INVALID_DATA,
               _("Cannot use “%s” for the target “%s”: %s"), override, printed, why);
  return FALSE;
}

/**
 * pm_target_apply_override:
 * @target: the target as printed
 * @override: (nullable): the project's figures for it
 * @error: return location for a #GError
 *
 * A project may give its own figures for a target: `43-47` for `45左右`,
 * `15%` for `明显降低`, `1/5` for `以2010年为基数下降1/6`, `W20` (an indicator
 * code) for a relative target, a bare number for a comparison, or any
 * complete target (`≥60` for `提高`). The result keeps the printed text and
 * records the override. %NULL or an empty override gives a plain copy.
 *
 * Returns: (transfer full) (nullable): the target with the override, or
 * %NULL with @error set when the override cannot be read or does not fit
 */
PmTarget *
pm_target_apply_override (const PmTarget *target,
                          const char     *override,
                          GError        **error)
{
  g_autoptr (PmTarget) parsed = NULL;
  g_autoptr (PmTarget) result = NULL;
  g_autofree char *trimmed = NULL;
  Form form;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (override && !g_utf8_validate (override, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (override, -1);

      override_error (error, valid, target->text, _("the text is not valid UTF-8"));
      return NULL;
    }

  trimmed = g_strstrip (g_strdup (override ? override : ""));
  if (*trimmed == '\0')
    {
      result = pm_target_copy (target);
      g_clear_pointer (&result->override, g_free);
      return g_steal_pointer (&result);
    }

  parsed = parse_text (trimmed, TRUE, &form);
  if (parsed->kind == PM_TARGET_MANUAL)
    {
      override_error (error, trimmed, target->text,
                      _("write a number (95), a range (43-47), a fraction (1/6), "
                        "an indicator code (W20) or a target such as ≥95"));
      return NULL;
    }

  switch (form)
    {
    case FORM_FULL:
      result = g_steal_pointer (&parsed);
      break;

    case FORM_NUMBER:
      result = pm_target_copy (target);
      if (target->kind == PM_TARGET_COMPARISON)
        {
          result->value = parsed->value;
        }
      else if (target->kind == PM_TARGET_BAND)
        {
          set_band (result, parsed->value);
        }
      else if (target->kind == PM_TARGET_DIRECTION &&
               target->direction == PM_DIRECTION_MARKEDLY_LOWER)
        {
          double margin = parsed->percent ? parsed->value / 100.0 : parsed->value;

          if (!(margin > 0 && margin < 1))
            {
              override_error (error, trimmed, target->text,
                              _("give how far below the baseline as a percentage (15%)"));
              return NULL;
            }
          result->margin = margin;
        }
      else if (target->kind == PM_TARGET_RELATIVE && target->relative == PM_RELATIVE_BASE_YEAR)
        {
          double fraction = parsed->percent ? parsed->value / 100.0 : parsed->value;

          if (!(fraction > 0 && fraction < 1))
            {
              override_error (error, trimmed, target->text,
                              _("give the change as a fraction (1/6) or a percentage (15%)"));
              return NULL;
            }
          result->value = target->value < 1 ? 1.0 - fraction : 1.0 + fraction;
        }
      else if (target->kind == PM_TARGET_RATIO ||
               target->kind == PM_TARGET_RELATIVE ||
               (target->kind == PM_TARGET_DIRECTION &&
                target->direction == PM_DIRECTION_INTO_RANGE))
        {
          override_error (error, trimmed, target->text,
                          target->kind == PM_TARGET_RATIO ? _("give a ratio such as 2:3")
                          : target->kind == PM_TARGET_RELATIVE ? _("give an indicator code such as W20")
                          : _("give a range such as 103-107"));
          return NULL;
        }
      else
        {
          /* a number for a direction, a manual target or none */
          gboolean lower = target->kind == PM_TARGET_DIRECTION && pm_target_is_lower_better (target);

          g_clear_pointer (&result, pm_target_free);
          result = g_steal_pointer (&parsed);
          result->comparison = lower ? PM_COMPARISON_LE : PM_COMPARISON_GE;
        }
      break;

    case FORM_RANGE:
      if (target->kind == PM_TARGET_DIRECTION && target->direction == PM_DIRECTION_INTO_RANGE)
        {
          result = pm_target_copy (target);
          result->low = parsed->low;
          result->high = parsed->high;
        }
      else if (target->kind == PM_TARGET_RATIO || target->kind == PM_TARGET_RELATIVE ||
               (target->kind == PM_TARGET_DIRECTION &&
                target->direction == PM_DIRECTION_MARKEDLY_LOWER))
        {
          override_error (error, trimmed, target->text, _("a range does not fit this target"));
          return NULL;
        }
      else
        {
          result = g_steal_pointer (&parsed);
        }
      break;

    case FORM_FRACTION:
      result = pm_target_copy (target);
      if (target->kind == PM_TARGET_RELATIVE && target->relative == PM_RELATIVE_BASE_YEAR)
        result->value = target->value < 1 ? 1.0 - parsed->value : 1.0 + parsed->value;
      else if (target->kind == PM_TARGET_DIRECTION &&
               target->direction == PM_DIRECTION_MARKEDLY_LOWER)
        result->margin = parsed->value;
      else
        {
          override_error (error, trimmed, target->text, _("a fraction does not fit this target"));
          return NULL;
        }
      break;

    case FORM_CODE:
      if (target->kind == PM_TARGET_RELATIVE && target->relative == PM_RELATIVE_INDICATOR)
        {
          result = pm_target_copy (target);
          g_free (result->reference);
          result->reference = g_strdup (parsed->reference);
        }
      else
        {
          result = g_steal_pointer (&parsed);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  g_free (result->text);
  result->text = g_strdup (target->text);
  g_free (result->override);
  result->override = g_strdup (trimmed);
  return g_steal_pointer (&result);
}

/* Digits enough for the figures of the plans, with trailing zeros dropped:
 * 82.3, 2.5, 0.0137, 100. */
static char *
format_number (double value,
               int    max_decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];
  char *dot;

  if (!isfinite (value))
    return g_strdup ("?");
  if (fabs (value) >= 1e15)
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));

  max_decimals = CLAMP (max_decimals, 0, 9);
  g_snprintf (format, sizeof format, "%%.%df", max_decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  if ((dot = strchr (buffer, '.')))
    {
      char *end = buffer + strlen (buffer) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }
  if (strcmp (buffer, "-0") == 0)
    return g_strdup ("0");

  return g_strdup (buffer);
}

/* The sign or unit printed after a figure: % and ‰ as printed in the target,
 * else the indicator's unit (1/10万 reads 8/10万). */
static const char *
unit_suffix (const PmTarget *target,
             const char     *unit)
{
  if (target && target->percent)
    return "%";
  if (target && target->per_mille)
    return "‰";
  if (unit == NULL || !g_utf8_validate (unit, -1, NULL))
    return "";
  if (g_str_has_prefix (unit, "1/"))
    return unit + 1;
  return unit;
}

static char *
figure (const PmTarget *target,
        double          value,
        const char     *unit)
{
  g_autofree char *number = format_number (value, 6);

  return g_strconcat (number, unit_suffix (target, unit), NULL);
}

/**
 * pm_target_format_value:
 * @target: (nullable): the target the value is judged against
 * @value: a value
 * @unit: (nullable): the indicator's unit
 * @max_decimals: decimals at most (trailing zeros are dropped)
 *
 * Returns: (transfer full): @value as a person reads it beside @target:
 * 95.2%, 2.3‰, 7.5/10万, 80.9岁, 1:1.4 for a ratio target
 */
char *
pm_target_format_value (const PmTarget *target,
                        double          value,
                        const char     *unit,
                        int             max_decimals)
{
  g_autofree char *number = format_number (value, max_decimals);

  if (target && target->kind == PM_TARGET_RATIO)
    return g_strconcat ("1:", number, NULL);

  return g_strconcat (number, unit_suffix (target, unit), NULL);
}

static const char *
comparison_symbol (PmComparison comparison)
{
  switch (comparison)
    {
    case PM_COMPARISON_GE:
      return "≥";
    case PM_COMPARISON_GT:
      return "＞";
    case PM_COMPARISON_LE:
      return "≤";
    case PM_COMPARISON_LT:
      return "＜";
    case PM_COMPARISON_EQ:
    default:
      return "＝";
    }
}

/* 1/6 where the fraction is one over a whole number, else a percentage. */
static char *
format_fraction (double fraction)
{
  double inverse = 1.0 / fraction;
  g_autofree char *percent = NULL;

  if (round (inverse) >= 2 && round (inverse) <= 1000 && fabs (inverse - round (inverse)) < 1e-6)
    return g_strdup_printf ("1/%d", (int) round (inverse));

  percent = format_number (fraction * 100.0, 2);
  return g_strconcat (percent, "%", NULL);
}

/**
 * pm_target_describe:
 * @target: a target
 * @unit: (nullable): the indicator's unit, printed after the figures
 *
 * Returns: (transfer full): the target in words and figures for a person
 * (≥82.3岁, about 45%, higher every year …), translated
 */
char *
pm_target_describe (const PmTarget *target,
                    const char     *unit)
{
  g_return_val_if_fail (target != NULL, NULL);

  switch (target->kind)
    {
    case PM_TARGET_NONE:
      return g_strdup (_("no target"));

    case PM_TARGET_COMPARISON:
      {
        g_autofree char *number = figure (target, target->value, unit);

        return g_strconcat (comparison_symbol (target->comparison), number, NULL);
      }

    case PM_TARGET_BAND:
      if (isfinite (target->value) &&
          fabs (target->low - target->value * (1.0 - PM_TARGET_BAND_FRACTION)) < 1e-9 &&
          fabs (target->high - target->value * (1.0 + PM_TARGET_BAND_FRACTION)) < 1e-9)
        {
          g_autofree char *centre = figure (target, target->value, unit);

          /* TRANSLATORS: a target band: "about 45%" (45%左右) */
          return g_strdup_printf (_("about %s"), centre);
        }
      else
        {
          g_autofree char *low = format_number (target->low, 6);
          g_autofree char *high = figure (target, target->high, unit);

          return g_strdup_printf ("%s–%s", low, high);
        }

    case PM_TARGET_RATIO:
      {
        g_autofree char *a = format_number (target->ratio_a, 6);
        g_autofree char *b = format_number (target->ratio_b, 6);

        return g_strdup_printf ("%s:%s", a, b);
      }

    case PM_TARGET_DIRECTION:
      switch (target->direction)
        {
        case PM_DIRECTION_HIGHER:
          return g_strdup (_("to rise"));
        case PM_DIRECTION_HIGHER_EVERY_YEAR:
          return g_strdup (_("to rise every year"));
        case PM_DIRECTION_LOWER:
          return g_strdup (_("to fall"));
        case PM_DIRECTION_LOWER_EVERY_YEAR:
          return g_strdup (_("to fall every year"));
        case PM_DIRECTION_NOT_ABOVE_BASELINE:
          return g_strdup (_("to stay under control (not above the baseline)"));
        case PM_DIRECTION_MARKEDLY_LOWER:
          {
            g_autofree char *number = format_number (target->margin * 100.0, 2);
            g_autofree char *margin = g_strconcat (number, "%", NULL);

            /* TRANSLATORS: 明显降低; %s is a percentage such as 10% */
            return g_strdup_printf (_("to fall markedly (at least %s below the baseline)"), margin);
          }
        case PM_DIRECTION_INTO_RANGE:
        default:
          {
            g_autofree char *low = format_number (target->low, 6);
            g_autofree char *high = format_number (target->high, 6);

            /* TRANSLATORS: 趋于平衡; the range of the sex ratio at birth, 103–107 */
            return g_strdup_printf (_("to move towards balance (%s–%s)"), low, high);
          }
        }

    case PM_TARGET_RELATIVE:
      if (target->relative == PM_RELATIVE_INDICATOR)
        {
          const char *name = target->reference_name ? target->reference_name
                             : target->reference ? target->reference : "?";

          if (target->comparison == PM_COMPARISON_GE)
            /* TRANSLATORS: %s names another indicator: 不低于同年%s */
            return g_strdup_printf (_("not below %s of the same year"), name);
          if (target->comparison == PM_COMPARISON_LE)
            return g_strdup_printf (_("not above %s of the same year"), name);
          return g_strconcat (comparison_symbol (target->comparison), name, NULL);
        }
      else
        {
          g_autofree char *fraction = format_fraction (fabs (1.0 - target->value));

          if (target->value < 1)
            /* TRANSLATORS: 以2010年为基数下降1/6: "1/6 below the 2010 value";
             * %1$s is the fraction, %2$d the year */
            return g_strdup_printf (_("%1$s below the %2$d value"), fraction, target->base_year);
          /* TRANSLATORS: 以2010年为基数提高20%: "20% above the 2010 value" */
          return g_strdup_printf (_("%1$s above the %2$d value"), fraction, target->base_year);
        }

    case PM_TARGET_MANUAL:
    default:
      return g_strdup (target->text);
    }
}

/* Returns: whether the target has a figure or a direction to judge by:
 * everything but no target and a manual one */
gboolean
pm_target_is_measurable (const PmTarget *target)
{
  g_return_val_if_fail (target != NULL, FALSE);

  return target->kind != PM_TARGET_NONE && target->kind != PM_TARGET_MANUAL;
}

/* Returns: whether a lower value is better (≤, <, 降低, 得到控制, 下降1/6 …).
 * Bands, ranges, ratios and = are neither: FALSE. */
gboolean
pm_target_is_lower_better (const PmTarget *target)
{
  g_return_val_if_fail (target != NULL, FALSE);

  switch (target->kind)
    {
    case PM_TARGET_COMPARISON:
    case PM_TARGET_RELATIVE:
      return target->comparison == PM_COMPARISON_LE || target->comparison == PM_COMPARISON_LT;
    case PM_TARGET_DIRECTION:
      return target->direction == PM_DIRECTION_LOWER ||
             target->direction == PM_DIRECTION_LOWER_EVERY_YEAR ||
             target->direction == PM_DIRECTION_NOT_ABOVE_BASELINE ||
             target->direction == PM_DIRECTION_MARKEDLY_LOWER;
    case PM_TARGET_NONE:
    case PM_TARGET_BAND:
    case PM_TARGET_RATIO:
    case PM_TARGET_MANUAL:
    default:
      return FALSE;
    }
}

/* Returns: whether the target is judged against the baseline (directions,
 * but 趋于平衡 which has its own range) */
gboolean
pm_target_needs_baseline (const PmTarget *target)
{
  g_return_val_if_fail (target != NULL, FALSE);

  return target->kind == PM_TARGET_DIRECTION && target->direction != PM_DIRECTION_INTO_RANGE;
}

void
pm_target_context_init (PmTargetContext *context)
{
  g_return_if_fail (context != NULL);

  context->baseline = NAN;
  context->previous = NAN;
  context->reference = NAN;
  context->base_value = NAN;
}

/* Figures of the plans come from decimal text: allow for rounding in
 * products such as 5/6 × 3. */
static double
tolerance (double threshold)
{
  return 1e-9 * MAX (1.0, fabs (threshold));
}

static gboolean
compare (double       value,
         PmComparison comparison,
         double       threshold)
{
  double eps = tolerance (threshold);

  switch (comparison)
    {
    case PM_COMPARISON_GE:
      return value >= threshold - eps;
    case PM_COMPARISON_GT:
      return value > threshold + eps;
    case PM_COMPARISON_LE:
      return value <= threshold + eps;
    case PM_COMPARISON_LT:
      return value < threshold - eps;
    case PM_COMPARISON_EQ:
    default:
      return fabs (value - threshold) <= eps;
    }
}

static PmTargetCheck
check_of (gboolean met)
{
  return met ? PM_TARGET_CHECK_MET : PM_TARGET_CHECK_NOT_MET;
}

static gboolean
in_range (double value,
          double low,
          double high)
{
  return value >= low - tolerance (low) && value <= high + tolerance (high);
}

/**
 * pm_target_check:
 * @target: a target
 * @value: the value to judge
 * @context: (nullable): the baseline, previous, reference and base-year values
 *
 * Returns: whether @value meets @target, or %PM_TARGET_CHECK_UNKNOWN when
 * that cannot be said (no target, manual, a figure of @context missing)
 */
PmTargetCheck
pm_target_check (const PmTarget        *target,
                 double                 value,
                 const PmTargetContext *context)
{
  PmTargetContext empty;

  g_return_val_if_fail (target != NULL, PM_TARGET_CHECK_UNKNOWN);

  if (context == NULL)
    {
      pm_target_context_init (&empty);
      context = &empty;
    }

  if (!isfinite (value))
    return PM_TARGET_CHECK_UNKNOWN;

  switch (target->kind)
    {
    case PM_TARGET_COMPARISON:
      return check_of (compare (value, target->comparison, target->value));

    case PM_TARGET_BAND:
      return check_of (in_range (value, target->low, target->high));

    case PM_TARGET_RATIO:
      return check_of (compare (value, PM_COMPARISON_GE, target->value));

    case PM_TARGET_DIRECTION:
      {
        double baseline = context->baseline;
        double previous = context->previous;

        if (target->direction == PM_DIRECTION_INTO_RANGE)
          return check_of (in_range (value, target->low, target->high));
        if (!isfinite (baseline))
          return PM_TARGET_CHECK_UNKNOWN;

        switch (target->direction)
          {
          case PM_DIRECTION_HIGHER:
            return check_of (compare (value, PM_COMPARISON_GT, baseline));
          case PM_DIRECTION_HIGHER_EVERY_YEAR:
            return check_of (compare (value, PM_COMPARISON_GT, baseline) &&
                             (!isfinite (previous) || compare (value, PM_COMPARISON_GT, previous)));
          case PM_DIRECTION_LOWER:
            return check_of (compare (value, PM_COMPARISON_LT, baseline));
          case PM_DIRECTION_LOWER_EVERY_YEAR:
            return check_of (compare (value, PM_COMPARISON_LT, baseline) &&
                             (!isfinite (previous) || compare (value, PM_COMPARISON_LT, previous)));
          case PM_DIRECTION_NOT_ABOVE_BASELINE:
            return check_of (compare (value, PM_COMPARISON_LE, baseline));
          case PM_DIRECTION_MARKEDLY_LOWER:
            return check_of (compare (value, PM_COMPARISON_LE, baseline * (1.0 - target->margin)));
          case PM_DIRECTION_INTO_RANGE:
          default:
            break;
          }
        return PM_TARGET_CHECK_UNKNOWN;
      }

    case PM_TARGET_RELATIVE:
      if (target->relative == PM_RELATIVE_INDICATOR)
        {
          if (!isfinite (context->reference))
            return PM_TARGET_CHECK_UNKNOWN;
          return check_of (compare (value, target->comparison, context->reference));
        }
      if (!isfinite (context->base_value))
        return PM_TARGET_CHECK_UNKNOWN;
      return check_of (compare (value, target->comparison, target->value * context->base_value));

    case PM_TARGET_NONE:
    case PM_TARGET_MANUAL:
    default:
      return PM_TARGET_CHECK_UNKNOWN;
    }
}

/* Returns: TRUE when @value meets @target (see pm_target_check ()) */
gboolean
pm_target_is_met (const PmTarget        *target,
                  double                 value,
                  const PmTargetContext *context)
{
  return pm_target_check (target, value, context) == PM_TARGET_CHECK_MET;
}

/* The bound of a band or range on the side of value. */
static double
range_goal (const PmTarget *target,
            double          value,
            gboolean       *lower)
{
  *lower = FALSE;
  if (isfinite (value) && value > target->high)
    {
      *lower = TRUE;
      return target->high;
    }
  if (isfinite (value) && value < target->low)
    return target->low;
  return isfinite (target->value) ? target->value : (target->low + target->high) / 2;
}

/**
 * pm_target_get_goal:
 * @target: a target
 * @context: (nullable): as for pm_target_check ()
 * @value: the latest value: it picks the side of a band or range
 * @goal: (out): the figure to reach
 * @lower_better: (out) (optional): whether the goal is reached from above
 *
 * The figure progress is measured against: the threshold of a comparison,
 * the nearer bound of a band or range, b/a of a ratio, the baseline less the
 * margin for 明显降低, the reference or base-year figure of a relative target.
 *
 * Returns: FALSE when the target has no figure (a plain direction, manual,
 * none) or a figure of @context is missing
 */
gboolean
pm_target_get_goal (const PmTarget        *target,
                    const PmTargetContext *context,
                    double                 value,
                    double                *goal,
                    gboolean              *lower_better)
{
  PmTargetContext empty;
  gboolean lower = FALSE;
  double result;

  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (goal != NULL, FALSE);

  if (context == NULL)
    {
      pm_target_context_init (&empty);
      context = &empty;
    }

  switch (target->kind)
    {
    case PM_TARGET_COMPARISON:
      result = target->value;
      lower = target->comparison == PM_COMPARISON_EQ ? value > result
                                                     : pm_target_is_lower_better (target);
      break;

    case PM_TARGET_RATIO:
      result = target->value;
      break;

    case PM_TARGET_BAND:
      result = range_goal (target, value, &lower);
      break;

    case PM_TARGET_DIRECTION:
      if (target->direction == PM_DIRECTION_INTO_RANGE)
        {
          result = range_goal (target, value, &lower);
          break;
        }
      if (target->direction != PM_DIRECTION_MARKEDLY_LOWER || !isfinite (context->baseline))
        return FALSE;
      result = context->baseline * (1.0 - target->margin);
      lower = TRUE;
      break;

    case PM_TARGET_RELATIVE:
      if (target->relative == PM_RELATIVE_INDICATOR)
        {
          if (!isfinite (context->reference))
            return FALSE;
          result = context->reference;
        }
      else
        {
          if (!isfinite (context->base_value))
            return FALSE;
          result = target->value * context->base_value;
        }
      lower = pm_target_is_lower_better (target);
      break;

    case PM_TARGET_NONE:
    case PM_TARGET_MANUAL:
    default:
      return FALSE;
    }

  *goal = result;
  if (lower_better)
    *lower_better = lower;
  return TRUE;
}

/**
 * pm_target_parse_ratio:
 * @text: (nullable): an observed value as entered: `1:1.4`, `1.4`
 * @value: (out): b/a for a:b, else the number
 *
 * Returns: whether @text was read
 */
gboolean
pm_target_parse_ratio (const char *text,
                       double     *value)
{
  g_autofree char *normalized = NULL;
  const char *p;
  double a, b;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  normalized = normalize (text);
  p = normalized;
  if (!scan_number (&p, &a))
    return FALSE;
  if (*p == '\0')
    {
      *value = a;
      return TRUE;
    }
  if (!eat (&p, ":") || !scan_number (&p, &b) || *p != '\0' || a <= 0)
    return FALSE;

  *value = b / a;
  return TRUE;
}
