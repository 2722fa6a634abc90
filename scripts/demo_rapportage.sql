-- Part of the demo (scripts/demo.sh): the reporting views on the generated
-- dataset, for its largest gemeente.  Run with psql -v ON_ERROR_STOP=1.
\pset footer off
SELECT woongemeente AS demo_gemeente, g.naam AS demo_naam
  FROM verzuim.leerling l JOIN verzuim.gemeente g ON g.gemeentecode = l.woongemeente
 GROUP BY woongemeente, g.naam ORDER BY count(*) DESC LIMIT 1 \gset

\echo
\echo '20. The leerplichttelling 2024-2025 of' :demo_naam '(unique pupils over the schooljaar; see the column comments: \\d+ verzuim.leerplichttelling)'
\x on
SELECT * FROM verzuim.leerplichttelling('2024-2025') WHERE gemeentecode = :'demo_gemeente';
\x off
\echo 'The pupils behind one number (absoluut verzuim, teruggeleid), with the day that counts:'
SELECT leerling_id, peildag FROM verzuim.leerplichttelling_leerlingen(:'demo_gemeente', '2024-2025', 'absoluut_teruggeleid') LIMIT 5;

\echo
\echo '21. Thuiszitters of' :demo_naam 'on the peildatum 2025-06-01 (SET verzuim.peildatum; the generated schooljaar is 2024-2025): spoed first, then the longest'
SET verzuim.peildatum = '2025-06-01';
SELECT leerling_id, soort, sinds, duur_dagen, boven_norm, spoed, meldingsnummer, brin, status
  FROM verzuim.thuiszitters WHERE gemeentecode = :'demo_gemeente' LIMIT 15;
SELECT count(*) AS thuiszitters, count(*) FILTER (WHERE spoed) AS spoed, count(*) FILTER (WHERE boven_norm) AS boven_norm
  FROM verzuim.thuiszitters WHERE gemeentecode = :'demo_gemeente';

\echo
\echo '22. Doorloopsnelheid of LRV per samenwerkingsverband, 2024-2025 (the ministry''s mean beside the Kaplan-Meier median)'
SELECT niveau, code, naam, aantal, lopend, round(doorloopsnelheid, 1) AS doorloopsnelheid,
       round(gemiddelde_gesloten, 1) AS gemiddelde_gesloten, mediaan, round(boven_norm_aandeel::numeric, 3) AS boven_norm_aandeel
  FROM verzuim.doorloopsnelheid WHERE schooljaar = '2024-2025' AND niveau = 'samenwerkingsverband' ORDER BY aantal DESC LIMIT 8;

\echo
\echo '23. Afhandeling of meldingen in' :demo_naam ', 2024-2025, on 2025-06-01'
SELECT spoed, meldingen, afgehandeld, ingetrokken, open, round(gemiddelde_dagen, 1) AS gemiddelde_dagen, mediaan_dagen, oudste_open_dagen
  FROM verzuim.afhandeling WHERE schooljaar = '2024-2025' AND gemeentecode = :'demo_gemeente';

\echo
\echo '24. Benchmark per 1,000 leerplichtigen, 2024-2025, beside the national figure and the parliamentary letters'
SELECT gemeente, cijfer, aantal, leerplichtigen, per_1000, landelijk_per_1000, referentie_per_1000
  FROM verzuim.benchmark WHERE schooljaar = '2024-2025' AND cijfer IN ('absoluut_verzuim', 'lrv_totaal', 'relatief_verzuim')
 ORDER BY cijfer, gemeente;

\echo
\echo '25. After a refresh of the stored views: what verzuim_publiek sees (counts below 5 and what would reveal them: NULL)'
SELECT verzuim.ververs_rapportage();
SELECT coalesce(gemeente, 'Nederland') AS gemeente, absoluut_verzuim, absoluut_teruggeleid, lrv_totaal, lrv_teruggeleid,
       relatief_verzuim, luxe_verzuim, pv_relatief, pv_luxe
  FROM verzuim.publiek_leerplichttelling WHERE schooljaar = '2024-2025' ORDER BY gemeentecode NULLS LAST;
SELECT onderdrukt, count(*) AS cellen FROM verzuim.publiek_leerplichttelling_cellen
 WHERE schooljaar = '2024-2025' GROUP BY onderdrukt ORDER BY onderdrukt NULLS FIRST;
