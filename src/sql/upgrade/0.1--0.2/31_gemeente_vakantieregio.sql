-- gemeente.vakantieregio (issue 8): the vakantieregio of a pupil without a
-- school (absoluut verzuim, the start of leerplicht).  The last column, as in
-- the CREATE TABLE of src/sql/30_registratie.sql.
ALTER TABLE verzuim.gemeente ADD COLUMN vakantieregio verzuim.regio;
COMMENT ON COLUMN verzuim.gemeente.vakantieregio IS 'Vakantieregio of the gemeente (optional): for pupils without a school (absoluut verzuim, the start of leerplicht) the school days of this region count; NULL: the setting verzuim.vakantieregio, else the earliest of all regions.';
