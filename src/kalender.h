/*
 * kalender.h — the school calendar (public holidays, regional school
 * holidays, school-specific free days) as the C code of every module sees it.
 *
 * A VerzuimKalender covers one vakantieregio for every date in
 * [KALENDER_EERSTE, KALENDER_LAATSTE] (schooljaren 1969-1970 .. 2099-2100).
 * It is built on first use from verzuim.vakantie and cached per backend;
 * edits of verzuim.vakantie / verzuim.schoolvrije_dag invalidate the cache
 * (a statement trigger sends a relcache invalidation), as does a change of
 * the calendar settings.  Pointers returned stay valid until the end of the
 * current SQL function call / aggregate call; do not keep them across calls
 * (call verzuim_kalender() again, it is cheap when the cache is valid).
 */
#ifndef VERZUIM_KALENDER_H
#define VERZUIM_KALENDER_H

#include "verzuim.h"
#include "nodes/pg_list.h"

typedef enum VerzuimRegio
{
	REGIO_NOORD = 0,
	REGIO_MIDDEN = 1,
	REGIO_ZUID = 2,
	REGIO_AANTAL = 3
} VerzuimRegio;

/* day flags */
#define KDAG_WEEKEND	0x01
#define KDAG_FEESTDAG	0x02	/* public holiday on which schools are closed */
#define KDAG_VAKANTIE	0x04	/* regional school holiday */
/*
 * KDAG_ONBEKEND: an uncertain day: in the window of a holiday missing from
 * verzuim.vakantie AND not certainly free (never set together with
 * KDAG_WEEKEND, KDAG_FEESTDAG or KDAG_VAKANTIE: a weekend day, a school-free
 * public holiday or a day of a known holiday is never a lesdag, whatever is
 * missing).  Uncertain days count as school days in lesnr.
 */
#define KDAG_ONBEKEND	0x08

typedef struct VerzuimKalender
{
	VerzuimRegio regio;
	DateADT		eerste;			/* first covered date (KALENDER_EERSTE) */
	int32		ndagen;			/* number of covered dates */
	uint8	   *flags;			/* flags[d - eerste] */
	/* lesnr[i] = number of school days in [eerste, eerste + i); ndagen + 1 entries */
	int32	   *lesnr;
	/* onbekendnr[i] = number of uncertain (KDAG_ONBEKEND) days in [eerste, eerste + i) */
	int32	   *onbekendnr;
	/* fingerprint of flags[] (holiday data and calendar settings): two
	 * servers with the same fingerprint count the same school days */
	uint32		vingerafdruk;
} VerzuimKalender;

/* 1969-08-01 and 2100-07-31 as DateADT (days since 2000-01-01) */
#define KALENDER_EERSTE		(-11110)
#define KALENDER_LAATSTE	36736

/* Parse 'noord' / 'midden' / 'zuid' (case-insensitive); NULL or '' means
 * the setting verzuim.vakantieregio.  Raises 22023 for anything else. */
extern VerzuimRegio verzuim_regio_parse(const char *s);
extern VerzuimRegio verzuim_regio_from_text(text *t);	/* t may be NULL; '' raises 22023 */
extern const char *verzuim_regio_naam(VerzuimRegio r);

/*
 * The regio argument of a transition function, parsed only when its bytes
 * differ from the previous row's (one cache for every aggregate: a zeroed
 * VerzuimRegioCache in fn_extra or in the aggregate state).  NULL means the
 * setting verzuim.vakantieregio, as in verzuim_regio_from_text.
 */
#define REGIO_CACHE_BYTES 16

typedef struct VerzuimRegioCache
{
	bool		valid;			/* regio below holds for the bytes below */
	bool		is_null;		/* ... or for a NULL argument */
	int8		regio;
	int16		len;
	char		bytes[REGIO_CACHE_BYTES];
} VerzuimRegioCache;

static inline VerzuimRegio
verzuim_regio_arg(FunctionCallInfo fcinfo, int argno, VerzuimRegioCache *c)
{
	struct varlena *t;
	VerzuimRegio r;
	int			len;

	if (PG_ARGISNULL(argno))
	{
		if (!(c->valid && c->is_null))
		{
			c->regio = (int8) verzuim_regio_from_text(NULL);
			c->is_null = true;
			c->valid = true;
		}
		return (VerzuimRegio) c->regio;
	}
	/* PG_GETARG_TEXT_PP without the function call for the usual short, plain value */
	t = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	if (unlikely(VARATT_IS_EXTENDED(t) && !VARATT_IS_SHORT(t)))
		t = pg_detoast_datum_packed(t);
	len = VARSIZE_ANY_EXHDR(t);
	if (likely(c->valid && !c->is_null && c->len == len))
	{
		const char *p = VARDATA_ANY(t);
		int			i;

		/* a few bytes: an inlined loop, not a call of memcmp */
		for (i = 0; i < len && c->bytes[i] == p[i]; i++)
			;
		if (i == len)
			return (VerzuimRegio) c->regio;
	}
	r = verzuim_regio_from_text((text *) t);
	c->valid = len <= REGIO_CACHE_BYTES;
	if (c->valid)
	{
		memcpy(c->bytes, VARDATA_ANY(t), len);
		c->len = (int16) len;
		c->regio = (int8) r;
		c->is_null = false;
	}
	return r;
}

