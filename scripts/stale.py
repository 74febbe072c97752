#!/usr/bin/env python3
"""List the entries whose newest dated source is more than twelve months old: `make stale`.

Oldest first, as `path:line: title — bronnen van 2018–2023, nieuwste N maanden oud`; entries
without any dated source (and no confirmation by an organisation) come first.
"""
import argparse
import sys
from datetime import date

from kennisbank.content.freshness import MAX_AGE_MONTHS, stale_entries
from kennisbank.tools.checking import corpus_for_report


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; schrijf JJJJ-MM-DD") from None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=f"Toon wat steunt op bronnen van meer dan {MAX_AGE_MONTHS} maanden oud.")
    parser.add_argument("--today", type=_day, default=date.today(),
                        help="doe alsof het vandaag deze datum is (JJJJ-MM-DD)")
    args = parser.parse_args(argv)
    corpus = corpus_for_report("ontbreken hieronder")
    if corpus is None:
        return 1
    stale = stale_entries(corpus, args.today)
    for item in stale:
        print(item)
    total = len(corpus.entries())
    if stale:
        print(f"{len(stale)} van de {total} items steunen op bronnen van meer dan {MAX_AGE_MONTHS} maanden oud. "
              "Zoek een recentere bron (met 'published' en 'consulted') of vraag de organisatie om te bevestigen.")
    else:
        print(f"Alle {total} items steunen op een bron van de laatste {MAX_AGE_MONTHS} maanden.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
