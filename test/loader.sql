-- pgTAP: the CSV loader.  Every kind of bad file raises its SQLSTATE and loads
-- nothing; clean files load completely; the report is capped; messages carry
-- no field values; privileges follow COPY.  (Exact report rows: sql/loader.sql.)
-- The server reads the fixtures from a copy in /tmp: the checkout itself may not
-- be readable by the server's user (e.g. a clone in /root).  pg_prove runs in the checkout.
\set data `d=$(mktemp -d /tmp/verzuim-tap.XXXXXX) && cp test/data/*.csv "$d"/ && chmod 755 "$d" && chmod 644 "$d"/*.csv && echo "$d"/`
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(69);

-- error text (message, detail, hint) of a statement, NULL when it succeeds
CREATE FUNCTION pg_temp.fouttekst(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE m text; d text; h text;
BEGIN
  EXECUTE sql;
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS m = MESSAGE_TEXT, d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
  RETURN concat_ws(E'\n', m, d, h);
END $$;

-- 1. Clean files of every table load completely ---------------------------------
SELECT is(verzuim.laad_csv(t, :'data' || t || '.csv'), n::bigint, format('%s.csv loads %s rows', t, n))
FROM (VALUES (1, 'gemeente', 7), (2, 'samenwerkingsverband', 3), (3, 'school', 6), (4, 'leerling', 5),
             (5, 'verblijf', 6), (6, 'inschrijving', 7), (7, 'afwezigheid', 10), (8, 'vrijstelling', 8),
             (9, 'melding', 7), (10, 'proces_verbaal', 4), (11, 'vakantie', 2), (12, 'schoolvrije_dag', 2))
     AS v(nr, t, n)
ORDER BY nr;
SELECT is((SELECT count(*)::int FROM verzuim.afwezigheid), 10, 'the rows are in the table');
SELECT has_view('verzuim', 'registratie_omvang', 'the loaded data is protected against DROP EXTENSION');
SELECT is((SELECT count(*)::int FROM verzuim.controleer_csv('afwezigheid', :'data' || 'afwezigheid.csv')), 10,
          'loading the same file again: every line is a duplicate');

-- 2. Every kind of bad row: its SQLSTATE, and nothing is loaded --------------------
SELECT throws_ok(format($$SELECT verzuim.laad_csv_tekst('afwezigheid', %L)$$, 'leerling_id,brin,datum,reden,uren' || E'\n' || v.regel),
                 v.sqlstate, NULL, v.wat)
FROM (VALUES
  ('1001,12AB01,2023-09-11,ziek,6,', '22P04', 'wrong number of columns'),
  ('1001,12AB01,2023-09-11,"zi"ek,6', '22P04', 'malformed quoting'),
  ('1001,12AB01,11-09-2023,ziek,6', '22007', 'a date not written YYYY-MM-DD'),
  ('1001,12AB01,2023-02-29,ziek,6', '22008', 'a date that does not exist'),
  ('1001,12AB01,2023-09-11,griep,6', '22P02', 'an unknown code'),
  ('1001,12AB01,2023-09-11,ziek,"2,5"', '22P02', 'a decimal comma'),
  ('1001,12AB01,2023-09-11,ziek,1.255', '22P02', 'more decimals than the column has'),
  ('x1001,12AB01,2023-09-11,ziek,6', '22P02', 'a pupil id that is not a number'),
  ('1001,12AB01,2023-09-11,ziek,100', '22003', 'hours beyond numeric(4,2)'),
  ('1001,,2023-09-11,ziek,6', '23502', 'an empty required field'),
  ('9999,12AB01,2023-09-11,ziek,6', '23503', 'an unknown pupil'),
  ('1001,99ZZ99,2023-09-11,ziek,6', '23503', 'an unknown school'),
  ('1001,12AB01,2023-09-04,ziek,6', '23505', 'a key already in the table'),
  ('1001,12AB01,2023-09-11,ziek,-2', '23514', 'negative hours'),
  ('1001,12AB01,2023-09-11,ziek,10.5', '23514', 'hours beyond a school day'),
  ('1001,12AB01,2023-09-11,ziek,6' || E'\n' || '1001,12AB01,2023-09-11,ziek,6', '23505', 'a key twice in the file'),
  ('1001,12AB01,2023-09-11,ziek,6' || E'\n' || '1001,12AB00,2023-09-11,luxe,6', '23514', 'more than a school day on one date')
) AS v(regel, sqlstate, wat);
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('afwezigheid', '')$$, '22P04', NULL, 'an empty file');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden\n1001,12AB01,2023-09-11,ziek\n')$$,
                 '22P04', NULL, 'a required column missing from the header');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren,opmerking\n')$$,
                 '22P04', NULL, 'an unknown column in the header');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('inschrijving', E'leerling_id,brin,van,tot,onderwijssoort\n1004,12AB00,2021-08-23,2021-08-01,po\n')$$,
                 '22000', NULL, 'tot before van');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('inschrijving', E'leerling_id,brin,van,tot,onderwijssoort\n1004,12AB00,2021-08-23,,po\n1004,12AB00,2022-08-01,2023-07-31,po\n')$$,
                 '23P01', NULL, 'overlapping enrolments in the file');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('inschrijving', E'leerling_id,brin,van,tot,onderwijssoort\n1001,12AB01,2023-08-01,2024-07-31,po\n')$$,
                 '23P01', NULL, 'an enrolment overlapping one in the table');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('school', E'brin,naam,gemeentecode,vakantieregio\n11AA00,A,GM0363,Noord\n')$$,
                 '23514', NULL, 'a vakantieregio outside the domain');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('melding', E'meldingsnummer,leerling_id,brin,soort,verzuim_van,gemeld_op,status\n1,1001,12AB01,lrv,2023-11-06,2023-11-07,afgesloten\n')$$,
                 '23514', NULL, 'a check across columns (status without afgesloten_op)');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('melding', E'meldingsnummer,leerling_id,brin,soort,verzuim_van,gemeld_op\n1,1001,12AB01,lrv,2023-11-06,2023-11-07 25:00\n')$$,
                 '22008', NULL, 'a time of day out of range');
