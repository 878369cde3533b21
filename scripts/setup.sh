#!/bin/sh
# Installs what evne needs on Debian 12 and is missing: build libraries, the
# browser for tests, Node.js packages (npm ci). Safe to run again: it only
# acts on what is missing. As root it installs; otherwise it prints the line.
set -eu
cd "$(dirname "$0")/.."

DEB_PACKAGES="gcc make pkg-config libmicrohttpd-dev libsqlite3-dev libicu-dev libsodium-dev
 libjansson-dev libcmark-dev libcsv-dev libcmocka-dev python3 nodejs npm chromium sqlite3
 fonts-dejavu-core libpq-dev postgresql nginx
 libxlsxwriter-dev libcairo2-dev libpango1.0-dev poppler-utils curl
 default-jre-headless"

missing=""
for p in $DEB_PACKAGES; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
# A node from elsewhere (nvm, /usr/local) is fine: only ask Debian's when none is on PATH.
case " $missing " in *" nodejs "*) command -v node >/dev/null 2>&1 && missing=$(echo "$missing" | sed 's/ nodejs//') ;; esac
case " $missing " in *" npm "*) command -v npm >/dev/null 2>&1 && missing=$(echo "$missing" | sed 's/ npm//') ;; esac

if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "setup: installing Debian packages:$missing" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "setup: these Debian packages are missing; install them with:" >&2
		echo "  sudo apt-get install$missing" >&2
		exit 1
	fi
fi

# Front-end assets and browser test tools, exactly as locked. No install
# scripts: none of them needs one, and some would try to download (vnu-jar
# fetches a Java when none is on PATH; Debian's is installed above).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "setup: npm ci" >&2
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
fi
sh scripts/assets.sh
