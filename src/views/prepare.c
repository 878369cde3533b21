/* prepare.c (views) — phase 1's pages. The unit page follows the seed's
 * order: why (purpose, key questions), what to read (the strategy's vision
 * and strategic goals, the unit's goals), what to do (the procedure as a
 * checklist: one small form per step, so it works without JavaScript), what
 * to write (notes, draft needs) and what to send (the document pack, then
 * who has confirmed). A closed cycle shows the same content without forms. */
#include "views/prepare.h"

#include "base/arena.h"
#include "html/markdown.h"
#include "views/blocks.h"
#include "views/form.h"

enum msg v_prep_kind_msg(enum doc_kind k)
{
	switch (k) {
	case DOC_LEADER_GUIDE:
		return MSG_PREP_KIND_LEADER_GUIDE;
	case DOC_AID:
		return MSG_PREP_KIND_AID;
	case DOC_STRATEGY:
		return MSG_PREP_KIND_STRATEGY;
	case DOC_OTHER:
	case DOC_KIND_COUNT:
		break;
	}
	return MSG_PREP_KIND_OTHER;
}

static void x_of_n(struct html *h, int64_t x, int64_t n)
{
	html_msgf(h, MSG_PREP_X_OF_N, (long long)x, (long long)n);
}

/* ---- the cycle's list ---- */

static const enum msg FILTER_MSG[PREP_FILTER_COUNT] = {
	[PREP_FILTER_ALL] = MSG_IND_FILTER_ALL,
	[PREP_FILTER_NOT_PREPARED] = MSG_PREP_FILTER_NOT_PREPARED,
	[PREP_FILTER_PREPARED] = MSG_PREP_FILTER_PREPARED,
	[PREP_FILTER_PACK_NOT_SENT] = MSG_PREP_FILTER_PACK_NOT_SENT,
	[PREP_FILTER_PACK_SENT] = MSG_PREP_FILTER_PACK_SENT,
	[PREP_FILTER_READING_OPEN] = MSG_PREP_FILTER_READING_OPEN,
};

const char *v_prep_index_href(struct arena *a, int64_t cycle_id, int64_t unit_id, enum prep_filter f)
{
	return v_unit_filter_href(a, url_path(a, "/cycles/%lld/prepare", (long long)cycle_id), unit_id,
				  prep_filter_name(f));
}

/* The shared filter form and trail with this list's states. */
static void index_filters(struct html *h, const struct v_prep_index *m)
{
	struct v_option *opts = arena_alloc(h->b->arena, sizeof *opts * PREP_FILTER_COUNT);
	if (!opts)
		return;
	for (int f = 1; f < PREP_FILTER_COUNT; f++)
		opts[f - 1] = (struct v_option){ prep_filter_name((enum prep_filter)f), msg(h->lang, FILTER_MSG[f]) };
	struct v_unit_filter uf = m->filter;
	uf.statuses = opts;
	uf.nstatuses = PREP_FILTER_COUNT - 1;
	v_unit_filter_form(h, &uf);
	v_unit_trail(h, &uf);
}

/* "Viser enhet 1–50 av 5 000." */
static void index_count(struct html *h, const struct v_prep_index *m)
{
	struct arena *a = h->b->arena;
	struct buf from, to, total;
	buf_init(&from, a, 16);
	buf_init(&to, a, 16);
	buf_init(&total, a, 16);
	fmt_int(&from, m->first);
	fmt_int(&to, m->first + m->n - 1);
	fmt_int(&total, m->total);
	HTML_LIT(h, "<p class=\"ds-paragraph\" id=\"prep-count\" role=\"status\">");
	if (m->total == 0)
		html_msg(h, MSG_IND_LIST_NONE);
	else
		html_msgf(h, MSG_IND_LIST_SHOWING, buf_str(&from), buf_str(&to), buf_str(&total));
	HTML_LIT(h, "</p>\n");
}

