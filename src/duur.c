/*
 * duur.c — the two-step duration summary of verzuim episodes.
 *
 *   verzuim.duur_agg(episode daterange, peildatum date [, regio text])
 *        -> verzuim.duurverdeling          (exact, mergeable summary)
 *   accessors: aantal, aantal_lopend, gemiddelde, doorloopsnelheid,
 *              mediaan, percentiel, beperkt_gemiddelde, aandeel_langer_dan,
 *              peildatum, eenheid, verdeling
 *   verzuim.samenvoegen(duurverdeling) -> duurverdeling   (rollup)
 *   verzuim.doorloopsnelheid(episode daterange, peildatum date [, regio text])
 *        -> numeric                          (the ministry's naive mean)
 *
 * A summary holds, per distinct duration d (days, or lesdagen), the number
 * of episodes that were closed with duration d and the number that were
 * still open (right-censored) at the peildatum after d days.  Everything
 * the accessors report is computed from that table, so a summary is exact
 * and summaries of disjoint sets of episodes merge exactly.
 *
 * Three representations:
 *  - Duurverdeling: the flat varlena (stored, sent, printed).  Canonical:
 *    entries sorted by strictly increasing duration, no empty entries,
 *    totals consistent, padding zero, so equality is a byte comparison.
 *  - DuurState: the working form (aggregate state of duur_agg, and the body
 *    of the expanded object used by samenvoegen).  Durations below
 *    DUUR_DIRECT_MAX are counted in a directly indexed array (one increment
 *    per row, no hashing, no per-row allocation); longer ones go to an
 *    unsorted overflow list that is sorted and compacted when it fills up.
 *  - DuurExpanded: an expanded object around a DuurState, the transition
 *    value of samenvoegen (stype duurverdeling), merged in place so that a
 *    rollup over many summaries does no quadratic copying.
 *
 * Format version 2 (verzuim 0.2) records, for a summary in lesdagen, the
 * fingerprint of the school calendar each of its vakantieregio's was
 * counted with (VerzuimKalender.vingerafdruk: holidays and the calendar
 * settings), as regio=noord:1a2b3c4d+zuid:5e6f7a8b; samenvoegen refuses to
 * merge summaries whose shared regions were counted with different
 * calendars.  A summary without fingerprints (kalenderdagen, or lesdagen
 * made by 0.1) is still written in version 1, and version 1 is read (text,
 * binary, and the in-memory layout of values stored by 0.1).
 *
 * Text form (version 1), e.g.
 *   {v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=3;lopend=2;som=33;som_lopend=38;1:2/0,7:0/1,31:1/1}
 *   {v1;eenheid=lesdagen;regio=noord+zuid;peildatum=2024-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;}
 * The entries are duur:gesloten/lopend.  gesloten/lopend are the numbers of
 * closed / open episodes, som / som_lopend the sums of their durations.
 *
 * Binary form (send/recv, and the serialized aggregate state), version 1,
 * network byte order:
 *   uint8 versie=1, uint8 eenheid (0 kalenderdagen, 1 lesdagen),
 *   uint8 regios (bit 0 noord, 1 midden, 2 zuid; 0 for kalenderdagen),
 *   [version 2 only: uint32 kalender x 3, fingerprint per regio, 0 if unused]
 *   int32 peildatum (days since 2000-01-01), int64 gesloten, int64 lopend,
 *   int64 som, int64 som_lopend, int32 n, then n x (int32 duur,
 *   int64 gesloten, int64 lopend).
 */
#include "verzuim.h"

#include "catalog/pg_type_d.h"
#include "common/hashfn.h"
#include "common/int.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "parser/scansup.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/expandeddatum.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"

#include "instellingen.h"
#include "kalender.h"

#define DUUR_VERSIE			2	/* in memory; 1 is read (0.1 values) */
#define DUUR_VERSIE_1		1
#define DUUR_KALENDERDAGEN	0
#define DUUR_LESDAGEN		1

/* durations below this are counted in the direct array */
#define DUUR_DIRECT_MAX		4096
#define DUUR_DIRECT_MIN		64
#define DUUR_OVER_MIN		64

/* tolerance when comparing a Kaplan-Meier S(t) with 1 - p */
#define DUUR_KM_TOL			1e-9

typedef struct DuurEntry
{
	int32		duur;
	int32		pad;			/* always 0 */
	int64		gesloten;		/* episodes closed after duur days */
	int64		lopend;			/* episodes open at the peildatum after duur days */
} DuurEntry;

typedef struct Duurverdeling
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		versie;
	uint8		eenheid;
	uint8		regios;
	uint8		pad;			/* always 0 */
	DateADT		peildatum;
	int32		n;				/* number of entries */
	/* calendar fingerprint per regio in regios (lesdagen; 0 = unknown, a
	 * version 1 value); 0 for regions not in regios */
	uint32		kalender[REGIO_AANTAL];
	int32		pad2;			/* always 0 */
	int64		gesloten;		/* sum of e[].gesloten */
	int64		lopend;			/* sum of e[].lopend */
	int64		som;			/* sum of duur * gesloten */
	int64		som_lopend;		/* sum of duur * lopend */
	DuurEntry	e[FLEXIBLE_ARRAY_MEMBER];
} Duurverdeling;

#define DUUR_KOP			offsetof(Duurverdeling, e)
/* the in-memory layout of format version 1 (0.1): no kalender, pad2 */
#define DUUR_KOP_1			(DUUR_KOP - (Size) (REGIO_AANTAL + 1) * sizeof(uint32))
#define DUUR_GROOTTE_1(n)	(DUUR_KOP_1 + (Size) (n) * sizeof(DuurEntry))
#define DUUR_GROOTTE(n)		(DUUR_KOP + (Size) (n) * sizeof(DuurEntry))
#define DUUR_MAX_N			((int32) ((MaxAllocSize - DUUR_KOP) / sizeof(DuurEntry)))
/* bytes of one entry on the wire */
#define DUUR_WIRE_ENTRY		20

/* per-aggregate cache of the lesdagen variant (only in duur_agg states) */
typedef struct DuurLesCache
{
	VerzuimRegioCache regio;	/* the last regio argument */
	bool		gecontroleerd[REGIO_AANTAL];
	DateADT		van[REGIO_AANTAL];	/* span already checked against the */
	DateADT		tot[REGIO_AANTAL];	/* incomplete-calendar policy */
} DuurLesCache;

typedef struct DuurState
{
	MemoryContext cxt;			/* where direct[] and over[] live */
	DateADT		peildatum;
	uint8		eenheid;
	uint8		regios;
	uint32		kalender[REGIO_AANTAL]; /* fingerprints, see Duurverdeling */
	int32		ncap;			/* direct[] covers durations [0, ncap) */
	uint32	   *direct;			/* [2d] closed, [2d+1] open; a count that
								 * would pass UINT32_MAX goes to over[] */
	int32		nover;			/* used entries of over[] */
	int32		overcap;		/* allocated entries of over[]; 0 = read-only view */
	DuurEntry  *over;			/* durations not in direct[], unsorted */
	DuurLesCache *les;			/* lesdagen variant only, else NULL */
} DuurState;

/* expanded object: the transition value of samenvoegen */
typedef struct DuurExpanded
{
	ExpandedObjectHeader hdr;
	DuurState	st;
	Duurverdeling *plat;		/* cached flat form, NULL when stale */
} DuurExpanded;

static const char *const duur_regio_namen[REGIO_AANTAL] = {"noord", "midden", "zuid"};

/* ------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------ */

static void
error_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("duurverdeling totals out of range"),
			 errhint("Split the episodes into smaller groups.")));
}

/*
 * Merge the calendar fingerprints of src into dst (regions as in regios).
 * Summaries in lesdagen merge only when every regio they share was counted
 * with the same calendar; a summary without fingerprints (format 1, made by
 * verzuim 0.1) merges only with others without.
 */
