"""The finder's scores: lunr's BM25 (k1 1.2, b 0.75, idf as lunr computes it) per term and
document, with the field boosts below, summed over the fields and stored as whole numbers
(score × SCALE); and for each part of a Dutch compound, the documents of the compounds it is
part of (so that 'betrokkenheid' also finds 'ouderbetrokkenheid')."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy

from kennisbank.search import compounds, dutch

FIELDS = {"titel": 10, "samenvatting": 4, "trefwoorden": 2, "tekst": 1}
K1, B = 1.2, 0.75
SCALE = 4  # stored score = round(BM25 × SCALE)
CHUNK = 2000  # documents scored at once (score_terms)


@dataclass
class Scores:
    """BM25 scores per (term, document), as arrays sorted by term and then document: term
    number t (`numbers[term]`) has the documents document[start[t]:start[t + 1]] with their
    scores. (A dict per term of a dict per document takes several times the memory.)"""
    numbers: dict[str, int]
    start: numpy.ndarray
    document: numpy.ndarray
    score: numpy.ndarray

    def postings(self, term: str) -> tuple[numpy.ndarray, numpy.ndarray]:
        t = self.numbers[term]
        return self.document[self.start[t]:self.start[t + 1]], self.score[self.start[t]:self.start[t + 1]]


def score_terms(counted: list) -> tuple[Scores, dict[str, dict[int, int]]]:
    """BM25 as lunr scores it, per term and document; and per compound part the documents of
    the compounds it is part of (with the compound's score). `counted`: each document's terms,
    as doc_terms.counted gives them (fields in FIELDS order).

    The ~1 million (document, field, term) counts of 7,000 entries are scored as arrays, each
    value with the same operations in the same order as `lunr` (and as a loop over them would):
    per field, idf × (k1 + 1) × tf / (norm + tf) × boost, summed over the fields in FIELDS order."""
    n = len(counted)
    numbers: dict[str, int] = {}
    fields = []  # per field: the term numbers and frequencies, where each document starts, its norm
    for f in range(len(FIELDS)):
        sizes = numpy.fromiter((len(counts[f][0]) for counts, _ in counted), dtype=numpy.int64, count=n)
        term = numpy.fromiter((numbers.setdefault(t, len(numbers)) for counts, _ in counted for t in counts[f][0]),
                              dtype=numpy.int32, count=int(sizes.sum()))
        tf = numpy.fromiter((c for counts, _ in counted for c in counts[f][1]), dtype=numpy.int32, count=len(term))
        lengths = [sum(counts[f][1]) for counts, _ in counted]
        average = (sum(lengths) / n) or 1
        norm = K1 * (1 - B + B * numpy.array(lengths, dtype=numpy.int64) / average)
        fields.append((term, tf, numpy.concatenate([[0], numpy.cumsum(sizes)]), norm))
    df = numpy.bincount(numpy.concatenate([term for term, _, _, _ in fields]), minlength=len(numbers))
    idf = numpy.array([math.log(1 + abs((n - d + 0.5) / (d + 0.5))) for d in df.tolist()])
    # Documents do not depend on each other once idf and the norms are known: scored in runs of
    # CHUNK, so that the arrays of one run, not of all counts, are in memory at once.
    runs = [_score_run(fields, idf, len(numbers), first, min(n, first + CHUNK)) for first in range(0, n, CHUNK)]
    term, document, score = (numpy.concatenate([run[i] for run in runs]) for i in range(3))
    order = numpy.lexsort((document, term))
    start = numpy.concatenate([[0], numpy.cumsum(numpy.bincount(term, minlength=len(numbers)))])
    scores = Scores(numbers, start, document[order], score[order])
    return scores, _compound_parts(counted, scores)


def _score_run(fields: list, idf: numpy.ndarray, terms: int, first: int, last: int) -> tuple:
    """The scores of documents first to last - 1: (term numbers, documents, scores). Each value
    is idf × (k1 + 1) × tf / (norm + tf) × boost, summed per (document, term) over the fields
    in FIELDS order (bincount adds in the order of its input, which is field by field)."""
    pairs, values = [], []
    for (term, tf, start, norm), boost in zip(fields, FIELDS.values(), strict=True):
        number, frequency = term[start[first]:start[last]], tf[start[first]:start[last]]
        document = numpy.repeat(numpy.arange(first, last, dtype=numpy.int64), numpy.diff(start[first:last + 1]))
        values.append(idf[number] * (K1 + 1) * frequency / (norm[document] + frequency) * boost)
        pairs.append(document * terms + number)
    pair, where = numpy.unique(numpy.concatenate(pairs), return_inverse=True)
    total = numpy.bincount(where, weights=numpy.concatenate(values))
    document, term = numpy.divmod(pair, terms)
    score = numpy.maximum(1, numpy.rint(total * SCALE))
    return term.astype(numpy.int32), document.astype(numpy.int32), score.astype(numpy.int32)


def _compound_parts(counted: list, scores: Scores) -> dict[str, dict[int, int]]:
    """Per compound part, the documents with a compound it is part of, with the compound's score.
    Each distinct word is split once; a document is only visited for its compounds."""
    every_word = set().union(*(words for _, words in counted))
    split = {}  # compound -> (its term, its parts)
    for word in every_word:
        if len(word) >= compounds.MIN_WORD:
            found = compounds.parts(word, scores.numbers)
            if found:
                split[word] = (dutch.normalise(word), found)
    documents: dict[str, list[int]] = {word: [] for word in split}
    for number, (_, words) in enumerate(counted):
        for word in words:
            if word in documents:
                documents[word].append(number)
    given: dict[str, list[tuple[list[int], list[int]]]] = {}  # part -> (documents, scores) per compound
    for word, numbers in documents.items():
        whole, word_parts = split[word]
        values = _scores_of(scores, whole, numbers)
        for part in word_parts:
            given.setdefault(part, []).append((numbers, values))
    parts: dict[str, dict[int, int]] = {}
    for part, lists in given.items():
        if len(lists) == 1:
            parts[part] = dict(zip(*lists[0], strict=True))
        else:  # in order of score, so that each document keeps its highest
            ranked = sorted((v, d) for numbers, values in lists for d, v in zip(numbers, values, strict=True))
            parts[part] = {d: v for v, d in ranked}
    return parts


def _scores_of(scores: Scores, term: str, numbers: list[int]) -> list[int]:
    """The score of `term` in each of the documents `numbers` (1 where it has none)."""
    if term not in scores.numbers:
        return [1] * len(numbers)
    documents, values = scores.postings(term)
    found = dict(zip(documents.tolist(), values.tolist(), strict=True))
    return [found.get(number, 1) for number in numbers]
