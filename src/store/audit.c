/* audit.c — the append-only log of who changed what. Listing is newest
 * first with a keyset cursor on id; there is one statement per filter shape
 * (all, one kind of entity, one entity) so each can use its index instead
 * of a catch-all WHERE that would scan the whole log. */
#include "store/store_int.h"

#include <stdint.h>

static const char SQL_AUDIT_INSERT[] =
	"INSERT INTO audit_log (at, user_id, entity, entity_id, action, changes)"
	" VALUES ($1, $2, $3, $4, $5, COALESCE($6, '{}'))";

enum err store_audit_insert(struct store_conn *c, int64_t at, int64_t user_id, const char *entity,
			    int64_t entity_id, const char *action, const char *changes_json)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_AUDIT_INSERT);
	store_q_int(&q, 1, at);
	store_q_id(&q, 2, user_id);
	store_q_text(&q, 3, entity);
	store_q_int(&q, 4, entity_id);
	store_q_text(&q, 5, action);
	store_q_opt(&q, 6, changes_json);
	store_q_exec(&q, NULL);
	return store_q_done(&q);
}

#define AUDIT_SELECT \
	"SELECT a.id, a.at, a.user_id, u.name, a.entity, a.entity_id, a.action, a.changes" \
	" FROM audit_log a LEFT JOIN users u ON u.id = a.user_id"

static const char SQL_AUDIT_ALL[] =
	AUDIT_SELECT " WHERE a.id < $1 ORDER BY a.id DESC LIMIT $2";
static const char SQL_AUDIT_KIND[] =
	AUDIT_SELECT " WHERE a.id < $1 AND a.entity = $3 ORDER BY a.id DESC LIMIT $2";
static const char SQL_AUDIT_ONE[] =
	AUDIT_SELECT " WHERE a.id < $1 AND a.entity = $3 AND a.entity_id = $4 ORDER BY a.id DESC LIMIT $2";

enum err store_audit_list(struct store_conn *c, struct arena *a, const struct audit_query *q,
			  struct audit_entry **out, int *n)
{
	if (q->limit < 1 || q->limit > 500)
		return store_fail(c, ERR_INVALID, "limit %d is out of range 1..500", q->limit);
	if (q->entity_id && !q->entity)
		return store_fail(c, ERR_INVALID, "an entity id needs the entity's kind");
	struct audit_entry *v = arena_alloc(a, (size_t)q->limit * sizeof *v);
	if (!v)
		return store_fail(c, ERR_TOO_BIG, "the arena's cap was reached");
	struct store_q sq;
	if (!q->entity)
		store_q_prepare(&sq, c, SQL_AUDIT_ALL);
	else if (!q->entity_id)
		store_q_prepare(&sq, c, SQL_AUDIT_KIND);
	else
		store_q_prepare(&sq, c, SQL_AUDIT_ONE);
	store_q_int(&sq, 1, q->before_id > 0 ? q->before_id : INT64_MAX);
	store_q_int(&sq, 2, q->limit);
	if (q->entity)
		store_q_text(&sq, 3, q->entity);
	if (q->entity_id)
		store_q_int(&sq, 4, q->entity_id);
	int len = 0;
	while (len < q->limit && store_q_row(&sq)) {
		struct audit_entry *e = &v[len++];
		e->id = store_q_col_int(&sq, 0);
		e->at = store_q_col_int(&sq, 1);
		e->user_id = store_q_col_int(&sq, 2);
		e->user_name = store_q_col_text(&sq, a, 3);
		e->entity = store_q_col_text(&sq, a, 4);
		e->entity_id = store_q_col_int(&sq, 5);
		e->action = store_q_col_text(&sq, a, 6);
		e->changes = store_q_col_text(&sq, a, 7);
	}
	enum err e = store_q_done(&sq);
	if (!e) {
		*out = v;
		*n = len;
	}
	return e;
}
