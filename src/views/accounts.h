/* accounts.h — the views of the account pages: the administrator's list of
 * log-in accounts, the create and edit form, the confirmation before a
 * password reset and the page that shows a one-time password once
 * (views/accounts.c); and the user's own account page with its password
 * change form. Each function writes the page body after page_begin from its
 * own view-model struct filled by the handler; pointers are borrowed for the
 * call. Password hashes are never part of a view model. */
#ifndef EVNE_VIEWS_ACCOUNTS_H
#define EVNE_VIEWS_ACCOUNTS_H

#include <stdbool.h>
#include <stdint.h>
#include "domain/types.h"
#include "domain/validate.h"
#include "html/html.h"
#include "views/form.h"

/* Password length rules, in characters (code points); the catalogue's
 * MSG_ACCT_PW_TOO_SHORT / _TOO_LONG and the hint spell out the same numbers. */
enum { ACCOUNT_PASSWORD_MIN = 10, ACCOUNT_PASSWORD_MAX = 256 };

/* One row of the account list. */
struct v_account_row {
	const struct user *user;
	const char *person_name;     /* NULL: no linked person */
	const char *person_number;
};

/* GET /admin/users */
struct v_accounts_index {
	const struct v_account_row *rows;   /* Norwegian order of name */
	int n;
};
void v_accounts_index(struct html *h, const struct v_accounts_index *m);

/* GET /admin/users/new, GET /admin/users/{id}/edit, and both again after a
 * failed POST. Creating asks for the e-mail address; editing shows it. */
struct v_account_form {
	const struct user *user;     /* the values shown; id 0: a new account */
	const char *heading_name;    /* the stored name when editing (the h1) */
	const char *person_number;   /* the linked person's employee number, as typed or stored */
	const struct field_errors *errors;   /* NULL or empty on first view */
	const char *csrf;
};
void v_account_form(struct html *h, const struct v_account_form *m);

/* GET /admin/users/{id}/reset */
struct v_account_reset {
	const struct user *user;
	const char *csrf;
};
void v_account_reset(struct html *h, const struct v_account_reset *m);

/* The answer to POST /admin/users and POST /admin/users/{id}/reset: the new
 * one-time password, shown this once, and how to hand it over. */
struct v_account_password {
	const struct user *user;
	const char *password;
	bool created;                /* a new account (else a reset) */
};
void v_account_password(struct html *h, const struct v_account_password *m);

/* A problem with one field of the password form, in words of its own (the
 * password rules are not domain validation problems). */
struct v_pw_error {
	const char *field;           /* "current_password", "new_password", "new_password_confirm" */
	enum msg m;
};

/* GET /account, and after a failed POST /account/password. */
struct v_account_mine {
	const struct user *user;
	const char *person_name;     /* NULL: no linked person */
	const struct v_pw_error *errors;
	int nerrors;
	bool rate_limited;           /* too many wrong current passwords */
	const char *csrf;
};
void v_account_mine(struct html *h, const struct v_account_mine *m);

#endif
