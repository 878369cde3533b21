/* export_csv.c — writes an export_table as the CSV file `evne import` reads
 * back: UTF-8 with a byte-order mark, semicolons, CRLF line ends (what
 * Norwegian Excel opens without a wizard), the import's machine column names
 * in the header, and RFC 4180 quoting. A field is quoted when it holds a
 * delimiter (either one, so a reader who switches to commas is safe), a
 * quote, a line break, or spaces at either end (the import trims unquoted
 * fields). Free-text cells that a spreadsheet would take for a formula get a
 * leading apostrophe (export.h). */
#include "io/export.h"

#include <string.h>

enum { PROGRESS_EVERY = 1000 };

static const char DELIM = ';';

static bool must_quote(const char *s)
{
	if (s[0] == ' ' || (s[0] != '\0' && s[strlen(s) - 1] == ' '))
		return true;
	return strpbrk(s, ";,\"\r\n") != NULL;
}

static void put_field(FILE *f, const char *s, bool apostrophe)
{
	bool quote = must_quote(s);
	if (quote)
		fputc('"', f);
	if (apostrophe)
		fputc('\'', f);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	if (quote)
		fputc('"', f);
}

enum err export_csv(FILE *f, const struct export_table *t, const struct export_progress *p)
{
	fputs("\xEF\xBB\xBF", f);
	bool first = true;
	for (int c = 0; c < t->ncols; c++) {
		if (!t->cols[c].key)
			continue;
		if (!first)
			fputc(DELIM, f);
		fputs(t->cols[c].key, f);
		first = false;
	}
	fputs("\r\n", f);
	for (int r = 0; r < t->nrows; r++) {
		first = true;
		for (int c = 0; c < t->ncols; c++) {
			if (!t->cols[c].key)
				continue;
			if (!first)
				fputc(DELIM, f);
			const char *s = export_cell(t, r, c, false);
			put_field(f, s, export_needs_quote(&t->cols[c], s));
			first = false;
		}
		fputs("\r\n", f);
		if (p && p->fn && (r + 1) % PROGRESS_EVERY == 0 && r + 1 < t->nrows)
			p->fn(p->ctx, r + 1, t->nrows);
		if (ferror(f))
			return ERR_IO;
	}
	if (p && p->fn)
		p->fn(p->ctx, t->nrows, t->nrows);
	return fflush(f) == 0 && !ferror(f) ? OK : ERR_IO;
}
