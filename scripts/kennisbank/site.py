"""What the MkDocs hook does, as plain functions: load the content, add the generated pages and
assets, and guard the rendered HTML. `mkdocs_hooks.py` only forwards MkDocs events here.

While serving, content problems do not stop the server: they are logged in the terminal and
shown in a banner on every page, and the entries with problems are left out until fixed.
When building, any problem stops the build.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from . import assets, csp
from .loader import load_corpus
from .markdown_links import ExternalLinksExtension
from .model import Corpus
from .problems import Problem, format_problems
from .render import PageRenderer
from .safety import unsafe_html

log = logging.getLogger("mkdocs.plugins.kennisbank")


@dataclass
class State:
    command: str = "build"  # 'serve' or 'build'; set once by on_startup
    corpus: Corpus = field(default_factory=Corpus)
    problems: list[Problem] = field(default_factory=list)


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


def add_files(files: Files, config) -> Files:
    """Add the pages and assets made from the content; they exist only in memory."""
    pages = PageRenderer(STATE.corpus).all_pages()
    generated = {**pages, **assets.generated_assets(STATE.corpus, config)}
    for src_uri, content in generated.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            raise PluginError(f"docs/{src_uri} bestaat al, maar die pagina wordt uit de inhoud gemaakt: verwijder docs/{src_uri}")
        files.append(File.generated(config, src_uri, content=content))
    assets.add_vendored_files(files, config)
    return files


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


def page_context(context: dict, page) -> dict:
    """Entry pages carry their review date as the page's update date (used by the sitemap)."""
    reviewed = page.meta.get("kb_reviewed")
    if reviewed:
        page.update_date = reviewed
    return context


def finish_page(html: str) -> str:
    """The Content-Security-Policy, on built pages (not while serving: live reload is inline)."""
    return html if STATE.command == "serve" else csp.add_policy(html)


def finish_template(output: str, template_name: str) -> str:
    """Static theme pages (404.html) get the same policy as the others."""
    return finish_page(output) if template_name.endswith(".html") else output
