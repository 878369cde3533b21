/* decision.c (views) — the decision's pages. The progress is an ordered
 * list whose items say in words whether each step is done, current or still
 * to come (never by colour alone); every action is a link to a GET
 * confirmation page that asks the question, says what is missing when the
 * action is not possible yet, and carries the POST form. */
#include "views/decision.h"

#include <string.h>
#include "base/arena.h"
#include "html/markdown.h"
#include "views/decided_strategy.h"
#include "views/form.h"

static void h1(struct html *h)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
}

static void h2(struct html *h, enum msg m, const char *id)
{
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\"");
	if (id)
		HTML_ATTR(h, "id", id);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</h2>\n");
}

static void para(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>\n");
}

static void button_link(struct html *h, const char *href, enum msg label, bool primary)
{
	if (primary)
		HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"primary\"");
	else
		HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"secondary\"");
	HTML_URL(h, "href", href);
	HTML_LIT(h, ">");
	html_msg(h, label);
	HTML_LIT(h, "</a>");
}

static void back_link(struct html *h, const char *href, enum msg m)
{
	HTML_LIT(h, "<p><a class=\"ds-link\"");
	HTML_URL(h, "href", href);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</a></p>\n");
}

static const char *decision_url(struct arena *a, int64_t cycle_id)
{
	return url_path(a, "/cycles/%lld/decision", (long long)cycle_id);
}

/* ---- the words of the closed lists ---- */

enum msg v_dec_status_msg(enum decision_status s)
{
	switch (s) {
	case DECISION_AWAITING_APPROVAL: return MSG_DEC_STATUS_AWAITING;
	case DECISION_APPROVED: return MSG_DEC_STATUS_APPROVED;
	case DECISION_COMPILING:
	case DECISION_STATUS_COUNT:
		break;
	}
	return MSG_DEC_STATUS_COMPILING;
}

enum msg v_dec_criticality_msg(enum criticality c)
{
	switch (c) {
	case CRIT_MEDIUM: return MSG_DEC_CRIT_MEDIUM;
	case CRIT_HIGH: return MSG_DEC_CRIT_HIGH;
	case CRIT_CRITICAL: return MSG_DEC_CRIT_CRITICAL;
	case CRIT_LOW:
	case CRITICALITY_COUNT:
		break;
	}
	return MSG_DEC_CRIT_LOW;
}

enum msg v_dec_horizon_msg(enum horizon x)
{
	switch (x) {
	case HORIZON_ONE_TO_THREE_YEARS: return MSG_DEC_HORIZON_1_3;
	case HORIZON_LONGER: return MSG_DEC_HORIZON_LONGER;
	case HORIZON_NEXT_YEAR:
	case HORIZON_COUNT:
		break;
	}
	return MSG_DEC_HORIZON_NEXT_YEAR;
}

enum msg v_dec_kind_msg(enum measure_kind k)
{
	switch (k) {
	case MEASURE_DEVELOP: return MSG_DEC_KIND_DEVELOP;
	case MEASURE_MOBILISE: return MSG_DEC_KIND_MOBILISE;
	case MEASURE_PHASE_OUT: return MSG_DEC_KIND_PHASE_OUT;
	case MEASURE_ACQUIRE:
	case MEASURE_KIND_COUNT:
		break;
	}
	return MSG_DEC_KIND_ACQUIRE;
}

enum msg v_dec_need_scope_msg(enum need_scope s)
{
	return s == NEED_SCOPE_UNIT ? MSG_DEC_SCOPE_UNIT : MSG_DEC_SCOPE_ORGANISATION;
}

enum msg v_dec_measure_scope_msg(enum measure_scope s)
{
	return s == MEASURE_SCOPE_LOCAL ? MSG_DEC_SCOPE_LOCAL : MSG_DEC_SCOPE_OVERARCHING;
}

void v_dec_iso_date(struct html *h, const char *iso)
{
	if (iso && strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-') {
		char no[11] = { iso[8], iso[9], '.', iso[5], iso[6], '.', iso[0], iso[1], iso[2], iso[3], 0 };
		html_text(h, no);
	} else {
		html_text(h, iso);
	}
}

