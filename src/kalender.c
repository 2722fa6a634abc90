/*
 * kalender.c — the school calendar: public holidays (computed), regional
 * school holidays (table verzuim.vakantie), school-specific free days (table
 * verzuim.schoolvrije_dag), and the SQL functions schooljaar(),
 * schooljaar_periode(), feestdagen(), is_lesdag() and lesdagen().
 *
 * For speed every backend keeps, per vakantieregio, one array of day flags
 * and a prefix count of school days over the whole supported range
 * (schooljaren 1969-1970 .. 2099-2100, about 48,000 days), so that "is d a
 * school day" and "how many school days in [a, b)" are O(1).  The cache is
 * rebuilt after any change to the holiday tables (a statement trigger sends a
 * relcache invalidation for the table, which reaches every backend at
 * commit and this backend at the next command) or to a calendar setting.
 */
#include "kalender.h"
#include "instellingen.h"
#include "kalender_rekenen.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"

#define KALENDER_NDAGEN		(KALENDER_LAATSTE - KALENDER_EERSTE + 1)
#define EERSTE_SCHOOLJAAR	1969
#define LAATSTE_SCHOOLJAAR	2099
#define NSCHOOLJAREN		(LAATSTE_SCHOOLJAAR - EERSTE_SCHOOLJAAR + 1)

/* The five holidays every schooljaar has (DOMAIN.md §9, §11). */
static const char *const standaard_vakanties[] = {"herfst", "kerst", "voorjaar", "mei", "zomer"};
#define NSTANDAARD 5

static const char *const regio_namen[REGIO_AANTAL] = {"noord", "midden", "zuid"};

typedef struct KalenderCache
{
	VerzuimKalender k;
	/* bitmask of standaard_vakanties present, per schooljaar */
	uint8		bekend[NSCHOOLJAREN];
	bool		compleet[NSCHOOLJAREN];
	/* statement start of the last warning about missing data, per schooljaar */
	TimestampTz gewaarschuwd[NSCHOOLJAREN];
} KalenderCache;

typedef struct SchoolEntry
{
	char		brin[16];		/* hash key */
	VerzuimRegio regio;
	int			nvrij;
	DateADT    *vrij;			/* sorted */
} SchoolEntry;

static MemoryContext kalender_cxt = NULL;
static KalenderCache *cache[REGIO_AANTAL];
static HTAB *scholen = NULL;
static bool cache_geldig = false;

/*
 * The cache is read with the snapshot of the calling statement (SPI,
 * read-only, as the functions are STABLE and parallel safe).  That snapshot
 * may be older than an invalidation this backend has already accepted: one
 * accepted while this statement runs (SPI takes locks, which accepts
 * invalidation messages), or, under REPEATABLE READ / SERIALIZABLE, one
 * accepted at any time in this transaction.  A cache read after such an
 * invalidation is marked provisional: it serves the rest of the statement
 * (or transaction) and is rebuilt after that.  Marking it valid outright
 * would lose the invalidation and keep the old calendar for the rest of the
 * session.  A provisional cache also means that a load of the schools in
 * the middle of a call never frees a calendar the caller already holds.
 */
typedef enum KalenderVoorlopig
{
	VOORLOPIG_NEE = 0,
	VOORLOPIG_STATEMENT = 1,
	VOORLOPIG_TRANSACTIE = 2
} KalenderVoorlopig;

static KalenderVoorlopig cache_voorlopig = VOORLOPIG_NEE;
static LocalTransactionId voorlopig_lxid = InvalidLocalTransactionId;
static TimestampTz voorlopig_stmt = 0;
/* where the last invalidation of a calendar table was accepted */
static LocalTransactionId inval_lxid = InvalidLocalTransactionId;
static TimestampTz inval_stmt = 0;
/* settings the cache was built with */
/*
 * The role the cache was read as.  The tables are read with the privileges
 * and row-level security of the current role, so a cache read as one role
 * is never served to another (SET ROLE, SECURITY DEFINER): a role sees only
 * the holidays, free days and schools it may see, and a role without SELECT
 * on the tables gets 42501 as with a query.  Rebuilding between calls is
 * safe: no caller keeps a calendar pointer from one call to the next.
 */
static Oid	cache_rol = InvalidOid;
static bool cache_goede_vrijdag;
static int	cache_bevrijdingsdag;
static Oid	vakantie_relid = InvalidOid;
static Oid	schoolvrij_relid = InvalidOid;
static Oid	school_relid = InvalidOid;

/* ------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------ */

static inline DateADT
ymd(int y, int m, int d)
{
	return date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
}

static inline int
weekdag(DateADT d)				/* 0 = Sunday .. 6 = Saturday */
{
	return j2day(d + POSTGRES_EPOCH_JDATE);
}

int
verzuim_schooljaar_van(DateADT d)
{
	int			y,
				m,
				dd;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &dd);
	return (m >= 8) ? y : y - 1;
}

DateADT
verzuim_schooljaar_begin(int jaar)
{
	return ymd(jaar, 8, 1);
}

void
verzuim_kalender_bereik(DateADT d)
{
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date must be finite"),
				 errhint("Use a real calendar date instead of infinity or -infinity.")));
	if (d < KALENDER_EERSTE || d > KALENDER_LAATSTE)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("a date is outside the school calendar (before 1969-08-01 or after 2100-07-31)"),
				 errdetail("The date itself is not shown: it may belong to a pupil. The calendar covers schooljaren 1969-1970 (Leerplichtwet 1969) to 2099-2100: 1969-08-01 to 2100-07-31."),
				 errhint("Check the date for a typing error.")));
}

/* ------------------------------------------------------------------------
 * Public holidays
 * ------------------------------------------------------------------------ */

