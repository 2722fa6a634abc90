/*
 * kandidaten.c — the pupils that can have an absoluut verzuim episode in a
 * period (verzuim.absoluut_kandidaten, src/sql/47_absoluut_kandidaten.sql).
 *
 * verzuim.absoluut_verzuim_in(binnen, peildatum) computes the episodes of the
 * pupils this function returns only.  For every pupil it takes the window of
 * days an episode overlapping binnen must touch,
 *
 *     lo = max(min(lower(binnen), peildatum), geboortedatum + 1826)
 *     hi = min(upper(binnen), peildatum + 1, geboortedatum + 6600,
 *              max(startkwalificatie_op, geboortedatum + 6230))
 *
 * (a day in binnen, or the peildatum for an episode still open then, in plicht:
 * from on or after the 5th birthday to before the 19th, and once a
 * startkwalificatie is known, before the later of that day and the end of
 * volledige leerplicht — the end of the schooljaar in which the pupil turns
 * 16, at most 16 * 366 + 366 = 6222 days after the birth; see
 * verzuim.plicht_grenzen: einde = max(end of leerplicht, min(18th birthday,
 * startkwalificatie_op))), and returns the pupil unless the UNION of its
 * inschrijvingen and vrijstellingen covers [lo, hi): a day covered by either
 * is no day of absoluut verzuim.  This is a superset of the pupils with such
 * an episode; the SQL of absoluut_verzuim_in then does the exact work for
 * them, from what this function returns with each (the pupil's columns of
 * leerling and the unions of its inschrijvingen and of its vrijstellingen), so
 * that it reads only their verblijf rows again.
 *
 * The tables are read in whatever order their scans give (no sort, no index
 * scan): the rows come out of each SPI query into a DestReceiver without
 * being copied (lezen.c).  leerling gives the pupils with a non-empty window;
 * their inschrijving and vrijstelling rows that begin on or before the
 * peildatum (those the exact SQL reads; every row that can cover part of a
 * window is among them) are kept as (pupil, lo, hi), grouped per pupil by a
 * counting sort, and each pupil's union is checked against its window.  The
 * queries run as the caller (row level security applies, as it does to the
 * exact SQL) and name every object and operator with its schema.
 *
 * Memory: 40 bytes per pupil with a window, 12 per row kept (twice, while
 * grouping), and a 4-byte index per leerling_id value when the ids are dense,
 * in one arena of huge pages (lezen.c); at national scale about 250 MB,
 * released at the end (also on error: one memory context).  Not bounded by
 * work_mem.
 */
#include "verzuim.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "access/tupdesc.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"
#include "utils/multirangetypes.h"
#include "common/hashfn.h"

#include "lezen.h"

PG_FUNCTION_INFO_V1(verzuim_absoluut_kandidaten);

/* geboortedatum + 1826 <= the 5th birthday; + 6600 >= the 19th (see 48_absoluut_verzuim_in.sql) */
#define PLICHT_VAN_DAGEN 1826
#define PLICHT_TOT_DAGEN 6600
/* geboortedatum + 6230 >= the end of volledige leerplicht (1 August after the 16th birthday) */
#define LEERPLICHT_TOT_DAGEN 6230

/* NULL of a stored date column whose check keeps it below infinity */
#define GEEN_DAG PG_INT32_MAX

typedef struct KLeerling
{
	int64		id;
	int32		lo;				/* window [lo, hi) */
	int32		hi;
	int32		off;			/* first of its rows, after grouping */
	int32		n;				/* its rows */
	DateADT		geb;			/* the columns the exact SQL needs */
	DateADT		sk;				/* GEEN_DAG: NULL */
	DateADT		ei;				/* GEEN_DAG: NULL */
	int32		gem;			/* woongemeente, index into KState.gem */
} KLeerling;

typedef struct KRij
{
	int32		p;				/* index into the pupils; -(index + 1) for a vrijstelling */
	int32		lo;				/* period [lo, hi) */
	int32		hi;
} KRij;

/* the woongemeenten, each name kept once (a few hundred) */
typedef struct KGemeenten
{
	text	  **naam;
	uint32	   *hash;
	int32		n;
	int32		cap;
	int32	   *slot;			/* open addressing: index + 1, 0 empty */
	int32		nslot;			/* a power of 2, more than twice n */
} KGemeenten;

