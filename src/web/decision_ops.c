/* decision_ops.c — the decision's writes for both faces (see
 * decision_ops.h). */
#include "web/decision_ops.h"

#include <string.h>
#include "base/buf.h"
#include "store/cycles.h"
#include "store/phase2.h"

enum err dec_load_cycle(struct ctx *c, struct cycle *cy)
{
	int64_t id = ctx_param_id(c, "id");
	return id ? store_cycle_get(c->db, c->a, id, cy) : ERR_NOTFOUND;
}

enum err dec_load_consultation(struct ctx *c, struct cycle *cy, struct consultation *k)
{
	enum err e = dec_load_cycle(c, cy);
	int64_t id = ctx_param_id(c, "cid");
	if (!e)
		e = id ? store_consultation_get(c->db, c->a, id, k) : ERR_NOTFOUND;
	if (!e && k->cycle_id != cy->id)
		e = ERR_NOTFOUND;
	return e;
}

/* ---- the four actions ---- */

const char *dec_comment_field(enum decision_op op)
{
	return op == DEC_OP_PUBLISH ? "note" : "comment";
}

enum err dec_assess(struct ctx *c, struct dec_transition *t, struct decision *d,
		    struct decision_counts *k, const char *comment)
{
	enum err e = store_decision_get(c->db, c->a, t->cycle_id, d);
	if (!e)
		e = store_decision_counts(c->db, t->cycle_id, k);
	if (e)
		return e;
	struct decision_facts f = { .status = d->status, .decided_needs = k->decided_needs,
				    .consultations = k->consultations };
	t->status = d->status;
	t->refusal = decision_check(&c->actor, t->op, &f, comment);
	return OK;
}

/* Freezes the working set as the next version, approved as before says. */
static enum err publish(struct ctx *c, struct dec_transition *t, const struct decision *before,
			struct buf *b)
{
	struct decided_version v;
	enum err e = store_decided_snapshot(c->db, c->a, t->cycle_id, &v);
	if (e)
		return e;
	v.note = (char *)(t->comment ? t->comment : "");
	v.approved_at = before->approved_at;
	v.approved_by = before->approved_by;
	v.approved_by_name = before->approved_by_name ? before->approved_by_name : "";
	v.approval_comment = before->approval_comment ? before->approval_comment : "";
	v.published_at = c->now;
	v.published_by = c->user.id;
	v.published_by_name = c->user.name ? c->user.name : "";
	if ((e = store_decided_publish(c->db, &v)))
		return e;
	t->number = v.number;
	decided_version_audit(b, &v);
	if (b->err)
		return b->err;
	if ((e = ctx_audit(c, "decided_version", v.id, "publish", buf_str(b))))
		return e;
	buf_reset(b);
	return OK;
}

enum err dec_transition_write(struct ctx *c, void *arg)
{
	struct dec_transition *t = arg;
	struct decision d;
	struct decision_counts k;
	enum err e = dec_assess(c, t, &d, &k, t->comment);
	if (e)
		return e;
	if (t->refusal == DEC_REFUSED_ROLE)
		return ERR_FORBIDDEN;
	if (t->op != DEC_OP_SEND)
		validate_decision_comment(t->op, t->comment, dec_comment_field(t->op), &t->fe);
	if (t->refusal != DEC_ALLOWED && t->refusal != DEC_REFUSED_COMMENT)
		return ERR_CONFLICT;
	if (t->fe.n)
		return ERR_INVALID;
	struct decision before = d;
	decision_apply(&d, t->op, c->user.id, t->comment, c->now);
	struct buf b;
	buf_init(&b, c->a, 0);
	if (t->op == DEC_OP_PUBLISH && (e = publish(c, t, &before, &b)))
		return e;
	if ((e = store_decision_put(c->db, &d)))
		return e;
	decision_audit(&b, &before, &d, t->op == DEC_OP_SEND ? NULL : t->comment);
	if (b.err)
		return b.err;
	return ctx_audit(c, "decision", t->cycle_id, decision_op_name(t->op), buf_str(&b));
}

/* ---- consultations ---- */

enum err dec_consult_writable(struct ctx *c, int64_t cycle_id, enum decision_status *s)
{
	enum err e = store_decision_status(c->db, cycle_id, s);
	if (e)
		return e;
	return *s == DECISION_COMPILING ? OK : ERR_CONFLICT;
}

enum err dec_consult_write(struct ctx *c, void *arg)
{
	struct dec_consult_job *j = arg;
	enum err e = dec_consult_writable(c, j->cycle_id, &j->status);
	if (e)
		return e;
	struct consultation before = { 0 };
	if (j->id) {
		if ((e = store_consultation_get(c->db, c->a, j->id, &before)))
			return e;
		if (before.cycle_id != j->cycle_id)
			return ERR_NOTFOUND;
	}
	struct buf b;
	buf_init(&b, c->a, 0);
	if (j->remove) {
		if ((e = store_consultation_delete(c->db, j->id)))
			return e;
		consultation_audit(&b, &before, NULL);
		return b.err ? b.err : ctx_audit(c, "consultation", j->id, "delete", buf_str(&b));
	}
	const char *stored[DEC_K_COUNT] = { before.held_on, before.participants, before.minutes };
	const char *v[DEC_K_COUNT];
	for (int i = 0; i < DEC_K_COUNT; i++)
		v[i] = j->id && j->keep[i] ? stored[i] : j->in[i];
	char iso[11];
	validate_consultation(v[DEC_K_HELD_ON], iso, v[DEC_K_PARTICIPANTS], v[DEC_K_MINUTES], &j->fe);
	if (j->fe.n)
		return ERR_INVALID;
	char *people = arena_alloc(c->a, strlen(v[DEC_K_PARTICIPANTS]) + 1);
	if (!people)
		return ERR_TOO_BIG;
	consultation_participants_clean(v[DEC_K_PARTICIPANTS], people);
	struct consultation after = {
		.id = j->id, .cycle_id = j->cycle_id, .held_on = iso, .participants = people,
		.minutes = (char *)(v[DEC_K_MINUTES] ? v[DEC_K_MINUTES] : ""), .created_by = c->user.id,
		.created_at = c->now, .updated_by = c->user.id, .updated_at = c->now,
	};
	if (j->id) {
		consultation_audit(&b, &before, &after);
		if (b.err || strcmp(buf_str(&b), "{}") == 0)
			return b.err;
		if ((e = store_consultation_update(c->db, &after)))
			return e;
		return ctx_audit(c, "consultation", j->id, "update", buf_str(&b));
	}
	if ((e = store_consultation_insert(c->db, &after)))
		return e;
	j->id = after.id;
	consultation_audit(&b, NULL, &after);
	return b.err ? b.err : ctx_audit(c, "consultation", after.id, "create", buf_str(&b));
}
