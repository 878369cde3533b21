/* fuzz_markdown.c — html_markdown and markdown_plain (src/html/markdown.c).
 * Raw HTML in the source must come out as text: every '<' in the output must
 * open one of the tags the renderer itself writes (so no "<script", no
 * "<img", no other element, ever), and every href must be one the URL filter
 * allows (never javascript:, data:, vbscript: ...). The word "javascript:"
 * may still appear as escaped text, which is harmless. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/buf.h"
#include "html/markdown.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const allowed_tags[] = {
	"h1>", "h2>", "h3>", "h4>", "h5>", "h6>", "/h1>", "/h2>", "/h3>", "/h4>", "/h5>", "/h6>",
	"p>", "/p>", "code>", "/code>", "pre>", "/pre>", "br>", "hr>", "em>", "/em>",
	"strong>", "/strong>", "blockquote>", "/blockquote>", "ol>", "/ol>", "ul>", "/ul>",
	"li>", "/li>", "a class=\"ds-link\" href=\"", "/a>",
};

static void check_html(const char *s)
{
	if (strstr(s, "<script") || strstr(s, "<img") || strstr(s, "<SCRIPT") || strstr(s, "<IMG"))
		abort();
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
		bool known = false;
		for (size_t i = 0; i < sizeof allowed_tags / sizeof *allowed_tags; i++)
			if (strncmp(p + 1, allowed_tags[i], strlen(allowed_tags[i])) == 0)
				known = true;
		if (!known)
			abort();
	}
	for (const char *p = strstr(s, "href=\""); p; p = strstr(p + 1, "href=\"")) {
		const char *v = p + 6;
		while (*v && *v != '"' && (unsigned char)*v <= ' ')
			v++;
		const char *colon = strpbrk(v, ":/?#\"");
		if (colon && *colon == ':') {
			size_t n = (size_t)(colon - v);
			if (!((n == 4 && strncasecmp(v, "http", 4) == 0) ||
			      (n == 5 && strncasecmp(v, "https", 5) == 0) ||
			      (n == 6 && strncasecmp(v, "mailto", 6) == 0)))
				abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, 16u << 20);
	char *src = arena_strndup(&a, (const char *)data, size);
	if (!src)
		abort();
	struct buf b;
	buf_init(&b, &a, 0);
	struct html h;
	html_init(&h, &b, LANG_NB);
	int base = size ? 1 + data[0] % 6 : 1;
	html_markdown(&h, src, base);
	if (b.err == OK)
		check_html(buf_str(&b));
	(void)markdown_plain(&a, src);
	arena_free(&a);
	return 0;
}
