#!/usr/bin/env bash
# Does the build stay linear? One section with N pages against one with 2N
# (a section page listing every child, and every child's breadcrumbs and
# menu), and the peak memory at LARGE pages (target: under 800 MB).
# CPU time (user + sys) is printed as well as wall time: it moves less when
# the machine is busy. Usage: scripts/bench-scale.sh [N] [LARGE] [WORK]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
LARGE=${2:-100000}
WORK=${3:-/dev/shm/smartsite-scale}
SMARTSITE=${SMARTSITE:-.build/release/smartsite}
rm -rf "$WORK"
mkdir -p "$WORK"

build() {  # name content-folder
    rm -rf "$WORK/out-$1"
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time-$1" \
        "$SMARTSITE" build --content "$2" --templates templates --output "$WORK/out-$1" --no-worksheets > /dev/null
    read -r wall user sys peak < "$WORK/time-$1"
    cpu=$(echo "$user + $sys" | bc)
    printf '  %-28s %7.2f s wall %7.2f s CPU  peak %6.0f MB\n' "$1" "$wall" "$cpu" "$(echo "$peak / 1024" | bc)"
    echo "$cpu" > "$WORK/cpu-$1"
}

python3 bench/make_corpus.py "$WORK/one-$N" "$N" 1
python3 bench/make_corpus.py "$WORK/one-$((2 * N))" "$((2 * N))" 1
python3 bench/make_corpus.py "$WORK/ten-$N" "$N" 10
echo "One folder with every page (real templates, $WORK):"
for round in 1 2 3; do
    build "ten sections, $N" "$WORK/ten-$N/content"
    build "one section, $N" "$WORK/one-$N/content"
    build "one section, $((2 * N))" "$WORK/one-$((2 * N))/content"
done
echo "  CPU of one section of $((2 * N)) / one of $N (last round): $(echo "scale=2; $(cat "$WORK/cpu-one section, $((2 * N))") / $(cat "$WORK/cpu-one section, $N")" | bc) (2.00 is linear)"
rm -rf "$WORK"/one-* "$WORK"/ten-* "$WORK"/out-*

python3 bench/make_corpus.py "$WORK/large" "$LARGE" 10
echo "$LARGE pages in 10 sections:"
build "$LARGE pages, fresh" "$WORK/large/content"
rm -rf "$WORK"