static void
duur_kalender_merge(uint8 dstregios, uint32 *dst, uint8 srcregios, const uint32 *src)
{
	bool		dst_onbekend = dstregios != 0 && dst[0] == 0 && dst[1] == 0 && dst[2] == 0;
	bool		src_onbekend = srcregios != 0 && src[0] == 0 && src[1] == 0 && src[2] == 0;

	if (dstregios != 0 && srcregios != 0 && dst_onbekend != src_onbekend)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge a duration summary in lesdagen without a recorded calendar with one that has it"),
				 errdetail("Summaries in lesdagen made by verzuim 0.1 (format v1) do not record the school calendar they were counted with."),
				 errhint("Compute the old summary again with duur_agg, or merge only old summaries with each other.")));
	for (int r = 0; r < REGIO_AANTAL; r++)
	{
		if (!(srcregios & (1 << r)))
			continue;
		if ((dstregios & (1 << r)) && dst[r] != src[r])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot merge duration summaries counted with different school calendars"),
					 errdetail("Regio %s: calendar %08x in one summary, %08x in the other.",
							   duur_regio_namen[r], dst[r], src[r]),
					 errhint("The servers that made them differ in verzuim.vakantie or in the settings goede_vrijdag_vrij "
							 "or bevrijdingsdag_vrij; give every server the same calendar (compare verzuim.instellingen()) "
							 "and pass the same instellingen.")));
		dst[r] = src[r];
	}
}

static void
duur_controleer_gelijk(uint8 eenheid1, DateADT peil1, uint8 eenheid2, DateADT peil2)
{
	if (eenheid1 != eenheid2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge duration summaries in different units"),
				 errdetail("One summary counts %s, the other %s.",
						   eenheid1 == DUUR_LESDAGEN ? "lesdagen" : "kalenderdagen",
						   eenheid2 == DUUR_LESDAGEN ? "lesdagen" : "kalenderdagen"),
				 errhint("Merge only summaries made by the same variant of duur_agg.")));
	if (peil1 != peil2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge duration summaries with different peildata"),
				 errdetail("One summary has peildatum %s, the other %s.",
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(peil1))),
						   DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(peil2)))),
				 errhint("Episodes open at one peildatum may be closed at another; "
						 "summarise all groups at the same peildatum.")));
}

/* ------------------------------------------------------------------------
 * DuurState: the working form
 * ------------------------------------------------------------------------ */

static void
duur_state_init(DuurState *st, MemoryContext cxt, DateADT peildatum, uint8 eenheid)
{
	memset(st, 0, sizeof(DuurState));
	st->cxt = cxt;
	st->peildatum = peildatum;
	st->eenheid = eenheid;
}

static DuurState *
duur_state_nieuw(MemoryContext cxt, DateADT peildatum, uint8 eenheid)
{
	DuurState  *st = (DuurState *) MemoryContextAlloc(cxt, sizeof(DuurState));

	duur_state_init(st, cxt, peildatum, eenheid);
	return st;
}

static int
duur_entry_cmp(const void *a, const void *b)
{
	int32		x = ((const DuurEntry *) a)->duur;
	int32		y = ((const DuurEntry *) b)->duur;

	return (x > y) - (x < y);
}

/* Sort entries[0..n) by duration and merge equal durations; returns new n. */
static int32
duur_entries_compact(DuurEntry *e, int32 n)
{
	int32		i,
				m = 0;

	if (n <= 1)
		return n;
	qsort(e, n, sizeof(DuurEntry), duur_entry_cmp);
	for (i = 1; i < n; i++)
	{
		if (e[i].duur == e[m].duur)
		{
			if (pg_add_s64_overflow(e[m].gesloten, e[i].gesloten, &e[m].gesloten) ||
				pg_add_s64_overflow(e[m].lopend, e[i].lopend, &e[m].lopend))
				error_out_of_range();
		}
		else
			e[++m] = e[i];
	}
	return m + 1;
}

/* Add (duur, gesloten, lopend) to the state; the general (slow) path. */
static void
duur_state_add(DuurState *st, int32 duur, int64 gesloten, int64 lopend)
{
	Assert(duur >= 0 && gesloten >= 0 && lopend >= 0);

	if (duur >= st->ncap && duur < DUUR_DIRECT_MAX)
	{
		/* grow the direct array to the next power of two covering duur */
		int32		cap = Max(st->ncap, DUUR_DIRECT_MIN);

		while (cap <= duur)
			cap *= 2;
		if (st->direct == NULL)
			st->direct = (uint32 *) MemoryContextAllocZero(st->cxt, sizeof(uint32) * 2 * cap);
		else
		{
			st->direct = (uint32 *) repalloc(st->direct, sizeof(uint32) * 2 * cap);
			memset(st->direct + 2 * st->ncap, 0, sizeof(uint32) * 2 * (cap - st->ncap));
		}
		st->ncap = cap;
	}

	if (duur < st->ncap)
	{
		uint64		g = (uint64) st->direct[2 * duur] + (uint64) gesloten;
		uint64		l = (uint64) st->direct[2 * duur + 1] + (uint64) lopend;

		if (g <= PG_UINT32_MAX && l <= PG_UINT32_MAX)
		{
			st->direct[2 * duur] = (uint32) g;
			st->direct[2 * duur + 1] = (uint32) l;
			return;
		}
		/* too large for the direct counters: keep these in over[] */
	}

	/* a long duration (or a huge count): the overflow list */
	Assert(st->overcap > 0 || st->over == NULL);
	if (st->nover >= st->overcap)
	{
		if (st->over == NULL)
		{
			st->overcap = DUUR_OVER_MIN;
			st->over = (DuurEntry *) MemoryContextAlloc(st->cxt, sizeof(DuurEntry) * st->overcap);
		}
		else
		{
			CHECK_FOR_INTERRUPTS();
			st->nover = duur_entries_compact(st->over, st->nover);
			if (st->nover > st->overcap / 2)
			{
				if (st->overcap >= DUUR_MAX_N / 2)
					ereport(ERROR,
							(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							 errmsg("too many distinct durations in a duurverdeling")));
				st->overcap *= 2;
				st->over = (DuurEntry *) repalloc(st->over, sizeof(DuurEntry) * st->overcap);
			}
		}
	}
	st->over[st->nover].duur = duur;
	st->over[st->nover].pad = 0;
	st->over[st->nover].gesloten = gesloten;
	st->over[st->nover].lopend = lopend;
	st->nover++;
}

/* one episode: the per-row fast path */
static inline void
duur_state_tel(DuurState *st, int32 duur, bool open)
{
	if (likely((uint32) duur < (uint32) st->ncap))
	{
		uint32	   *c = &st->direct[2 * duur + (open ? 1 : 0)];

		if (likely(*c < PG_UINT32_MAX))
		{
			(*c)++;
			return;
		}
	}
	duur_state_add(st, duur, open ? 0 : 1, open ? 1 : 0);
}

/* Add every entry of src to dst (units and peildata must match). */
static void
duur_state_merge(DuurState *dst, const DuurState *src)
{
	int32		d,
				i;

	duur_controleer_gelijk(dst->eenheid, dst->peildatum, src->eenheid, src->peildatum);
	duur_kalender_merge(dst->regios, dst->kalender, src->regios, src->kalender);
	dst->regios |= src->regios;
	for (d = 0; d < src->ncap; d++)
	{
		if (src->direct[2 * d] != 0 || src->direct[2 * d + 1] != 0)
			duur_state_add(dst, d, src->direct[2 * d], src->direct[2 * d + 1]);
	}
	for (i = 0; i < src->nover; i++)
		duur_state_add(dst, src->over[i].duur, src->over[i].gesloten, src->over[i].lopend);
}

static void
duur_state_add_plat(DuurState *dst, const Duurverdeling *x)
{
	int32		i;

	duur_controleer_gelijk(dst->eenheid, dst->peildatum, x->eenheid, x->peildatum);
	duur_kalender_merge(dst->regios, dst->kalender, x->regios, x->kalender);
	dst->regios |= x->regios;
	for (i = 0; i < x->n; i++)
		duur_state_add(dst, x->e[i].duur, x->e[i].gesloten, x->e[i].lopend);
}

