"""Dutch compounds: the head and the tail of a long word, when each is a word the index knows,
so that 'betrokkenheid' also finds 'ouderbetrokkenheid' (ranked below an exact match)."""
from __future__ import annotations

from kennisbank.search import dutch

MIN_WORD = 8  # shorter words are rarely compounds worth splitting
MIN_PART = 4
LINKS = ("s", "e", "en")  # tussenletters: stadsdeel, leerlingenbegeleiding


def parts(word: str, known: set[str]) -> set[str]:
    """The terms of the longest known head and the longest known tail of a plain word."""
    found: set[str] = set()
    if len(word) < MIN_WORD:
        return found
    whole = dutch.normalise(word)
    for i in range(MIN_PART, len(word) - MIN_PART + 1):  # longest tail first
        term = dutch.normalise(word[i:])
        if term and term in known and term != whole:
            found.add(term)
            break
    for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):  # longest head first
        head = word[:i]
        candidates = [head] + [head[:-len(link)] for link in LINKS if head.endswith(link)]
        terms = [dutch.normalise(c) for c in candidates if len(c) >= MIN_PART]
        term = next((t for t in terms if t and t in known and t != whole), None)
        if term:
            found.add(term)
            break
    return found
