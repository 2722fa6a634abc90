-- bench/duur_agg.sql — speed of verzuim.duur_agg against its floor (DESIGN.md §4).
--
--   psql -X -v ON_ERROR_STOP=1 -d DB -f bench/duur_agg.sql [-v rijen=3000000]
--
-- Builds (once; rebuilt when the size differs) a table bench_episode
-- (gemeentecode text, episode daterange) of :rijen episodes over 342
-- gemeenten from generate_series with a fixed setseed, then times, per
-- gemeente, serial and with 2 parallel workers:
--   duur_agg(episode, peildatum)            the summary
--   avg(upper(episode) - lower(episode))    the target floor: duur_agg <= 1.3x avg
--   count(*)                                the bare scan and grouping
-- Times are the fastest "Execution Time" of EXPLAIN (ANALYZE, TIMING OFF) over
-- :herhaal runs after a warm-up (the minimum: the machine may be shared, and
-- other processes only ever add time).  Parallel runs use 2 workers, with the
-- leader participating (the default) and without it.  Targets: duur_agg/avg <= 1.3 (serial and
-- parallel); serial/parallel >= 1.6 for duur_agg.
\set QUIET on
\pset footer off
\if :{?rijen}
\else
\set rijen 3000000
\endif
\if :{?herhaal}
\else
\set herhaal 5
\endif

SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
RESET client_min_messages;

-- the data ---------------------------------------------------------------------
SELECT NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'bench_episode' AND relkind = 'r'
                   AND pg_table_is_visible(oid))
       OR (SELECT reltuples::bigint FROM pg_class WHERE relname = 'bench_episode'
           AND pg_table_is_visible(oid)) <> :rijen AS opnieuw \gset
\if :opnieuw
\echo building bench_episode with :rijen rows
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_episode;
RESET client_min_messages;
CREATE TABLE bench_episode (gemeentecode text NOT NULL, episode daterange NOT NULL);
SELECT setseed(0.42) \gset
-- start days spread over two schooljaren; durations roughly exponential
-- (mean ~ 25 days, a long tail); about 15% still open (upper unbounded), and
-- some starting after the peildatum 2024-06-30.
INSERT INTO bench_episode
SELECT 'GM' || lpad((1 + floor(random() * 342))::int::text, 4, '0'),
       CASE WHEN random() < 0.15
            THEN daterange(s, NULL)
            ELSE daterange(s, s + 1 + floor(-ln(1 - random()) * 25)::int) END
FROM (SELECT DATE '2022-08-01' + floor(random() * 720)::int AS s
      FROM generate_series(1, :rijen)) g;
VACUUM ANALYZE bench_episode;
\endif

CREATE OR REPLACE FUNCTION pg_temp.tijd(q text, n int) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
  j json;
  ts numeric[] := '{}';
BEGIN
  EXECUTE q;  -- warm-up
  FOR i IN 1..n LOOP
    EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;
    ts := ts || (j->0->>'Execution Time')::numeric;
  END LOOP;
  RETURN (SELECT min(x) FROM unnest(ts) x);
END $$;

CREATE OR REPLACE FUNCTION pg_temp.is_parallel(q text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE r text; p boolean := false;
BEGIN
  FOR r IN EXECUTE 'EXPLAIN ' || q LOOP
    p := p OR r ~ 'Partial (Hash|Group)?Aggregate';
  END LOOP;
  RETURN p;
END $$;

\set q_duur 'SELECT gemeentecode, verzuim.duur_agg(episode, DATE ''2024-06-30'') FROM bench_episode GROUP BY gemeentecode'
\set q_les 'SELECT gemeentecode, verzuim.duur_agg(episode, DATE ''2024-06-30'', ''midden'') FROM bench_episode GROUP BY gemeentecode'
\set q_doorloop 'SELECT gemeentecode, verzuim.doorloopsnelheid(episode, DATE ''2024-06-30'') FROM bench_episode GROUP BY gemeentecode'
\set q_avg 'SELECT gemeentecode, avg(upper(episode) - lower(episode)) FROM bench_episode GROUP BY gemeentecode'
\set q_count 'SELECT gemeentecode, count(*) FROM bench_episode GROUP BY gemeentecode'

-- serial -------------------------------------------------------------------------
SET max_parallel_workers_per_gather = 0;
SELECT pg_temp.tijd(:'q_duur', :herhaal) AS s_duur,
       pg_temp.tijd(:'q_les', :herhaal) AS s_les,
       pg_temp.tijd(:'q_doorloop', :herhaal) AS s_doorloop,
       pg_temp.tijd(:'q_avg', :herhaal) AS s_avg,
       pg_temp.tijd(:'q_count', :herhaal) AS s_count \gset

-- 2 parallel workers ---------------------------------------------------------------
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SELECT pg_temp.is_parallel(:'q_duur') AND pg_temp.is_parallel(:'q_avg')
       AND pg_temp.is_parallel(:'q_count') AS parallel_ok \gset
SELECT pg_temp.tijd(:'q_duur', :herhaal) AS p_duur,
       pg_temp.tijd(:'q_les', :herhaal) AS p_les,
       pg_temp.tijd(:'q_doorloop', :herhaal) AS p_doorloop,
       pg_temp.tijd(:'q_avg', :herhaal) AS p_avg,
       pg_temp.tijd(:'q_count', :herhaal) AS p_count \gset
SET parallel_leader_participation = off;
SELECT pg_temp.tijd(:'q_duur', :herhaal) AS w_duur,
       pg_temp.tijd(:'q_les', :herhaal) AS w_les,
       pg_temp.tijd(:'q_doorloop', :herhaal) AS w_doorloop,
       pg_temp.tijd(:'q_avg', :herhaal) AS w_avg,
       pg_temp.tijd(:'q_count', :herhaal) AS w_count \gset
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

\echo
\echo duur_agg per gemeente over :rijen episodes (fastest of :herhaal runs, ms); parallel plans used: :parallel_ok
SELECT query,
       round(serieel, 1) AS serieel_ms,
       round(parallel, 1) AS par2_ms,
       round(werkers, 1) AS "par2_ms (no leader)",
       round(serieel / nullif(:s_avg, 0), 2) AS "serieel / avg",
       round(parallel / nullif(:p_avg, 0), 2) AS "par2 / avg",
       round(serieel / nullif(:s_count, 0), 2) AS "serieel / count",
       round(serieel / nullif(parallel, 0), 2) AS "serieel / par2",
       round(serieel / nullif(werkers, 0), 2) AS "serieel / par2 (no leader)"
FROM (VALUES (1, 'duur_agg (kalenderdagen)', :s_duur, :p_duur, :w_duur),
             (2, 'duur_agg (lesdagen, midden)', :s_les, :p_les, :w_les),
             (3, 'doorloopsnelheid', :s_doorloop, :p_doorloop, :w_doorloop),
             (4, 'avg(upper - lower)  [floor]', :s_avg, :p_avg, :w_avg),
             (5, 'count(*)', :s_count, :p_count, :w_count)) t(nr, query, serieel, parallel, werkers)
ORDER BY nr;

SELECT CASE WHEN :s_duur <= 1.3 * :s_avg AND :p_duur <= 1.3 * :p_avg THEN 'met' ELSE 'MISSED' END
         AS "target duur_agg <= 1.3x avg",
       CASE WHEN :s_duur >= 1.6 * least(:p_duur, :w_duur) THEN 'met' ELSE 'MISSED' END
         AS "target serial >= 1.6x parallel (2 workers)";
