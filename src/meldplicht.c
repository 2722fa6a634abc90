/*
 * meldplicht.c — the 16-hour reporting duty (art. 21a Lpw; DOMAIN.md §1, §4,
 * §9, §14.1-2): the aggregate verzuim.meldplicht() and its settings.
 *
 * A moment (verzuim.meldmoment) arises on the school day on which a pupil's
 * unauthorised absence counted within the last `lesweken` consecutive
 * lesweken (default 4) reaches the threshold (default 16 hours, compared
 * with >= by statute or > in DUO's wording).  A lesweek is a calendar week
 * (Monday - Sunday) with at least one school day; weeks without one
 * (holidays) are skipped, so the window runs across holidays and across the
 * schooljaar boundary (31 July / 1 August).  After each moment the duty is
 * re-armed: the hours up to and including the day of the moment no longer
 * count, and counting starts afresh (DUO: a new melding each time 16 hours
 * is reached).
 *
 * The window at day d is the lesweek of d and the lesweken-1 lesweken
 * before it: at day d no later hours exist yet, so it is the largest sum of
 * any window of lesweken consecutive lesweken containing d.  A walk over the
 * absent days in date order with two pointers finds every moment in one
 * pass.
 *
 * Which calendar: each row carries the regio (and optionally the brin) of
 * the school that registered it.  A day's hours count when the day is a
 * school day for the school of its row.  A week is a lesweek when one of the
 * schools of the rows in that week has a school day in it; a week without
 * rows follows the school of the latest earlier row (before the first row:
 * the school of the first row).  So a pupil changing school (and region)
 * mid-window is counted by each school's calendar for its own period.
 *
 * The transition function only appends (day, school, hours) to a buffer; the
 * final function sorts and walks, so input order does not matter and the
 * aggregate runs in parallel (combine, serialize, deserialize).
 *
 * Hours are held exactly as integers in units of 1/10000 hour.  Numeric
 * input is decoded from its stored digits (base 10000) without a function
 * call; more than 4 decimals raise an error rather than being rounded.
 */
#include "verzuim.h"
#include "kalender.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/syscache.h"
#include "utils/typcache.h"


#define MP_EENHEID		10000		/* hours are held in 1/10000 hour */
#define MP_MAX_DAG		(24 * MP_EENHEID)
#define MP_MAX_BRIN		16
#define MP_MAX_SCHOLEN	64			/* distinct (regio, brin) per group */
#define MP_FORMAAT		1

typedef enum MpVergelijking
{
	MP_MINSTENS = 0,			/* >= (statute: "bedraagt") */
	MP_MEER_DAN = 1				/* > (DUO: "meer dan 16 uur") */
} MpVergelijking;

/* ------------------------------------------------------------------------
 * Settings
 * ------------------------------------------------------------------------
 */
static double verzuim_meldplicht_drempel = 16.0;
static int	verzuim_meldplicht_vergelijking = MP_MINSTENS;
static int	verzuim_meldplicht_lesweken = 4;
static int	verzuim_meldplicht_termijn = 1;

static const struct config_enum_entry vergelijking_options[] = {
	{"minstens", MP_MINSTENS, false},
	{">=", MP_MINSTENS, true},
	{"meer_dan", MP_MEER_DAN, false},
	{">", MP_MEER_DAN, true},
	{NULL, 0, false}
};

static bool
check_drempel(double *newval, void **extra, GucSource source)
{
	double		e = *newval * MP_EENHEID;

	if (e < 1 || e - floor(e + 0.5) > 1e-6 || floor(e + 0.5) - e > 1e-6)
	{
		GUC_check_errcode(ERRCODE_INVALID_PARAMETER_VALUE);
		GUC_check_errdetail("The threshold is a positive number of hours with at most 4 decimals.");
		return false;
	}
	return true;
}

static void
assign_drempel(double newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.meldplicht_drempel");
}

static void
assign_vergelijking(int newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.meldplicht_vergelijking");
}

static void
assign_lesweken(int newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.meldplicht_lesweken");
}

static void
assign_termijn(int newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.meldplicht_termijn");
}

void
verzuim_meldplicht_init(void)
{
	DefineCustomRealVariable("verzuim.meldplicht_drempel",
							 "Hours of unauthorised absence within the window after which a school must report (art. 21a Lpw).",
							 "Default 16 (\"zestien uren\"); at most 4 decimals.",
							 &verzuim_meldplicht_drempel,
							 16.0, 0.0001, 10000.0,
							 PGC_USERSET, 0,
							 check_drempel, assign_drempel, NULL);
	DefineCustomEnumVariable("verzuim.meldplicht_vergelijking",
							 "How the hours are compared with verzuim.meldplicht_drempel.",
							 "minstens (default, statute \"bedraagt zestien uren\": >=) or meer_dan "
							 "(DUO \"meer dan 16 uur\": >); '>=' and '>' are accepted too.",
							 &verzuim_meldplicht_vergelijking,
							 MP_MINSTENS, vergelijking_options,
							 PGC_USERSET, 0,
							 NULL, assign_vergelijking, NULL);
	DefineCustomIntVariable("verzuim.meldplicht_lesweken",
							"Number of consecutive lesweken of the reporting window (art. 21a: vier).",
							"Weeks without a school day are not lesweken and are skipped.",
							&verzuim_meldplicht_lesweken,
							4, 1, 52,
							PGC_USERSET, 0,
							NULL, assign_lesweken, NULL);
	DefineCustomIntVariable("verzuim.meldplicht_termijn",
							"School days after the day a duty moment arose within which a melding counts as onverwijld (art. 21a) in verzuim.meldplicht_naleving.",
							"Default 1: reported on the day itself or the next school day.",
							&verzuim_meldplicht_termijn,
							1, 0, 100,
							PGC_USERSET, 0,
							NULL, assign_termijn, NULL);
}

