-- Leerplicht ages and periods (src/leerplicht.c, src/sql/20_leerplicht.sql).
-- Every expected value ("want") was computed by hand from the Leerplichtwet
-- rules (DOMAIN.md §2), the weekday of the date and the holidays of
-- verzuim.vakantie (DOMAIN.md §11); the comment on each row says why.
-- Schooljaren with complete holiday data: 2020-2021 .. 2024-2025.
-- Holidays used (Saturday - Sunday):
--   zomer 2020  N 4 Jul-16 Aug, M 18 Jul-30 Aug, Z 11 Jul-23 Aug
--   zomer 2021  N 10 Jul-22 Aug, M 17 Jul-29 Aug, Z 24 Jul-5 Sep
--   zomer 2022  N 16 Jul-28 Aug, M 9 Jul-21 Aug, Z 23 Jul-4 Sep
--   kerst 19 Dec 2020-3 Jan 2021; 23 Dec 2023-7 Jan 2024
--   mei 1-9 May 2021; 26 Apr-4 May 2025
--   herfst 2024 N,M 26 Oct-3 Nov, Z 19-27 Oct
SET datestyle = 'ISO, YMD';
SET verzuim.vakantieregio = '';
SET verzuim.onvolledige_kalender = 'fout';

-- 1. Start of leerplicht: first school day of the month after the 5th birthday
SELECT geval, got, want, got = want AS ok
FROM (VALUES
  -- DOMAIN example moved to 2022: 5 on Fri 2 Sep 2022 -> October; 1-2 Oct is a weekend -> Mon 3 Oct
  ('5 on 2 Sep 2022 (midden)', lower(verzuim.leerplicht_periode('2017-09-02', NULL, 'midden')), date '2022-10-03'),
  -- December: 1 Jan 2021 Nieuwjaarsdag (Fri) in the kerstvakantie until Sun 3 Jan -> Mon 4 Jan
  ('5 on 10 Dec 2020 (midden)', lower(verzuim.leerplicht_periode('2015-12-10', NULL, 'midden')), date '2021-01-04'),
  -- last day of December: kerstvakantie 23 Dec 2023 - Sun 7 Jan 2024 -> Mon 8 Jan
  ('5 on 31 Dec 2023 (noord)', lower(verzuim.leerplicht_periode('2018-12-31', NULL, 'noord')), date '2024-01-08'),
  -- July: August 2022 after the zomervakantie: midden ends Sun 21 Aug -> Mon 22 Aug
  ('5 on 15 Jul 2022 (midden)', lower(verzuim.leerplicht_periode('2017-07-15', NULL, 'midden')), date '2022-08-22'),
  -- noord zomervakantie ends Sun 28 Aug -> Mon 29 Aug
  ('5 on 15 Jul 2022 (noord)', lower(verzuim.leerplicht_periode('2017-07-15', NULL, 'noord')), date '2022-08-29'),
  -- zuid zomervakantie 23 Jul - Sun 4 Sep: no school day in August -> the first after it, Mon 5 Sep
  ('5 on 15 Jul 2022 (zuid)', lower(verzuim.leerplicht_periode('2017-07-15', NULL, 'zuid')), date '2022-09-05'),
  -- regio case-insensitive
  ('5 on 15 Jul 2022 (Zuid)', lower(verzuim.leerplicht_periode('2017-07-15', NULL, 'Zuid')), date '2022-09-05'),
  -- no regio, no default: school day in any region -> the earliest, midden's Mon 22 Aug
  ('5 on 15 Jul 2022 (no regio)', lower(verzuim.leerplicht_periode('2017-07-15')), date '2022-08-22'),
  -- July 2021: zomervakantie 2021 N ends 22 Aug, M 29 Aug, Z Sun 5 Sep
  ('5 on 20 Jul 2021 (noord)', lower(verzuim.leerplicht_periode('2016-07-20', NULL, 'noord')), date '2021-08-23'),
  ('5 on 20 Jul 2021 (midden)', lower(verzuim.leerplicht_periode('2016-07-20', NULL, 'midden')), date '2021-08-30'),
  ('5 on 20 Jul 2021 (zuid)', lower(verzuim.leerplicht_periode('2016-07-20', NULL, 'zuid')), date '2021-09-06'),
  -- April: meivakantie 1 - Sun 9 May 2021 -> Mon 10 May
  ('5 on 10 Apr 2021 (midden)', lower(verzuim.leerplicht_periode('2016-04-10', NULL, 'midden')), date '2021-05-10'),
  -- last day of April: meivakantie 26 Apr - Sun 4 May 2025, Mon 5 May Bevrijdingsdag (2025 is a lustrum) -> Tue 6 May
  ('5 on 30 Apr 2025 (zuid)', lower(verzuim.leerplicht_periode('2020-04-30', NULL, 'zuid')), date '2025-05-06'),
  -- Easter Sunday 31 Mar 2024, so Mon 1 Apr is Tweede Paasdag -> Tue 2 Apr
  ('5 on 15 Mar 2024 (midden)', lower(verzuim.leerplicht_periode('2019-03-15', NULL, 'midden')), date '2024-04-02'),
  -- born 29 Feb: 5 on 1 Mar 2021 (no 29 Feb in 2021) -> April -> Thu 1 Apr (28 Feb reading would give Mon 1 Mar)
  ('born 29 Feb 2016 (midden)', lower(verzuim.leerplicht_periode('2016-02-29', NULL, 'midden')), date '2021-04-01'),
  -- born 28 Feb: 5 on Sun 28 Feb 2021 -> March -> Mon 1 Mar (voorjaarsvakantie midden ended 28 Feb)
  ('born 28 Feb 2016 (midden)', lower(verzuim.leerplicht_periode('2016-02-28', NULL, 'midden')), date '2021-03-01'),
  ('born 1 Mar 2016 (midden)', lower(verzuim.leerplicht_periode('2016-03-01', NULL, 'midden')), date '2021-04-01'),
  -- born 29 Feb 2020: 5 on 1 Mar 2025 -> April -> Tue 1 Apr 2025
  ('born 29 Feb 2020 (noord)', lower(verzuim.leerplicht_periode('2020-02-29', NULL, 'noord')), date '2025-04-01'),
  -- birthday on the 1st: 5 on 1 Oct 2022 -> the FOLLOWING month, Tue 1 Nov
  ('5 on 1 Oct 2022 (midden)', lower(verzuim.leerplicht_periode('2017-10-01', NULL, 'midden')), date '2022-11-01'),
  -- last day of January: 5 on 31 Jan 2022 -> February -> Tue 1 Feb
  ('5 on 31 Jan 2022 (midden)', lower(verzuim.leerplicht_periode('2017-01-31', NULL, 'midden')), date '2022-02-01'),
  -- herfstvakantie 2024 N,M 26 Oct - Sun 3 Nov -> Mon 4 Nov; zuid (19-27 Oct) -> Fri 1 Nov
  ('5 on 15 Oct 2024 (midden)', lower(verzuim.leerplicht_periode('2019-10-15', NULL, 'midden')), date '2024-11-04'),
  ('5 on 15 Oct 2024 (zuid)', lower(verzuim.leerplicht_periode('2019-10-15', NULL, 'zuid')), date '2024-11-01'),
  ('5 on 15 Oct 2024 (no regio)', lower(verzuim.leerplicht_periode('2019-10-15')), date '2024-11-01')
) AS t(geval, got, want);

