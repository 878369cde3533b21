/* test_store_people_bulk.c — the store's bulk mode for person writes
 * (store_people_bulk_begin/end, people.c) against a real database (SQLite,
 * or EVNE_TEST_DB for PostgreSQL): the same writes leave exactly the same
 * person_words rows (word, kind, name_key, active, unit_id) and the same
 * units.active_people in bulk mode as one by one, including updates of
 * existing people that move unit or deactivate and a person written twice
 * in one batch; a search finds the people written in bulk; a CSV import
 * (which runs in bulk mode) leaves the rows a one-by-one rewrite leaves;
 * and the mode is refused or dropped where it must be (twice on, a commit
 * with the batch open, a rollback, an import with errors). Run with
 * CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/buf.h"
#include "domain/import.h"
#include "io/import_csv.h"
#include "store/import.h"
#include "store/store_int.h"
#include "store_group.h"

static const char SQL_T_WORDS[] =
	"SELECT word, kind, name_key, active, unit_id FROM person_words WHERE person_id = $1"
	" ORDER BY word, kind";
static const char SQL_T_ACTIVE_IN[] =
	"SELECT count(*) FROM people WHERE unit_id = $1 AND active = 1";

static const char *uniq(struct arena *a, const char *base)
{
	return arena_printf(a, "%s-%s", base, F.sfx);
}

static int64_t new_unit(struct store_conn *c, struct arena *a, const char *code)
{
	struct unit u = { .name = (char *)code, .code = (char *)uniq(a, code) };
	assert_int_equal(store_unit_insert(c, &u), OK);
	return u.id;
}

static int64_t active_people(struct store_conn *c, struct arena *a, int64_t unit)
{
	struct unit u;
	assert_int_equal(store_unit_get(c, a, unit, &u), OK);
	return u.people_count;
}

/* Person number `label`'s rows of person_words as text, one line a row,
 * the person named by label (ids differ between runs on PostgreSQL). */
static void words_of(struct store_conn *c, struct arena *a, struct buf *b, const char *label, int64_t id)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_T_WORDS);
	store_q_int(&q, 1, id);
	int rows = 0;
	while (store_q_row(&q)) {
		size_t klen = 0;
		const unsigned char *key = store_q_col_blob(&q, a, 2, &klen);
		buf_printf(b, "%s %s %s ", label, store_q_col_text(&q, a, 0), store_q_col_text(&q, a, 1));
		for (size_t i = 0; i < klen; i++)
			buf_printf(b, "%02x", key[i]);
		buf_printf(b, " %lld %lld\n", (long long)store_q_col_int(&q, 3), (long long)store_q_col_int(&q, 4));
		rows++;
	}
	assert_int_equal(store_q_done(&q), OK);
	assert_true(rows > 0);
}

struct world {
	int64_t unit[3];
	int64_t existing[3];   /* committed before each run */
};

/* The people a run writes: label, name, unit index (-1: none), active. */
static const struct {
	const char *label, *name;
	int unit;
	bool active;
} NEW[] = {
	{ "n0", "Anne Anne Bulkvik", 0, true },          /* a word twice: one row */
	{ "n1", "Øystein Ærø-Bulkvik", 0, true },
	{ "n2", "Zoë Åberg Bulkvik", 1, false },
	{ "n3", "Kari Bulkvik", -1, true },
	{ "n4", "Per   Olav  Bulkvik", 2, true },
	{ "n5", "Émile Bulkvik", 1, true },
};
enum { NNEW = sizeof NEW / sizeof NEW[0] };

/* The same writes each run: the new people, then updates: existing 0
 * moves from unit 0 to 1, existing 1 is deactivated, existing 2 is
 * renamed twice, new person 3 (written in this run) renamed and moved.
 * The text of every row and count written goes to b. */
