"""The listing pages: one per theme, the themes' index and the index of each kind."""
from __future__ import annotations

from kennisbank.content.model import KINDS, Entry


class ListingPages:
    """The listing pages of a PageRenderer (which gives `corpus`, `vocab` and `_render`)."""

    def theme_pages(self) -> dict[str, str]:
        pages = {}
        by_theme: dict[str, dict[str, list[Entry]]] = {t: {k: [] for k in KINDS} for t in self.vocab.terms["themes"]}
        for entry in sorted(self.corpus.entries(), key=sort_key):
            for theme in entry.themes:
                by_theme[theme][entry.kind.name].append(entry)
        for theme_id, term in self.vocab.terms["themes"].items():
            src = f"themas/{theme_id}.md"
            groups = by_theme[theme_id]
            meta = {"title": term.label, "description": term.description, "render_macros": False}
            pages[src] = self._render("theme", src, meta, theme=term, practices=groups["practice"],
                                      guides=groups["guide"], partners=groups["partner"])
        counts = {t: {k: len(v) for k, v in kinds.items()} for t, kinds in by_theme.items()}
        meta = {"title": "Thema's", "description": "Alle thema's van de kennisbank.", "render_macros": False}
        pages["themas/index.md"] = self._render("themes_index", "themas/index.md", meta,
                                                themes=list(self.vocab.terms["themes"].values()), counts=counts)
        return pages

    def kind_index(self, kind: str, heading: str, lead: str) -> tuple[str, str]:
        src = f"{KINDS[kind].url_prefix}/index.md"
        entries = sorted(self.corpus.of_kind(kind).values(), key=sort_key)
        themes = []
        for term in self.vocab.terms["themes"].values():
            n = sum(term.id in e.themes for e in entries)
            if n:
                themes.append({"id": term.id, "label": term.label, "count": n})
        meta = {"title": heading, "description": lead, "render_macros": False}
        code = {"practice": "praktijk", "partner": "partner", "guide": "stappenplan"}[kind]
        return src, self._render("kind_index", src, meta, heading=heading, lead=lead, kind=kind, code=code,
                                 plural=KINDS[kind].plural, themes=themes, entries=entries)

    KIND_INDEXES = (
        ("practice", "Praktijken", "Methodes die werken in Antwerpse scholen: concreet, met stappen, "
                                   "tijd en kosten, en hoe je het effect meet."),
        ("partner", "Partners", "De sociale kaart: organisaties waarop je school een beroep kan doen, "
                                "voor wie ze werken en hoe je hen bereikt."),
        ("guide", "Stappenplannen", "Stap voor stap: wie doet wat en wat komt eruit."),
    )

    def listing_pages(self) -> dict[str, str]:
        """The theme pages and the index page of each kind."""
        pages = self.theme_pages()
        for kind, heading, lead in self.KIND_INDEXES:
            src, text = self.kind_index(kind, heading, lead)
            pages[src] = text
        return pages

    def listing_sources(self) -> list[str]:
        return [f"themas/{t}.md" for t in self.vocab.terms["themes"]] + ["themas/index.md"] + \
            [f"{KINDS[kind].url_prefix}/index.md" for kind, _, _ in self.KIND_INDEXES]


def sort_key(entry: Entry) -> tuple:
    """Alphabetical; partners that stopped come last."""
    return (entry.is_stopped, entry.title.lower(), entry.id)
