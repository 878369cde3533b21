/* strategy.c — the strategy pages and the unit goal pages. The strategy page
 * reads top down: vision, main goals (h3) with their strategic goals (h4),
 * each indicator as a small table (baseline, target, latest value) and, when
 * it has values, a bar chart in SVG whose numbers are also in a table for
 * those who cannot see it; then core values, culture, behaviour and
 * leadership principles. Rich text goes through html_markdown with headings
 * shifted under the section's own. The forms use views/form.h, except the
 * decimal and date fields and the error summary, which tell a taken date,
 * code or title in the strategy's own words (problem_words). */
#include "views/strategy.h"

#include <string.h>
#include "base/arena.h"
#include "base/buf.h"
#include "html/markdown.h"

enum { CHART_W = 320, CHART_BAR_H = 22, CHART_GAP = 6, CHART_LABEL_W = 90 };

static void heading(struct html *h, int level, enum msg m)
{
	switch (level) {
	case 1: HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">"); break;
	case 2: HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">"); break;
	default: HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"sm\">"); break;
	}
	html_msg(h, m);
	switch (level) {
	case 1: HTML_LIT(h, "</h1>"); break;
	case 2: HTML_LIT(h, "</h2>"); break;
	default: HTML_LIT(h, "</h3>"); break;
	}
}

static void paragraph(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>");
}

static void link_button(struct html *h, const char *url, enum msg m, bool primary)
{
	if (primary)
		HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"primary\"");
	else
		HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"secondary\"");
	HTML_URL(h, "href", url);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</a>");
}

static void text_link(struct html *h, const char *url, enum msg m)
{
	HTML_LIT(h, "<a class=\"ds-link\"");
	HTML_URL(h, "href", url);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</a>");
}

static void decimal(struct html *h, int64_t v)
{
	struct buf b;
	buf_init(&b, h->b->arena, 64);
	strategy_format_decimal(&b, v);
	html_text(h, buf_str(&b));
}

static void iso_date(struct html *h, const char *iso)
{
	struct buf b;
	buf_init(&b, h->b->arena, 32);
	strategy_format_date(&b, iso);
	html_text(h, buf_str(&b));
}

static void cycle_line(struct html *h, const struct v_cycle_ref *c)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_STRATEGY_CYCLE_LINE, c->name ? c->name : "");
	if (c->closed) {
		HTML_LIT(h, " <span class=\"ds-tag\" data-color=\"neutral\">");
		html_msg(h, MSG_STRATEGY_CYCLE_CLOSED_TAG);
		HTML_LIT(h, "</span>");
	}
	HTML_LIT(h, "</p>");
}

static const char *strategy_url(struct arena *a, int64_t cycle_id, const char *tail)
{
	/* tail is one of this file's literal paths, so it is not encoded */
	return arena_printf(a, "%s%s", url_path(a, "/cycles/%lld/strategy", (long long)cycle_id), tail);
}

/* ---- fields whose problems have words of their own ---- */

/* A taken date, code or title and an unknown goal are told in the strategy's
 * words; everything else (also PROB_BAD_DECIMAL and PROB_BAD_DATE) in the
 * shared ones. */
static enum msg problem_words(const char *field, enum problem p)
{
	if (p == PROB_TAKEN && strcmp(field, "measured_on") == 0)
		return MSG_STRATEGY_PROB_DATE_TAKEN;
	if (p == PROB_TAKEN && strcmp(field, "code") == 0)
		return MSG_STRATEGY_PROB_CODE_TAKEN;
	if (p == PROB_TAKEN && strcmp(field, "title") == 0)
		return MSG_STRATEGY_PROB_TITLE_TAKEN;
	if (p == PROB_UNKNOWN_REF && strcmp(field, "goal_id") == 0)
		return MSG_STRATEGY_PROB_GOAL_UNKNOWN;
	return v_problem_msg(p);
}

static enum problem first_problem(const struct field_errors *fe, const char *field)
{
	for (int i = 0; fe && i < fe->n; i++)
		if (fe->e[i].field && strcmp(fe->e[i].field, field) == 0)
			return fe->e[i].problem;
	return PROB_NONE;
}

