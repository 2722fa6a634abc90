-- bench/meten.sql — times every query of bench/ext/ and bench/plain/ and checks
-- that the formulations give the same answers; run by bench/all.sh (see
-- bench/README.md), after bench/plain/setup.sql, from the repository root.
--
--   psql -X -v ON_ERROR_STOP=1 -d bench -v herhaal=3 -f bench/meten.sql
--
-- Writes into bench_plain.meting (figuur, rol, naam, ms, runs) and
-- bench_plain.controle (what, ok, detail); bench/rapport.sql prints them.
-- Every time is the MEDIAN "Execution Time" of EXPLAIN (ANALYZE, TIMING OFF)
-- over :herhaal runs after one warm-up run (EXPLAIN ANALYZE computes every
-- output row, final functions included, and sends none to the client).  The
-- slow plain formulations (multiranges, the recursive walk) run once, after
-- the run that materializes their answer for the check.  Serial
-- (max_parallel_workers_per_gather = 0) unless the row says 2 workers; jit off.
\set QUIET on
\pset footer off
\if :{?herhaal}
\else
\set herhaal 3
\endif
SET client_min_messages = warning;
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET verzuim.vakantieregio = '';
-- nothing of the statements below is printed (the results go into tables)
\o /dev/null

CREATE TABLE IF NOT EXISTS bench_plain.meting (volgorde serial, figuur text, rol text, naam text, ms numeric, runs int);
CREATE TABLE IF NOT EXISTS bench_plain.controle (volgorde serial, figuur text, ok boolean, detail text);
TRUNCATE bench_plain.meting, bench_plain.controle;

-- median of n runs after a warm-up (warm = false: no warm-up)
CREATE OR REPLACE FUNCTION pg_temp.tijd(q text, n int, warm boolean DEFAULT true) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE j json; ts numeric[] := '{}';
BEGIN
  IF warm THEN EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j; END IF;
  FOR i IN 1 .. n LOOP
    EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;
    ts := ts || (j -> 0 ->> 'Execution Time')::numeric;
  END LOOP;
  RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(ts) x);
END $$;

-- serial and 2 workers, interleaved run by run (so that load from other processes
-- hits both alike); medians {serial, 2 workers}.  With 2 workers the planner is
-- made to take a parallel plan wherever one exists.
CREATE OR REPLACE FUNCTION pg_temp.tijd_paar(q text, n int) RETURNS numeric[]
LANGUAGE plpgsql AS $$
DECLARE j json; s numeric[] := '{}'; p numeric[] := '{}';
BEGIN
  PERFORM set_config('parallel_setup_cost', '0', true);
  PERFORM set_config('parallel_tuple_cost', '0', true);
  PERFORM set_config('min_parallel_table_scan_size', '0', true);
  FOR i IN 0 .. n LOOP
    PERFORM set_config('max_parallel_workers_per_gather', '0', true);
    EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;
    IF i > 0 THEN s := s || (j -> 0 ->> 'Execution Time')::numeric; END IF;
    PERFORM set_config('max_parallel_workers_per_gather', '2', true);
    EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ' || q INTO j;
    IF i > 0 THEN p := p || (j -> 0 ->> 'Execution Time')::numeric; END IF;
  END LOOP;
  PERFORM set_config('max_parallel_workers_per_gather', '0', true);
  RETURN ARRAY[(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(s) x),
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(p) x)];
END $$;

CREATE OR REPLACE FUNCTION pg_temp.workers(q text) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE j json;
BEGIN
  PERFORM set_config('parallel_setup_cost', '0', true);
  PERFORM set_config('parallel_tuple_cost', '0', true);
  PERFORM set_config('min_parallel_table_scan_size', '0', true);
  PERFORM set_config('max_parallel_workers_per_gather', '2', true);
  EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO j;
  PERFORM set_config('max_parallel_workers_per_gather', '0', true);
  RETURN coalesce((SELECT max((m[1])::int) FROM regexp_matches(j::text, '"Workers Planned": ([0-9]+)', 'g') m), 0);
