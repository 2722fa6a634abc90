-- School calendar (DOMAIN.md §2, §9, §11): schooljaar, Easter, public holidays,
-- lesdagen per vakantieregio, completeness, user edits of verzuim.vakantie.
-- Every figure is compared with an independent formulation in plain SQL below
-- (Gauss's Easter algorithm, holidays written out, lesdagen counted with
-- generate_series and range containment); data changes are rolled back.

SET DateStyle = 'ISO, YMD';

-- Oracles ---------------------------------------------------------------------

-- Easter Sunday by Gauss's algorithm (the extension uses the anonymous
-- Meeus/Jones/Butcher algorithm).
CREATE FUNCTION pg_temp.gauss_pasen(j int) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT make_date(j, 3, 22) + d + e
         - CASE WHEN d = 29 AND e = 6 THEN 7
                WHEN d = 28 AND e = 6 AND (11 * m + 11) % 30 < 19 THEN 7
                ELSE 0 END
  FROM (SELECT m, d, (2 * (j % 4) + 4 * (j % 7) + 6 * d + n) % 7 AS e
        FROM (SELECT m, n, (19 * (j % 19) + m) % 30 AS d
              FROM (SELECT (15 - p + k - q) % 30 AS m, (4 + k - q) % 7 AS n
                    FROM (SELECT j / 100 AS k, (13 + 8 * (j / 100)) / 25 AS p, j / 400 AS q) s1) s2) s3) s4
$$;

-- Days on which schools are closed for a public holiday in calendar year j,
-- written out from the rules (not from verzuim.feestdagen).
CREATE FUNCTION pg_temp.orakel_feestdagen(j int, goede_vrijdag boolean DEFAULT false,
                                          bevrijding text DEFAULT 'lustrum')
RETURNS SETOF date LANGUAGE sql IMMUTABLE AS $$
  SELECT x
  FROM (SELECT pg_temp.gauss_pasen(j) AS pasen) p,
       LATERAL (VALUES
         (make_date(j, 1, 1)),
         (p.pasen), (p.pasen + 1),
         (CASE WHEN j >= 2014 THEN make_date(j, 4, 27) - (extract(isodow FROM make_date(j, 4, 27)) = 7)::int
               WHEN j >= 1980 THEN make_date(j, 4, 30) - (extract(isodow FROM make_date(j, 4, 30)) = 7)::int
               ELSE make_date(j, 4, 30) + (extract(isodow FROM make_date(j, 4, 30)) = 7)::int END),
         (p.pasen + 39),
         (p.pasen + 49), (p.pasen + 50),
         (make_date(j, 12, 25)), (make_date(j, 12, 26)),
         (CASE WHEN goede_vrijdag THEN p.pasen - 2 END),
         (CASE WHEN bevrijding = 'altijd' OR (bevrijding = 'lustrum' AND j % 5 = 0) THEN make_date(j, 5, 5) END)) v(x)
  WHERE x IS NOT NULL
$$;

-- ... for every year of the calendar and every value of the two settings
CREATE TEMP TABLE orakel_vrij AS
SELECT DISTINCT gv, bd, datum
FROM generate_series(1969, 2100) j, unnest('{f,t}'::boolean[]) gv, unnest('{lustrum,altijd,nooit}'::text[]) bd,
     pg_temp.orakel_feestdagen(j, gv, bd) datum;
ALTER TABLE orakel_vrij ADD PRIMARY KEY (gv, bd, datum);

-- School day by the definition: a weekday, not in a holiday of the regio
-- (range containment on the table), not a public holiday.
CREATE FUNCTION pg_temp.orakel_lesdag(d date, r text, goede_vrijdag boolean DEFAULT false,
                                      bevrijding text DEFAULT 'lustrum')
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT extract(isodow FROM d) < 6
     AND NOT EXISTS (SELECT 1 FROM verzuim.vakantie v WHERE v.regio = r AND v.periode @> d)
     AND NOT EXISTS (SELECT 1 FROM pg_temp.orakel_vrij f
                     WHERE f.gv = goede_vrijdag AND f.bd = bevrijding AND f.datum = d)
$$;

CREATE FUNCTION pg_temp.orakel_lesdagen(p daterange, r text, goede_vrijdag boolean DEFAULT false,
                                        bevrijding text DEFAULT 'lustrum')
RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT count(*)
  FROM generate_series(lower(p), upper(p) - 1, interval '1 day') g(t)
  WHERE pg_temp.orakel_lesdag(t::date, r, goede_vrijdag, bevrijding)
$$;

-- the plan of the parallel test below, one line per row
CREATE FUNCTION pg_temp.explain_regels() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  FOR r IN EXPLAIN (COSTS OFF)
    SELECT count(*) FILTER (WHERE verzuim.is_lesdag(datum, regio)),
           count(*) FILTER (WHERE verzuim.is_lesdag(datum, NULL, '12AB00'))
    FROM kalender_dagen
  LOOP
    RETURN NEXT r;
  END LOOP;
