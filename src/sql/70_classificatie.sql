-- Classification of absence (DESIGN.md §3 "Classification and duties";
-- DOMAIN.md §1, §3) ------------------------------------------------------------
--
-- verzuim.classificeer() is implemented in C (src/classificatie.c).

CREATE TYPE verzuim.verzuimsoort AS ENUM
  ('geoorloofd', 'relatief', 'luxe', 'absoluut', 'vrijgesteld', 'niet_plichtig', 'administratief');
COMMENT ON TYPE verzuim.verzuimsoort IS
  'Kind of verzuim of a pupil-day: geoorloofd (art. 11 Lpw: ziekte, schorsing, verlof art. 13a/14, religious duties, ...), relatief (enrolled, absent without valid reason, art. 4 lid 2, 21a), luxe (holiday without verlof, part of relatief, art. 13a/14), absoluut (leer- or kwalificatieplichtig, not enrolled, no vrijstelling, art. 2, 4b, 22), vrijgesteld (vrijstelling or vervangende leerplicht, art. 3a, 3b, 5, 5a, 15), niet_plichtig (not leer- or kwalificatieplichtig that day, art. 3, 4a), administratief (not enrolled in a gap between enrolments no longer than the reporting delay of art. 18: a registration gap, not absoluut verzuim).';

CREATE FUNCTION verzuim.classificeer(reden verzuim.reden,
                                     plicht verzuim.leerplicht,
                                     ingeschreven boolean,
                                     vrijgesteld boolean,
                                     administratief boolean DEFAULT false)
RETURNS verzuim.verzuimsoort
AS 'MODULE_PATHNAME', 'verzuim_classificeer'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.classificeer(verzuim.reden, verzuim.leerplicht, boolean, boolean, boolean) IS
  'Kind of verzuim of one pupil-day, decided in this order: plicht nog_niet_leerplichtig or niet_meer_plichtig: niet_plichtig (art. 3, 4a Lpw); vrijgesteld: vrijgesteld (art. 3a, 3b, 5, 5a, 15); not ingeschreven: administratief when administratief is true (a gap between enrolments within the art. 18 reporting delay), else absoluut (art. 22); enrolled: by reden — ziek, schorsing, verlof_13a, verlof_14, religieus, overig_geoorloofd: geoorloofd (art. 11); luxe: luxe (holiday without verlof, a kind of relatief verzuim); ongeoorloofd, te_laat: relatief (art. 4 lid 2, 21a). reden NULL means no absence registered that day: NULL for an enrolled pupil (no verzuim). NULL plicht gives NULL; NULL vrijgesteld or ingeschreven give NULL when the answer depends on them; NULL administratief counts as false.';

-- afwezigheid_soort ----------------------------------------------------------

-- The per-row expressions are computed in plain subqueries (no LATERAL
-- subquery without FROM): Citus refuses such a subquery when it calls a
-- STABLE function, and this shape runs on one node and on Citus alike
-- (docs/meer-servers.md); the correlated EXISTS on inschrijving and
-- vrijstelling join on leerling_id, so on Citus they run on the workers.
CREATE VIEW verzuim.afwezigheid_soort AS
SELECT k.leerling_id, k.brin, k.datum, k.reden, k.uren, k.plicht, k.ingeschreven, k.vrijgesteld,
       verzuim.classificeer(k.reden, k.plicht, k.ingeschreven, k.vrijgesteld) AS soort
FROM (
    SELECT a.leerling_id, a.brin, a.datum, a.reden, a.uren,
           verzuim.leerplicht_status(l.geboortedatum, a.datum, l.startkwalificatie_op,
                                     l.eerste_inschrijving, s.vakantieregio) AS plicht,
           EXISTS (SELECT 1 FROM verzuim.inschrijving i
                   WHERE i.leerling_id = a.leerling_id AND i.periode @> a.datum) AS ingeschreven,
           EXISTS (SELECT 1 FROM verzuim.vrijstelling v
                   WHERE v.leerling_id = a.leerling_id AND v.periode @> a.datum) AS vrijgesteld
    FROM verzuim.afwezigheid a
    JOIN verzuim.leerling l ON l.leerling_id = a.leerling_id
    JOIN verzuim.school s ON s.brin = a.brin
) k
UNION ALL
SELECT p.leerling_id, NULL::text, p.datum, NULL::verzuim.reden, NULL::numeric(4,2),
       p.plicht, false, false,
       verzuim.classificeer(NULL, p.plicht, false, false,
                            p.administratief
                            AND NOT coalesce(nullif(pg_catalog.current_setting('verzuim.administratief_meetellen', true), '')::boolean, false))
FROM (
    SELECT av.leerling_id, av.administratief, d.datum::date AS datum,
           verzuim.leerplicht_status(l.geboortedatum, d.datum::date, l.startkwalificatie_op,
                                     l.eerste_inschrijving, gm.vakantieregio) AS plicht
    FROM verzuim.absoluut_verzuim(current_date, true) av
    JOIN verzuim.leerling l ON l.leerling_id = av.leerling_id
    LEFT JOIN verzuim.gemeente gm ON gm.gemeentecode = l.woongemeente
    CROSS JOIN LATERAL generate_series(lower(av.episode)::timestamp,
                                       (coalesce(upper(av.episode), current_date + 1) - 1)::timestamp,
                                       interval '1 day') AS d(datum)
) p;
COMMENT ON VIEW verzuim.afwezigheid_soort IS
  'Every verzuim.afwezigheid row classified with verzuim.classificeer(): plicht is verzuim.leerplicht_status() on that day (regio of the school), ingeschreven whether the pupil had an inschrijving (at any school) that day, vrijgesteld whether it had a vrijstelling (any article) that day; plus one row per calendar day of absoluut verzuim up to today, from verzuim.absoluut_verzuim(current_date, true) (brin, reden and uren NULL, ingeschreven and vrijgesteld false, plicht in the vakantieregio of the woongemeente as absoluut_verzuim takes it, soort absoluut, or administratief for the days of a gap between enrolments within verzuim.meldtermijn unless verzuim.administratief_meetellen is on). Absence rows of a pupil who was not enrolled that day classify as absoluut (a registration anomaly).';
