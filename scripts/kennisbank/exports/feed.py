"""feed.xml: an Atom feed of new and updated practices, newest review date first.

Every date comes from the content (the days its sources were consulted), never from the clock, so the feed of the same
content is the same file. Atom needs absolute addresses: the feed is only made when the site's
address (`site_url` in mkdocs.yml) is known.
"""
from __future__ import annotations

from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from kennisbank.content.model import Corpus, Entry
from kennisbank.content.publication import LICENSE_NAME, PUBLISHER, build_date, page_url
from kennisbank.content.vocab import Vocabularies, load_vocabularies

ATOM = "http://www.w3.org/2005/Atom"
PATH = "feed.xml"
TITLE = f"{PUBLISHER}: nieuwe en bijgewerkte praktijken"
MAX_ENTRIES = 50


def newest_practices(corpus: Corpus, limit: int = MAX_ENTRIES) -> list[Entry]:
    """Practices by review date, newest first; on the same date by title."""
    by_title = sorted(corpus.practices.values(), key=lambda e: (e.title.lower(), e.id))
    return sorted(by_title, key=lambda e: e.checked or "", reverse=True)[:limit]


def _timestamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def atom_feed(corpus: Corpus, site_url: str, vocab: Vocabularies | None = None) -> str:
    vocab = vocab or load_vocabularies()
    entries = newest_practices(corpus)
    feed_url = urljoin(site_url, PATH)
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    _add(root, "id", feed_url)
    _add(root, "title", TITLE)
    _add(root, "subtitle", "Praktijken die werken in Antwerpse scholen, de nieuwste en laatst nagekeken eerst.")
    updated = max((e.checked for e in entries if e.checked), default=build_date(corpus))
    _add(root, "updated", _timestamp(updated))
    _add(root, "link", rel="self", type="application/atom+xml", href=feed_url)
    _add(root, "link", rel="alternate", type="text/html", href=urljoin(site_url, "praktijken/"))
    author = _add(root, "author")
    _add(author, "name", PUBLISHER)
    _add(root, "rights", f"{LICENSE_NAME} · {PUBLISHER}")
    for practice in entries:
        url = page_url(practice, site_url)
        entry = _add(root, "entry")
        _add(entry, "id", url)
        _add(entry, "title", practice.title)
        _add(entry, "updated", _timestamp(practice.checked))
        _add(entry, "link", rel="alternate", type="text/html", href=url)
        _add(entry, "summary", " ".join(practice.data["summary"].split()))
        for theme in practice.themes:
            _add(entry, "category", term=theme, label=vocab.label("themes", theme))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
