#!/usr/bin/env bash
# Fill the registration tables of verzuim with a deterministic synthetic
# Netherlands (bench/generator/gen.c; calibration in bench/CALIBRATION.md).
#
#   bash bench/generate.sh --scale S --seed N [--schooljaar 2024-2025] --db DBNAME
#                          [--replace] [--split K] [--keep DIR] [--vervuiling F]
#
#   --scale S     1.0 = the Netherlands (2.7 million pupils, ~25 million absence
#                 rows); smaller = a seeded selection of whole gemeenten totalling
#                 about S x 2.7 million pupils
#   --seed N      same seed + scale + schooljaar = byte-identical table contents
#   --schooljaar  2020-2021 .. 2024-2025 (default 2024-2025)
#   --db          database in which the extension verzuim already exists;
#                 connection from PGHOST / PGPORT / PGUSER as usual
#   --replace     empty the registration tables first (otherwise they must be
#                 empty), and the tables referring to them (verzuim.schoolvrije_dag)
#   --split K     load afwezigheid over K parallel COPY sessions (default 1: one
#                 session with COPY FREEZE)
#   --keep DIR    also keep the generated COPY files in DIR (regular files)
#   --vervuiling F  plant polluted registrations at F x the rates documented in
#                 bench/generator/gen.c (default 0: none); the planted findings
#                 are written to vervuiling.copy beside the tables (kept with --keep)
#
# Fast path (superuser): every table is streamed through a FIFO into its own
# COPY session, all in parallel, with session_replication_role = replica so
# that the per-row foreign-key triggers do not fire; every foreign key is then
# checked with one LEFT JOIN scan per referencing table (the load fails and the
# tables are emptied if any row violates one), the statement triggers of the tables are
# fired once (as the COPYs would have done), the identity sequences are set
# past the generated ids and the tables are VACUUM ANALYZEd.  CHECK, NOT NULL,
# primary key and exclusion constraints are enforced during the COPY itself.
# Without superuser rights the tables are loaded one after another, in
# foreign-key order, with every constraint checked row by row (slower).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'generate.sh: %s\n' "$*" >&2; exit 1; }

scale= seed= schooljaar=2024-2025 db= replace=0 split=1 keep= vervuiling=0
while [ $# -gt 0 ]; do
    case $1 in
        --scale) scale=${2:?}; shift 2 ;;
        --seed) seed=${2:?}; shift 2 ;;
        --schooljaar) schooljaar=${2:?}; shift 2 ;;
        --db) db=${2:?}; shift 2 ;;
        --replace) replace=1; shift ;;
        --split) split=${2:?}; shift 2 ;;
        --keep) keep=${2:?}; shift 2 ;;
        --vervuiling) vervuiling=${2:?}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done
[ -n "$scale" ] && [ -n "$seed" ] && [ -n "$db" ] || die "--scale, --seed and --db are required (see --help)"
[[ $split =~ ^[0-9]+$ ]] && [ "$split" -ge 1 ] && [ "$split" -le 16 ] || die "--split must be 1..16"

