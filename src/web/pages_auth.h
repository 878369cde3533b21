/* pages_auth.h — handlers of the pages every user meets: log-in, log-out,
 * language, home, accessibility statement. */
#ifndef EVNE_PAGES_AUTH_H
#define EVNE_PAGES_AUTH_H

#include "web/app.h"

void page_login_form(struct ctx *c);
void page_login(struct ctx *c);
void page_logout(struct ctx *c);
void page_lang(struct ctx *c);
void page_home(struct ctx *c);
void page_accessibility(struct ctx *c);

#endif
