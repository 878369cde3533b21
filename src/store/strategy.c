/* strategy.c (store) — the strategy versions, their content, and the unit
 * goals. Each statement is a constant with $n parameters that SQLite and
 * PostgreSQL both run. A new draft is copied from the latest published
 * version row by row in C, so the new rows' ids can be mapped (main goal ->
 * its strategic goals -> their indicators -> their values) while each
 * strategic goal keeps its goal_id, the identity unit goals link to. */
#include "store/strategy.h"

#include <string.h>
#include "store/store_int.h"

static enum err one_row(struct store_q *q)
{
	if (!q->err)
		q->err = ERR_NOTFOUND;
	return store_q_done(q);
}

static char *text_or_empty(struct store_q *q, struct arena *a, int col)
{
	char *s = store_q_col_text(q, a, col);
	if (!s && !q->err)
		s = arena_strdup(a, "");
	return s;
}

/* ---- cycles ---- */

#define CYCLE_SELECT "SELECT id, name, status FROM cycles"

static void cycle_row(struct store_q *q, struct arena *a, struct strategy_cycle *out)
{
	out->id = store_q_col_int(q, 0);
	out->name = store_q_col_text(q, a, 1);
	out->status = store_q_col_text(q, a, 2);
}

static enum err cycle_one(struct store_q *q, struct arena *a, struct strategy_cycle *out)
{
	if (store_q_row(q)) {
		cycle_row(q, a, out);
		return store_q_done(q);
	}
	return one_row(q);
}

static const char SQL_CYCLE_GET[] = CYCLE_SELECT " WHERE id = $1";

enum err store_strategy_cycle(struct store_conn *c, struct arena *a, int64_t id,
			      struct strategy_cycle *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_CYCLE_GET);
	store_q_int(&q, 1, id);
	return cycle_one(&q, a, out);
}

static const char SQL_CYCLE_BY_NAME[] = CYCLE_SELECT " WHERE name = $1";

enum err store_strategy_cycle_by_name(struct store_conn *c, struct arena *a, const char *name,
				      struct strategy_cycle *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_CYCLE_BY_NAME);
	store_q_text(&q, 1, name);
	return cycle_one(&q, a, out);
}

static const char SQL_CYCLES[] = CYCLE_SELECT " ORDER BY id DESC";

enum err store_strategy_cycles(struct store_conn *c, struct arena *a, struct strategy_cycle **out,
			       int *n)
{
	struct store_q q;
	struct strategy_cycle *v = NULL;
	int len = 0, cap = 0;
	store_q_prepare(&q, c, SQL_CYCLES);
	while (store_q_row(&q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q.err = ERR_TOO_BIG;
			break;
		}
		cycle_row(&q, a, &v[len++]);
	}
	enum err e = store_q_done(&q);
	if (!e) {
		*out = v;
		*n = len;
	}
	return e;
}

static const char SQL_CYCLE_OPEN[] = CYCLE_SELECT " WHERE status = 'open' ORDER BY id DESC LIMIT 1";

enum err store_strategy_open_cycle(struct store_conn *c, struct arena *a, struct strategy_cycle *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_CYCLE_OPEN);
	return cycle_one(&q, a, out);
}

/* ---- versions ---- */

#define VERSION_SELECT \
	"SELECT id, cycle_id, number, vision, core_values, culture, behaviour, leadership," \
	" created_at, updated_at, published_at FROM strategy_versions"

static void version_row(struct store_q *q, struct arena *a, struct strategy_version *v)
{
	v->id = store_q_col_int(q, 0);
	v->cycle_id = store_q_col_int(q, 1);
	v->number = (int)store_q_col_int(q, 2);
	v->vision = text_or_empty(q, a, 3);
	v->core_values = text_or_empty(q, a, 4);
	v->culture = text_or_empty(q, a, 5);
	v->behaviour = text_or_empty(q, a, 6);
	v->leadership = text_or_empty(q, a, 7);
	v->created_at = store_q_col_int(q, 8);
	v->updated_at = store_q_col_int(q, 9);
	v->published_at = store_q_col_int(q, 10);
}

static enum err version_one(struct store_q *q, struct arena *a, struct strategy_version *out)
{
	if (store_q_row(q)) {
		version_row(q, a, out);
		return store_q_done(q);
	}
	return one_row(q);
}

static const char SQL_DRAFT[] = VERSION_SELECT " WHERE cycle_id = $1 AND status = 'draft'";

enum err store_strategy_draft(struct store_conn *c, struct arena *a, int64_t cycle_id,
			      struct strategy_version *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_DRAFT);
	store_q_int(&q, 1, cycle_id);
	return version_one(&q, a, out);
}

/* $2 = 0: the latest. */
static const char SQL_PUBLISHED[] =
	VERSION_SELECT " WHERE cycle_id = $1 AND status = 'published'"
	" AND (CAST($2 AS BIGINT) = 0 OR number = $2) ORDER BY number DESC LIMIT 1";

