/* export_phase2.c — the tables of phase 2's exports: the needs register (every
 * proposed critical competence need of a cycle) and a published version of
 * the decided competence strategy (its needs, then its measures as a second
 * part). CSV cells hold what the API and the import speak: stored names
 * ("submitted", "critical", "one_to_three_years"), ISO dates and plain whole
 * numbers; the shown cells hold the words of the pages in the table's
 * language, Norwegian dates and grouped numbers for XLSX and PDF. Lists that
 * are one name per line in the store (proposing units, goals, answered
 * needs) become one cell with "; " between the names. */
#include "io/export.h"

#include <string.h>

#include "domain/strategy.h"

static const char LIST_SEP[] = "; ";

bool export_part_parse(const char *s, enum export_part *out)
{
	if (s && strcmp(s, "needs") == 0)
		*out = EXPORT_PART_NEEDS;
	else if (s && strcmp(s, "measures") == 0)
		*out = EXPORT_PART_MEASURES;
	else
		return false;
	return true;
}

/* ---- the words of the closed lists ---- */

static enum msg status_msg(enum proposal_status s)
{
	switch (s) {
	case PROPOSAL_SUBMITTED: return MSG_PROP_STATE_SUBMITTED;
	case PROPOSAL_RETURNED: return MSG_PROP_STATE_RETURNED;
	default: return MSG_PROP_STATE_DRAFT;
	}
}

static enum msg criticality_msg(enum criticality c)
{
	switch (c) {
	case CRIT_LOW: return MSG_PROP_CRIT_LOW;
	case CRIT_HIGH: return MSG_PROP_CRIT_HIGH;
	case CRIT_CRITICAL: return MSG_PROP_CRIT_CRITICAL;
	default: return MSG_PROP_CRIT_MEDIUM;
	}
}

static enum msg horizon_msg(enum horizon h)
{
	switch (h) {
	case HORIZON_NEXT_YEAR: return MSG_PROP_HORIZON_NEXT_YEAR;
	case HORIZON_LONGER: return MSG_PROP_HORIZON_LONGER;
	default: return MSG_PROP_HORIZON_ONE_TO_THREE;
	}
}

static enum msg kind_msg(enum measure_kind k)
{
	switch (k) {
	case MEASURE_ACQUIRE: return MSG_PROP_KIND_ACQUIRE;
	case MEASURE_MOBILISE: return MSG_PROP_KIND_MOBILISE;
	case MEASURE_PHASE_OUT: return MSG_PROP_KIND_PHASE_OUT;
	default: return MSG_PROP_KIND_DEVELOP;
	}
}

/* ---- cells ---- */

/* A table being filled: cells and shown of the current row. */
struct filler {
	struct arena *a;
	struct export_table *t;
	const char **cells, **shown;
	int row;
	bool failed;
};

static enum err filler_init(struct filler *f, struct arena *a, struct export_table *t)
{
	size_t n = (size_t)t->nrows * (size_t)t->ncols + 1;
	const char **shown = arena_alloc(a, n * sizeof *shown);
	if (!shown)
		return ERR_TOO_BIG;
	memset(shown, 0, n * sizeof *shown);
	t->shown = shown;
	*f = (struct filler){ .a = a, .t = t, .cells = t->cells, .shown = shown };
	return OK;
}

static void put(struct filler *f, int col, const char *csv, const char *shown)
{
	size_t i = (size_t)f->row * (size_t)f->t->ncols + (size_t)col;
	f->cells[i] = csv ? csv : "";
	f->shown[i] = shown;
}

static void put_text(struct filler *f, int col, const char *s)
{
	put(f, col, s, NULL);
}

/* A stored name in CSV, the catalogue's word in XLSX and PDF. */
static void put_word(struct filler *f, int col, const char *stored, enum msg word)
{
	put(f, col, stored, msg(f->t->lang, word));
}

/* A whole number, or an empty cell when absent; grouped ("12 500") when
 * shown. */
static void put_int(struct filler *f, int col, bool given, int64_t v)
{
	if (!given) {
		put(f, col, "", NULL);
		return;
	}
	char *csv = arena_printf(f->a, "%lld", (long long)v);
	struct buf b;
	buf_init(&b, f->a, 0);
	fmt_int(&b, v);
	const char *shown = buf_str(&b);
	if (!csv || b.err)
		f->failed = true;
	put(f, col, csv, shown);
}

