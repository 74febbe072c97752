"""`make new`: write a new entry as a valid draft, made from the schema of its kind.

Every field of the schema is in the new entry: the ones we know (title, status, the key fields the
contributor picked) with their value, the others as a commented hint that says what goes there.
The draft (`status: concept`) passes `make check` and stays off the site until it is published.

A new partner is inserted as text at its alphabetical place in partners.yaml: the rest of the file,
comments and layout included, stays exactly as it was.
"""
from __future__ import annotations

import json
import tempfile
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import yaml

from kennisbank.content import paths
from kennisbank.content.loader import load_corpus
from kennisbank.content.problems import Problem
from kennisbank.content.schema import SCHEMA_FILES, vocabulary_schema
from kennisbank.content.vocab import Vocabularies, load_vocabularies, slugify
from kennisbank.content.yamlio import parse_yaml

KIND_NAMES = {"praktijk": "practice", "partner": "partner", "stappenplan": "guide",
              "practice": "practice", "guide": "guide"}
DUTCH = {"practice": "praktijk", "partner": "partner", "guide": "stappenplan"}
THE = {"practice": "de praktijk", "partner": "de partner", "guide": "het stappenplan"}
TITLE_FIELD = {"practice": "title", "partner": "name", "guide": "title"}
# The fields `make new` asks for, each with the vocabulary that lists its choices.
KEY_FIELDS = {
    "practice": [("themes", "themes"), ("levels", "levels"), ("audience", "roles")],
    "partner": [("themes", "themes"), ("support_forms", "support_forms")],
    "guide": [("themes", "themes"), ("audience", "roles")],
}
QUESTIONS = {"themes": "Over welke thema's gaat het?", "levels": "Voor welke onderwijsniveaus?",
             "audience": "Voor wie is het bedoeld?", "support_forms": "Welke vormen van ondersteuning biedt de partner?"}
MAX_LINE = 100
MAX_LISTED_OPTIONS = 15

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


class ScaffoldError(Exception):
    """A new entry cannot be made; the message says why, in Dutch, and what to do."""


@dataclass
class Created:
    kind: str
    id: str
    path: str  # relative to the content root
    line: int  # where the new entry starts


# --- the schema, with every $ref resolved -------------------------------------------------------

@lru_cache(maxsize=1)
def _schema_documents() -> dict[str, dict]:
    documents = {p.name: json.loads(p.read_text(encoding="utf-8"))
                 for p in paths.SCHEMAS_DIR.glob("*.schema.json")}
    documents["vocabularies.schema.json"] = vocabulary_schema(load_vocabularies())
    return documents


