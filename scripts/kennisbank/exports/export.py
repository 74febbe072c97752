"""Open data: the published corpus as files anyone may reuse (CC BY 4.0), under data/ on the site.

- data/partners.json, data/practices.json, data/guides.json: every published entry, with a small
  envelope (title, licence, date, count) and a `$schema` pointer to the schema it follows;
- data/partners.csv: one row per partner, lists joined with '; ', for spreadsheets;
- data/schemas/: the JSON Schemas of the content, and of the three files above;
- data/hsds/: the sociale kaart as an Open Referral HSDS data package (hsds.py);
- feed.xml: the newest practices as an Atom feed (feed.py);
- robots.txt: lets every crawler in and names the sitemap (MkDocs writes sitemap.xml).

Records are the entries' data exactly as the content schemas define it (so they validate against
them), wrapped with the entry's id and page URL; a practice also carries its Markdown text.
"""
from __future__ import annotations

import json
from urllib.parse import urljoin

from kennisbank.content import paths
from kennisbank.content.model import Corpus, Entry
from kennisbank.content.publication import (
    LICENSE_NAME,
    LICENSE_URL,
    PUBLISHER,
    build_date,
    csv_text,
    page_url,
)
from kennisbank.content.schema import vocabulary_schema_text
from kennisbank.content.vocab import Vocabularies, load_vocabularies
from kennisbank.exports import feed, hsds

FOLDER = "data"
SCHEMA_FOLDER = f"{FOLDER}/schemas"
ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"
DATA_SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"

