#!/usr/bin/env bash
# Runs the examples of README.md and docs/ as they are written, so that a newcomer's first
# commands cannot drift from what mfc does: each ```sh block is read from its file and run
# in a scratch folder (mfc on PATH, SampleData linked in), then what it made is checked.
#
#   README.md "A first export"        in a folder holding SampleData and .build/debug/mfc
#   docs/formats.md real extracts     in a new folder: the registers, Ofsted's list, an
#                                     SSDA903 return and a police extract imported in order
#   docs/workspace.md                 with extracts/2026-10 holding the sample data's files
#   docs/command-line.md              completions and the man page, with a scratch HOME
#
# Run elsewhere: README's "Try it" (`swift run mfc` is the dashboard on the sample data, which
# Tests/e2e/dashboard.sh drives in tmux; `swift test` is CI's own step), docs/development.md's
# fuzzing lines (CI's fuzzing step runs them), and docs/performance.md's benchmark lines (a
# release build and a million records: minutes, not a CI step). Run from the repository root
# after `swift build`:
#   bash Tests/e2e/readme.sh [path/to/mfc]
set -euo pipefail

MFC="$(cd "$(dirname "${1:-.build/debug/mfc}")" && pwd)/$(basename "${1:-.build/debug/mfc}")"
[[ -x "$MFC" ]] || { echo "readme e2e: FAIL: no mfc binary at $MFC (run swift build first)" >&2; exit 1; }
ROOT="$(pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mfc-readme.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "readme e2e: FAIL: $*" >&2; exit 1; }
step() { echo "readme e2e: $*"; }
mkdir -p "$WORK/bin"
ln -s "$MFC" "$WORK/bin/mfc"
export PATH="$WORK/bin:$PATH"
unset MFC_WORKSPACE

# block FILE HEADING: the first ```sh block after the heading line HEADING in FILE.
block() {
    awk -v heading="$2" '
        $0 == heading { found = 1; next }
        found && /^```sh/ { inside = 1; next }
        inside && /^```/ { exit }
        inside { print }
    ' "$ROOT/$1"
}
# run_block NAME FOLDER: runs the block on standard input in FOLDER, stopping at the first
# command that fails, and fails naming it.
run_block() {
    local name="$1" folder="$2"
    local script="$WORK/$name.sh"
    { echo "set -euo pipefail"; cat; } >"$script"
    [[ "$(wc -l <"$script")" -gt 1 ]] || fail "$name: no example found (was its heading renamed?)"
    (cd "$folder" && bash "$script" >"$WORK/$name.out" 2>"$WORK/$name.err") ||
        fail "$name: an example failed:
$(cat "$WORK/$name.err")"
}

# README.md: a first export. `swift build` is what made $MFC; .build/debug/mfc stands for it.
mkdir -p "$WORK/first/.build/debug"
ln -s "$MFC" "$WORK/first/.build/debug/mfc"
ln -s "$ROOT/SampleData" "$WORK/first/SampleData"
block README.md "## A first export" | sed '/^swift build$/d' | run_block first-export "$WORK/first"
grep -q '^incident_id,provenance,start,' "$WORK/first/poplar.csv" || fail "README: poplar.csv is not the incidents"
[[ "$(tail -n +2 "$WORK/first/poplar.csv" | wc -l)" -gt 0 ]] || fail "README: poplar.csv has no incidents"
grep -q '^filters: home: Poplar Sample Grange' "$WORK/first/poplar.csv.meta" || fail "README: poplar.csv.meta does not name the filter"
[[ "$(head -c 3 "$WORK/first/scorecard.csv" | od -An -tx1 | tr -d ' ')" == "efbbbf" ]] || fail "README: --bom wrote no byte order mark"
[[ "$(stat -c %a "$WORK/first/poplar.csv")" == "600" ]] || fail "README: poplar.csv is not 0600"
grep -q 'stdin\|la_episodes.csv' "$WORK/first-export.out" || fail "README: validate printed no table"
step "README's first export: validate, poplar.csv (with its .meta) and scorecard.csv (with a BOM), 0600"

# docs/formats.md: real extracts, imported in the order that works.
mkdir -p "$WORK/real"
ln -s "$ROOT/SampleData" "$WORK/real/SampleData"
block docs/formats.md "## Importing real extracts" | run_block real-extracts "$WORK/real"
[[ "$(grep -c '^import [0-9]* saved in' "$WORK/real-extracts.out")" == "4" ]] || fail "docs/formats.md: not four imports saved"
grep -Eq 'police reports +[1-9]' "$WORK/real-extracts.out" || fail "docs/formats.md: summary shows no police reports"
grep -Eq 'homes +[1-9]' "$WORK/real-extracts.out" || fail "docs/formats.md: summary shows no homes"
step "docs/formats.md: registers, Ofsted's list, an SSDA903 return and a police extract imported in order"

# docs/workspace.md: a month's extracts into a workspace, an audited export, the audit log.
mkdir -p "$WORK/ws/extracts/2026-10"
cp "$ROOT"/SampleData/{forces,authorities,homes,children,la_episodes,police_reports}.csv "$WORK/ws/extracts/2026-10/"
block docs/workspace.md "# The workspace" | run_block workspace "$WORK/ws"
grep -q '^incident_id,' "$WORK/ws/october.csv" || fail "docs/workspace.md: october.csv is not the incidents"
grep -Eq ' export +[0-9]+ .*october.csv' "$WORK/workspace.out" || fail "docs/workspace.md: the audit log has no export of october.csv"
step "docs/workspace.md: init, import, an audited export, the audit log"

# docs/command-line.md: completions and the man page, into a scratch HOME.
mkdir -p "$WORK/home"
if ! command -v man >/dev/null; then
    # No man-db here: check that the page is a manual page instead of showing it.
    mkdir -p "$WORK/nobin" && printf '#!/bin/sh\ngrep -q "^.Dt MFC 1" "$HOME/.local/share/man/man1/$1.1"\n' >"$WORK/nobin/man"
    chmod +x "$WORK/nobin/man" && export PATH="$WORK/nobin:$PATH"
fi
block docs/command-line.md "## The man page and shell completions" |
    HOME="$WORK/home" MANPATH="$WORK/home/.local/share/man" run_block completions "$ROOT"
grep -q 'incidents' "$WORK/home/.local/share/bash-completion/completions/mfc" || fail "no bash completion"
grep -q -- '--layout' "$WORK/home/.zfunc/_mfc" || fail "no zsh completion"
grep -q 'incidents' "$WORK/home/.config/fish/completions/mfc.fish" || fail "no fish completion"
grep -q '^.Dt MFC 1' "$WORK/home/.local/share/man/man1/mfc.1" || fail "no man page"
grep -q 'layout' "$WORK/home/.local/share/man/man1/mfc.1" || fail "the man page lacks --layout"
bash -c "source '$WORK/home/.local/share/bash-completion/completions/mfc'" || fail "the bash completion does not load"
step "docs/command-line.md: bash, zsh and fish completions and the man page installed and read"

echo "readme e2e: passed"
