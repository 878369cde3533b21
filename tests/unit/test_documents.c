/* test_documents.c — the rules of documents and read confirmations
 * (domain/documents.c) and their storage (store/documents.c). product.md,
 * phase 1, desired result: "the employees have received and read the
 * relevant documentation" — so requests, confirmations per version,
 * reminders and the counts behind the indicator; issue 4: uploads are
 * checked by content (too large, wrong type, path tricks in names). The
 * store half runs on a fresh SQLite file, or on the database named by
 * EVNE_TEST_DB (PostgreSQL), with a per-run suffix on unique values.
 * Run with CMOCKA_MESSAGE_OUTPUT=TAP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/text.h"
#include "base/utf8.h"
#include "domain/documents.h"
#include "store/documents.h"
#include "store/store.h"
#include "store/store_int.h"

/* ---- a ZIP made by hand: stored entries, central directory, end record ---- */

static size_t put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	return 2;
}

static size_t put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
	return 4;
}

/* Writes a ZIP of empty entries named names[0..n) into out; its length. */
static size_t make_zip(unsigned char *out, const char *const *names, int n)
{
	size_t at = 0;
	uint32_t offs[16];
	for (int i = 0; i < n; i++) {
		offs[i] = (uint32_t)at;
		memcpy(out + at, "PK\x03\x04", 4);
		memset(out + at + 4, 0, 26);
		put16(out + at + 26, (unsigned)strlen(names[i]));
		at += 30;
		memcpy(out + at, names[i], strlen(names[i]));
		at += strlen(names[i]);
	}
	size_t cd = at;
	for (int i = 0; i < n; i++) {
		memcpy(out + at, "PK\x01\x02", 4);
		memset(out + at + 4, 0, 42);
		put16(out + at + 28, (unsigned)strlen(names[i]));
		put32(out + at + 42, offs[i]);
		at += 46;
		memcpy(out + at, names[i], strlen(names[i]));
		at += strlen(names[i]);
	}
	memcpy(out + at, "PK\x05\x06", 4);
	memset(out + at + 4, 0, 18);
	put16(out + at + 8, (unsigned)n);
	put16(out + at + 10, (unsigned)n);
	put32(out + at + 12, (uint32_t)(at - cd));
	put32(out + at + 16, (uint32_t)cd);
	return at + 22;
}

static const unsigned char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

static void test_kinds(void **state)
{
	(void)state;
	enum doc_kind k;
	for (int i = 0; i < DOC_KIND_COUNT; i++) {
		assert_true(doc_kind_parse(doc_kind_name((enum doc_kind)i), &k));
		assert_int_equal(k, i);
	}
	assert_false(doc_kind_parse("Leader_guide", &k));
	assert_false(doc_kind_parse("", &k));
	assert_false(doc_kind_parse(NULL, &k));
	assert_int_equal(doc_file_type_parse("docx"), DOC_FILE_DOCX);
	assert_int_equal(doc_file_type_parse("exe"), DOC_FILE_NONE);
	assert_string_equal(doc_file_type_mime(DOC_FILE_PDF), "application/pdf");
}