-- the setting of the 12-schooljaren rule (defined when the library is loaded)
SHOW verzuim.volledig_schooljaar;
-- the default regio setting is used when regio is NULL
SET verzuim.vakantieregio = 'zuid';
SELECT lower(verzuim.leerplicht_periode('2017-07-15')) AS zuid_via_setting;  -- 2022-09-05, as above
SET verzuim.vakantieregio = '';
-- Bevrijdingsdag setting: with 'nooit' Mon 5 May 2025 is a school day
SET verzuim.bevrijdingsdag_vrij = 'nooit';
SELECT lower(verzuim.leerplicht_periode('2020-04-30', NULL, 'zuid')) AS bevrijdingsdag_nooit;  -- 2025-05-05
RESET verzuim.bevrijdingsdag_vrij;

-- 2. Whole periods and the end of volledige leerplicht
SELECT geval, got, want, got = want AS ok
FROM (VALUES
  -- 16 on Sat 31 Jul 2032: schooljaar 2031-2032 -> ends 31 Jul 2032; start: 5 on 31 Jul 2021 -> August, midden zomer until 29 Aug -> Mon 30 Aug
  ('16 on 31 Jul', verzuim.leerplicht_periode('2016-07-31', NULL, 'midden'), daterange('2021-08-30', '2032-08-01')),
  -- 16 on 1 Aug 2032: schooljaar 2032-2033 -> ends 31 Jul 2033; start: 5 on 1 Aug 2021 -> September, Wed 1 Sep
  ('16 on 1 Aug', verzuim.leerplicht_periode('2016-08-01', NULL, 'midden'), daterange('2021-09-01', '2033-08-01')),
  -- born 29 Feb 2016: 16 on 29 Feb 2032 (leap year) -> schooljaar 2031-2032
  ('born 29 Feb', verzuim.leerplicht_periode('2016-02-29', NULL, 'midden'), daterange('2021-04-01', '2032-08-01')),
  -- 12 schooljaren (art. 3 lid 1 a), setting schooljaarbegin (1 August):
  -- enrolled 10 Aug 2020 (after 1 Aug): first full schooljaar 2021-2022, 12th is 2032-2033 -> 1 Aug 2033 = b (16 on 10 Aug 2032)
  ('enrolled 10 Aug 2020', verzuim.leerplicht_periode('2016-08-10', '2020-08-10', 'midden'), daterange('2021-09-01', '2033-08-01')),
  -- enrolled on 1 Aug 2020: 2020-2021 is full, 12th is 2031-2032 -> ends 1 Aug 2032, a year before b (2033)
  ('enrolled 1 Aug 2020', verzuim.leerplicht_periode('2016-08-01', '2020-08-01', 'midden'), daterange('2021-09-01', '2032-08-01')),
  -- enrolled 15 Oct 2020 (4th birthday): first full 2021-2022 -> 1 Aug 2033 = b (16 on 15 Oct 2032);
  -- start: 5 on 15 Oct 2021 -> November, Mon 1 Nov 2021
  ('enrolled 15 Oct 2020', verzuim.leerplicht_periode('2016-10-15', '2020-10-15', 'midden'), daterange('2021-11-01', '2033-08-01')),
  -- enrolled 1 Aug 2019 (data of an early start): 12th full is 2030-2031 -> 1 Aug 2031 < b = 1 Aug 2032 (16 on 15 Sep 2031);
  -- start: 5 on 15 Sep 2020 -> October, Thu 1 Oct 2020
  ('enrolled 1 Aug 2019', verzuim.leerplicht_periode('2015-09-15', '2019-08-01', 'midden'), daterange('2020-10-01', '2031-08-01')),
  -- enrolment after b has no effect
  ('enrolled after b', verzuim.leerplicht_periode('2015-09-15', '2032-09-01', 'midden'), daterange('2020-10-01', '2032-08-01'))
) AS t(geval, got, want);

