/* csv.c — the CSV reader of csv.h on libcsv. libcsv knows nothing of lines,
 * so the input is fed to it one physical line at a time: every record ends
 * inside the line that holds its terminator, and a record starts on the first
 * line with content after the previous one ended. Each line is checked as
 * UTF-8 before it is parsed, so an encoding error names its exact line. */
#include "io/csv.h"

#include <csv.h>
#include <string.h>
#include "base/utf8.h"

struct reader {
	struct arena *a;
	struct csv_table *t;
	char **fields;            /* the record being read */
	int nfields, capfields;
	int reccap;
	int start_line;           /* line where the pending record began; 0: none */
	int cur_line;             /* the physical line being fed to libcsv */
	bool have_header;
	bool over_cap;
};

static bool blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

/* The delimiter of the first line with content: the more frequent of ',' and
 * ';' outside quotes; a comma on a tie. */
static char detect_delim(const char *s, size_t n)
{
	int commas = 0, semis = 0;
	bool quoted = false, content = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && c == ',')
			commas++;
		else if (!quoted && c == ';')
			semis++;
		else if (!quoted && c == '\n' && content)
			break;
		if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
			content = true;
	}
	return semis > commas ? ';' : ',';
}

static void on_field(void *s, size_t len, void *ctx)
{
	struct reader *r = ctx;
	if (r->over_cap)
		return;
	if (r->nfields == r->capfields) {
		int ncap = r->capfields ? r->capfields * 2 : 16;
		char **nf = arena_realloc(r->a, r->fields, sizeof *nf * (size_t)r->capfields,
					  sizeof *nf * (size_t)ncap);
		if (!nf) {
			r->over_cap = true;
			return;
		}
		r->fields = nf;
		r->capfields = ncap;
	}
	char *f = arena_strndup(r->a, s ? s : "", s ? len : 0);
	if (!f) {
		r->over_cap = true;
		return;
	}
	r->fields[r->nfields++] = f;
}

static void on_record(int term, void *ctx)
{
	(void)term;
	struct reader *r = ctx;
	/* A bare CR ends a record for libcsv but not a line for us, so a
	 * second record can begin inside the line that ended the first one
	 * (start_line was already reset): it starts on the current line. */
	int line = r->start_line ? r->start_line : r->cur_line, n = r->nfields;
	r->start_line = 0;
	r->nfields = 0;
	if (r->over_cap)
		return;
	bool empty = true;
	for (int i = 0; i < n && empty; i++)
		if (r->fields[i][0])
			empty = false;
	if (empty)
		return;
	char **copy = arena_alloc(r->a, sizeof *copy * (size_t)n);
	if (!copy) {
		r->over_cap = true;
		return;
	}
	memcpy(copy, r->fields, sizeof *copy * (size_t)n);
	struct csv_table *t = r->t;
	if (!r->have_header) {
		for (int i = 0; i < n; i++)
			str_trim(copy[i]);
		t->header = copy;
		t->ncols = n;
		t->header_line = line;
		r->have_header = true;
		return;
	}
	if (t->nrows == r->reccap) {
		int ncap = r->reccap ? r->reccap * 2 : 64;
		struct csv_record *nr = arena_realloc(r->a, t->rows, sizeof *nr * (size_t)r->reccap,
						      sizeof *nr * (size_t)ncap);
		if (!nr) {
			r->over_cap = true;
			return;
		}
		t->rows = nr;
		r->reccap = ncap;
	}
	t->rows[t->nrows++] = (struct csv_record){ .line = line, .nfields = n, .fields = copy };
}

enum err csv_read(struct arena *a, const char *data, size_t len, struct csv_table *out,
		  struct csv_failure *fail)
{
	enum err rc = OK;
	struct csv_parser p;
	bool parser_ready = false;
	memset(out, 0, sizeof *out);
	*fail = (struct csv_failure){ CSV_FAULT_NONE, 0 };
	struct reader r = { .a = a, .t = out };

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	out->delim = detect_delim(data, len);
	if (csv_init(&p, CSV_APPEND_NULL) != 0) {
		rc = ERR_TOO_BIG;
		*fail = (struct csv_failure){ CSV_FAULT_TOO_BIG, 0 };
		goto out;
	}
	parser_ready = true;
	csv_set_delim(&p, (unsigned char)out->delim);

	size_t pos = 0;
	for (int line = 1; pos < len; line++) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : len - pos;
		const char *s = data + pos;
		if (!utf8_valid_text(s, n)) {
			*fail = (struct csv_failure){ CSV_FAULT_ENCODING, line };
			rc = ERR_INVALID;
			goto out;
		}
		if (!r.start_line && !blank_line(s, n))
			r.start_line = line;
		r.cur_line = line;
		if (csv_parse(&p, s, n, on_field, on_record, &r) != n || r.over_cap) {
			*fail = (struct csv_failure){ CSV_FAULT_TOO_BIG, line };
			rc = ERR_TOO_BIG;
			goto out;
		}
		pos += n;
	}
	/* libcsv would silently close a quote left open at the end of the file;
	 * that almost always means a stray quote swallowed the rest of it. State
	 * 2 is libcsv's FIELD_BEGUN (its states are not in csv.h): inside a
	 * field, and p.quoted says the field opened with a quote. */
	if (p.pstate == 2 && p.quoted && r.start_line) {
		*fail = (struct csv_failure){ CSV_FAULT_QUOTE, r.start_line };
		rc = ERR_INVALID;
		goto out;
	}
	if (csv_fini(&p, on_field, on_record, &r) != 0 || r.over_cap) {
		*fail = (struct csv_failure){ CSV_FAULT_TOO_BIG, 0 };
		rc = ERR_TOO_BIG;
		goto out;
	}
	if (!r.have_header) {
		*fail = (struct csv_failure){ CSV_FAULT_EMPTY, 1 };
		rc = ERR_INVALID;
	}
out:
	if (parser_ready)
		csv_free(&p);
	if (rc != OK) {
		out->rows = NULL;
		out->nrows = 0;
	}
	return rc;
}

static bool same_ascii_nocase(const char *x, const char *y)
{
	for (; *x && *y; x++, y++) {
		char cx = *x >= 'A' && *x <= 'Z' ? (char)(*x + 32) : *x;
		char cy = *y >= 'A' && *y <= 'Z' ? (char)(*y + 32) : *y;
		if (cx != cy)
			return false;
	}
	return *x == *y;
}

int csv_column(const struct csv_table *t, const char *name)
{
	for (int i = 0; i < t->ncols; i++)
		if (same_ascii_nocase(t->header[i], name))
			return i;
	return -1;
}

const char *csv_cell(const struct csv_record *r, int col)
{
	return col >= 0 && col < r->nfields ? r->fields[col] : "";
}

const char *csv_fault_text(enum csv_fault f)
{
	switch (f) {
	case CSV_FAULT_NONE: return "no error";
	case CSV_FAULT_ENCODING:
		return "not valid UTF-8 text (save the file as \"CSV UTF-8\"), or a control character";
	case CSV_FAULT_QUOTE: return "a quoted field starting here is never closed";
	case CSV_FAULT_EMPTY: return "the file is empty; a header line with column names is required";
	case CSV_FAULT_TOO_BIG: return "the file is too big";
	}
	return "unreadable file";
}