void v_dec_text(struct html *h, const char *text)
{
	for (const char *p = text ? text : ""; *p;) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		html_text(h, arena_strndup(h->b->arena, p, n));
		p += n;
		if (*p == '\n') {
			HTML_LIT(h, "<br>");
			p++;
		}
	}
}

void v_dec_lines(struct html *h, const char *lines, enum msg none)
{
	if (!lines || !*lines) {
		html_msg(h, none);
		return;
	}
	HTML_LIT(h, "<ul class=\"ds-list\">");
	for (const char *p = lines; *p;) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		HTML_LIT(h, "<li>");
		html_text(h, arena_strndup(h->b->arena, p, n));
		HTML_LIT(h, "</li>");
		p += n;
		if (*p == '\n')
			p++;
	}
	HTML_LIT(h, "</ul>");
}

/* ---- the progress page ---- */

static const enum msg step_msgs[DEC_STEP_COUNT] = {
	[DEC_STEP_COMPILED] = MSG_DEC_STEP_COMPILED,
	[DEC_STEP_CONSULTED] = MSG_DEC_STEP_CONSULTED,
	[DEC_STEP_APPROVED] = MSG_DEC_STEP_APPROVED,
	[DEC_STEP_PUBLISHED] = MSG_DEC_STEP_PUBLISHED,
};

static void steps(struct html *h, const enum dec_step_state *s)
{
	h2(h, MSG_DEC_PROGRESS, "progress");
	HTML_LIT(h, "<ol class=\"ds-list dec-steps\">");
	for (int i = 0; i < DEC_STEP_COUNT; i++) {
		if (s[i] == STEP_CURRENT)
			HTML_LIT(h, "<li aria-current=\"step\"><strong>");
		else
			HTML_LIT(h, "<li>");
		html_msg(h, step_msgs[i]);
		HTML_LIT(h, " – ");
		html_msg(h, s[i] == STEP_DONE ? MSG_DEC_STEP_DONE
			    : s[i] == STEP_CURRENT ? MSG_DEC_STEP_CURRENT : MSG_DEC_STEP_AHEAD);
		if (s[i] == STEP_CURRENT)
			HTML_LIT(h, "</strong>");
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ol>\n");
}

static void who_when(struct html *h, enum msg m, const char *name, int64_t at)
{
	struct buf b;
	buf_init(&b, h->b->arena, 64);
	fmt_date(&b, at);
	html_msgf(h, m, name ? name : msg(h->lang, MSG_DEC_SOMEONE), buf_str(&b));
}

static void status_block(struct html *h, const struct decision *d)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\"><strong>");
	html_msg(h, MSG_DEC_STATUS);
	HTML_LIT(h, ":</strong> ");
	html_msg(h, v_dec_status_msg(d->status));
	HTML_LIT(h, "</p>\n");
	if (d->status == DECISION_AWAITING_APPROVAL && d->sent_at) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		who_when(h, MSG_DEC_SENT_BY, d->sent_by_name, d->sent_at);
		HTML_LIT(h, "</p>\n");
	}
	if (d->status == DECISION_APPROVED && d->approved_at) {
		if (d->approval_comment && *d->approval_comment) {
			HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"info\"><h2 class=\"ds-heading\""
				    " data-size=\"xs\">");
			who_when(h, MSG_DEC_APPROVED_WITH_COMMENT, d->approved_by_name, d->approved_at);
			HTML_LIT(h, "</h2><p class=\"ds-paragraph dec-comment\">");
			v_dec_text(h, d->approval_comment);
			HTML_LIT(h, "</p></div>\n");
		} else {
			HTML_LIT(h, "<p class=\"ds-paragraph\">");
			who_when(h, MSG_DEC_APPROVED_BY, d->approved_by_name, d->approved_at);
			HTML_LIT(h, "</p>\n");
		}
	}
	if (d->status == DECISION_COMPILING && d->return_comment && *d->return_comment) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"warning\"><h2 class=\"ds-heading\""
			    " data-size=\"xs\">");
		who_when(h, MSG_DEC_RETURNED_BY, d->returned_by_name, d->returned_at);
		HTML_LIT(h, "</h2><p class=\"ds-paragraph dec-comment\">");
		v_dec_text(h, d->return_comment);
		HTML_LIT(h, "</p></div>\n");
	}
}

