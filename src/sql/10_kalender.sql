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
--  * only the extension's own script marks a row shipped (geleverd = true);
--    verzuim.vakantie_levering remembers every key it ever shipped;
--  * changing a shipped row makes it a user row (geleverd = false); when the
--    change moves a shipped key away, a row with periode NULL stays behind
--    for the old key;
--  * deleting a row of a shipped key (the shipped row or the user's version
--    of it), or TRUNCATE, keeps a user row with periode NULL ("this holiday is
--    known not to exist"), so a restore or an upgrade does not bring it back;
--  * inserting a user row for the key of a shipped row, or of a row with
--    periode NULL, replaces that row.
-- The trigger runs as the owner of the extension (SECURITY DEFINER), so that
-- INSERT, UPDATE, DELETE and TRUNCATE need only that privilege on the table.
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
  'School holidays per vakantieregio and schooljaar. Shipped with every date found for 2012-2013 .. 2027-2028 (geleverd = true; sources in bron; docs/vakanties.md lists what is missing); add or correct rows with INSERT/UPDATE/DELETE or \copy. The five soorten herfst, kerst, voorjaar, mei and zomer make a schooljaar complete (see verzuim.kalender_dekking); other soorten (e.g. carnaval) are extra days off. periode NULL means: this holiday is known not to exist.';
COMMENT ON COLUMN verzuim.vakantie.regio IS 'Vakantieregio: noord, midden or zuid.';
COMMENT ON COLUMN verzuim.vakantie.schooljaar IS 'Schooljaar the holiday belongs to (''2023-2024''); the zomervakantie belongs to the schooljaar it starts in.';
COMMENT ON COLUMN verzuim.vakantie.soort IS 'herfst, kerst, voorjaar, mei, zomer, or any other lower-case name for extra days off.';
COMMENT ON COLUMN verzuim.vakantie.periode IS 'The holiday, first to last day, e.g. ''[2023-10-14,2023-10-22]'' (Saturday to Sunday); NULL = known not to exist.';
COMMENT ON COLUMN verzuim.vakantie.bron IS 'Where the dates come from.';
COMMENT ON COLUMN verzuim.vakantie.geleverd IS 'True for a row shipped with the extension and not changed since; false for rows of the user.';

-- Every key of a holiday the extension has shipped (filled by the trigger
-- when the install or upgrade script inserts a shipped row).  Part of the
-- extension, not dumped: CREATE EXTENSION fills it again.
CREATE TABLE verzuim.vakantie_levering (
    regio      text NOT NULL,
    schooljaar text NOT NULL,
    soort      text NOT NULL,
    PRIMARY KEY (regio, schooljaar, soort)
);
COMMENT ON TABLE verzuim.vakantie_levering IS
  'Keys (regio, schooljaar, soort) of every holiday the extension has shipped in verzuim.vakantie, whether or not the row was changed or deleted since. Maintained by the extension; a DELETE or TRUNCATE of such a holiday leaves a row with periode NULL in vakantie, so that a restore or upgrade does not bring the shipped dates back.';

CREATE FUNCTION verzuim.vakantie_bewerkt() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_sleutel text;
BEGIN
  IF TG_RELID <> 'verzuim.vakantie'::regclass THEN
    RAISE EXCEPTION 'verzuim.vakantie_bewerkt() is a trigger of verzuim.vakantie only'
      USING ERRCODE = 'trigger_protocol_violated';
  END IF;

  IF verzuim.in_extensiescript() THEN
    -- The extension's own script ships, corrects and withdraws rows as written.
    IF TG_OP = 'INSERT' AND TG_LEVEL = 'ROW' AND NEW.geleverd THEN
      INSERT INTO verzuim.vakantie_levering VALUES (NEW.regio, NEW.schooljaar, NEW.soort)
      ON CONFLICT DO NOTHING;
    END IF;
    IF TG_LEVEL = 'STATEMENT' OR TG_WHEN = 'AFTER' THEN
      RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    RETURN NEW;
  END IF;

  IF TG_OP = 'TRUNCATE' THEN
    -- (AFTER TRUNCATE) every shipped holiday is now known not to exist
    INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron, geleverd)
    SELECT l.regio, l.schooljaar, l.soort, NULL, 'deleted by user (TRUNCATE)', false
      FROM verzuim.vakantie_levering l
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    IF NEW.geleverd THEN
      RAISE EXCEPTION 'column geleverd of verzuim.vakantie is set by the extension only'
        USING ERRCODE = 'generated_always',
              HINT = 'Leave geleverd out (default false): your row replaces the shipped row of its key.';
    END IF;
    -- A user row replaces the shipped row of its key (this is also how
    -- pg_restore brings back the user's edits), and the periode NULL row
    -- that a DELETE left behind (so DELETE + INSERT works).  The setting
    -- tells the DELETE branch that this is a replacement, not a deletion by
    -- the user (which would keep the row and make this INSERT fail, 23505).
    v_sleutel := format('%s|%s|%s', NEW.regio, NEW.schooljaar, NEW.soort);
    PERFORM set_config('verzuim_vakantie.vervangen', v_sleutel, true);
    DELETE FROM verzuim.vakantie
     WHERE regio = NEW.regio AND schooljaar = NEW.schooljaar AND soort = NEW.soort
       AND (geleverd OR periode IS NULL);
    PERFORM set_config('verzuim_vakantie.vervangen', '', true);
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' AND TG_WHEN = 'AFTER' THEN
    -- A shipped key moved away: the holiday of the old key is gone from this
    -- database, so it must not come back on restore or upgrade.
    IF EXISTS (SELECT 1 FROM verzuim.vakantie_levering l
                WHERE l.regio = OLD.regio AND l.schooljaar = OLD.schooljaar AND l.soort = OLD.soort) THEN
      INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron, geleverd)
      VALUES (OLD.regio, OLD.schooljaar, OLD.soort, NULL,
              coalesce(OLD.bron || '; ', '') || 'moved by user', false)
      ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    NEW.geleverd := false;
    RETURN NEW;
  ELSE -- DELETE
    IF current_setting('verzuim_vakantie.vervangen', true) = format('%s|%s|%s', OLD.regio, OLD.schooljaar, OLD.soort) THEN
      RETURN OLD;   -- replaced by an INSERT of the same key (above)
    END IF;
    IF NOT EXISTS (SELECT 1 FROM verzuim.vakantie_levering l
                    WHERE l.regio = OLD.regio AND l.schooljaar = OLD.schooljaar AND l.soort = OLD.soort) THEN
      RETURN OLD;   -- the user's own holiday: a plain delete
    END IF;
    -- A shipped holiday (or the user's version of it) is deleted: it stays as
    -- known not to exist (periode NULL), also when that mark is deleted again.
    IF OLD.periode IS NOT NULL OR OLD.geleverd THEN
      UPDATE verzuim.vakantie SET periode = NULL, geleverd = false,
             bron = coalesce(OLD.bron || '; ', '') || 'deleted by user'
       WHERE regio = OLD.regio AND schooljaar = OLD.schooljaar AND soort = OLD.soort;
    END IF;
    RETURN NULL;
  END IF;
END $$;
REVOKE EXECUTE ON FUNCTION verzuim.vakantie_bewerkt() FROM PUBLIC;
COMMENT ON FUNCTION verzuim.vakantie_bewerkt() IS
  'Trigger of verzuim.vakantie that keeps user edits of shipped holidays through pg_dump/pg_restore and upgrades: only the extension marks rows shipped; an INSERT replaces the shipped row (or the periode NULL mark) of its key; UPDATE makes a row the user''s; DELETE or TRUNCATE of a shipped holiday leaves a periode NULL row. Runs as the owner of the extension, so INSERT, UPDATE, DELETE or TRUNCATE privilege on vakantie is enough.';

CREATE TRIGGER vakantie_bewerkt BEFORE INSERT OR UPDATE OR DELETE ON verzuim.vakantie
  FOR EACH ROW EXECUTE FUNCTION verzuim.vakantie_bewerkt();
CREATE TRIGGER vakantie_sleutel_gewijzigd AFTER UPDATE ON verzuim.vakantie
  FOR EACH ROW
  WHEN ((OLD.regio, OLD.schooljaar, OLD.soort) IS DISTINCT FROM (NEW.regio, NEW.schooljaar, NEW.soort))
  EXECUTE FUNCTION verzuim.vakantie_bewerkt();
CREATE TRIGGER vakantie_afgekapt AFTER TRUNCATE ON verzuim.vakantie
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.vakantie_bewerkt();

CREATE FUNCTION verzuim.kalender_gewijzigd() RETURNS trigger
  AS 'MODULE_PATHNAME', 'verzuim_kalender_gewijzigd' LANGUAGE C;
COMMENT ON FUNCTION verzuim.kalender_gewijzigd() IS
  'Trigger that tells every session to reload the school calendar after a change to the holiday tables.';

CREATE TRIGGER kalender_gewijzigd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON verzuim.vakantie
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.kalender_gewijzigd();
-- ENABLE ALWAYS: the cache must be rebuilt also when the change arrives by
-- logical replication or in a session with session_replication_role = replica
-- (an ordinary trigger does not fire there; this one changes no data).
ALTER TABLE verzuim.vakantie ENABLE ALWAYS TRIGGER kalender_gewijzigd;

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

-- History 2012-2013 .. 2018-2019 (issue 8): every holiday found in an
-- official regulation or in two agreeing secondary sources; see
-- docs/vakanties.md.  Same rows as upgrade/0.1--0.2/12_kalender_historie.sql.
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron, geleverd) VALUES
  ('noord', '2012-2013', 'kerst', '[2012-12-22,2013-01-06]', 'dezaak.nl/personeel/trainingen-opleidingen/schoolvakanties-in-2012; wilikweten.nl/onderwijs/115-zomervakantie-2013', true),
  ('midden', '2012-2013', 'kerst', '[2012-12-22,2013-01-06]', 'dezaak.nl/personeel/trainingen-opleidingen/schoolvakanties-in-2012; wilikweten.nl/onderwijs/115-zomervakantie-2013', true),
  ('zuid', '2012-2013', 'kerst', '[2012-12-22,2013-01-06]', 'dezaak.nl/personeel/trainingen-opleidingen/schoolvakanties-in-2012; wilikweten.nl/onderwijs/115-zomervakantie-2013', true),
  ('noord', '2013-2014', 'herfst', '[2013-10-19,2013-10-27]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('midden', '2013-2014', 'herfst', '[2013-10-19,2013-10-27]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('zuid', '2013-2014', 'herfst', '[2013-10-12,2013-10-20]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('noord', '2013-2014', 'kerst', '[2013-12-21,2014-01-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('midden', '2013-2014', 'kerst', '[2013-12-21,2014-01-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('zuid', '2013-2014', 'kerst', '[2013-12-21,2014-01-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('noord', '2013-2014', 'voorjaar', '[2014-02-22,2014-03-02]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('midden', '2013-2014', 'voorjaar', '[2014-02-15,2014-02-23]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('zuid', '2013-2014', 'voorjaar', '[2014-02-15,2014-02-23]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('noord', '2013-2014', 'mei', '[2014-04-26,2014-05-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('midden', '2013-2014', 'mei', '[2014-04-26,2014-05-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('zuid', '2013-2014', 'mei', '[2014-04-26,2014-05-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('noord', '2013-2014', 'zomer', '[2014-07-05,2014-08-17]', 'Regeling vaststelling schoolvakanties 2013-2016 (Stcrt. 2012, 27185) as quoted by avs.nl/actueel/nieuws/vaststelling-schoolvakantiedata-2013-2016-2; agenda-info.nl/diversen/schoolvakanties (2013/2014)', true),
  ('midden', '2013-2014', 'zomer', '[2014-07-19,2014-08-31]', 'Regeling vaststelling schoolvakanties 2013-2016 (Stcrt. 2012, 27185) as quoted by avs.nl/actueel/nieuws/vaststelling-schoolvakantiedata-2013-2016-2; agenda-info.nl/diversen/schoolvakanties (2013/2014)', true),
  ('zuid', '2013-2014', 'zomer', '[2014-07-12,2014-08-24]', 'Regeling vaststelling schoolvakanties 2013-2016 (Stcrt. 2012, 27185) as quoted by avs.nl/actueel/nieuws/vaststelling-schoolvakantiedata-2013-2016-2; agenda-info.nl/diversen/schoolvakanties (2013/2014)', true),
  ('midden', '2014-2015', 'herfst', '[2014-10-18,2014-10-26]', 'agenda-info.nl/diversen/schoolvakanties (2014/2015); dedroomboom.webnode.nl (a regio midden school, 2014-2015)', true),
  ('noord', '2014-2015', 'kerst', '[2014-12-20,2015-01-04]', 'agenda-info.nl/diversen/schoolvakanties (2014/2015); dedroomboom.webnode.nl (a regio midden school, 2014-2015)', true),
  ('midden', '2014-2015', 'kerst', '[2014-12-20,2015-01-04]', 'agenda-info.nl/diversen/schoolvakanties (2014/2015); dedroomboom.webnode.nl (a regio midden school, 2014-2015)', true),
  ('zuid', '2014-2015', 'kerst', '[2014-12-20,2015-01-04]', 'agenda-info.nl/diversen/schoolvakanties (2014/2015); dedroomboom.webnode.nl (a regio midden school, 2014-2015)', true),
  ('midden', '2014-2015', 'zomer', '[2015-07-11,2015-08-23]', 'Regeling vaststelling schoolvakanties 2013-2016 (Stcrt. 2012, 27185) as quoted by avs.nl/actueel/nieuws/vaststelling-schoolvakantiedata-2013-2016-2; dedroomboom.webnode.nl (a regio midden school, 2014-2015)', true),
  ('noord', '2015-2016', 'kerst', '[2015-12-19,2016-01-03]', 'kalendervip.nl/schoolvakanties-2016.html; durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('midden', '2015-2016', 'kerst', '[2015-12-19,2016-01-03]', 'kalendervip.nl/schoolvakanties-2016.html; durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('zuid', '2015-2016', 'kerst', '[2015-12-19,2016-01-03]', 'kalendervip.nl/schoolvakanties-2016.html; durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('noord', '2015-2016', 'voorjaar', '[2016-02-27,2016-03-06]', 'kalendervip.nl/schoolvakanties-2016.html; durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('noord', '2015-2016', 'mei', '[2016-04-30,2016-05-08]', 'kalendervip.nl/schoolvakanties-2016.html; tubantia.nl/theo-hakkert/waarom-je-beter-in-mei-meivakantie-kunt-hebben (the week for everyone from Monday 2 May; Koningsdag on a Wednesday: 2016)', true),
  ('midden', '2015-2016', 'mei', '[2016-04-30,2016-05-08]', 'kalendervip.nl/schoolvakanties-2016.html; tubantia.nl/theo-hakkert/waarom-je-beter-in-mei-meivakantie-kunt-hebben (the week for everyone from Monday 2 May; Koningsdag on a Wednesday: 2016)', true),
  ('zuid', '2015-2016', 'mei', '[2016-04-30,2016-05-08]', 'kalendervip.nl/schoolvakanties-2016.html; tubantia.nl/theo-hakkert/waarom-je-beter-in-mei-meivakantie-kunt-hebben (the week for everyone from Monday 2 May; Koningsdag on a Wednesday: 2016)', true),
  ('noord', '2015-2016', 'zomer', '[2016-07-16,2016-08-28]', 'kalendervip.nl/schoolvakanties-2016.html; durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('noord', '2016-2017', 'herfst', '[2016-10-15,2016-10-23]', 'claessensd.nl/schoolvakanties (2016/2017); durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('zuid', '2016-2017', 'herfst', '[2016-10-22,2016-10-30]', 'claessensd.nl/schoolvakanties (2016/2017); nationaleonderwijsgids.nl/kinderopvang/nieuws/34818 (ANP: zuid from 22 October)', true),
  ('noord', '2016-2017', 'kerst', '[2016-12-24,2017-01-08]', 'claessensd.nl/schoolvakanties (2016/2017); durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('midden', '2016-2017', 'kerst', '[2016-12-24,2017-01-08]', 'claessensd.nl/schoolvakanties (2016/2017); durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('zuid', '2016-2017', 'kerst', '[2016-12-24,2017-01-08]', 'claessensd.nl/schoolvakanties (2016/2017); durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('noord', '2016-2017', 'zomer', '[2017-07-22,2017-09-03]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('midden', '2016-2017', 'zomer', '[2017-07-08,2017-08-20]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('zuid', '2016-2017', 'zomer', '[2017-07-15,2017-08-27]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('noord', '2017-2018', 'herfst', '[2017-10-21,2017-10-29]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('midden', '2017-2018', 'herfst', '[2017-10-14,2017-10-22]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('zuid', '2017-2018', 'herfst', '[2017-10-14,2017-10-22]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('noord', '2017-2018', 'kerst', '[2017-12-23,2018-01-07]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('midden', '2017-2018', 'kerst', '[2017-12-23,2018-01-07]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('zuid', '2017-2018', 'kerst', '[2017-12-23,2018-01-07]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('noord', '2017-2018', 'voorjaar', '[2018-02-24,2018-03-04]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('midden', '2017-2018', 'voorjaar', '[2018-02-24,2018-03-04]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('zuid', '2017-2018', 'voorjaar', '[2018-02-17,2018-02-25]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('noord', '2017-2018', 'mei', '[2018-04-28,2018-05-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('midden', '2017-2018', 'mei', '[2018-04-28,2018-05-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('zuid', '2017-2018', 'mei', '[2018-04-28,2018-05-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('noord', '2017-2018', 'zomer', '[2018-07-21,2018-09-02]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('midden', '2017-2018', 'zomer', '[2018-07-14,2018-08-26]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('zuid', '2017-2018', 'zomer', '[2018-07-07,2018-08-19]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('noord', '2018-2019', 'herfst', '[2018-10-20,2018-10-28]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('midden', '2018-2019', 'herfst', '[2018-10-20,2018-10-28]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('zuid', '2018-2019', 'herfst', '[2018-10-13,2018-10-21]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('noord', '2018-2019', 'kerst', '[2018-12-22,2019-01-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('midden', '2018-2019', 'kerst', '[2018-12-22,2019-01-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('zuid', '2018-2019', 'kerst', '[2018-12-22,2019-01-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('noord', '2018-2019', 'voorjaar', '[2019-02-16,2019-02-24]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('midden', '2018-2019', 'voorjaar', '[2019-02-23,2019-03-03]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('zuid', '2018-2019', 'voorjaar', '[2019-02-23,2019-03-03]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('noord', '2018-2019', 'mei', '[2019-04-27,2019-05-05]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('midden', '2018-2019', 'mei', '[2019-04-27,2019-05-05]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('zuid', '2018-2019', 'mei', '[2019-04-27,2019-05-05]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('noord', '2018-2019', 'zomer', '[2019-07-13,2019-08-25]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('midden', '2018-2019', 'zomer', '[2019-07-20,2019-09-01]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('zuid', '2018-2019', 'zomer', '[2019-07-06,2019-08-18]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true);

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
  -- from 2005-2006 (the history the extension means to ship) or the first
  -- schooljaar with data to the last one or the current one, within the
  -- calendar's range 1969-1970 .. 2099-2100
  FROM generate_series(
         greatest(1969, least(2005, (SELECT min(substr(schooljaar, 1, 4)::int) FROM verzuim.vakantie))),
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
  'Which schooljaren have complete holiday data per vakantieregio, from 2005-2006 (or the first schooljaar with data) to the last one with data or the current one: a schooljaar needs its herfst, kerst, voorjaar, mei and zomer vakantie and the zomervakantie of the schooljaar before (which decides the first school days in August). ontbreekt lists what is missing; lesdagen is the number of school days when complete.';

COMMENT ON CONSTRAINT vakantie_schooljaar_check ON verzuim.vakantie IS
  'schooljaar must be written as two consecutive years, e.g. 2023-2024';
COMMENT ON CONSTRAINT vakantie_soort_check ON verzuim.vakantie IS
  'soort must be a lower-case name (herfst, kerst, voorjaar, mei, zomer or an extra one)';
COMMENT ON CONSTRAINT vakantie_periode_check ON verzuim.vakantie IS
  'periode must be a bounded, non-empty period of at most 92 days';
COMMENT ON CONSTRAINT vakantie_check ON verzuim.vakantie IS
  'a holiday must start within its schooljaar (1 August - 31 July)';
