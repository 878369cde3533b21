/* test_discussion.c — the pure rules of phase 2's unit discussion
 * (domain/discussion.c; product.md, "2. Local competence discussion"): the
 * agenda built from the phase's procedure with notes attached (and notes of
 * items HR has since removed), item numbers, the meeting's date and time as
 * people type them, the field checks, attendance id sets, who may remove a
 * suggestion, when the discussion takes changes, and the audit JSON. Run
 * with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "domain/discussion.h"

static const char PROCEDURE[] =
	"Innledning om hvorfor og hvordan arbeide med kompetansestrategi i virksomheten\n"
	"Informasjon om strategi, repetisjon av egne utpekte mål\n"
	"\n"
	"  Kartlegging av virksomhetens kritiske kompetansebehov  \n"
	"Forslag til kompetansetiltak\r\n"
	"Oppsummering og konklusjon";

static void test_agenda(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct disc_agenda_item *v;
	int n = disc_agenda(&a, PROCEDURE, NULL, 0, &v);
	assert_int_equal(n, 5);
	assert_int_equal(disc_agenda_count(&a, PROCEDURE), 5);
	assert_int_equal(v[0].item, 0);
	assert_string_equal(v[2].text, "Kartlegging av virksomhetens kritiske kompetansebehov");
	assert_string_equal(v[3].text, "Forslag til kompetansetiltak");
	assert_true(v[4].current);
	assert_null(v[4].note);

	/* notes attach by index; notes past today's procedure are kept with
	 * the text they were written under */
	struct disc_note notes[] = {
		{ .item = 1, .item_text = "Informasjon", .notes = "Vi gikk gjennom målene" },
		{ .item = 6, .item_text = "Et punkt HR har fjernet", .notes = "Gammelt" },
	};
	n = disc_agenda(&a, PROCEDURE, notes, 2, &v);
	assert_int_equal(n, 6);
	assert_ptr_equal(v[1].note, &notes[1 - 1]);
	assert_string_equal(v[1].text, "Informasjon om strategi, repetisjon av egne utpekte mål");
	assert_null(v[0].note);
	assert_int_equal(v[5].item, 6);
	assert_false(v[5].current);
	assert_string_equal(v[5].text, "Et punkt HR har fjernet");

	/* an empty procedure: no items, only kept notes */
	n = disc_agenda(&a, "", notes, 1, &v);
	assert_int_equal(n, 1);
	assert_false(v[0].current);
	assert_int_equal(disc_agenda(&a, NULL, NULL, 0, &v), 0);

	/* at most DISC_ITEMS_MAX items */
	struct buf b;
	buf_init(&b, &a, 0);
	for (int i = 0; i < DISC_ITEMS_MAX + 5; i++)
		buf_printf(&b, "Punkt %d\n", i);
	assert_int_equal(disc_agenda_count(&a, buf_str(&b)), DISC_ITEMS_MAX);
	arena_free(&a);
}

static void test_items(void **state)
{
	(void)state;
	int i = -1;
	assert_true(disc_item_parse("1", 5, &i));
	assert_int_equal(i, 0);
	assert_true(disc_item_parse("5", 5, &i));
	assert_int_equal(i, 4);
	assert_false(disc_item_parse("6", 5, &i));
	assert_false(disc_item_parse("0", 5, &i));
	assert_false(disc_item_parse("01", 5, &i));
	assert_false(disc_item_parse("-1", 5, &i));
	assert_false(disc_item_parse("1a", 5, &i));
	assert_false(disc_item_parse("", 5, &i));
	assert_false(disc_item_parse(NULL, 5, &i));
	assert_false(disc_item_parse("99999", 100000, &i));
}

static void test_time(void **state)
{
	(void)state;
	char hm[6];
	assert_true(disc_parse_time("09:05", hm));
	assert_string_equal(hm, "09:05");
	assert_true(disc_parse_time("9:05", hm));
	assert_string_equal(hm, "09:05");
	assert_true(disc_parse_time("13.30", hm));
	assert_string_equal(hm, "13:30");
	assert_true(disc_parse_time("23:59", hm));
	assert_true(disc_parse_time("0:00", hm));
	assert_string_equal(hm, "00:00");
	const char *bad[] = { "24:00", "12:60", "9", "0930", "9:5", "09:05:00", "ni", "09-05", "", "1:2a", " 9:05" };
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
		assert_false(disc_parse_time(bad[k], hm));
	assert_false(disc_parse_time(NULL, hm));
}

