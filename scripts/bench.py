#!/usr/bin/env python3
"""Measure the build and the finder: `make bench` (and `make bench BASELINE=1`).

For synthetic corpora of 500, 2,000 and 7,000 entries (5 practices to 2 partners, valid against
the schemas, Dutch-like text) it runs the real build in a fresh process and reports wall time,
peak memory (the sum of the proportional set sizes of the build's processes, sampled), site size,
HTML bytes per entry page, the finder's payload (gzipped) and the time of a finder query in
Chromium (p95 over 100 queries). It also times a `make serve` rebuild after editing one practice
of the shipped content (the median of three edits), and measures the shipped site's front end (tools/frontend_audit.py:
render-blocking CSS, minified vendored JS, sized images, axe with target-size, Lighthouse when
available). Results go to stdout as a table and to bench-results.json.

Beside each build it builds the MkDocs floor (plain mkdocs-material on the same generated pages,
short nav, no macros or hooks) and reports wall time, CPU time and peak memory as ratios to it;
at 7,000 entries (or with KENNISBANK_BENCH_INCREMENTAL=1) also the rebuild after editing one
practice, which reuses the other pages: the median of three edits, each of another practice
(tools/floor_bench.py, site/page_cache.py).
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from kennisbank.tools.benchmark import frontend_figures, run_benchmark

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,2000,7000", help="corpus sizes, comma-separated")
    parser.add_argument("--baseline", action="store_true",
                        help="also build plain mkdocs-material with every page in the nav, at 500 entries")
    parser.add_argument("--queries", type=int, default=100, help="finder queries per corpus")
    parser.add_argument("--output", default="bench-results.json")
    parser.add_argument("--frontend-only", action="store_true",
                        help="only the front-end figures (render-blocking CSS, minified JS, sized images, axe)")
    parser.add_argument("--lighthouse", help="a lighthouse command for mobile scores (else $LIGHTHOUSE or PATH)")
    args = parser.parse_args()
    # --frontend-only keeps the other figures already in the output file.
    keep = args.frontend_only and os.path.exists(args.output)
    kept = json.loads(open(args.output, encoding="utf-8").read()) if keep else {}
    results = kept if args.frontend_only else run_benchmark(
        [int(n) for n in args.sizes.split(",")], baseline=args.baseline, queries=args.queries)
    results["frontend"] = frontend_figures(args.lighthouse)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2)
        handle.write("\n")
    print(f"\nResultaten in {args.output}.", file=sys.stderr)
