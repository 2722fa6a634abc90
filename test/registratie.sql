-- pgTAP: registration tables, their SQLSTATEs, and the protection of user data
-- against DROP EXTENSION (view verzuim.registratie_omvang).
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(49);

-- 1. Registration for pg_dump and the guard trigger --------------------------
SELECT is(
  (SELECT array_agg(c.tabel::regclass::text ORDER BY c.tabel::regclass::text)
     FROM pg_extension e, unnest(e.extconfig) AS c(tabel), pg_class k
    WHERE e.extname = 'verzuim' AND k.oid = c.tabel AND k.relkind = 'r'
      AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.tabel AND t.tgname = 'registratie_bewaakt')),
  NULL, 'every table with user data has the trigger registratie_bewaakt');
SELECT ok(
  (SELECT array_agg(x ORDER BY x) FROM unnest(ARRAY['verzuim.gemeente', 'verzuim.samenwerkingsverband', 'verzuim.school',
          'verzuim.leerling', 'verzuim.verblijf', 'verzuim.inschrijving', 'verzuim.afwezigheid', 'verzuim.vrijstelling',
          'verzuim.melding', 'verzuim.proces_verbaal', 'verzuim.inschrijving_inschrijving_id_seq',
          'verzuim.vrijstelling_vrijstelling_id_seq', 'verzuim.proces_verbaal_pv_id_seq']) x)
  <@ (SELECT array_agg(c.tabel::regclass::text) FROM pg_extension e, unnest(e.extconfig) AS c(tabel)
       WHERE e.extname = 'verzuim'),
  'the registration tables and the sequences of their generated ids are dumped by pg_dump');
SELECT is((SELECT prosecdef FROM pg_proc WHERE oid = 'verzuim.registratie_omvang_maken(regclass)'::regprocedure), true,
          'registratie_omvang_maken is SECURITY DEFINER');
SELECT is((SELECT proconfig FROM pg_proc WHERE oid = 'verzuim.registratie_omvang_maken(regclass)'::regprocedure),
          ARRAY['search_path=pg_catalog, pg_temp'], 'registratie_omvang_maken has a safe search_path');
SELECT is(has_function_privilege('public', 'verzuim.registratie_bewaken()', 'EXECUTE'), false,
          'PUBLIC may not attach registratie_bewaken to its own tables');

-- 2. DROP EXTENSION without data drops cleanly --------------------------------
SELECT hasnt_view('verzuim', 'registratie_omvang', 'no view while there is no data');
SELECT throws_ok(
  $q$DO $d$ BEGIN
      DROP EXTENSION verzuim;
      RAISE EXCEPTION 'verzuim dropped' USING ERRCODE = 'P0001';
    END $d$$q$,
  'P0001', 'verzuim dropped', 'without data DROP EXTENSION verzuim succeeds (the sentinel error undoes it)');
SELECT lives_ok($$INSERT INTO verzuim.gemeente SELECT 'GM0001', 'x' WHERE false$$, 'an INSERT of no rows');
SELECT hasnt_view('verzuim', 'registratie_omvang', 'an INSERT of no rows is no data');

-- Misuse of the trigger function (before any data: with the view in place it only looks)
CREATE TEMP TABLE eigen (a int);
CREATE TRIGGER eigen_bewaakt AFTER INSERT ON pg_temp.eigen FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
SELECT throws_ok('INSERT INTO pg_temp.eigen VALUES (1)', '42809', NULL, 'on another table the trigger function refuses to run');
CREATE TRIGGER rij_bewaakt AFTER INSERT ON verzuim.samenwerkingsverband FOR EACH ROW EXECUTE FUNCTION verzuim.registratie_bewaken();
SELECT throws_ok($$INSERT INTO verzuim.samenwerkingsverband VALUES ('PO2701', 'SWV')$$, '39P01', NULL,
                 'as a row trigger it refuses to run');
DROP TRIGGER rij_bewaakt ON verzuim.samenwerkingsverband;
SELECT throws_ok($$SELECT verzuim.registratie_omvang_maken('pg_class')$$, '42809', NULL,
                 'registratie_omvang_maken acts only for registration tables');
