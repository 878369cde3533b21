/* import.c — the CSV import page: a result panel or the errors of the last
 * upload at the top, the upload form (kind as a radio group, the file, the
 * "check only" box), and the rules of the two kinds of file with a table of
 * their columns (from import_columns, so the page cannot drift from the
 * parser) and links to example files. Each file error becomes a table row:
 * line, column, and the catalogue text of its problem followed by what the
 * plan says about it (the value, the line it repeats, the cycle). Cell values
 * are shortened and, like everything else, escaped by html_text. */
#include "views/import.h"

#include <string.h>
#include "base/arena.h"
#include "views/form.h"

enum { VALUE_SHOWN = 80 };   /* bytes of a cell value quoted in a message */

static void heading2(struct html *h, enum msg m)
{
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">");
	html_msg(h, m);
	HTML_LIT(h, "</h2>");
}

static bool kind_is(const struct v_import_page *m, const char *kind)
{
	return m->kind && strcmp(m->kind, kind) == 0;
}

/* ---- result and errors ---- */

static void count_item(struct html *h, int n, enum msg word, bool last)
{
	html_num(h, n);
	HTML_LIT(h, " ");
	html_msg(h, word);
	if (last)
		HTML_LIT(h, ".");
	else
		HTML_LIT(h, ", ");
}

static void result_panel(struct html *h, const struct v_import_page *m)
{
	if (m->dry_run)
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"info\" role=\"status\">");
	else
		HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"success\" role=\"status\">");
	HTML_LIT(h, "<p class=\"ds-paragraph\"><strong>");
	html_msg(h, m->dry_run ? MSG_IMPORT_CHECKED : MSG_IMPORT_DONE);
	HTML_LIT(h, "</strong> ");
	count_item(h, m->created, m->dry_run ? MSG_IMPORT_N_WOULD_CREATE : MSG_IMPORT_N_CREATED, false);
	count_item(h, m->updated, m->dry_run ? MSG_IMPORT_N_WOULD_UPDATE : MSG_IMPORT_N_UPDATED, false);
	count_item(h, m->unchanged, MSG_IMPORT_N_UNCHANGED, true);
	HTML_LIT(h, "</p>");
	if (m->dry_run) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_msg(h, MSG_IMPORT_SAVE_HINT);
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\"><a class=\"ds-link\"");
	if (kind_is(m, "people")) {
		HTML_URL(h, "href", "/people");
		HTML_LIT(h, ">");
		html_msg(h, MSG_IMPORT_GO_PEOPLE);
	} else if (kind_is(m, "goals")) {
		HTML_URL(h, "href", "/units");
		HTML_LIT(h, ">");
		html_msg(h, MSG_IMPORT_GO_UNIT_GOALS);
	} else if (kind_is(m, "competences")) {
		HTML_URL(h, "href", "/competences");
		HTML_LIT(h, ">");
		html_msg(h, MSG_IMPORT_GO_COMPETENCES);
	} else {
		HTML_URL(h, "href", "/units");
		HTML_LIT(h, ">");
		html_msg(h, MSG_IMPORT_GO_UNITS);
	}
	HTML_LIT(h, "</a></p></div>\n");
}

static void file_error_summary(struct html *h, const struct import_errors *errs)
{
	int total = import_error_total(errs);
	HTML_LIT(h, "<div class=\"ds-error-summary\" role=\"alert\" tabindex=\"-1\" autofocus>"
		    "<h2 class=\"ds-heading\" data-size=\"xs\">");
	html_msg(h, MSG_IMPORT_FAILED_HEADING);
	HTML_LIT(h, "</h2><p class=\"ds-paragraph\">");
	html_num(h, total);
	HTML_LIT(h, " ");
	html_msg(h, total == 1 ? MSG_IMPORT_ERRORS_ONE : MSG_IMPORT_ERRORS_MANY);
	HTML_LIT(h, " ");
	html_msg(h, MSG_IMPORT_ERRORS_FIX);
	HTML_LIT(h, "</p><p class=\"ds-paragraph\"><a class=\"ds-link\" href=\"#import-errors\">");
	html_msg(h, MSG_IMPORT_ERRORS_LINK);
	HTML_LIT(h, "</a></p></div>\n");
}

