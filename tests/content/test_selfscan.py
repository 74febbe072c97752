"""The self-scan: zelfscan.yaml is valid and its help points to real entries, a broken self-scan is
reported with file and line, and the built /zelfscan/ page carries the questionnaire and the data
its script needs."""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURES
from kennisbank.content import paths
from kennisbank.content.loader import load_corpus
from kennisbank.content.selfscan import REFERENCE_FIELDS, load_selfscan
from kennisbank.tools.checking import run_check

BROKEN = ["selfscan-unknown-reference", "selfscan-missing-field", "selfscan-duplicate-key"]


@pytest.fixture(scope="module")
def scan():
    scan, problems = load_selfscan(paths.ROOT)
    assert not problems, "\n".join(map(str, problems))
    return scan


def test_the_selfscan_has_seven_dimensions_of_four_or_five_statements(scan):
    assert len(scan.dimensions) == 7
    for dimension in scan.dimensions:
        assert 4 <= len(dimension["statements"]) <= 5, dimension["id"]
    assert scan.scale == ["helemaal niet", "eerder niet", "eerder wel", "helemaal wel"]


def test_every_dimension_points_to_published_practices_partners_and_guides(scan, corpus):
    for dimension in scan.dimensions:
        assert dimension["practices"] and dimension["partners"], dimension["id"]
        for field, kind in REFERENCE_FIELDS.items():
            for ref in dimension.get(field, []):
                assert corpus.get(kind, ref) is not None, f"{dimension['id']}: {kind} {ref}"


def test_the_werkkader_is_cited_as_the_source(scan):
    source = scan.sources[0]
    assert source["title"] == "Sterke leerlingen door sterke scholen"
    assert source["publisher"] == "Onderwijsnetwerk Antwerpen"
    assert source["url"] == ("https://www.onderwijsnetwerkantwerpen.be/nl/onderwijsnetwerk-antwerpen-0/"
                             "sterke-leerlingen-door-sterke-scholen")


def test_the_repository_check_includes_the_selfscan(tmp_path):
    root = tmp_path / "content"
    for name in (paths.PRACTICES_DIR, paths.GUIDES_DIR):
        shutil.copytree(paths.ROOT / name, root / name)
    shutil.copy(paths.ROOT / paths.PARTNERS_FILE, root)
    text = (paths.ROOT / paths.SELFSCAN_FILE).read_text(encoding="utf-8")
    (root / paths.SELFSCAN_FILE).write_text(text.replace("- goed-nieuws-naar-huis", "- goed-nieuws-naar-thuis"),
                                            encoding="utf-8")
    line = text.splitlines().index("      - goed-nieuws-naar-huis") + 1
    _, problems = load_corpus(root)
    assert [str(p) for p in problems] == [
        f"zelfscan.yaml:{line}: praktijk 'goed-nieuws-naar-thuis' bestaat niet — "
        "bedoel je 'goed-nieuws-naar-huis'? (zie practices/)"]


def test_a_content_root_without_a_selfscan_has_no_problem():
    assert not (FIXTURES / "valid" / paths.SELFSCAN_FILE).exists()
    assert load_selfscan(FIXTURES / "valid") == (None, [])
    assert load_corpus(FIXTURES / "valid")[1] == []


