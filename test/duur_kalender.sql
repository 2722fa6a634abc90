-- pgTAP: a duurverdeling in lesdagen records the school calendar it was counted
-- with (holidays and the settings goede_vrijdag_vrij and bevrijdingsdag_vrij),
-- and samenvoegen refuses to merge summaries of different calendars, as
-- postgresql-hll's check_metadata refuses sketches of different parameters
-- (issue 13, item 4).  Goede Vrijdag is covered in sql/instellingen.sql; here
-- Bevrijdingsdag and a changed holiday.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(6);
SET LOCAL verzuim.vakantieregio = '';
SET LOCAL verzuim.onvolledige_kalender = 'fout';
SET LOCAL verzuim.goede_vrijdag_vrij = off;
SET LOCAL verzuim.bevrijdingsdag_vrij = 'lustrum';

-- Episodes in noord 2023-2024 away from Bevrijdingsdag and the meivakantie
-- (27 April - 5 May 2024): the settings do not change their counts, only the
-- calendar they were counted with.
CREATE TEMP TABLE ep (episode daterange);
INSERT INTO ep VALUES ('[2024-04-08,2024-04-20)'), ('[2024-06-03,2024-06-08)');

SELECT is((SELECT verzuim.aantal(verzuim.samenvoegen(d)) FROM (
             SELECT verzuim.duur_agg(episode, '2024-06-30', 'noord', '{"bevrijdingsdag_vrij": "altijd"}') AS d FROM ep
             UNION ALL
             SELECT verzuim.duur_agg(episode, '2024-06-30', 'noord', '{"bevrijdingsdag_vrij": "altijd"}') FROM ep) s),
          4::bigint, 'summaries of the same calendar merge');
SELECT throws_ok($$SELECT verzuim.samenvoegen(d) FROM (
             SELECT verzuim.duur_agg(episode, '2024-06-30', 'noord', '{"bevrijdingsdag_vrij": "altijd"}') AS d FROM ep
             UNION ALL
             SELECT verzuim.duur_agg(episode, '2024-06-30', 'noord', '{"bevrijdingsdag_vrij": "nooit"}') FROM ep) s$$,
          '22023', 'cannot merge duration summaries counted with different school calendars',
          'Bevrijdingsdag always free and never free: refused, although these episodes count the same');
SELECT ok(a <> b AND regexp_replace(a, ':[0-9a-f]{8}', '') = regexp_replace(b, ':[0-9a-f]{8}', ''),
          'the two summaries differ only in the recorded calendar')
  FROM (SELECT verzuim.duur_agg(episode, '2024-06-30', 'noord', '{"bevrijdingsdag_vrij": "altijd"}')::text AS a,
               verzuim.duur_agg(episode, '2024-06-30', 'noord', '{"bevrijdingsdag_vrij": "nooit"}')::text AS b FROM ep) x;

-- a changed holiday changes the calendar
CREATE TEMP TABLE voor AS SELECT verzuim.duur_agg(episode, '2024-06-30', 'noord') AS d FROM ep;
UPDATE verzuim.vakantie SET periode = '[2024-04-20,2024-04-28]'
 WHERE regio = 'noord' AND schooljaar = '2023-2024' AND soort = 'mei';
CREATE TEMP TABLE na AS SELECT verzuim.duur_agg(episode, '2024-06-30', 'noord') AS d FROM ep;
SELECT is((SELECT regexp_replace(d::text, ':[0-9a-f]{8}', '') FROM voor),
          (SELECT regexp_replace(d::text, ':[0-9a-f]{8}', '') FROM na),
          'the episodes are counted the same before and after the holiday moved');
SELECT throws_ok($$SELECT verzuim.samenvoegen(d) FROM (SELECT d FROM voor UNION ALL SELECT d FROM na) s$$,
          '22023', 'cannot merge duration summaries counted with different school calendars',
          'summaries made before and after a holiday changed: refused');
-- kalenderdagen record no calendar and always merge
SELECT is((SELECT verzuim.aantal(verzuim.samenvoegen(d)) FROM (
             SELECT verzuim.duur_agg(episode, '2024-06-30') AS d FROM ep
             UNION ALL SELECT verzuim.duur_agg(episode, '2024-06-30') FROM ep) s),
          4::bigint, 'summaries in kalenderdagen merge whatever the calendar');

SELECT * FROM finish();
ROLLBACK;
