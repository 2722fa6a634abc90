-- M@ZL sickness signal (DESIGN.md §3; DOMAIN.md §7) ----------------------------
--
-- Implemented in C (src/meldplicht.c, sharing the state of meldplicht).
-- Setting: verzuim.mazl_weken  kalender (default) | schoolweken

CREATE FUNCTION verzuim.mazl_sfunc(internal, date, verzuim.reden, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_mazl_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.mazl_sfunc(internal, date, verzuim.reden, text, text, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_mazl_extra_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.mazl_final(internal)
RETURNS date[]
AS 'MODULE_PATHNAME', 'verzuim_mazl_final'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE AGGREGATE verzuim.mazl_signaal(datum date, reden verzuim.reden, regio text) (
    SFUNC = verzuim.mazl_sfunc,
    STYPE = internal,
    SSPACE = 200,
    FINALFUNC = verzuim.mazl_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.meldplicht_combine,
    SERIALFUNC = verzuim.meldplicht_serialize,
    DESERIALFUNC = verzuim.meldplicht_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.mazl_signaal(date, verzuim.reden, text) IS
  'M@ZL (Medische Advisering van de Ziekgemelde Leerling) signals of a group (one pupil): the dates, ascending, on which a zorgwekkend ziekteverzuim signal arose: the 4th sick report within 12 weeks (on the first day of that report), or the 7th consecutive sick school day. A sick report is a run of sick school days (reden ziek) with no school day in between (weekends, holidays and school-free days are bridged; a school day without a sick row ends it). 12 weeks: verzuim.mazl_weken = kalender (default, NCJ "twaalf weken": reports starting less than 84 days apart) or schoolweken (within 12 consecutive lesweken). After a report signal the count starts afresh; the 7th-day signal arises once per report. Rows with another reden, NULL reden, or on a day that is no school day are ignored. Any input order; parallel safe. No rows: NULL; no signal: an empty array. NULL datum: 22004; unknown regio: 22023; regio NULL: verzuim.vakantieregio; dates outside the calendar 22008.';

CREATE AGGREGATE verzuim.mazl_signaal(datum date, reden verzuim.reden, regio text, brin text, eenheid text) (
    SFUNC = verzuim.mazl_sfunc,
    STYPE = internal,
    SSPACE = 200,
    FINALFUNC = verzuim.mazl_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.meldplicht_combine,
    SERIALFUNC = verzuim.meldplicht_serialize,
    DESERIALFUNC = verzuim.meldplicht_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.mazl_signaal(date, verzuim.reden, text, text, text) IS
  'As mazl_signaal(datum, reden, regio), with the school-free days of school brin per row (NULL: regional calendar) and eenheid ''kalender'' or ''schoolweken'' as an argument instead of the setting verzuim.mazl_weken (NULL: the setting; the same for every row of a group, else 22023; unknown value 22023).';
