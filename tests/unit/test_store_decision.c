/* test_store_decision.c — store/decision.c against a real database (a fresh
 * SQLite file, or the PostgreSQL one EVNE_TEST_DB names; tests/pg/run.sh
 * runs it there): the decision's state written and read back, consultations
 * and their files, the working set's snapshot with the proposing units and
 * the goals' names joined, and publication (product.md, "Between 2 and 3":
 * an immutable, numbered version; a later change is a new version): the
 * first publication is number 1, a later one number 2, and the rows of
 * version 1 stay exactly as they were after the working set changed; the
 * approval comment is kept on the decision and frozen with the version, as
 * the approver's and the publisher's names are, so a deleted publisher is
 * still named. Run with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/arena.h"
#include "store/cycles.h"
#include "store/decision.h"
#include "store/phase2.h"
#include "store/store_int.h"
#include "store_fixture.h"

static struct store_fixture F;
static struct arena A;
static int64_t CYCLE, UNIT_A, UNIT_B, USER, GOAL, NEED1, NEED2, MEASURE1;

static const char SQL_UNIT[] =
	"INSERT INTO units (name, code, created_at, updated_at) VALUES ($1, $2, 1, 1) RETURNING id";
static const char SQL_VERSION[] =
	"INSERT INTO strategy_versions (cycle_id, status, number, created_at, updated_at, published_at)"
	" VALUES ($1, 'published', 1, 1, 1, 1) RETURNING id";
static const char SQL_MAIN[] =
	"INSERT INTO strategy_main_goals (version_id, title) VALUES ($1, 'Hovedmål') RETURNING id";
static const char SQL_GOAL[] =
	"INSERT INTO strategic_goals (cycle_id, created_at) VALUES ($1, 1) RETURNING id";
static const char SQL_GOAL_ROW[] =
	"INSERT INTO strategy_goals (version_id, main_goal_id, goal_id, code, title)"
	" VALUES ($1, $2, $3, '1.1', 'Digitale tjenester')";
static const char SQL_PROPOSED[] =
	"INSERT INTO competence_needs (cycle_id, unit_id, title, criticality, horizon, position,"
	" created_at, updated_at) VALUES ($1, $2, $3, 'high', 'next_year', 1, 1, 1) RETURNING id";
static const char SQL_DECIDED[] =
	"INSERT INTO decided_needs (cycle_id, scope, unit_id, title, description, criticality,"
	" horizon, people_affected, position, created_at, updated_at)"
	" VALUES ($1, $2, $3, $4, '', 'critical', 'one_to_three_years', $5, $6, 1, 1) RETURNING id";
static const char SQL_SOURCE[] =
	"INSERT INTO decided_need_sources (decided_need_id, need_id) VALUES ($1, $2)";
static const char SQL_NEED_GOAL[] =
	"INSERT INTO decided_need_goals (decided_need_id, goal_id) VALUES ($1, $2)";
static const char SQL_MEASURE[] =
	"INSERT INTO decided_measures (cycle_id, kind, scope, title, owner, deadline, budget, position,"
	" created_at, updated_at) VALUES ($1, 'develop', 'overarching', $2, 'HR', '2027-06-30', 250000,"
	" 1, 1, 1) RETURNING id";
static const char SQL_MEASURE_NEED[] =
	"INSERT INTO decided_measure_needs (measure_id, decided_need_id) VALUES ($1, $2)";
static const char SQL_RENAME_NEED[] = "UPDATE decided_needs SET title = $2 WHERE id = $1";
static const char SQL_USER_DELETE[] = "DELETE FROM users WHERE id = $1 RETURNING id";
static const char SQL_VERSION_ROWS[] =
	"SELECT n.title, n.proposed_by, n.goals FROM decided_version_needs n"
	" JOIN decided_versions v ON v.id = n.version_id WHERE v.cycle_id = $1 AND v.number = 1"
	" ORDER BY n.position, n.need_key";

static int64_t insert_id(const char *sql, int nargs, const char *texts[], const int64_t ints[])
{
	struct store_conn *c = store_acquire(F.store);
	struct store_q q;
	store_q_prepare(&q, c, sql);
	for (int i = 0; i < nargs; i++) {
		if (texts && texts[i])
			store_q_text(&q, i + 1, texts[i]);
		else
			store_q_id(&q, i + 1, ints[i]);
	}
	int64_t id = 0;
	if (store_q_row(&q)) {
		id = store_q_col_int(&q, 0);
		while (store_q_row(&q))
			;
	}
	enum err e = store_q_done(&q);
	if (e)
		fprintf(stderr, "# %s: %s\n", sql, store_errmsg(c));
	store_release(F.store, c);
	assert_int_equal(e, OK);
	return id;
}

static int setup(void **state)
{
	(void)state;
	if (store_fixture_open(&F))
		return -1;
	arena_init(&A, 16u << 20);
	struct store_conn *c = store_acquire(F.store);
	struct cycle cy = { .name = arena_printf(&A, "Beslutning %s", F.sfx) };
	enum err e = store_cycle_insert(c, &cy, 1);
	store_release(F.store, c);
	if (e)
		return -1;
	CYCLE = cy.id;
	UNIT_A = insert_id(SQL_UNIT, 2, (const char *[]){ "Økonomi", arena_printf(&A, "oko-%s", F.sfx) }, NULL);
	UNIT_B = insert_id(SQL_UNIT, 2, (const char *[]){ "Arkiv", arena_printf(&A, "ark-%s", F.sfx) }, NULL);
	struct user u = { .email = arena_printf(&A, "hr-%s@test.no", F.sfx), .name = "Hanne HR",
			  .role = ROLE_HR, .active = true, .lang = "nb" };
	c = store_acquire(F.store);
	e = store_user_insert(c, &u);
	store_release(F.store, c);
	if (e)
		return -1;
	USER = u.id;
	int64_t ver = insert_id(SQL_VERSION, 1, NULL, (int64_t[]){ CYCLE });
	int64_t main = insert_id(SQL_MAIN, 1, NULL, (int64_t[]){ ver });
	GOAL = insert_id(SQL_GOAL, 1, NULL, (int64_t[]){ CYCLE });
	insert_id(SQL_GOAL_ROW, 3, NULL, (int64_t[]){ ver, main, GOAL });
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(&A);
	store_fixture_close(&F);
	return 0;
}

static void test_decision_state(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(F.store);
	struct decision d;
	assert_int_equal(store_decision_get(c, &A, CYCLE, &d), OK);
	assert_int_equal(d.status, DECISION_COMPILING);
	assert_string_equal(d.return_comment, "");
	enum decision_status s = DECISION_APPROVED;
	assert_int_equal(store_decision_status(c, CYCLE, &s), OK);
	assert_int_equal(s, DECISION_COMPILING);

	assert_int_equal(store_begin(c, true), OK);
	decision_apply(&d, DEC_OP_SEND, USER, NULL, 100);
	assert_int_equal(store_decision_put(c, &d), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_decision_get(c, &A, CYCLE, &d), OK);
	assert_int_equal(d.status, DECISION_AWAITING_APPROVAL);
	assert_int_equal(d.sent_at, 100);
	assert_int_equal(d.sent_by, USER);
	assert_string_equal(d.sent_by_name, "Hanne HR");
	assert_int_equal(store_decision_status(c, CYCLE, &s), OK);
	assert_int_equal(s, DECISION_AWAITING_APPROVAL);

	assert_int_equal(store_begin(c, true), OK);
	decision_apply(&d, DEC_OP_RETURN, USER, "Mer om budsjett", 200);
	assert_int_equal(store_decision_put(c, &d), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_decision_get(c, &A, CYCLE, &d), OK);
	assert_int_equal(d.status, DECISION_COMPILING);
	assert_string_equal(d.return_comment, "Mer om budsjett");
	assert_int_equal(d.returned_at, 200);
	assert_int_equal(d.approved_at, 0);
	assert_string_equal(d.approval_comment, "");

	/* sent again and approved with a comment: kept on the decision */
	assert_int_equal(store_begin(c, true), OK);
	decision_apply(&d, DEC_OP_SEND, USER, NULL, 300);
	decision_apply(&d, DEC_OP_APPROVE, USER, "Godkjent.\nHusk budsjettet.", 310);
	assert_int_equal(store_decision_put(c, &d), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_decision_get(c, &A, CYCLE, &d), OK);
	assert_int_equal(d.status, DECISION_APPROVED);
	assert_int_equal(d.approved_at, 310);
	assert_string_equal(d.approved_by_name, "Hanne HR");
	assert_string_equal(d.approval_comment, "Godkjent.\nHusk budsjettet.");
	assert_string_equal(d.return_comment, "");

	/* published (back to compiling, the comment stays), then sent again:
	 * the send clears it */
	assert_int_equal(store_begin(c, true), OK);
	decision_apply(&d, DEC_OP_PUBLISH, USER, NULL, 320);
	assert_int_equal(store_decision_put(c, &d), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_decision_get(c, &A, CYCLE, &d), OK);
	assert_string_equal(d.approval_comment, "Godkjent.\nHusk budsjettet.");
	assert_int_equal(store_begin(c, true), OK);
	decision_apply(&d, DEC_OP_SEND, USER, NULL, 330);
	assert_int_equal(store_decision_put(c, &d), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_decision_get(c, &A, CYCLE, &d), OK);
	assert_int_equal(d.status, DECISION_AWAITING_APPROVAL);
	assert_string_equal(d.approval_comment, "");
	store_release(F.store, c);
}

