/* decided_strategy.c (views) — the published competence strategy. Each
 * decided need is a section with its facts as a description list (what a
 * screen reader reads in order); measures come in two groups, overarching
 * and local. The comparison lists each difference with the word for it and
 * a table of the changed fields, before → after. */
#include "views/decided_strategy.h"

#include <string.h>
#include "base/arena.h"
#include "views/decision.h"

/* <hN class=...> for N in 2..5 (HTML_LIT takes literals only). */
static void heading_open(struct html *h, int level)
{
	switch (level) {
	case 2: HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">"); break;
	case 3: HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"sm\">"); break;
	case 4: HTML_LIT(h, "<h4 class=\"ds-heading\" data-size=\"xs\">"); break;
	default: HTML_LIT(h, "<h5 class=\"ds-heading\" data-size=\"2xs\">"); break;
	}
}

static void heading_close(struct html *h, int level)
{
	switch (level) {
	case 2: HTML_LIT(h, "</h2>\n"); break;
	case 3: HTML_LIT(h, "</h3>\n"); break;
	case 4: HTML_LIT(h, "</h4>\n"); break;
	default: HTML_LIT(h, "</h5>\n"); break;
	}
}

static void heading(struct html *h, int level, enum msg m)
{
	heading_open(h, level);
	html_msg(h, m);
	heading_close(h, level);
}

static void para(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>\n");
}

static void link(struct html *h, const char *href, enum msg m)
{
	HTML_LIT(h, "<p><a class=\"ds-link\"");
	HTML_URL(h, "href", href);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</a></p>\n");
}

static void dt(struct html *h, enum msg m)
{
	HTML_LIT(h, "<dt>");
	html_msg(h, m);
	HTML_LIT(h, "</dt><dd>");
}

static void kroner(struct html *h, int64_t v)
{
	html_num(h, v);
	HTML_LIT(h, " kr");
}

static void need_item(struct html *h, const struct dv_need *n, int level)
{
	HTML_LIT(h, "<section class=\"dec-need\">");
	heading_open(h, level);
	html_text(h, n->title);
	heading_close(h, level);
	if (n->description && *n->description) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_text(h, n->description);
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "<dl class=\"dec-facts\">");
	dt(h, MSG_DEC_COMPETENCE);
	if (*n->competence_name)
		html_text(h, n->competence_name);
	else
		html_msg(h, MSG_DEC_COMPETENCE_FREE);
	HTML_LIT(h, "</dd>");
	dt(h, MSG_DEC_CRITICALITY);
	html_msg(h, v_dec_criticality_msg(n->criticality));
	HTML_LIT(h, "</dd>");
	dt(h, MSG_DEC_REQUIRED_LEVEL);
	if (n->required_level > 0)
		html_msgf(h, MSG_DEC_LEVEL_N, (long long)n->required_level);
	else
		html_msg(h, MSG_DEC_NONE);
	HTML_LIT(h, "</dd>");
	dt(h, MSG_DEC_HORIZON);
	html_msg(h, v_dec_horizon_msg(n->horizon));
	HTML_LIT(h, "</dd>");
	dt(h, MSG_DEC_SCOPE);
	html_msg(h, v_dec_need_scope_msg(n->scope));
	if (n->scope == NEED_SCOPE_UNIT && *n->unit_name) {
		HTML_LIT(h, ": ");
		html_text(h, n->unit_name);
	}
	HTML_LIT(h, "</dd>");
	if (n->people_affected >= 0) {
		dt(h, MSG_DEC_PEOPLE_AFFECTED);
		html_num(h, n->people_affected);
		HTML_LIT(h, "</dd>");
	}
	dt(h, MSG_DEC_PROPOSED_BY);
	v_dec_lines(h, n->proposed_by, MSG_DEC_PROPOSED_BY_NONE);
	HTML_LIT(h, "</dd>");
	dt(h, MSG_DEC_GOALS);
	v_dec_lines(h, n->goals, MSG_DEC_GOALS_NONE);
	HTML_LIT(h, "</dd></dl></section>\n");
}

