#!/usr/bin/env bash
# PostgreSQL workspace figures, on a throwaway cluster in a temporary folder (Unix socket only),
# stopped on exit:
#   1. `mfc import` of the benchmark data into a new PostgreSQL workspace (COPY, one
#      transaction, then linking and keeping the snapshot), RUNS times, each into a new database,
#      split by its progress lines: reading and checking (shared with SQLite), writing (COPY and
#      the index builds: PostgreSQL's own), commit, linking and keeping the snapshot (the linking
#      shared); the SQLite import of the same data after each, for comparison;
#   1b. opening the PostgreSQL workspace to the dashboard's first screen (`mfc-bench
#      --workspace-open`, 120x40, three times in fresh processes) after the last import, each
#      followed by the same on the SQLite workspace;
#   2. 8 analysts at once: 8 scripted readers (each in a loop: one record's history, the
#      decisions, the last audit entries, the change stamp through `mfc check`-free small reads)
#      while one importer imports a second extract; every reader's command timed, the slowest
#      reported: a reader must never wait more than 1 s on the importer.
# Run as root (initdb runs as postgres) from the repository root after
# `swift build -c release --product mfc` and `--product mfc-bench`:
#   bash Benchmarks/postgres/run.sh [DATA] [RUNS]
# DATA defaults to /tmp/g150k: `mfc generate --seed 7 --children 150000 --output /tmp/g150k`.
set -euo pipefail

DATA="${1:-/tmp/g150k}"
RUNS="${2:-3}"
MFC="$(pwd)/.build/release/mfc"
BENCH="$(pwd)/.build/release/mfc-bench"
[[ -x "$MFC" && -x "$BENCH" ]] || { echo "build the release binaries first: swift build -c release --product mfc, then --product mfc-bench" >&2; exit 1; }
[[ -f "$DATA/la_episodes.csv" ]] || "$MFC" generate --seed 7 --children 150000 --output "$DATA" >/dev/null

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
T="$(mktemp -d "${TMPDIR:-/tmp}/mfc-pg-bench.XXXXXX")"
mkdir -p "$T/sock"
chown -R postgres "$T"
pg() { runuser -u postgres -- "$@"; }
trap 'pg "$PGBIN/pg_ctl" -D "$T/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$T"' EXIT
pg "$PGBIN/initdb" -D "$T/data" -A trust -U postgres >/dev/null
pg "$PGBIN/pg_ctl" -D "$T/data" -o "-k $T/sock -c listen_addresses='' -c max_wal_size=4GB" -l "$T/log" -w start >/dev/null
admin() { "$PGBIN/psql" -X -q -At "postgresql://postgres@/postgres?host=$T/sock" -c "$1"; }
url() { echo "postgresql://${2:-postgres}@/$1?host=$T/sock"; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(uptime | sed 's/.*load/load/')"
echo "data: $DATA ($(($(wc -l <"$DATA/la_episodes.csv") - 1)) episodes, $(($(wc -l <"$DATA/police_reports.csv") - 1)) police reports)"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), default settings but max_wal_size=4GB"

# --- 1. Import ---------------------------------------------------------------------------------
# at MS LINE: the milliseconds since the start at which the progress line starting with LINE came.
at() { awk -v p="$2" 'index($0, p) == length($1) + 2 { print $1; exit }' "$1"; }
for ((r = 1; r <= RUNS; r++)); do
    admin "DROP DATABASE IF EXISTS bench"; admin "CREATE DATABASE bench"
    "$MFC" init --workspace "$(url bench)" >/dev/null
    start=$(date +%s%N)
    "$MFC" import --progress "$DATA" --workspace "$(url bench)" 2>&1 >/dev/null \
        | while IFS= read -r line; do echo "$(ms "$start") $line"; done >"$T/steps"
    total=$(ms "$start")
    w=$(at "$T/steps" "writing forces"); c=$(at "$T/steps" "committing"); d=$(at "$T/steps" "committed"); l=$(at "$T/steps" "linked")
    echo "run $r: mfc import into PostgreSQL ${total} ms: reading and checking ${w} ms, writing $((c - w)) ms, commit $((d - c)) ms, linking and keeping the snapshot $((l - d)) ms"
    rm -f "$T/ws.sqlite"
    "$MFC" init --workspace "$T/ws.sqlite" >/dev/null
    start=$(date +%s%N)
    "$MFC" import "$DATA" --workspace "$T/ws.sqlite" >/dev/null 2>&1
    echo "run $r: for comparison, mfc import into SQLite just after: $(ms "$start") ms"
