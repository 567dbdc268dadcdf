#!/usr/bin/env bash
# Make sure a headless Chromium is available for the dashboard's browser test, and print its path.
# Idempotent: does nothing when a chromium binary is already on PATH (or named by $CHROMIUM).
# Installs Debian's `chromium` package with apt-get otherwise (needs root or sudo).
# Usage: bash scripts/chromium.sh        -> prints e.g. /usr/bin/chromium on stdout
set -euo pipefail

find_chromium() {
  if [ -n "${CHROMIUM:-}" ] && [ -x "${CHROMIUM}" ]; then
    printf '%s\n' "${CHROMIUM}"
    return 0
  fi
  local name
  for name in chromium chromium-browser google-chrome-stable google-chrome chrome; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

if bin="$(find_chromium)"; then
  printf '%s\n' "$bin"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: not found and apt-get is not available; install Chromium and set \$CHROMIUM" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "chromium: not found, and installing it needs root (apt-get install -y chromium)" >&2
    exit 1
  fi
fi

echo "chromium: installing Debian's chromium package (apt-get) ..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >&2 \
  || $SUDO apt-get install -y -qq --no-install-recommends chromium >&2

if bin="$(find_chromium)"; then
  printf '%s\n' "$bin"
  exit 0
fi
echo "chromium: apt-get finished but no chromium binary was found on PATH" >&2
exit 1
