/*
 * gen.c -- deterministic generator of a synthetic Netherlands for the verzuim
 * extension's registration tables (bench/generate.sh drives it).
 *
 *   gen --scale S --seed N [--schooljaar 2024-2025] --out DIR [--split K]
 *
 * writes PostgreSQL COPY text, one stream per table, to DIR/<table>.copy
 * (bench/generate.sh makes those FIFOs read by psql COPY sessions), with
 * afwezigheid split over K streams DIR/afwezigheid.<i>.copy when K > 1.
 * Summary counts go to stderr.
 *
 * Model (see bench/CALIBRATION.md for the calibration):
 *  - geography is fixed (independent of the seed): 342 gemeenten in 12
 *    provinces with realistic sizes (the 22 largest with their real CBS codes
 *    and names, the rest synthetic), each in one vakantieregio, ~150
 *    samenwerkingsverbanden, ~7,000 school locations;
 *  - scale 1.0 generates every gemeente (2.7 million pupils aged 4-17 on
 *    1 August); a smaller scale generates a seeded selection of whole
 *    gemeenten (real sizes) totalling about scale x 2.7 million pupils;
 *  - each pupil is generated from its own random stream (seed, leerling_id),
 *    so the output depends only on seed and scale; rows are streamed, the
 *    country is never held in memory;
 *  - activity (absences, meldingen, processen-verbaal, mid-year moves,
 *    transfers, drop-outs) lies within the schooljaar; enrolment, residence
 *    and vrijstelling history before it is generated as far back as needed
 *    (from birth / the first enrolment at age 4).
 *
 * Everything is integer or double arithmetic in a fixed order; the same
 * binary gives byte-identical output for the same arguments.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kalender_rekenen.h"

#define OPEN INT32_MAX			/* open upper bound of a range */
#define MAXD 366
#define NATIONAL_PUPILS 2700000

