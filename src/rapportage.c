/*
 * rapportage.c — settings of the reporting views (src/sql/80_rapportage.sql,
 * 85_toegang.sql).
 *
 * verzuim.peildatum: the peildatum of the views thuiszitters and afhandeling
 * (empty: today); read in SQL by verzuim.rapport_peildatum().
 *
 * verzuim.minimale_celgrootte: the smallest count the public views
 * (verzuim.publiek_*) show.  It is PGC_SUSET: the role verzuim_publiek, which
 * reads those views, must not be able to lower it for its own session.  The
 * views read it through verzuim.minimale_celgrootte(), a C function, so that
 * the library (and with it the definition of the setting) is always loaded
 * before the value is read: a placeholder value SET by an unprivileged role
 * before the library was loaded is discarded by PostgreSQL when the setting
 * is defined (it may only be set by a superuser).
 */
#include "verzuim.h"

#include "fmgr.h"
#include "utils/guc.h"

static int	verzuim_minimale_celgrootte = 5;
static char *verzuim_peildatum = NULL;

void
verzuim_rapportage_init(void)
{
	DefineCustomIntVariable("verzuim.minimale_celgrootte",
							"Smallest count shown by the public views (verzuim.publiek_*): counts from 1 to this minus 1 are suppressed.",
							"Default 5. Only a superuser may change it (ALTER SYSTEM, ALTER DATABASE ... SET), so that the "
							"role verzuim_publiek cannot lower it for its own session.",
							&verzuim_minimale_celgrootte,
							5, 1, 1000000,
							PGC_SUSET, 0,
							NULL, NULL, NULL);

	DefineCustomStringVariable("verzuim.peildatum",
							   "Peildatum of the reporting views thuiszitters and afhandeling (a date); empty means today.",
							   NULL,
							   &verzuim_peildatum,
							   "",
							   PGC_USERSET, 0,
							   NULL, NULL, NULL);
}

PG_FUNCTION_INFO_V1(verzuim_minimale_celgrootte_fn);
Datum
verzuim_minimale_celgrootte_fn(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(verzuim_minimale_celgrootte);
}
