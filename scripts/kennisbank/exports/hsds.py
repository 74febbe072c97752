"""The sociale kaart as an Open Referral HSDS 3.0 data package (Frictionless tabular data package).

The package has every table of HSDS 3.0 with exactly the official columns and table schemas (the
copy in schemas/standards/hsds-3.0, unchanged), so `frictionless validate` with the official schemas passes.
Each partner becomes one organization and one service that bundles what it offers schools; where it
works becomes service_area rows (one per district or wijk, a wijk with its boundary as GeoJSON), its
languages language rows, and its kennisbank id an organization_identifier row. Tables the content
cannot fill hold only their header.

Ids are UUIDs, as HSDS requires: UUID v5 of '<table>/<partner id>[/<part>]' in the project's own
namespace, so a partner keeps the same UUIDs from build to build and on any host. The readable id
stays in organization_identifiers (identifier_type 'kennisbank-id').
"""
from __future__ import annotations

import copy
import json
import uuid
from functools import lru_cache

from kennisbank.content import paths
from kennisbank.content.model import Corpus, Entry
from kennisbank.content.publication import (
    LICENSE_ID,
    LICENSE_TITLE,
    LICENSE_URL,
    PUBLISHER,
    build_date,
    csv_text,
    page_url,
)
from kennisbank.content.vocab import WIJK_CREDIT, Vocabularies, load_vocabularies

FOLDER = "data/hsds"
OFFICIAL_DIR = paths.SCHEMAS_DIR / "standards" / "hsds-3.0"
HSDS_VERSION = "3.0"
SPEC_URL = "https://docs.openreferral.org/en/latest/hsds/overview.html"
SCOPE_AREAS = {"stad": "Stad Antwerpen", "provincie": "Provincie Antwerpen", "vlaanderen": "Vlaanderen"}
# uuid5(NAMESPACE_URL, "urn:kennisbank-antwerps-onderwijs:hsds"): never change it, or every id changes.
NAMESPACE = uuid.UUID("21cf2e2c-574c-58ae-94d2-ec943c76a847")
IDENTIFIER_TYPE = "kennisbank-id"
FILLED = ("organization", "organization_identifier", "service", "service_area", "language")


@lru_cache(maxsize=1)
def official_package() -> dict:
    """The official HSDS 3.0 datapackage.json (vendored, unchanged)."""
    return json.loads((OFFICIAL_DIR / "datapackage.json").read_text(encoding="utf-8"))


def official_resources() -> list[dict]:
    return copy.deepcopy(official_package()["resources"])


def columns(resource: dict) -> list[str]:
    return [f["name"] for f in resource["schema"]["fields"]]


def hsds_id(table: str, partner_id: str, *parts: str) -> str:
    """The stable UUID of a row: a function of the table, the partner's id and the part only."""
    return str(uuid.uuid5(NAMESPACE, "/".join((table, partner_id, *parts))))


def organization_id(partner: Entry) -> str:
    return hsds_id("organization", partner.id)


def service_id(partner: Entry) -> str:
    return hsds_id("service", partner.id)


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


def organization_rows(corpus: Corpus, site_url: str | None) -> list[dict]:
    return [{"id": organization_id(p), "name": p.data["name"], "alternate_name": p.data.get("alternate_name", ""),
             "description": _clean(p.data["description"]), "email": p.data.get("email", ""),
             "website": p.data.get("website", ""), "uri": page_url(p, site_url) if site_url else ""}
            for p in _partners(corpus)]


def organization_identifier_rows(corpus: Corpus) -> list[dict]:
    return [{"id": hsds_id("organization_identifier", p.id), "organization_id": organization_id(p),
             "identifier_type": IDENTIFIER_TYPE, "identifier": p.id} for p in _partners(corpus)]


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


def status(partner: Entry) -> str:
    """HSDS service status: 'inactive' for an organisation that stopped, else 'active'."""
    return "inactive" if partner.is_stopped else "active"


def alert(partner: Entry) -> str:
    """For a stopped organisation: since when, and what happened (HSDS has no stop date field)."""
    stopped = partner.data.get("stopped") if partner.is_stopped else None
    return f"Gestopt sinds {stopped['date']}. {_clean(stopped['note'])}" if stopped else ""


