"""The open data checked with the standards' own tools and schemas, not with our own rules:
the HSDS package with frictionless against the official HSDS 3.0 table schemas and every row against
the official JSON schemas (schemas/standards/hsds-3.0), the JSON-LD against the schema.org vocabulary
(schemas/standards/schemaorg-12.0), the sitemap against the sitemaps.org 0.9 XSD (schemas/standards/sitemaps-0.9), the
feed with feedparser and robots.txt with the standard library's robots.txt parser."""
from __future__ import annotations

import csv
import io
import json
import shutil
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import feedparser
import pytest
import xmlschema
from frictionless import Package
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from kennisbank.content import paths
from kennisbank.content.vocab import load_vocabularies
from kennisbank.exports import export, feed, hsds, jsonld

SITE_URL = "https://kennisbank.example/pad/"
VENDOR = paths.SCHEMAS_DIR / "standards"
SCHEMA_ORG = "https://schema.org/"


@pytest.fixture(scope="module")
def files(corpus) -> dict[str, str]:
    return export.open_data_files(corpus, SITE_URL)


def _write(files: dict[str, str], folder: Path) -> None:
    for path, text in files.items():
        if path.startswith(f"{hsds.FOLDER}/"):
            target = folder / path.removeprefix(f"{hsds.FOLDER}/")
            target.write_text(text, encoding="utf-8", newline="")


def _errors(report) -> list[str]:
    return [f"{task.name}: {error.type}: {error.message}" for task in report.tasks for error in task.errors]


# --- HSDS: frictionless and the official JSON schemas --------------------------------------------

def test_vendored_hsds_is_the_official_3_0_release():
    package = hsds.official_package()
    assert package["version"] == "3.0.0" and package["profile"] == "tabular-data-package"
    licence = (VENDOR / "hsds-3.0" / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("The Human Services Data Specification")
    schema_files = (VENDOR / "hsds-3.0" / "schema").glob("*.json")
    assert {r["name"] for r in package["resources"]} == {p.stem for p in schema_files}


def test_published_package_passes_frictionless(files, tmp_path):
    _write(files, tmp_path)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, "\n".join(_errors(report)[:20])


def test_package_passes_frictionless_with_the_official_descriptor(files, tmp_path):
    """The official datapackage.json, unchanged, next to our CSVs: what `frictionless validate`
    with the official HSDS 3.0 schemas reports, including uuid formats, required fields, enums
    and foreign keys."""
    _write(files, tmp_path)
    shutil.copyfile(VENDOR / "hsds-3.0" / "datapackage.json", tmp_path / "datapackage.json")
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, "\n".join(_errors(report)[:20])
    assert report.stats["tasks"] == len(hsds.official_package()["resources"])


@lru_cache(maxsize=1)
def _hsds_registry() -> Registry:
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8"))
               for p in (VENDOR / "hsds-3.0" / "schema").glob("*.json")}
    return Registry().with_resources((name, DRAFT202012.create_resource(s)) for name, s in schemas.items())


def _typed(row: dict, resource: dict) -> dict:
    """A CSV row as the JSON object HSDS describes: empty cells left out, numbers as numbers."""
    types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
    return {k: (float(v) if types[k] in ("number", "integer") else v) for k, v in row.items() if v != ""}


@pytest.mark.parametrize("name", hsds.FILLED)
def test_every_row_validates_against_the_official_json_schema(files, name):
    resource = next(r for r in hsds.official_package()["resources"] if r["name"] == name)
    schema = json.loads((VENDOR / "hsds-3.0" / "schema" / f"{name}.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, registry=_hsds_registry(), format_checker=FormatChecker())
    rows = list(csv.DictReader(io.StringIO(files[f"{hsds.FOLDER}/{resource['path']}"], newline="")))
    assert rows or name == "language"
    invalid = {row["id"]: [e.message for e in validator.iter_errors(_typed(row, resource))] for row in rows}
    invalid = {k: v for k, v in invalid.items() if v}
    assert not invalid, f"{len(invalid)} of {len(rows)} {name} rows invalid: {list(invalid.items())[:3]}"


# --- JSON-LD: types and properties of the schema.org vocabulary -----------------------------------

@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, set[str]], dict[str, dict]]:
    """(type -> itself and all its supertypes, property -> its row) from the vendored release."""
    folder = VENDOR / "schemaorg-12.0"

    def rows(kind):
        with open(folder / f"schemaorg-current-https-{kind}.csv", newline="", encoding="utf-8") as f:
            return {r["label"]: r for r in csv.DictReader(f)}

    def labels(text):
        return {t.strip().removeprefix(SCHEMA_ORG) for t in text.split(",") if t.strip()}

    types, properties = rows("types"), rows("properties")
    parents = {name: labels(r["subTypeOf"]) for name, r in types.items()}

    def ancestors(name, seen=()):
        result = {name}
        for parent in parents.get(name, ()):
            if parent not in seen:
                result |= ancestors(parent, (*seen, name))
        return result

    return {name: ancestors(name) for name in types}, properties


