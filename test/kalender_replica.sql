-- pgTAP: the calendar cache is invalidated also where ordinary triggers do not
-- fire: logical-replication apply and session_replication_role = replica
-- (issue 13, item 4).  The invalidation triggers are ENABLE ALWAYS; without
-- that, a subscriber (or a session restoring data as replica) keeps answering
-- from the calendar it had before the change.
-- Shipped data used: herfstvakantie noord 2024-2025 = [2024-10-26, 2024-11-03].
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(10);

SET LOCAL verzuim.vakantieregio = '';
SET LOCAL verzuim.onvolledige_kalender = 'fout';

SELECT is((SELECT string_agg(c.relname || '.' || t.tgname || '=' || t.tgenabled::text, ', ' ORDER BY c.relname)
             FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE t.tgname = 'kalender_gewijzigd' AND c.relnamespace = 'verzuim'::regnamespace),
          'school.kalender_gewijzigd=A, schoolvrije_dag.kalender_gewijzigd=A, vakantie.kalender_gewijzigd=A',
          'the three calendar invalidation triggers are ENABLE ALWAYS');

-- fill the cache first
SELECT is(verzuim.is_lesdag('2024-10-28', 'noord'), false, 'Monday 28 October 2024: herfstvakantie noord');
SELECT is(verzuim.is_lesdag('2024-11-04', 'noord'), true, 'Monday 4 November 2024: a lesdag in noord');

SET LOCAL session_replication_role = replica;
-- as a subscriber applies it: the holiday moved one week later
UPDATE verzuim.vakantie SET periode = '[2024-11-02,2024-11-10]'
 WHERE regio = 'noord' AND schooljaar = '2024-2025' AND soort = 'herfst';
SELECT is(verzuim.is_lesdag('2024-10-28', 'noord'), true,
          'replica role: after moving the holiday, 28 October 2024 is a lesdag');
SELECT is(verzuim.is_lesdag('2024-11-04', 'noord'), false,
          'replica role: after moving the holiday, 4 November 2024 is not');
-- 21 October - 1 November 2024: two school weeks now (one before the move)
SELECT is(verzuim.lesdagen('[2024-10-21,2024-11-02)'::daterange, 'noord'), 10,
          'replica role: 21 October - 1 November 2024 has 10 lesdagen after the move');

-- a school and a studiedag, added as replica
INSERT INTO verzuim.gemeente (gemeentecode, naam) VALUES ('GM9901', 'Replicadorp');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES ('99RE00', 'De Replica', 'GM9901', 'noord');
SELECT is(verzuim.is_lesdag('2024-11-12', NULL, '99RE00'), true, 'replica role: the new school has Tuesday 12 November 2024 as lesdag');
INSERT INTO verzuim.schoolvrije_dag (brin, datum, omschrijving) VALUES ('99RE00', '2024-11-12', 'studiedag');
SELECT is(verzuim.is_lesdag('2024-11-12', NULL, '99RE00'), false, 'replica role: its new studiedag is not');
UPDATE verzuim.school SET vakantieregio = 'zuid' WHERE brin = '99RE00';
-- herfstvakantie zuid 2024-2025 = [2024-10-19, 2024-10-27]
SELECT is(verzuim.is_lesdag('2024-10-21', NULL, '99RE00'), false,
          'replica role: after moving the school to zuid, 21 October 2024 is in its herfstvakantie');
SELECT is(verzuim.is_lesdag('2024-10-28', NULL, '99RE00'), true,
          'replica role: ... and 28 October 2024 is a lesdag');

SELECT * FROM finish();
ROLLBACK;