/* Easter Sunday (kalender_rekenen.h, shared with the data generator) */
static DateADT
paaszondag(int y)
{
	int			maand,
				dag;

	kalender_pasen(y, &maand, &dag);
	return ymd(y, maand, dag);
}

/* Koningsdag (from 2014, 27 April) / Koninginnedag (30 April); on a Sunday it
 * moves to the Saturday before (from 1980; before that to the Monday after). */
static DateADT
koningsdag(int y)
{
	DateADT		d = (y >= 2014) ? ymd(y, 4, 27) : ymd(y, 4, 30);

	if (weekdag(d) == 0)
		d += (y >= 1980) ? -1 : 1;
	return d;
}

typedef struct Feestdag
{
	DateADT		datum;
	const char *naam;
	bool		schoolvrij;
} Feestdag;

#define MAX_FEESTDAGEN 12

/* The public holidays of calendar year y, in date order. */
static int
feestdagen_van(int y, Feestdag *f)
{
	DateADT		pasen = paaszondag(y);
	DateADT		bevrijding = ymd(y, 5, 5);
	bool		bevrijding_vrij;
	int			n = 0;

	verzuim_instellingen_controleren();
	switch (verzuim_bevrijdingsdag)
	{
		case BEVRIJDINGSDAG_ALTIJD:
			bevrijding_vrij = true;
			break;
		case BEVRIJDINGSDAG_NOOIT:
			bevrijding_vrij = false;
			break;
		default:
			bevrijding_vrij = (y % 5 == 0);
			break;
	}

#define ADD(d, nm, vrij) do { f[n].datum = (d); f[n].naam = (nm); f[n].schoolvrij = (vrij); n++; } while (0)
	ADD(ymd(y, 1, 1), "Nieuwjaarsdag", true);
	ADD(pasen - 2, "Goede Vrijdag", verzuim_goede_vrijdag_vrij);
	ADD(pasen, "Eerste Paasdag", true);
	ADD(pasen + 1, "Tweede Paasdag", true);
	ADD(koningsdag(y), y >= 2014 ? "Koningsdag" : "Koninginnedag", true);
	ADD(bevrijding, "Bevrijdingsdag", bevrijding_vrij);
	ADD(pasen + 39, "Hemelvaartsdag", true);
	ADD(pasen + 49, "Eerste Pinksterdag", true);
	ADD(pasen + 50, "Tweede Pinksterdag", true);
	ADD(ymd(y, 12, 25), "Eerste Kerstdag", true);
	ADD(ymd(y, 12, 26), "Tweede Kerstdag", true);
#undef ADD

	/* sort by date (Koningsdag / Bevrijdingsdag / Hemelvaart may swap) */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && f[j - 1].datum > f[j].datum; j--)
		{
			Feestdag	t = f[j];

			f[j] = f[j - 1];
			f[j - 1] = t;
		}
	return n;
}

/* ------------------------------------------------------------------------
 * Regio
 * ------------------------------------------------------------------------ */

const char *
verzuim_regio_naam(VerzuimRegio r)
{
	return regio_namen[r];
}

VerzuimRegio
verzuim_regio_parse(const char *s)
{
	if (s == NULL || s[0] == '\0')
	{
		verzuim_instellingen_controleren();
		s = verzuim_default_regio;
		if (s == NULL || s[0] == '\0')
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("no vakantieregio given"),
					 errhint("Pass noord, midden or zuid, or set verzuim.vakantieregio.")));
	}
	for (int r = 0; r < REGIO_AANTAL; r++)
		if (pg_strcasecmp(s, regio_namen[r]) == 0)
			return (VerzuimRegio) r;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown vakantieregio \"%s\"", verzuim_kort(s)),
			 errhint("The vakantieregio's are noord, midden and zuid.")));
	pg_unreachable();
}

VerzuimRegio
verzuim_regio_from_text(text *t)
{
	char		buf[16];
	int			len;

	if (t == NULL)
		return verzuim_regio_parse(NULL);
	len = VARSIZE_ANY_EXHDR(t);
	if (len == 0)				/* '' is not "no regio": only NULL is */
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown vakantieregio \"\""),
				 errhint("The vakantieregio's are noord, midden and zuid; pass NULL to use the setting verzuim.vakantieregio.")));
	if (len >= (int) sizeof(buf))
	{
		char	   *s = text_to_cstring(t);

		return verzuim_regio_parse(s);	/* raises */
	}
	memcpy(buf, VARDATA_ANY(t), len);
	buf[len] = '\0';
	return verzuim_regio_parse(buf);
}

/* ------------------------------------------------------------------------
 * Cache
 * ------------------------------------------------------------------------ */

static inline LocalTransactionId
huidige_lxid(void)
{
#if PG_VERSION_NUM >= 170000
	return MyProc->vxid.lxid;
#else
	return MyProc->lxid;
#endif
}

static void
kalender_inval_cb(Datum arg, Oid relid)
{
	/* before the first build the relids are unknown: count everything */
	if (relid == InvalidOid || vakantie_relid == InvalidOid || relid == vakantie_relid ||
		relid == schoolvrij_relid || relid == school_relid)
	{
		cache_geldig = false;
		inval_lxid = huidige_lxid();
		inval_stmt = GetCurrentStatementStartTimestamp();
	}
}

/* After reading the tables: valid, provisionally when an invalidation came
 * in that the snapshot of the read may not see (see cache_voorlopig). */
