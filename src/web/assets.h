/* assets.h — the static files evne serves itself (stylesheets, htmx, fonts),
 * read once at start from the directory scripts/assets.sh fills: each file
 * has a content hash in its name, so it can be cached for a year. */
#ifndef EVNE_WEB_ASSETS_H
#define EVNE_WEB_ASSETS_H

#include <stddef.h>
#include "http/http.h"
#include "views/layout.h"

struct assets;

/* Reads DIR/manifest.txt (lines "LOGICAL HASHED_NAME CONTENT_TYPE") and every
 * file it lists into memory. 0 on success; -1 with a message in err. */
int assets_load(const char *dir, struct assets **out, char *err, size_t errlen);
void assets_free(struct assets *a);

/* "/assets/evne.3f2a9c1b22aa.css" for logical name "evne.css"; NULL when the
 * manifest has no such name. */
const char *assets_url(const struct assets *a, const char *logical);
/* The URLs the page layout needs. */
void assets_page_urls(const struct assets *a, struct asset_urls *out);

/* Serves request path "/assets/NAME" from memory: 0 when served (status
 * 200, content type, a year's immutable caching), -1 when there is no such
 * file (the caller answers 404). */
int assets_serve(const struct assets *a, const char *path, struct http_resp *w);

/* The directory "assets" next to the running binary (build/evne ->
 * build/assets), or the one beside its parent when that is where the
 * manifest is (build/asan/evne -> build/assets), or $EVNE_ASSETS when set.
 * 0, or -1 when the name does not fit in n. */
int assets_default_dir(char *out, size_t n);

#endif
