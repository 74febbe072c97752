"""`make stale`: which entries were not reviewed in the last twelve months.

`is_stale` is also what a page uses to say that its content may be out of date.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .model import Corpus, Entry

MAX_AGE_MONTHS = 12


def months_before(today: date, months: int) -> date:
    """The same day `months` earlier (the last day of that month when it is shorter)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def parse_reviewed(reviewed) -> date | None:
    """The review date as a date, or None when it is missing or not a valid JJJJ-MM-DD date."""
    if not isinstance(reviewed, str):
        return None
    try:
        return date.fromisoformat(reviewed)
    except ValueError:
        return None


def is_stale(reviewed: str | None, today: date) -> bool:
    """True when `reviewed` (JJJJ-MM-DD) is more than twelve months before `today`, or missing."""
    when = parse_reviewed(reviewed)
    return when is None or when < months_before(today, MAX_AGE_MONTHS)


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later`: 2025-01-31 -> 2025-03-30 is 1 month."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


@dataclass(frozen=True)
class StaleEntry:
    entry: Entry
    reviewed: date | None  # None: never reviewed (the date is missing)
    months: int | None

    @property
    def line(self) -> int:
        return self.entry.line("last_reviewed") if self.reviewed else self.entry.line()

    def __str__(self) -> str:
        where = f"{self.entry.path}:{self.line}: {self.entry.title}"
        if self.reviewed is None:
            return f"{where} — nooit nagekeken (voeg 'last_reviewed: JJJJ-MM-DD' toe)"
        noun = "maand" if self.months == 1 else "maanden"
        return f"{where} — laatst nagekeken op {self.reviewed.isoformat()} ({self.months} {noun} geleden)"


def stale_entries(corpus: Corpus, today: date) -> list[StaleEntry]:
    """Published entries to review again, oldest first; entries without a date come first.
    Drafts are left out: they are not on the site."""
    found = []
    for entry in corpus.entries():
        if is_stale(entry.reviewed, today):
            reviewed = parse_reviewed(entry.reviewed)
            found.append(StaleEntry(entry, reviewed, months_between(reviewed, today) if reviewed else None))
    return sorted(found, key=lambda s: (s.reviewed or date.min, s.entry.path, s.line))