static void
die(const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	fprintf(stderr, "gen: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

/* ------------------------------------------------------------------ RNG */

static inline uint64_t
splitmix64(uint64_t *x)
{
	uint64_t	z = (*x += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

typedef struct Rng
{
	uint64_t	s[4];
} Rng;

static void
rng_seed(Rng *r, uint64_t a, uint64_t b)
{
	uint64_t	x = a * 0xD1B54A32D192ED03ULL ^ (b + 0x8CB92BA72F3D8DD7ULL);

	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static inline uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t
rng_next(Rng *r)				/* xoshiro256** */
{
	uint64_t   *s = r->s;
	uint64_t	result = rotl(s[1] * 5, 7) * 9;
	uint64_t	t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

static inline double
u01(Rng *r)
{
	return (double) (rng_next(r) >> 11) * 0x1.0p-53;
}

/* uniform integer in [0, n) */
static inline int
rint_n(Rng *r, int n)
{
	if (n <= 1)
		return 0;
	return (int) (((rng_next(r) >> 32) * (uint64_t) n) >> 32);
}

/* uniform integer in [lo, hi] */
static inline int
rrange(Rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + rint_n(r, hi - lo + 1);
}

static inline int
bern(Rng *r, double p)
{
	return u01(r) < p;
}

static int
poisson(Rng *r, double lambda)
{
	double		l = exp(-lambda),
				p = 1.0;
	int			k = 0;

	if (lambda <= 0)
		return 0;
	do
	{
		k++;
		p *= u01(r);
	} while (p > l && k < 200);
	return k - 1;
}

static double
normal(Rng *r)
{
	double		u1 = u01(r),
				u2 = u01(r);

	if (u1 < 1e-300)
		u1 = 1e-300;
	return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

/* Gamma(k, 1), Marsaglia-Tsang */
static double
gamma_k(Rng *r, double k)
{
	if (k < 1.0)
	{
		double		u = u01(r);

		return gamma_k(r, k + 1.0) * pow(u < 1e-300 ? 1e-300 : u, 1.0 / k);
	}
	{
		double		d = k - 1.0 / 3.0,
					c = 1.0 / sqrt(9.0 * d);

		for (;;)
		{
			double		x = normal(r),
						v = 1.0 + c * x,
						u;

			if (v <= 0)
				continue;
			v = v * v * v;
			u = u01(r);
			if (u < 1.0 - 0.0331 * x * x * x * x)
				return d * v;
			if (log(u) < 0.5 * x * x + d * (1.0 - v + log(v)))
				return d * v;
		}
	}
}

/* pick an index from cumulative weights (last entry = total) */
static int
pick_cum(Rng *r, const double *cum, int n)
{
	double		x = u01(r) * cum[n - 1];
	int			lo = 0,
				hi = n - 1;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* ---------------------------------------------------------------- dates */
/* Dates are day numbers since 2000-01-01, PostgreSQL's DateADT. */

static int
days_from_civil(int y, int m, int d)
{
	int			era,
				yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468 - 10957;
}

static void
civil_from_days(int z, int *yy, int *mm, int *dd)
{
	int			era,
				doe,
				yoe,
				y,
				doy,
				mp,
				d,
				m;

	z += 719468 + 10957;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	*yy = y + (m <= 2);
	*mm = m;
	*dd = d;
}

static int
packed(int ymd)					/* 20240801 -> day number */
{
	return days_from_civil(ymd / 10000, (ymd / 100) % 100, ymd % 100);
}

static inline int
weekday(int day)				/* 0 = Monday .. 6 = Sunday */
{
	return ((day % 7) + 7 + 5) % 7;
}

/* day + n months, PostgreSQL semantics (day of month clamped) */
static int
add_months(int day, int n)
{
	int			y,
				m,
				d,
				dim;

	civil_from_days(day, &y, &m, &d);
	m += n;
	while (m > 12)
	{
		m -= 12;
		y++;
	}
	while (m < 1)
	{
		m += 12;
		y--;
	}
	dim = kalender_dagen_in_maand(y, m);
	return days_from_civil(y, m, d > dim ? dim : d);
}

static int
aug1(int y)
{
	return days_from_civil(y, 8, 1);
}

/* Easter Sunday as a day number: the extension's arithmetic (src/kalender_rekenen.h) */
static int
easter(int Y)
{
	int			month,
				day;

	kalender_pasen(Y, &month, &day);
	return days_from_civil(Y, month, day);
}

static void
fmt_date(char *buf, int day)
{
	int			y,
				m,
				d;

	civil_from_days(day, &y, &m, &d);
	buf[0] = '0' + y / 1000;
	buf[1] = '0' + (y / 100) % 10;
	buf[2] = '0' + (y / 10) % 10;
	buf[3] = '0' + y % 10;
	buf[4] = '-';
	buf[5] = '0' + m / 10;
	buf[6] = '0' + m % 10;
	buf[7] = '-';
	buf[8] = '0' + d / 10;
	buf[9] = '0' + d % 10;
	buf[10] = 0;
}

/* Europe/Amsterdam UTC offset (hours) on a date, for times 08:00-18:00 */
static int
nl_utc_offset(int day)
{
	int			y,
				m,
				d,
				start,
				end;

	civil_from_days(day, &y, &m, &d);
	start = days_from_civil(y, 3, 31);
	start -= weekday(start) == 6 ? 0 : weekday(start) + 1;	/* last Sunday of March */
	end = days_from_civil(y, 10, 31);
	end -= weekday(end) == 6 ? 0 : weekday(end) + 1;
	return (day >= start && day < end) ? 2 : 1;
}

/* ------------------------------------------------------------- output */

typedef struct Out
{
	int			fd;
	char	   *buf;
	size_t		len;
	uint64_t	rows;
	const char *name;
} Out;

#define OUTBUF (1 << 20)

static const char *only_table = NULL;	/* --table: write just this one to stdout */

static void
out_open(Out *o, const char *dir, const char *name)
{
	char		path[4096];

	if (only_table)
	{
		/* afwezigheid streams all go to stdout when that table is asked for */
		if (!strcmp(name, only_table) || (!strncmp(name, "afwezigheid", 11) && !strcmp(only_table, "afwezigheid")))
			o->fd = dup(1);
		else
			o->fd = open("/dev/null", O_WRONLY);
	}
	else
	{
		snprintf(path, sizeof(path), "%s/%s.copy", dir, name);
		o->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	}
	if (o->fd < 0)
		die("cannot open the output of %s: %s", name, strerror(errno));
#ifdef F_SETPIPE_SZ
	{
		struct stat st;

		if (fstat(o->fd, &st) == 0 && S_ISFIFO(st.st_mode))
			(void) fcntl(o->fd, F_SETPIPE_SZ, 1 << 20);
	}
#endif
	o->buf = malloc(OUTBUF);
	if (!o->buf)
		die("out of memory");
	o->len = 0;
	o->rows = 0;
	o->name = name;
}

static void
out_flush(Out *o)
{
	size_t		off = 0;

	while (off < o->len)
	{
		ssize_t		n = write(o->fd, o->buf + off, o->len - off);

		if (n < 0)
		{
			if (errno == EINTR)
				continue;
			die("write to %s failed: %s", o->name, strerror(errno));
		}
		off += (size_t) n;
	}
	o->len = 0;
}

static void
out_close(Out *o)
{
	out_flush(o);
	close(o->fd);
	free(o->buf);
}

static inline void
out_reserve(Out *o, size_t n)
{
	if (o->len + n > OUTBUF)
		out_flush(o);
}

static inline void
out_mem(Out *o, const char *s, size_t n)
{
	out_reserve(o, n);
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static inline void
out_str(Out *o, const char *s)
{
	out_mem(o, s, strlen(s));
}

static inline void
out_ch(Out *o, char c)
{
	out_reserve(o, 1);
	o->buf[o->len++] = c;
}

static inline void
out_tab(Out *o)
{
	out_ch(o, '\t');
}

static inline void
out_end(Out *o)
{
	out_ch(o, '\n');
	o->rows++;
}

static inline void
out_null(Out *o)
{
	out_mem(o, "\\N", 2);
}

static void
out_i64(Out *o, int64_t v)
{
	char		tmp[24];
	int			n = 0;
	uint64_t	u;

	out_reserve(o, 24);
	if (v < 0)
	{
		o->buf[o->len++] = '-';
		u = (uint64_t) (-(v + 1)) + 1;
	}
	else
		u = (uint64_t) v;
	do
	{
		tmp[n++] = '0' + (char) (u % 10);
		u /= 10;
	} while (u);
	while (n)
		o->buf[o->len++] = tmp[--n];
}

/* hundredths -> "5.50" */
static void
out_hours(Out *o, int h)
{
	out_i64(o, h / 100);
	out_ch(o, '.');
	out_ch(o, '0' + (h % 100) / 10);
	out_ch(o, '0' + h % 10);
}

static void
out_date(Out *o, int day)
{
	char		b[11];

	fmt_date(b, day);
	out_mem(o, b, 10);
}

static void
out_range(Out *o, int lo, int hi)	/* [lo,hi) or [lo,) */
{
	out_ch(o, '[');
	out_date(o, lo);
	out_ch(o, ',');
	if (hi != OPEN)
		out_date(o, hi);
	out_ch(o, ')');
}

/* COPY text escaping of a name (backslash, tab, newline never occur, but be safe) */
static void
out_text(Out *o, const char *s)
{
	for (; *s; s++)
	{
		if (*s == '\\' || *s == '\t' || *s == '\n' || *s == '\r')
			out_ch(o, '\\');
		out_ch(o, *s);
	}
}

/* ----------------------------------------------------- school holidays */
/* DOMAIN.md section 11; regions in the order noord, midden, zuid; Sat - Sun */

typedef struct VakRow
{
	int			sy;
	int			herfst[3][2];
	int			kerst[2];
	int			voorjaar[3][2];
	int			mei[2];
	int			zomer[3][2];
} VakRow;

static const VakRow VAK[] = {
	{2019, {{20191019, 20191027}, {20191019, 20191027}, {20191012, 20191020}}, {20191221, 20200105},
		{{20200215, 20200223}, {20200222, 20200301}, {20200222, 20200301}}, {20200425, 20200503},
	{{20200704, 20200816}, {20200718, 20200830}, {20200711, 20200823}}},
	{2020, {{20201010, 20201018}, {20201017, 20201025}, {20201017, 20201025}}, {20201219, 20210103},
		{{20210220, 20210228}, {20210220, 20210228}, {20210213, 20210221}}, {20210501, 20210509},
	{{20210710, 20210822}, {20210717, 20210829}, {20210724, 20210905}}},
	{2021, {{20211016, 20211024}, {20211016, 20211024}, {20211023, 20211031}}, {20211225, 20220109},
		{{20220219, 20220227}, {20220226, 20220306}, {20220226, 20220306}}, {20220430, 20220508},
	{{20220716, 20220828}, {20220709, 20220821}, {20220723, 20220904}}},
	{2022, {{20221015, 20221023}, {20221022, 20221030}, {20221022, 20221030}}, {20221224, 20230108},
		{{20230225, 20230305}, {20230225, 20230305}, {20230218, 20230226}}, {20230429, 20230507},
	{{20230722, 20230903}, {20230708, 20230820}, {20230715, 20230827}}},
	{2023, {{20231021, 20231029}, {20231014, 20231022}, {20231014, 20231022}}, {20231223, 20240107},
		{{20240217, 20240225}, {20240217, 20240225}, {20240210, 20240218}}, {20240427, 20240505},
	{{20240720, 20240901}, {20240713, 20240825}, {20240706, 20240818}}},
	{2024, {{20241026, 20241103}, {20241026, 20241103}, {20241019, 20241027}}, {20241221, 20250105},
		{{20250215, 20250223}, {20250222, 20250302}, {20250222, 20250302}}, {20250426, 20250504},
	{{20250712, 20250824}, {20250719, 20250831}, {20250705, 20250817}}},
};
#define NVAK ((int) (sizeof(VAK) / sizeof(VAK[0])))

/* religious feast days on which some pupils are absent (art. 11 e) */
static const int EID_FITR[] = {20200524, 20210513, 20220502, 20230421, 20240410, 20250330};
static const int EID_ADHA[] = {20200731, 20210720, 20220709, 20230628, 20240616, 20250606};
static const int DIWALI[] = {20201114, 20211104, 20221024, 20231112, 20241101, 20251021};

enum
{
	BLK_HERFST, BLK_KERST, BLK_VOORJAAR, BLK_MEI, BLK_ZOMER_NEXT, BLK_ZOMER_PREV, BLK_HEMELVAART, NBLK
};

typedef struct Cal
{
	int			sy;				/* schooljaar sy-(sy+1) */
	int			d0;				/* day number of 1 August sy */
	int			nd;				/* days in the schooljaar */
	uint8_t		les[3][MAXD];	/* 1 = school day in the region */
	int			first_les[3],
				last_les[3];
	int			blk_lo[3][NBLK],
				blk_hi[3][NBLK];	/* holiday blocks, relative day (may be outside) */
	int			no13a_before[3];	/* 13a verlof not before this day: end of first 2 lesweken */
	int			rel[3];			/* Eid al-Fitr, Eid al-Adha, Diwali: relative day or -1 */
	uint16_t	w_sick[MAXD],
				w_truant[MAXD],
				w_late[MAXD];	/* day weights x1000 */
	char		ds[MAXD][11];
} Cal;

static Cal C;

static void
cal_build(int sy)
{
	const VakRow *cur = NULL,
			   *prev = NULL;
	int			feest[32],
				nf = 0,
				e;

	for (int i = 0; i < NVAK; i++)
	{
		if (VAK[i].sy == sy)
			cur = &VAK[i];
		if (VAK[i].sy == sy - 1)
			prev = &VAK[i];
	}
	if (!cur || !prev)
		die("schooljaar %d-%d is not supported: complete holiday data (DOMAIN.md section 11) exist for 2020-2021 .. 2024-2025 only",
			sy, sy + 1);
	C.sy = sy;
	C.d0 = aug1(sy);
	C.nd = aug1(sy + 1) - C.d0;

	/*
	 * Public holidays on which schools are closed: the defaults of the
	 * extension's calendar (verzuim.feestdagen): Goede Vrijdag is a school
	 * day, Bevrijdingsdag is free in lustrum years (in the other supported
	 * years 5 May lies in the meivakantie anyway).
	 */
	for (int y = sy; y <= sy + 1; y++)
	{
		int			kd = days_from_civil(y, 4, 27);

		e = easter(y);
		feest[nf++] = days_from_civil(y, 1, 1);
		feest[nf++] = e + 1;	/* 2e Paasdag */
		feest[nf++] = weekday(kd) == 6 ? kd - 1 : kd;	/* Koningsdag */
		if (y % 5 == 0)
			feest[nf++] = days_from_civil(y, 5, 5);	/* Bevrijdingsdag */
		feest[nf++] = e + 39;	/* Hemelvaart */
		feest[nf++] = e + 50;	/* 2e Pinksterdag */
		feest[nf++] = days_from_civil(y, 12, 25);
	}
	feest[nf++] = days_from_civil(sy, 12, 26);

	for (int r = 0; r < 3; r++)
	{
		int			lo[8],
					hi[8],
					nb = 0,
					cnt,
					lastweek;

		C.blk_lo[r][BLK_HERFST] = packed(cur->herfst[r][0]) - C.d0;
		C.blk_hi[r][BLK_HERFST] = packed(cur->herfst[r][1]) - C.d0;
		C.blk_lo[r][BLK_KERST] = packed(cur->kerst[0]) - C.d0;
		C.blk_hi[r][BLK_KERST] = packed(cur->kerst[1]) - C.d0;
		C.blk_lo[r][BLK_VOORJAAR] = packed(cur->voorjaar[r][0]) - C.d0;
		C.blk_hi[r][BLK_VOORJAAR] = packed(cur->voorjaar[r][1]) - C.d0;
		C.blk_lo[r][BLK_MEI] = packed(cur->mei[0]) - C.d0;
		C.blk_hi[r][BLK_MEI] = packed(cur->mei[1]) - C.d0;
		C.blk_lo[r][BLK_ZOMER_NEXT] = packed(cur->zomer[r][0]) - C.d0;
		C.blk_hi[r][BLK_ZOMER_NEXT] = packed(cur->zomer[r][1]) - C.d0;
		C.blk_lo[r][BLK_ZOMER_PREV] = packed(prev->zomer[r][0]) - C.d0;
		C.blk_hi[r][BLK_ZOMER_PREV] = packed(prev->zomer[r][1]) - C.d0;
		C.blk_lo[r][BLK_HEMELVAART] = easter(sy + 1) + 39 - C.d0;
		C.blk_hi[r][BLK_HEMELVAART] = easter(sy + 1) + 39 - C.d0;
		for (int b = 0; b < BLK_HEMELVAART; b++)
		{
			lo[nb] = C.blk_lo[r][b];
			hi[nb] = C.blk_hi[r][b];
			nb++;
		}
		C.first_les[r] = -1;
		C.last_les[r] = -1;
		for (int i = 0; i < C.nd; i++)
		{
			int			day = C.d0 + i,
						ok = weekday(day) < 5;

			for (int b = 0; ok && b < nb; b++)
				if (i >= lo[b] && i <= hi[b])
					ok = 0;
			for (int f = 0; ok && f < nf; f++)
				if (day == feest[f])
					ok = 0;
			C.les[r][i] = (uint8_t) ok;
			if (ok)
			{
				if (C.first_les[r] < 0)
					C.first_les[r] = i;
				C.last_les[r] = i;
			}
		}
		/* the first two lesweken (ISO weeks with a school day) */
		cnt = 0;
		lastweek = -1;
		C.no13a_before[r] = C.nd;
		for (int i = 0; i < C.nd; i++)
		{
			int			wk = (C.d0 + i + 5 + 7 * 1000) / 7;	/* Monday-based week */

			if (!C.les[r][i])
				continue;
			if (wk != lastweek)
			{
				cnt++;
				lastweek = wk;
				if (cnt == 3)
				{
					C.no13a_before[r] = i;
					break;
				}
			}
		}
	}
	/* religious days */
	{
		const int  *tabs[3] = {EID_FITR, EID_ADHA, DIWALI};

		for (int t = 0; t < 3; t++)
		{
			C.rel[t] = -1;
			for (int k = 0; k < 6; k++)
			{
				int			d = packed(tabs[t][k]) - C.d0;

				if (d >= 0 && d < C.nd)
					C.rel[t] = d;
			}
		}
	}
	/* day weights: more absence on Mondays and Fridays, sickness in winter */
	for (int i = 0; i < C.nd; i++)
	{
		static const int wsick[5] = {1300, 1000, 920, 950, 1120};
		static const int wtru[5] = {1500, 850, 800, 900, 1450};
		static const int wlate[5] = {1400, 1000, 900, 1000, 900};
		int			wd = weekday(C.d0 + i),
					y,
					m,
					d;
		double		season;

		civil_from_days(C.d0 + i, &y, &m, &d);
		season = (m >= 11 || m <= 3) ? 1.3 : (m >= 4 && m <= 6) ? 0.9 : (m == 7) ? 0.8 : 0.95;
		if (wd < 5)
		{
			C.w_sick[i] = (uint16_t) (wsick[wd] * season / 1.3);
			C.w_truant[i] = (uint16_t) (wtru[wd]);
			C.w_late[i] = (uint16_t) (wlate[wd]);
		}
		fmt_date(C.ds[i], C.d0 + i);
	}
}

/* ---------------------------------------------------------- geography */

typedef struct Prov
{
	const char *naam;
	int			nr;				/* swv code prefix */
	int			ngem;
	double		inw;			/* inhabitants */
	int			region;			/* default vakantieregio */
} Prov;

enum
{
	NOORD, MIDDEN, ZUID
};
static const char *REGIO[3] = {"noord", "midden", "zuid"};

static const Prov PROV[12] = {
	{"Groningen", 20, 10, 590000, NOORD},
	{"Friesland", 21, 18, 660000, NOORD},
	{"Drenthe", 22, 12, 500000, NOORD},
	{"Overijssel", 23, 25, 1200000, NOORD},
	{"Flevoland", 24, 6, 440000, NOORD},
	{"Gelderland", 25, 51, 2130000, MIDDEN},
	{"Utrecht", 26, 26, 1400000, MIDDEN},
	{"Noord-Holland", 27, 44, 2950000, NOORD},
	{"Zuid-Holland", 28, 50, 3800000, MIDDEN},
	{"Zeeland", 29, 13, 390000, ZUID},
	{"Noord-Brabant", 30, 56, 2640000, ZUID},
	{"Limburg", 31, 31, 1130000, ZUID},
};

typedef struct Real
{
	const char *code,
			   *naam;
	int			prov;
	double		inw,
				youth;
	int			region;			/* -1 = province default */
} Real;

static const Real REAL[] = {
	{"GM0363", "Amsterdam", 7, 931000, 0.80, -1},
	{"GM0599", "Rotterdam", 8, 670000, 0.92, -1},
	{"GM0518", "'s-Gravenhage", 8, 566000, 0.97, -1},
	{"GM0344", "Utrecht", 6, 374000, 0.88, -1},
	{"GM0772", "Eindhoven", 10, 246000, 0.85, -1},
	{"GM0014", "Groningen", 0, 243000, 0.70, -1},
	{"GM0855", "Tilburg", 10, 228000, 0.88, -1},
	{"GM0034", "Almere", 4, 222000, 1.15, -1},
	{"GM0758", "Breda", 10, 187000, 0.92, -1},
	{"GM0268", "Nijmegen", 5, 182000, 0.78, ZUID},
	{"GM0200", "Apeldoorn", 5, 167000, 1.00, -1},
	{"GM0202", "Arnhem", 5, 167000, 0.90, ZUID},
	{"GM0392", "Haarlem", 7, 164000, 1.00, -1},
	{"GM0394", "Haarlemmermeer", 7, 161000, 1.10, -1},
	{"GM0153", "Enschede", 3, 161000, 0.88, -1},
	{"GM0307", "Amersfoort", 6, 160000, 1.08, -1},
	{"GM0479", "Zaanstad", 7, 160000, 1.05, -1},
	{"GM0796", "'s-Hertogenbosch", 10, 160000, 0.95, -1},
	{"GM0193", "Zwolle", 3, 132000, 1.05, -1},
	{"GM0546", "Leiden", 8, 127000, 0.85, -1},
	{"GM0935", "Maastricht", 11, 122000, 0.72, -1},
	{"GM0505", "Dordrecht", 8, 121000, 1.00, -1},
};
#define NREAL ((int) (sizeof(REAL) / sizeof(REAL[0])))

/* region exceptions per province (DOMAIN.md section 9): count of gemeenten at
 * the start of the province list in 'lo' region, at the end in 'hi' region */
static const struct
{
	int			prov,
				nlo,
				lo,
				nhi,
				hi;
} REGIO_EXC[] = {
	{4, 0, 0, 1, MIDDEN},		/* Flevoland: one gemeente midden */
	{5, 3, NOORD, 12, ZUID},	/* Gelderland: a few noord, the south zuid */
	{6, 2, NOORD, 0, 0},		/* Utrecht: two noord */
	{10, 8, MIDDEN, 0, 0},		/* Noord-Brabant: north-west midden */
};

enum
{
	T_PO, T_SV, T_VO, T_MBO, NTYPE
};								/* school types: po, so/vso, vo, mbo */
enum
{
	S_PO, S_SO, S_VO, S_VSO, S_MBO, NSOORT
};
static const char *SOORT[NSOORT] = {"po", "so", "vo", "vso", "mbo"};
static const int SOORT_TYPE[NSOORT] = {T_PO, T_SV, T_VO, T_SV, T_MBO};
static const int SOORT_FULL[NSOORT] = {550, 500, 650, 550, 600};	/* hours of a school day x100 */

typedef struct Gem
{
	char		code[8];
	char		naam[48];
	int			prov;
	int			region;
	double		inw,
				youth,
				mult;			/* rate multiplier of the gemeente */
	int			pupils;			/* at scale 1.0 */
	int			swv_po,
				swv_vo;
	int			s0[NTYPE],
				ns[NTYPE];		/* school index range per type */
	int			host[NTYPE];	/* gemeente whose schools of that type serve it */
	int			sel;			/* generated at this scale */
	int			pidx;			/* index within province list */
} Gem;

typedef struct School
{
	char		brin[16];
	char		naam[64];
	int			gem;
	int			type;
	int			swv;			/* -1 none */
	int			emit;
} School;

typedef struct Swv
{
	char		code[24];
	char		naam[96];
} Swv;

static Gem	G[342];
static int	NG = 0;
static School *S;
static int	NS = 0;
static double *Scum;			/* cumulative school weights (global) */
static Swv	W[200];
static int	NW = 0;
static int	prov_first[12],
			prov_n[12];

static const char *NAME_A[] = {
	"Aal", "Beek", "Bos", "Brug", "Dal", "Eek", "Ger", "Haar", "Hel", "Hoog", "Kam", "Lin", "Mar",
	"Mid", "Neer", "Ol", "Ooster", "Ren", "Rijs", "Stad", "Ter", "Ven", "Vree", "Wester", "Wijk",
	"Zee", "Zwaan", "Graft", "Lede", "Molen", "Noorder", "Zuider", "Holt", "Esch", "Laar", "Mander"
};
static const char *NAME_B[] = {
	"veen", "broek", "dam", "dijk", "horst", "hoven", "wijk", "berg", "kerk", "zand", "haven", "mond",
	"wolde", "loo", "rade", "woude", "heide", "burg", "sloot", "meer", "beek", "rode", "stein",
	"hout", "dorp", "vaart", "gein", "zijl", "drecht", "gouw", "lo", "schoten"
};
#define NA ((int) (sizeof(NAME_A) / sizeof(NAME_A[0])))
#define NB ((int) (sizeof(NAME_B) / sizeof(NAME_B[0])))

static const char *PO_PRE[] = {"OBS", "CBS", "RKBS", "PCBS", "Basisschool", "IKC", "Montessorischool",
"Daltonschool", "Jenaplanschool"};
static const char *PO_NAME[] = {
	"De Regenboog", "De Wegwijzer", "Het Kompas", "De Zonnewijzer", "De Wilgen", "De Vlinder",
	"Het Palet", "De Springplank", "De Bron", "De Fontein", "Het Anker", "De Sterrenwachter",
	"De Klimop", "De Boomgaard", "De Linde", "Het Mozaiek", "Sint Jozef", "Koningin Juliana",
	"Prins Willem-Alexander", "De Tweemaster", "De Horizon", "Het Baken", "De Eendracht",
	"Het Startpunt", "De Kameleon", "De Ark", "De Wereldwijzer", "Oranje Nassau", "De Piramide",
	"De Vuurtoren", "Het Kleurrijk", "De Notenbalk"
};
static const char *VO_NAME[] = {
	"Erasmus", "Spinoza", "Thorbecke", "Huygens", "Da Vinci", "Comenius", "Stedelijk", "Christelijk",
	"Montessori", "Vathorst", "Niftarlake", "Maerlant", "Gomarus", "Jac. P. Thijsse", "Bonhoeffer",
	"Melanchthon", "Het Rijks", "Calvijn", "Augustinus", "Sint-Janscollege"
};
static const char *VO_FORM[] = {"%s College", "%s Lyceum", "Scholengemeenschap %s", "%s Mavo",
"%s College %s"};
static const char *SV_NAME[] = {"De Brug", "De Ster", "Het Mozaiek", "De Piramide", "De Witte Vogel",
"Het Kompas", "De Sterrenboog", "De Vonder"};

static void
geo_build(void)
{
	Rng			r;
	int			used_code[3000] = {0};
	int			name_used[64][64] = {{0}};
	double		tot_pupils_w = 0;
	double		rem[342];
	int			ntype_tot[NTYPE] = {0};

	rng_seed(&r, 20240801, 342);	/* fixed: geography does not depend on --seed */
	for (int i = 0; i < NREAL; i++)
		used_code[atoi(REAL[i].code + 2)] = 1;
	used_code[0] = 1;

	for (int p = 0; p < 12; p++)
	{
		int			nreal = 0,
					nsyn,
					first = NG;
		double		realinw = 0,
					synsum = 0,
					sizes[64];

		prov_first[p] = NG;
		prov_n[p] = PROV[p].ngem;
		for (int i = 0; i < NREAL; i++)
			if (REAL[i].prov == p)
			{
				nreal++;
				realinw += REAL[i].inw;
			}
		nsyn = PROV[p].ngem - nreal;
		/* synthetic sizes: lognormal quantiles, capped at 125k */
		for (int k = 0; k < nsyn; k++)
		{
			double		q = (k + 0.5) / nsyn,
						z;

			/* inverse normal CDF (Acklam-lite via erfinv approximation) */
			{
				double		a = 0.147,
							x = 2 * q - 1,
							ln = log(1 - x * x),
							t1 = 2 / (M_PI * a) + ln / 2;

				z = copysign(sqrt(sqrt(t1 * t1 - ln / a) - t1), x) * sqrt(2.0);
			}
			sizes[k] = exp(0.62 * z);
			synsum += sizes[k];
		}
		for (int k = 0; k < nsyn; k++)
		{
			sizes[k] *= (PROV[p].inw - realinw) / synsum;
			if (sizes[k] > 125000)
				sizes[k] = 125000;
			if (sizes[k] < 2500)
				sizes[k] = 2500;
		}
		if (p == 1)				/* Friesland: the Wadden islands */
		{
			sizes[0] = 1000;
			sizes[1] = 1150;
			sizes[2] = 3800;
			sizes[3] = 4900;
		}
		/* shuffle sizes into province slots, real ones at fixed slots */
		for (int k = nsyn - 1; k > 0; k--)
		{
			int			j = rint_n(&r, k + 1);
			double		t = sizes[k];

			sizes[k] = sizes[j];
			sizes[j] = t;
		}
		{
			int			k = 0,
						slot = 0,
						realslots[64] = {0};

			int			xlo = 0,
						xhi = 0;

			for (size_t x = 0; x < sizeof(REGIO_EXC) / sizeof(REGIO_EXC[0]); x++)
				if (REGIO_EXC[x].prov == p)
				{
					xlo = REGIO_EXC[x].nlo;
					xhi = REGIO_EXC[x].nhi;
				}
			/* spread the real gemeenten over the part of the list in the province's own region */
			for (int i = 0, ri = 0; i < NREAL; i++)
				if (REAL[i].prov == p)
				{
					int			s = xlo + (int) ((ri + 0.5) * (PROV[p].ngem - xlo - xhi) / (nreal + 0.0));

					/* region-exception cities (Arnhem, Nijmegen) go to the zuid end */
					if (REAL[i].region >= 0)
						s = PROV[p].ngem - 1 - ri;
					while (realslots[s])
						s = (s + 1) % PROV[p].ngem;
					realslots[s] = i + 1;
					ri++;
				}
			for (slot = 0; slot < PROV[p].ngem; slot++)
			{
				Gem		   *g = &G[NG];

				memset(g, 0, sizeof(*g));
				g->prov = p;
				g->pidx = slot;
				if (realslots[slot])
				{
					const Real *re = &REAL[realslots[slot] - 1];

					snprintf(g->code, sizeof(g->code), "%s", re->code);
					snprintf(g->naam, sizeof(g->naam), "%s", re->naam);
					g->inw = re->inw;
					g->youth = re->youth;
				}
				else
				{
					int			c,
								a,
								b;

					/* codes 2001-2999 are not assigned by CBS: synthetic gemeenten
					 * never carry the code of a real one */
					do
						c = rrange(&r, 2001, 2999);
					while (used_code[c]);
					used_code[c] = 1;
					snprintf(g->code, sizeof(g->code), "GM%04d", c);
					do
					{
						a = rint_n(&r, NA);
						b = rint_n(&r, NB);
					} while (name_used[a][b]);
					name_used[a][b] = 1;
					snprintf(g->naam, sizeof(g->naam), "%s%s", NAME_A[a], NAME_B[b]);
					g->inw = sizes[k++];
					g->youth = 1.0 + (u01(&r) - 0.5) * 0.24;
				}
				g->region = PROV[p].region;
				NG++;
			}
		}
		/* region exceptions */
		for (size_t x = 0; x < sizeof(REGIO_EXC) / sizeof(REGIO_EXC[0]); x++)
			if (REGIO_EXC[x].prov == p)
			{
				for (int i = 0; i < REGIO_EXC[x].nlo; i++)
					G[first + i].region = REGIO_EXC[x].lo;
				for (int i = 0; i < REGIO_EXC[x].nhi; i++)
					G[first + PROV[p].ngem - 1 - i].region = REGIO_EXC[x].hi;
			}
	}
	if (NG != 342)
		die("internal error: %d gemeenten", NG);

	/* pupils at scale 1.0: largest-remainder allocation of 2.7 million */
	for (int i = 0; i < NG; i++)
		tot_pupils_w += G[i].inw * G[i].youth;
	{
		int			sum = 0;

		for (int i = 0; i < NG; i++)
		{
			double		x = NATIONAL_PUPILS * G[i].inw * G[i].youth / tot_pupils_w;

			G[i].pupils = (int) x;
			rem[i] = x - G[i].pupils;
			sum += G[i].pupils;
		}
		while (sum < NATIONAL_PUPILS)
		{
			int			best = 0;

			for (int i = 1; i < NG; i++)
				if (rem[i] > rem[best])
					best = i;
			G[best].pupils++;
			rem[best] = -1;
			sum++;
		}
	}
	/* rate multipliers: lognormal, pupil-weighted mean 1 */
	{
		double		mw = 0;

		for (int i = 0; i < NG; i++)
		{
			G[i].mult = exp(0.25 * normal(&r));
			mw += G[i].mult * G[i].pupils;
		}
		for (int i = 0; i < NG; i++)
			G[i].mult *= (double) NATIONAL_PUPILS / mw;
	}

	/* samenwerkingsverbanden: 76 PO and 74 VO over the provinces */
	for (int kind = 0; kind < 2; kind++)
	{
		int			total = kind == 0 ? 76 : 74,
					nswv[12],
					sum = 0;
		double		remw[12];

		for (int p = 0; p < 12; p++)
		{
			double		pp = 0,
						x;

			for (int i = prov_first[p]; i < prov_first[p] + prov_n[p]; i++)
				pp += G[i].pupils;
			x = total * pp / NATIONAL_PUPILS;
			nswv[p] = (int) x;
			if (nswv[p] < 1)
				nswv[p] = 1;
			remw[p] = x - (int) x;
			sum += nswv[p];
		}
		while (sum < total)
		{
			int			best = 0;

			for (int p = 1; p < 12; p++)
				if (remw[p] > remw[best])
					best = p;
			nswv[best]++;
			remw[best] = -1;
			sum++;
		}
		while (sum > total)
		{
			int			best = -1;

			for (int p = 0; p < 12; p++)
				if (nswv[p] > 1 && (best < 0 || remw[p] < remw[best]))
					best = p;
			nswv[best]--;
			remw[best] = 2;
			sum--;
		}
		for (int p = 0; p < 12; p++)
		{
			double		pp = 0,
						acc = 0;
			int			k = 0,
						w0 = NW;

			for (int i = prov_first[p]; i < prov_first[p] + prov_n[p]; i++)
				pp += G[i].pupils;
			for (int s = 0; s < nswv[p]; s++)
			{
				snprintf(W[NW + s].code, sizeof(W[0].code), "%s%02d%02d", kind == 0 ? "PO" : "VO",
						 PROV[p].nr, s + 1);
				W[NW + s].naam[0] = 0;
			}
			for (int i = prov_first[p]; i < prov_first[p] + prov_n[p]; i++)
			{
				if (k < nswv[p] - 1 && acc >= pp * (k + 1) / nswv[p])
					k++;
				if (kind == 0)
					G[i].swv_po = w0 + k;
				else
					G[i].swv_vo = w0 + k;
				if (W[w0 + k].naam[0] == 0)
					snprintf(W[w0 + k].naam, sizeof(W[0].naam), "Samenwerkingsverband %s %s e.o.",
							 kind == 0 ? "Passend Primair Onderwijs" : "Voortgezet Onderwijs", G[i].naam);
				acc += G[i].pupils;
			}
			/* a province with more swv than needed: drop unnamed (cannot happen with >= 1 gemeente each) */
			for (int s = 0; s < nswv[p]; s++)
				if (W[w0 + s].naam[0] == 0)
					snprintf(W[w0 + s].naam, sizeof(W[0].naam), "Samenwerkingsverband %s %s %d",
							 kind == 0 ? "PO" : "VO", PROV[p].naam, s + 1);
			NW += nswv[p];
		}
	}

	/* schools per gemeente */
	{
		int			cap = 9000;

		S = calloc(cap, sizeof(School));
		Scum = calloc(cap, sizeof(double));
		if (!S || !Scum)
			die("out of memory");
		for (int i = 0; i < NG; i++)
		{
			Gem		   *g = &G[i];
			double		urban = g->inw >= 100000 ? 1.0 : g->inw <= 20000 ? 0.0 : (g->inw - 20000) / 80000.0;
			int			want[NTYPE];
			int			lastbrin = -1,
						vest = 0;
			static int	brinseq = 0;

			want[T_PO] = (int) lround(g->pupils * 0.55 / (187 + 170 * urban));
			if (want[T_PO] < 1)
				want[T_PO] = 1;
			want[T_SV] = g->inw >= 40000 ? (int) lround(g->pupils * 0.028 / 190) : 0;
			if (g->inw >= 40000 && want[T_SV] < 1)
				want[T_SV] = 1;
			want[T_VO] = g->inw >= 18000 ? (int) lround(g->pupils * 0.34 / 840) : 0;
			if (g->inw >= 18000 && want[T_VO] < 1)
				want[T_VO] = 1;
			want[T_MBO] = g->inw >= 70000 ? (int) lround(g->pupils * 0.06 / 440) : 0;
			if (g->inw >= 70000 && want[T_MBO] < 1)
				want[T_MBO] = 1;
			for (int t = 0; t < NTYPE; t++)
			{
				g->s0[t] = NS;
				g->ns[t] = want[t];
				for (int k = 0; k < want[t]; k++)
				{
					School	   *s = &S[NS];
					int			bn;

					if (NS >= cap)
						die("internal error: too many schools");
					s->gem = i;
					s->type = t;
					s->swv = t == T_MBO ? -1 : (t == T_VO ? g->swv_vo : g->swv_po);
					/* a vo school is often a second location (vestiging) of the previous one */
					if (t == T_VO && k > 0 && lastbrin >= 0 && vest < 3 && bern(&r, 0.35))
					{
						bn = lastbrin;
						vest++;
					}
					else
					{
						bn = brinseq++;
						vest = 0;
					}
					lastbrin = bn;
					snprintf(s->brin, sizeof(s->brin), "%02d%c%c%02d", bn / 676, 'A' + (bn % 676) / 26,
							 'A' + bn % 26, vest);
					switch (t)
					{
						case T_PO:
							if (bern(&r, 0.05))
								snprintf(s->naam, sizeof(s->naam), "SBO %s", PO_NAME[rint_n(&r, 32)]);
							else
								snprintf(s->naam, sizeof(s->naam), "%s %s", PO_PRE[rint_n(&r, 9)],
										 PO_NAME[rint_n(&r, 32)]);
							break;
						case T_SV:
							snprintf(s->naam, sizeof(s->naam), "SO/VSO %s", SV_NAME[rint_n(&r, 8)]);
							break;
						case T_VO:
							{
								const char *f = VO_FORM[rint_n(&r, 5)];
								const char *n = VO_NAME[rint_n(&r, 20)];

								if (strstr(f, "%s College %s"))
									snprintf(s->naam, sizeof(s->naam), "%s College %s", n, g->naam);
								else
									snprintf(s->naam, sizeof(s->naam), f, n);
								if (vest)
								{
									char		prev[64];

									memcpy(prev, S[NS - 1].naam, sizeof(prev));
									snprintf(s->naam, sizeof(s->naam), "%.40s locatie %d", prev, vest + 1);
								}
							}
							break;
						default:
							snprintf(s->naam, sizeof(s->naam), "ROC %.30s locatie %d", g->naam, k + 1);
							break;
					}
					Scum[NS] = (NS > 0 ? Scum[NS - 1] : 0) + exp(0.45 * normal(&r));
					ntype_tot[t]++;
					NS++;
				}
			}
		}
	}
	/* hosts: nearest gemeente (same province first) with schools of that type */
	for (int i = 0; i < NG; i++)
		for (int t = 0; t < NTYPE; t++)
		{
			int			best = -1,
						bestd = 1 << 30;

			for (int pass = 0; pass < 2 && best < 0; pass++)
				for (int j = 0; j < NG; j++)
				{
					int			d;

					if (G[j].ns[t] == 0 || (pass == 0 && G[j].prov != G[i].prov))
						continue;
					d = pass == 0 ? abs(G[j].pidx - G[i].pidx) : abs(j - i);
					if (d < bestd || (d == bestd && G[j].pupils > G[best].pupils))
					{
						best = j;
						bestd = d;
					}
				}
			G[i].host[t] = best;
		}
}

/* the cumulative weight of schools [a, a+n) */
static int
pick_in_range(Rng *r, int a, int n)
{
	double		base = a > 0 ? Scum[a - 1] : 0,
				x = base + u01(r) * (Scum[a + n - 1] - base);
	int			lo = a,
				hi = a + n - 1;

	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (Scum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* neighbours of a gemeente: +-1 in its province list, selected only */
static int
neighbour(Rng *r, int g)
{
	int			c[2],
				n = 0;

	if (G[g].pidx > 0 && G[g - 1].sel)
		c[n++] = g - 1;
	if (G[g].pidx < prov_n[G[g].prov] - 1 && G[g + 1].sel)
		c[n++] = g + 1;
	return n ? c[rint_n(r, n)] : -1;
}

static int	selected[342],
			nsel = 0;

static int
pick_school(Rng *r, int g, int type)
{
	if (type == T_PO)
	{
		int			h = bern(r, 0.05) ? neighbour(r, g) : -1;

		if (h < 0)
			h = g;
		return pick_in_range(r, G[h].s0[T_PO], G[h].ns[T_PO]);
	}
	{
		int			h = G[g].host[type];

		return pick_in_range(r, G[h].s0[type], G[h].ns[type]);
	}
}

static int
pick_other_school(Rng *r, int g, int type, int notthis)
{
	int			s = notthis;

	for (int k = 0; k < 6 && s == notthis; k++)
		s = pick_school(r, g, type);
	return s;
}

/* destination of a move: a neighbour, else any selected gemeente */
static int
move_dest(Rng *r, int g)
{
	int			h = bern(r, 0.6) ? neighbour(r, g) : -1;

	if (h < 0 && nsel > 1)
	{
		do
			h = selected[rint_n(r, nsel)];
		while (h == g);
	}
	return h;
}

static void
select_gemeenten(double scale, uint64_t seed)
{
	if (scale >= 0.999)
	{
		for (int i = 0; i < NG; i++)
			G[i].sel = 1;
	}
	else
	{
		Rng			r;
		int			order[342];
		double		target = scale * NATIONAL_PUPILS,
					remaining = target;

		rng_seed(&r, seed, 0xC0FFEE);
		for (int i = 0; i < NG; i++)
			order[i] = i;
		for (int i = NG - 1; i > 0; i--)
		{
			int			j = rint_n(&r, i + 1),
						t = order[i];

			order[i] = order[j];
			order[j] = t;
		}
		/* whole gemeenten in seeded order while they fit ... */
		for (int k = 0; k < NG && remaining > 0.01 * target; k++)
		{
			Gem		   *g = &G[order[k]];

			if (g->pupils <= remaining)
			{
				g->sel = 1;
				remaining -= g->pupils;
			}
		}
		/* ... then the one that best closes the remainder (if that helps) */
		{
			int			best = -1;
			double		bestd = remaining;

			for (int k = 0; k < NG; k++)
			{
				Gem		   *g = &G[order[k]];

				if (!g->sel && fabs(remaining - g->pupils) < bestd)
				{
					best = order[k];
					bestd = fabs(remaining - g->pupils);
				}
			}
			if (best >= 0)
				G[best].sel = 1;
		}
	}
	for (int i = 0; i < NG; i++)
		if (G[i].sel)
			selected[nsel++] = i;
	/* schools emitted: those of selected gemeenten and of their hosts */
	for (int i = 0; i < NG; i++)
	{
		if (!G[i].sel)
			continue;
		for (int t = 0; t < NTYPE; t++)
		{
			int			h = t == T_PO ? i : G[i].host[t];

			for (int s = G[h].s0[t]; s < G[h].s0[t] + G[h].ns[t]; s++)
				S[s].emit = 1;
		}
	}
}

/* --------------------------------------------------------- parameters */
/* Rates per pupil (per schooljaar) by onderwijssoort po, so, vo, vso, mbo.
 * Tuned against the national figures of DOMAIN.md section 13 as the view
 * verzuim.leerplichttelling counts them (bench/calibration.sql): relatief
 * verzuim, luxe verzuim and LRV are pupils with a MELDING there, and not every
 * planted case is reported (section "meldingen": a 16-hour moment with
 * probability 0.87, a luxe episode with 0.75, a thuiszitter's run once, as
 * lrv; withdrawn meldingen do not count), so P_16, P_LUXE and P_LRV plant more
 * than the targets (about 1.17, 1.37 and 1.03 times the rates that matched
 * the planted absences) and the processen-verbaal per melding are lower to
 * match.  See bench/CALIBRATION.md for the targets and the rates achieved. */

static const double P_LRV[NSOORT] = {0.00059, 0.00793, 0.00191, 0.01009, 0.00258};	/* > 4 weeks */
static const double P_SHORTRUN[NSOORT] = {0.0005, 0.003, 0.0012, 0.003, 0.0015};	/* 1-3 weeks */
static const double P_16[NSOORT] = {0.01544, 0.02574, 0.05663, 0.06377, 0.09886};	/* 16-hour bursts */
static const double P_BGTRUANT[NSOORT] = {0.04, 0.05, 0.16, 0.15, 0.22};	/* single hours */
static const double P_LUXE[NSOORT] = {0.00596, 0.00384, 0.00206, 0.00192, 0.0013};
static const double P_13A[NSOORT] = {0.004, 0.002, 0.002, 0.002, 0.001};
static const double P_SCHORS[NSOORT] = {0.0012, 0.006, 0.009, 0.012, 0.006};
static const double L_ZIEK[NSOORT] = {3.7, 4.2, 3.35, 3.9, 3.6};	/* spells per year */
static const double L_LATE[NSOORT] = {0.55, 0.45, 1.9, 1.3, 2.5};	/* te laat per year */
#define L_OVERIG 0.65
#define P_VERLOF14 0.03
#define P_RELIGIEUS 0.02
#define P_LONGILL 0.005

/* absoluut verzuim */
#define P_DROPOUT 0.0110		/* per vo/mbo pupil aged 15+ without startkwalificatie */
#define P_AVYOUNG 0.00086		/* per pupil aged 5-14: left school, not re-enrolled for a while */
#define P_LATEFIRST 0.00173		/* per 5-year-old: first enrolment late */
#define P_ARRIVE_GAP 0.118		/* share of in-year arrivals enrolled only after a gap */
#define P_TERUG 0.555			/* share of AV gaps closed by re-enrolment in the schooljaar */
#define P_AV_OPGELOST 0.30		/* share of the other gaps ended by emigration or a vrijstelling */

/* vrijstellingen per pupil (Zuid-Holland Zuid 2022-23 proportions, ~6.4 per 1,000) */
#define P_5A 0.0025
#define P_5B 0.0012
#define P_5C 0.00125
#define P_15 0.0070				/* per pupil aged 16-17 without startkwalificatie */
#define P_3B 0.0140				/* per vmbo pupil aged 15-16 */
#define P_3A 0.00005
#define P_5AT 0.00005

/* processen-verbaal */
#define P_PV_LRV 0.17
#define P_PV_REP 0.064
#define P_PV_REL 0.0210
#define P_PV_LUXE 0.355
#define P_PV_AV 0.03

/* ------------------------------------------------------------- pupils */

typedef struct Stage
{
	int			lo,
				hi;				/* absolute days, hi exclusive or OPEN */
	int			school;
	int			soort;
} Stage;

typedef struct Res
{
	int			lo,
				hi,
				gem;
} Res;

typedef struct Vrij
{
	int			art;
	int			lo,
				hi;
} Vrij;
static const char *ARTIKEL[] = {"3a", "3b", "5a", "5b", "5c", "5a-trekkend", "15"};
enum
{
	A_3A, A_3B, A_5A, A_5B, A_5C, A_5AT, A_15
};

enum
{
	R_ONG, R_LUXE, R_LAAT, R_ZIEK, R_SCHORS, R_13A, R_14, R_REL, R_OVERIG, NREDEN
};
static const char *REDEN[NREDEN] = {"ongeoorloofd", "luxe", "te_laat", "ziek", "schorsing",
"verlof_13a", "verlof_14", "religieus", "overig_geoorloofd"};

/* per-pupil school-day list and absence map */
static int	nsd;
static int	sd_day[MAXD],
			sd_school[MAXD],
			sd_full[MAXD],
			sd_lw[MAXD],
			sd_soort[MAXD];
static int	pos_of[MAXD];
static uint16_t hrs[MAXD][NREDEN];
static uint16_t used[MAXD],
			rmask[MAXD];
static uint8_t prot[MAXD];

typedef struct Stats
{
	uint64_t	pupils,
				av,
				av_terug,
				lrv,
				lrv_open,
				shortrun,
				burst_pupils,
				luxe_pupils,
				vrij,
				emigr,
				arrive,
				moves,
				transfers,
				melding[5],
				pv[3];
} Stats;
static Stats ST;

static Out	O_gem,
			O_swv,
			O_school,
			O_ll,
			O_verblijf,
			O_insch,
			O_vrij,
			O_meld,
			O_pv;
static Out *O_afw;
static int	n_afw = 1;

/* ------------------------------------------------------------ pollution
 * --vervuiling F (default 0) plants the kinds of pollution of polluted
 * municipal files (DOMAIN.md section 13.1: Rotterdam's 824 presumed absoluut
 * verzuimers were 145 after an administrative clean-up), each at F times the
 * rate below, at most one kind per pupil, tried in this order:
 *   dubbele_leerling              P_V_DUBBEL per pupil with a change of school
 *                                 before the schooljaar: the enrolments before
 *                                 it are registered under a second id (id +
 *                                 1,000,000,000) with the same birth date,
 *                                 woongemeente and verblijf rows
 *   inschrijving_buiten_nederland P_V_EMIGR per emigrant whose enrolment ended
 *                                 at the emigration: uitschrijving 8-60 days late
 *   inschrijving_overlap          P_V_OVERLAP per pupil with a contiguous change
 *                                 of school: the old school's uitschrijving 2-45
 *                                 days late (the first change)
 *   verblijf_gat                  P_V_GAT per pupil with a move before the first
 *                                 enrolment: the BRP row ends 1-30 days early
 *   inschrijving_voor_4           P_V_VOOR4 per pupil enrolled on the 4th
 *                                 birthday (born here): enrolled 1-60 days earlier
 *   geen_verblijf                 P_V_GEENVERBLIJF per pupil: no verblijf rows
 *   vrijstelling_met_inschrijving P_V_VRIJ per pupil enrolled in po, vo or mbo
 *                                 without a vrijstelling: a 5a vrijstelling of
 *                                 14-40 days inside the enrolment
 *   melding_zonder_inschrijving   P_V_MELDING per pupil with a melding: its
 *   (+ melding_zonder_afwezigheid) first melding under another school
 *   administratief_gat            P_V_LAATIN per pupil with a contiguous change
 *                                 of school in the schooljaar without absence
 *                                 rows in the first days at the new school: the
 *                                 new school's inschrijving 1-7 days late (an
 *                                 administrative gap, art. 18; not absoluut verzuim)
 *   afwezigheid_zonder_inschrijving P_V_WEES per pupil with a school day
 *                                 without absence: an ongeoorloofd day at a
 *                                 school of the gemeente the pupil never attended
 * Pupils with a vrijstelling or absoluut verzuim are left clean.  Without
 * --vervuiling the data has one kind of finding by design: an overig melding
 * on a random day (0.004 per pupil) usually has no absence row behind it
 * (melding_zonder_afwezigheid).  Every finding the checks of
 * verzuim.registratiekwaliteit must report is written to the stream
 * "vervuiling" (controle, leerling_id, sleutel, brin, periode, verwant), so a
 * test can compare them row by row (test/generator.sql). */
#define P_V_DUBBEL 0.004
#define P_V_EMIGR 0.5
#define P_V_OVERLAP 0.03
#define P_V_GAT 0.05
#define P_V_VOOR4 0.01
#define P_V_GEENVERBLIJF 0.002
#define P_V_VRIJ 0.001
#define P_V_MELDING 0.05
#define P_V_WEES 0.01
#define P_V_LAATIN 0.5
#define DUBBEL_ID 1000000000LL
static double vervuiling = 0;
static Out	O_verv;

/* one finding in the manifest; school < 0 or lo < 0 writes NULL */
static void
verv(const char *controle, int64_t id, const char *sleutel, int school, int lo, int hi, const char *verwant)
{
	Out		   *o = &O_verv;

	out_str(o, controle);
	out_tab(o);
	out_i64(o, id);
	out_tab(o);
	if (sleutel)
		out_str(o, sleutel);
	else
		out_null(o);
	out_tab(o);
	if (school >= 0)
		out_str(o, S[school].brin);
	else
		out_null(o);
	out_tab(o);
	if (lo >= 0)
		out_range(o, lo, hi);
	else
		out_null(o);
	out_tab(o);
	if (verwant)
		out_str(o, verwant);
	else
		out_null(o);
	out_end(o);
}

static const char *
num(int64_t v)
{
	static char b[4][32];
	static int	k = 0;

	k = (k + 1) % 4;
	snprintf(b[k], sizeof(b[k]), "%lld", (long long) v);
	return b[k];
}
static int64_t next_insch = 1,
			next_vrij = 1,
			next_pv = 1,
			next_meld = 0;

static inline int
can_full(int j)
{
	return !prot[j] && used[j] == 0;
}

static inline void
put_full(int j, int reden)
{
	hrs[j][reden] = (uint16_t) sd_full[j];
	used[j] = (uint16_t) sd_full[j];
	rmask[j] |= (uint16_t) (1 << reden);
}

static inline int
can_part(int j, int reden, int h)
{
	return !prot[j] && !(rmask[j] & (1 << reden)) && used[j] + h <= sd_full[j] &&
		!(rmask[j] & ((1 << R_ZIEK) | (1 << R_SCHORS) | (1 << R_13A) | (1 << R_14) | (1 << R_REL) | (1 << R_LUXE)));
}

static inline void
put_part(int j, int reden, int h)
{
	hrs[j][reden] = (uint16_t) h;
	used[j] = (uint16_t) (used[j] + h);
	rmask[j] |= (uint16_t) (1 << reden);
}

/* a school-day index drawn with day weights w (rejection sampling) */
static int
pick_day(Rng *r, const uint16_t *w, int lo, int hi)
{
	if (hi <= lo)
		return -1;
	for (int k = 0; k < 40; k++)
	{
		int			j = rrange(r, lo, hi - 1);

		if (u01(r) * 1600.0 < w[sd_day[j]])
			return j;
	}
	return rrange(r, lo, hi - 1);
}

/* consecutive school days adjacent to holiday block b: side 0 = before, 1 = after */
static int
adjacent_days(int region, int b, int side, int k, int *first)
{
	int			lo = C.blk_lo[region][b],
				hi = C.blk_hi[region][b],
				j;

	if (side == 0)
	{
		/* last school day before lo */
		int			last = -1;

		for (int d = (lo > C.nd ? C.nd : lo) - 1; d >= 0; d--)
			if (pos_of[d] >= 0)
			{
				last = pos_of[d];
				break;
			}
		if (last < 0 || last - k + 1 < 0)
			return 0;
		/* the k days must be the k school days just before (no gap in the list) */
		j = last - k + 1;
		*first = j;
		return 1;
	}
	else
	{
		int			firstj = -1;

		for (int d = (hi < -1 ? -1 : hi) + 1; d < C.nd; d++)
			if (pos_of[d] >= 0)
			{
				firstj = pos_of[d];
				break;
			}
		if (firstj < 0 || firstj + k > nsd)
			return 0;
		*first = firstj;
		return 1;
	}
}

static int
all_free(int j0, int k)
{
	for (int j = j0; j < j0 + k; j++)
		if (!can_full(j))
			return 0;
	return 1;
}

/* the days of one school (same region) between j0 and j0+k-1 must be consecutive
 * school days of one enrolment: same school */
static int
same_school(int j0, int k)
{
	for (int j = j0 + 1; j < j0 + k; j++)
		if (sd_school[j] != sd_school[j0])
			return 0;
	return 1;
}

/*
 * A 16-hour burst: unauthorised hours >= 16 within lesweken [w0, w0+3].
 * exact16: exactly 16.00 hours (4 x 4.00), to exercise the comparator.
 */
static int
place_burst(Rng *r, int w0, int exact16)
{
	int			cand[40],
				nc = 0,
				sum = 0,
				tries = 0;

	for (int j = 0; j < nsd && nc < 40; j++)
		if (sd_lw[j] >= w0 && sd_lw[j] <= w0 + 3 && !prot[j])
			cand[nc++] = j;
	if (nc < 4)
		return 0;
	if (exact16)
	{
		int			got = 0;

		for (int t = 0; t < 60 && got < 4; t++)
		{
			int			j = cand[rint_n(r, nc)];

			if (can_part(j, R_ONG, 400) && used[j] == 0)
			{
				put_part(j, R_ONG, 400);
				got++;
			}
		}
		return got == 4;
	}
	while (sum < 1600 && tries++ < 80)
	{
		int			j = cand[rint_n(r, nc)];

		if (u01(r) * 1600.0 >= C.w_truant[sd_day[j]])
			continue;
		if (bern(r, 0.4))
		{
			if (can_full(j))
			{
				put_full(j, R_ONG);
				sum += sd_full[j];
			}
		}
		else
		{
			int			h = 100 * rrange(r, 2, 5);

			if (h > sd_full[j])
				h = sd_full[j];
			if (can_part(j, R_ONG, h))
			{
				put_part(j, R_ONG, h);
				sum += h;
			}
		}
	}
	return sum >= 1600;
}

/* run of full-day ongeoorloofd absence (thuiszitter); returns 1 if placed */
static int
place_run(Rng *r, int kind, int *rs, int *rend, int *ret_day)
{
	/* kind: 0 LRV closed <= 3 months, 1 LRV closed > 3 months, 2 LRV open, 3 short (non-LRV) */
	for (int attempt = 0; attempt < 40; attempt++)
	{
		int			j0,
					j1,
					startday,
					R;

		if (kind == 2)
		{
			if (nsd < 30)
				return 0;
			j0 = rrange(r, 0, nsd - 25);
			j1 = nsd;
			startday = C.d0 + sd_day[j0];
			/* still open on the last school day; observed span > 5 weeks */
			if (C.d0 + sd_day[nsd - 1] + 1 - startday <= 35)
				continue;
			R = -1;
		}
		else
		{
			int			D = kind == 0 ? rrange(r, 36, 80) : kind == 1 ? rrange(r, 100, 230) : rrange(r, 4, 18);

			j0 = rrange(r, 0, nsd - 1);
			startday = C.d0 + sd_day[j0];
			j1 = j0;
			while (j1 < nsd && C.d0 + sd_day[j1] < startday + D)
				j1++;
			if (j1 >= nsd)
				continue;
			R = C.d0 + sd_day[j1];
			if (kind == 0 && !(R - startday >= 33 && R <= add_months(startday, 3) - 4))
				continue;
			if (kind == 1 && !(R >= add_months(startday, 3) + 4))
				continue;
			if (kind == 3 && !(R - startday <= 21 && j1 - j0 >= 3))
				continue;
		}
		if (!same_school(j0, j1 - j0))
			continue;
		if (!all_free(j0, j1 - j0))
			continue;
		if (j0 > 0 && used[j0 - 1])
			continue;
		for (int j = j0; j < j1; j++)
			put_full(j, R_ONG);
		if (j0 > 0)
			prot[j0 - 1] = 1;
		if (j1 < nsd)
			prot[j1] = 1;
		*rs = j0;
		*rend = j1;
		*ret_day = R;
		return 1;
	}
	return 0;
}

/* k consecutive full days of reason reden adjacent to a holiday */
static int
place_adjacent(Rng *r, int reden, int k, int not_before)
{
	static const struct
	{
		int			b,
					side;
		double		w;
	}			opts[] = {
		{BLK_ZOMER_NEXT, 0, 0.30}, {BLK_ZOMER_PREV, 1, 0.05}, {BLK_KERST, 0, 0.12}, {BLK_KERST, 1, 0.06},
		{BLK_HERFST, 0, 0.08}, {BLK_HERFST, 1, 0.04}, {BLK_VOORJAAR, 0, 0.08}, {BLK_VOORJAAR, 1, 0.04},
		{BLK_MEI, 0, 0.06}, {BLK_MEI, 1, 0.05}, {BLK_HEMELVAART, 1, 0.12}
	};
	for (int attempt = 0; attempt < 12; attempt++)
	{
		double		x = u01(r) * 1.0,
					acc = 0;
		int			o = 0,
					j0,
					region,
					kk = k;

		for (o = 0; o < (int) (sizeof(opts) / sizeof(opts[0])) - 1; o++)
		{
			acc += opts[o].w;
			if (x < acc)
				break;
		}
		if (opts[o].b == BLK_HEMELVAART)
			kk = 1;
		region = S[sd_school[0]].gem >= 0 ? G[S[sd_school[0]].gem].region : 0;
		if (!adjacent_days(region, opts[o].b, opts[o].side, kk, &j0))
			continue;
		if (C.d0 + sd_day[j0] < not_before)
			continue;
		if (!same_school(j0, kk) || !all_free(j0, kk))
			continue;
		/* the block must really be adjacent in this pupil's own calendar region */
		if (G[S[sd_school[j0]].gem].region != region)
			continue;
		for (int j = j0; j < j0 + kk; j++)
			put_full(j, reden);
		return j0 * 16 + kk;
	}
	return 0;
}

typedef struct Mld
{
	int			soort;			/* 0 16uur 1 lrv 2 luxe 3 rmc 4 overig */
	int			school;
	int			lo,
				hi;				/* verzuim_periode (absolute days), hi OPEN */
	int			gd;				/* gemeld_op date */
	int			minute;			/* minutes after midnight */
	int			spoed;
	int			status;			/* index in STATUS */
	int			closed;			/* afgesloten_op or -1 */
	int			mas;			/* 0 = NULL */
} Mld;
static const char *MSOORT[5] = {"16uur", "lrv", "luxe", "rmc", "overig"};
static const char *STATUS[] = {"geregistreerd", "in_behandeling", "afgesloten", "ingetrokken",
"ter_kennisgeving_aangenomen"};

static Mld	M[64];
static int	nm;

static int
weekday_after(int day)
{
	while (weekday(day) >= 5)
		day++;
	return day;
}

static void
add_melding(Rng *r, int soort, int school, int lo, int hi, int gd, double pspoed, int min_close,
			int ongoing)
{
	Mld		   *m;
	int			last = C.d0 + C.nd - 1;
	double		u;

	if (nm >= 64)
		return;
	gd = weekday_after(gd);
	if (gd > last || gd < lo)
		return;
	m = &M[nm++];
	m->soort = soort;
	m->school = school;
	m->lo = lo;
	m->hi = hi;
	m->gd = gd;
	m->minute = rrange(r, 8 * 60, 16 * 60 + 30);
	m->spoed = bern(r, pspoed);
	m->closed = -1;
	m->mas = 0;
	if (last - gd < 10)
		m->status = bern(r, 0.7) ? 0 : 1;
	else
	{
		u = u01(r);
		m->status = u < 0.62 ? 2 : u < 0.78 ? 4 : u < 0.82 ? 3 : u < 0.98 ? 1 : 0;
	}
	if (ongoing && m->status != 3)
		m->status = 1;			/* verzuim still going on: stays in behandeling */
	if (m->status >= 2)
	{
		int			c = gd + 3 + (int) (-40.0 * log(1.0 - u01(r)));

		if (c < min_close)
			c = min_close + rrange(r, 0, 10);
		if (m->status == 3)
			c = gd + rrange(r, 0, 5);
		if (c > last)
			m->status = 1;
		else
			m->closed = c;
	}
	if ((m->status == 1 || m->status == 2) && soort != 4 && bern(r, 0.55))
	{
		u = u01(r);
		m->mas = u < 0.55 ? 1 : u < 0.85 ? 2 : u < 0.93 ? 3 : 4;
	}
	ST.melding[soort]++;
}

/* stage list of the pupil: declared with its helpers below */
static Stage st[16];
static int	nst;

static void
emit_meldingen(int64_t id, int first_stage)
{
	for (int i = 0; i < nm; i++)
	{
		Mld		   *m = &M[i];
		Out		   *o = &O_meld;
		int64_t		nr = 2000000000LL + (int64_t) (C.sy % 100) * 10000000LL + ++next_meld;
		int			ingeschreven = 0,
					gerechtvaardigd = 0;

		/* the findings of the checks on meldingen, from the rows themselves:
		 * an enrolment at the school overlapping the verzuim period, an
		 * absence row there in it that could justify the melding */
		for (int k = first_stage; k < nst; k++)
			if (st[k].school == m->school && (m->hi == OPEN || st[k].lo < m->hi) &&
				(st[k].hi == OPEN || st[k].hi > m->lo))
				ingeschreven = 1;
		for (int j = 0; j < nsd && !gerechtvaardigd; j++)
		{
			int			day = C.d0 + sd_day[j];

			if (day >= m->lo && (m->hi == OPEN || day < m->hi) && sd_school[j] == m->school &&
				(m->soort == 4 ? rmask[j] != 0
				 : (rmask[j] & ((1 << R_ONG) | (1 << R_LUXE) | (1 << R_LAAT))) != 0))
				gerechtvaardigd = 1;
		}
		if (!ingeschreven)
			verv("melding_zonder_inschrijving", id, num(nr), m->school, m->lo, m->hi, NULL);
		if (!gerechtvaardigd)
			verv("melding_zonder_afwezigheid", id, num(nr), m->school, m->lo, m->hi, NULL);

		out_i64(o, nr);
		out_tab(o);
		out_i64(o, id);
		out_tab(o);
		out_str(o, S[m->school].brin);
		out_tab(o);
		out_str(o, MSOORT[m->soort]);
		out_tab(o);
		out_range(o, m->lo, m->hi);
		out_tab(o);
		out_date(o, m->gd);
		{
			char		b[48];

			snprintf(b, sizeof(b), " %02d:%02d:00+0%d", m->minute / 60, m->minute % 60, nl_utc_offset(m->gd));
			out_str(o, b);
		}
		out_tab(o);
		out_str(o, m->spoed ? "t" : "f");
		out_tab(o);
		out_str(o, STATUS[m->status]);
		out_tab(o);
		if (m->closed >= 0)
			out_date(o, m->closed);
		else
			out_null(o);
		out_tab(o);
		if (m->mas)
			out_i64(o, m->mas);
		else
			out_null(o);
		out_end(o);
	}
}

static void
emit_pv(int64_t id, int day, int soort)
{
	Out		   *o = &O_pv;

	out_i64(o, next_pv++);
	out_tab(o);
	out_i64(o, id);
	out_tab(o);
	out_date(o, day);
	out_tab(o);
	out_str(o, soort == 0 ? "absoluut" : soort == 1 ? "relatief" : "luxe");
	out_end(o);
	ST.pv[soort]++;
}

/* the stage list helpers */
static void
stages_cut(int x)
{
	int			k = 0;

	for (int i = 0; i < nst; i++)
	{
		if (st[i].lo >= x)
			continue;
		if (st[i].hi > x)
			st[i].hi = x;
		st[k++] = st[i];
	}
	nst = k;
}

static int
stage_at(int day)
{
	for (int i = 0; i < nst; i++)
		if (st[i].lo <= day && day < st[i].hi)
			return i;
	return -1;
}

static void
stages_split(int x, int school)
{
	int			i = stage_at(x);

	if (i < 0 || st[i].lo == x || nst >= 16)
		return;
	memmove(&st[i + 2], &st[i + 1], sizeof(Stage) * (nst - i - 1));
	st[i + 1] = st[i];
	st[i + 1].lo = x;
	st[i + 1].school = school;
	st[i].hi = x;
	nst++;
}

static void
stages_push(int lo, int hi, int school, int soort)
{
	if (hi != OPEN && hi <= lo)
		return;
	if (nst >= 16)
		return;
	st[nst].lo = lo;
	st[nst].hi = hi;
	st[nst].school = school;
	st[nst].soort = soort;
	nst++;
}

static int
add_years(int day, int n)
{
	return add_months(day, 12 * n);
}

static void
gen_pupil(int64_t id, int g, uint64_t seed)
{
	Rng			r;
	int			SY = C.sy,
				SYs = C.d0,
				SYe = C.d0 + C.nd,
				b,
				y,
				delay,
				e,
				track,
				special,
				mbo_len = 0,
				sk = -1,
				E0,
				ls,
				bd4,
				bd5,
				bd16,
				bd18;
	Res			res[4];
	int			nres = 0;
	Vrij		vr[16];
	int			nvr = 0;
	int			arrive = -1,
				arrive_in_year = 0,
				emigrate = -1,
				move_x = -1,
				move_to = -1,
				past_move = -1,
				past_from = -1;
	int			av = 0,
				av_lo = -1,
				av_hi = -1;
	int			vrij_art = -1;
	int			woon;
	int			dup_k = -1,		/* pollution: stages before dup_k belong to a second id */
				geen_verblijf = 0;	/* pollution: no verblijf rows */
	char		vbuf[64];

	rng_seed(&r, seed, (uint64_t) id);

	/* birth: 14 cohorts, aged 4..17 on 1 August SY; younger cohorts slightly smaller */
	{
		double		cum[14];
		int			c;

		for (int k = 0; k < 14; k++)
			cum[k] = (k ? cum[k - 1] : 0) + 0.90 + 0.1 * k / 13.0;
		c = pick_cum(&r, cum, 14);	/* 0 = youngest */
		{
			int			lo = aug1(SY - 5 - c),
						hi = aug1(SY - 4 - c);

			b = lo + rint_n(&r, hi - lo);
		}
	}
	bd4 = add_years(b, 4);
	bd5 = add_years(b, 5);
	bd16 = add_years(b, 16);
	bd18 = add_years(b, 18);
	{
		int			yy,
					mm,
					dd;

		civil_from_days(bd5, &yy, &mm, &dd);
		ls = mm == 12 ? days_from_civil(yy + 1, 1, 1) : days_from_civil(yy, mm + 1, 1);
		/* age on 1 October SY */
		civil_from_days(b, &yy, &mm, &dd);
		y = SY - yy - (mm > 10 || (mm == 10 && dd > 1) ? 1 : 0) - 4;
	}
	if (y < 0)
		y = 0;
	special = bern(&r, 0.028);
	delay = 0;
	if (y >= 3)
	{
		double		u = u01(&r);

		delay = u < 0.10 ? 1 : u < 0.12 ? 2 : 0;
	}
	e = y - delay;
	{
		double		u = u01(&r);

		track = special ? 4 : u < 0.50 ? 0 : u < 0.74 ? 1 : u < 0.95 ? 2 : 3;	/* vmbo havo vwo pro vso */
		if (track == 0)
		{
			double		v = u01(&r);

			mbo_len = v < 0.06 ? 1 : v < 0.28 ? 2 : v < 0.53 ? 3 : 4;
		}
	}

	/* residence events */
	{
		double		u = u01(&r);

		if (u < 0.07 && b + 365 < SYs - 1)
			arrive = rrange(&r, b + 365, SYs - 1);
		else if (u < 0.074)
		{
			arrive = rrange(&r, SYs + 14, SYe - 60);
			arrive_in_year = 1;
		}
	}
	if (!arrive_in_year && bern(&r, 0.003))
		emigrate = rrange(&r, SYs + 20, SYe - 30);
	if (bern(&r, 0.25))
	{
		int			from = arrive >= 0 ? arrive : b;

		if (!arrive_in_year && from + 30 < SYs - 1)
		{
			past_move = rrange(&r, from + 30, SYs - 1);
			past_from = prov_first[G[g].prov] + rint_n(&r, prov_n[G[g].prov]);
			if (past_from == g)
				past_move = -1;
		}
	}
	if (bern(&r, 0.04))
	{
		int			x = rrange(&r, SYs + 10, SYe - 20);

		if ((emigrate < 0 || x < emigrate - 10) && (!arrive_in_year || x > arrive + 20))
		{
			move_to = move_dest(&r, g);
			if (move_to >= 0)
				move_x = x;
		}
	}

	/* enrolment chain: po/so from 4 (3% late, from 5), vo/vso from grade 8, mbo after vmbo */
	nst = 0;
	E0 = bern(&r, 0.03) ? bd5 : bd4;
	if (arrive >= 0 && arrive > E0)
		E0 = arrive;
	{
		int			vo_start = aug1(SY - (e - 8)),
					po_soort = special ? S_SO : S_PO,
					vo_soort = special ? S_VSO : S_VO,
					grad_end = OPEN,
					has_sk = 0;
		int			po_school = pick_school(&r, g, SOORT_TYPE[po_soort]);

		stages_push(E0, vo_start, po_school, po_soort);
		if (vo_start < SYe)
		{
			int			vs = vo_start > E0 ? vo_start : E0;
			int			vo_school = pick_school(&r, g, SOORT_TYPE[vo_soort]);

			switch (track)
			{
				case 1:		/* havo: diploma after grade 12 */
					grad_end = aug1(SY - (e - 12) + 1);
					has_sk = 1;
					stages_push(vs, grad_end, vo_school, vo_soort);
					break;
				case 2:		/* vwo: after grade 13 */
					grad_end = aug1(SY - (e - 13) + 1);
					has_sk = 1;
					stages_push(vs, grad_end, vo_school, vo_soort);
					break;
				case 0:		/* vmbo, then mbo */
					{
						int			mbo_start = aug1(SY - (e - 12));

						stages_push(vs, mbo_start, vo_school, vo_soort);
						if (mbo_start < SYe)
						{
							int			ms = mbo_start > E0 ? mbo_start : E0;

							if (mbo_len >= 2)
							{
								grad_end = aug1(SY - (e - 12) + mbo_len);
								has_sk = 1;
							}
							stages_push(ms, grad_end, pick_school(&r, g, T_MBO), S_MBO);
						}
					}
					break;
				default:		/* pro, vso: until 18 and beyond */
					stages_push(vs, OPEN, vo_school, vo_soort);
					break;
			}
		}
		/* future ends are unknown: open; graduation by the end of the schooljaar gives a startkwalificatie */
		if (has_sk && grad_end <= SYe)
			sk = grad_end - rrange(&r, 18, 45);
		for (int i = 0; i < nst; i++)
			if (st[i].hi != OPEN && st[i].hi > SYe)
				st[i].hi = OPEN;
		/* drop stages starting after the schooljaar */
		{
			int			k = 0;

			for (int i = 0; i < nst; i++)
				if (st[i].lo < SYe && (st[i].hi == OPEN || st[i].hi > st[i].lo))
					st[k++] = st[i];
			nst = k;
		}
	}

	/* past transfer between schools of the same type */
	if (nst > 0 && bern(&r, 0.08) && st[0].lo + 60 < SYs - 30)
	{
		int			hi = st[0].hi == OPEN || st[0].hi > SYs ? SYs : st[0].hi;

		if (st[0].lo + 30 < hi - 30)
		{
			int			x = rrange(&r, st[0].lo + 30, hi - 30),
						s2 = pick_other_school(&r, g, SOORT_TYPE[st[0].soort], st[0].school);

			if (s2 != st[0].school)
				stages_split(x, s2);
		}
	}

	/* vrijstellingen (exclusive with absoluut verzuim and emigration) */
	{
		double		u = u01(&r),
					u15 = u01(&r),
					u3b = u01(&r),
					uo = u01(&r);

		if (u < P_5A)
			vrij_art = A_5A;
		else if (u < P_5A + P_5B)
			vrij_art = A_5B;
		else if (u < P_5A + P_5B + P_5C * (G[g].region == ZUID ? 1.8 : 0.6))
			vrij_art = A_5C;
		else if ((y == 12 || y == 13) && sk < 0 && u15 < P_15)
			vrij_art = A_15;
		else if ((y == 11 || y == 12) && track == 0 && u3b < P_3B)
			vrij_art = A_3B;
		else if (y >= 10 && uo < P_3A)
			vrij_art = A_3A;
		else if (uo >= P_3A && uo < P_3A + P_5AT)
			vrij_art = A_5AT;
		if (arrive_in_year)
			vrij_art = -1;
	}
	if (vrij_art == A_5A || vrij_art == A_5B || vrij_art == A_5C)
	{
		int			v;

		emigrate = -1;
		if (ls >= SYe - 20)
			vrij_art = -1;		/* not yet leerplichtig this schooljaar */
		else if (bern(&r, 0.6) || vrij_art == A_5C)
		{
			/* never enrolled (or enrolled abroad): vrijstelling from the start of leerplicht */
			v = ls < (arrive >= 0 ? arrive : ls) ? arrive : ls;
			nst = 0;
			for (int yr = SY - 20; yr <= SY; yr++)
			{
				int			lo = aug1(yr),
							hi = aug1(yr + 1);

				if (hi <= v)
					continue;
				if (lo < v)
					lo = v;
				if (nvr < 16)
					vr[nvr++] = (Vrij) {vrij_art, lo, hi};
			}
			sk = -1;
		}
		else
		{
			int			lo = (E0 + 365 > ls ? E0 + 365 : ls);

			if (lo >= SYe - 30)
				vrij_art = -1;
			else
			{
				v = rrange(&r, lo, SYe - 30);
				if (stage_at(v) < 0)
					vrij_art = -1;	/* not enrolled then (graduated): no vrijstelling */
			}
			if (vrij_art >= 0)
			{
				stages_cut(v);
				for (int yr = SY - 20; yr <= SY; yr++)
				{
					int			vlo = aug1(yr),
								vhi = aug1(yr + 1);

					if (vhi <= v)
						continue;
					if (vlo < v)
						vlo = v;
					if (nvr < 16)
						vr[nvr++] = (Vrij) {vrij_art, vlo, vhi};
				}
				sk = -1;
			}
		}
	}
	else if (vrij_art == A_15)
	{
		int			lo = bd16 > SYs - 365 ? bd16 : SYs - 365;

		emigrate = -1;
		if (lo >= SYe - 30 || bd18 <= SYs + 30)
			vrij_art = -1;
		else
		{
			int			v = rrange(&r, lo, (bd18 < SYe ? bd18 : SYe) - 30);

			if (stage_at(v) < 0)
				vrij_art = -1;
			else
				stages_cut(v);
			for (int yr = SY - 2; yr <= SY && vrij_art >= 0; yr++)
			{
				int			vlo = aug1(yr),
							vhi = aug1(yr + 1);

				if (vhi <= v)
					continue;
				if (vlo < v)
					vlo = v;
				if (vhi > bd18)
					vhi = bd18;
				if (vhi > vlo && nvr < 16)
					vr[nvr++] = (Vrij) {vrij_art, vlo, vhi};
			}
		}
	}
	else if (vrij_art == A_3B)
	{
		/* vervangende leerplicht laatste schooljaar: enrolled at an mbo instead */
		int			i = stage_at(SYs);

		if (i < 0 || st[i].soort != S_VO)
			vrij_art = -1;
		else
		{
			int			hi = st[i].hi;

			st[i].hi = SYs;
			if (st[i].hi <= st[i].lo)
			{
				memmove(&st[i], &st[i + 1], sizeof(Stage) * (nst - i - 1));
				nst--;
			}
			/* remove later stages, then enrol at an mbo */
			stages_cut(SYs);
			stages_push(SYs, hi == OPEN ? OPEN : (hi > SYe ? OPEN : hi), pick_school(&r, g, T_MBO), S_MBO);
			sk = -1;
			vr[nvr++] = (Vrij) {vrij_art, SYs, SYe};
		}
	}
	else if (vrij_art == A_3A || vrij_art == A_5AT)
	{
		if (stage_at(SYs) < 0)
			vrij_art = -1;
		else
			vr[nvr++] = (Vrij) {vrij_art, SYs, SYe};
	}
	if (nvr > 0)
		ST.vrij++;

	/* absoluut verzuim: drop-out, young leaver, late first enrolment, arrival gap */
	if (vrij_art < 0)
	{
		int			terug = bern(&r, P_TERUG);

		if (e >= 10 && sk < 0 && (track == 0 || track == 3 || (track == 1 && e <= 11)) &&
			bd18 > SYs + 90 && bern(&r, P_DROPOUT * G[g].mult))
		{
			/* drop-out 15-17 */
			int			x = bern(&r, 0.12) ? rrange(&r, SYs - 200, SYs - 1) : rrange(&r, SYs + 30, SYe - 60);

			if (x < bd18 - 30 && stage_at(x) >= 0 && (emigrate < 0 || x < emigrate))
			{
				int			i = stage_at(x),
							soort = st[i].soort,
							type = SOORT_TYPE[soort],
							oldschool = st[i].school;

				stages_cut(x);
				av = 1;
				av_lo = x;
				av_hi = OPEN;
				if (terug)
				{
					int			gap = bern(&r, 0.12) ? rrange(&r, 100, 200) : rrange(&r, 14, 85),
								back = x + gap;

					if (back <= SYs)
						back = SYs + rrange(&r, 20, 60);
					if (back < SYe - 14 && back < bd18 - 7 && (emigrate < 0 || back < emigrate))
					{
						stages_push(back, OPEN, pick_other_school(&r, g, type, oldschool), soort);
						av_hi = back;
					}
				}
				sk = -1;
			}
		}
		else if (y >= 1 && y <= 9 && bern(&r, P_AVYOUNG * G[g].mult / 0.64))
		{
			/* a pupil leaves school (often with a move) and is not enrolled for a while */
			int			x = move_x >= 0 ? move_x : rrange(&r, SYs + 20, SYe - 40);

			if (x > ls && stage_at(x) >= 0 && (emigrate < 0 || x < emigrate))
			{
				int			i = stage_at(x),
							soort = st[i].soort,
							type = SOORT_TYPE[soort],
							oldschool = st[i].school,
							gnew = move_x == x ? move_to : g;

				stages_cut(x);
				av = 1;
				av_lo = x;
				av_hi = OPEN;
				if (terug)
				{
					int			back = x + (bern(&r, 0.12) ? rrange(&r, 100, 200) : rrange(&r, 10, 70));

					if (back < SYe - 14 && (emigrate < 0 || back < emigrate))
					{
						stages_push(back, OPEN, pick_other_school(&r, gnew, type, oldschool), soort);
						av_hi = back;
					}
				}
				if (move_x == x)
					move_x = -2;	/* the move is done, without a school switch */
			}
		}
		else if (y <= 1 && arrive < 0 && ls > SYs - 150 && ls < SYe - 40 && bern(&r, P_LATEFIRST * G[g].mult))
		{
			/* first enrolment only after leerplicht started */
			int			back = ls + (bern(&r, 0.15) ? rrange(&r, 100, 220) : rrange(&r, 14, 80));

			if (back <= SYs)
				back = SYs + rrange(&r, 14, 60);	/* the gap reaches into the schooljaar */
			nst = 0;
			av = 1;
			av_lo = ls;
			av_hi = OPEN;
			if (terug && back < SYe - 14 && (emigrate < 0 || back < emigrate))
			{
				stages_push(back, OPEN, pick_school(&r, g, T_PO), S_PO);
				av_hi = back;
			}
		}
		else if (arrive_in_year && bern(&r, P_ARRIVE_GAP) && arrive > ls && arrive < bd18 - 60)
		{
			int			i = stage_at(arrive);

			if (i >= 0)
			{
				int			back = arrive + (bern(&r, 0.15) ? rrange(&r, 100, 200) : rrange(&r, 14, 80));

				av = 1;
				av_lo = arrive;
				av_hi = OPEN;
				if (terug && back < SYe - 14 && back < bd18 - 7)
				{
					st[i].lo = back;
					av_hi = back;
				}
				else
					stages_cut(arrive);
			}
		}
	}
	/* a gap not closed by re-enrolment is often resolved otherwise: the family
	 * leaves the country, or a vrijstelling is granted */
	if (av && av_hi == OPEN && bern(&r, P_AV_OPGELOST))
	{
		int			res_day = (av_lo > SYs ? av_lo : SYs) + rrange(&r, 25, 90);

		if (res_day < SYe - 5 && res_day < bd18 - 5 && (emigrate < 0 || res_day < emigrate))
		{
			if (bern(&r, 0.5))
				emigrate = res_day;
			else if (nvr < 16)
			{
				vr[nvr++] = (Vrij) {A_5A, res_day, SYe};
				ST.vrij++;
			}
		}
	}
	if (av)
	{
		ST.av++;
		if (av_hi != OPEN)
			ST.av_terug++;
#ifdef GEN_DEBUG_AV
		fprintf(stderr, "AV\t%lld\t%d\t%d\t%d\t%d\n", (long long) id, av_lo, av_hi, sk, bd18);
#endif
	}

	/* mid-year move, half of the movers switch school (contiguously) */
	if (move_x >= 0)
	{
		int			i = stage_at(move_x);

		ST.moves++;
		if (i >= 0 && bern(&r, 0.5))
		{
			int			s2 = pick_school(&r, move_to, SOORT_TYPE[st[i].soort]);

			if (s2 != st[i].school)
				stages_split(move_x, s2);
		}
	}
	else if (move_x == -2)
		ST.moves++;
	/* mid-year transfer without a move */
	if (!av && nst > 0 && bern(&r, 0.025))
	{
		int			x = rrange(&r, SYs + 20, SYe - 30),
					i = stage_at(x);

		if (i >= 0 && (emigrate < 0 || x < emigrate))
		{
			int			s2 = pick_other_school(&r, g, SOORT_TYPE[st[i].soort], st[i].school);

			if (s2 != st[i].school)
			{
				stages_split(x, s2);
				ST.transfers++;
			}
		}
	}
	if (emigrate >= 0)
	{
		stages_cut(emigrate);
		ST.emigr++;
	}
	if (arrive >= 0)
		ST.arrive++;

	/* residence rows */
	{
		int			start = arrive >= 0 ? arrive : b;

		if (past_move > start)
		{
			res[nres++] = (Res) {start, past_move, past_from};
			start = past_move;
		}
		if (move_x >= 0 || move_x == -2)
		{
			int			x = move_x >= 0 ? move_x : av_lo;

			res[nres++] = (Res) {start, x, g};
			start = x;
			woon = move_to;
		}
		else
			woon = g;
		res[nres++] = (Res) {start, emigrate >= 0 ? emigrate : OPEN, woon};
	}

	/* ---- absences within the schooljaar ---- */
	nsd = 0;
	for (int d = 0; d < C.nd; d++)
		pos_of[d] = -1;
	for (int i = 0; i < nst; i++)
	{
		int			lo = st[i].lo - SYs,
					hi = st[i].hi == OPEN ? C.nd : st[i].hi - SYs,
					region = G[S[st[i].school].gem].region;

		if (lo < 0)
			lo = 0;
		if (hi > C.nd)
			hi = C.nd;
		for (int d = lo; d < hi; d++)
			if (C.les[region][d])
			{
				sd_day[nsd] = d;
				sd_school[nsd] = st[i].school;
				sd_soort[nsd] = st[i].soort;
				sd_full[nsd] = SOORT_FULL[st[i].soort];
				pos_of[d] = nsd;
				nsd++;
			}
	}
	{
		int			lastwk = -1,
					lw = -1;

		for (int j = 0; j < nsd; j++)
		{
			int			wk = (C.d0 + sd_day[j] + 5 + 7 * 1000) / 7;

			if (wk != lastwk)
			{
				lw++;
				lastwk = wk;
			}
			sd_lw[j] = lw;
			memset(hrs[j], 0, sizeof(hrs[j]));
			used[j] = 0;
			rmask[j] = 0;
			prot[j] = 0;
		}
	}
	nm = 0;
	if (nsd > 0)
	{
		int			so = sd_soort[nsd / 2],
					single = nst > 0 && stage_at(SYs + sd_day[0]) == stage_at(SYs + sd_day[nsd - 1]) && nsd >= 150;
		double		mult = G[g].mult,
					frail = gamma_k(&r, 1.3) / 1.3,
					late = gamma_k(&r, 0.5) / 0.5,
					agef = (so == S_VO || so == S_VSO) ? (0.55 + 0.15 * (e - 8)) : 1.0;
		int			run_s = -1,
					run_e = -1,
					run_ret = -1,
					run_kind = -1;
		int			luxe_j0 = -1,
					luxe_k = 0,
					long_ill = -1,
					long_k = 0;
		int			bursts = 0;

		if (agef < 0.5)
			agef = 0.5;
		/* thuiszitter run (> 4 weeks) or a short run */
		if (single && !av && bern(&r, P_LRV[so] * mult / 0.93))
		{
			double		u = u01(&r);

			run_kind = u < 0.29 ? 2 : u < 0.29 + 0.71 * 0.70 ? 0 : 1;
			if (!place_run(&r, run_kind, &run_s, &run_e, &run_ret))
				run_kind = -1;
			else
			{
				ST.lrv++;
				if (run_kind == 2)
					ST.lrv_open++;
			}
		}
		else if (single && bern(&r, P_SHORTRUN[so] * mult))
		{
			run_kind = 3;
			if (!place_run(&r, 3, &run_s, &run_e, &run_ret))
				run_kind = -1;
			else
				ST.shortrun++;
		}
		/* schorsing */
		if (bern(&r, P_SCHORS[so]))
		{
			int			k = rrange(&r, 1, 3),
						j0 = rrange(&r, 0, nsd - 1);

			if (j0 + k <= nsd && all_free(j0, k) && same_school(j0, k))
				for (int j = j0; j < j0 + k; j++)
					put_full(j, R_SCHORS);
		}
		/* luxe verzuim next to a holiday */
		if (bern(&r, P_LUXE[so] * mult))
		{
			double		u = u01(&r);
			int			k = u < 0.30 ? 1 : u < 0.58 ? 2 : u < 0.80 ? 3 : u < 0.90 ? 4 : 5,
						res_ = place_adjacent(&r, R_LUXE, k, INT32_MIN);

			if (res_)
			{
				luxe_j0 = res_ / 16;
				luxe_k = res_ % 16;
				ST.luxe_pupils++;
			}
		}
		/* verlof 13a (granted vakantieverlof), not in the first two lesweken */
		if (bern(&r, P_13A[so]))
			place_adjacent(&r, R_13A, rrange(&r, 2, 8),
						   C.d0 + C.no13a_before[G[S[sd_school[0]].gem].region]);
		/* verlof 14 */
		if (bern(&r, P_VERLOF14))
		{
			int			k = bern(&r, 0.8) ? 1 : 2,
						j0 = rrange(&r, 0, nsd - 1);

			if (j0 + k <= nsd && all_free(j0, k) && same_school(j0, k))
				for (int j = j0; j < j0 + k; j++)
					put_full(j, R_14);
		}
		/* religious feast days */
		if (bern(&r, P_RELIGIEUS * (G[g].inw > 100000 ? 2.0 : 0.8)))
		{
			int			grp = bern(&r, 0.8) ? 0 : 2;

			for (int t = grp; t <= (grp == 0 ? 1 : 2); t++)
				if (C.rel[t] >= 0 && pos_of[C.rel[t]] >= 0 && can_full(pos_of[C.rel[t]]))
					put_full(pos_of[C.rel[t]], R_REL);
		}
		/* long illness */
		if (bern(&r, P_LONGILL))
		{
			int			k = rrange(&r, 8, 40),
						j0 = rrange(&r, 0, nsd - 1);

			if (j0 + k > nsd)
				k = nsd - j0;
			while (k > 0 && !(all_free(j0, k) && same_school(j0, k)))
				k--;
			if (k >= 5)
			{
				for (int j = j0; j < j0 + k; j++)
					put_full(j, R_ZIEK);
				long_ill = j0;
				long_k = k;
			}
		}
		/* sickness spells */
		{
			int			n = poisson(&r, L_ZIEK[so] * frail);

			for (int s = 0; s < n; s++)
			{
				int			j = pick_day(&r, C.w_sick, 0, nsd);
				double		u = u01(&r);
				int			L = u < 0.48 ? 1 : u < 0.72 ? 2 : u < 0.85 ? 3 : u < 0.92 ? 4 : u < 0.97 ? 5 : rrange(&r, 6, 10);

				if (j < 0)
					break;
				if (L == 1 && bern(&r, 0.2))
				{
					int			h = 50 * rrange(&r, 2, 8);

					if (h < sd_full[j] && can_part(j, R_ZIEK, h) && used[j] == 0)
						put_part(j, R_ZIEK, h);
					continue;
				}
				for (int k = 0; k < L && j + k < nsd && can_full(j + k) && sd_school[j + k] == sd_school[j]; k++)
					put_full(j + k, R_ZIEK);
			}
		}
		/* 16-hour bursts of ongeoorloofd verzuim */
		{
			int			nlw = sd_lw[nsd - 1] + 1;
			double		p16 = P_16[so] * agef * mult;

			if (nlw >= 4 && bern(&r, p16 > 0.5 ? 0.5 : p16))
			{
				double		u = u01(&r);
				int			want = u < 0.75 ? 1 : u < 0.93 ? 2 : 3,
							lastw = -100;

				for (int k = 0; k < want; k++)
				{
					int			w0 = rrange(&r, 0, nlw - 4);

					if (w0 < lastw + 5 && k > 0)
						w0 = lastw + 5 + rint_n(&r, 4);
					if (w0 > nlw - 4)
						break;
					if (place_burst(&r, w0, bern(&r, 0.06)))
						bursts++;
					lastw = w0;
				}
			}
			/* drop-outs often had unauthorised absence just before leaving */
			if (av && av_lo > SYs && bursts == 0 && bern(&r, 0.5))
			{
				int			jl = -1;

				for (int j = nsd - 1; j >= 0; j--)
					if (C.d0 + sd_day[j] < av_lo)
					{
						jl = j;
						break;
					}
				if (jl >= 0 && sd_lw[jl] >= 3 && place_burst(&r, sd_lw[jl] - 3, 0))
					bursts++;
			}
			if (bursts)
				ST.burst_pupils++;
		}
		/* background unauthorised hours (signaalverzuim) */
		if (bern(&r, P_BGTRUANT[so] * mult))
		{
			int			n = 1 + poisson(&r, 0.6);

			for (int k = 0; k < n; k++)
			{
				int			j = pick_day(&r, C.w_truant, 0, nsd);
				int			h = 50 * rrange(&r, 2, 6);

				if (j >= 0 && h <= sd_full[j] && can_part(j, R_ONG, h))
					put_part(j, R_ONG, h);
			}
		}
		/* te laat */
		{
			int			n = poisson(&r, L_LATE[so] * late);

			for (int k = 0; k < n; k++)
			{
				int			j = pick_day(&r, C.w_late, 0, nsd);
				double		u = u01(&r);
				int			h = u < 0.55 ? 25 : u < 0.85 ? 50 : u < 0.93 ? 75 : 100;

				if (j >= 0 && can_part(j, R_LAAT, h))
					put_part(j, R_LAAT, h);
			}
		}
		/* overig geoorloofd (doctor, dentist) */
		{
			int			n = poisson(&r, L_OVERIG);

			for (int k = 0; k < n; k++)
			{
				int			j = rrange(&r, 0, nsd - 1);
				int			h = 50 * rrange(&r, 2, 6);

				if (h <= sd_full[j] && can_part(j, R_OVERIG, h))
					put_part(j, R_OVERIG, h);
			}
		}

		/* ---- emit absences, in (datum, reden) order ---- */
		{
			Out		   *o = &O_afw[(id / 1024) % n_afw];

			for (int j = 0; j < nsd; j++)
			{
				if (!rmask[j])
					continue;
				for (int k = 0; k < NREDEN; k++)
					if (rmask[j] & (1 << k))
					{
						out_i64(o, id);
						out_tab(o);
						out_str(o, S[sd_school[j]].brin);
						out_tab(o);
						out_mem(o, C.ds[sd_day[j]], 10);
						out_tab(o);
						out_str(o, REDEN[k]);
						out_tab(o);
						out_hours(o, hrs[j][k]);
						out_end(o);
					}
			}
		}

		/* ---- meldingen ---- */
		{
			int			reset = -1,
						in_run_reported = 0,
						has_rel_melding = 0,
						has_luxe_melding = 0,
						first_rel_gd = -1,
						luxe_gd = -1;
			int			U[MAXD];

			for (int j = 0; j < nsd; j++)
				U[j] = hrs[j][R_ONG] + hrs[j][R_LUXE] + hrs[j][R_LAAT];
			for (int j = 0; j < nsd; j++)
			{
				int			sum = 0,
							ws = -1,
							lux = 0;

				if (!U[j])
					continue;
				for (int i = j; i > reset; i--)
				{
					if (sd_lw[i] < sd_lw[j] - 3)
						break;
					if (U[i])
					{
						sum += U[i];
						lux += hrs[i][R_LUXE];
						ws = i;
					}
				}
				if (sum < 1600)
					continue;
				/* a duty moment at j (window ws..j); re-armed after it */
				reset = j;
				{
					int			day = C.d0 + sd_day[j],
								inrun = run_kind >= 0 && run_kind != 3 && j >= run_s && j < run_e,
								soort = day >= bd18 ? 3 : 0,
								dly;
					double		u = u01(&r);

					if (2 * lux >= sum)
						continue;	/* reported as luxe verzuim */
					if (inrun && in_run_reported)
						continue;	/* the thuiszitter is reported once, then as lrv */
					if (sk >= 0 && sk <= day)
						continue;
					if (!bern(&r, 0.87))
						continue;	/* not reported (the school missed its duty) */
					if (inrun)
						in_run_reported = 1;
					dly = u < 0.35 ? 0 : u < 0.55 ? 1 : u < 0.75 ? rrange(&r, 2, 4) : u < 0.90 ? rrange(&r, 5, 10) : rrange(&r, 11, 30);
					add_melding(&r, soort, sd_school[j], C.d0 + sd_day[ws], day + 1, day + dly,
								soort == 3 ? 0.05 : 0.08, day + 1, 0);
					if (soort == 0 && nm > 0 && M[nm - 1].soort == 0)
					{
						has_rel_melding++;
						if (first_rel_gd < 0)
							first_rel_gd = M[nm - 1].gd;
					}
				}
			}
			if (run_kind >= 0 && run_kind != 3)
			{
				int			start = C.d0 + sd_day[run_s],
							hi = run_kind == 2 ? OPEN : run_ret,
							before = nm;

				add_melding(&r, 1, sd_school[run_s], start, hi, start + 28 + rrange(&r, 0, 14), 0.35,
							hi == OPEN ? 0 : hi, hi == OPEN);
				if (nm > before)
				{
					has_rel_melding += 10;
					first_rel_gd = M[nm - 1].gd;
				}
			}
			if (luxe_j0 >= 0 && bern(&r, 0.75))
			{
				int			lo = C.d0 + sd_day[luxe_j0],
							last = C.d0 + sd_day[luxe_j0 + luxe_k - 1],
							before = nm;

				add_melding(&r, 2, sd_school[luxe_j0], lo, bern(&r, 0.25) ? OPEN : last + 1,
							last + 1 + rrange(&r, 0, 6), 0.02, last + 1, 0);
				if (nm > before)
				{
					has_luxe_melding = 1;
					luxe_gd = M[nm - 1].gd;
				}
			}
			if (long_ill >= 0 && bern(&r, 0.4))
				add_melding(&r, 4, sd_school[long_ill], C.d0 + sd_day[long_ill],
							C.d0 + sd_day[long_ill + long_k - 1] + 1,
							C.d0 + sd_day[long_ill] + rrange(&r, 7, 20), 0.05, 0, 0);
			else if (bern(&r, 0.004))
			{
				int			j = rrange(&r, 0, nsd - 1);

				add_melding(&r, 4, sd_school[j], C.d0 + sd_day[j], C.d0 + sd_day[j] + 1,
							C.d0 + sd_day[j] + rrange(&r, 1, 10), 0.05, 0, 0);
			}
			/* processen-verbaal */
			if (has_rel_melding && bd18 > first_rel_gd &&
				bern(&r, has_rel_melding >= 10 ? P_PV_LRV : has_rel_melding >= 2 ? P_PV_REP : P_PV_REL))
			{
				int			last = C.d0 + C.nd - 1,
							d = first_rel_gd + rrange(&r, 14, 90);

				if (d > last && first_rel_gd + 7 <= last)
					d = rrange(&r, first_rel_gd + 7, last);
				if (d <= last)
				{
					emit_pv(id, d, 1);
					/* the melding went to the strafrecht route */
					for (int i = nm - 1; i >= 0; i--)
						if ((M[i].soort == 0 || M[i].soort == 1) && M[i].status != 3)
						{
							M[i].mas = 4;
							if (M[i].status == 0 || M[i].status == 4)
								M[i].status = M[i].closed >= 0 ? 2 : 1;
							break;
						}
				}
			}
			if (has_luxe_melding && bern(&r, P_PV_LUXE))
			{
				int			last = C.d0 + C.nd - 1,
							d = luxe_gd + rrange(&r, 14, 90);

				if (d > last && luxe_gd + 7 <= last)
					d = rrange(&r, luxe_gd + 7, last);
				if (d <= last)
					emit_pv(id, d, 2);
			}
		}
	}
	if (av && bern(&r, P_PV_AV))
	{
		int			lo = (av_lo > SYs ? av_lo : SYs) + rrange(&r, 30, 150),
					hi = av_hi == OPEN ? SYe - 1 : av_hi - 1;

		if (hi > bd18 - 1)
			hi = bd18 - 1;
		if (emigrate >= 0 && hi > emigrate - 1)
			hi = emigrate - 1;
		if (lo > hi)
			lo = hi;
		if (lo >= SYs && lo >= av_lo && lo <= SYe - 1)
			emit_pv(id, lo, 0);
	}
	/* ---- pollution (--vervuiling; see the top of the pollution section) ---- */
	if (vervuiling > 0 && nvr == 0 && !av)
	{
		Rng			rv;
		int			done = 0;

		rng_seed(&rv, seed ^ 0x766572767569ULL, (uint64_t) id);
		/* duplicate pupil: enrolments before a change of school before the schooljaar under a second id */
		if (!done && nst >= 2 && bern(&rv, P_V_DUBBEL * vervuiling))
		{
			for (int k = nst - 1; k >= 1 && !done; k--)
				if (st[k - 1].hi == st[k].lo && st[k].lo <= SYs)
				{
					dup_k = k;
					verv("dubbele_leerling", id, num(id), -1, -1, 0,
						 (snprintf(vbuf, sizeof(vbuf), "leerling %lld", (long long) (DUBBEL_ID + id)), vbuf));
					done = 1;
				}
		}
		/* late uitschrijving after emigration */
		if (!done && emigrate >= 0 && nst > 0 && st[nst - 1].hi == emigrate && bern(&rv, P_V_EMIGR * vervuiling))
		{
			int			hi = emigrate + rrange(&rv, 8, 60);

			st[nst - 1].hi = hi;
			verv("inschrijving_buiten_nederland", id, num(next_insch + nst - 1), st[nst - 1].school,
				 emigrate, hi, NULL);
			done = 1;
		}
		/* late uitschrijving at a change of school: overlapping enrolments */
		if (!done)
		{
			int			i = -1;

			for (int k = 0; k + 1 < nst && i < 0; k++)
				if (st[k].hi == st[k + 1].lo && st[k].school != st[k + 1].school)
					i = k;
			if (i >= 0 && bern(&rv, P_V_OVERLAP * vervuiling))
			{
				int			x = st[i + 1].lo,
							hi = x + rrange(&rv, 2, 45);

				if (st[i + 1].hi != OPEN && hi > st[i + 1].hi)
					hi = st[i + 1].hi;
				if (hi - x >= 2)
				{
					st[i].hi = hi;
					verv("inschrijving_overlap", id, num(next_insch + i), st[i].school, x, hi,
						 (snprintf(vbuf, sizeof(vbuf), "inschrijving %lld", (long long) (next_insch + i + 1)), vbuf));
					done = 1;
				}
			}
		}
		/* late inschrijving at a change of school in the schooljaar: an administrative gap */
		if (!done)
		{
			int			i = -1;

			for (int k = 0; k + 1 < nst && i < 0; k++)
				if (st[k].hi == st[k + 1].lo && st[k].school != st[k + 1].school &&
					st[k + 1].lo > SYs && st[k + 1].lo < SYe - 30 && (st[k + 1].hi == OPEN || st[k + 1].hi > st[k + 1].lo + 30))
					i = k;
			if (i >= 0 && bern(&rv, P_V_LAATIN * vervuiling))
			{
				int			x = st[i + 1].lo,
							k = rrange(&rv, 1, 7),
							vrij = 1;

				for (int j = 0; j < nsd; j++)
					if (C.d0 + sd_day[j] >= x && C.d0 + sd_day[j] < x + k && rmask[j])
						vrij = 0;
				for (int m = 0; m < nm; m++)
					if (M[m].lo >= x && M[m].lo < x + k)
						vrij = 0;
				if (vrij)
				{
					st[i + 1].lo = x + k;
					verv("administratief_gat", id, num(next_insch + i + 1), st[i + 1].school, x, x + k,
						 (snprintf(vbuf, sizeof(vbuf), "inschrijving %lld", (long long) (next_insch + i)), vbuf));
					done = 1;
				}
			}
		}
		/* verblijf gap before the first enrolment */
		if (!done && nres >= 2 && nst > 0 && res[0].hi != OPEN && res[0].hi <= st[0].lo &&
			bern(&rv, P_V_GAT * vervuiling))
		{
			int			k = rrange(&rv, 1, 30);

			if (res[0].hi - k > res[0].lo)
			{
				verv("verblijf_gat", id, NULL, -1, res[0].hi - k, res[0].hi,
					 (snprintf(vbuf, sizeof(vbuf), "%s -> %s", G[res[0].gem].code, G[res[1].gem].code), vbuf));
				res[0].hi -= k;
				done = 1;
			}
		}
		/* enrolled before the 4th birthday */
		if (!done && arrive < 0 && nst > 0 && st[0].lo == bd4 && bern(&rv, P_V_VOOR4 * vervuiling))
		{
			st[0].lo = bd4 - rrange(&rv, 1, 60);
			verv("inschrijving_voor_4", id, num(next_insch), st[0].school, st[0].lo, bd4, NULL);
			done = 1;
		}
		/* no verblijf rows at all */
		if (!done && bern(&rv, P_V_GEENVERBLIJF * vervuiling))
		{
			geen_verblijf = 1;
			verv("geen_verblijf", id, num(id), -1, -1, 0, NULL);
			done = 1;
		}
		/* a vrijstelling art. 5a inside an enrolment at a regular school */
		if (!done && bern(&rv, P_V_VRIJ * vervuiling))
		{
			int			d = rrange(&rv, SYs + 20, SYe - 60),
						k = rrange(&rv, 14, 40),
						i = stage_at(d);

			if (i >= 0 && st[i].soort != S_SO && st[i].soort != S_VSO &&
				(st[i].hi == OPEN || st[i].hi >= d + k))
			{
				vr[nvr++] = (Vrij) {A_5A, d, d + k};
				verv("vrijstelling_met_inschrijving", id, num(next_vrij), st[i].school, d, d + k,
					 (snprintf(vbuf, sizeof(vbuf), "inschrijving %lld", (long long) (next_insch + i)), vbuf));
				done = 1;
			}
		}
		/* a melding under a school the pupil never attended */
		if (!done && nm > 0 && bern(&rv, P_V_MELDING * vervuiling))
		{
			int			s2 = pick_other_school(&rv, g, S[M[0].school].type, M[0].school),
						eigen = s2 == M[0].school;

			for (int k = 0; k < nst; k++)
				eigen |= st[k].school == s2;
			if (!eigen)
			{
				M[0].school = s2;	/* its findings are written by emit_meldingen */
				done = 1;
			}
		}
		/* an absence row at a school of the gemeente the pupil never attended */
		if (!done && nsd > 0 && bern(&rv, P_V_WEES * vervuiling))
		{
			int			j = rrange(&rv, 0, nsd - 1),
						s2 = pick_other_school(&rv, g, SOORT_TYPE[sd_soort[j]], sd_school[j]),
						eigen = s2 == sd_school[j];

			for (int k = 0; k < nst; k++)
				eigen |= st[k].school == s2;
			if (!eigen && !rmask[j] && C.les[G[S[s2].gem].region][sd_day[j]])
			{
				Out		   *o = &O_afw[(id / 1024) % n_afw];

				out_i64(o, id);
				out_tab(o);
				out_str(o, S[s2].brin);
				out_tab(o);
				out_mem(o, C.ds[sd_day[j]], 10);
				out_tab(o);
				out_str(o, REDEN[R_ONG]);
				out_tab(o);
				out_hours(o, sd_full[j]);
				out_end(o);
				verv("afwezigheid_zonder_inschrijving", id, REDEN[R_ONG], s2, C.d0 + sd_day[j],
					 C.d0 + sd_day[j] + 1, NULL);
				done = 1;
			}
		}
	}
	emit_meldingen(id, dup_k > 0 ? dup_k : 0);

	/* ---- leerling, verblijf, inschrijving, vrijstelling rows ---- */
	for (int twee = 0; twee < (dup_k > 0 ? 2 : 1); twee++)
	{
		/* twee = 1: the duplicate registration of the same child (pollution) */
		Out		   *o = &O_ll;
		int64_t		lid = twee ? DUBBEL_ID + id : id;
		int			eerste = dup_k > 0 && !twee ? dup_k : 0;

		out_i64(o, lid);
		out_tab(o);
		out_date(o, b);
		out_tab(o);
		out_str(o, G[woon].code);
		out_tab(o);
		if (sk >= 0 && !twee)
			out_date(o, sk);
		else
			out_null(o);
		out_tab(o);
		if (nst > 0)
			out_date(o, st[eerste].lo);
		else
			out_null(o);
		out_end(o);
		for (int i = 0; i < nres && !geen_verblijf; i++)
		{
			o = &O_verblijf;
			if (res[i].hi != OPEN && res[i].hi <= res[i].lo)
				continue;
			out_i64(o, lid);
			out_tab(o);
			out_str(o, G[res[i].gem].code);
			out_tab(o);
			out_range(o, res[i].lo, res[i].hi);
			out_end(o);
		}
	}
	for (int i = 0; i < nst; i++)
	{
		Out		   *o = &O_insch;

		out_i64(o, next_insch++);
		out_tab(o);
		out_i64(o, dup_k > 0 && i < dup_k ? DUBBEL_ID + id : id);
		out_tab(o);
		out_str(o, S[st[i].school].brin);
		out_tab(o);
		out_range(o, st[i].lo, st[i].hi);
		out_tab(o);
		out_str(o, SOORT[st[i].soort]);
		out_end(o);
	}
	for (int i = 0; i < nvr; i++)
	{
		Out		   *o = &O_vrij;

		out_i64(o, next_vrij++);
		out_tab(o);
		out_i64(o, id);
		out_tab(o);
		out_str(o, ARTIKEL[vr[i].art]);
		out_tab(o);
		out_range(o, vr[i].lo, vr[i].hi);
		out_end(o);
	}
	ST.pupils++;
}

/* --------------------------------------------------------------- main */

/* --kalender: the generator's calendar arithmetic, for the test that it
 * agrees with the extension's (test/generator_kalender.sql) */
static void
print_kalender(int van, int tot)
{
	char		buf[11];

	for (int y = van; y <= tot; y++)
	{
		fmt_date(buf, easter(y));
		printf("pasen\t%d\t%s\n", y, buf);
		for (int m = 1; m <= 12; m++)
			printf("maand\t%d-%02d\t%d\n", y, m, kalender_dagen_in_maand(y, m));
	}
}

static void
usage(void)
{
	fprintf(stderr,
			"usage: gen --scale S --seed N [--schooljaar 2024-2025] --out DIR [--split K]\n"
			"  writes DIR/<table>.copy (COPY text) for every registration table of verzuim;\n"
			"  with --split K > 1 afwezigheid goes to DIR/afwezigheid.0.copy .. .K-1.copy\n"
			"  --info   print the selected gemeenten and the school counts, write nothing\n"
			"  --table T  write only table T, to stdout (for \\copy ... FROM PROGRAM)\n"
			"  --quiet  no summary on stderr\n"
			"  --kalender Y1 Y2  print Easter Sunday of every year Y1..Y2 and the days of\n"
			"           every month, as the generator computes them, and exit\n"
			"  --vervuiling F  plant pollution at F x the documented rates (default 0); the findings\n"
			"           the registratiekwaliteit checks must report go to the stream vervuiling\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	double		scale = -1;
	long long	seed = -1;
	int			sy = 2024,
				info = 0,
				quiet = 0;
	const char *dir = NULL;

	for (int i = 1; i < argc; i++)
	{
		const char *a = argv[i];

		if (!strcmp(a, "--scale") && i + 1 < argc)
			scale = strtod(argv[++i], NULL);
		else if (!strcmp(a, "--seed") && i + 1 < argc)
			seed = strtoll(argv[++i], NULL, 10);
		else if (!strcmp(a, "--schooljaar") && i + 1 < argc)
		{
			int			a1,
						a2;

			if (sscanf(argv[++i], "%d-%d", &a1, &a2) != 2 || a2 != a1 + 1)
				die("--schooljaar must look like 2024-2025");
			sy = a1;
		}
		else if (!strcmp(a, "--out") && i + 1 < argc)
			dir = argv[++i];
		else if (!strcmp(a, "--split") && i + 1 < argc)
			n_afw = atoi(argv[++i]);
		else if (!strcmp(a, "--info"))
			info = 1;
		else if (!strcmp(a, "--table") && i + 1 < argc)
			only_table = argv[++i];
		else if (!strcmp(a, "--quiet"))
			quiet = 1;
		else if (!strcmp(a, "--kalender") && i + 2 < argc)
		{
			print_kalender(atoi(argv[i + 1]), atoi(argv[i + 2]));
			return 0;
		}
		else if (!strcmp(a, "--vervuiling") && i + 1 < argc)
			vervuiling = strtod(argv[++i], NULL);
		else
			usage();
	}
	if (!(scale > 0 && scale <= 1.0))
		die("--scale must be in (0, 1] (1.0 = the Netherlands, 2.7 million pupils)");
	if (seed < 0)
		die("--seed must be a non-negative integer");
	if (!(vervuiling >= 0 && vervuiling <= 10))
		die("--vervuiling must be in [0, 10] (1 = the documented rates)");
	if (n_afw < 1 || n_afw > 16)
		die("--split must be 1..16");
	if (!dir && !info && !only_table)
		usage();
	if (only_table)
	{
		static const char *known[] = {"gemeente", "samenwerkingsverband", "school", "leerling", "verblijf",
		"inschrijving", "afwezigheid", "vrijstelling", "melding", "proces_verbaal", "vervuiling"};
		int			ok = 0;

		for (size_t k = 0; k < sizeof(known) / sizeof(known[0]); k++)
			ok |= !strcmp(only_table, known[k]);
		if (!ok)
			die("--table: unknown table %s", only_table);
		n_afw = 1;
	}

	cal_build(sy);
	geo_build();
	select_gemeenten(scale, (uint64_t) seed);

	if (info)
	{
		int			nt[NTYPE] = {0},
					ne[NTYPE] = {0},
					pupils = 0;

		for (int s = 0; s < NS; s++)
		{
			nt[S[s].type]++;
			if (S[s].emit)
				ne[S[s].type]++;
		}
		for (int i = 0; i < nsel; i++)
		{
			Gem		   *g = &G[selected[i]];

			pupils += g->pupils;
			printf("%s\t%s\t%s\t%s\t%d pupils\tpo %d so/vso %d vo %d mbo %d\n", g->code, g->naam,
				   PROV[g->prov].naam, REGIO[g->region], g->pupils, g->ns[T_PO], g->ns[T_SV],
				   g->ns[T_VO], g->ns[T_MBO]);
		}
		printf("selected %d gemeenten, %d pupils; schools all: po %d so/vso %d vo %d mbo %d (total %d); "
			   "emitted: po %d so/vso %d vo %d mbo %d; swv %d\n",
			   nsel, pupils, nt[0], nt[1], nt[2], nt[3], NS, ne[0], ne[1], ne[2], ne[3], NW);
		{
			int			reg[3] = {0};

			for (int i = 0; i < NG; i++)
				reg[G[i].region]++;
			printf("regions (all gemeenten): noord %d midden %d zuid %d\n", reg[0], reg[1], reg[2]);
		}
		return 0;
	}

	out_open(&O_gem, dir, "gemeente");
	out_open(&O_swv, dir, "samenwerkingsverband");
	out_open(&O_school, dir, "school");
	out_open(&O_ll, dir, "leerling");
	out_open(&O_verblijf, dir, "verblijf");
	out_open(&O_insch, dir, "inschrijving");
	out_open(&O_vrij, dir, "vrijstelling");
	out_open(&O_meld, dir, "melding");
	out_open(&O_pv, dir, "proces_verbaal");
	out_open(&O_verv, dir, "vervuiling");
	O_afw = calloc(n_afw, sizeof(Out));
	if (n_afw == 1)
		out_open(&O_afw[0], dir, "afwezigheid");
	else
		for (int k = 0; k < n_afw; k++)
		{
			static char names[16][32];

			snprintf(names[k], sizeof(names[k]), "afwezigheid.%d", k);
			out_open(&O_afw[k], dir, names[k]);
		}

	/* the dimension tables (all 342 gemeenten, all swv; schools in use) */
	for (int i = 0; i < NG; i++)
	{
		out_str(&O_gem, G[i].code);
		out_tab(&O_gem);
		out_text(&O_gem, G[i].naam);
		out_tab(&O_gem);
		out_str(&O_gem, REGIO[G[i].region]);	/* gemeente.vakantieregio */
		out_end(&O_gem);
	}
	for (int i = 0; i < NW; i++)
	{
		out_str(&O_swv, W[i].code);
		out_tab(&O_swv);
		out_text(&O_swv, W[i].naam);
		out_end(&O_swv);
	}
	for (int s = 0; s < NS; s++)
	{
		if (!S[s].emit)
			continue;
		out_str(&O_school, S[s].brin);
		out_tab(&O_school);
		out_text(&O_school, S[s].naam);
		out_tab(&O_school);
		out_str(&O_school, G[S[s].gem].code);
		out_tab(&O_school);
		out_str(&O_school, REGIO[G[S[s].gem].region]);
		out_tab(&O_school);
		if (S[s].swv >= 0)
			out_str(&O_school, W[S[s].swv].code);
		else
			out_null(&O_school);
		out_end(&O_school);
	}
	out_close(&O_gem);
	out_close(&O_swv);
	out_close(&O_school);

	{
		int64_t		id = 0;

		for (int k = 0; k < nsel; k++)
		{
			int			g = selected[k];

			for (int i = 0; i < G[g].pupils; i++)
				gen_pupil(++id, g, (uint64_t) seed);
		}
	}

	out_close(&O_ll);
	out_close(&O_verblijf);
	out_close(&O_insch);
	out_close(&O_vrij);
	out_close(&O_meld);
	out_close(&O_pv);
	out_close(&O_verv);
	{
		uint64_t	afw = 0;

		for (int k = 0; k < n_afw; k++)
		{
			afw += O_afw[k].rows;
			out_close(&O_afw[k]);
		}
		if (!quiet)
			fprintf(stderr,
				"gen: schooljaar %d-%d scale %g seed %lld: %d gemeenten selected\n"
				"gen: rows: gemeente %d, samenwerkingsverband %d, school %llu, leerling %llu, verblijf %llu, "
				"inschrijving %llu, afwezigheid %llu, vrijstelling %llu, melding %llu, proces_verbaal %llu\n"
				"gen: designed: absoluut verzuim %llu (teruggeleid %llu), lrv runs %llu (open %llu), short runs %llu, "
				"16h-burst pupils %llu, luxe pupils %llu, vrijgestelden %llu, emigrants %llu, arrivals %llu, "
				"moves %llu, transfers %llu\n"
				"gen: meldingen 16uur %llu lrv %llu luxe %llu rmc %llu overig %llu; pv absoluut %llu relatief %llu luxe %llu\n",
				sy, sy + 1, scale, seed, nsel, NG, NW, (unsigned long long) O_school.rows,
				(unsigned long long) O_ll.rows, (unsigned long long) O_verblijf.rows,
				(unsigned long long) O_insch.rows, (unsigned long long) afw,
				(unsigned long long) O_vrij.rows, (unsigned long long) O_meld.rows,
				(unsigned long long) O_pv.rows,
				(unsigned long long) ST.av, (unsigned long long) ST.av_terug,
				(unsigned long long) ST.lrv, (unsigned long long) ST.lrv_open,
				(unsigned long long) ST.shortrun, (unsigned long long) ST.burst_pupils,
				(unsigned long long) ST.luxe_pupils, (unsigned long long) ST.vrij,
				(unsigned long long) ST.emigr, (unsigned long long) ST.arrive,
				(unsigned long long) ST.moves, (unsigned long long) ST.transfers,
				(unsigned long long) ST.melding[0], (unsigned long long) ST.melding[1],
				(unsigned long long) ST.melding[2], (unsigned long long) ST.melding[3],
				(unsigned long long) ST.melding[4], (unsigned long long) ST.pv[0],
				(unsigned long long) ST.pv[1], (unsigned long long) ST.pv[2]);
	}
	return 0;
}
