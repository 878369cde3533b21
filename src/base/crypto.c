/* crypto.c — libsodium wrappers. Passwords use argon2id at OWASP's
 * recommended minimum (19 MiB, 2 passes): memory-hard enough for stolen
 * hashes to be costly, small enough that a burst of log-ins cannot push the
 * server past its memory budget; concurrent hashes are capped too. */
#include "base/crypto.h"

#include <semaphore.h>
#include <sodium.h>
#include <string.h>

enum { HASH_CONCURRENCY = 2, HASH_OPS = 2 };
#define HASH_MEM ((size_t)19 * 1024 * 1024)
static sem_t hash_slots;

int crypto_init(void)
{
	if (sodium_init() < 0)
		return -1;
	static int sem_ready;
	if (!sem_ready) {
		if (sem_init(&hash_slots, 0, HASH_CONCURRENCY) != 0)
			return -1;
		sem_ready = 1;
	}
	return 0;
}

void token_random_hex(char out[TOKEN_HEX_LEN + 1])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, TOKEN_HEX_LEN + 1, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
}

void token_hash_hex(const char *s, char out[HASH_HEX_LEN + 1])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
	sodium_bin2hex(out, HASH_HEX_LEN + 1, h, sizeof h);
}

int password_hash(const char *password, char out[PASSWORD_HASH_MAX])
{
	_Static_assert(crypto_pwhash_STRBYTES <= PASSWORD_HASH_MAX, "hash buffer");
	while (sem_wait(&hash_slots) != 0)
		;
	int rc = crypto_pwhash_str_alg(out, password, strlen(password), HASH_OPS, HASH_MEM,
				       crypto_pwhash_ALG_ARGON2ID13);
	sem_post(&hash_slots);
	return rc == 0 ? 0 : -1;
}

bool password_verify(const char *hash, const char *password)
{
	if (!hash || !password || strncmp(hash, "$argon2id$", 10) != 0)
		return false;
	while (sem_wait(&hash_slots) != 0)
		;
	int rc = crypto_pwhash_str_verify(hash, password, strlen(password));
	sem_post(&hash_slots);
	return rc == 0;
}

bool str_equal_ct(const char *a, const char *b)
{
	if (!a || !b)
		return false;
	size_t n = strlen(a);
	if (n != strlen(b))
		return false;
	return sodium_memcmp(a, b, n) == 0;
}
