/* proposal_write.c — the transaction bodies of every proposal write (see
 * proposal_write.h). Everything a request names is looked up again inside
 * the transaction, so what is checked is what is written. */
#include "web/proposal_write.h"

#include <stdlib.h>
#include <string.h>
#include "base/buf.h"
#include "base/utf8.h"
#include "store/competences.h"
#include "store/cycles.h"
#include "store/phase2.h"
#include "store/proposals.h"
#include "store/strategy.h"

/* New needs carried from phase 1 start here; the confirmation says so. */
static const enum criticality CARRY_CRITICALITY = CRIT_MEDIUM;
static const enum horizon CARRY_HORIZON = HORIZON_ONE_TO_THREE_YEARS;

static int cmp_id(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return (a > b) - (a < b);
}

void prop_ids_set(int64_t *v, int *n)
{
	if (*n <= 1)
		return;
	qsort(v, (size_t)*n, sizeof *v, cmp_id);
	int k = 0;
	for (int i = 0; i < *n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	*n = k;
}

static char *trimmed(struct arena *a, const char *s)
{
	char *t = arena_strdup(a, s ? s : "");
	return t ? str_trim(t) : NULL;
}

/* The cycle still open and the proposal still editable. */
static enum err check_open(struct ctx *c, struct prop_job *j)
{
	struct cycle cy;
	enum err e = store_cycle_get(c->db, c->a, j->cycle_id, &cy);
	if (e)
		return e;
	if (cy.status == CYCLE_CLOSED) {
		j->conflict = MSG_PROP_CLOSED_409;
		return ERR_CONFLICT;
	}
	if (j->op == PROP_RETURN)
		return OK;
	enum proposal_status s;
	if ((e = store_proposal_status(c->db, j->cycle_id, j->unit_id, &s)))
		return e;
	if (!proposal_editable(s)) {
		j->conflict = MSG_PROP_LOCKED_409;
		return ERR_CONFLICT;
	}
	return OK;
}

static enum err audit(struct ctx *c, const char *entity, int64_t id, const char *action, const struct buf *b)
{
	return b->err ? b->err : ctx_audit(c, entity, id, action, buf_str(b));
}

/* Links from ids (sorted, each once) in the arena; NULL on no memory. */
static struct proposal_link *links_of(struct arena *a, const int64_t *ids, int n, int *nout)
{
	int64_t *v = arena_alloc(a, sizeof *v * (size_t)(n > 0 ? n : 1));
	struct proposal_link *l = arena_alloc(a, sizeof *l * (size_t)(n > 0 ? n : 1));
	if (!v || !l)
		return NULL;
	if (n > 0)
		memcpy(v, ids, sizeof *v * (size_t)n);
	prop_ids_set(v, &n);
	for (int i = 0; i < n; i++)
		l[i] = (struct proposal_link){ .id = v[i], .code = "" };
	*nout = n;
	return l;
}

static bool linked(const struct proposal_link *v, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (v[i].id == id)
			return true;
	return false;
}

/* The goal ids of the cycle's current (latest published) strategy. */
static enum err current_goals(struct ctx *c, int64_t cycle_id, const struct strategy_goal **out, int *n)
{
	*out = NULL;
	*n = 0;
	struct strategy_version v;
	enum err e = store_strategy_published(c->db, c->a, cycle_id, 0, &v);
	if (e == ERR_NOTFOUND)
		return OK;
	struct strategy_doc *doc = arena_alloc(c->a, sizeof *doc);
	if (!e && !doc)
		e = ERR_TOO_BIG;
	if (!e)
		e = store_strategy_load(c->db, c->a, &v, doc);
	if (!e) {
		*out = doc->goals;
		*n = doc->ngoals;
	}
	return e;
}

/* ---- needs ---- */

/* The need's links: strategic goals of the current strategy (or linked
 * before, so an old link survives an edit), goals of the unit. */
static enum err need_links(struct ctx *c, struct prop_job *j, const struct proposal_need *before,
			   struct proposal_need *after)
{
	const struct prop_need_in *in = &j->need;
	if (in->has_goals) {
		if (in->ngoal_ids > PROPOSAL_LINKS_MAX) {
			field_error_add(&j->fe, "goal_ids", PROB_TOO_LONG);
		} else if (!(after->goals = links_of(c->a, in->goal_ids, in->ngoal_ids, &after->ngoals))) {
			return ERR_TOO_BIG;
		}
		const struct strategy_goal *g;
		int ng;
		enum err e = current_goals(c, j->cycle_id, &g, &ng);
		if (e)
			return e;
		for (int i = 0; i < after->ngoals; i++) {
			bool ok = before && linked(before->goals, before->ngoals, after->goals[i].id);
			for (int k = 0; k < ng && !ok; k++)
				ok = g[k].goal_id == after->goals[i].id;
			if (!ok) {
				field_error_add(&j->fe, "goal_ids", PROB_UNKNOWN_REF);
				break;
			}
		}
	}
	if (in->has_unit_goals) {
		if (in->nunit_goal_ids > PROPOSAL_LINKS_MAX) {
			field_error_add(&j->fe, "unit_goal_ids", PROB_TOO_LONG);
		} else if (!(after->unit_goals = links_of(c->a, in->unit_goal_ids, in->nunit_goal_ids,
							  &after->nunit_goals))) {
			return ERR_TOO_BIG;
		}
		struct unit_goal *ug;
		int nug;
		enum err e = store_unit_goals_for_unit(c->db, c->a, j->cycle_id, j->unit_id, &ug, &nug);
		if (e)
			return e;
		for (int i = 0; i < after->nunit_goals; i++) {
			bool ok = false;
			for (int k = 0; k < nug && !ok; k++)
				ok = ug[k].id == after->unit_goals[i].id;
			if (!ok) {
				field_error_add(&j->fe, "unit_goal_ids", PROB_UNKNOWN_REF);
				break;
			}
		}
	}
	return OK;
}

/* The record the request makes of before (NULL: a new one). */
static enum err need_apply(struct ctx *c, struct prop_job *j, const struct proposal_need *before,
			   struct proposal_need *after)
{
	const struct prop_need_in *in = &j->need;
	struct field_errors *fe = &j->fe;
	if (before) {
		*after = *before;
	} else {
		*after = (struct proposal_need){ .cycle_id = j->cycle_id, .unit_id = j->unit_id,
						 .people_affected = -1, .rationale = "", .title = "" };
		if (!in->has_criticality && !field_errors_has(fe, "criticality"))
			field_error_add(fe, "criticality", PROB_REQUIRED);
		if (!in->has_horizon && !field_errors_has(fe, "horizon"))
			field_error_add(fe, "horizon", PROB_REQUIRED);
	}
	if (in->has_competence && in->competence_id != (before ? before->competence_id : 0)) {
		after->competence_id = 0;
		after->competence_name = NULL;
		if (in->competence_id) {
			struct competence k;
			enum err e = store_competence_get(c->db, c->a, in->competence_id, &k);
			if (e == ERR_NOTFOUND)
				field_error_add(fe, "competence_id", PROB_UNKNOWN_REF);
			else if (e)
				return e;
			else if (!k.active)
				field_error_add(fe, "competence_id", PROB_BAD_CHOICE);
			else {
				after->competence_id = k.id;
				after->competence_name = k.name;
			}
		}
	}
	/* a chosen competence gives the title; a free one is typed */
	if (after->competence_id && after->competence_name)
		after->title = after->competence_name;
	else if (in->has_title)
		after->title = trimmed(c->a, in->title);
	else if (in->has_competence && !in->competence_id && before && before->competence_id)
		after->title = "";   /* the catalogue's name no longer applies */
	if (!after->title)
		return ERR_TOO_BIG;
	if (in->has_criticality)
		after->criticality = in->criticality;
	if (in->has_required)
		after->required_level = in->required_level;
	if (in->has_current)
		after->current_level = in->current_level;
	if (in->has_people)
		after->people_affected = in->people_affected;
	if (in->has_horizon)
		after->horizon = in->horizon;
	if (in->has_rationale && !(after->rationale = trimmed(c->a, in->rationale)))
		return ERR_TOO_BIG;
	enum err e = need_links(c, j, before, after);
	if (e)
		return e;
	struct scale sc;
	if ((e = store_scale_get(c->db, c->a, SCALE_PROFICIENCY, &sc)))
		return e;
	validate_proposal_need(after, sc.n, fe);
	return OK;
}

static enum err write_need(struct ctx *c, struct prop_job *j)
{
	struct proposal_need before;
	enum err e;
	bool add = j->op == PROP_NEED_ADD;
	if (!add) {
		if ((e = store_proposal_need_get(c->db, c->a, j->id, &before)))
			return e;
		if (before.cycle_id != j->cycle_id || before.unit_id != j->unit_id)
			return ERR_NOTFOUND;
	}
	struct buf b;
	buf_init(&b, c->a, 0);
	if (j->op == PROP_NEED_DELETE) {
		e = store_proposal_need_delete(c->db, j->id);
		if (e == ERR_CONFLICT)
			j->conflict = MSG_PROP_IN_USE_409;
		if (e)
			return e;
		proposal_audit_need(&b, &before, NULL);
		return audit(c, "competence_need", j->id, "delete", &b);
	}
	struct proposal_need *after = &j->need_after;
	if ((e = need_apply(c, j, add ? NULL : &before, after)))
		return e;
	if (add) {
		int nn, nm;
		if ((e = store_proposal_counts(c->db, j->cycle_id, j->unit_id, &nn, &nm)))
			return e;
		if (nn >= PROPOSAL_NEEDS_MAX)
			field_error_add(&j->fe, "needs", PROB_TOO_LONG);
	}
	if (j->fe.n)
		return ERR_INVALID;
	after->updated_by = c->user.id;
	after->updated_at = c->now;
	if (!add) {
		proposal_audit_need(&b, &before, after);
		if (b.err || strcmp(buf_str(&b), "{}") == 0)
			return b.err;
		if ((e = store_proposal_need_update(c->db, after)))
			return e;
		return audit(c, "competence_need", j->id, "update", &b);
	}
	after->created_by = c->user.id;
	after->created_at = c->now;
	if ((e = store_proposal_need_insert(c->db, after)))
		return e;
	j->id = after->id;
	proposal_audit_need(&b, NULL, after);
	return audit(c, "competence_need", after->id, "create", &b);
}

/* ---- measures ---- */

static enum err measure_apply(struct ctx *c, struct prop_job *j, const struct proposal_measure *before,
			      struct proposal_measure *after)
{
	const struct prop_measure_in *in = &j->measure;
	struct field_errors *fe = &j->fe;
	if (before) {
		*after = *before;
	} else {
		*after = (struct proposal_measure){ .cycle_id = j->cycle_id, .unit_id = j->unit_id, .title = "",
						    .description = "", .suggested_owner = "", .timing = "",
						    .estimated_cost = -1 };
		if (!in->has_kind && !field_errors_has(fe, "kind"))
			field_error_add(fe, "kind", PROB_REQUIRED);
	}
	if (in->has_kind)
		after->kind = in->kind;
	if (in->has_title && !(after->title = trimmed(c->a, in->title)))
		return ERR_TOO_BIG;
	if (in->has_description && !(after->description = trimmed(c->a, in->description)))
		return ERR_TOO_BIG;
	if (in->has_owner && !(after->suggested_owner = trimmed(c->a, in->suggested_owner)))
		return ERR_TOO_BIG;
	if (in->has_timing && !(after->timing = trimmed(c->a, in->timing)))
		return ERR_TOO_BIG;
	if (in->has_cost)
		after->estimated_cost = in->estimated_cost;
	if (in->has_needs) {
		if (in->nneed_ids > PROPOSAL_LINKS_MAX) {
			field_error_add(fe, "need_ids", PROB_TOO_LONG);
		} else if (!(after->needs = links_of(c->a, in->need_ids, in->nneed_ids, &after->nneeds))) {
			return ERR_TOO_BIG;
		}
		struct proposal_need *needs;
		int nn;
		enum err e = store_proposal_needs(c->db, c->a, j->cycle_id, j->unit_id, &needs, &nn);
		if (e)
			return e;
		for (int i = 0; i < after->nneeds; i++) {
			const struct proposal_need *hit = NULL;
			for (int k = 0; k < nn && !hit; k++)
				if (needs[k].id == after->needs[i].id)
					hit = &needs[k];
			if (!hit) {
				field_error_add(fe, "need_ids", PROB_UNKNOWN_REF);
				break;
			}
			after->needs[i].title = hit->title;
		}
	}
	validate_proposal_measure(after, fe);
	return OK;
}

static enum err write_measure(struct ctx *c, struct prop_job *j)
{
	struct proposal_measure before;
	enum err e;
	bool add = j->op == PROP_MEASURE_ADD;
	if (!add) {
		if ((e = store_proposal_measure_get(c->db, c->a, j->id, &before)))
			return e;
		if (before.cycle_id != j->cycle_id || before.unit_id != j->unit_id)
			return ERR_NOTFOUND;
	}
	struct buf b;
	buf_init(&b, c->a, 0);
	if (j->op == PROP_MEASURE_DELETE) {
		e = store_proposal_measure_delete(c->db, j->id);
		if (e == ERR_CONFLICT)
			j->conflict = MSG_PROP_IN_USE_409;
		if (e)
			return e;
		proposal_audit_measure(&b, &before, NULL);
		return audit(c, "proposed_measure", j->id, "delete", &b);
	}
	struct proposal_measure *after = &j->measure_after;
	if ((e = measure_apply(c, j, add ? NULL : &before, after)))
		return e;
	if (add) {
		int nn, nm;
		if ((e = store_proposal_counts(c->db, j->cycle_id, j->unit_id, &nn, &nm)))
			return e;
		if (nm >= PROPOSAL_MEASURES_MAX)
			field_error_add(&j->fe, "measures", PROB_TOO_LONG);
	}
	if (j->fe.n)
		return ERR_INVALID;
	after->updated_by = c->user.id;
	after->updated_at = c->now;
	if (!add) {
		proposal_audit_measure(&b, &before, after);
		if (b.err || strcmp(buf_str(&b), "{}") == 0)
			return b.err;
		if ((e = store_proposal_measure_update(c->db, after)))
			return e;
		return audit(c, "proposed_measure", j->id, "update", &b);
	}
	after->created_by = c->user.id;
	after->created_at = c->now;
	if ((e = store_proposal_measure_insert(c->db, after)))
		return e;
	j->id = after->id;
	proposal_audit_measure(&b, NULL, after);
	return audit(c, "proposed_measure", after->id, "create", &b);
}

/* ---- the state ---- */

static enum err write_submit(struct ctx *c, struct prop_job *j)
{
	int nn, nm;
	enum err e = store_proposal_counts(c->db, j->cycle_id, j->unit_id, &nn, &nm);
	if (e)
		return e;
	enum proposal_status from;
	if ((e = store_proposal_status(c->db, j->cycle_id, j->unit_id, &from)))
		return e;
	enum problem p = proposal_submit_problem(from, nn);
	if (p == PROB_LOCKED) {
		j->conflict = MSG_PROP_LOCKED_409;
		return ERR_CONFLICT;
	}
	if (p != PROB_NONE) {
		field_error_add(&j->fe, "needs", p);
		return ERR_INVALID;
	}
	if ((e = store_proposal_set_status(c->db, j->cycle_id, j->unit_id, PROPOSAL_SUBMITTED, NULL, c->user.id,
					   c->now)))
		return e;
	struct buf b;
	buf_init(&b, c->a, 0);
	proposal_audit_status(&b, j->cycle_id, from, PROPOSAL_SUBMITTED, NULL, nn, nm);
	return audit(c, "proposal", j->unit_id, "submit", &b);
}

static enum err write_return(struct ctx *c, struct prop_job *j)
{
	enum proposal_status from;
	enum err e = store_proposal_status(c->db, j->cycle_id, j->unit_id, &from);
	if (e)
		return e;
	if (proposal_return_problem(from) != PROB_NONE) {
		j->conflict = MSG_PROP_NOT_SUBMITTED_409;
		return ERR_CONFLICT;
	}
	char *comment = trimmed(c->a, j->comment);
	if (!comment)
		return ERR_TOO_BIG;
	validate_return_comment(comment, &j->fe);
	if (j->fe.n)
		return ERR_INVALID;
	if ((e = store_proposal_set_status(c->db, j->cycle_id, j->unit_id, PROPOSAL_RETURNED, comment, c->user.id,
					   c->now)))
		return e;
	struct buf b;
	buf_init(&b, c->a, 0);
	proposal_audit_status(&b, j->cycle_id, from, PROPOSAL_RETURNED, comment, 0, 0);
	return audit(c, "proposal", j->unit_id, "return", &b);
}

static enum err write_carry(struct ctx *c, struct prop_job *j)
{
	struct prep_need *drafts;
	int nd, nn, nm;
	enum err e = store_proposal_uncarried(c->db, c->a, j->cycle_id, j->unit_id, &drafts, &nd);
	if (!e)
		e = store_proposal_counts(c->db, j->cycle_id, j->unit_id, &nn, &nm);
	if (e)
		return e;
	if (nd == 0)
		return OK;
	if (nn + nd > PROPOSAL_NEEDS_MAX) {
		field_error_add(&j->fe, "needs", PROB_TOO_LONG);
		return ERR_INVALID;
	}
	int64_t *from = arena_alloc(c->a, sizeof *from * (size_t)nd);
	int64_t *to = arena_alloc(c->a, sizeof *to * (size_t)nd);
	if (!from || !to)
		return ERR_TOO_BIG;
	struct buf b;
	buf_init(&b, c->a, 0);
	for (int i = 0; i < nd; i++) {
		struct proposal_need n = {
			.cycle_id = j->cycle_id, .unit_id = j->unit_id, .title = drafts[i].title,
			.criticality = CARRY_CRITICALITY, .people_affected = -1, .horizon = CARRY_HORIZON,
			.rationale = drafts[i].description, .source_draft_id = drafts[i].id,
			.created_by = c->user.id, .created_at = c->now, .updated_by = c->user.id, .updated_at = c->now,
		};
		if ((e = store_proposal_need_insert(c->db, &n)))
			return e;
		from[i] = drafts[i].id;
		to[i] = n.id;
		buf_reset(&b);
		proposal_audit_need(&b, NULL, &n);
		if ((e = audit(c, "competence_need", n.id, "create", &b)))
			return e;
	}
	j->carried = nd;
	buf_reset(&b);
	proposal_audit_carry(&b, j->cycle_id, from, to, nd);
	return audit(c, "proposal", j->unit_id, "carry_over", &b);
}

enum err prop_write(struct ctx *c, void *arg)
{
	struct prop_job *j = arg;
	enum action act = j->op == PROP_RETURN ? ACT_COMPILE : ACT_DISCUSSION_EDIT;
	if (!access_can(&c->actor, act, j->unit_id))
		return ERR_FORBIDDEN;
	enum err e = check_open(c, j);
	if (e)
		return e;
	switch (j->op) {
	case PROP_NEED_ADD:
	case PROP_NEED_EDIT:
	case PROP_NEED_DELETE:
		return write_need(c, j);
	case PROP_MEASURE_ADD:
	case PROP_MEASURE_EDIT:
	case PROP_MEASURE_DELETE:
		return write_measure(c, j);
	case PROP_SUBMIT:
		return write_submit(c, j);
	case PROP_RETURN:
		return write_return(c, j);
	case PROP_CARRY:
		return write_carry(c, j);
	}
	return ERR_INVALID;
}
