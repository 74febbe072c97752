"""The sociale kaart as an Open Referral HSDS 3.0 data package (Frictionless tabular data package).

Each partner becomes one organization and one service (`<partner id>-dienst`) that bundles what
the partner offers schools; where it works becomes service_area rows (one per district or wijk,
with the wijk's boundary as GeoJSON), and its languages become language rows. Only the core HSDS
tables and fields that partners.yaml can fill are written. Ids are the partner ids plus a suffix:
stable between builds and readable, although HSDS suggests UUIDs.
"""
from __future__ import annotations

import json

from kennisbank.content.model import Corpus, Entry
from kennisbank.content.publication import LICENSE_ID, LICENSE_TITLE, LICENSE_URL, PUBLISHER, build_date, csv_text
from kennisbank.content.vocab import WIJK_CREDIT, Vocabularies, load_vocabularies

FOLDER = "data/hsds"
SPEC_URL = "https://docs.openreferral.org/en/latest/hsds/overview.html"
SCOPE_AREAS = {"stad": "Stad Antwerpen", "provincie": "Provincie Antwerpen", "vlaanderen": "Vlaanderen"}


def _field(name: str, type_: str, description: str, **extra) -> dict:
    return {"name": name, "type": type_, "description": description, **extra}


_REQUIRED_ID = {"constraints": {"required": True, "unique": True}}
TABLES = {
    "organization": {
        "path": "organizations.csv",
        "title": "Organisaties",
        "fields": [
            _field("id", "string", "Unieke id: de id van de partner in de kennisbank.", **_REQUIRED_ID),
            _field("name", "string", "Naam van de organisatie.", constraints={"required": True}),
            _field("alternate_name", "string", "Afkorting of andere naam."),
            _field("description", "string", "Wat de organisatie doet."),
            _field("email", "string", "Algemeen e-mailadres uit een bron.", format="email"),
            _field("website", "string", "Website uit een bron.", format="uri"),
        ],
        "primaryKey": "id",
    },
    "service": {
        "path": "services.csv",
        "title": "Diensten",
        "fields": [
            _field("id", "string", "Unieke id: de id van de partner met '-dienst'.", **_REQUIRED_ID),
            _field("organization_id", "string", "De organisatie die de dienst aanbiedt.", constraints={"required": True}),
            _field("name", "string", "Naam van de dienst (de naam van de partner).", constraints={"required": True}),
            _field("description", "string", "Wat een school kan vragen, één regel per aanbod (Markdown-lijst)."),
            _field("url", "string", "Website uit een bron.", format="uri"),
            _field("email", "string", "Algemeen e-mailadres uit een bron.", format="email"),
            _field("status", "string", "Status van de dienst.",
                   constraints={"required": True, "enum": ["active", "inactive", "defunct", "temporarily closed"]}),
            _field("application_process", "string", "Hoe een school de dienst aanvraagt."),
            _field("fees_description", "string", "Kosten."),
            _field("eligibility_description", "string", "Voor wie: onderwijsniveaus, doelgroep en voorwaarden."),
            _field("minimum_age", "number", "Jongste leeftijd, alleen als een bron die noemt."),
            _field("maximum_age", "number", "Oudste leeftijd, alleen als een bron die noemt."),
            _field("assured_date", "date", "Wanneer de gegevens het laatst werden nagekeken."),
        ],
        "primaryKey": "id",
        "foreignKeys": [{"fields": "organization_id", "reference": {"resource": "organization", "fields": "id"}}],
    },
    "service_area": {
        "path": "service_areas.csv",
        "title": "Werkgebieden",
        "fields": [
            _field("id", "string", "Unieke id: de id van de dienst met het gebied.", **_REQUIRED_ID),
            _field("service_id", "string", "De dienst die in dit gebied werkt.", constraints={"required": True}),
            _field("name", "string", "Naam van het gebied: een wijk, een district, de stad, de provincie of Vlaanderen."),
            _field("description", "string", "Meer uitleg over het werkgebied."),
            _field("extent", "string", "De grens van de wijk als GeoJSON-geometrie (alleen bij wijken). " + WIJK_CREDIT + "."),
            _field("extent_type", "string", "Formaat van extent: 'geojson'."),
        ],
        "primaryKey": "id",
        "foreignKeys": [{"fields": "service_id", "reference": {"resource": "service", "fields": "id"}}],
    },
    "language": {
        "path": "languages.csv",
        "title": "Talen",
        "fields": [
            _field("id", "string", "Unieke id: de id van de dienst met de taalcode.", **_REQUIRED_ID),
            _field("service_id", "string", "De dienst die in deze taal werkt.", constraints={"required": True}),
            _field("name", "string", "Naam van de taal."),
            _field("code", "string", "ISO 639-1-code van de taal."),
        ],
        "primaryKey": "id",
        "foreignKeys": [{"fields": "service_id", "reference": {"resource": "service", "fields": "id"}}],
    },
}


