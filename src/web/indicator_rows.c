/* indicator_rows.c — both phases' rows per unit for the actor. The store
 * returns each phase's units in the same order (name in Norwegian order,
 * then id); they are matched by id all the same, walking both lists
 * together and searching only when they differ. */
#include "web/indicator_rows.h"

#include "base/arena.h"
#include "domain/access.h"
#include "store/cycles.h"

/* The checklist's length for the indicators: the procedure in bokmål, the
 * organisation's first language (as web/page_prepare.c counts it). */
static const char *const COUNT_LANG = "nb";

bool ind_rows_org_wide(const struct actor *a)
{
	return a->role == ROLE_ADMIN || a->role == ROLE_HR || a->role == ROLE_MANAGEMENT ||
	       a->role == ROLE_REPRESENTATIVE;
}

static const struct ind_p2_unit *p2_of(const struct p2_report *r, int *next, int64_t unit_id)
{
	if (*next < r->nunits && r->units[*next].unit_id == unit_id)
		return &r->units[(*next)++];
	for (int i = 0; i < r->nunits; i++)
		if (r->units[i].unit_id == unit_id)
			return &r->units[i];
	return NULL;
}

enum err ind_rows_load(struct ctx *c, int64_t cycle_id, bool with_decided, struct ind_rows *out)
{
	*out = (struct ind_rows){ .org_wide = ind_rows_org_wide(&c->actor) };
	if (!access_can(&c->actor, ACT_INDICATORS_READ, 0) || (!out->org_wide && c->actor.scope_count == 0))
		return OK;
	char **steps;
	enum err e = store_phase_steps(c->db, c->a, COUNT_LANG, PHASE_LEADER_PREPARATION, &steps, &out->nsteps);
	struct prep_unit_row *rows = NULL;
	int nrows = 0;
	if (!e)
		e = store_prep_unit_rows(c->db, c->a, cycle_id, out->nsteps, 0, &rows, &nrows);
	if (!e)
		e = store_p2_report(c->db, c->a, cycle_id, 0, out->org_wide ? NULL : c->actor.scope_units,
				    out->org_wide ? 0 : c->actor.scope_count, with_decided && out->org_wide,
				    &out->report);
	if (e)
		return e;
	size_t cap = (size_t)(nrows > 0 ? nrows : 1);
	out->p1 = arena_alloc(c->a, sizeof *out->p1 * cap);
	out->p2 = arena_alloc(c->a, sizeof *out->p2 * cap);
	out->nodes = arena_alloc(c->a, sizeof *out->nodes * cap);
	struct ind_unit_counts *counts = arena_alloc(c->a, sizeof *counts * cap);
	if (!out->p1 || !out->p2 || !out->nodes || !counts)
		return ERR_TOO_BIG;
	int k = 0, next = 0;
	for (int i = 0; i < nrows; i++) {
		const struct prep_unit_row *r = &rows[i];
		if (!out->org_wide && !actor_in_scope(&c->actor, r->counts.unit_id))
			continue;
		out->p1[k] = r;
		out->p2[k] = p2_of(&out->report, &next, r->counts.unit_id);
		out->nodes[k] = (struct ind_node){ r->counts.unit_id, r->parent_id };
		counts[k] = r->counts;
		k++;
	}
	out->n = k;
	out->total1 = ind_phase1_total(counts, k, out->nsteps);
	return OK;
}

enum err ind_rows_group(struct arena *a, const struct ind_rows *r, struct ind_row_groups *out)
{
	*out = (struct ind_row_groups){ 0 };
	if (!ind_groups_plan(a, r->nodes, r->n, &out->plan))
		return ERR_TOO_BIG;
	int ng = out->plan.n;
	out->order = arena_alloc(a, sizeof *out->order * (size_t)(r->n > 0 ? r->n : 1));
	out->start = arena_alloc(a, sizeof *out->start * (size_t)(ng + 2));
	int *fill = arena_alloc(a, sizeof *fill * (size_t)(ng + 1));
	if (!out->order || !out->start || !fill)
		return ERR_TOO_BIG;
	/* a counting sort by row keeps the name order inside each row */
	for (int i = 0; i < r->n; i++)
		if (out->plan.row_of[i] >= 0)
			out->start[out->plan.row_of[i] + 1]++;
	for (int g = 0; g < ng; g++)
		out->start[g + 1] += out->start[g];
	for (int g = 0; g < ng; g++)
		fill[g] = out->start[g];
	for (int i = 0; i < r->n; i++)
		if (out->plan.row_of[i] >= 0)
			out->order[fill[out->plan.row_of[i]]++] = i;
	return OK;
}
