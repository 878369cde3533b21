/* arena.c — bump allocation in chained blocks. Under ASan each allocation is
 * its own block (EVNE_ARENA_MALLOC_EACH) so overflows are caught exactly. */
#include "base/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_MALLOC_EACH 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_MALLOC_EACH 1
#endif
#endif

struct arena_block {
	struct arena_block *next;
	size_t size, pos;
	_Alignas(max_align_t) unsigned char data[];
};

enum { BLOCK_MIN = 16 * 1024 };

static void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p) {
		fputs("evne: out of memory\n", stderr);
		abort();
	}
	return p;
}

void arena_init(struct arena *a, size_t cap)
{
	memset(a, 0, sizeof *a);
	a->cap = cap;
}

/* n bytes, not zeroed: for callers that write them all at once. */
static void *alloc_raw(struct arena *a, size_t n)
{
	size_t need = (n + 15) & ~(size_t)15;
	if (need < n || (a->cap && a->used + need > a->cap)) {
		a->over_cap = true;
		return NULL;
	}
	struct arena_block *b = a->head;
#ifdef ARENA_MALLOC_EACH
	b = NULL;
#endif
	if (!b || b->size - b->pos < need) {
		size_t size = need;
#ifndef ARENA_MALLOC_EACH
		if (size < BLOCK_MIN)
			size = BLOCK_MIN;
#endif
		struct arena_block *nb = xmalloc(sizeof *nb + size);
		nb->size = size;
		nb->pos = 0;
		nb->next = a->head;
		a->head = nb;
		b = nb;
	}
	void *p = b->data + b->pos;
	b->pos += need;
	a->used += need;
	return p;
}

void *arena_alloc(struct arena *a, size_t n)
{
	void *p = alloc_raw(a, n);
	if (p)
		memset(p, 0, n);
	return p;
}

/* The last allocation of the newest block grows where it is when the block
 * has room (a buffer that doubles does not copy itself each time); anything
 * else moves. Either way the bytes after old are zeroed, as arena_alloc's. */
void *arena_realloc(struct arena *a, void *p, size_t old, size_t n)
{
	if (n <= old)
		return p;
#ifndef ARENA_MALLOC_EACH
	struct arena_block *b = a->head;
	size_t old_need = (old + 15) & ~(size_t)15;
	size_t need = (n + 15) & ~(size_t)15;
	if (p && b && need >= n && (unsigned char *)p + old_need == b->data + b->pos) {
		size_t at = (size_t)((unsigned char *)p - b->data);
		size_t more = need - old_need;
		if (b->size - at >= need && !(a->cap && a->used + more > a->cap)) {
			b->pos = at + need;
			a->used += more;
			memset((unsigned char *)p + old, 0, n - old);
			return p;
		}
	}
#endif
	unsigned char *q = alloc_raw(a, n);
	if (!q)
		return NULL;
	if (p && old)
		memcpy(q, p, old);
	else
		old = 0;
	memset(q + old, 0, n - old);
	return q;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *d = alloc_raw(a, n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *d = alloc_raw(a, (size_t)n + 1);
	if (!d)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(d, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return d;
}

void arena_reset(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = 0;
	a->over_cap = false;
}

void arena_free(struct arena *a)
{
	arena_reset(a);
}