def service_id(partner: Entry) -> str:
    return f"{partner.id}-dienst"


def service_area_parts(partner: Entry, vocab: Vocabularies) -> list[tuple[str, str, dict | None]]:
    """Where a partner works, as (slug, name, geometry or None): one item per district or wijk,
    or one for the whole city, province or Flanders."""
    area = partner.data["service_area"]
    scope = area["scope"]
    if scope in SCOPE_AREAS:
        return [(scope, SCOPE_AREAS[scope], None)]
    if scope == "districten":
        return [(f"district-{d}", "District " + vocab.label("districts", d), None) for d in area["districts"]]
    geometry = {f["id"]: f["geometry"] for f in vocab.wijk_features}
    return [(f"wijk-{w}", vocab.terms["wijken"][w].description, geometry[w]) for w in area["wijken"]]


def _partners(corpus: Corpus) -> list[Entry]:
    return sorted(corpus.partners.values(), key=lambda e: e.id)


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def organization_rows(corpus: Corpus) -> list[dict]:
    return [{"id": p.id, "name": p.data["name"], "alternate_name": p.data.get("alternate_name", ""),
             "description": _clean(p.data["description"]), "email": p.data.get("email", ""),
             "website": p.data.get("website", "")} for p in _partners(corpus)]


def _eligibility(partner: Entry, vocab: Vocabularies) -> str:
    eligibility = partner.data["eligibility"]
    parts = ["Onderwijsniveaus: " + ", ".join(vocab.label("levels", lv) for lv in eligibility["levels"]) + "."]
    if eligibility.get("audience"):
        parts.append("Voor: " + ", ".join(vocab.label("roles", r) for r in eligibility["audience"]) + ".")
    if eligibility.get("description"):
        parts.append(_clean(eligibility["description"]))
    return " ".join(parts)


def _fees(partner: Entry, vocab: Vocabularies) -> str:
    fees = partner.data["fees"]
    label = vocab.label("costs", fees["level"])
    return f"{label}: {_clean(fees['description'])}" if fees.get("description") else label


def service_rows(corpus: Corpus, vocab: Vocabularies) -> list[dict]:
    rows = []
    for partner in _partners(corpus):
        ages = partner.ages or {}
        rows.append({
            "id": service_id(partner),
            "organization_id": partner.id,
            "name": partner.data["name"],
            "description": "\n".join(f"- {_clean(s['name'])}: {_clean(s['description'])}" for s in partner.data["services"]),
            "url": partner.data.get("website", ""),
            "email": partner.data.get("email", ""),
            "status": "active",
            "application_process": _clean(partner.data["application_process"]),
            "fees_description": _fees(partner, vocab),
            "eligibility_description": _eligibility(partner, vocab),
            "minimum_age": ages.get("min", ""),
            "maximum_age": ages.get("max", ""),
            "assured_date": (partner.data.get("confirmed") or {}).get("on", ""),
        })
    return rows


