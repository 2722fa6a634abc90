-- pgTAP: the school calendar (schooljaar, Easter, public holidays, is_lesdag,
-- lesdagen, per-school free days, settings, errors with SQLSTATE, user edits of
-- verzuim.vakantie).  Expected values are hand-checked against DOMAIN.md §11
-- and the weekday of each date; see also sql/kalender.sql (independent oracles).
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(134);

SET LOCAL verzuim.vakantieregio = '';
SET LOCAL verzuim.onvolledige_kalender = 'fout';
SET LOCAL verzuim.goede_vrijdag_vrij = off;
SET LOCAL verzuim.bevrijdingsdag_vrij = 'lustrum';

-- schooljaar / schooljaar_periode ---------------------------------------------
SELECT is(verzuim.schooljaar('2024-07-31'), '2023-2024', 'schooljaar: 31 July belongs to the schooljaar that ends');
SELECT is(verzuim.schooljaar('2024-08-01'), '2024-2025', 'schooljaar: 1 August starts the next');
SELECT is(verzuim.schooljaar('2024-02-29'), '2023-2024', 'schooljaar: leap day');
SELECT is(verzuim.schooljaar(NULL), NULL, 'schooljaar(NULL) is NULL');
SELECT throws_ok($$SELECT verzuim.schooljaar('infinity')$$, '22008', NULL, 'schooljaar(infinity): 22008');
SELECT throws_ok($$SELECT verzuim.schooljaar('-infinity')$$, '22008', NULL, 'schooljaar(-infinity): 22008');
SELECT is(verzuim.schooljaar_periode('2023-2024'), daterange('2023-08-01', '2024-08-01'), 'schooljaar_periode 2023-2024');
SELECT is(verzuim.schooljaar_periode(NULL), NULL, 'schooljaar_periode(NULL) is NULL');
SELECT throws_ok(format('SELECT verzuim.schooljaar_periode(%L)', t), '22P02', NULL,
                 format('schooljaar_periode(%L): 22P02', t))
FROM unnest(ARRAY['2023/2024', '2023-2025', '23-24', '', ' 2023-2024', '2023-2024x', '2024-2023', '+999-1000']) t;
SELECT throws_ok($$SELECT verzuim.schooljaar_periode('0000-0001')$$, '22008', NULL, 'schooljaar_periode 0000-0001: 22008');

-- Easter and public holidays --------------------------------------------------
SELECT is(verzuim.pasen(j), e, format('pasen(%s)', j))
FROM (VALUES (2000, date '2000-04-23'), (2008, '2008-03-23'), (2011, '2011-04-24'), (2019, '2019-04-21'),
             (2024, '2024-03-31'), (2025, '2025-04-20'), (2038, '2038-04-25'), (2285, '2285-03-22')) v(j, e);
SELECT throws_ok($$SELECT verzuim.pasen(1582)$$, '22008', NULL, 'pasen before the Gregorian calendar: 22008');
SELECT is((SELECT datum FROM verzuim.feestdagen(2014) WHERE naam = 'Koningsdag'), date '2014-04-26',
          'Koningsdag 2014 on Saturday 26 April (27 April was a Sunday)');
SELECT is((SELECT datum FROM verzuim.feestdagen(2025) WHERE naam = 'Koningsdag'), date '2025-04-26',
          'Koningsdag 2025 on Saturday 26 April');
SELECT is((SELECT datum FROM verzuim.feestdagen(2020) WHERE naam = 'Koningsdag'), date '2020-04-27',
          'Koningsdag 2020 on Monday 27 April');
SELECT is((SELECT datum FROM verzuim.feestdagen(2013) WHERE naam = 'Koninginnedag'), date '2013-04-30',
          'Koninginnedag 2013 on 30 April');
SELECT is((SELECT datum FROM verzuim.feestdagen(2006) WHERE naam = 'Koninginnedag'), date '2006-04-29',
          'Koninginnedag 2006 on Saturday 29 April (30 April was a Sunday)');