static void actions(struct html *h, const struct v_decision_page *m)
{
	struct arena *a = h->b->arena;
	const struct decision *d = m->d;
	bool any = false;
	HTML_LIT(h, "<p class=\"dec-actions\">");
	if (m->can_compile && d->status == DECISION_COMPILING) {
		button_link(h, url_path(a, "/cycles/%lld/decision/send", (long long)m->cycle_id),
			    MSG_DEC_ACTION_SEND, true);
		any = true;
	}
	if (m->can_compile && d->status == DECISION_APPROVED) {
		button_link(h, url_path(a, "/cycles/%lld/decision/publish", (long long)m->cycle_id),
			    MSG_DEC_ACTION_PUBLISH, true);
		any = true;
	}
	if (m->can_approve && d->status == DECISION_AWAITING_APPROVAL) {
		button_link(h, url_path(a, "/cycles/%lld/decision/approve", (long long)m->cycle_id),
			    MSG_DEC_ACTION_APPROVE, true);
		HTML_LIT(h, " ");
		button_link(h, url_path(a, "/cycles/%lld/decision/return", (long long)m->cycle_id),
			    MSG_DEC_ACTION_RETURN, false);
		any = true;
	}
	HTML_LIT(h, "</p>\n");
	if (!any)
		para(h, m->can_approve ? MSG_DEC_NOTHING_TO_APPROVE
			: m->can_compile ? MSG_DEC_WAITING_FOR_MANAGEMENT : MSG_DEC_READ_ONLY);
}

static void consultations_table(struct html *h, const struct v_decision_page *m)
{
	struct arena *a = h->b->arena;
	h2(h, MSG_DEC_CONSULTATIONS, "consultations");
	para(h, MSG_DEC_CONSULTATIONS_INTRO);
	if (m->nconsultations == 0) {
		para(h, MSG_DEC_NO_CONSULTATIONS);
	} else {
		HTML_LIT(h, "<table class=\"ds-table\"><caption>");
		html_msg(h, MSG_DEC_CONSULTATIONS_CAPTION);
		HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
		html_msg(h, MSG_DEC_HELD_ON);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_DEC_PARTICIPANTS);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_DEC_FILES);
		HTML_LIT(h, "</th></tr></thead><tbody>\n");
		for (int i = 0; i < m->nconsultations; i++) {
			const struct consultation *k = &m->consultations[i];
			HTML_LIT(h, "<tr><th scope=\"row\"><a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(a, "/cycles/%lld/consultations/%lld",
						     (long long)m->cycle_id, (long long)k->id));
			HTML_LIT(h, ">");
			v_dec_iso_date(h, k->held_on);
			HTML_LIT(h, "</a></th><td>");
			v_dec_lines(h, k->participants, MSG_DEC_NONE);
			HTML_LIT(h, "</td><td>");
			html_int(h, k->files);
			HTML_LIT(h, "</td></tr>\n");
		}
		HTML_LIT(h, "</tbody></table>\n");
	}
	if (m->can_compile) {
		if (m->d->status == DECISION_COMPILING) {
			HTML_LIT(h, "<p>");
			button_link(h, url_path(a, "/cycles/%lld/consultations/new", (long long)m->cycle_id),
				    MSG_DEC_CONSULTATION_NEW, false);
			HTML_LIT(h, "</p>\n");
		} else {
			para(h, MSG_DEC_CONSULTATIONS_LOCKED);
		}
	}
}

