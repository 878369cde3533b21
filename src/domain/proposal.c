/* proposal.c — the rules of a unit's proposal: field checks of needs and
 * measures, the gap, amounts typed the Norwegian way, the state rules of
 * submitting and returning, and the audit JSON of every change. */
#include "domain/proposal.h"

#include <string.h>
#include "base/json.h"
#include "base/utf8.h"

static bool blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* One line of text, at most max characters; required when req. */
static void one_line(struct field_errors *fe, const char *field, const char *s, size_t max, bool req)
{
	if (blank(s)) {
		if (req)
			field_error_add(fe, field, PROB_REQUIRED);
		return;
	}
	if (!utf8_valid_text(s, strlen(s)) || strpbrk(s, "\r\n\t"))
		field_error_add(fe, field, PROB_BAD_TEXT);
	else if (utf8_len(s) > max)
		field_error_add(fe, field, PROB_TOO_LONG);
}

/* Text of several lines, at most max characters, optional. */
static void multi_line(struct field_errors *fe, const char *field, const char *s, size_t max)
{
	if (!s)
		return;
	if (!utf8_valid_text(s, strlen(s)))
		field_error_add(fe, field, PROB_BAD_TEXT);
	else if (utf8_len(s) > max)
		field_error_add(fe, field, PROB_TOO_LONG);
}

void validate_proposal_need(const struct proposal_need *n, int nlevels, struct field_errors *fe)
{
	one_line(fe, "title", n->title, NEED_TITLE_MAX_CHARS, n->competence_id == 0);
	if (n->required_level < 0 || n->required_level > nlevels)
		field_error_add(fe, "required_level", PROB_BAD_CHOICE);
	if (n->current_level < 0 || n->current_level > nlevels)
		field_error_add(fe, "current_level", PROB_BAD_CHOICE);
	if (n->people_affected < -1 || n->people_affected > NEED_PEOPLE_MAX)
		field_error_add(fe, "people_affected", PROB_BAD_NUMBER);
	multi_line(fe, "rationale", n->rationale, NEED_RATIONALE_MAX_CHARS);
}

void validate_proposal_measure(const struct proposal_measure *m, struct field_errors *fe)
{
	one_line(fe, "title", m->title, MEASURE_TITLE_MAX_CHARS, true);
	multi_line(fe, "description", m->description, MEASURE_DESC_MAX_CHARS);
	one_line(fe, "suggested_owner", m->suggested_owner, MEASURE_OWNER_MAX_CHARS, false);
	if (m->estimated_cost < -1 || m->estimated_cost > MEASURE_COST_MAX)
		field_error_add(fe, "estimated_cost", PROB_BAD_NUMBER);
	one_line(fe, "timing", m->timing, MEASURE_TIMING_MAX_CHARS, false);
}

void validate_return_comment(const char *comment, struct field_errors *fe)
{
	if (blank(comment))
		field_error_add(fe, "comment", PROB_REQUIRED);
	else
		multi_line(fe, "comment", comment, RETURN_COMMENT_MAX_CHARS);
}

bool proposal_need_gap(const struct proposal_need *n, int *gap)
{
	if (n->required_level <= 0 || n->current_level <= 0)
		return false;
	*gap = n->required_level - n->current_level;
	return true;
}

/* The length of a group separator at s: a space, a full stop, or a
 * no-break (U+00A0), thin (U+2009) or narrow no-break (U+202F) space. */
static size_t separator(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] == ' ' || u[0] == '.')
		return 1;
	if (u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x89 || u[2] == 0xAF))
		return 3;
	return 0;
}

static const char *skip_spaces(const char *s)
{
	size_t k;
	while ((k = separator(s)) && *s != '.')
		s += k;
	return s;
}

static bool kr_at(const char *s)
{
	return (s[0] == 'k' || s[0] == 'K') && (s[1] == 'r' || s[1] == 'R');
}

