/*
 * episodes.c — thuiszit episodes: the aggregate verzuim.episodes(), the
 * status of an episode at a peildatum (verzuim.thuiszit()) and the settings
 * that go with them.
 *
 * verzuim.episodes(datum, regio [, brin] [, reden]) merges absent school days
 * into episodes: two absent days belong to the same episode when no school
 * day of the region (or school) lies strictly between them.  An episode is
 * the daterange [first absent day, last absent day + 1).
 *
 * The regio may differ per row (a pupil who changed to a school in another
 * vakantieregio): a day counts as absent when it is a school day in the
 * regio of one of its rows, and a day between two absent days is a school
 * day when it is one in the regio of either of them.  With a single regio
 * this is the plain rule.
 *
 * The aggregate does not depend on input order, so it runs as a partial
 * (parallel, partitionwise) aggregate.  The transition function only appends
 * an int32 to a buffer: the day (as an offset from the first day of the
 * calendar) and the regio in its low two bits, so that sorting the buffer
 * sorts by day; duplicates of the previous row are skipped and sorted input
 * stays marked sorted, so the final function need not sort.  The calendar is
 * looked at once per group in the final function.  Large buffers are
 * compacted (sorted, deduplicated) before they grow, so memory is bounded by
 * the number of distinct (day, regio) pairs of the group.
 */
#include "verzuim.h"
#include "instellingen.h"
#include "kalender.h"

#include "access/htup_details.h"
#include "common/int.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#endif
#include "port/pg_bitutils.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

/* specialised sort for DateADT buffers */
#define ST_SORT sort_dateadt
#define ST_ELEMENT_TYPE DateADT
#define ST_COMPARE(a, b) ((*(a) > *(b)) - (*(a) < *(b)))
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* ------------------------------------------------------------------------
 * Settings
 * ------------------------------------------------------------------------
 */
typedef enum EpisodeBeleid
{
	BELEID_ONDERBREEKT = 0,		/* geoorloofd day = school day attended: breaks */
	BELEID_PAUZEERT = 1,		/* geoorloofd day bridged like a holiday */
	BELEID_TELT_MEE = 2,		/* geoorloofd day counts as absent */
	BELEID_GEEN_REDEN = 3		/* aggregate without reden: every row is absent */
} EpisodeBeleid;

typedef enum LrvEenheid
{
	LRV_KALENDER = 0,
	LRV_LESWEKEN = 1
} LrvEenheid;

static int	verzuim_ziekte_in_episode = BELEID_ONDERBREEKT;
static int	verzuim_lrv_eenheid = LRV_KALENDER;
static char *verzuim_lrv_drempel_str = NULL;
static char *verzuim_norm_str = NULL;
static Interval *verzuim_lrv_drempel = NULL;	/* parsed, points into GUC extra */
static Interval *verzuim_norm = NULL;

static const struct config_enum_entry ziekte_in_episode_options[] = {
	{"onderbreekt", BELEID_ONDERBREEKT, false},
	{"pauzeert", BELEID_PAUZEERT, false},
	{"telt_mee", BELEID_TELT_MEE, false},
	{NULL, 0, false}
};

static const struct config_enum_entry lrv_eenheid_options[] = {
	{"kalender", LRV_KALENDER, false},
	{"lesweken", LRV_LESWEKEN, false},
	{NULL, 0, false}
};

static void *
guc_extra_alloc(size_t size)
{
#if PG_VERSION_NUM >= 160000
	return guc_malloc(LOG, size);
#else
	return malloc(size);
#endif
}

/*
 * Parse an interval without raising (a check hook must not throw, and
 * PG_TRY with FlushErrorState in a hook is not allowed).  PostgreSQL 16+:
 * interval_in itself with a soft-error context; before: the steps of
 * interval_in with their return codes.  Returns false when the text is not
 * an interval or out of range.
 */
#if PG_VERSION_NUM >= 160000
static bool
interval_soft(const char *tekst, Interval *iv)
{
	ErrorSaveContext escontext = {T_ErrorSaveContext};
	Datum		d;

	if (!DirectInputFunctionCallSafe(interval_in, (char *) tekst, InvalidOid, -1,
									 (Node *) &escontext, &d))
		return false;
	*iv = *DatumGetIntervalP(d);
	return true;
}
#else
static bool
interval_soft(const char *tekst, Interval *iv)
{
	char		workbuf[256];
	char	   *field[MAXDATEFIELDS];
	int			ftype[MAXDATEFIELDS];
	int			nf,
				dtype = 0,
				dterr;
	char	   *kopie;
#if PG_VERSION_NUM >= 150000
	struct pg_itm_in itm;

	memset(&itm, 0, sizeof(itm));
#else
	struct pg_tm tm;
	fsec_t		fsec = 0;

	memset(&tm, 0, sizeof(tm));
#endif
	if (strlen(tekst) >= sizeof(workbuf) - 1)
		return false;
	dterr = ParseDateTime(tekst, workbuf, sizeof(workbuf), field, ftype, MAXDATEFIELDS, &nf);
#if PG_VERSION_NUM >= 150000
	if (dterr == 0)
		dterr = DecodeInterval(field, ftype, nf, INTERVAL_FULL_RANGE, &dtype, &itm);
	if (dterr == DTERR_BAD_FORMAT)
	{
		kopie = pstrdup(tekst);
		memset(&itm, 0, sizeof(itm));
		dterr = DecodeISO8601Interval(kopie, &dtype, &itm);
		pfree(kopie);
	}
	if (dterr != 0 || dtype != DTK_DELTA)
		return false;
	/* itm_in2interval is not exported before PG 16: the same arithmetic */
	{
		int32		maanden;

		if (pg_mul_s32_overflow(itm.tm_year, MONTHS_PER_YEAR, &maanden) ||
			pg_add_s32_overflow(maanden, itm.tm_mon, &maanden))
			return false;
		iv->month = maanden;
		iv->day = itm.tm_mday;
		iv->time = itm.tm_usec;
	}
#else
	if (dterr == 0)
		dterr = DecodeInterval(field, ftype, nf, INTERVAL_FULL_RANGE, &dtype, &tm, &fsec);
	if (dterr == DTERR_BAD_FORMAT)
	{
		kopie = pstrdup(tekst);
		memset(&tm, 0, sizeof(tm));
		fsec = 0;
		dterr = DecodeISO8601Interval(kopie, &dtype, &tm, &fsec);
		pfree(kopie);
	}
	if (dterr != 0 || dtype != DTK_DELTA || tm2interval(&tm, fsec, iv) != 0)
		return false;
#endif
	return true;
}
#endif

/*
 * Check hook of an interval setting: a positive whole number of days, weeks,
 * months or years (no time part).  Never throws.
 */
static bool
check_duur_setting(char **newval, void **extra, GucSource source)
{
	Interval	iv;
	Interval   *copy;

	if (*newval == NULL || (*newval)[0] == '\0')
	{
		GUC_check_errdetail("The setting must be a duration such as '4 weeks' or '3 months'.");
		return false;
	}
	if (!interval_soft(*newval, &iv))
	{
		GUC_check_errdetail("\"%.64s\" is not a valid interval.", *newval);
		return false;
	}
#ifdef INTERVAL_NOT_FINITE
	/* PostgreSQL 17+ parses 'infinity' as an interval: not a duration here */
	if (INTERVAL_NOT_FINITE(&iv))
	{
		GUC_check_errdetail("\"%.64s\" is not a finite interval.", *newval);
		return false;
	}
#endif
	if (iv.time != 0 || iv.day < 0 || iv.month < 0 || (iv.day == 0 && iv.month == 0))
	{
		GUC_check_errdetail("The duration must be a positive number of days, weeks, months or years without a time part.");
		return false;
	}
	copy = guc_extra_alloc(sizeof(Interval));
	if (copy == NULL)
		return false;
	memcpy(copy, &iv, sizeof(Interval));
	*extra = copy;
	return true;
}

static void
assign_lrv_drempel(const char *newval, void *extra)
{
	verzuim_lrv_drempel = (Interval *) extra;
	verzuim_instelling_gezet("verzuim.lrv_drempel");
}

static void
assign_norm(const char *newval, void *extra)
{
	verzuim_norm = (Interval *) extra;
	verzuim_instelling_gezet("verzuim.norm");
}

static void
assign_ziekte_in_episode(int newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.ziekte_in_episode");
}

static void
assign_lrv_eenheid(int newval, void *extra)
{
	verzuim_instelling_gezet("verzuim.lrv_eenheid");
}