def service_rows(corpus: Corpus, vocab: Vocabularies) -> list[dict]:
    rows = []
    for partner in _partners(corpus):
        ages = partner.ages or {}
        rows.append({
            "id": service_id(partner),
            "organization_id": organization_id(partner),
            "name": partner.data["name"],
            "description": "\n".join(f"- {_clean(s['name'])}: {_clean(s['description'])}"
                                     for s in partner.data["services"]),
            "url": partner.data.get("website", ""),
            "email": partner.data.get("email", ""),
            "status": status(partner),
            "application_process": _clean(partner.data["application_process"]),
            "fees_description": _fees(partner, vocab),
            "eligibility_description": _eligibility(partner, vocab),
            "minimum_age": ages.get("min", ""),
            "maximum_age": ages.get("max", ""),
            "assured_date": partner.checked or "",
            "alert": alert(partner),
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
                "id": hsds_id("service_area", partner.id, slug),
                "service_id": service_id(partner),
                "name": name,
                "description": description,
                "extent": extents.get(slug, ""),
                "extent_type": "geojson" if geometry else "",
            })
    return rows


def language_rows(corpus: Corpus, vocab: Vocabularies) -> list[dict]:
    return [{"id": hsds_id("language", p.id, code), "service_id": service_id(p),
             "name": vocab.label("languages", code), "code": code}
            for p in _partners(corpus) for code in sorted(p.data.get("languages", []))]


def table_rows(corpus: Corpus, vocab: Vocabularies | None = None, site_url: str | None = None) -> dict[str, list[dict]]:
    """The rows of every HSDS table, by resource name, sorted by id (empty for tables we do not fill)."""
    vocab = vocab or load_vocabularies()
    filled = {"organization": organization_rows(corpus, site_url),
              "organization_identifier": organization_identifier_rows(corpus),
              "service": service_rows(corpus, vocab), "service_area": service_area_rows(corpus, vocab),
              "language": language_rows(corpus, vocab)}
    return {r["name"]: sorted(filled.get(r["name"], []), key=lambda row: row["id"])
            for r in official_package()["resources"]}


def datapackage(corpus: Corpus, site_url: str | None) -> dict:
    """Our metadata around the official resources, copied unchanged (paths, table schemas, keys)."""
    package = {
        "profile": "tabular-data-package",
        "name": "kennisbank-antwerps-onderwijs-sociale-kaart",
        "title": f"Sociale kaart van de {PUBLISHER} (Open Referral HSDS {HSDS_VERSION})",
        "description": "De partners waarop een Antwerpse school een beroep kan doen: organisaties, hun "
                       "aanbod voor scholen, hun werkgebied en hun talen, in de tabellen van de Human "
                       f"Services Data Specification (HSDS) {HSDS_VERSION} van Open Referral. Ids zijn "
                       "UUID's die niet veranderen; de id op de kennisbank staat in organization_identifiers.",
        "version": build_date(corpus),
        "created": build_date(corpus) + "T00:00:00Z",
        "licenses": [{"name": LICENSE_ID, "title": LICENSE_TITLE, "path": LICENSE_URL}],
        "contributors": [{"title": PUBLISHER, "role": "publisher"}],
        "sources": [{"title": PUBLISHER, **({"path": site_url} if site_url else {})},
                    {"title": WIJK_CREDIT}],
        "keywords": ["sociale kaart", "onderwijs", "Antwerpen", "Open Referral", "HSDS"],
        "hsds": {"version": official_package()["version"], "specification": SPEC_URL,
                 "schemas": "Human Services Data Specification: an Open Referral resource (https://openreferral.org/), "
                            "CC BY-SA 4.0; table schemas unchanged from openreferral/specification, tag v3.0"},
        "resources": official_resources(),
    }
    if site_url:
        package["homepage"] = site_url
    return package


def package_files(corpus: Corpus, site_url: str | None, vocab: Vocabularies | None = None) -> dict[str, str]:
    """datapackage.json and one CSV per HSDS table, by path under the site root."""
    rows = table_rows(corpus, vocab, site_url)
    package = json.dumps(datapackage(corpus, site_url), ensure_ascii=False, indent=2) + "\n"
    files = {f"{FOLDER}/datapackage.json": package}
    for resource in official_package()["resources"]:
        files[f"{FOLDER}/{resource['path']}"] = csv_text(columns(resource), rows[resource["name"]])
    return files
