"""What follows from a file that could not be read is held back, and counted in one line."""
from __future__ import annotations

from pathlib import Path

from kennisbank.content import paths
from kennisbank.content.model import KINDS, Entry
from kennisbank.content.problems import HELD_BACK, Problem


def hold_back(problems: list[Problem], unreadable: dict[tuple[str, str | None], str]) -> list[Problem]:
    """Leave out the references to entries of a file that could not be read (they only follow
    from it) and say, in one line per file, how many were not checked."""
    held: dict[str, int] = {}
    kept = []
    for problem in problems:
        kind, ref = problem.about or (None, None)
        cause = unreadable.get((kind, None)) or unreadable.get((kind, ref))
        if cause:
            held[cause] = held.get(cause, 0) + 1
        else:
            kept.append(problem)
    for cause, count in held.items():
        kind = KINDS["partner" if cause == paths.PARTNERS_FILE else
                     "guide" if cause.startswith(paths.GUIDES_DIR + "/") else "practice"]
        noun = "verwijzing" if count == 1 else "verwijzingen"
        target = kind.plural if kind.name == "partner" else f"{kind.singular} '{Path(cause).stem}'"
        kept.append(Problem(cause, 1, f"{count} {noun} naar {target} niet gecontroleerd omdat {cause} niet "
                            "gelezen kon worden", "los eerst de fout hierboven op; daarna controleert `make check` "
                            "ze opnieuw", rank=HELD_BACK))
    return kept


def entry_is_clean(entry: Entry, problems: list[Problem]) -> bool:
    """For partners.yaml, one bad partner must not hide the good ones: judge by line range."""
    if entry.kind.name != "partner":
        return False
    start = entry.doc.line_of(entry.base)
    index = entry.base[1]
    following = [entry.doc.line_of(("partners", index + 1))] if ("partners", index + 1) in entry.doc.lines else []
    end = following[0] if following else 10**9
    return not any(start <= p.line < end for p in problems)
