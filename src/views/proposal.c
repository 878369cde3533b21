/* proposal.c (views) — the pages of a unit's proposal. The proposal page
 * leads with its state in words (never colour alone) and what to do next,
 * then the needs and the measures as tables with a caption and header
 * cells; editors get a link per row to change or delete (each delete and
 * the submit ask first on a page of their own, so everything works without
 * JavaScript). The forms group radios and checkboxes in fieldsets with a
 * legend, and the competence select groups the catalogue by area. */
#include "views/proposal.h"

#include <string.h>
#include "base/arena.h"
#include "domain/cycle.h"
#include "views/blocks.h"
#include "views/form.h"

enum msg v_prop_criticality_msg(enum criticality c)
{
	switch (c) {
	case CRIT_LOW: return MSG_PROP_CRIT_LOW;
	case CRIT_MEDIUM: return MSG_PROP_CRIT_MEDIUM;
	case CRIT_HIGH: return MSG_PROP_CRIT_HIGH;
	case CRIT_CRITICAL:
	case CRITICALITY_COUNT:
		break;
	}
	return MSG_PROP_CRIT_CRITICAL;
}

enum msg v_prop_horizon_msg(enum horizon hz)
{
	switch (hz) {
	case HORIZON_NEXT_YEAR: return MSG_PROP_HORIZON_NEXT_YEAR;
	case HORIZON_ONE_TO_THREE_YEARS: return MSG_PROP_HORIZON_ONE_TO_THREE;
	case HORIZON_LONGER:
	case HORIZON_COUNT:
		break;
	}
	return MSG_PROP_HORIZON_LONGER;
}

enum msg v_prop_kind_msg(enum measure_kind k)
{
	switch (k) {
	case MEASURE_ACQUIRE: return MSG_PROP_KIND_ACQUIRE;
	case MEASURE_DEVELOP: return MSG_PROP_KIND_DEVELOP;
	case MEASURE_MOBILISE: return MSG_PROP_KIND_MOBILISE;
	case MEASURE_PHASE_OUT:
	case MEASURE_KIND_COUNT:
		break;
	}
	return MSG_PROP_KIND_PHASE_OUT;
}

enum msg v_prop_kind_hint_msg(enum measure_kind k)
{
	switch (k) {
	case MEASURE_ACQUIRE: return MSG_PROP_KIND_ACQUIRE_HINT;
	case MEASURE_DEVELOP: return MSG_PROP_KIND_DEVELOP_HINT;
	case MEASURE_MOBILISE: return MSG_PROP_KIND_MOBILISE_HINT;
	case MEASURE_PHASE_OUT:
	case MEASURE_KIND_COUNT:
		break;
	}
	return MSG_PROP_KIND_PHASE_OUT_HINT;
}

enum msg v_prop_state_msg(enum proposal_status s)
{
	switch (s) {
	case PROPOSAL_SUBMITTED: return MSG_PROP_STATE_SUBMITTED;
	case PROPOSAL_RETURNED: return MSG_PROP_STATE_RETURNED;
	case PROPOSAL_DRAFT:
	case PROPOSAL_STATUS_COUNT:
		break;
	}
	return MSG_PROP_STATE_DRAFT;
}

/* ---- small pieces ---- */

static const char *base_url(struct arena *a, int64_t cycle_id, int64_t unit_id)
{
	return url_path(a, "/cycles/%lld/proposals/%lld", (long long)cycle_id, (long long)unit_id);
}

static void unit_line(struct html *h, const struct unit *u)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_text(h, u->name);
	HTML_LIT(h, "</p>\n");
}

/* Text that may hold line breaks, one paragraph per line. */
static void lines(struct html *h, const char *text)
{
	char **items;
	int n;
	text_lines(h->b->arena, text, &items, &n);
	for (int i = 0; i < n; i++) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_text(h, items[i]);
		HTML_LIT(h, "</p>");
	}
}

static const char *date_text(struct arena *a, int64_t epoch)
{
	struct buf b;
	buf_init(&b, a, 32);
	fmt_date(&b, epoch);
	return buf_str(&b);
}

static const char *amount_text(struct arena *a, int64_t v)
{
	struct buf b;
	buf_init(&b, a, 32);
	fmt_int(&b, v);
	return buf_str(&b);
}

/* The object of a repeated link, for screen readers: "Endre «Skytjenester»". */
static void sr_name(struct html *h, const char *name)
{
	HTML_LIT(h, "<span class=\"ds-sr-only\"> «");
	html_text(h, name);
	HTML_LIT(h, "»</span>");
}

static void button_link(struct html *h, const char *href, const char *variant, enum msg m)
{
	HTML_LIT(h, "<a class=\"ds-button\"");
	HTML_ATTR(h, "data-variant", variant);
	HTML_URL(h, "href", href);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</a>");
}

static void cancel_link(struct html *h, const char *href)
{
	HTML_LIT(h, " <a class=\"ds-button\" data-variant=\"tertiary\"");
	HTML_URL(h, "href", href);
	HTML_LIT(h, ">");
	html_msg(h, MSG_CANCEL);
	HTML_LIT(h, "</a>");
}

/* The first problem recorded for a field, or PROB_NONE. */
static enum problem field_problem(const struct field_errors *fe, const char *name)
{
	if (!fe)
		return PROB_NONE;
	for (int i = 0; i < fe->n && i < FIELD_ERRORS_MAX; i++)
		if (fe->e[i].field && strcmp(fe->e[i].field, name) == 0)
			return fe->e[i].problem;
	return PROB_NONE;
}

