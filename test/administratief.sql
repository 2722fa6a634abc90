-- pgTAP: administrative gaps (issue 14 item 1).  Art. 18 Lpw: in- and
-- uitschrijvingen are reported within 7 days, so a gap between two enrolments
-- (or between a move into the gemeente and the next enrolment) of at most
-- verzuim.meldtermijn days is a registration gap, classified administratief,
-- not absoluut verzuim.  Every expected episode is worked out by hand below.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(27);

INSERT INTO verzuim.gemeente (gemeentecode, naam) VALUES ('GM9001', 'Aadorp'), ('GM9002', 'Beekdorp');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES
  ('91AA00', 'De Akker', 'GM9001', 'noord'), ('92BB00', 'De Beek', 'GM9001', 'noord'),
  ('93CC00', 'Het Centrum', 'GM9002', 'noord');
INSERT INTO verzuim.leerling (leerling_id, geboortedatum, woongemeente) VALUES
  (1, '2015-01-10', 'GM9001'), (2, '2015-01-10', 'GM9001'), (3, '2015-01-10', 'GM9001'),
  (4, '2014-06-01', 'GM9001'), (5, '2014-06-01', 'GM9001'), (6, '2015-01-10', 'GM9001'),
  (7, '2015-01-10', 'GM9001'), (8, '2015-01-10', 'GM9001'), (9, '2018-12-15', 'GM9001'),
  (10, '2015-01-10', 'GM9001');
INSERT INTO verzuim.verblijf (leerling_id, gemeentecode, periode) VALUES
  (1, 'GM9001', '[2015-01-10,)'), (2, 'GM9001', '[2015-01-10,)'), (3, 'GM9001', '[2015-01-10,)'),
  (4, 'GM9001', '[2024-02-01,)'),                                    -- arrives from abroad
  (5, 'GM9001', '[2024-02-01,)'),
  (6, 'GM9002', '[2015-01-10,2024-02-01)'), (6, 'GM9001', '[2024-02-01,)'),  -- moves
  (7, 'GM9001', '[2015-01-10,)'), (8, 'GM9001', '[2015-01-10,)'), (9, 'GM9001', '[2018-12-15,)'),
  (10, 'GM9001', '[2015-01-10,2024-03-01)'), (10, 'GM9001', '[2024-03-20,)');  -- abroad for a while
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES
  (1, '91AA00', '[2019-01-10,2024-03-01)', 'po'), (1, '92BB00', '[2024-03-06,)', 'po'),  -- 5 days
  (2, '91AA00', '[2019-01-10,2024-03-01)', 'po'), (2, '92BB00', '[2024-03-08,)', 'po'),  -- 7 days
  (3, '91AA00', '[2019-01-10,2024-03-01)', 'po'), (3, '92BB00', '[2024-03-09,)', 'po'),  -- 8 days
  (4, '91AA00', '[2024-02-05,)', 'po'),                                                  -- 4 days after arriving
  (5, '91AA00', '[2024-02-12,)', 'po'),                                                  -- 11 days after arriving
  (6, '93CC00', '[2019-01-10,2024-01-26)', 'po'), (6, '91AA00', '[2024-02-05,)', 'po'),  -- 10 days, across the move
  (7, '91AA00', '[2019-01-10,2024-06-27)', 'po'),                                        -- still out at the peildatum
  (8, '91AA00', '[2019-01-10,2024-03-01)', 'po'),                                        -- then a vrijstelling
  (9, '91AA00', '[2024-01-12,)', 'po'),                                                  -- 4 days after leerplicht began
  (10, '91AA00', '[2019-01-10,2024-03-01)', 'po'), (10, '91AA00', '[2024-03-22,)', 'po'); -- 2 days after returning
INSERT INTO verzuim.vrijstelling (leerling_id, artikel, periode) VALUES (8, '5a', '[2024-03-04,2025-08-01)');

-- 1-3: the default: administrative gaps are left out
SELECT set_eq($$SELECT leerling_id, episode, administratief FROM verzuim.absoluut_verzuim('2024-06-30')$$,
  $$VALUES (3::bigint, '[2024-03-01,2024-03-09)'::daterange, false),   -- 8 days: longer than the reporting delay
           (5, '[2024-02-01,2024-02-12)', false),                      -- 11 days after arriving
           (6, '[2024-01-26,2024-02-05)', false),                      -- 10 days, a move in between
           (7, '[2024-06-27,)', false),                                -- running: no next enrolment known
           (8, '[2024-03-01,2024-03-04)', false),                      -- ended by a vrijstelling, not an enrolment
           (9, '[2024-01-08,2024-01-12)', false)$$,                    -- leerplicht began 8 January: no move, no enrolment before
  'absoluut_verzuim leaves out the gaps of at most 7 days between enrolments or after a move into the gemeente');