void
verzuim_episodes_init(void)
{
	DefineCustomEnumVariable("verzuim.ziekte_in_episode",
							 "What a geoorloofd absence (ziek, schorsing, verlof, ...) does to a thuiszit episode in verzuim.episodes(datum, regio, reden).",
							 "onderbreekt (default): the day is a school day without ongeoorloofd absence, so it ends "
							 "the episode; pauzeert: the day is bridged like a holiday but is not an episode day; "
							 "telt_mee: the day counts as an absent day.",
							 &verzuim_ziekte_in_episode,
							 BELEID_ONDERBREEKT, ziekte_in_episode_options,
							 PGC_USERSET, 0,
							 NULL, assign_ziekte_in_episode, NULL);

	DefineCustomStringVariable("verzuim.lrv_drempel",
							   "Duration after which an episode is langdurig relatief verzuim (LRV): LRV when the episode is longer than this.",
							   "Default '4 weeks' (Leerplichtwet: \"langer dan vier weken\"). Counted in calendar time or "
							   "in lesweken, see verzuim.lrv_eenheid.",
							   &verzuim_lrv_drempel_str,
							   "4 weeks",
							   PGC_USERSET, 0,
							   check_duur_setting, assign_lrv_drempel, NULL);

	DefineCustomEnumVariable("verzuim.lrv_eenheid",
							 "How verzuim.lrv_drempel is counted: kalender (calendar time, default) or lesweken (weeks without any school day of the region are skipped).",
							 NULL,
							 &verzuim_lrv_eenheid,
							 LRV_KALENDER, lrv_eenheid_options,
							 PGC_USERSET, 0,
							 NULL, assign_lrv_eenheid, NULL);

	DefineCustomStringVariable("verzuim.norm",
							   "Thuiszit norm: an episode is above the norm when it lasts longer than this (calendar time).",
							   "Default '3 months' (Thuiszitterspact: nobody longer than three months at home); "
							   "equals age(end, start) > interval '3 months'.",
							   &verzuim_norm_str,
							   "3 months",
							   PGC_USERSET, 0,
							   check_duur_setting, assign_norm, NULL);
}

/* ------------------------------------------------------------------------
 * Aggregate state
 * ------------------------------------------------------------------------
 *
 * The state is one 128-byte chunk: a small header and room for the first
 * EPI_INLINE dates, which is all most pupils need; larger groups move their
 * dates to a separate buffer that doubles.  School-free days (brin) and
 * paused days live in a separate EpisodesExtra, allocated only when used.
 * Under HashAggregate the states of all groups are in memory at once, so
 * their size matters.
 */
#define EPI_STATE_BYTES		128
#define EPI_COMPACT_MIN		256
/*
 * An entry: (day - KALENDER_EERSTE) << 5 | slot << 2 | regio.  The low five
 * bits are the "unit" of the day: its regio and, for episodes_brin(), the
 * slot of its school among the schools with school-free days of the group
 * (slot 0: no school-free days, or those of the group's one brin).  At most
 * this many distinct entries.
 */
#define EPI_SLOTS			8
#define EPI_MAX_DISTINCT	((KALENDER_LAATSTE - KALENDER_EERSTE + 1) * REGIO_AANTAL * EPI_SLOTS)
#define EPI_ENTRY(d, r)		((((int32) (d) - KALENDER_EERSTE) << 5) | (int32) (r))
#define EPI_ENTRY_S(d, s, r) (EPI_ENTRY(d, r) | ((int32) (s) << 2))
#define EPI_DAG(e)			((DateADT) (((e) >> 5) + KALENDER_EERSTE))
#define EPI_REGIO(e)		((VerzuimRegio) ((e) & 3))
#define EPI_SLOT(e)			(((e) >> 2) & 7)
#define EPI_EENHEID(e)		((e) & 31)
#define EPI_FORMAAT			3	/* version byte of the serialized state */
#define EPI_MAX_BRIN		64
#define EPI_SCHOOL_BRIN		15	/* longest brin verzuim.school's cache knows */

/* brin of a group (aggregates with a brin argument) */
#define BRIN_GEEN	0			/* aggregate without brin */
#define BRIN_NULL	1			/* brin NULL: regional calendar only */
#define BRIN_GEZET	2			/* brin given: its school-free days count */
#define BRIN_PER_RIJ 3			/* episodes_brin(): a school per row */

typedef struct DagBuffer
{
	int32	   *dagen;			/* entries EPI_ENTRY(day, regio) */
	int32		n;
	int32		cap;
	bool		sorted;			/* strictly increasing (sorted, no duplicates) */
	bool		eigen;			/* dagen is a palloc'd chunk of its own (repalloc-able) */
} DagBuffer;

typedef struct EpisodesExtra
{
	DagBuffer	pauze;			/* geoorloofd days that pause (beleid pauzeert) */
	int16		brin_len;
	char		brin[EPI_MAX_BRIN + 1]; /* NUL-terminated, if BRIN_GEZET */
	/* BRIN_PER_RIJ: the schools with school-free days, slot i + 1 */
	int8		nscholen;
	char		scholen[EPI_SLOTS - 1][EPI_SCHOOL_BRIN + 1];	/* NUL-terminated */
	Jsonb	   *instellingen;	/* settings argument of the group, or NULL */
} EpisodesExtra;

typedef struct EpisodesState
{
	DagBuffer	afwezig;		/* absent days */
	EpisodesExtra *extra;		/* NULL unless brin or paused days */
	int8		beleid;			/* EpisodeBeleid */
	int8		brin_status;	/* BRIN_* */
	DateADT		inline_dagen[FLEXIBLE_ARRAY_MEMBER];
} EpisodesState;

#define EPI_INLINE ((int32) ((EPI_STATE_BYTES - offsetof(EpisodesState, inline_dagen)) / sizeof(DateADT)))

/* sort and deduplicate in place */
static void
buffer_compact(DagBuffer *b)
{
	int32		i,
				j;

	if (b->sorted)
		return;
	sort_dateadt(b->dagen, b->n);
	for (i = 1, j = 1; i < b->n; i++)
	{
		if (b->dagen[i] != b->dagen[j - 1])
			b->dagen[j++] = b->dagen[i];
	}
	if (b->n > 0)
		b->n = j;
	b->sorted = true;
}

static void
error_outside_calendar(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("date outside the range of the school calendar"),
			 errdetail("The calendar covers schooljaren 1969-1970 up to and including 2099-2100."),
			 errhint("Remove infinite or out-of-range dates from the input.")));
}

/* give b room for at least cap dates (in its own chunk in ctx) */
static void
buffer_reserve(MemoryContext ctx, DagBuffer *b, int32 cap)
{
	if (cap <= b->cap)
		return;
	if (b->eigen)
		b->dagen = (int32 *) repalloc(b->dagen, sizeof(int32) * cap);
	else
	{
		int32	   *nieuw = (int32 *) MemoryContextAlloc(ctx, sizeof(int32) * cap);

		if (b->n > 0)
			memcpy(nieuw, b->dagen, sizeof(DateADT) * b->n);
		b->dagen = nieuw;
		b->eigen = true;
	}
	b->cap = cap;
}

/* make room for one more date; owner is the chunk whose context b grows in */
static pg_noinline void
buffer_grow(void *owner, DagBuffer *b)
{
	if (b->cap >= EPI_COMPACT_MIN && !b->sorted)
	{
		buffer_compact(b);
		if (b->n <= b->cap / 2)
			return;
	}
	/* distinct entries are at most EPI_MAX_DISTINCT: the buffer stays below 1 MB */
	Assert(b->n <= EPI_MAX_DISTINCT);
	buffer_reserve(GetMemoryChunkContext(owner), b, Max(b->cap * 2, 16));
}

static inline void
buffer_append(void *owner, DagBuffer *b, DateADT d)
{
	if (b->n > 0 && d == b->dagen[b->n - 1])
		return;					/* e.g. several rows (reasons) on one day */
	if (unlikely(b->n >= b->cap))
	{
		buffer_grow(owner, b);
		/* compaction may have changed the last date */
		if (b->n > 0 && d == b->dagen[b->n - 1])
			return;
	}
	if (b->n > 0 && d < b->dagen[b->n - 1])
		b->sorted = false;
	b->dagen[b->n++] = d;
}

/* append all dates of src to dst */
static void
buffer_merge(void *owner, DagBuffer *dst, const DagBuffer *src)
{
	int32		i;

	for (i = 0; i < src->n; i++)
	{
		buffer_append(owner, dst, src->dagen[i]);
		if ((i & 0x3FFF) == 0x3FFF)
			CHECK_FOR_INTERRUPTS();
	}
}

