/* routes.c — the web route table. Each row names its permission, which the
 * dispatcher checks before the handler runs; `evne routes` prints the table
 * and the HTTP test walks every row as every role. Literal segments come
 * before {id} patterns ("/units/new" before "/units/{id}"). */
#include "web/app.h"
#include "web/pages_auth.h"
#include "web/pages_org.h"

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

	{ "GET", "/audit", page_audit, ACT_AUDIT_READ },
};
const int web_routes_count = (int)(sizeof web_routes / sizeof web_routes[0]);
