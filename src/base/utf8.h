/* utf8.h — validation and small helpers for UTF-8 text from outside. */
#ifndef EVNE_UTF8_H
#define EVNE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is well-formed UTF-8 without NUL or C0 controls other
 * than tab, LF and CR. */
bool utf8_valid_text(const char *s, size_t n);
/* Number of code points (s must be valid UTF-8). */
size_t utf8_len(const char *s);
/* Trims ASCII and no-break spaces at both ends in place; returns s. */
char *str_trim(char *s);

#endif
