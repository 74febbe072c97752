"""Checks that need more than one file: references between entries, contact details that must
come from a source, sensible ranges and dates, and the order of partners.yaml."""
from __future__ import annotations

import difflib
import re
from datetime import date
from urllib.parse import urlsplit

from kennisbank.content.freshness import source_end, source_start
from kennisbank.content.model import KINDS, Corpus, Entry
from kennisbank.content.problems import Problem
from kennisbank.content.vocab import load_vocabularies
from kennisbank.content.yamlio import iter_strings

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Belgian phone numbers: 0 or +32/0032, then 8 or 9 digits with optional separators.
_PHONE = re.compile(r"(?<![\d/.-])(?:\+32|0032|0)\s?[1-9](?:[\s./-]?\d){7,8}(?![\d/])")


WHERE = {"partner": "partners.yaml", "guide": "guides/", "practice": "practices/"}


def _did_you_mean(ref: str, options) -> str:
    close = difflib.get_close_matches(ref, sorted(options), n=3, cutoff=0.5)
    return f"bedoel je {' of '.join(repr(c) for c in close)}?" if close else "controleer de id"


def reference_problem(path: str, line: int, kind: str, ref: str, published: set[str], is_draft: bool) -> Problem:
    """The problem with a reference to an entry that is not published (a draft, or no such id)."""
    if is_draft:
        return Problem(path, line, f"{KINDS[kind].singular} '{ref}' is nog een concept",
                       "publiceer dat item eerst of verwijs er (nog) niet naar", about=(kind, ref))
    return Problem(path, line, f"{KINDS[kind].singular} '{ref}' bestaat niet",
                   f"{_did_you_mean(ref, published)} (zie {WHERE[kind]})", about=(kind, ref))


def _check_references(entry: Entry, published: dict[str, set[str]], drafts: set) -> list[Problem]:
    return [reference_problem(entry.path, entry.line(*path), kind, ref, published[kind], (kind, ref) in drafts)
            for kind, refs in entry.references().items() for ref, path in refs if ref not in published[kind]]


def _check_contacts(entry: Entry, sourced: dict[str, str]) -> list[Problem]:
    problems = []
    texts = list(iter_strings(entry.data))
    if entry.body:
        texts.append((None, entry.body))
    joined = "\n".join(text for _, text in texts)  # most entries have neither: one look at all of it
    if "@" not in joined and not _PHONE.search(joined):
        return []
    for path, text in texts:
        def line(match, path=path, text=text) -> int:  # only for a finding: lines may need a re-parse
            start = entry.body_line if path is None else entry.line(*path)
            return start + text.count("\n", 0, match.start())

        for match in _EMAIL.finditer(text):
            if match.group().lower() not in sourced:
                problems.append(Problem(entry.path, line(match),
                                        f"e-mailadres '{match.group()}' staat niet in een bron",
                                        "gebruik alleen adressen uit schemas/vocabularies.yaml (sourced_emails); "
                                        "voeg een nieuw adres daar toe met zijn bron"))
        for match in _PHONE.finditer(text):
            problems.append(Problem(entry.path, line(match), f"telefoonnummer '{match.group().strip()}' gevonden",
                                    "de kennisbank publiceert geen telefoonnummers; "
                                    "verwijs naar de website of het algemene e-mailadres"))
    return problems


def _host(url) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.") if isinstance(url, str) else ""


def _check_website(entry: Entry) -> list[Problem]:
    """A partner says how a school reaches it (website, e-mail, or the partner to ask instead),
    and its website comes from a source: a page on that site, or a page that names it (the
    source's note says so, e.g. 'Noemt de website www.x.be')."""
    if entry.kind.name == "partner" and not entry.is_stopped and not entry.is_draft and \
            not any(entry.data.get(k) for k in ("website", "email", "ask_via")):
        return [Problem(entry.path, entry.source_line, f"partner '{entry.id}' zegt niet hoe een school hem bereikt",
                        "zet een website of algemeen e-mailadres uit een bron, of 'ask_via' met de partner "
                        "via wie een school de vraag stelt")]
    host = _host(entry.data.get("website"))
    sources = [s for s in entry.data.get("sources", []) or [] if isinstance(s, dict)]
    if not host or host in {_host(s.get("url")) for s in sources} or \
            any(host in str(s.get("note", "")).lower() for s in sources):
        return []
    return [Problem(entry.path, entry.line("website"), f"website '{entry.data['website']}' staat niet in een bron",
                    "voeg een bron toe met een pagina van die site, of een bron die de website noemt "
                    f"(zet dan in haar 'note': Noemt de website {host})")]


