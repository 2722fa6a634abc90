-- CSV loader (DESIGN.md §2; layouts in docs/csv.md) --------------------------
--
-- One CSV layout per table holding user data (the tables registered with
-- pg_extension_config_dump), derived from the table itself: one column per
-- table column, a daterange column as two date columns van,tot (tot inclusive,
-- empty = open).  A file is checked set-wise against the constraints of its
-- table (types, NOT NULL, CHECK, foreign keys, unique keys and exclusion
-- constraints, against the rows already in the table and against the other
-- rows of the file) and then loaded completely, or not at all.
--
--   verzuim.csv_kolommen(tabel)                      the layout
--   verzuim.controleer_csv[_tekst](tabel, ...)       the report, loads nothing
--   verzuim.laad_csv[_tekst](tabel, ...)             loads, or raises with the first problems
--
-- Bookkeeping lives in temporary tables pg_temp.verzuim_csv_* (dropped at the
-- end of each call, ON COMMIT DROP otherwise).

-- The holiday and school-calendar tables hold user data too: protect it like the
-- registration tables (see 30_registratie.sql).  schoolvrije_dag is created in
-- 35_schoolvrij.sql, after 30_registratie.sql.
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.schoolvrije_dag
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();

CREATE FUNCTION verzuim.csv_regels(inhoud text, OUT regel integer, OUT velden text[], OUT fout text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'verzuim_csv_regels' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.csv_regels(text) IS
  'Splits CSV text (RFC 4180: comma separated, fields with commas, quotes or line breaks in double quotes, a quote doubled inside) into records: regel = the physical line the record starts on (1 = first line), velden = its fields (an empty field, quoted or not, is NULL), or velden NULL and fout = the reason for a malformed record. Empty lines are skipped; line ends LF, CRLF or CR; a byte order mark is ignored.';

CREATE FUNCTION verzuim.csv_regels_bestand(pad text, OUT regel integer, OUT velden text[], OUT fout text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'verzuim_csv_regels_bestand' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION verzuim.csv_regels_bestand(text) IS
  'verzuim.csv_regels for a UTF-8 file on the database server (absolute path). Like COPY FROM a file it needs superuser or the privileges of pg_read_server_files (42501 otherwise). Fields that are not valid UTF-8 make their record malformed.';

CREATE FUNCTION verzuim.csv_veldfout(waarde text, typ regtype, typmod integer DEFAULT -1) RETURNS text
  AS 'MODULE_PATHNAME', 'verzuim_csv_veldfout' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.csv_veldfout(text, regtype, integer) IS
  'Checks one CSV field against a column type without raising: NULL when valid, else its SQLSTATE, a space and the reason. Formats: date YYYY-MM-DD; timestamp YYYY-MM-DD[ HH:MM[:SS[.ffffff]]][Z|+HH[:MM]]; integers and decimals with a decimal point (no more decimals than the scale); booleans true/false (t/f, yes/no, on/off, 1/0); enum codes exactly. For a domain only the base type is checked.';

-- The table a caller means: 'afwezigheid' or 'verzuim.afwezigheid'.
CREATE FUNCTION verzuim.csv_tabel(tabel text) RETURNS regclass
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_rel   regclass;
  v_lijst text;
BEGIN
  IF tabel IS NULL THEN
    RAISE EXCEPTION 'tabel must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  SELECT string_agg(k.relname, ', ' ORDER BY c.nr) INTO v_lijst
    FROM pg_extension e, unnest(e.extconfig) WITH ORDINALITY AS c(tabel, nr), pg_class k
   WHERE e.extname = 'verzuim' AND k.oid = c.tabel AND k.relkind IN ('r', 'p');
  v_rel := CASE WHEN strpos(tabel, '.') > 0 THEN to_regclass(tabel)
                ELSE to_regclass(format('verzuim.%I', tabel)) END;
  IF v_rel IS NULL THEN
    RAISE EXCEPTION 'table "%" does not exist', tabel
      USING ERRCODE = 'undefined_table', HINT = 'The CSV loader takes these tables of schema verzuim: ' || v_lijst || '.';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_extension e, pg_class k
                  WHERE e.extname = 'verzuim' AND k.oid = v_rel AND k.oid = ANY (e.extconfig)
                    AND k.relkind IN ('r', 'p')) THEN
    RAISE EXCEPTION '% is not a table of verzuim that holds user data', v_rel
      USING ERRCODE = 'wrong_object_type', HINT = 'The CSV loader takes these tables of schema verzuim: ' || v_lijst || '.';
  END IF;
  RETURN v_rel;
END $$;
COMMENT ON FUNCTION verzuim.csv_tabel(text) IS
  'The table the CSV loader loads for a name (''afwezigheid'' or ''verzuim.afwezigheid''): a table of schema verzuim that holds user data (registered with pg_extension_config_dump). Raises 42P01 for an unknown name, 42809 for another object.';

-- The layout with everything the loader needs.
CREATE FUNCTION verzuim.csv_indeling(tabel regclass)
RETURNS TABLE (positie integer, kolom text, attname text, attnum smallint, typ regtype, typmod integer,
               deel text, verplicht boolean, standaard text, omschrijving text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH filter AS (
    SELECT c.voorwaarde
      FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(tabel, voorwaarde)
     WHERE e.extname = 'verzuim' AND c.tabel = $1
  ), a AS (
    SELECT a.attnum, a.attname::text AS attname, a.atttypid, a.atttypmod, a.attnotnull,
           pg_get_expr(d.adbin, d.adrelid) AS standaard, r.rngsubtype,
           col_description(a.attrelid, a.attnum) AS omschrijving
      FROM pg_attribute a
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      LEFT JOIN pg_range r ON r.rngtypid = a.atttypid
     WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
       AND a.attidentity = '' AND a.attgenerated = ''
       -- the columns that decide whether a row is the user's (vakantie.geleverd) are not loaded
       AND NOT EXISTS (SELECT 1 FROM filter f WHERE f.voorwaarde ~ ('\m' || a.attname || '\M'))
  ), k AS (
    SELECT a.attnum, 0 AS deelnr, a.attname AS kolom, a.attname, a.atttypid AS typ, a.atttypmod AS typmod,
           'waarde' AS deel, a.attnotnull AND a.standaard IS NULL AS verplicht, a.standaard, a.omschrijving
      FROM a WHERE a.rngsubtype IS NULL
    UNION ALL
    SELECT a.attnum, d.nr,
           CASE WHEN a.attname = 'periode' THEN d.deel
                WHEN a.attname LIKE '%\_periode' THEN left(a.attname, -7) || d.deel
                ELSE a.attname || '_' || d.deel END,
           a.attname, a.rngsubtype, -1, d.deel,
           d.deel = 'van' AND a.attnotnull AND a.standaard IS NULL, a.standaard,
           CASE d.deel WHEN 'van' THEN format('First day of %s.', a.attname)
                       ELSE format('Last day of %s (inclusive); empty = open-ended.', a.attname) END
           || coalesce(' ' || a.omschrijving, '')
      FROM a CROSS JOIN (VALUES (1, 'van'), (2, 'tot')) AS d(nr, deel)
     WHERE a.rngsubtype IS NOT NULL
  )
  SELECT row_number() OVER (ORDER BY k.attnum, k.deelnr)::int, k.kolom, k.attname, k.attnum, k.typ::regtype,
         k.typmod, k.deel, k.verplicht, k.standaard, k.omschrijving
    FROM k ORDER BY k.attnum, k.deelnr
$$;
COMMENT ON FUNCTION verzuim.csv_indeling(regclass) IS
  'The CSV layout of a table with the details the loader uses (internal; see verzuim.csv_kolommen).';

CREATE FUNCTION verzuim.csv_kolommen(tabel text)
RETURNS TABLE (positie integer, kolom text, type text, verplicht boolean, omschrijving text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT i.positie, i.kolom,
         format_type(i.typ, i.typmod)
         || CASE WHEN i.deel = 'tot' THEN ' (inclusive, empty = open)' ELSE '' END
         || CASE WHEN i.standaard IS NOT NULL
                 THEN ' (default ' || regexp_replace(i.standaard, '::[a-z_.]+$', '') || ')' ELSE '' END,
         i.verplicht, i.omschrijving
    FROM verzuim.csv_indeling(verzuim.csv_tabel($1)) i
   ORDER BY i.positie
$$;
COMMENT ON FUNCTION verzuim.csv_kolommen(text) IS
  'The CSV layout of a table for verzuim.laad_csv: its columns in the documented order (the header may name them in any order), their type, whether a value is required (verplicht: the column must be in the header and no field may be empty; other columns may be left out of the header or left empty, giving NULL or the default) and what they mean. A period is two columns: van and tot, tot inclusive, empty tot = open-ended.';

-- The checks, shared by controleer_csv and laad_csv.  Fills
-- pg_temp.verzuim_csv_fout with one row per problem and, when laden and
-- there is none, inserts the rows.
CREATE FUNCTION verzuim.csv_verwerk(tabel text, inhoud text, pad text, laden boolean,
                                    OUT geladen bigint, OUT foute_regels bigint)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp
-- one-off queries over temporary tables whose sizes the planner guesses:
-- compiling them costs more than it saves
SET jit = off AS $$
DECLARE
  -- the largest number of hours a pupil can miss on one day (constraint afwezigheid_uren_max)
  c_schooldag  CONSTANT numeric := 10;
  v_rel        regclass;
  v_filter     text;
  v_kop_regel  integer;
  v_kop        text[];
  v_kop_fout   text;
  v_n          integer;
  v_verwacht   text;
  v_sel        text[] := '{}';
  v_ins        text[] := '{}';
  v_sql        text;
  v_cols       text[];
  v_rng        text;
  v_part       text;
  v_nn         text;
  v_namen      text;
  v_pos        integer;
  v_waarde     text;
  v_cond       text;
  v_uitleg     text;
  v_b          boolean;
  v_t          record;
  v_r          record;
  v_c          record;
  v_v          text;
BEGIN
  geladen := 0;
  v_rel := verzuim.csv_tabel(tabel);
  IF inhoud IS NULL AND pad IS NULL THEN
    RAISE EXCEPTION 'the CSV content must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  SELECT c.voorwaarde INTO v_filter
    FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(tabel, voorwaarde)
   WHERE e.extname = 'verzuim' AND c.tabel = v_rel;
  FOR v_r IN SELECT i.kolom, i.typ FROM verzuim.csv_indeling(v_rel) i
              WHERE i.typ::oid <> 'date'::regtype::oid AND i.deel <> 'waarde' LOOP
    RAISE EXCEPTION 'the CSV loader supports only daterange periods, not column % of %', v_r.kolom, v_rel
      USING ERRCODE = 'feature_not_supported';
  END LOOP;
  -- The quick path (43_loader_snel.sql): one INSERT ... SELECT over the file
  -- that refuses any bad line.  When it does not load the file, nothing of it
  -- is left and the checks below name every bad line.
  IF laden THEN
    geladen := verzuim.csv_laden_snel(v_rel, inhoud, pad);
    IF geladen IS NOT NULL THEN
      foute_regels := 0;
      RETURN;
    END IF;
    geladen := 0;
  END IF;

  PERFORM verzuim.csv_opruimen();
  CREATE TEMP TABLE verzuim_csv_fout (regel integer, kolompos integer, kolom text, attname text,
                                      waarde text, fout text, sqlstate text) ON COMMIT DROP;
  CREATE TEMP TABLE verzuim_csv_ruw (regel integer, velden text[], fout text) ON COMMIT DROP;
  IF laden THEN
    -- Two loads into one table run one after the other, so that each checks
    -- against the rows of the other.  (An advisory lock: LOCK TABLE in a mode
    -- that blocks other inserts needs more than INSERT privilege.  Other
    -- writers are not blocked; the table's constraints still hold at our
    -- INSERT, which then fails as a whole.)
    PERFORM pg_advisory_xact_lock(1986618234, v_rel::oid::integer);
  END IF;
  IF pad IS NOT NULL THEN
    INSERT INTO pg_temp.verzuim_csv_ruw SELECT * FROM verzuim.csv_regels_bestand(pad);
  ELSE
    INSERT INTO pg_temp.verzuim_csv_ruw SELECT * FROM verzuim.csv_regels(inhoud);
  END IF;

  -- 1. The header ---------------------------------------------------------
  SELECT r.regel, r.velden, r.fout INTO v_kop_regel, v_kop, v_kop_fout
    FROM pg_temp.verzuim_csv_ruw r ORDER BY r.regel LIMIT 1;
  IF NOT FOUND THEN
    INSERT INTO pg_temp.verzuim_csv_fout VALUES
      (1, NULL, NULL, NULL, NULL, 'the file is empty: a header line naming the columns is required', '22P04');
  ELSIF v_kop_fout IS NOT NULL THEN
    INSERT INTO pg_temp.verzuim_csv_fout VALUES
      (v_kop_regel, NULL, NULL, NULL, NULL, 'header: ' || v_kop_fout,
       CASE WHEN v_kop_fout ~ '(not valid UTF-8|NUL byte)' THEN '22021'
            WHEN v_kop_fout ~ 'database encoding' THEN '22P05' ELSE '22P04' END);
  END IF;
  IF v_kop IS NULL THEN
    SELECT count(DISTINCT f.regel) INTO foute_regels FROM pg_temp.verzuim_csv_fout f;
    RETURN;
  END IF;
  v_n := cardinality(v_kop);

  CREATE TEMP TABLE verzuim_csv_kol ON COMMIT DROP AS
    SELECT i.*, NULL::integer AS pos FROM verzuim.csv_indeling(v_rel) i;
  SELECT string_agg(k.kolom, ',' ORDER BY k.positie) INTO v_verwacht FROM pg_temp.verzuim_csv_kol k;
  INSERT INTO pg_temp.verzuim_csv_fout
  SELECT v_kop_regel, h.pos, h.naam, NULL, v_kop[h.pos],
         CASE WHEN h.naam IS NULL THEN format('header: column %s has no name', h.pos)
              WHEN h.eerste < h.pos AND EXISTS (SELECT 1 FROM pg_temp.verzuim_csv_kol k WHERE k.kolom = h.naam)
              THEN format('header: column %s appears more than once', h.naam)
              -- not a column name (a file without a header: pupil data), so not repeated here
              WHEN h.eerste < h.pos THEN format('header: field %s has the same name as field %s', h.pos, h.eerste)
              WHEN strpos(h.naam, ';') > 0
              THEN format('header: unknown column; the file seems to be separated by semicolons, the loader needs commas; the columns are %s', v_verwacht)
              ELSE format('header: unknown column; the columns are %s', v_verwacht) END,
         '22P04'
    FROM (SELECT lower(btrim(u.naam)) AS naam, u.pos::integer AS pos,
                 min(u.pos) OVER (PARTITION BY lower(btrim(u.naam)))::integer AS eerste
            FROM unnest(v_kop) WITH ORDINALITY AS u(naam, pos)) h
   WHERE h.naam IS NULL OR h.eerste < h.pos
      OR NOT EXISTS (SELECT 1 FROM pg_temp.verzuim_csv_kol k WHERE k.kolom = h.naam);
  UPDATE pg_temp.verzuim_csv_kol k SET pos = h.pos
    FROM (SELECT lower(btrim(u.naam)) AS naam, min(u.pos)::integer AS pos
            FROM unnest(v_kop) WITH ORDINALITY AS u(naam, pos) GROUP BY 1) h
   WHERE h.naam = k.kolom;
  INSERT INTO pg_temp.verzuim_csv_fout
  SELECT v_kop_regel, NULL, k.kolom, NULL, NULL, 'header: required column is missing', '22P04'
    FROM pg_temp.verzuim_csv_kol k WHERE k.verplicht AND k.pos IS NULL ORDER BY k.positie;
  IF EXISTS (SELECT 1 FROM pg_temp.verzuim_csv_fout) THEN
    foute_regels := 1;
    RETURN;
  END IF;

  -- 2. Records: structure, then every field ---------------------------------
  INSERT INTO pg_temp.verzuim_csv_fout
  SELECT r.regel, NULL, NULL, NULL, NULL,
         coalesce(r.fout, format('%s fields, the header has %s', cardinality(r.velden), v_n)),
         CASE WHEN r.fout ~ '(not valid UTF-8|NUL byte)' THEN '22021'
              WHEN r.fout ~ 'database encoding' THEN '22P05' ELSE '22P04' END
    FROM pg_temp.verzuim_csv_ruw r
   WHERE r.regel > v_kop_regel AND (r.fout IS NOT NULL OR cardinality(r.velden) <> v_n);
  CREATE TEMP TABLE verzuim_csv_data ON COMMIT DROP AS
    SELECT r.regel AS _csv_regel, r.velden AS _csv_velden
      FROM pg_temp.verzuim_csv_ruw r
     WHERE r.regel > v_kop_regel AND r.fout IS NULL AND cardinality(r.velden) = v_n;

  INSERT INTO pg_temp.verzuim_csv_fout
  SELECT d._csv_regel, k.pos, k.kolom, k.attname, d._csv_velden[k.pos], substr(x.e, 7), left(x.e, 5)
    FROM pg_temp.verzuim_csv_data d
   CROSS JOIN pg_temp.verzuim_csv_kol k
   CROSS JOIN LATERAL (SELECT CASE WHEN d._csv_velden[k.pos] IS NULL
                                   THEN CASE WHEN k.verplicht THEN '23502 required field is empty' END
                                   ELSE verzuim.csv_veldfout(d._csv_velden[k.pos], k.typ, k.typmod) END) AS x(e)
   WHERE k.pos IS NOT NULL AND x.e IS NOT NULL;

  -- domain constraints (vakantieregio): cast every distinct valid value once
  FOR v_r IN SELECT k.* FROM pg_temp.verzuim_csv_kol k JOIN pg_type t ON t.oid = k.typ
              WHERE k.pos IS NOT NULL AND t.typtype = 'd' LOOP
    FOR v_v IN SELECT DISTINCT d._csv_velden[v_r.pos] FROM pg_temp.verzuim_csv_data d
                WHERE d._csv_velden[v_r.pos] IS NOT NULL
                  AND verzuim.csv_veldfout(d._csv_velden[v_r.pos], v_r.typ, v_r.typmod) IS NULL LOOP
      BEGIN
        EXECUTE format('SELECT %L::%s', v_v, format_type(v_r.typ, v_r.typmod));
      EXCEPTION WHEN OTHERS THEN
        INSERT INTO pg_temp.verzuim_csv_fout
        SELECT d._csv_regel, v_r.pos, v_r.kolom, v_r.attname, v_v,
               format('not a valid %s%s', v_r.typ, coalesce(' (' || obj_description(v_r.typ, 'pg_type') || ')', '')),
               SQLSTATE
          FROM pg_temp.verzuim_csv_data d WHERE d._csv_velden[v_r.pos] = v_v;
      END;
    END LOOP;
  END LOOP;

  -- periods: van .. tot
  FOR v_r IN SELECT v.attname, v.kolom AS van_kolom, v.pos AS van_pos, v.verplicht AS van_verplicht,
                    t.kolom AS tot_kolom, t.pos AS tot_pos
               FROM pg_temp.verzuim_csv_kol v JOIN pg_temp.verzuim_csv_kol t ON t.attname = v.attname
              WHERE v.deel = 'van' AND t.deel = 'tot' AND t.pos IS NOT NULL LOOP
    IF v_r.van_pos IS NOT NULL THEN
      INSERT INTO pg_temp.verzuim_csv_fout
      SELECT d._csv_regel, v_r.tot_pos, v_r.tot_kolom, v_r.attname, d._csv_velden[v_r.tot_pos],
             format('%s is before %s', v_r.tot_kolom, v_r.van_kolom), '22000'
        FROM pg_temp.verzuim_csv_data d
       WHERE CASE WHEN d._csv_velden[v_r.van_pos] IS NOT NULL AND d._csv_velden[v_r.tot_pos] IS NOT NULL
                       AND verzuim.csv_veldfout(d._csv_velden[v_r.van_pos], 'date') IS NULL
                       AND verzuim.csv_veldfout(d._csv_velden[v_r.tot_pos], 'date') IS NULL
                  THEN d._csv_velden[v_r.tot_pos]::date < d._csv_velden[v_r.van_pos]::date
                  ELSE false END;
    END IF;
    IF NOT v_r.van_verplicht THEN
      INSERT INTO pg_temp.verzuim_csv_fout
      SELECT d._csv_regel, coalesce(v_r.van_pos, v_r.tot_pos), v_r.van_kolom, v_r.attname,
             NULL, format('%s is empty while %s is given', v_r.van_kolom, v_r.tot_kolom), '23502'
        FROM pg_temp.verzuim_csv_data d
       WHERE d._csv_velden[v_r.tot_pos] IS NOT NULL
         AND (v_r.van_pos IS NULL OR d._csv_velden[v_r.van_pos] IS NULL);
    END IF;
  END LOOP;

  -- 3. The typed rows (a field with a problem becomes NULL) -------------------
  FOR v_r IN
    SELECT k.attname, min(k.attnum) AS attnum, format_type(a.atttypid, a.atttypmod) AS typnaam,
           min(k.standaard) AS standaard,
           min(k.pos) FILTER (WHERE k.deel = 'waarde') AS pos,
           min(k.pos) FILTER (WHERE k.deel = 'van') AS van_pos,
           min(k.pos) FILTER (WHERE k.deel = 'tot') AS tot_pos,
           bool_or(k.pos IS NOT NULL) AS in_kop
      FROM pg_temp.verzuim_csv_kol k
      JOIN pg_attribute a ON a.attrelid = v_rel AND a.attnum = k.attnum
     GROUP BY k.attname, a.atttypid, a.atttypmod
     ORDER BY 2
  LOOP
    v_v := format('(%s)::%s', coalesce(v_r.standaard, 'NULL'), v_r.typnaam);
    IF v_r.pos IS NOT NULL THEN
      v_sql := format('CASE WHEN %L = ANY (f.kolommen) THEN NULL WHEN d._csv_velden[%s] IS NULL THEN %s ELSE d._csv_velden[%s]::%s END',
                      v_r.attname, v_r.pos, v_v, v_r.pos, v_r.typnaam);
    ELSIF v_r.in_kop THEN
      v_sql := format('CASE WHEN %L = ANY (f.kolommen) THEN NULL WHEN %s IS NULL AND %s IS NULL THEN %s ELSE daterange(%s, %s, ''[)'') END',
                      v_r.attname,
                      CASE WHEN v_r.van_pos IS NULL THEN 'NULL' ELSE format('d._csv_velden[%s]', v_r.van_pos) END,
                      CASE WHEN v_r.tot_pos IS NULL THEN 'NULL' ELSE format('d._csv_velden[%s]', v_r.tot_pos) END,
                      v_v,
                      CASE WHEN v_r.van_pos IS NULL THEN 'NULL::date' ELSE format('d._csv_velden[%s]::date', v_r.van_pos) END,
                      CASE WHEN v_r.tot_pos IS NULL THEN 'NULL::date' ELSE format('d._csv_velden[%s]::date + 1', v_r.tot_pos) END);
    ELSE
      v_sql := v_v;
    END IF;
    v_sel := v_sel || format('%s AS %I', v_sql, v_r.attname);
    IF v_r.in_kop THEN
      v_ins := v_ins || quote_ident(v_r.attname);
    END IF;
  END LOOP;
  EXECUTE format($q$CREATE TEMP TABLE verzuim_csv_rij ON COMMIT DROP AS
    SELECT d._csv_regel, coalesce(f.kolommen, '{}') AS _csv_foute_kolommen, %s
      FROM pg_temp.verzuim_csv_data d
      LEFT JOIN (SELECT regel, array_agg(DISTINCT attname) AS kolommen FROM pg_temp.verzuim_csv_fout
                  WHERE attname IS NOT NULL GROUP BY regel) f ON f.regel = d._csv_regel$q$,
                 array_to_string(v_sel, ', '));
  ANALYZE pg_temp.verzuim_csv_rij;

  -- 4. Constraints: CHECK, foreign keys, unique keys, exclusion ---------------
  FOR v_c IN
    SELECT con.oid, con.conname, con.contype, con.confrelid::regclass AS confrelid,
           pg_get_expr(con.conbin, con.conrelid) AS expr,
           obj_description(con.oid, 'pg_constraint') AS uitleg,
           array_agg(a.attname::text ORDER BY u.n) AS cols,
           array_agg(fa.attname::text ORDER BY u.n) AS fcols,
           array_agg(CASE WHEN op.oid IS NOT NULL THEN format('OPERATOR(%I.%s)', ons.nspname, op.oprname) END
                     ORDER BY u.n) AS ops
      FROM pg_constraint con
      CROSS JOIN LATERAL unnest(con.conkey, coalesce(con.confkey, con.conkey),
                                coalesce(con.conexclop, array_fill(0::oid, ARRAY[cardinality(con.conkey)])))
                 WITH ORDINALITY AS u(k, fk, op, n)
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = u.k
      LEFT JOIN pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = u.fk
      LEFT JOIN pg_operator op ON op.oid = u.op
      LEFT JOIN pg_namespace ons ON ons.oid = op.oprnamespace
     WHERE con.conrelid = v_rel AND con.contype IN ('c', 'f', 'x')
     GROUP BY con.oid
    UNION ALL
    -- unique keys: primary key, unique constraints and plain unique indexes
    SELECT i.indexrelid, c.relname, 'u', NULL, NULL, NULL,
           array_agg(a.attname::text ORDER BY u.n), NULL, NULL
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS u(k, n)
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.k
     WHERE i.indrelid = v_rel AND i.indisunique AND i.indexprs IS NULL AND i.indpred IS NULL
       AND u.n <= i.indnkeyatts
     GROUP BY i.indexrelid, c.relname
     ORDER BY 2
  LOOP
    -- constraints on columns the file does not give (generated ids) are not checked here
    CONTINUE WHEN EXISTS (SELECT 1 FROM unnest(v_c.cols) c
                           WHERE NOT EXISTS (SELECT 1 FROM pg_temp.verzuim_csv_kol k WHERE k.attname = c));
    SELECT string_agg(k.kolom, ',' ORDER BY k.positie), min(k.pos),
           CASE WHEN count(*) = 1 THEN min(k.pos) END
      INTO v_namen, v_pos, v_waarde
      FROM pg_temp.verzuim_csv_kol k WHERE k.attname = ANY (v_c.cols);
    v_waarde := CASE WHEN v_waarde IS NULL THEN 'NULL::text' ELSE format('d._csv_velden[%s]', v_waarde) END;
    v_cond := format('NOT (s._csv_foute_kolommen && %L::text[])', v_c.cols);

    IF v_c.contype = 'c' THEN
      v_uitleg := coalesce(v_c.uitleg, format('violates check constraint %s', v_c.conname));
      v_sql := format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT s._csv_regel, %s, %L, NULL, %s, %L, '23514'
          FROM pg_temp.verzuim_csv_rij s JOIN pg_temp.verzuim_csv_data d USING (_csv_regel)
         WHERE %s AND (%s) IS FALSE$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, v_waarde, v_uitleg, v_cond, v_c.expr);
      BEGIN
        EXECUTE v_sql;
      EXCEPTION WHEN OTHERS THEN
        -- the expression raised an error for some row: evaluate row by row
        FOR v_t IN EXECUTE format('SELECT s._csv_regel FROM pg_temp.verzuim_csv_rij s WHERE %s', v_cond) LOOP
          BEGIN
            EXECUTE format('SELECT (%s) IS FALSE FROM pg_temp.verzuim_csv_rij s WHERE s._csv_regel = $1', v_c.expr)
              INTO v_b USING v_t._csv_regel;
          EXCEPTION WHEN OTHERS THEN
            v_b := true;
          END;
          IF v_b THEN
            EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
              SELECT d._csv_regel, %s, %L, NULL, %s, %L, '23514' FROM pg_temp.verzuim_csv_data d
               WHERE d._csv_regel = $1$q$, coalesce(v_pos::text, 'NULL'), v_namen, v_waarde, v_uitleg)
              USING v_t._csv_regel;
          END IF;
        END LOOP;
      END;

    ELSIF v_c.contype = 'f' THEN
      SELECT string_agg(format('t.%I = s.%I', f, c), ' AND '), string_agg(format('s.%I IS NOT NULL', c), ' AND ')
        INTO v_sql, v_v
        FROM unnest(v_c.cols, v_c.fcols) AS u(c, f);
      EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT s._csv_regel, %s, %L, NULL, %s, %L, '23503'
          FROM pg_temp.verzuim_csv_rij s JOIN pg_temp.verzuim_csv_data d USING (_csv_regel)
         WHERE %s AND %s AND NOT EXISTS (SELECT 1 FROM %s t WHERE %s)%s$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, v_waarde,
        format('unknown %s: not found in %s', v_namen, v_c.confrelid),
        v_cond, v_v, verzuim.csv_bron(v_c.confrelid, v_c.fcols, v_c.cols, 'f'), v_sql,
        CASE WHEN v_c.confrelid = v_rel
             THEN format(' AND NOT EXISTS (SELECT 1 FROM pg_temp.verzuim_csv_rij t WHERE %s)', v_sql) ELSE '' END);

    ELSIF v_c.contype = 'u' THEN
      SELECT ARRAY[string_agg(format('s.%I', c), ', '), string_agg(format('s.%I IS NOT NULL', c), ' AND '),
                   string_agg(format('t.%I = s.%I', c, c), ' AND ')]
        INTO v_cols
        FROM unnest(v_c.cols) AS u(c);
      -- within the file: every later occurrence
      EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT x._csv_regel, %s, %L, NULL, %s, format(%L, x.eerste), '23505'
          FROM (SELECT s._csv_regel, min(s._csv_regel) OVER (PARTITION BY %s) AS eerste
                  FROM pg_temp.verzuim_csv_rij s WHERE %s AND %s) x
          JOIN pg_temp.verzuim_csv_data d USING (_csv_regel)
         WHERE x._csv_regel > x.eerste$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, v_waarde,
        format('duplicate key (%s): same as line %%s', replace(replace(v_namen, '%', '%%'), ',', ', ')),
        v_cols[1], v_cond, v_cols[2]);
      -- against the rows in the table (the user's rows: shipped vakantie rows,
      -- and the periode NULL marks of deleted ones, are replaced, as by INSERT)
      EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT s._csv_regel, %s, %L, NULL, %s, %L, '23505'
          FROM pg_temp.verzuim_csv_rij s JOIN pg_temp.verzuim_csv_data d USING (_csv_regel)
         WHERE %s AND %s AND EXISTS (SELECT 1 FROM %s t WHERE %s%s%s)$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, v_waarde,
        format('duplicate key (%s): already in %s', replace(v_namen, ',', ', '), v_rel),
        v_cond, v_cols[2], verzuim.csv_bron(v_rel, v_c.cols, v_c.cols, 'u'), v_cols[3],
        CASE WHEN v_filter <> '' THEN ' AND ' || regexp_replace(v_filter, '^\s*WHERE\s+', '', 'i') ELSE '' END,
        CASE WHEN v_rel = 'verzuim.vakantie'::regclass THEN ' AND t.periode IS NOT NULL' ELSE '' END);

    ELSIF v_c.contype = 'x' THEN
      v_uitleg := coalesce(v_c.uitleg, format('conflicts with exclusion constraint %s', v_c.conname));
      SELECT string_agg(format('t.%I %s s.%I', c, o, c), ' AND ') INTO v_sql
        FROM unnest(v_c.cols, v_c.ops) AS u(c, o);
      -- within the file.  The usual shape (columns WITH =, one daterange WITH &&)
      -- in O(n log n): sorted by the start of the period per key, a row overlaps
      -- an earlier one exactly when it starts before the latest end so far; it
      -- names the line of that row.  (A self-join is quadratic: 16,000
      -- enrolments of one pupil at one school.)  Other shapes: the self-join.
      SELECT count(*) FILTER (WHERE u.o = 'OPERATOR(pg_catalog.&&)' AND a.atttypid = 'daterange'::regtype) = 1
             AND count(*) FILTER (WHERE u.o <> 'OPERATOR(pg_catalog.=)') = 1,
             min(u.c) FILTER (WHERE u.o = 'OPERATOR(pg_catalog.&&)'),
             coalesce('PARTITION BY ' || string_agg(format('s.%I', u.c), ', ') FILTER (WHERE u.o = 'OPERATOR(pg_catalog.=)'), ''),
             coalesce(string_agg(format(' AND s.%I IS NOT NULL', u.c), '') FILTER (WHERE u.o = 'OPERATOR(pg_catalog.=)'), '')
        INTO v_b, v_rng, v_part, v_nn
        FROM unnest(v_c.cols, v_c.ops) AS u(c, o)
        JOIN pg_attribute a ON a.attrelid = v_rel AND a.attname = u.c;
      IF v_b THEN
        EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
          SELECT x._csv_regel, %s, %L, NULL, NULL, format(%L, x.eerder[2]), '23P01'
            FROM (SELECT s._csv_regel, s.%I AS periode,
                         max(ARRAY[coalesce(upper(s.%I) - '2000-01-01'::date, 2147483647), s._csv_regel])
                           OVER (%s ORDER BY lower(s.%I) NULLS FIRST, s._csv_regel
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS eerder
                    FROM pg_temp.verzuim_csv_rij s
                   WHERE %s AND NOT isempty(s.%I)%s) x
           WHERE x.eerder[1] > coalesce(lower(x.periode) - '2000-01-01'::date, -2147483648)$q$,
          coalesce(v_pos::text, 'NULL'), v_namen, replace(v_uitleg, '%', '%%') || ' (line %s)',
          v_rng, v_rng, v_part, v_rng, v_cond, v_rng, v_nn);
      ELSE
      EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT s._csv_regel, %s, %L, NULL, NULL, format(%L, min(t._csv_regel)), '23P01'
          FROM pg_temp.verzuim_csv_rij s
          JOIN pg_temp.verzuim_csv_rij t ON t._csv_regel < s._csv_regel AND %s
         WHERE %s AND NOT (t._csv_foute_kolommen && %L::text[])
         GROUP BY s._csv_regel$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, replace(v_uitleg, '%', '%%') || ' (line %s)', v_sql, v_cond, v_c.cols);
      END IF;
      -- against the rows in the table: one probe of the constraint's index per
      -- row (OFFSET 0 keeps the planner from a hash semi-join, which puts all
      -- rows of one pupil and school in one bucket: quadratic)
      EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT s._csv_regel, %s, %L, NULL, NULL, %L, '23P01'
          FROM pg_temp.verzuim_csv_rij s
         WHERE %s AND EXISTS (SELECT 1 FROM %s t WHERE %s%s OFFSET 0)$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, format('%s (a row already in %s)', v_uitleg, v_rel),
        v_cond,
        verzuim.csv_bron(v_rel, ARRAY(SELECT u.c FROM unnest(v_c.cols, v_c.ops) AS u(c, o) WHERE u.o = 'OPERATOR(pg_catalog.=)'),
                         ARRAY(SELECT u.c FROM unnest(v_c.cols, v_c.ops) AS u(c, o) WHERE u.o = 'OPERATOR(pg_catalog.=)'), 'x'),
        v_sql,
        CASE WHEN v_filter <> '' THEN ' AND ' || regexp_replace(v_filter, '^\s*WHERE\s+', '', 'i') ELSE '' END);
    END IF;
  END LOOP;

  -- 5. Rules across rows that are not constraints ------------------------------
  IF v_rel = 'verzuim.afwezigheid'::regclass THEN
    -- A pupil cannot miss more than a school day on one date, over all schools
    -- and reasons, counting the rows in the table that the file does not repeat.
    INSERT INTO pg_temp.verzuim_csv_fout
    WITH f AS (
      SELECT DISTINCT ON (s.leerling_id, s.datum, s.brin, s.reden) s._csv_regel, s.leerling_id, s.datum, s.brin, s.reden, s.uren
        FROM pg_temp.verzuim_csv_rij s
       WHERE NOT (s._csv_foute_kolommen && '{leerling_id,datum,brin,reden,uren}'::text[])
       ORDER BY s.leerling_id, s.datum, s.brin, s.reden, s._csv_regel
    ), t AS MATERIALIZED (
      -- the table's rows of those pupils and dates (read on their own: on
      -- Citus, a distributed table with an uncorrelated IN)
      SELECT a.leerling_id, a.datum, a.brin, a.reden, a.uren
        FROM verzuim.afwezigheid a
       WHERE (a.leerling_id, a.datum) IN (SELECT f.leerling_id, f.datum FROM f)
    ), dag AS (
      SELECT x.leerling_id, x.datum
        FROM (SELECT f.leerling_id, f.datum, f.uren FROM f
              UNION ALL
              SELECT a.leerling_id, a.datum, a.uren
                FROM t a
               WHERE NOT EXISTS (SELECT 1 FROM f WHERE f.leerling_id = a.leerling_id AND f.datum = a.datum
                                                     AND f.brin = a.brin AND f.reden = a.reden)) x
       GROUP BY x.leerling_id, x.datum
      -- one row above a school day is constraint afwezigheid_uren_max's
      HAVING sum(x.uren) > c_schooldag AND count(*) > 1
    )
    SELECT s._csv_regel, k.pos, k.kolom, 'uren', d._csv_velden[k.pos],
           format('the hours of this pupil on this date add up to more than %s (a school day), over all rows of the file and the table', c_schooldag),
           '23514'
      FROM pg_temp.verzuim_csv_rij s
      JOIN dag USING (leerling_id, datum)
      JOIN pg_temp.verzuim_csv_data d USING (_csv_regel)
      JOIN pg_temp.verzuim_csv_kol k ON k.kolom = 'uren'
     WHERE NOT (s._csv_foute_kolommen && '{leerling_id,datum,brin,reden,uren}'::text[]);
  END IF;

  SELECT count(DISTINCT f.regel) INTO foute_regels FROM pg_temp.verzuim_csv_fout f;
  IF laden AND foute_regels = 0 AND cardinality(v_ins) > 0 THEN
    BEGIN
      EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM pg_temp.verzuim_csv_rij ORDER BY _csv_regel',
                     v_rel, array_to_string(v_ins, ', '), array_to_string(v_ins, ', '));
      GET DIAGNOSTICS geladen = ROW_COUNT;
    EXCEPTION WHEN integrity_constraint_violation THEN
      -- Another transaction wrote a conflicting row after the checks (a plain
      -- INSERT, not a load: loads take turns).  PostgreSQL's own error would
      -- name the key values of the row in its DETAIL.
      GET STACKED DIAGNOSTICS v_v = RETURNED_SQLSTATE, v_cond = CONSTRAINT_NAME;
      PERFORM verzuim.csv_fout_melden(v_v,
        format('CSV data not loaded into %s: a row written by another transaction since the check conflicts with it (constraint %s)',
               v_rel, coalesce(v_cond, 'unknown')),
        NULL,
        'Nothing was loaded. Load again: the check then names the line that conflicts.');
    END;
  END IF;
