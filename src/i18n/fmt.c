/* fmt.c — Norwegian number and date formats. Numbers group thousands with a
 * no-break space (U+00A0) so "100 000" never breaks across lines. Dates are
 * shown in Europe/Oslo time whatever the server's TZ: each thread keeps one
 * ICU calendar set to that zone (ICU calendars must not be shared between
 * threads), created on first use and closed when the thread ends. */
#include "i18n/i18n.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ucal.h>
#include <unicode/ustring.h>

static pthread_key_t cal_key;
static pthread_once_t cal_once = PTHREAD_ONCE_INIT;

static void cal_free(void *p)
{
	if (p)
		ucal_close(p);
}

static void cal_key_make(void)
{
	if (pthread_key_create(&cal_key, cal_free) != 0) {
		fprintf(stderr, "evne: pthread_key_create failed\n");
		abort();
	}
}

static UCalendar *oslo_calendar(void)
{
	pthread_once(&cal_once, cal_key_make);
	UCalendar *c = pthread_getspecific(cal_key);
	if (!c) {
		UChar zone[16];
		u_uastrcpy(zone, "Europe/Oslo");
		UErrorCode st = U_ZERO_ERROR;
		c = ucal_open(zone, -1, "nb_NO", UCAL_GREGORIAN, &st);
		if (U_FAILURE(st)) {
			fprintf(stderr, "evne: ICU calendar for Europe/Oslo: %s\n", u_errorName(st));
			abort();
		}
		pthread_setspecific(cal_key, c);
	}
	return c;
}

struct oslo_time {
	int year, month, day, hour, minute;
};

/* 0, or -1 when ICU reports an error (then the date is written as nothing
 * rather than as a wrong one). */
static int oslo_time(int64_t epoch, struct oslo_time *t)
{
	UCalendar *c = oslo_calendar();
	UErrorCode st = U_ZERO_ERROR;
	ucal_setMillis(c, (UDate)epoch * 1000.0, &st);
	t->year = ucal_get(c, UCAL_YEAR, &st);
	t->month = ucal_get(c, UCAL_MONTH, &st) + 1;
	t->day = ucal_get(c, UCAL_DATE, &st);
	t->hour = ucal_get(c, UCAL_HOUR_OF_DAY, &st);
	t->minute = ucal_get(c, UCAL_MINUTE, &st);
	return U_FAILURE(st) ? -1 : 0;
}

void fmt_date(struct buf *b, int64_t epoch)
{
	struct oslo_time t;
	if (oslo_time(epoch, &t) == 0)
		buf_printf(b, "%02d.%02d.%04d", t.day, t.month, t.year);
}

void fmt_datetime(struct buf *b, int64_t epoch)
{
	struct oslo_time t;
	if (oslo_time(epoch, &t) == 0)
		buf_printf(b, "%02d.%02d.%04d kl. %02d:%02d", t.day, t.month, t.year, t.hour,
			   t.minute);
}

void fmt_int(struct buf *b, int64_t v)
{
	/* the magnitude as unsigned, so INT64_MIN works too */
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	char digits[24];
	int n = 0;
	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf_putc(b, '-');
	for (int i = n - 1; i >= 0; i--) {
		buf_putc(b, digits[i]);
		if (i > 0 && i % 3 == 0)
			buf_add(b, "\xc2\xa0", 2);
	}
}
