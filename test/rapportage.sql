BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(52);

-- The leerplichttelling (src/sql/80_rapportage.sql) and row-level security
-- (src/sql/78_toegang.sql) on the fixture test/data/rapportage.sql: eight
-- pupils, each case hand-computed below for schooljaar 2023-2024
-- [2023-08-01, 2024-08-01), norm 3 months (lower + 3 months < end).
--   2001 Amsterdam  not enrolled [2023-10-01, 2023-11-15): absoluut, teruggeleid (45 days)
--   2002 Amsterdam -> Den Haag on 2024-01-01, not enrolled since 2023-12-01:
--        absoluut, > 3 months (1 Dec + 3 m = 1 Mar < 1 Aug), counted in Amsterdam (its day: 1 Dec)
--   2003 Den Haag   not enrolled [2023-05-01, 2023-09-04): absoluut in 2023-2024 too (day: 1 Aug),
--        > 3 months (1 May + 3 m = 1 Aug < 4 Sep), teruggeleid on 4 Sep
--   2004 Den Haag   lrv [2023-06-05, 2023-09-20) + [2023-09-20, 2023-10-10) merged: at 1 September,
--        > 3 months (5 Jun + 3 m = 5 Sep < 10 Oct), teruggeleid (enrolled on 10 Oct);
--        two 16uur meldingen: relatief, herhaald; pv relatief
--   2005 Rotterdam  lrv from 2024-03-04, open: nieuw, > 3 months (4 Jun < 1 Aug), not teruggeleid;
--        luxe melding: relatief and luxe; pv luxe
--   2006 Amsterdam  vrijstelling 5a from 2023-09-01 (no absoluut verzuim)
--   2007 Rotterdam  only a withdrawn 16uur and an overig melding: counted nowhere
--   2008 Amsterdam  two pv absoluut on one day: one pupil
SET LOCAL datestyle = 'ISO, YMD';
SET LOCAL verzuim.onvolledige_kalender = 'fout';
\ir data/rapportage.sql

-- API and documentation ----------------------------------------------------------
SELECT has_view('verzuim', 'leerplichttelling', 'view leerplichttelling exists');
SELECT is((SELECT reloptions FROM pg_class WHERE oid = 'verzuim.leerplichttelling'::regclass),
          '{security_invoker=true}', 'leerplichttelling is security_invoker');
SELECT is((SELECT count(*)::int FROM pg_attribute
            WHERE attrelid = 'verzuim.leerplichttelling'::regclass AND attnum > 0
              AND col_description(attrelid, attnum) IS NULL),
          0, 'every column of leerplichttelling has a COMMENT');
SELECT is((SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
            WHERE attrelid = 'verzuim.leerplichttelling'::regclass AND attnum > 3),
          verzuim.leerplichttelling_velden(), 'the count columns are exactly leerplichttelling_velden()');

-- The telling, hand-computed ------------------------------------------------------
SELECT results_eq(
  $$SELECT gemeentecode, absoluut_verzuim, absoluut_langer_dan_3_maanden, absoluut_teruggeleid,
           lrv_per_1_september, lrv_nieuw, lrv_totaal, lrv_langer_dan_3_maanden, lrv_teruggeleid,
           relatief_verzuim, relatief_herhaald, luxe_verzuim
      FROM verzuim.leerplichttelling WHERE schooljaar = '2023-2024' ORDER BY gemeentecode$$,
  $$VALUES ('GM0363', 2::bigint, 1::bigint, 1::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint),
           ('GM0518', 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0),
           ('GM0599', 0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 1)$$,
  'absoluut, LRV and relatief verzuim per gemeente, 2023-2024');