# kind -> (file stem, Dutch title, schema of one entry's data)
DATASETS = {
    "partner": ("partners", "Partners van de sociale kaart", "partners.schema.json#/$defs/partner"),
    "practice": ("practices", "Praktijken", "practice.schema.json"),
    "guide": ("guides", "Stappenplannen", "guide.schema.json"),
}


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _dump_compact(value) -> str:
    """For the data files: compact is several times faster to write (and browsers indent JSON)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def _sorted(corpus: Corpus, kind: str) -> list[Entry]:
    return sorted(corpus.of_kind(kind).values(), key=lambda e: e.id)


def record(entry: Entry, site_url: str | None) -> dict:
    item = {"id": entry.id, "url": page_url(entry, site_url), "data": entry.data}
    if entry.kind.name == "practice":
        item["body"] = entry.body.strip()
    return item


def envelope_schema_name(kind: str) -> str:
    return f"{DATASETS[kind][0]}.data.schema.json"


def envelope(corpus: Corpus, kind: str, site_url: str | None) -> dict:
    _, title, _ = DATASETS[kind]
    records = [record(e, site_url) for e in _sorted(corpus, kind)]
    return {
        "$schema": f"schemas/{envelope_schema_name(kind)}",
        "title": f"{PUBLISHER}: {title.lower()}",
        "publisher": PUBLISHER,
        "license": {"name": LICENSE_NAME, "url": LICENSE_URL, "attribution": PUBLISHER},
        "date": build_date(corpus),
        "count": len(records),
        "records": records,
    }


def envelope_schema(kind: str) -> dict:
    """The JSON Schema of data/<stem>.json: the envelope, and records whose `data` follows the
    content schema of the kind."""
    stem, title, data_schema = DATASETS[kind]
    properties = {
        "id": {"$ref": "common.schema.json#/$defs/slug", "description": "De id van het item."},
        "url": {"type": "string", "description": "Het adres van de pagina op de kennisbank."},
        "data": {"$ref": data_schema, "description": "De gegevens van het item, zoals in de inhoud."},
    }
    if kind == "practice":
        properties["body"] = {"type": "string", "description": "De tekst van de praktijk, in Markdown."}
    return {
        "$schema": DATA_SCHEMA_URL,
        "$id": envelope_schema_name(kind),
        "title": f"Open data: {title.lower()}",
        "description": f"data/{stem}.json van de {PUBLISHER}.",
        "type": "object",
        "additionalProperties": False,
        "required": ["$schema", "title", "publisher", "license", "date", "count", "records"],
        "properties": {
            "$schema": {"type": "string", "description": "Het schema dat dit bestand volgt."},
            "title": {"type": "string"},
            "publisher": {"type": "string"},
            "license": {
                "type": "object", "additionalProperties": False, "required": ["name", "url", "attribution"],
                "properties": {"name": {"const": LICENSE_NAME}, "url": {"const": LICENSE_URL},
                               "attribution": {"type": "string",
                                               "description": "Vermeld deze naam als je de gegevens hergebruikt."}},
            },
            "date": {"$ref": "common.schema.json#/$defs/date",
                     "description": "De datum van de gegevens: de laatste keer dat een item werd nagekeken."},
            "count": {"type": "integer", "minimum": 0},
            "records": {
                "type": "array",
                "items": {"type": "object", "additionalProperties": False, "required": sorted(properties),
                          "properties": properties},
            },
        },
    }


def schema_files(vocab: Vocabularies) -> dict[str, str]:
    """The content schemas (the vocabularies from memory, as the build uses them) and the
    schemas of the JSON files."""
    files = {f"{SCHEMA_FOLDER}/{path.name}": path.read_text(encoding="utf-8")
             for path in sorted(paths.SCHEMAS_DIR.glob("*.schema.json"))}
    files[f"{SCHEMA_FOLDER}/vocabularies.schema.json"] = vocabulary_schema_text(vocab)
    files.update({f"{SCHEMA_FOLDER}/{envelope_schema_name(kind)}": _dump(envelope_schema(kind)) for kind in DATASETS})
    return files


def _join(values) -> str:
    return "; ".join(str(v) for v in values)


def _labels(vocab: Vocabularies, name: str, ids: list[str]) -> str:
    return _join(vocab.label(name, i) for i in ids)


def _source(source: dict) -> str:
    text = " ".join(source["title"].split())
    if source.get("publisher"):
        published = source.get("published")
        text += f" ({source['publisher']}{', ' + str(published) if published else ''})"
    return text + (f": {source['url']}" if source.get("url") else "")


PARTNER_COLUMNS = [
    "id", "name", "alternate_name", "organization", "description", "services", "themes", "theme_labels",
    "support_forms", "support_form_labels", "levels", "level_labels", "audience", "audience_labels",
    "minimum_age", "maximum_age", "eligibility_description", "service_area_scope", "service_area",
    "districts", "wijken", "service_area_description", "application_process", "fees_level",
    "fees_level_label", "fees_description", "languages", "language_labels", "website", "email",
    "page_url", "sources_checked", "sources", "to_confirm",
]


def partner_row(entry: Entry, vocab: Vocabularies, site_url: str | None) -> dict:
    data, eligibility, area = entry.data, entry.data["eligibility"], entry.data["service_area"]
    ages = entry.ages or {}

    def clean(text):
        return " ".join((text or "").split())

    return {
        "id": entry.id,
        "name": data["name"],
        "alternate_name": data.get("alternate_name", ""),
        "organization": data.get("organization", ""),
        "description": clean(data["description"]),
        "services": _join(clean(s["name"]) for s in data["services"]),
        "themes": _join(data["themes"]),
        "theme_labels": _labels(vocab, "themes", data["themes"]),
        "support_forms": _join(data["support_forms"]),
        "support_form_labels": _labels(vocab, "support_forms", data["support_forms"]),
        "levels": _join(eligibility["levels"]),
        "level_labels": _labels(vocab, "levels", eligibility["levels"]),
        "audience": _join(eligibility.get("audience", [])),
        "audience_labels": _labels(vocab, "roles", eligibility.get("audience", [])),
        "minimum_age": ages.get("min", ""),
        "maximum_age": ages.get("max", ""),
        "eligibility_description": clean(eligibility.get("description")),
        "service_area_scope": area["scope"],
        "service_area": _join(name for _, name, _ in hsds.service_area_parts(entry, vocab)),
        "districts": _join(area.get("districts", [])),
        "wijken": _join(area.get("wijken", [])),
        "service_area_description": clean(area.get("description")),
        "application_process": clean(data["application_process"]),
        "fees_level": data["fees"]["level"],
        "fees_level_label": vocab.label("costs", data["fees"]["level"]),
        "fees_description": clean(data["fees"].get("description")),
        "languages": _join(data.get("languages", [])),
        "language_labels": _labels(vocab, "languages", data.get("languages", [])),
        "website": data.get("website", ""),
        "email": data.get("email", ""),
        "page_url": page_url(entry, site_url),
        "sources_checked": entry.checked or "",
        "sources": _join(_source(s) for s in data["sources"]),
        "to_confirm": _join(clean(t) for t in data.get("to_confirm", [])),
    }


def partners_csv(corpus: Corpus, vocab: Vocabularies, site_url: str | None) -> str:
    return csv_text(PARTNER_COLUMNS, [partner_row(e, vocab, site_url) for e in _sorted(corpus, "partner")])


def open_data_files(corpus: Corpus, site_url: str | None, vocab: Vocabularies | None = None) -> dict[str, str]:
    """Every open-data file, by path under the site root. The feed needs the site's address."""
    vocab = vocab or load_vocabularies()
    files = {f"{FOLDER}/{DATASETS[kind][0]}.json": _dump_compact(envelope(corpus, kind, site_url)) for kind in DATASETS}
    files[f"{FOLDER}/partners.csv"] = partners_csv(corpus, vocab, site_url)
    files.update(schema_files(vocab))
    files.update(hsds.package_files(corpus, site_url, vocab))
    if site_url:
        files["feed.xml"] = feed.atom_feed(corpus, site_url, vocab)
        files[ROBOTS] = robots_txt(site_url)
    return files


def robots_txt(site_url: str) -> str:
    """Everything may be crawled; the Sitemap line needs an absolute address, so only with site_url."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, SITEMAP)}\n"
