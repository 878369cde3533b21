/* migrations.h — numbered schema migrations embedded in the binary from
 * src/store/schema/<dialect>/NNN_name.sql. The applied versions and the
 * SHA-256 of each migration's text are kept in schema_migrations; a changed
 * text of an applied migration stops start-up. */
#ifndef EVNE_MIGRATIONS_H
#define EVNE_MIGRATIONS_H

struct migration {
	int version;
	const char *name;
	const char *sql;
};

extern const struct migration migrations_sqlite[];
extern const int migrations_sqlite_count;
extern const struct migration migrations_pg[];
extern const int migrations_pg_count;

#endif
