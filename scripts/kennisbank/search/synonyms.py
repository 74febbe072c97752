"""schemas/synoniemen.yaml: what people type, mapped to the words the content uses; popular
wijk names; question words. Validated against schemas/synoniemen.schema.json when loaded."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from kennisbank.content import paths
from kennisbank.content.inputs import when_changed
from kennisbank.content.problems import Problem, format_problems
from kennisbank.content.schema import validate
from kennisbank.content.vocab import load_vocabularies
from kennisbank.content.yamlio import parse_yaml
from kennisbank.search import dutch

FILE = "synoniemen.yaml"


class SynonymError(ValueError):
    pass


def check_file(path: Path | None = None) -> list[Problem]:
    """Every problem of the file (the repository's, or `path`), each with its line: YAML,
    schema, unknown wijken, entries that are only stop words."""
    relpath = f"schemas/{FILE}"
    doc, found = parse_yaml((path or paths.SCHEMAS_DIR / FILE).read_text(encoding="utf-8"), relpath)
    if found:
        return found
    found = validate("synonyms", doc, relpath)
    if found:
        return found
    wijken = set(load_vocabularies().terms["wijken"])
    for i, item in enumerate(doc.data["wijknamen"]):
        found += [Problem(relpath, doc.line_of(("wijknamen", i)), f"wijknaam {item['naam']}: onbekende wijk {w!r}",
                          "kies een wijk-id uit schemas/antwerpen-wijken.geojson, bv. antwerpen-stuivenberg")
                  for w in item["wijken"] if w not in wijken]
    for i, item in enumerate(doc.data["synoniemen"]):
        if not dutch.words(item["getypt"]):
            found.append(Problem(relpath, doc.line_of(("synoniemen", i)),
                                 f"{item['getypt']!r} bestaat alleen uit stopwoorden",
                                 "kies een woord dat iets over het onderwerp zegt"))
    return found


@lru_cache(maxsize=1)
def load() -> dict:
    """The file, once it is valid; otherwise every problem at once (also shown by `make check`)."""
    found = check_file()
    if found:
        raise SynonymError(format_problems(found))
    return yaml.safe_load((paths.SCHEMAS_DIR / FILE).read_text(encoding="utf-8"))


when_changed(load.cache_clear)  # `make serve` sees an edit to the file


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
