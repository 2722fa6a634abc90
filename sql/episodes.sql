-- Thuiszit episodes (src/episodes.c, src/sql/50_episodes.sql).
-- Every expected value ("want") was worked out by hand from the weekday of the
-- dates and the holidays shipped in verzuim.vakantie (DOMAIN.md §11); the
-- comment on each row says why.  Holidays used (Saturday - Sunday, 2023-2024):
--   herfst  M,Z 14-22 Oct 2023, N 21-29 Oct
--   kerst   23 Dec 2023 - 7 Jan 2024 (all regions); Nieuwjaarsdag Mon 1 Jan
--   voorjaar N,M 17-25 Feb 2024, Z 10-18 Feb
--   mei     27 Apr - 5 May 2024; Hemelvaart Thu 9 May; 2e Pinksterdag Mon 20 May
--   zomer   M 13 Jul - 25 Aug 2024, N 20 Jul - 1 Sep, Z 6 Jul - 18 Aug
-- Weekdays: Thu 1 Feb 2024, Mon 5 Feb, Fri 16 Feb, Mon 26 Feb, Mon 4 Mar,
-- Tue 12 Mar, Wed 8 May, Fri 17 May, Fri 12 Jul, Mon 26 Aug 2024.
SET datestyle = 'ISO, YMD';
SET verzuim.vakantieregio = '';
SET verzuim.onvolledige_kalender = 'fout';

-- 1. verzuim.episodes(datum, regio) ------------------------------------------
SELECT geval, got, want, got = want AS ok
FROM (VALUES
  -- Thu+Fri, weekend bridged, Mon; Tue 6 Feb is a school day without absence
  ('weekend bridged, Tuesday breaks',
   (SELECT verzuim.episodes(d, 'midden') FROM unnest('{2024-02-01,2024-02-02,2024-02-05,2024-02-07}'::date[]) d),
   '{[2024-02-01,2024-02-06),[2024-02-07,2024-02-08)}'::datemultirange),
  -- the same days in another order, with duplicates and NULLs
  ('order, duplicates and NULLs do not matter',
   (SELECT verzuim.episodes(d, 'midden') FROM unnest('{2024-02-07,2024-02-05,NULL,2024-02-01,2024-02-05,2024-02-02,2024-02-07,NULL}'::date[]) d),
   '{[2024-02-01,2024-02-06),[2024-02-07,2024-02-08)}'),
  -- Fri 22 Dec and Mon 8 Jan: kerstvakantie 23 Dec - 7 Jan in between
  ('kerstvakantie bridged across the year boundary',
   (SELECT verzuim.episodes(d, 'noord') FROM unnest('{2023-12-22,2024-01-08}'::date[]) d),
   '{[2023-12-22,2024-01-09)}'),
  -- Wed 8 May, Hemelvaart Thu 9 May, Fri 10 May
  ('Hemelvaartsdag bridged',
   (SELECT verzuim.episodes(d, 'zuid') FROM unnest('{2024-05-08,2024-05-10}'::date[]) d),
   '{[2024-05-08,2024-05-11)}'),
  -- Fri 17 May, weekend, 2e Pinksterdag Mon 20 May, Tue 21 May
  ('weekend and 2e Pinksterdag bridged',
   (SELECT verzuim.episodes(d, 'midden') FROM unnest('{2024-05-17,2024-05-21}'::date[]) d),
   '{[2024-05-17,2024-05-22)}'),
  -- Fri 16 Feb and Mon 26 Feb: midden has voorjaarsvakantie 17-25 Feb in between
  ('voorjaarsvakantie bridged (midden)',
   (SELECT verzuim.episodes(d, 'midden') FROM unnest('{2024-02-16,2024-02-26}'::date[]) d),
   '{[2024-02-16,2024-02-27)}'),
  -- same days, zuid: its voorjaarsvakantie was a week earlier (10-18 Feb), so Fri 16 Feb
  -- is a holiday (ignored) and 19-23 Feb are school days
  ('same days, zuid: Friday in the holiday is ignored',
   (SELECT verzuim.episodes(d, 'zuid') FROM unnest('{2024-02-16,2024-02-26}'::date[]) d),
   '{[2024-02-26,2024-02-27)}'),
  -- Fri 9 Feb and Mon 19 Feb: zuid's voorjaarsvakantie 10-18 Feb in between
  ('voorjaarsvakantie bridged (zuid)',
   (SELECT verzuim.episodes(d, 'zuid') FROM unnest('{2024-02-09,2024-02-19}'::date[]) d),
   '{[2024-02-09,2024-02-20)}'),
  -- midden: 12-16 Feb are school days, Mon 19 Feb is in midden's vakantie (ignored)
  ('same days, midden',
   (SELECT verzuim.episodes(d, 'midden') FROM unnest('{2024-02-09,2024-02-19}'::date[]) d),
   '{[2024-02-09,2024-02-10)}'),
  -- Fri 12 Jul and Mon 26 Aug 2024: zomervakantie midden 13 Jul - 25 Aug, into schooljaar 2024-2025
  ('zomervakantie bridged into the next schooljaar',
   (SELECT verzuim.episodes(d, 'midden') FROM unnest('{2024-07-12,2024-08-26}'::date[]) d),
   '{[2024-07-12,2024-08-27)}'),
  -- regio is case-insensitive
  ('regio Midden',
   (SELECT verzuim.episodes(d, 'Midden') FROM unnest('{2024-07-12,2024-08-26}'::date[]) d),
   '{[2024-07-12,2024-08-27)}'),
  -- a Saturday is no school day: ignored; no trailing weekend after Friday
  ('Saturday ignored, no trailing weekend',
   (SELECT verzuim.episodes(d, 'midden') FROM unnest('{2024-02-02,2024-02-03}'::date[]) d),
   '{[2024-02-02,2024-02-03)}'),
  ('only non-school days (Saturday, kerstvakantie): empty',
   (SELECT verzuim.episodes(d, 'midden') FROM unnest('{2024-02-03,2024-01-02}'::date[]) d),
   '{}'),
  -- every school day 18 Dec - 12 Jan noord: one episode ending Friday 12 Jan
  ('every day of four weeks over the kerstvakantie',
   (SELECT verzuim.episodes(d::date, 'noord') FROM generate_series(date '2023-12-18', date '2024-01-12', '1 day') d),
   '{[2023-12-18,2024-01-13)}')
) t(geval, got, want);

