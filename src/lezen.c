/*
 * lezen.c — reading registration tables from C, shared by the functions that
 * make one pass over whole tables (kandidaten.c, kwaliteit.c).
 *
 * verzuim_lees runs one read-only query through SPI (as the caller: row level
 * security applies) into a DestReceiver that hands every row to a callback
 * as it comes out of the scan: no tuple is copied, no SPI tuple table is
 * built, nothing is sorted.  verzuim_periode reads a stored daterange in
 * place.  The caller has done SPI_connect.  VerzuimArena holds the large
 * arrays such a pass fills (see lezen.h).
 */
#include "verzuim.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "tcop/dest.h"
#include "utils/memutils.h"

#include "lezen.h"

#include <sys/mman.h>

typedef struct LeesDest
{
	DestReceiver pub;
	VerzuimRij	rij;
	void	   *arg;
	MemoryContext werk;
	uint64		n;
} LeesDest;

static bool
lees_receive(TupleTableSlot *slot, DestReceiver *self)
{
	LeesDest   *d = (LeesDest *) self;
	MemoryContext oud = NULL;

	if ((++d->n & 0xFFFF) == 0)
		CHECK_FOR_INTERRUPTS();
	if (d->werk)
		oud = MemoryContextSwitchTo(d->werk);
	d->rij(d->arg, slot);
	if (d->werk)
		MemoryContextSwitchTo(oud);
	return true;
}

static void
lees_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
}

static void
lees_shutdown(DestReceiver *self)
{
}

static void
lees_destroy(DestReceiver *self)
{
}

void
verzuim_lees(const char *wie, const char *sql, int nargs, const Oid *types, const Datum *args,
			 MemoryContext werk, VerzuimRij rij, void *arg)
{
	LeesDest	d;
	SPIExecuteOptions opt;
	int			ret;

	memset(&d, 0, sizeof(d));
	d.pub.receiveSlot = lees_receive;
	d.pub.rStartup = lees_startup;
	d.pub.rShutdown = lees_shutdown;
	d.pub.rDestroy = lees_destroy;
	d.pub.mydest = DestNone;
	d.rij = rij;
	d.arg = arg;
	d.werk = werk;
	memset(&opt, 0, sizeof(opt));
	if (nargs > 0)
	{
		ParamListInfo params = makeParamList(nargs);

		for (int k = 0; k < nargs; k++)
		{
			params->params[k].value = args[k];
			params->params[k].isnull = false;
			params->params[k].pflags = PARAM_FLAG_CONST;
			params->params[k].ptype = types[k];
		}
		opt.params = params;
	}
	opt.read_only = true;
	opt.dest = (DestReceiver *) &d;
	ret = SPI_execute_extended(sql, &opt);
	/* a SELECT into a DestReceiver other than SPI's own reports SPI_OK_UTILITY */
	if (ret != SPI_OK_SELECT && ret != SPI_OK_UTILITY)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("%s: reading a registration table failed (SPI code %d)", wie, ret)));
}

/*
 * A stored daterange as [lo, hi); hi = VERZUIM_ONEINDIG when unbounded above,
 * lo = DATEVAL_NOBEGIN when unbounded below, lo = hi = 0 when empty.  The
 * usual value is a short (1-byte header) inline varlena: its bytes are read in
 * place (range type oid, the bounds present, the flags in the last byte; see
 * rangetypes.c), without a palloc'd copy; anything else goes through
 * range_deserialize.
 */
void
verzuim_periode(Datum d, DateADT *lo, DateADT *hi)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	RangeType  *r;
	RangeBound	l,
				u;
	bool		leeg;

	if (VARATT_IS_SHORT(v))
	{
		const char *p = VARDATA_SHORT(v) + sizeof(Oid);
		Size		n = VARSIZE_SHORT(v) - VARHDRSZ_SHORT;
		char		flags = VARDATA_SHORT(v)[n - 1];
		int32		x;

		if (flags & RANGE_EMPTY)
		{
			*lo = *hi = 0;
			return;
		}
		if (!(flags & (RANGE_LB_INF | RANGE_LB_NULL)))
		{
			memcpy(&x, p, sizeof(int32));
			p += sizeof(int32);
			*lo = (flags & RANGE_LB_INC) ? x : x + 1;
		}
		else
			*lo = DATEVAL_NOBEGIN;
		if (!(flags & (RANGE_UB_INF | RANGE_UB_NULL)))
		{
			memcpy(&x, p, sizeof(int32));
			*hi = (flags & RANGE_UB_INC) ? x + 1 : x;
		}
		else
			*hi = VERZUIM_ONEINDIG;
		return;
	}
	r = DatumGetRangeTypeP(d);
	range_deserialize(verzuim_daterange_typcache(), r, &l, &u, &leeg);
	if (leeg)
	{
		*lo = *hi = 0;
		return;
	}
	*lo = l.infinite ? DATEVAL_NOBEGIN : DatumGetDateADT(l.val) + (l.inclusive ? 0 : 1);
	*hi = u.infinite ? VERZUIM_ONEINDIG : DatumGetDateADT(u.val) + (u.inclusive ? 1 : 0);
}

