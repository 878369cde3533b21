/* types.h — the domain's records as plain structs. Strings are owned by the
 * arena of whoever filled the struct. Ids are database ids (0: none). Times
 * are epoch seconds (UTC). */
#ifndef EVNE_TYPES_H
#define EVNE_TYPES_H

#include <stdbool.h>
#include <stdint.h>

enum role {
	ROLE_NONE = 0,       /* not logged in */
	ROLE_EMPLOYEE,
	ROLE_REPRESENTATIVE,
	ROLE_LEADER,
	ROLE_HR,
	ROLE_MANAGEMENT,     /* top management: approves the decided competence strategy */
	ROLE_ADMIN,
	ROLE_COUNT
};

const char *role_name(enum role r);          /* "admin", ... ; "" for NONE */
enum role role_parse(const char *s);         /* ROLE_NONE when unknown */

struct unit {
	int64_t id;
	char *name;
	char *code;
	int64_t parent_id;     /* 0: top of the tree */
	int64_t leader_id;     /* person id; 0: none */
	char *leader_name;     /* filled by listing queries */
	char *parent_name;
	int64_t people_count;  /* active people directly in the unit */
	int64_t child_count;
	int depth;             /* in tree listings */
};

struct person {
	int64_t id;
	char *name;
	char *email;
	char *employee_number;
	int64_t unit_id;
	char *unit_name;       /* filled by listing queries */
	char *job_title;
	bool active;
	int64_t user_id;       /* 0: no account */
};

struct user {
	int64_t id;
	char *email;
	char *name;
	enum role role;
	int64_t person_id;     /* 0: account without a person record */
	char *password_hash;
	bool active;
	char *lang;            /* "nb", "nn", "en" */
};

/* Who is acting: the logged-in user and the units they lead (each with all
 * sub-units, so scope checks are a lookup). */
struct actor {
	int64_t user_id;
	int64_t person_id;
	enum role role;
	const char *name;
	const int64_t *scope_units;  /* sorted ascending */
	int scope_count;
	int64_t own_unit_id;         /* the unit the actor's person belongs to */
};

bool actor_in_scope(const struct actor *a, int64_t unit_id);

struct audit_entry {
	int64_t id;
	int64_t at;
	int64_t user_id;
	char *user_name;
	char *entity;          /* "unit", "person", "user", ... */
	int64_t entity_id;
	char *action;          /* "create", "update", "deactivate", "delete", "import" */
	char *changes;         /* JSON: {"field": [before, after], ...} */
};

#endif
