#!/usr/bin/env bash
# Interop checks against third-party kdb+ IPC libraries from PyPI:
#   aiokdb 0.1.38: its client against a qlite server, a qlite client against its server;
#   qPython 2.0.0 (with numpy 1.23.5, in its own venv): its client against a qlite server;
#   pykx 4.2.0 (unlicensed mode, own venv): its client against a qlite server.
# Creates the venvs under .build/ on first use (needs PyPI access).
#   Tests/interop/run.sh [path/to/qlite]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
qlite="${1:-$root/.build/debug/qlite}"

venv() {  # venv DIR REQUIREMENTS MODULE
  if [ ! -x "$1/bin/python" ]; then python3 -m venv "$1"; fi
  if ! "$1/bin/python" -c "import $3" 2>/dev/null; then
    "$1/bin/pip" install -q --disable-pip-version-check -r "$2"
  fi
}
venv "$root/.build/interop-venv" "$root/Tests/interop/requirements.txt" aiokdb
venv "$root/.build/interop-venv-qpython" "$root/Tests/interop/requirements-qpython.txt" qpython
PYKX_UNLICENSED=true venv "$root/.build/interop-venv-pykx" "$root/Tests/interop/requirements-pykx.txt" pykx

status=0
timeout 120 "$root/.build/interop-venv/bin/python" "$root/Tests/interop/aiokdb_interop.py" "$qlite" || status=1
timeout 120 "$root/.build/interop-venv-qpython/bin/python" "$root/Tests/interop/qpython_interop.py" "$qlite" || status=1
timeout 120 "$root/.build/interop-venv-pykx/bin/python" "$root/Tests/interop/pykx_interop.py" "$qlite" || status=1
if [ $status -eq 0 ]; then echo "interop: all passed"; else echo "interop: FAILED"; fi
exit $status
