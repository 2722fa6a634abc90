-- Reporting views beside the telling: thuiszitters, doorloopsnelheid, -------
-- afhandeling, benchmark (DESIGN.md §3; DOMAIN.md §5, §6, §13).  Each is a
-- set-returning function with the settings as arguments and a security_invoker
-- view on top, so row-level security (78_toegang.sql) applies.

CREATE FUNCTION verzuim.rapport_peildatum(peildatum date DEFAULT NULL) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(rapport_peildatum.peildatum,
                  nullif(current_setting('verzuim.peildatum', true), '')::date,
                  current_date)
$$;
COMMENT ON FUNCTION verzuim.rapport_peildatum(date) IS
  'The peildatum of the reporting views: the argument, else the setting verzuim.peildatum, else today.';

-- Thuiszitters ------------------------------------------------------------------
CREATE FUNCTION verzuim.thuiszitters(peildatum date DEFAULT NULL, norm interval DEFAULT NULL)
RETURNS TABLE (leerling_id bigint, gemeentecode text, soort text, sinds date, duur_dagen int,
               boven_norm boolean, spoed boolean, meldingsnummer bigint, brin text, swv_code text,
               status verzuim.meldingstatus)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  v_peil date := verzuim.rapport_peildatum(thuiszitters.peildatum);
  v_norm interval := coalesce(thuiszitters.norm, nullif(current_setting('verzuim.norm', true), '')::interval,
                              interval '3 months');
BEGIN
  IF NOT isfinite(v_peil) THEN
    RAISE EXCEPTION 'peildatum must be a finite date' USING ERRCODE = '22008';
  END IF;
  RETURN QUERY
  WITH lrv AS (
    SELECT m.leerling_id, r AS periode
      FROM (SELECT m.leerling_id, range_agg(m.verzuim_periode) AS mr
              FROM verzuim.melding m
             WHERE m.soort = 'lrv' AND m.status <> 'ingetrokken' AND lower(m.verzuim_periode) <= v_peil
             GROUP BY m.leerling_id) m,
           unnest(m.mr) AS r
     WHERE r @> v_peil
  ), lrv_rij AS (
    SELECT l.leerling_id, 'lrv'::text AS soort, lower(l.periode) AS sinds,
           bool_or(m.spoed) AS spoed,
           (array_agg(m.meldingsnummer ORDER BY m.gemeld_op DESC, m.meldingsnummer DESC))[1] AS meldingsnummer,
           (array_agg(m.brin ORDER BY m.gemeld_op DESC, m.meldingsnummer DESC))[1] AS brin,
           (array_agg(m.status ORDER BY m.gemeld_op DESC, m.meldingsnummer DESC))[1] AS status
      FROM lrv l
      JOIN verzuim.melding m ON m.leerling_id = l.leerling_id AND m.soort = 'lrv' AND m.status <> 'ingetrokken'
                            AND m.verzuim_periode && l.periode
     GROUP BY l.leerling_id, l.periode
  ), av_rij AS (
    SELECT a.leerling_id, 'absoluut'::text AS soort, lower(a.episode) AS sinds, false AS spoed,
           NULL::bigint AS meldingsnummer, NULL::text AS brin, NULL::verzuim.meldingstatus AS status
      FROM verzuim.absoluut_verzuim(v_peil) a
     WHERE upper_inf(a.episode) AND lower(a.episode) <= v_peil
  ), alle AS (
    SELECT * FROM lrv_rij UNION ALL SELECT * FROM av_rij
  )
  -- the woongemeente on the peildatum (verzuim.woongemeente_op) as joins, so
  -- that Citus can plan it (docs/meer-servers.md): the verblijf period that
  -- contains the day (at most one: verblijf_overlap_excl), else leerling
  SELECT x.leerling_id, coalesce(vb.gemeentecode, ll.woongemeente), x.soort, x.sinds,
         (v_peil + 1 - x.sinds)::int, x.sinds + v_norm <= v_peil, x.spoed, x.meldingsnummer, x.brin,
         s.swv_code, x.status
    FROM alle x LEFT JOIN verzuim.school s ON s.brin = x.brin
    LEFT JOIN verzuim.verblijf vb ON vb.leerling_id = x.leerling_id AND vb.periode @> v_peil
    LEFT JOIN verzuim.leerling ll ON ll.leerling_id = x.leerling_id
   ORDER BY x.spoed DESC, v_peil + 1 - x.sinds DESC, x.leerling_id;
