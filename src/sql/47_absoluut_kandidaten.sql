-- The pupils that can have absoluut verzuim in a period (issue 10 item 7) --
--
-- verzuim.absoluut_verzuim_in does the exact (multirange) work only for the
-- pupils this C function returns (src/kandidaten.c): one merge pass over
-- leerling, inschrijving and vrijstelling ordered by leerling_id that drops a
-- pupil when the union of its enrolments and vrijstellingen covers every day
-- an episode overlapping binnen would have to touch.  A superset of the pupils
-- with such an episode; the queries run as the caller (row level security).

CREATE FUNCTION verzuim.absoluut_kandidaten(binnen daterange, peildatum date)
RETURNS SETOF bigint
AS 'MODULE_PATHNAME', 'verzuim_absoluut_kandidaten'
LANGUAGE C STABLE PARALLEL SAFE ROWS 20000;
COMMENT ON FUNCTION verzuim.absoluut_kandidaten(daterange, date) IS
  'The leerling_id of every pupil who can have an episode of verzuim.absoluut_verzuim(peildatum) overlapping binnen: born on or after 1964-07-01, and the days [max(min(lower(binnen), peildatum), geboortedatum + 1826), min(upper(binnen), peildatum + 1, geboortedatum + 6600)) not all covered by the union of the pupil''s inschrijvingen and vrijstellingen. A superset (used by verzuim.absoluut_verzuim_in to limit its exact work); NULL arguments or an empty binnen: none.';
