"""schemas/synoniemen.yaml is checked like the other data files: every problem with its line."""
from __future__ import annotations

from kennisbank.content import paths
from kennisbank.search import synonyms


def _copy_with(tmp_path, old: str, new: str):
    text = (paths.SCHEMAS_DIR / synonyms.FILE).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / synonyms.FILE
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, text[: text.index(old)].count("\n") + 1


def test_the_repository_file_has_no_problem():
    assert synonyms.check_file() == []


def test_a_misspelt_key_is_reported_on_its_line_in_dutch(tmp_path):
    path, line = _copy_with(tmp_path, "{getypt: brossen, zoek:", "{getypt: brossen, zoeken:")
    found = synonyms.check_file(path)
    assert found and all(p.line == line for p in found)
    assert any("bedoel je 'zoek'" in str(p) for p in found)


def test_an_unknown_wijk_is_reported(tmp_path):
    path, line = _copy_with(tmp_path, "wijken: [antwerpen-eilandje]", "wijken: [antwerpen-eilandjes]")
    [problem] = synonyms.check_file(path)
    assert problem.line == line and "antwerpen-eilandjes" in problem.message and problem.hint
