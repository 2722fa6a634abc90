-- The 16-hour reporting duty (src/meldplicht.c, src/sql/71_meldplicht.sql).
-- Part 1: hand-computed cases; every "want" was worked out from the weekdays
-- and the shipped holidays (DOMAIN.md §11):
--   voorjaar 2024: noord, midden 17-25 Feb; zuid 10-18 Feb
--   zomer 2024: midden 13 Jul - 25 Aug
-- Mondays: 15, 22, 29 Jan; 5, 12, 19, 26 Feb; 4, 11 Mar; 1, 8 Jul; 26 Aug; 2 Sep 2024.
-- A lesweek is a Monday-Sunday week with a school day; the window at a day is
-- its lesweek and the three lesweken before it, so venster starts on the
-- Monday of the 3rd lesweek before the week of bereikt_op.
-- Part 2: the same rule written in plain SQL (a recursive walk, independent
-- of the C code) must agree exactly with the aggregate on generated data.
SET datestyle = 'ISO, YMD';
SET verzuim.vakantieregio = '';
SET extra_float_digits = 0;

CREATE FUNCTION pg_temp.mp(regio text, dagen text[], uren numeric[])
RETURNS verzuim.meldmoment[] LANGUAGE sql AS
$$ SELECT verzuim.meldplicht(d::date, u, regio) FROM unnest(dagen, uren) AS t(d, u) $$;

CREATE FUNCTION pg_temp.m(venster text, uren numeric, bereikt_op date)
RETURNS verzuim.meldmoment LANGUAGE sql AS $$ SELECT ROW(venster::daterange, uren, bereikt_op)::verzuim.meldmoment $$;

-- 1. hand-computed cases ------------------------------------------------------
SELECT geval, got, want, got = want AS ok
FROM (VALUES
  -- Mon-Thu 5-8 Feb, 4 h each: 16 on Thu; window = lesweken 15, 22, 29 Jan and 5 Feb
  ('exactly 16 hours (>=, statute)',
   pg_temp.mp('midden', '{2024-02-05,2024-02-06,2024-02-07,2024-02-08}', '{4,4,4,4}'),
   ARRAY[pg_temp.m('[2024-01-15,2024-02-09)', 16.00, '2024-02-08')]::verzuim.meldmoment[]),
  -- 4.25 h on nine school days: 17 on Thu 8 Feb (re-armed), then Fri 9, Mon 12, Tue 13, Wed 14 Feb: 17 again
  ('fractional hours, re-armed',
   pg_temp.mp('midden', '{2024-02-15,2024-02-08,2024-02-05,2024-02-06,2024-02-07,2024-02-09,2024-02-12,2024-02-13,2024-02-14}',
              '{4.25,4.25,4.25,4.25,4.25,4.25,4.25,4.25,4.25}'),
   ARRAY[pg_temp.m('[2024-01-15,2024-02-09)', 17.00, '2024-02-08'), pg_temp.m('[2024-01-22,2024-02-15)', 17.00, '2024-02-14')]),
  -- 8 h Mon 4 - Mon 11 Mar: 16 on Tue 5, Thu 7, Mon 11 (each moment starts from zero)
  ('three re-armed moments',
   pg_temp.mp('midden', '{2024-03-04,2024-03-05,2024-03-06,2024-03-07,2024-03-08,2024-03-11}', '{8,8,8,8,8,8}'),
   ARRAY[pg_temp.m('[2024-02-05,2024-03-06)', 16.00, '2024-03-05'), pg_temp.m('[2024-02-05,2024-03-08)', 16.00, '2024-03-07'), pg_temp.m('[2024-02-12,2024-03-12)', 16.00, '2024-03-11')]),
  -- 4 h on Mondays 29 Jan, 5 Feb, 12 Feb, 26 Feb: the voorjaarsvakantie week of 19 Feb is no lesweek,
  -- so the four lesweken run 29 Jan - 1 Mar (five calendar weeks)
  ('hours spread over a holiday (midden)',
   pg_temp.mp('midden', '{2024-01-29,2024-02-05,2024-02-12,2024-02-26}', '{4,4,4,4}'),
   ARRAY[pg_temp.m('[2024-01-29,2024-02-27)', 16.00, '2024-02-26')]),
  -- zuid: 12 Feb is in its voorjaarsvakantie (no les- or praktijktijd, does not count): 12 hours
  ('hours on a holiday do not count (zuid)',
   pg_temp.mp('zuid', '{2024-01-29,2024-02-05,2024-02-12,2024-02-26}', '{4,4,4,4}'),
   '{}'),
  -- Sat 10 Feb is no school day
  ('hours on a Saturday do not count',
   pg_temp.mp('midden', '{2024-02-10,2024-02-12}', '{8,8}'),
   '{}'),
  -- 8 h on Mon 15 Jan and Mon 12 Feb: five lesweken apart, never in one window
  ('the 5th lesweek back is outside the window',
   pg_temp.mp('midden', '{2024-01-15,2024-02-12}', '{8,8}'),
   '{}'),
  ('the 4th lesweek back is inside the window',
   pg_temp.mp('midden', '{2024-01-22,2024-02-12}', '{8,8}'),
   ARRAY[pg_temp.m('[2024-01-22,2024-02-13)', 16.00, '2024-02-12')]),
  -- Mon 1 and 8 Jul 2024, zomervakantie 13 Jul - 25 Aug (no lesweken), Mon 26 Aug and 2 Sep:
  -- four consecutive lesweken across 31 July / 1 August
  ('window across the schooljaar boundary',
   pg_temp.mp('midden', '{2024-09-02,2024-07-01,2024-08-26,2024-07-08}', '{4,4,4,4}'),
   ARRAY[pg_temp.m('[2024-07-01,2024-09-03)', 16.00, '2024-09-02')]),
  -- two rows on one day add up (two reasons); 15.99 is not enough
  ('rows of one day add up; 15.99 is below',
   pg_temp.mp('midden', '{2024-02-05,2024-02-05,2024-02-06}', '{4,3.99,8}'),
   '{}'),
  ('rows of one day add up; 16 reached',
   pg_temp.mp('midden', '{2024-02-05,2024-02-05,2024-02-06,2024-02-07}', '{4,3.99,8,0.01}'),
   ARRAY[pg_temp.m('[2024-01-15,2024-02-08)', 16.00, '2024-02-07')]),
  ('rows but no moment: empty array',
   pg_temp.mp('noord', '{2024-02-05}', '{2}'),
   '{}')
) AS t(geval, got, want);