/* One name per line -> "a; b; c". */
static void put_lines(struct filler *f, int col, const char *lines)
{
	if (!lines || !strchr(lines, '\n')) {
		put(f, col, lines, NULL);
		return;
	}
	struct buf b;
	buf_init(&b, f->a, 0);
	const char *s = lines;
	bool first = true;
	while (*s) {
		const char *end = strchr(s, '\n');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		if (len > 0) {
			if (!first)
				buf_puts(&b, LIST_SEP);
			buf_add(&b, s, len);
			first = false;
		}
		s += len + (end ? 1 : 0);
	}
	const char *joined = buf_str(&b);
	if (b.err)
		f->failed = true;
	put(f, col, joined, NULL);
}

/* "2027-06-30" in CSV, "30.06.2027" shown. */
static void put_date(struct filler *f, int col, const char *iso)
{
	if (!iso || !*iso) {
		put(f, col, "", NULL);
		return;
	}
	struct buf b;
	buf_init(&b, f->a, 0);
	strategy_format_date(&b, iso);
	const char *shown = buf_str(&b);
	if (b.err)
		f->failed = true;
	put(f, col, iso, shown);
}

/* The catalogue text m with args: the heading of the PDF and the workbook. */
static const char *heading(struct arena *a, enum lang lang, enum msg m, const char *const *args, int nargs)
{
	struct buf b;
	buf_init(&b, a, 0);
	export_put_msg(&b, lang, m, args, nargs);
	return b.err ? NULL : buf_str(&b);
}

/* ---- the needs register ---- */

enum err export_needs_table(struct arena *a, enum lang lang, const char *cycle_name, const char *org,
			    const struct export_need *needs, int n, struct export_table *out)
{
	enum { NCOLS = 14 };
	/* the PDF has the names, not the codes */
	static const struct export_col_spec cols[NCOLS] = {
		{ "unit_code", MSG_EXPORT_COL_UNIT_CODE, EXPORT_COL_CODE, 3, true },
		{ "unit_name", MSG_EXPORT_COL_UNIT_NAME, EXPORT_COL_TEXT, 16, false },
		{ "status", MSG_EXPORT_COL_PROPOSAL_STATUS, EXPORT_COL_CODE, 6, false },
		{ "competence_code", MSG_EXPORT_COL_COMPETENCE_CODE, EXPORT_COL_CODE, 8, true },
		{ "title", MSG_PROP_COL_NEED, EXPORT_COL_TEXT, 20, false },
		{ "criticality", MSG_PROP_COL_CRITICALITY, EXPORT_COL_CODE, 4, false },
		{ "required_level", MSG_PROP_COL_REQUIRED, EXPORT_COL_NUMBER, 3, false },
		{ "current_level", MSG_PROP_COL_CURRENT, EXPORT_COL_NUMBER, 3, false },
		{ "gap", MSG_PROP_COL_GAP, EXPORT_COL_NUMBER, 2, false },
		{ "people_affected", MSG_PROP_COL_PEOPLE, EXPORT_COL_NUMBER, 3, false },
		{ "horizon", MSG_PROP_COL_HORIZON, EXPORT_COL_CODE, 6, false },
		{ "goal_codes", MSG_EXPORT_COL_GOAL_CODES, EXPORT_COL_CODE, 4, false },
		{ "rationale", MSG_PROP_COL_RATIONALE, EXPORT_COL_TEXT, 30, false },
		{ "decided_need", MSG_CMPL_COL_DECIDED, EXPORT_COL_TEXT, 16, false },
	};
	enum err e = export_table_begin(a, out, EXPORT_NEEDS, lang, MSG_EXPORT_NEEDS_TITLE, cols, NCOLS, n);
	struct filler f;
	if (e || filler_init(&f, a, out))
		return ERR_TOO_BIG;
	out->count_msg = MSG_EXPORT_NEEDS_COUNT;
	out->org = org;
	out->heading = heading(a, lang, MSG_EXPORT_NEEDS_HEADING, (const char *const[]){ cycle_name }, 1);
	for (int r = 0; r < n; r++) {
		const struct export_need *x = &needs[r];
		f.row = r;
		put_text(&f, 0, x->unit_code);
		put_text(&f, 1, x->unit_name);
		put_word(&f, 2, proposal_status_name(x->status), status_msg(x->status));
		put_text(&f, 3, x->competence_code);
		put_text(&f, 4, x->title);
		put_word(&f, 5, criticality_name(x->criticality), criticality_msg(x->criticality));
		put_int(&f, 6, x->required_level > 0, x->required_level);
		put_int(&f, 7, x->current_level > 0, x->current_level);
		put_int(&f, 8, x->required_level > 0 && x->current_level > 0,
			(int64_t)x->required_level - x->current_level);
		put_int(&f, 9, x->people_affected >= 0, x->people_affected);
		put_word(&f, 10, horizon_name(x->horizon), horizon_msg(x->horizon));
		put_text(&f, 11, x->goal_codes);
		put_text(&f, 12, x->rationale);
		put_text(&f, 13, x->decided_need);
	}
	return f.failed || !out->heading ? ERR_TOO_BIG : OK;
}

