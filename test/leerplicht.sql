BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(106);

-- Leerplicht ages and periods (src/leerplicht.c).  Expected values computed by hand
-- from the Leerplichtwet rules (DOMAIN.md §2), the weekday of each date and the
-- holidays of DOMAIN.md §11 as shipped in verzuim.vakantie; each comment says why.
-- Complete holiday data: schooljaren 2020-2021 .. 2024-2025.

SET LOCAL verzuim.vakantieregio = '';
SET LOCAL verzuim.onvolledige_kalender = 'fout';

-- the module's setting (the library is loaded by the first call)
SELECT is(verzuim.leeftijd('2010-01-01', '2010-01-01'), 0, 'leeftijd on the day of birth is 0');
SELECT is(current_setting('verzuim.volledig_schooljaar'), 'schooljaarbegin', 'verzuim.volledig_schooljaar defaults to schooljaarbegin');

-- Start: first school day of the month after the month of the 5th birthday -------------
SELECT is(lower(verzuim.leerplicht_periode('2017-09-02', NULL, 'midden')), date '2022-10-03',
          '5 on Fri 2 Sep 2022: 1-2 Oct is a weekend, start Mon 3 Oct');
SELECT is(lower(verzuim.leerplicht_periode('2015-12-10', NULL, 'midden')), date '2021-01-04',
          'December birthday: Nieuwjaarsdag and kerstvakantie until Sun 3 Jan 2021, start Mon 4 Jan');
SELECT is(lower(verzuim.leerplicht_periode('2018-12-31', NULL, 'noord')), date '2024-01-08',
          '5 on 31 Dec 2023: kerstvakantie until Sun 7 Jan 2024, start Mon 8 Jan');
SELECT is(lower(verzuim.leerplicht_periode('2017-07-15', NULL, 'midden')), date '2022-08-22',
          'July birthday, midden: zomervakantie until Sun 21 Aug 2022, start Mon 22 Aug');
SELECT is(lower(verzuim.leerplicht_periode('2017-07-15', NULL, 'noord')), date '2022-08-29',
          'July birthday, noord: zomervakantie until Sun 28 Aug 2022, start Mon 29 Aug');
SELECT is(lower(verzuim.leerplicht_periode('2017-07-15', NULL, 'zuid')), date '2022-09-05',
          'July birthday, zuid: no school day in August 2022 (zomer until Sun 4 Sep), start Mon 5 Sep');
SELECT is(lower(verzuim.leerplicht_periode('2016-07-20', NULL, 'zuid')), date '2021-09-06',
          'July birthday, zuid 2021: zomer until Sun 5 Sep, start Mon 6 Sep');
SELECT is(lower(verzuim.leerplicht_periode('2017-07-15')), date '2022-08-22',
          'no regio and no default: earliest region (midden) Mon 22 Aug 2022');
SELECT is(lower(verzuim.leerplicht_periode('2017-07-15', NULL, 'ZUID')), date '2022-09-05',
          'regio is case-insensitive');
SELECT is(lower(verzuim.leerplicht_periode('2016-04-10', NULL, 'midden')), date '2021-05-10',
          'April birthday: meivakantie 1 - Sun 9 May 2021, start Mon 10 May');
SELECT is(lower(verzuim.leerplicht_periode('2020-04-30', NULL, 'zuid')), date '2025-05-06',
          '5 on 30 Apr 2025: meivakantie until Sun 4 May, Bevrijdingsdag Mon 5 May (lustrum), start Tue 6 May');
SELECT is(lower(verzuim.leerplicht_periode('2019-03-15', NULL, 'midden')), date '2024-04-02',
          '5 in March 2024: Mon 1 Apr is Tweede Paasdag, start Tue 2 Apr');
SELECT is(lower(verzuim.leerplicht_periode('2016-02-29', NULL, 'midden')), date '2021-04-01',
          'born 29 Feb 2016: 5 on 1 Mar 2021, start Thu 1 Apr (not Mon 1 Mar)');
