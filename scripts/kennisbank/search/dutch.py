"""The Dutch text pipeline for lunr, identical to lunr-languages' `lunr.nl` in the browser.

lunr.py's own `languages="nl"` downloads NLTK data at run time; we build the pipeline here from
the Snowball stemmer (no data needed) and the word characters and stop words of lunr.nl.js, so
that the index made in Python and the queries stemmed in the browser agree. A browser test
checks that they do, word for word.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path

from lunr.pipeline import Pipeline

from kennisbank.content.filecache import write_whole

# From lunr-languages' lunr.nl.js (MIT licence): what counts as a letter, and the stop words.
WORD_CHARACTERS = (
    "A-Za-z\xAA\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-\u1D5C"
    "\u1D62-\u1D65\u1D6B-\u1D77\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-\u209C\u212A\u212B"
    "\u2132\u214E\u2160-\u2188\u2C60-\u2C7F\uA722-\uA787\uA78B-\uA7AD\uA7B0-\uA7B7\uA7F7-\uA7FF"
    "\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06\uFF21-\uFF3A\uFF41-\uFF5A"
)
STOP_WORDS = frozenset(
    "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een "
    "eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in "
    "is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat "
    "onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat "
    "werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou".split()
)
_START = re.compile(f"^[^{WORD_CHARACTERS}]+")
_END = re.compile(f"[^{WORD_CHARACTERS}]+$")
_SEPARATOR = re.compile(r"[\s\-]+")  # lunr.tokenizer.separator


def trim(word: str) -> str:
    return _END.sub("", _START.sub("", word))


@cache
def stem(word: str) -> str:
    return _snowball().stemWord(word.lower())  # lower case, as NLTK's stemmer did


@lru_cache(maxsize=1)
def _snowball():
    import snowballstemmer  # Snowball's own Dutch stemmer; same output as NLTK's, without NLTK

    return snowballstemmer.stemmer("dutch_porter")


# The finder's own normalisation, the same for the index and for every query (vinden.js does
# exactly this, and a browser test checks that both agree word for word):
# lower case, accents off (coördinator = coordinator), apostrophes inside names out
# (A'REA = area), trimmed to letters and digits, stop words dropped, then stemmed twice so that
# singular and plural meet (examen -> exam, examens -> examen -> exam; toets, toetsen -> toet).
TERM_CHARACTERS = WORD_CHARACTERS + "0-9"
_TERM_START = re.compile(f"^[^{TERM_CHARACTERS}]+")
_TERM_END = re.compile(f"[^{TERM_CHARACTERS}]+$")
_APOSTROPHES = re.compile("['\u2019\u2018`\u00b4]")
_MARKS = re.compile("[\u0300-\u036f]")


@cache
def plain(word: str) -> str:
    """A word lower-cased, without accents and apostrophes, trimmed to letters and digits."""
    word = _MARKS.sub("", unicodedata.normalize("NFD", word.lower()))
    word = _APOSTROPHES.sub("", word)
    return _TERM_END.sub("", _TERM_START.sub("", word))


_TERMS: dict[str, str] = {}  # word -> term: within a process, and across builds (remembered_terms)


def normalise(raw: str) -> str:
    """The search term of one word ('' for a stop word or no word at all)."""
    term = _TERMS.get(raw)
    if term is None:
        word = plain(raw)
        term = _TERMS[raw] = "" if not word or word in STOP_WORDS else stem(stem(word))
    return term


def pipeline_version() -> str:
    """Changes when this normalisation or the stemmer changes (then earlier terms are not used)."""
    from importlib import metadata

    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(metadata.version("snowballstemmer").encode())
    return digest.hexdigest()[:16]


@contextmanager
def remembered_terms(folder: Path | None) -> Iterator[None]:
    """Use the terms earlier builds found (in `folder`; stemming is most of the finder's build
    time) and keep the new ones for the next build."""
    if folder is None:
        yield
        return
    path = folder / f"termen-{pipeline_version()}.json"
    try:
        _TERMS.update(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass  # none yet, or unreadable: they are made again
    known = len(_TERMS)
    yield
    if len(_TERMS) != known:
        write_whole(path, json.dumps(_TERMS, ensure_ascii=False, separators=(",", ":")))


def split(text: str) -> list[str]:
    """The raw words of a text, split as lunr's tokenizer does (white space and hyphens)."""
    return [w for w in _SEPARATOR.split(text.lower()) if w]


def words(text: str) -> list[str]:
    """The search terms of a text: split, normalised, stop words dropped."""
    return [t for t in map(normalise, split(text)) if t]


def _trimmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: trim(s))


def _stop_word_filter(token, i=None, tokens=None):
    return token if str(token) not in STOP_WORDS else None


def _stemmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: stem(s))


# Registered under the labels lunr.nl.js uses, so the serialised index loads in the browser.
for _function, _label in ((_trimmer, "trimmer-nl"), (_stop_word_filter, "stopWordFilter-nl"),
                          (_stemmer, "stemmer-nl")):
    if _label not in Pipeline.registered_functions:
        Pipeline.register_function(_function, _label)


def configure(builder) -> None:
    """Give a lunr Builder the Dutch pipeline for indexing and for searching."""
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.pipeline.add(*(Pipeline.registered_functions[label]
                           for label in ("trimmer-nl", "stopWordFilter-nl", "stemmer-nl")))
    builder.search_pipeline.add(Pipeline.registered_functions["stemmer-nl"])
