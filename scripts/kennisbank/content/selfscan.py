"""The self-scan (zelfscan.yaml): the dimensions of a strong school, each with statements a team
scores from 1 to 4, and the practices, partners and guides that help where a school scores low.

Loaded and checked like the other content: the schema, ids that must be unique (a saved result
refers to them), and references to entries that must exist. A content root without zelfscan.yaml
(test fixtures, synthetic corpora) has no self-scan, and that is not a problem.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kennisbank.content import paths
from kennisbank.content.crossref import reference_problem
from kennisbank.content.filecache import FileCache
from kennisbank.content.model import Corpus
from kennisbank.content.problems import Problem
from kennisbank.content.schema import validate
from kennisbank.content.yamlio import YamlDoc, parse_yaml, read_text

# Field of a dimension -> kind of entry it names.
REFERENCE_FIELDS = {"practices": "practice", "partners": "partner", "guides": "guide"}


@dataclass
class SelfScan:
    data: dict
    doc: YamlDoc
    path: str = paths.SELFSCAN_FILE
    dimensions: list[dict] = field(init=False)

    def __post_init__(self):
        self.dimensions = self.data["dimensions"]

    @property
    def scale(self) -> list[str]:
        return self.data["scale"]

    @property
    def sources(self) -> list[dict]:
        return self.data["sources"]


_files = FileCache()


def _check_unique_ids(doc: YamlDoc, relpath: str) -> list[Problem]:
    """Dimension and statement ids name the answers in a saved result: each must be unique."""
    problems, seen = [], {}
    for d, dimension in enumerate(doc.data.get("dimensions") or []):
        if not isinstance(dimension, dict):
            continue
        found = [(dimension.get("id"), ("dimensions", d, "id"), "kenmerk")]
        statements = dimension.get("statements")
        for s, statement in enumerate(statements if isinstance(statements, list) else []):
            if isinstance(statement, dict):
                found.append((statement.get("id"), ("dimensions", d, "statements", s, "id"), "stelling"))
        for value, path, what in found:
            if not isinstance(value, str):
                continue
            line = doc.line_of(path)
            if value in seen:
                problems.append(Problem(relpath, line,
                                        f"id '{value}' van deze {what} wordt al gebruikt (op regel {seen[value]})",
                                        "geef elk kenmerk en elke stelling een eigen id"))
            else:
                seen[value] = line
    return problems


def _parse(path: Path, relpath: str) -> tuple[SelfScan | None, list[Problem]]:
    text, problems = read_text(path, relpath)
    if text is None:
        return None, problems
    doc, problems = parse_yaml(text, relpath)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [Problem(relpath, 1, "de zelfscan moet velden bevatten",
                              "begin met 'scale:' en 'dimensions:'; kijk naar het voorbeeld in de repository")]
    problems += validate("selfscan", doc, relpath)
    problems += _check_unique_ids(doc, relpath)
    return (None if problems else SelfScan(doc.data, doc, relpath)), problems


def load_selfscan(root: Path | None = None) -> tuple[SelfScan | None, list[Problem]]:
    """The self-scan under `root`, or None when there is none or it has problems (listed)."""
    path = Path(root or paths.content_root()) / paths.SELFSCAN_FILE
    if not path.is_file():
        return None, []
    scan, problems = _files.get(path, lambda: _parse(path, paths.SELFSCAN_FILE))
    return scan, list(problems)


def check_references(scan: SelfScan, corpus: Corpus) -> list[Problem]:
    """Every practice, partner and guide a dimension names must exist and be published."""
    problems = []
    for d, dimension in enumerate(scan.dimensions):
        for name, kind in REFERENCE_FIELDS.items():
            entries = corpus.of_kind(kind)
            published = {i for i, e in entries.items() if not e.is_draft}
            drafts = {e.id for e in corpus.drafts if e.kind.name == kind} | (set(entries) - published)
            problems += [reference_problem(scan.path, scan.doc.line_of(("dimensions", d, name, i)), kind, ref,
                                           published, ref in drafts)
                         for i, ref in enumerate(dimension.get(name) or []) if ref not in published]
    return problems


def check_selfscan(root: Path | None, corpus: Corpus) -> list[Problem]:
    """All problems of zelfscan.yaml under `root`; none when the file is absent.
    `corpus` holds every entry that was read, drafts included (as for crossref.check_corpus)."""
    scan, problems = load_selfscan(root)
    if scan is not None:
        problems += check_references(scan, corpus)
    return problems