-- no rows, or only NULL dates: NULL (like every aggregate)
SELECT verzuim.episodes(d, 'midden') IS NULL AS no_rows_null
FROM unnest('{}'::date[]) d;
SELECT verzuim.episodes(d, 'midden') IS NULL AS only_null_dates_null
FROM unnest('{NULL,NULL}'::date[]) d;
-- regio NULL uses verzuim.vakantieregio
SET verzuim.vakantieregio = 'zuid';
SELECT verzuim.episodes(d, NULL) AS regio_from_setting_zuid
FROM unnest('{2024-02-09,2024-02-19}'::date[]) d;
SET verzuim.vakantieregio = '';

-- per pupil, with GROUP BY
SELECT leerling, verzuim.episodes(d, r) AS episodes
FROM (VALUES (1, date '2024-02-01', 'midden'), (1, '2024-02-02', 'midden'), (1, '2024-02-05', 'midden'),
             (2, '2024-02-09', 'zuid'), (2, '2024-02-19', 'zuid'),
             (3, '2024-02-03', 'noord')) v(leerling, d, r)
GROUP BY leerling ORDER BY leerling;

-- a regio per row (a pupil who moved to a school in another regio): a day counts as
-- absent when it is a school day in the regio of one of its rows; a day between two
-- absent days is a school day when it is one in the regio of either of them
SELECT geval, got, want, got = want AS ok
FROM (VALUES
  -- Fri 9 Feb (noord) and Mon 19 Feb (zuid, after its voorjaarsvakantie): 12-16 Feb are
  -- school days in noord
  ('noord then zuid: noord''s school days in between break',
   (SELECT verzuim.episodes(d, r) FROM (VALUES (date '2024-02-09', 'noord'), ('2024-02-19', 'zuid')) v(d, r)),
   '{[2024-02-09,2024-02-10),[2024-02-19,2024-02-20)}'::datemultirange),
  -- Fri 22 Dec (noord) and Mon 8 Jan (zuid): the kerstvakantie of both lies between
  ('noord then zuid over the kerstvakantie',
   (SELECT verzuim.episodes(d, r) FROM (VALUES (date '2023-12-22', 'noord'), ('2024-01-08', 'zuid')) v(d, r)),
   '{[2023-12-22,2024-01-09)}'),
  -- Mon 12 Feb is in zuid's voorjaarsvakantie but a school day in noord
  ('a day with rows of two regio''s, a school day in one',
   (SELECT verzuim.episodes(d, r) FROM (VALUES (date '2024-02-12', 'zuid'), ('2024-02-12', 'noord')) v(d, r)),
   '{[2024-02-12,2024-02-13)}'),
  ('the same day with only the zuid row',
   (SELECT verzuim.episodes(d, r) FROM (VALUES (date '2024-02-12', 'zuid')) v(d, r)),
   '{}')
) t(geval, got, want);