/* A read-only state that views the entries of a flat value (no copy). */
static DuurState *
duur_state_view(const Duurverdeling *x)
{
	DuurState  *st = (DuurState *) palloc0(sizeof(DuurState));

	st->cxt = CurrentMemoryContext;
	st->peildatum = x->peildatum;
	st->eenheid = x->eenheid;
	st->regios = x->regios;
	memcpy(st->kalender, x->kalender, sizeof(st->kalender));
	st->nover = x->n;
	st->overcap = 0;
	st->over = (DuurEntry *) x->e;
	return st;
}

/*
 * A new summary with room for n entries and its header filled in; the
 * caller fills e[] and the four totals.
 */
static Duurverdeling *
duur_nieuw(int32 n, uint8 eenheid, uint8 regios, DateADT peildatum)
{
	Duurverdeling *x = (Duurverdeling *) palloc0(DUUR_GROOTTE(n));

	SET_VARSIZE(x, DUUR_GROOTTE(n));
	x->versie = DUUR_VERSIE;
	x->eenheid = eenheid;
	x->regios = regios;
	x->peildatum = peildatum;
	x->n = n;
	return x;
}

/*
 * The flat, canonical form of a state, palloc'd in the current context.
 * Does not modify the state.
 */
static Duurverdeling *
duur_state_plat(const DuurState *st)
{
	DuurEntry  *over = NULL;
	int32		nover = 0,
				n = 0,
				d,
				i,
				j;
	Duurverdeling *x;
	int64		gesloten = 0,
				lopend = 0,
				som = 0,
				som_lopend = 0;

	if (st->nover > 0)
	{
		over = (DuurEntry *) palloc(sizeof(DuurEntry) * st->nover);
		memcpy(over, st->over, sizeof(DuurEntry) * st->nover);
		nover = duur_entries_compact(over, st->nover);
	}

	/* count the entries of the merged list */
	j = 0;
	for (d = 0; d < st->ncap; d++)
	{
		if (st->direct[2 * d] == 0 && st->direct[2 * d + 1] == 0)
			continue;
		while (j < nover && over[j].duur < d)
		{
			n++;
			j++;
		}
		if (j < nover && over[j].duur == d)
			j++;
		n++;
	}
	n += nover - j;

	x = duur_nieuw(n, st->eenheid, st->regios, st->peildatum);
	memcpy(x->kalender, st->kalender, sizeof(x->kalender));

	/* merge direct[] and over[] */
	i = 0;
	j = 0;
	d = 0;
	for (;;)
	{
		DuurEntry  *e;

		while (d < st->ncap && st->direct[2 * d] == 0 && st->direct[2 * d + 1] == 0)
			d++;
		if (d >= st->ncap && j >= nover)
			break;
		e = &x->e[i++];
		if (j >= nover || (d < st->ncap && d < over[j].duur))
		{
			e->duur = d;
			e->gesloten = st->direct[2 * d];
			e->lopend = st->direct[2 * d + 1];
			d++;
		}
		else if (d >= st->ncap || over[j].duur < d)
		{
			*e = over[j++];
		}
		else
		{
			e->duur = d;
			e->gesloten = st->direct[2 * d];
			e->lopend = st->direct[2 * d + 1];
			if (pg_add_s64_overflow(e->gesloten, over[j].gesloten, &e->gesloten) ||
				pg_add_s64_overflow(e->lopend, over[j].lopend, &e->lopend))
				error_out_of_range();
			d++;
			j++;
		}
	}
	Assert(i == n);

	for (i = 0; i < n; i++)
	{
		const DuurEntry *e = &x->e[i];
		int64		t;

		if (pg_add_s64_overflow(gesloten, e->gesloten, &gesloten) ||
			pg_add_s64_overflow(lopend, e->lopend, &lopend) ||
			pg_mul_s64_overflow(e->duur, e->gesloten, &t) ||
			pg_add_s64_overflow(som, t, &som) ||
			pg_mul_s64_overflow(e->duur, e->lopend, &t) ||
			pg_add_s64_overflow(som_lopend, t, &som_lopend))
			error_out_of_range();
	}
	x->gesloten = gesloten;
	x->lopend = lopend;
	x->som = som;
	x->som_lopend = som_lopend;
	if (over)
		pfree(over);
	return x;
}

/* ------------------------------------------------------------------------
 * Validation of a flat value built from outside input
 * ------------------------------------------------------------------------ */

static void
duur_valideer(const Duurverdeling *x, int code)
{
	int32		i;
	int64		gesloten = 0,
				lopend = 0,
				som = 0,
				som_lopend = 0,
				t_alle;

	if (x->versie != DUUR_VERSIE)
		ereport(ERROR,
				(errcode(code),
				 errmsg("unsupported duurverdeling format version %d", x->versie),
				 errhint("This version of verzuim reads format version %d.", DUUR_VERSIE)));
	if (x->eenheid != DUUR_KALENDERDAGEN && x->eenheid != DUUR_LESDAGEN)
		ereport(ERROR,
				(errcode(code),
				 errmsg("invalid unit %d in duurverdeling", x->eenheid)));
	if (x->eenheid == DUUR_KALENDERDAGEN && x->regios != 0)
		ereport(ERROR,
				(errcode(code),
				 errmsg("a duurverdeling in kalenderdagen cannot name a vakantieregio")));
	if (x->regios >= (1 << REGIO_AANTAL))
		ereport(ERROR,
				(errcode(code),
				 errmsg("invalid vakantieregio set %d in duurverdeling", x->regios)));
	{
		bool		onbekend = x->kalender[0] == 0 && x->kalender[1] == 0 && x->kalender[2] == 0;

		for (int r = 0; r < REGIO_AANTAL; r++)
			if ((!(x->regios & (1 << r)) && x->kalender[r] != 0) ||
				((x->regios & (1 << r)) && !onbekend && x->kalender[r] == 0))
				ereport(ERROR,
						(errcode(code),
						 errmsg("calendar fingerprints of a duurverdeling must be given for exactly its vakantieregio's")));
	}
	if (DATE_NOT_FINITE(x->peildatum) || !IS_VALID_DATE(x->peildatum))
		ereport(ERROR,
				(errcode(code),
				 errmsg("peildatum of a duurverdeling must be a finite date")));
	if (x->n < 0 || x->n > DUUR_MAX_N)
		ereport(ERROR,
				(errcode(code),
				 errmsg("invalid number of entries %d in duurverdeling", x->n)));
	for (i = 0; i < x->n; i++)
	{
		const DuurEntry *e = &x->e[i];
		int64		t;

		if (e->duur < 0)
			ereport(ERROR,
					(errcode(code),
					 errmsg("negative duration %d in duurverdeling", e->duur)));
		if (i > 0 && e->duur <= x->e[i - 1].duur)
			ereport(ERROR,
					(errcode(code),
					 errmsg("durations in a duurverdeling must be strictly increasing"),
					 errdetail("Duration %d follows duration %d.", e->duur, x->e[i - 1].duur)));
		if (e->gesloten < 0 || e->lopend < 0)
			ereport(ERROR,
					(errcode(code),
					 errmsg("negative episode count for duration %d in duurverdeling", e->duur)));
		if (e->gesloten == 0 && e->lopend == 0)
			ereport(ERROR,
					(errcode(code),
					 errmsg("empty entry for duration %d in duurverdeling", e->duur),
					 errhint("Leave out durations without episodes.")));
		if (pg_add_s64_overflow(gesloten, e->gesloten, &gesloten) ||
			pg_add_s64_overflow(lopend, e->lopend, &lopend) ||
			pg_mul_s64_overflow(e->duur, e->gesloten, &t) ||
			pg_add_s64_overflow(som, t, &som) ||
			pg_mul_s64_overflow(e->duur, e->lopend, &t) ||
			pg_add_s64_overflow(som_lopend, t, &som_lopend))
			ereport(ERROR,
					(errcode(code),
					 errmsg("duurverdeling totals out of range")));
	}
	/* every accessor adds gesloten + lopend and som + som_lopend */
	if (pg_add_s64_overflow(gesloten, lopend, &t_alle) ||
		pg_add_s64_overflow(som, som_lopend, &t_alle))
		ereport(ERROR,
				(errcode(code),
				 errmsg("duurverdeling totals out of range"),
				 errdetail("gesloten + lopend or som + som_lopend exceeds the range of bigint.")));
	if (gesloten != x->gesloten || lopend != x->lopend ||
		som != x->som || som_lopend != x->som_lopend)
		ereport(ERROR,
				(errcode(code),
				 errmsg("inconsistent totals in duurverdeling"),
				 errdetail("The entries give gesloten=" INT64_FORMAT ", lopend=" INT64_FORMAT
						   ", som=" INT64_FORMAT ", som_lopend=" INT64_FORMAT ".",
						   gesloten, lopend, som, som_lopend)));
}

