/*
 * kandidaten.c — the pupils that can have an absoluut verzuim episode in a
 * period (verzuim.absoluut_kandidaten, src/sql/47_absoluut_kandidaten.sql).
 *
 * verzuim.absoluut_verzuim_in(binnen, peildatum) computes the episodes of the
 * pupils this function returns only.  For every pupil it takes the window of
 * days an episode overlapping binnen must touch,
 *
 *     lo = max(min(lower(binnen), peildatum), geboortedatum + 1826)
 *     hi = min(upper(binnen), peildatum + 1, geboortedatum + 6600)
 *
 * (a day in binnen, or the peildatum for an episode still open then, in plicht:
 * from on or after the 5th birthday to before the 19th), and returns the pupil
 * unless the UNION of its inschrijvingen and vrijstellingen covers [lo, hi):
 * a day covered by either is no day of absoluut verzuim.  This is a superset
 * of the pupils with such an episode; the SQL of absoluut_verzuim_in then does
 * the exact work for them.  Before, the filter was an anti-join that kept a
 * pupil unless ONE row covered the window, so a change of school within the
 * schooljaar (two adjacent enrolments) made the pupil a candidate.
 *
 * One merge pass: leerling, and the inschrijving and vrijstelling rows that
 * overlap the period [min(lower(binnen), peildatum), min(upper(binnen),
 * peildatum + 1)) (the only rows that can cover part of a window), each read
 * ordered by leerling_id through an SPI cursor in batches.  The queries run as
 * the caller (row level security applies, as it does to the exact SQL) and
 * name every object and operator with its schema.  Memory: one batch per
 * cursor and the rows of one pupil.
 */
#include "verzuim.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "access/tupdesc.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

PG_FUNCTION_INFO_V1(verzuim_absoluut_kandidaten);

#define KANDIDATEN_BATCH 10000

/* geboortedatum + 1826 <= the 5th birthday; + 6600 >= the 19th (see 48_absoluut_verzuim_in.sql) */
#define PLICHT_VAN_DAGEN 1826
#define PLICHT_TOT_DAGEN 6600

typedef struct KStroom
{
	Portal		portal;
	SPITupleTable *tt;
	uint64		i;
	uint64		n;
	bool		klaar;
} KStroom;

typedef struct KPeriode
{
	int64		van;
	int64		tot;
} KPeriode;

static void
stroom_open(KStroom *s, const char *sql, int nargs, Oid *types, Datum *values)
{
	SPIPlanPtr	plan;

	plan = SPI_prepare_cursor(sql, nargs, types, CURSOR_OPT_NO_SCROLL);
	if (plan == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("absoluut_kandidaten: preparing a query failed (SPI code %d)", SPI_result)));
	s->portal = SPI_cursor_open(NULL, plan, values, NULL, true);
	if (s->portal == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("absoluut_kandidaten: opening a cursor failed (SPI code %d)", SPI_result)));
	s->tt = NULL;
	s->i = s->n = 0;
	s->klaar = false;
}

/* the current row of s, fetching the next batch when needed; false at the end */
static bool
stroom_rij(KStroom *s)
{
	if (s->klaar)
		return false;
	if (s->i < s->n)
		return true;
	if (s->tt)
		SPI_freetuptable(s->tt);
	s->tt = NULL;
	CHECK_FOR_INTERRUPTS();
	SPI_cursor_fetch(s->portal, true, KANDIDATEN_BATCH);
	s->tt = SPI_tuptable;
	s->n = SPI_processed;
	s->i = 0;
	if (s->n == 0)
	{
		s->klaar = true;
		return false;
	}
	return true;
}

static inline Datum
stroom_kolom(KStroom *s, int kolom, bool *isnull)
{
	return SPI_getbinval(s->tt->vals[s->i], s->tt->tupdesc, kolom, isnull);
}

static inline int64
stroom_id(KStroom *s)
{
	bool		isnull;
	Datum		d = stroom_kolom(s, 1, &isnull);

	return isnull ? PG_INT64_MAX : DatumGetInt64(d);
}