static void
markeer_gelezen(void)
{
	LocalTransactionId lxid = huidige_lxid();
	TimestampTz stmt = GetCurrentStatementStartTimestamp();
	KalenderVoorlopig v = VOORLOPIG_NEE;

	if (inval_lxid == lxid)
	{
		if (IsolationUsesXactSnapshot())
			v = VOORLOPIG_TRANSACTIE;
		else if (inval_stmt == stmt)
			v = VOORLOPIG_STATEMENT;
	}
	cache_geldig = true;
	if (v > cache_voorlopig)
		cache_voorlopig = v;
	if (cache_voorlopig != VOORLOPIG_NEE)
	{
		voorlopig_lxid = lxid;
		voorlopig_stmt = stmt;
	}
}

void
verzuim_kalender_init(void)
{
	CacheRegisterRelcacheCallback(kalender_inval_cb, (Datum) 0);
}

/*
 * On Citus (docs/meer-servers.md) verzuim.school and verzuim.schoolvrije_dag
 * are reference tables: a full copy on every node.  The caches below read
 * them through SPI, on a worker from inside a shard query, which Citus
 * refuses as a nested distributed query unless
 * citus.allow_nested_distributed_execution is on.  A reference table is read
 * from the node's own copy, so the answer is exact: the setting is switched
 * on for the read only (its own GUC nest level, popped after it or with the
 * transaction on an error).  Without Citus the setting does not exist and
 * nothing is done.
 */
static int
citus_genest_aan(void)
{
	int			nest;

	if (GetConfigOption("citus.allow_nested_distributed_execution", true, false) == NULL)
		return -1;
	nest = NewGUCNestLevel();
	(void) set_config_option("citus.allow_nested_distributed_execution", "on",
							 PGC_SUSET, PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	return nest;
}

static void
citus_genest_uit(int nest)
{
	if (nest >= 0)
		AtEOXact_GUC(true, nest);
}

static int
standaard_index(const char *soort)
{
	for (int i = 0; i < NSTANDAARD; i++)
		if (strcmp(soort, standaard_vakanties[i]) == 0)
			return i;
	return -1;
}

static int
schooljaar_parse(const char *s, bool raise)
{
	int			a = -1,
				b = -1;
	bool		ok = s != NULL && strlen(s) == 9 && s[4] == '-';

	/* exactly four digits, '-', four digits (sscanf would take signs and spaces) */
	for (int i = 0; ok && i < 9; i++)
		if (i != 4 && !(s[i] >= '0' && s[i] <= '9'))
			ok = false;
	if (ok)
	{
		a = atoi(s);
		b = atoi(s + 5);
	}
	if (!ok || b != a + 1)
	{
		if (!raise)
			return -1;
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid schooljaar \"%s\"", verzuim_kort(s)),
				 errhint("Write a schooljaar as two consecutive years, e.g. '2023-2024'.")));
	}
	return a;
}

/* Monday of ISO week w of year y (week 1 holds 4 January). */
static DateADT
iso_maandag(int y, int w)
{
	DateADT		jan4 = ymd(y, 1, 4);

	return jan4 - ((weekdag(jan4) + 6) % 7) + 7 * (w - 1);
}

/* First schooljaar whose holidays follow the narrow windows below. */
#define EERSTE_SMAL_SCHOOLJAAR 2010

/*
 * The window in which a standard holiday of schooljaar jaar can fall: the
 * union of every period the rules allow, given the holiday's length
 * (docs/vakanties.md, "Uncertainty windows", with sources).  When a holiday
 * is missing from verzuim.vakantie only the days of its window are
 * uncertain; every other day is decided.  From schooljaar 2010-2011 on:
 *   herfst   9 days, Saturday to Sunday, Monday in ISO week 42, 43 or 44
 *            (advice dates; week 44 in 2024 for noord and midden);
 *   kerst    16 days, Saturday to Sunday, starting on a Saturday from 18 to
 *            25 December;
 *   voorjaar 9 days, Monday in ISO week 7, 8 or 9 (of the next year);
 *   mei      the fixed week: 9 days, Monday in ISO week 17 or 18 (week 17
 *            in 2017), and 5 May when it is the Monday after (2014);
 *   zomer    6 weeks (7 for voortgezet onderwijs until 2013), the first
 *            Monday in ISO week 27 to 30, the last Sunday in week 35 at
 *            the latest.
 * Before 2010-2011 the rules were not all found: the wide windows
 * (herfst 1 Oct-15 Nov, kerst 10 Dec-20 Jan, voorjaar 25 Jan-20 Mar, mei
 * 10 Apr-20 May, zomer 20 Jun-20 Sep) stay.  Windows of different soorten
 * never overlap.
 */
static void
vakantie_venster(int jaar, int soort, DateADT *van, DateADT *tot)
{
	if (jaar >= EERSTE_SMAL_SCHOOLJAAR)
	{
		switch (soort)
		{
			case 0:				/* herfst */
				*van = iso_maandag(jaar, 42) - 2;
				*tot = iso_maandag(jaar, 44) + 6;
				return;
			case 1:				/* kerst: Saturdays 18..25 Dec, 16 days */
				{
					DateADT		d18 = ymd(jaar, 12, 18);
					DateADT		eerste = d18 + (6 - weekdag(d18) + 7) % 7;	/* first Saturday >= 18 Dec */
					DateADT		laatste = ymd(jaar, 12, 25);

					laatste -= (weekdag(laatste) + 1) % 7;	/* last Saturday <= 25 Dec */
					*van = eerste;
					*tot = laatste + 15;
				}
				return;
			case 2:				/* voorjaar */
				*van = iso_maandag(jaar + 1, 7) - 2;
				*tot = iso_maandag(jaar + 1, 9) + 6;
				return;
			case 3:				/* mei */
				*van = iso_maandag(jaar + 1, 17) - 2;
				*tot = iso_maandag(jaar + 1, 18) + 6;
				if (*tot + 1 == ymd(jaar + 1, 5, 5))
					*tot += 1;
				return;
			default:			/* zomer: into the next schooljaar */
				*van = iso_maandag(jaar + 1, 27) - 2;
				*tot = iso_maandag(jaar + 1, 35) + 6;
				return;
		}
	}
	switch (soort)
	{
		case 0:					/* herfst */
			*van = ymd(jaar, 10, 1);
			*tot = ymd(jaar, 11, 15);
			break;
		case 1:					/* kerst */
			*van = ymd(jaar, 12, 10);
			*tot = ymd(jaar + 1, 1, 20);
			break;
		case 2:					/* voorjaar */
			*van = ymd(jaar + 1, 1, 25);
			*tot = ymd(jaar + 1, 3, 20);
			break;
		case 3:					/* mei */
			*van = ymd(jaar + 1, 4, 10);
			*tot = ymd(jaar + 1, 5, 20);
			break;
		default:				/* zomer: into the next schooljaar */
			*van = ymd(jaar + 1, 6, 20);
			*tot = ymd(jaar + 1, 9, 20);
			break;
	}
}

