/* documents.c — the documents pages (see documents.h). Markdown versions
 * are written through html_markdown, so a document's text cannot inject
 * markup; uploaded files are offered as download links with their name,
 * type and size, never shown inline. The reading list puts what is unread
 * or new first in words ("Ikke lest", "Ny versjon"), never in colour alone. */
#include "views/documents.h"

#include <string.h>
#include "base/arena.h"
#include "html/markdown.h"

enum msg v_doc_kind_msg(enum doc_kind k)
{
	switch (k) {
	case DOC_LEADER_GUIDE: return MSG_DOC_KIND_LEADER_GUIDE;
	case DOC_AID: return MSG_DOC_KIND_AID;
	case DOC_STRATEGY: return MSG_DOC_KIND_STRATEGY;
	case DOC_OTHER:
	case DOC_KIND_COUNT:
		break;
	}
	return MSG_DOC_KIND_OTHER;
}

static void heading1(struct html *h, const char *text)
{
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_text(h, text);
	HTML_LIT(h, "</h1>");
}

static void heading2(struct html *h, enum msg m)
{
	HTML_LIT(h, "<h2 class=\"ds-heading\" data-size=\"md\">");
	html_msg(h, m);
	HTML_LIT(h, "</h2>");
}

static void paragraph(struct html *h, enum msg m)
{
	HTML_LIT(h, "<p class=\"ds-paragraph\">");
	html_msg(h, m);
	HTML_LIT(h, "</p>");
}

static void doc_link(struct html *h, int64_t id, const char *title)
{
	HTML_LIT(h, "<a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(h->b->arena, "/documents/%lld", (long long)id));
	HTML_LIT(h, ">");
	html_text(h, title);
	HTML_LIT(h, "</a>");
}

static void state_tag(struct html *h, enum read_state s)
{
	switch (s) {
	case READ_CONFIRMED:
		HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"success\">");
		html_msg(h, MSG_READ_STATE_CONFIRMED);
		break;
	case READ_NEW_VERSION:
		HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"warning\">");
		html_msg(h, MSG_READ_STATE_NEW_VERSION);
		break;
	case READ_UNREAD:
		HTML_LIT(h, "<span class=\"ds-tag\" data-color=\"neutral\">");
		html_msg(h, MSG_READ_STATE_UNREAD);
		break;
	}
	HTML_LIT(h, "</span>");
}

/* "1,2 MB" / "34 kB" */
static void file_size(struct html *h, int64_t bytes)
{
	if (bytes >= 1024 * 1024) {
		char mb[32];
		doc_megabytes((size_t)bytes, mb);
		html_msgf(h, MSG_DOC_SIZE_MB, mb);
	} else {
		html_msgf(h, MSG_DOC_SIZE_KB, (long long)((bytes + 1023) / 1024));
	}
}

/* ---- list ---- */

