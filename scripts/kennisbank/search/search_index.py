"""The finder's data: lunr's BM25 weights over the whole text of every entry and hand-written
page, computed here and shipped in shards that the browser loads per query term.

Files (under assets/zoeken/):
- vinden.json: what every query needs, and no more: facet values, the facets of every entry
  (for counts), the synonyms, the question and stop words, words to suggest, and the first term
  of each index shard.
- t/<n>.json: one shard of the index: for every term in its range of sorted terms the entries
  that contain it with their score (`t`), and the compounds the term is a part of (`d`).
- s/<n>.json: title, address and summary of entry n, fetched when a result is shown.

Every term is made by dutch.words, the one normalisation that vinden.js repeats for queries.
Scores follow lunr's BM25 (k1 1.2, b 0.75, idf as lunr computes it) with the field boosts
below, summed over the fields and stored as whole numbers (score × 4)."""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field

import numpy

from kennisbank.content import paths
from kennisbank.content.facets import FACET_VOCABULARIES as FACETS
from kennisbank.content.model import KINDS, Corpus, Entry
from kennisbank.content.vocab import Vocabularies, load_vocabularies
from kennisbank.search import compounds, doc_terms, dutch, synonyms
from kennisbank.search.texts import Page, entry_text, hand_written_pages

FIELDS = {"titel": 10, "samenvatting": 4, "trefwoorden": 2, "tekst": 1}
K1, B = 1.2, 0.75
SCALE = 4  # stored score = round(BM25 × SCALE)
SUMMARY_CHARS = 220
SHARD_BUDGET = 12_000  # characters of postings per index shard
SUGGESTIONS = 2500
PAGE_KIND = ("pagina", "Pagina")


@dataclass
class Doc:
    kind: str
    title: str
    url: str
    summary: str
    fields: dict[str, str]
    item: dict = field(default_factory=dict)