END $$;
COMMENT ON FUNCTION verzuim.csv_verwerk(text, text, text, boolean) IS
  'The checks of the CSV loader (internal; use verzuim.controleer_csv or verzuim.laad_csv).';

CREATE FUNCTION verzuim.csv_opruimen() RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF to_regclass('pg_temp.verzuim_csv_fout') IS NOT NULL THEN DROP TABLE pg_temp.verzuim_csv_fout; END IF;
  IF to_regclass('pg_temp.verzuim_csv_ruw') IS NOT NULL THEN DROP TABLE pg_temp.verzuim_csv_ruw; END IF;
  IF to_regclass('pg_temp.verzuim_csv_kol') IS NOT NULL THEN DROP TABLE pg_temp.verzuim_csv_kol; END IF;
  IF to_regclass('pg_temp.verzuim_csv_data') IS NOT NULL THEN DROP TABLE pg_temp.verzuim_csv_data; END IF;
  IF to_regclass('pg_temp.verzuim_csv_rij') IS NOT NULL THEN DROP TABLE pg_temp.verzuim_csv_rij; END IF;
END $$;
COMMENT ON FUNCTION verzuim.csv_opruimen() IS
  'Drops the temporary tables of the CSV loader (internal).';

CREATE FUNCTION verzuim.csv_rapport(tabel text, inhoud text, pad text, bestandsnaam text, max_regels integer)
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

