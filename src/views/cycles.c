/* cycles.c — the pages of the yearly cycle (see cycles.h). The forms are
 * built from the same Designsystemet field markup as views/form.c, but the
 * problems are the cycle rules' own (domain/cycle.h), whose messages name
 * the phase and the date they concern ("Kan ikke være før «Lederforberedelse»
 * starter"), so this file writes its fields and error summary itself. Rich
 * text (a phase's purpose) goes through html_markdown; the one-item-per-line
 * lists become HTML lists. */
#include "views/cycles.h"

#include <string.h>
#include "base/arena.h"
#include "html/markdown.h"
#include "views/form.h"
#include "views/wheel.h"

enum msg v_phase_msg(enum phase_key k)
{
	switch (k) {
	case PHASE_LEADER_PREPARATION: return MSG_PHASE_LEADER_PREPARATION;
	case PHASE_UNIT_DISCUSSION: return MSG_PHASE_UNIT_DISCUSSION;
	case PHASE_COMPILATION: return MSG_PHASE_COMPILATION;
	case PHASE_CONVERSATIONS: return MSG_PHASE_CONVERSATIONS;
	case PHASE_IMPLEMENTATION: return MSG_PHASE_IMPLEMENTATION;
	case PHASE_COUNT:
		break;
	}
	return MSG_PHASE_LEADER_PREPARATION;
}

enum msg v_cycle_status_msg(enum cycle_status s)
{
	switch (s) {
	case CYCLE_OPEN: return MSG_CYCLE_STATUS_OPEN;
	case CYCLE_CLOSED: return MSG_CYCLE_STATUS_CLOSED;
	case CYCLE_DRAFT:
		break;
	}
	return MSG_CYCLE_STATUS_DRAFT;
}

const char *v_iso_date(struct arena *a, const char *iso)
{
	int32_t d;
	if (!date_parse(iso, &d))
		return iso ? iso : "";
	int y, m, day;
	date_civil(d, &y, &m, &day);
	char *s = arena_printf(a, "%02d.%02d.%04d", day, m, y);
	return s ? s : iso;
}

static enum msg problem_msg(enum cycle_problem p)
{
	switch (p) {
	case CP_REQUIRED: return MSG_CP_REQUIRED;
	case CP_TOO_LONG: return MSG_CP_TOO_LONG;
	case CP_BAD_TEXT: return MSG_CP_BAD_TEXT;
	case CP_TAKEN: return MSG_CP_TAKEN;
	case CP_BAD_DATE: return MSG_CP_BAD_DATE;
	case CP_DATE_PAIR: return MSG_CP_DATE_PAIR;
	case CP_END_BEFORE_START: return MSG_CP_END_BEFORE_START;
	case CP_START_BEFORE_PREV: return MSG_CP_START_BEFORE_PREV;
	case CP_END_BEFORE_PREV: return MSG_CP_END_BEFORE_PREV;
	case CP_INCOMPLETE: return MSG_CP_INCOMPLETE;
	case CP_BAD_TRANSITION: return MSG_CP_BAD_TRANSITION;
	case CP_CLOSED: return MSG_CP_CLOSED;
	case CP_UNKNOWN_REF: return MSG_CP_UNKNOWN_REF;
	case CP_NONE:
	case CP_BAD_STATUS:
	case CP_UNKNOWN_PHASE:
	case CP_DUPLICATE:
	case CP_BAD_TYPE:
	case CP_COUNT:
		break;
	}
	return MSG_CP_OTHER;
}

/* The message's %s names the earlier phase. */
static bool names_ref(enum cycle_problem p)
{
	return p == CP_START_BEFORE_PREV || p == CP_END_BEFORE_PREV;
}

void v_cycle_problem(struct html *h, const struct cycle_error *e)
{
	if (names_ref(e->problem))
		html_msgf(h, problem_msg(e->problem),
			  msg(h->lang, v_phase_msg(e->ref_phase >= 0 ? (enum phase_key)e->ref_phase
								      : PHASE_LEADER_PREPARATION)));
	else
		html_msg(h, problem_msg(e->problem));
}

/* ---- small pieces ---- */

static void heading1(struct html *h)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
}

static void paragraph(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>");
}