typedef struct KState
{
	MemoryContext cxt;
	VerzuimArena arena;			/* the large arrays (lezen.c) */
	int64		w_lo;			/* the period the windows lie in */
	int64		w_hi;

	KLeerling  *ll;
	int32		nll;
	int64		capll;
	bool		gesorteerd;		/* ll in ascending id order as read */
	int64		min_id;
	int64		max_id;

	int32	   *dicht;			/* id -> index + 1 when the ids are dense */
	int64		ndicht;
	int32		laatste;		/* index of the last pupil found */

	KRij	   *rij;
	int64		nrij;
	int64		caprij;
	DateADT		peildatum;

	KGemeenten	gem;
} KState;

/* a date as int64: -infinity / infinity as far out */
static inline int64
k_dag(Datum d)
{
	DateADT		dag = DatumGetDateADT(d);

	if (DATE_IS_NOBEGIN(dag))
		return PG_INT64_MIN;
	if (DATE_IS_NOEND(dag))
		return PG_INT64_MAX;
	return (int64) dag;
}

/* an int64 day as int32, the far ends kept apart from every finite date */
static inline int32
k_dag32(int64 x)
{
	if (x <= (int64) PG_INT32_MIN)
		return PG_INT32_MIN;
	if (x >= (int64) PG_INT32_MAX)
		return PG_INT32_MAX;
	return (int32) x;
}

/* pg_class.reltuples of a table (0 when never analyzed) */
static int64
k_rijen_verwacht(const char *tabel)
{
	Oid			types[1] = {TEXTOID};
	Datum		args[1];
	bool		isnull;
	int64		n = 0;

	args[0] = CStringGetTextDatum(tabel);
	if (SPI_execute_with_args("SELECT c.reltuples "
							  "FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) $1::pg_catalog.regclass",
							  1, types, args, NULL, true, 1) == SPI_OK_SELECT && SPI_processed == 1)
	{
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull && DatumGetFloat4(d) > 0)
			n = (int64) Min(DatumGetFloat4(d), (float4) PG_INT32_MAX);
	}
	if (SPI_tuptable)
		SPI_freetuptable(SPI_tuptable);
	return Min(Max(n, 0), (int64) PG_INT32_MAX);
}

/*
 * Double the room of an array of rows of grootte bytes (*cap of them) in the
 * arena; wat names the rows in the error at the limit (indexes are int32).
 */
static void *
k_groei(KState *st, void *p, int64 *cap, Size grootte, const char *wat)
{
	int64		nieuw = *cap == 0 ? 65536 : *cap * 2;

	if (*cap >= PG_INT32_MAX / 2)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("absoluut_kandidaten: too many %s", wat),
				 errhint("At most %d %s can be read at once.", PG_INT32_MAX / 2, wat)));
	p = verzuim_arena_vergroot(&st->arena, st->cxt, p, grootte * (Size) *cap, grootte * (Size) nieuw);
	*cap = nieuw;
	return p;
}

/* the index of a woongemeente, added when new */
static int32
k_gemeente(KState *st, Datum d)
{
	KGemeenten *g = &st->gem;
	text	   *t = (text *) PG_DETOAST_DATUM_PACKED(d);
	const char *b = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	uint32		h = hash_bytes((const unsigned char *) b, len);
	int32		i = h & (g->nslot - 1);

	for (;;)
	{
		int32		k = g->slot[i] - 1;

		if (k < 0)
			break;
		if (g->hash[k] == h && VARSIZE_ANY_EXHDR(g->naam[k]) == len &&
			memcmp(VARDATA_ANY(g->naam[k]), b, len) == 0)
			return k;
		i = (i + 1) & (g->nslot - 1);
	}
	if (g->n == g->cap)
	{
		g->cap *= 2;
		g->naam = repalloc_array(g->naam, text *, g->cap);
		g->hash = repalloc_array(g->hash, uint32, g->cap);
	}
	g->naam[g->n] = (text *) MemoryContextAlloc(st->cxt, VARHDRSZ + len);
	SET_VARSIZE(g->naam[g->n], VARHDRSZ + len);
	memcpy(VARDATA(g->naam[g->n]), b, len);
	g->hash[g->n] = h;
	g->slot[i] = g->n + 1;
	g->n++;
	if (g->n * 2 >= g->nslot)
	{
		/* grow the slots and put every name back */
		g->nslot *= 2;
		g->slot = MemoryContextAllocZero(st->cxt, sizeof(int32) * g->nslot);
		for (int32 k = 0; k < g->n; k++)
		{
			int32		j = g->hash[k] & (g->nslot - 1);

			while (g->slot[j] != 0)
				j = (j + 1) & (g->nslot - 1);
			g->slot[j] = k + 1;
		}
	}
	return g->n - 1;
}

