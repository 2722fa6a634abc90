-- Stored (materialized) reporting views, their scheduled refresh, and the -----
-- public views with small-cell suppression (DESIGN.md §3, §5).
--
-- Materialized views do not support row-level security, so the stored
-- versions (*_mv) are readable only by their owner; analysts read them through
-- views (*_opgeslagen) that keep the rows of the gemeenten in their grants,
-- and the role verzuim_publiek through the public views (publiek_*), which
-- aggregate and suppress.  The *_mv are refreshed by their owner, by hand
-- (verzuim.ververs_rapportage()) or on a schedule (verzuim.plan_verversing(),
-- pg_cron).  They are created populated but empty, so that the views on them
-- work straight after CREATE EXTENSION, ALTER EXTENSION UPDATE and a restore,
-- and show data from the first refresh on.

CREATE FUNCTION verzuim.minimale_celgrootte() RETURNS int
AS 'MODULE_PATHNAME', 'verzuim_minimale_celgrootte_fn'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.minimale_celgrootte() IS
  'The setting verzuim.minimale_celgrootte (default 5; superuser only): counts from 1 to this minus 1 are suppressed in the public views. A C function, so that the setting is defined (and a placeholder set by an unprivileged role discarded) before it is read.';

-- While this script runs (CREATE or ALTER EXTENSION on a database with data)
-- the stored views are created empty: computing the national telling there
-- would make the upgrade slow, and fail on missing holiday data.
SELECT pg_catalog.set_config('verzuim_intern.installatie', 'aan', true);

CREATE MATERIALIZED VIEW verzuim.leerplichttelling_mv AS SELECT * FROM verzuim.leerplichttelling
 WHERE coalesce(current_setting('verzuim_intern.installatie', true), '') <> 'aan';
CREATE UNIQUE INDEX leerplichttelling_mv_sleutel ON verzuim.leerplichttelling_mv (schooljaar, gemeentecode);
COMMENT ON MATERIALIZED VIEW verzuim.leerplichttelling_mv IS
  'Stored version of verzuim.leerplichttelling (all gemeenten, computed by the owner), refreshed CONCURRENTLY by verzuim.ververs_rapportage(). Readable only by its owner: analysts use verzuim.leerplichttelling_opgeslagen, the public verzuim.publiek_leerplichttelling.';

CREATE MATERIALIZED VIEW verzuim.benchmark_mv AS SELECT * FROM verzuim.benchmark
 WHERE coalesce(current_setting('verzuim_intern.installatie', true), '') <> 'aan';
CREATE UNIQUE INDEX benchmark_mv_sleutel ON verzuim.benchmark_mv (schooljaar, gemeentecode, cijfer);
COMMENT ON MATERIALIZED VIEW verzuim.benchmark_mv IS
  'Stored version of verzuim.benchmark (national), refreshed CONCURRENTLY by verzuim.ververs_rapportage(); readable only by its owner (see verzuim.benchmark_opgeslagen, verzuim.publiek_benchmark).';

CREATE MATERIALIZED VIEW verzuim.doorloopsnelheid_mv AS SELECT * FROM verzuim.doorloopsnelheid
 WHERE coalesce(current_setting('verzuim_intern.installatie', true), '') <> 'aan';
CREATE UNIQUE INDEX doorloopsnelheid_mv_sleutel ON verzuim.doorloopsnelheid_mv (schooljaar, niveau, code);
COMMENT ON MATERIALIZED VIEW verzuim.doorloopsnelheid_mv IS
  'Stored version of verzuim.doorloopsnelheid, refreshed CONCURRENTLY by verzuim.ververs_rapportage(); readable only by its owner (see verzuim.doorloopsnelheid_opgeslagen).';

SELECT pg_catalog.set_config('verzuim_intern.installatie', '', true);

-- Analysts: the stored rows of the gemeenten in their grants (all for a role that sees everything)
CREATE VIEW verzuim.leerplichttelling_opgeslagen WITH (security_barrier = true) AS
SELECT * FROM verzuim.leerplichttelling_mv
 WHERE gemeentecode IN (SELECT verzuim.toegang_gemeenten(CURRENT_USER));
COMMENT ON VIEW verzuim.leerplichttelling_opgeslagen IS
  'The stored leerplichttelling (as of the last refresh, verzuim.ververs_rapportage) for the gemeenten in the role''s grants (verzuim.toegang; all for a role that sees everything). Same columns as verzuim.leerplichttelling; fast for dashboards.';
