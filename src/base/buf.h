/* buf.h — a growable byte builder in an arena, with a maximum size and a
 * sticky error: write freely, check buf->err once at the end. The content
 * is always NUL-terminated when err is OK. */
#ifndef EVNE_BUF_H
#define EVNE_BUF_H

#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/err.h"

struct buf {
	struct arena *arena;
	char *data;
	size_t len, cap, max;
	enum err err;      /* OK, or ERR_TOO_BIG once max or the arena cap was hit */
};

void buf_init(struct buf *b, struct arena *a, size_t max);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_int(struct buf *b, int64_t v);
void buf_reset(struct buf *b);
const char *buf_str(const struct buf *b);   /* "" when empty */

#endif
