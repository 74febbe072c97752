"""Macros for the hand-written pages: counts, the evidence ladder and the vocabularies.

They read the corpus at call time (the hook loads it in on_config), so a page always shows the
content of the current build.
"""
from __future__ import annotations

from markupsafe import escape

from kennisbank.content import paths
from kennisbank.content.loader import current_corpus
from kennisbank.content.model import KINDS
from kennisbank.content.vocab import WIJK_CREDIT, load_vocabularies
from kennisbank.content.wording import count_noun
from kennisbank.site.finder_page import finder
from kennisbank.site.render import md_escape, rel
from kennisbank.site.repository import repository_url
from kennisbank.site.selfscan_page import zelfscan, zelfscan_sources


def count(kind: str) -> int:
    """Number of published entries of a kind: 'practice', 'partner' or 'guide'."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    return len(current_corpus().of_kind(kind))


def evidence_ladder() -> str:
    """The evidence ladder, from the lowest step up, with the practices on each step."""
    vocab = load_vocabularies()
    steps = list(vocab.terms["evidence"].values())
    parts = ['<ol class="kb-ladder">']
    for number, term in enumerate(steps, start=1):
        practices = sorted((p for p in current_corpus().practices.values() if p.data["evidence"]["level"] == term.id),
                           key=lambda p: p.title.lower())
        links = "".join(f'<li><a href="../{p.url}">{escape(p.title)}</a></li>' for p in practices)
        listing = (f'<details><summary>{count_noun(len(practices), "praktijk", "praktijken")} op deze trede</summary>'
                   f"<ul>{links}</ul></details>"
                   if practices else "<p>Nog geen praktijken op deze trede.</p>")
        parts.append(f'<li class="kb-ladder__step" id="{term.id}"><h2>Trede {number}: {escape(term.label)}</h2>'
                     f"<p>{escape(term.description)}</p>{listing}</li>")
    parts.append("</ol>")
    return "\n".join(parts)


def vocabulary(name: str) -> str:
    """A vocabulary as a definition list (label and description)."""
    terms = load_vocabularies().terms[name].values()
    return "\n\n".join(f"{md_escape(t.label)}\n:   {md_escape(t.description)}" for t in terms)


def vocabulary_sections(name: str, prefix: str) -> str:
    """A vocabulary as short sections, each with an anchor `prefix-id` that pages link to."""
    terms = load_vocabularies().terms[name].values()
    return "\n\n".join(f"### {md_escape(t.label)} {{ #{prefix}-{t.id} }}\n\n{md_escape(t.description)}" for t in terms)


def entry_link(kind: str, entry_id: str, text: str | None = None, page_src: str = "index.md") -> str:
    """A Markdown link from a hand-written page to an entry, checked against the content.

    With the repository's content a missing entry stops the build. With another corpus (the
    tests' fixtures, the benchmark's synthetic one: KENNISBANK_CONTENT is set) it is plain text.
    """
    entry = current_corpus().get(kind, entry_id)
    if entry is None:
        if paths.content_root() == paths.ROOT:
            raise ValueError(f"link: {kind} '{entry_id}' bestaat niet")
        return md_escape(text or entry_id)
    return f"[{md_escape(text or entry.title)}]({rel(page_src, entry.src_uri)})"


def register(env) -> None:
    for function in (count, evidence_ladder, vocabulary, vocabulary_sections, finder, zelfscan, zelfscan_sources):
        env.macro(function)
    env.variables["wijk_credit"] = WIJK_CREDIT
    # Where the source lives (for the contribution links), or '' when nobody said: then the pages
    # name the files instead of linking to a guess.
    env.variables["repository"] = env.conf.extra.get("repository") or repository_url(paths.ROOT) or ""

    @env.macro
    def link(kind: str, entry_id: str, text: str | None = None) -> str:
        """{{ link("guide", "verkennend-gesprek-aanvragen") }}: a checked link to an entry."""
        return entry_link(kind, entry_id, text, env.page.file.src_uri)
