/*
 * loader.c — the C half of the CSV loader (40_loader.sql): an RFC 4180 CSV
 * tokenizer that keeps physical line numbers, a server-side file reader with
 * the privilege rule of COPY FROM a file, and strict per-value validation of
 * the column types the registration tables use.
 *
 * Validation is "soft": it returns a reason instead of raising, so that the
 * SQL side can check a whole file set-wise and report every bad field.  The
 * accepted formats are deliberately narrower than PostgreSQL's input
 * functions (dates only as YYYY-MM-DD, whatever DateStyle says), and every
 * value accepted here is accepted by the type's input function with the same
 * meaning, so the SQL side may cast it without risk of an error.
 */
#include "verzuim.h"

#include <sys/stat.h>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_authid.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

#include "kalender_rekenen.h"

PG_FUNCTION_INFO_V1(verzuim_csv_regels);
PG_FUNCTION_INFO_V1(verzuim_csv_regels_bestand);
PG_FUNCTION_INFO_V1(verzuim_csv_veldfout);

/* ------------------------------------------------------------------------
 * CSV tokenizer
 * ------------------------------------------------------------------------ */

typedef struct CsvOutput
{
	Tuplestorestate *store;
	TupleDesc	desc;
	bool		from_utf8;		/* bytes are UTF-8 (a file), not server encoding */
	int			max_records;	/* stop after this many records (0: all) */
	MemoryContext rowcxt;
} CsvOutput;

static void
csv_begin_output(FunctionCallInfo fcinfo, CsvOutput *out)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext oldcxt;
	TupleDesc	desc;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	if (!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("materialize mode required, but it is not allowed in this context")));
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		verzuim_error_not_row_type();

	oldcxt = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	out->desc = CreateTupleDescCopy(desc);
	out->store = tuplestore_begin_heap(true, false, work_mem);
	MemoryContextSwitchTo(oldcxt);

	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = out->store;
	rsinfo->setDesc = out->desc;
	out->max_records = 0;

	out->rowcxt = AllocSetContextCreate(CurrentMemoryContext, "verzuim csv row",
										ALLOCSET_DEFAULT_SIZES);
}

/*
 * Convert valid UTF-8 to the server encoding without raising: NULL when a
 * character has no equivalent there (a LATIN1 database and a euro sign), so
 * that the record is reported with its line number instead of the whole
 * check failing.  Returns s itself when no conversion is needed.
 */
static char *
csv_naar_server(const char *s, int len)
{
	int			db = GetDatabaseEncoding();
	Oid			proc;
	unsigned char *uit;
	int			gelezen;

	if (db == PG_UTF8)
		return (char *) s;
	if (db == PG_SQL_ASCII)
		return pg_any_to_server(s, len, PG_UTF8);	/* no conversion */
	/* pure ASCII is the same in every server encoding */
	{
		int			i;

		for (i = 0; i < len && !IS_HIGHBIT_SET(s[i]); i++)
			;
		if (i == len)
			return (char *) s;
	}
	proc = FindDefaultConversionProc(PG_UTF8, db);
	if (!OidIsValid(proc))
		return NULL;
	if ((Size) len * MAX_CONVERSION_GROWTH + 1 >= MaxAllocSize)
		return NULL;
	uit = palloc((Size) len * MAX_CONVERSION_GROWTH + 1);
	gelezen = pg_do_encoding_conversion_buf(proc, PG_UTF8, db,
											(unsigned char *) s, len,
											uit, len * MAX_CONVERSION_GROWTH + 1,
											true);
	if (gelezen < len)
		return NULL;
	return (char *) uit;
}

/*
 * Turn the raw bytes of one field into a text datum (server encoding).
 * Returns NULL and sets *fout when the bytes are not valid.
 */
static text *
csv_field_text(CsvOutput *out, const char *s, int len, int fieldno, const char **fout)
{
	if (memchr(s, '\0', len) != NULL)
	{
		*fout = psprintf("field %d contains a NUL byte", fieldno);
		return NULL;
	}
	if (out->from_utf8)
	{
		char	   *conv;

		if (!pg_verify_mbstr(PG_UTF8, s, len, true))
		{
			*fout = psprintf("field %d is not valid UTF-8", fieldno);
			return NULL;
		}
		conv = csv_naar_server(s, len);
		if (conv == NULL)
		{
			*fout = psprintf("field %d has a character that the database encoding %s cannot hold",
							 fieldno, GetDatabaseEncodingName());
			return NULL;
		}
		if (conv != s)
			return cstring_to_text(conv);
	}
	return cstring_to_text_with_len(s, len);
}

