"""A problem found in the content, reported as `path:line: what is wrong — how to fix it`."""
from __future__ import annotations

from dataclasses import dataclass, field

CAUSE, HELD_BACK, OTHER = 0, 1, 2  # ranks: a file that cannot be read leads, what follows from it next


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    hint: str = ""
    # Not part of what a problem is (equality, sorting within a rank): how it is ordered and,
    # for a reference to an entry, which one ((kind, id)), so it can be held back when the
    # file of that entry could not be read.
    rank: int = field(default=OTHER, compare=False)
    about: tuple | None = field(default=None, compare=False)

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = ordered(problems)
        super().__init__(format_problems(self.problems))


def ordered(problems) -> list[Problem]:
    """Causes first (files that cannot be read), then what was held back, then the rest by place."""
    return sorted(problems, key=lambda p: (p.rank, p))


def format_problems(problems: list[Problem]) -> str:
    lines = [str(p) for p in ordered(problems)]
    noun = "probleem" if len(lines) == 1 else "problemen"
    lines.append(f"{len(problems)} {noun} gevonden.")
    return "\n".join(lines)
