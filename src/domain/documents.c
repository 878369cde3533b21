/* documents.c — the pure rules of documents and read confirmations (see
 * documents.h). The upload checks are the security boundary for files that
 * other people will download and open: the type comes from the bytes, the
 * name is reduced to a plain base name, and both must agree. */
#include "domain/documents.h"

#include <stdio.h>
#include <string.h>
#include "base/utf8.h"

static const char *const kind_names[DOC_KIND_COUNT] = {
	[DOC_LEADER_GUIDE] = "leader_guide",
	[DOC_AID] = "aid",
	[DOC_STRATEGY] = "strategy",
	[DOC_OTHER] = "other",
};

const char *doc_kind_name(enum doc_kind k)
{
	return k >= 0 && k < DOC_KIND_COUNT ? kind_names[k] : "other";
}

bool doc_kind_parse(const char *s, enum doc_kind *out)
{
	for (int k = 0; s && k < DOC_KIND_COUNT; k++)
		if (strcmp(s, kind_names[k]) == 0) {
			*out = (enum doc_kind)k;
			return true;
		}
	return false;
}

static const struct {
	const char *name;
	const char *mime;
	const char *main_part;   /* the ZIP entry that makes an Office file this type */
} file_types[] = {
	[DOC_FILE_NONE] = { "", "application/octet-stream", NULL },
	[DOC_FILE_PDF] = { "pdf", "application/pdf", NULL },
	[DOC_FILE_DOCX] = { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			    "word/document.xml" },
	[DOC_FILE_XLSX] = { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			    "xl/workbook.xml" },
	[DOC_FILE_PPTX] = { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
			    "ppt/presentation.xml" },
};
enum { FILE_TYPES = (int)(sizeof file_types / sizeof file_types[0]) };

const char *doc_file_type_name(enum doc_file_type t)
{
	return t > DOC_FILE_NONE && (int)t < FILE_TYPES ? file_types[t].name : "";
}

enum doc_file_type doc_file_type_parse(const char *s)
{
	for (int t = 1; s && t < FILE_TYPES; t++)
		if (strcmp(s, file_types[t].name) == 0)
			return (enum doc_file_type)t;
	return DOC_FILE_NONE;
}

const char *doc_file_type_mime(enum doc_file_type t)
{
	return t > DOC_FILE_NONE && (int)t < FILE_TYPES ? file_types[t].mime : file_types[0].mime;
}

/* ---- sniffing ---- */

static uint32_t le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

enum {
	ZIP_EOCD_LEN = 22,       /* end of central directory record without its comment */
	ZIP_CDH_LEN = 46,        /* central directory file header without name, extra, comment */
	ZIP_LFH_LEN = 30,        /* local file header without name and extra */
	ZIP_COMMENT_MAX = 65535
};

static bool name_is(const unsigned char *name, size_t len, const char *want)
{
	return len == strlen(want) && memcmp(name, want, len) == 0;
}

/* Walks the ZIP package's central directory: DOC_FILE_DOCX/XLSX/PPTX when
 * it holds [Content_Types].xml and exactly one main part, NONE otherwise
 * (also for anything malformed: an offset outside the file, ZIP64). */
static enum doc_file_type zip_office_type(const unsigned char *p, size_t n)
{
	if (n < ZIP_EOCD_LEN)
		return DOC_FILE_NONE;
	/* the end record is the last one in the file, before a comment */
	size_t lowest = n - ZIP_EOCD_LEN > ZIP_COMMENT_MAX ? n - ZIP_EOCD_LEN - ZIP_COMMENT_MAX : 0;
	size_t eocd = n - ZIP_EOCD_LEN + 1;
	bool found = false;
	while (eocd-- > lowest) {
		if (memcmp(p + eocd, "PK\x05\x06", 4) == 0 && eocd + ZIP_EOCD_LEN + le16(p + eocd + 20) == n) {
			found = true;
			break;
		}
	}
	if (!found)
		return DOC_FILE_NONE;
	uint32_t entries = le16(p + eocd + 10);
	uint32_t cd_size = le32(p + eocd + 12), cd_off = le32(p + eocd + 16);
	if (entries == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_off == 0xFFFFFFFFu ||
	    (uint64_t)cd_off + cd_size > eocd)
		return DOC_FILE_NONE;
	bool content_types = false;
	enum doc_file_type type = DOC_FILE_NONE;
	int mains = 0;
	size_t at = cd_off, end = (size_t)cd_off + cd_size;
	for (uint32_t i = 0; i < entries; i++) {
		if (at + ZIP_CDH_LEN > end || memcmp(p + at, "PK\x01\x02", 4) != 0)
			return DOC_FILE_NONE;
		size_t name_len = le16(p + at + 28), extra = le16(p + at + 30), comment = le16(p + at + 32);
		uint32_t local = le32(p + at + 42);
		if (at + ZIP_CDH_LEN + name_len + extra + comment > end)
			return DOC_FILE_NONE;
		if ((uint64_t)local + ZIP_LFH_LEN > cd_off || memcmp(p + local, "PK\x03\x04", 4) != 0)
			return DOC_FILE_NONE;
		const unsigned char *name = p + at + ZIP_CDH_LEN;
		if (name_is(name, name_len, "[Content_Types].xml"))
			content_types = true;
		for (int t = DOC_FILE_DOCX; t <= DOC_FILE_PPTX; t++)
			if (name_is(name, name_len, file_types[t].main_part)) {
				type = (enum doc_file_type)t;
				mains++;
			}
		at += ZIP_CDH_LEN + name_len + extra + comment;
	}
	return content_types && mains == 1 ? type : DOC_FILE_NONE;
}

