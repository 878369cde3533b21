/* test_prepare.c — phase 1, the leader's preparation (product.md, "1. Leader
 * preparation"): the pure rules of domain/prepare.c (step numbers, ticked
 * counts, field checks of notes and draft needs, the pack's order and
 * recipients, a closed cycle read-only, the audit JSON), then every
 * function of store/prepare.c against a real database: a fresh SQLite file,
 * or the one EVNE_TEST_DB names (a PostgreSQL URL runs the same checks
 * there). The indicator counts are checked against a small organisation
 * built here: a unit with its leader and three employees, one of whom
 * confirms every document, one who confirmed an older version only. Run
 * with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/text.h"
#include "domain/prepare.h"
#include "store/cycles.h"
#include "store/documents.h"
#include "store/prepare.h"
#include "store/store.h"

/* ---- the rules ---- */

static void test_steps(void **state)
{
	(void)state;
	int i = -1;
	assert_true(prep_step_parse("1", 4, &i));
	assert_int_equal(i, 0);
	assert_true(prep_step_parse("4", 4, &i));
	assert_int_equal(i, 3);
	assert_false(prep_step_parse("5", 4, &i));
	assert_false(prep_step_parse("0", 4, &i));
	assert_false(prep_step_parse("01", 4, &i));
	assert_false(prep_step_parse("-1", 4, &i));
	assert_false(prep_step_parse("1x", 4, &i));
	assert_false(prep_step_parse("", 4, &i));
	assert_false(prep_step_parse(NULL, 4, &i));
	assert_false(prep_step_parse("99999", 4, &i));

	struct prep_tick t[] = { { .step = 0 }, { .step = 2 }, { .step = 7 } };
	assert_int_equal(prep_ticked_count(t, 3, 4), 2);   /* step 8 was removed from the procedure */
	assert_non_null(prep_tick_of(t, 3, 2));
	assert_null(prep_tick_of(t, 3, 1));
}

static void test_writable(void **state)
{
	(void)state;
	assert_true(prep_writable("open"));
	assert_true(prep_writable("draft"));
	assert_false(prep_writable("closed"));
	assert_false(prep_writable(NULL));
}

static void test_fields(void **state)
{
	(void)state;
	struct field_errors fe = { 0 };
	validate_prep_notes("# Mål\n\n- Skyteneste\n", &fe);
	assert_int_equal(fe.n, 0);
	validate_prep_notes("bad \x01 control", &fe);
	assert_int_equal(fe.n, 1);
	assert_string_equal(fe.e[0].field, "likely_goals");
	assert_int_equal(fe.e[0].problem, PROB_BAD_TEXT);

	struct arena a;
	arena_init(&a, 0);
	char *longtext = arena_alloc(&a, PREP_NOTES_MAX_CHARS * 2 + 3);
	for (int k = 0; k < PREP_NOTES_MAX_CHARS + 1; k++)
		memcpy(longtext + 2 * k, "\xc3\xa5", 2);     /* å: counted as one character */
	fe.n = 0;
	validate_prep_notes(longtext, &fe);
	assert_int_equal(fe.n, 1);
	assert_int_equal(fe.e[0].problem, PROB_TOO_LONG);

	struct prep_need n = { .title = "  ", .description = "" };
	fe.n = 0;
	validate_prep_need(&n, &fe);
	assert_int_equal(fe.n, 1);
	assert_string_equal(fe.e[0].field, "title");
	assert_int_equal(fe.e[0].problem, PROB_REQUIRED);
	n.title = "two\nlines";
	fe.n = 0;
	validate_prep_need(&n, &fe);
	assert_int_equal(fe.e[0].problem, PROB_BAD_TEXT);
	n.title = "Skytenester";
	n.description = "Fordi \x7f";
	fe.n = 0;
	validate_prep_need(&n, &fe);
	assert_int_equal(fe.n, 1);
	assert_string_equal(fe.e[0].field, "description");
	n.description = "Fordi strategien seier det.\nOg fordi vi treng det.";
	fe.n = 0;
	validate_prep_need(&n, &fe);
	assert_int_equal(fe.n, 0);
	arena_free(&a);
}

