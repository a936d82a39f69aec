#!/usr/bin/env bash
# shellcheck disable=SC2016 # the backquotes in the table are markdown, not commands
# Times `coop-awards-cli import` against the floor, `sqlite3 .import` of the same CSV into one
# plain table, in the same run and on the same file, and prints a markdown table.
#
# Environment: BUILD (build directory, default build-bench), ROWS (default 200000), SEED
# (default 1), RUNS (default 5), MESON_ARGS (extra arguments for a new `meson setup`).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${BUILD:-$root/build-bench}
rows=${ROWS:-200000}
seed=${SEED:-1}
runs=${RUNS:-5}

die () { echo "import.sh: $*" >&2; exit 1; }

for tool in meson ninja hyperfine sqlite3 /usr/bin/time awk; do
  command -v "$tool" > /dev/null || die "$tool is needed (Debian: apt install hyperfine sqlite3 time)"
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

q () { printf '%q' "$1"; }
import_line=".import \"$csv\" awards"
floor_cmd="sqlite3 $(q "$tmp/floor.db") -cmd '.mode csv' $(q "$import_line")"
cli_cmd="$(q "$cli") --database $(q "$tmp/bench.db") import $(q "$csv")"

# Peak memory, from one run each into fresh files. The CLI run doubles as a check that the
# import succeeds at all, since hyperfine would only say that the command failed.
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
  if cli_kb=$(peak_kb "$tmp/cli-mem" "$cli" --database "$tmp/cli-mem.db" import "$csv"); then
    cli_db_size=$(file_mb "$tmp/cli-mem.db")
    cli_rows=$(sqlite3 "$tmp/cli-mem.db" 'SELECT count(*) FROM commendation' 2> /dev/null || echo '?')
    [[ $cli_rows == "$rows" ]] || echo "warning: the CLI stored $cli_rows commendations, not $rows" >&2
  else
    echo "note: measuring the floor only" >&2
    cli=
  fi
fi

commands=(-n 'sqlite3 .import (floor)' "$floor_cmd")
[[ -n $cli ]] && commands+=(-n 'coop-awards-cli import' "$cli_cmd")
hyperfine --warmup 1 --runs "$runs" --style basic \
  --prepare "rm -f $(q "$tmp")/floor.db* $(q "$tmp")/bench.db*" \
  --export-csv "$tmp/times.csv" "${commands[@]}" >&2

# times.csv: command,mean,stddev,median,user,system,min,max (seconds); the floor first.
# CPU time (user + system) is printed too: it suffers less than wall time on a busy machine.
mb () { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
table_row () { # label, line of times.csv, peak kB, database size
  awk -F, -v line="$2" -v label="$1" -v rows="$rows" -v rss="$(mb "$3")" -v db="$4" '
    NR == 2 { floor = $2 }
    NR == line {
      printf "| %s | %.2f s ± %.2f | %.2f s | %.2f× | %.0f | %s | %s |\n", label, $2, $3,
             $5 + $6, $2 / floor, rows / $2, rss, db
    }' "$tmp/times.csv"
}

echo
echo "Import of $rows rows ($csv_mb MB CSV, \`awards-bench-generate --seed $seed\`)," \
  "$runs runs after 1 warm-up, $(nproc) CPUs, SQLite $(sqlite3 --version | cut -d' ' -f1):"
echo
echo "| | wall, mean ± σ | CPU | vs floor | rows/s | peak RSS | database |"
echo "|---|---:|---:|---:|---:|---:|---:|"
table_row '`sqlite3 .import` into one table (floor)' 2 "$floor_kb" "$floor_db_size"
if [[ -n $cli ]]; then
  table_row '`coop-awards-cli import`' 3 "$cli_kb" "$cli_db_size"
  echo
  awk -F, 'NR == 2 { f = $2; fc = $5 + $6 } NR == 3 {
      printf "coop-awards-cli import / sqlite3 .import: %.2f (wall), %.2f (CPU)\n", $2 / f,
             ($5 + $6) / fc }' "$tmp/times.csv"
else
  echo '| `coop-awards-cli import` | not built | | | | | |'
fi