/*
 * Fetch a duurverdeling argument: detoasted (flattened if expanded), with a
 * cheap structural check so that a corrupt stored value cannot make us read
 * out of bounds.  Values were fully validated when they were read in.
 */
static Duurverdeling *
duur_arg(FunctionCallInfo fcinfo, int i)
{
	Duurverdeling *x = (Duurverdeling *) PG_DETOAST_DATUM(PG_GETARG_DATUM(i));

	int64		t;

	/* a value stored by verzuim 0.1: the layout without fingerprints */
	if (VARSIZE(x) >= DUUR_KOP_1 && x->versie == DUUR_VERSIE_1 && x->n >= 0 &&
		x->n <= DUUR_MAX_N && VARSIZE(x) == DUUR_GROOTTE_1(x->n))
	{
		Duurverdeling *y = duur_nieuw(x->n, x->eenheid, x->regios, x->peildatum);

		memcpy(&y->gesloten, (const char *) x + offsetof(Duurverdeling, kalender),
			   DUUR_GROOTTE_1(x->n) - offsetof(Duurverdeling, kalender));
		x = y;
	}
	if (VARSIZE(x) < DUUR_KOP || x->versie != DUUR_VERSIE || x->n < 0 ||
		x->n > DUUR_MAX_N || VARSIZE(x) != DUUR_GROOTTE(x->n) ||
		x->gesloten < 0 || x->lopend < 0 || x->som < 0 || x->som_lopend < 0 ||
		pg_add_s64_overflow(x->gesloten, x->lopend, &t) ||
		pg_add_s64_overflow(x->som, x->som_lopend, &t))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("corrupt duurverdeling value"),
				 errhint("Values are checked when they are read in; this one was changed on disk or built by hand.")));
	return x;
}

/* ------------------------------------------------------------------------
 * Binary form
 * ------------------------------------------------------------------------ */

static void
duur_stuur(StringInfo buf, const Duurverdeling *x)
{
	int32		i;
	bool		v2 = x->kalender[0] != 0 || x->kalender[1] != 0 || x->kalender[2] != 0;

	/* format 1 when there are no fingerprints, so 0.1 reads it */
	pq_sendbyte(buf, v2 ? DUUR_VERSIE : DUUR_VERSIE_1);
	pq_sendbyte(buf, x->eenheid);
	pq_sendbyte(buf, x->regios);
	if (v2)
		for (i = 0; i < REGIO_AANTAL; i++)
			pq_sendint32(buf, x->kalender[i]);
	pq_sendint32(buf, x->peildatum);
	pq_sendint64(buf, x->gesloten);
	pq_sendint64(buf, x->lopend);
	pq_sendint64(buf, x->som);
	pq_sendint64(buf, x->som_lopend);
	pq_sendint32(buf, x->n);
	for (i = 0; i < x->n; i++)
	{
		pq_sendint32(buf, x->e[i].duur);
		pq_sendint64(buf, x->e[i].gesloten);
		pq_sendint64(buf, x->e[i].lopend);
	}
}

static void
duur_genoeg(StringInfo buf, int nbytes)
{
	if (buf->len - buf->cursor < nbytes)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("truncated binary duurverdeling"),
				 errdetail("Expected %d more bytes at offset %d, found %d.",
						   nbytes, buf->cursor, buf->len - buf->cursor)));
}

/* Read and validate the binary form (consumes the whole buffer). */
static Duurverdeling *
duur_ontvang(StringInfo buf)
{
	uint8		versie,
				eenheid,
				regios;
	DateADT		peildatum;
	int64		gesloten,
				lopend,
				som,
				som_lopend;
	int32		n,
				i;
	uint32		kalender[REGIO_AANTAL] = {0, 0, 0};
	Duurverdeling *x;

	duur_genoeg(buf, 1);
	versie = (uint8) pq_getmsgbyte(buf);
	if (versie != DUUR_VERSIE && versie != DUUR_VERSIE_1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported duurverdeling format version %d", versie),
				 errhint("This version of verzuim reads format versions 1 and %d.", DUUR_VERSIE)));
	duur_genoeg(buf, 2 + 4 + 4 * 8 + 4);
	eenheid = (uint8) pq_getmsgbyte(buf);
	regios = (uint8) pq_getmsgbyte(buf);
	if (versie == DUUR_VERSIE)
	{
		duur_genoeg(buf, 4 * REGIO_AANTAL + 4 + 4 * 8 + 4);
		for (i = 0; i < REGIO_AANTAL; i++)
		{
			kalender[i] = (uint32) pq_getmsgint(buf, 4);
			if (kalender[i] == 0 && (regios & (1 << i)))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						 errmsg("a duurverdeling of format version 2 must give the calendar of each of its vakantieregio's")));
		}
	}
	peildatum = (DateADT) pq_getmsgint(buf, 4);
	gesloten = pq_getmsgint64(buf);
	lopend = pq_getmsgint64(buf);
	som = pq_getmsgint64(buf);
	som_lopend = pq_getmsgint64(buf);
	n = (int32) pq_getmsgint(buf, 4);
	if (n < 0 || n > DUUR_MAX_N)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid number of entries %d in duurverdeling", n)));
	/* check the length before allocating anything */
	duur_genoeg(buf, n * DUUR_WIRE_ENTRY);
	if (buf->len - buf->cursor != n * DUUR_WIRE_ENTRY)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("trailing garbage after binary duurverdeling"),
				 errdetail("%d bytes left over.", buf->len - buf->cursor - n * DUUR_WIRE_ENTRY)));

	x = duur_nieuw(n, eenheid, regios, peildatum);
	memcpy(x->kalender, kalender, sizeof(kalender));
	x->gesloten = gesloten;
	x->lopend = lopend;
	x->som = som;
	x->som_lopend = som_lopend;
	for (i = 0; i < n; i++)
	{
		x->e[i].duur = (int32) pq_getmsgint(buf, 4);
		x->e[i].gesloten = pq_getmsgint64(buf);
		x->e[i].lopend = pq_getmsgint64(buf);
	}
	duur_valideer(x, ERRCODE_INVALID_BINARY_REPRESENTATION);
	return x;
}

/* ------------------------------------------------------------------------
 * Text form
 * ------------------------------------------------------------------------ */

static void
duur_datum_tekst(StringInfo s, DateADT d)
{
	int			y,
				m,
				dd;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
	if (y > 0)
		appendStringInfo(s, "%04d-%02d-%02d", y, m, dd);
	else
		appendStringInfo(s, "%04d-%02d-%02d BC", 1 - y, m, dd);
}

static char *
duur_tekst(const Duurverdeling *x)
{
	StringInfoData s;
	int32		i;

	bool		v2 = x->kalender[0] != 0 || x->kalender[1] != 0 || x->kalender[2] != 0;

	initStringInfo(&s);
	/* format 1 when there are no fingerprints, so 0.1 reads it */
	appendStringInfo(&s, "{v%d;eenheid=%s;", v2 ? DUUR_VERSIE : DUUR_VERSIE_1,
					 x->eenheid == DUUR_LESDAGEN ? "lesdagen" : "kalenderdagen");
	if (x->eenheid == DUUR_LESDAGEN)
	{
		bool		eerste = true;

		appendStringInfoString(&s, "regio=");
		for (i = 0; i < REGIO_AANTAL; i++)
		{
			if (x->regios & (1 << i))
			{
				if (!eerste)
					appendStringInfoChar(&s, '+');
				appendStringInfoString(&s, duur_regio_namen[i]);
				if (v2)
					appendStringInfo(&s, ":%08x", x->kalender[i]);
				eerste = false;
			}
		}
		appendStringInfoChar(&s, ';');
	}
	appendStringInfoString(&s, "peildatum=");
	duur_datum_tekst(&s, x->peildatum);
	appendStringInfo(&s, ";gesloten=" INT64_FORMAT ";lopend=" INT64_FORMAT
					 ";som=" INT64_FORMAT ";som_lopend=" INT64_FORMAT ";",
					 x->gesloten, x->lopend, x->som, x->som_lopend);
	for (i = 0; i < x->n; i++)
		appendStringInfo(&s, "%s%d:" INT64_FORMAT "/" INT64_FORMAT,
						 i > 0 ? "," : "", x->e[i].duur, x->e[i].gesloten, x->e[i].lopend);
	appendStringInfoChar(&s, '}');
	return s.data;
}

