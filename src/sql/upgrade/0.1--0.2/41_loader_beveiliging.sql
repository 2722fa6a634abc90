-- The loader (issue 7): no pupil data in the server log.  csv_laden and
-- csv_rapport pass every error on through verzuim.csv_fout_doorgeven (new in
-- 42_loader_log.sql), so the log holds neither the statement with the CSV text
-- nor its context.  Keep identical to the functions in 40_loader.sql.
CREATE OR REPLACE FUNCTION verzuim.csv_rapport(tabel text, inhoud text, pad text, bestandsnaam text, max_regels integer)
RETURNS TABLE (bestand text, regel integer, kolom text, waarde text, fout text, sqlstate text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_fout bigint;
BEGIN
  IF max_regels < 1 THEN
    RAISE EXCEPTION 'max_regels must be at least 1 (NULL: no limit)' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT v.foute_regels INTO v_fout FROM verzuim.csv_verwerk(tabel, inhoud, pad, false) v;
  RETURN QUERY
    SELECT bestandsnaam, f.regel, f.kolom, f.waarde, f.fout, f.sqlstate
      FROM (SELECT f.*, dense_rank() OVER (ORDER BY f.regel) AS nr FROM pg_temp.verzuim_csv_fout f) f
     WHERE max_regels IS NULL OR f.nr <= max_regels
     ORDER BY f.regel, f.kolompos NULLS FIRST, f.kolom, f.fout;
  IF v_fout > max_regels THEN
    RETURN QUERY SELECT bestandsnaam, NULL::integer, NULL::text, NULL::text,
                        format('%s more bad lines not shown (max_regels = %s)', v_fout - max_regels, max_regels), NULL::text;
  END IF;
  PERFORM verzuim.csv_opruimen();
EXCEPTION WHEN OTHERS OR query_canceled THEN
  -- as in csv_laden: no statement or context in the server log
  DECLARE
    v_state text; v_bericht text; v_detail text; v_hint text;
  BEGIN
    GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_bericht = MESSAGE_TEXT,
                            v_detail = PG_EXCEPTION_DETAIL, v_hint = PG_EXCEPTION_HINT;
    PERFORM verzuim.csv_fout_doorgeven(v_state, v_bericht, v_detail, v_hint, tabel);
  END;
END $$;
COMMENT ON FUNCTION verzuim.csv_rapport(text, text, text, text, integer) IS
  'The report of the CSV loader (internal; use verzuim.controleer_csv or verzuim.controleer_csv_tekst).';

CREATE OR REPLACE FUNCTION verzuim.csv_laden(tabel text, inhoud text, pad text, bestandsnaam text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v        record;
  v_state  text;
  v_detail text;
  v_hint   text;
  v_naam   text := CASE WHEN bestandsnaam IS NULL THEN 'CSV text' ELSE format('file "%s"', bestandsnaam) END;
BEGIN
  SELECT * INTO v FROM verzuim.csv_verwerk(tabel, inhoud, pad, true);
  IF v.foute_regels > 0 THEN
    SELECT (array_agg(f.sqlstate ORDER BY f.regel, f.kolompos NULLS FIRST, f.kolom, f.fout))[1],
           -- the column by name only when it is one of the table's (an unknown
           -- header field may be pupil data: a file without a header line)
           string_agg(format('line %s%s: %s', f.regel,
                             CASE WHEN f.kolom = ANY (ARRAY(SELECT c.kolom FROM verzuim.csv_kolommen(tabel) c))
                                  THEN ', column ' || f.kolom
                                  ELSE ', field ' || f.kolompos END, f.fout), E'\n'
                      ORDER BY f.regel, f.kolompos NULLS FIRST, f.kolom, f.fout)
               FILTER (WHERE f.nr <= 5)
      INTO v_state, v_detail
      FROM (SELECT f.*, row_number() OVER (ORDER BY f.regel, f.kolompos NULLS FIRST, f.kolom, f.fout) AS nr
              FROM pg_temp.verzuim_csv_fout f) f;
    PERFORM verzuim.csv_fout_melden(v_state,
      format('%s not loaded into %s: %s bad line%s', v_naam, verzuim.csv_tabel(tabel), v.foute_regels,
             CASE WHEN v.foute_regels = 1 THEN '' ELSE 's' END),
      v_detail,
      CASE WHEN pad IS NOT NULL
           THEN 'Nothing was loaded. SELECT * FROM verzuim.controleer_csv(tabel, pad) lists every problem with the field values.'
           ELSE 'Nothing was loaded. SELECT * FROM verzuim.controleer_csv_tekst(tabel, inhoud) lists every problem with the field values.' END);
  END IF;
  PERFORM verzuim.csv_opruimen();
  RETURN v.geladen;
EXCEPTION WHEN OTHERS OR query_canceled THEN
  -- Every error leaves the loader through csv_fout_melden: the server log
  -- then holds neither the statement (with the CSV text) nor its context.
  GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_naam = MESSAGE_TEXT,
                          v_detail = PG_EXCEPTION_DETAIL, v_hint = PG_EXCEPTION_HINT;
  PERFORM verzuim.csv_fout_doorgeven(v_state, v_naam, v_detail, v_hint, tabel);
  RETURN NULL;
END $$;
COMMENT ON FUNCTION verzuim.csv_laden(text, text, text, text) IS
  'Loads a CSV file or text (internal; use verzuim.laad_csv or verzuim.laad_csv_tekst).';
