-- Registration tables: users own their data.  Registration for pg_dump, the
-- protection against DROP EXTENSION (the view verzuim.registratie_omvang), and
-- the constraints.  Everything that writes is rolled back.
\set SHOW_CONTEXT never
\set ON_ERROR_ROLLBACK on
SET DateStyle = 'ISO, YMD';

-- 1. Every table with user data is dumped by pg_dump (with its filter) and guarded
SELECT c.tabel::regclass AS tabel, k.relkind, c.voorwaarde,
       EXISTS (SELECT 1 FROM pg_trigger t
                WHERE t.tgrelid = c.tabel AND t.tgname = 'registratie_bewaakt' AND t.tgenabled = 'O') AS bewaakt
FROM pg_extension e, unnest(e.extconfig, e.extcondition) WITH ORDINALITY AS c(tabel, voorwaarde, nr), pg_class k
WHERE e.extname = 'verzuim' AND k.oid = c.tabel
ORDER BY c.nr;
-- the sequences of the generated ids belong to their tables
SELECT s.seqrelid::regclass AS reeks, d.refobjid::regclass AS tabel
FROM pg_sequence s JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid AND d.deptype = 'i'
JOIN pg_namespace n ON n.oid = (SELECT relnamespace FROM pg_class WHERE oid = s.seqrelid)
WHERE n.nspname = 'verzuim' ORDER BY 1::text;
-- the trigger function (only looks whether the view exists; nobody may attach it
-- elsewhere) and the SECURITY DEFINER function with a safe search_path that creates it
SELECT p.oid::regprocedure AS functie, p.prosecdef, p.proconfig,
       has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute
FROM pg_proc p
WHERE p.oid IN ('verzuim.registratie_bewaken()'::regprocedure, 'verzuim.registratie_omvang_maken(regclass)'::regprocedure)
ORDER BY 1::text;

-- 2. Without data, DROP EXTENSION drops cleanly --------------------------------
BEGIN;
SELECT to_regclass('verzuim.registratie_omvang') AS omvang;
-- an INSERT of no rows is no data
INSERT INTO verzuim.gemeente SELECT 'GM0001', 'Nergens' WHERE false;
SELECT to_regclass('verzuim.registratie_omvang') AS omvang;
DROP EXTENSION verzuim;
SELECT count(*) AS verzuim FROM pg_extension WHERE extname = 'verzuim';
SELECT to_regclass('verzuim.gemeente') AS gemeente;
ROLLBACK;

