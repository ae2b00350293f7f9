#!/usr/bin/env bash
# Quality gate for named entities: evaluates the shipped model on CoNLL-2003 test (phrase-level, conlleval-style,
# the model alone on the file's own tokens) and fails when overall F1 drops below the threshold. Data is read from ../shared/data (never from the repo).
# Usage: scripts/quality-gate-ner.sh [min-f1]   (default 90; env NER_DATA overrides the data directory)
set -euo pipefail
cd "$(dirname "$0")/.."
min_f1="${1:-90}"
data="${NER_DATA:-../shared/data/ner}"
test_file="$data/conll2003/test.bio.txt.gz"
if [[ ! -f "$test_file" ]]; then
  echo "quality-gate-ner: $test_file not found" >&2
  exit 2
fi
dotnet build clients/Platform.Cli -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet clients/Platform.Cli/bin/Release/net10.0/platform.dll \
  eval ner --conll "$test_file" --gold-tokens --min-f1 "$min_f1"