void v_documents_index(struct html *h, const struct v_documents_index *m)
{
	heading1(h, msg(h->lang, MSG_DOC_LIST_TITLE));
	paragraph(h, MSG_DOC_LIST_INTRO);
	if (m->can_edit) {
		HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"primary\" href=\"/documents/new\">");
		html_msg(h, MSG_DOC_NEW);
		HTML_LIT(h, "</a></p>");
	}
	if (m->n == 0) {
		paragraph(h, MSG_DOC_NONE);
	} else {
		HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption class=\"ds-sr-only\">");
		html_msg(h, MSG_DOC_LIST_TITLE);
		HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
		html_msg(h, MSG_DOC_FIELD_TITLE);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_DOC_FIELD_KIND);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_DOC_FIELD_CYCLE);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_DOC_LATEST_VERSION);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_DOC_UPDATED);
		HTML_LIT(h, "</th></tr></thead><tbody>");
		for (int i = 0; i < m->n; i++) {
			const struct document *d = &m->docs[i];
			HTML_LIT(h, "<tr><th scope=\"row\">");
			doc_link(h, d->id, d->title);
			HTML_LIT(h, "</th><td>");
			html_msg(h, v_doc_kind_msg(d->kind));
			HTML_LIT(h, "</td><td>");
			if (d->cycle_id)
				html_text(h, d->cycle_name);
			else
				html_msg(h, MSG_DOC_NO_CYCLE);
			HTML_LIT(h, "</td><td>");
			if (d->latest_version) {
				html_msgf(h, MSG_DOC_VERSION_N, (long long)d->latest_version);
				if (d->latest_format && strcmp(d->latest_format, "file") == 0) {
					HTML_LIT(h, " (");
					html_msg(h, MSG_DOC_FORMAT_FILE);
					HTML_LIT(h, ")");
				}
			} else {
				html_msg(h, MSG_DOC_NO_VERSION);
			}
			HTML_LIT(h, "</td><td>");
			html_date(h, d->updated_at);
			HTML_LIT(h, "</td></tr>");
		}
		HTML_LIT(h, "</tbody></table>");
	}
	if (!m->is_first_page || m->next_title) {
		HTML_LIT(h, "<nav");
		HTML_ATTR(h, "aria-label", msg(h->lang, MSG_DOC_PAGES));
		HTML_LIT(h, "><p>");
		if (!m->is_first_page) {
			HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"secondary\" href=\"/documents\">");
			html_msg(h, MSG_DOC_FIRST_PAGE);
			HTML_LIT(h, "</a> ");
		}
		if (m->next_title) {
			HTML_LIT(h, "<a class=\"ds-button\" data-variant=\"secondary\"");
			HTML_URL(h, "href", url_path(h->b->arena, "/documents?after=%s&after_id=%lld",
						     m->next_title, (long long)m->next_id));
			HTML_LIT(h, ">");
			html_msg(h, MSG_DOC_NEXT_PAGE);
			HTML_LIT(h, "</a>");
		}
		HTML_LIT(h, "</p></nav>");
	}
}

/* ---- one document ---- */

static void detail(struct html *h, enum msg term)
{
	HTML_LIT(h, "<dt>");
	html_msg(h, term);
	HTML_LIT(h, "</dt><dd>");
}

static void download_link(struct html *h, const struct doc_version *v)
{
	HTML_LIT(h, "<p><a class=\"ds-link\"");
	HTML_URL(h, "href", url_path(h->b->arena, "/documents/%lld/versions/%lld/file",
				     (long long)v->document_id, (long long)v->version));
	HTML_LIT(h, " download>");
	html_msgf(h, MSG_DOC_DOWNLOAD, v->file_name);
	HTML_LIT(h, "</a> (");
	html_text(h, doc_file_type_name(v->file_type));
	HTML_LIT(h, ", ");
	file_size(h, v->file_size);
	HTML_LIT(h, ")</p><p class=\"ds-paragraph\" data-size=\"sm\">");
	html_msgf(h, MSG_DOC_SHA256, v->file_sha256);
	HTML_LIT(h, "</p>");
}

static void confirm_form(struct html *h, const struct read_request *r, const char *csrf)
{
	HTML_LIT(h, "<form method=\"post\"");
	HTML_URL(h, "action", url_path(h->b->arena, "/reading/%lld/confirm", (long long)r->id));
	HTML_LIT(h, ">");
	v_csrf(h, csrf);
	HTML_LIT(h, "<input type=\"hidden\" name=\"version\"");
	HTML_ATTR_INT(h, "value", r->latest_version);
	HTML_LIT(h, "><button type=\"submit\" class=\"ds-button\" data-variant=\"primary\">");
	html_msg(h, MSG_READ_CONFIRM);
	HTML_LIT(h, "<span class=\"ds-sr-only\">: ");
	html_text(h, r->document_title);
	HTML_LIT(h, "</span></button></form>");
}

