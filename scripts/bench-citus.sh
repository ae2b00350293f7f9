#!/usr/bin/env bash
# Storage on a Citus cluster against one plain PostgreSQL server, in the same run, with the same data:
#   1. one PostgreSQL server (scripts/lib/postgres.sh), then a Citus coordinator + 2 workers (citus-cluster.sh), each
#      on 127.0.0.1, free ports, a throwaway folder
#   2. on each: a storage service (Release build, rate limits off) pointed at it, then
#      platform-bench ingest --storage-only   ARTICLES synthetic analyses (20 quotes each) over 2 streams
#      platform-bench seed                    the store filled up to SEED_QUOTES quotes (ids seed-N, same on both)
#      VACUUM (ANALYZE)                       as autovacuum would have done after the bulk load
#      platform-bench query                   QUERIES searches of each kind, page size 50, one at a time, warm
#   3. a side-by-side table with the ratios Citus / single (scripts/lib/bench-citus-table.py); everything stopped.
#   scripts/bench-citus.sh [ARTICLES] [SEED_QUOTES] [QUERIES]      defaults 2000 200000 100
# Every node (and the single server) runs with PostgreSQL's defaults plus fsync=off (citus-cluster.sh's settings;
# the single server gets the same). All of it, services and benchmark client included, shares this machine's cores:
# the cluster's three nodes do not get three machines' CPU, so the ratios say what distribution costs on one box,
# not what more machines would give. Each step is bounded in time (STEP_TIMEOUT seconds, default 900).
# CITUS_VENDOR names the folder with citus-install.sh and citus-cluster.sh (default: ../shared/vendor from the
# repository root); Citus is built from it first if missing (needs root). Results: standard output, and the JSON of
# each measurement in BENCH_OUT (default artifacts/bench-citus).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/postgres.sh
articles=${1:-2000}; seed_quotes=${2:-200000}; queries=${3:-100}
step_timeout=${STEP_TIMEOUT:-900}
out=${BENCH_OUT:-artifacts/bench-citus}
vendor=$(cd "${CITUS_VENDOR:-../shared/vendor}" && pwd)
bin=$(pg_bin)
if [ ! -f "$bin/../lib/citus.so" ]; then
  echo "Citus is not installed; building it from $vendor"
  bash "$vendor/citus-install.sh"
fi

for project in services/Platform.Storage benchmarks/Platform.Bench; do
  dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly
done
rm -rf "$out"; mkdir -p "$out" .local/logs
work=$(mktemp -d "${TMPDIR:-/tmp}/platform-bench-citus.XXXXXX")
chmod 755 "$work"

storage_pid=""
export CITUS_BASE="$work/citus" CITUS_PORTS=""
stop_storage() {
  if [ -n "$storage_pid" ]; then kill -TERM "$storage_pid" 2>/dev/null || true; wait "$storage_pid" 2>/dev/null || true; fi
  storage_pid=""
}
cleanup() {
  stop_storage
  pg_stop || true
  [ -z "$CITUS_PORTS" ] || bash "$vendor/citus-cluster.sh" stop || true
  rm -rf "$work"
}
trap cleanup EXIT

bench() { timeout "$step_timeout" dotnet benchmarks/Platform.Bench/bin/Release/net10.0/platform-bench.dll "$@"; }

# Starts a storage service on the database $1 (a connection string) and waits until it listens (migrations, and on
# Citus the distribution of the tables, run before that).
start_storage() {
  local port; port=$(pg_free_port)
  export PLATFORM_STORAGE_URL="http://127.0.0.1:$port"
  RateLimit__PermitsPerSecond=0 ConnectionStrings__Platform="$1" Urls="$PLATFORM_STORAGE_URL" \
    Storage__JsonUrl="http://127.0.0.1:$(pg_free_port)" \
    dotnet services/Platform.Storage/bin/Release/net10.0/Platform.Storage.dll >".local/logs/storage-$2.log" 2>&1 &
  storage_pid=$!
  local _
  for _ in $(seq 1 240); do
    if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then return 0; fi
    kill -0 "$storage_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "the storage service did not start on $2; see .local/logs/storage-$2.log" >&2
  return 1
}

# Runs the measurements against the storage service and database of target $1 (psql on port $2, database $3).
measure() {
  local name=$1 port=$2 database=$3 connection="Host=127.0.0.1;Port=$2;Username=postgres;Database=$3"
  start_storage "$connection" "$name"
  echo "== [$name] platform-bench ingest --articles $articles --storage-only"
  bench ingest --articles "$articles" --storage-only --database "$connection" --json | tee "$out/ingest-$name.json"
  echo "== [$name] platform-bench seed --quotes $seed_quotes"
  bench seed --quotes "$seed_quotes" | tee "$out/seed-$name.txt"
  echo "== [$name] VACUUM (ANALYZE)"
  timeout "$step_timeout" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$database" -qAt -c "VACUUM (ANALYZE)"
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$database" -qAt \
    -c "SELECT 'store: ' || (SELECT count(*) FROM articles) || ' articles, ' || (SELECT count(*) FROM quotes) || ' quotes'" \
    | tee "$out/store-$name.txt"
  echo "== [$name] platform-bench query --queries $queries"
  bench query --queries "$queries" --json | tee "$out/query-$name.json"
  stop_storage
}

echo "== one PostgreSQL server"
PG_DURABLE=1 PG_SETTINGS="-c fsync=off" pg_start "$work/single"
pg_create_database platform
measure single "$PG_PORT" platform
pg_stop

echo "== Citus: a coordinator and two workers"
CITUS_PORTS="$(pg_free_port) $(pg_free_port) $(pg_free_port)"
read -r coordinator worker1 worker2 <<<"$CITUS_PORTS"
bash "$vendor/citus-cluster.sh" start >/dev/null
echo "coordinator on port $coordinator, workers on $worker1 and $worker2"
measure citus "$coordinator" postgres
"$bin/psql" -h 127.0.0.1 -p "$coordinator" -U postgres -qAt \
  -c "SELECT 'shards per worker: ' || string_agg(nodeport || ' ' || n, ', ') FROM (SELECT nodeport, count(*) n FROM citus_shards WHERE table_name = 'quotes'::regclass GROUP BY 1 ORDER BY 1) s" \
  | tee "$out/shards-citus.txt"

echo
echo "== machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, shared by all nodes, the services and the benchmark client; $(date -u +'%Y-%m-%d %H:%M UTC')"
python3 scripts/lib/bench-citus-table.py "$out"
