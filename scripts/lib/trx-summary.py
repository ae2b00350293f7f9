"""Prints the one-line summary of the test runs whose .trx files are in a folder:
"tests: N passed, M failed[, K skipped]". Errors, timeouts and aborted tests count as failed.
Usage: python3 scripts/lib/trx-summary.py RESULTS_DIR"""
import glob
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += sum(int(counters.get(name, 0)) for name in ("failed", "error", "timeout", "aborted"))
    skipped += int(counters.get("notExecuted", 0))
line = f"tests: {passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
