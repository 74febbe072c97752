"""Open data: the JSON and CSV exports, the HSDS package, the Atom feed, the JSON-LD on entry
pages, the sitemap and the open-data page."""
from __future__ import annotations

import csv
import io
import json
import re
import uuid
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from kennisbank.content import paths
from kennisbank.content.loader import load_corpus
from kennisbank.content.model import KINDS as ENTRY_KINDS
from kennisbank.content.model import Corpus, Entry
from kennisbank.content.publication import LICENSE_URL, build_date
from kennisbank.content.schema import validators
from kennisbank.content.vocab import WIJK_CREDIT, load_vocabularies
from kennisbank.exports import export, feed, hsds, jsonld
from kennisbank.site.render import PageRenderer

SITE_URL = "https://kennisbank.example/pad/"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
KINDS = {"partner": "partners", "practice": "practices", "guide": "guides"}


@pytest.fixture(scope="module")
def files(corpus) -> dict[str, str]:
    return export.open_data_files(corpus, SITE_URL)


def _json(files, path):
    return json.loads(files[path])


def _csv(text: str) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return reader.fieldnames, list(reader)


def _built_site_url() -> str:
    from mkdocs.config import load_config

    return load_config(str(paths.ROOT / "mkdocs.yml")).site_url


# --- the JSON files ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_json_export_validates_against_its_shipped_schema(files, kind):
    """data/<kind>.json against data/schemas/<kind>.data.schema.json, which points to the content
    schemas shipped next to it: a consumer can validate with the site's files alone."""
    shipped = {path.removeprefix("data/schemas/"): json.loads(text)
               for path, text in files.items() if path.startswith("data/schemas/")}
    registry = Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in shipped.items())
    document = _json(files, f"data/{KINDS[kind]}.json")
    schema = shipped[document["$schema"].removeprefix("schemas/")]
    errors = list(Draft202012Validator(schema, registry=registry).iter_errors(document))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


@pytest.mark.parametrize("kind", KINDS)
def test_json_records_validate_against_the_build_schemas(files, kind):
    records = _json(files, f"data/{KINDS[kind]}.json")["records"]
    if kind == "partner":
        errors = list(validators()["partners"].iter_errors({"partners": [r["data"] for r in records]}))
    else:
        errors = [e for r in records for e in validators()[kind].iter_errors(r["data"])]
    assert not errors, "\n".join(e.message for e in errors[:10])


@pytest.mark.parametrize("kind", KINDS)
def test_json_export_holds_every_published_entry_once(files, corpus, kind):
    document = _json(files, f"data/{KINDS[kind]}.json")
    ids = [r["id"] for r in document["records"]]
    assert ids == sorted(corpus.of_kind(kind)), "every published entry, sorted by id"
    assert document["count"] == len(ids)
    assert document["license"] == {"name": "CC BY 4.0", "url": LICENSE_URL,
                                   "attribution": "Kennisbank Antwerps Onderwijs"}
    assert document["date"] == build_date(corpus) == max(e.checked for e in corpus.entries() if e.checked)
    for record in document["records"]:
        entry = corpus.get(kind, record["id"])
        assert record["url"] == urljoin(SITE_URL, entry.url)
        assert record["data"] == entry.data
    if kind == "practice":
        assert all(r["body"] == corpus.practices[r["id"]].body.strip() for r in document["records"])


def test_drafts_are_not_exported(corpus):
    draft = next(iter(corpus.practices.values()))
    draft = Entry(draft.kind, "nog-een-concept", draft.path, {**draft.data, "status": "concept"}, draft.doc,
                  body=draft.body)
    with_draft = Corpus(practices=dict(corpus.practices), partners=dict(corpus.partners),
                        guides=dict(corpus.guides), drafts=[draft])
    exported = export.open_data_files(with_draft, SITE_URL)
    assert "nog-een-concept" not in exported["data/practices.json"]
    assert "nog-een-concept" not in exported["feed.xml"]


def test_exports_are_reproducible(corpus, files):
    assert export.open_data_files(corpus, SITE_URL) == files


def test_schemas_are_shipped_with_the_vocabularies_of_the_build(files):
    shipped = {p.removeprefix("data/schemas/") for p in files if p.startswith("data/schemas/")}
    on_disk = {p.name for p in paths.SCHEMAS_DIR.glob("*.schema.json")}
    assert on_disk | {f"{stem}.data.schema.json" for stem in KINDS.values()} == shipped
    vocabularies = _json(files, "data/schemas/vocabularies.schema.json")
    assert vocabularies["$defs"]["theme"]["enum"] == load_vocabularies().ids("themes")


