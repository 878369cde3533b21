/* form.c — decoding what browsers send: percent-decoding, the
 * application/x-www-form-urlencoded format (query strings and bodies) and
 * multipart/form-data (RFC 7578) with text and file parts. Names, text values
 * and file names must be valid UTF-8 without control characters; file
 * contents are kept as bytes. Anything malformed makes the whole parse fail,
 * so the caller answers 400 instead of acting on half a form. */
#include "http/http.h"

#include <string.h>
#include <strings.h>

#include "base/utf8.h"

enum { BOUNDARY_MAX = 70 };

static int hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *http_unescape(struct arena *a, const char *s, size_t n, bool plus_space, size_t *len)
{
	char *d = arena_alloc(a, n + 1);
	if (!d)
		return NULL;
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '%') {
			if (n - i < 3)
				return NULL;
			int hi = hex_value((unsigned char)s[i + 1]);
			int lo = hex_value((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return NULL;
			c = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_space) {
			c = ' ';
		}
		d[j++] = c;
	}
	d[j] = '\0';
	if (len)
		*len = j;
	return d;
}

static int add_field(struct http_form *f, const char *name, const char *value, size_t len,
		     const char *filename, const char *content_type)
{
	if (f->n >= HTTP_MAX_FIELDS)
		return -1;
	f->fields[f->n++] = (struct http_field){
		.name = name, .value = value, .len = len,
		.filename = filename, .content_type = content_type,
	};
	return 0;
}

int http_parse_urlencoded(struct arena *a, const char *s, size_t n, struct http_form *f)
{
	size_t i = 0;
	while (i < n) {
		size_t end = i;
		while (end < n && s[end] != '&')
			end++;
		if (end > i) {
			size_t eq = i;
			while (eq < end && s[eq] != '=')
				eq++;
			size_t nlen, vlen;
			char *name = http_unescape(a, s + i, eq - i, true, &nlen);
			char *value = eq < end ? http_unescape(a, s + eq + 1, end - eq - 1, true, &vlen)
					       : http_unescape(a, "", 0, true, &vlen);
			if (!name || !value || !utf8_valid_text(name, nlen) ||
			    !utf8_valid_text(value, vlen))
				return -1;
			if (add_field(f, name, value, vlen, NULL, NULL))
				return -1;
		}
		i = end + 1;
	}
	return 0;
}

int http_parse_query(struct http_req *r, struct http_form *f)
{
	const char *q = r->query ? r->query : "";
	return http_parse_urlencoded(r->arena, q, strlen(q), f);
}

static const char *find_bytes(const char *h, size_t hn, const char *needle, size_t nn)
{
	if (nn == 0 || hn < nn)
		return NULL;
	const char *end = h + (hn - nn) + 1;
	for (const char *p = h; p < end; p++) {
		p = memchr(p, needle[0], (size_t)(end - p));
		if (!p)
			return NULL;
		if (memcmp(p, needle, nn) == 0)
			return p;
	}
	return NULL;
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t';
}

/* True when the media type of header value h (before any ';') is `type`. */
static bool media_type_is(const char *h, const char *type)
{
	size_t n = strlen(type);
	while (is_ws(*h))
		h++;
	if (strncasecmp(h, type, n) != 0)
		return false;
	h += n;
	while (is_ws(*h))
		h++;
	return *h == '\0' || *h == ';';
}

/* The value of parameter `key` in a header value h[0..n) such as
 * `form-data; name="a"; filename="b"`: unquoted, in the arena. NULL when
 * absent or malformed. */
static char *header_param(struct arena *a, const char *h, size_t n, const char *key)
{
	const char *end = h + n;
	const char *p = memchr(h, ';', n);
	if (!p)
		return NULL;
	size_t klen = strlen(key);
	while (p < end) {
		while (p < end && (*p == ';' || is_ws(*p)))
			p++;
		const char *k = p;
		while (p < end && *p != '=' && *p != ';')
			p++;
		const char *k_end = p;
		while (k_end > k && is_ws(k_end[-1]))
			k_end--;
		if (p == end || *p != '=')
			continue;
		p++;
		while (p < end && is_ws(*p))
			p++;
		char *val;
		if (p < end && *p == '"') {
			p++;
			val = arena_alloc(a, (size_t)(end - p) + 1);
			if (!val)
				return NULL;
			size_t j = 0;
			while (p < end && *p != '"') {
				if (*p == '\\' && p + 1 < end)
					p++;
				val[j++] = *p++;
			}
			if (p == end)
				return NULL;      /* unterminated quoted string */
			p++;
			val[j] = '\0';
		} else {
			const char *v = p;
			while (p < end && *p != ';' && !is_ws(*p))
				p++;
			val = arena_strndup(a, v, (size_t)(p - v));
		}
		if ((size_t)(k_end - k) == klen && strncasecmp(k, key, klen) == 0)
			return val;
	}
	return NULL;
}

