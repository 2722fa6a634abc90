-- bench/kwaliteit.sql — speed of the registratiekwaliteit checks against a bare
-- scan of the tables they read (issue 14: "within 2x a scan of the tables they
-- read").
--
--   psql -X -v ON_ERROR_STOP=1 -d DB -f bench/kwaliteit.sql [-v herhaal=3]
--
-- Needs generated registration tables (bench/generate.sh, best with
-- --vervuiling 1 so that every check has findings).  Times are the fastest
-- "Execution Time" of EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) over :herhaal
-- runs after a warm-up, serial (max_parallel_workers_per_gather = 0):
--   floor   count(*) of every table the checks read: leerling, verblijf,
--           inschrijving, afwezigheid, vrijstelling, melding (one bare scan each)
--   alle    SELECT count(*) FROM verzuim.registratiekwaliteit_rijen()
--   view    SELECT * FROM verzuim.registratiekwaliteit (every gemeente x check)
--   each check alone: registratiekwaliteit_rijen('<check>')
-- Target: alle / floor <= 2.  Under load the fastest of a few runs of each
-- query alone is noisy; the pairs below (the floor, then every check, each
-- timed once after its own warm-up, repeated) give the median of the ratios.
\set QUIET on
\pset footer off
\if :{?herhaal}
\else
\set herhaal 3
\endif

SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
RESET client_min_messages;
SET max_parallel_workers_per_gather = 0;
SET jit = off;

SELECT EXISTS (SELECT 1 FROM verzuim.afwezigheid) AS gegenereerd \gset
\if :gegenereerd
\else
\echo 'bench/kwaliteit.sql: the registration tables are empty; fill them with bench/generate.sh first'
\quit
\endif

CREATE OR REPLACE FUNCTION pg_temp.tijd(q text, n int) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE j json; best numeric;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;  -- warm-up
  FOR i IN 1 .. n LOOP
    EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;
    best := least(best, (j -> 0 ->> 'Execution Time')::numeric);
  END LOOP;
  RETURN round(best);
END $$;

\echo
SELECT (SELECT count(*) FROM verzuim.leerling) AS leerling, (SELECT count(*) FROM verzuim.verblijf) AS verblijf,
       (SELECT count(*) FROM verzuim.inschrijving) AS inschrijving, (SELECT count(*) FROM verzuim.afwezigheid) AS afwezigheid,
       (SELECT count(*) FROM verzuim.vrijstelling) AS vrijstelling, (SELECT count(*) FROM verzuim.melding) AS melding;

\set q_floor 'SELECT (SELECT count(*) FROM verzuim.leerling) + (SELECT count(*) FROM verzuim.verblijf) + (SELECT count(*) FROM verzuim.inschrijving) + (SELECT count(*) FROM verzuim.afwezigheid) + (SELECT count(*) FROM verzuim.vrijstelling) + (SELECT count(*) FROM verzuim.melding)'
\set q_alle 'SELECT count(*) FROM verzuim.registratiekwaliteit_rijen()'
\set q_view 'SELECT * FROM verzuim.registratiekwaliteit'
SELECT pg_temp.tijd(:'q_floor', :herhaal) AS floor_ms, pg_temp.tijd(:'q_alle', :herhaal) AS alle_ms,
       pg_temp.tijd(:'q_view', :herhaal) AS view_ms \gset
\echo
\echo 'registratiekwaliteit, serial (ms; target: every check together <= 2x the floor)'
SELECT :floor_ms AS "floor: a bare scan of the tables read", :alle_ms AS "all checks (registratiekwaliteit_rijen)",
       round(:alle_ms::numeric / :floor_ms, 2) AS "ratio (target <= 2)", :view_ms AS "view registratiekwaliteit";

\echo
\echo 'the same, floor and all checks timed in turn (one pair per run, so that load from other work hits both alike)'
SELECT count(*) AS pairs, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY a / f)::numeric, 2) AS "median ratio",
       round(min(a / f), 2) AS "lowest", round(max(a / f), 2) AS "highest"
  FROM (SELECT pg_temp.tijd(:'q_floor', 1) AS f, pg_temp.tijd(:'q_alle', 1) AS a
          FROM generate_series(1, greatest(:herhaal, 5))) x;

\echo
\echo 'each check alone (ms, findings)'
SELECT k.controle, pg_temp.tijd(format('SELECT count(*) FROM verzuim.registratiekwaliteit_rijen(%L)', k.controle), :herhaal) AS ms,
       (SELECT count(*) FROM verzuim.registratiekwaliteit_rijen(k.controle)) AS bevindingen
FROM verzuim.kwaliteitscontrole k ORDER BY k.volgorde;