-- no rows: NULL
SELECT verzuim.meldplicht(d, 1, 'midden') IS NULL AS no_rows_null FROM (SELECT current_date WHERE false) AS t(d);

-- a pupil changing school and region mid-window: noord until Fri 16 Feb, zuid from Mon 19 Feb.
-- 5 h on Mon 5 and Mon 12 Feb (noord school days), 3 h on Mon 19 and Mon 26 Feb (zuid school
-- days; 19 Feb is in noord's voorjaarsvakantie, 12 Feb in zuid's). Each school's calendar
-- counts for its own weeks: lesweken 5, 12, 19, 26 Feb, 16 hours on 26 Feb.
SELECT verzuim.meldplicht(d::date, u, r) AS school_change
FROM (VALUES ('2024-02-26', 3, 'zuid'), ('2024-02-05', 5, 'noord'), ('2024-02-19', 3, 'zuid'),
             ('2024-02-12', 5, 'noord')) AS t(d, u, r);
-- the same hours all in noord (19 Feb does not count) or all in zuid (12 Feb does not count)
SELECT verzuim.meldplicht(d::date, u, 'noord') AS all_noord, verzuim.meldplicht(d::date, u, 'zuid') AS all_zuid
FROM (VALUES ('2024-02-26', 3), ('2024-02-05', 5), ('2024-02-19', 3), ('2024-02-12', 5)) AS t(d, u);

-- comparator, threshold and window: settings, and the same as arguments
SET verzuim.meldplicht_vergelijking = 'meer_dan';
SELECT pg_temp.mp('midden', '{2024-02-05,2024-02-06,2024-02-07,2024-02-08}', '{4,4,4,4}') AS meer_dan_16;
SELECT pg_temp.mp('midden', '{2024-02-05,2024-02-06,2024-02-07,2024-02-08,2024-02-09}', '{4,4,4,4,0.5}') AS meer_dan_16_5;
RESET verzuim.meldplicht_vergelijking;
SET verzuim.meldplicht_drempel = 12;
SET verzuim.meldplicht_lesweken = 2;
SELECT pg_temp.mp('midden', '{2024-01-29,2024-02-05,2024-02-12}', '{6,6,6}') AS drempel_12_lesweken_2;
RESET verzuim.meldplicht_drempel;
RESET verzuim.meldplicht_lesweken;
SELECT verzuim.meldplicht(d::date, u, 'midden', NULL, 12, 'minstens', 2) AS as_arguments,
       verzuim.meldplicht(d::date, u, 'midden', NULL, 16, '>', NULL) AS meer_dan_argument,
       verzuim.meldplicht(d::date, u, 'midden', NULL, NULL, NULL, NULL) AS null_is_setting
