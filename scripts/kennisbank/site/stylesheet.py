"""The site's own stylesheet, inlined into every built page.

Material's stylesheets are the only ones the first paint waits for: kennisbank.css (about 27 KB,
7 KB compressed) travels inside the page, so it costs no extra round trip and no flash of
unstyled content. While serving, the page links the file as usual, so an edit shows at once.
The Content-Security-Policy allows the inlined block by its hash (see csp.py).
"""
from __future__ import annotations

import re

from kennisbank.content import paths

SRC = "assets/kennisbank.css"  # as listed under extra_css in mkdocs.yml
_LINK = re.compile(r'<link rel="stylesheet" href="(?:\.\./|/)*' + re.escape(SRC) + r'">')
_read: dict[str, tuple[float, str]] = {}


def stylesheet_text() -> str:
    """The stylesheet as the pages get it, read again only when the file changed."""
    path = paths.ROOT / "docs" / SRC
    mtime = path.stat().st_mtime
    if _read.get("css", (None,))[0] != mtime:
        text = path.read_text(encoding="utf-8")
        if "</style" in text.lower():
            raise ValueError(f"docs/{SRC} bevat '</style': dat kan niet in een ingebedde stylesheet")
        _read["css"] = (mtime, text)
    return _read["css"][1]


def inline_stylesheet(html: str) -> str:
    """Replace the page's link to kennisbank.css by the stylesheet itself."""
    return _LINK.sub(lambda _: f"<style>{stylesheet_text()}</style>", html, count=1)
