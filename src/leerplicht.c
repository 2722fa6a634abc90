/*
 * leerplicht.c — leerplicht ages and periods under the Leerplichtwet 1969
 * (DOMAIN.md §2): the start of volledige leerplicht (art. 3 lid 1), its end
 * (art. 3 lid 1 a/b, whichever comes first), the kwalificatieplicht
 * (art. 4a) and the status of a jongere on a peildatum.
 *
 * Readings taken (each documented in the SQL comments and the README):
 *
 * - Age: someone reaches age n on the n-th anniversary of the birth date;
 *   born on 29 February, on 1 March in years without 29 February.  DOMAIN.md
 *   says nothing; no statute was found; secondary: volkskrant.nl (29 Feb 2020,
 *   "juridisch gezien ben je als schrikkelkind pas op 1 maart een jaar
 *   ouder"), and the German BGB reading is the same.  PostgreSQL's age()
 *   agrees; date + interval 'n years' does not (it gives 28 February).
 *
 * - Start (art. 3 lid 1): the first school day (lesdag of the region's
 *   calendar) on or after the first day of the month following the month of
 *   the 5th birthday.  When that month has no school day at all (a summer
 *   holiday covering August), the first school day after it (unverified
 *   practice, DOMAIN.md §2).  Without a regio (argument NULL and setting
 *   verzuim.vakantieregio empty) a day counts as a school day when it is one
 *   in at least one region: the earliest possible start (and, with
 *   eerste_lesdag below, the latest possible end: the widest period).
 *   Only NULL means "no regio"; '' is an unknown regio (22023).
 *
 * - End (art. 3 lid 1): the end of the schooljaar in which the jongere turns
 *   16 (b), or, when the first enrolment is known, the end of the schooljaar
 *   after which 12 full schooljaren have been attended (a), whichever comes
 *   first.  A schooljaar counts as full when the first enrolment is on or
 *   before its start; the start is 1 August (setting verzuim.volledig_schooljaar
 *   = schooljaarbegin, the default, the WPO definition of schooljaar) or its
 *   first school day (= eerste_lesdag, the purposive reading: a pupil cannot
 *   attend before it; it needs holiday data of the enrolment's schooljaar,
 *   which is why it is not the default).  Art. 3 lid 2 (basisschool in fewer
 *   than 8 schooljaren counts as 8) cannot be derived from these inputs.
 *
 * - Kwalificatieplicht (art. 4a): from the end of volledige leerplicht until
 *   the 18th birthday or the day the startkwalificatie was obtained, whichever
 *   comes first (on either day the duty has ended).
 *
 * Missing holiday data: the calendar marks the dates of schooljaren without
 * complete holiday data KDAG_ONBEKEND; holidays still missing there can only
 * turn school days into free days, never the reverse.  So a school day of the
 * known data that lies in a complete schooljaar is certain, and the policy
 * (verzuim_kalender_controleer) is applied only when an answer rests on a
 * school day that is not certain.
 */
#include "verzuim.h"
#include "kalender.h"

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "funcapi.h"
#include "access/htup_details.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/rangetypes.h"

PG_FUNCTION_INFO_V1(verzuim_leerplicht_periode);
PG_FUNCTION_INFO_V1(verzuim_kwalificatieplicht_periode);
PG_FUNCTION_INFO_V1(verzuim_leerplicht_status);
PG_FUNCTION_INFO_V1(verzuim_leeftijd);
PG_FUNCTION_INFO_V1(verzuim_plicht_grenzen);

/* verzuim.volledig_schooljaar: when a schooljaar counts as fully attended */
typedef enum VolledigSchooljaar
{
	VOLLEDIG_SCHOOLJAARBEGIN = 0,	/* enrolled on or before 1 August */
	VOLLEDIG_EERSTE_LESDAG = 1	/* enrolled on or before its first lesdag */
} VolledigSchooljaar;

static int	verzuim_volledig_schooljaar = VOLLEDIG_SCHOOLJAARBEGIN;

static const struct config_enum_entry volledig_schooljaar_options[] = {
	{"schooljaarbegin", VOLLEDIG_SCHOOLJAARBEGIN, false},
	{"eerste_lesdag", VOLLEDIG_EERSTE_LESDAG, false},
	{NULL, 0, false}
};

