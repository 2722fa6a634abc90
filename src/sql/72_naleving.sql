-- Reporting compliance and luxe verzuim (DESIGN.md §1 "Inspectie / school
-- board", §3; DOMAIN.md §1, §3, §4, §14.7) ------------------------------------

-- meldplicht_naleving ----------------------------------------------------------
--
-- Duty moments come from verzuim.meldplicht() over every unauthorised
-- afwezigheid row of a pupil (all schools, each by its own calendar); a moment
-- belongs to the school that registered the absence on bereikt_op.  A melding
-- of soort 16uur (not ingetrokken) of the same pupil and school belongs to the
-- latest moment of that pupil and school that arose on or before the day it
-- was reported (Europe/Amsterdam); the first such melding answers the moment,
-- further ones and meldingen reported before any moment have no moment.

CREATE VIEW verzuim.meldplicht_naleving_detail AS
WITH ongeoorloofd AS (
    SELECT a.leerling_id, a.brin, a.datum, a.uren, s.vakantieregio
    FROM verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin
    WHERE a.reden IN ('ongeoorloofd', 'luxe', 'te_laat')
), per_leerling AS (
    SELECT o.leerling_id, verzuim.meldplicht(o.datum, o.uren, o.vakantieregio, o.brin) AS momenten
    FROM ongeoorloofd o
    GROUP BY o.leerling_id
), moment AS (
    SELECT p.leerling_id, m.venster, m.uren, m.bereikt_op,
           (SELECT min(o.brin) FROM ongeoorloofd o
            WHERE o.leerling_id = p.leerling_id AND o.datum = m.bereikt_op) AS brin
    FROM per_leerling p CROSS JOIN LATERAL unnest(p.momenten) AS m
), melding AS (
    SELECT r.meldingsnummer, r.leerling_id, r.brin, r.gemeld_op,
           (r.gemeld_op AT TIME ZONE 'Europe/Amsterdam')::date AS gemeld_dag,
           (SELECT max(m.bereikt_op) FROM moment m
            WHERE m.leerling_id = r.leerling_id AND m.brin = r.brin
              AND m.bereikt_op <= (r.gemeld_op AT TIME ZONE 'Europe/Amsterdam')::date) AS moment_op
    FROM verzuim.melding r
    WHERE r.soort = '16uur' AND r.status <> 'ingetrokken'
), antwoord AS (
    SELECT DISTINCT ON (r.leerling_id, r.brin, r.moment_op) r.*
    FROM melding r
    WHERE r.moment_op IS NOT NULL
    ORDER BY r.leerling_id, r.brin, r.moment_op, r.gemeld_op, r.meldingsnummer
)
SELECT m.brin, verzuim.schooljaar(m.bereikt_op) AS schooljaar, m.leerling_id,
       m.bereikt_op, m.venster, m.uren, a.meldingsnummer, a.gemeld_op,
       CASE WHEN a.meldingsnummer IS NOT NULL
            THEN verzuim.lesdagen(daterange(m.bereikt_op, a.gemeld_dag), NULL, m.brin) END AS vertraging_lesdagen,
       CASE WHEN a.meldingsnummer IS NULL THEN 'ontbreekt'
            WHEN verzuim.lesdagen(daterange(m.bereikt_op, a.gemeld_dag), NULL, m.brin)
                 > coalesce(pg_catalog.current_setting('verzuim.meldplicht_termijn', true), '1')::int THEN 'te_laat'
            ELSE 'tijdig' END AS oordeel
FROM moment m
LEFT JOIN antwoord a ON a.leerling_id = m.leerling_id AND a.brin = m.brin AND a.moment_op = m.bereikt_op
UNION ALL
SELECT r.brin, verzuim.schooljaar(r.gemeld_dag), r.leerling_id, NULL, NULL, NULL,
       r.meldingsnummer, r.gemeld_op, NULL, 'zonder_moment'
FROM melding r
WHERE NOT EXISTS (SELECT 1 FROM antwoord a WHERE a.meldingsnummer = r.meldingsnummer);
COMMENT ON VIEW verzuim.meldplicht_naleving_detail IS
  'The rows behind verzuim.meldplicht_naleving: one row per duty moment of the 16-hour rule (verzuim.meldplicht over the unauthorised afwezigheid rows ongeoorloofd, luxe, te_laat of each pupil, at the settings of the session) with the melding (soort 16uur, not ingetrokken) that answers it, and one row per melding without a moment. brin: the school that registered the absence on bereikt_op (for a melding without moment: the reporting school); schooljaar of bereikt_op (or of the report day). A melding answers the latest moment of the same pupil and school that arose on or before its report day (gemeld_op in Europe/Amsterdam); the first of several answers it. vertraging_lesdagen: school days of the school from bereikt_op up to (not including) the report day, so 0 = reported the same day, 1 = the next school day. oordeel: tijdig (vertraging at most verzuim.meldplicht_termijn school days, "onverwijld", art. 21a), te_laat, ontbreekt (no melding), zonder_moment (a melding without a duty moment: reported before the threshold was reached, or a second melding for one moment).';

CREATE VIEW verzuim.meldplicht_naleving AS
SELECT d.brin, d.schooljaar,
       count(*) FILTER (WHERE d.bereikt_op IS NOT NULL) AS momenten,
       count(*) FILTER (WHERE d.oordeel = 'tijdig') AS tijdig,
       count(*) FILTER (WHERE d.oordeel = 'te_laat') AS te_laat,
       count(*) FILTER (WHERE d.oordeel = 'ontbreekt') AS ontbreekt,
       count(*) FILTER (WHERE d.oordeel = 'zonder_moment') AS zonder_moment,
       round(avg(d.vertraging_lesdagen) FILTER (WHERE d.oordeel = 'te_laat'), 1) AS gemiddelde_vertraging_te_laat,
       max(d.vertraging_lesdagen) AS max_vertraging_lesdagen,
       count(DISTINCT d.leerling_id) FILTER (WHERE d.bereikt_op IS NOT NULL) AS leerlingen
FROM verzuim.meldplicht_naleving_detail d
GROUP BY d.brin, d.schooljaar;
COMMENT ON VIEW verzuim.meldplicht_naleving IS
  'Compliance with the 16-hour reporting duty (art. 21a Lpw) per school and schooljaar, as the Inspectie checks it: momenten (duty moments that arose), tijdig and te_laat (answered by a melding soort 16uur within or after verzuim.meldplicht_termijn school days), ontbreekt (no melding), zonder_moment (meldingen without a duty moment), the mean delay of the late ones and the longest delay in school days, and the number of pupils with a moment. The rows behind each number: verzuim.meldplicht_naleving_detail.';

-- luxe verzuim ---------------------------------------------------------------------
--
-- Luxe verzuim is what the school registered as such (reden luxe).  The
-- Leerplichtwet gives no rule to recognise it from the data (DOMAIN.md §3,
-- §14.7); this view adds a HEURISTIC signal, named as such: unauthorised
-- absence on the last school day before or the first school day after a school
-- holiday of the school's region, without verlof that day.

CREATE VIEW verzuim.luxe_verzuim AS
WITH vakantie AS (
    SELECT v.regio, lower(v.periode) AS begin, upper(v.periode) AS eind
    FROM verzuim.vakantie v
    WHERE v.periode IS NOT NULL
)
SELECT a.leerling_id, a.brin, a.datum, a.reden, a.uren,
       CASE WHEN a.reden = 'luxe' THEN 'geregistreerd' ELSE 'heuristiek_rond_vakantie' END AS grond,
       a.reden = 'luxe' AS geregistreerd
FROM verzuim.afwezigheid a
JOIN verzuim.school s ON s.brin = a.brin
WHERE a.reden = 'luxe'
   OR (a.reden = 'ongeoorloofd'
       AND verzuim.is_lesdag(a.datum, NULL, a.brin)
       AND NOT EXISTS (SELECT 1 FROM verzuim.afwezigheid g
                       WHERE g.leerling_id = a.leerling_id AND g.datum = a.datum
                         AND g.reden IN ('verlof_13a', 'verlof_14'))
       AND EXISTS (SELECT 1 FROM vakantie v
                   WHERE v.regio = s.vakantieregio
                     AND ((a.datum < v.begin AND v.begin - a.datum <= 7
                           AND (a.datum + 1 = v.begin
                                OR verzuim.lesdagen(daterange(a.datum + 1, v.begin), NULL, a.brin) = 0))
                       OR (a.datum >= v.eind AND a.datum - v.eind <= 7
                           AND (a.datum = v.eind
                                OR verzuim.lesdagen(daterange(v.eind, a.datum), NULL, a.brin) = 0)))));
COMMENT ON VIEW verzuim.luxe_verzuim IS
  'Luxe verzuim (holiday outside the school holidays without verlof, art. 13a/14 Lpw; a kind of relatief verzuim that DUO wants reported regardless of the 16 hours). grond geregistreerd: the school registered reden luxe. grond heuristiek_rond_vakantie: a HEURISTIC SIGNAL, not a finding: reden ongeoorloofd on a school day that is the last school day before or the first school day after a school holiday of the school''s vakantieregio (only weekends, public holidays or school-free days in between), with no verlof_13a or verlof_14 row that day. No source defines such a rule (DOMAIN.md §14.7); it points leerplicht at days worth a question.';