/* " Value: «v»." with v cut at a character boundary after VALUE_SHOWN bytes. */
static void detail_value(struct html *h, const char *v)
{
	if (!v || !*v)
		return;
	size_t cut = 0;
	while (v[cut] && (cut < VALUE_SHOWN || ((unsigned char)v[cut] & 0xc0) == 0x80))
		cut++;
	const char *shown = v;
	if (v[cut])
		shown = arena_printf(h->b->arena, "%.*s…", (int)cut, v);
	HTML_LIT(h, " ");
	html_msgf(h, MSG_IMPORT_DETAIL_VALUE, shown ? shown : "");
}

static enum msg fault_msg(enum import_file_fault f)
{
	switch (f) {
	case IMPORT_FILE_ENCODING: return MSG_IMPORT_FAULT_ENCODING;
	case IMPORT_FILE_QUOTE: return MSG_IMPORT_FAULT_QUOTE;
	case IMPORT_FILE_EMPTY: return MSG_IMPORT_FAULT_EMPTY;
	case IMPORT_FILE_OK:
		break;
	}
	return MSG_PROB_BAD_TEXT;
}

static void error_message(struct html *h, const struct import_error *e, enum import_file_fault fault)
{
	if (e->in_header) {
		html_msg(h, e->problem == PROB_DUPLICATE ? MSG_IMPORT_HEADER_TWICE : MSG_IMPORT_HEADER_MISSING);
		return;
	}
	if (!e->column) {
		/* the file as a whole; the plan's detail is an English sentence */
		html_msg(h, fault_msg(fault));
		return;
	}
	html_msg(h, v_problem_msg(e->problem));
	switch (e->problem) {
	case PROB_REQUIRED:
		break;
	case PROB_CYCLE:
		if (e->detail) {
			HTML_LIT(h, " ");
			html_msgf(h, MSG_IMPORT_DETAIL_CYCLE, e->detail);
		}
		break;
	case PROB_DUPLICATE:
		detail_value(h, e->detail);
		if (e->other_line > 0) {
			HTML_LIT(h, " ");
			bool area = strcmp(e->column, "area_name") == 0 ||
				    strcmp(e->column, "parent_area_code") == 0;
			html_msgf(h, area ? MSG_IMPORT_DETAIL_AREA_DIFFERS : MSG_IMPORT_DETAIL_SAME_AS,
				  e->other_line);
		}
		break;
	case PROB_UNKNOWN_REF:
		detail_value(h, e->detail);
		if (strcmp(e->column, "leader_employee_number") == 0) {
			HTML_LIT(h, " ");
			html_msg(h, MSG_IMPORT_DETAIL_PEOPLE_FIRST);
		} else if (strcmp(e->column, "unit_code") == 0) {
			HTML_LIT(h, " ");
			html_msg(h, MSG_IMPORT_DETAIL_UNITS_FIRST);
		}
		break;
	default:
		detail_value(h, e->detail);
		break;
	}
}

static void error_table(struct html *h, const struct v_import_page *m)
{
	const struct import_errors *errs = m->file_errors;
	int shown = errs->n < V_IMPORT_ERRORS_SHOWN ? errs->n : V_IMPORT_ERRORS_SHOWN;
	HTML_LIT(h, "<div class=\"table-scroll\" id=\"import-errors\" role=\"region\" tabindex=\"0\""
		    " aria-labelledby=\"import-errors-caption\">"
		    "<table class=\"ds-table\" data-zebra=\"true\"><caption id=\"import-errors-caption\">");
	html_msg(h, MSG_IMPORT_ERRORS_CAPTION);
	HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
	html_msg(h, MSG_IMPORT_ERR_LINE);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_IMPORT_ERR_COLUMN);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_IMPORT_ERR_MESSAGE);
	HTML_LIT(h, "</th></tr></thead><tbody>");
	for (int i = 0; i < shown; i++) {
		const struct import_error *e = &errs->e[i];
		HTML_LIT(h, "<tr><th scope=\"row\">");
		if (e->line > 0)
			html_num(h, e->line);
		else
			html_msg(h, MSG_IMPORT_ERR_WHOLE_FILE);
		HTML_LIT(h, "</th><td>");
		if (e->column) {
			HTML_LIT(h, "<code>");
			html_text(h, e->column);
			HTML_LIT(h, "</code>");
		}
		HTML_LIT(h, "</td><td>");
		error_message(h, e, m->fault);
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table></div>\n");
	int rest = import_error_total(errs) - shown;
	if (rest > 0) {
		HTML_LIT(h, "<p class=\"ds-paragraph\">");
		html_num(h, rest);
		HTML_LIT(h, " ");
		html_msg(h, rest == 1 ? MSG_IMPORT_MORE_ONE : MSG_IMPORT_MORE_MANY);
		HTML_LIT(h, "</p>\n");
	}
}

