#!/bin/sh
# make run: create the database with a demo organisation the first time,
# print the log-ins, and serve http://127.0.0.1:8080 until Ctrl-C.
set -eu
cd "$(dirname "$0")/.."
db=${1:-var/evne.db}
listen=${EVNE_LISTEN:-127.0.0.1:8080}
mkdir -p "$(dirname "$db")"
logins="$(dirname "$db")/demo-logins.txt"
if [ ! -f "$db" ]; then
	build/evne init --db "$db" --quiet
	build/evne demo --db "$db" > "$logins"
fi
echo
echo "evne is starting on http://$listen"
if [ -f "$logins" ]; then
	echo "Demo log-ins (also in $logins):"
	cat "$logins"
fi
echo "Stop with Ctrl-C."
echo
exec build/evne serve --db "$db" --listen "$listen"
