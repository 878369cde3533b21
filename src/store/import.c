/* import.c (store) — writes a validated import plan inside the caller's
 * transaction. Units: first every reference is resolved and the tree that
 * would result (the database's units with the file's rows laid over them)
 * is checked for cycles; only a clean plan is written, parents before
 * children, so no intermediate state breaks the tree. People: the units are
 * read once into a hash table by code, then each row is looked up by
 * employee number and inserted or updated, in the store's bulk mode (the
 * search words and unit counts written once at the end). Every change writes one audit
 * row (action "import"); rows that change nothing are counted unchanged.
 * Competences: the areas the file names are resolved against the file and
 * the database, the area tree that would result is checked for loops, the
 * areas are written parents first, then each competence is upserted by
 * code into its area. */
#include "store/import.h"

#include <stdio.h>
#include <string.h>
#include "base/buf.h"
#include "domain/audit.h"
#include "domain/strategy.h"
#include "store/strategy.h"
#include "domain/competences.h"
#include "store/competences.h"

enum { PROGRESS_EVERY = 1000, AUDIT_MAX = 64 * 1024 };

static void report(const struct import_apply_opts *o, int done, int total)
{
	if (o->progress)
		o->progress(o->progress_ctx, done, total);
}

static enum err audit(struct store_conn *c, const struct import_apply_opts *o, const char *entity,
		      int64_t id, const struct buf *b)
{
	if (b->err != OK)
		return b->err;
	return store_audit_insert(c, o->now, o->user_id, entity, id, "import", buf_str(b));
}

/* ---- units ---- */

struct units_run {
	struct store_conn *c;
	struct arena *a;
	struct import_plan *p;
	const struct import_apply_opts *o;
	struct unit *db;
	int ndb;
	struct import_keymap db_by_code;     /* code -> index in db */
	struct import_keymap db_by_id;       /* id as decimal text -> index in db */
	struct import_keymap row_by_code;    /* code -> the first row with it */
	struct import_keymap leaders;        /* employee number -> person id */
	int64_t *row_id;                     /* unit id of each row once written */
};

static bool db_index_of_id(const struct units_run *r, int64_t id, int64_t *idx)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	return import_keymap_get(&r->db_by_id, key, idx);
}

static enum err units_load(struct units_run *r)
{
	enum err e = store_unit_tree(r->c, r->a, &r->db, &r->ndb);
	if (e != OK)
		return e;
	import_keymap_init(&r->db_by_code, r->a, (size_t)r->ndb, false);
	import_keymap_init(&r->db_by_id, r->a, (size_t)r->ndb, false);
	import_keymap_init(&r->row_by_code, r->a, (size_t)r->p->n, false);
	import_keymap_init(&r->leaders, r->a, (size_t)r->p->n, false);
	for (int i = 0; i < r->ndb; i++) {
		if (r->db[i].code)
			import_keymap_put(&r->db_by_code, r->db[i].code, i, NULL);
		char *key = arena_printf(r->a, "%lld", (long long)r->db[i].id);
		if (!key)
			return ERR_TOO_BIG;
		import_keymap_put(&r->db_by_id, key, i, NULL);
	}
	for (int i = 0; i < r->p->n; i++)
		if (valid_code(r->p->units[i].code))
			import_keymap_put(&r->row_by_code, r->p->units[i].code, i, NULL);
	r->row_id = arena_alloc(r->a, sizeof *r->row_id * ((size_t)r->p->n + 1));
	if (!r->row_id || r->db_by_code.failed || r->db_by_id.failed || r->row_by_code.failed ||
	    r->leaders.failed)
		return ERR_TOO_BIG;
	return OK;
}

/* Parents named by the file exist there or in the database; leaders exist
 * as people. */