-- 3. With data, DROP EXTENSION fails and the data stays; only CASCADE drops it ---
BEGIN;
INSERT INTO verzuim.gemeente VALUES ('GM0363', 'Amsterdam'), ('GM0518', '''s-Gravenhage');
SELECT c.oid::regclass AS view, c.relkind, c.reloptions,
       obj_description(c.oid, 'pg_class') IS NOT NULL AS commented,
       EXISTS (SELECT 1 FROM pg_depend d
                WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e') AS extension_member,
       c.relowner = (SELECT extowner FROM pg_extension WHERE extname = 'verzuim') AS owned_by_extension_owner
FROM pg_class c WHERE c.oid = 'verzuim.registratie_omvang'::regclass;
SELECT * FROM verzuim.registratie_omvang WHERE eigen_rijen > 0 OR tabel IN ('gemeente', 'afwezigheid');
\set VERBOSITY terse
DROP EXTENSION verzuim;
\set VERBOSITY default
SELECT * FROM verzuim.gemeente ORDER BY gemeentecode;
-- deleting the data does not drop the view: the extension stays protected until you drop it
DELETE FROM verzuim.gemeente;
\set VERBOSITY terse
DROP EXTENSION verzuim;
\set VERBOSITY default
INSERT INTO verzuim.gemeente VALUES ('GM0363', 'Amsterdam');
DROP EXTENSION verzuim CASCADE;
SELECT to_regclass('verzuim.gemeente') AS gemeente, count(*) AS verzuim
FROM pg_extension WHERE extname = 'verzuim';
ROLLBACK;

-- 4. Holidays: shipped rows are not user data; changing or deleting one makes user data
BEGIN;
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode)
SELECT regio, schooljaar, soort, periode FROM verzuim.vakantie WHERE false;
UPDATE verzuim.vakantie SET bron = bron WHERE false;
SELECT to_regclass('verzuim.registratie_omvang') AS omvang;
DELETE FROM verzuim.vakantie WHERE regio = 'noord' AND schooljaar = '2023-2024' AND soort = 'herfst';
SELECT to_regclass('verzuim.registratie_omvang') AS omvang;
SELECT tabel, eigen_rijen, rijen > eigen_rijen AS ook_geleverde_rijen
FROM verzuim.registratie_omvang WHERE tabel = 'vakantie';
ROLLBACK;
BEGIN;
UPDATE verzuim.vakantie SET bron = 'checked with the school'
WHERE regio = 'zuid' AND schooljaar = '2023-2024' AND soort = 'kerst';
SELECT tabel, eigen_rijen FROM verzuim.registratie_omvang WHERE tabel = 'vakantie';
ROLLBACK;

-- 5. Misuse: attached by a superuser to another table, or as a row trigger, it
--    refuses to run; a direct call for another table is refused too
BEGIN;
CREATE TEMP TABLE eigen (a int);
CREATE TRIGGER eigen_bewaakt AFTER INSERT ON pg_temp.eigen FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
INSERT INTO pg_temp.eigen VALUES (1);
CREATE TRIGGER eigen_rij AFTER INSERT ON verzuim.samenwerkingsverband FOR EACH ROW EXECUTE FUNCTION verzuim.registratie_bewaken();
INSERT INTO verzuim.samenwerkingsverband VALUES ('PO2701', 'SWV Amsterdam');
SELECT verzuim.registratie_omvang_maken('pg_class');
SELECT verzuim.registratie_omvang_maken('verzuim.gemeente') AS gemaakt;  -- no data: no view
ROLLBACK;

-- 6. A loader role without CREATE on the schema: the view is still created, owned
--    by the extension owner; the role cannot attach the trigger function elsewhere
BEGIN;
CREATE ROLE regress_verzuim_lader;
GRANT USAGE ON SCHEMA verzuim TO regress_verzuim_lader;
GRANT SELECT, INSERT ON verzuim.gemeente TO regress_verzuim_lader;
SET ROLE regress_verzuim_lader;
INSERT INTO verzuim.gemeente VALUES ('GM0363', 'Amsterdam');
CREATE TEMP TABLE eigen (a int);
CREATE TRIGGER eigen_bewaakt AFTER INSERT ON eigen FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
-- reading the view needs SELECT on it (and it counts what the reader may see)
SELECT * FROM verzuim.registratie_omvang;
-- the function behind the trigger is not for PUBLIC: it would say whether a
-- table the role cannot read holds data
SELECT verzuim.registratie_omvang_maken('verzuim.leerling');
RESET ROLE;
SELECT c.relowner = (SELECT extowner FROM pg_extension WHERE extname = 'verzuim') AS owned_by_extension_owner
FROM pg_class c WHERE c.oid = 'verzuim.registratie_omvang'::regclass;
SELECT verzuim.registratie_omvang_maken('verzuim.gemeente') AS gemaakt;  -- exists already
ROLLBACK;

-- 7. Constraints (the error messages of PostgreSQL itself; the CSV loader reports
--    the same problems per line without values, see sql/loader.sql)
BEGIN;
INSERT INTO verzuim.gemeente VALUES ('GM0363', 'Amsterdam');
INSERT INTO verzuim.gemeente VALUES ('0363', 'Amsterdam');
INSERT INTO verzuim.samenwerkingsverband VALUES ('PO27-01', 'SWV');
INSERT INTO verzuim.school VALUES ('12AB00', 'De Regenboog', 'GM0363', 'noord', NULL);
INSERT INTO verzuim.school VALUES ('12AB01', 'De Zon', 'GM0363', 'oost', NULL);
INSERT INTO verzuim.school VALUES ('12AB02', 'De Maan', 'GM9999', 'noord', NULL);
INSERT INTO verzuim.leerling VALUES (1, '2012-03-14', 'GM0363', NULL, NULL);
INSERT INTO verzuim.leerling VALUES (2, '2012-03-14', 'GM0363', '2012-03-14', NULL);
-- periods: no overlap per pupil and school; finite start, not empty, open end = NULL upper bound
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES (1, '12AB00', '[2016-08-01,2020-08-01)', 'po');
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES (1, '12AB00', '[2020-08-01,)', 'po');
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES (1, '12AB00', '[2019-08-01,2019-09-01)', 'po');
-- (terse: the failing row would show the generated id, which depends on earlier tests)
\set VERBOSITY terse
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES (1, '12AB00', '(,2010-01-01)', 'po');
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES (1, '12AB00', '[2010-01-01,infinity)', 'po');
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES (1, '12AB00', 'empty', 'po');
\set VERBOSITY default
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES (1, '12AB00', '[2010-01-01,2011-01-01)', 'basis');
INSERT INTO verzuim.verblijf VALUES (1, 'GM0363', '[2012-03-14,)'), (1, 'GM0363', '[2020-01-01,2021-01-01)');
INSERT INTO verzuim.vrijstelling (leerling_id, artikel, periode) VALUES (1, '5a', '[2020-01-01,)'), (1, '5a', '[2021-01-01,2022-01-01)');
INSERT INTO verzuim.vrijstelling (leerling_id, artikel, periode) VALUES (1, '5a', '[2020-01-01,)'), (1, '5b', '[2021-01-01,2022-01-01)');
-- hours: more than 0, at most a school day (10), at most 2 decimals (rounded by the type)
INSERT INTO verzuim.afwezigheid VALUES (1, '12AB00', '2023-09-04', 'ziek', 0);
INSERT INTO verzuim.afwezigheid VALUES (1, '12AB00', '2023-09-04', 'ziek', 10.01);
INSERT INTO verzuim.afwezigheid VALUES (1, '12AB00', '2023-09-04', 'ziek', 10);
INSERT INTO verzuim.afwezigheid VALUES (1, '12AB00', '2023-09-04', 'ziek', 2);
INSERT INTO verzuim.afwezigheid VALUES (1, '12AB00', '2023-09-05', 'ziek', 'infinity');
INSERT INTO verzuim.afwezigheid VALUES (1, '12AB00', 'infinity', 'ziek', 1);
-- melding: closed exactly when afgesloten_op is given; MAS route 1-4
INSERT INTO verzuim.melding (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op, spoed, status, afgesloten_op)
VALUES (1, 1, '12AB00', '16uur', '[2023-09-04,2023-09-29]', '2023-10-02 09:00+02', true, 'afgesloten', NULL);
INSERT INTO verzuim.melding (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op, mas_route)
VALUES (1, 1, '12AB00', '16uur', '[2023-09-04,2023-09-29]', '2023-10-02 09:00+02', 5);
INSERT INTO verzuim.melding (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op)
VALUES (1, 1, '12AB00', 'lrv', '[2023-09-04,)', '2023-10-02 09:00+02')
RETURNING meldingsnummer, verzuim_periode, spoed, status, afgesloten_op, mas_route;
INSERT INTO verzuim.proces_verbaal (leerling_id, datum, soort) VALUES (1, '2024-01-10', 'relatief'), (1, '2024-01-10', 'relatief')
RETURNING soort;
SELECT * FROM verzuim.registratie_omvang WHERE eigen_rijen > 0;
-- deleting a pupil deletes its registrations
DELETE FROM verzuim.leerling WHERE leerling_id = 1;
SELECT * FROM verzuim.registratie_omvang WHERE eigen_rijen > 0;
ROLLBACK;
