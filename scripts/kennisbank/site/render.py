"""Turn the corpus into Markdown pages: one per entry, plus the listing pages.

The pages exist only in memory; the mkdocs hook hands them to MkDocs as generated files.
Links between pages are written as relative links to `.md` files, so MkDocs checks them
(a broken one fails the strict build) and turns them into URLs.
"""
from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from urllib.parse import quote, urlsplit

import jinja2

from kennisbank.content import paths
from kennisbank.content.freshness import is_stale, years_text
from kennisbank.content.model import Corpus, Entry
from kennisbank.content.publication import build_day, page_url
from kennisbank.content.vocab import Vocabularies, load_vocabularies
from kennisbank.content.wording import count_noun
from kennisbank.site.glance import area_short, body_sections, icon, month_year, short_duration
from kennisbank.site.listings import ListingPages, sort_key
from kennisbank.site.serving import TEMPLATE_CACHE

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
AREA_SCOPES = {"vlaanderen": "Heel Vlaanderen", "provincie": "Provincie Antwerpen", "stad": "Heel Antwerpen"}
_MD_SPECIAL = re.compile(r"[\\`*_\[\]|]|^#|^[-+>](?= )|(?<=^\d)(?=\. )|(?<=^\d\d)(?=\. )", re.M)


def md_escape(text) -> str:
    """Plain text, safe to put inside Markdown (no emphasis, links or HTML)."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(), text)


def rel(page_src: str, target_src: str) -> str:
    """Relative link from one source file to another, e.g. '../partners/x.md'."""
    return posixpath.relpath(target_src, posixpath.dirname(page_src) or ".")


def url_of(src: str) -> str:
    """Site URL of a source file with directory URLs: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/'."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def rel_url(page_src: str, target_src: str) -> str:
    """Relative URL from one page to another, for raw HTML (which MkDocs does not rewrite)."""
    here, there = url_of(page_src).rstrip("/") or ".", url_of(target_src).rstrip("/") or "."
    return posixpath.relpath(there, here) + "/"


def long_date(value: str) -> str:
    day = date.fromisoformat(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def display_url(url: str) -> str:
    parts = urlsplit(url)
    return (parts.netloc + parts.path).removeprefix("www.").rstrip("/")


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip(), re.S)
    return (match.group(1) if match else text).replace("\n", " ")


def mailto(template: dict) -> str:
    query = f"subject={quote(template['subject'])}&body={quote(template['body'])}"
    return f"mailto:{template['to']}?{query}"


def service_area_text(entry: Entry, vocab: Vocabularies) -> str:
    area = entry.data["service_area"]
    scope = area["scope"]
    if scope in AREA_SCOPES:
        text = AREA_SCOPES[scope]
    elif scope == "districten":
        text = "District " + ", ".join(vocab.label("districts", d) for d in area["districts"])
    else:
        text = ", ".join(vocab.terms["wijken"][w].description for w in area["wijken"])
    return md_escape(text) + (f". {area['description']}" if area.get("description") else "")


def _escape_text(text) -> str:
    """Text for between HTML tags, escaped as python-markdown does (quotes stay)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """One environment for the Markdown and the HTML templates (autoescape is off: each value
    says how it is escaped, `md`, `h` or `e`)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths.TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=TEMPLATE_CACHE,  # compiled once, kept in the build cache
    )
    env.filters.update(md=md_escape, h=_escape_text, rel=rel, rel_url=rel_url, long_date=long_date,
                       display_url=display_url, first_sentence=first_sentence)
    env.globals.update(mailto=mailto)
    return env


def front_matter(meta: dict) -> str:
    """A page's front matter. JSON is YAML too, and much faster to write than yaml.safe_dump."""
    return "---\n" + json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n---\n"


def html_template(name: str) -> jinja2.Template:
    return _environment().get_template(f"{name}.html.j2")