def _check_node(node: dict, where: str) -> list[str]:
    types, properties = _vocabulary()
    problems = []
    type_ = node.get("@type")
    if type_ not in types:
        return [f"{where}: unknown type {type_}"]
    for key, value in node.items():
        if key.startswith("@"):
            continue
        prop = properties.get(key)
        if prop is None:
            problems.append(f"{where}: unknown property {key}")
            continue
        if prop["supersededBy"]:
            problems.append(f"{where}.{key}: superseded by {prop['supersededBy']}")
        domain = {d.strip().removeprefix(SCHEMA_ORG) for d in prop["domainIncludes"].split(",")}
        if not domain & types[type_]:
            problems.append(f"{where}: {type_} has no property {key}")
        ranges = {d.strip().removeprefix(SCHEMA_ORG) for d in prop["rangeIncludes"].split(",")}
        for n, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, dict):
                if item.get("@type") in types and not ranges & types[item["@type"]]:
                    problems.append(f"{where}.{key}: {item['@type']} is not in its range {sorted(ranges)}")
                problems += _check_node(item, f"{where}.{key}[{n}]")
            elif not ranges & {"Text", "URL", "Date", "DateTime", "Number", "Integer", "Boolean"} and \
                    not any("Text" in types.get(r, ()) for r in ranges):
                problems.append(f"{where}.{key}: a literal where {sorted(ranges)} is expected")
    return problems


def test_vendored_schema_org_release_is_complete_enough():
    types, properties = _vocabulary()
    assert len(types) > 1000 and len(properties) > 1000
    assert "CreativeWork" in types["LearningResource"]


def test_json_ld_uses_only_schema_org_types_and_properties(corpus):
    vocab = load_vocabularies()
    problems, checked = [], 0
    for entry in corpus.entries():
        data = json.loads(jsonld.entry_jsonld(entry, vocab, urljoin(SITE_URL, entry.url)))
        assert data.pop("@context") == "https://schema.org"
        problems += _check_node(data, entry.id)
        checked += 1
    assert checked == len(corpus.entries())
    assert not problems, "\n".join(sorted(set(problems))[:20])


def test_the_vocabulary_check_catches_mistakes():
    assert _check_node({"@type": "Organization", "learningResourceType": "x"}, "o")
    assert _check_node({"@type": "LearningResource", "colour": "x"}, "l")
    assert _check_node({"@type": "Organisation", "name": "x"}, "o")
    assert not _check_node({"@type": "LearningResource", "learningResourceType": "x", "mainEntityOfPage": "u"}, "l")


# --- feed, robots.txt, sitemap ------------------------------------------------------------------

def test_feed_parses_as_atom_without_errors(files, corpus):
    parsed = feedparser.parse(files["feed.xml"].encode("utf-8"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.language == "nl" and parsed.feed.title and parsed.feed.updated_parsed
    assert len(parsed.entries) == min(feed.MAX_ENTRIES, len(corpus.practices))
    for item in parsed.entries:
        assert item.id == item.link and item.link.startswith(SITE_URL)
        assert item.updated_parsed and item.summary and item.tags


def test_robots_txt_lets_crawlers_in_and_names_the_sitemap(files):
    parser = RobotFileParser()
    parser.parse(files["robots.txt"].splitlines())
    assert parser.site_maps() == [urljoin(SITE_URL, "sitemap.xml")]
    assert parser.can_fetch("*", urljoin(SITE_URL, "praktijken/")) and parser.can_fetch("Googlebot", SITE_URL)


def test_no_robots_txt_without_the_site_address(corpus):
    assert "robots.txt" not in export.open_data_files(corpus, None)


def test_built_sitemap_is_valid_against_the_sitemaps_0_9_xsd(built_site):
    schema = xmlschema.XMLSchema(str(VENDOR / "sitemaps-0.9" / "sitemap.xsd"))
    errors = list(schema.iter_errors(str(built_site / "sitemap.xml")))
    assert not errors, "\n".join(str(e.reason) for e in errors[:10])


def test_built_robots_txt_points_to_the_built_sitemap(built_site):
    from mkdocs.config import load_config

    site_url = load_config(str(paths.ROOT / "mkdocs.yml")).site_url
    parser = RobotFileParser()
    parser.parse((built_site / "robots.txt").read_text(encoding="utf-8").splitlines())
    (sitemap,) = parser.site_maps()
    assert sitemap == urljoin(site_url, "sitemap.xml") and (built_site / "sitemap.xml").is_file()
