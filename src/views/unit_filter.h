/* unit_filter.h — the filters of a long list of units, shared by the
 * indicators list and the preparation list (views/unit_filter.c): the
 * list's URL with its filters (?unit=ID&status=NAME), the GET form with a
 * select of units and one of statuses, and the trail of the unit shown,
 * with links up and back to every unit. The unit select holds the
 * top-level units (at most a page's worth, chosen by the caller) plus the
 * unit shown, so no control grows with the organisation: deeper units are
 * reached by links in the list, and left by the trail. */
#ifndef EVNE_VIEWS_UNIT_FILTER_H
#define EVNE_VIEWS_UNIT_FILTER_H

#include <stdbool.h>
#include <stdint.h>
#include "html/html.h"
#include "views/form.h"

/* A unit named in the filters: the select's choices, the trail up. */
struct v_unit_ref {
	int64_t id;
	const char *name;
};

struct v_unit_filter {
	const char *base;          /* the list's path, "/cycles/3/indicators": the form's action */
	bool org_wide;             /* every unit ("Hele virksomheten"); else the actor's ("Alle enhetene dine") */
	int64_t unit_id;           /* the subtree shown; 0: none */
	const struct v_unit_ref *path;      /* unit_id and its ancestors in the list, top first */
	int npath;
	const struct v_unit_ref *choices;   /* the select's units */
	int nchoices;
	const char *status;        /* the status chosen, by name; "" none */
	const struct v_option *statuses;    /* the status select's options, "all" not among them */
	int nstatuses;
};

/* base with the filters: unit_id (0: none), status (NULL or "": none). */
const char *v_unit_filter_href(struct arena *a, const char *base, int64_t unit_id, const char *status);

/* The GET form: the unit select, the status select, the button. */
void v_unit_filter_form(struct html *h, const struct v_unit_filter *f);

/* The trail of the unit shown: every unit, the unit's ancestors as links
 * (the status kept) and the unit itself as the current location (not
 * "page": the pager marks the page). Nothing when no unit is shown. */
void v_unit_trail(struct html *h, const struct v_unit_filter *f);

#endif
