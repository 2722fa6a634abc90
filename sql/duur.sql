-- duur: the duration summary verzuim.duurverdeling (duur_agg, accessors,
-- samenvoegen, text and binary I/O, errors).  Every expected value is worked
-- out by hand in the comments, or compared with an independent plain-SQL
-- formulation (the query then prints only the number of mismatches).
SET search_path = verzuim, public;
SET extra_float_digits = 0;
BEGIN;

-- errors as 'SQLSTATE: message' so that every error case shows its code
CREATE FUNCTION pg_temp.fout(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-------------------------------------------------------------------------------
-- 1. Classification of episodes at peildatum 2024-06-30 (hand example)
-------------------------------------------------------------------------------
CREATE TEMP TABLE ep (g text, episode daterange);
INSERT INTO ep VALUES
  ('a', '[2024-06-01,2024-06-11)'),  -- closed, 10 days
  ('a', '[2024-06-20,2024-06-30)'),  -- upper = peildatum: back on the peildatum, closed, 10 days
  ('a', '[2024-06-21,2024-07-01)'),  -- upper = peildatum + 1: still out on 30 June, open, 21..30 June = 10 days
  ('a', '[2024-06-30,)'),            -- started on the peildatum, unbounded: open, 1 day
  ('a', '[2024-07-01,2024-07-05)'),  -- starts after the peildatum: ignored
  ('a', '[2024-05-31,infinity]'),    -- infinite upper bound: open, 31 May + 30 June days = 31 days
  ('a', 'empty'),                    -- skipped
  ('a', NULL),                       -- skipped
  ('a', '[2024-06-29,2024-06-30]'),  -- = [06-29,07-01): open, 2 days
  ('a', '[2024-02-28,2024-03-01)'),  -- leap year: 28 and 29 February, closed, 2 days
  ('b', NULL),                       -- a group without counted episodes: empty summary
  ('c', '[2024-08-01,2024-08-02)');  -- a group whose only episode has not started: empty summary
-- group a: closed 2, 10, 10; open 1, 2, 10, 31
--   entries 1:0/1, 2:1/1, 10:2/1, 31:0/1; gesloten 3, lopend 4, som 22, som_lopend 44
SELECT g, duur_agg(episode, '2024-06-30') FROM ep GROUP BY g ORDER BY g;
-- no rows at all: NULL (like avg)
SELECT duur_agg(episode, '2024-06-30') IS NULL AS leeg FROM ep WHERE false;

-- accessors of group a:
--   aantal 7, aantal_lopend 4, gemiddelde 22/3, doorloopsnelheid (22+44)/7 = 66/7
--   Kaplan-Meier: n = 7; t=1: no closed, 6 at risk after; t=2: 6 at risk, 1 closed,
--   S = 5/6, 4 at risk after; t=10: 4 at risk, 2 closed, S = 5/6 * 2/4 = 5/12.
--   mediaan 10 (first S <= 0.5); percentiel 0.1 -> S <= 0.9 at t=2; percentiel 0.6 ->
--   S <= 0.4 never (5/12 > 0.4): NULL; aandeel_langer_dan(5) = 5/6, (10) = 5/12,
--   (1) = 1, (-3) = 1, (1000) = 5/12 (carried forward);
--   beperkt_gemiddelde(30) = 2 * 1 + 8 * 5/6 + 20 * 5/12 = 2 + 20/3 + 25/3 = 17;
--   beperkt_gemiddelde(0) = 0, (2) = 2, (3) = 2 + 5/6.
SELECT aantal(s), aantal_lopend(s), gemiddelde(s), doorloopsnelheid(s), mediaan(s),
       percentiel(s, 0.1) AS p10, percentiel(s, 0.6) AS p60,
       round(aandeel_langer_dan(s, 5)::numeric, 12) AS langer_5,
       round(aandeel_langer_dan(s, 10)::numeric, 12) AS langer_10,
       aandeel_langer_dan(s, 1) AS langer_1, aandeel_langer_dan(s, -3) AS langer_min3,
       round(aandeel_langer_dan(s, 1000)::numeric, 12) AS langer_1000,
       beperkt_gemiddelde(s, 30) AS rmst_30, beperkt_gemiddelde(s, 0) AS rmst_0,
       beperkt_gemiddelde(s, 2) AS rmst_2, round(beperkt_gemiddelde(s, 3), 9) AS rmst_3,
       peildatum(s), eenheid(s)
FROM (SELECT duur_agg(episode, '2024-06-30') s FROM ep WHERE g = 'a') x;
SELECT * FROM verdeling((SELECT duur_agg(episode, '2024-06-30') FROM ep WHERE g = 'a'));
-- the empty summary: counts 0, figures NULL
SELECT aantal(s), aantal_lopend(s), gemiddelde(s), doorloopsnelheid(s), mediaan(s),
       percentiel(s, 0) AS p0, beperkt_gemiddelde(s, 10) AS rmst, aandeel_langer_dan(s, 1) AS langer
FROM (SELECT duur_agg(episode, '2024-06-30') s FROM ep WHERE g = 'b') x;
-- the aggregate doorloopsnelheid equals the accessor (66/7 for a, NULL for b and c)
SELECT g, doorloopsnelheid(episode, '2024-06-30') FROM ep GROUP BY g ORDER BY g;

-------------------------------------------------------------------------------
-- 2. Kaplan-Meier on textbook data: 6-MP arm of Freireich et al. (Gehan 1965),
--    remission times in weeks (* = censored), used here as days:
--    6 6 6 6* 7 9* 10 10* 11* 13 16 17* 19* 20* 22 23 25* 32* 32* 34* 35*
-------------------------------------------------------------------------------
CREATE TEMP TABLE mp (t int, gesloten boolean);
INSERT INTO mp VALUES (6,true),(6,true),(6,true),(6,false),(7,true),(9,false),(10,true),(10,false),
  (11,false),(13,true),(16,true),(17,false),(19,false),(20,false),(22,true),(23,true),(25,false),
  (32,false),(32,false),(34,false),(35,false);
-- as episodes at peildatum 2024-06-30: closed ones end 100 days before it,
-- open ones started t - 1 days before it (observed t days including the peildatum)
CREATE TEMP TABLE mp_s AS
SELECT duur_agg(CASE WHEN gesloten THEN daterange(DATE '2024-03-22' - t, DATE '2024-03-22')
                     ELSE daterange(DATE '2024-07-01' - t, NULL) END, '2024-06-30') AS s
FROM mp;
SELECT s FROM mp_s;
-- the same summary typed in
SELECT s OPERATOR(verzuim.=) '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=9;lopend=12;som=109;som_lopend=250;6:3/1,7:1/0,9:0/1,10:1/1,11:0/1,13:1/0,16:1/0,17:0/1,19:0/1,20:0/1,22:1/0,23:1/0,25:0/1,32:0/2,34:0/1,35:0/1}'
       AS zelfde FROM mp_s;
-- S by hand: t=6: 21 at risk, 3 closed: 18/21 = 6/7; t=7: 17 at risk: 6/7*16/17 = 96/119;
-- t=10: 15 at risk: *14/15 = 64/85; t=13: 12 at risk: *11/12 = 176/255 (0.690196078431);
-- t=16: 11: *10/11 = 32/51 (0.627450980392); t=22: 7: *6/7 = 64/119 (0.537815126050);
-- t=23: 6: *5/6 = 160/357 (0.448179271709), then only censored.
-- mediaan = 23 (the textbook value); percentiel 0.25 -> S <= 0.75: 13 (64/85 = 0.7529 > 0.75);
-- percentiel 0.1 -> 6; percentiel 0.5 -> 23; percentiel 0.55 -> S <= 0.45: 23; 0.6 -> NULL.
-- gemiddelde of the 9 closed: (18+7+10+13+16+22+23)/9 = 109/9.
SELECT mediaan(s), percentiel(s, 0.25) AS p25, percentiel(s, 0.1) AS p10,
       percentiel(s, 0.5) AS p50, percentiel(s, 0.55) AS p55, percentiel(s, 0.6) AS p60,
       percentiel(s, 0) AS p0, gemiddelde(s), aantal(s), aantal_lopend(s)
FROM mp_s;
-- aandeel_langer_dan: S(5) = 1, S(6) = 6/7, S(12) = 64/85, S(13) = 176/255, S(40) = 160/357
SELECT aandeel_langer_dan(s, 5) AS s5, round(aandeel_langer_dan(s, 6)::numeric, 12) AS s6,
       round(aandeel_langer_dan(s, 12)::numeric, 12) AS s12,
       round(aandeel_langer_dan(s, 13)::numeric, 12) AS s13,
       round(aandeel_langer_dan(s, 40)::numeric, 12) AS s40
FROM mp_s;
-- restricted mean: sum of S(k), k < horizon.
--   horizon 10: 6*1 + 1*6/7 + 3*96/119 = 1104/119 = 9.277310924
--   horizon 23: + 3*64/85 + 3*176/255 + 6*32/51 + 64/119 = 10656/595 = 17.909243697
--   horizon 35: + 12*160/357 = 13856/595 = 23.287394958
SELECT round(beperkt_gemiddelde(s, 10), 9) AS h10, round(beperkt_gemiddelde(s, 23), 9) AS h23,
       round(beperkt_gemiddelde(s, 35), 9) AS h35
FROM mp_s;

-------------------------------------------------------------------------------
-- 3. Ties of closed and open episodes at the same duration, and the median
--    when S is exactly 0.5 on a flat stretch
-------------------------------------------------------------------------------
-- durations 3 3 3* 5 7* 8 8* 10 (entries 3:2/1, 5:1/0, 7:0/1, 8:1/1, 10:1/0)
-- An episode open at t counts as at risk at t (censoring after closing):
--   t=3: 8 at risk, 2 closed: S = 6/8 = 0.75; t=5: 5 at risk: S = 0.75*4/5 = 0.6;
--   t=8: 3 at risk (8, 8*, 10): S = 0.6*2/3 = 0.4 (0.3 if 8* were left out); t=10: S = 0.
--   mediaan 8; percentiel 0 -> 3, 0.25 -> 3, 0.4 -> 5, 0.7 -> 10, 1 -> 10
--   aandeel_langer_dan(7) = 0.6, (8) = 0.4, (10) = 0
--   beperkt_gemiddelde(10) = 3*1 + 2*0.75 + 3*0.6 + 2*0.4 = 7.1 (also for 20: S = 0 after 10)
--   gemiddelde (3+3+5+8+10)/5 = 5.8; doorloopsnelheid (29 + 3+7+8)/8 = 5.875
CREATE TEMP TABLE tie AS
SELECT '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=5;lopend=3;som=29;som_lopend=18;3:2/1,5:1/0,7:0/1,8:1/1,10:1/0}'::duurverdeling AS s;
SELECT mediaan(s), percentiel(s, 0) AS p0, percentiel(s, 0.25) AS p25, percentiel(s, 0.4) AS p40,
       percentiel(s, 0.7) AS p70, percentiel(s, 1) AS p100,
       round(aandeel_langer_dan(s, 7)::numeric, 12) AS s7,
       round(aandeel_langer_dan(s, 8)::numeric, 12) AS s8, aandeel_langer_dan(s, 10) AS s10,
       round(beperkt_gemiddelde(s, 10), 9) AS h10, round(beperkt_gemiddelde(s, 20), 9) AS h20,
       gemiddelde(s), doorloopsnelheid(s)
FROM tie;
-- exactly 0.5: durations 1 2 3 4, all closed: S(2) = 0.5 on [2,3).  Rule: the
-- smallest t with S(t) <= 0.5 -> 2 (= percentile_disc(0.5)); R's survfit would say 2.5.
-- With censoring: 1 2 3* 4: S(1) = 3/4, S(2) = 3/4 * 2/3 = 0.5 (not exact in
-- binary floating point; the 1e-9 tolerance makes it count), flat to t=4 -> 2 (R: 3).
-- Normal case: 1 2 3 4 5: S(2) = 0.6, S(3) = 0.4 -> 3.
SELECT mediaan('{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=4;lopend=0;som=10;som_lopend=0;1:1/0,2:1/0,3:1/0,4:1/0}') AS exact_half,
       mediaan('{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=3;lopend=1;som=7;som_lopend=3;1:1/0,2:1/0,3:0/1,4:1/0}') AS half_censored,
       mediaan('{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=5;lopend=0;som=15;som_lopend=0;1:1/0,2:1/0,3:1/0,4:1/0,5:1/0}') AS normal;
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY d) AS disc FROM generate_series(1, 4) d;

