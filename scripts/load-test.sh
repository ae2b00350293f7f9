#!/usr/bin/env bash
# A bounded load test on loopback: starts the stack, runs `platform-bench load` (concurrent storing streams and
# unary calls) for the given seconds, samples both services' resident memory every 5 s, and prints both.
#   scripts/load-test.sh [SECONDS] [STREAMS] [UNARY]      defaults 60 8 8
# Rate limits are switched off for the run: the test measures capacity, not the limiter.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/postgres.sh
source scripts/lib/stack.sh
seconds=${1:-60}; streams=${2:-8}; unary=${3:-8}

dotnet build Platform.sln -c Release --nologo -v quiet -clp:ErrorsOnly
export RateLimit__PermitsPerSecond=0
trap stack_stop EXIT
stack_start

memory_log=.local/logs/load-memory.tsv
echo -e "second\tstorage_rss_mb\textraction_rss_mb" >"$memory_log"
(
  start=$(date +%s)
  while kill -0 "$STORAGE_PID" 2>/dev/null; do
    echo -e "$(( $(date +%s) - start ))\t$(( $(ps -o rss= -p "$STORAGE_PID") / 1024 ))\t$(( $(ps -o rss= -p "$EXTRACTION_PID") / 1024 ))" >>"$memory_log"
    sleep 5
  done
) &
sampler=$!

platform-bench load --seconds "$seconds" --streams "$streams" --unary "$unary" || status=$?
kill "$sampler" 2>/dev/null || true
echo
echo "resident memory (MB) every 5 s:"
column -t "$memory_log"
exit "${status:-0}"