void v_document_show(struct html *h, const struct v_document_show *m)
{
	const struct document *d = m->doc;
	heading1(h, d->title);
	HTML_LIT(h, "<dl>");
	detail(h, MSG_DOC_FIELD_KIND);
	html_msg(h, v_doc_kind_msg(d->kind));
	HTML_LIT(h, "</dd>");
	detail(h, MSG_DOC_FIELD_CYCLE);
	if (d->cycle_id)
		html_text(h, d->cycle_name);
	else
		html_msg(h, MSG_DOC_NO_CYCLE);
	HTML_LIT(h, "</dd>");
	if (d->description && *d->description) {
		detail(h, MSG_DOC_FIELD_DESCRIPTION);
		html_text(h, d->description);
		HTML_LIT(h, "</dd>");
	}
	HTML_LIT(h, "</dl>");

	const struct doc_version *v = m->shown;
	if (m->request && v && v->version == d->latest_version &&
	    read_state_of(m->request->confirmed_version, d->latest_version) != READ_CONFIRMED)
		confirm_form(h, m->request, m->csrf);

	HTML_LIT(h, "<section aria-labelledby=\"doc-content\"><h2 class=\"ds-heading\" data-size=\"md\""
		    " id=\"doc-content\">");
	if (v)
		html_msgf(h, MSG_DOC_VERSION_HEADING, (long long)v->version);
	else
		html_msg(h, MSG_DOC_CONTENT);
	HTML_LIT(h, "</h2>");
	if (!v) {
		paragraph(h, MSG_DOC_NO_VERSION);
	} else {
		if (v->version != d->latest_version) {
			HTML_LIT(h, "<div class=\"ds-alert\" data-color=\"warning\"><p>");
			html_msgf(h, MSG_DOC_OLDER_VERSION, (long long)d->latest_version);
			HTML_LIT(h, " ");
			HTML_LIT(h, "<a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(h->b->arena, "/documents/%lld", (long long)d->id));
			HTML_LIT(h, ">");
			html_msg(h, MSG_DOC_SHOW_LATEST);
			HTML_LIT(h, "</a></p></div>");
		}
		if (v->is_file)
			download_link(h, v);
		else
			html_markdown(h, v->body, 3);
	}
	HTML_LIT(h, "</section>");

	heading2(h, MSG_DOC_HISTORY);
	if (m->nversions > 0) {
		HTML_LIT(h, "<table class=\"ds-table\"><caption class=\"ds-sr-only\">");
		html_msg(h, MSG_DOC_HISTORY);
		HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
		html_msg(h, MSG_DOC_FIELD_VERSION);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_DOC_FIELD_FORMAT);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_DOC_FIELD_CREATED_BY);
		HTML_LIT(h, "</th><th scope=\"col\">");
		html_msg(h, MSG_DOC_FIELD_CREATED_AT);
		HTML_LIT(h, "</th></tr></thead><tbody>");
		for (int i = 0; i < m->nversions; i++) {
			const struct doc_version *x = &m->versions[i];
			HTML_LIT(h, "<tr><th scope=\"row\"><a class=\"ds-link\"");
			HTML_URL(h, "href", url_path(h->b->arena, "/documents/%lld/versions/%lld",
						     (long long)d->id, (long long)x->version));
			if (v && x->version == v->version)
				HTML_LIT(h, " aria-current=\"page\"");
			HTML_LIT(h, ">");
			html_msgf(h, MSG_DOC_VERSION_N, (long long)x->version);
			HTML_LIT(h, "</a></th><td>");
			if (x->is_file) {
				html_text(h, x->file_name);
			} else {
				html_msg(h, MSG_DOC_FORMAT_MARKDOWN);
			}
			HTML_LIT(h, "</td><td>");
			if (x->created_by_name)
				html_text(h, x->created_by_name);
			HTML_LIT(h, "</td><td>");
			html_datetime(h, x->created_at);
			HTML_LIT(h, "</td></tr>");
		}
		HTML_LIT(h, "</tbody></table>");
	}
	/* after the history's links, so the first link below /versions/ is a number */
	if (m->can_edit) {
		HTML_LIT(h, "<p><a class=\"ds-button\" data-variant=\"secondary\"");
		HTML_URL(h, "href", url_path(h->b->arena, "/documents/%lld/versions/new", (long long)d->id));
		HTML_LIT(h, ">");
		html_msg(h, MSG_DOC_NEW_VERSION);
		HTML_LIT(h, "</a></p>");
	}
	HTML_LIT(h, "<p><a class=\"ds-link\" href=\"/documents\">");
	html_msg(h, MSG_DOC_BACK);
	HTML_LIT(h, "</a></p>");
}

