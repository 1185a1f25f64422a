#!/usr/bin/env bash
# Makes the Python virtual environment the DuckDB peer runs in, installs DuckDB into it from
# PyPI with pip (once; again only when the version differs), and prints the environment's
# python on standard output:
#   bash Benchmarks/peers/duckdb/setup.sh
# MFC_PEER_VENV   where the environment goes (default: .venv beside this script, ignored by git)
# DUCKDB_VERSION  which DuckDB (default 2.0.1, the version the recorded figures were taken with)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${MFC_PEER_VENV:-$HERE/.venv}"
VERSION="${DUCKDB_VERSION:-2.0.1}"

have_duckdb() {
    "$VENV/bin/python" -c "import duckdb, sys; sys.exit(duckdb.__version__ != sys.argv[1])" "$VERSION" 2>/dev/null
}

if ! have_duckdb; then
    command -v python3 >/dev/null || { echo "setup.sh: python3 is needed (apt-get install python3 python3-venv)" >&2; exit 1; }
    if [[ ! -x "$VENV/bin/python" ]]; then
        python3 -m venv "$VENV" >&2 || {
            echo "setup.sh: could not make a virtual environment in $VENV (on Debian: apt-get install python3-venv)" >&2
            exit 1
        }
    fi
    echo "setup.sh: installing duckdb==$VERSION into $VENV" >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "duckdb==$VERSION" >&2
    have_duckdb || { echo "setup.sh: duckdb $VERSION did not import after installing it" >&2; exit 1; }
fi
echo "$VENV/bin/python"
