/* export.c — the format-independent half of `evne export`: turns arrays of
 * units and people into an export_table of text cells, looking up codes and
 * employee numbers by id (parent unit, leader, a person's unit), and holds
 * the rules the writers share: how a cell reads for humans and which cells
 * are neutralised against spreadsheet formulas. */
#include "io/export.h"

#include <string.h>

#include "io/id_index.h"

static const char *const kind_names[] = { [EXPORT_UNITS] = "units", [EXPORT_PEOPLE] = "people",
					   [EXPORT_NEEDS] = "needs", [EXPORT_STRATEGY] = "strategy" };
static const char *const format_names[] = { [EXPORT_CSV] = "csv", [EXPORT_XLSX] = "xlsx", [EXPORT_PDF] = "pdf" };

const char *export_kind_name(enum export_kind k)
{
	return k >= EXPORT_UNITS && k <= EXPORT_STRATEGY ? kind_names[k] : kind_names[EXPORT_UNITS];
}

bool export_kind_parse(const char *s, enum export_kind *out)
{
	for (size_t i = 0; s && i < sizeof kind_names / sizeof kind_names[0]; i++) {
		if (strcmp(s, kind_names[i]) == 0) {
			*out = (enum export_kind)i;
			return true;
		}
	}
	return false;
}

const char *export_format_name(enum export_format f)
{
	return f >= EXPORT_CSV && f <= EXPORT_PDF ? format_names[f] : format_names[EXPORT_CSV];
}

bool export_format_parse(const char *s, enum export_format *out)
{
	for (size_t i = 0; s && i < sizeof format_names / sizeof format_names[0]; i++) {
		if (strcmp(s, format_names[i]) == 0) {
			*out = (enum export_format)i;
			return true;
		}
	}
	return false;
}

/* ---- id -> position lookups ---- */

static int64_t unit_id_at(const void *v, int i)
{
	return ((const struct unit *)v)[i].id;
}

