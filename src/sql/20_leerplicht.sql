-- Leerplicht ages and periods (Leerplichtwet 1969 art. 3, 4a; DOMAIN.md §2) --
--
-- Implemented in C (src/leerplicht.c).  The functions that read the school
-- calendar are STABLE (they depend on verzuim.vakantie and on the settings
-- verzuim.vakantieregio, verzuim.onvolledige_kalender and
-- verzuim.volledig_schooljaar).  Readings taken where the statute is silent:
--   * age n is reached on the n-th anniversary; born on 29 February: on
--     1 March in years without 29 February;
--   * no regio and verzuim.vakantieregio empty: a day is a school day when it
--     is one in at least one region (the widest possible period);
--   * a start month without any school day: the first school day after it;
--   * art. 3 lid 2 (basisschool in fewer than 8 schooljaren counts as 8)
--     cannot be derived from these inputs and is not applied.

CREATE FUNCTION verzuim.leerplicht_periode(geboortedatum date,
                                           eerste_inschrijving date DEFAULT NULL,
                                           regio text DEFAULT NULL)
RETURNS daterange
AS 'MODULE_PATHNAME', 'verzuim_leerplicht_periode'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.leerplicht_periode(date, date, text) IS
  'Volledige leerplicht (art. 3 lid 1 Lpw) as [start, end). Start: the first school day (lesdag of the vakantieregio) of the month after the month of the 5th birthday, or the first school day after that month if it has none. End (exclusive): 1 August after the schooljaar in which the jongere turns 16 (b) or, when eerste_inschrijving is given, after the 12th full schooljaar attended (a), whichever comes first; a schooljaar counts as full when the first enrolment is on or before its start (setting verzuim.volledig_schooljaar: 1 August, or its first school day). Art. 3 lid 2 (8 years of basisschool) is not applied. regio NULL: the setting verzuim.vakantieregio; when that is empty, a day is a school day if it is one in any region (earliest start; with verzuim.volledig_schooljaar = eerste_lesdag also the latest end). '' or an unknown regio: 22023. 29 February birthdays: 1 March in non-leap years. NULL geboortedatum gives NULL; birth dates from 1964-07-01 to 2082-08-01 (else 22008); eerste_inschrijving before geboortedatum: 22023. Missing holiday data is handled per verzuim.onvolledige_kalender, only when the start depends on it.';

CREATE FUNCTION verzuim.kwalificatieplicht_periode(geboortedatum date,
                                                   startkwalificatie_op date DEFAULT NULL,
                                                   eerste_inschrijving date DEFAULT NULL,
                                                   regio text DEFAULT NULL)
RETURNS daterange
AS 'MODULE_PATHNAME', 'verzuim_kwalificatieplicht_periode'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.kwalificatieplicht_periode(date, date, date, text) IS
  'Kwalificatieplicht (art. 4a Lpw) as [start, end): from the end of volledige leerplicht (see leerplicht_periode) until the 18th birthday or the day the startkwalificatie was obtained, whichever comes first (on that day the duty has ended). Empty when the startkwalificatie was obtained before volledige leerplicht ended. NULL geboortedatum gives NULL; startkwalificatie_op or eerste_inschrijving before geboortedatum: 22023. regio matters only with verzuim.volledig_schooljaar = eerste_lesdag.';

CREATE FUNCTION verzuim.leerplicht_status(geboortedatum date,
                                          peildatum date,
                                          startkwalificatie_op date DEFAULT NULL,
                                          eerste_inschrijving date DEFAULT NULL,
                                          regio text DEFAULT NULL)
RETURNS verzuim.leerplicht
AS 'MODULE_PATHNAME', 'verzuim_leerplicht_status'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.leerplicht_status(date, date, date, date, text) IS
  'Leerplicht status on the peildatum: nog_niet_leerplichtig (before the start of leerplicht_periode, also before birth), leerplichtig (within leerplicht_periode), kwalificatieplichtig (within kwalificatieplicht_periode), niet_meer_plichtig. Same rules and arguments as leerplicht_periode; the holiday calendar is read only when the answer depends on it (peildatum in the start month before a certain school day). NULL geboortedatum or peildatum gives NULL.';

CREATE FUNCTION verzuim.leeftijd(geboortedatum date, peildatum date)
RETURNS int
AS 'MODULE_PATHNAME', 'verzuim_leeftijd'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.leeftijd(date, date) IS
  'Age in whole years on the peildatum: one year older on each anniversary of the birth date; born on 29 February, on 1 March in years without 29 February (as age() counts it; note that date + interval ''5 years'' gives 28 February). peildatum before geboortedatum: 22023; infinite dates: 22008.';
