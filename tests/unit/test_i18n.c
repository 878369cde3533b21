/* test_i18n.c — the catalogue is complete and consistent (every message
 * present in bokmål, nynorsk and English, valid UTF-8, and with the same
 * printf conversions in all three, which is what makes html_msgf's
 * non-literal format safe), and the Norwegian number and date formats are
 * right, including the summer-time changes in Europe/Oslo. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "i18n/i18n.h"

static void test_every_message_present(void **state)
{
	(void)state;
	for (int m = 0; m < MSG_COUNT; m++) {
		assert_true(strncmp(msg_id_name((enum msg)m), "MSG_", 4) == 0);
		for (int l = 0; l < LANG_COUNT; l++) {
			const char *s = msg((enum lang)l, (enum msg)m);
			if (!s || !*s)
				fail_msg("%s is empty in %s", msg_id_name((enum msg)m), lang_code((enum lang)l));
			if (!utf8_valid_text(s, strlen(s)))
				fail_msg("%s is not valid text in %s", msg_id_name((enum msg)m),
					 lang_code((enum lang)l));
		}
	}
}

/* Writes the conversions of a printf format ("%s", "%lld", ...) into out as
 * one string, length modifier and conversion only ("%5.2f" gives "f"); -1 on
 * a conversion we do not allow in the catalogue (%n, '*', positional). */
static int conversions(const char *f, char *out, size_t n)
{
	size_t o = 0;
	out[0] = '\0';
	for (; *f; f++) {
		if (*f != '%')
			continue;
		f++;
		if (*f == '%')
			continue;
		while (*f && strchr("-+ #0'", *f))
			f++;
		while (*f >= '0' && *f <= '9')
			f++;
		if (*f == '$' || *f == '*')
			return -1;
		if (*f == '.') {
			f++;
			if (*f == '*')
				return -1;
			while (*f >= '0' && *f <= '9')
				f++;
		}
		while (*f && strchr("hlLqjzt", *f)) {
			if (o + 2 >= n)
				return -1;
			out[o++] = *f++;
		}
		if (!*f || !strchr("diouxXeEfFgGaAcsp", *f))
			return -1;
		if (o + 3 >= n)
			return -1;
		out[o++] = *f;
		out[o++] = ',';
		out[o] = '\0';
	}
	return 0;
}

static void test_conversions_agree(void **state)
{
	(void)state;
	for (int m = 0; m < MSG_COUNT; m++) {
		char first[64], other[64];
		const char *name = msg_id_name((enum msg)m);
		if (conversions(msg(LANG_NB, (enum msg)m), first, sizeof first) != 0)
			fail_msg("%s: bad conversion in nb", name);
		for (int l = 1; l < LANG_COUNT; l++) {
			if (conversions(msg((enum lang)l, (enum msg)m), other, sizeof other) != 0)
				fail_msg("%s: bad conversion in %s", name, lang_code((enum lang)l));
			if (strcmp(first, other) != 0)
				fail_msg("%s: conversions \"%s\" in nb but \"%s\" in %s", name, first,
					 other, lang_code((enum lang)l));
		}
	}
}

static void test_conversion_parser(void **state)
{
	(void)state;
	char c[64];
	assert_int_equal(conversions("%s: %lld av %d (100%%)", c, sizeof c), 0);
	assert_string_equal(c, "s,lld,d,");
	assert_int_equal(conversions("%n", c, sizeof c), -1);
	assert_int_equal(conversions("%1$s", c, sizeof c), -1);
	assert_int_equal(conversions("%*d", c, sizeof c), -1);
	assert_int_equal(conversions("100%", c, sizeof c), -1);
}

static void test_lookup(void **state)
{
	(void)state;
	assert_string_equal(msg(LANG_NB, MSG_ERROR_SUMMARY), "Rett opp dette:");
	assert_string_equal(msg(LANG_EN, MSG_ERROR_SUMMARY), "Please correct the following:");
	assert_string_equal(msg(LANG_NN, MSG_ROLE_LEADER), "Leiar");
	assert_string_equal(msg(LANG_COUNT, MSG_ROLE_LEADER), "Leder");
	assert_string_equal(msg(LANG_NB, MSG_COUNT), "");
	assert_string_equal(msg_id_name(MSG_PROB_CYCLE), "MSG_PROB_CYCLE");
	assert_string_equal(msg_id_name(MSG_COUNT), "");
}

