/* decision.c — the rules of the decision: who may move it from which state,
 * the checks of comments and consultations, the progress steps, the
 * differences between two published versions and the audit JSON. */
#include "domain/decision.h"

#include <stdio.h>
#include <string.h>
#include "base/json.h"
#include "base/utf8.h"
#include "domain/strategy.h"

static const char *const op_names[DEC_OP_COUNT] = {
	[DEC_OP_SEND] = "send", [DEC_OP_APPROVE] = "approve", [DEC_OP_RETURN] = "return",
	[DEC_OP_PUBLISH] = "publish",
};

const char *decision_op_name(enum decision_op op)
{
	return op >= 0 && op < DEC_OP_COUNT ? op_names[op] : "";
}

static bool blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

enum decision_refusal decision_check(const struct actor *actor, enum decision_op op,
				     const struct decision_facts *f, const char *comment)
{
	bool hr_op = op == DEC_OP_SEND || op == DEC_OP_PUBLISH;
	if (!access_can(actor, hr_op ? ACT_COMPILE : ACT_APPROVE, 0))
		return DEC_REFUSED_ROLE;
	switch (op) {
	case DEC_OP_SEND:
		if (f->status != DECISION_COMPILING)
			return DEC_REFUSED_STATE;
		if (f->decided_needs <= 0)
			return DEC_REFUSED_NO_NEEDS;
		if (f->consultations <= 0)
			return DEC_REFUSED_NO_CONSULTATION;
		return DEC_ALLOWED;
	case DEC_OP_APPROVE:
		return f->status == DECISION_AWAITING_APPROVAL ? DEC_ALLOWED : DEC_REFUSED_STATE;
	case DEC_OP_RETURN:
		if (f->status != DECISION_AWAITING_APPROVAL)
			return DEC_REFUSED_STATE;
		return blank(comment) ? DEC_REFUSED_COMMENT : DEC_ALLOWED;
	case DEC_OP_PUBLISH:
		return f->status == DECISION_APPROVED ? DEC_ALLOWED : DEC_REFUSED_STATE;
	case DEC_OP_COUNT:
		break;
	}
	return DEC_REFUSED_STATE;
}

enum decision_status decision_after(enum decision_op op)
{
	switch (op) {
	case DEC_OP_SEND:
		return DECISION_AWAITING_APPROVAL;
	case DEC_OP_APPROVE:
		return DECISION_APPROVED;
	case DEC_OP_RETURN:
	case DEC_OP_PUBLISH:
	case DEC_OP_COUNT:
		break;
	}
	return DECISION_COMPILING;
}

void decision_apply(struct decision *d, enum decision_op op, int64_t user_id, const char *comment,
		    int64_t now)
{
	d->status = decision_after(op);
	d->updated_at = now;
	switch (op) {
	case DEC_OP_SEND:
		d->sent_at = now;
		d->sent_by = user_id;
		/* a new round of approval: the last approval's comment is done with */
		d->approval_comment = (char *)"";
		break;
	case DEC_OP_APPROVE:
		d->approved_at = now;
		d->approved_by = user_id;
		d->approval_comment = (char *)(comment ? comment : "");
		/* an approval answers the last return: its comment is done with */
		d->return_comment = (char *)"";
		break;
	case DEC_OP_RETURN:
		d->returned_at = now;
		d->returned_by = user_id;
		d->return_comment = (char *)(comment ? comment : "");
		break;
	case DEC_OP_PUBLISH:
	case DEC_OP_COUNT:
		break;
	}
}

/* Text that may hold line breaks and tabs, no other control characters. */
static bool multiline_text(const char *s)
{
	return utf8_valid_text(s, strlen(s));
}

void validate_decision_comment(enum decision_op op, const char *comment, const char *field,
			       struct field_errors *fe)
{
	const char *s = comment ? comment : "";
	if (op == DEC_OP_RETURN && blank(s))
		field_error_add(fe, field, PROB_REQUIRED);
	else if (!multiline_text(s))
		field_error_add(fe, field, PROB_BAD_TEXT);
	else if (utf8_len(s) > DEC_COMMENT_MAX_CHARS)
		field_error_add(fe, field, PROB_TOO_LONG);
}