static void versions_table(struct html *h, const struct v_decision_page *m)
{
	struct arena *a = h->b->arena;
	h2(h, MSG_DEC_VERSIONS, "versions");
	if (m->nversions == 0) {
		para(h, MSG_DEC_NO_VERSIONS);
		return;
	}
	HTML_LIT(h, "<table class=\"ds-table\"><caption>");
	html_msg(h, MSG_DEC_VERSIONS_CAPTION);
	HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
	html_msg(h, MSG_DEC_VERSION);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_DEC_PUBLISHED);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_DEC_APPROVED);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_DEC_NOTE);
	HTML_LIT(h, "</th></tr></thead><tbody>\n");
	for (int i = 0; i < m->nversions; i++) {
		const struct decided_version *v = &m->versions[i];
		HTML_LIT(h, "<tr><th scope=\"row\"><a class=\"ds-link\"");
		HTML_URL(h, "href", url_path(a, "/cycles/%lld/competence-strategy/versions/%lld",
					     (long long)m->cycle_id, (long long)v->number));
		HTML_LIT(h, ">");
		html_msgf(h, MSG_DEC_VERSION_N, (long long)v->number);
		HTML_LIT(h, "</a></th><td>");
		who_when(h, MSG_DEC_BY_ON, v->published_by_name, v->published_at);
		HTML_LIT(h, "</td><td>");
		who_when(h, MSG_DEC_BY_ON, *v->approved_by_name ? v->approved_by_name : NULL, v->approved_at);
		HTML_LIT(h, "</td><td>");
		html_text(h, v->note);
		HTML_LIT(h, "</td></tr>\n");
	}
	HTML_LIT(h, "</tbody></table>\n");
	if (m->nversions > 1) {
		back_link(h, url_path(a, "/cycles/%lld/competence-strategy/compare", (long long)m->cycle_id),
			  MSG_DEC_COMPARE_LINK);
	}
}

void v_decision_page(struct html *h, const struct v_decision_page *m)
{
	struct arena *a = h->b->arena;
	h1(h);
	html_msgf(h, MSG_DEC_TITLE, m->cycle_name);
	HTML_LIT(h, "</h1>\n");
	para(h, MSG_DEC_INTRO);
	status_block(h, m->d);
	steps(h, m->steps);
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_DEC_WORKING_SET, (long long)m->decided_needs, (long long)m->decided_measures);
	HTML_LIT(h, "</p>\n");
	h2(h, MSG_DEC_ACTIONS, "actions");
	actions(h, m);
	consultations_table(h, m);
	versions_table(h, m);
	back_link(h, url_path(a, "/cycles/%lld/competence-strategy", (long long)m->cycle_id),
		  MSG_DEC_STRATEGY_LINK);
	back_link(h, url_path(a, "/cycles/%lld", (long long)m->cycle_id), MSG_DEC_BACK_TO_CYCLE);
}

/* ---- confirmations ---- */

static const enum msg confirm_titles[DEC_OP_COUNT] = {
	[DEC_OP_SEND] = MSG_DEC_SEND_TITLE, [DEC_OP_APPROVE] = MSG_DEC_APPROVE_TITLE,
	[DEC_OP_RETURN] = MSG_DEC_RETURN_TITLE, [DEC_OP_PUBLISH] = MSG_DEC_PUBLISH_TITLE,
};
static const enum msg confirm_explain[DEC_OP_COUNT] = {
	[DEC_OP_SEND] = MSG_DEC_SEND_EXPLAIN, [DEC_OP_APPROVE] = MSG_DEC_APPROVE_EXPLAIN,
	[DEC_OP_RETURN] = MSG_DEC_RETURN_EXPLAIN, [DEC_OP_PUBLISH] = MSG_DEC_PUBLISH_EXPLAIN,
};
static const enum msg confirm_buttons[DEC_OP_COUNT] = {
	[DEC_OP_SEND] = MSG_DEC_ACTION_SEND, [DEC_OP_APPROVE] = MSG_DEC_ACTION_APPROVE,
	[DEC_OP_RETURN] = MSG_DEC_ACTION_RETURN, [DEC_OP_PUBLISH] = MSG_DEC_ACTION_PUBLISH,
};

