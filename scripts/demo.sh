#!/usr/bin/env bash
# One command: set up .venv and run `detente demo` (ingest the bundled corpus, print events).
# Extra arguments go to `detente demo`, e.g. `bash scripts/demo.sh --serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
for a in "$@"; do [ "$a" = "--serve" ] && extras="server"; done
bash scripts/setup.sh "$extras"
exec .venv/bin/detente demo "$@"
