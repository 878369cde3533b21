/* test_http.c — unit tests of the protocol layer without a socket: form
 * decoding (urlencoded and multipart), cookies through a fake header lookup,
 * route matching, response helpers and the metrics text format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "http/http.h"

/* A fake connection: a NULL-terminated list of name/value pairs. */
static const char *fake_header(void *conn, const char *name)
{
	const char *const *h = conn;
	for (; h[0]; h += 2)
		if (strcasecmp(h[0], name) == 0)
			return h[1];
	return NULL;
}

static void req_init(struct http_req *r, struct arena *a, const char *const *headers)
{
	memset(r, 0, sizeof *r);
	r->arena = a;
	r->method = "GET";
	r->path = "/";
	r->query = "";
	r->body = "";
	r->conn_ = (void *)headers;
	r->header_fn_ = fake_header;
}

static int parse_str(struct arena *a, const char *s, struct http_form *f)
{
	f->n = 0;
	return http_parse_urlencoded(a, s, strlen(s), f);
}

static void test_urlencoded_basic(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	static struct http_form f;
	assert_int_equal(parse_str(&a, "name=Kari+Nordmann&email=kari%40example.no&empty=&flag", &f), 0);
	assert_int_equal(f.n, 4);
	assert_string_equal(http_form_get(&f, "name"), "Kari Nordmann");
	assert_string_equal(http_form_get(&f, "email"), "kari@example.no");
	assert_string_equal(http_form_get(&f, "empty"), "");
	assert_string_equal(http_form_get(&f, "flag"), "");
	assert_null(http_form_get(&f, "missing"));
	assert_int_equal(http_form_field(&f, "name")->len, 13);
	assert_null(http_form_field(&f, "name")->filename);
	/* UTF-8 through escapes, a literal '+' as %2B, empty pairs skipped */
	assert_int_equal(parse_str(&a, "&&by=%C3%A6%C3%B8%C3%A5&sum=1%2B1&&", &f), 0);
	assert_int_equal(f.n, 2);
	assert_string_equal(http_form_get(&f, "by"), "æøå");
	assert_string_equal(http_form_get(&f, "sum"), "1+1");
	assert_int_equal(parse_str(&a, "", &f), 0);
	assert_int_equal(f.n, 0);
	arena_free(&a);
}

static void test_urlencoded_duplicates(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	static struct http_form f;
	assert_int_equal(parse_str(&a, "id=1&id=2&id=3", &f), 0);
	assert_int_equal(f.n, 3);
	assert_string_equal(http_form_get(&f, "id"), "1");   /* the first wins */
	assert_string_equal(f.fields[1].value, "2");
	assert_string_equal(f.fields[2].value, "3");
	arena_free(&a);
}

static void test_urlencoded_malformed(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	static struct http_form f;
	assert_int_equal(parse_str(&a, "a=%zz", &f), -1);
	assert_int_equal(parse_str(&a, "a=%4", &f), -1);
	assert_int_equal(parse_str(&a, "a=100%", &f), -1);
	assert_int_equal(parse_str(&a, "a%g1=1", &f), -1);
	assert_int_equal(parse_str(&a, "a=%00", &f), -1);         /* NUL */
	assert_int_equal(parse_str(&a, "a=%ff", &f), -1);         /* not UTF-8 */
	assert_int_equal(parse_str(&a, "a=%C0%AF", &f), -1);      /* overlong */
	assert_int_equal(parse_str(&a, "a=%1b", &f), -1);         /* control */
	assert_int_equal(parse_str(&a, "a=line%0D%0Abreak", &f), 0);
	assert_string_equal(http_form_get(&f, "a"), "line\r\nbreak");
	/* a raw NUL inside the input */
	assert_int_equal(http_parse_urlencoded(&a, "a=b\0c", 5, &f), -1);
	/* more fields than the form holds */
	char big[HTTP_MAX_FIELDS * 4 + 8] = "";
	size_t n = 0;
	for (int i = 0; i <= HTTP_MAX_FIELDS; i++)
		n += (size_t)snprintf(big + n, sizeof big - n, "a=&");
	assert_int_equal(parse_str(&a, big, &f), -1);
	arena_free(&a);
}