bool proposal_parse_amount(const char *s, int64_t max, int64_t *out)
{
	if (!s)
		return false;
	const char *p = skip_spaces(s);
	if (!*p) {
		*out = -1;
		return true;
	}
	if (kr_at(p))
		p = skip_spaces(p + 2);
	int64_t v = 0;
	int digits = 0;
	bool last_sep = false;
	for (;;) {
		if (*p >= '0' && *p <= '9') {
			v = v * 10 + (*p - '0');
			if (v > max)
				return false;
			digits++;
			last_sep = false;
			p++;
			continue;
		}
		size_t k = separator(p);
		/* a separator between digits only, never two in a row */
		if (k && digits && !last_sep && p[k] >= '0' && p[k] <= '9') {
			last_sep = true;
			p += k;
			continue;
		}
		break;
	}
	if (!digits)
		return false;
	p = skip_spaces(p);
	if (p[0] == ',' && p[1] == '-')
		p = skip_spaces(p + 2);
	if (kr_at(p))
		p = skip_spaces(p + 2);
	if (*p)
		return false;
	*out = v;
	return true;
}

enum problem proposal_submit_problem(enum proposal_status s, int nneeds)
{
	if (!proposal_editable(s))
		return PROB_LOCKED;
	if (nneeds <= 0)
		return PROB_REQUIRED;
	return PROB_NONE;
}

enum problem proposal_return_problem(enum proposal_status s)
{
	return s == PROPOSAL_SUBMITTED ? PROB_NONE : PROB_LOCKED;
}

bool proposal_parse_level(const char *s, int *out)
{
	if (!s || !*s) {
		*out = 0;
		return true;
	}
	if (strcmp(s, "10") == 0) {
		*out = 10;
		return true;
	}
	if (s[0] >= '1' && s[0] <= '9' && !s[1]) {
		*out = s[0] - '0';
		return true;
	}
	return false;
}

/* ---- audit ---- */

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void pair_str(struct jw *w, const char *field, const char *before, const char *after)
{
	jw_key(w, field);
	jw_arr(w);
	jw_str(w, before);
	jw_str(w, after);
	jw_arr_end(w);
}

/* An optional number: null when not given (v <= none). */
static void opt_int(struct jw *w, int64_t v, int64_t none)
{
	if (v <= none)
		jw_null(w);
	else
		jw_int(w, v);
}

static void pair_int(struct jw *w, const char *field, bool has_before, int64_t before, bool has_after,
		     int64_t after, int64_t none)
{
	jw_key(w, field);
	jw_arr(w);
	if (has_before) opt_int(w, before, none); else jw_null(w);
	if (has_after) opt_int(w, after, none); else jw_null(w);
	jw_arr_end(w);
}

static void links(struct jw *w, const struct proposal_link *v, int n)
{
	jw_arr(w);
	for (int i = 0; i < n; i++)
		jw_int(w, v[i].id);
	jw_arr_end(w);
}

static bool same_links(const struct proposal_link *a, int na, const struct proposal_link *b, int nb)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++)
		if (a[i].id != b[i].id)
			return false;
	return true;
}

static void pair_links(struct jw *w, const char *field, const struct proposal_link *a, int na, bool has_a,
		       const struct proposal_link *b, int nb, bool has_b)
{
	jw_key(w, field);
	jw_arr(w);
	if (has_a) links(w, a, na); else jw_null(w);
	if (has_b) links(w, b, nb); else jw_null(w);
	jw_arr_end(w);
}

