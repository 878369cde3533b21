/* types.c — role names and the scope lookup. */
#include "domain/types.h"

#include <string.h>

static const char *const role_names[ROLE_COUNT] = {
	[ROLE_NONE] = "",
	[ROLE_EMPLOYEE] = "employee",
	[ROLE_REPRESENTATIVE] = "representative",
	[ROLE_LEADER] = "leader",
	[ROLE_HR] = "hr",
	[ROLE_MANAGEMENT] = "management",
	[ROLE_ADMIN] = "admin",
};

const char *role_name(enum role r)
{
	return r >= 0 && r < ROLE_COUNT ? role_names[r] : "";
}

enum role role_parse(const char *s)
{
	if (!s || !*s)
		return ROLE_NONE;
	for (int r = ROLE_EMPLOYEE; r < ROLE_COUNT; r++)
		if (strcmp(s, role_names[r]) == 0)
			return (enum role)r;
	return ROLE_NONE;
}

bool actor_in_scope(const struct actor *a, int64_t unit_id)
{
	int lo = 0, hi = a->scope_count - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (a->scope_units[mid] == unit_id)
			return true;
		if (a->scope_units[mid] < unit_id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return false;
}