static enum msg refusal_msg(const struct v_decision_confirm *m)
{
	switch (m->refusal) {
	case DEC_REFUSED_ROLE: return MSG_DEC_REFUSED_ROLE;
	case DEC_REFUSED_NO_NEEDS: return MSG_DEC_REFUSED_NO_NEEDS;
	case DEC_REFUSED_NO_CONSULTATION: return MSG_DEC_REFUSED_NO_CONSULTATION;
	case DEC_REFUSED_COMMENT: return MSG_DEC_REFUSED_COMMENT;
	case DEC_REFUSED_STATE:
	case DEC_ALLOWED:
		break;
	}
	switch (m->op) {
	case DEC_OP_SEND: return MSG_DEC_REFUSED_SEND_STATE;
	case DEC_OP_PUBLISH: return MSG_DEC_REFUSED_PUBLISH_STATE;
	case DEC_OP_APPROVE:
	case DEC_OP_RETURN:
	case DEC_OP_COUNT:
		break;
	}
	return MSG_DEC_REFUSED_APPROVE_STATE;
}

void v_decision_confirm(struct html *h, const struct v_decision_confirm *m)
{
	struct arena *a = h->b->arena;
	const char *back = decision_url(a, m->cycle_id);
	h1(h);
	html_msg(h, confirm_titles[m->op]);
	HTML_LIT(h, "</h1>\n<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_DEC_CYCLE, m->cycle_name);
	HTML_LIT(h, "</p>\n");
	if (m->refusal != DEC_ALLOWED && m->refusal != DEC_REFUSED_COMMENT) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"warning\" role=\"alert\"><p class=\"ds-paragraph\">");
		html_msg(h, refusal_msg(m));
		HTML_LIT(h, "</p><p class=\"ds-paragraph\">");
		html_msg(h, MSG_DEC_STATUS);
		HTML_LIT(h, ": ");
		html_msg(h, v_dec_status_msg(m->status));
		HTML_LIT(h, "</p></div>\n");
		back_link(h, back, MSG_DEC_BACK_TO_DECISION);
		return;
	}
	para(h, confirm_explain[m->op]);
	static const char *const fields[DEC_OP_COUNT] = {
		[DEC_OP_APPROVE] = "comment", [DEC_OP_RETURN] = "comment", [DEC_OP_PUBLISH] = "note",
	};
	const char *field = fields[m->op];
	enum msg label = m->op == DEC_OP_PUBLISH ? MSG_DEC_NOTE_LABEL
			 : m->op == DEC_OP_RETURN ? MSG_DEC_RETURN_COMMENT_LABEL : MSG_DEC_APPROVE_COMMENT_LABEL;
	if (field) {
		struct v_label labels[] = { { field, msg(h->lang, label) } };
		v_error_summary(h, m->errors, labels, 1);
	}
	HTML_LIT(h, "<form method=\"post\"");
	HTML_URL(h, "action", url_path(a, "/cycles/%lld/decision/%s", (long long)m->cycle_id,
				       decision_op_name(m->op)));
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	if (field) {
		v_textarea(h, &(struct v_field){ .name = field, .label = msg(h->lang, label),
						  .hint = m->op == DEC_OP_RETURN
							  ? msg(h->lang, MSG_DEC_RETURN_COMMENT_HINT) : NULL,
						  .value = m->comment, .required = m->op == DEC_OP_RETURN,
						  .errors = m->errors },
			   5);
	}
	HTML_LIT(h, "<p>");
	v_submit(h, confirm_buttons[m->op], true);
	HTML_LIT(h, " ");
	button_link(h, back, MSG_CANCEL, false);
	HTML_LIT(h, "</p></form>\n");
	if (m->op == DEC_OP_PUBLISH && m->preview) {
		HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">");
		html_msgf(h, MSG_DEC_PREVIEW_HEADING, (long long)m->next_number);
		HTML_LIT(h, "</h2>\n");
		v_decided_content(h, m->preview, 3);
	}
}

