#!/usr/bin/env bash
# End-to-end test of the dashboard at 80x24 in a real terminal (tmux), on SampleData/: a home
# and an authority picked in the filter picker both show on the status line; a police
# reference searched for lands on its incident; rows selected, then filtered, are all
# unselected with U; a long export error is read in full (on screen, then in the m log); q
# quits at the top level; and under LANG=C no byte on screen is outside ASCII, in the table,
# the help, the picker and an incident. Run from the repository root after `swift build`:
#   bash Tests/e2e/dashboard-80x24.sh [path/to/mfc]
set -euo pipefail

MFC="${1:-.build/debug/mfc}"
[[ -x "$MFC" ]] || { echo "dashboard-80x24 e2e: FAIL: no mfc binary at $MFC (run swift build first)" >&2; exit 1; }
MFC="$(cd "$(dirname "$MFC")" && pwd)/$(basename "$MFC")"
command -v tmux >/dev/null || { echo "dashboard-80x24 e2e: FAIL: tmux is not installed" >&2; exit 1; }

NAME=dashboard-80x24
# shellcheck source=Tests/e2e/tmux-session.sh
source "$(dirname "${BASH_SOURCE[0]}")/tmux-session.sh"

# What to look for, from the command line's CSV of the same data.
ALL_CSV="$WORK/all.csv"
"$MFC" incidents --format csv >"$ALL_CSV" || fail "mfc incidents --format csv failed"
# A home and an authority with incidents in common: those of the first row that has a home.
read -r HOME_NAME AUTH_CODE < <(awk -F, 'NR > 1 && $13 != "" && $14 != "" { gsub(/ /, "_", $13); print $13, $14; exit }' "$ALL_CSV")
HOME_NAME="${HOME_NAME//_/ }"
[[ -n "$HOME_NAME" && -n "$AUTH_CODE" ]] || fail "no incident with a home and an authority in SampleData"
# A police reference from the middle of the data, and its incident.
ROWS=$(($(wc -l <"$ALL_CSV") - 1))
read -r REF INCIDENT < <(awk -F, -v want=$((ROWS / 2)) 'NR > want && $23 != "" && $23 !~ /;/ { print $23, $1; exit }' "$ALL_CSV")
[[ -n "$REF" && -n "$INCIDENT" ]] || fail "no incident with one police reference in SampleData"
step "home \"$HOME_NAME\", authority $AUTH_CODE, police reference $REF (incident $INCIDENT)"

start() {  # start LOCALE: mfc in a fresh 80x24 pane
    T kill-session -t e2e 2>/dev/null || true
    cat >"$WORK/run.sh" <<SCRIPT
export LANG=$1 LC_ALL=$1
"$MFC" dashboard
echo \$? >"$WORK/status"
echo "mfc exited"
sleep 600
SCRIPT
    rm -f "$WORK/status"
    T new-session -d -s e2e -x 80 -y 24 -c "$PWD" "bash --noprofile --norc $WORK/run.sh"
    wait_for 'row 1/[0-9]' 20
}
status_line() { screen | grep -E '^ (Incidents|Incident |Filter|Help) ' | tail -1; }

start C.UTF-8
step "dashboard up at 80x24"
screen | head -1 | grep -q "SAMPLE DATA: synthetic" || fail "no sample-data note on the tab bar"
step "the tab bar says these are the synthetic sample data"

