"""The navigation rendered once for the pages outside it (site/nav_memo.py): a build with the
memo is the same, byte for byte, as a build in which every page renders its own."""
from __future__ import annotations

from conftest import differences
from kennisbank.content import paths
from kennisbank.site import nav_memo
from kennisbank.tools.building import run_mkdocs


def test_the_real_site_is_the_same_as_when_every_page_renders_its_navigation(built_site, tmp_path, monkeypatch):
    monkeypatch.setattr(nav_memo, "kept", lambda page, nav: None)
    own = tmp_path / "site"
    run_mkdocs(paths.ROOT / "mkdocs.yml", own)
    assert differences(built_site, own) == []


def test_only_pages_outside_the_navigation_share_it(built_site):
    """An entry page's navigation marks no page as the current one; a page in the navigation
    (here the practices' listing) marks itself."""
    entry = (built_site / "praktijken" / "goed-nieuws-naar-huis" / "index.html").read_text(encoding="utf-8")
    listing = (built_site / "praktijken" / "index.html").read_text(encoding="utf-8")
    def nav(html: str) -> str:
        return html[html.index('data-md-type="navigation"'):html.index('data-md-type="toc"')]
    assert "md-nav__link--active" not in nav(entry)
    assert "md-nav__link--active" in nav(listing)
