/* page_cache.c — see page_cache.h. One mutex, a chained hash table and a
 * least-recently-used list; each entry is one allocation (the record, its
 * key, content type and body). Generations only grow, so the first request
 * that sees a newer one empties the cache: nothing older can be served
 * again, and an answer rendered from an older snapshot is not filed. */
#include "web/page_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 4096   /* a power of two; entries are some hundreds to thousands */

struct entry {
	struct entry *chain;          /* next in the bucket */
	struct entry *newer, *older;  /* the LRU list */
	uint64_t hash;
	int status;
	size_t key_len, body_len, cost;
	char *ctype, *body;
	char key[];                   /* then ctype, then body */
};

struct page_cache {
	pthread_mutex_t mu;
	size_t max_bytes, bytes;
	int64_t gen;                  /* the newest generation seen */
	struct entry *newest, *oldest;
	uint64_t hits, misses, entries;
	struct entry *buckets[NBUCKETS];
};

static uint64_t key_hash(const char *k, size_t n)
{
	uint64_t h = 14695981039346656037ULL;   /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)k[i];
		h *= 1099511628211ULL;
	}
	return h;
}

struct page_cache *page_cache_new(size_t max_bytes)
{
	if (!max_bytes)
		return NULL;
	struct page_cache *pc = calloc(1, sizeof *pc);
	if (!pc)
		return NULL;
	pthread_mutex_init(&pc->mu, NULL);
	pc->max_bytes = max_bytes;
	return pc;
}

static void lru_unlink(struct page_cache *pc, struct entry *e)
{
	if (e->newer)
		e->newer->older = e->older;
	else
		pc->newest = e->older;
	if (e->older)
		e->older->newer = e->newer;
	else
		pc->oldest = e->newer;
	e->newer = e->older = NULL;
}

static void lru_push_newest(struct page_cache *pc, struct entry *e)
{
	e->older = pc->newest;
	e->newer = NULL;
	if (pc->newest)
		pc->newest->newer = e;
	pc->newest = e;
	if (!pc->oldest)
		pc->oldest = e;
}

static struct entry **find_slot(struct page_cache *pc, const char *key, size_t n, uint64_t h)
{
	struct entry **p = &pc->buckets[h & (NBUCKETS - 1)];
	while (*p && !((*p)->hash == h && (*p)->key_len == n && memcmp((*p)->key, key, n) == 0))
		p = &(*p)->chain;
	return p;
}

static void drop(struct page_cache *pc, struct entry *e)
{
	struct entry **p = find_slot(pc, e->key, e->key_len, e->hash);
	*p = e->chain;
	lru_unlink(pc, e);
	pc->bytes -= e->cost;
	pc->entries--;
	free(e);
}

static void drop_all(struct page_cache *pc)
{
	while (pc->oldest)
		drop(pc, pc->oldest);
}

/* Under the lock: false when gen is older than what the cache has seen;
 * a newer gen retires every entry first. */
static bool at_generation(struct page_cache *pc, int64_t gen)
{
	if (gen < pc->gen)
		return false;
	if (gen > pc->gen) {
		drop_all(pc);
		pc->gen = gen;
	}
	return true;
}

void page_cache_free(struct page_cache *pc)
{
	if (!pc)
		return;
	drop_all(pc);
	pthread_mutex_destroy(&pc->mu);
	free(pc);
}

/* Under the lock: the live entry filed under key at gen, made the most
 * recently used. The metrics count answers (pages and API) only. */
static struct entry *lookup(struct page_cache *pc, const char *key, size_t key_len, int64_t gen,
			    bool answer)
{
	uint64_t h = key_hash(key, key_len);
	struct entry *e = at_generation(pc, gen) ? *find_slot(pc, key, key_len, h) : NULL;
	if (e) {
		lru_unlink(pc, e);
		lru_push_newest(pc, e);
	}
	if (answer && e)
		pc->hits++;
	else if (answer)
		pc->misses++;
	return e;
}

bool page_cache_get(struct page_cache *pc, const char *key, size_t key_len, int64_t gen,
		    struct http_resp *w)
{
	if (!pc)
		return false;
	pthread_mutex_lock(&pc->mu);
	struct entry *e = lookup(pc, key, key_len, gen, true);
	if (e) {
		w->status = e->status;
		w->content_type = arena_strdup(w->body.arena, e->ctype);
		buf_reset(&w->body);
		buf_reserve(&w->body, e->body_len);
		buf_add(&w->body, e->body, e->body_len);
	}
	pthread_mutex_unlock(&pc->mu);
	return e != NULL;
}

