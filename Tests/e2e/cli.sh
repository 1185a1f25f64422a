#!/usr/bin/env bash
# The command line's conventions that need a terminal (the rest are Tests/mfcTests, run by
# swift test): progress goes to standard error only when it is a terminal, and --quiet turns
# it off there too; the dashboard opened on nothing named says, in the terminal, that these
# are the synthetic sample data; a mistyped command and a missing folder are named before any
# screen is taken. Run from the repository root after `swift build`:
#   bash Tests/e2e/cli.sh [path/to/mfc]
set -euo pipefail

MFC="$(cd "$(dirname "${1:-.build/debug/mfc}")" && pwd)/$(basename "${1:-.build/debug/mfc}")"
[[ -x "$MFC" ]] || { echo "cli e2e: FAIL: no mfc binary at $MFC (run swift build first)" >&2; exit 1; }
for tool in tmux script; do command -v "$tool" >/dev/null || { echo "cli e2e: FAIL: needs $tool" >&2; exit 1; }; done
NAME=cli
# shellcheck source=Tests/e2e/tmux-session.sh
source "$(dirname "$0")/tmux-session.sh"
unset MFC_WORKSPACE

# Progress on a terminal (script(1) gives mfc a pseudo-terminal), none with --quiet, none to a file.
script -qec "'$MFC' generate --seed 5 --children 60 --output '$WORK/g'" "$WORK/tty.out" >/dev/null
grep -q 'generating 60 children' "$WORK/tty.out" || fail "generate showed no progress on a terminal"
script -qec "'$MFC' generate --seed 5 --children 60 --output '$WORK/q' --quiet" "$WORK/quiet.out" >/dev/null
grep -q 'generating' "$WORK/quiet.out" && fail "generate --quiet showed progress"
"$MFC" generate --seed 5 --children 60 --output "$WORK/f" >/dev/null 2>"$WORK/file.err"
[[ ! -s "$WORK/file.err" ]] || fail "generate wrote progress to a file: $(cat "$WORK/file.err")"
(cd "$WORK" && "$MFC" init >/dev/null)
(cd "$WORK" && script -qec "'$MFC' import g" "$WORK/import.out" >/dev/null)
grep -q 'committing' "$WORK/import.out" || fail "import showed no progress on a terminal"
grep -q 'import 1 saved' "$WORK/import.out" || fail "import did not save"
step "progress on a terminal only, and never with --quiet"

# The dashboard on nothing named: the note stays in the terminal once the dashboard has closed.
mkdir -p "$WORK/empty"
cat >"$WORK/run.sh" <<SCRIPT
cd "$WORK/empty"
"$MFC"
echo "status \$?"
sleep 600
SCRIPT
T new-session -d -s e2e -x 80 -y 24 "bash --noprofile --norc $WORK/run.sh"
wait_for 'row 1/[0-9]' 20
T send-keys -t e2e Q
wait_for 'status 0'
screen | grep -q 'these are the synthetic' || fail "no note that these are the sample data"
step "the dashboard on nothing named says that these are the synthetic sample data"

# Mistakes named before any screen is taken.
set +e
"$MFC" incidnets >/dev/null 2>"$WORK/typo.err"; typo=$?
"$MFC" dashboard /no/such/folder >/dev/null 2>"$WORK/missing.err"; missing=$?
set -e
[[ "$typo" == 64 ]] && grep -q "did you mean 'incidents'" "$WORK/typo.err" || fail "mfc incidnets: $typo $(cat "$WORK/typo.err")"
[[ "$missing" == 2 ]] && grep -qx "error: /no/such/folder: no such file or folder" "$WORK/missing.err" ||
    fail "mfc dashboard /no/such/folder: $missing $(cat "$WORK/missing.err")"
step "a mistyped command (64) and a missing folder (2) are named"

echo "cli e2e: passed"
