-- Plan equivalence of EVERY aggregate of verzuim on generated data
-- (test/suites/60_fuzz.sh runs it after bench/generate.sh filled the tables).
--
-- Every aggregate of the extension (read from pg_aggregate, so a new one
-- fails the test until it has a case here) runs under
--   serial                   no workers
--   parallel                 2 workers, parallel_leader_participation = off,
--                            cost settings that force Partial/Finalize
--                            (TOOLING.md §2): the serialized states of the
--                            workers are combined in the leader
--   parallel sorted          the same with sorted (GroupAggregate) partials
--   partitionwise            a partitioned copy of the data with an EMPTY
--                            partition; groups across partitions (partial
--                            aggregation per partition, combined above the
--                            Append) and groups within one partition (full)
--   partitionwise parallel   both
-- and must give the serial result exactly (md5 of the ordered results).
-- Output: one row per check, "ok|<description>" or "not ok|<description>|<why>".
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';
DROP SCHEMA IF EXISTS fz CASCADE;
CREATE SCHEMA fz;
SET search_path = fz, pg_catalog;

-- absences with the regio of their school; the schooljaar of the generator
CREATE TABLE fz_afw AS
SELECT a.leerling_id, a.brin, s.vakantieregio::text AS regio, s.gemeentecode AS gemeente, a.datum, a.reden, a.uren
  FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin);
-- a few rows with NULL dates, and a pupil with only te_laat rows (an empty state)
INSERT INTO fz_afw SELECT leerling_id, brin, regio, gemeente, NULL, reden, uren FROM fz_afw WHERE leerling_id % 97 = 0;
INSERT INTO fz_afw SELECT -1, brin, regio, gemeente, datum, 'te_laat', 0.5 FROM fz_afw WHERE datum IS NOT NULL LIMIT 5;
ANALYZE fz_afw;

-- episodes (per pupil, serial), some of them made open-ended
SET max_parallel_workers_per_gather = 0;
CREATE TABLE fz_ep AS
SELECT x.leerling_id, x.regio, x.gemeente,
       CASE WHEN (x.leerling_id + (lower(e.ep) - date '2000-01-01')) % 5 = 0
            THEN daterange(lower(e.ep), NULL) ELSE e.ep END AS episode
  FROM (SELECT leerling_id, min(regio) AS regio, min(gemeente) AS gemeente, verzuim.episodes(datum, regio) AS eps
          FROM fz_afw WHERE reden IN ('ongeoorloofd', 'luxe') GROUP BY leerling_id) x
 CROSS JOIN LATERAL unnest(x.eps) AS e(ep);
INSERT INTO fz_ep SELECT leerling_id, regio, gemeente, NULL FROM fz_ep WHERE leerling_id % 89 = 0;
ANALYZE fz_ep;
-- summaries per gemeente and regio, to roll up with samenvoegen
CREATE TABLE fz_sv AS
SELECT gemeente, regio, leerling_id % 4 AS deel, leerling_id % 300 AS stuk, verzuim.duur_agg(episode, date '2025-03-01') AS s
  FROM fz_ep GROUP BY 1, 2, 3, 4;
INSERT INTO fz_sv SELECT gemeente, regio, 9, 0, NULL FROM fz_sv LIMIT 3;   -- NULL summaries are skipped
ANALYZE fz_sv;

-- dense unauthorised hours of 300 pupils (many rows per pupil, so that the
-- planner aggregates per pupil in the workers), deterministic
SELECT setseed(0.42);
CREATE TABLE fz_uren AS
SELECT 900000 + p AS leerling_id, b.brin, b.regio, b.gemeente, d::date AS datum,
       (1 + floor(random() * 3) + 0 * p)::numeric / 2 AS uren
  FROM generate_series(1, 300) p
 JOIN (SELECT row_number() OVER (ORDER BY s.brin) % 5 AS nr, s.brin, s.vakantieregio::text AS regio, s.gemeentecode AS gemeente
         FROM verzuim.school s WHERE s.brin IN (SELECT brin FROM fz_afw) ORDER BY s.brin LIMIT 5) b ON b.nr = p % 5
 CROSS JOIN generate_series(date '2024-09-02', date '2025-06-27', '1 day') d
 WHERE extract(isodow FROM d) < 6 AND random() < 0.25;
ANALYZE fz_uren;

