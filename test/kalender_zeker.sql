-- pgTAP: certain answers never raise (issue 8, item 1).  A weekend day, a
-- school-free public holiday or a day inside a known holiday is never a lesdag,
-- whatever holiday data is missing; counts and decisions that do not depend on
-- an uncertain day are answered; only answers that do depend raise 22023.
-- Shipped data used: 2025-2026 lacks the meivakantie (window Sat 18 Apr - Sun
-- 3 May 2026: Monday in ISO week 17 or 18), 2026-2027 lacks herfst (window
-- Sat 10 Oct - Sun 1 Nov 2026: weeks 42-44), voorjaar, mei and zomer; its
-- kerstvakantie (19 Dec 2026 - 3 Jan 2027) is known.  (The windows are those
-- of docs/vakanties.md, "Uncertainty windows".)
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(26);

SET LOCAL verzuim.vakantieregio = '';
SET LOCAL verzuim.onvolledige_kalender = 'fout';
SET LOCAL verzuim.goede_vrijdag_vrij = off;
SET LOCAL verzuim.bevrijdingsdag_vrij = 'lustrum';
SET LOCAL datestyle = 'ISO, YMD';

-- is_lesdag ------------------------------------------------------------------------
-- Easter 2026 = 5 April, Hemelvaartsdag = Easter + 39 = Thursday 14 May 2026
-- (the example of issue 8; after the window of the missing meivakantie 2026)
SELECT is(verzuim.is_lesdag('2026-05-14', r), false, format('Hemelvaartsdag 2026 (%s) is no lesdag although the meivakantie 2026 is missing', r))
FROM unnest('{noord,midden,zuid}'::text[]) r;
SELECT is(verzuim.is_lesdag('2026-04-25', 'noord'), false, 'Saturday 25 April 2026 in the window of the missing meivakantie: no lesdag');
SELECT is(verzuim.is_lesdag('2026-12-21', 'zuid'), false,
          'Monday 21 December 2026 lies in the known kerstvakantie of the incomplete 2026-2027: no lesdag');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2026-04-29', 'noord')$$, '22023', NULL,
                 'Wednesday 29 April 2026 (week 18) may lie in the missing meivakantie: 22023');
-- every weekend day and every school-free public holiday of the whole calendar
-- (1969-08-01 .. 2100-07-31), in every regio: answered, never a lesdag
SELECT is((SELECT count(*) FILTER (WHERE verzuim.is_lesdag(d::date, r))
           FROM generate_series(date '1969-08-01', date '2100-07-31', interval '1 day') d,
                unnest('{noord,midden,zuid}'::text[]) r
           WHERE extract(isodow FROM d) >= 6
              OR d::date IN (SELECT f.datum FROM generate_series(1969, 2100) j, verzuim.feestdagen(j) f
                             WHERE f.schoolvrij)),
          0::bigint, 'no weekend day or school-free public holiday 1969-2100 raises or is a lesdag');

-- lesdagen ---------------------------------------------------------------------------
SELECT is(verzuim.lesdagen('[2026-10-17,2026-10-19)', 'noord'), 0, 'a weekend in the window of the missing herfstvakantie 2026: 0');
SELECT is(verzuim.lesdagen('[2026-12-19,2027-01-04)', 'midden'), 0, 'the known kerstvakantie 2026-2027: 0');
-- 21 September - 9 October 2026: 21-25 and 28-30 September, 1-2 and 5-9 October = 15 weekdays,
-- before the herfst window (Saturday 10 October)
SELECT is(verzuim.lesdagen('[2026-09-19,2026-10-10)', 'noord'), 15, 'the weeks before the herfst window are certain: 15');
SELECT throws_ok($$SELECT verzuim.lesdagen('[2026-09-19,2026-10-13)', 'noord')$$, '22023', NULL,
                 'one more weekday (Monday 12 October 2026, week 42, in the herfst window): 22023');

-- a school's free day on an uncertain day is certain for that school
INSERT INTO verzuim.gemeente (gemeentecode, naam) VALUES ('GM0014', 'Groningen');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES ('99ZZ00', 'De Zekere', 'GM0014', 'noord');
INSERT INTO verzuim.schoolvrije_dag (brin, datum, omschrijving) VALUES ('99ZZ00', '2026-10-12', 'studiedag');
SELECT is(verzuim.is_lesdag('2026-10-12', NULL, '99ZZ00'), false, 'a studiedag on an uncertain day is no lesdag of that school');
SELECT is(verzuim.lesdagen('[2026-10-10,2026-10-13)', NULL, '99ZZ00'), 0, '... and a weekend plus that studiedag count 0 school days');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2026-10-12', 'noord')$$, '22023', NULL, '... while for the regio it stays uncertain');