END $$;

-- schooljaar and schooljaar_periode ------------------------------------------

SELECT d, verzuim.schooljaar(d)
FROM unnest('{2023-07-31,2023-08-01,2024-02-29,2024-07-31,2024-08-01,1969-08-01,2100-07-31,0001-08-01,9999-07-31}'::date[]) d;
SELECT verzuim.schooljaar(NULL);
SELECT verzuim.schooljaar('infinity');
SELECT verzuim.schooljaar('0001-07-31');
SELECT verzuim.schooljaar_periode('2023-2024'), verzuim.schooljaar_periode('1969-1970'),
       verzuim.schooljaar_periode('9998-9999'), verzuim.schooljaar_periode(NULL);
-- schooljaar and schooljaar_periode are inverse on every day 1969-08-01 .. 2100-07-31
SELECT count(*) AS dagen,
       count(*) FILTER (WHERE NOT verzuim.schooljaar_periode(verzuim.schooljaar(d::date)) @> d::date) AS fout,
       count(*) FILTER (WHERE verzuim.schooljaar(d::date)
                              <> to_char(d - interval '7 months', 'YYYY') || '-' || to_char(d + interval '5 months', 'YYYY')) AS fout_tekst
FROM generate_series(date '1969-08-01', date '2100-07-31', interval '1 day') d;
SELECT verzuim.schooljaar_periode('2023/2024');
SELECT verzuim.schooljaar_periode('2023-2025');
SELECT verzuim.schooljaar_periode('23-24');
SELECT verzuim.schooljaar_periode('');
SELECT verzuim.schooljaar_periode(' 2023-2024');
SELECT verzuim.schooljaar_periode('2023-2024x');
SELECT verzuim.schooljaar_periode(' 999-1000');
SELECT verzuim.schooljaar_periode('+999-1000');
SELECT verzuim.schooljaar_periode('0000-0001');

-- Easter ------------------------------------------------------------------------