CREATE VIEW verzuim.benchmark_opgeslagen WITH (security_barrier = true) AS
SELECT * FROM verzuim.benchmark_mv
 WHERE gemeentecode IN (SELECT verzuim.toegang_gemeenten(CURRENT_USER));
COMMENT ON VIEW verzuim.benchmark_opgeslagen IS
  'The stored benchmark (national figures included) for the gemeenten in the role''s grants. Same columns as verzuim.benchmark.';
CREATE VIEW verzuim.doorloopsnelheid_opgeslagen WITH (security_barrier = true) AS
SELECT d.* FROM verzuim.doorloopsnelheid_mv d
 WHERE (d.niveau = 'gemeente' AND d.code IN (SELECT verzuim.toegang_gemeenten(CURRENT_USER)))
    OR verzuim.toegang_alles(CURRENT_USER)
    OR (d.niveau = 'samenwerkingsverband' AND d.code IN (SELECT t.swv_code FROM verzuim.toegang_van(CURRENT_USER) t))
    OR (d.niveau = 'school' AND d.code IN (SELECT s.brin FROM verzuim.school s JOIN verzuim.toegang_van(CURRENT_USER) t
                                              ON t.swv_code = s.swv_code OR (t.swv_code IS NULL AND t.gemeentecode = s.gemeentecode)));
COMMENT ON VIEW verzuim.doorloopsnelheid_opgeslagen IS
  'The stored doorloopsnelheid for the gemeenten, samenwerkingsverbanden and schools (of those, or in those gemeenten) in the role''s grants; everything for a role that sees everything.';

-- Refresh and schedule -------------------------------------------------------------
CREATE FUNCTION verzuim.ververs_rapportage() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  v_mv regclass;
BEGIN
  FOREACH v_mv IN ARRAY ARRAY['verzuim.leerplichttelling_mv', 'verzuim.benchmark_mv', 'verzuim.doorloopsnelheid_mv']::regclass[] LOOP
    IF (SELECT c.relispopulated FROM pg_class c WHERE c.oid = v_mv) THEN
      EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %s', v_mv);
    ELSE
      EXECUTE format('REFRESH MATERIALIZED VIEW %s', v_mv);
    END IF;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION verzuim.ververs_rapportage() IS
  'Refreshes the stored reporting views (leerplichttelling_mv, benchmark_mv, doorloopsnelheid_mv) CONCURRENTLY: readers keep seeing the previous version meanwhile. Only their owner (the role that created the extension) may run it. Scheduled by verzuim.plan_verversing().';

CREATE FUNCTION verzuim.plan_verversing(schema text DEFAULT '30 5 * * *', taaknaam text DEFAULT 'verzuim_verversing')
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  v_job bigint;
BEGIN
  IF to_regnamespace('cron') IS NULL OR to_regprocedure('cron.schedule(text,text,text)') IS NULL THEN
    RAISE EXCEPTION 'pg_cron is not installed in this database'
      USING ERRCODE = 'undefined_object',
            HINT = 'Install postgresql-15-cron, add pg_cron to shared_preload_libraries, set cron.database_name to this database, restart, and CREATE EXTENSION pg_cron; or schedule SELECT verzuim.ververs_rapportage() with cron.schedule_in_database from the pg_cron database.';
  END IF;
  IF schema IS NULL OR taaknaam IS NULL THEN
    RAISE EXCEPTION 'schema and taaknaam must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  EXECUTE 'SELECT cron.schedule($1, $2, $3)' INTO v_job
    USING taaknaam, schema, 'SELECT verzuim.ververs_rapportage()';
  RETURN v_job;
END
$fn$;
COMMENT ON FUNCTION verzuim.plan_verversing(text, text) IS
  'Schedules verzuim.ververs_rapportage() with pg_cron (cron syntax, default daily at 05:30; pg_cron 1.4: at most once a minute) as job taaknaam (an existing job of that name is replaced); returns the job id. Needs pg_cron in this database (42704 otherwise, with a hint). The job runs as the calling role, which must own the stored views. Remove it with SELECT cron.unschedule(taaknaam).';

