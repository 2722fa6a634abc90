-- Settings as an argument (DESIGN.md §5 "the same answer wherever it is computed") --
--
-- Every setting (verzuim.*) that changes an answer can also be passed as the
-- last argument, instellingen jsonb.  Then the session's verzuim.* settings
-- are not consulted: keys that are left out take their built-in default, so
-- the answer depends on the arguments and the calendar tables only, and is the
-- same on every server.  verzuim.instellingen() gives the session's settings
-- (and calendar fingerprints) in that form.  C: src/instellingen.c.

CREATE FUNCTION verzuim.instellingen(kalender boolean DEFAULT true) RETURNS jsonb
  AS 'MODULE_PATHNAME', 'verzuim_instellingen' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.instellingen(boolean) IS
  'The session''s verzuim settings as a jsonb object for an instellingen argument: one key per setting (verzuim.x without the prefix) with its current value, and (unless kalender is false) "kalender": {"noord": "1a2b3c4d", ...}, the fingerprint of each vakantieregio''s school calendar (holidays in verzuim.vakantie and the settings goede_vrijdag_vrij and bevrijdingsdag_vrij). Passed as instellingen, the fingerprints make a server whose calendar differs raise 22023 instead of answering. Change a key with ||, e.g. verzuim.instellingen() || ''{"ziekte_in_episode": "pauzeert"}''.';

-- Aggregates -------------------------------------------------------------------

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text, jsonb)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_inst_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text, text, jsonb)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_brin_inst_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text, verzuim.reden, jsonb)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_reden_inst_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text, text, verzuim.reden, jsonb)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_brin_reden_inst_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE AGGREGATE verzuim.episodes(datum date, regio text, instellingen jsonb) (
    SFUNC = verzuim.episodes_sfunc, STYPE = internal, SSPACE = 160,
    FINALFUNC = verzuim.episodes_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize, DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text, jsonb) IS
  'episodes(datum, regio) with the settings of instellingen (a jsonb object, see verzuim.instellingen()) instead of the session''s: keys left out take their built-in default. One value (a constant) per query. NULL instellingen: the session''s settings.';

CREATE AGGREGATE verzuim.episodes(datum date, regio text, brin text, instellingen jsonb) (
    SFUNC = verzuim.episodes_sfunc, STYPE = internal, SSPACE = 160,
    FINALFUNC = verzuim.episodes_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize, DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text, text, jsonb) IS
  'episodes(datum, regio, brin) with the settings of instellingen instead of the session''s (see episodes(date, text, jsonb)).';

CREATE AGGREGATE verzuim.episodes(datum date, regio text, reden verzuim.reden, instellingen jsonb) (
    SFUNC = verzuim.episodes_sfunc, STYPE = internal, SSPACE = 160,
    FINALFUNC = verzuim.episodes_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize, DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text, verzuim.reden, jsonb) IS
  'episodes(datum, regio, reden) with the settings of instellingen (ziekte_in_episode among them) instead of the session''s (see episodes(date, text, jsonb)).';

CREATE AGGREGATE verzuim.episodes(datum date, regio text, brin text, reden verzuim.reden, instellingen jsonb) (
    SFUNC = verzuim.episodes_sfunc, STYPE = internal, SSPACE = 160,
    FINALFUNC = verzuim.episodes_final, FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize, DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text, text, verzuim.reden, jsonb) IS
  'episodes(datum, regio, brin, reden) with the settings of instellingen instead of the session''s (see episodes(date, text, jsonb)).';

CREATE FUNCTION verzuim.duur_agg_lesdagen_sfunc(internal, daterange, date, text, jsonb) RETURNS internal
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_lesdagen_inst_sfunc' LANGUAGE C STABLE PARALLEL SAFE;

