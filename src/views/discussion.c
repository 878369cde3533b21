/* discussion.c (views) — phase 2's pages. The meeting page follows the
 * meeting: why (purpose, key questions), when and where, what the meeting
 * looks at (the strategy in brief, the unit's goals, the leader's draft
 * needs), the agenda with the notes per item, who came, and what the
 * employees suggested. Forms appear only for those who may write and only
 * while the proposal is open; otherwise the same content is shown with the
 * reason it is read only. */
#include "views/discussion.h"

#include "base/arena.h"
#include "html/markdown.h"
#include "views/blocks.h"
#include "views/form.h"

enum msg v_disc_state_msg(enum proposal_status s)
{
	switch (s) {
	case PROPOSAL_SUBMITTED: return MSG_DISC_STATE_SUBMITTED;
	case PROPOSAL_RETURNED: return MSG_DISC_STATE_RETURNED;
	case PROPOSAL_DRAFT:
	case PROPOSAL_STATUS_COUNT:
		break;
	}
	return MSG_DISC_STATE_DRAFT;
}

/* The state as a tag with its word (never colour alone). */
static void state_tag(struct html *h, enum proposal_status s)
{
	HTML_LIT(h, "<span class=\"ds-tag\" data-size=\"sm\"");
	HTML_ATTR(h, "data-color", s == PROPOSAL_SUBMITTED ? "success" : s == PROPOSAL_RETURNED ? "warning"
											   : "neutral");
	HTML_LIT(h, ">");
	html_msg(h, v_disc_state_msg(s));
	HTML_LIT(h, "</span>");
}

/* "14.03.2027 kl. 09:00", "14.03.2027", or nothing. */
static void when(struct html *h, const char *on, const char *at)
{
	if (!on)
		return;
	struct buf b;
	buf_init(&b, h->b->arena, 16);
	strategy_format_date(&b, on);
	if (at && *at)
		html_msgf(h, MSG_DISC_MEETING_AT, buf_str(&b), at);
	else
		html_text(h, buf_str(&b));
}

static const char *unit_base(struct arena *a, int64_t cycle_id, int64_t unit_id)
{
	return url_path(a, "/cycles/%lld/discussions/%lld", (long long)cycle_id, (long long)unit_id);
}

/* ---- the cycle's list ---- */

static void filter_form(struct html *h, const struct v_disc_index *m)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<form method=\"get\" class=\"disc-filter\"");
	HTML_URL(h, "action", url_path(a, "/cycles/%lld/discussions", (long long)m->cycle_id));
	HTML_LIT(h, "><fieldset class=\"ds-fieldset\"><legend class=\"ds-heading\" data-size=\"xs\">");
	html_msg(h, MSG_DISC_FILTER);
	HTML_LIT(h, "</legend>");
	v_text_field(h, &(struct v_field){ .name = "q", .label = msg(h->lang, MSG_DISC_FILTER_TEXT),
					   .value = m->text, .type = "search", .maxlength = NAME_MAX_CHARS });
	const struct v_option opts[] = {
		{ "draft", msg(h->lang, MSG_DISC_STATE_DRAFT) },
		{ "submitted", msg(h->lang, MSG_DISC_STATE_SUBMITTED) },
		{ "returned", msg(h->lang, MSG_DISC_STATE_RETURNED) },
	};
	v_select(h, &(struct v_field){ .name = "status", .label = msg(h->lang, MSG_DISC_FILTER_STATUS),
				       .value = m->status }, opts, 3, msg(h->lang, MSG_DISC_FILTER_ANY));
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_DISC_FILTER_APPLY, false);
	HTML_LIT(h, "</p></fieldset></form>\n");
}

/* The list's address with the filter kept and after (0: the first page). */
static const char *list_url(struct arena *a, const struct v_disc_index *m, int64_t after)
{
	const char *q = m->text ? m->text : "", *st = m->status ? m->status : "";
	if (after)
		return url_path(a, "/cycles/%lld/discussions?q=%s&status=%s&after=%lld", (long long)m->cycle_id,
				q, st, (long long)after);
	return url_path(a, "/cycles/%lld/discussions?q=%s&status=%s", (long long)m->cycle_id, q, st);
}