static void measure_item(struct html *h, const struct dv_measure *m, int level)
{
	HTML_LIT(h, "<section class=\"dec-measure\">");
	heading_open(h, level);
	html_text(h, m->title);
	heading_close(h, level);
	if (m->description && *m->description) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_text(h, m->description);
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "<dl class=\"dec-facts\">");
	dt(h, MSG_DEC_KIND);
	html_msg(h, v_dec_kind_msg(m->kind));
	HTML_LIT(h, "</dd>");
	if (m->scope == MEASURE_SCOPE_LOCAL) {
		dt(h, MSG_DEC_UNIT);
		html_text(h, m->unit_name);
		HTML_LIT(h, "</dd>");
	}
	dt(h, MSG_DEC_OWNER);
	if (*m->owner)
		html_text(h, m->owner);
	else
		html_msg(h, MSG_DEC_NONE);
	HTML_LIT(h, "</dd>");
	dt(h, MSG_DEC_DEADLINE);
	if (*m->deadline)
		v_dec_iso_date(h, m->deadline);
	else
		html_msg(h, MSG_DEC_NONE);
	HTML_LIT(h, "</dd>");
	dt(h, MSG_DEC_BUDGET);
	if (m->budget >= 0)
		kroner(h, m->budget);
	else
		html_msg(h, MSG_DEC_NONE);
	HTML_LIT(h, "</dd>");
	dt(h, MSG_DEC_ANSWERS_NEEDS);
	v_dec_lines(h, m->needs, MSG_DEC_NONE);
	HTML_LIT(h, "</dd></dl></section>\n");
}

static void measure_group(struct html *h, const struct decided_version *v, enum measure_scope s,
			  int level)
{
	heading(h, level, s == MEASURE_SCOPE_LOCAL ? MSG_DEC_MEASURES_LOCAL : MSG_DEC_MEASURES_OVERARCHING);
	int k = 0;
	for (int i = 0; i < v->nmeasures; i++) {
		if (v->measures[i].scope != s)
			continue;
		measure_item(h, &v->measures[i], level + 1);
		k++;
	}
	if (!k)
		para(h, MSG_DEC_NO_MEASURES_IN_GROUP);
}

void v_decided_content(struct html *h, const struct decided_version *v, int level)
{
	if (level < 2)
		level = 2;
	if (level > 3)
		level = 3;
	heading(h, level, MSG_DEC_NEEDS_HEADING);
	if (v->nneeds == 0)
		para(h, MSG_DEC_NO_NEEDS);
	for (int i = 0; i < v->nneeds; i++)
		need_item(h, &v->needs[i], level + 1);
	heading(h, level, MSG_DEC_MEASURES_HEADING);
	measure_group(h, v, MEASURE_SCOPE_OVERARCHING, level + 1);
	measure_group(h, v, MEASURE_SCOPE_LOCAL, level + 1);
}

static void who_when(struct html *h, enum msg m, const char *name, int64_t at)
{
	struct buf b;
	buf_init(&b, h->b->arena, 64);
	fmt_date(&b, at);
	html_msgf(h, m, name && *name ? name : msg(h->lang, MSG_DEC_SOMEONE), buf_str(&b));
}