def test_a_small_valid_selfscan_over_the_fixture_corpus_has_no_problem(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", root)
    shutil.copy(FIXTURES / "selfscan-valid" / paths.SELFSCAN_FILE, root)
    assert load_corpus(root)[1] == []


def _broken(case: str, root: Path) -> Path:
    shutil.copytree(FIXTURES / "valid", root)
    shutil.copytree(FIXTURES / "broken" / case, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expected.txt"))
    return root


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_selfscan_is_reported_with_file_and_line(case, tmp_path, capsys):
    expected = (FIXTURES / "broken" / case / "expected.txt").read_text(encoding="utf-8").strip()
    assert re.match(r"zelfscan\.yaml:\d+: ", expected)
    root = _broken(case, tmp_path / "content")
    assert run_check(root) == 1
    out = capsys.readouterr().out
    assert any(line.startswith(expected) for line in out.splitlines()), out


def test_duplicate_statement_ids_are_reported(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", root)
    text = (FIXTURES / "selfscan-valid" / paths.SELFSCAN_FILE).read_text(encoding="utf-8")
    (root / paths.SELFSCAN_FILE).write_text(text.replace("id: feedback-wekelijks", "id: feedback-vragen"),
                                            encoding="utf-8")
    lines = text.splitlines()
    first, second = lines.index("      - id: feedback-vragen") + 1, lines.index("      - id: feedback-wekelijks") + 1
    problems = [str(p) for p in load_corpus(root)[1]]
    assert problems == [f"zelfscan.yaml:{second}: id 'feedback-vragen' van deze stelling wordt al gebruikt "
                        f"(op regel {first}) — geef elk kenmerk en elke stelling een eigen id"]


# ---------- The built page ----------

class _Page(HTMLParser):
    """Collects the parts of /zelfscan/ the tests look at."""

    def __init__(self):
        super().__init__()
        self.scripts: list[dict] = []
        self.fieldsets: list[dict] = []
        self.in_article = False
        self._label_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.in_article = True
        if tag == "script":
            self.scripts.append({**attrs, "in_article": self.in_article})
        if tag == "fieldset" and "data-statement" in attrs:
            self.fieldsets.append({"id": attrs["data-statement"], "legend": False, "radios": 0})
        if tag == "legend" and self.fieldsets:
            self.fieldsets[-1]["legend"] = True
        if tag == "label":
            self._label_depth += 1
        if tag == "input" and attrs.get("type") == "radio" and self._label_depth:
            self.fieldsets[-1]["radios"] += 1

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_depth -= 1
        if tag == "article":
            self.in_article = False


@pytest.fixture(scope="module")
def page_html(built_site) -> str:
    return (built_site / "zelfscan" / "index.html").read_text(encoding="utf-8")


def test_without_javascript_every_statement_is_a_fieldset_with_labelled_radios(page_html, scan):
    """One radio per step of the scale, plus 'weet niet / niet van toepassing'."""
    parsed = _Page()
    parsed.feed(page_html)
    expected = [s["id"] for d in scan.dimensions for s in d["statements"]]
    assert [f["id"] for f in parsed.fieldsets] == expected
    assert all(f["legend"] and f["radios"] == len(scan.scale) + 1 for f in parsed.fieldsets)
    assert "Om je resultaat te berekenen, heb je JavaScript nodig." in page_html


def test_the_page_has_no_inline_script_but_its_data(page_html):
    parsed = _Page()
    parsed.feed(page_html)
    ours = [s for s in parsed.scripts if s["in_article"]]
    assert [s.get("type") for s in ours] == ["application/json"]
    assert any(s.get("src", "").endswith("assets/javascripts/zelfscan.js") for s in parsed.scripts)
    assert not re.search(r"\son[a-z]+=", page_html[page_html.index("<article"):page_html.index("</article>")])


def test_the_help_links_in_the_page_data_lead_to_built_pages(page_html, built_site, scan):
    data = json.loads(re.search(r'<script type="application/json" id="kb-zelfscan-data">(.*?)</script>',
                                page_html, re.S).group(1))
    assert [d["id"] for d in data["dimensions"]] == [d["id"] for d in scan.dimensions]
    for dimension in data["dimensions"]:
        for kind in REFERENCE_FIELDS:
            for link in dimension["help"][kind]:
                assert link["url"].startswith("../") and link["url"].endswith("/"), link
                target = built_site / link["url"].removeprefix("../") / "index.html"
                assert target.is_file(), f"{dimension['id']}: {link['url']}"
                assert link["title"] in target.read_text(encoding="utf-8")


def test_the_page_says_it_is_not_the_networks_tool_and_that_answers_stay_in_the_browser(page_html):
    text = re.sub(r"<[^>]+>", "", page_html)
    assert "niet de officiële tool" in text
    assert "Je antwoorden gaan nergens naartoe" in text
    assert "Sterke leerlingen door sterke scholen" in text