END
$fn$;
COMMENT ON FUNCTION verzuim.thuiszitters(date, interval) IS
  'Pupils out of school on the peildatum (NULL: setting verzuim.peildatum, else today): langdurig relatief verzuim (an lrv melding, not withdrawn, whose verzuim period contains the peildatum; re-reported periods merged) and absoluut verzuim (an episode of verzuim.absoluut_verzuim running on the peildatum). Spoed first, then the longest first. norm NULL: the setting verzuim.norm. Row-level security applies.';

CREATE VIEW verzuim.thuiszitters WITH (security_invoker = true) AS
SELECT * FROM verzuim.thuiszitters() AS t
 ORDER BY t.spoed DESC, t.duur_dagen DESC, t.leerling_id;
COMMENT ON VIEW verzuim.thuiszitters IS
  'Thuiszitters on the peildatum (setting verzuim.peildatum, default today): pupils in langdurig relatief verzuim (open lrv melding) or absoluut verzuim, spoed first, then the longest first. verzuim.thuiszitters(peildatum, norm) takes the settings as arguments. Row-level security applies (security_invoker).';
COMMENT ON COLUMN verzuim.thuiszitters.leerling_id IS 'The pupil (pseudonymous id).';
COMMENT ON COLUMN verzuim.thuiszitters.gemeentecode IS 'Woongemeente of the pupil on the peildatum.';
COMMENT ON COLUMN verzuim.thuiszitters.soort IS 'lrv (langdurig relatief verzuim: enrolled, reported by the school) or absoluut (not enrolled, no vrijstelling).';
COMMENT ON COLUMN verzuim.thuiszitters.sinds IS 'First day of the current period out of school (lrv: begin of the reported verzuim; absoluut: first day without enrolment while plichtig).';
COMMENT ON COLUMN verzuim.thuiszitters.duur_dagen IS 'Calendar days out of school up to and including the peildatum.';
COMMENT ON COLUMN verzuim.thuiszitters.boven_norm IS 'Longer than the norm (setting verzuim.norm, default 3 months): sinds + norm <= peildatum.';
COMMENT ON COLUMN verzuim.thuiszitters.spoed IS 'The school asked for urgent handling in one of the meldingen of this period (false for absoluut verzuim).';
COMMENT ON COLUMN verzuim.thuiszitters.meldingsnummer IS 'The latest lrv melding of the period (empty for absoluut verzuim).';
COMMENT ON COLUMN verzuim.thuiszitters.brin IS 'The school that reported it.';
COMMENT ON COLUMN verzuim.thuiszitters.swv_code IS 'Samenwerkingsverband of that school.';
COMMENT ON COLUMN verzuim.thuiszitters.status IS 'Handling status of that melding.';

-- Doorloopsnelheid ----------------------------------------------------------------
CREATE FUNCTION verzuim.doorloopsnelheid_rapport(schooljaar text, peildatum date DEFAULT NULL)
RETURNS TABLE (niveau text, code text, naam text, meetdatum date,
               aantal bigint, lopend bigint, doorloopsnelheid numeric, gemiddelde_gesloten numeric,
               mediaan numeric, boven_norm_aandeel float8, verdeling verzuim.duurverdeling)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  v_periode daterange;
  v_peil    date;