static void versions_nav(struct html *h, const struct v_decided_page *m)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<nav class=\"dec-versions\"");
	HTML_ATTR(h, "aria-label", msg(h->lang, MSG_DEC_ALL_VERSIONS));
	HTML_LIT(h, ">");
	heading(h, 2, MSG_DEC_ALL_VERSIONS);
	HTML_LIT(h, "<ul class=\"ds-list\">");
	for (int i = 0; i < m->nversions; i++) {
		const struct decided_version *v = &m->versions[i];
		HTML_LIT(h, "<li>");
		bool here = m->v && v->number == m->v->number;
		HTML_LIT(h, "<a class=\"ds-link\"");
		HTML_URL(h, "href", url_path(a, "/cycles/%lld/competence-strategy/versions/%lld",
					     (long long)m->cycle_id, (long long)v->number));
		if (here)
			HTML_LIT(h, " aria-current=\"page\"");
		HTML_LIT(h, ">");
		html_msgf(h, MSG_DEC_VERSION_N, (long long)v->number);
		HTML_LIT(h, "</a> – ");
		who_when(h, MSG_DEC_PUBLISHED_BY, v->published_by_name, v->published_at);
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>");
	if (m->nversions > 1)
		link(h, url_path(a, "/cycles/%lld/competence-strategy/compare", (long long)m->cycle_id),
		     MSG_DEC_COMPARE_LINK);
	HTML_LIT(h, "</nav>\n");
}

void v_decided_page(struct html *h, const struct v_decided_page *m)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, MSG_DEC_STRATEGY_TITLE, m->cycle_name);
	HTML_LIT(h, "</h1>\n");
	if (m->show_decision)
		link(h, url_path(h->b->arena, "/cycles/%lld/decision", (long long)m->cycle_id),
		     MSG_DEC_PAGE_DECISION);
	if (!m->v) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"info\"><p class=\"ds-paragraph\">");
		html_msg(h, MSG_DEC_NOT_PUBLISHED);
		HTML_LIT(h, "</p></div>\n");
		link(h, url_path(h->b->arena, "/cycles/%lld", (long long)m->cycle_id), MSG_DEC_BACK_TO_CYCLE);
		return;
	}
	const struct decided_version *v = m->v;
	HTML_LIT(h, "<p class=\"ds-paragraph\"><strong>");
	html_msgf(h, MSG_DEC_VERSION_N, (long long)v->number);
	HTML_LIT(h, "</strong>");
	if (v->number != m->latest_number) {
		HTML_LIT(h, " – ");
		html_msgf(h, MSG_DEC_NOT_LATEST, (long long)m->latest_number);
	}
	HTML_LIT(h, "</p>\n<dl class=\"dec-facts\">");
	dt(h, MSG_DEC_APPROVED);
	who_when(h, MSG_DEC_BY_ON, v->approved_by_name, v->approved_at);
	HTML_LIT(h, "</dd>");
	if (v->approval_comment && *v->approval_comment) {
		dt(h, MSG_DEC_APPROVAL_COMMENT);
		v_dec_text(h, v->approval_comment);
		HTML_LIT(h, "</dd>");
	}
	dt(h, MSG_DEC_PUBLISHED);
	who_when(h, MSG_DEC_BY_ON, v->published_by_name, v->published_at);
	HTML_LIT(h, "</dd>");
	if (*v->note) {
		dt(h, MSG_DEC_NOTE);
		v_dec_text(h, v->note);
		HTML_LIT(h, "</dd>");
	}
	HTML_LIT(h, "</dl>\n");
	v_decided_content(h, v, 2);
	versions_nav(h, m);
}

/* ---- differences ---- */

static const enum msg field_msgs[DVF_COUNT] = {
	[DVF_TITLE] = MSG_DEC_F_TITLE, [DVF_DESCRIPTION] = MSG_DEC_F_DESCRIPTION,
	[DVF_SCOPE] = MSG_DEC_SCOPE, [DVF_UNIT] = MSG_DEC_UNIT, [DVF_COMPETENCE] = MSG_DEC_COMPETENCE,
	[DVF_CRITICALITY] = MSG_DEC_CRITICALITY, [DVF_REQUIRED_LEVEL] = MSG_DEC_REQUIRED_LEVEL,
	[DVF_HORIZON] = MSG_DEC_HORIZON, [DVF_PEOPLE_AFFECTED] = MSG_DEC_PEOPLE_AFFECTED,
	[DVF_PROPOSED_BY] = MSG_DEC_PROPOSED_BY, [DVF_GOALS] = MSG_DEC_GOALS, [DVF_KIND] = MSG_DEC_KIND,
	[DVF_OWNER] = MSG_DEC_OWNER, [DVF_DEADLINE] = MSG_DEC_DEADLINE, [DVF_BUDGET] = MSG_DEC_BUDGET,
	[DVF_NEEDS] = MSG_DEC_ANSWERS_NEEDS,
};

