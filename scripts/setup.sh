#!/usr/bin/env bash
# Create .venv (if needed) and install détente into it, editable, with the given extras.
# Usage: bash scripts/setup.sh [EXTRAS]     e.g. bash scripts/setup.sh dev
# Works on a fresh Debian machine with only Python 3.11: installs python3-venv when root.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  for cand in python3.11 python3.12 python3.13 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      PY="$cand"; break
    fi
  done
fi
[ -n "$PY" ] || { echo "setup: Python >= 3.11 is required (apt-get install python3)" >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv .venv >/dev/null 2>&1; then
    rm -rf .venv
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing python3-venv (Debian)" >&2
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      "$PY" -m venv .venv
    else
      echo "setup: '$PY -m venv' failed: install python3-venv (sudo apt-get install python3-venv)" >&2
      exit 1
    fi
  fi
fi

# Reinstall only when the project metadata or the extras changed.
stamp=".venv/.detente-setup"
want="$(sha256sum pyproject.toml | cut -d' ' -f1) [$extras]"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! .venv/bin/python -c 'import detente' 2>/dev/null; then
  echo "setup: installing detente${extras:+[$extras]} into .venv" >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras:+[$extras]}"
  echo "$want" > "$stamp"
fi