static void index_row(struct html *h, const struct v_prep_index *m, const struct v_prep_row *r)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<tr><th scope=\"row\"><a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(a, "/cycles/%lld/prepare/%lld", (long long)m->cycle_id, (long long)r->unit_id));
	HTML_LIT(h, ">");
	html_text(h, r->name);
	HTML_LIT(h, "</a>");
	if (r->code && *r->code) {
		HTML_LIT(h, " <span class=\"ind-code\">(");
		html_text(h, r->code);
		HTML_LIT(h, ")</span>");
	}
	HTML_LIT(h, "</th><td>");
	if (r->leader_name)
		html_text(h, r->leader_name);
	else
		html_msg(h, MSG_PREP_NO_LEADER);
	HTML_LIT(h, "</td><td>");
	x_of_n(h, r->steps_ticked, m->nsteps);
	HTML_LIT(h, "</td><td>");
	if (r->pack_sent_at) {
		struct buf b;
		buf_init(&b, a, 64);
		fmt_date(&b, r->pack_sent_at);
		html_msgf(h, MSG_PREP_PACK_SENT_ON, buf_str(&b));
	} else {
		html_msg(h, MSG_PREP_PACK_NOT_SENT);
	}
	HTML_LIT(h, "</td><td>");
	x_of_n(h, r->confirmed, r->employees);
	HTML_LIT(h, "</td><td>");
	/* the units below: the list of the subtree, named for a screen reader */
	if (r->has_children && r->unit_id != m->filter.unit_id) {
		HTML_LIT(h, "<a class=\"ds-link\"");
		HTML_URL(h, "href", v_unit_filter_href(a, m->filter.base, r->unit_id, m->filter.status));
		HTML_LIT(h, ">");
		html_msg(h, MSG_PREP_SUBUNITS_SHOW);
		HTML_LIT(h, "<span class=\"ds-sr-only\"> ");
		html_text(h, r->name);
		HTML_LIT(h, "</span></a>");
	} else if (r->has_children) {
		html_msg(h, MSG_PREP_SUBUNITS_SHOWN);
	} else {
		html_msg(h, MSG_PREP_SUBUNITS_NONE);
	}
	HTML_LIT(h, "</td></tr>\n");
}

void v_prep_index(struct html *h, const struct v_prep_index *m)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, MSG_PREP_INDEX_TITLE, m->cycle_name);
	HTML_LIT(h, "</h1>\n");
	if (m->closed)
		v_block_alert(h, MSG_PREP_CLOSED);
	v_block_para(h, m->org_wide ? MSG_PREP_INDEX_INTRO_ORG : MSG_PREP_INDEX_INTRO_LEADER);
	if (!m->filterable && m->total == 0) {
		v_block_para(h, MSG_PREP_NO_UNITS);
		return;
	}
	if (m->filterable) {
		index_filters(h, m);
		index_count(h, m);
	}
	if (m->n == 0)
		return;
	static const struct v_col cols[] = {
		{ MSG_PREP_COL_UNIT, false }, { MSG_PREP_COL_LEADER, false }, { MSG_PREP_COL_CHECKLIST, false },
		{ MSG_PREP_COL_PACK, false }, { MSG_PREP_COL_READ, false },   { MSG_PREP_COL_SUBUNITS, false },
	};
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\" id=\"prep-units\">");
	v_block_thead(h, MSG_PREP_TABLE_CAPTION, cols, 6);
	for (int i = 0; i < m->n; i++)
		index_row(h, m, &m->rows[i]);
	HTML_LIT(h, "</tbody></table>\n");
	v_pager(h, &m->pager);
}

/* ---- one unit ---- */

/* A unit's page in the cycle: every form's action starts there. */
static const char *base_of(struct arena *a, int64_t cycle_id, int64_t unit_id)
{
	return url_path(a, "/cycles/%lld/prepare/%lld", (long long)cycle_id, (long long)unit_id);
}

static const char *unit_base(struct arena *a, const struct v_prep_unit *m)
{
	return base_of(a, m->cycle_id, m->unit->id);
}

