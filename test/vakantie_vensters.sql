-- pgTAP: narrow uncertainty windows and the shipped history (issue 8, items
-- 2 and 3).  Every expectation is worked out by hand from the rules in
-- docs/vakanties.md ("Uncertainty windows") and ISO week numbers:
--   2026-2027 (herfst, voorjaar, mei, zomer missing; kerst shipped):
--     herfst   Sat 10 Oct - Sun 1 Nov 2026   (Mondays of weeks 42-44: 12, 19, 26 Oct)
--     voorjaar Sat 13 Feb - Sun 7 Mar 2027   (weeks 7-9: 15 Feb .. 1 Mar)
--     mei      Sat 24 Apr - Sun 9 May 2027   (weeks 17-18: 26 Apr, 3 May)
--     zomer    Sat 3 Jul  - Sun 5 Sep 2027   (weeks 27 .. 35: 5 Jul .. 30 Aug)
--   kerst of a missing year: Saturdays 18..25 Dec; 2011: only Sat 24 Dec ->
--     24 Dec 2011 - 8 Jan 2012; 2010: Sat 18 and 25 Dec -> 18 Dec 2010 - 9 Jan 2011
--   before 2010-2011 the wide windows stay (herfst 1 Oct - 15 Nov).
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(44);
SET LOCAL datestyle = 'ISO, YMD';
SET LOCAL verzuim.onvolledige_kalender = 'fout';

-- days that are certain now (they raised 22023 with the wide windows)
SELECT is(verzuim.is_lesdag('2026-10-01', 'noord'), true, '1 October 2026 is never in a herfstvakantie: a school day');
SELECT is(verzuim.is_lesdag('2026-10-09', 'noord'), true, 'Friday 9 Oct 2026 (week 41): before the earliest herfstvakantie');
SELECT is(verzuim.is_lesdag('2026-11-02', 'noord'), true, 'Monday 2 Nov 2026 (week 45): after the latest herfstvakantie');
SELECT is(verzuim.is_lesdag('2027-01-25', 'midden'), true, 'Monday 25 Jan 2027: before the earliest voorjaarsvakantie (week 7)');
SELECT is(verzuim.is_lesdag('2027-02-12', 'zuid'), true, 'Friday 12 Feb 2027 (week 6)');
SELECT is(verzuim.is_lesdag('2027-03-08', 'noord'), true, 'Monday 8 Mar 2027 (week 10): after the latest voorjaarsvakantie');
SELECT is(verzuim.is_lesdag('2027-04-23', 'noord'), true, 'Friday 23 Apr 2027 (week 16): before the meivakantie');
SELECT is(verzuim.is_lesdag('2027-05-10', 'noord'), true, 'Monday 10 May 2027 (week 19): after the meivakantie');
SELECT is(verzuim.is_lesdag('2027-07-02', 'noord'), true, 'Friday 2 Jul 2027 (week 26): before the earliest zomervakantie');
SELECT is(verzuim.is_lesdag('2027-09-06', 'noord'), true, 'Monday 6 Sep 2027 (week 36): early September after the latest zomervakantie');
SELECT is(verzuim.is_lesdag('2027-09-06', 'zuid'), true, 'Monday 6 Sep 2027, zuid');
SELECT is(verzuim.lesdagen('[2026-08-17,2026-10-10)', 'noord'), 40,
          'school days from the first day after noord''s zomer 2026 to 9 Oct 2026: 40 weekdays, no error');
SELECT is(verzuim.lesdagen('[2026-11-02,2026-12-19)', 'noord'), 35,
          '2 Nov .. 18 Dec 2026: 35 weekdays, no missing holiday can take one');