static void
assign_volledig_schooljaar(int newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.volledig_schooljaar");
}

void
verzuim_leerplicht_init(void)
{
	DefineCustomEnumVariable("verzuim.volledig_schooljaar",
							 "When a schooljaar counts as fully attended for the 12-schooljaren end of leerplicht (art. 3 lid 1 a Lpw).",
							 "schooljaarbegin (default): first enrolled on or before 1 August of that schooljaar; "
							 "eerste_lesdag: on or before its first school day in the vakantieregio.",
							 &verzuim_volledig_schooljaar,
							 VOLLEDIG_SCHOOLJAARBEGIN, volledig_schooljaar_options,
							 PGC_USERSET, 0,
							 NULL, assign_volledig_schooljaar, NULL);
}

/* Status labels, in the order of the enum verzuim.leerplicht */
typedef enum LpStatus
{
	LP_NOG_NIET = 0,
	LP_LEERPLICHTIG = 1,
	LP_KWALIFICATIEPLICHTIG = 2,
	LP_NIET_MEER = 3,
	LP_AANTAL = 4
} LpStatus;

static const char *const lp_status_label[LP_AANTAL] = {
	"nog_niet_leerplichtig", "leerplichtig", "kwalificatieplichtig", "niet_meer_plichtig"
};

/* ---------------------------------------------------------------------------
 * Date arithmetic
 */
static inline DateADT
lp_datum(int y, int m, int d)
{
	return date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
}

static inline void
lp_splits(DateADT d, int *y, int *m, int *dd)
{
	j2date(d + POSTGRES_EPOCH_JDATE, y, m, dd);
}

/*
 * The day on which someone born on geb reaches age n: the n-th anniversary,
 * or 1 March for someone born on 29 February when year geb + n has no
 * 29 February.
 */
static DateADT
lp_verjaardag(DateADT geb, int n)
{
	int			y,
				m,
				d;

	lp_splits(geb, &y, &m, &d);
	y += n;
	if (m == 2 && d == 29 && !isleap(y))
	{
		m = 3;
		d = 1;
	}
	return lp_datum(y, m, d);
}

/* First year of the schooljaar (1 Aug - 31 Jul) of d */
static int
lp_schooljaar(DateADT d)
{
	int			y,
				m,
				dd;

	lp_splits(d, &y, &m, &dd);
	return m >= 8 ? y : y - 1;
}

static inline DateADT
lp_schooljaar_begin(int jaar)
{
	return lp_datum(jaar, 8, 1);
}

/* First day of the month after the month of d */
static DateADT
lp_volgende_maand(DateADT d)
{
	int			y,
				m,
				dd;

	lp_splits(d, &y, &m, &dd);
	if (++m > 12)
	{
		m = 1;
		y++;
	}
	return lp_datum(y, m, 1);
}

static inline DateADT
lp_min(DateADT a, DateADT b)
{
	return a < b ? a : b;
}

/* ---------------------------------------------------------------------------
 * Argument checks
 */

/*
 * Birth dates whose periods lie inside the calendar: the start month of
 * leerplicht not before August 1969 (5th birthday on or after 1 July 1969),
 * the 18th birthday not after 1 August 2100 (exclusive end of 2099-2100).
 */
static void
lp_check_geboortedatum(DateADT geb)
{
	verzuim_check_finite_date(geb, "geboortedatum");
	if (geb < lp_datum(1964, 7, 1) || geb > lp_datum(2082, 8, 1))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("geboortedatum is outside the range supported by the school calendar"),
				 errdetail("The school calendar covers the schooljaren 1969-1970 to 2099-2100."),
				 errhint("Use a geboortedatum from 1964-07-01 to 2082-08-01.")));
}

static void
lp_check_na_geboorte(DateADT d, DateADT geb, const char *what)
{
	verzuim_check_finite_date(d, what);
	if (d < geb)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s is before geboortedatum", what),
				 errhint("Check the %s and geboortedatum of this pupil.", what)));
}

/* ---------------------------------------------------------------------------
 * The calendar as this module sees it: one region, or (no regio at all) the
 * union of the regions.  The region is parsed at once (so an unknown regio
 * is always an error), the calendars are loaded only when needed.
 */
