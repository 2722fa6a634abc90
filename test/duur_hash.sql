-- pgTAP: the hash operator class of duurverdeling has the extended hash
-- (support function 2) and samenvoegen a realistic state size (issue 13, item 4).
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(9);

SET LOCAL verzuim.vakantieregio = '';
SET LOCAL verzuim.onvolledige_kalender = 'fout';

-- sample summaries: durations 1..40 days, some open, three peildata
CREATE TEMP TABLE episode AS
SELECT g, daterange(date '2024-01-01' + (g * 7) % 200, date '2024-01-01' + (g * 7) % 200 + 1 + g % 40) AS e
  FROM generate_series(1, 300) g;
CREATE TEMP TABLE som AS
SELECT p, verzuim.duur_agg(e, p) AS v
  FROM episode, (VALUES (date '2024-03-01'), (date '2024-05-01'), (date '2024-07-01')) AS q(p)
 GROUP BY p;

SELECT is((SELECT count(*)::int FROM pg_amproc ap
             JOIN pg_opfamily f ON f.oid = ap.amprocfamily
            WHERE f.opfname = 'duurverdeling_hash_ops' AND ap.amprocnum = 2
              AND ap.amproc = 'verzuim.duurverdeling_hash_extended'::regproc),
          1, 'duurverdeling_hash_ops has support function 2 (extended hash)');

-- with seed 0 the low 32 bits of the extended hash are the standard hash
SELECT is((SELECT count(*)::int FROM som
            WHERE (verzuim.duurverdeling_hash_extended(v, 0) & 4294967295)
                  = (verzuim.duurverdeling_hash(v)::bigint & 4294967295)),
          3, 'seed 0: extended hash agrees with the standard hash in its low 32 bits');
SELECT is((SELECT count(DISTINCT verzuim.duurverdeling_hash_extended(v, s))::int
             FROM som, (VALUES (0::bigint), (1), (-7), (123456789012)) AS t(s)),
          12, 'four seeds give four different hashes of each of the three summaries');

-- equal values made three ways hash equal, for any seed
CREATE TEMP TABLE gelijk AS
SELECT (SELECT v FROM som WHERE p = '2024-05-01') AS direct,
       (SELECT verzuim.samenvoegen(d) FROM
          (SELECT verzuim.duur_agg(e, date '2024-05-01') AS d FROM episode GROUP BY g % 5) x) AS samengevoegd,
       (SELECT v::text::verzuim.duurverdeling FROM som WHERE p = '2024-05-01') AS tekst;
SELECT ok((SELECT direct OPERATOR(verzuim.=) samengevoegd AND direct OPERATOR(verzuim.=) tekst FROM gelijk), 'the three values are equal');
SELECT ok((SELECT bool_and(verzuim.duurverdeling_hash_extended(direct, s) = verzuim.duurverdeling_hash_extended(samengevoegd, s)
                    AND verzuim.duurverdeling_hash_extended(direct, s) = verzuim.duurverdeling_hash_extended(tekst, s))
             FROM gelijk, (VALUES (0::bigint), (42), (-1)) AS t(s)),
          'equal values have equal extended hashes for seeds 0, 42 and -1');

-- hash partitioning needs support function 2
CREATE TEMP TABLE deel (v verzuim.duurverdeling) PARTITION BY HASH (v);
CREATE TEMP TABLE deel0 PARTITION OF deel FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TEMP TABLE deel1 PARTITION OF deel FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO deel SELECT v FROM som;
INSERT INTO deel SELECT samengevoegd FROM gelijk;
SELECT is((SELECT count(*)::int FROM deel), 4, 'a table hash-partitioned on duurverdeling takes the summaries');
SELECT is((SELECT count(*)::int FROM deel d JOIN gelijk g ON d.v OPERATOR(verzuim.=) g.direct), 2,
          'both copies of the equal value are found');
SELECT is((SELECT count(DISTINCT d.tableoid)::int FROM deel d JOIN gelijk g ON d.v OPERATOR(verzuim.=) g.direct), 1,
          '... in the same partition');

SELECT is((SELECT aggtransspace FROM pg_aggregate WHERE aggfnoid = 'verzuim.samenvoegen'::regproc), 6144,
          'samenvoegen declares a state size of 6 kB (not the 32 bytes assumed for a varlena)');

SELECT * FROM finish();
ROLLBACK;