/* append all entries of src to dst, their school slots mapped by map */
static void
buffer_merge_map(void *owner, DagBuffer *dst, const DagBuffer *src, const int32 *map)
{
	int32		i;

	for (i = 0; i < src->n; i++)
	{
		int32		e = src->dagen[i];

		buffer_append(owner, dst, (e & ~(7 << 2)) | (map[EPI_SLOT(e)] << 2));
		if ((i & 0x3FFF) == 0x3FFF)
			CHECK_FOR_INTERRUPTS();
	}
}

static EpisodesState *
state_new(MemoryContext ctx, int8 beleid)
{
	EpisodesState *st = (EpisodesState *) MemoryContextAlloc(ctx, EPI_STATE_BYTES);

	st->afwezig.dagen = st->inline_dagen;
	st->afwezig.n = 0;
	st->afwezig.cap = EPI_INLINE;
	st->afwezig.sorted = true;
	st->afwezig.eigen = false;
	st->extra = NULL;
	st->beleid = beleid;
	st->brin_status = BRIN_GEEN;
	return st;
}

static EpisodesExtra *
state_extra(EpisodesState *st)
{
	if (st->extra == NULL)
	{
		st->extra = (EpisodesExtra *) MemoryContextAllocZero(GetMemoryChunkContext(st),
															  sizeof(EpisodesExtra));
		st->extra->pauze.sorted = true;
	}
	return st->extra;
}

static void
error_mixed_brin(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("verzuim.episodes() got more than one brin in one group"),
			 errdetail("School-free days are those of one school; NULL brin means none."),
			 errhint("Group by the brin as well, e.g. GROUP BY leerling_id, brin.")));
}

/* ------------------------------------------------------------------------
 * Per-call-site cache of the transition function (flinfo->fn_extra): the
 * previous row's regio bytes and the reden enum values seen.  Enum OIDs
 * differ per database, so labels are resolved once per OID.
 * ------------------------------------------------------------------------
 */
typedef enum RedenSoort
{
	REDEN_ONGEOORLOOFD = 0,		/* ongeoorloofd, luxe: an absent day */
	REDEN_TE_LAAT = 1,			/* never an episode day */
	REDEN_GEOORLOOFD = 2		/* ziek, schorsing, verlof, religieus, ... */
} RedenSoort;

#define REDEN_CACHE_MAX 32
typedef struct SfuncCache
{
	VerzuimRegioCache regio;
	int			nreden;
	Oid			reden_oid[REDEN_CACHE_MAX];
	int8		reden_soort[REDEN_CACHE_MAX];
	/* episodes_brin(): the previous row's school, its regio and whether it
	 * has school-free days (looked up in the backend cache of verzuim.school) */
	bool		brin_geldig;
	bool		brin_vrij;
	int8		brin_regio;
	int16		brin_len;
	char		brin_bytes[EPI_SCHOOL_BRIN + 1];
} SfuncCache;

/* a short byte comparison, inlined (brin codes are a few bytes) */
static inline bool
bytes_gelijk(const char *a, const char *b, int len)
{
	int			i;

	for (i = 0; i < len; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static inline SfuncCache *
sfunc_cache(FunctionCallInfo fcinfo)
{
	SfuncCache *c = (SfuncCache *) fcinfo->flinfo->fn_extra;

	if (unlikely(c == NULL))
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(SfuncCache));
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}

static void
state_brin(EpisodesState *st, FunctionCallInfo fcinfo, int argno, bool eerste)
{
	text	   *t;
	int			len;
	EpisodesExtra *x;

	if (PG_ARGISNULL(argno))
	{
		if (eerste)
			st->brin_status = BRIN_NULL;
		else if (st->brin_status != BRIN_NULL)
			error_mixed_brin();
		return;
	}
	t = PG_GETARG_TEXT_PP(argno);
	len = VARSIZE_ANY_EXHDR(t);
	if (!eerste)
	{
		if (st->brin_status != BRIN_GEZET || st->extra->brin_len != len ||
			memcmp(st->extra->brin, VARDATA_ANY(t), len) != 0)
			error_mixed_brin();
		return;
	}
	if (len > EPI_MAX_BRIN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("brin is too long"),
				 errhint("A brin is a BRIN number plus vestigingsnummer such as 12AB00.")));
	x = state_extra(st);
	memcpy(x->brin, VARDATA_ANY(t), len);
	x->brin[len] = '\0';
	x->brin_len = len;
	st->brin_status = BRIN_GEZET;
}

/*
 * The school of a row (episodes_brin): its regio and whether it has
 * school-free days, from the backend cache of verzuim.school (kalender.c,
 * invalidated like the calendar).  Looked up only when the row's brin differs
 * from the previous row's; the answer is kept for this call site, i.e. for
 * one execution of the query.  An unknown brin raises 23503.
 */
static pg_noinline void
school_opzoeken(SfuncCache *c, struct varlena *t, int len)
{
	char		buf[EPI_SCHOOL_BRIN + 1];
	int			nvrij;
	VerzuimRegio r;

	c->brin_geldig = false;
	if (len > EPI_SCHOOL_BRIN)
	{
		/* no such school in the cache: raises 23503 */
		(void) verzuim_school_regio(text_to_cstring((text *) t), &nvrij);
		elog(ERROR, "verzuim.episodes_brin: unexpected school");
	}
	memcpy(buf, VARDATA_ANY(t), len);
	buf[len] = '\0';
	r = verzuim_school_regio(buf, &nvrij);
	memcpy(c->brin_bytes, buf, len + 1);
	c->brin_len = len;
	c->brin_regio = (int8) r;
	c->brin_vrij = nvrij > 0;
	c->brin_geldig = true;
}

/* the slot of school brin (with school-free days) in the group state, added when new */
static pg_noinline int
state_slot(EpisodesState *st, const char *brin, int len)
{
	EpisodesExtra *x = state_extra(st);
	int			i;

	for (i = 0; i < x->nscholen; i++)
		if (strncmp(x->scholen[i], brin, EPI_SCHOOL_BRIN + 1) == 0)
			return i + 1;
	if (x->nscholen >= EPI_SLOTS - 1)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("verzuim.episodes_brin() got more than %d schools with school-free days in one group",
						EPI_SLOTS - 1),
				 errhint("Group by the brin as well, or use verzuim.episodes(datum, regio) with the regio of the school.")));
	memcpy(x->scholen[x->nscholen], brin, len);
	x->scholen[x->nscholen][len] = '\0';
	return ++x->nscholen;
}

/* the entry of a row of episodes_brin(): day, school slot and regio */
static inline int32
row_school_entry(FunctionCallInfo fcinfo, SfuncCache *c, EpisodesState *st, int argno, DateADT d)
{
	struct varlena *t = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	int			len;
	int			slot = 0;

	if (unlikely(VARATT_IS_EXTENDED(t) && !VARATT_IS_SHORT(t)))
		t = pg_detoast_datum_packed(t);
	len = VARSIZE_ANY_EXHDR(t);
	if (unlikely(!(c->brin_geldig && c->brin_len == len &&
				   bytes_gelijk(c->brin_bytes, VARDATA_ANY(t), len))))
		school_opzoeken(c, t, len);
	if (unlikely(c->brin_vrij))
		slot = state_slot(st, c->brin_bytes, c->brin_len);
	return EPI_ENTRY_S(d, slot, c->brin_regio);
}

static int8
reden_soort_lookup(Oid oid)
{
	HeapTuple	tup;
	const char *label;
	int8		soort;

	tup = SearchSysCache1(ENUMOID, ObjectIdGetDatum(oid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for enum value %u", oid);
	label = NameStr(((Form_pg_enum) GETSTRUCT(tup))->enumlabel);
	if (strcmp(label, "ongeoorloofd") == 0 || strcmp(label, "luxe") == 0)
		soort = REDEN_ONGEOORLOOFD;
	else if (strcmp(label, "te_laat") == 0)
		soort = REDEN_TE_LAAT;
	else if (strcmp(label, "ziek") == 0 || strcmp(label, "schorsing") == 0 ||
			 strcmp(label, "verlof_13a") == 0 || strcmp(label, "verlof_14") == 0 ||
			 strcmp(label, "religieus") == 0 || strcmp(label, "overig_geoorloofd") == 0)
		soort = REDEN_GEOORLOOFD;
	else
	{
		char	   *copy = pstrdup(label);

		ReleaseSysCache(tup);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("verzuim.episodes() does not know reden \"%s\"", verzuim_kort(copy)),
				 errhint("Filter the rows with a WHERE clause and use verzuim.episodes(datum, regio).")));
	}
	ReleaseSysCache(tup);
	return soort;
}

