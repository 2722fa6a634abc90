-- What the demo prints (scripts/demo.sh). Runs against a database with the
-- verzuim extension and, when the generator is present, generated data.
\pset footer off
SET search_path = verzuim, public;

\echo
\echo '1. School days (lesdagen) per vakantieregio and schooljaar, and which schooljaren still lack holiday data'
SELECT schooljaar, regio, compleet, ontbreekt, lesdagen FROM verzuim.kalender_dekking
WHERE schooljaar BETWEEN '2023-2024' AND '2026-2027';

\echo
\echo '2. Public holidays of 2027 (computed, Easter-based ones included)'
SELECT datum, to_char(datum, 'Dy') AS dag, naam, schoolvrij FROM verzuim.feestdagen(2027);

\echo
\echo '3. Holidays of schooljaar 2024-2025, regio midden'
SELECT soort, lower(periode) AS van, upper(periode) - 1 AS tot_en_met,
       verzuim.lesdagen(daterange(lower(periode) - 7, upper(periode) + 7), 'midden') AS lesdagen_in_de_weken_rond
FROM verzuim.vakantie WHERE regio = 'midden' AND schooljaar = '2024-2025' ORDER BY lower(periode);

\echo
\echo '4. Leerplicht: when does it start and end, and the status on 1 October 2024'
SELECT geboortedatum, regio,
       verzuim.leerplicht_periode(geboortedatum, NULL, regio) AS leerplicht,
       verzuim.kwalificatieplicht_periode(geboortedatum, NULL, NULL, regio) AS kwalificatieplicht,
       verzuim.leerplicht_status(geboortedatum, '2024-10-01', NULL, NULL, regio) AS status_1_okt_2024
FROM (VALUES (date '2019-12-14', 'noord'), ('2019-07-20', 'zuid'), ('2016-02-29', 'midden'),
             ('2009-11-03', 'noord'), ('2006-05-03', 'midden')) AS v(geboortedatum, regio);

\echo
\echo '5. The generated registration tables (bench/generate.sh): rows per table'
SELECT tabel, rijen FROM verzuim.registratie_omvang ORDER BY tabel;

\echo
\echo '6. Pupils per gemeente and their unauthorised absence in schooljaar 2024-2025'
SELECT g.naam AS gemeente, count(DISTINCT l.leerling_id) AS leerlingen,
       count(DISTINCT a.leerling_id) AS met_ongeoorloofd_verzuim,
       coalesce(sum(a.uren), 0) AS uren_ongeoorloofd
FROM verzuim.gemeente g
JOIN verzuim.leerling l ON l.woongemeente = g.gemeentecode
LEFT JOIN verzuim.afwezigheid a ON a.leerling_id = l.leerling_id
     AND a.reden IN ('ongeoorloofd', 'luxe', 'te_laat')
     AND a.datum <@ verzuim.schooljaar_periode('2024-2025')
GROUP BY g.naam ORDER BY leerlingen DESC;

\echo
\echo '7. The ten longest episodes of unauthorised whole-day absence in 2024-2025 (episodes aggregate), with thuiszit status at the end of the schooljaar'
WITH ep AS (
  SELECT a.leerling_id, s.vakantieregio AS regio,
         verzuim.episodes(a.datum, s.vakantieregio, a.reden) AS episodes
  FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin)
  WHERE a.datum <@ verzuim.schooljaar_periode('2024-2025') AND a.uren >= 5
  GROUP BY a.leerling_id, s.vakantieregio)
SELECT ep.leerling_id, e.episode, t.duur_dagen, t.duur_lesdagen, t.lopend, t.lrv, t.boven_norm
FROM ep CROSS JOIN LATERAL unnest(ep.episodes) AS e(episode)
CROSS JOIN LATERAL verzuim.thuiszit(e.episode, '2025-07-31', ep.regio) AS t
ORDER BY t.duur_dagen DESC NULLS LAST, ep.leerling_id LIMIT 10;

\echo
\echo '8. Absoluut verzuim on 1 July 2025: pupils leer- or kwalificatieplichtig, not enrolled, without vrijstelling'
SELECT count(*) AS episodes, count(DISTINCT leerling_id) AS leerlingen,
       count(*) FILTER (WHERE upper_inf(episode)) AS lopend_op_peildatum
FROM verzuim.absoluut_verzuim('2025-07-01')
WHERE episode && verzuim.schooljaar_periode('2024-2025');

\echo
\echo '9. Doorloopsnelheid per gemeente (2024-2025, peildatum 1 June 2025): the ministry''s mean beside the censoring-aware figures'
WITH ep AS (
  SELECT a.leerling_id, s.vakantieregio AS regio,
         verzuim.episodes(a.datum, s.vakantieregio, a.reden) AS episodes
  FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin)
  WHERE a.datum <@ verzuim.schooljaar_periode('2024-2025') AND a.uren >= 5
  GROUP BY a.leerling_id, s.vakantieregio),
per_gemeente AS (
  SELECT g.naam AS gemeente, verzuim.duur_agg(e.episode, '2025-06-01') AS d
  FROM ep CROSS JOIN LATERAL unnest(ep.episodes) AS e(episode)
  JOIN verzuim.leerling l USING (leerling_id)
  JOIN verzuim.gemeente g ON g.gemeentecode = l.woongemeente
  WHERE upper(e.episode) - lower(e.episode) > 3      -- episodes of more than 3 calendar days
  GROUP BY g.naam)