-- setting eerste_lesdag: a schooljaar is full when the first enrolment is on or before its first school day
SET verzuim.volledig_schooljaar = 'eerste_lesdag';
SELECT geval, got, want, got = want AS ok
FROM (VALUES
  -- midden zomer 2020 until Sun 30 Aug: first school day Mon 31 Aug; enrolled 10 Aug -> 2020-2021 full -> ends 1 Aug 2032
  ('enrolled 10 Aug 2020 (midden)', upper(verzuim.leerplicht_periode('2016-08-10', '2020-08-10', 'midden')), date '2032-08-01'),
  -- enrolled 20 Aug 2020: midden (first school day 31 Aug) full -> 2032; zuid (zomer until 23 Aug, first Mon 24 Aug) full -> 2032;
  -- noord (zomer until 16 Aug, Mon 17 Aug is a school day) not full -> 2033 = b (16 on 20 Aug 2032)
  ('enrolled 20 Aug 2020 (midden)', upper(verzuim.leerplicht_periode('2016-08-20', '2020-08-20', 'midden')), date '2032-08-01'),
  ('enrolled 20 Aug 2020 (zuid)', upper(verzuim.leerplicht_periode('2016-08-20', '2020-08-20', 'zuid')), date '2032-08-01'),
  ('enrolled 20 Aug 2020 (noord)', upper(verzuim.leerplicht_periode('2016-08-20', '2020-08-20', 'noord')), date '2033-08-01'),
  -- no regio: 17 Aug is a school day in noord, so the latest end
  ('enrolled 20 Aug 2020 (no regio)', upper(verzuim.leerplicht_periode('2016-08-20', '2020-08-20')), date '2033-08-01'),
  -- enrolled on the first school day itself (Mon 31 Aug, midden): full -> 2032; a day later: not full -> 2033
  ('enrolled 31 Aug 2020 (midden)', upper(verzuim.leerplicht_periode('2016-08-31', '2020-08-31', 'midden')), date '2032-08-01'),
  ('enrolled 1 Sep 2020 (midden)', upper(verzuim.leerplicht_periode('2016-09-01', '2020-09-01', 'midden')), date '2033-08-01')
) AS t(geval, got, want);
-- the status follows: on 1 Aug 2032 the pupil of the first row is kwalificatieplichtig
SELECT verzuim.leerplicht_status('2016-08-10', '2032-08-01', NULL, '2020-08-10', 'midden') AS eerste_lesdag;
RESET verzuim.volledig_schooljaar;
-- with the default (schooljaarbegin) the same pupil is still leerplichtig on 1 Aug 2032
SELECT verzuim.leerplicht_status('2016-08-10', '2032-08-01', NULL, '2020-08-10', 'midden') AS schooljaarbegin;

