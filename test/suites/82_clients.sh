#!/usr/bin/env bash
# Real clients of the reporting views (issue 10, item 5): psqlODBC through
# unixODBC's isql (the path of Excel and Power BI), JDBC with a single-file Java
# program (the path of Metabase, Tableau and DBeaver; TCP on 127.0.0.1 only),
# and psql's \copy export to CSV, each logged in as a gemeente role (row-level
# security) and as a verzuim_publiek role.  Starts its own cluster listening on
# 127.0.0.1 and a free port.  Prints TAP lines.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
ensure_packages odbc-postgresql unixodbc libpostgresql-jdbc-java default-jdk-headless

n=0
failed=0
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=$((failed + 1)); [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'; fi
}
same() { if [ "$2" = "$3" ]; then result "$1" 0; else result "$1" 1 "expected: $2"$'\n'"got:      $3"; fi; }

PORT=""
for p in $(seq 55432 55531); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PORT=$p; break; fi
done
[ -n "$PORT" ] || { echo "not ok 1 - no free TCP port on 127.0.0.1"; exit 1; }
DIR=$(mktemp -d /tmp/verzuim-clients.XXXXXX)
trap 'stop_cluster "$DIR"; rm -f /tmp/psqlodbc_*.log; [ -n "${KEEP:-}" ] || rm -rf "$DIR"' EXIT
start_cluster "$DIR" "listen_addresses = '127.0.0.1'" "port = $PORT"
export PGPORT=$PORT
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d postgres "$@"; }

q -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE' -f test/data/rapportage.sql \
  -c 'SELECT verzuim.ververs_rapportage()' >/dev/null 2>"$DIR/err"
result "the extension, the reporting fixture and a refresh" $? "$(cat "$DIR/err")"
q >/dev/null 2>"$DIR/err" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bi_amsterdam') THEN CREATE ROLE bi_amsterdam LOGIN IN ROLE verzuim_analist; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bi_publiek') THEN CREATE ROLE bi_publiek LOGIN IN ROLE verzuim_publiek; END IF;
END $$;
INSERT INTO verzuim.toegang (rol, gemeentecode) VALUES ('bi_amsterdam', 'GM0363');
SQL
result "login roles for Amsterdam (verzuim_analist) and the public (verzuim_publiek)" $? "$(cat "$DIR/err")"

# --- psqlODBC ------------------------------------------------------------------------
odbc() {   # USER: runs stdin through isql, DSN-less, over TCP (-v: errors with their SQLSTATE)
    isql -v -b -k "Driver={PostgreSQL Unicode};Servername=127.0.0.1;Port=$PORT;Database=postgres;Username=$1;ConnSettings=SET search_path TO verzuim" -c -d'|' 2>&1
}
out=$(echo "SELECT gemeentecode, absoluut_verzuim, absoluut_teruggeleid FROM verzuim.leerplichttelling WHERE schooljaar = '2023-2024'" | odbc bi_amsterdam)
same "ODBC as Amsterdam: the leerplichttelling view shows only its own row" \
     $'gemeentecode|absoluut_verzuim|absoluut_teruggeleid\nGM0363|2|1' "$(grep -v '^SQLRowCount' <<<"$out")"
out=$(echo "help leerplichttelling" | odbc bi_amsterdam | cut -d'|' -f4,6 | grep -c '|')
same "ODBC SQLColumns (isql help) lists the columns of the view (header + 24)" "25" "$out"
# psqlODBC 13's SQLColumns returns an empty REMARKS column; ODBC tools read the
# comments from the catalog, as here
out=$(echo "SELECT a.attname, col_description(a.attrelid, a.attnum) FROM pg_attribute a WHERE a.attrelid = 'verzuim.leerplichttelling'::regclass AND a.attname = 'lrv_nieuw'" | odbc bi_amsterdam)
grep -q '^lrv_nieuw|Langdurig relatief verzuim, nieuwe gevallen' <<<"$out"
result "ODBC: the column comment of lrv_nieuw read from the catalog" $? "$out"
out=$(echo "SELECT leerling_id, soort, duur_dagen FROM verzuim.thuiszitters('2024-04-15')" | odbc bi_amsterdam)
same "ODBC: a set-returning function respects row-level security (Amsterdam: only 2002)" \
     $'leerling_id|soort|duur_dagen\n2002|absoluut|137' "$(grep -v '^SQLRowCount' <<<"$out")"
out=$(echo "SELECT count(*) FROM verzuim.publiek_leerplichttelling" | odbc bi_publiek)
same "ODBC as verzuim_publiek: the public telling (3 gemeenten and Nederland, 2 schooljaren)" $'count\n8' "$(grep -v '^SQLRowCount' <<<"$out")"
out=$(echo "SELECT * FROM verzuim.leerplichttelling" | odbc bi_publiek)
grep -q '42501' <<<"$out"
result "ODBC as verzuim_publiek: the pupil-level telling is refused (42501)" $? "$out"

# --- JDBC ------------------------------------------------------------------------------
out=$(cd "$DIR" && cp "$REPO_ROOT/test/clients/Rapport.java" . && chmod a+r Rapport.java && \
      java -cp /usr/share/java/postgresql.jar Rapport.java "jdbc:postgresql://127.0.0.1:$PORT/postgres" bi_amsterdam bi_publiek 2>&1)
same "JDBC getColumns: every column of the view has REMARKS (its COMMENT)" "columns 24 with remarks 24" \
     "$(grep '^columns' <<<"$out")"
grep -q '^remark absoluut_teruggeleid: Absoluut verzuim teruggeleid' <<<"$out"
result "JDBC: the REMARKS are the column comments" $? "$out"
same "JDBC getTables: the telling is a VIEW with a remark" "table VIEW remark true" "$(grep '^table' <<<"$out")"
same "JDBC as Amsterdam: a prepared query of the view shows only its row" "telling GM0363 2 1" "$(grep '^telling' <<<"$out")"
same "JDBC as Amsterdam: thuiszitters('2024-04-15') only its pupil" "thuiszitter 2002 absoluut 137" "$(grep '^thuiszitter' <<<"$out")"
same "JDBC as verzuim_publiek: 4 public rows for 2023-2024, absoluut verzuim shown only where safe" \
     "publiek rows 4 shown absoluut 1" "$(grep '^publiek rows' <<<"$out")"
same "JDBC as verzuim_publiek: the pupil-level view is refused (42501)" "publiek pupil view: 42501" \
     "$(grep '^publiek pupil' <<<"$out")"

# --- \copy to CSV ----------------------------------------------------------------------------
csv=$DIR/leerplichttelling.csv
psql -X -q -U bi_amsterdam -d postgres -c "\\copy (SELECT * FROM verzuim.leerplichttelling ORDER BY schooljaar, gemeentecode) TO '$csv' WITH (FORMAT csv, HEADER)" 2>"$DIR/err"
result "\\copy of the view to CSV as Amsterdam" $? "$(cat "$DIR/err")"
same "the CSV has the header and Amsterdam's one schooljaar with meldingen or processen-verbaal (RLS)" \
     "2|gemeentecode,gemeente,schooljaar,absoluut_verzuim|GM0363,Amsterdam,2023-2024,2" \
     "$(wc -l <"$csv")|$(sed -n '1p' "$csv" | cut -d, -f1-4)|$(sed -n '2p' "$csv" | cut -d, -f1-4)"
exit $((failed > 0))