END $$;

CREATE OR REPLACE FUNCTION pg_temp.meet(figuur text, rol text, naam text, q text, n int, warm boolean DEFAULT true)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO bench_plain.meting (figuur, rol, naam, ms, runs) VALUES (figuur, rol, naam, pg_temp.tijd(q, n, warm), n);
$$;
CREATE OR REPLACE FUNCTION pg_temp.controle(figuur text, ok boolean, detail text) RETURNS void
LANGUAGE sql AS $$ INSERT INTO bench_plain.controle (figuur, ok, detail) VALUES (figuur, coalesce(ok, false), detail) $$;

\set q_episodes `cat bench/ext/episodes.sql`
\set q_episodes_floor `cat bench/ext/episodes_floor.sql`
\set q_brin `cat bench/ext/episodes_brin.sql`
\set q_kaal `cat bench/ext/kaal_floor.sql`
\set q_eilanden `cat bench/plain/episodes_eilanden.sql`
\set q_multi `cat bench/plain/episodes_multirange.sql`
\set q_mp `cat bench/ext/meldplicht.sql`
\set q_mp_floor `cat bench/ext/meldplicht_floor.sql`
\set q_mp_steekproef `cat bench/ext/meldplicht_steekproef.sql`
\set q_venster `cat bench/plain/meldplicht_venster.sql`
\set q_recursief `cat bench/plain/meldplicht_recursief.sql`
-- -v steekproef=N: the recursive walk (and meldplicht beside it) on leerling_id % N = 0
-- instead of 1% (the smoke test takes 10%: steekproef=10)
\if :{?steekproef}
\else
\set steekproef 100
\endif
SELECT replace(:'q_recursief', '% 100 = 0', '% ' || :steekproef || ' = 0') AS q_recursief,
       replace(:'q_mp_steekproef', '% 100 = 0', '% ' || :steekproef || ' = 0') AS q_mp_steekproef,
       CASE WHEN :steekproef = 1 THEN 'every pupil' ELSE round(100.0 / :steekproef, 1) || '% of the pupils' END AS steekproef_tekst \gset
\set q_duur `cat bench/ext/duur_agg.sql`
\set q_duur_floor `cat bench/ext/duur_agg_floor.sql`
\set q_duur_plain `cat bench/plain/duur_agg.sql`
\set q_telling `cat bench/ext/telling.sql`
\set q_telling_floor `cat bench/ext/telling_floor.sql`
\set q_kwaliteit `cat bench/ext/kwaliteit.sql`
\set q_kwaliteit_floor `cat bench/ext/kwaliteit_floor.sql`

-- the answers -------------------------------------------------------------------
-- Each formulation's answer is reduced to (number of rows, total length, checksum):
-- the checksum is the sum of a 64-bit hash of every (pupil, episode) or (pupil,
-- moment) row, so two answers with equal checksums are the same multiset of rows
-- (up to a 2^-64 chance), compared without sorting millions of rows.
-- Pupils whose rows lie in one vakantieregio: the plain formulations number one
-- regio's calendar per pupil, so pupils who changed to a school in another
-- regio are compared on the extension side only (counted in the detail).
CREATE TEMP TABLE tweeregio AS
SELECT a.leerling_id FROM verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin
GROUP BY a.leerling_id HAVING count(DISTINCT s.vakantieregio) > 1;
CREATE UNIQUE INDEX ON tweeregio (leerling_id);
ANALYZE tweeregio;
SELECT count(*) AS n_tweeregio FROM tweeregio \gset