/* leerling: leerling_id, geboortedatum, startkwalificatie_op, eerste_inschrijving, woongemeente */
static void
k_rij_leerling(void *arg, TupleTableSlot *slot)
{
	KState	   *st = (KState *) arg;
	int64		id,
				geb,
				lo,
				hi;
	KLeerling  *p;

	slot_getsomeattrs(slot, 5);
	if (slot->tts_isnull[0] || slot->tts_isnull[1] || slot->tts_isnull[4])
		return;					/* no window (NOT NULL columns; as the SQL filter) */
	id = DatumGetInt64(slot->tts_values[0]);
	geb = k_dag(slot->tts_values[1]);
	if (geb == PG_INT64_MIN || geb == PG_INT64_MAX)
		return;
	lo = Max(st->w_lo, geb + PLICHT_VAN_DAGEN);
	hi = Min(st->w_hi, geb + PLICHT_TOT_DAGEN);
	if (!slot->tts_isnull[2])
	{
		/* plicht ends before max(end of leerplicht, startkwalificatie_op) */
		int64		sk = k_dag(slot->tts_values[2]);

		hi = Min(hi, Max(sk, geb + LEERPLICHT_TOT_DAGEN));
	}
	if (lo >= hi)
		return;

	if (st->nll == st->capll)
		st->ll = k_groei(st, st->ll, &st->capll, sizeof(KLeerling), "pupils");
	if (st->nll > 0 && id <= st->ll[st->nll - 1].id)
		st->gesorteerd = false;
	p = &st->ll[st->nll++];
	p->id = id;
	p->lo = k_dag32(lo);
	p->hi = k_dag32(hi);
	p->off = 0;
	p->n = 0;
	p->geb = (DateADT) geb;
	p->sk = slot->tts_isnull[2] ? GEEN_DAG : DatumGetDateADT(slot->tts_values[2]);
	p->ei = slot->tts_isnull[3] ? GEEN_DAG : DatumGetDateADT(slot->tts_values[3]);
	p->gem = k_gemeente(st, slot->tts_values[4]);
	if (id < st->min_id)
		st->min_id = id;
	if (id > st->max_id)
		st->max_id = id;
}

static int
k_leerling_cmp(const void *a, const void *b)
{
	int64		x = ((const KLeerling *) a)->id;
	int64		y = ((const KLeerling *) b)->id;

	return (x > y) - (x < y);
}

/* the index of pupil id, or -1 */
static inline int32
k_zoek(KState *st, int64 id)
{
	int32		a,
				b;

	if (st->dicht)
	{
		if (id < 0 || id >= st->ndicht)
			return -1;
		return st->dicht[id] - 1;
	}
	/* rows of one pupil tend to come together, and in id order */
	if (st->laatste < st->nll && st->ll[st->laatste].id == id)
		return st->laatste;
	if (st->laatste + 1 < st->nll && st->ll[st->laatste + 1].id == id)
		return ++st->laatste;
	a = 0;
	b = st->nll - 1;
	while (a <= b)
	{
		int32		m = a + (b - a) / 2;

		if (st->ll[m].id < id)
			a = m + 1;
		else if (st->ll[m].id > id)
			b = m - 1;
		else
			return st->laatste = m;
	}
	return -1;
}

/*
 * inschrijving, vrijstelling: leerling_id, periode; kept when the period is
 * not empty and begins on or before the peildatum (the rows the exact SQL
 * reads: every one that can cover part of a window is among them)
 */
static inline void
k_rij_periode(KState *st, TupleTableSlot *slot, bool vrijstelling)
{
	int32		p;
	DateADT		lo,
				hi;
	KRij	   *r;

	slot_getsomeattrs(slot, 2);
	if (slot->tts_isnull[0] || slot->tts_isnull[1])
		return;
	verzuim_periode(slot->tts_values[1], &lo, &hi);
	if (lo >= hi || lo > st->peildatum)
		return;
	p = k_zoek(st, DatumGetInt64(slot->tts_values[0]));
	if (p < 0)
		return;					/* no window: not a candidate anyway */
	if (st->nrij == st->caprij)
		st->rij = k_groei(st, st->rij, &st->caprij, sizeof(KRij), "enrolments and vrijstellingen");
	r = &st->rij[st->nrij++];
	r->p = vrijstelling ? -(p + 1) : p;
	r->lo = lo;
	r->hi = hi;
	st->ll[p].n++;
}

static void
k_rij_inschrijving(void *arg, TupleTableSlot *slot)
{
	k_rij_periode((KState *) arg, slot, false);
}

