-- csv_verwerk as in 40_loader.sql (0.2): the overlap checks of exclusion
-- constraints are O(n log n) instead of quadratic (within the file: a window
-- over the rows sorted by the start of the period; against the table: one
-- index probe per row); a character the database encoding cannot hold makes
-- its line bad with 22P05; a load first tries the quick path
-- (43_loader_snel.sql) and jit is off for the checks.  Keep this file identical to the function in
-- 40_loader.sql (test/upgrade.sh compares the catalogs).
CREATE OR REPLACE FUNCTION verzuim.csv_verwerk(tabel text, inhoud text, pad text, laden boolean,
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
