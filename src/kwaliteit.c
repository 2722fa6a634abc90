/*
 * kwaliteit.c -- settings of the registration-quality concern (issue 14):
 * administrative gaps between enrolments.
 *
 * Art. 18 Lpw: schools report in- and uitschrijvingen within 7 days.  A gap
 * between two enrolments (or between a move into the gemeente and the first
 * enrolment there) no longer than that reporting delay is a registration gap,
 * classified administratief, not absoluut verzuim (src/sql/50_episodes.sql,
 * verzuim.absoluut_verzuim; DOMAIN.md section 4.1, seed 002).
 */
#include "postgres.h"

#include "utils/guc.h"

#include "verzuim.h"
#include "lezen.h"

static int	verzuim_meldtermijn = 7;
static bool verzuim_administratief_meetellen = false;

void
verzuim_kwaliteit_init(void)
{
	DefineCustomIntVariable("verzuim.meldtermijn",
							"Reporting delay of in- and uitschrijvingen in days (art. 18 Lpw: within 7 days).",
							"A gap between two enrolments, or between a move into the gemeente and the first "
							"enrolment, of at most this many days is administratief, not absoluut verzuim. "
							"0: every gap is absoluut verzuim.",
							&verzuim_meldtermijn,
							7, 0, 366,
							PGC_USERSET, 0,
							NULL, NULL, NULL);
	DefineCustomBoolVariable("verzuim.administratief_meetellen",
							 "Count administrative gaps (within verzuim.meldtermijn) as absoluut verzuim anyway.",
							 "Off by default: verzuim.absoluut_verzuim() and the counts built on it leave them out.",
							 &verzuim_administratief_meetellen,
							 false,
							 PGC_USERSET, 0,
							 NULL, NULL, NULL);
}

/*
 * verzuim.registratiekwaliteit_rijen(controle, gemeentecode): every finding of
 * the registratiekwaliteit checks (src/sql/90_kwaliteit.sql documents each
 * check; verzuim.kwaliteitscontrole lists them).
 *
 * One pass over each table the checks read, each an ordinary query through
 * SPI (so it runs with the caller's rights and row-level security applies,
 * exactly as for the tables themselves), with the rows handed to a
 * DestReceiver as they come out of the scan: no tuple is copied, no sort is
 * made by the executor.
 *
 *   leerling      -> the pupils (the woongemeente filter); their ids looked
 *                    up in an array (ids below twice the number of pupils)
 *                    or a hash (the others);
 *   verblijf      -> per pupil, sorted on lower(periode) (rows that come in
 *                    pupil order stay in place; otherwise a counting sort on
 *                    the pupil; an insertion sort within);
 *   inschrijving  -> per pupil, sorted on (lower(periode), inschrijving_id);
 *   melding       -> per pupil;
 *   afwezigheid   -> streamed: per row the pupil's enrolments (check 5) and
 *                    meldingen (check 7) are probed in memory;
 *   vrijstelling  -> against the pupil's enrolments (check 8).
 *
 * Then the per-pupil checks (1-4, 9-11) run over the in-memory lists.  The
 * answers equal those of the plain SQL definitions (test/kwaliteit_snel.sql
 * compares them on generated polluted data).  Dates are DateADT; an unbounded
 * upper bound is ONEINDIG.  Memory: about 80 bytes per pupil, 16 per verblijf
 * row and 32 per enrolment (about 400 MB at national scale, 2.7 M pupils),
 * mostly in one mapping (see verzuim_arena_maak); the absence rows are not kept.
 * Findings go to a tuplestore (work_mem, then disk).
 */
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "tcop/dest.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/typcache.h"


#define ONEINDIG VERZUIM_ONEINDIG	/* unbounded upper bound (never a stored bound:
								 * the tables' checks keep bounds below infinity) */

/* the checks, in the order of verzuim.kwaliteitscontrole */
enum
{
	K_GEEN_VERBLIJF = 0,
	K_VERBLIJF_GAT,
	K_INSCHRIJVING_OVERLAP,
	K_BUITEN_NEDERLAND,
	K_AFWEZIGHEID_ZONDER_INSCHRIJVING,
	K_MELDING_ZONDER_INSCHRIJVING,
	K_MELDING_ZONDER_AFWEZIGHEID,
	K_VRIJSTELLING_MET_INSCHRIJVING,
	K_INSCHRIJVING_VOOR_4,
	K_DUBBELE_LEERLING,
	K_ADMINISTRATIEF_GAT,
	K_AANTAL
};

static const char *const kwal_namen[K_AANTAL] = {
	"geen_verblijf", "verblijf_gat", "inschrijving_overlap", "inschrijving_buiten_nederland",
	"afwezigheid_zonder_inschrijving", "melding_zonder_inschrijving", "melding_zonder_afwezigheid",
	"vrijstelling_met_inschrijving", "inschrijving_voor_4", "dubbele_leerling", "administratief_gat"
};

/* interned short strings (gemeentecodes, brin codes): index <-> text */
typedef struct KwalStrings
{
	char	  **s;
	int		   *len;
	uint64	   *kort;			/* the first 8 bytes, zero-padded */
	int			n,
				cap;
	int32	   *slots;			/* open addressing, -1 = empty */
	int			nslots;
	int			laatste;		/* last hit, checked first */
} KwalStrings;

typedef struct KLeerling
{
	int64		id;
	DateADT		geb;
	int32		gem;			/* woongemeente (interned) */
	int32		vb_off,
				nvb;
	int32		ins_off,
				nins;
	int32		meld_off,
				nmeld;
} KLeerling;

typedef struct KVerblijf
{
	int32		p;				/* pupil index (while reading) */
	int32		gem;
	DateADT		lo,
				hi;
} KVerblijf;

typedef struct KInschrijving
{
	int64		id;
	int32		brin;
	DateADT		lo,
				hi;
	uint32		p:31,			/* pupil index */
				regulier:1;		/* onderwijssoort po, vo or mbo */
} KInschrijving;

typedef struct KMelding
{
	int64		nr;
	int32		p;
	int32		brin;
	DateADT		lo,
				hi;
	bool		overig;
	bool		gerechtvaardigd;
} KMelding;

/* id -> pupil index */
typedef struct KwalHashEntry
{
	int64		id;
	int32		idx;
	char		status;
} KwalHashEntry;

#define SH_PREFIX kwh
#define SH_ELEMENT_TYPE KwalHashEntry
#define SH_KEY_TYPE int64
#define SH_KEY id
#define SH_HASH_KEY(tb, key) murmurhash32((uint32) (key) ^ (uint32) ((uint64) (key) >> 32))
#define SH_EQUAL(tb, a, b) ((a) == (b))
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

