-- Absoluut verzuim episodes that overlap a period (issue 10 item 7) ---------
--
-- verzuim.absoluut_verzuim(peildatum, administratief_meetellen) computes the
-- episodes of every pupil; the leerplichttelling needs only those that
-- overlap one schooljaar, which a few percent of the pupils can have.  This
-- function holds the body of absoluut_verzuim (which calls it with binnen
-- NULL) and, given binnen, first picks the pupils that can have such an
-- episode (verzuim.absoluut_kandidaten, src/sql/47_absoluut_kandidaten.sql),
-- so that the per-pupil work (plicht_grenzen, the multirange
-- arithmetic) is done for them only.  The answer is that of absoluut_verzuim
-- restricted to the episodes that overlap binnen (test/rapportage.sql
-- compares them).

CREATE FUNCTION verzuim.absoluut_verzuim_in(binnen daterange,
                                            peildatum date DEFAULT current_date,
                                            administratief_meetellen boolean DEFAULT NULL)
RETURNS TABLE (leerling_id bigint, episode daterange, onzeker_door text[], administratief boolean)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
-- planned for every call with its values: a cached generic plan, made after
-- calls with binnen NULL (absoluut_verzuim), would read the candidates of a
-- schooljaar with a filter "= ANY (kandidaat)" over whole tables
SET plan_cache_mode = force_custom_plan
AS $fn$
#variable_conflict use_column
DECLARE
    rij record;
    n_onzeker bigint := 0;
    ontbreekt text[] := '{}';
    kand verzuim.absoluut_kandidaat[];
    kandidaat bigint[];
    -- art. 18: a gap of at most this many days between two enrolments (or
    -- between a move into the gemeente and the next enrolment) is administratief
    -- (missing_ok: the settings exist once the library is loaded, which a
    -- session may not have done yet; a value SET before that is read as well)
    termijn int := coalesce(nullif(current_setting('verzuim.meldtermijn', true), ''), '7')::int;
    meetellen boolean := coalesce(administratief_meetellen,
                                  nullif(current_setting('verzuim.administratief_meetellen', true), '')::boolean,
                                  false);
