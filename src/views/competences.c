/* competences.c (views) — the competence catalogue pages. The catalogue is
 * one section per area in tree order, the heading level following the depth
 * (h2 for top areas, one deeper per level, at most h6), each with a table of
 * the area's competences; a search shows one table of the matches instead.
 * Descriptions are Markdown through html_markdown. The scale form groups
 * each level's six texts in a fieldset whose legend names the level. */
#include "views/competences.h"

#include <string.h>
#include "base/arena.h"
#include "html/markdown.h"

static struct arena *arena_of(struct html *h)
{
	return h->b->arena;
}

static void paragraph(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>");
}

static void heading1_text(struct html *h, const char *text)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_text(h, text);
	HTML_LIT(h, "</h1>");
}

static void heading1(struct html *h, enum msg m)
{
	heading1_text(h, msg(h->lang, m));
}

static void heading2(struct html *h, enum msg m)
{
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">");
	html_msg(h, m);
	HTML_LIT(h, "</h2>");
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
	HTML_LIT(h, "</a> ");
}

static void inactive_tag(struct html *h)
{
	HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"warning\">");
	html_msg(h, MSG_COMP_INACTIVE);
	HTML_LIT(h, "</span>");
}

static void competence_link(struct html *h, const struct competence *k)
{
	HTML_LIT(h, "<a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(arena_of(h), "/competences/%lld", (long long)k->id));
	HTML_LIT(h, ">");
	html_text(h, k->name);
	HTML_LIT(h, "</a>");
	if (!k->active) {
		HTML_LIT(h, " ");
		inactive_tag(h);
	}
}

static void search_form(struct html *h, const struct v_competences_index *m)
{
	HTML_LIT(h, "<form method=\"get\" action=\"/competences\" role=\"search\">"
		    "<div class=\"ds-field\"><label class=\"ds-label\" for=\"f-q\">");
	html_msg(h, MSG_COMP_SEARCH_LABEL);
	HTML_LIT(h, "</label><div class=\"ds-search\"><input class=\"ds-input\" type=\"search\""
		    " id=\"f-q\" name=\"q\" autocomplete=\"off\"");
	HTML_ATTR(h, "value", m->q ? m->q : "");
	HTML_LIT(h, "></div></div>");
	v_checkbox(h, &(struct v_field){ .name = "inactive",
					 .label = msg(h->lang, MSG_COMP_INCLUDE_INACTIVE),
					 .value = m->include_inactive ? "1" : NULL });
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_COMP_SEARCH_BUTTON, true);
	HTML_LIT(h, "</p></form>");
}

static void table_head(struct html *h, bool with_area)
{
	HTML_LIT(h, "<thead><tr><th scope=\"col\">");
	html_msg(h, MSG_COMP_FIELD_NAME);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_COMP_FIELD_CODE);
	if (with_area) {
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_COMP_FIELD_AREA);
	}
	HTML_LIT(h, "</th></tr></thead><tbody>");
}

static void table_row(struct html *h, const struct competence *k, bool with_area)
{
	HTML_LIT(h, "<tr><td>");
	competence_link(h, k);
	HTML_LIT(h, "</td><td>");
	html_text(h, k->code);
	if (with_area) {
		HTML_LIT(h, "</td><td>");
		html_text(h, k->area_name);
	}
	HTML_LIT(h, "</td></tr>");
}

