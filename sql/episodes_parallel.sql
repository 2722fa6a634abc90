-- verzuim.episodes under parallel and partitionwise plans: the partial
-- aggregates run in workers and their serialized states are combined in the
-- leader; the results must equal the serial ones exactly.  Plans are checked
-- with a regex (Partial Aggregate), not stored.
SET datestyle = 'ISO, YMD';
SET verzuim.vakantieregio = '';
BEGIN;
-- 2,000 pupils, runs of absences over 2021-2025 with mixed reasons (deterministic)
SELECT setseed(0.5);
CREATE TABLE ep_par (leerling_id int, regio text, brin text, datum date, reden verzuim.reden);
INSERT INTO ep_par
SELECT p, (ARRAY['noord', 'midden', 'zuid'])[1 + p % 3], '99XX0' || (p % 3), r.start + g,
       (ARRAY['ongeoorloofd', 'ongeoorloofd', 'ongeoorloofd', 'luxe', 'te_laat', 'ziek', 'ziek', 'verlof_14']
        )[1 + (random() * 7)::int + 0 * g]::verzuim.reden
FROM generate_series(1, 2000) p
CROSS JOIN LATERAL (SELECT date '2021-09-01' + (random() * 1300)::int + 0 * p AS start, 1 + (random() * 30)::int AS len
                    FROM generate_series(1, 1 + (random() * 3)::int + 0 * p)) r
CROSS JOIN LATERAL generate_series(0, r.len - 1) g;
-- a pupil with only te_laat rows (an empty state) and one with NULL dates only
INSERT INTO ep_par VALUES (3001, 'midden', '99XX01', '2024-03-04', 'te_laat'), (3002, 'zuid', '99XX02', NULL, 'ziek');
ANALYZE ep_par;
SELECT count(*) > 20000 AS enough_rows FROM ep_par;

-- schools with studiedagen for the brin variants
INSERT INTO verzuim.gemeente (gemeentecode, naam) VALUES ('GM9999', 'Testgemeente');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio)
SELECT '99XX0' || i, 'Testschool ' || i, 'GM9999', (ARRAY['noord', 'midden', 'zuid'])[1 + i % 3] FROM generate_series(0, 2) i;
INSERT INTO verzuim.schoolvrije_dag (brin, datum, omschrijving)
SELECT DISTINCT '99XX0' || i, d::date, 'studiedag'
FROM generate_series(0, 2) i, generate_series(date '2021-08-01', date '2025-07-31', '1 day') d
WHERE extract(isodow FROM d) < 6 AND random() < 0.03;

-- the same rows, hash-partitioned by pupil, for partitionwise aggregation
CREATE TABLE ep_part (LIKE ep_par) PARTITION BY HASH (leerling_id);
CREATE TABLE ep_part_0 PARTITION OF ep_part FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE ep_part_1 PARTITION OF ep_part FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE ep_part_2 PARTITION OF ep_part FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO ep_part SELECT * FROM ep_par;
ANALYZE ep_part;