/* ------------------------------------------------------------------------
 * Exact hours from numeric
 * ------------------------------------------------------------------------
 */
static void
error_decimals(const char *wat)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s has more than 4 decimals", wat),
			 errhint("Round the hours, e.g. round(uren, 2).")));
}

static void
error_too_large(const char *wat)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s is out of range", wat),
			 errhint("Hours of absence are at most 24 a day.")));
}

/*
 * The value of a numeric in units of 1/10000, decoded from its on-disk
 * format (stable since PostgreSQL 9.1, which pg_upgrade relies on): a
 * 2-byte header (short format: sign, display scale, weight) or a 4-byte one
 * (long format), then base-10000 digits, the first of weight `weight`.
 */
static int64
numeric_e4(Datum d, const char *wat)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	const char *p;
	int			len;
	uint16		hdr;
	int			weight;
	bool		neg;
	int			ndigits,
				i;
	int64		acc = 0;
	const char *digits;

	if (unlikely(VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v)))
		v = pg_detoast_datum_packed(v);
	p = VARDATA_ANY(v);
	len = VARSIZE_ANY_EXHDR(v);
	if (len < 2)
		error_too_large(wat);
	memcpy(&hdr, p, sizeof(hdr));
	if ((hdr & 0xC000) == 0xC000)	/* NaN, Infinity, -Infinity */
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be a finite number", wat)));
	if (hdr & 0x8000)
	{
		/* short format */
		neg = (hdr & 0x2000) != 0;
		weight = (hdr & 0x003F) - ((hdr & 0x0040) ? 64 : 0);
		digits = p + 2;
		ndigits = (len - 2) / 2;
	}
	else
	{
		int16		w;

		if (len < 4)
			error_too_large(wat);
		neg = (hdr & 0xC000) == 0x4000;
		memcpy(&w, p + 2, sizeof(w));
		weight = w;
		digits = p + 4;
		ndigits = (len - 4) / 2;
	}
	for (i = 0; i < ndigits; i++)
	{
		int16		dig;
		int			e = weight - i + 1;	/* power of 10000 in units of 1/10000 */

		memcpy(&dig, digits + 2 * i, sizeof(dig));
		if (dig == 0)
			continue;
		if (e < 0)
			error_decimals(wat);
		if (e > 3)
			error_too_large(wat);
		acc += (int64) dig * (e == 0 ? 1 : e == 1 ? 10000 : e == 2 ? 100000000 : INT64CONST(1000000000000));
	}
	return neg ? -acc : acc;
}

/* uren as a numeric with at least 2 decimals */
static Datum
e4_numeric(int64 v)
{
	char		buf[64];
	int64		heel = v / MP_EENHEID;
	int64		frac = v % MP_EENHEID;

	if (frac % 100 == 0)
		snprintf(buf, sizeof(buf), INT64_FORMAT ".%02d", heel, (int) (frac / 100));
	else if (frac % 10 == 0)
		snprintf(buf, sizeof(buf), INT64_FORMAT ".%03d", heel, (int) (frac / 10));
	else
		snprintf(buf, sizeof(buf), INT64_FORMAT ".%04d", heel, (int) frac);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* ------------------------------------------------------------------------
 * State
 * ------------------------------------------------------------------------
 */
typedef struct MpEntry
{
	DateADT		d;
	int32		school;
	int32		uren;			/* 1/10000 hour, 0 .. MP_MAX_DAG */
} MpEntry;

typedef struct MpSchool
{
	int8		regio;
	bool		brin_null;
	int16		brin_len;
	char		brin[MP_MAX_BRIN + 1];
} MpSchool;

typedef struct MeldState
{
	int64		drempel;		/* 1/10000 hour */
	int32		lesweken;
	int8		vergelijking;
	bool		sorted;
	int32		laatste_school;	/* index of the previous row's school */
	int32		nschool;
	int32		capschool;
	MpSchool   *scholen;
	int32		n;
	int32		cap;
	MpEntry    *e;
} MeldState;

#define ST_SORT sort_mpentry
#define ST_ELEMENT_TYPE MpEntry
#define ST_COMPARE(a, b) ((a)->d != (b)->d ? ((a)->d > (b)->d) - ((a)->d < (b)->d) : \
						  ((a)->school > (b)->school) - ((a)->school < (b)->school))
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

static MeldState *
state_new(MemoryContext ctx, int64 drempel, int32 lesweken, int8 vergelijking)
{
	MeldState  *st = MemoryContextAllocZero(ctx, sizeof(MeldState));

	st->drempel = drempel;
	st->lesweken = lesweken;
	st->vergelijking = vergelijking;
	st->sorted = true;
	st->laatste_school = -1;
	st->capschool = 2;
	st->scholen = MemoryContextAlloc(ctx, sizeof(MpSchool) * st->capschool);
	st->cap = 8;
	st->e = MemoryContextAlloc(ctx, sizeof(MpEntry) * st->cap);
	return st;
}

static int32
state_school(MeldState *st, int8 regio, bool brin_null, const char *brin, int len)
{
	int32		i;
	MpSchool   *s;

	for (i = 0; i < st->nschool; i++)
	{
		s = &st->scholen[i];
		if (s->regio == regio && s->brin_null == brin_null &&
			(brin_null || (s->brin_len == len && memcmp(s->brin, brin, len) == 0)))
			return i;
	}
	if (st->nschool >= MP_MAX_SCHOLEN)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("verzuim.meldplicht() got more than %d schools in one group", MP_MAX_SCHOLEN),
				 errhint("Group by pupil: one pupil is enrolled at a few schools at most.")));
	if (len > MP_MAX_BRIN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("brin is too long"),
				 errhint("A brin is a BRIN number plus vestigingsnummer such as 12AB00.")));
	if (st->nschool == st->capschool)
	{
		st->capschool *= 2;
		st->scholen = repalloc(st->scholen, sizeof(MpSchool) * st->capschool);
	}
	s = &st->scholen[st->nschool];
	memset(s, 0, sizeof(MpSchool));
	s->regio = regio;
	s->brin_null = brin_null;
	if (!brin_null)
	{
		memcpy(s->brin, brin, len);
		s->brin_len = len;
	}
	return st->nschool++;
}

