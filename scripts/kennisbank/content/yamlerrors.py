"""A YAML syntax error in Dutch, with a hint that fits the slip.

PyYAML says what it expected in English ("mapping values are not allowed here"). We say the same
in Dutch and, when the lines around the error are indented unlike each other, which line goes
too far (over-indentation: a field becomes part of the value above it) or not far enough
(under-indentation: a field falls out of its item).
"""
from __future__ import annotations

import re

# PyYAML's message (its start) -> what it means, in Dutch.
MESSAGES = [
    ("mapping values are not allowed", "hier kan geen 'veld: waarde' beginnen"),
    ("did not find expected key", "hier verwachtte ik een veldnaam"),
    ("did not find expected '-' indicator", "hier verwachtte ik een lijstitem dat met '- ' begint"),
    ("could not find expected ':'", "de dubbelpunt na een veldnaam ontbreekt"),
    ("found character that cannot start any token",
     "hier staat een teken waarmee niets kan beginnen (een tab, of een '@' of '`' vooraan)"),
    ("found character '\\t' that cannot start any token", "er staat een tab"),
    ("found character '\\t'", "er staat een tab"),
    ("found character '@' that cannot start any token", "een waarde kan niet met '@' beginnen"),
    ("found character '`' that cannot start any token", "een waarde kan niet met '`' beginnen"),
    ("expected <block end>", "de inspringing klopt niet: een blok loopt niet af waar het zou moeten"),
    ("did not find expected node content", "hier ontbreekt een waarde"),
    ("found unexpected end of stream", "het bestand houdt onverwacht op"),
    ("found unexpected ':'", "onverwachte dubbelpunt"),
    ("found undefined tag handle", "onbekende tag (een woord met '!')"),
    ("expected a single document in the stream", "er staat een tweede document in het bestand"),
    ("found unknown escape character", "onbekend teken na een '\\' in tekst tussen dubbele aanhalingstekens"),
    ("expected ',' or ']'", "een lijst tussen [ en ] is niet goed afgesloten"),
    ("did not find expected ',' or ']'", "een lijst tussen [ en ] is niet goed afgesloten"),
    ("did not find expected ',' or '}'", "een groep tussen { en } is niet goed afgesloten"),
    ("expected ',' or '}'", "een groep tussen { en } is niet goed afgesloten"),
    ("found a tab character that violates indentation", "er staat een tab in de inspringing"),
    ("expected alphabetic or numeric character", "na '&' of '*' moet een naam staan"),
    ("found duplicate anchor", "hetzelfde anker (&) staat er twee keer"),
]
_FALLBACK_HINT = "controleer inspringing, dubbelpunten en aanhalingstekens op of vlak voor deze regel"
_HINTS = {
    "mapping values are not allowed": "staat er een dubbelpunt in de tekst? "
                                      "Zet dan de hele waarde tussen aanhalingstekens",
    "found character '\\t'": "gebruik spaties om in te springen, geen tabs",
    "found character that cannot start any token": "gebruik spaties om in te springen, geen tabs; zet tekst die "
                                                   "met '@' of '`' begint tussen aanhalingstekens",
    "found a tab character": "gebruik spaties om in te springen, geen tabs",
    "expected a single document": "er staat een tweede '---' in het bestand; verwijder die",
    "could not find expected ':'": "zet na elke veldnaam een dubbelpunt en een spatie",
    "found undefined tag handle": "verwijder het woord met '!' ervoor",
    "found unexpected end of stream": "staat er ergens een aanhalingsteken dat niet gesloten wordt?",
}
_KEY = re.compile(r"^( *)(- +)?([A-Za-z_][\w-]*):(\s|$)")


def dutch(message: str) -> str:
    for start, text in MESSAGES:
        if message.startswith(start):
            return text
    return f"ongeldige YAML ({message})"


def _meaningful(lines: list[str], index: int, step: int) -> int | None:
    """The nearest line from `index` on (going `step`) that is not blank or a comment."""
    while 0 <= index < len(lines):
        if lines[index].strip() and not lines[index].lstrip().startswith("#"):
            return index
        index += step
    return None


def _key_column(line: str) -> int | None:
    """Where the field name starts ('  - id: x' -> 4), or None when the line is no 'key:' line."""
    match = _KEY.match(line)
    return len(match.group(1)) + len(match.group(2) or "") if match else None


def _spaces(count: int) -> str:
    return "1 spatie" if count == 1 else f"{count} spaties"


def indentation_hint(text: str, line: int, message: str) -> str | None:
    """Over- or under-indentation of the error line (1-based within `text`) or the line above it."""
    lines = text.splitlines()
    here = _meaningful(lines, line - 1, -1) if 0 < line <= len(lines) else None
    if here is None:
        return None
    above = _meaningful(lines, here - 1, -1)
    if above is None:
        return None
    column, above_column = _key_column(lines[here]), _key_column(lines[above])
    if column is None or above_column is None:
        return None
    above_is_value = not re.search(r":\s*(\||>)?[-+]?\s*$", lines[above])  # 'key: value', not 'key:' + block
    if column > above_column and above_is_value and message.startswith("mapping values are not allowed"):
        return (f"regel {here + 1} springt {_spaces(column - above_column)} verder in dan het veld op regel "
                f"{above + 1}, zodat YAML hem leest als een vervolg van die waarde: zet de veldnaam even ver "
                "als de velden erboven (te ver ingesprongen)")
    if column < above_column and message.startswith(("did not find expected", "expected <block end>")):
        return (f"regel {here + 1} springt {_spaces(above_column - column)} minder ver in dan het veld op regel "
                f"{above + 1}: zet de veldnaam even ver als de andere velden van hetzelfde item (te weinig "
                "ingesprongen)")
    return None


def explain(message: str, text: str, line: int) -> tuple[str, str]:
    """(what is wrong, how to fix it) for PyYAML's `message` at `line` (1-based within `text`)."""
    hint = indentation_hint(text, line, message)
    if hint is None:
        hint = next((h for start, h in _HINTS.items() if message.startswith(start)), _FALLBACK_HINT)
    return f"YAML-fout: {dutch(message)}", hint