static void strategy_section(struct html *h, const struct v_prep_unit *m)
{
	struct arena *a = h->b->arena;
	v_block_h2(h, MSG_PREP_STRATEGY, NULL);
	const struct strategy_doc *s = m->strategy;
	if (!s) {
		v_block_para(h, MSG_PREP_NO_STRATEGY);
	} else {
		if (s->version.vision && *s->version.vision) {
			v_block_h3(h, MSG_PREP_VISION);
			html_markdown(h, s->version.vision, 4);
		}
		if (s->ngoals > 0) {
			v_block_h3(h, MSG_PREP_STRATEGIC_GOALS);
			HTML_LIT(h, "<ul class=\"ds-list\">");
			for (int i = 0; i < s->ngoals; i++) {
				HTML_LIT(h, "<li>");
				if (s->goals[i].code && *s->goals[i].code) {
					html_text(h, s->goals[i].code);
					HTML_LIT(h, " ");
				}
				html_text(h, s->goals[i].title);
				HTML_LIT(h, "</li>");
			}
			HTML_LIT(h, "</ul>\n");
		}
	}
	v_block_link_p(h, url_path(a, "/cycles/%lld/strategy", (long long)m->cycle_id), MSG_PREP_STRATEGY_LINK);

	v_block_h2(h, MSG_PREP_UNIT_GOALS, NULL);
	v_block_unit_goals(h, m->unit_goals, m->nunit_goals, MSG_PREP_NO_UNIT_GOALS);
	v_block_link_p(h, url_path(a, "/units/%lld/goals", (long long)m->unit->id), MSG_PREP_UNIT_GOALS_LINK);
}

static void checklist_section(struct html *h, const struct v_prep_unit *m)
{
	struct arena *a = h->b->arena;
	v_block_h2(h, MSG_PREP_CHECKLIST, "checklist");
	if (m->nsteps == 0) {
		v_block_para(h, MSG_PREP_NO_STEPS);
		return;
	}
	int done = prep_ticked_count(m->ticks, m->nticks, m->nsteps);
	HTML_LIT(h, "<p class=\"ds-paragraph\" role=\"status\">");
	html_msgf(h, MSG_PREP_CHECKLIST_STATUS, (long long)done, (long long)m->nsteps);
	HTML_LIT(h, "</p>\n<ol class=\"prep-checklist\">");
	for (int i = 0; i < m->nsteps; i++) {
		const struct prep_tick *t = prep_tick_of(m->ticks, m->nticks, i);
		const char *sid = arena_printf(a, "step-%d", i + 1);
		HTML_LIT(h, "<li class=\"prep-step\"><p class=\"ds-paragraph\"");
		HTML_ATTR(h, "id", sid);
		HTML_LIT(h, ">");
		html_text(h, m->steps[i]);
		HTML_LIT(h, "</p><p class=\"ds-paragraph\" data-size=\"sm\">");
		if (t) {
			HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"success\">");
			html_msg(h, MSG_PREP_CHECKLIST_DONE);
			HTML_LIT(h, "</span> ");
			struct buf b;
			buf_init(&b, a, 64);
			fmt_datetime(&b, t->ticked_at);
			html_msgf(h, MSG_PREP_TICKED_BY, t->ticked_by_name ? t->ticked_by_name : "–",
				  buf_str(&b));
		} else {
			HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"neutral\">");
			html_msg(h, MSG_PREP_CHECKLIST_OPEN);
			HTML_LIT(h, "</span>");
		}
		HTML_LIT(h, "</p>");
		if (m->writable) {
			v_block_post_form(h, arena_printf(a, "%s/steps/%d", unit_base(a, m), i + 1), m->csrf);
			HTML_LIT(h, "<input type=\"hidden\" name=\"ticked\"");
			HTML_ATTR(h, "value", t ? "0" : "1");
			HTML_LIT(h, "><button type=\"submit\" class=\"ds-button\" data-size=\"sm\"");
			HTML_ATTR(h, "data-variant", t ? "tertiary" : "secondary");
			HTML_ATTR(h, "aria-describedby", sid);
			HTML_LIT(h, ">");
			html_msg(h, t ? MSG_PREP_UNTICK : MSG_PREP_TICK);
			HTML_LIT(h, "</button></form>");
		}
		HTML_LIT(h, "</li>\n");
	}
	HTML_LIT(h, "</ol>\n");
}