enum err store_strategy_published(struct store_conn *c, struct arena *a, int64_t cycle_id, int number,
				  struct strategy_version *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_PUBLISHED);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, number);
	return version_one(&q, a, out);
}

static const char SQL_VERSIONS[] =
	VERSION_SELECT " WHERE cycle_id = $1 ORDER BY CASE WHEN status = 'draft' THEN 0 ELSE 1 END,"
	" number DESC";

enum err store_strategy_versions(struct store_conn *c, struct arena *a, int64_t cycle_id,
				 struct strategy_version **out, int *n)
{
	struct store_q q;
	struct strategy_version *v = NULL;
	int len = 0, cap = 0;
	store_q_prepare(&q, c, SQL_VERSIONS);
	store_q_int(&q, 1, cycle_id);
	while (store_q_row(&q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q.err = ERR_TOO_BIG;
			break;
		}
		version_row(&q, a, &v[len++]);
	}
	enum err e = store_q_done(&q);
	if (!e) {
		*out = v;
		*n = len;
	}
	return e;
}

static const char SQL_VERSION_BY_ID[] = VERSION_SELECT " WHERE id = $1";

enum err store_strategy_version_by_id(struct store_conn *c, struct arena *a, int64_t id,
				      struct strategy_version *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_VERSION_BY_ID);
	store_q_int(&q, 1, id);
	return version_one(&q, a, out);
}

/* ---- loading a version's content ---- */

#define MAIN_SELECT "SELECT id, version_id, title, description FROM strategy_main_goals"
#define GOAL_SELECT \
	"SELECT g.id, g.version_id, g.main_goal_id, g.goal_id, g.code, g.title, g.description" \
	" FROM strategy_goals g"
#define IND_SELECT \
	"SELECT i.id, i.goal_row_id, i.name, i.unit_of_measure, i.baseline, i.target" \
	" FROM strategy_indicators i"
#define VALUE_SELECT "SELECT v.id, v.indicator_id, v.measured_on, v.value FROM strategy_indicator_values v"

static void main_row(struct store_q *q, struct arena *a, struct strategy_main_goal *g)
{
	g->id = store_q_col_int(q, 0);
	g->version_id = store_q_col_int(q, 1);
	g->title = store_q_col_text(q, a, 2);
	g->description = text_or_empty(q, a, 3);
}

static void goal_row(struct store_q *q, struct arena *a, struct strategy_goal *g)
{
	g->id = store_q_col_int(q, 0);
	g->version_id = store_q_col_int(q, 1);
	g->main_goal_id = store_q_col_int(q, 2);
	g->goal_id = store_q_col_int(q, 3);
	g->code = store_q_col_text(q, a, 4);
	g->title = store_q_col_text(q, a, 5);
	g->description = text_or_empty(q, a, 6);
}

static void ind_row(struct store_q *q, struct arena *a, struct strategy_indicator *i)
{
	i->id = store_q_col_int(q, 0);
	i->goal_row_id = store_q_col_int(q, 1);
	i->name = store_q_col_text(q, a, 2);
	i->unit_of_measure = text_or_empty(q, a, 3);
	i->has_baseline = !store_q_col_text(q, a, 4) ? false : true;
	i->baseline = i->has_baseline ? store_q_col_int(q, 4) : 0;
	i->has_target = !store_q_col_text(q, a, 5) ? false : true;
	i->target = i->has_target ? store_q_col_int(q, 5) : 0;
}

static void value_row(struct store_q *q, struct arena *a, struct strategy_value *v)
{
	v->id = store_q_col_int(q, 0);
	v->indicator_id = store_q_col_int(q, 1);
	v->measured_on = store_q_col_text(q, a, 2);
	v->value = store_q_col_int(q, 3);
}

static const char SQL_LOAD_MAIN[] = MAIN_SELECT " WHERE version_id = $1 ORDER BY id";
static const char SQL_LOAD_GOALS[] =
	GOAL_SELECT " WHERE g.version_id = $1 ORDER BY g.main_goal_id, g.id";
static const char SQL_LOAD_INDICATORS[] =
	IND_SELECT " JOIN strategy_goals g ON g.id = i.goal_row_id WHERE g.version_id = $1"
	" ORDER BY g.main_goal_id, g.id, i.id";
static const char SQL_LOAD_VALUES[] =
	VALUE_SELECT " JOIN strategy_indicators i ON i.id = v.indicator_id"
	" JOIN strategy_goals g ON g.id = i.goal_row_id WHERE g.version_id = $1"
	" ORDER BY v.indicator_id, v.measured_on";

/* Appends each row of the prepared statement q through fill. */
static enum err load_list(struct store_q *q, struct arena *a, size_t elem, void **out, int *n,
			  void (*fill)(struct store_q *, struct arena *, void *))
{
	char *v = NULL;
	int len = 0, cap = 0;
	while (store_q_row(q)) {
		if (!(v = store_grow(a, v, len, &cap, elem))) {
			q->err = ERR_TOO_BIG;
			break;
		}
		fill(q, a, v + elem * (size_t)len++);
	}
	enum err e = store_q_done(q);
	if (!e) {
		*out = v;
		*n = len;
	}
	return e;
}

