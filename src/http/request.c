/* request.c — reading a request the server has already received: header
 * lookup through the connection's lookup function (so tests can fake it),
 * cookies parsed from the Cookie header, route parameters filled in by the
 * router, and the route label the application gives for metrics. */
#include "http/http.h"

#include <string.h>

const char *http_header(const struct http_req *r, const char *name)
{
	if (!r->header_fn_)
		return NULL;
	return r->header_fn_(r->conn_, name);
}

static bool is_cookie_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Cookie: a=1; b="two"; c=3 — the first pair named exactly `name` wins. */
const char *http_cookie(const struct http_req *r, const char *name)
{
	const char *h = http_header(r, "Cookie");
	if (!h || !name)
		return NULL;
	size_t nlen = strlen(name);
	const char *p = h;
	while (*p) {
		while (*p == ';' || is_cookie_space(*p))
			p++;
		const char *key = p;
		while (*p && *p != '=' && *p != ';')
			p++;
		const char *key_end = p;
		while (key_end > key && is_cookie_space(key_end[-1]))
			key_end--;
		if (*p != '=')
			continue;
		p++;
		while (is_cookie_space(*p))
			p++;
		const char *val = p;
		while (*p && *p != ';')
			p++;
		const char *val_end = p;
		while (val_end > val && is_cookie_space(val_end[-1]))
			val_end--;
		if (val_end - val >= 2 && *val == '"' && val_end[-1] == '"') {
			val++;
			val_end--;
		}
		if ((size_t)(key_end - key) == nlen && memcmp(key, name, nlen) == 0)
			return arena_strndup(r->arena, val, (size_t)(val_end - val));
	}
	return NULL;
}

const char *http_param(const struct http_req *r, const char *name)
{
	for (int i = 0; i < r->nparams; i++)
		if (strcmp(r->param_names[i], name) == 0)
			return r->param_values[i];
	return NULL;
}

void http_set_route_label(struct http_req *r, const char *label)
{
	r->route_label = label;
}
