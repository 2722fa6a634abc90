#!/usr/bin/env bash
# Settings made before the verzuim library is loaded (issue 7, item 4).
#
# "SET verzuim.x = ..." in a session where the library is not loaded yet only
# creates a placeholder; PostgreSQL checks it when the library loads and, when
# it is invalid, warns and keeps the default.  verzuim then refuses to compute
# with a setting the session did not ask for: the first use raises 22023
# naming the setting.  Every psql call below is a fresh backend, so the
# library is not loaded until a verzuim function runs.  Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."

DB=verzuim_instellingen
n=0
failed=0
q() { psql -X -q -A -t -v ON_ERROR_STOP=0 -v VERBOSITY=verbose "$@" 2>&1; }
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else
        echo "not ok $n - $1"; failed=$((failed + 1))
        [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'
    fi
}
# contains DESCRIPTION OUTPUT PATTERN...: every (extended) regex matches OUTPUT
contains() {
    local desc=$1 out=$2 p rc=0; shift 2
    for p in "$@"; do grep -qE -- "$p" <<<"$out" || rc=1; done
    result "$desc" $rc "$out"
}
lacks() {
    local desc=$1 out=$2 p rc=0; shift 2
    for p in "$@"; do grep -qE -- "$p" <<<"$out" && rc=1; done
    result "$desc" $rc "$out"
}

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
psql -X -q -d postgres -c "CREATE DATABASE $DB" >/dev/null || { echo "not ok 1 - create $DB"; exit 1; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1' EXIT
psql -X -q -d $DB -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE' >/dev/null \
    || { echo "not ok 1 - CREATE EXTENSION verzuim"; exit 1; }

# one pupil: absent Mon 2024-02-05 and Wed 2024-02-07, ziek on Tue 2024-02-06 (noord)
EPI="SELECT verzuim.episodes(d, 'noord', r)::text FROM (VALUES ('2024-02-05'::date, 'ongeoorloofd'::verzuim.reden), ('2024-02-06', 'ziek'), ('2024-02-07', 'ongeoorloofd')) v(d, r);"

out=$(q -d $DB -c "SET verzuim.ziekte_in_episode = 'telt-mee'" -c "$EPI" -c "$EPI")
contains "a typo set before the library loaded: the first use raises 22023 naming the setting and the value" "$out" \
    'ERROR:  22023: invalid value for parameter "verzuim.ziekte_in_episode": "telt-mee"' \
    'set before the verzuim library was loaded' 'session_preload_libraries'
lacks "... and no episode is computed with the default instead" "$out" '\{\['
result "... and every later use raises it too (2 errors for 2 calls)" \
    "$([ "$(grep -c 'ERROR:  22023: invalid value for parameter "verzuim.ziekte_in_episode"' <<<"$out")" -eq 2 ] && echo 0 || echo 1)" "$out"

out=$(q -d $DB -c "SET verzuim.ziekte_in_episode = 'telt-mee'" -c "$EPI" -c "SET verzuim.ziekte_in_episode = 'telt_mee'" -c "$EPI")
contains "after SET to a valid value the setting is used: telt_mee counts the sick day, one episode" "$out" \
    '^\{\[2024-02-05,2024-02-08\)\}$'
out=$(q -d $DB -c "SET verzuim.ziekte_in_episode = 'telt-mee'" -c "$EPI" -c "RESET verzuim.ziekte_in_episode" -c "$EPI")
contains "after RESET the default is used: onderbreekt, two episodes" "$out" \
    '^\{\[2024-02-05,2024-02-06\),\[2024-02-07,2024-02-08\)\}$'

out=$(q -d $DB -c "SET verzuim.ziekte_in_episode = 'telt_mee'" -c "$EPI")
contains "a valid value set before the library loaded is applied (telt_mee)" "$out" \
    '^\{\[2024-02-05,2024-02-08\)\}$'
lacks "... without a warning or an error" "$out" 'WARNING|ERROR'

out=$(q -d $DB -c "SET verzuim.norm = '3 maanden'" -c "SELECT (verzuim.thuiszit('[2024-01-08,)', '2024-06-30', 'noord')).boven_norm")
contains "an interval setting that does not parse: 22023 at first use (thuiszit)" "$out" \
    'ERROR:  22023: invalid value for parameter "verzuim.norm": "3 maanden"'

out=$(q -d $DB -c "SET verzuim.vakantieregio = 'west'" -c "SELECT verzuim.is_lesdag('2024-02-05')")
contains "verzuim.vakantieregio = 'west' set before loading: is_lesdag raises 22023 naming it" "$out" \
    'ERROR:  22023: invalid value for parameter "verzuim.vakantieregio": "west"'

out=$(q -d $DB -c "SET verzuim.goede_vrijdag_vrij = 'soms'" -c "SELECT count(*) FROM verzuim.feestdagen(2024)")
contains "verzuim.goede_vrijdag_vrij = 'soms': feestdagen raises 22023" "$out" \
    'ERROR:  22023: invalid value for parameter "verzuim.goede_vrijdag_vrij": "soms"'

out=$(q -d $DB -c "SET verzuim.volledig_schooljaar = 'augustus'" -c "SELECT verzuim.leerplicht_periode('2015-09-02', '2019-09-02', 'noord')")
contains "verzuim.volledig_schooljaar = 'augustus': leerplicht_periode raises 22023" "$out" \
    'ERROR:  22023: invalid value for parameter "verzuim.volledig_schooljaar": "augustus"'

out=$(q -d $DB -c "SET verzuim.ziekte_in_episodes = 'pauzeert'" -c "SELECT verzuim.is_lesdag('2024-02-05', 'noord')" -c "SELECT verzuim.is_lesdag('2024-02-05', 'noord')")
contains "an unknown setting name set before loading: 42704 at first use, naming it" "$out" \
    'ERROR:  42704: unrecognized configuration parameter "verzuim.ziekte_in_episodes"'
contains "... once: the next call answers (2024-02-05 is a school day)" "$out" '^t$'

out=$(q -d $DB -c "SET verzuim.lrv_drempel = '$(head -c 5000 /dev/zero | tr '\0' 9)'" -c "SELECT verzuim.is_lesdag('2024-02-05', 'noord')")
contains "a 5,000-character bad value is echoed cut to 64 characters" "$out" '"9{64}\.\.\."'
# (PostgreSQL's own WARNING at load time echoes the whole value: not ours)
lacks "... not whole, in verzuim's error" "$(grep -E '^ERROR' <<<"$out")" '9{100}'

out=$(PGOPTIONS="-c verzuim.lrv_eenheid=weken" q -d $DB -c "SELECT (verzuim.thuiszit('[2024-01-08,)', '2024-06-30', 'noord')).lrv")
contains "a bad value from the connection options (PGOPTIONS) raises 22023 at first use" "$out" \
    'ERROR:  22023: invalid value for parameter "verzuim.lrv_eenheid": "weken"'

out=$(PGOPTIONS="-c session_preload_libraries=verzuim" q -d $DB -c "SET verzuim.ziekte_in_episode = 'telt-mee'" -c "SHOW verzuim.ziekte_in_episode")
contains "with session_preload_libraries the typo fails at SET itself" "$out" \
    'ERROR:  22023: invalid value for parameter "verzuim.ziekte_in_episode": "telt-mee"' '^onderbreekt$'
out=$(PGOPTIONS="-c session_preload_libraries=verzuim" q -d $DB -c "SET verzuim.ziekte_in_episodes = 'x'")
contains "with session_preload_libraries an unknown verzuim setting fails at SET" "$out" 'ERROR:  42602: invalid configuration parameter name "verzuim.ziekte_in_episodes"'

echo "1..$n"
[ "$failed" -eq 0 ]
