-- Thuiszit episodes (DESIGN.md §3 "Episodes and durations"; DOMAIN.md §6) ---
--
-- Implemented in C (src/episodes.c).  Settings (GUCs) defined there:
--   verzuim.ziekte_in_episode  onderbreekt (default) | pauzeert | telt_mee
--   verzuim.lrv_drempel        '4 weeks' (LRV: longer than this)
--   verzuim.lrv_eenheid        kalender (default) | lesweken
--   verzuim.norm               '3 months' (boven_norm: longer than this)

-- Aggregate verzuim.episodes ---------------------------------------------------

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_brin_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text, verzuim.reden)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_reden_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text, text, verzuim.reden)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_brin_reden_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

-- COST 100 on the functions only a parallel plan runs (combine, serialize,
-- deserialize): per group, partial aggregation passes each worker's state
-- through a tuple queue to the leader, which merges the sorted streams
-- (Gather Merge), deserializes, combines and finalizes every group alone.
-- For per-pupil aggregates (about ten rows per group) that costs more than
-- the workers save, also for PostgreSQL's own count(*) (bench/README.md,
-- "Parallel query"); at the default COST 1 the planner did not see it and
-- chose that plan for episodes over a join.  With 100 it keeps per-pupil
-- grouping serial and few-group aggregates parallel.
CREATE FUNCTION verzuim.episodes_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE
COST 100;

CREATE FUNCTION verzuim.episodes_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'verzuim_episodes_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 100;

CREATE FUNCTION verzuim.episodes_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 100;

CREATE FUNCTION verzuim.episodes_final(internal)
RETURNS datemultirange
AS 'MODULE_PATHNAME', 'verzuim_episodes_final'
LANGUAGE C STABLE PARALLEL SAFE;

-- The final function sorts the buffer of dates in place; that does not change
-- the set of dates the state stands for, so it is READ_ONLY in effect (and
-- the aggregate can be used as a window function).
CREATE AGGREGATE verzuim.episodes(datum date, regio text) (
    SFUNC = verzuim.episodes_sfunc,
    STYPE = internal,
    SSPACE = 160,
    FINALFUNC = verzuim.episodes_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize,
    DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text) IS
  'Thuiszit episodes: the absent school days of a group (one pupil) merged into episodes, as a datemultirange of [first absent day, last absent day + 1). Two absent days belong to one episode when no school day of the vakantieregio lies strictly between them (weekends, public holidays and school holidays are bridged). Every row counts as an absent day: filter the rows (e.g. WHERE reden IN (''ongeoorloofd'', ''luxe'') AND uren >= 5) or use episodes(datum, regio, reden). Dates that are no school day (a Saturday, a holiday) are ignored; NULL dates are skipped; input order and duplicates do not matter. The regio may differ per row (a pupil who changed to a school in another vakantieregio): a day is an absent day when it is a school day in the regio of one of its rows, and a day between two absent days is a school day when it is one in the regio of either of them. regio NULL means the setting verzuim.vakantieregio (22004 when that is empty); unknown regio 22023; infinite or out-of-calendar dates 22008; missing holiday data per verzuim.onvolledige_kalender. No rows: NULL; rows but no absent school day: an empty multirange. Parallel safe.';

CREATE AGGREGATE verzuim.episodes(datum date, regio text, brin text) (
    SFUNC = verzuim.episodes_sfunc,
    STYPE = internal,
    SSPACE = 160,
    FINALFUNC = verzuim.episodes_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize,
    DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text, text) IS
  'As episodes(datum, regio), with the school-free days (verzuim.schoolvrije_dag, e.g. studiedagen) of the school brin bridged as well. One brin per group (else 22023: group by brin too); brin NULL means the regional calendar only; a brin not in verzuim.school raises 23503.';

CREATE AGGREGATE verzuim.episodes(datum date, regio text, reden verzuim.reden) (
    SFUNC = verzuim.episodes_sfunc,
    STYPE = internal,
    SSPACE = 160,
    FINALFUNC = verzuim.episodes_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize,
    DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text, verzuim.reden) IS
  'As episodes(datum, regio), deciding per row from the reden which absences count: ongeoorloofd and luxe are absent days; te_laat never is (the pupil was at school); geoorloofd reasons (ziek, schorsing, verlof_13a, verlof_14, religieus, overig_geoorloofd) follow the setting verzuim.ziekte_in_episode, read once per group: onderbreekt (default, statutory reading: the day is a school day without ongeoorloofd absence and ends the episode), pauzeert (bridged like a holiday, not an episode day), telt_mee (an absent day). A day with both an ongeoorloofd and a geoorloofd row is an absent day. Every row counts as a whole day, whatever its uren: leave out partial days in the WHERE clause (e.g. uren >= 5) when only whole-day absence should count (DOMAIN.md §14.3). Rows with NULL reden are skipped. Pass a verzuim.reden value (a column or ''ziek''::verzuim.reden): an untyped literal picks episodes(datum, regio, brin).';

