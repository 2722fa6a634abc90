-- bench/meldplicht.sql — speed of verzuim.meldplicht against its floor and
-- against two plain-SQL formulations of the 16-hour rule (DESIGN.md §4).
--
--   psql -X -v ON_ERROR_STOP=1 -d DB -f bench/meldplicht.sql [-v herhaal=3] [-v steekproef=100]
--
-- Data: the generated registration tables (bash bench/generate.sh --scale 0.13
-- --seed 1 --db DB); the unauthorised rows (reden ongeoorloofd, luxe, te_laat)
-- of every pupil, the regio of a row is the vakantieregio of its school.
--
-- Queries, all per pupil over the same rows:
--   floor        SELECT leerling_id, count(*) ... GROUP BY leerling_id (with the
--                same join to verzuim.school as the others, and without)
--   meldplicht   verzuim.meldplicht(datum, uren, regio)
--   window-only  the rolling-window approximation an analyst writes first:
--                hours per lesweek from a pre-numbered lesweek calendar
--                (bench_lesweek, built once, not timed), sum() OVER the last 4
--                lesweken >= 16, no re-arming (so wrong wherever re-arming
--                matters); one row per pupil with the number of such weeks
--   recursive    the correct rule in plain SQL: re-arming makes it a
--                sequential walk, a WITH RECURSIVE over the pupil's days in
--                date order with the window sum as a correlated subquery; on a
--                sample of the pupils only (leerling_id % :steekproef = 0,
--                default 1%), because it grows quadratically; its time is
--                compared with meldplicht on the same sample
-- Times: fastest "Execution Time" of EXPLAIN (ANALYZE, TIMING OFF) over
-- :herhaal runs after a warm-up (the recursive walk: 1 run); serial, and
-- meldplicht/floor also with 2 parallel workers.
-- Target: meldplicht <= 2x the floor (faster than the window-only approximation).
\set QUIET on
\pset footer off
\if :{?herhaal}
\else
\set herhaal 3
\endif
\if :{?steekproef}
\else
\set steekproef 100
\endif

SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
RESET client_min_messages;
SET verzuim.vakantieregio = '';
SET jit = off;

SELECT EXISTS (SELECT 1 FROM verzuim.afwezigheid) AS gegenereerd \gset
\if :gegenereerd
\else
\echo bench/meldplicht.sql needs generated data: bash bench/generate.sh --scale 0.13 --seed 1 --db DB
\quit
\endif
\set bron 'verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin'
\set filter 'a.reden IN (''ongeoorloofd'', ''luxe'', ''te_laat'')'
SELECT count(*) || ' unauthorised afwezigheid rows of ' || count(DISTINCT leerling_id) || ' pupils' AS data
FROM verzuim.afwezigheid a WHERE :filter \gset

-- lesweken numbered per regio over the span of the data (helper of both plain-SQL
-- formulations; not timed)
SELECT min(datum) - 140 AS van, max(datum) AS tot FROM verzuim.afwezigheid \gset
DROP TABLE IF EXISTS bench_lesweek;
CREATE TABLE bench_lesweek AS
SELECT regio, maandag, lesweek,
       count(*) FILTER (WHERE lesweek) OVER (PARTITION BY regio ORDER BY maandag) AS lw
FROM (SELECT r.regio, date_trunc('week', d)::date AS maandag, bool_or(verzuim.is_lesdag(d::date, r.regio)) AS lesweek
      FROM (VALUES ('noord'), ('midden'), ('zuid')) r(regio),
           generate_series(date_trunc('week', :'van'::date), :'tot'::date, '1 day') d
      GROUP BY 1, 2) w;
CREATE UNIQUE INDEX ON bench_lesweek (regio, maandag);
ANALYZE bench_lesweek;

CREATE OR REPLACE FUNCTION pg_temp.tijd(q text, n int) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
  j json;
  ts numeric[] := '{}';