void decision_steps(const struct decision_progress *p, enum dec_step_state out[DEC_STEP_COUNT])
{
	/* a publication with no send since: that round is complete */
	bool published = p->versions > 0 && p->status == DECISION_COMPILING &&
			 p->sent_at <= p->last_published_at;
	bool done[DEC_STEP_COUNT] = {
		[DEC_STEP_COMPILED] = p->decided_needs > 0 || published,
		[DEC_STEP_CONSULTED] = p->consultations > 0,
		[DEC_STEP_APPROVED] = p->status == DECISION_APPROVED || published,
		[DEC_STEP_PUBLISHED] = published,
	};
	if (p->status == DECISION_AWAITING_APPROVAL)
		done[DEC_STEP_COMPILED] = true;
	bool current_set = false;
	for (int i = 0; i < DEC_STEP_COUNT; i++) {
		if (done[i]) {
			out[i] = STEP_DONE;
		} else if (!current_set) {
			out[i] = STEP_CURRENT;
			current_set = true;
		} else {
			out[i] = STEP_AHEAD;
		}
	}
}

/* ---- consultations ---- */

void consultation_participants_clean(const char *in, char *out)
{
	char *o = out;
	const char *p = in ? in : "";
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		const char *s = p, *e = p + n;
		while (s < e && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		if (e > s) {
			if (o != out)
				*o++ = '\n';
			memcpy(o, s, (size_t)(e - s));
			o += e - s;
		}
		p += n;
		if (*p == '\n')
			p++;
	}
	*o = '\0';
}

void validate_consultation(const char *held_on_text, char iso[11], const char *participants,
			   const char *minutes, struct field_errors *fe)
{
	iso[0] = '\0';
	if (blank(held_on_text))
		field_error_add(fe, "held_on", PROB_REQUIRED);
	else if (!strategy_parse_date(held_on_text, iso))
		field_error_add(fe, "held_on", PROB_BAD_DATE);

	const char *s = participants ? participants : "";
	if (blank(s)) {
		field_error_add(fe, "participants", PROB_REQUIRED);
	} else if (!multiline_text(s)) {
		field_error_add(fe, "participants", PROB_BAD_TEXT);
	} else if (utf8_len(s) > CONSULT_PARTICIPANTS_MAX_CHARS) {
		field_error_add(fe, "participants", PROB_TOO_LONG);
	} else {
		int lines = 0;
		bool long_line = false;
		for (const char *p = s; *p;) {
			const char *end = strchr(p, '\n');
			size_t n = end ? (size_t)(end - p) : strlen(p);
			char line[CONSULT_PARTICIPANTS_MAX_CHARS * 4 + 1];
			memcpy(line, p, n);
			line[n] = '\0';
			if (!blank(line)) {
				lines++;
				if (utf8_len(str_trim(line)) > CONSULT_PARTICIPANT_MAX_CHARS)
					long_line = true;
			}
			p += n;
			if (*p == '\n')
				p++;
		}
		if (long_line || lines > CONSULT_PARTICIPANTS_MAX_LINES)
			field_error_add(fe, "participants", PROB_TOO_LONG);
	}

	const char *m = minutes ? minutes : "";
	if (!multiline_text(m))
		field_error_add(fe, "minutes", PROB_BAD_TEXT);
	else if (utf8_len(m) > CONSULT_MINUTES_MAX_CHARS)
		field_error_add(fe, "minutes", PROB_TOO_LONG);
}

/* ---- differences ---- */

static const char *const field_names[DVF_COUNT] = {
	[DVF_TITLE] = "title", [DVF_DESCRIPTION] = "description", [DVF_SCOPE] = "scope",
	[DVF_UNIT] = "unit", [DVF_COMPETENCE] = "competence", [DVF_CRITICALITY] = "criticality",
	[DVF_REQUIRED_LEVEL] = "required_level", [DVF_HORIZON] = "horizon",
	[DVF_PEOPLE_AFFECTED] = "people_affected", [DVF_PROPOSED_BY] = "proposed_by",
	[DVF_GOALS] = "goals", [DVF_KIND] = "kind", [DVF_OWNER] = "owner",
	[DVF_DEADLINE] = "deadline", [DVF_BUDGET] = "budget", [DVF_NEEDS] = "needs",
};

const char *dv_field_name(enum dv_field f)
{
	return f >= 0 && f < DVF_COUNT ? field_names[f] : "";
}

const char *dv_change_name(enum dv_change c)
{
	switch (c) {
	case DV_ADDED: return "added";
	case DV_REMOVED: return "removed";
	case DV_CHANGED: return "changed";
	}
	return "";
}

bool dv_number_parse(const char *s, int64_t *out)
{
	if (!s || !*s || strlen(s) > 9 || s[0] == '0')
		return false;
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		v = v * 10 + (*p - '0');
	}
	*out = v;
	return true;
}

