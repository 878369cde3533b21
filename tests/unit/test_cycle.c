/* test_cycle.c — the yearly cycle: the pure rules of domain/cycle.c (phase
 * keys, calendar dates, the date rules of a cycle, the states draft → open
 * → closed, current phases, the wheel's geometry, one-item-per-line texts)
 * and the store functions of store/cycles.c against a real database: a
 * fresh SQLite file, or the one EVNE_TEST_DB names (so the same program
 * checks PostgreSQL). product.md: "HR / process owner: sets up the yearly
 * cycle (phases and deadlines, the årshjul)"; issue 4: "Domain tests for
 * phase dates (no overlaps that make no sense, a closed cycle is
 * read-only)". Run with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/text.h"
#include "domain/cycle.h"
#include "store/cycles.h"

/* ---- pure rules ---- */

static void test_phase_keys(void **state)
{
	(void)state;
	static const char *const want[] = { "leader_preparation", "unit_discussion", "compilation",
					    "conversations", "implementation" };
	for (int k = 0; k < PHASE_COUNT; k++) {
		enum phase_key got;
		assert_string_equal(phase_key_name((enum phase_key)k), want[k]);
		assert_true(phase_key_parse(want[k], &got));
		assert_int_equal(got, k);
	}
	enum phase_key x;
	assert_false(phase_key_parse("Leader_preparation", &x));
	assert_false(phase_key_parse("", &x));
	assert_false(phase_key_parse(NULL, &x));
	assert_null(phase_key_name(PHASE_COUNT));
}

static void test_dates(void **state)
{
	(void)state;
	int32_t d;
	char out[11];
	assert_true(date_parse("1970-01-01", &d));
	assert_int_equal(d, 0);
	assert_true(date_parse("2027-01-31", &d));
	date_format(d, out);
	assert_string_equal(out, "2027-01-31");
	assert_true(date_parse("2028-02-29", &d));   /* leap year */
	assert_false(date_parse("2027-02-29", &d));
	assert_false(date_parse("2027-02-30", &d));
	assert_false(date_parse("2100-02-29", &d));  /* not a leap year */
	assert_true(date_parse("2000-02-29", &d));   /* but 2000 is */
	assert_false(date_parse("2027-13-01", &d));
	assert_false(date_parse("2027-00-10", &d));
	assert_false(date_parse("2027-1-31", &d));
	assert_false(date_parse("27-01-31", &d));
	assert_false(date_parse("2027-01-31 ", &d));
	assert_false(date_parse("2027/01/31", &d));
	assert_false(date_parse("31.01.2027", &d));
	assert_false(date_parse("", &d));
	assert_false(date_parse(NULL, &d));
	/* every day of a span round-trips */
	int32_t a, b;
	assert_true(date_parse("1999-12-25", &a));
	assert_true(date_parse("2030-03-05", &b));
	for (int32_t i = a; i <= b; i++) {
		int32_t back;
		date_format(i, out);
		assert_true(date_parse(out, &back));
		assert_int_equal(back, i);
	}
}

/* A cycle's dates from ten strings (NULL for empty). */
static void set(struct cycle_phase ph[PHASE_COUNT], const char *const d[2 * PHASE_COUNT])
{
	for (int k = 0; k < PHASE_COUNT; k++) {
		ph[k].starts_on = (char *)d[2 * k];
		ph[k].ends_on = (char *)d[2 * k + 1];
	}
}

static const char *const GOOD[2 * PHASE_COUNT] = {
	"2027-01-04", "2027-02-12",   /* leader preparation */
	"2027-02-01", "2027-03-19",   /* unit discussion: overlaps the first, allowed */
	"2027-03-22", "2027-05-07",   /* compilation */
	"2027-08-16", "2027-10-29",   /* conversations */
	"2027-11-01", "2027-12-17",   /* implementation */
};

static bool has(const struct cycle_errors *ce, const char *field, enum cycle_problem p)
{
	for (int i = 0; i < ce->n; i++)
		if (strcmp(ce->e[i].field, field) == 0 && ce->e[i].problem == p)
			return true;
	return false;
}