SELECT is(lower(verzuim.leerplicht_periode('2016-02-28', NULL, 'midden')), date '2021-03-01',
          'born 28 Feb 2016: 5 on 28 Feb 2021, start Mon 1 Mar');
SELECT is(lower(verzuim.leerplicht_periode('2020-02-29', NULL, 'noord')), date '2025-04-01',
          'born 29 Feb 2020: 5 on 1 Mar 2025, start Tue 1 Apr 2025');
SELECT is(lower(verzuim.leerplicht_periode('2017-10-01', NULL, 'midden')), date '2022-11-01',
          '5 on 1 Oct 2022: the following month, Tue 1 Nov');
SELECT is(lower(verzuim.leerplicht_periode('2017-01-31', NULL, 'midden')), date '2022-02-01',
          '5 on 31 Jan 2022 (last day of the month): Tue 1 Feb');
SELECT is(lower(verzuim.leerplicht_periode('2019-10-15', NULL, 'midden')), date '2024-11-04',
          'herfstvakantie midden 26 Oct - Sun 3 Nov 2024: start Mon 4 Nov');
SELECT is(lower(verzuim.leerplicht_periode('2019-10-15', NULL, 'zuid')), date '2024-11-01',
          'herfstvakantie zuid 19-27 Oct 2024: start Fri 1 Nov');
SET LOCAL verzuim.vakantieregio = 'zuid';
SELECT is(lower(verzuim.leerplicht_periode('2017-07-15')), date '2022-09-05',
          'regio NULL uses verzuim.vakantieregio');
SET LOCAL verzuim.vakantieregio = '';

-- End of volledige leerplicht ------------------------------------------------------------
SELECT is(verzuim.leerplicht_periode('2016-07-31', NULL, 'midden'), daterange('2021-08-30', '2032-08-01'),
          '16 on 31 Jul 2032: schooljaar 2031-2032, ends 31 Jul 2032');
SELECT is(verzuim.leerplicht_periode('2016-08-01', NULL, 'midden'), daterange('2021-09-01', '2033-08-01'),
          '16 on 1 Aug 2032: schooljaar 2032-2033, ends 31 Jul 2033');
SELECT is(verzuim.leerplicht_periode('2016-02-29', NULL, 'midden'), daterange('2021-04-01', '2032-08-01'),
          'born 29 Feb 2016: 16 on 29 Feb 2032');
SELECT is(verzuim.leerplicht_periode('2016-08-10', '2020-08-10', 'midden'), daterange('2021-09-01', '2033-08-01'),
          'enrolled 10 Aug 2020: first full schooljaar 2021-2022, 12th ends with b on 31 Jul 2033');
SELECT is(verzuim.leerplicht_periode('2016-08-01', '2020-08-01', 'midden'), daterange('2021-09-01', '2032-08-01'),
          'enrolled 1 Aug 2020: 12 full schooljaren end 31 Jul 2032, before b');
SELECT is(verzuim.leerplicht_periode('2015-09-15', '2019-08-01', 'midden'), daterange('2020-10-01', '2031-08-01'),
          'enrolled 1 Aug 2019: ends 31 Jul 2031; start Thu 1 Oct 2020');
SELECT is(verzuim.leerplicht_periode('2015-09-15', '2032-09-01', 'midden'), daterange('2020-10-01', '2032-08-01'),
          'an enrolment after the end has no effect');
SELECT is(verzuim.leerplicht_periode('2016-10-15', '2020-10-15', 'midden'), daterange('2021-11-01', '2033-08-01'),
          'enrolled on the 4th birthday in October: a = b');

SET LOCAL verzuim.volledig_schooljaar = 'eerste_lesdag';
SELECT is(upper(verzuim.leerplicht_periode('2016-08-10', '2020-08-10', 'midden')), date '2032-08-01',
          'eerste_lesdag: enrolled 10 Aug 2020, midden first school day Mon 31 Aug: 2020-2021 full');