SELECT is((SELECT datum FROM verzuim.feestdagen(2024) WHERE naam = 'Hemelvaartsdag'), date '2024-05-09',
          'Hemelvaartsdag 2024 = Easter + 39');
SELECT is(ARRAY(SELECT datum FROM verzuim.feestdagen(2025) WHERE naam LIKE '%Pinksterdag' ORDER BY 1),
          ARRAY[date '2025-06-08', '2025-06-09'], 'Pinksteren 2025 = Easter + 49, + 50');
SELECT is((SELECT count(*) FROM verzuim.feestdagen(2024)), 11::bigint, 'eleven public holidays a year');
SELECT throws_ok($$SELECT * FROM verzuim.feestdagen(2101)$$, '22008', NULL, 'feestdagen outside the calendar: 22008');

-- is_lesdag / lesdagen of the regional calendar ---------------------------------
SELECT is(verzuim.is_lesdag('2024-02-29', r), true, format('leap day 2024-02-29 is a school day in %s', r))
FROM unnest(ARRAY['noord', 'midden', 'zuid']) r;
SELECT is(verzuim.is_lesdag('2024-01-05', 'noord'), false, 'Friday in the kerstvakantie 2023-2024');
SELECT is(verzuim.is_lesdag('2024-01-08', 'noord'), true, 'first Monday after the kerstvakantie');
SELECT is(verzuim.lesdagen('[2023-12-18,2024-01-12)', 'midden'), 9, 'lesdagen across the kerstvakantie and the new year');
SELECT is(verzuim.lesdagen('[2024-03-04,2024-03-04)', 'zuid'), 0, 'empty range [a,a): 0');
SELECT is(verzuim.lesdagen('[2024-03-04,2024-03-04]', 'zuid'), 1, 'one-day range on a Monday: 1');
SELECT is(verzuim.lesdagen('[2024-03-09,2024-03-09]', 'zuid'), 0, 'one-day range on a Saturday: 0');
SELECT is(verzuim.lesdagen('[2023-06-01,2023-10-01)', 'noord'),
          verzuim.lesdagen('[2023-06-01,2023-08-01)', 'noord') + verzuim.lesdagen('[2023-08-01,2023-10-01)', 'noord'),
          'a range across two schooljaren = the sum of its parts');
SELECT is(verzuim.lesdagen(verzuim.schooljaar_periode(sj), r), n, format('lesdagen %s %s', sj, r))
FROM (VALUES ('2020-2021', 'noord', 206), ('2023-2024', 'noord', 202), ('2023-2024', 'midden', 207),
             ('2023-2024', 'zuid', 197), ('2024-2025', 'zuid', 201)) v(sj, r, n);
SELECT is((SELECT count(*) FROM verzuim.kalender_dekking WHERE compleet)::int, 24,
          'shipped data: 2017-2018 .. 2024-2025 complete in all three regions');

-- settings ------------------------------------------------------------------------
SELECT is(verzuim.is_lesdag('2024-03-29', 'noord'), true, 'Goede Vrijdag 2024 is a school day by default');
SET LOCAL verzuim.goede_vrijdag_vrij = on;
SELECT is(verzuim.is_lesdag('2024-03-29', 'noord'), false, 'goede_vrijdag_vrij = on: Goede Vrijdag is free at once');
SELECT is(verzuim.lesdagen(verzuim.schooljaar_periode('2023-2024'), 'noord'), 201, '... and the schooljaar has one lesdag less');
SET LOCAL verzuim.goede_vrijdag_vrij = off;
SELECT is(verzuim.lesdagen(verzuim.schooljaar_periode('2023-2024'), 'noord'), 202, '... and back when switched off');
SELECT is(verzuim.is_lesdag('2025-05-05', 'midden'), false, 'Bevrijdingsdag 2025 (lustrum) is free');
SET LOCAL verzuim.bevrijdingsdag_vrij = 'nooit';
SELECT is(verzuim.is_lesdag('2025-05-05', 'midden'), true, 'bevrijdingsdag_vrij = nooit: a school day at once');
SELECT is(verzuim.lesdagen(verzuim.schooljaar_periode('2024-2025'), 'midden'), 207, '... one more lesdag in 2024-2025');
SET LOCAL verzuim.bevrijdingsdag_vrij = 'altijd';
SELECT is((SELECT schoolvrij FROM verzuim.feestdagen(2024) WHERE naam = 'Bevrijdingsdag'), true,
          'bevrijdingsdag_vrij = altijd: free in 2024 too');
