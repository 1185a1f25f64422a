#!/usr/bin/env bash
# Crash test of the workspace: imports a generated extract and kills the import with SIGKILL
# at random moments, KILLS times (20 by default). After each kill:
#   - PRAGMA integrity_check says ok;
#   - the workspace holds all of that import or none of it (the import's row, its six files
#     and every record, or nothing at all);
#   - the files are still mode 0600;
#   - importing again completes with exactly the extract's records (no duplicates), and a
#     further import is a no-op.
# Half the kills come at a random moment of the whole import (its length measured first); the
# other half soon after mfc reports (on standard error) that it is writing children, episodes or
# police reports, or that it is committing.
# The test fails when fewer than a quarter of the kills land mid-import (after "writing", before
# "committing").
# Run from the repository root after `swift build`:
#   bash Tests/e2e/workspace-crash.sh [path/to/mfc] [children] [kills] [seed]
set -euo pipefail

MFC="${1:-.build/debug/mfc}"
CHILDREN="${2:-10000}"
KILLS="${3:-20}"
SEED="${4:-$(date +%s)}"
[[ -x "$MFC" ]] || { echo "crash test: FAIL: no mfc binary at $MFC (run swift build first)" >&2; exit 1; }
MFC="$(cd "$(dirname "$MFC")" && pwd)/$(basename "$MFC")"
command -v sqlite3 >/dev/null || { echo "crash test: FAIL: the sqlite3 command is not installed" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/mfc-crash.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
RANDOM=$SEED
say() { echo "crash test: $*"; }
fail() { echo "crash test: FAIL: $*" >&2; exit 1; }
q() { sqlite3 -batch -noheader "$1" "$2"; }
mode() { stat -c %a "$1"; }
now() { date +%s%N; }

say "seed $SEED (rerun with: bash Tests/e2e/workspace-crash.sh $MFC $CHILDREN $KILLS $SEED)"
"$MFC" generate --seed 7 --children "$CHILDREN" --output extract >/dev/null

# wal_bytes FILE: the size of FILE's WAL, 0 when there is none.
wal_bytes() { if [[ -f "$1-wal" ]]; then stat -c %s "$1-wal"; else echo 0; fi; }
# wait_for FILE PATTERN PID: returns when a line of FILE matches PATTERN, or PID has exited.
wait_for() {
    while kill -0 "$3" 2>/dev/null && ! grep -q "$2" "$1" 2>/dev/null; do sleep 0.005; done
}
sleep_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }

# One whole import: its length, and the counts every complete import must give.
"$MFC" init --workspace full.sqlite >/dev/null
start=$(now)
"$MFC" import extract --workspace full.sqlite >/dev/null 2>full.log || fail "the calibration import failed: $(cat full.log)"
length_ms=$(( ($(now) - start) / 1000000 ))
episodes=$(q full.sqlite "SELECT count(*) FROM la_episodes")
reports=$(q full.sqlite "SELECT count(*) FROM police_reports")
children=$(q full.sqlite "SELECT count(*) FROM children")
rejects=$(q full.sqlite "SELECT count(*) FROM rejected_rows")
say "one import: ${length_ms} ms; $episodes episodes, $reports police reports, $children children"
(( episodes > 0 && reports > 0 )) || fail "the calibration import holds no records"