static enum err units_check_refs(struct units_run *r)
{
	struct import_plan *p = r->p;
	bool leaders = p->has_leader && !r->o->skip_leaders;
	struct arena scratch;
	arena_init(&scratch, 0);
	enum err e = OK;
	for (int i = 0; i < p->n && e == OK; i++) {
		struct import_unit_row *row = &p->units[i];
		int64_t v;
		if (row->invalid)
			continue;
		if (p->has_parent_code && *row->parent_code &&
		    !import_keymap_get(&r->row_by_code, row->parent_code, &v) &&
		    !import_keymap_get(&r->db_by_code, row->parent_code, &v)) {
			import_error_add(&p->errors, row->line, "parent_code", PROB_UNKNOWN_REF,
					 row->parent_code);
			row->invalid = true;
		}
		const char *num = row->leader_employee_number;
		if (!leaders || !*num || import_keymap_get(&r->leaders, num, &v))
			continue;
		struct person who;
		e = store_person_by_number(r->c, &scratch, num, &who);
		if (e == OK) {
			import_keymap_put(&r->leaders, num, who.id, NULL);
		} else if (e == ERR_NOTFOUND) {
			e = OK;
			import_error_add(&p->errors, row->line, "leader_employee_number", PROB_UNKNOWN_REF,
					 num);
			row->invalid = true;
		}
		arena_reset(&scratch);
	}
	arena_free(&scratch);
	return e;
}

/* The tree after the import: node k < ndb is the database's unit k, node
 * ndb + i the new unit of row i. Cycles whose every link comes from the file
 * were reported by import_validate; the others pass through the database's
 * tree and are reported here, on the cycle's first row in the file. */
static enum err units_check_cycles(struct units_run *r)
{
	struct import_plan *p = r->p;
	int total = r->ndb + p->n;
	int *parent = arena_alloc(r->a, sizeof *parent * ((size_t)total + 1));
	int *row_of = arena_alloc(r->a, sizeof *row_of * ((size_t)total + 1));
	bool *from_file = arena_alloc(r->a, (size_t)total + 1);
	unsigned char *state = arena_alloc(r->a, (size_t)total + 1);
	int *path = arena_alloc(r->a, sizeof *path * ((size_t)total + 1));
	if (!parent || !row_of || !from_file || !state || !path)
		return ERR_TOO_BIG;

	for (int k = 0; k < total; k++) {
		row_of[k] = -1;
		parent[k] = -1;
		int64_t idx;
		if (k < r->ndb && r->db[k].parent_id && db_index_of_id(r, r->db[k].parent_id, &idx))
			parent[k] = (int)idx;
	}
	for (int i = 0; i < p->n; i++) {
		int64_t first, idx;
		const struct import_unit_row *row = &p->units[i];
		if (!import_keymap_get(&r->row_by_code, row->code, &first) || first != i)
			continue;
		int node = import_keymap_get(&r->db_by_code, row->code, &idx) ? (int)idx : r->ndb + i;
		row_of[node] = i;
		if (row->invalid || !p->has_parent_code)
			continue;
		from_file[node] = true;
		parent[node] = -1;
		if (!*row->parent_code)
			continue;
		if (import_keymap_get(&r->row_by_code, row->parent_code, &first))
			parent[node] = import_keymap_get(&r->db_by_code, row->parent_code, &idx) ?
				       (int)idx : r->ndb + (int)first;
		else if (import_keymap_get(&r->db_by_code, row->parent_code, &idx))
			parent[node] = (int)idx;
	}

	for (int k = 0; k < total; k++) {
		int len = 0, cur = k;
		while (cur >= 0 && state[cur] == 0) {
			state[cur] = 1;
			path[len++] = cur;
			cur = parent[cur];
		}
		if (cur >= 0 && state[cur] == 1) {
			int from = 0;
			while (path[from] != cur)
				from++;
			bool via_db = false;
			int first = -1;
			for (int m = from; m < len; m++) {
				int node = path[m];
				if (!from_file[node])
					via_db = true;
				if (row_of[node] >= 0 &&
				    (first < 0 || p->units[row_of[node]].line < p->units[row_of[first]].line))
					first = node;
			}
			if (via_db && first >= 0) {
				struct buf b;
				buf_init(&b, r->a, 4096);
				int at = from, cyc = len - from;
				while (path[at] != first)
					at++;
				for (int m = 0; m <= cyc; m++) {
					int node = path[from + (at - from + m) % cyc];
					if (m)
						buf_puts(&b, " > ");
					buf_puts(&b, node < r->ndb ? r->db[node].code : p->units[node - r->ndb].code);
				}
				struct import_unit_row *row = &p->units[row_of[first]];
				import_error_add(&p->errors, row->line, "parent_code", PROB_CYCLE,
						 b.err == OK ? arena_strdup(r->a, buf_str(&b)) : NULL);
				row->invalid = true;
			}
		}
		for (int m = 0; m < len; m++)
			state[path[m]] = 2;
	}
	return OK;
}

