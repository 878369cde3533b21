/* fuzz_form.c — form decoding (src/http/form.c): http_unescape, the
 * urlencoded parser and http_parse_body (urlencoded and multipart) on a fake
 * request. Input: the Content-Type header value up to the first '\n', then
 * the body. Checks that a successful parse leaves valid fields. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/utf8.h"
#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fake_conn { const char *content_type; };

static const char *fake_header(void *conn, const char *name)
{
	struct fake_conn *c = conn;
	return strcmp(name, "Content-Type") == 0 ? c->content_type : NULL;
}

static void check_form(const struct http_form *f, bool text_only)
{
	if (f->n < 0 || f->n > HTTP_MAX_FIELDS)
		abort();
	for (int i = 0; i < f->n; i++) {
		const struct http_field *fl = &f->fields[i];
		if (!fl->name || !fl->value || !utf8_valid_text(fl->name, strlen(fl->name)))
			abort();
		if (fl->value[fl->len] != '\0')
			abort();
		if ((text_only || !fl->filename) && !utf8_valid_text(fl->value, fl->len))
			abort();
		if (http_form_field(f, fl->name) == NULL)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	struct arena a;
	arena_init(&a, 1u << 20);
	struct http_form *f = arena_alloc(&a, sizeof *f);
	if (!f)
		abort();

	/* The whole input as a query string / urlencoded body. */
	size_t len;
	char *u = http_unescape(&a, in, size, true, &len);
	if (u && (u[len] != '\0' || len > size))
		abort();
	u = http_unescape(&a, in, size, false, &len);
	if (u && (u[len] != '\0' || len > size))
		abort();
	if (http_parse_urlencoded(&a, in, size, f) == 0)
		check_form(f, true);

	/* Content-Type line, then the body, through http_parse_body. */
	const char *nl = memchr(in, '\n', size);
	size_t ct_len = nl ? (size_t)(nl - in) : size;
	char *ct = arena_strndup(&a, in, ct_len);
	struct fake_conn conn = { ct };
	struct http_req r = {
		.arena = &a, .method = "POST", .path = "/", .query = "",
		.body = nl ? nl + 1 : in + size, .body_len = nl ? size - ct_len - 1 : 0,
		.remote_addr = "127.0.0.1", .conn_ = &conn, .header_fn_ = fake_header,
	};
	memset(f, 0, sizeof *f);
	if (ct && http_parse_body(&r, f) == 0)
		check_form(f, false);
	arena_free(&a);
	return 0;
}