void v_disc_index(struct html *h, const struct v_disc_index *m)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, MSG_DISC_INDEX_TITLE, m->cycle_name);
	HTML_LIT(h, "</h1>\n");
	v_block_para(h, m->org_wide ? MSG_DISC_INDEX_INTRO_ORG : MSG_DISC_INDEX_INTRO_LEADER);
	filter_form(h, m);
	if (m->n == 0) {
		v_block_para(h, MSG_DISC_NO_UNITS);
	} else {
		static const struct v_col cols[] = {
			{ MSG_DISC_COL_UNIT, false }, { MSG_DISC_COL_LEADER, false },
			{ MSG_DISC_COL_MEETING, false }, { MSG_DISC_COL_STATUS, false },
			{ MSG_DISC_COL_ATTENDANCE, true }, { MSG_DISC_COL_SUGGESTIONS, true },
		};
		HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\">");
		v_block_thead(h, MSG_DISC_TABLE_CAPTION, cols, 6);
		for (int i = 0; i < m->n; i++) {
			const struct v_disc_row *r = &m->rows[i];
			HTML_LIT(h, "<tr><th scope=\"row\"><a class=\"ds-link\"");
			HTML_URL(h, "href", unit_base(a, m->cycle_id, r->unit_id));
			HTML_LIT(h, ">");
			html_text(h, r->name);
			HTML_LIT(h, "</a></th><td>");
			if (r->leader_name)
				html_text(h, r->leader_name);
			else
				html_msg(h, MSG_DISC_NO_LEADER);
			HTML_LIT(h, "</td><td>");
			if (r->meeting_on)
				when(h, r->meeting_on, r->meeting_at);
			else
				html_msg(h, MSG_DISC_NOT_SCHEDULED);
			HTML_LIT(h, "</td><td>");
			state_tag(h, r->status);
			HTML_LIT(h, "</td><td class=\"num\">");
			html_num(h, r->attendance);
			HTML_LIT(h, "</td><td class=\"num\">");
			html_num(h, r->suggestions);
			HTML_LIT(h, "</td></tr>\n");
		}
		HTML_LIT(h, "</tbody></table>\n");
	}
	if (m->next_after || !m->first_page) {
		HTML_LIT(h, "<nav class=\"disc-pages\"><p>");
		if (!m->first_page) {
			HTML_LIT(h, "<a class=\"ds-link\"");
			HTML_URL(h, "href", list_url(a, m, 0));
			HTML_LIT(h, ">");
			html_msg(h, MSG_DISC_FIRST_PAGE);
			HTML_LIT(h, "</a> ");
		}
		if (m->next_after) {
			HTML_LIT(h, "<a class=\"ds-link\" rel=\"next\"");
			HTML_URL(h, "href", list_url(a, m, m->next_after));
			HTML_LIT(h, ">");
			html_msg(h, MSG_DISC_NEXT_PAGE);
			HTML_LIT(h, "</a>");
		}
		HTML_LIT(h, "</p></nav>\n");
	}
}

/* ---- one unit ---- */

static void status_section(struct html *h, const struct v_disc_unit *m)
{
	struct arena *a = h->b->arena;
	const struct disc_meeting *d = m->meeting;
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, MSG_DISC_STATUS_LINE);
	HTML_LIT(h, " ");
	state_tag(h, d->status);
	HTML_LIT(h, "</p>\n");
	if (m->cycle_closed)
		v_block_alert(h, MSG_DISC_CLOSED);
	else if (!m->writable)
		v_block_alert(h, MSG_DISC_LOCKED);
	if (d->status == PROPOSAL_RETURNED && d->return_comment && *d->return_comment) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"warning\"><p class=\"ds-paragraph\">");
		html_msg(h, MSG_DISC_RETURN_COMMENT);
		HTML_LIT(h, "</p><blockquote><p class=\"ds-paragraph\">");
		html_text(h, d->return_comment);
		HTML_LIT(h, "</p></blockquote></div>\n");
	}
	/* the proposal itself (needs and measures, submission) is its own page */
	HTML_LIT(h, "<div class=\"disc-proposal\"><p><a class=\"ds-button\" data-variant=\"primary\"");
	HTML_URL(h, "href", url_path(a, "/cycles/%lld/proposals/%lld", (long long)m->cycle_id,
				     (long long)m->unit->id));
	HTML_LIT(h, ">");
	html_msg(h, MSG_DISC_PROPOSAL_LINK);
	HTML_LIT(h, "</a></p>");
	v_block_para(h, MSG_DISC_PROPOSAL_HINT);
	HTML_LIT(h, "</div>\n");
}

