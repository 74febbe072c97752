"""JSON Schema validation with messages a contributor can act on.

The schema files in schemas/ are the contract (the editor, the build and the tests use them).
`vocabularies.schema.json` is generated from the vocabularies, so the allowed values live in one
place; `make schemas` writes it to disk for editors, the build uses the in-memory version.
"""
from __future__ import annotations

import difflib
import json
import re
from datetime import date
from functools import cache, lru_cache
from urllib.parse import urlsplit

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker

from kennisbank.content import inputs, paths
from kennisbank.content.problems import Problem
from kennisbank.content.vocab import VOCABULARIES, VOCABULARY_NAMES, Vocabularies, load_vocabularies
from kennisbank.content.yamlio import YamlDoc

SCHEMA_FILES = {"practice": "practice.schema.json", "partners": "partners.schema.json",
                "guide": "guide.schema.json", "selfscan": "selfscan.schema.json",
                "synonyms": "synoniemen.schema.json"}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def vocabulary_schema(vocab: Vocabularies) -> dict:
    defs = {}
    for name, info in VOCABULARIES.items():
        def_name = info.schema_def
        terms = list(vocab.terms[name].values())
        defs[def_name] = {
            "title": VOCABULARY_NAMES[name],
            "enum": [t.id for t in terms],
            "enumDescriptions": [t.label for t in terms],
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "vocabularies.schema.json",
        "$comment": "Generated from schemas/vocabularies.yaml and schemas/antwerpen-wijken.geojson "
                    "by `make schemas`. Do not edit by hand.",
        "title": "Gecontroleerde woordenlijsten",
        "$defs": defs,
    }


def vocabulary_schema_text(vocab: Vocabularies) -> str:
    return json.dumps(vocabulary_schema(vocab), ensure_ascii=False, indent=2) + "\n"


_formats = FormatChecker(formats=())


@_formats.checks("date")
def _is_date(value) -> bool:
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@_formats.checks("uri")
def _is_url(value) -> bool:
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and "." in parts.netloc


@_formats.checks("email")
def _is_email(value) -> bool:
    return isinstance(value, str) and bool(_EMAIL.match(value))


