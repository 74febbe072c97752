"""Turn a submitted GitHub issue form into a draft practice: `python scripts/from_issue.py BODY`.

GitHub writes a submitted form as Markdown: per field a heading `### <label>`, a blank line and
the answer (`_No response_` when empty; checkboxes as `- [X] <label>` lines). We read the labels
from the form itself (.github/ISSUE_TEMPLATE/praktijk.yml), so form and parser cannot drift
apart; the choices are the labels of the vocabularies, which a test keeps equal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kennisbank.content import paths
from kennisbank.tools.scaffold import Created, ScaffoldError, check_alone, new_id, refuse_existing, render
from kennisbank.content.vocab import Vocabularies, load_vocabularies

FORMS_DIR = paths.ROOT / ".github" / "ISSUE_TEMPLATE"
PRACTICE_FORM = FORMS_DIR / "praktijk.yml"
# Form field id -> the vocabulary whose labels are its options (a nested schema field is written
# with '_': time_effort is time.effort).
VOCABULARY_FIELDS = {
    "themes": "themes", "levels": "levels", "audience": "roles", "connections": "connections",
    "pillars": "pillars", "time_effort": "efforts", "cost_level": "costs", "evidence_level": "evidence",
    "support_forms": "support_forms", "eligibility_levels": "levels", "eligibility_audience": "roles",
    "service_area_districts": "districts", "fees_level": "costs", "languages": "languages",
}
# Choices that are no vocabulary: the service area of a partner (schema enum) and the form's own.
SCOPE_LABELS = {"Heel Vlaanderen": "vlaanderen", "De provincie Antwerpen": "provincie",
                "De hele stad Antwerpen": "stad", "Enkele districten": "districten", "Enkele wijken": "wijken"}
OTHER_CHOICE_FIELDS = {"service_area_scope", "aanvraag", "akkoord"}
# Checkbox groups where at least one box must be ticked (GitHub can only require single boxes).
AT_LEAST_ONE = {"themes", "levels"}
EMPTY = {"_No response_", "None", ""}

_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$")
_CHECKBOX = re.compile(r"^\s*[-*]\s+\[([ xX])\]\s+(.+?)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_URL = re.compile(r"https?://[^\s<>()\[\]]+")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_YEAR = re.compile(r"^\(?((?:19[5-9]|20\d)\d)\)?$")
_AGES = re.compile(r"(\d{1,2})\D+?(\d{1,2})")


class IssueFormError(Exception):
    """The issue body cannot be turned into a practice; `problems` says what to fix, in Dutch."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class FormField:
    id: str
    type: str  # input, textarea, dropdown, checkboxes
    label: str
    options: tuple[str, ...] = ()
    required: bool = False
    required_options: tuple[str, ...] = ()


def load_form(path: Path = PRACTICE_FORM) -> list[FormField]:
    """The fields of an issue form (the markdown blocks are text, not fields)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    fields = []
    for element in data["body"]:
        if element["type"] == "markdown":
            continue
        attributes = element["attributes"]
        options = attributes.get("options", [])
        labels = tuple(o["label"] if isinstance(o, dict) else str(o) for o in options)
        required_options = tuple(o["label"] for o in options if isinstance(o, dict) and o.get("required"))
        fields.append(FormField(element["id"], element["type"], attributes["label"], labels,
                                bool((element.get("validations") or {}).get("required")), required_options))
    return fields


def _sections(body: str, fields: list[FormField]) -> dict[str, str]:
    """label -> raw answer. Only headings that are labels of the form start a section, so a
    contributor's own '###' inside an answer stays part of that answer."""
    labels = {f.label for f in fields}
    sections: dict[str, list[str]] = {}
    current = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = _HEADING.match(line)
        if match and match.group(1) in labels and match.group(1) not in sections:
            current = match.group(1)
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return {label: "\n".join(lines).strip() for label, lines in sections.items()}


def _checked(field: FormField, raw: str, problems: list[str]) -> list[str]:
    chosen = []
    for line in raw.splitlines():
        match = _CHECKBOX.match(line)
        if not match:
            if line.strip():
                problems.append(f"'{field.label}': de regel '{line.strip()}' is geen vinkje "
                                "(verwacht '- [X] keuze' of '- [ ] keuze')")
            continue
        label = match.group(2)
        if label not in field.options:
            problems.append(f"'{field.label}': '{label}' is geen keuze uit het formulier; "
                            f"kies uit: {', '.join(field.options)}")
        elif match.group(1).lower() == "x":
            chosen.append(label)
    return chosen


