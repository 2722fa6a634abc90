-- The C cores of verzuim under valgrind (test/suites/61_geheugen.sh runs this
-- file in a single-user backend under valgrind).  Statements end with a
-- semicolon and an empty line (postgres --single -j).
--
-- 1. episode merge, summary merge, (de)serialization: the serialized states
--    of every aggregate with a serialize function, built from parts of each
--    group, are deserialized, combined and finalized by verzuim_toets_samen
--    (test/fuzz/verzuim_toets.c) and must equal the aggregate over the whole
--    group;
-- 2. the deserialize functions get every truncation, byte flips at every
--    position, oversized and trailing bytes of real states: each call either
--    answers or raises a specific error (never XX000), and valgrind sees no
--    invalid access;
-- 3. duurverdeling text and binary input, the CSV parser and field checks on
--    generated bad input.
-- The last statement prints one line per check: ok|... or not ok|...

CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;

CREATE FUNCTION pg_temp.samen(regprocedure, regprocedure, regprocedure, bytea[]) RETURNS text
AS '@TOETS@', 'verzuim_toets_samen' LANGUAGE C;

CREATE TABLE uitkomst (nr serial, status text, tekst text);

SELECT setseed(0.61);

-- absences of 40 pupils over 2023-2025 with mixed reasons and hours, each row in one of three parts
CREATE TABLE afw AS
SELECT p AS leerling_id, (ARRAY['noord', 'midden', 'zuid'])[1 + p % 3] AS regio,
       date '2023-09-04' + (random() * 600)::int AS datum,
       (ARRAY['ongeoorloofd', 'ongeoorloofd', 'luxe', 'te_laat', 'ziek', 'ziek', 'verlof_14'])[1 + (random() * 6)::int]::verzuim.reden AS reden,
       (1 + floor(random() * 6))::numeric / 2 AS uren,
       (random() * 2.99)::int AS deel
  FROM generate_series(1, 30) p, generate_series(1, 40) g;

DELETE FROM afw a USING afw b WHERE a.leerling_id = b.leerling_id AND a.datum = b.datum AND a.ctid > b.ctid;

CREATE TABLE ep AS
SELECT leerling_id, regio, deel,
       CASE WHEN leerling_id % 4 = 0 THEN daterange(datum, NULL) ELSE daterange(datum, datum + 1 + (uren * 10)::int) END AS episode
  FROM afw;

-- aggregates that stop after the transition: their result is the serialized state
CREATE AGGREGATE pg_temp.st_epi(date, text, verzuim.reden) (SFUNC = verzuim.episodes_sfunc, STYPE = internal,
  FINALFUNC = verzuim.episodes_serialize, FINALFUNC_MODIFY = READ_WRITE);

CREATE AGGREGATE pg_temp.st_duur(daterange, date) (SFUNC = verzuim.duur_agg_sfunc, STYPE = internal,
  FINALFUNC = verzuim.duur_agg_serialize, FINALFUNC_MODIFY = READ_WRITE);

CREATE AGGREGATE pg_temp.st_duur_les(daterange, date, text) (SFUNC = verzuim.duur_agg_lesdagen_sfunc, STYPE = internal,
  FINALFUNC = verzuim.duur_agg_serialize, FINALFUNC_MODIFY = READ_WRITE);

CREATE AGGREGATE pg_temp.st_meld(date, numeric, text) (SFUNC = verzuim.meldplicht_sfunc, STYPE = internal,
  FINALFUNC = verzuim.meldplicht_serialize, FINALFUNC_MODIFY = READ_WRITE);

CREATE AGGREGATE pg_temp.st_mazl(date, verzuim.reden, text) (SFUNC = verzuim.mazl_sfunc, STYPE = internal,
  FINALFUNC = verzuim.meldplicht_serialize, FINALFUNC_MODIFY = READ_WRITE);

-- 1. merge of parts = the whole (per pupil; per regio for the big states)
CREATE TABLE staten AS
SELECT 'episodes' AS agg, leerling_id::text AS k, deel, pg_temp.st_epi(datum, regio, reden) AS st FROM afw GROUP BY 2, 3
UNION ALL
SELECT 'episodes regio', regio, deel, pg_temp.st_epi(datum, regio, reden) FROM afw GROUP BY 2, 3
UNION ALL
SELECT 'duur_agg', regio, deel, pg_temp.st_duur(episode, date '2024-12-01') FROM ep GROUP BY 2, 3
UNION ALL
SELECT 'duur_agg lesdagen', regio, deel, pg_temp.st_duur_les(episode, date '2024-12-01', regio) FROM ep GROUP BY 2, 3
UNION ALL
SELECT 'meldplicht', leerling_id::text, deel, pg_temp.st_meld(datum, uren, regio) FROM afw WHERE reden IN ('ongeoorloofd', 'luxe', 'te_laat') GROUP BY 2, 3
UNION ALL
SELECT 'mazl_signaal', leerling_id::text, deel, pg_temp.st_mazl(datum, reden, regio) FROM afw GROUP BY 2, 3;