static void test_unescape(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	size_t len;
	const char *s = http_unescape(&a, "/a%2Fb+c%00", 11, false, &len);
	assert_non_null(s);
	assert_int_equal(len, 7);
	assert_memory_equal(s, "/a/b+c\0", 8);
	assert_string_equal(http_unescape(&a, "a+b", 3, true, NULL), "a b");
	assert_null(http_unescape(&a, "%", 1, false, NULL));
	arena_free(&a);
}

static void test_query_and_body(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	static struct http_form f;
	const char *const headers[] = {
		"Content-Type", "application/x-www-form-urlencoded; charset=UTF-8", NULL
	};
	struct http_req r;
	req_init(&r, &a, headers);
	r.query = "limit=50&cursor=abc";
	f.n = 0;
	assert_int_equal(http_parse_query(&r, &f), 0);
	assert_string_equal(http_form_get(&f, "cursor"), "abc");
	r.body = "csrf=tok&name=x";
	r.body_len = strlen(r.body);
	f.n = 0;
	assert_int_equal(http_parse_body(&r, &f), 0);
	assert_string_equal(http_form_get(&f, "csrf"), "tok");

	const char *const json[] = { "Content-Type", "application/json", NULL };
	req_init(&r, &a, json);
	r.body = "{}";
	r.body_len = 2;
	assert_int_equal(http_parse_body(&r, &f), -1);
	const char *const none[] = { NULL };
	req_init(&r, &a, none);
	r.body = "a=1";
	r.body_len = 3;
	assert_int_equal(http_parse_body(&r, &f), -1);
	r.body_len = 0;
	f.n = 0;
	assert_int_equal(http_parse_body(&r, &f), 0);
	assert_int_equal(f.n, 0);
	arena_free(&a);
}

#define MP_BOUNDARY "----evneBoundary7MA4YWxk"

static const char MP_BODY[] =
	"preamble is ignored\r\n"
	"--" MP_BOUNDARY "\r\n"
	"Content-Disposition: form-data; name=\"csrf\"\r\n"
	"\r\n"
	"tok123\r\n"
	"--" MP_BOUNDARY "\r\n"
	"content-disposition: form-data; name=\"title\"\r\n"
	"\r\n"
	"Årsplan\r\nline two\r\n"
	"--" MP_BOUNDARY "\r\n"
	"Content-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
	"Content-Type: text/csv\r\n"
	"\r\n"
	"a,b\r\n\0\xff\r\n"
	"--" MP_BOUNDARY "\r\n"
	"Content-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n"
	"\r\n"
	"\r\n"
	"--" MP_BOUNDARY "--\r\n"
	"epilogue";

static void mp_req(struct http_req *r, struct arena *a, const char *const *headers,
		   const char *body, size_t n)
{
	req_init(r, a, headers);
	r->method = "POST";
	r->body = body;
	r->body_len = n;
}

static void test_multipart(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	static struct http_form f;
	const char *const headers[] = {
		"Content-Type", "multipart/form-data; boundary=" MP_BOUNDARY, NULL
	};
	struct http_req r;
	mp_req(&r, &a, headers, MP_BODY, sizeof MP_BODY - 1);
	f.n = 0;
	assert_int_equal(http_parse_body(&r, &f), 0);
	assert_int_equal(f.n, 4);
	assert_string_equal(http_form_get(&f, "csrf"), "tok123");
	assert_null(http_form_field(&f, "csrf")->filename);
	assert_null(http_form_field(&f, "csrf")->content_type);
	assert_string_equal(http_form_get(&f, "title"), "Årsplan\r\nline two");
	const struct http_field *file = http_form_field(&f, "file");
	assert_non_null(file);
	assert_string_equal(file->filename, "people.csv");
	assert_string_equal(file->content_type, "text/csv");
	assert_int_equal(file->len, 7);      /* the CRLF before the delimiter is not content */
	assert_memory_equal(file->value, "a,b\r\n\0\xff", 7);
	assert_int_equal(file->value[7], '\0');
	const struct http_field *empty = http_form_field(&f, "empty");
	assert_string_equal(empty->filename, "");
	assert_string_equal(empty->content_type, "application/octet-stream");
	assert_int_equal(empty->len, 0);

	/* quoted boundary, no preamble */
	const char *const quoted[] = {
		"Content-Type", "multipart/form-data; boundary=\"b 1\"", NULL
	};
	static const char qbody[] = "--b 1\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n"
				    "y\r\n--b 1--";
	mp_req(&r, &a, quoted, qbody, sizeof qbody - 1);
	f.n = 0;
	assert_int_equal(http_parse_body(&r, &f), 0);
	assert_string_equal(http_form_get(&f, "x"), "y");
	arena_free(&a);
}

