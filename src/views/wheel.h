/* wheel.h — the annual wheel (årshjul) of a cycle as an inline SVG inside a
 * <figure>: a ring with one track per phase, each arc in its own colour AND
 * pattern AND numbered (readable without colour, WCAG 1.4.1), month ticks
 * and names around it, and a marker for today. The SVG is hidden from
 * assistive technology; the figure's caption and a list of the phases with
 * their dates (which doubles as the legend) are its text alternative. */
#ifndef EVNE_VIEWS_WHEEL_H
#define EVNE_VIEWS_WHEEL_H

#include "domain/cycle.h"
#include "html/html.h"

/* The wheel of cy on day today (ISO). When no phase has dates it writes a
 * sentence saying so instead. */
void v_wheel(struct html *h, const struct cycle *cy, const char *today);

#endif
