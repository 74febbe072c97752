#!/usr/bin/env python3
"""List the entries that were not reviewed in the last twelve months: `make stale`.

Oldest first, as `path:line: title — laatst nagekeken op DATE (N maanden geleden)`.
"""
import argparse
import sys
from datetime import date

from kennisbank.tools.checking import corpus_for_report
from kennisbank.content.freshness import MAX_AGE_MONTHS, stale_entries


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; schrijf JJJJ-MM-DD") from None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=f"Toon wat langer dan {MAX_AGE_MONTHS} maanden niet nagekeken is.")
    parser.add_argument("--today", type=_day, default=date.today(), help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")
    args = parser.parse_args(argv)
    corpus = corpus_for_report("ontbreken hieronder")
    if corpus is None:
        return 1
    stale = stale_entries(corpus, args.today)
    for item in stale:
        print(item)
    total = len(corpus.entries())
    if stale:
        print(f"{len(stale)} van de {total} items zijn langer dan {MAX_AGE_MONTHS} maanden niet nagekeken. "
              "Kijk ze na met de bronnen en zet 'last_reviewed' op de datum van vandaag.")
    else:
        print(f"Alle {total} items zijn in de laatste {MAX_AGE_MONTHS} maanden nagekeken.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