SET LOCAL verzuim.bevrijdingsdag_vrij = 'lustrum';
SELECT is(verzuim.lesdagen(verzuim.schooljaar_periode('2024-2025'), 'midden'), 206, '... and back with lustrum');
SELECT throws_ok($$SET LOCAL verzuim.bevrijdingsdag_vrij = 'soms'$$, '22023', NULL, 'bevrijdingsdag_vrij: unknown value');

-- regio ---------------------------------------------------------------------------
SELECT throws_ok($$SELECT verzuim.is_lesdag('2024-01-08', 'oost')$$, '22023', NULL, 'unknown regio oost: 22023');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2024-01-08', '')$$, '22023', NULL, 'regio '''': 22023');
SELECT throws_ok($$SELECT verzuim.lesdagen('[2024-01-08,2024-02-01)', 'oost')$$, '22023', NULL, 'lesdagen, unknown regio: 22023');
SELECT throws_ok($$SELECT verzuim.lesdagen('empty', 'oost')$$, '22023', NULL, 'lesdagen of an empty range checks the regio too');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2024-01-08')$$, '22004', NULL, 'no regio and no default: 22004');
SELECT throws_ok($$SELECT verzuim.lesdagen('[2024-01-08,2024-02-01)', NULL)$$, '22004', NULL, 'lesdagen, no regio and no default: 22004');
SELECT is(verzuim.is_lesdag('2024-01-08', 'NOORD'), true, 'regio is case-insensitive');
SET LOCAL verzuim.vakantieregio = 'zuid';
SELECT is(verzuim.is_lesdag('2024-02-12'), false, 'default regio zuid: 12 Feb 2024 in the voorjaarsvakantie');
SELECT is(verzuim.lesdagen('[2024-02-05,2024-02-26)'), 10, 'default regio zuid: lesdagen');
SET LOCAL verzuim.vakantieregio = 'noord';
SELECT is(verzuim.is_lesdag('2024-02-12'), true, 'default regio noord: 12 Feb 2024 is a school day');
SELECT is(verzuim.is_lesdag('2024-02-12', 'zuid'), false, 'an explicit regio wins over the default');
SET LOCAL verzuim.vakantieregio = '';
SELECT throws_ok($$SET LOCAL verzuim.vakantieregio = 'oost'$$, '22023', NULL, 'the setting vakantieregio refuses an unknown regio');

-- dates and ranges ----------------------------------------------------------------
SELECT throws_ok(format('SELECT verzuim.is_lesdag(%L, ''noord'')', d), '22008', NULL, format('is_lesdag(%s): 22008', d))
FROM unnest(ARRAY['infinity', '-infinity', '1969-07-31', '2100-08-01']) d;
SELECT throws_ok(format('SELECT verzuim.lesdagen(%L, ''noord'')', p), '22008', NULL, format('lesdagen(%s): 22008', p))
FROM unnest(ARRAY['[2024-01-01,)', '(,2024-01-01)', '[2024-01-01,infinity)', '[-infinity,2024-01-01)',
                  '[1969-07-31,1969-09-01)', '[2100-07-01,2100-08-02)']) p;
SELECT is(verzuim.lesdagen(NULL, 'noord'), NULL, 'lesdagen(NULL) is NULL');
SELECT is(verzuim.is_lesdag(NULL, 'noord'), NULL, 'is_lesdag(NULL) is NULL');

-- incomplete schooljaren --------------------------------------------------------
SELECT throws_ok($$SELECT verzuim.is_lesdag('2026-04-28', 'noord')$$, '22023', NULL, '2025-2026 lacks the meivakantie (Tue 28 Apr 2026, week 18): 22023');
SELECT throws_ok($$SELECT verzuim.lesdagen(verzuim.schooljaar_periode('2025-2026'), 'midden')$$, '22023', NULL, 'lesdagen 2025-2026: 22023');
SELECT throws_ok($$SELECT verzuim.lesdagen('[2026-03-01,2026-06-01)', 'zuid')$$, '22023', NULL, 'a range that reaches into the missing meivakantie of 2025-2026: 22023');
-- 1-4 Jul 2025 (Tue-Fri) = 4, zomer zuid 5 Jul - 17 Aug, 18-29 Aug = 10: 14; the missing meivakantie 2026 cannot touch it
SELECT is(verzuim.lesdagen('[2025-07-01,2025-09-01)', 'zuid'), 14, 'a range into 2025-2026 outside the window of its missing meivakantie is decided');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2026-10-19', 'zuid')$$, '22023', NULL, '2026-2027: 22023');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2016-08-29', 'midden')$$, '22023', NULL, '2016-2017 (zomer 2015-2016 of midden unknown, window to Sun 4 Sep 2016): 22023');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2027-09-01', 'zuid')$$, '22023', NULL, '2027-2028 (zomer 2026-2027 unknown): 22023');
SELECT throws_ok($$SELECT verzuim.lesdagen('[2100-07-30,2100-08-01)', 'zuid')$$, '22023', NULL, 'last weekday of the calendar (Friday 30 July 2100), no data: 22023');
SELECT is(verzuim.lesdagen('[2100-07-31,2100-08-01)', 'zuid'), 0, 'the last day of the calendar is a Saturday: 0 school days, certain without data');
SET LOCAL verzuim.onvolledige_kalender = 'waarschuwing';
SET LOCAL client_min_messages = error;	-- the WARNING itself is in expected/kalender.out
SELECT is(verzuim.lesdagen(verzuim.schooljaar_periode('2025-2026'), 'noord'), 201,
          'onvolledige_kalender = waarschuwing: the unknown meivakantie counts as school days');
SELECT is(verzuim.is_lesdag('2026-04-28', 'noord'), true, '... Tuesday 28 April 2026 is a school day then');
SET LOCAL verzuim.onvolledige_kalender = 'fout';
RESET client_min_messages;

-- per-school free days -------------------------------------------------------------
INSERT INTO verzuim.gemeente (gemeentecode, naam) VALUES ('GM0363', 'Amsterdam');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES ('12AB00', 'De Test', 'GM0363', 'noord');
SELECT is(verzuim.lesdagen(verzuim.schooljaar_periode('2023-2024'), NULL, '12AB00'), 202, 'a school without free days follows its regio');
SELECT is(verzuim.is_lesdag('2024-03-04', NULL, '12AB00'), true, 'Monday 4 March 2024 is a school day');
INSERT INTO verzuim.schoolvrije_dag (brin, datum, omschrijving) VALUES ('12AB00', '2024-03-04', 'studiedag');
SELECT is(verzuim.is_lesdag('2024-03-04', NULL, '12AB00'), false, 'the studiedag is seen at once (same transaction)');
SELECT is(verzuim.is_lesdag('2024-03-04', 'noord', '12AB00'), false, '... also with the school''s own regio given');
SELECT is(verzuim.is_lesdag('2024-03-04', 'noord'), true, '... and not by the regional calendar');
SELECT is(verzuim.lesdagen(verzuim.schooljaar_periode('2023-2024'), NULL, '12AB00'), 201, 'lesdagen of the school: one less');
INSERT INTO verzuim.schoolvrije_dag (brin, datum, omschrijving) VALUES
  ('12AB00', '2024-03-09', 'Saturday'), ('12AB00', '2024-02-19', 'in the voorjaarsvakantie noord'),
  ('12AB00', '2024-04-01', 'Tweede Paasdag');
SELECT is(verzuim.lesdagen(verzuim.schooljaar_periode('2023-2024'), NULL, '12AB00'), 201,
          'free days on a Saturday, in a holiday or on a public holiday do not count twice');
SELECT is(verzuim.lesdagen('[2024-03-04,2024-03-10)', NULL, '12AB00'), 4, 'lesdagen of the school in one week');
SAVEPOINT s;
DELETE FROM verzuim.schoolvrije_dag WHERE brin = '12AB00' AND datum = '2024-03-04';
SELECT is(verzuim.is_lesdag('2024-03-04', NULL, '12AB00'), true, 'a deleted free day is seen at once');
ROLLBACK TO SAVEPOINT s;
SELECT is(verzuim.is_lesdag('2024-03-04', NULL, '12AB00'), false, '... and ROLLBACK TO SAVEPOINT brings it back');
SELECT is((SELECT count(*)::int FROM generate_series(1, 200) i,
                  LATERAL (SELECT daterange(date '2023-08-01' + (i * 104729) % 366,
                                            least(date '2023-08-01' + (i * 104729) % 366 + (i * 7919) % 120,
                                                  date '2024-08-01')) AS p) x
           WHERE verzuim.lesdagen(p, NULL, '12AB00') <>
                 (SELECT count(*) FROM generate_series(lower(p), upper(p) - 1, interval '1 day') g(d)
                  WHERE verzuim.is_lesdag(d::date, NULL, '12AB00'))), 0,
          'lesdagen with brin = the sum of is_lesdag with brin over 200 periods');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2024-03-04', 'zuid', '12AB00')$$, '22023', NULL, 'brin in another regio than the regio argument: 22023');
SELECT throws_ok($$SELECT verzuim.lesdagen('[2024-03-04,2024-03-10)', 'midden', '12AB00')$$, '22023', NULL, 'lesdagen: brin in another regio: 22023');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2024-03-04', NULL, '99ZZ99')$$, '23503', NULL, 'unknown brin: 23503');
SELECT throws_ok($$SELECT verzuim.lesdagen('[2024-03-04,2024-03-10)', 'noord', '99ZZ99')$$, '23503', NULL, 'lesdagen, unknown brin: 23503');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2024-03-04', NULL, '')$$, '23503', NULL, 'brin '''': 23503');
UPDATE verzuim.school SET vakantieregio = 'zuid' WHERE brin = '12AB00';
SELECT is(verzuim.is_lesdag('2024-02-12', NULL, '12AB00'), false, 'a school moved to zuid follows zuid at once');
SELECT is(verzuim.lesdagen(verzuim.schooljaar_periode('2023-2024'), NULL, '12AB00'), 195,
          'in zuid both the studiedag and 19 Feb 2024 are school days lost (197 - 2)');
