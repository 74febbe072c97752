"""Macros for the hand-written pages: counts, the evidence ladder and the vocabularies.

They read the corpus at call time (the hook loads it in on_config), so a page always shows the
content of the current build.
"""
from __future__ import annotations

from markupsafe import escape

from .finder_page import finder
from .model import KINDS
from .render import md_escape
from .site import STATE
from .vocab import WIJK_CREDIT, load_vocabularies


def count(kind: str) -> int:
    """Number of published entries of a kind: 'practice', 'partner' or 'guide'."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    return len(STATE.corpus.of_kind(kind))


def evidence_ladder() -> str:
    """The evidence ladder, from the lowest step up, with the practices on each step."""
    vocab = load_vocabularies()
    steps = list(vocab.terms["evidence"].values())
    parts = ['<ol class="kb-ladder">']
    for number, term in enumerate(steps, start=1):
        practices = sorted((p for p in STATE.corpus.practices.values() if p.data["evidence"]["level"] == term.id),
                           key=lambda p: p.title.lower())
        links = "".join(f'<li><a href="../{p.url}">{escape(p.title)}</a></li>' for p in practices)
        listing = f'<details><summary>{len(practices)} praktijken op deze trede</summary><ul>{links}</ul></details>' \
            if practices else "<p>Nog geen praktijken op deze trede.</p>"
        parts.append(f'<li class="kb-ladder__step" id="{term.id}"><h2>Trede {number}: {escape(term.label)}</h2>'
                     f"<p>{escape(term.description)}</p>{listing}</li>")
    parts.append("</ol>")
    return "\n".join(parts)


def vocabulary(name: str) -> str:
    """A vocabulary as a definition list (label and description)."""
    terms = load_vocabularies().terms[name].values()
    return "\n\n".join(f"{md_escape(t.label)}\n:   {md_escape(t.description)}" for t in terms)


def register(env) -> None:
    for function in (count, evidence_ladder, vocabulary, finder):
        env.macro(function)
    env.variables["wijk_credit"] = WIJK_CREDIT