CREATE FUNCTION pg_temp.partial_plan(q text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE r text; p boolean := false;
BEGIN
  FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
    p := p OR r ~ 'Partial (Hash|Group)?Aggregate';
  END LOOP;
  RETURN p;
END $$;

-- The queries: per pupil (every variant) and per regio (big states, many combines).
CREATE TEMP TABLE ep_q (naam text, beleid text, q text);
INSERT INTO ep_q VALUES
  ('per pupil', 'onderbreekt', 'SELECT leerling_id AS k, verzuim.episodes(datum, regio) AS e FROM %s WHERE reden IN (''ongeoorloofd'', ''luxe'') OR datum IS NULL GROUP BY 1'),
  ('per pupil, reden', 'onderbreekt', 'SELECT leerling_id AS k, verzuim.episodes(datum, regio, reden) AS e FROM %s GROUP BY 1'),
  ('per pupil, reden', 'pauzeert', 'SELECT leerling_id AS k, verzuim.episodes(datum, regio, reden) AS e FROM %s GROUP BY 1'),
  ('per pupil, reden', 'telt_mee', 'SELECT leerling_id AS k, verzuim.episodes(datum, regio, reden) AS e FROM %s GROUP BY 1'),
  ('per pupil, brin', 'onderbreekt', 'SELECT leerling_id AS k, verzuim.episodes(datum, regio, brin) AS e FROM %s WHERE reden IN (''ongeoorloofd'', ''luxe'') GROUP BY 1'),
  ('per pupil, brin, reden', 'pauzeert', 'SELECT leerling_id AS k, verzuim.episodes(datum, regio, brin, reden) AS e FROM %s GROUP BY 1'),
  ('per regio', 'onderbreekt', 'SELECT regio AS k, verzuim.episodes(datum, regio) AS e FROM %s WHERE reden IN (''ongeoorloofd'', ''luxe'') GROUP BY 1'),
  ('per regio, reden', 'pauzeert', 'SELECT regio AS k, verzuim.episodes(datum, regio, reden) AS e FROM %s GROUP BY 1'),
  ('per brin, reden', 'telt_mee', 'SELECT brin AS k, verzuim.episodes(datum, regio, brin, reden) AS e FROM %s GROUP BY 1'),
  ('per 7 pupils (regio''s mixed)', 'onderbreekt', 'SELECT leerling_id / 7 AS k, verzuim.episodes(datum, regio) AS e FROM %s WHERE reden IN (''ongeoorloofd'', ''luxe'') GROUP BY 1'),
  ('per pupil, episodes_brin', 'onderbreekt', 'SELECT leerling_id AS k, verzuim.episodes_brin(datum, brin) AS e FROM %s WHERE reden IN (''ongeoorloofd'', ''luxe'') OR datum IS NULL GROUP BY 1'),
  ('per 7 pupils, episodes_brin (schools mixed)', 'pauzeert', 'SELECT leerling_id / 7 AS k, verzuim.episodes_brin(datum, brin, reden) AS e FROM %s GROUP BY 1');

CREATE TEMP TABLE ep_res (naam text, beleid text, plan text, k text, e datemultirange);
CREATE FUNCTION pg_temp.run(plan text, tabel text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE x record;
BEGIN
  FOR x IN SELECT * FROM ep_q LOOP
    PERFORM set_config('verzuim.ziekte_in_episode', x.beleid, true);
    EXECUTE format('INSERT INTO ep_res SELECT %L, %L, %L, k::text, e FROM (' || x.q || ') s',
                   x.naam, x.beleid, plan, tabel);
  END LOOP;
  PERFORM set_config('verzuim.ziekte_in_episode', 'onderbreekt', true);
END $$;
CREATE FUNCTION pg_temp.all_partial(tabel text) RETURNS boolean LANGUAGE sql AS $$
  SELECT bool_and(pg_temp.partial_plan(format(q, tabel))) FROM ep_q
$$;

-- serial
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT pg_temp.all_partial('ep_par') AS serial_uses_partial_aggregate;
SELECT pg_temp.run('serial', 'ep_par');

-- forced parallel plans, 2 workers, leader not participating.  The functions
-- that only partial plans run cost 100 (50_episodes.sql), which keeps
-- per-pupil grouping serial; here they cost 1 again, so that every query below
-- gets a partial plan (test/parallel_kosten.sql checks the shipped cost)
ALTER FUNCTION verzuim.episodes_combine(internal, internal) COST 1;
ALTER FUNCTION verzuim.episodes_serialize(internal) COST 1;
ALTER FUNCTION verzuim.episodes_deserialize(bytea, internal) COST 1;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
SET LOCAL enable_partitionwise_aggregate = off;
SELECT pg_temp.all_partial('ep_par') AS parallel_uses_partial_aggregate;
SELECT pg_temp.run('parallel', 'ep_par');
-- parallel with sorted (GroupAggregate) partials as well as hashed ones
SET LOCAL enable_hashagg = off;
SELECT pg_temp.all_partial('ep_par') AS parallel_sorted_uses_partial_aggregate;
SELECT pg_temp.run('parallel sorted', 'ep_par');
RESET enable_hashagg;

-- partitionwise (partial per partition, combined above the Append), no workers
SET LOCAL max_parallel_workers_per_gather = 0;
SET LOCAL enable_partitionwise_aggregate = on;
SELECT bool_and(pg_temp.partial_plan(format(q, 'ep_part'))) AS partitionwise_partial_for_regio_and_brin_groups
FROM ep_q WHERE naam NOT LIKE 'per pupil%';
SELECT pg_temp.run('partitionwise', 'ep_part');
-- partitionwise and parallel together
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT pg_temp.run('partitionwise parallel', 'ep_part');

-- every plan gives the serial result, for every query and setting
SELECT r.plan, count(*) AS groups,
       count(*) FILTER (WHERE r.e IS DISTINCT FROM s.e) AS different,
       count(*) FILTER (WHERE s.k IS NULL) AS missing_in_serial
FROM ep_res r LEFT JOIN ep_res s ON s.plan = 'serial' AND s.naam = r.naam AND s.beleid = r.beleid AND s.k = r.k
WHERE r.plan <> 'serial'
GROUP BY r.plan ORDER BY r.plan;
SELECT naam, beleid, count(*) AS groups, sum(cardinality(array(SELECT unnest(e)))) AS episodes
FROM ep_res WHERE plan = 'serial' GROUP BY naam, beleid ORDER BY naam, beleid;
-- episodes_brin (regio and studiedagen from each row's school) equals episodes(datum, regio, brin), in every plan
SELECT count(*) AS compared, count(*) FILTER (WHERE a.e IS DISTINCT FROM b.e) AS episodes_brin_differs
FROM ep_res a JOIN ep_res b ON b.plan = a.plan AND b.k = a.k AND b.naam = 'per pupil, brin'
WHERE a.naam = 'per pupil, episodes_brin';
-- the empty state (only te_laat) and the NULL-only group survive every plan
SELECT plan, e FROM ep_res WHERE naam = 'per pupil, reden' AND beleid = 'onderbreekt' AND k = '3001' ORDER BY plan;
SELECT plan, e IS NULL AS e_is_null FROM ep_res WHERE naam = 'per pupil' AND k = '3002' ORDER BY plan;

-- ungrouped: partial states from workers that saw no rows (NULL states)
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT pg_temp.partial_plan('SELECT verzuim.episodes(datum, regio) FROM ep_par WHERE leerling_id = 5') AS ungrouped_partial;
SELECT verzuim.episodes(datum, regio) = (SELECT e FROM ep_res WHERE plan = 'serial' AND naam = 'per pupil' AND k = '5')
       AS one_pupil_ungrouped_ok
FROM ep_par WHERE leerling_id = 5 AND reden IN ('ongeoorloofd', 'luxe');
SELECT verzuim.episodes(datum, regio) IS NULL AS no_rows_null FROM ep_par WHERE leerling_id < 0;
SELECT verzuim.episodes(datum, regio, reden) AS only_te_laat FROM ep_par WHERE leerling_id = 3001;
ROLLBACK;
RESET datestyle;
RESET verzuim.vakantieregio;
