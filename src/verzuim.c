/*
 * verzuim.c — module entry point and settings (GUCs) of the extension.
 */
#include "verzuim.h"

#include <sys/stat.h>

#include "catalog/pg_type_d.h"
#include "catalog/pg_authid.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/acl.h"
#include "utils/guc.h"
#include "utils/guc_tables.h"
#include "utils/memutils.h"

#ifndef VERZUIM_VERSION
#define VERZUIM_VERSION "unknown"	/* the Makefile passes default_version of verzuim.control */
#endif

#ifdef PG_MODULE_MAGIC_EXT
/* PostgreSQL 18+: the library reports its name and version (pg_get_loaded_modules) */
PG_MODULE_MAGIC_EXT(.name = "verzuim", .version = VERZUIM_VERSION);
#else
PG_MODULE_MAGIC;
#endif

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

/* ------------------------------------------------------------------------
 * Settings made before the library was loaded
 * ------------------------------------------------------------------------
 *
 * A "SET verzuim.x = ..." in a session where the library is not loaded yet
 * only creates a placeholder.  When the library loads, PostgreSQL applies the
 * placeholder's value and, when the value is invalid, merely warns and keeps
 * the default: the session would then silently compute with a setting it did
 * not ask for.  So _PG_init remembers every verzuim.* placeholder, checks its
 * value against the real setting, and every function that reads a setting
 * calls verzuim_instellingen_controleren(), which raises 22023 while such a
 * problem exists:
 *  - an invalid value: at every use, until the setting is SET or RESET again
 *    (the assign hook of each setting calls verzuim_instelling_gezet());
 *  - an unknown name (a typo: "verzuim.ziekte_in_episodes"): once, because
 *    PostgreSQL removes the placeholder (MarkGUCPrefixReserved).
 * With the library preloaded (session_preload_libraries or
 * shared_preload_libraries, see README "Settings") every SET is checked at
 * once and none of this happens.
 */
#define MAX_INSTELLING_PROBLEMEN 16

typedef struct InstellingProbleem
{
	char	   *naam;			/* in TopMemoryContext */
	char	   *waarde;			/* first 64 characters of the value */
	bool		onbekend;		/* unknown name, else invalid value */
} InstellingProbleem;

static InstellingProbleem instelling_problemen[MAX_INSTELLING_PROBLEMEN];
static int	n_instelling_problemen = 0;
bool		verzuim_instelling_problemen = false;

/* the placeholders seen before the settings were defined */
typedef struct Placeholder
{
	char	   *naam;
	char	   *waarde;
} Placeholder;

static Placeholder *placeholders = NULL;
static int	n_placeholders = 0;

static char *
ingekort(const char *s)
{
	return MemoryContextStrdup(TopMemoryContext, verzuim_kort(s));
}

static void
placeholders_onthouden(void)
{
	struct config_generic **vars;
	int			n;

#if PG_VERSION_NUM >= 160000
	vars = get_guc_variables(&n);
#else
	vars = get_guc_variables();
	n = GetNumConfigOptions();
#endif
	for (int i = 0; i < n; i++)
	{
		const char *v;

		if (!(vars[i]->flags & GUC_CUSTOM_PLACEHOLDER) ||
			pg_strncasecmp(vars[i]->name, "verzuim.", 8) != 0)
			continue;
		v = GetConfigOption(vars[i]->name, true, false);
		if (placeholders == NULL)
			placeholders = MemoryContextAllocZero(TopMemoryContext, sizeof(Placeholder) * n);
		placeholders[n_placeholders].naam = MemoryContextStrdup(TopMemoryContext, vars[i]->name);
		placeholders[n_placeholders].waarde = v ? MemoryContextStrdup(TopMemoryContext, v) : NULL;
		n_placeholders++;
	}
}

static void
probleem(const char *naam, const char *waarde, bool onbekend)
{
	InstellingProbleem *p;

	if (n_instelling_problemen >= MAX_INSTELLING_PROBLEMEN)
		return;
	p = &instelling_problemen[n_instelling_problemen++];
	p->naam = MemoryContextStrdup(TopMemoryContext, naam);
	p->waarde = ingekort(waarde ? waarde : "");
	p->onbekend = onbekend;
	verzuim_instelling_problemen = true;
}