static int64_t unit_id_of_code(const struct units_run *r, const char *code)
{
	int64_t v;
	if (import_keymap_get(&r->row_by_code, code, &v))
		return r->row_id[v];
	if (import_keymap_get(&r->db_by_code, code, &v))
		return r->db[v].id;
	return 0;
}

static enum err units_write_row(struct units_run *r, int i, struct import_counts *counts)
{
	struct import_plan *p = r->p;
	struct import_unit_row *row = &p->units[i];
	int64_t idx;
	const struct unit *old = import_keymap_get(&r->db_by_code, row->code, &idx) ? &r->db[idx] : NULL;
	struct unit u = old ? *old : (struct unit){ .id = 0 };
	u.name = row->name;
	u.code = row->code;
	if (p->has_parent_code)
		u.parent_id = *row->parent_code ? unit_id_of_code(r, row->parent_code) : 0;
	if (p->has_leader && !r->o->skip_leaders) {
		int64_t pid = 0;
		if (*row->leader_employee_number)
			import_keymap_get(&r->leaders, row->leader_employee_number, &pid);
		u.leader_id = pid;
	}
	struct arena scratch;
	arena_init(&scratch, 0);
	struct buf b;
	buf_init(&b, &scratch, AUDIT_MAX);
	audit_unit_changes(&b, old, &u);
	enum err e = OK;
	if (old && audit_is_empty(&b)) {
		counts->unchanged++;
	} else {
		e = old ? store_unit_update(r->c, &u) : store_unit_insert(r->c, &u);
		if (e == ERR_CONFLICT) {
			import_error_add(&p->errors, row->line, "code", PROB_TAKEN, row->code);
			e = OK;
		} else if (e == OK) {
			e = audit(r->c, r->o, "unit", u.id, &b);
			if (old)
				counts->updated++;
			else
				counts->created++;
		}
	}
	r->row_id[i] = u.id;
	arena_free(&scratch);
	return e;
}

/* Writes the rows so that a parent named in the file is written before
 * its children (there are no cycles left). */
static enum err units_write(struct units_run *r, struct import_counts *counts)
{
	struct import_plan *p = r->p;
	bool *queued = arena_alloc(r->a, (size_t)p->n + 1);
	int *stack = arena_alloc(r->a, sizeof *stack * ((size_t)p->n + 1));
	if (!queued || !stack)
		return ERR_TOO_BIG;
	int done = 0;
	for (int i = 0; i < p->n; i++) {
		int len = 0;
		int64_t cur = i;
		while (cur >= 0 && !queued[cur]) {
			queued[cur] = true;
			stack[len++] = (int)cur;
			const struct import_unit_row *row = &p->units[cur];
			if (!p->has_parent_code || !*row->parent_code ||
			    !import_keymap_get(&r->row_by_code, row->parent_code, &cur))
				cur = -1;
		}
		while (len > 0) {
			enum err e = units_write_row(r, stack[--len], counts);
			if (e != OK)
				return e;
			if (++done % PROGRESS_EVERY == 0)
				report(r->o, done, p->n);
		}
	}
	return OK;
}

static enum err apply_units(struct store_conn *c, struct arena *a, struct import_plan *p,
			    const struct import_apply_opts *o, struct import_counts *counts)
{
	struct units_run r = { .c = c, .a = a, .p = p, .o = o };
	enum err e = units_load(&r);
	if (e == OK)
		e = units_check_refs(&r);
	if (e == OK)
		e = units_check_cycles(&r);
	if (e == OK && import_error_total(&p->errors) == 0)
		e = units_write(&r, counts);
	return e;
}

/* ---- people ---- */

