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

# Paths from Material Design Icons (Apache 2.0, shipped with mkdocs-material), 24 × 24; kennisbank.css
# holds the same paths as masks (.kb-strip__icon--<name>): change both together.
_ICON_PATHS = {
    "time": "M12 20a8 8 0 0 0 8-8 8 8 0 0 0-8-8 8 8 0 0 0-8 8 8 8 0 0 0 8 8m0-18a10 10 0 0 1 10 10 10 10 0 0 1-10 10C6.47 22 2 17.5 2 12A10 10 0 0 1 12 2m.5 5v5.25l4.5 2.67-.75 1.23L11 13V7z",
    "cost": "M15 18.5c-2.5 0-4.68-1.42-5.76-3.5H15l1-2H8.58c-.05-.33-.08-.66-.08-1s.03-.67.08-1H15l1-2H9.24A6.49 6.49 0 0 1 15 5.5c1.61 0 3.09.59 4.23 1.57L21 5.3A8.96 8.96 0 0 0 15 3c-3.92 0-7.24 2.5-8.5 6H3l-1 2h4.06c-.06.33-.06.66-.06 1s0 .67.06 1H3l-1 2h4.5c1.26 3.5 4.58 6 8.5 6 2.31 0 4.41-.87 6-2.3l-1.78-1.77c-1.13.98-2.6 1.57-4.22 1.57",
    "evidence": "M15 5v4h-4v4H7v4H3v3h7v-4h4v-4h4V8h4V5z",
    "place": "M12 6.5A2.5 2.5 0 0 1 14.5 9a2.5 2.5 0 0 1-2.5 2.5A2.5 2.5 0 0 1 9.5 9 2.5 2.5 0 0 1 12 6.5M12 2a7 7 0 0 1 7 7c0 5.25-7 13-7 13S5 14.25 5 9a7 7 0 0 1 7-7m0 2a5 5 0 0 0-5 5c0 1 0 3 5 9.71C17 12 17 10 17 9a5 5 0 0 0-5-5",
    "contact": "M22 6c0-1.1-.9-2-2-2H4c-1.1 0-2 .9-2 2v12c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2zm-2 0-8 5-8-5zm0 12H4V8l8 5 8-5z",
    "steps": "M7 13v-2h14v2zm0 6v-2h14v2zM7 7V5h14v2zM3 8V5H2V4h2v4zm-1 9v-1h3v4H2v-1h2v-.5H3v-1h1V17zm2.25-7a.75.75 0 0 1 .75.75c0 .2-.08.39-.21.52L3.12 13H5v1H2v-.92L4 11H2v-1z",
    "who": "M12 4a4 4 0 0 1 4 4 4 4 0 0 1-4 4 4 4 0 0 1-4-4 4 4 0 0 1 4-4m0 2a2 2 0 0 0-2 2 2 2 0 0 0 2 2 2 2 0 0 0 2-2 2 2 0 0 0-2-2m0 7c2.67 0 8 1.33 8 4v3H4v-3c0-2.67 5.33-4 8-4m0 1.9c-2.97 0-6.1 1.46-6.1 2.1v1.1h12.2V17c0-.64-3.13-2.1-6.1-2.1",
    "offer": "M3 6h18v2H3zm0 5h18v2H3zm0 5h12v2H3z",
    "sources": "M19 3H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2m0 16H5V5h14zM7 7h10v2H7zm0 4h10v2H7zm0 4h7v2H7z",
    "language": "m12.87 15.07-2.54-2.51.03-.03A17.5 17.5 0 0 0 14.07 6H17V4h-7V2H8v2H1v2h11.17C11.5 7.92 10.44 9.75 9 11.35 8.07 10.32 7.3 9.19 6.69 8h-2c.73 1.63 1.73 3.17 2.98 4.56l-5.09 5.02L4 19l5-5 3.11 3.11zM18.5 10h-2L12 22h2l1.12-3h4.75L21 22h2zm-2.62 7 1.62-4.33L19.12 17z",
}


def icon(name: str) -> str:
    """A small icon (drawn by kennisbank.css), hidden from screen readers: the text says it all."""
    if name not in _ICON_PATHS:
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
    for heading, text in zip(parts[1::2], parts[2::2]):
        group = "optional" if OPTIONAL_SECTIONS.match(heading) else "main"
        sections[group].append((heading.strip(), text.strip()))
    return sections
