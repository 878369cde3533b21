/* phase2.c — the proposal's and the decision's state (schema
 * 008_unit_discussions, 009_decided_strategy). */
#include "store/phase2.h"

#include "store/store_int.h"

/* The text of column col of the row at hand, valid until the next step. */
static const char *col_cstr(struct store_q *q, int col)
{
	return q->c->ops->column_is_null(q->st, col) ? NULL : q->c->ops->column_text(q->st, col);
}

static const char SQL_PROPOSAL_STATUS[] =
	"SELECT status FROM unit_discussions WHERE cycle_id = $1 AND unit_id = $2";

enum err store_proposal_status(struct store_conn *c, int64_t cycle_id, int64_t unit_id,
			       enum proposal_status *out)
{
	*out = PROPOSAL_DRAFT;
	struct store_q q;
	store_q_prepare(&q, c, SQL_PROPOSAL_STATUS);
	store_q_int(&q, 1, cycle_id);
	store_q_int(&q, 2, unit_id);
	if (store_q_row(&q) && !proposal_status_parse(col_cstr(&q, 0), out))
		q.err = store_fail(c, ERR_IO, "unit_discussions.status holds an unknown state");
	return store_q_done(&q);
}

static const char SQL_DECISION_STATUS[] = "SELECT status FROM decisions WHERE cycle_id = $1";

enum err store_decision_status(struct store_conn *c, int64_t cycle_id, enum decision_status *out)
{
	*out = DECISION_COMPILING;
	struct store_q q;
	store_q_prepare(&q, c, SQL_DECISION_STATUS);
	store_q_int(&q, 1, cycle_id);
	if (store_q_row(&q) && !decision_status_parse(col_cstr(&q, 0), out))
		q.err = store_fail(c, ERR_IO, "decisions.status holds an unknown state");
	return store_q_done(&q);
}
