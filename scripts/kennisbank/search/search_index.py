"""The finder's data: a lunr index (Dutch pipeline) plus compact facet data per entry.

lunr.py builds the index; we ship the builder's state (terms, postings, term frequencies, field
lengths) in a packed form, and the browser hands it to lunr.js's own Builder to compute the
vectors (docs/assets/javascripts/vinden.js). That file is a fraction of lunr's serialised index,
whose score vectors make up most of its weight.

Entries are numbered; facet values are stored as positions in the facet's value list. What is
searched as text: the title (boosted), the summary, the keywords (labels of themes and forms) and
an excerpt of the body. Everything else is only a facet. The summaries, needed only to show
results, are split off into small files that the finder fetches when it shows them.
"""
from __future__ import annotations

import json

from lunr.builder import Builder

from kennisbank.search import dutch
from kennisbank.content.model import Corpus, Entry
from kennisbank.content.facets import FACET_VOCABULARIES as FACETS
from kennisbank.content.model import KINDS
from kennisbank.content.vocab import Vocabularies, load_vocabularies

BODY_TERMS = 40  # distinct body terms indexed per entry: enough to find it, small enough to ship
SUMMARY_CHARS = 220
SUMMARY_SHARD = 500  # entries per summaries file



def _body_text(entry: Entry) -> str:
    data = entry.data
    if entry.kind.name == "practice":
        parts = [entry.body, *(s["title"] + " " + s["text"] for s in data["steps"]), data["impact"]]
    elif entry.kind.name == "partner":
        parts = [*(s["name"] + " " + s["description"] for s in data["services"]),
                 data.get("alternate_name", ""), data.get("organization", ""), data["application_process"]]
    else:
        parts = [data.get("intro", ""), *(s["title"] + " " + s["text"] for s in data["steps"])]
    return " ".join(parts)