static enum err apply_people(struct store_conn *c, struct arena *a, struct import_plan *p,
			     const struct import_apply_opts *o, struct import_counts *counts)
{
	struct unit *units;
	int nunits;
	enum err e = store_unit_tree(c, a, &units, &nunits);
	if (e != OK)
		return e;
	struct import_keymap unit_by_code;
	import_keymap_init(&unit_by_code, a, (size_t)nunits, false);
	for (int i = 0; i < nunits; i++)
		if (units[i].code)
			import_keymap_put(&unit_by_code, units[i].code, units[i].id, NULL);
	if (unit_by_code.failed)
		return ERR_TOO_BIG;

	/* The people's search words and the units' counts are written at the
	 * end, in key order (store_people_bulk_begin); nothing below reads them. */
	if ((e = store_people_bulk_begin(c)) != OK)
		return e;
	struct arena scratch;
	arena_init(&scratch, 0);
	for (int i = 0; i < p->n && e == OK; i++) {
		struct import_person_row *row = &p->people[i];
		int64_t unit_id = 0;
		if (*row->unit_code && valid_code(row->unit_code) &&
		    !import_keymap_get(&unit_by_code, row->unit_code, &unit_id)) {
			import_error_add(&p->errors, row->line, "unit_code", PROB_UNKNOWN_REF, row->unit_code);
			row->invalid = true;
		}
		if (row->invalid)
			continue;

		struct person old, np;
		e = store_person_by_number(c, &scratch, row->employee_number, &old);
		bool found = e == OK;
		if (e == ERR_NOTFOUND)
			e = OK;
		if (e != OK)
			break;
		np = found ? old : (struct person){ .active = true };
		np.name = row->name;
		np.employee_number = row->employee_number;
		np.unit_id = unit_id;
		if (p->has_email || !found)
			np.email = *row->email ? row->email : NULL;
		if (p->has_job_title || !found)
			np.job_title = *row->job_title ? row->job_title : NULL;
		if (row->has_active)
			np.active = row->active;

		struct buf b;
		buf_init(&b, &scratch, AUDIT_MAX);
		audit_person_changes(&b, found ? &old : NULL, &np);
		if (found && audit_is_empty(&b)) {
			counts->unchanged++;
		} else {
			e = found ? store_person_update(c, &np) : store_person_insert(c, &np);
			if (e == ERR_CONFLICT) {
				import_error_add(&p->errors, row->line, "employee_number", PROB_TAKEN,
						 row->employee_number);
				e = OK;
			} else if (e == OK) {
				e = audit(c, o, "person", np.id, &b);
				if (found)
					counts->updated++;
				else
					counts->created++;
			}
		}
		arena_reset(&scratch);
		/* the last row is reported done after the batch is written */
		if ((i + 1) % PROGRESS_EVERY == 0 && i + 1 < p->n)
			report(o, i + 1, p->n);
	}
	arena_free(&scratch);
	/* A plan with errors is rolled back (store_import_apply answers
	 * ERR_INVALID): its batch need not be written. */
	if (e == OK && import_error_total(&p->errors) == 0)
		return store_people_bulk_end(c);
	store_people_bulk_drop(c);
	return e;
}

/* ---- competences ---- */

struct comp_run {
	struct store_conn *c;
	struct arena *a;
	struct import_plan *p;
	const struct import_apply_opts *o;
	struct competence_area *db;          /* the database's areas */
	int ndb;
	struct import_keymap db_by_code;     /* area code -> index in db */
	struct import_keymap row_by_area;    /* area code -> first valid row describing it */
	int64_t *area_id;                    /* area id of each describing row once written */
	bool *written;
};

static enum err comp_load(struct comp_run *r)
{
	enum err e = store_competence_areas(r->c, r->a, &r->db, &r->ndb);
	if (e != OK)
		return e;
	struct import_plan *p = r->p;
	import_keymap_init(&r->db_by_code, r->a, (size_t)r->ndb, false);
	import_keymap_init(&r->row_by_area, r->a, (size_t)p->n, false);
	for (int i = 0; i < r->ndb; i++)
		import_keymap_put(&r->db_by_code, r->db[i].code, i, NULL);
	for (int i = 0; i < p->n; i++)
		if (!p->competences[i].invalid)
			import_keymap_put(&r->row_by_area, p->competences[i].area_code, i, NULL);
	r->area_id = arena_alloc(r->a, sizeof *r->area_id * ((size_t)p->n + 1));
	r->written = arena_alloc(r->a, (size_t)p->n + 1);
	if (!r->area_id || !r->written || r->db_by_code.failed || r->row_by_area.failed)
		return ERR_TOO_BIG;
	memset(r->written, 0, (size_t)p->n + 1);
	return OK;
}

