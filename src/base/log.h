/* log.h — one line per event on stderr: time, level, message. */
#ifndef EVNE_LOG_H
#define EVNE_LOG_H

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_set_quiet(int quiet);

#endif