def _summary(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


def _ages(entry: Entry, vocab: Vocabularies) -> list[int]:
    if entry.ages:
        return [entry.ages["min"], entry.ages["max"]]
    ranges = [vocab.terms["levels"][level].extra["ages"] for level in entry.levels]
    return [min(r[0] for r in ranges), max(r[1] for r in ranges)] if ranges else []


def _area(entry: Entry, vocab: Vocabularies, positions: dict) -> tuple[list, list[str]]:
    """Where a partner works, for the facets (['stad'], ['d', districts...], ['w', wijken...]) and
    as words (the district and wijk names, so that a place name finds who works there)."""
    area = entry.data["service_area"]
    if area["scope"] in ("stad", "provincie", "vlaanderen"):
        return [area["scope"]], []
    if area["scope"] == "districten":
        wijken = [w for d in area["districts"] for w in vocab.wijken_of_district(d)]
        names = [vocab.label("districts", d) for d in area["districts"]] + [vocab.label("wijken", w) for w in wijken]
        return ["d", *(positions["district"][d] for d in area["districts"])], names
    names = [vocab.label("wijken", w) for w in area["wijken"]]
    names += sorted({vocab.label("districts", vocab.terms["wijken"][w].extra["district"]) for w in area["wijken"]})
    return ["w", *(positions["wijk"][w] for w in area["wijken"])], names


def _entry_doc(entry: Entry, vocab: Vocabularies, positions: dict) -> Doc:
    data = entry.data
    keywords = [vocab.label("themes", t) for t in entry.themes]
    keywords += [vocab.label("support_forms", f) for f in data.get("support_forms", [])]
    keywords += [entry.kind.label, data.get("alternate_name", ""), data.get("organization", "")]
    facets = {"thema": [positions["thema"][t] for t in entry.themes],
              "niveau": [positions["niveau"][lv] for lv in entry.levels]}
    item = {"k": entry.kind.code, "a": _ages(entry, vocab)}
    if entry.kind.name == "partner":
        facets["vorm"] = [positions["vorm"][f] for f in data["support_forms"]]
        facets["kosten"] = [positions["kosten"][data["fees"]["level"]]]
        if "taal" in positions and data.get("languages"):
            facets["taal"] = [positions["taal"][lang] for lang in data["languages"] if lang in positions["taal"]]
            keywords += [vocab.label("languages", lang) for lang in data["languages"]]
        item["w"], places = _area(entry, vocab, positions)
        keywords += places
        if entry.is_stopped:
            item["x"] = 1
    elif entry.kind.name == "practice":
        facets["bewijs"] = [positions["bewijs"][data["evidence"]["level"]]]
        facets["kosten"] = [positions["kosten"][data["cost"]["level"]]]
    item["f"] = facets
    summary = data.get("summary") or data.get("description", "")
    return Doc(entry.kind.code, entry.title, entry.url, _summary(summary),
               {"titel": entry.title, "samenvatting": summary, "trefwoorden": " ".join(keywords),
                "tekst": entry_text(entry)}, item)


def _page_doc(page: Page) -> Doc:
    item = {"k": PAGE_KIND[0], "a": [], "f": {}}
    if page.language != "nl":
        item["l"] = page.language
    return Doc(PAGE_KIND[0], page.title, page.url, _summary(page.summary),
               {"titel": page.title, "samenvatting": "", "trefwoorden": PAGE_KIND[1], "tekst": page.text}, item)


def collect_docs(corpus: Corpus, vocab: Vocabularies, positions: dict, pages: list[Page] | None = None) -> list[Doc]:
    order = {kind.name: n for n, kind in enumerate(KINDS.values())}
    entries = sorted(corpus.entries(), key=lambda e: (order[e.kind.name], e.title.lower(), e.id))
    pages = hand_written_pages() if pages is None else pages
    return [_entry_doc(e, vocab, positions) for e in entries] + [_page_doc(p) for p in pages]


def score_terms(docs: list[Doc]) -> tuple[dict[str, dict[int, int]], dict[str, dict[int, int]]]:
    """BM25 as lunr scores it, per term and document; and per compound part the documents of
    the compounds it is part of (with the compound's score).

    The ~1 million (document, field, term) counts of 7,000 entries are scored as arrays, each
    value with the same operations in the same order as `lunr` (and as a loop over them would):
    per field, idf × (k1 + 1) × tf / (norm + tf) × boost, summed over the fields in FIELDS order."""
    counted = [doc_terms.counted(d.fields, FIELDS) for d in docs]
    counts = [c for c, _ in counted]
    n = len(docs)
    names, numbers, frequencies, norms, boosts = [], [], [], [], []
    for f, boost in FIELDS.items():
        lengths = [sum(c[f].values()) for c in counts]
        average = (sum(lengths) / n) or 1
        for number, (c, length) in enumerate(zip(counts, lengths, strict=True)):
            terms = c[f]
            names.extend(terms)
            frequencies.extend(terms.values())
            numbers.extend([number] * len(terms))
            norms.extend([K1 * (1 - B + B * length / average)] * len(terms))
        boosts.extend([boost] * (len(names) - len(boosts)))
    ids: dict[str, int] = {}
    term = numpy.array([ids.setdefault(name, len(ids)) for name in names], dtype=numpy.int64)
    df = numpy.bincount(term, minlength=len(ids))
    idf = numpy.array([math.log(1 + abs((n - d + 0.5) / (d + 0.5))) for d in df.tolist()])
    tf = numpy.array(frequencies, dtype=numpy.float64)
    value = idf[term] * (K1 + 1) * tf / (numpy.array(norms) + tf) * numpy.array(boosts, dtype=numpy.float64)
    pair = numpy.array(numbers, dtype=numpy.int64) * len(ids) + term  # (document, term), fields summed in order
    pairs, where = numpy.unique(pair, return_inverse=True)
    total = numpy.bincount(where, weights=value)
    score = numpy.maximum(1, numpy.rint(total * SCALE)).astype(numpy.int64)
    document, term = numpy.divmod(pairs, len(ids))
    order = numpy.lexsort((document, term))
    term, document, score = term[order], document[order], score[order]
    bounds = numpy.flatnonzero(numpy.diff(term)) + 1
    terms = list(ids)
    scores = {terms[t[0]]: dict(zip(d.tolist(), v.tolist(), strict=True))
              for t, d, v in zip(numpy.split(term, bounds), numpy.split(document, bounds),
                                 numpy.split(score, bounds), strict=True)}
    return scores, _compound_parts(counted, scores)


def _compound_parts(counted: list, scores: dict[str, dict[int, int]]) -> dict[str, dict[int, int]]:
    """Per compound part, the documents with a compound it is part of, with the compound's score.
    Each distinct word is split once; a document is only visited for its compounds."""
    known = set(scores)
    every_word = set().union(*(words for _, words in counted))
    split = {}  # compound -> (its term, its parts)
    for word in every_word:
        if len(word) >= compounds.MIN_WORD:
            found = compounds.parts(word, known)
            if found:
                split[word] = (dutch.normalise(word), found)
    compound_words = set(split)
    documents: dict[str, list[int]] = {word: [] for word in compound_words}
    for number, (_, words) in enumerate(counted):
        for word in words & compound_words:
            documents[word].append(number)
    given: dict[str, list[tuple[list[int], list[int]]]] = {}  # part -> (documents, scores) per compound
    for word, numbers in documents.items():
        whole, word_parts = split[word]
        found = scores.get(whole, {})
        values = [found.get(number, 1) for number in numbers]
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


def _pack(postings: dict[int, int]) -> list[int]:
    packed, previous = [], 0
    for number in sorted(postings):
        packed += [number - previous, postings[number]]
        previous = number
    return packed


def shard(scores: dict, parts: dict) -> tuple[list[str], list[dict]]:
    """Split the sorted terms into ranges of about SHARD_BUDGET characters."""
    starts, shards, current, size = [], [], None, 0
    for key in sorted(set(scores) | set(parts)):
        if current is None or size > SHARD_BUDGET:
            current = {"t": {}, "d": {}}
            starts.append(key)
            shards.append(current)
            size = 0
        if key in scores:
            current["t"][key] = _pack(scores[key])
            size += 4 * len(scores[key])
        if key in parts:
            current["d"][key] = _pack(parts[key])
            size += 4 * len(parts[key])
        size += len(key) + 4
    return starts, shards


def _suggestions(docs: list[Doc]) -> list[str]:
    """Readable words to suggest when nothing is found: from titles and keywords."""
    seen: Counter = Counter()
    form: dict[str, Counter] = {}
    for doc in docs:
        for word in {dutch.plain(w) for w in dutch.split(doc.title + " " + doc.fields["trefwoorden"])}:
            term = dutch.normalise(word)
            if term and len(word) >= 4 and not word.isdigit():
                seen[term] += 1
                form.setdefault(term, Counter())[word] += 1
    return sorted(form[t].most_common(1)[0][0] for t, _ in seen.most_common(SUGGESTIONS))


def build_finder_data(corpus: Corpus, vocab: Vocabularies | None = None,
                      pages: list[Page] | None = None) -> tuple[dict, list[dict], list[list]]:
    """The finder's main data file, its index shards and the summaries (title, url, text)."""
    vocab = vocab or load_vocabularies()
    synonyms.load()  # a broken synonyms file stops here, with every problem and its line
    positions = {param: {term: i for i, term in enumerate(vocab.ids(name))} for param, name in FACETS.items()}
    docs = collect_docs(corpus, vocab, positions, pages)
    scores, parts = score_terms(docs)
    starts, shards = shard(scores, parts)
    facet_values = {param: [[t.id, t.extra.get("short", t.label)] for t in vocab.terms[name].values()]
                    for param, name in FACETS.items()}
    districts = positions["district"]
    facet_values["wijk"] = [[t.id, t.label, districts[t.extra["district"]]] for t in vocab.terms["wijken"].values()]
    facet_values["soort"] = [[k.code, k.label] for k in KINDS.values()] + [list(PAGE_KIND)]
    languages = {t.id: t.label for t in vocab.terms["languages"].values()} if "languages" in vocab.terms else {}
    wijk_names = [[w["naam"], [positions["wijk"][i] for i in w["wijken"] if i in positions["wijk"]]]
                  for w in synonyms.wijk_names()]
    return {
        "versie": 2,
        "tekens": dutch.TERM_CHARACTERS,
        "stopwoorden": sorted(dutch.STOP_WORDS),
        **synonyms.for_finder(),
        "facetten": facet_values,
        "filters": ["soort", *FACETS],
        "talen": languages,
        "wijknamen": wijk_names,
        "items": [d.item for d in docs],
        "scherven": starts,
        "schaal": SCALE,
        "woorden": _suggestions(docs),
    }, shards, [[d.title, d.url, d.summary] for d in docs]


def finder_files(corpus: Corpus) -> dict[str, str]:
    """The finder's files, by path under the site root."""
    with dutch.remembered_terms(paths.cache_root()), doc_terms.remembered(paths.cache_root()):
        data, shards, summaries = build_finder_data(corpus)
    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    files = {"assets/zoeken/vinden.json": dump(data)}
    files.update({f"assets/zoeken/t/{n}.json": dump(s) for n, s in enumerate(shards)})
    files.update({f"assets/zoeken/s/{n}.json": dump(s) for n, s in enumerate(summaries)})
    return files
