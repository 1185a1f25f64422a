#!/usr/bin/env bash
# End-to-end test of the dashboard in a real terminal: starts mfc in tmux on SampleData/
# (with a --watch threshold no home reaches), filters by a home through the picker, exports, compares the file with
# `mfc incidents --home ... --format csv`, clicks a row, resizes (down to the "too small"
# screen and back), drills from the Authorities view, opens the forces' register, the
# out-of-area matrix and the Review view, quits with Q, and checks that `stty -g` in the pane
# is the same before and after. Run from the repository root after `swift build`:
#   bash Tests/e2e/dashboard.sh [path/to/mfc]
set -euo pipefail

MFC="${1:-.build/debug/mfc}"
[[ -x "$MFC" ]] || { echo "dashboard e2e: FAIL: no mfc binary at $MFC (run swift build first)" >&2; exit 1; }
MFC="$(cd "$(dirname "$MFC")" && pwd)/$(basename "$MFC")"
command -v tmux >/dev/null || { echo "dashboard e2e: FAIL: tmux is not installed" >&2; exit 1; }

NAME=dashboard
# shellcheck source=Tests/e2e/tmux-session.sh
source "$(dirname "${BASH_SOURCE[0]}")/tmux-session.sh"

# The home to filter by: the one in the first exported row that has a home.
ALL_CSV="$WORK/all.csv"
"$MFC" incidents --format csv >"$ALL_CSV" || fail "mfc incidents --format csv failed"
HOME_URN="$(awk -F, 'NR > 1 && $12 != "" { print $12; exit }' "$ALL_CSV")"
[[ -n "$HOME_URN" ]] || fail "no incident with a home in SampleData"
EXPECTED_CSV="$WORK/expected.csv"
"$MFC" incidents --home "$HOME_URN" --format csv >"$EXPECTED_CSV" || fail "mfc incidents --home $HOME_URN failed"
HOME_NAME="$(awk -F, 'NR == 2 { print $13 }' "$EXPECTED_CSV")"
EXPECTED_ROWS=$(($(wc -l <"$EXPECTED_CSV") - 1))
step "home $HOME_URN ($HOME_NAME), $EXPECTED_ROWS incidents by the command line"

# The pane records stty before and after mfc, and mfc's exit status.
cat >"$WORK/run.sh" <<SCRIPT
stty -g >"$WORK/stty.before"
"$MFC" dashboard --watch 1000000
echo \$? >"$WORK/status"
stty -g >"$WORK/stty.after"
echo "mfc exited"
sleep 600
SCRIPT
T new-session -d -s e2e -x 120 -y 35 -c "$PWD" "bash --noprofile --norc $WORK/run.sh"
wait_for 'row 1/[0-9]' 20
step "dashboard shows the incidents"

# Filter by the home: open the picker, type the name, apply.
T send-keys -t e2e f
wait_for 'Known to +Period'
T send-keys -t e2e -l "$HOME_NAME"
wait_for "1 of [0-9]"
T send-keys -t e2e Enter
wait_for "row 1/$EXPECTED_ROWS +home: "
screen | grep -q "home: $HOME_NAME" || fail "the filter chip does not name $HOME_NAME"
step "filtered by the picker: $EXPECTED_ROWS rows"

# The wheel scrolls (X10 mouse bytes: button 5 is down, button 4 up) and drags the cursor along.
if ((EXPECTED_ROWS >= 40)); then
    T send-keys -t e2e -l $'\e[Ma++'
    wait_for "row 4/$EXPECTED_ROWS"
    T send-keys -t e2e -l $'\e[M`++'
    sleep 0.3
    screen | grep -q "row 4/$EXPECTED_ROWS" || fail "the wheel up moved the cursor"
    step "mouse wheel scrolls"
fi

