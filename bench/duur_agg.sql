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
-- Every repetition runs every query serially, with 2 workers and the leader
-- participating (the default), and with 2 workers without the leader, one
-- after the other (interleaved, so that load from other processes on a shared
-- machine hits all modes alike).  Times are "Execution Time" of EXPLAIN
-- (ANALYZE, TIMING OFF); the fastest and the median of :herhaal runs (after a
-- warm-up round) are printed.  Targets: duur_agg / avg <= 1.3 (serial and
-- parallel); serial / parallel >= 1.6 for duur_agg (needs 2 idle cores).
\set QUIET on
\pset footer off
\if :{?rijen}
\else
\set rijen 3000000
\endif
\if :{?herhaal}
\else
\set herhaal 7
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

-- The measurement: every repetition runs every query in every mode, one after
-- the other (interleaved, so that load from other processes hits all of them
-- alike); per query and mode the fastest and the median run are kept.
CREATE TEMP TABLE meting (nr int, query text, modus text, ms numeric);
CREATE OR REPLACE FUNCTION pg_temp.meet(n int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  j json;
  q record;
  m text;
BEGIN
  PERFORM set_config('parallel_setup_cost', '0', true);
  PERFORM set_config('parallel_tuple_cost', '0', true);
  PERFORM set_config('min_parallel_table_scan_size', '0', true);
  FOR r IN 0..n LOOP                       -- round 0 is the warm-up
    FOR q IN SELECT * FROM pg_temp.queries ORDER BY nr LOOP
      FOREACH m IN ARRAY ARRAY['serieel', 'par2', 'par2_zonder_leider'] LOOP
        PERFORM set_config('max_parallel_workers_per_gather', CASE m WHEN 'serieel' THEN '0' ELSE '2' END, true);
        PERFORM set_config('parallel_leader_participation', CASE m WHEN 'par2_zonder_leider' THEN 'off' ELSE 'on' END, true);
        EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q.q INTO j;
        IF r > 0 THEN
          INSERT INTO pg_temp.meting VALUES (q.nr, q.naam, m, (j->0->>'Execution Time')::numeric);
        END IF;
      END LOOP;
    END LOOP;
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION pg_temp.is_parallel(q text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE r text; p boolean := false;
BEGIN
  PERFORM set_config('parallel_setup_cost', '0', true);
  PERFORM set_config('parallel_tuple_cost', '0', true);
  PERFORM set_config('min_parallel_table_scan_size', '0', true);
  PERFORM set_config('max_parallel_workers_per_gather', '2', true);
  FOR r IN EXECUTE 'EXPLAIN ' || q LOOP
    p := p OR r ~ 'Partial (Hash|Group)?Aggregate';
  END LOOP;
  RETURN p;
END $$;

CREATE TEMP TABLE queries (nr int, naam text, q text);
INSERT INTO queries VALUES
  (1, 'duur_agg (kalenderdagen)',
      $$SELECT gemeentecode, verzuim.duur_agg(episode, DATE '2024-06-30') FROM bench_episode GROUP BY gemeentecode$$),
  (2, 'duur_agg (lesdagen, midden)',
      $$SELECT gemeentecode, verzuim.duur_agg(episode, DATE '2024-06-30', 'midden') FROM bench_episode GROUP BY gemeentecode$$),
  (3, 'doorloopsnelheid',
      $$SELECT gemeentecode, verzuim.doorloopsnelheid(episode, DATE '2024-06-30') FROM bench_episode GROUP BY gemeentecode$$),
  (4, 'avg(upper - lower)  [floor]',
      $$SELECT gemeentecode, avg(upper(episode) - lower(episode)) FROM bench_episode GROUP BY gemeentecode$$),
  (5, 'count(*)',
      $$SELECT gemeentecode, count(*) FROM bench_episode GROUP BY gemeentecode$$);

SELECT bool_and(pg_temp.is_parallel(q)) AS parallel_ok FROM queries \gset
SELECT pg_temp.meet(:herhaal) \gset

CREATE TEMP TABLE t AS
SELECT nr, query, modus, min(ms) AS snelste, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS mediaan
FROM meting GROUP BY nr, query, modus;

\echo
\echo per gemeente over :rijen episodes, fastest of :herhaal interleaved runs (ms); parallel plans used: :parallel_ok
SELECT s.query,
       round(s.snelste, 1) AS serieel_ms,
       round(p.snelste, 1) AS par2_ms,
       round(w.snelste, 1) AS "par2_ms (no leader)",
       round(s.snelste / sa.snelste, 2) AS "serieel / avg",
       round(p.snelste / pa.snelste, 2) AS "par2 / avg",
       round(s.snelste / sc.snelste, 2) AS "serieel / count",
       round(s.snelste / p.snelste, 2) AS "serieel / par2",
       round(s.snelste / w.snelste, 2) AS "serieel / par2 (no leader)"
FROM t s
JOIN t p ON p.nr = s.nr AND p.modus = 'par2'
JOIN t w ON w.nr = s.nr AND w.modus = 'par2_zonder_leider'
JOIN t sa ON sa.nr = 4 AND sa.modus = 'serieel'
JOIN t pa ON pa.nr = 4 AND pa.modus = 'par2'
JOIN t sc ON sc.nr = 5 AND sc.modus = 'serieel'
WHERE s.modus = 'serieel'
ORDER BY s.nr;

\echo the same with the median run (ms)
SELECT s.query,
       round(s.mediaan::numeric, 1) AS serieel_ms,
       round(p.mediaan::numeric, 1) AS par2_ms,
       round(w.mediaan::numeric, 1) AS "par2_ms (no leader)",
       round((s.mediaan / sa.mediaan)::numeric, 2) AS "serieel / avg",
       round((s.mediaan / p.mediaan)::numeric, 2) AS "serieel / par2",
       round((s.mediaan / w.mediaan)::numeric, 2) AS "serieel / par2 (no leader)"
FROM t s
JOIN t p ON p.nr = s.nr AND p.modus = 'par2'
JOIN t w ON w.nr = s.nr AND w.modus = 'par2_zonder_leider'
JOIN t sa ON sa.nr = 4 AND sa.modus = 'serieel'
WHERE s.modus = 'serieel'
ORDER BY s.nr;

SELECT CASE WHEN d.snelste <= 1.3 * a.snelste AND dp.snelste <= 1.3 * ap.snelste THEN 'met' ELSE 'MISSED' END
         AS "target duur_agg <= 1.3x avg (serial and parallel)",
       CASE WHEN d.snelste >= 1.6 * least(dp.snelste, dw.snelste) THEN 'met' ELSE 'MISSED' END
         AS "target serial >= 1.6x parallel (2 workers)"
FROM t d, t a, t dp, t ap, t dw
WHERE d.nr = 1 AND d.modus = 'serieel' AND a.nr = 4 AND a.modus = 'serieel'
  AND dp.nr = 1 AND dp.modus = 'par2' AND ap.nr = 4 AND ap.modus = 'par2'
  AND dw.nr = 1 AND dw.modus = 'par2_zonder_leider';