SELECT is(upper(verzuim.leerplicht_periode('2016-08-20', '2020-08-20', 'zuid')), date '2032-08-01',
          'eerste_lesdag: enrolled 20 Aug 2020, zuid first school day Mon 24 Aug: full');
SELECT is(upper(verzuim.leerplicht_periode('2016-08-20', '2020-08-20', 'noord')), date '2033-08-01',
          'eerste_lesdag: enrolled 20 Aug 2020, noord first school day Mon 17 Aug: not full');
SELECT is(upper(verzuim.leerplicht_periode('2016-08-20', '2020-08-20')), date '2033-08-01',
          'eerste_lesdag, no regio: 17 Aug is a school day in noord: not full');
SELECT is(upper(verzuim.leerplicht_periode('2016-08-31', '2020-08-31', 'midden')), date '2032-08-01',
          'eerste_lesdag: enrolled on the first school day itself: full');
SELECT is(upper(verzuim.leerplicht_periode('2016-09-01', '2020-09-01', 'midden')), date '2033-08-01',
          'eerste_lesdag: enrolled the day after the first school day: not full');
SELECT is(verzuim.leerplicht_status('2016-08-10', '2032-08-01', NULL, '2020-08-10', 'midden'),
          'kwalificatieplichtig'::verzuim.leerplicht, 'eerste_lesdag: status follows the earlier end');
SELECT is(verzuim.leerplicht_status('2010-10-15', '2025-01-01', NULL, '2014-10-15', 'midden'),
          'leerplichtig'::verzuim.leerplicht, 'eerste_lesdag: enrolment in a year without data not needed for this peildatum');
-- enrolled Mon 1 Sep 2014, the first school day of 2014-2015 in midden (zomer 2014 shipped:
-- 19 Jul - 31 Aug): 12 full schooljaren end leerplicht on 1 Aug 2026
SELECT is(verzuim.kwalificatieplicht_periode('2010-10-15', NULL, '2014-09-01', 'midden'), daterange('2026-08-01', '2028-10-15'),
          'eerste_lesdag: enrolled on the first school day of 2014-2015 (midden)');
-- born 20 Aug 2011 (16 in 2027-2028), enrolled Mon 24 Aug 2015 in zuid: whether that is on or before
-- the first school day of 2015-2016 (end 1 Aug 2027 or 1 Aug 2028) depends on the unknown zomervakantie
-- 2015 of zuid (its window: Sat 27 Jun - Sun 30 Aug 2015)
SELECT throws_ok($$SELECT verzuim.kwalificatieplicht_periode('2011-08-20', NULL, '2015-08-24', 'zuid')$$,
                 '22023', NULL, 'eerste_lesdag: enrolment inside the window of an unknown holiday raises 22023');
SET LOCAL verzuim.volledig_schooljaar = 'schooljaarbegin';
SELECT is(verzuim.leerplicht_status('2016-08-10', '2032-08-01', NULL, '2020-08-10', 'midden'),
          'leerplichtig'::verzuim.leerplicht, 'schooljaarbegin: still leerplichtig on 1 Aug 2032');
SELECT is(verzuim.kwalificatieplicht_periode('2010-10-15', NULL, '2014-10-15', 'midden'),
          daterange('2027-08-01', '2028-10-15'), 'schooljaarbegin: no calendar needed for the end');

-- Kwalificatieplicht -----------------------------------------------------------------------
SELECT is(verzuim.kwalificatieplicht_periode('2016-08-10'), daterange('2033-08-01', '2034-08-10'),
          'kwalificatieplicht until the 18th birthday (exclusive)');
SELECT is(verzuim.kwalificatieplicht_periode('2016-08-10', '2034-06-15'), daterange('2033-08-01', '2034-06-15'),
          'kwalificatieplicht until the startkwalificatie');
SELECT is(verzuim.kwalificatieplicht_periode('2016-08-10', '2033-06-30'), 'empty'::daterange,
          'startkwalificatie during leerplicht: empty');
SELECT is(verzuim.kwalificatieplicht_periode('2016-08-10', '2033-08-01'), 'empty'::daterange,
          'startkwalificatie on the day leerplicht ends: empty');