void v_decision_locked(struct html *h, int64_t cycle_id, enum decision_status s)
{
	h1(h);
	html_msg(h, MSG_DEC_LOCKED_TITLE);
	HTML_LIT(h, "</h1>\n<p class=\"ds-paragraph\">");
	html_msg(h, MSG_DEC_LOCKED_TEXT);
	HTML_LIT(h, "</p><p class=\"ds-paragraph\">");
	html_msg(h, MSG_DEC_STATUS);
	HTML_LIT(h, ": ");
	html_msg(h, v_dec_status_msg(s));
	HTML_LIT(h, "</p>\n");
	back_link(h, decision_url(h->b->arena, cycle_id), MSG_DEC_BACK_TO_DECISION);
}

/* ---- consultations ---- */

void v_consultation_form(struct html *h, const struct v_consultation_form *m)
{
	struct arena *a = h->b->arena;
	h1(h);
	html_msg(h, m->id ? MSG_DEC_CONSULTATION_EDIT : MSG_DEC_CONSULTATION_NEW);
	HTML_LIT(h, "</h1>\n<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_DEC_CYCLE, m->cycle_name);
	HTML_LIT(h, "</p>\n");
	para(h, MSG_DEC_CONSULTATION_FORM_INTRO);
	struct v_label labels[] = {
		{ "held_on", msg(h->lang, MSG_DEC_HELD_ON) },
		{ "participants", msg(h->lang, MSG_DEC_PARTICIPANTS) },
		{ "minutes", msg(h->lang, MSG_DEC_MINUTES) },
	};
	v_error_summary(h, m->errors, labels, 3);
	HTML_LIT(h, "<form method=\"post\"");
	HTML_URL(h, "action", m->id ? url_path(a, "/cycles/%lld/consultations/%lld", (long long)m->cycle_id,
					       (long long)m->id)
				    : url_path(a, "/cycles/%lld/consultations", (long long)m->cycle_id));
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	v_text_field(h, &(struct v_field){ .name = "held_on", .label = labels[0].label,
					   .hint = msg(h->lang, MSG_DEC_HELD_ON_HINT), .value = m->held_on,
					   .type = "date", .required = true, .errors = m->errors });
	v_textarea(h, &(struct v_field){ .name = "participants", .label = labels[1].label,
					 .hint = msg(h->lang, MSG_DEC_PARTICIPANTS_HINT),
					 .value = m->participants, .required = true, .errors = m->errors },
		   5);
	v_textarea(h, &(struct v_field){ .name = "minutes", .label = labels[2].label,
					 .hint = msg(h->lang, MSG_DEC_MINUTES_HINT), .value = m->minutes,
					 .errors = m->errors },
		   12);
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_DEC_CONSULTATION_SAVE, true);
	HTML_LIT(h, " ");
	button_link(h, m->id ? url_path(a, "/cycles/%lld/consultations/%lld", (long long)m->cycle_id,
					(long long)m->id)
			     : decision_url(a, m->cycle_id),
		    MSG_CANCEL, false);
	HTML_LIT(h, "</p></form>\n");
}

static enum msg upload_msg(enum doc_upload_problem p)
{
	switch (p) {
	case DOC_UPLOAD_EMPTY: return MSG_DOC_UPLOAD_EMPTY;
	case DOC_UPLOAD_TOO_BIG: return MSG_DOC_UPLOAD_TOO_BIG;
	case DOC_UPLOAD_NOT_OFFICE: return MSG_DOC_UPLOAD_NOT_OFFICE;
	case DOC_UPLOAD_NAME_MISMATCH: return MSG_DOC_UPLOAD_NAME_MISMATCH;
	case DOC_UPLOAD_BAD_NAME: return MSG_DOC_UPLOAD_BAD_NAME;
	case DOC_UPLOAD_BAD_TYPE:
	case DOC_UPLOAD_OK:
		break;
	}
	return MSG_DOC_UPLOAD_BAD_TYPE;
}