SELECT throws_ok(format($$SELECT verzuim.laad_csv('gemeente', %L)$$, :'data' || 'ongeldig_utf8.csv'),
                 '22021', NULL, 'a file that is not UTF-8');
SELECT is((SELECT count(*)::int FROM verzuim.afwezigheid), 10, 'after all these nothing was loaded into afwezigheid');
SELECT is((SELECT count(*)::int FROM verzuim.inschrijving), 7, 'nor into inschrijving');

-- 3. All or nothing ---------------------------------------------------------------
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('gemeente', E'gemeentecode,naam\nGM0014,Groningen\nGM0034,Almere\nGM034,Lelystad\nGM0153,Enschede\n')$$,
                 '23514', 'CSV text not loaded into verzuim.gemeente: 1 bad line', 'one bad line among good ones');
SELECT is((SELECT count(*)::int FROM verzuim.gemeente WHERE gemeentecode IN ('GM0014', 'GM0034', 'GM0153')), 0,
          'the good lines were not loaded either');
SELECT is(verzuim.laad_csv_tekst('gemeente', E'gemeentecode,naam\nGM0014,Groningen\nGM0034,Almere\n'), 2::bigint,
          'the corrected file loads');
SELECT is(verzuim.laad_csv_tekst('gemeente', E'gemeentecode,naam\n'), 0::bigint, 'a header without rows loads 0 rows');

-- 4. The report ---------------------------------------------------------------------
CREATE TEMP TABLE veel AS
SELECT 'gemeentecode,naam' || E'\n' ||
       string_agg(CASE WHEN i % 4 = 0 THEN format('GM%s,Goed', 8000 + i) ELSE format('XX%s,Fout', i) END, E'\n' ORDER BY i) AS inhoud
FROM generate_series(1, 200) AS i;
SELECT results_eq($$SELECT count(*), count(regel), count(DISTINCT regel), max(regel) FROM verzuim.controleer_csv_tekst('gemeente', (SELECT inhoud FROM veel))$$,
                  $$VALUES (101::bigint, 100::bigint, 100::bigint, 134)$$,
                  'more than 100 bad lines: the first 100 and a last row without a line number');
SELECT is((SELECT fout FROM verzuim.controleer_csv_tekst('gemeente', (SELECT inhoud FROM veel)) WHERE regel IS NULL),
          '50 more bad lines not shown (max_regels = 100)', 'the last row counts the bad lines left out');
SELECT is((SELECT count(*)::int FROM verzuim.controleer_csv_tekst('gemeente', (SELECT inhoud FROM veel), 'veel.csv', NULL)),
          150, 'max_regels NULL: every bad line');
