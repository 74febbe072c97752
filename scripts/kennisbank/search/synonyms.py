"""schemas/synoniemen.yaml: what people type, mapped to the words the content uses; popular
wijk names; question words. Validated against schemas/synoniemen.schema.json when loaded."""
from __future__ import annotations

import json
from functools import lru_cache

import yaml
from jsonschema import Draft202012Validator

from kennisbank.content import paths
from kennisbank.search import dutch

FILE = "synoniemen.yaml"


class SynonymError(ValueError):
    pass


@lru_cache(maxsize=1)
def load() -> dict:
    path = paths.SCHEMAS_DIR / FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    schema = json.loads((paths.SCHEMAS_DIR / "synoniemen.schema.json").read_text(encoding="utf-8"))
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        where = "/".join(map(str, errors[0].absolute_path))
        raise SynonymError(f"schemas/{FILE}: {where}: {errors[0].message} — zie schemas/synoniemen.schema.json")
    return data


def problems(wijk_ids: set[str]) -> list[str]:
    """What is wrong with the file beyond its schema (unknown wijken, words that vanish)."""
    data = load()
    found = []
    for item in data["wijknamen"]:
        found += [f"schemas/{FILE}: wijknamen {item['naam']}: onbekende wijk {w!r} — kies een id uit de wijken"
                  for w in item["wijken"] if w not in wijk_ids]
    for item in data["synoniemen"]:
        if not dutch.words(item["getypt"]):
            found.append(f"schemas/{FILE}: {item['getypt']!r} bestaat alleen uit stopwoorden")
    return found


def for_finder() -> dict:
    """The synonyms as the finder uses them: by the normalised words typed (joined by a space),
    each alternative as a list of normalised words; and the question words, normalised."""
    data = load()
    table: dict[str, list[list[str]]] = {}
    for item in data["synoniemen"]:
        key = " ".join(dutch.words(item["getypt"]))
        alternatives = [dutch.words(phrase) for phrase in item["zoek"]]
        table.setdefault(key, []).extend(a for a in alternatives if a and a not in table.get(key, []))
    questions = sorted({dutch.plain(w) for w in data["vraagwoorden"]} - {""})
    return {"synoniemen": table, "vraagwoorden": questions}


def wijk_names() -> list[dict]:
    return load()["wijknamen"]