static void status_tag(struct html *h, enum cycle_status s)
{
	switch (s) {
	case CYCLE_OPEN:
		HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"success\">");
		break;
	case CYCLE_CLOSED:
		HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"neutral\">");
		break;
	case CYCLE_DRAFT:
		HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"warning\">");
		break;
	}
	html_msg(h, v_cycle_status_msg(s));
	HTML_LIT(h, "</span>");
}

static void date_range(struct html *h, const char *from, const char *to)
{
	struct arena *a = h->b->arena;
	if (!from || !*from || !to || !*to) {
		html_msg(h, MSG_CYCLE_NO_DATES);
		return;
	}
	HTML_LIT(h, "<time");
	HTML_ATTR(h, "datetime", from);
	HTML_LIT(h, ">");
	html_text(h, v_iso_date(a, from));
	HTML_LIT(h, "</time>–<time");
	HTML_ATTR(h, "datetime", to);
	HTML_LIT(h, ">");
	html_text(h, v_iso_date(a, to));
	HTML_LIT(h, "</time>");
}

/* The cycle's first start and last end, NULL when no phase has dates. */
static void cycle_period(const struct cycle *cy, const char **from, const char **to)
{
	*from = *to = NULL;
	for (int k = 0; k < PHASE_COUNT; k++) {
		const char *s = cy->phases[k].starts_on, *e = cy->phases[k].ends_on;
		if (!s || !*s || !e || !*e)
			continue;
		if (!*from || strcmp(s, *from) < 0)
			*from = s;
		if (!*to || strcmp(e, *to) > 0)
			*to = e;
	}
}

static void current_phases(struct html *h, const struct cycle *cy, const char *today)
{
	int32_t t;
	bool cur[PHASE_COUNT];
	if (cy->status != CYCLE_OPEN || !date_parse(today, &t) ||
	    cycle_current_phases(cy->phases, t, cur) == 0) {
		html_msg(h, MSG_CYCLE_NO_CURRENT);
		return;
	}
	bool first = true;
	for (int k = 0; k < PHASE_COUNT; k++) {
		if (!cur[k])
			continue;
		if (!first)
			HTML_LIT(h, ", ");
		html_msg(h, v_phase_msg((enum phase_key)k));
		first = false;
	}
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

static const char *texts_url(struct arena *a, enum phase_key k, const char *lang)
{
	return url_path(a, "/cycles/phases/%s/texts?lang=%s", phase_key_name(k), lang);
}

/* ---- the list ---- */

void v_cycles_index(struct html *h, const struct v_cycles_index *m)
{
	struct arena *a = h->b->arena;
	heading1(h);
	html_msg(h, MSG_CYCLE_LIST_TITLE);
	HTML_LIT(h, "</h1>");
	paragraph(h, MSG_CYCLE_LIST_INTRO);
	if (m->can_edit) {
		HTML_LIT(h, "<p>");
		button_link(h, "/cycles/new", MSG_CYCLE_NEW, true);
		HTML_LIT(h, "</p>");
	}
	if (m->n == 0) {
		paragraph(h, MSG_CYCLE_NONE);
	} else {
		HTML_LIT(h, "<div class=\"table-scroll\"><table class=\"ds-table\" data-zebra=\"true\">"
			    "<caption class=\"ds-sr-only\">");
		html_msg(h, MSG_CYCLE_LIST_CAPTION);
		HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
		html_msg(h, MSG_CYCLE_FIELD_NAME);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_CYCLE_FIELD_STATUS);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_CYCLE_FIELD_PERIOD);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_CYCLE_FIELD_CURRENT);
		HTML_LIT(h, "</th></tr></thead><tbody>");
		for (int i = 0; i < m->n; i++) {
			const struct cycle *cy = &m->cycles[i];
			const char *from, *to;
			cycle_period(cy, &from, &to);
			HTML_LIT(h, "<tr><th scope=\"row\"><a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(a, "/cycles/%lld", (long long)cy->id));
			HTML_LIT(h, ">");
			html_text(h, cy->name);
			HTML_LIT(h, "</a></th><td>");
			status_tag(h, cy->status);
			HTML_LIT(h, "</td><td>");
			date_range(h, from, to);
			HTML_LIT(h, "</td><td>");
			current_phases(h, cy, m->today);
			HTML_LIT(h, "</td></tr>");
		}
		HTML_LIT(h, "</tbody></table></div>");
	}
	if (m->can_edit) {
		HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">");
		html_msg(h, MSG_PHASE_TEXTS_TITLE);
		HTML_LIT(h, "</h2>");
		paragraph(h, MSG_PHASE_TEXTS_INTRO);
		HTML_LIT(h, "<ol class=\"ds-list\">");
		for (int k = 0; k < PHASE_COUNT; k++) {
			HTML_LIT(h, "<li><a class=\"ds-link\"");
			HTML_URL(h, "href", texts_url(a, (enum phase_key)k, lang_code(h->lang)));
			HTML_LIT(h, ">");
			html_msg(h, v_phase_msg((enum phase_key)k));
			HTML_LIT(h, "</a></li>");
		}
		HTML_LIT(h, "</ol>");
	}
}

