-- Episodes straight from afwezigheid: the school of every row (issue 12) ------
--
-- verzuim.episodes_brin(datum, brin [, reden]) takes each row's brin and looks
-- its vakantieregio and school-free days up in the backend cache of
-- verzuim.school (src/kalender.c, invalidated like the calendar), so that
-- per-pupil episodes need no join to verzuim.school.  Implemented in
-- src/episodes.c; same state, combine and final functions as verzuim.episodes.

CREATE FUNCTION verzuim.episodes_brin_sfunc(internal, date, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_perbrin_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_brin_sfunc(internal, date, text, verzuim.reden)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_perbrin_reden_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE AGGREGATE verzuim.episodes_brin(datum date, brin text) (
    SFUNC = verzuim.episodes_brin_sfunc,
    STYPE = internal,
    SSPACE = 160,
    FINALFUNC = verzuim.episodes_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize,
    DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes_brin(date, text) IS
  'Thuiszit episodes as verzuim.episodes(datum, regio), with each row''s school (brin) instead of its regio: the vakantieregio and the school-free days (verzuim.schoolvrije_dag) of the school are looked up from the brin in a backend cache of verzuim.school, so no join to verzuim.school is needed (the fast path straight from verzuim.afwezigheid). The brin may differ per row (a pupil who changed schools): a day is an absent day when it is a school day of the school of one of its rows, and a day between two absent days is a school day when it is one for the school of either of them. At most 7 schools with school-free days per group (54000). NULL brin or NULL date: the row is skipped; a brin not in verzuim.school: 23503. Equals episodes(datum, s.vakantieregio) over the join when the schools have no school-free days, and episodes(datum, s.vakantieregio, brin) per (pupil, brin). Parallel safe.';

CREATE AGGREGATE verzuim.episodes_brin(datum date, brin text, reden verzuim.reden) (
    SFUNC = verzuim.episodes_brin_sfunc,
    STYPE = internal,
    SSPACE = 160,
    FINALFUNC = verzuim.episodes_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize,
    DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes_brin(date, text, verzuim.reden) IS
  'episodes_brin(datum, brin) deciding per row from the reden which absences count, as episodes(datum, regio, reden) (setting verzuim.ziekte_in_episode). Rows with NULL reden are skipped.';

COMMENT ON FUNCTION verzuim.episodes_brin_sfunc(internal, date, text) IS
  'Transition function of verzuim.episodes_brin(datum, brin).';
COMMENT ON FUNCTION verzuim.episodes_brin_sfunc(internal, date, text, verzuim.reden) IS
  'Transition function of verzuim.episodes_brin(datum, brin, reden).';
