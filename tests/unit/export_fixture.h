/* export_fixture.h — what the export tests (test_export.c,
 * test_export_phase2.c) share: the arena a test builds its tables in (fresh
 * per test through setup and teardown), the CSV file of a table as text,
 * a count of a byte string in a written file, and the group teardown that
 * frees the PDF writer's fonts. Include after cmocka.h. */
#ifndef EVNE_TEST_EXPORT_FIXTURE_H
#define EVNE_TEST_EXPORT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "io/export.h"

static struct arena A;

static inline int setup(void **state)
{
	(void)state;
	arena_init(&A, 0);
	return 0;
}

static inline int teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static inline int group_teardown(void **state)
{
	(void)state;
	export_pdf_shutdown();
	return 0;
}

/* The text of a memory stream (open_memstream's buf), in A; frees buf. */
static inline char *memfile_text(char *buf, size_t len)
{
	char *s = arena_strndup(&A, buf, len);
	free(buf);
	return s;
}

static inline char *csv_of(const struct export_table *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(export_csv(f, t, NULL), OK);
	fclose(f);
	return memfile_text(buf, len);
}

/* How often needle occurs in hay[0..n) (binary data). */
static inline int count(const char *hay, size_t n, const char *needle)
{
	int k = 0;
	size_t m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++)
		if (memcmp(hay + i, needle, m) == 0)
			k++;
	return k;
}

#endif
