/* pages_org.h — handlers of the organisation pages: units (page_units.c),
 * employees (page_people.c) and the audit log (page_audit.c), plus the few
 * form helpers they share.
 *
 * Route rows for web/routes.c, in this order (/units/new before /units/{id}):
 *   { "GET",  "/units",                page_units,          ACT_ORG_READ },
 *   { "POST", "/units",                page_unit_create,    ACT_UNIT_EDIT },
 *   { "GET",  "/units/new",            page_unit_new,       ACT_UNIT_EDIT },
 *   { "GET",  "/units/{id}",           page_unit_show,      ACT_ORG_READ },
 *   { "POST", "/units/{id}",           page_unit_update,    ACT_UNIT_EDIT },
 *   { "GET",  "/units/{id}/edit",      page_unit_edit,      ACT_UNIT_EDIT },
 *   { "GET",  "/units/{id}/delete",    page_unit_delete_confirm, ACT_UNIT_EDIT },
 *   { "POST", "/units/{id}/delete",    page_unit_delete,    ACT_UNIT_EDIT },
 *   { "GET",  "/people",               page_people,         ACT_ORG_READ },
 *   { "POST", "/people",               page_person_create,  ACT_PERSON_EDIT },
 *   { "GET",  "/people/new",           page_person_new,     ACT_PERSON_EDIT },
 *   { "GET",  "/people/{id}",          page_person_show,    ACT_ORG_READ },
 *   { "POST", "/people/{id}",          page_person_update,  ACT_PERSON_EDIT },
 *   { "GET",  "/people/{id}/edit",     page_person_edit,    ACT_PERSON_EDIT },
 *   { "GET",  "/audit",                page_audit,          ACT_AUDIT_READ },
 * ACT_PERSON_EDIT lets a leader through the router (unit 0: "anywhere in
 * their scope"); the handlers then ask again with the person's unit. */
#ifndef EVNE_PAGES_ORG_H
#define EVNE_PAGES_ORG_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/validate.h"
#include "web/app.h"

void page_units(struct ctx *c);
void page_unit_new(struct ctx *c);
void page_unit_create(struct ctx *c);
void page_unit_show(struct ctx *c);
void page_unit_edit(struct ctx *c);
void page_unit_update(struct ctx *c);
void page_unit_delete_confirm(struct ctx *c);
void page_unit_delete(struct ctx *c);

void page_people(struct ctx *c);
void page_person_new(struct ctx *c);
void page_person_create(struct ctx *c);
void page_person_show(struct ctx *c);
void page_person_edit(struct ctx *c);
void page_person_update(struct ctx *c);

void page_audit(struct ctx *c);

/* Shared by the handlers above (web/page_units.c). */

/* The POST field name as a trimmed copy in the request arena; "" when
 * absent. A value that is not valid text (bad UTF-8, NUL, control
 * characters) records PROB_BAD_TEXT on field and gives "". */
char *page_org_field(struct ctx *c, const char *name, const char *field, struct field_errors *fe);
/* An id typed or chosen in a form: "" is 0; *ok false when not a number. */
int64_t page_org_parse_id(const char *s, bool *ok);
/* Keeps only the first problem of each field (a value refused as bad text
 * is also empty, and so "required" too) and puts them in the order of the
 * form's fields, order[0..norder); fields not listed go last. */
void page_org_tidy_problems(struct field_errors *fe, const char *const *order, int norder);
/* Answers a failed store call or write as an error page: 404, 403, 409,
 * 413, 503, or 500. */
void page_org_fail(struct ctx *c, enum err e);

#endif
