/* cursor.c — opaque paging cursors and the ?limit= rule. A cursor names the
 * last item of a page as a keyset position (key, id): people use their name,
 * units their position in the tree. It travels as base64url without padding
 * of "key<0x1F>id", so it is safe in a query string and clients are not
 * tempted to build one. Decoding accepts only what encoding can produce, so a
 * tampered or truncated cursor is a clean 400, never a strange query. Pure:
 * no request, no database; the caller supplies the arena. */
#include "api/api.h"

#include <sodium.h>
#include <string.h>
#include "base/utf8.h"

enum { CURSOR_SEP = 0x1f, B64_VARIANT = sodium_base64_VARIANT_URLSAFE_NO_PADDING };

bool api_parse_id(const char *s, int64_t *out)
{
	if (!s || *s < '1' || *s > '9')
		return false;
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		int d = *p - '0';
		if (v > (INT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

char *api_cursor_encode(struct arena *a, const char *key, int64_t id)
{
	if (!key || id <= 0 || !utf8_valid_text(key, strlen(key)) || strpbrk(key, "\t\r\n"))
		return NULL;
	char *raw = arena_printf(a, "%s%c%lld", key, CURSOR_SEP, (long long)id);
	if (!raw)
		return NULL;
	size_t n = strlen(raw);
	size_t cap = sodium_base64_ENCODED_LEN(n, B64_VARIANT);
	char *out = arena_alloc(a, cap);
	if (!out)
		return NULL;
	sodium_bin2base64(out, cap, (const unsigned char *)raw, n, B64_VARIANT);
	if (strlen(out) > API_CURSOR_MAX)
		return NULL;
	return out;
}

enum err api_cursor_decode(struct arena *a, const char *s, const char **key, int64_t *id)
{
	size_t slen = s ? strlen(s) : 0;
	if (slen == 0 || slen > API_CURSOR_MAX)
		return ERR_INVALID;
	size_t cap = slen / 4 * 3 + 3;
	unsigned char *raw = arena_alloc(a, cap + 1);
	if (!raw)
		return ERR_TOO_BIG;
	size_t n = 0;
	const char *end = NULL;
	if (sodium_base642bin(raw, cap, s, slen, NULL, &n, &end, B64_VARIANT) != 0 ||
	    end != s + slen)
		return ERR_INVALID;
	raw[n] = '\0';
	if (strlen((char *)raw) != n)
		return ERR_INVALID;   /* a NUL inside */
	char *sep = strrchr((char *)raw, CURSOR_SEP);
	if (!sep)
		return ERR_INVALID;
	*sep = '\0';
	const char *k = (const char *)raw;
	int64_t v;
	if (!api_parse_id(sep + 1, &v) || !utf8_valid_text(k, strlen(k)) || strpbrk(k, "\t\r\n"))
		return ERR_INVALID;
	*key = k;
	*id = v;
	return OK;
}

enum err api_limit_parse(const char *s, int *out)
{
	if (!s) {
		*out = API_LIMIT_DEFAULT;
		return OK;
	}
	int64_t v;
	if (strlen(s) > 3 || !api_parse_id(s, &v) || v > API_LIMIT_MAX)
		return ERR_INVALID;
	*out = (int)v;
	return OK;
}
