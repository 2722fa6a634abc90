-- Population answers and the calendar (issue 8, items 4 and 6):
-- absoluut_verzuim returns every row it can and marks the rows whose bounds
-- rest on missing holiday data (onzeker_door, one WARNING with the count),
-- while the row-level functions keep raising; gemeente.vakantieregio decides
-- the start of leerplicht of a pupil without a school.  Hand-computed cases.
\set ON_ERROR_ROLLBACK on
\set SHOW_CONTEXT never
SET datestyle = 'ISO, YMD';
SET verzuim.onvolledige_kalender = 'fout';
SET verzuim.vakantieregio = '';
BEGIN;
INSERT INTO verzuim.gemeente (gemeentecode, naam, vakantieregio) VALUES
  ('GM0014', 'Groningen', 'noord'), ('GM0935', 'Maastricht', 'zuid'), ('GM0344', 'Utrecht', 'midden'),
  ('GM9998', 'Zonder regio', NULL);
INSERT INTO verzuim.samenwerkingsverband (swv_code, naam) VALUES ('PO0001', 'SWV');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio, swv_code) VALUES ('11AA00', 'School', 'GM0014', 'noord', 'PO0001');

-- The noord summer 2024: born 10 July 2019, five on 10 July 2024, leerplicht
-- starts on the first school day of August 2024.  Summer 2024: zuid 6 Jul -
-- 18 Aug, midden 13 Jul - 25 Aug, noord 20 Jul - 1 Sep: in noord August has no
-- school day, so the first school day after it, Monday 2 September.
SELECT r, verzuim.leerplicht_periode('2019-07-10', NULL, r) FROM unnest('{noord,midden,zuid}'::text[]) r;
SELECT verzuim.leerplicht_periode('2019-07-10') AS zonder_regio;   -- earliest region: Monday 19 August
INSERT INTO verzuim.leerling (leerling_id, geboortedatum, woongemeente) VALUES
  (101, '2019-07-10', 'GM0014'),   -- noord: starts 2 Sep, enrolled 2 Sep: no absoluut verzuim
  (102, '2019-07-10', 'GM9998'),   -- region unknown: the earliest start, 19 Aug
  (103, '2019-07-10', 'GM0935'),   -- zuid: 19 Aug
  (104, '2019-07-10', 'GM0344');   -- midden: 26 Aug
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES
  (101, '11AA00', '[2024-09-02,)', 'po'), (102, '11AA00', '[2024-09-02,)', 'po'),
  (103, '11AA00', '[2024-09-02,)', 'po'), (104, '11AA00', '[2024-09-02,)', 'po');
SELECT * FROM verzuim.absoluut_verzuim('2024-10-01') ORDER BY leerling_id;
-- the setting verzuim.vakantieregio is the fallback for a gemeente without one
SET verzuim.vakantieregio = 'noord';
SELECT * FROM verzuim.absoluut_verzuim('2024-10-01') ORDER BY leerling_id;
RESET verzuim.vakantieregio;
ROLLBACK;

-- Missing holiday data in a population ----------------------------------------------
BEGIN;
INSERT INTO verzuim.gemeente (gemeentecode, naam, vakantieregio) VALUES
  ('GM0014', 'Groningen', 'noord'), ('GM0935', 'Maastricht', 'zuid'), ('GM9998', 'Zonder regio', NULL);
INSERT INTO verzuim.samenwerkingsverband (swv_code, naam) VALUES ('PO0001', 'SWV');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio, swv_code) VALUES ('11AA00', 'School', 'GM0014', 'noord', 'PO0001');
-- No holiday data is shipped for 2028-2029: in noord, Tuesday 2 January 2029
-- lies in the window of the missing kerstvakantie (1 January is a public
-- holiday, certain).
INSERT INTO verzuim.leerling (leerling_id, geboortedatum, woongemeente, eerste_inschrijving) VALUES
  (201, '2023-12-15', 'GM0014', NULL),        -- noord, start month January 2029: Tuesday 2 Jan uncertain
  (202, '2018-09-15', 'GM0935', NULL),        -- zuid, start month October 2023 (herfst 14-22 Oct known): Monday 2 Oct, certain
  (203, '2012-03-14', 'GM0014', '2016-04-01'),-- left school 1 Dec 2023: the start of leerplicht plays no part
  (301, '2010-09-15', 'GM9998', NULL);        -- born 2010, start month October 2015, no data for 2015-2016
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES
  (201, '11AA00', '[2029-01-15,)', 'po'), (202, '11AA00', '[2023-11-06,)', 'po'),
  (203, '11AA00', '[2016-04-01,2023-12-01)', 'po'), (301, '11AA00', '[2015-11-02,2024-08-01)', 'po');
-- row-level functions keep raising
SELECT verzuim.leerplicht_periode('2023-12-15', NULL, 'noord');
SELECT verzuim.leerplicht_periode('2010-09-15');
-- the population answer: every row, the uncertain ones marked, one WARNING
SELECT * FROM verzuim.absoluut_verzuim('2029-01-31') ORDER BY leerling_id;
-- the same under onvolledige_kalender = waarschuwing (the setting does not apply here)
SET verzuim.onvolledige_kalender = 'waarschuwing';
SELECT count(*), count(onzeker_door) FROM verzuim.absoluut_verzuim('2029-01-31');
RESET verzuim.onvolledige_kalender;
-- plicht_grenzen: the bounds and what they rest on
SELECT * FROM verzuim.plicht_grenzen('2023-12-15', NULL, NULL, 'noord');
SELECT * FROM verzuim.plicht_grenzen('2018-09-15', NULL, NULL, 'zuid');
SELECT * FROM verzuim.plicht_grenzen('2010-09-15', '2027-06-30', NULL, NULL);
SELECT * FROM verzuim.plicht_grenzen(NULL, NULL, NULL, NULL);
ROLLBACK;
