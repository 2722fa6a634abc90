BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(40);

-- The reporting views beside the telling (82_rapportage_views.sql), the stored
-- versions and the public views with small-cell suppression (88_publiek.sql),
-- on the fixture test/data/rapportage.sql (cases described in test/rapportage.sql).
SET LOCAL datestyle = 'ISO, YMD';
SET LOCAL verzuim.onvolledige_kalender = 'fout';
\ir data/rapportage.sql

-- Thuiszitters ----------------------------------------------------------------------
-- 2024-04-15: 2005 lrv since 4 Mar, spoed (43 days); 2002 absoluut since 1 Dec (137 days, > 3 months)
SELECT results_eq(
  $$SELECT leerling_id, gemeentecode, soort, sinds, duur_dagen, boven_norm, spoed, meldingsnummer, brin, status::text
      FROM verzuim.thuiszitters('2024-04-15')$$,
  $$VALUES (2005::bigint, 'GM0599'::text, 'lrv'::text, '2024-03-04'::date, 43, false, true, 900005::bigint, '33CC00'::text, 'in_behandeling'::text),
           (2002, 'GM0518', 'absoluut', '2023-12-01', 137, true, false, NULL, NULL, NULL)$$,
  'thuiszitters on 2024-04-15: spoed first, then the longest');
-- 2023-09-10: only 2004 (lrv since 5 June, 98 days, norm reached on 5 September; the re-report came later)
SELECT results_eq(
  $$SELECT leerling_id, sinds, duur_dagen, boven_norm, spoed, meldingsnummer FROM verzuim.thuiszitters('2023-09-10')$$,
  $$VALUES (2004::bigint, '2023-06-05'::date, 98, true, true, 900001::bigint)$$,
  'thuiszitters on 2023-09-10');
SET LOCAL verzuim.peildatum = '2024-04-15';
SELECT is((SELECT array_agg(leerling_id) FROM verzuim.thuiszitters), '{2005,2002}',
          'the view follows the setting verzuim.peildatum, in its order');
SELECT is((SELECT count(*)::int FROM verzuim.thuiszitters('2024-04-15', '1 month') WHERE boven_norm), 2,
          'norm as an argument');
RESET verzuim.peildatum;
SELECT throws_ok($$SELECT * FROM verzuim.thuiszitters('infinity')$$, '22008', NULL, 'an infinite peildatum: 22008');

-- Doorloopsnelheid 2023-2024 (peildatum 2024-07-31): 2004 closed after 127 days, 2005 open for 150
SELECT results_eq(
  $$SELECT niveau, code, peildatum, aantal, lopend, doorloopsnelheid, gemiddelde_gesloten, mediaan
      FROM verzuim.doorloopsnelheid WHERE schooljaar = '2023-2024' ORDER BY niveau, code$$,
  $$VALUES ('gemeente'::text, 'GM0518'::text, '2024-07-31'::date, 1::bigint, 0::bigint, 127::numeric, 127::numeric, 127::numeric),
           ('gemeente', 'GM0599', '2024-07-31', 1, 1, 150, NULL, NULL),
           ('samenwerkingsverband', 'VO2801', '2024-07-31', 1, 0, 127, 127, 127),
           ('school', '22BB00', '2024-07-31', 1, 0, 127, 127, 127),
           ('school', '33CC00', '2024-07-31', 1, 1, 150, NULL, NULL)$$,
  'doorloopsnelheid per gemeente, samenwerkingsverband and school');
SELECT results_eq(
  $$SELECT code, aantal, lopend, doorloopsnelheid FROM verzuim.doorloopsnelheid_rapport('2022-2023') WHERE niveau = 'gemeente'$$,
  $$VALUES ('GM0518'::text, 1::bigint, 1::bigint, 57::numeric)$$,
  '2022-2023: 2004 still out on 31 July (57 days so far); the re-report of September is not known yet');
SELECT is((SELECT verzuim.aantal(verzuim.samenvoegen(verdeling)) FROM verzuim.doorloopsnelheid
            WHERE schooljaar = '2023-2024' AND niveau = 'gemeente'), 2::bigint,
          'the summaries of the gemeenten merge into the national one');

