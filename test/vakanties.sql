-- pgTAP: verzuim.vakanties_laden (issue 8, item 5): the school-holiday open
-- data of the Rijksoverheid in one call, on the fixtures in
-- test/data/vakanties/ (the 2027-2028 document holds the dates of the
-- Rijksoverheid overview, which equal the shipped rows; the 2090-2091
-- documents are fictitious test data).  Expected dates are worked out by hand
-- from the Dutch offset: +02:00 in summer time (last Sunday of March to the
-- last Sunday of October, 03:00), +01:00 otherwise.
\set data `d=$(mktemp -d /tmp/verzuim-vak.XXXXXX) && cp test/data/vakanties/*.json "$d"/ && chmod 755 "$d" && chmod 644 "$d"/*.json && echo "$d"/`
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(34);
SET LOCAL datestyle = 'ISO, YMD';
SET LOCAL verzuim.onvolledige_kalender = 'fout';
CREATE TEMP TABLE pad AS SELECT :'data'::text AS dir;

-- the error detail of a statement (or NULL when it runs)
CREATE FUNCTION pg_temp.fout(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text; c text;
BEGIN
  EXECUTE sql;
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL, c = RETURNED_SQLSTATE;
  RETURN c || E'\n' || d;
END $$;

-- dates: UTC instants of Dutch local midnight ---------------------------------------
SELECT is(verzuim.vakantie_datum('2026-10-09T22:00:00.000Z'), date '2026-10-10', '22:00Z in summer time is the next day');
SELECT is(verzuim.vakantie_datum('2026-12-31T23:00:00.000Z'), date '2027-01-01', '23:00Z in winter is the next day');
SELECT is(verzuim.vakantie_datum('2027-03-27T23:00:00.000Z'), date '2027-03-28',
          'midnight of Sunday 28 March 2027 (summer time starts at 02:00 that day) is 23:00Z');
SELECT is(verzuim.vakantie_datum('2027-10-30T22:00:00.000Z'), date '2027-10-31',
          'midnight of Sunday 31 October 2027 (summer time ends at 03:00 that day) is 22:00Z');
SELECT is(verzuim.vakantie_datum('2027-10-31T23:00:00.000Z'), date '2027-11-01', '... and of Monday 1 November 23:00Z');
SELECT is(verzuim.vakantie_datum(' 2026-10-10 '), date '2026-10-10', 'a plain date is that date');
SELECT is(verzuim.vakantie_datum('2026-10-09T22:00:00+00:00'), date '2026-10-10', 'an offset instead of Z');
SELECT is(ARRAY[verzuim.vakantie_datum('2026-10-09T22:00:00'), verzuim.vakantie_datum('10 oktober 2026'),
                verzuim.vakantie_datum('2026-02-30'), verzuim.vakantie_datum(NULL)],
          '{NULL,NULL,NULL,NULL}'::date[], 'no zone, Dutch text, an impossible date, NULL: not a date');

-- the Rijksoverheid document of 2027-2028 equals the shipped rows ------------------------
SELECT results_eq(format($$SELECT actie, count(*) FROM verzuim.vakanties_laden_bestand(%L) GROUP BY 1$$,
                         (SELECT dir FROM pad) || 'schoolvakanties_2027-2028.json'),
                  $$VALUES ('ongewijzigd', 15::bigint)$$,
                  '2027-2028 (whitespace and capitals in type, heel Nederland, trailing spaces in schoolyear, the end of summer time): 15 holidays, as shipped');
SELECT is((SELECT count(*) FROM verzuim.vakantie WHERE NOT geleverd), 0::bigint, '... and the table is unchanged');

-- a list of documents, one schooljaar in two of them ------------------------------------
CREATE TEMP TABLE geladen AS
SELECT * FROM verzuim.vakanties_laden(verzuim.vakanties_bestand((SELECT dir FROM pad) || 'schoolvakanties_lijst.json'));
SELECT results_eq($$SELECT regio, soort, periode, actie FROM geladen ORDER BY soort, regio$$,
  $$VALUES ('midden', 'herfst', '[2090-10-14,2090-10-22]'::daterange, 'nieuw'),
           ('noord', 'herfst', '[2090-10-14,2090-10-22]', 'nieuw'),
           ('zuid', 'herfst', '[2090-10-21,2090-10-29]', 'nieuw'),
           ('midden', 'kerst', '[2090-12-23,2091-01-07]', 'nieuw'),
           ('noord', 'kerst', '[2090-12-23,2091-01-07]', 'nieuw'),
           ('zuid', 'kerst', '[2090-12-23,2091-01-07]', 'nieuw'),
           ('midden', 'mei', '[2091-04-28,2091-05-06]', 'nieuw'),
           ('noord', 'mei', '[2091-04-28,2091-05-06]', 'nieuw'),
           ('zuid', 'mei', '[2091-04-28,2091-05-06]', 'nieuw'),
           ('midden', 'voorjaar', '[2091-02-24,2091-03-04]', 'nieuw'),
           ('noord', 'voorjaar', '[2091-02-17,2091-02-25]', 'nieuw'),
           ('zuid', 'voorjaar', '[2091-02-24,2091-03-04]', 'nieuw')$$,
  'two documents of 2090-2091: 12 holidays once each (herfst noord is in both), heel Nederland in three regions');
SELECT is((SELECT count(*) FROM geladen WHERE schooljaar <> '2090-2091'), 0::bigint, 'schoolyear with a trailing space is 2090-2091');
SELECT is((SELECT bron FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('zuid', '2090-2091', 'herfst')),
          'Rijksoverheid open data https://example.org/verzuim-fixture/2090-2091; geladen 2090-10-21 t/m 2090-10-29',
          'the source names the document and the dates loaded');
SELECT is((SELECT bool_and(NOT geleverd) FROM verzuim.vakantie WHERE schooljaar = '2090-2091'), true,
          'loaded rows are the user''s (dumped by pg_dump)');
SELECT is(verzuim.is_lesdag('2090-10-16', 'noord'), false, 'the loaded herfstvakantie is used at once');
SELECT is((SELECT ontbreekt FROM verzuim.kalender_dekking WHERE schooljaar = '2090-2091' AND regio = 'zuid'),
          '{"zomer (vorig schooljaar)",zomer}'::text[], 'kalender_dekking: 2090-2091 lacks only the zomervakanties');
SELECT results_eq(format($$SELECT actie, count(*) FROM verzuim.vakanties_laden_bestand(%L) GROUP BY 1$$,
                         (SELECT dir FROM pad) || 'schoolvakanties_lijst.json'),
                  $$VALUES ('ongewijzigd', 12::bigint)$$, 'loading the same documents again changes nothing');

-- user edits are kept; shipped rows and loaded rows follow new data ---------------------
UPDATE verzuim.vakantie SET periode = '[2090-10-16,2090-10-20]' WHERE (regio, schooljaar, soort) = ('midden', '2090-2091', 'herfst');
DELETE FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('zuid', '2027-2028', 'mei');
UPDATE verzuim.vakantie SET bron = 'eigen rooster' WHERE (regio, schooljaar, soort) = ('noord', '2090-2091', 'kerst');
CREATE TEMP TABLE tweede AS
SELECT * FROM verzuim.vakanties_laden($$
{"content": [{"schoolyear": "2090-2091", "vacations": [
  {"type": "Herfstvakantie", "regions": [
     {"region": "noord", "startdate": "2090-10-20T22:00:00.000Z", "enddate": "2090-10-28T22:00:00.000Z"},
     {"region": "midden", "startdate": "2090-10-20T22:00:00.000Z", "enddate": "2090-10-28T22:00:00.000Z"}]},
  {"type": "Kerstvakantie", "regions": [
     {"region": "noord", "startdate": "2090-12-16", "enddate": "2090-12-31"}]}]},
 {"schoolyear": "2027-2028", "vacations": [
  {"type": "Meivakantie", "regions": [
     {"region": "heel Nederland", "startdate": "2028-04-21T22:00:00.000Z", "enddate": "2028-04-29T22:00:00.000Z"}]}]}]}
$$::jsonb);
SELECT results_eq($$SELECT regio, schooljaar, soort, actie FROM tweede$$,
  $$VALUES ('noord', '2027-2028', 'mei', 'bijgewerkt'), ('midden', '2027-2028', 'mei', 'bijgewerkt'),
           ('zuid', '2027-2028', 'mei', 'behouden'),
           ('noord', '2090-2091', 'herfst', 'bijgewerkt'), ('midden', '2090-2091', 'herfst', 'behouden'),
           ('noord', '2090-2091', 'kerst', 'behouden')$$,
  'a row loaded before follows, a row the user changed (dates or source) or deleted is kept, shipped rows follow');
SELECT is((SELECT periode FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('midden', '2090-2091', 'herfst')),
          '[2090-10-16,2090-10-20]'::daterange, '... the user''s dates are still there');
SELECT is((SELECT periode IS NULL FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('zuid', '2027-2028', 'mei')),
          true, '... the deleted shipped row stays deleted');
SELECT is((SELECT periode::text || ' ' || geleverd FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('noord', '2027-2028', 'mei')),
          '[2028-04-22,2028-05-01) false', '... a shipped row got the new dates and is now a user row');
SELECT is((SELECT periode FROM verzuim.vakantie WHERE (regio, schooljaar, soort) = ('noord', '2090-2091', 'herfst')),
          '[2090-10-21,2090-10-29]'::daterange, '... and the loaded row too');

-- all or nothing, a clear error per bad element -------------------------------------------
SELECT is(pg_temp.fout(format($$SELECT verzuim.vakanties_laden_bestand(%L)$$, (SELECT dir FROM pad) || 'schoolvakanties_fouten.json')),
          E'22023\n' ||
          E'document 1, content 1, vacation 1 (herfst), region 1: region is missing or not noord, midden, zuid or heel Nederland\n' ||
          E'document 1, content 1, vacation 1 (herfst), region 2: startdate is missing or not a date (YYYY-MM-DD) or a time with a zone (2026-10-09T22:00:00.000Z)\n' ||
          E'document 1, content 1, vacation 1 (herfst), region 3: enddate is before startdate\n' ||
          E'document 1, content 1, vacation 1 (herfst), region 4: startdate is missing or not a date (YYYY-MM-DD) or a time with a zone (2026-10-09T22:00:00.000Z)\n' ||
          E'document 1, content 1, vacation 2: type is missing or not one of Herfstvakantie, Kerstvakantie, Voorjaarsvakantie, Meivakantie, Zomervakantie\n' ||
          E'document 1, content 1, vacation 3 (zomer), region 1: startdate is not in schooljaar 2090-2091\n' ||
          E'document 1, content 1, vacation 5 (mei): regions is missing, empty or not a list\n' ||
          E'document 1, content 2: schoolyear is missing or not two consecutive years like 2026-2027\n' ||
          E'document 1, content 3: vacations is missing or not a list\n' ||
          E'document 2: not a JSON object\n' ||
          E'... and 1 more',
          'every bad element is named by its position (first ten), SQLSTATE of the first');
SELECT is(pg_temp.fout($$SELECT verzuim.vakanties_laden('{"content": {"schoolyear": "2090-2091", "vacations": [
  {"type": "Kerstvakantie", "regions": [
    {"region": "heel Nederland", "startdate": "2090-12-22T23:00:00.000Z", "enddate": "2091-01-06T23:00:00.000Z"},
    {"region": "noord", "startdate": "2090-12-29T23:00:00.000Z", "enddate": "2091-01-06T23:00:00.000Z"}]}]}}')$$),
          E'22023\nkerst 2090-2091 noord: different dates in document 1, vacation 1',
          'one holiday with two different dates (heel Nederland and noord)');