-- as a window function: the final function runs after every row and sorts the
-- dates in place; the rows come unsorted (7, 1, 5, 2 Feb)
SELECT nr, d, verzuim.episodes(d, 'midden') OVER (ORDER BY nr) AS episodes_tot_dan
FROM unnest('{2024-02-07,2024-02-01,2024-02-05,2024-02-02}'::date[]) WITH ORDINALITY u(d, nr)
ORDER BY nr;

-- 2. School-free days of a school (brin) -------------------------------------
BEGIN;
INSERT INTO verzuim.gemeente (gemeentecode, naam) VALUES ('GM9999', 'Testgemeente');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES ('99XX00', 'Testschool', 'GM9999', 'midden');
INSERT INTO verzuim.schoolvrije_dag (brin, datum, omschrijving) VALUES ('99XX00', '2024-03-13', 'studiedag');
SELECT geval, got, want, got = want AS ok
FROM (VALUES
  -- Tue 12 and Thu 14 Mar; studiedag Wed 13 Mar
  ('studiedag bridged with brin',
   (SELECT verzuim.episodes(d, 'midden', '99XX00') FROM unnest('{2024-03-12,2024-03-14}'::date[]) d),
   '{[2024-03-12,2024-03-15)}'::datemultirange),
  ('without brin the studiedag is a school day',
   (SELECT verzuim.episodes(d, 'midden') FROM unnest('{2024-03-12,2024-03-14}'::date[]) d),
   '{[2024-03-12,2024-03-13),[2024-03-14,2024-03-15)}'),
  ('brin NULL: regional calendar only',
   (SELECT verzuim.episodes(d, 'midden', NULL) FROM unnest('{2024-03-12,2024-03-14}'::date[]) d),
   '{[2024-03-12,2024-03-13),[2024-03-14,2024-03-15)}'),
  ('absent only on the studiedag: empty',
   (SELECT verzuim.episodes(d, 'midden', '99XX00') FROM unnest('{2024-03-13}'::date[]) d),
   '{}')
) t(geval, got, want);
ROLLBACK;

-- 3. Reden and verzuim.ziekte_in_episode -------------------------------------
-- Mon 4 + Tue 5 Mar ongeoorloofd, Wed 6 ziek, Thu 7 ongeoorloofd, Fri 8 te_laat,
-- Mon 11 luxe, Tue 12 ziek; Wed 13 ziek and ongeoorloofd on the same day;
-- Thu 14 verlof_14 (last row).
CREATE TEMP TABLE ep_reden (d date, reden verzuim.reden);
INSERT INTO ep_reden VALUES
  ('2024-03-04', 'ongeoorloofd'), ('2024-03-05', 'ongeoorloofd'), ('2024-03-06', 'ziek'),
  ('2024-03-07', 'ongeoorloofd'), ('2024-03-08', 'te_laat'), ('2024-03-11', 'luxe'),
  ('2024-03-12', 'ziek'), ('2024-03-13', 'ziek'), ('2024-03-13', 'ongeoorloofd'),
  ('2024-03-14', 'verlof_14');
SHOW verzuim.ziekte_in_episode;
-- onderbreekt: ziek Wed 6 and Tue 12 break; te_laat Fri 8 was at school and breaks;
-- Wed 13 is absent (ongeoorloofd wins); Thu 14 verlof ends it
SELECT 'onderbreekt' AS beleid, verzuim.episodes(d, 'midden', reden) AS got,
       verzuim.episodes(d, 'midden', reden) = '{[2024-03-04,2024-03-06),[2024-03-07,2024-03-08),[2024-03-11,2024-03-12),[2024-03-13,2024-03-14)}' AS ok
