/* cycles.h — the views of the yearly cycle: the list of cycles, one cycle
 * (wheel, phases with dates and texts, HR's actions), the create and edit
 * forms, the open/close confirmations, and the phase text editor. One
 * cycle's page links to its strategy, its preparation overview and the
 * documents. Each
 * writes the page body after page_begin from its own view-model struct; all
 * pointers are borrowed for the call. Dates in the structs are ISO text;
 * the views show them as 31.01.2027. */
#ifndef EVNE_VIEWS_CYCLES_H
#define EVNE_VIEWS_CYCLES_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/cycle.h"
#include "html/html.h"

/* The catalogue name of a phase ("Lederforberedelse"). */
enum msg v_phase_msg(enum phase_key k);
/* The catalogue word of a state ("Åpen"). */
enum msg v_cycle_status_msg(enum cycle_status s);
/* The words of a cycle problem, with the phase it refers to filled in. */
void v_cycle_problem(struct html *h, const struct cycle_error *e);
/* "31.01.2027" for "2027-01-31"; the text as it is when it is not a date. */
const char *v_iso_date(struct arena *a, const char *iso);

/* GET /cycles */
struct v_cycles_index {
	const struct cycle *cycles;   /* newest first */
	int n;
	const char *today;            /* ISO */
	bool can_edit;                /* "New cycle" and the phase text links */
};
void v_cycles_index(struct html *h, const struct v_cycles_index *m);

/* GET /cycles/{id} */
struct v_cycle_show {
	const struct cycle *cycle;
	const struct phase_text *texts;   /* PHASE_COUNT, in the reader's language */
	const char *today;                /* ISO */
	bool can_edit;                    /* HR's actions */
	bool can_prepare;                 /* the link to the phase-1 preparation overview */
};
void v_cycle_show(struct html *h, const struct v_cycle_show *m);

/* GET /cycles/new, GET /cycles/{id}/edit, and both after a failed POST. */
struct v_cycle_form {
	const struct cycle *cycle;        /* the values shown; id 0: a new cycle */
	const char *heading_name;         /* the stored name when editing */
	const struct cycle *sources;      /* copy-from choices (new only) */
	int nsources;
	const char *copy_from;            /* the choice as posted, or NULL */
	const struct cycle_errors *errors;
	const char *csrf;
};
void v_cycle_form(struct html *h, const struct v_cycle_form *m);

/* GET and POST /cycles/{id}/open and /close. */
struct v_cycle_confirm {
	const struct cycle *cycle;
	bool open;                        /* open (true) or close (false) */
	enum msg refusal;                 /* MSG_COUNT: allowed; else why not (no button) */
	const struct cycle_errors *errors;   /* the dates that keep it from opening */
	const char *csrf;
};
void v_cycle_confirm(struct html *h, const struct v_cycle_confirm *m);

/* GET /cycles/phases/{key}/texts?lang=, and after a failed POST. */
struct v_phase_texts_form {
	enum phase_key key;
	const char *lang;                 /* the language edited */
	const struct phase_text *text;    /* the values shown */
	const struct phase_text *others;  /* the other two languages, for reference */
	int nothers;
	const struct cycle_errors *errors;
	const char *csrf;
};
void v_phase_texts_form(struct html *h, const struct v_phase_texts_form *m);

#endif
