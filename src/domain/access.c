/* access.c — the access rules (product.md, "Who uses it").
 * Admin and HR act on the whole organisation; whoever leads units (the
 * leader role, or anyone set as a unit's leader) acts on people in those
 * units and their sub-units; employees and representatives read the
 * directory. Nobody acts before logging in, except on public pages. */
#include "domain/access.h"

static const char *const action_names[ACT_COUNT] = {
	[ACT_PUBLIC] = "public",
	[ACT_SIGNED_IN] = "signed_in",
	[ACT_ORG_READ] = "org_read",
	[ACT_UNIT_EDIT] = "unit_edit",
	[ACT_PERSON_EDIT] = "person_edit",
	[ACT_IMPORT] = "import",
	[ACT_AUDIT_READ] = "audit_read",
	[ACT_USER_ADMIN] = "user_admin",
	[ACT_CYCLE_READ] = "cycle_read",
	[ACT_CYCLE_EDIT] = "cycle_edit",
	[ACT_STRATEGY_EDIT] = "strategy_edit",
	[ACT_DOCUMENT_EDIT] = "document_edit",
	[ACT_GOALS_EDIT] = "goals_edit",
	[ACT_PREPARE] = "prepare",
	[ACT_READING] = "reading",
	[ACT_INDICATORS_READ] = "indicators_read",
	[ACT_DISCUSSION_READ] = "discussion_read",
	[ACT_DISCUSSION_EDIT] = "discussion_edit",
	[ACT_SUGGEST] = "suggest",
	[ACT_COMPILATION_READ] = "compilation_read",
	[ACT_COMPILE] = "compile",
	[ACT_APPROVE] = "approve",
};

const char *action_name(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? action_names[a] : "?";
}

bool access_can(const struct actor *actor, enum action act, int64_t unit_id)
{
	if (act == ACT_PUBLIC)
		return true;
	if (!actor || actor->role == ROLE_NONE)
		return false;
	enum role r = actor->role;
	bool org_wide = r == ROLE_ADMIN || r == ROLE_HR;
	switch (act) {
	case ACT_PUBLIC:
		return true;
	case ACT_SIGNED_IN:
	case ACT_ORG_READ:
		return true;
	case ACT_UNIT_EDIT:
	case ACT_IMPORT:
		return org_wide;
	case ACT_PERSON_EDIT:
	case ACT_GOALS_EDIT:
	case ACT_PREPARE:
	case ACT_DISCUSSION_EDIT:
		if (org_wide)
			return true;
		/* whoever leads units acts on their people, whatever the role */
		if (actor->scope_count == 0)
			return false;
		return unit_id == 0 || actor_in_scope(actor, unit_id);
	case ACT_AUDIT_READ:
	case ACT_USER_ADMIN:
		return r == ROLE_ADMIN;
	case ACT_CYCLE_READ:
	case ACT_READING:
		return true;
	case ACT_CYCLE_EDIT:
	case ACT_STRATEGY_EDIT:
	case ACT_DOCUMENT_EDIT:
		return org_wide;
	case ACT_INDICATORS_READ:
		/* representatives read aggregates (employee participation) */
		if (org_wide || r == ROLE_MANAGEMENT || r == ROLE_REPRESENTATIVE)
			return true;
		if (actor->scope_count == 0)
			return false;
		return unit_id == 0 || actor_in_scope(actor, unit_id);
	case ACT_DISCUSSION_READ:
		/* representatives read drafts (employee participation); the
		 * unit's people read their own unit's discussion */
		if (org_wide || r == ROLE_MANAGEMENT || r == ROLE_REPRESENTATIVE)
			return true;
		if (unit_id == 0)
			return true;
		return actor_in_scope(actor, unit_id) || actor->own_unit_id == unit_id;
	case ACT_SUGGEST:
		if (unit_id == 0)
			return actor->own_unit_id != 0 || actor->scope_count > 0;
		return actor->own_unit_id == unit_id || actor_in_scope(actor, unit_id);
	case ACT_COMPILATION_READ:
		return org_wide || r == ROLE_MANAGEMENT || r == ROLE_REPRESENTATIVE;
	case ACT_COMPILE:
		return org_wide;
	case ACT_APPROVE:
		return r == ROLE_MANAGEMENT;
	case ACT_COUNT:
		break;
	}
	return false;
}
