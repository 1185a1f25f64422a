#!/usr/bin/env bash
# End-to-end test of partial figures, on the fixture folder with three rejected LA rows
# (Tests/IncidentModelTests/Fixtures/rejected) and the public SSDA903 fixture:
# - mfc incidents, summary and report exit 0 and say on standard error that rows were rejected;
# - mfc quality lists exactly the rejected lines;
# - the dashboard's first screen, in tmux at 80x24, carries the mark with the key of the
#   Quality view; 8 opens it, Enter lists the rejected rows; a filtered export and a report
#   export write NAME.csv.meta naming the filter;
# - an SSDA903 return alone gives blank return-interview and CSE figures and no LOW-RHI flag;
# - every CSV written is one rectangle (Python's csv module when python3 is there, else awk).
# Run from the repository root after `swift build`:
#   bash Tests/e2e/partial.sh [path/to/mfc] [capture-file]
set -euo pipefail

MFC="${1:-.build/debug/mfc}"
CAPTURE="${2:-}"
[[ -x "$MFC" ]] || { echo "partial e2e: FAIL: no mfc binary at $MFC (run swift build first)" >&2; exit 1; }
MFC="$(cd "$(dirname "$MFC")" && pwd)/$(basename "$MFC")"
FIXTURE="$PWD/Tests/IncidentModelTests/Fixtures/rejected"
SSDA903="$PWD/Tests/IncidentModelTests/Fixtures/ssda903"
command -v tmux >/dev/null || { echo "partial e2e: FAIL: tmux is not installed" >&2; exit 1; }

NAME=partial
# shellcheck source=Tests/e2e/tmux-session.sh
source "$(dirname "${BASH_SOURCE[0]}")/tmux-session.sh"

# rectangle FILE: one header, then rows with as many fields, read as CSV.
rectangle() {
    if command -v python3 >/dev/null; then
        python3 - "$1" <<'PY' || fail "$1 is not one rectangular table"
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
assert rows, "empty"
width = len(rows[0])
assert not rows[0][0].startswith("#"), "a comment line before the header"
bad = [i + 1 for i, row in enumerate(rows) if len(row) != width]
assert not bad, f"rows {bad} do not have {width} fields"
assert len(set(rows[0])) == width, "a header name twice"
PY
    else
        # No embedded quotes or line breaks in these files' fields: count commas outside quotes.
        awk -F'"' '{ n = 0; for (i = 1; i <= NF; i += 2) n += gsub(/,/, ",", $i); print n }' "$1" | sort -u | wc -l |
            grep -qx 1 || fail "$1 is not one rectangular table"
    fi
}

cd "$WORK"
export MFC_WORKSPACE="$WORK/none.sqlite"   # no workspace: the commands read the folder named

# 1. The notice, with exit status 0.
for command in "incidents" "summary" "report authorities"; do
    # shellcheck disable=SC2086
    "$MFC" $command "$FIXTURE" >"$WORK/out.txt" 2>"$WORK/err.txt" || fail "mfc $command exited $?"
    grep -q "^partial figures: 3 rows rejected and left out (la_episodes.csv 3); see mfc quality$" "$WORK/err.txt" ||
        fail "mfc $command printed no notice: $(cat "$WORK/err.txt")"
    [[ $(wc -l <"$WORK/err.txt") -eq 1 ]] || fail "mfc $command: the notice is not one line"
done
step "incidents, summary and report exit 0 and print the notice on standard error"

# 2. The quality command lists exactly the rejected lines.
"$MFC" quality "$FIXTURE" >"$WORK/quality.txt" || fail "mfc quality failed"
LINES="$(awk '/^rejected rows of la_episodes.csv:/ { on = 1; next } on && /^ *[0-9]+ / { print $1 } on && /^$/ { on = 0 }' "$WORK/quality.txt" | tr '\n' ' ')"
[[ "$LINES" == "4 5 6 " ]] || fail "mfc quality lists lines '$LINES', expected 4 5 6"
step "mfc quality lists the rejected lines 4 5 6"

# 3. The dashboard: the mark, the view, exports with their metadata.
cat >"$WORK/run.sh" <<SCRIPT
cd "$WORK"
"$MFC" dashboard "$FIXTURE"
echo "mfc exited \$?"
sleep 600
SCRIPT
T new-session -d -s e2e -x 80 -y 24 "bash --noprofile --norc $WORK/run.sh"
wait_for 'row 1/3' 20
wait_for '! partial: 8' 10
[[ -n "$CAPTURE" ]] && screen >"$CAPTURE"
step "the first screen carries the mark '! partial: 8'"
T send-keys -t e2e 8
wait_for 'la_episodes.csv +6 +3 +3 +0'
T send-keys -t e2e G k Enter
wait_for 'Quality · rejected rows of la_episodes.csv'
screen | grep -Eq '^ +4 5 started_at' || fail "line 4 is not listed"
screen | grep -Eq '^ +5 1 episode_id' || fail "line 5 is not listed"
screen | grep -Eq '^ +6 6 ended_at' || fail "line 6 is not listed"
[[ $(screen | grep -Ec '^ +[0-9]+ [0-9]+ [a-z_]+ ') -eq 3 ]] || fail "the view does not list exactly three rows"
[[ -n "$CAPTURE" ]] && { echo; screen; } >>"$CAPTURE"
T send-keys -t e2e Escape
wait_for 'Source +Read'
step "8 opens the Quality view; Enter lists exactly the three rejected rows"