/* The scale's texts are indexed by enum lang (domain/competences.h). */
static int lang_index(enum lang l)
{
	return (int)l < SCALE_LANGS ? (int)l : 0;
}

static const char *level_name(const struct scale *s, enum lang l, int level)
{
	if (!s)
		return NULL;
	for (int i = 0; i < s->n; i++)
		if (s->levels[i].level == level)
			return s->levels[i].name[lang_index(l)];
	return NULL;
}

static void level_cell(struct html *h, const struct scale *s, int level)
{
	if (level <= 0) {
		html_msg(h, MSG_PROP_LEVEL_NONE);
		return;
	}
	const char *name = level_name(s, h->lang, level);
	html_msgf(h, MSG_PROP_LEVEL_VALUE, (long long)level, name ? name : "");
}

/* ---- the proposal page ---- */

static void state_banner(struct html *h, const struct v_prop_page *m)
{
	struct arena *a = h->b->arena;
	const struct proposal_state *s = m->state;
	const char *color = s->status == PROPOSAL_SUBMITTED ? "success"
			    : s->status == PROPOSAL_RETURNED ? "warning" : "info";
	HTML_LIT(h, "<div class=\"ds-alert\" role=\"status\"");
	HTML_ATTR(h, "data-color", color);
	HTML_LIT(h, "><p class=\"ds-paragraph\"><strong>");
	html_msg(h, v_prop_state_msg(s->status));
	HTML_LIT(h, "</strong></p>");
	const char *someone = msg(h->lang, MSG_PROP_SOMEONE);
	switch (s->status) {
	case PROPOSAL_SUBMITTED:
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msgf(h, MSG_PROP_STATUS_SUBMITTED, date_text(a, s->submitted_at),
			  s->submitted_by_name ? s->submitted_by_name : someone);
		HTML_LIT(h, "</p>");
		v_block_para(h, MSG_PROP_STATUS_SUBMITTED_NEXT);
		break;
	case PROPOSAL_RETURNED:
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msgf(h, MSG_PROP_STATUS_RETURNED, date_text(a, s->returned_at),
			  s->returned_by_name ? s->returned_by_name : someone);
		HTML_LIT(h, "</p><blockquote class=\"prop-comment\">");
		lines(h, s->return_comment);
		HTML_LIT(h, "</blockquote>");
		v_block_para(h, MSG_PROP_STATUS_RETURNED_NEXT);
		break;
	case PROPOSAL_DRAFT:
	case PROPOSAL_STATUS_COUNT:
		v_block_para(h, MSG_PROP_STATUS_DRAFT);
		break;
	}
	HTML_LIT(h, "</div>\n");
}

