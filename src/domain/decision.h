/* decision.h — the step between phases 2 and 3 (product.md): the cycle's
 * decision as a state machine (HR sends the compiled strategy for approval,
 * top management approves it or returns it with a comment, HR publishes an
 * approved strategy as a new numbered version and compiling starts again),
 * the formal consultation with the union representatives and its field
 * rules, the published versions as plain records, the differences between
 * two versions, the progress steps shown to users, and the audit JSON of
 * every change. Pure: no I/O, no clock. Strings are owned by whoever filled
 * the structs; dv_diff allocates in the arena it is given. */
#ifndef EVNE_DOMAIN_DECISION_H
#define EVNE_DOMAIN_DECISION_H

#include <stdbool.h>
#include <stdint.h>
#include "base/arena.h"
#include "base/buf.h"
#include "domain/access.h"
#include "domain/documents.h"
#include "domain/phase2.h"
#include "domain/validate.h"

enum {
	DEC_COMMENT_MAX_CHARS = 4000,         /* approval or return comment, publication note */
	CONSULT_PARTICIPANTS_MAX_CHARS = 4000,
	CONSULT_PARTICIPANT_MAX_CHARS = 200,  /* one line: a name and what they represent */
	CONSULT_PARTICIPANTS_MAX_LINES = 100,
	CONSULT_MINUTES_MAX_CHARS = 100000,   /* Markdown */
	CONSULT_FILES_MAX = 20                /* attachments per consultation */
};

/* The cycle's decision; before any row exists: compiling, all else 0/NULL. */
struct decision {
	int64_t cycle_id;
	enum decision_status status;
	int64_t sent_at, sent_by;         /* sent for approval */
	char *sent_by_name;
	int64_t approved_at, approved_by;
	char *approved_by_name;
	int64_t returned_at, returned_by;
	char *returned_by_name;
	char *return_comment;             /* "" when none */
	char *approval_comment;           /* the approver's, "" when none; a send clears it */
	int64_t updated_at;
};

enum decision_op { DEC_OP_SEND = 0, DEC_OP_APPROVE, DEC_OP_RETURN, DEC_OP_PUBLISH, DEC_OP_COUNT };

/* "send", "approve", "return", "publish" (paths, audit actions). */
const char *decision_op_name(enum decision_op op);

/* Why an operation is refused, in the order they are asked. */
enum decision_refusal {
	DEC_ALLOWED = 0,
	DEC_REFUSED_ROLE,          /* send and publish are HR's, approve and return management's */
	DEC_REFUSED_STATE,         /* not from this state (send: compiling; approve, return:
				      awaiting approval; publish: approved) */
	DEC_REFUSED_NO_NEEDS,      /* send: no decided need yet */
	DEC_REFUSED_NO_CONSULTATION,  /* send: no consultation recorded */
	DEC_REFUSED_COMMENT        /* return: the comment is required */
};

/* What the state machine needs to know about the working set. */
struct decision_facts {
	enum decision_status status;
	int64_t decided_needs;
	int64_t consultations;
};

/* May actor do op now? comment is the return comment (or NULL). */
enum decision_refusal decision_check(const struct actor *actor, enum decision_op op,
				     const struct decision_facts *f, const char *comment);
/* The state after op (publish returns to compiling for a later version). */
enum decision_status decision_after(enum decision_op op);
/* Applies op to d by actor at now (status, who and when, the comment:
 * approve keeps it as the approval comment, return as the return comment,
 * send clears the approval comment; publish ignores it). */
void decision_apply(struct decision *d, enum decision_op op, int64_t user_id, const char *comment,
		    int64_t now);

/* The optional comment of approve, the required one of return and the
 * publication note: valid text (line breaks allowed), at most
 * DEC_COMMENT_MAX_CHARS; return: not blank. field names it. */
void validate_decision_comment(enum decision_op op, const char *comment, const char *field,
			       struct field_errors *fe);

/* ---- progress, as shown on the decision page ---- */

enum dec_step { DEC_STEP_COMPILED = 0, DEC_STEP_CONSULTED, DEC_STEP_APPROVED, DEC_STEP_PUBLISHED,
		DEC_STEP_COUNT };
enum dec_step_state { STEP_AHEAD = 0, STEP_CURRENT, STEP_DONE };

struct decision_progress {
	enum decision_status status;
	int64_t decided_needs, consultations;
	int64_t versions;                 /* published so far */
	int64_t last_published_at;        /* 0: never */
	int64_t sent_at;                  /* the decision's last send, 0: never */
};
/* Each step done, current (the first not done) or still to come. After a
 * publication with no later send, all four are done. */
void decision_steps(const struct decision_progress *p, enum dec_step_state out[DEC_STEP_COUNT]);

/* ---- consultations (drøftingsmøte) ---- */

struct consultation {
	int64_t id;
	int64_t cycle_id;
	char *held_on;                    /* "YYYY-MM-DD" */
	char *participants;               /* one per line */
	char *minutes;                    /* Markdown, "" when none */
	int64_t created_by, created_at;
	int64_t updated_by, updated_at;
	char *updated_by_name;
	int64_t files;                    /* attachments, filled by lists */
};

