/* routes.c — the API's route table: each row names its permission, which
 * the dispatcher checks before the handler runs (tests walk every row). */
#include "api/api.h"
#include "api/api_cycles.h"
#include "api/api_strategy.h"
#include "api/api_documents.h"
#include "api/api_prepare.h"
#include "api/api_competences.h"
#include "api/api_discussion.h"
#include "api/api_proposals.h"
#include "api/api_needs.h"
#include "api/api_compilation.h"
#include "api/api_decision.h"

const struct route api_routes[] = {
	{ "GET", "/api/v1/units", api_units_list, ACT_ORG_READ },
	{ "POST", "/api/v1/units", api_unit_create, ACT_UNIT_EDIT },
	{ "GET", "/api/v1/units/{id}", api_unit_get, ACT_ORG_READ },
	{ "PATCH", "/api/v1/units/{id}", api_unit_update, ACT_UNIT_EDIT },
	{ "DELETE", "/api/v1/units/{id}", api_unit_delete, ACT_UNIT_EDIT },
	{ "GET", "/api/v1/people", api_people_list, ACT_ORG_READ },
	{ "POST", "/api/v1/people", api_person_create, ACT_PERSON_EDIT },
	{ "GET", "/api/v1/people/{id}", api_person_get, ACT_ORG_READ },
	{ "PATCH", "/api/v1/people/{id}", api_person_update, ACT_PERSON_EDIT },
	{ "DELETE", "/api/v1/people/{id}", api_person_delete, ACT_PERSON_EDIT },

#define ROUTE(method, pattern, fn, perm) { method, pattern, fn, perm },
#include "api/routes_cycles.def"
#include "api/routes_strategy.def"
#include "api/routes_documents.def"
#include "api/routes_prepare.def"
#include "api/routes_competences.def"
#include "api/routes_discussion.def"
#include "api/routes_proposals.def"
#include "api/routes_needs.def"
#include "api/routes_compilation.def"
#include "api/routes_decision.def"
#undef ROUTE
};
const int api_routes_count = (int)(sizeof api_routes / sizeof api_routes[0]);