-------------------------------------------------------------------------------
-- 4. Plain-SQL oracles on generated data (40 groups, about 4,000 episodes)
-------------------------------------------------------------------------------
SELECT setseed(0.2024);
CREATE TEMP TABLE rnd AS
SELECT i, (i % 40) AS g, (i % 7) AS h,
       CASE WHEN random() < 0.25 THEN daterange(s, NULL)
            ELSE daterange(s, s + 1 + floor(random() * random() * 120)::int) END AS episode
FROM (SELECT i, DATE '2024-01-01' + floor(random() * 200)::int AS s
      FROM generate_series(1, 4000) i) x;
-- two groups without open episodes (all end by 2024-05-30), for the uncensored oracles
UPDATE rnd SET episode = daterange(DATE '2024-01-01' + i % 100, DATE '2024-01-01' + i % 100 + 1 + (i * 7) % 50)
WHERE g IN (38, 39);
CREATE TEMP TABLE rnd_s AS
SELECT g, duur_agg(episode, '2024-06-30') AS s FROM rnd GROUP BY g;
-- observations in plain SQL: d = duration, closed = closed by the peildatum
CREATE TEMP VIEW rnd_obs AS
SELECT g, CASE WHEN upper(episode) <= '2024-06-30' THEN upper(episode) - lower(episode)
               ELSE DATE '2024-07-01' - lower(episode) END AS d,
       coalesce(upper(episode) <= '2024-06-30', false) AS closed