static void test_validate_good(void **state)
{
	(void)state;
	struct cycle_phase ph[PHASE_COUNT];
	struct cycle_errors ce = { .n = 0 };
	set(ph, GOOD);
	cycle_validate_dates(ph, true, &ce);
	assert_int_equal(ce.n, 0);
	/* a draft may leave phases empty; an open cycle may not */
	const char *const partial[2 * PHASE_COUNT] = { "2027-01-04", "2027-02-12", NULL, NULL, NULL, NULL,
						       "2027-08-16", "2027-10-29", NULL, "" };
	set(ph, partial);
	cycle_validate_dates(ph, false, &ce);
	assert_int_equal(ce.n, 0);
	cycle_validate_dates(ph, true, &ce);
	assert_int_equal(ce.n, 6);
	assert_true(has(&ce, "phases.unit_discussion.starts_on", CP_INCOMPLETE));
	assert_true(has(&ce, "phases.implementation.ends_on", CP_INCOMPLETE));
	/* a phase may be one day long, and two phases may run in parallel */
	const char *const same[2 * PHASE_COUNT] = {
		"2027-01-04", "2027-01-04", "2027-01-04", "2027-01-04", "2027-01-04", "2027-01-04",
		"2027-01-04", "2027-01-04", "2027-01-04", "2027-01-04" };
	set(ph, same);
	ce.n = 0;
	cycle_validate_dates(ph, true, &ce);
	assert_int_equal(ce.n, 0);
}

static void test_validate_bad(void **state)
{
	(void)state;
	struct cycle_phase ph[PHASE_COUNT];
	struct cycle_errors ce = { .n = 0 };
	const char *d[2 * PHASE_COUNT];
	memcpy(d, GOOD, sizeof d);

	d[3] = "2027-02-30";             /* not a date */
	set(ph, d);
	cycle_validate_dates(ph, false, &ce);
	assert_int_equal(ce.n, 1);
	assert_true(has(&ce, "phases.unit_discussion.ends_on", CP_BAD_DATE));

	memcpy(d, GOOD, sizeof d);
	d[5] = "2027-03-21";             /* compilation ends before it starts */
	set(ph, d);
	ce.n = 0;
	cycle_validate_dates(ph, false, &ce);
	assert_int_equal(ce.n, 1);
	assert_true(has(&ce, "phases.compilation.ends_on", CP_END_BEFORE_START));

	memcpy(d, GOOD, sizeof d);
	d[2] = "2027-01-03";             /* unit discussion starts before leader preparation */
	set(ph, d);
	ce.n = 0;
	cycle_validate_dates(ph, false, &ce);
	assert_int_equal(ce.n, 1);
	assert_true(has(&ce, "phases.unit_discussion.starts_on", CP_START_BEFORE_PREV));
	assert_int_equal(ce.e[0].phase, PHASE_UNIT_DISCUSSION);
	assert_int_equal(ce.e[0].ref_phase, PHASE_LEADER_PREPARATION);

	memcpy(d, GOOD, sizeof d);
	d[3] = "2027-02-11";             /* unit discussion ends before leader preparation ends */
	set(ph, d);
	ce.n = 0;
	cycle_validate_dates(ph, false, &ce);
	assert_int_equal(ce.n, 1);
	assert_true(has(&ce, "phases.unit_discussion.ends_on", CP_END_BEFORE_PREV));

	/* the rule looks past empty phases in a draft: conversations against
	 * the unit discussion when compilation has no dates */
	memcpy(d, GOOD, sizeof d);
	d[4] = d[5] = NULL;
	d[6] = "2027-01-15";
	d[7] = "2027-03-01";
	set(ph, d);
	ce.n = 0;
	cycle_validate_dates(ph, false, &ce);
	assert_int_equal(ce.n, 2);
	assert_true(has(&ce, "phases.conversations.starts_on", CP_START_BEFORE_PREV));
	assert_int_equal(ce.e[0].ref_phase, PHASE_UNIT_DISCUSSION);
	assert_true(has(&ce, "phases.conversations.ends_on", CP_END_BEFORE_PREV));

	/* one date without the other */
	memcpy(d, GOOD, sizeof d);
	d[9] = NULL;
	set(ph, d);
	ce.n = 0;
	cycle_validate_dates(ph, false, &ce);
	assert_int_equal(ce.n, 1);
	assert_true(has(&ce, "phases.implementation.ends_on", CP_DATE_PAIR));
	memcpy(d, GOOD, sizeof d);
	d[0] = "";
	set(ph, d);
	ce.n = 0;
	cycle_validate_dates(ph, false, &ce);
	assert_true(has(&ce, "phases.leader_preparation.starts_on", CP_DATE_PAIR));
}

