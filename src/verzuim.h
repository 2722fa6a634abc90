/*
 * verzuim.h — shared declarations of the verzuim extension.
 *
 * One C file per concern (kalender.c, leerplicht.c, episodes.c, ...); this
 * header holds only what more than one of them needs: version guards,
 * the settings (GUCs) and small helpers.
 */
#ifndef VERZUIM_H
#define VERZUIM_H

#include "postgres.h"

#if PG_VERSION_NUM < 140000
#error "verzuim requires PostgreSQL 14 or later (multiranges)"
#endif

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/date.h"
#include "utils/rangetypes.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#ifndef palloc_array
#define palloc_array(type, count) ((type *) palloc(sizeof(type) * (count)))
#define palloc0_array(type, count) ((type *) palloc0(sizeof(type) * (count)))
#define repalloc_array(pointer, type, count) ((type *) repalloc(pointer, sizeof(type) * (count)))
#endif

/* Setting values, defined in verzuim.c (see README "Settings"). */
extern char *verzuim_default_regio;         /* verzuim.vakantieregio */
extern int	verzuim_onvolledige_kalender;   /* verzuim.onvolledige_kalender */
extern bool verzuim_goede_vrijdag_vrij;     /* verzuim.goede_vrijdag_vrij */
extern int	verzuim_bevrijdingsdag;         /* verzuim.bevrijdingsdag_vrij */

typedef enum VerzuimKalenderBeleid
{
	KALENDER_FOUT = 0,			/* missing holiday data: ERROR (default) */
	KALENDER_WAARSCHUWING = 1	/* missing holiday data: WARNING, weekdays count */
} VerzuimKalenderBeleid;

typedef enum VerzuimBevrijdingsdag
{
	BEVRIJDINGSDAG_LUSTRUM = 0, /* free every fifth year (2020, 2025, ...) */
	BEVRIJDINGSDAG_ALTIJD = 1,
	BEVRIJDINGSDAG_NOOIT = 2
} VerzuimBevrijdingsdag;

/* Hooks of the other modules into _PG_init (each defines its own GUCs). */
extern void verzuim_kalender_init(void);
extern void verzuim_episodes_init(void);
extern void verzuim_leerplicht_init(void);
extern void verzuim_rapportage_init(void);
extern void verzuim_meldplicht_init(void);
extern void verzuim_mazl_init(void);
extern void verzuim_kwaliteit_init(void);

/*
 * Settings made before the library was loaded are checked when it loads (see
 * verzuim.c); a function that reads a setting calls
 * verzuim_instellingen_controleren() first, which raises 22023 (42704 for an
 * unknown name) while a setting holds a value that did not take.  The assign
 * hook of every setting calls verzuim_instelling_gezet(name).
 */
extern bool verzuim_instelling_problemen;
extern void verzuim_error_instellingen(void);
extern void verzuim_instelling_gezet(const char *naam);

static inline void
verzuim_instellingen_controleren(void)
{
	if (unlikely(verzuim_instelling_problemen))
		verzuim_error_instellingen();
}

/*
 * Bad input is echoed in error messages at most VERZUIM_ECHO_MAX characters
 * long (a 249 MB value must not end up whole in the message and the server
 * log): verzuim_kort(s) returns s, or its first 64 characters and "...".
 */
#define VERZUIM_ECHO_MAX 64
extern char *verzuim_kort(const char *s);

/* A date must be finite; raises 22008 otherwise.  what: "peildatum" etc. */
extern void verzuim_check_finite_date(DateADT d, const char *what);

/*
 * daterange values, built in one place: the type cache entry of daterange
 * (looked up once per backend; type cache entries are never freed), and the
 * range [van, tot) of two finite dates (empty when tot <= van).
 */
extern TypeCacheEntry *verzuim_daterange_typcache(void);
extern RangeType *verzuim_daterange(DateADT van, DateADT tot);

/*
 * A read-only StringInfo over bytes that are not ours (a bytea being
 * deserialized): initReadOnlyStringInfo on PostgreSQL 17+, the same by hand
 * before.  The bytes are not copied and must not be written.
 */
static inline void
verzuim_stringinfo_readonly(StringInfo buf, const char *data, int len)
{
#if PG_VERSION_NUM >= 170000
	initReadOnlyStringInfo(buf, (char *) data, len);
#else
	buf->data = (char *) data;
	buf->len = len;
	buf->maxlen = len;
	buf->cursor = 0;
#endif
}

/*
 * A file on the database server opened for reading (AllocateFile; the caller
 * calls FreeFile), with the privilege rule of COPY FROM a file (superuser or
 * pg_read_server_files; hint says what to do instead), an absolute path, and
 * the same messages for every function that reads files; the path is echoed
 * at most 64 characters long.
 */
extern FILE *verzuim_open_server_file(const char *pad, const char *hint);

/*
 * Errors raised in more than one file, with one message each.  Functions
 * that only raise an error are named verzuim_error_* when shared (here) and
 * error_* when local to one file.  These raise: a support function of an aggregate called
 * outside it (0A000), a function returning a row called where no row type is
 * known (0A000), a serialized aggregate state that is not valid (22P03).
 */
#if PG_VERSION_NUM >= 180000
#define VERZUIM_NORETURN pg_noreturn
#else
#define VERZUIM_NORETURN pg_attribute_noreturn()
#endif
VERZUIM_NORETURN extern void verzuim_error_not_aggregate(const char *function);
VERZUIM_NORETURN extern void verzuim_error_not_row_type(void);
/* a serialized aggregate state that cannot be read (22P03); what: "verzuim.episodes()" */
VERZUIM_NORETURN extern void verzuim_error_corrupt_state(const char *what, const char *detail);

#endif							/* VERZUIM_H */