typedef struct DuurLezer
{
	const char *invoer;
	const char *p;
} DuurLezer;

static void
error_syntax(DuurLezer *l, const char *verwacht)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type duurverdeling: \"%s\"", verzuim_kort(l->invoer)),
			 errdetail("Expected %s at character %d.", verwacht, (int) (l->p - l->invoer) + 1),
			 errhint("The form is {v1;eenheid=kalenderdagen;peildatum=YYYY-MM-DD;gesloten=N;lopend=N;"
					 "som=N;som_lopend=N;duur:gesloten/lopend,...}.")));
}

static void
duur_lees_lit(DuurLezer *l, const char *lit)
{
	size_t		len = strlen(lit);

	if (strncmp(l->p, lit, len) != 0)
	{
		char	   *q = psprintf("\"%s\"", lit);

		error_syntax(l, q);
	}
	l->p += len;
}

static bool
duur_lees_optioneel(DuurLezer *l, const char *lit)
{
	size_t		len = strlen(lit);

	if (strncmp(l->p, lit, len) != 0)
		return false;
	l->p += len;
	return true;
}

/* a decimal integer with an optional minus sign */
static int64
duur_lees_getal(DuurLezer *l)
{
	bool		neg = false;
	uint64		v = 0;
	const char *start;

	if (*l->p == '-')
	{
		neg = true;
		l->p++;
	}
	start = l->p;
	while (*l->p >= '0' && *l->p <= '9')
	{
		int			c = *l->p - '0';

		if (v > (PG_UINT64_MAX - c) / 10)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("number out of range in duurverdeling: \"%s\"", verzuim_kort(l->invoer))));
		v = v * 10 + c;
		l->p++;
	}
	if (l->p == start)
		error_syntax(l, "a number");
	if (!neg && v > (uint64) PG_INT64_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("number out of range in duurverdeling: \"%s\"", verzuim_kort(l->invoer))));
	if (neg && v > (uint64) PG_INT64_MAX + 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("number out of range in duurverdeling: \"%s\"", verzuim_kort(l->invoer))));
	return neg ? (int64) (0 - v) : (int64) v;
}

static int32
duur_lees_int32(DuurLezer *l)
{
	int64		v = duur_lees_getal(l);

	if (v < PG_INT32_MIN || v > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("number out of range in duurverdeling: \"%s\"", verzuim_kort(l->invoer))));
	return (int32) v;
}

static int
duur_lees_cijfers(DuurLezer *l, int min, int max)
{
	int			v = 0,
				n = 0;

	while (*l->p >= '0' && *l->p <= '9' && n < max)
	{
		v = v * 10 + (*l->p - '0');
		l->p++;
		n++;
	}
	if (n < min || (*l->p >= '0' && *l->p <= '9'))
		error_syntax(l, "a date YYYY-MM-DD");
	return v;
}

static DateADT
duur_lees_datum(DuurLezer *l)
{
	int			y,
				m,
				d,
				y2,
				m2,
				d2,
				j;
	DateADT		r;

	y = duur_lees_cijfers(l, 4, 7);
	duur_lees_lit(l, "-");
	m = duur_lees_cijfers(l, 2, 2);
	duur_lees_lit(l, "-");
	d = duur_lees_cijfers(l, 2, 2);
	if (duur_lees_optioneel(l, " BC"))
	{
		if (y == 0)
			error_syntax(l, "a year after 0");
		y = 1 - y;
	}
	if (m < 1 || m > 12 || d < 1 || d > 31 || !IS_VALID_JULIAN(y, m, d))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid peildatum in duurverdeling: \"%s\"", verzuim_kort(l->invoer))));
	j = date2j(y, m, d);
	j2date(j, &y2, &m2, &d2);
	r = j - POSTGRES_EPOCH_JDATE;
	if (y2 != y || m2 != m || d2 != d || !IS_VALID_DATE(r))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid peildatum in duurverdeling: \"%s\"", verzuim_kort(l->invoer))));
	return r;
}

static Duurverdeling *
duur_lees_tekst(const char *invoer)
{
	DuurLezer	l;
	int64		versie;
	uint8		eenheid,
				regios = 0;
	DateADT		peildatum;
	int64		gesloten,
				lopend,
				som,
				som_lopend;
	DuurEntry  *e = NULL;
	int32		n = 0,
				cap = 0;
	Duurverdeling *x;
	const char *einde;
	uint32		kalender[REGIO_AANTAL] = {0, 0, 0};

	l.invoer = invoer;
	l.p = invoer;
	while (scanner_isspace(*l.p))
		l.p++;

	duur_lees_lit(&l, "{v");
	versie = duur_lees_getal(&l);
	if (versie != DUUR_VERSIE && versie != DUUR_VERSIE_1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("unsupported duurverdeling format version " INT64_FORMAT, versie),
				 errhint("This version of verzuim reads format versions 1 and %d.", DUUR_VERSIE)));
	duur_lees_lit(&l, ";eenheid=");
	if (duur_lees_optioneel(&l, "kalenderdagen;"))
		eenheid = DUUR_KALENDERDAGEN;
	else if (duur_lees_optioneel(&l, "lesdagen;"))
	{
		eenheid = DUUR_LESDAGEN;
		duur_lees_lit(&l, "regio=");
		while (*l.p != ';')
		{
			int			r;

			for (r = 0; r < REGIO_AANTAL; r++)
				if (duur_lees_optioneel(&l, duur_regio_namen[r]))
					break;
			if (r == REGIO_AANTAL)
				error_syntax(&l, "noord, midden or zuid");
			if (regios & (1 << r))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("vakantieregio \"%s\" named twice in duurverdeling", duur_regio_namen[r])));
			regios |= (1 << r);
			/* version 2: the calendar fingerprint, regio:8 hex digits */
			if (versie == DUUR_VERSIE)
			{
				uint32		h = 0;

				duur_lees_lit(&l, ":");
				for (int k = 0; k < 8; k++, l.p++)
				{
					char		c = *l.p;

					if (c >= '0' && c <= '9')
						h = (h << 4) | (c - '0');
					else if (c >= 'a' && c <= 'f')
						h = (h << 4) | (c - 'a' + 10);
					else
						error_syntax(&l, "a calendar fingerprint of 8 hexadecimal digits");
				}
				if (h == 0)
					error_syntax(&l, "a calendar fingerprint other than 00000000");
				kalender[r] = h;
			}
			if (*l.p != ';')
				duur_lees_lit(&l, "+");
		}
		l.p++;
	}
	else
		error_syntax(&l, "kalenderdagen or lesdagen");
	duur_lees_lit(&l, "peildatum=");
	peildatum = duur_lees_datum(&l);
	duur_lees_lit(&l, ";gesloten=");
	gesloten = duur_lees_getal(&l);
	duur_lees_lit(&l, ";lopend=");
	lopend = duur_lees_getal(&l);
	duur_lees_lit(&l, ";som=");
	som = duur_lees_getal(&l);
	duur_lees_lit(&l, ";som_lopend=");
	som_lopend = duur_lees_getal(&l);
	duur_lees_lit(&l, ";");
	if (*l.p != '}')
	{
		for (;;)
		{
			if ((n & 4095) == 0)
				CHECK_FOR_INTERRUPTS();
			if (n >= cap)
			{
				if (n >= DUUR_MAX_N)
					ereport(ERROR,
							(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							 errmsg("too many distinct durations in a duurverdeling")));
				cap = cap == 0 ? 16 : Min(cap * 2, DUUR_MAX_N);
				e = e == NULL ? palloc_array(DuurEntry, cap) : repalloc_array(e, DuurEntry, cap);
			}
			e[n].duur = duur_lees_int32(&l);
			e[n].pad = 0;
			duur_lees_lit(&l, ":");
			e[n].gesloten = duur_lees_getal(&l);
			duur_lees_lit(&l, "/");
			e[n].lopend = duur_lees_getal(&l);
			n++;
			if (*l.p != ',')
				break;
			l.p++;
		}
	}
	duur_lees_lit(&l, "}");
	einde = l.p;
	while (scanner_isspace(*einde))
		einde++;
	if (*einde != '\0')
	{
		l.p = einde;
		error_syntax(&l, "the end of the input");
	}

	x = duur_nieuw(n, eenheid, regios, peildatum);
	memcpy(x->kalender, kalender, sizeof(kalender));
	x->gesloten = gesloten;
	x->lopend = lopend;
	x->som = som;
	x->som_lopend = som_lopend;
	if (n > 0)
		memcpy(x->e, e, sizeof(DuurEntry) * n);
	duur_valideer(x, ERRCODE_INVALID_TEXT_REPRESENTATION);
	return x;
}