SELECT is(verzuim.kwalificatieplicht_periode('2016-08-10', '2035-08-10'), daterange('2033-08-01', '2034-08-10'),
          'startkwalificatie after 18: no effect');
SELECT is(verzuim.kwalificatieplicht_periode('2016-08-01', NULL, '2020-08-01'), daterange('2032-08-01', '2034-08-01'),
          'kwalificatieplicht starts at the 12-schooljaren end');
SELECT is(verzuim.kwalificatieplicht_periode('2004-02-29'), daterange('2020-08-01', '2022-03-01'),
          'born 29 Feb 2004: 18 on 1 Mar 2022');
SELECT is(verzuim.kwalificatieplicht_periode('2008-07-31'), daterange('2024-08-01', '2026-07-31'),
          '16 on 31 Jul 2024: leerplicht ended 31 Jul 2024');
SELECT is(verzuim.kwalificatieplicht_periode('2008-08-01'), daterange('2025-08-01', '2026-08-01'),
          '16 on 1 Aug 2024: leerplicht ended 31 Jul 2025');
SELECT is(verzuim.kwalificatieplicht_periode('1964-07-01'), daterange('1980-08-01', '1982-07-01'),
          'first supported birth date');
SELECT is(verzuim.kwalificatieplicht_periode('2082-08-01'), daterange('2099-08-01', '2100-08-01'),
          'last supported birth date');

-- Status ----------------------------------------------------------------------------------
SELECT is(verzuim.leerplicht_status('2015-12-10', '2021-01-03', regio => 'midden'),
          'nog_niet_leerplichtig'::verzuim.leerplicht, 'the day before the first school day');
SELECT is(verzuim.leerplicht_status('2015-12-10', '2021-01-04', regio => 'midden'),
          'leerplichtig'::verzuim.leerplicht, 'the first school day');
SELECT is(verzuim.leerplicht_status('2017-07-15', '2022-08-31', regio => 'zuid'),
          'nog_niet_leerplichtig'::verzuim.leerplicht, 'zuid: not yet on 31 Aug 2022');
SELECT is(verzuim.leerplicht_status('2017-07-15', '2022-09-05', regio => 'zuid'),
          'leerplichtig'::verzuim.leerplicht, 'zuid: from Mon 5 Sep 2022');
SELECT is(verzuim.leerplicht_status('2016-08-10', '2016-08-09'),
          'nog_niet_leerplichtig'::verzuim.leerplicht, 'not yet born');
SELECT is(verzuim.leerplicht_status('2016-08-10', '2033-07-31', regio => 'midden'),
          'leerplichtig'::verzuim.leerplicht, 'last day of leerplicht');
SELECT is(verzuim.leerplicht_status('2016-08-10', '2033-08-01'),
          'kwalificatieplichtig'::verzuim.leerplicht, 'first day of kwalificatieplicht');
SELECT is(verzuim.leerplicht_status('2016-08-10', '2034-08-09'),
          'kwalificatieplichtig'::verzuim.leerplicht, 'the day before the 18th birthday');
SELECT is(verzuim.leerplicht_status('2016-08-10', '2034-08-10'),
          'niet_meer_plichtig'::verzuim.leerplicht, 'the 18th birthday');
SELECT is(verzuim.leerplicht_status('2016-08-10', '2034-06-15', '2034-06-15'),
          'niet_meer_plichtig'::verzuim.leerplicht, 'the day of the startkwalificatie');
SELECT is(verzuim.leerplicht_status('2016-08-10', '2033-07-31', '2033-06-30', NULL, 'midden'),
          'leerplichtig'::verzuim.leerplicht, 'a startkwalificatie does not end volledige leerplicht');
SELECT is(verzuim.leerplicht_status('2016-08-10', '2033-08-01', '2033-06-30'),
          'niet_meer_plichtig'::verzuim.leerplicht, 'startkwalificatie before the end: no kwalificatieplicht');
