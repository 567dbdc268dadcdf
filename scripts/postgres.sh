#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests.
#
#   bash scripts/postgres.sh [start]   install (Debian: apt-get install postgresql) if needed, start a
#                                      cluster on 127.0.0.1 on a free port (reuse it when already
#                                      running) and print `export DETENTE_TEST_PG_URL=postgresql://…`
#   bash scripts/postgres.sh stop      stop the cluster
#   bash scripts/postgres.sh url       print the URL of the running cluster (exit 1 when none)
#
# Data lives in $DETENTE_PG_DIR (default: .pgdata/ in the repository). The server runs as the
# `postgres` system user when we are root (PostgreSQL refuses to run as root). Everything goes to
# stderr except the export line, so `eval "$(bash scripts/postgres.sh)"` works.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
PGDIR="${DETENTE_PG_DIR:-$ROOT/.pgdata}"
DATA="$PGDIR/data"
LOG="$PGDIR/server.log"
PORTFILE="$PGDIR/port"
DB=detente_test
USER_NAME=detente

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return 0
  fi
  return 1
}

install_pg() {
  if find_bin >/dev/null; then return 0; fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL is not installed and cannot be installed here (need root and apt-get)"; return 1
  fi
  log "installing PostgreSQL (apt-get install postgresql)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  # Debian's package starts its own cluster on 5432: we do not need it
  command -v pg_ctlcluster >/dev/null 2>&1 && pg_ctlcluster --force "$(ls /usr/lib/postgresql | sort -V | tail -1)" main stop 2>/dev/null || true
  find_bin >/dev/null
}

# run a command as the server user (postgres when root, ourselves otherwise)
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 - <<'PY'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

url() {
  local port; port="$(cat "$PORTFILE")"
  echo "postgresql://$USER_NAME:$USER_NAME@127.0.0.1:$port/$DB"
}

running() {
  [ -f "$PORTFILE" ] && [ -f "$DATA/postmaster.pid" ] || return 1
  local bin; bin="$(find_bin)" || return 1
  as_pg "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1 || return 1
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$(cat "$PORTFILE")" >/dev/null 2>&1
}

start() {
  if running; then
    log "reusing the running cluster in $PGDIR"
    echo "export DETENTE_TEST_PG_URL=$(url)"; return 0
  fi
  install_pg || return 1
  local bin; bin="$(find_bin)"
  mkdir -p "$PGDIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    log "initdb in $DATA"
    as_pg "$bin/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
      || as_pg "$bin/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C >/dev/null
  fi
  local port; port="$(free_port)"
  echo "$port" > "$PORTFILE"
  rm -f "$DATA/postmaster.pid"
  log "starting PostgreSQL on 127.0.0.1:$port"
  as_pg "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { log "server did not start; see $LOG"; tail -n 20 "$LOG" >&2 || true; return 1; }
  local psql="$bin/psql"; [ -x "$psql" ] || psql="psql"
  "$psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$USER_NAME') THEN
    CREATE ROLE $USER_NAME LOGIN CREATEDB PASSWORD '$USER_NAME';
  END IF;
END \$\$;
SQL
  if ! "$psql" -tA -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    "$psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE $DB OWNER $USER_NAME" >/dev/null
  fi
  echo "export DETENTE_TEST_PG_URL=$(url)"
}

stop() {
  local bin; bin="$(find_bin)" || { log "PostgreSQL not installed"; return 0; }
  if [ -f "$DATA/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null && log "stopped"
  else
    log "not running"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  url) running && url || { log "not running"; exit 1; } ;;
  *) echo "usage: $0 [start|stop|url]" >&2; exit 2 ;;
esac