/* ---- one cycle ---- */

/* A one-item-per-line text as a list; ordered for steps. */
static void line_list(struct html *h, const char *text, bool ordered)
{
	char **items;
	int n;
	text_lines(h->b->arena, text, &items, &n);
	if (n == 0)
		return;
	if (ordered)
		HTML_LIT(h, "<ol class=\"ds-list\">");
	else
		HTML_LIT(h, "<ul class=\"ds-list\">");
	for (int i = 0; i < n; i++) {
		HTML_LIT(h, "<li>");
		html_text(h, items[i]);
		HTML_LIT(h, "</li>");
	}
	if (ordered)
		HTML_LIT(h, "</ol>");
	else
		HTML_LIT(h, "</ul>");
}

static void sub_heading(struct html *h, int level, enum msg m)
{
	if (level <= 3)
		HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"xs\">");
	else
		HTML_LIT(h, "<h4 class=\"ds-heading\" data-size=\"2xs\">");
	html_msg(h, m);
	if (level <= 3)
		HTML_LIT(h, "</h3>");
	else
		HTML_LIT(h, "</h4>");
}

/* The four texts of a phase, their headings at level (3 or 4). */
static void phase_texts(struct html *h, const struct phase_text *t, int level)
{
	if (!t)
		return;
	sub_heading(h, level, MSG_PHASE_PURPOSE);
	HTML_LIT(h, "<div class=\"phase-purpose\">");
	html_markdown(h, t->purpose ? t->purpose : "", level + 1);
	HTML_LIT(h, "</div>");
	sub_heading(h, level, MSG_PHASE_KEY_QUESTIONS);
	line_list(h, t->key_questions, false);
	sub_heading(h, level, MSG_PHASE_PROCEDURE);
	line_list(h, t->procedure, true);
	sub_heading(h, level, MSG_PHASE_DESIRED_RESULT);
	line_list(h, t->desired_result, false);
}

static void cycle_actions(struct html *h, const struct cycle *cy)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"sm\">");
	html_msg(h, MSG_CYCLE_ACTIONS);
	HTML_LIT(h, "</h2><p class=\"cycle-actions\">");
	button_link(h, url_path(a, "/cycles/%lld/edit", (long long)cy->id), MSG_CYCLE_EDIT, false);
	if (cy->status == CYCLE_DRAFT) {
		HTML_LIT(h, " ");
		button_link(h, url_path(a, "/cycles/%lld/open", (long long)cy->id), MSG_CYCLE_OPEN_ACTION,
			    true);
	} else if (cy->status == CYCLE_OPEN) {
		HTML_LIT(h, " ");
		button_link(h, url_path(a, "/cycles/%lld/close", (long long)cy->id),
			    MSG_CYCLE_CLOSE_ACTION, false);
	}
	HTML_LIT(h, "</p>");
}

static void list_link(struct html *h, const char *url, enum msg text)
{
	HTML_LIT(h, "<li><a class=\"ds-link\"");
	HTML_URL(h, "href", url);
	HTML_LIT(h, ">");
	html_msg(h, text);
	HTML_LIT(h, "</a></li>");
}

/* The cycle's strategy, the phase-1 preparation (for those who prepare)
 * and the documents. */
