#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Kill -9 harness: kills coop-awards-cli at random moments during a large import, a backup and a
# restore, then checks what is left on disk:
#   - the database passes PRAGMA integrity_check and `coop-awards-cli check`;
#   - it holds all of the import's awards or none of them (never part of a file);
#   - after a killed restore it is either the old database or the backup, whole;
#   - a backup file is either absent or complete and valid (the same awards as its source).
#
# Usage: tests/kill-harness.sh BUILD_DIR [KILLS]   (KILLS defaults to 30, split over the three)
# Prints one line per kill and ends with "N passed, N failed" (one per kill) and
# "kills: N, records lost: N" for the README's figures.
set -uo pipefail

build=${1:?usage: kill-harness.sh BUILD_DIR [KILLS]}
kills=${2:-30}
cli="$build/src/cli/coop-awards-cli"
generate="$build/bench/awards-bench-generate"
rows=${KILL_HARNESS_ROWS:-30000}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 COOP_AWARDS_DB=/nonexistent/kill-harness-needs-database
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

count() {  # awards in a database, or "missing"/"damaged"
  local db=$1 verdict
  [ -f "$db" ] || { echo missing; return; }
  verdict=$(sqlite3 "$db" 'PRAGMA integrity_check;' 2>&1 | head -1)
  [ "$verdict" = ok ] || { echo damaged; return; }
  sqlite3 "$db" 'SELECT count(*) FROM commendation;' 2>/dev/null || echo damaged
}

# A random delay from 0 to $1 milliseconds, in seconds for sleep.
random_delay() {
  local ms=$(( (RANDOM * 32768 + RANDOM) % ($1 + 1) ))
  printf '%d.%03d' $(( ms / 1000 )) $(( ms % 1000 ))
}

# Runs the CLI with the given arguments, kills it after a random delay of up to $1 ms.
run_and_kill() {
  local max=$1
  shift
  "$cli" "$@" >"$work/out.log" 2>&1 &
  local pid=$!
  sleep "$(random_delay "$max")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    echo killed
  else
    wait "$pid" 2>/dev/null
    echo finished
  fi
}

passed=0 failed=0 n_kills=0 lost=0
result() {  # name ok|fail message
  if [ "$2" = ok ]; then
    passed=$((passed + 1)); echo "ok - $1: $3"
  else
    failed=$((failed + 1)); echo "not ok - $1: $3"
  fi
}

"$generate" --rows "$rows" --seed 7 --output "$work/big.csv" >/dev/null || exit 1
# The database every round starts from: empty but made by the program (a read command such as
# check creates nothing; an import of a list with only its header row does).
printf 'decision_date,authority,award,recipient_type,recipient\n' > "$work/empty.csv"
"$cli" --database "$work/base.db" import "$work/empty.csv" >/dev/null || exit 1
# A backup holding the whole import, to restore from.
cp "$work/base.db" "$work/full.db"
started=$(date +%s.%N)
"$cli" --database "$work/full.db" import --allow-new "$work/big.csv" >/dev/null 2>&1 || { echo "import failed"; exit 1; }
import_seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
# Kills fall anywhere in the import's run, the last tenth left out (there it would only finish).
max=$(awk -v s="$import_seconds" 'BEGIN { printf "%d", s * 900 }')
"$cli" --database "$work/full.db" backup "$work/full-backup.db" >/dev/null || exit 1
full=$(count "$work/full-backup.db")
echo "# $rows rows imported in ${import_seconds} s: kills within its first ${max} ms"

n_import=$(( kills * 2 / 5 )); n_backup=$(( (kills - n_import) / 2 )); n_restore=$(( kills - n_import - n_backup ))

for i in $(seq 1 "$n_import"); do
  rm -rf "$work"/db.db*; cp "$work/base.db" "$work/db.db"
  how=$(run_and_kill "$max" --database "$work/db.db" import --allow-new "$work/big.csv")
  [ "$how" = killed ] && n_kills=$((n_kills + 1))
  found=$(count "$work/db.db")
  if "$cli" --database "$work/db.db" check >/dev/null 2>&1 && { [ "$found" = 0 ] || [ "$found" = "$full" ]; }; then
    result "import $i ($how)" ok "$found of $full awards"
  else
    [ "$found" != 0 ] && [ "$found" != "$full" ] && lost=$((lost + 1))
    result "import $i ($how)" fail "$found of $full awards; check: $("$cli" --database "$work/db.db" check 2>&1 | head -3)"
  fi
done

# Backup and restore: timed once each in the same way.
started=$(date +%s.%N)
"$cli" --database "$work/full.db" backup "$work/timing.db" >/dev/null || exit 1
backup_max=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%d", (b - a) * 900 }')
cp "$work/base.db" "$work/timing.db"
started=$(date +%s.%N)
"$cli" --database "$work/timing.db" restore "$work/full-backup.db" >/dev/null || exit 1
restore_max=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%d", (b - a) * 900 }')
for i in $(seq 1 "$n_backup"); do
  rm -rf "$work"/dest.db*
  how=$(run_and_kill "$backup_max" --database "$work/full.db" backup "$work/dest.db")
  [ "$how" = killed ] && n_kills=$((n_kills + 1))
  found=$(count "$work/dest.db")
  source=$(count "$work/full.db")
  if [ "$source" = "$full" ] && { [ "$found" = missing ] || [ "$found" = "$full" ]; }; then
    result "backup $i ($how)" ok "backup $found, source $source"
  else
    lost=$((lost + 1))
    result "backup $i ($how)" fail "backup $found, source $source of $full"
  fi
done

for i in $(seq 1 "$n_restore"); do
  rm -rf "$work"/db.db*; cp "$work/base.db" "$work/db.db"
  how=$(run_and_kill "$restore_max" --database "$work/db.db" restore "$work/full-backup.db")
  [ "$how" = killed ] && n_kills=$((n_kills + 1))
  found=$(count "$work/db.db")
  if "$cli" --database "$work/db.db" check >/dev/null 2>&1 && { [ "$found" = 0 ] || [ "$found" = "$full" ]; }; then
    result "restore $i ($how)" ok "$found of $full awards"
  else
    lost=$((lost + 1))
    result "restore $i ($how)" fail "$found of $full awards"
  fi
done

echo "kills: $n_kills, records lost: $lost"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
