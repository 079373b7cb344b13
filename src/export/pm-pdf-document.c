/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pm-pdf-document"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "pm-export-file.h"
#include "pm-pdf-document.h"
#include "pm-types.h"

/* The document is laid out twice with the same code: once to count the
 * pages (a footer says "Page N of M"), once to draw. Both passes measure
 * with the same Pango context, so they break pages at the same places. */

#define FONT_FAMILY "Noto Sans CJK SC"

#define MARGIN_TOP    58.0
#define MARGIN_BOTTOM 58.0
#define MARGIN_SIDE   50.0
#define CELL_PAD_X    4.0
#define CELL_PAD_Y    3.0
#define TABLE_FONT    9.0
#define BODY_FONT     10.0
#define NOTE_FONT     8.5
#define KEEP_WITH_NEXT 48.0  /* room a heading wants below it */
#define MIN_SPLIT     40.0   /* less room than this: a long row starts on the next page */
#define EPSILON       0.01

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  guint n_columns;
  double *widths;       /* relative */
  PmPdfColumnKind *kinds;
  double *sizes;        /* in points, for a width of sized_for */
  double sized_for;
  GStrv header;         /* markup */
  GPtrArray *rows;      /* of GStrv, markup */
  GArray *fragments;    /* of Fragment, from the last layout */
} Table;

typedef struct
{
  guint row;
  guint column;
  PmPdfCellFragment fragment;
} Fragment;

typedef struct
{
  BlockKind kind;
  guint level;
  PmPdfTextStyle style;
  char *markup;
  Table *table;
} Block;

typedef struct
{
  PmPdfOrientation orientation;
  gboolean restart_numbering;
  char *running_header;
  GPtrArray *blocks;
} Part;

struct _PmPdfDocument
{
  GObject parent_instance;

  char *title;
  PmLanguage language; /* of the page furniture */
  GPtrArray *parts;
  GPtrArray *tables;  /* of Table *, owned by their blocks */
  guint n_pages;
  guint unknown_glyphs;
  PmPdfProgressFunc progress;
  gpointer progress_data;
};

G_DEFINE_FINAL_TYPE (PmPdfDocument, pm_pdf_document, G_TYPE_OBJECT)

/* One cell being laid out: its layout, its box, and how much of its text
 * is already drawn (a row taller than a page continues on the next). */
typedef struct
{
  PangoLayout *layout;
  double x;
  double width;
  GArray *bottoms;  /* of double: the bottom of each line, from the layout's top */
  double offset;
} Cell;

typedef struct
{
  gboolean border;
  gboolean fill;
  double pad_x;
  double pad_y;
} RowStyle;

typedef struct
{
  PmPdfDocument *doc;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  GCancellable *cancellable;
  gboolean draw;

  GArray *group_pages;   /* of guint: pages in each numbering group */
  guint group;
  guint page_in_group;
  int page;              /* from 0; -1 before the first */

  const Part *part;
  double width, height;
  double top, bottom, left, right;
  double y;
  gboolean fresh;        /* nothing on the page yet but repeated headers */
  int outline_parent;
  guint unknown_glyphs;

  /* the table being laid out, to repeat its header on a new page */
  Table *table;
  guint table_index;
  Cell *header_cells;
} Render;

static const RowStyle table_style = { TRUE, FALSE, CELL_PAD_X, CELL_PAD_Y };
static const RowStyle header_style = { TRUE, TRUE, CELL_PAD_X, CELL_PAD_Y };
static const RowStyle text_style = { FALSE, FALSE, 0, 0 };

static void
table_free (Table *table)
{
  g_free (table->widths);
  g_free (table->kinds);
  g_free (table->sizes);
  g_strfreev (table->header);
  g_ptr_array_unref (table->rows);
  g_clear_pointer (&table->fragments, g_array_unref);
  g_free (table);
}

static void
block_free (Block *block)
{
  g_free (block->markup);
  g_clear_pointer (&block->table, table_free);
  g_free (block);
}

static void
part_free (Part *part)
{
  g_free (part->running_header);
  g_ptr_array_unref (part->blocks);
  g_free (part);
}

static Part *
current_part (PmPdfDocument *self)
{
  if (self->parts->len == 0)
    pm_pdf_document_begin_part (self, PM_PDF_PORTRAIT, FALSE, NULL);
  return g_ptr_array_index (self->parts, self->parts->len - 1);
}

static void
add_block (PmPdfDocument *self,
           Block         *block)
{
  g_ptr_array_add (current_part (self)->blocks, block);
}

/* Markup from callers is checked once, when added, so that a layout never
 * fails to parse it (and never prints nothing). */
static char *
checked_markup (const char *markup)
{
  g_autoptr (GError) error = NULL;

  if (markup == NULL)
    return g_strdup ("");
  if (!pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, &error))
    {
      g_critical ("Invalid markup “%s”: %s", markup, error->message);
      return g_markup_escape_text (markup, -1);
    }
  return g_strdup (markup);
}

