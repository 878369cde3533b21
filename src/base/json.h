/* json.h — a JSON writer into a buf. Commas and escaping are handled by the
 * writer; callers only say what comes next. Reading JSON uses jansson. */
#ifndef EVNE_JSON_H
#define EVNE_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include "base/buf.h"

enum { JSON_MAX_DEPTH = 32 };

struct jw {
	struct buf *b;
	int depth;
	bool need_comma[JSON_MAX_DEPTH];
};

void jw_init(struct jw *w, struct buf *b);
void jw_obj(struct jw *w);
void jw_obj_end(struct jw *w);
void jw_arr(struct jw *w);
void jw_arr_end(struct jw *w);
void jw_key(struct jw *w, const char *key);
void jw_str(struct jw *w, const char *s);     /* NULL writes null */
void jw_int(struct jw *w, int64_t v);
void jw_bool(struct jw *w, bool v);
void jw_null(struct jw *w);
/* A time as RFC 3339 UTC ("2027-01-31T09:30:00Z", contract.md); 0 (never)
 * writes null. */
void jw_time(struct jw *w, int64_t epoch);
/* key + value shorthands */
void jw_kstr(struct jw *w, const char *key, const char *s);
void jw_kint(struct jw *w, const char *key, int64_t v);
void jw_kid(struct jw *w, const char *key, int64_t id);  /* 0 writes null */
void jw_kbool(struct jw *w, const char *key, bool v);
void jw_ktime(struct jw *w, const char *key, int64_t epoch);

/* Escapes s as a JSON string body (no quotes) into b. */
void json_escape(struct buf *b, const char *s);

#endif
