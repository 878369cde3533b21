/* text.h — Unicode-aware text operations on UTF-8, through ICU: case folding
 * for search and Norwegian collation (æ, ø, å after z) for sorting. */
#ifndef EVNE_TEXT_H
#define EVNE_TEXT_H

#include "base/arena.h"

/* Case-folded copy of s (NULL on invalid UTF-8 or over the arena cap). */
char *text_fold(struct arena *a, const char *s);
/* strcmp-like comparison in Norwegian bokmål collation; thread-safe. */
int text_collate_nb(const char *a, int alen, const char *b, int blen);
/* The binary ICU sort key of s in the same Norwegian bokmål collation:
 * memcmp of two keys (then length) orders as text_collate_nb orders the
 * strings. Not NUL-terminated (ICU's final 0 byte is dropped); *len is its
 * length. NULL on invalid UTF-8 or over the arena cap. */
unsigned char *text_sort_key(struct arena *a, const char *s, size_t *len);
/* Frees the cached collators (for leak-clean shutdown). */
void text_shutdown(void);

#endif
