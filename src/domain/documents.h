/* documents.h — the rules of documents (leader guides, aids, strategy
 * documents) and read confirmations, as pure functions: kinds, the four
 * file types an upload may be and how to tell them by their bytes, the
 * clean-up of an uploaded file's name, the Content-Disposition names of a
 * download, the checks a document and a Markdown version must pass, and the
 * state of a read request against the document's latest version. No I/O
 * and no clock; strings are owned by whoever filled the structs. */
#ifndef EVNE_DOMAIN_DOCUMENTS_H
#define EVNE_DOMAIN_DOCUMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "domain/validate.h"

enum doc_kind { DOC_LEADER_GUIDE, DOC_AID, DOC_STRATEGY, DOC_OTHER, DOC_KIND_COUNT };

/* "leader_guide", "aid", "strategy", "other" (as stored and in JSON). */
const char *doc_kind_name(enum doc_kind k);
/* false when s is none of the names. */
bool doc_kind_parse(const char *s, enum doc_kind *out);

enum doc_file_type { DOC_FILE_NONE = 0, DOC_FILE_PDF, DOC_FILE_DOCX, DOC_FILE_XLSX, DOC_FILE_PPTX };

const char *doc_file_type_name(enum doc_file_type t);   /* "pdf", ...; "" for NONE */
enum doc_file_type doc_file_type_parse(const char *s);   /* NONE when unknown */
const char *doc_file_type_mime(enum doc_file_type t);    /* the Content-Type of a download */

/* Why an upload was refused. */
enum doc_upload_problem {
	DOC_UPLOAD_OK = 0,
	DOC_UPLOAD_EMPTY,        /* no bytes */
	DOC_UPLOAD_TOO_BIG,      /* over the limit */
	DOC_UPLOAD_BAD_TYPE,     /* not a PDF and not a ZIP (PNG, EXE, text ...) */
	DOC_UPLOAD_NOT_OFFICE,   /* a ZIP, but not a Word, Excel or PowerPoint file */
	DOC_UPLOAD_NAME_MISMATCH,/* the name's extension says another type than the bytes */
	DOC_UPLOAD_BAD_NAME      /* nothing usable is left of the name */
};

/* The type of an upload from its bytes alone, never from its name or the
 * browser's Content-Type: a PDF begins "%PDF-"; DOCX, XLSX and PPTX are ZIP
 * packages whose central directory holds [Content_Types].xml and the main
 * part word/document.xml, xl/workbook.xml or ppt/presentation.xml. The ZIP
 * is walked by its end record and central directory, every offset checked
 * against n. DOC_UPLOAD_OK with *type set, or BAD_TYPE / NOT_OFFICE. */
enum doc_upload_problem doc_file_sniff(const unsigned char *p, size_t n, enum doc_file_type *type);

enum { DOC_NAME_MAX_CHARS = 200, DOC_NAME_MAX_BYTES = DOC_NAME_MAX_CHARS * 4 + 1 };

/* The stored name of an upload: its base name only (after the last '/' or
 * '\'), without control characters, without leading dots and spaces and
 * trailing dots and spaces, at most DOC_NAME_MAX_CHARS characters (the
 * stem is shortened, the extension kept). Letters like æøå stay. in must
 * be valid UTF-8. false when nothing is left. */
bool doc_filename_clean(const char *in, char out[DOC_NAME_MAX_BYTES]);

/* The whole check of an upload: size (max bytes; 0: no limit), type by
 * content, and a name whose extension (when it has one of the four) agrees
 * with the content. clean gets the stored name; a name without one of the
 * four extensions gets the right one appended. */
enum doc_upload_problem doc_upload_check(const char *name, const unsigned char *p, size_t n,
					 size_t max, char clean[DOC_NAME_MAX_BYTES],
					 enum doc_file_type *type);

/* Content-Disposition parts of a download (RFC 6266): an ASCII fallback
 * for filename= (every byte outside printable ASCII, and '"', '\', '%',
 * becomes '_'), and the RFC 8187 value for filename*= (UTF-8''
 * percent-encoded). out must hold 3 * strlen(name) + 8 bytes. */
void doc_disposition_ascii(const char *name, char *out, size_t cap);
void doc_disposition_utf8(const char *name, char *out, size_t cap);

/* A limit in bytes as megabytes for messages: "10", "1,5", "0,1" (one
 * decimal, Norwegian comma, rounded up so the limit is never overstated). */
void doc_megabytes(size_t bytes, char out[32]);

enum { DOC_TITLE_MAX_CHARS = 200, DOC_DESCRIPTION_MAX_CHARS = 2000, DOC_BODY_MAX_BYTES = 200000 };

struct document {
	int64_t id;
	char *title;
	enum doc_kind kind;
	char *description;       /* NULL: none */
	int64_t cycle_id;        /* 0: not tied to a cycle */
	char *cycle_name;        /* filled by reads */
	char *cycle_status;      /* "draft", "open", "closed"; filled by reads */
	int64_t latest_version;  /* 0: no version yet */
	char *latest_format;     /* "markdown" or "file" of the latest version; filled by reads */
	int64_t created_at, updated_at;
};

struct doc_version {
	int64_t id;
	int64_t document_id;
	int64_t version;
	bool is_file;
	char *body;              /* Markdown (is_file false) */
	char *file_name;         /* is_file */
	enum doc_file_type file_type;
	int64_t file_size;
	char *file_sha256;       /* 64 hex digits */
	const void *file_data;   /* the bytes, when asked for */
	int64_t created_by;      /* user id; 0: gone */
	char *created_by_name;
	int64_t created_at;
};

/* title (required, at most DOC_TITLE_MAX_CHARS, text), description
 * (optional, at most DOC_DESCRIPTION_MAX_CHARS); field names "title",
 * "description". The kind is checked when parsed. */
void validate_document(const struct document *d, struct field_errors *fe);
/* A Markdown version's text under field: required (not only spaces), valid
 * text, at most DOC_BODY_MAX_BYTES. */
void validate_doc_body(const char *body, const char *field, struct field_errors *fe);

/* A read request against the document's latest version. */
enum read_state {
	READ_UNREAD,             /* never confirmed */
	READ_CONFIRMED,          /* confirmed the latest version */
	READ_NEW_VERSION         /* confirmed an older version: asked again */
};
enum read_state read_state_of(int64_t confirmed_version, int64_t latest_version);
const char *read_state_name(enum read_state s);   /* "unread", "confirmed", "new_version" */

struct read_request {
	int64_t id;
	int64_t document_id;
	char *document_title;
	enum doc_kind kind;
	int64_t latest_version;
	int64_t person_id;
	char *person_name;
	int64_t cycle_id;
	char *cycle_name;
	char *cycle_status;
	int64_t unit_id;          /* the unit it was sent for; 0: gone */
	int64_t requested_by;     /* user id; 0: gone */
	char *requested_by_name;
	int64_t requested_at;
	int64_t confirmed_version;   /* 0: not confirmed */
	int64_t confirmed_at;
	int64_t reminded_at;         /* 0: never reminded */
	int64_t reminder_count;
};

/* The indicator of phase 1's desired result "the employees have received
 * and read the relevant documentation". */
struct read_counts {
	int64_t asked;            /* active people with at least one request */
	int64_t confirmed_all;    /* of those, who confirmed the latest version of every one */
	int64_t requests;         /* requests of active people */
	int64_t requests_confirmed;
};

#endif