static void test_pack_rules(void **state)
{
	(void)state;
	assert_true(prep_doc_rank(DOC_LEADER_GUIDE) < prep_doc_rank(DOC_AID));
	assert_true(prep_doc_rank(DOC_AID) < prep_doc_rank(DOC_STRATEGY));
	assert_true(prep_doc_rank(DOC_STRATEGY) < prep_doc_rank(DOC_OTHER));
	/* the unit's own active people, not its leader, not sub-units' people */
	assert_true(prep_pack_recipient(true, 5, 100, 5, 99));
	assert_false(prep_pack_recipient(true, 5, 99, 5, 99));
	assert_false(prep_pack_recipient(false, 5, 100, 5, 99));
	assert_false(prep_pack_recipient(true, 6, 100, 5, 99));
}

/* The list's states: parsed by name, and not prepared and reading open as
 * the indicators list has them. */
static void test_filter(void **state)
{
	(void)state;
	enum prep_filter f;
	assert_true(prep_filter_parse(NULL, &f));
	assert_int_equal(f, PREP_FILTER_ALL);
	assert_true(prep_filter_parse("", &f));
	assert_int_equal(f, PREP_FILTER_ALL);
	assert_string_equal(prep_filter_name(f), "");
	const char *names[] = { "not_prepared", "prepared", "pack_not_sent", "pack_sent", "reading_open" };
	for (int i = 0; i < 5; i++) {
		assert_true(prep_filter_parse(names[i], &f));
		assert_int_equal(f, i + 1);
		assert_string_equal(prep_filter_name(f), names[i]);
	}
	assert_false(prep_filter_parse("Prepared", &f));
	assert_false(prep_filter_parse("all", &f));
	assert_false(prep_filter_parse("submitted", &f));   /* the indicators list's, not this one's */
	assert_string_equal(prep_filter_name(PREP_FILTER_COUNT), "");

	struct ind_unit_counts c = { .unit_id = 1, .has_leader = true, .steps_ticked = 3, .employees = 4, .confirmed = 4 };
	assert_true(prep_filter_match(PREP_FILTER_ALL, &c, 4, 0));
	assert_true(prep_filter_match(PREP_FILTER_NOT_PREPARED, &c, 4, 0));
	assert_false(prep_filter_match(PREP_FILTER_PREPARED, &c, 4, 0));
	c.steps_ticked = 4;
	assert_false(prep_filter_match(PREP_FILTER_NOT_PREPARED, &c, 4, 0));
	assert_true(prep_filter_match(PREP_FILTER_PREPARED, &c, 4, 0));
	assert_false(prep_filter_match(PREP_FILTER_PREPARED, &c, 0, 0));   /* no steps: never prepared */
	c.has_leader = false;                    /* no leader: neither prepared nor chased */
	assert_false(prep_filter_match(PREP_FILTER_PREPARED, &c, 4, 0));
	c.steps_ticked = 0;
	assert_false(prep_filter_match(PREP_FILTER_NOT_PREPARED, &c, 4, 0));
	assert_true(prep_filter_match(PREP_FILTER_PACK_NOT_SENT, &c, 4, 0));
	assert_false(prep_filter_match(PREP_FILTER_PACK_SENT, &c, 4, 0));
	assert_false(prep_filter_match(PREP_FILTER_PACK_NOT_SENT, &c, 4, 1800000000));
	assert_true(prep_filter_match(PREP_FILTER_PACK_SENT, &c, 4, 1800000000));
	assert_false(prep_filter_match(PREP_FILTER_READING_OPEN, &c, 4, 0));
	c.confirmed = 3;
	assert_true(prep_filter_match(PREP_FILTER_READING_OPEN, &c, 4, 0));
	c.employees = c.confirmed = 0;           /* nobody to read */
	assert_false(prep_filter_match(PREP_FILTER_READING_OPEN, &c, 4, 0));
	assert_false(prep_filter_match(PREP_FILTER_COUNT, &c, 4, 0));
}