-- known dates (earliest possible 22 March: 1818, 2285; latest 25 April: 1943, 2038;
-- 1954, 1981, 2049, 2076 are the years where Gauss's exceptions apply)
SELECT j, verzuim.pasen(j), verzuim.pasen(j) = bekend AS klopt
FROM (VALUES (1583, date '1583-04-10'), (1818, '1818-03-22'), (1943, '1943-04-25'), (1954, '1954-04-18'),
             (1981, '1981-04-19'), (2000, '2000-04-23'), (2008, '2008-03-23'), (2011, '2011-04-24'),
             (2019, '2019-04-21'), (2024, '2024-03-31'), (2025, '2025-04-20'), (2038, '2038-04-25'),
             (2049, '2049-04-18'), (2076, '2076-04-19'), (2285, '2285-03-22')) v(j, bekend)
ORDER BY j;
-- Meeus/Jones/Butcher (extension) = Gauss (above) for every year 1583 .. 2400;
-- always a Sunday between 22 March and 25 April
SELECT count(*) AS jaren,
       count(*) FILTER (WHERE verzuim.pasen(j) <> pg_temp.gauss_pasen(j)) AS verschillend,
       count(*) FILTER (WHERE extract(isodow FROM verzuim.pasen(j)) <> 7
                           OR verzuim.pasen(j) NOT BETWEEN make_date(j, 3, 22) AND make_date(j, 4, 25)) AS onmogelijk,
       min(to_char(verzuim.pasen(j), 'MM-DD')) AS vroegst, max(to_char(verzuim.pasen(j), 'MM-DD')) AS laatst
FROM generate_series(1583, 2400) j;
SELECT verzuim.pasen(1582);
SELECT verzuim.pasen(NULL);

-- Public holidays ---------------------------------------------------------------

SELECT * FROM verzuim.feestdagen(2024);
SELECT * FROM verzuim.feestdagen(2025);
-- Koningsdag / Koninginnedag: the 27th (from 2014) / 30th, the day before when that is a
-- Sunday (from 1980), the day after before 1980
SELECT j, datum, to_char(datum, 'Dy') AS dag, naam
FROM generate_series(1972, 2031) j, verzuim.feestdagen(j)
WHERE naam IN ('Koningsdag', 'Koninginnedag')
  AND j IN (1972, 1978, 1979, 1989, 2000, 2006, 2013, 2014, 2020, 2025, 2031)
ORDER BY j;
-- every schoolvrij holiday 1969 .. 2100 equals the written-out rules, under the
-- current settings (default; then Goede Vrijdag free and Bevrijdingsdag always; never)
CREATE TEMP VIEW feestdagen_vergelijking AS
SELECT current_setting('verzuim.goede_vrijdag_vrij') AS goede_vrijdag,
       current_setting('verzuim.bevrijdingsdag_vrij') AS bevrijdingsdag,
       count(*) AS jaren, count(*) FILTER (WHERE verschil) AS verschillend, sum(n) AS schoolvrije_feestdagen
FROM (SELECT j, (SELECT count(*) FROM verzuim.feestdagen(j) WHERE schoolvrij) AS n,
             ARRAY(SELECT datum FROM verzuim.feestdagen(j) WHERE schoolvrij ORDER BY 1)
             IS DISTINCT FROM
             ARRAY(SELECT pg_temp.orakel_feestdagen(j, current_setting('verzuim.goede_vrijdag_vrij')::boolean,
                                                    current_setting('verzuim.bevrijdingsdag_vrij')) ORDER BY 1) AS verschil
      FROM generate_series(1969, 2100) j) s;
SELECT * FROM feestdagen_vergelijking;
SET verzuim.goede_vrijdag_vrij = on;
SET verzuim.bevrijdingsdag_vrij = 'altijd';
SELECT * FROM feestdagen_vergelijking;
SET verzuim.goede_vrijdag_vrij = off;
SET verzuim.bevrijdingsdag_vrij = 'nooit';
SELECT * FROM feestdagen_vergelijking;
RESET verzuim.goede_vrijdag_vrij;
RESET verzuim.bevrijdingsdag_vrij;
-- Hemelvaart = Easter + 39 (a Thursday), Pinksteren = Easter + 49 and + 50, Goede Vrijdag = Easter - 2
SELECT count(*) FILTER (WHERE naam = 'Hemelvaartsdag' AND (datum <> verzuim.pasen(j) + 39 OR extract(isodow FROM datum) <> 4)) AS hemelvaart,
       count(*) FILTER (WHERE naam = 'Eerste Pinksterdag' AND datum <> verzuim.pasen(j) + 49) AS pinksteren1,
       count(*) FILTER (WHERE naam = 'Tweede Pinksterdag' AND (datum <> verzuim.pasen(j) + 50 OR extract(isodow FROM datum) <> 1)) AS pinksteren2,
       count(*) FILTER (WHERE naam = 'Goede Vrijdag' AND (datum <> verzuim.pasen(j) - 2 OR schoolvrij)) AS goede_vrijdag,
       count(*) AS totaal
FROM generate_series(1969, 2100) j, verzuim.feestdagen(j);
-- Bevrijdingsdag: schoolvrij every fifth year (lustrum) by default
SELECT j, schoolvrij FROM generate_series(2019, 2026) j, verzuim.feestdagen(j) WHERE naam = 'Bevrijdingsdag';
SET verzuim.bevrijdingsdag_vrij = 'altijd';
SELECT j, schoolvrij FROM generate_series(2024, 2025) j, verzuim.feestdagen(j) WHERE naam = 'Bevrijdingsdag';
SET verzuim.bevrijdingsdag_vrij = 'nooit';
SELECT j, schoolvrij FROM generate_series(2024, 2025) j, verzuim.feestdagen(j) WHERE naam = 'Bevrijdingsdag';
RESET verzuim.bevrijdingsdag_vrij;
SET verzuim.goede_vrijdag_vrij = on;
SELECT datum, naam, schoolvrij FROM verzuim.feestdagen(2024) WHERE naam = 'Goede Vrijdag';
RESET verzuim.goede_vrijdag_vrij;
SELECT verzuim.feestdagen(1968);
SELECT verzuim.feestdagen(2101);

-- Completeness of the shipped holidays -----------------------------------------

SELECT * FROM verzuim.kalender_dekking WHERE schooljaar <= '2027-2028';

-- lesdagen of whole schooljaren = an independent count ------------------------
-- (weekdays, minus the regio's holidays by range containment, minus the public
-- holidays written out above; schooljaar of a date = year of (date - 7 months))

WITH orakel AS (
  SELECT r.regio,
         to_char(g.d - interval '7 months', 'YYYY') || '-' || to_char(g.d + interval '5 months', 'YYYY') AS schooljaar,
         count(*) FILTER (WHERE extract(isodow FROM g.d) < 6 AND v.regio IS NULL
                            AND NOT EXISTS (SELECT 1 FROM pg_temp.orakel_vrij f
                                            WHERE NOT f.gv AND f.bd = 'lustrum' AND f.datum = g.d)) AS lesdagen
  FROM unnest('{noord,midden,zuid}'::text[]) r(regio)
  CROSS JOIN generate_series(date '2019-08-01', date '2028-07-31', interval '1 day') g(d)
  LEFT JOIN verzuim.vakantie v ON v.regio = r.regio AND v.periode @> g.d::date
  GROUP BY 1, 2
)
SELECT k.schooljaar, k.regio, k.lesdagen AS kalender_dekking,
       verzuim.lesdagen(verzuim.schooljaar_periode(k.schooljaar), k.regio) AS lesdagen,
       o.lesdagen AS orakel
FROM verzuim.kalender_dekking k JOIN orakel o USING (regio, schooljaar)
WHERE k.compleet
ORDER BY k.schooljaar, k.regio;

-- is_lesdag = the oracle on every day 2020-08-01 .. 2025-07-31, per regio
SELECT r AS regio, count(*) AS dagen,
       count(*) FILTER (WHERE verzuim.is_lesdag(d::date, r)) AS lesdagen,
       count(*) FILTER (WHERE verzuim.is_lesdag(d::date, r) IS DISTINCT FROM pg_temp.orakel_lesdag(d::date, r)) AS verschillend
FROM unnest('{noord,midden,zuid}'::text[]) r,
     generate_series(date '2020-08-01', date '2025-07-31', interval '1 day') d
GROUP BY r ORDER BY r;

-- lesdagen of 600 pseudo-random periods (up to 400 days, crossing schooljaren)
-- = the sum of is_lesdag over the period = the oracle
WITH perioden AS (
  SELECT i, r, daterange(van, least(van + (i * 7919) % 401, date '2025-08-01')) AS p
  FROM generate_series(1, 600) i,
       LATERAL (SELECT date '2020-08-01' + (i * 104729) % 1826 AS van,
                       (ARRAY['noord', 'midden', 'zuid'])[1 + i % 3] AS r) x
)
SELECT count(*) AS perioden,
       count(*) FILTER (WHERE isempty(p)) AS leeg,
       count(*) FILTER (WHERE verzuim.schooljaar(lower(p)) <> verzuim.schooljaar(upper(p) - 1)) AS over_schooljaren,
       count(*) FILTER (WHERE verzuim.lesdagen(p, r) <>
                              (SELECT count(*) FROM generate_series(lower(p), upper(p) - 1, interval '1 day') g(d)
                               WHERE verzuim.is_lesdag(d::date, r))) AS niet_som_is_lesdag,
       count(*) FILTER (WHERE verzuim.lesdagen(p, r) <> pg_temp.orakel_lesdagen(p, r)) AS niet_orakel
FROM perioden;

-- Edge cases ----------------------------------------------------------------------

-- kerstvakantie across the year boundary (23 Dec 2023 - 7 Jan 2024) and the
-- leap day 2024-02-29 (a Thursday; voorjaar N,M 17-25 Feb, Z 10-18 Feb: a school day)
SELECT d, to_char(d, 'Dy') AS dag,
       verzuim.is_lesdag(d, 'noord') AS noord, verzuim.is_lesdag(d, 'midden') AS midden,
       verzuim.is_lesdag(d, 'zuid') AS zuid
FROM unnest('{2023-12-22,2023-12-23,2023-12-25,2024-01-01,2024-01-05,2024-01-08,2024-02-12,2024-02-19,2024-02-29,2024-03-29,2024-04-01,2024-05-09,2024-05-20}'::date[]) d;
SELECT verzuim.lesdagen('[2023-12-18,2024-01-12)', 'noord') AS over_kerst,
       verzuim.lesdagen('[2024-02-29,2024-02-29]', 'zuid') AS schrikkeldag,
       verzuim.lesdagen('[2024-02-29,2024-02-29)', 'zuid') AS leeg,
       verzuim.lesdagen('empty', 'midden') AS leeg2,
       verzuim.lesdagen('[2024-01-06,2024-01-06]', 'noord') AS zaterdag,
       verzuim.lesdagen(NULL, 'noord') AS null_periode,
       verzuim.is_lesdag(NULL, 'noord') AS null_datum;
-- crossing schooljaren: the sum of the parts
SELECT verzuim.lesdagen('[2021-06-01,2023-10-01)', 'zuid') AS geheel,
       verzuim.lesdagen('[2021-06-01,2021-08-01)', 'zuid') + verzuim.lesdagen(verzuim.schooljaar_periode('2021-2022'), 'zuid')
       + verzuim.lesdagen(verzuim.schooljaar_periode('2022-2023'), 'zuid') + verzuim.lesdagen('[2023-08-01,2023-10-01)', 'zuid') AS delen;
-- the first school day after the zomervakantie, per regio and schooljaar
SELECT r AS regio, j, min(d)::date AS eerste_lesdag, to_char(min(d), 'Dy') AS dag
FROM unnest('{noord,midden,zuid}'::text[]) r, generate_series(2020, 2024) j,
     generate_series(make_date(j, 8, 1), make_date(j, 9, 30), interval '1 day') d
WHERE verzuim.is_lesdag(d::date, r)
GROUP BY r, j ORDER BY j, r;

-- Settings ----------------------------------------------------------------------

-- lesdagen of every complete schooljaar and regio = the oracle, under the current settings
CREATE TEMP VIEW lesdagen_vergelijking AS
SELECT current_setting('verzuim.goede_vrijdag_vrij') AS goede_vrijdag,
       current_setting('verzuim.bevrijdingsdag_vrij') AS bevrijdingsdag,
       count(*) AS schooljaren, sum(l) AS lesdagen, count(*) FILTER (WHERE l <> o) AS verschillend
FROM (SELECT verzuim.lesdagen(verzuim.schooljaar_periode(schooljaar), regio) AS l,
             pg_temp.orakel_lesdagen(verzuim.schooljaar_periode(schooljaar), regio,
                                     current_setting('verzuim.goede_vrijdag_vrij')::boolean,
                                     current_setting('verzuim.bevrijdingsdag_vrij')) AS o
      FROM verzuim.kalender_dekking WHERE compleet) s;
SELECT * FROM lesdagen_vergelijking;
SET verzuim.goede_vrijdag_vrij = on;
SELECT * FROM lesdagen_vergelijking;
SET verzuim.bevrijdingsdag_vrij = 'nooit';
SELECT * FROM lesdagen_vergelijking;
SET verzuim.goede_vrijdag_vrij = off;
SET verzuim.bevrijdingsdag_vrij = 'altijd';
SELECT * FROM lesdagen_vergelijking;
RESET verzuim.goede_vrijdag_vrij;
RESET verzuim.bevrijdingsdag_vrij;

-- Goede Vrijdag 29 March 2024 (a Friday outside the holidays): one school day less
SELECT verzuim.is_lesdag('2024-03-29', 'midden') AS gv_lesdag,
       verzuim.lesdagen(verzuim.schooljaar_periode('2023-2024'), 'midden') AS lesdagen;
SET verzuim.goede_vrijdag_vrij = on;
SELECT verzuim.is_lesdag('2024-03-29', 'midden') AS gv_lesdag,
       verzuim.lesdagen(verzuim.schooljaar_periode('2023-2024'), 'midden') AS lesdagen,
       pg_temp.orakel_lesdagen(verzuim.schooljaar_periode('2023-2024'), 'midden', true) AS orakel;
RESET verzuim.goede_vrijdag_vrij;
-- Bevrijdingsdag Monday 5 May 2025 (after the meivakantie 26 Apr - 4 May): free in a lustrum year
SELECT verzuim.is_lesdag('2025-05-05', 'zuid') AS lustrum,
       verzuim.lesdagen(verzuim.schooljaar_periode('2024-2025'), 'zuid') AS lesdagen;
SET verzuim.bevrijdingsdag_vrij = 'nooit';
SELECT verzuim.is_lesdag('2025-05-05', 'zuid') AS nooit,
       verzuim.lesdagen(verzuim.schooljaar_periode('2024-2025'), 'zuid') AS lesdagen,
       pg_temp.orakel_lesdagen(verzuim.schooljaar_periode('2024-2025'), 'zuid', false, 'nooit') AS orakel;
RESET verzuim.bevrijdingsdag_vrij;
-- the default regio
SELECT verzuim.is_lesdag('2024-02-12');
SET verzuim.vakantieregio = 'zuid';
SELECT verzuim.is_lesdag('2024-02-12') AS zuid_in_voorjaar, verzuim.lesdagen('[2024-02-05,2024-02-26)') AS zuid;
SET verzuim.vakantieregio = 'noord';
SELECT verzuim.is_lesdag('2024-02-12') AS noord, verzuim.lesdagen('[2024-02-05,2024-02-26)') AS noord;
SET verzuim.vakantieregio = 'oost';
SHOW verzuim.vakantieregio;
RESET verzuim.vakantieregio;

-- Errors ------------------------------------------------------------------------

SELECT verzuim.is_lesdag('2024-01-08', 'oost');
SELECT verzuim.is_lesdag('2024-01-08', '');
SELECT verzuim.lesdagen('empty', 'oost');
SELECT verzuim.is_lesdag('2024-01-08', NULL);
SELECT verzuim.is_lesdag('infinity', 'noord');
SELECT verzuim.is_lesdag('1969-07-31', 'noord');
SELECT verzuim.is_lesdag('2100-08-01', 'noord');
SELECT verzuim.lesdagen('[2024-01-01,)', 'noord');
SELECT verzuim.lesdagen('[2024-01-01,infinity)', 'noord');
SELECT verzuim.lesdagen('[-infinity,2024-01-01)', 'noord');
SELECT verzuim.lesdagen('[1969-07-31,1969-09-01)', 'noord');
-- schooljaren without complete holiday data: only the days a missing holiday can take raise
SELECT verzuim.is_lesdag('2019-09-02', 'noord');   -- certain: zomer 2019 is shipped (noord until 25 Aug)
SELECT verzuim.is_lesdag('2016-08-29', 'midden');  -- error: midden's zomer 2016 is missing, may end Sun 4 Sep
SELECT verzuim.is_lesdag('2026-05-05', 'midden');  -- certain: the meivakantie 2026 (week 17 or 18) ends by 3 May
SELECT verzuim.is_lesdag('2026-04-28', 'midden');  -- error: Tue 28 Apr 2026 (week 18)
SELECT verzuim.lesdagen('[2025-06-01,2026-11-01)', 'zuid');
SELECT verzuim.lesdagen(verzuim.schooljaar_periode('2026-2027'), 'noord');
-- ... as a warning: unknown holidays count as school days.  2025-2026 lacks only
-- the meivakantie (and 2026-05-05 is no lustrum year); 2026-2027 has only kerst.
SET verzuim.onvolledige_kalender = 'waarschuwing';
SELECT verzuim.is_lesdag('2026-05-05', 'midden');
SELECT verzuim.is_lesdag('2026-04-28', 'midden');
SELECT verzuim.lesdagen(verzuim.schooljaar_periode('2025-2026'), r) AS lesdagen,
       pg_temp.orakel_lesdagen(verzuim.schooljaar_periode('2025-2026'), r) AS orakel
FROM unnest('{noord,midden,zuid}'::text[]) r;
SELECT verzuim.lesdagen(verzuim.schooljaar_periode('2026-2027'), 'zuid') AS lesdagen,
       pg_temp.orakel_lesdagen(verzuim.schooljaar_periode('2026-2027'), 'zuid') AS orakel;
SET verzuim.bevrijdingsdag_vrij = 'altijd';
SELECT verzuim.is_lesdag('2026-05-05', 'midden') AS bevrijdingsdag_altijd;
RESET verzuim.bevrijdingsdag_vrij;
RESET verzuim.onvolledige_kalender;

-- Parallel workers build their own calendar (also of a school) -------------------

BEGIN;
INSERT INTO verzuim.gemeente (gemeentecode, naam) VALUES ('GM0363', 'Amsterdam');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES ('12AB00', 'De Test', 'GM0363', 'noord');
INSERT INTO verzuim.schoolvrije_dag (brin, datum, omschrijving)
VALUES ('12AB00', '2024-03-04', 'studiedag'), ('12AB00', '2024-03-09', 'zaterdag'), ('12AB00', '2024-02-19', 'voorjaarsvakantie');
CREATE TABLE kalender_dagen AS
SELECT d::date AS datum, (ARRAY['noord', 'midden', 'zuid'])[1 + i % 3] AS regio
FROM generate_series(date '2020-08-01', date '2025-07-31', interval '1 day') WITH ORDINALITY g(d, i);
ANALYZE kalender_dagen;
CREATE TEMP TABLE kalender_serieel AS
SELECT count(*) FILTER (WHERE verzuim.is_lesdag(datum, regio)) AS regio,
       count(*) FILTER (WHERE verzuim.is_lesdag(datum, NULL, '12AB00')) AS school
FROM kalender_dagen;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
SELECT count(*) FILTER (WHERE regel ~ 'Partial Aggregate') AS partial_aggregate,
       count(*) FILTER (WHERE regel ~ 'Parallel Seq Scan on kalender_dagen') AS parallel_scan
FROM pg_temp.explain_regels() regel;
SELECT p.regio, p.school, s.regio AS serieel_regio, s.school AS serieel_school
FROM (SELECT count(*) FILTER (WHERE verzuim.is_lesdag(datum, regio)) AS regio,
             count(*) FILTER (WHERE verzuim.is_lesdag(datum, NULL, '12AB00')) AS school
      FROM kalender_dagen) p, kalender_serieel s;
ROLLBACK;

-- User edits of verzuim.vakantie --------------------------------------------------

-- how pg_dump selects the rows of verzuim.vakantie: only the user's rows
SELECT c.relname, u.conditie
FROM pg_extension e, unnest(e.extconfig, e.extcondition) u(relid, conditie), pg_class c
WHERE e.extname = 'verzuim' AND c.oid = u.relid AND c.relname IN ('vakantie', 'schoolvrije_dag')
ORDER BY 1;
SELECT count(*) AS rijen, count(*) FILTER (WHERE geleverd) AS geleverd FROM verzuim.vakantie;

BEGIN;
-- the 2026-2027 holidays of regio noord in one statement (test dates, not official ones)
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES
  ('noord', '2026-2027', 'herfst', '[2026-10-17,2026-10-25]', 'test'),
  ('noord', '2026-2027', 'voorjaar', '[2027-02-13,2027-02-21]', 'test'),
  ('noord', '2026-2027', 'mei', '[2027-04-24,2027-05-02]', 'test'),
  ('noord', '2026-2027', 'zomer', '[2027-07-10,2027-08-22]', 'test');
-- 2026-2027 is complete for noord only; so is 2027-2028 (its first weeks depend on zomer 2026-2027)
SELECT * FROM verzuim.kalender_dekking WHERE schooljaar IN ('2026-2027', '2027-2028');
SELECT verzuim.lesdagen(verzuim.schooljaar_periode('2026-2027'), 'noord') AS lesdagen,
       pg_temp.orakel_lesdagen(verzuim.schooljaar_periode('2026-2027'), 'noord') AS orakel;
-- the meivakantie 2025-2026 of all regions with COPY (as \copy does)
COPY verzuim.vakantie (regio, schooljaar, soort, periode) FROM STDIN;
noord	2025-2026	mei	[2026-04-25,2026-05-03]
midden	2025-2026	mei	[2026-04-25,2026-05-03]
zuid	2025-2026	mei	[2026-04-25,2026-05-03]
\.
SELECT regio, compleet, lesdagen,
       pg_temp.orakel_lesdagen(verzuim.schooljaar_periode(schooljaar), regio) AS orakel
FROM verzuim.kalender_dekking WHERE schooljaar = '2025-2026';
-- a user row for the key of a shipped row replaces it (one row, a user row)
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron)
VALUES ('zuid', '2024-2025', 'voorjaar', '[2025-03-01,2025-03-09]', 'carnaval Limburg');
SELECT regio, schooljaar, soort, periode, bron, geleverd FROM verzuim.vakantie
WHERE (regio, schooljaar, soort) = ('zuid', '2024-2025', 'voorjaar');
SELECT verzuim.is_lesdag('2025-02-24', 'zuid') AS ma_24_feb, verzuim.is_lesdag('2025-03-03', 'zuid') AS ma_3_mrt,
       verzuim.lesdagen(verzuim.schooljaar_periode('2024-2025'), 'zuid') AS lesdagen,
       pg_temp.orakel_lesdagen(verzuim.schooljaar_periode('2024-2025'), 'zuid') AS orakel;