/* ---- the form ---- */

static enum msg upload_msg(enum doc_upload_problem p)
{
	switch (p) {
	case DOC_UPLOAD_EMPTY: return MSG_DOC_UPLOAD_EMPTY;
	case DOC_UPLOAD_TOO_BIG: return MSG_DOC_UPLOAD_TOO_BIG;
	case DOC_UPLOAD_BAD_TYPE: return MSG_DOC_UPLOAD_BAD_TYPE;
	case DOC_UPLOAD_NOT_OFFICE: return MSG_DOC_UPLOAD_NOT_OFFICE;
	case DOC_UPLOAD_NAME_MISMATCH: return MSG_DOC_UPLOAD_NAME_MISMATCH;
	case DOC_UPLOAD_BAD_NAME: return MSG_DOC_UPLOAD_BAD_NAME;
	case DOC_UPLOAD_OK:
		break;
	}
	return MSG_DOC_UPLOAD_BAD_TYPE;
}

/* The file field's problem, or MSG_COUNT for none; written with
 * html_msgf(h, m, max_mb) (only the size message uses the limit). */
static enum msg upload_problem_msg(const struct v_upload_error *u)
{
	if (!u)
		return MSG_COUNT;
	if (u->both)
		return MSG_DOC_CONTENT_BOTH;
	if (u->missing)
		return MSG_DOC_CONTENT_MISSING;
	return u->problem == DOC_UPLOAD_OK ? MSG_COUNT : upload_msg(u->problem);
}

/* The error summary of field_errors and the upload's problem together. */
static void summary(struct html *h, const struct v_document_form *m, const struct v_label *labels,
		    int nlabels, enum msg file_problem)
{
	int n = m->errors ? m->errors->n : 0;
	if (n == 0 && file_problem == MSG_COUNT)
		return;
	HTML_LIT(h, "<div class=\"ds-error-summary\" role=\"alert\" tabindex=\"-1\" autofocus>"
		    "<h2 class=\"ds-heading\" data-size=\"xs\">");
	html_msg(h, MSG_ERROR_SUMMARY);
	HTML_LIT(h, "</h2><ul class=\"ds-list\">");
	for (int i = 0; i < n && i < FIELD_ERRORS_MAX; i++) {
		const struct field_error *e = &m->errors->e[i];
		const char *label = NULL;
		for (int j = 0; j < nlabels; j++)
			if (strcmp(labels[j].field, e->field) == 0)
				label = labels[j].label;
		HTML_LIT(h, "<li><a class=\"ds-link\"");
		HTML_URL(h, "href", url_path(h->b->arena, "#f-%s", e->field));
		HTML_LIT(h, ">");
		html_msgf(h, MSG_FIELD_PROBLEM, label ? label : e->field,
			  msg(h->lang, v_problem_msg(e->problem)));
		HTML_LIT(h, "</a></li>");
	}
	if (file_problem != MSG_COUNT) {
		HTML_LIT(h, "<li><a class=\"ds-link\" href=\"#f-file\">");
		html_msg(h, MSG_DOC_FIELD_FILE);
		HTML_LIT(h, ": ");
		html_msgf(h, file_problem, m->max_mb);
		HTML_LIT(h, "</a></li>");
	}
	HTML_LIT(h, "</ul></div>\n");
}