static void search_results(struct html *h, const struct v_competences_index *m)
{
	if (m->n == 0) {
		paragraph(h, MSG_COMP_NO_RESULTS);
		return;
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\" role=\"status\">");
	html_msgf(h, MSG_COMP_FOUND, m->n);
	HTML_LIT(h, "</p><table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_msg(h, MSG_COMP_SEARCH_BUTTON);
	HTML_LIT(h, ": ");
	html_text(h, m->q);
	HTML_LIT(h, "</caption>");
	table_head(h, true);
	for (int i = 0; i < m->n; i++)
		table_row(h, &m->items[i], true);
	HTML_LIT(h, "</tbody></table>");
}

/* <hN> for an area at depth d: h2 at the top, at most h6. */
static void area_heading(struct html *h, const struct competence_area *ar, bool open)
{
	int level = 2 + (ar->depth < 0 ? 0 : ar->depth);
	if (level > 6)
		level = 6;
	if (open) {
		switch (level) {
		case 2: HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\""); break;
		case 3: HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"sm\""); break;
		case 4: HTML_LIT(h, "<h4 class=\"ds-heading\" data-size=\"xs\""); break;
		case 5: HTML_LIT(h, "<h5 class=\"ds-heading\" data-size=\"xs\""); break;
		default: HTML_LIT(h, "<h6 class=\"ds-heading\" data-size=\"xs\""); break;
		}
		return;
	}
	switch (level) {
	case 2: HTML_LIT(h, "</h2>"); break;
	case 3: HTML_LIT(h, "</h3>"); break;
	case 4: HTML_LIT(h, "</h4>"); break;
	case 5: HTML_LIT(h, "</h5>"); break;
	default: HTML_LIT(h, "</h6>"); break;
	}
}

static void area_section(struct html *h, const struct v_competences_index *m,
			 const struct competence_area *ar)
{
	struct arena *a = arena_of(h);
	char *hid = arena_printf(a, "area-%lld", (long long)ar->id);
	HTML_LIT(h, "<section class=\"competence-area\"");
	HTML_ATTR(h, "aria-labelledby", hid);
	HTML_LIT(h, ">");
	area_heading(h, ar, true);
	HTML_ATTR(h, "id", hid);
	HTML_LIT(h, ">");
	html_text(h, ar->name);
	area_heading(h, ar, false);
	HTML_LIT(h, "<p class=\"ds-paragraph\" data-size=\"sm\">");
	html_msgf(h, MSG_COMP_AREA_CODE_IS, ar->code);
	if (m->can_edit) {
		HTML_LIT(h, " – <a class=\"ds-link\"");
		HTML_URL(h, "href", url_path(a, "/competences/areas/%lld/edit", (long long)ar->id));
		HTML_LIT(h, ">");
		html_msgf(h, MSG_COMP_AREA_EDIT_NAMED, ar->name);
		HTML_LIT(h, "</a>");
	}
	HTML_LIT(h, "</p>");
	if (ar->description && *ar->description) {
		/* Headings inside the description go one below the area's. */
		int base = 3 + (ar->depth < 0 ? 0 : ar->depth);
		html_markdown(h, ar->description, base > 6 ? 6 : base);
	}
	int count = 0;
	for (int i = 0; i < m->n; i++)
		if (m->items[i].area_id == ar->id)
			count++;
	if (count == 0) {
		paragraph(h, MSG_COMP_AREA_EMPTY);
	} else {
		HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption class=\"ds-sr-only\">");
		html_msgf(h, MSG_COMP_AREA_CAPTION, ar->name);
		HTML_LIT(h, "</caption>");
		table_head(h, false);
		for (int i = 0; i < m->n; i++)
			if (m->items[i].area_id == ar->id)
				table_row(h, &m->items[i], false);
		HTML_LIT(h, "</tbody></table>");
	}
	HTML_LIT(h, "</section>");
}

void v_competences_index(struct html *h, const struct v_competences_index *m)
{
	heading1(h, MSG_COMP_TITLE);
	paragraph(h, MSG_COMP_INTRO);
	HTML_LIT(h, "<p>");
	if (m->can_edit) {
		button_link(h, "/competences/new", MSG_COMP_NEW, true);
		button_link(h, "/competences/areas/new", MSG_COMP_AREA_NEW, false);
	}
	button_link(h, "/competences/scales", MSG_COMP_SCALES_LINK, false);
	HTML_LIT(h, "</p>");
	if (m->nareas == 0) {
		paragraph(h, MSG_COMP_EMPTY);
		return;
	}
	search_form(h, m);
	if (m->q && *m->q) {
		search_results(h, m);
		return;
	}
	for (int i = 0; i < m->nareas; i++)
		area_section(h, m, &m->areas[i]);
}