static void
csv_emit(CsvOutput *out, int regel, List *fields, const char *fout)
{
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	values[0] = Int32GetDatum(regel);
	if (fout != NULL || fields == NIL)
	{
		nulls[1] = true;
		values[1] = (Datum) 0;
	}
	else
	{
		int			n = list_length(fields);
		Datum	   *elems = palloc_array(Datum, n);
		bool	   *enulls = palloc_array(bool, n);
		int			dims[1];
		int			lbs[1];
		ListCell   *lc;
		int			i = 0;

		foreach(lc, fields)
		{
			text	   *t = (text *) lfirst(lc);

			enulls[i] = (t == NULL);
			elems[i] = t ? PointerGetDatum(t) : (Datum) 0;
			i++;
		}
		dims[0] = n;
		lbs[0] = 1;
		values[1] = PointerGetDatum(construct_md_array(elems, enulls, 1, dims, lbs,
													   TEXTOID, -1, false, TYPALIGN_INT));
	}
	if (fout != NULL)
		values[2] = CStringGetTextDatum(fout);
	else
		nulls[2] = true;
	tuplestore_putvalues(out->store, out->desc, values, nulls);
}

/*
 * The input of the tokenizer: a text held in memory whole (csv_regels), or a
 * file read in blocks of CSV_BLOCK_SIZE bytes (csv_regels_bestand), so that a file
 * of any size is parsed in constant memory besides the current record.  The
 * tokenizer looks at most one byte ahead (csv_peek(in, 1)); a refill keeps
 * the bytes not yet consumed.
 */
#define CSV_BLOCK_SIZE	65536

typedef struct CsvInput
{
	const char *buf;			/* the bytes in view */
	int			len;			/* number of bytes in view */
	int			pos;			/* next byte to consume */
	FILE	   *f;				/* NULL: buf holds all the input */
	char	   *block;			/* the file's buffer, CSV_BLOCK_SIZE bytes */
	bool		eof;			/* f has no more bytes */
	const char *pad;			/* the file's name, for messages */
} CsvInput;

/* A server-side file as the tokenizer's input, read in blocks of CSV_BLOCK_SIZE bytes. */
static void
csv_bestand_open(CsvInput *in, const char *pad)
{
	memset(in, 0, sizeof(*in));
	in->pad = pad;
	in->f = verzuim_open_server_file(pad, "Send the file content instead: verzuim.laad_csv_tekst(tabel, inhoud), e.g. in psql with \\set inhoud `cat file.csv`.");
	in->block = palloc(CSV_BLOCK_SIZE);
	in->buf = in->block;
}

static void
csv_bestand_sluit(CsvInput *in)
{
	FreeFile(in->f);
	pfree(in->block);
}

/* Read more of the file so that byte pos + k is in view; false at its end. */
static bool
csv_fill(CsvInput *in, int k)
{
	while (in->pos + k >= in->len)
	{
		int			rest = in->len - in->pos;
		size_t		n;

		if (in->f == NULL || in->eof)
			return false;
		memmove(in->block, in->buf + in->pos, rest);
		in->buf = in->block;
		in->pos = 0;
		in->len = rest;
		n = fread(in->block + rest, 1, CSV_BLOCK_SIZE - rest, in->f);
		if (n == 0)
		{
			if (ferror(in->f))
				ereport(ERROR,
						(errcode_for_file_access(),
						 errmsg("could not read file \"%s\": %m", verzuim_kort(in->pad))));
			in->eof = true;
		}
		in->len += (int) n;
	}
	return true;
}

/* The byte at pos + k (k <= 2), or -1 at the end of the input. */
static inline int
csv_peek(CsvInput *in, int k)
{
	if (unlikely(in->pos + k >= in->len) && !csv_fill(in, k))
		return -1;
	return (unsigned char) in->buf[in->pos + k];
}

