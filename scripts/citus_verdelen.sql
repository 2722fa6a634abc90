-- Distribute verzuim's tables over a Citus cluster (docs/meer-servers.md).
--
--   psql -X -v ON_ERROR_STOP=1 -d DB -f scripts/citus_verdelen.sql -v rls=off [-v shards=32]
--
-- Run once, as superuser, on the coordinator of a Citus 13 cluster whose
-- workers have been added (citus_add_node), after CREATE EXTENSION verzuim
-- (Citus creates it on the workers too) and BEFORE any pupil data is loaded.
-- Idempotent: a second run on a distributed database changes nothing.
--
-- What it does, and why (see the TOOLING notes on Citus 13.2):
--   * the pupil tables (leerling, verblijf, inschrijving, afwezigheid,
--     vrijstelling, melding, proces_verbaal) are distributed by leerling_id,
--     co-located with leerling: every per-pupil query and aggregate runs whole
--     on the workers;
--   * the code tables gemeente, samenwerkingsverband, school, schoolvrije_dag
--     and toegang become reference tables (a copy on every node, so joins to
--     them run on the workers);
--   * the calendar (vakantie, vakantie_levering) stays a local table on every
--     node, each filled by CREATE EXTENSION with the shipped holidays: the C
--     calendar reads it inside shard queries.  Change it on every node
--     (run_command_on_all_nodes) and compare the fingerprints
--     (verzuim.instellingen()->'kalender') of all nodes; an instellingen
--     argument with "kalender" makes a node with another calendar refuse;
--   * foreign keys are dropped on every node before and re-added from the
--     coordinator after distributing (Citus then creates them on the shards;
--     adding a key to a reference table first would make Citus convert the
--     whole key graph, which the workers' copy of the extension already has);
--   * the surrogate primary keys of inschrijving, vrijstelling, melding and
--     proces_verbaal become (leerling_id, id): Citus needs the distribution
--     column in every unique constraint.  The ids still come from the
--     coordinator's identity sequences (rows inserted through the coordinator);
--   * row-level security: Citus 13 refuses policies with subqueries on
--     distributed tables (ErrorIfUnsupportedPolicyExpr, src/backend/
--     distributed/commands/policy.c), and verzuim's policies need them (the
--     pupils of a role come from verzuim.toegang joined to leerling, verblijf
--     and inschrijving).  So the script REFUSES while the policies exist,
--     unless it is run with  -v rls=off : then it drops the policies, keeps
--     row-level security ENABLED with no policy (a role under it sees no
--     pupil row, also on the shards), and REVOKEs SELECT on the pupil tables
--     from verzuim_analist and PUBLIC on every node, so an analyst's query
--     fails with "permission denied" instead of answering from no rows.
--     Only the owner, superusers and BYPASSRLS roles read pupil data; the
--     public views (verzuim.publiek_*, small cells suppressed) keep working.
--     Per-gemeente access on Citus: see docs/meer-servers.md;
--   * the DROP-protection trigger (registratie_bewaakt) is removed from the
--     shards, where it would check the shard instead of the table; on the
--     coordinator it stays (Citus does not fire it for distributed tables),
--     so after the first load create verzuim.registratie_omvang with
--       SELECT verzuim.registratie_omvang_maken('verzuim.leerling');
--   * calendar triggers on the shards of school and schoolvrije_dag stay:
--     they invalidate the node's school cache (src/kalender.c maps a shard to
--     its table).
\set ON_ERROR_STOP 1
\if :{?shards}
\else
\set shards 32
\endif
\if :{?rls}
\else
\set rls on
\endif
SET client_min_messages = warning;

