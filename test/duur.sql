-- pgTAP: the duration summary verzuim.duurverdeling, duur_agg, accessors,
-- samenvoegen (DESIGN.md §3 "Episodes and durations").  Hand-computed values
-- are explained next to each test; the rest is compared with plain SQL.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(112);
SET LOCAL search_path = verzuim, public;

-------------------------------------------------------------------------------
-- API and catalog properties
-------------------------------------------------------------------------------
SELECT has_type('verzuim', 'duurverdeling', 'type verzuim.duurverdeling exists');
SELECT is_aggregate('verzuim', 'duur_agg', ARRAY['daterange', 'date'], 'duur_agg(daterange, date) is an aggregate');
SELECT is_aggregate('verzuim', 'duur_agg', ARRAY['daterange', 'date', 'text'], 'duur_agg(daterange, date, text) is an aggregate');
SELECT is_aggregate('verzuim', 'doorloopsnelheid', ARRAY['daterange', 'date'], 'doorloopsnelheid(daterange, date) is an aggregate');
SELECT is_aggregate('verzuim', 'doorloopsnelheid', ARRAY['daterange', 'date', 'text'], 'doorloopsnelheid(daterange, date, text) is an aggregate');
SELECT is_aggregate('verzuim', 'samenvoegen', ARRAY['duurverdeling'], 'samenvoegen(duurverdeling) is an aggregate');
SELECT function_returns('verzuim', 'duur_agg', ARRAY['daterange', 'date'], 'duurverdeling');
SELECT function_returns('verzuim', 'samenvoegen', ARRAY['duurverdeling'], 'duurverdeling');
SELECT function_returns('verzuim', 'aantal', ARRAY['duurverdeling'], 'bigint');
SELECT function_returns('verzuim', 'aantal_lopend', ARRAY['duurverdeling'], 'bigint');
SELECT function_returns('verzuim', 'gemiddelde', ARRAY['duurverdeling'], 'numeric');
SELECT function_returns('verzuim', 'doorloopsnelheid', ARRAY['duurverdeling'], 'numeric');
SELECT function_returns('verzuim', 'mediaan', ARRAY['duurverdeling'], 'numeric');
SELECT function_returns('verzuim', 'percentiel', ARRAY['duurverdeling', 'double precision'], 'numeric');
SELECT function_returns('verzuim', 'beperkt_gemiddelde', ARRAY['duurverdeling', 'integer'], 'numeric');
SELECT function_returns('verzuim', 'aandeel_langer_dan', ARRAY['duurverdeling', 'integer'], 'double precision');
SELECT has_operator('duurverdeling', 'verzuim', '=', 'duurverdeling', 'boolean', 'operator = on duurverdeling');
SELECT has_opclass('verzuim', 'duurverdeling_hash_ops', 'hash operator class of duurverdeling');
SELECT volatility_is('verzuim', 'mediaan', ARRAY['duurverdeling'], 'immutable');
SELECT is_strict('verzuim', 'percentiel', ARRAY['duurverdeling', 'double precision']);

-- every aggregate: parallel safe; every support function parallel safe;
-- combine non-strict, serialize/deserialize strict, final read-only
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           WHERE p.pronamespace = 'verzuim'::regnamespace
             AND p.proname IN ('duur_agg', 'doorloopsnelheid', 'samenvoegen') AND p.proparallel = 's'),
          7::bigint, 'the seven duration aggregates are PARALLEL SAFE');
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           JOIN pg_proc s ON s.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn)
           WHERE p.pronamespace = 'verzuim'::regnamespace
             AND p.proname IN ('duur_agg', 'doorloopsnelheid', 'samenvoegen') AND s.proparallel <> 's'),
          0::bigint, 'every support function of the duration aggregates is PARALLEL SAFE');
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           JOIN pg_proc c ON c.oid = a.aggcombinefn
           WHERE p.pronamespace = 'verzuim'::regnamespace
             AND p.proname IN ('duur_agg', 'doorloopsnelheid', 'samenvoegen')
             AND NOT c.proisstrict AND a.aggfinalmodify = 'r'),
          7::bigint, 'every duration aggregate has a non-strict combine function and a read-only final function');
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           JOIN pg_proc s ON s.oid IN (a.aggserialfn, a.aggdeserialfn)
           WHERE p.pronamespace = 'verzuim'::regnamespace
             AND p.proname IN ('duur_agg', 'doorloopsnelheid') AND s.proisstrict),
          12::bigint, 'serialize and deserialize are STRICT');
