/* response.c — building the buffered response a handler returns: status,
 * extra headers, a long-lived body sent without a copy, 303 redirects and
 * Set-Cookie lines. The server adds the
 * content type, cache control and security headers when it sends it. */
#include "http/http.h"

#include <string.h>

#include "base/log.h"

enum { RESP_BODY_MAX = 64 * 1024 * 1024, COOKIE_MAX = 4096 };

void http_resp_init(struct http_resp *w, struct arena *a)
{
	memset(w, 0, sizeof *w);
	w->status = 200;
	w->content_type = "text/html; charset=utf-8";
	w->cache_control = "no-store";
	buf_init(&w->body, a, RESP_BODY_MAX);
}

void http_resp_header(struct http_resp *w, const char *name, const char *value)
{
	if (w->nheaders >= HTTP_MAX_HEADERS) {
		log_error("response header %s dropped: more than %d headers", name,
			  HTTP_MAX_HEADERS);
		return;
	}
	w->headers[w->nheaders++] = (struct http_header){ .name = name, .value = value };
}

void http_resp_static(struct http_resp *w, const void *data, size_t len)
{
	w->static_body = data;
	w->static_len = len;
}

void http_redirect(struct http_resp *w, const char *location)
{
	w->status = 303;
	http_resp_header(w, "Location", location);
}

/* RFC 6265 cookie-octet, and token characters for the name. */
static bool cookie_value_ok(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\')
			return false;
	}
	return true;
}

static bool cookie_name_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c <= 0x20 || c >= 0x7f || strchr("()<>@,;:\\\"/[]?={}", c))
			return false;
	}
	return true;
}

void http_set_cookie(struct http_resp *w, struct arena *a, const char *name, const char *value,
		     long max_age, bool secure)
{
	if (!name || !value || !cookie_name_ok(name) || !cookie_value_ok(value)) {
		log_error("cookie %s not set: invalid name or value", name ? name : "(null)");
		return;
	}
	struct buf b;
	buf_init(&b, a, COOKIE_MAX);
	buf_printf(&b, "%s=%s; Path=/; HttpOnly; SameSite=Lax", name, value);
	if (secure)
		buf_puts(&b, "; Secure");
	if (max_age >= 0)
		buf_printf(&b, "; Max-Age=%ld", max_age);
	if (b.err) {
		log_error("cookie %s not set: too long", name);
		return;
	}
	http_resp_header(w, "Set-Cookie", b.data);
}
