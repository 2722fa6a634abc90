-- bench/calibration.sql -- the national leerplichttelling of a generated dataset,
-- computed THROUGH the view verzuim.leerplichttelling (issue 10 item 7), per
-- 1,000 leerplichtigen, next to the national figures of DOMAIN.md section 13.
--
--   psql -X -v ON_ERROR_STOP=1 -d DBNAME -f bench/calibration.sql [-v schooljaar=2024-2025] [-v marge=0.10]
--   bash bench/run.sh --scale 1 bench/calibration.sql          (the Netherlands)
--
-- Every count comes from the view: the national figure is the sum over its
-- gemeente rows of one schooljaar (each field counts a pupil once, in one
-- gemeente, so the sum is a number of unique pupils).  The denominator is
-- verzuim.leerplichtigen(schooljaar), summed over the gemeenten (pupils whose
-- plicht overlaps the schooljaar and a residence; the benchmark view uses the
-- same).  The target per 1,000 is the national count of DOMAIN.md section 13
-- divided by 2,700,000 leerplichtigen (verzuim.benchmark_referentie(), plus
-- SEED-B's "> 3 months" figure, which the view has as two fields).  A figure is
-- reproduced when achieved / target lies within 1 -/+ marge (default 0.10).
-- Read-only: everything lives in temp tables.  No times: this is not a speed
-- benchmark (bench/leerplichttelling.sql times the same view).
\set QUIET on
\pset footer off
\if :{?schooljaar}
\else
\set schooljaar 2024-2025
\endif
\if :{?marge}
\else
\set marge 0.10
\endif
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SET jit = off;

-- The national telling: the view, summed over its gemeente rows ---------------------
CREATE TEMP TABLE landelijk AS
SELECT count(*) AS gemeenten,
       sum(absoluut_verzuim) AS absoluut_verzuim, sum(absoluut_langer_dan_3_maanden) AS absoluut_langer_dan_3_maanden,
       sum(absoluut_teruggeleid) AS absoluut_teruggeleid,
       sum(lrv_per_1_september) AS lrv_per_1_september, sum(lrv_nieuw) AS lrv_nieuw, sum(lrv_totaal) AS lrv_totaal,
       sum(lrv_langer_dan_3_maanden) AS lrv_langer_dan_3_maanden, sum(lrv_teruggeleid) AS lrv_teruggeleid,
       sum(relatief_verzuim) AS relatief_verzuim, sum(relatief_herhaald) AS relatief_herhaald,
       sum(luxe_verzuim) AS luxe_verzuim,
       sum(vrijstelling_3a) AS vrijstelling_3a, sum(vrijstelling_3b) AS vrijstelling_3b,
       sum(vrijstelling_5a) AS vrijstelling_5a, sum(vrijstelling_5b) AS vrijstelling_5b,
       sum(vrijstelling_5c) AS vrijstelling_5c, sum(vrijstelling_5a_trekkend) AS vrijstelling_5a_trekkend,
       sum(vrijstelling_15) AS vrijstelling_15,
       sum(pv_absoluut) AS pv_absoluut, sum(pv_relatief) AS pv_relatief, sum(pv_luxe) AS pv_luxe
  FROM verzuim.leerplichttelling
 WHERE schooljaar = :'schooljaar';
SELECT (SELECT sum(leerplichtigen) FROM verzuim.leerplichtigen(:'schooljaar')) AS n_lp \gset

-- The figures and their targets ---------------------------------------------------------
CREATE TEMP TABLE figuur AS
SELECT f.nr, f.figuur, f.velden, f.landelijk_aantal, f.bron,
       (SELECT sum((to_jsonb(l) ->> v)::bigint) FROM landelijk l, unnest(f.velden) v) AS bereikt
  FROM (SELECT row_number() OVER () AS nr, * FROM (VALUES
          ('absoluut verzuim', ARRAY['absoluut_verzuim']),
          ('  waarvan teruggeleid', ARRAY['absoluut_teruggeleid']),
          ('relatief verzuim (incl. luxe)', ARRAY['relatief_verzuim']),
          ('luxe verzuim', ARRAY['luxe_verzuim']),
          ('thuiszitters (lrv, > 4 weken)', ARRAY['lrv_totaal']),
          ('  waarvan teruggeleid', ARRAY['lrv_teruggeleid']),
          ('langer dan 3 maanden (absoluut + lrv)', ARRAY['absoluut_langer_dan_3_maanden', 'lrv_langer_dan_3_maanden']),
          ('processen-verbaal absoluut', ARRAY['pv_absoluut']),
          ('processen-verbaal relatief (excl. luxe)', ARRAY['pv_relatief']),
          ('processen-verbaal luxe', ARRAY['pv_luxe'])) x(figuur, velden)) f0
  JOIN LATERAL (
    SELECT f0.nr, f0.figuur, f0.velden, r.landelijk_aantal, r.bron
      FROM verzuim.benchmark_referentie() r WHERE r.cijfer = f0.velden[1] AND cardinality(f0.velden) = 1
    UNION ALL
    SELECT f0.nr, f0.figuur, f0.velden, 4790, 'SEED-B, 2018-2019 (AV + LRV > 3 maanden)'
     WHERE cardinality(f0.velden) = 2) f ON true;

\echo
\echo 'Calibration through verzuim.leerplichttelling, schooljaar' :schooljaar
SELECT (SELECT count(*) FROM verzuim.leerling) AS leerlingen, :n_lp AS leerplichtigen,
       (SELECT gemeenten FROM landelijk) AS gemeenten_in_de_telling,
       (SELECT count(*) FROM verzuim.afwezigheid) AS afwezigheid_rijen;

\echo
\echo 'Per 1,000 leerplichtigen (target = national count / 2,700,000 x 1,000; reproduced: achieved / target within 1 -/+' :marge ')'
SELECT figuur, landelijk_aantal AS "national", round(landelijk_aantal / 2700, 3) AS target,
       bereikt AS "count", round(1000.0 * bereikt / :n_lp, 3) AS achieved,
       round((1000.0 * bereikt / :n_lp) / (landelijk_aantal / 2700), 2) AS ratio,
       CASE WHEN abs((1000.0 * bereikt / :n_lp) / (landelijk_aantal / 2700) - 1) <= :marge
            THEN 'yes' ELSE 'NO' END AS reproduced,
       array_to_string(velden, ' + ') AS "view column(s)", bron AS source
  FROM figuur ORDER BY nr;

\echo
\echo 'Other fields of the view (national sums; no published target):'
SELECT k AS veld, v::bigint AS "count", round(1000.0 * v::bigint / :n_lp, 3) AS per_1000
  FROM landelijk l, jsonb_each_text(to_jsonb(l) - 'gemeenten') AS e(k, v)
 WHERE k NOT IN ('absoluut_verzuim', 'absoluut_teruggeleid', 'relatief_verzuim', 'luxe_verzuim', 'lrv_totaal',
                 'lrv_teruggeleid', 'pv_absoluut', 'pv_relatief', 'pv_luxe')
 ORDER BY array_position(verzuim.leerplichttelling_velden(), k);

\echo
\echo 'Absoluut verzuim with the administrative gaps (art. 18, verzuim.meldtermijn) counted anyway:'
SELECT sum(absoluut_verzuim) AS absoluut_verzuim, round(1000.0 * sum(absoluut_verzuim) / :n_lp, 3) AS per_1000,
       sum(absoluut_teruggeleid) AS absoluut_teruggeleid
  FROM verzuim.leerplichttelling(:'schooljaar', NULL, true);

SELECT count(*) FILTER (WHERE abs((1000.0 * bereikt / :n_lp) / (landelijk_aantal / 2700) - 1) <= :marge) AS goed,
       count(*) AS alle FROM figuur \gset
\echo
SELECT :goed || ' of ' || :alle || ' national figures reproduced within ' || (100 * :marge)::int || '% through the view verzuim.leerplichttelling' AS resultaat;
