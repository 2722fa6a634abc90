-- Holiday rows are never lost (issue 7): only the extension marks rows shipped,
-- verzuim.vakantie_levering remembers every shipped key, DELETE and TRUNCATE
-- of shipped holidays leave periode NULL marks, and the trigger runs as the
-- owner of the extension so that INSERT privilege alone suffices.
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

-- the keys 0.1 shipped (verzuim--0.1.sql)
INSERT INTO verzuim.vakantie_levering (regio, schooljaar, soort) VALUES
  ('noord', '2019-2020', 'herfst'),
  ('midden', '2019-2020', 'herfst'),
  ('zuid', '2019-2020', 'herfst'),
  ('noord', '2019-2020', 'kerst'),
  ('midden', '2019-2020', 'kerst'),
  ('zuid', '2019-2020', 'kerst'),
  ('noord', '2019-2020', 'voorjaar'),
  ('midden', '2019-2020', 'voorjaar'),
  ('zuid', '2019-2020', 'voorjaar'),
  ('noord', '2019-2020', 'mei'),
  ('midden', '2019-2020', 'mei'),
  ('zuid', '2019-2020', 'mei'),
  ('noord', '2019-2020', 'zomer'),
  ('midden', '2019-2020', 'zomer'),
  ('zuid', '2019-2020', 'zomer'),
  ('noord', '2020-2021', 'herfst'),
  ('midden', '2020-2021', 'herfst'),
  ('zuid', '2020-2021', 'herfst'),
  ('noord', '2020-2021', 'kerst'),
  ('midden', '2020-2021', 'kerst'),
  ('zuid', '2020-2021', 'kerst'),
  ('noord', '2020-2021', 'voorjaar'),
  ('midden', '2020-2021', 'voorjaar'),
  ('zuid', '2020-2021', 'voorjaar'),
  ('noord', '2020-2021', 'mei'),
  ('midden', '2020-2021', 'mei'),
  ('zuid', '2020-2021', 'mei'),
  ('noord', '2020-2021', 'zomer'),
  ('midden', '2020-2021', 'zomer'),
  ('zuid', '2020-2021', 'zomer'),
  ('noord', '2021-2022', 'herfst'),
  ('midden', '2021-2022', 'herfst'),
  ('zuid', '2021-2022', 'herfst'),
  ('noord', '2021-2022', 'kerst'),
  ('midden', '2021-2022', 'kerst'),
  ('zuid', '2021-2022', 'kerst'),
  ('noord', '2021-2022', 'voorjaar'),
  ('midden', '2021-2022', 'voorjaar'),
  ('zuid', '2021-2022', 'voorjaar'),
  ('noord', '2021-2022', 'mei'),
  ('midden', '2021-2022', 'mei'),
  ('zuid', '2021-2022', 'mei'),
  ('noord', '2021-2022', 'zomer'),
  ('midden', '2021-2022', 'zomer'),
  ('zuid', '2021-2022', 'zomer'),
  ('noord', '2022-2023', 'herfst'),
  ('midden', '2022-2023', 'herfst'),
  ('zuid', '2022-2023', 'herfst'),
  ('noord', '2022-2023', 'kerst'),
  ('midden', '2022-2023', 'kerst'),
  ('zuid', '2022-2023', 'kerst'),
  ('noord', '2022-2023', 'voorjaar'),
  ('midden', '2022-2023', 'voorjaar'),
  ('zuid', '2022-2023', 'voorjaar'),
  ('noord', '2022-2023', 'mei'),
  ('midden', '2022-2023', 'mei'),
  ('zuid', '2022-2023', 'mei'),
  ('noord', '2022-2023', 'zomer'),
  ('midden', '2022-2023', 'zomer'),
  ('zuid', '2022-2023', 'zomer'),
  ('noord', '2023-2024', 'herfst'),
  ('midden', '2023-2024', 'herfst'),
  ('zuid', '2023-2024', 'herfst'),
  ('noord', '2023-2024', 'kerst'),
  ('midden', '2023-2024', 'kerst'),
  ('zuid', '2023-2024', 'kerst'),
  ('noord', '2023-2024', 'voorjaar'),
  ('midden', '2023-2024', 'voorjaar'),
  ('zuid', '2023-2024', 'voorjaar'),
  ('noord', '2023-2024', 'mei'),
  ('midden', '2023-2024', 'mei'),
  ('zuid', '2023-2024', 'mei'),
  ('noord', '2023-2024', 'zomer'),
  ('midden', '2023-2024', 'zomer'),
  ('zuid', '2023-2024', 'zomer'),
  ('noord', '2024-2025', 'herfst'),
  ('midden', '2024-2025', 'herfst'),
  ('zuid', '2024-2025', 'herfst'),
  ('noord', '2024-2025', 'kerst'),
  ('midden', '2024-2025', 'kerst'),
  ('zuid', '2024-2025', 'kerst'),
  ('noord', '2024-2025', 'voorjaar'),
  ('midden', '2024-2025', 'voorjaar'),
  ('zuid', '2024-2025', 'voorjaar'),
  ('noord', '2024-2025', 'mei'),
  ('midden', '2024-2025', 'mei'),
  ('zuid', '2024-2025', 'mei'),
  ('noord', '2024-2025', 'zomer'),
  ('midden', '2024-2025', 'zomer'),
  ('zuid', '2024-2025', 'zomer'),
  ('noord', '2025-2026', 'herfst'),
  ('midden', '2025-2026', 'herfst'),
  ('zuid', '2025-2026', 'herfst'),
  ('noord', '2025-2026', 'kerst'),
  ('midden', '2025-2026', 'kerst'),
  ('zuid', '2025-2026', 'kerst'),
  ('noord', '2025-2026', 'voorjaar'),
  ('midden', '2025-2026', 'voorjaar'),
  ('zuid', '2025-2026', 'voorjaar'),
  ('noord', '2025-2026', 'zomer'),
  ('midden', '2025-2026', 'zomer'),
  ('zuid', '2025-2026', 'zomer'),
  ('noord', '2026-2027', 'kerst'),
  ('midden', '2026-2027', 'kerst'),
  ('zuid', '2026-2027', 'kerst'),
  ('noord', '2027-2028', 'herfst'),
  ('midden', '2027-2028', 'herfst'),
  ('zuid', '2027-2028', 'herfst'),
  ('noord', '2027-2028', 'kerst'),
  ('midden', '2027-2028', 'kerst'),
  ('zuid', '2027-2028', 'kerst'),
  ('noord', '2027-2028', 'voorjaar'),
  ('midden', '2027-2028', 'voorjaar'),
  ('zuid', '2027-2028', 'voorjaar'),
  ('noord', '2027-2028', 'mei'),
  ('midden', '2027-2028', 'mei'),
  ('zuid', '2027-2028', 'mei'),
  ('noord', '2027-2028', 'zomer'),
  ('midden', '2027-2028', 'zomer'),
  ('zuid', '2027-2028', 'zomer');

