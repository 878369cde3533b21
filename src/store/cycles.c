/* cycles.c — the yearly cycles and the phase texts (see cycles.h). Every
 * cycle always has its five cycle_phases rows (written on create, upserted
 * on update), so reading a cycle is one join and a phase without dates is a
 * row with NULLs. Dates stay ISO text in both databases: compared as text
 * they order as dates, and no time zone enters. The SQL is written once for
 * SQLite and PostgreSQL; integer parameters whose first use would leave
 * PostgreSQL guessing a narrower type are cast to BIGINT. */
#include "store/cycles.h"
#include "store/store_int.h"

#include <string.h>

#define CYCLE_SELECT \
	"SELECT c.id, c.name, c.status, c.created_at, c.updated_at, p.phase_key, p.starts_on," \
	" p.ends_on FROM cycles c LEFT JOIN cycle_phases p ON p.cycle_id = c.id"

/* Reads rows of CYCLE_SELECT (ordered by cycle) into v, one cycle per id;
 * grows v in a. *n counts the cycles read. */
static enum err cycle_rows(struct store_q *q, struct arena *a, struct cycle **v, int *n, int *cap)
{
	while (store_q_row(q)) {
		int64_t id = store_q_col_int(q, 0);
		if (*n == 0 || (*v)[*n - 1].id != id) {
			struct cycle *g = store_grow(a, *v, *n, cap, sizeof **v);
			if (!g) {
				q->err = ERR_TOO_BIG;
				break;
			}
			*v = g;
			struct cycle *cy = &(*v)[(*n)++];
			memset(cy, 0, sizeof *cy);
			cy->id = id;
			cy->name = store_q_col_text(q, a, 1);
			char *status = store_q_col_text(q, a, 2);
			if (!cycle_status_parse(status, &cy->status))
				cy->status = CYCLE_DRAFT;
			cy->created_at = store_q_col_int(q, 3);
			cy->updated_at = store_q_col_int(q, 4);
		}
		struct cycle *cy = &(*v)[*n - 1];
		char *key = store_q_col_text(q, a, 5);
		enum phase_key k;
		if (key && phase_key_parse(key, &k)) {
			cy->phases[k].starts_on = store_q_col_text(q, a, 6);
			cy->phases[k].ends_on = store_q_col_text(q, a, 7);
		}
	}
	return store_q_done(q);
}

static enum err cycle_one(struct store_q *q, struct arena *a, struct cycle *out)
{
	struct cycle *v = NULL;
	int n = 0, cap = 0;
	enum err e = cycle_rows(q, a, &v, &n, &cap);
	if (e == OK && n == 0)
		e = ERR_NOTFOUND;
	if (e == OK)
		*out = v[0];
	return e;
}

static const char SQL_CYCLE_GET[] = CYCLE_SELECT " WHERE c.id = $1";

enum err store_cycle_get(struct store_conn *c, struct arena *a, int64_t id, struct cycle *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_CYCLE_GET);
	store_q_int(&q, 1, id);
	return cycle_one(&q, a, out);
}

static const char SQL_CYCLE_BY_NAME[] = CYCLE_SELECT " WHERE c.name = $1";

enum err store_cycle_by_name(struct store_conn *c, struct arena *a, const char *name,
			     struct cycle *out)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_CYCLE_BY_NAME);
	store_q_text(&q, 1, name);
	return cycle_one(&q, a, out);
}

/* $1: the id to continue below (0: from the newest); $2: how many cycles. */
static const char SQL_CYCLE_LIST[] =
	CYCLE_SELECT " WHERE c.id IN (SELECT id FROM cycles"
	" WHERE CAST($1 AS BIGINT) = 0 OR id < CAST($1 AS BIGINT) ORDER BY id DESC LIMIT $2)"
	" ORDER BY c.id DESC";

enum err store_cycle_list(struct store_conn *c, struct arena *a, int64_t before_id, int limit,
			  struct cycle **out, int *n)
{
	if (limit < 1 || limit > 500)
		return store_fail(c, ERR_INVALID, "limit %d is out of range 1..500", limit);
	struct store_q q;
	struct cycle *v = NULL;
	int len = 0, cap = 0;
	store_q_prepare(&q, c, SQL_CYCLE_LIST);
	store_q_int(&q, 1, before_id);
	store_q_int(&q, 2, limit);
	enum err e = cycle_rows(&q, a, &v, &len, &cap);
	if (e == OK) {
		*out = v;
		*n = len;
	}
	return e;
}

