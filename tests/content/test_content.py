"""One test per content entry (the id names the file), so a failure points at the file."""
from __future__ import annotations

import pytest

from kennisbank.content import paths
from kennisbank.content.loader import load_corpus
from kennisbank.site.render import PageRenderer

CORPUS, PROBLEMS = load_corpus(paths.ROOT)
ENTRIES = sorted(CORPUS.entries(), key=lambda e: (e.kind.name, e.id))  # published ones
FILES = sorted({p.path for p in PROBLEMS} | {e.path for e in ENTRIES + CORPUS.drafts})


@pytest.mark.parametrize("path", FILES)
def test_file_has_no_problems(path):
    mine = [str(p) for p in PROBLEMS if p.path == path]
    assert not mine, "\n".join(mine)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.kind.name}:{e.id}")
def test_entry_is_sourced_dated_and_renders(entry):
    assert entry.data["sources"], "every entry names its sources"
    assert entry.checked, "every entry says when its sources were consulted"
    page = PageRenderer(CORPUS).entry_page(entry)
    assert f"# {entry.title.split(':')[0]}"[:20] in page.replace("\\", "")
    assert "## Bronnen" in page
    assert f'datetime="{entry.checked}"' in page
    assert "Laatst nagekeken" not in page, "a page never presents the day it was written as a review"


def test_there_is_content_of_every_kind():
    assert CORPUS.practices and CORPUS.partners and CORPUS.guides
