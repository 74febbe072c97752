"""The /zelfscan/ page's questionnaire, result area and data (macros for docs/zelfscan.md).

The titles and URLs of the practices, partners and guides that help with each dimension are
written into the page at build time, in a JSON block that zelfscan.js reads: the script needs
nothing else from the server.
"""
from __future__ import annotations

from functools import lru_cache

import jinja2

from kennisbank.content import paths
from kennisbank.content.loader import current_corpus
from kennisbank.content.model import Entry
from kennisbank.content.selfscan import REFERENCE_FIELDS, load_selfscan
from kennisbank.site.render import first_sentence, md_escape, rel_url

PAGE_SRC = "zelfscan.md"
DATA_FORMAT = "kennisbank-zelfscan"  # written into a saved result; zelfscan.js checks it
DATA_VERSION = 1  # version 1 files may also hold 0: 'weet niet' (zelfscan.js, UNKNOWN)
UNKNOWN_LABEL = "Weet niet / niet van toepassing"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(paths.TEMPLATES_DIR), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _summary(entry: Entry) -> str:
    text = entry.data.get("summary") or first_sentence(entry.data.get("description", ""))
    return " ".join(first_sentence(text).split())


def _link(entry: Entry) -> dict:
    return {"title": entry.title, "url": rel_url(PAGE_SRC, entry.src_uri), "summary": _summary(entry)}


def page_data(scan, corpus) -> dict:
    """What zelfscan.js needs: the scale, and per dimension its statements, tip and help."""
    dimensions = []
    for dimension in scan.dimensions:
        help_ = {}
        for name, kind in REFERENCE_FIELDS.items():
            found = (corpus.get(kind, ref) for ref in dimension.get(name) or [])
            help_[name] = [_link(e) for e in found if e is not None]  # while serving, a broken entry is left out
        dimensions.append({"id": dimension["id"], "title": dimension["title"], "tip": dimension["tip"],
                           "statements": [s["id"] for s in dimension["statements"]], "help": help_})
    return {"format": DATA_FORMAT, "version": DATA_VERSION, "scale": scan.scale, "dimensions": dimensions}


def zelfscan() -> str:
    scan, problems = load_selfscan()
    if scan is None:
        reason = ("zelfscan.yaml bevat fouten; de melding bovenaan de pagina zegt waar" if problems
                  else "deze inhoud heeft geen zelfscan.yaml")
        return f'<p class="kb-scan__missing"><strong>De zelfscan is nu niet beschikbaar:</strong> {reason}.</p>'
    corpus = current_corpus()
    guide_urls = {g.id: rel_url(PAGE_SRC, g.src_uri) for g in corpus.guides.values()}
    return _environment().get_template("zelfscan.html.j2").render(
        dimensions=scan.dimensions, scale=scan.scale, unknown_label=UNKNOWN_LABEL, data=page_data(scan, corpus),
        guide_urls=guide_urls,
        statement_count=sum(len(d["statements"]) for d in scan.dimensions))


def zelfscan_sources() -> str:
    """The sources of the self-scan, as a Markdown list."""
    scan, _ = load_selfscan()
    if scan is None:
        return ""
    lines = []
    for s in scan.sources:
        title = f"[{md_escape(s['title'])}]({s['url']})" if s.get("url") else md_escape(s["title"])
        publisher = f", {md_escape(s['publisher'])}" if s.get("publisher") else ""
        year = f" ({s['year']})" if s.get("year") else ""
        note = f". {md_escape(s['note'])}" if s.get("note") else ""
        lines.append(f"- {title}{publisher}{year}{note}")
    return "\n".join(lines)