/* ---- the form ---- */

/* The first problem of field name in fe, or PROB_NONE. */
static enum problem problem_of(const struct field_errors *fe, const char *name)
{
	for (int i = 0; fe && i < fe->n; i++)
		if (fe->e[i].field && strcmp(fe->e[i].field, name) == 0)
			return fe->e[i].problem;
	return PROB_NONE;
}

static void required_mark(struct html *h)
{
	HTML_LIT(h, " <span class=\"field-required\">");
	html_msg(h, MSG_REQUIRED_MARK);
	HTML_LIT(h, "</span>");
}

static void validation_message(struct html *h, const char *id, enum problem p)
{
	HTML_LIT(h, "<p class=\"ds-validation-message\"");
	HTML_ATTR(h, "id", id);
	HTML_LIT(h, ">");
	html_msg(h, v_problem_msg(p));
	HTML_LIT(h, "</p>");
}

/* One radio of the kind group; the first one has the group's id "f-kind",
 * where the error summary links. */
static void kind_radio(struct html *h, const struct v_import_page *m, const char *value, const char *id,
		       enum msg label, bool invalid)
{
	HTML_LIT(h, "<div class=\"ds-field\"><input class=\"ds-input\" type=\"radio\" name=\"kind\"");
	HTML_ATTR(h, "id", id);
	HTML_ATTR(h, "value", value);
	if (kind_is(m, value))
		HTML_LIT(h, " checked");
	if (invalid)
		HTML_LIT(h, " aria-invalid=\"true\"");
	HTML_LIT(h, "><label class=\"ds-label\"");
	HTML_ATTR(h, "for", id);
	HTML_LIT(h, ">");
	html_msg(h, label);
	HTML_LIT(h, "</label></div>");
}

static void kind_group(struct html *h, const struct v_import_page *m)
{
	enum problem p = problem_of(m->errors, "kind");
	HTML_LIT(h, "<fieldset class=\"ds-fieldset\"");
	if (p != PROB_NONE)
		HTML_LIT(h, " aria-describedby=\"f-kind-error\"");
	HTML_LIT(h, "><legend class=\"ds-label\">");
	html_msg(h, MSG_IMPORT_KIND_LEGEND);
	required_mark(h);
	HTML_LIT(h, "</legend>");
	if (p != PROB_NONE)
		validation_message(h, "f-kind-error", p);
	kind_radio(h, m, "units", "f-kind", MSG_IMPORT_KIND_UNITS, p != PROB_NONE);
	kind_radio(h, m, "people", "f-kind-people", MSG_IMPORT_KIND_PEOPLE, p != PROB_NONE);
	kind_radio(h, m, "competences", "f-kind-competences", MSG_IMPORT_KIND_COMPETENCES, p != PROB_NONE);
	kind_radio(h, m, "goals", "f-kind-goals", MSG_IMPORT_KIND_GOALS, p != PROB_NONE);
	HTML_LIT(h, "</fieldset>\n");
}

static void file_field(struct html *h, const struct v_import_page *m)
{
	enum problem p = problem_of(m->errors, "file");
	HTML_LIT(h, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"f-file\">");
	html_msg(h, MSG_IMPORT_FILE_LABEL);
	required_mark(h);
	HTML_LIT(h, "</label><div data-field=\"description\" id=\"f-file-hint\">");
	html_msg(h, MSG_IMPORT_FILE_HINT);
	HTML_LIT(h, " ");
	html_num(h, (int64_t)(m->max_bytes / (1024 * 1024)));
	HTML_LIT(h, "</div><input class=\"ds-input\" type=\"file\" id=\"f-file\" name=\"file\""
		    " accept=\".csv,text/csv\" aria-required=\"true\"");
	if (p != PROB_NONE)
		HTML_LIT(h, " aria-invalid=\"true\" aria-describedby=\"f-file-hint f-file-error\">");
	else
		HTML_LIT(h, " aria-describedby=\"f-file-hint\">");
	if (p != PROB_NONE)
		validation_message(h, "f-file-error", p);
	HTML_LIT(h, "</div>\n");
}

