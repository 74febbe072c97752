"""The terms of each finder document, counted per field, and its plain words (for compounds):
kept across builds, since turning every text into terms is most of the finder's build time and
an edit changes one document. Scores cannot be kept: they depend on every document.
"""
from __future__ import annotations

import hashlib
import json
import pickle
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kennisbank.content.filecache import write_whole
from kennisbank.search import dutch

COMPOUND_FIELDS = ("titel", "tekst")
_KEPT: dict[bytes, tuple] = {}
_USED: set[bytes] = set()


def field_terms(text: str) -> list[str]:
    """The terms of a text; a hyphenated word also counts as one word (e-mail = email)."""
    terms = dutch.words(text)
    terms += [t for t in (dutch.normalise(w.replace("-", "")) for w in text.lower().split() if "-" in w.strip("-"))
              if t]
    return terms


def counted(fields: dict[str, str], names) -> tuple[tuple[tuple[tuple[str, ...], tuple[int, ...]], ...],
                                                 tuple[str, ...]]:
    """Per field in `names` (in that order), its distinct terms and how often each occurs; and
    the plain words of the fields that compounds are looked for in. Kept as tuples, not dicts
    and sets: the counts of a whole city's documents stay in memory, and a tuple of n terms
    takes a fraction of what a dict of them does."""
    key = hashlib.sha256(json.dumps([[n, fields[n]] for n in names], ensure_ascii=False).encode()).digest()
    _USED.add(key)
    if key not in _KEPT:
        counts = tuple(_columns(Counter(field_terms(fields[name]))) for name in names)
        words = tuple({dutch.plain(w) for name in COMPOUND_FIELDS for w in dutch.split(fields[name])})
        _KEPT[key] = (counts, words)
    return _KEPT[key]


def _columns(counter: Counter) -> tuple[tuple[str, ...], tuple[int, ...]]:
    return tuple(counter), tuple(counter.values())


def _version() -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(dutch.pipeline_version().encode())
    return digest.hexdigest()[:16]


@contextmanager
def remembered(folder: Path | None) -> Iterator[None]:
    """Use the counts of earlier builds (kept in `folder`) and keep this build's for the next."""
    if folder is None:
        yield
        return
    path = folder / f"documenten-{_version()}.pickle"
    if not _KEPT:
        try:
            _KEPT.update(pickle.loads(path.read_bytes()))
        except Exception:  # noqa: BLE001 - none yet or unreadable: counted again
            pass
    _USED.clear()
    known = set(_KEPT)
    yield
    for key in known - _USED:  # older versions of edited documents
        del _KEPT[key]
    if set(_KEPT) != known:
        write_whole(path, pickle.dumps(_KEPT, protocol=pickle.HIGHEST_PROTOCOL))
