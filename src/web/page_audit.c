/* page_audit.c — the audit log page (admin only): newest entries first, 50
 * a page with an "older" link (keyset on the entry id), filtered by kind of
 * record with ?entity=unit|person. */
#include "web/pages_org.h"

#include <string.h>
#include "html/html.h"
#include "views/org.h"

enum { AUDIT_PAGE = 50 };

void page_audit(struct ctx *c)
{
	if (!access_can(&c->actor, ACT_AUDIT_READ, 0)) {
		ctx_error_page(c, 403);
		return;
	}
	const char *entity = ctx_query(c, "entity");
	if (entity && strcmp(entity, "unit") != 0 && strcmp(entity, "person") != 0)
		entity = NULL;
	bool ok;
	int64_t before_id = page_org_parse_id(ctx_query(c, "before_id"), &ok);
	if (!ok) {
		ctx_error_page(c, 400);
		return;
	}
	struct audit_query q = { .entity = entity, .before_id = before_id, .limit = AUDIT_PAGE + 1 };
	struct v_audit_index m = { .entity = entity, .is_first_page = before_id == 0 };
	struct audit_entry *rows;
	enum err e = store_audit_list(c->db, c->a, &q, &rows, &m.n);
	if (e) {
		page_org_fail(c, e);
		return;
	}
	m.rows = rows;
	if (m.n > AUDIT_PAGE) {
		m.n = AUDIT_PAGE;
		m.older_before_id = rows[AUDIT_PAGE - 1].id;
	}
	struct html h;
	page_begin(c, &h, msg(c->lang, MSG_AUDIT_TITLE));
	v_audit_index(&h, &m);
	page_end(c, &h);
}