/* a line end: LF, CRLF or a lone CR (consumed); counts the line */
static inline bool
csv_line_end(CsvInput *in, int *line)
{
	int			c = csv_peek(in, 0);

	if (c == '\n')
		in->pos++;
	else if (c == '\r')
		in->pos += (csv_peek(in, 1) == '\n') ? 2 : 1;
	else
		return false;
	(*line)++;
	return true;
}

/*
 * Split the input into records.  One output row per record: the physical
 * line the record starts on (1-based), its fields (an empty field is NULL,
 * quoted or not), or NULL fields and a reason when the record is malformed.
 * Empty lines are skipped.  Line ends: LF, CRLF or a lone CR.  A UTF-8 byte
 * order mark at the start is skipped.
 */
static void
csv_parse(CsvOutput *out, CsvInput *in)
{
	int			line = 1;
	int			emitted = 0;
	StringInfoData field;

	if (csv_peek(in, 2) >= 0 && (unsigned char) in->buf[in->pos] == 0xEF &&
		(unsigned char) in->buf[in->pos + 1] == 0xBB && (unsigned char) in->buf[in->pos + 2] == 0xBF &&
		(out->from_utf8 || GetDatabaseEncoding() == PG_UTF8))
		in->pos += 3;

	initStringInfo(&field);

	while (csv_peek(in, 0) >= 0)
	{
		int			regel = line;
		List	   *fields = NIL;
		const char *fout = NULL;
		MemoryContext oldcxt;
		bool		einde = false;

		CHECK_FOR_INTERRUPTS();

		/* skip empty lines */
		if (csv_line_end(in, &line))
			continue;

		MemoryContextReset(out->rowcxt);
		oldcxt = MemoryContextSwitchTo(out->rowcxt);

		while (!einde)
		{
			int			fieldno = list_length(fields) + 1;
			int			c;
			text	   *t;

			resetStringInfo(&field);
			if (csv_peek(in, 0) == '"')
			{
				/* quoted field */
				bool		closed = false;

				in->pos++;
				while ((c = csv_peek(in, 0)) >= 0)
				{
					if (c == '"')
					{
						if (csv_peek(in, 1) == '"')
						{
							appendStringInfoChar(&field, '"');
							in->pos += 2;
							continue;
						}
						in->pos++;
						closed = true;
						break;
					}
					if (c == '\n' || (c == '\r' && csv_peek(in, 1) != '\n'))
						line++;
					if ((field.len & 0xFFFFF) == 0)
						CHECK_FOR_INTERRUPTS();
					appendStringInfoChar(&field, (char) c);
					in->pos++;
				}
				if (!closed)
				{
					fout = psprintf("field %d: quoted field is not closed before the end of the file", fieldno);
					break;
				}
				c = csv_peek(in, 0);
				if (c >= 0 && c != ',' && c != '\n' && c != '\r')
				{
					fout = psprintf("field %d: unexpected character after the closing quote", fieldno);
					break;
				}
			}
			else
			{
				/* unquoted: up to a comma, a line end or the end, in spans of the buffer */
				while ((c = csv_peek(in, 0)) >= 0 && c != ',' && c != '\n' && c != '\r' && c != '"')
				{
					int			start = in->pos;

					while (in->pos < in->len && in->buf[in->pos] != ',' && in->buf[in->pos] != '\n' &&
						   in->buf[in->pos] != '\r' && in->buf[in->pos] != '"')
						in->pos++;
					appendBinaryStringInfo(&field, in->buf + start, in->pos - start);
				}
				if (c == '"')
				{
					fout = psprintf("field %d: quote inside an unquoted field (quote the whole field and double the quote)", fieldno);
					break;
				}
			}

			if (field.len == 0)
				t = NULL;
			else
			{
				t = csv_field_text(out, field.data, field.len, fieldno, &fout);
				if (fout != NULL)
					break;
			}
			fields = lappend(fields, t);

			/* after a field: a comma, a line end or the end of the input */
			if (csv_peek(in, 0) == ',')
			{
				in->pos++;
				continue;
			}
			einde = true;
		}

		/* on an error, skip the rest of the physical line */
		if (fout != NULL)
		{
			int			c;

			while ((c = csv_peek(in, 0)) >= 0 && c != '\n' && c != '\r')
				in->pos++;
		}
		/* consume the line end */
		(void) csv_line_end(in, &line);

		csv_emit(out, regel, fout ? NIL : fields, fout);
		MemoryContextSwitchTo(oldcxt);
		if (out->max_records > 0 && ++emitted >= out->max_records)
			break;
	}
	pfree(field.data);
}

