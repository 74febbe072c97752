#!/usr/bin/env python3
"""Check every external web address in the content: `make links` (needs the internet).

Prints each broken one as `path:line: url — status` and exits 1 if there is any. Sites that
refuse robots (401, 403, 429) are listed apart, to check by hand; they do not fail the run.
"""
import argparse
import sys
from functools import partial

from kennisbank.content import paths
from kennisbank.tools.checking import corpus_for_report
from kennisbank.tools.linkcheck import TIMEOUT, WORKERS, check_links, corpus_links, fetch_url, report


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Controleer alle externe links in de inhoud.")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help=f"seconden per adres (standaard {TIMEOUT})")
    parser.add_argument("--workers", type=int, default=WORKERS, help=f"adressen tegelijk (standaard {WORKERS})")
    args = parser.parse_args(argv)
    corpus = corpus_for_report("worden overgeslagen")
    if corpus is None:
        return 1
    links = corpus_links(corpus, paths.content_root())
    count = len({link.url for link in links})
    print(f"{count} {'webadres' if count == 1 else 'webadressen'} controleren...", file=sys.stderr)
    checked = check_links(links, partial(fetch_url, timeout=args.timeout), workers=args.workers)
    return report(checked, sys.stdout)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
