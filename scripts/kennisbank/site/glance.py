"""The 'at a glance' strip under the title of an entry page, and the helpers its templates use:
small icons, a short service area, the stopped date, and the practice body split into sections
(so optional ones can be folded)."""
from __future__ import annotations

import re

from kennisbank.content.model import Entry
from kennisbank.content.vocab import Vocabularies
from kennisbank.content.wording import count_noun

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

# The icons' shapes live in kennisbank.css only (.kb-strip__icon--<name>, masks drawn from Material
# Design Icons); this is just the list of names a template may ask for (a test checks the CSS has each).
ICONS = frozenset({"time", "cost", "evidence", "place", "contact", "steps", "who", "offer", "sources", "language"})


def icon(name: str) -> str:
    """A small icon (drawn by kennisbank.css), hidden from screen readers: the text says it all."""
    if name not in ICONS:
        raise ValueError(f"unknown icon {name!r}")
    return f'<span class="kb-strip__icon kb-strip__icon--{name}" aria-hidden="true"></span>'


def month_year(value) -> str:
    """'2019-08' -> 'augustus 2019', '2019-08-31' -> '31 augustus 2019', '2019' -> '2019'."""
    text = str(value)
    if len(text) >= 7:
        month = MONTHS[int(text[5:7]) - 1]
        return f"{int(text[8:10])} {month} {text[:4]}" if len(text) == 10 else f"{month} {text[:4]}"
    return text


def area_short(entry: Entry, vocab: Vocabularies) -> str:
    """The service area in a few words: 'Heel Antwerpen', 'District Deurne', '5 wijken'."""
    area = entry.data["service_area"]
    scope = area["scope"]
    labels = {"vlaanderen": "Heel Vlaanderen", "provincie": "Provincie Antwerpen", "stad": "Heel Antwerpen"}
    if scope in labels:
        return labels[scope]
    if scope == "districten":
        names = [vocab.label("districts", d) for d in area["districts"]]
        return ("District " if len(names) == 1 else "Districten ") + ", ".join(names)
    wijken = area["wijken"]
    if len(wijken) <= 2:
        return ", ".join(vocab.terms["wijken"][w].label for w in wijken)
    return count_noun(len(wijken), "wijk", "wijken")


def short_duration(text: str) -> str:
    """'Een schatting: reken op vier tot zes weken, met ...' -> 'Vier tot zes weken (schatting)'."""
    text = " ".join(str(text).split())
    estimate = text.lower().startswith("een schatting")
    text = re.sub(r"^een schatting:\s*", "", text, flags=re.I)
    text = re.sub(r"^reken (in totaal )?op\s+", "", text, flags=re.I)
    text = re.split(r"[,;.:]\s", text + " ", maxsplit=1)[0].strip().rstrip(".")
    text = text[:1].upper() + text[1:]
    return f"{text} (schatting)" if estimate else text


OPTIONAL_SECTIONS = re.compile(r"^(Varianten|Zo kan het eruitzien)", re.I)


def body_sections(body: str) -> dict[str, list[tuple[str, str]]]:
    """The practice body split at its '## ' headings: the sections a reader needs before the
    steps ('main'), and the optional ones (an example, variants) that can be folded."""
    parts = re.split(r"^## +(.+?)\s*#*\s*$", body.strip(), flags=re.M)
    sections = {"main": [], "optional": []}
    if parts[0].strip():
        sections["main"].append(("", parts[0].strip()))
    for heading, text in zip(parts[1::2], parts[2::2], strict=True):
        group = "optional" if OPTIONAL_SECTIONS.match(heading) else "main"
        sections[group].append((heading.strip(), text.strip()))
    return sections