# --- partners.csv --------------------------------------------------------------------------------

def test_partners_csv_has_one_row_per_partner_with_flat_columns(files, corpus):
    text = files["data/partners.csv"]
    header, rows = _csv(text)
    assert header == export.PARTNER_COLUMNS
    assert [r["id"] for r in rows] == sorted(corpus.partners)
    assert text.startswith("id,name,") and "\r\n" in text
    vocab = load_vocabularies()
    for row in rows:
        partner = corpus.partners[row["id"]]
        assert row["themes"].split("; ") == partner.themes
        assert row["theme_labels"].split("; ") == [vocab.label("themes", t) for t in partner.themes]
        assert row["levels"].split("; ") == partner.levels
        assert row["website"] == partner.data.get("website", "")
        assert row["sources_checked"] == (partner.checked or "")
        assert row["page_url"] == urljoin(SITE_URL, partner.url)
    kiel = next(r for r in rows if r["wijken"])
    assert kiel["service_area"] == "Kiel (Antwerpen)"


# --- the HSDS data package (its validation against the official schemas: test_standards.py) --------

@pytest.fixture(scope="module")
def package(files) -> tuple[dict, dict[str, tuple[list[str], list[dict]]]]:
    descriptor = _json(files, "data/hsds/datapackage.json")
    tables = {r["name"]: _csv(files[f"data/hsds/{r['path']}"]) for r in descriptor["resources"]}
    return descriptor, tables


def test_datapackage_has_every_official_table_with_exactly_its_columns(files, package):
    descriptor, tables = package
    csvs = {p.removeprefix("data/hsds/") for p in files if p.startswith("data/hsds/") and p.endswith(".csv")}
    official = hsds.official_package()["resources"]
    assert descriptor["resources"] == official, "the official table schemas, unchanged"
    assert {r["path"] for r in descriptor["resources"]} == csvs
    for resource in descriptor["resources"]:
        header, _ = tables[resource["name"]]
        assert header == hsds.columns(resource), resource["path"]
    assert descriptor["licenses"][0]["path"] == LICENSE_URL
    assert descriptor["name"] == descriptor["name"].lower() and " " not in descriptor["name"]
    assert WIJK_CREDIT in json.dumps(descriptor["sources"], ensure_ascii=False)


def test_hsds_keys_are_unique_uuids_and_foreign_keys_resolve(package):
    descriptor, tables = package
    for resource in descriptor["resources"]:
        ids = [row["id"] for row in tables[resource["name"]][1]]
        assert len(ids) == len(set(ids)), f"{resource['path']}: ids not unique"
        assert all(str(uuid.UUID(i)) == i for i in ids), f"{resource['path']}: ids are not UUIDs"
        assert ids == sorted(ids), f"{resource['path']}: rows not sorted"
        for key in resource["schema"].get("foreignKeys", []):
            target = key["reference"]["resource"]
            known = {row[key["reference"]["fields"]] for row in tables[target][1]}
            dangling = [row[key["fields"]] for row in tables[resource["name"]][1]
                        if row[key["fields"]] and row[key["fields"]] not in known]
            assert not dangling, f"{resource['path']}.{key['fields']} -> {target}: {dangling}"


def test_hsds_ids_depend_only_on_the_partner_id():
    """Same id in every build and on every host, different per table and per part; a new partner
    changes no other partner's ids."""
    assert hsds.hsds_id("organization", "a") == hsds.hsds_id("organization", "a")
    assert str(uuid.uuid5(uuid.NAMESPACE_URL, "urn:kennisbank-antwerps-onderwijs:hsds")) == str(hsds.NAMESPACE)
    ids = {hsds.hsds_id(t, "a", *p) for t, p in [("organization", ()), ("service", ()), ("service_area", ("stad",)),
                                                   ("service_area", ("vlaanderen",)), ("organization", ("x",))]}
    assert len(ids) == 5
    assert uuid.UUID(hsds.hsds_id("organization", "a")).version == 5


def test_hsds_ids_are_identical_across_two_builds(corpus):
    again, _ = load_corpus(paths.ROOT)
    assert hsds.package_files(again, SITE_URL) == hsds.package_files(corpus, SITE_URL)
    assert hsds.table_rows(corpus, site_url=None)["organization"][0]["id"] == \
        hsds.table_rows(corpus, site_url=SITE_URL)["organization"][0]["id"], "the host does not change ids"