-- UPDATE of a shipped row makes it a user row
UPDATE verzuim.vakantie SET periode = '[2023-10-14,2023-10-29]'
WHERE (regio, schooljaar, soort) = ('midden', '2023-2024', 'herfst');
SELECT regio, schooljaar, soort, periode, geleverd FROM verzuim.vakantie
WHERE (regio, schooljaar, soort) = ('midden', '2023-2024', 'herfst');
SELECT verzuim.lesdagen(verzuim.schooljaar_periode('2023-2024'), 'midden') AS lesdagen,
       pg_temp.orakel_lesdagen(verzuim.schooljaar_periode('2023-2024'), 'midden') AS orakel;
-- DELETE of a shipped row keeps it, with periode NULL: known not to exist, still complete
DELETE FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('noord', '2022-2023', 'voorjaar');
SELECT regio, schooljaar, soort, periode, bron, geleverd FROM verzuim.vakantie
WHERE (regio, schooljaar, soort) = ('noord', '2022-2023', 'voorjaar');
SELECT compleet, lesdagen, pg_temp.orakel_lesdagen(verzuim.schooljaar_periode('2022-2023'), 'noord') AS orakel
FROM verzuim.kalender_dekking WHERE (regio, schooljaar) = ('noord', '2022-2023');
-- ... and an INSERT for that key replaces the row with periode NULL (DELETE + INSERT works)
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron)
VALUES ('noord', '2022-2023', 'voorjaar', '[2023-02-18,2023-02-26]', 'school');
SELECT regio, schooljaar, soort, periode, bron, geleverd FROM verzuim.vakantie
WHERE (regio, schooljaar, soort) = ('noord', '2022-2023', 'voorjaar');
SELECT verzuim.lesdagen(verzuim.schooljaar_periode('2022-2023'), 'noord') AS lesdagen,
       pg_temp.orakel_lesdagen(verzuim.schooljaar_periode('2022-2023'), 'noord') AS orakel;