static void detail(struct html *h, enum msg term)
{
	HTML_LIT(h, "<dt>");
	html_msg(h, term);
	HTML_LIT(h, "</dt><dd>");
}

void v_competence_show(struct html *h, const struct v_competence_show *m)
{
	const struct competence *k = m->k;
	struct arena *a = arena_of(h);
	heading1_text(h, k->name);
	HTML_LIT(h, "<p>");
	if (m->can_edit)
		button_link(h, url_path(a, "/competences/%lld/edit", (long long)k->id), MSG_COMP_EDIT,
			    false);
	button_link(h, "/competences", MSG_COMP_BACK, false);
	HTML_LIT(h, "</p>");
	heading2(h, MSG_COMP_DETAILS);
	HTML_LIT(h, "<dl>");
	detail(h, MSG_COMP_FIELD_CODE);
	html_text(h, k->code);
	HTML_LIT(h, "</dd>");
	detail(h, MSG_COMP_FIELD_AREA);
	html_text(h, k->area_name);
	HTML_LIT(h, "</dd>");
	detail(h, MSG_COMP_FIELD_STATUS);
	if (k->active)
		html_msg(h, MSG_COMP_ACTIVE);
	else
		inactive_tag(h);
	HTML_LIT(h, "</dd></dl>");
	heading2(h, MSG_COMP_FIELD_DESCRIPTION);
	if (k->description && *k->description)
		html_markdown(h, k->description, 3);
	else
		paragraph(h, MSG_COMP_NO_DESCRIPTION);
}

/* Select options of areas in tree order, indented by depth. */
static struct v_option *area_options(struct html *h, const struct competence_area *areas, int n)
{
	static const char pad[] = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
				  "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
				  "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0";
	enum { PAD_PER_LEVEL = 3 * 2, PAD_LEVELS = (sizeof pad - 1) / PAD_PER_LEVEL };
	struct arena *a = arena_of(h);
	struct v_option *opts = arena_alloc(a, sizeof *opts * (size_t)(n > 0 ? n : 1));
	if (!opts)
		return NULL;
	for (int i = 0; i < n; i++) {
		int depth = areas[i].depth < 0 ? 0 : areas[i].depth;
		if (depth > PAD_LEVELS)
			depth = PAD_LEVELS;
		opts[i].value = arena_printf(a, "%lld", (long long)areas[i].id);
		opts[i].label = arena_printf(a, "%.*s%s (%s)", depth * PAD_PER_LEVEL, pad,
					     areas[i].name ? areas[i].name : "",
					     areas[i].code ? areas[i].code : "");
	}
	return opts;
}

static void form_buttons(struct html *h, const char *cancel)
{
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_COMP_SAVE, true);
	HTML_LIT(h, " ");
	button_link(h, cancel, MSG_COMP_CANCEL, false);
	HTML_LIT(h, "</p></form>");
}

