# Functions to run a PostgreSQL server (TCP on 127.0.0.1 only, no Unix socket) from the machine's binaries, without Docker and without touching the system
# cluster. Source this file; it sets PG_ROOT, PG_PORT and PG_CONNECTION_STRING.
#   pg_start DIR [PORT]  start (creating on first use) a cluster in DIR; as root the server runs as user postgres
#   pg_stop              stop the cluster started by pg_start
#   pg_start_replica PRIMARY_PORT DIR [PORT]
#                        copy the server on PRIMARY_PORT (pg_basebackup -R) into DIR and start it as its physical
#                        streaming replica (read-only, hot standby); sets the same variables as pg_start
#   pg_free_port         print a free TCP port on 127.0.0.1

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$dir" ]; then
    echo "PostgreSQL server binaries not found. Install them (Debian/Ubuntu: sudo apt-get install postgresql) or set PG_BIN." >&2
    return 1
  fi
  echo "$dir"
}

pg_free_port() {
  python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
}

# Runs a command as the cluster owner: root cannot own a cluster, so root uses the postgres system user.
# It starts from / because the owner may not be allowed into the caller's working folder; paths must be absolute.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Creates a cluster's folder, owned by the user the server runs as.
pg_make_root() {
  mkdir -p "$1"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    chown postgres: "$1"
  fi
  chmod 700 "$1"
}

pg_start() {
  PG_ROOT=$1
  PG_PORT=${2:-$(pg_free_port)}
  local bin; bin=$(pg_bin) || return 1
  pg_make_root "$PG_ROOT"
  if [ ! -f "$PG_ROOT/data/PG_VERSION" ]; then
    pg_as_owner "$bin/initdb" -D "$PG_ROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_ROOT/initdb.log" 2>&1 \
      || { cat "$PG_ROOT/initdb.log" >&2; return 1; }
  fi
  local extra=""
  if [ "${PG_DURABLE:-0}" != 1 ]; then
    # Throwaway clusters trade durability for speed; benchmarks that claim durability set PG_DURABLE=1.
    # PG_SETTINGS adds server settings ("-c shared_buffers=1GB").
    extra="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  pg_as_owner "$bin/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories='' -c max_connections=200 $extra ${PG_SETTINGS:-}" start >/dev/null \
    || { cat "$PG_ROOT/server.log" >&2; return 1; }
  PG_CONNECTION_STRING="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  export PG_ROOT PG_PORT PG_CONNECTION_STRING
}

pg_start_replica() {
  local primary_port=$1 root=$2 port=${3:-}
  local bin; bin=$(pg_bin) || return 1
  pg_make_root "$root"
  if [ ! -f "$root/data/PG_VERSION" ]; then
    # -R writes standby.signal and primary_conninfo, so the copy starts as a standby that streams from the primary
    # (initdb's pg_hba.conf lets local replication connections in). Settings come from pg_start's command line.
    pg_as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$root/data" -R -X stream \
      --checkpoint=fast --no-sync >"$root/basebackup.log" 2>&1 || { cat "$root/basebackup.log" >&2; return 1; }
  fi
  pg_start "$root" $port
}

pg_stop() {
  [ -n "${PG_ROOT:-}" ] && [ -f "$PG_ROOT/data/postmaster.pid" ] || return 0
  local bin pid; bin=$(pg_bin) || return 1
  pid=$(head -1 "$PG_ROOT/data/postmaster.pid")
  pg_as_owner "$bin/pg_ctl" -D "$PG_ROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  # pg_ctl can return a moment before the postmaster is gone.
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
}

# Creates the database if it does not exist (psql is part of the same binaries).
pg_create_database() {
  local bin; bin=$(pg_bin) || return 1
  local name=$1
  if ! "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE \"$name\"" >/dev/null
  fi
}