/*
 * verzuim.csv_regels(inhoud text) RETURNS TABLE (regel int, velden text[], fout text)
 */
Datum
verzuim_csv_regels(PG_FUNCTION_ARGS)
{
	text	   *inhoud = PG_GETARG_TEXT_PP(0);
	CsvOutput	out;
	CsvInput	in;

	csv_begin_output(fcinfo, &out);
	out.from_utf8 = false;
	memset(&in, 0, sizeof(in));
	in.buf = VARDATA_ANY(inhoud);
	in.len = VARSIZE_ANY_EXHDR(inhoud);
	csv_parse(&out, &in);
	return (Datum) 0;
}

/*
 * verzuim.csv_regels_bestand(pad text): the same for a server-side file in
 * UTF-8, read in blocks (any size).  Same privilege rule as COPY FROM a file:
 * superuser or a member of pg_read_server_files.
 */
Datum
verzuim_csv_regels_bestand(PG_FUNCTION_ARGS)
{
	char	   *pad = text_to_cstring(PG_GETARG_TEXT_PP(0));
	CsvOutput	out;
	CsvInput	in;

	csv_bestand_open(&in, pad);
	csv_begin_output(fcinfo, &out);
	out.from_utf8 = true;
	csv_parse(&out, &in);
	csv_bestand_sluit(&in);
	return (Datum) 0;
}

/* ------------------------------------------------------------------------
 * Soft validation of one value
 * ------------------------------------------------------------------------ */