static void meeting_section(struct html *h, const struct v_disc_unit *m)
{
	struct arena *a = h->b->arena;
	const struct disc_meeting *d = m->meeting;
	v_block_h2(h, MSG_DISC_MEETING, "meeting");
	if (!d->meeting_on && !*d->location) {
		v_block_para(h, MSG_DISC_MEETING_NONE);
	} else {
		HTML_LIT(h, "<dl class=\"disc-meeting\">");
		if (d->meeting_on) {
			HTML_LIT(h, "<dt>");
			html_msg(h, MSG_DISC_MEETING_WHEN);
			HTML_LIT(h, "</dt><dd>");
			when(h, d->meeting_on, d->meeting_at);
			HTML_LIT(h, "</dd>");
		}
		if (*d->location) {
			HTML_LIT(h, "<dt>");
			html_msg(h, MSG_DISC_MEETING_WHERE);
			HTML_LIT(h, "</dt><dd>");
			html_text(h, d->location);
			HTML_LIT(h, "</dd>");
		}
		HTML_LIT(h, "</dl>\n");
	}
	if (!m->writable || !m->can_edit)
		return;
	struct buf b;
	buf_init(&b, a, 16);
	if (d->meeting_on)
		strategy_format_date(&b, d->meeting_on);
	v_block_post_form(h, arena_printf(a, "%s/meeting", unit_base(a, m->cycle_id, m->unit->id)), m->csrf);
	v_text_field(h, &(struct v_field){ .name = "meeting_on", .label = msg(h->lang, MSG_DISC_MEETING_ON),
					   .hint = msg(h->lang, MSG_DISC_MEETING_ON_HINT),
					   .value = m->meeting_on_in ? m->meeting_on_in : buf_str(&b),
					   .maxlength = 10, .errors = m->errors });
	v_text_field(h, &(struct v_field){ .name = "meeting_at", .label = msg(h->lang, MSG_DISC_MEETING_TIME),
					   .hint = msg(h->lang, MSG_DISC_MEETING_TIME_HINT),
					   .value = m->meeting_at_in ? m->meeting_at_in : d->meeting_at,
					   .maxlength = 5, .errors = m->errors });
	v_text_field(h, &(struct v_field){ .name = "location", .label = msg(h->lang, MSG_DISC_LOCATION),
					   .hint = msg(h->lang, MSG_DISC_LOCATION_HINT),
					   .value = m->location_in ? m->location_in : d->location,
					   .maxlength = DISC_LOCATION_MAX_CHARS, .errors = m->errors });
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_DISC_MEETING_SAVE, false);
	HTML_LIT(h, "</p></form>\n");
}

