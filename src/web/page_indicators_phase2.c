/* page_indicators_phase2.c — the phase-2 section of the home page's
 * dashboard: the organisation's or the leader's totals, goals and decided
 * set from the report loaded with the rows (web/indicator_rows.c: one read
 * of store_p2_report per request), and a row per top-level unit summing its
 * subtree with ind_phase2_units. The decided working set is a draft of
 * HR's until published, so only those who may read the compilation see
 * its figures (asked for when the rows were loaded). */
#include "web/pages_indicators_phase2.h"

#include "base/arena.h"
#include "views/dashboard_phase2.h"

enum err page_p2_dashboard(struct ctx *c, int64_t cycle_id, const struct ind_rows *r,
			   const struct ind_row_groups *g, int shown, const struct v_dashboard_p2 **out)
{
	*out = NULL;
	if (r->n == 0 && !r->org_wide)
		return OK;
	struct v_dashboard_p2 *d = arena_alloc(c->a, sizeof *d);
	struct v_dash2_group *rows = arena_alloc(c->a, sizeof *rows * (size_t)(shown > 0 ? shown : 1));
	struct ind_p2_unit *slice = arena_alloc(c->a, sizeof *slice * (size_t)(r->n > 0 ? r->n : 1));
	struct ind_phase2 *total = arena_alloc(c->a, sizeof *total);   /* r may be the caller's local */
	if (!d || !rows || !slice || !total)
		return ERR_TOO_BIG;
	for (int k = 0; k < shown; k++) {
		int m = 0;
		const char *name = NULL;
		for (int j = g->start[k]; j < g->start[k + 1]; j++) {
			int i = g->order[j];
			if (r->nodes[i].id == g->plan.head[k])
				name = r->p1[i]->name;
			if (r->p2[i])
				slice[m++] = *r->p2[i];
		}
		rows[k] = (struct v_dash2_group){
			.unit_id = g->plan.head[k], .name = name, .own_only = g->plan.own_only[k],
			.units = g->start[k + 1] - g->start[k],
		};
		ind_phase2_units(slice, m, &rows[k].t);
	}
	const struct p2_report *rep = &r->report;
	*total = rep->total;
	*d = (struct v_dashboard_p2){
		.org_wide = r->org_wide, .cycle_id = cycle_id, .groups = rows, .ngroups = shown,
		.more = g->plan.n - shown, .goals = rep->goals, .ngoals = rep->ngoals, .total = total,
		.with_decided = rep->with_decided, .decision = rep->decision,
	};
	*out = d;
	return OK;
}