static void fill_main(struct store_q *q, struct arena *a, void *p) { main_row(q, a, p); }
static void fill_goal(struct store_q *q, struct arena *a, void *p) { goal_row(q, a, p); }
static void fill_ind(struct store_q *q, struct arena *a, void *p) { ind_row(q, a, p); }
static void fill_value(struct store_q *q, struct arena *a, void *p) { value_row(q, a, p); }

enum err store_strategy_load(struct store_conn *c, struct arena *a, const struct strategy_version *v,
			     struct strategy_doc *doc)
{
	memset(doc, 0, sizeof *doc);
	doc->version = *v;
	struct store_q q;
	void *p = NULL;
	store_q_prepare(&q, c, SQL_LOAD_MAIN);
	store_q_int(&q, 1, v->id);
	enum err e = load_list(&q, a, sizeof *doc->main_goals, &p, &doc->nmain, fill_main);
	doc->main_goals = p;
	if (!e) {
		store_q_prepare(&q, c, SQL_LOAD_GOALS);
		store_q_int(&q, 1, v->id);
		e = load_list(&q, a, sizeof *doc->goals, &p, &doc->ngoals, fill_goal);
		doc->goals = p;
	}
	if (!e) {
		store_q_prepare(&q, c, SQL_LOAD_INDICATORS);
		store_q_int(&q, 1, v->id);
		e = load_list(&q, a, sizeof *doc->indicators, &p, &doc->nindicators, fill_ind);
		doc->indicators = p;
	}
	if (!e) {
		store_q_prepare(&q, c, SQL_LOAD_VALUES);
		store_q_int(&q, 1, v->id);
		e = load_list(&q, a, sizeof *doc->values, &p, &doc->nvalues, fill_value);
		doc->values = p;
	}
	return e;
}

/* ---- the draft ---- */

static const char SQL_DRAFT_INSERT[] =
	"INSERT INTO strategy_versions (cycle_id, status, vision, core_values, culture, behaviour,"
	" leadership, created_at, updated_at) VALUES ($1, 'draft', $2, $3, $4, $5, $6, $7, $7)"
	" RETURNING id";

static int64_t mapped(const int64_t *from, const int64_t *to, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (from[i] == id)
			return to[i];
	return 0;
}

/* Copies src's content into the version dst_id. */
static enum err copy_content(struct store_conn *c, struct arena *a, int64_t cycle_id,
			     const struct strategy_doc *src, int64_t dst_id, int64_t now)
{
	int64_t *main_to = arena_alloc(a, sizeof *main_to * ((size_t)src->nmain + 1));
	int64_t *goal_from = arena_alloc(a, sizeof *goal_from * ((size_t)src->ngoals + 1));
	int64_t *goal_to = arena_alloc(a, sizeof *goal_to * ((size_t)src->ngoals + 1));
	int64_t *ind_to = arena_alloc(a, sizeof *ind_to * ((size_t)src->nindicators + 1));
	int64_t *main_from = arena_alloc(a, sizeof *main_from * ((size_t)src->nmain + 1));
	int64_t *ind_from = arena_alloc(a, sizeof *ind_from * ((size_t)src->nindicators + 1));
	if (!main_to || !goal_from || !goal_to || !ind_to || !main_from || !ind_from)
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	enum err e = OK;
	for (int i = 0; i < src->nmain && !e; i++) {
		struct strategy_main_goal g = src->main_goals[i];
		g.version_id = dst_id;
		main_from[i] = g.id;
		e = store_main_goal_insert(c, &g);
		main_to[i] = g.id;
	}
	for (int i = 0; i < src->ngoals && !e; i++) {
		struct strategy_goal g = src->goals[i];
		g.version_id = dst_id;
		g.main_goal_id = mapped(main_from, main_to, src->nmain, g.main_goal_id);
		goal_from[i] = g.id;
		e = store_strategy_goal_insert(c, cycle_id, now, &g);
		goal_to[i] = g.id;
	}
	for (int i = 0; i < src->nindicators && !e; i++) {
		struct strategy_indicator ind = src->indicators[i];
		ind.goal_row_id = mapped(goal_from, goal_to, src->ngoals, ind.goal_row_id);
		ind_from[i] = ind.id;
		e = store_indicator_insert(c, &ind);
		ind_to[i] = ind.id;
	}
	for (int i = 0; i < src->nvalues && !e; i++) {
		struct strategy_value v = src->values[i];
		v.indicator_id = mapped(ind_from, ind_to, src->nindicators, v.indicator_id);
		e = store_value_insert(c, &v);
	}
	return e;
}

