"""A page's HTML waits on disk between its conversion and its template (site/spilled.py): it
reads back exactly as set, is not held in the page object, and each build process writes a file
of its own."""
from __future__ import annotations

import os

from mkdocs.structure.pages import Page

from kennisbank.site import spilled


def _page(html: str | None) -> Page:
    page = Page.__new__(Page)
    page.__dict__["content"] = html
    return page


def test_html_reads_back_as_set_and_is_not_held_in_the_page():
    html = "<h1 id=\"één\">Één – ‘test’ 🙂</h1>\n" * 500
    page = _page(html)
    spilled.hold(page)
    try:
        assert page.content == html
        assert "content" not in page.__dict__ and html not in repr(page.__dict__)
        page.content = "<p>nieuw</p>"
        assert page.content == "<p>nieuw</p>"
        page.content = None
        assert page.content is None
        other = _page(None)
        spilled.hold(other)
        other.content = ""
        assert other.content == "" and page.content is None
    finally:
        spilled.release()


def test_a_forked_process_writes_its_own_file_and_still_reads_its_parents_pages():
    parent_page = _page("<p>ouder</p>")
    spilled.hold(parent_page)
    try:
        pid = os.fork()
        if pid == 0:  # the child: its pages go to a file of its own
            ok = False
            try:
                child_page = _page("<p>kind</p>" * 100)
                spilled.hold(child_page)
                ok = (child_page.content == "<p>kind</p>" * 100 and parent_page.content == "<p>ouder</p>"
                      and child_page._kb_held[0] != parent_page._kb_held[0])
            finally:
                os._exit(0 if ok else 1)
        assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
        later = _page("<p>later</p>")
        spilled.hold(later)
        assert parent_page.content == "<p>ouder</p>" and later.content == "<p>later</p>"
    finally:
        spilled.release()
