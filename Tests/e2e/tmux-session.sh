# Shared by the end-to-end scripts that drive mfc in tmux: source it after setting NAME (the
# script's name in messages). Gives a private tmux server (T), a scratch folder ($WORK) removed
# on exit, the screen's text (screen), fail, wait_for PATTERN [SECONDS] and step.
SOCKET="mfc-$NAME-$$-$RANDOM"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mfc-$NAME.XXXXXX")"
T() { tmux -L "$SOCKET" "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

screen() { T capture-pane -p -t e2e 2>/dev/null || true; }
fail() {
    echo "$NAME e2e: FAIL: $*" >&2
    if T has-session -t e2e 2>/dev/null; then
        echo "--- screen ---" >&2
        screen >&2
    fi
    exit 1
}
# wait_for PATTERN [SECONDS]: polls the screen every 0.1 s until grep -E matches.
wait_for() {
    local pattern="$1" limit="${2:-10}" tries
    tries=$((limit * 10))
    while ((tries-- > 0)); do
        if screen | grep -Eq -- "$pattern"; then return 0; fi
        sleep 0.1
    done
    fail "waited ${limit}s for: $pattern"
}
step() { echo "$NAME e2e: $*"; }