static void notes_section(struct html *h, const struct v_prep_unit *m)
{
	struct arena *a = h->b->arena;
	v_block_h2(h, MSG_PREP_NOTES, "notes");
	const char *saved = m->prep ? m->prep->likely_goals : "";
	if (!m->writable) {
		if (saved && *saved)
			html_markdown(h, saved, 3);
		else
			v_block_para(h, MSG_PREP_NOTES_NONE);
		return;
	}
	if (saved && *saved) {
		HTML_LIT(h, "<div class=\"prep-notes\">");
		html_markdown(h, saved, 3);
		HTML_LIT(h, "</div>\n");
	}
	v_block_post_form(h, arena_printf(a, "%s/notes", unit_base(a, m)), m->csrf);
	v_textarea(h, &(struct v_field){ .name = "likely_goals", .label = msg(h->lang, MSG_PREP_NOTES),
					 .hint = msg(h->lang, MSG_PREP_NOTES_HINT),
					 .value = m->notes_value ? m->notes_value : saved,
					 .errors = m->errors }, 8);
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_PREP_NOTES_SAVE, false);
	HTML_LIT(h, "</p></form>\n");
}

/* The object of a repeated button or link, for screen readers: "Endre" is
 * read as "Endre «Skytjenester»". */
static void sr_name(struct html *h, const char *name)
{
	HTML_LIT(h, "<span class=\"ds-sr-only\"> «");
	html_text(h, name);
	HTML_LIT(h, "»</span>");
}

static void needs_section(struct html *h, const struct v_prep_unit *m)
{
	struct arena *a = h->b->arena;
	v_block_h2(h, MSG_PREP_NEEDS, "needs");
	v_block_para(h, MSG_PREP_NEEDS_INTRO);
	if (m->nneeds == 0) {
		v_block_para(h, MSG_PREP_NEEDS_NONE);
	} else {
		static const struct v_col cols[] = {   /* the actions only for those who may write */
			{ MSG_PREP_NEED_TITLE, false }, { MSG_PREP_NEED_WHY, false }, { MSG_PREP_COL_ACTIONS, false },
		};
		HTML_LIT(h, "<table class=\"ds-table\">");
		v_block_thead(h, MSG_PREP_NEEDS_CAPTION, cols, m->writable ? 3 : 2);
		for (int i = 0; i < m->nneeds; i++) {
			const struct prep_need *n = &m->needs[i];
			const char *base = arena_printf(a, "%s/needs/%lld", unit_base(a, m), (long long)n->id);
			HTML_LIT(h, "<tr><th scope=\"row\">");
			html_text(h, n->title);
			HTML_LIT(h, "</th><td>");
			html_text(h, n->description);
			HTML_LIT(h, "</td>");
			if (m->writable) {
				HTML_LIT(h, "<td><a class=\"ds-link\"");
				HTML_URL(h, "href", arena_printf(a, "%s/edit", base));
				HTML_LIT(h, ">");
				html_msg(h, MSG_PREP_NEED_EDIT);
				sr_name(h, n->title);
				HTML_LIT(h, "</a> <form method=\"post\" class=\"prep-inline\"");
				HTML_URL(h, "action", arena_printf(a, "%s/delete", base));
				HTML_LIT(h, ">");
				v_csrf(h, m->csrf);
				HTML_LIT(h, "<button type=\"submit\" class=\"ds-button\" data-variant=\"tertiary\""
					    " data-size=\"sm\"");
				HTML_LIT(h, ">");
				html_msg(h, MSG_PREP_NEED_REMOVE);
				sr_name(h, n->title);
				HTML_LIT(h, "</button></form></td>");
			}
			HTML_LIT(h, "</tr>\n");
		}
		HTML_LIT(h, "</tbody></table>\n");
	}
	if (!m->writable)
		return;
	const struct prep_need *in = m->need_in;
	HTML_LIT(h, "<form method=\"post\"");
	HTML_URL(h, "action", arena_printf(a, "%s/needs", unit_base(a, m)));
	HTML_LIT(h, "><fieldset class=\"ds-fieldset\"><legend class=\"ds-heading\" data-size=\"xs\">");
	html_msg(h, MSG_PREP_NEED_NEW);
	HTML_LIT(h, "</legend>");
	v_csrf(h, m->csrf);
	v_text_field(h, &(struct v_field){ .name = "title", .label = msg(h->lang, MSG_PREP_NEED_TITLE),
					   .hint = msg(h->lang, MSG_PREP_NEED_TITLE_HINT),
					   .value = in ? in->title : NULL, .required = true,
					   .maxlength = PREP_NEED_TITLE_MAX_CHARS, .errors = m->errors });
	v_textarea(h, &(struct v_field){ .name = "description", .label = msg(h->lang, MSG_PREP_NEED_WHY),
					 .hint = msg(h->lang, MSG_PREP_NEED_WHY_HINT),
					 .value = in ? in->description : NULL, .errors = m->errors }, 3);
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_PREP_NEED_ADD, false);
	HTML_LIT(h, "</p></fieldset></form>\n");
}