static void cycle_links(struct html *h, const struct cycle *cy, bool can_prepare)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"sm\">");
	html_msg(h, MSG_CYCLE_LINKS);
	HTML_LIT(h, "</h2><ul class=\"ds-list\">");
	list_link(h, url_path(a, "/cycles/%lld/strategy", (long long)cy->id), MSG_STRATEGY_TITLE);
	if (can_prepare)
		list_link(h, url_path(a, "/cycles/%lld/prepare", (long long)cy->id), MSG_PREP_TITLE);
	list_link(h, url_path(a, "/cycles/%lld/competence-strategy", (long long)cy->id),
		  MSG_DEC_STRATEGY_LINK);
	list_link(h, "/documents", MSG_DOC_LIST_TITLE);
	HTML_LIT(h, "</ul>");
}

void v_cycle_show(struct html *h, const struct v_cycle_show *m)
{
	const struct cycle *cy = m->cycle;
	struct arena *a = h->b->arena;
	heading1(h);
	html_text(h, cy->name);
	HTML_LIT(h, " ");
	status_tag(h, cy->status);
	HTML_LIT(h, "</h1>");
	if (cy->status == CYCLE_CLOSED) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"info\" role=\"status\"><p>");
		html_msg(h, MSG_CYCLE_READ_ONLY);
		HTML_LIT(h, "</p></div>");
	}
	if (m->can_edit && cycle_editable(cy->status))
		cycle_actions(h, cy);
	cycle_links(h, cy, m->can_prepare);

	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">");
	html_msg(h, MSG_HOME_CYCLE);
	HTML_LIT(h, "</h2>");
	v_wheel(h, cy, m->today);

	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">");
	html_msg(h, MSG_CYCLE_PHASES);
	HTML_LIT(h, "</h2>");
	int32_t t;
	bool cur[PHASE_COUNT] = { false };
	if (date_parse(m->today, &t))
		cycle_current_phases(cy->phases, t, cur);
	for (int k = 0; k < PHASE_COUNT; k++) {
		enum phase_key key = (enum phase_key)k;
		HTML_LIT(h, "<section class=\"cycle-phase\"");
		HTML_ATTR(h, "id", phase_key_name(key));
		HTML_LIT(h, "><h3 class=\"ds-heading\" data-size=\"sm\">");
		html_msgf(h, MSG_CYCLE_PHASE_N, k + 1);
		HTML_LIT(h, ": ");
		html_msg(h, v_phase_msg(key));
		HTML_LIT(h, "</h3><p class=\"ds-paragraph\">");
		date_range(h, cy->phases[k].starts_on, cy->phases[k].ends_on);
		if (cur[k] && cy->status == CYCLE_OPEN) {
			HTML_LIT(h, " <span class=\"ds-tag\" data-color=\"info\">");
			html_msg(h, MSG_CYCLE_CURRENT);
			HTML_LIT(h, "</span>");
		}
		HTML_LIT(h, "</p>");
		phase_texts(h, m->texts ? &m->texts[k] : NULL, 4);
		if (key == PHASE_UNIT_DISCUSSION) {
			/* every signed-in role reads some unit's discussion */
			HTML_LIT(h, "<p><a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(a, "/cycles/%lld/discussions", (long long)cy->id));
			HTML_LIT(h, ">");
			html_msg(h, MSG_DISC_TITLE);
			HTML_LIT(h, "</a></p>");
		}
		if (m->can_edit) {
			HTML_LIT(h, "<p><a class=\"ds-link\"");
			HTML_URL(h, "href", texts_url(a, key, lang_code(h->lang)));
			HTML_LIT(h, ">");
			html_msgf(h, MSG_PHASE_TEXTS_EDIT_IN, msg(h->lang, v_phase_msg(key)),
				  msg(h->lang, h->lang == LANG_NN ? MSG_LANG_NN
					       : h->lang == LANG_EN ? MSG_LANG_EN : MSG_LANG_NB));
			HTML_LIT(h, "</a></p>");
		}
		HTML_LIT(h, "</section>");
	}
}

/* ---- forms ---- */

struct label {
	const char *field;
	const char *text;
};

static const struct cycle_error *problem_of(const struct cycle_errors *ce, const char *field)
{
	for (int i = 0; ce && i < ce->n; i++)
		if (ce->e[i].field && strcmp(ce->e[i].field, field) == 0)
			return &ce->e[i];
	return NULL;
}