-- Afhandeling 2023-2024 at 2024-07-31
SELECT results_eq(
  $$SELECT gemeentecode, spoed, meldingen, afgehandeld, ingetrokken, open, gemiddelde_dagen, mediaan_dagen, oudste_open_dagen
      FROM verzuim.afhandeling('2023-2024', '2024-07-31')$$,
  $$VALUES ('GM0518'::text, false, 3::bigint, 2::bigint, 0::bigint, 1::bigint, 23.5::numeric, 23.5::float8, 156),
           ('GM0599', true, 1, 0, 0, 1, NULL, NULL, 120),
           ('GM0599', false, 3, 1, 1, 1, 4, 4, 195)$$,
  'afhandeling per gemeente and spoed; open ones counted as open, withdrawn ones apart');
SELECT results_eq(
  $$SELECT gemeentecode, spoed, meldingen, afgehandeld, open FROM verzuim.afhandeling('2023-2024', '2023-10-19')$$,
  $$VALUES ('GM0518'::text, false, 1::bigint, 0::bigint, 1::bigint), ('GM0599', false, 1, 0, 1)$$,
  'at an earlier peildatum meldingen closed later are open, later ones absent');

-- Benchmark 2023-2024: leerplichtigen Amsterdam 4 (2002 lived there first), Den Haag 2, Rotterdam 2
SELECT results_eq($$SELECT gemeentecode, leerplichtigen FROM verzuim.leerplichtigen('2023-2024') ORDER BY 1$$,
                  $$VALUES ('GM0363'::text, 4::bigint), ('GM0518', 2), ('GM0599', 2)$$, 'leerplichtigen per gemeente');
SELECT results_eq(
  $$SELECT gemeentecode, aantal, leerplichtigen, per_1000, landelijk_aantal, landelijk_per_1000, referentie_per_1000
      FROM verzuim.benchmark WHERE schooljaar = '2023-2024' AND cijfer = 'absoluut_verzuim' ORDER BY 1$$,
  $$VALUES ('GM0363'::text, 2::bigint, 4::bigint, 500.000::numeric, 3::bigint, 375.000::numeric, 3.324::numeric),
           ('GM0518', 1, 2, 500.000, 3, 375.000, 3.324),
           ('GM0599', 0, 2, 0.000, 3, 375.000, 3.324)$$,
  'benchmark per 1,000 with the national figure and the reference of DOMAIN.md §13');
SELECT is((SELECT count(DISTINCT cijfer)::int FROM verzuim.benchmark), 9, 'nine figures with a national reference');

-- Every view documented, security_invoker --------------------------------------------
SELECT is((SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_class c
            WHERE c.relnamespace = 'verzuim'::regnamespace
              AND c.relname IN ('thuiszitters', 'doorloopsnelheid', 'afhandeling', 'benchmark')
              AND 'security_invoker=true' = ANY (c.reloptions)),
          '{afhandeling,benchmark,doorloopsnelheid,thuiszitters}', 'the reporting views are security_invoker');
SELECT is((SELECT array_agg(DISTINCT c.relname::text ORDER BY c.relname::text) FROM pg_class c
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
            WHERE c.relnamespace = 'verzuim'::regnamespace AND c.relkind IN ('v', 'm')
              AND (c.relname IN ('thuiszitters', 'doorloopsnelheid', 'afhandeling', 'benchmark')
                   OR c.relname LIKE 'publiek%' OR c.relname LIKE '%\_mv' OR c.relname LIKE '%\_opgeslagen')
              AND col_description(c.oid, a.attnum) IS NULL),
          NULL, 'every column of every reporting, stored and public view has a COMMENT');

-- Stored versions and the public views ------------------------------------------------
SELECT is((SELECT count(*)::int FROM verzuim.publiek_leerplichttelling), 0, 'before the first refresh: empty, no error');
SELECT lives_ok('SELECT verzuim.ververs_rapportage()', 'refresh (CONCURRENTLY)');
SELECT lives_ok('SELECT verzuim.ververs_rapportage()', 'and again');
SELECT set_eq('SELECT * FROM verzuim.leerplichttelling_mv', 'SELECT * FROM verzuim.leerplichttelling',
              'the stored telling equals the view');
