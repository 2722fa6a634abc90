-- Reporting: the leerplichttelling and its pupils (DOMAIN.md §5.2, DESIGN.md §3) --
--
-- The telling of one schooljaar is computed by set-returning functions whose
-- settings are arguments (so that further readings can be added as
-- arguments); the views on top of them cover every schooljaar with meldingen
-- or processen-verbaal and are security_invoker: a role sees the figures of
-- the pupils that row-level security (85_toegang.sql) lets it see.
--
-- Every count is a number of unique pupils over the whole schooljaar
-- [1 August, 1 August).  The gemeente responsible is the woongemeente of the
-- pupil on "the day that counts": per section of the telling (absoluut
-- verzuim, LRV, relatief verzuim, each vrijstelling article, each soort of
-- proces-verbaal) the first day in the schooljaar on which the pupil meets a
-- field of that section; the woongemeente is the verzuim.verblijf period that
-- contains that day, or leerling.woongemeente when no period contains it.  A
-- pupil who moves mid-year is counted once, in one gemeente, per section, so
-- that the sub-counts of a section (e.g. teruggeleid) stay subsets of its
-- total in every gemeente and the national sums are unique pupils.

CREATE FUNCTION verzuim.woongemeente_op(leerling_id bigint, dag date) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(
    (SELECT v.gemeentecode FROM verzuim.verblijf v
      WHERE v.leerling_id = woongemeente_op.leerling_id AND v.periode @> woongemeente_op.dag
      LIMIT 1),
    (SELECT l.woongemeente FROM verzuim.leerling l WHERE l.leerling_id = woongemeente_op.leerling_id))
$$;
COMMENT ON FUNCTION verzuim.woongemeente_op(bigint, date) IS
  'Woongemeente of a pupil on a day: the gemeente of its verzuim.verblijf period that contains the day, else its current verzuim.leerling.woongemeente; NULL for an unknown (or invisible) pupil.';

