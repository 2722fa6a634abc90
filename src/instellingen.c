/*
 * instellingen.c — settings passed as an argument (see instellingen.h), and
 * verzuim.instellingen(), the session's settings and calendar fingerprints
 * as one jsonb value to pass along.
 *
 * The set of settings is not listed here: every verzuim.* setting that a
 * user may SET (PGC_USERSET) is one, with its built-in (boot) default, so a
 * setting added by another module is covered without a change here.
 */
#include "instellingen.h"
#include "kalender.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/guc_tables.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#define PREFIX "verzuim."
#define PREFIXLEN 8
#define SLEUTEL_MAX_TOON 64		/* longest key shown in an error message */

typedef struct InstWrap
{
	void	   *inner_extra;	/* fn_extra of the wrapped function */
	Jsonb	   *j;				/* the instellingen of the cache below */
	int			napply;			/* settings that differ from the session's */
	char	  **naam;
	char	  **waarde;
	int			nkal;			/* calendar fingerprints to check */
	VerzuimRegio kal_regio[REGIO_AANTAL];
	uint32		kal_hash[REGIO_AANTAL];
	bool		kal_gecontroleerd;
} InstWrap;

/* ------------------------------------------------------------------------
 * The verzuim.* settings
 * ------------------------------------------------------------------------ */

static struct config_generic **
verzuim_gucs(int *n)
{
	struct config_generic **alle;
	int			nalle;
	struct config_generic **uit;
	int			k = 0;

#if PG_VERSION_NUM >= 160000
	alle = get_guc_variables(&nalle);
#else
	alle = get_guc_variables();
	nalle = GetNumConfigOptions();
#endif
	uit = palloc(sizeof(struct config_generic *) * Max(nalle, 1));
	for (int i = 0; i < nalle; i++)
	{
		struct config_generic *g = alle[i];

		if (strncmp(g->name, PREFIX, PREFIXLEN) != 0 || g->context != PGC_USERSET ||
			(g->flags & GUC_CUSTOM_PLACEHOLDER))
			continue;
		uit[k++] = g;
	}
	*n = k;
	return uit;
}

/* the built-in default of a setting, as SET would take it */
static char *
boot_waarde(struct config_generic *g)
{
	switch (g->vartype)
	{
		case PGC_BOOL:
			return pstrdup(((struct config_bool *) g)->boot_val ? "on" : "off");
		case PGC_INT:
			return psprintf("%d", ((struct config_int *) g)->boot_val);
		case PGC_REAL:
			return psprintf("%.17g", ((struct config_real *) g)->boot_val);
		case PGC_STRING:
			{
				const char *b = ((struct config_string *) g)->boot_val;

				return pstrdup(b ? b : "");
			}
		case PGC_ENUM:
			{
				struct config_enum *e = (struct config_enum *) g;

				return pstrdup(config_enum_lookup_by_value(e, e->boot_val));
			}
	}
	return pstrdup("");
}

static char *
toon_sleutel(const char *s, int len)
{
	int			n = pg_mbcliplen(s, len, Min(len, SLEUTEL_MAX_TOON));

	return psprintf("%.*s%s", n, s, n < len ? "..." : "");
}

static void
error_instellingen(const char *msg, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s", msg),
			 detail ? errdetail("%s", detail) : 0,
			 errhint("Pass a jsonb object such as '{\"ziekte_in_episode\": \"pauzeert\"}'::jsonb, "
					 "or the value of verzuim.instellingen(); the keys are the names of the verzuim.* settings without \"verzuim.\".")));
}

/* A scalar jsonb value as the text SET would get. */
static char *
scalar_tekst(JsonbValue *v, const char *sleutel)
{
	switch (v->type)
	{
		case jbvString:
			return pnstrdup(v->val.string.val, v->val.string.len);
		case jbvBool:
			return pstrdup(v->val.boolean ? "on" : "off");
		case jbvNumeric:
			return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
		default:
			error_instellingen(psprintf("setting \"%s\" in instellingen must be a string, number or boolean", sleutel),
							  NULL);
	}
	return NULL;
}

