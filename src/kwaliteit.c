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