static inline void
state_append(MeldState *st, DateADT d, int32 school, int32 uren)
{
	MpEntry    *e;

	if (unlikely(st->n == st->cap))
	{
		if (st->cap >= (int32) (MaxAllocSize / sizeof(MpEntry) / 2))
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many rows in one verzuim.meldplicht() group")));
		st->cap *= 2;
		st->e = repalloc(st->e, sizeof(MpEntry) * st->cap);
	}
	e = &st->e[st->n];
	if (st->n > 0 && st->sorted)
	{
		MpEntry    *v = &st->e[st->n - 1];

		if (v->d > d || (v->d == d && v->school > school))
			st->sorted = false;
	}
	e->d = d;
	e->school = school;
	e->uren = uren;
	st->n++;
}

/* ------------------------------------------------------------------------
 * Transition
 * ------------------------------------------------------------------------
 */
static int8
parse_vergelijking(text *t)
{
	char	   *s = text_to_cstring(t);

	if (strcmp(s, "minstens") == 0 || strcmp(s, ">=") == 0)
		return MP_MINSTENS;
	if (strcmp(s, "meer_dan") == 0 || strcmp(s, ">") == 0)
		return MP_MEER_DAN;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown vergelijking for verzuim.meldplicht()"),
			 errhint("Use 'minstens' (>=, the statute) or 'meer_dan' (>, DUO's wording).")));
	return MP_MINSTENS;
}

/* the settings of a group: from the arguments (NULL: the setting) */
static void
row_regels(FunctionCallInfo fcinfo, bool met_regels, int64 *drempel, int32 *lesweken, int8 *verg)
{
	*drempel = (int64) floor(verzuim_meldplicht_drempel * MP_EENHEID + 0.5);
	*lesweken = verzuim_meldplicht_lesweken;
	*verg = (int8) verzuim_meldplicht_vergelijking;
	if (!met_regels)
		return;
	if (!PG_ARGISNULL(5))
	{
		*drempel = numeric_e4(PG_GETARG_DATUM(5), "drempel");
		if (*drempel <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("drempel must be more than 0 hours")));
	}
	if (!PG_ARGISNULL(6))
		*verg = parse_vergelijking(PG_GETARG_TEXT_PP(6));
	if (!PG_ARGISNULL(7))
	{
		*lesweken = PG_GETARG_INT32(7);
		if (*lesweken < 1 || *lesweken > 52)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("lesweken must be between 1 and 52")));
	}
}

static void
error_regels_differ(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("verzuim.meldplicht() got different drempel, vergelijking or lesweken within one group"),
			 errhint("Pass constants, or group by them as well; do not change the settings during a query.")));
}

static inline Datum
meldplicht_trans(FunctionCallInfo fcinfo, bool met_brin, bool met_regels)
{
	MeldState  *st;
	VerzuimRegioCache *c;
	DateADT		d;
	int64		u;
	VerzuimRegio r;
	int32		school;
	bool		brin_null = true;
	const char *brin = NULL;
	int			brin_len = 0;

	st = PG_ARGISNULL(0) ? NULL : (MeldState *) PG_GETARG_POINTER(0);

	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("verzuim.meldplicht() got a NULL datum"),
				 errhint("Leave out rows without a date with a WHERE clause.")));
	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("verzuim.meldplicht() got NULL uren"),
				 errhint("Leave out rows without hours with a WHERE clause.")));
	d = PG_GETARG_DATEADT(1);
	if (unlikely(d < KALENDER_EERSTE || d > KALENDER_LAATSTE))
		verzuim_kalender_bereik(d);	/* raises 22008 */
	u = numeric_e4(PG_GETARG_DATUM(2), "uren");
	if (unlikely(u < 0))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("uren must not be negative"),
				 errhint("Hours of absence are between 0 and 24 a day.")));
	if (unlikely(u > MP_MAX_DAG))
		error_too_large("uren");

	c = (VerzuimRegioCache *) fcinfo->flinfo->fn_extra;
	if (unlikely(c == NULL))
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(VerzuimRegioCache));
		fcinfo->flinfo->fn_extra = c;
	}
	r = verzuim_regio_arg(fcinfo, 3, c);
	if (met_brin && !PG_ARGISNULL(4))
	{
		text	   *t = PG_GETARG_TEXT_PP(4);

		brin_null = false;
		brin = VARDATA_ANY(t);
		brin_len = VARSIZE_ANY_EXHDR(t);
	}

	if (unlikely(st == NULL))
	{
		MemoryContext aggctx;
		int64		drempel;
		int32		lesweken;
		int8		verg;

		if (!AggCheckCallContext(fcinfo, &aggctx))
			verzuim_error_not_aggregate("verzuim.meldplicht transition function");
		verzuim_instellingen_controleren();
		row_regels(fcinfo, met_regels, &drempel, &lesweken, &verg);
		st = state_new(aggctx, drempel, lesweken, verg);
	}
	else if (met_regels)
	{
		int64		drempel;
		int32		lesweken;
		int8		verg;

		row_regels(fcinfo, true, &drempel, &lesweken, &verg);
		if (drempel != st->drempel || lesweken != st->lesweken || verg != st->vergelijking)
			error_regels_differ();
	}

	/* the school of the previous row, usually */
	school = st->laatste_school;
	if (unlikely(school < 0 ||
				 st->scholen[school].regio != (int8) r ||
				 st->scholen[school].brin_null != brin_null ||
				 (!brin_null && (st->scholen[school].brin_len != brin_len ||
								 memcmp(st->scholen[school].brin, brin, brin_len) != 0))))
	{
		school = state_school(st, (int8) r, brin_null, brin, brin_len);
		st->laatste_school = school;
	}
	state_append(st, d, school, (int32) u);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(verzuim_meldplicht_sfunc);