FROM rnd WHERE lower(episode) <= '2024-06-30';
SELECT count(*) AS groepen, sum(aantal(s)) AS episodes, sum(aantal_lopend(s)) AS lopend,
       count(*) FILTER (WHERE aantal_lopend(s) = 0) AS zonder_lopend
FROM rnd_s;
-- counts, exact means and the table itself
SELECT count(*) AS verschillen
FROM rnd_s r
JOIN (SELECT g, count(*) AS n, count(*) FILTER (WHERE NOT closed) AS lopend,
             avg(d) FILTER (WHERE closed) AS gem, avg(d) AS doorloop
      FROM rnd_obs GROUP BY g) o USING (g)
WHERE aantal(s) <> o.n OR aantal_lopend(s) <> o.lopend
   OR gemiddelde(s) IS DISTINCT FROM o.gem OR doorloopsnelheid(s) IS DISTINCT FROM o.doorloop;
-- gemiddelde = avg(upper - lower) of the closed episodes, written directly on the ranges
-- (upper <= peildatum: closed; least() ignores a NULL upper bound)
SELECT count(*) AS verschillen
FROM rnd_s r
LEFT JOIN (SELECT g, avg(upper(episode) - lower(episode)) AS gem FROM rnd
           WHERE upper(episode) <= '2024-06-30' GROUP BY g) c USING (g)
