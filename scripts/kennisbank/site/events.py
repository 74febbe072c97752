"""What the MkDocs hook does, as plain functions: load the content, add the generated pages and
assets, and guard the rendered HTML. `mkdocs_hooks.py` only forwards MkDocs events here.

While serving, content problems do not stop the server: they are logged in the terminal and
shown in a banner on every page, and the entries with problems are left out until fixed.
When building, any problem stops the build.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from kennisbank.content import paths
from kennisbank.content.loader import load_corpus
from kennisbank.content.model import Corpus
from kennisbank.content.problems import Problem, format_problems
from kennisbank.content.safety import unsafe_html
from kennisbank.site import converter, csp, entry_html, page_cache, rendered, spilled
from kennisbank.site.markdown_links import ExternalLinksExtension
from kennisbank.site.placeholders import placeholder_pages
from kennisbank.site.render import PageRenderer, front_matter
from kennisbank.site.repository import repository_url
from kennisbank.site.shards import shard_entries

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
    files: Files | None = None  # this build's files, stubs included (for the sitemap)
    data_here: bool = True  # False in a split build: the finder's data and open data are made apart
    mine: set[str] = field(default_factory=set)  # the entry pages this shard renders
    renderer: PageRenderer | None = None  # this build's, for the entry pages (entry_html.py)
    site: str | None = None  # while serving: the site's global key and its pages, for rendered.reuse
    pages: set[str] = field(default_factory=set)


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
    return front_matter({**meta, "template": STUB_TEMPLATE, "render_macros": False})


ENTRY_PAGES_AS_HTML = True  # False: as Markdown, converted whole (tests/site/test_entry_html.py)


@dataclass
class Extras:
    """What the site is given by the layers beside it (see kennisbank/hooks.py): JSON-LD for an
    entry page, the finder's data, the other data files made from the corpus (open data,
    downloads) and the paths of the generated files that pages link to, which every build shard
    must know."""
    structured_data: Callable | None = None
    search_files: Callable[[Corpus], Iterable[tuple[str, str]]] = lambda corpus: {}
    data_files: Callable[[Corpus, object], dict] = lambda corpus, config: {}
    linked_files: Callable[[], list[str]] = lambda: []


def add_files(files: Files, config, extras: Extras | None = None) -> Files:
    """Add the pages and assets made from the content; they exist only in memory.

    Every shard knows every page (for the navigation and link checks), but only renders its
    own; shard 0 also makes the listing pages. The finder's data and the open data are made
    here unless the build is split (tools/building.py makes them apart).
    """
    extras = extras or Extras()
    index = STATE.shard[0]
    if index > 0:  # shard 0 writes the static files, 404.html and the sitemap
        config.theme.static_templates.clear()
        for file in [f for f in files if not f.is_documentation_page()]:
            file.inclusion = InclusionLevel.EXCLUDED
    repository = config.extra.get("repository") or repository_url(paths.ROOT)
    renderer = PageRenderer(STATE.corpus, site_url=config.site_url, repository=repository,
                            structured_data=extras.structured_data)
    mine = {(e.kind.name, e.id) for e in shard_entries(STATE.corpus, STATE.shard)}
    STATE.mine = {e.src_uri for e in STATE.corpus.entries() if (e.kind.name, e.id) in mine}
    STATE.cache = page_cache.PageCache.open(_cache_settings(config))
    # What each page of this shard is made of: an entry (rendered only when its page is not
    # kept from an earlier build, see page_cache) or, for the other pages, the page itself.
    pages: dict[str, tuple[object, str | bytes | None]] = {}
    for entry in STATE.corpus.entries():
        if (entry.kind.name, entry.id) in mine:
            pages[entry.src_uri] = (entry, renderer.page_key(entry) if STATE.cache else None)
        else:
            pages[entry.src_uri] = (None, _stub(_stub_meta(renderer, entry)))
    generated: dict[str, str | bytes] = {}
    listings = renderer.listing_paths()  # shard 0 renders them, the others have stubs
    listed = renderer.listings_key() if STATE.cache else ""
    if index == 0:
        kept = bool(listed) and all(STATE.cache.peek(src, listed) for src in listings)
        generated.update({src: _stub({"title": src}) for src in listings} if kept else
                         renderer.listing_sources(ENTRY_PAGES_AS_HTML))
    else:
        generated.update({src: _stub({"title": src}) for src in listings})
    for made in ([extras.search_files(STATE.corpus), extras.data_files(STATE.corpus, config)] if STATE.data_here
                 else [dict.fromkeys(extras.linked_files(), "")]):  # else: only for the link check
        generated.update(made)
    if STATE.command == "serve" and STATE.problems and index == 0:
        generated.update({src: page for src, page in placeholder_pages(STATE.corpus, STATE.problems).items()
                          if src not in generated and src not in pages})
    pages.update((src, (None, content)) for src, content in generated.items())
    for src_uri, (entry, content) in pages.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} bestaat al, maar die pagina wordt uit de inhoud gemaakt: "
                              f"verwijder docs/{src_uri}")
        file = File.generated(config, src_uri, content="" if entry else content)
        stub = entry is None and src_uri not in generated  # another shard's entry page
        if entry is not None:
            stub = bool(STATE.cache and STATE.cache.lookup(src_uri, file.dest_uri, content))
            # a kept page: its stored HTML comes after the build
            file.content_string = _stub(_stub_meta(renderer, entry)) if stub else (
                renderer.entry_source(entry) if ENTRY_PAGES_AS_HTML else renderer.entry_page(entry))
        elif src_uri in listings and index != 0:
            stub = True
        elif src_uri in listings and STATE.cache and STATE.cache.lookup(src_uri, file.dest_uri, listed):
            file.content_string, stub = _stub(_front_matter(content)), True
        if not file.is_documentation_page() and not STATE.data_here:
            stub = True  # made apart (tools/building.py)
        elif not file.is_documentation_page() and STATE.cache:
            STATE.cache.keep_file(file.dest_uri, content)  # put in place after the build
            stub = True
        if stub:
            # MkDocs need not read, render or write a stub at all: left out of the build, links
            # to it still resolve (and are checked); the sitemap lists it all the same.
            file.inclusion = InclusionLevel.EXCLUDED
        files.append(file)
    STATE.files, STATE.renderer = files, renderer
    if STATE.command == "serve":
        rendered.start_rebuild()
        STATE.site = STATE.cache.key if STATE.cache else page_cache.global_key(_cache_settings(config))
        STATE.pages = {f.src_uri for f in files.documentation_pages(inclusion=InclusionLevel.all)}
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
    if STATE.command == "serve":
        rendered.forget_unused()
    converter.forget()
    spilled.release()
    if STATE.cache:
        STATE.cache.place(config.site_dir)
        if STATE.shard[1] == 1:
            STATE.cache.prune()
        elif STATE.shard[0] == 0:
            STATE.cache.note_split()
    STATE.cache = None


def _render_nothing(page) -> None:
    """A stub's render: nothing to convert (its HTML is another shard's or kept from before).
    Its anchors are unknown here: links to them are checked where it is rendered."""
    page.content, page.toc, page._title_from_render = "", get_toc([]), None
    page.present_anchor_ids, page.links_to_anchors = None, {}


def stub_source(page) -> str | None:
    """In shard 1 and up, every page but the shard's own entry pages is a stub: shard 0 renders
    the hand-written pages (their macros over the whole corpus are costly). The title stays, for
    the navigation of the pages this shard renders (every hand-written page has one)."""
    if STATE.shard[0] == 0 or page.file.src_uri in STATE.mine:
        return None
    _, meta = get_data(page.file.content_string)
    return _stub({"title": meta.get("title") or page.file.name})


def _made_as_html(page) -> tuple[str, Callable] | None:
    """For an entry or listing page rendered as HTML (entry_html.py): where a problem would be,
    and how to make its HTML from the slots."""
    if not ENTRY_PAGES_AS_HTML:
        return None
    kind = page.meta.get("kb_kind")
    entry = STATE.corpus.get(kind, page.meta.get("kb_id")) if kind else None
    if entry is not None and page.file.src_uri == entry.src_uri:
        return entry.path, lambda slots: STATE.renderer.entry_html(entry, slots)
    if page.meta.get("kb_listing") == page.file.src_uri:
        return page.file.src_uri, lambda slots: STATE.renderer.listing_html(page.file.src_uri, slots)
    return None


def skip_stub(page, markdown: str) -> None:
    """A stub needs no conversion; the other pages convert on the build's one converter (see
    converter.py). While serving, a page may get its rendering of the last rebuild."""
    if page.meta.get("template") == STUB_TEMPLATE:
        page.render = lambda config, files: _render_nothing(page)
        return
    spilled.hold(page)  # its HTML waits on disk for its template
    made = _made_as_html(page)
    if made is not None:  # HTML with Markdown parts
        source, make_html = made
        converter.use_shared(page, lambda page, convert: entry_html.render(page, source, make_html, convert))
        return
    converter.use_shared(page)
    if STATE.command == "serve":
        rendered.reuse(page, markdown, STATE.site, STATE.pages)


def reuse_output(page, content: str, config, context) -> None:
    """While serving: note what the page's HTML follows from; when it is the same as in the last
    rebuild, the page gets that HTML (rendered.KEPT_TEMPLATE) instead of the theme's templates."""
    if STATE.command != "serve" or STATE.site is None or page.meta.get("template") == STUB_TEMPLATE:
        return
    key = rendered.output_key(page, content, (STATE.site, repr(context),
                                              tuple(config.extra.get("kb_problems") or [])))
    page.kb_output = (key, rendered.kept_output(page, key))


def kept_html(page) -> str | None:
    return getattr(page, "kb_output", (None, None))[1]


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
    A stub renders to nothing, so MkDocs does not write it; nor a page just stored in the
    cache: it is put in place from there after the build, like a kept one."""
    if page is not None and page.meta.get("template") == STUB_TEMPLATE:
        return ""
    html = html if STATE.command == "serve" else csp.add_policy(html)
    if page is not None and getattr(page, "kb_output", None):
        rendered.keep_output(page.kb_output[0], html)
    if page is not None and STATE.cache and STATE.cache.store(page.file.src_uri, page.file.dest_uri, html):
        return ""
    return html


def finish_template(output: str, template_name: str) -> str:
    """Static theme pages (404.html) get the same policy as the others."""
    return finish_page(output) if template_name.endswith(".html") else output