static inline int8
reden_soort(SfuncCache *c, Oid oid)
{
	int			i;
	int8		s;

	for (i = 0; i < c->nreden; i++)
		if (c->reden_oid[i] == oid)
			return c->reden_soort[i];
	s = reden_soort_lookup(oid);
	if (c->nreden < REDEN_CACHE_MAX)
	{
		c->reden_oid[c->nreden] = oid;
		c->reden_soort[c->nreden] = s;
		c->nreden++;
	}
	return s;
}

/* ------------------------------------------------------------------------
 * Transition functions
 * ------------------------------------------------------------------------
 */
static inline Datum
episodes_trans(FunctionCallInfo fcinfo, bool met_brin, bool met_reden, bool per_rij)
{
	EpisodesState *st;
	SfuncCache *c;
	DateADT		d;
	int32		e;
	int8		soort = REDEN_ONGEOORLOOFD;
	int			redenarg = met_brin ? 4 : 3;

	st = PG_ARGISNULL(0) ? NULL : (EpisodesState *) PG_GETARG_POINTER(0);

	/* NULL dates (and NULL reden, NULL per-row brin) are skipped, as aggregates skip NULLs */
	if (PG_ARGISNULL(1) || (met_reden && PG_ARGISNULL(redenarg)) || (per_rij && PG_ARGISNULL(2)))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	d = PG_GETARG_DATEADT(1);
	if (unlikely(d < KALENDER_EERSTE || d > KALENDER_LAATSTE))
		verzuim_kalender_bereik(d);	/* raises 22008 */
	c = sfunc_cache(fcinfo);

	if (unlikely(st == NULL))
	{
		MemoryContext aggctx;

		/* first row of a group: the only place the context is checked */
		if (!AggCheckCallContext(fcinfo, &aggctx))
			verzuim_error_not_aggregate("verzuim.episodes transition function");
		verzuim_instellingen_controleren();
		st = state_new(aggctx, met_reden ? (int8) verzuim_ziekte_in_episode : BELEID_GEEN_REDEN);
		if (met_brin)
			state_brin(st, fcinfo, 3, true);
		if (per_rij)
			st->brin_status = BRIN_PER_RIJ;
	}
	else if (met_brin)
		state_brin(st, fcinfo, 3, false);

	if (per_rij)
		e = row_school_entry(fcinfo, c, st, 2, d);
	else
		e = EPI_ENTRY(d, verzuim_regio_arg(fcinfo, 2, &c->regio));

	if (met_reden)
		soort = reden_soort(c, PG_GETARG_OID(redenarg));

	if (likely(soort == REDEN_ONGEOORLOOFD))
		buffer_append(st, &st->afwezig, e);
	else if (soort == REDEN_GEOORLOOFD)
	{
		switch (st->beleid)
		{
			case BELEID_TELT_MEE:
				buffer_append(st, &st->afwezig, e);
				break;
			case BELEID_PAUZEERT:
				buffer_append(st, &state_extra(st)->pauze, e);
				break;
			default:
				/* onderbreekt: a school day without ongeoorloofd absence */
				break;
		}
	}
	/* te_laat: never an episode day (the pupil was at school) */

	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(verzuim_episodes_sfunc);
Datum
verzuim_episodes_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_trans(fcinfo, false, false, false);
}

PG_FUNCTION_INFO_V1(verzuim_episodes_brin_sfunc);
Datum
verzuim_episodes_brin_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_trans(fcinfo, true, false, false);
}

PG_FUNCTION_INFO_V1(verzuim_episodes_reden_sfunc);
Datum
verzuim_episodes_reden_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_trans(fcinfo, false, true, false);
}

PG_FUNCTION_INFO_V1(verzuim_episodes_brin_reden_sfunc);
Datum
verzuim_episodes_brin_reden_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_trans(fcinfo, true, true, false);
}

/* episodes_brin(datum, brin): the regio and school-free days from each row's school */
PG_FUNCTION_INFO_V1(verzuim_episodes_perbrin_sfunc);
Datum
verzuim_episodes_perbrin_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_trans(fcinfo, false, false, true);
}

PG_FUNCTION_INFO_V1(verzuim_episodes_perbrin_reden_sfunc);
Datum
verzuim_episodes_perbrin_reden_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_trans(fcinfo, false, true, true);
}

/* ------------------------------------------------------------------------
 * Combine, serialize, deserialize
 * ------------------------------------------------------------------------
 */
static void
buffer_copy(MemoryContext ctx, DagBuffer *dst, const DagBuffer *src)
{
	buffer_reserve(ctx, dst, src->n);
	if (src->n > 0)
		memcpy(dst->dagen, src->dagen, sizeof(DateADT) * src->n);
	dst->n = src->n;
	dst->sorted = src->sorted;
}

static EpisodesState *
state_copy(MemoryContext ctx, const EpisodesState *src)
{
	EpisodesState *st = state_new(ctx, src->beleid);

	st->brin_status = src->brin_status;
	buffer_copy(ctx, &st->afwezig, &src->afwezig);
	if (src->extra != NULL)
	{
		EpisodesExtra *x = state_extra(st);

		x->brin_len = src->extra->brin_len;
		memcpy(x->brin, src->extra->brin, sizeof(x->brin));
		x->nscholen = src->extra->nscholen;
		memcpy(x->scholen, src->extra->scholen, sizeof(x->scholen));
		if (src->extra->instellingen)
			x->instellingen = verzuim_instellingen_kopie(ctx, src->extra->instellingen);
		buffer_copy(ctx, &x->pauze, &src->extra->pauze);
	}
	return st;
}

static void
states_check_compatible(const EpisodesState *a, const EpisodesState *b)
{
	if (a->beleid != b->beleid)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine verzuim.episodes() states built with different verzuim.ziekte_in_episode settings"),
				 errhint("Do not change verzuim.ziekte_in_episode during a query.")));
	if (a->brin_status != b->brin_status ||
		(a->brin_status == BRIN_GEZET &&
		 (a->extra->brin_len != b->extra->brin_len ||
		  memcmp(a->extra->brin, b->extra->brin, a->extra->brin_len) != 0)))
		error_mixed_brin();
	{
		Jsonb	   *ia = a->extra ? a->extra->instellingen : NULL;
		Jsonb	   *ib = b->extra ? b->extra->instellingen : NULL;

		if ((ia == NULL) != (ib == NULL) ||
			(ia && (VARSIZE(ia) != VARSIZE(ib) || memcmp(ia, ib, VARSIZE(ia)) != 0)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("verzuim.episodes() got different instellingen in one group"),
					 errhint("Pass one instellingen value (a constant) for the whole query.")));
	}
}

PG_FUNCTION_INFO_V1(verzuim_episodes_combine);
Datum
verzuim_episodes_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx;
	EpisodesState *a;
	EpisodesState *b;

	if (!AggCheckCallContext(fcinfo, &aggctx))
		verzuim_error_not_aggregate("verzuim.episodes combine function");

	a = PG_ARGISNULL(0) ? NULL : (EpisodesState *) PG_GETARG_POINTER(0);
	b = PG_ARGISNULL(1) ? NULL : (EpisodesState *) PG_GETARG_POINTER(1);

	if (b == NULL)
	{
		if (a == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(a);
	}
	if (a == NULL)
	{
		/* b may live in per-tuple memory (deserialized): copy it */
		PG_RETURN_POINTER(state_copy(aggctx, b));
	}

	states_check_compatible(a, b);
	if (b->extra != NULL && b->extra->nscholen > 0)
	{
		/* episodes_brin(): b's school slots become a's (added when new) */
		int32		map[EPI_SLOTS];
		int			i;

		map[0] = 0;
		for (i = 0; i < b->extra->nscholen; i++)
		{
			const char *brin = b->extra->scholen[i];

			map[i + 1] = state_slot(a, brin, strlen(brin));
		}
		buffer_merge_map(a, &a->afwezig, &b->afwezig, map);
		if (b->extra->pauze.n > 0)
			buffer_merge_map(a, &state_extra(a)->pauze, &b->extra->pauze, map);
		PG_RETURN_POINTER(a);
	}
	buffer_merge(a, &a->afwezig, &b->afwezig);
	if (b->extra != NULL && b->extra->pauze.n > 0)
		buffer_merge(a, &state_extra(a)->pauze, &b->extra->pauze);
	PG_RETURN_POINTER(a);
}

