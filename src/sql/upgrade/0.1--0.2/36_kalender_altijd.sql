-- The calendar cache invalidation triggers of 0.1 fire in every
-- session_replication_role, so that logical-replication apply and a session
-- running as replica rebuild the calendar too (as 10_kalender.sql and
-- 35_schoolvrij.sql now create them).
ALTER TABLE verzuim.vakantie ENABLE ALWAYS TRIGGER kalender_gewijzigd;
ALTER TABLE verzuim.schoolvrije_dag ENABLE ALWAYS TRIGGER kalender_gewijzigd;
ALTER TABLE verzuim.school ENABLE ALWAYS TRIGGER kalender_gewijzigd;
