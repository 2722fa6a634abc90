-- pgTAP: the bad-input catalogue (issue 7, item 5).
--
-- Every case calls one public function, aggregate, type input, setting or the
-- CSV loader with bad input and asserts
--   1. the SQLSTATE (a specific one: never XX000, never a crash), and
--   2. that the message (with detail and hint) names the problem (a pattern)
--      and holds no pupil data: the planted pupil id 48151623, birth date
--      2013-05-17 and absence date 2024-03-14 never appear in it.
-- The cases are rows of one table, so adding a case is adding a row.  The
-- binary input of duurverdeling is fed through COPY ... (FORMAT binary) from a
-- file written with lo_export; the serialized states of the aggregates are
-- fed to their deserialize functions by test/suites/60_geheugen.sh.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SET LOCAL client_min_messages = warning;

-- a small world for the loader cases: one gemeente, one school, the planted pupil
INSERT INTO verzuim.gemeente VALUES ('GM0363', 'Amsterdam');
INSERT INTO verzuim.school VALUES ('12AB00', 'Testschool', 'GM0363', 'noord', NULL);
INSERT INTO verzuim.leerling VALUES (48151623, '2013-05-17', 'GM0363', NULL, NULL);
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort)
VALUES (48151623, '12AB00', '[2019-08-19,)', 'po');

CREATE TEMP TABLE geval (
  nr       serial PRIMARY KEY,
  object   text NOT NULL,      -- what is called
  omschr   text NOT NULL,      -- what is wrong
  sql      text NOT NULL,
  sqlstate text NOT NULL,      -- expected
  patroon  text NOT NULL       -- the message, detail or hint must match this (case-insensitive)
);

-- shorthands for values
CREATE TEMP TABLE w AS SELECT
  '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=1;lopend=1;som=5;som_lopend=7;5:1/0,7:0/1}'::text AS goed,
  '{v1;eenheid=lesdagen;regio=noord;peildatum=2025-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}'::text AS les;

