/* cmd_user.c — evne user add: an account with a role, the password read from
 * standard input (without echo on a terminal), optionally linked to a person
 * by employee number. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "base/crypto.h"
#include "base/utf8.h"
#include "cli/cmds.h"
#include "cli/opts.h"
#include "domain/validate.h"
#include "store/store.h"

enum { PASSWORD_MIN = 10, PASSWORD_MAX = 256 };

static int read_password(char *out, size_t n)
{
	int tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fputs("Password: ", stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	char *line = fgets(out, (int)n, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputc('\n', stderr);
	}
	if (!line)
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

static void lower_ascii(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

int cmd_user(int argc, char **argv)
{
	struct opt defs[] = { { "db", true, NULL }, { "email", true, NULL }, { "name", true, NULL },
			      { "role", true, NULL }, { "person", true, NULL }, { "lang", true, NULL } };
	struct opts o = { defs, 6, { 0 }, 0 };
	if (opts_parse(&o, argc, argv))
		return 2;
	if (o.npositional != 1 || strcmp(o.positional[0], "add") != 0) {
		fputs("usage: evne user add --db DB --email E --name NAME --role ROLE [--person EMPLOYEE_NUMBER]\n"
		      "       (password read from stdin; roles: admin, hr, management, leader, employee, representative)\n", stderr);
		return 2;
	}
	const char *db = opts_db(&o, "user");
	if (!db)
		return 2;
	struct arena a;
	arena_init(&a, 0);
	char *email = arena_strdup(&a, opts_get(&o, "email"));
	const char *name = opts_get(&o, "name");
	const char *role_s = opts_get(&o, "role");
	int rc = 2;
	if (!email || !valid_email(email)) {
		fputs("evne user: --email must be an e-mail address\n", stderr);
		goto out;
	}
	lower_ascii(email);
	if (!name || !*name || !utf8_valid_text(name, strlen(name))) {
		fputs("evne user: --name is required\n", stderr);
		goto out;
	}
	enum role role = role_parse(role_s);
	if (role == ROLE_NONE) {
		fputs("evne user: --role must be one of admin, hr, management, leader, employee, representative\n", stderr);
		goto out;
	}
	const char *lang = opts_get(&o, "lang");
	if (lang && strcmp(lang, "nb") && strcmp(lang, "nn") && strcmp(lang, "en")) {
		fputs("evne user: --lang must be nb, nn or en\n", stderr);
		goto out;
	}
	char password[PASSWORD_MAX + 2];
	rc = 1;
	if (read_password(password, sizeof password) != 0) {
		fputs("evne user: no password on standard input\n", stderr);
		goto out;
	}
	if (strlen(password) < PASSWORD_MIN || strlen(password) > PASSWORD_MAX) {
		fprintf(stderr, "evne user: the password must have %d to %d characters\n", PASSWORD_MIN, PASSWORD_MAX);
		goto out;
	}
	char hash[PASSWORD_HASH_MAX];
	if (password_hash(password, hash) != 0) {
		fputs("evne user: out of memory while hashing the password\n", stderr);
		goto out;
	}
	char err[256];
	struct store *s;
	if (store_open(db, 1, true, &s, err, sizeof err) != OK) {
		fprintf(stderr, "evne: %s\n", err);
		goto out;
	}
	struct store_conn *c = store_acquire(s);
	struct user u = { .email = email, .name = (char *)name, .role = role, .password_hash = hash,
			  .active = true, .lang = (char *)(lang ? lang : "nb") };
	enum err e = store_begin(c, true);
	const char *person = opts_get(&o, "person");
	if (e == OK && person) {
		struct person p;
		e = store_person_by_number(c, &a, person, &p);
		if (e == ERR_NOTFOUND)
			fprintf(stderr, "evne user: no person with employee number %s\n", person);
		u.person_id = p.id;
	}
	if (e == OK) {
		e = store_user_insert(c, &u);
		if (e == ERR_CONFLICT)
			fprintf(stderr, "evne user: %s already has an account (or the person is linked to one)\n", email);
		else if (e != OK && e != ERR_NOTFOUND)
			fprintf(stderr, "evne: %s\n", store_errmsg(c));
	}
	if (e == OK)
		e = store_audit_insert(c, (int64_t)time(NULL), 0, "user", u.id, "create", "{}");
	if (e == OK)
		e = store_commit(c);
	else
		store_rollback(c);
	store_release(s, c);
	store_close(s);
	if (e == OK) {
		printf("user %s (%s) added\n", email, role_name(role));
		rc = 0;
	}
out:
	arena_free(&a);
	return rc;
}