/* The error summary of these forms: as v_error_summary, with the words above. */
static void summary(struct html *h, const struct field_errors *fe, const struct v_label *labels, int n)
{
	if (!fe || fe->n <= 0)
		return;
	HTML_LIT(h, "<div class=\"ds-error-summary\" role=\"alert\" tabindex=\"-1\" autofocus>"
		    "<h2 class=\"ds-heading\" data-size=\"xs\">");
	html_msg(h, MSG_ERROR_SUMMARY);
	HTML_LIT(h, "</h2><ul class=\"ds-list\">");
	for (int i = 0; i < fe->n && i < FIELD_ERRORS_MAX; i++) {
		const struct field_error *e = &fe->e[i];
		const char *label = NULL;
		for (int j = 0; j < n && e->field; j++)
			if (strcmp(labels[j].field, e->field) == 0)
				label = labels[j].label;
		enum msg words = e->field ? problem_words(e->field, e->problem) : v_problem_msg(e->problem);
		HTML_LIT(h, "<li>");
		if (label) {
			HTML_LIT(h, "<a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(h->b->arena, "#f-%s", e->field));
			HTML_LIT(h, ">");
			html_msgf(h, MSG_FIELD_PROBLEM, label, msg(h->lang, words));
			HTML_LIT(h, "</a>");
		} else {
			html_msg(h, words);
		}
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul></div>\n");
}

/* A one-line input like v_text_field whose problem is told in problem_words. */
static void special_field(struct html *h, const struct v_field *f)
{
	enum problem p = first_problem(f->errors, f->name);
	struct arena *a = h->b->arena;
	const char *id = arena_printf(a, "f-%s", f->name);
	const char *hint_id = arena_printf(a, "f-%s-hint", f->name);
	const char *err_id = arena_printf(a, "f-%s-error", f->name);
	HTML_LIT(h, "<div class=\"ds-field\"><label class=\"ds-label\"");
	HTML_ATTR(h, "for", id);
	HTML_LIT(h, ">");
	html_text(h, f->label);
	if (f->required) {
		HTML_LIT(h, " <span class=\"field-required\">");
		html_msg(h, MSG_REQUIRED_MARK);
		HTML_LIT(h, "</span>");
	}
	HTML_LIT(h, "</label>");
	if (f->hint) {
		HTML_LIT(h, "<div data-field=\"description\"");
		HTML_ATTR(h, "id", hint_id);
		HTML_LIT(h, ">");
		html_text(h, f->hint);
		HTML_LIT(h, "</div>");
	}
	HTML_LIT(h, "<input class=\"ds-input\" type=\"text\"");
	HTML_ATTR(h, "id", id);
	HTML_ATTR(h, "name", f->name);
	HTML_ATTR(h, "value", f->value ? f->value : "");
	if (f->inputmode)
		HTML_ATTR(h, "inputmode", f->inputmode);
	HTML_LIT(h, " autocomplete=\"off\"");
	if (f->maxlength > 0)
		HTML_ATTR_INT(h, "maxlength", f->maxlength);
	if (p != PROB_NONE)
		HTML_LIT(h, " aria-invalid=\"true\"");
	if (f->hint && p != PROB_NONE)
		HTML_ATTR(h, "aria-describedby", arena_printf(a, "%s %s", hint_id, err_id));
	else if (f->hint)
		HTML_ATTR(h, "aria-describedby", hint_id);
	else if (p != PROB_NONE)
		HTML_ATTR(h, "aria-describedby", err_id);
	if (f->required)
		HTML_LIT(h, " aria-required=\"true\"");
	HTML_LIT(h, ">");
	if (p != PROB_NONE) {
		HTML_LIT(h, "<p class=\"ds-validation-message\"");
		HTML_ATTR(h, "id", err_id);
		HTML_LIT(h, ">");
		html_msg(h, problem_words(f->name, p));
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "</div>\n");
}

static void form_open(struct html *h, const char *action, const char *csrf)
{
	HTML_LIT(h, "<form class=\"form-stack\" method=\"post\" novalidate");
	HTML_URL(h, "action", action);
	HTML_LIT(h, ">");
	v_csrf(h, csrf);
}

static void form_close(struct html *h, enum msg submit, const char *back)
{
	HTML_LIT(h, "<p>");
	v_submit(h, submit, true);
	HTML_LIT(h, " ");
	link_button(h, back, MSG_CANCEL, false);
	HTML_LIT(h, "</p></form>\n");
}

static void markdown_hint(struct html *h)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\" data-size=\"sm\">");
	html_msg(h, MSG_STRATEGY_MARKDOWN_HINT);
	HTML_LIT(h, "</p>");
}

/* ---- the strategy page ---- */

static const struct strategy_value *values_of(const struct strategy_doc *d, int64_t indicator_id,
					      int *n)
{
	const struct strategy_value *first = NULL;
	*n = 0;
	for (int i = 0; i < d->nvalues; i++)
		if (d->values[i].indicator_id == indicator_id) {
			if (!first)
				first = &d->values[i];
			(*n)++;
		}
	return first;
}

static void with_unit(struct html *h, int64_t v, const char *uom)
{
	decimal(h, v);
	if (uom && *uom) {
		HTML_LIT(h, " ");
		html_text(h, uom);
	}
}

/* Bars of the values, oldest at the top, scaled to the largest magnitude
 * among the values and the target; a target line when there is one. The
 * picture is described by its title and repeats the table next to it. */
static void value_chart(struct html *h, const struct strategy_indicator *ind,
			const struct strategy_value *vals, int n, const char *title_id)
{
	int64_t max = ind->has_target ? (ind->target < 0 ? -ind->target : ind->target) : 0;
	for (int i = 0; i < n; i++) {
		int64_t m = vals[i].value < 0 ? -vals[i].value : vals[i].value;
		if (m > max)
			max = m;
	}
	if (max == 0)
		max = 1;
	int height = n * (CHART_BAR_H + CHART_GAP) + CHART_GAP;
	int span = CHART_W - CHART_LABEL_W - 10;
	HTML_LIT(h, "<svg class=\"strategy-chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\"");
	HTML_ATTR(h, "aria-labelledby", title_id);
	HTML_ATTR(h, "viewBox", arena_printf(h->b->arena, "0 0 %d %d", CHART_W, height));
	HTML_ATTR_INT(h, "width", CHART_W);
	HTML_ATTR_INT(h, "height", height);
	HTML_LIT(h, "><title");
	HTML_ATTR(h, "id", title_id);
	HTML_LIT(h, ">");
	html_msgf(h, MSG_STRATEGY_CHART_TITLE, ind->name ? ind->name : "");
	HTML_LIT(h, "</title>");
	for (int i = 0; i < n; i++) {
		int64_t m = vals[i].value < 0 ? -vals[i].value : vals[i].value;
		int w = (int)(m * span / max);
		int y = CHART_GAP + i * (CHART_BAR_H + CHART_GAP);
		HTML_LIT(h, "<text x=\"0\" font-size=\"12\" fill=\"currentColor\"");
		HTML_ATTR_INT(h, "y", y + CHART_BAR_H - 7);
		HTML_LIT(h, ">");
		iso_date(h, vals[i].measured_on);
		HTML_LIT(h, "</text><rect class=\"strategy-chart-bar\" fill=\"currentColor\" opacity=\"0.6\"");
		HTML_ATTR_INT(h, "x", CHART_LABEL_W);
		HTML_ATTR_INT(h, "y", y);
		HTML_ATTR_INT(h, "width", w > 0 ? w : 1);
		HTML_ATTR_INT(h, "height", CHART_BAR_H);
		HTML_LIT(h, "></rect>");
	}
	if (ind->has_target) {
		int64_t t = ind->target < 0 ? -ind->target : ind->target;
		int x = CHART_LABEL_W + (int)(t * span / max);
		HTML_LIT(h, "<line stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"4 3\" y1=\"0\"");
		HTML_ATTR_INT(h, "x1", x);
		HTML_ATTR_INT(h, "x2", x);
		HTML_ATTR_INT(h, "y2", height);
		HTML_LIT(h, "></line>");
	}
	HTML_LIT(h, "</svg>");
}