FROM ep_reden;
-- pauzeert: Wed 6 and Tue 12 bridged (not episode days), te_laat still breaks;
-- the trailing verlof Thu 14 is not part of the episode
SET verzuim.ziekte_in_episode = 'pauzeert';
SELECT 'pauzeert' AS beleid, verzuim.episodes(d, 'midden', reden) AS got,
       verzuim.episodes(d, 'midden', reden) = '{[2024-03-04,2024-03-08),[2024-03-11,2024-03-14)}' AS ok
FROM ep_reden;
-- telt_mee: geoorloofd days are absent days: Thu 14 extends the last episode
SET verzuim.ziekte_in_episode = 'telt_mee';
SELECT 'telt_mee' AS beleid, verzuim.episodes(d, 'midden', reden) AS got,
       verzuim.episodes(d, 'midden', reden) = '{[2024-03-04,2024-03-08),[2024-03-11,2024-03-15)}' AS ok
FROM ep_reden;
-- only sick days: an episode only when they count
SELECT verzuim.episodes(d, 'midden', 'ziek'::verzuim.reden) AS telt_mee_alleen_ziek
FROM unnest('{2024-03-04,2024-03-05}'::date[]) d;
RESET verzuim.ziekte_in_episode;
SELECT verzuim.episodes(d, 'midden', 'ziek'::verzuim.reden) AS onderbreekt_alleen_ziek
FROM unnest('{2024-03-04,2024-03-05}'::date[]) d;
-- te_laat never makes an episode day
SELECT verzuim.episodes(d, 'midden', 'te_laat'::verzuim.reden) AS alleen_te_laat
FROM unnest('{2024-03-04,2024-03-05}'::date[]) d;
DROP TABLE ep_reden;

-- 4. verzuim.thuiszit(episode, peildatum, regio) -----------------------------
SHOW verzuim.lrv_drempel;
SHOW verzuim.lrv_eenheid;
SHOW verzuim.norm;
-- duur_lesdagen is checked against verzuim.lesdagen() of the calendar module
SELECT geval, episode, peildatum, (s).*,
       (s).duur_lesdagen = verzuim.lesdagen(daterange(lower(episode), lower(episode) + (s).duur_dagen), 'midden') AS lesdagen_ok
FROM (VALUES
  -- Mon 8 Jan - Sun 4 Feb: exactly 28 days (4 weeks, 20 school days): not longer than 4 weeks
  ('28 days', daterange '[2024-01-08,2024-02-05)', date '2024-03-01'),
  -- 29 days: LRV from the 29th day, Mon 5 Feb; 21 school days
  ('29 days', '[2024-01-08,2024-02-06)', '2024-03-01'),
  -- open from 31 Jan; norm: 31 Jan + 3 months = 30 Apr; age(1 May, 31 Jan) = 3 mons 1 day
  ('31 Jan, peil 30 Apr', '[2024-01-31,)', '2024-04-30'),
  -- peil 29 Apr: age(30 Apr, 31 Jan) = 2 mons 30 days: not above the norm yet
  ('31 Jan, peil 29 Apr', '[2024-01-31,)', '2024-04-29'),
  -- 30 Nov 2023 + 3 months = 29 Feb 2024 (leap year)
  ('30 Nov, peil 29 Feb', '[2023-11-30,)', '2024-02-29'),
  ('30 Nov, peil 28 Feb', '[2023-11-30,)', '2024-02-28'),
  -- 29 Feb 2024 + 3 months = 29 May
  ('29 Feb, peil 29 May', '[2024-02-29,)', '2024-05-29'),
  ('29 Feb, peil 28 May', '[2024-02-29,)', '2024-05-28'),
  -- closed on 29 Apr (upper 30 Apr): lasted exactly 3 months from 31 Jan: not above
  ('31 Jan - 29 Apr closed', '[2024-01-31,2024-04-30)', '2024-06-01'),
  -- over the kerstvakantie: Mon 18 Dec - Fri 19 Jan, 33 days, school days 18-22 Dec (5) + 8-19 Jan (10)
  ('over kerstvakantie', '[2023-12-18,2024-01-20)', '2024-03-01'),
  -- over the zomervakantie into 2024-2025: Mon 17 Jun - Mon 9 Sep, 85 days;
  -- school days 17 Jun - 12 Jul (20) + 26 Aug - 9 Sep (11); norm 17 Sep is after the end
  ('over zomervakantie', '[2024-06-17,2024-09-10)', '2024-10-01'),
  -- open at the peildatum: Fri 1 - Wed 20 Mar = 20 days, school days 1 + 5 + 5 + 3 = 14;
  -- LRV from 29 Mar and the norm from 1 Jun lie after the peildatum
  ('open at the peildatum', '[2024-03-01,)', '2024-03-20'),
  -- known end after the peildatum: still lopend; norm 1 Jun is after the end 14 Apr
  ('end after the peildatum', '[2024-03-01,2024-04-15)', '2024-03-20'),
  -- ends the day of the peildatum (upper = peildatum + 1): lopend, as duur_agg counts upper > peildatum
  ('last day is the peildatum', '[2024-03-01,2024-03-21)', '2024-03-20'),
  ('ended the day before', '[2024-03-01,2024-03-20)', '2024-03-20')
) t(geval, episode, peildatum),
LATERAL (SELECT verzuim.thuiszit(episode, peildatum, 'midden') AS s) x;