-- a second INSERT for a key that has a real user row is refused
SAVEPOINT dubbel;
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron)
VALUES ('noord', '2022-2023', 'voorjaar', '[2023-02-25,2023-03-05]', 'again');
ROLLBACK TO SAVEPOINT dubbel;
-- a shipped row moved to another key leaves its old key behind as known not to exist
UPDATE verzuim.vakantie SET soort = 'carnaval'
WHERE (regio, schooljaar, soort) = ('zuid', '2023-2024', 'voorjaar');
SELECT regio, schooljaar, soort, periode, bron, geleverd FROM verzuim.vakantie
WHERE regio = 'zuid' AND schooljaar = '2023-2024' AND soort IN ('voorjaar', 'carnaval') ORDER BY soort;
-- deleting a user row deletes it
DELETE FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('noord', '2026-2027', 'mei');
SELECT compleet, ontbreekt FROM verzuim.kalender_dekking WHERE (regio, schooljaar) = ('noord', '2026-2027');
-- exactly the user rows are dumped
SELECT count(*) FILTER (WHERE NOT geleverd) AS gebruiker, count(*) FILTER (WHERE geleverd) AS geleverd
FROM verzuim.vakantie;
SELECT regio, schooljaar, soort, periode FROM verzuim.vakantie WHERE NOT geleverd ORDER BY 2, 3, 1;
ROLLBACK;
SELECT count(*) AS rijen, count(*) FILTER (WHERE geleverd) AS geleverd FROM verzuim.vakantie;
SELECT verzuim.lesdagen(verzuim.schooljaar_periode('2024-2025'), 'zuid') AS na_rollback;