INSERT INTO geval (object, omschr, sql, sqlstate, patroon) VALUES
-- school calendar ----------------------------------------------------------------
('schooljaar', 'infinite date', $$SELECT verzuim.schooljaar('infinity')$$, '22008', 'finite'),
('schooljaar', '-infinity', $$SELECT verzuim.schooljaar('-infinity')$$, '22008', 'finite'),
('schooljaar_periode', 'not two years', $$SELECT verzuim.schooljaar_periode('2023')$$, '22P02', 'schooljaar'),
('schooljaar_periode', 'years not consecutive', $$SELECT verzuim.schooljaar_periode('2023-2025')$$, '22P02', 'consecutive'),
('schooljaar_periode', 'signs and spaces', $$SELECT verzuim.schooljaar_periode(' 2023-2024')$$, '22P02', 'schooljaar'),
('schooljaar_periode', 'empty', $$SELECT verzuim.schooljaar_periode('')$$, '22P02', 'schooljaar'),
('schooljaar_periode', 'year 0', $$SELECT verzuim.schooljaar_periode('0000-0001')$$, '22008', 'out of range'),
('schooljaar_periode', 'long input is cut to 64 characters', $$SELECT verzuim.schooljaar_periode(repeat('9', 100000))$$, '22P02', '"9{64}\.\.\."'),
('pasen', 'year 0', $$SELECT verzuim.pasen(0)$$, '22008', 'year|jaar'),
('pasen', 'year beyond the date range', $$SELECT verzuim.pasen(2147483647)$$, '22008', 'year|jaar'),
('pasen', 'negative year', $$SELECT verzuim.pasen(-5)$$, '22008', 'year|jaar'),
('feestdagen', 'year 0', $$SELECT * FROM verzuim.feestdagen(0)$$, '22008', 'year|jaar'),
('feestdagen', 'year beyond the calendar', $$SELECT * FROM verzuim.feestdagen(300000)$$, '22008', 'year|jaar'),
('is_lesdag', 'unknown regio', $$SELECT verzuim.is_lesdag('2024-03-14', 'west')$$, '22023', 'vakantieregio'),
('is_lesdag', 'empty regio', $$SELECT verzuim.is_lesdag('2024-03-14', '')$$, '22023', 'vakantieregio'),
('is_lesdag', 'long regio cut to 64 characters', $$SELECT verzuim.is_lesdag('2024-03-14', repeat('x', 5000))$$, '22023', 'x{64}\.\.\.'),
('is_lesdag', 'no regio and no default', $$SELECT verzuim.is_lesdag('2024-03-14')$$, '22004', 'vakantieregio'),
('is_lesdag', 'date before the calendar', $$SELECT verzuim.is_lesdag('1950-01-02', 'noord')$$, '22008', 'calendar'),
('is_lesdag', 'date after the calendar', $$SELECT verzuim.is_lesdag('2200-01-02', 'noord')$$, '22008', 'calendar'),
('is_lesdag', 'infinite date', $$SELECT verzuim.is_lesdag('infinity', 'noord')$$, '22008', 'finite'),
('is_lesdag', 'unknown school', $$SELECT verzuim.is_lesdag('2024-03-14', 'noord', '99ZZ99')$$, '23503', 'school'),
('is_lesdag', 'school in another regio', $$SELECT verzuim.is_lesdag('2024-03-14', 'zuid', '12AB00')$$, '22023', 'vakantieregio|regio'),
('is_lesdag', 'schooljaar without holiday data', $$SELECT verzuim.is_lesdag('2027-05-03', 'noord')$$, '22023', 'holiday|vakantie'),
('lesdagen', 'unbounded period', $$SELECT verzuim.lesdagen('[2024-01-01,)', 'noord')$$, '22008', 'bound|unbounded'),
('lesdagen', 'unbounded start', $$SELECT verzuim.lesdagen('(,2024-01-01)', 'noord')$$, '22008', 'bound|unbounded'),
('lesdagen', 'period outside the calendar', $$SELECT verzuim.lesdagen('[1950-01-01,1950-02-01)', 'noord')$$, '22008', 'calendar'),
('lesdagen', 'unknown regio', $$SELECT verzuim.lesdagen('[2024-01-01,2024-02-01)', 'oost')$$, '22023', 'vakantieregio'),
('lesdagen', 'unknown school', $$SELECT verzuim.lesdagen('[2024-01-01,2024-02-01)', 'noord', 'nope')$$, '23503', 'school'),
('lesdagen', 'infinite bound', $$SELECT verzuim.lesdagen('[2024-01-01,infinity)', 'noord')$$, '22008', 'finite|bound|calendar'),
-- leerplicht ----------------------------------------------------------------------
('leerplicht_periode', 'birth date before 1964-07-01', $$SELECT verzuim.leerplicht_periode('1950-01-01')$$, '22008', 'geboortedatum'),
('leerplicht_periode', 'birth date after 2082-08-01', $$SELECT verzuim.leerplicht_periode('2090-01-01')$$, '22008', 'geboortedatum'),
('leerplicht_periode', 'infinite birth date', $$SELECT verzuim.leerplicht_periode('infinity')$$, '22008', 'finite|geboortedatum'),
('leerplicht_periode', 'first enrolment before birth', $$SELECT verzuim.leerplicht_periode('2013-05-17', '2012-01-01', 'noord')$$, '22023', 'inschrijving|birth|geboorte'),
('leerplicht_periode', 'unknown regio', $$SELECT verzuim.leerplicht_periode('2013-05-17', NULL, 'west')$$, '22023', 'vakantieregio'),
('leerplicht_periode', 'infinite first enrolment', $$SELECT verzuim.leerplicht_periode('2013-05-17', 'infinity', 'noord')$$, '22008', 'finite|inschrijving'),
('kwalificatieplicht_periode', 'startkwalificatie before birth', $$SELECT verzuim.kwalificatieplicht_periode('2013-05-17', '2010-01-01')$$, '22023', 'startkwalificatie'),
('kwalificatieplicht_periode', 'infinite birth date', $$SELECT verzuim.kwalificatieplicht_periode('-infinity')$$, '22008', 'finite|geboortedatum'),
('kwalificatieplicht_periode', 'unknown regio', $$SELECT verzuim.kwalificatieplicht_periode('2013-05-17', NULL, NULL, 'x')$$, '22023', 'vakantieregio'),
('leerplicht_status', 'infinite peildatum', $$SELECT verzuim.leerplicht_status('2013-05-17', 'infinity')$$, '22008', 'finite|peildatum'),
('leerplicht_status', 'birth date out of range', $$SELECT verzuim.leerplicht_status('1900-01-01', '2024-03-14')$$, '22008', 'geboortedatum'),
('leerplicht_status', 'startkwalificatie before birth', $$SELECT verzuim.leerplicht_status('2013-05-17', '2024-03-14', '2001-01-01')$$, '22023', 'startkwalificatie'),
('leerplicht_status', 'unknown regio', $$SELECT verzuim.leerplicht_status('2013-05-17', '2024-03-14', NULL, NULL, 'oost')$$, '22023', 'vakantieregio'),
('leeftijd', 'infinite peildatum', $$SELECT verzuim.leeftijd('2013-05-17', 'infinity')$$, '22008', 'finite|peildatum'),
('leeftijd', 'infinite birth date', $$SELECT verzuim.leeftijd('-infinity', '2024-03-14')$$, '22008', 'finite|geboortedatum'),
('leeftijd', 'peildatum before birth', $$SELECT verzuim.leeftijd('2013-05-17', '2001-01-01')$$, '22023', 'peildatum|before|geboorte'),
-- episodes and thuiszit --------------------------------------------------------------
('episodes', 'unknown regio', $$SELECT verzuim.episodes(d, 'west') FROM (VALUES ('2024-03-14'::date)) v(d)$$, '22023', 'vakantieregio'),
('episodes', 'date outside the calendar', $$SELECT verzuim.episodes(d, 'noord') FROM (VALUES ('9999-12-31'::date)) v(d)$$, '22008', 'calendar'),
('episodes', 'infinite date', $$SELECT verzuim.episodes(d, 'noord') FROM (VALUES ('infinity'::date)) v(d)$$, '22008', 'finite|calendar'),
('episodes', 'regio NULL without default', $$SELECT verzuim.episodes(d, NULL) FROM (VALUES ('2024-03-14'::date)) v(d)$$, '22004', 'vakantieregio'),
('episodes', 'unknown school', $$SELECT verzuim.episodes(d, 'noord', 'nope') FROM (VALUES ('2024-03-14'::date)) v(d)$$, '23503', 'school'),
('episodes', 'a brin too long', $$SELECT verzuim.episodes(d, 'noord', repeat('Z', 3000)) FROM (VALUES ('2024-03-14'::date)) v(d)$$, '22023', 'brin is too long'),
('is_lesdag', 'a long unknown school is cut to 64 characters', $$SELECT verzuim.is_lesdag('2024-03-14', 'noord', repeat('Z', 3000))$$, '23503', 'Z{64}\.\.\.'),
('episodes', 'schooljaar without holiday data', $$SELECT verzuim.episodes(d, 'noord') FROM (VALUES ('2027-04-23'::date), ('2027-05-10'::date)) v(d)$$, '22023', 'holiday|vakantie'),
('thuiszit', 'unbounded start', $$SELECT verzuim.thuiszit('(,2024-03-14)', '2024-06-30', 'noord')$$, '22023', 'start'),
('thuiszit', 'infinite peildatum', $$SELECT verzuim.thuiszit('[2024-03-14,)', 'infinity', 'noord')$$, '22008', 'finite|peildatum|calendar'),
('thuiszit', 'unknown regio', $$SELECT verzuim.thuiszit('[2024-03-14,)', '2024-06-30', 'west')$$, '22023', 'vakantieregio'),
('thuiszit', 'peildatum outside the calendar', $$SELECT verzuim.thuiszit('[2024-03-14,)', '2200-06-30', 'noord')$$, '22008', 'calendar'),
('thuiszit', 'start outside the calendar', $$SELECT verzuim.thuiszit('[1950-03-14,)', '2024-06-30', 'noord')$$, '22008', 'calendar'),
('thuiszit', 'empty episode', $$SELECT verzuim.thuiszit('empty', '2024-06-30', 'noord')$$, '22023', 'empty'),
('absoluut_verzuim', 'infinite peildatum', $$SELECT * FROM verzuim.absoluut_verzuim('infinity')$$, '22008', 'finite|peildatum'),
-- the duration summary: text input -----------------------------------------------------
('duurverdeling_in', 'empty', $$SELECT ''::verzuim.duurverdeling$$, '22P02', 'duurverdeling'),
('duurverdeling_in', 'not a summary', $$SELECT 'hello'::verzuim.duurverdeling$$, '22P02', 'duurverdeling'),
('duurverdeling_in', 'version 3', $$SELECT '{v3;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;}'::verzuim.duurverdeling$$, '22P02', 'version'),
('duurverdeling_in', 'truncated', $$SELECT left((SELECT goed FROM w), 40)::verzuim.duurverdeling$$, '22P02', 'duurverdeling'),
('duurverdeling_in', 'no closing brace', $$SELECT rtrim((SELECT goed FROM w), '}')::verzuim.duurverdeling$$, '22P02', 'duurverdeling'),
('duurverdeling_in', 'trailing garbage', $$SELECT ((SELECT goed FROM w) || 'x')::verzuim.duurverdeling$$, '22P02', 'end of the input'),
('duurverdeling_in', 'fields reordered', $$SELECT '{v1;peildatum=2025-06-30;eenheid=kalenderdagen;gesloten=0;lopend=0;som=0;som_lopend=0;}'::verzuim.duurverdeling$$, '22P02', 'eenheid'),
('duurverdeling_in', 'entries reordered', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=1;lopend=1;som=5;som_lopend=7;7:0/1,5:1/0}'::verzuim.duurverdeling$$, '22P02', 'increasing'),
('duurverdeling_in', 'duplicate duration', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=2;lopend=0;som=10;som_lopend=0;5:1/0,5:1/0}'::verzuim.duurverdeling$$, '22P02', 'increasing'),
('duurverdeling_in', 'inconsistent gesloten', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=2;lopend=1;som=5;som_lopend=7;5:1/0,7:0/1}'::verzuim.duurverdeling$$, '22P02', 'inconsistent'),
('duurverdeling_in', 'inconsistent som', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=1;lopend=1;som=6;som_lopend=7;5:1/0,7:0/1}'::verzuim.duurverdeling$$, '22P02', 'inconsistent'),
('duurverdeling_in', 'negative duration', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=1;lopend=0;som=-5;som_lopend=0;-5:1/0}'::verzuim.duurverdeling$$, '22P02', 'negative'),
('duurverdeling_in', 'negative count', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=-1;lopend=0;som=-5;som_lopend=0;5:-1/0}'::verzuim.duurverdeling$$, '22P02', 'negative'),
('duurverdeling_in', 'empty entry', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;5:0/0}'::verzuim.duurverdeling$$, '22P02', 'empty entry'),
('duurverdeling_in', 'number beyond bigint', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=99999999999999999999;lopend=0;som=5;som_lopend=0;5:1/0}'::verzuim.duurverdeling$$, '22P02', 'out of range'),
('duurverdeling_in', 'duration beyond int4', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=1;lopend=0;som=3000000000;som_lopend=0;3000000000:1/0}'::verzuim.duurverdeling$$, '22P02', 'out of range'),
('duurverdeling_in', 'counts overflow in the sum of entries', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;1:9223372036854775807/0,2:9223372036854775807/0}'::verzuim.duurverdeling$$, '22P02', 'out of range'),
('duurverdeling_in', 'gesloten + lopend overflow', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=9223372036854775807;lopend=1;som=9223372036854775807;som_lopend=1;1:9223372036854775807/0,2:0/1}'::verzuim.duurverdeling$$, '22P02', 'out of range'),
('duurverdeling_in', 'som overflow', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=4611686018427387904;lopend=0;som=0;som_lopend=0;4:4611686018427387904/0}'::verzuim.duurverdeling$$, '22P02', 'out of range'),
('duurverdeling_in', 'unknown unit', $$SELECT '{v1;eenheid=weken;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;}'::verzuim.duurverdeling$$, '22P02', 'kalenderdagen or lesdagen'),
('duurverdeling_in', 'unknown regio', $$SELECT '{v1;eenheid=lesdagen;regio=west;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;}'::verzuim.duurverdeling$$, '22P02', 'noord, midden or zuid'),
('duurverdeling_in', 'regio twice', $$SELECT '{v1;eenheid=lesdagen;regio=noord+noord;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;}'::verzuim.duurverdeling$$, '22P02', 'twice'),
('duurverdeling_in', 'regio in kalenderdagen', $$SELECT '{v1;eenheid=kalenderdagen;regio=noord;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;}'::verzuim.duurverdeling$$, '22P02', 'duurverdeling'),
('duurverdeling_in', 'impossible peildatum', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2023-02-29;gesloten=0;lopend=0;som=0;som_lopend=0;}'::verzuim.duurverdeling$$, '22P02', 'peildatum'),
('duurverdeling_in', 'infinite peildatum', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=infinity;gesloten=0;lopend=0;som=0;som_lopend=0;}'::verzuim.duurverdeling$$, '22P02', 'date'),
('duurverdeling_in', 'peildatum beyond the date range', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=9999999-01-01;gesloten=0;lopend=0;som=0;som_lopend=0;}'::verzuim.duurverdeling$$, '22P02', 'peildatum'),
('duurverdeling_in', 'a 2 MB bad value is cut to 64 characters', $$SELECT ('{v1;' || repeat('x', 2000000))::verzuim.duurverdeling$$, '22P02', '"\{v1;x{60}\.\.\."'),
('duurverdeling_in', 'too many entries for an int32 count', $$SELECT ('{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;' || repeat('1:1/0,', 3) || '}')::verzuim.duurverdeling$$, '22P02', 'increasing|duurverdeling'),
('duurverdeling_in', 'NUL-free control characters', $$SELECT E'{v1;eenheid=kalenderdagen;\x01}'::verzuim.duurverdeling$$, '22P02', 'duurverdeling'),
-- accessors ---------------------------------------------------------------------------
('percentiel', 'p above 1', $$SELECT verzuim.percentiel((SELECT goed FROM w)::verzuim.duurverdeling, 1.5)$$, '22023', 'percentile'),
('percentiel', 'p below 0', $$SELECT verzuim.percentiel((SELECT goed FROM w)::verzuim.duurverdeling, -0.1)$$, '22023', 'percentile'),
('percentiel', 'p NaN', $$SELECT verzuim.percentiel((SELECT goed FROM w)::verzuim.duurverdeling, 'NaN')$$, '22023', 'percentile'),
('beperkt_gemiddelde', 'negative horizon', $$SELECT verzuim.beperkt_gemiddelde((SELECT goed FROM w)::verzuim.duurverdeling, -1)$$, '22023', 'horizon'),
('aandeel_langer_dan', 'crafted counts that overflow', $$SELECT verzuim.aandeel_langer_dan('{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=9223372036854775807;lopend=1;som=9223372036854775807;som_lopend=1;1:9223372036854775807/0,2:0/1}', 1)$$, '22P02', 'out of range'),
('aantal', 'crafted counts that overflow', $$SELECT verzuim.aantal('{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=9223372036854775807;lopend=1;som=9223372036854775807;som_lopend=1;1:9223372036854775807/0,2:0/1}')$$, '22P02', 'out of range'),
('doorloopsnelheid', 'crafted sums that overflow', $$SELECT verzuim.doorloopsnelheid('{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=1;lopend=1;som=9223372036854775807;som_lopend=2;9223372036854775807:1/0}'::verzuim.duurverdeling)$$, '22P02', 'out of range|duurverdeling'),
-- aggregates over durations -------------------------------------------------------------
('duur_agg', 'peildatum NULL', $$SELECT verzuim.duur_agg(e, NULL) FROM (VALUES ('[2024-03-14,2024-03-20)'::daterange)) v(e)$$, '22004', 'peildatum'),
('duur_agg', 'peildatum differs within a group', $$SELECT verzuim.duur_agg(e, p) FROM (VALUES ('[2024-03-14,2024-03-20)'::daterange, '2024-06-30'::date), ('[2024-03-14,2024-03-20)', '2024-07-01')) v(e, p)$$, '22023', 'peildatum'),
('duur_agg', 'episode without a start', $$SELECT verzuim.duur_agg(e, '2024-06-30') FROM (VALUES ('(,2024-03-20)'::daterange)) v(e)$$, '22008', 'start'),
('duur_agg', 'infinite peildatum', $$SELECT verzuim.duur_agg(e, 'infinity') FROM (VALUES ('[2024-03-14,2024-03-20)'::daterange)) v(e)$$, '22008', 'finite|peildatum'),
('duur_agg', 'lesdagen: unknown regio', $$SELECT verzuim.duur_agg(e, '2024-06-30', 'west') FROM (VALUES ('[2024-03-14,2024-03-20)'::daterange)) v(e)$$, '22023', 'vakantieregio'),
('duur_agg', 'lesdagen: outside the calendar', $$SELECT verzuim.duur_agg(e, '2024-06-30', 'noord') FROM (VALUES ('[1950-03-14,1950-03-20)'::daterange)) v(e)$$, '22008', 'calendar'),
('doorloopsnelheid agg', 'peildatum NULL', $$SELECT verzuim.doorloopsnelheid(e, NULL::date) FROM (VALUES ('[2024-03-14,2024-03-20)'::daterange)) v(e)$$, '22004', 'peildatum'),
('doorloopsnelheid agg', 'unknown regio', $$SELECT verzuim.doorloopsnelheid(e, '2024-06-30'::date, 'x') FROM (VALUES ('[2024-03-14,2024-03-20)'::daterange)) v(e)$$, '22023', 'vakantieregio'),
('samenvoegen', 'different peildata', $$SELECT verzuim.samenvoegen(s) FROM (VALUES ((SELECT goed FROM w)::verzuim.duurverdeling), (replace((SELECT goed FROM w), '2025-06-30', '2025-07-01')::verzuim.duurverdeling)) v(s)$$, '22023', 'peildat'),
('samenvoegen', 'different units', $$SELECT verzuim.samenvoegen(s) FROM (VALUES ((SELECT goed FROM w)::verzuim.duurverdeling), ((SELECT les FROM w)::verzuim.duurverdeling)) v(s)$$, '22023', 'unit'),
('samenvoegen', 'the merged counts overflow', $$SELECT verzuim.samenvoegen(s) FROM (VALUES ('{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=4611686018427387904;lopend=0;som=4611686018427387904;som_lopend=0;1:4611686018427387904/0}'::verzuim.duurverdeling), ('{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=4611686018427387904;lopend=0;som=4611686018427387904;som_lopend=0;1:4611686018427387904/0}')) v(s)$$, '22003', 'out of range'),
-- CSV helpers -----------------------------------------------------------------------------
('csv_veldfout', 'type OID 0', $$SELECT verzuim.csv_veldfout('x', 0::regtype)$$, '42704', 'type'),
('csv_veldfout', 'a type that does not exist', $$SELECT verzuim.csv_veldfout('x', 4294967295::oid::regtype)$$, '42704', 'type'),
('csv_veldfout', 'an unsupported type', $$SELECT verzuim.csv_veldfout('x', 'point'::regtype)$$, '0A000', 'does not support'),
('csv_veldfout', 'a negative type modifier', $$SELECT verzuim.csv_veldfout('1.5', 'numeric'::regtype, -7)$$, '22023', 'modifier'),
('csv_tabel', 'unknown table', $$SELECT verzuim.csv_kolommen('nope')$$, '42P01', 'does not exist'),
('csv_tabel', 'not a table of verzuim', $$SELECT verzuim.csv_kolommen('pg_catalog.pg_class')$$, '42809', 'not a table of verzuim'),
('csv_tabel', 'NULL table', $$SELECT verzuim.csv_kolommen(NULL)$$, '22004', 'tabel'),
('csv_regels_bestand', 'relative path', $$SELECT * FROM verzuim.csv_regels_bestand('relative.csv')$$, '42602|22023', 'absolute'),
('csv_regels_bestand', 'a file that does not exist', $$SELECT * FROM verzuim.csv_regels_bestand('/nonexistent/verzuim.csv')$$, '58P01', 'could not open'),
('csv_regels_bestand', 'a directory', $$SELECT * FROM verzuim.csv_regels_bestand('/tmp')$$, '42809|58P01|22023', 'directory'),
('controleer_csv', 'NULL path', $$SELECT * FROM verzuim.controleer_csv('afwezigheid', NULL)$$, '22004', 'pad'),
('controleer_csv_tekst', 'NULL content', $$SELECT * FROM verzuim.controleer_csv_tekst('afwezigheid', NULL)$$, '22004', 'inhoud'),
('controleer_csv_tekst', 'max_regels 0', $$SELECT * FROM verzuim.controleer_csv_tekst('gemeente', 'gemeentecode,naam', NULL, 0)$$, '22023', 'max_regels'),
('laad_csv', 'NULL path', $$SELECT verzuim.laad_csv('afwezigheid', NULL)$$, '22004', 'pad'),
('laad_csv_tekst', 'NULL content', $$SELECT verzuim.laad_csv_tekst('afwezigheid', NULL)$$, '22004', 'inhoud'),
('laad_csv_tekst', 'unknown table', $$SELECT verzuim.laad_csv_tekst('leerlingen', 'x')$$, '42P01', 'does not exist'),
-- the loader, one bad line each (nothing loads; the detail names line and column, never a value)
('laad_csv_tekst', 'empty file', $$SELECT verzuim.laad_csv_tekst('afwezigheid', '')$$, '22P04', 'empty'),
('laad_csv_tekst', 'header only of another table', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'gemeentecode,naam\nGM0014,Groningen\n')$$, '22P04', 'header'),
('laad_csv_tekst', 'required column missing', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden\n48151623,12AB00,2024-03-14,ziek\n')$$, '22P04', 'required column'),
('laad_csv_tekst', 'semicolons', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id;brin;datum;reden;uren\n48151623;12AB00;2024-03-14;ziek;6\n')$$, '22P04', 'header'),
('laad_csv_tekst', 'too many fields', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,2024-03-14,ziek,6,7\n')$$, '22P04', 'fields'),
('laad_csv_tekst', 'unclosed quote', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,"12AB00,2024-03-14,ziek,6\n')$$, '22P04', 'quote'),
('laad_csv_tekst', 'bad date', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,14-03-2024,ziek,6\n')$$, '22007', 'line 2'),
('laad_csv_tekst', 'impossible date', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,2024-02-30,ziek,6\n')$$, '22008', 'line 2'),
('laad_csv_tekst', 'date 9999-12-31 outside the calendar', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,9999-12-31,ziek,6\n')$$, '22008', 'line 2, column datum: outside the school calendar'),
('laad_csv_tekst', 'date before the calendar', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,1900-01-01,ziek,6\n')$$, '22008', 'outside the school calendar'),
('laad_csv_tekst', 'unknown reden', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,2024-03-14,griep,6\n')$$, '22P02', 'line 2, column reden'),
('laad_csv_tekst', 'negative hours', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,2024-03-14,ziek,-6\n')$$, '23514', 'line 2, column uren'),
('laad_csv_tekst', 'hours beyond a school day', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,2024-03-14,ziek,11\n')$$, '23514', 'line 2, column uren'),
('laad_csv_tekst', 'hours summed beyond a school day', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,2024-03-14,ziek,6\n48151623,12AB00,2024-03-14,ongeoorloofd,6\n')$$, '23514', 'uren'),
('laad_csv_tekst', 'hours not a number', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,2024-03-14,ziek,zes\n')$$, '22P02', 'line 2, column uren'),
('laad_csv_tekst', 'unknown pupil', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151624,12AB00,2024-03-14,ziek,6\n')$$, '23503', 'line 2'),
('laad_csv_tekst', 'unknown school', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,99ZZ99,2024-03-14,ziek,6\n')$$, '23503', 'line 2'),
('laad_csv_tekst', 'empty required field', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,,2024-03-14,ziek,6\n')$$, '23502', 'line 2, column brin'),
('laad_csv_tekst', 'duplicate key within the file', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,2024-03-14,ziek,2\n48151623,12AB00,2024-03-14,ziek,2\n')$$, '23505', 'line 3'),
('laad_csv_tekst', 'pupil id beyond bigint', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n99999999999999999999999,12AB00,2024-03-14,ziek,6\n')$$, '22003', 'line 2, column leerling_id'),
('laad_csv_tekst', 'a NUL-free control character in a code', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n48151623,12AB00,2024-03-14,zi\x01ek,6\n')$$, '22P02', 'line 2'),
('laad_csv_tekst', 'birth date outside the calendar', $$SELECT verzuim.laad_csv_tekst('leerling', E'leerling_id,geboortedatum,woongemeente\n48151625,9999-12-31,GM0363\n')$$, '22008', 'line 2, column geboortedatum'),
('laad_csv_tekst', 'duplicate pupil already in the table', $$SELECT verzuim.laad_csv_tekst('leerling', E'leerling_id,geboortedatum,woongemeente\n48151623,2013-05-17,GM0363\n')$$, '23505', 'line 2'),
('laad_csv_tekst', 'unknown woongemeente', $$SELECT verzuim.laad_csv_tekst('leerling', E'leerling_id,geboortedatum,woongemeente\n48151625,2013-05-17,GM9999\n')$$, '23503', 'line 2'),
('laad_csv_tekst', 'startkwalificatie before birth', $$SELECT verzuim.laad_csv_tekst('leerling', E'leerling_id,geboortedatum,woongemeente,startkwalificatie_op\n48151625,2013-05-17,GM0363,2010-01-01\n')$$, '23514', 'line 2'),
('laad_csv_tekst', 'overlapping enrolment with the table', $$SELECT verzuim.laad_csv_tekst('inschrijving', E'leerling_id,brin,van,tot,onderwijssoort\n48151623,12AB00,2024-03-14,,po\n')$$, '23P01', 'line 2'),
('laad_csv_tekst', 'overlapping enrolments within the file', $$SELECT verzuim.laad_csv_tekst('inschrijving', E'leerling_id,brin,van,tot,onderwijssoort\n48151623,12AB00,2010-03-14,2010-06-01,po\n48151623,12AB00,2010-05-01,2010-05-02,po\n')$$, '23P01', 'line 3.*\(line 2\)'),
('laad_csv_tekst', 'tot before van', $$SELECT verzuim.laad_csv_tekst('inschrijving', E'leerling_id,brin,van,tot,onderwijssoort\n48151623,12AB00,2010-03-14,2010-03-01,po\n')$$, '22000', 'line 2, column tot'),
('laad_csv_tekst', 'tot without van', $$SELECT verzuim.laad_csv_tekst('vrijstelling', E'leerling_id,artikel,van,tot\n48151623,5a,,2010-03-01\n')$$, '23502', 'line 2, column van'),
('controleer_csv_tekst', 'semicolons are recognised', $$SELECT fout FROM verzuim.controleer_csv_tekst('afwezigheid', E'leerling_id;brin;datum;reden;uren\n48151623;12AB00;2024-03-14;ziek;6\n') WHERE fout ~ 'semicolon' AND 1/0 = 1$$, '22012', 'division by zero'),
('laad_csv_tekst', 'unknown onderwijssoort', $$SELECT verzuim.laad_csv_tekst('inschrijving', E'leerling_id,brin,van,tot,onderwijssoort\n48151623,12AB00,2010-03-14,2010-04-01,kleuter\n')$$, '22P02', 'line 2, column onderwijssoort'),
('laad_csv_tekst', 'unknown vakantieregio of a school', $$SELECT verzuim.laad_csv_tekst('school', E'brin,naam,gemeentecode,vakantieregio\n12AB01,X,GM0363,west\n')$$, '23514', 'line 2, column vakantieregio'),
('laad_csv_tekst', 'bad timestamp', $$SELECT verzuim.laad_csv_tekst('melding', E'meldingsnummer,leerling_id,brin,soort,verzuim_van,gemeld_op,spoed\n1,48151623,12AB00,luxe,2024-03-14,yesterday,false\n')$$, '22007', 'line 2, column gemeld_op'),
('laad_csv_tekst', 'bad boolean', $$SELECT verzuim.laad_csv_tekst('melding', E'meldingsnummer,leerling_id,brin,soort,verzuim_van,gemeld_op,spoed\n1,48151623,12AB00,luxe,2024-03-14,2024-03-14 10:00,misschien\n')$$, '22P02', 'line 2, column spoed'),
('laad_csv_tekst', 'a text field too long', $$SELECT verzuim.laad_csv_tekst('gemeente', E'gemeentecode,naam\nGM00000000000000014,Groningen\n')$$, '22001|23514', 'line 2, column gemeentecode'),
('controleer_csv', 'a file with invalid UTF-8', $$SELECT * FROM verzuim.laad_csv('gemeente', '/nonexistent/x.csv')$$, '58P01', 'could not open'),
-- settings -----------------------------------------------------------------------------------
('verzuim.vakantieregio', 'unknown regio', $$SET verzuim.vakantieregio = 'west'$$, '22023', 'noord, midden and zuid'),
('verzuim.onvolledige_kalender', 'unknown value', $$SET verzuim.onvolledige_kalender = 'negeer'$$, '22023', 'fout, waarschuwing'),
('verzuim.goede_vrijdag_vrij', 'not a boolean', $$SET verzuim.goede_vrijdag_vrij = 'soms'$$, '22023', 'Boolean'),
('verzuim.bevrijdingsdag_vrij', 'unknown value', $$SET verzuim.bevrijdingsdag_vrij = 'elk_jaar'$$, '22023', 'lustrum, altijd, nooit'),
('verzuim.ziekte_in_episode', 'typo: telt-mee', $$SET verzuim.ziekte_in_episode = 'telt-mee'$$, '22023', 'telt_mee'),
('verzuim.lrv_drempel', 'not an interval', $$SET verzuim.lrv_drempel = 'vier weken'$$, '22023', 'not a valid interval'),
('verzuim.lrv_drempel', 'a time part', $$SET verzuim.lrv_drempel = '4 weeks 3 hours'$$, '22023', 'without a time part'),
('verzuim.lrv_drempel', 'zero', $$SET verzuim.lrv_drempel = '0 days'$$, '22023', 'positive'),
('verzuim.lrv_drempel', 'negative', $$SET verzuim.lrv_drempel = '-4 weeks'$$, '22023', 'positive'),
('verzuim.lrv_drempel', 'empty', $$SET verzuim.lrv_drempel = ''$$, '22023', 'duration'),
('verzuim.lrv_drempel', 'a huge interval text is cut', $$SELECT set_config('verzuim.lrv_drempel', repeat('9', 10000), true)$$, '22023', 'interval'),
('verzuim.lrv_drempel', 'years beyond int4 months', $$SET verzuim.lrv_drempel = '300000000 years'$$, '22023', 'interval'),
('verzuim.lrv_eenheid', 'unknown value', $$SET verzuim.lrv_eenheid = 'weken'$$, '22023', 'kalender, lesweken'),
('verzuim.norm', 'not an interval', $$SET verzuim.norm = 'drie maanden'$$, '22023', 'not a valid interval'),
('verzuim.norm', 'infinity', $$SET verzuim.norm = 'infinity'$$, '22023', 'interval'),
('verzuim.volledig_schooljaar', 'unknown value', $$SET verzuim.volledig_schooljaar = 'augustus'$$, '22023', 'schooljaarbegin, eerste_lesdag'),
('verzuim.*', 'an unknown setting', $$SET verzuim.ziekte_in_episodes = 'pauzeert'$$, '42602|42704', 'verzuim'),
-- protected objects ---------------------------------------------------------------------------
('registratie_omvang_maken', 'a table of another schema', $$SELECT verzuim.registratie_omvang_maken('pg_class')$$, '42809', 'not a table of verzuim'),
('kalender_gewijzigd', 'called directly', $$SELECT verzuim.kalender_gewijzigd()$$, '39P01', 'trigger'),
('vakantie', 'a holiday whose period is outside its schooljaar', $$INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode) VALUES ('noord', '2030-2031', 'herfst', '[2010-10-17,2010-10-25]')$$, '23514', 'check constraint'),
('vakantie', 'unknown regio', $$INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode) VALUES ('west', '2030-2031', 'herfst', '[2030-10-17,2030-10-25]')$$, '23514', 'regio'),
('duurverdeling_in', 'space inside a number', $$SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=1 ;lopend=0;som=5;som_lopend=0;5:1/0}'::verzuim.duurverdeling$$, '22P02', 'duurverdeling');

-- run every case in a subtransaction
CREATE FUNCTION pg_temp.probeer(p_sql text, OUT staat text, OUT tekst text)
LANGUAGE plpgsql AS $$
DECLARE
  v_msg text; v_detail text; v_hint text;
BEGIN
  BEGIN
    EXECUTE p_sql;
    staat := 'no error';
    tekst := '';
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS staat = RETURNED_SQLSTATE, v_msg = MESSAGE_TEXT,
                            v_detail = PG_EXCEPTION_DETAIL, v_hint = PG_EXCEPTION_HINT;
    tekst := concat_ws(E'\n', v_msg, nullif(v_detail, ''), nullif(v_hint, ''));
  END;
END $$;

CREATE TEMP TABLE uitkomst AS
SELECT g.*, p.staat AS kreeg, p.tekst
  FROM geval g, LATERAL pg_temp.probeer(g.sql) p;

-- plan: two tests per case, plus the binary cases and the summary tests below
SELECT plan((SELECT 2 * count(*)::int FROM uitkomst) + 2 * 12 + 3);

SELECT ok(u.kreeg ~ ('^(' || u.sqlstate || ')$'),
          format('%s [%s] %s: SQLSTATE %s', u.nr, u.object, u.omschr, u.sqlstate))
       || CASE WHEN u.kreeg ~ ('^(' || u.sqlstate || ')$') THEN ''
               ELSE format(E'\n# got %s: %s', u.kreeg, left(u.tekst, 300)) END
  FROM uitkomst u ORDER BY u.nr;

SELECT ok(u.tekst ~* u.patroon AND u.tekst !~ '48151623|2013-05-17|2024-03-14|17-05-2013|14-03-2024',
          format('%s [%s] %s: message names the problem, no pupil data', u.nr, u.object, u.omschr))
       || CASE WHEN u.tekst ~* u.patroon AND u.tekst !~ '48151623|2013-05-17|2024-03-14' THEN ''
               ELSE format(E'\n# message: %s', left(u.tekst, 300)) END
  FROM uitkomst u ORDER BY u.nr;

SELECT is((SELECT count(*) FROM uitkomst WHERE kreeg = 'XX000'), 0::bigint, 'no case gives XX000 (internal error)');
SELECT ok((SELECT count(*) FROM uitkomst) >= 150, format('at least 150 cases in the catalogue (%s)', (SELECT count(*) FROM uitkomst)));
SELECT ok((SELECT count(DISTINCT object) FROM uitkomst) >= 40, format('the cases cover %s objects', (SELECT count(DISTINCT object) FROM uitkomst)));

-------------------------------------------------------------------------------
-- Binary input of duurverdeling (COPY ... FORMAT binary): truncated,
-- reordered, oversized and inconsistent values.  The file is written with
-- lo_export (raw bytes), so the cases are exact byte strings.
-------------------------------------------------------------------------------
CREATE TEMP TABLE bin_doel (s verzuim.duurverdeling);
-- a COPY binary file of one row holding the given field bytes
CREATE FUNCTION pg_temp.copybestand(veld bytea) RETURNS bytea LANGUAGE sql AS $$
  SELECT '\x5047434f50590aff0d0a00'::bytea            -- PGCOPY\n\377\r\n\0
      || '\x00000000'::bytea || '\x00000000'::bytea     -- flags, header extension length
      || '\x0001'::bytea                                -- one field
      || int4send(length(veld)) || veld
      || '\xffff'::bytea                                -- trailer
$$;
CREATE FUNCTION pg_temp.bin_probeer(veld bytea, OUT staat text, OUT tekst text)
LANGUAGE plpgsql AS $$
DECLARE
  v_oid oid;
  v_pad text := format('/tmp/verzuim_foute_invoer_%s.bin', pg_backend_pid());
  v_msg text; v_detail text;
BEGIN
  v_oid := lo_from_bytea(0, pg_temp.copybestand(veld));
  PERFORM lo_export(v_oid, v_pad);
  PERFORM lo_unlink(v_oid);
  BEGIN
    EXECUTE format('COPY pg_temp.bin_doel FROM %L (FORMAT binary)', v_pad);
    staat := 'no error';
    tekst := '';
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS staat = RETURNED_SQLSTATE, v_msg = MESSAGE_TEXT, v_detail = PG_EXCEPTION_DETAIL;
    tekst := concat_ws(E'\n', v_msg, nullif(v_detail, ''));
  END;
END $$;

-- the binary form of the good value, from send
CREATE TEMP TABLE b AS SELECT verzuim.duurverdeling_send((SELECT goed FROM w)::verzuim.duurverdeling) AS goed;
-- layout: versie(1) eenheid(1) regios(1) peildatum(4) gesloten(8) lopend(8) som(8) som_lopend(8) n(4) = 43 bytes,
-- then n x (duur(4) gesloten(8) lopend(8))
CREATE TEMP TABLE bin_geval (omschr text, veld bytea, sqlstate text, patroon text);
INSERT INTO bin_geval SELECT x.* FROM b, LATERAL (VALUES
  ('the good value loads', b.goed, 'no error', ''),
  ('empty', ''::bytea, '22P03', 'truncated'),
  ('truncated header', substr(b.goed, 1, 20), '22P03', 'truncated'),
  ('truncated entry', substr(b.goed, 1, length(b.goed) - 3), '22P03', 'truncated'),
  ('trailing garbage', b.goed || '\x00'::bytea, '22P03', 'trailing'),
  ('version 7', overlay(b.goed placing '\x07'::bytea from 1 for 1), '22P03', 'version'),
  ('unknown unit', overlay(b.goed placing '\x05'::bytea from 2 for 1), '22P03', 'unit'),
  ('entries reordered', substr(b.goed, 1, 43) || substr(b.goed, 64, 20) || substr(b.goed, 44, 20), '22P03', 'increasing'),
  ('entry count oversized (2^31 - 1)', overlay(b.goed placing '\x7fffffff'::bytea from 40 for 4), '22P03', 'entries|truncated'),
  ('negative entry count', overlay(b.goed placing '\xffffffff'::bytea from 40 for 4), '22P03', 'entries'),
  ('inconsistent totals', overlay(b.goed placing int8send(2) from 8 for 8), '22P03', 'inconsistent'),
  ('counts that overflow', overlay(overlay(b.goed placing int8send(9223372036854775807) from 8 for 8)
                                   placing int8send(9223372036854775807) from 48 for 8), '22P03', 'out of range|inconsistent')
) x(omschr, veld, sqlstate, patroon);

CREATE TEMP TABLE bin_uitkomst AS SELECT g.*, p.staat AS kreeg, p.tekst FROM bin_geval g, LATERAL pg_temp.bin_probeer(g.veld) p;
SELECT ok(u.kreeg = u.sqlstate, format('binary duurverdeling, %s: SQLSTATE %s', u.omschr, u.sqlstate))
       || CASE WHEN u.kreeg = u.sqlstate THEN '' ELSE format(E'\n# got %s: %s', u.kreeg, left(u.tekst, 300)) END
  FROM bin_uitkomst u;
SELECT ok(u.tekst ~* u.patroon, format('binary duurverdeling, %s: message names the problem', u.omschr))
       || CASE WHEN u.tekst ~* u.patroon THEN '' ELSE format(E'\n# message: %s', left(u.tekst, 300)) END
  FROM bin_uitkomst u;

SELECT * FROM finish();
ROLLBACK;