static void background_section(struct html *h, const struct v_disc_unit *m)
{
	struct arena *a = h->b->arena;
	v_block_h2(h, MSG_DISC_BACKGROUND, "background");
	v_block_h3(h, MSG_DISC_STRATEGY);
	const struct strategy_doc *s = m->strategy;
	if (!s) {
		v_block_para(h, MSG_DISC_NO_STRATEGY);
	} else {
		if (s->version.vision && *s->version.vision) {
			HTML_LIT(h, "<h4 class=\"ds-heading\" data-size=\"xs\">");
			html_msg(h, MSG_DISC_VISION);
			HTML_LIT(h, "</h4>\n");
			html_markdown(h, s->version.vision, 5);
		}
		if (s->nmain > 0) {
			HTML_LIT(h, "<h4 class=\"ds-heading\" data-size=\"xs\">");
			html_msg(h, MSG_DISC_MAIN_GOALS);
			HTML_LIT(h, "</h4>\n<ul class=\"ds-list\">");
			for (int i = 0; i < s->nmain; i++) {
				HTML_LIT(h, "<li>");
				html_text(h, s->main_goals[i].title);
				bool any = false;
				for (int k = 0; k < s->ngoals; k++) {
					const struct strategy_goal *g = &s->goals[k];
					if (g->main_goal_id != s->main_goals[i].id)
						continue;
					if (!any)
						HTML_LIT(h, "<ul class=\"ds-list\">");
					any = true;
					HTML_LIT(h, "<li>");
					if (g->code && *g->code) {
						html_text(h, g->code);
						HTML_LIT(h, " ");
					}
					html_text(h, g->title);
					HTML_LIT(h, "</li>");
				}
				if (any)
					HTML_LIT(h, "</ul>");
				HTML_LIT(h, "</li>");
			}
			HTML_LIT(h, "</ul>\n");
		}
	}
	v_block_link_p(h, url_path(a, "/cycles/%lld/strategy", (long long)m->cycle_id), MSG_DISC_STRATEGY_LINK);

	v_block_h3(h, MSG_DISC_UNIT_GOALS);
	v_block_unit_goals(h, m->unit_goals, m->nunit_goals, MSG_DISC_NO_UNIT_GOALS);

	v_block_h3(h, MSG_DISC_DRAFT_NEEDS);
	if (m->ndraft_needs == 0) {
		v_block_para(h, MSG_DISC_NO_DRAFT_NEEDS);
		return;
	}
	v_block_para(h, MSG_DISC_DRAFT_NEEDS_INTRO);
	HTML_LIT(h, "<ul class=\"ds-list\">");
	for (int i = 0; i < m->ndraft_needs; i++) {
		const struct prep_need *n = &m->draft_needs[i];
		HTML_LIT(h, "<li><strong>");
		html_text(h, n->title);
		HTML_LIT(h, "</strong>");
		if (n->description && *n->description) {
			HTML_LIT(h, " – ");
			html_text(h, n->description);
		}
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>\n");
}

/* "Notater til punkt 3" */
static const char *notes_label(struct html *h, int item)
{
	return arena_printf(h->b->arena, "%s %d", msg(h->lang, MSG_DISC_NOTES_LABEL), item + 1);
}

static void agenda_section(struct html *h, const struct v_disc_unit *m)
{
	struct arena *a = h->b->arena;
	v_block_h2(h, MSG_DISC_AGENDA, "agenda");
	if (m->nagenda == 0) {
		v_block_para(h, MSG_DISC_NO_AGENDA);
		return;
	}
	v_block_para(h, MSG_DISC_AGENDA_INTRO);
	bool form = m->writable && m->can_edit;
	if (form)
		v_block_post_form(h, arena_printf(a, "%s/notes", unit_base(a, m->cycle_id, m->unit->id)), m->csrf);
	HTML_LIT(h, "<ol class=\"disc-agenda\">");
	for (int i = 0; i < m->nagenda; i++) {
		const struct disc_agenda_item *it = &m->agenda[i];
		HTML_LIT(h, "<li");
		HTML_ATTR(h, "value", arena_printf(a, "%d", it->item + 1));
		HTML_LIT(h, "><h3 class=\"ds-heading\" data-size=\"xs\"");
		HTML_ATTR(h, "id", arena_printf(a, "item-%d", it->item + 1));
		HTML_LIT(h, ">");
		html_text(h, it->text);
		if (!it->current) {
			HTML_LIT(h, " ");
			html_msg(h, MSG_DISC_ITEM_GONE);
		}
		HTML_LIT(h, "</h3>");
		const char *notes = it->note ? it->note->notes : "";
		if (notes && *notes) {
			HTML_LIT(h, "<div class=\"disc-notes\">");
			html_markdown(h, notes, 4);
			HTML_LIT(h, "</div><p class=\"ds-paragraph\" data-size=\"sm\">");
			struct buf b;
			buf_init(&b, a, 32);
			fmt_datetime(&b, it->note->updated_at);
			html_msgf(h, MSG_DISC_NOTES_BY, it->note->updated_by_name ? it->note->updated_by_name : "–",
				  buf_str(&b));
			HTML_LIT(h, "</p>");
		} else if (!form) {
			v_block_para(h, MSG_DISC_NO_NOTES);
		}
		if (form && it->current) {
			const char *in = m->notes_in ? m->notes_in[i] : NULL;
			v_textarea(h, &(struct v_field){ .name = arena_printf(a, "notes_%d", it->item + 1),
							 .label = notes_label(h, it->item),
							 .value = in ? in : notes, .errors = m->errors }, 5);
		}
		HTML_LIT(h, "</li>\n");
	}
	HTML_LIT(h, "</ol>\n");
	if (form) {
		HTML_LIT(h, "<p>");
		v_submit(h, MSG_DISC_NOTES_SAVE, false);
		HTML_LIT(h, "</p></form>\n");
	}
}

static void attendance_section(struct html *h, const struct v_disc_unit *m)
{
	struct arena *a = h->b->arena;
	v_block_h2(h, MSG_DISC_ATTENDANCE, "attendance");
	int64_t present = 0, eligible = 0;
	for (int i = 0; i < m->npeople; i++) {
		present += m->people[i].present;
		eligible += m->people[i].eligible;
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_DISC_ATTENDANCE_STATUS, (long long)present, (long long)eligible);
	HTML_LIT(h, "</p>\n");
	if (m->npeople == 0) {
		v_block_para(h, MSG_DISC_NO_PEOPLE);
		return;
	}
	if (!m->writable || !m->can_edit) {
		if (present == 0) {
			v_block_para(h, MSG_DISC_NOBODY_PRESENT);
			return;
		}
		HTML_LIT(h, "<ul class=\"ds-list\">");
		for (int i = 0; i < m->npeople; i++) {
			if (!m->people[i].present)
				continue;
			HTML_LIT(h, "<li>");
			html_text(h, m->people[i].name);
			if (!m->people[i].eligible) {
				HTML_LIT(h, " (");
				html_msg(h, MSG_DISC_LEFT_TAG);
				HTML_LIT(h, ")");
			}
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>\n");
		return;
	}
	v_block_post_form(h, arena_printf(a, "%s/attendance", unit_base(a, m->cycle_id, m->unit->id)), m->csrf);
	v_block_checks_open(h, "attendance", m->errors, MSG_DISC_ATTENDANCE_LEGEND, MSG_DISC_PROB_ATTENDANCE);
	for (int i = 0; i < m->npeople; i++) {
		const struct v_disc_person *p = &m->people[i];
		/* someone who has left stays ticked only while left as is */
		if (!p->eligible && !p->present)
			continue;
		v_block_check_open(h, "person", p->id, p->present);
		html_text(h, p->name);
		if (p->job_title && *p->job_title) {
			HTML_LIT(h, ", ");
			html_text(h, p->job_title);
		}
		if (p->leader) {
			HTML_LIT(h, " (");
			html_msg(h, MSG_DISC_LEADER_TAG);
			HTML_LIT(h, ")");
		}
		if (!p->eligible) {
			HTML_LIT(h, " (");
			html_msg(h, MSG_DISC_LEFT_TAG);
			HTML_LIT(h, ")");
		}
		v_block_check_close(h);
	}
	HTML_LIT(h, "</fieldset><p>");
	v_submit(h, MSG_DISC_ATTENDANCE_SAVE, false);
	HTML_LIT(h, "</p></form>\n");
}

static void suggestions_section(struct html *h, const struct v_disc_unit *m)
{
	struct arena *a = h->b->arena;
	const char *base = unit_base(a, m->cycle_id, m->unit->id);
	v_block_h2(h, MSG_DISC_SUGGESTIONS, "suggestions");
	v_block_para(h, MSG_DISC_SUGGESTIONS_INTRO);
	if (m->nsuggestions == 0) {
		v_block_para(h, MSG_DISC_NO_SUGGESTIONS);
	} else {
		HTML_LIT(h, "<ul class=\"disc-suggestions\">");
		for (int i = 0; i < m->nsuggestions; i++) {
			const struct disc_suggestion *s = &m->suggestions[i];
			HTML_LIT(h, "<li><blockquote><p class=\"ds-paragraph\">");
			html_text(h, s->body);
			HTML_LIT(h, "</p></blockquote><p class=\"ds-paragraph\" data-size=\"sm\">");
			struct buf b;
			buf_init(&b, a, 32);
			fmt_datetime(&b, s->created_at);
			html_msgf(h, MSG_DISC_SUGGESTION_BY,
				  s->user_name ? s->user_name : msg(h->lang, MSG_DISC_SUGGESTION_GONE_USER),
				  buf_str(&b));
			if (m->writable && disc_may_remove_suggestion(m->actor, s)) {
				bool own = s->user_id && s->user_id == m->actor_user_id;
				HTML_LIT(h, " <a class=\"ds-link\"");
				HTML_URL(h, "href", arena_printf(a, "%s/suggestions/%lld/delete", base, (long long)s->id));
				HTML_LIT(h, ">");
				html_msg(h, own ? MSG_DISC_SUGGESTION_WITHDRAW : MSG_DISC_SUGGESTION_REMOVE);
				HTML_LIT(h, "<span class=\"ds-sr-only\"> (");
				html_msgf(h, MSG_DISC_SUGGESTION_NUMBER, i + 1);
				HTML_LIT(h, ")</span></a>");
			}
			HTML_LIT(h, "</p></li>\n");
		}
		HTML_LIT(h, "</ul>\n");
	}
	if (!m->writable || !m->can_suggest)
		return;
	v_block_post_form(h, arena_printf(a, "%s/suggestions", base), m->csrf);
	v_textarea(h, &(struct v_field){ .name = "body", .label = msg(h->lang, MSG_DISC_SUGGESTION_BODY),
					 .hint = msg(h->lang, MSG_DISC_SUGGESTION_HINT), .value = m->suggestion_in,
					 .required = true, .maxlength = DISC_SUGGESTION_MAX_CHARS,
					 .errors = m->errors }, 4);
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_DISC_SUGGESTION_SEND, false);
	HTML_LIT(h, "</p></form>\n");
}

static void error_summary(struct html *h, const struct v_disc_unit *m)
{
	if (!m->errors || !m->errors->n)
		return;
	struct arena *a = h->b->arena;
	struct v_label labels[5 + DISC_ITEMS_MAX];
	int n = 0;
	labels[n++] = (struct v_label){ "meeting_on", msg(h->lang, MSG_DISC_MEETING_ON) };
	labels[n++] = (struct v_label){ "meeting_at", msg(h->lang, MSG_DISC_MEETING_TIME) };
	labels[n++] = (struct v_label){ "location", msg(h->lang, MSG_DISC_LOCATION) };
	labels[n++] = (struct v_label){ "attendance", msg(h->lang, MSG_DISC_ATTENDANCE_LEGEND) };
	labels[n++] = (struct v_label){ "body", msg(h->lang, MSG_DISC_SUGGESTION_BODY) };
	for (int i = 0; i < m->nagenda && n < (int)(sizeof labels / sizeof labels[0]); i++)
		if (m->agenda[i].current)
			labels[n++] = (struct v_label){
				arena_printf(a, "notes_%d", m->agenda[i].item + 1),
				notes_label(h, m->agenda[i].item) };
	v_error_summary(h, m->errors, labels, n);
}

void v_disc_unit(struct html *h, const struct v_disc_unit *m)
{
	v_block_unit_head(h, MSG_DISC_UNIT_TITLE, m->unit->name, MSG_DISC_CYCLE, m->cycle_name,
			  url_path(h->b->arena, "/cycles/%lld/discussions", (long long)m->cycle_id),
			  MSG_DISC_BACK_TO_INDEX);
	error_summary(h, m);
	status_section(h, m);
	v_block_purpose(h, m->texts, MSG_DISC_PURPOSE, MSG_DISC_KEY_QUESTIONS);
	meeting_section(h, m);
	background_section(h, m);
	agenda_section(h, m);
	attendance_section(h, m);
	suggestions_section(h, m);
}

/* ---- removing a suggestion ---- */

void v_disc_delete(struct html *h, const struct v_disc_delete *m)
{
	struct arena *a = h->b->arena;
	const char *base = unit_base(a, m->cycle_id, m->unit->id);
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, MSG_DISC_DELETE_TITLE);
	HTML_LIT(h, "</h1>\n<blockquote><p class=\"ds-paragraph\">");
	html_text(h, m->suggestion->body);
	HTML_LIT(h, "</p></blockquote>\n<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_DISC_DELETE_QUESTION, m->unit->name);
	HTML_LIT(h, "</p>\n");
	v_block_post_form(h, arena_printf(a, "%s/suggestions/%lld/delete", base, (long long)m->suggestion->id),
			  m->csrf);
	HTML_LIT(h, "<p><button type=\"submit\" class=\"ds-button\" data-variant=\"primary\" data-color=\"danger\">");
	html_msg(h, MSG_DISC_DELETE_CONFIRM);
	HTML_LIT(h, "</button> ");
	v_block_cancel(h, arena_printf(a, "%s#suggestions", base));
	HTML_LIT(h, "</p></form>\n");
}