/* A field's value in words: the closed lists by their names in the
 * language, lists as lists, dates and sums formatted, none as "none". */
static void field_value(struct html *h, enum dv_field f, const char *v)
{
	if (!v || !*v) {
		html_msg(h, MSG_DEC_NONE);
		return;
	}
	switch (f) {
	case DVF_CRITICALITY: {
		enum criticality c;
		if (criticality_parse(v, &c)) {
			html_msg(h, v_dec_criticality_msg(c));
			return;
		}
		break;
	}
	case DVF_HORIZON: {
		enum horizon x;
		if (horizon_parse(v, &x)) {
			html_msg(h, v_dec_horizon_msg(x));
			return;
		}
		break;
	}
	case DVF_KIND: {
		enum measure_kind k;
		if (measure_kind_parse(v, &k)) {
			html_msg(h, v_dec_kind_msg(k));
			return;
		}
		break;
	}
	case DVF_SCOPE: {
		enum need_scope ns;
		enum measure_scope ms;
		if (need_scope_parse(v, &ns)) {
			html_msg(h, v_dec_need_scope_msg(ns));
			return;
		}
		if (measure_scope_parse(v, &ms)) {
			html_msg(h, v_dec_measure_scope_msg(ms));
			return;
		}
		break;
	}
	case DVF_PROPOSED_BY:
	case DVF_GOALS:
	case DVF_NEEDS:
		v_dec_lines(h, v, MSG_DEC_NONE);
		return;
	case DVF_DEADLINE:
		v_dec_iso_date(h, v);
		return;
	default:
		break;
	}
	html_text(h, v);
}

static const enum msg change_msgs[3] = {
	[DV_ADDED] = MSG_DEC_CHANGE_ADDED, [DV_REMOVED] = MSG_DEC_CHANGE_REMOVED,
	[DV_CHANGED] = MSG_DEC_CHANGE_CHANGED,
};

static void diff_item(struct html *h, const struct dv_item_diff *it)
{
	HTML_LIT(h, "<section class=\"dec-change\">");
	HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"xs\">");
	html_msg(h, change_msgs[it->change]);
	HTML_LIT(h, ": ");
	html_text(h, it->title);
	HTML_LIT(h, "</h3>\n");
	if (it->change == DV_CHANGED) {
		HTML_LIT(h, "<table class=\"ds-table\"><caption>");
		html_msgf(h, MSG_DEC_CHANGED_FIELDS, it->title);
		HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
		html_msg(h, MSG_DEC_FIELD);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_DEC_BEFORE);
		HTML_LIT(h, "</th><th scope=\"col\"><span aria-hidden=\"true\">→ </span>");
		html_msg(h, MSG_DEC_AFTER);
		HTML_LIT(h, "</th></tr></thead><tbody>");
		for (int i = 0; i < it->nfields; i++) {
			const struct dv_field_change *fc = &it->fields[i];
			HTML_LIT(h, "<tr><th scope=\"row\">");
			html_msg(h, field_msgs[fc->field]);
			HTML_LIT(h, "</th><td>");
			field_value(h, fc->field, fc->before);
			HTML_LIT(h, "</td><td><span aria-hidden=\"true\">→ </span>");
			field_value(h, fc->field, fc->after);
			HTML_LIT(h, "</td></tr>");
		}
		HTML_LIT(h, "</tbody></table>\n");
	} else if (!it->measure) {
		need_item(h, it->change == DV_ADDED ? it->need_after : it->need_before, 4);
	} else {
		measure_item(h, it->change == DV_ADDED ? it->measure_after : it->measure_before, 4);
	}
	HTML_LIT(h, "</section>\n");
}

