/* err.c — names of error values, for logs and tests. */
#include "base/err.h"

const char *err_name(enum err e)
{
	switch (e) {
	case OK: return "ok";
	case ERR_INVALID: return "invalid";
	case ERR_NOTFOUND: return "not found";
	case ERR_FORBIDDEN: return "forbidden";
	case ERR_CONFLICT: return "conflict";
	case ERR_TOO_BIG: return "too big";
	case ERR_BUSY: return "busy";
	case ERR_IO: return "i/o error";
	}
	return "unknown";
}
