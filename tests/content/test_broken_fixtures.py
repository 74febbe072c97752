"""Each folder in tests/fixtures/broken/ is a small corpus with one mistake, laid over the valid
corpus in tests/fixtures/valid/. Its expected.txt lists the problems that `make check` must
report, as `path:line: start of the message`."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from kennisbank.content.loader import load_corpus
from kennisbank.tools.checking import run_check

CASES = sorted(p.name for p in (FIXTURES / "broken").iterdir() if p.is_dir())


def _corpus_with(case: str, root: Path) -> Path:
    shutil.copytree(FIXTURES / "valid", root, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "broken" / case, root, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("expected.txt"))
    return root


def _expected(case: str) -> list[str]:
    return [line for line in (FIXTURES / "broken" / case / "expected.txt").read_text().splitlines() if line]


def test_valid_fixture_has_no_problems():
    _, problems = load_corpus(FIXTURES / "valid")
    assert problems == []


@pytest.mark.parametrize("case", CASES)
def test_broken_fixture_is_reported(case, tmp_path):
    _, problems = load_corpus(_corpus_with(case, tmp_path / "content"))
    reported = [str(p) for p in problems]
    for expected in _expected(case):
        assert any(line.startswith(expected) for line in reported), \
            f"expected a problem starting with\n  {expected}\nbut got\n  " + "\n  ".join(reported)


@pytest.mark.parametrize("case", CASES)
def test_every_problem_names_file_line_and_fix(case, tmp_path):
    _, problems = load_corpus(_corpus_with(case, tmp_path / "content"))
    assert problems
    for problem in problems:
        assert problem.line >= 1 and problem.path
        assert problem.hint, f"no hint on how to fix: {problem}"
        assert " — " in str(problem)


def test_check_reports_all_problems_at_once_and_exits_nonzero(tmp_path, capsys):
    root = _corpus_with("script-tag", tmp_path / "content")
    for case in ("yaml-syntax", "empty-file", "duplicate-id"):
        shutil.copytree(FIXTURES / "broken" / case, root, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("expected.txt"))
    assert run_check(root) == 1
    out = capsys.readouterr().out
    assert "practices/feedback-in-duo.md:31: HTML-element <script>" in out
    assert "guides/kapot.yaml:4: YAML-fout" in out
    assert "practices/leeg.md:1: het bestand is leeg" in out
    assert "partners.yaml:44: id 'stadspartner' wordt twee keer gebruikt" in out
    assert "Traceback" not in out


def test_a_bad_partner_does_not_hide_the_good_ones(tmp_path):
    corpus, problems = load_corpus(_corpus_with("wijk-typo", tmp_path / "content"))
    assert problems
    assert "stadspartner" in corpus.partners and "buurtpartner" not in corpus.partners