CREATE FUNCTION verzuim.csv_laden(tabel text, inhoud text, pad text, bestandsnaam text) RETURNS bigint
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

-- The public interface -------------------------------------------------------

CREATE FUNCTION verzuim.controleer_csv(tabel text, pad text, max_regels integer DEFAULT 100)
RETURNS TABLE (bestand text, regel integer, kolom text, waarde text, fout text, sqlstate text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF pad IS NULL THEN
    RAISE EXCEPTION 'pad must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  RETURN QUERY SELECT * FROM verzuim.csv_rapport(tabel, NULL, pad, pad, max_regels);
END $$;
COMMENT ON FUNCTION verzuim.controleer_csv(text, text, integer) IS
  'Checks a UTF-8 CSV file on the database server (absolute path; superuser or pg_read_server_files) for loading into a table of verzuim, without loading it: one row per problem, ordered by line: bestand, regel (physical line; the header is line 1), kolom (CSV column, NULL for the whole line), waarde (the field as in the file), fout (the reason), sqlstate (what laad_csv raises for it). No rows: the file loads. Problems of the first max_regels bad lines are listed (NULL: all); a last row with regel NULL says how many bad lines were left out. Layout: verzuim.csv_kolommen(tabel).';

CREATE FUNCTION verzuim.controleer_csv_tekst(tabel text, inhoud text, bestandsnaam text DEFAULT NULL,
                                             max_regels integer DEFAULT 100)
RETURNS TABLE (bestand text, regel integer, kolom text, waarde text, fout text, sqlstate text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF inhoud IS NULL THEN
    RAISE EXCEPTION 'inhoud must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  RETURN QUERY SELECT * FROM verzuim.csv_rapport(tabel, inhoud, NULL, bestandsnaam, max_regels);
END $$;
COMMENT ON FUNCTION verzuim.controleer_csv_tekst(text, text, text, integer) IS
  'verzuim.controleer_csv for CSV content passed as text (from any client; in psql: \set inhoud `cat file.csv` then SELECT * FROM verzuim.controleer_csv_tekst(''afwezigheid'', :''inhoud'', ''file.csv'')). bestandsnaam only labels the report.';

CREATE FUNCTION verzuim.laad_csv(tabel text, pad text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF pad IS NULL THEN
    RAISE EXCEPTION 'pad must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  RETURN verzuim.csv_laden(tabel, NULL, pad, pad);
END $$;
COMMENT ON FUNCTION verzuim.laad_csv(text, text) IS
  'Loads a UTF-8 CSV file on the database server (absolute path; superuser or pg_read_server_files) into a table of verzuim, completely or not at all, and returns the number of rows loaded. When any line is bad nothing is loaded and it raises an error with the SQLSTATE of the first problem (22P04 file structure, 22021 not UTF-8, 22007/22008 dates, 22P02 codes and numbers, 22003 out of range, 22000 tot before van, 23502 empty required field, 23503 unknown reference, 23505 duplicate key, 23P01 overlapping period, 23514 check) and the first five problems in its detail (line and column, never field values); verzuim.controleer_csv lists them all. Layout: verzuim.csv_kolommen(tabel).';

CREATE FUNCTION verzuim.laad_csv_tekst(tabel text, inhoud text, bestandsnaam text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF inhoud IS NULL THEN
    RAISE EXCEPTION 'inhoud must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  RETURN verzuim.csv_laden(tabel, inhoud, NULL, bestandsnaam);
END $$;
COMMENT ON FUNCTION verzuim.laad_csv_tekst(text, text, text) IS
  'verzuim.laad_csv for CSV content passed as text (from any client; in psql: \set inhoud `cat file.csv` then SELECT verzuim.laad_csv_tekst(''afwezigheid'', :''inhoud'', ''file.csv'')). bestandsnaam only labels the error message.';
