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
             ('2008-08-01', 'noord'), ('2006-05-03', 'midden')) AS v(geboortedatum, regio);