-- Public views with small-cell suppression -----------------------------------------
--
-- Counts from 1 to minimale_celgrootte - 1 are suppressed (primary).  Because
-- each column also has a national total, and some columns are subsets of
-- others (teruggeleid of absoluut verzuim, ...), suppressed counts could be
-- recovered by subtraction; secondary suppression prevents it:
--  * difference: a part (e.g. absoluut_teruggeleid) is suppressed when its
--    whole (absoluut_verzuim) is shown and whole - part is from 1 to k - 1;
--  * column total: per schooljaar and field, when exactly one gemeente cell is
--    suppressed and the national total is shown, the smallest other non-zero
--    cell is suppressed too; when the national total is suppressed, at least
--    two gemeente cells are (or there are not two non-zero ones).
-- The LRV split (at 1 September / new) is left out of the public views: its
-- two parts add up to lrv_totaal exactly.  Zeros are shown.
CREATE VIEW verzuim.publiek_leerplichttelling_cellen AS
WITH k AS (SELECT verzuim.minimale_celgrootte() AS k),
velden(veld) AS (
  SELECT unnest(ARRAY['absoluut_verzuim', 'absoluut_langer_dan_3_maanden', 'absoluut_teruggeleid',
                      'lrv_totaal', 'lrv_langer_dan_3_maanden', 'lrv_teruggeleid',
                      'relatief_verzuim', 'relatief_herhaald', 'luxe_verzuim',
                      'vrijstelling_3a', 'vrijstelling_3b', 'vrijstelling_5a', 'vrijstelling_5b', 'vrijstelling_5c',
                      'vrijstelling_5a_trekkend', 'vrijstelling_15', 'pv_absoluut', 'pv_relatief', 'pv_luxe'])
),
lang AS (
  SELECT t.schooljaar, t.gemeentecode, t.gemeente, v.veld, (to_jsonb(t) ->> v.veld)::bigint AS aantal
    FROM verzuim.leerplichttelling_mv t CROSS JOIN velden v
),
cel AS (
  SELECT * FROM lang
  UNION ALL
  SELECT l.schooljaar, NULL, 'Nederland', l.veld, sum(l.aantal)::bigint FROM lang l GROUP BY l.schooljaar, l.veld
),
prim AS (
  SELECT c.*, c.aantal BETWEEN 1 AND k.k - 1 AS primair FROM cel c CROSS JOIN k
),
paar(deel, geheel) AS (VALUES
  ('absoluut_langer_dan_3_maanden', 'absoluut_verzuim'), ('absoluut_teruggeleid', 'absoluut_verzuim'),
  ('lrv_langer_dan_3_maanden', 'lrv_totaal'), ('lrv_teruggeleid', 'lrv_totaal'),
  ('relatief_herhaald', 'relatief_verzuim'), ('luxe_verzuim', 'relatief_verzuim')
),
verschil AS (
  SELECT d.*,
         NOT d.primair AND EXISTS (
           SELECT 1 FROM paar p JOIN prim g ON g.veld = p.geheel CROSS JOIN k
            WHERE p.deel = d.veld AND g.schooljaar = d.schooljaar
              AND g.gemeentecode IS NOT DISTINCT FROM d.gemeentecode
              AND NOT g.primair AND g.aantal - d.aantal BETWEEN 1 AND k.k - 1) AS door_verschil
    FROM prim d
),
kolom AS (
  SELECT v.*,
         count(*) FILTER (WHERE (v.primair OR v.door_verschil) AND v.gemeentecode IS NOT NULL) OVER w AS n_onderdrukt,
         bool_or((v.primair OR v.door_verschil) AND v.gemeentecode IS NULL) OVER w AS totaal_onderdrukt,
         count(*) FILTER (WHERE NOT (v.primair OR v.door_verschil) AND v.aantal > 0 AND v.gemeentecode IS NOT NULL) OVER w AS n_kandidaat,
         CASE WHEN NOT (v.primair OR v.door_verschil) AND v.aantal > 0 AND v.gemeentecode IS NOT NULL
              THEN row_number() OVER (PARTITION BY v.schooljaar, v.veld,
                                                   (NOT (v.primair OR v.door_verschil) AND v.aantal > 0 AND v.gemeentecode IS NOT NULL)
                                      ORDER BY v.aantal, v.gemeentecode) END AS rang
    FROM verschil v
  WINDOW w AS (PARTITION BY v.schooljaar, v.veld)
),
eind AS (
  SELECT c.*,
         CASE WHEN c.primair THEN 'primair'
              WHEN c.door_verschil THEN 'verschil'
              WHEN c.gemeentecode IS NOT NULL AND NOT c.totaal_onderdrukt AND c.n_onderdrukt = 1 AND c.rang = 1 THEN 'kolomtotaal'
              WHEN c.gemeentecode IS NOT NULL AND c.totaal_onderdrukt AND c.n_onderdrukt < 2 AND c.rang <= 2 - c.n_onderdrukt THEN 'kolomtotaal'
              WHEN c.gemeentecode IS NULL AND c.n_onderdrukt = 1 AND c.n_kandidaat = 0 THEN 'kolomtotaal'
         END AS onderdrukt
    FROM kolom c
)
SELECT e.schooljaar, e.gemeentecode, e.gemeente, e.veld,
       CASE WHEN e.onderdrukt IS NULL THEN e.aantal END AS aantal,
       e.onderdrukt
  FROM eind e;