SELECT is(verzuim.leerplicht_status('2004-02-29', '2022-02-28'),
          'kwalificatieplichtig'::verzuim.leerplicht, 'born 29 Feb: not 18 on 28 Feb 2022');
SELECT is(verzuim.leerplicht_status('2004-02-29', '2022-03-01'),
          'niet_meer_plichtig'::verzuim.leerplicht, 'born 29 Feb: 18 on 1 Mar 2022');
SELECT is(verzuim.leerplicht_status('2008-07-31', '2024-07-31', regio => 'midden'),
          'leerplichtig'::verzuim.leerplicht, '16 on 31 Jul: leerplichtig that day (start in 2013 not needed)');
SELECT is(verzuim.leerplicht_status('2008-07-31', '2024-08-01'),
          'kwalificatieplichtig'::verzuim.leerplicht, '16 on 31 Jul: kwalificatieplichtig the next day');

-- Missing holiday data: only when the answer depends on it --------------------------------
-- Born 2 Sep 2010: start Thu 1 Oct 2015, certain (midden's herfst 2015 is missing but starts on
-- Sat 10 Oct at the earliest).  Born 10 Feb 2011: start on the first school day of March 2016;
-- midden's voorjaar 2016 is missing and may be Sat 27 Feb - Sun 6 Mar 2016 (week 9).
SELECT is(verzuim.leerplicht_status('2010-09-02', '2015-09-30', regio => 'midden'),
          'nog_niet_leerplichtig'::verzuim.leerplicht, 'before the start month: no calendar needed');
SELECT is(verzuim.leerplicht_status('2010-09-02', '2024-01-15', regio => 'midden'),
          'leerplichtig'::verzuim.leerplicht, 'a later certain school day: no error');
SELECT throws_ok($$SELECT verzuim.leerplicht_status('2011-02-10', '2016-03-01', regio => 'midden')$$,
                 '22023', NULL, 'peildatum in a start month without holiday data raises 22023');
SELECT throws_ok($$SELECT verzuim.leerplicht_periode('2011-02-10', NULL, 'midden')$$,
                 '22023', NULL, 'a start on an uncertain day raises 22023');
SET LOCAL verzuim.onvolledige_kalender = 'waarschuwing';
SET LOCAL client_min_messages = error;
SELECT is(verzuim.leerplicht_periode('2011-02-10', NULL, 'midden'), daterange('2016-03-01', '2027-08-01'),
          'waarschuwing: unknown holidays count as school days, Tue 1 Mar 2016');
SET LOCAL verzuim.onvolledige_kalender = 'fout';
RESET client_min_messages;

-- Age -------------------------------------------------------------------------------------
SELECT is(verzuim.leeftijd('2016-02-29', '2021-02-28'), 4, 'born 29 Feb: 4 on 28 Feb 2021');
SELECT is(verzuim.leeftijd('2016-02-29', '2021-03-01'), 5, 'born 29 Feb: 5 on 1 Mar 2021');
SELECT is(verzuim.leeftijd('2016-02-29', '2020-02-29'), 4, 'born 29 Feb: 4 on 29 Feb 2020');
SELECT is(verzuim.leeftijd('2010-06-15', '2026-06-14'), 15, 'the day before the 16th birthday');
SELECT is(verzuim.leeftijd('2010-06-15', '2026-06-15'), 16, 'the 16th birthday');