static void run_writes(struct store_conn *c, struct arena *a, const struct world *w, bool bulk,
		       const char *run, struct buf *b)
{
	assert_int_equal(store_begin(c, true), OK);
	if (bulk)
		assert_int_equal(store_people_bulk_begin(c), OK);
	int64_t ids[NNEW];
	for (int i = 0; i < NNEW; i++) {
		struct person p = { .name = (char *)NEW[i].name,
				    .email = arena_printf(a, "%s.%s.Bulk@Etat.no", NEW[i].label, F.sfx),
				    .employee_number = (char *)uniq(a, arena_printf(a, "BULK-%s-%s", run, NEW[i].label)),
				    .unit_id = NEW[i].unit >= 0 ? w->unit[NEW[i].unit] : 0,
				    .active = NEW[i].active };
		assert_int_equal(store_person_insert(c, &p), OK);
		ids[i] = p.id;
	}
	struct person p;
	assert_int_equal(store_person_get(c, a, w->existing[0], &p), OK);
	p.unit_id = w->unit[1];
	assert_int_equal(store_person_update(c, &p), OK);
	assert_int_equal(store_person_get(c, a, w->existing[1], &p), OK);
	p.active = false;
	assert_int_equal(store_person_update(c, &p), OK);
	assert_int_equal(store_person_get(c, a, w->existing[2], &p), OK);
	p.name = "Mellomnavn Bulkvik";
	assert_int_equal(store_person_update(c, &p), OK);
	p.name = "Endelig Navn Bulkvik";
	p.email = "endelig@etat.no";
	assert_int_equal(store_person_update(c, &p), OK);
	assert_int_equal(store_person_get(c, a, ids[3], &p), OK);
	p.name = "Kari Omdøpt Bulkvik";
	p.unit_id = w->unit[2];
	assert_int_equal(store_person_update(c, &p), OK);
	if (bulk)
		assert_int_equal(store_people_bulk_end(c), OK);

	for (int i = 0; i < NNEW; i++)
		words_of(c, a, b, NEW[i].label, ids[i]);
	for (int i = 0; i < 3; i++)
		words_of(c, a, b, arena_printf(a, "e%d", i), w->existing[i]);
	for (int i = 0; i < 3; i++)
		buf_printf(b, "unit %d: %lld\n", i, (long long)active_people(c, a, w->unit[i]));
	assert_int_equal(b->err, OK);
}

/* Units and the existing people, committed. */
static void make_world(struct store_conn *c, struct arena *a, struct world *w, const char *tag)
{
	assert_int_equal(store_begin(c, true), OK);
	for (int i = 0; i < 3; i++)
		w->unit[i] = new_unit(c, a, arena_printf(a, "BULK-%s-U%d", tag, i));
	const char *names[] = { "Flytter Bulkvik", "Slutter Bulkvik", "Gammelt Navn Bulkvik" };
	for (int i = 0; i < 3; i++) {
		struct person p = { .name = (char *)names[i],
				    .employee_number = (char *)uniq(a, arena_printf(a, "BULK-%s-E%d", tag, i)),
				    .unit_id = w->unit[0], .active = true };
		assert_int_equal(store_person_insert(c, &p), OK);
		w->existing[i] = p.id;
	}
	assert_int_equal(store_commit(c), OK);
}

static void test_bulk_writes_what_one_by_one_writes(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	struct world w;
	make_world(c, &a, &w, "SAME");
	assert_int_equal(active_people(c, &a, w.unit[0]), 3);

	struct buf one, bulk;
	buf_init(&one, &a, 1 << 20);
	buf_init(&bulk, &a, 1 << 20);
	run_writes(c, &a, &w, false, "A", &one);
	store_rollback(c);
	run_writes(c, &a, &w, true, "A", &bulk);
	assert_string_equal(buf_str(&bulk), buf_str(&one));
	/* the counts the sums were checked against, written out */
	assert_non_null(strstr(buf_str(&one), "unit 0: 3\n"));   /* 3 + n0, n1, less the mover and the leaver */
	assert_non_null(strstr(buf_str(&one), "unit 1: 2\n"));   /* the mover and n5 (n2 inactive) */
	assert_non_null(strstr(buf_str(&one), "unit 2: 2\n"));   /* n4 and the moved n3 */
	/* the renamed people have only their last name's words */
	assert_null(strstr(buf_str(&bulk), " mellomnavn "));
	assert_null(strstr(buf_str(&bulk), "gammelt"));
	assert_non_null(strstr(buf_str(&bulk), "e2 endelig n "));
	assert_null(strstr(buf_str(&bulk), "n3 kari k"));
	assert_int_equal(store_commit(c), OK);

	/* a search finds the people written in bulk, by name word, e-mail and number */
	struct person_query q = { .text = "bulkv", .unit_id = w.unit[1], .limit = 50 };
	struct person *v;
	int n = 0;
	assert_int_equal(store_people_list(c, &a, &q, &v, &n), OK);
	assert_int_equal(n, 2);   /* Flytter, Émile; Zoë is inactive */
	assert_string_equal(v[0].name, "Émile Bulkvik");
	assert_string_equal(v[1].name, "Flytter Bulkvik");
	q.include_inactive = true;
	assert_int_equal(store_people_list(c, &a, &q, &v, &n), OK);
	assert_int_equal(n, 3);
	q = (struct person_query){ .text = "omdøpt kar", .unit_id = w.unit[2], .limit = 50 };
	assert_int_equal(store_people_list(c, &a, &q, &v, &n), OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, "Kari Omdøpt Bulkvik");
	q = (struct person_query){ .text = arena_printf(&a, "N4.%s", F.sfx), .unit_id = w.unit[2], .limit = 50 };
	assert_int_equal(store_people_list(c, &a, &q, &v, &n), OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, "Per   Olav  Bulkvik");
	q = (struct person_query){ .text = "gammelt", .unit_id = w.unit[0], .limit = 50 };
	assert_int_equal(store_people_list(c, &a, &q, &v, &n), OK);
	assert_int_equal(n, 0);
	store_release(F.store, c);
	arena_free(&a);
}

