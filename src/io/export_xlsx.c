/* export_xlsx.c — writes an export_table as an Excel workbook with
 * libxlsxwriter: one sheet per part, named after its title ("Enheter",
 * "Personer"; "Vedtatte behov" and "Tiltak" for the decided strategy),
 * a bold header row with the headings in the table's language, frozen so it
 * stays in view, an autofilter over the table, and column widths measured
 * from the content. Every cell is a string (never a formula, and codes never
 * numbers, so employee number "007" keeps its zeros) except the whole-number
 * columns (levels, gap, people affected, budget), which are number cells so
 * HR can sum and sort them; free-text cells that start like a
 * formula get the same leading apostrophe as in CSV (export.h says why).
 * Rows go out in constant-memory mode, so a large organisation costs little
 * memory. */
#include "io/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* A whole-number column's cell as a number; false for anything else (and
 * for the empty cell). Up to 15 digits: a double holds them exactly. */
static bool as_number(const struct export_column *col, const char *s, double *out)
{
	if (col->type != EXPORT_COL_NUMBER || !*s)
		return false;
	const char *p = s + (*s == '-');
	size_t n = strlen(p);
	if (n == 0 || n > 15 || strspn(p, "0123456789") != n)
		return false;
	*out = strtod(s, NULL);
	return true;
}

static enum err fail(char *errmsg, size_t errlen, const char *path, lxw_error le)
{
	snprintf(errmsg, errlen, "%s: cannot write the workbook (%s)", path, lxw_strerror(le));
	return ERR_IO;
}

/* Writes t as one sheet; done counts the rows written by earlier parts,
 * total those of all parts, for the progress. */
static lxw_error write_sheet(lxw_workbook *wb, lxw_format *head, const struct export_table *t,
			     const struct export_progress *p, int done, int total)
{
	lxw_error le = workbook_validate_sheet_name(wb, t->title);
	if (le != LXW_NO_ERROR)
		return le;
	lxw_worksheet *ws = workbook_add_worksheet(wb, t->title);
	if (!ws)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	double width[COLS_MAX];
	int ncols = t->ncols < COLS_MAX ? t->ncols : COLS_MAX;
	measure(t, ncols, width);
	for (int c = 0; c < ncols; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c], NULL);
	worksheet_freeze_panes(ws, 1, 0);
	if (ncols > 0)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, (lxw_col_t)(ncols - 1));

	for (int c = 0; c < ncols && le == LXW_NO_ERROR; c++)
		le = worksheet_write_string(ws, 0, (lxw_col_t)c, t->cols[c].heading, head);

	struct arena scratch;
	arena_init(&scratch, 0);
	for (int r = 0; r < t->nrows && le == LXW_NO_ERROR; r++) {
		for (int c = 0; c < ncols && le == LXW_NO_ERROR; c++) {
			const char *s = export_cell(t, r, c, true);
			if (!*s)
				continue;
			double number;
			if (as_number(&t->cols[c], export_cell(t, r, c, false), &number)) {
				le = worksheet_write_number(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, number, NULL);
				continue;
			}
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
		if (p && p->fn && (done + r + 1) % PROGRESS_EVERY == 0 && done + r + 1 < total)
			p->fn(p->ctx, done + r + 1, total);
	}
	arena_free(&scratch);
	return le;
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
	props.title = (char *)(t->heading ? t->heading : t->title);
	props.company = (char *)(t->org ? t->org : "");
	props.created = (time_t)now;
	workbook_set_properties(wb, &props);

	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bg_color(head, 0xDDE4EE);
	format_set_bottom(head, LXW_BORDER_THIN);

	int total = export_total_rows(t), done = 0;
	lxw_error le = LXW_NO_ERROR;
	for (const struct export_table *part = t; part && le == LXW_NO_ERROR; part = part->next) {
		le = write_sheet(wb, head, part, p, done, total);
		done += part->nrows;
	}
	lxw_error closed = workbook_close(wb);
	if (le != LXW_NO_ERROR)
		return fail(errmsg, errlen, path, le);
	if (closed != LXW_NO_ERROR)
		return fail(errmsg, errlen, path, closed);
	if (p && p->fn)
		p->fn(p->ctx, total, total);
	return OK;
}
