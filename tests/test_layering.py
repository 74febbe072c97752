"""The package layout is the data flow: content at the bottom; site, search and exports each on
content only; the MkDocs hooks and macros wire those three together; tools sit on top. An import
that points the other way fails here, naming the file and the line."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "kennisbank"

# What each part may import from the kennisbank package (besides itself).
ALLOWED = {
    "content": set(),
    "search": {"content"},
    "exports": {"content"},
    "site": {"content"},
    "hooks": {"content", "site", "search", "exports"},
    "macros": {"content", "site"},
    "tools": {"content", "site", "search", "exports", "hooks"},
}


def part_of(module: Path) -> str:
    relative = module.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def kennisbank_imports(module: Path):
    """(line, imported part) for every import of the kennisbank package in `module`."""
    tree = ast.parse(module.read_text(encoding="utf-8"), str(module))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                raise AssertionError(f"{module}:{node.lineno}: use an absolute import (kennisbank....)")
            if node.module == "kennisbank":
                names = [alias.name for alias in node.names]
            elif node.module and node.module.startswith("kennisbank."):
                names = [node.module.split(".")[1]]
        elif isinstance(node, ast.Import):
            names = [a.name.split(".")[1] for a in node.names if a.name.startswith("kennisbank.")]
        for name in names:
            yield node.lineno, name


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py")


def test_every_module_belongs_to_a_known_part():
    unknown = {part_of(m) for m in MODULES} - set(ALLOWED)
    assert not unknown, f"modules outside the known parts: {unknown}; add them to ALLOWED with their place in the flow"


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.relative_to(PACKAGE).as_posix())
def test_imports_only_go_down(module):
    part = part_of(module)
    wrong = [f"{module.relative_to(PACKAGE)}:{line}: {part} imports {target}"
             for line, target in kennisbank_imports(module)
             if target != part and target not in ALLOWED[part]]
    assert not wrong, "\n".join(wrong)


def test_the_check_catches_a_back_import(tmp_path):
    """The rule itself: content importing site is reported."""
    module = tmp_path / "bad.py"
    module.write_text("from kennisbank.site.render import PageRenderer\n", encoding="utf-8")
    assert [target for _, target in kennisbank_imports(module)] == ["site"]
    assert "site" not in ALLOWED["content"]


def test_no_module_over_300_lines():
    long = [f"{m.relative_to(PACKAGE)}: {n} lines" for m in MODULES
            if (n := len(m.read_text(encoding="utf-8").splitlines())) > 300]
    assert not long, "split these modules: " + ", ".join(long)
