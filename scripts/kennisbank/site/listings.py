"""The listing pages: one per theme, the themes' index and the index of each kind."""
from __future__ import annotations

from functools import cached_property

from kennisbank.content.model import KINDS, Entry


class ListingPages:
    """The listing pages of a PageRenderer (which gives `corpus`, `vocab`, `globals`, `_render`,
    `front_matter` and `html_template`)."""

    def _theme_plans(self) -> dict[str, tuple[str, dict, dict]]:
        plans = {}
        by_theme: dict[str, dict[str, list[Entry]]] = {t: {k: [] for k in KINDS} for t in self.vocab.terms["themes"]}
        for entry in sorted(self.corpus.entries(), key=sort_key):
            for theme in entry.themes:
                by_theme[theme][entry.kind.name].append(entry)
        for theme_id, term in self.vocab.terms["themes"].items():
            groups = by_theme[theme_id]
            meta = {"title": term.label, "description": term.description, "render_macros": False}
            plans[f"themas/{theme_id}.md"] = ("theme", meta, dict(
                theme=term, practices=groups["practice"], guides=groups["guide"], partners=groups["partner"]))
        counts = {t: {k: len(v) for k, v in kinds.items()} for t, kinds in by_theme.items()}
        meta = {"title": "Thema's", "description": "Alle thema's van de kennisbank.", "render_macros": False}
        plans["themas/index.md"] = ("themes_index", meta, dict(
            themes=list(self.vocab.terms["themes"].values()), counts=counts))
        return plans

    def _kind_plan(self, kind: str, heading: str, lead: str) -> tuple[str, dict, dict]:
        entries = sorted(self.corpus.of_kind(kind).values(), key=sort_key)
        themes = []
        for term in self.vocab.terms["themes"].values():
            n = sum(term.id in e.themes for e in entries)
            if n:
                themes.append({"id": term.id, "label": term.label, "count": n})
        meta = {"title": heading, "description": lead, "render_macros": False}
        code = {"practice": "praktijk", "partner": "partner", "guide": "stappenplan"}[kind]
        return "kind_index", meta, dict(heading=heading, lead=lead, kind=kind, code=code,
                                        plural=KINDS[kind].plural, themes=themes, entries=entries)

    KIND_INDEXES = (
        ("practice", "Praktijken", "Methodes die werken in Antwerpse scholen: concreet, met stappen, "
                                   "tijd en kosten, en hoe je het effect meet."),
        ("partner", "Partners", "De sociale kaart: organisaties waarop je school een beroep kan doen, "
                                "voor wie ze werken en hoe je hen bereikt."),
        ("guide", "Stappenplannen", "Stap voor stap: wie doet wat en wat komt eruit."),
    )

    @cached_property
    def _listing_plans(self) -> dict[str, tuple[str, dict, dict]]:
        """Per listing page: its template, front matter and what it lists (made once)."""
        plans = self._theme_plans()
        for kind, heading, lead in self.KIND_INDEXES:
            plans[f"{KINDS[kind].url_prefix}/index.md"] = self._kind_plan(kind, heading, lead)
        return plans

    def listing_pages(self) -> dict[str, str]:
        """The theme pages and the index page of each kind, written in Markdown (the benchmark's
        floor builds these; the site renders the larger ones with listing_html)."""
        return {src: self._render(template, src, meta, **context)
                for src, (template, meta, context) in self._listing_plans.items()}

    HTML_LISTINGS = ("theme", "kind_index")  # with a template .html.j2: they list thousands of entries

    def listing_sources(self, as_html: bool = True) -> dict[str, str]:
        """What MkDocs reads of each listing page: the front matter of those rendered as HTML
        (listing_html, marked by kb_listing), the others in Markdown."""
        sources = {}
        for src, (template, meta, context) in self._listing_plans.items():
            if as_html and template in self.HTML_LISTINGS:
                sources[src] = self.front_matter({**meta, "kb_listing": src})
            else:
                sources[src] = self._render(template, src, meta, **context)
        return sources

    def listing_html(self, src: str, slots) -> str:
        """A listing page as HTML, with its Markdown parts in `slots` (see entry_html.py)."""
        template, _, context = self._listing_plans[src]
        return self.html_template(template).render(page=src, s=slots, **self.globals, **context)

    def listing_paths(self) -> list[str]:
        return [f"themas/{t}.md" for t in self.vocab.terms["themes"]] + ["themas/index.md"] + \
            [f"{KINDS[kind].url_prefix}/index.md" for kind, _, _ in self.KIND_INDEXES]


def sort_key(entry: Entry) -> tuple:
    """Alphabetical; partners that stopped come last."""
    return (entry.is_stopped, entry.title.lower(), entry.id)