FROM unnest('{2024-01-29,2024-02-05,2024-02-12}'::text[], '{6,6,6}'::numeric[]) AS t(d, u);
SHOW verzuim.meldplicht_drempel;
SHOW verzuim.meldplicht_vergelijking;
SHOW verzuim.meldplicht_lesweken;

-- 2. bad input: specific SQLSTATEs, never XX000 ------------------------------
CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS
$$ BEGIN EXECUTE q; RETURN 'no error'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END $$;
SELECT geval, pg_temp.sqlstate_of(q) AS sqlstate
FROM (VALUES
  ('negative hours', $q$SELECT verzuim.meldplicht('2024-02-05'::date, -1, 'midden')$q$),
  ('more than 24 hours in a row', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 24.01, 'midden')$q$),
  ('more than 24 hours in a day', $q$SELECT verzuim.meldplicht(d, 12.5, 'midden') FROM (VALUES ('2024-02-05'::date), ('2024-02-05')) t(d)$q$),
  ('more than 4 decimals', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 1.00001, 'midden')$q$),
  ('NaN hours', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 'NaN', 'midden')$q$),
  ('infinite hours', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 'Infinity', 'midden')$q$),
  ('NULL datum', $q$SELECT verzuim.meldplicht(NULL::date, 1, 'midden')$q$),
  ('NULL uren', $q$SELECT verzuim.meldplicht('2024-02-05'::date, NULL, 'midden')$q$),
  ('unknown regio', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 1, 'west')$q$),
  ('empty regio', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 1, '')$q$),
  ('NULL regio without default', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 1, NULL)$q$),
  ('infinite datum', $q$SELECT verzuim.meldplicht('infinity'::date, 1, 'midden')$q$),
  ('datum outside the calendar', $q$SELECT verzuim.meldplicht('1960-01-04'::date, 1, 'midden')$q$),
  ('unknown brin', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 1, 'midden', '99ZZ99')$q$),
  ('drempel 0', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 1, 'midden', NULL, 0, NULL, NULL)$q$),
  ('unknown vergelijking', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 1, 'midden', NULL, NULL, '=>', NULL)$q$),
  ('lesweken 0', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 1, 'midden', NULL, NULL, NULL, 0)$q$),
  ('drempel changing within a group', $q$SELECT verzuim.meldplicht('2024-02-05'::date, 1, 'midden', NULL, x, NULL, NULL) FROM (VALUES (16), (17)) t(x)$q$),
  ('setting drempel 0', $q$SET verzuim.meldplicht_drempel = 0$q$),
  ('setting drempel 5 decimals', $q$SET verzuim.meldplicht_drempel = 16.00001$q$),
  ('setting vergelijking', $q$SET verzuim.meldplicht_vergelijking = 'gelijk'$q$),
  ('setting lesweken', $q$SET verzuim.meldplicht_lesweken = 0$q$),
  ('missing holiday data', $q$SELECT verzuim.meldplicht('2031-02-17'::date, 1, 'midden')$q$)
) AS t(geval, q);

-- 3. agreement with a plain-SQL formulation on generated data ----------------
-- 400 pupils over two schooljaren and a bit (15 Jul 2023 - 15 Aug 2025), rows
-- on any day (weekends and holidays included, which must not count), hours in
-- quarter hours, some pupils changing region mid-year, some days with a second
-- row from another school.  Deterministic (setseed).
SELECT setseed(0.20240205);
CREATE TEMP TABLE gen AS
WITH p AS MATERIALIZED (
  SELECT g AS leerling,
         (ARRAY['noord','midden','zuid'])[1 + floor(random() * 3)::int] AS r1,
         (ARRAY['noord','midden','zuid'])[1 + floor(random() * 3)::int] AS r2,
         date '2023-07-15' + floor(random() * 760)::int AS wissel,
         0.02 + random() * 0.25 AS kans
  FROM generate_series(1, 300) g)