/* The (cached) calendar of a region. */
extern const VerzuimKalender *verzuim_kalender(VerzuimRegio regio);

/* Raises 22008 when d is outside [KALENDER_EERSTE, KALENDER_LAATSTE]. */
extern void verzuim_kalender_bereik(DateADT d);

/*
 * Apply the verzuim.onvolledige_kalender policy to the dates [van, tot]
 * (inclusive): ERROR (or a WARNING) when any of them lies in the window of
 * a standard holiday that is missing from verzuim.vakantie for the region:
 * the days the holiday can take under OCW's rules (from 2010-2011: herfst
 * Monday in ISO week 42-44, kerst from a Saturday 18-25 Dec, voorjaar week
 * 7-9, mei week 17-18, zomer weeks 27-35; wide windows before; see
 * vakantie_venster in kalender.c and docs/vakanties.md).  Every public function that
 * answers "is this a school day" must call this (once per call or per
 * aggregate, for the whole span it looks at).
 */
extern void verzuim_kalender_controleer(const VerzuimKalender *k, DateADT van, DateADT tot);

/*
 * Apply the policy unconditionally for the uncertain days in [van, tot]:
 * for callers that found out themselves that their answer depends on them
 * (e.g. episodes: the answer differs when the uncertain days are holidays).
 * Does nothing when [van, tot] has no uncertain day.
 */
extern void verzuim_kalender_meld_onzeker(const VerzuimKalender *k, DateADT van, DateADT tot);

/*
 * The missing holidays that make days of [van, tot] uncertain, as text
 * array elements "regio soort schooljaar" ('noord mei 2025-2026') appended
 * to *namen (a List of text Datums, NIL to start).  Never raises for
 * missing data.  Returns the number added.
 */
extern int	verzuim_kalender_onzeker_door(const VerzuimKalender *k, DateADT van, DateADT tot,
										  List **namen);

/* Number of uncertain days in [van, tot) (half-open). */
static inline int32
verzuim_kalender_onzeker(const VerzuimKalender *k, DateADT van, DateADT tot)
{
	return k->onbekendnr[tot - k->eerste] - k->onbekendnr[van - k->eerste];
}

/* A certain school day: a school day that no missing holiday can take away. */
static inline bool
verzuim_kalender_is_lesdag_zeker(const VerzuimKalender *k, DateADT d)
{
	return (k->flags[d - k->eerste] & (KDAG_WEEKEND | KDAG_FEESTDAG | KDAG_VAKANTIE | KDAG_ONBEKEND)) == 0;
}

static inline bool
verzuim_kalender_is_lesdag(const VerzuimKalender *k, DateADT d)
{
	return (k->flags[d - k->eerste] & (KDAG_WEEKEND | KDAG_FEESTDAG | KDAG_VAKANTIE)) == 0;
}

/* Number of school days in [van, tot) (half-open), regional calendar only. */
static inline int32
verzuim_kalender_lesdagen(const VerzuimKalender *k, DateADT van, DateADT tot)
{
	return k->lesnr[tot - k->eerste] - k->lesnr[van - k->eerste];
}

/*
 * School-specific free days (verzuim.schoolvrije_dag) of one school: a sorted
 * array of dates.  Returns NULL with *n = 0 when the school has none.
 */
extern const DateADT *verzuim_schoolvrije_dagen(const char *brin, int *n);
/* The vakantieregio of a school and its number of school-free days (23503 when unknown). */
extern VerzuimRegio verzuim_school_regio(const char *brin, int *nvrij);

/* Lesdag for a school: regional calendar minus its school-free days. */
extern bool verzuim_is_lesdag_school(const VerzuimKalender *k, const DateADT *vrij, int nvrij, DateADT d);
extern int32 verzuim_lesdagen_school(const VerzuimKalender *k, const DateADT *vrij, int nvrij,
									 DateADT van, DateADT tot);
/* Uncertain days in [van, tot) that are not free days of the school. */
extern int32 verzuim_onzeker_school(const VerzuimKalender *k, const DateADT *vrij, int nvrij,
									DateADT van, DateADT tot);

/* Schooljaar helpers: the first year of the schooljaar of d (2023 for '2023-2024'). */
extern int	verzuim_schooljaar_van(DateADT d);
extern DateADT verzuim_schooljaar_begin(int jaar);	/* 1 Aug jaar */

#endif							/* VERZUIM_KALENDER_H */
