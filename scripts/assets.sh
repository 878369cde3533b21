#!/bin/sh
# Copies the browser-side files evne serves (Designsystemet CSS and theme,
# htmx, the Inter font, our own assets/evne.css) from node_modules into
# build/assets, each renamed with the first 12 hex digits of its SHA-256 so
# it can be cached for a year, and writes build/assets/manifest.txt with
# lines "LOGICAL HASHED_NAME CONTENT_TYPE" for the server. The font URLs in
# evne.css (@FONT_400@ ...) are replaced by the hashed font names. Files
# whose content is unchanged are left alone; stale hashed files are removed.
set -eu
cd "$(dirname "$0")/.."

out=build/assets
nm=node_modules
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/evne-assets.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

: > "$tmp/manifest.txt"

# add LOGICAL SOURCE CONTENT_TYPE: copy SOURCE in under its hashed name;
# sets $hashed to that name.
add() {
	logical=$1 src=$2 type=$3
	if [ ! -f "$src" ]; then
		echo "assets: missing $src (run npm ci)" >&2
		exit 1
	fi
	hash=$(sha256sum "$src" | cut -c1-12)
	base=${logical%.*} ext=${logical##*.}
	case $logical in *.min.js) base=${logical%.min.js} ext=min.js ;; esac
	hashed=$base.$hash.$ext
	if [ ! -f "$out/$hashed" ] || ! cmp -s "$src" "$out/$hashed"; then
		cp "$src" "$out/$hashed.tmp"
		mv "$out/$hashed.tmp" "$out/$hashed"
	fi
	echo "$logical $hashed $type" >> "$tmp/manifest.txt"
}

add designsystemet.css "$nm/@digdir/designsystemet-css/dist/src/index.css" text/css
add theme.css "$nm/@digdir/designsystemet-theme/src/themes/designsystemet.css" text/css
add htmx.min.js "$nm/htmx.org/dist/htmx.min.js" text/javascript
add favicon.svg assets/favicon.svg image/svg+xml
add inter-latin-400-normal.woff2 "$nm/@fontsource/inter/files/inter-latin-400-normal.woff2" font/woff2
font400=$hashed
add inter-latin-500-normal.woff2 "$nm/@fontsource/inter/files/inter-latin-500-normal.woff2" font/woff2
font500=$hashed
add inter-latin-600-normal.woff2 "$nm/@fontsource/inter/files/inter-latin-600-normal.woff2" font/woff2
font600=$hashed

sed -e "s/@FONT_400@/$font400/g" -e "s/@FONT_500@/$font500/g" -e "s/@FONT_600@/$font600/g" \
	assets/evne.css > "$tmp/evne.css"
if grep -q '@FONT_[0-9]*@' "$tmp/evne.css"; then
	echo "assets: assets/evne.css has an unknown @FONT_...@ placeholder" >&2
	exit 1
fi
add evne.css "$tmp/evne.css" text/css

if ! cmp -s "$tmp/manifest.txt" "$out/manifest.txt"; then
	cp "$tmp/manifest.txt" "$out/manifest.txt.tmp"
	mv "$out/manifest.txt.tmp" "$out/manifest.txt"
fi

# Remove what the manifest no longer lists.
for f in "$out"/*; do
	[ -e "$f" ] || continue
	name=${f##*/}
	[ "$name" = manifest.txt ] && continue
	if ! cut -d' ' -f2 "$out/manifest.txt" | grep -qxF "$name"; then
		rm -f "$f"
	fi
done