/* ------------------------------------------------------------------------
 * Type I/O
 * ------------------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(verzuim_duur_in);
Datum
verzuim_duur_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(duur_lees_tekst(PG_GETARG_CSTRING(0)));
}

PG_FUNCTION_INFO_V1(verzuim_duur_out);
Datum
verzuim_duur_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(duur_tekst(duur_arg(fcinfo, 0)));
}

PG_FUNCTION_INFO_V1(verzuim_duur_recv);
Datum
verzuim_duur_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(duur_ontvang((StringInfo) PG_GETARG_POINTER(0)));
}

PG_FUNCTION_INFO_V1(verzuim_duur_send);
Datum
verzuim_duur_send(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	duur_stuur(&buf, x);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(verzuim_duur_eq);
Datum
verzuim_duur_eq(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);
	Duurverdeling *y = duur_arg(fcinfo, 1);

	PG_RETURN_BOOL(VARSIZE(x) == VARSIZE(y) && memcmp(x, y, VARSIZE(x)) == 0);
}

PG_FUNCTION_INFO_V1(verzuim_duur_ne);
Datum
verzuim_duur_ne(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);
	Duurverdeling *y = duur_arg(fcinfo, 1);

	PG_RETURN_BOOL(!(VARSIZE(x) == VARSIZE(y) && memcmp(x, y, VARSIZE(x)) == 0));
}

PG_FUNCTION_INFO_V1(verzuim_duur_hash);
Datum
verzuim_duur_hash(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);

	return hash_any((const unsigned char *) x, VARSIZE(x));
}

/* hash support function 2: with seed 0 its low 32 bits equal verzuim_duur_hash */
PG_FUNCTION_INFO_V1(verzuim_duur_hash_extended);
Datum
verzuim_duur_hash_extended(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);

	return hash_any_extended((const unsigned char *) x, VARSIZE(x), PG_GETARG_INT64(1));
}

/* ------------------------------------------------------------------------
 * duur_agg: reading an episode
 * ------------------------------------------------------------------------ */

/*
 * The bounds of an episode: returns false for an empty range; otherwise
 * *a = first day (inclusive) and *b = first day after it, or *open_eind =
 * true for an unbounded or infinite upper bound.  range_deserialize with the
 * backend's daterange type cache entry (no per-call lookup).
 */
static inline bool
duur_read_episode(Datum d, DateADT *a, DateADT *b, bool *open_eind)
{
	RangeType  *r = DatumGetRangeTypeP(d);
	RangeBound	onder,
				boven;
	bool		leeg;

	range_deserialize(verzuim_daterange_typcache(), r, &onder, &boven, &leeg);
	if (leeg)
		return false;
	if (unlikely(onder.infinite || DATE_NOT_FINITE(DatumGetDateADT(onder.val))))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("an episode must have a finite start date"),
				 errhint("Episodes without a known first day cannot be given a duration; "
						 "filter them out or set lower(episode).")));
	*a = DatumGetDateADT(onder.val) + (onder.inclusive ? 0 : 1);
	if (boven.infinite || DATE_NOT_FINITE(DatumGetDateADT(boven.val)))
		*open_eind = true;
	else
	{
		*open_eind = false;
		*b = DatumGetDateADT(boven.val) + (boven.inclusive ? 1 : 0);
	}
	return true;
}

static DateADT
duur_peildatum_arg(FunctionCallInfo fcinfo, int i)
{
	DateADT		peil;

	if (PG_ARGISNULL(i))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("peildatum must not be NULL"),
				 errhint("Pass the date at which open episodes are censored.")));
	peil = PG_GETARG_DATEADT(i);
	return peil;
}

/* the state for this row; creates it on the first row */
static inline DuurState *
duur_agg_state(FunctionCallInfo fcinfo, DateADT peil, uint8 eenheid)
{
	MemoryContext aggcxt;
	DuurState  *st;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		verzuim_error_not_aggregate("verzuim.duur_agg transition function");
	if (PG_ARGISNULL(0))
	{
		verzuim_check_finite_date(peil, "peildatum");
		return duur_state_nieuw(aggcxt, peil, eenheid);
	}
	st = (DuurState *) PG_GETARG_POINTER(0);
	if (unlikely(st->peildatum != peil))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("peildatum must be the same for all rows of a group"),
				 errhint("Compute one duurverdeling per peildatum, e.g. GROUP BY peildatum.")));
	return st;
}

/*
 * duur_agg(episode daterange, peildatum date) transition: durations in
 * calendar days.
 */
PG_FUNCTION_INFO_V1(verzuim_duur_agg_sfunc);
Datum
verzuim_duur_agg_sfunc(PG_FUNCTION_ARGS)
{
	DateADT		peil = duur_peildatum_arg(fcinfo, 2);
	DuurState  *st = duur_agg_state(fcinfo, peil, DUUR_KALENDERDAGEN);
	DateADT		a,
				b = 0;
	bool		open_eind;

	if (PG_ARGISNULL(1) || !duur_read_episode(PG_GETARG_DATUM(1), &a, &b, &open_eind))
		PG_RETURN_POINTER(st);
	if (a > peil)
		PG_RETURN_POINTER(st);	/* not started at the peildatum */
	if (!open_eind && b <= peil)
		duur_state_tel(st, (int32) (b - a), false);
	else
		duur_state_tel(st, (int32) (peil + 1 - a), true);
	PG_RETURN_POINTER(st);
}

/*
 * duur_agg(episode daterange, peildatum date, regio text) transition:
 * durations in lesdagen of the vakantieregio (school days in
 * [a, min(b, peildatum + 1))).
 */