SELECT is((SELECT format_type(a.aggtranstype, NULL) FROM pg_aggregate a
           WHERE a.aggfnoid = 'verzuim.samenvoegen(verzuim.duurverdeling)'::regprocedure),
          'duurverdeling', 'samenvoegen has a real (non-internal) state type, for Citus');

-------------------------------------------------------------------------------
-- Classification at a peildatum (hand example, peildatum 2024-06-30)
-------------------------------------------------------------------------------
CREATE TEMP TABLE ep (episode daterange);
INSERT INTO ep VALUES
  ('[2024-06-01,2024-06-11)'),   -- closed, 10
  ('[2024-06-20,2024-06-30)'),   -- upper = peildatum: closed, 10
  ('[2024-06-21,2024-07-01)'),   -- open, 10 (21..30 June)
  ('[2024-06-30,)'),             -- open, 1
  ('[2024-07-01,2024-07-05)'),   -- not started
  ('[2024-05-31,infinity]'),     -- open, 31
  ('empty'), (NULL),
  ('[2024-06-29,2024-06-30]'),   -- open, 2
  ('[2024-02-28,2024-03-01)');   -- closed, 2 (leap day)
SELECT is((SELECT duur_agg(episode, '2024-06-30')::text FROM ep),
          '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=3;lopend=4;som=22;som_lopend=44;1:0/1,2:1/1,10:2/1,31:0/1}',
          'closed when upper <= peildatum, open (censored at peildatum + 1 - lower) otherwise');
CREATE TEMP TABLE ep_s AS SELECT duur_agg(episode, '2024-06-30') AS s FROM ep;
SELECT is((SELECT aantal(s) FROM ep_s), 7::bigint, 'aantal counts started episodes');
SELECT is((SELECT aantal_lopend(s) FROM ep_s), 4::bigint, 'aantal_lopend counts open episodes');
SELECT is((SELECT gemiddelde(s) FROM ep_s), 22::numeric / 3, 'gemiddelde = 22/3 over the closed ones');
SELECT is((SELECT doorloopsnelheid(s) FROM ep_s), 66::numeric / 7, 'doorloopsnelheid = (22 + 44)/7');
-- S: t=2: 6 at risk, 1 closed -> 5/6; t=10: 4 at risk, 2 closed -> 5/12
SELECT is((SELECT mediaan(s) FROM ep_s), 10::numeric, 'KM median 10 (S(10) = 5/12)');
SELECT is((SELECT percentiel(s, 0.6) FROM ep_s), NULL::numeric, 'percentile not reached: NULL');
SELECT is((SELECT beperkt_gemiddelde(s, 30) FROM ep_s), 17::numeric, 'RMST(30) = 2 + 8*5/6 + 20*5/12 = 17');
SELECT ok((SELECT abs(aandeel_langer_dan(s, 5) - 5.0 / 6) < 1e-15 FROM ep_s), 'aandeel_langer_dan(5) = 5/6');
SELECT is((SELECT doorloopsnelheid(episode, '2024-06-30') FROM ep), 66::numeric / 7,
          'aggregate doorloopsnelheid = 66/7');
SELECT is((SELECT duur_agg(episode, '2024-06-30') FROM ep WHERE false), NULL::duurverdeling, 'no rows: NULL');
SELECT is((SELECT aantal(duur_agg(episode, '2024-06-30')) FROM ep WHERE episode IS NULL OR isempty(episode)),
          0::bigint, 'only NULL and empty episodes: an empty summary');
SELECT is((SELECT peildatum(s) FROM ep_s), DATE '2024-06-30', 'peildatum is stored');

