"""Entry pages (and the long listing pages) rendered as HTML, with only the contributors'
Markdown going through Markdown.

Written as Markdown (render.PageRenderer.entry_page), an entry page is mostly structure: the
at-a-glance data, lists of linked entries with their summaries, the sources. python-markdown
spends 11.6 ms on a synthetic practice page, of which 1.4 ms on what the contributor wrote.
So the templates templates/*.html.j2 write the structure as HTML, and what a contributor wrote
in Markdown, and every heading, is a Markdown part (`Slots`): the parts of a page are converted
together, in page order, on the build's converter (converter.py), then put in place. The
headings' ids, permalinks and the table of contents come from the toc extension as on any MkDocs
page, and links in the contributors' Markdown are resolved and checked as MkDocs does.
The listing pages (listings.py) are made the same way: at 7,000 entries, the index of the
practices alone is 1.4 MB of list items. tests/site/test_entry_html.py holds every page to the
HTML its Markdown version converts to.
"""
from __future__ import annotations

import re

from kennisbank.site.render import md_escape

SPLIT = "kbsplit0x5f3759df"  # between two parts: a paragraph of its own that nothing else makes
_MARK = re.compile("\x00(\\d+)\x00")
_ID = re.compile(r'\bid="([^"]+)"')


class Slots:
    """The Markdown parts of one page, each with a marker in the page's HTML."""

    def __init__(self):
        self.parts: list[tuple[str, bool]] = []

    def _add(self, text: str, inline: bool) -> str:
        self.parts.append((text, inline))
        return f"\x00{len(self.parts) - 1}\x00"

    def md(self, text) -> str:
        """A block of Markdown (paragraphs, lists)."""
        return self._add(str(text), False)

    def inline(self, text) -> str:
        """A phrase of Markdown, in a sentence of the page: without its paragraph."""
        return self._add(str(text), True)

    def h(self, level: int, text, attributes: str = "") -> str:
        """A heading with plain text (and attr_list attributes, e.g. ' { #stap-1 }')."""
        return self._add("#" * level + " " + md_escape(text) + attributes, False)

    def markdown(self) -> str:
        return f"\n\n{SPLIT}\n\n".join(text for text, _ in self.parts)

    def fill(self, html: str, converted: str) -> str:
        """Put the converted parts in place of their markers in `html`."""
        pieces = converted.split(f"<p>{SPLIT}</p>")
        if len(pieces) != len(self.parts):
            raise ValueError("een veld in Markdown sluit iets niet af (bijvoorbeeld een codeblok dat met ``` "
                             "begint maar niet eindigt): sluit het af")
        out = []
        for (_, inline), piece in zip(self.parts, pieces, strict=True):
            piece = piece.strip("\n")
            if inline and piece.startswith("<p>") and piece.endswith("</p>") and piece.count("<p>") == 1:
                piece = piece[3:-4]
            out.append(piece)
        return _MARK.sub(lambda m: out[int(m.group(1))], html)


def render(page, source: str, make_html, convert) -> None:
    """Render a page made as HTML (`make_html(slots)`: an entry or a listing page; `source`:
    where a problem is, for its message): `convert(page, markdown)` converts the page's
    Markdown parts and sets its content, table of contents, title and anchors as Page.render."""
    slots = Slots()
    html = make_html(slots)
    convert(page, slots.markdown())
    try:
        page.content = slots.fill(html, page.content)
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from None
    page.present_anchor_ids = (page.present_anchor_ids or set()) | set(_ID.findall(html))