CREATE AGGREGATE verzuim.episodes(datum date, regio text, brin text, reden verzuim.reden) (
    SFUNC = verzuim.episodes_sfunc,
    STYPE = internal,
    SSPACE = 160,
    FINALFUNC = verzuim.episodes_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize,
    DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text, text, verzuim.reden) IS
  'episodes(datum, regio, reden) with the school-free days of school brin bridged as well (see episodes(datum, regio, brin)).';

-- Thuiszitter status of an episode -------------------------------------------

CREATE TYPE verzuim.thuiszit_status AS (
    duur_dagen    int,
    duur_lesdagen int,
    lopend        boolean,
    lrv           boolean,
    boven_norm    boolean,
    lrv_vanaf     date,
    norm_vanaf    date
);
COMMENT ON TYPE verzuim.thuiszit_status IS
  'Status of a thuiszit episode at a peildatum, returned by verzuim.thuiszit().';
COMMENT ON COLUMN verzuim.thuiszit_status.duur_dagen IS
  'Calendar days from the first day of the episode to its end or, while it runs, to the peildatum (inclusive): min(upper, peildatum + 1) - lower.';
COMMENT ON COLUMN verzuim.thuiszit_status.duur_lesdagen IS
  'School days of the vakantieregio in the same span.';
COMMENT ON COLUMN verzuim.thuiszit_status.lopend IS
  'The episode still runs at the peildatum: its upper bound is unbounded or after the peildatum.';
COMMENT ON COLUMN verzuim.thuiszit_status.lrv IS
  'Langdurig relatief verzuim at the peildatum: the episode has lasted longer than verzuim.lrv_drempel (lrv_vanaf <= peildatum).';
COMMENT ON COLUMN verzuim.thuiszit_status.boven_norm IS
  'Above the norm at the peildatum: the episode has lasted longer than verzuim.norm (norm_vanaf <= peildatum).';
COMMENT ON COLUMN verzuim.thuiszit_status.lrv_vanaf IS
  'First day on which the episode is longer than verzuim.lrv_drempel (may lie after the peildatum for a running episode); NULL when the episode ended before, and (lrv_eenheid lesweken) when a date after the peildatum would rest on missing holiday data.';
COMMENT ON COLUMN verzuim.thuiszit_status.norm_vanaf IS
  'First day on which the episode is longer than verzuim.norm, lower + norm (may lie after the peildatum for a running episode); NULL when the episode ended before.';

CREATE FUNCTION verzuim.thuiszit(episode daterange, peildatum date, regio text DEFAULT NULL)
RETURNS verzuim.thuiszit_status
AS 'MODULE_PATHNAME', 'verzuim_thuiszit'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.thuiszit(daterange, date, text) IS
  'Thuiszitter status of an episode [first day, day after the last day) at a peildatum: duration in calendar days and school days (to the end, or to the peildatum while it runs), lopend, LRV and the norm. LRV: the episode is longer than verzuim.lrv_drempel (default ''4 weeks'', Lpw "langer dan vier weken": from the 29th day), counted per verzuim.lrv_eenheid: kalender (default, calendar time: lower + drempel) or lesweken (only days in weeks with at least one school day of the regio count, so holiday weeks do not). Norm: longer than verzuim.norm (default ''3 months''), i.e. age(end, lower) > norm, from lower + norm (31 Jan + 3 months = 30 Apr). An episode open at the peildatum (upper unbounded or after the peildatum) is lopend and measured to the peildatum. Episodes starting after the peildatum give NULL; NULL episode or peildatum give NULL. regio NULL: the setting verzuim.vakantieregio. Empty episode or no lower bound: 22023; infinite peildatum or lower bound: 22008; dates outside the calendar: 22008.';

-- Absoluut verzuim episodes -----------------------------------------------------

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
