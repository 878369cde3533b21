/* prepare.h — phase 1, the leader's preparation (product.md, "1. Leader
 * preparation"), as plain records and pure rules: the checklist of the
 * phase's procedure steps (which step a form names, how many are ticked,
 * whether it is complete), the leader's notes and draft competence needs
 * and their field checks, the order documents are offered in for the pack
 * (leader guides first), who the pack goes to, whether the cycle still
 * takes changes, and the audit JSON of each change. No I/O, no clock.
 * Strings are owned by whoever filled the structs. */
#ifndef EVNE_DOMAIN_PREPARE_H
#define EVNE_DOMAIN_PREPARE_H

#include <stdbool.h>
#include <stdint.h>
#include "base/buf.h"
#include "domain/documents.h"
#include "domain/indicators.h"
#include "domain/validate.h"

enum {
	PREP_NOTES_MAX_CHARS = 20000,      /* the notes on likely goals (Markdown) */
	PREP_NEED_TITLE_MAX_CHARS = 200,   /* a draft need: the competence */
	PREP_NEED_WHY_MAX_CHARS = 2000,    /* and a short why */
	PREP_NEEDS_MAX = 100,              /* draft needs per unit and cycle */
	PREP_STEPS_MAX = 50,               /* checklist steps read from a procedure */
	PREP_PACK_MAX = 200                /* documents in one pack */
};

/* One ticked step: its index in the procedure and its text when ticked. */
struct prep_tick {
	int step;
	char *step_text;
	int64_t ticked_by;         /* user id; 0: gone */
	char *ticked_by_name;
	int64_t ticked_at;
};

/* A draft competence need: the competence described freely (title) and a
 * short why (description). Phase 2 reads these as the unit's draft needs. */
struct prep_need {
	int64_t id;
	int64_t cycle_id;
	int64_t unit_id;
	char *title;
	char *description;         /* "" when none */
	int position;              /* 1, 2, ... within the unit and cycle */
	int64_t created_by;
	char *created_by_name;
	int64_t created_at;
};

/* The unit's preparation record; all zero/NULL before anything was written. */
struct preparation {
	int64_t cycle_id;
	int64_t unit_id;
	char *likely_goals;        /* Markdown, "" when none */
	int64_t pack_sent_at;      /* 0: not sent */
	int64_t pack_sent_by;
	char *pack_sent_by_name;
	int64_t pack_sent_count;   /* people the pack went to */
	int64_t updated_at;
};

/* A cycle's preparation takes changes unless the cycle is closed
 * ("draft", "open", "closed" as stored). */
bool prep_writable(const char *cycle_status);

/* The step index of a path segment: decimal digits, 1-based as shown ("1"
 * is index 0), within nsteps. false otherwise. */
bool prep_step_parse(const char *s, int nsteps, int *index);

/* Ticks whose step lies within the checklist's nsteps (a tick of a step HR
 * has since removed no longer counts). */
int prep_ticked_count(const struct prep_tick *ticks, int n, int nsteps);
/* The tick of step index, or NULL. */
const struct prep_tick *prep_tick_of(const struct prep_tick *ticks, int n, int step);

/* The notes: valid text (newlines allowed), at most PREP_NOTES_MAX_CHARS;
 * field "likely_goals". */
void validate_prep_notes(const char *likely_goals, struct field_errors *fe);
/* A draft need: title required, one line, at most PREP_NEED_TITLE_MAX_CHARS
 * (field "title"); description optional, at most PREP_NEED_WHY_MAX_CHARS
 * (field "description"). */
void validate_prep_need(const struct prep_need *n, struct field_errors *fe);

/* The order the organisation's documents are offered for the pack: leader
 * guides, then aids, strategy documents, others. */
int prep_doc_rank(enum doc_kind k);

/* Who receives the unit's pack: the unit's own active people (not those of
 * its sub-units, who have their own leaders and packs), and not the unit's
 * leader, who chose the pack. */
bool prep_pack_recipient(bool active, int64_t person_unit_id, int64_t person_id, int64_t unit_id,
			 int64_t unit_leader_id);

/* The states the cycle's list of units filters by (?status=, stored as the
 * names below). Not prepared and reading open mean what they mean on the
 * indicators list (domain/indicator_units.h): a leader is prepared when
 * the unit's checklist is complete, so both preparation filters take only
 * units with a leader; the pack's two filters take every unit. */
enum prep_filter {
	PREP_FILTER_ALL = 0,
	PREP_FILTER_NOT_PREPARED,  /* a unit with a leader whose checklist is not complete */
	PREP_FILTER_PREPARED,      /* a unit with a leader whose checklist is complete */
	PREP_FILTER_PACK_NOT_SENT,
	PREP_FILTER_PACK_SENT,
	PREP_FILTER_READING_OPEN,  /* employees who have not confirmed reading everything */
	PREP_FILTER_COUNT
};
/* "" for all, "not_prepared", "prepared", "pack_not_sent", "pack_sent", "reading_open". */
const char *prep_filter_name(enum prep_filter f);
/* NULL or "" is PREP_FILTER_ALL; false for an unknown name. */
bool prep_filter_parse(const char *s, enum prep_filter *out);
/* The unit with counts c (a checklist of nsteps steps) and its pack sent at
 * pack_sent_at (0: not sent) passes filter f. */
bool prep_filter_match(enum prep_filter f, const struct ind_unit_counts *c, int nsteps, int64_t pack_sent_at);

/* Audit JSON of the changes ({"field": [before, after]}). */
void prep_audit_tick(struct buf *b, int step, const char *step_text, bool ticked);
void prep_audit_notes(struct buf *b, const char *before, const char *after);
/* before or after NULL: create or delete. */
void prep_audit_need(struct buf *b, const struct prep_need *before, const struct prep_need *after);
/* The document ids of the pack before and after a choice. */
void prep_audit_pack(struct buf *b, const int64_t *before, int nbefore, const int64_t *after,
		     int nafter);
void prep_audit_send(struct buf *b, const int64_t *docs, int ndocs, int64_t people);

#endif
