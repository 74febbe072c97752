"""Who publishes the open data, under which licence, and the date a build stands for.

The open-data files, the HSDS package, the feed and the JSON-LD all credit the same publisher and
licence; they take it from here. The build date is the one date of a build: the open data, the
feed, the downloads, the age of sources on the pages and MkDocs' sitemap all use it. It is
SOURCE_DATE_EPOCH when the environment sets it, else the newest day a source of the corpus was
consulted; never the clock, so two builds of the same content give the same files.
"""
from __future__ import annotations

import csv
import io
import os
from datetime import UTC, date, datetime
from urllib.parse import urljoin

from kennisbank.content.model import Corpus, Entry

PUBLISHER = "Kennisbank Antwerps Onderwijs"
LICENSE_NAME = "CC BY 4.0"
LICENSE_ID = "CC-BY-4.0"  # the SPDX identifier, as data packages name licences
LICENSE_TITLE = "Creative Commons Naamsvermelding 4.0 Internationaal"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
EMPTY_CORPUS_DATE = "2026-01-01"  # only for a corpus without any review date


def _environment_epoch() -> int | None:
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"SOURCE_DATE_EPOCH moet een geheel getal zijn (seconden sinds 1970), niet {text!r}") from None


def build_moment(corpus: Corpus | None = None) -> datetime:
    """The moment a build stands for, in UTC (without time zone): SOURCE_DATE_EPOCH when set, else
    midnight of the newest day a source of a published entry was consulted."""
    epoch = _environment_epoch()
    if epoch is not None:
        return datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None)
    newest = max((e.checked for e in corpus.entries() if e.checked), default=None) if corpus else None
    return datetime.fromisoformat(newest or EMPTY_CORPUS_DATE)


def build_day(corpus: Corpus | None = None) -> date:
    return build_moment(corpus).date()


def build_date(corpus: Corpus | None = None) -> str:
    """The build date as YYYY-MM-DD."""
    return build_day(corpus).isoformat()


def build_epoch(corpus: Corpus | None = None) -> str:
    """The build moment as SOURCE_DATE_EPOCH is written, for MkDocs (sitemap dates)."""
    return str(int(build_moment(corpus).replace(tzinfo=UTC).timestamp()))


def page_url(entry: Entry, site_url: str | None) -> str:
    """The absolute URL of an entry's page, or its site-relative URL when the site URL is unknown."""
    if not site_url:
        return entry.url
    if site_url.endswith("/"):  # an entry's URL is a plain relative path: urljoin's answer, quicker
        return site_url + entry.url
    return urljoin(site_url, entry.url)


def csv_text(columns: list[str], rows: list[dict]) -> str:
    """UTF-8 CSV with a header row, quoted where needed, lines ending in CRLF (RFC 4180)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="raise")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