static void file_field(struct html *h, const struct v_document_form *m, enum msg problem)
{
	HTML_LIT(h, "<div class=\"ds-field\"><label class=\"ds-label\" for=\"f-file\">");
	html_msg(h, MSG_DOC_FIELD_FILE);
	HTML_LIT(h, "</label><div data-field=\"description\" id=\"f-file-hint\">");
	html_msgf(h, MSG_DOC_FILE_HINT, m->max_mb);
	HTML_LIT(h, "</div><input class=\"ds-input\" type=\"file\" id=\"f-file\" name=\"file\""
		    " accept=\".pdf,.docx,.xlsx,.pptx,application/pdf\"");
	if (problem != MSG_COUNT)
		HTML_LIT(h, " aria-invalid=\"true\" aria-describedby=\"f-file-hint f-file-error\">"
			    "<p class=\"ds-validation-message\" id=\"f-file-error\">");
	else
		HTML_LIT(h, " aria-describedby=\"f-file-hint\">");
	if (problem != MSG_COUNT) {
		html_msgf(h, problem, m->max_mb);
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "</div>\n");
}

void v_document_form(struct html *h, const struct v_document_form *m)
{
	enum lang l = h->lang;
	struct arena *a = h->b->arena;
	const struct document *d = m->doc;
	if (m->version_only) {
		HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
		html_msgf(h, MSG_DOC_NEW_VERSION_HEADING, d->title);
		HTML_LIT(h, "</h1>");
	} else {
		heading1(h, msg(l, MSG_DOC_NEW));
	}
	const struct v_label labels[] = {
		{ "title", msg(l, MSG_DOC_FIELD_TITLE) },
		{ "kind", msg(l, MSG_DOC_FIELD_KIND) },
		{ "description", msg(l, MSG_DOC_FIELD_DESCRIPTION) },
		{ "cycle_id", msg(l, MSG_DOC_FIELD_CYCLE) },
		{ "body", msg(l, MSG_DOC_FIELD_BODY) },
	};
	enum msg file_problem = upload_problem_msg(m->upload);
	summary(h, m, labels, (int)(sizeof labels / sizeof labels[0]), file_problem);

	HTML_LIT(h, "<form method=\"post\" enctype=\"multipart/form-data\" novalidate");
	if (m->version_only)
		HTML_URL(h, "action", url_path(a, "/documents/%lld/versions", (long long)d->id));
	else
		HTML_URL(h, "action", "/documents");
	HTML_LIT(h, ">");
	v_csrf(h, m->csrf);
	if (!m->version_only) {
		v_text_field(h, &(struct v_field){ .name = "title", .label = labels[0].label, .value = d->title,
						   .autocomplete = "off", .maxlength = DOC_TITLE_MAX_CHARS,
						   .required = true, .errors = m->errors });
		struct v_option kinds[DOC_KIND_COUNT];
		for (int k = 0; k < DOC_KIND_COUNT; k++)
			kinds[k] = (struct v_option){ doc_kind_name((enum doc_kind)k),
						      msg(l, v_doc_kind_msg((enum doc_kind)k)) };
		v_select(h, &(struct v_field){ .name = "kind", .label = labels[1].label, .value = m->kind_text,
					       .required = true, .errors = m->errors },
			 kinds, DOC_KIND_COUNT, NULL);
		v_textarea(h, &(struct v_field){ .name = "description", .label = labels[2].label,
						 .hint = msg(l, MSG_DOC_DESCRIPTION_HINT), .value = d->description,
						 .maxlength = DOC_DESCRIPTION_MAX_CHARS, .errors = m->errors },
			   3);
		struct v_option *cyc = arena_alloc(a, sizeof *cyc * (size_t)(m->ncycles + 1));
		int nc = 0;
		for (int i = 0; cyc && i < m->ncycles; i++)
			cyc[nc++] = (struct v_option){ arena_printf(a, "%lld", (long long)m->cycles[i].id),
						       m->cycles[i].name };
		v_select(h, &(struct v_field){ .name = "cycle_id", .label = labels[3].label,
					       .hint = msg(l, MSG_DOC_CYCLE_HINT), .value = m->cycle_text,
					       .errors = m->errors },
			 cyc, nc, msg(l, MSG_DOC_NO_CYCLE));
	}
	HTML_LIT(h, "<fieldset class=\"ds-fieldset\"><legend class=\"ds-label\">");
	html_msg(h, MSG_DOC_CONTENT);
	HTML_LIT(h, "</legend><p class=\"ds-paragraph\" data-size=\"sm\">");
	html_msg(h, MSG_DOC_CONTENT_HINT);
	HTML_LIT(h, "</p>");
	v_textarea(h, &(struct v_field){ .name = "body", .label = labels[4].label,
					 .hint = msg(l, MSG_DOC_BODY_HINT), .value = m->body, .errors = m->errors },
		   12);
	file_field(h, m, file_problem);
	HTML_LIT(h, "</fieldset><p>");
	v_submit(h, m->version_only ? MSG_DOC_SAVE_VERSION : MSG_DOC_SAVE, true);
	HTML_LIT(h, " <a class=\"ds-button\" data-variant=\"secondary\"");
	HTML_URL(h, "href", m->version_only ? url_path(a, "/documents/%lld", (long long)d->id) : "/documents");
	HTML_LIT(h, ">");
	html_msg(h, MSG_DOC_CANCEL);
	HTML_LIT(h, "</a></p></form>");
}