enum err store_strategy_ensure_draft(struct store_conn *c, struct arena *a, int64_t cycle_id,
				     int64_t now, struct strategy_version *out, bool *created)
{
	*created = false;
	enum err e = store_strategy_draft(c, a, cycle_id, out);
	if (e != ERR_NOTFOUND)
		return e;
	struct strategy_version latest;
	bool from_latest = true;
	e = store_strategy_published(c, a, cycle_id, 0, &latest);
	if (e == ERR_NOTFOUND) {
		from_latest = false;
		latest = (struct strategy_version){ .vision = "", .core_values = "", .culture = "",
						    .behaviour = "", .leadership = "" };
	} else if (e) {
		return e;
	}
	struct store_q q;
	int64_t id = 0;
	store_q_prepare(&q, c, SQL_DRAFT_INSERT);
	store_q_int(&q, 1, cycle_id);
	store_q_text(&q, 2, latest.vision);
	store_q_text(&q, 3, latest.core_values);
	store_q_text(&q, 4, latest.culture);
	store_q_text(&q, 5, latest.behaviour);
	store_q_text(&q, 6, latest.leadership);
	store_q_int(&q, 7, now);
	if (store_q_row(&q))
		id = store_q_col_int(&q, 0);
	if ((e = store_q_done(&q)))
		return e;
	if (from_latest) {
		struct strategy_doc doc;
		if ((e = store_strategy_load(c, a, &latest, &doc)) ||
		    (e = copy_content(c, a, cycle_id, &doc, id, now)))
			return e;
	}
	*created = true;
	return store_strategy_version_by_id(c, a, id, out);
}

static const char SQL_TEXTS_UPDATE[] =
	"UPDATE strategy_versions SET vision = $2, core_values = $3, culture = $4, behaviour = $5,"
	" leadership = $6, updated_at = $7 WHERE id = $1 AND status = 'draft'";

enum err store_strategy_texts_update(struct store_conn *c, const struct strategy_version *v, int64_t now)
{
	struct store_q q;
	int64_t n = 0;
	store_q_prepare(&q, c, SQL_TEXTS_UPDATE);
	store_q_int(&q, 1, v->id);
	store_q_text(&q, 2, v->vision ? v->vision : "");
	store_q_text(&q, 3, v->core_values ? v->core_values : "");
	store_q_text(&q, 4, v->culture ? v->culture : "");
	store_q_text(&q, 5, v->behaviour ? v->behaviour : "");
	store_q_text(&q, 6, v->leadership ? v->leadership : "");
	store_q_int(&q, 7, now);
	store_q_exec(&q, &n);
	enum err e = store_q_done(&q);
	if (!e && n == 0)
		e = store_fail(c, ERR_NOTFOUND, "no draft %lld", (long long)v->id);
	return e;
}

static const char SQL_PUBLISH[] =
	"UPDATE strategy_versions SET status = 'published', published_at = $2, updated_at = $2,"
	" published_by = $3, number = (SELECT COALESCE(MAX(p.number), 0) + 1 FROM strategy_versions p"
	" WHERE p.cycle_id = $1) WHERE cycle_id = $1 AND status = 'draft' RETURNING id";

enum err store_strategy_publish(struct store_conn *c, struct arena *a, int64_t cycle_id,
				int64_t user_id, int64_t now, struct strategy_version *out)
{
	struct store_q q;
	int64_t id = 0;
	store_q_prepare(&q, c, SQL_PUBLISH);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, now);
	store_q_id(&q, 3, user_id);
	if (store_q_row(&q))
		id = store_q_col_int(&q, 0);
	enum err e = id ? store_q_done(&q) : one_row(&q);
	if (e)
		return e;
	return store_strategy_version_by_id(c, a, id, out);
}

/* ---- main goals ---- */

static const char SQL_MAIN_GET[] = MAIN_SELECT " WHERE id = $1";

enum err store_main_goal_get(struct store_conn *c, struct arena *a, int64_t id,
			     struct strategy_main_goal *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_MAIN_GET);
	store_q_int(&q, 1, id);
	if (store_q_row(&q)) {
		main_row(&q, a, out);
		return store_q_done(&q);
	}
	return one_row(&q);
}

static const char SQL_MAIN_INSERT[] =
	"INSERT INTO strategy_main_goals (version_id, title, description) VALUES ($1, $2, $3) RETURNING id";

enum err store_main_goal_insert(struct store_conn *c, struct strategy_main_goal *g)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_MAIN_INSERT);
	store_q_int(&q, 1, g->version_id);
	store_q_text(&q, 2, g->title);
	store_q_text(&q, 3, g->description ? g->description : "");
	if (store_q_row(&q))
		g->id = store_q_col_int(&q, 0);
	return store_q_done(&q);
}

static const char SQL_MAIN_UPDATE[] =
	"UPDATE strategy_main_goals SET title = $2, description = $3 WHERE id = $1";