static void
send_buffer(StringInfo buf, DagBuffer *b)
{
	uint32	   *uit;
	int32		i;

	buffer_compact(b);
	pq_sendint32(buf, b->n);
	/* the dates in network byte order, written in one go */
	enlargeStringInfo(buf, b->n * sizeof(uint32));
	uit = (uint32 *) (buf->data + buf->len);
	for (i = 0; i < b->n; i++)
	{
		uint32		v = pg_hton32((uint32) b->dagen[i]);

		memcpy(&uit[i], &v, sizeof(v));
	}
	buf->len += b->n * sizeof(uint32);
	buf->data[buf->len] = '\0';
}

PG_FUNCTION_INFO_V1(verzuim_episodes_serialize);
Datum
verzuim_episodes_serialize(PG_FUNCTION_ARGS)
{
	EpisodesState *st;
	StringInfoData buf;
	DagBuffer	geen = {NULL, 0, 0, true, false};

	if (!AggCheckCallContext(fcinfo, NULL))
		verzuim_error_not_aggregate("verzuim.episodes serialize function");
	st = (EpisodesState *) PG_GETARG_POINTER(0);

	pq_begintypsend(&buf);
	enlargeStringInfo(&buf, 16 + EPI_MAX_BRIN + EPI_SLOTS * (EPI_SCHOOL_BRIN + 4) + 4 * (st->afwezig.n +
												  (st->extra ? st->extra->pauze.n : 0)));
	pq_sendbyte(&buf, EPI_FORMAAT);
	pq_sendbyte(&buf, (uint8) st->beleid);
	pq_sendbyte(&buf, (uint8) st->brin_status);
	if (st->brin_status == BRIN_GEZET)
	{
		pq_sendint32(&buf, st->extra->brin_len);
		pq_sendbytes(&buf, st->extra->brin, st->extra->brin_len);
	}
	if (st->brin_status == BRIN_PER_RIJ)
	{
		int			n = st->extra ? st->extra->nscholen : 0;

		pq_sendbyte(&buf, (uint8) n);
		for (int i = 0; i < n; i++)
		{
			int			len = strlen(st->extra->scholen[i]);

			pq_sendbyte(&buf, (uint8) len);
			pq_sendbytes(&buf, st->extra->scholen[i], len);
		}
	}
	/* the instellingen as jsonb text (-1: none) */
	if (st->extra && st->extra->instellingen)
	{
		char	   *t = JsonbToCString(NULL, &st->extra->instellingen->root,
									   VARSIZE(st->extra->instellingen));

		pq_sendint32(&buf, strlen(t));
		pq_sendbytes(&buf, t, strlen(t));
	}
	else
		pq_sendint32(&buf, -1);
	send_buffer(&buf, &st->afwezig);
	send_buffer(&buf, st->extra ? &st->extra->pauze : &geen);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static int32
read_int32(StringInfo buf)
{
	if (buf->len - buf->cursor < 4)
		verzuim_error_corrupt_state("verzuim.episodes()", "The state is truncated.");
	return (int32) pq_getmsgint(buf, 4);
}

static void
recv_buffer(StringInfo buf, DagBuffer *b, int maxslot)
{
	int32		n = read_int32(buf);
	int32		i;

	if (n < 0 || n > EPI_MAX_DISTINCT + 1 || (int64) n * 4 > buf->len - buf->cursor)
		verzuim_error_corrupt_state("verzuim.episodes()", "The number of dates is out of range.");
	buffer_reserve(CurrentMemoryContext, b, n);
	for (i = 0; i < n; i++)
	{
		uint32		v;
		int32		e;

		memcpy(&v, buf->data + buf->cursor + i * sizeof(uint32), sizeof(v));
		e = (int32) pg_ntoh32(v);

		if (e < 0 || EPI_REGIO(e) >= REGIO_AANTAL || EPI_SLOT(e) > maxslot ||
			EPI_DAG(e) > KALENDER_LAATSTE)
			verzuim_error_corrupt_state("verzuim.episodes()", "A date or regio is out of range.");
		if (i > 0 && e <= b->dagen[i - 1])
			verzuim_error_corrupt_state("verzuim.episodes()", "The dates are not strictly increasing.");
		b->dagen[i] = e;
	}
	buf->cursor += n * sizeof(uint32);
	b->n = n;
	b->sorted = true;
}

PG_FUNCTION_INFO_V1(verzuim_episodes_deserialize);
Datum
verzuim_episodes_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *sstate = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	EpisodesState *st;
	EpisodesExtra *x;
	DagBuffer	pauze = {NULL, 0, 0, true, false};
	int			versie,
				beleid,
				brin_status;

	if (!AggCheckCallContext(fcinfo, NULL))
		verzuim_error_not_aggregate("verzuim.episodes deserialize function");

	verzuim_stringinfo_readonly(&buf, VARDATA_ANY(sstate), VARSIZE_ANY_EXHDR(sstate));

	if (buf.len < 3)
		verzuim_error_corrupt_state("verzuim.episodes()", "The state is truncated.");
	versie = pq_getmsgbyte(&buf);
	if (versie != EPI_FORMAAT)
		verzuim_error_corrupt_state("verzuim.episodes()", "Unknown format version.");
	beleid = pq_getmsgbyte(&buf);
	brin_status = pq_getmsgbyte(&buf);
	if (beleid < BELEID_ONDERBREEKT || beleid > BELEID_GEEN_REDEN)
		verzuim_error_corrupt_state("verzuim.episodes()", "The verzuim.ziekte_in_episode value is out of range.");
	if (brin_status < BRIN_GEEN || brin_status > BRIN_PER_RIJ)
		verzuim_error_corrupt_state("verzuim.episodes()", "The brin status is out of range.");

	/* in the current (per-tuple) context: combine copies what it keeps */
	st = state_new(CurrentMemoryContext, (int8) beleid);
	st->brin_status = (int8) brin_status;
	if (brin_status == BRIN_GEZET)
	{
		int32		len = read_int32(&buf);

		if (len < 0 || len > EPI_MAX_BRIN || len > buf.len - buf.cursor)
			verzuim_error_corrupt_state("verzuim.episodes()", "The brin length is out of range.");
		x = state_extra(st);
		pq_copymsgbytes(&buf, x->brin, len);
		x->brin[len] = '\0';
		x->brin_len = len;
	}
	if (brin_status == BRIN_PER_RIJ)
	{
		int			n;

		if (buf.cursor >= buf.len)
			verzuim_error_corrupt_state("verzuim.episodes()", "The state is truncated.");
		n = pq_getmsgbyte(&buf);
		if (n > EPI_SLOTS - 1)
			verzuim_error_corrupt_state("verzuim.episodes()", "The number of schools is out of range.");
		if (n > 0)
		{
			x = state_extra(st);
			for (int i = 0; i < n; i++)
			{
				int			len;

				if (buf.cursor >= buf.len)
					verzuim_error_corrupt_state("verzuim.episodes()", "The state is truncated.");
				len = pq_getmsgbyte(&buf);
				if (len < 1 || len > EPI_SCHOOL_BRIN || len > buf.len - buf.cursor)
					verzuim_error_corrupt_state("verzuim.episodes()", "The brin length is out of range.");
				pq_copymsgbytes(&buf, x->scholen[i], len);
				x->scholen[i][len] = '\0';
				if (strlen(x->scholen[i]) != (size_t) len)
					verzuim_error_corrupt_state("verzuim.episodes()", "A brin contains a zero byte.");
			}
			x->nscholen = (int8) n;
		}
	}
	{
		int32		len = read_int32(&buf);

		if (len < -1 || len > buf.len - buf.cursor)
			verzuim_error_corrupt_state("verzuim.episodes()", "The instellingen length is out of range.");
		if (len >= 0)
		{
			char	   *t = palloc(len + 1);

			pq_copymsgbytes(&buf, t, len);
			t[len] = '\0';
			state_extra(st)->instellingen =
				DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(t)));
		}
	}
	recv_buffer(&buf, &st->afwezig, st->extra ? st->extra->nscholen : 0);
	recv_buffer(&buf, &pauze, st->extra ? st->extra->nscholen : 0);
	if (pauze.n > 0)
	{
		if (beleid != BELEID_PAUZEERT)
			verzuim_error_corrupt_state("verzuim.episodes()", "Paused days in a state without verzuim.ziekte_in_episode = pauzeert.");
		state_extra(st)->pauze = pauze;
	}
	if (buf.cursor != buf.len)
		verzuim_error_corrupt_state("verzuim.episodes()", "Trailing bytes after the state.");
	PG_RETURN_POINTER(st);
}