static void indicator_block(struct html *h, const struct strategy_doc *d,
			    const struct strategy_indicator *ind, bool can_edit)
{
	struct arena *a = h->b->arena;
	int nv;
	const struct strategy_value *vals = values_of(d, ind->id, &nv);
	HTML_LIT(h, "<div class=\"strategy-indicator\"><table class=\"ds-table\" data-size=\"sm\"><caption>");
	html_msgf(h, MSG_STRATEGY_INDICATOR_CAPTION, ind->name ? ind->name : "");
	HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
	html_msg(h, MSG_STRATEGY_FIELD_BASELINE);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_STRATEGY_FIELD_TARGET);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_STRATEGY_LATEST_VALUE);
	HTML_LIT(h, "</th></tr></thead><tbody><tr><td>");
	if (ind->has_baseline)
		with_unit(h, ind->baseline, ind->unit_of_measure);
	else
		html_msg(h, MSG_STRATEGY_NOT_SET);
	HTML_LIT(h, "</td><td>");
	if (ind->has_target)
		with_unit(h, ind->target, ind->unit_of_measure);
	else
		html_msg(h, MSG_STRATEGY_NOT_SET);
	HTML_LIT(h, "</td><td>");
	if (nv > 0) {
		with_unit(h, vals[nv - 1].value, ind->unit_of_measure);
		HTML_LIT(h, " (");
		iso_date(h, vals[nv - 1].measured_on);
		HTML_LIT(h, ")");
	} else {
		html_msg(h, MSG_STRATEGY_NO_VALUES);
	}
	HTML_LIT(h, "</td></tr></tbody></table>");
	if (nv > 0) {
		value_chart(h, ind, vals, nv, arena_printf(a, "chart-%lld", (long long)ind->id));
		HTML_LIT(h, "<details class=\"ds-details\"><summary>");
		html_msg(h, MSG_STRATEGY_VALUES_TABLE);
		HTML_LIT(h, "</summary><div><table class=\"ds-table\" data-size=\"sm\"><caption>");
		html_msgf(h, MSG_STRATEGY_VALUES_CAPTION, ind->name ? ind->name : "");
		HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
		html_msg(h, MSG_STRATEGY_FIELD_DATE);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_STRATEGY_FIELD_VALUE);
		HTML_LIT(h, "</th></tr></thead><tbody>");
		for (int i = 0; i < nv; i++) {
			HTML_LIT(h, "<tr><th scope=\"row\">");
			iso_date(h, vals[i].measured_on);
			HTML_LIT(h, "</th><td>");
			with_unit(h, vals[i].value, ind->unit_of_measure);
			HTML_LIT(h, "</td></tr>");
		}
		HTML_LIT(h, "</tbody></table></div></details>");
	}
	if (can_edit) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		text_link(h, url_path(a, "/strategy/indicators/%lld/edit", (long long)ind->id),
			  MSG_STRATEGY_EDIT_INDICATOR);
		HTML_LIT(h, " · ");
		text_link(h, url_path(a, "/strategy/indicators/%lld/values/new", (long long)ind->id),
			  MSG_STRATEGY_ADD_VALUE);
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "</div>");
}

static void goal_block(struct html *h, const struct strategy_doc *d, const struct strategy_goal *g,
		       bool can_edit)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<section class=\"strategy-goal\"><h4 class=\"ds-heading\" data-size=\"xs\">");
	html_text(h, g->code);
	HTML_LIT(h, " ");
	html_text(h, g->title);
	HTML_LIT(h, "</h4>");
	html_markdown(h, g->description, 5);
	for (int i = 0; i < d->nindicators; i++)
		if (d->indicators[i].goal_row_id == g->id)
			indicator_block(h, d, &d->indicators[i], can_edit);
	if (can_edit) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		text_link(h, url_path(a, "/strategy/goals/%lld/edit", (long long)g->id), MSG_STRATEGY_EDIT_GOAL);
		HTML_LIT(h, " · ");
		text_link(h, url_path(a, "/strategy/goals/%lld/delete", (long long)g->id),
			  MSG_STRATEGY_DELETE_GOAL);
		HTML_LIT(h, " · ");
		text_link(h, url_path(a, "/strategy/goals/%lld/indicators/new", (long long)g->id),
			  MSG_STRATEGY_ADD_INDICATOR);
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "</section>");
}

static void text_section(struct html *h, enum msg title, const char *md)
{
	heading(h, 2, title);
	if (md && *md)
		html_markdown(h, md, 3);
	else
		paragraph(h, MSG_STRATEGY_EMPTY_TEXT);
}