landed=0
for ((n = 1; n <= KILLS; n++)); do
    ws="ws$n.sqlite"
    "$MFC" init --workspace "$ws" >/dev/null
    "$MFC" import --progress extract --workspace "$ws" >/dev/null 2>"$ws.log" &
    pid=$!
    if (( n % 2 )); then
        delay_ms=$(( RANDOM % (length_ms + 1) ))
        when="${delay_ms} ms after the start"
    else
        # A moment of the writing: soon after mfc says it writes one of the large files, or
        # during the commit.
        stages=("writing children.csv" "writing la_episodes.csv" "writing police_reports.csv" "committing")
        stage="${stages[RANDOM % 4]}"
        wait_for "$ws.log" "^$stage" "$pid"
        if [[ $stage == committing ]]; then delay_ms=$(( RANDOM % 40 )); else delay_ms=$(( RANDOM % 150 )); fi
        when="${delay_ms} ms after \"$stage\""
    fi
    sleep_ms "$delay_ms"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    # The WAL's size is shown: uncommitted pages the kill left behind, which SQLite ignores.
    wal=$(wal_bytes "$ws")
    for f in "$ws" "$ws-wal" "$ws-shm"; do
        [[ ! -e "$f" ]] || [[ "$(mode "$f")" == 600 ]] || fail "kill $n: $f has mode $(mode "$f")"
    done

    check=$(q "$ws" "PRAGMA integrity_check")
    [[ "$check" == ok ]] || fail "kill $n ($when): integrity_check says: $check"
    imports=$(q "$ws" "SELECT count(*) FROM imports")
    files=$(q "$ws" "SELECT count(*) FROM import_files")
    e=$(q "$ws" "SELECT count(*) FROM la_episodes")
    p=$(q "$ws" "SELECT count(*) FROM police_reports")
    c=$(q "$ws" "SELECT count(*) FROM children")
    r=$(q "$ws" "SELECT count(*) FROM rejected_rows")
    audit=$(q "$ws" "SELECT count(*) FROM audit_log WHERE action = 'import'")
    if [[ "$imports" == 0 ]]; then
        [[ "$files/$e/$p/$c/$r/$audit" == "0/0/0/0/0/0" ]] || fail "kill $n: no import recorded but files/episodes/reports/children/rejects/audit = $files/$e/$p/$c/$r/$audit"
        state=none
    elif [[ "$imports" == 1 ]]; then
        [[ "$files/$e/$p/$c/$r/$audit" == "6/$episodes/$reports/$children/$rejects/1" ]] || fail "kill $n: a partial import: files/episodes/reports/children/rejects/audit = $files/$e/$p/$c/$r/$audit"
        state=all
    else
        fail "kill $n: $imports imports recorded"
    fi
    # Mid-import: the import had begun writing and had not begun to commit when it was killed,
    # so none of it may be kept. Killed while committing, either is right.
    if grep -q '^writing' "$ws.log" && ! grep -q '^committing' "$ws.log"; then
        landed=$((landed + 1))
        [[ $state == none ]] || fail "kill $n: killed before the commit, yet the import is in the workspace"
        where="mid-import"
    elif grep -q '^committing' "$ws.log" && ! grep -q '^committed' "$ws.log"; then
        where="while committing"
    else
        where="outside the writing"
    fi

    # Import again: the whole extract, once.
    "$MFC" import extract --workspace "$ws" >/dev/null 2>&1 || fail "kill $n: the re-import failed"
    counts=$(q "$ws" "SELECT (SELECT count(*) FROM imports), (SELECT count(*) FROM la_episodes), (SELECT count(DISTINCT episode_id) FROM la_episodes), (SELECT count(*) FROM police_reports), (SELECT count(DISTINCT police_ref) FROM police_reports), (SELECT count(*) FROM rejected_rows)")
    [[ "$counts" == "1|$episodes|$episodes|$reports|$reports|$rejects" ]] || fail "kill $n: after re-import imports|episodes|distinct|reports|distinct|rejects = $counts"
    "$MFC" import extract --workspace "$ws" 2>/dev/null | grep -q "nothing new" || fail "kill $n: a third import was not a no-op"
    [[ "$(q "$ws" "PRAGMA integrity_check")" == ok ]] || fail "kill $n: integrity_check after re-import"
    say "kill $n, $when ($where): ok, found $state; WAL ${wal} bytes"
    rm -f "$ws" "$ws-wal" "$ws-shm" "$ws.log"
done

say "$landed of $KILLS kills landed while the import was writing"
(( landed * 4 >= KILLS )) || fail "fewer than a quarter of the kills landed mid-import; use a larger extract"
say "passed"
