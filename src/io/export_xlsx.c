/* export_xlsx.c — writes an export_table as an Excel workbook with
 * libxlsxwriter: one sheet named after the title ("Enheter", "Personer"),
 * a bold header row with the headings in the table's language, frozen so it
 * stays in view, an autofilter over the table, and column widths measured
 * from the content. Every cell is a string (never a formula or a number, so
 * employee number "007" keeps its zeros); free-text cells that start like a
 * formula get the same leading apostrophe as in CSV (export.h says why).
 * Rows go out in constant-memory mode, so a large organisation costs little
 * memory. */
#include "io/export.h"

#include <stdio.h>
#include <time.h>
#include <xlsxwriter.h>

#include "base/buf.h"
#include "base/utf8.h"

enum { WIDTH_MIN = 8, WIDTH_MAX = 60, PROGRESS_EVERY = 1000, COLS_MAX = 16 };

/* Widths in characters of the first ncols columns, from the headings and
 * every cell. */
static void measure(const struct export_table *t, int ncols, double *width)
{
	for (int c = 0; c < ncols; c++) {
		size_t w = utf8_len(t->cols[c].heading) + 3;   /* room for the filter button */
		for (int r = 0; r < t->nrows; r++) {
			const char *s = export_cell(t, r, c, true);
			size_t n = utf8_len(s) + (export_needs_quote(&t->cols[c], s) ? 1 : 0);
			if (n > w)
				w = n;
		}
		if (w < WIDTH_MIN)
			w = WIDTH_MIN;
		if (w > WIDTH_MAX)
			w = WIDTH_MAX;
		width[c] = (double)w + 1;
	}
}

static enum err fail(char *errmsg, size_t errlen, const char *path, lxw_error le)
{
	snprintf(errmsg, errlen, "%s: cannot write the workbook (%s)", path, lxw_strerror(le));
	return ERR_IO;
}

enum err export_xlsx(const char *path, const struct export_table *t, int64_t now,
		     const struct export_progress *p, char *errmsg, size_t errlen)
{
	lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
	lxw_workbook *wb = workbook_new_opt(path, &options);
	if (!wb) {
		snprintf(errmsg, errlen, "%s: cannot create the workbook", path);
		return ERR_IO;
	}
	lxw_doc_properties props = { 0 };
	props.title = (char *)t->title;
	props.company = (char *)(t->org ? t->org : "");
	props.created = (time_t)now;
	workbook_set_properties(wb, &props);

	lxw_worksheet *ws = workbook_add_worksheet(wb, t->title);
	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bg_color(head, 0xDDE4EE);
	format_set_bottom(head, LXW_BORDER_THIN);

	double width[COLS_MAX];
	int ncols = t->ncols < COLS_MAX ? t->ncols : COLS_MAX;
	measure(t, ncols, width);
	for (int c = 0; c < ncols; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c], NULL);
	worksheet_freeze_panes(ws, 1, 0);
	if (ncols > 0)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, (lxw_col_t)(ncols - 1));

	lxw_error le = LXW_NO_ERROR;
	for (int c = 0; c < ncols && le == LXW_NO_ERROR; c++)
		le = worksheet_write_string(ws, 0, (lxw_col_t)c, t->cols[c].heading, head);

	struct arena scratch;
	arena_init(&scratch, 0);
	for (int r = 0; r < t->nrows && le == LXW_NO_ERROR; r++) {
		for (int c = 0; c < ncols && le == LXW_NO_ERROR; c++) {
			const char *s = export_cell(t, r, c, true);
			if (!*s)
				continue;
			if (export_needs_quote(&t->cols[c], s)) {
				struct buf b;
				buf_init(&b, &scratch, 0);
				buf_putc(&b, '\'');
				buf_puts(&b, s);
				s = buf_str(&b);
			}
			le = worksheet_write_string(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, s, NULL);
		}
		arena_reset(&scratch);
		if (p && p->fn && (r + 1) % PROGRESS_EVERY == 0 && r + 1 < t->nrows)
			p->fn(p->ctx, r + 1, t->nrows);
	}
	arena_free(&scratch);
	lxw_error closed = workbook_close(wb);
	if (le != LXW_NO_ERROR)
		return fail(errmsg, errlen, path, le);
	if (closed != LXW_NO_ERROR)
		return fail(errmsg, errlen, path, closed);
	if (p && p->fn)
		p->fn(p->ctx, t->nrows, t->nrows);
	return OK;
}
