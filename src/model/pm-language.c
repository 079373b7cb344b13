/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plan-monitor"

#include "config.h"

#include "pm-language.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pm-doc-resources.h"

/* The zh_CN catalogue is po/zh_CN.po compiled by msgfmt into a GNU .mo file
 * and built into the program as a resource (resources/pm-doc.gresource.xml),
 * so that documents are Chinese whatever the locale. gettext chooses its
 * catalogue by the process locale (and LANGUAGE, which is process-wide):
 * neither can change for one document written in a thread.
 *
 * The .mo format: a header of 32-bit words (magic 0x950412de in the byte
 * order of the file, revision, the number of strings N, the offsets of the
 * table of originals and of translations), then two tables of N (length,
 * offset) pairs. The originals are sorted bytewise: a binary search finds a
 * msgid. A msgid with a context is "context\004msgid"; one with a plural is
 * "msgid\0msgid_plural", and its translation the forms, NUL-separated
 * (zh_CN has one form). */

#define MO_MAGIC 0x950412deU
#define CATALOGUE_RESOURCE "/io/github/planmonitor/PlanMonitor/po/zh_CN.mo"

typedef struct
{
  GBytes *bytes;
  const guint8 *data;
  gsize size;
  gboolean swapped;
  guint32 n_strings;
  guint32 originals;
  guint32 translations;
} Catalogue;

static guint32
read_word (const Catalogue *catalogue,
           gsize            offset)
{
  guint32 word;

  memcpy (&word, catalogue->data + offset, sizeof word);
  return catalogue->swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* Whether entry i of the table at offset is inside the file, NUL-ended. */
static gboolean
entry_is_valid (const Catalogue *catalogue,
                guint32          table,
                guint32          i)
{
  guint32 length = read_word (catalogue, table + 8 * (gsize) i);
  guint32 offset = read_word (catalogue, table + 8 * (gsize) i + 4);

  return (gsize) offset + length < catalogue->size && catalogue->data[offset + length] == '\0';
}

static gboolean
catalogue_load (Catalogue *catalogue)
{
  guint32 magic;

  g_resources_register (pm_doc_get_resource ());
  catalogue->bytes = g_resources_lookup_data (CATALOGUE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                              NULL);
  if (catalogue->bytes == NULL)
    return FALSE;
  catalogue->data = g_bytes_get_data (catalogue->bytes, &catalogue->size);
  if (catalogue->size < 28)
    return FALSE;

  memcpy (&magic, catalogue->data, sizeof magic);
  if (magic == MO_MAGIC)
    catalogue->swapped = FALSE;
  else if (GUINT32_SWAP_LE_BE (magic) == MO_MAGIC)
    catalogue->swapped = TRUE;
  else
    return FALSE;

  catalogue->n_strings = read_word (catalogue, 8);
  catalogue->originals = read_word (catalogue, 12);
  catalogue->translations = read_word (catalogue, 16);
  if ((gsize) catalogue->originals + 8 * (gsize) catalogue->n_strings > catalogue->size ||
      (gsize) catalogue->translations + 8 * (gsize) catalogue->n_strings > catalogue->size)
    return FALSE;

  /* checked once, so that a lookup reads no further than the file */
  for (guint32 i = 0; i < catalogue->n_strings; i++)
    if (!entry_is_valid (catalogue, catalogue->originals, i) ||
        !entry_is_valid (catalogue, catalogue->translations, i))
      return FALSE;

  return TRUE;
}

static const Catalogue *
get_catalogue (void)
{
  static Catalogue catalogue;
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      if (!catalogue_load (&catalogue))
        {
          g_clear_pointer (&catalogue.bytes, g_bytes_unref);
          catalogue.n_strings = 0;
          g_critical ("The zh_CN catalogue of the documents is missing from this build or damaged");
        }
      g_once_init_leave (&loaded, 1);
    }

  return &catalogue;
}

/* The translation of key (key_length bytes, NUL-ended or not), or NULL. */
static const char *
lookup (const char *key,
        gsize       key_length)
{
  const Catalogue *catalogue = get_catalogue ();
  guint32 low = 0, high = catalogue->n_strings;

  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      guint32 length = read_word (catalogue, catalogue->originals + 8 * (gsize) middle);
      guint32 offset = read_word (catalogue, catalogue->originals + 8 * (gsize) middle + 4);
      const char *original = (const char *) catalogue->data + offset;
      int order = memcmp (key, original, MIN (key_length, length));

      if (order == 0)
        order = key_length < length ? -1 : key_length > length ? 1 : 0;
      if (order == 0)
        {
          guint32 translated =
            read_word (catalogue, catalogue->translations + 8 * (gsize) middle + 4);
          const char *translation = (const char *) catalogue->data + translated;

          return translation[0] != '\0' ? translation : NULL;
        }
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }

  return NULL;
}