Datum
verzuim_meldplicht_sfunc(PG_FUNCTION_ARGS)
{
	return meldplicht_trans(fcinfo, false, false);
}

PG_FUNCTION_INFO_V1(verzuim_meldplicht_brin_sfunc);
Datum
verzuim_meldplicht_brin_sfunc(PG_FUNCTION_ARGS)
{
	return meldplicht_trans(fcinfo, true, false);
}

PG_FUNCTION_INFO_V1(verzuim_meldplicht_regels_sfunc);
Datum
verzuim_meldplicht_regels_sfunc(PG_FUNCTION_ARGS)
{
	return meldplicht_trans(fcinfo, true, true);
}

/* ------------------------------------------------------------------------
 * Combine, serialize, deserialize
 * ------------------------------------------------------------------------
 */
static void
state_merge(MeldState *a, const MeldState *b)
{
	int32		map[MP_MAX_SCHOLEN];
	int32		i;

	if (a->drempel != b->drempel || a->lesweken != b->lesweken || a->vergelijking != b->vergelijking)
		error_regels_differ();
	for (i = 0; i < b->nschool; i++)
	{
		const MpSchool *s = &b->scholen[i];

		map[i] = state_school(a, s->regio, s->brin_null, s->brin, s->brin_len);
	}
	for (i = 0; i < b->n; i++)
		state_append(a, b->e[i].d, map[b->e[i].school], b->e[i].uren);
	a->laatste_school = -1;
}