static void upload_form(struct html *h, const struct v_import_page *m)
{
	enum lang l = h->lang;
	heading2(h, MSG_IMPORT_FORM_HEADING);
	HTML_LIT(h, "<form class=\"form-stack\" method=\"post\" enctype=\"multipart/form-data\" novalidate");
	HTML_URL(h, "action", "/import");
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	kind_group(h, m);
	file_field(h, m);
	v_checkbox(h, &(struct v_field){ .name = "dry_run", .label = msg(l, MSG_IMPORT_DRY_RUN),
					 .hint = msg(l, MSG_IMPORT_DRY_RUN_HINT),
					 .value = m->dry_run ? "1" : NULL });
	HTML_LIT(h, "<p>");
	v_submit(h, MSG_IMPORT_SUBMIT, true);
	HTML_LIT(h, "</p></form>\n");
}

/* ---- the rules ---- */

static enum msg column_content(enum import_kind k, const char *name)
{
	static const struct { enum import_kind kind; const char *name; enum msg m; } texts[] = {
		{ IMPORT_UNITS, "code", MSG_IMPORT_COL_UNIT_CODE },
		{ IMPORT_UNITS, "name", MSG_IMPORT_COL_UNIT_NAME },
		{ IMPORT_UNITS, "parent_code", MSG_IMPORT_COL_PARENT_CODE },
		{ IMPORT_UNITS, "leader_employee_number", MSG_IMPORT_COL_LEADER },
		{ IMPORT_PEOPLE, "employee_number", MSG_IMPORT_COL_NUMBER },
		{ IMPORT_PEOPLE, "name", MSG_IMPORT_COL_PERSON_NAME },
		{ IMPORT_PEOPLE, "email", MSG_IMPORT_COL_EMAIL },
		{ IMPORT_PEOPLE, "unit_code", MSG_IMPORT_COL_UNIT },
		{ IMPORT_PEOPLE, "job_title", MSG_IMPORT_COL_JOB_TITLE },
		{ IMPORT_PEOPLE, "active", MSG_IMPORT_COL_ACTIVE },
		{ IMPORT_GOALS, "cycle", MSG_IMPORT_COL_GOAL_CYCLE },
		{ IMPORT_GOALS, "unit_code", MSG_IMPORT_COL_GOAL_UNIT },
		{ IMPORT_GOALS, "goal_code", MSG_IMPORT_COL_GOAL_CODE },
		{ IMPORT_GOALS, "title", MSG_IMPORT_COL_GOAL_TITLE },
		{ IMPORT_GOALS, "contribution", MSG_IMPORT_COL_GOAL_CONTRIBUTION },
		{ IMPORT_COMPETENCES, "area_code", MSG_IMPORT_COL_AREA_CODE },
		{ IMPORT_COMPETENCES, "area_name", MSG_IMPORT_COL_AREA_NAME },
		{ IMPORT_COMPETENCES, "parent_area_code", MSG_IMPORT_COL_PARENT_AREA },
		{ IMPORT_COMPETENCES, "code", MSG_IMPORT_COL_COMPETENCE_CODE },
		{ IMPORT_COMPETENCES, "name", MSG_IMPORT_COL_COMPETENCE_NAME },
		{ IMPORT_COMPETENCES, "description", MSG_IMPORT_COL_COMPETENCE_DESC },
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (texts[i].kind == k && strcmp(texts[i].name, name) == 0)
			return texts[i].m;
	return MSG_IMPORT_COLUMN;
}

/* The texts of each kind's rules: heading, table caption, example link and file. */
static const struct {
	enum msg heading, caption, example;
	const char *file;
} kind_texts[] = {
	[IMPORT_UNITS] = { MSG_IMPORT_UNITS_HEADING, MSG_IMPORT_COLUMNS_CAPTION_UNITS,
			   MSG_IMPORT_EXAMPLE_UNITS, V_IMPORT_EXAMPLE_UNITS },
	[IMPORT_PEOPLE] = { MSG_IMPORT_PEOPLE_HEADING, MSG_IMPORT_COLUMNS_CAPTION_PEOPLE,
			    MSG_IMPORT_EXAMPLE_PEOPLE, V_IMPORT_EXAMPLE_PEOPLE },
	[IMPORT_COMPETENCES] = { MSG_IMPORT_COMPETENCES_HEADING, MSG_IMPORT_COLUMNS_CAPTION_COMPETENCES,
				 MSG_IMPORT_EXAMPLE_COMPETENCES, V_IMPORT_EXAMPLE_COMPETENCES },
	[IMPORT_GOALS] = { MSG_IMPORT_GOALS_HEADING, MSG_IMPORT_COLUMNS_CAPTION_GOALS,
			   MSG_IMPORT_EXAMPLE_GOALS, V_IMPORT_EXAMPLE_GOALS },
};

/* A heading, the header line to copy, the columns as a table, the example. */
static void kind_rules(struct html *h, enum import_kind k)
{
	int n;
	const struct import_column *cols = import_columns(k, &n);
	heading2(h, kind_texts[k].heading);
	HTML_LIT(h, "<p class=\"ds-paragraph\"><code>");
	for (int i = 0; i < n; i++) {
		if (i)
			HTML_LIT(h, ",");
		html_text(h, cols[i].name);
	}
	HTML_LIT(h, "</code></p><div class=\"table-scroll\"><table class=\"ds-table\" data-size=\"sm\">"
		    "<caption class=\"ds-sr-only\">");
	html_msg(h, kind_texts[k].caption);
	HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
	html_msg(h, MSG_IMPORT_COLUMN);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_IMPORT_COLUMN_REQUIRED);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_IMPORT_COLUMN_CONTENT);
	HTML_LIT(h, "</th></tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		HTML_LIT(h, "<tr><th scope=\"row\"><code>");
		html_text(h, cols[i].name);
		HTML_LIT(h, "</code></th><td>");
		html_msg(h, cols[i].required ? MSG_YES : MSG_NO);
		HTML_LIT(h, "</td><td>");
		html_msg(h, column_content(k, cols[i].name));
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table></div><p class=\"ds-paragraph\"><a class=\"ds-link\" download");
	HTML_URL(h, "href", kind_texts[k].file);
	HTML_LIT(h, ">");
	html_msg(h, kind_texts[k].example);
	HTML_LIT(h, "</a></p>\n");
}