/* ------------------------------------------------------------------------
 * Final function
 * ------------------------------------------------------------------------
 */

/*
 * A datemultirange of n sorted, disjoint, non-adjacent ranges [van[i], tot[i]),
 * written directly in the stored multirange format (multirangetypes.c: header,
 * n - 1 items, n flags, then the bounds, int4-aligned; every 4th item an offset,
 * the others lengths).  That format is on disk and stable since PostgreSQL 14;
 * even so, multirange_direct_ok() compares the result with make_multirange()
 * once per backend and everything falls back to make_multirange() if they ever
 * differ.  Building each range with make_range() and then the multirange with
 * make_multirange() (which sorts and merges again) costs several times more,
 * which is most of the aggregate's time when pupils have many episodes.
 */
static MultirangeType *
multirange_direct(const DateADT *van, const DateADT *tot, int32 n)
{
	Size		kop = INTALIGN(sizeof(MultirangeType) + (n - 1) * sizeof(uint32) + n * sizeof(uint8));
	Size		size = kop + (Size) n * 2 * sizeof(DateADT);
	MultirangeType *mr;
	uint32	   *items;
	uint8	   *flags;
	DateADT    *grenzen;
	int32		i;

	Assert(n > 0);
	mr = (MultirangeType *) palloc0(size);
	SET_VARSIZE(mr, size);
	mr->multirangetypid = DATEMULTIRANGEOID;
	mr->rangeCount = n;
	items = (uint32 *) ((char *) mr + sizeof(MultirangeType));
	flags = (uint8 *) ((char *) mr + sizeof(MultirangeType) + (n - 1) * sizeof(uint32));
	grenzen = (DateADT *) ((char *) mr + kop);
	for (i = 0; i < n; i++)
	{
		if (i > 0)
			items[i - 1] = (i % 4 != 0) ? 2 * sizeof(DateADT)
				: (uint32) (i * 2 * sizeof(DateADT)) | 0x80000000;
		flags[i] = RANGE_LB_INC;
		grenzen[2 * i] = van[i];
		grenzen[2 * i + 1] = tot[i];
	}
	return mr;
}

static bool
multirange_direct_ok(TypeCacheEntry *rngtyp)
{
	static int	status = 0;		/* 0 unknown, 1 same as make_multirange, -1 not */

	if (status == 0)
	{
		DateADT		van[6] = {-400, -10, 0, 31, 365, 9000};
		DateADT		tot[6] = {-300, -9, 30, 40, 9000 - 2, 9001};
		RangeType  *r[6];
		MultirangeType *a,
				   *b;
		int			i;

		for (i = 0; i < 6; i++)
			r[i] = verzuim_daterange(van[i], tot[i]);
		a = make_multirange(DATEMULTIRANGEOID, rngtyp, 6, r);
		b = multirange_direct(van, tot, 6);
		status = (rngtyp->rngelemtype->typlen == sizeof(DateADT) &&
				  rngtyp->rngelemtype->typalign == TYPALIGN_INT &&
				  VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0) ? 1 : -1;
		if (status < 0)
			elog(DEBUG1, "verzuim.episodes: multirange layout differs, using make_multirange()");
	}
	return status > 0;
}

static MultirangeType *
episodes_multirange(TypeCacheEntry *rngtyp, const DateADT *van, const DateADT *tot, int32 n)
{
	RangeType **ranges;
	int32		i;

	if (n == 0)
		return make_empty_multirange(DATEMULTIRANGEOID, rngtyp);
	if (multirange_direct_ok(rngtyp))
		return multirange_direct(van, tot, n);
	ranges = palloc(sizeof(RangeType *) * n);
	for (i = 0; i < n; i++)
		ranges[i] = verzuim_daterange(van[i], tot[i]);
	return make_multirange(DATEMULTIRANGEOID, rngtyp, n, ranges);
}

/* The calendars and school-free days the final function looks at. */
typedef struct EpiKalenders
{
	const VerzuimKalender *k[REGIO_AANTAL];
	/* school-free days per school slot (NULL: none) */
	const DateADT *vrij[EPI_SLOTS];
	int			nvrij[EPI_SLOTS];
	/* false: uncertain days (missing holiday data) count as school days;
	 * true: only certain school days count */
	bool		zeker;
} EpiKalenders;

/* is d a school day of unit u (EPI_EENHEID: regio and school slot)? */
static inline bool
epi_is_lesdag(const EpiKalenders *kal, int u, DateADT d)
{
	int			r = u & 3,
				s = u >> 2;

	if (kal->zeker && (kal->k[r]->flags[d - kal->k[r]->eerste] & KDAG_ONBEKEND))
		return false;
	if (kal->vrij[s] != NULL)
		return verzuim_is_lesdag_school(kal->k[r], kal->vrij[s], kal->nvrij[s], d);
	return verzuim_kalender_is_lesdag(kal->k[r], d);
}

/* school days of unit u in [van, tot) */
static inline int32
epi_lesdagen(const EpiKalenders *kal, int u, DateADT van, DateADT tot)
{
	int32		n;
	int			r = u & 3,
				s = u >> 2;

	if (kal->vrij[s] != NULL)
	{
		n = verzuim_lesdagen_school(kal->k[r], kal->vrij[s], kal->nvrij[s], van, tot);
		if (kal->zeker)
			n -= verzuim_onzeker_school(kal->k[r], kal->vrij[s], kal->nvrij[s], van, tot);
	}
	else
	{
		n = verzuim_kalender_lesdagen(kal->k[r], van, tot);
		if (kal->zeker)
			n -= verzuim_kalender_onzeker(kal->k[r], van, tot);
	}
	return n;
}

/* is d a school day in one of the units of mask? */
static inline bool
epi_is_lesdag_mask(const EpiKalenders *kal, uint32 mask, DateADT d)
{
	uint32		m;

	for (m = mask; m != 0; m &= m - 1)
		if (epi_is_lesdag(kal, pg_rightmost_one_pos32(m), d))
			return true;
	return false;
}

/*
 * Is there a school day (of one of the regions of mask) in [van, tot) that
 * is not a paused day?  pz[*ipz ..] are the paused days from van on.
 */
static bool
epi_heeft_lesdag(const EpiKalenders *kal, uint32 mask, DateADT van, DateADT tot,
				 const DateADT *pz, int32 npz, int32 *ipz)
{
	uint32		m;
	DateADT		x;

	while (*ipz < npz && pz[*ipz] < van)
		(*ipz)++;
	if (*ipz >= npz || pz[*ipz] >= tot)
	{
		/* no paused day in between: count school days per unit */
		for (m = mask; m != 0; m &= m - 1)
			if (epi_lesdagen(kal, pg_rightmost_one_pos32(m), van, tot) > 0)
				return true;
		return false;
	}
	/* paused days in between: look at every day */
	for (x = van; x < tot; x++)
	{
		if (*ipz < npz && pz[*ipz] == x)
		{
			(*ipz)++;
			continue;
		}
		if (epi_is_lesdag_mask(kal, mask, x))
			return true;
	}
	return false;
}

/*
 * The episodes of the sorted absent days ent[0 .. n - 1] (paused days pz)
 * under the calendars kal: writes their bounds to van[], tot[] and returns
 * their number.
 */
static int32
epi_bouw(const EpiKalenders *kalp, const int32 *ent, int32 n, const DateADT *pz, int32 npz,
		 DateADT *van, DateADT *tot)
{
	const EpiKalenders kal = *kalp;
	int32		ipz = 0;
	int32		nranges = 0;
	DateADT		start = 0,
				prev = 0;
	uint32		prev_mask = 0;
	bool		open = false;
	int32		i;
	int			u;

	i = 0;
	while (i < n)
	{
		DateADT		d = EPI_DAG(ent[i]);
		uint32		mask = 0;
		bool		lesdag = false;

		/*
		 * Once per day, before anything can skip the rest of the loop (a test
		 * on i at the end was skipped by days without school and jumped over
		 * by days with several entries, so it could never fire).
		 */
		CHECK_FOR_INTERRUPTS();

		/* all entries of day d: its units; absent when a school day in one */
		for (; i < n && EPI_DAG(ent[i]) == d; i++)
		{
			u = EPI_EENHEID(ent[i]);
			mask |= (uint32) 1 << u;
			if (!lesdag && epi_is_lesdag(&kal, u, d))
				lesdag = true;
		}
		if (!lesdag)
			continue;			/* no school that day: not an absence */
		if (open)
		{
			bool		breekt;

			if (mask == prev_mask && mask < (1 << REGIO_AANTAL) && (mask & (mask - 1)) == 0 &&
				pz == NULL && kal.vrij[0] == NULL && !kal.zeker)
			{
				/* the common case: one regio, no studiedagen, no paused days */
				breekt = verzuim_kalender_lesdagen(kal.k[pg_rightmost_one_pos32(mask)], prev + 1, d) > 0;
			}
			else
				breekt = epi_heeft_lesdag(&kal, mask | prev_mask, prev + 1, d, pz, npz, &ipz);
			if (breekt)
			{
				van[nranges] = start;
				tot[nranges++] = prev + 1;
				start = d;
			}
		}
		else
			start = d;
		prev = d;
		prev_mask = mask;
		open = true;
	}
	if (open)
	{
		van[nranges] = start;
		tot[nranges++] = prev + 1;
	}
	return nranges;
}

