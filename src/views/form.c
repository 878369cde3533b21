/* form.c — the shared form pieces (see form.h). Each control is written in
 * the Designsystemet field pattern: .ds-field > label.ds-label,
 * [data-field=description], .ds-input, .ds-validation-message. Errors are
 * shown both inline and in the summary; required fields carry a visible
 * marker and aria-required, not the HTML required attribute, so the server's
 * messages (not the browser's) are what people see. */
#include "views/form.h"

#include <string.h>

enum msg v_problem_msg(enum problem p)
{
	switch (p) {
	case PROB_REQUIRED: return MSG_PROB_REQUIRED;
	case PROB_TOO_LONG: return MSG_PROB_TOO_LONG;
	case PROB_BAD_CODE: return MSG_PROB_BAD_CODE;
	case PROB_BAD_EMAIL: return MSG_PROB_BAD_EMAIL;
	case PROB_BAD_TEXT: return MSG_PROB_BAD_TEXT;
	case PROB_UNKNOWN_REF: return MSG_PROB_UNKNOWN_REF;
	case PROB_CYCLE: return MSG_PROB_CYCLE;
	case PROB_TAKEN: return MSG_PROB_TAKEN;
	case PROB_DUPLICATE: return MSG_PROB_DUPLICATE;
	case PROB_BAD_BOOL: return MSG_PROB_BAD_BOOL;
	case PROB_BAD_NUMBER: return MSG_PROB_BAD_NUMBER;
	case PROB_NOT_ALLOWED: return MSG_PROB_NOT_ALLOWED;
	case PROB_HAS_CHILDREN: return MSG_PROB_HAS_CHILDREN;
	case PROB_BAD_DECIMAL: return MSG_PROB_BAD_DECIMAL;
	case PROB_BAD_DATE: return MSG_PROB_BAD_DATE;
	case PROB_BAD_CHOICE: return MSG_PROB_BAD_CHOICE;
	case PROB_BAD_TIME: return MSG_PROB_BAD_TIME;
	case PROB_LOCKED: return MSG_PROB_LOCKED;
	case PROB_NONE:
	case PROB_COUNT:
		break;
	}
	return MSG_PROB_BAD_TEXT;
}

void v_csrf(struct html *h, const char *csrf)
{
	if (!csrf)
		return;
	HTML_LIT(h, "<input type=\"hidden\" name=\"csrf\"");
	HTML_ATTR(h, "value", csrf);
	HTML_LIT(h, ">");
}

/* The first problem recorded for a field, or PROB_NONE. */
static enum problem field_problem(const struct field_errors *fe, const char *name)
{
	if (!fe || !name)
		return PROB_NONE;
	for (int i = 0; i < fe->n && i < FIELD_ERRORS_MAX; i++)
		if (fe->e[i].field && strcmp(fe->e[i].field, name) == 0)
			return fe->e[i].problem;
	return PROB_NONE;
}

/* The id of field NAME's control "f-NAME", or of its parts with a suffix
 * ("-hint", "-error"), as escaped attribute text. */
static void id_value(struct html *h, const char *name, const char *suffix)
{
	html_text(h, "f-");
	html_text(h, name);
	html_text(h, suffix);
}

static void field_open(struct html *h, const struct v_field *f, const char *extra_class)
{
	HTML_LIT(h, "<div class=\"ds-field");
	if (extra_class)
		html_text(h, extra_class);
	HTML_LIT(h, "\"><label class=\"ds-label\"");
	HTML_LIT(h, " for=\"");
	id_value(h, f->name, "");
	HTML_LIT(h, "\">");
	html_text(h, f->label);
	if (f->required) {
		HTML_LIT(h, " <span class=\"field-required\">");
		html_msg(h, MSG_REQUIRED_MARK);
		HTML_LIT(h, "</span>");
	}
	HTML_LIT(h, "</label>");
	if (f->hint) {
		HTML_LIT(h, "<div data-field=\"description\"");
		HTML_LIT(h, " id=\"");
		id_value(h, f->name, "-hint");
		HTML_LIT(h, "\">");
		html_text(h, f->hint);
		HTML_LIT(h, "</div>");
	}
}

/* aria-invalid, aria-describedby and aria-required of a control. */
static void control_aria(struct html *h, const struct v_field *f, enum problem p)
{
	if (p != PROB_NONE)
		HTML_LIT(h, " aria-invalid=\"true\"");
	if (f->hint || p != PROB_NONE) {
		HTML_LIT(h, " aria-describedby=\"");
		if (f->hint)
			id_value(h, f->name, "-hint");
		if (f->hint && p != PROB_NONE)
			HTML_LIT(h, " ");
		if (p != PROB_NONE)
			id_value(h, f->name, "-error");
		HTML_LIT(h, "\"");
	}
	if (f->required)
		HTML_LIT(h, " aria-required=\"true\"");
}

static void field_close(struct html *h, const struct v_field *f, enum problem p)
{
	if (p != PROB_NONE) {
		HTML_LIT(h, "<p class=\"ds-validation-message\"");
		HTML_LIT(h, " id=\"");
		id_value(h, f->name, "-error");
		HTML_LIT(h, "\">");
		html_msg(h, v_problem_msg(p));
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "</div>\n");
}

