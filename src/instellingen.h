/*
 * instellingen.h — settings passed as an argument (jsonb "instellingen").
 *
 * Every setting (GUC verzuim.x) that changes an answer can also be passed
 * to the function or aggregate as the last argument instellingen jsonb,
 * e.g. '{"ziekte_in_episode": "pauzeert", "vakantieregio": "noord"}'.  When
 * it is given the verzuim.* settings of the session are NOT consulted: keys
 * that are left out take their built-in default (the statutory reading), so
 * the answer depends on the arguments and the calendar tables only, and is
 * the same on every server (postgres_fdw, Citus, parallel workers).  An
 * optional key "kalender" {"noord": "1a2b3c4d", ...} names the calendar
 * fingerprints (see verzuim.instellingen()) the server must have; a server
 * with another calendar raises 22023 instead of answering.  Unknown keys
 * raise 22023, values are checked as SET checks them.
 *
 * Mechanism: the settings are applied as GUC values at a new GUC nest level
 * (as a function's SET clause does) around the call, and popped after it;
 * an error pops them with the (sub)transaction.  The parsed settings are
 * cached per call site; when they equal the session's, nothing is applied.
 */
#ifndef VERZUIM_INSTELLINGEN_H
#define VERZUIM_INSTELLINGEN_H

#include "verzuim.h"
#include "utils/jsonb.h"

/*
 * Call inner(fcinfo) with the settings of j applied.  inner sees
 * inner_nargs arguments (the instellingen argument is hidden) and its own
 * fn_extra.  j NULL: the session's settings (plain call).  nodig false: the
 * caller knows inner reads no setting in this call (e.g. a transition
 * function after the first row of a group); j is still checked once per
 * call site.  Every call of inner through one FmgrInfo must go through here.
 */
extern Datum verzuim_met_instellingen(FunctionCallInfo fcinfo, PGFunction inner,
									  Jsonb *j, int inner_nargs, bool nodig);

/* A copy of j in memory context cxt (to keep in an aggregate state). */
extern Jsonb *verzuim_instellingen_kopie(MemoryContext cxt, Jsonb *j);

#endif							/* VERZUIM_INSTELLINGEN_H */