COMMENT ON VIEW verzuim.publiek_leerplichttelling_cellen IS
  'The public leerplichttelling, one row per schooljaar, gemeente (NULL: Nederland, the national total) and field, from the stored telling (last refresh). aantal is NULL when suppressed; onderdrukt says why: primair (a count from 1 to verzuim.minimale_celgrootte - 1, default 5), verschil (a part whose whole is shown would reveal a small rest: whole - part from 1 to k - 1), kolomtotaal (a second cell suppressed in a column so that a suppressed cell cannot be recovered from the national total). Zeros are shown. The LRV split at 1 September / new is not published (its parts add up to lrv_totaal).';
COMMENT ON COLUMN verzuim.publiek_leerplichttelling_cellen.schooljaar IS 'Schooljaar.';
COMMENT ON COLUMN verzuim.publiek_leerplichttelling_cellen.gemeentecode IS 'CBS code of the gemeente; NULL for the national total.';
COMMENT ON COLUMN verzuim.publiek_leerplichttelling_cellen.gemeente IS 'Name of the gemeente, or Nederland.';
COMMENT ON COLUMN verzuim.publiek_leerplichttelling_cellen.veld IS 'Field of the leerplichttelling (column of verzuim.leerplichttelling; see its comments).';
COMMENT ON COLUMN verzuim.publiek_leerplichttelling_cellen.aantal IS 'Unique pupils; NULL when suppressed.';
COMMENT ON COLUMN verzuim.publiek_leerplichttelling_cellen.onderdrukt IS 'Why the count is suppressed (primair, verschil, kolomtotaal); NULL when shown.';

CREATE VIEW verzuim.publiek_leerplichttelling AS
SELECT c.schooljaar, c.gemeentecode, c.gemeente,
       max(c.aantal) FILTER (WHERE c.veld = 'absoluut_verzuim') AS absoluut_verzuim,
       max(c.aantal) FILTER (WHERE c.veld = 'absoluut_langer_dan_3_maanden') AS absoluut_langer_dan_3_maanden,
       max(c.aantal) FILTER (WHERE c.veld = 'absoluut_teruggeleid') AS absoluut_teruggeleid,
       max(c.aantal) FILTER (WHERE c.veld = 'lrv_totaal') AS lrv_totaal,
       max(c.aantal) FILTER (WHERE c.veld = 'lrv_langer_dan_3_maanden') AS lrv_langer_dan_3_maanden,
       max(c.aantal) FILTER (WHERE c.veld = 'lrv_teruggeleid') AS lrv_teruggeleid,
       max(c.aantal) FILTER (WHERE c.veld = 'relatief_verzuim') AS relatief_verzuim,
       max(c.aantal) FILTER (WHERE c.veld = 'relatief_herhaald') AS relatief_herhaald,
       max(c.aantal) FILTER (WHERE c.veld = 'luxe_verzuim') AS luxe_verzuim,
       max(c.aantal) FILTER (WHERE c.veld = 'vrijstelling_3a') AS vrijstelling_3a,
       max(c.aantal) FILTER (WHERE c.veld = 'vrijstelling_3b') AS vrijstelling_3b,
       max(c.aantal) FILTER (WHERE c.veld = 'vrijstelling_5a') AS vrijstelling_5a,
       max(c.aantal) FILTER (WHERE c.veld = 'vrijstelling_5b') AS vrijstelling_5b,
       max(c.aantal) FILTER (WHERE c.veld = 'vrijstelling_5c') AS vrijstelling_5c,
       max(c.aantal) FILTER (WHERE c.veld = 'vrijstelling_5a_trekkend') AS vrijstelling_5a_trekkend,
       max(c.aantal) FILTER (WHERE c.veld = 'vrijstelling_15') AS vrijstelling_15,
       max(c.aantal) FILTER (WHERE c.veld = 'pv_absoluut') AS pv_absoluut,
       max(c.aantal) FILTER (WHERE c.veld = 'pv_relatief') AS pv_relatief,
       max(c.aantal) FILTER (WHERE c.veld = 'pv_luxe') AS pv_luxe
  FROM verzuim.publiek_leerplichttelling_cellen c
 GROUP BY c.schooljaar, c.gemeentecode, c.gemeente;
