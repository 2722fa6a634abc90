-- bench/parallel_per_leerling.sql — serial against 2 workers for per-pupil and
-- few-group aggregates, with the combine/serialize/deserialize functions of
-- episodes at COST 1 (0.1) and COST 100 (0.2), in one run, interleaved (issue
-- 12; docs/laden-en-parallel.md).  Superuser (ALTER FUNCTION inside a
-- transaction that is rolled back); on a benchmark database (bench/generate.sh):
--
--   psql -X -d bench -v n=5 -f bench/parallel_per_leerling.sql
--
-- Each cell is the Execution Time of EXPLAIN (ANALYZE, TIMING OFF) of one run;
-- row 0 is the warm-up.
\if :{?n}
\else
\set n 3
\endif
\set QUIET on
\pset footer off
SET jit = off; SET verzuim.vakantieregio = '';
CREATE OR REPLACE FUNCTION pg_temp.t(q text, w int, kosten int, forceer boolean) RETURNS text LANGUAGE plpgsql AS $$
DECLARE j json; BEGIN
  EXECUTE format('ALTER FUNCTION verzuim.episodes_combine(internal, internal) COST %s', kosten);
  EXECUTE format('ALTER FUNCTION verzuim.episodes_serialize(internal) COST %s', kosten);
  EXECUTE format('ALTER FUNCTION verzuim.episodes_deserialize(bytea, internal) COST %s', kosten);
  PERFORM set_config('max_parallel_workers_per_gather', w::text, true);
  PERFORM set_config('parallel_setup_cost', CASE WHEN forceer THEN '0' ELSE '1000' END, true);
  PERFORM set_config('parallel_tuple_cost', CASE WHEN forceer THEN '0' ELSE '0.1' END, true);
  PERFORM set_config('min_parallel_table_scan_size', CASE WHEN forceer THEN '0' ELSE '8MB' END, true);
  EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;
  RETURN round((j->0->>'Execution Time')::numeric) || CASE WHEN j::text ~ '"Partial Mode": "Partial"' THEN ' p' ELSE '' END;
END $$;
\set ep 'SELECT a.leerling_id, verzuim.episodes(a.datum, s.vakantieregio::text) FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin) GROUP BY a.leerling_id'
\set br 'SELECT a.leerling_id, verzuim.episodes_brin(a.datum, a.brin) FROM verzuim.afwezigheid a GROUP BY a.leerling_id'
\set ct 'SELECT a.leerling_id, count(*) FROM verzuim.afwezigheid a GROUP BY a.leerling_id'
\set rg 'SELECT s.vakantieregio, verzuim.episodes(a.datum, s.vakantieregio::text) FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin) GROUP BY 1'
\echo 'ms per run (p = the plan has partial aggregation); serial = 0 workers; default = PostgreSQL default parallel costs, 2 workers; forced = parallel_setup_cost = parallel_tuple_cost = 0 (bench/meten.sql)'
BEGIN;
SELECT i,
  pg_temp.t(:'ep', 0, 100, false) AS "episodes/pupil serial",
  pg_temp.t(:'ep', 2, 1, false) AS "default COST 1",
  pg_temp.t(:'ep', 2, 100, false) AS "default COST 100",
  pg_temp.t(:'br', 0, 100, false) AS "episodes_brin serial",
  pg_temp.t(:'br', 2, 1, true) AS "forced COST 1",
  pg_temp.t(:'br', 2, 100, true) AS "forced COST 100",
  pg_temp.t(:'ct', 0, 100, false) AS "count(*) serial",
  pg_temp.t(:'ct', 2, 100, true) AS "forced",
  pg_temp.t(:'rg', 0, 100, false) AS "episodes/regio serial",
  pg_temp.t(:'rg', 2, 100, false) AS "default COST 100 "
FROM generate_series(0, :n) i;
ROLLBACK;