static void goal_list(struct html *h, enum msg label, const struct proposal_link *v, int n)
{
	if (n == 0)
		return;
	HTML_LIT(h, "<p class=\"ds-paragraph\" data-size=\"sm\">");
	html_msg(h, label);
	HTML_LIT(h, "</p><ul class=\"ds-list\" data-size=\"sm\">");
	for (int i = 0; i < n; i++) {
		HTML_LIT(h, "<li>");
		if (v[i].code && *v[i].code) {
			html_text(h, v[i].code);
			HTML_LIT(h, " ");
		}
		if (v[i].title)
			html_text(h, v[i].title);
		else
			html_msg(h, MSG_PROP_GOAL_GONE);
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>");
}

static void row_actions(struct html *h, const char *base, const char *name)
{
	HTML_LIT(h, "<td><a class=\"ds-link\"");
	HTML_URL(h, "href", arena_printf(h->b->arena, "%s/edit", base));
	HTML_LIT(h, ">");
	html_msg(h, MSG_PROP_EDIT);
	sr_name(h, name);
	HTML_LIT(h, "</a> <a class=\"ds-link\"");
	HTML_URL(h, "href", arena_printf(h->b->arena, "%s/delete", base));
	HTML_LIT(h, ">");
	html_msg(h, MSG_PROP_DELETE);
	sr_name(h, name);
	HTML_LIT(h, "</a></td>");
}

static void th_col(struct html *h, enum msg m)
{
	HTML_LIT(h, "<th scope=\"col\">");
	html_msg(h, m);
	HTML_LIT(h, "</th>");
}

/* Opens a table in a focusable region labelled by its caption (id): the
 * wide table scrolls, and a submitted proposal has no links in it to reach
 * it by keyboard. Heads cols[0..ncols), and the actions' when actions. */
static void table_begin(struct html *h, const char *id, enum msg caption, const enum msg *cols, int ncols,
			bool actions)
{
	HTML_LIT(h, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\"");
	HTML_ATTR(h, "aria-labelledby", id);
	HTML_LIT(h, "><table class=\"ds-table\"><caption");
	HTML_ATTR(h, "id", id);
	HTML_LIT(h, ">");
	html_msg(h, caption);
	HTML_LIT(h, "</caption><thead><tr>");
	for (int i = 0; i < ncols; i++)
		th_col(h, cols[i]);
	if (actions)
		th_col(h, MSG_PROP_COL_ACTIONS);
	HTML_LIT(h, "</tr></thead><tbody>\n");
}

/* Opens an item's row (its anchor: kind-id) up to its heading cell's text. */
static void row_begin(struct html *h, const char *kind, int64_t id)
{
	HTML_LIT(h, "<tr");
	HTML_ATTR(h, "id", arena_printf(h->b->arena, "%s-%lld", kind, (long long)id));
	HTML_LIT(h, "><th scope=\"row\">");
}

/* Free text (as lines when multiline), or "not given" when empty. */
static void text_cell(struct html *h, const char *s, bool multiline)
{
	if (!s || !*s)
		html_msg(h, MSG_PROP_NOT_GIVEN);
	else if (multiline)
		lines(h, s);
	else
		html_text(h, s);
}

static void needs_section(struct html *h, const struct v_prop_page *m, const char *base)
{
	struct arena *a = h->b->arena;
	v_block_h2(h, MSG_PROP_NEEDS, "needs");
	v_block_para(h, MSG_PROP_NEEDS_INTRO);
	if (m->nneeds == 0) {
		v_block_para(h, MSG_PROP_NEEDS_NONE);
	} else {
		static const enum msg cols[] = { MSG_PROP_COL_NEED, MSG_PROP_COL_CRITICALITY, MSG_PROP_COL_REQUIRED,
						 MSG_PROP_COL_CURRENT, MSG_PROP_COL_GAP, MSG_PROP_COL_HORIZON,
						 MSG_PROP_COL_PEOPLE, MSG_PROP_COL_GOALS, MSG_PROP_COL_RATIONALE };
		table_begin(h, "prop-needs-caption", MSG_PROP_NEEDS_CAPTION, cols, (int)(sizeof cols / sizeof *cols),
			    m->can_edit);
		for (int i = 0; i < m->nneeds; i++) {
			const struct proposal_need *n = &m->needs[i];
			row_begin(h, "need", n->id);
			html_text(h, n->title);
			if (n->competence_id || n->source_draft_id) {
				HTML_LIT(h, "<br><span class=\"ds-paragraph\" data-size=\"sm\">");
				html_msg(h, n->competence_id ? MSG_PROP_FROM_CATALOGUE : MSG_PROP_FROM_DRAFT);
				HTML_LIT(h, "</span>");
			}
			HTML_LIT(h, "</th><td>");
			html_msg(h, v_prop_criticality_msg(n->criticality));
			HTML_LIT(h, "</td><td>");
			level_cell(h, m->scale, n->required_level);
			HTML_LIT(h, "</td><td>");
			level_cell(h, m->scale, n->current_level);
			HTML_LIT(h, "</td><td>");
			int gap;
			if (proposal_need_gap(n, &gap))
				html_msgf(h, MSG_PROP_GAP_VALUE, (long long)gap);
			else
				html_msg(h, MSG_PROP_NOT_GIVEN);
			HTML_LIT(h, "</td><td>");
			html_msg(h, v_prop_horizon_msg(n->horizon));
			HTML_LIT(h, "</td><td>");
			if (n->people_affected >= 0)
				html_num(h, n->people_affected);
			else
				html_msg(h, MSG_PROP_NOT_GIVEN);
			HTML_LIT(h, "</td><td>");
			goal_list(h, MSG_PROP_GOALS_STRATEGIC, n->goals, n->ngoals);
			goal_list(h, MSG_PROP_GOALS_UNIT, n->unit_goals, n->nunit_goals);
			if (!n->ngoals && !n->nunit_goals)
				html_msg(h, MSG_PROP_NOT_GIVEN);
			HTML_LIT(h, "</td><td>");
			text_cell(h, n->rationale, true);
			HTML_LIT(h, "</td>");
			if (m->can_edit)
				row_actions(h, arena_printf(a, "%s/needs/%lld", base, (long long)n->id), n->title);
			HTML_LIT(h, "</tr>\n");
		}
		HTML_LIT(h, "</tbody></table></div>\n");
	}
	if (!m->can_edit)
		return;
	HTML_LIT(h, "<p>");
	button_link(h, arena_printf(a, "%s/needs/new", base), "secondary", MSG_PROP_NEED_ADD);
	if (m->uncarried > 0) {
		HTML_LIT(h, " <a class=\"ds-button\" data-variant=\"tertiary\"");
		HTML_URL(h, "href", arena_printf(a, "%s/carry-over", base));
		HTML_LIT(h, ">");
		html_msgf(h, MSG_PROP_CARRY_LINK, (long long)m->uncarried);
		HTML_LIT(h, "</a>");
	}
	HTML_LIT(h, "</p>\n");
}

static void measures_section(struct html *h, const struct v_prop_page *m, const char *base)
{
	struct arena *a = h->b->arena;
	v_block_h2(h, MSG_PROP_MEASURES, "measures");
	v_block_para(h, MSG_PROP_MEASURES_INTRO);
	if (m->nmeasures == 0) {
		v_block_para(h, MSG_PROP_MEASURES_NONE);
	} else {
		int64_t total = 0;
		bool any_cost = false;
		static const enum msg cols[] = { MSG_PROP_COL_MEASURE, MSG_PROP_COL_KIND, MSG_PROP_F_DESCRIPTION,
						 MSG_PROP_COL_OWNER, MSG_PROP_COL_COST, MSG_PROP_COL_TIMING,
						 MSG_PROP_COL_ANSWERS };
		table_begin(h, "prop-measures-caption", MSG_PROP_MEASURES_CAPTION, cols,
			    (int)(sizeof cols / sizeof *cols), m->can_edit);
		for (int i = 0; i < m->nmeasures; i++) {
			const struct proposal_measure *x = &m->measures[i];
			row_begin(h, "measure", x->id);
			html_text(h, x->title);
			HTML_LIT(h, "</th><td>");
			html_msg(h, v_prop_kind_msg(x->kind));
			HTML_LIT(h, "</td><td>");
			text_cell(h, x->description, true);
			HTML_LIT(h, "</td><td>");
			text_cell(h, x->suggested_owner, false);
			HTML_LIT(h, "</td><td class=\"num\">");
			if (x->estimated_cost >= 0) {
				html_msgf(h, MSG_PROP_COST_VALUE, amount_text(a, x->estimated_cost));
				total += x->estimated_cost;
				any_cost = true;
			} else {
				html_msg(h, MSG_PROP_NOT_GIVEN);
			}
			HTML_LIT(h, "</td><td>");
			text_cell(h, x->timing, false);
			HTML_LIT(h, "</td><td>");
			if (x->nneeds == 0) {
				html_msg(h, MSG_PROP_NOT_GIVEN);
			} else {
				HTML_LIT(h, "<ul class=\"ds-list\" data-size=\"sm\">");
				for (int k = 0; k < x->nneeds; k++) {
					HTML_LIT(h, "<li><a class=\"ds-link\"");
					HTML_URL(h, "href", arena_printf(a, "#need-%lld", (long long)x->needs[k].id));
					HTML_LIT(h, ">");
					html_text(h, x->needs[k].title);
					HTML_LIT(h, "</a></li>");
				}
				HTML_LIT(h, "</ul>");
			}
			HTML_LIT(h, "</td>");
			if (m->can_edit)
				row_actions(h, arena_printf(a, "%s/measures/%lld", base, (long long)x->id), x->title);
			HTML_LIT(h, "</tr>\n");
		}
		HTML_LIT(h, "</tbody></table></div>\n");
		if (any_cost) {
			HTML_LIT(h, "<p class=\"ds-paragraph\">");
			html_msgf(h, MSG_PROP_COST_TOTAL, amount_text(a, total));
			HTML_LIT(h, "</p>\n");
		}
	}
	if (m->can_edit) {
		HTML_LIT(h, "<p>");
		button_link(h, arena_printf(a, "%s/measures/new", base), "secondary", MSG_PROP_MEASURE_ADD);
		HTML_LIT(h, "</p>\n");
	}
}

void v_prop_page(struct html *h, const struct v_prop_page *m)
{
	struct arena *a = h->b->arena;
	const char *base = base_url(a, m->cycle_id, m->unit->id);
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, MSG_PROP_TITLE, m->unit->name);
	HTML_LIT(h, "</h1>\n<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_PROP_CYCLE, m->cycle_name);
	HTML_LIT(h, " · <a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(a, "/cycles/%lld/discussions/%lld", (long long)m->cycle_id,
				     (long long)m->unit->id));
	HTML_LIT(h, ">");
	html_msg(h, MSG_PROP_TO_MEETING);
	HTML_LIT(h, "</a></p>\n");
	if (m->closed) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"info\" role=\"status\">");
		v_block_para(h, MSG_PROP_CLOSED);
		HTML_LIT(h, "</div>\n");
	}
	state_banner(h, m);
	if (m->can_edit && m->nneeds > 0) {
		HTML_LIT(h, "<p>");
		button_link(h, arena_printf(a, "%s/submit", base), "primary", MSG_PROP_SUBMIT_LINK);
		HTML_LIT(h, "</p>\n");
	}
	if (m->can_return) {
		HTML_LIT(h, "<p>");
		button_link(h, arena_printf(a, "%s/return", base), "secondary", MSG_PROP_RETURN_LINK);
		HTML_LIT(h, "</p>\n");
	}
	needs_section(h, m, base);
	measures_section(h, m, base);
}

