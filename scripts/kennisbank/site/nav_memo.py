"""The sidebar navigation of the pages that are not in it, rendered once per folder.

Material renders the whole navigation for every page: about half of its templating time. A page
that is not in the navigation (an entry page or a theme page: they are reached through the
listings) has no active item in it, so its navigation differs from that of another such page
only in its relative links, which follow from the folder the page is in. The first such page in
a folder renders it (docs/overrides/main.html, block site_nav); the next ones reuse its HTML.
tests/site/test_nav_memo.py checks that a build with the memo is the same, byte for byte, as
one without it.
"""
from __future__ import annotations

import posixpath

_KEPT: dict = {}  # (folder, hidden) -> the navigation's HTML; 'nav' -> the build's navigation


def key(page, nav) -> tuple | None:
    """What a page's navigation follows from, or None when the page is in the navigation."""
    if page is None or nav is None or page in nav.pages:
        return None
    if _KEPT.get("nav") is not nav:  # a new build: forget the last one's navigation
        _KEPT.clear()
        _KEPT["nav"] = nav
    hide = tuple((page.meta or {}).get("hide") or ())
    return (posixpath.dirname(page.url.rstrip("/")), hide)


def kept(page, nav) -> str | None:
    found = key(page, nav)
    return None if found is None else _KEPT.get(found)


def keep(page, nav, html: str) -> str:
    """Keep the navigation just rendered for `page`; returns it, to print."""
    found = key(page, nav)
    if found is not None:
        _KEPT[found] = html
    return html