JOIN (SELECT g, avg(least(upper(episode), DATE '2024-07-01') - lower(episode)) AS doorloop
      FROM rnd WHERE lower(episode) <= '2024-06-30' GROUP BY g) o USING (g)
WHERE gemiddelde(r.s) IS DISTINCT FROM c.gem OR doorloopsnelheid(r.s) IS DISTINCT FROM o.doorloop;
SELECT count(*) AS verschillen
FROM (SELECT g, (verdeling(s)).* FROM rnd_s) v
FULL JOIN (SELECT g, d AS duur, count(*) FILTER (WHERE closed) AS gesloten,
                  count(*) FILTER (WHERE NOT closed) AS lopend
           FROM rnd_obs GROUP BY g, d) o USING (g, duur)
WHERE v.gesloten IS DISTINCT FROM o.gesloten OR v.lopend IS DISTINCT FROM o.lopend;
-- the doorloopsnelheid aggregate equals the accessor
SELECT count(*) AS verschillen
FROM rnd_s r JOIN (SELECT g, doorloopsnelheid(episode, '2024-06-30') AS v FROM rnd GROUP BY g) a USING (g)
WHERE a.v IS DISTINCT FROM doorloopsnelheid(r.s);

-- Kaplan-Meier with window functions: at risk = observations with d >= t,
-- S = running product of (at risk - closed)/at risk over the durations.
CREATE AGGREGATE pg_temp.product(float8) (SFUNC = float8mul, STYPE = float8, INITCOND = '1');
CREATE TEMP TABLE km AS
WITH t AS (SELECT g, d, count(*) FILTER (WHERE closed) AS ev, count(*) AS n FROM rnd_obs GROUP BY g, d),
     r AS (SELECT g, d, ev, sum(n) OVER (PARTITION BY g ORDER BY d DESC) AS risk FROM t)
SELECT g, d, ev, pg_temp.product((risk - ev)::float8 / risk) OVER (PARTITION BY g ORDER BY d) AS s
FROM r;
-- percentiles: the smallest closing duration with S <= 1 - p (same 1e-9 tolerance)
SELECT count(*) AS vergeleken, count(*) FILTER (WHERE ok) AS gelijk, count(*) FILTER (WHERE sql IS NULL) AS null_waarden
FROM (SELECT r.g, p, percentiel(r.s, p) AS c,
             (SELECT min(d) FROM km WHERE km.g = r.g AND ev > 0 AND km.s <= 1 - p + 1e-9) AS sql,
             percentiel(r.s, p) IS NOT DISTINCT FROM
               (SELECT min(d) FROM km WHERE km.g = r.g AND ev > 0 AND km.s <= 1 - p + 1e-9) AS ok
      FROM rnd_s r, unnest(ARRAY[0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]::float8[]) p) x;
SELECT count(*) AS verschillen FROM rnd_s WHERE mediaan(s) IS DISTINCT FROM percentiel(s, 0.5);
-- aandeel_langer_dan(k) = S at the largest duration <= k (1 before the first)
SELECT count(*) AS verschillen
FROM rnd_s r, generate_series(-1, 200, 3) k
WHERE abs(aandeel_langer_dan(r.s, k) -
          coalesce((SELECT km.s FROM km WHERE km.g = r.g AND km.d <= k ORDER BY km.d DESC LIMIT 1), 1)) > 1e-12;
