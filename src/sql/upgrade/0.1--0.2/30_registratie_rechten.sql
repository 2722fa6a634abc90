-- registratie_omvang_maken is not executable by PUBLIC (it would tell a role
-- that cannot read a table whether the table holds data); the trigger calls it
-- with the rights of the extension's owner.  Same as 30_registratie.sql.
REVOKE EXECUTE ON FUNCTION verzuim.registratie_omvang_maken(regclass) FROM PUBLIC;
ALTER FUNCTION verzuim.registratie_bewaken() SECURITY DEFINER;
