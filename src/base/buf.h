/* buf.h — a growable byte builder in an arena, with a maximum size and a
 * sticky error: write freely, check buf->err once at the end. The content
 * is always NUL-terminated when err is OK. */
#ifndef EVNE_BUF_H
#define EVNE_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "base/arena.h"
#include "base/err.h"

struct buf {
	struct arena *arena;
	char *data;
	size_t len, cap, max;
	enum err err;      /* OK, or ERR_TOO_BIG once max or the arena cap was hit */
};

void buf_init(struct buf *b, struct arena *a, size_t max);
/* Appends when there is no room yet (grows, or sets err); the inline
 * appenders below handle the common case, room already there, without a
 * call: pages and JSON are written a few bytes at a time. */
void buf_add_grow(struct buf *b, const void *p, size_t n);
/* Makes room for n more bytes at once (one allocation instead of a
 * doubling per step, for a body whose size is known). */
void buf_reserve(struct buf *b, size_t n);

static inline void buf_add(struct buf *b, const void *p, size_t n)
{
	size_t need = b->len + n + 1;
	if (!b->err && need <= b->cap && need > b->len && (!b->max || need <= b->max + 1)) {
		memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
		return;
	}
	buf_add_grow(b, p, n);
}

static inline void buf_puts(struct buf *b, const char *s)
{
	if (s)
		buf_add(b, s, strlen(s));
}

static inline void buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_int(struct buf *b, int64_t v);
void buf_reset(struct buf *b);
const char *buf_str(const struct buf *b);   /* "" when empty */

#endif
