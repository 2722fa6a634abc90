-- The loader's errors keep pupil data out of the server log (src/loader.c) --

CREATE FUNCTION verzuim.csv_fout_melden(sqlstate text, bericht text, detail text DEFAULT NULL,
                                        hint text DEFAULT NULL) RETURNS void
  AS 'MODULE_PATHNAME', 'verzuim_csv_fout_melden' LANGUAGE C VOLATILE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.csv_fout_melden(text, text, text, text) IS
  'Raises the error of the CSV loader (internal) with the given SQLSTATE (22000 when it is not a valid one), message, detail and hint. The server log gets message, detail and hint but neither the statement nor its context, which for verzuim.laad_csv_tekst hold the CSV text.';

-- Passes an error on out of the loader without pupil data and without the
-- statement or context in the server log (csv_fout_melden): the loader's own
-- errors ('... not loaded into ...') as they are; an error of class 22 or 23
-- whose message quotes something (PostgreSQL's 'invalid input syntax for type
-- date: "..."' quotes the value; the loader's own messages of these classes
-- quote nothing) as a message of the loader; others with their message and
-- hint but without their detail (PostgreSQL puts key values there).
CREATE FUNCTION verzuim.csv_fout_doorgeven(sqlstate text, bericht text, detail text, hint text, tabel text)
RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF bericht LIKE '% not loaded into %' THEN
    PERFORM verzuim.csv_fout_melden(sqlstate, bericht, nullif(detail, ''), nullif(hint, ''));
  ELSIF left(sqlstate, 2) IN ('22', '23') AND strpos(bericht, '"') > 0 THEN
    PERFORM verzuim.csv_fout_melden(sqlstate,
      format('CSV data not loaded into table %s: a value was refused (SQLSTATE %s)', tabel, sqlstate), NULL,
      'Nothing was loaded. verzuim.controleer_csv_tekst or verzuim.controleer_csv lists the problems per line.');
  ELSE
    PERFORM verzuim.csv_fout_melden(sqlstate, bericht, NULL, nullif(hint, ''));
  END IF;
END $$;
COMMENT ON FUNCTION verzuim.csv_fout_doorgeven(text, text, text, text, text) IS
  'Passes an error on out of the CSV loader (internal) through verzuim.csv_fout_melden: no statement, context or (except for the loader''s own errors) detail in the server log, and for an error of class 22 or 23 whose message quotes something (a value) a message of the loader instead.';
