#!/bin/sh
# pg-test.sh — a throwaway PostgreSQL for the tests. `start [DIR]` makes a
# cluster in DIR (default: a folder under /tmp named after the user) with
# initdb, listening only on a unix socket inside DIR (no TCP port, so runs
# never collide), starts it with pg_ctl -w, creates the database "evne" and
# prints its URL; `url [DIR]` prints the URL of a running one; `restart [DIR]`
# restarts it (fast mode); `stop [DIR]` stops it and removes DIR. Start and
# stop may be called twice. As root the cluster belongs to the "postgres"
# user (initdb refuses root), which must exist (Debian's postgresql package).
set -eu

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
	echo "pg-test: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
	exit 1
fi
cmd=${1:-}
dir=${2:-${TMPDIR:-/tmp}/evne-pg-test-$(id -u)}

# as_owner CMD...: runs CMD as the cluster's owner.
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

url() {
	echo "postgresql://postgres@/evne?host=$dir"
}

running() {
	[ -f "$dir/data/postmaster.pid" ] && as_owner "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

case $cmd in
start)
	if running; then
		url
		exit 0
	fi
	rm -rf "$dir"
	mkdir -p "$dir"
	chmod 700 "$dir"
	[ "$(id -u)" = 0 ] && chown postgres: "$dir"
	as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
		>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
	# Durability settings stay as in production except fsync: this cluster
	# is thrown away, and fsync only matters for power loss.
	as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=200" \
		start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
	as_owner "$PGBIN/createdb" -h "$dir" -U postgres -E UTF8 -T template0 evne
	url
	;;
url)
	running || { echo "pg-test: no server in $dir" >&2; exit 1; }
	url
	;;
restart)
	as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -m fast restart >/dev/null
	;;
stop)
	if running; then
		as_owner "$PGBIN/pg_ctl" -D "$dir/data" -w -t 60 -m fast stop >/dev/null || \
			as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null || true
	fi
	rm -rf "$dir"
	;;
*)
	echo "usage: pg-test.sh start|url|restart|stop [DIR]" >&2
	exit 2
	;;
esac