/* issue 4: "content type checked" — by the bytes, never the name. */
static void test_sniff(void **state)
{
	(void)state;
	enum doc_file_type t;
	unsigned char z[2048];
	assert_int_equal(doc_file_sniff(pdf, sizeof pdf - 1, &t), DOC_UPLOAD_OK);
	assert_int_equal(t, DOC_FILE_PDF);
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	assert_int_equal(doc_file_sniff(png, sizeof png - 1, &t), DOC_UPLOAD_BAD_TYPE);
	static const unsigned char exe[] = "MZ\x90\0\3\0\0\0\4\0\0\0\xff\xff";
	assert_int_equal(doc_file_sniff(exe, sizeof exe - 1, &t), DOC_UPLOAD_BAD_TYPE);
	assert_int_equal(doc_file_sniff(pdf, 0, &t), DOC_UPLOAD_EMPTY);
	assert_int_equal(doc_file_sniff((const unsigned char *)"%PDF", 4, &t), DOC_UPLOAD_BAD_TYPE);

	const char *docx[] = { "[Content_Types].xml", "_rels/.rels", "word/document.xml" };
	size_t n = make_zip(z, docx, 3);
	assert_int_equal(doc_file_sniff(z, n, &t), DOC_UPLOAD_OK);
	assert_int_equal(t, DOC_FILE_DOCX);
	const char *xlsx[] = { "[Content_Types].xml", "xl/workbook.xml" };
	n = make_zip(z, xlsx, 2);
	assert_int_equal(doc_file_sniff(z, n, &t), DOC_UPLOAD_OK);
	assert_int_equal(t, DOC_FILE_XLSX);
	const char *pptx[] = { "ppt/presentation.xml", "[Content_Types].xml" };
	n = make_zip(z, pptx, 2);
	assert_int_equal(doc_file_sniff(z, n, &t), DOC_UPLOAD_OK);
	assert_int_equal(t, DOC_FILE_PPTX);

	const char *plain[] = { "readme.txt", "photo.png" };
	n = make_zip(z, plain, 2);
	assert_int_equal(doc_file_sniff(z, n, &t), DOC_UPLOAD_NOT_OFFICE);
	const char *no_types[] = { "word/document.xml" };
	n = make_zip(z, no_types, 1);
	assert_int_equal(doc_file_sniff(z, n, &t), DOC_UPLOAD_NOT_OFFICE);
	const char *two[] = { "[Content_Types].xml", "word/document.xml", "xl/workbook.xml" };
	n = make_zip(z, two, 3);
	assert_int_equal(doc_file_sniff(z, n, &t), DOC_UPLOAD_NOT_OFFICE);
	/* a package cut short, and one whose directory points outside the file */
	n = make_zip(z, docx, 3);
	assert_int_equal(doc_file_sniff(z, n - 30, &t), DOC_UPLOAD_NOT_OFFICE);
	put32(z + n - 6, 0x7FFFFFF0u);
	assert_int_equal(doc_file_sniff(z, n, &t), DOC_UPLOAD_NOT_OFFICE);
}

/* issue 4: "a file whose name tries path tricks". */
static void test_filename(void **state)
{
	(void)state;
	char out[DOC_NAME_MAX_BYTES];
	assert_true(doc_filename_clean("../../etc/passwd", out));
	assert_string_equal(out, "passwd");
	assert_true(doc_filename_clean("..\\x.pdf", out));
	assert_string_equal(out, "x.pdf");
	assert_true(doc_filename_clean("C:\\Users\\kari\\Årsplan for HR-avdelingen.docx", out));
	assert_string_equal(out, "Årsplan for HR-avdelingen.docx");
	assert_true(doc_filename_clean("a\tb\x01" "c.pdf", out));
	assert_string_equal(out, "abc.pdf");
	assert_true(doc_filename_clean("  ..skjult.pdf. ", out));
	assert_string_equal(out, "skjult.pdf");
	assert_true(doc_filename_clean("a\"b<c>:d|e?.pdf", out));
	assert_string_equal(out, "a_b_c__d_e_.pdf");
	assert_false(doc_filename_clean("..", out));
	assert_false(doc_filename_clean("dir/", out));
	assert_false(doc_filename_clean("", out));
	char longname[700];
	size_t len = 0;
	for (int i = 0; i < 300; i++) {
		const char *ch = i % 2 ? "ø" : "a";
		memcpy(longname + len, ch, strlen(ch));
		len += strlen(ch);
	}
	memcpy(longname + len, ".pdf", 5);
	assert_true(doc_filename_clean(longname, out));
	assert_int_equal(utf8_len(out), DOC_NAME_MAX_CHARS);
	assert_string_equal(out + strlen(out) - 4, ".pdf");
}

static void test_upload_check(void **state)
{
	(void)state;
	char clean[DOC_NAME_MAX_BYTES];
	enum doc_file_type t;
	assert_int_equal(doc_upload_check("../../etc/passwd", pdf, sizeof pdf - 1, 1024, clean, &t), DOC_UPLOAD_OK);
	assert_string_equal(clean, "passwd.pdf");
	assert_int_equal(doc_upload_check("Rapport.PDF", pdf, sizeof pdf - 1, 0, clean, &t), DOC_UPLOAD_OK);
	assert_string_equal(clean, "Rapport.pdf");
	assert_int_equal(doc_upload_check("rapport.docx", pdf, sizeof pdf - 1, 0, clean, &t),
			 DOC_UPLOAD_NAME_MISMATCH);
	assert_int_equal(doc_upload_check("rapport.exe", pdf, sizeof pdf - 1, 0, clean, &t),
			 DOC_UPLOAD_NAME_MISMATCH);
	assert_int_equal(doc_upload_check("r.pdf", pdf, sizeof pdf - 1, 10, clean, &t), DOC_UPLOAD_TOO_BIG);
	assert_int_equal(doc_upload_check("/", pdf, sizeof pdf - 1, 0, clean, &t), DOC_UPLOAD_BAD_NAME);
	assert_int_equal(doc_upload_check("bilde.pdf", (const unsigned char *)"\x89PNG\r\n", 6, 0, clean, &t),
			 DOC_UPLOAD_BAD_TYPE);
}