CREATE TABLE fn (agg text, deser regprocedure, comb regprocedure, fin regprocedure);

INSERT INTO fn VALUES
 ('episodes', 'verzuim.episodes_deserialize(bytea,internal)', 'verzuim.episodes_combine(internal,internal)', 'verzuim.episodes_final(internal)'),
 ('episodes regio', 'verzuim.episodes_deserialize(bytea,internal)', 'verzuim.episodes_combine(internal,internal)', 'verzuim.episodes_final(internal)'),
 ('duur_agg', 'verzuim.duur_agg_deserialize(bytea,internal)', 'verzuim.duur_agg_combine(internal,internal)', 'verzuim.duur_agg_final(internal)'),
 ('duur_agg lesdagen', 'verzuim.duur_agg_deserialize(bytea,internal)', 'verzuim.duur_agg_combine(internal,internal)', 'verzuim.duur_agg_final(internal)'),
 ('meldplicht', 'verzuim.meldplicht_deserialize(bytea,internal)', 'verzuim.meldplicht_combine(internal,internal)', 'verzuim.meldplicht_final(internal)'),
 ('mazl_signaal', 'verzuim.meldplicht_deserialize(bytea,internal)', 'verzuim.meldplicht_combine(internal,internal)', 'verzuim.mazl_final(internal)');

CREATE TABLE heel AS
SELECT 'episodes' AS agg, leerling_id::text AS k, verzuim.episodes(datum, regio, reden)::text AS r FROM afw GROUP BY 2
UNION ALL SELECT 'episodes regio', regio, verzuim.episodes(datum, regio, reden)::text FROM afw GROUP BY 2
UNION ALL SELECT 'duur_agg', regio, verzuim.duur_agg(episode, date '2024-12-01')::text FROM ep GROUP BY 2
UNION ALL SELECT 'duur_agg lesdagen', regio, verzuim.duur_agg(episode, date '2024-12-01', regio)::text FROM ep GROUP BY 2
UNION ALL SELECT 'meldplicht', leerling_id::text, verzuim.meldplicht(datum, uren, regio)::text FROM afw WHERE reden IN ('ongeoorloofd', 'luxe', 'te_laat') GROUP BY 2
UNION ALL SELECT 'mazl_signaal', leerling_id::text, verzuim.mazl_signaal(datum, reden, regio)::text FROM afw GROUP BY 2;

CREATE TABLE samen AS
SELECT s.agg, s.k, pg_temp.samen(f.deser, f.comb, f.fin, array_agg(s.st ORDER BY s.deel DESC)) AS r
  FROM staten s JOIN fn f USING (agg) GROUP BY s.agg, s.k, f.deser, f.comb, f.fin;

INSERT INTO uitkomst (status, tekst)
SELECT CASE WHEN count(*) FILTER (WHERE h.r IS DISTINCT FROM s.r) = 0 AND count(*) > 0 THEN 'ok' ELSE 'not ok' END,
       format('%s: deserialize + combine + final of the parts equals the aggregate over the whole (%s groups, %s differ)',
              h.agg, count(*), count(*) FILTER (WHERE h.r IS DISTINCT FROM s.r))
  FROM heel h LEFT JOIN samen s USING (agg, k) GROUP BY h.agg ORDER BY h.agg;

-- 2. corrupted states
CREATE FUNCTION pg_temp.probeer(f fn, st bytea[]) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_temp.samen(f.deser, f.comb, f.fin, st);
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;

CREATE TABLE bederf AS
WITH voorbeeld AS (
  SELECT DISTINCT ON (agg) agg, st FROM staten WHERE st IS NOT NULL ORDER BY agg, length(st) DESC
), varianten AS (
  SELECT v.agg, 'truncated to ' || l || ' bytes' AS hoe, substr(v.st, 1, l) AS st
    FROM voorbeeld v, generate_series(0, length(v.st) - 1) l WHERE l < 24 OR l % 13 = 0 OR l > length(v.st) - 8
  UNION ALL
  SELECT v.agg, 'byte ' || i || ' flipped', set_byte(v.st, i, 255 - get_byte(v.st, i))
    FROM voorbeeld v, generate_series(0, length(v.st) - 1) i WHERE i < 32 OR i % 11 = 0
  UNION ALL
  SELECT v.agg, 'byte ' || i || ' set to 0x7f', set_byte(v.st, i, 127)
    FROM voorbeeld v, generate_series(0, least(length(v.st) - 1, 20)) i
  UNION ALL
  SELECT v.agg, 'trailing bytes', v.st || '\x00000001ffffffff'::bytea FROM voorbeeld v
  UNION ALL
  SELECT v.agg, 'doubled', v.st || v.st FROM voorbeeld v
  UNION ALL
  SELECT v.agg, 'reordered halves', substr(v.st, length(v.st) / 2 + 1) || substr(v.st, 1, length(v.st) / 2) FROM voorbeeld v
  UNION ALL
  SELECT v.agg, 'oversized: 64 kB of 0xff', decode(repeat('ff', 65536), 'hex') FROM voorbeeld v
)
SELECT x.agg, x.hoe, pg_temp.probeer(f, ARRAY[x.st, (SELECT st FROM staten s WHERE s.agg = x.agg AND s.st IS NOT NULL LIMIT 1)]) AS uit
  FROM varianten x JOIN fn f USING (agg);