/* Runs an UPDATE or DELETE on the row id; ERR_NOTFOUND when none changed. */
static enum err exec_id(struct store_conn *c, struct store_q *q, const char *what, int64_t id)
{
	int64_t n = 0;
	store_q_exec(q, &n);
	enum err e = store_q_done(q);
	if (!e && n == 0)
		e = store_fail(c, ERR_NOTFOUND, "no %s %lld", what, (long long)id);
	return e;
}

enum err store_main_goal_update(struct store_conn *c, const struct strategy_main_goal *g)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_MAIN_UPDATE);
	store_q_int(&q, 1, g->id);
	store_q_text(&q, 2, g->title);
	store_q_text(&q, 3, g->description ? g->description : "");
	return exec_id(c, &q, "main goal", g->id);
}

/* Identities of the cycle no version and no unit goal holds any more. */
static const char SQL_IDENTITY_PURGE[] =
	"DELETE FROM strategic_goals WHERE cycle_id = $1"
	" AND NOT EXISTS (SELECT 1 FROM strategy_goals g WHERE g.goal_id = strategic_goals.id)"
	" AND NOT EXISTS (SELECT 1 FROM unit_goals u WHERE u.goal_id = strategic_goals.id)";

static enum err purge_identities(struct store_conn *c, int64_t cycle_id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_IDENTITY_PURGE);
	store_q_int(&q, 1, cycle_id);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

static const char SQL_MAIN_DELETE[] = "DELETE FROM strategy_main_goals WHERE id = $1";

enum err store_main_goal_delete(struct store_conn *c, int64_t id, int64_t cycle_id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_MAIN_DELETE);
	store_q_int(&q, 1, id);
	enum err e = exec_id(c, &q, "main goal", id);
	return e ? e : purge_identities(c, cycle_id);
}

static const char SQL_MAIN_LINKS[] =
	"SELECT count(*) FROM unit_goals u JOIN strategy_goals g ON g.goal_id = u.goal_id"
	" WHERE g.main_goal_id = $1";

/* The count(*) of the prepared statement q. */
static enum err count_one(struct store_q *q, int64_t *n)
{
	*n = 0;
	if (store_q_row(q))
		*n = store_q_col_int(q, 0);
	return store_q_done(q);
}

enum err store_main_goal_links(struct store_conn *c, int64_t id, int64_t *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_MAIN_LINKS);
	store_q_int(&q, 1, id);
	return count_one(&q, n);
}

/* ---- strategic goals ---- */

static enum err goal_one(struct store_q *q, struct arena *a, struct strategy_goal *out)
{
	if (store_q_row(q)) {
		goal_row(q, a, out);
		return store_q_done(q);
	}
	return one_row(q);
}

static const char SQL_GOAL_GET[] = GOAL_SELECT " WHERE g.id = $1";

enum err store_strategy_goal_get(struct store_conn *c, struct arena *a, int64_t id,
				 struct strategy_goal *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_GOAL_GET);
	store_q_int(&q, 1, id);
	return goal_one(&q, a, out);
}

static const char SQL_GOAL_BY_CODE[] = GOAL_SELECT " WHERE g.version_id = $1 AND g.code = $2";

enum err store_strategy_goal_by_code(struct store_conn *c, struct arena *a, int64_t version_id,
				     const char *code, struct strategy_goal *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_GOAL_BY_CODE);
	store_q_int(&q, 1, version_id);
	store_q_text(&q, 2, code);
	return goal_one(&q, a, out);
}

static const char SQL_GOAL_IN_VERSION[] = GOAL_SELECT " WHERE g.version_id = $1 AND g.goal_id = $2";

enum err store_strategy_goal_in_version(struct store_conn *c, struct arena *a, int64_t version_id,
					int64_t goal_id, struct strategy_goal *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_GOAL_IN_VERSION);
	store_q_int(&q, 1, version_id);
	store_q_int(&q, 2, goal_id);
	return goal_one(&q, a, out);
}

static const char SQL_IDENTITY_INSERT[] =
	"INSERT INTO strategic_goals (cycle_id, created_at) VALUES ($1, $2) RETURNING id";
static const char SQL_GOAL_INSERT[] =
	"INSERT INTO strategy_goals (version_id, main_goal_id, goal_id, code, title, description)"
	" VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

enum err store_strategy_goal_insert(struct store_conn *c, int64_t cycle_id, int64_t now,
				    struct strategy_goal *g)
{
	struct store_q q;
	enum err e;
	if (!g->goal_id) {
		store_q_prepare(&q, c, SQL_IDENTITY_INSERT);
		store_q_int(&q, 1, cycle_id);
		store_q_int(&q, 2, now);
		if (store_q_row(&q))
			g->goal_id = store_q_col_int(&q, 0);
		if ((e = store_q_done(&q)))
			return e;
	}
	store_q_prepare(&q, c, SQL_GOAL_INSERT);
	store_q_int(&q, 1, g->version_id);
	store_q_int(&q, 2, g->main_goal_id);
	store_q_int(&q, 3, g->goal_id);
	store_q_text(&q, 4, g->code);
	store_q_text(&q, 5, g->title);
	store_q_text(&q, 6, g->description ? g->description : "");
	if (store_q_row(&q))
		g->id = store_q_col_int(&q, 0);
	return store_q_done(&q);
}

