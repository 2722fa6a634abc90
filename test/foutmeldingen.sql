-- pgTAP: one message (and SQLSTATE) for the same error in every function, and
-- echoed input at most 64 characters long (issue 13, item 4): the functions
-- that read a server-side file (CSV loader, holiday open data) share their
-- checks; a path too long for the file system was XX000 ("could not open file")
-- on PostgreSQL 15 and is now 42622 in both.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(8);

-- a path with a component longer than the file system allows (NAME_MAX 255)
SELECT throws_ok($$SELECT * FROM verzuim.csv_regels_bestand('/' || repeat('lang', 100) || '.csv')$$, '42622',
                 'could not open file "/' || repeat('lang', 15) || 'lan..." for reading: File name too long',
                 'csv_regels_bestand: a path too long gives 42622 and at most 64 characters of it');
SELECT throws_ok($$SELECT verzuim.vakanties_bestand('/' || repeat('lang', 100) || '.json')$$, '42622',
                 'could not open file "/' || repeat('lang', 15) || 'lan..." for reading: File name too long',
                 'vakanties_bestand: the same');
-- the other file errors: the same SQLSTATE and message in both
SELECT throws_ok($$SELECT * FROM verzuim.csv_regels_bestand('/nonexistent/' || repeat('x', 100))$$, '58P01',
                 'could not open file "/nonexistent/' || repeat('x', 51) || '..." for reading: No such file or directory',
                 'csv_regels_bestand: a missing file, its path cut at 64 characters');
SELECT throws_ok($$SELECT verzuim.vakanties_bestand('/nonexistent/' || repeat('x', 100))$$, '58P01',
                 'could not open file "/nonexistent/' || repeat('x', 51) || '..." for reading: No such file or directory',
                 'vakanties_bestand: the same');
SELECT throws_ok($$SELECT * FROM verzuim.csv_regels_bestand('/')$$, '42809', '"/" is a directory',
                 'csv_regels_bestand: a directory');
SELECT throws_ok($$SELECT verzuim.vakanties_bestand('/')$$, '42809', '"/" is a directory',
                 'vakanties_bestand: the same');
SELECT throws_ok($$SELECT * FROM verzuim.csv_regels_bestand('relatief.csv')$$, '42602',
                 'the path of a server-side file must be absolute', 'csv_regels_bestand: a relative path');
SELECT throws_ok($$SELECT verzuim.vakanties_bestand('relatief.json')$$, '42602',
                 'the path of a server-side file must be absolute', 'vakanties_bestand: the same');

SELECT * FROM finish();
ROLLBACK;