typedef struct KwalState
{
	MemoryContext werk;
	VerzuimArena arena;			/* one mapping for the large arrays (lezen.c) */
	bool		doe[K_AANTAL];
	const char *gemeente;		/* filter on woongemeente, or NULL */
	int			termijn;

	KwalStrings gem;
	KwalStrings brin;

	KLeerling  *ll;
	int32		nll,
				capll;
	int32	   *dicht;			/* ids 0 .. ndicht-1: pupil index + 1, or 0 */
	int64		ndicht;
	kwh_hash   *hash;			/* the other ids */
	int64		laatste_id;		/* cache of the last lookup */
	int32		laatste_idx;

	KVerblijf  *vb;
	int32		nvb,
				capvb;
	KInschrijving *ins;
	int32		nins,
				capins;
	/* the rows of each pupil came together (the usual physical order) */
	bool		vb_aaneen,
				ins_aaneen;
	int32		vb_vorige,
				ins_vorige;
	KMelding   *meld;
	int32		nmeld,
				capmeld;

	int			afw_vorm;		/* afwezigheid tuples read in place: -1 unknown, 0, 1 */

	/* enum labels: reden (oid -> label), which reden justify a melding */
	int			nreden;
	Oid			reden_oid[32];
	char	   *reden_label[32];
	bool		reden_telt[32];
	Oid			regulier_oid[3];

	Tuplestorestate *uit;
	TupleDesc	uit_desc;
} KwalState;

/* --- memory for the large arrays ---------------------------------------- */

/*
 * The per-pupil arrays (tens of MB at national scale) are touched once each,
 * so most of their cost is the page faults of fresh memory (a third of the
 * whole run on the benchmark machine): they are carved from one arena of huge
 * pages (lezen.c), sized by the tables' statistics; whatever does not fit
 * falls back to palloc.  The arena is released with the work context.
 */
#define kwal_groot(st, n) verzuim_arena_alloc(&(st)->arena, (st)->werk, (n))
#define kwal_groot0(st, n) verzuim_arena_alloc0(&(st)->arena, (st)->werk, (n))
#define kwal_vergroot(st, p, oud, nieuw) verzuim_arena_vergroot(&(st)->arena, (st)->werk, (p), (oud), (nieuw))
#define kwal_vrij(st, p) verzuim_arena_vrij(&(st)->arena, (p))

/* --- interned strings --------------------------------------------------- */

static void
kwal_strings_init(KwalStrings *t)
{
	t->n = 0;
	t->cap = 64;
	t->s = palloc_array(char *, t->cap);
	t->len = palloc_array(int, t->cap);
	t->kort = palloc_array(uint64, t->cap);
	t->nslots = 256;
	t->slots = palloc_array(int32, t->nslots);
	memset(t->slots, -1, sizeof(int32) * t->nslots);
	t->laatste = -1;
}

static inline uint64
kwal_kort(const char *s, int len)
{
	uint64		k = 0;

	memcpy(&k, s, Min(len, 8));
	return k;
}

/* string s (len bytes, packed key k) equals interned string i */
static inline bool
kwal_gelijk(KwalStrings *t, int32 i, const char *s, int len, uint64 k)
{
	return t->len[i] == len && t->kort[i] == k && (len <= 8 || memcmp(t->s[i] + 8, s + 8, len - 8) == 0);
}

static inline uint32
kwal_strhash(const char *s, int len, uint64 k)
{
	if (len <= 8)
		return (uint32) (((k ^ (uint64) len) * UINT64CONST(0x9E3779B97F4A7C15)) >> 32);
	return hash_bytes((const unsigned char *) s, len);
}

static int32
kwal_strings_zoek(KwalStrings *t, const char *s, int len, bool maak)
{
	uint32		h;
	int			i;
	uint64		kort = kwal_kort(s, len);

	if (t->laatste >= 0 && kwal_gelijk(t, t->laatste, s, len, kort))
		return t->laatste;
	h = kwal_strhash(s, len, kort);
	for (i = h & (t->nslots - 1);; i = (i + 1) & (t->nslots - 1))
	{
		int32		k = t->slots[i];

		if (k < 0)
			break;
		if (kwal_gelijk(t, k, s, len, kort))
			return t->laatste = k;
	}
	if (!maak)
		return -1;
	if (t->n == t->cap)
	{
		t->cap *= 2;
		t->s = repalloc_array(t->s, char *, t->cap);
		t->len = repalloc_array(t->len, int, t->cap);
		t->kort = repalloc_array(t->kort, uint64, t->cap);
	}
	t->s[t->n] = pnstrdup(s, len);
	t->len[t->n] = len;
	t->kort[t->n] = kort;
	t->slots[i] = t->n;
	t->n++;
	if (t->n * 2 > t->nslots)
	{
		/* grow and rehash */
		int			ns = t->nslots * 2;
		int32	   *nsl = palloc_array(int32, ns);

		memset(nsl, -1, sizeof(int32) * ns);
		for (int k = 0; k < t->n; k++)
		{
			int			j = kwal_strhash(t->s[k], t->len[k], t->kort[k]) & (ns - 1);

			while (nsl[j] >= 0)
				j = (j + 1) & (ns - 1);
			nsl[j] = k;
		}
		pfree(t->slots);
		t->slots = nsl;
		t->nslots = ns;
	}
	return t->laatste = t->n - 1;
}

static inline int32
kwal_text(KwalStrings *t, Datum d, bool maak)
{
	text	   *v = DatumGetTextPP(d);
	int32		r = kwal_strings_zoek(t, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), maak);

	if ((Pointer) v != DatumGetPointer(d))
		pfree(v);
	return r;
}

/* --- dates and ranges --------------------------------------------------- */

/* a stored daterange as [lo, hi) (lezen.c; hi = ONEINDIG when unbounded, lo = hi when empty) */
#define kwal_periode(d, lo, hi) verzuim_periode((d), (lo), (hi))

#define kwal_range(lo, hi) verzuim_periode_range((lo), (hi))