def _inline(node, documents: dict[str, dict], current: str):
    """Replace every $ref by a copy of what it points to. Our schemas are not recursive, so the
    result is finite, and validation no longer spends its time resolving references."""
    if isinstance(node, list):
        return [_inline(item, documents, current) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        document, _, pointer = node["$ref"].partition("#")
        document = document or current
        target = documents[document]
        for part in filter(None, pointer.split("/")):
            target = target[part]
        merged = {**_inline(target, documents, document),
                  **{k: _inline(v, documents, current) for k, v in node.items() if k != "$ref"}}
        return merged
    # Once inlined, the definitions and ids are no longer needed (nor wanted: they hold $refs).
    return {k: _inline(v, documents, current) for k, v in node.items() if k not in ("$defs", "$id")}


@lru_cache(maxsize=1)
def validators() -> dict[str, Draft202012Validator]:
    documents = {"vocabularies.schema.json": vocabulary_schema(load_vocabularies())}
    for path in sorted(paths.SCHEMAS_DIR.glob("*.schema.json")):
        if path.name != "vocabularies.schema.json":  # the on-disk copy is for editors
            documents[path.name] = json.loads(path.read_text(encoding="utf-8"))
    return {kind: Draft202012Validator(_inline(documents[name], documents, name), format_checker=_formats)
            for kind, name in SCHEMA_FILES.items() if name in documents}


def resolved_schema(kind: str) -> dict:
    """The schema of `kind` ('practice', 'partners', 'guide', 'selfscan') with every $ref resolved:
    what validation uses, and what `make new` writes a draft from."""
    return validators()[kind].schema


@lru_cache(maxsize=1)
def fast_validators() -> dict:
    """The same schemas compiled to Python by fastjsonschema: about ten times faster, used to
    pass valid documents quickly. Only when it finds a fault does jsonschema explain it."""
    formats = {"date": _is_date, "uri": _is_url, "email": _is_email}
    return {kind: fastjsonschema.compile({**validator.schema, "$schema": "http://json-schema.org/draft-07/schema#"},
                                         formats=formats)
            for kind, validator in validators().items()}


for _cache in (validators, fast_validators):
    inputs.when_changed(_cache.cache_clear)


def is_valid(kind: str, instance) -> bool:
    try:
        fast_validators()[kind](instance)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


def validate(kind: str, doc: YamlDoc, relpath: str, base: tuple = ()) -> list[Problem]:
    """Validate `doc.data` (or the part at `base`) against the schema of `kind`."""
    instance = doc.data
    for key in base:
        instance = instance[key]
    if is_valid(kind, instance):
        return []
    validator = validators()[kind]
    problems = []
    descriptions = _descriptions(kind)
    for error in validator.iter_errors(instance):
        problems.extend(_explain(error, doc, relpath, base, descriptions))
    return problems


@cache
def _descriptions(kind: str) -> dict[str, str]:
    """Field name -> description, from every `properties` in the schema of `kind`."""
    found: dict[str, str] = {}

    def walk(node):
        if isinstance(node, dict):
            for name, sub in (node.get("properties") or {}).items():
                if isinstance(sub, dict) and sub.get("description"):
                    found.setdefault(name, sub["description"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(validators()[kind].schema)
    return found


inputs.when_changed(_descriptions.cache_clear)


def _field_name(path, doc: YamlDoc) -> str:
    """'themes[2]' for a field; inside partners.yaml 'partner 'x': email' for a partner's field."""
    prefix = ""
    if len(path) >= 2 and path[0] == "partners" and isinstance(path[1], int):
        item = doc.data["partners"][path[1]]
        name = item.get("id") if isinstance(item, dict) else None
        prefix = f"partner '{name}'" if isinstance(name, str) else f"partner {path[1] + 1}"
        path = path[2:]
        if not path:
            return prefix
        prefix += ": "
    parts = [str(p) if not isinstance(p, int) else f"[{p + 1}]" for p in path]
    return prefix + (".".join(parts).replace(".[", "[") or "(het geheel)")


def _closest(value: str, options) -> str:
    match = difflib.get_close_matches(str(value), list(options), n=1, cutoff=0.6)
    return f"bedoel je '{match[0]}'? " if match else ""


def _explain(error, doc: YamlDoc, relpath: str, base: tuple, descriptions: dict[str, str]) -> list[Problem]:
    path = base + tuple(error.absolute_path)
    where = _field_name(path, doc)
    line = doc.line_of(path)
    kind = error.validator
    schema = error.schema

    if kind in ("if", "then", "else", "allOf", "anyOf") and error.context:
        # A branch failed: report what the branch asked for, not the branch itself.
        if kind == "anyOf" and error.validator_value and all("required" in s for s in error.validator_value):
            names = " of ".join(f"'{s['required'][0]}'" for s in error.validator_value)
            return [Problem(relpath, line, f"{where}: {names} ontbreekt", f"vul minstens {names} in")]
        return [p for sub in error.context for p in _explain(sub, doc, relpath, base, descriptions)]
    if kind == "additionalProperties":
        known = schema.get("properties", {})
        return [Problem(relpath, doc.line_of(path + (key,), key=True),
                        f"onbekend veld '{key}'" + (f" in {where}" if error.absolute_path else ""),
                        f"{_closest(key, known)}toegestane velden: {', '.join(known)}")
                for key in error.instance if key not in known]
    if kind == "required":
        missing = re.match(r"'(.+)' is a required property", error.message)
        name = missing.group(1) if missing else error.message
        description = schema.get("properties", {}).get(name, {}).get("description") or descriptions.get(name)
        hint = f"voeg '{name}:' toe" + (f" ({description.rstrip('.')})" if description else "")
        message = f"verplicht veld '{name}' ontbreekt" + (f" in {where}" if path else "")
        return [Problem(relpath, doc.line_of(path, key=True), message, hint)]
    if kind == "enum":
        options = error.validator_value
        vocabulary = schema.get("title", "toegelaten waarden")
        listed = ", ".join(options) if len(options) <= 15 else "zie schemas/vocabularies.yaml"
        return [Problem(relpath, line, f"{where}: '{error.instance}' staat niet in de lijst van {vocabulary}",
                        f"{_closest(error.instance, options)}mogelijk: {listed}")]
    if kind == "format":
        hints = {
            "date": ("geen geldige datum", "schrijf de datum als JJJJ-MM-DD, bv. 2026-11-23"),
            "uri": ("geen geldig webadres", "schrijf het volledige adres, beginnend met https://"),
            "email": ("geen geldig e-mailadres", "schrijf het adres als naam@domein.be"),
        }
        what, hint = hints.get(error.validator_value, ("ongeldig formaat", error.message))
        return [Problem(relpath, line, f"{where}: '{error.instance}' is {what}", hint)]
    if kind == "type":
        expected = {"string": "tekst", "array": "een lijst", "object": "een groep velden",
                    "integer": "een geheel getal", "number": "een getal", "boolean": "ja of nee"}
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, str) else wanted[0]
        hint = {
            "array": "zet elk item op een eigen regel die begint met '- '",
            "string": "zet de tekst tussen aanhalingstekens "
                      "als hij met een cijfer, 'ja', 'nee' of een leesteken begint",
            "object": "zet de onderliggende velden ingesprongen op de regels eronder",
        }.get(wanted, f"vul {expected.get(wanted, wanted)} in")
        return [Problem(relpath, line, f"{where} moet {expected.get(wanted, wanted)} zijn", hint)]
    if kind == "pattern":
        return [Problem(relpath, line, f"{where}: '{error.instance}' heeft niet de juiste vorm",
                        schema.get("description") or f"het moet passen bij {error.validator_value}")]
    if kind in ("minLength", "maxLength"):
        size = "te kort" if kind == "minLength" else "te lang"
        return [Problem(relpath, line, f"{where} is {size} ({len(error.instance)} tekens)",
                        f"gebruik {'minstens' if kind == 'minLength' else 'hoogstens'} {error.validator_value} tekens")]
    if kind in ("minItems", "maxItems"):
        return [Problem(relpath, line, f"{where} heeft te {'weinig' if kind == 'minItems' else 'veel'} items",
                        f"geef er {'minstens' if kind == 'minItems' else 'hoogstens'} {error.validator_value}")]
    if kind == "uniqueItems":
        return [Problem(relpath, line, f"{where} bevat een item twee keer", "laat de dubbele waarde weg")]
    if kind in ("minimum", "maximum"):
        return [Problem(relpath, line, f"{where}: {error.instance} ligt buiten het bereik",
                        f"gebruik een waarde {'vanaf' if kind == 'minimum' else 'tot en met'} {error.validator_value}")]
    if kind == "const":
        return [Problem(relpath, line, f"{where}: '{error.instance}' is niet toegestaan",
                        f"gebruik '{error.validator_value}'")]
    return [Problem(relpath, line, f"{where}: {error.message}", "pas de waarde aan volgens het schema in schemas/")]
