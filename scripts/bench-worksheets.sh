#!/usr/bin/env bash
# Worksheet timings for `make bench`: every worksheet in both paper sizes,
# regular and large print, and the two workbooks, first into an empty output folder (cold: layout + Ghostscript), then again
# with nothing changed (every PDF reused from the previous output; no gs run).
#
#   scripts/bench-worksheets.sh [path/to/smartsite]     (default .build/release/smartsite)
#
# Prints the `worksheets` step of `smartsite build --timings` for each run;
# targets: under 1.5 s cold on 2 cores, and no PDF made when nothing changed.
set -euo pipefail
SMARTSITE=${1:-.build/release/smartsite}
command -v gs >/dev/null || { echo "bench-worksheets: gs is not installed (Debian package ghostscript)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {
    local label=$1
    local line
    line=$("$SMARTSITE" build --output "$work/site" --timings | tee "$work/log" | grep -E '^  worksheets:' || true)
    echo "$label: ${line#  worksheets: } — $(grep -oE '[0-9]+ PDFs made, [0-9]+ unchanged' "$work/log")"
}

for i in 1 2 3; do
    rm -rf "$work/site"
    run "cold #$i"
done
for i in 1 2 3; do
    run "nothing changed #$i"
done
