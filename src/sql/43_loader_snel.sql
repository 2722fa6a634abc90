-- The quick path of the CSV loader (laad_csv, laad_csv_tekst) ----------------
--
-- csv_verwerk (40_loader.sql) checks a file set-wise in temporary tables and
-- then inserts it: every foreign key, unique key and CHECK constraint was
-- checked twice, once by the loader and once by the INSERT, and every row was
-- written three times (the records, the typed rows, the table).  When a file
-- has no bad line, the INSERT alone decides.  So a load first tries one
-- INSERT ... SELECT straight over the tokenizer's records, in a
-- subtransaction:
--   - each record must be well-formed with the header's number of fields
--     (csv_regel_geldig) and each field valid in the loader's formats and not
--     empty when required (csv_geldig, the checks of csv_veldfout), else it
--     raises;
--   - the constraints of the table (CHECK, NOT NULL, foreign keys, unique
--     keys, exclusion, domains), its triggers and its row-level security
--     apply as to any INSERT;
--   - what the INSERT would accept but the loader refuses is checked on the
--     inserted rows (RETURNING), against the table as it was before: foreign
--     keys into rows the caller cannot see (row-level security or no SELECT:
--     INSERT checks those as the owner of the table), and for afwezigheid the
--     hours of a pupil on one day over all rows, counted generously (every row
--     of the file and every row in the table of its pupils, so that no day
--     the full check refuses passes).
-- Anything wrong raises inside the subtransaction: it is rolled back, the
-- function returns NULL and csv_verwerk runs the full checks, which name
-- every bad line (or, with none, let the INSERT raise its own error as
-- before).  The answers are those of the full checks; only their cost
-- differs.  Tables with periods (van,tot) or identity or sequence columns
-- (a rolled-back INSERT would use up sequence values) always take the full
-- checks, and so do a header that the full checks would refuse and a table
-- that Citus distributes.

