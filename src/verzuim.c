/*
 * verzuim.c — module entry point and settings (GUCs) of the extension.
 */
#include "verzuim.h"

#include "utils/guc.h"

PG_MODULE_MAGIC;

char	   *verzuim_default_regio = NULL;
int			verzuim_onvolledige_kalender = KALENDER_FOUT;
bool		verzuim_goede_vrijdag_vrij = false;
int			verzuim_bevrijdingsdag = BEVRIJDINGSDAG_LUSTRUM;

static const struct config_enum_entry kalender_beleid_options[] = {
	{"fout", KALENDER_FOUT, false},
	{"error", KALENDER_FOUT, true},
	{"waarschuwing", KALENDER_WAARSCHUWING, false},
	{"warning", KALENDER_WAARSCHUWING, true},
	{NULL, 0, false}
};

static const struct config_enum_entry bevrijdingsdag_options[] = {
	{"lustrum", BEVRIJDINGSDAG_LUSTRUM, false},
	{"altijd", BEVRIJDINGSDAG_ALTIJD, false},
	{"nooit", BEVRIJDINGSDAG_NOOIT, false},
	{NULL, 0, false}
};

void		_PG_init(void);

/* verzuim.vakantieregio: '' (no default) or a regio, so that a typing error
 * fails at SET and not at every later call. */
static bool
check_vakantieregio(char **newval, void **extra, GucSource source)
{
	const char *s = *newval;

	if (s == NULL || s[0] == '\0' || pg_strcasecmp(s, "noord") == 0 ||
		pg_strcasecmp(s, "midden") == 0 || pg_strcasecmp(s, "zuid") == 0)
		return true;
	GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
	GUC_check_errdetail("The vakantieregio's are noord, midden and zuid; empty means no default.");
	return false;
}

void
_PG_init(void)
{
	DefineCustomStringVariable("verzuim.vakantieregio",
							   "Default vakantieregio (noord, midden, zuid) when a function is called without one.",
							   "Empty means: no default, the regio must be given.",
							   &verzuim_default_regio,
							   "",
							   PGC_USERSET, 0,
							   check_vakantieregio, NULL, NULL);

	DefineCustomEnumVariable("verzuim.onvolledige_kalender",
							 "What to do when a date falls in a schooljaar without complete holiday data.",
							 "fout (default): raise an error; waarschuwing: warn once per call and count "
							 "the unknown holidays as school days.",
							 &verzuim_onvolledige_kalender,
							 KALENDER_FOUT, kalender_beleid_options,
							 PGC_USERSET, 0,
							 NULL, NULL, NULL);

	DefineCustomBoolVariable("verzuim.goede_vrijdag_vrij",
							 "Whether Goede Vrijdag is a day off for schools.",
							 "Off by default: Goede Vrijdag is a public holiday but not a general school holiday.",
							 &verzuim_goede_vrijdag_vrij,
							 false,
							 PGC_USERSET, 0,
							 NULL, NULL, NULL);

	DefineCustomEnumVariable("verzuim.bevrijdingsdag_vrij",
							 "When Bevrijdingsdag (5 May) is a day off for schools.",
							 "lustrum (default): every fifth year (2020, 2025, ...); altijd; nooit.",
							 &verzuim_bevrijdingsdag,
							 BEVRIJDINGSDAG_LUSTRUM, bevrijdingsdag_options,
							 PGC_USERSET, 0,
							 NULL, NULL, NULL);

	/* Each module defines its own settings; add its init call here. */
	verzuim_kalender_init();
	verzuim_episodes_init();
	verzuim_leerplicht_init();
	verzuim_meldplicht_init();
	verzuim_mazl_init();

#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("verzuim");
#else
	EmitWarningsOnPlaceholders("verzuim");
#endif
}

void
verzuim_check_finite_date(DateADT d, const char *what)
{
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be a finite date", what),
				 errhint("Use a real calendar date instead of infinity or -infinity.")));
}
