/* session.h — who is asking: server-side sessions (only a hash of the cookie
 * token is stored), API tokens, the actor with its unit scope, and CSRF
 * tokens (per session; before log-in a double-submit cookie). */
#ifndef EVNE_SESSION_H
#define EVNE_SESSION_H

#include <stdbool.h>
#include "web/app.h"

#define SESSION_COOKIE "evne_session"
#define PRELOGIN_COOKIE "evne_csrf"

/* Fills c->user, c->actor, c->csrf from a Bearer token (API) or the session
 * cookie. Not logged in is OK with actor.role == ROLE_NONE; ERR_BUSY/ERR_IO
 * when the database fails. */
enum err session_authenticate(struct ctx *c, bool api);
/* CSRF check for a state-changing request: the form field "csrf" (web) or
 * the X-CSRF-Token header (API with a cookie); Bearer API calls need none. */
bool session_csrf_ok(struct ctx *c, bool api);
/* Logs user in: a new session row and cookie, in its own write transaction. */
enum err session_start(struct ctx *c, int64_t user_id);
enum err session_end(struct ctx *c);
/* The CSRF token for forms on a page seen before log-in, set as a cookie
 * when missing. */
const char *session_prelogin_csrf(struct ctx *c);
/* Loads the actor (role, person, led units) for user u into c;
 * ERR_FORBIDDEN when the user's person is deactivated. */
enum err session_load_actor(struct ctx *c, const struct user *u);

#endif
