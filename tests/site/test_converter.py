"""The build's one Markdown converter (site/converter.py) renders every page as MkDocs' own
Page.render does: a build with it and a build without it are the same, byte for byte."""
from __future__ import annotations

import shutil

import pytest

from conftest import differences
from kennisbank.content import loader, paths
from kennisbank.site import converter
from kennisbank.tools.building import run_mkdocs
from kennisbank.tools.synthetic import write_corpus


def _mkdocs_own_render(monkeypatch) -> None:
    """Every page renders with MkDocs' own Page.render; the entry pages (which make their HTML
    themselves, see entry_html.py) each with a converter of their own."""
    shared = converter.use_shared
    monkeypatch.setattr(converter, "use_shared", lambda page, make=None: make and shared(page, make))
    monkeypatch.setattr(converter, "_current", lambda config, files: converter.Converter(config, files))


def test_the_real_site_is_the_same_as_with_mkdocs_own_rendering(built_site, tmp_path, monkeypatch):
    _mkdocs_own_render(monkeypatch)
    own = tmp_path / "site"
    run_mkdocs(paths.ROOT / "mkdocs.yml", own)
    assert differences(built_site, own) == []


@pytest.mark.parametrize("command", ["build", "serve"])
def test_many_similar_pages_are_the_same_as_with_mkdocs_own_rendering(tmp_path, monkeypatch, command):
    """Pages with the same headings (the converter's ids and anchors must start afresh on each
    page), in a build and the way `serve` renders (problems reported on the pages)."""
    root = write_corpus(tmp_path / "content", practices=12, partners=4, seed=11)
    monkeypatch.setenv("KENNISBANK_CONTENT", str(root))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    try:
        shared = tmp_path / "shared"
        run_mkdocs(paths.ROOT / "mkdocs.yml", shared, command=command)
        _mkdocs_own_render(monkeypatch)
        own = tmp_path / "own"
        run_mkdocs(paths.ROOT / "mkdocs.yml", own, command=command)
        assert differences(shared, own) == []
        assert len(list(shared.rglob("*.html"))) > 16
    finally:
        loader.forget()
        shutil.rmtree(tmp_path / "content")
