/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The language of a document (PDF, XLSX, CSV, chart), a setting of the
 * project: Chinese unless the project or --language says English, whatever
 * the locale. The window's own text follows the locale (_()). */
typedef enum
{
  PM_LANGUAGE_ZH_CN, /* zh_CN: the default, and the zero value */
  PM_LANGUAGE_EN,    /* en: the English source strings */
  PM_LANGUAGE_UI,    /* not a document language: the locale's, as _() */
} PmLanguage;

#define PM_LANGUAGE_DEFAULT PM_LANGUAGE_ZH_CN

const char *pm_language_to_string (PmLanguage language);
gboolean pm_language_from_string (const char *text,
                                  PmLanguage *language);
gboolean pm_language_is_document (PmLanguage language);

/* The translation of msgid in a language, looked up in the zh_CN catalogue
 * built into the program whatever the locale: thread-safe, the catalogue is
 * read once. Returns msgid itself where there is no translation, and the
 * result lives as long as the program. */
const char *pm_doc_gettext (PmLanguage  language,
                            const char *msgid) G_GNUC_FORMAT (2);
/* The same for a msgid with a context (msgctxt). */
const char *pm_doc_pgettext (PmLanguage  language,
                             const char *context,
                             const char *msgid) G_GNUC_FORMAT (3);
/* The same for a msgid with a plural. */
const char *pm_doc_ngettext (PmLanguage  language,
                             const char *msgid,
                             const char *msgid_plural,
                             gulong      n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

/* Marks for xgettext (po/meson.build adds the keywords D_:2, DC_:2c,3 and
 * DN_:2,3): the strings of documents are extracted like those of _(). */
#define D_(language, msgid) pm_doc_gettext ((language), (msgid))
#define DC_(language, context, msgid) pm_doc_pgettext ((language), (context), (msgid))
#define DN_(language, msgid, msgid_plural, n) \
  pm_doc_ngettext ((language), (msgid), (msgid_plural), (n))

G_END_DECLS