-- partitioned copies: range partitions by pupil plus one that stays empty
CREATE TABLE fz_afw_p (LIKE fz_afw) PARTITION BY RANGE (leerling_id);
CREATE TABLE fz_ep_p (LIKE fz_ep) PARTITION BY RANGE (leerling_id);
CREATE TABLE fz_sv_p (LIKE fz_sv) PARTITION BY LIST (deel);
DO $$
DECLARE
  g int[] := (SELECT ARRAY[min(leerling_id), percentile_disc(0.33) WITHIN GROUP (ORDER BY leerling_id),
                           percentile_disc(0.66) WITHIN GROUP (ORDER BY leerling_id), max(leerling_id) + 1] FROM fz_afw);
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['fz_afw_p', 'fz_ep_p'] LOOP
    EXECUTE format('CREATE TABLE %s_0 PARTITION OF %s FOR VALUES FROM (MINVALUE) TO (%s)', t, t, g[2]);
    EXECUTE format('CREATE TABLE %s_1 PARTITION OF %s FOR VALUES FROM (%s) TO (%s)', t, t, g[2], g[3]);
    EXECUTE format('CREATE TABLE %s_2 PARTITION OF %s FOR VALUES FROM (%s) TO (%s)', t, t, g[3], g[4]);
    EXECUTE format('CREATE TABLE %s_leeg PARTITION OF %s FOR VALUES FROM (%s) TO (MAXVALUE)', t, t, g[4]);
  END LOOP;
END $$;
CREATE TABLE fz_uren_p (LIKE fz_uren) PARTITION BY RANGE (leerling_id);
CREATE TABLE fz_uren_p_0 PARTITION OF fz_uren_p FOR VALUES FROM (MINVALUE) TO (900150);
CREATE TABLE fz_uren_p_1 PARTITION OF fz_uren_p FOR VALUES FROM (900150) TO (900301);
CREATE TABLE fz_uren_p_leeg PARTITION OF fz_uren_p FOR VALUES FROM (900301) TO (MAXVALUE);
INSERT INTO fz_uren_p SELECT * FROM fz_uren;
ANALYZE fz_uren_p;
CREATE TABLE fz_sv_p_0 PARTITION OF fz_sv_p FOR VALUES IN (0, 1);
CREATE TABLE fz_sv_p_1 PARTITION OF fz_sv_p FOR VALUES IN (2, 3, 9);
CREATE TABLE fz_sv_p_leeg PARTITION OF fz_sv_p FOR VALUES IN (7);
INSERT INTO fz_afw_p SELECT * FROM fz_afw;
INSERT INTO fz_ep_p SELECT * FROM fz_ep;
INSERT INTO fz_sv_p SELECT * FROM fz_sv;
ANALYZE fz_afw_p; ANALYZE fz_ep_p; ANALYZE fz_sv_p;

