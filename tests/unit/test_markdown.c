/* test_markdown.c — rich text is Markdown written through the escaping
 * writer: raw HTML shows as text, unsafe links become "#", headings are
 * shifted under the page's own, and the plain-text form drops markup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include "html/markdown.h"

static const char *render(struct arena *a, const char *src, int base)
{
	struct buf b;
	buf_init(&b, a, 0);
	struct html h;
	html_init(&h, &b, LANG_NB);
	html_markdown(&h, src, base);
	return buf_str(&b);
}

static void test_basic(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	assert_string_equal(render(&a, "# Visjon\n\nVi *utvikler* **kompetanse** for framtida.", 2),
			    "<h2>Visjon</h2>\n<p>Vi <em>utvikler</em> <strong>kompetanse</strong> for framtida.</p>\n");
	assert_string_equal(render(&a, "- én\n- to\n", 1), "<ul>\n<li>én</li>\n<li>to</li>\n</ul>\n");
	assert_string_equal(render(&a, "# a\n## b\n### c\n#### d\n##### dypt", 3),
			    "<h3>a</h3>\n<h4>b</h4>\n<h5>c</h5>\n<h6>d</h6>\n<h6>dypt</h6>\n");
	/* no skipped level: "###" first under an h2 is an h3 (vnu: an error) */
	assert_string_equal(render(&a, "### Åpen\n\ntekst\n\n##### djupt\n\n# topp", 3),
			    "<h3>Åpen</h3>\n<p>tekst</p>\n<h4>djupt</h4>\n<h3>topp</h3>\n");
	assert_string_equal(render(&a, "", 1), "");
	assert_string_equal(render(&a, NULL, 1), "");
	arena_free(&a);
}

static void test_hostile(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	const char *out = render(&a, "<script>alert(1)</script>\n\nHei <img src=x onerror=alert(1)> du", 2);
	assert_null(strstr(out, "<script"));
	assert_null(strstr(out, "<img"));
	assert_non_null(strstr(out, "&lt;script&gt;"));
	out = render(&a, "[klikk](javascript:alert(1)) [ok](https://www.regjeringen.no/)", 2);
	assert_null(strstr(out, "javascript:"));
	assert_non_null(strstr(out, "href=\"https://www.regjeringen.no/\""));
	out = render(&a, "![bilde](https://example.org/x.png)", 2);
	assert_null(strstr(out, "<img"));
	out = render(&a, "`<b>` og \"sitat\" & 'apostrof'", 2);
	assert_non_null(strstr(out, "<code>&lt;b&gt;</code>"));
	assert_null(strstr(out, "<b>"));
	arena_free(&a);
}

static void test_plain(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	assert_string_equal(markdown_plain(&a, "# Mål\n\nVi *skal* lykkes.\n"), "Mål Vi skal lykkes. ");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_plain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
