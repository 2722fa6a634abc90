-- The 16-hour reporting duty (art. 21a Lpw; DESIGN.md §3; DOMAIN.md §1, §4,
-- §9, §14.1-2) ----------------------------------------------------------------
--
-- Implemented in C (src/meldplicht.c).  Settings (GUCs) defined there:
--   verzuim.meldplicht_drempel       16 (hours)
--   verzuim.meldplicht_vergelijking  minstens (>=, statute) | meer_dan (>, DUO)
--   verzuim.meldplicht_lesweken      4

CREATE TYPE verzuim.meldmoment AS (
    venster    daterange,
    uren       numeric,
    bereikt_op date
);
COMMENT ON TYPE verzuim.meldmoment IS
  'A moment the 16-hour reporting duty (art. 21a Lpw) arose, returned by verzuim.meldplicht().';
COMMENT ON COLUMN verzuim.meldmoment.venster IS
  'The window: from the Monday of the first of the (default 4) consecutive lesweken to the day after bereikt_op.';
COMMENT ON COLUMN verzuim.meldmoment.uren IS
  'Unauthorised hours counted in the window since the previous moment (re-armed), up to and including bereikt_op.';
COMMENT ON COLUMN verzuim.meldmoment.bereikt_op IS
  'The school day on which the threshold was reached: the einddatum of the melding and the day from which the school must report.';

CREATE FUNCTION verzuim.meldplicht_sfunc(internal, date, numeric, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_meldplicht_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.meldplicht_sfunc(internal, date, numeric, text, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_meldplicht_brin_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.meldplicht_sfunc(internal, date, numeric, text, text, numeric, text, int)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_meldplicht_regels_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

-- COST 100: as for episodes (50_episodes.sql): per-pupil grouping stays serial.
CREATE FUNCTION verzuim.meldplicht_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_meldplicht_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE
COST 100;

CREATE FUNCTION verzuim.meldplicht_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'verzuim_meldplicht_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 100;

CREATE FUNCTION verzuim.meldplicht_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_meldplicht_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 100;

CREATE FUNCTION verzuim.meldplicht_final(internal)
RETURNS verzuim.meldmoment[]
AS 'MODULE_PATHNAME', 'verzuim_meldplicht_final'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE AGGREGATE verzuim.meldplicht(datum date, uren numeric, regio text) (
    SFUNC = verzuim.meldplicht_sfunc,
    STYPE = internal,
    SSPACE = 200,
    FINALFUNC = verzuim.meldplicht_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.meldplicht_combine,
    SERIALFUNC = verzuim.meldplicht_serialize,
    DESERIALFUNC = verzuim.meldplicht_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.meldplicht(date, numeric, text) IS
  'Every moment the 16-hour reporting duty (art. 21a Lpw) arose for a group (one pupil), as verzuim.meldmoment[] in date order: a moment arises on the school day on which the unauthorised hours counted within the last verzuim.meldplicht_lesweken (default 4) consecutive lesweken reach verzuim.meldplicht_drempel (default 16) by verzuim.meldplicht_vergelijking (minstens: >=, the statute, default; meer_dan: >, DUO). A lesweek is a calendar week (Monday-Sunday) with at least one school day; weeks without one (holidays) are skipped, so the window runs across holidays and across 31 July / 1 August. Re-armed after each moment: the hours up to and including that day no longer count (DUO: a new melding each time 16 hours is reached). Feed it only the unauthorised rows (e.g. WHERE reden IN (''ongeoorloofd'', ''luxe'', ''te_laat'')). Hours on a day that is no school day for the row''s school are not les- or praktijktijd and do not count; rows of one day add up. The regio (and brin) may differ per row: a pupil who changes school is counted by each school''s calendar; a week is a lesweek when a school of that week''s rows (or, without rows, of the latest earlier row) has a school day in it. Hours are exact to 4 decimals. Input order does not matter; parallel safe. No rows: NULL; no moment: an empty array. NULL datum or uren: 22004; negative uren or more than 24 hours on a day: 22003; more than 4 decimals: 22023; unknown regio 22023; regio NULL uses verzuim.vakantieregio (22004 when empty); dates outside the calendar 22008; missing holiday data per verzuim.onvolledige_kalender.';

CREATE AGGREGATE verzuim.meldplicht(datum date, uren numeric, regio text, brin text) (
    SFUNC = verzuim.meldplicht_sfunc,
    STYPE = internal,
    SSPACE = 200,
    FINALFUNC = verzuim.meldplicht_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.meldplicht_combine,
    SERIALFUNC = verzuim.meldplicht_serialize,
    DESERIALFUNC = verzuim.meldplicht_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.meldplicht(date, numeric, text, text) IS
  'As meldplicht(datum, uren, regio), with the school-free days (verzuim.schoolvrije_dag) of the school brin of each row as well; brin NULL: the regional calendar. A brin not in verzuim.school raises 23503.';

CREATE AGGREGATE verzuim.meldplicht(datum date, uren numeric, regio text, brin text,
                                    drempel numeric, vergelijking text, lesweken int) (
    SFUNC = verzuim.meldplicht_sfunc,
    STYPE = internal,
    SSPACE = 200,
    FINALFUNC = verzuim.meldplicht_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.meldplicht_combine,
    SERIALFUNC = verzuim.meldplicht_serialize,
    DESERIALFUNC = verzuim.meldplicht_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.meldplicht(date, numeric, text, text, numeric, text, int) IS
  'As meldplicht(datum, uren, regio, brin), with the settings passed as arguments so that the answer does not depend on the session: drempel (hours, more than 0, at most 4 decimals), vergelijking (''minstens'' or ''>='', ''meer_dan'' or ''>''), lesweken (1-52); NULL takes the setting (verzuim.meldplicht_drempel, verzuim.meldplicht_vergelijking, verzuim.meldplicht_lesweken). They must be the same for every row of a group (else 22023). Bad values: 22023.';
