/* router.c — matches a route pattern such as "/units/{id}/edit" against a
 * decoded request path, segment by segment. Literal segments must be equal;
 * a {name} segment takes one non-empty path segment as a parameter. Extra or
 * missing segments do not match, nor does a trailing slash the pattern lacks.
 * The check runs first without allocating, so trying many routes is cheap. */
#include "http/http.h"

#include <string.h>

/* Length of the segment starting at s (up to '/' or the end). */
static size_t seg_len(const char *s)
{
	const char *e = strchr(s, '/');
	return e ? (size_t)(e - s) : strlen(s);
}

static bool is_param(const char *seg, size_t n)
{
	return n >= 3 && seg[0] == '{' && seg[n - 1] == '}';
}

/* Walks both strings; when fill is set, copies the parameters into r. */
static bool walk(const char *pattern, const char *path, struct http_req *r, bool fill)
{
	if (pattern[0] != '/' || path[0] != '/')
		return false;
	const char *p = pattern + 1, *q = path + 1;
	int n = 0;
	for (;;) {
		size_t pl = seg_len(p), ql = seg_len(q);
		if (is_param(p, pl)) {
			if (ql == 0 || n >= HTTP_MAX_PARAMS)
				return false;
			if (fill) {
				r->param_names[n] = arena_strndup(r->arena, p + 1, pl - 2);
				r->param_values[n] = arena_strndup(r->arena, q, ql);
				if (!r->param_names[n] || !r->param_values[n])
					return false;
			}
			n++;
		} else if (pl != ql || memcmp(p, q, pl) != 0) {
			return false;
		}
		p += pl;
		q += ql;
		if (*p != *q)          /* one has another segment, the other ended */
			return false;
		if (!*p)
			break;
		p++;
		q++;
	}
	if (fill)
		r->nparams = n;
	return true;
}

bool http_route_match(const char *pattern, const char *path, struct http_req *r)
{
	if (!walk(pattern, path, r, false))
		return false;
	if (!walk(pattern, path, r, true)) {
		r->nparams = 0;
		return false;
	}
	return true;
}