typedef struct LpKalender
{
	bool		alle_regios;
	VerzuimRegio regio;
	int			nkal;
	const VerzuimKalender *kal[REGIO_AANTAL];
	/*
	 * verzamel: never apply verzuim.onvolledige_kalender; an answer that
	 * rests on uncertain days counts them as school days (the earliest
	 * start) and the missing holidays are appended to onzeker (text Datums)
	 */
	bool		verzamel;
	List	   *onzeker;
} LpKalender;

static void
lp_kalender_init(LpKalender *c, text *regio)
{
	verzuim_instellingen_controleren();
	c->nkal = 0;
	c->regio = REGIO_NOORD;
	c->verzamel = false;
	c->onzeker = NIL;
	/* only NULL means "no regio" ('' is an unknown regio, as in kalender.c) */
	c->alle_regios = regio == NULL &&
		(verzuim_default_regio == NULL || verzuim_default_regio[0] == '\0');
	if (!c->alle_regios)
		c->regio = verzuim_regio_from_text(regio);
}

static void
lp_kalender_laad(LpKalender *c)
{
	if (c->alle_regios)
	{
		int			r;

		for (r = 0; r < REGIO_AANTAL; r++)
			c->kal[r] = verzuim_kalender((VerzuimRegio) r);
		c->nkal = REGIO_AANTAL;
	}
	else
	{
		c->kal[0] = verzuim_kalender(c->regio);
		c->nkal = 1;
	}
}

/* flags of d in calendar k (d already checked to be in range) */
static inline uint8
lp_flags(const VerzuimKalender *k, DateADT d)
{
	return k->flags[d - k->eerste];
}

#define LP_VRIJ (KDAG_WEEKEND | KDAG_FEESTDAG | KDAG_VAKANTIE)

/*
 * First school day on or after van according to the known holiday data (no
 * policy applied: holidays still missing can only make the true first school
 * day later).
 */
static DateADT
lp_eerste_lesdag(LpKalender *c, DateADT van)
{
	DateADT		d;

	if (c->nkal == 0)
		lp_kalender_laad(c);
	verzuim_kalender_bereik(van);
	for (d = van; d <= KALENDER_LAATSTE; d++)
	{
		int			i;

		for (i = 0; i < c->nkal; i++)
			if ((lp_flags(c->kal[i], d) & LP_VRIJ) == 0)
				return d;
	}
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("the school calendar has no school day after the start of leerplicht"),
			 errhint("The school calendar ends on 2100-07-31.")));
	return 0;					/* keep the compiler quiet */
}

/*
 * Is there a school day in [van, tot]?  Certain when a school day of the
 * known data lies in a schooljaar with complete data, certain "no" when the
 * known data has none.  Otherwise the answer rests on missing holiday data:
 * apply the verzuim.onvolledige_kalender policy (an error, or a warning after
 * which the unknown days count as school days).
 */
static bool
lp_heeft_lesdag(LpKalender *c, DateADT van, DateADT tot)
{
	const VerzuimKalender *onzeker = NULL;
	DateADT		d;

	if (tot < van)
		return false;
	if (c->nkal == 0)
		lp_kalender_laad(c);
	verzuim_kalender_bereik(van);
	verzuim_kalender_bereik(tot);
	for (d = van; d <= tot; d++)
	{
		int			i;

		for (i = 0; i < c->nkal; i++)
		{
			uint8		f = lp_flags(c->kal[i], d);

			if ((f & LP_VRIJ) != 0)
				continue;
			if ((f & KDAG_ONBEKEND) == 0)
				return true;
			if (onzeker == NULL)
				onzeker = c->kal[i];
		}
	}
	if (onzeker == NULL)
		return false;
	if (c->verzamel)
	{
		int			i;

		for (i = 0; i < c->nkal; i++)
			(void) verzuim_kalender_onzeker_door(c->kal[i], van, tot, &c->onzeker);
		return true;
	}
	verzuim_kalender_controleer(onzeker, van, tot);
	return true;
}

/* Start of volledige leerplicht (art. 3 lid 1) */
static DateADT
lp_start(LpKalender *c, DateADT geb)
{
	DateADT		d = lp_eerste_lesdag(c, lp_volgende_maand(lp_verjaardag(geb, 5)));

	/* d is the start if it truly is a school day (days before it are not) */
	(void) lp_heeft_lesdag(c, d, d);
	return d;
}