# A click on the third row puts the cursor there (X10 mouse bytes: button 1 at column 11, row 5;
# the tab bar and the header are above the rows).
if ((EXPECTED_ROWS >= 3)); then
    T send-keys -t e2e -l $'\e[M +%'
    wait_for "row 3/$EXPECTED_ROWS"
    step "mouse click selects row 3"
fi

# Export the view.
EXPORT="$WORK/export.csv"
T send-keys -t e2e e
wait_for "Export [0-9,]+ rows? to:"
T send-keys -t e2e C-u
T send-keys -t e2e -l "$EXPORT"
T send-keys -t e2e Enter
wait_for "Exported $EXPECTED_ROWS rows? to"
[[ -f "$EXPORT" ]] || fail "no export file at $EXPORT"
MODE="$(stat -c %a "$EXPORT")"
[[ "$MODE" == "600" ]] || fail "export mode is $MODE, not 600"
if ! cmp -s "$EXPORT" "$EXPECTED_CSV"; then
    diff <(head -5 "$EXPECTED_CSV") <(head -5 "$EXPORT") >&2 || true
    fail "the export differs from mfc incidents --home $HOME_URN --format csv"
fi
step "export matches the command line's CSV ($EXPECTED_ROWS rows, mode 600)"

# Exporting again to the same path asks before replacing.
T send-keys -t e2e e
wait_for "Export [0-9,]+ rows? to:"
T send-keys -t e2e Enter
wait_for "exists\. Replace it\? \(y/n\)"
T send-keys -t e2e n
wait_for "Export cancelled"
step "replacing asks first"

# Resize: smaller, too small, and back.
T resize-window -t e2e -x 70 -y 20
wait_for "row 3/$EXPECTED_ROWS"
screen | head -2 | grep -q "Start" || fail "no header at 70x20"
T resize-window -t e2e -x 50 -y 12
wait_for "Terminal too small"
T resize-window -t e2e -x 120 -y 35
wait_for "row 3/$EXPECTED_ROWS"
step "resizes redraw, including the too-small screen"

# Detail and back.
T send-keys -t e2e Enter
wait_for "Police reports \([0-9]+\)"
T send-keys -t e2e Escape
wait_for "row 3/$EXPECTED_ROWS"
step "detail opens and Esc returns to the same row"

# Reports: clear the filters, open the Authorities view, Enter on the first authority, and check
# that the incidents shown are that authority's in the report's period, as mfc incidents lists them.
REPORT_TEXT="$("$MFC" report authorities)" || fail "mfc report authorities failed"
PERIOD_FROM="$(head -1 <<<"$REPORT_TEXT" | grep -Eo '[0-9]{4}-[0-9]{2}-[0-9]{2}' | head -1)"
PERIOD_LAST="$(head -1 <<<"$REPORT_TEXT" | grep -Eo '[0-9]{4}-[0-9]{2}-[0-9]{2}' | tail -1)"
PERIOD_TO="$(date -d "$PERIOD_LAST + 1 day" +%Y-%m-%d)"
AUTH_CODE="$("$MFC" report authorities --format csv | awk -F, 'NR == 2 { print $1 }')"
AUTH_COUNT="$("$MFC" report authorities --format csv | awk -F, 'NR == 2 { print $5 }')"
AUTH_CSV="$WORK/authority.csv"
"$MFC" incidents --authority "$AUTH_CODE" --from "$PERIOD_FROM" --to "$PERIOD_TO" --format csv >"$AUTH_CSV" \
    || fail "mfc incidents --authority $AUTH_CODE failed"
