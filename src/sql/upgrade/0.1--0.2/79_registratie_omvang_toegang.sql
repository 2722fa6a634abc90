-- 0.2 adds the registration table verzuim.toegang (78_toegang.sql).  A 0.1
-- database that already holds data has the view verzuim.registratie_omvang
-- (made by registratie_omvang_maken() when the first row arrived, not a
-- member of the extension, so that DROP EXTENSION refuses to drop data)
-- without it.  Make the view again as a fresh 0.2 install would, and keep it
-- out of the extension (registratie_omvang_maken() does that).  When a user object depends on the view, it is left
-- as it was (a NOTICE says so): only its row counts lack the new table.
DO $$
DECLARE
  v_tabel pg_catalog.regclass;
BEGIN
  IF pg_catalog.to_regclass('verzuim.registratie_omvang') IS NULL THEN
    RETURN;
  END IF;
  BEGIN
    DROP VIEW verzuim.registratie_omvang;
  EXCEPTION WHEN dependent_objects_still_exist THEN
    RAISE NOTICE 'verzuim.registratie_omvang is kept as it was: other objects depend on it'
      USING HINT = 'Drop and re-create them after the update to see verzuim.toegang in it.';
    RETURN;
  END;
  FOR v_tabel IN
    SELECT c.tabel
      FROM pg_catalog.pg_extension e,
           pg_catalog.unnest(e.extconfig) WITH ORDINALITY AS c(tabel, nr)
     WHERE e.extname OPERATOR(pg_catalog.=) 'verzuim'
     ORDER BY c.nr
  LOOP
    IF (SELECT k.relkind FROM pg_catalog.pg_class k WHERE k.oid OPERATOR(pg_catalog.=) v_tabel)
       OPERATOR(pg_catalog.=) ANY (ARRAY['r', 'p']::"char"[]) THEN
      EXIT WHEN verzuim.registratie_omvang_maken(v_tabel);
    END IF;
  END LOOP;
  -- (registratie_omvang_maken() itself takes the new view out of the extension)
END $$;
