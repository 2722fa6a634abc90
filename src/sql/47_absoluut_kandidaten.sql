-- The pupils that can have absoluut verzuim in a period (issue 10 item 7) --
--
-- verzuim.absoluut_verzuim_in does the exact (multirange) work only for the
-- pupils this C function returns (src/kandidaten.c): one pass over leerling,
-- inschrijving and vrijstelling, in whatever order their scans give, that
-- drops a pupil when the union of its enrolments and vrijstellingen covers
-- every day an episode overlapping binnen would have to touch.  A superset of
-- the pupils with such an episode, each returned with the columns and
-- enrolments the exact work needs, so that it reads those tables no second
-- time; the queries run as the caller (row level security).

CREATE TYPE verzuim.absoluut_kandidaat AS (
    leerling_id          bigint,
    geboortedatum        date,
    startkwalificatie_op date,
    eerste_inschrijving  date,
    woongemeente         text,
    inschrijvingen       datemultirange,
    vrijstellingen       datemultirange
);
COMMENT ON TYPE verzuim.absoluut_kandidaat IS
  'A row of verzuim.absoluut_kandidaten: the pupil''s columns of verzuim.leerling, and the union of its inschrijvingen and of its vrijstellingen that begin on or before the peildatum (empty when none).';

CREATE FUNCTION verzuim.absoluut_kandidaten(binnen daterange, peildatum date)
RETURNS SETOF verzuim.absoluut_kandidaat
AS 'MODULE_PATHNAME', 'verzuim_absoluut_kandidaten'
LANGUAGE C STABLE PARALLEL SAFE ROWS 20000;
COMMENT ON FUNCTION verzuim.absoluut_kandidaten(daterange, date) IS
  'The pupils who can have an episode of verzuim.absoluut_verzuim(peildatum) overlapping binnen: born on or after 1964-07-01, and the days [max(min(lower(binnen), peildatum), geboortedatum + 1826), min(upper(binnen), peildatum + 1, geboortedatum + 6600, max(startkwalificatie_op, geboortedatum + 6230))) not all covered by the union of the pupil''s inschrijvingen and vrijstellingen. A superset (used by verzuim.absoluut_verzuim_in to limit its exact work), in leerling_id order, with the pupil''s columns of verzuim.leerling and the union of its inschrijvingen and of its vrijstellingen that begin on or before the peildatum. NULL arguments or an empty binnen: none.';
