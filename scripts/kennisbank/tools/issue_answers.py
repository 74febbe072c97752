"""From the answers of the practice form to the fields of a draft practice: lists, steps, sources
(with their own date and the day they were read), vocabulary ids from the labels on the form."""
from __future__ import annotations

import re
from datetime import date

from kennisbank.content.vocab import Vocabularies

_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_URL = re.compile(r"https?://[^\s<>()\[\]]+")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_YEAR = re.compile(r"^\(?((?:19[5-9]|20\d)\d)\)?$")
_AGES = re.compile(r"(\d{1,2})\D+?(\d{1,2})")
UNDATED = "ongedateerd"
DEFAULT_KIND = "praktijk"  # a source without a kind on the form: the weakest kind, flagged to check


class IssueFormError(Exception):
    """The issue body cannot be turned into a practice; `problems` says what to fix, in Dutch."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _items(text: str | None) -> list[str]:
    """One item per list item, or per line when there is no list; wrapped lines are joined."""
    if not text:
        return []
    lines = [line.rstrip() for line in text.splitlines()]
    if any(_BULLET.match(line) for line in lines):
        items: list[str] = []
        for line in lines:
            if _BULLET.match(line):
                items.append(_BULLET.sub("", line, count=1))
            elif line.strip() and items:
                items[-1] += " " + line.strip()
        return [" ".join(i.split()) for i in items if i.strip()]
    return [" ".join(line.split()) for line in lines if line.strip()]


def _split_title(item: str) -> tuple[str, str] | None:
    """'Titel - uitleg' or 'Titel: uitleg' -> (titel, uitleg)."""
    match = re.match(r"^(.{3,100}?)\s*(?:\s[-–—]\s|:\s)\s*(.+)$", item)
    return (match.group(1).strip(), match.group(2).strip()) if match else None


def _steps(text: str | None) -> list[dict]:
    steps = []
    for number, item in enumerate(_items(text), 1):
        split = _split_title(item)
        title, text = split if split else (f"Stap {number}", item)
        steps.append({"title": title, "text": text[:1].upper() + text[1:]})
    return steps


def _source(item: str, consulted: str, kinds: dict[str, str]) -> dict | None:
    """'Titel - Uitgever - https://... (2022) - Evaluatie of meting' -> a source; None without a web
    address or publisher. A year becomes the source's date (`published`), else it is 'ongedateerd';
    a label (or id) of source_kinds becomes its `kind`, else DEFAULT_KIND, to be checked."""
    item = _MD_LINK.sub(r"\1 \2", item)
    match = _URL.search(item)
    url = match.group().rstrip(".,;:") if match else None
    rest = _URL.sub(" ", item) if url else item
    parts = [p.strip(" ,;:|-–—") for p in re.split(r"\s[-–—|]\s|\s*\|\s*|,\s", rest)]
    parts = [p for p in parts if p]
    year = next((int(_YEAR.match(p).group(1)) for p in parts if _YEAR.match(p)), None)
    parts = [p for p in parts if not _YEAR.match(p)]
    kind = next((kinds[p.lower()] for p in parts if p.lower() in kinds), None)
    parts = [p for p in parts if p.lower() not in kinds]
    if parts and (found := re.search(r"\s\(((?:19[5-9]|20\d)\d)\)$", parts[-1])):
        year, parts[-1] = int(found.group(1)), parts[-1][:found.start()].strip()
    title = parts[0] if parts and len(parts[0]) >= 3 else url
    publisher = parts[1] if len(parts) > 1 and len(parts[1]) >= 2 else None
    if not title or not (url or publisher):
        return None
    source = {"title": title}
    source.update({k: v for k, v in (("url", url), ("publisher", publisher)) if v})
    source.update(published=str(year) if year else UNDATED, consulted=consulted, kind=kind or DEFAULT_KIND)
    return source


def _ids(labels: list[str] | None, vocabulary: str, vocab: Vocabularies) -> list[str]:
    by_label = {term.label: term.id for term in vocab.terms[vocabulary].values()}
    unknown = [label for label in labels or [] if label not in by_label]
    if unknown:
        raise IssueFormError([f"'{label}' staat niet in schemas/vocabularies.yaml ({vocabulary}); het formulier "
                              "en de woordenlijst lopen niet gelijk: pas het formulier aan" for label in unknown])
    return [by_label[label] for label in labels or []]


def _one_id(label: str | None, vocabulary: str, vocab: Vocabularies) -> str | None:
    return _ids([label], vocabulary, vocab)[0] if label else None


def _ages(text: str | None, label: str) -> dict | None:
    if not text:
        return None
    match = _AGES.search(text)
    if not match:
        raise IssueFormError([f"'{label}': schrijf de leeftijden als 'van 6 tot 12'"])
    return {"min": int(match.group(1)), "max": int(match.group(2))}


def _paragraph(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def _pair(first_key: str, first, second_key: str, second) -> dict | None:
    pair = {k: v for k, v in ((first_key, first), (second_key, second)) if v}
    return pair or None


def practice_from_answers(answers: dict, vocab: Vocabularies, labels: dict[str, str],
                          issue_url: str | None = None, today: date | None = None) -> tuple[dict, str]:
    """The front matter fields and the Markdown body of a draft practice. The sources count as
    consulted `today`, the day the draft is made from the form."""
    consulted = (today or date.today()).isoformat()
    kinds = {key.lower(): term.id for term in vocab.terms["source_kinds"].values() for key in (term.id, term.label)}
    sources, unsourced = [], []
    for item in _items(answers.get("sources")):
        source = _source(item, consulted, kinds)
        if source:
            sources.append(source)
            if not any(key in item.lower() for key in kinds):
                unsourced.append(f"Soort bron nakijken (nu '{DEFAULT_KIND}'): {source['title']}")
        else:
            unsourced.append(f"Bron aanvullen met een webadres of een uitgever: {item}")
    if issue_url:
        sources.append({"title": "Voorstel van de school via het formulier", "url": issue_url,
                        "published": consulted, "consulted": consulted, "kind": "praktijk",
                        "note": "De beschrijving van de praktijk door de school zelf."})
    values = {
        "title": _paragraph(answers.get("title")),
        "summary": _paragraph(answers.get("summary")),
        "themes": _ids(answers.get("themes"), "themes", vocab),
        "levels": _ids(answers.get("levels"), "levels", vocab),
        "ages": _ages(answers.get("ages"), labels.get("ages", "ages")),
        "audience": _ids(answers.get("audience"), "roles", vocab),
        "connections": _ids(answers.get("connections"), "connections", vocab),
        "pillars": _ids(answers.get("pillars"), "pillars", vocab),
        "time": _pair("effort", _one_id(answers.get("time_effort"), "efforts", vocab),
                      "description", _paragraph(answers.get("time_description"))),
        "cost": _pair("level", _one_id(answers.get("cost_level"), "costs", vocab),
                      "description", _paragraph(answers.get("cost_description"))),
        "evidence": _pair("level", _one_id(answers.get("evidence_level"), "evidence", vocab),
                          "description", _paragraph(answers.get("evidence_description"))),
        "steps": _steps(answers.get("steps")),
        "impact": _paragraph(answers.get("impact")),
        "measurement": _items(answers.get("measurement")),
        "pitfalls": _items(answers.get("pitfalls")),
        "sources": sources,
        "to_confirm": _items(answers.get("to_confirm")) + unsourced,
    }
    values = {k: v for k, v in values.items() if v}
    story = (answers.get("body") or "").strip()
    if story and not re.search(r"^#{1,3} ", story, re.MULTILINE):
        story = f"## Zo ziet het eruit\n\n{story}"
    body = f"{story}\n\n## Waar het loopt\n\n{answers.get('school') or ''}".strip()
    return values, body


