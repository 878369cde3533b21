/* blocks.h — the small text blocks every page of phases 1 and 2 writes the
 * same way (headings, a paragraph, a paragraph that is one link), each a
 * catalogue text through the escaping writer, so the views share one
 * definition rather than a copy per file. */
#ifndef EVNE_VIEWS_BLOCKS_H
#define EVNE_VIEWS_BLOCKS_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/cycle.h"
#include "domain/strategy.h"
#include "domain/validate.h"
#include "html/html.h"
#include "i18n/i18n.h"

void v_block_h1(struct html *h, enum msg m);
void v_block_h2(struct html *h, enum msg m, const char *id);   /* id NULL: none */
void v_block_h3(struct html *h, enum msg m);
void v_block_para(struct html *h, enum msg m);
void v_block_link_p(struct html *h, const char *href, enum msg m);
/* An info alert (role="status") of one paragraph, such as "read only". */
void v_block_alert(struct html *h, enum msg m);

/* A unit page's head: the title m naming the unit, then "cycle_m (naming
 * the cycle) · back" with back a link to back_href. */
void v_block_unit_head(struct html *h, enum msg m, const char *unit, enum msg cycle_m, const char *cycle,
		       const char *back_href, enum msg back);

/* A phase's purpose and its key questions (one list item a line) under
 * the headings purpose_m and questions_m; nothing when t is NULL. */
void v_block_purpose(struct html *h, const struct phase_text *t, enum msg purpose_m, enum msg questions_m);

/* The unit's goals as a list, each with the strategic goal it serves;
 * the paragraph none when there are none. */
void v_block_unit_goals(struct html *h, const struct unit_goal *g, int n, enum msg none);

/* A table's column head; num: a column of numbers (class "num"). */
struct v_col {
	enum msg m;
	bool num;
};

/* After the caller's <table ...>: the caption, the head row of cols[0..n)
 * and the opening <tbody>. */
void v_block_thead(struct html *h, enum msg caption, const struct v_col *cols, int n);

/* <form method="post" action=...> with the CSRF field. */
void v_block_post_form(struct html *h, const char *action, const char *csrf);

/* A group of checkboxes for the field (id "f-FIELD") under legend; when
 * errors hold a problem of the field, the message problem, which the group
 * points to. Ends with the open fieldset: the caller closes it. */
void v_block_checks_open(struct html *h, const char *field, const struct field_errors *errors, enum msg legend,
			 enum msg problem);

/* One checkbox named name with the value id (id "f-NAME-ID"), and its
 * label opened: the caller writes the label's text, then
 * v_block_check_close. */
void v_block_check_open(struct html *h, const char *name, int64_t id, bool checked);
void v_block_check_close(struct html *h);

/* The tertiary "Cancel" button link back to href, beside a form's submit. */
void v_block_cancel(struct html *h, const char *href);

#endif
