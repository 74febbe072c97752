"""Who publishes the open data, under which licence, and the date a build stands for.

The open-data files, the HSDS package, the feed and the JSON-LD all credit the same publisher and
licence; they take it from here. The date is the newest review date in the corpus, not the clock,
so two builds of the same content give the same files.
"""
from __future__ import annotations

import csv
import io
from urllib.parse import urljoin

from kennisbank.content.model import Corpus, Entry

PUBLISHER = "Kennisbank Antwerps Onderwijs"
LICENSE_NAME = "CC BY 4.0"
LICENSE_ID = "CC-BY-4.0"  # the SPDX identifier, as data packages name licences
LICENSE_TITLE = "Creative Commons Naamsvermelding 4.0 Internationaal"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
EMPTY_CORPUS_DATE = "2026-01-01"  # only for a corpus without any review date


def build_date(corpus: Corpus) -> str:
    """The newest day a source of a published entry was consulted, as YYYY-MM-DD."""
    return max((e.checked for e in corpus.entries() if e.checked), default=EMPTY_CORPUS_DATE)


def page_url(entry: Entry, site_url: str | None) -> str:
    """The absolute URL of an entry's page, or its site-relative URL when the site URL is unknown."""
    return urljoin(site_url, entry.url) if site_url else entry.url


def csv_text(columns: list[str], rows: list[dict]) -> str:
    """UTF-8 CSV with a header row, quoted where needed, lines ending in CRLF (RFC 4180)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="raise")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
