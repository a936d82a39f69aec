#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The PostgreSQL schema (awards-schema-pg.c) against SQLite's, in a fresh database of each: the
# schema loads in one transaction; the same tables, with the same columns in the same order, the
# same types (INTEGER = bigint, TEXT = text, BLOB = bytea) and the same NOT NULLs; the same named
# indexes (unique and partial alike), primary keys, unique constraints and triggers; the tables in
# copying order come after the tables they refer to, in both. Then the same statements run on
# both databases and must give the same results, or be refused alike: the triggers' refusals
# with the same message, the constraints' with each engine's own.
#
# Usage: test-pg-schema.sh PRINT-PG-SCHEMA COOP-AWARDS-CLI   (the server: COOP_AWARDS_TEST_PG)
set -euo pipefail

if [ -z "${COOP_AWARDS_TEST_PG:-}" ]; then
  echo "COOP_AWARDS_TEST_PG is not set (no PostgreSQL server for this run): skipped"
  exit 77
fi

print_schema=${1:?usage: test-pg-schema.sh PRINT-PG-SCHEMA COOP-AWARDS-CLI}
cli=${2:?usage: test-pg-schema.sh PRINT-PG-SCHEMA COOP-AWARDS-CLI}
database=pg_schema_test_$$
work=$(mktemp -d)
failed=0
cleanup() {
  psql -X -q "$COOP_AWARDS_TEST_PG" -c "DROP DATABASE IF EXISTS $database" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

ok() { echo "ok - $1"; }
not_ok() {
  echo "not ok - $1"
  failed=1
}

# psql on the test's own database: \connect keeps the host, port and user of the server's URI.
pg() {
  psql -X -q -A -t -v ON_ERROR_STOP=1 "$COOP_AWARDS_TEST_PG" -c "\\connect $database" "$@"
}
lite() {
  sqlite3 -bail -batch "$sqlite_db" "$@"
}

# --- The two databases ------------------------------------------------------------------------
psql -X -q -v ON_ERROR_STOP=1 "$COOP_AWARDS_TEST_PG" -c "CREATE DATABASE $database"
"$print_schema" > "$work/schema.sql"
if pg -1 -f "$work/schema.sql" > "$work/load.log" 2>&1; then
  ok "the schema loads in one transaction"
else
  cat "$work/load.log"
  not_ok "the schema loads in one transaction"
  exit 1
fi

# A database made by the program itself, as a clerk's first start makes it.
XDG_DATA_HOME="$work/data" COOP_AWARDS_DB= "$cli" check > "$work/check.log" 2>&1 ||
  { cat "$work/check.log"; not_ok "coop-awards-cli made a database"; exit 1; }
sqlite_db=$work/data/coop-awards/awards.db
[ -f "$sqlite_db" ] || { not_ok "coop-awards-cli made $sqlite_db"; exit 1; }

compare() {  # compare WHAT SQLITE-FILE PG-FILE
  if diff -u "$2" "$3" > "$work/diff"; then
    ok "$1"
  else
    sed 's/^/# /' "$work/diff"
    not_ok "$1"
  fi
}

# --- Structure --------------------------------------------------------------------------------
lite "PRAGMA user_version" > "$work/lite-version"
pg -c "SELECT value FROM awards_meta WHERE key = 'schema_version'" > "$work/pg-version"
compare "the same schema version" "$work/lite-version" "$work/pg-version"
[ "$(pg -c "SELECT value FROM awards_meta WHERE key = 'application'")" = coop-awards ] &&
  ok "awards_meta names the application" || not_ok "awards_meta names the application"

# FTS5 keeps search_index in shadow tables of its own; awards_meta stands for SQLite's pragmas;
# awards_counts keeps the row counts that SQLite reads from an index at once;
# awards_reference_guard makes the checks of references wait for each other (awards-schema-pg.c).
lite "SELECT name FROM sqlite_schema WHERE type = 'table'
        AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
        AND name NOT LIKE 'search\\_index\\_%' ESCAPE '\\' ORDER BY name" > "$work/lite-tables"
pg -c "SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema ()
        AND table_name NOT IN ('awards_meta', 'awards_counts', 'awards_reference_guard')
        ORDER BY table_name COLLATE \"C\"" > "$work/pg-tables"
compare "the same tables" "$work/lite-tables" "$work/pg-tables"

# Columns: name, type, NOT NULL (a primary key is never NULL, though SQLite's pragma says 0 for
# an INTEGER PRIMARY KEY). FTS5's search_index shows only its body: its rowid is hidden, and is a
# column of its own on PostgreSQL.
while read -r table; do
  {
    [ "$table" = search_index ] && echo "rowid|bigint|NO"
    lite "SELECT name, CASE type WHEN 'INTEGER' THEN 'bigint' WHEN 'TEXT' THEN 'text'
                   WHEN 'BLOB' THEN 'bytea' WHEN 'REAL' THEN 'double precision'
                   WHEN '' THEN 'text' ELSE 'unmapped ' || type END,
                 CASE WHEN \"notnull\" OR pk > 0 THEN 'NO' ELSE 'YES' END
            FROM pragma_table_info ('$table') ORDER BY cid"
  } > "$work/lite-columns"
  pg -c "SELECT column_name, data_type, is_nullable FROM information_schema.columns
          WHERE table_schema = current_schema () AND table_name = '$table'
          ORDER BY ordinal_position" > "$work/pg-columns"
  [ "$table" = search_index ] && sed -i '2s/|YES$/|NO/' "$work/lite-columns"   # FTS5 says nothing
  compare "the columns of $table" "$work/lite-columns" "$work/pg-columns"
done < "$work/lite-tables"

# Named indexes (not those of PRIMARY KEY and UNIQUE): name, unique, partial. search_index_body
# is the trigram index that stands for FTS5's own.
lite "SELECT i.name, i.\"unique\", i.partial FROM sqlite_schema m, pragma_index_list (m.name) i
        WHERE m.type = 'table' AND i.origin = 'c' ORDER BY i.name" > "$work/lite-indexes"
pg -c "SELECT c.relname, CASE WHEN x.indisunique THEN 1 ELSE 0 END,
              CASE WHEN x.indpred IS NULL THEN 0 ELSE 1 END
         FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema () AND c.relname <> 'search_index_body'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
        ORDER BY c.relname COLLATE \"C\"" > "$work/pg-indexes"
compare "the same named indexes, unique and partial alike" "$work/lite-indexes" "$work/pg-indexes"

# Primary keys and unique constraints: table, kind, columns.
lite "SELECT m.name, CASE i.origin WHEN 'pk' THEN 'p' ELSE 'u' END,
             (SELECT group_concat (name, ',') FROM
                (SELECT name FROM pragma_index_info (i.name) ORDER BY seqno))
        FROM sqlite_schema m, pragma_index_list (m.name) i
       WHERE m.type = 'table' AND i.origin IN ('u', 'pk')
         AND m.name NOT LIKE 'search\\_index%' ESCAPE '\\'
      UNION ALL
      SELECT m.name, 'p', p.name FROM sqlite_schema m, pragma_table_info (m.name) p
       WHERE m.type = 'table' AND p.pk > 0 AND p.type = 'INTEGER'
         AND m.name NOT LIKE 'search\\_index%' ESCAPE '\\'
       ORDER BY 1, 2, 3" > "$work/lite-keys"
pg -c "SELECT * FROM (
         SELECT t.relname::text AS name, k.contype::text AS kind,
                (SELECT string_agg (a.attname, ',' ORDER BY u.n) FROM unnest (k.conkey)
                   WITH ORDINALITY u (attnum, n)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum)
                  AS columns
           FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
           JOIN pg_namespace n ON n.oid = t.relnamespace
          WHERE n.nspname = current_schema () AND k.contype IN ('p', 'u')
            AND t.relname NOT IN ('awards_meta', 'awards_counts', 'awards_reference_guard',
                                  'search_index')) keys
        ORDER BY name COLLATE \"C\", kind, columns COLLATE \"C\"" > "$work/pg-keys"