/* One part: its header block h[0..hn) (lines ending in CRLF) and content. */
static int multipart_part(struct arena *a, const char *h, size_t hn, const char *content,
			  size_t clen, struct http_form *f)
{
	const char *disp = NULL, *ctype = NULL;
	size_t disp_len = 0, ctype_len = 0;
	const char *p = h, *end = h + hn;
	while (p < end) {
		const char *eol = find_bytes(p, (size_t)(end - p), "\r\n", 2);
		if (!eol)
			return -1;
		const char *colon = memchr(p, ':', (size_t)(eol - p));
		if (!colon)
			return -1;
		const char *v = colon + 1;
		while (v < eol && is_ws(*v))
			v++;
		size_t name_len = (size_t)(colon - p);
		if (name_len == 19 && strncasecmp(p, "Content-Disposition", 19) == 0) {
			disp = v;
			disp_len = (size_t)(eol - v);
		} else if (name_len == 12 && strncasecmp(p, "Content-Type", 12) == 0) {
			ctype = v;
			ctype_len = (size_t)(eol - v);
		}
		p = eol + 2;
	}
	if (!disp || disp_len < 9 || strncasecmp(disp, "form-data", 9) != 0 ||
	    (disp_len > 9 && disp[9] != ';' && !is_ws(disp[9])))
		return -1;
	char *name = header_param(a, disp, disp_len, "name");
	char *filename = header_param(a, disp, disp_len, "filename");
	if (!name || !utf8_valid_text(name, strlen(name)))
		return -1;
	if (filename && !utf8_valid_text(filename, strlen(filename)))
		return -1;
	char *value = arena_strndup(a, content, clen);
	if (!value)
		return -1;
	if (!filename)
		return utf8_valid_text(value, clen) ? add_field(f, name, value, clen, NULL, NULL) : -1;
	char *type = ctype ? arena_strndup(a, ctype, ctype_len)
			   : arena_strdup(a, "application/octet-stream");
	if (!type || !utf8_valid_text(type, strlen(type)))
		return -1;
	return add_field(f, name, value, clen, filename, type);
}

static int parse_multipart(struct arena *a, const char *body, size_t n, const char *boundary,
			   struct http_form *f)
{
	size_t blen = strlen(boundary);
	if (blen == 0 || blen > BOUNDARY_MAX)
		return -1;
	char delim[BOUNDARY_MAX + 5];          /* CRLF "--" boundary */
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen);
	size_t dlen = blen + 4;

	size_t pos;                            /* at the "--" of a delimiter */
	if (n >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
		pos = 0;
	} else {
		const char *d = find_bytes(body, n, delim, dlen);
		if (!d)
			return -1;
		pos = (size_t)(d - body) + 2;
	}
	for (;;) {
		pos += dlen - 2;
		if (n - pos >= 2 && body[pos] == '-' && body[pos + 1] == '-')
			return a->over_cap ? -1 : 0;
		while (pos < n && is_ws(body[pos]))
			pos++;
		if (n - pos < 2 || body[pos] != '\r' || body[pos + 1] != '\n')
			return -1;
		pos += 2;
		size_t hstart = pos, hlen, cstart;
		if (n - pos >= 2 && body[pos] == '\r' && body[pos + 1] == '\n') {
			hlen = 0;
			cstart = pos + 2;
		} else {
			const char *e = find_bytes(body + pos, n - pos, "\r\n\r\n", 4);
			if (!e)
				return -1;
			hlen = (size_t)(e - (body + pos)) + 2;
			cstart = hstart + hlen + 2;
		}
		const char *d = find_bytes(body + cstart, n - cstart, delim, dlen);
		if (!d)
			return -1;
		size_t clen = (size_t)(d - (body + cstart));
		if (multipart_part(a, body + hstart, hlen, body + cstart, clen, f))
			return -1;
		pos = (size_t)(d - body) + 2;
	}
}

int http_parse_body(struct http_req *r, struct http_form *f)
{
	if (r->body_len == 0)
		return 0;
	const char *ct = http_header(r, "Content-Type");
	if (!ct)
		return -1;
	if (media_type_is(ct, "application/x-www-form-urlencoded"))
		return http_parse_urlencoded(r->arena, r->body, r->body_len, f);
	if (!media_type_is(ct, "multipart/form-data"))
		return -1;
	const char *boundary = header_param(r->arena, ct, strlen(ct), "boundary");
	if (!boundary)
		return -1;
	return parse_multipart(r->arena, r->body, r->body_len, boundary, f);
}

const struct http_field *http_form_field(const struct http_form *f, const char *name)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return &f->fields[i];
	return NULL;
}

const char *http_form_get(const struct http_form *f, const char *name)
{
	const struct http_field *fld = http_form_field(f, name);
	return fld ? fld->value : NULL;
}
