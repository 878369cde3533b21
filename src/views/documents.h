/* documents.h — the views of the documents pages (views/documents.c): the
 * list, one document with a version and the version history, the form of a
 * new document or version (Markdown text or an uploaded file), the reading
 * list of the signed-in employee ("Til lesing") and a unit leader's view of
 * who has confirmed. Each writes the page body after page_begin from its
 * own view-model struct; pointers are borrowed for the call. */
#ifndef EVNE_VIEWS_DOCUMENTS_H
#define EVNE_VIEWS_DOCUMENTS_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/documents.h"
#include "domain/validate.h"
#include "html/html.h"
#include "views/form.h"

/* The catalogue name of a kind ("Lederveiledning"). */
enum msg v_doc_kind_msg(enum doc_kind k);

/* A cycle to choose or show. */
struct v_doc_cycle {
	int64_t id;
	const char *name;
	const char *status;          /* "draft", "open", "closed" */
};

/* GET /documents */
struct v_documents_index {
	const struct document *docs; /* one page, by title */
	int n;
	bool can_edit;               /* "New document" */
	bool is_first_page;
	const char *next_title;      /* cursor of the next page; NULL: none */
	int64_t next_id;
};
void v_documents_index(struct html *h, const struct v_documents_index *m);

/* GET /documents/{id} and GET /documents/{id}/versions/{n} */
struct v_document_show {
	const struct document *doc;
	const struct doc_version *shown;     /* NULL: no version yet */
	const struct doc_version *versions;  /* newest first, no bytes */
	int nversions;
	bool can_edit;               /* "New version" (not when the cycle is closed) */
	const struct read_request *request;  /* the viewer's request for it, or NULL */
	const char *csrf;
};
void v_document_show(struct html *h, const struct v_document_show *m);

/* Why the file field failed, beyond field_errors' problems. */
struct v_upload_error {
	enum doc_upload_problem problem;     /* DOC_UPLOAD_OK: none */
	const char *max_mb;          /* the limit as text, for TOO_BIG and the hint */
	bool both;                   /* text and a file were both given */
	bool missing;                /* neither text nor a file */
};

/* GET /documents/new, GET /documents/{id}/versions/new, and both after a
 * failed POST. */
struct v_document_form {
	const struct document *doc;  /* values shown; for a version: the document */
	bool version_only;           /* a new version: only the content */
	const char *body;            /* Markdown as typed */
	const char *cycle_text;      /* the cycle choice as posted or stored ("" none) */
	const char *kind_text;
	const struct v_doc_cycle *cycles;    /* choices (not closed ones) */
	int ncycles;
	const struct field_errors *errors;
	const struct v_upload_error *upload;
	const char *max_mb;
	const char *csrf;
};
void v_document_form(struct html *h, const struct v_document_form *m);

/* GET /reading */
struct v_reading {
	const struct read_request *items;    /* newest first */
	int n;
	const char *csrf;
};
void v_reading(struct html *h, const struct v_reading *m);

/* GET /units/{id}/reading */
struct v_unit_reading {
	int64_t unit_id;
	const char *unit_name;
	const struct v_doc_cycle *cycle;     /* NULL: no cycle exists */
	const struct v_doc_cycle *cycles;    /* for the cycle choice */
	int ncycles;
	const struct read_request *rows;     /* by person, then document */
	int n;
	const struct read_counts *counts;
	bool can_remind;                     /* open cycle and something open */
	const char *csrf;
};
void v_unit_reading(struct html *h, const struct v_unit_reading *m);

#endif