static void version_badge(struct html *h, const struct strategy_version *v)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	if (v->number == 0) {
		HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"warning\">");
		html_msg(h, MSG_STRATEGY_DRAFT_BADGE);
		HTML_LIT(h, "</span> ");
		html_msg(h, MSG_STRATEGY_DRAFT_NOTE);
	} else {
		HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"success\">");
		html_msgf(h, MSG_STRATEGY_VERSION_N, v->number);
		HTML_LIT(h, "</span> ");
		html_msg(h, MSG_STRATEGY_PUBLISHED_ON);
		HTML_LIT(h, " ");
		html_date(h, v->published_at);
	}
	HTML_LIT(h, "</p>");
}

void v_strategy_page(struct html *h, const struct v_strategy_page *m)
{
	struct arena *a = h->b->arena;
	const struct strategy_doc *d = m->doc;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	if (d && m->is_past)
		html_msgf(h, MSG_STRATEGY_PAST_TITLE, d->version.number);
	else
		html_msg(h, MSG_STRATEGY_TITLE);
	HTML_LIT(h, "</h1>");
	cycle_line(h, &m->cycle);
	HTML_LIT(h, "<p class=\"ds-paragraph\"><a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(a, "/cycles/%lld", (long long)m->cycle.id));
	HTML_LIT(h, ">");
	html_msgf(h, MSG_HOME_CYCLE_LINK, m->cycle.name ? m->cycle.name : "");
	HTML_LIT(h, "</a></p>");
	if (d)
		version_badge(h, &d->version);
	if (m->is_past && m->latest_number > 0) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"info\"><p class=\"ds-paragraph\">");
		html_msgf(h, MSG_STRATEGY_PAST_NOTE, m->latest_number);
		HTML_LIT(h, " ");
		text_link(h, strategy_url(a, m->cycle.id, ""), MSG_STRATEGY_SEE_LATEST);
		HTML_LIT(h, "</p></div>");
	}
	HTML_LIT(h, "<p class=\"strategy-actions\">");
	if (m->can_edit) {
		link_button(h, strategy_url(a, m->cycle.id, "/edit"), MSG_STRATEGY_EDIT_TEXTS, true);
		HTML_LIT(h, " ");
		link_button(h, strategy_url(a, m->cycle.id, "/main-goals/new"), MSG_STRATEGY_ADD_MAIN_GOAL, false);
		HTML_LIT(h, " ");
		link_button(h, strategy_url(a, m->cycle.id, "/publish"), MSG_STRATEGY_PUBLISH, false);
		HTML_LIT(h, " ");
	}
	link_button(h, strategy_url(a, m->cycle.id, "/versions"), MSG_STRATEGY_VERSIONS, false);
	HTML_LIT(h, "</p>");
	if (m->can_start_draft) {
		HTML_LIT(h, "<form method=\"post\"");
		HTML_URL(h, "action", strategy_url(a, m->cycle.id, "/draft"));
		HTML_LIT(h, ">");
		v_csrf(h, m->csrf);
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, d ? MSG_STRATEGY_START_DRAFT_HINT : MSG_STRATEGY_NONE_HR);
		HTML_LIT(h, "</p><p>");
		v_submit(h, MSG_STRATEGY_START_DRAFT, true);
		HTML_LIT(h, "</p></form>");
	}
	if (!d) {
		if (!m->can_start_draft)
			paragraph(h, MSG_STRATEGY_NONE);
		return;
	}
	const struct strategy_version *v = &d->version;
	text_section(h, MSG_STRATEGY_FIELD_VISION, v->vision);

	heading(h, 2, MSG_STRATEGY_MAIN_GOALS);
	if (d->nmain == 0)
		paragraph(h, MSG_STRATEGY_NO_MAIN_GOALS);
	for (int i = 0; i < d->nmain; i++) {
		const struct strategy_main_goal *mg = &d->main_goals[i];
		HTML_LIT(h, "<section class=\"strategy-main-goal\"><h3 class=\"ds-heading\" data-size=\"sm\">");
		html_text(h, mg->title);
		HTML_LIT(h, "</h3>");
		html_markdown(h, mg->description, 4);
		if (m->can_edit) {
			HTML_LIT(h, "<p class=\"ds-paragraph\">");
			text_link(h, url_path(a, "/strategy/main-goals/%lld/edit", (long long)mg->id),
				  MSG_STRATEGY_EDIT_MAIN_GOAL);
			HTML_LIT(h, " · ");
			text_link(h, url_path(a, "/strategy/main-goals/%lld/delete", (long long)mg->id),
				  MSG_STRATEGY_DELETE_MAIN_GOAL);
			HTML_LIT(h, " · ");
			text_link(h, url_path(a, "/strategy/main-goals/%lld/goals/new", (long long)mg->id),
				  MSG_STRATEGY_ADD_GOAL);
			HTML_LIT(h, "</p>");
		}
		bool any = false;
		for (int k = 0; k < d->ngoals; k++)
			if (d->goals[k].main_goal_id == mg->id) {
				goal_block(h, d, &d->goals[k], m->can_edit);
				any = true;
			}
		if (!any)
			paragraph(h, MSG_STRATEGY_NO_GOALS);
		HTML_LIT(h, "</section>");
	}
	text_section(h, MSG_STRATEGY_FIELD_CORE_VALUES, v->core_values);
	text_section(h, MSG_STRATEGY_FIELD_CULTURE, v->culture);
	text_section(h, MSG_STRATEGY_FIELD_BEHAVIOUR, v->behaviour);
	text_section(h, MSG_STRATEGY_FIELD_LEADERSHIP, v->leadership);
}

/* ---- versions ---- */

