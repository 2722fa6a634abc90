-- M@ZL sickness signal (src/meldplicht.c, src/sql/73_mazl.sql).  Expected
-- dates worked out by hand; regio midden: herfst 14-22 Oct 2023, kerst
-- 23 Dec 2023 - 7 Jan 2024, voorjaar 17-25 Feb 2024.
SET datestyle = 'ISO, YMD';
SET verzuim.vakantieregio = '';
CREATE FUNCTION pg_temp.mazl(dagen text[], redenen text[] DEFAULT NULL, eenheid text DEFAULT NULL)
RETURNS date[] LANGUAGE sql AS
$$ SELECT verzuim.mazl_signaal(d::date, coalesce(r, 'ziek')::verzuim.reden, 'midden', NULL, eenheid)
   FROM unnest(dagen, redenen) AS t(d, r) $$;

SELECT geval, got, want, got = want AS ok
FROM (VALUES
  -- Mon 5 - Tue 13 Feb: the weekend is bridged, Tue 13 is the 7th sick school day
  ('7th consecutive sick school day', pg_temp.mazl('{2024-02-13,2024-02-05,2024-02-06,2024-02-07,2024-02-08,2024-02-09,2024-02-12}'), '{2024-02-13}'::date[]),
  ('6 days: no signal', pg_temp.mazl('{2024-02-05,2024-02-06,2024-02-07,2024-02-08,2024-02-09,2024-02-12}'), '{}'),
  -- Wed 14 - Fri 16 Feb, voorjaarsvakantie, Mon 26 - Thu 29 Feb: one report, 7th day Thu 29 Feb
  ('a report across a holiday', pg_temp.mazl('{2024-02-14,2024-02-15,2024-02-16,2024-02-26,2024-02-27,2024-02-28,2024-02-29}'), '{2024-02-29}'),
  -- Wed 7 Feb is a school day without a sick row: two reports of 2 and 5 days
  ('a school day in between ends a report', pg_temp.mazl('{2024-02-05,2024-02-06,2024-02-08,2024-02-09,2024-02-12,2024-02-13,2024-02-14}'), '{}'),
  -- reports on Mondays 8 Jan, 22 Jan, 5 Feb, 4 Mar: the 4th within 84 days (56); 11 Mar starts afresh
  ('4th sick report within 12 weeks', pg_temp.mazl('{2024-01-08,2024-01-22,2024-02-05,2024-03-04,2024-03-11}'), '{2024-03-04}'),
  -- 8 Jan, 22 Jan, 5 Feb, 8 Apr: 91 days from the first, 3 in 12 weeks
  ('4 reports in 13 weeks: no signal', pg_temp.mazl('{2024-01-08,2024-01-22,2024-02-05,2024-04-08}'), '{}'),
  -- other reasons and a sick Saturday do not count
  ('other reasons are no sick reports', pg_temp.mazl('{2024-01-08,2024-01-22,2024-02-05,2024-03-04,2024-02-10}', '{ziek,ongeoorloofd,ziek,ziek,ziek}'), '{}'),
  -- Mon 2 Oct, 30 Oct, 27 Nov 2023, 8 Jan 2024: 98 calendar days, but lesweken 1, 4, 8 and 12
  -- (the herfst week and two kerst weeks are no lesweken): calendar no signal, school weeks a signal
  ('12 calendar weeks', pg_temp.mazl('{2023-10-02,2023-10-30,2023-11-27,2024-01-08}', NULL, 'kalender'), '{}'),
  ('12 school weeks', pg_temp.mazl('{2023-10-02,2023-10-30,2023-11-27,2024-01-08}', NULL, 'schoolweken'), '{2024-01-08}'),
  -- a 4th report that lasts 7 days: two signals, the report on its first day, the 7th day later
  ('both signals', pg_temp.mazl('{2024-01-08,2024-01-22,2024-02-05,2024-03-04,2024-03-05,2024-03-06,2024-03-07,2024-03-08,2024-03-11,2024-03-12}'), '{2024-03-04,2024-03-12}')
) AS t(geval, got, want);

SET verzuim.mazl_weken = 'schoolweken';
SELECT verzuim.mazl_signaal(d::date, 'ziek', 'midden') AS setting_schoolweken
FROM unnest('{2023-10-02,2023-10-30,2023-11-27,2024-01-08}'::text[]) d;
RESET verzuim.mazl_weken;
SELECT verzuim.mazl_signaal(d, 'ziek', 'midden') IS NULL AS no_rows_null FROM (SELECT current_date WHERE false) t(d);

CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN EXECUTE q; RETURN 'no error'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END $$;
SELECT geval, pg_temp.sqlstate_of(q) AS sqlstate
FROM (VALUES
  ('NULL datum', $q$SELECT verzuim.mazl_signaal(NULL::date, 'ziek', 'midden')$q$),
  ('unknown regio', $q$SELECT verzuim.mazl_signaal('2024-02-05'::date, 'ziek', 'oost')$q$),
  ('unknown eenheid', $q$SELECT verzuim.mazl_signaal('2024-02-05'::date, 'ziek', 'midden', NULL, 'maanden')$q$),
  ('eenheid changing in a group', $q$SELECT verzuim.mazl_signaal('2024-02-05'::date, 'ziek', 'midden', NULL, e) FROM (VALUES ('kalender'), ('schoolweken')) t(e)$q$),
  ('setting', $q$SET verzuim.mazl_weken = 'maanden'$q$),
  ('infinite datum', $q$SELECT verzuim.mazl_signaal('infinity'::date, 'ziek', 'midden')$q$)
) AS t(geval, q);