CREATE OR REPLACE FUNCTION verzuim.vakantie_bewerkt() RETURNS trigger
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

-- the AFTER UPDATE trigger now fires for every key change (the function
-- decides whether the old key was shipped); TRUNCATE leaves marks
DROP TRIGGER vakantie_sleutel_gewijzigd ON verzuim.vakantie;
CREATE TRIGGER vakantie_sleutel_gewijzigd AFTER UPDATE ON verzuim.vakantie
  FOR EACH ROW
  WHEN ((OLD.regio, OLD.schooljaar, OLD.soort) IS DISTINCT FROM (NEW.regio, NEW.schooljaar, NEW.soort))
  EXECUTE FUNCTION verzuim.vakantie_bewerkt();
CREATE TRIGGER vakantie_afgekapt AFTER TRUNCATE ON verzuim.vakantie
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.vakantie_bewerkt();

-- 0.1 let a user insert rows marked shipped (so they were not dumped): such
-- rows of keys 0.1 did not ship become the user's rows
UPDATE verzuim.vakantie v SET geleverd = false
 WHERE v.geleverd
   AND NOT EXISTS (SELECT 1 FROM verzuim.vakantie_levering l
                    WHERE l.regio = v.regio AND l.schooljaar = v.schooljaar AND l.soort = v.soort);
