/* blocks.h — the small text blocks every page of phases 1 and 2 writes the
 * same way (headings, a paragraph, a paragraph that is one link), each a
 * catalogue text through the escaping writer, so the views share one
 * definition rather than a copy per file. */
#ifndef EVNE_VIEWS_BLOCKS_H
#define EVNE_VIEWS_BLOCKS_H

#include "html/html.h"
#include "i18n/i18n.h"

void v_block_h1(struct html *h, enum msg m);
void v_block_h2(struct html *h, enum msg m, const char *id);   /* id NULL: none */
void v_block_h3(struct html *h, enum msg m);
void v_block_para(struct html *h, enum msg m);
void v_block_link_p(struct html *h, const char *href, enum msg m);

#endif
