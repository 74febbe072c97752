"""The finder's data: lunr's BM25 weights over the whole text of every entry and hand-written
page, computed here and shipped in shards that the browser loads per query term.

Files (under assets/zoeken/):
- vinden.json: what every query needs, and no more: facet values, the facets of every entry
  (for counts), the synonyms, the question and stop words, words to suggest, and the first term
  of each index shard.
- t/<n>.json: one shard of the index: for every term in its range of sorted terms the entries
  that contain it with their score (`t`), and the compounds the term is a part of (`d`).
- s/<n>.json: title, address and summary of entry n, fetched when a result is shown.

Every term is made by dutch.words, the one normalisation that vinden.js repeats for queries;
the scores are lunr's BM25 with field boosts (scoring.py)."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy

from kennisbank.content import paths
from kennisbank.content.facets import FACET_VOCABULARIES as FACETS
from kennisbank.content.model import KINDS, Corpus, Entry
from kennisbank.content.vocab import Vocabularies, load_vocabularies
from kennisbank.search import doc_terms, dutch, synonyms
from kennisbank.search.scoring import FIELDS, SCALE, Scores, score_terms
from kennisbank.search.texts import Page, entry_text, hand_written_pages

SUMMARY_CHARS = 220
SHARD_BUDGET = 12_000  # characters of postings per index shard
SUGGESTIONS = 2500
LOOP_UP_TO = 64  # postings packed in a loop; more as arrays (_pack)
PAGE_KIND = ("pagina", "Pagina")


@dataclass
class Doc:
    """One result of the finder: what it shows, its keywords (for suggestions) and the terms of
    its fields (doc_terms.counted; its whole text is not kept, only its terms)."""
    kind: str
    title: str
    url: str
    summary: str
    keywords: str
    terms: tuple
    item: dict = field(default_factory=dict)


def _doc(kind: str, title: str, url: str, summary: str, fields: dict[str, str], item: dict) -> Doc:
    return Doc(kind, title, url, _summary(summary), fields["trefwoorden"], doc_terms.counted(fields, FIELDS), item)


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
    return _doc(entry.kind.code, entry.title, entry.url, summary,
                {"titel": entry.title, "samenvatting": summary, "trefwoorden": " ".join(keywords),
                "tekst": entry_text(entry)}, item)


def _page_doc(page: Page) -> Doc:
    item = {"k": PAGE_KIND[0], "a": [], "f": {}}
    if page.language != "nl":
        item["l"] = page.language
    return _doc(PAGE_KIND[0], page.title, page.url, page.summary,
                {"titel": page.title, "samenvatting": "", "trefwoorden": PAGE_KIND[1], "tekst": page.text}, item)


def collect_docs(corpus: Corpus, vocab: Vocabularies, positions: dict, pages: list[Page] | None = None) -> list[Doc]:
    order = {kind.name: n for n, kind in enumerate(KINDS.values())}
    entries = sorted(corpus.entries(), key=lambda e: (order[e.kind.name], e.title.lower(), e.id))
    pages = hand_written_pages() if pages is None else pages
    return [_entry_doc(e, vocab, positions) for e in entries] + [_page_doc(p) for p in pages]


def _pack(documents, values) -> list[int]:
    """Postings as [document - previous document, score, ...], in order of document: as arrays
    when there are many (numpy's cost per call is more than a loop over a few)."""
    if len(documents) > LOOP_UP_TO:
        packed = numpy.empty(2 * len(documents), dtype=numpy.int64)
        packed[0::2] = numpy.diff(documents, prepend=0)
        packed[1::2] = values
        return packed.tolist()
    packed, previous = [], 0
    for number, value in zip(*(numpy.asarray(column).tolist() for column in (documents, values)), strict=True):
        packed += (number - previous, value)
        previous = number
    return packed


def shard(scores: Scores, parts: dict) -> tuple[list[str], Iterator[dict]]:
    """Split the sorted terms into ranges of about SHARD_BUDGET characters: the first term of
    each range, and the ranges' shards, each made when it is asked for (a city's postings, made
    all at once, would take hundreds of megabytes)."""
    ranges, size = [], 0
    for key in sorted(set(scores.numbers) | set(parts)):
        if not ranges or size > SHARD_BUDGET:
            ranges.append([])
            size = 0
        ranges[-1].append(key)
        size += 4 * len(scores.postings(key)[0]) if key in scores.numbers else 0
        size += 4 * len(parts[key]) if key in parts else 0
        size += len(key) + 4
    return [keys[0] for keys in ranges], (_shard(keys, scores, parts) for keys in ranges)


def _shard(keys: list[str], scores: Scores, parts: dict) -> dict:
    made = {"t": {}, "d": {}}
    for key in keys:
        if key in scores.numbers:
            made["t"][key] = _pack(*scores.postings(key))
        if key in parts:
            postings = sorted(parts[key].items())
            made["d"][key] = _pack([d for d, _ in postings], [v for _, v in postings])
    return made


def _suggestions(docs: list[Doc]) -> list[str]:
    """Readable words to suggest when nothing is found: from titles and keywords."""
    seen: Counter = Counter()
    form: dict[str, Counter] = {}
    for doc in docs:
        for word in {dutch.plain(w) for w in dutch.split(doc.title + " " + doc.keywords)}:
            term = dutch.normalise(word)
            if term and len(word) >= 4 and not word.isdigit():
                seen[term] += 1
                form.setdefault(term, Counter())[word] += 1
    return sorted(form[t].most_common(1)[0][0] for t, _ in seen.most_common(SUGGESTIONS))


def build_finder_data(corpus: Corpus, vocab: Vocabularies | None = None,
                      pages: list[Page] | None = None) -> tuple[dict, Iterator[dict], list[list]]:
    """The finder's main data file, its index shards (made one by one, as they are asked for)
    and the summaries (title, url, text)."""
    vocab = vocab or load_vocabularies()
    synonyms.load()  # a broken synonyms file stops here, with every problem and its line
    positions = {param: {term: i for i, term in enumerate(vocab.ids(name))} for param, name in FACETS.items()}
    docs = collect_docs(corpus, vocab, positions, pages)
    scores, parts = score_terms([d.terms for d in docs])
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


def finder_files(corpus: Corpus) -> Iterator[tuple[str, str]]:
    """The finder's files, (path under the site root, text), made one by one."""
    with dutch.remembered_terms(paths.cache_root()), doc_terms.remembered(paths.cache_root()):
        data, shards, summaries = build_finder_data(corpus)

    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    yield "assets/zoeken/vinden.json", dump(data)
    yield from ((f"assets/zoeken/t/{n}.json", dump(s)) for n, s in enumerate(shards))
    yield from ((f"assets/zoeken/s/{n}.json", dump(s)) for n, s in enumerate(summaries))