-- lrv_eenheid = lesweken: weeks without any school day do not count
SET verzuim.lrv_eenheid = 'lesweken';
SELECT geval, (s).lrv, (s).lrv_vanaf, want, (s).lrv_vanaf IS NOT DISTINCT FROM want AS ok
FROM (VALUES
  -- no holiday: the same as calendar time, 29th day Mon 5 Feb
  ('no holiday', verzuim.thuiszit('[2024-01-08,2024-02-06)', '2024-03-01', 'midden'), date '2024-02-05'),
  -- from Mon 18 Dec: week 18-24 Dec counts (7), 25-31 Dec and 1-7 Jan have no school day,
  -- 8-14, 15-21, 22-28 Jan (28): the 29th counted day is Mon 29 Jan, after the end 20 Jan
  ('over kerstvakantie', verzuim.thuiszit('[2023-12-18,2024-01-20)', '2024-03-01', 'midden'), NULL),
  ('over kerstvakantie, open', verzuim.thuiszit('[2023-12-18,)', '2024-03-01', 'midden'), date '2024-01-29'),
  -- from Mon 17 Jun: 17 Jun - 14 Jul counts (28; week 8-14 Jul has school days 8-12),
  -- 15 Jul - 25 Aug no school day (midden), the 29th counted day is Mon 26 Aug
  ('over zomervakantie', verzuim.thuiszit('[2024-06-17,2024-09-10)', '2024-10-01', 'midden'), date '2024-08-26'),
  -- zuid: zomervakantie 6 Jul - 18 Aug: week 8-14 Jul has no school day; 17 Jun - 7 Jul
  -- counts 21, then 19 Aug - 25 Aug: 22..28, the 29th is Mon 26 Aug as well
  ('over zomervakantie, zuid', verzuim.thuiszit('[2024-06-17,2024-09-10)', '2024-10-01', 'zuid'), date '2024-08-26'),
  -- noord: zomervakantie 20 Jul - 1 Sep: weeks until 14 Jul (28) and 15-21 Jul (school 15-19 Jul)
  -- count: 28 reached on Sun 14 Jul, the 29th day is Mon 15 Jul
  ('over zomervakantie, noord', verzuim.thuiszit('[2024-06-17,2024-09-10)', '2024-10-01', 'noord'), date '2024-07-15')
) t(geval, s, want);
RESET verzuim.lrv_eenheid;

-- other thresholds
SET verzuim.lrv_drempel = '20 days';
SELECT (verzuim.thuiszit('[2024-01-08,2024-02-06)', '2024-03-01', 'midden')).lrv_vanaf AS lrv_vanaf_20_days;
SET verzuim.norm = '6 weeks';
-- Mon 8 Jan + 42 days = Mon 19 Feb
SELECT (s).norm_vanaf AS norm_vanaf_6_weeks, (s).boven_norm
FROM verzuim.thuiszit('[2024-01-08,)', '2024-03-01', 'midden') s;
RESET verzuim.lrv_drempel;
RESET verzuim.norm;

-- NULL arguments, and an episode that starts after the peildatum: no status
SELECT verzuim.thuiszit('[2024-03-21,2024-04-01)', '2024-03-20', 'midden') IS NULL AS starts_after_peildatum,
       verzuim.thuiszit(NULL, '2024-03-01', 'midden') IS NULL AS null_episode,
       verzuim.thuiszit('[2024-01-08,2024-02-06)', NULL, 'midden') IS NULL AS null_peildatum;

