#!/usr/bin/env bash
# Publishes one deployable project in Release mode: the exact command the Dockerfiles run (and CI checks).
#   scripts/publish.sh storage|extraction|cli OUTPUT_DIR
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case "${1:-}" in
  storage) project=services/Platform.Storage/Platform.Storage.csproj ;;
  extraction) project=services/Platform.Extraction/Platform.Extraction.csproj ;;
  cli) project=clients/Platform.Cli/Platform.Cli.csproj ;;
  *) echo "usage: scripts/publish.sh storage|extraction|cli OUTPUT_DIR" >&2; exit 2 ;;
esac
dotnet publish "$project" -c Release -o "${2:?output folder required}" --nologo -v quiet -clp:ErrorsOnly -p:UseAppHost=false