static GStrv
escape_cells (const char *const *cells,
              guint              n)
{
  GStrv result = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    result[i] = g_markup_escape_text (cells[i] ? cells[i] : "", -1);
  return result;
}

/* Layout */

static PangoLayout *
make_layout (Render     *r,
             const char *markup,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_layout_new (r->context);
  g_autoptr (PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);

  if (r->draw)
    r->unknown_glyphs += pango_layout_get_unknown_glyphs_count (layout);

  return layout;
}

/* Where a line may break inside a unit kept whole: in a list, the names
 * between white space and 、，；; elsewhere, the words between white
 * space. */
static gboolean
is_separator (gunichar c,
              gboolean list)
{
  if (g_unichar_isspace (c))
    return TRUE;
  return list && (c == 0x3001 /* 、 */ || c == 0xFF0C /* ， */ || c == 0xFF1B /* ； */ ||
                  c == ',' || c == ';');
}

/* Keeps each unit of the layout's text (see is_separator()) on one line
 * where it fits in room points (none when room < 0).
 *
 * Returns: the width of the widest unit, in points */
static double
keep_units (PangoLayout *layout,
            gboolean     list,
            double       room)
{
  const char *text = pango_layout_get_text (layout);
  int width = pango_layout_get_width (layout);
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  g_autoptr (PangoAttrList) kept = attrs ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  gboolean changed = FALSE;
  double widest = 0;
  const char *p = text;

  /* Measured on one line each, unwrapped. */
  pango_layout_set_width (layout, -1);
  while (*p)
    {
      const char *start, *last = NULL;
      int line0, line1, x0, x1;
      double unit;

      while (*p && is_separator (g_utf8_get_char (p), list))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && !is_separator (g_utf8_get_char (p), list))
        {
          last = p;
          p = g_utf8_next_char (p);
        }
      if (last == NULL)
        break;
      /* with the 、 after it: a line never starts with one */
      if (*p && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          last = p;
          p = g_utf8_next_char (p);
        }

      pango_layout_index_to_line_x (layout, (int) (start - text), FALSE, &line0, &x0);
      pango_layout_index_to_line_x (layout, (int) (last - text), TRUE, &line1, &x1);
      unit = (double) ABS (x1 - x0) / PANGO_SCALE;
      widest = MAX (widest, unit);
      if (room >= 0 && unit <= room + EPSILON && last > start)
        {
          PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

          attr->start_index = (guint) (start - text);
          attr->end_index = (guint) (p - text);
          pango_attr_list_insert (kept, attr);
          changed = TRUE;
        }
    }
  if (changed)
    pango_layout_set_attributes (layout, kept);
  pango_layout_set_width (layout, width);
  return widest;
}

static void
cell_init (Cell        *cell,
           PangoLayout *layout,
           double       x,
           double       width)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  cell->layout = layout;
  cell->x = x;
  cell->width = width;
  cell->offset = 0;
  cell->bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = (double) y1 / PANGO_SCALE;
      g_array_append_val (cell->bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
cells_clear (Cell *cells,
             guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_clear_object (&cells[i].layout);
      g_clear_pointer (&cells[i].bottoms, g_array_unref);
    }
}

static double
cell_height (const Cell *cell)
{
  return cell->bottoms->len ? g_array_index (cell->bottoms, double, cell->bottoms->len - 1) : 0;
}

static double
cells_remaining (const Cell *cells,
                 guint       n)
{
  double remaining = 0;

  for (guint i = 0; i < n; i++)
    remaining = MAX (remaining, cell_height (&cells[i]) - cells[i].offset);
  return remaining;
}

/* The end of the last whole line of the cell that fits in avail, from its
 * offset; the offset itself when not even one line fits. */
static double
cell_break (const Cell *cell,
            double      avail)
{
  double end = cell->offset;

  for (guint i = 0; i < cell->bottoms->len; i++)
    {
      double bottom = g_array_index (cell->bottoms, double, i);

      if (bottom <= cell->offset + EPSILON)
        continue;
      if (bottom - cell->offset > avail + EPSILON)
        break;
      end = bottom;
    }
  return end;
}

static double
cell_next_line (const Cell *cell)
{
  for (guint i = 0; i < cell->bottoms->len; i++)
    {
      double bottom = g_array_index (cell->bottoms, double, i);

      if (bottom > cell->offset + EPSILON)
        return bottom;
    }
  return cell->offset;
}

/* Drawing */

