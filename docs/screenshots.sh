#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/read-view.png, docs/facts-view.png,
# docs/stories-view.png, and the library's docs/library-stories.png and
# docs/library-diff.png; 'bash docs/screenshots.sh library' makes only those two)
# from the real program: it builds parallax, runs it on the embedded corpus in
# a private tmux server at 120x32, captures the panes with their colours
# (tmux capture-pane -e), turns them into HTML with aha and into PNG with
# headless Chromium. Run it from anywhere after a UI change:
#
#   bash docs/screenshots.sh
#
# Needs go, tmux, aha, chromium and a monospace font (Debian:
# apt-get install -y tmux aha chromium fonts-dejavu-core).
set -euo pipefail

cd "$(dirname "$0")/.."
out="$PWD/docs"
cols=120 rows=32
for tool in go tmux aha chromium; do
	command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing (apt-get install -y tmux aha chromium)" >&2; exit 1; }
done

work="$(mktemp -d)"
sock="$work/tmux.sock"
cleanup() {
	tmux -S "$sock" kill-server 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/parallax" .

# A fresh data and config directory: the shipped lexicons and outlet table
# only, and a notes file with one tagged passage so the tag mark shows.
export PARALLAX_DATA_DIR="$work/data" PARALLAX_CONFIG_DIR="$work/config"
mkdir -p "$PARALLAX_DATA_DIR" "$PARALLAX_CONFIG_DIR"
"$work/parallax" tag --notes "$work/notes.db" --article 000_d4373ea2e64dc0f0 \
	--quote "the US is about to deploy short- and intermediate-range missiles" \
	--tag blame/us >/dev/null

# COLORFGBG tells the reader the background is dark (it decides once, at
# start); TERM gives it 256 colours.
tmux -S "$sock" new-session -d -s shot -x "$cols" -y "$rows" \
	env TERM=xterm-256color COLORFGBG='15;0' HOME="$work" \
	PARALLAX_DATA_DIR="$PARALLAX_DATA_DIR" PARALLAX_CONFIG_DIR="$PARALLAX_CONFIG_DIR" \
	"$work/parallax" --notes "$work/notes.db"

# wait_for TEXT: poll the pane until TEXT shows (the analyses run at start).
wait_for() {
	for _ in $(seq 1 100); do
		if tmux -S "$sock" capture-pane -p -t shot | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
	done
	echo "screenshots.sh: \"$1\" never showed; the pane was:" >&2
	tmux -S "$sock" capture-pane -p -t shot >&2
	exit 1
}

# shoot NAME: capture the pane with its colours and render it to docs/NAME.png.
shoot() {
	local name="$1"
	sleep 0.3 # let the last frame reach tmux
	tmux -S "$sock" capture-pane -e -p -t shot >"$work/$name.ansi"
	{
		cat <<-'HTML'
			<!DOCTYPE html>
			<html><head><meta charset="utf-8"><style>
			html, body { margin: 0; background: #1d1f21; }
			pre { margin: 0; padding: 12px 14px; color: #d0d0d0; background: #1d1f21;
			      font-family: "DejaVu Sans Mono", "Liberation Mono", monospace;
			      font-size: 14px; line-height: 17px; white-space: pre; }
			</style></head><body><pre>
		HTML
		# aha ends reverse video at the next "default colour" code (39, 49),
		# which a terminal does not: drop those right after a reverse.
		sed -E 's/(\x1b\[([0-9]+;)*7m)(\x1b\[(39|49)m)+/\1/g' "$work/$name.ansi" |
			aha --black --no-header
		echo '</pre></body></html>'
	} >"$work/$name.html"
	# 14px DejaVu Sans Mono is 8.43px a cell; 17px a line; plus the padding.
	local w=$((cols * 843 / 100 + 30)) h=$((rows * 17 + 24))
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$(mktemp -d -p "$work")" \
		--screenshot="$out/$name.png" --window-size="$w,$h" "file://$work/$name.html" \
		>/dev/null 2>&1
	echo "wrote docs/$name.png"
}

if [ "${1:-all}" != library ]; then
wait_for " READ "
# ] goes to the first shared fact of the first column (the first report):
# the other columns scroll level with it.
tmux -S "$sock" send-keys -t shot ']'
wait_for " · fact "
shoot read-view

tmux -S "$sock" send-keys -t shot '2'
wait_for " FACTS "
shoot facts-view

tmux -S "$sock" send-keys -t shot 'q'

# The Stories view of a folder mixing two look-alike events (a copy, so its
# notes file goes to the work folder).
tmux -S "$sock" kill-server 2>/dev/null || true
mkdir -p "$work/lookalike"
cp testdata/lookalike/articles/*.md "$work/lookalike/"
tmux -S "$sock" new-session -d -s shot -x "$cols" -y "$rows" -c "$work" \
	env TERM=xterm-256color COLORFGBG='15;0' HOME="$work" \
	PARALLAX_DATA_DIR="$PARALLAX_DATA_DIR" PARALLAX_CONFIG_DIR="$PARALLAX_CONFIG_DIR" \
	"$work/parallax" lookalike
wait_for " READ "
tmux -S "$sock" send-keys -t shot '0' 'j'
wait_for " STORIES "
shoot stories-view
tmux -S "$sock" send-keys -t shot 'q'
fi

# The library: the look-alike articles added with 'parallax add', one of them
# edited and added again, so that it has two versions.
tmux -S "$sock" kill-server 2>/dev/null || true
export PARALLAX_LIBRARY="$work/library/library.db"
mkdir -p "$work/library/src"
cp testdata/lookalike/articles/*.md "$work/library/src/"
"$work/parallax" add "$work/library/src" >/dev/null
art="$work/library/src/2023-03-14-crossroads.md"
sed -i -e 's/At least eight people were killed and 25 wounded/At least 11 people were killed and 31 wounded/' \
	-e '/^Rescuers were searching the rubble/d' "$art"
printf '\nThe governor declared two days of mourning in the region.\n' >>"$art"
"$work/parallax" add "$art" >/dev/null
tmux -S "$sock" new-session -d -s shot -x "$cols" -y "$rows" -c "$work" \
	env TERM=xterm-256color COLORFGBG='15;0' HOME="$work" PARALLAX_LIBRARY="$PARALLAX_LIBRARY" \
	PARALLAX_DATA_DIR="$PARALLAX_DATA_DIR" PARALLAX_CONFIG_DIR="$PARALLAX_CONFIG_DIR" \
	"$work/parallax"
# The stored stories come first ("… as the library stored them"); the
# analysed ones when the analysis is done.
wait_for "2 stories in 1 thread · "
# Newest first: the 2024 strike is story 1, the 2023 one (with the edited
# article) story 2.
tmux -S "$sock" send-keys -t shot 'j' 'j'
shoot library-stories
# The 2023 story, the edited article's column (the second), its versions, the diff.
tmux -S "$sock" send-keys -t shot 'Enter'
wait_for "Crossroads Wire ✎2"
tmux -S "$sock" send-keys -t shot 'Tab'
wait_for "· Crossroads Wire 1/"
tmux -S "$sock" send-keys -t shot 'V'
wait_for " VERSIONS "
tmux -S "$sock" send-keys -t shot 'Enter'
wait_for "EDITED"
shoot library-diff
tmux -S "$sock" send-keys -t shot 'q'
