/* i18n.h — the message catalogue (bokmål, nynorsk, English), Norwegian
 * collation and Norwegian date and number formats.
 * Messages are defined once in messages.def as MSG(ID, "nb", "nn", "en"):
 * a missing language is a compile error. A message may hold printf
 * conversions; the lint test checks all three agree. */
#ifndef EVNE_I18N_H
#define EVNE_I18N_H

#include <stdint.h>
#include "base/buf.h"

enum lang { LANG_NB = 0, LANG_NN, LANG_EN, LANG_COUNT };

enum msg {
#define MSG(id, nb, nn, en) id,
#include "i18n/messages.def"
#undef MSG
	MSG_COUNT
};

const char *msg(enum lang l, enum msg m);
const char *msg_id_name(enum msg m);              /* "MSG_..." for tests */
enum lang lang_parse(const char *code);           /* unknown or NULL: LANG_NB */
const char *lang_code(enum lang l);               /* "nb", "nn", "en" */
int lang_is_code(const char *code);               /* 1 when code is one of ours */

/* 28.11.2026 (all three languages use the Norwegian form; en too, for HR
 * exports that mix). epoch is UTC seconds, shown in Europe/Oslo time. */
void fmt_date(struct buf *b, int64_t epoch);
void fmt_datetime(struct buf *b, int64_t epoch);  /* 28.11.2026 kl. 09:05 */
/* 100 000 (no-break space between groups), -1 234 */
void fmt_int(struct buf *b, int64_t v);


#endif