INSERT INTO uitkomst (status, tekst)
SELECT CASE WHEN count(*) FILTER (WHERE uit = 'XX000') = 0 THEN 'ok' ELSE 'not ok' END,
       format('%s: %s corrupted states deserialized and combined: %s answered, %s rejected (%s), %s XX000',
              agg, count(*), count(*) FILTER (WHERE uit = 'ok'), count(*) FILTER (WHERE uit NOT IN ('ok', 'XX000')),
              string_agg(DISTINCT uit, ' ') FILTER (WHERE uit <> 'ok'), count(*) FILTER (WHERE uit = 'XX000'))
  FROM bederf GROUP BY agg ORDER BY agg;

INSERT INTO uitkomst (status, tekst)
SELECT CASE WHEN count(*) FILTER (WHERE uit <> 'ok') > 0 THEN 'ok' ELSE 'not ok' END,
       format('%s: truncated states are rejected (%s of %s)', agg, count(*) FILTER (WHERE uit <> 'ok'), count(*))
  FROM bederf WHERE hoe LIKE 'truncated%' GROUP BY agg ORDER BY agg;

-- 3. duurverdeling input and the CSV parser
CREATE FUNCTION pg_temp.fout_van(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;

CREATE TABLE invoer AS
WITH goed AS (SELECT verzuim.duur_agg(episode, date '2024-12-01')::text AS t FROM ep)
SELECT 'duurverdeling text, truncated to ' || l AS hoe,
       pg_temp.fout_van(format('SELECT %L::verzuim.duurverdeling', left(g.t, l))) AS uit
  FROM goed g, generate_series(0, length(g.t) - 1) l WHERE l < 40 OR l % 17 = 0
UNION ALL
SELECT 'duurverdeling text, character ' || i || ' replaced',
       pg_temp.fout_van(format('SELECT %L::verzuim.duurverdeling', overlay(g.t placing c from i for 1)))
  FROM goed g, generate_series(1, least(length(g.t), 60)) i, unnest(ARRAY['9', ';', '-', '}']) c
UNION ALL
SELECT 'csv_regels, random bytes ' || i,
       pg_temp.fout_van(format('SELECT count(*) FROM verzuim.csv_regels(%L)',
                               (SELECT string_agg((ARRAY['"', ',', E'\n', E'\r', 'a', '""', E'\xc3\xa9', ' '])[1 + (random() * 7)::int], '')
                                  FROM generate_series(1, 50 + i * 3) WHERE i > 0)))
  FROM generate_series(1, 60) i
UNION ALL
SELECT 'csv_veldfout, ' || t || ' ' || w,
       pg_temp.fout_van(format('SELECT verzuim.csv_veldfout(%L, %L::regtype, %s)', w, t, m))
  FROM unnest(ARRAY['date', 'timestamptz', 'integer', 'numeric', 'boolean', 'verzuim.reden', 'verzuim.regio', 'character varying']) t,
       unnest(ARRAY['', ' ', '2024-02-30', '99999999999999999999999', '-0', '1e5', '12.345', 'true', E'\xc3\xa9', '2024-01-01 25:00', '2024-01-01T10:00:00+99:99', repeat('9', 400)]) w,
       unnest(ARRAY[-1, 393220]) m;

INSERT INTO uitkomst (status, tekst)
SELECT CASE WHEN count(*) FILTER (WHERE uit = 'XX000') = 0 THEN 'ok' ELSE 'not ok' END,
       format('%s: %s bad inputs, %s rejected (%s), %s XX000', split_part(hoe, ',', 1), count(*),
              count(*) FILTER (WHERE uit <> 'ok'), string_agg(DISTINCT uit, ' ') FILTER (WHERE uit <> 'ok'),
              count(*) FILTER (WHERE uit = 'XX000'))
  FROM invoer GROUP BY split_part(hoe, ',', 1) ORDER BY 1;

SELECT 'RESULT|' || status || '|' || tekst FROM uitkomst ORDER BY nr;