static int64_t chosen_count(const struct v_prep_unit *m)
{
	int64_t k = 0;
	for (int i = 0; i < m->ndocs; i++)
		k += m->docs[i].chosen;
	return k;
}

static void pack_section(struct html *h, const struct v_prep_unit *m)
{
	struct arena *a = h->b->arena;
	v_block_h2(h, MSG_PREP_PACK, "pack");
	v_block_para(h, MSG_PREP_PACK_INTRO);
	const struct preparation *p = m->prep;
	if (p && p->pack_sent_at) {
		struct buf b;
		buf_init(&b, a, 64);
		fmt_datetime(&b, p->pack_sent_at);
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msgf(h, MSG_PREP_PACK_SENT_STATUS, buf_str(&b),
			  p->pack_sent_by_name ? p->pack_sent_by_name : "–", (long long)p->pack_sent_count);
		HTML_LIT(h, "</p>\n");
	}
	if (m->ndocs == 0) {
		v_block_para(h, MSG_PREP_PACK_NO_DOCS);
		return;
	}
	if (!m->writable) {
		HTML_LIT(h, "<ul class=\"ds-list\">");
		for (int i = 0; i < m->ndocs; i++) {
			if (!m->docs[i].chosen)
				continue;
			HTML_LIT(h, "<li>");
			html_text(h, m->docs[i].title);
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>\n");
		return;
	}
	v_block_post_form(h, arena_printf(a, "%s/pack", unit_base(a, m)), m->csrf);
	v_block_checks_open(h, "documents", m->errors, MSG_PREP_PACK_LEGEND, MSG_PREP_PROB_PACK);
	for (int i = 0; i < m->ndocs; i++) {
		const struct prep_doc_item *d = &m->docs[i];
		v_block_check_open(h, "document", d->id, d->chosen);
		html_text(h, d->title);
		HTML_LIT(h, " <span class=\"ds-tag\" data-color=\"neutral\" data-size=\"sm\">");
		html_msg(h, v_prep_kind_msg(d->kind));
		HTML_LIT(h, "</span>");
		v_block_check_close(h);
	}
	HTML_LIT(h, "</fieldset><p>");
	v_submit(h, MSG_PREP_PACK_SAVE, false);
	HTML_LIT(h, "</p></form>\n");
	if (chosen_count(m) > 0 && m->recipients > 0) {
		HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"primary\"");
		HTML_URL(h, "href", arena_printf(a, "%s/send", unit_base(a, m)));
		HTML_LIT(h, ">");
		html_msgf(h, MSG_PREP_PACK_SEND, (long long)m->recipients);
		HTML_LIT(h, "</a></p>\n");
	} else if (m->recipients == 0) {
		v_block_para(h, MSG_PREP_PACK_NO_PEOPLE);
	} else {
		v_block_para(h, MSG_PREP_PACK_EMPTY);
	}
}

static void reading_section(struct html *h, const struct v_prep_unit *m)
{
	v_block_h2(h, MSG_PREP_READING, "reading");
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_PREP_READING_STATUS, (long long)m->confirmed, (long long)m->employees);
	HTML_LIT(h, "</p>\n");
	v_block_link_p(h, url_path(h->b->arena, "/units/%lld/reading", (long long)m->unit->id), MSG_PREP_READING_LINK);
}

static const struct v_label unit_labels[] = {
	{ "likely_goals", NULL }, { "title", NULL }, { "description", NULL }, { "documents", NULL },
};