-- som(query over rows (leerling_id, episode)) -> '{n, days, checksum}' over all pupils
-- and over the pupils in one regio
CREATE OR REPLACE FUNCTION pg_temp.som(q text) RETURNS numeric[]
LANGUAGE plpgsql AS $$
DECLARE r numeric[];
BEGIN
  EXECUTE format($f$
    SELECT ARRAY[count(*), coalesce(sum(upper(episode) - lower(episode)), 0),
                 coalesce(sum(hashtextextended(leerling_id::text || episode::text, 0)::numeric), 0),
                 count(*) FILTER (WHERE t.leerling_id IS NULL),
                 coalesce(sum(upper(episode) - lower(episode)) FILTER (WHERE t.leerling_id IS NULL), 0),
                 coalesce(sum(hashtextextended(x.leerling_id::text || episode::text, 0)::numeric) FILTER (WHERE t.leerling_id IS NULL), 0)]
    FROM (%s) x(leerling_id, episode) LEFT JOIN tweeregio t USING (leerling_id)$f$, q) INTO r;
  RETURN r;
END $$;

SELECT pg_temp.som('SELECT x.leerling_id, e FROM (' || :'q_episodes' || ') x, unnest(x.episodes) e') AS s_ep,
       pg_temp.som('SELECT x.leerling_id, e FROM (' || :'q_brin' || ') x, unnest(x.episodes) e') AS s_brin,
       pg_temp.som(:'q_eilanden') AS s_eilanden,
       (SELECT count(*) FROM verzuim.schoolvrije_dag) AS n_schoolvrij \gset
SELECT extract(epoch FROM clock_timestamp()) * 1000 AS t0 \gset
SELECT pg_temp.som('SELECT x.leerling_id, e FROM (' || :'q_multi' || ') x, unnest(x.episodes) e') AS s_multi \gset

SELECT pg_temp.controle('episodes', (:'s_ep'::numeric[])[4:6] = (:'s_eilanden'::numeric[])[4:6],
         format('episodes(datum, regio) = gaps-and-islands for the pupils in one regio: %s episodes, %s days (plain SQL: %s, %s, checksum %s); %s pupils in two regio''s left out',
                (:'s_ep'::numeric[])[4], (:'s_ep'::numeric[])[5],
                (:'s_eilanden'::numeric[])[4], (:'s_eilanden'::numeric[])[5],
                CASE WHEN (:'s_ep'::numeric[])[6] = (:'s_eilanden'::numeric[])[6] THEN 'equal' ELSE 'DIFFERS' END, :n_tweeregio)),
       pg_temp.controle('episodes', (:'s_ep'::numeric[])[4:6] = (:'s_multi'::numeric[])[4:6],
         format('episodes(datum, regio) = multiranges for the pupils in one regio: %s episodes, %s days (multiranges: %s, %s, checksum %s)',
                (:'s_ep'::numeric[])[4], (:'s_ep'::numeric[])[5], (:'s_multi'::numeric[])[4], (:'s_multi'::numeric[])[5],
                CASE WHEN (:'s_ep'::numeric[])[6] = (:'s_multi'::numeric[])[6] THEN 'equal' ELSE 'DIFFERS' END)),
       pg_temp.controle('episodes_brin', (:'s_ep'::numeric[])[1:3] = (:'s_brin'::numeric[])[1:3] OR :n_schoolvrij > 0,
         format('episodes_brin(datum, brin) = episodes(datum, regio) for every pupil: %s episodes, %s days (episodes_brin: %s, %s, checksum %s; %s school-free days of schools, which only episodes_brin sees)',
                (:'s_ep'::numeric[])[1], (:'s_ep'::numeric[])[2], (:'s_brin'::numeric[])[1], (:'s_brin'::numeric[])[2],
                CASE WHEN (:'s_ep'::numeric[])[3] = (:'s_brin'::numeric[])[3] THEN 'equal' ELSE 'DIFFERS' END, :n_schoolvrij));
