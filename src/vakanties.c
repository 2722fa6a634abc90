/*
 * vakanties.c — reading the school-holiday open data of the Rijksoverheid
 * from a file on the database server (verzuim.vakanties_bestand).  The
 * loading itself, verzuim.vakanties_laden(jsonb), is plpgsql
 * (src/sql/15_vakanties.sql).
 *
 * Same privilege rule as the CSV loader (verzuim.csv_regels_bestand) and as
 * COPY FROM a file: superuser or the privileges of pg_read_server_files.
 */
#include "verzuim.h"

#include <sys/stat.h>

#include "catalog/pg_authid.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

PG_FUNCTION_INFO_V1(verzuim_vakanties_bestand);

Datum
verzuim_vakanties_bestand(PG_FUNCTION_ARGS)
{
	char	   *pad = text_to_cstring(PG_GETARG_TEXT_PP(0));
	FILE	   *f;
	struct stat st;
	char	   *buf;
	size_t		n;

	f = verzuim_open_server_file(pad, "Send the file content instead: verzuim.vakanties_laden(inhoud::jsonb), e.g. in psql with \\set inhoud `cat file.json`.");
	if (fstat(fileno(f), &st) != 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not stat file \"%s\": %m", verzuim_kort(pad))));
	if ((Size) st.st_size >= MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("file \"%s\" is too large (at most 1 GB)", verzuim_kort(pad))));

	buf = palloc((Size) st.st_size + 1);
	n = fread(buf, 1, (size_t) st.st_size, f);
	if (ferror(f))
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not read file \"%s\": %m", verzuim_kort(pad))));
	FreeFile(f);
	buf[n] = '\0';

	/* a byte order mark is not JSON */
	if (n >= 3 && (unsigned char) buf[0] == 0xEF && (unsigned char) buf[1] == 0xBB &&
		(unsigned char) buf[2] == 0xBF)
		buf += 3;
	/* JSON files are UTF-8 (RFC 8259): check, and convert to the server encoding */
	buf = pg_any_to_server(buf, strlen(buf), PG_UTF8);
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf)));
}
