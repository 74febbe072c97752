"""The finder's data, built in Python: one normalisation, full text, hand-written pages, compound
parts, synonyms that reach the content, and shards that stay small."""
from __future__ import annotations

import json

import pytest

from kennisbank.search import dutch, synonyms
from kennisbank.search.search_index import build_finder_data, finder_files


@pytest.fixture(scope="module")
def finder(corpus):
    data, shards, summaries = build_finder_data(corpus)
    shards = list(shards)
    terms = {t for s in shards for t in s["t"]}
    parts = {t for s in shards for t in s["d"]}
    return data, shards, summaries, terms, parts


def test_one_normalisation_for_singular_plural_names_and_accents():
    assert dutch.words("examen") == dutch.words("examens") == ["exam"]
    assert dutch.words("toets") == dutch.words("toetsen")
    assert dutch.words("A'REA 2020") == dutch.words("area 2020") == ["area", "2020"]
    assert dutch.words("coördinator") == dutch.words("coordinator")
    assert dutch.words("de en het") == []


def test_every_entry_and_hand_written_page_is_indexed_with_its_kind(corpus, finder):
    data, _, summaries, _, _ = finder
    kinds = [item["k"] for item in data["items"]]
    assert kinds.count("pagina") >= 8 and len(kinds) == len(list(corpus.entries())) + kinds.count("pagina")
    urls = [s[1] for s in summaries]
    for url in ("voor-ouders/studie-kiezen/", "over/", "bewijsniveaus/", "open-data/", "zelfscan/", "voor-ouders/"):
        assert url in urls
    assert "vinden/" not in urls
    translated = [item for item in data["items"] if item.get("l")]
    assert all(item["k"] == "pagina" for item in translated)


def test_the_whole_body_is_searchable(finder):
    _, _, _, terms, _ = finder
    for word in ("anderstalige", "gastdocenten", "motiveren", "leerplicht", "licentie", "huiswerk"):
        assert dutch.normalise(word) in terms, word


def test_compound_parts_point_to_the_compound(finder):
    _, _, _, _, parts = finder
    for part in ("betrokkenheid", "stress", "sporthal", "kalender"):
        assert dutch.normalise(part) in parts, part


def test_stopped_partners_are_marked(corpus, finder):
    data, _, summaries, _, _ = finder
    stopped = {e.url for e in corpus.partners.values() if e.is_stopped}
    marked = {summaries[n][1] for n, item in enumerate(data["items"]) if item.get("x")}
    assert marked == stopped


def test_every_synonym_reaches_at_least_one_entry(finder):
    data, _, _, terms, _ = finder
    missing = [(typed, alt) for typed, alternatives in data["synoniemen"].items()
               for alt in alternatives if not all(t in terms for t in alt)]
    assert not missing, f"synonyms whose words no page uses: {missing}"


def test_the_synonym_file_is_valid_and_its_wijken_exist():
    assert synonyms.check_file() == []
    first = (synonyms.paths.SCHEMAS_DIR / synonyms.FILE).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=synoniemen.schema.json"


def test_shards_stay_small(corpus):
    files = dict(finder_files(corpus))
    shards = [v for k, v in files.items() if k.startswith("assets/zoeken/t/")]
    assert shards and max(len(s) for s in shards) < 40_000
    meta = json.loads(files["assets/zoeken/vinden.json"])
    assert len(meta["scherven"]) == len(shards)