void *page_cache_get_value(struct page_cache *pc, const char *key, size_t key_len, int64_t gen,
			   struct arena *a, size_t *len)
{
	if (!pc)
		return NULL;
	pthread_mutex_lock(&pc->mu);
	struct entry *e = lookup(pc, key, key_len, gen, false);
	void *copy = e ? arena_alloc(a, e->body_len ? e->body_len : 1) : NULL;
	if (copy) {
		memcpy(copy, e->body, e->body_len);
		*len = e->body_len;
	}
	pthread_mutex_unlock(&pc->mu);
	return copy;
}

static bool fileable(const struct page_cache *pc, const struct http_resp *w)
{
	return w->status == 200 && w->nheaders == 0 && !w->static_body && !w->body.err &&
	       w->cache_control && strcmp(w->cache_control, "no-store") == 0 &&
	       w->content_type && w->body.len <= pc->max_bytes / 8;
}

/* Files a copy of body under key at gen, replacing what was there and
 * making room by the least recently used. */
static void file_copy(struct page_cache *pc, const char *key, size_t key_len, int64_t gen,
		      int status, const char *ctype, const void *body, size_t body_len)
{
	size_t ctype_len = strlen(ctype);
	size_t cost = sizeof(struct entry) + key_len + ctype_len + 1 + body_len;
	struct entry *e = malloc(cost);
	if (!e)
		return;
	memset(e, 0, sizeof *e);
	e->hash = key_hash(key, key_len);
	e->status = status;
	e->key_len = key_len;
	e->body_len = body_len;
	e->cost = cost;
	memcpy(e->key, key, key_len);
	e->ctype = e->key + key_len;
	memcpy(e->ctype, ctype, ctype_len + 1);
	e->body = e->ctype + ctype_len + 1;
	if (body_len)
		memcpy(e->body, body, body_len);

	pthread_mutex_lock(&pc->mu);
	if (!at_generation(pc, gen)) {
		pthread_mutex_unlock(&pc->mu);
		free(e);
		return;
	}
	struct entry *old = *find_slot(pc, key, key_len, e->hash);
	if (old)
		drop(pc, old);
	while (pc->oldest && pc->bytes + cost > pc->max_bytes)
		drop(pc, pc->oldest);
	struct entry **slot = &pc->buckets[e->hash & (NBUCKETS - 1)];
	e->chain = *slot;
	*slot = e;
	lru_push_newest(pc, e);
	pc->bytes += cost;
	pc->entries++;
	pthread_mutex_unlock(&pc->mu);
}

void page_cache_put(struct page_cache *pc, const char *key, size_t key_len, int64_t gen,
		    const struct http_resp *w)
{
	if (pc && fileable(pc, w))
		file_copy(pc, key, key_len, gen, w->status, w->content_type, w->body.data, w->body.len);
}

void page_cache_put_value(struct page_cache *pc, const char *key, size_t key_len, int64_t gen,
			  const void *value, size_t len)
{
	if (pc && len <= pc->max_bytes / 8)
		file_copy(pc, key, key_len, gen, 0, "", value, len);
}

void page_cache_metrics_write(struct page_cache *pc, struct buf *b)
{
	if (!pc)
		return;
	pthread_mutex_lock(&pc->mu);
	uint64_t hits = pc->hits, misses = pc->misses, entries = pc->entries;
	size_t bytes = pc->bytes;
	pthread_mutex_unlock(&pc->mu);
	buf_printf(b, "# HELP evne_page_cache_lookups_total Cached GET answers looked up, by result.\n"
		      "# TYPE evne_page_cache_lookups_total counter\n"
		      "evne_page_cache_lookups_total{result=\"hit\"} %llu\n"
		      "evne_page_cache_lookups_total{result=\"miss\"} %llu\n"
		      "# HELP evne_page_cache_entries Answers (and leaders' units) held in the page cache.\n"
		      "# TYPE evne_page_cache_entries gauge\n"
		      "evne_page_cache_entries %llu\n"
		      "# HELP evne_page_cache_bytes Memory the page cache holds.\n"
		      "# TYPE evne_page_cache_bytes gauge\n"
		      "evne_page_cache_bytes %zu\n",
		   (unsigned long long)hits, (unsigned long long)misses,
		   (unsigned long long)entries, bytes);
}
