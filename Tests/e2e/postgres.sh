#!/usr/bin/env bash
# End-to-end test of the shared PostgreSQL workspace, against the server that MFC_TEST_POSTGRES
# names (a superuser's connection string to its maintenance database; .ci/run starts a
# throwaway cluster and sets it). Each part makes its own database:
#   1. the same imports give byte-identical `mfc incidents --format csv` on SQLite and on
#      PostgreSQL: the sample data, and a generated set of about 20k LA episodes;
#   2. roles: an authority's user, through psql and through mfc, sees no child of another
#      authority and no incident outside its own (responsible or host); an auditor sees the
#      audit log only; the audit log names the database users;
#   3. 8 processes at once: 4 import their authority's children and episodes, 4 reviewers
#      decide the same 30 pairs; afterwards the counts add up, each pair is decided once, and
#      the audit log has one entry per decision and per import;
#   4. crash: 20 imports killed with SIGKILL leave nothing of themselves (the import's row,
#      its files, its records: all or nothing), and the next import is whole.
# Run from the repository root after `swift build`:
#   MFC_TEST_POSTGRES=postgresql://postgres@/postgres?host=/path/sock bash Tests/e2e/postgres.sh [path/to/mfc]
set -euo pipefail

MFC="${1:-.build/debug/mfc}"
[[ -x "$MFC" ]] || { echo "postgres test: FAIL: no mfc binary at $MFC (run swift build first)" >&2; exit 1; }
MFC="$(cd "$(dirname "$MFC")" && pwd)/$(basename "$MFC")"
SAMPLE="$(pwd)/SampleData"
[[ -n "${MFC_TEST_POSTGRES:-}" ]] || { echo "postgres test: FAIL: MFC_TEST_POSTGRES is not set (a superuser's postgresql:// string)" >&2; exit 1; }
PSQL="${MFC_TEST_PGBIN:+$MFC_TEST_PGBIN/}psql"
command -v "$PSQL" >/dev/null || PSQL=psql
unset MFC_WORKSPACE PGPASSWORD

WORK="$(mktemp -d "${TMPDIR:-/tmp}/mfc-pg-e2e.XXXXXX")"
DBS=()
cleanup() {
    jobs -p | xargs -r kill 2>/dev/null || true
    wait 2>/dev/null || true
    for db in "${DBS[@]}"; do "$PSQL" -q "$MFC_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
    for user in mfc_e2e_la901 mfc_e2e_la902 mfc_e2e_audit mfc_e2e_imp1 mfc_e2e_imp2 mfc_e2e_imp3 mfc_e2e_imp4 \
        mfc_e2e_rev1 mfc_e2e_rev2 mfc_e2e_rev3 mfc_e2e_rev4; do
        "$PSQL" -q "$MFC_TEST_POSTGRES" -c "DROP OWNED BY $user CASCADE; DROP ROLE IF EXISTS $user" >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"
say() { echo "postgres test: $*"; }
fail() { echo "postgres test: FAIL: $*" >&2; exit 1; }
export PGOPTIONS="-c client_min_messages=warning"
admin() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -At "$MFC_TEST_POSTGRES" -c "$1"; }

# The server's socket folder, from the maintenance string.
HOSTPART="${MFC_TEST_POSTGRES#*\?}"
# url DB [USER]: a connection string for DB as USER (postgres by default).
url() { echo "postgresql://${2:-postgres}@/$1?$HOSTPART"; }
# q DB USER SQL: one query's rows, as USER.
q() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -At "$(url "$1" "$2")" -c "$3"; }
newdb() {
    local db="mfc_e2e_$1_$$"
    admin "DROP DATABASE IF EXISTS $db" >/dev/null
    admin "CREATE DATABASE $db" >/dev/null
    DBS+=("$db")
    echo "$db"
}
role() { admin "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$1') THEN CREATE ROLE $1 LOGIN; END IF; END \$\$"; }