/* $1: today. Open cycles already begun come first, the latest start first;
 * then those not yet begun, the soonest first. */
static const char SQL_CYCLE_CURRENT[] =
	"SELECT c.id FROM cycles c JOIN cycle_phases p ON p.cycle_id = c.id"
	" WHERE c.status = 'open' GROUP BY c.id"
	" ORDER BY CASE WHEN min(p.starts_on) <= $1 THEN 0 ELSE 1 END,"
	" CASE WHEN min(p.starts_on) <= $1 THEN min(p.starts_on) ELSE '' END DESC,"
	" min(p.starts_on), c.id LIMIT 1";

enum err store_cycle_current(struct store_conn *c, struct arena *a, const char *today,
			     struct cycle *out)
{
	struct store_q q;
	int64_t id = 0;
	store_q_prepare(&q, c, SQL_CYCLE_CURRENT);
	store_q_text(&q, 1, today);
	if (store_q_row(&q))
		id = store_q_col_int(&q, 0);
	enum err e = store_q_done(&q);
	if (e != OK)
		return e;
	if (!id)
		return ERR_NOTFOUND;
	return store_cycle_get(c, a, id, out);
}

static const char SQL_CYCLE_INSERT[] =
	"INSERT INTO cycles (name, status, created_at, updated_at) VALUES ($1, $2, $3, $3)"
	" RETURNING id";

/* One phase's dates, inserted or replaced. */
static const char SQL_PHASE_PUT[] =
	"INSERT INTO cycle_phases (cycle_id, phase_key, starts_on, ends_on) VALUES ($1, $2, $3, $4)"
	" ON CONFLICT (cycle_id, phase_key) DO UPDATE SET starts_on = excluded.starts_on,"
	" ends_on = excluded.ends_on";

static enum err put_phases(struct store_conn *c, const struct cycle *cy)
{
	for (int k = 0; k < PHASE_COUNT; k++) {
		struct store_q q;
		store_q_prepare(&q, c, SQL_PHASE_PUT);
		store_q_int(&q, 1, cy->id);
		store_q_text(&q, 2, phase_key_name((enum phase_key)k));
		store_q_opt(&q, 3, cy->phases[k].starts_on);
		store_q_opt(&q, 4, cy->phases[k].ends_on);
		store_q_exec(&q, NULL);
		enum err e = store_q_done(&q);
		if (e != OK)
			return e;
	}
	return OK;
}

enum err store_cycle_insert(struct store_conn *c, struct cycle *cy, int64_t now)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_CYCLE_INSERT);
	store_q_text(&q, 1, cy->name);
	store_q_text(&q, 2, cycle_status_name(cy->status));
	store_q_int(&q, 3, now);
	if (store_q_row(&q))
		cy->id = store_q_col_int(&q, 0);
	enum err e = store_q_done(&q);
	if (e != OK)
		return e;
	cy->created_at = cy->updated_at = now;
	return put_phases(c, cy);
}

static const char SQL_CYCLE_UPDATE[] =
	"UPDATE cycles SET name = $2, status = $3, updated_at = $4 WHERE id = $1";

enum err store_cycle_update(struct store_conn *c, const struct cycle *cy, int64_t now)
{
	struct store_q q;
	int64_t changed = 0;
	store_q_prepare(&q, c, SQL_CYCLE_UPDATE);
	store_q_int(&q, 1, cy->id);
	store_q_text(&q, 2, cy->name);
	store_q_text(&q, 3, cycle_status_name(cy->status));
	store_q_int(&q, 4, now);
	store_q_exec(&q, &changed);
	enum err e = store_q_done(&q);
	if (e == OK && changed == 0)
		e = ERR_NOTFOUND;
	return e != OK ? e : put_phases(c, cy);
}

static const char SQL_CYCLE_DELETE[] = "DELETE FROM cycles WHERE id = $1";

enum err store_cycle_delete(struct store_conn *c, int64_t id)
{
	struct store_q q;
	int64_t changed = 0;
	store_q_prepare(&q, c, SQL_CYCLE_DELETE);
	store_q_int(&q, 1, id);
	store_q_exec(&q, &changed);
	enum err e = store_q_done(&q);
	return e == OK && changed == 0 ? ERR_NOTFOUND : e;
}