SELECT is(verzuim.is_lesdag('2011-12-23', 'noord'), true, 'kerst 2011-2012 missing: Friday 23 Dec 2011 is before the only possible start (Sat 24 Dec)');
SELECT is(verzuim.is_lesdag('2012-01-09', 'noord'), true, 'kerst 2011-2012 missing: Monday 9 Jan 2012 after the latest end');
SELECT is(verzuim.is_lesdag('2010-12-17', 'midden'), true, 'kerst 2010-2011 missing: Friday 17 Dec 2010 before Saturday 18 Dec');
SELECT is(verzuim.is_lesdag('2011-01-10', 'midden'), true, 'kerst 2010-2011 missing: Monday 10 Jan 2011 after Sunday 9 Jan');

-- days still uncertain raise 22023 and name the holiday with its window
SELECT throws_ok($$SELECT verzuim.is_lesdag('2026-10-12', 'noord')$$, '22023', NULL, 'Monday 12 Oct 2026 (week 42): uncertain');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2026-10-30', 'noord')$$, '22023', NULL, 'Friday 30 Oct 2026 (week 44): uncertain');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2027-02-15', 'noord')$$, '22023', NULL, 'Monday 15 Feb 2027 (week 7): uncertain');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2027-03-05', 'zuid')$$, '22023', NULL, 'Friday 5 Mar 2027 (week 9): uncertain');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2027-04-26', 'noord')$$, '22023', NULL, 'Monday 26 Apr 2027 (week 17): uncertain');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2027-05-07', 'noord')$$, '22023', NULL, 'Friday 7 May 2027 (week 18): uncertain');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2027-07-05', 'noord')$$, '22023', NULL, 'Monday 5 Jul 2027 (week 27): uncertain');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2027-09-03', 'noord')$$, '22023', NULL, 'Friday 3 Sep 2027 (week 35): uncertain');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2012-01-06', 'noord')$$, '22023', NULL, 'kerst 2011-2012 missing: Friday 6 Jan 2012 uncertain');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2011-01-07', 'midden')$$, '22023', NULL, 'kerst 2010-2011 missing: Friday 7 Jan 2011 uncertain (a start on 25 Dec is possible)');
SELECT throws_ok($$SELECT verzuim.is_lesdag('2008-10-01', 'noord')$$, '22023', NULL, 'before 2010-2011 the wide window stays: 1 Oct 2008 uncertain');
SELECT throws_ok($$SELECT verzuim.lesdagen('[2026-10-01,2026-10-13)', 'noord')$$, '22023', NULL, 'a range reaching Monday 12 Oct 2026 is uncertain');