DELETE FROM verzuim.school WHERE brin = '12AB00';
SELECT is((SELECT count(*) FROM verzuim.schoolvrije_dag WHERE brin = '12AB00'), 0::bigint, 'deleting the school deletes its free days');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2024-03-04', NULL, '12AB00')$$, '23503', NULL, 'a deleted school is unknown at once');

-- user edits of verzuim.vakantie -------------------------------------------------------
SELECT is((SELECT u.cond FROM pg_extension e, unnest(e.extconfig, e.extcondition) u(relid, cond)
           WHERE e.extname = 'verzuim' AND u.relid = 'verzuim.vakantie'::regclass),
          'WHERE NOT geleverd', 'pg_dump dumps only the user''s rows of verzuim.vakantie');
SELECT is((SELECT count(*) FROM verzuim.vakantie WHERE NOT geleverd), 0::bigint, 'as shipped: no user rows');
SELECT lives_ok($$INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES
                  ('midden', '2026-2027', 'herfst', '[2026-10-17,2026-10-25]', 'test'),
                  ('midden', '2026-2027', 'voorjaar', '[2027-02-13,2027-02-21]', 'test'),
                  ('midden', '2026-2027', 'mei', '[2027-04-24,2027-05-02]', 'test'),
                  ('midden', '2026-2027', 'zomer', '[2027-07-10,2027-08-22]', 'test')$$,
                'the 2026-2027 holidays of one regio in one INSERT');
