"""While serving: what MkDocs made of a page's Markdown, kept across rebuilds.

`mkdocs serve` rebuilds the whole site after every edit. The hand-written pages (with their
macros already filled in) and most generated pages come out of that with the same Markdown as
before; converting it again is most of a rebuild. A page whose Markdown and site (the global key
of page_cache: code, templates, configuration) are the
same as in the previous rebuild, and whose links point at pages that still exist, gets the HTML,
table of contents and anchors it got then.
Anchor links of a reused page are not checked again (they were when it was converted).
"""
from __future__ import annotations

import posixpath
import re


class _Kept(dict):
    """What one rebuild made, for the next; what the next one does not use is then forgotten."""

    def __init__(self):
        super().__init__()
        self.used: set = set()

    def use(self, key):
        self.used.add(key)
        return self.get(key)

    def keep(self, key, value) -> None:
        self[key] = value
        self.used.add(key)

    def forget_unused(self) -> None:
        for key in set(self) - self.used:
            del self[key]
        self.used.clear()


_KEPT = _Kept()  # (page, Markdown, site, link targets) -> content, toc, title, anchors
LAST = {"reused": 0, "kept": 0}  # what the last rebuild took from the one before (for the tests)


_MD_TARGET = re.compile(r"[\w./-]+\.md\b")


def _targets(page, markdown: str, pages: set[str]) -> tuple:
    """The pages this Markdown may link to that exist now (a link to a page that went away
    must be converted again, to be reported)."""
    here = posixpath.dirname(page.file.src_uri)
    found = {posixpath.normpath(posixpath.join(here, t)) for t in _MD_TARGET.findall(markdown)}
    return tuple(sorted(found & pages))


def reuse(page, markdown: str, site: str | None, pages: set[str]) -> None:
    """Give `page` the rendering of an earlier rebuild, or keep the one it is about to get.
    `site`: the global key of the build; `pages`: the source paths of every page."""
    if site is None:
        return
    key = (page.file.src_uri, markdown, site, _targets(page, markdown, pages))
    kept = _KEPT.use(key)
    render = page.render
    if kept is not None:
        LAST["reused"] += 1

        def restore(config, files):
            page.content, page.toc, page._title_from_render, page.present_anchor_ids = kept
            page.links_to_anchors = {}
        page.render = restore
        return

    def render_and_keep(config, files):
        render(config, files)
        _KEPT.keep(key, (page.content, page.toc, page._title_from_render, page.present_anchor_ids))
    page.render = render_and_keep


def forget_unused() -> None:
    """After a rebuild: drop what it did not use (older versions of edited pages)."""
    _KEPT.forget_unused()
    _OUTPUT.forget_unused()


def start_rebuild() -> None:
    LAST.update(reused=0, kept=0)


# The finished HTML of a page, for a page whose rendering and context are the same as in the
# previous rebuild: the theme's templates are then not run again for it either.
KEPT_TEMPLATE = "kb-kept.html"  # prints the kept HTML (docs/overrides/kb-kept.html)
_OUTPUT = _Kept()  # output_key -> the finished HTML


def output_key(page, content: str, context: tuple) -> tuple:
    """What a page's HTML follows from, besides what `context` holds (the site's global key, the
    problems banner, the page's translations): its content (links already resolved), table of
    contents, title and metadata. The navigation is part of the site (mkdocs.yml)."""
    toc = repr([(t.id, t.title, t.level, repr(t.children)) for t in page.toc]) if page.toc else ""
    meta = repr(sorted((k, repr(v)) for k, v in page.meta.items()))
    return (page.file.src_uri, content, toc, page.title, meta, context)


def kept_output(page, key: tuple) -> str | None:
    """The HTML kept for `key`; the page then renders with KEPT_TEMPLATE."""
    html = _OUTPUT.use(key)
    if html is not None:
        page.meta["template"] = KEPT_TEMPLATE
        LAST["kept"] += 1
    return html


def keep_output(key: tuple, html: str) -> None:
    _OUTPUT.keep(key, html)