PG_FUNCTION_INFO_V1(verzuim_meldplicht_combine);
Datum
verzuim_meldplicht_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx,
				old;
	MeldState  *a;
	MeldState  *b;

	if (!AggCheckCallContext(fcinfo, &aggctx))
		verzuim_error_not_aggregate("verzuim.meldplicht combine function");
	a = PG_ARGISNULL(0) ? NULL : (MeldState *) PG_GETARG_POINTER(0);
	b = PG_ARGISNULL(1) ? NULL : (MeldState *) PG_GETARG_POINTER(1);
	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	old = MemoryContextSwitchTo(aggctx);
	if (a == NULL)
		a = state_new(aggctx, b->drempel, b->lesweken, b->vergelijking);
	state_merge(a, b);
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(verzuim_meldplicht_serialize);
Datum
verzuim_meldplicht_serialize(PG_FUNCTION_ARGS)
{
	MeldState  *st;
	StringInfoData buf;
	int32		i;

	if (!AggCheckCallContext(fcinfo, NULL))
		verzuim_error_not_aggregate("verzuim.meldplicht serialize function");
	st = (MeldState *) PG_GETARG_POINTER(0);
	pq_begintypsend(&buf);
	enlargeStringInfo(&buf, 32 + st->nschool * (MP_MAX_BRIN + 8) + st->n * 12);
	pq_sendbyte(&buf, MP_FORMAAT);
	pq_sendint64(&buf, st->drempel);
	pq_sendint32(&buf, st->lesweken);
	pq_sendbyte(&buf, (uint8) st->vergelijking);
	pq_sendint32(&buf, st->nschool);
	for (i = 0; i < st->nschool; i++)
	{
		MpSchool   *s = &st->scholen[i];

		pq_sendbyte(&buf, (uint8) s->regio);
		pq_sendbyte(&buf, s->brin_null ? 1 : 0);
		pq_sendbyte(&buf, (uint8) s->brin_len);
		pq_sendbytes(&buf, s->brin, s->brin_len);
	}
	pq_sendint32(&buf, st->n);
	for (i = 0; i < st->n; i++)
	{
		pq_sendint32(&buf, st->e[i].d);
		pq_sendint32(&buf, st->e[i].school);
		pq_sendint32(&buf, st->e[i].uren);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
need(StringInfo buf, int n)
{
	if (buf->len - buf->cursor < n)
		verzuim_error_corrupt_state("verzuim.meldplicht()", "The state is truncated.");
}

PG_FUNCTION_INFO_V1(verzuim_meldplicht_deserialize);
Datum
verzuim_meldplicht_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *sstate = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	MeldState  *st;
	int64		drempel;
	int32		lesweken,
				nschool,
				n,
				i;
	int			verg;

	if (!AggCheckCallContext(fcinfo, NULL))
		verzuim_error_not_aggregate("verzuim.meldplicht deserialize function");
	verzuim_stringinfo_readonly(&buf, VARDATA_ANY(sstate), VARSIZE_ANY_EXHDR(sstate));

	need(&buf, 1 + 8 + 4 + 1 + 4);
	if (pq_getmsgbyte(&buf) != MP_FORMAAT)
		verzuim_error_corrupt_state("verzuim.meldplicht()", "Unknown format version.");
	drempel = pq_getmsgint64(&buf);
	lesweken = pq_getmsgint(&buf, 4);
	verg = pq_getmsgbyte(&buf);
	nschool = pq_getmsgint(&buf, 4);
	if (drempel <= 0 || lesweken < 1 || lesweken > 52 || (verg != MP_MINSTENS && verg != MP_MEER_DAN))
		verzuim_error_corrupt_state("verzuim.meldplicht()", "A setting is out of range.");
	if (nschool < 0 || nschool > MP_MAX_SCHOLEN)
		verzuim_error_corrupt_state("verzuim.meldplicht()", "The number of schools is out of range.");
	st = state_new(CurrentMemoryContext, drempel, lesweken, (int8) verg);
	for (i = 0; i < nschool; i++)
	{
		int			regio,
					isnull,
					len;
		char		brin[MP_MAX_BRIN];

		need(&buf, 3);
		regio = pq_getmsgbyte(&buf);
		isnull = pq_getmsgbyte(&buf);
		len = pq_getmsgbyte(&buf);
		if (regio < 0 || regio >= REGIO_AANTAL || isnull > 1 || len > MP_MAX_BRIN || (isnull && len != 0))
			verzuim_error_corrupt_state("verzuim.meldplicht()", "A school is out of range.");
		need(&buf, len);
		pq_copymsgbytes(&buf, brin, len);
		if (state_school(st, (int8) regio, isnull == 1, brin, len) != i)
			verzuim_error_corrupt_state("verzuim.meldplicht()", "A school occurs twice.");
	}
	need(&buf, 4);
	n = pq_getmsgint(&buf, 4);
	if (n < 0 || (int64) n * 12 != buf.len - buf.cursor)
		verzuim_error_corrupt_state("verzuim.meldplicht()", "The number of rows does not match the size.");
	for (i = 0; i < n; i++)
	{
		DateADT		d = pq_getmsgint(&buf, 4);
		int32		s = pq_getmsgint(&buf, 4);
		int32		u = pq_getmsgint(&buf, 4);

		if (d < KALENDER_EERSTE || d > KALENDER_LAATSTE || s < 0 || s >= nschool ||
			u < 0 || u > MP_MAX_DAG)
			verzuim_error_corrupt_state("verzuim.meldplicht()", "A row is out of range.");
		state_append(st, d, s, u);
	}
	PG_RETURN_POINTER(st);
}

/* ------------------------------------------------------------------------
 * Final function: the walk
 * ------------------------------------------------------------------------
 */
typedef struct MpKal
{
	const VerzuimKalender *k;
	const DateADT *vrij;
	int			nvrij;
} MpKal;

static inline bool
mp_is_lesdag(const MpKal *s, DateADT d)
{
	if (s->vrij == NULL)
		return verzuim_kalender_is_lesdag(s->k, d);
	return verzuim_is_lesdag_school(s->k, s->vrij, s->nvrij, d);
}

/* Monday of the ISO week of d (DateADT 0 = Saturday 2000-01-01) */
static inline DateADT
maandag(DateADT d)
{
	int			wd = (int) ((d + 5) % 7);	/* 0 = Monday */

	if (wd < 0)
		wd += 7;
	return d - wd;
}

static bool
is_lesweek(const MpKal *kal, uint64 mask, DateADT ma)
{
	int			s;

	for (s = 0; mask != 0; s++, mask >>= 1)
	{
		int			i;

		if (!(mask & 1))
			continue;
		for (i = 0; i < 5; i++)
			if (mp_is_lesdag(&kal[s], ma + i))
				return true;
	}
	return false;
}

typedef struct MpFinalCache
{
	Oid			elemtype;
	TupleDesc	tupdesc;
	int16		typlen;
	bool		typbyval;
	char		typalign;
} MpFinalCache;

PG_FUNCTION_INFO_V1(verzuim_meldplicht_final);
Datum
verzuim_meldplicht_final(PG_FUNCTION_ARGS)
{
	MeldState  *st;
	MpFinalCache *fc;
	MpKal		kal[MP_MAX_SCHOLEN];
	DateADT    *dag;			/* distinct dates */
	int64	   *uren;			/* countable hours per distinct date */
	uint64	   *mask;			/* schools with a row on the date */
	int32	   *lw;				/* lesweek number of the date */
	DateADT    *lwmaandag;		/* Monday of lesweek number i (1-based) */
	int32		nd = 0,
				i,
				j,
				s;
	DateADT		start,
				week,
				laatste_week;
	int32		L,
				nlw;
	bool		regio_gecontroleerd[REGIO_AANTAL] = {false};
	Datum	   *moment = NULL;
	int32		nmoment = 0,
				capmoment = 0;
	int32		links;
	int64		som;

	if (!AggCheckCallContext(fcinfo, NULL))
		verzuim_error_not_aggregate("verzuim.meldplicht final function");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (MeldState *) PG_GETARG_POINTER(0);

	fc = (MpFinalCache *) fcinfo->flinfo->fn_extra;
	if (fc == NULL)
	{
		Oid			rettype = get_fn_expr_rettype(fcinfo->flinfo);
		MemoryContext old;

		if (!OidIsValid(rettype) || !OidIsValid(get_element_type(rettype)))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("verzuim.meldplicht final function must return an array of a row type")));
		fc = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(MpFinalCache));
		fc->elemtype = get_element_type(rettype);
		{
			TupleDesc	td = lookup_rowtype_tupdesc(fc->elemtype, -1);

			old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
			fc->tupdesc = CreateTupleDescCopy(td);
			MemoryContextSwitchTo(old);
			ReleaseTupleDesc(td);
		}
		get_typlenbyvalalign(fc->elemtype, &fc->typlen, &fc->typbyval, &fc->typalign);
		fcinfo->flinfo->fn_extra = fc;
	}

	/* sort in a copy: the state may be shared (window use) */
	{
		MpEntry    *e = palloc(sizeof(MpEntry) * Max(st->n, 1));

		memcpy(e, st->e, sizeof(MpEntry) * st->n);
		if (!st->sorted)
			sort_mpentry(e, st->n);

		for (s = 0; s < st->nschool; s++)
		{
			kal[s].k = verzuim_kalender((VerzuimRegio) st->scholen[s].regio);
			kal[s].vrij = NULL;
			kal[s].nvrij = 0;
			if (!st->scholen[s].brin_null)
			{
				char		brin[MP_MAX_BRIN + 1];

				memcpy(brin, st->scholen[s].brin, st->scholen[s].brin_len);
				brin[st->scholen[s].brin_len] = '\0';
				kal[s].vrij = verzuim_schoolvrije_dagen(brin, &kal[s].nvrij);
				if (kal[s].nvrij == 0)
					kal[s].vrij = NULL;
			}
		}

		dag = palloc(sizeof(DateADT) * Max(st->n, 1));
		uren = palloc(sizeof(int64) * Max(st->n, 1));
		mask = palloc(sizeof(uint64) * Max(st->n, 1));
		for (i = 0; i < st->n;)
		{
			int64		totaal = 0;

			dag[nd] = e[i].d;
			uren[nd] = 0;
			mask[nd] = 0;
			for (j = i; j < st->n && e[j].d == e[i].d; j++)
			{
				totaal += e[j].uren;
				mask[nd] |= UINT64CONST(1) << e[j].school;
				if (e[j].uren > 0 && mp_is_lesdag(&kal[e[j].school], e[j].d))
					uren[nd] += e[j].uren;
			}
			if (totaal > MP_MAX_DAG)
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("verzuim.meldplicht() got more than 24 hours on one day"),
						 errhint("Rows of one pupil on one day (all schools and reasons) add up to at most 24 hours.")));
			nd++;
			i = j;
		}
		pfree(e);
	}
	if (nd == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(fc->elemtype));

	/*
	 * Weeks: start up to lesweken-1 lesweken before the first date's week
	 * (for the window's first Monday), in the first date's schools.
	 */
	start = maandag(dag[0]);
	{
		int32		gevonden = 0;
		int32		stappen = 0;

		while (gevonden < st->lesweken - 1 && stappen < 60 &&
			   start - 7 >= KALENDER_EERSTE)
		{
			start -= 7;
			stappen++;
			if (is_lesweek(kal, mask[0], start))
				gevonden++;
		}
	}
	laatste_week = maandag(dag[nd - 1]);
	/* missing holiday data in the span looked at: per verzuim.onvolledige_kalender */
	for (s = 0; s < st->nschool; s++)
	{
		int			r = st->scholen[s].regio;

		if (!regio_gecontroleerd[r])
		{
			verzuim_kalender_controleer(kal[s].k, Max(start, KALENDER_EERSTE),
										Min(laatste_week + 6, KALENDER_LAATSTE));
			regio_gecontroleerd[r] = true;
		}
	}

	nlw = (laatste_week - start) / 7 + 2;
	lwmaandag = palloc(sizeof(DateADT) * (nlw + 1));
	lw = palloc(sizeof(int32) * nd);
	L = 0;
	j = 0;						/* first date not yet numbered */
	{
		uint64		vorig = mask[0];

		for (week = start; week <= laatste_week; week += 7)
		{
			uint64		m = 0;
			int32		k;

			for (k = j; k < nd && dag[k] < week + 7; k++)
				m |= mask[k];
			if (m == 0)
				m = vorig;
			else
				vorig = mask[k - 1];
			if (is_lesweek(kal, m, week))
			{
				L++;
				lwmaandag[L] = week;
			}
			for (; j < k; j++)
				lw[j] = L;
		}
	}

	/* the walk */
	links = 0;
	som = 0;
	for (i = 0; i < nd; i++)
	{
		int32		laag;
		bool		bereikt;

		if (uren[i] == 0)
			continue;
		som += uren[i];
		laag = lw[i] - (st->lesweken - 1);
		while (links < i && lw[links] < laag)
		{
			som -= uren[links];
			links++;
		}
		bereikt = st->vergelijking == MP_MINSTENS ? som >= st->drempel : som > st->drempel;
		if (bereikt)
		{
			Datum		values[3];
			bool		nulls[3] = {false, false, false};
			HeapTuple	tup;

			values[0] = RangeTypePGetDatum(verzuim_daterange(lwmaandag[Max(laag, 1)], dag[i] + 1));
			values[1] = e4_numeric(som);
			values[2] = DateADTGetDatum(dag[i]);
			tup = heap_form_tuple(fc->tupdesc, values, nulls);
			if (nmoment == capmoment)
			{
				capmoment = capmoment ? capmoment * 2 : 8;
				moment = moment ? repalloc(moment, sizeof(Datum) * capmoment)
					: palloc(sizeof(Datum) * capmoment);
			}
			moment[nmoment++] = HeapTupleGetDatum(tup);
			/* re-arm: the hours up to and including today no longer count */
			som = 0;
			links = i + 1;
		}
	}
	if (nmoment == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(fc->elemtype));
	PG_RETURN_ARRAYTYPE_P(construct_array(moment, nmoment, fc->elemtype,
										  fc->typlen, fc->typbyval, fc->typalign));
}