/*
 * End of volledige leerplicht (exclusive), without the calendar where
 * possible: lo and hi bound it; when they differ (setting eerste_lesdag,
 * first enrolment after 1 August) jaarbegin and inschrijving say what
 * lp_einde_los() must look up.
 */
typedef struct LpEinde
{
	DateADT		lo;
	DateADT		hi;
	DateADT		jaarbegin;		/* 1 August of the schooljaar of first enrolment */
	DateADT		inschrijving;
} LpEinde;

static void
lp_einde_grenzen(DateADT geb, bool heeft_inschrijving, DateADT inschrijving, LpEinde *e)
{
	/* b: end of the schooljaar in which the jongere turns 16 */
	DateADT		b = lp_schooljaar_begin(lp_schooljaar(lp_verjaardag(geb, 16)) + 1);
	int			y0;

	e->lo = e->hi = b;
	/* a ends at least 12 years after the enrolment: irrelevant from b on */
	if (!heeft_inschrijving || inschrijving >= b)
		return;

	/* a: 12 full schooljaren, counted from the first full one (y0 or y0 + 1) */
	y0 = lp_schooljaar(inschrijving);
	e->jaarbegin = lp_schooljaar_begin(y0);
	e->inschrijving = inschrijving;
	if (inschrijving == e->jaarbegin)
		e->lo = e->hi = lp_min(lp_schooljaar_begin(y0 + 12), b);
	else if (verzuim_volledig_schooljaar == VOLLEDIG_SCHOOLJAARBEGIN)
		e->lo = e->hi = lp_min(lp_schooljaar_begin(y0 + 13), b);
	else
	{
		e->lo = lp_min(lp_schooljaar_begin(y0 + 12), b);
		e->hi = lp_min(lp_schooljaar_begin(y0 + 13), b);
	}
}

static DateADT
lp_einde_los(LpKalender *c, const LpEinde *e)
{
	if (e->lo == e->hi)
		return e->lo;
	/* schooljaar y0 is full when no school day precedes the enrolment in it */
	return lp_heeft_lesdag(c, e->jaarbegin, e->inschrijving - 1) ? e->hi : e->lo;
}

/* end of kwalificatieplicht (exclusive): 18th birthday or startkwalificatie */
static DateADT
lp_kwalificatie_einde(DateADT geb, bool heeft_sk, DateADT sk)
{
	DateADT		q = lp_verjaardag(geb, 18);

	return (heeft_sk && sk < q) ? sk : q;
}

/* ---------------------------------------------------------------------------
 * SQL functions
 */

/*
 * verzuim.leerplicht_periode(geboortedatum date, eerste_inschrijving date
 * DEFAULT NULL, regio text DEFAULT NULL) → daterange [start, end)
 */
Datum
verzuim_leerplicht_periode(PG_FUNCTION_ARGS)
{
	DateADT		geb;
	bool		heeft_ins = !PG_ARGISNULL(1);
	DateADT		ins = 0;
	LpKalender	kal;
	LpEinde		e;
	DateADT		start,
				einde;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	geb = PG_GETARG_DATEADT(0);
	lp_check_geboortedatum(geb);
	if (heeft_ins)
	{
		ins = PG_GETARG_DATEADT(1);
		lp_check_na_geboorte(ins, geb, "eerste_inschrijving");
	}
	lp_kalender_init(&kal, PG_ARGISNULL(2) ? NULL : PG_GETARG_TEXT_PP(2));

	start = lp_start(&kal, geb);
	lp_einde_grenzen(geb, heeft_ins, ins, &e);
	einde = lp_einde_los(&kal, &e);
	PG_RETURN_RANGE_P(verzuim_daterange(start, einde));
}

/*
 * verzuim.kwalificatieplicht_periode(geboortedatum date, startkwalificatie_op
 * date DEFAULT NULL, eerste_inschrijving date DEFAULT NULL, regio text
 * DEFAULT NULL) → daterange
 */
