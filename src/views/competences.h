/* competences.h (views) — the competence catalogue pages: the catalogue as a
 * tree of areas with their competences (or, for a search, one table of the
 * matches), one competence, the competence and area forms, the two scales
 * and a scale's edit form. Each function writes the page body after
 * page_begin from its own view model, filled by web/page_competences.c; all
 * pointers are borrowed for the call. */
#ifndef EVNE_VIEWS_COMPETENCES_H
#define EVNE_VIEWS_COMPETENCES_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/competences.h"
#include "domain/validate.h"
#include "html/html.h"
#include "views/form.h"

/* GET /competences */
struct v_competences_index {
	const char *q;                        /* the search as typed; NULL or "": the whole tree */
	bool include_inactive;
	const struct competence_area *areas;  /* tree order, depth set */
	int nareas;
	const struct competence *items;       /* the competences shown, Norwegian name order */
	int n;
	bool can_edit;                        /* new/edit buttons */
};
void v_competences_index(struct html *h, const struct v_competences_index *m);

/* GET /competences/{id} */
struct v_competence_show {
	const struct competence *k;           /* area_name set */
	bool can_edit;
};
void v_competence_show(struct html *h, const struct v_competence_show *m);

/* GET /competences/new, /competences/{id}/edit, and after a failed POST. */
struct v_competence_form {
	const struct competence *k;           /* the values shown; id 0: new */
	const char *heading_name;             /* the stored name when editing */
	const char *area_text;                /* the area as posted; NULL: from k->area_id */
	const struct competence_area *areas;  /* choices, tree order */
	int nareas;
	const struct field_errors *errors;
	const char *csrf;
};
void v_competence_form(struct html *h, const struct v_competence_form *m);

/* GET /competences/areas/new, /competences/areas/{id}/edit, after a failed POST. */
struct v_area_form {
	const struct competence_area *area;   /* id 0: new */
	const char *heading_name;
	const char *parent_text;              /* as posted; NULL: from area->parent_id */
	const struct competence_area *parents;   /* allowed parents (not the area or below it) */
	int nparents;
	const struct field_errors *errors;
	const char *csrf;
};
void v_area_form(struct html *h, const struct v_area_form *m);

/* GET /competences/scales */
struct v_scales {
	const struct scale *scales;           /* SCALE_KIND_COUNT of them, by kind */
	bool can_edit;
};
void v_scales(struct html *h, const struct v_scales *m);

/* GET /competences/scales/{scale}/edit, and after a failed POST. Field
 * names are name_LANG_LEVEL and description_LANG_LEVEL ("name_nn_3"). */
struct v_scale_form {
	const struct scale *scale;            /* the values shown */
	const struct field_errors *errors;
	const char *csrf;
};
void v_scale_form(struct html *h, const struct v_scale_form *m);

/* The field name of a level's text, in the arena: "name_nb_1". */
char *v_scale_field(struct arena *a, bool description, int lang, int level);
/* The catalogue name of a scale kind. */
enum msg v_scale_msg(enum scale_kind k);

#endif
