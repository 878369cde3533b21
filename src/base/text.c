/* text.c — ICU behind two small functions. One collator per thread (ICU
 * collators are not thread-safe for concurrent use), freed at thread exit. */
#include "base/text.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

static pthread_key_t coll_key;
static pthread_once_t coll_once = PTHREAD_ONCE_INIT;

static void coll_free(void *p)
{
	if (p)
		ucol_close(p);
}

static void coll_key_make(void)
{
	pthread_key_create(&coll_key, coll_free);
}

static UCollator *collator(void)
{
	pthread_once(&coll_once, coll_key_make);
	UCollator *c = pthread_getspecific(coll_key);
	if (!c) {
		UErrorCode st = U_ZERO_ERROR;
		c = ucol_open("nb", &st);
		if (U_FAILURE(st)) {
			fprintf(stderr, "evne: ICU collator for nb: %s\n", u_errorName(st));
			abort();
		}
		pthread_setspecific(coll_key, c);
	}
	return c;
}

int text_collate_nb(const char *a, int alen, const char *b, int blen)
{
	UErrorCode st = U_ZERO_ERROR;
	UCollationResult r = ucol_strcollUTF8(collator(), a, alen, b, blen, &st);
	if (U_FAILURE(st)) {
		/* invalid UTF-8 cannot reach the database; fall back to bytes */
		int n = memcmp(a, b, (size_t)(alen < blen ? alen : blen));
		return n ? n : alen - blen;
	}
	return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

unsigned char *text_sort_key(struct arena *a, const char *s, size_t *len)
{
	*len = 0;
	if (!s)
		return NULL;
	UErrorCode st = U_ZERO_ERROR;
	int32_t n16 = 0;
	u_strFromUTF8(NULL, 0, &n16, s, -1, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	UChar *u = arena_alloc(a, (size_t)(n16 + 1) * sizeof(UChar));
	if (!u)
		return NULL;
	st = U_ZERO_ERROR;
	u_strFromUTF8(u, n16 + 1, NULL, s, -1, &st);
	if (U_FAILURE(st))
		return NULL;
	UCollator *c = collator();
	/* a first guess that fits most names; asked again when it does not */
	int32_t cap = 4 * n16 + 16;
	uint8_t *k = arena_alloc(a, (size_t)cap);
	if (!k)
		return NULL;
	int32_t n = ucol_getSortKey(c, u, n16, k, cap);
	if (n > cap) {
		cap = n;
		if (!(k = arena_alloc(a, (size_t)cap)))
			return NULL;
		n = ucol_getSortKey(c, u, n16, k, cap);
	}
	if (n <= 0 || n > cap)
		return NULL;
	*len = (size_t)n - 1;   /* without the terminating 0 byte */
	return k;
}

char *text_fold(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	UErrorCode st = U_ZERO_ERROR;
	int32_t n16 = 0;
	u_strFromUTF8(NULL, 0, &n16, s, -1, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	UChar *u = arena_alloc(a, (size_t)(n16 + 1) * 3 * sizeof(UChar));
	if (!u)
		return NULL;
	st = U_ZERO_ERROR;
	u_strFromUTF8(u, n16 + 1, NULL, s, -1, &st);
	if (U_FAILURE(st))
		return NULL;
	UChar *f = u + n16 + 1;
	int32_t nf = u_strFoldCase(f, 2 * (n16 + 1), u, n16, U_FOLD_CASE_DEFAULT, &st);
	if (U_FAILURE(st))
		return NULL;
	int32_t n8 = 0;
	u_strToUTF8(NULL, 0, &n8, f, nf, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	st = U_ZERO_ERROR;
	char *out = arena_alloc(a, (size_t)n8 + 1);
	if (!out)
		return NULL;
	u_strToUTF8(out, n8 + 1, NULL, f, nf, &st);
	return U_FAILURE(st) ? NULL : out;
}

void text_shutdown(void)
{
	pthread_once(&coll_once, coll_key_make);
	UCollator *c = pthread_getspecific(coll_key);
	if (c) {
		ucol_close(c);
		pthread_setspecific(coll_key, NULL);
	}
}