/* Reads csv as people and applies it (in bulk mode, as every import of
 * people), committed. */
static void import_people(struct store_conn *c, struct arena *a, const char *csv)
{
	struct import_plan p;
	struct import_counts n;
	assert_int_equal(import_csv_read(a, IMPORT_PEOPLE, csv, strlen(csv), &p), OK);
	assert_int_equal(store_begin(c, true), OK);
	struct import_apply_opts o = { .now = 1700000000 };
	assert_int_equal(store_import_apply(c, a, &p, &o, &n), OK);
	assert_int_equal(store_commit(c), OK);
}

static void test_import_matches_rewrite(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	struct world w;
	make_world(c, &a, &w, "IMP");
	struct unit u[3];
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_unit_get(c, &a, w.unit[i], &u[i]), OK);
	const char *num[4];
	for (int i = 0; i < 4; i++)
		num[i] = uniq(&a, arena_printf(&a, "BULKIMP-%d", i));
	import_people(c, &a, arena_printf(&a, "employee_number;name;email;unit_code;active\n"
					  "%s;Ida Importvik;ida@etat.no;%s;ja\n"
					  "%s;Jon Jonsen Importvik;;%s;ja\n"
					  "%s;Liv Importvik;liv@etat.no;%s;nei\n"
					  "%s;Ola Importvik;;%s;ja\n",
					  num[0], u[0].code, num[1], u[0].code, num[2], u[1].code, num[3], u[2].code));
	/* again: Ida moves to unit 1, Jon leaves, Ola is renamed Ole */
	import_people(c, &a, arena_printf(&a, "employee_number;name;email;unit_code;active\n"
					  "%s;Ida Importvik;ida@etat.no;%s;ja\n"
					  "%s;Jon Jonsen Importvik;;%s;nei\n"
					  "%s;Ole Nyttnavn Importvik;;%s;ja\n",
					  num[0], u[1].code, num[1], u[0].code, num[3], u[2].code));

	/* each unit's count is its active people */
	for (int i = 0; i < 3; i++) {
		struct store_q q;
		store_q_prepare(&q, c, SQL_T_ACTIVE_IN);
		store_q_int(&q, 1, w.unit[i]);
		int64_t want = store_q_row(&q) ? store_q_col_int(&q, 0) : -1;
		assert_int_equal(store_q_done(&q), OK);
		assert_int_equal(active_people(c, &a, w.unit[i]), want);
	}
	assert_int_equal(active_people(c, &a, w.unit[0]), 3);   /* the 3 existing */
	assert_int_equal(active_people(c, &a, w.unit[1]), 1);   /* Ida; Liv inactive */
	assert_int_equal(active_people(c, &a, w.unit[2]), 1);   /* Ola */

	/* the words the imports left, and those one-by-one rewrites leave */
	struct buf imported, rewritten;
	buf_init(&imported, &a, 1 << 20);
	buf_init(&rewritten, &a, 1 << 20);
	struct person p[4];
	for (int i = 0; i < 4; i++) {
		assert_int_equal(store_person_by_number(c, &a, num[i], &p[i]), OK);
		words_of(c, &a, &imported, num[i], p[i].id);
	}
	assert_int_equal(store_begin(c, true), OK);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(store_person_update(c, &p[i]), OK);
		words_of(c, &a, &rewritten, num[i], p[i].id);
	}
	store_rollback(c);
	assert_int_equal(imported.err, OK);
	assert_string_equal(buf_str(&imported), buf_str(&rewritten));
	assert_null(strstr(buf_str(&imported), " ola "));
	assert_non_null(strstr(buf_str(&imported), " nyttnavn n "));

	/* a search finds them */
	struct person_query q = { .text = "importv", .include_inactive = true, .limit = 50 };
	struct person *v;
	int n = 0;
	for (int i = 0; i < 3; i++) {
		q.unit_id = w.unit[i];
		assert_int_equal(store_people_list(c, &a, &q, &v, &n), OK);
		assert_int_equal(n, i == 0 ? 1 : i == 1 ? 2 : 1);
	}
	store_release(F.store, c);
	arena_free(&a);
}