def _rounded(value, digits: int = 6):
    """Coordinates to 6 decimals (about 10 cm), as RFC 7946 recommends for GeoJSON."""
    if isinstance(value, list):
        return [_rounded(v, digits) for v in value]
    return round(value, digits) if isinstance(value, float) else value


def geojson_extent(geometry: dict) -> str:
    return json.dumps({"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])},
                      separators=(",", ":"))


def service_area_rows(corpus: Corpus, vocab: Vocabularies) -> list[dict]:
    rows, extents = [], {}
    for partner in _partners(corpus):
        description = _clean(partner.data["service_area"].get("description"))
        for slug, name, geometry in service_area_parts(partner, vocab):
            if geometry and slug not in extents:
                extents[slug] = geojson_extent(geometry)
            rows.append({
                "id": f"{service_id(partner)}-{slug}",
                "service_id": service_id(partner),
                "name": name,
                "description": description,
                "extent": extents.get(slug, ""),
                "extent_type": "geojson" if geometry else "",
            })
    return rows


def language_rows(corpus: Corpus, vocab: Vocabularies) -> list[dict]:
    return [{"id": f"{service_id(p)}-{code}", "service_id": service_id(p),
             "name": vocab.label("languages", code), "code": code}
            for p in _partners(corpus) for code in sorted(p.data.get("languages", []))]


def table_rows(corpus: Corpus, vocab: Vocabularies | None = None) -> dict[str, list[dict]]:
    """The rows of each table, by resource name, sorted by id."""
    vocab = vocab or load_vocabularies()
    tables = {"organization": organization_rows(corpus), "service": service_rows(corpus, vocab),
              "service_area": service_area_rows(corpus, vocab), "language": language_rows(corpus, vocab)}
    return {name: sorted(rows, key=lambda r: r["id"]) for name, rows in tables.items()}


def datapackage(corpus: Corpus, site_url: str | None) -> dict:
    resources = []
    for name, table in TABLES.items():
        schema = {"fields": table["fields"], "primaryKey": table["primaryKey"]}
        if table.get("foreignKeys"):
            schema["foreignKeys"] = table["foreignKeys"]
        resources.append({"name": name, "title": table["title"], "path": table["path"],
                          "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "schema": schema})
    package = {
        "profile": "tabular-data-package",
        "name": "kennisbank-antwerps-onderwijs-sociale-kaart",
        "title": f"Sociale kaart van de {PUBLISHER} (Open Referral HSDS 3.0)",
        "description": "De partners waarop een Antwerpse school een beroep kan doen: organisaties, hun "
                       "aanbod voor scholen, hun werkgebied en hun talen, in de tabellen van de Human "
                       "Services Data Specification (HSDS) van Open Referral.",
        "created": build_date(corpus) + "T00:00:00Z",
        "licenses": [{"name": LICENSE_ID, "title": LICENSE_TITLE, "path": LICENSE_URL}],
        "contributors": [{"title": PUBLISHER, "role": "publisher"}],
        "sources": [{"title": PUBLISHER, **({"path": site_url} if site_url else {})},
                    {"title": WIJK_CREDIT}],
        "keywords": ["sociale kaart", "onderwijs", "Antwerpen", "Open Referral", "HSDS"],
        "hsds": {"version": "3.0", "specification": SPEC_URL},
        "resources": resources,
    }
    if site_url:
        package["homepage"] = site_url
    return package


def package_files(corpus: Corpus, site_url: str | None, vocab: Vocabularies | None = None) -> dict[str, str]:
    """datapackage.json and one CSV per table, by path under the site root."""
    rows = table_rows(corpus, vocab)
    files = {f"{FOLDER}/datapackage.json": json.dumps(datapackage(corpus, site_url), ensure_ascii=False, indent=2) + "\n"}
    for name, table in TABLES.items():
        files[f"{FOLDER}/{table['path']}"] = csv_text([f["name"] for f in table["fields"]], rows[name])
    return files