/* after every setting is defined: which placeholder values did not take */
static void
placeholders_controleren(void)
{
	for (int i = 0; i < n_placeholders; i++)
	{
		const char *naam = placeholders[i].naam;
		const char *waarde = placeholders[i].waarde;
		int			flags = GetConfigOptionFlags(naam, true);

		if (flags & GUC_CUSTOM_PLACEHOLDER)
			probleem(naam, waarde, true);
		/* changeVal false: only validates; 0 = invalid (-1 = valid, not applied) */
		else if (waarde != NULL &&
				 set_config_option(naam, waarde, PGC_USERSET, PGC_S_SESSION,
								   GUC_ACTION_SET, false, DEBUG5, false) == 0)
			probleem(naam, waarde, false);
	}
}

/* assign hook part of every setting: a new value replaces a bad one */
void
verzuim_instelling_gezet(const char *naam)
{
	int			j = 0;

	if (!verzuim_instelling_problemen)
		return;
	for (int i = 0; i < n_instelling_problemen; i++)
	{
		if (!instelling_problemen[i].onbekend &&
			pg_strcasecmp(instelling_problemen[i].naam, naam) == 0)
			continue;
		instelling_problemen[j++] = instelling_problemen[i];
	}
	n_instelling_problemen = j;
	verzuim_instelling_problemen = j > 0;
}

void
verzuim_error_instellingen(void)
{
	InstellingProbleem p;

	if (n_instelling_problemen == 0)
	{
		verzuim_instelling_problemen = false;
		return;
	}
	p = instelling_problemen[0];
	if (p.onbekend)
	{
		/* reported once: the placeholder is gone */
		for (int i = 1; i < n_instelling_problemen; i++)
			instelling_problemen[i - 1] = instelling_problemen[i];
		n_instelling_problemen--;
		verzuim_instelling_problemen = n_instelling_problemen > 0;
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("unrecognized configuration parameter \"%s\"", p.naam),
				 errdetail("It was set before the verzuim library was loaded; verzuim has no such setting, so the value was ignored."),
				 errhint("The settings of verzuim are listed by SELECT name FROM pg_settings WHERE name LIKE 'verzuim.%%'. "
						 "Load the library before making settings (session_preload_libraries = 'verzuim'), so that a typing error fails at SET.")));
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for parameter \"%s\": \"%s\"", p.naam, p.waarde),
			 errdetail("The value was set before the verzuim library was loaded, so it could not be checked then; "
					   "verzuim does not silently use the default instead."),
			 errhint("SET %s to a valid value or RESET it (SELECT enumvals FROM pg_settings WHERE name = '%s' lists the values of a choice). "
					 "Load the library before making settings (session_preload_libraries = 'verzuim'), so that a typing error fails at SET.",
					 p.naam, p.naam)));
}

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

static void
assign_vakantieregio(const char *newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.vakantieregio");
}

static void
assign_onvolledige_kalender(int newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.onvolledige_kalender");
}

static void
assign_goede_vrijdag_vrij(bool newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.goede_vrijdag_vrij");
}

static void
assign_bevrijdingsdag_vrij(int newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.bevrijdingsdag_vrij");
}

