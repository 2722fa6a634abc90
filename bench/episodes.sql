-- bench/episodes.sql — speed of verzuim.episodes against its floor and against
-- plain-SQL formulations of the same answer (DESIGN.md §4).
--
--   psql -X -v ON_ERROR_STOP=1 -d DB -f bench/episodes.sql [-v herhaal=3] [-v rijen=3200000]
--
-- Data: the generated registration tables (bash bench/generate.sh --scale 0.13
-- --seed 1 --db DB gives ~3.4 million afwezigheid rows); the regio of a row is
-- the vakantieregio of its school.  When verzuim.afwezigheid is empty, a table
-- bench_afwezigheid (leerling_id, brin, regio, datum, reden) of :rijen rows is
-- built from generate_series with a fixed setseed instead (runs of absent
-- days of ~330,000 pupils in schooljaar 2024-2025) and used with its regio
-- column; the output says which data was used.
--
-- Queries, all per pupil over the same rows (every afwezigheid row):
--   floor            SELECT leerling_id, count(*) ... GROUP BY leerling_id
--                    (with the same join to verzuim.school as the others, and
--                    the bare table without it)
--   episodes         verzuim.episodes(datum, regio)
--   episodes, reden  verzuim.episodes(datum, regio, reden) (statutory selection)
--   episodes_brin    verzuim.episodes_brin(datum, brin) [and (datum, brin, reden)]
--                    on the bare table: the regio (and studiedagen) looked up from
--                    each row's brin in the backend cache of verzuim.school, no join
--                    (issue 12 item 1; target <= 1.5x the bare floor)
--   plain SQL        a pre-numbered school-day calendar (bench_lesdag: regio,
--                    datum, nr) and nr - dense_rank() gaps-and-islands, one row
--                    per episode (the calendar is built once, not timed)
--   multirange       ANCHORS.md §5: range_agg of the absent days plus the
--                    non-school days of the regio (bench_nietschool, built once),
--                    unnest, keep the islands that touch an absent day
-- Times: the fastest "Execution Time" of EXPLAIN (ANALYZE, TIMING OFF) over
-- :herhaal runs after a warm-up (the machine may be shared; other processes
-- only ever add time), and for serial runs also the fastest CPU time of the
-- backend (/proc/self/stat, 10 ms ticks), which other processes hardly touch.  EXPLAIN ANALYZE computes every output row (final
-- functions included) but sends none to the client.  Serial, then 2 parallel
-- workers (parallel_setup_cost = parallel_tuple_cost = 0, so that the planner
-- takes a parallel plan wherever one exists).
-- Targets: episodes <= 1.3x the floor; >= 1.5x faster than plain SQL; >= 5x
-- faster than multiranges; parallel not slower than serial.
\set QUIET on
\pset footer off
\if :{?herhaal}
\else
\set herhaal 3
\endif
\if :{?rijen}
\else
\set rijen 3200000
\endif

SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
RESET client_min_messages;
SET verzuim.vakantieregio = '';
SET jit = off;

-- the data --------------------------------------------------------------------------
SELECT EXISTS (SELECT 1 FROM verzuim.afwezigheid) AS gegenereerd \gset
\if :gegenereerd
\set bron 'verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin'
\set kaal 'verzuim.afwezigheid a'
\set regio 's.vakantieregio'
SELECT 'generated registration tables (bench/generate.sh): ' || count(*) || ' afwezigheid rows, '
       || count(DISTINCT leerling_id) || ' pupils' AS data
FROM verzuim.afwezigheid \gset
\else
SELECT NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'bench_afwezigheid' AND relkind = 'r'
                   AND pg_table_is_visible(oid)) AS opnieuw \gset
\if :opnieuw
\else
SELECT (SELECT count(*) FROM bench_afwezigheid) <> :rijen AS opnieuw \gset
\endif
\if :opnieuw
\echo building bench_afwezigheid with :rijen rows (verzuim.afwezigheid is empty)
DROP TABLE IF EXISTS bench_afwezigheid;
CREATE TABLE bench_afwezigheid (leerling_id bigint, brin text, regio text, datum date, reden verzuim.reden);
SELECT setseed(0.42) \gset
-- runs of 1-15 days from a random school day of 2024-2025, 1-3 runs per pupil;
-- weekends and holidays inside a run are not registered (as schools do)
INSERT INTO bench_afwezigheid
SELECT p, '00AA0' || (p % 3), (ARRAY['noord', 'midden', 'zuid'])[1 + p % 3], r.start + g,
       (ARRAY['ziek', 'ziek', 'ziek', 'ziek', 'ziek', 'ziek', 'te_laat', 'ongeoorloofd', 'overig_geoorloofd', 'luxe']
        )[1 + floor(random() * 10)::int + 0 * g]::verzuim.reden
