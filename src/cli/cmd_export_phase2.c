/* cmd_export_phase2.c — reads phase 2's exports for `evne export`: the needs
 * register through the compilation's read of every proposed need
 * (store_comp_proposed_needs, drafts included, by unit in Norwegian order
 * then position), with the unit, competence and goal codes looked up by id
 * from one read of each (units, the catalogue, the cycle's current goals),
 * so the whole cycle costs a handful of queries however many units it has;
 * and the decided strategy through store_decided_version_get (the frozen
 * rows of a published version). */
#include "cli/cmd_export_phase2.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/compilation.h"
#include "domain/competences.h"
#include "domain/cycle.h"
#include "io/id_index.h"
#include "store/compilation.h"
#include "store/competences.h"
#include "store/cycles.h"
#include "store/decision.h"

enum { COMPETENCE_PAGE = 5000 };

/* ---- id -> position lookups ---- */

static int64_t unit_id_at(const void *v, int i)
{
	return ((const struct unit *)v)[i].id;
}

static int64_t competence_id_at(const void *v, int i)
{
	return ((const struct competence *)v)[i].id;
}

static int64_t goal_id_at(const void *v, int i)
{
	return ((const struct comp_goal *)v)[i].goal_id;
}

/* ---- reading ---- */

static int store_failed(struct store_conn *c, enum err e)
{
	fprintf(stderr, "evne: %s\n", e == ERR_TOO_BIG ? "out of memory" : store_errmsg(c));
	return 1;
}

/* The cycle by id (digits) or else by name. */
static int find_cycle(struct store_conn *c, struct arena *a, const char *given, struct cycle *out)
{
	enum err e = ERR_NOTFOUND;
	size_t len = strlen(given);
	if (len > 0 && len < 19 && strspn(given, "0123456789") == len)
		e = store_cycle_get(c, a, strtoll(given, NULL, 10), out);
	if (e == ERR_NOTFOUND)
		e = store_cycle_by_name(c, a, given, out);
	if (e == ERR_NOTFOUND) {
		fprintf(stderr, "evne: no cycle with the id or name '%s' (the cycles are listed at /cycles)\n",
			given);
		return 1;
	}
	return e ? store_failed(c, e) : 0;
}

bool export_pages_add(struct arena *a, struct export_pages *l, const void *page, int got, size_t size)
{
	if (l->len + got > l->cap) {
		int ncap = l->cap ? l->cap * 2 : got;
		while (ncap < l->len + got)
			ncap *= 2;
		void *v = arena_realloc(a, l->v, (size_t)l->cap * size, (size_t)ncap * size);
		if (!v)
			return false;
		l->v = v;
		l->cap = ncap;
	}
	if (got > 0)
		memcpy((char *)l->v + (size_t)l->len * size, page, (size_t)got * size);
	l->len += got;
	return true;
}

/* Every competence of the catalogue, inactive ones too, page by page. */
static enum err read_competences(struct store_conn *c, struct arena *a, struct competence **out, int *n)
{
	struct export_pages all = { 0 };
	struct competence_query q = { .include_inactive = true, .limit = COMPETENCE_PAGE };
	for (;;) {
		struct competence *page;
		int got;
		enum err e = store_competences_list(c, a, &q, &page, &got);
		if (e)
			return e;
		if (!export_pages_add(a, &all, page, got, sizeof *page))
			return ERR_TOO_BIG;
		if (got < COMPETENCE_PAGE)
			break;
		q.after_name = page[got - 1].name;
		q.after_id = page[got - 1].id;
	}
	*out = all.v;
	*n = all.len;
	return OK;
}

static int pos_cmp(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	return (a > b) - (a < b);
}

/* The codes of the goals ids[0..n) in the order of the goal list (by code
 * in Norwegian order), ", " between; a goal no longer in the cycle's
 * current strategy has no code and is left out. */
static const char *goal_codes(struct arena *a, const int64_t *ids, int n, const struct comp_goal *goals,
			      const struct id_pos *gix, int ngoals)
{
	if (n == 0)
		return "";
	int *pos = arena_alloc(a, (size_t)n * sizeof *pos);
	if (!pos)
		return NULL;
	int k = 0;
	for (int i = 0; i < n; i++) {
		int p = id_index_find(gix, ngoals, ids[i]);
		if (p >= 0)
			pos[k++] = p;
	}
	qsort(pos, (size_t)k, sizeof *pos, pos_cmp);
	struct buf b;
	buf_init(&b, a, 0);
	for (int i = 0; i < k; i++) {
		if (i > 0)
			buf_puts(&b, ", ");
		buf_puts(&b, goals[pos[i]].code);
	}
	return b.err ? NULL : buf_str(&b);
}