/* The parent code of area code after the import ("" at the top, NULL when
 * the area is unknown): the file's when it says, else the database's. */
static const char *comp_parent_of(const struct comp_run *r, const char *code)
{
	int64_t i;
	bool in_file = import_keymap_get(&r->row_by_area, code, &i);
	if (in_file && r->p->has_parent_area_code)
		return r->p->competences[i].parent_area_code;
	int64_t d;
	if (import_keymap_get(&r->db_by_code, code, &d)) {
		int64_t pid = r->db[d].parent_id;
		for (int k = 0; pid && k < r->ndb; k++)
			if (r->db[k].id == pid)
				return r->db[k].code;
		return "";
	}
	return in_file ? "" : NULL;
}

/* Parents that exist, and no loops: each area the file describes is
 * followed up its parents (bounded by the number of areas); a walk that
 * comes back is reported on the first line, in the file, of the loop. */
static void comp_check_tree(struct comp_run *r)
{
	struct import_plan *p = r->p;
	int bound = r->ndb + p->n + 1;
	for (int i = 0; i < p->n; i++) {
		struct import_competence_row *row = &p->competences[i];
		int64_t first;
		if (row->invalid || !import_keymap_get(&r->row_by_area, row->area_code, &first) ||
		    first != i || !p->has_parent_area_code || !*row->parent_area_code)
			continue;
		if (!comp_parent_of(r, row->parent_area_code)) {
			import_error_add(&p->errors, row->line, "parent_area_code", PROB_UNKNOWN_REF,
					 row->parent_area_code);
			row->invalid = true;
			continue;
		}
		const char *cur = row->parent_area_code;
		int steps = 0, min_line = row->line;
		while (cur && *cur && strcmp(cur, row->area_code) != 0 && steps++ < bound) {
			int64_t k;
			if (import_keymap_get(&r->row_by_area, cur, &k) && p->competences[k].line < min_line)
				min_line = p->competences[k].line;
			cur = comp_parent_of(r, cur);
		}
		if (!cur || !*cur || strcmp(cur, row->area_code) != 0 || min_line != row->line)
			continue;
		struct buf b;
		buf_init(&b, r->a, 4096);
		buf_puts(&b, row->area_code);
		for (cur = row->parent_area_code; steps-- >= 0 && cur && *cur; cur = comp_parent_of(r, cur)) {
			buf_puts(&b, " > ");
			buf_puts(&b, cur);
			if (strcmp(cur, row->area_code) == 0)
				break;
		}
		import_error_add(&p->errors, row->line, "parent_area_code", PROB_CYCLE,
				 b.err == OK ? arena_strdup(r->a, buf_str(&b)) : NULL);
		row->invalid = true;
	}
}

static enum err comp_write_area(struct comp_run *r, int i, struct import_counts *counts);

/* The id of the area with code, writing it first when the file describes it. */
static enum err comp_area_id(struct comp_run *r, const char *code, struct import_counts *counts,
			     int64_t *id)
{
	int64_t k;
	if (import_keymap_get(&r->row_by_area, code, &k)) {
		enum err e = r->written[k] ? OK : comp_write_area(r, (int)k, counts);
		*id = r->area_id[k];
		return e;
	}
	if (import_keymap_get(&r->db_by_code, code, &k)) {
		*id = r->db[k].id;
		return OK;
	}
	*id = 0;
	return OK;
}

/* Upserts the area described by row i, its parent first (the tree has no
 * loops by now, so the recursion ends within the number of areas). */
static enum err comp_write_area(struct comp_run *r, int i, struct import_counts *counts)
{
	struct import_plan *p = r->p;
	struct import_competence_row *row = &p->competences[i];
	r->written[i] = true;
	int64_t d;
	const struct competence_area *old =
		import_keymap_get(&r->db_by_code, row->area_code, &d) ? &r->db[d] : NULL;
	struct competence_area ar = old ? *old : (struct competence_area){ .description = (char *)"" };
	ar.code = row->area_code;
	ar.name = row->area_name;
	enum err e = OK;
	if (p->has_parent_area_code) {
		ar.parent_id = 0;
		if (*row->parent_area_code)
			e = comp_area_id(r, row->parent_area_code, counts, &ar.parent_id);
	}
	if (e != OK)
		return e;
	struct arena scratch;
	arena_init(&scratch, 0);
	struct buf b;
	buf_init(&b, &scratch, AUDIT_MAX);
	competence_area_audit(&b, old, &ar);
	if (!old || !audit_is_empty(&b)) {
		e = old ? store_competence_area_update(r->c, r->o->now, &ar)
			: store_competence_area_insert(r->c, r->o->now, &ar);
		if (e == OK)
			e = audit(r->c, r->o, "competence_area", ar.id, &b);
		if (e == OK && old)
			counts->areas_updated++;
		else if (e == OK)
			counts->areas_created++;
	}
	r->area_id[i] = ar.id;
	arena_free(&scratch);
	return e;
}

