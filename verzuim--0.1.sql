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
-- School calendar (DOMAIN.md §2, §9, §11) --------------------------------------

CREATE FUNCTION verzuim.schooljaar(datum date) RETURNS text
  AS 'MODULE_PATHNAME', 'verzuim_schooljaar' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.schooljaar(date) IS
  'The schooljaar (1 August - 31 July, WPO art. 1) a date falls in, as text: schooljaar(''2024-03-01'') = ''2023-2024''.';

CREATE FUNCTION verzuim.schooljaar_periode(schooljaar text) RETURNS daterange
  AS 'MODULE_PATHNAME', 'verzuim_schooljaar_periode' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.schooljaar_periode(text) IS
  'The dates of a schooljaar written ''2023-2024'': [2023-08-01, 2024-08-01). Malformed text raises 22P02.';

CREATE FUNCTION verzuim.pasen(jaar int) RETURNS date
  AS 'MODULE_PATHNAME', 'verzuim_pasen' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.pasen(int) IS
  'Easter Sunday (Eerste Paasdag) of a year in the Gregorian calendar.';

CREATE FUNCTION verzuim.feestdagen(jaar int,
    OUT datum date, OUT naam text, OUT schoolvrij boolean) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'verzuim_feestdagen' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 11;
COMMENT ON FUNCTION verzuim.feestdagen(int) IS
  'Dutch public holidays of a calendar year: Nieuwjaarsdag, Goede Vrijdag, Pasen (2 days), Koningsdag (27 April, 26 April when the 27th is a Sunday; Koninginnedag 30 April before 2014), Bevrijdingsdag, Hemelvaartsdag, Pinksteren (2 days), Kerstmis (2 days). schoolvrij says whether schools are closed; it follows the settings verzuim.goede_vrijdag_vrij (default off) and verzuim.bevrijdingsdag_vrij (default lustrum: every fifth year).';

-- Regional school holidays.  Shipped rows (geleverd) hold the dates of
-- DOMAIN.md §11; users add, change and delete rows with plain SQL or one CSV
-- load.  Their edits survive pg_dump/pg_restore and extension upgrades:
--  * only rows with geleverd = false are dumped (pg_extension_config_dump);
--  * changing a shipped row makes it a user row (geleverd = false); when the
--    change moves it to another key, a row with periode NULL stays behind
--    for the old key;
--  * deleting a shipped row keeps it as a user row with periode NULL
--    ("this holiday is known not to exist"), so a restore or an upgrade
--    does not bring it back;
--  * inserting a user row for the key of a shipped row, or of a row with
--    periode NULL, replaces that row.
CREATE TABLE verzuim.vakantie (
    regio      verzuim.regio NOT NULL,
    schooljaar text NOT NULL
               CHECK (schooljaar ~ '^[0-9]{4}-[0-9]{4}$'
                      AND substr(schooljaar, 6, 4)::int = substr(schooljaar, 1, 4)::int + 1),
    soort      text NOT NULL CHECK (soort ~ '^[a-z0-9_ -]+$'),
    periode    daterange
               CHECK (periode IS NULL OR
                      (NOT isempty(periode) AND NOT lower_inf(periode) AND NOT upper_inf(periode)
                       AND lower(periode) > '-infinity' AND upper(periode) < 'infinity'
                       AND upper(periode) - lower(periode) <= 92)),
    bron       text,
    geleverd   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (regio, schooljaar, soort),
    CHECK (periode IS NULL OR
           (lower(periode) >= make_date(substr(schooljaar, 1, 4)::int, 8, 1)
            AND lower(periode) < make_date(substr(schooljaar, 1, 4)::int + 1, 8, 1)))
);
COMMENT ON TABLE verzuim.vakantie IS
  'School holidays per vakantieregio and schooljaar. Shipped with every date found for 2019-2020 .. 2027-2028 (geleverd = true; sources in bron); add or correct rows with INSERT/UPDATE/DELETE or \copy. The five soorten herfst, kerst, voorjaar, mei and zomer make a schooljaar complete (see verzuim.kalender_dekking); other soorten (e.g. carnaval) are extra days off. periode NULL means: this holiday is known not to exist.';
COMMENT ON COLUMN verzuim.vakantie.regio IS 'Vakantieregio: noord, midden or zuid.';
COMMENT ON COLUMN verzuim.vakantie.schooljaar IS 'Schooljaar the holiday belongs to (''2023-2024''); the zomervakantie belongs to the schooljaar it starts in.';
COMMENT ON COLUMN verzuim.vakantie.soort IS 'herfst, kerst, voorjaar, mei, zomer, or any other lower-case name for extra days off.';
COMMENT ON COLUMN verzuim.vakantie.periode IS 'The holiday, first to last day, e.g. ''[2023-10-14,2023-10-22]'' (Saturday to Sunday); NULL = known not to exist.';
COMMENT ON COLUMN verzuim.vakantie.bron IS 'Where the dates come from.';
COMMENT ON COLUMN verzuim.vakantie.geleverd IS 'True for a row shipped with the extension and not changed since; false for rows of the user.';

CREATE FUNCTION verzuim.vakantie_bewerkt() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT NEW.geleverd THEN
      -- A user row replaces the shipped row of its key (this is also how
      -- pg_restore brings back the user's edits), and the periode NULL row
      -- that a DELETE of a shipped row left behind (so DELETE + INSERT works).
      -- Make the old row a user row first (the UPDATE branch clears geleverd),
      -- so that the DELETE is a plain delete and not the "deleted by user"
      -- conversion of the DELETE branch, which would keep the row and make
      -- this INSERT fail (23505).
      UPDATE verzuim.vakantie SET geleverd = false
       WHERE regio = NEW.regio AND schooljaar = NEW.schooljaar AND soort = NEW.soort
         AND (geleverd OR periode IS NULL);
      IF FOUND THEN
        DELETE FROM verzuim.vakantie
         WHERE regio = NEW.regio AND schooljaar = NEW.schooljaar AND soort = NEW.soort;
      END IF;
    END IF;
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' AND TG_WHEN = 'AFTER' THEN
    -- A shipped row got another key: its old key is gone from this database,
    -- so it must not come back on restore or upgrade.
    INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron, geleverd)
    VALUES (OLD.regio, OLD.schooljaar, OLD.soort, NULL,
            coalesce(OLD.bron || '; ', '') || 'moved by user', false)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    NEW.geleverd := false;
    RETURN NEW;
  ELSE -- DELETE
    IF OLD.geleverd THEN
      UPDATE verzuim.vakantie SET periode = NULL, geleverd = false,
             bron = coalesce(OLD.bron || '; ', '') || 'deleted by user'
       WHERE regio = OLD.regio AND schooljaar = OLD.schooljaar AND soort = OLD.soort;
      RETURN NULL;
    END IF;
    RETURN OLD;
  END IF;
END $$;
COMMENT ON FUNCTION verzuim.vakantie_bewerkt() IS
  'Trigger of verzuim.vakantie that keeps user edits of shipped holidays through pg_dump/pg_restore and upgrades.';

CREATE TRIGGER vakantie_bewerkt BEFORE INSERT OR UPDATE OR DELETE ON verzuim.vakantie
  FOR EACH ROW EXECUTE FUNCTION verzuim.vakantie_bewerkt();
CREATE TRIGGER vakantie_sleutel_gewijzigd AFTER UPDATE ON verzuim.vakantie
  FOR EACH ROW
  WHEN (OLD.geleverd AND (OLD.regio, OLD.schooljaar, OLD.soort) IS DISTINCT FROM (NEW.regio, NEW.schooljaar, NEW.soort))
  EXECUTE FUNCTION verzuim.vakantie_bewerkt();

CREATE FUNCTION verzuim.kalender_gewijzigd() RETURNS trigger
  AS 'MODULE_PATHNAME', 'verzuim_kalender_gewijzigd' LANGUAGE C;
COMMENT ON FUNCTION verzuim.kalender_gewijzigd() IS
  'Trigger that tells every session to reload the school calendar after a change to the holiday tables.';

CREATE TRIGGER kalender_gewijzigd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON verzuim.vakantie
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.kalender_gewijzigd();

INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron, geleverd) VALUES
  ('noord', '2019-2020', 'herfst', '[2019-10-19,2019-10-27]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('midden', '2019-2020', 'herfst', '[2019-10-19,2019-10-27]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('zuid', '2019-2020', 'herfst', '[2019-10-12,2019-10-20]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('noord', '2019-2020', 'kerst', '[2019-12-21,2020-01-05]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('midden', '2019-2020', 'kerst', '[2019-12-21,2020-01-05]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('zuid', '2019-2020', 'kerst', '[2019-12-21,2020-01-05]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('noord', '2019-2020', 'voorjaar', '[2020-02-15,2020-02-23]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('midden', '2019-2020', 'voorjaar', '[2020-02-22,2020-03-01]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('zuid', '2019-2020', 'voorjaar', '[2020-02-22,2020-03-01]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('noord', '2019-2020', 'mei', '[2020-04-25,2020-05-03]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('midden', '2019-2020', 'mei', '[2020-04-25,2020-05-03]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('zuid', '2019-2020', 'mei', '[2020-04-25,2020-05-03]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('noord', '2019-2020', 'zomer', '[2020-07-04,2020-08-16]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('midden', '2019-2020', 'zomer', '[2020-07-18,2020-08-30]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('zuid', '2019-2020', 'zomer', '[2020-07-11,2020-08-23]', 'reischecker.nl/schoolvakanties/2019-2020', true),
  ('noord', '2020-2021', 'herfst', '[2020-10-10,2020-10-18]', 'klompsyhuis.wordpress.com (herfst, kerst)', true),
  ('midden', '2020-2021', 'herfst', '[2020-10-17,2020-10-25]', 'klompsyhuis.wordpress.com (herfst, kerst)', true),
  ('zuid', '2020-2021', 'herfst', '[2020-10-17,2020-10-25]', 'klompsyhuis.wordpress.com (herfst, kerst)', true),
  ('noord', '2020-2021', 'kerst', '[2020-12-19,2021-01-03]', 'klompsyhuis.wordpress.com (herfst, kerst)', true),
  ('midden', '2020-2021', 'kerst', '[2020-12-19,2021-01-03]', 'klompsyhuis.wordpress.com (herfst, kerst)', true),
  ('zuid', '2020-2021', 'kerst', '[2020-12-19,2021-01-03]', 'klompsyhuis.wordpress.com (herfst, kerst)', true),
  ('noord', '2020-2021', 'voorjaar', '[2021-02-20,2021-02-28]', 'kidsproof.nl/Drechtsteden (2021)', true),
  ('midden', '2020-2021', 'voorjaar', '[2021-02-20,2021-02-28]', 'kidsproof.nl/Drechtsteden (2021)', true),
  ('zuid', '2020-2021', 'voorjaar', '[2021-02-13,2021-02-21]', 'kidsproof.nl/Drechtsteden (2021)', true),
  ('noord', '2020-2021', 'mei', '[2021-05-01,2021-05-09]', 'kidsproof.nl/Drechtsteden (2021)', true),
  ('midden', '2020-2021', 'mei', '[2021-05-01,2021-05-09]', 'kidsproof.nl/Drechtsteden (2021)', true),
  ('zuid', '2020-2021', 'mei', '[2021-05-01,2021-05-09]', 'kidsproof.nl/Drechtsteden (2021)', true),
  ('noord', '2020-2021', 'zomer', '[2021-07-10,2021-08-22]', 'kidsproof.nl/Drechtsteden (2021)', true),
  ('midden', '2020-2021', 'zomer', '[2021-07-17,2021-08-29]', 'kidsproof.nl/Drechtsteden (2021)', true),
  ('zuid', '2020-2021', 'zomer', '[2021-07-24,2021-09-05]', 'kidsproof.nl/Drechtsteden (2021)', true),
  ('noord', '2021-2022', 'herfst', '[2021-10-16,2021-10-24]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('midden', '2021-2022', 'herfst', '[2021-10-16,2021-10-24]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('zuid', '2021-2022', 'herfst', '[2021-10-23,2021-10-31]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('noord', '2021-2022', 'kerst', '[2021-12-25,2022-01-09]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('midden', '2021-2022', 'kerst', '[2021-12-25,2022-01-09]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('zuid', '2021-2022', 'kerst', '[2021-12-25,2022-01-09]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('noord', '2021-2022', 'voorjaar', '[2022-02-19,2022-02-27]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('midden', '2021-2022', 'voorjaar', '[2022-02-26,2022-03-06]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('zuid', '2021-2022', 'voorjaar', '[2022-02-26,2022-03-06]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('noord', '2021-2022', 'mei', '[2022-04-30,2022-05-08]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('midden', '2021-2022', 'mei', '[2022-04-30,2022-05-08]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('zuid', '2021-2022', 'mei', '[2022-04-30,2022-05-08]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('noord', '2021-2022', 'zomer', '[2022-07-16,2022-08-28]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('midden', '2021-2022', 'zomer', '[2022-07-09,2022-08-21]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('zuid', '2021-2022', 'zomer', '[2022-07-23,2022-09-04]', 'trotsemoeders.nl (2021-2022), kidsproof 2021', true),
  ('noord', '2022-2023', 'herfst', '[2022-10-15,2022-10-23]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('midden', '2022-2023', 'herfst', '[2022-10-22,2022-10-30]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('zuid', '2022-2023', 'herfst', '[2022-10-22,2022-10-30]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('noord', '2022-2023', 'kerst', '[2022-12-24,2023-01-08]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('midden', '2022-2023', 'kerst', '[2022-12-24,2023-01-08]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('zuid', '2022-2023', 'kerst', '[2022-12-24,2023-01-08]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('noord', '2022-2023', 'voorjaar', '[2023-02-25,2023-03-05]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('midden', '2022-2023', 'voorjaar', '[2023-02-25,2023-03-05]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('zuid', '2022-2023', 'voorjaar', '[2023-02-18,2023-02-26]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('noord', '2022-2023', 'mei', '[2023-04-29,2023-05-07]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('midden', '2022-2023', 'mei', '[2023-04-29,2023-05-07]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('zuid', '2022-2023', 'mei', '[2023-04-29,2023-05-07]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('noord', '2022-2023', 'zomer', '[2023-07-22,2023-09-03]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('midden', '2022-2023', 'zomer', '[2023-07-08,2023-08-20]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('zuid', '2022-2023', 'zomer', '[2023-07-15,2023-08-27]', 'kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023', true),
  ('noord', '2023-2024', 'herfst', '[2023-10-21,2023-10-29]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('midden', '2023-2024', 'herfst', '[2023-10-14,2023-10-22]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('zuid', '2023-2024', 'herfst', '[2023-10-14,2023-10-22]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('noord', '2023-2024', 'kerst', '[2023-12-23,2024-01-07]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('midden', '2023-2024', 'kerst', '[2023-12-23,2024-01-07]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('zuid', '2023-2024', 'kerst', '[2023-12-23,2024-01-07]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('noord', '2023-2024', 'voorjaar', '[2024-02-17,2024-02-25]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('midden', '2023-2024', 'voorjaar', '[2024-02-17,2024-02-25]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('zuid', '2023-2024', 'voorjaar', '[2024-02-10,2024-02-18]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('noord', '2023-2024', 'mei', '[2024-04-27,2024-05-05]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('midden', '2023-2024', 'mei', '[2024-04-27,2024-05-05]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('zuid', '2023-2024', 'mei', '[2024-04-27,2024-05-05]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('noord', '2023-2024', 'zomer', '[2024-07-20,2024-09-01]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('midden', '2023-2024', 'zomer', '[2024-07-13,2024-08-25]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('zuid', '2023-2024', 'zomer', '[2024-07-06,2024-08-18]', 'kidsproof.nl/amersfoort 2023; nationaleonderwijsgids.nl 67365', true),
  ('noord', '2024-2025', 'herfst', '[2024-10-26,2024-11-03]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('midden', '2024-2025', 'herfst', '[2024-10-26,2024-11-03]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('zuid', '2024-2025', 'herfst', '[2024-10-19,2024-10-27]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('noord', '2024-2025', 'kerst', '[2024-12-21,2025-01-05]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('midden', '2024-2025', 'kerst', '[2024-12-21,2025-01-05]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('zuid', '2024-2025', 'kerst', '[2024-12-21,2025-01-05]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('noord', '2024-2025', 'voorjaar', '[2025-02-15,2025-02-23]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('midden', '2024-2025', 'voorjaar', '[2025-02-22,2025-03-02]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('zuid', '2024-2025', 'voorjaar', '[2025-02-22,2025-03-02]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('noord', '2024-2025', 'mei', '[2025-04-26,2025-05-04]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('midden', '2024-2025', 'mei', '[2025-04-26,2025-05-04]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('zuid', '2024-2025', 'mei', '[2025-04-26,2025-05-04]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('noord', '2024-2025', 'zomer', '[2025-07-12,2025-08-24]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('midden', '2024-2025', 'zomer', '[2025-07-19,2025-08-31]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('zuid', '2024-2025', 'zomer', '[2025-07-05,2025-08-17]', 'nationaleonderwijsgids.nl 70520 (Rijksoverheid)', true),
  ('noord', '2025-2026', 'herfst', '[2025-10-18,2025-10-26]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('midden', '2025-2026', 'herfst', '[2025-10-18,2025-10-26]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('zuid', '2025-2026', 'herfst', '[2025-10-11,2025-10-19]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('noord', '2025-2026', 'kerst', '[2025-12-20,2026-01-04]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('midden', '2025-2026', 'kerst', '[2025-12-20,2026-01-04]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('zuid', '2025-2026', 'kerst', '[2025-12-20,2026-01-04]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('noord', '2025-2026', 'voorjaar', '[2026-02-21,2026-03-01]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('midden', '2025-2026', 'voorjaar', '[2026-02-14,2026-02-22]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('zuid', '2025-2026', 'voorjaar', '[2026-02-14,2026-02-22]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('noord', '2025-2026', 'zomer', '[2026-07-04,2026-08-16]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('midden', '2025-2026', 'zomer', '[2026-07-18,2026-08-30]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('zuid', '2025-2026', 'zomer', '[2026-07-11,2026-08-23]', 'kidsproof.nl/Amsterdam; zomer: deepsea.nl (single secondary source)', true),
  ('noord', '2026-2027', 'kerst', '[2026-12-19,2027-01-03]', 'montessoricollege.nl; mariaschool.wsko.nl (school rosters, secondary)', true),
  ('midden', '2026-2027', 'kerst', '[2026-12-19,2027-01-03]', 'montessoricollege.nl; mariaschool.wsko.nl (school rosters, secondary)', true),
  ('zuid', '2026-2027', 'kerst', '[2026-12-19,2027-01-03]', 'montessoricollege.nl; mariaschool.wsko.nl (school rosters, secondary)', true),
  ('noord', '2027-2028', 'herfst', '[2027-10-16,2027-10-24]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('midden', '2027-2028', 'herfst', '[2027-10-16,2027-10-24]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('zuid', '2027-2028', 'herfst', '[2027-10-23,2027-10-31]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('noord', '2027-2028', 'kerst', '[2027-12-25,2028-01-09]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('midden', '2027-2028', 'kerst', '[2027-12-25,2028-01-09]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('zuid', '2027-2028', 'kerst', '[2027-12-25,2028-01-09]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('noord', '2027-2028', 'voorjaar', '[2028-02-19,2028-02-27]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('midden', '2027-2028', 'voorjaar', '[2028-02-26,2028-03-05]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('zuid', '2027-2028', 'voorjaar', '[2028-02-26,2028-03-05]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('noord', '2027-2028', 'mei', '[2028-04-29,2028-05-07]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('midden', '2027-2028', 'mei', '[2028-04-29,2028-05-07]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('zuid', '2027-2028', 'mei', '[2028-04-29,2028-05-07]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('noord', '2027-2028', 'zomer', '[2028-07-15,2028-08-27]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('midden', '2027-2028', 'zomer', '[2028-07-08,2028-08-20]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true),
  ('zuid', '2027-2028', 'zomer', '[2028-07-22,2028-09-03]', 'rijksoverheid.nl overzicht schoolvakanties 2027-2028', true);

SELECT pg_catalog.pg_extension_config_dump('verzuim.vakantie', 'WHERE NOT geleverd');

CREATE FUNCTION verzuim.is_lesdag(datum date, regio text DEFAULT NULL, brin text DEFAULT NULL) RETURNS boolean
  AS 'MODULE_PATHNAME', 'verzuim_is_lesdag' LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.is_lesdag(date, text, text) IS
  'Whether a date is a school day (lesdag): not a weekend, not a public holiday on which schools are closed (verzuim.feestdagen), not a school holiday of the vakantieregio, and not a schoolvrije dag of the school when brin is given. regio NULL: the school''s regio when brin is given, else the setting verzuim.vakantieregio. Raises an error for a schooljaar without complete holiday data (setting verzuim.onvolledige_kalender).';

CREATE FUNCTION verzuim.lesdagen(periode daterange, regio text DEFAULT NULL, brin text DEFAULT NULL) RETURNS int
  AS 'MODULE_PATHNAME', 'verzuim_lesdagen' LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.lesdagen(daterange, text, text) IS
  'Number of school days (see is_lesdag) in a period; lesdagen(schooljaar_periode(''2023-2024''), ''noord'') counts a whole schooljaar. The period must be bounded. Raises an error when the period touches a schooljaar without complete holiday data (setting verzuim.onvolledige_kalender).';

CREATE VIEW verzuim.kalender_dekking AS
WITH jaren AS (
  SELECT j AS jaar, format('%s-%s', j, j + 1) AS schooljaar
  -- from the first schooljaar with data (2019-2020 as shipped) to the last one or
  -- the current one, within the calendar's range 1969-1970 .. 2099-2100
  FROM generate_series(
         greatest(1969, least(2019, (SELECT min(substr(schooljaar, 1, 4)::int) FROM verzuim.vakantie))),
         least(2099, greatest(2027, (SELECT max(substr(schooljaar, 1, 4)::int) FROM verzuim.vakantie),
                              extract(year FROM current_date)::int))) AS j
), regios AS (
  SELECT unnest(ARRAY['noord', 'midden', 'zuid']) AS regio
), nodig AS (
  SELECT r.regio, j.jaar, j.schooljaar, s.soort, s.nr,
         CASE WHEN s.soort = 'zomer (vorig schooljaar)' THEN format('%s-%s', j.jaar - 1, j.jaar)
              ELSE j.schooljaar END AS van_schooljaar,
         CASE WHEN s.soort = 'zomer (vorig schooljaar)' THEN 'zomer' ELSE s.soort END AS vakantiesoort
  FROM regios r CROSS JOIN jaren j
  CROSS JOIN (VALUES (1, 'zomer (vorig schooljaar)'), (2, 'herfst'), (3, 'kerst'), (4, 'voorjaar'),
                     (5, 'mei'), (6, 'zomer')) AS s(nr, soort)
)
SELECT d.regio, d.schooljaar, d.compleet, d.ontbreekt,
       CASE WHEN d.compleet
            THEN verzuim.lesdagen(verzuim.schooljaar_periode(d.schooljaar), d.regio) END AS lesdagen
FROM (
  SELECT n.regio, n.schooljaar,
         count(v.soort) = 6 AS compleet,
         coalesce(array_agg(n.soort ORDER BY n.nr) FILTER (WHERE v.soort IS NULL), '{}') AS ontbreekt
  FROM nodig n
  LEFT JOIN verzuim.vakantie v
    ON v.regio = n.regio AND v.schooljaar = n.van_schooljaar AND v.soort = n.vakantiesoort
  GROUP BY n.regio, n.schooljaar
) d
ORDER BY d.schooljaar, array_position(ARRAY['noord', 'midden', 'zuid'], d.regio);
COMMENT ON VIEW verzuim.kalender_dekking IS
  'Which schooljaren have complete holiday data per vakantieregio: a schooljaar needs its herfst, kerst, voorjaar, mei and zomer vakantie and the zomervakantie of the schooljaar before (which decides the first school days in August). ontbreekt lists what is missing; lesdagen is the number of school days when complete.';

COMMENT ON CONSTRAINT vakantie_schooljaar_check ON verzuim.vakantie IS
  'schooljaar must be written as two consecutive years, e.g. 2023-2024';
COMMENT ON CONSTRAINT vakantie_soort_check ON verzuim.vakantie IS
  'soort must be a lower-case name (herfst, kerst, voorjaar, mei, zomer or an extra one)';
COMMENT ON CONSTRAINT vakantie_periode_check ON verzuim.vakantie IS
  'periode must be a bounded, non-empty period of at most 92 days';
COMMENT ON CONSTRAINT vakantie_check ON verzuim.vakantie IS
  'a holiday must start within its schooljaar (1 August - 31 July)';
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
-- Registration tables (DESIGN.md §2) -----------------------------------------
--
-- The data the Dutch chain already produces, one table each.  Pupils are keyed
-- by a pseudonymous leerling_id (never a BSN).
--
-- Users own this data:
--  * every table is registered with pg_extension_config_dump(), so pg_dump
--    dumps its rows and pg_restore brings them back with the extension;
--  * when user data first arrives in any of them, the statement trigger
--    registratie_bewaakt creates the view verzuim.registratie_omvang (rows per
--    table).  It is created after CREATE EXTENSION, so it is not a member of
--    the extension but depends on its tables: from then on DROP EXTENSION
--    verzuim fails (2BP01, "other objects depend on it") and only
--    DROP EXTENSION verzuim CASCADE drops the data, explicitly.  pg_dump dumps
--    the view as a normal object after CREATE EXTENSION.
--
-- Constraints carry names and comments: the CSV loader (40_loader.sql) checks
-- a file against the constraints of its table and reports the comment of a
-- violated CHECK constraint as the reason.
--
-- Ranges are daterange [first day, day after the last day); an open upper
-- bound means "still going".  Every range column is checked to be non-empty,
-- to have a finite lower bound and no infinite upper bound, so that
-- upper_inf() is the one way to say "open".

CREATE TABLE verzuim.gemeente (
    gemeentecode text CONSTRAINT gemeente_code_check CHECK (gemeentecode ~ '^GM[0-9]{4}$'),
    naam         text NOT NULL CONSTRAINT gemeente_naam_check CHECK (naam <> ''),
    CONSTRAINT gemeente_pkey PRIMARY KEY (gemeentecode)
);
COMMENT ON TABLE verzuim.gemeente IS 'Gemeenten, keyed by CBS code (GM0363 = Amsterdam).';
COMMENT ON COLUMN verzuim.gemeente.gemeentecode IS 'CBS gemeentecode, GM followed by four digits.';
COMMENT ON COLUMN verzuim.gemeente.naam IS 'Name of the gemeente.';
COMMENT ON CONSTRAINT gemeente_code_check ON verzuim.gemeente IS 'gemeentecode must be GM followed by four digits (CBS code, e.g. GM0363)';
COMMENT ON CONSTRAINT gemeente_naam_check ON verzuim.gemeente IS 'naam must not be empty';

CREATE TABLE verzuim.samenwerkingsverband (
    swv_code text CONSTRAINT samenwerkingsverband_code_check CHECK (swv_code ~ '^(PO|VO)[0-9]{2,4}$'),
    naam     text NOT NULL CONSTRAINT samenwerkingsverband_naam_check CHECK (naam <> ''),
    CONSTRAINT samenwerkingsverband_pkey PRIMARY KEY (swv_code)
);
COMMENT ON TABLE verzuim.samenwerkingsverband IS 'Samenwerkingsverbanden passend onderwijs (code PO2701, VO2701, ...).';
COMMENT ON COLUMN verzuim.samenwerkingsverband.swv_code IS 'Code of the samenwerkingsverband: PO or VO followed by its number (2 to 4 digits).';
COMMENT ON COLUMN verzuim.samenwerkingsverband.naam IS 'Name of the samenwerkingsverband.';
COMMENT ON CONSTRAINT samenwerkingsverband_code_check ON verzuim.samenwerkingsverband IS 'swv_code must be PO or VO followed by 2 to 4 digits (e.g. PO2701)';
COMMENT ON CONSTRAINT samenwerkingsverband_naam_check ON verzuim.samenwerkingsverband IS 'naam must not be empty';

CREATE TABLE verzuim.school (
    brin          text CONSTRAINT school_brin_check CHECK (brin ~ '^[0-9]{2}[A-Z]{2}[0-9]{2}$'),
    naam          text NOT NULL CONSTRAINT school_naam_check CHECK (naam <> ''),
    gemeentecode  text NOT NULL CONSTRAINT school_gemeentecode_fkey REFERENCES verzuim.gemeente,
    vakantieregio verzuim.regio NOT NULL,
    swv_code      text CONSTRAINT school_swv_code_fkey REFERENCES verzuim.samenwerkingsverband,
    CONSTRAINT school_pkey PRIMARY KEY (brin)
);
CREATE INDEX school_gemeentecode_idx ON verzuim.school (gemeentecode);
CREATE INDEX school_swv_code_idx ON verzuim.school (swv_code);
COMMENT ON TABLE verzuim.school IS 'School locations (BRIN + vestigingsnummer), with gemeente, vakantieregio and samenwerkingsverband.';
COMMENT ON COLUMN verzuim.school.brin IS 'BRIN number and vestigingsnummer: two digits, two capital letters, two digits (12AB00).';
COMMENT ON COLUMN verzuim.school.naam IS 'Name of the school location.';
COMMENT ON COLUMN verzuim.school.gemeentecode IS 'Gemeente where the school location is (verzuim.gemeente).';
COMMENT ON COLUMN verzuim.school.vakantieregio IS 'Vakantieregio whose holidays the school follows (noord, midden, zuid).';
COMMENT ON COLUMN verzuim.school.swv_code IS 'Samenwerkingsverband passend onderwijs of the school (verzuim.samenwerkingsverband); empty if none.';
COMMENT ON CONSTRAINT school_brin_check ON verzuim.school IS 'brin must be two digits, two capital letters and a two-digit vestigingsnummer (e.g. 12AB00)';
COMMENT ON CONSTRAINT school_naam_check ON verzuim.school IS 'naam must not be empty';

CREATE TABLE verzuim.leerling (
    leerling_id          bigint,
    geboortedatum        date NOT NULL
                         CONSTRAINT leerling_geboortedatum_check
                         CHECK (geboortedatum > '1900-01-01' AND geboortedatum < 'infinity'),
    woongemeente         text NOT NULL CONSTRAINT leerling_woongemeente_fkey REFERENCES verzuim.gemeente,
    startkwalificatie_op date
                         CONSTRAINT leerling_startkwalificatie_check
                         CHECK (startkwalificatie_op > geboortedatum AND startkwalificatie_op < 'infinity'),
    eerste_inschrijving  date
                         CONSTRAINT leerling_eerste_inschrijving_check
                         CHECK (eerste_inschrijving > geboortedatum AND eerste_inschrijving < 'infinity'),
    CONSTRAINT leerling_pkey PRIMARY KEY (leerling_id)
);
CREATE INDEX leerling_woongemeente_idx ON verzuim.leerling (woongemeente);
COMMENT ON TABLE verzuim.leerling IS 'Pupils (jongeren) under the Leerplichtwet, keyed by a pseudonymous id; never a BSN.';
COMMENT ON COLUMN verzuim.leerling.leerling_id IS 'Pseudonymous pupil id (not a BSN or onderwijsnummer).';
COMMENT ON COLUMN verzuim.leerling.geboortedatum IS 'Date of birth.';
COMMENT ON COLUMN verzuim.leerling.woongemeente IS 'Current woongemeente (verzuim.gemeente); history in verzuim.verblijf.';
COMMENT ON COLUMN verzuim.leerling.startkwalificatie_op IS 'Date the startkwalificatie (havo, vwo, mbo 2-4 diploma) was obtained; empty if none.';
COMMENT ON COLUMN verzuim.leerling.eerste_inschrijving IS 'First day the pupil was enrolled at a school, if known (needed for the 12-schooljaren end of leerplicht, art. 3 lid 1 a).';
COMMENT ON CONSTRAINT leerling_geboortedatum_check ON verzuim.leerling IS 'geboortedatum must be after 1900-01-01';
COMMENT ON CONSTRAINT leerling_startkwalificatie_check ON verzuim.leerling IS 'startkwalificatie_op must be after geboortedatum';
COMMENT ON CONSTRAINT leerling_eerste_inschrijving_check ON verzuim.leerling IS 'eerste_inschrijving must be after geboortedatum';

CREATE TABLE verzuim.verblijf (
    leerling_id  bigint NOT NULL CONSTRAINT verblijf_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    gemeentecode text NOT NULL CONSTRAINT verblijf_gemeentecode_fkey REFERENCES verzuim.gemeente,
    periode      daterange NOT NULL
                 CONSTRAINT verblijf_periode_check
                 CHECK (NOT isempty(periode) AND NOT lower_inf(periode) AND lower(periode) > '-infinity'
                        AND (upper_inf(periode) OR upper(periode) < 'infinity')),
    CONSTRAINT verblijf_overlap_excl EXCLUDE USING gist (leerling_id WITH =, periode WITH &&)
);
-- Per-pupil scans in pupil order (the exclusion constraint's GiST index finds
-- one pupil's rows but cannot return them in order); per-gemeente lookups.
CREATE INDEX verblijf_leerling_id_idx ON verzuim.verblijf (leerling_id, lower(periode));
CREATE INDEX verblijf_gemeentecode_idx ON verzuim.verblijf (gemeentecode);
COMMENT ON TABLE verzuim.verblijf IS 'Where a pupil lived when (BRP): moves between gemeenten over time; periods of one pupil do not overlap.';
COMMENT ON COLUMN verzuim.verblijf.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.verblijf.gemeentecode IS 'The woongemeente in this period (verzuim.gemeente).';
COMMENT ON COLUMN verzuim.verblijf.periode IS 'Period of residence, [from, day after the last day); open upper bound while still living there.';
COMMENT ON CONSTRAINT verblijf_periode_check ON verzuim.verblijf IS 'periode must have a finite first day and must not be empty';
COMMENT ON CONSTRAINT verblijf_overlap_excl ON verzuim.verblijf IS 'overlapping residence: same leerling_id, overlapping period';

CREATE TABLE verzuim.inschrijving (
    inschrijving_id bigint GENERATED BY DEFAULT AS IDENTITY,
    leerling_id     bigint NOT NULL CONSTRAINT inschrijving_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    brin            text NOT NULL CONSTRAINT inschrijving_brin_fkey REFERENCES verzuim.school,
    periode         daterange NOT NULL
                    CONSTRAINT inschrijving_periode_check
                    CHECK (NOT isempty(periode) AND NOT lower_inf(periode) AND lower(periode) > '-infinity'
                           AND (upper_inf(periode) OR upper(periode) < 'infinity')),
    onderwijssoort  verzuim.onderwijssoort NOT NULL,
    CONSTRAINT inschrijving_pkey PRIMARY KEY (inschrijving_id),
    CONSTRAINT inschrijving_overlap_excl EXCLUDE USING gist (leerling_id WITH =, brin WITH =, periode WITH &&)
);
CREATE INDEX inschrijving_leerling_id_idx ON verzuim.inschrijving (leerling_id, lower(periode));
CREATE INDEX inschrijving_brin_idx ON verzuim.inschrijving (brin);
COMMENT ON TABLE verzuim.inschrijving IS 'Enrolments (BRON/ROD): pupil at a school location for a period; no overlapping enrolments of one pupil at one school.';
COMMENT ON COLUMN verzuim.inschrijving.inschrijving_id IS 'Generated id of the enrolment.';
COMMENT ON COLUMN verzuim.inschrijving.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.inschrijving.brin IS 'The school location (verzuim.school).';
COMMENT ON COLUMN verzuim.inschrijving.periode IS 'Enrolment period [first day, day after uitschrijving); open upper bound while enrolled.';
COMMENT ON COLUMN verzuim.inschrijving.onderwijssoort IS 'po, so, vo, vso or mbo.';
COMMENT ON CONSTRAINT inschrijving_periode_check ON verzuim.inschrijving IS 'periode must have a finite first day and must not be empty';
COMMENT ON CONSTRAINT inschrijving_overlap_excl ON verzuim.inschrijving IS 'overlapping enrolment: same leerling_id and brin, overlapping period';

CREATE TABLE verzuim.afwezigheid (
    leerling_id bigint NOT NULL CONSTRAINT afwezigheid_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    brin        text NOT NULL CONSTRAINT afwezigheid_brin_fkey REFERENCES verzuim.school,
    datum       date NOT NULL CONSTRAINT afwezigheid_datum_check CHECK (datum > '-infinity' AND datum < 'infinity'),
    reden       verzuim.reden NOT NULL,
    uren        numeric(4,2) NOT NULL
                CONSTRAINT afwezigheid_uren_positief CHECK (uren > 0)
                CONSTRAINT afwezigheid_uren_max CHECK (uren <= 10),
    CONSTRAINT afwezigheid_pkey PRIMARY KEY (leerling_id, datum, brin, reden)
);
-- The primary key serves per-pupil scans in date order; this one per-school scans.
CREATE INDEX afwezigheid_brin_datum_idx ON verzuim.afwezigheid (brin, datum);
COMMENT ON TABLE verzuim.afwezigheid IS 'Absences from the school''s attendance system: hours missed by a pupil on a date, per reason.';
COMMENT ON COLUMN verzuim.afwezigheid.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.afwezigheid.brin IS 'The school location that registered the absence (verzuim.school).';
COMMENT ON COLUMN verzuim.afwezigheid.datum IS 'The day of the absence.';
COMMENT ON COLUMN verzuim.afwezigheid.reden IS 'Reason code, see type verzuim.reden.';
COMMENT ON COLUMN verzuim.afwezigheid.uren IS 'Hours of les- or praktijktijd missed, more than 0 and at most 10 (a school day), at most 2 decimals.';
COMMENT ON CONSTRAINT afwezigheid_datum_check ON verzuim.afwezigheid IS 'datum must be a finite date';
COMMENT ON CONSTRAINT afwezigheid_uren_positief ON verzuim.afwezigheid IS 'uren must be more than 0';
COMMENT ON CONSTRAINT afwezigheid_uren_max ON verzuim.afwezigheid IS 'uren must be at most 10 (a school day)';

CREATE TABLE verzuim.vrijstelling (
    vrijstelling_id bigint GENERATED BY DEFAULT AS IDENTITY,
    leerling_id     bigint NOT NULL CONSTRAINT vrijstelling_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    artikel         verzuim.vrijstelling_artikel NOT NULL,
    periode         daterange NOT NULL
                    CONSTRAINT vrijstelling_periode_check
                    CHECK (NOT isempty(periode) AND NOT lower_inf(periode) AND lower(periode) > '-infinity'
                           AND (upper_inf(periode) OR upper(periode) < 'infinity')),
    CONSTRAINT vrijstelling_pkey PRIMARY KEY (vrijstelling_id),
    CONSTRAINT vrijstelling_overlap_excl EXCLUDE USING gist (leerling_id WITH =, artikel WITH =, periode WITH &&)
);
CREATE INDEX vrijstelling_leerling_id_idx ON verzuim.vrijstelling (leerling_id, lower(periode));
COMMENT ON TABLE verzuim.vrijstelling IS 'Vrijstellingen (art. 5, 5a, 15) and vervangende leerplicht (art. 3a, 3b) per pupil and period; periods of one pupil under one article do not overlap.';
COMMENT ON COLUMN verzuim.vrijstelling.vrijstelling_id IS 'Generated id of the vrijstelling.';
COMMENT ON COLUMN verzuim.vrijstelling.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.vrijstelling.artikel IS 'Article of the Leerplichtwet, see type verzuim.vrijstelling_artikel.';
COMMENT ON COLUMN verzuim.vrijstelling.periode IS 'Period of the vrijstelling [first day, day after the last day); open upper bound when no end is known.';
COMMENT ON CONSTRAINT vrijstelling_periode_check ON verzuim.vrijstelling IS 'periode must have a finite first day and must not be empty';
COMMENT ON CONSTRAINT vrijstelling_overlap_excl ON verzuim.vrijstelling IS 'overlapping vrijstelling: same leerling_id and artikel, overlapping period';

CREATE TABLE verzuim.melding (
    meldingsnummer  bigint,
    leerling_id     bigint NOT NULL CONSTRAINT melding_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    brin            text NOT NULL CONSTRAINT melding_brin_fkey REFERENCES verzuim.school,
    soort           verzuim.meldingsoort NOT NULL,
    verzuim_periode daterange NOT NULL
                    CONSTRAINT melding_verzuim_periode_check
                    CHECK (NOT isempty(verzuim_periode) AND NOT lower_inf(verzuim_periode)
                           AND lower(verzuim_periode) > '-infinity'
                           AND (upper_inf(verzuim_periode) OR upper(verzuim_periode) < 'infinity')),
    gemeld_op       timestamptz NOT NULL
                    CONSTRAINT melding_gemeld_op_check CHECK (gemeld_op > '-infinity' AND gemeld_op < 'infinity'),
    spoed           boolean NOT NULL DEFAULT false,
    status          verzuim.meldingstatus NOT NULL DEFAULT 'geregistreerd',
    afgesloten_op   date CONSTRAINT melding_afgesloten_op_check CHECK (afgesloten_op < 'infinity'),
    mas_route       smallint CONSTRAINT melding_mas_route_check CHECK (mas_route BETWEEN 1 AND 4),
    CONSTRAINT melding_pkey PRIMARY KEY (meldingsnummer),
    CONSTRAINT melding_afgesloten_check
      CHECK ((status IN ('afgesloten', 'ter_kennisgeving_aangenomen', 'ingetrokken')) = (afgesloten_op IS NOT NULL))
);
CREATE INDEX melding_leerling_id_idx ON verzuim.melding (leerling_id);
CREATE INDEX melding_brin_gemeld_op_idx ON verzuim.melding (brin, gemeld_op);
COMMENT ON TABLE verzuim.melding IS 'Verzuimmeldingen in the DUO verzuimregister (ROD), with the gemeente''s handling status.';
COMMENT ON COLUMN verzuim.melding.meldingsnummer IS 'Number DUO assigned to the melding.';
COMMENT ON COLUMN verzuim.melding.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.melding.brin IS 'The reporting school location (verzuim.school).';
COMMENT ON COLUMN verzuim.melding.soort IS 'Soort of the melding, see type verzuim.meldingsoort.';
COMMENT ON COLUMN verzuim.melding.verzuim_periode IS 'Begin and end of the reported verzuim; open upper bound when no einddatum was given.';
COMMENT ON COLUMN verzuim.melding.gemeld_op IS 'When the school reported the melding.';
COMMENT ON COLUMN verzuim.melding.spoed IS 'The school asks leerplicht to handle the melding urgently (default false).';
COMMENT ON COLUMN verzuim.melding.status IS 'Handling status, see type verzuim.meldingstatus (default geregistreerd).';
COMMENT ON COLUMN verzuim.melding.afgesloten_op IS 'Date the melding was closed (afgesloten, ter kennisgeving aangenomen, ingetrokken); empty while open.';
COMMENT ON COLUMN verzuim.melding.mas_route IS 'Route of the Methodische Aanpak Schoolverzuim (1 hulp, 2 Halt, 3 jeugdhulp verplicht kader, 4 strafrecht), if chosen.';
COMMENT ON CONSTRAINT melding_verzuim_periode_check ON verzuim.melding IS 'verzuim_periode must have a finite first day and must not be empty';
COMMENT ON CONSTRAINT melding_gemeld_op_check ON verzuim.melding IS 'gemeld_op must be a finite timestamp';
COMMENT ON CONSTRAINT melding_afgesloten_op_check ON verzuim.melding IS 'afgesloten_op must be a finite date';
COMMENT ON CONSTRAINT melding_mas_route_check ON verzuim.melding IS 'mas_route must be 1, 2, 3 or 4';
COMMENT ON CONSTRAINT melding_afgesloten_check ON verzuim.melding IS 'afgesloten_op must be given exactly when status is afgesloten, ter_kennisgeving_aangenomen or ingetrokken';

CREATE TABLE verzuim.proces_verbaal (
    pv_id       bigint GENERATED BY DEFAULT AS IDENTITY,
    leerling_id bigint NOT NULL CONSTRAINT proces_verbaal_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    datum       date NOT NULL CONSTRAINT proces_verbaal_datum_check CHECK (datum > '-infinity' AND datum < 'infinity'),
    soort       verzuim.pv_soort NOT NULL,
    CONSTRAINT proces_verbaal_pkey PRIMARY KEY (pv_id)
);
CREATE INDEX proces_verbaal_leerling_id_idx ON verzuim.proces_verbaal (leerling_id);
COMMENT ON TABLE verzuim.proces_verbaal IS 'Processen-verbaal drawn up by leerplicht, per pupil, date and soort (absoluut, relatief, luxe); one pupil may have several on a day (e.g. one per parent).';
COMMENT ON COLUMN verzuim.proces_verbaal.pv_id IS 'Generated id of the proces-verbaal.';
COMMENT ON COLUMN verzuim.proces_verbaal.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.proces_verbaal.datum IS 'Date of the proces-verbaal.';
COMMENT ON COLUMN verzuim.proces_verbaal.soort IS 'absoluut, relatief or luxe, see type verzuim.pv_soort.';
COMMENT ON CONSTRAINT proces_verbaal_datum_check ON verzuim.proces_verbaal IS 'datum must be a finite date';

SELECT pg_catalog.pg_extension_config_dump('verzuim.gemeente', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.samenwerkingsverband', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.school', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.leerling', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.verblijf', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.inschrijving', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.inschrijving_inschrijving_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.afwezigheid', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.vrijstelling', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.vrijstelling_vrijstelling_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.melding', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.proces_verbaal', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.proces_verbaal_pv_id_seq', '');

-- Protection against DROP EXTENSION dropping user data ----------------------
--
-- A statement-level trigger on every table that holds user data (the tables
-- above, verzuim.vakantie, verzuim.schoolvrije_dag) creates, once there are
-- user rows, the view verzuim.registratie_omvang.  "User rows" are the rows
-- pg_dump dumps: all rows, or for a table registered with a filter (vakantie:
-- WHERE NOT geleverd) the rows that match it.  The view selects from every
-- table registered with pg_extension_config_dump, so it depends on all of them.
--
-- Two functions, so that the check that runs after every INSERT or UPDATE
-- statement costs one catalog lookup (about 1 µs; a SECURITY DEFINER function
-- with SET search_path costs some 20 µs per call, which doubles the time of
-- single-row inserts):
--  * registratie_bewaken(), the trigger: looks whether the view exists; all
--    names in it are qualified, as it runs with the caller's search_path;
--  * registratie_omvang_maken(tabel), SECURITY DEFINER with a safe
--    search_path: the view must be created whoever inserts the first row (a
--    loader role without CREATE on schema verzuim); it is owned by the owner of
--    the extension.  It acts only for the extension's own tables and reads only
--    those.  Anyone may call it: it does nothing an INSERT would not do.
-- Nobody may attach the trigger function to other tables (EXECUTE revoked from
-- PUBLIC: that privilege is checked when a trigger is created, not when it fires).
CREATE FUNCTION verzuim.registratie_omvang_maken(tabel regclass) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_filter text;
  v_heeft  boolean;
  v_delen  text[] := '{}';
  v_r      record;
BEGIN
  -- Only the extension's own tables; v_filter is their pg_dump filter.
  SELECT c.voorwaarde INTO v_filter
    FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(tabel, voorwaarde), pg_class k
   WHERE e.extname = 'verzuim' AND c.tabel = registratie_omvang_maken.tabel
     AND k.oid = c.tabel AND k.relkind IN ('r', 'p');
  IF NOT FOUND THEN
    RAISE EXCEPTION '% is not a table of verzuim that holds user data', tabel
      USING ERRCODE = 'wrong_object_type',
            HINT = 'verzuim.registratie_bewaken() guards only the registration tables of extension verzuim.';
  END IF;
  IF to_regclass('verzuim.registratie_omvang') IS NOT NULL THEN
    RETURN false;
  END IF;

  -- User data = the rows pg_dump dumps.  An INSERT of no rows (or of shipped
  -- rows only) does not count.
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s %s)', tabel, v_filter) INTO v_heeft;
  IF NOT v_heeft THEN
    RETURN false;
  END IF;

  FOR v_r IN
    SELECT c.tabel::regclass AS tabel, k.relname, c.voorwaarde
      FROM pg_extension e,
           unnest(e.extconfig, e.extcondition) WITH ORDINALITY AS c(tabel, voorwaarde, nr),
           pg_class k
     WHERE e.extname = 'verzuim' AND k.oid = c.tabel AND k.relkind IN ('r', 'p')
     ORDER BY c.nr
  LOOP
    v_delen := v_delen || format('SELECT %L::text AS tabel, count(*) AS rijen, %s AS eigen_rijen FROM %s',
                                 v_r.relname,
                                 CASE WHEN v_r.voorwaarde = '' THEN 'count(*)'
                                      ELSE format('count(*) FILTER (%s)', v_r.voorwaarde) END,
                                 v_r.tabel);
  END LOOP;

  BEGIN
    EXECUTE format('CREATE VIEW verzuim.registratie_omvang %s AS %s',
                   CASE WHEN current_setting('server_version_num')::int >= 150000
                        THEN 'WITH (security_invoker = true)' ELSE '' END,
                   array_to_string(v_delen, E'\nUNION ALL\n'));
  EXCEPTION WHEN duplicate_table OR duplicate_object OR unique_violation THEN
    -- Another transaction created it first (we waited for it to commit).
    RETURN false;
  END;
  COMMENT ON VIEW verzuim.registratie_omvang IS
    'Rows per registration table: rijen = all rows, eigen_rijen = your rows (those pg_dump dumps; for vakantie the rows that are not shipped with the extension). Created automatically when your first row arrived; because it is not part of the extension, DROP EXTENSION verzuim refuses to drop your data (2BP01) and only DROP EXTENSION verzuim CASCADE drops it. To remove the extension after deleting your data: DROP VIEW verzuim.registratie_omvang; DROP EXTENSION verzuim;';

  -- Inside an extension script (CREATE/ALTER EXTENSION) the view would have
  -- become a member of the extension and lose its purpose: detach it.
  IF EXISTS (SELECT 1 FROM pg_depend d
              WHERE d.classid = 'pg_class'::regclass AND d.objid = 'verzuim.registratie_omvang'::regclass
                AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e') THEN
    ALTER EXTENSION verzuim DROP VIEW verzuim.registratie_omvang;
  END IF;
  RETURN true;
END $$;
COMMENT ON FUNCTION verzuim.registratie_omvang_maken(regclass) IS
  'Creates the view verzuim.registratie_omvang when the given registration table holds user data and the view does not exist yet; returns whether it did. Called by the trigger verzuim.registratie_bewaken() after every INSERT or UPDATE on a registration table; the view, not part of the extension, makes DROP EXTENSION verzuim refuse to drop user data.';

CREATE FUNCTION verzuim.registratie_bewaken() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF pg_catalog.to_regclass('verzuim.registratie_omvang') IS NULL THEN
    IF TG_LEVEL OPERATOR(pg_catalog.<>) 'STATEMENT' OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER' THEN
      RAISE EXCEPTION 'verzuim.registratie_bewaken() must be fired AFTER ... FOR EACH STATEMENT'
        USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    PERFORM verzuim.registratie_omvang_maken(TG_RELID::pg_catalog.regclass);
  END IF;
  RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION verzuim.registratie_bewaken() FROM PUBLIC;
COMMENT ON FUNCTION verzuim.registratie_bewaken() IS
  'Trigger (AFTER INSERT OR UPDATE, per statement) of every table holding user data: when the first user rows arrive, it has verzuim.registratie_omvang_maken create the view verzuim.registratie_omvang, which is not part of the extension, so that DROP EXTENSION verzuim cannot silently drop the data.';

CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.gemeente
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.samenwerkingsverband
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.school
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.leerling
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.verblijf
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.inschrijving
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.afwezigheid
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.vrijstelling
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.melding
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.proces_verbaal
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
-- User rows of the holiday table (10_kalender.sql): an INSERT, or an UPDATE or
-- DELETE of a shipped row, which turns it into a user row.  Created here, after
-- the shipped rows were inserted.
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.vakantie
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
-- School-specific free days (studiedagen, margedagen) ------------------------

CREATE TABLE verzuim.schoolvrije_dag (
    brin         text NOT NULL REFERENCES verzuim.school ON UPDATE CASCADE ON DELETE CASCADE,
    datum        date NOT NULL CHECK (datum > '-infinity' AND datum < 'infinity'),
    omschrijving text,
    PRIMARY KEY (brin, datum)
);
COMMENT ON TABLE verzuim.schoolvrije_dag IS
  'Days on which one school is closed besides the holidays of its vakantieregio (studiedagen, margedagen). Used by is_lesdag, lesdagen and the episode and meldplicht aggregates when a brin is given.';
COMMENT ON COLUMN verzuim.schoolvrije_dag.brin IS 'School location (BRIN + vestigingsnummer).';
COMMENT ON COLUMN verzuim.schoolvrije_dag.datum IS 'The free day.';
COMMENT ON COLUMN verzuim.schoolvrije_dag.omschrijving IS 'Why, e.g. studiedag.';

SELECT pg_catalog.pg_extension_config_dump('verzuim.schoolvrije_dag', '');

CREATE TRIGGER kalender_gewijzigd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON verzuim.schoolvrije_dag
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.kalender_gewijzigd();
-- A school's vakantieregio is part of its calendar too.
CREATE TRIGGER kalender_gewijzigd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON verzuim.school
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.kalender_gewijzigd();
-- CSV loader (DESIGN.md §2; layouts in docs/csv.md) --------------------------
--
-- One CSV layout per table holding user data (the tables registered with
-- pg_extension_config_dump), derived from the table itself: one column per
-- table column, a daterange column as two date columns van,tot (tot inclusive,
-- empty = open).  A file is checked set-wise against the constraints of its
-- table (types, NOT NULL, CHECK, foreign keys, unique keys and exclusion
-- constraints, against the rows already in the table and against the other
-- rows of the file) and then loaded completely, or not at all.
--
--   verzuim.csv_kolommen(tabel)                      the layout
--   verzuim.controleer_csv[_tekst](tabel, ...)       the report, loads nothing
--   verzuim.laad_csv[_tekst](tabel, ...)             loads, or raises with the first problems
--
-- Bookkeeping lives in temporary tables pg_temp.verzuim_csv_* (dropped at the
-- end of each call, ON COMMIT DROP otherwise).

-- The holiday and school-calendar tables hold user data too: protect it like the
-- registration tables (see 30_registratie.sql).  schoolvrije_dag is created in
-- 35_schoolvrij.sql, after 30_registratie.sql.
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.schoolvrije_dag
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();

CREATE FUNCTION verzuim.csv_regels(inhoud text, OUT regel integer, OUT velden text[], OUT fout text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'verzuim_csv_regels' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.csv_regels(text) IS
  'Splits CSV text (RFC 4180: comma separated, fields with commas, quotes or line breaks in double quotes, a quote doubled inside) into records: regel = the physical line the record starts on (1 = first line), velden = its fields (an empty field, quoted or not, is NULL), or velden NULL and fout = the reason for a malformed record. Empty lines are skipped; line ends LF, CRLF or CR; a byte order mark is ignored.';

CREATE FUNCTION verzuim.csv_regels_bestand(pad text, OUT regel integer, OUT velden text[], OUT fout text)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'verzuim_csv_regels_bestand' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION verzuim.csv_regels_bestand(text) IS
  'verzuim.csv_regels for a UTF-8 file on the database server (absolute path). Like COPY FROM a file it needs superuser or the privileges of pg_read_server_files (42501 otherwise). Fields that are not valid UTF-8 make their record malformed.';

CREATE FUNCTION verzuim.csv_veldfout(waarde text, typ regtype, typmod integer DEFAULT -1) RETURNS text
  AS 'MODULE_PATHNAME', 'verzuim_csv_veldfout' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.csv_veldfout(text, regtype, integer) IS
  'Checks one CSV field against a column type without raising: NULL when valid, else its SQLSTATE, a space and the reason. Formats: date YYYY-MM-DD; timestamp YYYY-MM-DD[ HH:MM[:SS[.ffffff]]][Z|+HH[:MM]]; integers and decimals with a decimal point (no more decimals than the scale); booleans true/false (t/f, yes/no, on/off, 1/0); enum codes exactly. For a domain only the base type is checked.';

-- The table a caller means: 'afwezigheid' or 'verzuim.afwezigheid'.
CREATE FUNCTION verzuim.csv_tabel(tabel text) RETURNS regclass
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_rel   regclass;
  v_lijst text;
BEGIN
  IF tabel IS NULL THEN
    RAISE EXCEPTION 'tabel must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  SELECT string_agg(k.relname, ', ' ORDER BY c.nr) INTO v_lijst
    FROM pg_extension e, unnest(e.extconfig) WITH ORDINALITY AS c(tabel, nr), pg_class k
   WHERE e.extname = 'verzuim' AND k.oid = c.tabel AND k.relkind IN ('r', 'p');
  v_rel := CASE WHEN strpos(tabel, '.') > 0 THEN to_regclass(tabel)
                ELSE to_regclass(format('verzuim.%I', tabel)) END;
  IF v_rel IS NULL THEN
    RAISE EXCEPTION 'table "%" does not exist', tabel
      USING ERRCODE = 'undefined_table', HINT = 'The CSV loader takes these tables of schema verzuim: ' || v_lijst || '.';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_extension e, pg_class k
                  WHERE e.extname = 'verzuim' AND k.oid = v_rel AND k.oid = ANY (e.extconfig)
                    AND k.relkind IN ('r', 'p')) THEN
    RAISE EXCEPTION '% is not a table of verzuim that holds user data', v_rel
      USING ERRCODE = 'wrong_object_type', HINT = 'The CSV loader takes these tables of schema verzuim: ' || v_lijst || '.';
  END IF;
  RETURN v_rel;
END $$;
COMMENT ON FUNCTION verzuim.csv_tabel(text) IS
  'The table the CSV loader loads for a name (''afwezigheid'' or ''verzuim.afwezigheid''): a table of schema verzuim that holds user data (registered with pg_extension_config_dump). Raises 42P01 for an unknown name, 42809 for another object.';

-- The layout with everything the loader needs.
CREATE FUNCTION verzuim.csv_indeling(tabel regclass)
RETURNS TABLE (positie integer, kolom text, attname text, attnum smallint, typ regtype, typmod integer,
               deel text, verplicht boolean, standaard text, omschrijving text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH filter AS (
    SELECT c.voorwaarde
      FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(tabel, voorwaarde)
     WHERE e.extname = 'verzuim' AND c.tabel = $1
  ), a AS (
    SELECT a.attnum, a.attname::text AS attname, a.atttypid, a.atttypmod, a.attnotnull,
           pg_get_expr(d.adbin, d.adrelid) AS standaard, r.rngsubtype,
           col_description(a.attrelid, a.attnum) AS omschrijving
      FROM pg_attribute a
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      LEFT JOIN pg_range r ON r.rngtypid = a.atttypid
     WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
       AND a.attidentity = '' AND a.attgenerated = ''
       -- the columns that decide whether a row is the user's (vakantie.geleverd) are not loaded
       AND NOT EXISTS (SELECT 1 FROM filter f WHERE f.voorwaarde ~ ('\m' || a.attname || '\M'))
  ), k AS (
    SELECT a.attnum, 0 AS deelnr, a.attname AS kolom, a.attname, a.atttypid AS typ, a.atttypmod AS typmod,
           'waarde' AS deel, a.attnotnull AND a.standaard IS NULL AS verplicht, a.standaard, a.omschrijving
      FROM a WHERE a.rngsubtype IS NULL
    UNION ALL
    SELECT a.attnum, d.nr,
           CASE WHEN a.attname = 'periode' THEN d.deel
                WHEN a.attname LIKE '%\_periode' THEN left(a.attname, -7) || d.deel
                ELSE a.attname || '_' || d.deel END,
           a.attname, a.rngsubtype, -1, d.deel,
           d.deel = 'van' AND a.attnotnull AND a.standaard IS NULL, a.standaard,
           CASE d.deel WHEN 'van' THEN format('First day of %s.', a.attname)
                       ELSE format('Last day of %s (inclusive); empty = open-ended.', a.attname) END
           || coalesce(' ' || a.omschrijving, '')
      FROM a CROSS JOIN (VALUES (1, 'van'), (2, 'tot')) AS d(nr, deel)
     WHERE a.rngsubtype IS NOT NULL
  )
  SELECT row_number() OVER (ORDER BY k.attnum, k.deelnr)::int, k.kolom, k.attname, k.attnum, k.typ::regtype,
         k.typmod, k.deel, k.verplicht, k.standaard, k.omschrijving
    FROM k ORDER BY k.attnum, k.deelnr
$$;
COMMENT ON FUNCTION verzuim.csv_indeling(regclass) IS
  'The CSV layout of a table with the details the loader uses (internal; see verzuim.csv_kolommen).';

CREATE FUNCTION verzuim.csv_kolommen(tabel text)
RETURNS TABLE (positie integer, kolom text, type text, verplicht boolean, omschrijving text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT i.positie, i.kolom,
         format_type(i.typ, i.typmod)
         || CASE WHEN i.deel = 'tot' THEN ' (inclusive, empty = open)' ELSE '' END
         || CASE WHEN i.standaard IS NOT NULL
                 THEN ' (default ' || regexp_replace(i.standaard, '::[a-z_.]+$', '') || ')' ELSE '' END,
         i.verplicht, i.omschrijving
    FROM verzuim.csv_indeling(verzuim.csv_tabel($1)) i
   ORDER BY i.positie
$$;
COMMENT ON FUNCTION verzuim.csv_kolommen(text) IS
  'The CSV layout of a table for verzuim.laad_csv: its columns in the documented order (the header may name them in any order), their type, whether a value is required (verplicht: the column must be in the header and no field may be empty; other columns may be left out of the header or left empty, giving NULL or the default) and what they mean. A period is two columns: van and tot, tot inclusive, empty tot = open-ended.';

-- The checks, shared by controleer_csv and laad_csv.  Fills
-- pg_temp.verzuim_csv_fout with one row per problem and, when laden and
-- there is none, inserts the rows.
CREATE FUNCTION verzuim.csv_verwerk(tabel text, inhoud text, pad text, laden boolean,
                                    OUT geladen bigint, OUT foute_regels bigint)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  -- the largest number of hours a pupil can miss on one day (constraint afwezigheid_uren_max)
  c_schooldag  CONSTANT numeric := 10;
  v_rel        regclass;
  v_filter     text;
  v_kop_regel  integer;
  v_kop        text[];
  v_kop_fout   text;
  v_n          integer;
  v_verwacht   text;
  v_sel        text[] := '{}';
  v_ins        text[] := '{}';
  v_sql        text;
  v_cols       text[];
  v_namen      text;
  v_pos        integer;
  v_waarde     text;
  v_cond       text;
  v_uitleg     text;
  v_b          boolean;
  v_t          record;
  v_r          record;
  v_c          record;
  v_v          text;
BEGIN
  geladen := 0;
  v_rel := verzuim.csv_tabel(tabel);
  IF inhoud IS NULL AND pad IS NULL THEN
    RAISE EXCEPTION 'the CSV content must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  SELECT c.voorwaarde INTO v_filter
    FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(tabel, voorwaarde)
   WHERE e.extname = 'verzuim' AND c.tabel = v_rel;
  FOR v_r IN SELECT i.kolom, i.typ FROM verzuim.csv_indeling(v_rel) i
              WHERE i.typ::oid <> 'date'::regtype::oid AND i.deel <> 'waarde' LOOP
    RAISE EXCEPTION 'the CSV loader supports only daterange periods, not column % of %', v_r.kolom, v_rel
      USING ERRCODE = 'feature_not_supported';
  END LOOP;

  PERFORM verzuim.csv_opruimen();
  CREATE TEMP TABLE verzuim_csv_fout (regel integer, kolompos integer, kolom text, attname text,
                                      waarde text, fout text, sqlstate text) ON COMMIT DROP;
  CREATE TEMP TABLE verzuim_csv_ruw (regel integer, velden text[], fout text) ON COMMIT DROP;
  IF laden THEN
    -- Two loads into one table run one after the other, so that each checks
    -- against the rows of the other.  (An advisory lock: LOCK TABLE in a mode
    -- that blocks other inserts needs more than INSERT privilege.  Other
    -- writers are not blocked; the table's constraints still hold at our
    -- INSERT, which then fails as a whole.)
    PERFORM pg_advisory_xact_lock(1986618234, v_rel::oid::integer);
  END IF;
  IF pad IS NOT NULL THEN
    INSERT INTO pg_temp.verzuim_csv_ruw SELECT * FROM verzuim.csv_regels_bestand(pad);
  ELSE
    INSERT INTO pg_temp.verzuim_csv_ruw SELECT * FROM verzuim.csv_regels(inhoud);
  END IF;

  -- 1. The header ---------------------------------------------------------
  SELECT r.regel, r.velden, r.fout INTO v_kop_regel, v_kop, v_kop_fout
    FROM pg_temp.verzuim_csv_ruw r ORDER BY r.regel LIMIT 1;
  IF NOT FOUND THEN
    INSERT INTO pg_temp.verzuim_csv_fout VALUES
      (1, NULL, NULL, NULL, NULL, 'the file is empty: a header line naming the columns is required', '22P04');
  ELSIF v_kop_fout IS NOT NULL THEN
    INSERT INTO pg_temp.verzuim_csv_fout VALUES
      (v_kop_regel, NULL, NULL, NULL, NULL, 'header: ' || v_kop_fout,
       CASE WHEN v_kop_fout ~ '(not valid UTF-8|NUL byte)' THEN '22021' ELSE '22P04' END);
  END IF;
  IF v_kop IS NULL THEN
    SELECT count(DISTINCT f.regel) INTO foute_regels FROM pg_temp.verzuim_csv_fout f;
    RETURN;
  END IF;
  v_n := cardinality(v_kop);

  CREATE TEMP TABLE verzuim_csv_kol ON COMMIT DROP AS
    SELECT i.*, NULL::integer AS pos FROM verzuim.csv_indeling(v_rel) i;
  SELECT string_agg(k.kolom, ',' ORDER BY k.positie) INTO v_verwacht FROM pg_temp.verzuim_csv_kol k;
  INSERT INTO pg_temp.verzuim_csv_fout
  SELECT v_kop_regel, h.pos, h.naam, NULL, v_kop[h.pos],
         CASE WHEN h.naam IS NULL THEN format('header: column %s has no name', h.pos)
              WHEN h.eerste < h.pos THEN format('header: column %s appears more than once', h.naam)
              WHEN strpos(h.naam, ';') > 0
              THEN format('header: unknown column; the file seems to be separated by semicolons, the loader needs commas; the columns are %s', v_verwacht)
              ELSE format('header: unknown column; the columns are %s', v_verwacht) END,
         '22P04'
    FROM (SELECT lower(btrim(u.naam)) AS naam, u.pos::integer AS pos,
                 min(u.pos) OVER (PARTITION BY lower(btrim(u.naam)))::integer AS eerste
            FROM unnest(v_kop) WITH ORDINALITY AS u(naam, pos)) h
   WHERE h.naam IS NULL OR h.eerste < h.pos
      OR NOT EXISTS (SELECT 1 FROM pg_temp.verzuim_csv_kol k WHERE k.kolom = h.naam);
  UPDATE pg_temp.verzuim_csv_kol k SET pos = h.pos
    FROM (SELECT lower(btrim(u.naam)) AS naam, min(u.pos)::integer AS pos
            FROM unnest(v_kop) WITH ORDINALITY AS u(naam, pos) GROUP BY 1) h
   WHERE h.naam = k.kolom;
  INSERT INTO pg_temp.verzuim_csv_fout
  SELECT v_kop_regel, NULL, k.kolom, NULL, NULL, 'header: required column is missing', '22P04'
    FROM pg_temp.verzuim_csv_kol k WHERE k.verplicht AND k.pos IS NULL ORDER BY k.positie;
  IF EXISTS (SELECT 1 FROM pg_temp.verzuim_csv_fout) THEN
    foute_regels := 1;
    RETURN;
  END IF;

  -- 2. Records: structure, then every field ---------------------------------
  INSERT INTO pg_temp.verzuim_csv_fout
  SELECT r.regel, NULL, NULL, NULL, NULL,
         coalesce(r.fout, format('%s fields, the header has %s', cardinality(r.velden), v_n)),
         CASE WHEN r.fout ~ '(not valid UTF-8|NUL byte)' THEN '22021' ELSE '22P04' END
    FROM pg_temp.verzuim_csv_ruw r
   WHERE r.regel > v_kop_regel AND (r.fout IS NOT NULL OR cardinality(r.velden) <> v_n);
  CREATE TEMP TABLE verzuim_csv_data ON COMMIT DROP AS
    SELECT r.regel AS _csv_regel, r.velden AS _csv_velden
      FROM pg_temp.verzuim_csv_ruw r
     WHERE r.regel > v_kop_regel AND r.fout IS NULL AND cardinality(r.velden) = v_n;

  INSERT INTO pg_temp.verzuim_csv_fout
  SELECT d._csv_regel, k.pos, k.kolom, k.attname, d._csv_velden[k.pos], substr(x.e, 7), left(x.e, 5)
    FROM pg_temp.verzuim_csv_data d
   CROSS JOIN pg_temp.verzuim_csv_kol k
   CROSS JOIN LATERAL (SELECT CASE WHEN d._csv_velden[k.pos] IS NULL
                                   THEN CASE WHEN k.verplicht THEN '23502 required field is empty' END
                                   ELSE verzuim.csv_veldfout(d._csv_velden[k.pos], k.typ, k.typmod) END) AS x(e)
   WHERE k.pos IS NOT NULL AND x.e IS NOT NULL;

  -- domain constraints (vakantieregio): cast every distinct valid value once
  FOR v_r IN SELECT k.* FROM pg_temp.verzuim_csv_kol k JOIN pg_type t ON t.oid = k.typ
              WHERE k.pos IS NOT NULL AND t.typtype = 'd' LOOP
    FOR v_v IN SELECT DISTINCT d._csv_velden[v_r.pos] FROM pg_temp.verzuim_csv_data d
                WHERE d._csv_velden[v_r.pos] IS NOT NULL
                  AND verzuim.csv_veldfout(d._csv_velden[v_r.pos], v_r.typ, v_r.typmod) IS NULL LOOP
      BEGIN
        EXECUTE format('SELECT %L::%s', v_v, format_type(v_r.typ, v_r.typmod));
      EXCEPTION WHEN OTHERS THEN
        INSERT INTO pg_temp.verzuim_csv_fout
        SELECT d._csv_regel, v_r.pos, v_r.kolom, v_r.attname, v_v,
               format('not a valid %s%s', v_r.typ, coalesce(' (' || obj_description(v_r.typ, 'pg_type') || ')', '')),
               SQLSTATE
          FROM pg_temp.verzuim_csv_data d WHERE d._csv_velden[v_r.pos] = v_v;
      END;
    END LOOP;
  END LOOP;

  -- periods: van .. tot
  FOR v_r IN SELECT v.attname, v.kolom AS van_kolom, v.pos AS van_pos, v.verplicht AS van_verplicht,
                    t.kolom AS tot_kolom, t.pos AS tot_pos
               FROM pg_temp.verzuim_csv_kol v JOIN pg_temp.verzuim_csv_kol t ON t.attname = v.attname
              WHERE v.deel = 'van' AND t.deel = 'tot' AND t.pos IS NOT NULL LOOP
    IF v_r.van_pos IS NOT NULL THEN
      INSERT INTO pg_temp.verzuim_csv_fout
      SELECT d._csv_regel, v_r.tot_pos, v_r.tot_kolom, v_r.attname, d._csv_velden[v_r.tot_pos],
             format('%s is before %s', v_r.tot_kolom, v_r.van_kolom), '22000'
        FROM pg_temp.verzuim_csv_data d
       WHERE CASE WHEN d._csv_velden[v_r.van_pos] IS NOT NULL AND d._csv_velden[v_r.tot_pos] IS NOT NULL
                       AND verzuim.csv_veldfout(d._csv_velden[v_r.van_pos], 'date') IS NULL
                       AND verzuim.csv_veldfout(d._csv_velden[v_r.tot_pos], 'date') IS NULL
                  THEN d._csv_velden[v_r.tot_pos]::date < d._csv_velden[v_r.van_pos]::date
                  ELSE false END;
    END IF;
    IF NOT v_r.van_verplicht THEN
      INSERT INTO pg_temp.verzuim_csv_fout
      SELECT d._csv_regel, coalesce(v_r.van_pos, v_r.tot_pos), v_r.van_kolom, v_r.attname,
             NULL, format('%s is empty while %s is given', v_r.van_kolom, v_r.tot_kolom), '23502'
        FROM pg_temp.verzuim_csv_data d
       WHERE d._csv_velden[v_r.tot_pos] IS NOT NULL
         AND (v_r.van_pos IS NULL OR d._csv_velden[v_r.van_pos] IS NULL);
    END IF;
  END LOOP;

  -- 3. The typed rows (a field with a problem becomes NULL) -------------------
  FOR v_r IN
    SELECT k.attname, min(k.attnum) AS attnum, format_type(a.atttypid, a.atttypmod) AS typnaam,
           min(k.standaard) AS standaard,
           min(k.pos) FILTER (WHERE k.deel = 'waarde') AS pos,
           min(k.pos) FILTER (WHERE k.deel = 'van') AS van_pos,
           min(k.pos) FILTER (WHERE k.deel = 'tot') AS tot_pos,
           bool_or(k.pos IS NOT NULL) AS in_kop
      FROM pg_temp.verzuim_csv_kol k
      JOIN pg_attribute a ON a.attrelid = v_rel AND a.attnum = k.attnum
     GROUP BY k.attname, a.atttypid, a.atttypmod
     ORDER BY 2
  LOOP
    v_v := format('(%s)::%s', coalesce(v_r.standaard, 'NULL'), v_r.typnaam);
    IF v_r.pos IS NOT NULL THEN
      v_sql := format('CASE WHEN %L = ANY (f.kolommen) THEN NULL WHEN d._csv_velden[%s] IS NULL THEN %s ELSE d._csv_velden[%s]::%s END',
                      v_r.attname, v_r.pos, v_v, v_r.pos, v_r.typnaam);
    ELSIF v_r.in_kop THEN
      v_sql := format('CASE WHEN %L = ANY (f.kolommen) THEN NULL WHEN %s IS NULL AND %s IS NULL THEN %s ELSE daterange(%s, %s, ''[)'') END',
                      v_r.attname,
                      CASE WHEN v_r.van_pos IS NULL THEN 'NULL' ELSE format('d._csv_velden[%s]', v_r.van_pos) END,
                      CASE WHEN v_r.tot_pos IS NULL THEN 'NULL' ELSE format('d._csv_velden[%s]', v_r.tot_pos) END,
                      v_v,
                      CASE WHEN v_r.van_pos IS NULL THEN 'NULL::date' ELSE format('d._csv_velden[%s]::date', v_r.van_pos) END,
                      CASE WHEN v_r.tot_pos IS NULL THEN 'NULL::date' ELSE format('d._csv_velden[%s]::date + 1', v_r.tot_pos) END);
    ELSE
      v_sql := v_v;
    END IF;
    v_sel := v_sel || format('%s AS %I', v_sql, v_r.attname);
    IF v_r.in_kop THEN
      v_ins := v_ins || quote_ident(v_r.attname);
    END IF;
  END LOOP;
  EXECUTE format($q$CREATE TEMP TABLE verzuim_csv_rij ON COMMIT DROP AS
    SELECT d._csv_regel, coalesce(f.kolommen, '{}') AS _csv_foute_kolommen, %s
      FROM pg_temp.verzuim_csv_data d
      LEFT JOIN (SELECT regel, array_agg(DISTINCT attname) AS kolommen FROM pg_temp.verzuim_csv_fout
                  WHERE attname IS NOT NULL GROUP BY regel) f ON f.regel = d._csv_regel$q$,
                 array_to_string(v_sel, ', '));
  ANALYZE pg_temp.verzuim_csv_rij;

  -- 4. Constraints: CHECK, foreign keys, unique keys, exclusion ---------------
  FOR v_c IN
    SELECT con.oid, con.conname, con.contype, con.confrelid::regclass AS confrelid,
           pg_get_expr(con.conbin, con.conrelid) AS expr,
           obj_description(con.oid, 'pg_constraint') AS uitleg,
           array_agg(a.attname::text ORDER BY u.n) AS cols,
           array_agg(fa.attname::text ORDER BY u.n) AS fcols,
           array_agg(CASE WHEN op.oid IS NOT NULL THEN format('OPERATOR(%I.%s)', ons.nspname, op.oprname) END
                     ORDER BY u.n) AS ops
      FROM pg_constraint con
      CROSS JOIN LATERAL unnest(con.conkey, coalesce(con.confkey, con.conkey),
                                coalesce(con.conexclop, array_fill(0::oid, ARRAY[cardinality(con.conkey)])))
                 WITH ORDINALITY AS u(k, fk, op, n)
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = u.k
      LEFT JOIN pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = u.fk
      LEFT JOIN pg_operator op ON op.oid = u.op
      LEFT JOIN pg_namespace ons ON ons.oid = op.oprnamespace
     WHERE con.conrelid = v_rel AND con.contype IN ('c', 'f', 'x')
     GROUP BY con.oid
    UNION ALL
    -- unique keys: primary key, unique constraints and plain unique indexes
    SELECT i.indexrelid, c.relname, 'u', NULL, NULL, NULL,
           array_agg(a.attname::text ORDER BY u.n), NULL, NULL
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS u(k, n)
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.k
     WHERE i.indrelid = v_rel AND i.indisunique AND i.indexprs IS NULL AND i.indpred IS NULL
       AND u.n <= i.indnkeyatts
     GROUP BY i.indexrelid, c.relname
     ORDER BY 2
  LOOP
    -- constraints on columns the file does not give (generated ids) are not checked here
    CONTINUE WHEN EXISTS (SELECT 1 FROM unnest(v_c.cols) c
                           WHERE NOT EXISTS (SELECT 1 FROM pg_temp.verzuim_csv_kol k WHERE k.attname = c));
    SELECT string_agg(k.kolom, ',' ORDER BY k.positie), min(k.pos),
           CASE WHEN count(*) = 1 THEN min(k.pos) END
      INTO v_namen, v_pos, v_waarde
      FROM pg_temp.verzuim_csv_kol k WHERE k.attname = ANY (v_c.cols);
    v_waarde := CASE WHEN v_waarde IS NULL THEN 'NULL::text' ELSE format('d._csv_velden[%s]', v_waarde) END;
    v_cond := format('NOT (s._csv_foute_kolommen && %L::text[])', v_c.cols);

    IF v_c.contype = 'c' THEN
      v_uitleg := coalesce(v_c.uitleg, format('violates check constraint %s', v_c.conname));
      v_sql := format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT s._csv_regel, %s, %L, NULL, %s, %L, '23514'
          FROM pg_temp.verzuim_csv_rij s JOIN pg_temp.verzuim_csv_data d USING (_csv_regel)
         WHERE %s AND (%s) IS FALSE$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, v_waarde, v_uitleg, v_cond, v_c.expr);
      BEGIN
        EXECUTE v_sql;
      EXCEPTION WHEN OTHERS THEN
        -- the expression raised an error for some row: evaluate row by row
        FOR v_t IN EXECUTE format('SELECT s._csv_regel FROM pg_temp.verzuim_csv_rij s WHERE %s', v_cond) LOOP
          BEGIN
            EXECUTE format('SELECT (%s) IS FALSE FROM pg_temp.verzuim_csv_rij s WHERE s._csv_regel = $1', v_c.expr)
              INTO v_b USING v_t._csv_regel;
          EXCEPTION WHEN OTHERS THEN
            v_b := true;
          END;
          IF v_b THEN
            EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
              SELECT d._csv_regel, %s, %L, NULL, %s, %L, '23514' FROM pg_temp.verzuim_csv_data d
               WHERE d._csv_regel = $1$q$, coalesce(v_pos::text, 'NULL'), v_namen, v_waarde, v_uitleg)
              USING v_t._csv_regel;
          END IF;
        END LOOP;
      END;

    ELSIF v_c.contype = 'f' THEN
      SELECT string_agg(format('t.%I = s.%I', f, c), ' AND '), string_agg(format('s.%I IS NOT NULL', c), ' AND ')
        INTO v_sql, v_v
        FROM unnest(v_c.cols, v_c.fcols) AS u(c, f);
      EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT s._csv_regel, %s, %L, NULL, %s, %L, '23503'
          FROM pg_temp.verzuim_csv_rij s JOIN pg_temp.verzuim_csv_data d USING (_csv_regel)
         WHERE %s AND %s AND NOT EXISTS (SELECT 1 FROM %s t WHERE %s)%s$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, v_waarde,
        format('unknown %s: not found in %s', v_namen, v_c.confrelid),
        v_cond, v_v, v_c.confrelid, v_sql,
        CASE WHEN v_c.confrelid = v_rel
             THEN format(' AND NOT EXISTS (SELECT 1 FROM pg_temp.verzuim_csv_rij t WHERE %s)', v_sql) ELSE '' END);

    ELSIF v_c.contype = 'u' THEN
      SELECT ARRAY[string_agg(format('s.%I', c), ', '), string_agg(format('s.%I IS NOT NULL', c), ' AND '),
                   string_agg(format('t.%I = s.%I', c, c), ' AND ')]
        INTO v_cols
        FROM unnest(v_c.cols) AS u(c);
      -- within the file: every later occurrence
      EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT x._csv_regel, %s, %L, NULL, %s, format(%L, x.eerste), '23505'
          FROM (SELECT s._csv_regel, min(s._csv_regel) OVER (PARTITION BY %s) AS eerste
                  FROM pg_temp.verzuim_csv_rij s WHERE %s AND %s) x
          JOIN pg_temp.verzuim_csv_data d USING (_csv_regel)
         WHERE x._csv_regel > x.eerste$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, v_waarde,
        format('duplicate key (%s): same as line %%s', replace(replace(v_namen, '%', '%%'), ',', ', ')),
        v_cols[1], v_cond, v_cols[2]);
      -- against the rows in the table (the user's rows: shipped vakantie rows are replaced)
      EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT s._csv_regel, %s, %L, NULL, %s, %L, '23505'
          FROM pg_temp.verzuim_csv_rij s JOIN pg_temp.verzuim_csv_data d USING (_csv_regel)
         WHERE %s AND %s AND EXISTS (SELECT 1 FROM %s t WHERE %s%s)$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, v_waarde,
        format('duplicate key (%s): already in %s', replace(v_namen, ',', ', '), v_rel),
        v_cond, v_cols[2], v_rel, v_cols[3],
        CASE WHEN v_filter <> '' THEN ' AND ' || regexp_replace(v_filter, '^\s*WHERE\s+', '', 'i') ELSE '' END);

    ELSIF v_c.contype = 'x' THEN
      v_uitleg := coalesce(v_c.uitleg, format('conflicts with exclusion constraint %s', v_c.conname));
      SELECT string_agg(format('t.%I %s s.%I', c, o, c), ' AND ') INTO v_sql
        FROM unnest(v_c.cols, v_c.ops) AS u(c, o);
      EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT s._csv_regel, %s, %L, NULL, NULL, format(%L, min(t._csv_regel)), '23P01'
          FROM pg_temp.verzuim_csv_rij s
          JOIN pg_temp.verzuim_csv_rij t ON t._csv_regel < s._csv_regel AND %s
         WHERE %s AND NOT (t._csv_foute_kolommen && %L::text[])
         GROUP BY s._csv_regel$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, replace(v_uitleg, '%', '%%') || ' (line %s)', v_sql, v_cond, v_c.cols);
      EXECUTE format($q$INSERT INTO pg_temp.verzuim_csv_fout
        SELECT s._csv_regel, %s, %L, NULL, NULL, %L, '23P01'
          FROM pg_temp.verzuim_csv_rij s
         WHERE %s AND EXISTS (SELECT 1 FROM %s t WHERE %s%s)$q$,
        coalesce(v_pos::text, 'NULL'), v_namen, format('%s (a row already in %s)', v_uitleg, v_rel),
        v_cond, v_rel, v_sql,
        CASE WHEN v_filter <> '' THEN ' AND ' || regexp_replace(v_filter, '^\s*WHERE\s+', '', 'i') ELSE '' END);
    END IF;
  END LOOP;

  -- 5. Rules across rows that are not constraints ------------------------------
  IF v_rel = 'verzuim.afwezigheid'::regclass THEN
    -- A pupil cannot miss more than a school day on one date, over all schools
    -- and reasons, counting the rows in the table that the file does not repeat.
    INSERT INTO pg_temp.verzuim_csv_fout
    WITH f AS (
      SELECT DISTINCT ON (s.leerling_id, s.datum, s.brin, s.reden) s._csv_regel, s.leerling_id, s.datum, s.brin, s.reden, s.uren
        FROM pg_temp.verzuim_csv_rij s
       WHERE NOT (s._csv_foute_kolommen && '{leerling_id,datum,brin,reden,uren}'::text[])
       ORDER BY s.leerling_id, s.datum, s.brin, s.reden, s._csv_regel
    ), dag AS (
      SELECT x.leerling_id, x.datum
        FROM (SELECT f.leerling_id, f.datum, f.uren FROM f
              UNION ALL
              SELECT a.leerling_id, a.datum, a.uren
                FROM verzuim.afwezigheid a
               WHERE (a.leerling_id, a.datum) IN (SELECT f.leerling_id, f.datum FROM f)
                 AND NOT EXISTS (SELECT 1 FROM f WHERE f.leerling_id = a.leerling_id AND f.datum = a.datum
                                                     AND f.brin = a.brin AND f.reden = a.reden)) x
       GROUP BY x.leerling_id, x.datum
      -- one row above a school day is constraint afwezigheid_uren_max's
      HAVING sum(x.uren) > c_schooldag AND count(*) > 1
    )
    SELECT s._csv_regel, k.pos, k.kolom, 'uren', d._csv_velden[k.pos],
           format('the hours of this pupil on this date add up to more than %s (a school day), over all rows of the file and the table', c_schooldag),
           '23514'
      FROM pg_temp.verzuim_csv_rij s
      JOIN dag USING (leerling_id, datum)
      JOIN pg_temp.verzuim_csv_data d USING (_csv_regel)
      JOIN pg_temp.verzuim_csv_kol k ON k.kolom = 'uren'
     WHERE NOT (s._csv_foute_kolommen && '{leerling_id,datum,brin,reden,uren}'::text[]);
  END IF;

  SELECT count(DISTINCT f.regel) INTO foute_regels FROM pg_temp.verzuim_csv_fout f;
  IF laden AND foute_regels = 0 AND cardinality(v_ins) > 0 THEN
    EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM pg_temp.verzuim_csv_rij ORDER BY _csv_regel',
                   v_rel, array_to_string(v_ins, ', '), array_to_string(v_ins, ', '));
    GET DIAGNOSTICS geladen = ROW_COUNT;
  END IF;
END $$;
COMMENT ON FUNCTION verzuim.csv_verwerk(text, text, text, boolean) IS
  'The checks of the CSV loader (internal; use verzuim.controleer_csv or verzuim.laad_csv).';

CREATE FUNCTION verzuim.csv_opruimen() RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF to_regclass('pg_temp.verzuim_csv_fout') IS NOT NULL THEN DROP TABLE pg_temp.verzuim_csv_fout; END IF;
  IF to_regclass('pg_temp.verzuim_csv_ruw') IS NOT NULL THEN DROP TABLE pg_temp.verzuim_csv_ruw; END IF;
  IF to_regclass('pg_temp.verzuim_csv_kol') IS NOT NULL THEN DROP TABLE pg_temp.verzuim_csv_kol; END IF;
  IF to_regclass('pg_temp.verzuim_csv_data') IS NOT NULL THEN DROP TABLE pg_temp.verzuim_csv_data; END IF;
  IF to_regclass('pg_temp.verzuim_csv_rij') IS NOT NULL THEN DROP TABLE pg_temp.verzuim_csv_rij; END IF;
END $$;
COMMENT ON FUNCTION verzuim.csv_opruimen() IS
  'Drops the temporary tables of the CSV loader (internal).';

CREATE FUNCTION verzuim.csv_rapport(tabel text, inhoud text, pad text, bestandsnaam text, max_regels integer)
RETURNS TABLE (bestand text, regel integer, kolom text, waarde text, fout text, sqlstate text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_fout bigint;
BEGIN
  IF max_regels < 1 THEN
    RAISE EXCEPTION 'max_regels must be at least 1 (NULL: no limit)' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT v.foute_regels INTO v_fout FROM verzuim.csv_verwerk(tabel, inhoud, pad, false) v;
  RETURN QUERY
    SELECT bestandsnaam, f.regel, f.kolom, f.waarde, f.fout, f.sqlstate
      FROM (SELECT f.*, dense_rank() OVER (ORDER BY f.regel) AS nr FROM pg_temp.verzuim_csv_fout f) f
     WHERE max_regels IS NULL OR f.nr <= max_regels
     ORDER BY f.regel, f.kolompos NULLS FIRST, f.kolom, f.fout;
  IF v_fout > max_regels THEN
    RETURN QUERY SELECT bestandsnaam, NULL::integer, NULL::text, NULL::text,
                        format('%s more bad lines not shown (max_regels = %s)', v_fout - max_regels, max_regels), NULL::text;
  END IF;
  PERFORM verzuim.csv_opruimen();
END $$;
COMMENT ON FUNCTION verzuim.csv_rapport(text, text, text, text, integer) IS
  'The report of the CSV loader (internal; use verzuim.controleer_csv or verzuim.controleer_csv_tekst).';

CREATE FUNCTION verzuim.csv_laden(tabel text, inhoud text, pad text, bestandsnaam text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v        record;
  v_state  text;
  v_detail text;
  v_naam   text := CASE WHEN bestandsnaam IS NULL THEN 'CSV text' ELSE format('file "%s"', bestandsnaam) END;
BEGIN
  SELECT * INTO v FROM verzuim.csv_verwerk(tabel, inhoud, pad, true);
  IF v.foute_regels > 0 THEN
    SELECT (array_agg(f.sqlstate ORDER BY f.regel, f.kolompos NULLS FIRST, f.kolom, f.fout))[1],
           string_agg(format('line %s%s: %s', f.regel, ', column ' || f.kolom, f.fout), E'\n'
                      ORDER BY f.regel, f.kolompos NULLS FIRST, f.kolom, f.fout)
               FILTER (WHERE f.nr <= 5)
      INTO v_state, v_detail
      FROM (SELECT f.*, row_number() OVER (ORDER BY f.regel, f.kolompos NULLS FIRST, f.kolom, f.fout) AS nr
              FROM pg_temp.verzuim_csv_fout f) f;
    RAISE EXCEPTION '% not loaded into %: % bad line%', v_naam, verzuim.csv_tabel(tabel), v.foute_regels,
                    CASE WHEN v.foute_regels = 1 THEN '' ELSE 's' END
      USING ERRCODE = v_state,
            DETAIL = v_detail,
            HINT = CASE WHEN pad IS NOT NULL
                        THEN 'Nothing was loaded. SELECT * FROM verzuim.controleer_csv(tabel, pad) lists every problem with the field values.'
                        ELSE 'Nothing was loaded. SELECT * FROM verzuim.controleer_csv_tekst(tabel, inhoud) lists every problem with the field values.' END;
  END IF;
  PERFORM verzuim.csv_opruimen();
  RETURN v.geladen;
END $$;
COMMENT ON FUNCTION verzuim.csv_laden(text, text, text, text) IS
  'Loads a CSV file or text (internal; use verzuim.laad_csv or verzuim.laad_csv_tekst).';

-- The public interface -------------------------------------------------------

CREATE FUNCTION verzuim.controleer_csv(tabel text, pad text, max_regels integer DEFAULT 100)
RETURNS TABLE (bestand text, regel integer, kolom text, waarde text, fout text, sqlstate text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF pad IS NULL THEN
    RAISE EXCEPTION 'pad must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  RETURN QUERY SELECT * FROM verzuim.csv_rapport(tabel, NULL, pad, pad, max_regels);
END $$;
COMMENT ON FUNCTION verzuim.controleer_csv(text, text, integer) IS
  'Checks a UTF-8 CSV file on the database server (absolute path; superuser or pg_read_server_files) for loading into a table of verzuim, without loading it: one row per problem, ordered by line: bestand, regel (physical line; the header is line 1), kolom (CSV column, NULL for the whole line), waarde (the field as in the file), fout (the reason), sqlstate (what laad_csv raises for it). No rows: the file loads. Problems of the first max_regels bad lines are listed (NULL: all); a last row with regel NULL says how many bad lines were left out. Layout: verzuim.csv_kolommen(tabel).';

CREATE FUNCTION verzuim.controleer_csv_tekst(tabel text, inhoud text, bestandsnaam text DEFAULT NULL,
                                             max_regels integer DEFAULT 100)
RETURNS TABLE (bestand text, regel integer, kolom text, waarde text, fout text, sqlstate text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF inhoud IS NULL THEN
    RAISE EXCEPTION 'inhoud must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  RETURN QUERY SELECT * FROM verzuim.csv_rapport(tabel, inhoud, NULL, bestandsnaam, max_regels);
END $$;
COMMENT ON FUNCTION verzuim.controleer_csv_tekst(text, text, text, integer) IS
  'verzuim.controleer_csv for CSV content passed as text (from any client; in psql: \set inhoud `cat file.csv` then SELECT * FROM verzuim.controleer_csv_tekst(''afwezigheid'', :''inhoud'', ''file.csv'')). bestandsnaam only labels the report.';

CREATE FUNCTION verzuim.laad_csv(tabel text, pad text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF pad IS NULL THEN
    RAISE EXCEPTION 'pad must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  RETURN verzuim.csv_laden(tabel, NULL, pad, pad);
END $$;
COMMENT ON FUNCTION verzuim.laad_csv(text, text) IS
  'Loads a UTF-8 CSV file on the database server (absolute path; superuser or pg_read_server_files) into a table of verzuim, completely or not at all, and returns the number of rows loaded. When any line is bad nothing is loaded and it raises an error with the SQLSTATE of the first problem (22P04 file structure, 22021 not UTF-8, 22007/22008 dates, 22P02 codes and numbers, 22003 out of range, 22000 tot before van, 23502 empty required field, 23503 unknown reference, 23505 duplicate key, 23P01 overlapping period, 23514 check) and the first five problems in its detail (line and column, never field values); verzuim.controleer_csv lists them all. Layout: verzuim.csv_kolommen(tabel).';

CREATE FUNCTION verzuim.laad_csv_tekst(tabel text, inhoud text, bestandsnaam text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF inhoud IS NULL THEN
    RAISE EXCEPTION 'inhoud must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  RETURN verzuim.csv_laden(tabel, inhoud, NULL, bestandsnaam);
END $$;
COMMENT ON FUNCTION verzuim.laad_csv_tekst(text, text, text) IS
  'verzuim.laad_csv for CSV content passed as text (from any client; in psql: \set inhoud `cat file.csv` then SELECT verzuim.laad_csv_tekst(''afwezigheid'', :''inhoud'', ''file.csv'')). bestandsnaam only labels the error message.';
-- Thuiszit episodes (DESIGN.md §3 "Episodes and durations"; DOMAIN.md §6) ---
--
-- Implemented in C (src/episodes.c).  Settings (GUCs) defined there:
--   verzuim.ziekte_in_episode  onderbreekt (default) | pauzeert | telt_mee
--   verzuim.lrv_drempel        '4 weeks' (LRV: longer than this)
--   verzuim.lrv_eenheid        kalender (default) | lesweken
--   verzuim.norm               '3 months' (boven_norm: longer than this)

-- Aggregate verzuim.episodes ---------------------------------------------------

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_brin_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text, verzuim.reden)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_reden_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_sfunc(internal, date, text, text, verzuim.reden)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_brin_reden_sfunc'
LANGUAGE C STABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'verzuim_episodes_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'verzuim_episodes_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION verzuim.episodes_final(internal)
RETURNS datemultirange
AS 'MODULE_PATHNAME', 'verzuim_episodes_final'
LANGUAGE C STABLE PARALLEL SAFE;

-- The final function sorts the buffer of dates in place; that does not change
-- the set of dates the state stands for, so it is READ_ONLY in effect (and
-- the aggregate can be used as a window function).
CREATE AGGREGATE verzuim.episodes(datum date, regio text) (
    SFUNC = verzuim.episodes_sfunc,
    STYPE = internal,
    SSPACE = 160,
    FINALFUNC = verzuim.episodes_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize,
    DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text) IS
  'Thuiszit episodes: the absent school days of a group (one pupil) merged into episodes, as a datemultirange of [first absent day, last absent day + 1). Two absent days belong to one episode when no school day of the vakantieregio lies strictly between them (weekends, public holidays and school holidays are bridged). Every row counts as an absent day: filter the rows (e.g. WHERE reden IN (''ongeoorloofd'', ''luxe'') AND uren >= 5) or use episodes(datum, regio, reden). Dates that are no school day (a Saturday, a holiday) are ignored; NULL dates are skipped; input order and duplicates do not matter. The regio may differ per row (a pupil who changed to a school in another vakantieregio): a day is an absent day when it is a school day in the regio of one of its rows, and a day between two absent days is a school day when it is one in the regio of either of them. regio NULL means the setting verzuim.vakantieregio (22004 when that is empty); unknown regio 22023; infinite or out-of-calendar dates 22008; missing holiday data per verzuim.onvolledige_kalender. No rows: NULL; rows but no absent school day: an empty multirange. Parallel safe.';

CREATE AGGREGATE verzuim.episodes(datum date, regio text, brin text) (
    SFUNC = verzuim.episodes_sfunc,
    STYPE = internal,
    SSPACE = 160,
    FINALFUNC = verzuim.episodes_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize,
    DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text, text) IS
  'As episodes(datum, regio), with the school-free days (verzuim.schoolvrije_dag, e.g. studiedagen) of the school brin bridged as well. One brin per group (else 22023: group by brin too); brin NULL means the regional calendar only; a brin not in verzuim.school raises 23503.';

CREATE AGGREGATE verzuim.episodes(datum date, regio text, reden verzuim.reden) (
    SFUNC = verzuim.episodes_sfunc,
    STYPE = internal,
    SSPACE = 160,
    FINALFUNC = verzuim.episodes_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize,
    DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text, verzuim.reden) IS
  'As episodes(datum, regio), deciding per row from the reden which absences count: ongeoorloofd and luxe are absent days; te_laat never is (the pupil was at school); geoorloofd reasons (ziek, schorsing, verlof_13a, verlof_14, religieus, overig_geoorloofd) follow the setting verzuim.ziekte_in_episode, read once per group: onderbreekt (default, statutory reading: the day is a school day without ongeoorloofd absence and ends the episode), pauzeert (bridged like a holiday, not an episode day), telt_mee (an absent day). A day with both an ongeoorloofd and a geoorloofd row is an absent day. Every row counts as a whole day, whatever its uren: leave out partial days in the WHERE clause (e.g. uren >= 5) when only whole-day absence should count (DOMAIN.md §14.3). Rows with NULL reden are skipped. Pass a verzuim.reden value (a column or ''ziek''::verzuim.reden): an untyped literal picks episodes(datum, regio, brin).';

CREATE AGGREGATE verzuim.episodes(datum date, regio text, brin text, reden verzuim.reden) (
    SFUNC = verzuim.episodes_sfunc,
    STYPE = internal,
    SSPACE = 160,
    FINALFUNC = verzuim.episodes_final,
    FINALFUNC_MODIFY = READ_ONLY,
    COMBINEFUNC = verzuim.episodes_combine,
    SERIALFUNC = verzuim.episodes_serialize,
    DESERIALFUNC = verzuim.episodes_deserialize,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.episodes(date, text, text, verzuim.reden) IS
  'episodes(datum, regio, reden) with the school-free days of school brin bridged as well (see episodes(datum, regio, brin)).';

-- Thuiszitter status of an episode -------------------------------------------

CREATE TYPE verzuim.thuiszit_status AS (
    duur_dagen    int,
    duur_lesdagen int,
    lopend        boolean,
    lrv           boolean,
    boven_norm    boolean,
    lrv_vanaf     date,
    norm_vanaf    date
);
COMMENT ON TYPE verzuim.thuiszit_status IS
  'Status of a thuiszit episode at a peildatum, returned by verzuim.thuiszit().';
COMMENT ON COLUMN verzuim.thuiszit_status.duur_dagen IS
  'Calendar days from the first day of the episode to its end or, while it runs, to the peildatum (inclusive): min(upper, peildatum + 1) - lower.';
COMMENT ON COLUMN verzuim.thuiszit_status.duur_lesdagen IS
  'School days of the vakantieregio in the same span.';
COMMENT ON COLUMN verzuim.thuiszit_status.lopend IS
  'The episode still runs at the peildatum: its upper bound is unbounded or after the peildatum.';
COMMENT ON COLUMN verzuim.thuiszit_status.lrv IS
  'Langdurig relatief verzuim at the peildatum: the episode has lasted longer than verzuim.lrv_drempel (lrv_vanaf <= peildatum).';
COMMENT ON COLUMN verzuim.thuiszit_status.boven_norm IS
  'Above the norm at the peildatum: the episode has lasted longer than verzuim.norm (norm_vanaf <= peildatum).';
COMMENT ON COLUMN verzuim.thuiszit_status.lrv_vanaf IS
  'First day on which the episode is longer than verzuim.lrv_drempel (may lie after the peildatum for a running episode); NULL when the episode ended before, and (lrv_eenheid lesweken) when a date after the peildatum would rest on missing holiday data.';
COMMENT ON COLUMN verzuim.thuiszit_status.norm_vanaf IS
  'First day on which the episode is longer than verzuim.norm, lower + norm (may lie after the peildatum for a running episode); NULL when the episode ended before.';

CREATE FUNCTION verzuim.thuiszit(episode daterange, peildatum date, regio text DEFAULT NULL)
RETURNS verzuim.thuiszit_status
AS 'MODULE_PATHNAME', 'verzuim_thuiszit'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.thuiszit(daterange, date, text) IS
  'Thuiszitter status of an episode [first day, day after the last day) at a peildatum: duration in calendar days and school days (to the end, or to the peildatum while it runs), lopend, LRV and the norm. LRV: the episode is longer than verzuim.lrv_drempel (default ''4 weeks'', Lpw "langer dan vier weken": from the 29th day), counted per verzuim.lrv_eenheid: kalender (default, calendar time: lower + drempel) or lesweken (only days in weeks with at least one school day of the regio count, so holiday weeks do not). Norm: longer than verzuim.norm (default ''3 months''), i.e. age(end, lower) > norm, from lower + norm (31 Jan + 3 months = 30 Apr). An episode open at the peildatum (upper unbounded or after the peildatum) is lopend and measured to the peildatum. Episodes starting after the peildatum give NULL; NULL episode or peildatum give NULL. regio NULL: the setting verzuim.vakantieregio. Empty episode or no lower bound: 22023; infinite peildatum or lower bound: 22008; dates outside the calendar: 22008.';

-- Absoluut verzuim episodes -----------------------------------------------------

CREATE FUNCTION verzuim.absoluut_verzuim(peildatum date DEFAULT current_date)
RETURNS TABLE (leerling_id bigint, episode daterange)
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $fn$
#variable_conflict use_column
BEGIN
    IF peildatum IS NULL THEN
        RETURN;
    END IF;
    IF NOT isfinite(peildatum) THEN
        RAISE EXCEPTION 'peildatum must be a finite date'
            USING ERRCODE = '22008',
                  HINT = 'Use a real calendar date instead of infinity or -infinity.';
    END IF;
    RETURN QUERY
    WITH ins AS (
        SELECT i.leerling_id, range_agg(i.periode) AS m
        FROM verzuim.inschrijving i
        WHERE lower(i.periode) <= absoluut_verzuim.peildatum
        GROUP BY i.leerling_id
    ), vrij AS (
        SELECT v.leerling_id, range_agg(v.periode) AS m
        FROM verzuim.vrijstelling v
        WHERE lower(v.periode) <= absoluut_verzuim.peildatum
        GROUP BY v.leerling_id
    ), verb AS (
        SELECT b.leerling_id, range_agg(b.periode) AS m
        FROM verzuim.verblijf b
        GROUP BY b.leerling_id
    ), gat AS (
        -- plicht = leerplicht [L, E1) + kwalificatieplicht [E1, E2) = [L, max(E1, E2)).
        -- The exact start L (first school day of the month after the 5th birthday)
        -- needs the holiday calendar of that month, so the gaps are first computed
        -- from vanaf = the first day of that month (<= L) and only gaps that start
        -- near it are cut to the exact period below: pupils enrolled before their
        -- leerplicht began never need the calendar of that (often old) schooljaar.
        -- E1 = lower(kwalificatieplicht without startkwalificatie), which is never
        -- empty; with a startkwalificatie before E1 the kwalificatieplicht is empty.
        SELECT l.leerling_id, l.geboortedatum, l.eerste_inschrijving, a.vanaf,
               (datemultirange(daterange(a.vanaf,
                                         GREATEST(a.vanaf,
                                                  lower(verzuim.kwalificatieplicht_periode(
                                                            l.geboortedatum, NULL, l.eerste_inschrijving)),
                                                  upper(verzuim.kwalificatieplicht_periode(
                                                            l.geboortedatum, l.startkwalificatie_op,
                                                            l.eerste_inschrijving)))))
                * datemultirange(daterange(NULL, absoluut_verzuim.peildatum, '[]'))
                * coalesce(verb.m, '{(,)}'::datemultirange)
                - coalesce(ins.m, '{}'::datemultirange)
                - coalesce(vrij.m, '{}'::datemultirange)) AS m
        FROM verzuim.leerling l
        CROSS JOIN LATERAL (
            SELECT (date_trunc('month', l.geboortedatum + interval '5 years') + interval '1 month')::date AS vanaf
        ) a
        LEFT JOIN ins ON ins.leerling_id = l.leerling_id
        LEFT JOIN vrij ON vrij.leerling_id = l.leerling_id
        LEFT JOIN verb ON verb.leerling_id = l.leerling_id
        -- only pupils whose leerplicht can have begun by the peildatum (vanaf is
        -- on or before the true start, also for 29 February birthdays); birth
        -- dates before 1964-07-01 have their leerplicht before the school calendar
        -- (1969-08-01) and are outside leerplicht_periode's range
        WHERE a.vanaf <= absoluut_verzuim.peildatum
          AND l.geboortedatum >= date '1964-07-01'
    ), exact AS (
        -- L lies within two months after vanaf (the longest holiday is 44 days)
        SELECT g.leerling_id,
               CASE WHEN lower(r) < g.vanaf + 62
                    THEN r * daterange(lower(verzuim.leerplicht_periode(g.geboortedatum, g.eerste_inschrijving)), NULL)
                    ELSE r END AS r
        FROM gat g, unnest(g.m) AS r
    )
    SELECT e.leerling_id,
           CASE WHEN upper(e.r) > absoluut_verzuim.peildatum THEN daterange(lower(e.r), NULL)
                ELSE e.r END
    FROM exact e
    WHERE NOT isempty(e.r);
END
$fn$;
COMMENT ON FUNCTION verzuim.absoluut_verzuim(date) IS
  'Absoluut verzuim episodes up to the peildatum (default today): per pupil the periods in which it was leer- or kwalificatieplichtig (verzuim.leerplicht_periode, verzuim.kwalificatieplicht_periode; leerplicht_periode with regio NULL), lived in the Netherlands (within its verzuim.verblijf periods, when it has any), and had no inschrijving and no vrijstelling (any article, incl. vervangende leerplicht 3a/3b). An episode that still runs at the peildatum (contains it) is returned with an unbounded upper bound [start,), so upper(episode) IS NULL / upper > peildatum marks it open (as duur_agg and thuiszit expect); closed episodes end on their real day (enrolment, vrijstelling, end of plicht, emigration). Enrolments and vrijstellingen starting after the peildatum are not known yet and are ignored. For a schooljaar use its last day as peildatum and keep the episodes that overlap the schooljaar. The holiday calendar of the month leerplicht starts in is read only for pupils not enrolled then (verzuim.onvolledige_kalender applies). Pupils born before 1964-07-01 are skipped. Infinite peildatum: 22008.';
-- Durations of episodes: the two-step summary verzuim.duurverdeling ---------------
-- (DESIGN.md §3 "Episodes and durations", DOMAIN.md §6; C code in src/duur.c)
--
-- Step 1: an aggregate turns episodes (daterange) into a duurverdeling at a
-- peildatum: an exact table of durations, with episodes still open at the
-- peildatum kept as right-censored observations.  Step 2: accessors read
-- figures from it; verzuim.samenvoegen re-aggregates stored summaries
-- (per gemeente -> per regio -> national).

CREATE TYPE verzuim.duurverdeling;

CREATE FUNCTION verzuim.duurverdeling_in(cstring) RETURNS verzuim.duurverdeling
  AS 'MODULE_PATHNAME', 'verzuim_duur_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION verzuim.duurverdeling_out(verzuim.duurverdeling) RETURNS cstring
  AS 'MODULE_PATHNAME', 'verzuim_duur_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION verzuim.duurverdeling_recv(internal) RETURNS verzuim.duurverdeling
  AS 'MODULE_PATHNAME', 'verzuim_duur_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION verzuim.duurverdeling_send(verzuim.duurverdeling) RETURNS bytea
  AS 'MODULE_PATHNAME', 'verzuim_duur_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE verzuim.duurverdeling (
  INPUT = verzuim.duurverdeling_in,
  OUTPUT = verzuim.duurverdeling_out,
  RECEIVE = verzuim.duurverdeling_recv,
  SEND = verzuim.duurverdeling_send,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = double,
  STORAGE = extended
);
COMMENT ON TYPE verzuim.duurverdeling IS
  'Exact, mergeable summary of episode durations at a peildatum (made by verzuim.duur_agg, merged by verzuim.samenvoegen): per distinct duration the number of episodes closed after that many days and the number still open (right-censored) at the peildatum. Unit kalenderdagen or lesdagen. Text form (format version 1): {v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=3;lopend=2;som=33;som_lopend=38;1:2/0,7:0/1,31:1/1} with entries duur:gesloten/lopend in increasing duur; gesloten/lopend count the closed/open episodes, som/som_lopend sum their durations; lesdagen summaries add regio=noord+midden+zuid (the regions whose calendars were used) after eenheid. Read it with aantal, aantal_lopend, gemiddelde, doorloopsnelheid, mediaan, percentiel, beperkt_gemiddelde, aandeel_langer_dan, verdeling.';

-- Equality (byte-for-byte on the canonical form) and hashing, so summaries can
-- be compared, grouped, and used in row comparisons.
CREATE FUNCTION verzuim.duurverdeling_eq(verzuim.duurverdeling, verzuim.duurverdeling) RETURNS boolean
  AS 'MODULE_PATHNAME', 'verzuim_duur_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.duurverdeling_eq(verzuim.duurverdeling, verzuim.duurverdeling) IS
  'True when two duration summaries are identical (same unit, regions, peildatum and table). Implements the operator =.';
CREATE FUNCTION verzuim.duurverdeling_ne(verzuim.duurverdeling, verzuim.duurverdeling) RETURNS boolean
  AS 'MODULE_PATHNAME', 'verzuim_duur_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.duurverdeling_ne(verzuim.duurverdeling, verzuim.duurverdeling) IS
  'True when two duration summaries differ. Implements the operator <>.';
CREATE FUNCTION verzuim.duurverdeling_hash(verzuim.duurverdeling) RETURNS integer
  AS 'MODULE_PATHNAME', 'verzuim_duur_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.duurverdeling_hash(verzuim.duurverdeling) IS
  'Hash of a duration summary (hash operator class support; consistent with =).';

CREATE OPERATOR verzuim.= (
  LEFTARG = verzuim.duurverdeling, RIGHTARG = verzuim.duurverdeling,
  FUNCTION = verzuim.duurverdeling_eq,
  COMMUTATOR = OPERATOR(verzuim.=), NEGATOR = OPERATOR(verzuim.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
COMMENT ON OPERATOR verzuim.= (verzuim.duurverdeling, verzuim.duurverdeling) IS
  'Duration summaries are equal: same unit, regions, peildatum and the same episodes per duration.';
CREATE OPERATOR verzuim.<> (
  LEFTARG = verzuim.duurverdeling, RIGHTARG = verzuim.duurverdeling,
  FUNCTION = verzuim.duurverdeling_ne,
  COMMUTATOR = OPERATOR(verzuim.<>), NEGATOR = OPERATOR(verzuim.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR verzuim.<> (verzuim.duurverdeling, verzuim.duurverdeling) IS
  'Duration summaries differ.';
CREATE OPERATOR CLASS verzuim.duurverdeling_hash_ops
  DEFAULT FOR TYPE verzuim.duurverdeling USING hash AS
  OPERATOR 1 verzuim.= (verzuim.duurverdeling, verzuim.duurverdeling),
  FUNCTION 1 verzuim.duurverdeling_hash(verzuim.duurverdeling);
COMMENT ON OPERATOR CLASS verzuim.duurverdeling_hash_ops USING hash IS
  'Hash operator class of verzuim.duurverdeling (GROUP BY, DISTINCT, row comparison).';

-- Step 1: the aggregates ----------------------------------------------------------

CREATE FUNCTION verzuim.duur_agg_sfunc(internal, daterange, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION verzuim.duur_agg_lesdagen_sfunc(internal, daterange, date, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_lesdagen_sfunc' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION verzuim.duur_agg_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION verzuim.duur_agg_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION verzuim.duur_agg_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION verzuim.duur_agg_final(internal) RETURNS verzuim.duurverdeling
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION verzuim.doorloopsnelheid_final(internal) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_doorloop_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE verzuim.duur_agg(episode daterange, peildatum date) (
  SFUNC = verzuim.duur_agg_sfunc,
  STYPE = internal,
  SSPACE = 2048,
  FINALFUNC = verzuim.duur_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = verzuim.duur_agg_combine,
  SERIALFUNC = verzuim.duur_agg_serialize,
  DESERIALFUNC = verzuim.duur_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.duur_agg(daterange, date) IS
  'Duration summary (verzuim.duurverdeling, in kalenderdagen) of episodes [a,b) at a peildatum. Episodes with a > peildatum have not started and are ignored. An episode is closed when upper(episode) <= peildatum (back at school on or before the peildatum); its duration is b - a days. Otherwise it is open (right-censored, also when upper is unbounded or infinity) with observed duration peildatum + 1 - a (days out so far, the peildatum included). NULL and empty episodes are skipped. Errors: NULL peildatum 22004; infinite peildatum or unbounded/infinite lower bound 22008; different peildata within one group 22023. No rows gives NULL; rows without counted episodes give an empty summary (aantal = 0). Parallel safe; re-aggregate stored results with verzuim.samenvoegen.';

CREATE AGGREGATE verzuim.duur_agg(episode daterange, peildatum date, regio text) (
  SFUNC = verzuim.duur_agg_lesdagen_sfunc,
  STYPE = internal,
  SSPACE = 2048,
  FINALFUNC = verzuim.duur_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = verzuim.duur_agg_combine,
  SERIALFUNC = verzuim.duur_agg_serialize,
  DESERIALFUNC = verzuim.duur_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.duur_agg(daterange, date, text) IS
  'Duration summary (verzuim.duurverdeling) in lesdagen: as duur_agg(episode, peildatum), but an episode [a,b) lasts the number of school days of vakantieregio regio (noord, midden, zuid; NULL = setting verzuim.vakantieregio) in [a, min(b, peildatum + 1)), weekends, public holidays and school holidays excluded, so a duration can be 0. regio may differ per row (the school''s region); the summary records which regions were used. Dates outside the calendar (1969-08-01 .. 2100-07-31) raise 22008; schooljaren without complete holiday data follow verzuim.onvolledige_kalender.';

CREATE AGGREGATE verzuim.doorloopsnelheid(episode daterange, peildatum date) (
  SFUNC = verzuim.duur_agg_sfunc,
  STYPE = internal,
  SSPACE = 2048,
  FINALFUNC = verzuim.doorloopsnelheid_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = verzuim.duur_agg_combine,
  SERIALFUNC = verzuim.duur_agg_serialize,
  DESERIALFUNC = verzuim.duur_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.doorloopsnelheid(daterange, date) IS
  'The ministry''s doorloopsnelheid, "het aantal dagen dat gemiddeld wordt verzuimd": the NAIVE mean, in kalenderdagen, over all episodes started by the peildatum of the days out of school up to the peildatum (closed episodes fully, open ones counted until and including the peildatum). It mixes finished and unfinished episodes, so it underestimates how long episodes last; see the censoring-aware verzuim.mediaan, verzuim.beperkt_gemiddelde and verzuim.gemiddelde (closed episodes only) of verzuim.duur_agg. Same rules and errors as verzuim.duur_agg; NULL when no episode started.';

CREATE AGGREGATE verzuim.doorloopsnelheid(episode daterange, peildatum date, regio text) (
  SFUNC = verzuim.duur_agg_lesdagen_sfunc,
  STYPE = internal,
  SSPACE = 2048,
  FINALFUNC = verzuim.doorloopsnelheid_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = verzuim.duur_agg_combine,
  SERIALFUNC = verzuim.duur_agg_serialize,
  DESERIALFUNC = verzuim.duur_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.doorloopsnelheid(daterange, date, text) IS
  'The ministry''s doorloopsnelheid (the NAIVE mean of days out of school up to the peildatum over all started episodes, see doorloopsnelheid(daterange, date)) counted in lesdagen of the vakantieregio, as duur_agg(episode, peildatum, regio).';

-- Step 1b: re-aggregation of stored summaries -------------------------------------

CREATE FUNCTION verzuim.samenvoegen_sfunc(verzuim.duurverdeling, verzuim.duurverdeling)
  RETURNS verzuim.duurverdeling
  AS 'MODULE_PATHNAME', 'verzuim_duur_samenvoegen_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- STYPE is the real type (not internal), so Citus can push it to the shards
-- (the partial state crosses the wire as text).
CREATE AGGREGATE verzuim.samenvoegen(verzuim.duurverdeling) (
  SFUNC = verzuim.samenvoegen_sfunc,
  STYPE = verzuim.duurverdeling,
  COMBINEFUNC = verzuim.samenvoegen_sfunc,
  FINALFUNC_MODIFY = READ_ONLY,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.samenvoegen(verzuim.duurverdeling) IS
  'Merges duration summaries of disjoint groups of episodes into one (per gemeente -> per regio -> national); exact: samenvoegen of per-group duur_agg results equals duur_agg over all episodes. NULLs are skipped; no rows gives NULL. Summaries in different units (kalenderdagen, lesdagen) or with different peildata raise 22023. Lesdagen summaries of different regions merge; the result lists all regions.';

-- Step 2: accessors ---------------------------------------------------------------

CREATE FUNCTION verzuim.aantal(verzuim.duurverdeling) RETURNS bigint
  AS 'MODULE_PATHNAME', 'verzuim_duur_aantal' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.aantal(verzuim.duurverdeling) IS
  'Number of episodes in the summary (started by the peildatum), closed and open.';

CREATE FUNCTION verzuim.aantal_lopend(verzuim.duurverdeling) RETURNS bigint
  AS 'MODULE_PATHNAME', 'verzuim_duur_aantal_lopend' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.aantal_lopend(verzuim.duurverdeling) IS
  'Number of episodes still open at the peildatum (right-censored).';

CREATE FUNCTION verzuim.gemiddelde(verzuim.duurverdeling) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_gemiddelde' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.gemiddelde(verzuim.duurverdeling) IS
  'Exact mean duration of the CLOSED episodes (same value as avg(upper - lower) over them); NULL when none closed. Ignores open episodes, so it is biased towards short episodes when many are still open; compare verzuim.mediaan and verzuim.beperkt_gemiddelde (censoring-aware) and verzuim.doorloopsnelheid (naive mean of all).';

CREATE FUNCTION verzuim.doorloopsnelheid(verzuim.duurverdeling) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_doorloopsnelheid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.doorloopsnelheid(verzuim.duurverdeling) IS
  'The ministry''s doorloopsnelheid read from a summary: the NAIVE mean over all episodes of the days out of school up to the peildatum (closed ones fully, open ones until the peildatum), (som + som_lopend) / aantal, exact; NULL for an empty summary. Same value as the aggregate verzuim.doorloopsnelheid(episode, peildatum). Not censoring-aware; see verzuim.mediaan and verzuim.beperkt_gemiddelde.';

CREATE FUNCTION verzuim.percentiel(verzuim.duurverdeling, p double precision) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_percentiel' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.percentiel(verzuim.duurverdeling, double precision) IS
  'Kaplan-Meier percentile: the smallest duration t at which an episode closed and S(t) <= 1 - p (compared with a tolerance of 1e-9), where S is the Kaplan-Meier survival curve (at a duration t with d closed episodes and n at risk, S drops by the factor (n - d)/n; episodes open at t count as at risk at t). NULL when the curve never gets that low (too many open episodes) or the summary has no closed episode. Without open episodes this equals percentile_disc(p) of the durations. p outside [0, 1] or NaN raises 22023.';

CREATE FUNCTION verzuim.mediaan(verzuim.duurverdeling) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_mediaan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.mediaan(verzuim.duurverdeling) IS
  'Kaplan-Meier median duration, censoring-aware: percentiel(x, 0.5), the smallest duration t with S(t) <= 0.5. When S is exactly 0.5 on a flat stretch this takes its start (R''s survfit would take the midpoint to the next closing duration). NULL when fewer than half of the episodes are known to have closed by any duration.';

CREATE FUNCTION verzuim.beperkt_gemiddelde(verzuim.duurverdeling, horizon integer) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_beperkt_gemiddelde' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.beperkt_gemiddelde(verzuim.duurverdeling, integer) IS
  'Restricted mean duration up to horizon (RMST), censoring-aware: the integral of the Kaplan-Meier curve S over [0, horizon], i.e. the sum of S(k) for k = 0 .. horizon - 1 (durations are whole days). Estimates the mean of least(duration, horizon); without open episodes it equals avg(least(duur, horizon)). Beyond the longest observed duration S is carried forward. Computed in double precision (about 15 significant digits). NULL for an empty summary; a negative horizon raises 22023.';

CREATE FUNCTION verzuim.aandeel_langer_dan(verzuim.duurverdeling, dagen integer) RETURNS double precision
  AS 'MODULE_PATHNAME', 'verzuim_duur_aandeel_langer_dan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.aandeel_langer_dan(verzuim.duurverdeling, integer) IS
  'Kaplan-Meier estimate of the share of episodes that last longer than dagen: S(dagen). Censoring-aware: open episodes count as at risk up to their observed duration. Beyond the longest observed duration the last value is carried forward. NULL for an empty summary.';

CREATE FUNCTION verzuim.peildatum(verzuim.duurverdeling) RETURNS date
  AS 'MODULE_PATHNAME', 'verzuim_duur_peildatum' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.peildatum(verzuim.duurverdeling) IS
  'The peildatum at which open episodes of the summary were censored.';

CREATE FUNCTION verzuim.eenheid(verzuim.duurverdeling) RETURNS text
  AS 'MODULE_PATHNAME', 'verzuim_duur_eenheid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.eenheid(verzuim.duurverdeling) IS
  'Unit of the durations of a summary: kalenderdagen or lesdagen.';

CREATE FUNCTION verzuim.verdeling(verzuim.duurverdeling,
    OUT duur integer, OUT gesloten bigint, OUT lopend bigint) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'verzuim_duur_verdeling' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.verdeling(verzuim.duurverdeling) IS
  'The table of a summary, one row per distinct duration in increasing order: duur, the number of episodes closed after duur days (gesloten) and the number open at the peildatum after duur days (lopend).';