-- 3. Kwalificatieplicht (no calendar needed with the default setting)
SELECT geval, got, want, got = want AS ok
FROM (VALUES
  -- leerplicht ends 1 Aug 2033 (above); 18 on 10 Aug 2034: on the birthday the duty has ended
  ('until 18', verzuim.kwalificatieplicht_periode('2016-08-10'), daterange('2033-08-01', '2034-08-10')),
  -- startkwalificatie before 18: ends that day
  ('startkwalificatie 15 Jun 2034', verzuim.kwalificatieplicht_periode('2016-08-10', '2034-06-15'), daterange('2033-08-01', '2034-06-15')),
  -- startkwalificatie during leerplicht, or on the day it ends: empty
  ('startkwalificatie 30 Jun 2033', verzuim.kwalificatieplicht_periode('2016-08-10', '2033-06-30'), 'empty'::daterange),
  ('startkwalificatie 1 Aug 2033', verzuim.kwalificatieplicht_periode('2016-08-10', '2033-08-01'), 'empty'::daterange),
  ('startkwalificatie 2 Aug 2033', verzuim.kwalificatieplicht_periode('2016-08-10', '2033-08-02'), daterange('2033-08-01', '2033-08-02')),
  -- startkwalificatie after 18: no effect
  ('startkwalificatie at 19', verzuim.kwalificatieplicht_periode('2016-08-10', '2035-08-10'), daterange('2033-08-01', '2034-08-10')),
  -- eerste_inschrijving moves the start (enrolled 1 Aug 2020 -> leerplicht ends 1 Aug 2032)
  ('enrolled 1 Aug 2020', verzuim.kwalificatieplicht_periode('2016-08-01', NULL, '2020-08-01'), daterange('2032-08-01', '2034-08-01')),
  -- born 29 Feb 2004: 16 on 29 Feb 2020 (schooljaar 2019-2020), 18 on 1 Mar 2022 (no 29 Feb in 2022)
  ('born 29 Feb 2004', verzuim.kwalificatieplicht_periode('2004-02-29'), daterange('2020-08-01', '2022-03-01')),
  -- 16 on 31 Jul 2024 -> schooljaar 2023-2024; 16 on 1 Aug 2024 -> schooljaar 2024-2025
  ('born 31 Jul 2008', verzuim.kwalificatieplicht_periode('2008-07-31'), daterange('2024-08-01', '2026-07-31')),
  ('born 1 Aug 2008', verzuim.kwalificatieplicht_periode('2008-08-01'), daterange('2025-08-01', '2026-08-01')),
  -- the first and last supported birth dates
  ('born 1 Jul 1964', verzuim.kwalificatieplicht_periode('1964-07-01'), daterange('1980-08-01', '1982-07-01')),
  ('born 1 Aug 2082', verzuim.kwalificatieplicht_periode('2082-08-01'), daterange('2099-08-01', '2100-08-01'))
) AS t(geval, got, want);