static void test_multipart_malformed(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	static struct http_form f;
	struct http_req r;
	const char *const no_boundary[] = { "Content-Type", "multipart/form-data", NULL };
	mp_req(&r, &a, no_boundary, MP_BODY, sizeof MP_BODY - 1);
	assert_int_equal(http_parse_body(&r, &f), -1);
	const char *const empty_boundary[] = { "Content-Type", "multipart/form-data; boundary=", NULL };
	mp_req(&r, &a, empty_boundary, MP_BODY, sizeof MP_BODY - 1);
	assert_int_equal(http_parse_body(&r, &f), -1);

	const char *const headers[] = {
		"Content-Type", "multipart/form-data; boundary=" MP_BOUNDARY, NULL
	};
	/* truncated anywhere before the closing delimiter */
	size_t close_at = sizeof MP_BODY - 1 - strlen("--" MP_BOUNDARY "--\r\nepilogue");
	assert_memory_equal(MP_BODY + close_at, "--" MP_BOUNDARY "--", strlen(MP_BOUNDARY) + 4);
	size_t cuts[] = { 10, 40, 60, 120, 200, close_at - 1, close_at + 5 };
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		mp_req(&r, &a, headers, MP_BODY, cuts[i]);
		f.n = 0;
		assert_int_equal(http_parse_body(&r, &f), -1);
	}
	/* a part without a name, a part that is not form-data, invalid UTF-8 in a text part */
	static const char noname[] = "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--";
	static const char notform[] = "--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--B--";
	static const char badtext[] = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\r\n--B--";
	static const char badhdr[] = "--B\r\nno colon here\r\n\r\nx\r\n--B--";
	static const char unterminated[] = "--B\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--B--";
	const char *const hb[] = { "Content-Type", "multipart/form-data; boundary=B", NULL };
	const char *bad[] = { noname, notform, badtext, badhdr, unterminated };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		mp_req(&r, &a, hb, bad[i], strlen(bad[i]));
		f.n = 0;
		assert_int_equal(http_parse_body(&r, &f), -1);
	}
	static const char good[] = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--B--";
	mp_req(&r, &a, hb, good, strlen(good));
	f.n = 0;
	assert_int_equal(http_parse_body(&r, &f), 0);
	assert_string_equal(http_form_get(&f, "a"), "x");
	arena_free(&a);
}

static void test_cookies(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct http_req r;
	const char *const headers[] = {
		"Cookie", "xsid=wrong; sid=abc123;lang=nn ;  q=\"quoted\"; flag; e=", NULL
	};
	req_init(&r, &a, headers);
	assert_string_equal(http_cookie(&r, "sid"), "abc123");
	assert_string_equal(http_cookie(&r, "xsid"), "wrong");
	assert_string_equal(http_cookie(&r, "lang"), "nn");
	assert_string_equal(http_cookie(&r, "q"), "quoted");
	assert_string_equal(http_cookie(&r, "e"), "");
	assert_null(http_cookie(&r, "flag"));
	assert_null(http_cookie(&r, "id"));
	assert_null(http_cookie(&r, "Sid"));
	assert_string_equal(http_header(&r, "cookie"), headers[1]);
	const char *const none[] = { NULL };
	req_init(&r, &a, none);
	assert_null(http_cookie(&r, "sid"));
	assert_null(http_header(&r, "Cookie"));
	r.header_fn_ = NULL;
	assert_null(http_header(&r, "Cookie"));
	arena_free(&a);
}