done
start=$(date +%s%N)
"$MFC" incidents --format csv --workspace "$(url bench)" >"$T/pg.csv" 2>/dev/null
echo "mfc incidents --format csv (PostgreSQL, from the kept snapshot) $(ms "$start") ms"
for i in 1 2 3; do
    echo "opening PostgreSQL to the first screen $i: $("$BENCH" "$DATA" --workspace-open "$(url bench)")"
    echo "  for comparison, SQLite just after: $("$BENCH" "$DATA" --workspace-open "$T/ws.sqlite")"
done
"$MFC" incidents --format csv --workspace "$T/ws.sqlite" >"$T/sqlite.csv" 2>/dev/null
cmp -s "$T/sqlite.csv" "$T/pg.csv" && echo "incidents CSV: byte-identical on both engines ($(md5sum <"$T/pg.csv" | cut -c1-32))" \
    || echo "incidents CSV: DIFFERENT between the engines"
echo "database size: $(admin "SELECT pg_size_pretty(pg_database_size('bench'))")"

# --- 2. Eight readers and one importer ---------------------------------------------------------
SECOND="$T/second"
"$MFC" generate --seed 8 --children 20000 --output "$SECOND" >/dev/null
EP=$(sed -n 2p "$DATA/la_episodes.csv" | cut -d, -f1)
commands_once() {  # FILE [N]: each reader command once, its time appended to FILE
    local out=$1 n=${2:-base}
    for cmd in "history la_episodes $EP" "decide" "audit --limit 5"; do
        local s; s=$(date +%s%N)
        # shellcheck disable=SC2086
        "$MFC" $cmd --workspace "$(url bench)" >/dev/null 2>&1 || echo "reader $n: $cmd failed" >>"$T/errors"
        echo "$(ms "$s") $cmd" >>"$out"
    done
}
reader() {  # N: loops until the importer is done, timing each command
    while [[ ! -f "$T/done" ]]; do commands_once "$T/reader$1.times" "$1"; done
}
# The same commands alone first, as the baseline.
for i in 1 2 3; do commands_once "$T/readerbase.times"; done
base=$(sort -n "$T/readerbase.times" | tail -1)
rm -f "$T/done"
for i in 1 2 3 4 5 6 7 8; do reader "$i" & done
start=$(date +%s%N)
"$MFC" import "$SECOND" --workspace "$(url bench)" >/dev/null 2>"$T/second.log" || echo "the importer failed: $(cat "$T/second.log")"
import_ms=$(ms "$start")
touch "$T/done"
wait
cat "$T"/reader[1-8].times | sort -n >"$T/all.times"
count=$(wc -l <"$T/all.times")
p50=$(awk -v n="$count" 'NR == int(n / 2) + 1 {print $1}' "$T/all.times")
p99=$(awk -v n="$count" 'NR == int(n * 0.99) + 1 {print $1}' "$T/all.times")
echo "8 readers + 1 importer: the import (20,000 children more) took ${import_ms} ms (it links and keeps a snapshot after)"
echo "  $count reader commands, each a new process that connects: p50 ${p50} ms, p99 ${p99} ms, slowest $(tail -1 "$T/all.times")"
echo "  the slowest of the same commands alone: ${base}"
[[ -f "$T/errors" ]] && { echo "  errors:"; sort | uniq -c <"$T/errors"; }
true
