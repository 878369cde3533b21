/* err.h — the one error enum every layer returns; outputs go through pointers. */
#ifndef EVNE_ERR_H
#define EVNE_ERR_H

enum err {
	OK = 0,
	ERR_INVALID,   /* the user's input is wrong (field errors say where) */
	ERR_NOTFOUND,
	ERR_FORBIDDEN,
	ERR_CONFLICT,  /* unique key taken, rule of the tree broken, stale edit */
	ERR_TOO_BIG,   /* a cap was reached: body, arena, builder */
	ERR_BUSY,      /* the database is locked or unreachable for now */
	ERR_IO         /* the environment failed: disk, database, network */
};

const char *err_name(enum err e);

#endif