BEGIN
  IF doorloopsnelheid_rapport.schooljaar IS NULL THEN
    RETURN;
  END IF;
  v_periode := verzuim.schooljaar_periode(doorloopsnelheid_rapport.schooljaar);
  v_peil := coalesce(doorloopsnelheid_rapport.peildatum, least(upper(v_periode) - 1, current_date));
  IF NOT isfinite(v_peil) THEN
    RAISE EXCEPTION 'peildatum must be a finite date' USING ERRCODE = '22008';
  END IF;
  RETURN QUERY
  WITH lrv AS (
    SELECT m.leerling_id, r AS periode
      FROM (SELECT m.leerling_id, range_agg(m.verzuim_periode) AS mr
              FROM verzuim.melding m
             WHERE m.soort = 'lrv' AND m.status <> 'ingetrokken' AND lower(m.verzuim_periode) <= v_peil
             GROUP BY m.leerling_id) m,
           unnest(m.mr) AS r
     WHERE r && v_periode
  ), ep AS (
    -- joins instead of verzuim.woongemeente_op and a correlated subquery, so
    -- that Citus can plan it: the woongemeente on the first day of the
    -- period in the schooljaar, the school of the period's first melding
    SELECT l.leerling_id, l.periode, coalesce(vb.gemeentecode, ll.woongemeente) AS gemeentecode,
           (array_agg(m.brin ORDER BY lower(m.verzuim_periode), m.meldingsnummer))[1] AS brin
      FROM lrv l
      LEFT JOIN verzuim.verblijf vb ON vb.leerling_id = l.leerling_id
                                   AND vb.periode @> greatest(lower(l.periode), lower(v_periode))
      LEFT JOIN verzuim.leerling ll ON ll.leerling_id = l.leerling_id
      LEFT JOIN verzuim.melding m ON m.leerling_id = l.leerling_id AND m.soort = 'lrv' AND m.status <> 'ingetrokken'
                                 AND m.verzuim_periode && l.periode
     GROUP BY l.leerling_id, l.periode, vb.gemeentecode, ll.woongemeente
  ), s AS (
    SELECT 'gemeente'::text AS niveau, ep.gemeentecode AS code, verzuim.duur_agg(ep.periode, v_peil) AS d
      FROM ep GROUP BY ep.gemeentecode
    UNION ALL
    SELECT 'samenwerkingsverband', sc.swv_code, verzuim.duur_agg(ep.periode, v_peil)
      FROM ep JOIN verzuim.school sc ON sc.brin = ep.brin WHERE sc.swv_code IS NOT NULL GROUP BY sc.swv_code
    UNION ALL
    SELECT 'school', ep.brin, verzuim.duur_agg(ep.periode, v_peil) FROM ep GROUP BY ep.brin
  )
  SELECT s.niveau, s.code,
         CASE s.niveau WHEN 'gemeente' THEN (SELECT g.naam FROM verzuim.gemeente g WHERE g.gemeentecode = s.code)
                       WHEN 'samenwerkingsverband' THEN (SELECT w.naam FROM verzuim.samenwerkingsverband w WHERE w.swv_code = s.code)
                       ELSE (SELECT sc.naam FROM verzuim.school sc WHERE sc.brin = s.code) END,
         v_peil,
         verzuim.aantal(s.d), verzuim.aantal_lopend(s.d), verzuim.doorloopsnelheid(s.d), verzuim.gemiddelde(s.d),
         verzuim.mediaan(s.d),
         verzuim.aandeel_langer_dan(s.d, (v_peil + coalesce(nullif(current_setting('verzuim.norm', true), '')::interval,
                                                             interval '3 months'))::date - v_peil),
         s.d
    FROM s
   WHERE s.d IS NOT NULL
   ORDER BY 1, 2;
END
$fn$;
COMMENT ON FUNCTION verzuim.doorloopsnelheid_rapport(text, date) IS
  'Doorloopsnelheid of langdurig relatief verzuim per gemeente, samenwerkingsverband and school for a schooljaar: the LRV periods (lrv meldingen, not withdrawn, merged per pupil) that overlap the schooljaar, measured at the peildatum (NULL: the last day of the schooljaar, or today while it runs). Gemeente: the woongemeente on the first day of the period in the schooljaar; school: the school of the first melding of the period. Row-level security applies.';

CREATE VIEW verzuim.doorloopsnelheid WITH (security_invoker = true) AS
SELECT d.niveau, d.code, d.naam, s.schooljaar, d.meetdatum AS peildatum, d.aantal, d.lopend, d.doorloopsnelheid,
       d.gemiddelde_gesloten, d.mediaan, d.boven_norm_aandeel, d.verdeling
  FROM verzuim.leerplichttelling_schooljaren() AS s(schooljaar)
 CROSS JOIN LATERAL verzuim.doorloopsnelheid_rapport(s.schooljaar) AS d;
COMMENT ON VIEW verzuim.doorloopsnelheid IS
  'How long thuiszitters in langdurig relatief verzuim stay out of school, per gemeente, samenwerkingsverband and school and schooljaar, with the ministry''s figure beside the censoring-aware ones (see README, Durations). Row-level security applies (security_invoker).';