SELECT is((SELECT count(*)::int FROM verzuim.doorloopsnelheid_mv), (SELECT count(*)::int FROM verzuim.doorloopsnelheid),
          'the stored doorloopsnelheid has every row');
SELECT is((SELECT count(*)::int FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
            WHERE c.relname IN ('leerplichttelling_mv', 'benchmark_mv', 'doorloopsnelheid_mv')
              AND c.relnamespace = 'verzuim'::regnamespace AND i.indisunique), 3,
          'every stored view has a unique index (needed for CONCURRENTLY)');

-- suppression with the default minimum of 5: every non-zero count here is smaller
SELECT is((SELECT count(*)::int FROM verzuim.publiek_leerplichttelling_cellen WHERE aantal > 0), 0,
          'minimale_celgrootte 5: no count from 1 to 4 is shown');
SELECT is((SELECT count(*)::int FROM verzuim.publiek_leerplichttelling_cellen WHERE aantal = 0 AND onderdrukt IS NULL) > 0,
          true, 'zeros are shown');
-- minimum 2 (superuser only): hand-computed primary and secondary suppression
SET LOCAL verzuim.minimale_celgrootte = 2;
SELECT results_eq(
  $$SELECT coalesce(gemeentecode, 'NL'), veld, aantal, onderdrukt FROM verzuim.publiek_leerplichttelling_cellen
     WHERE schooljaar = '2023-2024'
       AND veld IN ('absoluut_verzuim', 'absoluut_langer_dan_3_maanden', 'lrv_langer_dan_3_maanden')
     ORDER BY 2, 1$$,
  $$VALUES ('GM0363'::text, 'absoluut_langer_dan_3_maanden'::text, NULL::bigint, 'primair'::text),
           ('GM0518', 'absoluut_langer_dan_3_maanden', NULL, 'primair'),
           ('GM0599', 'absoluut_langer_dan_3_maanden', 0, NULL),
           ('NL', 'absoluut_langer_dan_3_maanden', NULL, 'verschil'),
           ('GM0363', 'absoluut_verzuim', NULL, 'kolomtotaal'),
           ('GM0518', 'absoluut_verzuim', NULL, 'primair'),
           ('GM0599', 'absoluut_verzuim', 0, NULL),
           ('NL', 'absoluut_verzuim', 3, NULL),
           ('GM0363', 'lrv_langer_dan_3_maanden', 0, NULL),
           ('GM0518', 'lrv_langer_dan_3_maanden', NULL, 'primair'),
           ('GM0599', 'lrv_langer_dan_3_maanden', NULL, 'primair'),
           ('NL', 'lrv_langer_dan_3_maanden', 2, NULL)$$,
  'k = 2: Den Haag''s 1 is primary, Amsterdam''s 2 would follow from the national 3 (kolomtotaal); the national 2 of > 3 months would leave 1 of 3 (verschil)');
SELECT is((SELECT count(*)::int FROM (
             SELECT schooljaar, veld FROM verzuim.publiek_leerplichttelling_cellen
              GROUP BY schooljaar, veld
             HAVING count(*) FILTER (WHERE gemeentecode IS NOT NULL AND onderdrukt IS NOT NULL) = 1
                AND bool_or(gemeentecode IS NULL AND onderdrukt IS NULL)) x), 0,
          'no column has a single suppressed cell beside a shown national total');
SELECT is((SELECT count(*)::int
             FROM verzuim.publiek_leerplichttelling_cellen d
             JOIN (VALUES ('absoluut_langer_dan_3_maanden', 'absoluut_verzuim'), ('absoluut_teruggeleid', 'absoluut_verzuim'),
                          ('lrv_langer_dan_3_maanden', 'lrv_totaal'), ('lrv_teruggeleid', 'lrv_totaal'),
                          ('relatief_herhaald', 'relatief_verzuim'), ('luxe_verzuim', 'relatief_verzuim')) p(deel, geheel)
               ON p.deel = d.veld
             JOIN verzuim.publiek_leerplichttelling_cellen g
               ON g.veld = p.geheel AND g.schooljaar = d.schooljaar AND g.gemeentecode IS NOT DISTINCT FROM d.gemeentecode
            WHERE g.aantal - d.aantal BETWEEN 1 AND 1), 0,
          'no shown whole and part differ by a small number');