BEGIN
  IF n > 1 THEN
    EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;  -- warm-up
  END IF;
  FOR i IN 1..n LOOP
    EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;
    ts := ts || (j->0->>'Execution Time')::numeric;
  END LOOP;
  RETURN (SELECT min(x) FROM unnest(ts) x);
END $$;

-- the queries -------------------------------------------------------------------------
\set q_floor 'SELECT a.leerling_id, count(*) FROM ' :bron ' WHERE ' :filter ' GROUP BY a.leerling_id'
\set q_kaal 'SELECT a.leerling_id, count(*) FROM verzuim.afwezigheid a WHERE ' :filter ' GROUP BY a.leerling_id'
\set q_mp 'SELECT a.leerling_id, verzuim.meldplicht(a.datum, a.uren, s.vakantieregio) FROM ' :bron ' WHERE ' :filter ' GROUP BY a.leerling_id'
\set q_window 'SELECT leerling_id, count(*) FILTER (WHERE som >= 16) FROM (SELECT leerling_id, sum(uren) OVER (PARTITION BY leerling_id ORDER BY lw RANGE BETWEEN 3 PRECEDING AND CURRENT ROW) AS som FROM (SELECT a.leerling_id, w.lw, sum(a.uren) AS uren FROM ' :bron ' JOIN bench_lesweek w ON w.regio = s.vakantieregio AND w.maandag = date_trunc(''week'', a.datum)::date WHERE ' :filter ' GROUP BY a.leerling_id, w.lw) x) y GROUP BY leerling_id'
\set q_mp_steekproef 'SELECT a.leerling_id, verzuim.meldplicht(a.datum, a.uren, s.vakantieregio) FROM ' :bron ' WHERE ' :filter ' AND a.leerling_id % ' :steekproef ' = 0 GROUP BY a.leerling_id'
\set q_rec 'WITH RECURSIVE dag AS MATERIALIZED (SELECT a.leerling_id, a.datum, sum(a.uren) AS uren, min(w.lw) AS lw, row_number() OVER (PARTITION BY a.leerling_id ORDER BY a.datum) AS rn FROM ' :bron ' JOIN bench_lesweek w ON w.regio = s.vakantieregio AND w.maandag = date_trunc(''week'', a.datum)::date WHERE ' :filter ' AND a.leerling_id % ' :steekproef ' = 0 AND verzuim.is_lesdag(a.datum, s.vakantieregio) GROUP BY a.leerling_id, a.datum), walk AS (SELECT DISTINCT leerling_id, 0::bigint AS rn, 0::bigint AS rearm, NULL::numeric AS som FROM dag UNION ALL SELECT d.leerling_id, d.rn, CASE WHEN t.som >= 16 THEN d.rn ELSE w.rearm END, t.som FROM walk w JOIN dag d ON d.leerling_id = w.leerling_id AND d.rn = w.rn + 1 CROSS JOIN LATERAL (SELECT sum(x.uren) AS som FROM dag x WHERE x.leerling_id = d.leerling_id AND x.rn > w.rearm AND x.rn <= d.rn AND x.lw >= d.lw - 3) t) SELECT w.leerling_id, d.datum AS bereikt_op, w.som AS uren FROM walk w JOIN dag d ON d.leerling_id = w.leerling_id AND d.rn = w.rn WHERE w.rn > 0 AND w.rearm = w.rn'