/* ---- form pieces ---- */

static void group_open(struct html *h, const char *field, enum msg legend, bool required,
		       const struct field_errors *fe)
{
	enum problem p = field_problem(fe, field);
	HTML_LIT(h, "<fieldset class=\"ds-fieldset\"");
	HTML_ATTR(h, "id", arena_printf(h->b->arena, "f-%s", field));
	if (p != PROB_NONE)
		HTML_ATTR(h, "aria-describedby", arena_printf(h->b->arena, "f-%s-error", field));
	HTML_LIT(h, "><legend class=\"ds-label\">");
	html_msg(h, legend);
	if (required) {
		HTML_LIT(h, " <span class=\"field-required\">");
		html_msg(h, MSG_REQUIRED_MARK);
		HTML_LIT(h, "</span>");
	}
	HTML_LIT(h, "</legend>");
	if (p != PROB_NONE) {
		HTML_LIT(h, "<p class=\"ds-validation-message\" data-color=\"danger\"");
		HTML_ATTR(h, "id", arena_printf(h->b->arena, "f-%s-error", field));
		HTML_LIT(h, ">");
		html_msg(h, v_problem_msg(p));
		HTML_LIT(h, "</p>");
	}
}

/* One radio or checkbox with its label and an optional description. */
static void choice(struct html *h, const char *type, const char *name, const char *id, const char *value,
		   bool checked, const char *label, const char *hint, bool invalid)
{
	HTML_LIT(h, "<div class=\"ds-field\"><input class=\"ds-input\"");
	HTML_ATTR(h, "type", type);
	HTML_ATTR(h, "name", name);
	HTML_ATTR(h, "id", id);
	HTML_ATTR(h, "value", value);
	if (checked)
		HTML_LIT(h, " checked");
	if (invalid)
		HTML_LIT(h, " aria-invalid=\"true\"");
	if (hint)
		HTML_ATTR(h, "aria-describedby", arena_printf(h->b->arena, "%s-hint", id));
	HTML_LIT(h, "><label class=\"ds-label\" data-weight=\"regular\"");
	HTML_ATTR(h, "for", id);
	HTML_LIT(h, ">");
	html_text(h, label);
	HTML_LIT(h, "</label>");
	if (hint) {
		HTML_LIT(h, "<div data-field=\"description\"");
		HTML_ATTR(h, "id", arena_printf(h->b->arena, "%s-hint", id));
		HTML_LIT(h, ">");
		html_text(h, hint);
		HTML_LIT(h, "</div>");
	}
	HTML_LIT(h, "</div>");
}