static enum err comp_write(struct comp_run *r, struct import_counts *counts)
{
	struct import_plan *p = r->p;
	struct arena scratch;
	arena_init(&scratch, 0);
	enum err e = OK;
	for (int i = 0; i < p->n && e == OK; i++) {
		struct import_competence_row *row = &p->competences[i];
		struct competence old, k;
		int64_t area;
		if ((e = comp_area_id(r, row->area_code, counts, &area)) != OK)
			break;
		e = store_competence_by_code(r->c, &scratch, row->code, &old);
		bool found = e == OK;
		if (e == ERR_NOTFOUND)
			e = OK;
		if (e != OK)
			break;
		k = found ? old : (struct competence){ .active = true, .description = (char *)"" };
		k.code = row->code;
		k.name = row->name;
		k.area_id = area;
		if (p->has_description || !found)
			k.description = row->description;
		struct buf b;
		buf_init(&b, &scratch, AUDIT_MAX);
		competence_audit(&b, found ? &old : NULL, &k);
		if (found && audit_is_empty(&b)) {
			counts->unchanged++;
		} else {
			e = found ? store_competence_update(r->c, r->o->now, &k)
				  : store_competence_insert(r->c, r->o->now, &k);
			if (e == OK)
				e = audit(r->c, r->o, "competence", k.id, &b);
			if (found)
				counts->updated++;
			else
				counts->created++;
		}
		arena_reset(&scratch);
		if ((i + 1) % PROGRESS_EVERY == 0)
			report(r->o, i + 1, p->n);
	}
	arena_free(&scratch);
	return e;
}

static enum err apply_competences(struct store_conn *c, struct arena *a, struct import_plan *p,
				  const struct import_apply_opts *o, struct import_counts *counts)
{
	struct comp_run r = { .c = c, .a = a, .p = p, .o = o };
	enum err e = comp_load(&r);
	if (e == OK)
		comp_check_tree(&r);
	if (e == OK && import_error_total(&p->errors) == 0)
		e = comp_write(&r, counts);
	return e;
}

/* ---- unit goals ---- */

struct goal_cycle {
	int64_t id;
	bool closed;
	int64_t version_id;          /* latest published version; 0: none */
};

/* The cycle named by row, with its published version; cached by name in
 * *cycles (value: index in v, which has room for one per row). NULL with an
 * error recorded when unusable, or with *e set when the store failed. */
static const struct goal_cycle *goal_cycle_of(struct store_conn *c, struct arena *a, struct import_plan *p,
					      struct import_goal_row *row, struct import_keymap *cycles,
					      struct goal_cycle *v, int *n, enum err *e)
{
	int64_t idx;
	if (!import_keymap_get(cycles, row->cycle, &idx)) {
		struct strategy_cycle cy;
		struct goal_cycle gc = { 0 };
		*e = store_strategy_cycle_by_name(c, a, row->cycle, &cy);
		if (*e == OK) {
			gc.id = cy.id;
			gc.closed = strategy_cycle_closed(cy.status);
			struct strategy_version pv;
			*e = store_strategy_published(c, a, cy.id, 0, &pv);
			if (*e == OK)
				gc.version_id = pv.id;
		}
		if (*e == ERR_NOTFOUND)
			*e = OK;
		if (*e)
			return NULL;
		v[*n] = gc;   /* v holds one per row at most */
		idx = (*n)++;
		import_keymap_put(cycles, row->cycle, idx, NULL);
	}
	const struct goal_cycle *gc = &v[idx];
	if (!gc->id) {
		import_error_add(&p->errors, row->line, "cycle", PROB_UNKNOWN_REF, row->cycle);
		return NULL;
	}
	if (gc->closed) {
		import_error_add(&p->errors, row->line, "cycle", PROB_NOT_ALLOWED, row->cycle);
		return NULL;
	}
	return gc;
}

