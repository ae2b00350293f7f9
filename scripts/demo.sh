#!/usr/bin/env bash
# The main job: builds everything, starts PostgreSQL and both services, ingests articles (default: samples/),
# prints the stored quotes with their speakers and the top entities, then stops the services.
#   scripts/demo.sh [PATH...]     PATH: .txt, .html or .jsonl files or folders, e.g. ../shared/data/seed/article.txt
# Database: PLATFORM_DB (a connection string) if set; otherwise a project-local cluster in .local/postgres that is
# created on first use and reused (data kept between runs; the server is stopped at the end).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/postgres.sh
source scripts/lib/stack.sh
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(samples)

echo "==> Building"
dotnet build Platform.sln -c Release --nologo -v quiet -clp:ErrorsOnly
trap stack_stop EXIT
stack_start
platform status

echo "==> Ingesting ${paths[*]}"
platform ingest "${paths[@]}" || echo "(some articles were not stored; see above)"
echo
echo "==> Stored quotes"
platform quotes --limit 200
echo
echo "==> Speakers across articles"
platform speakers --limit 10
echo
echo "==> Top entities"
platform entities --limit 15
echo
echo "==> A quote in its paragraph: platform quote harbour-reopening#5"
platform quote harbour-reopening#5 || true
echo
echo "==> One quote, many articles: platform quotes --text \"drive hours nurse\" --group, then platform quote-group ID"
platform quotes --text "drive hours nurse" --group || true
group=$(platform quotes --text "drive hours nurse" --group --format jsonl 2>/dev/null | head -1 | sed -n 's/.*"groupId": *"\([0-9]*\)".*/\1/p')
[ -z "$group" ] || platform quote-group "$group" || true
if command -v curl >/dev/null 2>&1; then
  echo
  echo "==> The same store as JSON over HTTP/1.1: curl $PLATFORM_STORAGE_JSON_URL/v1/quotes?speaker=okafor&pageSize=1"
  curl -s "$PLATFORM_STORAGE_JSON_URL/v1/quotes?speaker=okafor&pageSize=1"
  echo
fi