struct consultation_file {
	int64_t id;
	int64_t consultation_id;
	char *file_name;
	enum doc_file_type file_type;
	int64_t file_size;
	char *file_sha256;
	const void *file_data;            /* the bytes, when asked for */
	int64_t created_by, created_at;
	char *created_by_name;
};

/* held_on_text as typed ("2027-03-01" or "1.3.2027") into iso: required, a
 * real date (field "held_on"); participants: required, at least one line
 * that is not blank, each at most CONSULT_PARTICIPANT_MAX_CHARS, at most
 * CONSULT_PARTICIPANTS_MAX_LINES lines (field "participants"); minutes:
 * optional valid text, at most CONSULT_MINUTES_MAX_CHARS (field "minutes"). */
void validate_consultation(const char *held_on_text, char iso[11], const char *participants,
			   const char *minutes, struct field_errors *fe);
/* The participants as stored: each line trimmed, blank lines dropped, "\n"
 * between; written into out (at least strlen(in) + 1 bytes). */
void consultation_participants_clean(const char *in, char *out);

/* ---- published versions ---- */

/* One decided need as published: the texts and names frozen. Lists
 * (proposed_by, goals) hold one name per line. */
struct dv_need {
	int64_t key;                      /* the working row's id: identity across versions */
	int position;
	enum need_scope scope;
	char *unit_name;                  /* scope unit; "" otherwise */
	char *competence_name;            /* "" when described freely */
	char *title;
	char *description;
	enum criticality criticality;
	int64_t required_level;           /* 0: none */
	enum horizon horizon;
	int64_t people_affected;          /* -1: not given */
	char *proposed_by;                /* the proposing units */
	char *goals;                      /* the strategic goals it serves */
};

struct dv_measure {
	int64_t key;
	int position;
	enum measure_kind kind;
	enum measure_scope scope;
	char *unit_name;                  /* scope local; "" otherwise */
	char *title;
	char *description;
	char *owner;
	char *deadline;                   /* "YYYY-MM-DD" or "" */
	int64_t budget;                   /* whole kroner; -1: not given */
	char *needs;                      /* the titles of the needs it answers */
};

struct decided_version {
	int64_t id;
	int64_t cycle_id;
	int64_t number;                   /* 1, 2, ... */
	char *note;                       /* "" when none */
	int64_t approved_at, approved_by;
	char *approved_by_name;           /* frozen at publication; "" when unknown */
	char *approval_comment;           /* frozen at publication; "" when none */
	int64_t published_at, published_by;
	char *published_by_name;          /* the user's name, else the one frozen at
					     publication; NULL when neither is known */
	struct dv_need *needs;
	int nneeds;
	struct dv_measure *measures;
	int nmeasures;
};

/* ---- differences between two versions ---- */

enum dv_field {
	DVF_TITLE = 0, DVF_DESCRIPTION, DVF_SCOPE, DVF_UNIT, DVF_COMPETENCE, DVF_CRITICALITY,
	DVF_REQUIRED_LEVEL, DVF_HORIZON, DVF_PEOPLE_AFFECTED, DVF_PROPOSED_BY, DVF_GOALS,
	DVF_KIND, DVF_OWNER, DVF_DEADLINE, DVF_BUDGET, DVF_NEEDS, DVF_COUNT
};
/* "title", "description", ... (JSON names). */
const char *dv_field_name(enum dv_field f);

enum dv_change { DV_ADDED = 0, DV_REMOVED, DV_CHANGED };
const char *dv_change_name(enum dv_change c);   /* "added", "removed", "changed" */

/* A field's values as stored names or text: enums by their stored names
 * (criticality "high"), numbers in decimal, "" for none. */
struct dv_field_change {
	enum dv_field field;
	const char *before;
	const char *after;
};

struct dv_item_diff {
	bool measure;                     /* a measure, else a need */
	enum dv_change change;
	int64_t key;
	const char *title;                /* the newer title (the older one when removed) */
	const struct dv_need *need_before, *need_after;       /* when a need */
	const struct dv_measure *measure_before, *measure_after;
	struct dv_field_change *fields;   /* DV_CHANGED: the fields that differ */
	int nfields;
};

struct dv_diff {
	struct dv_item_diff *items;       /* needs first, then measures; each in the newer
					     version's order, removed ones after */
	int n;
};

/* The differences from -> to, matched by need_key and measure_key. false
 * when the arena's cap was reached. */
bool dv_diff(struct arena *a, const struct decided_version *from, const struct decided_version *to,
	     struct dv_diff *out);

/* A version number from a path or query ("1", "2", ...); false otherwise. */
bool dv_number_parse(const char *s, int64_t *out);

/* ---- audit JSON ({"field": [before, after]}) ---- */

void decision_audit(struct buf *b, const struct decision *before, const struct decision *after,
		    const char *comment);
/* before or after NULL: create or delete. */
void consultation_audit(struct buf *b, const struct consultation *before,
			const struct consultation *after);
void consultation_file_audit(struct buf *b, const struct consultation_file *f, bool added);
void decided_version_audit(struct buf *b, const struct decided_version *v);

#endif