-- Invalid rows are refused by the table
BEGIN;
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode) VALUES ('oost', '2026-2027', 'herfst', '[2026-10-17,2026-10-25]');
ROLLBACK;
BEGIN;
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode) VALUES ('noord', '2026-2028', 'herfst', '[2026-10-17,2026-10-25]');
ROLLBACK;
BEGIN;
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode) VALUES ('noord', '2026-2027', 'herfst', '[2027-10-17,2027-10-25]');
ROLLBACK;
BEGIN;
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode) VALUES ('noord', '2026-2027', 'herfst', '[2026-10-17,)');
ROLLBACK;
BEGIN;
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode) VALUES ('noord', '2026-2027', 'Herfst', '[2026-10-17,2026-10-25]');
ROLLBACK;

-- pg_dump / pg_restore keep the user's edits ------------------------------------
-- (in two scratch databases, so that contrib_regression is not touched)
SELECT current_database() AS regressiedb \gset
CREATE DATABASE verzuim_kalender_dump;
CREATE DATABASE verzuim_kalender_herstel;
\c verzuim_kalender_dump
SET client_min_messages = warning;
CREATE EXTENSION verzuim CASCADE;
RESET client_min_messages;
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron)
VALUES ('zuid', '2024-2025', 'voorjaar', '[2025-03-01,2025-03-09]', 'carnaval Limburg'),
       ('noord', '2026-2027', 'herfst', '[2026-10-17,2026-10-25]', 'test');
