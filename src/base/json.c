/* json.c — the JSON writer. */
#include "base/json.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

void jw_init(struct jw *w, struct buf *b)
{
	memset(w, 0, sizeof *w);
	w->b = b;
}

static void before_value(struct jw *w)
{
	if (w->depth > 0 && w->need_comma[w->depth])
		buf_putc(w->b, ',');
	if (w->depth > 0)
		w->need_comma[w->depth] = true;
}

static void open(struct jw *w, char c)
{
	before_value(w);
	buf_putc(w->b, c);
	if (w->depth + 1 < JSON_MAX_DEPTH) {
		w->depth++;
		w->need_comma[w->depth] = false;
	}
}

static void close_(struct jw *w, char c)
{
	buf_putc(w->b, c);
	if (w->depth > 0)
		w->depth--;
}

void jw_obj(struct jw *w) { open(w, '{'); }
void jw_obj_end(struct jw *w) { close_(w, '}'); }
void jw_arr(struct jw *w) { open(w, '['); }
void jw_arr_end(struct jw *w) { close_(w, ']'); }

/* Bytes that need an escape: controls, '"', '\\' and '<'; the runs
 * between them are copied whole. */
static const bool json_special[256] = {
	[0x00] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x10] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1, ['<'] = 1,
};

void json_escape(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;
	for (; *p; p++) {
		if (!json_special[*p])
			continue;
		buf_add(b, run, (size_t)(p - run));
		run = p + 1;
		switch (*p) {
		case '"': buf_add(b, "\\\"", 2); break;
		case '\\': buf_add(b, "\\\\", 2); break;
		case '\n': buf_add(b, "\\n", 2); break;
		case '\r': buf_add(b, "\\r", 2); break;
		case '\t': buf_add(b, "\\t", 2); break;
		case '<': buf_add(b, "\\u003c", 6); break;  /* safe inside HTML too */
		default: {
			static const char hex[] = "0123456789abcdef";
			char u[6] = { '\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15] };
			buf_add(b, u, sizeof u);
		}
		}
	}
	buf_add(b, run, (size_t)(p - run));
}

void jw_key(struct jw *w, const char *key)
{
	before_value(w);
	buf_putc(w->b, '"');
	json_escape(w->b, key);
	buf_puts(w->b, "\":");
	/* the value that follows must not add a comma */
	w->need_comma[w->depth] = false;
}

static void after_key_value(struct jw *w)
{
	if (w->depth > 0)
		w->need_comma[w->depth] = true;
}

void jw_str(struct jw *w, const char *s)
{
	if (!s) {
		jw_null(w);
		return;
	}
	before_value(w);
	buf_putc(w->b, '"');
	json_escape(w->b, s);
	buf_putc(w->b, '"');
	after_key_value(w);
}

void jw_int(struct jw *w, int64_t v)
{
	before_value(w);
	buf_int(w->b, v);
	after_key_value(w);
}

void jw_bool(struct jw *w, bool v)
{
	before_value(w);
	buf_puts(w->b, v ? "true" : "false");
	after_key_value(w);
}

void jw_null(struct jw *w)
{
	before_value(w);
	buf_puts(w->b, "null");
	after_key_value(w);
}

void jw_kstr(struct jw *w, const char *key, const char *s) { jw_key(w, key); jw_str(w, s); }
void jw_kint(struct jw *w, const char *key, int64_t v) { jw_key(w, key); jw_int(w, v); }
void jw_kbool(struct jw *w, const char *key, bool v) { jw_key(w, key); jw_bool(w, v); }
void jw_ktime(struct jw *w, const char *key, int64_t epoch) { jw_key(w, key); jw_time(w, epoch); }

void jw_time(struct jw *w, int64_t epoch)
{
	if (!epoch) {
		jw_null(w);
		return;
	}
	time_t tt = (time_t)epoch;
	struct tm tm;
	char s[32];
	if (!gmtime_r(&tt, &tm) || !strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm)) {
		jw_null(w);
		return;
	}
	jw_str(w, s);
}

void jw_kid(struct jw *w, const char *key, int64_t id)
{
	jw_key(w, key);
	if (id)
		jw_int(w, id);
	else
		jw_null(w);
}