SELECT results_eq(
  $$SELECT coalesce(gemeentecode, 'NL'), absoluut_verzuim, lrv_totaal FROM verzuim.publiek_leerplichttelling
     WHERE schooljaar = '2023-2024' ORDER BY 1$$,
  $$VALUES ('GM0363'::text, NULL::bigint, 0::bigint), ('GM0518', NULL, NULL), ('GM0599', 0, NULL), ('NL', 3, 2)$$,
  'the wide public view shows the same cells');
SELECT results_eq(
  $$SELECT gemeentecode, aantal, per_1000, landelijk_per_1000 FROM verzuim.publiek_benchmark
     WHERE schooljaar = '2023-2024' AND cijfer = 'absoluut_verzuim' ORDER BY 1$$,
  $$VALUES ('GM0363'::text, NULL::bigint, NULL::numeric, 375.000::numeric), ('GM0518', NULL, NULL, 375.000),
           ('GM0599', 0, 0.000, 375.000)$$,
  'a suppressed count has no rate in the public benchmark');
RESET verzuim.minimale_celgrootte;

-- Roles ---------------------------------------------------------------------------------
CREATE ROLE rapport_tap2_amsterdam LOGIN IN ROLE verzuim_analist;
CREATE ROLE rapport_tap2_publiek LOGIN IN ROLE verzuim_publiek;
INSERT INTO verzuim.toegang (rol, gemeentecode) VALUES ('rapport_tap2_amsterdam', 'GM0363');
SET SESSION AUTHORIZATION rapport_tap2_publiek;
SELECT is((SELECT count(*)::int FROM verzuim.publiek_leerplichttelling WHERE schooljaar = '2023-2024'), 4,
          'verzuim_publiek reads the public telling (3 gemeenten and Nederland)');
SELECT is((SELECT count(*)::int FROM verzuim.publiek_benchmark WHERE schooljaar = '2023-2024'), 27,
          '... and the public benchmark');
SELECT throws_ok('SELECT * FROM verzuim.leerplichttelling_mv', '42501', NULL, '... not the stored telling itself');
SELECT throws_ok('SELECT * FROM verzuim.thuiszitters', '42501', NULL, '... nor thuiszitters');
SELECT throws_ok('SELECT * FROM verzuim.benchmark', '42501', NULL, '... nor the unsuppressed benchmark');
SELECT throws_ok('SELECT * FROM verzuim.thuiszitters(''2024-04-15'')', '42501', NULL, '... nor the set-returning functions');
SELECT throws_ok('SET verzuim.minimale_celgrootte = 1', '42501', NULL, '... and it cannot lower the minimum cell size');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION rapport_tap2_amsterdam;
SELECT is((SELECT array_agg(DISTINCT gemeentecode) FROM verzuim.leerplichttelling_opgeslagen), '{GM0363}',
          'an analist reads the stored telling of its own gemeente only');
SELECT is((SELECT count(*)::int FROM verzuim.thuiszitters('2024-04-15')), 1, 'thuiszitters: only its own (2002)');
SELECT is((SELECT count(*)::int FROM verzuim.doorloopsnelheid), 0, 'doorloopsnelheid: none of its pupils is in lrv');
SELECT throws_ok('SELECT verzuim.ververs_rapportage()', '42501', NULL, 'only the owner refreshes the stored views');
RESET SESSION AUTHORIZATION;

SELECT throws_ok('SELECT verzuim.plan_verversing()', '42704', 'pg_cron is not installed in this database',
                 'plan_verversing without pg_cron: 42704 with a hint');

SELECT * FROM finish();
ROLLBACK;