/* ------------------------------------------------------------------------
 * verzuim.mazl_signaal(datum, reden, regio [, brin, eenheid]) -> date[]
 *
 * M@ZL (DOMAIN.md §7): the days a sickness signal arose: the 4th sick
 * report within 12 weeks, or the 7th consecutive sick school day.  A sick
 * report (ziekmelding) is a run of sick school days (reden ziek) with no
 * school day without a sick row in between (weekends and holidays are
 * bridged); it is reported on its first day.  12 weeks are calendar weeks
 * (84 days, the NCJ wording, default) or school weeks (12 consecutive
 * lesweken, as some school protocols say): setting verzuim.mazl_weken or the
 * argument eenheid.  After a report signal the count starts afresh (the
 * signal leads to a conversation; the next one needs 4 new reports).  The
 * 7th-day signal arises once per report.  The state is that of meldplicht
 * (rows with reden ziek only, uren unused).
 * ------------------------------------------------------------------------
 */
typedef enum MazlWeken
{
	MAZL_KALENDER = 0,
	MAZL_SCHOOLWEKEN = 1
} MazlWeken;

static int	verzuim_mazl_weken = MAZL_KALENDER;

static const struct config_enum_entry mazl_weken_options[] = {
	{"kalender", MAZL_KALENDER, false},
	{"schoolweken", MAZL_SCHOOLWEKEN, false},
	{NULL, 0, false}
};

