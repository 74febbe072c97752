"""Errors that lead with their cause: a file that cannot be read is reported first, in Dutch, with a
hint that tells over- from under-indentation, and the references that only fail because of it
are held back in one line."""
from __future__ import annotations

import shutil

import pytest

from kennisbank.content import paths
from kennisbank.content.yamlerrors import MESSAGES, dutch
from kennisbank.content.yamlio import parse_yaml
from kennisbank.tools.checking import run_check


def _real_content_with(tmp_path, partners_text: str):
    root = tmp_path / "content"
    root.mkdir()
    for folder in (paths.PRACTICES_DIR, paths.GUIDES_DIR):
        shutil.copytree(paths.ROOT / folder, root / folder)
    shutil.copy(paths.ROOT / paths.SELFSCAN_FILE, root / paths.SELFSCAN_FILE)
    (root / paths.PARTNERS_FILE).write_text(partners_text, encoding="utf-8")
    return root


def _slip(line: str, by: int) -> str:
    """The line indented `by` spaces more (or less, when negative)."""
    return " " * max(0, len(line) - len(line.lstrip(" ")) + by) + line.lstrip(" ")


@pytest.mark.parametrize("by, slip", [(2, "te ver ingesprongen"), (-1, "te weinig ingesprongen")],
                         ids=["over-indent", "under-indent"])
def test_one_indentation_slip_in_the_real_partners_file_prints_at_most_five_lines(tmp_path, capsys, by, slip):
    lines = (paths.ROOT / paths.PARTNERS_FILE).read_text(encoding="utf-8").split("\n")
    first_name = next(i for i, line in enumerate(lines) if line.strip().startswith("name:"))
    lines[first_name] = _slip(lines[first_name], by)
    root = _real_content_with(tmp_path, "\n".join(lines))
    assert run_check(root) == 1
    out = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    problem_lines = out[:-1]  # the last line counts the problems
    assert len(problem_lines) <= 5, "\n".join(out)
    assert problem_lines[0].startswith(f"partners.yaml:{first_name + 1}: YAML-fout: "), problem_lines[0]
    assert slip in problem_lines[0]
    assert ("verwijzingen naar partners niet gecontroleerd omdat partners.yaml niet gelezen kon worden"
            in problem_lines[1])
    assert not any("bestaat niet" in line for line in out)


@pytest.mark.parametrize("text, english", [
    ("a: b: c\n", "mapping values are not allowed"),
    ("a:\n  - b\n c: d\n", None),
    ("a:\n\t- b\n", "found character that cannot start any token"),
    ("a: [b, c\n", None),
    ("- a\nb: c\n", None),
    ('a: "b\n', None),
])
def test_yaml_errors_are_in_dutch(text, english):
    _, problems = parse_yaml(text, "x.yaml")
    [problem] = problems
    assert problem.message.startswith("YAML-fout: ")
    assert "ongeldige YAML (" not in problem.message, f"untranslated: {problem.message}"
    for start, _ in MESSAGES:
        assert start not in problem.message
    if english:
        assert dutch(english) in problem.message
