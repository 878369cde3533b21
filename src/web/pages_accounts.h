/* pages_accounts.h — handlers of the account pages (web/page_accounts.c):
 * the administrator's account list, create and edit, the password reset,
 * and every user's own account page with the password change.
 *
 * Route rows for web/routes.c, in this order (/admin/users/new before
 * /admin/users/{id}):
 *   { "GET",  "/admin/users",              page_accounts,              ACT_USER_ADMIN },
 *   { "POST", "/admin/users",              page_account_create,        ACT_USER_ADMIN },
 *   { "GET",  "/admin/users/new",          page_account_new,           ACT_USER_ADMIN },
 *   { "GET",  "/admin/users/{id}",         page_account_edit,          ACT_USER_ADMIN },
 *   { "POST", "/admin/users/{id}",         page_account_update,        ACT_USER_ADMIN },
 *   { "GET",  "/admin/users/{id}/edit",    page_account_edit,          ACT_USER_ADMIN },
 *   { "GET",  "/admin/users/{id}/reset",   page_account_reset_confirm, ACT_USER_ADMIN },
 *   { "POST", "/admin/users/{id}/reset",   page_account_reset,         ACT_USER_ADMIN },
 *   { "GET",  "/account",                  page_account_mine,          ACT_SIGNED_IN },
 *   { "GET",  "/account/password",         page_account_mine,          ACT_SIGNED_IN },
 *   { "POST", "/account/password",         page_account_password,      ACT_SIGNED_IN },
 * The GET rows on /admin/users/{id} and /account/password answer the
 * address a failed form leaves in the address bar, so that reloading it or
 * switching language shows the form again instead of 405. */
#ifndef EVNE_PAGES_ACCOUNTS_H
#define EVNE_PAGES_ACCOUNTS_H

#include "web/app.h"

void page_accounts(struct ctx *c);
void page_account_new(struct ctx *c);
void page_account_create(struct ctx *c);
void page_account_edit(struct ctx *c);
void page_account_update(struct ctx *c);
void page_account_reset_confirm(struct ctx *c);
void page_account_reset(struct ctx *c);

void page_account_mine(struct ctx *c);
void page_account_password(struct ctx *c);

#endif
