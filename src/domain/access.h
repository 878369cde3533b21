/* access.h — who may do what: one pure function. Every route names one of
 * these actions; the router asks access_can() before the handler runs, and
 * handlers ask again with the object's unit once they have loaded it. */
#ifndef EVNE_ACCESS_H
#define EVNE_ACCESS_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/types.h"

enum action {
	ACT_PUBLIC = 0,      /* anyone, logged in or not */
	ACT_SIGNED_IN,       /* any logged-in user: own pages, home */
	ACT_ORG_READ,        /* browse units and people (the directory) */
	ACT_UNIT_EDIT,       /* create, edit, move, delete units */
	ACT_PERSON_EDIT,     /* create, edit, move, deactivate people (scoped for leaders) */
	ACT_IMPORT,          /* CSV import of units and people */
	ACT_AUDIT_READ,      /* the audit log */
	ACT_USER_ADMIN,      /* accounts and roles */
	ACT_CYCLE_READ,      /* the yearly cycle, its phases and texts, the strategy, documents */
	ACT_CYCLE_EDIT,      /* create cycles, set phase dates, open and close, edit phase texts */
	ACT_STRATEGY_EDIT,   /* the strategy and its versions */
	ACT_DOCUMENT_EDIT,   /* leader guides, aids and other strategy documents */
	ACT_GOALS_EDIT,      /* unit goals from the goal breakdown (scoped for leaders) */
	ACT_PREPARE,         /* phase 1: a unit's preparation, document pack, reminders (scoped) */
	ACT_READING,         /* one's own reading list and read confirmations */
	ACT_INDICATORS_READ, /* indicators: organisation-wide for HR, own units for leaders */
	ACT_DISCUSSION_READ, /* a unit's discussion and proposal: own unit for employees, led
				units for leaders, every unit for HR, management, representatives */
	ACT_DISCUSSION_EDIT, /* run the unit discussion, edit and submit its proposal (scoped) */
	ACT_SUGGEST,         /* send a suggestion to one's own unit's discussion */
	ACT_COMPILATION_READ,/* all proposals side by side, the heat map, the decision's drafts
				and the consultation record: HR, management, representatives */
	ACT_COMPILE,         /* send proposals back, merge and decide, record consultations,
				send for approval, publish: HR */
	ACT_APPROVE,         /* approve the decided competence strategy or return it: management */
	ACT_COUNT
};

const char *action_name(enum action a);

/* May actor do act? unit_id is the unit of the object acted on, or 0 when
 * the action is not about one unit (then scoped roles are asked whether they
 * may do it anywhere at all). */
bool access_can(const struct actor *actor, enum action act, int64_t unit_id);

#endif