/* (geboortedatum + interval '4 years')::date: the day clamped to the month's end */
static DateADT
kwal_vierde_verjaardag(DateADT geb)
{
	int			y,
				m,
				d;

	j2date(geb + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	y += 4;
	if (d > day_tab[isleap(y)][m - 1])
		d = day_tab[isleap(y)][m - 1];
	return date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
}

/* --- output ------------------------------------------------------------- */

static void
kwal_uit(KwalState *st, int controle, KLeerling *p, const char *tabel, const char *sleutel,
		 int32 brin, bool periode, DateADT lo, DateADT hi, const char *verwant)
{
	Datum		v[8];
	bool		n[8] = {false, false, false, false, false, false, false, false};

	v[0] = CStringGetTextDatum(kwal_namen[controle]);
	v[1] = PointerGetDatum(cstring_to_text_with_len(st->gem.s[p->gem], st->gem.len[p->gem]));
	v[2] = Int64GetDatum(p->id);
	v[3] = CStringGetTextDatum(tabel);
	if (sleutel)
		v[4] = CStringGetTextDatum(sleutel);
	else
		n[4] = true;
	if (brin >= 0)
		v[5] = PointerGetDatum(cstring_to_text_with_len(st->brin.s[brin], st->brin.len[brin]));
	else
		n[5] = true;
	if (periode)
		v[6] = kwal_range(lo, hi);
	else
		n[6] = true;
	if (verwant)
		v[7] = CStringGetTextDatum(verwant);
	else
		n[7] = true;
	tuplestore_putvalues(st->uit, st->uit_desc, v, n);
}

static char *
kwal_int8(int64 x)
{
	return psprintf(INT64_FORMAT, x);
}

/* --- reading the tables ------------------------------------------------- */

typedef struct KwalLees
{
	KwalState  *st;
	void		(*rij) (KwalState *st, TupleTableSlot *slot);
} KwalLees;

static void
kwal_rij(void *arg, TupleTableSlot *slot)
{
	KwalLees   *l = (KwalLees *) arg;

	l->rij(l->st, slot);
}

/* one table, every row to rij in the working context (lezen.c) */
static void
kwal_lees(KwalState *st, const char *sql, void (*rij) (KwalState *st, TupleTableSlot *slot))
{
	KwalLees	l;

	l.st = st;
	l.rij = rij;
	verzuim_lees("registratiekwaliteit", sql, 0, NULL, NULL, st->werk, kwal_rij, &l);
}

static inline KLeerling *
kwal_leerling(KwalState *st, int64 id)
{
	KwalHashEntry *e;
	int32		idx;

	if (id == st->laatste_id && st->laatste_idx >= 0)
		return &st->ll[st->laatste_idx];
	if (id >= 0 && id < st->ndicht)
		idx = st->dicht[id] - 1;
	else
	{
		e = kwh_lookup(st->hash, id);
		idx = e ? e->idx : -1;
	}
	if (idx < 0)
		return NULL;
	st->laatste_id = id;
	st->laatste_idx = idx;
	return &st->ll[idx];
}

#define KWAL_GROEI(st, arr, n, cap, type) \
	do { \
		if ((st)->n == (st)->cap) \
		{ \
			(st)->arr = (type *) kwal_vergroot((st), (st)->arr, sizeof(type) * (Size) (st)->cap, \
											   sizeof(type) * (Size) (st)->cap * 2); \
			(st)->cap *= 2; \
		} \
	} while (0)

static void
kwal_rij_leerling(KwalState *st, TupleTableSlot *slot)
{
	int64		id;
	int32		gem;
	bool		found;
	KwalHashEntry *e;
	KLeerling  *p;

	slot_getsomeattrs(slot, 3);
	id = DatumGetInt64(slot->tts_values[0]);
	gem = kwal_text(&st->gem, slot->tts_values[2], true);
	if (st->gemeente && strcmp(st->gem.s[gem], st->gemeente) != 0)
		return;
	if (id >= 0 && id < st->ndicht)
	{
		if (st->dicht[id] != 0)
			return;				/* cannot happen: leerling_id is the key */
		st->dicht[id] = st->nll + 1;
	}
	else
	{
		e = kwh_insert(st->hash, id, &found);
		if (found)
			return;
		e->idx = st->nll;
	}
	KWAL_GROEI(st, ll, nll, capll, KLeerling);
	p = &st->ll[st->nll++];
	memset(p, 0, sizeof(*p));
	p->id = id;
	p->geb = DatumGetDateADT(slot->tts_values[1]);
	p->gem = gem;
}

static void
kwal_rij_verblijf(KwalState *st, TupleTableSlot *slot)
{
	KLeerling  *p;
	KVerblijf  *v;

	slot_getsomeattrs(slot, 3);
	p = kwal_leerling(st, DatumGetInt64(slot->tts_values[0]));
	if (p == NULL)
		return;
	KWAL_GROEI(st, vb, nvb, capvb, KVerblijf);
	if (p - st->ll != st->vb_vorige)
	{
		if (p->nvb > 0)
			st->vb_aaneen = false;
		p->vb_off = st->nvb;
		st->vb_vorige = p - st->ll;
	}
	v = &st->vb[st->nvb++];
	v->p = p - st->ll;
	v->gem = kwal_text(&st->gem, slot->tts_values[1], true);
	kwal_periode(slot->tts_values[2], &v->lo, &v->hi);
	p->nvb++;
}

static void
kwal_rij_inschrijving(KwalState *st, TupleTableSlot *slot)
{
	KLeerling  *p;
	KInschrijving *i;
	Oid			soort;

	slot_getsomeattrs(slot, 5);
	p = kwal_leerling(st, DatumGetInt64(slot->tts_values[1]));
	if (p == NULL)
		return;
	KWAL_GROEI(st, ins, nins, capins, KInschrijving);
	if (p - st->ll != st->ins_vorige)
	{
		if (p->nins > 0)
			st->ins_aaneen = false;
		p->ins_off = st->nins;
		st->ins_vorige = p - st->ll;
	}
	i = &st->ins[st->nins++];
	i->id = DatumGetInt64(slot->tts_values[0]);
	i->p = p - st->ll;
	i->brin = kwal_text(&st->brin, slot->tts_values[2], true);
	kwal_periode(slot->tts_values[3], &i->lo, &i->hi);
	soort = DatumGetObjectId(slot->tts_values[4]);
	i->regulier = (soort == st->regulier_oid[0] || soort == st->regulier_oid[1] || soort == st->regulier_oid[2]);
	p->nins++;
}

static void
kwal_rij_melding(KwalState *st, TupleTableSlot *slot)
{
	KLeerling  *p;
	KMelding   *m;

	slot_getsomeattrs(slot, 5);
	p = kwal_leerling(st, DatumGetInt64(slot->tts_values[1]));
	if (p == NULL)
		return;
	KWAL_GROEI(st, meld, nmeld, capmeld, KMelding);
	m = &st->meld[st->nmeld++];
	m->nr = DatumGetInt64(slot->tts_values[0]);
	m->p = p - st->ll;
	m->brin = kwal_text(&st->brin, slot->tts_values[2], true);
	kwal_periode(slot->tts_values[3], &m->lo, &m->hi);
	m->overig = DatumGetBool(slot->tts_values[4]);
	m->gerechtvaardigd = false;
	p->nmeld++;
}

/* the brin of a row (s, len, packed key kort) equals interned brin k */
static inline bool
kwal_zelfde_brin(KwalState *st, int32 k, const char *s, int len, uint64 kort)
{
	return kwal_gelijk(&st->brin, k, s, len, kort);
}

/*
 * The afwezigheid rows are most of what the checks read (ten times the other
 * tables together).  When the scan hands over the heap tuple itself (the
 * usual case: every column selected in table order, so no projection) and
 * the table's first four columns are (bigint, text, date, 4-byte enum) with
 * no dropped column, they are read straight from the tuple: the same
 * offsets the generic deforming computes (int8 at 0, the varlena after it,
 * then date and enum aligned to 4), without filling tts_values for all of
 * them.  A tuple with nulls, or a brin that is not a plain inline varlena,
 * takes the generic way.
 */
static bool
kwal_afw_vorm(TupleDesc td)
{
	Form_pg_attribute a;

	if (td->natts < 4)
		return false;
	for (int i = 0; i < 4; i++)
		if (TupleDescAttr(td, i)->attisdropped)
			return false;
	a = TupleDescAttr(td, 0);
	if (a->atttypid != INT8OID || a->attlen != 8 || !a->attbyval)
		return false;
	a = TupleDescAttr(td, 1);
	if (a->atttypid != TEXTOID || a->attlen != -1 || a->attalign != TYPALIGN_INT)
		return false;
	a = TupleDescAttr(td, 2);
	if (a->atttypid != DATEOID || a->attlen != 4 || a->attalign != TYPALIGN_INT)
		return false;
	a = TupleDescAttr(td, 3);
	if (a->attlen != 4 || !a->attbyval || a->attalign != TYPALIGN_INT)
		return false;
	return true;
}

static bool
kwal_afw_direct(KwalState *st, TupleTableSlot *slot, int64 *id, const char **b, int *blen,
				DateADT *datum, Oid *reden)
{
	HeapTuple	tup;
	HeapTupleHeader th;
	char	   *d;
	Size		off;

	if (slot->tts_ops != &TTSOpsBufferHeapTuple)
		return false;
	if (st->afw_vorm < 0)
		st->afw_vorm = kwal_afw_vorm(slot->tts_tupleDescriptor) ? 1 : 0;
	if (st->afw_vorm == 0)
		return false;
	tup = ((HeapTupleTableSlot *) slot)->tuple;
	if (tup == NULL || HeapTupleHasNulls(tup))
		return false;
	th = tup->t_data;
	if (HeapTupleHeaderGetNatts(th) < 4)
		return false;
	d = (char *) th + th->t_hoff;
	memcpy(id, d, sizeof(int64));
	off = sizeof(int64);
	if (!VARATT_IS_SHORT(d + off))
	{
		off = TYPEALIGN(ALIGNOF_INT, off);
		if (VARATT_IS_EXTENDED(d + off))
			return false;		/* compressed or external: not for a brin */
	}
	*b = VARDATA_ANY(d + off);
	*blen = VARSIZE_ANY_EXHDR(d + off);
	off += VARSIZE_ANY(d + off);
	off = TYPEALIGN(ALIGNOF_INT, off);
	memcpy(datum, d + off, sizeof(DateADT));
	off += sizeof(DateADT);
	memcpy(reden, d + off, sizeof(Oid));
	return true;
}

static void
kwal_rij_afwezigheid(KwalState *st, TupleTableSlot *slot)
{
	KLeerling  *p;
	text	   *bt = NULL;
	const char *b;
	int			blen;
	uint64		kort;
	DateADT		datum;
	Oid			reden;
	int64		id;

	if (!kwal_afw_direct(st, slot, &id, &b, &blen, &datum, &reden))
	{
		slot_getsomeattrs(slot, 4);
		id = DatumGetInt64(slot->tts_values[0]);
		bt = DatumGetTextPP(slot->tts_values[1]);
		b = VARDATA_ANY(bt);
		blen = VARSIZE_ANY_EXHDR(bt);
		datum = DatumGetDateADT(slot->tts_values[2]);
		reden = DatumGetObjectId(slot->tts_values[3]);
	}
	p = kwal_leerling(st, id);
	if (p == NULL)
		return;
	if (!st->doe[K_AFWEZIGHEID_ZONDER_INSCHRIJVING] && p->nmeld == 0)
		return;
	kort = kwal_kort(b, blen);

	if (st->doe[K_AFWEZIGHEID_ZONDER_INSCHRIJVING])
	{
		bool		ingeschreven = false;

		for (int k = 0; k < p->nins; k++)
		{
			KInschrijving *i = &st->ins[p->ins_off + k];

			if (i->lo <= datum && datum < i->hi && kwal_zelfde_brin(st, i->brin, b, blen, kort))
			{
				ingeschreven = true;
				break;
			}
		}
		if (!ingeschreven)
		{
			const char *label = NULL;
			int32		brin = kwal_strings_zoek(&st->brin, b, blen, true);

			for (int r = 0; r < st->nreden; r++)
				if (st->reden_oid[r] == reden)
					label = st->reden_label[r];
			kwal_uit(st, K_AFWEZIGHEID_ZONDER_INSCHRIJVING, p, "afwezigheid", label, brin,
					 true, datum, datum + 1, NULL);
		}
	}
	if (p->nmeld > 0)
	{
		bool		telt = false;

		for (int r = 0; r < st->nreden; r++)
			if (st->reden_oid[r] == reden)
				telt = st->reden_telt[r];
		for (int k = 0; k < p->nmeld; k++)
		{
			KMelding   *m = &st->meld[p->meld_off + k];

			if (!m->gerechtvaardigd && (telt || m->overig) && m->lo <= datum && datum < m->hi &&
				kwal_zelfde_brin(st, m->brin, b, blen, kort))
				m->gerechtvaardigd = true;
		}
	}
	if (bt && (Pointer) bt != DatumGetPointer(slot->tts_values[1]))
		pfree(bt);
}

static void
kwal_rij_vrijstelling(KwalState *st, TupleTableSlot *slot)
{
	KLeerling  *p;
	int64		id;
	DateADT		lo,
				hi;

	slot_getsomeattrs(slot, 3);
	p = kwal_leerling(st, DatumGetInt64(slot->tts_values[1]));
	if (p == NULL)
		return;
	id = DatumGetInt64(slot->tts_values[0]);
	kwal_periode(slot->tts_values[2], &lo, &hi);
	for (int k = 0; k < p->nins; k++)
	{
		KInschrijving *i = &st->ins[p->ins_off + k];

		if (i->regulier && i->lo < hi && lo < i->hi)
			kwal_uit(st, K_VRIJSTELLING_MET_INSCHRIJVING, p, "vrijstelling", kwal_int8(id), i->brin,
					 true, Max(lo, i->lo), Min(hi, i->hi), psprintf("inschrijving " INT64_FORMAT, i->id));
	}
}

static void
kwal_rij_grootte(KwalState *st, TupleTableSlot *slot)
{
	char	   *naam;
	int64		n;
	int32		cap;

	slot_getsomeattrs(slot, 2);
	naam = TextDatumGetCString(slot->tts_values[0]);
	n = DatumGetInt64(slot->tts_values[1]);
	/* a little over the estimate; never-analyzed tables say -1 */
	cap = (int32) Min(Max(n, 0) + n / 16 + 16, (int64) 1 << 28);
	if (strcmp(naam, "leerling") == 0)
		st->capll = cap;
	else if (strcmp(naam, "verblijf") == 0)
		st->capvb = cap;
	else if (strcmp(naam, "inschrijving") == 0)
		st->capins = cap;
	else
		st->capmeld = cap;
}

static void
kwal_rij_enum(KwalState *st, TupleTableSlot *slot)
{
	Oid			typ,
				oid;
	char	   *label;

	slot_getsomeattrs(slot, 3);
	typ = DatumGetObjectId(slot->tts_values[0]);
	oid = DatumGetObjectId(slot->tts_values[1]);
	label = TextDatumGetCString(slot->tts_values[2]);
	if (typ == 1)				/* verzuim.reden */
	{
		if (st->nreden < lengthof(st->reden_oid))
		{
			st->reden_oid[st->nreden] = oid;
			st->reden_label[st->nreden] = label;
			st->reden_telt[st->nreden] = (strcmp(label, "ongeoorloofd") == 0 || strcmp(label, "luxe") == 0 ||
										  strcmp(label, "te_laat") == 0);
			st->nreden++;
		}
	}
	else if (strcmp(label, "po") == 0)
		st->regulier_oid[0] = oid;
	else if (strcmp(label, "vo") == 0)
		st->regulier_oid[1] = oid;
	else if (strcmp(label, "mbo") == 0)
		st->regulier_oid[2] = oid;
}

/* --- per pupil ---------------------------------------------------------- */

/* group the rows of a table by pupil: a counting sort on the pupil index */
static void
kwal_verdeel_verblijf(KwalState *st)
{
	KVerblijf  *uit;
	int32		off = 0;

	if (st->vb_aaneen)
	{
		/* already together: only sort within each pupil */
		for (int32 k = 0; k < st->nll; k++)
		{
			KVerblijf  *a = &st->vb[st->ll[k].vb_off];

			for (int i = 1; i < st->ll[k].nvb; i++)
			{
				KVerblijf	x = a[i];
				int			j = i;

				while (j > 0 && a[j - 1].lo > x.lo)
				{
					a[j] = a[j - 1];
					j--;
				}
				a[j] = x;
			}
		}
		return;
	}
	uit = kwal_groot(st, sizeof(KVerblijf) * (Size) st->nvb);

	for (int32 k = 0; k < st->nll; k++)
	{
		st->ll[k].vb_off = off;
		off += st->ll[k].nvb;
		st->ll[k].nvb = 0;
	}
	for (int32 r = 0; r < st->nvb; r++)
	{
		KLeerling  *p = &st->ll[st->vb[r].p];
		int32		j = p->vb_off + p->nvb++;

		/* insertion sort on lower(periode) within the pupil */
		while (j > p->vb_off && uit[j - 1].lo > st->vb[r].lo)
		{
			uit[j] = uit[j - 1];
			j--;
		}
		uit[j] = st->vb[r];
	}
	kwal_vrij(st, st->vb);
	st->vb = uit;
}

static void
kwal_verdeel_inschrijving(KwalState *st)
{
	KInschrijving *uit;
	int32		off = 0;

	if (st->ins_aaneen)
	{
		/* already together: only sort within each pupil */
		for (int32 k = 0; k < st->nll; k++)
		{
			KInschrijving *a = &st->ins[st->ll[k].ins_off];

			for (int i = 1; i < st->ll[k].nins; i++)
			{
				KInschrijving x = a[i];
				int			j = i;

				while (j > 0 && (a[j - 1].lo > x.lo || (a[j - 1].lo == x.lo && a[j - 1].id > x.id)))
				{
					a[j] = a[j - 1];
					j--;
				}
				a[j] = x;
			}
		}
		return;
	}
	uit = kwal_groot(st, sizeof(KInschrijving) * (Size) st->nins);

	for (int32 k = 0; k < st->nll; k++)
	{
		st->ll[k].ins_off = off;
		off += st->ll[k].nins;
		st->ll[k].nins = 0;
	}
	for (int32 r = 0; r < st->nins; r++)
	{
		KInschrijving *x = &st->ins[r];
		KLeerling  *p = &st->ll[x->p];
		int32		j = p->ins_off + p->nins++;

		/* insertion sort on (lower(periode), inschrijving_id) within the pupil */
		while (j > p->ins_off && (uit[j - 1].lo > x->lo || (uit[j - 1].lo == x->lo && uit[j - 1].id > x->id)))
		{
			uit[j] = uit[j - 1];
			j--;
		}
		uit[j] = *x;
	}
	kwal_vrij(st, st->ins);
	st->ins = uit;
}

static void
kwal_verdeel_melding(KwalState *st)
{
	KMelding   *uit = kwal_groot(st, sizeof(KMelding) * (Size) st->nmeld);
	int32		off = 0;

	for (int32 k = 0; k < st->nll; k++)
	{
		st->ll[k].meld_off = off;
		off += st->ll[k].nmeld;
		st->ll[k].nmeld = 0;
	}
	for (int32 r = 0; r < st->nmeld; r++)
	{
		KLeerling  *p = &st->ll[st->meld[r].p];

		uit[p->meld_off + p->nmeld++] = st->meld[r];
	}
	kwal_vrij(st, st->meld);
	st->meld = uit;
}

/*
 * The union of the pupil's enrolments (or verblijf periods) as components
 * [lo, hi), adjacent periods merged (as a multirange).  Input sorted on lo.
 */
static int
kwal_vereniging(const DateADT *lo, const DateADT *hi, int n, int stap, DateADT *clo, DateADT *chi)
{
	int			c = 0;

	for (int k = 0; k < n; k++)
	{
		DateADT		l = *(const DateADT *) ((const char *) lo + (Size) k * stap);
		DateADT		h = *(const DateADT *) ((const char *) hi + (Size) k * stap);

		if (c > 0 && l <= chi[c - 1])
		{
			if (h > chi[c - 1])
				chi[c - 1] = h;
		}
		else
		{
			clo[c] = l;
			chi[c] = h;
			c++;
		}
	}
	return c;
}

/* dubbele_leerling: the same key (geboortedatum, woongemeente, verblijf history) */
static bool
kwal_zelfde_sleutel(KwalState *st, int32 a, int32 b)
{
	const KLeerling *p = &st->ll[a];
	const KLeerling *q = &st->ll[b];

	if (p->geb != q->geb || p->gem != q->gem || p->nvb != q->nvb)
		return false;
	for (int k = 0; k < p->nvb; k++)
	{
		const KVerblijf *x = &st->vb[p->vb_off + k];
		const KVerblijf *y = &st->vb[q->vb_off + k];

		if (x->gem != y->gem || x->lo != y->lo || x->hi != y->hi)
			return false;
	}
	return true;
}

typedef struct KwalSleutel
{
	uint32		h;				/* 32 bits of the hash of the key */
	int32		idx;
} KwalSleutel;

typedef struct KwalLid
{
	int64		id;
	DateADT		lo,				/* the first day of the first enrolment */
				hi;				/* the end of the last */
	bool		een;			/* the enrolments cover every day of [lo, hi) */
	int32		idx;
} KwalLid;

static inline uint64
kwal_meng(uint64 h, uint32 x)
{
	h = (h ^ x) * UINT64CONST(0x9E3779B97F4A7C15);
	return h ^ (h >> 31);
}

/* sort on h: two LSD radix passes of 16 bits */
static void
kwal_radix(KwalState *st, KwalSleutel *k, int32 n)
{
	KwalSleutel *tmp = kwal_groot(st, sizeof(KwalSleutel) * (Size) n);
	int32	   *tel = palloc_array(int32, 65536);

	for (int pass = 0; pass < 2; pass++)
	{
		int			shift = 16 * pass;
		KwalSleutel *van = pass == 0 ? k : tmp,
				   *naar = pass == 0 ? tmp : k;
		int32		som = 0;

		memset(tel, 0, sizeof(int32) * 65536);
		for (int32 i = 0; i < n; i++)
			tel[(van[i].h >> shift) & 0xFFFF]++;
		for (int b = 0; b < 65536; b++)
		{
			int32		c = tel[b];

			tel[b] = som;
			som += c;
		}
		for (int32 i = 0; i < n; i++)
			naar[tel[(van[i].h >> shift) & 0xFFFF]++] = van[i];
	}
	pfree(tel);
	kwal_vrij(st, tmp);
}

/*
 * dubbele_leerling: the pupils with an enrolment, grouped on (geboortedatum,
 * woongemeente, verblijf history) by a hash of that key (radix sort on 32
 * bits of it); equal hashes are then compared in full, so a collision never
 * makes a finding.
 */
static void
kwal_dubbel(KwalState *st)
{
	KwalSleutel *k = kwal_groot(st, sizeof(KwalSleutel) * (Size) st->nll);
	int32		n = 0;
	KwalLid    *lid = NULL;
	int32		nlid = 0;

	for (int32 i = 0; i < st->nll; i++)
	{
		KLeerling  *p = &st->ll[i];
		uint64		h;

		if (p->nins == 0)
			continue;
		h = kwal_meng(kwal_meng((uint64) p->gem, (uint32) p->geb), (uint32) p->nvb);
		for (int j = 0; j < p->nvb; j++)
		{
			KVerblijf  *v = &st->vb[p->vb_off + j];

			h = kwal_meng(kwal_meng(kwal_meng(h, (uint32) v->gem), (uint32) v->lo), (uint32) v->hi);
		}
		k[n].h = (uint32) (h >> 32);
		k[n].idx = i;
		n++;
	}
	kwal_radix(st, k, n);
	for (int32 s = 0; s < n;)
	{
		int32		e = s + 1,
					m;
		bool		allemaal;

		while (e < n && k[e].h == k[s].h)
			e++;
		if (e - s == 1)
		{
			s = e;
			continue;
		}

		/*
		 * A group: the members with what the pair test needs, sorted on
		 * (lower(first enrolment), id), so that every later member is the
		 * pupil with the later first enrolment of its pair.  Usually every
		 * member has exactly the same key (pupils born on one day in one
		 * gemeente who never moved); otherwise the keys are compared per pair.
		 */
		m = e - s;
		if (m > nlid)
		{
			nlid = Max(m, 2 * nlid);
			lid = lid ? repalloc_array(lid, KwalLid, nlid) : palloc_array(KwalLid, nlid);
		}
		allemaal = true;
		for (int32 j = 0; j < m; j++)
		{
			KLeerling  *p = &st->ll[k[s + j].idx];
			KInschrijving *ins = &st->ins[p->ins_off];
			KwalLid		x;
			int			i;

			x.idx = k[s + j].idx;
			x.id = p->id;
			x.lo = ins[0].lo;
			x.hi = ins[0].hi;
			x.een = true;
			for (i = 1; i < p->nins; i++)
			{
				if (ins[i].lo > x.hi)
					x.een = false;
				x.hi = Max(x.hi, ins[i].hi);
			}
			if (j > 0 && allemaal && !kwal_zelfde_sleutel(st, lid[0].idx, x.idx))
				allemaal = false;
			/* insertion sort on (lo, id) */
			for (i = j; i > 0 && (lid[i - 1].lo > x.lo || (lid[i - 1].lo == x.lo && lid[i - 1].id > x.id)); i--)
				lid[i] = lid[i - 1];
			lid[i] = x;
		}
		for (int32 x = 0; x < m; x++)
			for (int32 y = x + 1; y < m; y++)
			{
				KwalLid    *a = &lid[x],
						   *b = &lid[y];
				bool		overlap;

				if (!allemaal && !kwal_zelfde_sleutel(st, a->idx, b->idx))
					continue;
				if (a->hi <= b->lo)
					overlap = false;	/* the spans do not meet (b->lo >= a->lo) */
				else if (a->een && b->een)
					overlap = true; /* both enrolled on every day of their spans */
				else
				{
					KLeerling  *pa = &st->ll[a->idx],
							   *pb = &st->ll[b->idx];

					overlap = false;
					for (int i = 0; i < pa->nins && !overlap; i++)
						for (int j = 0; j < pb->nins && !overlap; j++)
						{
							KInschrijving *u = &st->ins[pa->ins_off + i];
							KInschrijving *v = &st->ins[pb->ins_off + j];

							overlap = (u->lo < v->hi && v->lo < u->hi);
						}
				}
				if (!overlap)
					kwal_uit(st, K_DUBBELE_LEERLING, &st->ll[b->idx], "leerling", kwal_int8(b->id), -1,
							 false, 0, 0, psprintf("leerling " INT64_FORMAT, a->id));
			}
		s = e;
	}
	if (lid)
		pfree(lid);
	kwal_vrij(st, k);
}

static void
kwal_per_leerling(KwalState *st, KLeerling *p, DateADT *clo, DateADT *chi, DateADT *vlo, DateADT *vhi)
{
	KVerblijf  *vb = &st->vb[p->vb_off];
	KInschrijving *ins = &st->ins[p->ins_off];
	int			nv = 0;

	/* 1 no verblijf history */
	if (st->doe[K_GEEN_VERBLIJF] && p->nvb == 0)
		kwal_uit(st, K_GEEN_VERBLIJF, p, "leerling", kwal_int8(p->id), -1, false, 0, 0, NULL);

	/* 2 gaps between consecutive verblijf periods */
	if (st->doe[K_VERBLIJF_GAT])
		for (int k = 1; k < p->nvb; k++)
			if (vb[k - 1].hi < vb[k].lo)
				kwal_uit(st, K_VERBLIJF_GAT, p, "verblijf", NULL, -1, true, vb[k - 1].hi, vb[k].lo,
						 psprintf("%s -> %s", st->gem.s[vb[k - 1].gem], st->gem.s[vb[k].gem]));

	/* 3 enrolments at two schools overlapping by more than the transfer day */
	if (st->doe[K_INSCHRIJVING_OVERLAP])
		for (int a = 0; a < p->nins; a++)
			for (int b = a + 1; b < p->nins; b++)
			{
				DateADT		lo = Max(ins[a].lo, ins[b].lo),
							hi = Min(ins[a].hi, ins[b].hi);

				/* sorted on (lower, id): a comes before b */
				if (lo < hi && ins[a].brin != ins[b].brin && (hi == ONEINDIG || hi - lo > 1))
					kwal_uit(st, K_INSCHRIJVING_OVERLAP, p, "inschrijving", kwal_int8(ins[a].id), ins[a].brin,
							 true, lo, hi, psprintf("inschrijving " INT64_FORMAT, ins[b].id));
			}

	/* 4 enrolments in periods the pupil did not live in the Netherlands */
	if (st->doe[K_BUITEN_NEDERLAND] && p->nvb > 0 && p->nins > 0)
	{
		nv = kwal_vereniging(&vb[0].lo, &vb[0].hi, p->nvb, sizeof(KVerblijf), vlo, vhi);
		for (int k = 0; k < p->nins; k++)
		{
			DateADT		lo = ins[k].lo,
						hi = ins[k].hi,
						eerste = lo,
						eind = hi;
			bool		gedekt = false;

			/* the first day not covered */
			for (int c = 0; c < nv; c++)
			{
				if (vhi[c] <= eerste)
					continue;
				if (vlo[c] > eerste)
					break;
				eerste = vhi[c];
				if (eerste >= hi)
				{
					gedekt = true;
					break;
				}
			}
			if (gedekt || eerste >= hi)
				continue;
			/* the end of the last stretch not covered */
			for (int c = nv - 1; c >= 0; c--)
			{
				if (vlo[c] >= eind)
					continue;
				if (vhi[c] < eind)
					break;
				eind = vlo[c];
			}
			kwal_uit(st, K_BUITEN_NEDERLAND, p, "inschrijving", kwal_int8(ins[k].id), ins[k].brin,
					 true, eerste, eind, NULL);
		}
	}

	/* 9 enrolments that begin before the 4th birthday */
	if (st->doe[K_INSCHRIJVING_VOOR_4] && p->nins > 0)
	{
		DateADT		vier = kwal_vierde_verjaardag(p->geb);

		for (int k = 0; k < p->nins; k++)
			if (ins[k].lo < vier)
				kwal_uit(st, K_INSCHRIJVING_VOOR_4, p, "inschrijving", kwal_int8(ins[k].id), ins[k].brin,
						 true, ins[k].lo, vier, NULL);
	}

	/* 11 gaps between enrolments within the reporting delay (art. 18) */
	if (st->doe[K_ADMINISTRATIEF_GAT] && p->nins > 1)
	{
		int			nc = kwal_vereniging(&ins[0].lo, &ins[0].hi, p->nins, sizeof(KInschrijving), clo, chi);

		for (int c = 1; c < nc; c++)
		{
			DateADT		lo = chi[c - 1],
						hi = clo[c];
			int			nx = -1,
						vx = -1;

			if (hi - lo > st->termijn)
				continue;
			for (int k = 0; k < p->nins; k++)
			{
				if (ins[k].lo == hi && (nx < 0 || ins[k].id < ins[nx].id))
					nx = k;
				if (ins[k].hi == lo && (vx < 0 || ins[k].id < ins[vx].id))
					vx = k;
			}
			if (nx >= 0 && vx >= 0)
				kwal_uit(st, K_ADMINISTRATIEF_GAT, p, "inschrijving", kwal_int8(ins[nx].id), ins[nx].brin,
						 true, lo, hi, psprintf("inschrijving " INT64_FORMAT, ins[vx].id));
		}
	}
}

PG_FUNCTION_INFO_V1(verzuim_registratiekwaliteit_rijen);

Datum
verzuim_registratiekwaliteit_rijen(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	KwalState  *st;
	MemoryContext oud;
	TupleDesc	td;
	bool		verblijf,
				inschrijving;
	int32		maxn = 1;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) || (rsinfo->allowedModes & SFRM_Materialize) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	if (get_call_result_type(fcinfo, NULL, &td) != TYPEFUNC_COMPOSITE)
		verzuim_error_not_row_type();

	st = palloc0(sizeof(KwalState));
	if (PG_ARGISNULL(0))
		for (int k = 0; k < K_AANTAL; k++)
			st->doe[k] = true;
	else
	{
		char	   *c = text_to_cstring(PG_GETARG_TEXT_PP(0));
		bool		bekend = false;

		for (int k = 0; k < K_AANTAL; k++)
			if (strcmp(c, kwal_namen[k]) == 0)
				st->doe[k] = bekend = true;
		if (!bekend)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown registratiekwaliteit check"),
					 errhint("The checks are listed in verzuim.kwaliteitscontrole; NULL means all of them.")));
	}
	st->gemeente = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));
	st->termijn = verzuim_meldtermijn;

	oud = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	st->uit_desc = CreateTupleDescCopy(td);
	st->uit = tuplestore_begin_heap(true, false, work_mem);
	MemoryContextSwitchTo(oud);

	st->werk = AllocSetContextCreate(CurrentMemoryContext, "registratiekwaliteit", ALLOCSET_DEFAULT_SIZES);
	oud = MemoryContextSwitchTo(st->werk);
	kwal_strings_init(&st->gem);
	kwal_strings_init(&st->brin);
	st->laatste_idx = -1;
	st->vb_aaneen = st->ins_aaneen = true;
	st->afw_vorm = -1;
	st->vb_vorige = st->ins_vorige = -1;
	MemoryContextSwitchTo(oud);

	verblijf = st->doe[K_GEEN_VERBLIJF] || st->doe[K_VERBLIJF_GAT] || st->doe[K_BUITEN_NEDERLAND] ||
		st->doe[K_DUBBELE_LEERLING];
	inschrijving = st->doe[K_INSCHRIJVING_OVERLAP] || st->doe[K_BUITEN_NEDERLAND] ||
		st->doe[K_AFWEZIGHEID_ZONDER_INSCHRIJVING] || st->doe[K_MELDING_ZONDER_INSCHRIJVING] ||
		st->doe[K_VRIJSTELLING_MET_INSCHRIJVING] || st->doe[K_INSCHRIJVING_VOOR_4] ||
		st->doe[K_DUBBELE_LEERLING] || st->doe[K_ADMINISTRATIEF_GAT];

	if (SPI_connect() != SPI_OK_CONNECT)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_INVOCATION_EXCEPTION),
				 errmsg("registratiekwaliteit: SPI_connect failed")));

	/* the labels of the enums compared (1 = reden, 2 = onderwijssoort) */
	kwal_lees(st,
			  "SELECT CASE WHEN e.enumtypid OPERATOR(pg_catalog.=) 'verzuim.reden'::pg_catalog.regtype "
			  "THEN 1 ELSE 2 END::pg_catalog.oid, e.oid, e.enumlabel::pg_catalog.text "
			  "FROM pg_catalog.pg_enum e WHERE e.enumtypid OPERATOR(pg_catalog.=) ANY "
			  "(ARRAY['verzuim.reden'::pg_catalog.regtype, 'verzuim.onderwijssoort'::pg_catalog.regtype])",
			  kwal_rij_enum);

	/* the arrays and the hash sized by the tables' statistics (they grow when short) */
	kwal_lees(st,
			  "SELECT c.relname::pg_catalog.text, c.reltuples::pg_catalog.int8 FROM pg_catalog.pg_class c "
			  "WHERE c.oid OPERATOR(pg_catalog.=) ANY (ARRAY['verzuim.leerling'::pg_catalog.regclass, "
			  "'verzuim.verblijf'::pg_catalog.regclass, 'verzuim.inschrijving'::pg_catalog.regclass, "
			  "'verzuim.melding'::pg_catalog.regclass])",
			  kwal_rij_grootte);
	oud = MemoryContextSwitchTo(st->werk);
	st->capll = Max(st->capll, 1024);
	st->capvb = Max(st->capvb, 1024);
	st->capins = Max(st->capins, 1024);
	st->capmeld = Max(st->capmeld, 1024);
	/* the arrays below, the dubbele_leerling keys, and room for a regrouping copy */
	verzuim_arena_maak(&st->arena, st->werk, 64 * 8 + sizeof(KLeerling) * (Size) st->capll + sizeof(int32) * (Size) st->capll * 2 +
					sizeof(KVerblijf) * (Size) st->capvb + sizeof(KInschrijving) * (Size) st->capins +
					sizeof(KMelding) * (Size) st->capmeld * 2 + sizeof(KwalSleutel) * (Size) st->capll * 2);
	st->ll = kwal_groot(st, sizeof(KLeerling) * (Size) st->capll);
	st->vb = kwal_groot(st, sizeof(KVerblijf) * (Size) st->capvb);
	st->ins = kwal_groot(st, sizeof(KInschrijving) * (Size) st->capins);
	st->meld = kwal_groot(st, sizeof(KMelding) * (Size) st->capmeld);
	/*
	 * Pupil ids below twice the number of pupils are looked up in an array
	 * (the rows of every table come in about pupil order, so it is read
	 * almost sequentially); other ids in a hash.
	 */
	st->ndicht = (int64) st->capll * 2;
	st->dicht = kwal_groot0(st, sizeof(int32) * (Size) st->ndicht);
	st->hash = kwh_create(st->werk, 1024, NULL);
	MemoryContextSwitchTo(oud);

	/* every column, in table order: the scan's own slot comes through, no projection */
	kwal_lees(st, "SELECT l.leerling_id, l.geboortedatum, l.woongemeente, l.startkwalificatie_op, "
			  "l.eerste_inschrijving FROM verzuim.leerling l",
			  kwal_rij_leerling);
	if (verblijf)
	{
		kwal_lees(st, "SELECT v.leerling_id, v.gemeentecode, v.periode FROM verzuim.verblijf v",
				  kwal_rij_verblijf);
		kwal_verdeel_verblijf(st);
	}
	if (inschrijving)
	{
		kwal_lees(st, "SELECT i.inschrijving_id, i.leerling_id, i.brin, i.periode, i.onderwijssoort "
				  "FROM verzuim.inschrijving i", kwal_rij_inschrijving);
		kwal_verdeel_inschrijving(st);
	}
	if (st->doe[K_MELDING_ZONDER_INSCHRIJVING] || st->doe[K_MELDING_ZONDER_AFWEZIGHEID])
	{
		kwal_lees(st, "SELECT m.meldingsnummer, m.leerling_id, m.brin, m.verzuim_periode, "
				  "m.soort OPERATOR(pg_catalog.=) 'overig'::verzuim.meldingsoort FROM verzuim.melding m",
				  kwal_rij_melding);
		kwal_verdeel_melding(st);
	}
	if (!st->doe[K_MELDING_ZONDER_AFWEZIGHEID])
		for (int32 k = 0; k < st->nll; k++)
			st->ll[k].nmeld = 0;	/* the absence rows need not look at them */
	if (st->doe[K_AFWEZIGHEID_ZONDER_INSCHRIJVING] || st->doe[K_MELDING_ZONDER_AFWEZIGHEID])
		kwal_lees(st, "SELECT a.leerling_id, a.brin, a.datum, a.reden, a.uren FROM verzuim.afwezigheid a",
				  kwal_rij_afwezigheid);
	if (st->doe[K_VRIJSTELLING_MET_INSCHRIJVING])
		kwal_lees(st, "SELECT v.vrijstelling_id, v.leerling_id, v.periode FROM verzuim.vrijstelling v "
				  "WHERE v.artikel OPERATOR(pg_catalog.=) ANY "
				  "('{5a,5b,5c,15}'::verzuim.vrijstelling_artikel[])",
				  kwal_rij_vrijstelling);

	SPI_finish();

	oud = MemoryContextSwitchTo(st->werk);

	/* 6 and 7: the meldingen */
	for (int32 r = 0; r < st->nmeld; r++)
	{
		KMelding   *m = &st->meld[r];
		KLeerling  *p = &st->ll[m->p];

		if (st->doe[K_MELDING_ZONDER_INSCHRIJVING])
		{
			bool		ingeschreven = false;

			for (int k = 0; k < p->nins && !ingeschreven; k++)
			{
				KInschrijving *i = &st->ins[p->ins_off + k];

				ingeschreven = (i->brin == m->brin && i->lo < m->hi && m->lo < i->hi);
			}
			if (!ingeschreven)
				kwal_uit(st, K_MELDING_ZONDER_INSCHRIJVING, p, "melding", kwal_int8(m->nr), m->brin,
						 true, m->lo, m->hi, NULL);
		}
		if (st->doe[K_MELDING_ZONDER_AFWEZIGHEID] && !m->gerechtvaardigd)
			kwal_uit(st, K_MELDING_ZONDER_AFWEZIGHEID, p, "melding", kwal_int8(m->nr), m->brin,
					 true, m->lo, m->hi, NULL);
	}

	/* the per-pupil checks */
	for (int32 k = 0; k < st->nll; k++)
		maxn = Max(maxn, Max(st->ll[k].nins, st->ll[k].nvb));
	{
		DateADT    *clo = palloc_array(DateADT, maxn),
				   *chi = palloc_array(DateADT, maxn),
				   *vlo = palloc_array(DateADT, maxn),
				   *vhi = palloc_array(DateADT, maxn);

		for (int32 k = 0; k < st->nll; k++)
			kwal_per_leerling(st, &st->ll[k], clo, chi, vlo, vhi);
	}
	if (st->doe[K_DUBBELE_LEERLING])
		kwal_dubbel(st);

	MemoryContextSwitchTo(oud);
	MemoryContextDelete(st->werk);

	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = st->uit;
	rsinfo->setDesc = st->uit_desc;
	return (Datum) 0;
}