-- 4. Status on a peildatum
SELECT geval, got::text, want, got::text = want AS ok
FROM (VALUES
  -- start Mon 4 Jan 2021 (section 1)
  ('31 Dec 2020', verzuim.leerplicht_status('2015-12-10', '2020-12-31', regio => 'midden'), 'nog_niet_leerplichtig'),
  ('1 Jan 2021 (holiday)', verzuim.leerplicht_status('2015-12-10', '2021-01-01', regio => 'midden'), 'nog_niet_leerplichtig'),
  ('3 Jan 2021', verzuim.leerplicht_status('2015-12-10', '2021-01-03', regio => 'midden'), 'nog_niet_leerplichtig'),
  ('4 Jan 2021', verzuim.leerplicht_status('2015-12-10', '2021-01-04', regio => 'midden'), 'leerplichtig'),
  -- zuid: no school day in August 2022, start Mon 5 Sep
  ('zuid 31 Aug 2022', verzuim.leerplicht_status('2017-07-15', '2022-08-31', regio => 'zuid'), 'nog_niet_leerplichtig'),
  ('zuid 5 Sep 2022', verzuim.leerplicht_status('2017-07-15', '2022-09-05', regio => 'zuid'), 'leerplichtig'),
  ('midden 21 Aug 2022', verzuim.leerplicht_status('2017-07-15', '2022-08-21', regio => 'midden'), 'nog_niet_leerplichtig'),
  ('midden 22 Aug 2022', verzuim.leerplicht_status('2017-07-15', '2022-08-22', regio => 'midden'), 'leerplichtig'),
  -- not yet born, and the day of birth
  ('before birth', verzuim.leerplicht_status('2016-08-10', '2016-08-09'), 'nog_niet_leerplichtig'),
  ('day of birth', verzuim.leerplicht_status('2016-08-10', '2016-08-10'), 'nog_niet_leerplichtig'),
  -- leerplicht [2021-09-01, 2033-08-01), kwalificatieplicht until 10 Aug 2034 (sections 2, 3)
  ('last day leerplicht', verzuim.leerplicht_status('2016-08-10', '2033-07-31', regio => 'midden'), 'leerplichtig'),
  ('first day kwalificatieplicht', verzuim.leerplicht_status('2016-08-10', '2033-08-01'), 'kwalificatieplichtig'),
  ('day before 18', verzuim.leerplicht_status('2016-08-10', '2034-08-09'), 'kwalificatieplichtig'),
  ('18th birthday', verzuim.leerplicht_status('2016-08-10', '2034-08-10'), 'niet_meer_plichtig'),
  ('day before startkwalificatie', verzuim.leerplicht_status('2016-08-10', '2034-06-14', '2034-06-15'), 'kwalificatieplichtig'),
  ('day of startkwalificatie', verzuim.leerplicht_status('2016-08-10', '2034-06-15', '2034-06-15'), 'niet_meer_plichtig'),
  -- a startkwalificatie does not end volledige leerplicht, but leaves no kwalificatieplicht
  ('startkwalificatie at 16, in leerplicht', verzuim.leerplicht_status('2016-08-10', '2033-07-31', '2033-06-30', NULL, 'midden'), 'leerplichtig'),
  ('startkwalificatie at 16, after', verzuim.leerplicht_status('2016-08-10', '2033-08-01', '2033-06-30'), 'niet_meer_plichtig'),
  -- born 29 Feb 2004: 18 on 1 Mar 2022
  ('29 Feb: 28 Feb 2022', verzuim.leerplicht_status('2004-02-29', '2022-02-28'), 'kwalificatieplichtig'),
  ('29 Feb: 1 Mar 2022', verzuim.leerplicht_status('2004-02-29', '2022-03-01'), 'niet_meer_plichtig'),
  -- born 29 Feb 2016: start Thu 1 Apr 2021
  ('29 Feb: 31 Mar 2021', verzuim.leerplicht_status('2016-02-29', '2021-03-31', regio => 'midden'), 'nog_niet_leerplichtig'),
  ('29 Feb: 1 Apr 2021', verzuim.leerplicht_status('2016-02-29', '2021-04-01', regio => 'midden'), 'leerplichtig'),
  -- 16 on 31 Jul 2024 / 1 Aug 2024 (start in 2013, a schooljaar without holiday data: not needed here)
  ('16 on 31 Jul, that day', verzuim.leerplicht_status('2008-07-31', '2024-07-31', regio => 'midden'), 'leerplichtig'),
  ('16 on 31 Jul, next day', verzuim.leerplicht_status('2008-07-31', '2024-08-01'), 'kwalificatieplichtig'),
  ('16 on 1 Aug, that day', verzuim.leerplicht_status('2008-08-01', '2024-08-01', regio => 'midden'), 'leerplichtig'),
  ('16 on 1 Aug, a year on', verzuim.leerplicht_status('2008-08-01', '2025-08-01'), 'kwalificatieplichtig')
) AS t(geval, got, want);