void v_strategy_versions(struct html *h, const struct v_strategy_versions *m)
{
	struct arena *a = h->b->arena;
	heading(h, 1, MSG_STRATEGY_VERSIONS);
	cycle_line(h, &m->cycle);
	int shown = 0;
	for (int i = 0; i < m->n; i++)
		if (m->versions[i].number > 0 || m->show_draft)
			shown++;
	if (shown == 0) {
		paragraph(h, MSG_STRATEGY_NONE);
	} else {
		HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption class=\"ds-sr-only\">");
		html_msg(h, MSG_STRATEGY_VERSIONS);
		HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
		html_msg(h, MSG_STRATEGY_VERSION);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_STRATEGY_PUBLISHED_ON);
		HTML_LIT(h, "</th></tr></thead><tbody>");
		for (int i = 0; i < m->n; i++) {
			const struct strategy_version *v = &m->versions[i];
			if (v->number == 0 && !m->show_draft)
				continue;
			HTML_LIT(h, "<tr><th scope=\"row\"><a class=\"ds-link\"");
			if (v->number == 0) {
				HTML_URL(h, "href", strategy_url(a, m->cycle.id, ""));
				HTML_LIT(h, ">");
				html_msg(h, MSG_STRATEGY_DRAFT_BADGE);
			} else {
				HTML_URL(h, "href", url_path(a, "/cycles/%lld/strategy/versions/%lld",
							     (long long)m->cycle.id, (long long)v->number));
				HTML_LIT(h, ">");
				html_msgf(h, MSG_STRATEGY_VERSION_N, v->number);
			}
			HTML_LIT(h, "</a></th><td>");
			if (v->number > 0)
				html_date(h, v->published_at);
			else
				html_msg(h, MSG_STRATEGY_NOT_PUBLISHED);
			HTML_LIT(h, "</td></tr>");
		}
		HTML_LIT(h, "</tbody></table>");
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	text_link(h, strategy_url(a, m->cycle.id, ""), MSG_STRATEGY_BACK);
	HTML_LIT(h, "</p>");
}

/* ---- the texts form ---- */

void v_strategy_texts_form(struct html *h, const struct v_strategy_texts_form *m)
{
	struct arena *a = h->b->arena;
	enum lang l = h->lang;
	const struct strategy_version *v = m->v;
	heading(h, 1, MSG_STRATEGY_EDIT_TEXTS);
	cycle_line(h, &m->cycle);
	if (m->from_published) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"info\"><p class=\"ds-paragraph\">");
		html_msgf(h, MSG_STRATEGY_NEW_DRAFT_NOTE, v->number);
		HTML_LIT(h, "</p></div>");
	}
	const struct v_label labels[] = {
		{ "vision", msg(l, MSG_STRATEGY_FIELD_VISION) },
		{ "core_values", msg(l, MSG_STRATEGY_FIELD_CORE_VALUES) },
		{ "culture", msg(l, MSG_STRATEGY_FIELD_CULTURE) },
		{ "behaviour", msg(l, MSG_STRATEGY_FIELD_BEHAVIOUR) },
		{ "leadership", msg(l, MSG_STRATEGY_FIELD_LEADERSHIP) },
	};
	const char *values[] = { v->vision, v->core_values, v->culture, v->behaviour, v->leadership };
	summary(h, m->errors, labels, 5);
	markdown_hint(h);
	form_open(h, strategy_url(a, m->cycle.id, "/edit"), m->csrf);
	for (int i = 0; i < 5; i++)
		v_textarea(h, &(struct v_field){ .name = labels[i].field, .label = labels[i].label,
						 .value = values[i], .errors = m->errors }, 8);
	form_close(h, MSG_SAVE, strategy_url(a, m->cycle.id, ""));
}

/* ---- publish ---- */

void v_strategy_publish(struct html *h, const struct v_strategy_publish *m)
{
	struct arena *a = h->b->arena;
	heading(h, 1, MSG_STRATEGY_PUBLISH);
	cycle_line(h, &m->cycle);
	if (!m->draft) {
		paragraph(h, MSG_STRATEGY_NO_DRAFT);
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		text_link(h, strategy_url(a, m->cycle.id, ""), MSG_STRATEGY_BACK);
		HTML_LIT(h, "</p>");
		return;
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_STRATEGY_PUBLISH_QUESTION, m->next_number);
	HTML_LIT(h, "</p><p class=\"ds-paragraph\">");
	html_msgf(h, MSG_STRATEGY_PUBLISH_CONTENT, m->draft->nmain, m->draft->ngoals, m->draft->nindicators);
	HTML_LIT(h, "</p>");
	form_open(h, strategy_url(a, m->cycle.id, "/publish"), m->csrf);
	form_close(h, MSG_STRATEGY_PUBLISH, strategy_url(a, m->cycle.id, ""));
}

/* ---- item forms ---- */

void v_main_goal_form(struct html *h, const struct v_main_goal_form *m)
{
	struct arena *a = h->b->arena;
	enum lang l = h->lang;
	heading(h, 1, m->g->id ? MSG_STRATEGY_EDIT_MAIN_GOAL : MSG_STRATEGY_ADD_MAIN_GOAL);
	cycle_line(h, &m->cycle);
	const struct v_label labels[] = {
		{ "title", msg(l, MSG_STRATEGY_FIELD_TITLE) },
		{ "description", msg(l, MSG_STRATEGY_FIELD_DESCRIPTION) },
	};
	summary(h, m->errors, labels, 2);
	form_open(h, m->g->id ? url_path(a, "/strategy/main-goals/%lld/edit", (long long)m->g->id)
			      : strategy_url(a, m->cycle.id, "/main-goals/new"), m->csrf);
	v_text_field(h, &(struct v_field){ .name = "title", .label = labels[0].label, .value = m->g->title,
					   .autocomplete = "off", .maxlength = STRATEGY_TITLE_MAX_CHARS,
					   .required = true, .errors = m->errors });
	v_textarea(h, &(struct v_field){ .name = "description", .label = labels[1].label,
					 .hint = msg(l, MSG_STRATEGY_MARKDOWN_SHORT),
					 .value = m->g->description, .errors = m->errors }, 6);
	form_close(h, MSG_SAVE, strategy_url(a, m->cycle.id, ""));
}

