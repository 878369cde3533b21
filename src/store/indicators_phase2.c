/* indicators_phase2.c (store) — the phase-2 indicator counts, each on
 * indexed columns: the units with their people (units.active_people, kept
 * by people.c) and proposal (the primary key of unit_discussions); needs
 * and measures in one grouped pass each over the cycle's rows by the
 * (cycle_id, unit_id) indexes, joined to the units in C; needs per goal and
 * the decided set grouped over the cycle's rows. */
#include "store/indicators_phase2.h"

#include <stdlib.h>
#include <stddef.h>

#include "store/phase2.h"
#include "store/rows.h"
#include "store/store_int.h"

/* The text of column col of the row at hand, valid until the next step. */
static const char *col_cstr(struct store_q *q, int col)
{
	return q->c->ops->column_is_null(q->st, col) ? NULL : q->c->ops->column_text(q->st, col);
}

/* The units and their proposals (by the primary key of unit_discussions);
 * the needs and measures are counted apart (add_counts), once per cycle. */
static const char SQL_P2_UNIT_ROWS[] =
	"SELECT u.id, u.name, u.active_people, d.status, d.submitted_at, u.parent_id"
	" FROM units u LEFT JOIN unit_discussions d ON d.cycle_id = $1 AND d.unit_id = u.id"
	" WHERE CAST($2 AS BIGINT) = 0 OR u.id = $2 ORDER BY u.name COLLATE nb, u.id";

/* Needs per unit and those without a strategic goal: one pass over the
 * cycle's needs by competence_needs_cycle_unit, grouped by unit; the goal
 * check is a seek on need_goals' primary key. The _UNIT twins read one
 * unit's range of the same index. */
#define NEEDS_COLS \
	"SELECT n.unit_id, count(*), sum(CASE WHEN NOT EXISTS (SELECT 1 FROM need_goals g" \
	" WHERE g.need_id = n.id) THEN 1 ELSE 0 END) FROM competence_needs n WHERE n.cycle_id = $1"
static const char SQL_P2_NEEDS[] = NEEDS_COLS " GROUP BY n.unit_id";
static const char SQL_P2_NEEDS_UNIT[] = NEEDS_COLS " AND n.unit_id = $2 GROUP BY n.unit_id";

/* Measures per (unit, type), one pass by proposed_measures_cycle_unit. */
#define MEASURES_COLS "SELECT m.unit_id, m.kind, count(*) FROM proposed_measures m WHERE m.cycle_id = $1"
static const char SQL_P2_MEASURES[] = MEASURES_COLS " GROUP BY m.unit_id, m.kind";
static const char SQL_P2_MEASURES_UNIT[] = MEASURES_COLS " AND m.unit_id = $2 GROUP BY m.unit_id, m.kind";

/* The row of unit id in v (indexed by at), NULL when not shown. */
static struct ind_p2_unit *row_of(const struct store_unit_index *at, int k, struct ind_p2_unit *v, int64_t id)
{
	int i = store_unit_index_find(at, k, id);
	return i < 0 ? NULL : &v[i];
}

/* Binds one of the grouped counts (prepared by the caller, of the cycle
 * or of one unit). */
static void bind_counts(struct store_q *q, int64_t cycle_id, int64_t unit_id)
{
	store_q_int(q, 1, cycle_id);
	if (unit_id)
		store_q_int(q, 2, unit_id);
}

/* Adds the needs and measures to the rows v[0..k) (every unit's, or the
 * one unit's), joined by unit in C. */
static enum err add_counts(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			   struct ind_p2_unit *v, int k)
{
	struct store_unit_index *at =
		store_unit_index(a, v, sizeof *v, offsetof(struct ind_p2_unit, unit_id), k);
	if (!at)
		return ERR_TOO_BIG;
	struct store_q q;
	if (unit_id)
		store_q_prepare(&q, c, SQL_P2_NEEDS_UNIT);
	else
		store_q_prepare(&q, c, SQL_P2_NEEDS);
	bind_counts(&q, cycle_id, unit_id);
	while (store_q_row(&q)) {
		struct ind_p2_unit *r = row_of(at, k, v, store_q_col_int(&q, 0));
		if (!r)
			continue;
		r->needs = store_q_col_int(&q, 1);
		r->needs_without_goal = store_q_col_int(&q, 2);
	}
	enum err e = store_q_done(&q);
	if (e)
		return e;
	if (unit_id)
		store_q_prepare(&q, c, SQL_P2_MEASURES_UNIT);
	else
		store_q_prepare(&q, c, SQL_P2_MEASURES);
	bind_counts(&q, cycle_id, unit_id);
	while (store_q_row(&q)) {
		struct ind_p2_unit *r = row_of(at, k, v, store_q_col_int(&q, 0));
		enum measure_kind kind;
		if (!measure_kind_parse(col_cstr(&q, 1), &kind)) {
			q.err = store_fail(c, ERR_IO, "proposed_measures.kind holds an unknown type");
			break;
		}
		if (r)
			r->measures[kind] += store_q_col_int(&q, 2);
	}
	return store_q_done(&q);
}

