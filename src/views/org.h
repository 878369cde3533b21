/* org.h — the views of the organisation pages: the unit tree, one unit, the
 * unit form and its delete confirmation (views/units.c); the employee search,
 * one employee and the employee form (views/people.c); the audit log
 * (views/audit.c). Each function writes the page body after page_begin, from
 * its own view-model struct filled by the handler; the views never look at
 * the request or the database. All pointers are borrowed for the call. */
#ifndef EVNE_VIEWS_ORG_H
#define EVNE_VIEWS_ORG_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/types.h"
#include "domain/validate.h"
#include "html/html.h"
#include "views/form.h"

/* Links shared by the pages (views/units.c): to /units/{id}, to
 * /people/{id}, and a mailto: link with the address as its text. */
void v_unit_link(struct html *h, int64_t id, const char *name);
void v_person_link(struct html *h, int64_t id, const char *name);
void v_mailto(struct html *h, const char *email);

/* A <select> of units (views/units.c): every unit of units[] in tree order,
 * indented by depth, labelled "Name (CODE)", valued by id; f->value is the
 * selected id as text. */
void v_unit_options(struct html *h, const struct v_field *f, const struct unit *units, int n,
		    const char *empty_label);

/* GET /units */
struct v_units_index {
	const struct unit *units;    /* store_unit_tree order, depth/leader_name/people_count set */
	int n;
	bool can_edit;               /* show "New unit" */
};
void v_units_index(struct html *h, const struct v_units_index *m);

/* GET /units/{id} */
struct v_unit_show {
	const struct unit *unit;     /* leader_name and parent_name set when known */
	const struct unit *tree;     /* its sub-units (store_unit_children), by name */
	int ntree;
	const struct person *people; /* Norwegian order */
	int npeople;
	bool has_more;               /* another page of people follows */
	bool is_first_page;          /* no ?after= */
	bool show_inactive;          /* ?inactive=1 */
	bool can_edit;               /* edit, delete and new sub-unit buttons */
	bool can_add_people;         /* "New employee in the unit" */
	bool can_see_goals;          /* the link to the unit's goals */
	bool can_see_reading;        /* the link to its read confirmations (its leader, HR) */
};
void v_unit_show(struct html *h, const struct v_unit_show *m);

/* GET /units/new, GET /units/{id}/edit, and both again after a failed POST. */
struct v_unit_form {
	const struct unit *unit;     /* the values shown; id 0: a new unit */
	const char *heading_name;    /* the stored name when editing (the h1) */
	const char *leader_number;   /* the leader's employee number, as typed or stored */
	const char *parent_text;     /* the parent choice as posted; NULL: from unit->parent_id */
	const struct unit *tree;     /* parent choices, tree order */
	int ntree;
	const struct field_errors *errors;   /* NULL or empty on first view */
	const char *csrf;
};
void v_unit_form(struct html *h, const struct v_unit_form *m);

/* GET /units/{id}/delete, and POST /units/{id}/delete when blocked. */
struct v_unit_delete {
	const struct unit *unit;
	bool blocked;                /* has sub-units or people: explain, no button */
	const char *csrf;
};
void v_unit_delete(struct html *h, const struct v_unit_delete *m);

/* GET /people */
struct v_people_index {
	const char *q;               /* the search text as typed; NULL or "": everyone */
	bool include_inactive;
	const struct person *people; /* one page, Norwegian order, unit_name set */
	int n;
	bool has_more;               /* a next page exists after people[n - 1] */
	bool is_first_page;          /* no cursor was given */
	bool can_create;             /* show "New employee" */
};
void v_people_index(struct html *h, const struct v_people_index *m);

/* GET /people/{id} */
struct v_person_show {
	const struct person *person;
	const char *unit_name;       /* NULL when the unit is gone */
	bool can_edit;
};
void v_person_show(struct html *h, const struct v_person_show *m);

/* GET /people/new, GET /people/{id}/edit, and both again after a failed POST. */
struct v_person_form {
	const struct person *person; /* the values shown; id 0: a new employee */
	const char *heading_name;    /* the stored name when editing (the h1) */
	const char *unit_text;       /* the unit choice as posted; NULL: from person->unit_id */
	const struct unit *units;    /* unit choices in tree order (a leader's: their scope only) */
	int nunits;
	const struct field_errors *errors;
	const char *csrf;
};
void v_person_form(struct html *h, const struct v_person_form *m);

/* GET /audit */
struct v_audit_index {
	const struct audit_entry *rows;   /* newest first */
	int n;
	const char *entity;          /* the filter: "unit", "person", or NULL for all */
	bool is_first_page;          /* no before_id was given */
	int64_t older_before_id;     /* the cursor of the next, older page; 0: none */
};
void v_audit_index(struct html *h, const struct v_audit_index *m);

#endif
