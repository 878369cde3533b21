/* decision.h (views) — the decision's pages: the progress page of a
 * cycle's decision (steps, status, return comment, consultations, published
 * versions, the actions the role may take), the confirmation pages of send,
 * approve, return and publish, and the consultation pages (form, record
 * with its files and upload form, delete confirmations). Each writes the
 * page body after page_begin. The words of the closed lists (criticality,
 * horizon, measure type, scope, states) are here for decided_strategy.c too. */
#ifndef EVNE_VIEWS_DECISION_H
#define EVNE_VIEWS_DECISION_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/decision.h"
#include "html/html.h"

enum msg v_dec_status_msg(enum decision_status s);
enum msg v_dec_criticality_msg(enum criticality c);
enum msg v_dec_horizon_msg(enum horizon h);
enum msg v_dec_kind_msg(enum measure_kind k);
enum msg v_dec_need_scope_msg(enum need_scope s);
enum msg v_dec_measure_scope_msg(enum measure_scope s);
/* "2027-03-01" as "01.03.2027"; other text as it is. */
void v_dec_iso_date(struct html *h, const char *iso);
/* Text as written, its line breaks kept (a comment, a note). */
void v_dec_text(struct html *h, const char *text);
/* Lines of text ("a\nb") as a list, or the text of none when empty. */
void v_dec_lines(struct html *h, const char *lines, enum msg none);

/* GET /cycles/{id}/decision */
struct v_decision_page {
	int64_t cycle_id;
	const char *cycle_name;
	const struct decision *d;
	enum dec_step_state steps[DEC_STEP_COUNT];
	int64_t decided_needs, decided_measures;
	const struct consultation *consultations;
	int nconsultations;
	const struct decided_version *versions;   /* newest first */
	int nversions;
	bool can_compile;                 /* HR, admin: send, publish, consultations */
	bool can_approve;                 /* management */
	const char *csrf;
};
void v_decision_page(struct html *h, const struct v_decision_page *m);

/* GET and POST /cycles/{id}/decision/{send,approve,return,publish} */
struct v_decision_confirm {
	int64_t cycle_id;
	const char *cycle_name;
	enum decision_op op;
	enum decision_refusal refusal;    /* DEC_ALLOWED: the form; else why not */
	enum decision_status status;      /* for DEC_REFUSED_STATE */
	const char *comment;              /* as posted */
	const struct field_errors *errors;
	const struct decided_version *preview;   /* publish: what will be published */
	int64_t next_number;              /* publish: its number */
	const char *csrf;
};
void v_decision_confirm(struct html *h, const struct v_decision_confirm *m);

/* GET /cycles/{id}/consultations/new, .../{cid}/edit, and after a refused POST. */
struct v_consultation_form {
	int64_t cycle_id;
	const char *cycle_name;
	int64_t id;                       /* 0: new */
	const char *held_on, *participants, *minutes;   /* values shown */
	const struct field_errors *errors;
	const char *csrf;
};
void v_consultation_form(struct html *h, const struct v_consultation_form *m);

/* GET /cycles/{id}/consultations/{cid}, and after a refused upload. */
struct v_consultation_page {
	int64_t cycle_id;
	const char *cycle_name;
	const struct consultation *k;
	const struct consultation_file *files;
	int nfiles;
	bool can_edit;                    /* HR, admin, and the decision is being compiled */
	bool locked;                      /* awaiting approval or approved */
	enum doc_upload_problem upload;   /* DOC_UPLOAD_OK: none */
	bool upload_missing;              /* no file chosen */
	bool too_many_files;
	const char *max_mb;               /* the upload limit as text */
	const char *csrf;
};
void v_consultation_page(struct html *h, const struct v_consultation_page *m);

/* GET /cycles/{id}/consultations/{cid}/delete and .../files/{file_id}/delete:
 * f NULL asks about the consultation. */
struct v_consultation_delete {
	int64_t cycle_id;
	const struct consultation *k;
	const struct consultation_file *f;
	const char *csrf;
};
void v_consultation_delete(struct html *h, const struct v_consultation_delete *m);

/* The 409 page of a write the decision's state forbids. */
void v_decision_locked(struct html *h, int64_t cycle_id, enum decision_status s);

#endif