UPDATE verzuim.vakantie SET periode = '[2023-10-14,2023-10-29]'
WHERE (regio, schooljaar, soort) = ('midden', '2023-2024', 'herfst');
DELETE FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('noord', '2022-2023', 'voorjaar');
UPDATE verzuim.vakantie SET soort = 'carnaval' WHERE (regio, schooljaar, soort) = ('zuid', '2023-2024', 'voorjaar');
SELECT count(*) AS rijen, count(*) FILTER (WHERE NOT geleverd) AS gebruiker,
       md5(string_agg(format('%s|%s|%s|%s|%s|%s', regio, schooljaar, soort, periode, bron, geleverd), ';'
                      ORDER BY regio, schooljaar, soort)) AS inhoud
FROM verzuim.vakantie \gset dump_
SELECT string_agg(format('%s-%s', regio, lesdagen), ' ' ORDER BY schooljaar, regio) AS dekking
FROM verzuim.kalender_dekking WHERE schooljaar <= '2027-2028' \gset dump_
\! pg_dump -Fc -f results/kalender.dump verzuim_kalender_dump
\! pg_restore --exit-on-error -d verzuim_kalender_herstel results/kalender.dump
\c verzuim_kalender_herstel
SELECT count(*) = :dump_rijen AS rijen_gelijk,
       count(*) FILTER (WHERE NOT geleverd) = :dump_gebruiker AS gebruikersrijen_gelijk,
       md5(string_agg(format('%s|%s|%s|%s|%s|%s', regio, schooljaar, soort, periode, bron, geleverd), ';'
                      ORDER BY regio, schooljaar, soort)) = :'dump_inhoud' AS inhoud_gelijk
FROM verzuim.vakantie;
SELECT string_agg(format('%s-%s', regio, lesdagen), ' ' ORDER BY schooljaar, regio) = :'dump_dekking' AS dekking_gelijk
FROM verzuim.kalender_dekking WHERE schooljaar <= '2027-2028';
SELECT regio, schooljaar, soort, periode, geleverd FROM verzuim.vakantie WHERE NOT geleverd ORDER BY 2, 3, 1;
\c :regressiedb
DROP DATABASE verzuim_kalender_dump;
DROP DATABASE verzuim_kalender_herstel;
\! rm -f results/kalender.dump
SELECT count(*) AS rijen, count(*) FILTER (WHERE geleverd) AS geleverd FROM verzuim.vakantie;
