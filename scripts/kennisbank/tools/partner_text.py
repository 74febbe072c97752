"""A new partner goes into partners.yaml as text, at its alphabetical place: the rest of the
file, comments and layout included, stays exactly as it was."""
from __future__ import annotations

import textwrap
from pathlib import Path

from kennisbank.content import paths
from kennisbank.content.yamlio import parse_yaml
from kennisbank.tools.drafts import ScaffoldError


def existing_partner_ids(root: Path) -> list[str]:
    path = root / paths.PARTNERS_FILE
    if not path.exists():
        return []
    doc, _ = parse_yaml(path.read_text(encoding="utf-8"), paths.PARTNERS_FILE)
    items = doc.data.get("partners") if doc and isinstance(doc.data, dict) else None
    return [item.get("id") for item in items or [] if isinstance(item, dict)]


def _item_indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def insert_partner(text: str, block: str, entry_id: str) -> tuple[str, int]:
    """Put `block` (a partner, indented as '  - id: ...') before the first partner whose id sorts
    after `entry_id`; the returned text is `text` with only that block (and a blank line) added."""
    doc, problems = parse_yaml(text, paths.PARTNERS_FILE)
    items = doc.data.get("partners") if doc and isinstance(doc.data, dict) else None
    if doc is None or not isinstance(items, list) or not items:
        raise ScaffoldError("partners.yaml kan ik niet lezen als een lijst van partners. "
                            "Voer `make check` uit en los eerst de problemen op.")
    lines = text.splitlines(keepends=True)
    starts = [doc.line_of(("partners", i)) for i in range(len(items))]
    indent = _item_indent(lines[starts[0] - 1])
    block = textwrap.indent(textwrap.dedent(block), " " * indent)
    spaced = any(lines[s - 2].strip() == "" for s in starts[1:])  # blank lines between partners?
    ids = [item.get("id") if isinstance(item, dict) else None for item in items]
    following = next((s for s, i in zip(starts, ids, strict=True) if isinstance(i, str) and i > entry_id), None)
    if following is None:
        before = "".join(lines)
        if before and not before.endswith("\n"):
            before += "\n"
        before += "\n" if spaced else ""
        return before + block, before.count("\n") + 1
    at = following - 1
    # Comments at the level of the '- ' just above a partner belong to it; deeper ones (the hints
    # of a draft) belong to the partner before.
    while at > 0 and lines[at - 1].lstrip().startswith("#") and _item_indent(lines[at - 1]) <= indent:
        at -= 1
    new = "".join(lines[:at]) + block + ("\n" if spaced else "") + "".join(lines[at:])
    return new, at + 1


def add_partner(path: Path, block: str, entry_id: str) -> int:
    if not path.exists():
        header = "# yaml-language-server: $schema=schemas/partners.schema.json\npartners:\n"
        path.write_text(header + block, encoding="utf-8")
        return 3
    new, line = insert_partner(path.read_text(encoding="utf-8"), block, entry_id)
    path.write_text(new, encoding="utf-8")
    return line