/* An unknown state stops the read (q->err). */
static void unit_row(struct store_q *q, struct arena *a, void *item)
{
	struct ind_p2_unit *r = item;
	*r = (struct ind_p2_unit){ 0 };
	r->unit_id = store_q_col_int(q, 0);
	r->name = store_q_col_text(q, a, 1);
	r->has_people = store_q_col_int(q, 2) > 0;
	const char *status = col_cstr(q, 3);
	r->started = status != NULL;
	if (status && !proposal_status_parse(status, &r->status)) {
		q->err = store_fail(q->c, ERR_IO, "unit_discussions.status holds an unknown state");
		return;
	}
	r->submitted_at = r->status == PROPOSAL_SUBMITTED ? store_q_col_int(q, 4) : 0;
	r->parent_id = store_q_col_int(q, 5);
}

enum err store_p2_unit_rows(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			    struct ind_p2_unit **out, int *n)
{
	struct ind_p2_unit *v;
	int k;
	*out = NULL;
	*n = 0;
	struct store_q q;
	store_q_prepare(&q, c, SQL_P2_UNIT_ROWS);
	enum err e = store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof *v, unit_row, &v, &k);
	if (!e && k > 0)
		e = add_counts(c, a, cycle_id, unit_id, v, k);
	if (e)
		return e;
	*out = v;
	*n = k;
	return OK;
}

static const char SQL_P2_GOALS[] =
	"SELECT g.goal_id, g.code, g.title FROM strategy_goals g WHERE g.version_id = ("
	"SELECT v.id FROM strategy_versions v WHERE v.cycle_id = $1 AND v.status = 'published'"
	" ORDER BY v.number DESC LIMIT 1) ORDER BY g.main_goal_id, g.id";

static void goal_row(struct store_q *q, struct arena *a, void *item)
{
	struct ind_p2_goal *g = item;
	*g = (struct ind_p2_goal){ .goal_id = store_q_col_int(q, 0), .code = store_q_col_text(q, a, 1),
				   .title = store_q_col_text(q, a, 2) };
}

enum err store_p2_goals(struct store_conn *c, struct arena *a, int64_t cycle_id, struct ind_p2_goal **out,
			int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_P2_GOALS);
	store_q_int(&q, 1, cycle_id);
	return store_q_rows(&q, a, sizeof **out, goal_row, out, n);
}

static const char SQL_P2_GOAL_NEEDS[] =
	"SELECT g.goal_id, n.unit_id, count(*) FROM competence_needs n"
	" JOIN unit_discussions d ON d.cycle_id = n.cycle_id AND d.unit_id = n.unit_id"
	" JOIN need_goals g ON g.need_id = n.id"
	" WHERE n.cycle_id = $1 AND d.status = 'submitted' AND (CAST($2 AS BIGINT) = 0 OR n.unit_id = $2)"
	" GROUP BY g.goal_id, n.unit_id ORDER BY g.goal_id, n.unit_id";

static void goal_needs_row(struct store_q *q, struct arena *a, void *item)
{
	(void)a;
	struct ind_p2_goal_needs *g = item;
	*g = (struct ind_p2_goal_needs){ store_q_col_int(q, 0), store_q_col_int(q, 1), store_q_col_int(q, 2) };
}

enum err store_p2_goal_needs(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			     struct ind_p2_goal_needs **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_P2_GOAL_NEEDS);
	return store_q_unit_rows(&q, a, cycle_id, unit_id, sizeof **out, goal_needs_row, out,
			       n);
}

static const char SQL_P2_DECIDED_NEEDS[] =
	"SELECT count(*), COALESCE(SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM decided_need_goals g"
	" WHERE g.decided_need_id = n.id) THEN 1 ELSE 0 END), 0)"
	" FROM decided_needs n WHERE n.cycle_id = $1";
