"""One Markdown converter per build, reused for every page.

For each page it renders, MkDocs (Page.render) makes a new python-markdown converter with every
extension. Making one costs about 1.4 ms, and a fresh converter then converts at half speed (its
patterns and caches are cold): 7.4 ms for a synthetic practice, against 3.4 ms for a converter
that is reset between pages. `render` does what Page.render does, with MkDocs' own processors,
on one converter per build; tests/site/test_converter.py checks that every page of a build comes
out byte for byte as MkDocs' own rendering makes it.
"""
from __future__ import annotations

import logging

import markdown
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.structure.pages")


class Converter:
    """A converter with the site's extensions and MkDocs' four page processors (raw HTML
    anchors, anchors, relative links, title), which are given the page before each conversion."""

    def __init__(self, config, files):
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})
        self.raw_html = mkdocs_pages._RawHTMLPreprocessor()
        self.raw_html._register(self.md)
        self.anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(None, files, config)
        self.anchors._register(self.md)
        self.links = mkdocs_pages._RelativePathTreeprocessor(None, files, config)
        self.links._register(self.md)
        self.title = mkdocs_pages._ExtractTitleTreeprocessor()
        self.title._register(self.md)

    def render(self, page, files, markdown_text: str | None = None) -> None:
        """Page.render, on this converter (of `markdown_text` instead of the page's Markdown)."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        self.links.file, self.links.files, self.links.links_to_anchors = page.file, files, {}
        self.anchors.present_anchor_ids = set()
        self.raw_html.present_anchor_ids = set()
        self.title.title = None
        self.md.reset()
        page.content = self.md.convert(page.markdown if markdown_text is None else markdown_text)
        page.toc = get_toc(getattr(self.md, "toc_tokens", []))
        page._title_from_render = self.title.title
        page.present_anchor_ids = self.anchors.present_anchor_ids | self.raw_html.present_anchor_ids
        if log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = self.links.links_to_anchors


_CURRENT: dict = {}  # this build's converter, with the configuration and files it was made for


def _current(config, files) -> Converter:
    if _CURRENT.get("config") is not config or _CURRENT.get("files") is not files:
        _CURRENT.update(config=config, files=files, converter=Converter(config, files))
    return _CURRENT["converter"]


def use_shared(page, make=None) -> None:
    """Let `page` render on the build's converter (made on first use; another configuration or
    file list gets a new one). `make(page, convert)`: a page that makes its HTML itself, and
    has `convert(page, markdown)` convert its Markdown as Page.render would (entry_html.py)."""
    def render(config, files):
        converter = _current(config, files)
        if make is None:
            converter.render(page, files)
        else:
            make(page, lambda page, text: converter.render(page, files, text))
    page.render = render


def forget() -> None:
    """After a build: let its converter, configuration and files go."""
    _CURRENT.clear()
