/* export.c — the format-independent half of `evne export`: turns arrays of
 * units and people into an export_table of text cells, looking up codes and
 * employee numbers by id (parent unit, leader, a person's unit), and holds
 * the rules the writers share: how a cell reads for humans and which cells
 * are neutralised against spreadsheet formulas. */
#include "io/export.h"

#include <stdlib.h>
#include <string.h>

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

/* ---- id -> position lookups (sorted pairs, binary search) ---- */

struct id_pos {
	int64_t id;
	int pos;
};

static int id_pos_cmp(const void *pa, const void *pb)
{
	const struct id_pos *a = pa, *b = pb;
	return (a->id > b->id) - (a->id < b->id);
}

static struct id_pos *unit_index(struct arena *a, const struct unit *u, int n)
{
	struct id_pos *v = arena_alloc(a, (size_t)(n > 0 ? n : 1) * sizeof *v);
	if (!v)
		return NULL;
	for (int i = 0; i < n; i++)
		v[i] = (struct id_pos){ u[i].id, i };
	qsort(v, (size_t)n, sizeof *v, id_pos_cmp);
	return v;
}

static struct id_pos *person_index(struct arena *a, const struct person *p, int n)
{
	struct id_pos *v = arena_alloc(a, (size_t)(n > 0 ? n : 1) * sizeof *v);
	if (!v)
		return NULL;
	for (int i = 0; i < n; i++)
		v[i] = (struct id_pos){ p[i].id, i };
	qsort(v, (size_t)n, sizeof *v, id_pos_cmp);
	return v;
}

/* The position of id in the index, -1 when absent (or id is 0). */
static int find(const struct id_pos *v, int n, int64_t id)
{
	if (id == 0 || n == 0)
		return -1;
	struct id_pos key = { id, 0 };
	const struct id_pos *hit = bsearch(&key, v, (size_t)n, sizeof *v, id_pos_cmp);
	return hit ? hit->pos : -1;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* The name of the only top unit, NULL when none or several. */
static const char *org_name(const struct unit *u, int n)
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

enum err export_units_table(struct arena *a, enum lang lang, const struct unit *units, int nunits,
			    const struct person *people, int npeople, struct export_table *out)
{
	enum { NCOLS = 5 };
	struct export_column *cols = arena_alloc(a, NCOLS * sizeof *cols);
	if (!cols)
		return ERR_TOO_BIG;
	cols[0] = EXPORT_COLUMN("code", msg(lang, MSG_EXPORT_COL_CODE), EXPORT_COL_CODE, 12);
	cols[1] = EXPORT_COLUMN("name", msg(lang, MSG_EXPORT_COL_NAME), EXPORT_COL_TEXT, 34);
	cols[2] = EXPORT_COLUMN("parent_code", msg(lang, MSG_EXPORT_COL_PARENT_CODE), EXPORT_COL_CODE, 14);
	cols[3] = EXPORT_COLUMN("leader_employee_number", msg(lang, MSG_EXPORT_COL_LEADER_NUMBER),
				EXPORT_COL_CODE, 14);
	cols[4] = EXPORT_COLUMN(NULL, msg(lang, MSG_EXPORT_COL_LEADER_NAME), EXPORT_COL_TEXT, 26);
	enum err e = export_table_init(a, out, EXPORT_UNITS, lang, msg(lang, MSG_EXPORT_UNITS_TITLE), cols,
				       NCOLS, nunits);
	int *depth = arena_alloc(a, (size_t)(nunits > 0 ? nunits : 1) * sizeof *depth);
	struct id_pos *ui = unit_index(a, units, nunits);
	struct id_pos *pi = person_index(a, people, npeople);
	if (e || !depth || !ui || !pi)
		return ERR_TOO_BIG;
	for (int r = 0; r < nunits; r++) {
		const struct unit *u = &units[r];
		const char **row = &out->cells[(size_t)r * NCOLS];
		int parent = find(ui, nunits, u->parent_id);
		int leader = find(pi, npeople, u->leader_id);
		row[0] = or_empty(u->code);
		row[1] = or_empty(u->name);
		row[2] = parent >= 0 ? or_empty(units[parent].code) : "";
		row[3] = leader >= 0 ? or_empty(people[leader].employee_number) : "";
		row[4] = leader >= 0 ? or_empty(people[leader].name) : or_empty(u->leader_name);
		depth[r] = u->depth;
	}
	out->depth = depth;
	out->org = org_name(units, nunits);
	return OK;
}

enum err export_people_table(struct arena *a, enum lang lang, const struct person *people, int npeople,
			     const struct unit *units, int nunits, struct export_table *out)
{
	enum { NCOLS = 7 };
	struct export_column *cols = arena_alloc(a, NCOLS * sizeof *cols);
	if (!cols)
		return ERR_TOO_BIG;
	cols[0] = EXPORT_COLUMN("employee_number", msg(lang, MSG_EXPORT_COL_EMPLOYEE_NUMBER),
				EXPORT_COL_CODE, 13);
	cols[1] = EXPORT_COLUMN("name", msg(lang, MSG_EXPORT_COL_NAME), EXPORT_COL_TEXT, 26);
	cols[2] = EXPORT_COLUMN("email", msg(lang, MSG_EXPORT_COL_EMAIL), EXPORT_COL_TEXT, 28);
	cols[3] = EXPORT_COLUMN("unit_code", msg(lang, MSG_EXPORT_COL_UNIT_CODE), EXPORT_COL_CODE, 11);
	cols[4] = EXPORT_COLUMN(NULL, msg(lang, MSG_EXPORT_COL_UNIT_NAME), EXPORT_COL_TEXT, 24);
	cols[5] = EXPORT_COLUMN("job_title", msg(lang, MSG_EXPORT_COL_JOB_TITLE), EXPORT_COL_TEXT, 22);
	cols[6] = EXPORT_COLUMN("active", msg(lang, MSG_EXPORT_COL_ACTIVE), EXPORT_COL_BOOL, 6);
	enum err e = export_table_init(a, out, EXPORT_PEOPLE, lang, msg(lang, MSG_EXPORT_PEOPLE_TITLE), cols,
				       NCOLS, npeople);
	struct id_pos *ui = unit_index(a, units, nunits);
	if (e || !ui)
		return ERR_TOO_BIG;
	out->count_msg = MSG_EXPORT_PEOPLE_COUNT;
	for (int r = 0; r < npeople; r++) {
		const struct person *p = &people[r];
		const char **row = &out->cells[(size_t)r * NCOLS];
		int unit = find(ui, nunits, p->unit_id);
		row[0] = or_empty(p->employee_number);
		row[1] = or_empty(p->name);
		row[2] = or_empty(p->email);
		row[3] = unit >= 0 ? or_empty(units[unit].code) : "";
		row[4] = unit >= 0 ? or_empty(units[unit].name) : or_empty(p->unit_name);
		row[5] = or_empty(p->job_title);
		row[6] = p->active ? "ja" : "nei";
	}
	out->org = org_name(units, nunits);
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
