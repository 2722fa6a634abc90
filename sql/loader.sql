-- CSV loader: the layouts, the tokenizer, a clean file of every table, every
-- kind of bad row with the exact report, all-or-nothing, more than 100 bad lines.
-- Fixtures: test/data/*.csv.  Everything that writes is rolled back.
\getenv abs_srcdir PG_ABS_SRCDIR
-- The server reads the fixtures from a copy in /tmp: the checkout itself may not
-- be readable by the server's user (e.g. a clone in /root).
\set data `d=$(mktemp -d /tmp/verzuim-regress.XXXXXX) && cp :'abs_srcdir'/test/data/*.csv "$d"/ && chmod 755 "$d" && chmod 644 "$d"/*.csv && echo "$d"/`
\set SHOW_CONTEXT never
-- a failing statement inside the transactions below is rolled back on its own
\set ON_ERROR_ROLLBACK on
SET DateStyle = 'ISO, YMD';
-- a timestamp without offset (melding.gemeld_op) is read in the session's time zone
SET TimeZone = 'Europe/Amsterdam';

-- 1. Layouts ---------------------------------------------------------------
SELECT t.tabel, k.positie, k.kolom, k.type, k.verplicht
FROM unnest(ARRAY['gemeente', 'samenwerkingsverband', 'school', 'leerling', 'verblijf', 'inschrijving',
                  'afwezigheid', 'vrijstelling', 'melding', 'proces_verbaal', 'vakantie',
                  'schoolvrije_dag']) WITH ORDINALITY AS t(tabel, nr),
     verzuim.csv_kolommen(t.tabel) k
ORDER BY t.nr, k.positie;
-- a qualified name works too; other objects do not
SELECT count(*) FROM verzuim.csv_kolommen('verzuim.afwezigheid');
SELECT * FROM verzuim.csv_kolommen('bestaat_niet');
SELECT * FROM verzuim.csv_kolommen('kalender_dekking');

-- 2. The tokenizer (RFC 4180) -------------------------------------------------
-- quoted commas, doubled quotes, a line break inside quotes (the next record
-- starts on line 4), CRLF, an empty line (skipped), empty fields (NULL, quoted or not)
SELECT * FROM verzuim.csv_regels(E'a,"b,c","say ""hi"""\r\n"multi\nline",x\r\n\r\n,"",z\n');
-- a byte order mark, a lone CR as line end, no line end at the end of the input
SELECT * FROM verzuim.csv_regels(E'\uFEFFkolom\rwaarde');
-- malformed records: the rest of their line is skipped, the next line is read
SELECT * FROM verzuim.csv_regels(E'ok,1\nab"c,2\n"x"y,3\n"ok",4\n"not closed,5\nlast,6\n');
SELECT * FROM verzuim.csv_regels('');

-- 3. A clean file of every table loads completely (in the order of the foreign keys)
BEGIN;
SELECT t.tabel, verzuim.laad_csv(t.tabel, :'data' || t.tabel || '.csv') AS geladen
FROM unnest(ARRAY['gemeente', 'samenwerkingsverband', 'school', 'leerling', 'verblijf', 'inschrijving',
                  'afwezigheid', 'vrijstelling', 'melding', 'proces_verbaal', 'vakantie',
                  'schoolvrije_dag']) WITH ORDINALITY AS t(tabel, nr)
ORDER BY t.nr;
SELECT * FROM verzuim.gemeente ORDER BY gemeentecode;
SELECT * FROM verzuim.school ORDER BY brin;
SELECT * FROM verzuim.leerling ORDER BY leerling_id;
SELECT * FROM verzuim.verblijf ORDER BY leerling_id, periode;
SELECT leerling_id, brin, periode, onderwijssoort FROM verzuim.inschrijving ORDER BY leerling_id, brin, periode;
SELECT * FROM verzuim.afwezigheid ORDER BY leerling_id, datum, reden;
SELECT leerling_id, artikel, periode FROM verzuim.vrijstelling ORDER BY leerling_id, artikel, periode;
SELECT * FROM verzuim.melding ORDER BY meldingsnummer;
SELECT leerling_id, datum, soort FROM verzuim.proces_verbaal ORDER BY leerling_id, datum, soort;
SELECT regio, schooljaar, soort, periode, bron, geleverd FROM verzuim.vakantie WHERE NOT geleverd
ORDER BY regio, schooljaar, soort;
SELECT * FROM verzuim.schoolvrije_dag ORDER BY brin, datum;

-- 4. Every kind of bad row, with the exact report ------------------------------
SELECT regel, kolom, waarde, fout, sqlstate
FROM verzuim.controleer_csv('afwezigheid', :'data' || 'afwezigheid_fouten.csv');
-- loading it loads nothing: an error with the SQLSTATE of the first problem and
-- the first five problems (no field values)
SELECT verzuim.laad_csv_tekst('afwezigheid', pg_read_file(:'data' || 'afwezigheid_fouten.csv'),
                              'afwezigheid_fouten.csv');
SELECT count(*) FROM verzuim.afwezigheid;
-- periods: overlap within the file and with the table, tot before van, empty van
SELECT regel, kolom, waarde, fout, sqlstate
FROM verzuim.controleer_csv('inschrijving', :'data' || 'inschrijving_fouten.csv');
SELECT regel, kolom, waarde, fout, sqlstate
FROM verzuim.controleer_csv_tekst('verblijf', E'leerling_id,gemeentecode,van,tot\n'
  '1004,GM0344,2016-01-01,2017-09-01\n'     -- ends the day before 1004's row from 2017-09-02: fine
  '1001,GM0599,2019-06-30,2019-06-30\n'     -- overlaps 1001 in GM0344 up to 2019-06-30
  '1002,GM0363,2024-01-01,\n');            -- overlaps 1002 open-ended
SELECT regel, kolom, waarde, fout, sqlstate
FROM verzuim.controleer_csv_tekst('vrijstelling', E'artikel,leerling_id,tot,van\n'
  '5a,1004,2024-07-31,2024-01-01\n'         -- columns in another order; overlaps the open 5a of 1004
  '5b,1004,2024-07-31,2024-01-01\n'         -- another article: fine
  '5z,1004,,2024-01-01\n'
  '15,1004,2030-07-31,2025-08-01\n'
  '15,1004,2030-07-31,2029-08-01\n');       -- overlaps the line before
-- melding: codes, booleans, timestamps, checks across columns, defaults
SELECT regel, kolom, waarde, fout, sqlstate
FROM verzuim.controleer_csv_tekst('melding', E'meldingsnummer,leerling_id,brin,soort,verzuim_van,verzuim_tot,gemeld_op,spoed,status,afgesloten_op,mas_route\n'
  '600001,1001,12AB01,16uur,2023-11-06,,2023-11-30 10:00+01:00,misschien,,,\n'
  '600002,1001,12AB01,16uur,2023-11-06,,30-11-2023,,,,5\n'
  '600003,1001,12AB01,lang,2023-11-06,,2023-11-30,,afgesloten,,\n'
  '600004,1001,12AB01,lrv,2023-11-06,2023-11-01,2023-11-30,,geregistreerd,2023-12-01,\n'
  '500001,1001,12AB01,lrv,2023-11-06,,2023-11-30,,,,\n'
  '600005,1001,12AB01,lrv,2023-11-06,,2023-11-30 24:00,ja,,,0\n'
  '99999999999999999999,1001,12AB01,lrv,2023-11-06,,2023-11-30,,,,\n');
-- optional columns may be left out of the header (defaults apply); a loaded row
SELECT verzuim.laad_csv_tekst('melding', E'meldingsnummer,leerling_id,brin,soort,verzuim_van,gemeld_op\n'
                              '600010,1004,12AB00,overig,2023-11-06,2023-11-07 08:00:00+01:00\n');
SELECT meldingsnummer, verzuim_periode, spoed, status, afgesloten_op, mas_route
FROM verzuim.melding WHERE meldingsnummer = 600010;
-- leerling: checks that compare columns, and the key against the table
SELECT regel, kolom, waarde, fout, sqlstate
FROM verzuim.controleer_csv_tekst('leerling', E'leerling_id,geboortedatum,woongemeente,startkwalificatie_op,eerste_inschrijving\n'
  '2001,2010-05-05,GM0363,2009-01-01,\n'
  '2002,1899-12-31,GM0363,,\n'
  '1001,2012-03-14,GM0363,,\n'
  '2003,2010-05-05,GM0000,,2010-05-05\n');
-- school: the vakantieregio domain, the BRIN pattern, an unknown samenwerkingsverband
SELECT regel, kolom, waarde, fout, sqlstate
FROM verzuim.controleer_csv_tekst('school', E'brin,naam,gemeentecode,vakantieregio,swv_code\n'
  '11AA00,A,GM0363,Noord,\n'
  '11aa01,B,GM0363,noord,PO9999\n'
  '11AA02,"",GM0363,zuid,\n');
-- vakantie: a row for the key of a shipped holiday replaces it (not a duplicate);
-- the table's own checks apply
SELECT regel, kolom, waarde, fout, sqlstate
FROM verzuim.controleer_csv_tekst('vakantie', E'regio,schooljaar,soort,van,tot\n'
  'midden,2023-2024,herfst,2023-10-14,2023-10-22\n'
  'noord,2026-2027,herfst,2026-10-17,2026-10-25\n'
  'zuid,2025-2026,mei,2026-04-25,\n'
  'zuid,2025-2026,carnaval,,2026-02-17\n'
  'zuid,2025/2026,x,,\n');
-- the header: unknown, unnamed and repeated columns, a missing required column,
-- a semicolon-separated file; an empty file
SELECT regel, kolom, waarde, fout, sqlstate
FROM verzuim.controleer_csv_tekst('gemeente', E'GemeenteCode , naam,,inwoners,naam\nGM0001,X,,1,X\n');
SELECT regel, kolom, waarde, fout, sqlstate
FROM verzuim.controleer_csv_tekst('leerling', E'leerling_id;geboortedatum;woongemeente\n1;2010-01-01;GM0363\n');
SELECT regel, kolom, waarde, fout, sqlstate FROM verzuim.controleer_csv_tekst('gemeente', E'\n\n');
SELECT regel, kolom, waarde, fout, sqlstate FROM verzuim.controleer_csv_tekst('gemeente', E'"gemeentecode,naam\n');
-- a file that is not UTF-8
SELECT regel, kolom, waarde, fout, sqlstate FROM verzuim.controleer_csv('gemeente', :'data' || 'ongeldig_utf8.csv');
-- a header without rows loads nothing, successfully
SELECT verzuim.laad_csv_tekst('gemeente', E'gemeentecode,naam\n');

-- 5. All or nothing: one bad row among good ones ---------------------------------
SELECT count(*) AS gemeenten FROM verzuim.gemeente;
SELECT verzuim.laad_csv_tekst('gemeente', E'gemeentecode,naam\nGM0014,Groningen\nGM0034,Almere\nGM034,Lelystad\nGM0153,Enschede\n');
SELECT count(*) AS gemeenten FROM verzuim.gemeente;
SELECT verzuim.laad_csv_tekst('gemeente', E'gemeentecode,naam\nGM0014,Groningen\nGM0034,Almere\nGM0995,Lelystad\nGM0153,Enschede\n');
SELECT count(*) AS gemeenten FROM verzuim.gemeente;

-- 6. More than 100 bad lines: the first 100 are reported, then a count of the rest
CREATE TEMP TABLE veel AS
SELECT 'gemeentecode,naam' || E'\n' ||
       string_agg(CASE WHEN i % 4 = 0 THEN format('GM%s,Goed %s', 8000 + i, i)
                       ELSE format('XX%s,Fout %s', i, i) END, E'\n' ORDER BY i) AS inhoud
FROM generate_series(1, 200) AS i;                       -- 150 bad lines, 50 good ones
SELECT count(*) AS rijen, count(DISTINCT regel) AS regels, max(regel) AS laatste
FROM verzuim.controleer_csv_tekst('gemeente', (SELECT inhoud FROM veel));
SELECT regel, fout FROM verzuim.controleer_csv_tekst('gemeente', (SELECT inhoud FROM veel))
WHERE regel IS NULL OR regel > 130;
SELECT count(*) FROM verzuim.controleer_csv_tekst('gemeente', (SELECT inhoud FROM veel), 'veel.csv', NULL);
SELECT * FROM verzuim.controleer_csv_tekst('gemeente', (SELECT inhoud FROM veel), 'veel.csv', 2);
SELECT * FROM verzuim.controleer_csv_tekst('gemeente', (SELECT inhoud FROM veel), 'veel.csv', 0);
SELECT verzuim.laad_csv_tekst('gemeente', (SELECT inhoud FROM veel), 'veel.csv');
SELECT count(*) AS gemeenten FROM verzuim.gemeente;
ROLLBACK;

-- nothing is left behind
SELECT count(*) FROM pg_class WHERE relname LIKE 'verzuim\_csv\_%' AND relpersistence = 't';
\set weg `rm -rf :'data'`