static void test_route_match(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct http_req r;
	const char *const none[] = { NULL };
	req_init(&r, &a, none);

	assert_true(http_route_match("/", "/", &r));
	assert_int_equal(r.nparams, 0);
	assert_true(http_route_match("/units", "/units", &r));
	assert_false(http_route_match("/units", "/units/", &r));
	assert_false(http_route_match("/units/", "/units", &r));
	assert_false(http_route_match("/units", "/unit", &r));
	assert_false(http_route_match("/units", "/unitsx", &r));
	assert_false(http_route_match("/units", "/", &r));
	assert_false(http_route_match("/", "/units", &r));

	assert_true(http_route_match("/units/{id}/edit", "/units/42/edit", &r));
	assert_int_equal(r.nparams, 1);
	assert_string_equal(http_param(&r, "id"), "42");
	assert_null(http_param(&r, "other"));
	assert_false(http_route_match("/units/{id}/edit", "/units/42", &r));
	assert_false(http_route_match("/units/{id}/edit", "/units/42/edit/x", &r));
	assert_false(http_route_match("/units/{id}/edit", "/units//edit", &r));
	assert_false(http_route_match("/units/{id}/edit", "/units/42/edit/", &r));
	assert_false(http_route_match("/units/{id}", "/units/", &r));
	assert_false(http_route_match("/units/{id}", "/people/1", &r));

	assert_true(http_route_match("/cycles/{cycle}/units/{unit}", "/cycles/7/units/æ", &r));
	assert_int_equal(r.nparams, 2);
	assert_string_equal(http_param(&r, "cycle"), "7");
	assert_string_equal(http_param(&r, "unit"), "æ");
	/* a failed match leaves the last match's parameters alone */
	assert_false(http_route_match("/x/{y}", "/z/1", &r));
	assert_string_equal(http_param(&r, "cycle"), "7");
	assert_false(http_route_match("units", "/units", &r));
	assert_false(http_route_match("/units", "units", &r));
	arena_free(&a);
}

static void test_response_helpers(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct http_resp w;
	http_resp_init(&w, &a);
	assert_int_equal(w.status, 200);
	assert_string_equal(w.content_type, "text/html; charset=utf-8");
	assert_string_equal(w.cache_control, "no-store");
	assert_int_equal(w.nheaders, 0);

	http_set_cookie(&w, &a, "sid", "abc", -1, false);
	http_set_cookie(&w, &a, "sid", "abc", 3600, true);
	http_set_cookie(&w, &a, "sid", "", 0, true);
	http_set_cookie(&w, &a, "sid", "a;b", 0, false);      /* refused */
	http_set_cookie(&w, &a, "s d", "x", 0, false);        /* refused */
	assert_int_equal(w.nheaders, 3);
	assert_string_equal(w.headers[0].name, "Set-Cookie");
	assert_string_equal(w.headers[0].value, "sid=abc; Path=/; HttpOnly; SameSite=Lax");
	assert_string_equal(w.headers[1].value,
			    "sid=abc; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=3600");
	assert_string_equal(w.headers[2].value, "sid=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0");

	http_redirect(&w, "/units/1");
	assert_int_equal(w.status, 303);
	assert_string_equal(w.headers[3].name, "Location");
	assert_string_equal(w.headers[3].value, "/units/1");
	for (int i = 0; i < HTTP_MAX_HEADERS + 2; i++)
		http_resp_header(&w, "X-Test", "1");
	assert_int_equal(w.nheaders, HTTP_MAX_HEADERS);
	arena_free(&a);
}

static void test_route_label(void **state)
{
	(void)state;
	struct http_req r;
	memset(&r, 0, sizeof r);
	http_set_route_label(&r, "/units/{id}");
	assert_string_equal(r.route_label, "/units/{id}");
}