static void files_section(struct html *h, const struct v_consultation_page *m)
{
	struct arena *a = h->b->arena;
	const struct consultation *k = m->k;
	h2(h, MSG_DEC_FILES, "files");
	if (m->nfiles == 0) {
		para(h, MSG_DEC_NO_FILES);
	} else {
		HTML_LIT(h, "<ul class=\"ds-list\">");
		for (int i = 0; i < m->nfiles; i++) {
			const struct consultation_file *f = &m->files[i];
			HTML_LIT(h, "<li><a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(a, "/cycles/%lld/consultations/%lld/files/%lld",
						     (long long)m->cycle_id, (long long)k->id, (long long)f->id));
			HTML_LIT(h, ">");
			html_text(h, f->file_name);
			HTML_LIT(h, "</a> (");
			html_num(h, (f->file_size + 1023) / 1024);
			HTML_LIT(h, " kB)");
			if (m->can_edit) {
				HTML_LIT(h, " <a class=\"ds-link\"");
				HTML_URL(h, "href",
					 url_path(a, "/cycles/%lld/consultations/%lld/files/%lld/delete",
						  (long long)m->cycle_id, (long long)k->id, (long long)f->id));
				HTML_LIT(h, ">");
				html_msgf(h, MSG_DEC_FILE_DELETE_LINK, f->file_name);
				HTML_LIT(h, "</a>");
			}
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>\n");
	}
	if (!m->can_edit)
		return;
	bool failed = m->upload != DOC_UPLOAD_OK || m->upload_missing || m->too_many_files;
	enum msg problem = m->upload_missing ? MSG_DEC_FILE_MISSING
			   : m->too_many_files ? MSG_DEC_TOO_MANY_FILES : upload_msg(m->upload);
	if (failed) {
		HTML_LIT(h, "<div class=\"ds-error-summary\" role=\"alert\" tabindex=\"-1\"><h3 class=\"ds-heading\""
			    " data-size=\"xs\">");
		html_msg(h, MSG_DEC_UPLOAD_FAILED);
		HTML_LIT(h, "</h3><ul class=\"ds-list\"><li><a class=\"ds-link\" href=\"#f-file\">");
		if (m->upload == DOC_UPLOAD_TOO_BIG)
			html_msgf(h, problem, m->max_mb);
		else
			html_msg(h, problem);
		HTML_LIT(h, "</a></li></ul></div>\n");
	}
	HTML_LIT(h, "<form method=\"post\" enctype=\"multipart/form-data\"");
	HTML_URL(h, "action", url_path(a, "/cycles/%lld/consultations/%lld/files", (long long)m->cycle_id,
				       (long long)k->id));
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	HTML_LIT(h, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"f-file\">");
	html_msg(h, MSG_DEC_FILE_LABEL);
	HTML_LIT(h, "</label><div class=\"ds-field__description\" id=\"f-file-hint\">");
	html_msgf(h, MSG_DOC_FILE_HINT, m->max_mb);
	HTML_LIT(h, "</div>");
	if (failed) {
		HTML_LIT(h, "<div class=\"ds-validation-message\" id=\"f-file-error\" data-color=\"danger\">");
		if (m->upload == DOC_UPLOAD_TOO_BIG)
			html_msgf(h, problem, m->max_mb);
		else
			html_msg(h, problem);
		HTML_LIT(h, "</div><input class=\"ds-input\" type=\"file\" id=\"f-file\" name=\"file\""
			    " accept=\".pdf,.docx,.xlsx,.pptx\" aria-invalid=\"true\""
			    " aria-describedby=\"f-file-hint f-file-error\">");
	} else {
		HTML_LIT(h, "<input class=\"ds-input\" type=\"file\" id=\"f-file\" name=\"file\""
			    " accept=\".pdf,.docx,.xlsx,.pptx\" aria-describedby=\"f-file-hint\">");
	}
	HTML_LIT(h, "</div><p>");
	v_submit(h, MSG_DEC_FILE_UPLOAD, false);
	HTML_LIT(h, "</p></form>\n");
}