SELECT p.leerling, s.d AS datum, CASE WHEN s.d < p.wissel THEN p.r1 ELSE p.r2 END AS regio, s.uren
FROM p CROSS JOIN LATERAL (
  SELECT d::date AS d, random() AS x, (0.25 * ceil(random() * 32))::numeric(4,2) AS uren
  FROM generate_series(date '2023-07-15', date '2025-08-15', interval '1 day') d) s
WHERE s.x < p.kans;
INSERT INTO gen
SELECT leerling, datum, CASE regio WHEN 'noord' THEN 'zuid' ELSE 'noord' END, 1.5
FROM gen WHERE random() < 0.05;
SELECT count(*) > 20000 AS enough_rows, count(DISTINCT leerling) AS pupils, count(DISTINCT regio) AS regios FROM gen;

-- the plain-SQL rule: days (school-day hours only), weeks per pupil with the
-- regions that govern them, lesweken numbered, then a recursive walk.
CREATE TEMP TABLE ref_dag AS
SELECT leerling, datum,
       coalesce(sum(uren) FILTER (WHERE verzuim.is_lesdag(datum, regio)), 0) AS uren,
       array_agg(DISTINCT regio) AS regios
FROM gen GROUP BY leerling, datum;
CREATE INDEX ON ref_dag (leerling, datum);
CREATE TEMP TABLE ref_week AS
WITH span AS (
  SELECT leerling, date_trunc('week', min(datum))::date - 140 AS van, date_trunc('week', max(datum))::date AS tot
  FROM ref_dag GROUP BY leerling),
w AS (SELECT s.leerling, wk::date AS maandag FROM span s, generate_series(s.van, s.tot, interval '7 days') wk)
SELECT w.leerling, w.maandag,
       EXISTS (SELECT 1 FROM unnest(g.regios) r, generate_series(w.maandag, w.maandag + 4, interval '1 day') x
               WHERE verzuim.is_lesdag(x::date, r)) AS lesweek
FROM w CROSS JOIN LATERAL (
  SELECT coalesce(
    (SELECT array_agg(DISTINCT r) FROM ref_dag d, unnest(d.regios) r
     WHERE d.leerling = w.leerling AND d.datum >= w.maandag AND d.datum < w.maandag + 7),
    (SELECT d.regios FROM ref_dag d WHERE d.leerling = w.leerling AND d.datum < w.maandag ORDER BY d.datum DESC LIMIT 1),
    (SELECT d.regios FROM ref_dag d WHERE d.leerling = w.leerling ORDER BY d.datum LIMIT 1)) AS regios) g;
CREATE TEMP TABLE ref_lw AS
SELECT leerling, maandag, lesweek,
       count(*) FILTER (WHERE lesweek) OVER (PARTITION BY leerling ORDER BY maandag) AS lw
FROM ref_week;
CREATE TEMP TABLE ref_rij AS
SELECT d.leerling, d.datum, d.uren, l.lw, row_number() OVER (PARTITION BY d.leerling ORDER BY d.datum) AS rn
FROM ref_dag d JOIN ref_lw l ON l.leerling = d.leerling AND l.maandag = date_trunc('week', d.datum)::date
WHERE d.uren > 0;
CREATE UNIQUE INDEX ON ref_rij (leerling, rn);
CREATE INDEX ON ref_lw (leerling, lw);
ANALYZE ref_rij;
ANALYZE ref_lw;

CREATE FUNCTION pg_temp.ref_meldplicht(drempel numeric, meer_dan boolean, n int)
RETURNS TABLE (leerling int, venster daterange, uren numeric, bereikt_op date)
LANGUAGE sql AS $$
WITH RECURSIVE walk AS (
  SELECT p.leerling, 0::bigint AS rn, 0::bigint AS rearm, NULL::numeric AS som
  FROM (SELECT DISTINCT r.leerling FROM ref_rij r) p
  UNION ALL
  SELECT r.leerling, r.rn,
         CASE WHEN (s.som >= drempel AND NOT meer_dan) OR s.som > drempel THEN r.rn ELSE w.rearm END,
         s.som
  FROM walk w
  JOIN ref_rij r ON r.leerling = w.leerling AND r.rn = w.rn + 1
  CROSS JOIN LATERAL (SELECT sum(x.uren) AS som FROM ref_rij x
                      WHERE x.leerling = r.leerling AND x.rn > w.rearm AND x.rn <= r.rn
                        AND x.lw >= r.lw - (n - 1)) s)