-- the answers of the extension and of the plain SQL over all pupils, for the DuckDB check
INSERT INTO bench_plain.controle (figuur, ok, detail) VALUES
  ('antwoord', true, format('episodes %s %s %s', (:'s_ep'::numeric[])[1], (:'s_ep'::numeric[])[2], (:'s_ep'::numeric[])[4])),
  ('antwoord', true, format('eilanden %s %s', (:'s_eilanden'::numeric[])[1], (:'s_eilanden'::numeric[])[2]));

-- meldplicht: the recursive walk on the sample gives the same moments (pupil, day, hours)
CREATE OR REPLACE FUNCTION pg_temp.som_mp(q text) RETURNS numeric[]
LANGUAGE plpgsql AS $$
DECLARE r numeric[];
BEGIN
  EXECUTE format($f$
    SELECT ARRAY[count(*), coalesce(sum(hashtextextended(leerling_id::text || bereikt_op::text || uren::text, 0)::numeric), 0)]
    FROM (%s) x(leerling_id, bereikt_op, uren) WHERE leerling_id NOT IN (SELECT leerling_id FROM tweeregio)$f$, q) INTO r;
  RETURN r;
END $$;
SELECT pg_temp.som_mp('SELECT x.leerling_id, (m).bereikt_op, (m).uren FROM (' || :'q_mp_steekproef' || ') x, unnest(x.momenten) m') AS s_mp,
       pg_temp.som_mp(:'q_recursief') AS s_rec \gset
SELECT pg_temp.controle('meldplicht', :'s_mp'::numeric[] = :'s_rec'::numeric[],
         format('meldplicht = recursive walk on %s: %s moments (recursive walk: %s), checksum %s',
                :'steekproef_tekst', (:'s_mp'::numeric[])[1], (:'s_rec'::numeric[])[1],
                CASE WHEN (:'s_mp'::numeric[])[2] = (:'s_rec'::numeric[])[2] THEN 'equal' ELSE 'DIFFERS' END));
SELECT count(*) AS n_mp_all, count(*) FILTER (WHERE cardinality(momenten) > 1) AS n_herhaald
FROM (:q_mp) x WHERE cardinality(momenten) > 0 \gset
SELECT sum(weken) AS n_weken FROM (:q_venster) x \gset
SELECT pg_temp.controle('meldplicht', true,
         format('%s pupils with a moment, %s of them re-armed (more than one); the window-only query flags %s pupil-weeks (an approximation: it differs by design)',
                :n_mp_all, :n_herhaald, :n_weken));

-- duur_agg: the plain distribution equals the summary, gemeente by gemeente
SELECT count(*) AS v_duur, (SELECT count(*) FROM bench_plain.episode) AS n_episode
FROM ((SELECT gemeentecode, duur::text FROM (:q_duur) x EXCEPT ALL SELECT gemeentecode, duur FROM (:q_duur_plain) y)
      UNION ALL (SELECT gemeentecode, duur FROM (:q_duur_plain) y EXCEPT ALL SELECT gemeentecode, duur::text FROM (:q_duur) x)) d \gset
SELECT pg_temp.controle('duur_agg', :v_duur = 0,
         format('duur_agg = plain distribution per gemeente (text form): %s gemeenten differ (%s episodes)', :v_duur, :n_episode));

-- the times -----------------------------------------------------------------------
SELECT pg_temp.meet('episodes', 'floor', 'count(*) per pupil, same FROM (join school)', :'q_episodes_floor', :herhaal),
       pg_temp.meet('episodes', 'ext', 'verzuim.episodes(datum, regio)', :'q_episodes', :herhaal),
       pg_temp.meet('episodes', 'plain', 'gaps-and-islands (nr - dense_rank)', :'q_eilanden', :herhaal),
       pg_temp.meet('episodes', 'plain', 'multiranges (range_agg, unnest)', :'q_multi', 1, false);
SELECT pg_temp.meet('episodes_brin', 'floor', 'count(*) per pupil, bare table', :'q_kaal', :herhaal),
       pg_temp.meet('episodes_brin', 'ext', 'verzuim.episodes_brin(datum, brin), no join', :'q_brin', :herhaal) \g /dev/null
