/* test_store_discussion.c — store/discussions.h against a real database: a
 * fresh SQLite file, or EVNE_TEST_DB (tests/pg/run.sh runs it on
 * PostgreSQL). The meeting's upsert never touches the proposal's state, the
 * notes per item, attendance with who may be ticked, suggestions, and the
 * list of units with its scope, state and name filters and keyset paging
 * (product.md, "2. Local competence discussion"). Run with
 * CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store_group.h"
#include "store/cycles.h"
#include "store/discussions.h"
#include "store/phase2.h"
#include "store/store_int.h"

/* What the tests write: a cycle, a unit tree under a top unit, people, a user. */
struct world {
	int64_t cycle;
	int64_t top, a, b, c;          /* top leads a and b; c is elsewhere */
	int64_t boss, p1, p2, p3, gone, other;   /* people */
	int64_t user;
	const char *tag;               /* in every unit's name: this world's units */
};

static int world_no;   /* each test's world has its own names */

static int64_t unit(struct store_conn *c, struct arena *a, const char *name, int64_t parent, int64_t leader)
{
	struct unit u = { .name = arena_printf(a, "%s w%d-%s", name, world_no, F.sfx),
			  .code = arena_printf(a, "%.6s-%d-%s", name, world_no, F.sfx), .parent_id = parent,
			  .leader_id = leader };
	assert_int_equal(store_unit_insert(c, &u), OK);
	return u.id;
}

static int64_t person(struct store_conn *c, const char *name, int64_t unit_id, bool active)
{
	struct person p = { .name = (char *)name, .unit_id = unit_id, .active = active };
	assert_int_equal(store_person_insert(c, &p), OK);
	return p.id;
}

static void make_world(struct store_conn *c, struct arena *a, struct world *w)
{
	world_no++;
	assert_int_equal(store_begin(c, true), OK);
	struct cycle cy = { .name = arena_printf(a, "D-%d-%s", world_no, F.sfx), .status = CYCLE_OPEN };
	assert_int_equal(store_cycle_insert(c, &cy, 1000), OK);
	w->cycle = cy.id;
	w->tag = arena_printf(a, "w%d-%s", world_no, F.sfx);
	w->boss = person(c, "Åse Boss", 0, true);
	w->top = unit(c, a, "Topp", 0, w->boss);
	w->a = unit(c, a, "Økonomi", w->top, 0);
	w->b = unit(c, a, "Arkiv", w->top, 0);
	w->c = unit(c, a, "Eksternt", 0, 0);
	w->p1 = person(c, "Berit Berg", w->a, true);
	w->p2 = person(c, "Åsmund Ås", w->a, true);
	w->gone = person(c, "Cecilie Slutta", w->a, false);
	w->p3 = person(c, "Dag Dal", w->b, true);
	w->other = person(c, "Erik Ekstern", w->c, true);
	struct user u = { .email = arena_printf(a, "disc.%d.%s@example.no", world_no, F.sfx), .name = "Disc Leder",
			  .role = ROLE_LEADER, .person_id = w->boss, .password_hash = "x", .active = true };
	assert_int_equal(store_user_insert(c, &u), OK);
	w->user = u.id;
	assert_int_equal(store_commit(c), OK);
}