static void
bouw_cache(void)
{
	MemoryContext old;
	int			ret;
	Oid			nsp;
	int			nest;

	cache_geldig = false;
	cache_voorlopig = VOORLOPIG_NEE;
	if (kalender_cxt == NULL)
		kalender_cxt = AllocSetContextCreate(TopMemoryContext, "verzuim kalender",
											 ALLOCSET_DEFAULT_SIZES);
	else
		MemoryContextReset(kalender_cxt);
	for (int r = 0; r < REGIO_AANTAL; r++)
		cache[r] = NULL;
	scholen = NULL;

	nsp = get_namespace_oid("verzuim", false);
	vakantie_relid = get_relname_relid("vakantie", nsp);
	schoolvrij_relid = get_relname_relid("schoolvrije_dag", nsp);
	school_relid = get_relname_relid("school", nsp);

	old = MemoryContextSwitchTo(kalender_cxt);
	for (int r = 0; r < REGIO_AANTAL; r++)
	{
		KalenderCache *c = palloc0(sizeof(KalenderCache));

		c->k.regio = (VerzuimRegio) r;
		c->k.eerste = KALENDER_EERSTE;
		c->k.ndagen = KALENDER_NDAGEN;
		c->k.flags = palloc0(KALENDER_NDAGEN);
		c->k.onbekendnr = palloc((KALENDER_NDAGEN + 1) * sizeof(int32));
		c->k.lesnr = palloc((KALENDER_NDAGEN + 1) * sizeof(int32));
		cache[r] = c;
	}
	MemoryContextSwitchTo(old);

	/* weekends and public holidays: the same for every region */
	{
		uint8	   *f0 = cache[0]->k.flags;

		for (DateADT d = KALENDER_EERSTE; d <= KALENDER_LAATSTE; d++)
		{
			int			wd = weekdag(d);

			if (wd == 0 || wd == 6)
				f0[d - KALENDER_EERSTE] |= KDAG_WEEKEND;
		}
		for (int y = EERSTE_SCHOOLJAAR; y <= LAATSTE_SCHOOLJAAR + 1; y++)
		{
			Feestdag	fd[MAX_FEESTDAGEN];
			int			n = feestdagen_van(y, fd);

			for (int i = 0; i < n; i++)
				if (fd[i].schoolvrij && fd[i].datum >= KALENDER_EERSTE && fd[i].datum <= KALENDER_LAATSTE)
					f0[fd[i].datum - KALENDER_EERSTE] |= KDAG_FEESTDAG;
		}
		for (int r = 1; r < REGIO_AANTAL; r++)
			memcpy(cache[r]->k.flags, f0, KALENDER_NDAGEN);
	}

	/* regional school holidays */
	nest = citus_genest_aan();
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/* every name qualified: this runs with the caller's search_path (see
	 * README, Security) */
	ret = SPI_execute("SELECT regio::pg_catalog.text, schooljaar, soort, "
					  "       pg_catalog.lower(periode), pg_catalog.upper(periode) "
					  "FROM verzuim.vakantie", true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading verzuim.vakantie failed: %d", ret);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		char	   *regio = SPI_getvalue(tup, td, 1);
		char	   *sj = SPI_getvalue(tup, td, 2);
		char	   *soort = SPI_getvalue(tup, td, 3);
		bool		isnull_l,
					isnull_u;
		Datum		l = SPI_getbinval(tup, td, 4, &isnull_l);
		Datum		u = SPI_getbinval(tup, td, 5, &isnull_u);
		VerzuimRegio r = verzuim_regio_parse(regio);
		int			jaar = schooljaar_parse(sj, false);
		int			si = standaard_index(soort);
		KalenderCache *c = cache[r];

		if (jaar >= EERSTE_SCHOOLJAAR && jaar <= LAATSTE_SCHOOLJAAR && si >= 0)
			c->bekend[jaar - EERSTE_SCHOOLJAAR] |= (1 << si);
		if (!isnull_l && !isnull_u)
		{
			DateADT		van = Max(DatumGetDateADT(l), KALENDER_EERSTE);
			DateADT		tot = Min(DatumGetDateADT(u), KALENDER_LAATSTE + 1);

			for (DateADT d = van; d < tot; d++)
				c->k.flags[d - KALENDER_EERSTE] |= KDAG_VAKANTIE;
		}
	}
	SPI_finish();
	citus_genest_uit(nest);

	/* completeness per schooljaar and the prefix counts */
	for (int r = 0; r < REGIO_AANTAL; r++)
	{
		KalenderCache *c = cache[r];
		int32		n = 0,
					o = 0;

		for (int j = 0; j < NSCHOOLJAREN; j++)
		{
			bool		alle = c->bekend[j] == (1 << NSTANDAARD) - 1;
			/* August of schooljaar j depends on the zomervakantie of j - 1 */
			bool		vorige_zomer = j > 0 && (c->bekend[j - 1] & (1 << 4));

			c->compleet[j] = alle && vorige_zomer;
		}
		/* a missing holiday makes the days of its window unknown */
		for (int j = -1; j < NSCHOOLJAREN; j++)
			for (int sidx = 0; sidx < NSTANDAARD; sidx++)
			{
				DateADT		wvan,
							wtot;

				if (j >= 0 && (c->bekend[j] & (1 << sidx)))
					continue;
				vakantie_venster(j + EERSTE_SCHOOLJAAR, sidx, &wvan, &wtot);
				for (DateADT d = Max(wvan, KALENDER_EERSTE); d <= Min(wtot, KALENDER_LAATSTE); d++)
				{
					uint8	   *f = &c->k.flags[d - KALENDER_EERSTE];

					/* a weekend, a school-free public holiday or a day of a
					 * known holiday is certain whatever is missing */
					if ((*f & (KDAG_WEEKEND | KDAG_FEESTDAG | KDAG_VAKANTIE)) == 0)
						*f |= KDAG_ONBEKEND;
				}
			}
		for (int i = 0; i < KALENDER_NDAGEN; i++)
		{
			DateADT		d = KALENDER_EERSTE + i;

			c->k.lesnr[i] = n;
			c->k.onbekendnr[i] = o;
			if (verzuim_kalender_is_lesdag(&c->k, d))
				n++;
			if (c->k.flags[i] & KDAG_ONBEKEND)
				o++;
		}
		c->k.lesnr[KALENDER_NDAGEN] = n;
		c->k.onbekendnr[KALENDER_NDAGEN] = o;
		/* never 0: 0 means "unknown" in a duurverdeling */
		c->k.vingerafdruk = hash_bytes(c->k.flags, KALENDER_NDAGEN);
		if (c->k.vingerafdruk == 0)
			c->k.vingerafdruk = 1;
	}

	cache_goede_vrijdag = verzuim_goede_vrijdag_vrij;
	cache_bevrijdingsdag = verzuim_bevrijdingsdag;
	cache_rol = GetUserId();
	markeer_gelezen();
}

