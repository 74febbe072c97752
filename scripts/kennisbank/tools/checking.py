"""`make check`: validate everything and say so in plain words."""
from __future__ import annotations

import sys
from pathlib import Path

from kennisbank.content import paths
from kennisbank.content.loader import load_corpus
from kennisbank.content.model import KINDS
from kennisbank.content.problems import ContentError, Problem, format_problems
from kennisbank.content.wording import count_noun
from kennisbank.search import synonyms
from kennisbank.site import translations


def run_check(root: Path | None = None, out=None) -> int:
    out = out or sys.stdout
    try:
        corpus, problems = load_corpus(root)
    except ContentError as error:  # the vocabularies themselves are broken
        problems, corpus = error.problems, None
    translation_problems, warnings = check_translations(root)
    problems = [*problems, *translation_problems, *synonyms.check_file()]
    for warning in warnings:  # a warning is printed, but does not fail the check
        print(warning, file=out)
    if problems:
        print(format_problems(problems), file=out)
        return 1
    counts = [count_noun(len(corpus.of_kind(name)), kind.singular, kind.plural) for name, kind in KINDS.items()]
    drafts = f", {count_noun(len(corpus.drafts), 'concept', 'concepten')} (niet op de site)" if corpus.drafts else ""
    print(f"In orde: {', '.join(counts)}{drafts}.", file=out)
    return 0


def check_translations(root: Path | None = None) -> tuple[list[Problem], list[Problem]]:
    """Malformed translated pages (problems) and translations older than their Dutch page
    (warnings), read from <root>/docs; the languages come from <root>/mkdocs.yml, or the repository's."""
    root = root or paths.content_root()
    config = root / "mkdocs.yml" if (root / "mkdocs.yml").is_file() else paths.ROOT / "mkdocs.yml"
    try:
        codes = translations.configured_codes(config)
    except ValueError as error:
        return [Problem("mkdocs.yml", 1, str(error), "vul de taal aan in extra.translations")], []
    return translations.check(root / "docs", codes)


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
        print(f"Let op: {count_noun(len(problems), 'probleem', 'problemen')} in de inhoud; die items {skipped}. "
              "Voer `make check` uit.", file=out)
    return corpus