static inline bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* n digits at s; returns their value or -1 */
static int
digits(const char *s, int n)
{
	int			v = 0;

	for (int i = 0; i < n; i++)
	{
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * YYYY-MM-DD at s (exactly 10 chars).  Returns NULL when valid, else a
 * reason prefixed with its SQLSTATE.
 */
static const char *
check_iso_date(const char *s)
{
	int			y = digits(s, 4),
				m = digits(s + 5, 2),
				d = digits(s + 8, 2);

	if (y < 0 || m < 0 || d < 0 || s[4] != '-' || s[7] != '-')
		return "22007 not a date in the form YYYY-MM-DD";
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > kalender_dagen_in_maand(y, m))
		return "22008 not an existing calendar date";
	return NULL;
}

/*
 * A date column of the loader: YYYY-MM-DD within the school calendar.  A
 * date the calendar does not cover (9999-12-31 for "unknown") would make
 * every later computation over the table fail with 22008 without naming the
 * row, so it is refused here, per line.  (Every date of the registration
 * tables is a school or leerplicht date; pupils born before 1969-08-01 are
 * far beyond the leerplicht age.)
 */
static const char *
check_date(const char *s, int len)
{
	const char *r;

	if (len != 10)
		return "22007 not a date in the form YYYY-MM-DD";
	r = check_iso_date(s);
	if (r == NULL && (memcmp(s, "1969-08-01", 10) < 0 || memcmp(s, "2100-07-31", 10) > 0))
		r = "22008 outside the school calendar: dates must lie from 1969-08-01 to 2100-07-31";
	return r;
}

/* YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]][Z|(+|-)HH[[:]MM]] */
static const char *
check_timestamp(const char *s, int len)
{
	static const char *syntax = "22007 not a timestamp in the form YYYY-MM-DD HH:MM:SS+HH:MM (time and offset optional)";
	const char *r;
	int			p = 10;

	if (len < 10)
		return syntax;
	r = check_iso_date(s);
	if (r != NULL)
		return strncmp(r, "22007", 5) == 0 ? syntax : r;
	if (p == len)
		return NULL;
	if (s[p] != ' ' && s[p] != 'T')
		return syntax;
	p++;
	if (len - p < 5 || digits(s + p, 2) < 0 || s[p + 2] != ':' || digits(s + p + 3, 2) < 0)
		return syntax;
	if (digits(s + p, 2) > 23 || digits(s + p + 3, 2) > 59)
		return "22008 time of day out of range";
	p += 5;
	if (p < len && s[p] == ':')
	{
		if (len - p < 3 || digits(s + p + 1, 2) < 0)
			return syntax;
		if (digits(s + p + 1, 2) > 59)
			return "22008 time of day out of range";
		p += 3;
		if (p < len && s[p] == '.')
		{
			int			nf = 0;

			p++;
			while (p < len && is_digit(s[p]))
				p++, nf++;
			if (nf < 1 || nf > 6)
				return syntax;
		}
	}
	if (p == len)
		return NULL;
	if (s[p] == 'Z' && p + 1 == len)
		return NULL;
	if (s[p] == '+' || s[p] == '-')
	{
		p++;
		if (len - p < 2 || digits(s + p, 2) < 0)
			return syntax;
		if (digits(s + p, 2) > 15)
			return "22009 time zone offset out of range";
		p += 2;
		if (p == len)
			return NULL;
		if (s[p] == ':')
			p++;
		if (len - p != 2 || digits(s + p, 2) < 0)
			return syntax;
		if (digits(s + p, 2) > 59)
			return "22009 time zone offset out of range";
		return NULL;
	}
	return syntax;
}

static const char *
check_integer(const char *s, int len, Oid typid)
{
	int			p = 0;
	bool		neg = false;
	uint64		v = 0;
	uint64		max;
	const char *tname = (typid == INT2OID) ? "smallint" : (typid == INT4OID) ? "integer" : "bigint";

	if (p < len && (s[p] == '+' || s[p] == '-'))
		neg = (s[p++] == '-');
	if (p == len)
		return "22P02 not a whole number";
	max = (typid == INT2OID) ? (uint64) PG_INT16_MAX :
		(typid == INT4OID) ? (uint64) PG_INT32_MAX : (uint64) PG_INT64_MAX;
	if (neg)
		max += 1;
	for (; p < len; p++)
	{
		if (!is_digit(s[p]))
			return "22P02 not a whole number";
		if (v > (max - (uint64) (s[p] - '0')) / 10)
		{
			/* still a number: keep checking the syntax first */
			for (p++; p < len; p++)
				if (!is_digit(s[p]))
					return "22P02 not a whole number";
			return psprintf("22003 out of range for type %s", tname);
		}
		v = v * 10 + (uint64) (s[p] - '0');
	}
	return NULL;
}

/* [+-]digits[.digits] or [+-].digits; with typmod: precision and scale */
static const char *
check_numeric(const char *s, int len, int32 typmod)
{
	int			p = 0;
	int			intstart,
				intlen,
				fraclen = 0;

	if (p < len && (s[p] == '+' || s[p] == '-'))
		p++;
	intstart = p;
	while (p < len && is_digit(s[p]))
		p++;
	intlen = p - intstart;
	if (p < len && s[p] == '.')
	{
		int			fracstart = ++p;

		while (p < len && is_digit(s[p]))
			p++;
		fraclen = p - fracstart;
		if (p != len || (intlen == 0 && fraclen == 0))
			return "22P02 not a number (use a decimal point, no thousands separators)";
		/* trailing zeros do not count as decimals */
		while (fraclen > 0 && s[fracstart + fraclen - 1] == '0')
			fraclen--;
	}
	else if (p != len || intlen == 0)
		return "22P02 not a number (use a decimal point, no thousands separators)";

	/* leading zeros do not count as digits */
	while (intlen > 0 && s[intstart] == '0')
		intstart++, intlen--;

	if (typmod >= (int32) VARHDRSZ)
	{
		int			precision = ((typmod - VARHDRSZ) >> 16) & 0xffff;
		int			scale = (typmod - VARHDRSZ) & 0x7ff;

		if (scale < 0 || scale > precision)
			return NULL;		/* unusual typmods: leave them to numeric_in */
		if (fraclen > scale)
			return psprintf("22P02 more than %d decimal%s", scale, scale == 1 ? "" : "s");
		if (intlen > precision - scale)
			return psprintf("22003 out of range for numeric(%d,%d)", precision, scale);
	}
	return NULL;
}

static const char *
check_enum(const char *s, int len, Oid typid)
{
	StringInfoData buf;
	CatCList   *list;
	int		   *order;
	int			n;
	char		label[NAMEDATALEN];

	if (len < NAMEDATALEN)
	{
		memcpy(label, s, len);
		label[len] = '\0';
		if (SearchSysCacheExists2(ENUMTYPOIDNAME, ObjectIdGetDatum(typid), CStringGetDatum(label)))
			return NULL;
	}

	/* unknown: list the codes in their order */
	list = SearchSysCacheList1(ENUMTYPOIDNAME, ObjectIdGetDatum(typid));
	n = list->n_members;
	order = palloc_array(int, n);
	for (int i = 0; i < n; i++)
		order[i] = i;
	/* insertion sort on enumsortorder: code lists are short */
	for (int i = 1; i < n; i++)
	{
		int			k = order[i];
		float4		ks = ((Form_pg_enum) GETSTRUCT(&list->members[k]->tuple))->enumsortorder;
		int			j = i - 1;

		while (j >= 0 &&
			   ((Form_pg_enum) GETSTRUCT(&list->members[order[j]]->tuple))->enumsortorder > ks)
		{
			order[j + 1] = order[j];
			j--;
		}
		order[j + 1] = k;
	}
	initStringInfo(&buf);
	appendStringInfo(&buf, "22P02 unknown code for %s; allowed: ", format_type_be(typid));
	for (int i = 0; i < n; i++)
	{
		Form_pg_enum e = (Form_pg_enum) GETSTRUCT(&list->members[order[i]]->tuple);

		appendStringInfo(&buf, "%s%s", i > 0 ? ", " : "", NameStr(e->enumlabel));
	}
	ReleaseSysCacheList(list);
	return buf.data;
}

/*
 * verzuim.csv_veldfout(waarde text, typ regtype, typmod int DEFAULT -1) RETURNS text
 *
 * NULL when waarde is a valid value of typ in the loader's formats, else
 * the SQLSTATE, a space and the reason.  For a domain only its base type is
 * checked (the loader checks domain constraints itself).
 */
/*
 * The reason why s (len bytes) is not a valid value of typid/typmod in the
 * loader's formats, prefixed with its SQLSTATE; NULL when it is valid.  For
 * a domain only its base type is checked.
 */
static const char *csv_veld_reden_basis(const char *s, int len, Oid typid, Oid base,
										int32 typmod, bool is_enum);

static const char *
csv_veld_reden(const char *s, int len, Oid typid, int32 typmod)
{
	Oid			base;

	if (get_typtype(typid) == TYPTYPE_DOMAIN)
		base = getBaseTypeAndTypmod(typid, &typmod);
	else
		base = typid;
	return csv_veld_reden_basis(s, len, typid, base, typmod, type_is_enum(base));
}

/* the same, the base type and typmod of a domain already looked up */
static const char *
csv_veld_reden_basis(const char *s, int len, Oid typid, Oid base, int32 typmod, bool is_enum)
{
	const char *r = NULL;

	if (is_enum)
		r = check_enum(s, len, base);
	else
	{
		switch (base)
		{
			case DATEOID:
				r = check_date(s, len);
				break;
			case TIMESTAMPTZOID:
			case TIMESTAMPOID:
				r = check_timestamp(s, len);
				break;
			case INT2OID:
			case INT4OID:
			case INT8OID:
				r = check_integer(s, len, base);
				break;
			case NUMERICOID:
				r = check_numeric(s, len, typmod);
				break;
			case BOOLOID:
				{
					char	   *c = pnstrdup(s, len);
					bool		b;

					if (!parse_bool(c, &b))
						r = "22P02 not a boolean (use true or false)";
					pfree(c);
					break;
				}
			case TEXTOID:
				break;
			case VARCHAROID:
			case BPCHAROID:
				if (typmod >= (int32) VARHDRSZ &&
					pg_mbstrlen_with_len(s, len) > typmod - (int32) VARHDRSZ)
					r = psprintf("22001 longer than %d characters", typmod - (int32) VARHDRSZ);
				break;
			default:
				ereport(ERROR,
						(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						 errmsg("the CSV loader does not support columns of type %s",
								format_type_be(typid))));
		}
	}
	return r;
}

/*
 * verzuim.csv_veldfout(waarde text, typ regtype, typmod int DEFAULT -1) RETURNS text
 *
 * NULL when waarde is a valid value of typ in the loader's formats, else
 * the SQLSTATE, a space and the reason.  For a domain only its base type is
 * checked (the loader checks domain constraints itself).
 */
Datum
verzuim_csv_veldfout(PG_FUNCTION_ARGS)
{
	text	   *waarde = PG_GETARG_TEXT_PP(0);
	Oid			typid = PG_GETARG_OID(1);
	int32		typmod = PG_ARGISNULL(2) ? -1 : PG_GETARG_INT32(2);
	const char *r;

	if (!SearchSysCacheExists1(TYPEOID, ObjectIdGetDatum(typid)))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("type with OID %u does not exist", typid),
				 errhint("Pass a column type, e.g. 'date'::regtype.")));
	if (typmod < -1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid type modifier %d", typmod),
				 errhint("Pass -1 for no modifier, or the atttypmod of a column.")));
	r = csv_veld_reden(VARDATA_ANY(waarde), VARSIZE_ANY_EXHDR(waarde), typid, typmod);
	if (r == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(r));
}