void v_goal_form(struct html *h, const struct v_goal_form *m)
{
	struct arena *a = h->b->arena;
	enum lang l = h->lang;
	heading(h, 1, m->g->id ? MSG_STRATEGY_EDIT_GOAL : MSG_STRATEGY_ADD_GOAL);
	cycle_line(h, &m->cycle);
	const struct v_label labels[] = {
		{ "main_goal_id", msg(l, MSG_STRATEGY_FIELD_MAIN_GOAL) },
		{ "code", msg(l, MSG_STRATEGY_FIELD_CODE) },
		{ "title", msg(l, MSG_STRATEGY_FIELD_TITLE) },
		{ "description", msg(l, MSG_STRATEGY_FIELD_DESCRIPTION) },
	};
	summary(h, m->errors, labels, 4);
	form_open(h, m->g->id ? url_path(a, "/strategy/goals/%lld/edit", (long long)m->g->id)
			      : url_path(a, "/strategy/main-goals/%lld/goals/new", (long long)m->g->main_goal_id),
		  m->csrf);
	struct v_option *opts = arena_alloc(a, sizeof *opts * ((size_t)m->nmains + 1));
	for (int i = 0; opts && i < m->nmains; i++)
		opts[i] = (struct v_option){ arena_printf(a, "%lld", (long long)m->mains[i].id),
					     m->mains[i].title };
	v_select(h, &(struct v_field){ .name = "main_goal_id", .label = labels[0].label,
				       .value = arena_printf(a, "%lld", (long long)m->g->main_goal_id),
				       .required = true, .errors = m->errors },
		 opts, opts ? m->nmains : 0, NULL);
	v_text_field(h, &(struct v_field){ .name = "code", .label = labels[1].label,
					   .hint = msg(l, MSG_STRATEGY_CODE_HINT), .value = m->g->code,
					   .autocomplete = "off", .maxlength = STRATEGY_CODE_MAX_CHARS,
					   .required = true, .errors = m->errors });
	v_text_field(h, &(struct v_field){ .name = "title", .label = labels[2].label, .value = m->g->title,
					   .autocomplete = "off", .maxlength = STRATEGY_TITLE_MAX_CHARS,
					   .required = true, .errors = m->errors });
	v_textarea(h, &(struct v_field){ .name = "description", .label = labels[3].label,
					 .hint = msg(l, MSG_STRATEGY_MARKDOWN_SHORT),
					 .value = m->g->description, .errors = m->errors }, 6);
	form_close(h, MSG_SAVE, strategy_url(a, m->cycle.id, ""));
}

void v_indicator_form(struct html *h, const struct v_indicator_form *m)
{
	struct arena *a = h->b->arena;
	enum lang l = h->lang;
	heading(h, 1, m->i->id ? MSG_STRATEGY_EDIT_INDICATOR : MSG_STRATEGY_ADD_INDICATOR);
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_STRATEGY_FOR_GOAL, m->goal->code ? m->goal->code : "",
		  m->goal->title ? m->goal->title : "");
	HTML_LIT(h, "</p>");
	const struct v_label labels[] = {
		{ "name", msg(l, MSG_STRATEGY_FIELD_NAME) },
		{ "unit_of_measure", msg(l, MSG_STRATEGY_FIELD_UOM) },
		{ "baseline", msg(l, MSG_STRATEGY_FIELD_BASELINE) },
		{ "target", msg(l, MSG_STRATEGY_FIELD_TARGET) },
	};
	summary(h, m->errors, labels, 4);
	form_open(h, m->i->id ? url_path(a, "/strategy/indicators/%lld/edit", (long long)m->i->id)
			      : url_path(a, "/strategy/goals/%lld/indicators/new", (long long)m->goal->id),
		  m->csrf);
	v_text_field(h, &(struct v_field){ .name = "name", .label = labels[0].label, .value = m->i->name,
					   .autocomplete = "off", .maxlength = STRATEGY_TITLE_MAX_CHARS,
					   .required = true, .errors = m->errors });
	v_text_field(h, &(struct v_field){ .name = "unit_of_measure", .label = labels[1].label,
					   .hint = msg(l, MSG_STRATEGY_UOM_HINT),
					   .value = m->i->unit_of_measure, .autocomplete = "off",
					   .maxlength = STRATEGY_UOM_MAX_CHARS, .errors = m->errors });
	special_field(h, &(struct v_field){ .name = "baseline", .label = labels[2].label,
					    .hint = msg(l, MSG_STRATEGY_DECIMAL_HINT), .value = m->baseline,
					    .inputmode = "decimal", .maxlength = STRATEGY_DECIMAL_MAX_CHARS,
					    .errors = m->errors });
	special_field(h, &(struct v_field){ .name = "target", .label = labels[3].label,
					    .hint = msg(l, MSG_STRATEGY_DECIMAL_HINT), .value = m->target,
					    .inputmode = "decimal", .maxlength = STRATEGY_DECIMAL_MAX_CHARS,
					    .errors = m->errors });
	form_close(h, MSG_SAVE, strategy_url(a, m->cycle.id, ""));
	if (!m->i->id)
		return;
	heading(h, 2, MSG_STRATEGY_VALUES_TABLE);
	if (m->nvalues == 0)
		paragraph(h, MSG_STRATEGY_NO_VALUES);
	else {
		HTML_LIT(h, "<table class=\"ds-table\" data-size=\"sm\"><caption>");
		html_msgf(h, MSG_STRATEGY_VALUES_CAPTION, m->i->name ? m->i->name : "");
		HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
		html_msg(h, MSG_STRATEGY_FIELD_DATE);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_STRATEGY_FIELD_VALUE);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_STRATEGY_ACTIONS);
		HTML_LIT(h, "</th></tr></thead><tbody>");
		for (int i = 0; i < m->nvalues; i++) {
			const struct strategy_value *v = &m->values[i];
			HTML_LIT(h, "<tr><th scope=\"row\">");
			iso_date(h, v->measured_on);
			HTML_LIT(h, "</th><td>");
			decimal(h, v->value);
			HTML_LIT(h, "</td><td>");
			text_link(h, url_path(a, "/strategy/indicator-values/%lld/edit", (long long)v->id),
				  MSG_STRATEGY_EDIT_VALUE);
			HTML_LIT(h, " · ");
			text_link(h, url_path(a, "/strategy/indicator-values/%lld/delete", (long long)v->id),
				  MSG_DELETE);
			HTML_LIT(h, "</td></tr>");
		}
		HTML_LIT(h, "</tbody></table>");
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	text_link(h, url_path(a, "/strategy/indicators/%lld/values/new", (long long)m->i->id),
		  MSG_STRATEGY_ADD_VALUE);
	HTML_LIT(h, " · ");
	text_link(h, url_path(a, "/strategy/indicators/%lld/delete", (long long)m->i->id),
		  MSG_STRATEGY_DELETE_INDICATOR);
	HTML_LIT(h, "</p>");
}

