"""The finder's facets, declared once: the URL parameter, the vocabulary behind it and the legend
the form shows. The search index and the finder page both read this list."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    param: str  # URL parameter on /vinden/
    vocabulary: str  # name in schemas/vocabularies.yaml (or districts / wijken)
    legend: str  # the form's legend
    on_form: bool = True  # False: chosen on the map or in the wijk list, not with checkboxes


FACETS = (
    Facet("thema", "themes", "Thema"),
    Facet("niveau", "levels", "Onderwijsniveau"),
    Facet("district", "districts", "District"),
    Facet("wijk", "wijken", "Wijk", on_form=False),
    Facet("vorm", "support_forms", "Vorm van ondersteuning"),
    Facet("bewijs", "evidence", "Bewijsniveau"),
    Facet("kosten", "costs", "Kosten"),
    Facet("taal", "languages", "Spreekt ook"),
)
FACET_VOCABULARIES = {f.param: f.vocabulary for f in FACETS}