PG_FUNCTION_INFO_V1(verzuim_duur_agg_lesdagen_sfunc);
Datum
verzuim_duur_agg_lesdagen_sfunc(PG_FUNCTION_ARGS)
{
	DateADT		peil = duur_peildatum_arg(fcinfo, 2);
	DuurState  *st = duur_agg_state(fcinfo, peil, DUUR_LESDAGEN);
	DateADT		a,
				b = 0,
				e;
	bool		open_eind,
				open;
	VerzuimRegio regio;
	const VerzuimKalender *k;

	if (PG_ARGISNULL(1) || !duur_read_episode(PG_GETARG_DATUM(1), &a, &b, &open_eind))
		PG_RETURN_POINTER(st);
	if (a > peil)
		PG_RETURN_POINTER(st);
	open = open_eind || b > peil;
	e = open ? peil + 1 : b;

	if (st->les == NULL)
		st->les = (DuurLesCache *) MemoryContextAllocZero(st->cxt, sizeof(DuurLesCache));
	regio = verzuim_regio_arg(fcinfo, 3, &st->les->regio);
	k = verzuim_kalender(regio);

	/*
	 * Range and completeness checks of the calendar, skipped when [a, e - 1]
	 * lies within a span already checked for this regio in this aggregate.
	 */
	if (!st->les->gecontroleerd[regio] ||
		a < st->les->van[regio] || e - 1 > st->les->tot[regio])
	{
		DuurLesCache *c = st->les;

		verzuim_kalender_bereik(a);
		verzuim_kalender_bereik(e - 1);
		verzuim_kalender_controleer(k, a, e - 1);
		if (c->gecontroleerd[regio] && a <= c->tot[regio] + 1 && e - 1 >= c->van[regio] - 1)
		{
			/* overlapping or adjacent: the union is checked */
			c->van[regio] = Min(c->van[regio], a);
			c->tot[regio] = Max(c->tot[regio], e - 1);
		}
		else
		{
			c->van[regio] = a;
			c->tot[regio] = e - 1;
			c->gecontroleerd[regio] = true;
		}
	}
	if (unlikely(st->kalender[regio] != k->vingerafdruk))
	{
		/* first episode of this regio, or the calendar changed mid-group */
		if (st->regios & (1 << regio))
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("the school calendar changed while duur_agg was counting"),
					 errhint("Do not change verzuim.vakantie or the calendar settings during the query.")));
		st->kalender[regio] = k->vingerafdruk;
	}
	st->regios |= (uint8) (1 << regio);
	duur_state_tel(st, verzuim_kalender_lesdagen(k, a, e), open);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(verzuim_duur_agg_combine);
Datum
verzuim_duur_agg_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	DuurState  *s0,
			   *s1;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		verzuim_error_not_aggregate("verzuim.duur_agg combine function");
	s0 = PG_ARGISNULL(0) ? NULL : (DuurState *) PG_GETARG_POINTER(0);
	s1 = PG_ARGISNULL(1) ? NULL : (DuurState *) PG_GETARG_POINTER(1);
	if (s1 == NULL)
	{
		if (s0 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s0);
	}
	if (s0 == NULL)
	{
		/* s1 lives in per-tuple memory: copy it into the aggregate context */
		s0 = duur_state_nieuw(aggcxt, s1->peildatum, s1->eenheid);
	}
	duur_state_merge(s0, s1);
	PG_RETURN_POINTER(s0);
}

PG_FUNCTION_INFO_V1(verzuim_duur_agg_serialize);
Datum
verzuim_duur_agg_serialize(PG_FUNCTION_ARGS)
{
	DuurState  *st;
	Duurverdeling *x;
	StringInfoData buf;

	if (!AggCheckCallContext(fcinfo, NULL))
		verzuim_error_not_aggregate("verzuim.duur_agg serialize function");
	st = (DuurState *) PG_GETARG_POINTER(0);
	x = duur_state_plat(st);
	pq_begintypsend(&buf);
	duur_stuur(&buf, x);
	pfree(x);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(verzuim_duur_agg_deserialize);
Datum
verzuim_duur_agg_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b;
	StringInfoData buf;
	Duurverdeling *x;

	if (!AggCheckCallContext(fcinfo, NULL))
		verzuim_error_not_aggregate("verzuim.duur_agg deserialize function");
	b = PG_GETARG_BYTEA_PP(0);
	verzuim_stringinfo_readonly(&buf, VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
	x = duur_ontvang(&buf);
	PG_RETURN_POINTER(duur_state_view(x));
}

PG_FUNCTION_INFO_V1(verzuim_duur_agg_final);
Datum
verzuim_duur_agg_final(PG_FUNCTION_ARGS)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		verzuim_error_not_aggregate("verzuim.duur_agg final function");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(duur_state_plat((DuurState *) PG_GETARG_POINTER(0)));
}

/* ------------------------------------------------------------------------
 * Accessors
 * ------------------------------------------------------------------------ */

static Datum
duur_deel(int64 teller, int64 noemer)
{
	return DirectFunctionCall2(numeric_div,
							   NumericGetDatum(int64_to_numeric(teller)),
							   NumericGetDatum(int64_to_numeric(noemer)));
}

/* mean over all started episodes (closed fully, open until the peildatum) */
static Datum
duur_doorloop(const Duurverdeling *x, bool *isnull)
{
	int64		n,
				som;

	if (pg_add_s64_overflow(x->gesloten, x->lopend, &n) ||
		pg_add_s64_overflow(x->som, x->som_lopend, &som))
		error_out_of_range();
	if (n == 0)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = false;
	return duur_deel(som, n);
}

PG_FUNCTION_INFO_V1(verzuim_duur_doorloop_final);
Datum
verzuim_duur_doorloop_final(PG_FUNCTION_ARGS)
{
	Duurverdeling *x;
	Datum		r;
	bool		isnull;

	if (!AggCheckCallContext(fcinfo, NULL))
		verzuim_error_not_aggregate("verzuim.doorloopsnelheid final function");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	x = duur_state_plat((DuurState *) PG_GETARG_POINTER(0));
	r = duur_doorloop(x, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(r);
}

PG_FUNCTION_INFO_V1(verzuim_duur_doorloopsnelheid);
Datum
verzuim_duur_doorloopsnelheid(PG_FUNCTION_ARGS)
{
	Datum		r;
	bool		isnull;

	r = duur_doorloop(duur_arg(fcinfo, 0), &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(r);
}

PG_FUNCTION_INFO_V1(verzuim_duur_aantal);
Datum
verzuim_duur_aantal(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);
	int64		n;

	if (pg_add_s64_overflow(x->gesloten, x->lopend, &n))
		error_out_of_range();
	PG_RETURN_INT64(n);
}

PG_FUNCTION_INFO_V1(verzuim_duur_aantal_lopend);
Datum
verzuim_duur_aantal_lopend(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(duur_arg(fcinfo, 0)->lopend);
}

PG_FUNCTION_INFO_V1(verzuim_duur_gemiddelde);
Datum
verzuim_duur_gemiddelde(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);

	if (x->gesloten == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(duur_deel(x->som, x->gesloten));
}

PG_FUNCTION_INFO_V1(verzuim_duur_peildatum);
Datum
verzuim_duur_peildatum(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(duur_arg(fcinfo, 0)->peildatum);
}

PG_FUNCTION_INFO_V1(verzuim_duur_eenheid);
Datum
verzuim_duur_eenheid(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);

	PG_RETURN_TEXT_P(cstring_to_text(x->eenheid == DUUR_LESDAGEN ? "lesdagen" : "kalenderdagen"));
}

/*
 * Kaplan-Meier: walk the entries in order of duration.  At a duration t
 * with d closed episodes and n episodes at risk (all episodes, closed or
 * open, with duration >= t: an episode censored at t counts as at risk at
 * t), S(t) = S(t-) * (n - d) / n.
 */
typedef struct DuurKM
{
	const Duurverdeling *x;
	int32		i;				/* next entry */
	int64		risico;			/* at risk at the next entry */
	double		s;				/* S after the entries before i */
} DuurKM;

static void
duur_km_begin(DuurKM *km, const Duurverdeling *x)
{
	km->x = x;
	km->i = 0;
	km->risico = x->gesloten + x->lopend;
	km->s = 1.0;
}

/* step over entry i; returns its entry */
static const DuurEntry *
duur_km_stap(DuurKM *km)
{
	const DuurEntry *e = &km->x->e[km->i++];
	int64		weg;

	/* a value that passed duur_valideer never fails this; one built by
	 * hand on disk must not give a share below 0 or above 1 */
	if (e->gesloten < 0 || e->lopend < 0 ||
		pg_add_s64_overflow(e->gesloten, e->lopend, &weg) || weg > km->risico)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("corrupt duurverdeling value"),
				 errdetail("The entries count more episodes than the totals.")));
	if (e->gesloten > 0)
		km->s *= (double) (km->risico - e->gesloten) / (double) km->risico;
	km->risico -= weg;
	return e;
}