static void test_transitions(void **state)
{
	(void)state;
	assert_int_equal(cycle_transition(CYCLE_DRAFT, CYCLE_OPEN), CP_NONE);
	assert_int_equal(cycle_transition(CYCLE_OPEN, CYCLE_CLOSED), CP_NONE);
	assert_int_equal(cycle_transition(CYCLE_DRAFT, CYCLE_DRAFT), CP_NONE);
	assert_int_equal(cycle_transition(CYCLE_OPEN, CYCLE_OPEN), CP_NONE);
	assert_int_equal(cycle_transition(CYCLE_DRAFT, CYCLE_CLOSED), CP_BAD_TRANSITION);
	assert_int_equal(cycle_transition(CYCLE_OPEN, CYCLE_DRAFT), CP_BAD_TRANSITION);
	/* a closed cycle is read-only, whatever is asked */
	assert_int_equal(cycle_transition(CYCLE_CLOSED, CYCLE_OPEN), CP_CLOSED);
	assert_int_equal(cycle_transition(CYCLE_CLOSED, CYCLE_DRAFT), CP_CLOSED);
	assert_int_equal(cycle_transition(CYCLE_CLOSED, CYCLE_CLOSED), CP_CLOSED);
	assert_false(cycle_editable(CYCLE_CLOSED));
	assert_true(cycle_editable(CYCLE_OPEN));
	assert_true(cycle_deletable(CYCLE_DRAFT));
	assert_false(cycle_deletable(CYCLE_OPEN));
	assert_false(cycle_deletable(CYCLE_CLOSED));
	enum cycle_status s;
	assert_true(cycle_status_parse("open", &s));
	assert_int_equal(s, CYCLE_OPEN);
	assert_false(cycle_status_parse("Open", &s));
	assert_string_equal(cycle_status_name(CYCLE_CLOSED), "closed");
}

static void test_current(void **state)
{
	(void)state;
	struct cycle_phase ph[PHASE_COUNT];
	bool cur[PHASE_COUNT];
	int32_t d;
	set(ph, GOOD);
	assert_true(date_parse("2027-02-05", &d));   /* in the overlap of phases 1 and 2 */
	assert_int_equal(cycle_current_phases(ph, d, cur), 2);
	assert_true(cur[0] && cur[1] && !cur[2]);
	assert_true(date_parse("2027-02-12", &d));   /* the last day of phase 1 counts */
	assert_int_equal(cycle_current_phases(ph, d, cur), 2);
	assert_true(date_parse("2027-06-01", &d));   /* between compilation and conversations */
	assert_int_equal(cycle_current_phases(ph, d, cur), 0);
	assert_true(date_parse("2027-12-17", &d));
	assert_int_equal(cycle_current_phases(ph, d, cur), 1);
	assert_true(cur[PHASE_IMPLEMENTATION]);
}

static void test_shift(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct cycle_phase in[PHASE_COUNT] = { { "2027-02-28", "2028-02-29" } }, out[PHASE_COUNT];
	cycle_shift_years(&a, in, 1, out);
	assert_string_equal(out[0].starts_on, "2028-02-28");
	assert_string_equal(out[0].ends_on, "2029-02-28");   /* 29 February has no twin */
	assert_null(out[1].starts_on);
	arena_free(&a);
}

static void test_lines(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	char **v;
	int n;
	text_lines(&a, "  First step \n\n\tSecond\r\nThird", &v, &n);
	assert_int_equal(n, 3);
	assert_string_equal(v[0], "First step");
	assert_string_equal(v[1], "Second");
	assert_string_equal(v[2], "Third");
	text_lines(&a, " \n \n", &v, &n);
	assert_int_equal(n, 0);
	assert_null(v);
	text_lines(&a, NULL, &v, &n);
	assert_int_equal(n, 0);
	arena_free(&a);
}

