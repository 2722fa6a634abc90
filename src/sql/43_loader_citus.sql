-- The CSV loader on Citus (docs/meer-servers.md) -------------------------------
--
-- The loader (csv_verwerk, 40_loader.sql) checks the typed rows of a file,
-- held in temporary tables, against the rows already in the target table and
-- in the tables its foreign keys point to: EXISTS / NOT EXISTS subqueries that
-- join a temporary table to a table of verzuim.  Citus refuses to join a local
-- (temporary) table to a distributed table directly.  csv_bron gives the
-- relation such a check reads: the table itself when it is an ordinary table
-- (nothing changes on one node), and for a table that Citus manages a
-- temporary copy of only the rows that the check can meet, fetched in one
-- query Citus can run (the table with an uncorrelated IN over the file's
-- keys), with a btree index on those keys for the per-row probes.
-- Does Citus manage this table (pg_catalog.pg_dist_partition, which exists only
-- where Citus is installed)?  The loader and the reporting functions take a
-- query Citus can plan for such a table.
CREATE FUNCTION verzuim.citus_verdeeld(tabel regclass) RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_citus boolean := false;
BEGIN
  IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
    EXECUTE 'SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = $1)'
      INTO v_citus USING tabel;
  END IF;
  RETURN v_citus;
END $$;
COMMENT ON FUNCTION verzuim.citus_verdeeld(regclass) IS
  'Whether Citus manages the table (distributed or reference; internal): false where Citus is not installed. The CSV loader and verzuim.woongemeenten_op then use queries Citus can plan.';

CREATE FUNCTION verzuim.csv_bron(tabel regclass, kolommen text[], rijkolommen text[], naam text)
RETURNS text
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_naam  text := 'verzuim_csv_bron_' || naam;
BEGIN
  IF NOT verzuim.citus_verdeeld(tabel) THEN
    RETURN tabel::text;
  END IF;
  IF pg_catalog.to_regclass('pg_temp.' || quote_ident(v_naam)) IS NOT NULL THEN
    EXECUTE format('DROP TABLE pg_temp.%I', v_naam);
  END IF;
  IF coalesce(cardinality(kolommen), 0) = 0 THEN
    EXECUTE format('CREATE TEMP TABLE %I ON COMMIT DROP AS SELECT t.* FROM %s t', v_naam, tabel);
  ELSE
    EXECUTE format('CREATE TEMP TABLE %I ON COMMIT DROP AS SELECT t.* FROM %s t WHERE (%s) IN (SELECT DISTINCT %s FROM pg_temp.verzuim_csv_rij s WHERE %s)',
                   v_naam, tabel,
                   (SELECT string_agg(format('t.%I', k), ', ' ORDER BY n) FROM unnest(kolommen) WITH ORDINALITY AS u(k, n)),
                   (SELECT string_agg(format('s.%I', k), ', ' ORDER BY n) FROM unnest(rijkolommen) WITH ORDINALITY AS u(k, n)),
                   (SELECT string_agg(format('s.%I IS NOT NULL', k), ' AND ') FROM unnest(rijkolommen) AS u(k)));
    EXECUTE format('CREATE INDEX ON pg_temp.%I (%s)', v_naam,
                   (SELECT string_agg(format('%I', k), ', ' ORDER BY n) FROM unnest(kolommen) WITH ORDINALITY AS u(k, n)));
  END IF;
  EXECUTE format('ANALYZE pg_temp.%I', v_naam);
  RETURN 'pg_temp.' || quote_ident(v_naam);
END $$;
COMMENT ON FUNCTION verzuim.csv_bron(regclass, text[], text[], text) IS
  'The relation a check of the CSV loader reads instead of tabel (internal): tabel itself, or, when Citus manages tabel (pg_dist_partition), a temporary table with only its rows whose columns kolommen equal rijkolommen of some row of the file being loaded (all rows when kolommen is empty), since Citus cannot join a temporary table to a distributed table.';