-- episodes ---------------------------------------------------------------------------
SELECT is((SELECT verzuim.episodes(d, 'noord') FROM unnest('{2026-10-17,2026-10-18,2026-10-24,2026-10-25}'::date[]) d),
          '{}'::datemultirange, 'absence rows on weekend days only, in the window of a missing holiday: no episode, no error');
SELECT is((SELECT verzuim.episodes(d, 'zuid') FROM unnest('{2026-12-21,2026-12-22,2027-01-01}'::date[]) d),
          '{}'::datemultirange, 'rows in the known kerstvakantie of 2026-2027 only: no episode');
-- absent every weekday from Monday 21 September to Friday 20 November 2026:
-- whether or not (part of) October and early November is a holiday, it is one
-- episode from the first to the last absent day (both certain school days)
SELECT is((SELECT verzuim.episodes(d::date, 'noord')
           FROM generate_series(date '2026-09-21', date '2026-11-20', interval '1 day') d
           WHERE extract(isodow FROM d) < 6),
          '{[2026-09-21,2026-11-21)}'::datemultirange,
          'a thuiszitter through the unknown herfstvakantie 2026: one certain episode');
-- absent 5 - 16 October 2026: whether 12-16 October (week 42) are school days
-- decides where the episode ends
SELECT throws_ok($$SELECT verzuim.episodes(d::date, 'noord')
                   FROM generate_series(date '2026-10-05', date '2026-10-16', interval '1 day') d
                   WHERE extract(isodow FROM d) < 6$$, '22023', NULL,
                 'an episode that ends in the unknown herfstvakantie window: 22023');
-- absent Friday 9 October and Monday 2 November 2026: every weekday between lies
-- in the window of the missing herfstvakantie, so no school day between is
-- certain (the calendar does not reason about which of the weeks it takes)
SELECT throws_ok($$SELECT verzuim.episodes(d, 'noord') FROM unnest('{2026-10-09,2026-11-02}'::date[]) d$$, '22023', NULL,
                 'two absent days with only uncertain days between: 22023');
-- absent 25 and 28 September 2026 and 16 November: 29 and 30 September are
-- certain school days between, so 16 November starts a new episode whatever
-- October holds
SELECT is((SELECT verzuim.episodes(d, 'noord') FROM unnest('{2026-09-25,2026-09-28,2026-11-16}'::date[]) d),
          '{[2026-09-25,2026-09-29),[2026-11-16,2026-11-17)}'::datemultirange,
          'a certain school day between two absent days splits them, uncertain days beyond do not matter');
SET LOCAL verzuim.onvolledige_kalender = 'waarschuwing';
SET LOCAL client_min_messages = error;
SELECT is((SELECT verzuim.episodes(d::date, 'noord')
           FROM generate_series(date '2026-10-05', date '2026-10-16', interval '1 day') d
           WHERE extract(isodow FROM d) < 6),
          '{[2026-10-05,2026-10-17)}'::datemultirange,
          'onvolledige_kalender = waarschuwing: the uncertain days count as school days');
SET LOCAL verzuim.onvolledige_kalender = 'fout';
RESET client_min_messages;

-- thuiszit and duur_agg --------------------------------------------------------------------
SELECT is((SELECT duur_lesdagen FROM verzuim.thuiszit('[2026-10-17,2026-10-19)', '2026-10-20', 'noord')), 0,
          'thuiszit of a weekend episode in the unknown herfst window: 0 school days');
SELECT is((SELECT duur_lesdagen FROM verzuim.thuiszit('[2026-12-19,2027-01-04)', '2027-01-10', 'zuid')), 0,
          'thuiszit of an episode in the known kerstvakantie 2026-2027: 0 school days');
SELECT throws_ok($$SELECT verzuim.thuiszit('[2026-10-12,2026-10-14)', '2026-10-20', 'noord')$$, '22023', NULL,
                 'thuiszit over uncertain weekdays: 22023');
SELECT is((SELECT verzuim.aantal(s) || '/' || verzuim.gemiddelde(s)
           FROM (SELECT verzuim.duur_agg(e, '2027-01-31', 'noord') AS s
                 FROM unnest('{"[2026-10-17,2026-10-19)","[2026-12-19,2027-01-04)","[2026-05-16,2026-05-18)"}'::daterange[]) e) x),
          '3/0.00000000000000000000', 'duur_agg in school days of episodes on weekends and known holidays only: 3 episodes of 0 days');
SELECT throws_ok($$SELECT verzuim.duur_agg(e, '2027-01-31', 'noord')
                   FROM unnest('{"[2026-10-12,2026-10-14)"}'::daterange[]) e$$, '22023', NULL,
                 'duur_agg in school days over uncertain weekdays: 22023');

SELECT * FROM finish();
ROLLBACK;
