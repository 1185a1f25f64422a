#!/usr/bin/env bash
# mfc against DuckDB on the same files, in turn on the same machine:
#   bash Benchmarks/peers/run.sh DIR [RUNS]
# RUNS times each (default 5), alternating which goes first: the DuckDB pipeline
# (duckdb/pipeline.py: load, exact link, build the combined incidents, a scorecard per authority,
# export) and `mfc-bench DIR --once` (mfc's import and link with the model, then the export).
# Each process is timed from outside by /usr/bin/time (wall, user + system time, peak resident
# memory); each tool also times its own phases. Then the medians with their ranges, and the
# ratios mfc / DuckDB.
# DIR: a folder `mfc generate` wrote, e.g.
#   .build/release/mfc generate --seed 7 --children 150000 --output /tmp/g150k
# Environment: MFC_BENCH (default .build/release/mfc-bench), MFC_BENCH_FLAGS (e.g. --rules),
# MFC_PEER_VENV and DUCKDB_VERSION (see duckdb/setup.sh), DUCKDB_THREADS (default: every core).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DIR="${1:-}"
RUNS="${2:-5}"
MFC_BENCH="${MFC_BENCH:-$ROOT/.build/release/mfc-bench}"
read -r -a MFC_FLAGS <<<"${MFC_BENCH_FLAGS:-}"

usage() { echo "usage: bash Benchmarks/peers/run.sh DIR [RUNS]" >&2; exit 2; }
[[ -n "$DIR" ]] || usage
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: RUNS must be a whole number of 1 or more, not '$RUNS'" >&2; usage; }
if [[ ! -x "$MFC_BENCH" ]]; then
    echo "run.sh: no release mfc-bench at $MFC_BENCH; build it first, from $ROOT:" >&2
    echo "  swift build -c release --product mfc-bench" >&2
    exit 1
fi
for file in children la_episodes police_reports homes authorities forces; do
    if [[ ! -f "$DIR/$file.csv" ]]; then
        echo "run.sh: $DIR/$file.csv is missing; make the data with the release mfc:" >&2
        echo "  swift build -c release --product mfc && .build/release/mfc generate --seed 7 --children 150000 --output $DIR" >&2
        exit 1
    fi
done
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

PYTHON="$(bash "$HERE/duckdb/setup.sh")"
T="$(mktemp -d "${TMPDIR:-/tmp}/mfc-peers.XXXXXX")"
trap 'rm -rf "$T"' EXIT
RESULTS="$T/results"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data: $DIR ($(($(wc -l <"$DIR/la_episodes.csv") - 1)) LA episode lines, $(($(wc -l <"$DIR/police_reports.csv") - 1)) police report lines, $(du -shL "$DIR" | cut -f1))"
echo "mfc: $MFC_BENCH${MFC_FLAGS[*]:+ ${MFC_FLAGS[*]}} (checkout $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no git")); DuckDB $("$PYTHON" -c 'import duckdb; print(duckdb.__version__)')"

# TOOL RUN COMMAND...: runs COMMAND under /usr/bin/time, appends one line to RESULTS.
measure() {
    local tool=$1 run=$2; shift 2
    if ! /usr/bin/time -f "%e %U %S %M" -o "$T/time" "$@" >"$T/out" 2>"$T/err"; then
        echo "run.sh: $tool run $run failed:" >&2
        cat "$T/err" >&2
        exit 1
    fi
    local figures
    figures="$(head -1 "$T/out")"
    read -r wall user system kib <"$T/time"
    local line="tool=$tool run=$run $figures process_wall=$wall process_cpu=$(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f", u + s}') process_peak_mib=$((kib / 1024))"
    echo "$line" >>"$RESULTS"
    echo "$line"
}
duckdb_run() { measure duckdb "$1" "$PYTHON" "$HERE/duckdb/pipeline.py" "$DIR" --threads "${DUCKDB_THREADS:-$(nproc)}"; }
mfc_run() { measure mfc "$1" "$MFC_BENCH" "$DIR" --once "${MFC_FLAGS[@]}"; }

for ((r = 1; r <= RUNS; r++)); do
    if ((r % 2 == 1)); then duckdb_run "$r"; mfc_run "$r"; else mfc_run "$r"; duckdb_run "$r"; fi
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
"$PYTHON" "$HERE/summarise.py" "$RESULTS"