Datum
verzuim_kwalificatieplicht_periode(PG_FUNCTION_ARGS)
{
	DateADT		geb;
	bool		heeft_sk = !PG_ARGISNULL(1);
	bool		heeft_ins = !PG_ARGISNULL(2);
	DateADT		sk = 0,
				ins = 0;
	LpKalender	kal;
	LpEinde		e;
	DateADT		einde;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	geb = PG_GETARG_DATEADT(0);
	lp_check_geboortedatum(geb);
	if (heeft_sk)
	{
		sk = PG_GETARG_DATEADT(1);
		lp_check_na_geboorte(sk, geb, "startkwalificatie_op");
	}
	if (heeft_ins)
	{
		ins = PG_GETARG_DATEADT(2);
		lp_check_na_geboorte(ins, geb, "eerste_inschrijving");
	}
	lp_kalender_init(&kal, PG_ARGISNULL(3) ? NULL : PG_GETARG_TEXT_PP(3));

	lp_einde_grenzen(geb, heeft_ins, ins, &e);
	einde = lp_einde_los(&kal, &e);
	PG_RETURN_RANGE_P(verzuim_daterange(einde, lp_kwalificatie_einde(geb, heeft_sk, sk)));
}

/* The OID of a label of the enum the function returns, cached per call site */
static Datum
lp_status_datum(FunctionCallInfo fcinfo, LpStatus s)
{
	Oid		   *oids = (Oid *) fcinfo->flinfo->fn_extra;

	if (oids == NULL)
	{
		Oid			typ = get_func_rettype(fcinfo->flinfo->fn_oid);
		int			i;

		oids = (Oid *) MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Oid) * LP_AANTAL);
		for (i = 0; i < LP_AANTAL; i++)
			oids[i] = DatumGetObjectId(DirectFunctionCall2(enum_in,
														   CStringGetDatum(lp_status_label[i]),
														   ObjectIdGetDatum(typ)));
		fcinfo->flinfo->fn_extra = oids;
	}
	return ObjectIdGetDatum(oids[s]);
}

/*
 * verzuim.leerplicht_status(geboortedatum date, peildatum date,
 * startkwalificatie_op date DEFAULT NULL, eerste_inschrijving date DEFAULT
 * NULL, regio text DEFAULT NULL) → verzuim.leerplicht
 *
 * Reads the calendar only when the answer depends on it: the peildatum on or
 * after the first day of the start month but possibly before the first school
 * day, or (setting eerste_lesdag) between the two possible ends.
 */
Datum
verzuim_leerplicht_status(PG_FUNCTION_ARGS)
{
	DateADT		geb,
				peil;
	bool		heeft_sk = !PG_ARGISNULL(2);
	bool		heeft_ins = !PG_ARGISNULL(3);
	DateADT		sk = 0,
				ins = 0;
	LpKalender	kal;
	LpEinde		e;
	bool		voor_einde;
	LpStatus	s;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	geb = PG_GETARG_DATEADT(0);
	peil = PG_GETARG_DATEADT(1);
	lp_check_geboortedatum(geb);
	verzuim_check_finite_date(peil, "peildatum");
	if (heeft_sk)
	{
		sk = PG_GETARG_DATEADT(2);
		lp_check_na_geboorte(sk, geb, "startkwalificatie_op");
	}
	if (heeft_ins)
	{
		ins = PG_GETARG_DATEADT(3);
		lp_check_na_geboorte(ins, geb, "eerste_inschrijving");
	}
	lp_kalender_init(&kal, PG_ARGISNULL(4) ? NULL : PG_GETARG_TEXT_PP(4));

	lp_einde_grenzen(geb, heeft_ins, ins, &e);
	if (peil < e.lo)
		voor_einde = true;
	else if (peil >= e.hi)
		voor_einde = false;
	else
		voor_einde = peil < lp_einde_los(&kal, &e);

	if (voor_einde)
	{
		DateADT		van = lp_volgende_maand(lp_verjaardag(geb, 5));

		if (peil < van)
			s = LP_NOG_NIET;	/* also a child not yet born */
		else
		{
			DateADT		d = lp_eerste_lesdag(&kal, van);

			/* leerplichtig when a (true) school day of the start lies in [van, peil] */
			s = (peil >= d && lp_heeft_lesdag(&kal, d, peil)) ? LP_LEERPLICHTIG : LP_NOG_NIET;
		}
	}
	else
		s = peil < lp_kwalificatie_einde(geb, heeft_sk, sk) ? LP_KWALIFICATIEPLICHTIG : LP_NIET_MEER;

	PG_RETURN_DATUM(lp_status_datum(fcinfo, s));
}

