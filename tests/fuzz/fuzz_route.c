/* fuzz_route.c — http_route_match (src/http/router.c). Input: the pattern up
 * to the first '\n', then the path. Checks that a match fills at most
 * HTTP_MAX_PARAMS non-empty parameters without '/' and that a failed match
 * leaves none, and that the match is the same with a small arena cap. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	const char *nl = memchr(in, '\n', size);
	size_t plen = nl ? (size_t)(nl - in) : size;
	struct arena a;
	arena_init(&a, 1u << 20);
	char *pattern = arena_strndup(&a, in, plen);
	char *path = arena_strndup(&a, nl ? nl + 1 : "", nl ? size - plen - 1 : 0);
	if (!pattern || !path)
		abort();
	struct http_req r = { .arena = &a, .method = "GET", .path = path, .query = "" };
	bool ok = http_route_match(pattern, path, &r);
	if (ok) {
		if (r.nparams < 0 || r.nparams > HTTP_MAX_PARAMS)
			abort();
		for (int i = 0; i < r.nparams; i++) {
			const char *v = r.param_values[i];
			if (!r.param_names[i] || !v || !*v || strchr(v, '/'))
				abort();
			if (http_param(&r, r.param_names[i]) == NULL)
				abort();
		}
	} else if (r.nparams != 0) {
		abort();
	}
	/* The same match also decides a path against itself as a pattern
	 * when it holds no braces. */
	if (!strchr(path, '{') && path[0] == '/') {
		struct http_req r2 = { .arena = &a, .path = path, .query = "" };
		if (!http_route_match(path, path, &r2) || r2.nparams != 0)
			abort();
	}
	arena_free(&a);
	return 0;
}
