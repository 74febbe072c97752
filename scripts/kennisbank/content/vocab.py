"""The controlled vocabularies: schemas/vocabularies.yaml plus the districts and wijken of the
wijk boundaries file. Everything that needs an allowed value or its label asks here."""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from kennisbank.content import inputs, paths
from kennisbank.content.problems import ContentError
from kennisbank.content.yamlio import parse_yaml, read_text


@dataclass(frozen=True)
class VocabularyInfo:
    plural: str  # how messages call it, in Dutch
    schema_def: str  # its $defs name in vocabularies.schema.json


# Every vocabulary, in one place: those of vocabularies.yaml and the two of the wijk file.
VOCABULARIES = {
    "themes": VocabularyInfo("thema's", "theme"),
    "levels": VocabularyInfo("onderwijsniveaus", "level"),
    "roles": VocabularyInfo("doelgroepen", "role"),
    "connections": VocabularyInfo("verbindingen", "connection"),
    "pillars": VocabularyInfo("ALL-IN-pijlers", "pillar"),
    "support_forms": VocabularyInfo("ondersteuningsvormen", "support_form"),
    "costs": VocabularyInfo("kostenniveaus", "cost"),
    "efforts": VocabularyInfo("tijdsinvesteringen", "effort"),
    "evidence": VocabularyInfo("bewijsniveaus", "evidence_level"),
    "source_kinds": VocabularyInfo("soorten bronnen", "source_kind"),
    "languages": VocabularyInfo("talen", "language"),
    "districts": VocabularyInfo("districten", "district"),
    "wijken": VocabularyInfo("wijken", "wijk"),
}
VOCABULARY_NAMES = {name: info.plural for name, info in VOCABULARIES.items()}

# The wijk file abbreviates one district; the site uses its full name.
DISTRICT_NAMES = {"Bezali": "Berendrecht-Zandvliet-Lillo"}
WIJK_CREDIT = "Bron wijkgrenzen: Stad Antwerpen, open data"


def slugify(text: str) -> str:
    """'Antwerpen - Amandus & Atheneum' -> 'antwerpen-amandus-atheneum'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    description: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Vocabularies:
    terms: dict[str, dict[str, Term]]
    sourced_emails: dict[str, str]
    wijk_features: list[dict]  # GeoJSON features with id, label, district

    def ids(self, name: str) -> list[str]:
        return list(self.terms[name])

    def label(self, name: str, term_id: str) -> str:
        term = self.terms[name].get(term_id)
        return term.label if term else term_id

    def wijken_of_district(self, district: str) -> list[str]:
        return [t.id for t in self.terms["wijken"].values() if t.extra["district"] == district]

    def rank(self, name: str, term_id: str) -> int:
        """Position in the vocabulary; for the evidence ladder, the step number from 0."""
        return self.ids(name).index(term_id)


def _load_wijken() -> tuple[dict[str, Term], dict[str, Term], list[dict]]:
    data = json.loads(paths.WIJKEN_FILE.read_text(encoding="utf-8"))
    districts: dict[str, Term] = {}
    wijken: dict[str, Term] = {}
    features = []
    for feature in data["features"]:
        full_name = feature["properties"]["wijknaam"]
        district_name, _, wijk_name = full_name.partition(" - ")
        wijk_id = slugify(full_name)
        district_id = None
        if wijk_name:  # 'Schelde' (the river) belongs to no district and is no wijk to serve
            district_name = DISTRICT_NAMES.get(district_name, district_name)
            district_id = slugify(district_name)
            districts.setdefault(district_id, Term(district_id, district_name))
            wijken[wijk_id] = Term(wijk_id, wijk_name, f"{wijk_name} ({district_name})",
                                   {"district": district_id, "code": feature["properties"]["wijkcode"]})
        features.append({"id": wijk_id, "label": wijk_name or full_name, "district": district_id,
                         "geometry": feature["geometry"]})
    sort = lambda d: dict(sorted(d.items(), key=lambda kv: kv[1].label.lower()))  # noqa: E731
    return sort(districts), sort(wijken), features


@lru_cache(maxsize=1)
def load_vocabularies() -> Vocabularies:
    relpath = paths.VOCABULARIES_FILE.relative_to(paths.ROOT).as_posix()
    text, problems = read_text(paths.VOCABULARIES_FILE, relpath)
    doc, more = parse_yaml(text or "", relpath)
    problems += more
    if problems:
        raise ContentError(problems)
    raw = doc.data
    terms: dict[str, dict[str, Term]] = {}
    for name in VOCABULARY_NAMES:
        if name in ("districts", "wijken"):
            continue
        terms[name] = {
            item["id"]: Term(item["id"], item["label"], item.get("description", ""),
                             {k: v for k, v in item.items() if k not in ("id", "label", "description")})
            for item in raw[name]
        }
    terms["districts"], terms["wijken"], features = _load_wijken()
    emails = {item["address"].lower(): item["source"] for item in raw.get("sourced_emails", [])}
    return Vocabularies(terms, emails, features)


inputs.when_changed(load_vocabularies.cache_clear)
