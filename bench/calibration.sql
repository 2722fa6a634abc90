-- bench/calibration.sql -- the leerplichttelling figures of a generated dataset,
-- per 1,000 leerplichtigen, next to the national targets (DOMAIN.md section 13).
--
--   psql -X -d DBNAME -f bench/calibration.sql
--
-- Plain SQL over the registration tables only: it uses none of the extension's
-- functions (they are written in parallel and are what the benchmarks test),
-- and its own school calendar for schooljaar 2024-2025 (DOMAIN.md section 11,
-- public holidays listed below).  Read-only: everything lives in temp tables.
--
-- Definitions (the statutory readings of DOMAIN.md, section numbers in brackets):
--  leerplichtig   plicht = [first day of the month after the 5th birthday,
--                 18th birthday or startkwalificatie, whichever is first) [2];
--                 counted when plicht, residence (verblijf) and the schooljaar
--                 [2024-08-01, 2025-08-01) overlap.  This is the denominator.
--  absoluut       a day of plicht with residence in a gemeente, no enrolment
--                 and no vrijstelling, in the schooljaar [1]; gap = maximal run
--                 of such days (may start before the schooljaar);
--                 > 3 months: lower + 3 months < upper (open gaps measured to
--                 2025-08-01); teruggeleid: the gap ends inside the schooljaar on
--                 the first day of a new enrolment.
--  relatief       >= 16 hours of ongeoorloofd, luxe and te_laat absence within
--                 4 consecutive lesweken (ISO weeks with at least one school day
--                 of the school's region; holiday weeks are skipped) [1, 4.1, 9].
--  luxe           pupils with a luxe absence.
--  lrv            thuiszitter: a maximal run of consecutive school days with a
--                 whole-day (>= 5 hours) ongeoorloofd absence at one school whose
--                 span (first day .. the next school day, on which the pupil is
--                 back; for a run still open on the last school day of the
--                 schooljaar: .. the day after that last day, the summer holiday
--                 is no verzuim) is more than 28 calendar days;
--                 > 3 months like absoluut; teruggeleid: the run ends before the
--                 last school day and the pupil is still enrolled there on the
--                 next school day.
--  > 3 months     pupils with an absoluut gap or an lrv run of more than
--                 3 months (the SEED-B definition until 2020: AV + LRV).
--  pv             pupils with a proces-verbaal of that soort dated in the
--                 schooljaar.
\set ON_ERROR_STOP on
\pset footer off
SET client_min_messages = warning;

DROP TABLE IF EXISTS pg_temp.kal, pg_temp.lp, pg_temp.av_gap, pg_temp.lrv_run, pg_temp.figuur;

-- School calendar 2024-2025 per vakantieregio ---------------------------------
CREATE TEMP TABLE kal AS
WITH vak(regio, lo, hi) AS (VALUES
    -- zomer 2024 (row 2023-2024 of DOMAIN.md section 11)
    ('noord', date '2024-07-20', date '2024-09-01'), ('midden', '2024-07-13', '2024-08-25'),
    ('zuid', '2024-07-06', '2024-08-18'),
    -- herfst, kerst, voorjaar, mei, zomer 2025 (row 2024-2025)
    ('noord', '2024-10-26', '2024-11-03'), ('midden', '2024-10-26', '2024-11-03'),
    ('zuid', '2024-10-19', '2024-10-27'),
    ('noord', '2024-12-21', '2025-01-05'), ('midden', '2024-12-21', '2025-01-05'),
    ('zuid', '2024-12-21', '2025-01-05'),
    ('noord', '2025-02-15', '2025-02-23'), ('midden', '2025-02-22', '2025-03-02'),
    ('zuid', '2025-02-22', '2025-03-02'),
    ('noord', '2025-04-26', '2025-05-04'), ('midden', '2025-04-26', '2025-05-04'),
    ('zuid', '2025-04-26', '2025-05-04'),
    ('noord', '2025-07-12', '2025-08-24'), ('midden', '2025-07-19', '2025-08-31'),
    ('zuid', '2025-07-05', '2025-08-17')),
feest(feestdag) AS (VALUES
    -- 1e/2e Kerstdag, Nieuwjaar, 2e Paasdag, Koningsdag (27 April 2025 is a
    -- Sunday), Bevrijdingsdag (a lustrum year), Hemelvaart, 2e Pinksterdag.
    -- Goede Vrijdag is a school day (the default of the extension's calendar).
    (date '2024-12-25'), ('2024-12-26'), ('2025-01-01'), ('2025-04-21'),
    ('2025-04-26'), ('2025-05-05'), ('2025-05-29'), ('2025-06-09')),
dag AS (
    SELECT r.regio, g.d::date AS datum,
           extract(isodow FROM g.d) < 6
           AND NOT EXISTS (SELECT 1 FROM vak v WHERE v.regio = r.regio AND g.d BETWEEN v.lo AND v.hi)
           AND NOT EXISTS (SELECT 1 FROM feest f WHERE f.feestdag = g.d::date) AS lesdag
      FROM (VALUES ('noord'), ('midden'), ('zuid')) r(regio),
           generate_series(date '2024-08-01', date '2025-07-31', interval '1 day') g(d))
SELECT regio, datum,
       row_number() OVER (PARTITION BY regio ORDER BY datum) AS lesnr,
       dense_rank() OVER (PARTITION BY regio ORDER BY date_trunc('week', datum)) AS lesweek,
       lead(datum) OVER (PARTITION BY regio ORDER BY datum) AS volgende_lesdag
  FROM dag WHERE lesdag;
CREATE UNIQUE INDEX ON kal (regio, datum);
ANALYZE kal;

-- Leerplichtigen (the denominator) --------------------------------------------
CREATE TEMP TABLE lp AS
WITH p AS (
    SELECT l.leerling_id,
           (date_trunc('month', l.geboortedatum + interval '5 years') + interval '1 month')::date AS lo,
           least((l.geboortedatum + interval '18 years')::date,
                 coalesce(l.startkwalificatie_op, 'infinity')) AS hi
      FROM verzuim.leerling l),
v AS (SELECT leerling_id, range_agg(periode) AS mr FROM verzuim.verblijf GROUP BY leerling_id)
SELECT p.leerling_id, datemultirange(daterange(p.lo, p.hi)) * v.mr AS plicht_woon
  FROM p JOIN v USING (leerling_id)
 WHERE p.lo < p.hi
   AND datemultirange(daterange(p.lo, p.hi)) * v.mr && daterange('2024-08-01', '2025-08-01');
ALTER TABLE lp ADD PRIMARY KEY (leerling_id);
ANALYZE lp;

-- Absoluut verzuim: gaps in enrolment and vrijstelling while plichtig ---------
CREATE TEMP TABLE av_gap AS
WITH i AS (SELECT leerling_id, range_agg(periode) AS mr FROM verzuim.inschrijving GROUP BY leerling_id),
x AS (SELECT leerling_id, range_agg(periode) AS mr FROM verzuim.vrijstelling GROUP BY leerling_id),
g AS (
    SELECT lp.leerling_id,
           (lp.plicht_woon * datemultirange(daterange(NULL, '2025-08-01'))
              - coalesce(i.mr, '{}') - coalesce(x.mr, '{}')) AS mr
      FROM lp LEFT JOIN i USING (leerling_id) LEFT JOIN x USING (leerling_id))
SELECT g.leerling_id, r AS gap,
       lower(r) + interval '3 months' < upper(r) AS langer_dan_3_maanden,
       upper(r) < date '2025-08-01'
         AND EXISTS (SELECT 1 FROM verzuim.inschrijving n
                      WHERE n.leerling_id = g.leerling_id AND lower(n.periode) = upper(r)) AS teruggeleid
  FROM g, unnest(g.mr) AS r
 WHERE r && daterange('2024-08-01', '2025-08-01');

-- Thuiszitters (lrv): runs of whole-day ongeoorloofd school days --------------
CREATE TEMP TABLE lrv_run AS
WITH a AS (
    SELECT a.leerling_id, a.brin, s.vakantieregio AS regio, a.datum, k.lesnr,
           k.lesnr - row_number() OVER (PARTITION BY a.leerling_id, a.brin ORDER BY a.datum) AS grp
      FROM verzuim.afwezigheid a
      JOIN verzuim.school s USING (brin)
      JOIN kal k ON k.regio = s.vakantieregio AND k.datum = a.datum
     WHERE a.reden = 'ongeoorloofd' AND a.uren >= 5),
run AS (
    SELECT leerling_id, brin, regio, min(datum) AS eerste, max(datum) AS laatste
      FROM a GROUP BY leerling_id, brin, regio, grp),
r AS (
    SELECT run.*, k.volgende_lesdag AS terug,
           coalesce(k.volgende_lesdag, run.laatste + 1) AS einde
      FROM run JOIN kal k ON k.regio = run.regio AND k.datum = run.laatste)
SELECT r.*, r.einde - r.eerste AS dagen,
       r.eerste + interval '3 months' < r.einde AS langer_dan_3_maanden,
       r.terug IS NOT NULL AND EXISTS (
           SELECT 1 FROM verzuim.inschrijving n
            WHERE n.leerling_id = r.leerling_id AND n.brin = r.brin AND n.periode @> r.terug) AS teruggeleid
  FROM r
 WHERE r.einde - r.eerste > 28;

-- The figures -------------------------------------------------------------------
CREATE TEMP TABLE figuur (nr int, figuur text, landelijk numeric, bron text, bereikt bigint);

INSERT INTO figuur
SELECT 1, 'absoluut verzuim', 8974, 'SEED-C 2012-2013',
       (SELECT count(DISTINCT leerling_id) FROM av_gap)
UNION ALL
SELECT 2, '  waarvan teruggeleid', 4487, 'SEED-C: half of 8,974',
       (SELECT count(DISTINCT leerling_id) FROM av_gap WHERE teruggeleid)
UNION ALL
SELECT 3, 'relatief verzuim (>= 16 uur in 4 lesweken, incl. luxe)', 88655, 'SEED-C 2012-2013',
       (WITH u AS (
            SELECT a.leerling_id, k.regio, k.lesweek, sum(a.uren) AS uren
              FROM verzuim.afwezigheid a
              JOIN verzuim.school s USING (brin)
              JOIN kal k ON k.regio = s.vakantieregio AND k.datum = a.datum
             WHERE a.reden IN ('ongeoorloofd', 'luxe', 'te_laat')
             GROUP BY a.leerling_id, k.regio, k.lesweek),
        w AS (
            SELECT leerling_id,
                   sum(uren) OVER (PARTITION BY leerling_id, regio ORDER BY lesweek
                                   RANGE BETWEEN 3 PRECEDING AND CURRENT ROW) AS uren4
              FROM u)
        SELECT count(DISTINCT leerling_id) FROM w WHERE uren4 >= 16)
UNION ALL
SELECT 4, 'luxe verzuim (leerlingen)', 8200, 'SEED-C 2012-2013',
       (SELECT count(DISTINCT leerling_id) FROM verzuim.afwezigheid WHERE reden = 'luxe')
UNION ALL
SELECT 5, 'thuiszitters (lrv, > 4 weken)', 3789, 'SEED-C 2012-2013',
       (SELECT count(DISTINCT leerling_id) FROM lrv_run)
UNION ALL
SELECT 6, '  waarvan teruggeleid', 2695, 'SEED-C 2012-2013 (71%)',
       (SELECT count(DISTINCT leerling_id) FROM lrv_run WHERE teruggeleid)
UNION ALL
SELECT 7, 'langer dan 3 maanden (absoluut + lrv)', 4790, 'SEED-B 2018-2019',
       (SELECT count(*) FROM (SELECT leerling_id FROM av_gap WHERE langer_dan_3_maanden
                              UNION SELECT leerling_id FROM lrv_run WHERE langer_dan_3_maanden) x)
UNION ALL
SELECT 8, 'processen-verbaal absoluut', 261, 'SEED-C 2012-2013',
       (SELECT count(DISTINCT leerling_id) FROM verzuim.proces_verbaal
         WHERE soort = 'absoluut' AND datum BETWEEN '2024-08-01' AND '2025-07-31')
UNION ALL
SELECT 9, 'processen-verbaal relatief (excl. luxe)', 2919, 'SEED-C: 6,040 - 3,121',
       (SELECT count(DISTINCT leerling_id) FROM verzuim.proces_verbaal
         WHERE soort = 'relatief' AND datum BETWEEN '2024-08-01' AND '2025-07-31')
UNION ALL
SELECT 10, 'processen-verbaal luxe', 3121, 'SEED-C 2012-2013',
       (SELECT count(DISTINCT leerling_id) FROM verzuim.proces_verbaal
         WHERE soort = 'luxe' AND datum BETWEEN '2024-08-01' AND '2025-07-31');

\echo
\echo Dataset:
SELECT (SELECT count(*) FROM verzuim.leerling) AS leerlingen,
       (SELECT count(*) FROM lp) AS leerplichtigen,
       (SELECT count(*) FROM verzuim.afwezigheid) AS afwezigheid_rijen,
       (SELECT count(DISTINCT woongemeente) FROM verzuim.leerling) AS woongemeenten;

\echo
\echo Per 1,000 leerplichtigen (target = national count / 2,700,000 x 1,000):
SELECT figuur,
       landelijk AS "national",
       round(landelijk / 2700, 3) AS target,
       bereikt AS "count",
       round(1000.0 * bereikt / (SELECT count(*) FROM lp), 3) AS achieved,
       round((1000.0 * bereikt / (SELECT count(*) FROM lp)) / (landelijk / 2700), 2) AS ratio,
       bron AS source
  FROM figuur ORDER BY nr;

\echo
\echo Details (counts of pupils unless stated):
SELECT 'absoluut: gaps' AS what, count(*)::text AS value FROM av_gap
UNION ALL SELECT 'absoluut: pupils > 3 months', count(DISTINCT leerling_id)::text FROM av_gap WHERE langer_dan_3_maanden
UNION ALL SELECT 'lrv: runs', count(*)::text FROM lrv_run
UNION ALL SELECT 'lrv: runs still open at the end', count(*)::text FROM lrv_run WHERE terug IS NULL
UNION ALL SELECT 'lrv: pupils > 3 months', count(DISTINCT leerling_id)::text FROM lrv_run WHERE langer_dan_3_maanden
UNION ALL SELECT 'lrv: median run (calendar days)', percentile_disc(0.5) WITHIN GROUP (ORDER BY dagen)::text FROM lrv_run
UNION ALL SELECT 'processen-verbaal relatief incl. luxe (national 6,040 = 2.237 per 1,000)',
                 round(1000.0 * count(DISTINCT leerling_id) / (SELECT count(*) FROM lp), 3)::text
            FROM verzuim.proces_verbaal WHERE soort IN ('relatief', 'luxe')
UNION ALL SELECT 'vrijstellingen in the schooljaar per 1,000, ' || artikel::text,
                 round(1000.0 * count(DISTINCT leerling_id) / (SELECT count(*) FROM lp), 3)::text
            FROM verzuim.vrijstelling WHERE periode && daterange('2024-08-01', '2025-08-01')
           GROUP BY artikel
UNION ALL SELECT 'meldingen ' || soort::text, count(*)::text FROM verzuim.melding GROUP BY soort
UNION ALL SELECT 'absence rows per leerling', round(1.0 * (SELECT count(*) FROM verzuim.afwezigheid)
                                                    / (SELECT count(*) FROM verzuim.leerling), 2)::text
UNION ALL SELECT 'absence rows ' || reden::text, count(*)::text FROM verzuim.afwezigheid GROUP BY reden;
