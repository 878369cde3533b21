/* test_api_cursor.c — the API's opaque cursors and ?limit= rule: cursors
 * round-trip any name (æøå, spaces, punctuation, base64 and URL special
 * characters) with its id, come out URL-safe, and anything a client could
 * have forged or truncated is refused rather than half-read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "api/api.h"

static void round_trip(struct arena *a, const char *key, int64_t id)
{
	char *s = api_cursor_encode(a, key, id);
	assert_non_null(s);
	assert_true(strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
		    strlen(s));
	const char *k = NULL;
	int64_t v = 0;
	assert_int_equal(api_cursor_decode(a, s, &k, &v), OK);
	assert_string_equal(k, key);
	assert_true(v == id);
}

static void test_round_trip(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1 << 20);
	round_trip(&a, "Ærlige Øystein Åsen", 1);
	round_trip(&a, "æøå ÆØÅ", 42);
	round_trip(&a, "Berg, Kari-Anne (HR) / 50% + 1 = ?&#", 7);
	round_trip(&a, "a|b;c:d=e\"f'g\\h", 123456789);
	round_trip(&a, "", 5);
	round_trip(&a, "1", INT64_MAX);
	round_trip(&a, "José Ñandú 日本", 9);
	arena_free(&a);
}

static void test_encode_refuses(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1 << 20);
	assert_null(api_cursor_encode(&a, NULL, 1));
	assert_null(api_cursor_encode(&a, "x", 0));
	assert_null(api_cursor_encode(&a, "x", -3));
	assert_null(api_cursor_encode(&a, "a\x1f" "b", 1));   /* the separator itself */
	assert_null(api_cursor_encode(&a, "a\nb", 1));
	assert_null(api_cursor_encode(&a, "\xc3\x28", 1));    /* invalid UTF-8 */
	arena_free(&a);
}

/* base64url (no padding) of a raw byte string, for forging cursors. */
static const char *b64(struct arena *a, const char *raw, size_t n)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	char *out = arena_alloc(a, n / 3 * 4 + 5);
	size_t o = 0;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)(unsigned char)raw[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)(unsigned char)raw[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)raw[i + 2];
		out[o++] = digits[(v >> 18) & 63];
		out[o++] = digits[(v >> 12) & 63];
		if (i + 1 < n)
			out[o++] = digits[(v >> 6) & 63];
		if (i + 2 < n)
			out[o++] = digits[v & 63];
	}
	out[o] = '\0';
	return out;
}

static void test_garbage_rejected(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1 << 20);
	const char *k;
	int64_t v;
	static const char *const bad[] = {
		"", "!", "abc$", "a b", "====", "QQ==", "QUJD+/", "A", "Zm9v\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(api_cursor_decode(&a, bad[i], &k, &v), ERR_INVALID);
	assert_int_equal(api_cursor_decode(&a, NULL, &k, &v), ERR_INVALID);

	/* Well-formed base64url of contents encode cannot make. */
	static const struct { const char *raw; size_t n; } forged[] = {
		{ "Kari", 4 },                         /* no separator */
		{ "Kari\x1f", 5 },                     /* no id */
		{ "Kari\x1f" "0", 6 },                 /* id not positive */
		{ "Kari\x1f-5", 7 },
		{ "Kari\x1f" "012", 8 },               /* leading zero */
		{ "Kari\x1f" "12a", 8 },
		{ "Kari\x1f" "99999999999999999999", 25 },   /* over int64 */
		{ "Ka\0ri\x1f" "1", 7 },               /* NUL inside */
		{ "Ka\nri\x1f" "1", 7 },               /* control character in the key */
		{ "\xff\xfe\x1f" "1", 4 },             /* key not UTF-8 */
	};
	for (size_t i = 0; i < sizeof forged / sizeof forged[0]; i++)
		assert_int_equal(api_cursor_decode(&a, b64(&a, forged[i].raw, forged[i].n), &k, &v),
				 ERR_INVALID);

	/* A real cursor, truncated or altered, is refused or reads differently
	 * but never crashes; the non-canonical last digit is refused. */
	char *s = api_cursor_encode(&a, "Øyvind", 77);
	size_t n = strlen(s);
	s[n - 1] = s[n - 1] == 'B' ? 'C' : 'B';
	enum err e = api_cursor_decode(&a, s, &k, &v);
	assert_true(e == ERR_INVALID || (e == OK && v != 77));
	s[n - 1] = '\0';
	assert_int_equal(api_cursor_decode(&a, s, &k, &v), ERR_INVALID);

	/* Too long to be one of ours. */
	char *longer = arena_alloc(&a, API_CURSOR_MAX + 2);
	memset(longer, 'A', API_CURSOR_MAX + 1);
	assert_int_equal(api_cursor_decode(&a, longer, &k, &v), ERR_INVALID);
	arena_free(&a);
}

static void test_forged_separators(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1 << 20);
	const char *k;
	int64_t v;
	/* Two separators: the key would hold one, which encode never makes. */
	assert_int_equal(api_cursor_decode(&a, b64(&a, "a\x1f" "b\x1f" "3", 5), &k, &v),
			 ERR_INVALID);
	/* The id is what follows the last separator; digits in names are fine. */
	assert_int_equal(api_cursor_decode(&a, b64(&a, "Avd. 12\x1f" "34", 10), &k, &v), OK);
	assert_string_equal(k, "Avd. 12");
	assert_true(v == 34);
	arena_free(&a);
}

static void test_limit(void **state)
{
	(void)state;
	int n = 0;
	assert_int_equal(api_limit_parse(NULL, &n), OK);
	assert_int_equal(n, API_LIMIT_DEFAULT);
	assert_int_equal(n, 50);
	assert_int_equal(api_limit_parse("1", &n), OK);
	assert_int_equal(n, 1);
	assert_int_equal(api_limit_parse("500", &n), OK);
	assert_int_equal(n, 500);
	assert_int_equal(api_limit_parse("77", &n), OK);
	assert_int_equal(n, 77);
	static const char *const bad[] = {
		"", "0", "501", "1000", "-1", "+5", " 5", "5 ", "05", "1e2", "5.0", "abc",
		"99999999999999999999999",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(api_limit_parse(bad[i], &n), ERR_INVALID);
}

static void test_parse_id(void **state)
{
	(void)state;
	int64_t v = 0;
	assert_true(api_parse_id("1", &v) && v == 1);
	assert_true(api_parse_id("9223372036854775807", &v) && v == INT64_MAX);
	assert_false(api_parse_id("9223372036854775808", &v));
	assert_false(api_parse_id("0", &v));
	assert_false(api_parse_id("", &v));
	assert_false(api_parse_id(NULL, &v));
	assert_false(api_parse_id("12x", &v));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_encode_refuses),
		cmocka_unit_test(test_garbage_rejected),
		cmocka_unit_test(test_forged_separators),
		cmocka_unit_test(test_limit),
		cmocka_unit_test(test_parse_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
