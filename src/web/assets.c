/* assets.c — static files held in memory for the server's lifetime. At
 * start the manifest written by scripts/assets.sh is read and each listed
 * file loaded whole (a few hundred kilobytes in all); requests are then
 * answered by a lookup, and the server sends the loaded bytes as they are
 * (no copy per request), with no disk access and no path ever built from
 * the request. Only names in the manifest can be served. */
#include "web/assets.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ASSETS_PREFIX "/assets/"

struct asset {
	char *logical;       /* "evne.css" */
	char *name;          /* "evne.3f2a9c1b22aa.css" */
	char *url;           /* "/assets/evne.3f2a9c1b22aa.css" */
	char *content_type;  /* "text/css; charset=utf-8" */
	char *data;
	size_t len;
};

struct assets {
	struct asset *v;
	size_t n;
};

static char *dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (!d)
		abort();
	memcpy(d, s, n);
	return d;
}

static char *cat3(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *d = malloc(la + lb + lc + 1);
	if (!d)
		abort();
	memcpy(d, a, la);
	memcpy(d + la, b, lb);
	memcpy(d + la + lb, c, lc + 1);
	return d;
}

/* A hashed name is a plain file name: no path separators, no dot files. */
static int name_ok(const char *s)
{
	if (!*s || *s == '.')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '.' || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

static int read_file(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 65536, n = 0;
	char *d = malloc(cap);
	if (!d)
		abort();
	for (;;) {
		if (n == cap) {
			cap *= 2;
			d = realloc(d, cap);
			if (!d)
				abort();
		}
		size_t got = fread(d + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(d);
		return -1;
	}
	*data = d;
	*len = n;
	return 0;
}

void assets_free(struct assets *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].logical);
		free(a->v[i].name);
		free(a->v[i].url);
		free(a->v[i].content_type);
		free(a->v[i].data);
	}
	free(a->v);
	free(a);
}

int assets_load(const char *dir, struct assets **out, char *err, size_t errlen)
{
	*out = NULL;
	char path[4096];
	if ((size_t)snprintf(path, sizeof path, "%s/manifest.txt", dir) >= sizeof path) {
		snprintf(err, errlen, "assets directory name too long");
		return -1;
	}
	FILE *mf = fopen(path, "r");
	if (!mf) {
		snprintf(err, errlen, "%s: %s (run sh scripts/assets.sh)", path, strerror(errno));
		return -1;
	}
	struct assets *a = calloc(1, sizeof *a);
	if (!a)
		abort();
	char line[1024];
	int lineno = 0, rc = 0;
	while (fgets(line, sizeof line, mf)) {
		lineno++;
		char logical[256], name[256], type[128];
		if (line[0] == '\n' || line[0] == '#')
			continue;
		if (sscanf(line, "%255s %255s %127s", logical, name, type) != 3 || !name_ok(name) ||
		    !name_ok(logical)) {
			snprintf(err, errlen, "%s:%d: expected LOGICAL HASHED_NAME CONTENT_TYPE", path,
				 lineno);
			rc = -1;
			break;
		}
		struct asset as = { 0 };
		char fpath[4096];
		snprintf(fpath, sizeof fpath, "%s/%s", dir, name);
		if (read_file(fpath, &as.data, &as.len) != 0) {
			snprintf(err, errlen, "%s: %s", fpath, strerror(errno));
			rc = -1;
			break;
		}
		as.logical = dup_str(logical);
		as.name = dup_str(name);
		as.url = cat3(ASSETS_PREFIX, name, "");
		as.content_type = strncmp(type, "text/", 5) == 0 ? cat3(type, "; charset=utf-8", "")
								   : dup_str(type);
		struct asset *v = realloc(a->v, (a->n + 1) * sizeof *v);
		if (!v)
			abort();
		a->v = v;
		a->v[a->n++] = as;
	}
	fclose(mf);
	if (rc == 0 && a->n == 0) {
		snprintf(err, errlen, "%s: no assets listed", path);
		rc = -1;
	}
	if (rc != 0) {
		assets_free(a);
		return -1;
	}
	*out = a;
	return 0;
}

const char *assets_url(const struct assets *a, const char *logical)
{
	if (!a || !logical)
		return NULL;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i].logical, logical) == 0)
			return a->v[i].url;
	return NULL;
}

void assets_page_urls(const struct assets *a, struct asset_urls *out)
{
	out->ds_css = assets_url(a, "designsystemet.css");
	out->theme_css = assets_url(a, "theme.css");
	out->evne_css = assets_url(a, "evne.css");
	out->htmx_js = assets_url(a, "htmx.min.js");
	out->icon = assets_url(a, "favicon.svg");
}

int assets_serve(const struct assets *a, const char *path, struct http_resp *w)
{
	if (!a || !path || strncmp(path, ASSETS_PREFIX, strlen(ASSETS_PREFIX)) != 0)
		return -1;
	const char *name = path + strlen(ASSETS_PREFIX);
	for (size_t i = 0; i < a->n; i++) {
		if (strcmp(a->v[i].name, name) != 0)
			continue;
		w->status = 200;
		w->content_type = a->v[i].content_type;
		w->cache_control = "public, max-age=31536000, immutable";
		http_resp_static(w, a->v[i].data, a->v[i].len);
		return 0;
	}
	return -1;
}

int assets_default_dir(char *out, size_t n)
{
	const char *env = getenv("EVNE_ASSETS");
	if (env && *env)
		return (size_t)snprintf(out, n, "%s", env) < n ? 0 : -1;
	char exe[4096];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (len <= 0)
		return (size_t)snprintf(out, n, "build/assets") < n ? 0 : -1;
	exe[len] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	const char *bin = slash ? exe : ".";
	/* build/evne -> build/assets; build/asan/evne -> build/assets too */
	char probe[4200];
	snprintf(probe, sizeof probe, "%s/assets/manifest.txt", bin);
	if (access(probe, R_OK) != 0) {
		snprintf(probe, sizeof probe, "%s/../assets/manifest.txt", bin);
		if (access(probe, R_OK) == 0)
			return (size_t)snprintf(out, n, "%s/../assets", bin) < n ? 0 : -1;
	}
	return (size_t)snprintf(out, n, "%s/assets", bin) < n ? 0 : -1;
}
