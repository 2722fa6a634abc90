-- pgTAP: the calendar cache is per role (issue 7, item 4).  The cache of
-- holidays, free days and schools is read with the current role's privileges
-- and row-level security; a cache read as one role is never served to another.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(10);

INSERT INTO verzuim.gemeente VALUES ('GM0363', 'Amsterdam');
INSERT INTO verzuim.school VALUES ('12AB00', 'Zichtbaar', 'GM0363', 'noord', NULL),
                                  ('12AB01', 'Verborgen', 'GM0363', 'noord', NULL);
INSERT INTO verzuim.schoolvrije_dag VALUES ('12AB00', '2023-11-06', 'studiedag');

CREATE ROLE regress_verzuim_rol_a;
CREATE ROLE regress_verzuim_rol_b;
GRANT USAGE ON SCHEMA verzuim TO regress_verzuim_rol_a, regress_verzuim_rol_b;
GRANT SELECT ON verzuim.vakantie, verzuim.schoolvrije_dag, verzuim.school TO regress_verzuim_rol_a;
-- role a does not see the herfstvakantie 2023 of noord, nor school 12AB01
ALTER TABLE verzuim.vakantie ENABLE ROW LEVEL SECURITY;
CREATE POLICY verberg_herfst ON verzuim.vakantie TO regress_verzuim_rol_a
  USING (NOT (regio = 'noord' AND schooljaar = '2023-2024' AND soort = 'herfst'));
ALTER TABLE verzuim.school ENABLE ROW LEVEL SECURITY;
CREATE POLICY verberg_school ON verzuim.school TO regress_verzuim_rol_a USING (brin <> '12AB01');

-- Monday 2023-10-23 lies in the herfstvakantie of noord (21-29 October 2023)
SELECT is(verzuim.is_lesdag('2023-10-23', 'noord'), false,
          'the superuser (who reads every row) sees the herfstvakantie: 2023-10-23 is no school day');
SELECT is(verzuim.is_lesdag('2023-11-06', 'noord', '12AB01'), true,
          'the superuser sees school 12AB01 (2023-11-06 is a school day there)');
SET LOCAL ROLE regress_verzuim_rol_a;
SELECT throws_ok($$SELECT verzuim.is_lesdag('2023-10-23', 'noord')$$, '22023', NULL,
          'role a, which row-level security hides the herfstvakantie from, does not get the cached holiday: it is missing for role a');
SET LOCAL verzuim.onvolledige_kalender = 'waarschuwing';
SET LOCAL client_min_messages = error;
SELECT is(verzuim.is_lesdag('2023-10-23', 'noord'), true,
          'role a, unknown holidays counted as school days: 2023-10-23 is a school day');
SELECT is(verzuim.lesdagen('[2023-10-16,2023-11-06)', 'noord'), 15,
          'role a: 15 school days in three weeks without the hidden holiday');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2023-11-06', 'noord', '12AB01')$$, '23503', NULL,
          'role a: the hidden school is unknown, although the superuser''s cache held it');
SELECT is(verzuim.is_lesdag('2023-11-06', 'noord', '12AB00'), false,
          'role a: the free day of a visible school counts');
RESET ROLE;
SET LOCAL verzuim.onvolledige_kalender = 'fout';
SELECT is(verzuim.lesdagen('[2023-10-16,2023-11-06)', 'noord'), 10,
          'back as the superuser: 10 school days (the herfstvakantie counts again)');
SET LOCAL ROLE regress_verzuim_rol_b;
SELECT throws_ok($$SELECT verzuim.is_lesdag('2023-10-23', 'noord')$$, '42501', NULL,
          'role b, without SELECT on the calendar tables, gets 42501 instead of the cached calendar');
RESET ROLE;
SELECT is(verzuim.is_lesdag('2023-10-23', 'noord'), false, 'the superuser again: holiday');

SELECT * FROM finish();
ROLLBACK;
