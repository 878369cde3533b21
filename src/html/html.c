/* html.c — the escaping HTML writer. Every byte of text and attribute value
 * passes through one escaper (& < > " ' become entities); markup enters only
 * as string literals through HTML_LIT; URLs in attributes are checked against
 * a short allow-list of forms (relative to this site, http:, https:, mailto:)
 * after the same normalisation browsers apply, so "JaVaScRiPt:" hidden behind
 * spaces, tabs or newlines cannot slip through. Numbers and dates come from
 * the Norwegian formats in i18n/. */
#include "html/html.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "base/log.h"

void html_init(struct html *h, struct buf *b, enum lang lang)
{
	h->b = b;
	h->lang = lang;
}

void html_lit_(struct html *h, const char *s, size_t n)
{
	buf_add(h->b, s, n);
}

/* The entity of each byte that needs one, NULL for the rest: one load a
 * byte decides, and the runs between specials are copied whole. */
static const char *const entity[256] = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;",
};

static void escape(struct buf *b, const char *s)
{
	const char *run = s;
	for (; *s; s++) {
		const char *ent = entity[(unsigned char)*s];
		if (!ent)
			continue;
		buf_add(b, run, (size_t)(s - run));
		buf_puts(b, ent);
		run = s + 1;
	}
	buf_add(b, run, (size_t)(s - run));
}

void html_text(struct html *h, const char *s)
{
	if (s)
		escape(h->b, s);
}

void html_int(struct html *h, int64_t v)
{
	buf_int(h->b, v);
}

/* The formats below write digits, '.', ':', "kl." and U+00A0 only: nothing
 * that needs escaping. */
void html_num(struct html *h, int64_t v)
{
	fmt_int(h->b, v);
}

void html_date(struct html *h, int64_t epoch)
{
	fmt_date(h->b, epoch);
}

void html_datetime(struct html *h, int64_t epoch)
{
	fmt_datetime(h->b, epoch);
}

void html_msg(struct html *h, enum msg m)
{
	escape(h->b, msg(h->lang, m));
}

void html_msgf(struct html *h, enum msg m, ...)
{
	const char *fmt = msg(h->lang, m);
	char small[256];
	va_list ap;
	/* The format is a catalogue string, never user data: msg() returns only
	 * entries of the compiled-in table, and test_i18n checks that nb, nn and
	 * en hold the same conversions, so the caller's arguments match all three. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	va_start(ap, m);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		escape(h->b, small);
		return;
	}
	char *big = arena_alloc(h->b->arena, (size_t)n + 1);
	if (!big) {
		h->b->err = ERR_TOO_BIG;
		return;
	}
	va_start(ap, m);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
#pragma GCC diagnostic pop
	escape(h->b, big);
}

void html_attr_(struct html *h, const char *name, const char *value)
{
	buf_putc(h->b, ' ');
	buf_puts(h->b, name);
	buf_add(h->b, "=\"", 2);
	if (value)
		escape(h->b, value);
	buf_putc(h->b, '"');
}

void html_attr_int_(struct html *h, const char *name, int64_t v)
{
	buf_putc(h->b, ' ');
	buf_puts(h->b, name);
	buf_add(h->b, "=\"", 2);
	buf_int(h->b, v);
	buf_putc(h->b, '"');
}

/* Browsers drop leading C0 controls and spaces and remove tab, LF and CR
 * anywhere before they look for a scheme; we read the URL the same way. */
static int url_skip(int c)
{
	return c == '\t' || c == '\n' || c == '\r';
}

static int url_next(const char **p)
{
	while (url_skip((unsigned char)**p))
		(*p)++;
	return (unsigned char)*(*p)++;
}

static int url_is_safe(const char *url)
{
	const char *p = url;
	while (*p && (unsigned char)*p <= 0x20)
		p++;
	int c = url_next(&p);
	if (c == '/') {
		c = url_next(&p);
		return c != '/' && c != '\\';  /* "//host" and "/\host" leave the site */
	}
	if (c == '?' || c == '#')
		return 1;
	char scheme[8];
	size_t n = 0;
	for (; c && c != ':'; c = url_next(&p)) {
		if (n + 1 >= sizeof scheme)
			return 0;
		scheme[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	if (c != ':')
		return 0;
	scheme[n] = '\0';
	return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
	       strcmp(scheme, "mailto") == 0;
}

void html_attr_url_(struct html *h, const char *name, const char *url)
{
	if (!url || !url_is_safe(url)) {
		log_error("html: refused URL in %s attribute", name);
		url = "#";
	}
	html_attr_(h, name, url);
}

static bool url_unreserved(unsigned c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~';
}

void url_encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	if (!s)
		return;
	const unsigned char *p = (const unsigned char *)s, *run = p;
	for (; *p; p++) {
		if (url_unreserved(*p))
			continue;
		buf_add(b, run, (size_t)(p - run));
		char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
		buf_add(b, e, 3);
		run = p + 1;
	}
	buf_add(b, run, (size_t)(p - run));
}

void url_begin(struct url_builder *u, struct arena *a, const char *path)
{
	buf_init(&u->b, a, 0);
	buf_puts(&u->b, path);
	u->sep = strchr(path, '?') ? '&' : '?';
}

static void url_param_name(struct url_builder *u, const char *name)
{
	buf_putc(&u->b, u->sep);
	buf_puts(&u->b, name);
	buf_putc(&u->b, '=');
	u->sep = '&';
}

void url_param_int(struct url_builder *u, const char *name, int64_t v)
{
	url_param_name(u, name);
	buf_int(&u->b, v);
}

void url_param_str(struct url_builder *u, const char *name, const char *v)
{
	if (!v || !*v)
		return;
	url_param_name(u, name);
	url_encode(&u->b, v);
}

const char *url_end(struct url_builder *u)
{
	return u->b.err ? "" : buf_str(&u->b);
}

char *url_path(struct arena *a, const char *fmt, ...)
{
	struct buf b;
	buf_init(&b, a, 0);
	va_list ap;
	va_start(ap, fmt);
	for (const char *p = fmt; *p;) {
		if (*p != '%') {
			size_t n = strcspn(p, "%");
			buf_add(&b, p, n);
			p += n;
		} else if (strncmp(p, "%lld", 4) == 0) {
			buf_int(&b, va_arg(ap, long long));
			p += 4;
		} else if (p[1] == 's') {
			url_encode(&b, va_arg(ap, const char *));
			p += 2;
		} else if (p[1] == '%') {
			buf_putc(&b, '%');
			p += 2;
		} else {
			/* our bug: a conversion the caller's arguments cannot match */
			log_error("url_path: unsupported format \"%s\"", fmt);
			va_end(ap);
			return arena_strdup(a, "#");
		}
	}
	va_end(ap);
	if (b.err)
		return NULL;
	return b.data ? b.data : arena_strdup(a, "");
}