static void error_summary(struct html *h, const struct cycle_errors *ce, const struct label *labels,
			  int nlabels)
{
	if (!ce || ce->n == 0)
		return;
	HTML_LIT(h, "<div class=\"ds-error-summary\" role=\"alert\" tabindex=\"-1\" autofocus>"
		    "<h2 class=\"ds-heading\" data-size=\"xs\">");
	html_msg(h, MSG_ERROR_SUMMARY);
	HTML_LIT(h, "</h2><ul class=\"ds-list\">");
	for (int i = 0; i < ce->n; i++) {
		const struct cycle_error *e = &ce->e[i];
		const char *label = NULL;
		for (int j = 0; j < nlabels && e->field; j++)
			if (strcmp(labels[j].field, e->field) == 0)
				label = labels[j].text;
		HTML_LIT(h, "<li>");
		if (label) {
			HTML_LIT(h, "<a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(h->b->arena, "#f-%s", e->field));
			HTML_LIT(h, ">");
			html_text(h, label);
			HTML_LIT(h, ": ");
			v_cycle_problem(h, e);
			HTML_LIT(h, "</a>");
		} else {
			v_cycle_problem(h, e);
		}
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul></div>\n");
}

/* id="f-NAME" (with a suffix) as escaped attribute text. */
static void field_id(struct html *h, const char *name, const char *suffix)
{
	html_text(h, "f-");
	html_text(h, name);
	html_text(h, suffix);
}

struct field {
	const char *name;
	const char *label;
	const char *hint;
	const char *value;
	const char *type;            /* "text", "date"; NULL: a textarea */
	int maxlength;
	bool required;
	int rows;
};

static void field(struct html *h, const struct field *f, const struct cycle_errors *ce)
{
	const struct cycle_error *e = problem_of(ce, f->name);
	HTML_LIT(h, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"");
	field_id(h, f->name, "");
	HTML_LIT(h, "\">");
	html_text(h, f->label);
	if (f->required) {
		HTML_LIT(h, " <span class=\"field-required\">");
		html_msg(h, MSG_REQUIRED_MARK);
		HTML_LIT(h, "</span>");
	}
	HTML_LIT(h, "</label>");
	if (f->hint) {
		HTML_LIT(h, "<div data-field=\"description\" id=\"");
		field_id(h, f->name, "-hint");
		HTML_LIT(h, "\">");
		html_text(h, f->hint);
		HTML_LIT(h, "</div>");
	}
	if (f->type) {
		HTML_LIT(h, "<input class=\"ds-input\"");
		HTML_ATTR(h, "type", f->type);
		HTML_ATTR(h, "value", f->value ? f->value : "");
	} else {
		HTML_LIT(h, "<textarea class=\"ds-input\"");
		HTML_ATTR_INT(h, "rows", f->rows > 0 ? f->rows : 4);
	}
	HTML_LIT(h, " id=\"");
	field_id(h, f->name, "");
	HTML_LIT(h, "\"");
	HTML_ATTR(h, "name", f->name);
	if (f->maxlength > 0)
		HTML_ATTR_INT(h, "maxlength", f->maxlength);
	if (f->type && strcmp(f->type, "text") == 0)
		HTML_LIT(h, " autocomplete=\"off\"");
	if (e)
		HTML_LIT(h, " aria-invalid=\"true\"");
	if (f->hint || e) {
		HTML_LIT(h, " aria-describedby=\"");
		if (f->hint)
			field_id(h, f->name, "-hint");
		if (f->hint && e)
			HTML_LIT(h, " ");
		if (e)
			field_id(h, f->name, "-error");
		HTML_LIT(h, "\"");
	}
	if (f->required)
		HTML_LIT(h, " aria-required=\"true\"");
	if (f->type) {
		HTML_LIT(h, ">");
	} else {
		/* parsers drop one newline right after <textarea> */
		HTML_LIT(h, ">\n");
		html_text(h, f->value);
		HTML_LIT(h, "</textarea>");
	}
	if (e) {
		HTML_LIT(h, "<p class=\"ds-validation-message\" id=\"");
		field_id(h, f->name, "-error");
		HTML_LIT(h, "\">");
		v_cycle_problem(h, e);
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "</div>\n");
}

static void copy_select(struct html *h, const struct v_cycle_form *m, const char *label)
{
	const struct cycle_error *e = problem_of(m->errors, "copy_from");
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"f-copy_from\">");
	html_text(h, label);
	HTML_LIT(h, "</label><div data-field=\"description\" id=\"f-copy_from-hint\">");
	html_msg(h, MSG_CYCLE_COPY_HINT);
	HTML_LIT(h, "</div><select class=\"ds-input\" id=\"f-copy_from\" name=\"copy_from\"");
	if (e)
		HTML_LIT(h, " aria-invalid=\"true\" aria-describedby=\"f-copy_from-hint f-copy_from-error\">");
	else
		HTML_LIT(h, " aria-describedby=\"f-copy_from-hint\">");
	HTML_LIT(h, "<option value=\"\">");
	html_msg(h, MSG_CYCLE_COPY_NONE);
	HTML_LIT(h, "</option>");
	for (int i = 0; i < m->nsources; i++) {
		const char *v = arena_printf(a, "%lld", (long long)m->sources[i].id);
		HTML_LIT(h, "<option");
		HTML_ATTR(h, "value", v);
		if (m->copy_from && v && strcmp(m->copy_from, v) == 0)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, m->sources[i].name);
		HTML_LIT(h, "</option>");
	}
	HTML_LIT(h, "</select>");
	if (e) {
		HTML_LIT(h, "<p class=\"ds-validation-message\" id=\"f-copy_from-error\">");
		v_cycle_problem(h, e);
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "</div>\n");
}