COMMENT ON COLUMN verzuim.doorloopsnelheid.niveau IS 'gemeente, samenwerkingsverband or school.';
COMMENT ON COLUMN verzuim.doorloopsnelheid.code IS 'gemeentecode, swv_code or brin.';
COMMENT ON COLUMN verzuim.doorloopsnelheid.naam IS 'Name of the gemeente, samenwerkingsverband or school.';
COMMENT ON COLUMN verzuim.doorloopsnelheid.schooljaar IS 'Schooljaar whose LRV periods are measured (those overlapping it).';
COMMENT ON COLUMN verzuim.doorloopsnelheid.peildatum IS 'Day of measurement: the last day of the schooljaar, or today while it runs; periods open then are right-censored.';
COMMENT ON COLUMN verzuim.doorloopsnelheid.aantal IS 'Number of LRV periods.';
COMMENT ON COLUMN verzuim.doorloopsnelheid.lopend IS 'Of those, still open at the peildatum.';
COMMENT ON COLUMN verzuim.doorloopsnelheid.doorloopsnelheid IS 'The ministry''s doorloopsnelheid: mean calendar days out of school, open periods counted up to the peildatum as if they ended then (understates long cases).';
COMMENT ON COLUMN verzuim.doorloopsnelheid.gemiddelde_gesloten IS 'Mean calendar days of the closed periods only (flatters: the long ones are still open).';
COMMENT ON COLUMN verzuim.doorloopsnelheid.mediaan IS 'Kaplan-Meier median in calendar days: open periods counted as at least as long as so far; NULL when fewer than half have ended.';
COMMENT ON COLUMN verzuim.doorloopsnelheid.boven_norm_aandeel IS 'Kaplan-Meier share of periods longer than the norm (verzuim.norm, default 3 months, in days from the peildatum).';
COMMENT ON COLUMN verzuim.doorloopsnelheid.verdeling IS 'The duration summary (type verzuim.duurverdeling): re-aggregate with verzuim.samenvoegen, read with the accessors.';

-- Afhandeling --------------------------------------------------------------------
CREATE FUNCTION verzuim.afhandeling(schooljaar text, peildatum date DEFAULT NULL)
RETURNS TABLE (gemeentecode text, gemeente text, spoed boolean, meetdatum date,
               meldingen bigint, afgehandeld bigint, ingetrokken bigint, open bigint,
               gemiddelde_dagen numeric, mediaan_dagen float8, oudste_open_dagen int)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  v_periode daterange;
  v_peil    date;
BEGIN
  IF afhandeling.schooljaar IS NULL THEN
    RETURN;
  END IF;
  v_periode := verzuim.schooljaar_periode(afhandeling.schooljaar);
  v_peil := coalesce(afhandeling.peildatum, nullif(current_setting('verzuim.peildatum', true), '')::date, current_date);
  IF NOT isfinite(v_peil) THEN
    RAISE EXCEPTION 'peildatum must be a finite date' USING ERRCODE = '22008';
  END IF;
  RETURN QUERY
  WITH m AS (
    SELECT x.*, (x.gemeld_op AT TIME ZONE 'Europe/Amsterdam')::date AS gemeld,
           x.afgesloten_op IS NOT NULL AND x.afgesloten_op <= v_peil AS dicht
      FROM verzuim.melding x
     WHERE (x.gemeld_op AT TIME ZONE 'Europe/Amsterdam')::date <@ v_periode
       AND (x.gemeld_op AT TIME ZONE 'Europe/Amsterdam')::date <= v_peil
  ), g AS (
    -- verzuim.woongemeente_op as joins (Citus, see thuiszitters)
    SELECT m.*, coalesce(vb.gemeentecode, ll.woongemeente) AS gem FROM m
      LEFT JOIN verzuim.verblijf vb ON vb.leerling_id = m.leerling_id AND vb.periode @> m.gemeld
      LEFT JOIN verzuim.leerling ll ON ll.leerling_id = m.leerling_id
  )
  SELECT g.gem, gm.naam, g.spoed, v_peil,
         count(*),
         count(*) FILTER (WHERE g.dicht AND g.status <> 'ingetrokken'),
         count(*) FILTER (WHERE g.dicht AND g.status = 'ingetrokken'),
         count(*) FILTER (WHERE NOT g.dicht),
         avg(g.afgesloten_op - g.gemeld) FILTER (WHERE g.dicht AND g.status <> 'ingetrokken'),
         percentile_cont(0.5) WITHIN GROUP (ORDER BY g.afgesloten_op - g.gemeld)
           FILTER (WHERE g.dicht AND g.status <> 'ingetrokken'),
         max(v_peil - g.gemeld) FILTER (WHERE NOT g.dicht)
    FROM g JOIN verzuim.gemeente gm ON gm.gemeentecode = g.gem
   GROUP BY g.gem, gm.naam, g.spoed
   ORDER BY 1, 3 DESC;
