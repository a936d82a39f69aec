#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The private PostgreSQL cluster that tools/test starts (tools/pg-sandbox) and hands to the tests
# as COOP_AWARDS_TEST_PG: psql reaches it, it listens on no network address, speaks UTF-8, and the
# tests' role may create a database, write to it and drop it again.
set -euo pipefail

if [ -z "${COOP_AWARDS_TEST_PG:-}" ]; then
  echo "COOP_AWARDS_TEST_PG is not set (no PostgreSQL server for this run): skipped"
  exit 77
fi

sandbox=${1:?usage: test-pg-sandbox.sh TOOLS/PG-SANDBOX}
uri=$COOP_AWARDS_TEST_PG
database=pg_sandbox_test_$$
failed=0

sql() {
  psql -X -q -A -t -v ON_ERROR_STOP=1 "$uri" "$@"
}

check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then
    echo "ok - $1"
  else
    echo "not ok - $1: expected '$2', got '$3'"
    failed=1
  fi
}

check "psql connects" "1" "$(sql -c 'SELECT 1')"
check "a Unix socket only" "" "$(sql -c 'SHOW listen_addresses')"
check "the server speaks UTF-8" "UTF8" "$(sql -c 'SHOW server_encoding')"
check "the role is a superuser" "t" \
  "$(sql -c 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user')"

trap 'sql -c "DROP DATABASE IF EXISTS $database" > /dev/null 2>&1 || true' EXIT
sql -c "CREATE DATABASE $database"
check "the database was created" "1" \
  "$(sql -c "SELECT count(*) FROM pg_database WHERE datname = '$database'")"
check "the new database holds what is written to it" "Hợp tác xã Bạch Đằng|1" \
  "$(sql -c "\\connect $database" \
        -c "CREATE TABLE t (name text NOT NULL)" \
        -c "INSERT INTO t VALUES ('Hợp tác xã Bạch Đằng')" \
        -c "SELECT name, count(*) FROM t GROUP BY name")"
sql -c "DROP DATABASE $database"
check "the database was dropped" "0" \
  "$(sql -c "SELECT count(*) FROM pg_database WHERE datname = '$database'")"

# The script itself, on the running cluster and on folders where it must refuse.
host=$(sed -n 's/^postgresql:.*[?&]host=\([^&]*\).*$/\1/p' <<< "$uri")
if [ -n "$host" ] && [ -f "$host/pg-sandbox" ]; then
  check "pg-sandbox env prints the running cluster's URI" "$uri" "$("$sandbox" env "$host")"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"; sql -c "DROP DATABASE IF EXISTS $database" > /dev/null 2>&1 || true' EXIT
status=0
PG_BINDIR=$scratch/none "$sandbox" start "$scratch/new" 2> "$scratch/err" || status=$?
check "without the server programs, start exits with 2" "2" "$status"
check "... and says which package to install" "1" "$(grep -c 'postgresql-15' "$scratch/err")"
check "... and makes no folder" "absent" "$([ -e "$scratch/new" ] && echo present || echo absent)"
mkdir "$scratch/full" && echo keep > "$scratch/full/file"
status=0
"$sandbox" start "$scratch/full" 2> /dev/null || status=$?
check "start refuses a folder that is not empty" "1|keep" "$status|$(cat "$scratch/full/file")"
status=0
"$sandbox" stop "$scratch/full" 2> /dev/null || status=$?
check "stop refuses a folder that holds no cluster" "1|keep" "$status|$(cat "$scratch/full/file")"

exit $failed