/* [lo, hi) as a daterange: lo = DATEVAL_NOBEGIN, hi = VERZUIM_ONEINDIG unbounded; lo < hi */
Datum
verzuim_periode_range(DateADT lo, DateADT hi)
{
	TypeCacheEntry *tc = verzuim_daterange_typcache();
	RangeBound	l,
				u;

	l.val = DateADTGetDatum(lo == DATEVAL_NOBEGIN ? 0 : lo);
	l.infinite = (lo == DATEVAL_NOBEGIN);
	l.inclusive = true;
	l.lower = true;
	u.val = DateADTGetDatum(hi == VERZUIM_ONEINDIG ? 0 : hi);
	u.infinite = (hi == VERZUIM_ONEINDIG);
	u.inclusive = false;
	u.lower = false;
#if PG_VERSION_NUM >= 160000
	return RangeTypePGetDatum(make_range(tc, &l, &u, false, NULL));
#else
	return RangeTypePGetDatum(make_range(tc, &l, &u, false));
#endif
}

/* --- the arena of large arrays ------------------------------------------- */

#define ARENA_HUGE ((Size) 2 * 1024 * 1024)

static void
arena_los(void *arg)
{
	VerzuimArena *a = (VerzuimArena *) arg;

	if (a->basis)
		munmap(a->basis, a->grootte);
	a->basis = NULL;
}

void
verzuim_arena_maak(VerzuimArena *a, MemoryContext cxt, Size grootte)
{
#if defined(MAP_ANONYMOUS)
	void	   *m;

	Assert(a->basis == NULL);
	grootte = TYPEALIGN(ARENA_HUGE, grootte);
	if (grootte < 2 * ARENA_HUGE)
		return;					/* small: palloc does as well */
	m = mmap(NULL, grootte, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return;
#if defined(MADV_HUGEPAGE)
	(void) madvise(m, grootte, MADV_HUGEPAGE);
#endif
	a->basis = m;
	a->grootte = grootte;
	a->gebruikt = 0;
	a->vrij.func = arena_los;
	a->vrij.arg = a;
	MemoryContextRegisterResetCallback(cxt, &a->vrij);
#endif
}

void *
verzuim_arena_alloc(VerzuimArena *a, MemoryContext cxt, Size n)
{
	n = MAXALIGN(Max(n, 1));
	if (a->basis && a->grootte - a->gebruikt >= n)
	{
		void	   *r = a->basis + a->gebruikt;

		a->gebruikt += n;
		return r;
	}
	return MemoryContextAllocHuge(cxt, n);
}

/* zeroed: a fresh mapping is (its pages untouched until used), palloc'd memory is cleared */
void *
verzuim_arena_alloc0(VerzuimArena *a, MemoryContext cxt, Size n)
{
	n = MAXALIGN(Max(n, 1));
	if (a->basis && a->grootte - a->gebruikt >= n)
		return verzuim_arena_alloc(a, cxt, n);
	return memset(MemoryContextAllocHuge(cxt, n), 0, n);
}

static inline bool
arena_bevat(VerzuimArena *a, void *p)
{
	return a->basis && (char *) p >= a->basis && (char *) p < a->basis + a->grootte;
}

void *
verzuim_arena_vergroot(VerzuimArena *a, MemoryContext cxt, void *p, Size oud, Size nieuw)
{
	void	   *r;

	if (p == NULL)
		return verzuim_arena_alloc(a, cxt, nieuw);
	if (!arena_bevat(a, p))
		return repalloc_huge(p, nieuw);
	r = MemoryContextAllocHuge(cxt, nieuw);
	memcpy(r, p, oud);
	return r;
}

void
verzuim_arena_vrij(VerzuimArena *a, void *p)
{
	if (p && !arena_bevat(a, p))
		pfree(p);
}
