#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# An import into a file that already holds awards, beside the same import into an empty file
# (#14 asks for the same cost, ± 20 %). One generated list of 6N rows is cut at the first new
# decision after 5N rows; the first part is imported once, then the rows after it are imported,
# round after round, into a copy of that file and into a new file.
#
# Environment: BUILD (build directory, default build-bench), ROWS (N, default 200000), SEED
# (default 1), RUNS (rounds, default 3).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${BUILD:-$root/build-bench}
rows=${ROWS:-200000}
seed=${SEED:-1}
runs=${RUNS:-3}
cli=$build/src/cli/coop-awards-cli
generator=$build/bench/awards-bench-generate

die () { echo "into.sh: $*" >&2; exit 1; }
[[ -x $cli && -x $generator ]] || die "build $build first (ninja -C $build)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/awards-into.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

"$generator" --seed "$seed" --rows $((rows * 6)) --output "$tmp/all.csv"
# A decision's rows follow each other, and its number, date and authority open each of them.
awk -F, -v first=$((rows * 5)) -v head="$tmp/head.csv" -v tail="$tmp/tail.csv" '
  NR == 1 { print > head; print > tail; next }
  { key = $1 FS $2 FS $3 }
  !cut && NR - 1 > first && key != last { cut = 1 }
  { print > (cut ? tail : head); last = key }' "$tmp/all.csv"
rm "$tmp/all.csv"
head_rows=$(($(wc -l < "$tmp/head.csv") - 1))
tail_rows=$(($(wc -l < "$tmp/tail.csv") - 1))
echo "Importing $head_rows rows into $tmp/large.db (once)…" >&2
"$cli" --database "$tmp/large.db" import --allow-new "$tmp/head.csv" > /dev/null

# Prints "seconds peak-KiB" of one import of the later rows into $1.
timed () {
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$cli" --database "$1" import --allow-new \
    "$tmp/tail.csv" > /dev/null
  cat "$tmp/time"
}

empty_times=() large_times=() empty_kb=0 large_kb=0
for ((i = 0; i < runs; i++)); do
  rm -rf "$tmp/empty.db"* "$tmp/copy.db"*
  cp "$tmp/large.db" "$tmp/copy.db"
  read -r t kb <<< "$(timed "$tmp/copy.db")"
  large_times+=("$t"); large_kb=$((kb > large_kb ? kb : large_kb))
  read -r t kb <<< "$(timed "$tmp/empty.db")"
  empty_times+=("$t"); empty_kb=$((kb > empty_kb ? kb : empty_kb))
done
stored=$(sqlite3 "$tmp/copy.db" 'SELECT count(*) FROM commendation')
[[ $stored == $((head_rows + tail_rows)) ]] \
  || die "the file holds $stored awards, not $((head_rows + tail_rows))"

median () { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int ((NR + 1) / 2)] }'; }
empty=$(median "${empty_times[@]}")
large=$(median "${large_times[@]}")
echo "| import of $tail_rows rows | s, median of $runs | peak memory | ratio |"
echo "|---|---:|---:|---:|"
awk -v e="$empty" -v ek="$empty_kb" 'BEGIN {
  printf "| into an empty file | %.2f | %.0f MB | 1.00x |\n", e, ek / 1024 }'
awk -v l="$large" -v lk="$large_kb" -v e="$empty" -v n="$head_rows" 'BEGIN {
  printf "| into a file of %d awards | %.2f | %.0f MB | %.2fx |\n", n, l, lk / 1024, l / e }'
echo
echo "(rounds: $(printf '%s ' "${large_times[@]}")against $(printf '%s ' "${empty_times[@]}")s)"
