#!/usr/bin/env bash
# End-to-end test of mfc against hostile input, in real terminals: a named pipe given as an
# input file is refused at once (exit 2, no hang); a header full of control bytes and a UTF-16
# file, validated in a pseudo-terminal, put no raw control byte on it; Ctrl-\ (SIGQUIT) in the
# dashboard, in tmux, restores the terminal and exits 131; a workspace locked by another
# writer gives the same exit status (75) to an import and to a decision, which both say what
# they wait for; a workspace with a zeroed page is refused by every command, the dashboard
# included. Run from the repository root after `swift build`:
#   bash Tests/e2e/hostile.sh [path/to/mfc]
set -euo pipefail

MFC="${1:-.build/debug/mfc}"
[[ -x "$MFC" ]] || { echo "hostile e2e: FAIL: no mfc binary at $MFC (run swift build first)" >&2; exit 1; }
MFC="$(cd "$(dirname "$MFC")" && pwd)/$(basename "$MFC")"
for tool in tmux script sqlite3 python3; do
    command -v "$tool" >/dev/null || { echo "hostile e2e: FAIL: $tool is not installed" >&2; exit 1; }
done

SOCKET="mfc-hostile-$$-$RANDOM"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mfc-hostile.XXXXXX")"
T() { tmux -L "$SOCKET" "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "hostile e2e: FAIL: $*" >&2; exit 1; }
step() { echo "hostile e2e: $*"; }

step "a named pipe as children.csv is refused without blocking"
mkfifo "$WORK/children.csv"
set +e
timeout 20 "$MFC" validate "$WORK/children.csv" >"$WORK/fifo.out" 2>&1
status=$?
set -e
((status != 124)) || fail "mfc validate blocked on a named pipe"
((status == 2)) || fail "mfc validate on a named pipe exited $status, expected 2"
grep -q "named pipe" "$WORK/fifo.out" || fail "the message does not say it is a named pipe: $(cat "$WORK/fifo.out")"
rm "$WORK/children.csv"

step "control bytes in a header and a UTF-16 file reach the pseudo-terminal made visible"
mkdir "$WORK/bytes"
printf 'urn,Na\007me,\033[31mProvider,Add\010ress\r\n' >"$WORK/bytes/homes.csv"
python3 -c 'import sys; sys.stdout.buffer.write("child_id,local_authority,given_name\nC1,916,Ann\n".encode("utf-16-le"))' \
    >"$WORK/bytes/children.csv"
script -qec "'$MFC' validate '$WORK/bytes'; '$MFC' validate '$WORK/bytes/children.csv'" "$WORK/pty.out" >/dev/null || true
grep -q "UTF-16LE" "$WORK/pty.out" || fail "the UTF-16 file is not named as UTF-16LE"
python3 - "$WORK/pty.out" <<'PY' || fail "raw control bytes reached the terminal"
import sys
data = open(sys.argv[1], "rb").read()
# script(1) writes its own header line and CR LF line ends; anything else below 0x20, DEL or NUL is raw.
body = data.split(b"\n", 1)[1] if data.startswith(b"Script started") else data
bad = sorted({b for b in body if (b < 0x20 and b not in (0x0A, 0x0D)) or b == 0x7F})
if bad:
    print("raw bytes:", [hex(b) for b in bad]); sys.exit(1)
PY

step "Ctrl-\\ in the dashboard restores the terminal and exits 131"
cat >"$WORK/run.sh" <<SCRIPT
stty -g >"$WORK/stty.before"
"$MFC" dashboard
echo \$? >"$WORK/status"
stty -g >"$WORK/stty.after"
sleep 600
SCRIPT
T new-session -d -s e2e -x 100 -y 30 "bash $WORK/run.sh"
for _ in $(seq 1 300); do
    T capture-pane -p -t e2e | grep -q "Incidents" && break
    sleep 0.1
done
T capture-pane -p -t e2e | grep -q "Incidents" || fail "the dashboard did not open"
T send-keys -t e2e 'C-\'
for _ in $(seq 1 100); do [[ -s "$WORK/status" ]] && break; sleep 0.1; done
[[ -s "$WORK/status" ]] || fail "mfc did not exit on SIGQUIT; screen: $(T capture-pane -p -t e2e)"
[[ "$(cat "$WORK/status")" == 131 ]] || fail "mfc exited $(cat "$WORK/status") on SIGQUIT, expected 131"
for _ in $(seq 1 50); do [[ -s "$WORK/stty.after" ]] && break; sleep 0.1; done
cmp -s "$WORK/stty.before" "$WORK/stty.after" || fail "the terminal settings differ after SIGQUIT"
T capture-pane -p -t e2e | grep -qi "crashed" && fail "a crash screen took over the terminal"

step "a locked workspace: the same exit status for import and decide, each saying what it waits for"
WS="$WORK/ws.sqlite"
"$MFC" init --workspace "$WS" >/dev/null
printf 'code,name\nF1,A force\n' >"$WORK/forces.csv"
(echo "BEGIN IMMEDIATE;"; sleep 30; echo "COMMIT;") | sqlite3 "$WS" &
LOCKER=$!
sleep 1
set +e
"$MFC" decide accept --police-ref P1 --episode E1 --reason test --workspace "$WS" >"$WORK/decide.out" 2>&1
decide=$?
"$MFC" import --workspace "$WS" "$WORK/forces.csv" >"$WORK/import.out" 2>&1
import=$?
set -e
kill "$LOCKER" 2>/dev/null || true
wait "$LOCKER" 2>/dev/null || true
((decide == 75)) || fail "mfc decide on a locked workspace exited $decide, expected 75: $(cat "$WORK/decide.out")"
((import == 75)) || fail "mfc import on a locked workspace exited $import, expected 75: $(cat "$WORK/import.out")"
grep -q "waiting up to" "$WORK/decide.out" || fail "mfc decide did not say it was waiting"
grep -q "waiting up to" "$WORK/import.out" || fail "mfc import did not say it was waiting"

step "a workspace with a zeroed page is refused by every command"
DW="$WORK/damaged.sqlite"
"$MFC" init --workspace "$DW" >/dev/null
"$MFC" import --workspace "$DW" SampleData >/dev/null 2>&1 || fail "importing the sample data failed"
sqlite3 "$DW" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
PAGES=$(($(stat -c %s "$DW") / 4096))
dd if=/dev/zero of="$DW" bs=4096 seek=$((PAGES / 2)) count=1 conv=notrunc 2>/dev/null
for command in "incidents" "summary" "report authorities" "audit" "rejects" "decide" "history children C1" \
    "purge --before 2000-01-01" "import SampleData" "init" "check"; do
    set +e
    # shellcheck disable=SC2086
    "$MFC" $command --workspace "$DW" >"$WORK/damaged.out" 2>&1
    status=$?
    set -e
    ((status == 2)) || fail "mfc $command on a damaged workspace exited $status, expected 2: $(cat "$WORK/damaged.out")"
    grep -q "damaged" "$WORK/damaged.out" || fail "mfc $command does not say the workspace is damaged: $(cat "$WORK/damaged.out")"
    grep -q "backup" "$WORK/damaged.out" || fail "mfc $command does not say how to recover"
done
T kill-server 2>/dev/null || true
cat >"$WORK/run-damaged.sh" <<SCRIPT
"$MFC" dashboard --workspace "$DW" 2>"$WORK/dashboard.err"
echo \$? >"$WORK/dashboard.status"
sleep 600
SCRIPT
T new-session -d -s e2e -x 100 -y 30 "bash $WORK/run-damaged.sh"
for _ in $(seq 1 300); do [[ -s "$WORK/dashboard.status" ]] && break; sleep 0.1; done
[[ "$(cat "$WORK/dashboard.status" 2>/dev/null)" == 2 ]] || fail "the dashboard on a damaged workspace did not exit 2"
grep -q "damaged" "$WORK/dashboard.err" || fail "the dashboard does not say the workspace is damaged"

step "passed"