void v_consultation_page(struct html *h, const struct v_consultation_page *m)
{
	struct arena *a = h->b->arena;
	const struct consultation *k = m->k;
	h1(h);
	html_msg(h, MSG_DEC_CONSULTATION_TITLE);
	HTML_LIT(h, " ");
	v_dec_iso_date(h, k->held_on);
	HTML_LIT(h, "</h1>\n<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_DEC_CYCLE, m->cycle_name);
	HTML_LIT(h, "</p>\n");
	if (m->locked)
		para(h, MSG_DEC_CONSULTATIONS_LOCKED);
	HTML_LIT(h, "<dl class=\"dec-facts\"><dt>");
	html_msg(h, MSG_DEC_HELD_ON);
	HTML_LIT(h, "</dt><dd>");
	v_dec_iso_date(h, k->held_on);
	HTML_LIT(h, "</dd><dt>");
	html_msg(h, MSG_DEC_PARTICIPANTS);
	HTML_LIT(h, "</dt><dd>");
	v_dec_lines(h, k->participants, MSG_DEC_NONE);
	HTML_LIT(h, "</dd><dt>");
	html_msg(h, MSG_DEC_LAST_CHANGED);
	HTML_LIT(h, "</dt><dd>");
	who_when(h, MSG_DEC_BY_ON, k->updated_by_name, k->updated_at);
	HTML_LIT(h, "</dd></dl>\n");
	h2(h, MSG_DEC_MINUTES, "minutes");
	if (k->minutes && *k->minutes) {
		HTML_LIT(h, "<div class=\"dec-minutes\">");
		html_markdown(h, k->minutes, 3);
		HTML_LIT(h, "</div>\n");
	} else {
		para(h, MSG_DEC_NO_MINUTES);
	}
	files_section(h, m);
	if (m->can_edit) {
		HTML_LIT(h, "<p>");
		button_link(h, url_path(a, "/cycles/%lld/consultations/%lld/edit", (long long)m->cycle_id,
					(long long)k->id),
			    MSG_DEC_CONSULTATION_EDIT, false);
		HTML_LIT(h, " ");
		button_link(h, url_path(a, "/cycles/%lld/consultations/%lld/delete", (long long)m->cycle_id,
					(long long)k->id),
			    MSG_DEC_CONSULTATION_DELETE, false);
		HTML_LIT(h, "</p>\n");
	}
	back_link(h, decision_url(a, m->cycle_id), MSG_DEC_BACK_TO_DECISION);
}

void v_consultation_delete(struct html *h, const struct v_consultation_delete *m)
{
	struct arena *a = h->b->arena;
	const struct consultation *k = m->k;
	const char *back = url_path(a, "/cycles/%lld/consultations/%lld", (long long)m->cycle_id,
				    (long long)k->id);
	h1(h);
	if (m->f) {
		html_msgf(h, MSG_DEC_FILE_DELETE_TITLE, m->f->file_name);
	} else {
		html_msg(h, MSG_DEC_CONSULTATION_DELETE_TITLE);
		HTML_LIT(h, " ");
		v_dec_iso_date(h, k->held_on);
	}
	HTML_LIT(h, "</h1>\n");
	para(h, m->f ? MSG_DEC_FILE_DELETE_EXPLAIN : MSG_DEC_CONSULTATION_DELETE_EXPLAIN);
	HTML_LIT(h, "<form method=\"post\"");
	HTML_URL(h, "action", m->f ? url_path(a, "/cycles/%lld/consultations/%lld/files/%lld/delete",
					      (long long)m->cycle_id, (long long)k->id, (long long)m->f->id)
				   : url_path(a, "/cycles/%lld/consultations/%lld/delete",
					      (long long)m->cycle_id, (long long)k->id));
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	HTML_LIT(h, "<p><button type=\"submit\" class=\"ds-button\" data-variant=\"primary\" data-color=\"danger\">");
	html_msg(h, MSG_DEC_DELETE);
	HTML_LIT(h, "</button> ");
	button_link(h, back, MSG_CANCEL, false);
	HTML_LIT(h, "</p></form>\n");
}