#define EPI_STAPEL 64			/* episodes of a group kept on the stack */

static Datum episodes_final(PG_FUNCTION_ARGS);

/* The final function: episodes_final with the group's instellingen applied. */
PG_FUNCTION_INFO_V1(verzuim_episodes_final);
Datum
verzuim_episodes_final(PG_FUNCTION_ARGS)
{
	EpisodesState *st = PG_ARGISNULL(0) ? NULL : (EpisodesState *) PG_GETARG_POINTER(0);
	Jsonb	   *j = st && st->extra ? st->extra->instellingen : NULL;

	return verzuim_met_instellingen(fcinfo, episodes_final, j, PG_NARGS(), true);
}

static Datum
episodes_final(PG_FUNCTION_ARGS)
{
	EpisodesState *st;
	TypeCacheEntry *rngtyp;
	EpiKalenders kal;
	int32	   *ent;
	int32		n;
	DateADT		eerste,
				laatste;
	uint8		regios = 0;
	bool		onzeker = false;
	DateADT    *pz = NULL;		/* paused days, sorted, distinct */
	int32		npz = 0;
	DateADT    *van;
	DateADT    *tot;
	DateADT		van_stapel[EPI_STAPEL];
	DateADT		tot_stapel[EPI_STAPEL];
	int32		nranges = 0;
	int32		i;
	int			r;

	if (!AggCheckCallContext(fcinfo, NULL))
		verzuim_error_not_aggregate("verzuim.episodes final function");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (EpisodesState *) PG_GETARG_POINTER(0);
	rngtyp = verzuim_daterange_typcache();

	/*
	 * Sorting in place does not change the set the state stands for, so the
	 * final function is read-only in effect (FINALFUNC_MODIFY = READ_ONLY).
	 */
	buffer_compact(&st->afwezig);
	n = st->afwezig.n;
	ent = st->afwezig.dagen;
	if (n == 0)
		PG_RETURN_MULTIRANGE_P(make_empty_multirange(DATEMULTIRANGEOID, rngtyp));

	/* the calendars of the regions present, checked once for the whole span */
	eerste = EPI_DAG(ent[0]);
	laatste = EPI_DAG(ent[n - 1]);
	for (i = 0; i < n && regios != (1 << REGIO_AANTAL) - 1; i++)
		regios |= 1 << EPI_REGIO(ent[i]);
	memset(&kal, 0, sizeof(kal));
	for (r = 0; r < REGIO_AANTAL; r++)
	{
		if (!(regios & (1 << r)))
			continue;
		kal.k[r] = verzuim_kalender((VerzuimRegio) r);
		verzuim_kalender_bereik(eerste);
		verzuim_kalender_bereik(laatste);
		if (verzuim_kalender_onzeker(kal.k[r], eerste, laatste + 1) > 0)
			onzeker = true;
	}
	if (st->brin_status == BRIN_GEZET)
		kal.vrij[0] = verzuim_schoolvrije_dagen(st->extra->brin, &kal.nvrij[0]);
	if (st->brin_status == BRIN_PER_RIJ && st->extra != NULL)
		for (i = 0; i < st->extra->nscholen; i++)
			kal.vrij[i + 1] = verzuim_schoolvrije_dagen(st->extra->scholen[i], &kal.nvrij[i + 1]);
	for (i = 0; i < EPI_SLOTS; i++)
		if (kal.vrij[i] != NULL && kal.nvrij[i] == 0)
			kal.vrij[i] = NULL;

	/* paused days strictly inside the span (absent days are episode bounds) */
	if (st->extra != NULL && st->extra->pauze.n > 0)
	{
		DagBuffer  *pb = &st->extra->pauze;

		buffer_compact(pb);
		pz = palloc(sizeof(DateADT) * pb->n);
		for (i = 0; i < pb->n; i++)
		{
			DateADT		p = EPI_DAG(pb->dagen[i]);

			if (p <= eerste || p >= laatste || (npz > 0 && pz[npz - 1] == p))
				continue;
			pz[npz++] = p;
		}
	}

	if (n <= EPI_STAPEL)
	{
		van = van_stapel;
		tot = tot_stapel;
	}
	else
	{
		van = palloc(sizeof(DateADT) * n);
		tot = palloc(sizeof(DateADT) * n);
	}
	nranges = epi_bouw(&kal, ent, n, pz, npz, van, tot);

	/*
	 * Missing holiday data: the episodes are certain when they are the same
	 * whether the uncertain days are school days or holidays (lesdag-ness
	 * only grows from the second to the first, and the episodes are the same
	 * for every assignment in between when they are the same at both ends:
	 * see the README).  Only when they differ does the policy apply (an
	 * error, or a warning and the answer with uncertain days as school days).
	 */
	if (onzeker)
	{
		DateADT    *van0 = palloc(sizeof(DateADT) * n);
		DateADT    *tot0 = palloc(sizeof(DateADT) * n);
		int32		n0;

		kal.zeker = true;
		n0 = epi_bouw(&kal, ent, n, pz, npz, van0, tot0);
		kal.zeker = false;
		if (n0 != nranges || memcmp(van0, van, sizeof(DateADT) * n0) != 0 ||
			memcmp(tot0, tot, sizeof(DateADT) * n0) != 0)
			for (r = 0; r < REGIO_AANTAL; r++)
				if (kal.k[r] != NULL)
					verzuim_kalender_meld_onzeker(kal.k[r], eerste, laatste);
	}
	PG_RETURN_MULTIRANGE_P(episodes_multirange(rngtyp, van, tot, nranges));
}

/* ------------------------------------------------------------------------
 * verzuim.thuiszit(episode daterange, peildatum date, regio text)
 * ------------------------------------------------------------------------
 */

/* (d + iv)::date, 22008 when it leaves the date range */
static DateADT
date_plus_interval(DateADT d, Interval *iv)
{
	Timestamp	ts;

	ts = DatumGetTimestamp(DirectFunctionCall2(date_pl_interval,
											   DateADTGetDatum(d),
											   IntervalPGetDatum(iv)));
	return DatumGetDateADT(DirectFunctionCall1(timestamp_date, TimestampGetDatum(ts)));
}

/* Monday of the ISO week of d */
static inline DateADT
week_maandag(DateADT d)
{
	/* j2day: 0 = Sunday .. 6 = Saturday */
	int			dow = j2day(d + POSTGRES_EPOCH_JDATE);

	return d - ((dow + 6) % 7);
}

/* whether the ISO week starting on monday has a school day (clamped to the calendar) */
static bool
is_lesweek(const VerzuimKalender *k, DateADT maandag)
{
	DateADT		van = Max(maandag, k->eerste);
	DateADT		tot = Min(maandag + 7, k->eerste + k->ndagen);

	if (van >= tot)
		return false;
	return verzuim_kalender_lesdagen(k, van, tot) > 0;
}

/*
 * lesweken: the first day d >= start such that the days in [start, d] lying
 * in lesweken number more than drempel_dagen; stops (returns false) when
 * that day would be at or after grens, or beyond the calendar.
 */
static bool
lesweken_vanaf(const VerzuimKalender *k, DateADT start, int32 drempel_dagen,
			   DateADT grens, DateADT *vanaf)
{
	int64		geteld = 0;
	DateADT		d = start;
	DateADT		eind = Min(grens, k->eerste + k->ndagen);

	while (d < eind)
	{
		DateADT		maandag = week_maandag(d);
		DateADT		zondag_na = maandag + 7;
		DateADT		tot = Min(zondag_na, eind);

		if (is_lesweek(k, maandag))
		{
			int64		hier = tot - d;

			if (geteld + hier > drempel_dagen)
			{
				*vanaf = d + (DateADT) (drempel_dagen - geteld);
				return true;
			}
			geteld += hier;
		}
		d = tot;
		CHECK_FOR_INTERRUPTS();
	}
	return false;
}