DO $check$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    RAISE EXCEPTION 'extension citus is not installed in this database'
      USING ERRCODE = 'feature_not_supported', HINT = 'CREATE EXTENSION citus; then add the workers with citus_add_node().';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'verzuim') THEN
    RAISE EXCEPTION 'extension verzuim is not installed in this database'
      USING ERRCODE = 'feature_not_supported', HINT = 'CREATE EXTENSION verzuim CASCADE; on the coordinator (Citus creates it on the workers).';
  END IF;
  IF (SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary' AND groupid <> 0) = 0 THEN
    RAISE EXCEPTION 'this Citus cluster has no workers'
      USING ERRCODE = 'feature_not_supported', HINT = 'Add them with citus_add_node() first.';
  END IF;
END
$check$;

SELECT NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'verzuim.leerling'::regclass) AS te_verdelen
\gset
\if :te_verdelen

-- row-level security first: refuse before anything is changed (see the top)
SELECT :'rls' = 'off' AS rls_uit \gset
\if :rls_uit
\else
DO $rls$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'verzuim') THEN
    RAISE EXCEPTION 'Citus cannot keep verzuim''s row-level security: nothing was distributed'
      USING ERRCODE = 'feature_not_supported',
            DETAIL = 'Citus 13 refuses policies with subqueries on distributed tables, and the policies of verzuim.toegang need them (a role''s pupils come from leerling, verblijf and inschrijving).',
            HINT = 'Run again with -v rls=off to distribute without them: then only the owner, superusers and BYPASSRLS roles can read pupil rows, and verzuim_analist loses SELECT on the pupil tables (its queries fail with permission denied). See docs/meer-servers.md.';
  END IF;
END
$rls$;
\endif

DO $leeg$
DECLARE t text; v_heeft boolean;
BEGIN
  FOREACH t IN ARRAY ARRAY['leerling', 'verblijf', 'inschrijving', 'afwezigheid', 'vrijstelling', 'melding',
                           'proces_verbaal', 'school', 'schoolvrije_dag', 'toegang', 'gemeente', 'samenwerkingsverband'] LOOP
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM verzuim.%I)', t) INTO v_heeft;
    IF v_heeft OR pg_catalog.to_regclass('verzuim.registratie_omvang') IS NOT NULL THEN
      RAISE EXCEPTION 'verzuim already holds registration data; distribute the tables before loading'
        USING ERRCODE = 'object_not_in_prerequisite_state',
              HINT = 'Dump the data (pg_dump --data-only -n verzuim), recreate the database, run this script, reload.';
    END IF;
  END LOOP;
END
$leeg$;

-- 1. foreign keys among verzuim's tables: remember, drop on every node
CREATE TEMP TABLE verzuim_fk AS
SELECT c.conrelid::regclass::text AS tabel, c.conname, pg_get_constraintdef(c.oid) AS def,
       k.relname = 'school' AS eerst
  FROM pg_constraint c JOIN pg_class k ON k.oid = c.conrelid
 WHERE c.contype = 'f' AND c.connamespace = 'verzuim'::regnamespace;