static const char SQL_P2_DECIDED_MEASURES[] =
	"SELECT kind, scope, count(*) FROM decided_measures WHERE cycle_id = $1 GROUP BY kind, scope";
static const char SQL_P2_DECIDED_GOALS[] =
	"SELECT g.goal_id, count(*) FROM decided_needs n JOIN decided_need_goals g ON g.decided_need_id = n.id"
	" WHERE n.cycle_id = $1 GROUP BY g.goal_id ORDER BY g.goal_id";

static void goal_decided_row(struct store_q *q, struct arena *a, void *item)
{
	(void)a;
	struct ind_p2_goal_decided *g = item;
	*g = (struct ind_p2_goal_decided){ store_q_col_int(q, 0), store_q_col_int(q, 1) };
}

enum err store_p2_decided(struct store_conn *c, struct arena *a, int64_t cycle_id, struct ind_p2_decided *out,
			  struct ind_p2_goal_decided **goals, int *ngoals)
{
	*out = (struct ind_p2_decided){ 0 };
	*goals = NULL;
	*ngoals = 0;
	struct store_q q;
	store_q_prepare(&q, c, SQL_P2_DECIDED_NEEDS);
	store_q_int(&q, 1, cycle_id);
	if (store_q_row(&q)) {
		out->needs = store_q_col_int(&q, 0);
		out->needs_without_goal = store_q_col_int(&q, 1);
	}
	enum err e = store_q_done(&q);
	if (e)
		return e;

	store_q_prepare(&q, c, SQL_P2_DECIDED_MEASURES);
	store_q_int(&q, 1, cycle_id);
	while (store_q_row(&q)) {
		enum measure_kind kind;
		enum measure_scope scope;
		if (!measure_kind_parse(col_cstr(&q, 0), &kind) || !measure_scope_parse(col_cstr(&q, 1), &scope)) {
			q.err = store_fail(c, ERR_IO, "decided_measures holds an unknown kind or scope");
			break;
		}
		out->measures[kind][scope] += store_q_col_int(&q, 2);
	}
	if ((e = store_q_done(&q)))
		return e;

	store_q_prepare(&q, c, SQL_P2_DECIDED_GOALS);
	store_q_int(&q, 1, cycle_id);
	return store_q_rows(&q, a, sizeof **goals, goal_decided_row, goals, ngoals);
}

static int cmp_i64(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return (a > b) - (a < b);
}

static bool in_set(const int64_t *only, int nonly, int64_t id)
{
	return bsearch(&id, only, (size_t)nonly, sizeof *only, cmp_i64) != NULL;
}

enum err store_p2_report(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			 const int64_t *only, int nonly, bool with_decided, struct p2_report *out)
{
	*out = (struct p2_report){ .with_decided = with_decided };
	struct ind_p2_unit *units = NULL;
	int nunits = 0;
	enum err e = store_p2_unit_rows(c, a, cycle_id, unit_id, &units, &nunits);
	struct ind_p2_goal_needs *gn = NULL;
	int ngn = 0;
	if (!e)
		e = store_p2_goals(c, a, cycle_id, &out->goals, &out->ngoals);
	if (!e)
		e = store_p2_goal_needs(c, a, cycle_id, unit_id, &gn, &ngn);
	struct ind_p2_decided dec = { 0 };
	struct ind_p2_goal_decided *gd = NULL;
	int ngd = 0;
	if (!e && with_decided)
		e = store_p2_decided(c, a, cycle_id, &dec, &gd, &ngd);
	if (!e && with_decided)
		e = store_decision_status(c, cycle_id, &out->decision);
	if (e)
		return e;
	if (only) {
		int k = 0;
		for (int i = 0; i < nunits; i++)
			if (in_set(only, nonly, units[i].unit_id))
				units[k++] = units[i];
		nunits = k;
		k = 0;
		for (int i = 0; i < ngn; i++)
			if (in_set(only, nonly, gn[i].unit_id))
				gn[k++] = gn[i];
		ngn = k;
	}
	out->units = units;
	out->nunits = nunits;
	ind_phase2_units(units, nunits, &out->total);
	if (with_decided)
		ind_p2_decided_apply(&dec, &out->total);
	ind_p2_goals(out->goals, out->ngoals, gn, ngn, gd, with_decided ? ngd : 0, &out->total);
	return OK;
}
