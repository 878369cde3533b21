/* html.h — the only way to produce HTML. Text and attribute values are always
 * escaped; markup goes in only through HTML_LIT, which accepts a string
 * literal alone (a variable fails to compile); URLs through html_attr_url,
 * which refuses javascript: and other unsafe schemes. */
#ifndef EVNE_HTML_H
#define EVNE_HTML_H

#include <stdint.h>
#include "base/buf.h"
#include "i18n/i18n.h"

struct html {
	struct buf *b;
	enum lang lang;
};

void html_init(struct html *h, struct buf *b, enum lang lang);

#define HTML_LIT(h, s) html_lit_((h), "" s "", sizeof(s) - 1)
void html_lit_(struct html *h, const char *s, size_t n);

void html_text(struct html *h, const char *s);           /* escaped; NULL writes nothing */
void html_int(struct html *h, int64_t v);                /* 1234 */
void html_num(struct html *h, int64_t v);                /* 1 234 (Norwegian grouping) */
void html_date(struct html *h, int64_t epoch);
void html_datetime(struct html *h, int64_t epoch);
void html_msg(struct html *h, enum msg m);               /* catalogue text, escaped */
/* catalogue text with printf arguments; the result is escaped */
void html_msgf(struct html *h, enum msg m, ...);

/* ` name="value"` with value escaped; name must be a literal. */
#define HTML_ATTR(h, name, v) html_attr_((h), "" name "", (v))
void html_attr_(struct html *h, const char *name, const char *value);
#define HTML_ATTR_INT(h, name, v) html_attr_int_((h), "" name "", (v))
void html_attr_int_(struct html *h, const char *name, int64_t v);
/* ` name="url"`: relative URLs, http:, https: and mailto: only; anything else
 * becomes "#" (and is logged as our bug). */
#define HTML_URL(h, name, url) html_attr_url_((h), "" name "", (url))
void html_attr_url_(struct html *h, const char *name, const char *url);

/* Percent-encodes s for a URL path segment or query value. */
void url_encode(struct buf *b, const char *s);
/* Builds a path like "/units/12" in arena memory: format takes %lld and %s
 * (the strings are percent-encoded). */
char *url_path(struct arena *a, const char *fmt, ...);

/* A URL with query parameters in arena memory, for links that keep a
 * page's filters: url_begin(&u, a, path), then url_param_int/url_param_str
 * (names are literals, string values percent-encoded; NULL or "" adds
 * nothing), then url_end, which gives the URL ("" over the arena's cap). */
struct url_builder {
	struct buf b;
	char sep;
};
void url_begin(struct url_builder *u, struct arena *a, const char *path);
void url_param_int(struct url_builder *u, const char *name, int64_t v);
void url_param_str(struct url_builder *u, const char *name, const char *v);
const char *url_end(struct url_builder *u);

#endif
