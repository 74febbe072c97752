"""A page's HTML waits on disk between its conversion and its template.

MkDocs converts every page before it renders the first template, so a build holds the HTML of
all its pages at once: about 12 KB per entry page, 120 MB per process for 10,000 pages. A page
given to `hold` keeps its HTML (`page.content`) in a temporary file of the build process
instead: writing and reading it back costs microseconds (it stays in the operating system's
file cache); the memory stays free. `release` ends a build's file.
"""
from __future__ import annotations

import os
import tempfile

from mkdocs.structure.pages import Page

_FILE: dict = {}  # this process's file: {"pid", "fd", "end"}


def _file() -> dict:
    if _FILE.get("pid") != os.getpid():  # a forked build process writes a file of its own
        handle, name = tempfile.mkstemp(prefix="kennisbank-html-")
        os.unlink(name)  # gone from the folder at once; the space is freed when it is closed
        _FILE.update(pid=os.getpid(), fd=handle, end=0)
    return _FILE


class _HeldPage(Page):
    """A Page whose `content` is stored as (file, offset, length) in the file of the process
    that set it (a forked process still reads its parent's pages from the parent's file)."""

    @property
    def content(self) -> str | None:
        where = self.__dict__.get("_kb_held")
        if where is None:
            return None
        handle, offset, length = where
        return os.pread(handle, length, offset).decode("utf-8")

    @content.setter
    def content(self, html: str | None) -> None:
        if html is None:
            self.__dict__["_kb_held"] = None
            return
        data, file = memoryview(html.encode("utf-8")), _file()
        self.__dict__["_kb_held"] = (file["fd"], file["end"], len(data))
        while data:
            written = os.pwrite(file["fd"], data, file["end"])
            data, file["end"] = data[written:], file["end"] + written


def hold(page: Page) -> None:
    """From now on, keep `page`'s HTML in the build's file."""
    if type(page) is Page:
        html = page.__dict__.pop("content", None)
        page.__class__ = _HeldPage
        page.content = html


def release() -> None:
    """After a build: close its file (pages held in it can no longer be read)."""
    if _FILE.get("pid") == os.getpid():
        os.close(_FILE["fd"])
    _FILE.clear()
