/* blocks.c — headings, paragraphs and link paragraphs in the design
 * system's classes (see blocks.h). */
#include "views/blocks.h"

#include "base/arena.h"
#include "views/form.h"

void v_block_h1(struct html *h, enum msg m)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, m);
	HTML_LIT(h, "</h1>\n");
}

void v_block_h2(struct html *h, enum msg m, const char *id)
{
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\"");
	if (id)
		HTML_ATTR(h, "id", id);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</h2>\n");
}

void v_block_h3(struct html *h, enum msg m)
{
	HTML_LIT(h, "<h3 class=\"ds-heading\" data-size=\"sm\">");
	html_msg(h, m);
	HTML_LIT(h, "</h3>\n");
}

void v_block_para(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>\n");
}

void v_block_link_p(struct html *h, const char *href, enum msg m)
{
	HTML_LIT(h, "<p><a class=\"ds-link\"");
	HTML_URL(h, "href", href);
	HTML_LIT(h, ">");
	html_msg(h, m);
	HTML_LIT(h, "</a></p>\n");
}

void v_block_alert(struct html *h, enum msg m)
{
	HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"info\" role=\"status\"><p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p></div>\n");
}

void v_block_unit_head(struct html *h, enum msg m, const char *unit, enum msg cycle_m, const char *cycle,
		       const char *back_href, enum msg back)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, m, unit);
	HTML_LIT(h, "</h1>\n<p class=\"ds-paragraph\">");
	html_msgf(h, cycle_m, cycle);
	HTML_LIT(h, " · <a class=\"ds-link\"");
	HTML_URL(h, "href", back_href);
	HTML_LIT(h, ">");
	html_msg(h, back);
	HTML_LIT(h, "</a></p>\n");
}

void v_block_purpose(struct html *h, const struct phase_text *t, enum msg purpose_m, enum msg questions_m)
{
	if (!t)
		return;
	v_block_h2(h, purpose_m, NULL);
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_text(h, t->purpose);
	HTML_LIT(h, "</p>\n");
	v_block_h2(h, questions_m, NULL);
	char **items;
	int n;
	text_lines(h->b->arena, t->key_questions, &items, &n);
	HTML_LIT(h, "<ul class=\"ds-list\">");
	for (int i = 0; i < n; i++) {
		HTML_LIT(h, "<li>");
		html_text(h, items[i]);
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>\n");
}

void v_block_unit_goals(struct html *h, const struct unit_goal *g, int n, enum msg none)
{
	if (n == 0) {
		v_block_para(h, none);
		return;
	}
	HTML_LIT(h, "<ul class=\"ds-list\">");
	for (int i = 0; i < n; i++) {
		HTML_LIT(h, "<li>");
		html_text(h, g[i].title);
		if (g[i].goal_code) {
			HTML_LIT(h, " (");
			html_text(h, g[i].goal_code);
			HTML_LIT(h, ")");
		}
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>\n");
}

void v_block_thead(struct html *h, enum msg caption, const struct v_col *cols, int n)
{
	HTML_LIT(h, "<caption>");
	html_msg(h, caption);
	HTML_LIT(h, "</caption><thead><tr>");
	for (int i = 0; i < n; i++) {
		if (cols[i].num)
			HTML_LIT(h, "<th scope=\"col\" class=\"num\">");
		else
			HTML_LIT(h, "<th scope=\"col\">");
		html_msg(h, cols[i].m);
		HTML_LIT(h, "</th>");
	}
	HTML_LIT(h, "</tr></thead><tbody>\n");
}

void v_block_post_form(struct html *h, const char *action, const char *csrf)
{
	HTML_LIT(h, "<form method=\"post\"");
	HTML_URL(h, "action", action);
	HTML_LIT(h, ">");
	v_csrf(h, csrf);
}

void v_block_checks_open(struct html *h, const char *field, const struct field_errors *errors, enum msg legend,
			 enum msg problem)
{
	struct arena *a = h->b->arena;
	bool bad = errors && field_errors_has(errors, field);
	const char *id = arena_printf(a, "f-%s", field), *err_id = arena_printf(a, "f-%s-error", field);
	HTML_LIT(h, "<fieldset class=\"ds-fieldset\"");
	HTML_ATTR(h, "id", id);
	if (bad)
		HTML_ATTR(h, "aria-describedby", err_id);
	HTML_LIT(h, "><legend class=\"ds-label\">");
	html_msg(h, legend);
	HTML_LIT(h, "</legend>");
	if (bad) {
		HTML_LIT(h, "<p class=\"ds-validation-message\"");
		HTML_ATTR(h, "id", err_id);
		HTML_LIT(h, " data-color=\"danger\">");
		html_msg(h, problem);
		HTML_LIT(h, "</p>");
	}
}

void v_block_check_open(struct html *h, const char *name, int64_t id, bool checked)
{
	const char *fid = arena_printf(h->b->arena, "f-%s-%lld", name, (long long)id);
	HTML_LIT(h, "<div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\"");
	HTML_ATTR(h, "name", name);
	HTML_ATTR(h, "id", fid);
	HTML_ATTR_INT(h, "value", id);
	if (checked)
		HTML_LIT(h, " checked");
	HTML_LIT(h, "><label class=\"ds-label\" data-weight=\"regular\"");
	HTML_ATTR(h, "for", fid);
	HTML_LIT(h, ">");
}

void v_block_check_close(struct html *h)
{
	HTML_LIT(h, "</label></div>");
}

void v_block_cancel(struct html *h, const char *href)
{
	HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"tertiary\"");
	HTML_URL(h, "href", href);
	HTML_LIT(h, ">");
	html_msg(h, MSG_CANCEL);
	HTML_LIT(h, "</a>");
}
