"""What the MkDocs hook does, as plain functions: load the content, add the generated pages and
assets, and guard the rendered HTML. `mkdocs_hooks.py` only forwards MkDocs events here.

While serving, content problems do not stop the server: they are logged in the terminal and
shown in a banner on every page, and the entries with problems are left out until fixed.
When building, any problem stops the build.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from kennisbank.content import paths
from kennisbank.content.loader import load_corpus
from kennisbank.content.model import KINDS, Corpus
from kennisbank.content.problems import Problem, format_problems
from kennisbank.content.safety import unsafe_html
from kennisbank.site import csp, page_cache
from kennisbank.site.markdown_links import ExternalLinksExtension
from kennisbank.site.render import PageRenderer
from kennisbank.site.repository import repository_url

log = logging.getLogger("mkdocs.plugins.kennisbank")


@dataclass
class State:
    command: str = "build"  # 'serve' or 'build'; set once by on_startup
    corpus: Corpus = field(default_factory=Corpus)
    problems: list[Problem] = field(default_factory=list)
    # A build may be split over processes: shard i of n renders every n-th entry page and
    # leaves the others as stubs that are not written (see building.py, which merges them).
    shard: tuple[int, int] = (0, 1)
    cache: page_cache.PageCache | None = None  # this build's entry pages kept from earlier builds


STATE = State()


def startup(command: str) -> None:
    STATE.command = command


def configure(config) -> None:
    """Load and validate the content; fail the build, or report while serving."""
    STATE.corpus, STATE.problems = load_corpus()
    config.markdown_extensions.append(ExternalLinksExtension())
    config.extra["kb_problems"] = []
    if not STATE.problems:
        return
    if STATE.command != "serve":
        raise PluginError("De inhoud bevat fouten:\n" + format_problems(STATE.problems))
    for problem in STATE.problems:
        log.warning(str(problem))
    config.extra["kb_problems"] = [str(p) for p in STATE.problems]


STUB_TEMPLATE = "kb-stub.html"  # an empty template: a stub page renders to nothing


def _stub(meta: dict) -> str:
    """A page with the same metadata (the sitemap reads it) and nothing to render."""
    meta = {**meta, "template": STUB_TEMPLATE, "render_macros": False}
    return "---\n" + json.dumps(meta, ensure_ascii=False, sort_keys=True) + "\n---\n"


_PARTNER_ID = re.compile(r"^\s*-\s+id:\s*['\"]?([a-z0-9-]+)", re.M)


def placeholder_pages(corpus: Corpus, problems: list[Problem]) -> dict[str, str]:
    """While serving: a Dutch page, at the address of each entry left out for its problems, that
    lists them. It carries the live-reload script, so it turns into the real page after the fix."""
    broken: dict[str, list[Problem]] = {}
    for problem in problems:
        folder, _, name = problem.path.partition("/")
        if folder == paths.PRACTICES_DIR and name.endswith(".md"):
            broken.setdefault(f"{KINDS['practice'].url_prefix}/{name[:-3]}.md", []).append(problem)
        elif folder == paths.GUIDES_DIR and name.endswith(".yaml"):
            broken.setdefault(f"{KINDS['guide'].url_prefix}/{name[:-5]}.md", []).append(problem)
        elif problem.path == paths.PARTNERS_FILE:
            try:
                text = (paths.content_root() / paths.PARTNERS_FILE).read_text(encoding="utf-8")
            except OSError:
                continue
            for partner_id in _PARTNER_ID.findall(text):
                if partner_id not in corpus.partners:
                    broken.setdefault(f"{KINDS['partner'].url_prefix}/{partner_id}.md", []).append(problem)
    pages = {}
    for src, found in broken.items():
        items = "\n".join(f"- `{str(p).replace('`', chr(39))}`" for p in sorted(set(found)))
        meta = {"title": "Deze pagina heeft een probleem", "render_macros": False}
        pages[src] = ("---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n\n"
                      "# Deze pagina heeft een probleem\n\n"
                      "De bron van deze pagina bevat een fout, daarom tonen we ze nog niet. "
                      "Los het op en bewaar het bestand: deze pagina herlaadt dan vanzelf.\n\n" + items + "\n")
    return pages


FIRST_SHARD_SHARE = 0.85  # shard 0 also makes the listing pages and the finder's data


def shard_entries(corpus: Corpus, shard: tuple[int, int]) -> list:
    """The entries whose pages shard `shard` = (i, n) renders, in a fixed order. Entries are
    dealt out in turn, each to the shard furthest behind its share."""
    index, count = shard
    entries = sorted(corpus.entries(), key=lambda e: (e.kind.name, e.id))
    if count == 1:
        return entries
    shares = [FIRST_SHARD_SHARE] + [1.0] * (count - 1)
    dealt = [0] * count
    mine = []
    for entry in entries:
        to = min(range(count), key=lambda i: ((dealt[i] + 1) / shares[i], i))
        dealt[to] += 1
        if to == index:
            mine.append(entry)
    return mine


@dataclass
class Extras:
    """What the site is given by the layers beside it (see kennisbank/hooks.py): JSON-LD for an
    entry page, the data files made from the corpus (finder data, open data, downloads) and the
    generated files that pages link to, which every build shard must know."""
    structured_data: Callable | None = None
    data_files: Callable[[Corpus, object], dict] = lambda corpus, config: {}
    linked_files: Callable[[], dict] = lambda: {}


def add_files(files: Files, config, extras: Extras | None = None) -> Files:
    """Add the pages and assets made from the content; they exist only in memory.

    Every shard knows every page (for the navigation and link checks), but only renders its
    own; shard 0 also makes the listing pages and the finder's data.
    """
    extras = extras or Extras()
    index, count = STATE.shard
    repository = config.extra.get("repository") or repository_url(paths.ROOT)
    renderer = PageRenderer(STATE.corpus, site_url=config.site_url, repository=repository,
                            structured_data=extras.structured_data)
    mine = {(e.kind.name, e.id) for e in shard_entries(STATE.corpus, STATE.shard)}
    generated: dict[str, str | bytes] = {}
    STATE.cache = page_cache.PageCache.open(_cache_settings(config))
    mine_srcs = set()
    for entry in STATE.corpus.entries():
        if (entry.kind.name, entry.id) in mine:
            generated[entry.src_uri] = renderer.entry_page(entry)
            mine_srcs.add(entry.src_uri)
        else:
            generated[entry.src_uri] = _stub(_stub_meta(renderer, entry))
    if index == 0:
        generated.update(renderer.listing_pages())
        generated.update(extras.data_files(STATE.corpus, config))
    else:
        generated.update({src: _stub({"title": src}) for src in renderer.listing_sources()})
        generated.update(extras.linked_files())
    if STATE.command == "serve" and STATE.problems and index == 0:
        generated.update({src: page for src, page in placeholder_pages(STATE.corpus, STATE.problems).items()
                          if src not in generated})
    for src_uri, content in generated.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            raise PluginError(f"docs/{src_uri} bestaat al, maar die pagina wordt uit de inhoud gemaakt: "
                              f"verwijder docs/{src_uri}")
        file = File.generated(config, src_uri, content=content)
        if STATE.cache and src_uri in mine_srcs and STATE.cache.lookup(src_uri, file.dest_uri, content):
            file.content_string = _stub(_front_matter(content))  # its stored HTML comes after the build
        files.append(file)
    return files


def _front_matter(text: str) -> dict:
    return {**json.loads(text[4:text.index("\n---\n", 4)]), "kb_jsonld": ""}  # a stub shows no JSON-LD


def _stub_meta(renderer: PageRenderer, entry) -> dict:
    """The metadata of a page that is not rendered here, without its JSON-LD (never shown)."""
    saved, renderer.structured_data = renderer.structured_data, None
    try:
        return renderer.meta(entry)
    finally:
        renderer.structured_data = saved


def _cache_settings(config) -> dict:
    return {"site_url": config.site_url, "extra": config.extra, "command": STATE.command,
            "directory_urls": config.use_directory_urls, "config": config.config_file_path,
            "docs": config.docs_dir}


def post_build(config) -> None:
    """Put the entry pages kept from earlier builds in place; forget the ones no page uses."""
    if STATE.cache:
        STATE.cache.place(config.site_dir)
        if STATE.shard[1] == 1:
            STATE.cache.prune()
        elif STATE.shard[0] == 0:
            STATE.cache.note_split()
    STATE.cache = None


def guard_page(html: str, page) -> str:
    """Second line of defence: a generated page must not contain script, whatever got through."""
    source = page.meta.get("kb_source")
    if not source:
        return html
    findings = unsafe_html(html)
    if not findings:
        return html
    what = ", ".join(sorted({w for _, w in findings}))
    message = f"{source}:1: de pagina bevat {what} — verwijder dit uit de bron"
    if STATE.command != "serve":
        raise PluginError(message)
    log.warning(message)
    return f"<p><strong>Deze pagina is niet getoond:</strong> {message}</p>"


def finish_page(html: str, page=None) -> str:
    """The Content-Security-Policy, on built pages (not while serving: live reload is inline).
    A stub renders to nothing, so MkDocs does not write it."""
    if page is not None and page.meta.get("template") == STUB_TEMPLATE:
        return ""
    html = html if STATE.command == "serve" else csp.add_policy(html)
    if page is not None and STATE.cache:
        STATE.cache.store(page.file.src_uri, html)
    return html


def finish_template(output: str, template_name: str) -> str:
    """Static theme pages (404.html) get the same policy as the others."""
    return finish_page(output) if template_name.endswith(".html") else output


class _TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept in memory across `mkdocs serve` rebuilds (MkDocs makes a
    new template environment for every rebuild; compiling Material's templates takes ~0.5 s)."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = _TemplateCache()


def template_env(env):
    env.bytecode_cache = TEMPLATE_CACHE
    return env
