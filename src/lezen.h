/*
 * lezen.h — reading registration tables from C (lezen.c).
 */
#ifndef VERZUIM_LEZEN_H
#define VERZUIM_LEZEN_H

#include "executor/tuptable.h"

/* the upper bound of a period unbounded above (never a stored bound) */
#define VERZUIM_ONEINDIG PG_INT32_MAX

typedef void (*VerzuimRij) (void *arg, TupleTableSlot *slot);

/*
 * Run sql (read only, as the caller) with nargs parameters of the given types;
 * every row goes to rij(arg, slot), in werk when not NULL.  wie names the
 * function in the error message.  Between SPI_connect and SPI_finish.
 */
extern void verzuim_lees(const char *wie, const char *sql, int nargs, const Oid *types,
						 const Datum *args, MemoryContext werk, VerzuimRij rij, void *arg);

/* a stored daterange as [lo, hi) (see lezen.c), and back */
extern void verzuim_periode(Datum d, DateADT *lo, DateADT *hi);
extern Datum verzuim_periode_range(DateADT lo, DateADT hi);

/*
 * An arena for large arrays that are filled once: one anonymous mapping asked
 * to be backed by transparent huge pages (madvise; where the system does not
 * offer them it is ordinary memory), so that filling tens of MB costs a few
 * page faults instead of one per 4 kB; released when the memory context it
 * was made for is reset or deleted (also on error).  What does not fit, a
 * small arena or a failed mapping falls back to palloc in that context.
 * Zero-initialise with memset(&arena, 0, sizeof(arena)) before use.
 */
typedef struct VerzuimArena
{
	char	   *basis;			/* the mapping, or NULL */
	Size		grootte;
	Size		gebruikt;
	MemoryContextCallback vrij;
} VerzuimArena;

extern void verzuim_arena_maak(VerzuimArena *a, MemoryContext cxt, Size grootte);
extern void *verzuim_arena_alloc(VerzuimArena *a, MemoryContext cxt, Size n);
extern void *verzuim_arena_alloc0(VerzuimArena *a, MemoryContext cxt, Size n);
extern void *verzuim_arena_vergroot(VerzuimArena *a, MemoryContext cxt, void *p, Size oud, Size nieuw);
extern void verzuim_arena_vrij(VerzuimArena *a, void *p);

#endif
