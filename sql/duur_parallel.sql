-- duur_parallel: serial, forced-parallel and partitionwise plans of duur_agg,
-- doorloopsnelheid and samenvoegen give identical results, including empty
-- groups, empty partial states (a partition without rows, workers without
-- rows) and durations beyond the directly indexed range (> 4096 days).
-- Plans are checked with a regex on EXPLAIN (never stored).
SET search_path = verzuim, public;
SET extra_float_digits = 0;

-- regular tables (parallel workers cannot read temp tables); dropped at the end
SELECT setseed(0.77);
CREATE TABLE duur_par (g int, h int, episode daterange, regio text);
INSERT INTO duur_par
SELECT i % 5, i % 8,
       CASE WHEN i % 50 = 0                -- long ones: started 1996..2004, open or closed
            THEN CASE WHEN random() < 0.5 THEN daterange(l, NULL)
                      ELSE daterange(l, l + 4000 + floor(random() * 3000)::int) END
            WHEN random() < 0.2 THEN daterange(s, NULL)
            WHEN random() < 0.01 THEN NULL
            ELSE daterange(s, s + 1 + floor(random() * random() * 150)::int) END,
       (ARRAY['noord', 'midden', 'zuid'])[1 + i % 3]
FROM (SELECT i, DATE '2023-08-01' + floor(random() * 360)::int AS s,
             DATE '1996-01-01' + floor(random() * 3000)::int AS l
      FROM generate_series(1, 30000) i) x;
-- group 4 has only NULL episodes (an empty summary), group 5 does not exist
UPDATE duur_par SET episode = NULL WHERE g = 4;
CREATE TABLE duur_part (g int, h int, episode daterange, regio text) PARTITION BY LIST (h);
CREATE TABLE duur_part_a PARTITION OF duur_part FOR VALUES IN (0, 1, 2);
CREATE TABLE duur_part_b PARTITION OF duur_part FOR VALUES IN (3, 4, 5);
CREATE TABLE duur_part_c PARTITION OF duur_part FOR VALUES IN (6, 7);
CREATE TABLE duur_part_leeg PARTITION OF duur_part FOR VALUES IN (8);  -- stays empty
INSERT INTO duur_part SELECT * FROM duur_par;
-- stored summaries per (g, h), for samenvoegen
CREATE TABLE duur_sam AS
SELECT g, h, duur_agg(episode, '2024-06-30') AS s FROM duur_par GROUP BY g, h;
ANALYZE duur_par, duur_part, duur_sam;

-- the serial result is right: its table equals a plain-SQL count, also for
-- the long durations (about 600 episodes of 4000 days and more)
SELECT count(*) AS verschillen,
       (SELECT count(*) FROM duur_par WHERE upper(episode) - lower(episode) > 4096
           OR (upper_inf(episode) AND DATE '2024-07-01' - lower(episode) > 4096)) AS lang
FROM (SELECT g, (verdeling(duur_agg(episode, '2024-06-30'))).* FROM duur_par GROUP BY g) v
FULL JOIN (SELECT g, CASE WHEN upper(episode) <= '2024-06-30' THEN upper(episode) - lower(episode)
                          ELSE DATE '2024-07-01' - lower(episode) END AS duur,
                  count(*) FILTER (WHERE upper(episode) <= '2024-06-30') AS gesloten,
                  count(*) FILTER (WHERE NOT coalesce(upper(episode) <= '2024-06-30', false)) AS lopend
           FROM duur_par WHERE lower(episode) <= '2024-06-30' GROUP BY 1, 2) o USING (g, duur)
WHERE v.gesloten IS DISTINCT FROM o.gesloten OR v.lopend IS DISTINCT FROM o.lopend;

-- Run a query under a plan mode; returns whether the plan has a partial
-- aggregate (and a Gather for parallel modes) and an md5 of the sorted rows.
CREATE FUNCTION pg_temp.draai(q text, modus text, OUT partial boolean, OUT gather boolean,
                              OUT leeg boolean, OUT md5 text)
LANGUAGE plpgsql AS $$
DECLARE
  regel text;
  parallel boolean := modus IN ('parallel', 'parallel_sort', 'parallel_partitionwise');
BEGIN
  PERFORM set_config('max_parallel_workers_per_gather', CASE WHEN parallel THEN '2' ELSE '0' END, true);
  PERFORM set_config('parallel_setup_cost', '0', true);
  PERFORM set_config('parallel_tuple_cost', '0', true);
  PERFORM set_config('min_parallel_table_scan_size', '0', true);
  PERFORM set_config('parallel_leader_participation', 'off', true);
  PERFORM set_config('enable_partitionwise_aggregate',
                     CASE WHEN modus LIKE '%partitionwise' THEN 'on' ELSE 'off' END, true);
  PERFORM set_config('enable_hashagg', CASE WHEN modus = 'parallel_sort' THEN 'off' ELSE 'on' END, true);
  partial := false;
  gather := false;
  leeg := false;
  FOR regel IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
    partial := partial OR regel ~ 'Partial (Hash|Group)?Aggregate';
    gather := gather OR regel ~ 'Gather';
    leeg := leeg OR regel ~ 'duur_part_leeg';
  END LOOP;
  EXECUTE 'SELECT md5(coalesce(string_agg(x::text, E''\n'' ORDER BY x::text), ''<geen rijen>'')) FROM ('
          || q || ') x' INTO md5;
