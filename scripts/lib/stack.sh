# Starts and stops the whole stack from the Release build: PostgreSQL (unless PLATFORM_DB names a server) and both
# services on free loopback ports. Source after scripts/lib/postgres.sh, from the repository root.
#   stack_start     sets PLATFORM_STORAGE_URL, PLATFORM_STORAGE_JSON_URL (HTTP/1.1 JSON), PLATFORM_EXTRACTION_URL,
#                   STORAGE_PID, EXTRACTION_PID
#   stack_stop      stops the services (SIGTERM) and the cluster
# Extra service settings can be passed as environment variables (for example RateLimit__PermitsPerSecond=0).

stack_database() {
  if [ -n "${PLATFORM_DB:-}" ]; then
    echo "==> Using the database from PLATFORM_DB" >&2
    STACK_CONNECTION="$PLATFORM_DB"
    return
  fi
  local cluster="$PWD/.local/postgres"
  # As root the server runs as user postgres, which must be able to reach the project folder.
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$PWD/.local" 2>/dev/null; then
    cluster="/var/tmp/platform-$(echo -n "$PWD" | sha256sum | cut -c1-12)/postgres"
  fi
  local port_file="$cluster.port" port
  mkdir -p "$(dirname "$cluster")"
  port=$(cat "$port_file" 2>/dev/null || pg_free_port)
  echo "==> Starting PostgreSQL (cluster $cluster, port $port)" >&2
  pg_start "$cluster" "$port"
  echo "$port" >"$port_file"
  pg_create_database platform
  STACK_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=platform"
}

stack_start() {
  mkdir -p .local/logs
  stack_database
  export PLATFORM_STORAGE_URL="http://127.0.0.1:$(pg_free_port)"
  export PLATFORM_STORAGE_JSON_URL="http://127.0.0.1:$(pg_free_port)"
  export PLATFORM_EXTRACTION_URL="http://127.0.0.1:$(pg_free_port)"
  echo "==> Starting storage ($PLATFORM_STORAGE_URL, JSON on $PLATFORM_STORAGE_JSON_URL) and extraction ($PLATFORM_EXTRACTION_URL); logs in .local/logs" >&2
  ConnectionStrings__Platform="$STACK_CONNECTION" Urls="$PLATFORM_STORAGE_URL" Storage__JsonUrl="$PLATFORM_STORAGE_JSON_URL" \
    dotnet services/Platform.Storage/bin/Release/net10.0/Platform.Storage.dll >.local/logs/storage.log 2>&1 &
  STORAGE_PID=$!
  Storage__Address="$PLATFORM_STORAGE_URL" Urls="$PLATFORM_EXTRACTION_URL" \
    dotnet services/Platform.Extraction/bin/Release/net10.0/Platform.Extraction.dll >.local/logs/extraction.log 2>&1 &
  EXTRACTION_PID=$!
  local _
  for _ in $(seq 1 120); do
    platform status >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "The services did not start; see .local/logs" >&2
  return 1
}

stack_stop() {
  local pid
  for pid in ${STORAGE_PID:-} ${EXTRACTION_PID:-}; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in ${STORAGE_PID:-} ${EXTRACTION_PID:-}; do wait "$pid" 2>/dev/null || true; done
  [ -n "${PLATFORM_DB:-}" ] || pg_stop
}

platform() { dotnet clients/Platform.Cli/bin/Release/net10.0/platform.dll "$@"; }
platform-bench() { dotnet benchmarks/Platform.Bench/bin/Release/net10.0/platform-bench.dll "$@"; }