static const char SQL_T_WORD_COUNT[] = "SELECT count(*) FROM person_words WHERE person_id = $1";

static int64_t word_rows(struct store_conn *c, int64_t person)
{
	struct store_q q;
	store_q_prepare(&q, c, SQL_T_WORD_COUNT);
	store_q_int(&q, 1, person);
	int64_t n = store_q_row(&q) ? store_q_col_int(&q, 0) : -1;
	assert_int_equal(store_q_done(&q), OK);
	return n;
}

static void test_bulk_mode_guards(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	assert_int_equal(store_people_bulk_end(c), ERR_INVALID);   /* not on */

	/* on twice; then a commit with the batch open fails and writes nothing */
	assert_int_equal(store_begin(c, true), OK);
	int64_t unit = new_unit(c, &a, "BULK-G");
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_people_bulk_begin(c), OK);
	assert_int_equal(store_people_bulk_begin(c), ERR_INVALID);
	struct person p = { .name = "Glemt Bulkvik", .employee_number = (char *)uniq(&a, "BULK-G1"),
			    .unit_id = unit, .active = true };
	assert_int_equal(store_person_insert(c, &p), OK);
	assert_int_equal(store_commit(c), ERR_INVALID);
	assert_int_equal(store_person_by_number(c, &a, p.employee_number, &p), ERR_NOTFOUND);
	assert_int_equal(active_people(c, &a, unit), 0);

	/* a rollback drops the batch: the mode is off after it */
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_people_bulk_begin(c), OK);
	assert_int_equal(store_person_insert(c, &p), OK);
	store_rollback(c);
	assert_int_equal(store_people_bulk_end(c), ERR_INVALID);

	/* one by one again after it: words at once */
	assert_int_equal(store_begin(c, true), OK);
	p.id = 0;
	assert_int_equal(store_person_insert(c, &p), OK);
	assert_int_equal(word_rows(c, p.id), 3);   /* glemt, bulkvik, the number; no e-mail */
	assert_int_equal(store_commit(c), OK);
	assert_int_equal(active_people(c, &a, unit), 1);

	/* an empty batch writes nothing and ends cleanly */
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_people_bulk_begin(c), OK);
	assert_int_equal(store_people_bulk_end(c), OK);
	assert_int_equal(store_commit(c), OK);

	/* a released connection drops its batch */
	assert_int_equal(store_begin(c, true), OK);
	assert_int_equal(store_people_bulk_begin(c), OK);
	store_release(F.store, c);
	c = store_acquire(F.store);
	assert_int_equal(store_people_bulk_end(c), ERR_INVALID);
	store_release(F.store, c);
	arena_free(&a);
}

/* An import with an error writes nothing and leaves the mode off. */
static void test_import_with_errors_drops_batch(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct store_conn *c = store_acquire(F.store);
	const char *num = uniq(&a, "BULKERR-1");
	assert_int_equal(store_begin(c, true), OK);
	struct unit u = { .name = "Feil", .code = (char *)uniq(&a, "BULK-ERR") };
	assert_int_equal(store_unit_insert(c, &u), OK);
	assert_int_equal(store_commit(c), OK);
	/* the first row is written (its words wait in the batch), the second
	 * names no unit there is */
	const char *csv = arena_printf(&a, "employee_number;name;unit_code\n"
					   "%s;Feil Bulkvik;%s\n"
					   "%s-2;Ukjent Bulkvik;NO-SUCH-UNIT-%s\n", num, u.code, num, F.sfx);
	struct import_plan p;
	struct import_counts n;
	assert_int_equal(import_csv_read(&a, IMPORT_PEOPLE, csv, strlen(csv), &p), OK);
	assert_int_equal(store_begin(c, true), OK);
	struct import_apply_opts o = { .now = 1700000000 };
	assert_int_equal(store_import_apply(c, &a, &p, &o, &n), ERR_INVALID);
	assert_int_equal(import_error_total(&p.errors), 1);
	assert_int_equal(store_people_bulk_end(c), ERR_INVALID);   /* dropped */
	store_rollback(c);
	struct person who;
	assert_int_equal(store_person_by_number(c, &a, num, &who), ERR_NOTFOUND);
	assert_int_equal(active_people(c, &a, u.id), 0);
	store_release(F.store, c);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bulk_writes_what_one_by_one_writes),
		cmocka_unit_test(test_import_matches_rewrite),
		cmocka_unit_test(test_bulk_mode_guards),
		cmocka_unit_test(test_import_with_errors_drops_batch),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