static void
controleer_cache(void)
{
	verzuim_instellingen_controleren();
	if (cache_geldig && cache_voorlopig != VOORLOPIG_NEE &&
		(voorlopig_lxid != huidige_lxid() ||
		 (cache_voorlopig == VOORLOPIG_STATEMENT && voorlopig_stmt != GetCurrentStatementStartTimestamp())))
		cache_geldig = false;
	if (!cache_geldig ||
		cache_rol != GetUserId() ||
		cache_goede_vrijdag != verzuim_goede_vrijdag_vrij ||
		cache_bevrijdingsdag != verzuim_bevrijdingsdag)
		bouw_cache();
}

const VerzuimKalender *
verzuim_kalender(VerzuimRegio regio)
{
	Assert(regio >= 0 && regio < REGIO_AANTAL);
	controleer_cache();
	return &cache[regio]->k;
}

/*
 * For each missing standard holiday whose window holds an uncertain day of
 * [van, tot] (inclusive, within the calendar): call cb.  Windows of
 * different soorten never overlap, so an uncertain day in the window of a
 * missing holiday is uncertain because of that holiday.
 */
typedef void (*onzeker_cb) (void *arg, VerzuimRegio r, int jaar, int sidx, DateADT wvan, DateADT wtot);

static int
onzeker_vakanties(const VerzuimKalender *k, DateADT van, DateADT tot, onzeker_cb cb, void *arg)
{
	KalenderCache *c = (KalenderCache *) k;	/* k is the first member */
	int			j1 = verzuim_schooljaar_van(van) - 1;
	int			j2 = verzuim_schooljaar_van(tot);
	int			n = 0;

	for (int j = j1; j <= j2; j++)
		for (int sidx = 0; sidx < NSTANDAARD; sidx++)
		{
			DateADT		wvan,
						wtot,
						a,
						b;

			if (j >= EERSTE_SCHOOLJAAR && j <= LAATSTE_SCHOOLJAAR &&
				(c->bekend[j - EERSTE_SCHOOLJAAR] & (1 << sidx)))
				continue;
			vakantie_venster(j, sidx, &wvan, &wtot);
			a = Max(Max(wvan, van), KALENDER_EERSTE);
			b = Min(Min(wtot, tot), KALENDER_LAATSTE);
			if (a > b || verzuim_kalender_onzeker(k, a, b + 1) == 0)
				continue;
			cb(arg, k->regio, j, sidx, wvan, wtot);
			n++;
		}
	return n;
}

static void
onzeker_tekst_cb(void *arg, VerzuimRegio r, int jaar, int sidx, DateADT wvan, DateADT wtot)
{
	StringInfo	buf = (StringInfo) arg;

	appendStringInfo(buf, "%s%s %d-%d (it falls between %s and %s)",
					 buf->len ? "; " : "", standaard_vakanties[sidx], jaar, jaar + 1,
					 DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(wvan))),
					 DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(wtot))));
}

static void
onzeker_lijst_cb(void *arg, VerzuimRegio r, int jaar, int sidx, DateADT wvan, DateADT wtot)
{
	List	  **namen = (List **) arg;

	*namen = lappend(*namen, DatumGetPointer(CStringGetTextDatum(
		psprintf("%s %s %d-%d", regio_namen[r], standaard_vakanties[sidx], jaar, jaar + 1))));
}

