"""How old the facts of an entry are, from the dates of its sources.

Each source carries its own date (`published`: JJJJ, JJJJ-MM, JJJJ-MM-DD or 'ongedateerd') and
the day the kennisbank read it (`consulted`). An entry is as fresh as its newest dated source,
or as the day an organisation confirmed it (`confirmed.on`), whichever is newer. `make stale` and
the notice on old pages use this; nothing here reads the clock except through `today`.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from kennisbank.content.model import Corpus, Entry

MAX_AGE_MONTHS = 12
UNDATED = "ongedateerd"


def months_before(today: date, months: int) -> date:
    """The same day `months` earlier (the last day of that month when it is shorter)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later`: 2025-01-31 -> 2025-03-30 is 1 month."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


def parse_day(value) -> date | None:
    """A JJJJ-MM-DD date, or None when missing or malformed (the schema reports that)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def source_end(published) -> date | None:
    """The last day a source date can mean: 2019 -> 2019-12-31, 2019-05 -> 2019-05-31."""
    text = str(published)
    try:
        if len(text) == 4:
            return date(int(text), 12, 31)
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:])
            return date(year, month, calendar.monthrange(year, month)[1])
        return date.fromisoformat(text)
    except ValueError:
        return None  # 'ongedateerd' or malformed


def source_start(published) -> date:
    """The first day a source date can mean: 2019 -> 2019-01-01 (only call with a valid date)."""
    text = str(published)
    return date(int(text[:4]), int(text[5:7]) if len(text) >= 7 else 1, int(text[8:10]) if len(text) == 10 else 1)


def source_years(entry: Entry) -> list[int]:
    return sorted(d.year for s in entry.data.get("sources", []) if (d := source_end(s.get("published"))))


def years_text(entry: Entry) -> str:
    """'2018–2023', '2021', or '' when no source is dated."""
    years = source_years(entry)
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def freshest(entry: Entry) -> date | None:
    """The newest of: the dated sources, the confirmation by an organisation."""
    dates = [d for s in entry.data.get("sources", []) if (d := source_end(s.get("published")))]
    confirmed = parse_day((entry.data.get("confirmed") or {}).get("on"))
    return max(dates + ([confirmed] if confirmed else []), default=None)


def is_stale(entry: Entry, today: date) -> bool:
    """True when the entry's freshest date is more than twelve months before `today`, or unknown."""
    when = freshest(entry)
    return when is None or when < months_before(today, MAX_AGE_MONTHS)


@dataclass(frozen=True)
class StaleEntry:
    entry: Entry
    freshest: date | None  # None: no dated source and no confirmation
    months: int | None

    def __str__(self) -> str:
        where = f"{self.entry.path}:{self.entry.line()}: {self.entry.title}"
        if self.freshest is None:
            return (f"{where} — geen enkele bron is gedateerd; "
                    "zoek een gedateerde bron of laat een organisatie de pagina bevestigen")
        noun = "maand" if self.months == 1 else "maanden"
        years = years_text(self.entry)
        return f"{where} — bronnen van {years or '?'}, nieuwste {self.months} {noun} oud"


def stale_entries(corpus: Corpus, today: date) -> list[StaleEntry]:
    """Published entries whose facts are older than twelve months, oldest first; entries without
    any dated source first. Drafts are left out: they are not on the site."""
    found = [StaleEntry(e, f, months_between(f, today) if f else None)
             for e in corpus.entries() if is_stale(e, today) for f in [freshest(e)]]
    return sorted(found, key=lambda s: (s.freshest or date.min, s.entry.path, s.entry.line()))