static void test_meeting(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	struct world w;
	make_world(c, &a, &w);

	struct disc_meeting m;
	assert_int_equal(store_disc_get(c, &a, w.cycle, w.a, &m), OK);
	assert_false(m.exists);
	assert_null(m.meeting_on);
	assert_string_equal(m.location, "");
	assert_int_equal(m.status, PROPOSAL_DRAFT);

	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_disc_meeting_set(c, w.cycle, w.a, "2027-03-04", "09:30", "Møterom Ør", w.user, 5000), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_disc_get(c, &a, w.cycle, w.a, &m), OK);
	assert_true(m.exists);
	assert_string_equal(m.meeting_on, "2027-03-04");
	assert_string_equal(m.meeting_at, "09:30");
	assert_string_equal(m.location, "Møterom Ør");
	assert_int_equal(m.updated_by, w.user);
	assert_string_equal(m.updated_by_name, "Disc Leder");
	assert_int_equal(m.updated_at, 5000);

	/* another engineer's submit sets the state; the meeting's upsert keeps it */
	struct store_q q;
	assert_int_equal(store_begin(c, true), OK);
	store_q_prepare(&q, c, "UPDATE unit_discussions SET status = 'submitted', submitted_at = 6000"
			       " WHERE cycle_id = $1 AND unit_id = $2");
	store_q_int(&q, 1, w.cycle);
	store_q_int(&q, 2, w.a);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);
	assert_int_equal(store_disc_meeting_set(c, w.cycle, w.a, NULL, "", "", w.user, 7000), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_disc_get(c, &a, w.cycle, w.a, &m), OK);
	assert_null(m.meeting_on);
	assert_null(m.meeting_at);
	assert_string_equal(m.location, "");
	assert_int_equal(m.status, PROPOSAL_SUBMITTED);
	assert_int_equal(m.submitted_at, 6000);
	enum proposal_status ps;
	assert_int_equal(store_proposal_status(c, w.cycle, w.a, &ps), OK);
	assert_int_equal(ps, PROPOSAL_SUBMITTED);

	/* a bad date is refused by the schema */
	assert_int_equal(store_begin(c, true), OK);
	assert_int_not_equal(store_disc_meeting_set(c, w.cycle, w.b, "2027-3-4", NULL, "", w.user, 1), OK);
	store_rollback(c);

	store_release(F.store, c);
	arena_free(&a);
}

static void test_notes_attendance(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	struct world w;
	make_world(c, &a, &w);

	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_disc_note_set(c, w.cycle, w.a, 2, "Kartlegging", "# Behov\n- sky", w.user, 10), OK);
	assert_int_equal(store_disc_note_set(c, w.cycle, w.a, 0, "Innledning", "Hvorfor", w.user, 11), OK);
	assert_int_equal(store_disc_note_set(c, w.cycle, w.b, 0, "Innledning", "Annen enhet", w.user, 11), OK);
	assert_int_equal(store_commit(c), OK);
	struct disc_note *notes;
	int n;
	assert_int_equal(store_disc_notes(c, &a, w.cycle, w.a, &notes, &n), OK);
	assert_int_equal(n, 2);
	assert_int_equal(notes[0].item, 0);
	assert_string_equal(notes[0].notes, "Hvorfor");
	assert_int_equal(notes[1].item, 2);
	assert_string_equal(notes[1].item_text, "Kartlegging");
	assert_string_equal(notes[1].updated_by_name, "Disc Leder");
	/* saving again replaces; empty notes remove the row */
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_disc_note_set(c, w.cycle, w.a, 2, "Kartlegging 2", "Nytt", w.user, 12), OK);
	assert_int_equal(store_disc_note_set(c, w.cycle, w.a, 0, "Innledning", "", w.user, 12), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_disc_notes(c, &a, w.cycle, w.a, &notes, &n), OK);
	assert_int_equal(n, 1);
	assert_string_equal(notes[0].item_text, "Kartlegging 2");
	assert_string_equal(notes[0].notes, "Nytt");

	/* who may be ticked: the unit's active people and its leader */
	int64_t *ids;
	assert_int_equal(store_disc_eligible(c, &a, w.a, &ids, &n), OK);
	assert_int_equal(n, 2);
	assert_true((ids[0] == w.p1 && ids[1] == w.p2) || (ids[0] == w.p2 && ids[1] == w.p1));
	assert_int_equal(store_disc_eligible(c, &a, w.top, &ids, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], w.boss);

	int64_t want[] = { w.p1, w.p2 };
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_disc_attendance_set(c, w.cycle, w.a, want, 2), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_disc_attendance(c, &a, w.cycle, w.a, &ids, &n), OK);
	assert_int_equal(n, 2);
	int64_t one[] = { w.p2 };
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_disc_attendance_set(c, w.cycle, w.a, one, 1), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_disc_attendance(c, &a, w.cycle, w.a, &ids, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], w.p2);

	/* the people list: by name in Norwegian order (Å last), present set;
	 * someone present who has left the unit stays, not eligible */
	struct person moved;
	assert_int_equal(store_person_get(c, &a, w.p2, &moved), OK);
	moved.unit_id = w.b;
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_person_update(c, &moved), OK);
	assert_int_equal(store_commit(c), OK);
	struct disc_person *pp;
	assert_int_equal(store_disc_people(c, &a, w.cycle, w.a, &pp, &n), OK);
	assert_int_equal(n, 2);
	assert_string_equal(pp[0].name, "Berit Berg");
	assert_true(pp[0].eligible);
	assert_false(pp[0].present);
	assert_string_equal(pp[1].name, "Åsmund Ås");
	assert_false(pp[1].eligible);
	assert_true(pp[1].present);
	assert_int_equal(store_disc_people(c, &a, w.cycle, w.top, &pp, &n), OK);
	assert_int_equal(n, 1);
	assert_true(pp[0].leader);
	assert_true(pp[0].eligible);

	/* a person who does not exist is refused by the schema */
	int64_t bad[] = { 999999999 };
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_disc_attendance_set(c, w.cycle, w.a, bad, 1), ERR_CONFLICT);
	store_rollback(c);
	assert_int_equal(store_disc_attendance(c, &a, w.cycle, w.a, &ids, &n), OK);
	assert_int_equal(n, 1);

	store_release(F.store, c);
	arena_free(&a);
}