-- NULLs and bad input -----------------------------------------------------------------------
SELECT ok(verzuim.leerplicht_periode(NULL) IS NULL, 'leerplicht_periode(NULL) is NULL');
SELECT ok(verzuim.kwalificatieplicht_periode(NULL) IS NULL, 'kwalificatieplicht_periode(NULL) is NULL');
SELECT ok(verzuim.leerplicht_status(NULL, '2024-01-01') IS NULL, 'leerplicht_status with NULL geboortedatum is NULL');
SELECT ok(verzuim.leerplicht_status('2016-01-01', NULL) IS NULL, 'leerplicht_status with NULL peildatum is NULL');
SELECT ok(verzuim.leeftijd('2016-01-01', NULL) IS NULL, 'leeftijd is STRICT');
SELECT throws_ok($$SELECT verzuim.leerplicht_periode('infinity')$$, '22008', NULL, 'infinite geboortedatum: 22008');
SELECT throws_ok($$SELECT verzuim.leerplicht_status('-infinity', '2024-01-01')$$, '22008', NULL, '-infinity geboortedatum: 22008');
SELECT throws_ok($$SELECT verzuim.leerplicht_status('2016-01-01', 'infinity')$$, '22008', NULL, 'infinite peildatum: 22008');
SELECT throws_ok($$SELECT verzuim.kwalificatieplicht_periode('2016-01-01', 'infinity')$$, '22008', NULL, 'infinite startkwalificatie_op: 22008');
SELECT throws_ok($$SELECT verzuim.leerplicht_periode('2016-01-01', 'infinity')$$, '22008', NULL, 'infinite eerste_inschrijving: 22008');
SELECT throws_ok($$SELECT verzuim.leerplicht_periode('1964-06-30')$$, '22008', NULL, 'geboortedatum before 1964-07-01: 22008');
SELECT throws_ok($$SELECT verzuim.kwalificatieplicht_periode('2082-08-02')$$, '22008', NULL, 'geboortedatum after 2082-08-01: 22008');
SELECT throws_ok($$SELECT verzuim.leerplicht_status('1950-01-01', '2024-01-01')$$, '22008', NULL, 'leerplicht_status checks the range too');
SELECT throws_ok($$SELECT verzuim.kwalificatieplicht_periode('2016-01-01', '2015-12-31')$$, '22023', NULL, 'startkwalificatie_op before geboortedatum: 22023');
SELECT throws_ok($$SELECT verzuim.leerplicht_status('2016-01-01', '2030-01-01', '2015-12-31')$$, '22023', NULL, 'status: startkwalificatie_op before geboortedatum: 22023');
SELECT throws_ok($$SELECT verzuim.leerplicht_periode('2016-01-01', '2015-12-31')$$, '22023', NULL, 'eerste_inschrijving before geboortedatum: 22023');
SELECT throws_ok($$SELECT verzuim.leerplicht_periode('2016-01-01', NULL, 'oost')$$, '22023', NULL, 'unknown regio: 22023');
SELECT throws_ok($$SELECT verzuim.leerplicht_periode('2016-01-01', NULL, '')$$, '22023', NULL, 'empty regio: 22023 (only NULL means no regio)');
SELECT throws_ok($$SELECT verzuim.leerplicht_status('2016-01-01', '2040-01-01', regio => 'oost')$$, '22023', NULL, 'unknown regio even when the calendar is not needed: 22023');
SELECT throws_ok($$SELECT verzuim.leeftijd('2016-01-01', '2015-12-31')$$, '22023', NULL, 'leeftijd before birth: 22023');
SELECT throws_ok($$SELECT verzuim.leeftijd('2016-01-01', 'infinity')$$, '22008', NULL, 'leeftijd with an infinite date: 22008');
SELECT throws_ok($$SET LOCAL verzuim.volledig_schooljaar = 'eind_juli'$$, '22023', NULL, 'unknown value of verzuim.volledig_schooljaar: 22023');
SELECT is((SELECT string_agg(p.proname || ':' || p.provolatile::text || p.proparallel::text, ',' ORDER BY p.proname)
           FROM pg_proc p
           WHERE p.pronamespace = 'verzuim'::regnamespace
             AND p.proname IN ('leerplicht_periode', 'kwalificatieplicht_periode', 'leerplicht_status', 'leeftijd')),
          'kwalificatieplicht_periode:ss,leeftijd:is,leerplicht_periode:ss,leerplicht_status:ss',
          'calendar functions STABLE, leeftijd IMMUTABLE, all PARALLEL SAFE');

