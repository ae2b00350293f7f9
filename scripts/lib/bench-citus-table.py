#!/usr/bin/env python3
"""Prints scripts/bench-citus.sh's side-by-side table: one PostgreSQL server against a Citus cluster, with the ratio
Citus / single for each figure. Reads ingest-{single,citus}.json and query-{single,citus}.json (the --json output of
platform-bench ingest and query) from the folder given as the only argument."""
import json
import os
import sys


def load(folder, name):
    with open(os.path.join(folder, name)) as f:
        return json.loads(f.read().strip().splitlines()[-1])


def ratio(citus, single):
    return f"{citus / single:.2f}" if single else "-"


def main(folder):
    rows = []
    single, citus = load(folder, "ingest-single.json")["storage"], load(folder, "ingest-citus.json")["storage"]
    rows.append((f"ingest, articles/s ({single['articles']} articles)", single["articlesPerSecond"], citus["articlesPerSecond"], "{:.1f}"))
    rows.append((f"ingest, quotes/s ({single['quotes']} quotes)", single["quotesPerSecond"], citus["quotesPerSecond"], "{:.0f}"))
    rows.append(("ingest, ack p50 ms", single["ackP50Ms"], citus["ackP50Ms"], "{:.0f}"))
    rows.append(("ingest, ack p99 ms", single["ackP99Ms"], citus["ackP99Ms"], "{:.0f}"))
    queries_single = {q["query"]: q for q in load(folder, "query-single.json")}
    queries_citus = {q["query"]: q for q in load(folder, "query-citus.json")}
    for name, q in queries_single.items():
        c = queries_citus.get(name)
        if c is None:
            continue
        for p in ("p50", "p95"):
            rows.append((f"query {name}, {p} ms", q[p], c[p], "{:.2f}"))
    not_stored = single["notStored"] + citus["notStored"]

    width = max(len(r[0]) for r in rows)
    print(f"{'measurement':<{width}}  {'single':>10}  {'Citus 1+2':>10}  {'Citus/single':>12}")
    for label, s, c, fmt in rows:
        print(f"{label:<{width}}  {fmt.format(s):>10}  {fmt.format(c):>10}  {ratio(c, s):>12}")
    print(f"not stored: {not_stored}")
    return 0 if not_stored == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
