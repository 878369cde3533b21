/* prepare.c (api) — GET /api/v1/cycles/{id}/indicators, every indicator of
 * the product description as numbers (for now phase 1's: leaders_prepared
 * and employees_confirmed_reading, named after product.md's list so later
 * phases add theirs beside them), organisation-wide with one entry per
 * unit, or for ?unit=ID; and GET /api/v1/cycles/{id}/prepare/{unit_id}, one
 * unit's preparation (checklist, notes, draft needs, pack). HR, admin and
 * representatives read the indicators of every unit; a leader only of the
 * units they lead (?unit= outside them is 403; without it they get theirs).
 * The shapes are in docs/api.md. */
#include "api/api_prepare.h"

#include <time.h>

#include "domain/indicators.h"
#include "store/cycles.h"
#include "store/prepare.h"

/* An epoch time as RFC 3339 UTC ("2027-01-31T09:05:00Z"), in a. */
static const char *rfc3339(struct arena *a, int64_t epoch)
{
	time_t tt = (time_t)epoch;
	struct tm tm;
	gmtime_r(&tt, &tm);
	return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
			    tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
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

static void phase1(struct jw *w, const struct ind_phase1 *p)
{
	ratio(w, "leaders_prepared", &p->leaders_prepared);
	ratio(w, "employees_confirmed_reading", &p->employees_confirmed_reading);
}

void api_cycle_indicators(struct ctx *c)
{
	int64_t cycle_id = ctx_param_id(c, "id"), unit_id = 0;
	if (!api_query_id(c, "unit", &unit_id))
		return;
	struct cycle cy;
	enum err e = cycle_id ? store_cycle_get(c->db, c->a, cycle_id, &cy) : ERR_NOTFOUND;
	if (!e && unit_id) {
		struct unit u;
		e = store_unit_get(c->db, c->a, unit_id, &u);
		if (!e && !access_can(&c->actor, ACT_INDICATORS_READ, unit_id))
			e = ERR_FORBIDDEN;
	}
	char **steps;
	int nsteps = 0;
	if (!e)
		e = store_phase_steps(c->db, c->a, "nb", PHASE_LEADER_PREPARATION, &steps, &nsteps);
	struct prep_unit_row *rows = NULL;
	int n = 0;
	if (!e)
		e = store_prep_unit_rows(c->db, c->a, cycle_id, nsteps, unit_id, &rows, &n);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	/* a leader without ?unit= gets the units they lead */
	bool org_wide = c->actor.role == ROLE_ADMIN || c->actor.role == ROLE_HR ||
			c->actor.role == ROLE_REPRESENTATIVE;
	struct ind_unit_counts *counts = arena_alloc(c->a, sizeof *counts * (size_t)(n > 0 ? n : 1));
	if (!counts) {
		api_problem_err(c, ERR_TOO_BIG);
		return;
	}
	int k = 0;
	for (int i = 0; i < n; i++)
		if (org_wide || unit_id || actor_in_scope(&c->actor, rows[i].counts.unit_id))
			rows[k++] = rows[i];
	for (int i = 0; i < k; i++)
		counts[i] = rows[i].counts;
	struct ind_phase1 total = ind_phase1_total(counts, k, nsteps);
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kint(&w, "cycle_id", cycle_id);
	jw_kid(&w, "unit_id", unit_id);
	jw_kstr(&w, "scope", unit_id ? "unit" : org_wide ? "organisation" : "led_units");
	jw_kint(&w, "checklist_steps", nsteps);
	phase1(&w, &total);
	jw_key(&w, "units");
	jw_arr(&w);
	for (int i = 0; i < k; i++) {
		struct ind_phase1 p = ind_phase1_unit(&counts[i], nsteps);
		jw_obj(&w);
		jw_kint(&w, "unit_id", rows[i].counts.unit_id);
		jw_kstr(&w, "name", rows[i].name);
		phase1(&w, &p);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	api_json_end(c, 200);
}

void api_prepare_get(struct ctx *c)
{
	int64_t cycle_id = ctx_param_id(c, "id"), unit_id = ctx_param_id(c, "unit_id");
	struct cycle cy;
	struct unit u;
	enum err e = cycle_id && unit_id ? store_cycle_get(c->db, c->a, cycle_id, &cy) : ERR_NOTFOUND;
	if (!e)
		e = store_unit_get(c->db, c->a, unit_id, &u);
	if (!e && !access_can(&c->actor, ACT_PREPARE, unit_id))
		e = ERR_FORBIDDEN;
	char **steps = NULL;
	int nsteps = 0;
	if (!e)
		e = store_phase_steps(c->db, c->a, lang_code(c->lang), PHASE_LEADER_PREPARATION, &steps,
				      &nsteps);
	struct prep_tick *ticks = NULL;
	int nticks = 0;
	if (!e)
		e = store_prep_ticks(c->db, c->a, cycle_id, unit_id, &ticks, &nticks);
	struct preparation prep;
	if (!e)
		e = store_prep_get(c->db, c->a, cycle_id, unit_id, &prep);
	struct prep_need *needs = NULL;
	int nneeds = 0;
	if (!e)
		e = store_prep_needs(c->db, c->a, cycle_id, unit_id, &needs, &nneeds);
	int64_t *pack = NULL;
	int npack = 0;
	if (!e)
		e = store_prep_pack(c->db, c->a, cycle_id, unit_id, &pack, &npack);
	if (e) {
		api_problem_err(c, e);
		return;
	}
	struct jw w;
	api_json_begin(c, &w);
	jw_obj(&w);
	jw_kint(&w, "cycle_id", cycle_id);
	jw_kint(&w, "unit_id", unit_id);
	jw_kbool(&w, "writable", prep_writable(cycle_status_name(cy.status)));
	jw_key(&w, "checklist");
	jw_arr(&w);
	for (int i = 0; i < nsteps; i++) {
		const struct prep_tick *t = prep_tick_of(ticks, nticks, i);
		jw_obj(&w);
		jw_kint(&w, "step", i + 1);
		jw_kstr(&w, "text", steps[i]);
		jw_kbool(&w, "ticked", t != NULL);
		jw_kid(&w, "ticked_by", t ? t->ticked_by : 0);
		jw_kstr(&w, "ticked_at", t ? rfc3339(c->a, t->ticked_at) : NULL);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_kbool(&w, "checklist_complete",
		 ind_checklist_complete(prep_ticked_count(ticks, nticks, nsteps), nsteps));
	jw_kstr(&w, "likely_goals", prep.likely_goals);
	jw_key(&w, "draft_needs");
	jw_arr(&w);
	for (int i = 0; i < nneeds; i++) {
		jw_obj(&w);
		jw_kint(&w, "id", needs[i].id);
		jw_kstr(&w, "title", needs[i].title);
		jw_kstr(&w, "description", needs[i].description);
		jw_kint(&w, "position", needs[i].position);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_key(&w, "pack");
	jw_obj(&w);
	jw_key(&w, "document_ids");
	jw_arr(&w);
	for (int i = 0; i < npack; i++)
		jw_int(&w, pack[i]);
	jw_arr_end(&w);
	jw_kstr(&w, "sent_at", prep.pack_sent_at ? rfc3339(c->a, prep.pack_sent_at) : NULL);
	jw_kid(&w, "sent_by", prep.pack_sent_by);
	jw_kint(&w, "sent_to", prep.pack_sent_count);
	jw_obj_end(&w);
	jw_obj_end(&w);
	api_json_end(c, 200);
}
