"""The build's part of `make bench` beside the finder's: the MkDocs floor, CPU time, and the
incremental rebuild after one edit.

The floor is what MkDocs itself costs for the same pages: plain mkdocs-material (no macros, no
hooks, one process) building the Markdown the project generates for the same corpus — every entry
page and listing page — with the same Markdown extensions and a short nav. The project's build is
reported as ratios to it (wall time, CPU time, peak memory).
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kennisbank.content import paths

SHORT_NAV = [{"Start": "index.md"}, {"Praktijken": "praktijken/index.md"}, {"Thema's": "themas/index.md"},
             {"Partners": "partners/index.md"}, {"Stappenplannen": "stappenplannen/index.md"}]


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured(timed: Callable, command: list[str], env: dict, cwd: Path) -> dict:
    """Wall seconds, CPU seconds (all processes of the command, once it has ended) and peak
    memory in MB of one command (timed: benchmark.timed)."""
    before = _children_cpu_s()
    wall, peak_mb, _ = timed(command, env, cwd)
    return {"wall_s": wall, "cpu_s": _children_cpu_s() - before, "peak_mb": peak_mb}


def write_floor_project(content: Path, target: Path) -> Path:
    """A plain MkDocs project with the project's generated pages for `content`."""
    from kennisbank.content.loader import load_corpus
    from kennisbank.exports.jsonld import entry_jsonld
    from kennisbank.site.render import PageRenderer

    saved = os.environ.get("KENNISBANK_CONTENT")
    os.environ["KENNISBANK_CONTENT"] = str(content)
    try:
        corpus, problems = load_corpus(content)
        if problems:
            raise RuntimeError(f"{len(problems)} problems in {content}")
        renderer = PageRenderer(corpus, site_url="https://example.org/", structured_data=entry_jsonld)
        pages = {e.src_uri: renderer.entry_page(e) for e in corpus.entries()}
        pages.update(renderer.listing_pages())
    finally:
        if saved is None:
            os.environ.pop("KENNISBANK_CONTENT", None)
        else:
            os.environ["KENNISBANK_CONTENT"] = saved
    docs = target / "docs"
    for src, text in pages.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(text, encoding="utf-8")
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    for listing in ("praktijken", "partners", "stappenplannen", "themas"):
        index = docs / listing / "index.md"
        if not index.exists():
            index.parent.mkdir(parents=True, exist_ok=True)
            index.write_text(f"# {listing}\n", encoding="utf-8")
    config = {"site_name": "Vloer", "site_url": "https://example.org/", "use_directory_urls": True,
              "theme": {"name": "material", "language": "nl", "font": False,
                        "features": ["navigation.sections", "navigation.top", "toc.follow"]},
              "plugins": [], "nav": SHORT_NAV,
              "validation": {"nav": {"omitted_files": "ignore"}},
              "markdown_extensions": ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables",
                                      {"toc": {"permalink": True}}, "pymdownx.details", "pymdownx.superfences"]}
    (target / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    return target


def floor_build(timed: Callable, content: Path, work: Path) -> dict:
    project = write_floor_project(content, work / "vloer")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("KENNISBANK_CONTENT", None)
    result = measured(timed, [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                              "-d", str(project / "site")], env, project)
    shutil.rmtree(project)
    return result


EDITS = 3  # one-edit rebuilds timed in a row; the median is reported


def incremental_one_edit(timed: Callable, content: Path, site: Path, env: dict) -> dict:
    """Edit one practice (after a build that filled the cache in env) and build again; three
    times, each a different practice. Before each build, the previous site's removal (which a
    build leaves to a background process, see building._swap) is waited for."""
    practices = sorted((content / "practices").glob("*.md"))
    runs = []
    for number in range(EDITS):
        practice = practices[len(practices) * (number + 1) // (EDITS + 1)]
        text = practice.read_text(encoding="utf-8")
        practice.write_text(text.replace("\nimpact: ", f"\nimpact: Bewerkt om {time.time_ns()}. ", 1),
                            encoding="utf-8")
        while any(site.parent.glob(f"{site.name}.old-*")):
            time.sleep(0.2)
        runs.append(measured(timed, [sys.executable, "scripts/build.py", "--site-dir", str(site)], env, paths.ROOT))
        page = site / "praktijken" / practice.stem / "index.html"
        if "Bewerkt om" not in page.read_text(encoding="utf-8"):
            raise RuntimeError(f"the incremental build did not show the edit of {practice.name}")
    walls = sorted(run["wall_s"] for run in runs)
    return {"wall_s": walls[len(walls) // 2], "runs_s": [round(run["wall_s"], 1) for run in runs]}


def ratios(project: dict, floor: dict) -> dict:
    return {"floor_build_s": round(floor["wall_s"], 1), "floor_cpu_s": round(floor["cpu_s"], 1),
            "floor_peak_rss_mb": round(floor["peak_mb"]),
            "wall_ratio_to_floor": round(project["wall_s"] / floor["wall_s"], 2),
            "cpu_ratio_to_floor": round(project["cpu_s"] / floor["cpu_s"], 2),
            "memory_ratio_to_floor": round(project["peak_mb"] / floor["peak_mb"], 2)}


TARGETS = {"wall_ratio_to_floor@7000": 0.6, "cpu_ratio_to_floor@7000": 1.2, "peak_rss_mb@7000": 1024,
           "incremental_one_edit_s@7000": 15, "serve_reload_s": 1.5}


def print_side_by_side(results: dict) -> None:
    """The project's build beside the MkDocs floor, per size, and the incremental figures."""
    print("\nbuild beside the MkDocs floor (plain mkdocs-material, same pages, short nav, one process):")
    columns = ["entries", "build_s", "cpu_s", "peak_rss_mb", "floor_build_s", "floor_cpu_s", "floor_peak_rss_mb",
               "wall_ratio_to_floor", "cpu_ratio_to_floor", "memory_ratio_to_floor", "incremental_one_edit_s"]
    widths = [max(8, len(c)) for c in columns]
    print("  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)))
    for run in results["runs"]:
        print("  ".join(str(run.get(c, "-")).rjust(w) for c, w in zip(columns, widths, strict=True)), flush=True)
    if "serve_reload_s" in results:
        print(f"make serve: an edit of one practice of the shipped content shows after {results['serve_reload_s']} s")
    results.setdefault("targets", {}).update(TARGETS)
