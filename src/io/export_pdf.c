/* export_pdf.c — writes an export_table as a printable PDF with cairo and
 * Pango: A4 landscape, the title and export date on the first page, a table
 * whose header row is repeated on every page, long cells wrapped (at most a
 * few lines, then an ellipsis), names indented by their level in the unit
 * tree, and "Side 1 av N" at the foot of each page. Pango does the text
 * layout (shaping, line breaking, æøå) in DejaVu Sans from fontconfig. Two
 * passes: the first measures every row to find the page breaks, so the
 * total page count is known before the second pass draws. Sizes are in PDF
 * points; Pango sizes are absolute so 8 means 8 pt. */
#include "io/export.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "base/buf.h"

enum { COLS_MAX = 16, INDENT_LEVELS_MAX = 8, PROGRESS_EVERY = 500 };

static const double PAGE_W = 841.89;      /* A4 landscape, points */
static const double PAGE_H = 595.28;
static const double MARGIN = 36;
static const double PAD = 3;              /* inside each cell */
static const double INDENT = 9;           /* per tree level */
static const double CELL_MAX_H = 60;      /* taller cells are cut with an ellipsis */
static const double FOOT_GAP = 10;        /* between the table and the footer */
static const char FONT_FAMILY[] = "DejaVu Sans";

struct pdf {
	const struct export_table *t;
	cairo_t *cr;
	PangoLayout *lay;
	PangoFontDescription *body, *bold, *big, *small;
	double colx[COLS_MAX], colw[COLS_MAX];
	int ncols;
	double head_h, title_h, foot_h;
	const char *title, *subtitle, *footer;
};

static PangoFontDescription *font(double size, PangoWeight weight)
{
	PangoFontDescription *d = pango_font_description_new();
	pango_font_description_set_family(d, FONT_FAMILY);
	pango_font_description_set_weight(d, weight);
	pango_font_description_set_absolute_size(d, size * PANGO_SCALE);
	return d;
}

/* Puts text in the shared layout, wrapped at width (0: no wrapping), and
 * gives its height. */