CREATE FUNCTION pg_temp.detail(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text;
BEGIN
  EXECUTE sql;
  RETURN NULL;
EXCEPTION WHEN invalid_parameter_value THEN
  GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
  RETURN d;
END $$;
SELECT is(pg_temp.detail($$SELECT verzuim.is_lesdag('2026-10-12', 'noord')$$),
          'Missing: herfst 2026-2027 (it falls between 2026-10-10 and 2026-11-01).', 'the error names herfst 2026-2027 and its narrow window');
SELECT is(pg_temp.detail($$SELECT verzuim.is_lesdag('2027-09-03', 'noord')$$),
          'Missing: zomer 2026-2027 (it falls between 2027-07-03 and 2027-09-05).', 'the error names zomer 2026-2027 and its narrow window');
SELECT is(pg_temp.detail($$SELECT verzuim.is_lesdag('2027-05-07', 'noord')$$),
          'Missing: mei 2026-2027 (it falls between 2027-04-24 and 2027-05-09).', 'the error names mei 2026-2027 and its narrow window');

-- onzeker_door of the population answers (plicht_grenzen)
SELECT is((SELECT (begin, onzeker_begin)::text FROM verzuim.plicht_grenzen('2021-09-15', NULL, NULL, 'noord')),
          '(2026-10-01,)', '5 in September 2026: leerplicht from Thursday 1 Oct 2026, certain');
SELECT is((SELECT (begin, onzeker_begin)::text FROM verzuim.plicht_grenzen('2021-10-10', NULL, NULL, 'noord')),
          '(2026-11-02,)', '5 in October 2026: from Monday 2 Nov 2026 (week 45), certain');
SELECT is((SELECT (begin, onzeker_begin)::text FROM verzuim.plicht_grenzen('2022-04-10', NULL, NULL, 'noord')),
          '(2027-05-03,"{""noord mei 2026-2027""}")', '5 in April 2027: Monday 3 May 2027 (week 18) may be meivakantie: onzeker_door names it');

-- the shipped history: every row inside its window, and kalender_dekking
SELECT is((SELECT count(*)::int FROM verzuim.vakantie WHERE geleverd AND schooljaar < '2019-2020'), 69,
          '69 holidays of 2012-2013 .. 2018-2019 shipped');
SELECT is((SELECT count(*)::int FROM verzuim.vakantie WHERE geleverd AND schooljaar < '2019-2020' AND (bron IS NULL OR bron = '')), 0,
          'every shipped row has its source');
SELECT is((SELECT string_agg(schooljaar || ' ' || regio, ', ' ORDER BY schooljaar, regio)
             FROM verzuim.kalender_dekking WHERE compleet AND schooljaar < '2019-2020'),
          '2017-2018 midden, 2017-2018 noord, 2017-2018 zuid, 2018-2019 midden, 2018-2019 noord, 2018-2019 zuid',
          'complete before 2019-2020: 2017-2018 and 2018-2019 (all regions)');
SELECT is((SELECT min(schooljaar) FROM verzuim.kalender_dekking), '2005-2006', 'kalender_dekking starts at 2005-2006');
SELECT is((SELECT ontbreekt FROM verzuim.kalender_dekking WHERE schooljaar = '2005-2006' AND regio = 'noord'),
          '{"zomer (vorig schooljaar)",herfst,kerst,voorjaar,mei,zomer}', '2005-2006: nothing could be sourced');
SELECT is((SELECT ontbreekt FROM verzuim.kalender_dekking WHERE schooljaar = '2013-2014' AND regio = 'zuid'),
          '{"zomer (vorig schooljaar)"}', '2013-2014: only the zomer 2013 (bo and vo differed) is missing');
-- 2017-2018 noord, hand count: 1 Sep 2017 .. 31 Jul 2018 minus holidays, weekends and
-- school-free public holidays, compared with an independent count in plain SQL
SELECT is((SELECT lesdagen FROM verzuim.kalender_dekking WHERE schooljaar = '2017-2018' AND regio = 'noord'),
          (SELECT count(*)::int FROM generate_series(date '2017-08-01', date '2018-07-31', '1 day') d
            WHERE extract(isodow FROM d) < 6
              AND d::date NOT IN (SELECT datum FROM verzuim.feestdagen(2017) WHERE schoolvrij
                                  UNION SELECT datum FROM verzuim.feestdagen(2018) WHERE schoolvrij)
              AND NOT EXISTS (SELECT 1 FROM verzuim.vakantie v WHERE v.regio = 'noord' AND v.periode @> d::date)),
          'lesdagen of 2017-2018 noord equal a plain SQL count');
SELECT is((SELECT count(*)::int FROM verzuim.vakantie v WHERE geleverd
             AND upper(periode) - lower(periode) <> CASE soort WHEN 'kerst' THEN 16 WHEN 'zomer' THEN 44
                                                       WHEN 'mei' THEN CASE WHEN schooljaar = '2013-2014' THEN 10 ELSE 9 END
                                                       ELSE 9 END),
          0, 'every shipped holiday has its rule length (kerst 16, zomer 44, others 9 days; mei 2014 10)');
SELECT is((SELECT count(*)::int FROM verzuim.vakantie v WHERE geleverd AND extract(isodow FROM lower(periode)) <> 6), 0,
          'every shipped holiday starts on a Saturday');

SELECT * FROM finish();
ROLLBACK;