-- the cases: aggregate signature, grouping, query (%1$s = the table suffix: '' or '_p')
CREATE TEMP TABLE fz_geval (agg regprocedure, naam text, q text);
INSERT INTO fz_geval VALUES
 ('verzuim.episodes(date,text)', 'per pupil', $q$SELECT leerling_id::text AS k, verzuim.episodes(datum, regio)::text AS r FROM fz_afw%1$s WHERE reden IN ('ongeoorloofd', 'luxe') OR datum IS NULL GROUP BY 1$q$),
 ('verzuim.episodes(date,text)', 'per gemeente', $q$SELECT gemeente AS k, verzuim.episodes(datum, regio)::text AS r FROM fz_afw%1$s WHERE reden IN ('ongeoorloofd', 'luxe') GROUP BY 1$q$),
 ('verzuim.episodes(date,text,text)', 'per pupil and brin', $q$SELECT leerling_id || ' ' || brin AS k, verzuim.episodes(datum, regio, brin)::text AS r FROM fz_afw%1$s WHERE reden IN ('ongeoorloofd', 'luxe') GROUP BY leerling_id, brin$q$),
 ('verzuim.episodes(date,text,text)', 'per brin', $q$SELECT brin AS k, verzuim.episodes(datum, regio, brin)::text AS r FROM fz_afw%1$s WHERE reden IN ('ongeoorloofd', 'luxe') GROUP BY 1$q$),
 ('verzuim.episodes(date,text,verzuim.reden)', 'per pupil, reden', $q$SELECT leerling_id::text AS k, verzuim.episodes(datum, regio, reden)::text AS r FROM fz_afw%1$s GROUP BY 1$q$),
 ('verzuim.episodes(date,text,verzuim.reden)', 'per gemeente, reden', $q$SELECT gemeente AS k, verzuim.episodes(datum, regio, reden)::text AS r FROM fz_afw%1$s GROUP BY 1$q$),
 ('verzuim.episodes(date,text,text,verzuim.reden)', 'per pupil and brin, reden', $q$SELECT leerling_id || ' ' || brin AS k, verzuim.episodes(datum, regio, brin, reden)::text AS r FROM fz_afw%1$s GROUP BY leerling_id, brin$q$),
 ('verzuim.episodes(date,text,text,verzuim.reden)', 'ungrouped, one school', $q$SELECT '' AS k, verzuim.episodes(datum, regio, brin, reden)::text AS r FROM fz_afw%1$s WHERE brin = (SELECT min(brin) FROM verzuim.school)$q$),
 ('verzuim.episodes_brin(date,text)', 'per pupil, every reason absent', $q$SELECT leerling_id::text AS k, verzuim.episodes_brin(datum, brin)::text AS r FROM fz_afw%1$s GROUP BY 1$q$),
 ('verzuim.episodes_brin(date,text,verzuim.reden)', 'per pupil, reden', $q$SELECT leerling_id::text AS k, verzuim.episodes_brin(datum, brin, reden)::text AS r FROM fz_afw%1$s GROUP BY 1$q$),
 ('verzuim.episodes(date,text,jsonb)', 'per pupil, every reason absent, instellingen', $q$SELECT leerling_id::text AS k, verzuim.episodes(datum, regio, '{}'::jsonb)::text AS r FROM fz_afw%1$s GROUP BY 1$q$),
 ('verzuim.episodes(date,text,text,jsonb)', 'per pupil and brin, every reason absent, instellingen', $q$SELECT leerling_id || ' ' || brin AS k, verzuim.episodes(datum, regio, brin, '{"goede_vrijdag_vrij": true}'::jsonb)::text AS r FROM fz_afw%1$s GROUP BY leerling_id, brin$q$),
 ('verzuim.episodes(date,text,verzuim.reden,jsonb)', 'per pupil, reden, pauzeert', $q$SELECT leerling_id::text AS k, verzuim.episodes(datum, regio, reden, '{"ziekte_in_episode": "pauzeert"}'::jsonb)::text AS r FROM fz_afw%1$s GROUP BY 1$q$),
 ('verzuim.episodes(date,text,text,verzuim.reden,jsonb)', 'per pupil and brin, reden, instellingen', $q$SELECT leerling_id || ' ' || brin AS k, verzuim.episodes(datum, regio, brin, reden, '{}'::jsonb)::text AS r FROM fz_afw%1$s GROUP BY leerling_id, brin$q$),
 ('verzuim.episodes_brin(date,text,jsonb)', 'per pupil, every reason absent, instellingen', $q$SELECT leerling_id::text AS k, verzuim.episodes_brin(datum, brin, '{"goede_vrijdag_vrij": true}'::jsonb)::text AS r FROM fz_afw%1$s GROUP BY 1$q$),
 ('verzuim.episodes_brin(date,text,verzuim.reden,jsonb)', 'per pupil, reden, pauzeert', $q$SELECT leerling_id::text AS k, verzuim.episodes_brin(datum, brin, reden, '{"ziekte_in_episode": "pauzeert"}'::jsonb)::text AS r FROM fz_afw%1$s GROUP BY 1$q$),
 ('verzuim.duur_agg(daterange,date,text,jsonb)', 'per gemeente, lesdagen, instellingen', $q$SELECT gemeente AS k, verzuim.duur_agg(episode, date '2025-03-01', regio, '{}'::jsonb)::text AS r FROM fz_ep%1$s GROUP BY 1$q$),
 ('verzuim.doorloopsnelheid(daterange,date,text,jsonb)', 'per regio, lesdagen, instellingen', $q$SELECT regio AS k, verzuim.doorloopsnelheid(episode, date '2025-03-01', regio, '{}'::jsonb)::text AS r FROM fz_ep%1$s GROUP BY 1$q$),
 ('verzuim.duur_agg(daterange,date)', 'per gemeente', $q$SELECT gemeente AS k, verzuim.duur_agg(episode, date '2025-03-01')::text AS r FROM fz_ep%1$s GROUP BY 1$q$),
 ('verzuim.duur_agg(daterange,date)', 'per pupil', $q$SELECT leerling_id::text AS k, verzuim.duur_agg(episode, date '2025-03-01')::text AS r FROM fz_ep%1$s GROUP BY 1$q$),
 ('verzuim.duur_agg(daterange,date)', 'ungrouped', $q$SELECT '' AS k, verzuim.duur_agg(episode, date '2025-03-01')::text AS r FROM fz_ep%1$s$q$),
 ('verzuim.duur_agg(daterange,date,text)', 'per gemeente, lesdagen', $q$SELECT gemeente AS k, verzuim.duur_agg(episode, date '2025-03-01', regio)::text AS r FROM fz_ep%1$s GROUP BY 1$q$),
 ('verzuim.duur_agg(daterange,date,text)', 'ungrouped, lesdagen', $q$SELECT '' AS k, verzuim.duur_agg(episode, date '2025-03-01', regio)::text AS r FROM fz_ep%1$s$q$),
 ('verzuim.doorloopsnelheid(daterange,date)', 'per gemeente', $q$SELECT gemeente AS k, verzuim.doorloopsnelheid(episode, date '2025-03-01')::text AS r FROM fz_ep%1$s GROUP BY 1$q$),
 ('verzuim.doorloopsnelheid(daterange,date)', 'ungrouped', $q$SELECT '' AS k, verzuim.doorloopsnelheid(episode, date '2025-03-01')::text AS r FROM fz_ep%1$s$q$),
 ('verzuim.doorloopsnelheid(daterange,date,text)', 'per regio, lesdagen', $q$SELECT regio AS k, verzuim.doorloopsnelheid(episode, date '2025-03-01', regio)::text AS r FROM fz_ep%1$s GROUP BY 1$q$),
 ('verzuim.samenvoegen(verzuim.duurverdeling)', 'per regio', $q$SELECT regio AS k, verzuim.samenvoegen(s)::text AS r FROM fz_sv%1$s GROUP BY 1$q$),
 ('verzuim.samenvoegen(verzuim.duurverdeling)', 'per gemeente', $q$SELECT gemeente AS k, verzuim.samenvoegen(s)::text AS r FROM fz_sv%1$s GROUP BY 1$q$),
 ('verzuim.samenvoegen(verzuim.duurverdeling)', 'ungrouped', $q$SELECT '' AS k, verzuim.samenvoegen(s)::text AS r FROM fz_sv%1$s$q$),
 ('verzuim.meldplicht(date,numeric,text)', 'per pupil', $q$SELECT leerling_id::text AS k, verzuim.meldplicht(datum, uren, regio)::text AS r FROM fz_afw%1$s WHERE reden IN ('ongeoorloofd', 'luxe', 'te_laat') AND datum IS NOT NULL GROUP BY 1$q$),
 ('verzuim.meldplicht(date,numeric,text)', 'per pupil, dense hours', $q$SELECT leerling_id::text AS k, verzuim.meldplicht(datum, uren, regio)::text AS r FROM fz_uren%1$s GROUP BY 1$q$),
 ('verzuim.meldplicht(date,numeric,text,text)', 'per pupil, brin', $q$SELECT leerling_id::text AS k, verzuim.meldplicht(datum, uren, regio, brin)::text AS r FROM fz_afw%1$s WHERE reden IN ('ongeoorloofd', 'luxe', 'te_laat') AND datum IS NOT NULL GROUP BY 1$q$),
 ('verzuim.meldplicht(date,numeric,text,text)', 'per pupil, brin, dense hours', $q$SELECT leerling_id::text AS k, verzuim.meldplicht(datum, uren, regio, brin)::text AS r FROM fz_uren%1$s GROUP BY 1$q$),
 ('verzuim.meldplicht(date,numeric,text,text,numeric,text,integer)', 'per pupil, 8 hours in 2 lesweken, meer_dan', $q$SELECT leerling_id::text AS k, verzuim.meldplicht(datum, uren, regio, brin, 8, 'meer_dan', 2)::text AS r FROM fz_afw%1$s WHERE reden IN ('ongeoorloofd', 'luxe', 'te_laat') AND datum IS NOT NULL GROUP BY 1$q$),
 ('verzuim.meldplicht(date,numeric,text,text,numeric,text,integer)', 'per pupil, 8 hours in 2 lesweken, meer_dan, dense hours', $q$SELECT leerling_id::text AS k, verzuim.meldplicht(datum, uren, regio, brin, 8, 'meer_dan', 2)::text AS r FROM fz_uren%1$s GROUP BY 1$q$),
 ('verzuim.mazl_signaal(date,verzuim.reden,text)', 'per pupil', $q$SELECT leerling_id::text AS k, verzuim.mazl_signaal(datum, reden, regio)::text AS r FROM fz_afw%1$s WHERE datum IS NOT NULL GROUP BY 1$q$),
 ('verzuim.mazl_signaal(date,verzuim.reden,text)', 'per gemeente (large states)', $q$SELECT gemeente AS k, verzuim.mazl_signaal(datum, reden, regio)::text AS r FROM fz_afw%1$s WHERE datum IS NOT NULL GROUP BY 1$q$),
 ('verzuim.mazl_signaal(date,verzuim.reden,text,text,text)', 'per gemeente, brin, schoolweken', $q$SELECT gemeente AS k, verzuim.mazl_signaal(datum, reden, regio, brin, 'schoolweken')::text AS r FROM fz_afw%1$s WHERE datum IS NOT NULL GROUP BY 1$q$),
 ('verzuim.mazl_signaal(date,verzuim.reden,text,text,text)', 'per pupil, brin, schoolweken', $q$SELECT leerling_id::text AS k, verzuim.mazl_signaal(datum, reden, regio, brin, 'schoolweken')::text AS r FROM fz_afw%1$s WHERE datum IS NOT NULL GROUP BY 1$q$);