SELECT pg_temp.meet('meldplicht', 'floor', 'count(*) per pupil, same FROM and filter', :'q_mp_floor', :herhaal),
       pg_temp.meet('meldplicht', 'ext', 'verzuim.meldplicht(datum, uren, regio)', :'q_mp', :herhaal),
       pg_temp.meet('meldplicht', 'plain', 'rolling window, no re-arming (approximation)', :'q_venster', :herhaal) \g /dev/null
SELECT pg_temp.meet('meldplicht_1pct', 'ext', 'verzuim.meldplicht on ' || :'steekproef_tekst', :'q_mp_steekproef', :herhaal),
       pg_temp.meet('meldplicht_1pct', 'plain', 'recursive walk (correct) on ' || :'steekproef_tekst', :'q_recursief', 1, false) \g /dev/null
SELECT pg_temp.meet('duur_agg', 'floor', 'avg(upper - lower) per gemeente', :'q_duur_floor', :herhaal),
       pg_temp.meet('duur_agg', 'ext', 'verzuim.duur_agg(episode, peildatum)', :'q_duur', :herhaal),
       pg_temp.meet('duur_agg', 'plain', 'distribution: GROUP BY gemeente, duur', :'q_duur_plain', :herhaal) \g /dev/null
SELECT pg_temp.meet('leerplichttelling', 'floor', 'bare scan: count(*) FROM afwezigheid', :'q_telling_floor', :herhaal),
       pg_temp.meet('leerplichttelling', 'ext', 'SELECT * FROM verzuim.leerplichttelling (schooljaar)', :'q_telling', :herhaal) \g /dev/null
SELECT pg_temp.meet('registratiekwaliteit', 'floor', 'count(*) of the 6 tables it reads', :'q_kwaliteit_floor', :herhaal),
       pg_temp.meet('registratiekwaliteit', 'ext', 'registratiekwaliteit_rijen() (every check)', :'q_kwaliteit', :herhaal) \g /dev/null

-- parallel query: serial against 2 workers, interleaved
SELECT pg_temp.tijd_paar(:'q_duur', :herhaal) AS p_duur, pg_temp.tijd_paar(:'q_duur_floor', :herhaal) AS p_duur_floor,
       pg_temp.tijd_paar(:'q_brin', :herhaal) AS p_brin, pg_temp.tijd_paar(:'q_kaal', :herhaal) AS p_kaal,
       pg_temp.workers(:'q_duur') AS w_duur, pg_temp.workers(:'q_brin') AS w_brin \gset
INSERT INTO bench_plain.meting (figuur, rol, naam, ms, runs)
VALUES ('parallel_few', 'serial', 'duur_agg per gemeente, serial', (:'p_duur'::numeric[])[1], :herhaal),
       ('parallel_few', 'par2', 'duur_agg per gemeente, ' || :w_duur || ' workers planned', (:'p_duur'::numeric[])[2], :herhaal),
       ('parallel_few_floor', 'serial', 'avg() per gemeente, serial', (:'p_duur_floor'::numeric[])[1], :herhaal),
       ('parallel_few_floor', 'par2', 'avg() per gemeente, 2 workers', (:'p_duur_floor'::numeric[])[2], :herhaal),
       ('parallel_pupil', 'serial', 'episodes_brin per pupil, serial', (:'p_brin'::numeric[])[1], :herhaal),
       ('parallel_pupil', 'par2', 'episodes_brin per pupil, ' || :w_brin || ' workers planned', (:'p_brin'::numeric[])[2], :herhaal),
       ('parallel_pupil_floor', 'serial', 'count(*) per pupil, serial', (:'p_kaal'::numeric[])[1], :herhaal),
       ('parallel_pupil_floor', 'par2', 'count(*) per pupil, 2 workers', (:'p_kaal'::numeric[])[2], :herhaal);
\o
