"""Entry and listing pages as HTML (site/entry_html.py): the same page as its Markdown version,
converted whole by MkDocs, gives (tests/site/test_converter.py checks the converter itself)."""
from __future__ import annotations

import re
import shutil

import pytest

from kennisbank.content import loader, paths
from kennisbank.content.vocab import load_vocabularies
from kennisbank.site import events
from kennisbank.site.entry_html import SPLIT, Slots
from kennisbank.tools.building import run_mkdocs
from kennisbank.tools.synthetic import write_corpus


def _article(html: str) -> str:
    """The page's content, without comments and the whitespace between tags."""
    html = html[html.index("<article"):html.index("</article>")]
    html = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html))


def _as_markdown(monkeypatch, site) -> None:
    monkeypatch.setattr(events, "ENTRY_PAGES_AS_HTML", False)
    run_mkdocs(paths.ROOT / "mkdocs.yml", site)


def _compare(html_site, markdown_site) -> int:
    """Every page of the two sites is the same (the whitespace between tags aside); how many
    pages were made as HTML (entry and listing pages: their bytes differ)."""
    made_as_html = 0
    for page in sorted(p.relative_to(html_site) for p in html_site.rglob("*.html")):
        html = (html_site / page).read_text(encoding="utf-8")
        markdown = (markdown_site / page).read_text(encoding="utf-8")
        if html == markdown or "<article" not in html:
            assert html == markdown, page
            continue
        made_as_html += 1
        assert _article(html) == _article(markdown), page
        outside = lambda text: text[:text.index("<article")] + text[text.index("</article>"):]  # noqa: E731
        assert outside(html) == outside(markdown), page  # the table of contents, the head
    return made_as_html


def test_every_real_page_is_the_page_its_markdown_gives(built_site, corpus, tmp_path, monkeypatch):
    _as_markdown(monkeypatch, tmp_path / "markdown")
    listings = len(load_vocabularies().terms["themes"]) + 3  # a page per theme, and the index of each kind
    assert _compare(built_site, tmp_path / "markdown") == len(corpus.entries()) + listings


def test_many_generated_entry_pages_are_the_pages_their_markdown_gives(tmp_path, monkeypatch):
    root = write_corpus(tmp_path / "content", practices=30, partners=10, seed=5)
    monkeypatch.setenv("KENNISBANK_CONTENT", str(root))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    try:
        run_mkdocs(paths.ROOT / "mkdocs.yml", tmp_path / "html")
        _as_markdown(monkeypatch, tmp_path / "markdown")
        assert _compare(tmp_path / "html", tmp_path / "markdown") >= 40
    finally:
        loader.forget()
        shutil.rmtree(root)


def test_parts_are_put_back_in_place_and_phrases_lose_their_paragraph():
    slots = Slots()
    paragraphs = "a\n\nb"
    html = f"<div>{slots.h(2, 'Stappen')}</div><dd>{slots.inline('*zo*')}</dd>{slots.md(paragraphs)}"
    converted = "\n".join(["<h2>Stappen</h2>", f"<p>{SPLIT}</p>", "<p><em>zo</em></p>", f"<p>{SPLIT}</p>",
                           "<p>a</p>\n<p>b</p>"])
    assert slots.fill(html, converted) == "<div><h2>Stappen</h2></div><dd><em>zo</em></dd><p>a</p>\n<p>b</p>"


def test_a_part_that_swallows_the_rest_of_the_page_is_reported():
    slots = Slots()
    slots.md("```\nnooit gesloten")
    slots.md("nog iets")
    with pytest.raises(ValueError, match="sluit het af"):
        slots.fill("", "<pre><code>nooit gesloten\n\nkbsplit\n\nnog iets</code></pre>")
