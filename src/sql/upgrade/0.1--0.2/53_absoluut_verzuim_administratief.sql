-- absoluut_verzuim as 0.2 has it, replacing 0.1's in one step: a pinned
-- search_path (issue 7), the column onzeker_door for rows that rest on missing
-- holiday data and the woongemeente's vakantieregio (issue 8), and the argument
-- administratief_meetellen with the column administratief (issue 14): gaps
-- between enrolments within the reporting delay of art. 18
-- (verzuim.meldtermijn) are registration gaps, not absoluut verzuim.  A new
-- signature and result type need DROP + CREATE; the text below
-- is the same as in src/sql/50_episodes.sql.  (The view afwezigheid_soort of
-- 0.2 is created after this file.)
DROP FUNCTION verzuim.absoluut_verzuim(date);
CREATE FUNCTION verzuim.absoluut_verzuim(peildatum date DEFAULT current_date,
                                         administratief_meetellen boolean DEFAULT NULL)
RETURNS TABLE (leerling_id bigint, episode daterange, onzeker_door text[], administratief boolean)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
    rij record;
    n_onzeker bigint := 0;
    ontbreekt text[] := '{}';
    -- art. 18: a gap of at most this many days between two enrolments (or
    -- between a move into the gemeente and the next enrolment) is administratief
    -- (missing_ok: the settings exist once the library is loaded, which a
    -- session may not have done yet; a value SET before that is read as well)
    termijn int := coalesce(nullif(current_setting('verzuim.meldtermijn', true), ''), '7')::int;
    meetellen boolean := coalesce(administratief_meetellen,
                                  nullif(current_setting('verzuim.administratief_meetellen', true), '')::boolean,
                                  false);
BEGIN
    IF peildatum IS NULL THEN
        RETURN;
    END IF;
    IF NOT isfinite(peildatum) THEN
        RAISE EXCEPTION 'peildatum must be a finite date'
            USING ERRCODE = '22008',
                  HINT = 'Use a real calendar date instead of infinity or -infinity.';
    END IF;
    FOR rij IN
    WITH ins AS (
        SELECT i.leerling_id, range_agg(i.periode) AS m
        FROM verzuim.inschrijving i
        WHERE lower(i.periode) <= absoluut_verzuim.peildatum
        GROUP BY i.leerling_id
    ), vrij AS (
        SELECT v.leerling_id, range_agg(v.periode) AS m
        FROM verzuim.vrijstelling v
        WHERE lower(v.periode) <= absoluut_verzuim.peildatum
        GROUP BY v.leerling_id
    ), verb AS (
        -- the union, and the first day of every verblijf period (a move or arrival)
        SELECT b.leerling_id, range_agg(b.periode) AS m, array_agg(lower(b.periode)) AS begint
        FROM verzuim.verblijf b
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
                * datemultirange(daterange(NULL, absoluut_verzuim.peildatum, '[]'))
                * coalesce(verb.m, '{(,)}'::datemultirange)
                - coalesce(ins.m, '{}'::datemultirange)
                - coalesce(vrij.m, '{}'::datemultirange)) AS m
        FROM verzuim.leerling l
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
        WHERE a.vanaf <= absoluut_verzuim.peildatum
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
               (NOT isempty(e.r) AND upper(e.r) <= absoluut_verzuim.peildatum
                AND upper(e.r) - lower(e.r) <= termijn
                AND coalesce(e.ins_m @> upper(e.r), false)
                AND (coalesce(e.ins_m @> (lower(e.r) - 1), false)
                     OR coalesce(lower(e.r) = ANY (e.begint), false))) AS administratief
        FROM exact e
    )
    SELECT e.leerling_id,
           CASE WHEN upper(e.r) > absoluut_verzuim.peildatum THEN daterange(lower(e.r), NULL)
                ELSE e.r END AS episode,
           CASE WHEN e.onzeker_begin IS NOT NULL OR e.onzeker_einde IS NOT NULL
                THEN coalesce(e.onzeker_begin, '{}') || coalesce(e.onzeker_einde, '{}') END AS onzeker_door,
           e.administratief
    FROM soort e
    WHERE NOT isempty(e.r) AND (meetellen OR NOT e.administratief)
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
COMMENT ON FUNCTION verzuim.absoluut_verzuim(date, boolean) IS
  'Absoluut verzuim episodes up to the peildatum (default today): per pupil the periods in which it was leer- or kwalificatieplichtig (verzuim.leerplicht_periode, verzuim.kwalificatieplicht_periode, in the vakantieregio of the woongemeente (verzuim.gemeente.vakantieregio) when known, else as with regio NULL: the setting verzuim.vakantieregio or the earliest of all regions), lived in the Netherlands (within its verzuim.verblijf periods, when it has any), and had no inschrijving and no vrijstelling (any article, incl. vervangende leerplicht 3a/3b). An episode that still runs at the peildatum (contains it) is returned with an unbounded upper bound [start,), so upper(episode) IS NULL / upper > peildatum marks it open (as duur_agg and thuiszit expect); closed episodes end on their real day (enrolment, vrijstelling, end of plicht, emigration). Enrolments and vrijstellingen starting after the peildatum are not known yet and are ignored. For a schooljaar use its last day as peildatum and keep the episodes that overlap the schooljaar. Missing holiday data never makes it fail: an episode whose bound (the start of leerplicht, or its end with verzuim.volledig_schooljaar = eerste_lesdag) rests on uncertain days counts them as school days (the earliest start) and names the missing holidays in onzeker_door (NULL when certain); one WARNING gives their number (verzuim.onvolledige_kalender does not apply). Administrative gaps (art. 18 Lpw: in- and uitschrijvingen are reported within 7 days): an episode that ended before the peildatum, lasted at most verzuim.meldtermijn days (default 7), ended on the first day of an enrolment and began on the day after an enrolment ended or on the first day of a verblijf period (a move into the gemeente or an arrival) is a registration gap, not absoluut verzuim; it is left out, or with administratief_meetellen (argument, default the setting verzuim.administratief_meetellen, off) returned with administratief = true. Pupils born before 1964-07-01 are skipped. Infinite peildatum: 22008.';