void v_value_form(struct html *h, const struct v_value_form *m)
{
	struct arena *a = h->b->arena;
	enum lang l = h->lang;
	heading(h, 1, m->id ? MSG_STRATEGY_EDIT_VALUE : MSG_STRATEGY_ADD_VALUE);
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_STRATEGY_FOR_INDICATOR, m->indicator->name ? m->indicator->name : "");
	HTML_LIT(h, "</p>");
	const struct v_label labels[] = {
		{ "measured_on", msg(l, MSG_STRATEGY_FIELD_DATE) },
		{ "value", msg(l, MSG_STRATEGY_FIELD_VALUE) },
	};
	summary(h, m->errors, labels, 2);
	form_open(h, m->id ? url_path(a, "/strategy/indicator-values/%lld/edit", (long long)m->id)
			   : url_path(a, "/strategy/indicators/%lld/values/new", (long long)m->indicator->id),
		  m->csrf);
	special_field(h, &(struct v_field){ .name = "measured_on", .label = labels[0].label,
					    .hint = msg(l, MSG_STRATEGY_DATE_HINT), .value = m->measured_on,
					    .maxlength = 10, .required = true, .errors = m->errors });
	special_field(h, &(struct v_field){ .name = "value", .label = labels[1].label,
					    .hint = msg(l, MSG_STRATEGY_DECIMAL_HINT), .value = m->value,
					    .inputmode = "decimal", .maxlength = STRATEGY_DECIMAL_MAX_CHARS,
					    .required = true, .errors = m->errors });
	form_close(h, MSG_SAVE, url_path(a, "/strategy/indicators/%lld/edit", (long long)m->indicator->id));
}

/* ---- delete confirmation ---- */

void v_strategy_delete(struct html *h, const struct v_strategy_delete *m)
{
	static const enum msg titles[] = {
		[V_ITEM_MAIN_GOAL] = MSG_STRATEGY_DELETE_MAIN_GOAL, [V_ITEM_GOAL] = MSG_STRATEGY_DELETE_GOAL,
		[V_ITEM_INDICATOR] = MSG_STRATEGY_DELETE_INDICATOR, [V_ITEM_VALUE] = MSG_STRATEGY_DELETE_VALUE,
		[V_ITEM_UNIT_GOAL] = MSG_UNIT_GOAL_DELETE,
	};
	heading(h, 1, titles[m->kind]);
	if (m->links > 0) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"warning\" role=\"status\"><p class=\"ds-paragraph\">");
		html_msgf(h, MSG_STRATEGY_DELETE_BLOCKED, m->name ? m->name : "", (int)m->links);
		HTML_LIT(h, "</p></div><p>");
		link_button(h, m->back, MSG_STRATEGY_BACK, false);
		HTML_LIT(h, "</p>");
		return;
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, m->kind == V_ITEM_MAIN_GOAL ? MSG_STRATEGY_DELETE_MAIN_QUESTION
						 : MSG_STRATEGY_DELETE_QUESTION, m->name ? m->name : "");
	HTML_LIT(h, "</p>");
	form_open(h, m->action, m->csrf);
	form_close(h, MSG_DELETE, m->back);
}

/* ---- unit goals ---- */

static void goal_ref(struct html *h, const struct unit_goal *g)
{
	if (g->goal_code) {
		html_text(h, g->goal_code);
		HTML_LIT(h, " ");
		html_text(h, g->goal_title);
	} else {
		html_msg(h, MSG_UNIT_GOAL_GOAL_GONE);
	}
}

static void cycle_selector(struct html *h, const struct v_unit_goals_page *m)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<form method=\"get\"");
	HTML_URL(h, "action", url_path(a, "/units/%lld/goals", (long long)m->unit_id));
	HTML_LIT(h, ">");
	struct v_option *opts = arena_alloc(a, sizeof *opts * ((size_t)m->ncycles + 1));
	for (int i = 0; opts && i < m->ncycles; i++)
		opts[i] = (struct v_option){ arena_printf(a, "%lld", (long long)m->cycles[i].id),
					     m->cycles[i].name };
	v_select(h, &(struct v_field){ .name = "cycle", .label = msg(h->lang, MSG_UNIT_GOAL_CYCLE),
				       .value = arena_printf(a, "%lld", (long long)m->cycle->id) },
		 opts, opts ? m->ncycles : 0, NULL);
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_UNIT_GOAL_SHOW, false);
	HTML_LIT(h, "</p></form>");
}