enum doc_upload_problem doc_file_sniff(const unsigned char *p, size_t n, enum doc_file_type *type)
{
	*type = DOC_FILE_NONE;
	if (n == 0)
		return DOC_UPLOAD_EMPTY;
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0) {
		*type = DOC_FILE_PDF;
		return DOC_UPLOAD_OK;
	}
	if (n < 4 || memcmp(p, "PK\x03\x04", 4) != 0)
		return DOC_UPLOAD_BAD_TYPE;
	*type = zip_office_type(p, n);
	return *type ? DOC_UPLOAD_OK : DOC_UPLOAD_NOT_OFFICE;
}

/* ---- names ---- */

/* Characters that Windows refuses in names, and quotes, become '_', so a
 * saved download opens everywhere. */
static bool awkward(unsigned char ch)
{
	return ch == '"' || ch == ':' || ch == '*' || ch == '?' || ch == '<' || ch == '>' || ch == '|';
}

bool doc_filename_clean(const char *in, char out[DOC_NAME_MAX_BYTES])
{
	const char *base = in;
	for (const char *s = in; *s; s++)
		if (*s == '/' || *s == '\\')
			base = s + 1;
	/* whole characters without control characters, into a scratch copy
	 * (in is valid UTF-8, so a lead byte tells the length) */
	size_t len = 0, cap = DOC_NAME_MAX_BYTES - 1;
	char tmp[DOC_NAME_MAX_BYTES * 2];
	for (const unsigned char *s = (const unsigned char *)base; *s;) {
		size_t k = *s < 0x80 ? 1 : *s >= 0xF0 ? 4 : *s >= 0xE0 ? 3 : 2;
		if (len + k >= sizeof tmp)
			break;
		if (k == 1 && (*s < 0x20 || *s == 0x7f)) {
			s++;
			continue;
		}
		for (size_t i = 1; i < k; i++)
			if (!s[i])
				k = i;   /* a cut character ends the name */
		if (k == 1 && *s >= 0x80)
			break;
		if (k == 1) {
			tmp[len++] = awkward(*s) ? '_' : (char)*s;
		} else {
			memcpy(tmp + len, s, k);
			len += k;
		}
		s += k;
	}
	tmp[len] = '\0';
	size_t start = 0;
	while (tmp[start] == '.' || tmp[start] == ' ')
		start++;
	while (len > start && (tmp[len - 1] == '.' || tmp[len - 1] == ' '))
		len--;
	tmp[len] = '\0';
	const char *s = tmp + start;
	size_t n = len - start;
	if (n == 0)
		return false;
	size_t chars = utf8_len(s);
	if (chars <= DOC_NAME_MAX_CHARS && n <= cap) {
		memcpy(out, s, n + 1);
		return true;
	}
	/* too long: shorten the stem, keep a short extension */
	const char *dot = strrchr(s, '.');
	size_t ext = dot && strlen(dot) <= 10 && dot != s ? strlen(dot) : 0;
	size_t keep_chars = DOC_NAME_MAX_CHARS - ext, o = 0, c = 0;
	for (size_t i = 0; i < n - ext && c < keep_chars; c++) {
		size_t k = 1;
		while (i + k < n - ext && ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k++;
		memcpy(out + o, s + i, k);
		o += k;
		i += k;
	}
	while (o && (out[o - 1] == '.' || out[o - 1] == ' '))
		o--;
	memcpy(out + o, s + n - ext, ext);
	out[o + ext] = '\0';
	return o > 0;
}

/* The extension of name after its last dot, or "" when it has none. */
static const char *extension(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot ? dot + 1 : "";
}

static bool ascii_equal_fold(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		if (x != *b)
			return false;
	}
	return *a == *b;
}