static void test_audit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct buf b;
	buf_init(&b, &a, 0);
	prep_audit_tick(&b, 0, "Gå gjennom \"strategien\"", true);
	assert_string_equal(buf_str(&b), "{\"step\":[null,1],\"step_text\":[null,\"Gå gjennom \\\"strategien\\\"\"]}");
	buf_reset(&b);
	prep_audit_tick(&b, 2, "x", false);
	assert_string_equal(buf_str(&b), "{\"step\":[3,null],\"step_text\":[\"x\",null]}");
	buf_reset(&b);
	prep_audit_notes(&b, "a", "a");
	assert_string_equal(buf_str(&b), "{}");
	buf_reset(&b);
	prep_audit_notes(&b, "", "<b>");
	assert_string_equal(buf_str(&b), "{\"likely_goals\":[\"\",\"\\u003cb>\"]}");
	buf_reset(&b);
	struct prep_need n0 = { .title = "A", .description = "" }, n1 = { .title = "B", .description = "" };
	prep_audit_need(&b, &n0, &n1);
	assert_string_equal(buf_str(&b), "{\"title\":[\"A\",\"B\"]}");
	buf_reset(&b);
	int64_t before[] = { 1 }, after[] = { 1, 4 };
	prep_audit_pack(&b, before, 1, after, 2);
	assert_string_equal(buf_str(&b), "{\"documents\":[[1],[1,4]]}");
	buf_reset(&b);
	prep_audit_send(&b, after, 2, 3);
	assert_string_equal(buf_str(&b), "{\"documents\":[null,[1,4]],\"people\":[null,3]}");
	arena_free(&a);
}

/* ---- the store ---- */

static char url[512];
static char tmpdir[256];
static bool own_db;
static char sfx[64];
static struct store *S;