void v_competence_form(struct html *h, const struct v_competence_form *m)
{
	const struct competence *k = m->k;
	struct arena *a = arena_of(h);
	enum lang l = h->lang;
	if (k->id) {
		HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
		html_msgf(h, MSG_COMP_EDIT_NAMED, m->heading_name ? m->heading_name : "");
		HTML_LIT(h, "</h1>");
	} else {
		heading1(h, MSG_COMP_NEW);
	}
	const struct v_label labels[] = {
		{ "name", msg(l, MSG_COMP_FIELD_NAME) },
		{ "code", msg(l, MSG_COMP_FIELD_CODE) },
		{ "area_id", msg(l, MSG_COMP_FIELD_AREA) },
		{ "description", msg(l, MSG_COMP_FIELD_DESCRIPTION) },
		{ "active", msg(l, MSG_COMP_FIELD_ACTIVE) },
	};
	v_error_summary(h, m->errors, labels, (int)(sizeof labels / sizeof labels[0]));
	if (m->nareas == 0)
		paragraph(h, MSG_COMP_NO_AREAS);
	HTML_LIT(h, "<form method=\"post\" novalidate");
	HTML_URL(h, "action", k->id ? url_path(a, "/competences/%lld", (long long)k->id) : "/competences");
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	v_text_field(h, &(struct v_field){ .name = "name", .label = labels[0].label, .value = k->name,
					   .autocomplete = "off", .maxlength = NAME_MAX_CHARS,
					   .required = true, .errors = m->errors });
	v_text_field(h, &(struct v_field){ .name = "code", .label = labels[1].label,
					   .hint = msg(l, MSG_COMP_CODE_HINT), .value = k->code,
					   .autocomplete = "off", .maxlength = CODE_MAX_CHARS,
					   .required = true, .errors = m->errors });
	const char *area = m->area_text;
	if (!area)
		area = k->area_id ? arena_printf(a, "%lld", (long long)k->area_id) : "";
	struct v_option *opts = area_options(h, m->areas, m->nareas);
	v_select(h, &(struct v_field){ .name = "area_id", .label = labels[2].label, .value = area,
				       .required = true, .errors = m->errors },
		 opts, opts ? m->nareas : 0, msg(l, MSG_COMP_AREA_CHOOSE));
	v_textarea(h, &(struct v_field){ .name = "description", .label = labels[3].label,
					 .hint = msg(l, MSG_COMP_DESCRIPTION_HINT), .value = k->description,
					 .maxlength = COMPETENCE_DESC_MAX_CHARS, .errors = m->errors },
		   8);
	if (k->id)
		v_checkbox(h, &(struct v_field){ .name = "active", .label = labels[4].label,
						 .hint = msg(l, MSG_COMP_ACTIVE_HINT),
						 .value = k->active ? "1" : NULL, .errors = m->errors });
	form_buttons(h, k->id ? url_path(a, "/competences/%lld", (long long)k->id) : "/competences");
}

void v_area_form(struct html *h, const struct v_area_form *m)
{
	const struct competence_area *ar = m->area;
	struct arena *a = arena_of(h);
	enum lang l = h->lang;
	if (ar->id) {
		HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
		html_msgf(h, MSG_COMP_AREA_EDIT_NAMED, m->heading_name ? m->heading_name : "");
		HTML_LIT(h, "</h1>");
	} else {
		heading1(h, MSG_COMP_AREA_NEW);
	}
	const struct v_label labels[] = {
		{ "name", msg(l, MSG_COMP_FIELD_NAME) },
		{ "code", msg(l, MSG_COMP_FIELD_CODE) },
		{ "parent_id", msg(l, MSG_COMP_FIELD_PARENT) },
		{ "description", msg(l, MSG_COMP_FIELD_DESCRIPTION) },
	};
	v_error_summary(h, m->errors, labels, (int)(sizeof labels / sizeof labels[0]));
	HTML_LIT(h, "<form method=\"post\" novalidate");
	HTML_URL(h, "action",
		 ar->id ? url_path(a, "/competences/areas/%lld", (long long)ar->id) : "/competences/areas");
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	v_text_field(h, &(struct v_field){ .name = "name", .label = labels[0].label, .value = ar->name,
					   .autocomplete = "off", .maxlength = NAME_MAX_CHARS,
					   .required = true, .errors = m->errors });
	v_text_field(h, &(struct v_field){ .name = "code", .label = labels[1].label,
					   .hint = msg(l, MSG_COMP_CODE_HINT), .value = ar->code,
					   .autocomplete = "off", .maxlength = CODE_MAX_CHARS,
					   .required = true, .errors = m->errors });
	const char *parent = m->parent_text;
	if (!parent)
		parent = ar->parent_id ? arena_printf(a, "%lld", (long long)ar->parent_id) : "";
	struct v_option *opts = area_options(h, m->parents, m->nparents);
	v_select(h, &(struct v_field){ .name = "parent_id", .label = labels[2].label,
				       .hint = msg(l, MSG_COMP_PARENT_HINT), .value = parent,
				       .errors = m->errors },
		 opts, opts ? m->nparents : 0, msg(l, MSG_COMP_PARENT_NONE));
	v_textarea(h, &(struct v_field){ .name = "description", .label = labels[3].label,
					 .hint = msg(l, MSG_COMP_DESCRIPTION_HINT), .value = ar->description,
					 .maxlength = COMPETENCE_DESC_MAX_CHARS, .errors = m->errors },
		   6);
	form_buttons(h, "/competences");
}