/* ---- reading ---- */

void v_reading(struct html *h, const struct v_reading *m)
{
	heading1(h, msg(h->lang, MSG_READING_TITLE));
	paragraph(h, MSG_READING_INTRO);
	if (m->n == 0) {
		paragraph(h, MSG_READING_NONE);
		return;
	}
	/* open requests first, then the confirmed ones */
	for (int pass = 0; pass < 2; pass++) {
		int count = 0;
		for (int i = 0; i < m->n; i++) {
			const struct read_request *r = &m->items[i];
			enum read_state s = read_state_of(r->confirmed_version, r->latest_version);
			if ((s == READ_CONFIRMED) != (pass == 1))
				continue;
			if (count++ == 0) {
				heading2(h, pass == 0 ? MSG_READING_OPEN : MSG_READING_DONE);
				HTML_LIT(h, "<ul class=\"ds-list reading-list\">");
			}
			HTML_LIT(h, "<li><h3 class=\"ds-heading\" data-size=\"sm\">");
			doc_link(h, r->document_id, r->document_title);
			HTML_LIT(h, "</h3><p class=\"ds-paragraph\">");
			state_tag(h, s);
			HTML_LIT(h, " ");
			html_msg(h, v_doc_kind_msg(r->kind));
			HTML_LIT(h, ", ");
			html_msgf(h, MSG_DOC_VERSION_N, (long long)r->latest_version);
			HTML_LIT(h, ". ");
			html_msgf(h, MSG_READING_ASKED_BY, r->requested_by_name ? r->requested_by_name : "–",
				  r->cycle_name ? r->cycle_name : "");
			HTML_LIT(h, " ");
			html_date(h, r->requested_at);
			HTML_LIT(h, ".");
			if (r->reminded_at && s != READ_CONFIRMED) {
				HTML_LIT(h, " <strong>");
				html_msg(h, MSG_READING_REMINDER);
				HTML_LIT(h, "</strong> ");
				html_date(h, r->reminded_at);
				HTML_LIT(h, ".");
			}
			if (s == READ_CONFIRMED) {
				HTML_LIT(h, " ");
				html_msgf(h, MSG_READING_CONFIRMED_AT, (long long)r->confirmed_version);
				HTML_LIT(h, " ");
				html_date(h, r->confirmed_at);
				HTML_LIT(h, ".");
			}
			HTML_LIT(h, "</p>");
			if (s != READ_CONFIRMED && (!r->cycle_status || strcmp(r->cycle_status, "closed") != 0))
				confirm_form(h, r, m->csrf);
			HTML_LIT(h, "</li>");
		}
		if (count)
			HTML_LIT(h, "</ul>");
	}
}

