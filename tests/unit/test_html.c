/* test_html.c — the HTML writer cannot be made to inject: hostile text and
 * attribute values are escaped, unsafe URL schemes are refused in every
 * spelling browsers accept, and URL building percent-encodes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "html/html.h"

struct fixture {
	struct arena a;
	struct buf b;
	struct html h;
};

static int setup(void **state)
{
	static struct fixture f;
	arena_init(&f.a, 0);
	buf_init(&f.b, &f.a, 0);
	html_init(&f.h, &f.b, LANG_NB);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	arena_free(&f->a);
	return 0;
}

static const char *out(struct fixture *f)
{
	assert_int_equal(f->b.err, OK);
	return buf_str(&f->b);
}

static void test_text_escapes(void **state)
{
	struct fixture *f = *state;
	html_text(&f->h, "<script>alert(1)</script>");
	assert_string_equal(out(f), "&lt;script&gt;alert(1)&lt;/script&gt;");
	buf_reset(&f->b);
	html_text(&f->h, "\"><img src=x onerror=alert(1)>");
	assert_string_equal(out(f), "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
	buf_reset(&f->b);
	html_text(&f->h, "O'Brien & Sønn");
	assert_string_equal(out(f), "O&#39;Brien &amp; Sønn");
	buf_reset(&f->b);
	html_text(&f->h, NULL);
	html_text(&f->h, "");
	assert_string_equal(out(f), "");
}

static void test_attr_escapes(void **state)
{
	struct fixture *f = *state;
	HTML_LIT(&f->h, "<input");
	HTML_ATTR(&f->h, "value", "\"><img src=x onerror=alert(1)>");
	HTML_ATTR(&f->h, "title", "' onmouseover='x");
	HTML_ATTR_INT(&f->h, "maxlength", 200);
	HTML_LIT(&f->h, ">");
	assert_string_equal(out(f), "<input value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""
				    " title=\"&#39; onmouseover=&#39;x\" maxlength=\"200\">");
}

static void test_numbers_and_messages(void **state)
{
	struct fixture *f = *state;
	html_int(&f->h, -1234);
	HTML_LIT(&f->h, "|");
	html_num(&f->h, 100000);
	HTML_LIT(&f->h, "|");
	html_msg(&f->h, MSG_ERROR_SUMMARY);
	HTML_LIT(&f->h, "|");
	html_msgf(&f->h, MSG_HOME_WELCOME, "<b>Kari</b>");
	assert_string_equal(out(f), "-1234|100\xc2\xa0" "000|Rett opp dette:|Velkommen, &lt;b&gt;Kari&lt;/b&gt;");
}

static void test_msgf_long(void **state)
{
	struct fixture *f = *state;
	char name[2000];
	memset(name, '&', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	html_msgf(&f->h, MSG_HOME_WELCOME, name);
	const char *s = out(f);
	assert_int_equal(strlen(s), strlen("Velkommen, ") + (sizeof name - 1) * 5);
	assert_null(strstr(s, "&&"));
}

static void test_date(void **state)
{
	struct fixture *f = *state;
	html_date(&f->h, 1795853100);           /* 2026-11-28T08:05:00Z */
	HTML_LIT(&f->h, "|");
	html_datetime(&f->h, 1795853100);
	assert_string_equal(out(f), "28.11.2026|28.11.2026 kl. 09:05");
}

static void url_is(struct fixture *f, const char *url, const char *expect)
{
	buf_reset(&f->b);
	HTML_URL(&f->h, "href", url);
	char want[512];
	snprintf(want, sizeof want, " href=\"%s\"", expect);
	assert_string_equal(out(f), want);
}

static void test_url_allowed(void **state)
{
	struct fixture *f = *state;
	url_is(f, "/units/12", "/units/12");
	url_is(f, "/", "/");
	url_is(f, "?page=2&q=a", "?page=2&amp;q=a");
	url_is(f, "#main", "#main");
	url_is(f, "https://www.uutilsynet.no/", "https://www.uutilsynet.no/");
	url_is(f, "http://example.no/a", "http://example.no/a");
	url_is(f, "HTTPS://EXAMPLE.NO", "HTTPS://EXAMPLE.NO");
	url_is(f, "mailto:post@example.no", "mailto:post@example.no");
	url_is(f, "/search?q=\"><script>", "/search?q=&quot;&gt;&lt;script&gt;");
}

static void test_url_refused(void **state)
{
	struct fixture *f = *state;
	static const char *const bad[] = {
		"javascript:alert(1)",
		"JaVaScRiPt:alert(1)",
		" JaVaScRiPt:alert(1)",
		"\x01\x02javascript:alert(1)",
		"java\tscript:alert(1)",
		"java\nscript:alert(1)",
		"java\rscript:alert(1)",
		"\tjavascript:alert(1)",
		"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
		"DATA:text/html,<script>alert(1)</script>",
		"vbscript:msgbox(1)",
		" VBScript:msgbox(1)",
		"//evil.example/",
		"/\\evil.example/",
		"/\t/evil.example/",
		"\\\\evil.example",
		"units/12",
		"file:///etc/passwd",
		"",
		NULL,
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		url_is(f, bad[i], "#");
}

static void test_url_encode(void **state)
{
	struct fixture *f = *state;
	url_encode(&f->b, "Blåbær og ØL ~a-b_c.d/e?f&g=h%");
	assert_string_equal(out(f), "Bl%C3%A5b%C3%A6r%20og%20%C3%98L%20~a-b_c.d%2Fe%3Ff%26g%3Dh%25");
}

static void test_url_path(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(url_path(&f->a, "/units/%lld", 12LL), "/units/12");
	assert_string_equal(url_path(&f->a, "/units/%lld/edit", -3LL), "/units/-3/edit");
	assert_string_equal(url_path(&f->a, "/people?q=%s&page=%lld", "Åse Ødegård", 2LL),
			    "/people?q=%C3%85se%20%C3%98deg%C3%A5rd&page=2");
	assert_string_equal(url_path(&f->a, "/x/%s", "../../etc"), "/x/..%2F..%2Fetc");
	assert_string_equal(url_path(&f->a, "/x/%s", (const char *)NULL), "/x/");
	assert_string_equal(url_path(&f->a, "/100%%"), "/100%");
	assert_string_equal(url_path(&f->a, "/bad/%d", 1), "#");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_text_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attr_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_numbers_and_messages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_msgf_long, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date, setup, teardown),
		cmocka_unit_test_setup_teardown(test_url_allowed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_url_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_url_encode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_url_path, setup, teardown),
	};
	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