static void test_disposition(void **state)
{
	(void)state;
	char a[128], u[128];
	doc_disposition_ascii("Årsplan \"2027\" 100%.pdf", a, sizeof a);
	assert_string_equal(a, "_rsplan _2027_ 100_.pdf");
	doc_disposition_utf8("Årsplan \"2027\" 100%.pdf", u, sizeof u);
	assert_string_equal(u, "UTF-8''%C3%85rsplan%20%222027%22%20100%25.pdf");
	char mb[32];
	doc_megabytes(10 * 1024 * 1024, mb);
	assert_string_equal(mb, "10");
	doc_megabytes(1024 * 1024 + 1, mb);
	assert_string_equal(mb, "1,1");
	doc_megabytes(65536, mb);
	assert_string_equal(mb, "0,1");
}

static void test_rules(void **state)
{
	(void)state;
	struct field_errors fe = { .n = 0 };
	struct document d = { .title = "Lederveiledning 2027" };
	validate_document(&d, &fe);
	assert_int_equal(fe.n, 0);
	d.title = "";
	validate_document(&d, &fe);
	assert_true(field_errors_has(&fe, "title"));
	fe.n = 0;
	d.title = "To\nlinjer";
	validate_document(&d, &fe);
	assert_true(field_errors_has(&fe, "title"));
	fe.n = 0;
	validate_doc_body(" \n\t", "body", &fe);
	assert_int_equal(fe.e[0].problem, PROB_REQUIRED);
	fe.n = 0;
	validate_doc_body("# Overskrift\n\nTekst.", "body", &fe);
	assert_int_equal(fe.n, 0);
	validate_doc_body("bad \x01 text", "body", &fe);
	assert_int_equal(fe.e[0].problem, PROB_BAD_TEXT);

	/* a new version asks again */
	assert_int_equal(read_state_of(0, 1), READ_UNREAD);
	assert_int_equal(read_state_of(1, 1), READ_CONFIRMED);
	assert_int_equal(read_state_of(1, 2), READ_NEW_VERSION);
	assert_int_equal(read_state_of(2, 2), READ_CONFIRMED);
	assert_string_equal(read_state_name(READ_NEW_VERSION), "new_version");
}

/* ---- the store ---- */

static char url[512];
static char tmpdir[128];
static bool own_db;
static char sfx[64];
static struct store *S;