BEGIN
    IF peildatum IS NULL OR isempty(binnen) THEN
        RETURN;
    END IF;
    IF NOT isfinite(peildatum) THEN
        RAISE EXCEPTION 'peildatum must be a finite date'
            USING ERRCODE = '22008',
                  HINT = 'Use a real calendar date instead of infinity or -infinity.';
    END IF;
    IF binnen IS NOT NULL THEN
        -- only pupils who can have an episode overlapping binnen.  A day of
        -- such an episode lies in binnen (or is the peildatum, for an episode
        -- still open then), not after the peildatum, in plicht (from vanaf >=
        -- the 5th birthday >= geboortedatum + 1826 days to an end before the
        -- 19th birthday <= geboortedatum + 6600 days, and before the later of
        -- the startkwalificatie and the end of volledige leerplicht <=
        -- geboortedatum + 6230 days), and is covered by no inschrijving and no
        -- vrijstelling.  A pupil whose inschrijvingen and vrijstellingen
        -- together cover that whole window has none: verzuim.absoluut_kandidaten
        -- (C, one pass over the three tables) returns the others in leerling_id
        -- order with their columns and the unions of their inschrijvingen and
        -- vrijstellingen (a superset of the answer made exact by the query
        -- below, which then reads only their verblijf rows: through the index
        -- on leerling_id, where a join with the planner's guess of their
        -- number read the whole table).
        kand := ARRAY(SELECT k FROM verzuim.absoluut_kandidaten(absoluut_verzuim_in.binnen,
                                                                absoluut_verzuim_in.peildatum) k);
        kandidaat := ARRAY(SELECT (k).leerling_id FROM unnest(kand) k);
    END IF;
    FOR rij IN
    WITH leerling AS (
        -- every pupil (binnen NULL), or the candidates; each branch runs only
        -- for its case (the other one's one-time filter is false)
        SELECT l.leerling_id, l.geboortedatum, l.startkwalificatie_op, l.eerste_inschrijving, l.woongemeente
        FROM verzuim.leerling l WHERE absoluut_verzuim_in.binnen IS NULL
        UNION ALL
        SELECT k.leerling_id, k.geboortedatum, k.startkwalificatie_op, k.eerste_inschrijving, k.woongemeente
        FROM unnest(kand) k WHERE absoluut_verzuim_in.binnen IS NOT NULL
    ), ins AS (
        -- per pupil, in one pass over the table (for the candidates: from
        -- absoluut_kandidaten)
        SELECT i.leerling_id, range_agg(i.periode) AS m
        FROM verzuim.inschrijving i
        WHERE absoluut_verzuim_in.binnen IS NULL AND lower(i.periode) <= absoluut_verzuim_in.peildatum
        GROUP BY i.leerling_id
        UNION ALL
        SELECT k.leerling_id, k.inschrijvingen
        FROM unnest(kand) k
        WHERE absoluut_verzuim_in.binnen IS NOT NULL AND NOT isempty(k.inschrijvingen)
    ), vrij AS (
        SELECT v.leerling_id, range_agg(v.periode) AS m
        FROM verzuim.vrijstelling v
        WHERE absoluut_verzuim_in.binnen IS NULL AND lower(v.periode) <= absoluut_verzuim_in.peildatum
        GROUP BY v.leerling_id
        UNION ALL
        SELECT k.leerling_id, k.vrijstellingen
        FROM unnest(kand) k
        WHERE absoluut_verzuim_in.binnen IS NOT NULL AND NOT isempty(k.vrijstellingen)
    ), verb AS (
        -- the union, and the first day of every verblijf period (a move or arrival)
        SELECT b.leerling_id, range_agg(b.periode) AS m, array_agg(lower(b.periode)) AS begint
        FROM verzuim.verblijf b
        WHERE absoluut_verzuim_in.binnen IS NULL
        GROUP BY b.leerling_id
        UNION ALL
        SELECT b.leerling_id, range_agg(b.periode) AS m, array_agg(lower(b.periode)) AS begint
        FROM verzuim.verblijf b
        WHERE absoluut_verzuim_in.binnen IS NOT NULL AND b.leerling_id = ANY (kandidaat)
        GROUP BY b.leerling_id
    ), gat AS (
        -- plicht = leerplicht [L, E1) + kwalificatieplicht [E1, E2) = [L, max(E1, E2))
        -- (verzuim.plicht_grenzen, in the vakantieregio of the woongemeente when
        -- known).  The gaps are first computed from vanaf = the first day of the
        -- month after the 5th birthday (<= L), and only gaps that start near it
        -- are cut at L below.  plicht_grenzen never raises for missing holiday
        -- data: a bound resting on uncertain days counts them as school days
        -- (the earliest L) and names the missing holidays.
        SELECT l.leerling_id, a.vanaf, p.begin, p.einde, p.onzeker_begin, p.onzeker_einde,
               ins.m AS ins_m, verb.begint,
               (datemultirange(daterange(a.vanaf, GREATEST(a.vanaf, p.einde)))
                * datemultirange(daterange(NULL, absoluut_verzuim_in.peildatum, '[]'))
                * coalesce(verb.m, '{(,)}'::datemultirange)
                - coalesce(ins.m, '{}'::datemultirange)
                - coalesce(vrij.m, '{}'::datemultirange)) AS m
        FROM leerling l
        LEFT JOIN verzuim.gemeente gm ON gm.gemeentecode = l.woongemeente
        CROSS JOIN LATERAL (
            SELECT (date_trunc('month', l.geboortedatum + interval '5 years') + interval '1 month')::date AS vanaf
        ) a
        CROSS JOIN LATERAL verzuim.plicht_grenzen(l.geboortedatum, l.startkwalificatie_op,
                                                  l.eerste_inschrijving, gm.vakantieregio::text) p
        LEFT JOIN ins ON ins.leerling_id = l.leerling_id
        LEFT JOIN vrij ON vrij.leerling_id = l.leerling_id
        LEFT JOIN verb ON verb.leerling_id = l.leerling_id
        -- only pupils whose leerplicht can have begun by the peildatum (vanaf is
        -- on or before the true start, also for 29 February birthdays); birth
        -- dates before 1964-07-01 have their leerplicht before the school calendar
        -- (1969-08-01) and are outside leerplicht_periode's range
        WHERE a.vanaf <= absoluut_verzuim_in.peildatum
          AND l.geboortedatum >= date '1964-07-01'
    ), exact AS (
        -- L lies within two months after vanaf (the longest holiday is 44 days)
        SELECT g.leerling_id,
               CASE WHEN lower(r) < g.vanaf + 62 THEN r * daterange(g.begin, NULL) ELSE r END AS r,
               CASE WHEN lower(r) < g.vanaf + 62 THEN g.onzeker_begin END AS onzeker_begin,
               CASE WHEN upper(r) = g.einde THEN g.onzeker_einde END AS onzeker_einde,
               g.ins_m, g.begint
        FROM gat g, unnest(g.m) AS r
    ), soort AS (
        -- administratief: closed before the peildatum, at most termijn days, an
        -- enrolment begins on its end, and an enrolment ended or a verblijf
        -- period (a move into the gemeente, an arrival) began on its start
        SELECT e.*,
               (NOT isempty(e.r) AND upper(e.r) <= absoluut_verzuim_in.peildatum
                AND upper(e.r) - lower(e.r) <= termijn
                AND coalesce(e.ins_m @> upper(e.r), false)
                AND (coalesce(e.ins_m @> (lower(e.r) - 1), false)
                     OR coalesce(lower(e.r) = ANY (e.begint), false))) AS administratief
        FROM exact e
    )
    SELECT e.leerling_id,
           CASE WHEN upper(e.r) > absoluut_verzuim_in.peildatum THEN daterange(lower(e.r), NULL)
                ELSE e.r END AS episode,
           CASE WHEN e.onzeker_begin IS NOT NULL OR e.onzeker_einde IS NOT NULL
                THEN coalesce(e.onzeker_begin, '{}') || coalesce(e.onzeker_einde, '{}') END AS onzeker_door,
           e.administratief
    FROM soort e
    WHERE NOT isempty(e.r) AND (meetellen OR NOT e.administratief)
      AND (absoluut_verzuim_in.binnen IS NULL
           OR (CASE WHEN upper(e.r) > absoluut_verzuim_in.peildatum THEN daterange(lower(e.r), NULL)
                    ELSE e.r END) && absoluut_verzuim_in.binnen)
    LOOP
        leerling_id := rij.leerling_id;
        episode := rij.episode;
        onzeker_door := rij.onzeker_door;
        administratief := rij.administratief;
        IF rij.onzeker_door IS NOT NULL THEN
            n_onzeker := n_onzeker + 1;
            ontbreekt := ontbreekt || rij.onzeker_door;
        END IF;
        RETURN NEXT;
    END LOOP;
    IF n_onzeker > 0 THEN
        RAISE WARNING '% absoluut verzuim episode(s) depend on missing holiday data', n_onzeker
            USING DETAIL = 'Missing: ' || array_to_string(ARRAY(SELECT DISTINCT x FROM unnest(ontbreekt) x ORDER BY 1), ', ')
                           || '. Their bounds count the days of the missing holidays as school days; the column onzeker_door marks them.',
                  HINT = 'Add the holidays to verzuim.vakantie (e.g. verzuim.vakanties_laden); see verzuim.kalender_dekking.';
    END IF;
END
$fn$;
COMMENT ON FUNCTION verzuim.absoluut_verzuim_in(daterange, date, boolean) IS
  'The episodes of verzuim.absoluut_verzuim(peildatum, administratief_meetellen) that overlap binnen (an episode still open at the peildatum as [start,)), computed for the pupils that can have one only: for one schooljaar use binnen = verzuim.schooljaar_periode(schooljaar) and its last day as peildatum (as verzuim.leerplichttelling does). binnen NULL: every episode (verzuim.absoluut_verzuim); empty: none. The WARNING about missing holiday data counts the returned episodes.';