compare "the same primary keys and unique constraints" "$work/lite-keys" "$work/pg-keys"

# Triggers, by name; PostgreSQL refuses TRUNCATE of the audit log too, which SQLite lacks, and
# has the *_notify triggers that tell other clients of a commit, which a file does not need, and
# the *_capture triggers that record what a command changed, which a file's session records, and
# the *_count_* triggers that keep awards_counts, and the commendation_references_* and
# *_referred_* triggers that check the references of awards instead of foreign keys (below).
lite "SELECT lower (name) FROM sqlite_schema WHERE type = 'trigger'
      UNION SELECT 'audit_log_no_truncate' ORDER BY 1" > "$work/lite-triggers"
pg -c "SELECT name FROM (SELECT DISTINCT tgname::text AS name FROM pg_trigger
                         WHERE NOT tgisinternal AND tgname NOT LIKE '%\\_notify'
                         AND tgname NOT LIKE '%\\_capture'
                         AND tgname NOT LIKE '%\\_count\\_%'
                         AND tgname NOT LIKE 'commendation\\_references\\_%'
                         AND tgname NOT LIKE '%\\_referred\\_%')
                         triggers ORDER BY name COLLATE \"C\"" \
  > "$work/pg-triggers"
compare "the same triggers" "$work/lite-triggers" "$work/pg-triggers"