/* a date bound as int64: NULL (unbounded) as given, -infinity/infinity as far out */
static inline int64
datum_dag(Datum d, bool isnull, int64 als_null)
{
	DateADT		dag;

	if (isnull)
		return als_null;
	dag = DatumGetDateADT(d);
	if (DATE_IS_NOBEGIN(dag))
		return PG_INT64_MIN;
	if (DATE_IS_NOEND(dag))
		return PG_INT64_MAX;
	return (int64) dag;
}

/*
 * Skip the rows of s before id, add the periods of pupil id (rows with
 * lower, upper in columns 2, 3) to *p.
 */
static void
stroom_verzamel(KStroom *s, int64 id, KPeriode **p, int *n, int *max)
{
	while (stroom_rij(s))
	{
		int64		rid = stroom_id(s);
		bool		nl,
					nu;
		Datum		dl,
					du;

		if (rid > id)
			return;
		if (rid == id)
		{
			dl = stroom_kolom(s, 2, &nl);
			du = stroom_kolom(s, 3, &nu);
			if (*n >= *max)
			{
				*max *= 2;
				*p = repalloc_array(*p, KPeriode, *max);
			}
			(*p)[*n].van = datum_dag(dl, nl, PG_INT64_MIN);
			(*p)[*n].tot = datum_dag(du, nu, PG_INT64_MAX);
			(*n)++;
		}
		s->i++;
	}
}

static int
periode_cmp(const void *a, const void *b)
{
	int64		x = ((const KPeriode *) a)->van;
	int64		y = ((const KPeriode *) b)->van;

	return (x > y) - (x < y);
}

/* does the union of p[0..n) cover [lo, hi)? */
static bool
gedekt(KPeriode *p, int n, int64 lo, int64 hi)
{
	int64		tot = lo;

	if (n > 1)
		qsort(p, n, sizeof(KPeriode), periode_cmp);
	for (int k = 0; k < n; k++)
	{
		if (p[k].van > tot)
			return false;
		if (p[k].tot > tot)
			tot = p[k].tot;
		if (tot >= hi)
			return true;
	}
	return tot >= hi;
}

/*
 * verzuim.absoluut_kandidaten(binnen daterange, peildatum date) RETURNS SETOF bigint
 */
