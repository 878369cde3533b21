/* i18n.c — the message catalogue as a table built from messages.def by the
 * X-macro in i18n.h (each MSG line gives one row of three languages, so a
 * missing language fails to compile), plus the language codes nb, nn and en.
 * Lookups are plain array reads: thread-safe and allocation-free. */
#include "i18n/i18n.h"

#include <string.h>

static const char *const catalogue[MSG_COUNT][LANG_COUNT] = {
#define MSG(id, nb, nn, en) [id] = { nb, nn, en },
#include "i18n/messages.def"
#undef MSG
};

static const char *const msg_names[MSG_COUNT] = {
#define MSG(id, nb, nn, en) [id] = #id,
#include "i18n/messages.def"
#undef MSG
};

static const char *const lang_codes[LANG_COUNT] = {
	[LANG_NB] = "nb",
	[LANG_NN] = "nn",
	[LANG_EN] = "en",
};

const char *msg(enum lang l, enum msg m)
{
	if ((unsigned)m >= MSG_COUNT)
		return "";
	if ((unsigned)l >= LANG_COUNT)
		l = LANG_NB;
	return catalogue[m][l];
}

const char *msg_id_name(enum msg m)
{
	return (unsigned)m < MSG_COUNT ? msg_names[m] : "";
}

enum lang lang_parse(const char *code)
{
	if (code)
		for (int l = 0; l < LANG_COUNT; l++)
			if (strcmp(code, lang_codes[l]) == 0)
				return (enum lang)l;
	return LANG_NB;
}

const char *lang_code(enum lang l)
{
	return (unsigned)l < LANG_COUNT ? lang_codes[l] : lang_codes[LANG_NB];
}

int lang_is_code(const char *code)
{
	if (!code)
		return 0;
	for (int l = 0; l < LANG_COUNT; l++)
		if (strcmp(code, lang_codes[l]) == 0)
			return 1;
	return 0;
}