-------------------------------------------------------------------------------
-- Kaplan-Meier: 6-MP arm of Freireich (Gehan 1965), weeks used as days
-------------------------------------------------------------------------------
CREATE TEMP TABLE mp AS
SELECT '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=9;lopend=12;som=109;som_lopend=250;6:3/1,7:1/0,9:0/1,10:1/1,11:0/1,13:1/0,16:1/0,17:0/1,19:0/1,20:0/1,22:1/0,23:1/0,25:0/1,32:0/2,34:0/1,35:0/1}'::duurverdeling AS s;
SELECT is((SELECT mediaan(s) FROM mp), 23::numeric, '6-MP: the textbook KM median is 23');
SELECT is((SELECT percentiel(s, 0.25) FROM mp), 13::numeric, '6-MP: S(10) = 64/85 > 0.75, S(13) = 176/255: 25th percentile 13');
SELECT is((SELECT percentiel(s, 0.1) FROM mp), 6::numeric, '6-MP: S(6) = 6/7 <= 0.9');
SELECT is((SELECT percentiel(s, 0.6) FROM mp), NULL::numeric, '6-MP: S never below 160/357: 60th percentile NULL');
SELECT ok((SELECT abs(aandeel_langer_dan(s, 13) - 176.0 / 255) < 1e-12 FROM mp), '6-MP: S(13) = 176/255');
SELECT ok((SELECT abs(aandeel_langer_dan(s, 99) - 160.0 / 357) < 1e-12 FROM mp), '6-MP: S(99) = 160/357 (carried forward)');
SELECT ok((SELECT abs(beperkt_gemiddelde(s, 23) - 10656.0 / 595) < 1e-9 FROM mp), '6-MP: RMST(23) = 10656/595');
SELECT ok((SELECT abs(beperkt_gemiddelde(s, 35) - 13856.0 / 595) < 1e-9 FROM mp), '6-MP: RMST(35) = 13856/595');
SELECT is((SELECT gemiddelde(s) FROM mp), 109::numeric / 9, '6-MP: mean of the closed = 109/9');

-- ties: 3 3 3* 5 7* 8 8* 10 -- open at t counts as at risk at t
CREATE TEMP TABLE tie AS
SELECT '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=5;lopend=3;som=29;som_lopend=18;3:2/1,5:1/0,7:0/1,8:1/1,10:1/0}'::duurverdeling AS s;
SELECT ok((SELECT abs(aandeel_langer_dan(s, 8) - 0.4) < 1e-15 FROM tie), 'ties: S(8) = 0.6 * 2/3 = 0.4 (censored at 8 at risk at 8)');
SELECT is((SELECT mediaan(s) FROM tie), 8::numeric, 'ties: median 8');
SELECT is((SELECT percentiel(s, 0.4) FROM tie), 5::numeric, 'ties: S(5) = 0.6 <= 0.6');
SELECT is((SELECT percentiel(s, 1) FROM tie), 10::numeric, 'ties: S(10) = 0: 100th percentile 10');
SELECT is((SELECT percentiel(s, 0) FROM tie), 3::numeric, 'ties: 0th percentile = first closing duration');
SELECT ok((SELECT abs(beperkt_gemiddelde(s, 10) - 7.1) < 1e-12 FROM tie), 'ties: RMST(10) = 3 + 1.5 + 1.8 + 0.8 = 7.1');
-- S exactly 0.5 on a flat stretch: the start of the stretch (R: midpoint)
SELECT is(mediaan('{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=4;lopend=0;som=10;som_lopend=0;1:1/0,2:1/0,3:1/0,4:1/0}'),
          2::numeric, 'S(2) = 0.5 exactly: median 2 (smallest t with S <= 0.5)');
SELECT is(mediaan('{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=3;lopend=1;som=7;som_lopend=3;1:1/0,2:1/0,3:0/1,4:1/0}'),
          2::numeric, 'S(2) = 3/4 * 2/3 = 0.5 (rounded in floating point): median 2');