CREATE ROLE regress_verzuim_tap_lader;
GRANT USAGE ON SCHEMA verzuim TO regress_verzuim_tap_lader;
GRANT CREATE, USAGE ON SCHEMA public TO regress_verzuim_tap_lader;
SET ROLE regress_verzuim_tap_lader;
CREATE TABLE public.regress_eigen (a int);
SELECT throws_ok('CREATE TRIGGER t AFTER INSERT ON public.regress_eigen FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken()',
                 '42501', NULL, 'a role without EXECUTE cannot attach the trigger function');
RESET ROLE;

-- 3. With data DROP EXTENSION fails with 2BP01 --------------------------------
SELECT lives_ok($$INSERT INTO verzuim.gemeente VALUES ('GM0363', 'Amsterdam'), ('GM0518', '''s-Gravenhage')$$,
                'the first rows arrive');
SELECT has_view('verzuim', 'registratie_omvang', 'the first rows create verzuim.registratie_omvang');
SELECT is((SELECT count(*)::int FROM pg_depend
            WHERE classid = 'pg_class'::regclass AND objid = 'verzuim.registratie_omvang'::regclass AND deptype = 'e'),
          0, 'the view is not a member of the extension');
SELECT isnt(obj_description('verzuim.registratie_omvang'::regclass, 'pg_class'), NULL, 'the view has a comment');
SELECT throws_ok('DROP EXTENSION verzuim', '2BP01', 'cannot drop extension verzuim because other objects depend on it',
                 'with data DROP EXTENSION verzuim fails');
SELECT is((SELECT count(*)::int FROM verzuim.gemeente), 2, 'the data is intact after the failed DROP EXTENSION');
SELECT results_eq($$SELECT tabel, rijen, eigen_rijen FROM verzuim.registratie_omvang WHERE tabel IN ('gemeente', 'school')$$,
                  $$VALUES ('gemeente', 2::bigint, 2::bigint), ('school', 0, 0)$$, 'registratie_omvang counts the rows');
SELECT throws_ok(
  $q$DO $d$ BEGIN
      DROP EXTENSION verzuim CASCADE;
      IF to_regclass('verzuim.gemeente') IS NULL THEN
        RAISE EXCEPTION 'verzuim and its data dropped' USING ERRCODE = 'P0001';
      END IF;
    END $d$$q$,
  'P0001', 'verzuim and its data dropped', 'DROP EXTENSION verzuim CASCADE drops the data, explicitly');
SELECT is((SELECT count(*)::int FROM verzuim.gemeente), 2, 'and the sentinel error brought it back');

-- 5. Constraints and their SQLSTATEs ---------------------------------------------
SELECT throws_ok($$INSERT INTO verzuim.gemeente VALUES ('0363', 'X')$$, '23514', NULL, 'gemeentecode pattern');
SELECT throws_ok($$INSERT INTO verzuim.gemeente VALUES ('GM0001', '')$$, '23514', NULL, 'empty naam');
SELECT throws_ok($$INSERT INTO verzuim.gemeente VALUES ('GM0363', 'Amsterdam')$$, '23505', NULL, 'duplicate gemeentecode');
SELECT throws_ok($$INSERT INTO verzuim.samenwerkingsverband VALUES ('PO27-01', 'SWV')$$, '23514', NULL, 'swv_code pattern');
SELECT lives_ok($$INSERT INTO verzuim.school VALUES ('12AB00', 'De Regenboog', 'GM0363', 'noord', NULL)$$, 'a school');
SELECT throws_ok($$INSERT INTO verzuim.school VALUES ('12ab01', 'X', 'GM0363', 'noord', NULL)$$, '23514', NULL, 'brin pattern');
SELECT throws_ok($$INSERT INTO verzuim.school VALUES ('12AB01', 'X', 'GM0363', 'oost', NULL)$$, '23514', NULL, 'vakantieregio domain');
SELECT throws_ok($$INSERT INTO verzuim.school VALUES ('12AB01', 'X', 'GM9999', 'noord', NULL)$$, '23503', NULL, 'unknown gemeente');
SELECT throws_ok($$INSERT INTO verzuim.school VALUES ('12AB01', 'X', 'GM0363', 'noord', 'PO9999')$$, '23503', NULL, 'unknown samenwerkingsverband');
SELECT lives_ok($$INSERT INTO verzuim.leerling VALUES (1, '2012-03-14', 'GM0363', NULL, '2016-04-01')$$, 'a pupil');
SELECT throws_ok($$INSERT INTO verzuim.leerling VALUES (2, '2012-03-14', 'GM0363', '2011-01-01', NULL)$$, '23514', NULL,
                 'startkwalificatie before birth');
SELECT throws_ok($$INSERT INTO verzuim.leerling VALUES (2, '1900-01-01', 'GM0363', NULL, NULL)$$, '23514', NULL, 'birth date too early');
SELECT lives_ok($$INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort)
                  VALUES (1, '12AB00', '[2016-04-01,2020-08-01)', 'po'), (1, '12AB00', '[2020-08-01,)', 'po')$$,
                'adjacent enrolments do not overlap');
SELECT throws_ok($$INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort)
                   VALUES (1, '12AB00', '[2019-01-01,2019-02-01)', 'po')$$, '23P01', NULL, 'overlapping enrolment');
SELECT throws_ok($$INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort)
                   VALUES (1, '12AB00', '(,2010-01-01)', 'po')$$, '23514', NULL, 'enrolment without a first day');
SELECT throws_ok($$INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort)
                   VALUES (1, '12AB00', '[2010-01-01,infinity)', 'po')$$, '23514', NULL, 'open end written as infinity');
SELECT throws_ok($$INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort)
                   VALUES (1, '12AB00', '[2010-01-01,2011-01-01)', 'basis')$$, '22P02', NULL, 'unknown onderwijssoort');
SELECT throws_ok($$INSERT INTO verzuim.verblijf VALUES (1, 'GM0363', '[2012-03-14,)'), (1, 'GM0518', '[2020-01-01,2021-01-01)')$$,
                 '23P01', NULL, 'overlapping residence');
SELECT throws_ok($$INSERT INTO verzuim.vrijstelling (leerling_id, artikel, periode)
                   VALUES (1, '5a', '[2020-01-01,)'), (1, '5a', '[2021-01-01,2022-01-01)')$$, '23P01', NULL, 'overlapping vrijstelling');
SELECT throws_ok($$INSERT INTO verzuim.afwezigheid VALUES (1, '12AB00', '2023-09-04', 'ziek', 0)$$, '23514', NULL, 'zero hours');
SELECT throws_ok($$INSERT INTO verzuim.afwezigheid VALUES (1, '12AB00', '2023-09-04', 'ziek', -1)$$, '23514', NULL, 'negative hours');
SELECT throws_ok($$INSERT INTO verzuim.afwezigheid VALUES (1, '12AB00', '2023-09-04', 'ziek', 10.01)$$, '23514', NULL, 'more than a school day');
SELECT throws_ok($$INSERT INTO verzuim.afwezigheid VALUES (1, '12AB00', '2023-09-04', 'ziek', 100)$$, '22003', NULL, 'hours beyond numeric(4,2)');
SELECT throws_ok($$INSERT INTO verzuim.afwezigheid VALUES (1, '12AB00', '2023-09-04', 'ziek', 2), (1, '12AB00', '2023-09-04', 'ziek', 3)$$,
                 '23505', NULL, 'two absences with one key');
SELECT throws_ok($$INSERT INTO verzuim.melding (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op, status)
                   VALUES (1, 1, '12AB00', '16uur', '[2023-09-04,2023-09-29]', '2023-10-02 09:00+02', 'afgesloten')$$,
                 '23514', NULL, 'a closed melding needs afgesloten_op');
SELECT throws_ok($$INSERT INTO verzuim.melding (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op, mas_route)
                   VALUES (1, 1, '12AB00', '16uur', '[2023-09-04,2023-09-29]', '2023-10-02 09:00+02', 5)$$,
                 '23514', NULL, 'MAS route 1-4');
SELECT throws_ok($$INSERT INTO verzuim.proces_verbaal (leerling_id, datum, soort) VALUES (2, '2024-01-10', 'relatief')$$,
                 '23503', NULL, 'proces-verbaal of an unknown pupil');

SELECT * FROM finish();
ROLLBACK;