CREATE TEMP TABLE fz_uitkomst (status text, tekst text);
CREATE TEMP TABLE fz_partieel (agg regprocedure, modus text, partieel boolean);

-- every aggregate of the extension has a case
INSERT INTO fz_uitkomst
SELECT CASE WHEN count(*) = 0 THEN 'ok' ELSE 'not ok' END,
       'every aggregate of verzuim has a plan-equivalence case'
       || CASE WHEN count(*) = 0 THEN format(' (%s aggregates)', (SELECT count(DISTINCT agg) FROM fz_geval))
               ELSE '|missing: ' || string_agg(p.oid::regprocedure::text, ', ') END
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE p.pronamespace = 'verzuim'::regnamespace AND p.oid NOT IN (SELECT agg FROM fz_geval);

CREATE FUNCTION pg_temp.plan_tekst(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text; t text := '';
BEGIN
  FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP t := t || r || E'\n'; END LOOP;
  RETURN t;
END $$;

CREATE FUNCTION pg_temp.md5_van(q text, OUT md5 text, OUT n bigint) LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($f$SELECT md5(coalesce(string_agg(k || '=' || coalesce(r, 'NULL'), E'\n' ORDER BY k), '')), count(*) FROM (%s) x$f$, q)
    INTO md5, n;
END $$;

-- The functions that only partial aggregation runs (combine, serialize,
-- deserialize) may cost more than 1, so that the planner keeps per-pupil
-- grouping serial (50_episodes.sql: COST 100).  The forced parallel modes below
-- want partial aggregation for every aggregate: those functions cost 1 while
-- this file runs, and get their cost back at its end.
CREATE TEMP TABLE fz_kosten AS
SELECT DISTINCT f.oid::regprocedure AS functie, f.procost
  FROM pg_aggregate a
  JOIN pg_proc ag ON ag.oid = a.aggfnoid
  CROSS JOIN LATERAL unnest(ARRAY[a.aggcombinefn, a.aggserialfn, a.aggdeserialfn]::oid[]) AS u(oid)
  JOIN pg_proc f ON f.oid = u.oid
 WHERE ag.pronamespace = 'verzuim'::regnamespace AND f.procost <> 1;
DO $$
DECLARE k record;
BEGIN
  FOR k IN SELECT * FROM fz_kosten LOOP
    EXECUTE format('ALTER FUNCTION %s COST 1', k.functie);
  END LOOP;
END $$;

CREATE FUNCTION pg_temp.draai() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  g record; m record; s record; x record;
  v_plan text; v_q text; v_ok boolean; v_waarom text;
BEGIN
  FOR g IN SELECT * FROM fz_geval ORDER BY agg::text, naam LOOP
    PERFORM set_config('max_parallel_workers_per_gather', '0', false);
    PERFORM set_config('enable_partitionwise_aggregate', 'off', false);
    s := pg_temp.md5_van(format(g.q, ''));
    FOR m IN SELECT * FROM (VALUES
        (1, 'parallel', '', 2, 'off', 'on', 'Partial'),
        (2, 'parallel sorted', '', 2, 'off', 'off', 'Partial'),
        (3, 'partitionwise (one partition empty)', '_p', 0, 'on', 'on', ''),
        (4, 'partitionwise parallel', '_p', 2, 'on', 'on', '')) AS m(nr, naam, suffix, workers, pw, hashagg, moet)
    LOOP
      PERFORM set_config('parallel_setup_cost', '0', false);
      -- a small positive tuple cost: with 0, gathering the raw rows costs nothing
      -- and the planner skips partial aggregation for groups of few rows
      PERFORM set_config('parallel_tuple_cost', '0.01', false);
      PERFORM set_config('min_parallel_table_scan_size', '0', false);
      PERFORM set_config('parallel_leader_participation', 'off', false);
      PERFORM set_config('max_parallel_workers_per_gather', m.workers::text, false);
      PERFORM set_config('enable_partitionwise_aggregate', m.pw, false);
      PERFORM set_config('enable_hashagg', m.hashagg, false);
      v_q := format(g.q, m.suffix);
      v_plan := pg_temp.plan_tekst(v_q);
      x := pg_temp.md5_van(v_q);
      v_ok := x.md5 = s.md5 AND (m.suffix = '' OR v_plan ~ '_p_0');
      v_waarom := CASE WHEN x.md5 <> s.md5 THEN 'results differ from the serial plan'
                       WHEN NOT v_ok THEN 'the plan does not scan the partitions: ' || replace(v_plan, E'\n', ' / ') END;
      INSERT INTO fz_partieel VALUES (g.agg, m.naam, v_plan ~ 'Partial (Hash|Group)?Aggregate' AND v_plan ~ 'Gather');
      INSERT INTO fz_uitkomst VALUES (CASE WHEN v_ok THEN 'ok' ELSE 'not ok' END,
        format('%s %s: %s equals serial (%s groups)%s', g.agg, g.naam, m.naam, s.n,
               CASE WHEN v_plan ~ 'Partial' THEN ', partial aggregation' ELSE '' END)
        || coalesce('|' || v_waarom, ''));
    END LOOP;
    PERFORM set_config('enable_hashagg', 'on', false);
  END LOOP;
END $$;
SELECT pg_temp.draai();

-- every aggregate ran with partial aggregation in workers (serialized states
-- combined in the leader) in some case, in both parallel modes
INSERT INTO fz_uitkomst
SELECT CASE WHEN bool_or(p.partieel) THEN 'ok' ELSE 'not ok' END,
       format('%s: partial aggregation in 2 workers (leader not participating) in %s of %s cases, %s',
              p.agg, count(*) FILTER (WHERE p.partieel), count(*), p.modus)
  FROM fz_partieel p WHERE p.modus LIKE 'parallel%'
 GROUP BY p.agg, p.modus ORDER BY p.agg::text, p.modus;

-- the data is not trivial
INSERT INTO fz_uitkomst
SELECT CASE WHEN (SELECT count(DISTINCT leerling_id) FROM fz_afw) > 500 AND (SELECT count(*) FROM fz_ep) > 500
             AND (SELECT count(*) FROM fz_ep WHERE upper_inf(episode)) > 20 AND (SELECT count(*) FROM fz_uren) > 10000 THEN 'ok' ELSE 'not ok' END,
       format('generated data: %s pupils with absences, %s episodes (%s open)',
              (SELECT count(DISTINCT leerling_id) FROM fz_afw), (SELECT count(*) FROM fz_ep),
              (SELECT count(*) FROM fz_ep WHERE upper_inf(episode)));

DO $$
DECLARE k record;
BEGIN
  FOR k IN SELECT * FROM fz_kosten LOOP
    EXECUTE format('ALTER FUNCTION %s COST %s', k.functie, k.procost);
  END LOOP;
END $$;

\pset format unaligned
\pset tuples_only on
SELECT status || '|' || tekst FROM fz_uitkomst;