SELECT gemeente, verzuim.aantal(d) AS episodes, verzuim.aantal_lopend(d) AS lopend,
       round(verzuim.doorloopsnelheid(d), 1) AS doorloopsnelheid,
       round(verzuim.gemiddelde(d), 1) AS gemiddelde_gesloten,
       verzuim.mediaan(d) AS mediaan_km, verzuim.percentiel(d, 0.9) AS p90_km,
       round(verzuim.aandeel_langer_dan(d, 28)::numeric, 3) AS aandeel_langer_dan_4_weken
FROM per_gemeente
UNION ALL
SELECT 'alle gemeenten (samenvoegen)', verzuim.aantal(s), verzuim.aantal_lopend(s),
       round(verzuim.doorloopsnelheid(s), 1), round(verzuim.gemiddelde(s), 1),
       verzuim.mediaan(s), verzuim.percentiel(s, 0.9), round(verzuim.aandeel_langer_dan(s, 28)::numeric, 3)
FROM (SELECT verzuim.samenvoegen(d) AS s FROM per_gemeente) x
ORDER BY episodes DESC;

\echo
\echo '10. Every absence classified (afwezigheid_soort, schooljaar 2024-2025): the kind of verzuim and the article behind it'
SELECT soort, count(*) AS rijen, count(DISTINCT leerling_id) AS leerlingen, sum(uren) AS uren
FROM verzuim.afwezigheid_soort
WHERE datum <@ verzuim.schooljaar_periode('2024-2025')
GROUP BY soort ORDER BY rijen DESC;

\echo
\echo '11. The 16-hour duty (art. 21a) per school, 2024-2025: duty moments against meldingen (meldplicht_naleving)'
SELECT s.naam AS school, n.momenten, n.tijdig, n.te_laat, n.ontbreekt, n.zonder_moment,
       n.gemiddelde_vertraging_te_laat AS gem_vertraging, n.max_vertraging_lesdagen AS max_vertraging, n.leerlingen
FROM verzuim.meldplicht_naleving n JOIN verzuim.school s USING (brin)
WHERE n.schooljaar = '2024-2025'
ORDER BY n.momenten DESC, s.naam LIMIT 8;

\echo
\echo '12. One school (the most duty moments): each duty moment beside the melding that answers it'
CREATE TEMP TABLE demo_naleving AS SELECT * FROM verzuim.meldplicht_naleving_detail WHERE schooljaar = '2024-2025';
SELECT d.leerling_id, d.bereikt_op, d.uren, d.venster, d.meldingsnummer,
       (d.gemeld_op AT TIME ZONE 'Europe/Amsterdam')::date AS gemeld_op, d.vertraging_lesdagen AS vertraging, d.oordeel
FROM demo_naleving d
WHERE d.brin = (SELECT brin FROM demo_naleving WHERE bereikt_op IS NOT NULL
                GROUP BY brin ORDER BY count(*) DESC, brin LIMIT 1)
ORDER BY d.leerling_id, coalesce(d.bereikt_op, (d.gemeld_op AT TIME ZONE 'Europe/Amsterdam')::date), d.meldingsnummer
LIMIT 20;

\echo
\echo '13. M@ZL sickness signals (4th sick report in 12 weeks, 7th sick school day) and luxe verzuim, 2024-2025'
SELECT (SELECT count(*) FROM (SELECT verzuim.mazl_signaal(a.datum, a.reden, s.vakantieregio, a.brin, NULL) AS m
                              FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin)
                              WHERE a.datum <@ verzuim.schooljaar_periode('2024-2025')
                              GROUP BY a.leerling_id) x
        WHERE cardinality(m) > 0) AS leerlingen_met_mazl_signaal,
       (SELECT count(DISTINCT leerling_id) FROM verzuim.luxe_verzuim
        WHERE geregistreerd AND datum <@ verzuim.schooljaar_periode('2024-2025')) AS luxe_geregistreerd,
       (SELECT count(DISTINCT leerling_id) FROM verzuim.luxe_verzuim
        WHERE NOT geregistreerd AND datum <@ verzuim.schooljaar_periode('2024-2025')) AS luxe_heuristisch_signaal;

\echo
\echo '14. Polluted files (the largest gemeente): absoluut verzuim 2024-2025 without and with the administrative gaps (art. 18), and the top data-quality issues'
SELECT woongemeente AS demo_gemeente FROM verzuim.leerling GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \gset
SELECT :'demo_gemeente' AS gemeente,
       count(DISTINCT a.leerling_id) FILTER (WHERE NOT a.administratief) AS absoluut_verzuim,
       count(DISTINCT a.leerling_id) AS met_administratieve_gaten,
       count(*) FILTER (WHERE a.administratief) AS administratieve_gaten
FROM verzuim.absoluut_verzuim('2025-07-31', administratief_meetellen => true) a
JOIN verzuim.leerling l USING (leerling_id)
WHERE l.woongemeente = :'demo_gemeente' AND a.episode && verzuim.schooljaar_periode('2024-2025');
SELECT controle, bevindingen, leerlingen, actie
FROM verzuim.registratiekwaliteit
WHERE gemeentecode = :'demo_gemeente' AND bevindingen > 0
ORDER BY bevindingen DESC, volgorde LIMIT 5;