SELECT is(mediaan('{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=5;lopend=0;som=15;som_lopend=0;1:1/0,2:1/0,3:1/0,4:1/0,5:1/0}'),
          3::numeric, 'S(2) = 0.6, S(3) = 0.4: median 3');

-------------------------------------------------------------------------------
-- Generated data against plain SQL
-------------------------------------------------------------------------------
SELECT setseed(0.31);
CREATE TABLE duur_tap (i int, g int, h int, episode daterange, regio text);
INSERT INTO duur_tap
SELECT i, i % 25, i % 6,
       CASE WHEN i % 97 = 0 THEN daterange(DATE '1998-01-01' + i % 2000, NULL)    -- > 4096 days
            WHEN random() < 0.3 THEN daterange(s, NULL)
            WHEN random() < 0.02 THEN NULL
            ELSE daterange(s, s + 1 + floor(random() * random() * 100)::int) END,
       (ARRAY['noord', 'midden', 'zuid'])[1 + i % 3]
FROM (SELECT i, DATE '2023-09-01' + floor(random() * 330)::int AS s FROM generate_series(1, 20000) i) x;
ANALYZE duur_tap;
CREATE TEMP VIEW obs AS
SELECT g, h, CASE WHEN upper(episode) <= '2024-06-30' THEN upper(episode) - lower(episode)
                  ELSE DATE '2024-07-01' - lower(episode) END AS d,
       coalesce(upper(episode) <= '2024-06-30', false) AS closed
FROM duur_tap WHERE lower(episode) <= '2024-06-30';
CREATE TEMP TABLE tap_s AS SELECT g, duur_agg(episode, '2024-06-30') AS s FROM duur_tap GROUP BY g;

SELECT results_eq(
  'SELECT g, aantal(s), aantal_lopend(s), gemiddelde(s), doorloopsnelheid(s) FROM tap_s ORDER BY g',
  'SELECT g, count(*), count(*) FILTER (WHERE NOT closed), avg(d) FILTER (WHERE closed), avg(d) FROM obs GROUP BY g ORDER BY g',
  'aantal, aantal_lopend, gemiddelde, doorloopsnelheid equal plain SQL');
SELECT results_eq(
  'SELECT g, gemiddelde(s) FROM tap_s ORDER BY g',
  $$SELECT g, avg(upper(episode) - lower(episode)) FILTER (WHERE upper(episode) <= '2024-06-30')
    FROM duur_tap GROUP BY g ORDER BY g$$,
  'gemiddelde equals avg(upper - lower) of the closed episodes');
SELECT results_eq(
  'SELECT g, (verdeling(s)).* FROM tap_s ORDER BY 1, 2',
  'SELECT g, d, count(*) FILTER (WHERE closed), count(*) FILTER (WHERE NOT closed) FROM obs GROUP BY g, d ORDER BY 1, 2',
  'the table of the summary equals a plain GROUP BY');
SELECT results_eq(
  $$SELECT g, doorloopsnelheid(episode, '2024-06-30') FROM duur_tap GROUP BY g ORDER BY g$$,
  $$SELECT g, avg(least(upper(episode), DATE '2024-07-01') - lower(episode)) FROM duur_tap
    WHERE lower(episode) <= '2024-06-30' GROUP BY g ORDER BY g$$,
  'the doorloopsnelheid aggregate equals the naive mean in plain SQL');

-- Kaplan-Meier in plain SQL (window functions)
CREATE AGGREGATE pg_temp.product(float8) (SFUNC = float8mul, STYPE = float8, INITCOND = '1');
CREATE TEMP TABLE km AS
WITH t AS (SELECT g, d, count(*) FILTER (WHERE closed) AS ev, count(*) AS n FROM obs GROUP BY g, d),
     r AS (SELECT g, d, ev, sum(n) OVER (PARTITION BY g ORDER BY d DESC) AS risk FROM t)