static void test_meeting_fields(void **state)
{
	(void)state;
	char iso[11], hm[6];
	struct field_errors fe = { 0 };
	disc_validate_meeting("14.03.2027", " 9:00 ", "Møterom «Fjord»", iso, hm, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(iso, "2027-03-14");
	assert_string_equal(hm, "09:00");
	disc_validate_meeting("2027-03-14", "", "", iso, hm, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(iso, "2027-03-14");
	assert_string_equal(hm, "");
	/* empty clears */
	disc_validate_meeting("", NULL, NULL, iso, hm, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(iso, "");

	disc_validate_meeting("31.02.2027", "25:00", "a\nb", iso, hm, &fe);
	assert_int_equal(fe.n, 3);
	assert_true(field_errors_has(&fe, "meeting_on"));
	assert_int_equal(fe.e[0].problem, PROB_BAD_DATE);
	assert_int_equal(fe.e[1].problem, PROB_BAD_TIME);
	assert_int_equal(fe.e[2].problem, PROB_BAD_TEXT);

	char longer[DISC_LOCATION_MAX_CHARS * 2 + 8];
	memset(longer, 0, sizeof longer);
	for (int i = 0; i <= DISC_LOCATION_MAX_CHARS; i++)
		memcpy(longer + 2 * i, "ø", 2);   /* 201 characters, 402 bytes */
	fe.n = 0;
	disc_validate_meeting("i morgen", NULL, longer, iso, hm, &fe);
	assert_int_equal(fe.n, 2);
	assert_int_equal(fe.e[1].problem, PROB_TOO_LONG);
}

static void test_text_fields(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct field_errors fe = { 0 };
	disc_validate_notes("# Behov\n\n- sky\n- data\twith tab", "notes_3", &fe);
	disc_validate_notes("", "notes_1", &fe);
	assert_int_equal(fe.n, 0);
	disc_validate_notes("bell\a", "notes_2", &fe);
	assert_int_equal(fe.n, 1);
	assert_string_equal(fe.e[0].field, "notes_2");
	assert_int_equal(fe.e[0].problem, PROB_BAD_TEXT);
	char *big = arena_alloc(&a, DISC_NOTES_MAX_CHARS + 2);
	memset(big, 'x', DISC_NOTES_MAX_CHARS + 1);
	big[DISC_NOTES_MAX_CHARS + 1] = '\0';
	fe.n = 0;
	disc_validate_notes(big, "notes_1", &fe);
	assert_int_equal(fe.e[0].problem, PROB_TOO_LONG);

	fe.n = 0;
	disc_validate_suggestion("Kurs i maskinlæring", &fe);
	assert_int_equal(fe.n, 0);
	disc_validate_suggestion("  \n ", &fe);
	assert_int_equal(fe.e[0].problem, PROB_REQUIRED);
	assert_string_equal(fe.e[0].field, "body");
	fe.n = 0;
	disc_validate_suggestion(NULL, &fe);
	assert_int_equal(fe.e[0].problem, PROB_REQUIRED);
	fe.n = 0;
	big[DISC_SUGGESTION_MAX_CHARS + 1] = '\0';
	disc_validate_suggestion(big, &fe);
	assert_int_equal(fe.e[0].problem, PROB_TOO_LONG);
	big[DISC_SUGGESTION_MAX_CHARS] = '\0';
	fe.n = 0;
	disc_validate_suggestion(big, &fe);
	assert_int_equal(fe.n, 0);
	arena_free(&a);
}

static void test_ids(void **state)
{
	(void)state;
	int64_t ids[] = { 9, 3, 9, 1, 3 };
	int n = disc_ids_normalise(ids, 5);
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], 1);
	assert_int_equal(ids[1], 3);
	assert_int_equal(ids[2], 9);
	assert_int_equal(disc_ids_normalise(ids, 0), 0);
	int64_t allowed[] = { 9, 1, 3, 4 };
	assert_true(disc_ids_subset(ids, 3, allowed, 4));
	assert_true(disc_ids_subset(ids, 0, allowed, 0));
	int64_t stranger[] = { 3, 77 };
	assert_false(disc_ids_subset(stranger, 2, allowed, 4));
}

static void test_remove_suggestion(void **state)
{
	(void)state;
	int64_t led[] = { 10, 11 };
	struct disc_suggestion s = { .id = 1, .unit_id = 11, .user_id = 500, .body = "x" };
	struct actor author = { .user_id = 500, .role = ROLE_EMPLOYEE, .own_unit_id = 11 };
	struct actor colleague = { .user_id = 501, .role = ROLE_EMPLOYEE, .own_unit_id = 11 };
	struct actor leader = { .user_id = 502, .role = ROLE_LEADER, .scope_units = led, .scope_count = 2 };
	struct actor other_leader = { .user_id = 503, .role = ROLE_LEADER, .scope_units = led, .scope_count = 1 };
	struct actor hr = { .user_id = 504, .role = ROLE_HR };
	struct actor rep = { .user_id = 505, .role = ROLE_REPRESENTATIVE, .own_unit_id = 11 };
	struct actor mgmt = { .user_id = 506, .role = ROLE_MANAGEMENT };
	struct actor nobody = { .role = ROLE_NONE };
	assert_true(disc_may_remove_suggestion(&author, &s));
	assert_false(disc_may_remove_suggestion(&colleague, &s));
	assert_true(disc_may_remove_suggestion(&leader, &s));
	assert_false(disc_may_remove_suggestion(&other_leader, &s));   /* leads only unit 10 */
	assert_true(disc_may_remove_suggestion(&hr, &s));
	assert_false(disc_may_remove_suggestion(&rep, &s));
	assert_false(disc_may_remove_suggestion(&mgmt, &s));
	assert_false(disc_may_remove_suggestion(&nobody, &s));
	assert_false(disc_may_remove_suggestion(&author, NULL));
	/* an author whose account is gone (user_id 0) is nobody's own */
	struct disc_suggestion orphan = { .id = 2, .unit_id = 11, .user_id = 0, .body = "x" };
	struct actor zero = { .user_id = 0, .role = ROLE_EMPLOYEE, .own_unit_id = 11 };
	assert_false(disc_may_remove_suggestion(&zero, &orphan));
}

static void test_writable(void **state)
{
	(void)state;
	assert_true(disc_writable("open", PROPOSAL_DRAFT));
	assert_true(disc_writable("draft", PROPOSAL_RETURNED));
	assert_false(disc_writable("open", PROPOSAL_SUBMITTED));
	assert_false(disc_writable("closed", PROPOSAL_DRAFT));
	assert_false(disc_writable(NULL, PROPOSAL_DRAFT));
}

static void test_audit(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct buf b;
	struct disc_meeting before = { .meeting_on = "2027-03-14", .meeting_at = NULL, .location = "A" };
	buf_init(&b, &a, 0);
	disc_audit_meeting(&b, 7, &before, "2027-03-15", "09:00", "A");
	assert_string_equal(buf_str(&b),
			    "{\"cycle_id\":7,\"meeting_on\":[\"2027-03-14\",\"2027-03-15\"],"
			    "\"meeting_at\":[null,\"09:00\"]}");
	buf_init(&b, &a, 0);
	disc_audit_meeting(&b, 7, &before, "", "", "B");
	assert_string_equal(buf_str(&b),
			    "{\"cycle_id\":7,\"meeting_on\":[\"2027-03-14\",null],\"location\":[\"A\",\"B\"]}");
	buf_init(&b, &a, 0);
	disc_audit_notes(&b, 7, 2, "Kartlegging", "", "Sky");
	assert_string_equal(buf_str(&b),
			    "{\"cycle_id\":7,\"item\":3,\"item_text\":\"Kartlegging\",\"notes\":[\"\",\"Sky\"]}");
	int64_t x[] = { 1, 2 }, y[] = { 2 };
	buf_init(&b, &a, 0);
	disc_audit_attendance(&b, 7, x, 2, y, 1);
	assert_string_equal(buf_str(&b), "{\"cycle_id\":7,\"attendance\":[[1,2],[2]]}");
	struct disc_suggestion s = { .id = 3, .cycle_id = 7, .unit_id = 11, .user_id = 500, .body = "Kurs" };
	buf_init(&b, &a, 0);
	disc_audit_suggestion(&b, NULL, &s);
	assert_string_equal(buf_str(&b),
			    "{\"cycle_id\":7,\"unit_id\":11,\"user_id\":500,\"body\":[null,\"Kurs\"]}");
	buf_init(&b, &a, 0);
	disc_audit_suggestion(&b, &s, NULL);
	assert_string_equal(buf_str(&b),
			    "{\"cycle_id\":7,\"unit_id\":11,\"user_id\":500,\"body\":[\"Kurs\",null]}");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agenda),
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_meeting_fields),
		cmocka_unit_test(test_text_fields),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_remove_suggestion),
		cmocka_unit_test(test_writable),
		cmocka_unit_test(test_audit),
	};
	return cmocka_run_group_tests_name("discussion rules", tests, NULL, NULL) ? 1 : 0;
}