static void
k_rij_vrijstelling(void *arg, TupleTableSlot *slot)
{
	k_rij_periode((KState *) arg, slot, true);
}

/* the multirange of the rows of one table among r[0..n) */
static Datum
k_multirange(TypeCacheEntry *rngtyp, KRij *r, int32 n, bool vrijstelling)
{
	RangeType **ranges = palloc_array(RangeType *, Max(n, 1));
	int32		m = 0;

	for (int32 k = 0; k < n; k++)
		if ((r[k].p < 0) == vrijstelling)
			ranges[m++] = DatumGetRangeTypeP(verzuim_periode_range(r[k].lo, r[k].hi));
	return MultirangeTypePGetDatum(make_multirange(DATEMULTIRANGEOID, rngtyp, m, ranges));
}

static int
k_rij_cmp(const void *a, const void *b)
{
	int32		x = ((const KRij *) a)->lo;
	int32		y = ((const KRij *) b)->lo;

	return (x > y) - (x < y);
}

/* does the union of r[0..n) cover [lo, hi)?  sorts r on lo */
static bool
k_gedekt(KRij *r, int32 n, int32 lo, int32 hi)
{
	int32		tot = lo;

	if (n > 16)
		qsort(r, n, sizeof(KRij), k_rij_cmp);
	else
	{
		for (int32 i = 1; i < n; i++)
		{
			KRij		x = r[i];
			int32		j = i;

			while (j > 0 && r[j - 1].lo > x.lo)
			{
				r[j] = r[j - 1];
				j--;
			}
			r[j] = x;
		}
	}
	for (int32 k = 0; k < n; k++)
	{
		if (r[k].lo > tot)
			return false;
		if (r[k].hi > tot)
			tot = r[k].hi;
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
				b_hi;
	KState		st;
	KRij	   *gegroepeerd;
	MemoryContext oud;
	TupleDesc	tupdesc;
	Tuplestorestate *store;

	/* materialize mode, set up by hand (InitMaterializedSRF is 15+) */
	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		(rsinfo->allowedModes & SFRM_Materialize) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("absoluut_kandidaten: set-valued function called in a context that cannot accept a set")));
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE || tupdesc->natts != 7)
		verzuim_error_not_row_type();
	oud = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	tupdesc = CreateTupleDescCopy(tupdesc);
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

	memset(&st, 0, sizeof(st));	/* also the arena */
	st.peildatum = peildatum;
	b_lo = ondergrens.infinite ? PG_INT64_MIN : k_dag(ondergrens.val);
	b_hi = bovengrens.infinite ? PG_INT64_MAX : k_dag(bovengrens.val);

	/* the period the windows lie in: [min(lower(binnen), peildatum), min(upper(binnen), peildatum + 1)) */
	st.w_lo = Min(b_lo, (int64) peildatum);
	st.w_hi = Min(b_hi, (int64) peildatum + 1);
	if (st.w_lo >= st.w_hi)
		return (Datum) 0;

	st.cxt = AllocSetContextCreate(CurrentMemoryContext, "absoluut_kandidaten",
								   ALLOCSET_DEFAULT_SIZES);
	st.gesorteerd = true;
	st.gem.cap = 512;
	st.gem.naam = MemoryContextAlloc(st.cxt, sizeof(text *) * st.gem.cap);
	st.gem.hash = MemoryContextAlloc(st.cxt, sizeof(uint32) * st.gem.cap);
	st.gem.nslot = 2048;
	st.gem.slot = MemoryContextAllocZero(st.cxt, sizeof(int32) * st.gem.nslot);
	st.min_id = PG_INT64_MAX;
	st.max_id = PG_INT64_MIN;

	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("absoluut_kandidaten: SPI_connect failed")));

	/*
	 * room for every pupil and row the planner's statistics expect: memory
	 * is touched only as it is filled, and growing by copying costs more
	 */
	st.capll = Min(k_rijen_verwacht("verzuim.leerling") + 1024, PG_INT32_MAX / 2);
	st.caprij = Min(k_rijen_verwacht("verzuim.inschrijving") + k_rijen_verwacht("verzuim.vrijstelling") + 1024,
					PG_INT32_MAX / 2);
	/* the pupils, the dense index, the rows and their grouped copy */
	verzuim_arena_maak(&st.arena, st.cxt,
					   sizeof(KLeerling) * (Size) st.capll + sizeof(int32) * ((Size) st.capll * 4 + 1000000) +
					   sizeof(KRij) * (Size) st.caprij * 2 + 64 * 4);
	st.ll = verzuim_arena_alloc(&st.arena, st.cxt, sizeof(KLeerling) * (Size) st.capll);
	st.rij = verzuim_arena_alloc(&st.arena, st.cxt, sizeof(KRij) * (Size) st.caprij);

	/* birth dates before 1964-07-01: leerplicht before the school calendar (as absoluut_verzuim) */
	verzuim_lees("absoluut_kandidaten",
				 "SELECT l.leerling_id, l.geboortedatum, l.startkwalificatie_op, l.eerste_inschrijving, "
				 "l.woongemeente FROM verzuim.leerling l "
				 "WHERE l.geboortedatum OPERATOR(pg_catalog.>=) '1964-07-01'::pg_catalog.date",
				 0, NULL, NULL, NULL, k_rij_leerling, &st);
	if (st.nll == 0)
	{
		SPI_finish();
		MemoryContextDelete(st.cxt);
		return (Datum) 0;
	}
	if (!st.gesorteerd)
		qsort(st.ll, st.nll, sizeof(KLeerling), k_leerling_cmp);
	/* dense ids (the usual case) are found through an array, others by binary search */
	if (st.min_id >= 0 && st.max_id < (int64) st.nll * 4 + 1000000)
	{
		st.ndicht = st.max_id + 1;
		st.dicht = verzuim_arena_alloc0(&st.arena, st.cxt, sizeof(int32) * (Size) st.ndicht);
		for (int32 k = 0; k < st.nll; k++)
			st.dicht[st.ll[k].id] = k + 1;
	}

	verzuim_lees("absoluut_kandidaten", "SELECT i.leerling_id, i.periode FROM verzuim.inschrijving i",
				 0, NULL, NULL, NULL, k_rij_inschrijving, &st);
	verzuim_lees("absoluut_kandidaten", "SELECT v.leerling_id, v.periode FROM verzuim.vrijstelling v",
				 0, NULL, NULL, NULL, k_rij_vrijstelling, &st);
	SPI_finish();

	/* group the rows per pupil: a counting sort on the pupil index */
	{
		int64		off = 0;

		for (int32 k = 0; k < st.nll; k++)
		{
			st.ll[k].off = (int32) off;
			off += st.ll[k].n;
			st.ll[k].n = 0;
		}
		gegroepeerd = st.nrij > 0 ? verzuim_arena_alloc(&st.arena, st.cxt, sizeof(KRij) * (Size) st.nrij) : NULL;
		for (int64 r = 0; r < st.nrij; r++)
		{
			int32		i = st.rij[r].p;
			KLeerling  *p = &st.ll[i < 0 ? -i - 1 : i];

			gegroepeerd[p->off + p->n++] = st.rij[r];
		}
		verzuim_arena_vrij(&st.arena, st.rij);
		st.rij = NULL;
	}

	/* every pupil whose window is not covered, with what the exact SQL needs of it */
	{
		TypeCacheEntry *rngtyp = verzuim_daterange_typcache();
		MemoryContext rij_cxt = AllocSetContextCreate(st.cxt, "absoluut_kandidaten rij",
													  ALLOCSET_DEFAULT_SIZES);

		for (int32 k = 0; k < st.nll; k++)
		{
			KLeerling  *p = &st.ll[k];
			KRij	   *r = gegroepeerd ? gegroepeerd + p->off : NULL;
			Datum		v[7];
			bool		n[7] = {false, false, false, false, false, false, false};

			if ((k & 0xFFFF) == 0)
				CHECK_FOR_INTERRUPTS();
			if (k_gedekt(r, p->n, p->lo, p->hi))
				continue;
			oud = MemoryContextSwitchTo(rij_cxt);
			v[0] = Int64GetDatum(p->id);
			v[1] = DateADTGetDatum(p->geb);
			v[2] = DateADTGetDatum(p->sk);
			n[2] = (p->sk == GEEN_DAG);
			v[3] = DateADTGetDatum(p->ei);
			n[3] = (p->ei == GEEN_DAG);
			v[4] = PointerGetDatum(st.gem.naam[p->gem]);
			v[5] = k_multirange(rngtyp, r, p->n, false);
			v[6] = k_multirange(rngtyp, r, p->n, true);
			tuplestore_putvalues(store, tupdesc, v, n);
			MemoryContextSwitchTo(oud);
			MemoryContextReset(rij_cxt);
		}
	}
	MemoryContextDelete(st.cxt);
	return (Datum) 0;
}
