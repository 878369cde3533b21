/* crypto.h — libsodium behind the few operations evne needs: random tokens,
 * SHA-256 of tokens (only hashes are stored), argon2id passwords, and
 * constant-time comparison. crypto_init() must run once before threads. */
#ifndef EVNE_CRYPTO_H
#define EVNE_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>

enum { TOKEN_HEX_LEN = 64, HASH_HEX_LEN = 64, PASSWORD_HASH_MAX = 128 };

int crypto_init(void);                                   /* 0 ok, -1 failure */
/* 32 random bytes as 64 hex characters + NUL into out[65]. */
void token_random_hex(char out[TOKEN_HEX_LEN + 1]);
/* SHA-256 of s as 64 hex characters + NUL into out[65]. */
void token_hash_hex(const char *s, char out[HASH_HEX_LEN + 1]);
/* argon2id; returns 0, or -1 when out of memory. At most a few hashes run at
 * once (a semaphore), so a flood of log-ins cannot exhaust memory. */
int password_hash(const char *password, char out[PASSWORD_HASH_MAX]);
bool password_verify(const char *hash, const char *password);
bool str_equal_ct(const char *a, const char *b);         /* constant time for equal lengths */

#endif