END
$fn$;
COMMENT ON FUNCTION verzuim.afhandeling(text, date) IS
  'Handling of the meldingen reported in a schooljaar (by the date of gemeld_op in Europe/Amsterdam), per woongemeente on that date and spoed: how many were handled (afgesloten or ter kennisgeving aangenomen by the peildatum), withdrawn, still open, and the days from report to closing. peildatum NULL: the setting verzuim.peildatum, else today. Row-level security applies.';

CREATE VIEW verzuim.afhandeling WITH (security_invoker = true) AS
SELECT a.gemeentecode, a.gemeente, s.schooljaar, a.spoed, a.meetdatum AS peildatum, a.meldingen, a.afgehandeld,
       a.ingetrokken, a.open, a.gemiddelde_dagen, a.mediaan_dagen, a.oudste_open_dagen
  FROM verzuim.leerplichttelling_schooljaren() AS s(schooljaar)
 CROSS JOIN LATERAL verzuim.afhandeling(s.schooljaar) AS a;
COMMENT ON VIEW verzuim.afhandeling IS
  'How fast gemeenten handle the meldingen they receive, per woongemeente, schooljaar of the report and spoed, at the peildatum (setting verzuim.peildatum, default today). Open meldingen are counted as open, not left out. Row-level security applies (security_invoker).';
COMMENT ON COLUMN verzuim.afhandeling.gemeentecode IS 'Woongemeente of the pupil on the day of the report (DUO routes a melding to it).';
COMMENT ON COLUMN verzuim.afhandeling.gemeente IS 'Name of the gemeente.';
COMMENT ON COLUMN verzuim.afhandeling.schooljaar IS 'Schooljaar of the report date (gemeld_op, Europe/Amsterdam).';
COMMENT ON COLUMN verzuim.afhandeling.spoed IS 'Whether the school asked for urgent handling.';
COMMENT ON COLUMN verzuim.afhandeling.peildatum IS 'Day of measurement: a melding closed after it counts as open.';
COMMENT ON COLUMN verzuim.afhandeling.meldingen IS 'Meldingen reported in the schooljaar up to the peildatum.';
COMMENT ON COLUMN verzuim.afhandeling.afgehandeld IS 'Of those, closed by the gemeente (afgesloten, ter kennisgeving aangenomen) on or before the peildatum.';
COMMENT ON COLUMN verzuim.afhandeling.ingetrokken IS 'Of those, withdrawn by the school on or before the peildatum (left out of the handling times).';
COMMENT ON COLUMN verzuim.afhandeling.open IS 'Of those, not closed on the peildatum.';
COMMENT ON COLUMN verzuim.afhandeling.gemiddelde_dagen IS 'Mean calendar days from the report date to afgesloten_op of the handled meldingen.';
COMMENT ON COLUMN verzuim.afhandeling.mediaan_dagen IS 'Median of the same (percentile_cont 0.5).';
COMMENT ON COLUMN verzuim.afhandeling.oudste_open_dagen IS 'Days the oldest open melding has been waiting on the peildatum.';

