-- verzuim install script, assembled from src/sql/*.sql by the Makefile.
\echo Use "CREATE EXTENSION verzuim CASCADE" to load this file. \quit

COMMENT ON SCHEMA verzuim IS
  'verzuim: Dutch leerplicht and schoolverzuim figures (school calendar, leerplicht ages, absence classification, episodes, thuiszit durations, doorloopsnelheid). See README.md.';

-- Code lists ---------------------------------------------------------------

-- Vakantieregio's are plain text ('noord', 'midden', 'zuid') everywhere, so that
-- a text column or literal can be passed to every function without casts.
CREATE DOMAIN verzuim.regio AS text
  CHECK (VALUE IN ('noord', 'midden', 'zuid'));
COMMENT ON DOMAIN verzuim.regio IS
  'Vakantieregio of a school (OCW): noord, midden or zuid (lower case).';

CREATE TYPE verzuim.leerplicht AS ENUM
  ('nog_niet_leerplichtig', 'leerplichtig', 'kwalificatieplichtig', 'niet_meer_plichtig');
COMMENT ON TYPE verzuim.leerplicht IS
  'Status under the Leerplichtwet 1969 on a peildatum: nog_niet_leerplichtig (before art. 3 lid 1 start), leerplichtig (volledige leerplicht), kwalificatieplichtig (art. 4a: until 18 or startkwalificatie), niet_meer_plichtig.';

CREATE TYPE verzuim.onderwijssoort AS ENUM ('po', 'so', 'vo', 'vso', 'mbo');
COMMENT ON TYPE verzuim.onderwijssoort IS
  'Onderwijssoort of an inschrijving: po (primair), so (speciaal), vo (voortgezet), vso (voortgezet speciaal), mbo.';

CREATE TYPE verzuim.reden AS ENUM
  ('ongeoorloofd', 'luxe', 'te_laat', 'ziek', 'schorsing', 'verlof_13a', 'verlof_14',
   'religieus', 'overig_geoorloofd');
COMMENT ON TYPE verzuim.reden IS
  'Reason of an absence as registered by the school. Ongeoorloofd (unauthorised): ongeoorloofd, luxe (holiday in school time without verlof), te_laat. Geoorloofd (art. 11 Lpw): ziek, schorsing, verlof_13a (vakantieverlof), verlof_14 (gewichtige omstandigheden), religieus, overig_geoorloofd.';

CREATE TYPE verzuim.vrijstelling_artikel AS ENUM ('3a', '3b', '5a', '5b', '5c', '5a-trekkend', '15');
COMMENT ON TYPE verzuim.vrijstelling_artikel IS
  'Article of a vrijstelling or vervangende leerplicht: 3a/3b vervangende leerplicht; 5a/5b/5c = art. 5 onder a (lichamelijk/psychisch), b (richting), c (school abroad); 5a-trekkend = art. 5a (trekkend bestaan); 15 = vrijstelling van de kwalificatieplicht.';

CREATE TYPE verzuim.meldingsoort AS ENUM ('16uur', 'lrv', 'luxe', 'rmc', 'overig');
COMMENT ON TYPE verzuim.meldingsoort IS
  'Soort of a verzuimmelding in the DUO verzuimregister: 16uur (16 hours in 4 lesweken), lrv (langdurig relatief verzuim), luxe, rmc (18+ without startkwalificatie), overig.';

CREATE TYPE verzuim.meldingstatus AS ENUM
  ('geregistreerd', 'in_behandeling', 'afgesloten', 'ingetrokken', 'ter_kennisgeving_aangenomen',
   'overgedragen_aan_derden');
COMMENT ON TYPE verzuim.meldingstatus IS
  'Status of a melding (DUO, from 12 Aug 2020): geregistreerd, in_behandeling, afgesloten, ingetrokken, ter_kennisgeving_aangenomen; overgedragen_aan_derden only on older records.';

CREATE TYPE verzuim.pv_soort AS ENUM ('absoluut', 'relatief', 'luxe');
COMMENT ON TYPE verzuim.pv_soort IS
  'Soort of a proces-verbaal: absoluut, relatief or luxe verzuim (luxe is part of relatief in national tables).';