def test_hsds_rows_follow_the_partners(package, corpus):
    _, tables = package
    identifiers = {r["identifier"]: r for r in tables["organization_identifier"][1]}
    assert sorted(identifiers) == sorted(corpus.partners), "every partner's own id is kept"
    assert {r["identifier_type"] for r in identifiers.values()} == {hsds.IDENTIFIER_TYPE}
    organizations = {r["id"]: r for r in tables["organization"][1]}
    services = {r["organization_id"]: r for r in tables["service"][1]}
    assert len(services) == len(organizations) == len(corpus.partners)
    for partner in corpus.partners.values():
        organization = organizations[identifiers[partner.id]["organization_id"]]
        assert organization["name"] == partner.data["name"] and organization["description"]
        assert organization["website"] == partner.data.get("website", "")
        assert organization["uri"] == urljoin(SITE_URL, partner.url)
        service = services[organization["id"]]
        assert service["name"] == partner.data["name"]
        assert service["assured_date"] == (partner.checked or "")
        for offer in partner.data["services"]:
            assert " ".join(offer["name"].split()) in service["description"]
        ages = partner.ages or {}
        assert service["minimum_age"] == str(ages.get("min", "")) and service["maximum_age"] == str(ages.get("max", ""))
    areas = tables["service_area"][1]
    assert {r["service_id"] for r in areas} == {r["id"] for r in services.values()}, "every service has a service area"
    kiel = next(r for r in areas if r["name"] == "Kiel (Antwerpen)")
    assert kiel["extent_type"] == "geojson" and json.loads(kiel["extent"])["type"] in ("Polygon", "MultiPolygon")
    assert len(tables["language"][1]) == sum(len(p.data.get("languages", [])) for p in corpus.partners.values())


def test_stopped_organisations_are_inactive_with_the_date(package, corpus):
    _, tables = package
    identifiers = {r["organization_id"]: r["identifier"] for r in tables["organization_identifier"][1]}
    stopped = {p.id for p in corpus.partners.values() if p.is_stopped}
    assert stopped, "the content has stopped organisations to test with"
    for service in tables["service"][1]:
        partner = corpus.partners[identifiers[service["organization_id"]]]
        if partner.id in stopped:
            assert service["status"] == "inactive"
            assert str(partner.data["stopped"]["date"]) in service["alert"]
        else:
            assert service["status"] == "active" and not service["alert"]


def _example_partner(pid: str, **extra) -> Entry:
    base = {"name": "Voorbeeld", "description": "Een voorbeeldpartner voor deze test, met genoeg tekst.",
            "services": [{"name": "Hulp", "description": "Hulp voor scholen."}], "themes": ["leren-leren"],
            "support_forms": ["individueel"], "eligibility": {"levels": ["lager"]},
            "application_process": "Mail ons voor een afspraak.", "fees": {"level": "gratis"},
            "sources": [{"title": "Bron", "publisher": "Iemand", "published": "2024",
                         "consulted": "2026-01-02", "kind": "organisatie"}]}
    return Entry(ENTRY_KINDS["partner"], pid, "partners.yaml", {**base, "id": pid, **extra}, None)


def test_hsds_service_areas_and_languages_by_scope():
    """A partner per scope, made up: districts and wijken get a row each, languages a row each."""
    vocab = load_vocabularies()
    districts = vocab.ids("districts")[:2]
    partners = {"stad": {"scope": "stad"}, "twee-districten": {"scope": "districten", "districts": districts},
                "vlaanderen": {"scope": "vlaanderen"}}
    corpus = Corpus(partners={pid: _example_partner(pid, service_area=area,
                                                    **({"languages": ["nl", "fr"]} if pid == "stad" else {}))
                              for pid, area in partners.items()})
    tables = hsds.table_rows(corpus, vocab)
    service = {r["organization_id"]: r["id"] for r in tables["service"]}
    by_partner = {pid: service[hsds.organization_id(corpus.partners[pid])] for pid in partners}
    names = sorted((r["service_id"], r["name"]) for r in tables["service_area"])
    assert names == sorted([
        (by_partner["stad"], "Stad Antwerpen"),
        (by_partner["twee-districten"], f"District {vocab.label('districts', districts[0])}"),
        (by_partner["twee-districten"], f"District {vocab.label('districts', districts[1])}"),
        (by_partner["vlaanderen"], "Vlaanderen"),
    ])
    assert sorted((r["service_id"], r["code"], r["name"]) for r in tables["language"]) == [
        (by_partner["stad"], "fr", "Frans"), (by_partner["stad"], "nl", "Nederlands")]


