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
from kennisbank.content.vocab import load_vocabularies
from kennisbank.tools.issue_answers import IssueFormError, practice_from_answers
from kennisbank.tools.scaffold import Created, ScaffoldError, check_alone, new_id, refuse_existing, render

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