int
verzuim_kalender_onzeker_door(const VerzuimKalender *k, DateADT van, DateADT tot, List **namen)
{
	verzuim_kalender_bereik(van);
	verzuim_kalender_bereik(tot);
	if (tot < van)
	{
		DateADT		t = van;

		van = tot;
		tot = t;
	}
	if (verzuim_kalender_onzeker(k, van, tot + 1) == 0)
		return 0;
	return onzeker_vakanties(k, van, tot, onzeker_lijst_cb, namen);
}

void
verzuim_kalender_controleer(const VerzuimKalender *k, DateADT van, DateADT tot)
{
	verzuim_kalender_bereik(van);
	verzuim_kalender_bereik(tot);
	verzuim_kalender_meld_onzeker(k, van, tot);
}

void
verzuim_kalender_meld_onzeker(const VerzuimKalender *k, DateADT van, DateADT tot)
{
	KalenderCache *c = (KalenderCache *) k;	/* k is the first member */
	StringInfoData ontbreekt;
	DateADT		eerste_onbekend;
	int			jaar;

	if (tot < van)
	{
		DateADT		t = van;

		van = tot;
		tot = t;
	}
	if (verzuim_kalender_onzeker(k, van, tot + 1) == 0)
		return;					/* every day in the span is decided */

	eerste_onbekend = van;
	while (!(k->flags[eerste_onbekend - KALENDER_EERSTE] & KDAG_ONBEKEND))
		eerste_onbekend++;
	jaar = verzuim_schooljaar_van(eerste_onbekend);

	/* the missing holidays that make days of [van, tot] uncertain */
	initStringInfo(&ontbreekt);
	(void) onzeker_vakanties(k, van, tot, onzeker_tekst_cb, &ontbreekt);

	if (verzuim_onvolledige_kalender == KALENDER_WAARSCHUWING)
	{
		TimestampTz stmt = GetCurrentStatementStartTimestamp();

		if (c->gewaarschuwd[jaar - EERSTE_SCHOOLJAAR] != stmt)
		{
			c->gewaarschuwd[jaar - EERSTE_SCHOOLJAAR] = stmt;
			ereport(WARNING,
					(errcode(ERRCODE_WARNING),
					 errmsg("schooljaar %d-%d has incomplete holiday data for regio %s",
							jaar, jaar + 1, regio_namen[k->regio]),
					 errdetail("Missing: %s. Days in unknown holidays are counted as school days.",
							   ontbreekt.data),
					 errhint("Add the holidays to verzuim.vakantie; see the view verzuim.kalender_dekking.")));
		}
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("schooljaar %d-%d has incomplete holiday data for regio %s",
						jaar, jaar + 1, regio_namen[k->regio]),
				 errdetail("Missing: %s.", ontbreekt.data),
				 errhint("Add the holidays to verzuim.vakantie (see the view verzuim.kalender_dekking), "
						 "or SET verzuim.onvolledige_kalender = 'waarschuwing' to count them as school days.")));
}

/* ------------------------------------------------------------------------
 * Schools: regio and school-free days
 * ------------------------------------------------------------------------ */

static int
datum_cmp(const void *a, const void *b)
{
	DateADT		x = *(const DateADT *) a,
				y = *(const DateADT *) b;

	return (x > y) - (x < y);
}

static void
laad_scholen(void)
{
	HASHCTL		ctl;
	int			ret;
	HTAB	   *h;
	int			nest;

	/* filled completely before it is published in scholen (an error halfway
	 * must not leave a partial list of schools behind) */
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(((SchoolEntry *) 0)->brin);
	ctl.entrysize = sizeof(SchoolEntry);
	ctl.hcxt = kalender_cxt;
	h = hash_create("verzuim scholen", 1024, &ctl, HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);

	nest = citus_genest_aan();
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/* every name and operator qualified, as above */
	ret = SPI_execute("SELECT s.brin, s.vakantieregio::pg_catalog.text, "
					  "       array(SELECT v.datum FROM verzuim.schoolvrije_dag v "
					  "             WHERE v.brin OPERATOR(pg_catalog.=) s.brin "
					  "             ORDER BY v.datum) "
					  "FROM verzuim.school s", true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading verzuim.school failed: %d", ret);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	td = SPI_tuptable->tupdesc;
		char	   *brin = SPI_getvalue(tup, td, 1);
		char	   *regio = SPI_getvalue(tup, td, 2);
		bool		isnull;
		Datum		arr = SPI_getbinval(tup, td, 3, &isnull);
		SchoolEntry *e;
		bool		found;

		if (strlen(brin) >= sizeof(e->brin))
			continue;
		e = hash_search(h, brin, HASH_ENTER, &found);
		e->regio = verzuim_regio_parse(regio);
		e->nvrij = 0;
		e->vrij = NULL;
		if (!isnull)
		{
			ArrayType  *a = DatumGetArrayTypeP(arr);
			Datum	   *elems;
			bool	   *nulls;
			int			n;

			deconstruct_array(a, DATEOID, sizeof(DateADT), true, TYPALIGN_INT, &elems, &nulls, &n);
			if (n > 0)
			{
				e->vrij = MemoryContextAlloc(kalender_cxt, n * sizeof(DateADT));
				for (int k = 0; k < n; k++)
					e->vrij[k] = DatumGetDateADT(elems[k]);
				qsort(e->vrij, n, sizeof(DateADT), datum_cmp);
				e->nvrij = n;
			}
		}
	}
	SPI_finish();
	citus_genest_uit(nest);
	scholen = h;
	/* the calendar stays in use for this statement (see cache_voorlopig) */
	markeer_gelezen();
}

static SchoolEntry *
zoek_school(const char *brin)
{
	SchoolEntry *e;

	controleer_cache();
	if (scholen == NULL)
		laad_scholen();
	if (strlen(brin) >= sizeof(e->brin))
		e = NULL;
	else
		e = hash_search(scholen, brin, HASH_FIND, NULL);
	if (e == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("unknown school \"%s\"", verzuim_kort(brin)),
				 errhint("The school must exist in verzuim.school (BRIN and vestigingsnummer, e.g. 12AB00).")));
	return e;
}

