/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pm-language.h"

G_BEGIN_DECLS

/* A paginated A4 document written as PDF with Cairo and Pango: headings,
 * paragraphs and tables whose rows wrap their text, break across pages
 * with the header row repeated, and are never clipped. Pages carry
 * "Page N of M" at the foot. Chinese text is set in Noto Sans CJK SC with
 * the Pango language zh-cn.
 *
 * Content is added in parts; each part starts on a new page in its own
 * orientation, and may restart the page numbering (one department's
 * schedule in a document of several). */

typedef enum
{
  PM_PDF_PORTRAIT,
  PM_PDF_LANDSCAPE,
} PmPdfOrientation;

/* What a table column holds, for how its text may wrap. Header cells are
 * never broken inside a word (a CJK header is one word), and a column is
 * made at least as wide as its header and its widest unbroken item, taking
 * the room from the text columns. */
typedef enum
{
  PM_PDF_COLUMN_TEXT,   /* running text: wraps between any characters */
  PM_PDF_COLUMN_ITEMS,  /* names, a list of them separated by 、，； or
                         * lines: wraps only between the names */
  PM_PDF_COLUMN_KEY,    /* the row's code, as ITEMS; repeated, marked as
                         * continued, where the row goes on to a new page */
} PmPdfColumnKind;

typedef enum
{
  PM_PDF_TEXT_BODY,
  PM_PDF_TEXT_NOTE,   /* smaller, grey */
} PmPdfTextStyle;

/* Where a piece of a table cell was drawn, in points from the top left of
 * its page: the cell's box, and the text drawn inside it. */
typedef struct
{
  guint page;            /* from 0 */
  double x, y, width, height;
  double text_x, text_y, text_width, text_height;
  guint n_lines;
} PmPdfCellFragment;

#define PM_PDF_A4_WIDTH  595.2756  /* 210 mm in points */
#define PM_PDF_A4_HEIGHT 841.8898  /* 297 mm in points */

/* Called while a document is written, with the fraction done (0 to 1). */
typedef void (*PmPdfProgressFunc) (double   fraction,
                                   gpointer user_data);

#define PM_TYPE_PDF_DOCUMENT (pm_pdf_document_get_type ())
G_DECLARE_FINAL_TYPE (PmPdfDocument, pm_pdf_document, PM, PDF_DOCUMENT, GObject)

PmPdfDocument *pm_pdf_document_new (const char *title);
void pm_pdf_document_set_language (PmPdfDocument *self,
                                   PmLanguage     language);

void pm_pdf_document_begin_part (PmPdfDocument   *self,
                                 PmPdfOrientation orientation,
                                 gboolean         restart_numbering,
                                 const char      *running_header);
void pm_pdf_document_add_heading (PmPdfDocument *self,
                                  guint          level,
                                  const char    *text);
void pm_pdf_document_add_paragraph (PmPdfDocument *self,
                                    PmPdfTextStyle style,
                                    const char    *text);
void pm_pdf_document_add_paragraph_markup (PmPdfDocument *self,
                                           PmPdfTextStyle style,
                                           const char    *markup);
guint pm_pdf_document_add_table (PmPdfDocument     *self,
                                 guint              n_columns,
                                 const double      *widths,
                                 const char *const *header);
void pm_pdf_document_set_column_kind (PmPdfDocument  *self,
                                      guint           column,
                                      PmPdfColumnKind kind);
void pm_pdf_document_add_row (PmPdfDocument     *self,
                              const char *const *cells);
void pm_pdf_document_add_row_markup (PmPdfDocument     *self,
                                     const char *const *cells);

void pm_pdf_document_set_progress_func (PmPdfDocument    *self,
                                       PmPdfProgressFunc func,
                                       gpointer          user_data);
gboolean pm_pdf_document_write (PmPdfDocument *self,
                                const char    *path,
                                GCancellable  *cancellable,
                                GError       **error);

guint pm_pdf_document_get_n_pages (PmPdfDocument *self);
GArray *pm_pdf_document_get_cell_fragments (PmPdfDocument *self,
                                            guint          table,
                                            guint          row,
                                            guint          column);
guint pm_pdf_document_get_unknown_glyphs (PmPdfDocument *self);

G_END_DECLS