-- An independent plain-SQL formulation over every birth date 2010-2019, regio zuid ----------
CREATE FUNCTION pg_temp.ref_verjaardag(geb date, n int) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN to_char(geb, 'MM-DD') = '02-29'
                   AND to_char(geb + make_interval(years => n), 'MM-DD') <> '02-29'
              THEN (geb + make_interval(years => n))::date + 1
              ELSE (geb + make_interval(years => n))::date END $$;
CREATE FUNCTION pg_temp.ref_sj(d date) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT extract(year FROM d - interval '7 months')::int $$;
CREATE TEMP TABLE ref ON COMMIT DROP AS
SELECT i, geb,
       CASE i % 4 WHEN 0 THEN NULL
                  WHEN 1 THEN pg_temp.ref_verjaardag(geb, 4)
                  WHEN 2 THEN make_date(pg_temp.ref_sj(pg_temp.ref_verjaardag(geb, 4)), 8, 1) + (i % 41)
                  ELSE geb + (i % 1500) END AS ins,
       CASE i % 3 WHEN 0 THEN NULL ELSE geb + 16 * 365 + (i % 800) END AS sk
FROM (SELECT g::date - date '2010-01-01' AS i, g::date AS geb
      FROM generate_series(date '2010-01-01', date '2019-12-31', interval '1 day') AS g) AS s;
SET LOCAL verzuim.onvolledige_kalender = 'waarschuwing';
SET LOCAL client_min_messages = error;
ALTER TABLE ref ADD start date, ADD einde date, ADD achttien date;
UPDATE ref SET
  start = (SELECT min(d)::date
           FROM generate_series(date_trunc('month', pg_temp.ref_verjaardag(geb, 5)) + interval '1 month',
                                date_trunc('month', pg_temp.ref_verjaardag(geb, 5)) + interval '3 months',
                                interval '1 day') AS d
           WHERE verzuim.is_lesdag(d::date, 'zuid')),
  einde = least(make_date(pg_temp.ref_sj(pg_temp.ref_verjaardag(geb, 16)) + 1, 8, 1),
                make_date(pg_temp.ref_sj(ins) + CASE WHEN ins = make_date(pg_temp.ref_sj(ins), 8, 1) THEN 12 ELSE 13 END, 8, 1)),
  achttien = pg_temp.ref_verjaardag(geb, 18);
SELECT is((SELECT count(*) FROM ref WHERE verzuim.leerplicht_periode(geb, ins, 'zuid') <> daterange(start, einde)),
          0::bigint, 'leerplicht_periode equals the plain-SQL rules for 3,652 birth dates');
SELECT is((SELECT count(*) FROM ref
           WHERE verzuim.kwalificatieplicht_periode(geb, sk, ins, 'zuid')
                 <> CASE WHEN least(achttien, sk) > einde THEN daterange(einde, least(achttien, sk)) ELSE 'empty' END),
          0::bigint, 'kwalificatieplicht_periode equals the plain-SQL rules');
SELECT is((SELECT count(*)
           FROM ref, LATERAL (VALUES (start - 1), (start), (einde - 1), (einde), (achttien - 1), (achttien),
                                     (sk - 1), (sk), (geb + (i * 37) % 7000)) AS p(peil)
           WHERE p.peil IS NOT NULL
             AND verzuim.leerplicht_status(geb, peil, sk, ins, 'zuid')::text
                 IS DISTINCT FROM CASE WHEN peil < start THEN 'nog_niet_leerplichtig'
                                       WHEN peil < einde THEN 'leerplichtig'
                                       WHEN peil < least(achttien, sk) THEN 'kwalificatieplichtig'
                                       ELSE 'niet_meer_plichtig' END),
          0::bigint, 'leerplicht_status equals the plain-SQL rules on 30,432 peildata');
SELECT is((SELECT count(*) FILTER (WHERE extract(month FROM start) <> extract(month FROM pg_temp.ref_verjaardag(geb, 5) + interval '1 month'))
           FROM ref), 62::bigint, 'the generated births include 62 start months without a school day (zuid, August 2021 and 2022)');
RESET client_min_messages;

SELECT * FROM finish();
ROLLBACK;
