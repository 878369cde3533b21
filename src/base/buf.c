/* buf.c — the arena-backed builder. */
#include "base/buf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

void buf_init(struct buf *b, struct arena *a, size_t max)
{
	memset(b, 0, sizeof *b);
	b->arena = a;
	b->max = max;
}

/* Room for extra more bytes: doubling (appends) or exactly (reserve). */
static int grow_by(struct buf *b, size_t extra, bool exact)
{
	if (b->err)
		return -1;
	size_t need = b->len + extra + 1;
	if (need < b->len || (b->max && need > b->max + 1)) {
		b->err = ERR_TOO_BIG;
		return -1;
	}
	if (need <= b->cap)
		return 0;
	size_t cap = exact ? need : b->cap ? b->cap * 2 : 256;
	while (cap < need)
		cap *= 2;
	char *d = arena_realloc(b->arena, b->data, b->cap, cap);
	if (!d) {
		b->err = ERR_TOO_BIG;
		return -1;
	}
	b->data = d;
	b->cap = cap;
	return 0;
}

static int grow(struct buf *b, size_t extra)
{
	return grow_by(b, extra, false);
}

void buf_reserve(struct buf *b, size_t n)
{
	(void)grow_by(b, n, true);
}

void buf_add_grow(struct buf *b, const void *p, size_t n)
{
	if (grow(b, n))
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || grow(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void buf_int(struct buf *b, int64_t v)
{
	/* digits from the end; the magnitude as unsigned, so INT64_MIN works */
	char tmp[24];
	char *e = tmp + sizeof tmp, *d = e;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		*--d = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--d = '-';
	buf_add(b, d, (size_t)(e - d));
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

const char *buf_str(const struct buf *b)
{
	return b->data && !b->err ? b->data : "";
}
