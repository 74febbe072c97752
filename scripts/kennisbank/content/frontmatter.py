"""Split a Markdown file into its YAML front matter and its body.

The format is the one Jekyll, Hugo and MkDocs share: a first line `---`, YAML, a closing line
`---`, then Markdown. We look for the fence lines only; the YAML itself goes to the YAML parser.
"""
from __future__ import annotations

from dataclasses import dataclass

from kennisbank.content.problems import Problem

FENCE = "---"


@dataclass
class Split:
    yaml_text: str
    yaml_first_line: int  # 1-based line of the first YAML line in the file
    body: str
    body_first_line: int


def split_front_matter(text: str, relpath: str) -> tuple[Split | None, list[Problem]]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FENCE:
        return None, [Problem(relpath, 1, "de front matter ontbreekt",
                              "begin het bestand met een regel '---', dan de velden, dan weer '---'")]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            return Split(
                yaml_text="".join(lines[1:index]),
                yaml_first_line=2,
                body="".join(lines[index + 1:]),
                body_first_line=index + 2,
            ), []
    return None, [Problem(relpath, 1, "de front matter wordt niet afgesloten",
                          "zet na het laatste veld een regel met alleen '---'")]