SELECT w.leerling,
       daterange((SELECT min(l.maandag) FROM ref_lw l
                  WHERE l.leerling = w.leerling AND l.lesweek AND l.lw = r.lw - (n - 1)), r.datum + 1),
       w.som, r.datum
FROM walk w JOIN ref_rij r ON r.leerling = w.leerling AND r.rn = w.rn
WHERE w.rn > 0 AND w.rearm = w.rn
$$;

-- the aggregate, rows in random order
CREATE TEMP TABLE c_default AS
SELECT g.leerling, (m).venster, (m).uren, (m).bereikt_op
FROM (SELECT leerling, verzuim.meldplicht(datum, uren, regio ORDER BY random()) AS ms FROM gen GROUP BY leerling) g,
     unnest(g.ms) AS m;
CREATE TEMP TABLE r_default AS SELECT * FROM pg_temp.ref_meldplicht(16, false, 4);
SELECT (SELECT count(*) FROM c_default) AS moments,
       (SELECT count(DISTINCT leerling) FROM c_default) AS pupils_with_moments,
       (SELECT count(*) FROM c_default c WHERE EXISTS (SELECT 1 FROM c_default d WHERE d.leerling = c.leerling AND d.bereikt_op < c.bereikt_op)) > 100 AS many_rearmed,
       (SELECT count(*) FROM c_default WHERE upper(venster) - lower(venster) > 28) > 10 AS many_windows_over_holidays,
       (SELECT count(*) FROM c_default WHERE lower(venster) < '2024-08-01' AND bereikt_op >= '2024-08-01') > 0 AS across_schooljaar,
       (SELECT count(*) FROM c_default WHERE uren = 16) > 0 AS exactly_16,
       (SELECT count(*) FROM (SELECT * FROM c_default EXCEPT ALL SELECT * FROM r_default) x) AS only_in_c,
       (SELECT count(*) FROM (SELECT * FROM r_default EXCEPT ALL SELECT * FROM c_default) x) AS only_in_sql;

-- other settings, passed as arguments: drempel 10.5, '>', 3 lesweken
CREATE TEMP TABLE c_other AS
SELECT g.leerling, (m).venster, (m).uren, (m).bereikt_op
FROM (SELECT leerling, verzuim.meldplicht(datum, uren, regio, NULL, 10.5, '>', 3) AS ms FROM gen GROUP BY leerling) g,
     unnest(g.ms) AS m;
CREATE TEMP TABLE r_other AS SELECT * FROM pg_temp.ref_meldplicht(10.5, true, 3);
SELECT (SELECT count(*) FROM c_other) > (SELECT count(*) FROM c_default) AS more_moments,
       (SELECT count(*) FROM (SELECT * FROM c_other EXCEPT ALL SELECT * FROM r_other) x) AS only_in_c,
       (SELECT count(*) FROM (SELECT * FROM r_other EXCEPT ALL SELECT * FROM c_other) x) AS only_in_sql;

-- parallel (partial aggregation with serialize/combine/deserialize) = serial
CREATE TEMP TABLE c_hash AS
SELECT leerling, verzuim.meldplicht(datum, uren, regio) AS ms FROM gen GROUP BY leerling;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 10;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = off;
CREATE TABLE mp_par AS SELECT * FROM gen;   -- a real table: temp tables are not scanned in parallel
ANALYZE mp_par;
EXPLAIN (COSTS OFF) SELECT verzuim.meldplicht(datum, uren, regio) FROM mp_par WHERE leerling = 7;
SELECT (SELECT verzuim.meldplicht(datum, uren, regio) FROM mp_par WHERE leerling = 7)
       = (SELECT ms FROM c_hash WHERE leerling = 7) AS parallel_equals_serial,
       cardinality((SELECT ms FROM c_hash WHERE leerling = 7)) > 1 AS with_moments,
       (SELECT verzuim.meldplicht(datum, uren, regio) FROM mp_par WHERE false) IS NULL AS parallel_empty_null;
-- combine with empty partials: a group whose rows are all in one worker
SELECT count(*) AS pupils, count(*) FILTER (WHERE p.ms = c.ms) AS same
FROM (SELECT leerling, verzuim.meldplicht(datum, uren, regio) AS ms FROM mp_par GROUP BY leerling) p
JOIN c_hash c USING (leerling);
RESET ALL;
DROP TABLE mp_par;
