#!/usr/bin/env bash
# shellcheck disable=SC2016 # the backquotes in the table are markdown, not commands
# Times `coop-awards-cli import` against the floor, `sqlite3 .import` of the same CSV into one
# plain table, in the same run and on the same file, and prints a markdown table.
#
# The generated names include pairs that differ only in their diacritics ("Đông", "Đồng"), as
# real ones do, so the import is told to create them (--allow-new) rather than ask.
#
# The two are run in turn, round after round (after one warm-up round), each into a new
# database, and timed with /usr/bin/time: on a shared machine the load changes from second to
# second, and alternating exposes both to the same moments. Medians are compared.
#
# Environment: BUILD (build directory, default build-bench), ROWS (default 200000), SEED
# (default 1), RUNS (rounds, default 7), MESON_ARGS (extra arguments for a new `meson setup`).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${BUILD:-$root/build-bench}
rows=${ROWS:-200000}
seed=${SEED:-1}
runs=${RUNS:-7}

die () { echo "import.sh: $*" >&2; exit 1; }

for tool in meson ninja sqlite3 /usr/bin/time awk; do
  command -v "$tool" > /dev/null || die "$tool is needed (Debian: apt install sqlite3 time)"
done

# Build what is needed; the CLI may not exist yet, and then only the floor is measured.
if [[ ! -f $build/build.ninja ]]; then
  # shellcheck disable=SC2086 # MESON_ARGS is a list of words.
  meson setup "$build" "$root" ${MESON_ARGS:-} > /dev/null || die "meson setup $build failed"
fi
ninja -C "$build" -j 2 bench/awards-bench-generate > /dev/null \
  || die "cannot build the generator: ninja -C $build bench/awards-bench-generate"
generator=$build/bench/awards-bench-generate
cli=$build/src/cli/coop-awards-cli
if ! ninja -C "$build" -j 2 src/cli/coop-awards-cli > "$build/bench-cli-build.log" 2>&1; then
  echo "note: coop-awards-cli does not build (see $build/bench-cli-build.log); measuring the floor only" >&2
  cli=
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/awards-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
csv=$tmp/awards.csv

start=$(date +%s.%N)
"$generator" --seed "$seed" --rows "$rows" --output "$csv"
end=$(date +%s.%N)
csv_mb=$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "Generated $rows rows ($csv_mb MB, seed $seed) in" \
  "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }') s" >&2

import_line=".import \"$csv\" awards"
# Peak memory, from one run each into fresh files. The CLI run doubles as a check that the
# import succeeds at all before it is timed.
peak_kb () {
  local out=$1; shift
  /usr/bin/time -v -o "$out.time" "$@" > "$out.log" 2>&1 || {
    echo "import.sh: failed: $*" >&2
    tail -5 "$out.log" >&2
    return 1
  }
  awk -F': ' '/Maximum resident set size/ { print $2 }' "$out.time"
}
file_mb () { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }

floor_kb=$(peak_kb "$tmp/floor-mem" sqlite3 "$tmp/floor-mem.db" -cmd '.mode csv' "$import_line")
floor_db_size=$(file_mb "$tmp/floor-mem.db")
cli_kb=
if [[ -n $cli ]]; then
  if cli_kb=$(peak_kb "$tmp/cli-mem" "$cli" --database "$tmp/cli-mem.db" import --allow-new "$csv"); then
    cli_db_size=$(file_mb "$tmp/cli-mem.db")
    cli_rows=$(sqlite3 "$tmp/cli-mem.db" 'SELECT count(*) FROM commendation' 2> /dev/null || echo '?')
    [[ $cli_rows == "$rows" ]] || echo "warning: the CLI stored $cli_rows commendations, not $rows" >&2
  else
    echo "note: measuring the floor only" >&2
    cli=
  fi
fi

# One timed run: "label wall user system" appended to times.txt.
timed () {
  local label=$1; shift
  rm -rf "$tmp"/timed.db*
  /usr/bin/time -f "$label %e %U %S" -a -o "$tmp/times.txt" "$@" > /dev/null 2> "$tmp/timed.log" || {
    echo "import.sh: failed: $*" >&2
    tail -5 "$tmp/timed.log" >&2
    exit 1
  }
}
round () {
  timed floor sqlite3 "$tmp/timed.db" -cmd '.mode csv' "$import_line"
  [[ -z $cli ]] || timed cli "$cli" --database "$tmp/timed.db" import --allow-new "$csv"
}

round   # warm-up: the file in the page cache, the programs loaded
: > "$tmp/times.txt"
for ((i = 1; i <= runs; i++)); do
  echo "round $i of $runs" >&2
  round
done

# times.txt: label wall user system, one line per run.
stats () { # label → "median_wall min_wall max_wall median_cpu"
  awk -v label="$1" 'BEGIN { n = 0 } $1 == label { w[n] = $2; c[n] = $3 + $4; n++ }
    function median (a, n,    i, j, t) {
      for (i = 1; i < n; i++) for (j = i; j > 0 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2
    }
    END { mw = median(w, n); mc = median(c, n); print mw, w[0], w[n - 1], mc }' "$tmp/times.txt"
}
mb () { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
read -r floor_wall floor_min floor_max floor_cpu <<< "$(stats floor)"
table_row () { # label, stats, peak kB, database size
  local wall min max cpu
  read -r wall min max cpu <<< "$2"
  awk -v label="$1" -v wall="$wall" -v min="$min" -v max="$max" -v cpu="$cpu" \
      -v floor="$floor_wall" -v rows="$rows" -v rss="$(mb "$3")" -v db="$4" 'BEGIN {
    printf "| %s | %.2f s (%.2f–%.2f) | %.2f s | %.2f× | %.0f | %s | %s |\n", label, wall, min,
           max, cpu, wall / floor, rows / wall, rss, db }'
}

echo
echo "Import of $rows rows ($csv_mb MB CSV, \`awards-bench-generate --seed $seed\`)," \
  "$runs rounds after 1 warm-up, $(nproc) CPUs, SQLite $(sqlite3 --version | cut -d' ' -f1):"
echo
echo "| | wall, median (range) | CPU, median | vs floor | rows/s | peak RSS | database |"
echo "|---|---:|---:|---:|---:|---:|---:|"
table_row '`sqlite3 .import` into one table (floor)' "$(stats floor)" "$floor_kb" "$floor_db_size"
if [[ -n $cli ]]; then
  table_row '`coop-awards-cli import`' "$(stats cli)" "$cli_kb" "$cli_db_size"
  echo
  read -r cli_wall _ _ cli_cpu <<< "$(stats cli)"
  awk -v w="$cli_wall" -v c="$cli_cpu" -v fw="$floor_wall" -v fc="$floor_cpu" 'BEGIN {
    printf "coop-awards-cli import / sqlite3 .import, medians: %.2f (wall), %.2f (CPU)\n",
           w / fw, c / fc }'
else
  echo '| `coop-awards-cli import` | not built | | | | | |'
fi
