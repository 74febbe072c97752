"""`make check`: validate everything and say so in plain words."""
from __future__ import annotations

import sys
from pathlib import Path

from kennisbank.content.loader import load_corpus
from kennisbank.content.problems import ContentError, format_problems


def run_check(root: Path | None = None, out=None) -> int:
    out = out or sys.stdout
    try:
        corpus, problems = load_corpus(root)
    except ContentError as error:  # the vocabularies themselves are broken
        problems, corpus = error.problems, None
    if problems:
        print(format_problems(problems), file=out)
        return 1
    drafts = f", {len(corpus.drafts)} concepten (niet op de site)" if corpus.drafts else ""
    print(f"In orde: {len(corpus.practices)} praktijken, {len(corpus.partners)} partners, "
          f"{len(corpus.guides)} stappenplannen{drafts}.", file=out)
    return 0


def corpus_for_report(skipped: str, out=None):
    """The corpus for a report (stale entries, links); None when the content cannot be read.
    Problems are mentioned, not listed: `make check` lists them."""
    out = out or sys.stderr
    try:
        corpus, problems = load_corpus()
    except ContentError as error:
        print(error, file=out)
        return None
    if problems:
        print(f"Let op: {len(problems)} problemen in de inhoud; die items {skipped}. Voer `make check` uit.", file=out)
    return corpus