/* A field's changes collected for one item. */
struct collect {
	struct arena *a;
	struct dv_field_change v[DVF_COUNT];
	int n;
	bool oom;
};

static const char *s0(const char *s)
{
	return s ? s : "";
}

static void cmp_text(struct collect *k, enum dv_field f, const char *x, const char *y)
{
	if (strcmp(s0(x), s0(y)) != 0)
		k->v[k->n++] = (struct dv_field_change){ f, s0(x), s0(y) };
}

/* A number, "" for none (below min). */
static const char *num_text(struct collect *k, int64_t v, int64_t none_below)
{
	if (v < none_below)
		return "";
	char *s = arena_printf(k->a, "%lld", (long long)v);
	if (!s)
		k->oom = true;
	return s ? s : "";
}

static void cmp_num(struct collect *k, enum dv_field f, int64_t x, int64_t y, int64_t none_below)
{
	if (x != y && !(x < none_below && y < none_below))
		k->v[k->n++] = (struct dv_field_change){ f, num_text(k, x, none_below),
							 num_text(k, y, none_below) };
}

static void need_fields(struct collect *k, const struct dv_need *x, const struct dv_need *y)
{
	cmp_text(k, DVF_TITLE, x->title, y->title);
	cmp_text(k, DVF_DESCRIPTION, x->description, y->description);
	cmp_text(k, DVF_SCOPE, need_scope_name(x->scope), need_scope_name(y->scope));
	cmp_text(k, DVF_UNIT, x->unit_name, y->unit_name);
	cmp_text(k, DVF_COMPETENCE, x->competence_name, y->competence_name);
	cmp_text(k, DVF_CRITICALITY, criticality_name(x->criticality), criticality_name(y->criticality));
	cmp_num(k, DVF_REQUIRED_LEVEL, x->required_level, y->required_level, 1);
	cmp_text(k, DVF_HORIZON, horizon_name(x->horizon), horizon_name(y->horizon));
	cmp_num(k, DVF_PEOPLE_AFFECTED, x->people_affected, y->people_affected, 0);
	cmp_text(k, DVF_PROPOSED_BY, x->proposed_by, y->proposed_by);
	cmp_text(k, DVF_GOALS, x->goals, y->goals);
}

static void measure_fields(struct collect *k, const struct dv_measure *x, const struct dv_measure *y)
{
	cmp_text(k, DVF_TITLE, x->title, y->title);
	cmp_text(k, DVF_DESCRIPTION, x->description, y->description);
	cmp_text(k, DVF_KIND, measure_kind_name(x->kind), measure_kind_name(y->kind));
	cmp_text(k, DVF_SCOPE, measure_scope_name(x->scope), measure_scope_name(y->scope));
	cmp_text(k, DVF_UNIT, x->unit_name, y->unit_name);
	cmp_text(k, DVF_OWNER, x->owner, y->owner);
	cmp_text(k, DVF_DEADLINE, x->deadline, y->deadline);
	cmp_num(k, DVF_BUDGET, x->budget, y->budget, 0);
	cmp_text(k, DVF_NEEDS, x->needs, y->needs);
}

/* The needs or (measure) the measures of v, item by item. */
static int item_count(const struct decided_version *v, bool measure)
{
	return measure ? v->nmeasures : v->nneeds;
}

/* The i-th item, as an item of a diff would hold it before (or after). */
static struct dv_item_diff item_at(const struct decided_version *v, bool measure, int i, bool after)
{
	struct dv_item_diff it = { .measure = measure };
	if (measure) {
		const struct dv_measure *m = &v->measures[i];
		it.key = m->key;
		it.title = m->title;
		*(after ? &it.measure_after : &it.measure_before) = m;
	} else {
		const struct dv_need *n = &v->needs[i];
		it.key = n->key;
		it.title = n->title;
		*(after ? &it.need_after : &it.need_before) = n;
	}
	return it;
}

/* The index of the item with key in v, -1 when none. */
static int item_index(const struct decided_version *v, bool measure, int64_t key)
{
	for (int i = 0; i < item_count(v, measure); i++)
		if ((measure ? v->measures[i].key : v->needs[i].key) == key)
			return i;
	return -1;
}