/*
 * verzuim.csv_fout_melden(sqlstate, bericht, detail, hint): raises the
 * loader's error.  The server log gets the message, DETAIL and HINT (which
 * never hold field values) but not the statement (errhidestmt) nor the
 * context (errhidecontext): the statement of a laad_csv_tekst call holds the
 * whole CSV text, and so does the context when it was called from a DO
 * block or a function.  The client gets everything, as usual.
 */
PG_FUNCTION_INFO_V1(verzuim_csv_fout_melden);

Datum
verzuim_csv_fout_melden(PG_FUNCTION_ARGS)
{
	int			code = ERRCODE_DATA_EXCEPTION;
	char	   *bericht = "the CSV data was not loaded";
	char	   *detail = NULL;
	char	   *hint = NULL;

	if (!PG_ARGISNULL(0))
	{
		char	   *s = text_to_cstring(PG_GETARG_TEXT_PP(0));

		/* five digits or upper-case letters, and never class XX (internal) */
		if (strlen(s) == 5 && strspn(s, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 5 &&
			strncmp(s, "XX", 2) != 0 && strncmp(s, "00", 2) != 0)
			code = MAKE_SQLSTATE(s[0], s[1], s[2], s[3], s[4]);
	}
	if (!PG_ARGISNULL(1))
		bericht = text_to_cstring(PG_GETARG_TEXT_PP(1));
	if (!PG_ARGISNULL(2))
		detail = text_to_cstring(PG_GETARG_TEXT_PP(2));
	if (!PG_ARGISNULL(3))
		hint = text_to_cstring(PG_GETARG_TEXT_PP(3));

	ereport(ERROR,
			(errcode(code),
			 errmsg_internal("%s", bericht),
			 detail ? errdetail_internal("%s", detail) : 0,
			 hint ? errhint("%s", hint) : 0,
			 errhidestmt(true),
			 errhidecontext(true)));
	PG_RETURN_VOID();
}

/* ------------------------------------------------------------------------
 * The quick path of laad_csv (43_loader_snel.sql): one INSERT ... SELECT
 * over the tokenizer's records, every field checked in line; any problem
 * raises, the INSERT is rolled back and the set-wise checks of csv_verwerk
 * name every bad line.
 * ------------------------------------------------------------------------ */

PG_FUNCTION_INFO_V1(verzuim_csv_kop);
PG_FUNCTION_INFO_V1(verzuim_csv_geldig);
PG_FUNCTION_INFO_V1(verzuim_csv_regel_geldig);

/*
 * verzuim.csv_kop(inhoud text, pad text): the first record of the text, or
 * of the file when pad is given (csv_regels_bestand's privilege rule), as
 * csv_regels gives it; the rest of the input is not read.
 */
Datum
verzuim_csv_kop(PG_FUNCTION_ARGS)
{
	CsvOutput	out;
	CsvInput	in;

	memset(&in, 0, sizeof(in));
	if (!PG_ARGISNULL(1))
	{
		char	   *pad = text_to_cstring(PG_GETARG_TEXT_PP(1));

		csv_bestand_open(&in, pad);
		csv_begin_output(fcinfo, &out);
		out.from_utf8 = true;
		out.max_records = 1;
		csv_parse(&out, &in);
		csv_bestand_sluit(&in);
	}
	else if (!PG_ARGISNULL(0))
	{
		text	   *inhoud = PG_GETARG_TEXT_PP(0);

		in.buf = VARDATA_ANY(inhoud);
		in.len = VARSIZE_ANY_EXHDR(inhoud);
		csv_begin_output(fcinfo, &out);
		out.from_utf8 = false;
		out.max_records = 1;
		csv_parse(&out, &in);
	}
	else
		csv_begin_output(fcinfo, &out);
	return (Datum) 0;
}

typedef struct CsvTypeCache
{
	Oid			typid;
	int32		typmod;
	Oid			base;
	int32		basetypmod;
	bool		is_enum;
} CsvTypeCache;

static void
csv_weiger(int code, const char *wat)
{
	/* always caught by the quick path, which then runs the full checks */
	ereport(ERROR,
			(errcode(code),
			 errmsg_internal("CSV %s refused by the quick path of the loader", wat)));
}

/*
 * verzuim.csv_geldig(waarde text, typ regtype, typmod int, verplicht bool) RETURNS text
 *
 * waarde itself when it is a valid value of typ in the loader's formats (as
 * csv_veldfout), NULL for an empty field that is not required; raises
 * otherwise (the SQLSTATE of the problem, no value in the message).
 */
Datum
verzuim_csv_geldig(PG_FUNCTION_ARGS)
{
	Oid			typid = PG_GETARG_OID(1);
	int32		typmod = PG_GETARG_INT32(2);
	CsvTypeCache *c = (CsvTypeCache *) fcinfo->flinfo->fn_extra;
	text	   *waarde;
	const char *r;

	if (PG_ARGISNULL(0))
	{
		if (!PG_ARGISNULL(3) && PG_GETARG_BOOL(3))
			csv_weiger(ERRCODE_NOT_NULL_VIOLATION, "field");
		PG_RETURN_NULL();
	}
	if (c == NULL || c->typid != typid || c->typmod != typmod)
	{
		if (!SearchSysCacheExists1(TYPEOID, ObjectIdGetDatum(typid)))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("type with OID %u does not exist", typid)));
		if (c == NULL)
			c = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(CsvTypeCache));
		c->typid = typid;
		c->typmod = typmod;
		c->basetypmod = typmod;
		if (get_typtype(typid) == TYPTYPE_DOMAIN)
			c->base = getBaseTypeAndTypmod(typid, &c->basetypmod);
		else
			c->base = typid;
		c->is_enum = type_is_enum(c->base);
		fcinfo->flinfo->fn_extra = c;
	}
	waarde = PG_GETARG_TEXT_PP(0);
	r = csv_veld_reden_basis(VARDATA_ANY(waarde), VARSIZE_ANY_EXHDR(waarde), c->typid, c->base,
							 c->basetypmod, c->is_enum);
	if (r != NULL)
		csv_weiger(MAKE_SQLSTATE(r[0], r[1], r[2], r[3], r[4]), "field");
	PG_RETURN_TEXT_P(waarde);
}

/*
 * verzuim.csv_regel_geldig(fout text, velden text[], n int) RETURNS boolean
 *
 * true for a well-formed record of n fields (csv_regels's fout NULL); raises
 * 22P04 otherwise.
 */
Datum
verzuim_csv_regel_geldig(PG_FUNCTION_ARGS)
{
	ArrayType  *velden;

	if (!PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		csv_weiger(ERRCODE_BAD_COPY_FILE_FORMAT, "record");
	velden = PG_GETARG_ARRAYTYPE_P(1);
	if (ARR_NDIM(velden) != 1 || ArrayGetNItems(ARR_NDIM(velden), ARR_DIMS(velden)) != PG_GETARG_INT32(2))
		csv_weiger(ERRCODE_BAD_COPY_FILE_FORMAT, "record");
	PG_RETURN_BOOL(true);
}
