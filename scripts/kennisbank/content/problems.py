"""A problem found in the content, reported as `path:line: what is wrong — how to fix it`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    lines = [str(p) for p in sorted(problems)]
    noun = "probleem" if len(lines) == 1 else "problemen"
    lines.append(f"{len(problems)} {noun} gevonden.")
    return "\n".join(lines)