#define TEXT_SELECT \
	"SELECT t.phase_key, t.lang, t.purpose, t.key_questions, t.procedure, t.desired_result," \
	" t.updated_at, t.updated_by, u.name FROM phase_texts t" \
	" LEFT JOIN users u ON u.id = t.updated_by"

static void text_row(struct store_q *q, struct arena *a, struct phase_text *t)
{
	memset(t, 0, sizeof *t);
	char *key = store_q_col_text(q, a, 0);
	if (!phase_key_parse(key, &t->key))
		t->key = PHASE_COUNT;
	t->lang = store_q_col_text(q, a, 1);
	t->purpose = store_q_col_text(q, a, 2);
	t->key_questions = store_q_col_text(q, a, 3);
	t->procedure = store_q_col_text(q, a, 4);
	t->desired_result = store_q_col_text(q, a, 5);
	t->updated_at = store_q_col_int(q, 6);
	t->updated_by = store_q_col_int(q, 7);
	t->updated_by_name = store_q_col_text(q, a, 8);
}

static const char SQL_TEXT_GET[] = TEXT_SELECT " WHERE t.lang = $1 AND t.phase_key = $2";

enum err store_phase_texts(struct store_conn *c, struct arena *a, const char *lang,
			   enum phase_key key, struct phase_text *out)
{
	const char *name = phase_key_name(key);
	if (!name)
		return store_fail(c, ERR_NOTFOUND, "no phase %d", (int)key);
	struct store_q q;
	store_q_prepare(&q, c, SQL_TEXT_GET);
	store_q_text(&q, 1, lang);
	store_q_text(&q, 2, name);
	if (store_q_row(&q))
		text_row(&q, a, out);
	else if (!q.err)
		q.err = ERR_NOTFOUND;
	return store_q_done(&q);
}

static const char SQL_TEXT_ALL[] = TEXT_SELECT " WHERE t.lang = $1";

enum err store_phase_texts_all(struct store_conn *c, struct arena *a, const char *lang,
			       struct phase_text out[PHASE_COUNT])
{
	bool seen[PHASE_COUNT] = { false };
	struct store_q q;
	store_q_prepare(&q, c, SQL_TEXT_ALL);
	store_q_text(&q, 1, lang);
	while (store_q_row(&q)) {
		struct phase_text t;
		text_row(&q, a, &t);
		if (t.key < PHASE_COUNT) {
			out[t.key] = t;
			seen[t.key] = true;
		}
	}
	enum err e = store_q_done(&q);
	for (int k = 0; e == OK && k < PHASE_COUNT; k++)
		if (!seen[k])
			e = store_fail(c, ERR_NOTFOUND, "no texts for phase %s in %s",
				       phase_key_name((enum phase_key)k), lang ? lang : "?");
	return e;
}

static const char SQL_TEXT_UPDATE[] =
	"UPDATE phase_texts SET purpose = $3, key_questions = $4, procedure = $5,"
	" desired_result = $6, updated_at = $7, updated_by = $8 WHERE phase_key = $1 AND lang = $2";

enum err store_phase_texts_update(struct store_conn *c, const struct phase_text *t, int64_t user_id,
				  int64_t now)
{
	const char *name = phase_key_name(t->key);
	if (!name)
		return store_fail(c, ERR_NOTFOUND, "no phase %d", (int)t->key);
	struct store_q q;
	int64_t changed = 0;
	store_q_prepare(&q, c, SQL_TEXT_UPDATE);
	store_q_text(&q, 1, name);
	store_q_text(&q, 2, t->lang);
	store_q_text(&q, 3, t->purpose ? t->purpose : "");
	store_q_text(&q, 4, t->key_questions ? t->key_questions : "");
	store_q_text(&q, 5, t->procedure ? t->procedure : "");
	store_q_text(&q, 6, t->desired_result ? t->desired_result : "");
	store_q_int(&q, 7, now);
	store_q_id(&q, 8, user_id);
	store_q_exec(&q, &changed);
	enum err e = store_q_done(&q);
	return e == OK && changed == 0 ? ERR_NOTFOUND : e;
}

enum err store_phase_steps(struct store_conn *c, struct arena *a, const char *lang,
			   enum phase_key key, char ***steps, int *n)
{
	struct phase_text t;
	enum err e = store_phase_texts(c, a, lang, key, &t);
	if (e != OK)
		return e;
	text_lines(a, t.procedure, steps, n);
	if (t.procedure && *t.procedure && *n == 0 && a->over_cap)
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	return OK;
}
