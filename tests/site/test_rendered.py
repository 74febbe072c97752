"""While serving, pages whose Markdown did not change keep their rendering of the last rebuild
(site/rendered.py): the rebuilt site is the same, byte for byte, as one made without it."""
from __future__ import annotations

import shutil

from conftest import FIXTURES, differences
from kennisbank.content import loader, paths
from kennisbank.site import rendered
from kennisbank.tools.building import run_mkdocs


def test_a_rebuild_reuses_unchanged_pages_and_shows_the_change(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", content)
    monkeypatch.setenv("KENNISBANK_CONTENT", str(content))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    config = paths.ROOT / "mkdocs.yml"
    try:
        run_mkdocs(config, tmp_path / "first", command="serve")
        practice = next((content / paths.PRACTICES_DIR).glob("*.md"))
        text = practice.read_text(encoding="utf-8")
        copy = practice.with_name("een-tweede-praktijk.md")
        copy.write_text(text.replace("\ntitle: ", "\ntitle: Tweede ", 1), encoding="utf-8")

        run_mkdocs(config, tmp_path / "reused", command="serve")
        assert rendered.LAST["reused"] > 10  # the hand-written pages, whose Markdown stayed the same
        assert rendered.LAST["kept"] > 10  # and their finished HTML
        rendered._KEPT.clear()
        rendered._OUTPUT.clear()
        run_mkdocs(config, tmp_path / "fresh", command="serve")
        assert rendered.LAST["reused"] == rendered.LAST["kept"] == 0
        assert differences(tmp_path / "reused", tmp_path / "fresh") == []
        home = (tmp_path / "reused" / "index.html").read_text(encoding="utf-8")
        assert "Tweede " in (tmp_path / "reused" / "praktijken" / "een-tweede-praktijk" / "index.html").read_text(
            encoding="utf-8")
        assert home != (tmp_path / "first" / "index.html").read_text(encoding="utf-8")  # the count on home
    finally:
        rendered._KEPT.clear()
        rendered._OUTPUT.clear()
        loader.forget()