-- 5. Missing holiday data: only when the answer depends on it.
-- Born 2 Sep 2010: 5 on 2 Sep 2015 -> start Thu 1 Oct 2015 (the DOMAIN example); midden's herfstvakantie
-- 2015-2016 is missing, but it cannot start before Sat 10 Oct 2015 (week 42): 1 Oct 2015 is certain.
SELECT verzuim.leerplicht_status('2010-09-02', '2015-09-30', regio => 'midden') AS before_start_month;  -- no calendar needed
SELECT verzuim.leerplicht_status('2010-09-02', '2024-01-15', regio => 'midden') AS later_school_day_is_certain;
SELECT verzuim.kwalificatieplicht_periode('2010-09-02') AS no_calendar;  -- 16 on 2 Sep 2026 -> [1 Aug 2027, 2 Sep 2028)
SELECT verzuim.leerplicht_status('2010-09-02', '2015-10-01', regio => 'midden');  -- leerplichtig
SELECT verzuim.leerplicht_periode('2010-09-02', NULL, 'midden');  -- [2015-10-01, 2027-08-01)
-- Born 10 Feb 2011: 5 on 10 Feb 2016 -> the first school day of March 2016; midden's voorjaarsvakantie
-- 2015-2016 is missing and may be Sat 27 Feb - Sun 6 Mar 2016 (week 9): Tue 1 Mar 2016 is uncertain.
SELECT verzuim.leerplicht_status('2011-02-10', '2016-03-01', regio => 'midden');  -- error: 1 March 2016 may be a holiday
SELECT verzuim.leerplicht_periode('2011-02-10', NULL, 'midden');  -- error
SET verzuim.onvolledige_kalender = 'waarschuwing';
SELECT verzuim.leerplicht_periode('2011-02-10', NULL, 'midden');  -- warning; [2016-03-01, 2027-08-01)
SELECT verzuim.leerplicht_status('2011-02-10', '2016-03-01', regio => 'midden');  -- warning; leerplichtig
RESET verzuim.onvolledige_kalender;
-- setting eerste_lesdag with an enrolment in 2014-2015 (midden's zomer 2014 is shipped: 19 Jul - 31 Aug).
SET verzuim.volledig_schooljaar = 'eerste_lesdag';
SELECT verzuim.leerplicht_status('2010-10-15', '2025-01-01', NULL, '2014-10-15', 'midden') AS not_needed;  -- leerplichtig
-- 15 Oct 2014 is after the first school day of 2014-2015:
SELECT verzuim.kwalificatieplicht_periode('2010-10-15', NULL, '2014-10-15', 'midden');  -- [2027-08-01,2028-10-15)
-- Mon 1 Sep 2014 is the first school day of 2014-2015 in midden: 12 full schooljaren end leerplicht on 1 Aug 2026
SELECT verzuim.kwalificatieplicht_periode('2010-10-15', NULL, '2014-09-01', 'midden');  -- [2026-08-01,2028-10-15)
-- Born 20 Aug 2011 (16 in schooljaar 2027-2028), enrolled Mon 24 Aug 2015 in zuid: zuid's zomer 2015
-- is missing (it falls between Sat 27 Jun and Sun 30 Aug 2015), so whether 24 Aug is on or before the
-- first school day of 2015-2016 (12 full schooljaren: end 1 Aug 2027, else 1 Aug 2028) is unknown: error
SELECT verzuim.kwalificatieplicht_periode('2011-08-20', NULL, '2015-08-24', 'zuid');  -- error
RESET verzuim.volledig_schooljaar;
SELECT verzuim.kwalificatieplicht_periode('2010-10-15', NULL, '2014-10-15', 'midden') AS schooljaarbegin;  -- [2027-08-01, 2028-10-15)

-- 6. Age
SELECT geval, got, want, got = want AS ok
FROM (VALUES
  ('29 Feb, 28 Feb 2021', verzuim.leeftijd('2016-02-29', '2021-02-28'), 4),
  ('29 Feb, 1 Mar 2021', verzuim.leeftijd('2016-02-29', '2021-03-01'), 5),
  ('29 Feb, 29 Feb 2020', verzuim.leeftijd('2016-02-29', '2020-02-29'), 4),
  ('29 Feb, 28 Feb 2020', verzuim.leeftijd('2016-02-29', '2020-02-28'), 3),
  ('day before 16th birthday', verzuim.leeftijd('2010-06-15', '2026-06-14'), 15),
  ('16th birthday', verzuim.leeftijd('2010-06-15', '2026-06-15'), 16),
  ('day of birth', verzuim.leeftijd('2010-06-15', '2010-06-15'), 0),
  ('31 Dec to 1 Jan', verzuim.leeftijd('2009-12-31', '2010-01-01'), 0)
) AS t(geval, got, want);

-- 7. NULLs and bad input
SELECT verzuim.leerplicht_periode(NULL) IS NULL AS periode_null,
       verzuim.kwalificatieplicht_periode(NULL, '2030-01-01') IS NULL AS kwal_null,
       verzuim.leerplicht_status(NULL, '2024-01-01') IS NULL AS status_geb_null,
       verzuim.leerplicht_status('2016-01-01', NULL) IS NULL AS status_peil_null,
       verzuim.leeftijd(NULL, '2024-01-01') IS NULL AS leeftijd_null;
SELECT verzuim.leerplicht_periode('infinity');
SELECT verzuim.leerplicht_status('2016-01-01', '-infinity');
SELECT verzuim.kwalificatieplicht_periode('2016-01-01', 'infinity');
SELECT verzuim.leerplicht_periode('2016-01-01', 'infinity');
SELECT verzuim.leerplicht_periode('1964-06-30');
SELECT verzuim.leerplicht_status('2082-08-02', '2090-01-01');
SELECT verzuim.kwalificatieplicht_periode('2016-01-01', '2015-12-31');
SELECT verzuim.leerplicht_periode('2016-01-01', '2015-12-31');
SELECT verzuim.leerplicht_status('2016-01-01', '2040-01-01', regio => 'oost');
SELECT verzuim.leerplicht_periode('2016-01-01', NULL, '');  -- only NULL means "no regio"
SELECT verzuim.leeftijd('2016-01-01', '2015-12-31');
SELECT verzuim.leeftijd('2016-01-01', 'infinity');
SET verzuim.volledig_schooljaar = 'eind_juli';
SELECT p.oid::regprocedure, p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p
WHERE p.pronamespace = 'verzuim'::regnamespace
  AND p.proname IN ('leerplicht_periode', 'kwalificatieplicht_periode', 'leerplicht_status', 'leeftijd')
ORDER BY 1::text;

-- 8. An independent plain-SQL formulation of the rules, compared over every birth date
-- 2010-01-01 .. 2019-12-31 (3,652 pupils), regio zuid (whose zomervakantie covers all of
-- August in 2021 and 2022), with generated enrolments,
-- startkwalificaties and peildata.  Dates in schooljaren without holiday data are
-- compared under the 'waarschuwing' policy (unknown holidays count as school days, in
-- both formulations); the births whose start lies in complete schooljaren are also run
-- under the default policy.
CREATE FUNCTION pg_temp.ref_verjaardag(geb date, n int) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  -- PostgreSQL's date + interval gives 28 Feb for 29 Feb in a non-leap year: move it to 1 Mar
  SELECT CASE WHEN to_char(geb, 'MM-DD') = '02-29'
                   AND to_char(geb + make_interval(years => n), 'MM-DD') <> '02-29'
              THEN (geb + make_interval(years => n))::date + 1
              ELSE (geb + make_interval(years => n))::date END $$;
CREATE FUNCTION pg_temp.ref_sj(d date) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT extract(year FROM d - interval '7 months')::int $$;  -- August..July -> the year of August
CREATE FUNCTION pg_temp.ref_start(geb date) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT min(d)::date
  FROM generate_series(date_trunc('month', pg_temp.ref_verjaardag(geb, 5)) + interval '1 month',
                       date_trunc('month', pg_temp.ref_verjaardag(geb, 5)) + interval '3 months',
                       interval '1 day') AS d
  WHERE verzuim.is_lesdag(d::date, 'zuid') $$;
CREATE FUNCTION pg_temp.ref_einde(geb date, ins date, eerste_lesdag boolean) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT least(make_date(pg_temp.ref_sj(pg_temp.ref_verjaardag(geb, 16)) + 1, 8, 1),
               make_date(pg_temp.ref_sj(ins)
                         + CASE WHEN ins = make_date(pg_temp.ref_sj(ins), 8, 1) THEN 12
                                WHEN eerste_lesdag AND NOT EXISTS (
                                       SELECT FROM generate_series(make_date(pg_temp.ref_sj(ins), 8, 1), ins - 1, interval '1 day') AS d
                                       WHERE verzuim.is_lesdag(d::date, 'zuid')) THEN 12
                                ELSE 13 END, 8, 1)) $$;
CREATE TEMP TABLE ref AS
SELECT i, geb,
       CASE i % 4 WHEN 0 THEN NULL
                  WHEN 1 THEN pg_temp.ref_verjaardag(geb, 4)
                  WHEN 2 THEN make_date(pg_temp.ref_sj(pg_temp.ref_verjaardag(geb, 4)), 8, 1) + (i % 41)
                  ELSE geb + (i % 1500) END AS ins,
       CASE i % 3 WHEN 0 THEN NULL ELSE geb + 16 * 365 + (i % 800) END AS sk
FROM (SELECT g::date - date '2010-01-01' AS i, g::date AS geb
      FROM generate_series(date '2010-01-01', date '2019-12-31', interval '1 day') AS g) AS s;
SET verzuim.onvolledige_kalender = 'waarschuwing';
SET client_min_messages = error;
ALTER TABLE ref ADD start date, ADD einde date, ADD einde_el date, ADD achttien date;
UPDATE ref SET start = pg_temp.ref_start(geb),
               einde = pg_temp.ref_einde(geb, ins, false),
               einde_el = pg_temp.ref_einde(geb, ins, true),
               achttien = pg_temp.ref_verjaardag(geb, 18);
-- the generated cases cover the rules (counts from the reference formulation)
SELECT count(*) AS pupils,
       count(*) FILTER (WHERE extract(day FROM start) <> 1) AS start_not_on_the_1st,
       count(*) FILTER (WHERE extract(month FROM start) <> extract(month FROM pg_temp.ref_verjaardag(geb, 5) + interval '1 month')) AS start_month_without_school_day,
       count(*) FILTER (WHERE to_char(geb, 'MM-DD') = '02-29') AS born_29_feb,
       count(*) FILTER (WHERE einde < make_date(pg_temp.ref_sj(pg_temp.ref_verjaardag(geb, 16)) + 1, 8, 1)) AS ended_by_12_schooljaren,
       count(*) FILTER (WHERE einde_el <> einde) AS eerste_lesdag_differs,
       count(*) FILTER (WHERE sk < einde) AS startkwalificatie_in_leerplicht
FROM ref;
SELECT count(*) AS periode_mismatches
FROM ref
WHERE verzuim.leerplicht_periode(geb, ins, 'zuid') <> daterange(start, einde)
   OR verzuim.kwalificatieplicht_periode(geb, sk, ins, 'zuid')
      <> CASE WHEN least(achttien, sk) > einde THEN daterange(einde, least(achttien, sk)) ELSE 'empty' END;
SELECT count(*) AS checked,
       count(*) FILTER (WHERE verzuim.leerplicht_status(geb, peil, sk, ins, 'zuid')::text
                              IS DISTINCT FROM CASE WHEN peil < start THEN 'nog_niet_leerplichtig'
                                                    WHEN peil < einde THEN 'leerplichtig'
                                                    WHEN peil < least(achttien, sk) THEN 'kwalificatieplichtig'
                                                    ELSE 'niet_meer_plichtig' END) AS status_mismatches
FROM ref, LATERAL (VALUES (start - 1), (start), (einde - 1), (einde), (achttien - 1), (achttien),
                          (sk - 1), (sk), (geb + (i * 37) % 7000)) AS p(peil)
WHERE p.peil IS NOT NULL;
SET verzuim.volledig_schooljaar = 'eerste_lesdag';
SELECT count(*) AS eerste_lesdag_mismatches
FROM ref
WHERE verzuim.leerplicht_periode(geb, ins, 'zuid') <> daterange(start, einde_el);
RESET verzuim.volledig_schooljaar;
-- births whose start lies in 2020-2021 .. 2024-2025, under the default policy (errors would stop the test)
RESET verzuim.onvolledige_kalender;
SELECT count(*) AS complete_data_pupils,
       count(*) FILTER (WHERE verzuim.leerplicht_periode(geb, ins, 'zuid') <> daterange(start, einde)) AS mismatches
FROM ref WHERE geb BETWEEN '2015-07-01' AND '2019-12-31';
-- no regio and no default: a day is a school day if it is one in any region
SET verzuim.vakantieregio = '';
SELECT count(*) AS union_checked,
       count(*) FILTER (WHERE lower(verzuim.leerplicht_periode(geb)) <> (
         SELECT min(d)::date
         FROM generate_series(date_trunc('month', pg_temp.ref_verjaardag(geb, 5)) + interval '1 month',
                              date_trunc('month', pg_temp.ref_verjaardag(geb, 5)) + interval '3 months',
                              interval '1 day') AS d
         WHERE verzuim.is_lesdag(d::date, 'noord') OR verzuim.is_lesdag(d::date, 'midden')
            OR verzuim.is_lesdag(d::date, 'zuid'))) AS union_mismatches
FROM ref WHERE geb BETWEEN '2015-07-01' AND '2019-12-31';
RESET client_min_messages;
DROP TABLE ref;
RESET verzuim.vakantieregio;

-- 9. In parallel workers (the functions are PARALLEL SAFE; each worker loads the calendar).
-- On 1 Sep 2022 in zuid, the births 1 Jul 2015 .. 30 Jun 2017 are leerplichtig (5 by June 2022,
-- start by July 2022); July 2017 births start Mon 5 Sep: 184 + 366 + 181 = 731 pupils.
CREATE TABLE leerplicht_par AS
SELECT g::date AS geb FROM generate_series(date '2015-07-01', date '2019-12-31', interval '1 day') AS g;
ANALYZE leerplicht_par;
CREATE FUNCTION pg_temp.plan(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; s text := '';
BEGIN
  FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP s := s || r || E'\n'; END LOOP;
  RETURN s;
END $$;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SELECT pg_temp.plan($$SELECT count(*) FROM leerplicht_par
                      WHERE verzuim.leerplicht_status(geb, '2022-09-01', regio => 'zuid') = 'leerplichtig'$$)
       ~ 'Parallel Seq Scan' AS parallel_plan;
CREATE TEMP TABLE par_result AS
SELECT count(*) AS leerplichtig,
       sum(upper(verzuim.leerplicht_periode(geb, NULL, 'zuid')) - lower(verzuim.leerplicht_periode(geb, NULL, 'zuid'))) AS dagen
FROM leerplicht_par
WHERE verzuim.leerplicht_status(geb, '2022-09-01', regio => 'zuid') = 'leerplichtig';
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
SET max_parallel_workers_per_gather = 0;
SELECT p.leerplichtig, s.leerplichtig = p.leerplichtig AND s.dagen = p.dagen AS same_as_serial
FROM par_result p,
     (SELECT count(*) AS leerplichtig,
             sum(upper(verzuim.leerplicht_periode(geb, NULL, 'zuid')) - lower(verzuim.leerplicht_periode(geb, NULL, 'zuid'))) AS dagen
      FROM leerplicht_par
      WHERE verzuim.leerplicht_status(geb, '2022-09-01', regio => 'zuid') = 'leerplichtig') AS s;
RESET max_parallel_workers_per_gather;
DROP TABLE par_result;
DROP TABLE leerplicht_par;
RESET datestyle;