static uint32
lees_hex(const char *s, const char *regio)
{
	uint32		v = 0;
	int			n = 0;

	for (; *s; s++, n++)
	{
		int			c = *s;
		int			d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			break;
		if (n >= 8)
			break;
		v = (v << 4) | d;
	}
	if (*s != '\0' || n != 8)
		error_instellingen(psprintf("calendar fingerprint of regio %s in instellingen must be 8 hexadecimal digits", regio),
						  NULL);
	return v;
}

/* Fill w from j: the settings to apply and the fingerprints to check. */
static void
parse_instellingen(InstWrap *w, Jsonb *j, MemoryContext cxt)
{
	int			ng;
	struct config_generic **g = verzuim_gucs(&ng);
	char	  **gewenst = palloc0(sizeof(char *) * Max(ng, 1));
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	MemoryContext old;

	if (!JB_ROOT_IS_OBJECT(j) || JB_ROOT_IS_SCALAR(j))
		error_instellingen("instellingen must be a JSON object", NULL);

	w->nkal = 0;
	it = JsonbIteratorInit(&j->root);
	tok = JsonbIteratorNext(&it, &v, false);	/* WJB_BEGIN_OBJECT */
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *sleutel;
		int			i;

		if (tok != WJB_KEY)
			continue;
		sleutel = pnstrdup(v.val.string.val, v.val.string.len);
		tok = JsonbIteratorNext(&it, &v, true);
		if (strcmp(sleutel, "kalender") == 0)
		{
			JsonbIterator *it2;
			JsonbValue	v2;
			JsonbIteratorToken t2;

			if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data))
				error_instellingen("\"kalender\" in instellingen must be an object such as {\"noord\": \"1a2b3c4d\"}",
								  NULL);
			it2 = JsonbIteratorInit(v.val.binary.data);
			while ((t2 = JsonbIteratorNext(&it2, &v2, true)) != WJB_DONE)
			{
				char	   *rnaam;
				VerzuimRegio r;

				if (t2 != WJB_KEY)
					continue;
				rnaam = pnstrdup(v2.val.string.val, v2.val.string.len);
				if (strlen(rnaam) == 0)
					error_instellingen("unknown vakantieregio \"\" in \"kalender\" of instellingen", NULL);
				r = verzuim_regio_parse(rnaam);
				t2 = JsonbIteratorNext(&it2, &v2, true);
				if (v2.type != jbvString)
					error_instellingen(psprintf("calendar fingerprint of regio %s in instellingen must be 8 hexadecimal digits",
											   verzuim_regio_naam(r)), NULL);
				w->kal_regio[w->nkal] = r;
				w->kal_hash[w->nkal] = lees_hex(pnstrdup(v2.val.string.val, v2.val.string.len),
												verzuim_regio_naam(r));
				w->nkal++;
			}
			continue;
		}
		for (i = 0; i < ng; i++)
			if (strcmp(g[i]->name + PREFIXLEN, sleutel) == 0)
				break;
		if (i == ng)
			error_instellingen(psprintf("unknown setting \"%s\" in instellingen",
									   toon_sleutel(sleutel, strlen(sleutel))),
							  "Keys are verzuim settings without the prefix verzuim., such as ziekte_in_episode, and \"kalender\".");
		if (v.type == jbvNull)
			continue;			/* null: the built-in default */
		if (v.type == jbvBinary)
			error_instellingen(psprintf("setting \"%s\" in instellingen must be a string, number or boolean", sleutel),
							  NULL);
		gewenst[i] = scalar_tekst(&v, sleutel);
	}

	old = MemoryContextSwitchTo(cxt);
	w->naam = palloc(sizeof(char *) * Max(ng, 1));
	w->waarde = palloc(sizeof(char *) * Max(ng, 1));
	w->napply = 0;
	MemoryContextSwitchTo(old);
	for (int i = 0; i < ng; i++)
	{
		char	   *wil = gewenst[i] ? gewenst[i] : boot_waarde(g[i]);
		const char *nu = GetConfigOption(g[i]->name, false, false);

		if (nu != NULL && strcmp(nu, wil) == 0)
			continue;
		w->naam[w->napply] = MemoryContextStrdup(cxt, g[i]->name);
		w->waarde[w->napply] = MemoryContextStrdup(cxt, wil);
		w->napply++;
	}
	w->kal_gecontroleerd = (w->nkal == 0);
}

