#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Times `coop-awards-cli import` of an award list (CSV) into a new database on a PostgreSQL server
# and `coop-awards-cli copy` of a whole database file (imported from the same list) onto one,
# against the floor, `psql \copy` of the same CSV into one plain table of text columns, on a
# private server (tools/pg-sandbox) in the same run, alternating, medians, and prints a markdown
# table. The import and the copy write more than the list (organisations, people, decisions, their
# keys; the copy also the history) and check it all before committing; the floor is what the
# server takes at least for the list itself. A third line says what the server takes for the
# finished award rows alone, sent with COPY into the real award table with its indexes, references
# and triggers (in a transaction that empties the table first with TRUNCATE, which leaves no
# dead rows in its indexes as DELETE did, and is rolled back).
#
# Environment: BUILD (build directory, default build-bench), ROWS (default 200000), SEED (default
# 1), RUNS (rounds, default 5). Needs the PostgreSQL server (`tools/install-deps --tests` installs it).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${BUILD:-$root/build-bench}
rows=${ROWS:-200000}
seed=${SEED:-1}
runs=${RUNS:-5}
case $build in /*) ;; *) build=$root/$build ;; esac

if [[ ! -f $build/build.ninja ]]; then
  meson setup "$build" "$root" --buildtype=release > /dev/null
fi
ninja -C "$build" src/cli/coop-awards-cli bench/awards-bench-generate > /dev/null
cli=$build/src/cli/coop-awards-cli

tmp=$(mktemp -d "${TMPDIR:-/tmp}/awards-pg-bench.XXXXXX")
server=$tmp/server
cleanup () {
  "$root/tools/pg-sandbox" stop "$server" > /dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
# As root the server runs as its own user, which must be able to reach its folder.
chmod 755 "$tmp"
status=0
uri=$("$root/tools/pg-sandbox" start "$server") || status=$?
if [[ $status -ne 0 ]]; then
  echo "pg-copy.sh: no PostgreSQL server to measure against (tools/pg-sandbox exit $status)" >&2
  exit "$status"
fi

csv=$tmp/awards.csv
"$build/bench/awards-bench-generate" --seed "$seed" --rows "$rows" --output "$csv"
"$cli" --database "$tmp/office.db" import --allow-new "$csv" > /dev/null
columns=$(head -1 "$csv" | tr -d '\r' | sed 's/,/ text, /g; s/$/ text/')

fresh () { # a new database on the server, named $1; prints its address
  psql -q "$uri" -c "CREATE DATABASE $1 TEMPLATE template0 ENCODING 'UTF8'" > /dev/null
  echo "${uri/\/postgres?//$1?}"
}
timed () {
  local label=$1; shift
  /usr/bin/time -f "$label %e" -a -o "$tmp/times.txt" "$@" > /dev/null 2> "$tmp/timed.log" || {
    echo "pg-copy.sh: failed: $*" >&2
    tail -5 "$tmp/timed.log" >&2
    exit 1
  }
}
round () { # round number
  local floor_db copy_db import_db
  floor_db=$(fresh "floor_$1")
  psql -q "$floor_db" -c "CREATE TABLE awards ($columns)"
  timed floor psql -q "$floor_db" -c "\\copy awards FROM '$csv' WITH (FORMAT csv, HEADER true)"
  import_db=$(fresh "import_$1")
  "$cli" init-server "$import_db" > /dev/null
  timed import "$cli" --database "$import_db" import --allow-new "$csv"
  copy_db=$(fresh "copy_$1")
  timed copy "$cli" copy --from "$tmp/office.db" --to "$copy_db"
  # The award rows the import wrote, sent again into the same table (the server's \timing).
  psql -q "$import_db" -c "\\copy commendation TO '$tmp/awards.rows'"
  psql -q "$import_db" > "$tmp/table.log" <<SQL
BEGIN;
TRUNCATE commendation;
\\timing on
\\copy commendation FROM '$tmp/awards.rows'
\\timing off
ROLLBACK;
SQL
  awk '/^Time:/ { printf "table %.3f\n", $2 / 1000 }' "$tmp/table.log" >> "$tmp/times.txt"
}

round 0   # warm-up
: > "$tmp/times.txt"
for ((i = 1; i <= runs; i++)); do
  echo "round $i of $runs" >&2
  round "$i"
done

median () {
  awk -v label="$1" '$1 == label { print $2 }' "$tmp/times.txt" | sort -n |
    awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[1], a[NR] }'
}
read -r floor_wall floor_min floor_max <<< "$(median floor)"
read -r copy_wall copy_min copy_max <<< "$(median copy)"
read -r import_wall import_min import_max <<< "$(median import)"
read -r table_wall table_min table_max <<< "$(median table)"
records=$(sqlite3 "$tmp/office.db" "SELECT (SELECT count(*) FROM organisation) + (SELECT count(*)
  FROM person) + (SELECT count(*) FROM decision) + (SELECT count(*) FROM commendation) +
  (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM authority) +
  (SELECT count(*) FROM award_type)")

echo
echo "Onto PostgreSQL $(psql -Atq "$uri" -c 'SHOW server_version' | cut -d' ' -f1) (private" \
  "server on a Unix socket), $rows awards, $runs rounds after 1 warm-up, $(nproc) CPUs:"
echo
echo "| | wall, median (range) | vs floor |"
echo "|---|---:|---:|"
awk -v w="$floor_wall" -v a="$floor_min" -v b="$floor_max" -v r="$rows" 'BEGIN {
  printf "| `psql \\copy` of the CSV (%d rows) into one table (floor) | %.2f s (%.2f–%.2f) | 1.00× |\n", r, w, a, b }'
awk -v w="$import_wall" -v a="$import_min" -v b="$import_max" -v f="$floor_wall" -v r="$rows" 'BEGIN {
  printf "| `coop-awards-cli import` of the CSV into a new server database | %.2f s (%.2f–%.2f) | %.2f× |\n", w, a, b, w / f }'
awk -v w="$table_wall" -v a="$table_min" -v b="$table_max" -v f="$floor_wall" -v r="$rows" 'BEGIN {
  printf "| (the %d award rows it wrote, alone, by `\\copy` into the award table) | %.2f s (%.2f–%.2f) | %.2f× |\n", r, w, a, b, w / f }'
awk -v w="$copy_wall" -v a="$copy_min" -v b="$copy_max" -v f="$floor_wall" -v n="$records" 'BEGIN {
  printf "| `coop-awards-cli copy` of the database file (%d rows in its tables) | %.2f s (%.2f–%.2f) | %.2f× |\n", n, w, a, b, w / f }'