FROM generate_series(1, :rijen / 10) p
CROSS JOIN LATERAL (SELECT date '2024-08-26' + floor(random() * 320)::int + 0 * p AS start,
                           floor(random() * 15)::int AS len
                    FROM generate_series(1, 1 + floor(random() * 3)::int + 0 * p)) r
CROSS JOIN LATERAL generate_series(0, r.len) g
WHERE extract(isodow FROM r.start + g) < 6
LIMIT :rijen;
CREATE INDEX ON bench_afwezigheid (leerling_id, datum);
VACUUM ANALYZE bench_afwezigheid;
\endif
-- the schools of the brins, for episodes_brin
SET client_min_messages = warning;
INSERT INTO verzuim.gemeente (gemeentecode, naam, vakantieregio) VALUES ('GM9998', 'Benchgemeente', NULL)
ON CONFLICT DO NOTHING;
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio)
SELECT '00AA0' || i, 'Benchschool ' || i, 'GM9998', (ARRAY['noord', 'midden', 'zuid'])[1 + i] FROM generate_series(0, 2) i
ON CONFLICT DO NOTHING;
RESET client_min_messages;
\set bron 'bench_afwezigheid a'
\set kaal 'bench_afwezigheid a'
\set regio 'a.regio'
SELECT 'SQL-generated bench_afwezigheid (setseed 0.42; verzuim.afwezigheid is empty): ' || count(*)
       || ' rows, ' || count(DISTINCT leerling_id) || ' pupils' AS data
FROM bench_afwezigheid \gset
\endif

-- school days numbered per regio, and the non-school days as a multirange, over the
-- span of the data (helper tables of the plain-SQL formulations; not timed)
SELECT min(datum) AS van, max(datum) AS tot FROM :kaal \gset
DROP TABLE IF EXISTS bench_lesdag, bench_nietschool;
CREATE TABLE bench_lesdag AS
SELECT r.regio, d::date AS datum, row_number() OVER (PARTITION BY r.regio ORDER BY d) AS nr
FROM (VALUES ('noord'), ('midden'), ('zuid')) r(regio),
     generate_series(:'van'::date, :'tot'::date, '1 day') d
WHERE verzuim.is_lesdag(d::date, r.regio);
CREATE UNIQUE INDEX ON bench_lesdag (regio, datum);
CREATE TABLE bench_nietschool AS
SELECT r.regio, coalesce(range_agg(daterange(d::date, d::date + 1)) FILTER (WHERE NOT verzuim.is_lesdag(d::date, r.regio)),
                         '{}') AS m
FROM (VALUES ('noord'), ('midden'), ('zuid')) r(regio),
     generate_series(:'van'::date, :'tot'::date, '1 day') d
GROUP BY r.regio;
ANALYZE bench_lesdag;
ANALYZE bench_nietschool;

-- CPU time of this backend in ms (utime + stime from /proc, Linux; needs the right to
-- read server files, else NULL).  Parallel workers are not included, so it is reported
-- for the serial runs only, where it is immune to other processes on the machine.
CREATE OR REPLACE FUNCTION pg_temp.cpu_ms() RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE v text[];
BEGIN
  v := regexp_split_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' ');
  RETURN (v[12]::numeric + v[13]::numeric) * 10;  -- fields 14, 15; 100 ticks per second
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;

-- {fastest execution time, fastest backend CPU time} over n runs after a warm-up
CREATE OR REPLACE FUNCTION pg_temp.tijd(q text, n int) RETURNS numeric[]
LANGUAGE plpgsql AS $$
DECLARE
  j json;
  c0 numeric;
  ts numeric[] := '{}';
  cs numeric[] := '{}';
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;  -- warm-up
  FOR i IN 1..n LOOP
    c0 := pg_temp.cpu_ms();
    EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;
    cs := cs || (pg_temp.cpu_ms() - c0);
    ts := ts || (j->0->>'Execution Time')::numeric;
  END LOOP;
  RETURN ARRAY[(SELECT min(x) FROM unnest(ts) x), (SELECT min(x) FROM unnest(cs) x)];
END $$;