static enum err apply_goals(struct store_conn *c, struct arena *a, struct import_plan *p,
			    const struct import_apply_opts *o, struct import_counts *counts)
{
	struct unit *units;
	int nunits;
	enum err e = store_unit_tree(c, a, &units, &nunits);
	if (e != OK)
		return e;
	struct import_keymap unit_by_code, cycles;
	import_keymap_init(&unit_by_code, a, (size_t)nunits, false);
	import_keymap_init(&cycles, a, 8, false);
	for (int i = 0; i < nunits; i++)
		if (units[i].code)
			import_keymap_put(&unit_by_code, units[i].code, units[i].id, NULL);
	if (unit_by_code.failed || cycles.failed)
		return ERR_TOO_BIG;
	struct goal_cycle *cv = arena_alloc(a, sizeof *cv * ((size_t)p->n + 1));
	int ncv = 0;
	if (!cv)
		return ERR_TOO_BIG;
	struct arena scratch;
	arena_init(&scratch, 0);
	for (int i = 0; i < p->n && e == OK; i++) {
		struct import_goal_row *row = &p->goals[i];
		if (row->invalid)
			continue;
		const struct goal_cycle *gc = goal_cycle_of(c, a, p, row, &cycles, cv, &ncv, &e);
		int64_t unit_id = 0;
		if (!import_keymap_get(&unit_by_code, row->unit_code, &unit_id)) {
			import_error_add(&p->errors, row->line, "unit_code", PROB_UNKNOWN_REF, row->unit_code);
			row->invalid = true;
		}
		if (e || !gc || row->invalid)
			continue;
		struct strategy_goal sg;
		e = gc->version_id ? store_strategy_goal_by_code(c, &scratch, gc->version_id, row->goal_code, &sg)
				   : ERR_NOTFOUND;
		if (e == ERR_NOTFOUND) {
			e = OK;
			import_error_add(&p->errors, row->line, "goal_code", PROB_UNKNOWN_REF, row->goal_code);
			continue;
		}
		if (e)
			break;
		struct unit_goal old, ng;
		e = store_unit_goal_by_key(c, &scratch, gc->id, unit_id, row->title, &old);
		bool found = e == OK;
		if (e == ERR_NOTFOUND)
			e = OK;
		if (e)
			break;
		ng = found ? old : (struct unit_goal){ .cycle_id = gc->id, .unit_id = unit_id, .title = row->title,
						       .contribution = "" };
		ng.goal_id = sg.goal_id;
		if (p->has_contribution)
			ng.contribution = row->contribution;
		struct buf b;
		buf_init(&b, &scratch, AUDIT_MAX * 8);
		strategy_audit_unit_goal(&b, found ? &old : NULL, &ng);
		if (found && audit_is_empty(&b)) {
			counts->unchanged++;
		} else {
			e = found ? store_unit_goal_update(c, o->now, &ng) : store_unit_goal_insert(c, o->now, &ng);
			if (e == OK) {
				e = audit(c, o, "unit_goal", ng.id, &b);
				if (found)
					counts->updated++;
				else
					counts->created++;
			}
		}
		arena_reset(&scratch);
		if ((i + 1) % PROGRESS_EVERY == 0)
			report(o, i + 1, p->n);
	}
	arena_free(&scratch);
	return e;
}

enum err store_import_apply(struct store_conn *c, struct arena *a, struct import_plan *plan,
			    const struct import_apply_opts *o, struct import_counts *counts)
{
	memset(counts, 0, sizeof *counts);
	enum err e = plan->kind == IMPORT_UNITS	? apply_units(c, a, plan, o, counts)
		     : plan->kind == IMPORT_COMPETENCES ? apply_competences(c, a, plan, o, counts)
		     : plan->kind == IMPORT_GOALS	? apply_goals(c, a, plan, o, counts)
							: apply_people(c, a, plan, o, counts);
	if (e != OK)
		return e;
	report(o, plan->n, plan->n);
	if (import_error_total(&plan->errors) > 0) {
		import_errors_sort(&plan->errors);
		return ERR_INVALID;
	}
	return OK;
}
