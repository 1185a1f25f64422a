#!/usr/bin/env bash
# End-to-end test of the command line's linking options on SampleData/: the model links by
# default and --linker rules gives the rules' incidents (they differ on this data); the model's
# bands move its results; bands with the rules, or a review weight above the link weight, are
# refused with status 64 and a message. Run from the repository root after `swift build`:
#   bash Tests/e2e/linking.sh [path/to/mfc]
set -euo pipefail

MFC="${1:-.build/debug/mfc}"
[[ -x "$MFC" ]] || { echo "linking e2e: FAIL: no mfc binary at $MFC (run swift build first)" >&2; exit 1; }
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mfc-linking.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "linking e2e: FAIL: $*" >&2; exit 1; }
step() { echo "linking e2e: $*"; }

"$MFC" incidents --format csv >"$WORK/default.csv"
"$MFC" incidents --format csv --linker model >"$WORK/model.csv"
"$MFC" incidents --format csv --linker rules >"$WORK/rules.csv"
cmp -s "$WORK/default.csv" "$WORK/model.csv" || fail "the default linking is not the model's"
cmp -s "$WORK/model.csv" "$WORK/rules.csv" && fail "--linker rules gave the model's incidents"
both() { grep -c ',both,' "$1" || true; }
MODEL_BOTH="$(both "$WORK/model.csv")"
RULES_BOTH="$(both "$WORK/rules.csv")"
((MODEL_BOTH > RULES_BOTH)) || fail "the model should join more incidents than the rules ($MODEL_BOTH vs $RULES_BOTH)"
step "the model links by default ($MODEL_BOTH incidents known to both); --linker rules: $RULES_BOTH"

# A link weight no pair reaches sends every scored report to review: only the police_ref links stay.
"$MFC" incidents --format csv --link-weight 1000 >"$WORK/strict.csv"
STRICT_BOTH="$(both "$WORK/strict.csv")"
((STRICT_BOTH < MODEL_BOTH)) || fail "--link-weight 1000 did not link fewer ($STRICT_BOTH vs $MODEL_BOTH)"
step "--link-weight 1000: $STRICT_BOTH incidents known to both"

refused() {
    local expected="$1"; shift
    set +e
    "$MFC" "$@" >"$WORK/out" 2>"$WORK/err"
    local code=$?
    set -e
    [[ "$code" == "64" ]] || fail "mfc $* exited $code, not 64"
    grep -q -- "$expected" "$WORK/err" || fail "mfc $*: message was $(cat "$WORK/err")"
    [[ ! -s "$WORK/out" ]] || fail "mfc $* wrote to stdout"
}
refused "the rules have none" summary --linker rules --margin 3
refused "must not be above the link weight" summary --review-weight 20
refused "must be a number" summary --link-weight nan
step "bands with the rules, a review weight above the link weight and a non-number are refused (64)"

echo "linking e2e: 1 passed, 0 failed"