CREATE AGGREGATE verzuim.duur_agg(episode daterange, peildatum date, regio text, instellingen jsonb) (
  SFUNC = verzuim.duur_agg_lesdagen_sfunc, STYPE = internal, SSPACE = 2048,
  FINALFUNC = verzuim.duur_agg_final, FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = verzuim.duur_agg_combine,
  SERIALFUNC = verzuim.duur_agg_serialize, DESERIALFUNC = verzuim.duur_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.duur_agg(daterange, date, text, jsonb) IS
  'duur_agg(episode, peildatum, regio) in lesdagen with the settings of instellingen (vakantieregio, goede_vrijdag_vrij, bevrijdingsdag_vrij, onvolledige_kalender) instead of the session''s (see episodes(date, text, jsonb)). The summary records the fingerprint of the calendar of each regio it counted.';

CREATE AGGREGATE verzuim.doorloopsnelheid(episode daterange, peildatum date, regio text, instellingen jsonb) (
  SFUNC = verzuim.duur_agg_lesdagen_sfunc, STYPE = internal, SSPACE = 2048,
  FINALFUNC = verzuim.doorloopsnelheid_final, FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = verzuim.duur_agg_combine,
  SERIALFUNC = verzuim.duur_agg_serialize, DESERIALFUNC = verzuim.duur_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.doorloopsnelheid(daterange, date, text, jsonb) IS
  'doorloopsnelheid(episode, peildatum, regio) in lesdagen with the settings of instellingen instead of the session''s (see episodes(date, text, jsonb)).';

-- Functions --------------------------------------------------------------------

CREATE FUNCTION verzuim.thuiszit(episode daterange, peildatum date, regio text, instellingen jsonb)
RETURNS verzuim.thuiszit_status
AS 'MODULE_PATHNAME', 'verzuim_thuiszit_inst'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.thuiszit(daterange, date, text, jsonb) IS
  'thuiszit(episode, peildatum, regio) with the settings of instellingen (lrv_drempel, lrv_eenheid, norm, vakantieregio and the calendar settings) instead of the session''s; keys left out take their built-in default.';

CREATE FUNCTION verzuim.is_lesdag(datum date, regio text, brin text, instellingen jsonb) RETURNS boolean
  AS 'MODULE_PATHNAME', 'verzuim_is_lesdag_inst' LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.is_lesdag(date, text, text, jsonb) IS
  'is_lesdag(datum, regio, brin) with the settings of instellingen instead of the session''s (regio and brin may be NULL).';

CREATE FUNCTION verzuim.lesdagen(periode daterange, regio text, brin text, instellingen jsonb) RETURNS int
  AS 'MODULE_PATHNAME', 'verzuim_lesdagen_inst' LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.lesdagen(daterange, text, text, jsonb) IS
  'lesdagen(periode, regio, brin) with the settings of instellingen instead of the session''s (regio and brin may be NULL).';

CREATE FUNCTION verzuim.feestdagen(jaar int, instellingen jsonb,
    OUT datum date, OUT naam text, OUT schoolvrij boolean) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'verzuim_feestdagen_inst' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 11;
COMMENT ON FUNCTION verzuim.feestdagen(int, jsonb) IS
  'feestdagen(jaar) with goede_vrijdag_vrij and bevrijdingsdag_vrij from instellingen instead of the session''s.';

-- Aggregates that read settings are STABLE -------------------------------------
-- CREATE AGGREGATE has no volatility and makes every aggregate IMMUTABLE, so
-- postgres_fdw would ship the settings-reading aggregates to a server that
-- computes them with ITS settings: a silently different answer.  Marked
-- STABLE they are computed where the query runs; the variants with an
-- instellingen argument (and duur_agg in kalenderdagen, which reads no
-- setting) stay IMMUTABLE and are shipped.
UPDATE pg_catalog.pg_proc SET provolatile = 's'
 WHERE oid IN ('verzuim.episodes(date,text)'::pg_catalog.regprocedure,
               'verzuim.episodes(date,text,text)'::pg_catalog.regprocedure,
               'verzuim.episodes(date,text,verzuim.reden)'::pg_catalog.regprocedure,
               'verzuim.episodes(date,text,text,verzuim.reden)'::pg_catalog.regprocedure,
               'verzuim.duur_agg(daterange,date,text)'::pg_catalog.regprocedure,
               'verzuim.doorloopsnelheid(daterange,date,text)'::pg_catalog.regprocedure);