-- Benchmark per 1,000 leerplichtigen -------------------------------------------------
CREATE FUNCTION verzuim.leerplichtigen(schooljaar text)
RETURNS TABLE (gemeentecode text, leerplichtigen bigint)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  -- plpgsql, not sql: Citus cannot plan a SQL function's parameters in a
  -- query over distributed tables (docs/meer-servers.md)
  RETURN QUERY
  WITH sj AS (SELECT verzuim.schooljaar_periode(leerplichtigen.schooljaar) AS p),
  pl AS (
    SELECT l.leerling_id, l.woongemeente,
           daterange((date_trunc('month', l.geboortedatum + interval '5 years') + interval '1 month')::date,
                     least((l.geboortedatum + interval '18 years')::date,
                           coalesce(l.startkwalificatie_op, 'infinity'::date))) * sj.p AS periode
      FROM verzuim.leerling l, sj
     WHERE (date_trunc('month', l.geboortedatum + interval '5 years') + interval '1 month')::date
           < least((l.geboortedatum + interval '18 years')::date, coalesce(l.startkwalificatie_op, 'infinity'::date))
  ), per_leerling AS (
    SELECT DISTINCT ON (pl.leerling_id) pl.leerling_id, coalesce(v.gemeentecode, pl.woongemeente) AS gemeentecode
      FROM pl
      LEFT JOIN verzuim.verblijf v ON v.leerling_id = pl.leerling_id AND v.periode && pl.periode
     WHERE NOT isempty(pl.periode)
       AND (v.leerling_id IS NOT NULL
            OR NOT EXISTS (SELECT 1 FROM verzuim.verblijf w WHERE w.leerling_id = pl.leerling_id))
     ORDER BY pl.leerling_id, lower(v.periode)
  )
  SELECT p.gemeentecode, count(*) FROM per_leerling p GROUP BY p.gemeentecode;
END
$$;
COMMENT ON FUNCTION verzuim.leerplichtigen(text) IS
  'Leerplichtigen per gemeente in a schooljaar, the denominator of the benchmark: pupils whose plicht (from the first day of the month after the 5th birthday to the 18th birthday or the startkwalificatie) overlaps the schooljaar and a residence (verblijf; pupils without any verblijf: their woongemeente), counted in the gemeente of the first such residence. The same reading as bench/calibration.sql. Row-level security applies.';