/* A required radio group of a closed list; the first radio carries no
 * suffix-free id (the fieldset has "f-FIELD", where the summary links). */
static void radio_group(struct html *h, const char *field, enum msg legend, const char *const *values,
			const enum msg *labels, const enum msg *hints, int n, const char *selected,
			const struct field_errors *fe)
{
	bool invalid = field_problem(fe, field) != PROB_NONE;
	group_open(h, field, legend, true, fe);
	for (int i = 0; i < n; i++)
		choice(h, "radio", field, arena_printf(h->b->arena, "f-%s-%s", field, values[i]), values[i],
		       selected && strcmp(selected, values[i]) == 0, msg(h->lang, labels[i]),
		       hints ? msg(h->lang, hints[i]) : NULL, invalid);
	HTML_LIT(h, "</fieldset>\n");
}

static bool has_link(const struct proposal_link *v, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (v[i].id == id)
			return true;
	return false;
}

static void checkbox_item(struct html *h, const char *field, int64_t id, bool checked, const char *label,
			  bool invalid)
{
	struct arena *a = h->b->arena;
	choice(h, "checkbox", field, arena_printf(a, "f-%s-%lld", field, (long long)id),
	       arena_printf(a, "%lld", (long long)id), checked, label, NULL, invalid);
}

static void form_open(struct html *h, const char *action, const char *csrf)
{
	HTML_LIT(h, "<form method=\"post\"");
	HTML_URL(h, "action", action);
	HTML_LIT(h, ">");
	v_csrf(h, csrf);
}

static void form_end(struct html *h, enum msg submit, const char *cancel)
{
	HTML_LIT(h, "<p>");
	v_submit(h, submit, true);
	cancel_link(h, cancel);
	HTML_LIT(h, "</p></form>\n");
}

/* ---- the need form ---- */

static void competence_select(struct html *h, const struct v_prop_need_form *m)
{
	struct arena *a = h->b->arena;
	enum problem p = field_problem(m->errors, "competence_id");
	HTML_LIT(h, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"f-competence_id\">");
	html_msg(h, MSG_PROP_F_COMPETENCE);
	HTML_LIT(h, "</label><div data-field=\"description\" id=\"f-competence_id-hint\">");
	html_msg(h, MSG_PROP_F_COMPETENCE_HINT);
	HTML_LIT(h, "</div><select class=\"ds-input\" id=\"f-competence_id\" name=\"competence_id\"");
	if (p != PROB_NONE)
		HTML_LIT(h, " aria-invalid=\"true\" aria-describedby=\"f-competence_id-hint f-competence_id-error\">");
	else
		HTML_LIT(h, " aria-describedby=\"f-competence_id-hint\">");
	HTML_LIT(h, "<option value=\"\">");
	html_msg(h, MSG_PROP_F_COMPETENCE_NONE);
	HTML_LIT(h, "</option>");
	int64_t chosen = m->need->competence_id;
	/* by area in tree order, each area's competences by name */
	for (int i = 0; i < m->nareas; i++) {
		const struct competence_area *ar = &m->areas[i];
		bool any = false;
		for (int k = 0; k < m->ncompetences && !any; k++)
			any = m->competences[k].area_id == ar->id;
		if (!any)
			continue;
		HTML_LIT(h, "<optgroup");
		HTML_ATTR(h, "label", ar->name);
		HTML_LIT(h, ">");
		for (int k = 0; k < m->ncompetences; k++) {
			const struct competence *c = &m->competences[k];
			if (c->area_id != ar->id)
				continue;
			HTML_LIT(h, "<option");
			HTML_ATTR(h, "value", arena_printf(a, "%lld", (long long)c->id));
			if (c->id == chosen)
				HTML_LIT(h, " selected");
			HTML_LIT(h, ">");
			html_text(h, c->name);
			HTML_LIT(h, "</option>");
		}
		HTML_LIT(h, "</optgroup>");
	}
	HTML_LIT(h, "</select>");
	if (p != PROB_NONE) {
		HTML_LIT(h, "<p class=\"ds-validation-message\" id=\"f-competence_id-error\">");
		html_msg(h, v_problem_msg(p));
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "</div>\n");
}

static void level_select(struct html *h, const struct v_prop_need_form *m, const char *field, enum msg label,
			 int value)
{
	struct arena *a = h->b->arena;
	int n = m->scale ? m->scale->n : 0;
	struct v_option *opts = arena_alloc(a, sizeof *opts * (size_t)(n > 0 ? n : 1));
	if (!opts)
		return;
	for (int i = 0; i < n; i++) {
		const struct scale_level *l = &m->scale->levels[i];
		opts[i].value = arena_printf(a, "%d", l->level);
		opts[i].label = arena_printf(a, "%d – %s", l->level, l->name[lang_index(h->lang)]);
	}
	v_select(h, &(struct v_field){ .name = field, .label = msg(h->lang, label),
				       .hint = msg(h->lang, MSG_PROP_F_LEVEL_HINT),
				       .value = value > 0 ? arena_printf(a, "%d", value) : "", .errors = m->errors },
		 opts, n, msg(h->lang, MSG_PROP_LEVEL_NONE));
}