/* Appends an item, with the collected fields copied; false on the cap. */
static bool push(struct arena *a, struct dv_diff *d, int *cap, struct dv_item_diff it,
		 const struct collect *k)
{
	if (d->n == *cap) {
		int ncap = *cap ? *cap * 2 : 16;
		struct dv_item_diff *v = arena_realloc(a, d->items, sizeof *v * (size_t)*cap,
						      sizeof *v * (size_t)ncap);
		if (!v)
			return false;
		d->items = v;
		*cap = ncap;
	}
	if (k && k->n) {
		it.fields = arena_alloc(a, sizeof *it.fields * (size_t)k->n);
		if (!it.fields)
			return false;
		memcpy(it.fields, k->v, sizeof *it.fields * (size_t)k->n);
		it.nfields = k->n;
	}
	d->items[d->n++] = it;
	return true;
}

/* The items of one list: those of to that were added or changed (in to's
 * order), then those of from that were removed. */
static bool diff_list(struct arena *a, const struct decided_version *from,
		      const struct decided_version *to, bool measure, struct dv_diff *out, int *cap)
{
	for (int i = 0; i < item_count(to, measure); i++) {
		struct dv_item_diff it = item_at(to, measure, i, true);
		int xi = item_index(from, measure, it.key);
		struct collect k = { .a = a };
		if (xi < 0) {
			it.change = DV_ADDED;
		} else {
			struct dv_item_diff x = item_at(from, measure, xi, false);
			it.need_before = x.need_before;
			it.measure_before = x.measure_before;
			if (measure)
				measure_fields(&k, it.measure_before, it.measure_after);
			else
				need_fields(&k, it.need_before, it.need_after);
			if (k.oom)
				return false;
			if (!k.n)
				continue;
			it.change = DV_CHANGED;
		}
		if (!push(a, out, cap, it, &k))
			return false;
	}
	for (int i = 0; i < item_count(from, measure); i++) {
		struct dv_item_diff it = item_at(from, measure, i, false);
		if (item_index(to, measure, it.key) >= 0)
			continue;
		it.change = DV_REMOVED;
		if (!push(a, out, cap, it, NULL))
			return false;
	}
	return true;
}

bool dv_diff(struct arena *a, const struct decided_version *from, const struct decided_version *to,
	     struct dv_diff *out)
{
	*out = (struct dv_diff){ 0 };
	int cap = 0;
	return diff_list(a, from, to, false, out, &cap) && diff_list(a, from, to, true, out, &cap);
}

/* ---- audit ---- */

static void pair_str(struct jw *w, const char *key, const char *before, const char *after)
{
	jw_key(w, key);
	jw_arr(w);
	jw_str(w, before);
	jw_str(w, after);
	jw_arr_end(w);
}

static void pair_id(struct jw *w, const char *key, int64_t before, int64_t after)
{
	jw_key(w, key);
	jw_arr(w);
	if (before) jw_int(w, before); else jw_null(w);
	if (after) jw_int(w, after); else jw_null(w);
	jw_arr_end(w);
}

void decision_audit(struct buf *b, const struct decision *before, const struct decision *after,
		    const char *comment)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	pair_str(&w, "status", decision_status_name(before->status), decision_status_name(after->status));
	if (comment && *comment)
		pair_str(&w, "comment", NULL, comment);
	jw_obj_end(&w);
}

static bool differs(const char *x, const char *y)
{
	return strcmp(s0(x), s0(y)) != 0;
}

void consultation_audit(struct buf *b, const struct consultation *before,
			const struct consultation *after)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	const char *bh = before ? before->held_on : NULL, *ah = after ? after->held_on : NULL;
	const char *bp = before ? before->participants : NULL, *ap = after ? after->participants : NULL;
	const char *bm = before ? before->minutes : NULL, *am = after ? after->minutes : NULL;
	bool all = !before || !after;
	if (all || differs(bh, ah))
		pair_str(&w, "held_on", bh, ah);
	if (all || differs(bp, ap))
		pair_str(&w, "participants", bp, ap);
	if (all || differs(bm, am))
		pair_str(&w, "minutes", bm, am);
	jw_obj_end(&w);
}

void consultation_file_audit(struct buf *b, const struct consultation_file *f, bool added)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	pair_id(&w, "consultation_id", added ? 0 : f->consultation_id, added ? f->consultation_id : 0);
	pair_str(&w, "file_name", added ? NULL : f->file_name, added ? f->file_name : NULL);
	pair_str(&w, "file_sha256", added ? NULL : f->file_sha256, added ? f->file_sha256 : NULL);
	jw_obj_end(&w);
}

void decided_version_audit(struct buf *b, const struct decided_version *v)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	pair_id(&w, "number", 0, v->number);
	pair_id(&w, "needs", 0, v->nneeds);
	pair_id(&w, "measures", 0, v->nmeasures);
	if (v->note && *v->note)
		pair_str(&w, "note", NULL, v->note);
	jw_obj_end(&w);
}