enum doc_upload_problem doc_upload_check(const char *name, const unsigned char *p, size_t n,
					 size_t max, char clean[DOC_NAME_MAX_BYTES],
					 enum doc_file_type *type)
{
	*type = DOC_FILE_NONE;
	clean[0] = '\0';
	if (n == 0)
		return DOC_UPLOAD_EMPTY;
	if (max && n > max)
		return DOC_UPLOAD_TOO_BIG;
	enum doc_upload_problem pr = doc_file_sniff(p, n, type);
	if (pr)
		return pr;
	if (!name || !utf8_valid_text(name, strlen(name)) || !doc_filename_clean(name, clean))
		return DOC_UPLOAD_BAD_NAME;
	const char *want = doc_file_type_name(*type);
	const char *ext = extension(clean);
	if (*ext && ascii_equal_fold(ext, want)) {
		/* the stored name says the type in lower case */
		memcpy(clean + strlen(clean) - strlen(ext), want, strlen(want));
		return DOC_UPLOAD_OK;
	}
	if (*ext)
		return DOC_UPLOAD_NAME_MISMATCH;
	char with[DOC_NAME_MAX_BYTES + 8];
	snprintf(with, sizeof with, "%s.%s", clean, want);
	return doc_filename_clean(with, clean) ? DOC_UPLOAD_OK : DOC_UPLOAD_BAD_NAME;
}

void doc_disposition_ascii(const char *name, char *out, size_t cap)
{
	size_t o = 0;
	for (const unsigned char *s = (const unsigned char *)name; *s && o + 1 < cap; s++) {
		if (*s >= 0x80 && *s < 0xC0)
			continue;   /* one '_' per character, not per byte */
		bool plain = *s >= 0x20 && *s < 0x7f && *s != '"' && *s != '\\' && *s != '%';
		out[o++] = plain ? (char)*s : '_';
	}
	if (cap)
		out[o] = '\0';
}

void doc_disposition_utf8(const char *name, char *out, size_t cap)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char attr[] = "!#$&+-.^_`|~";
	int w = snprintf(out, cap, "UTF-8''");
	size_t o = w > 0 && (size_t)w < cap ? (size_t)w : 0;
	for (const unsigned char *s = (const unsigned char *)name; *s && o + 4 < cap; s++) {
		bool keep = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
			    (*s < 0x80 && strchr(attr, *s));
		if (keep) {
			out[o++] = (char)*s;
		} else {
			out[o++] = '%';
			out[o++] = hex[*s >> 4];
			out[o++] = hex[*s & 15];
		}
	}
	if (cap)
		out[o] = '\0';
}

void doc_megabytes(size_t bytes, char out[32])
{
	const size_t mb = 1024 * 1024;
	size_t tenths = (bytes / mb) * 10 + ((bytes % mb) * 10 + mb - 1) / mb;
	if (tenths % 10 == 0)
		snprintf(out, 32, "%zu", tenths / 10);
	else
		snprintf(out, 32, "%zu,%zu", tenths / 10, tenths % 10);
}

/* ---- documents and versions ---- */

static void text_rule(const char *s, const char *field, size_t max_chars, bool required,
		      struct field_errors *fe)
{
	if (!s || !*s) {
		if (required)
			field_error_add(fe, field, PROB_REQUIRED);
		return;
	}
	size_t n = strlen(s);
	if (!utf8_valid_text(s, n))
		field_error_add(fe, field, PROB_BAD_TEXT);
	else if (utf8_len(s) > max_chars)
		field_error_add(fe, field, PROB_TOO_LONG);
}

void validate_document(const struct document *d, struct field_errors *fe)
{
	text_rule(d->title, "title", DOC_TITLE_MAX_CHARS, true, fe);
	if (d->title && !field_errors_has(fe, "title") && strchr(d->title, '\n'))
		field_error_add(fe, "title", PROB_BAD_TEXT);
	text_rule(d->description, "description", DOC_DESCRIPTION_MAX_CHARS, false, fe);
}

void validate_doc_body(const char *body, const char *field, struct field_errors *fe)
{
	bool blank = true;
	for (const char *s = body; s && *s && blank; s++)
		blank = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
	if (blank) {
		field_error_add(fe, field, PROB_REQUIRED);
		return;
	}
	size_t n = strlen(body);
	if (n > DOC_BODY_MAX_BYTES)
		field_error_add(fe, field, PROB_TOO_LONG);
	else if (!utf8_valid_text(body, n))
		field_error_add(fe, field, PROB_BAD_TEXT);
}

/* ---- read confirmations ---- */

enum read_state read_state_of(int64_t confirmed_version, int64_t latest_version)
{
	if (confirmed_version <= 0)
		return READ_UNREAD;
	return confirmed_version >= latest_version ? READ_CONFIRMED : READ_NEW_VERSION;
}

const char *read_state_name(enum read_state s)
{
	switch (s) {
	case READ_UNREAD: return "unread";
	case READ_CONFIRMED: return "confirmed";
	case READ_NEW_VERSION: return "new_version";
	}
	return "unread";
}