/* Returns: the name of a document language: "zh_CN" or "en" */
const char *
pm_language_to_string (PmLanguage language)
{
  switch (language)
    {
    case PM_LANGUAGE_ZH_CN:
      return "zh_CN";
    case PM_LANGUAGE_EN:
      return "en";
    case PM_LANGUAGE_UI:
    default:
      return "ui";
    }
}

/**
 * pm_language_from_string:
 * @text: (nullable): zh_CN (zh-CN, zh, zh_CN.UTF-8) or en (en_US …)
 * @language: (out): the document language
 *
 * Returns: whether @text names a document language
 */
gboolean
pm_language_from_string (const char *text,
                         PmLanguage *language)
{
  g_return_val_if_fail (language != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (g_ascii_strncasecmp (text, "zh", 2) == 0 &&
      (text[2] == '\0' || g_ascii_strncasecmp (text + 2, "_CN", 3) == 0 ||
       g_ascii_strncasecmp (text + 2, "-CN", 3) == 0) &&
      (text[2] == '\0' || text[5] == '\0' || text[5] == '.'))
    {
      *language = PM_LANGUAGE_ZH_CN;
      return TRUE;
    }
  if (g_ascii_strncasecmp (text, "en", 2) == 0 &&
      (text[2] == '\0' || text[2] == '_' || text[2] == '-' || text[2] == '.'))
    {
      *language = PM_LANGUAGE_EN;
      return TRUE;
    }

  return FALSE;
}

/* Returns: whether language is one a document is written in */
gboolean
pm_language_is_document (PmLanguage language)
{
  return language == PM_LANGUAGE_ZH_CN || language == PM_LANGUAGE_EN;
}

const char *
pm_doc_gettext (PmLanguage  language,
                const char *msgid)
{
  const char *translation;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (language == PM_LANGUAGE_UI)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (language != PM_LANGUAGE_ZH_CN || msgid[0] == '\0')
    return msgid;

  translation = lookup (msgid, strlen (msgid));
  return translation ? translation : msgid;
}

const char *
pm_doc_pgettext (PmLanguage  language,
                 const char *context,
                 const char *msgid)
{
  g_autofree char *allocated = NULL;
  char buffer[256];
  char *key = buffer;
  gsize context_length, msgid_length;
  const char *translation;

  g_return_val_if_fail (context != NULL && msgid != NULL, NULL);

  if (language == PM_LANGUAGE_UI)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  if (language != PM_LANGUAGE_ZH_CN)
    return msgid;

  /* the key is "context\004msgid" */
  context_length = strlen (context);
  msgid_length = strlen (msgid);
  if (context_length + 1 + msgid_length > sizeof buffer)
    key = allocated = g_malloc (context_length + 1 + msgid_length);
  memcpy (key, context, context_length);
  key[context_length] = '\004';
  memcpy (key + context_length + 1, msgid, msgid_length);
  translation = lookup (key, context_length + 1 + msgid_length);
  return translation ? translation : msgid;
}

const char *
pm_doc_ngettext (PmLanguage  language,
                 const char *msgid,
                 const char *msgid_plural,
                 gulong      n)
{
  g_autofree char *key = NULL;
  gsize msgid_length, plural_length;
  const char *translation;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  if (language == PM_LANGUAGE_UI)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  if (language != PM_LANGUAGE_ZH_CN)
    return n == 1 ? msgid : msgid_plural;

  /* the key is "msgid\0msgid_plural"; zh_CN has one form, the first */
  msgid_length = strlen (msgid);
  plural_length = strlen (msgid_plural);
  key = g_malloc (msgid_length + 1 + plural_length + 1);
  memcpy (key, msgid, msgid_length + 1);
  memcpy (key + msgid_length + 1, msgid_plural, plural_length + 1);
  translation = lookup (key, msgid_length + 1 + plural_length);
  if (translation)
    return translation;
  return n == 1 ? msgid : msgid_plural;
}