static void test_consultations(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(F.store);
	assert_int_equal(store_begin(c, true), OK);
	struct consultation k = { .cycle_id = CYCLE, .held_on = "2027-03-02",
				  .participants = "Kari (Fagforbundet)\nOla (NTL)", .minutes = "# Referat",
				  .created_by = USER, .created_at = 10 };
	assert_int_equal(store_consultation_insert(c, &k), OK);
	assert_true(k.id > 0);
	struct consultation k2 = { .cycle_id = CYCLE, .held_on = "2027-02-01", .participants = "Per",
				   .minutes = "", .created_by = USER, .created_at = 11 };
	assert_int_equal(store_consultation_insert(c, &k2), OK);
	assert_int_equal(store_commit(c), OK);

	struct consultation *v;
	int n;
	assert_int_equal(store_consultations(c, &A, CYCLE, "", 0, 100, &v, &n), OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, k2.id);            /* by date held */
	assert_int_equal(v[1].id, k.id);
	assert_string_equal(v[1].updated_by_name, "Hanne HR");
	/* the keyset continues after the first */
	assert_int_equal(store_consultations(c, &A, CYCLE, v[0].held_on, v[0].id, 100, &v, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, k.id);

	assert_int_equal(store_begin(c, true), OK);
	k.minutes = "Nytt referat";
	k.updated_by = USER;
	k.updated_at = 20;
	assert_int_equal(store_consultation_update(c, &k), OK);
	struct consultation_file f = { .consultation_id = k.id, .file_name = "referat.pdf",
				       .file_type = DOC_FILE_PDF, .created_by = USER, .created_at = 21 };
	assert_int_equal(store_consultation_file_insert(c, &A, &f, "%PDF-1.4 x", 10), OK);
	assert_int_equal(store_commit(c), OK);
	assert_true(f.id > 0);
	assert_int_equal(strlen(f.file_sha256), 64);

	struct consultation got;
	assert_int_equal(store_consultation_get(c, &A, k.id, &got), OK);
	assert_string_equal(got.minutes, "Nytt referat");
	assert_int_equal(got.files, 1);
	struct consultation_file *fs;
	assert_int_equal(store_consultation_files(c, &A, k.id, &fs, &n), OK);
	assert_int_equal(n, 1);
	assert_null(fs[0].file_data);
	struct consultation_file fd;
	assert_int_equal(store_consultation_file_get(c, &A, f.id, true, &fd), OK);
	assert_int_equal(fd.file_size, 10);
	assert_memory_equal(fd.file_data, "%PDF-1.4 x", 10);
	assert_int_equal(fd.file_type, DOC_FILE_PDF);

	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_consultation_file_delete(c, f.id), OK);
	assert_int_equal(store_consultation_file_delete(c, f.id), ERR_NOTFOUND);
	assert_int_equal(store_consultation_delete(c, k2.id), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_consultation_get(c, &A, k2.id, &got), ERR_NOTFOUND);
	store_release(F.store, c);
}