static void rules(struct html *h)
{
	static const enum msg items[] = {
		MSG_IMPORT_RULE_FORMAT, MSG_IMPORT_RULE_HEADER, MSG_IMPORT_RULE_UPSERT,
		MSG_IMPORT_RULE_ABSENT, MSG_IMPORT_RULE_ALL_OR_NOTHING, MSG_IMPORT_RULE_ORDER,
	};
	heading2(h, MSG_IMPORT_RULES_HEADING);
	HTML_LIT(h, "<ul class=\"ds-list\">");
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		HTML_LIT(h, "<li>");
		html_msg(h, items[i]);
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>\n");
	kind_rules(h, IMPORT_UNITS);
	kind_rules(h, IMPORT_PEOPLE);
	kind_rules(h, IMPORT_COMPETENCES);
	kind_rules(h, IMPORT_GOALS);
}

void v_import_page(struct html *h, const struct v_import_page *m)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msg(h, MSG_IMPORT_TITLE);
	HTML_LIT(h, "</h1>\n");
	const struct v_label labels[] = {
		{ "kind", msg(h->lang, MSG_IMPORT_KIND_LEGEND) },
		{ "file", msg(h->lang, MSG_IMPORT_FILE_LABEL) },
	};
	v_error_summary(h, m->errors, labels, (int)(sizeof labels / sizeof labels[0]));
	if (m->done)
		result_panel(h, m);
	if (m->file_errors && import_error_total(m->file_errors) > 0) {
		file_error_summary(h, m->file_errors);
		error_table(h, m);
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, MSG_IMPORT_INTRO);
	HTML_LIT(h, "</p>\n");
	upload_form(h, m);
	rules(h);
}