/*
 * verzuim.leeftijd(geboortedatum date, peildatum date) → int: age in whole
 * years (29 February: one year older on 1 March in non-leap years).
 */
Datum
verzuim_leeftijd(PG_FUNCTION_ARGS)
{
	DateADT		geb = PG_GETARG_DATEADT(0);
	DateADT		peil = PG_GETARG_DATEADT(1);
	int			gy,
				gm,
				gd,
				py,
				pm,
				pd;
	int			jaren;

	verzuim_check_finite_date(geb, "geboortedatum");
	verzuim_check_finite_date(peil, "peildatum");
	if (peil < geb)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("peildatum is before geboortedatum"),
				 errhint("An age is only defined from the date of birth on.")));
	lp_splits(geb, &gy, &gm, &gd);
	lp_splits(peil, &py, &pm, &pd);
	jaren = py - gy;
	/* not yet had this year's birthday (29 Feb: on 28 Feb not yet, 1 Mar yes) */
	if (pm < gm || (pm == gm && pd < gd))
		jaren--;
	PG_RETURN_INT32(jaren);
}

/* a text[] of the names in l (text Datums, duplicates removed), NULL when empty */
static Datum
lp_namen(List *l, bool *isnull)
{
	Datum	   *el;
	int			n = 0;
	ListCell   *lc;

	*isnull = (l == NIL);
	if (l == NIL)
		return (Datum) 0;
	el = palloc(sizeof(Datum) * list_length(l));
	foreach(lc, l)
	{
		Datum		d = PointerGetDatum(lfirst(lc));
		bool		dubbel = false;
		int			i;

		for (i = 0; i < n && !dubbel; i++)
		{
			text	   *a = DatumGetTextPP(el[i]),
					   *b = DatumGetTextPP(d);

			dubbel = VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
				memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
		}
		if (!dubbel)
			el[n++] = d;
	}
	return PointerGetDatum(construct_array(el, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/*
 * verzuim.plicht_grenzen(geboortedatum date, startkwalificatie_op date,
 * eerste_inschrijving date, regio text, OUT begin date, OUT einde date,
 * OUT onzeker_begin text[], OUT onzeker_einde text[])
 *
 * The period of leer- and kwalificatieplicht together, [begin, einde), for
 * answers over a population: never raises for missing holiday data.  begin =
 * lower(leerplicht_periode), einde = the later of the end of leerplicht and
 * upper(kwalificatieplicht_periode); a bound that rests on uncertain days
 * counts them as school days and names the missing holidays in
 * onzeker_begin / onzeker_einde (NULL when certain).
 */
Datum
verzuim_plicht_grenzen(PG_FUNCTION_ARGS)
{
	DateADT		geb;
	bool		heeft_sk = !PG_ARGISNULL(1);
	bool		heeft_ins = !PG_ARGISNULL(2);
	DateADT		sk = 0,
				ins = 0;
	LpKalender	kal;
	LpEinde		e;
	DateADT		begin,
				einde,
				q;
	List	   *onzeker_begin;
	TupleDesc	tupdesc;
	Datum		values[4];
	bool		nulls[4] = {false, false, false, false};

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	geb = PG_GETARG_DATEADT(0);
	lp_check_geboortedatum(geb);
	if (heeft_sk)
	{
		sk = PG_GETARG_DATEADT(1);
		lp_check_na_geboorte(sk, geb, "startkwalificatie_op");
	}
	if (heeft_ins)
	{
		ins = PG_GETARG_DATEADT(2);
		lp_check_na_geboorte(ins, geb, "eerste_inschrijving");
	}
	lp_kalender_init(&kal, PG_ARGISNULL(3) ? NULL : PG_GETARG_TEXT_PP(3));
	kal.verzamel = true;

	begin = lp_start(&kal, geb);
	onzeker_begin = kal.onzeker;
	kal.onzeker = NIL;
	lp_einde_grenzen(geb, heeft_ins, ins, &e);
	einde = lp_einde_los(&kal, &e);
	q = lp_kwalificatie_einde(geb, heeft_sk, sk);
	if (q > einde)
		einde = q;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		verzuim_error_not_row_type();
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = DateADTGetDatum(begin);
	values[1] = DateADTGetDatum(einde);
	values[2] = lp_namen(onzeker_begin, &nulls[2]);
	values[3] = lp_namen(kal.onzeker, &nulls[3]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