SELECT is(ARRAY(SELECT regio || ':' || compleet FROM verzuim.kalender_dekking WHERE schooljaar = '2026-2027'
                ORDER BY array_position(ARRAY['noord', 'midden', 'zuid'], regio)),
          ARRAY['noord:false', 'midden:true', 'zuid:false'], '2026-2027 is complete for that regio only');
SELECT is(verzuim.is_lesdag('2026-10-19', 'midden'), false, 'is_lesdag sees the new herfstvakantie at once');
SELECT is(verzuim.lesdagen(verzuim.schooljaar_periode('2026-2027'), 'midden'),
          (SELECT lesdagen FROM verzuim.kalender_dekking WHERE schooljaar = '2026-2027' AND regio = 'midden'),
          'lesdagen 2026-2027 midden = kalender_dekking.lesdagen');
SELECT lives_ok($$INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron)
                  VALUES ('noord', '2023-2024', 'herfst', '[2023-10-21,2023-11-05]', 'school')$$,
                'a user row for the key of a shipped row is accepted');
SELECT results_eq($$SELECT periode, geleverd FROM verzuim.vakantie
                     WHERE (regio, schooljaar, soort) = ('noord', '2023-2024', 'herfst')$$,
                  $$VALUES (daterange('2023-10-21', '2023-11-05', '[]'), false)$$,
                  '... and replaces the shipped row');
