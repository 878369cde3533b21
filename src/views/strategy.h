/* strategy.h — the views of the strategy pages (the readable strategy of a
 * cycle, its versions, the forms HR edits the draft with, the publish and
 * delete confirmations) and of the unit goals (a unit's goals in a cycle,
 * their form and delete confirmation). Each function writes the page body
 * after page_begin from its own view model filled by the handler; all
 * pointers are borrowed for the call. Markdown fields go through
 * html_markdown; decimal numbers are shown in Norwegian form. */
#ifndef EVNE_VIEWS_STRATEGY_H
#define EVNE_VIEWS_STRATEGY_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/strategy.h"
#include "domain/validate.h"
#include "html/html.h"
#include "views/form.h"

/* The cycle a page is about. */
struct v_cycle_ref {
	int64_t id;
	const char *name;
	bool closed;
};

/* GET /cycles/{id}/strategy and /cycles/{id}/strategy/versions/{n}. */
struct v_strategy_page {
	struct v_cycle_ref cycle;
	const struct strategy_doc *doc;   /* NULL: no version to show */
	bool is_past;                /* an older published version (not the latest) */
	int latest_number;           /* the latest published number, 0 when none */
	bool can_edit;               /* HR, the draft is shown and the cycle is open for edits */
	bool can_start_draft;        /* HR, no draft yet and the cycle not closed */
	const char *csrf;
};
void v_strategy_page(struct html *h, const struct v_strategy_page *m);

/* GET /cycles/{id}/strategy/versions */
struct v_strategy_versions {
	struct v_cycle_ref cycle;
	const struct strategy_version *versions;   /* the draft first, then newest first */
	int n;
	bool show_draft;             /* HR sees the draft row */
};
void v_strategy_versions(struct html *h, const struct v_strategy_versions *m);

/* GET/POST /cycles/{id}/strategy/edit */
struct v_strategy_texts_form {
	struct v_cycle_ref cycle;
	const struct strategy_version *v;   /* the values shown */
	bool from_published;         /* no draft yet: saving starts one from version v->number */
	const struct field_errors *errors;
	const char *csrf;
};
void v_strategy_texts_form(struct html *h, const struct v_strategy_texts_form *m);

/* GET /cycles/{id}/strategy/publish */
struct v_strategy_publish {
	struct v_cycle_ref cycle;
	const struct strategy_doc *draft;   /* NULL: nothing to publish */
	int next_number;
	const char *csrf;
};
void v_strategy_publish(struct html *h, const struct v_strategy_publish *m);

/* Main goal form (new and edit). */
struct v_main_goal_form {
	struct v_cycle_ref cycle;
	const struct strategy_main_goal *g;   /* id 0: new */
	const struct field_errors *errors;
	const char *csrf;
};
void v_main_goal_form(struct html *h, const struct v_main_goal_form *m);

/* Strategic goal form (new under a main goal, and edit). */
struct v_goal_form {
	struct v_cycle_ref cycle;
	const struct strategy_goal *g;        /* id 0: new */
	const struct strategy_main_goal *mains;   /* the draft's main goals (the select) */
	int nmains;
	const struct field_errors *errors;
	const char *csrf;
};
void v_goal_form(struct html *h, const struct v_goal_form *m);

/* Indicator form (new under a strategic goal, and edit with its values). */
struct v_indicator_form {
	struct v_cycle_ref cycle;
	const struct strategy_goal *goal;     /* the strategic goal it measures */
	const struct strategy_indicator *i;   /* id 0: new */
	const char *baseline, *target;        /* as typed or formatted */
	const struct strategy_value *values;  /* edit: its values, oldest first */
	int nvalues;
	const struct field_errors *errors;
	const char *csrf;
};
void v_indicator_form(struct html *h, const struct v_indicator_form *m);

/* Indicator value form (new and edit). */
struct v_value_form {
	struct v_cycle_ref cycle;
	const struct strategy_indicator *indicator;
	int64_t id;                  /* 0: new */
	const char *measured_on, *value;   /* as typed or stored */
	const struct field_errors *errors;
	const char *csrf;
};
void v_value_form(struct html *h, const struct v_value_form *m);

/* A delete confirmation of a strategy item or a unit goal. */
enum v_strategy_item { V_ITEM_MAIN_GOAL, V_ITEM_GOAL, V_ITEM_INDICATOR, V_ITEM_VALUE, V_ITEM_UNIT_GOAL };
struct v_strategy_delete {
	enum v_strategy_item kind;
	const char *name;            /* what is deleted, as shown */
	int64_t links;               /* unit goals linked: > 0 blocks the deletion */
	const char *action;          /* the POST URL */
	const char *back;            /* the cancel URL */
	const char *csrf;
};
void v_strategy_delete(struct html *h, const struct v_strategy_delete *m);

/* A change refused (409): why (MSG_STRATEGY_CLOSED_TEXT,
 * MSG_STRATEGY_PUBLISHED_TEXT) and a way back. */
void v_strategy_refused(struct html *h, enum msg why, const char *back);

/* A choice of strategic goal for a unit goal. */
struct v_goal_choice {
	int64_t goal_id;
	const char *code, *title;
};

/* GET /units/{id}/goals */
struct v_unit_goals_page {
	int64_t unit_id;
	const char *unit_name;
	const struct v_cycle_ref *cycles;   /* the selector, newest first */
	int ncycles;
	const struct v_cycle_ref *cycle;    /* NULL: there is no cycle */
	const struct unit_goal *goals;
	int n;
	bool can_edit;               /* may add, edit and delete (scope and cycle open) */
};
void v_unit_goals_page(struct html *h, const struct v_unit_goals_page *m);

/* GET/POST /units/{id}/goals/new, /unit-goals/{id}/edit */
struct v_unit_goal_form {
	int64_t unit_id;
	const char *unit_name;
	const struct v_cycle_ref *cycle;    /* NULL: no cycle to add goals to */
	const struct unit_goal *g;          /* id 0: new */
	const char *goal_text;              /* the chosen goal_id as text */
	const struct v_goal_choice *choices;   /* the latest published version's goals */
	int nchoices;
	const struct field_errors *errors;
	const char *csrf;
};
void v_unit_goal_form(struct html *h, const struct v_unit_goal_form *m);

#endif
