/* cmd_token.c — evne token create: a new API token for a user, printed once;
 * only its SHA-256 is stored. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/crypto.h"
#include "cli/cmds.h"
#include "cli/opts.h"
#include "store/store.h"

int cmd_token(int argc, char **argv)
{
	struct opt defs[] = { { "db", true, NULL }, { "email", true, NULL }, { "name", true, NULL } };
	struct opts o = { defs, 3, { 0 }, 0 };
	if (opts_parse(&o, argc, argv))
		return 2;
	if (o.npositional != 1 || strcmp(o.positional[0], "create") != 0 || !opts_get(&o, "email")) {
		fputs("usage: evne token create --db DB --email E [--name LABEL]\n", stderr);
		return 2;
	}
	const char *db = opts_db(&o, "token");
	if (!db)
		return 2;
	struct arena a;
	arena_init(&a, 0);
	char *email = arena_strdup(&a, opts_get(&o, "email"));
	for (char *p = email; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	const char *label = opts_get(&o, "name");
	char err[256];
	struct store *s;
	int rc = 1;
	if (store_open(db, 1, true, &s, err, sizeof err) != OK) {
		fprintf(stderr, "evne: %s\n", err);
		goto out;
	}
	struct store_conn *c = store_acquire(s);
	struct user u;
	char token[TOKEN_HEX_LEN + 1], hash[HASH_HEX_LEN + 1];
	token_random_hex(token);
	token_hash_hex(token, hash);
	enum err e = store_begin(c, true);
	if (e == OK) {
		e = store_user_by_email(c, &a, email, &u);
		if (e == ERR_NOTFOUND)
			fprintf(stderr, "evne token: no user with e-mail %s\n", email);
	}
	if (e == OK && !u.active) {
		fprintf(stderr, "evne token: the user %s is deactivated\n", email);
		e = ERR_FORBIDDEN;
	}
	if (e == OK)
		e = store_token_insert(c, u.id, label ? label : "", hash, (int64_t)time(NULL));
	if (e == OK)
		e = store_audit_insert(c, (int64_t)time(NULL), 0, "user", u.id, "token_create", "{}");
	if (e == OK)
		e = store_commit(c);
	else
		store_rollback(c);
	if (e != OK && e != ERR_NOTFOUND && e != ERR_FORBIDDEN)
		fprintf(stderr, "evne: %s\n", store_errmsg(c));
	store_release(s, c);
	store_close(s);
	if (e == OK) {
		printf("%s\n", token);
		rc = 0;
	}
out:
	arena_free(&a);
	return rc;
}
