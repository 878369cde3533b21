/* markdown.c — a cmark tree walked into the escaping HTML writer. There is
 * no raw-HTML path: HTML blocks and inline HTML become visible text. */
#include "html/markdown.h"

#include <cmark.h>
#include <string.h>

enum { MARKDOWN_MAX_BYTES = 256 * 1024 };

static void heading_tag(struct html *h, int level, bool enter)
{
	switch (level < 1 ? 1 : level > 6 ? 6 : level) {
	case 1: if (enter) HTML_LIT(h, "<h1>"); else HTML_LIT(h, "</h1>"); break;
	case 2: if (enter) HTML_LIT(h, "<h2>"); else HTML_LIT(h, "</h2>"); break;
	case 3: if (enter) HTML_LIT(h, "<h3>"); else HTML_LIT(h, "</h3>"); break;
	case 4: if (enter) HTML_LIT(h, "<h4>"); else HTML_LIT(h, "</h4>"); break;
	case 5: if (enter) HTML_LIT(h, "<h5>"); else HTML_LIT(h, "</h5>"); break;
	default: if (enter) HTML_LIT(h, "<h6>"); else HTML_LIT(h, "</h6>"); break;
	}
}

static void literal(struct html *h, cmark_node *n)
{
	const char *s = cmark_node_get_literal(n);
	html_text(h, s ? s : "");
}

/* Heading levels while one text is written: "#" is base, and a heading is
 * never more than one level below the one before it (the first at most base),
 * so "### x" in a text under an h2 is an h3, not an h5 after an h2 (a skipped
 * level is an HTML error and confuses screen-reader navigation). */
struct headings {
	int base;
	int prev;   /* level of the heading before, base - 1 at the start */
	int open;   /* level of the heading being written */
};

static void render_node(struct html *h, cmark_node *n, cmark_event_type ev, struct headings *hd)
{
	bool enter = ev == CMARK_EVENT_ENTER;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH: {
		cmark_node *parent = cmark_node_parent(n);
		bool tight = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
			     cmark_node_get_list_tight(cmark_node_parent(parent));
		if (!tight) {
			if (enter)
				HTML_LIT(h, "<p>");
			else
				HTML_LIT(h, "</p>\n");
		}
		break;
	}
	case CMARK_NODE_HEADING:
		if (enter) {
			int level = cmark_node_get_heading_level(n) + hd->base - 1;
			if (level > hd->prev + 1)
				level = hd->prev + 1;
			if (level > 6)
				level = 6;
			hd->open = hd->prev = level;
		}
		heading_tag(h, hd->open, enter);
		if (!enter)
			HTML_LIT(h, "\n");
		break;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_HTML_INLINE:
		literal(h, n);
		break;
	case CMARK_NODE_HTML_BLOCK:
		HTML_LIT(h, "<p>");
		literal(h, n);
		HTML_LIT(h, "</p>\n");
		break;
	case CMARK_NODE_CODE:
		HTML_LIT(h, "<code>");
		literal(h, n);
		HTML_LIT(h, "</code>");
		break;
	case CMARK_NODE_CODE_BLOCK:
		HTML_LIT(h, "<pre><code>");
		literal(h, n);
		HTML_LIT(h, "</code></pre>\n");
		break;
	case CMARK_NODE_SOFTBREAK:
		HTML_LIT(h, "\n");
		break;
	case CMARK_NODE_LINEBREAK:
		HTML_LIT(h, "<br>\n");
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		HTML_LIT(h, "<hr>\n");
		break;
	case CMARK_NODE_EMPH:
		if (enter)
			HTML_LIT(h, "<em>");
		else
			HTML_LIT(h, "</em>");
		break;
	case CMARK_NODE_STRONG:
		if (enter)
			HTML_LIT(h, "<strong>");
		else
			HTML_LIT(h, "</strong>");
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		if (enter)
			HTML_LIT(h, "<blockquote>\n");
		else
			HTML_LIT(h, "</blockquote>\n");
		break;
	case CMARK_NODE_LIST:
		if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
			if (enter)
				HTML_LIT(h, "<ol>\n");
			else
				HTML_LIT(h, "</ol>\n");
		} else {
			if (enter)
				HTML_LIT(h, "<ul>\n");
			else
				HTML_LIT(h, "</ul>\n");
		}
		break;
	case CMARK_NODE_ITEM:
		if (enter)
			HTML_LIT(h, "<li>");
		else
			HTML_LIT(h, "</li>\n");
		break;
	case CMARK_NODE_LINK:
		if (enter) {
			HTML_LIT(h, "<a class=\"ds-link\"");
			HTML_URL(h, "href", cmark_node_get_url(n));
			HTML_LIT(h, ">");
		} else {
			HTML_LIT(h, "</a>");
		}
		break;
	case CMARK_NODE_IMAGE:
		/* images would load from anywhere; show the alternative text */
		break;
	default:
		break;
	}
}

void html_markdown(struct html *h, const char *src, int heading_base)
{
	if (!src || !*src)
		return;
	size_t n = strlen(src);
	if (n > MARKDOWN_MAX_BYTES)
		n = MARKDOWN_MAX_BYTES;
	cmark_node *doc = cmark_parse_document(src, n, CMARK_OPT_SAFE);
	if (!doc)
		return;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	struct headings hd = { heading_base, heading_base - 1, heading_base };
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		render_node(h, cmark_iter_get_node(it), ev, &hd);
	cmark_iter_free(it);
	cmark_node_free(doc);
}

char *markdown_plain(struct arena *a, const char *src)
{
	if (!src)
		return NULL;
	struct buf b;
	buf_init(&b, a, 0);
	cmark_node *doc = cmark_parse_document(src, strlen(src), CMARK_OPT_SAFE);
	if (!doc)
		return NULL;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);
		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE))
			buf_puts(&b, cmark_node_get_literal(node));
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ||
			 (ev == CMARK_EVENT_EXIT && (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
						     t == CMARK_NODE_ITEM)))
			if (b.len && b.data[b.len - 1] != ' ')
				buf_putc(&b, ' ');
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return b.err ? NULL : b.data ? b.data : arena_strdup(a, "");
}