static double set_text(struct pdf *d, const char *text, const PangoFontDescription *f, double width)
{
	pango_layout_set_font_description(d->lay, f);
	pango_layout_set_width(d->lay, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_text(d->lay, text, -1);
	int w, h;
	pango_layout_get_size(d->lay, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double indent_of(const struct pdf *d, int row, int col)
{
	if (!d->t->depth || col != 1)
		return 0;
	int level = d->t->depth[row] < INDENT_LEVELS_MAX ? d->t->depth[row] : INDENT_LEVELS_MAX;
	return level > 0 ? level * INDENT : 0;
}

/* Lays out the cell (row -1: the heading) and gives its height with padding. */
static double cell(struct pdf *d, int row, int col)
{
	const char *s = row < 0 ? d->t->cols[col].heading : export_cell(d->t, row, col, true);
	double w = d->colw[col] - 2 * PAD - (row < 0 ? 0 : indent_of(d, row, col));
	return set_text(d, s, row < 0 ? d->bold : d->body, w > 1 ? w : 1) + 2 * PAD;
}

static double row_height(struct pdf *d, int row)
{
	double h = 0;
	for (int c = 0; c < d->ncols; c++) {
		double ch = cell(d, row, c);
		if (ch > h)
			h = ch;
	}
	return h;
}

static void draw_row(struct pdf *d, int row, double y, double h)
{
	cairo_t *cr = d->cr;
	if (row < 0 || row % 2 == 1) {
		if (row < 0)
			cairo_set_source_rgb(cr, 0.87, 0.89, 0.93);
		else
			cairo_set_source_rgb(cr, 0.96, 0.96, 0.97);
		cairo_rectangle(cr, MARGIN, y, PAGE_W - 2 * MARGIN, h);
		cairo_fill(cr);
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (int c = 0; c < d->ncols; c++) {
		cell(d, row, c);
		cairo_move_to(cr, d->colx[c] + PAD + (row < 0 ? 0 : indent_of(d, row, c)), y + PAD);
		pango_cairo_show_layout(cr, d->lay);
	}
	if (row < 0) {
		cairo_set_line_width(cr, 0.6);
		cairo_move_to(cr, MARGIN, y + h);
		cairo_line_to(cr, PAGE_W - MARGIN, y + h);
		cairo_stroke(cr);
	}
}

/* The title and the line under it, at the top of the first page; as tall
 * as title_height says. */
static void draw_title(struct pdf *d)
{
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	double h = set_text(d, d->title, d->big, PAGE_W - 2 * MARGIN);
	cairo_move_to(d->cr, MARGIN, MARGIN);
	pango_cairo_show_layout(d->cr, d->lay);
	set_text(d, d->subtitle, d->small, PAGE_W - 2 * MARGIN);
	cairo_move_to(d->cr, MARGIN, MARGIN + h + 2);
	pango_cairo_show_layout(d->cr, d->lay);
}

static double title_height(struct pdf *d)
{
	return set_text(d, d->title, d->big, PAGE_W - 2 * MARGIN) + 2 +
	       set_text(d, d->subtitle, d->small, PAGE_W - 2 * MARGIN) + 12;
}

/* Appends the catalogue text m with its conversions (%s or %d, in order)
 * replaced by the strings in args: the values are formatted by the caller,
 * so no format string comes from the catalogue. */
static void put_msg(struct buf *b, enum lang l, enum msg m, const char *const *args, int nargs)
{
	int used = 0;
	for (const char *s = msg(l, m); *s; s++) {
		if (s[0] == '%' && (s[1] == 's' || s[1] == 'd') && used < nargs) {
			buf_puts(b, args[used++]);
			s++;
		} else {
			buf_putc(b, *s);
		}
	}
}

static void draw_footer(struct pdf *d, struct arena *a, int page, int pages)
{
	double y = PAGE_H - MARGIN - d->foot_h;
	cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
	set_text(d, d->footer, d->small, (PAGE_W - 2 * MARGIN) * 0.75);
	cairo_move_to(d->cr, MARGIN, y);
	pango_cairo_show_layout(d->cr, d->lay);
	struct buf b;
	buf_init(&b, a, 0);
	char num[2][16];
	snprintf(num[0], sizeof num[0], "%d", page);
	snprintf(num[1], sizeof num[1], "%d", pages);
	put_msg(&b, d->t->lang, MSG_EXPORT_PAGE_OF, (const char *const[]){ num[0], num[1] }, 2);
	set_text(d, buf_str(&b), d->small, 0);
	int w, h;
	pango_layout_get_size(d->lay, &w, &h);
	cairo_move_to(d->cr, PAGE_W - MARGIN - (double)w / PANGO_SCALE, y);
	pango_cairo_show_layout(d->cr, d->lay);
}

/* Column positions: the page width shared by the columns' typical widths. */
static void place_columns(struct pdf *d)
{
	double total = 0;
	for (int c = 0; c < d->ncols; c++)
		total += d->t->cols[c].width > 0 ? d->t->cols[c].width : 1;
	double x = MARGIN, avail = PAGE_W - 2 * MARGIN;
	for (int c = 0; c < d->ncols; c++) {
		d->colx[c] = x;
		d->colw[c] = avail * (d->t->cols[c].width > 0 ? d->t->cols[c].width : 1) / total;
		x += d->colw[c];
	}
}

/* The texts around the table, in a. */
static void texts(struct pdf *d, struct arena *a, int64_t now)
{
	const struct export_table *t = d->t;
	struct buf b;
	buf_init(&b, a, 0);
	buf_puts(&b, t->title);
	if (t->org && *t->org) {
		buf_puts(&b, " \xE2\x80\x93 ");      /* en dash */
		buf_puts(&b, t->org);
	}
	d->title = arena_strdup(a, buf_str(&b));

	struct buf date, count;
	buf_init(&date, a, 0);
	fmt_date(&date, now);
	buf_init(&count, a, 0);
	fmt_int(&count, t->nrows);
	buf_init(&b, a, 0);
	const char *date_arg[] = { buf_str(&date) }, *count_arg[] = { buf_str(&count) };
	put_msg(&b, t->lang, MSG_EXPORT_EXPORTED_ON, date_arg, 1);
	buf_puts(&b, " \xC2\xB7 ");                 /* middle dot */
	put_msg(&b, t->lang, t->kind == EXPORT_UNITS ? MSG_EXPORT_UNITS_COUNT : MSG_EXPORT_PEOPLE_COUNT,
		count_arg, 1);
	d->subtitle = arena_strdup(a, buf_str(&b));

	buf_init(&b, a, 0);
	buf_puts(&b, d->title);
	buf_puts(&b, " \xC2\xB7 ");
	put_msg(&b, t->lang, MSG_EXPORT_EXPORTED_ON, date_arg, 1);
	d->footer = arena_strdup(a, buf_str(&b));
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
	FILE *f = closure;
	return fwrite(data, 1, length, f) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Appends the page that starts at row r to the list s (cap grows by doubling). */
static int *add_page(struct arena *a, int *s, int *pages, int *cap, int r)
{
	if (*pages + 1 >= *cap) {
		s = arena_realloc(a, s, (size_t)*cap * sizeof *s, (size_t)*cap * 2 * sizeof *s);
		*cap *= 2;
	}
	if (s)
		s[(*pages)++] = r;
	return s;
}

/* Measures every row (heights into h), then gives the first row of each page
 * in *starts (pages + 1 entries, the last one nrows) and returns the page
 * count; -1 over the arena's cap. A row taller than a page gets a page of
 * its own and is cut at the bottom. */
static int paginate(struct pdf *d, struct arena *a, double *h, int **starts,
		    const struct export_progress *p, int total)
{
	const struct export_table *t = d->t;
	for (int r = 0; r < t->nrows; r++) {
		h[r] = row_height(d, r);
		if (p && p->fn && (r + 1) % PROGRESS_EVERY == 0)
			p->fn(p->ctx, r + 1, total);
	}
	double bottom = PAGE_H - MARGIN - d->foot_h - FOOT_GAP;
	int cap = 16, pages = 0;
	int *s = arena_alloc(a, (size_t)cap * sizeof *s);
	double y = 0;
	for (int r = 0; r < t->nrows && s; r++) {
		if (pages == 0 || (y + h[r] > bottom && r > s[pages - 1])) {
			s = add_page(a, s, &pages, &cap, r);
			y = MARGIN + (pages == 1 ? d->title_h : 0) + d->head_h;
		}
		y += h[r];
	}
	if (s && pages == 0)
		s = add_page(a, s, &pages, &cap, 0);   /* no rows: the title and the header */
	if (!s)
		return -1;
	s[pages] = t->nrows;
	*starts = s;
	return pages;
}

static enum err render(struct pdf *d, struct arena *a, const struct export_progress *p)
{
	const struct export_table *t = d->t;
	d->ncols = t->ncols < COLS_MAX ? t->ncols : COLS_MAX;
	place_columns(d);
	d->head_h = row_height(d, -1);
	d->title_h = title_height(d);
	d->foot_h = set_text(d, d->footer, d->small, 0);
	int total = 2 * t->nrows;
	double *h = arena_alloc(a, (size_t)(t->nrows > 0 ? t->nrows : 1) * sizeof *h);
	int *starts = NULL;
	int pages = h ? paginate(d, a, h, &starts, p, total) : -1;
	if (pages < 0)
		return ERR_TOO_BIG;
	for (int pg = 0; pg < pages; pg++) {
		double y = MARGIN;
		if (pg == 0) {
			draw_title(d);
			y += d->title_h;
		}
		draw_row(d, -1, y, d->head_h);
		y += d->head_h;
		for (int r = starts[pg]; r < starts[pg + 1]; r++) {
			draw_row(d, r, y, h[r]);
			y += h[r];
			if (p && p->fn && (r + 1) % PROGRESS_EVERY == 0 && r + 1 < t->nrows)
				p->fn(p->ctx, t->nrows + r + 1, total);
		}
		draw_footer(d, a, pg + 1, pages);
		cairo_show_page(d->cr);
	}
	if (p && p->fn)
		p->fn(p->ctx, total, total);
	return OK;
}

enum err export_pdf(FILE *f, const struct export_table *t, int64_t now, const struct export_progress *p,
		    char *errmsg, size_t errlen)
{
	struct arena a;
	arena_init(&a, 0);
	struct pdf d = { .t = t };
	texts(&d, &a, now);
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(write_out, f, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, d.title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "evne");
	d.cr = cairo_create(surface);
	d.lay = pango_cairo_create_layout(d.cr);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pango_layout_get_context(d.lay), fo);
	cairo_font_options_destroy(fo);
	pango_layout_context_changed(d.lay);
	pango_layout_set_wrap(d.lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_ellipsize(d.lay, PANGO_ELLIPSIZE_END);
	pango_layout_set_height(d.lay, (int)((CELL_MAX_H - 2 * PAD) * PANGO_SCALE));
	d.body = font(8, PANGO_WEIGHT_NORMAL);
	d.bold = font(8, PANGO_WEIGHT_BOLD);
	d.big = font(15, PANGO_WEIGHT_BOLD);
	d.small = font(7.5, PANGO_WEIGHT_NORMAL);

	enum err e = render(&d, &a, p);

	pango_font_description_free(d.body);
	pango_font_description_free(d.bold);
	pango_font_description_free(d.big);
	pango_font_description_free(d.small);
	g_object_unref(d.lay);
	cairo_destroy(d.cr);
	cairo_surface_finish(surface);
	cairo_status_t st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	arena_free(&a);
	if (e == OK && st != CAIRO_STATUS_SUCCESS) {
		snprintf(errmsg, errlen, "cannot write the PDF: %s", cairo_status_to_string(st));
		return ERR_IO;
	}
	if (e != OK)
		snprintf(errmsg, errlen, "the PDF is too large to lay out");
	return e;
}

void export_pdf_shutdown(void)
{
	pango_cairo_font_map_set_default(NULL);
#if defined(__SANITIZE_ADDRESS__)
	/* Only for LeakSanitizer: these debug resets assert when a cache still
	 * holds a font, so the production binary leaves the memory to exit. */
	cairo_debug_reset_static_data();
	FcFini();
#endif
}