# The tables to copy: every table but the derived search tables, each after those it refers to.
"$print_schema" --tables > "$work/copy-order"
grep -v -x -e search_index -e search_pending "$work/lite-tables" > "$work/copied"
compare "the copying order names every table of records" "$work/copied" \
  <(sort "$work/copy-order")
# The same references: a server checks those of awards with triggers, each of the others with a
# foreign key.
lite "SELECT m.name, f.\"from\", f.\"table\" FROM sqlite_schema m, pragma_foreign_key_list (m.name) f
       WHERE m.type = 'table' ORDER BY 1, 2, 3" > "$work/lite-references"
{
  pg -c "SELECT conrelid::regclass, a.attname, confrelid::regclass FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
          WHERE contype = 'f'"
  "$print_schema" --checked-references
} | LC_ALL=C sort > "$work/pg-references"
compare "the same references" <(LC_ALL=C sort "$work/lite-references") "$work/pg-references"
for engine in lite pg; do
  misplaced=$(awk -F'|' 'NR == FNR { position[$1] = FNR; next }
                         $1 != $3 && !(position[$3] < position[$1]) { print $1 " -> " $3 }' \
                "$work/copy-order" "$work/$engine-references")
  [ -z "$misplaced" ] && ok "$engine: each table to copy comes after those it refers to" ||
    not_ok "$engine: each table to copy comes after those it refers to: $misplaced"
done

# --- Behaviour: the same statements on both ---------------------------------------------------
# Ids from 9001 on, clear of the catalogue that the program seeds. The sort keys are text that
# both engines take into a blob.
fixture="
INSERT INTO authority (id, name, name_key, search_key, sort_key) VALUES
  (9001, 'UBND tỉnh Hải Phòng', 'ubnd tinh hai phong', 'ubnd tinh hai phong', 'k');
INSERT INTO authority (id, name, name_key, search_key, sort_key, level) VALUES
  (9002, 'Bộ Tài chính', 'bo tai chinh', 'bo tai chinh', 'k', 'base');
INSERT INTO award_type (id, name, category, eligibility, rank, name_key, search_key) VALUES
  (9001, 'Bằng khen thử', 'form', 'both', 1, 'bang khen thu', 'bang khen thu'),
  (9002, 'Cờ thi đua thử', 'form', 'collective', 2, 'co thi dua thu', 'co thi dua thu'),
  (9003, 'Chiến sĩ thi đua thử', 'title', 'individual', 3, 'chien si thi dua thu',
   'chien si thi dua thu');
INSERT INTO organisation (id, name, name_key, search_key, sort_key) VALUES
  (9001, 'HTX Bạch Đằng', 'htx bach dang', 'htx bach dang', 'k');
INSERT INTO person (id, full_name, family_name, middle_name, given_name, name_key, search_key,
                    sort_key) VALUES
  (9001, 'Đan Đức Hiệp', 'Đan', 'Đức', 'Hiệp', 'dan duc hiep', 'dan duc hiep', 'k');
INSERT INTO decision (id, number, number_key, date, authority_id, search_key) VALUES
  (9001, '12/QĐ-UBND', '12/qd-ubnd', '2011-12-28', 9001, '12/qd-ubnd');
INSERT INTO commendation (id, decision_id, award_type_id, authority_id, date, organisation_id,
                          recipient_name) VALUES
  (9001, 9001, 9002, 9001, '2011-12-28', 9001, 'HTX Bạch Đằng');
INSERT INTO commendation (id, decision_id, award_type_id, authority_id, date, person_id,
                          recipient_name) VALUES
  (9002, 9001, 9003, 9001, '2011-12-28', 9001, 'Đan Đức Hiệp');
INSERT INTO audit_log (id, \"user\", action, kind)
  VALUES (9001, 'clerk', 'create', 'organisation');
INSERT INTO annual_rating (organisation_id, year, rating) VALUES (9001, 2011, 'excellent');
DELETE FROM search_pending;
"
lite "PRAGMA foreign_keys = ON; BEGIN; $fixture COMMIT;" ||
  { not_ok "the fixture is written to SQLite"; exit 1; }
pg -c "BEGIN" -c "$fixture" -c "COMMIT" ||
  { not_ok "the fixture is written to PostgreSQL"; exit 1; }

# Each case runs in a transaction that is rolled back, so that the next sees the fixture alone.
run_lite() {
  printf 'PRAGMA foreign_keys = ON;\nBEGIN;\n%s;\nROLLBACK;\n' "$1" |
    sqlite3 -bail -batch "$sqlite_db" 2>&1
}
run_pg() {
  printf 'BEGIN;\n%s;\nROLLBACK;\n' "$1" |
    psql -X -q -A -t -v ON_ERROR_STOP=1 "$COOP_AWARDS_TEST_PG" -c "\\connect $database" -f - 2>&1
}

same() {  # same WHAT SQL EXPECTED: both print EXPECTED
  local lite_out pg_out
  lite_out=$(run_lite "$2") || true
  pg_out=$(run_pg "$2") || true
  if [ "$lite_out" = "$3" ] && [ "$pg_out" = "$3" ]; then
    ok "$1"
  else
    not_ok "$1: expected '$3'; SQLite gave '$lite_out', PostgreSQL '$pg_out'"
  fi
}

refused() {  # refused WHAT SQL SQLITE-MESSAGE [PG-MESSAGE]: both refuse, with these messages
  local lite_out pg_out lite_status=0 pg_status=0
  lite_out=$(run_lite "$2") || lite_status=$?
  pg_out=$(run_pg "$2") || pg_status=$?
  if [ $lite_status -ne 0 ] && [ $pg_status -ne 0 ] && [[ $lite_out == *"$3"* ]] &&
     [[ $pg_out == *"${4:-$3}"* ]]; then
    ok "$1"
  else
    not_ok "$1: SQLite said ($lite_status) '$lite_out', PostgreSQL ($pg_status) '$pg_out'"
  fi
}

not_allowed='award not allowed for this kind of recipient'
award="INSERT INTO commendation (decision_id, award_type_id, authority_id, date, organisation_id,
         person_id, recipient_name) VALUES"

refused "a collective award to a person is refused" \
  "$award (9001, 9002, 9001, '2011-12-28', NULL, 9001, 'Đan Đức Hiệp')" "$not_allowed"
refused "an individual award to an organisation is refused" \
  "$award (9001, 9003, 9001, '2011-12-28', 9001, NULL, 'HTX Bạch Đằng')" "$not_allowed"
same "an award for both kinds goes to either" \
  "$award (9001, 9001, 9001, '2011-12-28', 9001, NULL, 'HTX Bạch Đằng');
   $award (9001, 9001, 9001, '2011-12-28', NULL, 9001, 'Đan Đức Hiệp');
   SELECT count(*) FROM commendation WHERE award_type_id = 9001" "2"
refused "an award changed to a type its recipient may not receive is refused" \
  "UPDATE commendation SET award_type_id = 9003 WHERE id = 9001" "$not_allowed"
refused "an award moved to a recipient of the wrong kind is refused" \
  "UPDATE commendation SET organisation_id = NULL, person_id = 9001 WHERE id = 9001" "$not_allowed"
refused "an award type narrowed under its awards is refused" \
  "UPDATE award_type SET eligibility = 'individual' WHERE id = 9002" "$not_allowed"
same "an award type narrowed under deleted awards only is not" \
  "UPDATE commendation SET deleted = 1 WHERE id = 9001;
   UPDATE award_type SET eligibility = 'individual' WHERE id = 9002;
   SELECT eligibility FROM award_type WHERE id = 9002" "individual"

append_only='the audit log is append-only'
refused "an audit entry cannot be changed" "UPDATE audit_log SET action = 'edit'" "$append_only"
refused "an audit entry cannot be deleted" "DELETE FROM audit_log WHERE id = 9001" "$append_only"
if [[ $(run_pg "TRUNCATE audit_log") == *"$append_only"* ]]; then
  ok "PostgreSQL: the audit log cannot be truncated"
else
  not_ok "PostgreSQL: the audit log cannot be truncated"
fi
same "an audit entry is added, stamped in UTC as SQLite stamps it" \
  "INSERT INTO audit_log (command_id, \"user\", action, kind, before, after)
     VALUES (9001, 'clerk', 'edit', 'organisation', '{\"name\": \"A\"}', '{\"name\": \"B\"}');
   SELECT length (at), substr (at, 11, 1), substr (at, 24, 1) FROM audit_log WHERE id <> 9001" \
  "24|T|Z"
refused "an audit entry whose before is not JSON is refused" \
  "INSERT INTO audit_log (\"user\", action, kind, before) VALUES ('clerk', 'edit', 'x', '{oops')" \
  "CHECK constraint failed" "violates check constraint"

for table in organisation person decision commendation; do
  same "$table: every update raises row_version by one" \
    "UPDATE $table SET updated_at = 'a' WHERE id = 9001;
     UPDATE $table SET updated_at = 'b' WHERE id = 9001;
     SELECT row_version FROM $table WHERE id = 9001" "2"
  same "$table: an update that raises row_version itself keeps its value" \
    "UPDATE $table SET row_version = 7 WHERE id = 9001;
     SELECT row_version FROM $table WHERE id = 9001" "7"
done
same "a decision's new date and authority reach its awards, and raise their row_version" \
  "UPDATE decision SET date = '2012-01-05', authority_id = 9002 WHERE id = 9001;
   SELECT id, date, authority_id, row_version FROM commendation WHERE decision_id = 9001
    ORDER BY id" "9001|2012-01-05|9002|1
9002|2012-01-05|9002|1"

same "new, changed and deleted records are noted for search, each once" \
  "INSERT INTO organisation (id, name, name_key, search_key, sort_key)
     VALUES (9002, 'HTX Mới', 'htx moi', 'htx moi', 'k');
   INSERT INTO person (id, full_name, family_name, middle_name, given_name, name_key,
                       search_key, sort_key)
     VALUES (9002, 'Lê Văn Tám', 'Lê', 'Văn', 'Tám', 'le van tam', 'le van tam', 'k');
   INSERT INTO decision (id, date, authority_id, search_key)
     VALUES (9002, '2012-02-01', 9001, 'x');
   UPDATE organisation SET search_key = 'htx bach dang moi' WHERE id = 9001;
   UPDATE organisation SET notes = 'no search change' WHERE id = 9002;
   UPDATE decision SET search_key = 'y' WHERE id = 9002;
   DELETE FROM person WHERE id = 9002;
   SELECT ref FROM search_pending ORDER BY ref" "36004
36008
36009
36010"

same "an authority's level is guessed from its name, unless given" \
  "INSERT INTO authority (id, name, name_key, search_key, sort_key) VALUES
     (9003, 'Thủ tướng Chính phủ', 'thu tuong chinh phu', 'thu tuong chinh phu', 'k'),
     (9004, 'Liên minh HTX', 'lien minh htx', 'lien minh htx', 'k'),
     (9005, 'HTX Bạch Đằng', 'htx bach dang', 'htx bach dang', 'k');
   SELECT id, level FROM authority WHERE id >= 9001 ORDER BY id" "9001|province
9002|base
9003|central
9004|district
9005|base"

refused "the same award twice to one recipient in one decision is refused" \
  "$award (9001, 9003, 9001, '2011-12-28', NULL, 9001, 'Đan Đức Hiệp')" \
  "UNIQUE constraint failed" "commendation_once"
same "a deleted award does not collide with the same award again" \
  "UPDATE commendation SET deleted = 1 WHERE id = 9002;
   $award (9001, 9003, 9001, '2011-12-28', NULL, 9001, 'Đan Đức Hiệp');
   SELECT count(*) FROM commendation WHERE person_id = 9001" "2"
refused "an award with two recipients is refused" \
  "$award (9001, 9001, 9001, '2011-12-28', 9001, 9001, 'x')" \
  "CHECK constraint failed" "violates check constraint"
refused "an award of a decision that does not exist is refused" \
  "$award (9999, 9001, 9001, '2011-12-28', 9001, NULL, 'x')" \
  "FOREIGN KEY constraint failed" "violates foreign key constraint"
refused "an award of a person who does not exist is refused" \
  "$award (9001, 9001, 9001, '2011-12-28', NULL, 9999, 'x')" \
  "FOREIGN KEY constraint failed" "violates foreign key constraint"
refused "an award moved to an organisation that does not exist is refused" \
  "UPDATE commendation SET organisation_id = 9999 WHERE id = 9001" \
  "FOREIGN KEY constraint failed" "violates foreign key constraint"
for parent in decision award_type authority organisation person; do
  refused "$parent: a row that awards refer to cannot be deleted" \
    "DELETE FROM annual_rating; DELETE FROM $parent WHERE id IN (9001, 9002, 9003)" \
    "FOREIGN KEY constraint failed" "violates foreign key constraint"
done
refused "an organisation that an award names as the person's at the time cannot be deleted" \
  "UPDATE commendation SET organisation_at_time_id = 9001 WHERE id = 9002;
   DELETE FROM annual_rating; DELETE FROM commendation WHERE id = 9001;
   DELETE FROM organisation WHERE id = 9001" \
  "FOREIGN KEY constraint failed" "violates foreign key constraint"
same "a row no award refers to any more can be deleted" \
  "DELETE FROM commendation WHERE person_id = 9001; DELETE FROM person WHERE id = 9001;
   SELECT count(*) FROM person WHERE id = 9001" "0"
refused "the id of a row that awards refer to cannot change" \
  "UPDATE decision SET id = 9999 WHERE id = 9001" \
  "FOREIGN KEY constraint failed" "violates foreign key constraint"
if [[ $(run_pg "TRUNCATE award_type CASCADE") == *"violates foreign key constraint"* ]]; then
  ok "PostgreSQL: a table that awards refer to cannot be truncated"
else
  not_ok "PostgreSQL: a table that awards refer to cannot be truncated"
fi
refused "a date not in ISO form is refused" \
  "INSERT INTO decision (date, authority_id, search_key) VALUES ('28/12/2011', 9001, 'x')" \
  "CHECK constraint failed" "violates check constraint"
same "a record's creation is stamped as SQLite's CURRENT_TIMESTAMP" \
  "SELECT length (created_at), substr (created_at, 11, 1), substr (created_at, 5, 1)
     FROM organisation WHERE id = 9001" "19| |-"
refused "a recipient is rated once a year" \
  "INSERT INTO annual_rating (organisation_id, year, rating) VALUES (9001, 2011, 'good')" \
  "UNIQUE constraint failed" "annual_rating_once"
same "deleting an organisation deletes its ratings and unlinks its people" \
  "DELETE FROM commendation WHERE organisation_id = 9001;
   UPDATE person SET organisation_id = 9001 WHERE id = 9001;
   DELETE FROM organisation WHERE id = 9001;
   SELECT count(*) FROM annual_rating;
   SELECT CASE WHEN organisation_id IS NULL THEN 1 ELSE 0 END FROM person WHERE id = 9001" "0
1"
same "the staff classes of step 4, in the same order" \
  "SELECT count(*) FROM staff_class" "28"
compare "the same staff classes" \
  <(lite "SELECT id, position, position_key, class FROM staff_class ORDER BY id") \
  <(pg -c "SELECT id, position, position_key, class FROM staff_class ORDER BY id")

# --- References between two clients at once (PostgreSQL) --------------------------------------
# An award inserted for an organisation while another client deletes it: whichever goes first,
# the other must fail, at READ COMMITTED (psql's and the store's) and at SERIALIZABLE. The first
# holds its transaction open until the second is seen waiting for it; without the locks the
# triggers take, the second would not wait, and both would commit an award of nobody.
pg_session() {  # pg_session ISOLATION SQL: one transaction that stays open for a while
  printf 'BEGIN ISOLATION LEVEL %s;\n%s;\nSELECT pg_sleep (3);\nCOMMIT;\n' "$1" "$2" |
    psql -X -q -A -t -v ON_ERROR_STOP=1 "$COOP_AWARDS_TEST_PG" -c "\\connect $database" -f - 2>&1
}
new_organisation_9100() {  # organisation 9100 afresh, without awards
  pg -c "DELETE FROM commendation WHERE organisation_id = 9100;
         DELETE FROM organisation WHERE id = 9100;
         INSERT INTO organisation (id, name, name_key, search_key, sort_key)
           VALUES (9100, 'HTX Đua', 'htx dua', 'htx dua', 'k')"
}
wait_for_first_session() {  # until the session of pg_session is seen holding its transaction
  for _ in $(seq 100); do
    [ "$(pg -c "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep (3)%'
                 AND pid <> pg_backend_pid () AND datname = current_database ()")" = 1 ] &&
      break
    sleep 0.05
  done
}
awards_of_nobody() {  # awards of organisation 9100 once it is gone
  pg -c "SELECT count(*) FROM commendation c WHERE organisation_id = 9100
          AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = 9100)"
}
race() {  # race ISOLATION1 SQL1 ISOLATION2 SQL2 WHAT: the first holds its transaction open while
          # the second runs; the first must commit, the second fail, no award be left of nobody
  local first_pid first_status=0 second second_status=0 orphans
  pg_session "$1" "$2" > "$work/first.log" &
  first_pid=$!
  wait_for_first_session
  second=$(printf 'BEGIN ISOLATION LEVEL %s;\n%s;\nCOMMIT;\n' "$3" "$4" |
             psql -X -q -A -t -v ON_ERROR_STOP=1 "$COOP_AWARDS_TEST_PG" \
               -c "\\connect $database" -f - 2>&1) || second_status=$?
  wait "$first_pid" || first_status=$?
  orphans=$(awards_of_nobody)
  if [ "$first_status" = 0 ] && [ "$second_status" != 0 ] && [ "$orphans" = 0 ] &&
     [[ $second == *"foreign key constraint"* || $second == *"could not serialize"* ]]; then
    ok "$5"
  else
    not_ok "$5: first ($first_status) '$(cat "$work/first.log")'," \
      "second ($second_status) '$second', awards of nobody: $orphans"
  fi
}
insert_award="INSERT INTO commendation (decision_id, award_type_id, authority_id, date,
  organisation_id, recipient_name) VALUES (9001, 9002, 9001, '2011-12-28', 9100, 'HTX Đua')"
delete_organisation="DELETE FROM organisation WHERE id = 9100"
for isolation in 'READ COMMITTED' SERIALIZABLE; do
  for first in insert delete; do
    new_organisation_9100
    if [ $first = insert ]; then
      one=$insert_award two=$delete_organisation
    else
      one=$delete_organisation two=$insert_award
    fi
    race "$isolation" "$one" "$isolation" "$two" \
      "$isolation: the $first first wins, the other fails, no award of nobody"
  done
done

# A client deleting at REPEATABLE READ or SERIALIZABLE whose snapshot is older than an award
# inserted at READ COMMITTED (the store's import, psql) while it waited: a foreign key refuses
# the delete, and so must the triggers, though the award is not in the deleter's snapshot.
for isolation in 'REPEATABLE READ' SERIALIZABLE; do
  new_organisation_9100
  # The deleter's snapshot is taken by its first query, before the award is committed.
  race 'READ COMMITTED' "$insert_award" \
    "$isolation" "SELECT count(*) FROM commendation; $delete_organisation" \
    "$isolation delete with an older snapshot than a READ COMMITTED insert: refused"
done

exit $failed
