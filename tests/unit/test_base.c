/* test_base.c — the base layer: the arena's cap (over it: a refusal, not a
 * crash, so the server can answer 413), the builder's sticky error, the JSON
 * writer's commas and escaping, strict UTF-8, trimming, ICU folding and
 * Norwegian collation (æ, ø, å after z), and token and password hashing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "base/crypto.h"
#include "base/json.h"
#include "base/text.h"
#include "base/utf8.h"

static void test_arena_cap(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 1024);
	assert_non_null(arena_alloc(&a, 500));
	assert_false(a.over_cap);
	assert_null(arena_alloc(&a, 600));
	assert_true(a.over_cap);
	assert_null(arena_alloc(&a, SIZE_MAX));   /* overflow of the rounding is refused too */
	arena_reset(&a);
	assert_false(a.over_cap);
	char *s = arena_printf(&a, "%s-%d", "enhet", 7);
	assert_string_equal(s, "enhet-7");
	assert_null(arena_strdup(&a, NULL));
	assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
	unsigned char *z = arena_alloc(&a, 64);
	for (int i = 0; i < 64; i++)
		assert_int_equal(z[i], 0);
	arena_free(&a);
}

static void test_buf_sticky_error(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct buf b;
	buf_init(&b, &a, 8);
	assert_string_equal(buf_str(&b), "");
	buf_puts(&b, "12345");
	buf_int(&b, 678);
	assert_string_equal(buf_str(&b), "12345678");
	buf_putc(&b, '9');                   /* over max: sticky */
	assert_int_equal(b.err, ERR_TOO_BIG);
	buf_puts(&b, "x");
	assert_int_equal(b.err, ERR_TOO_BIG);
	assert_string_equal(buf_str(&b), "");   /* never a truncated result */
	struct buf c;
	buf_init(&c, &a, 0);
	for (int i = 0; i < 10000; i++)
		buf_printf(&c, "%d,", i % 10);
	assert_int_equal(c.len, 20000);
	arena_free(&a);
}

static void test_json_writer(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct buf b;
	buf_init(&b, &a, 0);
	struct jw w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kstr(&w, "name", "Ærlig \"sjef\"\n<script>");
	jw_kint(&w, "id", -5);
	jw_kid(&w, "parent_id", 0);
	jw_kbool(&w, "active", true);
	jw_ktime(&w, "at", 1801387800);     /* RFC 3339 in UTC */
	jw_ktime(&w, "never", 0);
	jw_key(&w, "items");
	jw_arr(&w);
	jw_int(&w, 1);
	jw_obj(&w);
	jw_obj_end(&w);
	jw_str(&w, NULL);
	jw_arr_end(&w);
	jw_obj_end(&w);
	assert_string_equal(buf_str(&b),
		"{\"name\":\"Ærlig \\\"sjef\\\"\\n\\u003cscript>\",\"id\":-5,\"parent_id\":null,"
		"\"active\":true,\"at\":\"2027-01-31T09:30:00Z\",\"never\":null,\"items\":[1,{},null]}");
	buf_reset(&b);
	json_escape(&b, "\x01\t\\");
	assert_string_equal(buf_str(&b), "\\u0001\\t\\\\");
	arena_free(&a);
}

static void test_utf8(void **state)
{
	(void)state;
	const char *good = "Åse Øyvind Ærlig – 😀\tx\n";
	assert_true(utf8_valid_text(good, strlen(good)));
	assert_false(utf8_valid_text("\xc3", 1));                /* truncated */
	assert_false(utf8_valid_text("\xc0\xaf", 2));            /* overlong '/' */
	assert_false(utf8_valid_text("\xed\xa0\x80", 3));        /* surrogate */
	assert_false(utf8_valid_text("\xf4\x90\x80\x80", 4));    /* above U+10FFFF */
	assert_false(utf8_valid_text("a\0b", 3));                 /* NUL */
	assert_false(utf8_valid_text("a\x1b", 2));               /* escape */
	assert_int_equal(utf8_len("æøå"), 3);
	char s[] = "\xc2\xa0  Kari Østby \t\xc2\xa0";
	assert_string_equal(str_trim(s), "Kari Østby");
	char e[] = "   ";
	assert_string_equal(str_trim(e), "");
}

static void test_text_fold_and_collation(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	assert_string_equal(text_fold(&a, "ÆRLIG Østby ÅSE"), "ærlig østby åse");
	assert_string_equal(text_fold(&a, "Straße"), "strasse");
	assert_null(text_fold(&a, "\xc3"));
#define CMP(x, y) text_collate_nb((x), (int)strlen(x), (y), (int)strlen(y))
	assert_true(CMP("Zahl", "Ærlig") < 0);
	assert_true(CMP("Ærlig", "Østby") < 0);
	assert_true(CMP("Østby", "Åse") < 0);
	assert_true(CMP("Åse", "Aasen") < 0);    /* Norwegian rule: "aa" sorts as "å" */
	assert_true(CMP("Zahl", "Aasen") < 0);
	assert_int_equal(CMP("Kari", "Kari"), 0);
#undef CMP
	text_shutdown();
	arena_free(&a);
}

/* Sort keys order as the collation does, by memcmp then length. */
static int key_cmp(struct arena *a, const char *x, const char *y)
{
	size_t nx, ny;
	const unsigned char *kx = text_sort_key(a, x, &nx), *ky = text_sort_key(a, y, &ny);
	assert_non_null(kx);
	assert_non_null(ky);
	int c = memcmp(kx, ky, nx < ny ? nx : ny);
	c = c ? c : (nx > ny) - (nx < ny);
	return (c > 0) - (c < 0);
}

static void test_text_sort_key(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	static const char *const names[] = { "Zahl", "Ærlig", "Østby", "Åse", "Aasen", "Kari",
					     "kari", "Kari Nordmann", "Karianne", "anne", "Anne",
					     "Éva", "Eva", "Straße", "Strasse", "O'Brien", "Ola" };
	size_t n = sizeof names / sizeof *names;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int c = text_collate_nb(names[i], (int)strlen(names[i]), names[j],
						(int)strlen(names[j]));
			assert_int_equal(key_cmp(&a, names[i], names[j]), (c > 0) - (c < 0));
		}
	size_t len = 1;
	assert_null(text_sort_key(&a, "\xc3", &len));
	assert_int_equal(len, 0);
	text_shutdown();
	arena_free(&a);
}

static void test_crypto(void **state)
{
	(void)state;
	assert_int_equal(crypto_init(), 0);
	char t1[TOKEN_HEX_LEN + 1], t2[TOKEN_HEX_LEN + 1];
	token_random_hex(t1);
	token_random_hex(t2);
	assert_int_equal(strlen(t1), 64);
	assert_string_not_equal(t1, t2);
	char h[HASH_HEX_LEN + 1];
	token_hash_hex("abc", h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	char ph[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash("riktig-passord-1", ph), 0);
	assert_true(password_verify(ph, "riktig-passord-1"));
	assert_false(password_verify(ph, "feil-passord-1"));
	assert_false(password_verify("not a hash", "x"));
	assert_false(password_verify(NULL, "x"));
	assert_true(str_equal_ct("abc", "abc"));
	assert_false(str_equal_ct("abc", "abd"));
	assert_false(str_equal_ct("abc", "abcd"));
	assert_false(str_equal_ct(NULL, "abc"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena_cap),
		cmocka_unit_test(test_buf_sticky_error),
		cmocka_unit_test(test_json_writer),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_text_fold_and_collation),
		cmocka_unit_test(test_text_sort_key),
		cmocka_unit_test(test_crypto),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
