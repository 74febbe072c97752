"""schemas/synoniemen.yaml: what people type, mapped to the words the content uses; popular
wijk names; question words. Validated against schemas/synoniemen.schema.json when loaded."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
    return _read(path)[1]


def _read(path: Path | None = None) -> tuple[dict | None, list[Problem]]:
    """The file's data and its problems, from one parse."""
    relpath = f"schemas/{FILE}"
    doc, found = parse_yaml((path or paths.SCHEMAS_DIR / FILE).read_text(encoding="utf-8"), relpath)
    if found:
        return None, found
    found = validate("synonyms", doc, relpath)
    if found:
        return None, found
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
    return doc.data, found


@lru_cache(maxsize=1)
def load() -> dict:
    """The file, once it is valid; otherwise every problem at once (also shown by `make check`)."""
    data, found = _read()
    if found:
        raise SynonymError(format_problems(found))
    return data


when_changed(load.cache_clear)  # `make serve` sees an edit to the file



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
