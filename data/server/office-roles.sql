-- office-roles.sql: the rights of an office's people on its shared Coop Awards database.
--
-- Run once by the database's owner, after `coop-awards-cli init-server` (and again after a
-- newer version of Coop Awards has added tables):
--
--   psql -v database=awards -f office-roles.sql "postgresql://owner@server/awards"
--
-- It makes two groups: coop_awards_clerks, who enter and correct records, and
-- coop_awards_readers (a leader, an inspector), who only read and print. Then give each person
-- their own login in one of the groups, so that the history of changes names who did what:
--
--   CREATE ROLE lan LOGIN PASSWORD 'a password Lan chooses' IN ROLE coop_awards_clerks;
--   CREATE ROLE hoa LOGIN PASSWORD 'a password Hoa chooses' IN ROLE coop_awards_readers;
--
-- Nobody but the owner may change the history: clerks may add to it, not alter or remove it.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'coop_awards_clerks') THEN
    CREATE ROLE coop_awards_clerks NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'coop_awards_readers') THEN
    CREATE ROLE coop_awards_readers NOLOGIN;
  END IF;
END
$$;

GRANT CONNECT ON DATABASE :"database" TO coop_awards_clerks, coop_awards_readers;
-- A clerk's session notes in a temporary table of its own what each change did, for the history
-- and undo (PostgreSQL gives every role this right unless an administrator took it away).
GRANT TEMPORARY ON DATABASE :"database" TO coop_awards_clerks;
GRANT USAGE ON SCHEMA public TO coop_awards_clerks, coop_awards_readers;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO coop_awards_readers;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO coop_awards_clerks;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO coop_awards_clerks;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM coop_awards_clerks;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON awards_meta FROM coop_awards_clerks;
