-- pgTAP: the quick path of the CSV loader (43_loader_snel.sql).  A load first
-- tries one INSERT ... SELECT over the file and falls back to the set-wise
-- checks of csv_verwerk when that INSERT fails or may break a rule that
-- INSERT does not enforce.  Checked here: a clean file takes the quick path
-- (no call of csv_veldfout, which only the full checks use), in file order,
-- firing the table's triggers; and every case where the INSERT alone would
-- accept what the loader refuses still gives the loader's answer: a field in
-- a format the type accepts but the loader does not, the hours of a day over
-- the file and the table, a foreign key into a pupil the caller cannot see;
-- a false alarm of the quick check still loads; nothing of a refused attempt
-- is left (rows, trigger effects, sequence values).
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(22);
SET LOCAL track_functions = 'all';
SET LOCAL client_min_messages = warning;

-- calls of a function of the extension in this transaction so far
CREATE FUNCTION pg_temp.aanroepen(f text) RETURNS bigint LANGUAGE sql AS $$
  SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_xact_user_functions
   WHERE schemaname = 'verzuim' AND funcname = f
$$;
-- SQLSTATE and detail of a statement's error, NULL when it succeeds
CREATE FUNCTION pg_temp.fout(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE s text; d text;
BEGIN
  EXECUTE sql;
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS s = RETURNED_SQLSTATE, d = PG_EXCEPTION_DETAIL;
  RETURN s || ': ' || coalesce(d, '');
END $$;

DO $$ BEGIN
  PERFORM verzuim.laad_csv_tekst('gemeente', E'gemeentecode,naam\nGM0363,Amsterdam\nGM0344,Utrecht\n');
  PERFORM verzuim.laad_csv_tekst('samenwerkingsverband', E'swv_code,naam\nPO2701,SWV\n');
  PERFORM verzuim.laad_csv_tekst('school', E'brin,naam,gemeentecode,vakantieregio,swv_code\n12AB00,Een,GM0363,noord,PO2701\n12AB01,Twee,GM0344,midden,\n');
  PERFORM verzuim.laad_csv_tekst('leerling', E'leerling_id,geboortedatum,woongemeente,startkwalificatie_op,eerste_inschrijving\n1001,2012-03-14,GM0363,,2016-04-01\n1002,2013-05-06,GM0344,,\n');
END $$;

-- a user's trigger on afwezigheid: counts the rows it sees inserted
CREATE TABLE pg_temp.gezien (n integer);
CREATE FUNCTION pg_temp.tel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO pg_temp.gezien VALUES (1); RETURN NULL; END $$;
CREATE TRIGGER test_tel AFTER INSERT ON verzuim.afwezigheid FOR EACH ROW EXECUTE FUNCTION pg_temp.tel();

-- 1. A clean file: the quick path, in file order, triggers fired -------------------
SELECT pg_temp.aanroepen('csv_veldfout') AS veldfout_0, pg_temp.aanroepen('csv_laden_snel') AS snel_0 \gset
SELECT is(verzuim.laad_csv_tekst('afwezigheid',
          E'leerling_id,brin,datum,reden,uren\n1001,12AB00,2024-03-13,ziek,6\n1002,12AB01,2024-03-12,luxe,2.5\n1001,12AB00,2024-03-12,ongeoorloofd,4\n'),
          3::bigint, 'a clean file loads: 3 rows');
SELECT is(pg_temp.aanroepen('csv_laden_snel') - :snel_0, 1::bigint, 'the load tried the quick path once');
SELECT is(pg_temp.aanroepen('csv_veldfout') - :veldfout_0, 0::bigint, 'and the full checks did not run (csv_veldfout was not called)');
SELECT is(ARRAY(SELECT format('%s %s %s %s %s', leerling_id, brin, datum, reden, uren) FROM verzuim.afwezigheid ORDER BY ctid),
          ARRAY['1001 12AB00 2024-03-13 ziek 6.00', '1002 12AB01 2024-03-12 luxe 2.50', '1001 12AB00 2024-03-12 ongeoorloofd 4.00'],
          'the rows are those of the file, written in the order of the file');
SELECT is((SELECT count(*)::int FROM pg_temp.gezien), 3, 'the table''s row trigger fired once per row');

-- columns in another order, empty lines and a byte order mark before the header
SELECT is(verzuim.laad_csv_tekst('afwezigheid', E'\uFEFF\n\nbrin,uren,leerling_id,reden,datum\n12AB00,1,1001,te_laat,2024-03-14\n'),
          1::bigint, 'a header on line 3 after a byte order mark, columns in another order');
SELECT is((SELECT format('%s %s %s', brin, reden, uren) FROM verzuim.afwezigheid WHERE datum = '2024-03-14'),
          '12AB00 te_laat 1.00', 'each field went to its column');
SELECT is(verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n'), 0::bigint,
          'a header without records loads nothing and succeeds');

-- from a file on the server
DO $$ BEGIN
  EXECUTE format('COPY (VALUES (''leerling_id'', ''brin'', ''datum'', ''reden'', ''uren''), (''1002'', ''12AB01'', ''2024-03-18'', ''ziek'', ''3'')) TO %L WITH (FORMAT csv)',
                 current_setting('data_directory') || '/verzuim_laden_snel.csv');
END $$;
SELECT pg_temp.aanroepen('csv_veldfout') AS veldfout_1 \gset
SELECT is(verzuim.laad_csv('afwezigheid', current_setting('data_directory') || '/verzuim_laden_snel.csv'), 1::bigint,
          'a clean server-side file loads');
SELECT is(pg_temp.aanroepen('csv_veldfout') - :veldfout_1, 0::bigint, 'through the quick path');

-- 2. What INSERT would accept but the loader refuses --------------------------------
SELECT count(*) AS rijen_0 FROM verzuim.afwezigheid \gset
SELECT count(*) AS gezien_0 FROM pg_temp.gezien \gset
-- date_in takes 20240315; the loader only YYYY-MM-DD
SELECT is(pg_temp.fout($$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n1001,12AB00,2024-03-19,ziek,2\n1001,12AB00,20240315,ziek,2\n')$$),
          '22007: line 3, column datum: not a date in the form YYYY-MM-DD',
          'a date the type accepts but the loader does not: 22007 on its line');
-- 6 hours in the table (2024-03-13, ziek) and 6 more in the file on the same day
SELECT is(pg_temp.fout($$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n1002,12AB01,2024-03-19,ziek,2\n1001,12AB00,2024-03-13,luxe,6\n')$$),
          '23514: line 3, column uren: the hours of this pupil on this date add up to more than 10 (a school day), over all rows of the file and the table',
          'hours over a school day, summed over the file and the table: 23514 on its line');
SELECT is((SELECT count(*) FROM verzuim.afwezigheid), :rijen_0::bigint, 'the refused loads left no rows');
SELECT is((SELECT count(*) FROM pg_temp.gezien), :gezien_0::bigint, 'nor the effects of the trigger');
SELECT is(verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n1001,12AB00,2024-03-13,luxe,4\n'), 1::bigint,
          'up to a school day (6 in the table + 4) loads');

-- a false alarm of the quick check: a day of the table already above a school day
-- (plain INSERTs; the rule is the loader's) does not concern a file for another day
INSERT INTO verzuim.afwezigheid VALUES (1002, '12AB01', '2024-03-20', 'ziek', 6), (1002, '12AB01', '2024-03-20', 'luxe', 6);
SELECT pg_temp.aanroepen('csv_veldfout') AS veldfout_2 \gset
SELECT is(verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n1002,12AB01,2024-03-21,ziek,2\n'), 1::bigint,
          'a pupil with a day above a school day in the table: a file for another day loads');
SELECT cmp_ok(pg_temp.aanroepen('csv_veldfout') - :veldfout_2, '>', 0::bigint, 'after the full checks (the quick check was unsure)');

DROP TRIGGER test_tel ON verzuim.afwezigheid;
-- a foreign key into a pupil the caller cannot see: INSERT checks it as the owner and
-- would accept it; the loader, reading leerling as the caller, refuses it
CREATE ROLE regress_verzuim_snel;
GRANT USAGE ON SCHEMA verzuim TO regress_verzuim_snel;
GRANT SELECT, INSERT ON verzuim.afwezigheid TO regress_verzuim_snel;
GRANT SELECT ON verzuim.leerling, verzuim.school TO regress_verzuim_snel;
INSERT INTO verzuim.toegang (rol, gemeentecode) VALUES ('regress_verzuim_snel', 'GM0363');
-- this role may write and read afwezigheid of every pupil, but sees only the pupils of GM0363
CREATE POLICY test_schrijven ON verzuim.afwezigheid FOR INSERT TO regress_verzuim_snel WITH CHECK (true);
CREATE POLICY test_lezen ON verzuim.afwezigheid FOR SELECT TO regress_verzuim_snel USING (true);
SET LOCAL ROLE regress_verzuim_snel;
SELECT is((SELECT count(*)::int FROM verzuim.leerling), 1, 'the role sees one pupil');
SELECT is(pg_temp.fout($$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n1001,12AB00,2024-03-25,ziek,2\n1002,12AB01,2024-03-25,ziek,2\n')$$),
          '23503: line 3, column leerling_id: unknown leerling_id: not found in verzuim.leerling',
          'a pupil the role cannot see: 23503 on its line, as before the quick path');
SELECT is(verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n1001,12AB00,2024-03-25,ziek,2\n'), 1::bigint,
          'a file of the pupil it sees loads');
RESET ROLE;

-- 3. Tables with an identity column: a refused load uses no sequence values --------
SELECT last_value AS seq_0, is_called AS seq_called_0 FROM verzuim.inschrijving_inschrijving_id_seq \gset
SELECT is(pg_temp.fout($$SELECT verzuim.laad_csv_tekst('inschrijving', E'leerling_id,brin,van,tot,onderwijssoort\n1001,12AB00,2016-04-01,,po\n9999,12AB00,2016-04-01,,po\n')$$),
          '23503: line 3, column leerling_id: unknown leerling_id: not found in verzuim.leerling',
          'a bad inschrijving file is refused');
SELECT is((SELECT format('%s %s', last_value, is_called) FROM verzuim.inschrijving_inschrijving_id_seq),
          format('%s %s', :'seq_0', :'seq_called_0'), 'and the identity sequence is untouched');

SELECT * FROM finish();
ROLLBACK;