static void test_names_and_texts(void **state)
{
	(void)state;
	struct cycle_errors ce = { .n = 0 };
	cycle_validate_name("2027", &ce);
	assert_int_equal(ce.n, 0);
	cycle_validate_name("", &ce);
	assert_true(has(&ce, "name", CP_REQUIRED));
	ce.n = 0;
	cycle_validate_name("20\n27", &ce);
	assert_true(has(&ce, "name", CP_BAD_TEXT));
	char long_name[CYCLE_NAME_MAX_CHARS + 2];
	memset(long_name, 'x', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	ce.n = 0;
	cycle_validate_name(long_name, &ce);
	assert_true(has(&ce, "name", CP_TOO_LONG));
	struct phase_text t = { .purpose = "Å sikre", .key_questions = "Hva?\nHvem?", .procedure = " \n ",
				.desired_result = "At\x01" };
	ce.n = 0;
	phase_text_validate(&t, &ce);
	assert_int_equal(ce.n, 2);
	assert_true(has(&ce, "procedure", CP_REQUIRED));
	assert_true(has(&ce, "desired_result", CP_BAD_TEXT));
}

static void test_audit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct buf b;
	struct cycle before = { .id = 1, .name = "2027", .status = CYCLE_DRAFT }, after;
	set(before.phases, GOOD);
	after = before;
	after.status = CYCLE_OPEN;
	after.phases[2].ends_on = "2027-05-14";
	buf_init(&b, &a, 0);
	cycle_audit_changes(&b, &before, &after);
	assert_string_equal(buf_str(&b), "{\"status\":[\"draft\",\"open\"],"
					 "\"phases.compilation.ends_on\":[\"2027-05-07\",\"2027-05-14\"]}");
	buf_init(&b, &a, 0);
	cycle_audit_changes(&b, &before, &before);
	assert_string_equal(buf_str(&b), "{}");
	arena_free(&a);
}

static void test_wheel(void **state)
{
	(void)state;
	struct cycle_phase ph[PHASE_COUNT];
	struct wheel_geom g;
	int32_t today;
	set(ph, GOOD);
	assert_true(date_parse("2027-07-02", &today));
	wheel_geometry(ph, today, &g);
	assert_true(g.ok);
	/* 2027: a year from 1 January, 365 days */
	char first[11], last[11];
	date_format(g.first, first);
	date_format(g.last, last);
	assert_string_equal(first, "2027-01-01");
	assert_string_equal(last, "2028-01-01");
	assert_int_equal(g.nmonths, 12);
	assert_int_equal(g.month[0], 1);
	assert_int_equal(g.month[11], 12);
	assert_true(g.month_angle[0] == 0.0);
	/* 2 July at noon is the middle of the year: 182.5 of 365 days */
	assert_true(g.today_in);
	assert_true(fabs(g.today - 180.0) < 0.01);
	/* phase 1 runs from day 3 (4 January) to the end of day 42 (12 February) */
	assert_true(fabs(g.a0[0] - 3 * 360.0 / 365) < 1e-9);
	assert_true(fabs(g.a1[0] - 43 * 360.0 / 365) < 1e-9);
	for (int k = 0; k < PHASE_COUNT; k++) {
		assert_true(g.has[k]);
		assert_true(g.a0[k] < g.a1[k]);
		assert_false(g.current[k]);
		if (k)
			assert_true(g.a0[k] >= g.a0[k - 1]);
	}
	/* a cycle running past twelve months gets a longer wheel */
	const char *const longer[2 * PHASE_COUNT] = { "2027-09-01", "2027-10-01", NULL, NULL, NULL, NULL,
						      NULL, NULL, "2028-08-01", "2028-10-15" };
	set(ph, longer);
	wheel_geometry(ph, today, &g);
	date_format(g.first, first);
	date_format(g.last, last);
	assert_string_equal(first, "2027-09-01");
	assert_string_equal(last, "2028-11-01");
	assert_int_equal(g.nmonths, 14);
	assert_false(g.has[1]);
	assert_false(g.today_in);   /* 2 July 2027 is before the span */
	/* nothing to draw */
	const char *const none[2 * PHASE_COUNT] = { NULL };
	set(ph, none);
	wheel_geometry(ph, today, &g);
	assert_false(g.ok);
}

/* ---- the store ---- */

