#!/usr/bin/env bash
# One command: set up .venv with the dev extras, start the services the tests need
# (PostgreSQL, via scripts/postgres.sh), lint, and run the whole test suite.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh tests/actors -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev

if [ -z "${DETENTE_TEST_PG_URL:-}" ] && [ -f scripts/postgres.sh ]; then
  if pg_env="$(bash scripts/postgres.sh start)"; then
    eval "$(printf '%s\n' "$pg_env" | grep '^export DETENTE_TEST_PG_URL=' || true)"
  else
    echo "test: PostgreSQL could not be started; PostgreSQL tests will be skipped" >&2
  fi
fi
[ -n "${DETENTE_TEST_PG_URL:-}" ] && echo "test: PostgreSQL at ${DETENTE_TEST_PG_URL}" >&2

lint_paths=(); for p in src tests scripts benchmarks; do [ -e "$p" ] && lint_paths+=("$p"); done
.venv/bin/ruff check "${lint_paths[@]}"

set +e
.venv/bin/python -m pytest -q "$@"
rc=$?
set -e
if [ "$rc" = 5 ]; then
  echo "test: pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$rc"