static void test_suggestions(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	struct world w;
	make_world(c, &a, &w);

	struct disc_suggestion s1 = { .cycle_id = w.cycle, .unit_id = w.a, .user_id = w.user,
				      .body = "Mer opplæring i «sky»", .created_at = 100 };
	struct disc_suggestion s2 = { .cycle_id = w.cycle, .unit_id = w.a, .user_id = 0,
				      .body = "Anonym", .created_at = 101 };
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_disc_suggestion_insert(c, &s1), OK);
	assert_int_equal(store_disc_suggestion_insert(c, &s2), OK);
	assert_int_equal(store_commit(c), OK);
	assert_true(s1.id > 0 && s2.id > s1.id);
	struct disc_suggestion *v;
	int n;
	assert_int_equal(store_disc_suggestions(c, &a, w.cycle, w.a, &v, &n), OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, s1.id);
	assert_string_equal(v[0].body, "Mer opplæring i «sky»");
	assert_string_equal(v[0].user_name, "Disc Leder");
	assert_int_equal(v[1].user_id, 0);
	assert_null(v[1].user_name);
	int64_t k;
	assert_int_equal(store_disc_suggestion_count(c, w.cycle, w.a, &k), OK);
	assert_int_equal(k, 2);
	assert_int_equal(store_disc_suggestion_count(c, w.cycle, w.b, &k), OK);
	assert_int_equal(k, 0);

	struct disc_suggestion got;
	assert_int_equal(store_disc_suggestion_get(c, &a, s1.id, &got), OK);
	assert_int_equal(got.unit_id, w.a);
	assert_int_equal(got.created_at, 100);
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_disc_suggestion_delete(c, s1.id), OK);
	assert_int_equal(store_disc_suggestion_delete(c, s1.id), ERR_NOTFOUND);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_disc_suggestion_get(c, &a, s1.id, &got), ERR_NOTFOUND);

	/* an empty body is refused by the schema */
	struct disc_suggestion empty = { .cycle_id = w.cycle, .unit_id = w.a, .body = "", .created_at = 1 };
	assert_int_equal(store_begin(c, true), OK);
	assert_int_not_equal(store_disc_suggestion_insert(c, &empty), OK);
	store_rollback(c);

	store_release(F.store, c);
	arena_free(&a);
}

static bool listed(const struct disc_row *r, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (r[i].unit_id == id)
			return true;
	return false;
}