SELECT is((SELECT count(*) FROM verzuim.absoluut_verzuim('2024-06-30') WHERE leerling_id IN (1, 2, 4, 10)), 0::bigint,
          '5 and 7 days between enrolments, 4 days after arriving, 2 days after returning: administratief');
SELECT set_eq($$SELECT leerling_id, episode FROM verzuim.absoluut_verzuim('2024-06-30', true) WHERE administratief$$,
  $$VALUES (1::bigint, '[2024-03-01,2024-03-06)'::daterange), (2, '[2024-03-01,2024-03-08)'),
           (4, '[2024-02-01,2024-02-05)'), (10, '[2024-03-20,2024-03-22)')$$,
  'counted anyway (argument true): the same gaps, marked administratief');

-- 4-7: the setting to count them anyway, and the argument over the setting
SET LOCAL verzuim.administratief_meetellen = on;
SELECT is((SELECT count(*) FROM verzuim.absoluut_verzuim('2024-06-30')), 10::bigint,
          'verzuim.administratief_meetellen = on: all ten episodes');
SELECT is((SELECT count(*) FROM verzuim.absoluut_verzuim('2024-06-30') WHERE administratief), 4::bigint,
          'four of them administratief');
SELECT is((SELECT count(*) FROM verzuim.absoluut_verzuim('2024-06-30', false)), 6::bigint,
          'the argument false wins over the setting');
RESET verzuim.administratief_meetellen;
SELECT is((SELECT count(*) FROM verzuim.absoluut_verzuim('2024-06-30', NULL)), 6::bigint,
          'argument NULL: the setting (off by default)');

-- 8-11: the reporting delay
SET LOCAL verzuim.meldtermijn = 4;
SELECT set_eq($$SELECT leerling_id FROM verzuim.absoluut_verzuim('2024-06-30', true) WHERE administratief$$,
  $$VALUES (4::bigint), (10)$$, 'meldtermijn 4: only the gaps of 4 and 2 days');
SET LOCAL verzuim.meldtermijn = 0;
SELECT is((SELECT count(*) FROM verzuim.absoluut_verzuim('2024-06-30') ), 10::bigint,
          'meldtermijn 0: every gap is absoluut verzuim');
SET LOCAL verzuim.meldtermijn = 8;
SELECT is((SELECT count(*) FROM verzuim.absoluut_verzuim('2024-06-30') WHERE leerling_id = 3), 0::bigint,
          'meldtermijn 8: the 8-day gap is administratief too');
RESET verzuim.meldtermijn;
SELECT throws_ok($$SET verzuim.meldtermijn = -1$$, '22023', NULL, 'a negative reporting delay is refused (22023)');

-- 12-14: the peildatum: a gap is administratief only once the next enrolment is known
SELECT is((SELECT row(episode, administratief)::text FROM verzuim.absoluut_verzuim('2024-03-03', true) WHERE leerling_id = 1),
          '("[2024-03-01,)",f)', 'on 3 March the gap of pupil 1 still runs: absoluut (the next enrolment is not known yet)');
SELECT is((SELECT row(episode, administratief)::text FROM verzuim.absoluut_verzuim('2024-03-06', true) WHERE leerling_id = 1),
          '("[2024-03-01,2024-03-06)",t)', 'on 6 March, its first day at the new school, it is administratief');
SELECT is((SELECT count(*) FROM verzuim.absoluut_verzuim('2024-03-06') WHERE leerling_id = 1), 0::bigint,
          '... and left out by default');

-- 15-18: afwezigheid_soort and classificeer name the days administratief
SELECT is((SELECT count(*) FROM verzuim.afwezigheid_soort WHERE leerling_id = 1 AND soort = 'administratief'), 5::bigint,
          'afwezigheid_soort: the five days of the gap of pupil 1 are administratief');
SELECT is((SELECT count(*) FROM verzuim.afwezigheid_soort WHERE leerling_id = 3 AND soort = 'administratief'), 0::bigint,
          'the 8 days of pupil 3 are not');