-- beperkt_gemiddelde(h) = sum over k = 0 .. h-1 of S(k)
SELECT count(*) AS verschillen
FROM rnd_s r, unnest(ARRAY[0, 1, 15, 60, 180, 400]) h
WHERE abs(beperkt_gemiddelde(r.s, h) -
          (SELECT coalesce(sum(coalesce((SELECT km.s FROM km WHERE km.g = r.g AND km.d <= k
                                         ORDER BY km.d DESC LIMIT 1), 1)), 0)
           FROM generate_series(0, h - 1) k)::numeric) > 1e-9;
-- without open episodes: percentiel = percentile_disc, beperkt_gemiddelde = avg(least(d, h))
SELECT count(*) AS vergeleken,
       count(*) FILTER (WHERE percentiel(r.s, p) = o.disc) AS disc_gelijk,
       count(*) FILTER (WHERE abs(beperkt_gemiddelde(r.s, 20) - o.rmst20) < 1e-9) AS rmst_gelijk
FROM rnd_s r
JOIN (SELECT g, p, percentile_disc(p) WITHIN GROUP (ORDER BY d) AS disc,
             avg(least(d, 20)) AS rmst20
      FROM rnd_obs, unnest(ARRAY[0, 0.1, 0.33, 0.5, 0.9, 1]::float8[]) p
      GROUP BY g, p) o USING (g)
WHERE aantal_lopend(r.s) = 0;

-------------------------------------------------------------------------------
-- 5. samenvoegen: per-group summaries merged equal duur_agg over everything
-------------------------------------------------------------------------------
-- grouped by g, merged to one national figure
SELECT samenvoegen(s) OPERATOR(verzuim.=) (SELECT duur_agg(episode, '2024-06-30') FROM rnd) AS per_g
FROM rnd_s;
-- grouped by (g, h), merged per h, compared with duur_agg per h
SELECT count(*) AS h_groepen, count(*) FILTER (WHERE m OPERATOR(verzuim.=) d) AS gelijk
FROM (SELECT h, samenvoegen(s) AS m
      FROM (SELECT g, h, duur_agg(episode, '2024-06-30') AS s FROM rnd GROUP BY g, h) x
      GROUP BY h) a
JOIN (SELECT h, duur_agg(episode, '2024-06-30') AS d FROM rnd GROUP BY h) b USING (h);
-- two levels (g, h) -> g -> all, in one query, and NULL summaries are skipped
SELECT samenvoegen(m) OPERATOR(verzuim.=) (SELECT duur_agg(episode, '2024-06-30') FROM rnd) AS twee_niveaus
FROM (SELECT g, samenvoegen(s) AS m
      FROM (SELECT g, h, duur_agg(episode, '2024-06-30') AS s FROM rnd GROUP BY g, h
            UNION ALL SELECT 0, 0, NULL) x
      GROUP BY g) y;
-- no rows / only NULLs: NULL
SELECT samenvoegen(s) IS NULL AS geen_rijen FROM rnd_s WHERE false;
SELECT samenvoegen(NULL::duurverdeling) IS NULL AS alleen_null;
-- empty summaries merge to an empty summary
SELECT samenvoegen(s) FROM (SELECT duur_agg(episode, '2024-06-30') s FROM ep WHERE g IN ('b', 'c') GROUP BY g) x;
-- as a window aggregate (running rollup); last row = the whole
SELECT count(*) AS rijen, bool_and(aantal(m) = n) AS aantallen_kloppen
FROM (SELECT samenvoegen(s) OVER (ORDER BY g) AS m,
             sum(aantal(s)) OVER (ORDER BY g) AS n FROM rnd_s) w;
