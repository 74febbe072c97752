"""The /vinden/ page's form, facets, map and no-JavaScript fallback (a macro for docs/vinden.md)."""
from __future__ import annotations

from markupsafe import Markup

from kennisbank.content.facets import FACETS
from kennisbank.content.loader import current_corpus
from kennisbank.content.model import KINDS
from kennisbank.content.vocab import load_vocabularies
from kennisbank.site.render import _environment
from kennisbank.site.wijkmap import credit, wijk_map_svg

POPULAR_WIJK_NAMES = "synoniemen.yaml"



def finder() -> str:
    vocab = load_vocabularies()
    corpus = current_corpus()
    themes = []
    for term in vocab.terms["themes"].values():
        counts = {kind: sum(term.id in e.themes for e in corpus.of_kind(kind).values()) for kind in KINDS}
        themes.append({"id": term.id, "label": term.label, **counts})
    facets = [{"param": f.param, "legend": f.legend, "terms": list(vocab.terms[f.vocabulary].values()),
               "open": f.param == "thema"} for f in FACETS if f.on_form]
    districts = [{"label": d.label, "wijken": [vocab.terms["wijken"][w] for w in vocab.wijken_of_district(d.id)]}
                 for d in vocab.terms["districts"].values()]
    html = _environment().get_template("finder.html.j2").render(
        themes=themes, facets=facets, districts=districts, ages=range(2, 26),
        kinds=[(k.code, k.label) for k in KINDS.values()] + [("pagina", "Pagina")],
        popular=_popular_wijk_names(),
        map=Markup(wijk_map_svg()), credit=credit())
    return html


def _popular_wijk_names() -> list[dict]:
    """Popular names of wijken from schemas/synoniemen.yaml (read as data: the site package
    does not import the search package)."""
    import yaml

    from kennisbank.content import paths
    data = yaml.safe_load((paths.SCHEMAS_DIR / POPULAR_WIJK_NAMES).read_text(encoding="utf-8"))
    return data.get("wijknamen", [])