-- The same for many pupils and days at once (the leerplichttelling's
-- responsible gemeente).  One index probe per pair, in pupil order: the
-- verblijf period that begins last on or before the day (through the btree
-- on (leerling_id, lower(periode)); periods of a pupil do not overlap, so it
-- is the one containing the day if any).  A plain join let the planner probe
-- the exclusion constraint's GiST index instead, several times slower.  Citus
-- cannot plan that correlated LIMIT over a distributed table: there the join.
CREATE FUNCTION verzuim.woongemeenten_op(leerling_ids bigint[], dagen date[])
RETURNS TABLE (leerling_id bigint, dag date, gemeentecode text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF pg_catalog.cardinality(woongemeenten_op.leerling_ids) IS DISTINCT FROM pg_catalog.cardinality(woongemeenten_op.dagen) THEN
    RAISE EXCEPTION 'leerling_ids and dagen must have the same number of elements'
      USING ERRCODE = 'array_subscript_error',
            HINT = 'Pass one day per pupil: element i of dagen is the day of element i of leerling_ids.';
  END IF;
  IF verzuim.citus_verdeeld('verzuim.verblijf') THEN
    RETURN QUERY
    SELECT s.l, s.d, coalesce(v.gemeentecode, l.woongemeente)
      FROM unnest(woongemeenten_op.leerling_ids, woongemeenten_op.dagen) AS s(l, d)
      LEFT JOIN verzuim.verblijf v ON v.leerling_id = s.l AND v.periode @> s.d
      LEFT JOIN verzuim.leerling l ON l.leerling_id = s.l;
  ELSE
    RETURN QUERY
    SELECT s.l, s.d, coalesce(v.gemeentecode, l.woongemeente)
      FROM (SELECT u.l, u.d FROM unnest(woongemeenten_op.leerling_ids, woongemeenten_op.dagen) AS u(l, d)
             ORDER BY u.l) s
      LEFT JOIN LATERAL (SELECT b.gemeentecode, b.periode FROM verzuim.verblijf b
                          WHERE b.leerling_id = s.l AND lower(b.periode) <= s.d
                          ORDER BY lower(b.periode) DESC LIMIT 1) v ON v.periode @> s.d
      LEFT JOIN verzuim.leerling l ON l.leerling_id = s.l;
  END IF;
END
$fn$;
COMMENT ON FUNCTION verzuim.woongemeenten_op(bigint[], date[]) IS
  'verzuim.woongemeente_op for many pupils at once: for element i of leerling_ids and of dagen (arrays of equal length; else 2202E), the pupil, the day and its woongemeente on that day (the verzuim.verblijf period containing the day, else verzuim.leerling.woongemeente; NULL for an unknown or invisible pupil). One row per pair, in leerling_id order. Used by the leerplichttelling; row-level security applies.';

CREATE FUNCTION verzuim.leerplichttelling_velden() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT ARRAY['absoluut_verzuim', 'absoluut_langer_dan_3_maanden', 'absoluut_teruggeleid',
               'lrv_per_1_september', 'lrv_nieuw', 'lrv_totaal', 'lrv_langer_dan_3_maanden', 'lrv_teruggeleid',
               'relatief_verzuim', 'relatief_herhaald', 'luxe_verzuim',
               'vrijstelling_3a', 'vrijstelling_3b', 'vrijstelling_5a', 'vrijstelling_5b', 'vrijstelling_5c',
               'vrijstelling_5a_trekkend', 'vrijstelling_15',
               'pv_absoluut', 'pv_relatief', 'pv_luxe']::text[]
$$;
COMMENT ON FUNCTION verzuim.leerplichttelling_velden() IS
  'The fields (columns) of the leerplichttelling, in order; each is a valid veld for verzuim.leerplichttelling_leerlingen().';

-- One row per counted pupil and field: the core of the telling.
CREATE FUNCTION verzuim.leerplichttelling_tellers(schooljaar text, norm interval DEFAULT NULL,
                                                  administratief_meetellen boolean DEFAULT NULL)
RETURNS TABLE (gemeentecode text, veld text, leerling_id bigint, peildag date)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  v_periode daterange;
  v_b       date;
  v_e       date;
  v_sep1    date;
  v_norm    interval;
BEGIN
  IF leerplichttelling_tellers.schooljaar IS NULL THEN
    RETURN;
  END IF;
  v_periode := verzuim.schooljaar_periode(leerplichttelling_tellers.schooljaar);
  v_b := lower(v_periode);
  v_e := upper(v_periode);
  v_sep1 := make_date(extract(year FROM v_b)::int, 9, 1);
  v_norm := coalesce(leerplichttelling_tellers.norm,
                     nullif(current_setting('verzuim.norm', true), '')::interval,
                     interval '3 months');
  IF v_norm <= interval '0' THEN
    RAISE EXCEPTION 'norm must be a positive interval'
      USING ERRCODE = 'invalid_parameter_value', HINT = 'The statutory reading is ''3 months''.';
  END IF;

  RETURN QUERY
  WITH av AS (
    -- absoluut verzuim episodes up to the last day of the schooljaar that overlap
    -- it (absoluut_verzuim_in: computed for the pupils that can have one only);
    -- administrative gaps (art. 18) counted as the argument or setting says
    SELECT a.leerling_id, a.episode
      FROM verzuim.absoluut_verzuim_in(v_periode, v_e - 1, leerplichttelling_tellers.administratief_meetellen) a
     WHERE a.episode && v_periode
  ), lrv AS (
    -- LRV: the verzuim periods of lrv meldingen (not withdrawn), merged per
    -- pupil (a re-reported case is one case); a period counts for the
    -- schooljaar when it contains 1 September or begins in the schooljaar
    -- (joins instead of correlated subqueries throughout, so that Citus can
    -- plan the query over distributed tables: docs/meer-servers.md)
    SELECT x.leerling_id, x.periode, x.per_1_september,
           bool_or(x.per_1_september) OVER (PARTITION BY x.leerling_id) AS pupil_1_september
      FROM (SELECT m.leerling_id, r AS periode, r @> v_sep1 AS per_1_september
              FROM (SELECT m.leerling_id, range_agg(m.verzuim_periode) AS mr
                      FROM verzuim.melding m
                     WHERE m.soort = 'lrv' AND m.status <> 'ingetrokken'
                       AND lower(m.verzuim_periode) < v_e
                     GROUP BY m.leerling_id) m,
                   unnest(m.mr) AS r
             WHERE r @> v_sep1 OR (lower(r) >= v_b AND lower(r) < v_e)) x
  ), rel AS (
    -- relatief verzuim: meldingen 16uur and luxe (not withdrawn) whose verzuim begins in the schooljaar
    SELECT m.leerling_id, m.soort, lower(m.verzuim_periode) AS dag
      FROM verzuim.melding m
     WHERE m.soort IN ('16uur', 'luxe') AND m.status <> 'ingetrokken'
       AND lower(m.verzuim_periode) >= v_b AND lower(m.verzuim_periode) < v_e
  ), feit(leerling_id, sectie, veld, dag) AS (
    SELECT a.leerling_id, 'absoluut', 'absoluut_verzuim', greatest(lower(a.episode), v_b) FROM av a
    UNION ALL
    SELECT a.leerling_id, 'absoluut', 'absoluut_langer_dan_3_maanden', greatest(lower(a.episode), v_b) FROM av a
     WHERE lower(a.episode) + v_norm < least(coalesce(upper(a.episode), v_e), v_e)
    UNION ALL
    -- (a join, not EXISTS: a pupil with two such inschrijvingen gives two
    -- rows, which per_veld folds into one)
    SELECT a.leerling_id, 'absoluut', 'absoluut_teruggeleid', greatest(lower(a.episode), v_b) FROM av a
      JOIN verzuim.inschrijving i ON i.leerling_id = a.leerling_id AND lower(i.periode) = upper(a.episode)
     WHERE upper(a.episode) < v_e
    UNION ALL
    SELECT l.leerling_id, 'lrv', 'lrv_per_1_september', v_sep1 FROM lrv l WHERE l.per_1_september
    UNION ALL
    SELECT l.leerling_id, 'lrv', 'lrv_nieuw', lower(l.periode) FROM lrv l
     WHERE lower(l.periode) >= v_b AND NOT l.pupil_1_september
    UNION ALL
    SELECT l.leerling_id, 'lrv', 'lrv_totaal', CASE WHEN l.per_1_september THEN v_sep1 ELSE lower(l.periode) END
      FROM lrv l
    UNION ALL
    SELECT l.leerling_id, 'lrv', 'lrv_langer_dan_3_maanden',
           CASE WHEN l.per_1_september THEN v_sep1 ELSE lower(l.periode) END FROM lrv l
     WHERE lower(l.periode) + v_norm < least(coalesce(upper(l.periode), v_e), v_e)
    UNION ALL
    SELECT l.leerling_id, 'lrv', 'lrv_teruggeleid',
           CASE WHEN l.per_1_september THEN v_sep1 ELSE lower(l.periode) END FROM lrv l
      JOIN verzuim.inschrijving i ON i.leerling_id = l.leerling_id AND i.periode @> upper(l.periode)
     WHERE upper(l.periode) < v_e
    UNION ALL
    SELECT r.leerling_id, 'relatief', 'relatief_verzuim', r.dag FROM rel r
    UNION ALL
    SELECT r.leerling_id, 'relatief', 'relatief_herhaald', min(r.dag) FROM rel r
     GROUP BY r.leerling_id HAVING count(*) >= 2
    UNION ALL
    SELECT r.leerling_id, 'relatief', 'luxe_verzuim', r.dag FROM rel r WHERE r.soort = 'luxe'
    UNION ALL
    SELECT v.leerling_id, 'vrijstelling_' || v.artikel::text,
           'vrijstelling_' || replace(v.artikel::text, '-', '_'), greatest(lower(v.periode), v_b)
      FROM verzuim.vrijstelling v
     WHERE v.periode && v_periode
    UNION ALL
    SELECT p.leerling_id, 'pv_' || p.soort::text, 'pv_' || p.soort::text, p.datum
      FROM verzuim.proces_verbaal p
     WHERE p.datum >= v_b AND p.datum < v_e
  ), per_veld AS (
    SELECT f.leerling_id, f.sectie, f.veld, min(f.dag) AS dag FROM feit f GROUP BY 1, 2, 3
  ), per_sectie AS MATERIALIZED (
    SELECT p.leerling_id, p.sectie, min(p.dag) AS dag
      FROM per_veld p GROUP BY 1, 2
  ), gemeente_op AS (
    -- the woongemeente of each pupil on each distinct day that counts
    -- (verzuim.woongemeenten_op: the verblijf period containing the day, else
    -- the pupil's current woongemeente; NULL for an invisible pupil), looked
    -- up once per pupil and day
    SELECT w.leerling_id, w.dag, w.gemeentecode
      FROM (SELECT array_agg(d.leerling_id) AS ll, array_agg(d.dag) AS dd
              FROM (SELECT DISTINCT s.leerling_id, s.dag FROM per_sectie s) d) a
     CROSS JOIN LATERAL verzuim.woongemeenten_op(a.ll, a.dd) w
  )
  SELECT g.gemeentecode, p.veld, p.leerling_id, s.dag
    FROM per_veld p
    JOIN per_sectie s USING (leerling_id, sectie)
    JOIN gemeente_op g ON g.leerling_id = s.leerling_id AND g.dag = s.dag;
END
$fn$;
COMMENT ON FUNCTION verzuim.leerplichttelling_tellers(text, interval, boolean) IS
  'The pupils behind the leerplichttelling of a schooljaar: one row per counted pupil and field (veld, see verzuim.leerplichttelling_velden()), with the gemeente responsible (the woongemeente on peildag, the day that counts for that section of the telling: its first qualifying day in the schooljaar) and that day. norm: the thuiszit norm for the "langer dan 3 maanden" fields (NULL: the setting verzuim.norm, default 3 months). administratief_meetellen: count the administrative gaps between enrolments (art. 18, verzuim.meldtermijn) as absoluut verzuim, as in verzuim.absoluut_verzuim (NULL: the setting verzuim.administratief_meetellen, default off). Row-level security applies: a role gets only the pupils it may see. Definitions: see the COMMENT of each column of verzuim.leerplichttelling.';

CREATE FUNCTION verzuim.leerplichttelling(schooljaar text, norm interval DEFAULT NULL,
                                          administratief_meetellen boolean DEFAULT NULL)
RETURNS TABLE (gemeentecode text, gemeente text, schooljaar text,
               absoluut_verzuim bigint, absoluut_langer_dan_3_maanden bigint, absoluut_teruggeleid bigint,
               lrv_per_1_september bigint, lrv_nieuw bigint, lrv_totaal bigint,
               lrv_langer_dan_3_maanden bigint, lrv_teruggeleid bigint,
               relatief_verzuim bigint, relatief_herhaald bigint, luxe_verzuim bigint,
               vrijstelling_3a bigint, vrijstelling_3b bigint, vrijstelling_5a bigint, vrijstelling_5b bigint,
               vrijstelling_5c bigint, vrijstelling_5a_trekkend bigint, vrijstelling_15 bigint,
               pv_absoluut bigint, pv_relatief bigint, pv_luxe bigint)
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
  WITH t AS (SELECT * FROM verzuim.leerplichttelling_tellers(leerplichttelling.schooljaar, leerplichttelling.norm,
                                                             leerplichttelling.administratief_meetellen)),
  g AS (
    -- every gemeente the role has access to, plus every gemeente with a counted pupil
    SELECT x.gemeentecode FROM verzuim.toegang_gemeenten() AS x(gemeentecode)
    UNION
    SELECT t.gemeentecode FROM t WHERE t.gemeentecode IS NOT NULL
  )
  SELECT g.gemeentecode, gm.naam, leerplichttelling.schooljaar,
         count(*) FILTER (WHERE t.veld = 'absoluut_verzuim'),
         count(*) FILTER (WHERE t.veld = 'absoluut_langer_dan_3_maanden'),
         count(*) FILTER (WHERE t.veld = 'absoluut_teruggeleid'),
         count(*) FILTER (WHERE t.veld = 'lrv_per_1_september'),
         count(*) FILTER (WHERE t.veld = 'lrv_nieuw'),
         count(*) FILTER (WHERE t.veld = 'lrv_totaal'),
         count(*) FILTER (WHERE t.veld = 'lrv_langer_dan_3_maanden'),
         count(*) FILTER (WHERE t.veld = 'lrv_teruggeleid'),
         count(*) FILTER (WHERE t.veld = 'relatief_verzuim'),
         count(*) FILTER (WHERE t.veld = 'relatief_herhaald'),
         count(*) FILTER (WHERE t.veld = 'luxe_verzuim'),
         count(*) FILTER (WHERE t.veld = 'vrijstelling_3a'),
         count(*) FILTER (WHERE t.veld = 'vrijstelling_3b'),
         count(*) FILTER (WHERE t.veld = 'vrijstelling_5a'),
         count(*) FILTER (WHERE t.veld = 'vrijstelling_5b'),
         count(*) FILTER (WHERE t.veld = 'vrijstelling_5c'),
         count(*) FILTER (WHERE t.veld = 'vrijstelling_5a_trekkend'),
         count(*) FILTER (WHERE t.veld = 'vrijstelling_15'),
         count(*) FILTER (WHERE t.veld = 'pv_absoluut'),
         count(*) FILTER (WHERE t.veld = 'pv_relatief'),
         count(*) FILTER (WHERE t.veld = 'pv_luxe')
    FROM g
    JOIN verzuim.gemeente gm ON gm.gemeentecode = g.gemeentecode
    LEFT JOIN t ON t.gemeentecode = g.gemeentecode
   GROUP BY g.gemeentecode, gm.naam
$$;
COMMENT ON FUNCTION verzuim.leerplichttelling(text, interval, boolean) IS
  'The leerplichttelling of one schooljaar per woongemeente, with the settings as arguments (norm NULL: the setting verzuim.norm; administratief_meetellen: count administrative gaps between enrolments within verzuim.meldtermijn as absoluut verzuim, NULL: the setting verzuim.administratief_meetellen, default off, as in verzuim.absoluut_verzuim). One row per gemeente the role has access to (verzuim.toegang; all gemeenten for a role that sees everything) and per gemeente with a counted pupil. The view verzuim.leerplichttelling shows it for every schooljaar with data; its column comments define each field.';

CREATE FUNCTION verzuim.leerplichttelling_schooljaren() RETURNS SETOF text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT verzuim.schooljaar(lower(m.verzuim_periode)) FROM verzuim.melding m
  UNION
  SELECT verzuim.schooljaar(p.datum) FROM verzuim.proces_verbaal p
$$;
COMMENT ON FUNCTION verzuim.leerplichttelling_schooljaren() IS
  'The schooljaren the view verzuim.leerplichttelling covers: those in which a (visible) melding begins or a proces-verbaal is dated. For any other schooljaar call verzuim.leerplichttelling(schooljaar).';

CREATE VIEW verzuim.leerplichttelling WITH (security_invoker = true) AS
SELECT t.gemeentecode, t.gemeente, s.schooljaar,
       t.absoluut_verzuim, t.absoluut_langer_dan_3_maanden, t.absoluut_teruggeleid,
       t.lrv_per_1_september, t.lrv_nieuw, t.lrv_totaal, t.lrv_langer_dan_3_maanden, t.lrv_teruggeleid,
       t.relatief_verzuim, t.relatief_herhaald, t.luxe_verzuim,
       t.vrijstelling_3a, t.vrijstelling_3b, t.vrijstelling_5a, t.vrijstelling_5b, t.vrijstelling_5c,
       t.vrijstelling_5a_trekkend, t.vrijstelling_15,
       t.pv_absoluut, t.pv_relatief, t.pv_luxe
  FROM verzuim.leerplichttelling_schooljaren() AS s(schooljaar)
 CROSS JOIN LATERAL verzuim.leerplichttelling(s.schooljaar) AS t;
COMMENT ON VIEW verzuim.leerplichttelling IS
  'Leerplichttelling (art. 25 Lpw; DOMAIN.md §5.2) per woongemeente and schooljaar: every count is a number of unique pupils over the whole schooljaar (1 August - 31 July), not of incidents and not on one peildatum. The gemeente responsible is the woongemeente (verzuim.verblijf) on the day that counts: per section (absoluut, LRV, relatief, each vrijstelling article, each proces-verbaal soort) the first day in the schooljaar on which the pupil meets a field of that section, so a pupil who moves mid-year is counted once per section. Schooljaren: those with meldingen or processen-verbaal (verzuim.leerplichttelling(schooljaar, norm) gives any other, with the settings as arguments). Meldingen withdrawn by the school (status ingetrokken) are not counted. Row-level security applies (security_invoker). The pupils behind a number: verzuim.leerplichttelling_leerlingen(gemeente, schooljaar, veld).';
COMMENT ON COLUMN verzuim.leerplichttelling.gemeentecode IS 'CBS code of the woongemeente responsible for the pupils counted in this row.';
COMMENT ON COLUMN verzuim.leerplichttelling.gemeente IS 'Name of the gemeente.';
COMMENT ON COLUMN verzuim.leerplichttelling.schooljaar IS 'Schooljaar, 1 August - 31 July, as ''2024-2025''.';
COMMENT ON COLUMN verzuim.leerplichttelling.absoluut_verzuim IS 'Absoluut verzuim, totaal: unique pupils who at any time in the schooljaar were leer- or kwalificatieplichtig, lived in the Netherlands and were not enrolled at any school and had no vrijstelling (verzuim.absoluut_verzuim, episodes overlapping the schooljaar; also those that began earlier). Administrative gaps between enrolments within verzuim.meldtermijn (art. 18) are not counted unless verzuim.administratief_meetellen is on (verzuim.leerplichttelling(schooljaar, norm, administratief_meetellen) takes it as an argument).';
COMMENT ON COLUMN verzuim.leerplichttelling.absoluut_langer_dan_3_maanden IS 'Absoluut verzuim langer dan 3 maanden: of absoluut_verzuim, the pupils with an episode that lasted longer than the norm (setting verzuim.norm, default 3 months; lower + norm < end) by the end of the schooljaar, counting time before the schooljaar too.';
COMMENT ON COLUMN verzuim.leerplichttelling.absoluut_teruggeleid IS 'Absoluut verzuim teruggeleid: of absoluut_verzuim, the pupils with an episode that ended inside the schooljaar because the pupil was enrolled at a school again (an inschrijving begins on the day the episode ends).';
COMMENT ON COLUMN verzuim.leerplichttelling.lrv_per_1_september IS 'Langdurig relatief verzuim bij aanvang schooljaar: unique pupils whose LRV (the verzuim period of an lrv melding, merged per pupil) contains 1 September of the schooljaar.';
COMMENT ON COLUMN verzuim.leerplichttelling.lrv_nieuw IS 'Langdurig relatief verzuim, nieuwe gevallen: unique pupils not counted in lrv_per_1_september whose LRV period begins in the schooljaar. lrv_per_1_september + lrv_nieuw = lrv_totaal.';
COMMENT ON COLUMN verzuim.leerplichttelling.lrv_totaal IS 'Langdurig relatief verzuim (thuiszitters in relatief verzuim), totaal: unique pupils counted at 1 September or as a new case.';
COMMENT ON COLUMN verzuim.leerplichttelling.lrv_langer_dan_3_maanden IS 'LRV langer dan 3 maanden aaneensluitend: of lrv_totaal, the pupils whose LRV period lasted longer than the norm (verzuim.norm, default 3 months) by the end of the schooljaar; the months may have begun in the previous schooljaar.';
COMMENT ON COLUMN verzuim.leerplichttelling.lrv_teruggeleid IS 'LRV teruggeleid: of lrv_totaal, the pupils whose LRV period ended inside the schooljaar while they were enrolled at a school on the day after it (back at school, not uitgeschreven).';
COMMENT ON COLUMN verzuim.leerplichttelling.relatief_verzuim IS 'Relatief verzuim, totaal: unique pupils with a melding of soort 16uur (16 hours in 4 lesweken) or luxe whose verzuim begins in the schooljaar (several meldingen of a pupil count once; luxe verzuim is part of relatief verzuim).';
COMMENT ON COLUMN verzuim.leerplichttelling.relatief_herhaald IS 'Relatief verzuim, waarvan herhaald: of relatief_verzuim, the pupils with two or more such meldingen in the schooljaar.';
COMMENT ON COLUMN verzuim.leerplichttelling.luxe_verzuim IS 'Luxe verzuim (art. 13a): of relatief_verzuim, the pupils with a melding of soort luxe in the schooljaar.';
COMMENT ON COLUMN verzuim.leerplichttelling.vrijstelling_3a IS 'Vervangende leerplicht art. 3a: unique pupils with one whose period overlaps the schooljaar (living in the gemeente on 1 August, or on its first day when granted later).';
COMMENT ON COLUMN verzuim.leerplichttelling.vrijstelling_3b IS 'Vervangende leerplicht art. 3b (laatste schooljaar): unique pupils with one whose period overlaps the schooljaar.';
COMMENT ON COLUMN verzuim.leerplichttelling.vrijstelling_5a IS 'Vrijstelling art. 5 onder a (lichamelijke of psychische gronden): unique pupils with one whose period overlaps the schooljaar.';
COMMENT ON COLUMN verzuim.leerplichttelling.vrijstelling_5b IS 'Vrijstelling art. 5 onder b (bedenkingen tegen de richting): unique pupils with one whose period overlaps the schooljaar.';
COMMENT ON COLUMN verzuim.leerplichttelling.vrijstelling_5c IS 'Vrijstelling art. 5 onder c (school in het buitenland): unique pupils with one whose period overlaps the schooljaar.';
COMMENT ON COLUMN verzuim.leerplichttelling.vrijstelling_5a_trekkend IS 'Vrijstelling art. 5a (trekkend bestaan): unique pupils with one whose period overlaps the schooljaar.';
COMMENT ON COLUMN verzuim.leerplichttelling.vrijstelling_15 IS 'Vrijstelling art. 15 (kwalificatieplicht): unique pupils with one whose period overlaps the schooljaar.';
COMMENT ON COLUMN verzuim.leerplichttelling.pv_absoluut IS 'Processen-verbaal absoluut verzuim: unique pupils with a proces-verbaal of soort absoluut dated in the schooljaar.';
COMMENT ON COLUMN verzuim.leerplichttelling.pv_relatief IS 'Processen-verbaal relatief verzuim: unique pupils with a proces-verbaal of soort relatief dated in the schooljaar (luxe ones are in pv_luxe; national tables often add them: relatief incl. luxe).';
COMMENT ON COLUMN verzuim.leerplichttelling.pv_luxe IS 'Processen-verbaal luxe verzuim: unique pupils with a proces-verbaal of soort luxe dated in the schooljaar.';

CREATE FUNCTION verzuim.leerplichttelling_leerlingen(gemeente text, schooljaar text, veld text,
                                                     norm interval DEFAULT NULL,
                                                     administratief_meetellen boolean DEFAULT NULL)
RETURNS TABLE (leerling_id bigint, peildag date)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF leerplichttelling_leerlingen.veld IS NULL
     OR NOT (leerplichttelling_leerlingen.veld = ANY (verzuim.leerplichttelling_velden())) THEN
    RAISE EXCEPTION 'unknown field of the leerplichttelling'
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'The fields are: ' || array_to_string(verzuim.leerplichttelling_velden(), ', ') || '.';
  END IF;
  RETURN QUERY
  SELECT t.leerling_id, t.peildag
    FROM verzuim.leerplichttelling_tellers(leerplichttelling_leerlingen.schooljaar,
                                           leerplichttelling_leerlingen.norm,
                                           leerplichttelling_leerlingen.administratief_meetellen) t
   WHERE t.gemeentecode = leerplichttelling_leerlingen.gemeente
     AND t.veld = leerplichttelling_leerlingen.veld
   ORDER BY t.leerling_id;
END
$fn$;
COMMENT ON FUNCTION verzuim.leerplichttelling_leerlingen(text, text, text, interval, boolean) IS
  'The pupils behind one number of the leerplichttelling, for the leerplichtambtenaar who must check it: gemeente (CBS code), schooljaar, veld (a column name of verzuim.leerplichttelling, e.g. ''absoluut_teruggeleid''; unknown: 22023), norm and administratief_meetellen as in verzuim.leerplichttelling(). Returns each pupil with the day that counts (peildag: the woongemeente on that day is responsible). Row-level security applies.';

GRANT SELECT ON verzuim.leerplichttelling TO verzuim_analist;
