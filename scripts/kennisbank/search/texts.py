"""The text a reader can read, per entry and per hand-written page, as plain text for the index."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kennisbank.content import paths
from kennisbank.content.model import Entry

# Keys whose values are ids, addresses, dates or sources: not text a reader searches for.
_SKIP = {"id", "url", "website", "email", "emails", "published", "consulted", "kind", "level", "scope",
         "status", "successor", "ask_via", "partners", "themes", "levels", "audience", "connections",
         "pillars", "support_forms", "districts", "wijken", "languages", "sources", "to_confirm",
         "confirmed", "ages", "effort", "title", "summary", "description", "date", "related"}


def _strings(value, key: str = "") -> list[str]:
    if key in _SKIP:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, k)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


_MARKUP = [
    (re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL), " "),  # macros
    (re.compile(r"<[^>]+>"), " "),  # HTML tags
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images: their text
    (re.compile(r"\{:[^}]*\}|\{\s*[.#][^}]*\}"), " "),  # attribute lists
    (re.compile(r"^\s*(!!!|\?\?\?\+?)\s*\w+(\s+\"[^\"]*\")?", re.MULTILINE), " "),  # admonitions
    (re.compile(r"https?://\S+"), " "),
    (re.compile(r"[#*_`>|~]+"), " "),
]


def plain_markdown(text: str) -> str:
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def entry_text(entry: Entry) -> str:
    """Everything on the entry's page that is prose: the body and every text field."""
    return plain_markdown(" ".join([entry.body or "", *_strings(entry.data)]))


@dataclass
class Page:
    title: str
    url: str
    summary: str
    text: str
    language: str  # 'nl' or the folder of a translation (docs/voor-ouders/<lang>/)


_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
SKIP_PAGES = {"vinden.md"}  # the finder itself


def _page(path: Path, docs: Path) -> Page | None:
    raw = path.read_text(encoding="utf-8")
    match = _FRONT.match(raw)
    meta = (yaml.safe_load(match.group(1)) or {}) if match else {}
    body = raw[match.end():] if match else raw
    heading = re.search(r"^#\s+(.+)$", body, re.MULTILINE)
    title = str(meta.get("title") or (heading.group(1) if heading else path.stem))
    relative = path.relative_to(docs).with_suffix("")
    url = "" if relative.name == "index" and relative.parent == Path(".") else (
        f"{relative.parent.as_posix()}/" if relative.name == "index" else f"{relative.as_posix()}/")
    parts = relative.parts
    language = parts[1] if len(parts) > 2 and parts[0] == "voor-ouders" and len(parts[1]) <= 3 else "nl"
    text = plain_markdown(body)
    if heading and text.startswith(plain_markdown(heading.group(0))):
        text = text[len(plain_markdown(heading.group(0))):].strip()
    summary = str(meta.get("description") or text)
    return Page(title=plain_markdown(title), url=url, summary=summary, text=text, language=language)


def hand_written_pages(docs: Path | None = None) -> list[Page]:
    """docs/*.md and docs/voor-ouders/** (translations included), the finder itself left out."""
    docs = docs or paths.ROOT / "docs"
    files = [p for p in sorted(docs.glob("*.md")) if p.name not in SKIP_PAGES]
    files += sorted((docs / "voor-ouders").rglob("*.md"))
    return [page for page in (_page(p, docs) for p in files) if page]