/* the smallest duration t at which an episode closed and S(t) <= 1 - p */
static bool
duur_km_kwantiel(const Duurverdeling *x, double p, int32 *t)
{
	DuurKM		km;
	double		grens = (1.0 - p) + DUUR_KM_TOL;

	duur_km_begin(&km, x);
	while (km.i < x->n)
	{
		const DuurEntry *e = duur_km_stap(&km);

		if (e->gesloten > 0 && km.s <= grens)
		{
			*t = e->duur;
			return true;
		}
	}
	return false;
}

PG_FUNCTION_INFO_V1(verzuim_duur_percentiel);
Datum
verzuim_duur_percentiel(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);
	double		p = PG_GETARG_FLOAT8(1);
	int32		t;

	if (isnan(p) || p < 0.0 || p > 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("percentile must be between 0 and 1, got %g", p),
				 errhint("Use 0.5 for the median, 0.9 for the 90th percentile.")));
	if (!duur_km_kwantiel(x, p, &t))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(int64_to_numeric(t));
}

PG_FUNCTION_INFO_V1(verzuim_duur_mediaan);
Datum
verzuim_duur_mediaan(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);
	int32		t;

	if (!duur_km_kwantiel(x, 0.5, &t))
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(int64_to_numeric(t));
}

PG_FUNCTION_INFO_V1(verzuim_duur_aandeel_langer_dan);
Datum
verzuim_duur_aandeel_langer_dan(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);
	int32		dagen = PG_GETARG_INT32(1);
	DuurKM		km;

	if (x->gesloten + x->lopend == 0)
		PG_RETURN_NULL();
	duur_km_begin(&km, x);
	while (km.i < x->n && x->e[km.i].duur <= dagen)
		(void) duur_km_stap(&km);
	PG_RETURN_FLOAT8(km.s);
}

PG_FUNCTION_INFO_V1(verzuim_duur_beperkt_gemiddelde);
Datum
verzuim_duur_beperkt_gemiddelde(PG_FUNCTION_ARGS)
{
	Duurverdeling *x = duur_arg(fcinfo, 0);
	int32		horizon = PG_GETARG_INT32(1);
	DuurKM		km;
	double		opp = 0.0;
	int64		t = 0;

	if (horizon < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("horizon must not be negative, got %d", horizon)));
	if (x->gesloten + x->lopend == 0)
		PG_RETURN_NULL();
	/* sum of S(k) for k = 0 .. horizon - 1; S is constant between entries */
	duur_km_begin(&km, x);
	while (km.i < x->n && x->e[km.i].duur < horizon)
	{
		int32		d = x->e[km.i].duur;

		opp += km.s * (double) (d - t);
		t = d;
		(void) duur_km_stap(&km);
	}
	opp += km.s * (double) (horizon - t);
	PG_RETURN_DATUM(DirectFunctionCall1(float8_numeric, Float8GetDatum(opp)));
}

/* verdeling(duurverdeling) -> TABLE (duur int, gesloten bigint, lopend bigint) */
PG_FUNCTION_INFO_V1(verzuim_duur_verdeling);
Datum
verzuim_duur_verdeling(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	Duurverdeling *x;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcxt;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcxt = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			verzuim_error_not_row_type();
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		x = duur_arg(fcinfo, 0);
		/* keep our own copy for the following calls */
		if ((Pointer) x == DatumGetPointer(PG_GETARG_DATUM(0)))
		{
			Duurverdeling *kopie = palloc(VARSIZE(x));

			memcpy(kopie, x, VARSIZE(x));
			x = kopie;
		}
		funcctx->user_fctx = x;
		funcctx->max_calls = x->n;
		MemoryContextSwitchTo(oldcxt);
	}
	funcctx = SRF_PERCALL_SETUP();
	x = (Duurverdeling *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		const DuurEntry *e = &x->e[funcctx->call_cntr];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = Int32GetDatum(e->duur);
		values[1] = Int64GetDatum(e->gesloten);
		values[2] = Int64GetDatum(e->lopend);
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/* ------------------------------------------------------------------------
 * samenvoegen: rollup of stored summaries, state = expanded duurverdeling
 * ------------------------------------------------------------------------ */

static Size
duur_eo_get_flat_size(ExpandedObjectHeader *eohptr)
{
	DuurExpanded *eo = (DuurExpanded *) eohptr;

	if (eo->plat == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(eo->hdr.eoh_context);

		eo->plat = duur_state_plat(&eo->st);
		MemoryContextSwitchTo(old);
	}
	return VARSIZE(eo->plat);
}

static void
duur_eo_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	DuurExpanded *eo = (DuurExpanded *) eohptr;

	(void) duur_eo_get_flat_size(eohptr);
	if (allocated_size != VARSIZE(eo->plat))
		elog(ERROR, "wrong size for a flattened duurverdeling");
	memcpy(result, eo->plat, allocated_size);
}

static const ExpandedObjectMethods duur_eo_methods = {
	duur_eo_get_flat_size,
	duur_eo_flatten_into
};

static DuurExpanded *
duur_eo_nieuw(MemoryContext ouder, const Duurverdeling *x)
{
	MemoryContext cxt = AllocSetContextCreate(ouder, "duurverdeling", ALLOCSET_SMALL_SIZES);
	DuurExpanded *eo = (DuurExpanded *) MemoryContextAllocZero(cxt, sizeof(DuurExpanded));

	EOH_init_header(&eo->hdr, &duur_eo_methods, cxt);
	duur_state_init(&eo->st, cxt, x->peildatum, x->eenheid);
	duur_state_add_plat(&eo->st, x);
	return eo;
}

static void
duur_eo_add(DuurExpanded *eo, const Duurverdeling *x)
{
	if (eo->plat != NULL)
	{
		pfree(eo->plat);
		eo->plat = NULL;
	}
	duur_state_add_plat(&eo->st, x);
}

/*
 * samenvoegen transition and combine function: (state, value) -> state.
 * Non-strict: NULL values are skipped.  Inside an aggregate the state is a
 * read-write expanded object in the aggregate context that is updated in
 * place (returning the same pointer, so the executor copies nothing).
 * Called as a plain function it merges two flat values.
 */
PG_FUNCTION_INFO_V1(verzuim_duur_samenvoegen_sfunc);
Datum
verzuim_duur_samenvoegen_sfunc(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	Duurverdeling *y;
	Datum		d0;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	y = duur_arg(fcinfo, 1);

	if (!AggCheckCallContext(fcinfo, &aggcxt))
	{
		DuurState	st;

		if (PG_ARGISNULL(0))
			PG_RETURN_POINTER(y);
		duur_state_init(&st, CurrentMemoryContext, y->peildatum, y->eenheid);
		duur_state_add_plat(&st, duur_arg(fcinfo, 0));
		duur_state_add_plat(&st, y);
		PG_RETURN_POINTER(duur_state_plat(&st));
	}

	if (PG_ARGISNULL(0))
		PG_RETURN_DATUM(EOHPGetRWDatum(&duur_eo_nieuw(aggcxt, y)->hdr));

	d0 = PG_GETARG_DATUM(0);
	if (VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d0)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d0);

		if (eoh->eoh_methods == &duur_eo_methods &&
			MemoryContextGetParent(eoh->eoh_context) == aggcxt)
		{
			duur_eo_add((DuurExpanded *) eoh, y);
			PG_RETURN_DATUM(d0);
		}
	}
	/* a flat (or foreign) state: expand it into the aggregate context */
	{
		DuurExpanded *eo = duur_eo_nieuw(aggcxt, duur_arg(fcinfo, 0));

		duur_eo_add(eo, y);
		PG_RETURN_DATUM(EOHPGetRWDatum(&eo->hdr));
	}
}

/*
 * duur_agg / doorloopsnelheid (episode, peildatum, regio, instellingen):
 * the lesdagen variant with the settings of the argument (instellingen.h).
 */
PG_FUNCTION_INFO_V1(verzuim_duur_agg_lesdagen_inst_sfunc);
Datum
verzuim_duur_agg_lesdagen_inst_sfunc(PG_FUNCTION_ARGS)
{
	Jsonb	   *j = PG_ARGISNULL(4) ? NULL : PG_GETARG_JSONB_P(4);

	return verzuim_met_instellingen(fcinfo, verzuim_duur_agg_lesdagen_sfunc, j, 4, true);
}