/* ---- the decided competence strategy ---- */

static enum err strategy_needs(struct arena *a, enum lang lang, const struct decided_version *v,
			       struct export_table *out)
{
	enum { NCOLS = 11 };
	static const struct export_col_spec cols[NCOLS] = {
		{ "title", MSG_PROP_COL_NEED, EXPORT_COL_TEXT, 18, false },
		{ "description", MSG_PROP_F_DESCRIPTION, EXPORT_COL_TEXT, 26, false },
		{ "scope", MSG_CMPL_COL_SCOPE, EXPORT_COL_CODE, 13, false },
		{ "unit_name", MSG_EXPORT_COL_UNIT_NAME, EXPORT_COL_TEXT, 12, false },
		{ "competence", MSG_EXPORT_COL_COMPETENCE, EXPORT_COL_TEXT, 12, false },
		{ "criticality", MSG_PROP_COL_CRITICALITY, EXPORT_COL_CODE, 4, false },
		{ "required_level", MSG_PROP_COL_REQUIRED, EXPORT_COL_NUMBER, 3, false },
		{ "horizon", MSG_PROP_COL_HORIZON, EXPORT_COL_CODE, 6, false },
		{ "people_affected", MSG_PROP_COL_PEOPLE, EXPORT_COL_NUMBER, 3, false },
		{ "proposed_by", MSG_CMPL_COL_PROPOSED_BY, EXPORT_COL_TEXT, 16, false },
		{ "goals", MSG_CMPL_COL_GOALS, EXPORT_COL_TEXT, 20, false },
	};
	enum err e = export_table_begin(a, out, EXPORT_STRATEGY, lang, MSG_EXPORT_DECIDED_NEEDS_TITLE, cols, NCOLS, v->nneeds);
	struct filler f;
	if (e || filler_init(&f, a, out))
		return ERR_TOO_BIG;
	out->count_msg = MSG_EXPORT_NEEDS_COUNT;
	for (int r = 0; r < v->nneeds; r++) {
		const struct dv_need *x = &v->needs[r];
		f.row = r;
		put_text(&f, 0, x->title);
		put_text(&f, 1, x->description);
		put_word(&f, 2, need_scope_name(x->scope),
			 x->scope == NEED_SCOPE_UNIT ? MSG_DEC_SCOPE_UNIT : MSG_DEC_SCOPE_ORGANISATION);
		put_text(&f, 3, x->unit_name);
		put_text(&f, 4, x->competence_name);
		put_word(&f, 5, criticality_name(x->criticality), criticality_msg(x->criticality));
		put_int(&f, 6, x->required_level > 0, x->required_level);
		put_word(&f, 7, horizon_name(x->horizon), horizon_msg(x->horizon));
		put_int(&f, 8, x->people_affected >= 0, x->people_affected);
		put_lines(&f, 9, x->proposed_by);
		put_lines(&f, 10, x->goals);
	}
	return f.failed ? ERR_TOO_BIG : OK;
}

