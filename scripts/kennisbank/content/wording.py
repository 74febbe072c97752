"""Dutch wording shared by the pages and the command-line tools."""
from __future__ import annotations


def count_noun(n: int, singular: str, plural: str) -> str:
    """'1 praktijk', '2 praktijken', '0 praktijken': the number with the right form of the noun."""
    return f"{n} {singular if n == 1 else plural}"