# A filtered incidents export.
T send-keys -t e2e 1 f
wait_for 'Known to +Period'
T send-keys -t e2e -l "Rowan"
wait_for '1 of [0-9]'
T send-keys -t e2e Enter
wait_for 'home: Rowan'
T send-keys -t e2e e C-u
T send-keys -t e2e -l "$WORK/filtered.csv"
T send-keys -t e2e Enter
wait_for 'Exported 3 rows'
[[ -f "$WORK/filtered.csv.meta" ]] || fail "no metadata beside the export"
grep -qx 'filters: home: Rowan Sample House (SC547430)' "$WORK/filtered.csv.meta" || fail "the metadata does not name the filter"
grep -q '^source: sample data \|^source: folder or files .*Fixtures/rejected' "$WORK/filtered.csv.meta" || fail "the metadata does not name the source"
grep -q '^completeness: partial figures: 3 rows rejected' "$WORK/filtered.csv.meta" || fail "the metadata does not say the figures are partial"
[[ "$(stat -c %a "$WORK/filtered.csv.meta")" == 600 ]] || fail "the metadata is not 0600"
rectangle "$WORK/filtered.csv"
step "a filtered export writes its metadata, naming the filter"

# The authorities report, filtered, exported.
T send-keys -t e2e 2
wait_for 'Authorities  row 1/'
T send-keys -t e2e e C-u
T send-keys -t e2e -l "$WORK/authorities.csv"
T send-keys -t e2e Enter
wait_for 'Exported [0-9]+ rows?'
grep -qx 'filters: home: Rowan Sample House (SC547430)' "$WORK/authorities.csv.meta" || fail "the report's metadata does not name the filter"
grep -q '^period: ' "$WORK/authorities.csv.meta" || fail "the report's metadata has no period"
rectangle "$WORK/authorities.csv"
T send-keys -t e2e Q
wait_for 'mfc exited 0'
step "a report exported with a filter names it"

# 4. Every CSV the commands write.
for report in authorities homes forces out-of-area trends; do
    "$MFC" report "$report" "$FIXTURE" --format csv -o "$WORK/report-$report.csv" 2>/dev/null || fail "report $report"
    rectangle "$WORK/report-$report.csv"
    "$MFC" report "$report" "$FIXTURE" --format csv --suppress 3 -o "$WORK/$report-suppressed.csv" 2>/dev/null ||
        fail "report $report --suppress 3"
    rectangle "$WORK/$report-suppressed.csv"
done
"$MFC" report forces "$FIXTURE" --table homes --format csv -o "$WORK/force-homes.csv" 2>/dev/null && rectangle "$WORK/force-homes.csv"
"$MFC" report out-of-area "$FIXTURE" --table matrix --format csv -o "$WORK/matrix.csv" 2>/dev/null && rectangle "$WORK/matrix.csv"
"$MFC" report trends "$FIXTURE" --table hours --format csv -o "$WORK/hours.csv" 2>/dev/null && rectangle "$WORK/hours.csv"
grep -q '^suppression: suppressed: counts from 1 to 2' "$WORK/authorities-suppressed.csv.meta" || fail "the rule is not in the metadata"
"$MFC" incidents "$FIXTURE" --format csv -o "$WORK/incidents.csv" 2>/dev/null && rectangle "$WORK/incidents.csv"
"$MFC" validate "$FIXTURE" --rejects "$WORK/rejects.csv" >/dev/null 2>&1 || true
rectangle "$WORK/rejects.csv"
step "every CSV written is one rectangle"

# 5. An SSDA903 return alone, in a workspace.
export MFC_WORKSPACE="$WORK/ssda903.sqlite"
"$MFC" init >/dev/null
"$MFC" import --layout ssda903 --authority 999 "$SSDA903" >/dev/null 2>&1 || fail "import of the SSDA903 fixture"
"$MFC" report authorities --from 2000-01-01 --to 2100-01-01 --format csv -o "$WORK/ssda903.csv" 2>"$WORK/err.txt" ||
    fail "report on the SSDA903 workspace"
grep -q 'no homes register' "$WORK/err.txt" || fail "no notice that the homes register is missing"
rectangle "$WORK/ssda903.csv"
python3 - "$WORK/ssda903.csv" <<'PY' || fail "the SSDA903 figures are not unknown"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
row = next(r for r in rows if r["authority_code"] == "999")
for name in ("rhi_offered", "percent_rhi_offered", "rhi_within_72h", "percent_rhi_within_72h", "cse_concern"):
    assert row[name] == "", (name, row[name])
assert row["flags"] == "", row["flags"]
assert row["percent_known_to_both"] == "", row["percent_known_to_both"]
assert row["incidents"] == "43", row["incidents"]
PY
"$MFC" rejects -o "$WORK/workspace-rejects.csv" >/dev/null 2>&1 && rectangle "$WORK/workspace-rejects.csv"
"$MFC" audit --csv >"$WORK/audit.csv" && rectangle "$WORK/audit.csv"
step "an SSDA903 return alone: interview, CSE and known-to-both figures blank, no flag"

echo "partial e2e: passed"
