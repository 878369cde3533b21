/* arena.h — a bump allocator with a hard cap, one per request or job.
 * Everything allocated from an arena is freed at once by arena_free/arena_reset.
 * Over the cap, allocation returns NULL and sets a sticky flag (the request
 * then answers 413); real out-of-memory aborts. */
#ifndef EVNE_ARENA_H
#define EVNE_ARENA_H

#include <stddef.h>
#include <stdbool.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used;      /* bytes handed out, counted against cap */
	size_t cap;       /* 0: no cap */
	bool over_cap;    /* sticky: an allocation was refused */
};

void arena_init(struct arena *a, size_t cap);
void *arena_alloc(struct arena *a, size_t n);          /* zeroed; NULL over cap */
void *arena_realloc(struct arena *a, void *p, size_t old, size_t n);
char *arena_strdup(struct arena *a, const char *s);    /* NULL s gives NULL */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void arena_reset(struct arena *a);                     /* free all, keep cap */
void arena_free(struct arena *a);

#endif