-- a moving frame (the rollup restarts at every frame head)
SELECT count(*) AS rijen, count(*) FILTER (WHERE aantal(m) = n) AS gelijk
FROM (SELECT samenvoegen(s) OVER w AS m, sum(aantal(s)) OVER w AS n FROM rnd_s
      WINDOW w AS (ORDER BY g ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) x;
-- duur_agg as a window aggregate with a moving frame (final function read-only)
SELECT count(*) AS rijen, count(*) FILTER (WHERE aantal(m) = n) AS gelijk
FROM (SELECT duur_agg(episode, '2024-06-30') OVER w AS m,
             count(*) FILTER (WHERE lower(episode) <= '2024-06-30') OVER w AS n
      FROM rnd WHERE g = 1 WINDOW w AS (ORDER BY i ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING)) x;
-- counts beyond the 32-bit direct counters (3e9 + 3e9 + 1 closed after 5 days):
-- gesloten 6000000001, som 30000000005
SELECT samenvoegen(s)
FROM (VALUES ('{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=3000000000;lopend=0;som=15000000000;som_lopend=0;5:3000000000/0}'::duurverdeling),
             ('{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=3000000000;lopend=0;som=15000000000;som_lopend=0;5:3000000000/0}'),
             ('{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}')) v(s);
-- the transition function called directly merges two summaries
SELECT samenvoegen_sfunc(s, s) FROM tie;
-- the accessors read the result of samenvoegen directly (expanded value)
SELECT aantal(samenvoegen(s)), mediaan(samenvoegen(s)) FROM tie;

-------------------------------------------------------------------------------
-- 6. Text and binary round trips, corrupt input
-------------------------------------------------------------------------------
SELECT count(*) AS verschillen FROM rnd_s
WHERE duurverdeling_in(duurverdeling_out(s)) OPERATOR(verzuim.<>) s
   OR s::text::duurverdeling OPERATOR(verzuim.<>) s;
-- canonical text: whitespace around the value is accepted, nothing else is changed
SELECT '  {v1;eenheid=lesdagen;regio=zuid+noord;peildatum=2024-06-30;gesloten=1;lopend=0;som=0;som_lopend=0;0:1/0} '::duurverdeling;
SELECT '{v1;eenheid=lesdagen;regio=;peildatum=2024-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;}'::duurverdeling;
-- dates in every era print and read back, whatever DateStyle says
SET DateStyle = 'German, DMY';
SELECT '{v1;eenheid=kalenderdagen;peildatum=0044-03-15 BC;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'::duurverdeling;
SELECT '{v1;eenheid=kalenderdagen;peildatum=20000-02-29;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'::duurverdeling;
RESET DateStyle;
-- the binary form: 43 header bytes + 20 per entry
SELECT duurverdeling_send(s) FROM tie;
SELECT count(*) AS verschillen FROM rnd_s
WHERE length(duurverdeling_send(s)) <> 43 + 20 * (SELECT count(*) FROM verdeling(s));
-- binary COPY out and back in
CREATE TEMP TABLE bin (g int, s duurverdeling);
SELECT '/tmp/verzuim_duur_regress.bin' AS binfile \gset
COPY (SELECT g, s FROM rnd_s) TO :'binfile' (FORMAT binary);
COPY bin FROM :'binfile' (FORMAT binary);
SELECT count(*) AS rijen, count(*) FILTER (WHERE b.s OPERATOR(verzuim.=) r.s) AS gelijk
FROM bin b JOIN rnd_s r USING (g);
-- corrupt binary values: write crafted bytes as a bytea column (same file
-- layout) and read them back as duurverdeling, through duurverdeling_recv.
-- layout (0-based byte offsets): 0 version, 1 unit, 2 regions, 3-6 peildatum,
--   7-14 gesloten, 15-22 lopend, 23-30 som, 31-38 som_lopend, 39-42 n, then per
--   entry 4 + 8 + 8 bytes (duur, gesloten, lopend); overlay() counts from 1.
CREATE TEMP TABLE bin1 (s duurverdeling);
CREATE FUNCTION pg_temp.lees_binair(b bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE f text := '/tmp/verzuim_duur_regress.bin';
BEGIN
  EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', b, f);
  EXECUTE format('COPY pg_temp.bin1 FROM %L (FORMAT binary)', f);
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT pg_temp.lees_binair(duurverdeling_send(s)) AS ok FROM tie;
SELECT 'truncated' AS geval, pg_temp.lees_binair(substr(duurverdeling_send(s), 1, 100)) FROM tie
UNION ALL SELECT 'truncated header', pg_temp.lees_binair(substr(duurverdeling_send(s), 1, 20)) FROM tie
UNION ALL SELECT 'empty', pg_temp.lees_binair(''::bytea)
UNION ALL SELECT 'version 3', pg_temp.lees_binair(set_byte(duurverdeling_send(s), 0, 3)) FROM tie
UNION ALL SELECT 'unit 7', pg_temp.lees_binair(set_byte(duurverdeling_send(s), 1, 7)) FROM tie
UNION ALL SELECT 'regio in kalenderdagen', pg_temp.lees_binair(set_byte(duurverdeling_send(s), 2, 1)) FROM tie
UNION ALL SELECT 'trailing garbage', pg_temp.lees_binair(duurverdeling_send(s) || '\x00'::bytea) FROM tie
UNION ALL SELECT 'negative n', pg_temp.lees_binair(overlay(duurverdeling_send(s) placing '\xffffffff'::bytea from 40)) FROM tie
UNION ALL SELECT 'huge n', pg_temp.lees_binair(overlay(duurverdeling_send(s) placing '\x7fffffff'::bytea from 40)) FROM tie
-- first entry duur 3 -> 5 (= the second): not strictly increasing
UNION ALL SELECT 'unsorted', pg_temp.lees_binair(set_byte(duurverdeling_send(s), 46, 5)) FROM tie
-- first entry duur 3 -> -1
UNION ALL SELECT 'negative duration', pg_temp.lees_binair(overlay(duurverdeling_send(s) placing '\xffffffff'::bytea from 44)) FROM tie
-- first entry gesloten 2 -> -1
UNION ALL SELECT 'negative count', pg_temp.lees_binair(overlay(duurverdeling_send(s) placing '\xffffffffffffffff'::bytea from 48)) FROM tie
-- som 29 -> 30
UNION ALL SELECT 'inconsistent totals', pg_temp.lees_binair(set_byte(duurverdeling_send(s), 30, 30)) FROM tie
-- peildatum -> infinity (0x7fffffff)
UNION ALL SELECT 'infinite peildatum', pg_temp.lees_binair(overlay(duurverdeling_send(s) placing '\x7fffffff'::bytea from 4)) FROM tie;

-- corrupt text values
SELECT geval, pg_temp.fout(format('SELECT %L::verzuim.duurverdeling', t))
FROM (VALUES
  ('truncated', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lo'),
  ('no closing brace', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0'),
  ('version 3', '{v3;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'),
  ('unknown unit', '{v1;eenheid=weken;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'),
  ('unknown regio', '{v1;eenheid=lesdagen;regio=west;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'),
  ('regio twice', '{v1;eenheid=lesdagen;regio=noord+noord;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'),
  ('unsorted', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=2;lopend=0;som=8;som_lopend=0;5:1/0,3:1/0}'),
  ('duplicate duration', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=2;lopend=0;som=10;som_lopend=0;5:1/0,5:1/0}'),
  ('negative duration', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=-5;som_lopend=0;-5:1/0}'),
  ('negative count', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=0;lopend=2;som=-5;som_lopend=10;5:-1/2}'),
  ('empty entry', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;5:0/0}'),
  ('inconsistent gesloten', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=2;lopend=0;som=5;som_lopend=0;5:1/0}'),
  ('inconsistent som', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=6;som_lopend=0;5:1/0}'),
  ('trailing garbage', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}x'),
  ('bad date', '{v1;eenheid=kalenderdagen;peildatum=2023-02-29;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'),
  ('infinite date', '{v1;eenheid=kalenderdagen;peildatum=infinity;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'),
  ('number too large', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=99999999999999999999;lopend=0;som=5;som_lopend=0;5:1/0}'),
  ('duration too large', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=3000000000;som_lopend=0;3000000000:1/0}'),
  ('sum overflow', '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=9223372036854775807;lopend=0;som=0;som_lopend=0;5:9223372036854775807/0}'),
  ('regio in kalenderdagen', '{v1;eenheid=kalenderdagen;regio=noord;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'),
  ('spaces inside', '{v1; eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'),
  ('empty string', '')) v(geval, t);

-------------------------------------------------------------------------------
-- 7. Errors of the aggregates and accessors
-------------------------------------------------------------------------------
SELECT geval, pg_temp.fout(q) FROM (VALUES
  ('NULL peildatum', $$SELECT verzuim.duur_agg(e, NULL) FROM (VALUES ('[2024-01-01,2024-01-05)'::daterange)) v(e)$$),
  ('NULL peildatum, NULL episode', $$SELECT verzuim.duur_agg(NULL, NULL::date)$$),
  ('infinite peildatum', $$SELECT verzuim.duur_agg('[2024-01-01,2024-01-05)', 'infinity')$$),
  ('unbounded lower', $$SELECT verzuim.duur_agg('(,2024-01-05)', '2024-06-30')$$),
  ('-infinity lower', $$SELECT verzuim.duur_agg('[-infinity,2024-01-05)', '2024-06-30')$$),
  ('mixed peildata', $$SELECT verzuim.duur_agg(e, p) FROM (VALUES ('[2024-01-01,2024-01-05)'::daterange, '2024-06-30'::date), (NULL, '2024-07-01')) v(e, p)$$),
  ('mixed peildata, doorloopsnelheid', $$SELECT verzuim.doorloopsnelheid(e, p) FROM (VALUES ('[2024-01-01,2024-01-05)'::daterange, '2024-06-30'::date), ('[2024-01-01,2024-01-05)', '2024-06-29')) v(e, p)$$),
  ('NULL peildatum, doorloopsnelheid', $$SELECT verzuim.doorloopsnelheid('[2024-01-01,2024-01-05)', NULL)$$),
  ('percentile 1.5', $$SELECT verzuim.percentiel(s, 1.5) FROM tie$$),
  ('percentile -0.1', $$SELECT verzuim.percentiel(s, -0.1) FROM tie$$),
  ('percentile NaN', $$SELECT verzuim.percentiel(s, 'NaN') FROM tie$$),
  ('negative horizon', $$SELECT verzuim.beperkt_gemiddelde(s, -1) FROM tie$$),
  ('merge different peildata', $$SELECT verzuim.samenvoegen(s) FROM (SELECT s FROM tie UNION ALL SELECT s FROM mp_s UNION ALL SELECT verzuim.duur_agg('[2024-01-01,2024-01-05)', '2024-07-01')) x$$),
  ('merge different units', $$SELECT verzuim.samenvoegen(s) FROM (SELECT s FROM tie UNION ALL SELECT verzuim.duur_agg('[2024-01-08,2024-01-10)', '2024-06-30', 'noord')) x$$),
  ('merge directly, different units', $$SELECT verzuim.samenvoegen_sfunc(t.s, l.s) FROM tie t, (SELECT verzuim.duur_agg('[2024-01-08,2024-01-10)', '2024-06-30', 'noord') s) l$$),
  ('merge directly, different peildata', $$SELECT verzuim.samenvoegen_sfunc(t.s, m.s) FROM tie t, (SELECT verzuim.duur_agg('[2024-01-08,2024-01-10)', '2024-06-29') s) m$$)
) v(geval, q);

-------------------------------------------------------------------------------
-- 8. Lesdagen (school days of the vakantieregio), schooljaar 2023-2024
-------------------------------------------------------------------------------
-- holidays: voorjaar noord/midden 17-25 Feb 2024, zuid 10-18 Feb 2024; kerst
-- 23 Dec 2023 - 7 Jan 2024 everywhere; mei 27 Apr - 5 May 2024 everywhere.
CREATE TEMP TABLE les (episode daterange, regio text);
INSERT INTO les VALUES
  ('[2024-02-12,2024-02-17)', 'zuid'),    -- Mon 12 - Fri 16 Feb: voorjaarsvakantie zuid, 0 lesdagen, closed
  ('[2024-02-12,2024-02-17)', 'noord'),   -- same days in noord: 5 lesdagen, closed
  ('[2024-06-24,)', 'midden'),            -- open: Mon 24 - Fri 28 June (29, 30 weekend): 5
  ('[2024-01-01,2024-01-10)', 'NOORD'),   -- kerst until 7 Jan, then Mon 8, Tue 9: 2, closed
  ('[2024-05-01,2024-05-08)', 'zuid'),    -- meivakantie until 5 May, Mon 6, Tue 7: 2, closed
  ('[2024-07-01,2024-07-05)', 'noord'),   -- not started
  (NULL, 'noord');
-- entries 0:1/0, 2:2/0, 5:1/1; gesloten 4, lopend 1, som 9, som_lopend 5; all three regions
-- (the calendar fingerprints, which change with the shipped holidays, masked)
SELECT regexp_replace(duur_agg(episode, '2024-06-30', regio)::text, ':[0-9a-f]{8}', ':#', 'g') AS duur_agg FROM les;
-- per row, against verzuim.lesdagen over [a, min(b, peildatum + 1))
SELECT count(*) AS verschillen
FROM (SELECT (verdeling(duur_agg(episode, '2024-06-30', regio))).* FROM les) v
FULL JOIN (SELECT lesdagen(daterange(lower(episode), least(upper(episode), DATE '2024-07-01')), regio) AS duur,
                  count(*) FILTER (WHERE upper(episode) <= '2024-06-30') AS gesloten,
                  count(*) FILTER (WHERE NOT coalesce(upper(episode) <= '2024-06-30', false)) AS lopend
           FROM les WHERE lower(episode) <= '2024-06-30' GROUP BY 1) o USING (duur)
WHERE v.gesloten IS DISTINCT FROM o.gesloten OR v.lopend IS DISTINCT FROM o.lopend;
-- doorloopsnelheid in lesdagen: (9 + 5) / 5 = 2.8
SELECT doorloopsnelheid(episode, '2024-06-30', regio) FROM les;
-- NULL regio takes the setting verzuim.vakantieregio
SET verzuim.vakantieregio = 'zuid';
SELECT regexp_replace(duur_agg(episode, '2024-06-30', NULL)::text, ':[0-9a-f]{8}', ':#', 'g') AS duur_agg FROM les WHERE regio ILIKE 'zuid';
RESET verzuim.vakantieregio;
SELECT geval, pg_temp.fout(q) FROM (VALUES
  ('unknown regio', $$SELECT verzuim.duur_agg('[2024-01-08,2024-01-10)', '2024-06-30', 'west')$$),
  ('no regio and no setting', $$SELECT verzuim.duur_agg('[2024-01-08,2024-01-10)', '2024-06-30', NULL)$$),
  ('outside the calendar', $$SELECT verzuim.duur_agg('[1960-01-08,1960-01-10)', '1960-06-30', 'noord')$$),
  ('schooljaar without holiday data', $$SELECT verzuim.duur_agg('[2040-01-05,2040-01-10)', '2040-06-30', 'noord')$$),
  ('infinite lower', $$SELECT verzuim.duur_agg('[-infinity,2024-01-10)', '2024-06-30', 'noord')$$)
) v(geval, q);

ROLLBACK;
