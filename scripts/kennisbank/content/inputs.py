"""The files besides the content that a build reads: the vocabularies, the wijk boundaries, the
JSON schemas and the page templates. Whatever is cached from them (the vocabularies, the
validators, the loaded corpus) is kept only while their stamps stay the same, so `mkdocs serve`
picks up an edit to any of them on the next reload.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kennisbank.content import paths
from kennisbank.content.filecache import Stamp, file_stamp

_listeners: list[Callable[[], None]] = []
_last: list[tuple] = []


def input_files() -> list[Path]:
    schemas = sorted(p for p in paths.SCHEMAS_DIR.iterdir() if p.suffix in (".json", ".yaml", ".geojson"))
    templates = sorted(p for p in paths.TEMPLATES_DIR.rglob("*") if p.is_file())
    return [*schemas, *templates]


def inputs_stamp() -> tuple[tuple[str, Stamp | None], ...]:
    return tuple((str(p), file_stamp(p)) for p in input_files())


def when_changed(clear: Callable[[], None]) -> Callable[[], None]:
    """Register `clear` (e.g. an lru_cache's cache_clear) to run when an input file changes."""
    _listeners.append(clear)
    return clear


def refresh() -> tuple:
    """The current stamp of the inputs; when it differs from the last call, every registered
    cache is cleared first."""
    stamp = inputs_stamp()
    if _last and _last[0] != stamp:
        for clear in _listeners:
            clear()
    _last[:] = [stamp]
    return stamp
