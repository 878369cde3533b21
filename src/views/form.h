/* form.h — the pieces every form page is built from, so that all forms look
 * and behave the same: a field is a Designsystemet .ds-field with a label,
 * an optional description, the control and, when the field has a problem,
 * an inline message the control points to (aria-invalid, aria-describedby).
 * The error summary at the top of a form lists the problems as links to the
 * fields. Controls get id "f-NAME" for field NAME.
 * Labels and descriptions are translated text (msg(h->lang, id)), so a
 * page may also use a name from the data as a label; NULL means none. */
#ifndef EVNE_VIEWS_FORM_H
#define EVNE_VIEWS_FORM_H

#include <stdbool.h>
#include "domain/validate.h"
#include "html/html.h"

/* The catalogue text for a validation problem (MSG_PROB_REQUIRED and on). */
enum msg v_problem_msg(enum problem p);

/* <input type="hidden" name="csrf" value="...">; nothing when csrf is NULL. */
void v_csrf(struct html *h, const char *csrf);

struct v_field {
	const char *name;          /* form field name, as in JSON and CSV */
	const char *label;
	const char *hint;          /* description under the label, or NULL */
	const char *value;         /* current value, or NULL */
	const char *type;          /* input type: NULL is "text"; "email", "number", "date", "password"... */
	const char *autocomplete;  /* or NULL */
	const char *inputmode;     /* or NULL */
	int maxlength;             /* 0: none */
	bool required;             /* "(påkrevd)" after the label, aria-required */
	const struct field_errors *errors;   /* the form's problems, or NULL */
};

void v_text_field(struct html *h, const struct v_field *f);
/* A <textarea> with the same parts (type and autocomplete are not used). */
void v_textarea(struct html *h, const struct v_field *f, int rows);

struct v_option {
	const char *value;
	const char *label;
};

/* A <select>. The option whose value equals f->value is selected. When
 * empty_label is not NULL, an option with value "" and that text comes first. */
void v_select(struct html *h, const struct v_field *f, const struct v_option *opts, int n,
	      const char *empty_label);

/* A checkbox with value "1" (unchecked sends nothing); f->value non-NULL and
 * not "" or "0" means checked. */
void v_checkbox(struct html *h, const struct v_field *f);

struct v_label {
	const char *field;         /* field name */
	const char *label;         /* its label text */
};

/* The error summary, when fe holds any problem: role="alert", focused on
 * load, a heading and one link "Label: problem" per problem to #f-FIELD.
 * Fields missing from labels are listed by problem alone, without a link. */
void v_error_summary(struct html *h, const struct field_errors *fe, const struct v_label *labels,
		     int nlabels);

/* <button type="submit" class="ds-button">; primary, or secondary when not. */
void v_submit(struct html *h, enum msg label, bool primary);

#endif
