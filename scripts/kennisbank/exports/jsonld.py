"""schema.org JSON-LD for the entry pages, so search engines and other tools can read them:
an Organization for a partner, a HowTo for a stappenplan, a LearningResource for a practice.

The page template puts the text in a <script type="application/ld+json"> in the page head.
That script type is data, not code: the Content-Security-Policy does not apply to it.
"""
from __future__ import annotations

import json
from functools import lru_cache
from html.parser import HTMLParser

import markdown

from kennisbank.content.model import Entry
from kennisbank.content.publication import LICENSE_URL, PUBLISHER
from kennisbank.content.vocab import Vocabularies
from kennisbank.exports.hsds import service_area_parts

CONTEXT = "https://schema.org"
LANGUAGE = "nl"
UNDATED = "ongedateerd"
PRACTICE_TYPE = "praktijkbeschrijving"  # learningResourceType of a practice page
AREA_TYPES = {"stad": "City", "provincie": "AdministrativeArea", "vlaanderen": "AdministrativeArea",
              "districten": "AdministrativeArea", "wijken": "Place"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown()


def plain_text(text: str) -> str:
    """Markdown as plain text on one line: link texts stay, link targets and markup go."""
    parser = _Text()
    parser.feed(_markdown().reset().convert(text))
    parser.close()
    return " ".join("".join(parser.parts).split())


def _clean(text: str) -> str:
    return " ".join(text.split())


def _publisher() -> dict:
    return {"@type": "Organization", "name": PUBLISHER}


def _about(entry: Entry, vocab: Vocabularies) -> list[dict]:
    return [{"@type": "DefinedTerm", "name": vocab.label("themes", t), "termCode": t} for t in entry.themes]


def _audience(roles: list[str], vocab: Vocabularies) -> list[dict]:
    return [{"@type": "Audience", "audienceType": vocab.label("roles", r)} for r in roles]


def _citation(source: dict) -> dict:
    work = {"@type": "CreativeWork", "name": _clean(source["title"])}
    if source.get("url"):
        work["url"] = source["url"]
    if source.get("publisher"):
        work["publisher"] = {"@type": "Organization", "name": source["publisher"]}
    published = source.get("published")
    if published and published != UNDATED:
        work["datePublished"] = str(published)
    return work


def _page(entry: Entry, type_: str, url: str, description: str) -> dict:
    """What every entry page says: type, name, description, its own address and the page about it."""
    return {"@context": CONTEXT, "@type": type_, "name": _clean(entry.title), "description": _clean(description),
            "url": url, "mainEntityOfPage": url}


def _work(entry: Entry, vocab: Vocabularies) -> dict:
    """What a practice and a stappenplan share as creative works. No datePublished: the day a
    page first went online is not kept, and no other date may stand in for it."""
    work = {"inLanguage": LANGUAGE, "about": _about(entry, vocab),
            "audience": _audience(entry.data.get("audience", []), vocab)}
    if entry.checked:
        work["dateModified"] = entry.checked
    work.update({"citation": [_citation(s) for s in entry.data.get("sources", [])],
                 "author": _publisher(), "publisher": _publisher(), "license": LICENSE_URL})
    return work


def partner(entry: Entry, vocab: Vocabularies, url: str) -> dict:
    data = entry.data
    result = _page(entry, "Organization", url, data["description"])
    if data.get("alternate_name"):
        result["alternateName"] = data["alternate_name"]
    if data.get("website"):
        result["url"] = data["website"]  # the organisation's own site; the kennisbank page is mainEntityOfPage
    if entry.is_stopped and data.get("stopped"):
        result["dissolutionDate"] = str(data["stopped"]["date"])
    if data.get("email"):
        result["email"] = data["email"]
    area_type = AREA_TYPES[data["service_area"]["scope"]]
    result["areaServed"] = [{"@type": area_type, "name": name} for _, name, _ in service_area_parts(entry, vocab)]
    if data.get("organization"):
        result["parentOrganization"] = {"@type": "Organization", "name": data["organization"]}
    return result


def guide(entry: Entry, vocab: Vocabularies, url: str) -> dict:
    result = _page(entry, "HowTo", url, entry.data["summary"])
    result["step"] = [{"@type": "HowToStep", "position": n, "name": _clean(step["title"]),
                       "text": plain_text(step["text"])}
                      for n, step in enumerate(entry.data["steps"], start=1)]
    result.update(_work(entry, vocab))
    return result


def practice(entry: Entry, vocab: Vocabularies, url: str) -> dict:
    data = entry.data
    result = _page(entry, "LearningResource", url, data["summary"])
    result["learningResourceType"] = PRACTICE_TYPE
    result["educationalLevel"] = [vocab.label("levels", level) for level in entry.levels]
    if entry.ages:
        result["typicalAgeRange"] = f"{entry.ages['min']}-{entry.ages['max']}"
    result.update(_work(entry, vocab))
    return result


BUILDERS = {"partner": partner, "guide": guide, "practice": practice}


def entry_jsonld(entry: Entry, vocab: Vocabularies, url: str) -> str:
    """The JSON-LD of an entry page as text that is safe inside a <script> element: every '<' is
    written as \\u003c, so no '</script>' or '<!--' in the content can end or confuse it."""
    data = BUILDERS[entry.kind.name](entry, vocab, url)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