SELECT is((SELECT count(*) FROM verzuim.afwezigheid_soort WHERE leerling_id = 3 AND soort = 'absoluut'), 8::bigint,
          '... they are absoluut verzuim');
SET LOCAL verzuim.administratief_meetellen = on;
SELECT is((SELECT array_agg(DISTINCT soort::text) FROM verzuim.afwezigheid_soort WHERE leerling_id = 1), '{absoluut}',
          'counted anyway: the days of pupil 1 are absoluut');
RESET verzuim.administratief_meetellen;

-- 19-25: the leerplichttelling of 2023-2024 with and without the administrative
-- gaps (issue 14 item 3), by argument and by setting.  Its absoluut episodes
-- are those of absoluut_verzuim('2024-07-31') overlapping the schooljaar: by
-- default pupils 3, 5, 7, 8, 9 (GM9001) and 6, counted in GM9002 where it
-- lived on the first day of its gap (26 January; it moved on 1 February).
-- Teruggeleid (an enrolment begins on the day the gap ends): 3, 5, 9 and 6;
-- not 7 (still out on 31 July) nor 8 (ended by a vrijstelling).  None lasted
-- longer than 3 months (7: 27 June + 3 months is after 1 August).  Counted
-- anyway, the gaps of 1, 2, 4 and 10 (all GM9001, all ended by an enrolment)
-- are added to absoluut_verzuim and absoluut_teruggeleid.
SELECT results_eq($$SELECT gemeentecode, absoluut_verzuim, absoluut_teruggeleid, absoluut_langer_dan_3_maanden
                     FROM verzuim.leerplichttelling('2023-2024') ORDER BY gemeentecode$$,
  $$VALUES ('GM9001'::text, 5::bigint, 3::bigint, 0::bigint), ('GM9002', 1, 1, 0)$$,
  'leerplichttelling 2023-2024: the administrative gaps are not counted by default');
SELECT results_eq($$SELECT gemeentecode, absoluut_verzuim, absoluut_teruggeleid, absoluut_langer_dan_3_maanden
                     FROM verzuim.leerplichttelling('2023-2024', NULL, true) ORDER BY gemeentecode$$,
  $$VALUES ('GM9001'::text, 9::bigint, 7::bigint, 0::bigint), ('GM9002', 1, 1, 0)$$,
  'leerplichttelling(schooljaar, norm, administratief_meetellen => true): the four gaps counted in GM9001');
SELECT is((SELECT array_agg(leerling_id ORDER BY leerling_id)
             FROM verzuim.leerplichttelling_leerlingen('GM9001', '2023-2024', 'absoluut_verzuim', NULL, true)),
          '{1,2,3,4,5,7,8,9,10}'::bigint[], 'leerplichttelling_leerlingen with the argument: the pupils behind the 9');
SELECT is((SELECT array_agg(leerling_id ORDER BY leerling_id)
             FROM verzuim.leerplichttelling_leerlingen('GM9001', '2023-2024', 'absoluut_teruggeleid')),
          '{3,5,9}'::bigint[], '... and without: the pupils behind the 3 teruggeleid');
SET LOCAL verzuim.administratief_meetellen = on;
SELECT is((SELECT absoluut_verzuim FROM verzuim.leerplichttelling('2023-2024') WHERE gemeentecode = 'GM9001'), 9::bigint,
          'the setting on, argument NULL: counted (9)');
SELECT is((SELECT absoluut_verzuim FROM verzuim.leerplichttelling('2023-2024', NULL, false) WHERE gemeentecode = 'GM9001'), 5::bigint,
          'the argument false wins over the setting (5)');
RESET verzuim.administratief_meetellen;
SELECT is((SELECT count(*) FROM verzuim.leerplichttelling_tellers('2023-2024', NULL, true)
            WHERE veld = 'absoluut_verzuim' AND gemeentecode = 'GM9001')
          - (SELECT count(*) FROM verzuim.leerplichttelling_tellers('2023-2024', NULL, false)
              WHERE veld = 'absoluut_verzuim' AND gemeentecode = 'GM9001'),
          4::bigint, 'leerplichttelling_tellers: the difference is the four administrative gaps');

-- 26-27: the settings are documented settings of the extension
SELECT is(current_setting('verzuim.meldtermijn'), '7', 'meldtermijn defaults to 7 days (art. 18)');
SELECT is(current_setting('verzuim.administratief_meetellen'), 'off', 'administratief_meetellen defaults to off');

SELECT * FROM finish();
ROLLBACK;