CREATE FUNCTION verzuim.benchmark_referentie()
RETURNS TABLE (cijfer text, landelijk_aantal numeric, referentie_per_1000 numeric, bron text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT v.cijfer, v.n, round(v.n / 2700, 3), v.bron
    FROM (VALUES ('absoluut_verzuim', 8974::numeric, 'SEED-C, 2012-2013 (Kamerstuk 26 695 nr. 95)'),
                 ('absoluut_teruggeleid', 4487, 'SEED-C: half of 8,974'),
                 ('lrv_totaal', 3789, 'SEED-C, 2012-2013 (thuiszitters > 4 weken)'),
                 ('lrv_teruggeleid', 2695, 'SEED-C, 2012-2013 (71%)'),
                 ('relatief_verzuim', 88655, 'SEED-C, 2012-2013 (incl. luxe)'),
                 ('luxe_verzuim', 8200, 'SEED-C, 2012-2013'),
                 ('pv_absoluut', 261, 'SEED-C, 2012-2013'),
                 ('pv_relatief', 2919, 'SEED-C: 6,040 relatief minus 3,121 luxe'),
                 ('pv_luxe', 3121, 'SEED-C, 2012-2013')) v(cijfer, n, bron)
$$;
COMMENT ON FUNCTION verzuim.benchmark_referentie() IS
  'The national figures of the parliamentary letters (DOMAIN.md §13) per 1,000 of 2,700,000 leerplichtigen, as a reference beside the benchmark.';

CREATE FUNCTION verzuim.benchmark(schooljaar text, norm interval DEFAULT NULL)
RETURNS TABLE (gemeentecode text, gemeente text, schooljaar text, cijfer text, aantal bigint,
               leerplichtigen bigint, per_1000 numeric, landelijk_aantal bigint, landelijk_leerplichtigen bigint,
               landelijk_per_1000 numeric, referentie_per_1000 numeric, referentie_bron text)
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
  WITH t AS (SELECT * FROM verzuim.leerplichttelling(benchmark.schooljaar, benchmark.norm)),
  lp AS (SELECT * FROM verzuim.leerplichtigen(benchmark.schooljaar)),
  lang AS (
    SELECT t.gemeentecode, t.gemeente, r.cijfer, (to_jsonb(t) ->> r.cijfer)::bigint AS aantal,
           coalesce(lp.leerplichtigen, 0) AS leerplichtigen, r.referentie_per_1000, r.bron
      FROM t LEFT JOIN lp ON lp.gemeentecode = t.gemeentecode
     CROSS JOIN verzuim.benchmark_referentie() r
  )
  SELECT l.gemeentecode, l.gemeente, benchmark.schooljaar, l.cijfer, l.aantal, l.leerplichtigen,
         CASE WHEN l.leerplichtigen > 0 THEN round(1000.0 * l.aantal / l.leerplichtigen, 3) END,
         (sum(l.aantal) OVER w)::bigint, (sum(l.leerplichtigen) OVER w)::bigint,
         CASE WHEN sum(l.leerplichtigen) OVER w > 0
              THEN round(1000.0 * sum(l.aantal) OVER w / sum(l.leerplichtigen) OVER w, 3) END,
         l.referentie_per_1000, l.bron
    FROM lang l
  WINDOW w AS (PARTITION BY l.cijfer)
   ORDER BY l.cijfer, l.gemeentecode
$$;
COMMENT ON FUNCTION verzuim.benchmark(text, interval) IS
  'Benchmark per 1,000 leerplichtigen per gemeente for a schooljaar: each figure of the leerplichttelling that DOMAIN.md §13 has a national count for, divided by verzuim.leerplichtigen, with the national figure (sum over the rows the role sees) and the reference of the parliamentary letters beside it. Row-level security applies: for a gemeente the "landelijk" columns are over what it sees; verzuim.publiek_benchmark has the real national figure.';

CREATE VIEW verzuim.benchmark WITH (security_invoker = true) AS
SELECT b.gemeentecode, b.gemeente, s.schooljaar, b.cijfer, b.aantal, b.leerplichtigen, b.per_1000,
       b.landelijk_aantal, b.landelijk_leerplichtigen, b.landelijk_per_1000, b.referentie_per_1000, b.referentie_bron
  FROM verzuim.leerplichttelling_schooljaren() AS s(schooljaar)
 CROSS JOIN LATERAL verzuim.benchmark(s.schooljaar) AS b;
COMMENT ON VIEW verzuim.benchmark IS
  'Benchmark per 1,000 leerplichtigen per gemeente and schooljaar (DOMAIN.md §13), one row per figure, with the national figure and the reference of the parliamentary letters beside it. Row-level security applies (security_invoker); public, suppressed figures: verzuim.publiek_benchmark.';
COMMENT ON COLUMN verzuim.benchmark.gemeentecode IS 'CBS code of the gemeente.';
COMMENT ON COLUMN verzuim.benchmark.gemeente IS 'Name of the gemeente.';
COMMENT ON COLUMN verzuim.benchmark.schooljaar IS 'Schooljaar.';
COMMENT ON COLUMN verzuim.benchmark.cijfer IS 'The figure: a column name of verzuim.leerplichttelling.';
COMMENT ON COLUMN verzuim.benchmark.aantal IS 'The count in the leerplichttelling.';
COMMENT ON COLUMN verzuim.benchmark.leerplichtigen IS 'Leerplichtigen of the gemeente in the schooljaar (verzuim.leerplichtigen).';
COMMENT ON COLUMN verzuim.benchmark.per_1000 IS 'aantal per 1,000 leerplichtigen (3 decimals).';
COMMENT ON COLUMN verzuim.benchmark.landelijk_aantal IS 'The count summed over all rows (all gemeenten the role sees).';
COMMENT ON COLUMN verzuim.benchmark.landelijk_leerplichtigen IS 'Leerplichtigen summed over the same rows.';
COMMENT ON COLUMN verzuim.benchmark.landelijk_per_1000 IS 'The national figure per 1,000 leerplichtigen.';
COMMENT ON COLUMN verzuim.benchmark.referentie_per_1000 IS 'The national count of the parliamentary letters (DOMAIN.md §13) per 1,000 of 2,700,000 leerplichtigen.';
COMMENT ON COLUMN verzuim.benchmark.referentie_bron IS 'Source and year of that reference.';

GRANT SELECT ON verzuim.thuiszitters, verzuim.doorloopsnelheid, verzuim.afhandeling, verzuim.benchmark TO verzuim_analist;
