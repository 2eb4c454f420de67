#!/usr/bin/env bash
# Runs the pseudo-terminal console tests against a built qlite.
# usage: Tests/console/run.sh path/to/qlite
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/../../.venv-console"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pexpect pyte
fi
exec timeout 300 "$venv/bin/python" "$here/test_console.py" "${1:-.build/debug/qlite}"
