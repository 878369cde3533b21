/* heatmap.h (views) — the heat map of proposed needs: units (rows, each
 * with every unit below it: the divisions first, and one can open a unit to
 * see the units below it) by top-level competence area (columns, plus "not
 * in the catalogue"). It is a
 * real table (caption, th scope, sums per row and column), so a screen
 * reader reads it as one; each cell holds its number (and the highest
 * criticality) as text, and its colour step is repeated as a pattern and a
 * symbol, so it reads without colour. */
#ifndef EVNE_VIEWS_HEATMAP_H
#define EVNE_VIEWS_HEATMAP_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/compilation.h"
#include "html/html.h"
#include "views/compilation.h"

enum { V_HEAT_ROWS_PER_PAGE = 50 };

struct v_heatmap {
	struct v_comp_head head;
	bool drafts;               /* drafts counted too */
	bool weighted;             /* values are criticality weights */
	int64_t unit_id;           /* ?unit=: the unit opened; 0: the top */
	int64_t node_id;           /* the unit whose children are the rows (and its own needs
				    * its own row); 0: the roots are the rows */
	const struct v_comp_choice *path;   /* the units from the top down to node_id, each a link */
	int npath;
	const bool *drillable;     /* per grid row: it has units below it to open */
	int page, pages;           /* of the rows, V_HEAT_ROWS_PER_PAGE each */
	const struct heat_grid *grid;   /* the last column's name is NULL: "not in the catalogue" */
};
void v_heatmap(struct html *h, const struct v_heatmap *m);

#endif