AUTH_ROWS=$(($(wc -l <"$AUTH_CSV") - 1))
[[ "$AUTH_ROWS" == "$AUTH_COUNT" ]] || fail "the scorecard says $AUTH_COUNT incidents for $AUTH_CODE, mfc incidents lists $AUTH_ROWS"
AUTH_NAME="$(awk -F, 'NR == 2 { print $2 }' <(sed -n '1,2p' <("$MFC" report authorities --format csv)))"
T send-keys -t e2e F
wait_for "Filters cleared"
T send-keys -t e2e 2
wait_for "Authorities +row 1/[0-9]+ +period: $PERIOD_FROM to $PERIOD_LAST"
screen | grep -q "^ $AUTH_CODE " || fail "the Authorities view does not list $AUTH_CODE first"
step "Authorities view for $PERIOD_FROM to $PERIOD_LAST"
T send-keys -t e2e Enter
wait_for "Incidents +row 1/$AUTH_ROWS +authority: "
screen | grep -q "authority: ${AUTH_NAME:0:12}" || fail "the filter chip does not name $AUTH_NAME"
# Export what is shown and compare it with mfc incidents for the authority and period.
DRILL_EXPORT="$WORK/drill.csv"
T send-keys -t e2e e
wait_for "Export [0-9,]+ rows? to:"
T send-keys -t e2e C-u
T send-keys -t e2e -l "$DRILL_EXPORT"
T send-keys -t e2e Enter
wait_for "Exported $AUTH_ROWS rows? to"
cmp -s "$DRILL_EXPORT" "$AUTH_CSV" || fail "the incidents behind $AUTH_CODE differ from mfc incidents --authority $AUTH_CODE"
step "Enter on $AUTH_CODE shows its $AUTH_ROWS incidents, the same as mfc incidents"
T send-keys -t e2e Escape
wait_for "Authorities +row 1/"
step "Esc returns to the Authorities view"

# --watch: the default threshold (50) watches some sample homes; the dashboard's threshold of
# 1,000,000 watches none, as mfc report homes --watch 1000000 does not.
WATCHED="$("$MFC" report homes --format csv | grep -c ',WATCH' || true)"
UNWATCHED="$("$MFC" report homes --watch 1000000 --format csv | grep -c ',WATCH' || true)"
if ((WATCHED > 0)) && ((UNWATCHED == 0)); then
    T send-keys -t e2e 3
    wait_for "Homes +row 1/"
    T send-keys -t e2e /
    T send-keys -t e2e -l WATCH
    T send-keys -t e2e Enter
    wait_for "No match for .WATCH."
    step "--watch 1000000: no home watched in the Homes view ($WATCHED with the default threshold)"
fi

# The second tables of Forces and Out of area, and the Review view (no workspace: read-only).
T send-keys -t e2e 4 t
wait_for "Forces · register of homes +row 1/[1-9]"
T send-keys -t e2e 5 t
wait_for "Out of area · matrix +row 1/[1-9]"
step "t opens the forces' register of homes and the out-of-area matrix"
T send-keys -t e2e 7
wait_for "Decisions need a workspace"
wait_for "Review +row [0-9]+/[0-9]+" 30
T send-keys -t e2e a
wait_for "Decisions need a workspace: mfc init"
T send-keys -t e2e 1
wait_for "Incidents +row 1/"
step "the Review view runs the model and explains that decisions need a workspace"

# Quit and check the terminal.
T send-keys -t e2e Q
wait_for "mfc exited"
STATUS="$(cat "$WORK/status")"
[[ "$STATUS" == "0" ]] || fail "mfc exited with status $STATUS"
cmp -s "$WORK/stty.before" "$WORK/stty.after" || fail "stty -g differs: $(cat "$WORK/stty.before") vs $(cat "$WORK/stty.after")"
step "Q quits with status 0 and stty -g is unchanged"

# No terminal: a clear message, status 2, nothing on stdout.
set +e
OUT="$("$MFC" </dev/null 2>"$WORK/err")"
CODE=$?
set -e
[[ "$CODE" == "2" ]] || fail "without a terminal mfc exited $CODE, not 2"
[[ -z "$OUT" ]] || fail "without a terminal mfc wrote to stdout"
grep -q "needs a terminal" "$WORK/err" || fail "without a terminal the message was: $(cat "$WORK/err")"
step "no tty: exit 2, message on stderr, nothing on stdout"

echo "dashboard e2e: 1 passed, 0 failed"