void
_PG_init(void)
{
	placeholders_onthouden();

	DefineCustomStringVariable("verzuim.vakantieregio",
							   "Default vakantieregio (noord, midden, zuid) when a function is called without one.",
							   "Empty means: no default, the regio must be given.",
							   &verzuim_default_regio,
							   "",
							   PGC_USERSET, 0,
							   check_vakantieregio, assign_vakantieregio, NULL);

	DefineCustomEnumVariable("verzuim.onvolledige_kalender",
							 "What to do when a date falls in a schooljaar without complete holiday data.",
							 "fout (default): raise an error; waarschuwing: warn once per call and count "
							 "the unknown holidays as school days.",
							 &verzuim_onvolledige_kalender,
							 KALENDER_FOUT, kalender_beleid_options,
							 PGC_USERSET, 0,
							 NULL, assign_onvolledige_kalender, NULL);

	DefineCustomBoolVariable("verzuim.goede_vrijdag_vrij",
							 "Whether Goede Vrijdag is a day off for schools.",
							 "Off by default: Goede Vrijdag is a public holiday but not a general school holiday.",
							 &verzuim_goede_vrijdag_vrij,
							 false,
							 PGC_USERSET, 0,
							 NULL, assign_goede_vrijdag_vrij, NULL);

	DefineCustomEnumVariable("verzuim.bevrijdingsdag_vrij",
							 "When Bevrijdingsdag (5 May) is a day off for schools.",
							 "lustrum (default): every fifth year (2020, 2025, ...); altijd; nooit.",
							 &verzuim_bevrijdingsdag,
							 BEVRIJDINGSDAG_LUSTRUM, bevrijdingsdag_options,
							 PGC_USERSET, 0,
							 NULL, assign_bevrijdingsdag_vrij, NULL);

	/* Each module defines its own settings; add its init call here. */
	verzuim_kalender_init();
	verzuim_episodes_init();
	verzuim_leerplicht_init();
	verzuim_rapportage_init();
	verzuim_meldplicht_init();
	verzuim_mazl_init();
	verzuim_kwaliteit_init();

	placeholders_controleren();

#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("verzuim");
#else
	EmitWarningsOnPlaceholders("verzuim");
#endif
}

char *
verzuim_kort(const char *s)
{
	int			len;
	int			kort;

	if (s == NULL)
		return "";
	len = strlen(s);
	if (len <= VERZUIM_ECHO_MAX)
		return (char *) s;
	kort = pg_mbcliplen(s, len, VERZUIM_ECHO_MAX);
	return psprintf("%.*s...", kort, s);
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

void
verzuim_error_not_aggregate(const char *function)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("%s called in non-aggregate context", function),
			 errhint("This function supports an aggregate; call the aggregate instead.")));
}

void
verzuim_error_corrupt_state(const char *what, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid serialized %s state", what),
			 errdetail("%s", detail)));
}

void
verzuim_error_not_row_type(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("function returning record called in context that cannot accept type record")));
}

TypeCacheEntry *
verzuim_daterange_typcache(void)
{
	static TypeCacheEntry *tc = NULL;

	if (tc == NULL)
	{
		TypeCacheEntry *t = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);

		if (t->rngelemtype == NULL)
			elog(ERROR, "type %u is not a range type", DATERANGEOID);
		tc = t;
	}
	return tc;
}

RangeType *
verzuim_daterange(DateADT van, DateADT tot)
{
	TypeCacheEntry *tc = verzuim_daterange_typcache();
	RangeBound	lower,
				upper;

	if (tot <= van)
		return make_empty_range(tc);
	lower.val = DateADTGetDatum(van);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = DateADTGetDatum(tot);
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;
#if PG_VERSION_NUM >= 160000
	return make_range(tc, &lower, &upper, false, NULL);
#else
	return make_range(tc, &lower, &upper, false);
#endif
}

FILE *
verzuim_open_server_file(const char *pad, const char *hint)
{
	FILE	   *f;
	struct stat st;

	if (!has_privs_of_role(GetUserId(), ROLE_PG_READ_SERVER_FILES))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied to read a server-side file"),
				 errdetail("Only roles with privileges of the \"pg_read_server_files\" role may read files on the server, as with COPY FROM a file."),
				 errhint("%s", hint)));
	if (!is_absolute_path(pad))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_NAME),
				 errmsg("the path of a server-side file must be absolute")));
	f = AllocateFile(pad, PG_BINARY_R);
	if (f == NULL)
	{
		/* errcode_for_file_access() gives XX000 for a name too long before PostgreSQL 17 */
		int			code = errno == ENAMETOOLONG ? ERRCODE_NAME_TOO_LONG : 0;

		ereport(ERROR,
				(code ? errcode(code) : errcode_for_file_access(),
				 errmsg("could not open file \"%s\" for reading: %m", verzuim_kort(pad))));
	}
	if (fstat(fileno(f), &st) != 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not stat file \"%s\": %m", verzuim_kort(pad))));
	if (S_ISDIR(st.st_mode))
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is a directory", verzuim_kort(pad))));
	return f;
}