enum msg v_scale_msg(enum scale_kind k)
{
	return k == SCALE_REFLECTION ? MSG_SCALE_REFLECTION : MSG_SCALE_PROFICIENCY;
}

char *v_scale_field(struct arena *a, bool description, int lang, int level)
{
	static const char *const codes[SCALE_LANGS] = { "nb", "nn", "en" };
	return arena_printf(a, "%s_%s_%d", description ? "description" : "name",
			    codes[lang >= 0 && lang < SCALE_LANGS ? lang : 0], level);
}

/* The level's text in the page's language (the domain's order is i18n's). */
static const char *in_lang(struct html *h, char *const texts[SCALE_LANGS])
{
	int i = (int)h->lang;
	return texts[i >= 0 && i < SCALE_LANGS ? i : 0];
}

static void scale_table(struct html *h, const struct scale *s, bool can_edit)
{
	struct arena *a = arena_of(h);
	const char *name = scale_kind_name(s->kind);
	char *hid = arena_printf(a, "scale-%s", name);
	HTML_LIT(h, "<section");
	HTML_ATTR(h, "aria-labelledby", hid);
	HTML_LIT(h, "><h2 class=\"ds-heading\" data-size=\"md\"");
	HTML_ATTR(h, "id", hid);
	HTML_LIT(h, ">");
	html_msg(h, v_scale_msg(s->kind));
	HTML_LIT(h, "</h2><table class=\"ds-table\" data-zebra=\"true\"><caption class=\"ds-sr-only\">");
	html_msg(h, MSG_SCALE_CAPTION);
	HTML_LIT(h, ": ");
	html_msg(h, v_scale_msg(s->kind));
	HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
	html_msg(h, MSG_SCALE_LEVEL);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_SCALE_LEVEL_NAME);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_SCALE_LEVEL_DESCRIPTION);
	HTML_LIT(h, "</th></tr></thead><tbody>");
	for (int i = 0; i < s->n; i++) {
		const struct scale_level *lv = &s->levels[i];
		HTML_LIT(h, "<tr><th scope=\"row\">");
		html_int(h, lv->level);
		HTML_LIT(h, "</th><td>");
		html_text(h, in_lang(h, lv->name));
		HTML_LIT(h, "</td><td>");
		html_text(h, in_lang(h, lv->description));
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	if (can_edit) {
		HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(a, "/competences/scales/%s/edit", name));
		HTML_LIT(h, ">");
		html_msgf(h, MSG_SCALE_EDIT_NAMED, msg(h->lang, v_scale_msg(s->kind)));
		HTML_LIT(h, "</a></p>");
	}
	HTML_LIT(h, "</section>");
}

void v_scales(struct html *h, const struct v_scales *m)
{
	heading1(h, MSG_SCALE_TITLE);
	paragraph(h, MSG_SCALE_INTRO);
	for (int k = 0; k < SCALE_KIND_COUNT; k++)
		scale_table(h, &m->scales[k], m->can_edit);
	HTML_LIT(h, "<p>");
	button_link(h, "/competences", MSG_COMP_BACK, false);
	HTML_LIT(h, "</p>");
}