static void test_publish(void **state)
{
	(void)state;
	int64_t pa = insert_id(SQL_PROPOSED, 3, (const char *[]){ NULL, NULL, "Skytjenester" },
			       (int64_t[]){ CYCLE, UNIT_A, 0 });
	int64_t pb = insert_id(SQL_PROPOSED, 3, (const char *[]){ NULL, NULL, "Sky" },
			       (int64_t[]){ CYCLE, UNIT_B, 0 });
	int64_t pb2 = insert_id(SQL_PROPOSED, 3, (const char *[]){ NULL, NULL, "Skydrift" },
				(int64_t[]){ CYCLE, UNIT_B, 0 });
	NEED1 = insert_id(SQL_DECIDED, 6, (const char *[]){ NULL, "organisation", NULL, "Skykompetanse", NULL, NULL },
			  (int64_t[]){ CYCLE, 0, 0, 0, 12, 1 });
	NEED2 = insert_id(SQL_DECIDED, 6, (const char *[]){ NULL, "unit", NULL, "Arkivfag", NULL, NULL },
			  (int64_t[]){ CYCLE, 0, UNIT_B, 0, 0, 2 });
	insert_id(SQL_SOURCE, 2, NULL, (int64_t[]){ NEED1, pa });
	insert_id(SQL_SOURCE, 2, NULL, (int64_t[]){ NEED1, pb });
	insert_id(SQL_SOURCE, 2, NULL, (int64_t[]){ NEED1, pb2 });
	insert_id(SQL_NEED_GOAL, 2, NULL, (int64_t[]){ NEED1, GOAL });
	MEASURE1 = insert_id(SQL_MEASURE, 2, (const char *[]){ NULL, "Kurs i sky" }, (int64_t[]){ CYCLE, 0 });
	insert_id(SQL_MEASURE_NEED, 2, NULL, (int64_t[]){ MEASURE1, NEED1 });

	struct store_conn *c = store_acquire(F.store);
	struct decided_version s;
	assert_int_equal(store_decided_snapshot(c, &A, CYCLE, &s), OK);
	assert_int_equal(s.nneeds, 2);
	assert_int_equal(s.needs[0].key, NEED1);
	/* the two units, each once, in Norwegian order */
	assert_string_equal(s.needs[0].proposed_by, "Arkiv\nØkonomi");
	assert_string_equal(s.needs[0].goals, "1.1 Digitale tjenester");
	assert_int_equal(s.needs[0].people_affected, 12);
	assert_int_equal(s.needs[0].criticality, CRIT_CRITICAL);
	assert_int_equal(s.needs[1].scope, NEED_SCOPE_UNIT);
	assert_string_equal(s.needs[1].unit_name, "Arkiv");
	assert_int_equal(s.needs[1].people_affected, -1);
	assert_int_equal(s.nmeasures, 1);
	assert_string_equal(s.measures[0].needs, "Skykompetanse");
	assert_int_equal(s.measures[0].budget, 250000);
	assert_string_equal(s.measures[0].deadline, "2027-06-30");

	assert_int_equal(store_begin(c, true), OK);
	s.note = "Første";
	s.approved_at = 300;
	s.approved_by = USER;
	s.approved_by_name = "Toppledelsen";
	s.approval_comment = "Godt arbeid";
	s.published_at = 400;
	s.published_by = USER;
	s.published_by_name = "Hanne HR";
	assert_int_equal(store_decided_publish(c, &s), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(s.number, 1);

	/* the working set changes, then a second publication */
	insert_id(SQL_RENAME_NEED, 2, (const char *[]){ NULL, "Skyarkitektur" }, (int64_t[]){ NEED1, 0 });
	struct decided_version s2;
	assert_int_equal(store_decided_snapshot(c, &A, CYCLE, &s2), OK);
	assert_int_equal(store_begin(c, true), OK);
	s2.approved_at = 500;
	s2.published_at = 600;
	s2.published_by = USER;
	assert_int_equal(store_decided_publish(c, &s2), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(s2.number, 2);

	struct decided_version v1, latest;
	assert_int_equal(store_decided_version_get(c, &A, CYCLE, 1, &v1), OK);
	assert_int_equal(v1.number, 1);
	assert_string_equal(v1.note, "Første");
	assert_string_equal(v1.approved_by_name, "Toppledelsen");
	assert_string_equal(v1.approval_comment, "Godt arbeid");
	assert_string_equal(v1.published_by_name, "Hanne HR");
	assert_int_equal(v1.nneeds, 2);
	assert_string_equal(v1.needs[0].title, "Skykompetanse");   /* unchanged */
	assert_string_equal(v1.needs[0].proposed_by, "Arkiv\nØkonomi");
	assert_int_equal(v1.needs[1].people_affected, -1);
	assert_int_equal(v1.needs[1].required_level, 0);
	assert_int_equal(v1.measures[0].budget, 250000);
	assert_int_equal(store_decided_version_get(c, &A, CYCLE, 0, &latest), OK);
	assert_int_equal(latest.number, 2);
	assert_string_equal(latest.needs[0].title, "Skyarkitektur");
	assert_string_equal(latest.approval_comment, "");     /* none given */
	assert_int_equal(store_decided_version_get(c, &A, CYCLE, 3, &latest), ERR_NOTFOUND);

	/* the stored rows of version 1, read directly */
	struct store_q q;
	store_q_prepare(&q, c, SQL_VERSION_ROWS);
	store_q_int(&q, 1, CYCLE);
	assert_true(store_q_row(&q));
	assert_string_equal(store_q_col_text(&q, &A, 0), "Skykompetanse");
	assert_string_equal(store_q_col_text(&q, &A, 2), "1.1 Digitale tjenester");
	while (store_q_row(&q))
		;
	assert_int_equal(store_q_done(&q), OK);

	struct decided_version *vs;
	int n;
	assert_int_equal(store_decided_versions(c, &A, CYCLE, &vs, &n), OK);
	assert_int_equal(n, 2);
	assert_int_equal(vs[0].number, 2);
	assert_int_equal(vs[1].nneeds, 2);
	assert_int_equal(vs[1].nmeasures, 1);

	/* the differences of 1 -> 2: the renamed need, and the measure that
	 * names it */
	struct dv_diff d;
	assert_true(dv_diff(&A, &v1, &latest, &d));
	assert_int_equal(d.n, 2);
	assert_int_equal(d.items[0].change, DV_CHANGED);
	assert_int_equal(d.items[0].fields[0].field, DVF_TITLE);
	assert_true(d.items[1].measure);
	assert_int_equal(d.items[1].fields[0].field, DVF_NEEDS);

	struct decision_counts k;
	assert_int_equal(store_decision_counts(c, CYCLE, &k), OK);
	assert_int_equal(k.decided_needs, 2);
	assert_int_equal(k.decided_measures, 1);
	assert_int_equal(k.versions, 2);
	assert_int_equal(k.last_published_at, 600);
	store_release(F.store, c);
}

/* The publisher's user row deleted: the version still names them by the
 * name frozen at publication; one published without a frozen name names
 * nobody (the views say "a former user"). */
static void test_publisher_deleted(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(F.store);
	struct user u = { .email = arena_printf(&A, "pub-%s@test.no", F.sfx), .name = "Per Publiserer",
			  .role = ROLE_HR, .active = true, .lang = "nb" };
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_user_insert(c, &u), OK);
	struct decided_version s;
	assert_int_equal(store_decided_snapshot(c, &A, CYCLE, &s), OK);
	s.approved_at = 700;
	s.approved_by = USER;
	s.approved_by_name = "Hanne HR";
	s.approval_comment = "Ok";
	s.published_at = 800;
	s.published_by = u.id;
	s.published_by_name = "Per Publiserer";
	assert_int_equal(store_decided_publish(c, &s), OK);
	struct decided_version t;
	assert_int_equal(store_decided_snapshot(c, &A, CYCLE, &t), OK);
	t.approved_at = 900;
	t.published_at = 1000;
	t.published_by = u.id;
	assert_int_equal(store_decided_publish(c, &t), OK);
	assert_int_equal(store_commit(c), OK);
	store_release(F.store, c);
	assert_int_equal(s.number, 3);
	assert_int_equal(t.number, 4);

	/* the live name while the user exists */
	c = store_acquire(F.store);
	struct decided_version v;
	assert_int_equal(store_decided_version_get(c, &A, CYCLE, 4, &v), OK);
	assert_string_equal(v.published_by_name, "Per Publiserer");
	store_release(F.store, c);

	assert_int_equal(insert_id(SQL_USER_DELETE, 1, NULL, (int64_t[]){ u.id }), u.id);
	c = store_acquire(F.store);
	assert_int_equal(store_decided_version_get(c, &A, CYCLE, 3, &v), OK);
	assert_int_equal(v.published_by, 0);
	assert_string_equal(v.published_by_name, "Per Publiserer");
	assert_string_equal(v.approval_comment, "Ok");
	assert_int_equal(store_decided_version_get(c, &A, CYCLE, 4, &v), OK);
	assert_null(v.published_by_name);
	struct decided_version *vs;
	int n;
	assert_int_equal(store_decided_versions(c, &A, CYCLE, &vs, &n), OK);
	assert_int_equal(n, 4);
	assert_string_equal(vs[1].published_by_name, "Per Publiserer");
	assert_string_equal(vs[1].approval_comment, "Ok");
	store_release(F.store, c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decision_state),
		cmocka_unit_test(test_consultations),
		cmocka_unit_test(test_publish),
		cmocka_unit_test(test_publisher_deleted),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