static void test_lang(void **state)
{
	(void)state;
	assert_int_equal(lang_parse("nb"), LANG_NB);
	assert_int_equal(lang_parse("nn"), LANG_NN);
	assert_int_equal(lang_parse("en"), LANG_EN);
	assert_int_equal(lang_parse("se"), LANG_NB);
	assert_int_equal(lang_parse("NN"), LANG_NB);
	assert_int_equal(lang_parse(""), LANG_NB);
	assert_int_equal(lang_parse(NULL), LANG_NB);
	assert_string_equal(lang_code(LANG_NN), "nn");
	assert_string_equal(lang_code(LANG_EN), "en");
	assert_string_equal(lang_code(LANG_COUNT), "nb");
	assert_true(lang_is_code("nb") && lang_is_code("nn") && lang_is_code("en"));
	assert_false(lang_is_code("no") || lang_is_code("") || lang_is_code(NULL) ||
		     lang_is_code("nbx"));
}

static struct arena arena;
static struct buf b;

static const char *fmt(void (*f)(struct buf *, int64_t), int64_t v)
{
	buf_reset(&b);
	f(&b, v);
	assert_int_equal(b.err, OK);
	return buf_str(&b);
}

static void test_fmt_int(void **state)
{
	(void)state;
	assert_string_equal(fmt(fmt_int, 0), "0");
	assert_string_equal(fmt(fmt_int, 7), "7");
	assert_string_equal(fmt(fmt_int, 999), "999");
	assert_string_equal(fmt(fmt_int, 1000), "1\u00a0000");
	assert_string_equal(fmt(fmt_int, 100000), "100\u00a0000");
	assert_string_equal(fmt(fmt_int, -1234), "-1\u00a0234");
	assert_string_equal(fmt(fmt_int, 1234567), "1\u00a0234\u00a0567");
	assert_string_equal(fmt(fmt_int, INT64_MIN),
			    "-9\u00a0223\u00a0372\u00a0036\u00a0854\u00a0775\u00a0808");
}

static void test_fmt_date(void **state)
{
	(void)state;
	/* winter (CET, UTC+1) */
	assert_string_equal(fmt(fmt_date, 1795853100), "28.11.2026");
	assert_string_equal(fmt(fmt_datetime, 1795853100), "28.11.2026 kl. 09:05");
	/* summer (CEST, UTC+2): 22:30 UTC is already the next day in Oslo */
	assert_string_equal(fmt(fmt_date, 1784154600), "16.07.2026");
	assert_string_equal(fmt(fmt_datetime, 1784154600), "16.07.2026 kl. 00:30");
	/* the spring change at 01:00 UTC, 29 March 2026 */
	assert_string_equal(fmt(fmt_datetime, 1774745940), "29.03.2026 kl. 01:59");
	assert_string_equal(fmt(fmt_datetime, 1774746000), "29.03.2026 kl. 03:00");
	/* the autumn change at 01:00 UTC, 25 October 2026 */
	assert_string_equal(fmt(fmt_datetime, 1792889999), "25.10.2026 kl. 02:59");
	assert_string_equal(fmt(fmt_datetime, 1792890000), "25.10.2026 kl. 02:00");
	/* New Year in Oslo, an hour before UTC's */
	assert_string_equal(fmt(fmt_date, 1798758000), "01.01.2027");
	assert_string_equal(fmt(fmt_datetime, 0), "01.01.1970 kl. 01:00");
}

/* Each thread has its own calendar: formatting from several at once must
 * give every thread its own right answers. */
static void *format_many(void *arg)
{
	int64_t base = *(const int64_t *)arg;
	struct arena ta;
	struct buf tb;
	arena_init(&ta, 0);
	buf_init(&tb, &ta, 0);
	char want[32];
	int wrong = 0;
	for (int i = 0; i < 2000; i++) {
		buf_reset(&tb);
		fmt_datetime(&tb, base + (i % 60) * 60);
		snprintf(want, sizeof want, "28.11.2026 kl. 09:%02d", i % 60);
		wrong += strcmp(buf_str(&tb), want) != 0;
	}
	arena_free(&ta);
	return wrong ? (void *)1 : NULL;
}

static void test_fmt_threads(void **state)
{
	(void)state;
	pthread_t t[4];
	static const int64_t base = 1795852800;   /* 2026-11-28T08:00:00Z */
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, format_many, (void *)&base), 0);
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		assert_null(r);
	}
}

int main(void)
{
	arena_init(&arena, 0);
	buf_init(&b, &arena, 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_message_present),
		cmocka_unit_test(test_conversion_parser),
		cmocka_unit_test(test_conversions_agree),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_fmt_int),
		cmocka_unit_test(test_fmt_date),
		cmocka_unit_test(test_fmt_threads),
	};
	int rc = cmocka_run_group_tests_name("i18n", tests, NULL, NULL);
	arena_free(&arena);
	return rc;
}