/* "Lokal kompetansedrøfting, Startdato" */
static const char *date_label(struct html *h, int k, bool end)
{
	return arena_printf(h->b->arena, "%s, %s", msg(h->lang, v_phase_msg((enum phase_key)k)),
			    msg(h->lang, end ? MSG_CYCLE_ENDS_ON : MSG_CYCLE_STARTS_ON));
}

void v_cycle_form(struct html *h, const struct v_cycle_form *m)
{
	const struct cycle *cy = m->cycle;
	struct arena *a = h->b->arena;
	enum lang l = h->lang;
	heading1(h);
	if (cy->id)
		html_msgf(h, MSG_CYCLE_EDIT_HEADING, m->heading_name ? m->heading_name : "");
	else
		html_msg(h, MSG_CYCLE_NEW);
	HTML_LIT(h, "</h1>");

	struct label labels[2 + 2 * PHASE_COUNT];
	int nl = 0;
	labels[nl++] = (struct label){ "name", msg(l, MSG_CYCLE_FIELD_NAME) };
	labels[nl++] = (struct label){ "copy_from", msg(l, MSG_CYCLE_COPY_FROM) };
	for (int k = 0; k < PHASE_COUNT; k++) {
		labels[nl++] = (struct label){ cycle_date_field((enum phase_key)k, false),
					       date_label(h, k, false) };
		labels[nl++] = (struct label){ cycle_date_field((enum phase_key)k, true),
					       date_label(h, k, true) };
	}
	error_summary(h, m->errors, labels, nl);

	HTML_LIT(h, "<form method=\"post\" novalidate");
	HTML_URL(h, "action", cy->id ? url_path(a, "/cycles/%lld", (long long)cy->id) : "/cycles");
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	field(h, &(struct field){ .name = "name", .label = labels[0].text, .hint = msg(l, MSG_CYCLE_NAME_HINT),
				  .value = cy->name, .type = "text", .maxlength = CYCLE_NAME_MAX_CHARS,
				  .required = true },
	      m->errors);
	if (!cy->id) {
		copy_select(h, m, labels[1].text);
	} else {
		paragraph(h, cy->status == CYCLE_OPEN ? MSG_CYCLE_OPEN_DATES_HINT : MSG_CYCLE_DATES_HINT);
		for (int k = 0; k < PHASE_COUNT; k++) {
			HTML_LIT(h, "<fieldset class=\"ds-fieldset cycle-dates\"><legend class=\"ds-label\">");
			html_msgf(h, MSG_CYCLE_PHASE_N, k + 1);
			HTML_LIT(h, ": ");
			html_msg(h, v_phase_msg((enum phase_key)k));
			HTML_LIT(h, "</legend><div class=\"cycle-dates__pair\">");
			for (int end = 0; end < 2; end++)
				field(h, &(struct field){
					.name = cycle_date_field((enum phase_key)k, end),
					.label = msg(l, end ? MSG_CYCLE_ENDS_ON : MSG_CYCLE_STARTS_ON),
					.value = end ? cy->phases[k].ends_on : cy->phases[k].starts_on,
					.type = "date", .required = cy->status == CYCLE_OPEN },
				      m->errors);
			HTML_LIT(h, "</div></fieldset>\n");
		}
	}
	HTML_LIT(h, "<p>");
	v_submit(h, cy->id ? MSG_CYCLE_SAVE : MSG_CYCLE_CREATE, true);
	HTML_LIT(h, " ");
	button_link(h, cy->id ? url_path(a, "/cycles/%lld", (long long)cy->id) : "/cycles",
		    MSG_CYCLE_CANCEL, false);
	HTML_LIT(h, "</p></form>");
}