void proposal_audit_need(struct buf *b, const struct proposal_need *before, const struct proposal_need *after)
{
	const struct proposal_need *x = before, *y = after;
	bool all = !x || !y;
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	if (all || x->competence_id != y->competence_id)
		pair_int(&w, "competence_id", x, x ? x->competence_id : 0, y, y ? y->competence_id : 0, 0);
	if (all || !same(x->title, y->title))
		pair_str(&w, "title", x ? x->title : NULL, y ? y->title : NULL);
	if (all || x->criticality != y->criticality)
		pair_str(&w, "criticality", x ? criticality_name(x->criticality) : NULL,
			 y ? criticality_name(y->criticality) : NULL);
	if (all || x->required_level != y->required_level)
		pair_int(&w, "required_level", x, x ? x->required_level : 0, y, y ? y->required_level : 0, 0);
	if (all || x->current_level != y->current_level)
		pair_int(&w, "current_level", x, x ? x->current_level : 0, y, y ? y->current_level : 0, 0);
	if (all || x->people_affected != y->people_affected)
		pair_int(&w, "people_affected", x, x ? x->people_affected : -1, y, y ? y->people_affected : -1, -1);
	if (all || x->horizon != y->horizon)
		pair_str(&w, "horizon", x ? horizon_name(x->horizon) : NULL, y ? horizon_name(y->horizon) : NULL);
	if (all || !same(x->rationale, y->rationale))
		pair_str(&w, "rationale", x ? x->rationale : NULL, y ? y->rationale : NULL);
	if (all && ((x && x->source_draft_id) || (y && y->source_draft_id)))
		pair_int(&w, "source_draft_id", x, x ? x->source_draft_id : 0, y, y ? y->source_draft_id : 0, 0);
	if (all || !same_links(x->goals, x->ngoals, y->goals, y->ngoals))
		pair_links(&w, "goal_ids", x ? x->goals : NULL, x ? x->ngoals : 0, x, y ? y->goals : NULL,
			   y ? y->ngoals : 0, y);
	if (all || !same_links(x->unit_goals, x->nunit_goals, y->unit_goals, y->nunit_goals))
		pair_links(&w, "unit_goal_ids", x ? x->unit_goals : NULL, x ? x->nunit_goals : 0, x,
			   y ? y->unit_goals : NULL, y ? y->nunit_goals : 0, y);
	jw_obj_end(&w);
}

void proposal_audit_measure(struct buf *b, const struct proposal_measure *before,
			    const struct proposal_measure *after)
{
	const struct proposal_measure *x = before, *y = after;
	bool all = !x || !y;
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	if (all || x->kind != y->kind)
		pair_str(&w, "kind", x ? measure_kind_name(x->kind) : NULL, y ? measure_kind_name(y->kind) : NULL);
	if (all || !same(x->title, y->title))
		pair_str(&w, "title", x ? x->title : NULL, y ? y->title : NULL);
	if (all || !same(x->description, y->description))
		pair_str(&w, "description", x ? x->description : NULL, y ? y->description : NULL);
	if (all || !same(x->suggested_owner, y->suggested_owner))
		pair_str(&w, "suggested_owner", x ? x->suggested_owner : NULL, y ? y->suggested_owner : NULL);
	if (all || x->estimated_cost != y->estimated_cost)
		pair_int(&w, "estimated_cost", x, x ? x->estimated_cost : -1, y, y ? y->estimated_cost : -1, -1);
	if (all || !same(x->timing, y->timing))
		pair_str(&w, "timing", x ? x->timing : NULL, y ? y->timing : NULL);
	if (all || !same_links(x->needs, x->nneeds, y->needs, y->nneeds))
		pair_links(&w, "need_ids", x ? x->needs : NULL, x ? x->nneeds : 0, x, y ? y->needs : NULL,
			   y ? y->nneeds : 0, y);
	jw_obj_end(&w);
}

void proposal_audit_status(struct buf *b, int64_t cycle_id, enum proposal_status from,
			   enum proposal_status to, const char *comment, int nneeds, int nmeasures)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	jw_key(&w, "cycle_id");
	jw_arr(&w);
	jw_int(&w, cycle_id);
	jw_int(&w, cycle_id);
	jw_arr_end(&w);
	pair_str(&w, "status", proposal_status_name(from), proposal_status_name(to));
	if (to == PROPOSAL_RETURNED)
		pair_str(&w, "return_comment", NULL, comment ? comment : "");
	if (to == PROPOSAL_SUBMITTED) {
		pair_int(&w, "needs", false, 0, true, nneeds, -1);
		pair_int(&w, "measures", false, 0, true, nmeasures, -1);
	}
	jw_obj_end(&w);
}

void proposal_audit_carry(struct buf *b, int64_t cycle_id, const int64_t *draft_ids,
			  const int64_t *need_ids, int n)
{
	struct jw w;
	jw_init(&w, b);
	jw_obj(&w);
	jw_key(&w, "cycle_id");
	jw_arr(&w);
	jw_int(&w, cycle_id);
	jw_int(&w, cycle_id);
	jw_arr_end(&w);
	jw_key(&w, "carried");
	jw_arr(&w);
	jw_null(&w);
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kint(&w, "draft_id", draft_ids[i]);
		jw_kint(&w, "need_id", need_ids[i]);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_arr_end(&w);
	jw_obj_end(&w);
}
