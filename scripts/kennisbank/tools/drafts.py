"""What every part of `make new` and the issue-form import shares: the kinds of entry a draft can
be, the questions asked for each, and the error that says, in Dutch, why no draft was made."""
from __future__ import annotations

from dataclasses import dataclass

from kennisbank.content import paths
from kennisbank.content.model import KINDS

# Dutch and English names of a kind, as typed on the command line or chosen in `make new`.
KIND_NAMES = {"praktijk": "practice", "partner": "partner", "stappenplan": "guide",
              "practice": "practice", "guide": "guide"}
DUTCH = {name: kind.singular for name, kind in KINDS.items()}
THE = {"practice": "de praktijk", "partner": "de partner", "guide": "het stappenplan"}
TITLE_FIELD = {"practice": "title", "partner": "name", "guide": "title"}
# The fields `make new` asks for, each with the vocabulary that lists its choices.
KEY_FIELDS = {
    "practice": [("themes", "themes"), ("levels", "levels"), ("audience", "roles")],
    "partner": [("themes", "themes"), ("support_forms", "support_forms")],
    "guide": [("themes", "themes"), ("audience", "roles")],
}
QUESTIONS = {"themes": "Over welke thema's gaat het?", "levels": "Voor welke onderwijsniveaus?",
             "audience": "Voor wie is het bedoeld?",
             "support_forms": "Welke vormen van ondersteuning biedt de partner?"}


class ScaffoldError(Exception):
    """A new entry cannot be made; the message says why, in Dutch, and what to do."""


@dataclass
class Created:
    kind: str
    id: str
    path: str  # relative to the content root
    line: int  # where the new entry starts


def relpath_of(kind: str, entry_id: str) -> str:
    if kind == "practice":
        return f"{paths.PRACTICES_DIR}/{entry_id}.md"
    if kind == "guide":
        return f"{paths.GUIDES_DIR}/{entry_id}.yaml"
    return paths.PARTNERS_FILE
