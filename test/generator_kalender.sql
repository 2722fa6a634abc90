-- pgTAP: the benchmark data generator (bench/generator/gen.c) and the extension
-- share their calendar arithmetic (src/kalender_rekenen.h), so generated data
-- cannot drift from the extension's calendar (issue 13, item 4): Easter Sunday
-- of every year 1583-2500 as the generator computes it equals verzuim.pasen(),
-- and its days per month equal PostgreSQL's own date arithmetic.  Run from the
-- repository root (as scripts/test.sh does): it builds the generator.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(5);

\! make -s -C bench/generator gen >/dev/null

CREATE TEMP TABLE gen_kalender (soort text, sleutel text, waarde text);
\copy gen_kalender FROM PROGRAM 'bench/generator/gen --kalender 1583 2500'

SELECT is((SELECT count(*)::int FROM gen_kalender WHERE soort = 'pasen'), 918,
          'the generator printed Easter for 918 years (1583-2500)');
SELECT is((SELECT count(*)::int FROM gen_kalender g
            WHERE g.soort = 'pasen' AND g.waarde::date = verzuim.pasen(g.sleutel::int)), 918,
          'the generator''s Easter Sunday equals verzuim.pasen() in every year 1583-2500');
SELECT is((SELECT string_agg(g.waarde, ',' ORDER BY g.sleutel) FROM gen_kalender g
            WHERE g.soort = 'pasen' AND g.sleutel IN ('1818', '1943', '2008', '2024', '2025', '2038', '2285')),
          '1818-03-22,1943-04-25,2008-03-23,2024-03-31,2025-04-20,2038-04-25,2285-03-22',
          'known Easter dates (the earliest and latest possible, 2008, 2024, 2025)');
SELECT is((SELECT count(*)::int FROM gen_kalender g
            WHERE g.soort = 'maand'
              AND g.waarde::int = extract(day FROM (to_date(g.sleutel, 'YYYY-MM') + interval '1 month' - interval '1 day'))::int),
          918 * 12, 'the generator''s days per month equal PostgreSQL''s in every month 1583-2500');
SELECT is((SELECT string_agg(g.waarde, ',' ORDER BY g.sleutel) FROM gen_kalender g
            WHERE g.soort = 'maand' AND g.sleutel IN ('1700-02', '1900-02', '2000-02', '2024-02', '2100-02', '2400-02')),
          '28,28,29,29,28,29', 'February in the century years and a leap year');

SELECT * FROM finish();
ROLLBACK;