-- 5. verzuim.absoluut_verzuim(peildatum) --------------------------------------
BEGIN;
INSERT INTO verzuim.gemeente (gemeentecode, naam) VALUES ('GM9999', 'Testgemeente');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES ('99XX00', 'School A', 'GM9999', 'midden'),
    ('99XX01', 'School B', 'GM9999', 'midden');
INSERT INTO verzuim.leerling (leerling_id, geboortedatum, woongemeente, startkwalificatie_op) VALUES
  (1, '2012-05-10', 'GM9999', NULL),          -- 11-12 years old: leerplichtig throughout
  (2, '2005-01-10', 'GM9999', NULL),          -- 18 on 10 Jan 2023: kwalificatieplicht ends then
  (3, '2005-03-01', 'GM9999', '2022-06-30'),  -- startkwalificatie before leaving school
  (4, '2012-01-01', 'GM9999', NULL),          -- emigrates 1 Mar 2023
  (5, '2012-01-01', 'GM9999', NULL),          -- vrijstelling covers the gap
  (6, '2020-01-01', 'GM9999', NULL),          -- 4 years old: not leerplichtig yet
  (7, '2012-01-01', 'GM9999', NULL),          -- re-enrolled the day after the peildatum
  (8, '2018-07-15', 'GM9999', NULL);          -- 5 in July 2023, enrolled only 4 Sep 2023
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES
  (1, '99XX00', '[2017-05-01,2023-07-15)', 'po'),
  (1, '99XX01', '[2023-10-02,2024-02-01)', 'vo'),
  (1, '99XX00', '[2024-04-01,)', 'vo'),
  (2, '99XX00', '[2010-01-01,2022-01-01)', 'vo'),
  (3, '99XX00', '[2010-01-01,2022-07-01)', 'vo'),
  (4, '99XX00', '[2017-01-01,2023-01-01)', 'po'),
  (5, '99XX00', '[2017-01-01,2023-01-01)', 'po'),
  (7, '99XX00', '[2017-01-01,2024-01-01)', 'po'),
  (7, '99XX01', '[2024-03-21,)', 'vo'),
  (8, '99XX00', '[2023-09-04,)', 'po');
INSERT INTO verzuim.vrijstelling (leerling_id, artikel, periode) VALUES
  (1, '5a', '[2024-02-15,2024-03-01)'),
  (5, '5a', '[2023-01-01,)');
INSERT INTO verzuim.verblijf (leerling_id, gemeentecode, periode) VALUES
  (4, 'GM9999', '[2012-01-01,2023-03-01)');
-- expected at peildatum Wed 20 Mar 2024:
--  1: [15 Jul 2023, 2 Oct 2023) between schools; [1 Feb, 15 Feb 2024) before the vrijstelling;
--     from 1 Mar 2024 (vrijstelling ended) open at the peildatum (enrolled again only 1 Apr): [2024-03-01,)
--  2: [1 Jan 2022, 10 Jan 2023): closed by the 18th birthday
--  4: [1 Jan 2023, 1 Mar 2023): closed by emigration
--  7: [1 Jan 2024, 21 Mar 2024) contains the peildatum: open [2024-01-01,)
--  8: leerplicht from the first school day of August 2023 in any region (no regio, no
--     default): midden's zomervakantie ended Sun 20 Aug, so Mon 21 Aug; gap [21 Aug, 4 Sep)
SELECT verzuim.leerplicht_periode('2018-07-15') AS leerplicht_8;
SELECT leerling_id, episode FROM verzuim.absoluut_verzuim('2024-03-20') ORDER BY leerling_id, episode;
-- at 1 Aug 2023 pupil 1's first gap is still open; pupil 7 not yet out of school
SELECT leerling_id, episode FROM verzuim.absoluut_verzuim('2023-08-01') ORDER BY leerling_id, episode;
-- duration and status at the peildatum, as analysts combine them
SELECT leerling_id, episode, (verzuim.thuiszit(episode, '2024-03-20', 'midden')).*
FROM verzuim.absoluut_verzuim('2024-03-20') ORDER BY leerling_id, episode;
SELECT count(*) AS null_peildatum_rows FROM verzuim.absoluut_verzuim(NULL);
ROLLBACK;

RESET datestyle;
RESET verzuim.vakantieregio;
RESET verzuim.onvolledige_kalender;