SELECT is(verzuim.is_lesdag('2023-11-03', 'noord'), false, '... at once');
UPDATE verzuim.vakantie SET bron = 'checked' WHERE (regio, schooljaar, soort) = ('zuid', '2023-2024', 'mei');
SELECT is((SELECT geleverd FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('zuid', '2023-2024', 'mei')),
          false, 'UPDATE of a shipped row makes it a user row');
DELETE FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('zuid', '2023-2024', 'herfst');
SELECT is((SELECT periode IS NULL AND NOT geleverd FROM verzuim.vakantie
           WHERE (regio, schooljaar, soort) = ('zuid', '2023-2024', 'herfst')),
          true, 'DELETE of a shipped row leaves a user row with periode NULL');
SELECT is(verzuim.is_lesdag('2023-10-16', 'zuid'), true, '... so its days are school days');
SELECT is((SELECT compleet FROM verzuim.kalender_dekking WHERE schooljaar = '2023-2024' AND regio = 'zuid'), true,
          '... and the schooljaar stays complete');
DELETE FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('midden', '2022-2023', 'herfst');
SELECT lives_ok($$INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron)
                  VALUES ('midden', '2022-2023', 'herfst', '[2022-10-15,2022-10-23]', 'school')$$,
                'DELETE of a shipped row and INSERT of the same key');
SELECT results_eq($$SELECT periode, geleverd FROM verzuim.vakantie
                     WHERE (regio, schooljaar, soort) = ('midden', '2022-2023', 'herfst')$$,
                  $$VALUES (daterange('2022-10-15', '2022-10-23', '[]'), false)$$,
                  '... leaves the inserted row only');
SELECT is(verzuim.is_lesdag('2022-10-17', 'midden'), false, '... in force at once');
SELECT throws_ok($$INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode)
                   VALUES ('midden', '2022-2023', 'herfst', '[2022-10-22,2022-10-30]')$$, '23505', NULL,
                 'a second INSERT for a key with a user row: 23505');
DELETE FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('zuid', '2023-2024', 'herfst');
-- (0.1 deleted it, and a restore then brought the shipped dates back: issue 7)
SELECT is(verzuim.is_lesdag('2023-10-16', 'zuid'), true,
          'deleting that periode NULL row again keeps it: the herfstvakantie stays known not to exist');

SELECT * FROM finish();
ROLLBACK;
