"""The schemas and vocabularies themselves: valid, complete and in sync."""
import json

import pytest
from jsonschema import Draft202012Validator

from kennisbank.content import paths
from kennisbank.content.schema import vocabulary_schema_text
from kennisbank.content.vocab import VOCABULARY_NAMES, load_vocabularies, slugify

SCHEMA_FILES = sorted(paths.SCHEMAS_DIR.glob("*.schema.json"))


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_file_is_valid_draft_2020_12(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == path.name


def test_vocabulary_schema_on_disk_is_up_to_date():
    on_disk = (paths.SCHEMAS_DIR / "vocabularies.schema.json").read_text(encoding="utf-8")
    assert on_disk == vocabulary_schema_text(load_vocabularies()), "run `make schemas`"


@pytest.mark.parametrize("name", VOCABULARY_NAMES)
def test_vocabulary_terms_have_slug_ids_and_labels(name):
    terms = load_vocabularies().terms[name]
    assert terms, f"vocabulary {name} is empty"
    for term in terms.values():
        assert term.id == slugify(term.id), f"{name}: id {term.id!r} is not kebab-case"
        assert term.label.strip()


def test_districts_and_wijken_come_from_the_wijk_file():
    vocab = load_vocabularies()
    assert len(vocab.wijk_features) == 67  # every feature is drawn on the map
    assert len(vocab.terms["wijken"]) == 66  # the Schelde belongs to no district
    assert set(vocab.terms["districts"]) == {
        "antwerpen", "berchem", "berendrecht-zandvliet-lillo", "borgerhout", "borsbeek", "deurne",
        "ekeren", "hoboken", "merksem", "wilrijk"}
    assert vocab.terms["wijken"]["antwerpen-kiel"].extra["district"] == "antwerpen"


def test_evidence_ladder_runs_from_a_proposal_through_one_school_to_research():
    ladder = load_vocabularies().ids("evidence")
    assert ladder == ["voorstel", "praktijk-een-school", "praktijk-meerdere-scholen", "onderbouwd",
                      "eerste-aanwijzingen", "effectief"]


def _documents():
    """Every content document of the repository and of the test fixtures, valid or broken."""
    from conftest import FIXTURES
    from kennisbank.content.frontmatter import split_front_matter
    from kennisbank.content.yamlio import parse_yaml

    roots = [paths.ROOT, FIXTURES / "valid", *sorted((FIXTURES / "broken").iterdir())]
    for root in roots:
        for path in sorted(root.glob("practices/*.md")) + sorted(root.glob("guides/*.yaml")) + \
                sorted(root.glob("partners.yaml")) + sorted(root.glob("zelfscan.yaml")):
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            kind = {"practices": "practice", "guides": "guide"}.get(path.parent.name) or \
                {"partners.yaml": "partners", "zelfscan.yaml": "selfscan"}[path.name]
            if kind == "practice":
                split, _ = split_front_matter(text, path.name)
                text = split.yaml_text if split else ""
            doc, _ = parse_yaml(text, path.name)
            if doc is not None:
                yield f"{root.name}/{path.name}", kind, doc.data


@pytest.mark.parametrize("name,kind,data", list(_documents()), ids=lambda v: v if isinstance(v, str) else "")
def test_fast_validator_agrees_with_jsonschema(name, kind, data):
    """The fast path may only pass what jsonschema passes, and must pass all of it."""
    from kennisbank.content.schema import is_valid, validators

    assert is_valid(kind, data) == validators()[kind].is_valid(data)