static void
controleer_kalender(InstWrap *w)
{
	for (int i = 0; i < w->nkal; i++)
	{
		const VerzuimKalender *k = verzuim_kalender(w->kal_regio[i]);

		if (k->vingerafdruk != w->kal_hash[i])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the school calendar of regio %s on this server differs from the one in instellingen",
							verzuim_regio_naam(w->kal_regio[i])),
					 errdetail("Fingerprint here %08x, in instellingen %08x.", k->vingerafdruk, w->kal_hash[i]),
					 errhint("Give every server the same rows in verzuim.vakantie (compare verzuim.instellingen() "
							 "on each), or leave \"kalender\" out of instellingen to accept each server's own calendar.")));
	}
	w->kal_gecontroleerd = true;
}

Jsonb *
verzuim_instellingen_kopie(MemoryContext cxt, Jsonb *j)
{
	Jsonb	   *c = MemoryContextAlloc(cxt, VARSIZE(j));

	memcpy(c, j, VARSIZE(j));
	return c;
}

Datum
verzuim_met_instellingen(FunctionCallInfo fcinfo, PGFunction inner, Jsonb *j,
						 int inner_nargs, bool nodig)
{
	FmgrInfo   *fl = fcinfo->flinfo;
	InstWrap   *w = (InstWrap *) fl->fn_extra;
	short		nargs = fcinfo->nargs;
	int			nest = -1;
	Datum		r;

	if (w == NULL)
	{
		w = MemoryContextAllocZero(fl->fn_mcxt, sizeof(InstWrap));
		fl->fn_extra = w;
	}
	if (j != NULL &&
		(w->j == NULL || VARSIZE(w->j) != VARSIZE(j) || memcmp(w->j, j, VARSIZE(j)) != 0))
	{
		w->j = NULL;
		parse_instellingen(w, j, fl->fn_mcxt);
		w->j = verzuim_instellingen_kopie(fl->fn_mcxt, j);
	}
	if (j != NULL && (nodig || !w->kal_gecontroleerd) &&
		(w->napply > 0 || !w->kal_gecontroleerd))
	{
		nest = NewGUCNestLevel();
		for (int i = 0; i < w->napply; i++)
			(void) set_config_option(w->naam[i], w->waarde[i], PGC_USERSET, PGC_S_SESSION,
									 GUC_ACTION_SAVE, true, 0, false);
		if (!w->kal_gecontroleerd)
			controleer_kalender(w);
	}

	fl->fn_extra = w->inner_extra;
	fcinfo->nargs = inner_nargs;
	r = inner(fcinfo);
	fcinfo->nargs = nargs;
	w->inner_extra = fl->fn_extra;
	fl->fn_extra = w;

	if (nest >= 0)
		AtEOXact_GUC(true, nest);
	return r;
}

/* ------------------------------------------------------------------------
 * verzuim.instellingen(): the session's settings as jsonb
 * ------------------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(verzuim_instellingen);
Datum
verzuim_instellingen(PG_FUNCTION_ARGS)
{
	int			ng;
	struct config_generic **g = verzuim_gucs(&ng);
	StringInfoData s;
	bool		kalender = PG_NARGS() < 1 || PG_ARGISNULL(0) || PG_GETARG_BOOL(0);

	initStringInfo(&s);
	appendStringInfoChar(&s, '{');
	for (int i = 0; i < ng; i++)
	{
		const char *nu = GetConfigOption(g[i]->name, false, false);

		if (i > 0)
			appendStringInfoString(&s, ", ");
		escape_json(&s, g[i]->name + PREFIXLEN);
		appendStringInfoString(&s, ": ");
		if (g[i]->vartype == PGC_BOOL)
			appendStringInfoString(&s, strcmp(nu, "on") == 0 ? "true" : "false");
		else
			escape_json(&s, nu ? nu : "");
	}
	if (kalender)
	{
		appendStringInfoString(&s, ng > 0 ? ", \"kalender\": {" : "\"kalender\": {");
		for (int r = 0; r < REGIO_AANTAL; r++)
			appendStringInfo(&s, "%s\"%s\": \"%08x\"", r > 0 ? ", " : "",
							 verzuim_regio_naam((VerzuimRegio) r),
							 verzuim_kalender((VerzuimRegio) r)->vingerafdruk);
		appendStringInfoChar(&s, '}');
	}
	appendStringInfoChar(&s, '}');
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(s.data)));
}
