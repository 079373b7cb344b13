/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pm-language.h"

/* Whether text holds a Chinese character. */
static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

static void
test_document_string_is_chinese_whatever_the_locale (void)
{
  /* the test environment: LC_ALL=C.UTF-8, no LANGUAGE, so _() is English */
  g_assert_null (g_getenv ("LANGUAGE"));
  g_assert_cmpstr (_("Code"), ==, "Code");

  g_assert_true (has_han (D_ (PM_LANGUAGE_ZH_CN, "Code")));
  g_assert_true (has_han (DC_ (PM_LANGUAGE_ZH_CN, "status", "Achieved")));
  g_assert_true (has_han (DN_ (PM_LANGUAGE_ZH_CN, "Paste %u value", "Paste %u values", 3)));
}

static void
test_english_document_string_is_the_source_string (void)
{
  g_assert_cmpstr (D_ (PM_LANGUAGE_EN, "Code"), ==, "Code");
  g_assert_cmpstr (DC_ (PM_LANGUAGE_EN, "status", "Achieved"), ==, "Achieved");
  g_assert_cmpstr (DN_ (PM_LANGUAGE_EN, "Paste %u value", "Paste %u values", 1), ==, "Paste %u value");
  g_assert_cmpstr (DN_ (PM_LANGUAGE_EN, "Paste %u value", "Paste %u values", 2), ==, "Paste %u values");
}

static void
test_string_without_translation_is_returned_as_it_is (void)
{
  const char *msgid = "A sentence that no catalogue holds";

  g_assert_true (D_ (PM_LANGUAGE_ZH_CN, msgid) == msgid);
  g_assert_true (DC_ (PM_LANGUAGE_ZH_CN, "status", "Code") != NULL);
  g_assert_cmpstr (DC_ (PM_LANGUAGE_ZH_CN, "no such context", "Code"), ==, "Code");
  g_assert_cmpstr (D_ (PM_LANGUAGE_ZH_CN, ""), ==, "");
}

static guint32
word_at (const guint8 *data,
         gsize         offset)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return GUINT32_FROM_LE (word);
}

/* Every message of the catalogue, looked up by pm_doc_*gettext () without a
 * Chinese locale, against GNU gettext with LANGUAGE=zh_CN and the build's
 * catalogue (PM_LOCALEDIR). */
static void
compare_every_message_with_gettext (void)
{
  g_autoptr (GBytes) bytes = NULL;
  const guint8 *data;
  guint32 n, originals;
  guint compared = 0, plurals = 0, contexts = 0;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PM_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Code"), !=, "Code");

  bytes = g_resources_lookup_data ("/io/github/planmonitor/PlanMonitor/po/zh_CN.mo",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      /* registered by the first lookup */
      (void) D_ (PM_LANGUAGE_ZH_CN, "Code");
      bytes = g_resources_lookup_data ("/io/github/planmonitor/PlanMonitor/po/zh_CN.mo",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_cmphex (word_at (data, 0), ==, 0x950412de);
  n = word_at (data, 8);
  originals = word_at (data, 12);

  for (guint32 i = 0; i < n; i++)
    {
      guint32 length = word_at (data, originals + 8 * i);
      const char *original = (const char *) data + word_at (data, originals + 8 * i + 4);
      const char *context_end = strchr (original, '\004');
      gsize first = strlen (original);

      if (length == 0)
        continue; /* the header */
      if (first < length)
        {
          const char *plural = original + first + 1;

          g_assert_cmpstr (DN_ (PM_LANGUAGE_ZH_CN, original, plural, 1), ==,
                           g_dngettext (GETTEXT_PACKAGE, original, plural, 1));
          g_assert_cmpstr (DN_ (PM_LANGUAGE_ZH_CN, original, plural, 7), ==,
                           g_dngettext (GETTEXT_PACKAGE, original, plural, 7));
          plurals++;
        }
      else if (context_end)
        {
          g_autofree char *context = g_strndup (original, context_end - original);

          g_assert_cmpstr (DC_ (PM_LANGUAGE_ZH_CN, context, context_end + 1), ==,
                           g_dpgettext2 (GETTEXT_PACKAGE, context, context_end + 1));
          contexts++;
        }
      else
        {
          g_assert_cmpstr (D_ (PM_LANGUAGE_ZH_CN, original), ==,
                           g_dgettext (GETTEXT_PACKAGE, original));
        }
      compared++;
    }

  g_assert_cmpuint (compared, >, 500);
  g_assert_cmpuint (plurals, >, 0);
  g_assert_cmpuint (contexts, >, 0);
}

static void
test_every_message_reads_as_gnu_gettext_reads_it (void)
{
  if (g_test_subprocess ())
    {
      compare_every_message_with_gettext ();
      return;
    }
  /* in a subprocess: LANGUAGE is not to change the other tests */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static gpointer
look_up_many (gpointer data)
{
  const char *first = D_ (PM_LANGUAGE_ZH_CN, "Code");

  for (int i = 0; i < 20000; i++)
    if (D_ (PM_LANGUAGE_ZH_CN, "Code") != first ||
        !has_han (DC_ (PM_LANGUAGE_ZH_CN, "status", "On track")))
      return GINT_TO_POINTER (FALSE);
  return GINT_TO_POINTER (has_han (first));
}

static void
test_threads_looking_up_at_once_read_the_same_catalogue (void)
{
  if (g_test_subprocess ())
    {
      GThread *threads[8];

      /* the first lookups of this process, all at once */
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("lookup", look_up_many, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_language_names_are_read_and_written (void)
{
  PmLanguage language = PM_LANGUAGE_UI;

  g_assert_true (pm_language_from_string ("zh_CN", &language));
  g_assert_cmpint (language, ==, PM_LANGUAGE_ZH_CN);
  g_assert_true (pm_language_from_string ("en", &language));
  g_assert_cmpint (language, ==, PM_LANGUAGE_EN);
  g_assert_true (pm_language_from_string ("zh-CN", &language));
  g_assert_cmpint (language, ==, PM_LANGUAGE_ZH_CN);
  g_assert_true (pm_language_from_string ("en_GB.UTF-8", &language));
  g_assert_cmpint (language, ==, PM_LANGUAGE_EN);

  g_assert_false (pm_language_from_string ("fr", &language));
  g_assert_false (pm_language_from_string ("zh_TW", &language));
  g_assert_false (pm_language_from_string ("english", &language));
  g_assert_false (pm_language_from_string (NULL, &language));

  for (PmLanguage each = PM_LANGUAGE_ZH_CN; each <= PM_LANGUAGE_EN; each++)
    {
      g_assert_true (pm_language_from_string (pm_language_to_string (each), &language));
      g_assert_cmpint (language, ==, each);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language/document-string-is-chinese-whatever-the-locale",
                   test_document_string_is_chinese_whatever_the_locale);
  g_test_add_func ("/language/english-document-string-is-the-source-string",
                   test_english_document_string_is_the_source_string);
  g_test_add_func ("/language/string-without-translation-is-returned-as-it-is",
                   test_string_without_translation_is_returned_as_it_is);
  g_test_add_func ("/language/every-message-reads-as-gnu-gettext-reads-it",
                   test_every_message_reads_as_gnu_gettext_reads_it);
  g_test_add_func ("/language/threads-looking-up-at-once-read-the-same-catalogue",
                   test_threads_looking_up_at_once_read_the_same_catalogue);
  g_test_add_func ("/language/language-names-are-read-and-written",
                   test_language_names_are_read_and_written);

  return g_test_run ();
}
