#!/usr/bin/env bash
# One command: set up .venv with the dev and spark extras, install/start what the tests need
# (PostgreSQL via scripts/postgres.sh, Chromium via scripts/chromium.sh, a Java runtime for
# Spark), lint, and run the whole test suite.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh tests/actors -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev,spark

# Java for the Spark engine tests (Debian's headless JRE), when missing and we may install it.
if ! command -v java >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test: installing a Java runtime for the Spark tests" >&2
  (apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null) \
    || echo "test: no Java runtime: Spark tests will be skipped" >&2
fi

if [ -z "${DETENTE_TEST_PG_URL:-}" ] && [ -f scripts/postgres.sh ]; then
  if pg_env="$(bash scripts/postgres.sh start)"; then
    eval "$(printf '%s\n' "$pg_env" | grep '^export DETENTE_TEST_PG_URL=' || true)"
  else
    echo "test: PostgreSQL could not be started; PostgreSQL tests will be skipped" >&2
  fi
fi
if [ -f scripts/chromium.sh ]; then
  if chromium_bin="$(bash scripts/chromium.sh | tail -n 1)" && [ -n "$chromium_bin" ]; then
    export CHROMIUM="$chromium_bin"
  else
    echo "test: Chromium could not be installed; browser tests will be skipped" >&2
  fi
fi
[ -n "${DETENTE_TEST_PG_URL:-}" ] && echo "test: PostgreSQL at ${DETENTE_TEST_PG_URL}" >&2

lint_paths=(); for p in src tests scripts benchmarks; do [ -e "$p" ] && lint_paths+=("$p"); done
.venv/bin/ruff check "${lint_paths[@]}"
.venv/bin/mypy

set +e
.venv/bin/python -m pytest -q "$@"
rc=$?
set -e
if [ "$rc" = 5 ]; then
  echo "test: pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$rc"