# --- 1. Byte-identical CSV on both engines ----------------------------------------------------
same_csv() {  # NAME FOLDER
    local db; db=$(newdb "$1")
    "$MFC" init --workspace "$1.sqlite" >/dev/null
    "$MFC" import "$2" --workspace "$1.sqlite" >/dev/null 2>&1 || fail "$1: the SQLite import failed"
    "$MFC" init --workspace "$(url "$db")" >/dev/null || fail "$1: mfc init on PostgreSQL failed"
    "$MFC" import "$2" --workspace "$(url "$db")" >/dev/null 2>"$1.pg.log" || fail "$1: the PostgreSQL import failed: $(cat "$1.pg.log")"
    "$MFC" incidents --format csv --workspace "$1.sqlite" >"$1.sqlite.csv" 2>/dev/null
    "$MFC" incidents --format csv --workspace "$(url "$db")" >"$1.pg.csv" 2>/dev/null
    # Again, from the linked snapshot each engine kept.
    "$MFC" incidents --format csv --workspace "$(url "$db")" >"$1.pg2.csv" 2>/dev/null
    [[ $(wc -l <"$1.sqlite.csv") -gt 100 ]] || fail "$1: the SQLite workspace gave too few incidents"
    cmp "$1.sqlite.csv" "$1.pg.csv" || fail "$1: mfc incidents --format csv differs between SQLite and PostgreSQL"
    cmp "$1.sqlite.csv" "$1.pg2.csv" || fail "$1: PostgreSQL's kept snapshot gives other incidents"
    say "$1: $(($(wc -l <"$1.pg.csv") - 1)) incidents, byte-identical on SQLite and PostgreSQL (sha256 $(sha256sum <"$1.pg.csv" | cut -c1-16))"
}
same_csv sample "$SAMPLE"
"$MFC" generate --seed 11 --children 3000 --output g20k >/dev/null
say "generated set: $(($(wc -l <g20k/la_episodes.csv) - 1)) LA episodes, $(($(wc -l <g20k/police_reports.csv) - 1)) police reports"
same_csv g20k g20k

