/* test_page_cache.c — the page cache on its own: an answer comes back only
 * under its key and generation, a newer generation retires everything, an
 * answer rendered from an older snapshot is not filed, only plain 200
 * answers are filed, the byte budget holds (least recently used out first),
 * and several threads may use it at once. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "web/page_cache.h"

struct fixture {
	struct arena a;
	struct http_resp w;
};

static void answer(struct fixture *f, const char *body)
{
	http_resp_init(&f->w, &f->a);
	buf_puts(&f->w.body, body);
}

static void put(struct page_cache *pc, struct fixture *f, const char *key, int64_t gen,
		const char *body)
{
	answer(f, body);
	page_cache_put(pc, key, strlen(key), gen, &f->w);
}

/* The body served for key at gen, or NULL on a miss. */
static const char *get(struct page_cache *pc, struct fixture *f, const char *key, int64_t gen)
{
	http_resp_init(&f->w, &f->a);
	f->w.status = 0;
	if (!page_cache_get(pc, key, strlen(key), gen, &f->w))
		return NULL;
	assert_int_equal(f->w.status, 200);
	return buf_str(&f->w.body);
}

static void test_key_and_generation(void **state)
{
	(void)state;
	struct fixture f;
	arena_init(&f.a, 0);
	struct page_cache *pc = page_cache_new(1 << 20);
	assert_non_null(pc);
	put(pc, &f, "s1|nb|/units/2", 5, "<p>unit 2 for s1</p>");
	put(pc, &f, "s2|nb|/units/2", 5, "<p>unit 2 for s2</p>");
	assert_string_equal(get(pc, &f, "s1|nb|/units/2", 5), "<p>unit 2 for s1</p>");
	assert_string_equal(f.w.content_type, "text/html; charset=utf-8");
	assert_string_equal(get(pc, &f, "s2|nb|/units/2", 5), "<p>unit 2 for s2</p>");
	assert_null(get(pc, &f, "s1|nn|/units/2", 5));
	assert_null(get(pc, &f, "s1|nb|/units/2x", 5));

	/* a request at an older snapshot misses and files nothing */
	assert_null(get(pc, &f, "s1|nb|/units/2", 4));
	put(pc, &f, "s3|nb|/units/2", 4, "old");
	assert_null(get(pc, &f, "s3|nb|/units/2", 5));

	/* the first request at a newer generation retires every entry */
	assert_null(get(pc, &f, "s1|nb|/units/2", 6));
	assert_null(get(pc, &f, "s2|nb|/units/2", 6));
	assert_null(get(pc, &f, "s2|nb|/units/2", 5));
	put(pc, &f, "s1|nb|/units/2", 6, "new");
	assert_string_equal(get(pc, &f, "s1|nb|/units/2", 6), "new");

	/* the same key again replaces the answer */
	put(pc, &f, "s1|nb|/units/2", 6, "newer");
	assert_string_equal(get(pc, &f, "s1|nb|/units/2", 6), "newer");

	struct buf m;
	buf_init(&m, &f.a, 0);
	page_cache_metrics_write(pc, &m);
	assert_non_null(strstr(buf_str(&m), "evne_page_cache_lookups_total{result=\"hit\"} 4\n"));
	assert_non_null(strstr(buf_str(&m), "evne_page_cache_lookups_total{result=\"miss\"} 7\n"));
	assert_non_null(strstr(buf_str(&m), "evne_page_cache_entries 1\n"));
	page_cache_free(pc);
	arena_free(&f.a);
}

static void test_only_plain_answers(void **state)
{
	(void)state;
	struct fixture f;
	arena_init(&f.a, 0);
	struct page_cache *pc = page_cache_new(1 << 20);

	answer(&f, "not found");
	f.w.status = 404;
	page_cache_put(pc, "k404", 4, 1, &f.w);
	assert_null(get(pc, &f, "k404", 1));

	answer(&f, "with a cookie");
	http_set_cookie(&f.w, &f.a, "evne_flash", "", 0, false);
	page_cache_put(pc, "kcookie", 7, 1, &f.w);
	assert_null(get(pc, &f, "kcookie", 1));

	answer(&f, "a download");
	http_resp_header(&f.w, "Content-Disposition", "attachment; filename=\"x.csv\"");
	page_cache_put(pc, "kdl", 3, 1, &f.w);
	assert_null(get(pc, &f, "kdl", 1));

	answer(&f, "cacheable by browsers");
	f.w.cache_control = "public, max-age=60";
	page_cache_put(pc, "kcc", 3, 1, &f.w);
	assert_null(get(pc, &f, "kcc", 1));

	static const char asset[] = "body{}";
	answer(&f, "");
	http_resp_static(&f.w, asset, sizeof asset - 1);
	page_cache_put(pc, "kstatic", 7, 1, &f.w);
	assert_null(get(pc, &f, "kstatic", 1));

	answer(&f, "{\"ok\":true}");
	f.w.content_type = "application/json";
	page_cache_put(pc, "kjson", 5, 1, &f.w);
	assert_string_equal(get(pc, &f, "kjson", 1), "{\"ok\":true}");
	assert_string_equal(f.w.content_type, "application/json");

	/* NULL is "no cache" throughout */
	assert_null(page_cache_new(0));
	page_cache_put(NULL, "k", 1, 1, &f.w);
	assert_false(page_cache_get(NULL, "k", 1, 1, &f.w));
	page_cache_free(NULL);
	page_cache_free(pc);
	arena_free(&f.a);
}