static struct store *S;
static char url[512];
static char dir[128];
static bool own_db;
static char sfx[48];

static int store_setup(void **state)
{
	(void)state;
	const char *env = getenv("EVNE_TEST_DB");
	own_db = !env || !*env;
	snprintf(dir, sizeof dir, "/tmp/evne-test-cycle-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	if (own_db)
		snprintf(url, sizeof url, "sqlite:%s/t.db", dir);
	else
		snprintf(url, sizeof url, "%s", env);
	snprintf(sfx, sizeof sfx, "%lld-%d", (long long)time(NULL), (int)getpid());
	char msgbuf[256] = "";
	if (store_open(url, 1, true, &S, msgbuf, sizeof msgbuf) != OK) {
		fprintf(stderr, "store_open %s: %s\n", url, msgbuf);
		return -1;
	}
	return 0;
}

static int store_teardown(void **state)
{
	(void)state;
	store_close(S);
	if (own_db) {
		const char *ext[] = { "", "-wal", "-shm" };
		for (int i = 0; i < 3; i++) {
			char p[256];
			snprintf(p, sizeof p, "%s/t.db%s", dir, ext[i]);
			remove(p);
		}
	}
	rmdir(dir);
	text_shutdown();
	return 0;
}

static void test_store_cycles(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(S);
	struct arena a;
	arena_init(&a, 0);
	char name[80], name2[80];
	snprintf(name, sizeof name, "C-%s", sfx);
	snprintf(name2, sizeof name2, "D-%s", sfx);

	struct cycle cy = { .name = name, .status = CYCLE_DRAFT };
	set(cy.phases, GOOD);
	cy.phases[4].starts_on = cy.phases[4].ends_on = NULL;   /* a draft may lack dates */
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_cycle_insert(c, &cy, 1000), OK);
	assert_int_equal(store_commit(c), OK);
	assert_true(cy.id > 0);

	struct cycle got;
	assert_int_equal(store_cycle_get(c, &a, cy.id, &got), OK);
	assert_string_equal(got.name, name);
	assert_int_equal(got.status, CYCLE_DRAFT);
	assert_string_equal(got.phases[1].starts_on, "2027-02-01");
	assert_null(got.phases[4].starts_on);
	assert_int_equal(got.created_at, 1000);
	assert_int_equal(store_cycle_by_name(c, &a, name, &got), OK);
	assert_int_equal(got.id, cy.id);
	assert_int_equal(store_cycle_get(c, &a, cy.id + 100000, &got), ERR_NOTFOUND);

	/* the name is unique */
	struct cycle dup = { .name = name };
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_cycle_insert(c, &dup, 1000), ERR_CONFLICT);
	store_rollback(c);

	/* update: dates complete, opened */
	cy.phases[4].starts_on = "2027-11-01";
	cy.phases[4].ends_on = "2027-12-17";
	cy.status = CYCLE_OPEN;
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_cycle_update(c, &cy, 2000), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_cycle_get(c, &a, cy.id, &got), OK);
	assert_int_equal(got.status, CYCLE_OPEN);
	assert_string_equal(got.phases[4].ends_on, "2027-12-17");
	assert_int_equal(got.updated_at, 2000);

	/* the current cycle: an open one, never a draft */
	struct cycle other = { .name = name2, .status = CYCLE_DRAFT };
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_cycle_insert(c, &other, 3000), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_cycle_current(c, &a, "2027-06-01", &got), OK);
	assert_int_equal(got.status, CYCLE_OPEN);

	/* the list is newest first and pages by id */
	struct cycle *v;
	int n;
	assert_int_equal(store_cycle_list(c, &a, 0, 500, &v, &n), OK);
	assert_true(n >= 2);
	for (int i = 1; i < n; i++)
		assert_true(v[i - 1].id > v[i].id);
	assert_int_equal(store_cycle_list(c, &a, other.id, 1, &v, &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, cy.id);
	assert_string_equal(v[0].phases[0].starts_on, "2027-01-04");
	assert_int_equal(store_cycle_list(c, &a, 0, 0, &v, &n), ERR_INVALID);

	/* the schema refuses what the rules forbid, as a last line */
	cy.phases[0].ends_on = "2026-01-01";
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_cycle_update(c, &cy, 4000), ERR_CONFLICT);
	store_rollback(c);

	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_cycle_delete(c, other.id), OK);
	assert_int_equal(store_cycle_delete(c, other.id), ERR_NOTFOUND);
	assert_int_equal(store_commit(c), OK);

	arena_free(&a);
	store_release(S, c);
}

