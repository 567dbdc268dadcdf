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

# Reinstall only when the project metadata changed or an extra is asked for that is not
# installed yet; installing takes the union of what was installed and what is asked for.
stamp=".venv/.detente-setup"
meta="$(sha256sum pyproject.toml | cut -d' ' -f1)"
have_meta="" have_extras=""
if [ -f "$stamp" ]; then read -r have_meta have_extras < "$stamp" || true; fi
have_extras="$(printf '%s' "$have_extras" | tr -d '[] ')"
want_extras="$(printf '%s\n' ${have_extras//,/ } ${extras//,/ } | grep -v '^$' | sort -u | paste -sd, - || true)"
need=0
[ "$have_meta" = "$meta" ] || need=1
for e in ${extras//,/ }; do case ",$have_extras," in *",$e,"*) ;; *) need=1 ;; esac; done
.venv/bin/python -c 'import detente' 2>/dev/null || need=1
if [ "$need" = 1 ]; then
  echo "setup: installing detente${want_extras:+[$want_extras]} into .venv" >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${want_extras:+[$want_extras]}"
  echo "$meta $want_extras" > "$stamp"
fi