def test_a_stopped_partner_is_inactive_and_says_since_when():
    partner = _example_partner("weg", service_area={"scope": "stad"}, status="gestopt",
                               stopped={"date": "2023-09", "note": "Opgeheven; een ander project nam het over."})
    (service,) = hsds.table_rows(Corpus(partners={"weg": partner}))["service"]
    assert service["status"] == "inactive" and "2023-09" in service["alert"]
    data = jsonld.partner(partner, load_vocabularies(), "https://kennisbank.example/partners/weg/")
    assert data["dissolutionDate"] == "2023-09"


# --- the Atom feed -------------------------------------------------------------------------------

def test_feed_is_well_formed_atom_with_absolute_links(files, corpus):
    root = ET.fromstring(files["feed.xml"].encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    entries = root.findall(f"{ATOM}entry")
    assert 0 < len(entries) == min(50, len(corpus.practices))
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True), "newest first"
    assert root.findtext(f"{ATOM}updated") == updated[0]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00Z", u) for u in updated)
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == urljoin(SITE_URL, "feed.xml")
    for entry in entries:
        url = entry.findtext(f"{ATOM}id")
        assert url.startswith(SITE_URL) and urlsplit(url).scheme == "https"
        assert entry.find(f"{ATOM}link").get("href") == url
        practice = corpus.practices[url.rstrip("/").rsplit("/", 1)[1]]
        assert entry.findtext(f"{ATOM}title") == practice.title
        assert entry.findtext(f"{ATOM}updated") == practice.checked + "T00:00:00Z"
        assert entry.findtext(f"{ATOM}summary")


def test_feed_keeps_the_newest_fifty(corpus):
    template = next(iter(corpus.practices.values()))
    def consulted_on(day: str) -> list[dict]:
        return [{**s, "consulted": day} for s in template.data["sources"]]

    practices = {f"p-{n:03d}": Entry(template.kind, f"p-{n:03d}", template.path,
                                     {**template.data,
                                      "sources": consulted_on(f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}")},
                                     template.doc, body=template.body) for n in range(60)}
    newest = feed.newest_practices(Corpus(practices=practices))
    assert len(newest) == 50
    dates = [p.checked for p in newest]
    assert dates == sorted(dates, reverse=True)
    kept = {p.id for p in newest}
    assert min(dates) >= max(p.checked for p in practices.values() if p.id not in kept)


def test_no_feed_without_the_site_address(corpus):
    assert "feed.xml" not in export.open_data_files(corpus, None)


# --- JSON-LD -------------------------------------------------------------------------------------

def _front_matter(page: str) -> dict:
    return yaml.safe_load(page.split("---\n")[1])


@pytest.mark.parametrize("kind, type_",
                         [("partner", "Organization"), ("guide", "HowTo"), ("practice", "LearningResource")])
def test_entry_meta_carries_json_ld_with_the_page_address(corpus, kind, type_):
    renderer = PageRenderer(corpus, site_url=SITE_URL, structured_data=jsonld.entry_jsonld)
    for entry in corpus.of_kind(kind).values():
        data = json.loads(_front_matter(renderer.entry_page(entry))["kb_jsonld"])
        assert data["@context"] == "https://schema.org" and data["@type"] == type_
        assert data["name"] == " ".join(entry.title.split())
        assert data["mainEntityOfPage"] == urljoin(SITE_URL, entry.url)
        own_site = entry.data.get("website") if kind == "partner" else None
        assert data["url"] == (own_site or urljoin(SITE_URL, entry.url))


def test_json_ld_fields_per_kind(corpus):
    vocab = load_vocabularies()
    partner = corpus.partners["area-2020"]
    data = jsonld.partner(partner, vocab, "u")
    assert data["alternateName"] == partner.data["alternate_name"]
    assert data["areaServed"] == [{"@type": "Place", "name": "Kiel (Antwerpen)"}]
    with_site = next(p for p in corpus.partners.values() if p.data.get("website"))
    assert jsonld.partner(with_site, vocab, "u")["url"] == with_site.data["website"]
    without_site = next(p for p in corpus.partners.values() if not p.data.get("website"))
    assert jsonld.partner(without_site, vocab, "u")["url"] == "u"
    guide = next(iter(corpus.guides.values()))
    steps = jsonld.guide(guide, vocab, "u")["step"]
    assert [s["name"] for s in steps] == [" ".join(s["title"].split()) for s in guide.data["steps"]]
    assert all(s["@type"] == "HowToStep" and "](" not in s["text"] for s in steps), "Markdown links become text"
    practice = next(iter(corpus.practices.values()))
    data = jsonld.practice(practice, vocab, "u")
    assert data["educationalLevel"] == [vocab.label("levels", lv) for lv in practice.levels]
    assert data["about"][0]["name"] == vocab.label("themes", practice.themes[0])
    assert data["dateModified"] == practice.checked
    assert "datePublished" not in data, "the day the page went online is not known"
    assert data["author"]["name"] == data["publisher"]["name"] == "Kennisbank Antwerps Onderwijs"
    assert data["learningResourceType"] == jsonld.PRACTICE_TYPE
    assert len(data["citation"]) == len(practice.data["sources"])
    dated = [s for s in practice.data["sources"] if s["published"] != "ongedateerd"]
    assert sum("datePublished" in c for c in data["citation"]) == len(dated), "undated sources get no date"


def test_json_ld_cannot_end_its_script_element(corpus):
    entry = next(iter(corpus.practices.values()))
    hostile = Entry(entry.kind, entry.id, entry.path,
                    {**entry.data, "title": "Kijk </script><script>alert(1)</script> <!--"},
                    entry.doc, body=entry.body)
    text = jsonld.entry_jsonld(hostile, load_vocabularies(), "./")
    assert "<" not in text
    assert json.loads(text)["name"] == "Kijk </script><script>alert(1)</script> <!--"


# --- the built site ------------------------------------------------------------------------------

def _head(path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[:html.index("</head>")]


def test_built_site_holds_the_open_data_files(built_site, corpus):
    expected = export.open_data_files(corpus, _built_site_url())
    for path, text in expected.items():
        assert (built_site / path).read_bytes() == text.encode("utf-8"), path


@pytest.mark.parametrize("kind, type_",
                         [("partner", "Organization"), ("guide", "HowTo"), ("practice", "LearningResource")])
def test_built_entry_pages_have_json_ld_in_the_head(built_site, corpus, kind, type_):
    site_url = _built_site_url()
    for entry in corpus.of_kind(kind).values():
        head = _head(built_site / entry.url / "index.html")
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.DOTALL)
        assert len(scripts) == 1, entry.url
        data = json.loads(scripts[0])
        assert data["@type"] == type_ and data["name"] == " ".join(entry.title.split())
        page = urljoin(site_url, entry.url)
        assert urljoin(page, data["mainEntityOfPage"]) == page, "mainEntityOfPage is the page itself"


def test_every_page_links_the_feed_in_its_head(built_site):
    for path in [built_site / "index.html", built_site / "praktijken" / "index.html",
                 built_site / "open-data" / "index.html"]:
        link = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', _head(path))
        assert link, path
        assert (path.parent / link.group(1)).resolve() == (built_site / "feed.xml").resolve()


def test_sitemap_lists_every_entry_page_with_its_review_date(built_site, corpus):
    site_url = _built_site_url()
    root = ET.parse(built_site / "sitemap.xml").getroot()
    lastmod = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root.findall(f"{SITEMAP}url")}
    for entry in corpus.entries():
        url = urljoin(site_url, entry.url)
        assert url in lastmod, f"{entry.url} not in the sitemap"
        assert lastmod[url] == entry.checked, entry.url
    assert urljoin(site_url, "open-data/") in lastmod


