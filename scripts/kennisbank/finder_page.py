"""The /vinden/ page's form, facets, map and no-JavaScript fallback (a macro for docs/vinden.md)."""
from __future__ import annotations

from markupsafe import Markup

from .model import KINDS
from .render import _environment
from .search_index import FACETS, KIND_CODES, KIND_LABELS
from .site import STATE
from .vocab import load_vocabularies
from .wijkmap import credit, wijk_map_svg

LEGENDS = {"thema": "Thema", "niveau": "Onderwijsniveau", "district": "District",
           "vorm": "Vorm van ondersteuning", "bewijs": "Bewijsniveau", "kosten": "Kosten"}


def finder() -> str:
    vocab = load_vocabularies()
    corpus = STATE.corpus
    themes = []
    for term in vocab.terms["themes"].values():
        counts = {kind: sum(term.id in e.themes for e in corpus.of_kind(kind).values()) for kind in KINDS}
        themes.append({"id": term.id, "label": term.label, **counts})
    facets = [{"param": param, "legend": LEGENDS[param], "terms": list(vocab.terms[FACETS[param]].values()),
               "open": param == "thema"} for param in LEGENDS]
    districts = [{"label": d.label, "wijken": [vocab.terms["wijken"][w] for w in vocab.wijken_of_district(d.id)]}
                 for d in vocab.terms["districts"].values()]
    html = _environment().get_template("finder.html.j2").render(
        themes=themes, facets=facets, districts=districts, ages=range(2, 26),
        kinds=[(code, KIND_LABELS[kind]) for kind, code in KIND_CODES.items()],
        map=Markup(wijk_map_svg()), credit=credit())
    return html