static void test_budget(void **state)
{
	(void)state;
	struct fixture f;
	arena_init(&f.a, 0);
	/* 64 kB: bodies of 4 kB fit about fourteen times with their records */
	struct page_cache *pc = page_cache_new(64 * 1024);
	char body[4096];
	memset(body, 'x', sizeof body - 1);
	body[sizeof body - 1] = '\0';
	char key[32];
	for (int i = 0; i < 40; i++) {
		snprintf(key, sizeof key, "k%d", i);
		put(pc, &f, key, 1, body);
		if (i == 20)
			assert_null(get(pc, &f, "k5", 1));   /* long gone */
		/* keep k0 recently used: it must survive the others */
		if (i < 20 || i % 2 == 0)
			assert_non_null(get(pc, &f, "k0", 1));
	}
	assert_non_null(get(pc, &f, "k0", 1));
	assert_non_null(get(pc, &f, "k39", 1));
	assert_null(get(pc, &f, "k1", 1));

	struct buf m;
	buf_init(&m, &f.a, 0);
	page_cache_metrics_write(pc, &m);
	const char *bytes = strstr(buf_str(&m), "\nevne_page_cache_bytes ");
	assert_non_null(bytes);
	long held = strtol(bytes + strlen("\nevne_page_cache_bytes "), NULL, 10);
	assert_true(held > 0 && held <= 64 * 1024);

	/* a body over an eighth of the budget is not filed */
	char big[9 * 1024];
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	put(pc, &f, "big", 1, big);
	assert_null(get(pc, &f, "big", 1));
	page_cache_free(pc);
	arena_free(&f.a);
}

static void test_values(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	struct page_cache *pc = page_cache_new(1 << 20);
	int64_t units[] = { 4, 9, 17 };
	size_t len = 99;
	assert_null(page_cache_get_value(pc, "scope:7", 7, 3, &a, &len));
	page_cache_put_value(pc, "scope:7", 7, 3, units, sizeof units);
	int64_t *got = page_cache_get_value(pc, "scope:7", 7, 3, &a, &len);
	assert_non_null(got);
	assert_int_equal(len, sizeof units);
	assert_memory_equal(got, units, sizeof units);
	/* an empty value is a value: a person who leads nothing */
	page_cache_put_value(pc, "scope:8", 7, 3, NULL, 0);
	assert_non_null(page_cache_get_value(pc, "scope:8", 7, 3, &a, &len));
	assert_int_equal(len, 0);
	/* a newer generation retires values as it does answers */
	assert_null(page_cache_get_value(pc, "scope:7", 7, 4, &a, &len));
	/* values are not counted as answers */
	struct buf m;
	buf_init(&m, &a, 0);
	page_cache_metrics_write(pc, &m);
	assert_non_null(strstr(buf_str(&m), "evne_page_cache_lookups_total{result=\"hit\"} 0\n"));
	assert_non_null(strstr(buf_str(&m), "evne_page_cache_lookups_total{result=\"miss\"} 0\n"));
	page_cache_free(pc);
	arena_free(&a);
}

struct worker_arg {
	struct page_cache *pc;
	int id;
	int served_wrong;
};

static void *worker(void *p)
{
	struct worker_arg *w = p;
	struct fixture f;
	arena_init(&f.a, 0);
	char key[32], body[64];
	for (int i = 0; i < 2000; i++) {
		int64_t gen = i / 500;   /* the content changes four times */
		snprintf(key, sizeof key, "t%d|%d", w->id, i % 50);
		snprintf(body, sizeof body, "t%d page %d gen %lld", w->id, i % 50, (long long)gen);
		const char *got = get(w->pc, &f, key, gen);
		if (got && strcmp(got, body) != 0)
			w->served_wrong++;
		if (!got)
			put(w->pc, &f, key, gen, body);
		arena_reset(&f.a);
	}
	arena_free(&f.a);
	return NULL;
}

static void test_threads(void **state)
{
	(void)state;
	struct page_cache *pc = page_cache_new(256 * 1024);
	pthread_t t[4];
	struct worker_arg args[4];
	for (int i = 0; i < 4; i++) {
		args[i] = (struct worker_arg){ pc, i, 0 };
		assert_int_equal(pthread_create(&t[i], NULL, worker, &args[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(args[i].served_wrong, 0);
	}
	page_cache_free(pc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_and_generation),
		cmocka_unit_test(test_only_plain_answers),
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