static int group_setup(void **state)
{
	(void)state;
	const char *env = getenv("EVNE_TEST_DB");
	snprintf(tmpdir, sizeof tmpdir, "/tmp/evne-test-prepare-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	own_db = !env || !*env;
	if (own_db)
		snprintf(url, sizeof url, "sqlite:%s/test.db", tmpdir);
	else
		snprintf(url, sizeof url, "%s", env);
	snprintf(sfx, sizeof sfx, "%lld-%d", (long long)time(NULL), (int)getpid());
	char msg[256] = "";
	if (store_open(url, 2, true, &S, msg, sizeof msg) != OK) {
		fprintf(stderr, "store_open %s: %s\n", url, msg);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	store_close(S);
	if (own_db) {
		const char *ext[] = { "", "-wal", "-shm", "-journal" };
		for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
			char p[600];
			snprintf(p, sizeof p, "%s/test.db%s", tmpdir, ext[i]);
			remove(p);
		}
	}
	rmdir(tmpdir);
	text_shutdown();
	return 0;
}

static int64_t new_person(struct store_conn *c, struct arena *a, const char *name, int64_t unit)
{
	struct person p = { .name = (char *)name,
			    .employee_number = arena_printf(a, "%s-%s", name, sfx), .unit_id = unit,
			    .active = true };
	assert_int_equal(store_person_insert(c, &p), OK);
	return p.id;
}

/* One unit's counts, read both ways (the unit alone and every unit),
 * which must agree: employees, asked, confirmed. */
static void unit_counts(struct store_conn *c, struct arena *a, int64_t cycle_id, int64_t unit_id,
			int64_t employees, int64_t asked, int64_t confirmed)
{
	struct prep_unit_row *rows;
	int n;
	assert_int_equal(store_prep_unit_rows(c, a, cycle_id, 4, unit_id, &rows, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].counts.employees, employees);
	assert_int_equal(rows[0].asked, asked);
	assert_int_equal(rows[0].counts.confirmed, confirmed);
	assert_int_equal(store_prep_unit_rows(c, a, cycle_id, 4, 0, &rows, &n), OK);
	int found = 0;
	for (int i = 0; i < n; i++) {
		if (rows[i].counts.unit_id != unit_id)
			continue;
		found++;
		assert_int_equal(rows[i].counts.employees, employees);
		assert_int_equal(rows[i].asked, asked);
		assert_int_equal(rows[i].counts.confirmed, confirmed);
	}
	assert_int_equal(found, 1);
}

static void person_set(struct store_conn *c, struct arena *a, int64_t id, int64_t unit_id, bool active)
{
	struct person p;
	assert_int_equal(store_person_get(c, a, id, &p), OK);
	p.unit_id = unit_id;
	p.active = active;
	assert_int_equal(store_person_update(c, &p), OK);
}

static void test_store(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(S);
	const int64_t now = 1800000000;
	assert_int_equal(store_begin(c, true), OK);

	struct cycle cy = { .name = arena_printf(&a, "prep-%s", sfx), .status = CYCLE_OPEN };
	assert_int_equal(store_cycle_insert(c, &cy, now), OK);
	struct unit u = { .name = "Eining", .code = arena_printf(&a, "P-%s", sfx) };
	assert_int_equal(store_unit_insert(c, &u), OK);
	struct unit sub = { .name = "Under", .code = arena_printf(&a, "PS-%s", sfx), .parent_id = u.id };
	assert_int_equal(store_unit_insert(c, &sub), OK);
	int64_t leader = new_person(c, &a, "Leiar", u.id);
	u.leader_id = leader;
	assert_int_equal(store_unit_update(c, &u), OK);
	int64_t e1 = new_person(c, &a, "Ein", u.id), e2 = new_person(c, &a, "To", u.id);
	int64_t e3 = new_person(c, &a, "Tre", u.id);
	new_person(c, &a, "Under-person", sub.id);

	/* nothing written yet */
	struct preparation p;
	assert_int_equal(store_prep_get(c, &a, cy.id, u.id, &p), OK);
	assert_string_equal(p.likely_goals, "");
	assert_int_equal(p.pack_sent_at, 0);

	/* ticks: idempotent, untick returns the text */
	bool changed;
	assert_int_equal(store_prep_tick(c, cy.id, u.id, 0, "Steg éin", 0, now, &changed), OK);
	assert_true(changed);
	assert_int_equal(store_prep_tick(c, cy.id, u.id, 0, "Steg éin", 0, now, &changed), OK);
	assert_false(changed);
	assert_int_equal(store_prep_tick(c, cy.id, u.id, 1, "Steg to", 0, now, &changed), OK);
	struct prep_tick *ticks;
	int nt;
	assert_int_equal(store_prep_ticks(c, &a, cy.id, u.id, &ticks, &nt), OK);
	assert_int_equal(nt, 2);
	assert_string_equal(ticks[0].step_text, "Steg éin");
	char *text;
	assert_int_equal(store_prep_untick(c, &a, cy.id, u.id, 1, &changed, &text), OK);
	assert_true(changed);
	assert_string_equal(text, "Steg to");
	assert_int_equal(store_prep_untick(c, &a, cy.id, u.id, 1, &changed, &text), OK);
	assert_false(changed);

	/* notes */
	assert_int_equal(store_prep_notes_set(c, cy.id, u.id, "# Mål", 0, now), OK);
	assert_int_equal(store_prep_notes_set(c, cy.id, u.id, "# Mål 2", 0, now + 1), OK);
	assert_int_equal(store_prep_get(c, &a, cy.id, u.id, &p), OK);
	assert_string_equal(p.likely_goals, "# Mål 2");

	/* draft needs: positions follow, edit, delete */
	struct prep_need n1 = { .cycle_id = cy.id, .unit_id = u.id, .title = "Skytenester",
				.description = "Strategien", .created_at = now };
	struct prep_need n2 = { .cycle_id = cy.id, .unit_id = u.id, .title = "Analyse", .created_at = now };
	assert_int_equal(store_prep_need_insert(c, &n1), OK);
	assert_int_equal(store_prep_need_insert(c, &n2), OK);
	assert_int_equal(n1.position, 1);
	assert_int_equal(n2.position, 2);
	n2.title = "Dataanalyse";
	assert_int_equal(store_prep_need_update(c, &n2), OK);
	struct prep_need *needs;
	int nn;
	assert_int_equal(store_prep_needs(c, &a, cy.id, u.id, &needs, &nn), OK);
	assert_int_equal(nn, 2);
	assert_string_equal(needs[1].title, "Dataanalyse");
	assert_string_equal(needs[1].description, "");
	assert_int_equal(store_prep_need_delete(c, n1.id), OK);
	assert_int_equal(store_prep_need_delete(c, n1.id), ERR_NOTFOUND);
	struct prep_need got;
	assert_int_equal(store_prep_need_get(c, &a, n1.id, &got), ERR_NOTFOUND);

	/* documents and the pack: leader guides first */
	struct document aid = { .title = arena_printf(&a, "Hjelp %s", sfx), .kind = DOC_AID };
	struct document guide = { .title = arena_printf(&a, "Rettleiing %s", sfx), .kind = DOC_LEADER_GUIDE };
	struct document empty = { .title = arena_printf(&a, "Tom %s", sfx), .kind = DOC_LEADER_GUIDE };
	assert_int_equal(store_document_insert(c, &aid, 0, now), OK);
	assert_int_equal(store_document_insert(c, &guide, 0, now), OK);
	assert_int_equal(store_document_insert(c, &empty, 0, now), OK);
	struct doc_version v = { .body = "# Les" };
	assert_int_equal(store_document_version_add(c, &a, aid.id, &v, NULL, 0, 0, now), OK);
	v = (struct doc_version){ .body = "# Les" };
	assert_int_equal(store_document_version_add(c, &a, guide.id, &v, NULL, 0, 0, now), OK);
	struct prep_doc *docs;
	int nd;
	assert_int_equal(store_prep_documents(c, &a, cy.id, u.id, &docs, &nd), OK);
	int gi = -1, ai = -1;
	for (int i = 0; i < nd; i++) {
		assert_int_not_equal(docs[i].id, empty.id);    /* no version: not offered */
		if (docs[i].id == guide.id) gi = i;
		if (docs[i].id == aid.id) ai = i;
	}
	assert_true(gi >= 0 && ai > gi);
	int64_t pack[] = { aid.id < guide.id ? aid.id : guide.id, aid.id < guide.id ? guide.id : aid.id };
	assert_int_equal(store_prep_pack_set(c, cy.id, u.id, pack, 2), OK);
	int64_t *ids;
	int ni;
	assert_int_equal(store_prep_pack(c, &a, cy.id, u.id, &ids, &ni), OK);
	assert_int_equal(ni, 2);
	assert_int_equal(ids[0], pack[0]);
	assert_int_equal(store_prep_documents(c, &a, cy.id, u.id, &docs, &nd), OK);
	assert_true(docs[gi].chosen && docs[ai].chosen);

	/* recipients: the three employees, not the leader, not the sub-unit */
	int64_t *people;
	int np;
	assert_int_equal(store_prep_recipients(c, &a, u.id, &people, &np), OK);
	assert_int_equal(np, 3);
	assert_int_equal(people[0], e1);
	assert_int_equal(people[2], e3);
	assert_int_equal(store_read_requests_send(c, cy.id, u.id, ids, ni, people, np, 0, now, NULL), OK);
	assert_int_equal(store_prep_pack_sent(c, cy.id, u.id, 0, now, np), OK);
	assert_int_equal(store_prep_get(c, &a, cy.id, u.id, &p), OK);
	assert_int_equal(p.pack_sent_at, now);
	assert_int_equal(p.pack_sent_count, 3);
	assert_string_equal(p.likely_goals, "# Mål 2");    /* kept by the upsert */

	/* e1 confirms both documents, e2 one of them, e3 none: 1 of 3 */
	struct read_request *rr;
	int nr;
	assert_int_equal(store_read_requests_for_person(c, &a, e1, &rr, &nr), OK);
	assert_int_equal(nr, 2);
	for (int i = 0; i < nr; i++)
		assert_int_equal(store_read_request_confirm(c, rr[i].id, rr[i].latest_version, now), OK);
	assert_int_equal(store_read_requests_for_person(c, &a, e2, &rr, &nr), OK);
	assert_int_equal(store_read_request_confirm(c, rr[0].id, rr[0].latest_version, now), OK);

	struct prep_unit_row *rows;
	int nrow;
	assert_int_equal(store_prep_unit_rows(c, &a, cy.id, 4, u.id, &rows, &nrow), OK);
	assert_int_equal(nrow, 1);
	assert_true(rows[0].counts.has_leader);
	assert_int_equal(rows[0].counts.steps_ticked, 1);
	assert_int_equal(rows[0].counts.employees, 3);
	assert_int_equal(rows[0].asked, 3);
	assert_int_equal(rows[0].counts.confirmed, 1);
	assert_int_equal(rows[0].pack_sent_at, now);
	/* a step index past the checklist's length does not count */
	assert_int_equal(store_prep_tick(c, cy.id, u.id, 9, "Gammalt steg", 0, now, &changed), OK);
	assert_int_equal(store_prep_unit_rows(c, &a, cy.id, 4, u.id, &rows, &nrow), OK);
	assert_int_equal(rows[0].counts.steps_ticked, 1);

	/* a new version of the guide asks e1 again */
	v = (struct doc_version){ .body = "# Les igjen" };
	assert_int_equal(store_document_version_add(c, &a, guide.id, &v, NULL, 0, 0, now), OK);
	assert_int_equal(store_prep_unit_rows(c, &a, cy.id, 4, u.id, &rows, &nrow), OK);
	assert_int_equal(rows[0].counts.confirmed, 0);

	/* every unit: the sub-unit has no leader and one employee */
	assert_int_equal(store_prep_unit_rows(c, &a, cy.id, 4, 0, &rows, &nrow), OK);
	bool found = false;
	for (int i = 0; i < nrow; i++) {
		if (rows[i].counts.unit_id != sub.id)
			continue;
		found = true;
		assert_false(rows[i].counts.has_leader);
		assert_int_equal(rows[i].counts.employees, 1);
		assert_int_equal(rows[i].counts.confirmed, 0);
	}
	assert_true(found);

	/* The counts follow the people as they are now, not as they were
	 * when asked. e1 confirms the new version: 1 of 3 again. */
	assert_int_equal(store_read_requests_for_person(c, &a, e1, &rr, &nr), OK);
	for (int i = 0; i < nr; i++)
		if (!rr[i].confirmed_version || rr[i].confirmed_version < rr[i].latest_version)
			assert_int_equal(store_read_request_confirm(c, rr[i].id, rr[i].latest_version, now), OK);
	unit_counts(c, &a, cy.id, u.id, 3, 3, 1);
	/* e3 (asked, not confirmed) moves to the sub-unit, and leads it */
	person_set(c, &a, e3, sub.id, true);
	unit_counts(c, &a, cy.id, u.id, 2, 2, 1);
	unit_counts(c, &a, cy.id, sub.id, 2, 1, 0);
	assert_int_equal(store_unit_get(c, &a, sub.id, &sub), OK);
	sub.leader_id = e3;
	assert_int_equal(store_unit_update(c, &sub), OK);
	unit_counts(c, &a, cy.id, sub.id, 1, 0, 0);
	/* e2 leaves; e1, who confirmed, becomes the unit's leader */
	person_set(c, &a, e2, u.id, false);
	unit_counts(c, &a, cy.id, u.id, 1, 1, 1);
	assert_int_equal(store_unit_get(c, &a, u.id, &u), OK);
	u.leader_id = e1;
	assert_int_equal(store_unit_update(c, &u), OK);
	unit_counts(c, &a, cy.id, u.id, 1, 0, 0);
	/* a leader from elsewhere: the unit's own people all count */
	u.leader_id = e3;
	assert_int_equal(store_unit_update(c, &u), OK);
	unit_counts(c, &a, cy.id, u.id, 2, 1, 1);
	store_rollback(c);
	store_release(S, c);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest rules[] = {
		cmocka_unit_test(test_steps),
		cmocka_unit_test(test_writable),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_pack_rules),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_audit),
	};
	const struct CMUnitTest store[] = {
		cmocka_unit_test(test_store),
	};
	int failed = cmocka_run_group_tests(rules, NULL, NULL);
	failed += cmocka_run_group_tests(store, group_setup, group_teardown);
	return failed;
}