END $$;

-- the harness really runs the forced-parallel queries in parallel workers
-- (the leader does not participate): no row is aggregated by the leader
CREATE FUNCTION public.duur_par_pid() RETURNS int LANGUAGE plpgsql PARALLEL SAFE
  AS $$BEGIN RETURN pg_backend_pid(); END$$;
CREATE FUNCTION pg_temp.in_werkers() RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE ok boolean;
BEGIN
  PERFORM pg_temp.draai('SELECT 1', 'parallel');  -- the settings of the parallel mode
  EXECUTE $q$SELECT bool_and(lo <> pg_backend_pid() AND hi <> pg_backend_pid())
             FROM (SELECT g, verzuim.duur_agg(episode, '2024-06-30'),
                          min(public.duur_par_pid()) AS lo, max(public.duur_par_pid()) AS hi
                   FROM duur_par GROUP BY g) x$q$ INTO ok;
  RETURN ok;
END $$;
SELECT pg_temp.in_werkers() AS in_werkers;

CREATE TABLE duur_queries (nr int, q text);
INSERT INTO duur_queries VALUES
  (1, $$SELECT g, duur_agg(episode, '2024-06-30') AS s, doorloopsnelheid(episode, '2024-06-30') AS d FROM TAB GROUP BY g$$),
  (2, $$SELECT duur_agg(episode, '2024-06-30') AS s FROM TAB$$),
  (3, $$SELECT duur_agg(episode, '2024-06-30') AS s FROM TAB WHERE g + 0 = 5$$),      -- no rows: NULL
  (4, $$SELECT duur_agg(episode, '2024-06-30') AS s FROM TAB WHERE h = 3$$),          -- one partition only
  (5, $$SELECT g, duur_agg(episode, '2024-06-30', regio) AS s FROM TAB
        WHERE lower(episode) >= '2023-08-01' OR episode IS NULL GROUP BY g$$),       -- lesdagen
  (6, $$SELECT h, duur_agg(episode, '2024-06-30') AS s FROM TAB GROUP BY h$$);        -- partition key

-- every query, on the plain and on the partitioned table, in every mode:
-- the same rows as serial on the plain table, and the expected plan shape
-- (partial: the plan has a Partial Aggregate; gather: it runs in workers;
-- leeg: the empty partition is scanned, so its partial state is empty)
SELECT d.nr, t.tab, m.modus, r.partial, r.gather, r.leeg,
       r.md5 = (SELECT (pg_temp.draai(replace(d.q, 'TAB', 'duur_par'), 'serieel')).md5) AS gelijk
FROM duur_queries d
CROSS JOIN (VALUES ('duur_par'), ('duur_part')) t(tab)
CROSS JOIN (VALUES (1, 'serieel'), (2, 'parallel'), (3, 'parallel_sort'), (4, 'partitionwise'),
                   (5, 'parallel_partitionwise')) m(mnr, modus)
CROSS JOIN LATERAL pg_temp.draai(replace(d.q, 'TAB', t.tab), m.modus) r
WHERE t.tab = 'duur_part' OR m.modus NOT LIKE '%partitionwise'
ORDER BY d.nr, t.tab, m.mnr;

-- what the serial answers are (the md5s above compare against these)
SELECT g, aantal(s), aantal_lopend(s), gemiddelde(s), mediaan(s), d
FROM (SELECT g, duur_agg(episode, '2024-06-30') AS s, doorloopsnelheid(episode, '2024-06-30') AS d
      FROM duur_par GROUP BY g) x ORDER BY g;
SELECT duur_agg(episode, '2024-06-30') IS NULL AS geen_rijen FROM duur_par WHERE g = 5;

-- samenvoegen (stype duurverdeling, combine = transition function)
INSERT INTO duur_queries VALUES
  (7, $$SELECT h, samenvoegen(s) AS s FROM duur_sam GROUP BY h$$),
  (8, $$SELECT samenvoegen(s) AS s FROM duur_sam$$),
  (9, $$SELECT samenvoegen(s) AS s FROM duur_sam WHERE g + 0 = 5$$);
SELECT d.nr, m.modus, r.partial, r.gather,
       r.md5 = (SELECT (pg_temp.draai(d.q, 'serieel')).md5) AS gelijk
FROM duur_queries d
CROSS JOIN (VALUES (1, 'serieel'), (2, 'parallel'), (3, 'parallel_sort')) m(mnr, modus)
CROSS JOIN LATERAL pg_temp.draai(d.q, m.modus) r
WHERE d.nr >= 7
ORDER BY d.nr, m.mnr;
-- and the rollup equals duur_agg over everything, per h and in total
SELECT count(*) AS h_groepen,
       count(*) FILTER (WHERE a.s OPERATOR(verzuim.=) b.s) AS gelijk
FROM (SELECT h, samenvoegen(s) AS s FROM duur_sam GROUP BY h) a
JOIN (SELECT h, duur_agg(episode, '2024-06-30') AS s FROM duur_par GROUP BY h) b USING (h);
SELECT (SELECT samenvoegen(s) FROM duur_sam) OPERATOR(verzuim.=)
       (SELECT duur_agg(episode, '2024-06-30') FROM duur_par) AS totaal_gelijk;

DROP TABLE duur_par, duur_part, duur_sam, duur_queries;
DROP FUNCTION public.duur_par_pid();
