/*
 * classificatie.c — verzuim.classificeer(): the kind of verzuim of one
 * pupil-day (DOMAIN.md §1, §3), called once for every afwezigheid row by the
 * view verzuim.afwezigheid_soort.
 *
 * Enum OIDs differ per database, so both the reden labels (input) and the
 * verzuimsoort labels (output) are resolved once per call site and kept in
 * flinfo->fn_extra; a row then costs a few OID comparisons.
 */
#include "verzuim.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

/* the values of verzuim.verzuimsoort, in the order of the enum */
typedef enum Soort
{
	SOORT_GEOORLOOFD = 0,
	SOORT_RELATIEF,
	SOORT_LUXE,
	SOORT_ABSOLUUT,
	SOORT_VRIJGESTELD,
	SOORT_NIET_PLICHTIG,
	SOORT_ADMINISTRATIEF,
	SOORT_AANTAL
} Soort;

static const char *const soort_label[SOORT_AANTAL] = {
	"geoorloofd", "relatief", "luxe", "absoluut", "vrijgesteld", "niet_plichtig",
	"administratief"
};

#define KLAS_CACHE_MAX 32

typedef struct KlasCache
{
	Oid			soort_oid[SOORT_AANTAL];
	int			nreden;
	Oid			reden_oid[KLAS_CACHE_MAX];
	int8		reden_soort[KLAS_CACHE_MAX];
	int			nplicht;
	Oid			plicht_oid[KLAS_CACHE_MAX];
	bool		plicht_plichtig[KLAS_CACHE_MAX];
} KlasCache;

static const char *
enum_label(Oid oid, char *buf, size_t len)
{
	HeapTuple	tup;

	tup = SearchSysCache1(ENUMOID, ObjectIdGetDatum(oid));
	if (!HeapTupleIsValid(tup))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for an enum argument of verzuim.classificeer()")));
	strlcpy(buf, NameStr(((Form_pg_enum) GETSTRUCT(tup))->enumlabel), len);
	ReleaseSysCache(tup);
	return buf;
}

static KlasCache *
klas_cache(FunctionCallInfo fcinfo)
{
	KlasCache  *c = (KlasCache *) fcinfo->flinfo->fn_extra;

	if (c == NULL)
	{
		Oid			rettype = get_fn_expr_rettype(fcinfo->flinfo);
		int			i;

		if (!OidIsValid(rettype))
			elog(ERROR, "verzuim.classificeer() called without a result type");
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(KlasCache));
		for (i = 0; i < SOORT_AANTAL; i++)
		{
			HeapTuple	tup = SearchSysCache2(ENUMTYPOIDNAME, ObjectIdGetDatum(rettype),
											  CStringGetDatum(soort_label[i]));

			if (!HeapTupleIsValid(tup))
				elog(ERROR, "verzuim.verzuimsoort has no value %s", soort_label[i]);
			c->soort_oid[i] = ((Form_pg_enum) GETSTRUCT(tup))->oid;
			ReleaseSysCache(tup);
		}
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}

/* geoorloofd, relatief or luxe for a registered reden */
static int8
reden_klasse(KlasCache *c, Oid oid)
{
	char		buf[NAMEDATALEN];
	const char *l;
	int			i;
	int8		s;

	for (i = 0; i < c->nreden; i++)
		if (c->reden_oid[i] == oid)
			return c->reden_soort[i];
	l = enum_label(oid, buf, sizeof(buf));
	if (strcmp(l, "ongeoorloofd") == 0 || strcmp(l, "te_laat") == 0)
		s = SOORT_RELATIEF;
	else if (strcmp(l, "luxe") == 0)
		s = SOORT_LUXE;
	else if (strcmp(l, "ziek") == 0 || strcmp(l, "schorsing") == 0 ||
			 strcmp(l, "verlof_13a") == 0 || strcmp(l, "verlof_14") == 0 ||
			 strcmp(l, "religieus") == 0 || strcmp(l, "overig_geoorloofd") == 0)
		s = SOORT_GEOORLOOFD;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("verzuim.classificeer() does not know this reden"),
				 errhint("The reden values are those of type verzuim.reden.")));
	if (c->nreden < KLAS_CACHE_MAX)
	{
		c->reden_oid[c->nreden] = oid;
		c->reden_soort[c->nreden] = s;
		c->nreden++;
	}
	return s;
}

/* leerplichtig or kwalificatieplichtig: the Leerplichtwet applies */
static bool
plicht_plichtig(KlasCache *c, Oid oid)
{
	char		buf[NAMEDATALEN];
	const char *l;
	int			i;
	bool		p;

	for (i = 0; i < c->nplicht; i++)
		if (c->plicht_oid[i] == oid)
			return c->plicht_plichtig[i];
	l = enum_label(oid, buf, sizeof(buf));
	if (strcmp(l, "leerplichtig") == 0 || strcmp(l, "kwalificatieplichtig") == 0)
		p = true;
	else if (strcmp(l, "nog_niet_leerplichtig") == 0 || strcmp(l, "niet_meer_plichtig") == 0)
		p = false;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("verzuim.classificeer() does not know this leerplicht status"),
				 errhint("The values are those of type verzuim.leerplicht.")));
	if (c->nplicht < KLAS_CACHE_MAX)
	{
		c->plicht_oid[c->nplicht] = oid;
		c->plicht_plichtig[c->nplicht] = p;
		c->nplicht++;
	}
	return p;
}

/*
 * classificeer(reden, plicht, ingeschreven, vrijgesteld, administratief)
 *
 *   plicht NULL, or ingeschreven / vrijgesteld NULL where they decide: NULL
 *   not leer- or kwalificatieplichtig            -> niet_plichtig
 *   vrijgesteld (art. 3a, 3b, 5, 5a, 15)          -> vrijgesteld
 *   not enrolled, in a short gap (art. 18)        -> administratief
 *   not enrolled                                  -> absoluut
 *   enrolled, reden NULL (no absence that day)    -> NULL
 *   enrolled, geoorloofd reden (art. 11)          -> geoorloofd
 *   enrolled, luxe                                -> luxe
 *   enrolled, ongeoorloofd or te_laat             -> relatief
 */
PG_FUNCTION_INFO_V1(verzuim_classificeer);
Datum
verzuim_classificeer(PG_FUNCTION_ARGS)
{
	KlasCache  *c;
	bool		administratief = false;

	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	c = klas_cache(fcinfo);
	if (!plicht_plichtig(c, PG_GETARG_OID(1)))
		PG_RETURN_OID(c->soort_oid[SOORT_NIET_PLICHTIG]);
	if (PG_ARGISNULL(3))
		PG_RETURN_NULL();
	if (PG_GETARG_BOOL(3))
		PG_RETURN_OID(c->soort_oid[SOORT_VRIJGESTELD]);
	if (PG_ARGISNULL(2))
		PG_RETURN_NULL();
	if (!PG_GETARG_BOOL(2))
	{
		if (PG_NARGS() > 4 && !PG_ARGISNULL(4))
			administratief = PG_GETARG_BOOL(4);
		PG_RETURN_OID(c->soort_oid[administratief ? SOORT_ADMINISTRATIEF : SOORT_ABSOLUUT]);
	}
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_OID(c->soort_oid[reden_klasse(c, PG_GETARG_OID(0))]);
}
