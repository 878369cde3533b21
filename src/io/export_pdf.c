/* export_pdf.c — writes an export_table as a printable PDF with cairo and
 * Pango: A4 landscape, the title and export date on the first page, a table
 * whose header row is repeated on every page, long cells wrapped (at most a
 * few lines, then an ellipsis), names indented by their level in the unit
 * tree, and "Side 1 av N" at the foot of each page. A further part (the
 * decided strategy's measures) starts on a new page under its own title,
 * and the page numbers count every part. Pango does the text
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
#include <string.h>

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
	int col[COLS_MAX];          /* the table's column of each printed column */
	int ncols;                  /* printed columns */
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

/* c: a printed column, as in the functions below. */
static double indent_of(const struct pdf *d, int row, int c)
{
	if (!d->t->depth || d->col[c] != 1)
		return 0;
	int level = d->t->depth[row] < INDENT_LEVELS_MAX ? d->t->depth[row] : INDENT_LEVELS_MAX;
	return level > 0 ? level * INDENT : 0;
}

/* Lays out the cell (row -1: the heading) and gives its height with padding. */
static double cell(struct pdf *d, int row, int c)
{
	int col = d->col[c];
	const char *s = row < 0 ? d->t->cols[col].heading : export_cell(d->t, row, col, true);
	double w = d->colw[c] - 2 * PAD - (row < 0 ? 0 : indent_of(d, row, c));
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
	export_put_msg(&b, d->t->lang, MSG_EXPORT_PAGE_OF, (const char *const[]){ num[0], num[1] }, 2);
	set_text(d, buf_str(&b), d->small, 0);
	int w, h;
	pango_layout_get_size(d->lay, &w, &h);
	cairo_move_to(d->cr, PAGE_W - MARGIN - (double)w / PANGO_SCALE, y);
	pango_cairo_show_layout(d->cr, d->lay);
}

/* The typical width of printed column c. */
static int width_of(const struct pdf *d, int c)
{
	int w = d->t->cols[d->col[c]].width;
	return w > 0 ? w : 1;
}

/* The width of the longest word of the heading of printed column c, in bold. */
static double heading_word_width(struct pdf *d, int c)
{
	char word[128];
	double widest = 0;
	for (const char *s = d->t->cols[d->col[c]].heading; *s;) {
		size_t n = strcspn(s, " ");
		if (n > 0 && n < sizeof word) {
			memcpy(word, s, n);
			word[n] = '\0';
			pango_layout_set_font_description(d->lay, d->bold);
			pango_layout_set_width(d->lay, -1);
			pango_layout_set_text(d->lay, word, -1);
			int w, h;
			pango_layout_get_size(d->lay, &w, &h);
			if ((double)w / PANGO_SCALE > widest)
				widest = (double)w / PANGO_SCALE;
		}
		s += n + (s[n] == ' ');
	}
	return widest;
}

/* Column positions: the page width shared by the columns' typical widths,
 * but each at least as wide as the longest word of its heading (so no
 * heading breaks inside a word) when the page has room for that; the
 * others share what is left. */
static void place_columns(struct pdf *d)
{
	double avail = PAGE_W - 2 * MARGIN, minw[COLS_MAX], need = 0;
	bool fixed[COLS_MAX];
	for (int c = 0; c < d->ncols; c++) {
		minw[c] = heading_word_width(d, c) + 2 * PAD + 1;
		need += minw[c];
		fixed[c] = false;
	}
	if (need > avail)
		memset(minw, 0, sizeof minw);
	for (int round = 0; round <= d->ncols; round++) {
		double total = 0, left = avail;
		for (int c = 0; c < d->ncols; c++) {
			if (fixed[c])
				left -= minw[c];
			else
				total += width_of(d, c);
		}
		bool changed = false;
		for (int c = 0; c < d->ncols; c++) {
			if (fixed[c])
				continue;
			d->colw[c] = left * width_of(d, c) / total;
			if (d->colw[c] < minw[c]) {
				fixed[c] = changed = true;
				d->colw[c] = minw[c];
			}
		}
		if (!changed)
			break;
	}
	double x = MARGIN;
	for (int c = 0; c < d->ncols; c++) {
		d->colx[c] = x;
		x += d->colw[c];
	}
}

/* The texts around part t (first: the export's first part), in a: its
 * title ("Heading – Org"; a later part: its own title) and the line under
 * it ([note · ]Eksportert 28.11.2026 · 12 behov; a later part: the count). */