const DateADT *
verzuim_schoolvrije_dagen(const char *brin, int *n)
{
	SchoolEntry *e = zoek_school(brin);

	*n = e->nvrij;
	return e->vrij;
}

VerzuimRegio
verzuim_school_regio(const char *brin, int *nvrij)
{
	SchoolEntry *e = zoek_school(brin);

	*nvrij = e->nvrij;
	return e->regio;
}

static int
vrij_lower_bound(const DateADT *vrij, int n, DateADT d)
{
	int			lo = 0,
				hi = n;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (vrij[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool
verzuim_is_lesdag_school(const VerzuimKalender *k, const DateADT *vrij, int nvrij, DateADT d)
{
	int			i;

	if (!verzuim_kalender_is_lesdag(k, d))
		return false;
	i = vrij_lower_bound(vrij, nvrij, d);
	return !(i < nvrij && vrij[i] == d);
}

int32
verzuim_lesdagen_school(const VerzuimKalender *k, const DateADT *vrij, int nvrij,
						DateADT van, DateADT tot)
{
	int32		n;

	if (tot <= van)
		return 0;
	n = verzuim_kalender_lesdagen(k, van, tot);
	for (int i = vrij_lower_bound(vrij, nvrij, van); i < nvrij && vrij[i] < tot; i++)
		if (verzuim_kalender_is_lesdag(k, vrij[i]))
			n--;
	return n;
}

int32
verzuim_onzeker_school(const VerzuimKalender *k, const DateADT *vrij, int nvrij,
					   DateADT van, DateADT tot)
{
	int32		n;

	if (tot <= van)
		return 0;
	n = verzuim_kalender_onzeker(k, van, tot);
	if (n == 0)
		return 0;
	/* a free day of the school is certain */
	for (int i = vrij_lower_bound(vrij, nvrij, van); i < nvrij && vrij[i] < tot; i++)
		if (k->flags[vrij[i] - k->eerste] & KDAG_ONBEKEND)
			n--;
	return n;
}

/* ------------------------------------------------------------------------
 * SQL functions
 * ------------------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(verzuim_schooljaar);
Datum
verzuim_schooljaar(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	int			j;

	verzuim_check_finite_date(d, "date");
	j = verzuim_schooljaar_van(d);
	/* the schooljaren schooljaar_periode() accepts, so the two round-trip */
	if (j < 1 || j > 9998)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date is outside the schooljaren 0001-0002 .. 9998-9999"),
				 errhint("Check the date for a typing error.")));
	PG_RETURN_TEXT_P(cstring_to_text(psprintf("%04d-%04d", j, j + 1)));
}

PG_FUNCTION_INFO_V1(verzuim_schooljaar_periode);
Datum
verzuim_schooljaar_periode(PG_FUNCTION_ARGS)
{
	char	   *s = text_to_cstring(PG_GETARG_TEXT_PP(0));
	int			j = schooljaar_parse(s, true);

	if (j < 1 || j > 9998)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("schooljaar \"%s\" is out of range", verzuim_kort(s)),
				 errhint("Schooljaren from 0001-0002 to 9998-9999 are supported.")));
	PG_RETURN_RANGE_P(verzuim_daterange(ymd(j, 8, 1), ymd(j + 1, 8, 1)));
}

PG_FUNCTION_INFO_V1(verzuim_feestdagen);
Datum
verzuim_feestdagen(PG_FUNCTION_ARGS)
{
	FuncCallContext *fctx;
	Feestdag   *fd;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		int32		y = PG_GETARG_INT32(0);
		TupleDesc	tupdesc;

		if (y < EERSTE_SCHOOLJAAR || y > LAATSTE_SCHOOLJAAR + 1)
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("year %d is outside the school calendar", y),
					 errhint("Years from %d to %d are supported.", EERSTE_SCHOOLJAAR, LAATSTE_SCHOOLJAAR + 1)));
		fctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(fctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			verzuim_error_not_row_type();
		fctx->tuple_desc = BlessTupleDesc(tupdesc);
		fd = palloc(sizeof(Feestdag) * MAX_FEESTDAGEN);
		fctx->max_calls = feestdagen_van(y, fd);
		fctx->user_fctx = fd;
		MemoryContextSwitchTo(old);
	}
	fctx = SRF_PERCALL_SETUP();
	fd = fctx->user_fctx;
	if (fctx->call_cntr < fctx->max_calls)
	{
		Feestdag   *f = &fd[fctx->call_cntr];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = DateADTGetDatum(f->datum);
		values[1] = CStringGetTextDatum(f->naam);
		values[2] = BoolGetDatum(f->schoolvrij);
		SRF_RETURN_NEXT(fctx, HeapTupleGetDatum(heap_form_tuple(fctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(fctx);
}

PG_FUNCTION_INFO_V1(verzuim_pasen);
Datum
verzuim_pasen(PG_FUNCTION_ARGS)
{
	int32		y = PG_GETARG_INT32(0);

	if (y < 1583 || y > 9999)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("year %d is outside the Gregorian calendar range supported", y),
				 errhint("Use a year from 1583 to 9999.")));
	PG_RETURN_DATEADT(paaszondag(y));
}

/* Resolve (regio, brin) arguments 1 and 2 of is_lesdag/lesdagen. */
static const VerzuimKalender *
kalender_voor_args(FunctionCallInfo fcinfo, const DateADT **vrij, int *nvrij)
{
	text	   *regio = PG_ARGISNULL(1) ? NULL : PG_GETARG_TEXT_PP(1);
	VerzuimRegio r;

	*vrij = NULL;
	*nvrij = 0;
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
	{
		char	   *brin = text_to_cstring(PG_GETARG_TEXT_PP(2));
		SchoolEntry *e = zoek_school(brin);

		r = regio ? verzuim_regio_from_text(regio) : e->regio;
		if (regio && r != e->regio)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("school \"%s\" is in vakantieregio %s, not %s",
							brin, regio_namen[e->regio], regio_namen[r]),
					 errhint("Pass NULL as regio to use the school's own vakantieregio.")));
		*vrij = e->vrij;
		*nvrij = e->nvrij;
	}
	else
		r = verzuim_regio_from_text(regio);
	return verzuim_kalender(r);
}