static void test_metrics(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct buf b;
	buf_init(&b, &a, 0);

	http_metrics_observe("/units/{id}", 200, 0.003);
	http_metrics_observe("/units/{id}", 200, 0.2);
	http_metrics_observe("/units/{id}", 404, 0.0005);
	http_metrics_observe(NULL, 404, 12.0);
	http_metrics_observe("a\"b\\c\nd", 500, 1.0);
	http_metrics_connection(1);
	http_metrics_connection(1);
	http_metrics_connection(-1);
	http_metrics_write(&b);
	const char *t = buf_str(&b);
	assert_int_equal(b.err, OK);
	assert_non_null(strstr(t, "# HELP evne_http_requests_total "));
	assert_non_null(strstr(t, "# TYPE evne_http_requests_total counter\n"));
	assert_non_null(strstr(t, "\nevne_http_requests_total{route=\"/units/{id}\",status=\"200\"} 2\n"));
	assert_non_null(strstr(t, "\nevne_http_requests_total{route=\"/units/{id}\",status=\"404\"} 1\n"));
	assert_non_null(strstr(t, "\nevne_http_requests_total{route=\"unmatched\",status=\"404\"} 1\n"));
	assert_non_null(strstr(t, "\nevne_http_requests_total{route=\"a\\\"b\\\\c\\nd\",status=\"500\"} 1\n"));
	assert_non_null(strstr(t, "# TYPE evne_http_request_duration_seconds histogram\n"));
	assert_non_null(strstr(t, "\nevne_http_request_duration_seconds_bucket{le=\"0.001\"} 1\n"));
	assert_non_null(strstr(t, "\nevne_http_request_duration_seconds_bucket{le=\"0.005\"} 2\n"));
	assert_non_null(strstr(t, "\nevne_http_request_duration_seconds_bucket{le=\"0.25\"} 3\n"));
	assert_non_null(strstr(t, "\nevne_http_request_duration_seconds_bucket{le=\"1\"} 4\n"));
	assert_non_null(strstr(t, "\nevne_http_request_duration_seconds_bucket{le=\"10\"} 4\n"));
	assert_non_null(strstr(t, "\nevne_http_request_duration_seconds_bucket{le=\"+Inf\"} 5\n"));
	assert_non_null(strstr(t, "\nevne_http_request_duration_seconds_sum 13.203500\n"));
	assert_non_null(strstr(t, "\nevne_http_request_duration_seconds_count 5\n"));
	assert_non_null(strstr(t, "# TYPE evne_http_open_connections gauge\n"));
	assert_non_null(strstr(t, "\nevne_http_open_connections 1\n"));
	assert_int_equal(t[b.len - 1], '\n');

	/* hostile labels cannot grow the table: the rest goes to route="other" */
	for (int i = 0; i < 300; i++) {
		char label[32];
		snprintf(label, sizeof label, "/r%d", i);
		http_metrics_observe(label, 200, 0.01);
	}
	buf_reset(&b);
	http_metrics_write(&b);
	t = buf_str(&b);
	assert_non_null(strstr(t, "\nevne_http_requests_total{route=\"other\",status=\"200\"} "));
	int lines = 0;
	for (const char *p = t; (p = strstr(p, "\nevne_http_requests_total{")); p++)
		lines++;
	assert_true(lines <= 128 + 1);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urlencoded_basic),
		cmocka_unit_test(test_urlencoded_duplicates),
		cmocka_unit_test(test_urlencoded_malformed),
		cmocka_unit_test(test_unescape),
		cmocka_unit_test(test_query_and_body),
		cmocka_unit_test(test_multipart),
		cmocka_unit_test(test_multipart_malformed),
		cmocka_unit_test(test_cookies),
		cmocka_unit_test(test_route_match),
		cmocka_unit_test(test_response_helpers),
		cmocka_unit_test(test_route_label),
		cmocka_unit_test(test_metrics),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
