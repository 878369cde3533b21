/* test_csv.c — the CSV reader of io/csv.c: files as Norwegian Excel and HR
 * systems write them (a byte-order mark, semicolons, CRLF, quoted fields with
 * line breaks) give the right fields and the right physical line numbers,
 * and unreadable files are refused with the line to look at (product.md,
 * "Quality bar": bad input gets a clear, specific error). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include "base/arena.h"
#include "io/csv.h"

static struct arena A;

static int setup(void **state)
{
	(void)state;
	arena_init(&A, 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static enum err read_str(const char *s, struct csv_table *t, struct csv_failure *f)
{
	return csv_read(&A, s, strlen(s), t, f);
}

static void test_comma(void **state)
{
	(void)state;
	struct csv_table t;
	struct csv_failure f;
	assert_int_equal(read_str("code,name\nA,Alfa\nB,Beta\n", &t, &f), OK);
	assert_int_equal(t.delim, ',');
	assert_int_equal(t.header_line, 1);
	assert_int_equal(t.ncols, 2);
	assert_int_equal(t.nrows, 2);
	assert_int_equal(t.rows[0].line, 2);
	assert_int_equal(t.rows[1].line, 3);
	assert_string_equal(csv_cell(&t.rows[1], 1), "Beta");
}

static void test_bom_and_semicolons(void **state)
{
	(void)state;
	struct csv_table t;
	struct csv_failure f;
	const char *s = "\xEF\xBB\xBF" "employee_number;name;unit_code\r\n"
			"1001;Øyvind Ødegård, jr.;DIG\r\n";
	assert_int_equal(read_str(s, &t, &f), OK);
	assert_int_equal(t.delim, ';');
	assert_string_equal(t.header[0], "employee_number");
	assert_int_equal(csv_column(&t, "EMPLOYEE_NUMBER"), 0);
	assert_int_equal(t.nrows, 1);
	assert_string_equal(csv_cell(&t.rows[0], 1), "Øyvind Ødegård, jr.");
	assert_string_equal(csv_cell(&t.rows[0], 2), "DIG");
}

static void test_quoted_newline_keeps_lines(void **state)
{
	(void)state;
	struct csv_table t;
	struct csv_failure f;
	const char *s = "code;name\n"
			"A;\"two\nlines; and \"\"quotes\"\"\"\n"
			"B;b\n"
			"\n"
			"C;\"c\"\n";
	assert_int_equal(read_str(s, &t, &f), OK);
	assert_int_equal(t.nrows, 3);
	assert_int_equal(t.rows[0].line, 2);
	assert_string_equal(csv_cell(&t.rows[0], 1), "two\nlines; and \"quotes\"");
	assert_int_equal(t.rows[1].line, 4);
	assert_int_equal(t.rows[2].line, 6);
	assert_string_equal(csv_cell(&t.rows[2], 1), "c");
}

static void test_blank_rows_dropped(void **state)
{
	(void)state;
	struct csv_table t;
	struct csv_failure f;
	assert_int_equal(read_str("\n\n code , Name \n,\nA,a\n,,\n\n\n", &t, &f), OK);
	assert_int_equal(t.header_line, 3);
	assert_int_equal(csv_column(&t, "name"), 1);
	assert_int_equal(csv_column(&t, "code"), 0);
	assert_int_equal(csv_column(&t, "other"), -1);
	assert_int_equal(t.nrows, 1);
	assert_int_equal(t.rows[0].line, 5);
	assert_string_equal(csv_cell(&t.rows[0], 5), "");
	assert_string_equal(csv_cell(&t.rows[0], -1), "");
}

static void test_last_line_without_newline(void **state)
{
	(void)state;
	struct csv_table t;
	struct csv_failure f;
	assert_int_equal(read_str("a,b\n1,2\n3,\"4\"", &t, &f), OK);
	assert_int_equal(t.nrows, 2);
	assert_int_equal(t.rows[1].line, 3);
	assert_string_equal(csv_cell(&t.rows[1], 1), "4");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	struct csv_table t;
	struct csv_failure f;
	/* "Bjørn" in Latin-1 on line 3. */
	assert_int_equal(read_str("code,name\nA,a\nB,Bj\xF8rn\n", &t, &f), ERR_INVALID);
	assert_int_equal(f.fault, CSV_FAULT_ENCODING);
	assert_int_equal(f.line, 3);
	assert_int_equal(t.nrows, 0);
	const char nul[] = "code,name\nA,a\0b\n";
	assert_int_equal(csv_read(&A, nul, sizeof nul - 1, &t, &f), ERR_INVALID);
	assert_int_equal(f.line, 2);
}

static void test_unclosed_quote(void **state)
{
	(void)state;
	struct csv_table t;
	struct csv_failure f;
	assert_int_equal(read_str("code,name\nA,a\nB,\"open\nC,c\n", &t, &f), ERR_INVALID);
	assert_int_equal(f.fault, CSV_FAULT_QUOTE);
	assert_int_equal(f.line, 3);
	assert_non_null(strstr(csv_fault_text(f.fault), "quoted"));
}

static void test_empty(void **state)
{
	(void)state;
	struct csv_table t;
	struct csv_failure f;
	assert_int_equal(read_str("", &t, &f), ERR_INVALID);
	assert_int_equal(f.fault, CSV_FAULT_EMPTY);
	assert_int_equal(read_str("\xEF\xBB\xBF\r\n\r\n", &t, &f), ERR_INVALID);
	assert_int_equal(f.fault, CSV_FAULT_EMPTY);
	assert_int_equal(read_str("code,name\n", &t, &f), OK);
	assert_int_equal(t.nrows, 0);
}

static void test_arena_cap(void **state)
{
	(void)state;
	struct arena small;
	arena_init(&small, 256);
	struct csv_table t;
	struct csv_failure f;
	const char *s = "code,name\nA,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
			"B,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n"
			"C,ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\n";
	assert_int_equal(csv_read(&small, s, strlen(s), &t, &f), ERR_TOO_BIG);
	assert_int_equal(f.fault, CSV_FAULT_TOO_BIG);
	arena_free(&small);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comma),
		cmocka_unit_test(test_bom_and_semicolons),
		cmocka_unit_test(test_quoted_newline_keeps_lines),
		cmocka_unit_test(test_blank_rows_dropped),
		cmocka_unit_test(test_last_line_without_newline),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_unclosed_quote),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_arena_cap),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