def _check_values(entry: Entry, today: date) -> list[Problem]:
    problems = []
    ages = entry.ages
    if isinstance(ages, dict) and isinstance(ages.get("min"), int) and isinstance(ages.get("max"), int):
        if ages["min"] > ages["max"]:
            path = ("eligibility", "ages") if entry.kind.name == "partner" else ("ages",)
            problems.append(Problem(entry.path, entry.line(*path),
                                    f"leeftijd van {ages['min']} tot {ages['max']} kan niet",
                                    "zet de jongste leeftijd bij 'min' en de oudste bij 'max'"))
    for number, source in enumerate(entry.data.get("sources", []) or []):
        for key in ("consulted", "published"):
            day = source_end(source.get(key)) if isinstance(source, dict) else None
            if day is not None and (day if key == "consulted" else source_start(source.get(key))) > today:
                problems.append(Problem(entry.path, entry.line("sources", number, key),
                                        f"datum {source[key]} ligt in de toekomst",
                                        f"gebruik een datum tot vandaag ({today.isoformat()})"))
    problems += evidence_problems(entry)
    return problems


def evidence_problems(entry: Entry) -> list[Problem]:
    """A practice's evidence level must be carried by the kinds of sources it cites (`needs` of
    each step of the ladder in schemas/vocabularies.yaml)."""
    evidence = entry.data.get("evidence")
    if entry.kind.name != "practice" or not isinstance(evidence, dict):
        return []
    term = load_vocabularies().terms["evidence"].get(evidence.get("level"))
    needs = set(term.extra.get("needs") or []) if term else set()
    kinds = {s.get("kind") for s in entry.data.get("sources", []) or [] if isinstance(s, dict)}
    if not needs or needs & kinds:
        return []
    return [Problem(entry.path, entry.line("evidence", "level"),
                    f"bewijsniveau '{term.id}' vraagt een bron van de soort {' of '.join(sorted(needs))}, "
                    f"maar de bronnen zijn: {', '.join(sorted(k for k in kinds if k)) or 'zonder soort'}",
                    "kies een lagere trede die de bronnen dragen, "
                    "of voeg een bron van die soort toe (zie docs/bewijsniveaus.md)")]


def _check_partner_order(corpus: Corpus) -> list[Problem]:
    entries = sorted(corpus.partners.values(), key=lambda e: e.base)
    ids = [e.id for e in entries]
    for entry, expected in zip(entries, sorted(ids), strict=True):
        if entry.id != expected:
            return [Problem(entry.path, entry.line("id"),
                            f"de partners staan niet op volgorde van id (bij '{entry.id}')",
                            f"zet de partners in alfabetische volgorde van hun id; '{expected}' hoort hier")]
    return []


def entry_problems(entry: Entry) -> list[Problem]:
    """What can be checked of one entry on its own (the loader does, once per file read): no
    contact detail that is not in a source, and a way to reach a partner."""
    return _check_contacts(entry, load_vocabularies().sourced_emails) + _check_website(entry)


def check_corpus(corpus: Corpus, today: date | None = None) -> list[Problem]:
    """`corpus` holds every entry that was read, drafts and entries with problems included."""
    today = today or date.today()
    drafts = {(e.kind.name, e.id) for e in corpus.entries() if e.is_draft}
    published = {kind: {k for k, e in corpus.of_kind(kind).items() if not e.is_draft} for kind in KINDS}
    problems = _check_partner_order(corpus)
    for entry in corpus.entries():
        if not entry.is_draft:
            problems += _check_references(entry, published, drafts)
        problems += _check_values(entry, today)
    return problems