SELECT g, d, ev, pg_temp.product((risk - ev)::float8 / risk) OVER (PARTITION BY g ORDER BY d) AS s FROM r;
SELECT results_eq(
  'SELECT g, p, percentiel(s, p) FROM tap_s, unnest(ARRAY[0, 0.2, 0.5, 0.7, 0.95]::float8[]) p ORDER BY 1, 2',
  'SELECT g, p, (SELECT min(d)::numeric FROM km WHERE km.g = x.g AND ev > 0 AND s <= 1 - p + 1e-9)
   FROM (SELECT DISTINCT g FROM obs) x, unnest(ARRAY[0, 0.2, 0.5, 0.7, 0.95]::float8[]) p ORDER BY 1, 2',
  'KM percentiles equal the window-function formulation');
SELECT is((SELECT count(*) FROM tap_s, generate_series(0, 120, 7) k
           WHERE abs(aandeel_langer_dan(s, k) -
                     coalesce((SELECT km.s FROM km WHERE km.g = tap_s.g AND km.d <= k ORDER BY km.d DESC LIMIT 1), 1)) > 1e-12),
          0::bigint, 'aandeel_langer_dan equals the window-function S');
SELECT is((SELECT count(*) FROM tap_s, unnest(ARRAY[1, 30, 90]) hz
           WHERE abs(beperkt_gemiddelde(s, hz) -
                     (SELECT sum(coalesce((SELECT km.s FROM km WHERE km.g = tap_s.g AND km.d <= k
                                           ORDER BY km.d DESC LIMIT 1), 1))
                      FROM generate_series(0, hz - 1) k)::numeric) > 1e-9),
          0::bigint, 'beperkt_gemiddelde equals the sum of the window-function S');

-- round trips
SELECT is((SELECT count(*) FROM tap_s WHERE duurverdeling_in(duurverdeling_out(s)) OPERATOR(verzuim.<>) s),
          0::bigint, 'text round trip is exact');
SELECT results_eq('SELECT g, s FROM tap_s ORDER BY g',
                  'SELECT g, s::text::duurverdeling FROM tap_s ORDER BY g',
                  'text cast round trip (row comparison uses the hash opclass equality)');

-- samenvoegen: grouped two ways equals duur_agg over everything
SELECT is((SELECT samenvoegen(s)::text FROM tap_s),
          (SELECT duur_agg(episode, '2024-06-30')::text FROM duur_tap),
          'samenvoegen of per-g summaries = duur_agg over all');
SELECT results_eq(
  $$SELECT h, samenvoegen(s)::text FROM (SELECT g, h, duur_agg(episode, '2024-06-30') s FROM duur_tap GROUP BY g, h) x
    GROUP BY h ORDER BY h$$,
  $$SELECT h, duur_agg(episode, '2024-06-30')::text FROM duur_tap GROUP BY h ORDER BY h$$,
  'samenvoegen of per-(g,h) summaries per h = duur_agg per h');
SELECT is((SELECT samenvoegen(m)::text FROM
             (SELECT h, samenvoegen(s) m FROM (SELECT g, h, duur_agg(episode, '2024-06-30') s FROM duur_tap GROUP BY g, h) x
              GROUP BY h) y),
          (SELECT duur_agg(episode, '2024-06-30')::text FROM duur_tap),
          'two-level rollup (g,h) -> h -> all = duur_agg over all');