void v_cycle_confirm(struct html *h, const struct v_cycle_confirm *m)
{
	const struct cycle *cy = m->cycle;
	struct arena *a = h->b->arena;
	heading1(h);
	html_msgf(h, m->open ? MSG_CYCLE_OPEN_HEADING : MSG_CYCLE_CLOSE_HEADING, cy->name ? cy->name : "");
	HTML_LIT(h, "</h1>");
	const char *back = url_path(a, "/cycles/%lld", (long long)cy->id);
	if (m->refusal != MSG_COUNT) {
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"warning\" role=\"alert\"><p>");
		html_msg(h, m->refusal);
		HTML_LIT(h, "</p>");
		if (m->errors && m->errors->n) {
			HTML_LIT(h, "<ul class=\"ds-list\">");
			for (int i = 0; i < m->errors->n; i++) {
				const struct cycle_error *e = &m->errors->e[i];
				HTML_LIT(h, "<li>");
				if (e->phase >= 0)
					html_text(h, date_label(h, e->phase,
								strstr(e->field, "ends_on") != NULL));
				HTML_LIT(h, ": ");
				v_cycle_problem(h, e);
				HTML_LIT(h, "</li>");
			}
			HTML_LIT(h, "</ul>");
		}
		HTML_LIT(h, "</div><p>");
		if (m->open && cy->status == CYCLE_DRAFT) {
			button_link(h, url_path(a, "/cycles/%lld/edit", (long long)cy->id), MSG_CYCLE_EDIT,
				    true);
			HTML_LIT(h, " ");
		}
		button_link(h, back, MSG_CYCLE_BACK, false);
		HTML_LIT(h, "</p>");
		return;
	}
	paragraph(h, m->open ? MSG_CYCLE_OPEN_EXPLAIN : MSG_CYCLE_CLOSE_EXPLAIN);
	HTML_LIT(h, "<form method=\"post\"");
	HTML_URL(h, "action", url_path(a, m->open ? "/cycles/%lld/open" : "/cycles/%lld/close",
				       (long long)cy->id));
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	HTML_LIT(h, "<p>");
	if (m->open)
		HTML_LIT(h, "<button type=\"submit\" class=\"ds-button\" data-variant=\"primary\">");
	else
		HTML_LIT(h, "<button type=\"submit\" class=\"ds-button\" data-variant=\"primary\""
			    " data-color=\"danger\">");
	html_msg(h, m->open ? MSG_CYCLE_OPEN_ACTION : MSG_CYCLE_CLOSE_ACTION);
	HTML_LIT(h, "</button> ");
	button_link(h, back, MSG_CYCLE_CANCEL, false);
	HTML_LIT(h, "</p></form>");
}

/* ---- phase texts ---- */

static enum msg lang_msg(const char *code)
{
	if (code && strcmp(code, "nn") == 0)
		return MSG_LANG_NN;
	if (code && strcmp(code, "en") == 0)
		return MSG_LANG_EN;
	return MSG_LANG_NB;
}

static void changed_note(struct html *h, const struct phase_text *t)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\" data-size=\"sm\">");
	if (t->updated_at == 0) {
		html_msg(h, MSG_PHASE_TEXTS_FROM_SEED);
	} else {
		struct buf b;
		buf_init(&b, h->b->arena, 64);
		fmt_datetime(&b, t->updated_at);
		if (t->updated_by_name)
			html_msgf(h, MSG_PHASE_TEXTS_CHANGED, buf_str(&b), t->updated_by_name);
		else
			html_msgf(h, MSG_PHASE_TEXTS_CHANGED_BY_NOBODY, buf_str(&b));
	}
	HTML_LIT(h, "</p>");
}

