-- pgTAP: the cost of the functions that only partial aggregation runs
-- (combine, serialize, deserialize of episodes and meldplicht: COST 100,
-- 50_episodes.sql and 71_meldplicht.sql).  With 2 workers allowed and
-- PostgreSQL's default parallel costs, grouping per pupil (about ten rows a
-- group) stays serial, where partial aggregation was measured slower (every
-- group's state passes the leader; bench/README.md, "Parallel query"), and
-- grouping into few groups gets partial aggregation in the workers.  Made
-- free, parallelism still does not win per pupil at COST 100; at the former
-- COST 1 it did.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(7);
SET LOCAL verzuim.vakantieregio = '';

-- 30,000 pupils with ten absent Mondays each at one of 30 schools, keyed like
-- afwezigheid; the regio comes from the school (a join, as in
-- bench/ext/episodes.sql).  Real tables: temporary tables are not scanned in parallel.
CREATE TABLE pk_school (brin text PRIMARY KEY, regio text);
INSERT INTO pk_school SELECT 'PK' || s, (ARRAY['noord', 'midden', 'zuid'])[1 + s % 3] FROM generate_series(0, 29) s;
CREATE TABLE pk_afw (leerling_id bigint, brin text, datum date, uren numeric(4,2), PRIMARY KEY (leerling_id, datum, brin));
INSERT INTO pk_afw
SELECT p, 'PK' || p % 30, date '2024-09-02' + 7 * d, 6.0
  FROM generate_series(1, 30000) p, generate_series(0, 9) d;
-- statistics from every row (a sample of 300 x 1000 rows), so that the plans do not depend on a random sample
ALTER TABLE pk_afw ALTER leerling_id SET STATISTICS 1000, ALTER brin SET STATISTICS 1000, ALTER datum SET STATISTICS 1000;
ANALYZE pk_school, pk_afw;

CREATE FUNCTION pg_temp.partieel(q text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE r text; p boolean := false;
BEGIN
  FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
    p := p OR r ~ 'Partial (Hash|Group)?Aggregate';
  END LOOP;
  RETURN p;
END $$;

SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL min_parallel_table_scan_size = 0;
SELECT is((SELECT array_agg(p.proname::text || ' ' || p.procost ORDER BY p.proname) FROM pg_proc p
            WHERE p.pronamespace = 'verzuim'::regnamespace AND p.proname ~ '^(episodes|meldplicht)_(combine|serialize|deserialize)$'),
          ARRAY['episodes_combine 100', 'episodes_deserialize 100', 'episodes_serialize 100',
                'meldplicht_combine 100', 'meldplicht_deserialize 100', 'meldplicht_serialize 100'],
          'combine, serialize and deserialize of episodes and meldplicht cost 100');
SELECT ok(NOT pg_temp.partieel('SELECT leerling_id, verzuim.episodes(datum, regio) FROM pk_afw JOIN pk_school USING (brin) GROUP BY leerling_id'),
          'episodes per pupil: no partial aggregation with 2 workers at the default parallel costs');
SELECT ok(NOT pg_temp.partieel('SELECT leerling_id, verzuim.meldplicht(datum, uren, regio) FROM pk_afw JOIN pk_school USING (brin) GROUP BY leerling_id'),
          'meldplicht per pupil: no partial aggregation either');
SELECT ok(pg_temp.partieel('SELECT regio, verzuim.episodes(datum, regio) FROM pk_afw JOIN pk_school USING (brin) GROUP BY regio'),
          'episodes per regio (3 groups): partial aggregation in the workers');
SELECT ok(pg_temp.partieel('SELECT regio, verzuim.meldplicht(datum, uren, regio) FROM pk_afw JOIN pk_school USING (brin) GROUP BY regio'),
          'meldplicht per regio: partial aggregation in the workers');

-- the cost is what decides, even with parallelism made free (parallel_setup_cost =
-- parallel_tuple_cost = 0, as bench/meten.sql does): at COST 100 per pupil is
-- serial, at COST 1 (as in 0.1) the planner took partial aggregation per pupil
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SELECT ok(NOT pg_temp.partieel('SELECT leerling_id, verzuim.episodes(datum, regio) FROM pk_afw JOIN pk_school USING (brin) GROUP BY leerling_id'),
          'with free parallelism, COST 100: still no partial aggregation per pupil');
ALTER FUNCTION verzuim.episodes_combine(internal, internal) COST 1;
ALTER FUNCTION verzuim.episodes_serialize(internal) COST 1;
ALTER FUNCTION verzuim.episodes_deserialize(bytea, internal) COST 1;
SELECT ok(pg_temp.partieel('SELECT leerling_id, verzuim.episodes(datum, regio) FROM pk_afw JOIN pk_school USING (brin) GROUP BY leerling_id'),
          'with free parallelism, COST 1: partial aggregation per pupil');

SELECT * FROM finish();
ROLLBACK;