# --- 2. Roles and row-level security ----------------------------------------------------------
DB=$(newdb roles)
HUB="$(url "$DB")"
"$MFC" init --workspace "$HUB" >/dev/null
"$MFC" import "$SAMPLE" --workspace "$HUB" >/dev/null 2>&1 || fail "roles: the hub's import failed"
role mfc_e2e_la901; role mfc_e2e_la902; role mfc_e2e_audit
"$MFC" grant authority 901 --to mfc_e2e_la901 --workspace "$HUB" >/dev/null || fail "roles: mfc grant authority failed"
"$MFC" grant authority 902 --to mfc_e2e_la902 --workspace "$HUB" >/dev/null
"$MFC" grant auditor --to mfc_e2e_audit --workspace "$HUB" >/dev/null
all_children=$(q "$DB" postgres "SELECT count(*) FROM children")
own=$(q "$DB" mfc_e2e_la901 "SELECT count(*) FROM children")
others=$(q "$DB" mfc_e2e_la901 "SELECT count(*) FROM children WHERE local_authority <> '901'")
expected=$(q "$DB" postgres "SELECT count(*) FROM children WHERE local_authority = '901'")
[[ $others == 0 ]] || fail "roles: psql as authority 901 sees $others children of other authorities"
[[ $own == "$expected" && $own -gt 0 ]] || fail "roles: psql as authority 901 sees $own children, expected $expected"
stray=$(q "$DB" mfc_e2e_la901 "SELECT count(*) FROM la_episodes e WHERE e.local_authority <> '901'
    AND NOT EXISTS (SELECT 1 FROM homes h WHERE h.urn = e.placement_urn AND h.local_authority = '901')")
[[ $stray == 0 ]] || fail "roles: psql as authority 901 sees $stray episodes outside its children and its area"
say "roles: psql as authority 901 sees $own of $all_children children, all its own; every episode its own or in its area"
# Through mfc: no incident that is neither 901's child nor in 901's area.
"$MFC" incidents --format csv --workspace "$(url "$DB" mfc_e2e_la901)" >la901.csv 2>la901.err || fail "roles: mfc as authority 901 failed: $(cat la901.err)"
rows=$(($(wc -l <la901.csv) - 1))
outside=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["responsible_authority"] != "901" && $col["host_authority"] != "901" { n++ } END { print n + 0 }' la901.csv)
[[ $rows -gt 0 ]] || fail "roles: mfc as authority 901 shows no incident"
[[ $outside == 0 ]] || fail "roles: mfc as authority 901 shows $outside incidents of other authorities outside its area"
total=$(($(wc -l <sample.pg.csv) - 1))
say "roles: mfc as authority 901 shows $rows of $total incidents, each 901's child or in 901's area"
# Writing another authority's child is refused by the server.
if q "$DB" mfc_e2e_la901 "UPDATE children SET given_name = 'x' WHERE local_authority = '902'" | grep -q .; then :; fi
changed=$(q "$DB" postgres "SELECT count(*) FROM children WHERE given_name = 'x'")
[[ $changed == 0 ]] || fail "roles: authority 901 changed another authority's children"
# The auditor: the audit log, nothing else.
[[ $(q "$DB" mfc_e2e_audit "SELECT count(*) FROM audit_log") -gt 0 ]] || fail "roles: the auditor sees no audit entry"
if q "$DB" mfc_e2e_audit "SELECT count(*) FROM children" >/dev/null 2>&1; then fail "roles: the auditor can read children"; fi
"$MFC" audit --workspace "$(url "$DB" mfc_e2e_audit)" >audit.txt || fail "roles: mfc audit as the auditor failed"
grep -q "grant" audit.txt || fail "roles: the audit log does not list the grants"
# Who: the database user, whatever the operating system says.
USER=someone-else "$MFC" decide accept --police-ref "$(q "$DB" mfc_e2e_la901 "SELECT police_ref FROM police_reports ORDER BY 1 LIMIT 1")" \
    --episode "$(q "$DB" mfc_e2e_la901 "SELECT episode_id FROM la_episodes WHERE local_authority = '901' ORDER BY 1 LIMIT 1")" \
    --reason "e2e" --workspace "$(url "$DB" mfc_e2e_la901)" >/dev/null || fail "roles: a decision by authority 901 failed"
[[ $(q "$DB" postgres "SELECT username FROM audit_log WHERE action = 'decision'") == mfc_e2e_la901 ]] \
    || fail "roles: the audit log does not name the database user"
say "roles: the auditor reads the audit log only; entries name the database user"

# --- 3. Eight at once -------------------------------------------------------------------------
DB=$(newdb many)
HUB="$(url "$DB")"
# The generated set of part 1: the registers, the police reports and the first authority's
# records first; then four folders, the halves of the other two authorities' children (each
# with its children's episodes), one per importer.
mapfile -t LAS < <(tail -n +2 g20k/authorities.csv | cut -d, -f1 | sort)
(( ${#LAS[@]} >= 3 )) || fail "many: the generated set has fewer than 3 authorities"
split_la() {  # AUTHORITY HALF(0 or 1) FOLDER
    mkdir -p "$3"
    awk -F, -v la="$1" -v half="$2" 'NR == 1 || ($2 == la && (half < 0 || NR % 2 == half))' g20k/children.csv >"$3/children.csv"
    awk -F, 'NR == FNR { if (FNR > 1) keep[$1] = 1; next } FNR == 1 || ($2 in keep)' "$3/children.csv" g20k/la_episodes.csv >"$3/la_episodes.csv"
}
mkdir -p base
cp g20k/forces.csv g20k/authorities.csv g20k/homes.csv g20k/police_reports.csv base/
split_la "${LAS[0]}" -1 base
"$MFC" init --workspace "$HUB" >/dev/null
"$MFC" import base --workspace "$HUB" >/dev/null 2>&1 || fail "many: the base import failed"
for i in 1 2 3 4; do
    LA[i]=${LAS[$(( (i + 1) / 2 ))]}
    split_la "${LA[i]}" $((i % 2)) "la$i"; role "mfc_e2e_imp$i"; role "mfc_e2e_rev$i"
done
for i in 1 2 3 4; do
    "$MFC" grant authority "${LA[i]}" --to "mfc_e2e_imp$i" --workspace "$HUB" >/dev/null
    "$MFC" grant hub --to "mfc_e2e_rev$i" --workspace "$HUB" >/dev/null
done
# 30 pairs of the base import's records, every reviewer deciding all of them in its own order.
q "$DB" postgres "SELECT p.police_ref || ' ' || e.episode_id FROM
    (SELECT police_ref, row_number() OVER (ORDER BY police_ref) n FROM police_reports) p
    JOIN (SELECT episode_id, row_number() OVER (ORDER BY episode_id) n FROM la_episodes) e USING (n) WHERE n <= 30" >pairs.txt
[[ $(wc -l <pairs.txt) == 30 ]] || fail "many: fewer than 30 pairs to decide"
imports_before=$(q "$DB" postgres "SELECT count(*) FROM imports")
pids=()
for i in 1 2 3 4; do
    "$MFC" import "la$i" --workspace "$(url "$DB" "mfc_e2e_imp$i")" >"imp$i.log" 2>&1 &
    pids+=($!)
    (
        shuf --random-source=<(yes "$i") pairs.txt | while read -r ref episode; do
            if "$MFC" decide reject --police-ref "$ref" --episode "$episode" --reason "reviewer $i" \
                --workspace "$(url "$DB" "mfc_e2e_rev$i")" >>"rev$i.out" 2>>"rev$i.err"; then echo won >>"rev$i.count"; fi
        done
    ) &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || fail "many: a process failed (see $(grep -l . imp*.log | head -1))"; done
children_expected=$(($(wc -l <base/children.csv) - 1))
episodes_expected=$(($(wc -l <base/la_episodes.csv) - 1))
for i in 1 2 3 4; do
    children_expected=$((children_expected + $(wc -l <"la$i/children.csv") - 1))
    episodes_expected=$((episodes_expected + $(wc -l <"la$i/la_episodes.csv") - 1))
done
[[ $(q "$DB" postgres "SELECT count(*) FROM children") == "$children_expected" ]] || fail "many: children do not add up"
[[ $(q "$DB" postgres "SELECT count(*) FROM la_episodes") == "$episodes_expected" ]] || fail "many: episodes do not add up"
[[ $(q "$DB" postgres "SELECT count(*) FROM imports") == $((imports_before + 4)) ]] || fail "many: not one import per importer"
[[ $(q "$DB" postgres "SELECT count(*) FROM audit_log WHERE action = 'import'") == $((imports_before + 4)) ]] || fail "many: not one audit entry per import"
decisions=$(q "$DB" postgres "SELECT count(*) FROM decisions")
pairs=$(q "$DB" postgres "SELECT count(DISTINCT (police_ref, episode_id)) FROM decisions")
audited=$(q "$DB" postgres "SELECT count(*) FROM audit_log WHERE action = 'decision'")
won=$(cat rev*.count 2>/dev/null | wc -l)
refused=$(cat rev*.err 2>/dev/null | grep -c "decided meanwhile" || true)
[[ $decisions == 30 && $pairs == 30 ]] || fail "many: $decisions decisions on $pairs pairs, expected 30 on 30"
[[ $audited == 30 ]] || fail "many: $audited audit entries for 30 decisions"
[[ $won == 30 && $refused == 90 ]] || fail "many: $won decisions went through and $refused were refused, expected 30 and 90"
[[ $(q "$DB" postgres "SELECT count(*) FROM (SELECT d.id FROM decisions d JOIN audit_log a ON a.detail LIKE 'decision ' || d.id || ':%' AND a.username = d.username) t") == 30 ]] \
    || fail "many: a decision's audit entry is missing or names another user"
say "many: 4 imports and 120 decisions on 30 pairs at once: $children_expected children, $episodes_expected episodes; 30 decisions, 90 refused, 30 audit entries"

# --- 4. Crash: SIGKILL during an import -------------------------------------------------------
DB=$(newdb crash)
WS="$(url "$DB")"
"$MFC" generate --seed 7 --children 3000 --output crash >/dev/null
"$MFC" init --workspace "$WS" >/dev/null
now() { date +%s%N; }
start=$(now)
"$MFC" import crash --workspace "$WS" >/dev/null 2>&1 || fail "crash: the calibration import failed"
length_ms=$(( ($(now) - start) / 1000000 ))
full=$(q "$DB" postgres "SELECT (SELECT count(*) FROM la_episodes) || ' ' || (SELECT count(*) FROM police_reports) || ' ' || (SELECT count(*) FROM children)")
say "crash: one import takes ${length_ms} ms and holds $full (episodes, reports, children)"
RANDOM=7
landed=0
for ((n = 1; n <= 20; n++)); do
    admin "DROP DATABASE $DB WITH (FORCE)" >/dev/null; admin "CREATE DATABASE $DB" >/dev/null
    "$MFC" init --workspace "$WS" >/dev/null
    "$MFC" import --progress crash --workspace "$WS" >/dev/null 2>"kill$n.log" &
    pid=$!
    delay_ms=$(( RANDOM % (length_ms + 1) ))
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    grep -q "^writing" "kill$n.log" && ! grep -q "^committed\|^imported" "kill$n.log" && landed=$((landed + 1)) || true
    # The server ends the killed client's session and rolls its transaction back.
    for _ in $(seq 100); do
        [[ $(admin "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB' AND state <> 'idle'") == 0 ]] && break
        sleep 0.1
    done
    state=$(q "$DB" postgres "SELECT (SELECT count(*) FROM imports) || ' ' || (SELECT count(*) FROM import_files) || ' ' ||
        (SELECT count(*) FROM la_episodes) || ' ' || (SELECT count(*) FROM police_reports) || ' ' || (SELECT count(*) FROM children)")
    case "$state" in
        "0 0 0 0 0") ;;
        "1 6 $full") ;;
        *) fail "crash: kill $n after ${delay_ms} ms left part of an import: $state" ;;
    esac
    "$MFC" import crash --workspace "$WS" >/dev/null 2>&1 || fail "crash: the import after kill $n failed"
    [[ $(q "$DB" postgres "SELECT (SELECT count(*) FROM la_episodes) || ' ' || (SELECT count(*) FROM police_reports) || ' ' || (SELECT count(*) FROM children)") == "$full" ]] \
        || fail "crash: the import after kill $n does not hold the extract's records"
done
say "crash: 20 kills, each leaving all of the import or none of it ($landed while writing)"
say "passed"