SELECT throws_ok($$SELECT * FROM verzuim.controleer_csv_tekst('gemeente', 'x', NULL, 0)$$, '22023', NULL, 'max_regels 0');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('gemeente', (SELECT inhoud FROM veel), 'veel.csv')$$, '23514',
                 'file "veel.csv" not loaded into verzuim.gemeente: 150 bad lines', 'the error counts every bad line');
SELECT is((SELECT array_agg(DISTINCT bestand) FROM verzuim.controleer_csv('afwezigheid', :'data' || 'afwezigheid_fouten.csv')),
          ARRAY[:'data' || 'afwezigheid_fouten.csv'], 'the report names the file');
SELECT results_eq($$SELECT sqlstate, count(*)::int FROM verzuim.controleer_csv('afwezigheid', $$ || quote_literal(:'data' || 'afwezigheid_fouten.csv') || $$) GROUP BY 1 ORDER BY 1$$,
                  $$VALUES ('22003', 1), ('22007', 1), ('22008', 1), ('22P02', 4), ('22P04', 3), ('23502', 1), ('23503', 2), ('23505', 2), ('23514', 4)$$,
                  'afwezigheid_fouten.csv: one problem of every kind');

-- 5. No field values in error messages ------------------------------------------------
SELECT is(pg_temp.fouttekst($$SELECT verzuim.laad_csv_tekst('leerling', E'leerling_id,geboortedatum,woongemeente\n987654321,2011-13-45,GM0363\n876543210,2011-04-05,GM7777\n')$$)
          ~ '(987654321|2011-13-45|876543210|2011-04-05|GM7777)', false,
          'the error of a bad leerling file contains no pupil ids, birth dates or codes');
SELECT is(pg_temp.fouttekst($$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n555444333,12AB01,2023-09-11,ziek,6\n')$$)
          ~ '555444333', false, 'nor does the error of an unknown pupil');

-- 6. Arguments, tables and privileges --------------------------------------------------
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('bestaat_niet', 'x')$$, '42P01', NULL, 'an unknown table');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('kalender_dekking', 'x')$$, '42809', NULL, 'a view is not loadable');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('pg_catalog.pg_class', 'x')$$, '42809', NULL, 'a table of another schema is not loadable');
SELECT throws_ok($$SELECT verzuim.laad_csv_tekst('gemeente', NULL)$$, '22004', NULL, 'NULL content');
SELECT throws_ok($$SELECT verzuim.laad_csv(NULL, '/tmp/x.csv')$$, '22004', NULL, 'NULL table');
SELECT throws_ok($$SELECT verzuim.laad_csv('gemeente', NULL)$$, '22004', NULL, 'NULL path');
SELECT throws_ok($$SELECT verzuim.laad_csv('gemeente', 'test/data/gemeente.csv')$$, '42602', NULL, 'a relative path');
SELECT throws_ok($$SELECT verzuim.laad_csv('gemeente', '/nonexistent/gemeente.csv')$$, '58P01', NULL, 'a missing file');
CREATE ROLE regress_verzuim_tap_csv;
GRANT USAGE ON SCHEMA verzuim TO regress_verzuim_tap_csv;
GRANT SELECT, INSERT ON verzuim.samenwerkingsverband TO regress_verzuim_tap_csv;
SET ROLE regress_verzuim_tap_csv;
SELECT throws_ok(format($$SELECT verzuim.laad_csv('samenwerkingsverband', %L)$$, :'data' || 'samenwerkingsverband.csv'),
                 '42501', NULL, 'a server-side file needs pg_read_server_files, as COPY FROM a file');
SELECT is(verzuim.laad_csv_tekst('samenwerkingsverband', E'swv_code,naam\nVO2801,SWV VO Haaglanden\n'), 1::bigint,
          'a role with INSERT and SELECT loads CSV text');
RESET ROLE;
GRANT pg_read_server_files TO regress_verzuim_tap_csv;
SET ROLE regress_verzuim_tap_csv;
SELECT is((SELECT count(*)::int FROM verzuim.controleer_csv('samenwerkingsverband', :'data' || 'samenwerkingsverband.csv')), 3,
          'with pg_read_server_files it reads the file (every line is already loaded)');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM pg_class WHERE relname LIKE 'verzuim\_csv\_%' AND relpersistence = 't'), 0,
          'no temporary tables are left behind');

SELECT * FROM finish();
ROLLBACK;
\set weg `rm -rf :'data'`