static void
set_grey (cairo_t *cr,
          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

/* Draws the lines of the cell's layout between its offset and end, whole
 * lines only, with their top at y; returns their measures. */
static void
draw_cell_lines (Render            *r,
                 const Cell        *cell,
                 double             x,
                 double             y,
                 double             end,
                 PmPdfCellFragment *fragment)
{
  PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  guint n_lines = 0;

  do
    {
      PangoRectangle logical;
      int y0, y1;
      double line_top, line_bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      line_top = (double) y0 / PANGO_SCALE;
      line_bottom = (double) y1 / PANGO_SCALE;
      if (line_top < cell->offset - EPSILON || line_bottom > end + EPSILON)
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      n_lines++;
      min_x = MIN (min_x, x + (double) logical.x / PANGO_SCALE);
      max_x = MAX (max_x, x + (double) (logical.x + logical.width) / PANGO_SCALE);
      top = MIN (top, y + line_top - cell->offset);
      bottom = MAX (bottom, y + line_bottom - cell->offset);

      if (r->draw)
        {
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          cairo_move_to (r->cr, x + (double) logical.x / PANGO_SCALE,
                         y + baseline - cell->offset);
          pango_cairo_show_layout_line (r->cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (fragment != NULL)
    {
      fragment->n_lines = n_lines;
      fragment->text_x = n_lines ? min_x : x;
      fragment->text_y = n_lines ? top : y;
      fragment->text_width = n_lines ? max_x - min_x : 0;
      fragment->text_height = n_lines ? bottom - top : 0;
    }
}

static void
draw_page_furniture (Render *r)
{
  g_autofree char *number = NULL;
  g_autoptr (PangoLayout) footer = NULL;
  PangoRectangle logical;
  guint total = 0;

  if (r->group < r->group_pages->len)
    total = g_array_index (r->group_pages, guint, r->group);

  /* TRANSLATORS: the foot of each page of a printed document: "第 %d 页 / 共 %d 页" */
  number = g_strdup_printf (D_ (r->doc->language, "Page %d of %d"), (int) r->page_in_group, (int) total);
  footer = make_layout (r, number, NOTE_FONT, FALSE, r->right - r->left);
  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  pango_layout_get_extents (footer, NULL, &logical);
  if (r->draw)
    {
      set_grey (r->cr, 0.25);
      cairo_move_to (r->cr, r->left, r->height - MARGIN_BOTTOM / 2 - (double) logical.height / PANGO_SCALE / 2);
      pango_cairo_show_layout (r->cr, footer);
    }

  if (r->part->running_header != NULL && r->draw)
    {
      g_autofree char *markup = g_markup_escape_text (r->part->running_header, -1);
      g_autoptr (PangoLayout) header = make_layout (r, markup, NOTE_FONT, FALSE, r->right - r->left);
      double baseline_y = MARGIN_TOP / 2 + 6;

      pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
      set_grey (r->cr, 0.35);
      cairo_move_to (r->cr, r->left, baseline_y - (double) pango_layout_get_baseline (header) / PANGO_SCALE);
      pango_cairo_show_layout (r->cr, header);
      cairo_set_line_width (r->cr, 0.5);
      cairo_move_to (r->cr, r->left, baseline_y + 5);
      cairo_line_to (r->cr, r->right, baseline_y + 5);
      cairo_stroke (r->cr);
    }

  if (r->draw)
    set_grey (r->cr, 0);
}

static void
new_page (Render *r)
{
  gboolean landscape = r->part->orientation == PM_PDF_LANDSCAPE;

  if (r->draw && r->page >= 0)
    cairo_show_page (r->cr);
  r->page++;
  r->page_in_group++;

  r->width = landscape ? PM_PDF_A4_HEIGHT : PM_PDF_A4_WIDTH;
  r->height = landscape ? PM_PDF_A4_WIDTH : PM_PDF_A4_HEIGHT;
  r->top = MARGIN_TOP;
  r->bottom = r->height - MARGIN_BOTTOM;
  r->left = MARGIN_SIDE;
  r->right = r->width - MARGIN_SIDE;
  r->y = r->top;
  r->fresh = TRUE;

  if (r->draw)
    cairo_pdf_surface_set_size (r->surface, r->width, r->height);
  draw_page_furniture (r);
}

/* Whether a row is short enough to keep whole on one page. */
static gboolean
is_short (Render *r,
          double  height)
{
  return height <= (r->bottom - r->top) / 4;
}

static void continue_keys (Render *r,
                           Cell   *cells,
                           guint   n,
                           guint   row);
static void place_cells (Render         *r,
                         Cell           *cells,
                         guint           n,
                         const RowStyle *style,
                         guint           row);

static double
header_height (Render *r)
{
  if (r->table == NULL || r->header_cells == NULL)
    return 0;
  return cells_remaining (r->header_cells, r->table->n_columns) + 2 * CELL_PAD_Y;
}

static void
place_header (Render *r)
{
  for (guint c = 0; c < r->table->n_columns; c++)
    r->header_cells[c].offset = 0;
  place_cells (r, r->header_cells, r->table->n_columns, &header_style, G_MAXUINT);
  r->fresh = TRUE;
}

/* A new page, with the header row of the table being laid out. */
static void
break_page (Render *r)
{
  new_page (r);
  if (r->table != NULL && r->header_cells != NULL)
    place_header (r);
}

static void
draw_segment (Render         *r,
              Cell           *cells,
              guint           n,
              const RowStyle *style,
              const double   *ends,
              double          height,
              guint           row)
{
  for (guint i = 0; i < n; i++)
    {
      Cell *cell = &cells[i];
      PmPdfCellFragment fragment = { 0 };

      if (r->draw && style->fill)
        {
          set_grey (r->cr, 0.9);
          cairo_rectangle (r->cr, cell->x, r->y, cell->width, height);
          cairo_fill (r->cr);
          set_grey (r->cr, 0);
        }
      if (r->draw && style->border)
        {
          cairo_set_line_width (r->cr, 0.6);
          cairo_rectangle (r->cr, cell->x, r->y, cell->width, height);
          cairo_stroke (r->cr);
        }

      draw_cell_lines (r, cell, cell->x + style->pad_x, r->y + style->pad_y, ends[i], &fragment);

      if (row != G_MAXUINT && r->table != NULL)
        {
          Fragment record = { row, i, fragment };

          record.fragment.page = (guint) r->page;
          record.fragment.x = cell->x;
          record.fragment.y = r->y;
          record.fragment.width = cell->width;
          record.fragment.height = height;
          g_array_append_val (r->table->fragments, record);
        }
      cell->offset = ends[i];
    }
  r->y += height;
  r->fresh = FALSE;
}

/* Places a row of cells at the cursor: whole when it fits, else on the next
 * page when it is short, else split at line boundaries across pages. */
static void
place_cells (Render         *r,
             Cell           *cells,
             guint           n,
             const RowStyle *style,
             guint           row)
{
  g_autofree double *ends = g_new0 (double, n);

  for (;;)
    {
      double need = cells_remaining (cells, n) + 2 * style->pad_y;
      double space = r->bottom - r->y;
      double fresh_space = r->bottom - r->top - header_height (r);
      double avail, segment = 0;

      if (need <= space + EPSILON)
        {
          for (guint i = 0; i < n; i++)
            ends[i] = cell_height (&cells[i]);
          draw_segment (r, cells, n, style, ends, need, row);
          return;
        }

      /* A short row moves to the next page whole; a long one breaks across
       * pages, as word processors let rows do, rather than leave a gap. */
      if (!r->fresh && ((need <= fresh_space + EPSILON && is_short (r, need)) || space < MIN_SPLIT))
        {
          break_page (r);
          continue;
        }

      avail = space - 2 * style->pad_y;
      for (guint i = 0; i < n; i++)
        {
          ends[i] = cell_break (&cells[i], avail);
          segment = MAX (segment, ends[i] - cells[i].offset);
        }
      if (segment <= EPSILON)
        {
          if (!r->fresh)
            {
              break_page (r);
              continue;
            }
          /* A single line taller than a page: draw it rather than loop. */
          for (guint i = 0; i < n; i++)
            {
              ends[i] = cell_next_line (&cells[i]);
              segment = MAX (segment, ends[i] - cells[i].offset);
            }
        }

      draw_segment (r, cells, n, style, ends, segment + 2 * style->pad_y, row);
      if (cells_remaining (cells, n) <= EPSILON)
        return;
      break_page (r);
      if (row != G_MAXUINT && r->table != NULL)
        continue_keys (r, cells, n, row);
    }
}

static void
place_text (Render        *r,
            const char    *markup,
            double         size,
            gboolean       bold,
            PangoAlignment alignment)
{
  Cell cell;

  cell_init (&cell, make_layout (r, markup, size, bold, r->right - r->left), r->left,
             r->right - r->left);
  pango_layout_set_alignment (cell.layout, alignment);
  place_cells (r, &cell, 1, &text_style, G_MAXUINT);
  cells_clear (&cell, 1);
}

static Cell *make_row_cells (Render            *r,
                             Table             *table,
                             const char *const *markup,
                             gboolean           header);

/* The room a table needs where it starts: its header, and its first row
 * when short (else the first lines of it). */
static double
table_start_need (Render *r,
                  Table  *table)
{
  Cell *cells = make_row_cells (r, table, (const char *const *) table->header, TRUE);
  double need = cells_remaining (cells, table->n_columns) + 2 * CELL_PAD_Y;

  cells_clear (cells, table->n_columns);
  g_free (cells);
  if (table->rows->len > 0)
    {
      double first;

      cells = make_row_cells (r, table, table->rows->pdata[0], FALSE);
      first = cells_remaining (cells, table->n_columns) + 2 * CELL_PAD_Y;
      cells_clear (cells, table->n_columns);
      g_free (cells);
      need += is_short (r, first) ? first : MIN (first, MIN_SPLIT);
    }
  return need;
}

static void
place_heading (Render      *r,
               const Block *block,
               const Block *next)
{
  static const double sizes[] = { 16.0, 12.5, 10.5 };
  guint level = CLAMP (block->level, 1, 3);
  double size = sizes[level - 1];
  double before = level == 1 ? 0 : 8;
  g_autoptr (PangoLayout) probe = make_layout (r, block->markup, size, TRUE, r->right - r->left);
  PangoRectangle logical;
  double height;

  pango_layout_get_extents (probe, NULL, &logical);
  height = (double) logical.height / PANGO_SCALE;

  /* A heading stays with the start of what follows it. */
  if (!r->fresh)
    {
      double keep = KEEP_WITH_NEXT;

      if (next != NULL && next->kind == BLOCK_TABLE)
        keep = table_start_need (r, next->table);
      if (r->bottom - r->y < before + height + keep)
        new_page (r);
    }
  if (!r->fresh)
    r->y += before;

  if (r->draw && level <= 2)
    {
      g_autofree char *text = NULL;
      g_autofree char *link = g_strdup_printf ("page=%d pos=[%.1f %.1f]", r->page + 1, r->left, r->y);
      int id;

      pango_parse_markup (block->markup, -1, 0, NULL, &text, NULL, NULL);
      id = cairo_pdf_surface_add_outline (r->surface,
                                          level == 1 ? CAIRO_PDF_OUTLINE_ROOT : r->outline_parent,
                                          text ? text : "", link, 0);
      if (level == 1)
        r->outline_parent = id;
    }

  place_text (r, block->markup, size, TRUE, level == 1 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  r->y += level == 1 ? 8 : 4;
}

static void
place_paragraph (Render      *r,
                 const Block *block)
{
  if (block->style == PM_PDF_TEXT_NOTE)
    {
      g_autofree char *markup = g_strdup_printf ("<span foreground=\"#4d4d4d\">%s</span>",
                                                 block->markup);

      place_text (r, markup, NOTE_FONT, FALSE, PANGO_ALIGN_LEFT);
    }
  else
    place_text (r, block->markup, BODY_FONT, FALSE, PANGO_ALIGN_LEFT);
  r->y += 4;
}

/* The code of a row continued on a new page: "WT1.3（续）". */
static char *
continued_markup (Render     *r,
                  const char *markup)
{
  /* TRANSLATORS: the code of a table row continued from the page before: "%s（续）" */
  return g_strdup_printf (D_ (r->doc->language, "%s (continued)"), markup);
}

/* The widest unit kept whole of a cell, in points. */
static double
widest_unit (Render     *r,
             const char *markup,
             gboolean    bold,
             gboolean    list)
{
  guint unknown = r->unknown_glyphs;  /* a measure, not drawn */
  g_autoptr (PangoLayout) layout = make_layout (r, markup, TABLE_FONT, bold, -1);

  r->unknown_glyphs = unknown;
  pango_layout_set_width (layout, -1);
  return keep_units (layout, list, -1);
}

/* Sizes the columns for the width of the page: in proportion to their
 * relative widths, but none narrower than its header's longest word or, in
 * a column of names, its widest name; the room comes from the others. */
static void
size_columns (Render *r,
              Table  *table)
{
  guint n = table->n_columns;
  double content = r->right - r->left;
  g_autofree double *minima = g_new0 (double, n);
  g_autofree gboolean *fixed = g_new0 (gboolean, n);
  double sum_minima = 0;
  gboolean again = TRUE;

  if (table->sizes != NULL && ABS (table->sized_for - content) < EPSILON)
    return;
  g_free (table->sizes);
  table->sizes = g_new0 (double, n);
  table->sized_for = content;

  for (guint c = 0; c < n; c++)
    minima[c] = widest_unit (r, table->header[c], TRUE, FALSE);
  for (guint i = 0; i < table->rows->len; i++)
    {
      char **row = table->rows->pdata[i];

      for (guint c = 0; c < n; c++)
        {
          if (table->kinds[c] == PM_PDF_COLUMN_TEXT)
            continue;
          minima[c] = MAX (minima[c], widest_unit (r, row[c], FALSE, TRUE));
          if (table->kinds[c] == PM_PDF_COLUMN_KEY)
            {
              g_autofree char *continued = continued_markup (r, row[c]);

              minima[c] = MAX (minima[c], widest_unit (r, continued, FALSE, TRUE));
            }
        }
    }
  for (guint c = 0; c < n; c++)
    {
      minima[c] += 2 * CELL_PAD_X + 0.5;
      sum_minima += minima[c];
    }

  /* Not enough room for every column's minimum: in proportion to the
   * minima (and the longest names break). */
  if (sum_minima > content)
    {
      for (guint c = 0; c < n; c++)
        table->sizes[c] = content * minima[c] / sum_minima;
      return;
    }

  while (again)
    {
      double room = content, total = 0;

      again = FALSE;
      for (guint c = 0; c < n; c++)
        {
          if (fixed[c])
            room -= minima[c];
          else
            total += table->widths[c];
        }
      for (guint c = 0; c < n; c++)
        {
          if (fixed[c])
            table->sizes[c] = minima[c];
          else
            table->sizes[c] = total > 0 ? room * table->widths[c] / total : 0;
        }
      for (guint c = 0; c < n; c++)
        if (!fixed[c] && table->sizes[c] < minima[c] - EPSILON)
          {
            fixed[c] = TRUE;
            again = TRUE;
          }
    }
}

static Cell *
make_row_cells (Render            *r,
                Table             *table,
                const char *const *markup,
                gboolean           header)
{
  double x = r->left;
  Cell *cells = g_new0 (Cell, table->n_columns);

  size_columns (r, table);
  for (guint c = 0; c < table->n_columns; c++)
    {
      double width = c + 1 == table->n_columns ? r->right - x : table->sizes[c];
      PangoLayout *layout = make_layout (r, markup[c], TABLE_FONT, header, width - 2 * CELL_PAD_X);

      if (header || table->kinds[c] != PM_PDF_COLUMN_TEXT)
        keep_units (layout, !header, width - 2 * CELL_PAD_X);
      cell_init (&cells[c], layout, x, width);
      x += width;
    }
  return cells;
}

/* A row goes on to a new page: its code cells, drawn whole already, show
 * the code again, marked as continued. */
static void
continue_keys (Render *r,
               Cell   *cells,
               guint   n,
               guint   row)
{
  const char *const *markup = r->table->rows->pdata[row];

  for (guint c = 0; c < n; c++)
    {
      Cell *cell = &cells[c];
      g_autofree char *continued = NULL;
      PangoLayout *layout;

      if (r->table->kinds[c] != PM_PDF_COLUMN_KEY || markup[c][0] == '\0' ||
          cell->offset < cell_height (cell) - EPSILON)
        continue;
      continued = continued_markup (r, markup[c]);
      layout = make_layout (r, continued, TABLE_FONT, FALSE, cell->width - 2 * CELL_PAD_X);
      keep_units (layout, TRUE, cell->width - 2 * CELL_PAD_X);
      g_clear_object (&cell->layout);
      g_clear_pointer (&cell->bottoms, g_array_unref);
      cell_init (cell, layout, cell->x, cell->width);
    }
}

static gboolean
place_table (Render  *r,
             Table   *table,
             guint    index,
             GError **error)
{
  g_autofree Cell *header = NULL;

  g_clear_pointer (&table->fragments, g_array_unref);
  table->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));

  header = make_row_cells (r, table, (const char *const *) table->header, TRUE);
  r->table = table;
  r->table_index = index;

  /* The header stays with the first row: the table moves to the next page
   * when that row is short and does not fit here, or when not even its
   * first lines fit here. */
  r->header_cells = NULL;
  if (!r->fresh && r->bottom - r->y < table_start_need (r, table) - EPSILON)
    new_page (r);
  r->header_cells = header;
  place_header (r);

  for (guint i = 0; i < table->rows->len; i++)
    {
      g_autofree Cell *cells = NULL;

      if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
        {
          cells_clear (header, table->n_columns);
          r->table = NULL;
          r->header_cells = NULL;
          return FALSE;
        }
      cells = make_row_cells (r, table, table->rows->pdata[i], FALSE);
      place_cells (r, cells, table->n_columns, &table_style, i);
      cells_clear (cells, table->n_columns);
    }

  cells_clear (header, table->n_columns);
  r->table = NULL;
  r->header_cells = NULL;
  r->y += 10;
  return TRUE;
}

static gboolean
lay_out (Render  *r,
         GError **error)
{
  PmPdfDocument *self = r->doc;
  guint table_index = 0;

  r->page = -1;
  r->group = 0;
  r->page_in_group = 0;
  r->unknown_glyphs = 0;

  for (guint p = 0; p < self->parts->len; p++)
    {
      const Part *part = g_ptr_array_index (self->parts, p);

      if (p > 0 && part->restart_numbering)
        {
          if (!r->draw)
            g_array_append_val (r->group_pages, r->page_in_group);
          r->group++;
          r->page_in_group = 0;
        }
      if (self->progress != NULL)
        self->progress (((r->draw ? self->parts->len : 0) + p) / (2.0 * self->parts->len),
                        self->progress_data);
      r->part = part;
      new_page (r);

      for (guint b = 0; b < part->blocks->len; b++)
        {
          const Block *block = g_ptr_array_index (part->blocks, b);

          if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
            return FALSE;

          switch (block->kind)
            {
            case BLOCK_HEADING:
              place_heading (r, block, b + 1 < part->blocks->len
                                         ? g_ptr_array_index (part->blocks, b + 1) : NULL);
              break;
            case BLOCK_PARAGRAPH:
              place_paragraph (r, block);
              break;
            case BLOCK_TABLE:
              if (!place_table (r, block->table, table_index++, error))
                return FALSE;
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  if (!r->draw)
    g_array_append_val (r->group_pages, r->page_in_group);
  return TRUE;
}

/* GObject */

static void
pm_pdf_document_finalize (GObject *object)
{
  PmPdfDocument *self = PM_PDF_DOCUMENT (object);

  g_free (self->title);
  g_ptr_array_unref (self->parts);
  g_ptr_array_unref (self->tables);

  G_OBJECT_CLASS (pm_pdf_document_parent_class)->finalize (object);
}

static void
pm_pdf_document_class_init (PmPdfDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pm_pdf_document_finalize;
}

static void
pm_pdf_document_init (PmPdfDocument *self)
{
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  self->tables = g_ptr_array_new ();
}

/* Public API */

PmPdfDocument *
pm_pdf_document_new (const char *title)
{
  PmPdfDocument *self = g_object_new (PM_TYPE_PDF_DOCUMENT, NULL);

  self->title = g_strdup (title);
  return self;
}

/* The language of the page numbers (zh_CN unless set). */
void
pm_pdf_document_set_language (PmPdfDocument *self,
                              PmLanguage     language)
{
  g_return_if_fail (PM_IS_PDF_DOCUMENT (self));
  self->language = language;
}

void
pm_pdf_document_begin_part (PmPdfDocument   *self,
                            PmPdfOrientation orientation,
                            gboolean         restart_numbering,
                            const char      *running_header)
{
  Part *part;

  g_return_if_fail (PM_IS_PDF_DOCUMENT (self));

  part = g_new0 (Part, 1);
  part->orientation = orientation;
  part->restart_numbering = restart_numbering;
  part->running_header = g_strdup (running_header);
  part->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  g_ptr_array_add (self->parts, part);
}

/* Levels: 1 the title of a part (centred), 2 a section, 3 a subsection. */
void
pm_pdf_document_add_heading (PmPdfDocument *self,
                             guint          level,
                             const char    *text)
{
  Block *block;

  g_return_if_fail (PM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  block = g_new0 (Block, 1);
  block->kind = BLOCK_HEADING;
  block->level = level;
  block->markup = g_markup_escape_text (text, -1);
  add_block (self, block);
}

void
pm_pdf_document_add_paragraph (PmPdfDocument *self,
                               PmPdfTextStyle style,
                               const char    *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (PM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  markup = g_markup_escape_text (text, -1);
  pm_pdf_document_add_paragraph_markup (self, style, markup);
}

void
pm_pdf_document_add_paragraph_markup (PmPdfDocument *self,
                                      PmPdfTextStyle style,
                                      const char    *markup)
{
  Block *block;

  g_return_if_fail (PM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (markup != NULL);

  block = g_new0 (Block, 1);
  block->kind = BLOCK_PARAGRAPH;
  block->style = style;
  block->markup = checked_markup (markup);
  add_block (self, block);
}

/* Adds a table filling the width of the page, its columns in proportion to
 * widths; rows follow with pm_pdf_document_add_row().
 *
 * Returns: the table's index in the document, for
 * pm_pdf_document_get_cell_fragments() */
guint
pm_pdf_document_add_table (PmPdfDocument     *self,
                           guint              n_columns,
                           const double      *widths,
                           const char *const *header)
{
  Block *block;
  Table *table;

  g_return_val_if_fail (PM_IS_PDF_DOCUMENT (self), 0);
  g_return_val_if_fail (n_columns > 0, 0);
  g_return_val_if_fail (widths != NULL, 0);
  g_return_val_if_fail (header != NULL, 0);

  table = g_new0 (Table, 1);
  table->n_columns = n_columns;
  table->widths = g_memdup2 (widths, sizeof (double) * n_columns);
  table->kinds = g_new0 (PmPdfColumnKind, n_columns);
  table->header = escape_cells (header, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  block = g_new0 (Block, 1);
  block->kind = BLOCK_TABLE;
  block->table = table;
  add_block (self, block);
  g_ptr_array_add (self->tables, table);

  return self->tables->len - 1;
}

static Table *
last_table (PmPdfDocument *self)
{
  if (self->tables->len == 0)
    return NULL;
  return g_ptr_array_index (self->tables, self->tables->len - 1);
}

/* Says what a column of the last table holds (running text unless set). */
void
pm_pdf_document_set_column_kind (PmPdfDocument  *self,
                                 guint           column,
                                 PmPdfColumnKind kind)
{
  Table *table;

  g_return_if_fail (PM_IS_PDF_DOCUMENT (self));
  table = last_table (self);
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);

  table->kinds[column] = kind;
  g_clear_pointer (&table->sizes, g_free);
}

/* Adds a row of plain text cells (as many as the last table has columns). */
void
pm_pdf_document_add_row (PmPdfDocument     *self,
                         const char *const *cells)
{
  Table *table;

  g_return_if_fail (PM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (cells != NULL);
  table = last_table (self);
  g_return_if_fail (table != NULL);

  g_ptr_array_add (table->rows, escape_cells (cells, table->n_columns));
}

void
pm_pdf_document_add_row_markup (PmPdfDocument     *self,
                                const char *const *cells)
{
  Table *table;
  GStrv row;

  g_return_if_fail (PM_IS_PDF_DOCUMENT (self));
  g_return_if_fail (cells != NULL);
  table = last_table (self);
  g_return_if_fail (table != NULL);

  row = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    row[c] = checked_markup (cells[c]);
  g_ptr_array_add (table->rows, row);
}

void
pm_pdf_document_set_progress_func (PmPdfDocument    *self,
                                   PmPdfProgressFunc func,
                                   gpointer          user_data)
{
  g_return_if_fail (PM_IS_PDF_DOCUMENT (self));

  self->progress = func;
  self->progress_data = user_data;
}

/* Writes the document as PDF at path, replacing it only when complete. */
gboolean
pm_pdf_document_write (PmPdfDocument *self,
                       const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *temp = NULL;
  g_autoptr (GArray) group_pages = NULL;
  cairo_font_options_t *options;
  cairo_status_t status;
  Render r = { 0 };
  gboolean ok;

  g_return_val_if_fail (PM_IS_PDF_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (self->parts->len == 0)
    pm_pdf_document_begin_part (self, PM_PDF_PORTRAIT, FALSE, NULL);

  temp = pm_export_file_begin (path, error);
  if (temp == NULL)
    return FALSE;

  /* Rows may have been added since the last write. */
  for (guint i = 0; i < self->tables->len; i++)
    g_clear_pointer (&((Table *) g_ptr_array_index (self->tables, i))->sizes, g_free);

  group_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  r.doc = self;
  r.cancellable = cancellable;
  r.group_pages = group_pages;
  r.surface = cairo_pdf_surface_create (temp, PM_PDF_A4_WIDTH, PM_PDF_A4_HEIGHT);
  r.cr = cairo_create (r.surface);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (r.surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (r.surface, CAIRO_PDF_METADATA_CREATOR, "Plan Monitor " PACKAGE_VERSION);

  /* Measures independent of any device: points, unhinted. */
  r.context = pango_cairo_create_context (r.cr);
  pango_cairo_context_set_resolution (r.context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (r.context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (r.context, pango_language_from_string ("zh-cn"));

  r.draw = FALSE;
  ok = lay_out (&r, error);
  if (ok)
    {
      r.draw = TRUE;
      ok = lay_out (&r, error);
    }

  g_object_unref (r.context);
  cairo_destroy (r.cr);
  cairo_surface_finish (r.surface);
  status = cairo_surface_status (r.surface);
  cairo_surface_destroy (r.surface);

  if (!ok)
    {
      pm_export_file_abort (temp);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      pm_export_file_abort (temp);
      g_set_error (error, PM_ERROR, PM_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }

  self->n_pages = (guint) (r.page + 1);
  self->unknown_glyphs = r.unknown_glyphs;
  return pm_export_file_commit (temp, path, error);
}

/* Returns: the number of pages of the last document written */
guint
pm_pdf_document_get_n_pages (PmPdfDocument *self)
{
  g_return_val_if_fail (PM_IS_PDF_DOCUMENT (self), 0);
  return self->n_pages;
}

/* Returns: (transfer full) (element-type PmPdfCellFragment): where the
 * pieces of a cell were drawn when the document was last written, in order
 * (a row split across pages has several); empty if never written */
GArray *
pm_pdf_document_get_cell_fragments (PmPdfDocument *self,
                                    guint          table,
                                    guint          row,
                                    guint          column)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (PmPdfCellFragment));
  Table *t;

  g_return_val_if_fail (PM_IS_PDF_DOCUMENT (self), result);
  g_return_val_if_fail (table < self->tables->len, result);

  t = g_ptr_array_index (self->tables, table);
  if (t->fragments == NULL)
    return result;

  for (guint i = 0; i < t->fragments->len; i++)
    {
      const Fragment *f = &g_array_index (t->fragments, Fragment, i);

      if (f->row == row && f->column == column)
        g_array_append_val (result, f->fragment);
    }
  return result;
}

/* Returns: how many characters of the last document written had no glyph
 * in the fonts (printed as boxes) */
guint
pm_pdf_document_get_unknown_glyphs (PmPdfDocument *self)
{
  g_return_val_if_fail (PM_IS_PDF_DOCUMENT (self), 0);
  return self->unknown_glyphs;
}