# Tables in foreign-key order; afwezigheid may be split.
TABLES=(gemeente samenwerkingsverband school leerling verblijf inschrijving afwezigheid vrijstelling melding proces_verbaal)
# The columns the generator writes, in its order (other columns get their defaults).
declare -A COLS=(
    [gemeente]='gemeentecode, naam, vakantieregio'
    [samenwerkingsverband]='swv_code, naam'
    [school]='brin, naam, gemeentecode, vakantieregio, swv_code'
    [leerling]='leerling_id, geboortedatum, woongemeente, startkwalificatie_op, eerste_inschrijving'
    [verblijf]='leerling_id, gemeentecode, periode'
    [inschrijving]='inschrijving_id, leerling_id, brin, periode, onderwijssoort'
    [afwezigheid]='leerling_id, brin, datum, reden, uren'
    [vrijstelling]='vrijstelling_id, leerling_id, artikel, periode'
    [melding]='meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op, spoed, status, afgesloten_op, mas_route'
    [proces_verbaal]='pv_id, leerling_id, datum, soort'
)
# Tables no foreign key refers to: loaded with TRUNCATE + COPY FREEZE in one transaction.
FREEZABLE=" verblijf inschrijving afwezigheid vrijstelling melding proces_verbaal "

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d "$db")
q() { "${PSQL[@]}" -tAc "$1"; }
now() { echo "$EPOCHREALTIME"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# SQL: ARRAY['gemeente', ...] and "one SELECT per table" unions
TABLE_ARRAY="ARRAY[$(printf "'%s'," "${TABLES[@]}" | sed 's/,$//')]"
per_table() {	# per_table 'SQL with %t and %n' -> UNION ALL of it for every table (%n = its number)
    local i t out= sql
    for i in "${!TABLES[@]}"; do
        t=${TABLES[$i]}
        sql=${1//%t/$t}
        out+="${out:+ UNION ALL }${sql//%n/$i}"
    done
    echo "$out"
}
ALL_TABLES=$(printf 'verzuim.%s,' "${TABLES[@]}" | sed 's/,$//')

t0=$(now)
make -s -C "$HERE/generator" gen >/dev/null || die "building bench/generator/gen failed"
GEN=$HERE/generator/gen
# Validate the arguments (and the schooljaar's holiday data) before touching the database.
"$GEN" --scale "$scale" --seed "$seed" --schooljaar "$schooljaar" --info >/dev/null

# One round trip: extension present, superuser, row-level triggers other than
# the foreign-key ones (those would be skipped in replica mode).
IFS='|' read -r has_ext superuser rowtrig <<<"$(q "
  SELECT (SELECT count(*) FROM pg_extension WHERE extname = 'verzuim'),
         (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
         (SELECT count(*) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'verzuim' AND c.relname = ANY ($TABLE_ARRAY)
             AND NOT g.tgisinternal AND (g.tgtype & 1) = 1)")"
[ "$has_ext" = 1 ] \
    || die "the extension verzuim does not exist in database $db (CREATE EXTENSION verzuim CASCADE first)"
nonempty=$(q "SELECT string_agg(t, ', ') FROM ($(per_table "SELECT '%t' AS t WHERE EXISTS (SELECT 1 FROM verzuim.%t)")) x")
# Tables that refer to the registration tables (verzuim.schoolvrije_dag refers to
# school) are emptied with them by --replace.
referring=$(q "SELECT string_agg(DISTINCT k.conrelid::regclass::text, ',')
                 FROM pg_constraint k
                WHERE k.contype = 'f'
                  AND k.confrelid = ANY (SELECT format('verzuim.%I', t)::regclass FROM unnest($TABLE_ARRAY) t)
                  AND k.conrelid <> ALL (SELECT format('verzuim.%I', t)::regclass FROM unnest($TABLE_ARRAY) t)")
if [ -n "$nonempty" ]; then
    [ $replace = 1 ] || die "registration tables not empty ($nonempty); use --replace to empty them first"
    say "emptying the registration tables${referring:+ and $referring}"
    q "TRUNCATE $ALL_TABLES${referring:+,$referring} RESTART IDENTITY" >/dev/null
fi
fast=0
[ "$superuser" = t ] && [ "$rowtrig" = 0 ] && fast=1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/verzuim-gen.XXXXXX")
pids=()
cleanup() {
    local p
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() {
    say "load failed: emptying the registration tables"
    local p
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    q "TRUNCATE $ALL_TABLES${referring:+,$referring} RESTART IDENTITY" >/dev/null 2>&1 || true
    die "$1"
}

streams=()
for t in "${TABLES[@]}"; do
    if [ "$t" = afwezigheid ] && [ "$split" -gt 1 ]; then
        for ((k = 0; k < split; k++)); do streams+=("afwezigheid.$k"); done
    else
        streams+=("$t")
    fi
done

if [ $fast = 1 ]; then
    say "generating scale $scale seed $seed schooljaar $schooljaar into $db (parallel COPY, ${split} afwezigheid stream(s))"
    for s in "${streams[@]}"; do
        mkfifo "$WORK/$s.copy"
        t=${s%%.*}
        if [[ $FREEZABLE == *" $t "* ]] && [ "$s" = "$t" ]; then
            cmds=(-c "TRUNCATE verzuim.$t" -c "COPY verzuim.$t (${COLS[$t]}) FROM STDIN (FREEZE)")
        else
            cmds=(-c "COPY verzuim.$t (${COLS[$t]}) FROM STDIN")
        fi
        PGOPTIONS="${PGOPTIONS:-} -c session_replication_role=replica" \
            "${PSQL[@]}" -1 "${cmds[@]}" <"$WORK/$s.copy" 2>"$WORK/$s.err" &
        pids+=($!)
    done
    # With --keep, tee every stream into DIR as well.
    if [ -n "$keep" ]; then
        mkdir -p "$keep"
        mkdir "$WORK/gen"
        for s in "${streams[@]}"; do
            mkfifo "$WORK/gen/$s.copy"
            tee "$keep/$s.copy" <"$WORK/gen/$s.copy" >"$WORK/$s.copy" &
            pids+=($!)
        done
        outdir=$WORK/gen
    else
        outdir=$WORK
    fi
    gen_rc=0
    "$GEN" --scale "$scale" --seed "$seed" --schooljaar "$schooljaar" --split "$split" --out "$outdir" \
        --vervuiling "$vervuiling" \
        2>"$WORK/gen.log" || gen_rc=$?
    if [ -n "$keep" ] && [ -f "$outdir/vervuiling.copy" ]; then cp "$outdir/vervuiling.copy" "$keep/"; fi
    load_rc=0
    for p in "${pids[@]}"; do wait "$p" || load_rc=1; done
    pids=()
    cat "$WORK/gen.log" >&2
    for s in "${streams[@]}"; do
        [ -s "$WORK/$s.err" ] && { printf '%s: ' "$s" >&2; cat "$WORK/$s.err" >&2; }
    done
    [ $gen_rc = 0 ] || fail "the generator failed (exit $gen_rc)"
    [ $load_rc = 0 ] || fail "a COPY session failed (see above)"
    t1=$(now)
    say "generated and loaded in $(secs "$t0" "$t1") s; checking foreign keys"
    # Every foreign key of the loaded tables, one scan per referencing table:
    # a LEFT JOIN to each referenced table, counting rows without a match.
    bad=$(q "
      DO \$\$
      DECLARE c record; n bigint[]; msg text := '';
      BEGIN
        FOR c IN
          WITH fk AS (
            SELECT k.conname, k.conrelid, k.confrelid,
                   row_number() OVER (PARTITION BY k.conrelid ORDER BY k.conname) AS nr,
                   (SELECT string_agg(format('p%s.%I = c.%I', '@', b.attname, a.attname), ' AND ')
                      FROM unnest(k.conkey, k.confkey) AS x(ck, pk)
                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.ck
                      JOIN pg_attribute b ON b.attrelid = k.confrelid AND b.attnum = x.pk) AS cond,
                   (SELECT string_agg(format('c.%I IS NOT NULL', a.attname), ' AND ')
                      FROM unnest(k.conkey) AS x(ck)
                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.ck) AS nn,
                   (SELECT format('p%s.%I', '@', b.attname)
                      FROM pg_attribute b WHERE b.attrelid = k.confrelid AND b.attnum = k.confkey[1]) AS pcol
              FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid
              JOIN pg_namespace s ON s.oid = r.relnamespace
             WHERE k.contype = 'f' AND s.nspname = 'verzuim' AND r.relname = ANY ($TABLE_ARRAY))
          SELECT conrelid::regclass AS child,
                 array_agg(conname ORDER BY nr) AS names,
                 string_agg(format('count(*) FILTER (WHERE %s AND %s IS NULL)', nn, replace(pcol, '@', nr::text)),
                            ', ' ORDER BY nr) AS counts,
                 string_agg(format('LEFT JOIN %s p%s ON %s', confrelid::regclass, nr, replace(cond, '@', nr::text)),
                            ' ' ORDER BY nr) AS joins
            FROM fk GROUP BY conrelid
        LOOP
          EXECUTE format('SELECT ARRAY[%s] FROM %s c %s', c.counts, c.child, c.joins) INTO n;
          FOR i IN 1 .. cardinality(n) LOOP
            IF n[i] > 0 THEN msg := msg || format('%s: %s rows; ', c.names[i], n[i]); END IF;
          END LOOP;
        END LOOP;
        IF msg <> '' THEN RAISE EXCEPTION 'foreign key violations: %', msg; END IF;
      END \$\$;" 2>&1) || fail "$bad"
    t2=$(now)
    say "foreign keys valid ($(secs "$t1" "$t2") s)"
else
    [ "$superuser" = t ] || say "not a superuser: loading table by table with row-by-row constraint checks (slower)"
    [ "$rowtrig" = 0 ] || say "row-level triggers on the tables: loading table by table without replica mode"
    dir=${keep:-$WORK}
    mkdir -p "$dir"
    say "generating scale $scale seed $seed schooljaar $schooljaar into $dir"
    "$GEN" --scale "$scale" --seed "$seed" --schooljaar "$schooljaar" --split "$split" --out "$dir" \
        --vervuiling "$vervuiling" \
        || fail "the generator failed"
    for s in "${streams[@]}"; do
        t=${s%%.*}
        "${PSQL[@]}" -c "COPY verzuim.$t (${COLS[$t]}) FROM STDIN" <"$dir/$s.copy" || fail "COPY into verzuim.$t failed"
    done
    t2=$(now)
fi

# Statement triggers (fired by the COPYs in a normal load), identity sequences,
# statistics: one session, one transaction per -c.
post=()
for t in "${TABLES[@]}"; do post+=(-c "INSERT INTO verzuim.$t SELECT * FROM verzuim.$t WHERE false"); done
post+=(-c "DO \$\$
     DECLARE c record; m bigint;
     BEGIN
       FOR c IN SELECT k.relname, a.attname
                  FROM pg_attribute a JOIN pg_class k ON k.oid = a.attrelid
                  JOIN pg_namespace n ON n.oid = k.relnamespace
                 WHERE n.nspname = 'verzuim' AND a.attidentity <> '' AND NOT a.attisdropped
                   AND k.relname = ANY ($TABLE_ARRAY)
       LOOP
         EXECUTE format('SELECT max(%I) FROM verzuim.%I', c.attname, c.relname) INTO m;
         PERFORM setval(pg_get_serial_sequence(format('verzuim.%I', c.relname), c.attname),
                        coalesce(m, 1), m IS NOT NULL);
       END LOOP;
     END \$\$")
for t in "${TABLES[@]}"; do post+=(-c "VACUUM (ANALYZE) verzuim.$t"); done
"${PSQL[@]}" "${post[@]}" || fail "the statement triggers, sequences or VACUUM ANALYZE failed"
t3=$(now)
say "statement triggers, sequences, vacuum analyze $(secs "$t2" "$t3") s; total $(secs "$t0" "$t3") s"
"${PSQL[@]}" -P footer=off -c "SELECT tabel, rijen FROM ($(per_table "SELECT %n AS nr, '%t' AS tabel, count(*) AS rijen FROM verzuim.%t")) x ORDER BY nr"