static void texts(struct pdf *d, struct arena *a, const struct export_table *t, bool first, int64_t now)
{
	struct buf b;
	buf_init(&b, a, 0);
	buf_puts(&b, first && t->heading ? t->heading : t->title);
	if (first && t->org && *t->org) {
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
	if (first && t->note && *t->note) {
		buf_puts(&b, t->note);
		buf_puts(&b, " \xC2\xB7 ");               /* middle dot */
	}
	if (first) {
		export_put_msg(&b, t->lang, MSG_EXPORT_EXPORTED_ON, date_arg, 1);
		buf_puts(&b, " \xC2\xB7 ");
	}
	export_put_msg(&b, t->lang, t->count_msg, count_arg, 1);
	d->subtitle = arena_strdup(a, buf_str(&b));

	if (first) {
		buf_init(&b, a, 0);
		buf_puts(&b, d->title);
		buf_puts(&b, " \xC2\xB7 ");
		export_put_msg(&b, t->lang, MSG_EXPORT_EXPORTED_ON, date_arg, 1);
		d->footer = arena_strdup(a, buf_str(&b));
	}
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

/* Measures every row of the current part (heights into h), then gives the
 * first row of each page in *starts (pages + 1 entries, the last one nrows)
 * and returns the page count; -1 over the arena's cap. A row taller than a
 * page gets a page of its own and is cut at the bottom. done and total
 * count rows for the progress. */
static int paginate(struct pdf *d, struct arena *a, double *h, int **starts,
		    const struct export_progress *p, int done, int total)
{
	const struct export_table *t = d->t;
	for (int r = 0; r < t->nrows; r++) {
		h[r] = row_height(d, r);
		if (p && p->fn && (done + r + 1) % PROGRESS_EVERY == 0)
			p->fn(p->ctx, done + r + 1, total);
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

/* Makes part t the one cell() and draw_row() lay out. */
static void use_part(struct pdf *d, struct arena *a, const struct export_table *t, bool first, int64_t now)
{
	d->t = t;
	d->ncols = 0;
	for (int c = 0; c < t->ncols && d->ncols < COLS_MAX; c++)
		if (!t->cols[c].not_printed)
			d->col[d->ncols++] = c;
	texts(d, a, t, first, now);
	place_columns(d);
	d->head_h = row_height(d, -1);
	d->title_h = title_height(d);
}

/* Where one part's pages start, from the first pass. */
struct part_pages {
	double *h;
	int *starts;
	int pages;
};

static enum err render(struct pdf *d, struct arena *a, const struct export_table *first, int64_t now,
		       const struct export_progress *p)
{
	int nparts = 0;
	for (const struct export_table *t = first; t; t = t->next)
		nparts++;
	struct part_pages *pp = arena_alloc(a, (size_t)nparts * sizeof *pp);
	if (!pp)
		return ERR_TOO_BIG;
	int rows = export_total_rows(first), total = 2 * rows, done = 0, pages = 0, i = 0;
	for (const struct export_table *t = first; t; t = t->next, i++) {
		use_part(d, a, t, i == 0, now);
		if (i == 0)
			d->foot_h = set_text(d, d->footer, d->small, 0);
		pp[i].h = arena_alloc(a, (size_t)(t->nrows > 0 ? t->nrows : 1) * sizeof *pp[i].h);
		pp[i].pages = pp[i].h ? paginate(d, a, pp[i].h, &pp[i].starts, p, done, total) : -1;
		if (pp[i].pages < 0)
			return ERR_TOO_BIG;
		pages += pp[i].pages;
		done += t->nrows;
	}
	int page = 0;
	i = 0;
	for (const struct export_table *t = first; t; t = t->next, i++) {
		use_part(d, a, t, i == 0, now);
		for (int pg = 0; pg < pp[i].pages; pg++) {
			double y = MARGIN;
			if (pg == 0) {
				draw_title(d);
				y += d->title_h;
			}
			draw_row(d, -1, y, d->head_h);
			y += d->head_h;
			for (int r = pp[i].starts[pg]; r < pp[i].starts[pg + 1]; r++) {
				draw_row(d, r, y, pp[i].h[r]);
				y += pp[i].h[r];
				if (p && p->fn && (done + r + 1) % PROGRESS_EVERY == 0 && done + r + 1 < total)
					p->fn(p->ctx, done + r + 1, total);
			}
			draw_footer(d, a, ++page, pages);
			cairo_show_page(d->cr);
		}
		done += t->nrows;
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
	texts(&d, &a, t, true, now);
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

	enum err e = render(&d, &a, t, now, p);

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