CREATE OR REPLACE FUNCTION pg_temp.is_parallel(q text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE r text; p boolean := false;
BEGIN
  FOR r IN EXECUTE 'EXPLAIN ' || q LOOP
    p := p OR r ~ 'Gather';
  END LOOP;
  RETURN p;
END $$;

-- the queries --------------------------------------------------------------------------
\set q_floor 'SELECT a.leerling_id, count(*) FROM ' :bron ' GROUP BY a.leerling_id'
\set q_kaal 'SELECT a.leerling_id, count(*) FROM ' :kaal ' GROUP BY a.leerling_id'
\set q_episodes 'SELECT a.leerling_id, verzuim.episodes(a.datum, ' :regio ') FROM ' :bron ' GROUP BY a.leerling_id'
\set q_reden 'SELECT a.leerling_id, verzuim.episodes(a.datum, ' :regio ', a.reden) FROM ' :bron ' GROUP BY a.leerling_id'
\set q_brin 'SELECT a.leerling_id, verzuim.episodes_brin(a.datum, a.brin) FROM ' :kaal ' GROUP BY a.leerling_id'
\set q_brin_reden 'SELECT a.leerling_id, verzuim.episodes_brin(a.datum, a.brin, a.reden) FROM ' :kaal ' GROUP BY a.leerling_id'
-- plain SQL: consecutive school days have consecutive nr; nr - dense_rank() is constant
-- within an episode (dense_rank: several rows on one day)
\set q_sql 'SELECT leerling_id, daterange(min(datum), max(datum) + 1) FROM (SELECT a.leerling_id, a.datum, l.nr - dense_rank() OVER (PARTITION BY a.leerling_id ORDER BY a.datum) AS eiland FROM ' :bron ' JOIN bench_lesdag l ON l.regio = ' :regio ' AND l.datum = a.datum) x GROUP BY leerling_id, eiland'
-- multiranges (ANCHORS.md §5), absent days restricted to school days as in the others
\set q_multi 'SELECT p.leerling_id, (SELECT range_agg(range_merge(e::datemultirange * p.afwezig)) FROM unnest(p.afwezig + n.m) e WHERE e::datemultirange && p.afwezig) FROM (SELECT a.leerling_id, min(' :regio ') AS regio, range_agg(daterange(a.datum, a.datum + 1)) AS afwezig FROM ' :bron ' JOIN bench_lesdag l ON l.regio = ' :regio ' AND l.datum = a.datum GROUP BY a.leerling_id) p JOIN bench_nietschool n ON n.regio = p.regio'

-- the answers agree: episodes per formulation (plain SQL and multiranges take one regio
-- per pupil; pupils with schools in two regio's may differ there)
SELECT (SELECT sum(cardinality(array(SELECT unnest(e))))
        FROM (SELECT verzuim.episodes(a.datum, :regio) e FROM :bron GROUP BY a.leerling_id) x) AS n_episodes,
       (SELECT count(*) FROM (:q_sql) x) AS n_sql,
       (SELECT count(*) FROM (SELECT leerling_id FROM :bron GROUP BY a.leerling_id
                               HAVING count(DISTINCT :regio) > 1) x) AS pupils_two_regios,
       (SELECT count(*) FROM (SELECT a.leerling_id, verzuim.episodes(a.datum, :regio) e FROM :bron GROUP BY a.leerling_id) j
                        FULL JOIN (:q_brin) b USING (leerling_id)
        WHERE j.e IS DISTINCT FROM b.episodes_brin) AS brin_differs,
       (SELECT count(*) FROM verzuim.schoolvrije_dag) AS n_schoolvrij \gset

-- serial ---------------------------------------------------------------------------------
SET max_parallel_workers_per_gather = 0;
SELECT f[1] AS s_floor, f[2] AS c_floor, k[1] AS s_kaal, k[2] AS c_kaal,
       e[1] AS s_episodes, e[2] AS c_episodes, r[1] AS s_reden, r[2] AS c_reden,
       q[1] AS s_sql, q[2] AS c_sql, m[1] AS s_multi, m[2] AS c_multi,
       b[1] AS s_brin, b[2] AS c_brin, br[1] AS s_brin_reden, br[2] AS c_brin_reden
FROM (SELECT pg_temp.tijd(:'q_floor', :herhaal) f, pg_temp.tijd(:'q_kaal', :herhaal) k,
             pg_temp.tijd(:'q_episodes', :herhaal) e, pg_temp.tijd(:'q_reden', :herhaal) r,
             pg_temp.tijd(:'q_brin', :herhaal) b, pg_temp.tijd(:'q_brin_reden', :herhaal) br,
             pg_temp.tijd(:'q_sql', :herhaal) q, pg_temp.tijd(:'q_multi', 1) m) x \gset

-- 2 parallel workers -----------------------------------------------------------------------
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SELECT pg_temp.is_parallel(:'q_floor') AS par_floor, pg_temp.is_parallel(:'q_episodes') AS par_episodes \gset
SELECT (pg_temp.tijd(:'q_floor', :herhaal))[1] AS p_floor,
       (pg_temp.tijd(:'q_kaal', :herhaal))[1] AS p_kaal,
       (pg_temp.tijd(:'q_episodes', :herhaal))[1] AS p_episodes,
       (pg_temp.tijd(:'q_reden', :herhaal))[1] AS p_reden,
       (pg_temp.tijd(:'q_brin', :herhaal))[1] AS p_brin,
       (pg_temp.tijd(:'q_brin_reden', :herhaal))[1] AS p_brin_reden,
       (pg_temp.tijd(:'q_sql', :herhaal))[1] AS p_sql,
       (pg_temp.tijd(:'q_multi', 1))[1] AS p_multi \gset
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;

\echo
\echo episodes per pupil (fastest of :herhaal runs, ms; multiranges: 1 run)
\echo data: :data
\echo episodes: :n_episodes from verzuim.episodes, :n_sql from plain SQL; :pupils_two_regios pupils have rows in more than one vakantieregio
\echo parallel plans chosen: floor :par_floor, episodes :par_episodes
\echo episodes_brin (bare table) differs from episodes(datum, regio) over the join for :brin_differs pupils (:n_schoolvrij rows in verzuim.schoolvrije_dag)
SELECT query,
       round(serieel, 1) AS serieel_ms,
       round(cpu, 0) AS serieel_cpu_ms,
       round(parallel, 1) AS par2_ms,
       round(serieel / nullif(:s_floor, 0), 2) AS "serieel / floor",
       round(cpu / nullif(:'c_floor'::numeric, 0), 2) AS "cpu / floor",
       round(parallel / nullif(:p_floor, 0), 2) AS "par2 / floor",
       round(serieel / nullif(:s_episodes, 0), 2) AS "serieel / episodes",
       round(serieel / nullif(parallel, 0), 2) AS "serieel / par2"
FROM (VALUES (1, 'floor: count(*) per pupil, same FROM', :s_floor, :'c_floor'::numeric, :p_floor),
             (2, 'floor: count(*) per pupil, bare table', :s_kaal, :'c_kaal'::numeric, :p_kaal),
             (3, 'verzuim.episodes(datum, regio)', :s_episodes, :'c_episodes'::numeric, :p_episodes),
             (4, 'verzuim.episodes(datum, regio, reden)', :s_reden, :'c_reden'::numeric, :p_reden),
             (4.1, 'verzuim.episodes_brin(datum, brin), bare table', :s_brin, :'c_brin'::numeric, :p_brin),
             (4.2, 'verzuim.episodes_brin(datum, brin, reden), bare table', :s_brin_reden, :'c_brin_reden'::numeric, :p_brin_reden),
             (5, 'plain SQL (numbered lesdagen, nr - dense_rank)', :s_sql, :'c_sql'::numeric, :p_sql),
             (6, 'multiranges (ANCHORS §5)', :s_multi, :'c_multi'::numeric, :p_multi)) t(nr, query, serieel, cpu, parallel)
ORDER BY nr;

SELECT CASE WHEN :s_episodes <= 1.3 * :s_floor AND :p_episodes <= 1.3 * :p_floor THEN 'met' ELSE 'MISSED' END
         AS "episodes <= 1.3x floor",
       CASE WHEN :'c_episodes' = '' THEN 'n/a' WHEN :'c_episodes'::numeric <= 1.3 * :'c_floor'::numeric THEN 'met' ELSE 'MISSED' END
         AS "same in serial CPU time",
       CASE WHEN :s_brin <= 1.5 * :s_kaal THEN 'met (' || round(:s_brin / nullif(:s_kaal, 0), 2) || 'x)'
            ELSE 'MISSED (' || round(:s_brin / nullif(:s_kaal, 0), 2) || 'x)' END AS "episodes_brin <= 1.5x bare floor",
       CASE WHEN :s_sql >= 1.5 * :s_episodes THEN 'met' ELSE 'MISSED' END AS ">= 1.5x faster than plain SQL",
       CASE WHEN :s_multi >= 5 * :s_episodes THEN 'met' ELSE 'MISSED' END AS ">= 5x faster than multiranges",
       CASE WHEN :p_episodes <= :s_episodes THEN 'met' ELSE 'MISSED' END AS "parallel not slower than serial";