static void test_store_texts(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(S);
	struct arena a;
	arena_init(&a, 0);
	/* the seed's bokmål verbatim, and translations in nynorsk and English */
	struct phase_text t;
	assert_int_equal(store_phase_texts(c, &a, "nb", PHASE_LEADER_PREPARATION, &t), OK);
	assert_string_equal(t.purpose, "Å sikre at leder er godt forberedt til å lede prosessen");
	assert_int_equal(t.updated_at, 0);
	assert_null(t.updated_by_name);
	assert_int_equal(store_phase_texts(c, &a, "nn", PHASE_UNIT_DISCUSSION, &t), OK);
	assert_non_null(strstr(t.purpose, "eininga"));
	assert_int_equal(store_phase_texts(c, &a, "de", PHASE_UNIT_DISCUSSION, &t), ERR_NOTFOUND);

	struct phase_text all[PHASE_COUNT];
	for (int l = 0; l < 3; l++) {
		const char *lang = (const char *[]){ "nb", "nn", "en" }[l];
		assert_int_equal(store_phase_texts_all(c, &a, lang, all), OK);
		for (int k = 0; k < PHASE_COUNT; k++) {
			char **steps;
			int n;
			assert_int_equal(all[k].key, k);
			assert_true(strlen(all[k].key_questions) > 10);
			assert_int_equal(store_phase_steps(c, &a, lang, (enum phase_key)k, &steps, &n), OK);
			assert_true(n >= 3);
		}
	}
	char **steps;
	int n;
	assert_int_equal(store_phase_steps(c, &a, "nb", PHASE_LEADER_PREPARATION, &steps, &n), OK);
	assert_int_equal(n, 4);
	assert_true(strncmp(steps[0], "Gjennomgå all dokumentasjon", 27) == 0);
	assert_string_equal(steps[3], "Forbered egen ledelse av prosessen i egen enhet ved bruk av"
				      " lederveiledningene og de tilgjengelige hjelpemidlene");
	assert_int_equal(store_phase_steps(c, &a, "en", PHASE_UNIT_DISCUSSION, &steps, &n), OK);
	assert_int_equal(n, 5);
	assert_string_equal(steps[4], "Summary and conclusion");

	/* an edit, then back to the seed's words (other tests may share the database) */
	struct phase_text orig;
	assert_int_equal(store_phase_texts(c, &a, "en", PHASE_COMPILATION, &orig), OK);
	struct phase_text ed = orig;
	ed.procedure = "One\nTwo";
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_phase_texts_update(c, &ed, 0, 5000), OK);
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_phase_steps(c, &a, "en", PHASE_COMPILATION, &steps, &n), OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_phase_texts(c, &a, "en", PHASE_COMPILATION, &t), OK);
	assert_int_equal(t.updated_at, 5000);
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_phase_texts_update(c, &orig, 0, 0), OK);
	assert_int_equal(store_commit(c), OK);
	ed.lang = "xx";
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_phase_texts_update(c, &ed, 0, 5000), ERR_NOTFOUND);
	store_rollback(c);

	arena_free(&a);
	store_release(S, c);
}

int main(void)
{
	const struct CMUnitTest pure[] = {
		cmocka_unit_test(test_phase_keys),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_validate_good),
		cmocka_unit_test(test_validate_bad),
		cmocka_unit_test(test_transitions),
		cmocka_unit_test(test_current),
		cmocka_unit_test(test_shift),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_names_and_texts),
		cmocka_unit_test(test_audit),
		cmocka_unit_test(test_wheel),
	};
	const struct CMUnitTest store[] = {
		cmocka_unit_test(test_store_cycles),
		cmocka_unit_test(test_store_texts),
	};
	int failed = cmocka_run_group_tests_name("cycle rules", pure, NULL, NULL);
	failed += cmocka_run_group_tests_name("cycle store", store, store_setup, store_teardown);
	return failed ? 1 : 0;
}