static int64_t person_id_at(const void *v, int i)
{
	return ((const struct person *)v)[i].id;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

const char *export_org_name(const struct unit *u, int n)
{
	const char *name = NULL;
	for (int i = 0; i < n; i++) {
		if (u[i].parent_id != 0)
			continue;
		if (name)
			return NULL;
		name = or_empty(u[i].name);
	}
	return name;
}

enum err export_table_init(struct arena *a, struct export_table *out, enum export_kind kind, enum lang lang,
			   const char *title, const struct export_column *cols, int ncols, int nrows)
{
	*out = (struct export_table){ .kind = kind, .lang = lang, .title = title, .ncols = ncols,
				      .cols = cols, .nrows = nrows, .count_msg = MSG_EXPORT_UNITS_COUNT };
	out->cells = arena_alloc(a, ((size_t)nrows * (size_t)ncols + 1) * sizeof *out->cells);
	return out->cells ? OK : ERR_TOO_BIG;
}

enum err export_table_begin(struct arena *a, struct export_table *out, enum export_kind kind, enum lang lang,
			    enum msg title, const struct export_col_spec *specs, int ncols, int nrows)
{
	struct export_column *cols = arena_alloc(a, (size_t)ncols * sizeof *cols);
	if (!cols)
		return ERR_TOO_BIG;
	for (int i = 0; i < ncols; i++)
		cols[i] = (struct export_column){ .key = specs[i].key, .heading = msg(lang, specs[i].heading),
						  .type = specs[i].type, .width = specs[i].width,
						  .not_printed = specs[i].not_printed };
	return export_table_init(a, out, kind, lang, msg(lang, title), cols, ncols, nrows);
}

enum err export_units_table(struct arena *a, enum lang lang, const struct unit *units, int nunits,
			    const struct person *people, int npeople, struct export_table *out)
{
	enum { NCOLS = 5 };
	static const struct export_col_spec cols[NCOLS] = {
		{ "code", MSG_EXPORT_COL_CODE, EXPORT_COL_CODE, 12, false },
		{ "name", MSG_EXPORT_COL_NAME, EXPORT_COL_TEXT, 34, false },
		{ "parent_code", MSG_EXPORT_COL_PARENT_CODE, EXPORT_COL_CODE, 14, false },
		{ "leader_employee_number", MSG_EXPORT_COL_LEADER_NUMBER, EXPORT_COL_CODE, 14, false },
		{ NULL, MSG_EXPORT_COL_LEADER_NAME, EXPORT_COL_TEXT, 26, false },
	};
	enum err e = export_table_begin(a, out, EXPORT_UNITS, lang, MSG_EXPORT_UNITS_TITLE, cols, NCOLS, nunits);
	int *depth = arena_alloc(a, (size_t)(nunits > 0 ? nunits : 1) * sizeof *depth);
	struct id_pos *ui = id_index(a, nunits, unit_id_at, units);
	struct id_pos *pi = id_index(a, npeople, person_id_at, people);
	if (e || !depth || !ui || !pi)
		return ERR_TOO_BIG;
	for (int r = 0; r < nunits; r++) {
		const struct unit *u = &units[r];
		const char **row = &out->cells[(size_t)r * NCOLS];
		int parent = id_index_find(ui, nunits, u->parent_id);
		int leader = id_index_find(pi, npeople, u->leader_id);
		row[0] = or_empty(u->code);
		row[1] = or_empty(u->name);
		row[2] = parent >= 0 ? or_empty(units[parent].code) : "";
		row[3] = leader >= 0 ? or_empty(people[leader].employee_number) : "";
		row[4] = leader >= 0 ? or_empty(people[leader].name) : or_empty(u->leader_name);
		depth[r] = u->depth;
	}
	out->depth = depth;
	out->org = export_org_name(units, nunits);
	return OK;
}

enum err export_people_table(struct arena *a, enum lang lang, const struct person *people, int npeople,
			     const struct unit *units, int nunits, struct export_table *out)
{
	enum { NCOLS = 7 };
	static const struct export_col_spec cols[NCOLS] = {
		{ "employee_number", MSG_EXPORT_COL_EMPLOYEE_NUMBER, EXPORT_COL_CODE, 13, false },
		{ "name", MSG_EXPORT_COL_NAME, EXPORT_COL_TEXT, 26, false },
		{ "email", MSG_EXPORT_COL_EMAIL, EXPORT_COL_TEXT, 28, false },
		{ "unit_code", MSG_EXPORT_COL_UNIT_CODE, EXPORT_COL_CODE, 11, false },
		{ NULL, MSG_EXPORT_COL_UNIT_NAME, EXPORT_COL_TEXT, 24, false },
		{ "job_title", MSG_EXPORT_COL_JOB_TITLE, EXPORT_COL_TEXT, 22, false },
		{ "active", MSG_EXPORT_COL_ACTIVE, EXPORT_COL_BOOL, 6, false },
	};
	enum err e = export_table_begin(a, out, EXPORT_PEOPLE, lang, MSG_EXPORT_PEOPLE_TITLE, cols, NCOLS,
					npeople);
	struct id_pos *ui = id_index(a, nunits, unit_id_at, units);
	if (e || !ui)
		return ERR_TOO_BIG;
	out->count_msg = MSG_EXPORT_PEOPLE_COUNT;
	for (int r = 0; r < npeople; r++) {
		const struct person *p = &people[r];
		const char **row = &out->cells[(size_t)r * NCOLS];
		int unit = id_index_find(ui, nunits, p->unit_id);
		row[0] = or_empty(p->employee_number);
		row[1] = or_empty(p->name);
		row[2] = or_empty(p->email);
		row[3] = unit >= 0 ? or_empty(units[unit].code) : "";
		row[4] = unit >= 0 ? or_empty(units[unit].name) : or_empty(p->unit_name);
		row[5] = or_empty(p->job_title);
		row[6] = p->active ? "ja" : "nei";
	}
	out->org = export_org_name(units, nunits);
	return OK;
}

const char *export_cell(const struct export_table *t, int row, int col, bool human)
{
	size_t i = (size_t)row * (size_t)t->ncols + (size_t)col;
	const char *s = t->cells[i];
	if (human && t->shown && t->shown[i])
		return t->shown[i];
	if (human && t->cols[col].type == EXPORT_COL_BOOL)
		return msg(t->lang, strcmp(s, "ja") == 0 ? MSG_YES : MSG_NO);
	return s;
}

bool export_needs_quote(const struct export_column *col, const char *s)
{
	if (col->type == EXPORT_COL_CODE || col->type == EXPORT_COL_NUMBER)
		return false;
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

int export_total_rows(const struct export_table *t)
{
	int n = 0;
	for (; t; t = t->next)
		n += t->nrows;
	return n;
}

void export_put_msg(struct buf *b, enum lang l, enum msg m, const char *const *args, int nargs)
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