def _summary(entry: Entry) -> str:
    text = " ".join((entry.data.get("summary") or entry.data.get("description", "")).split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


def _ages(entry: Entry, vocab: Vocabularies) -> list[int]:
    if entry.ages:
        return [entry.ages["min"], entry.ages["max"]]
    ranges = [vocab.terms["levels"][level].extra["ages"] for level in entry.levels]
    return [min(r[0] for r in ranges), max(r[1] for r in ranges)] if ranges else []


def _area(entry: Entry, vocab: Vocabularies, positions: dict[str, dict[str, int]]) -> list:
    """Where a partner works: ['stad'], ['provincie'], ['vlaanderen'], ['d', district...] or
    ['w', wijk...] (districts and wijken by their position in the facet)."""
    area = entry.data["service_area"]
    if area["scope"] in ("stad", "provincie", "vlaanderen"):
        return [area["scope"]]
    if area["scope"] == "districten":
        return ["d", *(positions["district"][d] for d in area["districts"])]
    return ["w", *(positions["wijk"][w] for w in area["wijken"])]


def make_builder(corpus: Corpus, vocab: Vocabularies | None = None) -> tuple[Builder, list[Entry]]:
    """A lunr.py Builder filled with the published entries, numbered in the order returned.
    (Call .build() for a searchable lunr.py index; the site ships the packed builder state.)"""
    vocab = vocab or load_vocabularies()
    entries = sorted(corpus.entries(), key=lambda e: (e.kind.name, e.title.lower(), e.id))
    builder = Builder()
    dutch.configure(builder)
    builder.pipeline.reset()  # terms arrive already trimmed, filtered and stemmed (dutch.words)
    builder.ref("i")
    builder.field("titel", boost=10)
    builder.field("samenvatting", boost=4)
    builder.field("trefwoorden", boost=2)
    builder.field("tekst")
    for number, entry in enumerate(entries):
        keywords = [vocab.label("themes", t) for t in entry.themes]
        keywords += [vocab.label("support_forms", f) for f in entry.data.get("support_forms", [])]
        keywords.append(entry.kind.label)
        builder.add({
            "i": str(number),
            "titel": dutch.words(entry.title + " " + entry.data.get("alternate_name", "")),
            "samenvatting": dutch.words(_summary(entry)),
            "trefwoorden": dutch.words(" ".join(keywords)),
            "tekst": list(dict.fromkeys(dutch.words(_body_text(entry))))[:BODY_TERMS],
        })
    return builder, entries


def build_finder_data(corpus: Corpus, vocab: Vocabularies | None = None) -> tuple[dict, list[list[str]]]:
    """The finder's data file and its summaries, split in shards."""
    vocab = vocab or load_vocabularies()
    positions = {param: {term: i for i, term in enumerate(vocab.ids(name))} for param, name in FACETS.items()}
    builder, entries = make_builder(corpus, vocab)
    docs = []
    for entry in entries:
        facets = {
            "thema": [positions["thema"][t] for t in entry.themes],
            "niveau": [positions["niveau"][lv] for lv in entry.levels],
        }
        if entry.kind.name == "partner":
            facets["vorm"] = [positions["vorm"][f] for f in entry.data["support_forms"]]
            facets["kosten"] = [positions["kosten"][entry.data["fees"]["level"]]]
        elif entry.kind.name == "practice":
            facets["bewijs"] = [positions["bewijs"][entry.data["evidence"]["level"]]]
            facets["kosten"] = [positions["kosten"][entry.data["cost"]["level"]]]
        doc = {"k": entry.kind.code, "t": entry.title, "u": entry.url,
               "f": facets, "a": _ages(entry, vocab)}
        if entry.kind.name == "partner":
            doc["w"] = _area(entry, vocab, positions)
        docs.append(doc)

    facet_values = {param: [[t.id, t.extra.get("short", t.label)] for t in vocab.terms[name].values()]
                    for param, name in FACETS.items()}
    districts = positions["district"]
    facet_values["wijk"] = [[t.id, t.label, districts[t.extra["district"]]] for t in vocab.terms["wijken"].values()]
    facet_values["soort"] = [[k.code, k.label] for k in KINDS.values()]
    summaries = [_summary(e) for e in entries]
    return {
        "versie": 1,
        "stopwoorden": sorted(dutch.STOP_WORDS),
        "facetten": facet_values,
        "items": docs,
        "index": pack_index(builder),
        "samenvattingen": {"per": SUMMARY_SHARD, "aantal": len(range(0, len(summaries), SUMMARY_SHARD))},
    }, [summaries[i:i + SUMMARY_SHARD] for i in range(0, len(summaries), SUMMARY_SHARD)]


def pack_index(builder: Builder) -> dict:
    """The state of a built lunr.py Builder, packed: for each field and each term (in sorted
    order) the numbers of the documents that contain it, as gaps from the previous number; a
    negative number after a gap is the term frequency of that document when it is not 1."""
    fields = list(builder._fields)
    terms = sorted(builder.inverted_index)
    postings = []
    for field in fields:
        per_term = []
        for term in terms:
            packed, previous = [], 0
            for ref in sorted(int(r) for r in builder.inverted_index[term][field]):
                packed.append(ref - previous)
                previous = ref
                frequency = builder.field_term_frequencies[f"{field}/{ref}"][term]
                if frequency != 1:
                    packed.append(-frequency)
            per_term.append(packed)
        postings.append(per_term)
    documents = builder.document_count
    return {
        "velden": fields,
        "boosts": [builder._fields[f].boost for f in fields],
        "documenten": documents,
        "termen": terms,
        "postings": postings,
        "lengtes": [[builder.field_lengths[f"{field}/{n}"] for n in range(documents)] for field in fields],
        "pipeline": builder.search_pipeline.serialize(),
    }


def finder_files(corpus: Corpus) -> dict[str, str]:
    """The finder's files, by path under the site root."""
    data, shards = build_finder_data(corpus)
    dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)  # noqa: E731
    files = {"assets/zoeken/vinden.json": dump(data)}
    files.update({f"assets/zoeken/samenvattingen-{n}.json": dump(shard) for n, shard in enumerate(shards)})
    return files