PG_FUNCTION_INFO_V1(verzuim_is_lesdag);
Datum
verzuim_is_lesdag(PG_FUNCTION_ARGS)
{
	DateADT		d;
	const VerzuimKalender *k;
	const DateADT *vrij;
	int			nvrij;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	d = PG_GETARG_DATEADT(0);
	verzuim_kalender_bereik(d);
	k = kalender_voor_args(fcinfo, &vrij, &nvrij);
	/* uncertain only when the day could be a school day of the school */
	if (verzuim_onzeker_school(k, vrij, nvrij, d, d + 1) > 0)
		verzuim_kalender_controleer(k, d, d);
	PG_RETURN_BOOL(verzuim_is_lesdag_school(k, vrij, nvrij, d));
}

PG_FUNCTION_INFO_V1(verzuim_lesdagen);
Datum
verzuim_lesdagen(PG_FUNCTION_ARGS)
{
	RangeType  *rng;
	TypeCacheEntry *typcache;
	RangeBound	lower,
				upper;
	bool		empty;
	const VerzuimKalender *k;
	const DateADT *vrij;
	int			nvrij;
	DateADT		van,
				tot;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	rng = PG_GETARG_RANGE_P(0);
	typcache = range_get_typcache(fcinfo, RangeTypeGetOid(rng));
	range_deserialize(typcache, rng, &lower, &upper, &empty);
	/* regio and brin are checked for an empty period too */
	k = kalender_voor_args(fcinfo, &vrij, &nvrij);
	if (empty)
		PG_RETURN_INT32(0);
	if (lower.infinite || upper.infinite ||
		DATE_NOT_FINITE(DatumGetDateADT(lower.val)) || DATE_NOT_FINITE(DatumGetDateADT(upper.val)))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("cannot count school days in an unbounded period"),
				 errhint("Give both bounds as calendar dates, e.g. daterange('2023-08-01', '2024-08-01').")));
	/* daterange is canonical [) */
	van = DatumGetDateADT(lower.val);
	tot = DatumGetDateADT(upper.val);
	verzuim_kalender_bereik(van);
	verzuim_kalender_bereik(tot - 1);
	/* the count depends only on uncertain days the school is not free on */
	if (verzuim_onzeker_school(k, vrij, nvrij, van, tot) > 0)
		verzuim_kalender_controleer(k, van, tot - 1);
	PG_RETURN_INT32(verzuim_lesdagen_school(k, vrij, nvrij, van, tot));
}

/* Statement trigger on the calendar tables: make every backend rebuild. */
PG_FUNCTION_INFO_V1(verzuim_kalender_gewijzigd);
Datum
verzuim_kalender_gewijzigd(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("verzuim.kalender_gewijzigd() must be called as a trigger")));
	CacheInvalidateRelcacheByRelid(RelationGetRelid(trigdata->tg_relation));
	{
		/*
		 * Fired on a Citus shard (verzuim.school_102012, a reference table's
		 * copy on a worker): the caches of this node listen for the table
		 * (verzuim.school), so invalidate that one as well.
		 */
		const char *naam = RelationGetRelationName(trigdata->tg_relation);
		const char *streep = strrchr(naam, '_');

		if (streep != NULL && streep[1] != '\0' &&
			strspn(streep + 1, "0123456789") == strlen(streep + 1))
		{
			char	   *basis = pnstrdup(naam, streep - naam);
			Oid			tabel = get_relname_relid(basis,
												  RelationGetNamespace(trigdata->tg_relation));

			if (OidIsValid(tabel))
				CacheInvalidateRelcacheByRelid(tabel);
			pfree(basis);
		}
	}
	cache_geldig = false;
	return PointerGetDatum(NULL);
}

/* is_lesdag / lesdagen / feestdagen with an instellingen argument (last) */
PG_FUNCTION_INFO_V1(verzuim_is_lesdag_inst);
Datum
verzuim_is_lesdag_inst(PG_FUNCTION_ARGS)
{
	Jsonb	   *j = PG_ARGISNULL(3) ? NULL : PG_GETARG_JSONB_P(3);

	return verzuim_met_instellingen(fcinfo, verzuim_is_lesdag, j, 3, true);
}

PG_FUNCTION_INFO_V1(verzuim_lesdagen_inst);
Datum
verzuim_lesdagen_inst(PG_FUNCTION_ARGS)
{
	Jsonb	   *j = PG_ARGISNULL(3) ? NULL : PG_GETARG_JSONB_P(3);

	return verzuim_met_instellingen(fcinfo, verzuim_lesdagen, j, 3, true);
}

PG_FUNCTION_INFO_V1(verzuim_feestdagen_inst);
Datum
verzuim_feestdagen_inst(PG_FUNCTION_ARGS)
{
	Jsonb	   *j = PG_ARGISNULL(1) ? NULL : PG_GETARG_JSONB_P(1);

	return verzuim_met_instellingen(fcinfo, verzuim_feestdagen, j, 1, true);
}