static const struct v_label need_labels_tmpl[] = {
	{ "competence_id", NULL }, { "title", NULL }, { "criticality", NULL }, { "required_level", NULL },
	{ "current_level", NULL }, { "people_affected", NULL }, { "horizon", NULL }, { "rationale", NULL },
	{ "goal_ids", NULL }, { "unit_goal_ids", NULL }, { "needs", NULL },
};

void v_prop_need_form(struct html *h, const struct v_prop_need_form *m)
{
	struct arena *a = h->b->arena;
	const struct proposal_need *n = m->need;
	const char *base = base_url(a, m->cycle_id, m->unit->id);
	v_block_h1(h, n->id ? MSG_PROP_NEED_EDIT_TITLE : MSG_PROP_NEED_NEW_TITLE);
	unit_line(h, m->unit);
	if (m->errors && m->errors->n) {
		enum { NL = sizeof need_labels_tmpl / sizeof need_labels_tmpl[0] };
		static const enum msg ids[NL] = {
			MSG_PROP_F_COMPETENCE, MSG_PROP_F_TITLE, MSG_PROP_F_CRITICALITY, MSG_PROP_F_REQUIRED_LEVEL,
			MSG_PROP_F_CURRENT_LEVEL, MSG_PROP_F_PEOPLE, MSG_PROP_F_HORIZON, MSG_PROP_F_RATIONALE,
			MSG_PROP_F_GOALS, MSG_PROP_F_UNIT_GOALS, MSG_PROP_NEEDS,
		};
		struct v_label labels[NL];
		for (int i = 0; i < NL; i++)
			labels[i] = (struct v_label){ need_labels_tmpl[i].field, msg(h->lang, ids[i]) };
		v_error_summary(h, m->errors, labels, NL);
	}
	form_open(h, n->id ? arena_printf(a, "%s/needs/%lld", base, (long long)n->id)
			   : arena_printf(a, "%s/needs", base), m->csrf);
	competence_select(h, m);
	v_text_field(h, &(struct v_field){ .name = "title", .label = msg(h->lang, MSG_PROP_F_TITLE),
					   .hint = msg(h->lang, MSG_PROP_F_TITLE_HINT),
					   .value = n->competence_id ? "" : n->title,
					   .maxlength = NEED_TITLE_MAX_CHARS, .errors = m->errors });
	static const char *const crit_values[] = { "low", "medium", "high", "critical" };
	static const enum msg crit_labels[] = { MSG_PROP_CRIT_LOW, MSG_PROP_CRIT_MEDIUM, MSG_PROP_CRIT_HIGH,
						MSG_PROP_CRIT_CRITICAL };
	radio_group(h, "criticality", MSG_PROP_F_CRITICALITY, crit_values, crit_labels, NULL, CRITICALITY_COUNT,
		    criticality_name(n->criticality), m->errors);
	level_select(h, m, "required_level", MSG_PROP_F_REQUIRED_LEVEL, n->required_level);
	level_select(h, m, "current_level", MSG_PROP_F_CURRENT_LEVEL, n->current_level);
	const char *people = m->people_value ? m->people_value
			     : n->people_affected >= 0 ? arena_printf(a, "%lld", (long long)n->people_affected) : "";
	v_text_field(h, &(struct v_field){ .name = "people_affected", .label = msg(h->lang, MSG_PROP_F_PEOPLE),
					   .hint = msg(h->lang, MSG_PROP_F_PEOPLE_HINT), .value = people,
					   .inputmode = "numeric", .maxlength = 12, .errors = m->errors });
	static const char *const hz_values[] = { "next_year", "one_to_three_years", "longer" };
	static const enum msg hz_labels[] = { MSG_PROP_HORIZON_NEXT_YEAR, MSG_PROP_HORIZON_ONE_TO_THREE,
					      MSG_PROP_HORIZON_LONGER };
	radio_group(h, "horizon", MSG_PROP_F_HORIZON, hz_values, hz_labels, NULL, HORIZON_COUNT,
		    horizon_name(n->horizon), m->errors);
	v_textarea(h, &(struct v_field){ .name = "rationale", .label = msg(h->lang, MSG_PROP_F_RATIONALE),
					 .hint = msg(h->lang, MSG_PROP_F_RATIONALE_HINT), .value = n->rationale,
					 .maxlength = NEED_RATIONALE_MAX_CHARS, .errors = m->errors }, 4);

	bool bad = field_problem(m->errors, "goal_ids") != PROB_NONE;
	group_open(h, "goal_ids", MSG_PROP_F_GOALS, false, m->errors);
	if (m->ngoals == 0)
		v_block_para(h, MSG_PROP_F_GOALS_NONE);
	for (int i = 0; i < m->ngoals; i++) {
		const struct strategy_goal *g = &m->goals[i];
		checkbox_item(h, "goal_ids", g->goal_id, has_link(n->goals, n->ngoals, g->goal_id),
			      arena_printf(a, "%s %s", g->code ? g->code : "", g->title), bad);
	}
	HTML_LIT(h, "</fieldset>\n");
	bad = field_problem(m->errors, "unit_goal_ids") != PROB_NONE;
	group_open(h, "unit_goal_ids", MSG_PROP_F_UNIT_GOALS, false, m->errors);
	if (m->nunit_goals == 0)
		v_block_para(h, MSG_PROP_F_UNIT_GOALS_NONE);
	for (int i = 0; i < m->nunit_goals; i++) {
		const struct unit_goal *g = &m->unit_goals[i];
		checkbox_item(h, "unit_goal_ids", g->id, has_link(n->unit_goals, n->nunit_goals, g->id), g->title, bad);
	}
	HTML_LIT(h, "</fieldset>\n");
	form_end(h, MSG_SAVE, arena_printf(a, "%s#needs", base));
}