CREATE FUNCTION verzuim.csv_kop(inhoud text, pad text, OUT regel integer, OUT velden text[], OUT fout text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'verzuim_csv_kop' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION verzuim.csv_kop(text, text) IS
  'The first record of CSV text, or of a UTF-8 file on the server when pad is given (the privilege rule of verzuim.csv_regels_bestand), as verzuim.csv_regels gives it; the rest is not read (internal: the header for the quick path of the loader).';

CREATE FUNCTION verzuim.csv_geldig(waarde text, typ oid, typmod integer, verplicht boolean) RETURNS text
  AS 'MODULE_PATHNAME', 'verzuim_csv_geldig' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.csv_geldig(text, oid, integer, boolean) IS
  'waarde when it is a valid value of the type in the loader''s formats (those of verzuim.csv_veldfout), NULL for an empty field that is not required; raises otherwise, with the SQLSTATE of the problem and no value in the message (internal: the quick path of the loader).';

CREATE FUNCTION verzuim.csv_regel_geldig(fout text, velden text[], n integer) RETURNS boolean
  AS 'MODULE_PATHNAME', 'verzuim_csv_regel_geldig' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.csv_regel_geldig(text, text[], integer) IS
  'true for a well-formed CSV record (fout NULL) of n fields; raises 22P04 otherwise (internal: the quick path of the loader).';

CREATE FUNCTION verzuim.csv_laden_snel(tabel regclass, inhoud text, pad text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET jit = off AS $$
DECLARE
  -- the largest number of hours a pupil can miss on one day (as in csv_verwerk)
  c_schooldag CONSTANT numeric := 10;
  v_kop_regel integer;
  v_kop       text[];
  v_kop_fout  text;
  v_namen     text[];
  v_ins       text[] := '{}';
  v_sel       text[] := '{}';
  v_toets     text[] := '{}';
  v_r         record;
  v_n         bigint;
  v_fout      boolean;
BEGIN
  IF NOT has_table_privilege(tabel, 'SELECT')
     OR EXISTS (SELECT 1 FROM verzuim.csv_indeling(tabel) i WHERE i.deel <> 'waarde')
     OR EXISTS (SELECT 1 FROM pg_attribute a
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE a.attrelid = tabel AND a.attnum > 0 AND NOT a.attisdropped
                   AND (a.attidentity <> '' OR pg_get_expr(d.adbin, d.adrelid) ~* 'nextval')) THEN
    RETURN NULL;
  END IF;
  -- a table Citus distributes: its checks against the table would join a local
  -- result to a distributed table; the full checks read it their own way
  IF verzuim.citus_verdeeld(tabel) THEN
    RETURN NULL;
  END IF;

  -- the header: columns of the layout, each once, every required one
  SELECT k.regel, k.velden, k.fout INTO v_kop_regel, v_kop, v_kop_fout FROM verzuim.csv_kop(inhoud, pad) k;
  IF v_kop IS NULL OR v_kop_fout IS NOT NULL THEN
    RETURN NULL;
  END IF;
  v_namen := ARRAY(SELECT lower(btrim(u.naam)) FROM unnest(v_kop) AS u(naam));
  IF array_position(v_namen, NULL) IS NOT NULL
     OR (SELECT count(DISTINCT u.naam) FROM unnest(v_namen) AS u(naam)) <> cardinality(v_namen)
     OR EXISTS (SELECT 1 FROM unnest(v_namen) AS u(naam)
                 WHERE NOT EXISTS (SELECT 1 FROM verzuim.csv_indeling(tabel) i WHERE i.kolom = u.naam))
     OR EXISTS (SELECT 1 FROM verzuim.csv_indeling(tabel) i WHERE i.verplicht AND NOT (i.kolom = ANY (v_namen))) THEN
    RETURN NULL;
  END IF;

  -- every column of the header, checked and cast; an empty field gives the default
  FOR v_r IN SELECT i.attname, i.typ, i.typmod, i.verplicht, i.standaard, u.pos,
                    format_type(i.typ, i.typmod) AS typnaam
               FROM verzuim.csv_indeling(tabel) i
               JOIN unnest(v_namen) WITH ORDINALITY AS u(naam, pos) ON u.naam = i.kolom
              ORDER BY i.positie LOOP
    v_ins := v_ins || quote_ident(v_r.attname);
    v_sel := v_sel || format('coalesce(verzuim.csv_geldig(r.velden[%s], %s::oid, %s, %L)::%s, (%s)::%s)',
                             v_r.pos, v_r.typ::oid, v_r.typmod, v_r.verplicht, v_r.typnaam,
                             coalesce(v_r.standaard, 'NULL'), v_r.typnaam);
  END LOOP;

  -- foreign keys into rows the caller may not see (INSERT checks them as the owner)
  FOR v_r IN
    SELECT con.confrelid::regclass AS confrelid,
           string_agg(format('t.%I = s.%I', fa.attname, a.attname), ' AND ' ORDER BY u.n) AS gelijk,
           string_agg(format('s.%I IS NOT NULL', a.attname), ' AND ' ORDER BY u.n) AS gegeven
      FROM pg_constraint con
      CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS u(k, fk, n)
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = u.k
      JOIN pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = u.fk
     WHERE con.conrelid = tabel AND con.contype = 'f'
       AND (row_security_active(con.confrelid) OR NOT has_table_privilege(con.confrelid, 'SELECT'))
     GROUP BY con.oid, con.confrelid
  LOOP
    v_toets := v_toets || format('EXISTS (SELECT 1 FROM ins s WHERE %s AND NOT EXISTS (SELECT 1 FROM %s t WHERE %s))',
                                 v_r.gegeven, v_r.confrelid, v_r.gelijk);
  END LOOP;
  -- the hours of a pupil on one day (csv_verwerk, section 5), generously:
  -- uren is numeric(4,2), summed as whole hundredths
  IF tabel = 'verzuim.afwezigheid'::regclass THEN
    v_toets := v_toets || format($q$EXISTS (
        SELECT 1
          FROM (SELECT s.leerling_id, s.datum, s.uren FROM ins s
                UNION ALL
                SELECT a.leerling_id, a.datum, a.uren FROM verzuim.afwezigheid a
                 WHERE a.leerling_id IN (SELECT s.leerling_id FROM ins s)) x
         GROUP BY x.leerling_id, x.datum
        HAVING sum((x.uren * 100)::integer) > %s AND count(*) > 1)$q$, c_schooldag * 100);
  END IF;

  -- loads take turns (as in csv_verwerk)
  PERFORM pg_advisory_xact_lock(1986618234, tabel::oid::integer);
  BEGIN
    -- the records in the order of the file (the function's rows come in that order)
    EXECUTE format($q$WITH ins AS (
        INSERT INTO %s (%s)
        SELECT %s
          FROM %s r
         WHERE r.regel > %s AND verzuim.csv_regel_geldig(r.fout, r.velden, %s)
        RETURNING *)
      SELECT count(*), %s FROM ins$q$,
      tabel, array_to_string(v_ins, ', '), array_to_string(v_sel, ', '),
      CASE WHEN pad IS NOT NULL THEN 'verzuim.csv_regels_bestand($2)' ELSE 'verzuim.csv_regels($1)' END,
      v_kop_regel, cardinality(v_kop),
      CASE WHEN cardinality(v_toets) = 0 THEN 'false' ELSE array_to_string(v_toets, ' OR ') END)
      INTO v_n, v_fout USING inhoud, pad;
    IF v_fout THEN
      RAISE EXCEPTION 'the quick path leaves this file to the full checks';
    END IF;
    RETURN v_n;
  EXCEPTION WHEN OTHERS THEN
    -- rolled back: the full checks name the bad lines
    RETURN NULL;
  END;
END $$;
COMMENT ON FUNCTION verzuim.csv_laden_snel(regclass, text, text) IS
  'The quick path of the CSV loader (internal; see 43_loader_snel.sql): loads a file without bad lines with one INSERT ... SELECT and returns the number of rows, or loads nothing and returns NULL, after which verzuim.csv_verwerk checks the file set-wise and names every bad line.';