-- the answers: moments from meldplicht and from the recursive walk on the sample
-- (they agree for pupils whose rows are all in one regio), pupil-weeks flagged by
-- the window-only approximation, and pupils with more than one moment (where
-- re-arming matters)
SELECT (SELECT count(*) FROM (:q_mp_steekproef) x(l, m), unnest(x.m)) AS n_mp_steekproef,
       (SELECT count(*) FROM (:q_rec) x) AS n_rec,
       (SELECT count(*) FROM ((SELECT x.l, (mm).bereikt_op, (mm).uren FROM (:q_mp_steekproef) x(l, m), unnest(x.m) mm
                               EXCEPT ALL SELECT * FROM (:q_rec) r)
                              UNION ALL
                              (SELECT * FROM (:q_rec) r
                               EXCEPT ALL SELECT x.l, (mm).bereikt_op, (mm).uren FROM (:q_mp_steekproef) x(l, m), unnest(x.m) mm)) d) AS n_verschil,
       (SELECT count(*) FROM (SELECT a.leerling_id FROM :bron WHERE :filter AND a.leerling_id % :steekproef = 0
                              GROUP BY a.leerling_id HAVING count(DISTINCT s.vakantieregio) > 1) x) AS n_tweeregio,
       (SELECT count(*) FROM (:q_mp) x(l, m), unnest(x.m)) AS n_mp,
       (SELECT count(*) FILTER (WHERE cardinality(m) > 1) FROM (:q_mp) x(l, m)) AS n_herhaald,
       (SELECT sum(n) FROM (:q_window) x(l, n)) AS n_window \gset

-- serial ---------------------------------------------------------------------------------
SET max_parallel_workers_per_gather = 0;
SELECT pg_temp.tijd(:'q_floor', :herhaal) AS s_floor, pg_temp.tijd(:'q_kaal', :herhaal) AS s_kaal,
       pg_temp.tijd(:'q_mp', :herhaal) AS s_mp, pg_temp.tijd(:'q_window', :herhaal) AS s_window,
       pg_temp.tijd(:'q_mp_steekproef', :herhaal) AS s_mp_steekproef,
       pg_temp.tijd(:'q_rec', 1) AS s_rec \gset

-- 2 parallel workers -----------------------------------------------------------------------
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SELECT pg_temp.tijd(:'q_floor', :herhaal) AS p_floor, pg_temp.tijd(:'q_mp', :herhaal) AS p_mp \gset
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;

\echo
\echo meldplicht per pupil (fastest of :herhaal runs, ms; the recursive walk: 1 run)
\echo data: :data
\echo sample (leerling_id % :steekproef = 0): :n_mp_steekproef moments from verzuim.meldplicht, :n_rec from the recursive walk, :n_verschil differ (:n_tweeregio sample pupils have rows in two regio''s)
\echo all pupils: :n_mp moments, :n_herhaald pupils with more than one (re-armed); the window-only approximation flags :n_window pupil-weeks
SELECT query, round(ms, 1) AS ms, round(ms / nullif(basis, 0), 2) AS ratio, tegen
FROM (VALUES (1, 'floor: count(*) per pupil, same FROM', :s_floor, :s_floor, 'floor'),
             (2, 'floor: count(*) per pupil, bare table', :s_kaal, :s_floor, 'floor'),
             (3, 'verzuim.meldplicht(datum, uren, regio)', :s_mp, :s_floor, 'floor'),
             (4, 'window-only approximation (no re-arming)', :s_window, :s_floor, 'floor'),
             (5, 'verzuim.meldplicht on the sample', :s_mp_steekproef, :s_mp_steekproef, 'meldplicht on the sample'),
             (6, 'recursive walk (correct) on the sample', :s_rec, :s_mp_steekproef, 'meldplicht on the sample'),
             (7, 'floor, 2 parallel workers', :p_floor, :p_floor, 'floor parallel'),
             (8, 'verzuim.meldplicht, 2 parallel workers', :p_mp, :p_floor, 'floor parallel')) t(nr, query, ms, basis, tegen)
ORDER BY nr;

SELECT CASE WHEN :s_mp <= 2 * :s_floor THEN 'met' ELSE 'MISSED' END AS "meldplicht <= 2x floor",
       CASE WHEN :s_mp < :s_window THEN 'met' ELSE 'MISSED' END AS "faster than window-only",
       CASE WHEN :p_mp <= :s_mp THEN 'met' ELSE 'MISSED' END AS "parallel not slower than serial",
       CASE WHEN :n_verschil = 0 THEN 'agree' ELSE 'DIFFER' END AS "meldplicht = recursive walk (sample)";