void v_unit_goals_page(struct html *h, const struct v_unit_goals_page *m)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, MSG_UNIT_GOALS_TITLE, m->unit_name ? m->unit_name : "");
	HTML_LIT(h, "</h1>");
	if (!m->cycle) {
		paragraph(h, MSG_UNIT_GOAL_NO_CYCLE);
		return;
	}
	cycle_selector(h, m);
	cycle_line(h, m->cycle);
	if (m->can_edit) {
		HTML_LIT(h, "<p>");
		link_button(h, url_path(a, "/units/%lld/goals/new?cycle=%lld", (long long)m->unit_id,
					(long long)m->cycle->id), MSG_UNIT_GOAL_NEW, true);
		HTML_LIT(h, "</p>");
	}
	if (m->n == 0)
		paragraph(h, MSG_UNIT_GOAL_NONE);
	for (int i = 0; i < m->n; i++) {
		const struct unit_goal *g = &m->goals[i];
		HTML_LIT(h, "<section class=\"unit-goal\"><h2 class=\"ds-heading\" data-size=\"sm\">");
		html_text(h, g->title);
		HTML_LIT(h, "</h2><p class=\"ds-paragraph\"><strong>");
		html_msg(h, MSG_UNIT_GOAL_SERVES);
		HTML_LIT(h, "</strong> ");
		goal_ref(h, g);
		HTML_LIT(h, "</p>");
		if (g->contribution && *g->contribution) {
			HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"xs\">");
			html_msg(h, MSG_UNIT_GOAL_FIELD_CONTRIBUTION);
			HTML_LIT(h, "</h3>");
			html_markdown(h, g->contribution, 4);
		}
		if (m->can_edit) {
			HTML_LIT(h, "<p class=\"ds-paragraph\">");
			text_link(h, url_path(a, "/unit-goals/%lld/edit", (long long)g->id), MSG_UNIT_GOAL_EDIT);
			HTML_LIT(h, " · ");
			text_link(h, url_path(a, "/unit-goals/%lld/delete", (long long)g->id), MSG_UNIT_GOAL_DELETE);
			HTML_LIT(h, "</p>");
		}
		HTML_LIT(h, "</section>");
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	text_link(h, strategy_url(a, m->cycle->id, ""), MSG_UNIT_GOAL_SEE_STRATEGY);
	HTML_LIT(h, "</p>");
}

void v_unit_goal_form(struct html *h, const struct v_unit_goal_form *m)
{
	struct arena *a = h->b->arena;
	enum lang l = h->lang;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, m->g->id ? MSG_UNIT_GOAL_EDIT : MSG_UNIT_GOAL_NEW);
	HTML_LIT(h, "</h1><p class=\"ds-paragraph\">");
	html_msgf(h, MSG_UNIT_GOAL_FOR_UNIT, m->unit_name ? m->unit_name : "");
	HTML_LIT(h, "</p>");
	const char *back = url_path(a, "/units/%lld/goals", (long long)m->unit_id);
	if (!m->cycle || m->nchoices == 0) {
		paragraph(h, !m->cycle ? MSG_UNIT_GOAL_NO_CYCLE : MSG_UNIT_GOAL_NO_STRATEGY);
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		text_link(h, back, MSG_STRATEGY_BACK);
		HTML_LIT(h, "</p>");
		return;
	}
	cycle_line(h, m->cycle);
	const struct v_label labels[] = {
		{ "title", msg(l, MSG_UNIT_GOAL_FIELD_TITLE) },
		{ "goal_id", msg(l, MSG_UNIT_GOAL_FIELD_GOAL) },
		{ "contribution", msg(l, MSG_UNIT_GOAL_FIELD_CONTRIBUTION) },
	};
	summary(h, m->errors, labels, 3);
	form_open(h, m->g->id ? url_path(a, "/unit-goals/%lld/edit", (long long)m->g->id)
			      : url_path(a, "/units/%lld/goals/new?cycle=%lld", (long long)m->unit_id,
					 (long long)m->cycle->id), m->csrf);
	v_text_field(h, &(struct v_field){ .name = "title", .label = labels[0].label, .value = m->g->title,
					   .autocomplete = "off", .maxlength = STRATEGY_TITLE_MAX_CHARS,
					   .required = true, .errors = m->errors });
	struct v_option *opts = arena_alloc(a, sizeof *opts * ((size_t)m->nchoices + 1));
	for (int i = 0; opts && i < m->nchoices; i++)
		opts[i] = (struct v_option){ arena_printf(a, "%lld", (long long)m->choices[i].goal_id),
					     arena_printf(a, "%s %s", m->choices[i].code, m->choices[i].title) };
	v_select(h, &(struct v_field){ .name = "goal_id", .label = labels[1].label,
				       .hint = msg(l, MSG_UNIT_GOAL_GOAL_HINT), .value = m->goal_text,
				       .required = true, .errors = m->errors },
		 opts, opts ? m->nchoices : 0, msg(l, MSG_UNIT_GOAL_CHOOSE));
	v_textarea(h, &(struct v_field){ .name = "contribution", .label = labels[2].label,
					 .hint = msg(l, MSG_UNIT_GOAL_CONTRIBUTION_HINT),
					 .value = m->g->contribution, .errors = m->errors }, 6);
	form_close(h, MSG_SAVE, back);
}

void v_strategy_refused(struct html *h, enum msg why, const char *back)
{
	heading(h, 1, MSG_STRATEGY_REFUSED_TITLE);
	HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"warning\" role=\"status\"><p class=\"ds-paragraph\">");
	html_msg(h, why);
	HTML_LIT(h, "</p></div><p>");
	link_button(h, back, MSG_STRATEGY_BACK, false);
	HTML_LIT(h, "</p>");
}