static void version_select(struct html *h, const char *name, enum msg label, int64_t chosen,
			   const struct v_decided_compare *m)
{
	HTML_LIT(h, "<div class=\"ds-field\"><label class=\"ds-label\"");
	HTML_ATTR(h, "for", arena_printf(h->b->arena, "f-%s", name));
	HTML_LIT(h, ">");
	html_msg(h, label);
	HTML_LIT(h, "</label><select class=\"ds-input\"");
	HTML_ATTR(h, "id", arena_printf(h->b->arena, "f-%s", name));
	HTML_ATTR(h, "name", name);
	HTML_LIT(h, ">");
	for (int i = 0; i < m->nversions; i++) {
		int64_t n = m->versions[i].number;
		HTML_LIT(h, "<option");
		HTML_ATTR_INT(h, "value", n);
		if (n == chosen)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_msgf(h, MSG_DEC_VERSION_N, (long long)n);
		HTML_LIT(h, "</option>");
	}
	HTML_LIT(h, "</select></div>");
}

void v_decided_compare(struct html *h, const struct v_decided_compare *m)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, MSG_DEC_COMPARE_TITLE, m->cycle_name);
	HTML_LIT(h, "</h1>\n");
	if (m->nversions < 2) {
		para(h, m->nversions ? MSG_DEC_COMPARE_ONE_VERSION : MSG_DEC_NOT_PUBLISHED);
		link(h, url_path(a, "/cycles/%lld/competence-strategy", (long long)m->cycle_id),
		     MSG_DEC_STRATEGY_LINK);
		return;
	}
	HTML_LIT(h, "<form method=\"get\" class=\"dec-compare-form\"");
	HTML_URL(h, "action", url_path(a, "/cycles/%lld/competence-strategy/compare", (long long)m->cycle_id));
	HTML_LIT(h, "><fieldset class=\"ds-fieldset\"><legend>");
	html_msg(h, MSG_DEC_COMPARE_LEGEND);
	HTML_LIT(h, "</legend>");
	version_select(h, "from", MSG_DEC_COMPARE_FROM, m->from_number, m);
	version_select(h, "to", MSG_DEC_COMPARE_TO, m->to_number, m);
	HTML_LIT(h, "<p><button type=\"submit\" class=\"ds-button\" data-variant=\"secondary\">");
	html_msg(h, MSG_DEC_COMPARE_BUTTON);
	HTML_LIT(h, "</button></p></fieldset></form>\n");
	if (m->bad_choice) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"warning\" role=\"alert\"><p class=\"ds-paragraph\">");
		html_msg(h, MSG_DEC_COMPARE_BAD);
		HTML_LIT(h, "</p></div>\n");
		return;
	}
	if (!m->from || !m->to || !m->diff)
		return;
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">");
	html_msgf(h, MSG_DEC_COMPARE_HEADING, (long long)m->from->number, (long long)m->to->number);
	HTML_LIT(h, "</h2>\n");
	if (m->diff->n == 0) {
		para(h, MSG_DEC_COMPARE_SAME);
		return;
	}
	int counts[3] = { 0 };
	for (int i = 0; i < m->diff->n; i++)
		counts[m->diff->items[i].change]++;
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_DEC_COMPARE_SUMMARY, counts[DV_ADDED], counts[DV_REMOVED], counts[DV_CHANGED]);
	HTML_LIT(h, "</p>\n");
	for (int part = 0; part < 2; part++) {
		bool measures = part == 1;
		int k = 0;
		for (int i = 0; i < m->diff->n; i++)
			k += m->diff->items[i].measure == measures;
		if (!k)
			continue;
		heading(h, 2, measures ? MSG_DEC_MEASURES_HEADING : MSG_DEC_NEEDS_HEADING);
		for (int i = 0; i < m->diff->n; i++)
			if (m->diff->items[i].measure == measures)
				diff_item(h, &m->diff->items[i]);
	}
}