void v_unit_reading(struct html *h, const struct v_unit_reading *m)
{
	struct arena *a = h->b->arena;
	HTML_LIT(h, "<h1 class=\"ds-heading\" data-size=\"lg\">");
	html_msgf(h, MSG_UNIT_READING_HEADING, m->unit_name);
	HTML_LIT(h, "</h1>");
	if (!m->cycle) {
		paragraph(h, MSG_UNIT_READING_NO_CYCLE);
		return;
	}
	if (m->ncycles > 1) {
		HTML_LIT(h, "<form method=\"get\"");
		HTML_URL(h, "action", url_path(a, "/units/%lld/reading", (long long)m->unit_id));
		HTML_LIT(h, ">");
		struct v_option *opts = arena_alloc(a, sizeof *opts * (size_t)m->ncycles);
		for (int i = 0; opts && i < m->ncycles; i++)
			opts[i] = (struct v_option){ arena_printf(a, "%lld", (long long)m->cycles[i].id),
						     m->cycles[i].name };
		v_select(h, &(struct v_field){ .name = "cycle", .label = msg(h->lang, MSG_DOC_FIELD_CYCLE),
					       .value = arena_printf(a, "%lld", (long long)m->cycle->id) },
			 opts, opts ? m->ncycles : 0, NULL);
		HTML_LIT(h, "<p>");
		v_submit(h, MSG_UNIT_READING_SHOW, false);
		HTML_LIT(h, "</p></form>");
	}
	HTML_LIT(h, "<p class=\"ds-paragraph\" role=\"status\"><strong>");
	html_msgf(h, MSG_UNIT_READING_COUNTS, (long long)m->counts->confirmed_all, (long long)m->counts->asked);
	HTML_LIT(h, "</strong> ");
	html_msgf(h, MSG_UNIT_READING_CYCLE, m->cycle->name);
	HTML_LIT(h, "</p>");
	if (m->n == 0) {
		paragraph(h, MSG_UNIT_READING_NONE);
		return;
	}
	HTML_LIT(h, "<table class=\"ds-table\" data-zebra=\"true\"><caption>");
	html_msg(h, MSG_UNIT_READING_CAPTION);
	HTML_LIT(h, "</caption><thead><tr><th scope=\"col\">");
	html_msg(h, MSG_UNIT_READING_PERSON);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_DOC_FIELD_TITLE);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_UNIT_READING_STATE);
	HTML_LIT(h, "</th><th scope=\"col\">");
	html_msg(h, MSG_UNIT_READING_REMINDED);
	HTML_LIT(h, "</th></tr></thead><tbody>");
	for (int i = 0; i < m->n; i++) {
		const struct read_request *r = &m->rows[i];
		enum read_state s = read_state_of(r->confirmed_version, r->latest_version);
		HTML_LIT(h, "<tr><td>");
		html_text(h, r->person_name);
		HTML_LIT(h, "</td><td>");
		doc_link(h, r->document_id, r->document_title);
		HTML_LIT(h, "</td><td>");
		state_tag(h, s);
		if (s == READ_CONFIRMED) {
			HTML_LIT(h, " ");
			html_date(h, r->confirmed_at);
		}
		HTML_LIT(h, "</td><td>");
		if (r->reminder_count > 0) {
			html_msgf(h, MSG_UNIT_READING_REMINDERS, (long long)r->reminder_count);
			HTML_LIT(h, " ");
			html_date(h, r->reminded_at);
		} else {
			html_msg(h, MSG_UNIT_READING_NOT_REMINDED);
		}
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	if (m->can_remind) {
		HTML_LIT(h, "<form method=\"post\"");
		HTML_URL(h, "action", url_path(a, "/units/%lld/reading/remind", (long long)m->unit_id));
		HTML_LIT(h, ">");
		v_csrf(h, m->csrf);
		HTML_LIT(h, "<input type=\"hidden\" name=\"cycle\"");
		HTML_ATTR_INT(h, "value", m->cycle->id);
		HTML_LIT(h, "><p class=\"ds-paragraph\">");
		html_msg(h, MSG_UNIT_READING_REMIND_HINT);
		HTML_LIT(h, "</p><p>");
		v_submit(h, MSG_UNIT_READING_REMIND, false);
		HTML_LIT(h, "</p></form>");
	}
}