static const enum msg name_labels[SCALE_LANGS] = { MSG_SCALE_NAME_NB, MSG_SCALE_NAME_NN,
						   MSG_SCALE_NAME_EN };
static const enum msg desc_labels[SCALE_LANGS] = { MSG_SCALE_DESC_NB, MSG_SCALE_DESC_NN,
						   MSG_SCALE_DESC_EN };

void v_scale_form(struct html *h, const struct v_scale_form *m)
{
	const struct scale *s = m->scale;
	struct arena *a = arena_of(h);
	enum lang l = h->lang;
	const char *kind = scale_kind_name(s->kind);
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, MSG_SCALE_EDIT_NAMED, msg(l, v_scale_msg(s->kind)));
	HTML_LIT(h, "</h1>");
	paragraph(h, MSG_SCALE_EDIT_INTRO);

	int nlabels = s->n * 2 * SCALE_LANGS;
	struct v_label *labels = arena_alloc(a, sizeof *labels * (size_t)(nlabels > 0 ? nlabels : 1));
	if (!labels)
		return;
	int k = 0;
	for (int i = 0; i < s->n; i++)
		for (int d = 0; d < 2; d++)
			for (int g = 0; g < SCALE_LANGS; g++)
				labels[k++] = (struct v_label){
					v_scale_field(a, d == 1, g, s->levels[i].level),
					arena_printf(a, "%s %d – %s", msg(l, MSG_SCALE_LEVEL),
						     s->levels[i].level,
						     msg(l, d ? desc_labels[g] : name_labels[g])) };
	v_error_summary(h, m->errors, labels, k);

	HTML_LIT(h, "<form method=\"post\" novalidate");
	HTML_URL(h, "action", url_path(a, "/competences/scales/%s", kind));
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	for (int i = 0; i < s->n; i++) {
		const struct scale_level *lv = &s->levels[i];
		HTML_LIT(h, "<fieldset class=\"ds-fieldset\"><legend class=\"ds-label\">");
		html_msgf(h, MSG_SCALE_LEVEL_N, lv->level);
		HTML_LIT(h, "</legend>");
		for (int g = 0; g < SCALE_LANGS; g++)
			v_text_field(h, &(struct v_field){ .name = v_scale_field(a, false, g, lv->level),
							   .label = msg(l, name_labels[g]),
							   .value = lv->name[g], .autocomplete = "off",
							   .maxlength = SCALE_NAME_MAX_CHARS,
							   .required = true, .errors = m->errors });
		for (int g = 0; g < SCALE_LANGS; g++)
			v_textarea(h, &(struct v_field){ .name = v_scale_field(a, true, g, lv->level),
							 .label = msg(l, desc_labels[g]),
							 .value = lv->description[g],
							 .maxlength = SCALE_DESC_MAX_CHARS, .errors = m->errors },
				   2);
		HTML_LIT(h, "</fieldset>");
	}
	form_buttons(h, "/competences/scales");

	heading2(h, MSG_SCALE_LEVELS_HEADING);
	paragraph(h, MSG_SCALE_LEVELS_HINT);
	if (scale_can_add_level(s->n)) {
		HTML_LIT(h, "<form method=\"post\"");
		HTML_URL(h, "action", url_path(a, "/competences/scales/%s/add", kind));
		HTML_LIT(h, ">");
		v_csrf(h, m->csrf);
		v_submit(h, MSG_SCALE_ADD, false);
		HTML_LIT(h, "</form>");
	}
	if (scale_can_remove_level(s->n)) {
		HTML_LIT(h, "<form method=\"post\"");
		HTML_URL(h, "action", url_path(a, "/competences/scales/%s/remove", kind));
		HTML_LIT(h, ">");
		v_csrf(h, m->csrf);
		v_submit(h, MSG_SCALE_REMOVE, false);
		HTML_LIT(h, "</form>");
	}
}