static int group_setup(void **state)
{
	(void)state;
	const char *env = getenv("EVNE_TEST_DB");
	snprintf(tmpdir, sizeof tmpdir, "/tmp/evne-test-docs-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	own_db = !env || !*env;
	if (own_db)
		snprintf(url, sizeof url, "sqlite:%s/test.db", tmpdir);
	else
		snprintf(url, sizeof url, "%s", env);
	snprintf(sfx, sizeof sfx, "%lld-%d", (long long)time(NULL), (int)getpid());
	char msg[256] = "";
	if (store_open(url, 1, true, &S, msg, sizeof msg) != OK) {
		fprintf(stderr, "store_open %s: %s\n", url, msg);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	store_close(S);
	if (own_db) {
		const char *ext[] = { "", "-wal", "-shm" };
		for (int i = 0; i < 3; i++) {
			char p[300];
			snprintf(p, sizeof p, "%s/test.db%s", tmpdir, ext[i]);
			remove(p);
		}
	}
	rmdir(tmpdir);
	text_shutdown();
	return 0;
}

static const char SQL_TEST_CYCLE[] =
	"INSERT INTO cycles (name, status, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id";

static int64_t add_cycle(struct store_conn *c, const char *name, const char *status)
{
	struct store_q q;
	int64_t id = 0;
	store_q_prepare(&q, c, SQL_TEST_CYCLE);
	store_q_text(&q, 1, name);
	store_q_text(&q, 2, status);
	store_q_int(&q, 3, 1700000000);
	if (store_q_row(&q))
		id = store_q_col_int(&q, 0);
	assert_int_equal(store_q_done(&q), OK);
	return id;
}

static void test_store_documents(void **state)
{
	(void)state;
	struct store_conn *c = store_acquire(S);
	struct arena a;
	arena_init(&a, 0);
	char name[128];
	assert_int_equal(store_begin(c, true), OK);

	snprintf(name, sizeof name, "Dok-2027-%s", sfx);
	int64_t open_cycle = add_cycle(c, name, "open");
	snprintf(name, sizeof name, "Dok-2020-%s", sfx);
	int64_t closed_cycle = add_cycle(c, name, "closed");
	snprintf(name, sizeof name, "Dokumentenheten %s", sfx);
	struct unit u = { .name = name };
	assert_int_equal(store_unit_insert(c, &u), OK);
	struct person p[3];
	for (int i = 0; i < 3; i++) {
		char *nm = arena_printf(&a, "Åse %c %s", 'A' + i, sfx);
		char *no = arena_printf(&a, "D%d-%s", i, sfx);
		p[i] = (struct person){ .name = nm, .employee_number = no, .unit_id = u.id, .active = i < 2 };
		assert_int_equal(store_person_insert(c, &p[i]), OK);
	}

	/* a closed cycle takes no new document */
	struct document closed = { .title = "Gammel", .kind = DOC_AID, .cycle_id = closed_cycle };
	assert_int_equal(store_document_insert(c, &closed, 0, 1700000100), ERR_CONFLICT);

	struct document d = { .title = arena_printf(&a, "Lederveiledning %s", sfx), .kind = DOC_LEADER_GUIDE,
			      .description = "Til fase 1", .cycle_id = open_cycle };
	assert_int_equal(store_document_insert(c, &d, 0, 1700000100), OK);
	assert_true(d.id > 0);
	struct doc_version v1 = { .body = "# Del 1\n\nLes dette." };
	assert_int_equal(store_document_version_add(c, &a, d.id, &v1, NULL, 0, 0, 1700000200), OK);
	assert_int_equal(v1.version, 1);

	/* a file with every byte value, NUL included, comes back the same */
	unsigned char bytes[600];
	memcpy(bytes, "%PDF-", 5);
	for (size_t i = 5; i < sizeof bytes; i++)
		bytes[i] = (unsigned char)(i * 7);
	struct doc_version v2 = { .is_file = true, .file_name = "veiledning.pdf", .file_type = DOC_FILE_PDF };
	assert_int_equal(store_document_version_add(c, &a, d.id, &v2, bytes, sizeof bytes, 0, 1700000300), OK);
	assert_int_equal(v2.version, 2);
	unsigned char digest[crypto_hash_sha256_BYTES];
	char hex[65];
	crypto_hash_sha256(digest, bytes, sizeof bytes);
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	assert_string_equal(v2.file_sha256, hex);

	struct doc_version got;
	assert_int_equal(store_document_version_get(c, &a, d.id, 2, true, &got), OK);
	assert_true(got.is_file);
	assert_int_equal(got.file_size, (int64_t)sizeof bytes);
	assert_memory_equal(got.file_data, bytes, sizeof bytes);
	assert_string_equal(got.file_sha256, hex);
	assert_int_equal(store_document_version_get(c, &a, d.id, 1, true, &got), OK);
	assert_false(got.is_file);
	assert_string_equal(got.body, "# Del 1\n\nLes dette.");
	assert_int_equal(store_document_version_get(c, &a, d.id, 9, false, &got), ERR_NOTFOUND);

	struct document back;
	assert_int_equal(store_document_get(c, &a, d.id, &back), OK);
	assert_int_equal(back.latest_version, 2);
	assert_string_equal(back.latest_format, "file");
	assert_string_equal(back.cycle_status, "open");
	struct doc_version *vs;
	int nv;
	assert_int_equal(store_document_versions(c, &a, d.id, &vs, &nv), OK);
	assert_int_equal(nv, 2);
	assert_int_equal(vs[0].version, 2);
	assert_null(vs[0].file_data);

	struct document *list;
	int nl;
	struct document_query dq = { .cycle_id = open_cycle, .limit = 10 };
	assert_int_equal(store_documents_list(c, &a, &dq, &list, &nl), OK);
	assert_int_equal(nl, 1);
	assert_int_equal(list[0].id, d.id);

	/* a document without a version cannot be sent */
	struct document empty = { .title = arena_printf(&a, "Tom %s", sfx), .kind = DOC_OTHER };
	assert_int_equal(store_document_insert(c, &empty, 0, 1700000100), OK);

	/* ---- read requests ---- */
	int64_t created = -1;
	int64_t docs[] = { d.id };
	assert_int_equal(store_read_requests_send(c, open_cycle, u.id, docs, 1, NULL, 0, 0, 1700001000, &created),
			 OK);
	assert_int_equal(created, 2);   /* the two active people */
	assert_int_equal(store_read_requests_send(c, open_cycle, u.id, docs, 1, NULL, 0, 0, 1700001001, &created),
			 OK);
	assert_int_equal(created, 0);   /* idempotent */
	int64_t one[] = { p[0].id };
	assert_int_equal(store_read_requests_send(c, open_cycle, u.id, docs, 1, one, 1, 0, 1700001002, &created),
			 OK);
	assert_int_equal(created, 0);
	int64_t inactive[] = { p[2].id };
	assert_int_equal(store_read_requests_send(c, open_cycle, u.id, docs, 1, inactive, 1, 0, 1, &created),
			 ERR_INVALID);
	int64_t nover[] = { empty.id };
	assert_int_equal(store_read_requests_send(c, open_cycle, u.id, nover, 1, NULL, 0, 0, 1, &created), ERR_INVALID);
	assert_int_equal(store_read_requests_send(c, closed_cycle, u.id, docs, 1, NULL, 0, 0, 1, &created),
			 ERR_CONFLICT);
	int64_t nodoc[] = { d.id + 100000 };
	assert_int_equal(store_read_requests_send(c, open_cycle, u.id, nodoc, 1, NULL, 0, 0, 1, &created),
			 ERR_NOTFOUND);

	struct read_counts rc;
	assert_int_equal(store_read_counts(c, open_cycle, u.id, &rc), OK);
	assert_int_equal(rc.asked, 2);
	assert_int_equal(rc.confirmed_all, 0);

	struct read_request *mine;
	int nm;
	assert_int_equal(store_read_requests_for_person(c, &a, p[0].id, &mine, &nm), OK);
	assert_int_equal(nm, 1);
	assert_int_equal(mine[0].latest_version, 2);
	assert_int_equal(read_state_of(mine[0].confirmed_version, mine[0].latest_version), READ_UNREAD);
	assert_int_equal(store_read_request_confirm(c, mine[0].id, 1, 1700002000), ERR_CONFLICT);
	assert_int_equal(store_read_request_confirm(c, mine[0].id, 2, 1700002000), OK);
	assert_int_equal(store_read_counts(c, open_cycle, u.id, &rc), OK);
	assert_int_equal(rc.asked, 2);
	assert_int_equal(rc.confirmed_all, 1);
	assert_int_equal(rc.requests_confirmed, 1);
	assert_int_equal(store_read_counts(c, open_cycle, 0, &rc), OK);
	assert_true(rc.asked >= 2);

	/* one reminder reaches only the open request */
	int64_t reminded = 0;
	assert_int_equal(store_read_remind(c, open_cycle, u.id, 1700003000, &reminded), OK);
	assert_int_equal(reminded, 1);
	assert_int_equal(store_read_remind(c, closed_cycle, u.id, 1700003000, &reminded), ERR_CONFLICT);

	/* a new version asks again */
	struct doc_version v3 = { .body = "Ny tekst" };
	assert_int_equal(store_document_version_add(c, &a, d.id, &v3, NULL, 0, 0, 1700004000), OK);
	struct read_request *rows;
	int nr;
	assert_int_equal(store_read_status_for_unit(c, &a, open_cycle, u.id, &rows, &nr), OK);
	assert_int_equal(nr, 2);
	assert_int_equal(rows[0].person_id, p[0].id);   /* Norwegian order: Åse A before Åse B */
	assert_int_equal(read_state_of(rows[0].confirmed_version, rows[0].latest_version), READ_NEW_VERSION);
	assert_int_equal(rows[0].reminder_count, 0);
	assert_int_equal(rows[1].reminder_count, 1);
	assert_int_equal(rows[1].reminded_at, 1700003000);
	assert_int_equal(store_read_counts(c, open_cycle, u.id, &rc), OK);
	assert_int_equal(rc.confirmed_all, 0);

	struct read_request one_req;
	assert_int_equal(store_read_request_get(c, &a, rows[1].id, &one_req), OK);
	assert_string_equal(one_req.cycle_status, "open");

	store_rollback(c);
	store_release(S, c);
	arena_free(&a);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest pure[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_filename),
		cmocka_unit_test(test_upload_check),
		cmocka_unit_test(test_disposition),
		cmocka_unit_test(test_rules),
	};
	const struct CMUnitTest store[] = {
		cmocka_unit_test(test_store_documents),
	};
	int failed = cmocka_run_group_tests_name("documents", pure, NULL, NULL);
	failed += cmocka_run_group_tests_name("documents store", store, group_setup, group_teardown);
	return failed ? 1 : 0;
}