static void
assign_mazl_weken(int newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.mazl_weken");
}

void
verzuim_mazl_init(void)
{
	DefineCustomEnumVariable("verzuim.mazl_weken",
							 "How the 12 weeks of the M@ZL signal (4 sick reports in 12 weeks) are counted.",
							 "kalender (default, NCJ: \"twaalf weken\", 84 days) or schoolweken (12 consecutive "
							 "lesweken; weeks without a school day are skipped).",
							 &verzuim_mazl_weken,
							 MAZL_KALENDER, mazl_weken_options,
							 PGC_USERSET, 0,
							 NULL, assign_mazl_weken, NULL);
}

#define MAZL_MELDINGEN	4
#define MAZL_WEKEN		12
#define MAZL_DAGEN		7

typedef struct MazlCache
{
	VerzuimRegioCache regio;
	int			nreden;
	Oid			reden_oid[32];
	bool		reden_ziek[32];
} MazlCache;

static bool
reden_is_ziek(MazlCache *c, Oid oid)
{
	int			i;
	HeapTuple	tup;
	bool		ziek;

	for (i = 0; i < c->nreden; i++)
		if (c->reden_oid[i] == oid)
			return c->reden_ziek[i];
	tup = SearchSysCache1(ENUMOID, ObjectIdGetDatum(oid));
	if (!HeapTupleIsValid(tup))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid reden for verzuim.mazl_signaal()")));
	ziek = strcmp(NameStr(((Form_pg_enum) GETSTRUCT(tup))->enumlabel), "ziek") == 0;
	ReleaseSysCache(tup);
	if (c->nreden < 32)
	{
		c->reden_oid[c->nreden] = oid;
		c->reden_ziek[c->nreden] = ziek;
		c->nreden++;
	}
	return ziek;
}

static int8
parse_mazl_weken(text *t)
{
	char	   *s = text_to_cstring(t);

	if (strcmp(s, "kalender") == 0)
		return MAZL_KALENDER;
	if (strcmp(s, "schoolweken") == 0)
		return MAZL_SCHOOLWEKEN;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown eenheid for verzuim.mazl_signaal()"),
			 errhint("Use 'kalender' (12 calendar weeks) or 'schoolweken' (12 lesweken).")));
	return MAZL_KALENDER;
}

static inline Datum
mazl_trans(FunctionCallInfo fcinfo, bool met_extra)
{
	MeldState  *st;
	MazlCache  *c;
	DateADT		d;
	VerzuimRegio r;
	int32		school;
	bool		brin_null = true;
	const char *brin = NULL;
	int			brin_len = 0;
	int8		eenheid;

	verzuim_instellingen_controleren();
	eenheid = (int8) verzuim_mazl_weken;
	st = PG_ARGISNULL(0) ? NULL : (MeldState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("verzuim.mazl_signaal() got a NULL datum"),
				 errhint("Leave out rows without a date with a WHERE clause.")));
	d = PG_GETARG_DATEADT(1);
	if (unlikely(d < KALENDER_EERSTE || d > KALENDER_LAATSTE))
		verzuim_kalender_bereik(d);
	c = (MazlCache *) fcinfo->flinfo->fn_extra;
	if (unlikely(c == NULL))
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(MazlCache));
		fcinfo->flinfo->fn_extra = c;
	}
	r = verzuim_regio_arg(fcinfo, 3, &c->regio);
	if (met_extra)
	{
		if (!PG_ARGISNULL(4))
		{
			text	   *t = PG_GETARG_TEXT_PP(4);

			brin_null = false;
			brin = VARDATA_ANY(t);
			brin_len = VARSIZE_ANY_EXHDR(t);
		}
		if (!PG_ARGISNULL(5))
			eenheid = parse_mazl_weken(PG_GETARG_TEXT_PP(5));
	}
	if (unlikely(st == NULL))
	{
		MemoryContext aggctx;

		if (!AggCheckCallContext(fcinfo, &aggctx))
			verzuim_error_not_aggregate("verzuim.mazl_signaal transition function");
		/* drempel and lesweken are unused; vergelijking holds the eenheid */
		st = state_new(aggctx, 1, 1, eenheid);
	}
	else if (st->vergelijking != eenheid)
		error_regels_differ();

	/* NULL reden and other reasons than ziek: no sick day */
	if (PG_ARGISNULL(2) || !reden_is_ziek(c, PG_GETARG_OID(2)))
		PG_RETURN_POINTER(st);

	school = st->laatste_school;
	if (unlikely(school < 0 ||
				 st->scholen[school].regio != (int8) r ||
				 st->scholen[school].brin_null != brin_null ||
				 (!brin_null && (st->scholen[school].brin_len != brin_len ||
								 memcmp(st->scholen[school].brin, brin, brin_len) != 0))))
	{
		school = state_school(st, (int8) r, brin_null, brin, brin_len);
		st->laatste_school = school;
	}
	state_append(st, d, school, 0);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(verzuim_mazl_sfunc);
Datum
verzuim_mazl_sfunc(PG_FUNCTION_ARGS)
{
	return mazl_trans(fcinfo, false);
}

PG_FUNCTION_INFO_V1(verzuim_mazl_extra_sfunc);
Datum
verzuim_mazl_extra_sfunc(PG_FUNCTION_ARGS)
{
	return mazl_trans(fcinfo, true);
}