class PageRenderer(ListingPages):
    """Renders every generated page for one corpus (the listing pages: see listings.py)."""

    def __init__(self, corpus: Corpus, vocab: Vocabularies | None = None, site_url: str | None = None,
                 repository: str | None = None, today: date | None = None,
                 structured_data: Callable[[Entry, Vocabularies, str], str] | None = None):
        self.corpus = corpus
        self.structured_data = structured_data  # JSON-LD for an entry page, given by the caller
        self.vocab = vocab or load_vocabularies()
        self.site_url = site_url  # for the absolute page addresses in the JSON-LD
        self.repository = (repository or "").rstrip("/")  # for 'Bewerk deze pagina' and 'Meld een correctie'
        self.today = today or build_day(corpus)  # the age of the sources is counted to this day
        self._seen: dict[tuple[str, str], str] = {}
        env = _environment()
        self.globals = dict(
            label=self.vocab.label,
            rank=self.vocab.rank,
            count=lambda name: len(self.vocab.terms[name]),
            step_refs=self._step_refs,
            edit_links=self._edit_links,
            is_stale=lambda entry: is_stale(entry, self.today),
            source_years=years_text,
            count_noun=count_noun,
            icon=icon,
            month_year=month_year,
            area_short=lambda entry: area_short(entry, self.vocab),
            body_sections=body_sections,
            short_duration=short_duration,
            labels=lambda name, ids: ", ".join(self.vocab.label(name, i) for i in ids or []),
            short_labels=self._short_labels,
            partner=lambda entry_id: self.corpus.get("partner", entry_id),
        )
        self.templates = {name: env.get_template(f"{name}.md.j2")
                          for name in ("practice", "partner", "guide", "theme", "themes_index", "kind_index")}

    def _short_labels(self, name: str, ids) -> str:
        """'kleuter, lager, sec. 1e graad': the vocabulary's short labels, for the at-a-glance strip."""
        terms = self.vocab.terms[name]
        return ", ".join(terms[i].extra.get("short", terms[i].label) if i in terms else i for i in ids or [])

    def _render(self, template: str, page: str, meta: dict, **context) -> str:
        body = self.templates[template].render(page=page, **self.globals, **context)
        body = re.sub(r"\n{3,}", "\n\n", body)
        return front_matter(meta) + "\n" + body

    def _edit_links(self, entry: Entry) -> dict | None:
        """Where to change this page: its source file on GitHub, and the correction form; None
        when the repository is not known (no link is better than a guess)."""
        if not self.repository:
            return None
        address = page_url(entry, self.site_url)
        line = entry.source_line if entry.kind.name == "partner" else None
        return {
            "edit": f"{self.repository}/edit/main/{entry.path}",
            "source": entry.path + (f", regel {line}" if line else ""),
            "correct": f"{self.repository}/issues/new?template=correctie.yml&pagina={quote(address, safe='')}",
        }

    def _refs(self, entry: Entry, field: str, kind: str) -> list[Entry]:
        found = (self.corpus.get(kind, ref) for ref in entry.data.get(field, []) or [])
        return [e for e in found if e is not None]

    def _step_refs(self, step: dict, field: str) -> list[Entry]:
        kind = {"partners": "partner", "practices": "practice"}[field]
        found = (self.corpus.get(kind, ref) for ref in step.get(field, []) or [])
        return [e for e in found if e is not None]

    def _mentions(self, entry: Entry, kind: str) -> list[Entry]:
        return sorted((e for e in self.corpus.mentioned_by(entry) if e.kind.name == kind), key=sort_key)

    def meta(self, entry: Entry) -> dict:
        """The page's front matter (also given to a build shard's stub of the page)."""
        summary = entry.data.get("summary") or first_sentence(entry.data.get("description", ""))
        # Without the site's address, './' (the page itself, in JSON-LD terms) stands for the page.
        url = page_url(entry, self.site_url) if self.site_url else "./"
        return {"title": entry.title, "description": " ".join(summary.split()), "render_macros": False,
                "kb_kind": entry.kind.name, "kb_id": entry.id, "kb_source": entry.path,
                "kb_checked": entry.checked,
                "kb_jsonld": self.structured_data(entry, self.vocab, url) if self.structured_data else ""}

    def page_key(self, entry: Entry) -> str:
        """A hash of everything of the content that the entry's page shows: the entry itself
        (with its file and line, for the edit links), what it shows of every entry it links to
        or that links to it (see _as_seen), and the day its sources' age is counted to. What is
        global to every page (templates, vocabularies, code, settings) is in the cache's key."""
        linked = [[kind, ref, self._as_seen(found) if (found := self.corpus.get(kind, ref)) else None]
                  for kind, refs in sorted(entry.references().items()) for ref, _ in refs]
        back = sorted(self._as_seen(e) for e in self.corpus.mentioned_by(entry))
        # The entry itself: the bytes it was read from, when known (quicker than its data).
        own = entry.source_key or json.dumps(
            [entry.kind.name, entry.id, entry.path, entry.source_line, entry.data, entry.body],
            ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
        digest = hashlib.sha256(own)
        digest.update(json.dumps([linked, back, self.today.isoformat()], ensure_ascii=False).encode("utf-8"))
        return digest.hexdigest()

    def _as_seen(self, entry: Entry) -> str:
        """All a page shows of another entry: a link, title, summary; stopped ones sort last."""
        key = (entry.kind.name, entry.id)
        if key not in self._seen:
            self._seen[key] = json.dumps([entry.kind.name, entry.id, entry.title, entry.data.get("summary"),
                                          entry.data.get("description"), entry.is_stopped], ensure_ascii=False)
        return self._seen[key]

    def listings_key(self) -> str:
        """A hash of all the listing pages show: every entry's title, summary, themes, status."""
        rows = sorted([e.kind.name, e.id, e.title, e.data.get("summary"), e.data.get("description"),
                       e.is_stopped, e.themes] for e in self.corpus.entries())
        text = json.dumps(rows, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _entry_context(self, entry: Entry) -> tuple[str, dict]:
        """The template of an entry's page, and what it shows besides the entry."""
        if entry.kind.name == "practice":
            return "practice", dict(e=entry, body=entry.body.strip(),
                                    partners=self._refs(entry, "partners", "partner"),
                                    guides=self._refs(entry, "guides", "guide"),
                                    related=self._refs(entry, "related_practices", "practice"))
        if entry.kind.name == "partner":
            return "partner", dict(e=entry, area=service_area_text(entry, self.vocab),
                                   practices=self._mentions(entry, "practice"),
                                   guides=self._mentions(entry, "guide"))
        partners = _unique([*self._refs(entry, "partners", "partner"),
                            *(p for s in entry.data["steps"] for p in self._step_refs(s, "partners"))])
        practices = _unique([*self._refs(entry, "practices", "practice"),
                             *(p for s in entry.data["steps"] for p in self._step_refs(s, "practices")),
                             *self._mentions(entry, "practice")])
        return "guide", dict(e=entry, partners=partners, practices=practices)

    def entry_page(self, entry: Entry) -> str:
        """The entry's page written in Markdown, as a MkDocs site would have it: the benchmark's
        floor builds these. The site renders entry_html, which tests/site/test_entry_html.py
        holds to the same HTML."""
        name, context = self._entry_context(entry)
        return self._render(name, entry.src_uri, self.meta(entry), **context)

    def entry_source(self, entry: Entry) -> str:
        """What MkDocs reads of an entry's page: its front matter (the page renders entry_html)."""
        return self.front_matter(self.meta(entry))

    front_matter = staticmethod(front_matter)
    html_template = staticmethod(html_template)

    def entry_html(self, entry: Entry, slots) -> str:
        """The entry's page as HTML, with the Markdown parts in `slots` (see entry_html.py)."""
        name, context = self._entry_context(entry)
        return html_template(name).render(page=entry.src_uri, s=slots, **self.globals, **context)

def _unique(entries: list[Entry]) -> list[Entry]:
    seen, result = set(), []
    for entry in entries:
        if (entry.kind.name, entry.id) not in seen:
            seen.add((entry.kind.name, entry.id))
            result.append(entry)
    return result