SELECT is(pg_temp.fout($$SELECT verzuim.vakanties_laden('[{"content": {"schoolyear": "2090-2091", "vacations": [
  {"type": "Meivakantie", "regions": [{"region": "zuid", "startdate": "2091-04-28", "enddate": "2091-05-06"}]}]}},
  {"content": {"schoolyear": "2090-2091", "vacations": [
  {"type": "Meivakantie", "regions": [{"region": "zuid", "startdate": "2091-04-21", "enddate": "2091-05-06"}]}]}}]')$$),
          E'22023\nmei 2090-2091 zuid: different dates in document 1, vacation 1 and document 2, vacation 1',
          'one holiday with different dates in two documents');
SELECT is(pg_temp.fout($$SELECT verzuim.vakanties_laden('{"content": {"schoolyear": "2091-2092", "vacations": [
  {"type": "Herfstvakantie", "regions": [{"region": "noord", "startdate": "2091-10-13", "enddate": "2091-10-21"}]},
  {"type": "Zomervakantie", "regions": [{"region": "noord", "startdate": "2092-07-12", "enddate": "2092-10-20"}]}]}}')$$),
          E'22008\ndocument 1, vacation 2 (zomer), region 1: longer than 92 days', 'a holiday longer than 92 days');
SELECT is((SELECT count(*) FROM verzuim.vakantie WHERE schooljaar = '2091-2092'), 0::bigint,
          'a document with one bad element loads nothing, not even its good herfstvakantie');