void v_prep_unit(struct html *h, const struct v_prep_unit *m)
{
	v_block_unit_head(h, MSG_PREP_UNIT_TITLE, m->unit->name, MSG_PREP_CYCLE, m->cycle_name,
			  url_path(h->b->arena, "/cycles/%lld/prepare", (long long)m->cycle_id), MSG_PREP_BACK_TO_INDEX);
	if (!m->writable)
		v_block_alert(h, MSG_PREP_CLOSED);
	if (m->errors && m->errors->n) {
		struct v_label labels[4];
		for (int i = 0; i < 4; i++)
			labels[i] = unit_labels[i];
		labels[0].label = msg(h->lang, MSG_PREP_NOTES);
		labels[1].label = msg(h->lang, MSG_PREP_NEED_TITLE);
		labels[2].label = msg(h->lang, MSG_PREP_NEED_WHY);
		labels[3].label = msg(h->lang, MSG_PREP_PACK_LEGEND);
		v_error_summary(h, m->errors, labels, 4);
	}
	v_block_purpose(h, m->texts, MSG_PREP_PURPOSE, MSG_PREP_KEY_QUESTIONS);
	strategy_section(h, m);
	checklist_section(h, m);
	notes_section(h, m);
	needs_section(h, m);
	pack_section(h, m);
	reading_section(h, m);
}

/* ---- one draft need ---- */

void v_prep_need_form(struct html *h, const struct v_prep_need_form *m)
{
	struct arena *a = h->b->arena;
	const char *base = base_of(a, m->cycle_id, m->unit->id);
	v_block_h1(h, MSG_PREP_NEED_EDIT_TITLE);
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_text(h, m->unit->name);
	HTML_LIT(h, "</p>\n");
	if (m->errors && m->errors->n) {
		struct v_label labels[] = { { "title", msg(h->lang, MSG_PREP_NEED_TITLE) },
					    { "description", msg(h->lang, MSG_PREP_NEED_WHY) } };
		v_error_summary(h, m->errors, labels, 2);
	}
	v_block_post_form(h, arena_printf(a, "%s/needs/%lld", base, (long long)m->need->id), m->csrf);
	v_text_field(h, &(struct v_field){ .name = "title", .label = msg(h->lang, MSG_PREP_NEED_TITLE),
					   .hint = msg(h->lang, MSG_PREP_NEED_TITLE_HINT), .value = m->need->title,
					   .required = true, .maxlength = PREP_NEED_TITLE_MAX_CHARS,
					   .errors = m->errors });
	v_textarea(h, &(struct v_field){ .name = "description", .label = msg(h->lang, MSG_PREP_NEED_WHY),
					 .hint = msg(h->lang, MSG_PREP_NEED_WHY_HINT),
					 .value = m->need->description, .errors = m->errors }, 3);
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_SAVE, true);
	HTML_LIT(h, " ");
	v_block_cancel(h, arena_printf(a, "%s#needs", base));
	HTML_LIT(h, "</p></form>\n");
}

/* ---- sending the pack ---- */

void v_prep_send(struct html *h, const struct v_prep_send *m)
{
	struct arena *a = h->b->arena;
	const char *base = base_of(a, m->cycle_id, m->unit->id);
	v_block_h1(h, MSG_PREP_SEND_TITLE);
	if (m->ndocs == 0 || m->recipients == 0) {
		/* nothing to send yet: say why, and lead back to the pack */
		v_block_para(h, m->recipients == 0 ? MSG_PREP_PACK_NO_PEOPLE : MSG_PREP_PACK_EMPTY);
		v_block_link_p(h, arena_printf(a, "%s#pack", base), MSG_BACK);
		return;
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_PREP_SEND_QUESTION, (long long)m->recipients, m->unit->name);
	HTML_LIT(h, "</p>\n<ul class=\"ds-list\">");
	for (int i = 0; i < m->ndocs; i++) {
		HTML_LIT(h, "<li>");
		html_text(h, m->docs[i].title);
		HTML_LIT(h, " (");
		html_msg(h, v_prep_kind_msg(m->docs[i].kind));
		HTML_LIT(h, ")</li>");
	}
	HTML_LIT(h, "</ul>\n");
	if (m->sent_before)
		v_block_para(h, MSG_PREP_SEND_AGAIN);
	v_block_post_form(h, arena_printf(a, "%s/send", base), m->csrf);
	HTML_LIT(h, "<p><button type=\"submit\" class=\"ds-button\" data-variant=\"primary\">");
	html_msgf(h, MSG_PREP_PACK_SEND, (long long)m->recipients);
	HTML_LIT(h, "</button> ");
	v_block_cancel(h, arena_printf(a, "%s#pack", base));
	HTML_LIT(h, "</p></form>\n");
}