static void test_list(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	struct world w;
	make_world(c, &a, &w);
	int64_t present[] = { w.p1 };
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_disc_meeting_set(c, w.cycle, w.a, "2027-03-04", "10:00", "", w.user, 1), OK);
	assert_int_equal(store_disc_attendance_set(c, w.cycle, w.a, present, 1), OK);
	struct disc_suggestion s = { .cycle_id = w.cycle, .unit_id = w.b, .user_id = w.user, .body = "x",
				     .created_at = 1 };
	assert_int_equal(store_disc_suggestion_insert(c, &s), OK);
	struct store_q q;
	store_q_prepare(&q, c, "INSERT INTO unit_discussions (cycle_id, unit_id, status, updated_at)"
			       " VALUES ($1, $2, 'returned', 1)");
	store_q_int(&q, 1, w.cycle);
	store_q_int(&q, 2, w.b);
	store_q_exec(&q, NULL);
	assert_int_equal(store_q_done(&q), OK);
	assert_int_equal(store_commit(c), OK);

	/* the leader's units (top with a and b), filtered by this run's suffix */
	struct disc_query dq = { .cycle_id = w.cycle, .leader_person_id = w.boss, .text = w.tag, .limit = 50 };
	struct disc_row *r;
	int n;
	bool more;
	assert_int_equal(store_disc_list(c, &a, &dq, &r, &n, &more), OK);
	assert_int_equal(n, 3);
	assert_false(more);
	/* Norwegian order: Arkiv, Topp, Økonomi */
	assert_int_equal(r[0].unit_id, w.b);
	assert_int_equal(r[1].unit_id, w.top);
	assert_int_equal(r[2].unit_id, w.a);
	assert_int_equal(r[0].status, PROPOSAL_RETURNED);
	assert_int_equal(r[0].suggestions, 1);
	assert_string_equal(r[2].meeting_on, "2027-03-04");
	assert_string_equal(r[2].meeting_at, "10:00");
	assert_int_equal(r[2].attendance, 1);
	assert_int_equal(r[1].status, PROPOSAL_DRAFT);
	assert_null(r[1].meeting_on);
	assert_false(listed(r, n, w.c));

	/* own unit beside the led ones */
	dq.own_unit_id = w.c;
	assert_int_equal(store_disc_list(c, &a, &dq, &r, &n, &more), OK);
	assert_int_equal(n, 4);
	assert_true(listed(r, n, w.c));
	dq.own_unit_id = 0;

	/* everyone's view, the name filter in any case, æøå too */
	struct disc_query all = { .cycle_id = w.cycle, .text = arena_printf(&a, "ØKONOMI %s", w.tag), .limit = 50 };
	assert_int_equal(store_disc_list(c, &a, &all, &r, &n, &more), OK);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].unit_id, w.a);
	all.text = arena_printf(&a, "eksternt %s", w.tag);
	assert_int_equal(store_disc_list(c, &a, &all, &r, &n, &more), OK);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].unit_id, w.c);

	/* by state: a unit without a row is a draft */
	all.text = w.tag;
	all.status = "returned";
	assert_int_equal(store_disc_list(c, &a, &all, &r, &n, &more), OK);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].unit_id, w.b);
	all.status = "draft";
	assert_int_equal(store_disc_list(c, &a, &all, &r, &n, &more), OK);
	assert_int_equal(n, 3);
	all.status = NULL;

	/* paging by the keyset, two at a time */
	all.limit = 2;
	assert_int_equal(store_disc_list(c, &a, &all, &r, &n, &more), OK);
	assert_int_equal(n, 2);
	assert_true(more);
	assert_int_equal(r[0].unit_id, w.b);
	assert_int_equal(r[1].unit_id, w.c);
	all.after_name = r[1].name;
	all.after_id = r[1].unit_id;
	assert_int_equal(store_disc_list(c, &a, &all, &r, &n, &more), OK);
	assert_int_equal(n, 2);
	assert_false(more);
	assert_int_equal(r[0].unit_id, w.top);
	assert_int_equal(r[1].unit_id, w.a);

	/* without a filter the page is read with LIMIT */
	struct disc_query plain = { .cycle_id = w.cycle, .limit = 1 };
	assert_int_equal(store_disc_list(c, &a, &plain, &r, &n, &more), OK);
	assert_int_equal(n, 1);
	plain.limit = 0;
	assert_int_equal(store_disc_list(c, &a, &plain, &r, &n, &more), ERR_INVALID);

	store_release(F.store, c);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_meeting),
		cmocka_unit_test(test_notes_attendance),
		cmocka_unit_test(test_suggestions),
		cmocka_unit_test(test_list),
	};
	return cmocka_run_group_tests_name("discussion store", tests, setup, teardown) ? 1 : 0;
}