# Filter by the home, then by the authority: both chips on the status line, which is not cut.
T send-keys -t e2e f
wait_for 'Known to +Period'
T send-keys -t e2e -l "$HOME_NAME"
wait_for "1 of [0-9]"
T send-keys -t e2e Enter
wait_for "home: "
T send-keys -t e2e f Tab
wait_for 'Filter: +[0-9]+ of [0-9]+'
T send-keys -t e2e -l "$AUTH_CODE"
wait_for "1 of [0-9]"
T send-keys -t e2e Enter
wait_for "auth(ority)?: "
LINE="$(status_line)"
grep -q "home: ${HOME_NAME:0:5}" <<<"$LINE" || fail "the home chip is missing: $LINE"
grep -Eq "auth(ority)?: " <<<"$LINE" || fail "the authority chip is missing: $LINE"
((${#LINE} <= 80)) || fail "the status line is ${#LINE} columns"
# v lists them in full, the authority by its code.
T send-keys -t e2e v
wait_for "Filters . Esc closes"
screen | grep -q "home: $HOME_NAME" || fail "v does not list the home in full"
screen | grep -q "($AUTH_CODE)" || fail "v does not list the authority $AUTH_CODE"
T send-keys -t e2e Escape
step "home and authority both show: $LINE"

# Select three rows, filter, and unselect them all.
T send-keys -t e2e F
wait_for "Filters cleared"
T send-keys -t e2e s s s
wait_for "3 selected"
T send-keys -t e2e f Tab Tab Tab Tab Tab Tab
wait_for 'Flags'
T send-keys -t e2e -l "high risk"
T send-keys -t e2e Enter
wait_for "3 rows still selected \(U unselects\)"
T send-keys -t e2e U
wait_for "3 rows unselected"
status_line | grep -q "selected" && fail "the status line still shows a selection"
T send-keys -t e2e F
wait_for "Filters cleared"
step "select, filter, U unselects all"

# Search the police reference: the cursor lands on its incident, which Enter opens.
T send-keys -t e2e /
T send-keys -t e2e -l "$REF"
T send-keys -t e2e Enter
wait_for "/$REF: match 1 of 1"
T send-keys -t e2e Enter
wait_for "^ Incident $INCIDENT "
screen | grep -q "Ref +$REF" || screen | grep -Eq "Ref +${REF}" || fail "the incident does not show $REF"
T send-keys -t e2e Escape
wait_for "row [0-9,]+/[0-9,]+"
step "search $REF lands on $INCIDENT"

# A long error, read in full: an export to a folder that does not exist.
BAD="/nonexistent-folder-for-the-mfc-end-to-end-test/with/a/path/long/enough/to/wrap/incidents-export.csv"
T send-keys -t e2e e
wait_for "Export [0-9,]+ rows? to:"
T send-keys -t e2e C-u
T send-keys -t e2e -l "$BAD"
T send-keys -t e2e Enter
wait_for "Export failed"
# The message's lines follow the status line: joined, they hold the whole path.
JOINED="$(screen | awk '/^ Incidents  row /{ on = 1; next } on { sub(/^ +/, ""); printf "%s", $0 }')"
grep -qF "$BAD" <<<"$JOINED" || fail "the error is not readable in full: $JOINED"
T send-keys -t e2e j
T send-keys -t e2e m
wait_for "Messages, newest last"
screen | sed 's/[│|]//g' | tr -d '\n ' | grep -qF "$BAD" || fail "the m log does not hold the whole error"
T send-keys -t e2e Escape
step "a long export error is readable in full, on screen and in the m log"

# q at the top level quits (as in htop and lazygit), with status 0.
T send-keys -t e2e q
wait_for "mfc exited"
[[ "$(cat "$WORK/status")" == "0" ]] || fail "q exited with status $(cat "$WORK/status")"
step "q quits at the top level"

# LANG=C: nothing but ASCII on screen, in every view visited.
check_ascii() {  # check_ascii WHAT
    local captured="$WORK/screen.txt"
    T capture-pane -p -t e2e >"$captured"
    if LC_ALL=C grep -q $'[\x80-\xff]' "$captured"; then
        LC_ALL=C grep -n $'[\x80-\xff]' "$captured" | head -5 >&2
        fail "a non-ASCII byte on screen under LANG=C: $1"
    fi
}
start C
check_ascii "the incidents"
screen | grep -q "Start ^" || fail "no ASCII sort mark under LANG=C"
T send-keys -t e2e '?'
wait_for "Keys . Esc closes"
screen | grep -Eq '^ *\+-' || fail "the help has no ASCII frame under LANG=C"
check_ascii "the help"
T send-keys -t e2e Escape f
wait_for 'Known to +Period'
check_ascii "the filter picker"
T send-keys -t e2e Escape
T send-keys -t e2e 3
wait_for "Homes +row"
check_ascii "the homes"
T send-keys -t e2e 6
wait_for "Trends +row"
check_ascii "the trends"
T send-keys -t e2e 1 Enter
wait_for "Police reports \([0-9]+\)"
check_ascii "an incident"
T send-keys -t e2e Q
wait_for "mfc exited"
step "LANG=C: only ASCII on screen (table, help, picker, homes, trends, incident)"


# A workspace: another analyst's import, made while the dashboard is open, is noticed on the
# tab bar, and R reads the data again.
export MFC_WORKSPACE="$WORK/shared.sqlite"
"$MFC" init >/dev/null
"$MFC" import --quiet SampleData >/dev/null
"$MFC" generate --seed 3 --children 40 --output "$WORK/more" >/dev/null
start C.UTF-8
BEFORE="$(screen | grep -Eo 'row 1/[0-9,]+' | head -1)"
"$MFC" import --quiet "$WORK/more" >/dev/null
wait_for "NEW DATA: R reloads" 15
step "another process's import is noticed on the tab bar"
T send-keys -t e2e R
wait_for "Read again: [0-9]+ incidents" 30
AFTER="$(screen | grep -Eo 'row 1/[0-9,]+' | head -1)"
[[ -n "$BEFORE" && "$AFTER" != "$BEFORE" ]] || fail "R did not read the new import ($BEFORE, then $AFTER)"
screen | grep -q "NEW DATA" && fail "the note stayed after reading again"
T send-keys -t e2e Q
wait_for "mfc exited"
step "R read the data again: $BEFORE, then $AFTER"
unset MFC_WORKSPACE

echo "dashboard-80x24 e2e: 1 passed, 0 failed"
