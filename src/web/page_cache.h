/* page_cache.h — rendered GET answers kept in memory while the database's
 * content is unchanged. An answer is filed under everything it may depend
 * on besides the content: who asks (the session's or API token's hash, so
 * the page's CSRF token and the actor's scope are the asker's own), the
 * language, the path and query, TLS, and the hour (pages show today's date
 * and phase). It is served again only at the same content generation
 * (store_content_generation, read before the request's other reads), so
 * any committed write, by this server or any other process, retires every
 * entry at once. The permission checks run before a lookup, as always.
 *
 * Bounded by bytes (least recently used out first); safe across the
 * server's worker threads. */
#ifndef EVNE_PAGE_CACHE_H
#define EVNE_PAGE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "base/buf.h"
#include "http/http.h"

struct page_cache;

/* max_bytes: the budget of bodies and keys together; 0 gives NULL (no
 * cache), and every function below accepts NULL as "no cache". */
struct page_cache *page_cache_new(size_t max_bytes);
void page_cache_free(struct page_cache *pc);

/* Copies the answer filed under key at generation gen into w (status,
 * content type, body); false when there is none. */
bool page_cache_get(struct page_cache *pc, const char *key, size_t key_len, int64_t gen,
		    struct http_resp *w);
/* Files w under key at generation gen when it is a plain answer: 200, the
 * default cache control, no header of its own (no cookie, no download),
 * a body of at most an eighth of the budget. */
void page_cache_put(struct page_cache *pc, const char *key, size_t key_len, int64_t gen,
		    const struct http_resp *w);

/* Any other value derived from the content alone (a leader's units, read
 * for every request of theirs), under a key that cannot be a page's (see
 * app.c: page keys begin with a hash or "-"). get: an arena copy of the
 * value and its length, NULL when there is none. */
void *page_cache_get_value(struct page_cache *pc, const char *key, size_t key_len, int64_t gen,
			   struct arena *a, size_t *len);
void page_cache_put_value(struct page_cache *pc, const char *key, size_t key_len, int64_t gen,
			  const void *value, size_t len);

/* Prometheus lines: hits, misses, entries, bytes. */
void page_cache_metrics_write(struct page_cache *pc, struct buf *b);

#endif