-------------------------------------------------------------------------------
-- Serial, parallel and partitionwise plans agree
-------------------------------------------------------------------------------
CREATE FUNCTION pg_temp.plan(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; t text := '';
BEGIN
  FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP t := t || r || E'\n'; END LOOP;
  RETURN t;
END $$;
CREATE TEMP TABLE serieel AS
SELECT g, duur_agg(episode, '2024-06-30')::text AS s, doorloopsnelheid(episode, '2024-06-30') AS d
FROM duur_tap GROUP BY g;
CREATE TABLE duur_tap_part (i int, g int, h int, episode daterange, regio text) PARTITION BY LIST (h);
CREATE TABLE duur_tap_part_1 PARTITION OF duur_tap_part FOR VALUES IN (0, 1, 2);
CREATE TABLE duur_tap_part_2 PARTITION OF duur_tap_part FOR VALUES IN (3, 4, 5);
CREATE TABLE duur_tap_part_3 PARTITION OF duur_tap_part FOR VALUES IN (6);   -- empty
INSERT INTO duur_tap_part SELECT * FROM duur_tap;
CREATE TABLE duur_tap_sam AS SELECT g, h, duur_agg(episode, '2024-06-30') AS s FROM duur_tap GROUP BY g, h;
ANALYZE duur_tap_part, duur_tap_sam;

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
SELECT matches(pg_temp.plan($$SELECT g, duur_agg(episode, '2024-06-30') FROM duur_tap GROUP BY g$$),
               'Partial (Hash|Group)?Aggregate', 'forced parallel plan has a Partial Aggregate');
SELECT matches(pg_temp.plan($$SELECT g, duur_agg(episode, '2024-06-30') FROM duur_tap GROUP BY g$$),
               'Gather', 'forced parallel plan has a Gather');
SELECT results_eq(
  $$SELECT g, duur_agg(episode, '2024-06-30')::text, doorloopsnelheid(episode, '2024-06-30') FROM duur_tap GROUP BY g ORDER BY g$$,
  'SELECT g, s, d FROM serieel ORDER BY g',
  'parallel duur_agg and doorloopsnelheid per g = serial');
SELECT is((SELECT duur_agg(episode, '2024-06-30')::text FROM duur_tap),
          (SELECT samenvoegen(s::duurverdeling)::text FROM serieel), 'parallel total = serial rollup');
SELECT is((SELECT duur_agg(episode, '2024-06-30') FROM duur_tap WHERE g + 0 = 99), NULL::duurverdeling,
          'parallel, no rows in any worker: NULL');
SELECT matches(pg_temp.plan($$SELECT samenvoegen(s) FROM duur_tap_sam$$),
               'Partial Aggregate', 'samenvoegen (stype duurverdeling) runs as a partial aggregate');
SELECT is((SELECT samenvoegen(s)::text FROM duur_tap_sam),
          (SELECT samenvoegen(s::duurverdeling)::text FROM serieel), 'parallel samenvoegen = serial');
SET LOCAL enable_hashagg = off;
SELECT results_eq(
  $$SELECT g, duur_agg(episode, '2024-06-30')::text FROM duur_tap GROUP BY g ORDER BY g$$,
  'SELECT g, s FROM serieel ORDER BY g',
  'parallel sorted (GroupAggregate) duur_agg per g = serial');
RESET enable_hashagg;
SET LOCAL enable_partitionwise_aggregate = on;
SELECT matches(pg_temp.plan($$SELECT g, duur_agg(episode, '2024-06-30') FROM duur_tap_part GROUP BY g$$),
               'Partial (Hash|Group)?Aggregate', 'partitionwise plan has a Partial Aggregate');
SELECT matches(pg_temp.plan($$SELECT duur_agg(episode, '2024-06-30') FROM duur_tap_part$$),
               'duur_tap_part_3', 'the empty partition is aggregated (empty partial state)');
SELECT results_eq(
  $$SELECT g, duur_agg(episode, '2024-06-30')::text, doorloopsnelheid(episode, '2024-06-30') FROM duur_tap_part GROUP BY g ORDER BY g$$,
  'SELECT g, s, d FROM serieel ORDER BY g',
  'parallel partitionwise duur_agg per g = serial');
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT doesnt_match(pg_temp.plan($$SELECT g, duur_agg(episode, '2024-06-30') FROM duur_tap_part GROUP BY g$$),
                    'Gather', 'serial partitionwise plan has no Gather');
SELECT results_eq(
  $$SELECT g, duur_agg(episode, '2024-06-30')::text, doorloopsnelheid(episode, '2024-06-30') FROM duur_tap_part GROUP BY g ORDER BY g$$,
  'SELECT g, s, d FROM serieel ORDER BY g',
  'serial partitionwise duur_agg per g = serial');
SELECT is((SELECT duur_agg(episode, '2024-06-30')::text FROM duur_tap_part),
          (SELECT samenvoegen(s::duurverdeling)::text FROM serieel), 'partitionwise total = serial rollup');
RESET enable_partitionwise_aggregate;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;

-------------------------------------------------------------------------------
-- Lesdagen
-------------------------------------------------------------------------------
SELECT is((SELECT duur_agg(e, '2024-06-30', r)::text
           FROM (VALUES ('[2024-02-12,2024-02-17)'::daterange, 'zuid'), ('[2024-02-12,2024-02-17)', 'noord'),
                        ('[2024-06-24,)', 'midden')) v(e, r)),
          format('{v2;eenheid=lesdagen;regio=noord:%s+midden:%s+zuid:%s;peildatum=2024-06-30;gesloten=2;lopend=1;som=5;som_lopend=5;0:1/0,5:1/1}',
                 verzuim.instellingen()->'kalender'->>'noord', verzuim.instellingen()->'kalender'->>'midden',
                 verzuim.instellingen()->'kalender'->>'zuid'),
          'lesdagen: voorjaarsvakantie zuid 0, same week noord 5, open 24-30 June midden 5');
SELECT results_eq(
  $$SELECT (verdeling(duur_agg(episode, '2024-06-30', regio))).* FROM duur_tap WHERE lower(episode) >= '2023-09-01' ORDER BY 1$$,
  $$SELECT lesdagen(daterange(lower(episode), least(upper(episode), DATE '2024-07-01')), regio),
           count(*) FILTER (WHERE upper(episode) <= '2024-06-30'),
           count(*) FILTER (WHERE NOT coalesce(upper(episode) <= '2024-06-30', false))
    FROM duur_tap WHERE lower(episode) >= '2023-09-01' AND lower(episode) <= '2024-06-30' GROUP BY 1 ORDER BY 1$$,
  'lesdagen durations equal verzuim.lesdagen over [lower, min(upper, peildatum + 1))');

-------------------------------------------------------------------------------
-- Errors
-------------------------------------------------------------------------------
SELECT throws_ok($$SELECT verzuim.duur_agg('[2024-01-01,2024-01-05)'::daterange, NULL)$$, '22004', NULL, 'NULL peildatum');
SELECT throws_ok($$SELECT verzuim.doorloopsnelheid('[2024-01-01,2024-01-05)'::daterange, NULL)$$, '22004', NULL, 'NULL peildatum (doorloopsnelheid)');
SELECT throws_ok($$SELECT verzuim.duur_agg('[2024-01-01,2024-01-05)', 'infinity')$$, '22008', NULL, 'infinite peildatum');
SELECT throws_ok($$SELECT verzuim.duur_agg('(,2024-01-05)', '2024-06-30')$$, '22008', NULL, 'unbounded lower bound');
SELECT throws_ok($$SELECT verzuim.duur_agg('[-infinity,2024-01-05)', '2024-06-30')$$, '22008', NULL, '-infinity lower bound');
SELECT throws_ok($$SELECT verzuim.duur_agg(e, p) FROM (VALUES ('[2024-01-01,2024-01-05)'::daterange, '2024-06-30'::date),
                   ('[2024-01-01,2024-01-05)', '2024-07-01')) v(e, p)$$, '22023', NULL, 'mixed peildata');
SELECT throws_ok($$SELECT verzuim.percentiel(s, 1.01) FROM tie$$, '22023', NULL, 'percentile above 1');
SELECT throws_ok($$SELECT verzuim.percentiel(s, -0.01) FROM tie$$, '22023', NULL, 'percentile below 0');
SELECT throws_ok($$SELECT verzuim.percentiel(s, 'NaN') FROM tie$$, '22023', NULL, 'percentile NaN');
SELECT throws_ok($$SELECT verzuim.beperkt_gemiddelde(s, -5) FROM tie$$, '22023', NULL, 'negative horizon');
SELECT throws_ok($$SELECT verzuim.samenvoegen(s) FROM (SELECT s FROM tie UNION ALL
                   SELECT verzuim.duur_agg('[2024-01-01,2024-01-05)', '2024-07-01')) x$$, '22023', NULL,
                 'samenvoegen: different peildata');
SELECT throws_ok($$SELECT verzuim.samenvoegen(s) FROM (SELECT s FROM tie UNION ALL
                   SELECT verzuim.duur_agg('[2024-01-08,2024-01-10)', '2024-06-30', 'noord')) x$$, '22023', NULL,
                 'samenvoegen: kalenderdagen and lesdagen');
SELECT throws_ok($$SELECT verzuim.duur_agg('[2024-01-08,2024-01-10)', '2024-06-30', 'west')$$, '22023', NULL, 'unknown regio');
SELECT throws_ok($$SELECT verzuim.duur_agg('[1950-01-08,1950-01-10)', '1950-06-30', 'noord')$$, '22008', NULL, 'date outside the calendar');
SELECT throws_ok($$SELECT '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lo'::verzuim.duurverdeling$$,
                 '22P02', NULL, 'text: truncated');
SELECT throws_ok($$SELECT '{v3;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'::verzuim.duurverdeling$$,
                 '22P02', NULL, 'text: wrong version');
SELECT throws_ok($$SELECT '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=2;lopend=0;som=8;som_lopend=0;5:1/0,3:1/0}'::verzuim.duurverdeling$$,
                 '22P02', NULL, 'text: unsorted');
SELECT throws_ok($$SELECT '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=-5;som_lopend=0;-5:1/0}'::verzuim.duurverdeling$$,
                 '22P02', NULL, 'text: negative duration');
SELECT throws_ok($$SELECT '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=6;som_lopend=0;5:1/0}'::verzuim.duurverdeling$$,
                 '22P02', NULL, 'text: inconsistent totals');
SELECT throws_ok($$SELECT '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0} x'::verzuim.duurverdeling$$,
                 '22P02', NULL, 'text: trailing garbage');

-- binary input through COPY (FORMAT binary): crafted bytes written as bytea
CREATE TEMP TABLE bin1 (s duurverdeling);
CREATE FUNCTION pg_temp.lees_binair(b bytea) RETURNS void LANGUAGE plpgsql AS $$
DECLARE f text := '/tmp/verzuim_duur_tap.bin';
BEGIN
  EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', b, f);
  EXECUTE format('COPY pg_temp.bin1 FROM %L (FORMAT binary)', f);
END $$;
SELECT lives_ok($$SELECT pg_temp.lees_binair(verzuim.duurverdeling_send(s)) FROM tie$$, 'binary: a sent value reads back');
SELECT is((SELECT s::text FROM bin1), (SELECT s::text FROM tie), 'binary round trip is exact');
SELECT throws_ok($$SELECT pg_temp.lees_binair(substr(verzuim.duurverdeling_send(s), 1, 60)) FROM tie$$, '22P03', NULL, 'binary: truncated');
SELECT throws_ok($$SELECT pg_temp.lees_binair(set_byte(verzuim.duurverdeling_send(s), 0, 9)) FROM tie$$, '22P03', NULL, 'binary: wrong version');
SELECT throws_ok($$SELECT pg_temp.lees_binair(set_byte(verzuim.duurverdeling_send(s), 46, 5)) FROM tie$$, '22P03', NULL, 'binary: unsorted');
SELECT throws_ok($$SELECT pg_temp.lees_binair(overlay(verzuim.duurverdeling_send(s) placing '\xffffffff'::bytea from 44)) FROM tie$$,
                 '22P03', NULL, 'binary: negative duration');
SELECT throws_ok($$SELECT pg_temp.lees_binair(set_byte(verzuim.duurverdeling_send(s), 30, 30)) FROM tie$$, '22P03', NULL, 'binary: inconsistent totals');
SELECT throws_ok($$SELECT pg_temp.lees_binair(verzuim.duurverdeling_send(s) || '\x00'::bytea) FROM tie$$, '22P03', NULL, 'binary: trailing garbage');

SELECT * FROM finish();
ROLLBACK;
