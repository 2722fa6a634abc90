-- The period of leer- and kwalificatieplicht for answers over a population
-- (issue 8): never raises for missing holiday data, names it instead.

CREATE FUNCTION verzuim.plicht_grenzen(geboortedatum date, startkwalificatie_op date,
                                       eerste_inschrijving date, regio text,
                                       OUT begin date, OUT einde date,
                                       OUT onzeker_begin text[], OUT onzeker_einde text[])
RETURNS record
AS 'MODULE_PATHNAME', 'verzuim_plicht_grenzen'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.plicht_grenzen(date, date, date, text) IS
  'Leer- and kwalificatieplicht together as [begin, einde), for population answers such as verzuim.absoluut_verzuim: begin = lower(verzuim.leerplicht_periode(...)), einde = the later of the end of leerplicht and upper(verzuim.kwalificatieplicht_periode(...)), same arguments and rules. Never raises for missing holiday data (verzuim.onvolledige_kalender does not apply): a bound that rests on uncertain days counts them as school days (the earliest start) and onzeker_begin / onzeker_einde name the missing holidays (''noord herfst 2015-2016''); NULL when the bound is certain. NULL geboortedatum gives NULL.';
