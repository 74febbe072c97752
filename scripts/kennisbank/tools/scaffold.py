"""`make new`: write a new entry as a valid draft, made from the schema of its kind.

Every field of the schema is in the new entry: the ones we know (title, status, the key fields the
contributor picked) with their value, the others as a commented hint that says what goes there
(draft_fields.py). The draft (`status: concept`) passes `make check` and stays off the site until
it is published. A new partner is inserted as text into partners.yaml (partner_text.py); the
questions of `make new` are in interview.py.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from kennisbank.content import paths
from kennisbank.content.loader import load_corpus
from kennisbank.content.problems import Problem
from kennisbank.content.vocab import Vocabularies, load_vocabularies, slugify
from kennisbank.tools.draft_fields import entry_lines, entry_schema
from kennisbank.tools.drafts import (
    DUTCH,
    KEY_FIELDS,
    KIND_NAMES,
    THE,
    TITLE_FIELD,
    Created,
    ScaffoldError,
    relpath_of,
)
from kennisbank.tools.partner_text import add_partner, existing_partner_ids, insert_partner

__all__ = ["Created", "ScaffoldError", "check_alone", "create", "entry_schema", "insert_partner", "new_id",
           "next_steps", "refuse_existing", "relpath_of", "render"]

PRACTICE_BODY = """\
## Waarom

<!-- Welk probleem lost deze praktijk op, en waarom werkt ze? Verwijs naar je bronnen. -->

## Zo ziet het eruit

<!-- Een concreet voorbeeld uit een school: wie doet wat, wanneer en hoe vaak? -->

## Varianten

<!-- Hoe pas je het aan voor een ander niveau of een andere school? -->
"""

_DRAFT_HEADER = [
    "Nieuw: een concept. Het komt pas op de site als je de regel 'status: concept' weghaalt.",
    "Regels met '# ' ervoor zijn velden die je nog invult: haal '# ' weg en vul de waarde in.",
    "`make check` zegt wat er nog ontbreekt. Meer uitleg: CONTRIBUTING.md.",
]


# --- whole entries -------------------------------------------------------------------------------

def render(kind: str, values: dict, body: str | None = None) -> str:
    """The text of a new practice file or guide file, or the block of a new partner."""
    values = {**values, "status": "concept"}
    if kind == "partner":
        lines = entry_lines("partner", values, indent=4)
        return "\n".join([f"  - {lines[0].lstrip()}", *lines[1:]]) + "\n"
    header = [f"# {line}" for line in _DRAFT_HEADER]
    if kind == "guide":
        return "\n".join(["# yaml-language-server: $schema=../schemas/guide.schema.json", *header,
                          *entry_lines("guide", values)]) + "\n"
    front = "\n".join(["---", *header, *entry_lines("practice", values), "---"])
    return f"{front}\n\n{(body if body is not None else PRACTICE_BODY).strip()}\n"


def check_alone(kind: str, relpath: str, text: str) -> list[Problem]:
    """What `make check` would say about this one new entry, on its own."""
    with tempfile.TemporaryDirectory(prefix="kennisbank-new-") as tmp:
        target = Path(tmp) / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"partners:\n{text}" if kind == "partner" else text, encoding="utf-8")
        _, problems = load_corpus(Path(tmp))
    return problems


def _refuse_problems(kind: str, problems: list[Problem]) -> None:
    if problems:
        found = "\n".join(f"  - {p.message}" + (f" — {p.hint}" if p.hint else "") for p in problems)
        raise ScaffoldError(f"Deze nieuwe {DUTCH[kind]} zou niet door `make check` geraken:\n{found}")


def new_id(kind: str, title: str) -> str:
    """The id (and file name) of a new entry, after checking that the title can be used."""
    node = entry_schema(kind)["properties"][TITLE_FIELD[kind]]
    what = "naam" if kind == "partner" else "titel"
    if len(title) < node.get("minLength", 1):
        raise ScaffoldError(f"De {what} '{title}' is te kort: gebruik minstens {node['minLength']} tekens.")
    if len(title) > node.get("maxLength", 10**6):
        raise ScaffoldError(f"De {what} is te lang ({len(title)} tekens): "
                            f"gebruik hoogstens {node['maxLength']} tekens.")
    entry_id = slugify(title)
    if not entry_id:
        raise ScaffoldError(f"'{title}' geeft geen bruikbare id: gebruik letters of cijfers in de {what}.")
    return entry_id


def refuse_existing(kind: str, entry_id: str, root: Path) -> None:
    relpath = relpath_of(kind, entry_id)
    taken = entry_id in existing_partner_ids(root) if kind == "partner" else (root / relpath).exists()
    if taken:
        where = paths.PARTNERS_FILE if kind == "partner" else relpath
        raise ScaffoldError(f"Er bestaat al een {DUTCH[kind]} met id '{entry_id}' ({where}). Kies een andere "
                            f"{'naam' if kind == 'partner' else 'titel'}, "
                            f"of werk {THE[kind].replace(' ', ' bestaande ', 1)} bij.")


def _check_choices(choices: dict[str, list[str]], vocab: Vocabularies, kind: str) -> None:
    vocabularies = dict(KEY_FIELDS[kind])
    for field, chosen in choices.items():
        allowed = vocab.ids(vocabularies[field])
        wrong = [c for c in chosen if c not in allowed]
        if wrong:
            raise ScaffoldError(f"'{', '.join(wrong)}' staat niet in de lijst voor {field}; "
                                f"kies uit: {', '.join(allowed)}")


def create(kind: str, title: str, choices: dict[str, list[str]] | None = None,
           root: Path | None = None) -> Created:
    """Write a new draft of `kind` ('practice', 'partner', 'guide' or the Dutch names)."""
    kind = KIND_NAMES.get(kind, kind)
    if kind not in DUTCH:
        raise ScaffoldError(f"'{kind}' ken ik niet: kies praktijk, partner of stappenplan.")
    root = Path(root or paths.content_root())
    title = " ".join(title.split())
    entry_id = new_id(kind, title)
    refuse_existing(kind, entry_id, root)
    choices = {k: v for k, v in (choices or {}).items() if v}
    _check_choices(choices, load_vocabularies(), kind)
    values = {TITLE_FIELD[kind]: title, **choices}
    if kind == "partner":
        values = {"id": entry_id, **values}
    text = render(kind, values)
    relpath = relpath_of(kind, entry_id)
    _refuse_problems(kind, check_alone(kind, relpath, text))
    if kind == "partner":
        line = add_partner(root / paths.PARTNERS_FILE, text, entry_id)
        return Created(kind, entry_id, relpath, line)
    target = root / relpath
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return Created(kind, entry_id, relpath, 1)


def next_steps(created: Created) -> str:
    new = "Nieuw" if created.kind == "guide" else "Nieuwe"
    where = f"{created.path}:{created.line}"
    return "\n".join([
        f"{new} {DUTCH[created.kind]} '{created.id}' gemaakt: {where}",
        "Het is een concept (status: concept): `make check` aanvaardt het, maar het staat nog niet op de site.",
        "Vul de velden in: haal '# ' weg voor elk veld dat je invult. `make check` zegt wat er nog ontbreekt.",
        "Alles ingevuld? Haal de regel 'status: concept' weg; dan komt het op de site.",
    ])