/* ---- the measure form ---- */

void v_prop_measure_form(struct html *h, const struct v_prop_measure_form *m)
{
	struct arena *a = h->b->arena;
	const struct proposal_measure *x = m->measure;
	const char *base = base_url(a, m->cycle_id, m->unit->id);
	v_block_h1(h, x->id ? MSG_PROP_MEASURE_EDIT_TITLE : MSG_PROP_MEASURE_NEW_TITLE);
	unit_line(h, m->unit);
	if (m->errors && m->errors->n) {
		struct v_label labels[] = {
			{ "kind", msg(h->lang, MSG_PROP_F_KIND) },
			{ "title", msg(h->lang, MSG_PROP_F_MTITLE) },
			{ "description", msg(h->lang, MSG_PROP_F_DESCRIPTION) },
			{ "suggested_owner", msg(h->lang, MSG_PROP_F_OWNER) },
			{ "estimated_cost", msg(h->lang, MSG_PROP_F_COST) },
			{ "timing", msg(h->lang, MSG_PROP_F_TIMING) },
			{ "need_ids", msg(h->lang, MSG_PROP_F_NEEDS) },
			{ "measures", msg(h->lang, MSG_PROP_MEASURES) },
		};
		v_error_summary(h, m->errors, labels, (int)(sizeof labels / sizeof labels[0]));
	}
	form_open(h, x->id ? arena_printf(a, "%s/measures/%lld", base, (long long)x->id)
			   : arena_printf(a, "%s/measures", base), m->csrf);
	static const char *const kind_values[] = { "acquire", "develop", "mobilise", "phase_out" };
	static const enum msg kind_labels[] = { MSG_PROP_KIND_ACQUIRE, MSG_PROP_KIND_DEVELOP, MSG_PROP_KIND_MOBILISE,
						MSG_PROP_KIND_PHASE_OUT };
	static const enum msg kind_hints[] = { MSG_PROP_KIND_ACQUIRE_HINT, MSG_PROP_KIND_DEVELOP_HINT,
					       MSG_PROP_KIND_MOBILISE_HINT, MSG_PROP_KIND_PHASE_OUT_HINT };
	radio_group(h, "kind", MSG_PROP_F_KIND, kind_values, kind_labels, kind_hints, MEASURE_KIND_COUNT,
		    measure_kind_name(x->kind), m->errors);
	v_text_field(h, &(struct v_field){ .name = "title", .label = msg(h->lang, MSG_PROP_F_MTITLE),
					   .hint = msg(h->lang, MSG_PROP_F_MTITLE_HINT), .value = x->title,
					   .required = true, .maxlength = MEASURE_TITLE_MAX_CHARS, .errors = m->errors });
	v_textarea(h, &(struct v_field){ .name = "description", .label = msg(h->lang, MSG_PROP_F_DESCRIPTION),
					 .value = x->description, .maxlength = MEASURE_DESC_MAX_CHARS,
					 .errors = m->errors }, 4);
	v_text_field(h, &(struct v_field){ .name = "suggested_owner", .label = msg(h->lang, MSG_PROP_F_OWNER),
					   .hint = msg(h->lang, MSG_PROP_F_OWNER_HINT), .value = x->suggested_owner,
					   .maxlength = MEASURE_OWNER_MAX_CHARS, .errors = m->errors });
	const char *cost = m->cost_value ? m->cost_value
			   : x->estimated_cost >= 0 ? amount_text(a, x->estimated_cost) : "";
	v_text_field(h, &(struct v_field){ .name = "estimated_cost", .label = msg(h->lang, MSG_PROP_F_COST),
					   .hint = msg(h->lang, MSG_PROP_F_COST_HINT), .value = cost,
					   .inputmode = "numeric", .maxlength = 30, .errors = m->errors });
	v_text_field(h, &(struct v_field){ .name = "timing", .label = msg(h->lang, MSG_PROP_F_TIMING),
					   .hint = msg(h->lang, MSG_PROP_F_TIMING_HINT), .value = x->timing,
					   .maxlength = MEASURE_TIMING_MAX_CHARS, .errors = m->errors });
	bool bad = field_problem(m->errors, "need_ids") != PROB_NONE;
	group_open(h, "need_ids", MSG_PROP_F_NEEDS, false, m->errors);
	if (m->nneeds == 0)
		v_block_para(h, MSG_PROP_F_NEEDS_NONE);
	for (int i = 0; i < m->nneeds; i++)
		checkbox_item(h, "need_ids", m->needs[i].id, has_link(x->needs, x->nneeds, m->needs[i].id),
			      m->needs[i].title, bad);
	HTML_LIT(h, "</fieldset>\n");
	form_end(h, MSG_SAVE, arena_printf(a, "%s#measures", base));
}

/* ---- confirmations ---- */

void v_prop_delete(struct html *h, const struct v_prop_delete *m)
{
	struct arena *a = h->b->arena;
	const char *base = base_url(a, m->cycle_id, m->unit->id);
	v_block_h1(h, m->need ? MSG_PROP_NEED_DELETE_TITLE : MSG_PROP_MEASURE_DELETE_TITLE);
	unit_line(h, m->unit);
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, m->need ? MSG_PROP_NEED_DELETE_QUESTION : MSG_PROP_MEASURE_DELETE_QUESTION, m->title);
	HTML_LIT(h, "</p>\n");
	form_open(h, arena_printf(a, "%s/%s/%lld/delete", base, m->need ? "needs" : "measures", (long long)m->id),
		  m->csrf);
	form_end(h, MSG_PROP_DELETE_CONFIRM, arena_printf(a, "%s#%s", base, m->need ? "needs" : "measures"));
}