PG_FUNCTION_INFO_V1(verzuim_thuiszit);
Datum
verzuim_thuiszit(PG_FUNCTION_ARGS)
{
	RangeType  *episode;
	TypeCacheEntry *rngtyp;
	RangeBound	lower,
				upper;
	bool		empty;
	DateADT		peildatum;
	DateADT		start;
	bool		heeft_eind;
	DateADT		eind = 0;		/* exclusive upper bound, if heeft_eind */
	DateADT		eff_eind;
	VerzuimRegio regio;
	const VerzuimKalender *k;
	TupleDesc	tupdesc;
	Datum		values[7];
	bool		nulls[7] = {false, false, false, false, false, false, false};
	bool		lopend;
	DateADT		lrv_vanaf = 0;
	bool		heeft_lrv_vanaf;
	DateADT		norm_vanaf = 0;
	bool		heeft_norm_vanaf;
	DateADT		grens;
	DateADT		controle_tot;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	episode = PG_GETARG_RANGE_P(0);
	peildatum = PG_GETARG_DATEADT(1);
	verzuim_check_finite_date(peildatum, "peildatum");

	rngtyp = range_get_typcache(fcinfo, RangeTypeGetOid(episode));
	range_deserialize(rngtyp, episode, &lower, &upper, &empty);
	if (empty)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("episode must not be empty"),
				 errhint("An episode is a daterange [first day, day after the last day).")));
	if (lower.infinite)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("episode must have a start date"),
				 errhint("Give the first day of the episode as the lower bound.")));
	start = DatumGetDateADT(lower.val);
	verzuim_check_finite_date(start, "the start of the episode");
	heeft_eind = !upper.infinite && !DATE_NOT_FINITE(DatumGetDateADT(upper.val));
	if (heeft_eind)
		eind = DatumGetDateADT(upper.val);

	/* not begun at the peildatum: no status yet */
	if (start > peildatum)
		PG_RETURN_NULL();

	regio = verzuim_regio_from_text(PG_ARGISNULL(2) ? NULL : PG_GETARG_TEXT_PP(2));

	if (peildatum > KALENDER_LAATSTE)
		error_outside_calendar();
	lopend = !heeft_eind || eind > peildatum;
	eff_eind = lopend ? peildatum + 1 : eind;
	verzuim_kalender_bereik(start);
	/* grens: LRV/norm dates are reported only while the episode lasts */
	grens = heeft_eind ? Min(eind, KALENDER_LAATSTE + 1) : KALENDER_LAATSTE + 1;

	verzuim_instellingen_controleren();
	/* norm: calendar months, the first day d with age(d + 1, start) > norm */
	norm_vanaf = date_plus_interval(start, verzuim_norm);
	heeft_norm_vanaf = !heeft_eind || norm_vanaf < eind;

	k = verzuim_kalender(regio);
	controle_tot = eff_eind - 1;	/* the span the status rests on */

	if (verzuim_lrv_eenheid == LRV_LESWEKEN)
	{
		if (verzuim_lrv_drempel->month != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("verzuim.lrv_drempel must be in weeks or days when verzuim.lrv_eenheid is lesweken"),
					 errhint("Use e.g. SET verzuim.lrv_drempel = '4 weeks'.")));
		heeft_lrv_vanaf = lesweken_vanaf(k, start, verzuim_lrv_drempel->day, grens, &lrv_vanaf);

		/*
		 * Beyond the peildatum lrv_vanaf is a projection: when the weeks it
		 * counts lie in a window of missing holiday data, it is not known
		 * (NULL) rather than an error.  Up to the peildatum the status must
		 * be exact, so there verzuim.onvolledige_kalender applies as usual.
		 */
		if (heeft_lrv_vanaf)
		{
			DateADT		x;

			for (x = peildatum + 1; x <= lrv_vanaf; x++)
				if (k->flags[x - k->eerste] & KDAG_ONBEKEND)
				{
					heeft_lrv_vanaf = false;
					break;
				}
		}
	}
	else
	{
		lrv_vanaf = date_plus_interval(start, verzuim_lrv_drempel);
		heeft_lrv_vanaf = !heeft_eind || lrv_vanaf < eind;
	}
	verzuim_kalender_controleer(k, start, controle_tot);

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		verzuim_error_not_row_type();
	tupdesc = BlessTupleDesc(tupdesc);

	values[0] = Int32GetDatum(eff_eind - start);
	values[1] = Int32GetDatum(verzuim_kalender_lesdagen(k, start, eff_eind));
	values[2] = BoolGetDatum(lopend);
	values[3] = BoolGetDatum(heeft_lrv_vanaf && lrv_vanaf <= peildatum);
	values[4] = BoolGetDatum(heeft_norm_vanaf && norm_vanaf <= peildatum);
	values[5] = DateADTGetDatum(lrv_vanaf);
	nulls[5] = !heeft_lrv_vanaf;
	values[6] = DateADTGetDatum(norm_vanaf);
	nulls[6] = !heeft_norm_vanaf;

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/* ------------------------------------------------------------------------
 * Variants with an instellingen argument (last): the settings of that
 * argument instead of the session's (see instellingen.h).
 * ------------------------------------------------------------------------
 */
static Datum
episodes_inst_trans(FunctionCallInfo fcinfo, PGFunction inner, int instarg)
{
	Jsonb	   *j = PG_ARGISNULL(instarg) ? NULL : PG_GETARG_JSONB_P(instarg);
	bool		eerste = PG_ARGISNULL(0);
	Datum		r;
	EpisodesState *st;

	/* settings are read on the first row (ziekte_in_episode) and for a NULL regio */
	r = verzuim_met_instellingen(fcinfo, inner, j, instarg, eerste || PG_ARGISNULL(2));
	if (eerste && j != NULL && DatumGetPointer(r) != NULL)
	{
		st = (EpisodesState *) DatumGetPointer(r);
		if (st->extra == NULL || st->extra->instellingen == NULL)
			state_extra(st)->instellingen =
				verzuim_instellingen_kopie(GetMemoryChunkContext(st), j);
	}
	return r;
}

PG_FUNCTION_INFO_V1(verzuim_episodes_inst_sfunc);
Datum
verzuim_episodes_inst_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_inst_trans(fcinfo, verzuim_episodes_sfunc, 3);
}

PG_FUNCTION_INFO_V1(verzuim_episodes_brin_inst_sfunc);
Datum
verzuim_episodes_brin_inst_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_inst_trans(fcinfo, verzuim_episodes_brin_sfunc, 4);
}

PG_FUNCTION_INFO_V1(verzuim_episodes_reden_inst_sfunc);
Datum
verzuim_episodes_reden_inst_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_inst_trans(fcinfo, verzuim_episodes_reden_sfunc, 4);
}

PG_FUNCTION_INFO_V1(verzuim_episodes_brin_reden_inst_sfunc);
Datum
verzuim_episodes_brin_reden_inst_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_inst_trans(fcinfo, verzuim_episodes_brin_reden_sfunc, 5);
}

/* episodes_brin(datum, brin [, reden], instellingen): the school of each row
 * comes from the table (no setting); the settings matter on the first row
 * (ziekte_in_episode) and in the final function (the calendar) */
PG_FUNCTION_INFO_V1(verzuim_episodes_perbrin_inst_sfunc);
Datum
verzuim_episodes_perbrin_inst_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_inst_trans(fcinfo, verzuim_episodes_perbrin_sfunc, 3);
}

PG_FUNCTION_INFO_V1(verzuim_episodes_perbrin_reden_inst_sfunc);
Datum
verzuim_episodes_perbrin_reden_inst_sfunc(PG_FUNCTION_ARGS)
{
	return episodes_inst_trans(fcinfo, verzuim_episodes_perbrin_reden_sfunc, 4);
}

PG_FUNCTION_INFO_V1(verzuim_thuiszit_inst);
Datum
verzuim_thuiszit_inst(PG_FUNCTION_ARGS)
{
	Jsonb	   *j = PG_ARGISNULL(3) ? NULL : PG_GETARG_JSONB_P(3);

	return verzuim_met_instellingen(fcinfo, verzuim_thuiszit, j, 3, true);
}