static int
cmp_dateadt(const void *a, const void *b)
{
	DateADT		x = *(const DateADT *) a;
	DateADT		y = *(const DateADT *) b;

	return (x > y) - (x < y);
}

PG_FUNCTION_INFO_V1(verzuim_mazl_final);
Datum
verzuim_mazl_final(PG_FUNCTION_ARGS)
{
	MeldState  *st;
	MpKal		kal[MP_MAX_SCHOLEN];
	MpEntry    *e;
	DateADT    *dag;
	uint64	   *mask;
	int32	   *lw = NULL;
	DateADT    *signaal;
	Datum	   *datums;
	int32		nd = 0,
				ns = 0,
				i,
				j,
				s;
	bool		regio_gecontroleerd[REGIO_AANTAL] = {false};
	/* report starts since the last report signal */
	DateADT    *start;
	int32	   *start_lw;
	int32		nstart = 0,
				eerste = 0,
				dagen_in_melding = 0;

	if (!AggCheckCallContext(fcinfo, NULL))
		verzuim_error_not_aggregate("verzuim.mazl_signaal final function");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (MeldState *) PG_GETARG_POINTER(0);

	e = palloc(sizeof(MpEntry) * Max(st->n, 1));
	memcpy(e, st->e, sizeof(MpEntry) * st->n);
	if (!st->sorted)
		sort_mpentry(e, st->n);
	for (s = 0; s < st->nschool; s++)
	{
		kal[s].k = verzuim_kalender((VerzuimRegio) st->scholen[s].regio);
		kal[s].vrij = NULL;
		kal[s].nvrij = 0;
		if (!st->scholen[s].brin_null)
		{
			char		brin[MP_MAX_BRIN + 1];

			memcpy(brin, st->scholen[s].brin, st->scholen[s].brin_len);
			brin[st->scholen[s].brin_len] = '\0';
			kal[s].vrij = verzuim_schoolvrije_dagen(brin, &kal[s].nvrij);
			if (kal[s].nvrij == 0)
				kal[s].vrij = NULL;
		}
	}
	/* distinct sick school days, with the schools of their rows */
	dag = palloc(sizeof(DateADT) * Max(st->n, 1));
	mask = palloc(sizeof(uint64) * Max(st->n, 1));
	for (i = 0; i < st->n; i = j)
	{
		bool		les = false;
		uint64		m = 0;

		for (j = i; j < st->n && e[j].d == e[i].d; j++)
		{
			m |= UINT64CONST(1) << e[j].school;
			if (mp_is_lesdag(&kal[e[j].school], e[j].d))
				les = true;
		}
		if (les)
		{
			dag[nd] = e[i].d;
			mask[nd] = m;
			nd++;
		}
	}
	if (nd == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(DATEOID));
	for (s = 0; s < st->nschool; s++)
	{
		int			r = st->scholen[s].regio;

		if (!regio_gecontroleerd[r])
		{
			verzuim_kalender_controleer(kal[s].k, dag[0], dag[nd - 1]);
			regio_gecontroleerd[r] = true;
		}
	}

	/* school weeks: number the lesweken as meldplicht does */
	if (st->vergelijking == MAZL_SCHOOLWEKEN)
	{
		DateADT		week;
		int32		L = 0;
		uint64		vorig = mask[0];

		lw = palloc(sizeof(int32) * nd);
		j = 0;
		for (week = maandag(dag[0]); week <= maandag(dag[nd - 1]); week += 7)
		{
			uint64		m = 0;
			int32		k;

			for (k = j; k < nd && dag[k] < week + 7; k++)
				m |= mask[k];
			if (m == 0)
				m = vorig;
			else
				vorig = mask[k - 1];
			if (is_lesweek(kal, m, week))
				L++;
			for (; j < k; j++)
				lw[j] = L;
		}
	}

	signaal = palloc(sizeof(DateADT) * nd * 2);
	start = palloc(sizeof(DateADT) * nd);
	start_lw = palloc(sizeof(int32) * nd);
	for (i = 0; i < nd; i++)
	{
		bool		nieuw = true;

		if (i > 0)
		{
			/* same report when no school day (of the schools of either day) lies in between */
			DateADT		x;
			uint64		m = mask[i] | mask[i - 1];

			nieuw = false;
			for (x = dag[i - 1] + 1; x < dag[i] && !nieuw; x++)
			{
				uint64		mm = m;

				for (s = 0; mm != 0; s++, mm >>= 1)
					if ((mm & 1) && mp_is_lesdag(&kal[s], x))
					{
						nieuw = true;
						break;
					}
			}
		}
		if (nieuw)
		{
			int32		n;

			dagen_in_melding = 0;
			start[nstart] = dag[i];
			start_lw[nstart] = lw ? lw[i] : 0;
			nstart++;
			/* reports within the 12 weeks ending today, since the last signal */
			while (eerste < nstart - 1 &&
				   (lw ? start_lw[eerste] <= start_lw[nstart - 1] - MAZL_WEKEN
				    : start[eerste] <= dag[i] - 7 * MAZL_WEKEN))
				eerste++;
			n = nstart - eerste;
			if (n >= MAZL_MELDINGEN)
			{
				signaal[ns++] = dag[i];
				eerste = nstart;	/* re-armed */
			}
		}
		dagen_in_melding++;
		if (dagen_in_melding == MAZL_DAGEN)
			signaal[ns++] = dag[i];
	}
	if (ns == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(DATEOID));
	qsort(signaal, ns, sizeof(DateADT), cmp_dateadt);
	datums = palloc(sizeof(Datum) * ns);
	j = 0;
	for (i = 0; i < ns; i++)
		if (i == 0 || signaal[i] != signaal[i - 1])
			datums[j++] = DateADTGetDatum(signaal[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(datums, j, DATEOID, sizeof(DateADT), true, TYPALIGN_INT));
}