static const char SQL_GOAL_UPDATE[] =
	"UPDATE strategy_goals SET main_goal_id = $2, code = $3, title = $4, description = $5 WHERE id = $1";

enum err store_strategy_goal_update(struct store_conn *c, const struct strategy_goal *g)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_GOAL_UPDATE);
	store_q_int(&q, 1, g->id);
	store_q_int(&q, 2, g->main_goal_id);
	store_q_text(&q, 3, g->code);
	store_q_text(&q, 4, g->title);
	store_q_text(&q, 5, g->description ? g->description : "");
	return exec_id(c, &q, "strategic goal", g->id);
}

static const char SQL_GOAL_DELETE[] = "DELETE FROM strategy_goals WHERE id = $1";

enum err store_strategy_goal_delete(struct store_conn *c, int64_t id, int64_t cycle_id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_GOAL_DELETE);
	store_q_int(&q, 1, id);
	enum err e = exec_id(c, &q, "strategic goal", id);
	return e ? e : purge_identities(c, cycle_id);
}

static const char SQL_GOAL_LINKS[] = "SELECT count(*) FROM unit_goals WHERE goal_id = $1";

enum err store_strategy_goal_links(struct store_conn *c, int64_t goal_id, int64_t *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_GOAL_LINKS);
	store_q_int(&q, 1, goal_id);
	return count_one(&q, n);
}

/* ---- indicators and values ---- */

static const char SQL_IND_GET[] = IND_SELECT " WHERE i.id = $1";

enum err store_indicator_get(struct store_conn *c, struct arena *a, int64_t id,
			     struct strategy_indicator *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_IND_GET);
	store_q_int(&q, 1, id);
	if (store_q_row(&q)) {
		ind_row(&q, a, out);
		return store_q_done(&q);
	}
	return one_row(&q);
}

static void bind_optional_number(struct store_q *q, int idx, bool has, int64_t v)
{
	if (has)
		store_q_int(q, idx, v);
	else
		store_q_text(q, idx, NULL);
}

static const char SQL_IND_INSERT[] =
	"INSERT INTO strategy_indicators (goal_row_id, name, unit_of_measure, baseline, target)"
	" VALUES ($1, $2, $3, $4, $5) RETURNING id";

enum err store_indicator_insert(struct store_conn *c, struct strategy_indicator *i)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_IND_INSERT);
	store_q_int(&q, 1, i->goal_row_id);
	store_q_text(&q, 2, i->name);
	store_q_text(&q, 3, i->unit_of_measure ? i->unit_of_measure : "");
	bind_optional_number(&q, 4, i->has_baseline, i->baseline);
	bind_optional_number(&q, 5, i->has_target, i->target);
	if (store_q_row(&q))
		i->id = store_q_col_int(&q, 0);
	return store_q_done(&q);
}

static const char SQL_IND_UPDATE[] =
	"UPDATE strategy_indicators SET name = $2, unit_of_measure = $3, baseline = $4, target = $5"
	" WHERE id = $1";

enum err store_indicator_update(struct store_conn *c, const struct strategy_indicator *i)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_IND_UPDATE);
	store_q_int(&q, 1, i->id);
	store_q_text(&q, 2, i->name);
	store_q_text(&q, 3, i->unit_of_measure ? i->unit_of_measure : "");
	bind_optional_number(&q, 4, i->has_baseline, i->baseline);
	bind_optional_number(&q, 5, i->has_target, i->target);
	return exec_id(c, &q, "indicator", i->id);
}

static const char SQL_IND_DELETE[] = "DELETE FROM strategy_indicators WHERE id = $1";

enum err store_indicator_delete(struct store_conn *c, int64_t id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_IND_DELETE);
	store_q_int(&q, 1, id);
	return exec_id(c, &q, "indicator", id);
}

static const char SQL_VALUES_OF[] = VALUE_SELECT " WHERE v.indicator_id = $1 ORDER BY v.measured_on";

enum err store_indicator_values(struct store_conn *c, struct arena *a, int64_t indicator_id,
				struct strategy_value **out, int *n)
{
	struct store_q q;
	void *p = NULL;
	store_q_prepare(&q, c, SQL_VALUES_OF);
	store_q_int(&q, 1, indicator_id);
	enum err e = load_list(&q, a, sizeof **out, &p, n, fill_value);
	if (!e)
		*out = p;
	return e;
}

static const char SQL_VALUE_GET[] = VALUE_SELECT " WHERE v.id = $1";

