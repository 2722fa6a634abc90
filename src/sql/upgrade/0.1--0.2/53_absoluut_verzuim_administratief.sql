-- absoluut_verzuim as 0.2 has it, replacing 0.1's in one step: a pinned
-- search_path (issue 7), the column onzeker_door for rows that rest on missing
-- holiday data and the woongemeente's vakantieregio (issue 8), and the argument
-- administratief_meetellen with the column administratief (issue 14): gaps
-- between enrolments within the reporting delay of art. 18
-- (verzuim.meldtermijn) are registration gaps, not absoluut verzuim.  A new
-- signature and result type need DROP + CREATE; the text below
-- is the same as in src/sql/50_episodes.sql: since issue 10 item 7 a wrapper of
-- verzuim.absoluut_verzuim_in (48_absoluut_verzuim_in.sql, created before this
-- file), which holds the body.  (The view afwezigheid_soort of
-- 0.2 is created after this file.)
DROP FUNCTION verzuim.absoluut_verzuim(date);
CREATE FUNCTION verzuim.absoluut_verzuim(peildatum date DEFAULT current_date,
                                         administratief_meetellen boolean DEFAULT NULL)
RETURNS TABLE (leerling_id bigint, episode daterange, onzeker_door text[], administratief boolean)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  -- the body is verzuim.absoluut_verzuim_in (src/sql/48_absoluut_verzuim_in.sql)
  SELECT * FROM verzuim.absoluut_verzuim_in(NULL, absoluut_verzuim.peildatum,
                                            absoluut_verzuim.administratief_meetellen)
$$;
COMMENT ON FUNCTION verzuim.absoluut_verzuim(date, boolean) IS
  'Absoluut verzuim episodes up to the peildatum (default today): per pupil the periods in which it was leer- or kwalificatieplichtig (verzuim.leerplicht_periode, verzuim.kwalificatieplicht_periode, in the vakantieregio of the woongemeente (verzuim.gemeente.vakantieregio) when known, else as with regio NULL: the setting verzuim.vakantieregio or the earliest of all regions), lived in the Netherlands (within its verzuim.verblijf periods, when it has any), and had no inschrijving and no vrijstelling (any article, incl. vervangende leerplicht 3a/3b). An episode that still runs at the peildatum (contains it) is returned with an unbounded upper bound [start,), so upper(episode) IS NULL / upper > peildatum marks it open (as duur_agg and thuiszit expect); closed episodes end on their real day (enrolment, vrijstelling, end of plicht, emigration). Enrolments and vrijstellingen starting after the peildatum are not known yet and are ignored. For a schooljaar use its last day as peildatum and keep the episodes that overlap the schooljaar. Missing holiday data never makes it fail: an episode whose bound (the start of leerplicht, or its end with verzuim.volledig_schooljaar = eerste_lesdag) rests on uncertain days counts them as school days (the earliest start) and names the missing holidays in onzeker_door (NULL when certain); one WARNING gives their number (verzuim.onvolledige_kalender does not apply). Administrative gaps (art. 18 Lpw: in- and uitschrijvingen are reported within 7 days): an episode that ended before the peildatum, lasted at most verzuim.meldtermijn days (default 7), ended on the first day of an enrolment and began on the day after an enrolment ended or on the first day of a verblijf period (a move into the gemeente or an arrival) is a registration gap, not absoluut verzuim; it is left out, or with administratief_meetellen (argument, default the setting verzuim.administratief_meetellen, off) returned with administratief = true. Pupils born before 1964-07-01 are skipped. Infinite peildatum: 22008.';