static void control_name(struct html *h, const struct v_field *f)
{
	HTML_LIT(h, " id=\"");
	id_value(h, f->name, "");
	HTML_LIT(h, "\"");
	HTML_ATTR(h, "name", f->name);
}

void v_text_field(struct html *h, const struct v_field *f)
{
	enum problem p = field_problem(f->errors, f->name);
	field_open(h, f, NULL);
	HTML_LIT(h, "<input class=\"ds-input\"");
	HTML_ATTR(h, "type", f->type ? f->type : "text");
	control_name(h, f);
	HTML_ATTR(h, "value", f->value ? f->value : "");
	if (f->autocomplete)
		HTML_ATTR(h, "autocomplete", f->autocomplete);
	if (f->inputmode)
		HTML_ATTR(h, "inputmode", f->inputmode);
	if (f->maxlength > 0)
		HTML_ATTR_INT(h, "maxlength", f->maxlength);
	control_aria(h, f, p);
	HTML_LIT(h, ">");
	field_close(h, f, p);
}

void v_textarea(struct html *h, const struct v_field *f, int rows)
{
	enum problem p = field_problem(f->errors, f->name);
	field_open(h, f, NULL);
	HTML_LIT(h, "<textarea class=\"ds-input\"");
	control_name(h, f);
	HTML_ATTR_INT(h, "rows", rows > 0 ? rows : 4);
	if (f->maxlength > 0)
		HTML_ATTR_INT(h, "maxlength", f->maxlength);
	control_aria(h, f, p);
	/* parsers drop one newline right after <textarea>; writing one keeps a
	 * value's own leading newline */
	HTML_LIT(h, ">\n");
	html_text(h, f->value);
	HTML_LIT(h, "</textarea>");
	field_close(h, f, p);
}

void v_select(struct html *h, const struct v_field *f, const struct v_option *opts, int n,
	      const char *empty_label)
{
	enum problem p = field_problem(f->errors, f->name);
	field_open(h, f, NULL);
	HTML_LIT(h, "<select class=\"ds-input\"");
	control_name(h, f);
	control_aria(h, f, p);
	HTML_LIT(h, ">");
	if (empty_label) {
		HTML_LIT(h, "<option value=\"\">");
		html_text(h, empty_label);
		HTML_LIT(h, "</option>");
	}
	for (int i = 0; i < n; i++) {
		HTML_LIT(h, "<option");
		HTML_ATTR(h, "value", opts[i].value);
		if (f->value && opts[i].value && strcmp(f->value, opts[i].value) == 0)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, opts[i].label);
		HTML_LIT(h, "</option>");
	}
	HTML_LIT(h, "</select>");
	field_close(h, f, p);
}

void v_checkbox(struct html *h, const struct v_field *f)
{
	enum problem p = field_problem(f->errors, f->name);
	bool checked = f->value && *f->value && strcmp(f->value, "0") != 0;
	HTML_LIT(h, "<div class=\"ds-field\"><input class=\"ds-input\" type=\"checkbox\" value=\"1\"");
	control_name(h, f);
	if (checked)
		HTML_LIT(h, " checked");
	control_aria(h, f, p);
	HTML_LIT(h, "><label class=\"ds-label\"");
	HTML_LIT(h, " for=\"");
	id_value(h, f->name, "");
	HTML_LIT(h, "\">");
	html_text(h, f->label);
	HTML_LIT(h, "</label>");
	if (f->hint) {
		HTML_LIT(h, "<div data-field=\"description\"");
		HTML_LIT(h, " id=\"");
		id_value(h, f->name, "-hint");
		HTML_LIT(h, "\">");
		html_text(h, f->hint);
		HTML_LIT(h, "</div>");
	}
	field_close(h, f, p);
}

void v_error_summary(struct html *h, const struct field_errors *fe, const struct v_label *labels,
		     int nlabels)
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
		for (int j = 0; j < nlabels && e->field; j++)
			if (labels[j].field && strcmp(labels[j].field, e->field) == 0)
				label = labels[j].label;
		HTML_LIT(h, "<li>");
		if (label) {
			HTML_LIT(h, "<a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(h->b->arena, "#f-%s", e->field));
			HTML_LIT(h, ">");
			html_msgf(h, MSG_FIELD_PROBLEM, label, msg(h->lang, v_problem_msg(e->problem)));
			HTML_LIT(h, "</a>");
		} else {
			html_msg(h, v_problem_msg(e->problem));
		}
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul></div>\n");
}

void v_submit(struct html *h, enum msg label, bool primary)
{
	if (primary)
		HTML_LIT(h, "<button type=\"submit\" class=\"ds-button\" data-variant=\"primary\">");
	else
		HTML_LIT(h, "<button type=\"submit\" class=\"ds-button\" data-variant=\"secondary\">");
	html_msg(h, label);
	HTML_LIT(h, "</button>");
}