def _expand(node, document: str):
    """Replace every $ref by what it points to (the schemas have no recursive definitions)."""
    if isinstance(node, list):
        return [_expand(item, document) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target_document, _, pointer = node["$ref"].partition("#")
        target_document = target_document or document
        target = _schema_documents()[target_document]
        for part in filter(None, pointer.split("/")):
            target = target[part]
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        return _expand({**target, **siblings}, target_document)
    return {key: _expand(value, document) for key, value in node.items()}


@lru_cache(maxsize=None)
def entry_schema(kind: str) -> dict:
    """The schema of one entry: a practice, one partner or a guide."""
    name = SCHEMA_FILES["partners" if kind == "partner" else kind]
    schema = _expand(_schema_documents()[name], name)
    return schema["$defs"]["partner"] if kind == "partner" else schema


def publish_required(kind: str) -> list[str]:
    """The fields an entry needs before it can leave the draft state."""
    return entry_schema(kind).get("else", {}).get("required", [])


# --- writing YAML as text ------------------------------------------------------------------------

def _round_trips(lines: list[str], value) -> bool:
    try:
        return yaml.safe_load("\n".join(lines)) == {"k": value}
    except yaml.YAMLError:
        return False


def _scalar_lines(prefix: str, value, indent: int, node: dict) -> list[str]:
    """`prefix` + the value, plain when that reads back the same, else a block or quoted."""
    if not isinstance(value, str):
        return [prefix + json.dumps(value)]
    if node.get("format") == "date":
        return [prefix + value]  # the loader keeps dates as the text that was written
    pad = " " * indent
    candidates = []
    if "\n" not in value and (len(prefix) + len(value) <= MAX_LINE or not any(c.isspace() for c in value)):
        candidates.append([prefix + value])  # a long web address stays on one line
    if "\n" in value:
        candidates.append([prefix + "|-"] + [pad + line if line.strip() else "" for line in value.split("\n")])
    else:
        wrapped = textwrap.wrap(value, MAX_LINE - indent, break_long_words=False, break_on_hyphens=False)
        candidates.append([prefix + ">-"] + [pad + line for line in wrapped])
    for lines in candidates:
        probe = ["k: " + lines[0][len(prefix):]] + [line[indent:] and "  " + line[indent:] for line in lines[1:]]
        if _round_trips(probe, value):
            return lines
    return [prefix + json.dumps(value, ensure_ascii=False)]


def _is_id_list(node: dict) -> bool:
    items = node.get("items", {})
    return "enum" in items or "pattern" in items


def _value_lines(key: str, value, node: dict, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        if value and all(isinstance(v, int) for v in value.values()):  # ages: {min: 6, max: 12}
            return [f"{pad}{key}: {{{', '.join(f'{k}: {v}' for k, v in value.items())}}}"]
        return [f"{pad}{key}:"] + mapping_lines(value, node, indent + 2)
    if isinstance(value, list):
        items = node.get("items", {})
        if _is_id_list(node) and all(isinstance(v, str) for v in value):
            flow = f"{pad}{key}: [{', '.join(value)}]"
            if len(flow) <= MAX_LINE:
                return [flow]
        lines = [f"{pad}{key}:"]
        for item in value:
            if isinstance(item, dict):
                sub = mapping_lines(item, items, indent + 4)
                lines += [f"{pad}  - {sub[0].lstrip()}"] + sub[1:]
            else:
                lines += _scalar_lines(f"{pad}  - ", item, indent + 4, items)
        return lines
    return _scalar_lines(f"{pad}{key}: ", value, indent + 2, node)


def mapping_lines(data: dict, node: dict, indent: int = 0) -> list[str]:
    """The fields of `data` as YAML lines, in the order of the schema."""
    properties = node.get("properties", {})
    order = [k for k in properties if k in data] + [k for k in data if k not in properties]
    return [line for key in order for line in _value_lines(key, data[key], properties.get(key, {}), indent)]


# --- hints for the fields still to fill in -------------------------------------------------------

def _choices(node: dict) -> str:
    options = node.get("enum") or node.get("items", {}).get("enum")
    if not options:
        return ""
    if len(options) > MAX_LISTED_OPTIONS:
        title = node.get("title") or node.get("items", {}).get("title", "waarden")
        return f"kies uit de {title} in schemas/vocabularies.schema.json"
    return "kies uit: " + ", ".join(options)


def _short_hint(node: dict) -> str:
    parts = [node.get("description", "").rstrip(".")] if node.get("description") else []
    if _choices(node):
        parts.append(_choices(node))
    return "; ".join(parts)


def _with_comment(line: str, comment: str) -> str:
    return f"{line}  # {comment}" if comment else line


def _skeleton(key: str, node: dict, known, indent: int) -> list[str]:
    """YAML lines (not yet commented) that show the shape of a field, with what is known filled in."""
    pad = " " * indent
    kind = node.get("type")
    if known is not None and not isinstance(known, dict):
        return _value_lines(key, known, node, indent)
    if kind == "object":
        lines = [_with_comment(f"{pad}{key}:", node.get("description", "").rstrip("."))]
        for sub_key, sub_node in node.get("properties", {}).items():
            sub_known = (known or {}).get(sub_key)
            lines += _skeleton(sub_key, sub_node, sub_known, indent + 2)
        return lines
    if kind == "array" and node.get("items", {}).get("type") == "object":
        item = node["items"]
        first, *rest = [_skeleton(k, n, None, indent + 4) for k, n in item.get("properties", {}).items()]
        lines = [f"{pad}{key}:", f"{pad}  - {first[0].lstrip()}", *first[1:]]
        return lines + [line for sub in rest for line in sub]
    if kind == "array" and _is_id_list(node):
        return [_with_comment(f"{pad}{key}: []", _short_hint(node))]
    if kind == "array":
        return [_with_comment(f"{pad}{key}:", _short_hint(node)), f"{pad}  -"]
    return [_with_comment(f"{pad}{key}:", _short_hint(node))]


def _length_note(node: dict) -> str:
    low, high = node.get("minLength"), node.get("maxLength")
    if low and high:
        return f"{low} tot {high} tekens"
    return f"minstens {low} tekens" if low and low > 1 else ""


def _comment(text: str, pad: str) -> list[str]:
    return textwrap.wrap(text, MAX_LINE, initial_indent=f"{pad}# ", subsequent_indent=f"{pad}#   ",
                         break_long_words=False, break_on_hyphens=False)


def hint_lines(key: str, node: dict, indent: int, required: bool, known=None) -> list[str]:
    """A field that is not filled in yet, as comment lines: what it is, then its shape."""
    pad = " " * indent
    description = node.get("description", "").strip()
    if description and description[-1] not in ".?!":
        description += "."
    extras = [note for note in (_length_note(node) if node.get("type") == "string" else "",
                                "verplicht om te publiceren" if required else "") if note]
    if extras:
        description = f"{description} ({', '.join(extras)})" if description else ", ".join(extras).capitalize() + "."
    lines = _comment(description, pad) if description else []
    if _choices(node):
        lines += _comment(_choices(node).capitalize() + ".", pad)
    skeleton = _skeleton(key, node, known, indent)
    if known is None or isinstance(known, dict):  # the description is above; no second copy
        skeleton[0] = skeleton[0].split("  # ")[0]
    return lines + [f"{pad}# {line[indent:]}" for line in skeleton]


def _is_complete(value, node: dict) -> bool:
    if isinstance(value, dict):
        return all(k in value for k in node.get("required", []))
    return value is not None and value != [] and value != ""


def entry_lines(kind: str, values: dict, indent: int = 0) -> list[str]:
    """Every field of the schema of `kind`: a value from `values`, or else a commented hint."""
    schema = entry_schema(kind)
    required = set(publish_required(kind))
    lines = []
    for key, node in schema["properties"].items():
        value = values.get(key)
        if value is not None and _is_complete(value, node):
            field = _value_lines(key, value, node, indent)
            if key == "status" and value == "concept":
                field = [_with_comment(field[0], "haal deze regel weg als alles ingevuld is: dan komt het op de site")]
            lines += field
        else:
            lines += hint_lines(key, node, indent, key in required, known=value)
    return lines


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


def relpath_of(kind: str, entry_id: str) -> str:
    if kind == "practice":
        return f"{paths.PRACTICES_DIR}/{entry_id}.md"
    if kind == "guide":
        return f"{paths.GUIDES_DIR}/{entry_id}.yaml"
    return paths.PARTNERS_FILE


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
        raise ScaffoldError(f"De {what} is te lang ({len(title)} tekens): gebruik hoogstens {node['maxLength']} tekens.")
    entry_id = slugify(title)
    if not entry_id:
        raise ScaffoldError(f"'{title}' geeft geen bruikbare id: gebruik letters of cijfers in de {what}.")
    return entry_id


def existing_partner_ids(root: Path) -> list[str]:
    path = root / paths.PARTNERS_FILE
    if not path.exists():
        return []
    doc, _ = parse_yaml(path.read_text(encoding="utf-8"), paths.PARTNERS_FILE)
    items = doc.data.get("partners") if doc and isinstance(doc.data, dict) else None
    return [item.get("id") for item in items or [] if isinstance(item, dict)]


def refuse_existing(kind: str, entry_id: str, root: Path) -> None:
    relpath = relpath_of(kind, entry_id)
    taken = entry_id in existing_partner_ids(root) if kind == "partner" else (root / relpath).exists()
    if taken:
        where = paths.PARTNERS_FILE if kind == "partner" else relpath
        raise ScaffoldError(f"Er bestaat al een {DUTCH[kind]} met id '{entry_id}' ({where}). Kies een andere "
                            f"{'naam' if kind == 'partner' else 'titel'}, of werk {THE[kind].replace(' ', ' bestaande ', 1)} bij.")


def _check_choices(choices: dict[str, list[str]], vocab: Vocabularies, kind: str) -> None:
    vocabularies = dict(KEY_FIELDS[kind])
    for field, chosen in choices.items():
        allowed = vocab.ids(vocabularies[field])
        wrong = [c for c in chosen if c not in allowed]
        if wrong:
            raise ScaffoldError(f"'{', '.join(wrong)}' staat niet in de lijst voor {field}; kies uit: {', '.join(allowed)}")


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


# --- partners.yaml: insert as text ---------------------------------------------------------------

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
    following = next((s for s, i in zip(starts, ids) if isinstance(i, str) and i > entry_id), None)
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


# --- the questions of `make new` -----------------------------------------------------------------

def _pick(answer: str, options: list[str]) -> list[str] | None:
    """'1, 3' or 'welbevinden, leren-leren' -> ids; None when something is not an option."""
    picked = []
    for part in filter(None, (p.strip() for p in answer.replace(";", ",").split(","))):
        if part.isdigit() and 1 <= int(part) <= len(options):
            picked.append(options[int(part) - 1])
        elif part in options:
            picked.append(part)
        else:
            return None
    return list(dict.fromkeys(picked))


def interview(ask: Callable[[str], str], say: Callable[[str], None], root: Path | None = None
              ) -> tuple[str, str, dict[str, list[str]]]:
    """Ask what to make; `ask` shows a prompt and returns the answer (it may raise EOFError)."""
    root = Path(root or paths.content_root())
    kinds = ["praktijk", "partner", "stappenplan"]
    say("Wat wil je toevoegen?\n" + "\n".join(f"  {i}. {k}" for i, k in enumerate(kinds, 1)))
    while True:
        answer = ask("Kies 1, 2 of 3: ").strip().lower()
        chosen = _pick(answer, kinds)
        if chosen and len(chosen) == 1:
            kind = KIND_NAMES[chosen[0]]
            break
        say("Typ 1, 2 of 3 (of praktijk, partner, stappenplan).")
    noun = f"{'naam' if kind == 'partner' else 'titel'} van {THE[kind]}"
    while True:
        title = " ".join(ask(f"De {noun}: ").split())
        try:
            entry_id = new_id(kind, title)
            refuse_existing(kind, entry_id, root)
        except ScaffoldError as error:
            say(str(error))
            continue
        say(f"De id wordt '{entry_id}' ({relpath_of(kind, entry_id)}).")
        break
    vocab = load_vocabularies()
    choices = {}
    for field, vocabulary in KEY_FIELDS[kind]:
        options = vocab.ids(vocabulary)
        say(f"\n{QUESTIONS[field]}\n" + "\n".join(
            f"  {i}. {vocab.label(vocabulary, o)}" for i, o in enumerate(options, 1)))
        while True:
            picked = _pick(ask("Nummers, gescheiden door komma's (Enter = later invullen): "), options)
            if picked is not None:
                choices[field] = picked
                break
            say(f"Kies nummers van 1 tot {len(options)}, bv. 1, 3.")
    return kind, title, choices


def next_steps(created: Created) -> str:
    new = "Nieuw" if created.kind == "guide" else "Nieuwe"
    where = f"{created.path}:{created.line}"
    return "\n".join([
        f"{new} {DUTCH[created.kind]} '{created.id}' gemaakt: {where}",
        "Het is een concept (status: concept): `make check` aanvaardt het, maar het staat nog niet op de site.",
        "Vul de velden in: haal '# ' weg voor elk veld dat je invult. `make check` zegt wat er nog ontbreekt.",
        "Alles ingevuld? Haal de regel 'status: concept' weg; dan komt het op de site.",
    ])
