/*
 * kalender_rekenen.h — calendar arithmetic shared by the extension (src/) and
 * the benchmark data generator (bench/generator/gen.c), so that generated data
 * cannot drift from the extension's calendar: the date of Easter Sunday and
 * the number of days in a month of the Gregorian calendar.
 *
 * Plain C with no PostgreSQL headers (the generator is a standalone program);
 * test/generator_kalender.sql checks that both agree for 1583-2500.
 */
#ifndef VERZUIM_KALENDER_REKENEN_H
#define VERZUIM_KALENDER_REKENEN_H

static inline int
kalender_schrikkeljaar(int jaar)
{
	return (jaar % 4 == 0 && jaar % 100 != 0) || jaar % 400 == 0;
}

/* days in month maand (1-12) of jaar */
static inline int
kalender_dagen_in_maand(int jaar, int maand)
{
	static const int dagen[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return (maand == 2 && kalender_schrikkeljaar(jaar)) ? 29 : dagen[maand - 1];
}

/*
 * Easter Sunday of a Gregorian year (anonymous Gregorian algorithm,
 * Meeus/Jones/Butcher): *maand 3 or 4, *dag its day of the month.
 */
static inline void
kalender_pasen(int jaar, int *maand, int *dag)
{
	int			a = jaar % 19,
				b = jaar / 100,
				c = jaar % 100,
				d = b / 4,
				e = b % 4,
				f = (b + 8) / 25,
				g = (b - f + 1) / 3,
				h = (19 * a + b - d - g + 15) % 30,
				i = c / 4,
				k = c % 4,
				l = (32 + 2 * e + 2 * i - h - k) % 7,
				m = (a + 11 * h + 22 * l) / 451;

	*maand = (h + l - 7 * m + 114) / 31;
	*dag = ((h + l - 7 * m + 114) % 31) + 1;
}

#endif							/* VERZUIM_KALENDER_REKENEN_H */
