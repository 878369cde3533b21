/* markdown.h — rich text fields (strategy texts, documents) in Markdown,
 * rendered through the escaping writer: cmark parses, and each node of the
 * tree is written with html_text / HTML_URL, so raw HTML in the source is
 * shown as text and links are limited to safe schemes like any other URL. */
#ifndef EVNE_MARKDOWN_H
#define EVNE_MARKDOWN_H

#include "html/html.h"

/* Writes src as HTML. Headings are shifted so "#" becomes heading_base
 * (e.g. 3 under a page's h1 and a section's h2), capped at h6; no heading
 * is more than one level below the one before it (the first is at most
 * heading_base), so a text never skips a heading level. */
void html_markdown(struct html *h, const char *src, int heading_base);
/* The plain text of src (for summaries and exports), in arena memory. */
char *markdown_plain(struct arena *a, const char *src);

#endif