def test_open_data_page_links_every_file_and_credits_the_sources(built_site, files):
    page = built_site / "open-data" / "index.html"
    html = page.read_text(encoding="utf-8")
    hrefs = set(re.findall(r'href="([^"#]+)"', html))
    linked = {(page.parent / h).resolve().relative_to(built_site.resolve()).as_posix()
              for h in hrefs if not urlsplit(h).scheme and not h.startswith(("/", "mailto:"))}
    empty_hsds = {f"data/hsds/{r['path']}" for r in hsds.official_package()["resources"]
                  if r["name"] not in hsds.FILLED}
    data_files = {p for p in files if p.startswith("data/") and not p.startswith("data/schemas/")}
    wanted = data_files - empty_hsds | {"feed.xml"}
    assert wanted <= linked, f"not linked: {sorted(wanted - linked)}"
    for path in linked:
        assert (built_site / path).exists(), path
    assert "CC BY 4.0" in html and "Kennisbank Antwerps Onderwijs" in html and WIJK_CREDIT in html
    assert "Open data" in html[html.index('class="md-nav md-nav--primary"'):], "the page is in the navigation"


def test_footer_names_the_licence(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('<footer class="md-footer">'):]
    assert "CC BY 4.0" in footer and "Kennisbank Antwerps Onderwijs" in footer and WIJK_CREDIT in footer


def test_pages_workflow_sets_the_site_address():
    workflow = yaml.safe_load((paths.ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    configure = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    build = next(s for s in steps if s.get("run") == "make build")
    assert configure["id"] == "pages"
    assert build["env"]["KENNISBANK_SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    assert steps.index(configure) < steps.index(build)
