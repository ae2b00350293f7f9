#!/usr/bin/env bash
# The main job: builds everything, starts PostgreSQL and both services, ingests articles (default: samples/),
# prints the stored quotes with their speakers and the top entities, then stops the services.
#   scripts/demo.sh [PATH...]     PATH: .txt or .jsonl files or folders, e.g. ../shared/data/seed/article.txt
# Database: PLATFORM_DB (a connection string) if set; otherwise a project-local cluster in .local/postgres that is
# created on first use and reused (data kept between runs; the server is stopped at the end).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/postgres.sh
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(samples)

mkdir -p .local/logs
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -z "${PLATFORM_DB:-}" ] && pg_stop
}
trap cleanup EXIT

echo "==> Building"
dotnet build Platform.sln -c Release --nologo -v quiet -clp:ErrorsOnly

if [ -n "${PLATFORM_DB:-}" ]; then
  connection="$PLATFORM_DB"
  echo "==> Using the database from PLATFORM_DB"
else
  cluster="$PWD/.local/postgres"
  # As root the server runs as user postgres, which must be able to reach the project folder.
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$PWD/.local" 2>/dev/null; then
    cluster="/var/tmp/platform-$(echo -n "$PWD" | sha256sum | cut -c1-12)/postgres"
  fi
  port_file="$cluster.port"
  mkdir -p "$(dirname "$cluster")"
  port=$(cat "$port_file" 2>/dev/null || pg_free_port)
  echo "==> Starting PostgreSQL (cluster $cluster, port $port)"
  pg_start "$cluster" "$port"
  echo "$port" >"$port_file"
  pg_create_database platform
  connection="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=platform"
fi

storage_port=$(pg_free_port)
extraction_port=$(pg_free_port)
export PLATFORM_STORAGE_URL="http://127.0.0.1:$storage_port"
export PLATFORM_EXTRACTION_URL="http://127.0.0.1:$extraction_port"
echo "==> Starting storage ($PLATFORM_STORAGE_URL) and extraction ($PLATFORM_EXTRACTION_URL); logs in .local/logs"
ConnectionStrings__Platform="$connection" Urls="$PLATFORM_STORAGE_URL" \
  dotnet services/Platform.Storage/bin/Release/net10.0/Platform.Storage.dll >.local/logs/storage.log 2>&1 &
pids+=($!)
Storage__Address="$PLATFORM_STORAGE_URL" Urls="$PLATFORM_EXTRACTION_URL" \
  dotnet services/Platform.Extraction/bin/Release/net10.0/Platform.Extraction.dll >.local/logs/extraction.log 2>&1 &
pids+=($!)

platform() { dotnet clients/Platform.Cli/bin/Release/net10.0/platform.dll "$@"; }
for _ in $(seq 1 120); do
  platform status >/dev/null 2>&1 && break
  sleep 0.5
done
platform status

echo "==> Ingesting ${paths[*]}"
platform ingest "${paths[@]}" || echo "(some articles were not stored; see above)"
echo
echo "==> Stored quotes"
platform quotes --limit 200
echo
echo "==> Top entities"
platform entities --limit 15
