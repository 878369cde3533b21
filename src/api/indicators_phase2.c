/* indicators_phase2.c (api) — the phase-2 part of the cycle's indicators as
 * JSON: every figure of the dashboard's section (views/dashboard_phase2.c)
 * from the same store_p2_report, ratios as {"count", "total", "percent"}
 * like phase 1's. Figures of the decided working set are null when they are
 * not shown to the caller (not organisation-wide, or no right to read the
 * compilation) or when nothing is decided yet. */
#include "api/api_indicators_phase2.h"

#include <time.h>

#include "domain/access.h"

enum err api_p2_report(struct ctx *c, int64_t cycle_id, int64_t unit_id, bool org_wide,
		       struct p2_report *out)
{
	/* a scope of no units stays empty (NULL would mean every unit) */
	static const int64_t none[1] = { 0 };
	const int64_t *only = NULL;
	int nonly = 0;
	if (!unit_id && !org_wide) {
		only = c->actor.scope_count > 0 ? c->actor.scope_units : none;
		nonly = c->actor.scope_count;
	}
	bool with_decided = !unit_id && org_wide && access_can(&c->actor, ACT_COMPILATION_READ, 0);
	return store_p2_report(c->db, c->a, cycle_id, unit_id, only, nonly, with_decided, out);
}

static void ratio(struct jw *w, const char *key, const struct ind_ratio *r)
{
	jw_key(w, key);
	jw_obj(w);
	jw_kint(w, "count", r->count);
	jw_kint(w, "total", r->total);
	jw_key(w, "percent");
	if (r->percent < 0)
		jw_null(w);
	else
		jw_int(w, r->percent);
	jw_obj_end(w);
}

static void kint_or_null(struct jw *w, const char *key, bool known, int64_t v)
{
	jw_key(w, key);
	if (known)
		jw_int(w, v);
	else
		jw_null(w);
}

void api_p2_total(struct jw *w, const struct p2_report *r)
{
	const struct ind_phase2 *t = &r->total;
	bool decided = r->with_decided && t->decided;
	jw_key(w, "phase2");
	jw_obj(w);
	ratio(w, "units_submitted", &t->units_submitted);
	jw_kint(w, "units_submitted_without_people", t->units_submitted_unexpected);
	jw_kint(w, "proposed_needs", t->proposed_needs);
	jw_kint(w, "proposed_needs_without_goal", t->proposed_needs_without_goal);
	ratio(w, "strategic_goals_covered", &t->goals_covered);
	jw_key(w, "needs_per_strategic_goal");
	jw_arr(w);
	for (int i = 0; i < r->ngoals; i++) {
		const struct ind_p2_goal *g = &r->goals[i];
		jw_obj(w);
		jw_kint(w, "goal_id", g->goal_id);
		jw_kstr(w, "code", g->code);
		jw_kstr(w, "title", g->title);
		jw_kint(w, "proposed_needs", g->proposed);
		jw_kint(w, "units_proposing", g->units);
		jw_kbool(w, "covered", !ind_p2_goal_uncovered(g));
		kint_or_null(w, "decided_needs", decided, g->decided);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_kint(w, "proposed_measures", t->proposed_measures_total);
	jw_key(w, "measures_by_kind");
	jw_obj(w);
	for (int k = 0; k < MEASURE_KIND_COUNT; k++) {
		jw_key(w, measure_kind_name((enum measure_kind)k));
		jw_obj(w);
		jw_kint(w, "proposed", t->proposed_measures[k]);
		kint_or_null(w, "decided", decided, t->decided_measures[k]);
		kint_or_null(w, "decided_overarching", decided,
			     t->decided_measures_scope[k][MEASURE_SCOPE_OVERARCHING]);
		kint_or_null(w, "decided_local", decided, t->decided_measures_scope[k][MEASURE_SCOPE_LOCAL]);
		jw_obj_end(w);
	}
	jw_obj_end(w);
	jw_key(w, "decided");
	if (!decided) {
		jw_null(w);
	} else {
		jw_obj(w);
		jw_kstr(w, "decision_status", decision_status_name(r->decision));
		jw_kint(w, "needs", t->decided_needs);
		jw_kint(w, "needs_without_goal", t->decided_needs_without_goal);
		ratio(w, "strategic_goals_covered", &t->decided_goals_covered);
		jw_kint(w, "measures", t->decided_measures_total);
		jw_obj_end(w);
	}
	jw_obj_end(w);
}

void api_p2_unit(struct jw *w, const struct p2_report *r, int64_t unit_id, int hint)
{
	const struct ind_p2_unit *u = NULL;
	if (hint >= 0 && hint < r->nunits && r->units[hint].unit_id == unit_id)
		u = &r->units[hint];
	for (int i = 0; !u && i < r->nunits; i++)
		if (r->units[i].unit_id == unit_id)
			u = &r->units[i];
	if (!u)
		return;
	jw_key(w, "phase2");
	jw_obj(w);
	jw_kbool(w, "expected", ind_p2_expected(u));
	jw_kstr(w, "status", u->started ? proposal_status_name(u->status) : "not_started");
	jw_key(w, "submitted_at");
	if (u->submitted_at > 0)
		jw_time(w, u->submitted_at);
	else
		jw_null(w);
	struct ind_ratio sub = ind_p2_unit_submitted(u);
	ratio(w, "units_submitted", &sub);
	jw_kint(w, "needs", u->needs);
	jw_kint(w, "needs_without_goal", u->needs_without_goal);
	jw_key(w, "measures_by_kind");
	jw_obj(w);
	for (int k = 0; k < MEASURE_KIND_COUNT; k++)
		jw_kint(w, measure_kind_name((enum measure_kind)k), u->measures[k]);
	jw_obj_end(w);
	jw_obj_end(w);
}