def parse_body(body: str, fields: list[FormField]) -> dict[str, object]:
    """Field id -> answer: text, a chosen label, a list of ticked labels, or None when empty."""
    sections = _sections(body, fields)
    problems: list[str] = []
    answers: dict[str, object] = {}
    for field in fields:
        raw = sections.get(field.label)
        if raw is None:
            if field.required or field.id in AT_LEAST_ONE or field.required_options:
                problems.append(f"het onderdeel '### {field.label}' ontbreekt; "
                                "gebruik het formulier of zet die kop terug met je antwoord eronder")
            answers[field.id] = None
            continue
        value: object = None if raw in EMPTY else raw
        if field.type == "checkboxes":
            value = _checked(field, raw, problems) if value else []
            missing = [o for o in field.required_options if o not in value]
            if missing:
                problems.append(f"'{field.label}': vink aan: {'; '.join(missing)}")
            if field.id in AT_LEAST_ONE and not value:
                problems.append(f"'{field.label}': kies er minstens één")
        elif field.type == "dropdown" and value is not None and value not in field.options:
            problems.append(f"'{field.label}': '{value}' is geen keuze uit het formulier; "
                            f"kies uit: {', '.join(field.options)}")
        elif field.required and value is None:
            problems.append(f"'{field.label}' is verplicht maar niet ingevuld")
        answers[field.id] = value
    if problems:
        raise IssueFormError(problems)
    return answers


# --- from answers to the fields of a practice ---------------------------------------------------

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


def _source(item: str) -> dict | None:
    """'Titel - Uitgever - https://... (2022)' -> a source; None without a web address or publisher."""
    item = _MD_LINK.sub(r"\1 \2", item)
    match = _URL.search(item)
    url = match.group().rstrip(".,;:") if match else None
    rest = _URL.sub(" ", item) if url else item
    parts = [p.strip(" ,;:|-–—") for p in re.split(r"\s[-–—|]\s|\s*\|\s*|,\s", rest)]
    parts = [p for p in parts if p]
    year = next((int(_YEAR.match(p).group(1)) for p in parts if _YEAR.match(p)), None)
    parts = [p for p in parts if not _YEAR.match(p)]
    if parts and (found := re.search(r"\s\(((?:19[5-9]|20\d)\d)\)$", parts[-1])):
        year, parts[-1] = int(found.group(1)), parts[-1][:found.start()].strip()
    title = parts[0] if parts and len(parts[0]) >= 3 else url
    publisher = parts[1] if len(parts) > 1 and len(parts[1]) >= 2 else None
    if not title or not (url or publisher):
        return None
    source = {"title": title}
    source.update({k: v for k, v in (("url", url), ("publisher", publisher), ("year", year)) if v})
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
                          issue_url: str | None = None) -> tuple[dict, str]:
    """The front matter fields and the Markdown body of a draft practice."""
    sources, unsourced = [], []
    for item in _items(answers.get("sources")):
        source = _source(item)
        if source:
            sources.append(source)
        else:
            unsourced.append(f"Bron aanvullen met een webadres of een uitgever: {item}")
    if issue_url:
        sources.append({"title": "Voorstel van de school via het formulier", "url": issue_url,
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


def practice_from_issue(body: str, root: Path | None = None, issue_url: str | None = None,
                        form: Path = PRACTICE_FORM) -> tuple[str, str]:
    """(id, file text) of the draft practice described by an issue body; raises IssueFormError."""
    fields = load_form(form)
    answers = parse_body(body, fields)
    labels = {f.id: f.label for f in fields}
    values, story = practice_from_answers(answers, load_vocabularies(), labels, issue_url)
    root = Path(root or paths.content_root())
    try:
        entry_id = new_id("practice", values["title"])
        refuse_existing("practice", entry_id, root)
    except ScaffoldError as error:
        raise IssueFormError([str(error)]) from None
    text = render("practice", values, body=story)
    problems = check_alone("practice", f"{paths.PRACTICES_DIR}/{entry_id}.md", text)
    if problems:
        raise IssueFormError([_with_label(f"{p.message} — {p.hint}", labels) for p in problems])
    return entry_id, text


def _with_label(message: str, labels: dict[str, str]) -> str:
    """'summary is te kort ...' -> "'Samenvatting' (summary) is te kort ..."."""
    field = re.match(r"^([a-z_]+)", message)
    if field and field.group(1) in labels:
        return f"'{labels[field.group(1)]}' ({field.group(1)}){message[len(field.group(1)):]}"
    return message


def write_practice(body: str, root: Path | None = None, issue_url: str | None = None) -> Created:
    root = Path(root or paths.content_root())
    entry_id, text = practice_from_issue(body, root, issue_url)
    relpath = f"{paths.PRACTICES_DIR}/{entry_id}.md"
    target = root / relpath
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return Created("practice", entry_id, relpath, 1)
