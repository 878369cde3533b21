/* routes.c — the web route table. Each row names its permission, which the
 * dispatcher checks before the handler runs; `evne routes` prints the table
 * and the HTTP test walks every row as every role. Literal segments come
 * before {id} patterns ("/units/new" before "/units/{id}"). */
#include "web/app.h"
#include "web/pages_accounts.h"
#include "web/pages_auth.h"
#include "web/pages_import.h"
#include "web/pages_org.h"
#include "web/pages_cycles.h"
#include "web/pages_strategy.h"
#include "web/pages_documents.h"
#include "web/pages_prepare.h"
#include "web/pages_competences.h"
#include "web/pages_discussion.h"
#include "web/pages_proposals.h"
#include "web/pages_compilation.h"
#include "web/pages_decision.h"
#include "web/pages_indicators.h"

const struct route web_routes[] = {
	{ "GET", "/", page_home, ACT_SIGNED_IN },
	{ "GET", "/login", page_login_form, ACT_PUBLIC },
	{ "POST", "/login", page_login, ACT_PUBLIC },
	{ "POST", "/logout", page_logout, ACT_SIGNED_IN },
	{ "POST", "/lang", page_lang, ACT_PUBLIC },
	{ "GET", "/tilgjengelighet", page_accessibility, ACT_PUBLIC },

	{ "GET", "/units", page_units, ACT_ORG_READ },
	{ "POST", "/units", page_unit_create, ACT_UNIT_EDIT },
	{ "GET", "/units/new", page_unit_new, ACT_UNIT_EDIT },
	{ "GET", "/units/{id}", page_unit_show, ACT_ORG_READ },
	{ "POST", "/units/{id}", page_unit_update, ACT_UNIT_EDIT },
	{ "GET", "/units/{id}/edit", page_unit_edit, ACT_UNIT_EDIT },
	{ "GET", "/units/{id}/delete", page_unit_delete_confirm, ACT_UNIT_EDIT },
	{ "POST", "/units/{id}/delete", page_unit_delete, ACT_UNIT_EDIT },

	{ "GET", "/people", page_people, ACT_ORG_READ },
	{ "POST", "/people", page_person_create, ACT_PERSON_EDIT },
	{ "GET", "/people/new", page_person_new, ACT_PERSON_EDIT },
	{ "GET", "/people/{id}", page_person_show, ACT_ORG_READ },
	{ "POST", "/people/{id}", page_person_update, ACT_PERSON_EDIT },
	{ "GET", "/people/{id}/edit", page_person_edit, ACT_PERSON_EDIT },

	{ "GET", "/import", page_import, ACT_IMPORT },
	{ "POST", "/import", page_import_run, ACT_IMPORT },
	{ "GET", "/import/example/{file}", page_import_example, ACT_IMPORT },

	{ "GET", "/audit", page_audit, ACT_AUDIT_READ },

	{ "GET", "/admin/users", page_accounts, ACT_USER_ADMIN },
	{ "POST", "/admin/users", page_account_create, ACT_USER_ADMIN },
	{ "GET", "/admin/users/new", page_account_new, ACT_USER_ADMIN },
	{ "GET", "/admin/users/{id}", page_account_edit, ACT_USER_ADMIN },
	{ "POST", "/admin/users/{id}", page_account_update, ACT_USER_ADMIN },
	{ "GET", "/admin/users/{id}/edit", page_account_edit, ACT_USER_ADMIN },
	{ "GET", "/admin/users/{id}/reset", page_account_reset_confirm, ACT_USER_ADMIN },
	{ "POST", "/admin/users/{id}/reset", page_account_reset, ACT_USER_ADMIN },
	{ "GET", "/account", page_account_mine, ACT_SIGNED_IN },
	{ "GET", "/account/password", page_account_mine, ACT_SIGNED_IN },
	{ "POST", "/account/password", page_account_password, ACT_SIGNED_IN },

#define ROUTE(method, pattern, fn, perm) { method, pattern, fn, perm },
#include "web/routes_cycles.def"
#include "web/routes_strategy.def"
#include "web/routes_documents.def"
#include "web/routes_prepare.def"
#include "web/routes_competences.def"
#include "web/routes_discussion.def"
#include "web/routes_proposals.def"
#include "web/routes_compilation.def"
#include "web/routes_decision.def"
#include "web/routes_indicators.def"
#undef ROUTE
};
const int web_routes_count = (int)(sizeof web_routes / sizeof web_routes[0]);