SELECT count(*) AS nodes FROM run_command_on_all_nodes(
  (SELECT string_agg(format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', tabel, conname), '; ') FROM verzuim_fk))
 WHERE success;

-- 2. row-level security policies (subqueries: not supported by Citus): only
--    with -v rls=off; RLS stays enabled, SELECT on the pupil tables is revoked
--    from verzuim_analist and PUBLIC (fail closed and loud, not empty answers)
SELECT count(*) AS nodes FROM run_command_on_all_nodes(
  coalesce((SELECT string_agg(format('DROP POLICY IF EXISTS %I ON verzuim.%I', policyname, tablename), '; ')
              FROM pg_policies WHERE schemaname = 'verzuim'), 'SELECT 1')
  || '; REVOKE SELECT ON verzuim.leerling, verzuim.verblijf, verzuim.inschrijving, verzuim.afwezigheid, '
  || 'verzuim.vrijstelling, verzuim.melding, verzuim.proces_verbaal FROM verzuim_analist, PUBLIC')
 WHERE success;
DO $waarschuwing$
BEGIN
  RAISE WARNING 'row-level security policies of verzuim dropped (-v rls=off): only the owner, superusers and BYPASSRLS roles can read pupil rows; SELECT on the pupil tables revoked from verzuim_analist and PUBLIC'
    USING DETAIL = 'Row-level security stays enabled with no policy: a role under it sees no pupil row. verzuim.toegang grants have no effect on this cluster.',
          HINT = 'Give gemeenten and samenwerkingsverbanden their figures through a database of their own or a postgres_fdw federation, where the policies hold (docs/meer-servers.md).';
END
$waarschuwing$;

-- 3. primary keys with the distribution column, on every node
SELECT count(*) AS nodes FROM run_command_on_all_nodes($pk$
ALTER TABLE verzuim.inschrijving DROP CONSTRAINT inschrijving_pkey,
  ADD CONSTRAINT inschrijving_pkey PRIMARY KEY (leerling_id, inschrijving_id);
ALTER TABLE verzuim.vrijstelling DROP CONSTRAINT vrijstelling_pkey,
  ADD CONSTRAINT vrijstelling_pkey PRIMARY KEY (leerling_id, vrijstelling_id);
ALTER TABLE verzuim.melding DROP CONSTRAINT melding_pkey,
  ADD CONSTRAINT melding_pkey PRIMARY KEY (leerling_id, meldingsnummer);
ALTER TABLE verzuim.proces_verbaal DROP CONSTRAINT proces_verbaal_pkey,
  ADD CONSTRAINT proces_verbaal_pkey PRIMARY KEY (leerling_id, pv_id);
$pk$) WHERE success;

-- 4. reference tables and distributed tables (their triggers are copied to the shards)
SET citus.enable_unsafe_triggers = on;
SELECT create_reference_table(('verzuim.' || t)::regclass)
  FROM unnest(ARRAY['gemeente', 'samenwerkingsverband', 'school', 'schoolvrije_dag', 'toegang']) AS t;
SELECT create_distributed_table('verzuim.leerling', 'leerling_id', shard_count => :shards);
SELECT create_distributed_table(('verzuim.' || t)::regclass, 'leerling_id', colocate_with => 'verzuim.leerling')
  FROM unnest(ARRAY['verblijf', 'inschrijving', 'afwezigheid', 'vrijstelling', 'melding', 'proces_verbaal']) AS t;

-- 5. the foreign keys again, from the coordinator (Citus adds them to the shards)
DO $fk$
DECLARE r record;
BEGIN
  FOR r IN SELECT * FROM pg_temp.verzuim_fk ORDER BY eerst DESC, tabel, conname LOOP
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.tabel, r.conname, r.def);
  END LOOP;
END
$fk$;

-- 6. the DROP-protection trigger off the shards (it would name the shard)
SELECT count(*) AS nodes FROM run_command_on_all_nodes($dr$
DO $d$
DECLARE r record;
BEGIN
  SET LOCAL citus.override_table_visibility = off;
  FOR r IN SELECT t.tgname, t.tgrelid::regclass AS rel FROM pg_trigger t
            WHERE t.tgname ~ '^registratie_bewaakt_[0-9]+$' LOOP
    EXECUTE format('DROP TRIGGER %I ON %s', r.tgname, r.rel);
  END LOOP;
END
$d$
$dr$) WHERE success;
RESET citus.enable_unsafe_triggers;
\endif

-- What it looks like: one row per table
SELECT p.logicalrelid::text AS tabel,
       CASE p.partmethod WHEN 'h' THEN 'distributed by ' || a.attname WHEN 'n' THEN 'reference' END AS soort,
       p.colocationid
  FROM pg_dist_partition p
  LEFT JOIN pg_attribute a ON a.attrelid = p.logicalrelid AND a.attname = column_to_column_name(p.logicalrelid, p.partkey)
 WHERE p.logicalrelid::text LIKE 'verzuim.%'
 ORDER BY p.partmethod, 1;