void v_phase_texts_form(struct html *h, const struct v_phase_texts_form *m)
{
	struct arena *a = h->b->arena;
	enum lang l = h->lang;
	const char *phase = msg(l, v_phase_msg(m->key));
	heading1(h);
	html_msgf(h, MSG_PHASE_TEXTS_HEADING, phase);
	HTML_LIT(h, "</h1><p class=\"ds-paragraph\">");
	html_msgf(h, MSG_PHASE_TEXTS_LANG_IS, msg(l, lang_msg(m->lang)));
	HTML_LIT(h, "</p><nav");
	HTML_ATTR(h, "aria-label", msg(l, MSG_PHASE_TEXTS_OTHER_LANGS));
	HTML_LIT(h, "><ul class=\"cycle-langs\">");
	static const char *const codes[] = { "nb", "nn", "en" };
	for (int i = 0; i < 3; i++) {
		HTML_LIT(h, "<li><a class=\"ds-link\"");
		HTML_URL(h, "href", texts_url(a, m->key, codes[i]));
		if (strcmp(codes[i], m->lang) == 0)
			HTML_LIT(h, " aria-current=\"page\"");
		HTML_LIT(h, ">");
		html_msg(h, lang_msg(codes[i]));
		HTML_LIT(h, "</a></li>");
	}
	HTML_LIT(h, "</ul></nav>");
	changed_note(h, m->text);

	const struct label labels[] = {
		{ "purpose", msg(l, MSG_PHASE_PURPOSE) },
		{ "key_questions", msg(l, MSG_PHASE_KEY_QUESTIONS) },
		{ "procedure", msg(l, MSG_PHASE_PROCEDURE) },
		{ "desired_result", msg(l, MSG_PHASE_DESIRED_RESULT) },
	};
	error_summary(h, m->errors, labels, 4);
	HTML_LIT(h, "<form method=\"post\" novalidate");
	HTML_URL(h, "action", texts_url(a, m->key, m->lang));
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	HTML_LIT(h, "<input type=\"hidden\" name=\"lang\"");
	HTML_ATTR(h, "value", m->lang);
	HTML_LIT(h, ">");
	const struct phase_text *t = m->text;
	field(h, &(struct field){ .name = "purpose", .label = labels[0].text,
				  .hint = msg(l, MSG_PHASE_TEXTS_PURPOSE_HINT), .value = t->purpose,
				  .maxlength = PHASE_TEXT_MAX_CHARS, .required = true, .rows = 3 },
	      m->errors);
	field(h, &(struct field){ .name = "key_questions", .label = labels[1].text,
				  .hint = msg(l, MSG_PHASE_TEXTS_LIST_HINT), .value = t->key_questions,
				  .maxlength = PHASE_TEXT_MAX_CHARS, .required = true, .rows = 5 },
	      m->errors);
	field(h, &(struct field){ .name = "procedure", .label = labels[2].text,
				  .hint = msg(l, MSG_PHASE_TEXTS_STEPS_HINT), .value = t->procedure,
				  .maxlength = PHASE_TEXT_MAX_CHARS, .required = true, .rows = 7 },
	      m->errors);
	field(h, &(struct field){ .name = "desired_result", .label = labels[3].text,
				  .hint = msg(l, MSG_PHASE_TEXTS_LIST_HINT), .value = t->desired_result,
				  .maxlength = PHASE_TEXT_MAX_CHARS, .required = true, .rows = 4 },
	      m->errors);
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_CYCLE_SAVE, true);
	HTML_LIT(h, " ");
	button_link(h, "/cycles", MSG_CYCLE_CANCEL, false);
	HTML_LIT(h, "</p></form>");

	for (int i = 0; i < m->nothers; i++) {
		const struct phase_text *o = &m->others[i];
		HTML_LIT(h, "<section class=\"phase-reference\"");
		HTML_ATTR(h, "lang", o->lang);
		HTML_LIT(h, "><h2 class=\"ds-heading\" data-size=\"sm\">");
		html_msgf(h, MSG_PHASE_TEXTS_REFERENCE, msg(l, lang_msg(o->lang)));
		HTML_LIT(h, "</h2>");
		phase_texts(h, o, 3);
		HTML_LIT(h, "</section>");
	}
}
