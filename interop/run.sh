#!/usr/bin/env bash
# Interop check against a third-party kdb+ IPC library from PyPI (aiokdb 0.1.38):
# its client against a qlite server, and a qlite client against its server.
# Creates its own venv under .build/interop-venv on first use (needs PyPI access).
#   interop/run.sh [path/to/qlite]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
qlite="${1:-$root/.build/debug/qlite}"
venv="$root/.build/interop-venv"
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
if ! "$venv/bin/python" -c "import aiokdb" 2>/dev/null; then
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$root/interop/requirements.txt"
fi
exec timeout 120 "$venv/bin/python" "$root/interop/aiokdb_interop.py" "$qlite"
