-- bench/plain/setup.sql — the helper tables of the plain-SQL formulations
-- (schema bench_plain), built once over the span of the data and never timed,
-- as an analyst would keep a calendar table:
--   lesdag     (regio, datum, nr)        school days numbered per vakantieregio
--   nietschool (regio, m)                the non-school days of a regio as one datemultirange
--   lesweek    (regio, maandag, lw)      calendar weeks, lesweken numbered per regio
--   episode    (gemeentecode, episode)   every pupil's episodes (from episodes_brin) with
--                                        the pupil's woongemeente: the input of duur_agg
-- The school days come from verzuim.is_lesdag (the holiday data any analyst
-- would load as a table).  Rebuilt when the data changed (row count of afwezigheid).
\set QUIET on
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS bench_plain;
CREATE TABLE IF NOT EXISTS bench_plain.bron (afwezigheid bigint, van date, tot date);
SELECT coalesce((SELECT afwezigheid FROM bench_plain.bron), -1) <> (SELECT count(*) FROM verzuim.afwezigheid)
       AS bench_plain_opnieuw \gset
\if :bench_plain_opnieuw
BEGIN;
TRUNCATE bench_plain.bron;
INSERT INTO bench_plain.bron
SELECT count(*), least(min(datum), date '2024-08-01') - 140, greatest(max(datum), date '2025-07-31') FROM verzuim.afwezigheid;
DROP TABLE IF EXISTS bench_plain.lesdag, bench_plain.nietschool, bench_plain.lesweek, bench_plain.episode;
CREATE TABLE bench_plain.lesdag AS
SELECT r.regio, d::date AS datum, row_number() OVER (PARTITION BY r.regio ORDER BY d) AS nr
FROM bench_plain.bron b, (VALUES ('noord'), ('midden'), ('zuid')) r(regio),
     generate_series(b.van, b.tot, '1 day') d
WHERE verzuim.is_lesdag(d::date, r.regio);
CREATE UNIQUE INDEX ON bench_plain.lesdag (regio, datum);
CREATE TABLE bench_plain.nietschool AS
SELECT r.regio, coalesce(range_agg(daterange(d::date, d::date + 1)) FILTER (WHERE NOT verzuim.is_lesdag(d::date, r.regio)),
                         '{}') AS m
FROM bench_plain.bron b, (VALUES ('noord'), ('midden'), ('zuid')) r(regio),
     generate_series(b.van, b.tot, '1 day') d
GROUP BY r.regio;
CREATE TABLE bench_plain.lesweek AS
SELECT regio, maandag, lesweek, count(*) FILTER (WHERE lesweek) OVER (PARTITION BY regio ORDER BY maandag) AS lw
FROM (SELECT r.regio, date_trunc('week', d)::date AS maandag, bool_or(verzuim.is_lesdag(d::date, r.regio)) AS lesweek
      FROM bench_plain.bron b, (VALUES ('noord'), ('midden'), ('zuid')) r(regio),
           generate_series(date_trunc('week', b.van), b.tot, '1 day') d
      GROUP BY 1, 2) w;
CREATE UNIQUE INDEX ON bench_plain.lesweek (regio, maandag);
CREATE TABLE bench_plain.episode AS
SELECT l.woongemeente AS gemeentecode, e.episode
FROM (SELECT leerling_id, verzuim.episodes_brin(datum, brin) AS m FROM verzuim.afwezigheid GROUP BY leerling_id) x
JOIN verzuim.leerling l USING (leerling_id), unnest(x.m) e(episode)
WHERE l.woongemeente IS NOT NULL;
COMMIT;
VACUUM ANALYZE bench_plain.lesdag, bench_plain.nietschool, bench_plain.lesweek, bench_plain.episode;
\endif
RESET client_min_messages;