SELECT results_eq(
  $$SELECT gemeentecode, vrijstelling_3a, vrijstelling_3b, vrijstelling_5a, vrijstelling_5b, vrijstelling_5c,
           vrijstelling_5a_trekkend, vrijstelling_15, pv_absoluut, pv_relatief, pv_luxe
      FROM verzuim.leerplichttelling WHERE schooljaar = '2023-2024' ORDER BY gemeentecode$$,
  $$VALUES ('GM0363', 0::bigint, 0::bigint, 1::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 1::bigint, 0::bigint, 0::bigint),
           ('GM0518', 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
           ('GM0599', 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)$$,
  'vrijstellingen and processen-verbaal per gemeente, 2023-2024');
SELECT is((SELECT array_agg(DISTINCT schooljaar ORDER BY schooljaar) FROM verzuim.leerplichttelling),
          '{2022-2023,2023-2024}', 'the view covers the schooljaren with meldingen or processen-verbaal');
SELECT results_eq(
  $$SELECT gemeentecode, absoluut_verzuim, absoluut_langer_dan_3_maanden, absoluut_teruggeleid, lrv_per_1_september, lrv_nieuw
      FROM verzuim.leerplichttelling WHERE schooljaar = '2022-2023' AND gemeentecode = 'GM0518'$$,
  $$VALUES ('GM0518', 1::bigint, 0::bigint, 0::bigint, 0::bigint, 1::bigint)$$,
  '2022-2023: 2003 out since 1 May (not yet 3 months by 1 Aug, back next year), 2004 lrv new in June');
SELECT results_eq(
  $$SELECT * FROM verzuim.leerplichttelling('2023-2024') WHERE gemeentecode = 'GM0518'$$,
  $$SELECT * FROM verzuim.leerplichttelling WHERE schooljaar = '2023-2024' AND gemeentecode = 'GM0518'$$,
  'the function gives the row of the view');
SELECT is((SELECT count(*)::int FROM verzuim.leerplichttelling('2019-2020')), 3,
          'a schooljaar without data: one row per gemeente, all zero');
SELECT is((SELECT sum(absoluut_verzuim + lrv_totaal + relatief_verzuim + pv_absoluut)::int
             FROM verzuim.leerplichttelling('2019-2020')), 0, '... with zero counts');

-- settings as arguments: norm 6 months (2002: 1 Dec + 6 m = 1 Jun < 1 Aug still counts; 2003, 2004, 2005 no longer)
SELECT results_eq(
  $$SELECT gemeentecode, absoluut_langer_dan_3_maanden, lrv_langer_dan_3_maanden
      FROM verzuim.leerplichttelling('2023-2024', '6 months') ORDER BY gemeentecode$$,
  $$VALUES ('GM0363', 1::bigint, 0::bigint), ('GM0518', 0, 0), ('GM0599', 0, 0)$$,
  'norm as an argument');
SELECT results_eq(
  $$SELECT gemeentecode, absoluut_langer_dan_3_maanden FROM verzuim.leerplichttelling('2023-2024', NULL) ORDER BY 1$$,
  $$VALUES ('GM0363', 1::bigint), ('GM0518', 1::bigint), ('GM0599', 0::bigint)$$,
  'norm NULL: the setting verzuim.norm (3 months)');
SET LOCAL verzuim.norm = '6 months';
SELECT is((SELECT absoluut_langer_dan_3_maanden::int FROM verzuim.leerplichttelling('2023-2024') WHERE gemeentecode = 'GM0518'),
          0, 'SET verzuim.norm = ''6 months'' changes the default');
RESET verzuim.norm;
SELECT throws_ok($$SELECT * FROM verzuim.leerplichttelling('2023-2024', '-1 day')$$, '22023', NULL, 'a negative norm: 22023');
SELECT throws_ok($$SELECT * FROM verzuim.leerplichttelling('2023/2024')$$, '22P02', NULL, 'a malformed schooljaar: 22P02');

-- The pupils behind a number ---------------------------------------------------------
SELECT results_eq($$SELECT leerling_id, peildag FROM verzuim.leerplichttelling_leerlingen('GM0363', '2023-2024', 'absoluut_verzuim')$$,
                  $$VALUES (2001::bigint, '2023-10-01'::date), (2002, '2023-12-01')$$,
                  'the pupils behind absoluut_verzuim of Amsterdam, with the day that counts');
SELECT is((SELECT array_agg(leerling_id) FROM verzuim.leerplichttelling_leerlingen('GM0518', '2023-2024', 'absoluut_verzuim')),
          '{2003}', '2002 moved to Den Haag after the day that counts: not counted there');
SELECT results_eq($$SELECT leerling_id, peildag FROM verzuim.leerplichttelling_leerlingen('GM0518', '2023-2024', 'lrv_per_1_september')$$,
                  $$VALUES (2004::bigint, '2023-09-01'::date)$$, 'lrv per 1 September: 2004');
SELECT is((SELECT array_agg(leerling_id) FROM verzuim.leerplichttelling_leerlingen('GM0363', '2023-2024', 'pv_absoluut')),
          '{2008}', 'two processen-verbaal of one pupil: one pupil');
SELECT is((SELECT count(*)::int FROM verzuim.leerplichttelling_leerlingen('GM0599', '2023-2024', 'relatief_herhaald')),
          0, 'a withdrawn melding does not make 2007 a repeated case');
SELECT throws_ok($$SELECT * FROM verzuim.leerplichttelling_leerlingen('GM0363', '2023-2024', 'absoluut')$$,
                 '22023', 'unknown field of the leerplichttelling', 'an unknown veld: 22023');
-- every count equals the number of pupils behind it, and national sums are unique pupils
SELECT is((SELECT count(*)::int FROM verzuim.leerplichttelling t, unnest(verzuim.leerplichttelling_velden()) v(veld)
            WHERE (to_jsonb(t) ->> v.veld)::bigint
                  <> (SELECT count(*) FROM verzuim.leerplichttelling_leerlingen(t.gemeentecode, t.schooljaar, v.veld))),
          0, 'every number of the view equals the count of leerplichttelling_leerlingen');
SELECT is((SELECT sum(absoluut_verzuim)::int FROM verzuim.leerplichttelling WHERE schooljaar = '2023-2024'),
          (SELECT count(DISTINCT leerling_id)::int FROM verzuim.absoluut_verzuim('2024-07-31')
            WHERE episode && '[2023-08-01,2024-08-01)'::daterange),
          'national absoluut verzuim = unique pupils of absoluut_verzuim() in the schooljaar');
-- absoluut_verzuim_in (what the telling reads): the episodes of absoluut_verzuim
-- that overlap binnen, for schooljaren, periods inside and outside them, a
-- binnen after the peildatum (episodes still open then), unbounded and empty
-- binnen, with and without the administrative gaps
SELECT is((SELECT count(*)::int
             FROM (VALUES ('[2023-08-01,2024-08-01)'::daterange, date '2024-07-31'), ('[2022-08-01,2023-08-01)', '2023-07-31'),
                          ('[2023-08-01,2024-08-01)', '2023-12-15'), ('[2023-10-01,2023-10-02)', '2024-07-31'),
                          ('[2024-03-01,)', '2024-01-15'), ('(,2023-09-01)', '2024-07-31'), ('(,)', '2024-07-31'),
                          ('[2023-11-15,2023-11-16)', '2024-07-31'), ('empty', '2024-07-31')) g(b, p),
                  (VALUES (false), (true)) a(adm),
                  LATERAL (SELECT count(*) AS n FROM (
                    (SELECT * FROM verzuim.absoluut_verzuim(g.p, a.adm) x WHERE x.episode && g.b
                     EXCEPT ALL SELECT * FROM verzuim.absoluut_verzuim_in(g.b, g.p, a.adm))
                    UNION ALL
                    (SELECT * FROM verzuim.absoluut_verzuim_in(g.b, g.p, a.adm)
                     EXCEPT ALL SELECT * FROM verzuim.absoluut_verzuim(g.p, a.adm) x WHERE x.episode && g.b)) d) v
            WHERE v.n > 0),
          0, 'absoluut_verzuim_in(binnen, peildatum) = the episodes of absoluut_verzuim(peildatum) that overlap binnen');
SELECT is((SELECT array_agg(leerling_id ORDER BY leerling_id)
             FROM verzuim.absoluut_verzuim_in('[2023-08-01,2024-08-01)', '2024-07-31')),
          '{2001,2002,2003}'::bigint[], 'absoluut_verzuim_in for 2023-2024: 2001, 2002 and 2003 (whose gap began in May 2023)');

-- Row-level security: log in as each kind of role -----------------------------------
CREATE ROLE rapport_tap_amsterdam LOGIN;
CREATE ROLE rapport_tap_denhaag LOGIN;
CREATE ROLE rapport_tap_swv LOGIN;
CREATE ROLE rapport_tap_landelijk LOGIN;
CREATE ROLE rapport_tap_niemand LOGIN;
CREATE ROLE rapport_tap_publiek LOGIN;
GRANT verzuim_analist TO rapport_tap_amsterdam, rapport_tap_denhaag, rapport_tap_swv, rapport_tap_landelijk, rapport_tap_niemand;
GRANT verzuim_publiek TO rapport_tap_publiek;
INSERT INTO verzuim.toegang (rol, gemeentecode, swv_code) VALUES
  ('rapport_tap_amsterdam', 'GM0363', NULL), ('rapport_tap_denhaag', 'GM0518', NULL),
  ('rapport_tap_swv', NULL, 'VO2801'), ('rapport_tap_landelijk', NULL, NULL);

SET SESSION AUTHORIZATION rapport_tap_amsterdam;
SELECT is((SELECT array_agg(leerling_id ORDER BY leerling_id) FROM verzuim.leerling),
          '{2001,2002,2006,2008}', 'Amsterdam sees the pupils who live or lived there (2002 moved away)');
SELECT is((SELECT count(*)::int FROM verzuim.melding), 0, 'Amsterdam sees no meldingen of other pupils');
SELECT is((SELECT array_agg(DISTINCT leerling_id ORDER BY leerling_id) FROM verzuim.inschrijving),
          '{2001,2002,2006,2008}', 'inschrijving: only its pupils');
SELECT results_eq($$SELECT gemeentecode, absoluut_verzuim, absoluut_langer_dan_3_maanden, vrijstelling_5a, pv_absoluut
                      FROM verzuim.leerplichttelling WHERE schooljaar = '2023-2024'$$,
                  $$VALUES ('GM0363', 2::bigint, 1::bigint, 1::bigint, 1::bigint)$$,
                  'Amsterdam''s leerplichttelling: its own row only, with its numbers');
SELECT is((SELECT array_agg(DISTINCT leerling_id ORDER BY leerling_id) FROM verzuim.absoluut_verzuim('2024-07-31')),
          '{2001,2002}', 'the set-returning function absoluut_verzuim() respects RLS');
SELECT is((SELECT count(*)::int FROM verzuim.leerplichttelling_leerlingen('GM0518', '2023-2024', 'absoluut_verzuim')),
          0, 'leerplichttelling_leerlingen of another gemeente: nothing');
SELECT is((SELECT count(*)::int FROM verzuim.toegang_leerlingen('rapport_tap_denhaag')), 0,
          'nobody can ask for the pupils of another role');
SELECT is(verzuim.toegang_alles('rapport_tap_landelijk'), false, '... nor whether another role sees everything');
SELECT throws_ok($$INSERT INTO verzuim.proces_verbaal (leerling_id, datum, soort) VALUES (2003, '2024-01-01', 'relatief')$$,
                 '42501', NULL, 'Amsterdam cannot write rows of another gemeente''s pupil');
SELECT throws_ok($$SELECT * FROM verzuim.toegang$$, '42501', NULL, 'the mapping table itself is not readable');
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION rapport_tap_denhaag;
SELECT is((SELECT array_agg(leerling_id ORDER BY leerling_id) FROM verzuim.leerling),
          '{2002,2003,2004}', 'Den Haag sees its residents, 2002 since the move included');
SELECT results_eq($$SELECT gemeentecode, absoluut_verzuim, lrv_totaal, relatief_herhaald
                      FROM verzuim.leerplichttelling WHERE schooljaar = '2023-2024' ORDER BY 1$$,
                  $$VALUES ('GM0363', 1::bigint, 0::bigint, 0::bigint), ('GM0518', 1, 1, 1)$$,
                  'Den Haag: its row, and its resident 2002 where he was counted (Amsterdam)');
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION rapport_tap_swv;
SELECT is((SELECT array_agg(leerling_id ORDER BY leerling_id) FROM verzuim.leerling),
          '{2003,2004}', 'the samenwerkingsverband sees the pupils enrolled at its schools');
SELECT is((SELECT array_agg(meldingsnummer ORDER BY meldingsnummer) FROM verzuim.melding),
          '{900001,900002,900003,900004}', '... and their meldingen');
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION rapport_tap_landelijk;
SELECT is((SELECT count(*)::int FROM verzuim.leerling), 8, 'a landelijk grant sees every pupil');
SELECT results_eq($$SELECT * FROM verzuim.leerplichttelling WHERE schooljaar = '2023-2024' ORDER BY gemeentecode$$,
                  $$VALUES ('GM0363'::text, 'Amsterdam'::text, '2023-2024'::text, 2::bigint, 1::bigint, 1::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 1::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 1::bigint, 0::bigint, 0::bigint),
                           ('GM0518', '''s-Gravenhage', '2023-2024', 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
                           ('GM0599', 'Rotterdam', '2023-2024', 0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)$$,
                  '... and the whole national telling');
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION rapport_tap_niemand;
SELECT is((SELECT count(*)::int FROM verzuim.leerling), 0, 'an analist without a grant sees no pupil');
SELECT is((SELECT count(*)::int FROM verzuim.leerplichttelling), 0, '... and no row of the telling');
SELECT is((SELECT count(*)::int FROM verzuim.school), 3, '... but the schools (no pupil data)');
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION rapport_tap_publiek;
SELECT throws_ok($$SELECT * FROM verzuim.leerling$$, '42501', NULL, 'verzuim_publiek cannot read pupil tables');
SELECT throws_ok($$SELECT * FROM verzuim.leerplichttelling$$, '42501', NULL, '... nor the pupil-level reporting views');
SELECT throws_ok($$SELECT * FROM verzuim.leerplichttelling('2023-2024')$$, '42501', NULL, '... nor through the functions');
RESET SESSION AUTHORIZATION;

-- woongemeenten_op: many pupils and days at once ----------------------------------
SELECT set_eq(
  $$SELECT * FROM verzuim.woongemeenten_op('{2002,2002,2005,9999}', '{2023-12-01,2024-02-01,2023-12-01,2023-12-01}')$$,
  $$VALUES (2002::bigint, '2023-12-01'::date, 'GM0363'::text), (2002, '2024-02-01', 'GM0518'),
           (2005, '2023-12-01', 'GM0599'), (9999, '2023-12-01', NULL)$$,
  'woongemeenten_op: 2002 in Amsterdam before the move of 2024-01-01 and in Den Haag after it; an unknown pupil NULL');
SELECT set_eq(
  $$SELECT w.leerling_id, w.dag, w.gemeentecode
      FROM (SELECT array_agg(l.leerling_id) AS ll, array_agg(d) AS dd
              FROM verzuim.leerling l,
                   unnest('{2019-01-01,2023-08-01,2023-12-31,2024-01-01,2024-07-31,2030-01-01}'::date[]) d) a,
           verzuim.woongemeenten_op(a.ll, a.dd) w$$,
  $$SELECT l.leerling_id, d, verzuim.woongemeente_op(l.leerling_id, d)
      FROM verzuim.leerling l,
           unnest('{2019-01-01,2023-08-01,2023-12-31,2024-01-01,2024-07-31,2030-01-01}'::date[]) d$$,
  '... equals woongemeente_op for every pupil on days before, within, at the edges of and after their verblijf periods');
SELECT is((SELECT count(*)::int FROM verzuim.woongemeenten_op('{}', '{}')), 0, '... empty arrays: no rows');
SELECT throws_ok($$SELECT * FROM verzuim.woongemeenten_op('{2001,2002}', '{2024-01-01}')$$, '2202E',
                 'leerling_ids and dagen must have the same number of elements',
                 '... arrays of different lengths: 2202E');

SELECT * FROM finish();
ROLLBACK;
