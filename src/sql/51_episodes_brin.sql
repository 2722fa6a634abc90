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

-- With the settings as an argument (issue 11 item 1; see 65_instellingen.sql):
-- the variants above read the session's settings (ziekte_in_episode, the
-- calendar settings) and are marked STABLE below so that postgres_fdw does not
-- ship them to a server with other settings; these are shipped.
CREATE FUNCTION verzuim.episodes_brin_sfunc(internal, date, text, jsonb)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_perbrin_inst_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_brin_sfunc(internal, date, text, verzuim.reden, jsonb)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_perbrin_reden_inst_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE AGGREGATE verzuim.episodes_brin(datum date, brin text, instellingen jsonb) (
    SFUNC = verzuim.episodes_brin_sfunc, STYPE = internal, SSPACE = 160,
    FINALFUNC = verzuim.episodes_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize, DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes_brin(date, text, jsonb) IS
  'episodes_brin(datum, brin) with the settings of instellingen (a jsonb object, see verzuim.instellingen(): goede_vrijdag_vrij, bevrijdingsdag_vrij, onvolledige_kalender, "kalender" fingerprints) instead of the session''s: keys left out take their built-in default. One value (a constant) per query. NULL instellingen: the session''s settings.';

CREATE AGGREGATE verzuim.episodes_brin(datum date, brin text, reden verzuim.reden, instellingen jsonb) (
    SFUNC = verzuim.episodes_brin_sfunc, STYPE = internal, SSPACE = 160,
    FINALFUNC = verzuim.episodes_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize, DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes_brin(date, text, verzuim.reden, jsonb) IS
  'episodes_brin(datum, brin, reden) with the settings of instellingen (ziekte_in_episode among them) instead of the session''s (see episodes_brin(date, text, jsonb)).';

COMMENT ON FUNCTION verzuim.episodes_brin_sfunc(internal, date, text, jsonb) IS
  'Transition function of verzuim.episodes_brin(datum, brin, instellingen).';
COMMENT ON FUNCTION verzuim.episodes_brin_sfunc(internal, date, text, verzuim.reden, jsonb) IS
  'Transition function of verzuim.episodes_brin(datum, brin, reden, instellingen).';

-- CREATE AGGREGATE makes every aggregate IMMUTABLE: the setting-reading ones
-- are STABLE (computed where the query runs, never shipped by postgres_fdw).
UPDATE pg_catalog.pg_proc SET provolatile = 's'
 WHERE oid IN ('verzuim.episodes_brin(date,text)'::pg_catalog.regprocedure,
               'verzuim.episodes_brin(date,text,verzuim.reden)'::pg_catalog.regprocedure);
