#!/usr/bin/env bash
# Runs the storage integration tests and the end-to-end tests against a Citus cluster: a coordinator and two workers
# on 127.0.0.1 (free ports, a throwaway folder; stopped and deleted at the end). Citus is built and installed from the
# vendored source first when the extension is missing (several minutes, once per machine; needs root, and upgrades the
# machine's PostgreSQL 15 minor version to match its server headers).
# CITUS_VENDOR names the folder with citus-install.sh and citus-cluster.sh (default: ../shared/vendor from the
# repository root). Ends by printing "tests: N passed, M failed"; exits non-zero on failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/postgres.sh
vendor=$(cd "${CITUS_VENDOR:-../shared/vendor}" && pwd)

bin=$(pg_bin)
if [ ! -f "$bin/../lib/citus.so" ]; then
  echo "Citus is not installed; building it from $vendor"
  bash "$vendor/citus-install.sh"
fi

export CITUS_BASE
CITUS_BASE=$(mktemp -d "${TMPDIR:-/tmp}/platform-citus.XXXXXX")
export CITUS_PORTS="$(pg_free_port) $(pg_free_port) $(pg_free_port)"
read -r coordinator worker1 worker2 <<<"$CITUS_PORTS"
trap 'bash "$vendor/citus-cluster.sh" stop; rm -rf "$CITUS_BASE"' EXIT
bash "$vendor/citus-cluster.sh" start >/dev/null
echo "Citus coordinator on port $coordinator, workers on $worker1 and $worker2"

export PLATFORM_TEST_DB="Host=127.0.0.1;Port=$coordinator;Username=postgres;Database=postgres"
export PLATFORM_TEST_CITUS_WORKERS="127.0.0.1:$worker1 127.0.0.1:$worker2"

results=artifacts/test-results-citus
rm -rf "$results"
status=0
for project in tests/Platform.Storage.Tests tests/Platform.EndToEnd.Tests; do
  dotnet build "$project" -c Release --nologo -v quiet -clp:ErrorsOnly
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFilePrefix=citus" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
done

python3 scripts/lib/trx-summary.py "$results"
exit $status
