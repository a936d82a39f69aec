#!/usr/bin/env bash
# Times the report, search and list queries of the store on generated databases of 200,000 and
# 1,000,000 awards, with the plain SQL floor for the reports, and prints markdown tables.
#
# The databases are made once and kept in $CACHE (default /tmp/awards-bench-queries), since the
# import of a million rows takes a while; delete the folder after changing the schema.
#
# Environment: BUILD (build directory, default build-bench), CACHE, SEED (default 1), RUNS
# (default 5 for reports, three times as many for searches), SIZES (the numbers of awards, default
# "200000 1000000"), MESON_ARGS (for a new meson setup).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${BUILD:-$root/build-bench}
cache=${CACHE:-/tmp/awards-bench-queries}
seed=${SEED:-1}
runs=${RUNS:-5}

die () { echo "queries.sh: $*" >&2; exit 1; }

for tool in meson ninja sqlite3; do
  command -v "$tool" > /dev/null || die "$tool is needed (Debian: apt install sqlite3)"
done

if [[ ! -f $build/build.ninja ]]; then
  # shellcheck disable=SC2086 # MESON_ARGS is a list of words.
  meson setup "$build" "$root" ${MESON_ARGS:-} > /dev/null || die "meson setup $build failed"
fi
ninja -C "$build" -j 2 bench/awards-bench-generate bench/awards-bench-search \
  bench/awards-bench-summary src/cli/coop-awards-cli > /dev/null \
  || die "cannot build: ninja -C $build bench/awards-bench-search bench/awards-bench-summary"

mkdir -p "$cache"

# make_database ROWS: the CSV, the program's database and the floor's table, each made once.
make_database () {
  local rows=$1 csv=$cache/rows-$1.csv
  if [[ ! -f $csv ]]; then
    "$build/bench/awards-bench-generate" --seed "$seed" --rows "$rows" --output "$csv.part"
    mv "$csv.part" "$csv"
  fi
  if [[ ! -f $cache/awards-$rows.db ]]; then
    echo "Importing $rows rows into $cache/awards-$rows.db (once)…" >&2
    rm -rf "$cache/part-$rows.db"*
    "$build/src/cli/coop-awards-cli" --database "$cache/part-$rows.db" import --allow-new "$csv" > /dev/null
    mv "$cache/part-$rows.db" "$cache/awards-$rows.db"
  fi
  if [[ ! -f $cache/floor-$rows.db ]]; then
    rm -f "$cache/floor-part.db"
    sqlite3 "$cache/floor-part.db" -cmd '.mode csv' ".import \"$csv\" awards"
    mv "$cache/floor-part.db" "$cache/floor-$rows.db"
  fi
}

for rows in ${SIZES:-200000 1000000}; do
  make_database "$rows"
  echo
  echo "### $rows awards"
  echo
  summary=$("$build/bench/awards-bench-summary" --database "$cache/awards-$rows.db" \
    --floor "$cache/floor-$rows.db" --runs "$runs")
  echo "$summary"
  # The ratio of each summary to its floor, from the medians (column 5 of the table).
  echo "$summary" | awk -F'|' '
    { gsub (/^ +| +$/, "", $2); gsub (/ /, "", $5) }
    $2 == "awards_store_summary, everything" { all = $5 }
    $2 == "awards_store_summary, 2011" { year = $5 }
    $2 ~ /^floor: .*everything$/ { floor_all = $5 }
    $2 == "floor: the same, 2011" { floor_year = $5 }
    END {
      if (floor_all > 0 && floor_year > 0)
        printf "\nsummary / floor, medians: %.2f (everything), %.2f (2011)\n",
               all / floor_all, year / floor_year
    }'
  echo
  "$build/bench/awards-bench-search" --database "$cache/awards-$rows.db" --runs $((runs * 3))
done
