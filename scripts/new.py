#!/usr/bin/env python3
"""Start a new practice, partner or guide as a draft: `make new`.

    make new                                          asks what to make, step by step
    python scripts/new.py praktijk "Titel van de praktijk"
    python scripts/new.py partner "Naam van de partner"
    python scripts/new.py stappenplan "Titel van het stappenplan"

The new entry has `status: concept`: `make check` accepts it, the site leaves it out until the
status is removed. Every field of the schema is in it, as a commented hint to fill in.
"""
import sys

from kennisbank.tools.interview import interview
from kennisbank.tools.scaffold import ScaffoldError, create, next_steps

USAGE = """Gebruik:
  make new                                               (stelt een paar vragen)
  python scripts/new.py praktijk "Titel van de praktijk"
  python scripts/new.py partner "Naam van de partner"
  python scripts/new.py stappenplan "Titel van het stappenplan\""""


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip().splitlines()[0] + "\n\n" + USAGE)
        return 0
    try:
        if not argv:
            kind, title, choices = interview(input, print)
        elif len(argv) == 2:
            kind, title, choices = argv[0], argv[1], {}
        else:
            print(USAGE, file=sys.stderr)
            return 2
        created = create(kind, title, choices)
    except ScaffoldError as error:
        print(f"Niet gemaakt: {error}", file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nGestopt: er is niets gemaakt.", file=sys.stderr)
        return 1
    print(next_steps(created))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