SELECT throws_ok($$SELECT verzuim.vakanties_laden('"schoolvakanties"')$$, '22023', NULL, 'a JSON string is not a document');
SELECT throws_ok($$SELECT verzuim.vakanties_laden(NULL)$$, '22004', NULL, 'NULL: 22004');
SELECT results_eq($$SELECT count(*) FROM verzuim.vakanties_laden('[]')$$, $$VALUES (0::bigint)$$, 'an empty list loads nothing');

-- the file wrapper: the CSV loader's rules ------------------------------------------------
SELECT throws_ok($$SELECT verzuim.vakanties_bestand('test/data/vakanties/schoolvakanties_lijst.json')$$, '42602', NULL, 'a relative path: 42602');
SELECT throws_ok(format($$SELECT verzuim.vakanties_bestand(%L)$$, (SELECT dir FROM pad) || 'bestaat_niet.json'), '58P01', NULL, 'a missing file: 58P01');
SELECT throws_ok(format($$SELECT verzuim.vakanties_bestand(%L)$$, (SELECT dir FROM pad)), '42809', NULL, 'a directory: 42809');
CREATE ROLE verzuim_vak_gewoon;
GRANT USAGE ON SCHEMA verzuim TO verzuim_vak_gewoon;
GRANT SELECT ON pad TO verzuim_vak_gewoon;
SET LOCAL ROLE verzuim_vak_gewoon;
SELECT throws_ok(format($$SELECT verzuim.vakanties_bestand(%L)$$, (SELECT dir FROM pad) || 'schoolvakanties_lijst.json'),
                 '42501', NULL, 'without pg_read_server_files: 42501');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
\set weg `rm -rf :'data'`
