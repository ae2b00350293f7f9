#!/usr/bin/env bash
# Runs every test of the solution: unit, storage integration and end-to-end.
# Starts a throwaway PostgreSQL cluster on a free port (stopped and deleted at the end) unless PLATFORM_TEST_DB
# already names a server. Ends by printing "tests: N passed, M failed[, K skipped]"; exits non-zero on failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/postgres.sh

if [ -z "${PLATFORM_TEST_DB:-}" ]; then
  PG_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/platform-test-pg.XXXXXX")
  trap 'pg_stop; rm -rf "$PG_ROOT"' EXIT
  pg_start "$PG_ROOT"
  export PLATFORM_TEST_DB="$PG_CONNECTION_STRING"
  echo "PostgreSQL for tests on port $PG_PORT"
fi

results=artifacts/test-results
rm -rf "$results"
status=0
dotnet build Platform.sln -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet test Platform.sln -c Release --no-build --nologo \
  --logger "trx;LogFilePrefix=tests" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

python3 scripts/lib/trx-summary.py "$results"
exit $status
