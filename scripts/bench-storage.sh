#!/usr/bin/env bash
# Storage benchmarks on loopback: starts the stack (PostgreSQL with its default, durable settings) and runs
#   1. platform-bench ingest   storage ingest vs. a raw binary COPY of the same rows; full pipeline vs. engine in-process
#   2. platform-bench seed     fills the store up to SEED_QUOTES synthetic quotes (ids seed-N: already stored ones are skipped)
#   3. platform-bench query    speaker, entity and full-text searches, page size 50, p50/p95/p99, on a warm cache
#   scripts/bench-storage.sh [ARTICLES] [SEED_QUOTES] [QUERIES]      defaults 10000 1000000 200
# Results go to standard output; docs/benchmarks.md records them. Rate limits are off: this measures capacity.
# The cluster is the project's .local/postgres (as for scripts/demo.sh), restarted with the settings below.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/postgres.sh
source scripts/lib/stack.sh
articles=${1:-10000}; seed_quotes=${2:-1000000}; queries=${3:-200}

dotnet build Platform.sln -c Release --nologo -v quiet -clp:ErrorsOnly
export RateLimit__PermitsPerSecond=0
# Durable (fsync, synchronous commit, full-page writes: PostgreSQL's defaults) and 2 GB of shared buffers, so that
# the tables and indexes searched in a million-quote store (1.6 GB) stay in memory as on a server sized for it.
export PG_DURABLE=1 PG_SETTINGS="-c shared_buffers=2GB"
trap stack_stop EXIT
stack_start
export PLATFORM_BENCH_DB="$STACK_CONNECTION"

# CPU time (user + system, clock ticks) of a process and its reaped children, from /proc.
cpu_ticks() { awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0; }
postgres_ticks() {
  local total=0 pid
  for pid in $(pgrep -f "postgres -D ${PG_ROOT:-/nonexistent}/data" || true) $(pgrep -P "$(pgrep -f "postgres -D ${PG_ROOT:-/nonexistent}/data" | head -1)" 2>/dev/null || true); do
    total=$((total + $(cpu_ticks "$pid")))
  done
  echo "$total"
}

echo "== platform-bench ingest --articles $articles"
storage_before=$(cpu_ticks "$STORAGE_PID"); extraction_before=$(cpu_ticks "$EXTRACTION_PID"); postgres_before=$(postgres_ticks)
platform-bench ingest --articles "$articles"
# Where the CPU went during both ingest measurements (the raw COPY ceiling's share is in PostgreSQL's figure): on
# a small machine every process shares the same cores, which bounds the full pipeline's ratio.
seconds() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'; }
echo "CPU seconds during the ingest benchmarks: storage service $(seconds $(( $(cpu_ticks "$STORAGE_PID") - storage_before )))," \
  "extraction service $(seconds $(( $(cpu_ticks "$EXTRACTION_PID") - extraction_before ))), PostgreSQL $(seconds $(( $(postgres_ticks) - postgres_before )))"
echo "== platform-bench seed --quotes $seed_quotes"
platform-bench seed --quotes "$seed_quotes"
if [ -z "${PLATFORM_DB:-}" ]; then
  # Queries are measured on a warm server: the tables and indexes they read (about 1.6 GB for a million quotes)
  # are loaded into shared buffers first, as on a server that has been answering queries for a while. Right after a
  # restart the first searches read from disk instead.
  # And vacuumed, as autovacuum would have done a minute or two after the bulk load: until then each first read of a
  # new row checks its transaction's commit status and marks it (hint bits), which made the text searches of the run
  # right after seeding 30-40 % slower at p95 than a run a few minutes later.
  echo "== VACUUM (ANALYZE) and loading the searched tables and their indexes into shared buffers (pg_prewarm)"
  "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d platform -qAt -c "VACUUM (ANALYZE)"
  PGOPTIONS="-c client_min_messages=warning" "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d platform -qAt \
    -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
    -c "SELECT sum(pg_prewarm(r)) || ' pages' FROM (
          SELECT t::regclass FROM unnest(ARRAY['quotes', 'quote_entities', 'articles', 'known_entities', 'known_entity_aliases']) t
          UNION ALL
          SELECT indexrelid::regclass FROM pg_index
          WHERE indrelid IN ('quotes'::regclass, 'quote_entities'::regclass, 'articles'::regclass,
                             'known_entities'::regclass, 'known_entity_aliases'::regclass)
          UNION ALL
          -- The partitions of the full-text search table and their indexes (the partitioned parent has no storage).
          SELECT oid::regclass FROM pg_class WHERE relname ~ '^quote_search_' AND relkind IN ('r', 'i')) w(r)"
fi
echo "== platform-bench query --queries $queries"
platform-bench query --queries "$queries"
