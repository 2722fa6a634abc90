/*
 * geleverd.c — what only the extension's own script may do.
 *
 * verzuim.in_extensiescript() tells the trigger of verzuim.vakantie whether
 * the statement that fires it comes from the install or upgrade script of
 * verzuim (CREATE EXTENSION verzuim, ALTER EXTENSION verzuim UPDATE): only
 * then may a holiday row be marked shipped (geleverd), corrected or
 * withdrawn as shipped data.  A user cannot fake this: it is the server's own
 * state of the running command, not a setting.
 */
#include "verzuim.h"

#include "commands/extension.h"

PG_FUNCTION_INFO_V1(verzuim_in_extensiescript);

Datum
verzuim_in_extensiescript(PG_FUNCTION_ARGS)
{
	bool		ja = false;

	if (creating_extension && OidIsValid(CurrentExtensionObject))
		ja = (CurrentExtensionObject == get_extension_oid("verzuim", true));
	PG_RETURN_BOOL(ja);
}