void v_prop_submit(struct html *h, const struct v_prop_submit *m)
{
	struct arena *a = h->b->arena;
	const char *base = base_url(a, m->cycle_id, m->unit->id);
	v_block_h1(h, MSG_PROP_SUBMIT_TITLE);
	if (m->nneeds == 0) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"warning\" role=\"alert\">");
		v_block_para(h, MSG_PROP_SUBMIT_NO_NEEDS);
		HTML_LIT(h, "</div>\n<p><a class=\"ds-link\"");
		HTML_URL(h, "href", arena_printf(a, "%s/needs/new", base));
		HTML_LIT(h, ">");
		html_msg(h, MSG_PROP_NEED_ADD);
		HTML_LIT(h, "</a> · <a class=\"ds-link\"");
		HTML_URL(h, "href", base);
		HTML_LIT(h, ">");
		html_msg(h, MSG_PROP_BACK);
		HTML_LIT(h, "</a></p>\n");
		return;
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_PROP_SUBMIT_QUESTION, m->unit->name, (long long)m->nneeds, (long long)m->nmeasures);
	HTML_LIT(h, "</p>\n");
	v_block_h2(h, MSG_PROP_NEEDS, NULL);
	HTML_LIT(h, "<ul class=\"ds-list\">");
	for (int i = 0; i < m->nneeds; i++) {
		HTML_LIT(h, "<li>");
		html_text(h, m->needs[i].title);
		HTML_LIT(h, " (");
		html_msg(h, v_prop_criticality_msg(m->needs[i].criticality));
		HTML_LIT(h, ")</li>");
	}
	HTML_LIT(h, "</ul>\n");
	v_block_h2(h, MSG_PROP_MEASURES, NULL);
	if (m->nmeasures == 0) {
		v_block_para(h, MSG_PROP_MEASURES_NONE);
	} else {
		HTML_LIT(h, "<ul class=\"ds-list\">");
		for (int i = 0; i < m->nmeasures; i++) {
			HTML_LIT(h, "<li>");
			html_text(h, m->measures[i].title);
			HTML_LIT(h, " (");
			html_msg(h, v_prop_kind_msg(m->measures[i].kind));
			HTML_LIT(h, ")</li>");
		}
		HTML_LIT(h, "</ul>\n");
	}
	form_open(h, arena_printf(a, "%s/submit", base), m->csrf);
	form_end(h, MSG_PROP_SUBMIT_CONFIRM, base);
}

void v_prop_return(struct html *h, const struct v_prop_return *m)
{
	struct arena *a = h->b->arena;
	const char *base = base_url(a, m->cycle_id, m->unit->id);
	v_block_h1(h, MSG_PROP_RETURN_TITLE);
	if (m->errors && m->errors->n) {
		struct v_label labels[] = { { "comment", msg(h->lang, MSG_PROP_F_COMMENT) } };
		v_error_summary(h, m->errors, labels, 1);
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_PROP_RETURN_INTRO, m->unit->name);
	HTML_LIT(h, "</p>\n");
	form_open(h, arena_printf(a, "%s/return", base), m->csrf);
	v_textarea(h, &(struct v_field){ .name = "comment", .label = msg(h->lang, MSG_PROP_F_COMMENT),
					 .value = m->comment, .required = true,
					 .maxlength = RETURN_COMMENT_MAX_CHARS, .errors = m->errors }, 5);
	form_end(h, MSG_PROP_RETURN_CONFIRM, base);
}

void v_prop_carry(struct html *h, const struct v_prop_carry *m)
{
	struct arena *a = h->b->arena;
	const char *base = base_url(a, m->cycle_id, m->unit->id);
	v_block_h1(h, MSG_PROP_CARRY_TITLE);
	unit_line(h, m->unit);
	if (m->ndrafts == 0 || m->too_many) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"warning\" role=\"alert\">");
		v_block_para(h, m->ndrafts == 0 ? MSG_PROP_CARRY_NONE : MSG_PROP_CARRY_TOO_MANY);
		HTML_LIT(h, "</div>\n<p><a class=\"ds-link\"");
		HTML_URL(h, "href", base);
		HTML_LIT(h, ">");
		html_msg(h, MSG_PROP_BACK);
		HTML_LIT(h, "</a></p>\n");
		return;
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msgf(h, MSG_PROP_CARRY_QUESTION, (long long)m->ndrafts);
	HTML_LIT(h, "</p>\n<ul class=\"ds-list\">");
	for (int i = 0; i < m->ndrafts; i++) {
		HTML_LIT(h, "<li>");
		html_text(h, m->drafts[i].title);
		if (m->drafts[i].description && *m->drafts[i].description) {
			HTML_LIT(h, " – ");
			html_text(h, m->drafts[i].description);
		}
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>\n");
	form_open(h, arena_printf(a, "%s/carry-over", base), m->csrf);
	form_end(h, MSG_PROP_CARRY_CONFIRM, base);
}

void v_prop_conflict(struct html *h, enum msg why, const char *back)
{
	v_block_h1(h, why);
	HTML_LIT(h, "<p><a class=\"ds-link\"");
	HTML_URL(h, "href", back);
	HTML_LIT(h, ">");
	html_msg(h, MSG_PROP_BACK);
	HTML_LIT(h, "</a></p>\n");
}
