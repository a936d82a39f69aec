#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Counts the instructions of `coop-awards-cli import` of a generated list with callgrind and
# compares them with the committed baseline (bench/instructions-baseline.txt). Instructions, not
# seconds: the count is the same whatever else the shared machine is doing, so CI can keep the
# import's cost honest without a timing assertion. Exits 1 when the count passes the baseline by
# more than the margin (default 1.5: a change that doubles the work fails, noise does not).
#
#   bench/instructions.sh                 # check against the baseline
#   bench/instructions.sh --update        # write the current count as the new baseline
#
# Environment: BUILD (a build directory, default build), ROWS (default 20000), SEED (default 1),
# MARGIN (default 1.5).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${BUILD:-$root/build}
rows=${ROWS:-20000}
seed=${SEED:-1}
margin=${MARGIN:-1.5}
baseline_file=$here/instructions-baseline.txt
update=false
[[ ${1:-} == --update ]] && update=true

die () { echo "instructions.sh: $*" >&2; exit 1; }
command -v valgrind > /dev/null || die "valgrind is needed (Debian: apt install valgrind)"
[[ -f $build/build.ninja ]] || die "no build in $build (meson setup $build first)"
ninja -C "$build" bench/awards-bench-generate src/cli/coop-awards-cli > /dev/null \
  || die "cannot build the generator and the CLI in $build"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/awards-instructions.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$build/bench/awards-bench-generate" --seed "$seed" --rows "$rows" --output "$tmp/awards.csv"

# One run; every thread's instructions are counted (callgrind runs the threads one at a time).
valgrind --tool=callgrind --callgrind-out-file="$tmp/callgrind.out" \
  "$build/src/cli/coop-awards-cli" --database "$tmp/awards.db" import --allow-new "$tmp/awards.csv" \
  > "$tmp/import.log" 2> "$tmp/valgrind.log" || { tail -20 "$tmp/valgrind.log" >&2; die "the import failed"; }
count=$(awk '/^summary:/ { print $2 }' "$tmp/callgrind.out")
[[ -n $count ]] || die "callgrind wrote no summary"
stored=$(sqlite3 "$tmp/awards.db" 'SELECT count(*) FROM commendation')
[[ $stored == "$rows" ]] || die "the import stored $stored awards, not $rows"

if $update; then
  printf '# instructions of `coop-awards-cli import` of %s generated rows (seed %s)\n%s %s %s\n' \
    "$rows" "$seed" "$rows" "$seed" "$count" > "$baseline_file"
  echo "instructions: $count for $rows rows; baseline written to $baseline_file"
  exit 0
fi

read -r base_rows base_seed base_count < <(grep -v '^#' "$baseline_file")
[[ $base_rows == "$rows" && $base_seed == "$seed" ]] \
  || die "the baseline is for $base_rows rows, seed $base_seed; run with ROWS=$base_rows SEED=$base_seed"
awk -v c="$count" -v b="$base_count" -v m="$margin" -v rows="$rows" 'BEGIN {
  ratio = c / b
  printf "instructions: import of %d rows: %.0f (%.0f per row), baseline %.0f: %.2fx (limit %.2fx)\n",
         rows, c, c / rows, b, ratio, m
  exit (ratio > m) ? 1 : 0
}' || { echo "instructions.sh: the import does more than ${margin}x the work of its baseline" >&2; exit 1; }