enum err store_value_get(struct store_conn *c, struct arena *a, int64_t id, struct strategy_value *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_VALUE_GET);
	store_q_int(&q, 1, id);
	if (store_q_row(&q)) {
		value_row(&q, a, out);
		return store_q_done(&q);
	}
	return one_row(&q);
}

static const char SQL_VALUE_INSERT[] =
	"INSERT INTO strategy_indicator_values (indicator_id, measured_on, value) VALUES ($1, $2, $3)"
	" RETURNING id";

enum err store_value_insert(struct store_conn *c, struct strategy_value *v)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_VALUE_INSERT);
	store_q_int(&q, 1, v->indicator_id);
	store_q_text(&q, 2, v->measured_on);
	store_q_int(&q, 3, v->value);
	if (store_q_row(&q))
		v->id = store_q_col_int(&q, 0);
	return store_q_done(&q);
}

static const char SQL_VALUE_UPDATE[] =
	"UPDATE strategy_indicator_values SET measured_on = $2, value = $3 WHERE id = $1";

enum err store_value_update(struct store_conn *c, const struct strategy_value *v)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_VALUE_UPDATE);
	store_q_int(&q, 1, v->id);
	store_q_text(&q, 2, v->measured_on);
	store_q_int(&q, 3, v->value);
	return exec_id(c, &q, "indicator value", v->id);
}

static const char SQL_VALUE_DELETE[] = "DELETE FROM strategy_indicator_values WHERE id = $1";

enum err store_value_delete(struct store_conn *c, int64_t id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_VALUE_DELETE);
	store_q_int(&q, 1, id);
	return exec_id(c, &q, "indicator value", id);
}

/* ---- unit goals ---- */

/* The goal's code and title come from the cycle's latest published version. */
#define UNIT_GOAL_SELECT \
	"SELECT u.id, u.cycle_id, u.unit_id, u.goal_id, u.title, u.contribution, u.created_at," \
	" u.updated_at, un.name, g.code, g.title FROM unit_goals u" \
	" JOIN units un ON un.id = u.unit_id" \
	" LEFT JOIN strategy_goals g ON g.goal_id = u.goal_id AND g.version_id = (" \
	"SELECT v.id FROM strategy_versions v WHERE v.cycle_id = u.cycle_id AND v.status = 'published'" \
	" ORDER BY v.number DESC LIMIT 1)"

static void unit_goal_row(struct store_q *q, struct arena *a, struct unit_goal *g)
{
	g->id = store_q_col_int(q, 0);
	g->cycle_id = store_q_col_int(q, 1);
	g->unit_id = store_q_col_int(q, 2);
	g->goal_id = store_q_col_int(q, 3);
	g->title = store_q_col_text(q, a, 4);
	g->contribution = text_or_empty(q, a, 5);
	g->created_at = store_q_col_int(q, 6);
	g->updated_at = store_q_col_int(q, 7);
	g->unit_name = store_q_col_text(q, a, 8);
	g->goal_code = store_q_col_text(q, a, 9);
	g->goal_title = store_q_col_text(q, a, 10);
}

static enum err unit_goal_list(struct store_q *q, struct arena *a, int limit, struct unit_goal **out,
			       int *n)
{
	struct unit_goal *v = NULL;
	int len = 0, cap = 0;
	while ((limit <= 0 || len < limit) && store_q_row(q)) {
		if (!(v = store_grow(a, v, len, &cap, sizeof *v))) {
			q->err = ERR_TOO_BIG;
			break;
		}
		unit_goal_row(q, a, &v[len++]);
	}
	enum err e = store_q_done(q);
	if (!e) {
		*out = v;
		*n = len;
	}
	return e;
}

static const char SQL_UNIT_GOALS_FOR_UNIT[] =
	UNIT_GOAL_SELECT " WHERE u.cycle_id = $1 AND u.unit_id = $2 ORDER BY u.id";

enum err store_unit_goals_for_unit(struct store_conn *c, struct arena *a, int64_t cycle_id,
				   int64_t unit_id, struct unit_goal **out, int *n)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_GOALS_FOR_UNIT);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	return unit_goal_list(&q, a, 0, out, n);
}

static const char SQL_UNIT_GOALS_LIST[] =
	UNIT_GOAL_SELECT " WHERE (CAST($1 AS BIGINT) = 0 OR u.cycle_id = $1)"
	" AND (CAST($2 AS BIGINT) = 0 OR u.unit_id = $2) AND u.id > $3 ORDER BY u.id LIMIT $4";

enum err store_unit_goals_list(struct store_conn *c, struct arena *a, const struct unit_goal_query *uq,
			       struct unit_goal **out, int *n)
{
	if (uq->limit < 1 || uq->limit > 500)
		return store_fail(c, ERR_INVALID, "limit %d is out of range 1..500", uq->limit);
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_GOALS_LIST);
	store_q_int(&q, 1, uq->cycle_id);
	store_q_int(&q, 2, uq->unit_id);
	store_q_int(&q, 3, uq->after_id);
	store_q_int(&q, 4, uq->limit);
	return unit_goal_list(&q, a, uq->limit, out, n);
}