static int load_needs(struct store_conn *c, struct arena *a, const struct cycle *cy, enum lang lang,
		      struct export_table *t)
{
	struct comp_proposed_need *pn;
	struct unit *units;
	struct competence *comps;
	struct comp_goal *goals;
	int npn, nunits, ncomps, ngoals;
	enum err e = store_comp_proposed_needs(c, a, cy->id, true, &pn, &npn);
	if (!e)
		e = store_unit_tree(c, a, &units, &nunits);
	if (!e)
		e = read_competences(c, a, &comps, &ncomps);
	if (!e)
		e = store_comp_goals(c, a, cy->id, &goals, &ngoals);
	if (e)
		return store_failed(c, e);
	struct id_pos *uix = id_index(a, nunits, unit_id_at, units);
	struct id_pos *kix = id_index(a, ncomps, competence_id_at, comps);
	struct id_pos *gix = id_index(a, ngoals, goal_id_at, goals);
	struct export_need *rows = arena_alloc(a, (size_t)(npn > 0 ? npn : 1) * sizeof *rows);
	if (!uix || !kix || !gix || !rows)
		return store_failed(c, ERR_TOO_BIG);
	for (int i = 0; i < npn; i++) {
		const struct comp_proposed_need *x = &pn[i];
		int u = id_index_find(uix, nunits, x->unit_id), k = id_index_find(kix, ncomps, x->competence_id);
		rows[i] = (struct export_need){
			.unit_code = u >= 0 ? units[u].code : "",
			.unit_name = x->unit_name,
			.status = x->status,
			.competence_code = k >= 0 ? comps[k].code : "",
			.title = x->title,
			.criticality = x->criticality,
			.required_level = x->required_level,
			.current_level = x->current_level,
			.people_affected = x->people_affected,
			.horizon = x->horizon,
			.goal_codes = goal_codes(a, x->goal_ids, x->ngoals, goals, gix, ngoals),
			.rationale = x->rationale,
			.decided_need = x->decided_need_id ? x->decided_need_title : NULL,
		};
		if (!rows[i].goal_codes)
			return store_failed(c, ERR_TOO_BIG);
	}
	if (export_needs_table(a, lang, cy->name, export_org_name(units, nunits), rows, npn, t) != OK)
		return store_failed(c, ERR_TOO_BIG);
	return 0;
}

static int load_strategy(struct store_conn *c, struct arena *a, const struct cycle *cy,
			 const struct export_phase2_args *args, struct export_table *t)
{
	struct decided_version v;
	enum err e = store_decided_version_get(c, a, cy->id, args->version, &v);
	if (e == ERR_NOTFOUND && args->version == 0) {
		fprintf(stderr, "evne: cycle %s has no published decided competence strategy yet (HR publishes"
				" it from /cycles/%lld/decision)\n", cy->name, (long long)cy->id);
		return 1;
	}
	if (e == ERR_NOTFOUND) {
		struct decided_version latest;
		enum err le = store_decided_version_get(c, a, cy->id, 0, &latest);
		if (le == ERR_NOTFOUND)
			fprintf(stderr, "evne: cycle %s has no published decided competence strategy yet, so no"
					" version %lld\n", cy->name, (long long)args->version);
		else if (le)
			return store_failed(c, le);
		else
			fprintf(stderr, "evne: cycle %s has no version %lld of its decided competence strategy;"
					" the versions are 1 to %lld\n", cy->name, (long long)args->version,
				(long long)latest.number);
		return 1;
	}
	struct unit *units;
	int nunits;
	if (!e)
		e = store_unit_tree(c, a, &units, &nunits);
	if (e)
		return store_failed(c, e);
	if (export_strategy_table(a, args->lang, cy->name, export_org_name(units, nunits), &v, args->part, t) != OK)
		return store_failed(c, ERR_TOO_BIG);
	return 0;
}

int export_phase2_load(struct store_conn *c, struct arena *a, enum export_kind kind,
		       const struct export_phase2_args *args, struct export_table *t)
{
	struct cycle cy;
	int rc = find_cycle(c, a, args->cycle, &cy);
	if (rc)
		return rc;
	return kind == EXPORT_NEEDS ? load_needs(c, a, &cy, args->lang, t) : load_strategy(c, a, &cy, args, t);
}
