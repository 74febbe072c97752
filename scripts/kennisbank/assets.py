"""Files the site needs besides pages: data made from the content and vendored scripts."""
from __future__ import annotations

from mkdocs.structure.files import Files

from .model import Corpus


def generated_assets(corpus: Corpus, config) -> dict[str, str]:
    return {}


def add_vendored_files(files: Files, config) -> None:
    return None