COMMENT ON VIEW verzuim.publiek_leerplichttelling IS
  'The public leerplichttelling per gemeente and schooljaar (gemeentecode NULL: Nederland), from the stored telling, with every count that could identify pupils suppressed (NULL): primary below verzuim.minimale_celgrootte (default 5) and secondary against subtraction from the national total or from a whole, see verzuim.publiek_leerplichttelling_cellen for the reason per cell. Readable by verzuim_publiek.';

CREATE VIEW verzuim.publiek_benchmark AS
SELECT b.schooljaar, b.gemeentecode, b.gemeente, b.cijfer, c.aantal, b.leerplichtigen,
       CASE WHEN c.aantal IS NOT NULL AND b.leerplichtigen > 0 THEN round(1000.0 * c.aantal / b.leerplichtigen, 3) END AS per_1000,
       n.aantal AS landelijk_aantal, b.landelijk_leerplichtigen,
       CASE WHEN n.aantal IS NOT NULL AND b.landelijk_leerplichtigen > 0
            THEN round(1000.0 * n.aantal / b.landelijk_leerplichtigen, 3) END AS landelijk_per_1000,
       b.referentie_per_1000, b.referentie_bron
  FROM verzuim.benchmark_mv b
  JOIN verzuim.publiek_leerplichttelling_cellen c
    ON c.schooljaar = b.schooljaar AND c.gemeentecode = b.gemeentecode AND c.veld = b.cijfer
  JOIN verzuim.publiek_leerplichttelling_cellen n
    ON n.schooljaar = b.schooljaar AND n.gemeentecode IS NULL AND n.veld = b.cijfer;
COMMENT ON VIEW verzuim.publiek_benchmark IS
  'The public benchmark per 1,000 leerplichtigen per gemeente and schooljaar, from the stored views, with the suppression of verzuim.publiek_leerplichttelling_cellen: a suppressed count has no rate either. Beside it the national figure and the reference of the parliamentary letters (DOMAIN.md §13). Readable by verzuim_publiek.';

GRANT SELECT ON verzuim.publiek_leerplichttelling_cellen, verzuim.publiek_leerplichttelling, verzuim.publiek_benchmark
   TO verzuim_publiek, verzuim_analist;
GRANT SELECT ON verzuim.leerplichttelling_opgeslagen, verzuim.benchmark_opgeslagen, verzuim.doorloopsnelheid_opgeslagen
   TO verzuim_analist;

-- The stored and public versions carry the column comments of their sources
-- (BI tools show them to analysts).
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT d.relid, a.attname, col_description(s.relid, sa.attnum) AS tekst
      FROM (VALUES ('verzuim.leerplichttelling_mv'::regclass, 'verzuim.leerplichttelling'::regclass),
                   ('verzuim.leerplichttelling_opgeslagen', 'verzuim.leerplichttelling'),
                   ('verzuim.publiek_leerplichttelling', 'verzuim.leerplichttelling'),
                   ('verzuim.benchmark_mv', 'verzuim.benchmark'),
                   ('verzuim.benchmark_opgeslagen', 'verzuim.benchmark'),
                   ('verzuim.publiek_benchmark', 'verzuim.benchmark'),
                   ('verzuim.doorloopsnelheid_mv', 'verzuim.doorloopsnelheid'),
                   ('verzuim.doorloopsnelheid_opgeslagen', 'verzuim.doorloopsnelheid')) AS p(doel, bron)
      CROSS JOIN LATERAL (SELECT p.doel AS relid) d
      CROSS JOIN LATERAL (SELECT p.bron AS relid) s
      JOIN pg_catalog.pg_attribute a ON a.attrelid = d.relid AND a.attnum > 0 AND NOT a.attisdropped
      JOIN pg_catalog.pg_attribute sa ON sa.attrelid = s.relid AND sa.attname = a.attname
  LOOP
    EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', r.relid, r.attname,
                   CASE WHEN r.relid IN ('verzuim.publiek_leerplichttelling'::regclass, 'verzuim.publiek_benchmark'::regclass)
                             AND r.attname NOT IN ('schooljaar', 'gemeentecode', 'gemeente', 'cijfer', 'leerplichtigen',
                                                   'landelijk_leerplichtigen', 'referentie_per_1000', 'referentie_bron')
                        THEN r.tekst || ' NULL when suppressed (small cell, see verzuim.publiek_leerplichttelling_cellen).'
                        ELSE r.tekst END);
  END LOOP;
END $$;
COMMENT ON COLUMN verzuim.publiek_leerplichttelling.gemeentecode IS 'CBS code of the gemeente; NULL for the national total (Nederland).';