static enum err unit_goal_one(struct store_q *q, struct arena *a, struct unit_goal *out)
{
	if (store_q_row(q)) {
		unit_goal_row(q, a, out);
		return store_q_done(q);
	}
	return one_row(q);
}

static const char SQL_UNIT_GOAL_GET[] = UNIT_GOAL_SELECT " WHERE u.id = $1";

enum err store_unit_goal_get(struct store_conn *c, struct arena *a, int64_t id, struct unit_goal *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_GOAL_GET);
	store_q_int(&q, 1, id);
	return unit_goal_one(&q, a, out);
}

static const char SQL_UNIT_GOAL_BY_KEY[] =
	UNIT_GOAL_SELECT " WHERE u.cycle_id = $1 AND u.unit_id = $2 AND u.title = $3";

enum err store_unit_goal_by_key(struct store_conn *c, struct arena *a, int64_t cycle_id,
				int64_t unit_id, const char *title, struct unit_goal *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_GOAL_BY_KEY);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	store_q_text(&q, 3, title);
	return unit_goal_one(&q, a, out);
}

static const char SQL_UNIT_GOAL_INSERT[] =
	"INSERT INTO unit_goals (cycle_id, unit_id, goal_id, title, contribution, created_at, updated_at)"
	" VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";

enum err store_unit_goal_insert(struct store_conn *c, int64_t now, struct unit_goal *g)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_GOAL_INSERT);
	store_q_int(&q, 1, g->cycle_id);
	store_q_int(&q, 2, g->unit_id);
	store_q_int(&q, 3, g->goal_id);
	store_q_text(&q, 4, g->title);
	store_q_text(&q, 5, g->contribution ? g->contribution : "");
	store_q_int(&q, 6, now);
	if (store_q_row(&q))
		g->id = store_q_col_int(&q, 0);
	return store_q_done(&q);
}

static const char SQL_UNIT_GOAL_UPDATE[] =
	"UPDATE unit_goals SET goal_id = $2, title = $3, contribution = $4, updated_at = $5 WHERE id = $1";

enum err store_unit_goal_update(struct store_conn *c, int64_t now, const struct unit_goal *g)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_GOAL_UPDATE);
	store_q_int(&q, 1, g->id);
	store_q_int(&q, 2, g->goal_id);
	store_q_text(&q, 3, g->title);
	store_q_text(&q, 4, g->contribution ? g->contribution : "");
	store_q_int(&q, 5, now);
	return exec_id(c, &q, "unit goal", g->id);
}

static const char SQL_UNIT_GOAL_DELETE[] = "DELETE FROM unit_goals WHERE id = $1";

enum err store_unit_goal_delete(struct store_conn *c, int64_t id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_UNIT_GOAL_DELETE);
	store_q_int(&q, 1, id);
	return exec_id(c, &q, "unit goal", id);
}

enum { ITEM_AUDIT_MAX = 256 * 1024 };   /* the largest audit JSON of one item */

const char *const strategy_item_entity[] = {
	[STRATEGY_ITEM_MAIN_GOAL] = "strategy_main_goal",
	[STRATEGY_ITEM_GOAL] = "strategy_goal",
	[STRATEGY_ITEM_INDICATOR] = "strategy_indicator",
	[STRATEGY_ITEM_VALUE] = "strategy_value",
};

enum err store_strategy_item_delete(struct store_conn *c, struct arena *a, const struct strategy_item *it,
				    int64_t user_id, int64_t now, int64_t *links)
{
	enum err e = OK;
	struct buf b;
	buf_init(&b, a, ITEM_AUDIT_MAX);
	*links = 0;
	switch (it->kind) {
	case STRATEGY_ITEM_MAIN_GOAL:
		if ((e = store_main_goal_links(c, it->id, links)))
			return e;
		if (*links)
			return ERR_CONFLICT;
		strategy_audit_main_goal(&b, it->mg, NULL);
		e = store_main_goal_delete(c, it->id, it->cycle_id);
		break;
	case STRATEGY_ITEM_GOAL:
		if ((e = store_strategy_goal_links(c, it->g->goal_id, links)))
			return e;
		if (*links)
			return ERR_CONFLICT;
		strategy_audit_goal(&b, it->g, NULL);
		e = store_strategy_goal_delete(c, it->id, it->cycle_id);
		break;
	case STRATEGY_ITEM_INDICATOR:
		strategy_audit_indicator(&b, it->ind, NULL);
		e = store_indicator_delete(c, it->id);
		break;
	case STRATEGY_ITEM_VALUE:
		strategy_audit_value(&b, it->val, NULL);
		e = store_value_delete(c, it->id);
		break;
	}
	if (e)
		return e;
	if (b.err)
		return b.err;
	return store_audit_insert(c, now, user_id, strategy_item_entity[it->kind], it->id, "delete", buf_str(&b));
}