static enum err strategy_measures(struct arena *a, enum lang lang, const struct decided_version *v,
				  struct export_table *out)
{
	enum { NCOLS = 9 };
	static const struct export_col_spec cols[NCOLS] = {
		{ "title", MSG_PROP_COL_MEASURE, EXPORT_COL_TEXT, 18, false },
		{ "description", MSG_PROP_F_DESCRIPTION, EXPORT_COL_TEXT, 26, false },
		{ "kind", MSG_PROP_COL_KIND, EXPORT_COL_CODE, 8, false },
		{ "scope", MSG_CMPL_COL_SCOPE, EXPORT_COL_CODE, 8, false },
		{ "unit_name", MSG_EXPORT_COL_UNIT_NAME, EXPORT_COL_TEXT, 12, false },
		{ "owner", MSG_CMPL_COL_OWNER, EXPORT_COL_TEXT, 12, false },
		{ "deadline", MSG_CMPL_COL_DEADLINE, EXPORT_COL_CODE, 8, false },
		{ "budget", MSG_CMPL_COL_BUDGET, EXPORT_COL_NUMBER, 5, false },
		{ "needs", MSG_CMPL_COL_ANSWERS, EXPORT_COL_TEXT, 20, false },
	};
	enum err e = export_table_begin(a, out, EXPORT_STRATEGY, lang, MSG_EXPORT_MEASURES_TITLE, cols, NCOLS, v->nmeasures);
	struct filler f;
	if (e || filler_init(&f, a, out))
		return ERR_TOO_BIG;
	out->count_msg = MSG_EXPORT_MEASURES_COUNT;
	for (int r = 0; r < v->nmeasures; r++) {
		const struct dv_measure *x = &v->measures[r];
		f.row = r;
		put_text(&f, 0, x->title);
		put_text(&f, 1, x->description);
		put_word(&f, 2, measure_kind_name(x->kind), kind_msg(x->kind));
		put_word(&f, 3, measure_scope_name(x->scope),
			 x->scope == MEASURE_SCOPE_LOCAL ? MSG_DEC_SCOPE_LOCAL : MSG_DEC_SCOPE_OVERARCHING);
		put_text(&f, 4, x->unit_name);
		put_text(&f, 5, x->owner);
		put_date(&f, 6, x->deadline);
		put_int(&f, 7, x->budget >= 0, x->budget);
		put_lines(&f, 8, x->needs);
	}
	return f.failed ? ERR_TOO_BIG : OK;
}

/* "Publisert 28.11.2026 av Hanne · Godkjent 27.11.2026 av Tor" */
static const char *version_note(struct arena *a, enum lang lang, const struct decided_version *v)
{
	struct buf b, when;
	buf_init(&b, a, 0);
	const char *someone = msg(lang, MSG_PROP_SOMEONE);
	buf_init(&when, a, 0);
	fmt_date(&when, v->published_at);
	const char *pub = v->published_by_name && *v->published_by_name ? v->published_by_name : someone;
	export_put_msg(&b, lang, MSG_EXPORT_PUBLISHED_BY, (const char *const[]){ buf_str(&when), pub }, 2);
	if (v->approved_at > 0) {
		buf_init(&when, a, 0);
		fmt_date(&when, v->approved_at);
		const char *by = v->approved_by_name && *v->approved_by_name ? v->approved_by_name : someone;
		buf_puts(&b, " \xC2\xB7 ");        /* middle dot */
		const char *args[] = { buf_str(&when), by };
		export_put_msg(&b, lang, MSG_EXPORT_APPROVED_BY, args, 2);
	}
	return b.err || when.err ? NULL : buf_str(&b);
}

enum err export_strategy_table(struct arena *a, enum lang lang, const char *cycle_name, const char *org,
			       const struct decided_version *v, enum export_part part,
			       struct export_table *out)
{
	struct export_table *measures = arena_alloc(a, sizeof *measures);
	if (!measures)
		return ERR_TOO_BIG;
	enum err e = OK;
	if (part != EXPORT_PART_MEASURES)
		e = strategy_needs(a, lang, v, out);
	if (!e && part != EXPORT_PART_NEEDS)
		e = strategy_measures(a, lang, v, part == EXPORT_PART_MEASURES ? out : measures);
	if (e)
		return e;
	if (part == EXPORT_PART_ALL)
		out->next = measures;
	char number[24];
	snprintf(number, sizeof number, "%lld", (long long)v->number);
	const char *args[] = { cycle_name, number };
	out->heading = heading(a, lang, MSG_EXPORT_STRATEGY_HEADING, args, 2);
	out->note = version_note(a, lang, v);
	out->org = org;
	measures->org = org;
	return out->heading && out->note ? OK : ERR_TOO_BIG;
}