Datum
verzuim_absoluut_kandidaten(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	RangeType  *binnen;
	TypeCacheEntry *typcache;
	RangeBound	ondergrens,
				bovengrens;
	bool		leeg;
	DateADT		peildatum;
	int64		b_lo,
				b_hi,
				w_lo,
				w_hi;
	KStroom		leerling,
				inschrijving,
				vrijstelling;
	Oid			types[2] = {DATEOID, DATEOID};
	Datum		values[2];
	KPeriode   *perioden;
	int			n_max = 8;
	MemoryContext pupil_cxt,
				oud;

	TupleDesc	tupdesc;
	Tuplestorestate *store;

	/* materialize mode, set up by hand (InitMaterializedSRF is 15+) */
	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		(rsinfo->allowedModes & SFRM_Materialize) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("absoluut_kandidaten: set-valued function called in a context that cannot accept a set")));
	oud = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	tupdesc = CreateTemplateTupleDesc(1);
	TupleDescInitEntry(tupdesc, (AttrNumber) 1, "leerling_id", INT8OID, -1, 0);
	store = tuplestore_begin_heap((rsinfo->allowedModes & SFRM_Materialize_Random) != 0, false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = store;
	rsinfo->setDesc = tupdesc;
	MemoryContextSwitchTo(oud);

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		return (Datum) 0;
	binnen = PG_GETARG_RANGE_P(0);
	peildatum = PG_GETARG_DATEADT(1);
	if (DATE_NOT_FINITE(peildatum))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("peildatum must be a finite date"),
				 errhint("Use a real calendar date instead of infinity or -infinity.")));
	typcache = range_get_typcache(fcinfo, RangeTypeGetOid(binnen));
	range_deserialize(typcache, binnen, &ondergrens, &bovengrens, &leeg);
	if (leeg)
		return (Datum) 0;
	b_lo = ondergrens.infinite ? PG_INT64_MIN : datum_dag(ondergrens.val, false, 0);
	b_hi = bovengrens.infinite ? PG_INT64_MAX : datum_dag(bovengrens.val, false, 0);

	/* the period the windows lie in: [min(lower(binnen), peildatum), min(upper(binnen), peildatum + 1)) */
	w_lo = Min(b_lo, (int64) peildatum);
	w_hi = Min(b_hi, (int64) peildatum + 1);
	if (w_lo >= w_hi)
		return (Datum) 0;

	/* the bounds as dates for the queries: w_lo may be -infinity, w_hi is finite */
	values[0] = DateADTGetDatum(w_lo == PG_INT64_MIN ? DATEVAL_NOBEGIN : (DateADT) w_lo);
	values[1] = DateADTGetDatum((DateADT) w_hi);

	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("absoluut_kandidaten: SPI_connect failed")));

	/* birth dates before 1964-07-01: leerplicht before the school calendar (as absoluut_verzuim) */
	stroom_open(&leerling,
				"SELECT l.leerling_id, l.geboortedatum FROM verzuim.leerling l "
				"WHERE l.geboortedatum OPERATOR(pg_catalog.>=) '1964-07-01'::pg_catalog.date "
				"ORDER BY l.leerling_id",
				0, NULL, NULL);
	stroom_open(&inschrijving,
				"SELECT i.leerling_id, pg_catalog.lower(i.periode), pg_catalog.upper(i.periode) "
				"FROM verzuim.inschrijving i "
				"WHERE i.periode OPERATOR(pg_catalog.&&) pg_catalog.daterange($1, $2) "
				"ORDER BY i.leerling_id",
				2, types, values);
	stroom_open(&vrijstelling,
				"SELECT v.leerling_id, pg_catalog.lower(v.periode), pg_catalog.upper(v.periode) "
				"FROM verzuim.vrijstelling v "
				"WHERE v.periode OPERATOR(pg_catalog.&&) pg_catalog.daterange($1, $2) "
				"ORDER BY v.leerling_id",
				2, types, values);

	pupil_cxt = AllocSetContextCreate(CurrentMemoryContext, "absoluut_kandidaten",
									  ALLOCSET_SMALL_SIZES);
	oud = MemoryContextSwitchTo(pupil_cxt);
	perioden = palloc_array(KPeriode, n_max);
	MemoryContextSwitchTo(oud);

	while (stroom_rij(&leerling))
	{
		bool		id_null,
					isnull;
		int64		id = DatumGetInt64(stroom_kolom(&leerling, 1, &id_null));
		Datum		d = stroom_kolom(&leerling, 2, &isnull);
		int64		geb,
					lo,
					hi;
		int			n = 0;

		leerling.i++;
		if (isnull || id_null)
			continue;			/* no window (NOT NULL columns; as the SQL filter) */
		geb = datum_dag(d, false, 0);
		if (geb == PG_INT64_MAX)
			continue;
		lo = Max(w_lo, geb + PLICHT_VAN_DAGEN);
		hi = Min(w_hi, geb + PLICHT_TOT_DAGEN);
		if (lo >= hi)
			continue;

		oud = MemoryContextSwitchTo(pupil_cxt);
		stroom_verzamel(&inschrijving, id, &perioden, &n, &n_max);
		stroom_verzamel(&vrijstelling, id, &perioden, &n, &n_max);
		MemoryContextSwitchTo(oud);

		if (!gedekt(perioden, n, lo, hi))
		{
			Datum		uit = Int64GetDatum(id);
			bool		uit_null = false;

			tuplestore_putvalues(store, tupdesc, &uit, &uit_null);
		}
	}

	SPI_cursor_close(leerling.portal);
	SPI_cursor_close(inschrijving.portal);
	SPI_cursor_close(vrijstelling.portal);
	SPI_finish();
	return (Datum) 0;
}
