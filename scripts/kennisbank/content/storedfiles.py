"""Content files that an earlier build read without problems, kept on disk as their plain data.

Parsing and validating thousands of files is most of a build's loading time. A file whose bytes
were read before (with the same schemas, vocabularies and checking code) is taken from here: its
data, and where its entries sit in it. Line numbers are not kept: should one be needed (for a
problem found later), the file is parsed again (YamlDoc.forget_lines).

The store lives in the build cache (content.paths.cache_root, safe to delete) as one file per
version of the checks; a build keeps only the files it used.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kennisbank.content import paths
from kennisbank.content.filecache import write_whole
from kennisbank.content.model import KINDS, Entry
from kennisbank.content.yamlio import YamlDoc

CODE = Path(__file__).resolve().parent  # the content package: reading and checking


def checks_version() -> str:
    """Changes when anything that decides whether a file is valid (or how it is read) changes."""
    digest = hashlib.sha256(sys.version.encode())
    files = [*sorted(CODE.glob("*.py")), *sorted(p for p in paths.SCHEMAS_DIR.rglob("*") if p.is_file()),
             paths.VOCABULARIES_FILE]
    for path in files:
        digest.update(str(path.relative_to(paths.ROOT) if path.is_relative_to(paths.ROOT) else path).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:20]


class StoredFiles:
    """One load's view of the store: what it found, what it adds, what it used."""

    def __init__(self, folder: Path | None):
        self.path = folder / "inhoud" / f"{checks_version()}.pickle" if folder else None
        self.items: dict[bytes, object] = {}
        self.used: set[bytes] = set()
        self.keys: dict[tuple[Path, str], bytes | None] = {}
        self.added = False
        if self.path and self.path.is_file():
            try:
                self.items = pickle.loads(self.path.read_bytes())
            except Exception:  # noqa: BLE001 - an unreadable store is only a slower build
                self.items = {}

    @classmethod
    def open(cls) -> StoredFiles:
        return cls(paths.cache_root())

    def key_of(self, path: Path, relpath: str) -> bytes | None:
        """The file's key: its path and bytes (read once per load)."""
        if (path, relpath) not in self.keys:
            try:
                self.keys[(path, relpath)] = hashlib.sha256(relpath.encode() + b"\0" + path.read_bytes()).digest()
            except OSError:
                self.keys[(path, relpath)] = None
        return self.keys[(path, relpath)]

    def entries(self, key: bytes | None, relpath: str, reparse: Callable[[], YamlDoc]) -> list[Entry] | None:
        """The entries of a file kept under `key`, or None."""
        kept = self.items.get(key) if key else None
        if kept is None:
            return None
        self.used.add(key)
        data, items = kept
        doc = YamlDoc(data)
        doc.forget_lines(reparse)
        entries = []
        for kind, entry_id, base, body, body_line, source_line in items:
            value = data
            for step in base:
                value = value[step]
            entries.append(Entry(KINDS[kind], entry_id, relpath, value, doc, base=base, body=body,
                                 body_line=body_line, source_line=source_line))
        return entries

    def keep(self, key: bytes | None, entries: list[Entry]) -> None:
        """Keep the entries of a file read without problems (they share one YamlDoc)."""
        if not key or not entries:
            return
        self.items[key] = _stored_form(entries)
        self.used.add(key)
        self.added = True

    def save(self) -> None:
        """Keep what this load used (older versions of edited files go)."""
        if not self.path or not (self.added or len(self.used) < len(self.items)):
            return
        kept = {k: v for k, v in self.items.items() if k in self.used}
        for old in self.path.parent.glob("*.pickle"):
            if old != self.path:
                old.unlink(missing_ok=True)
        write_whole(self.path, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))


MIN_BESIDE = 400  # files to read: below this, a second process costs more than it saves


@contextmanager
def read_beside(stored: StoredFiles, jobs: list[tuple[Path, str, Callable]],
                read: Callable[[Path, str, Callable], list[Entry] | None], new: int) -> Iterator[bool]:
    """Read `jobs` (path, relpath, how to load it) in a second process while this one goes on, and put what it
    read without problems (`read` gives None for a file with problems) in `stored` when the
    block ends. Yields whether a second process reads them: not when there are few files to
    read (`new`: in all), nor in a process with threads, such as `mkdocs serve`, where forking
    is not safe."""
    if new < MIN_BESIDE or not jobs or not hasattr(os, "fork") or threading.active_count() > 1:
        yield False
        return
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the helper: read, send the plain data, leave without running anything else
        code = 0
        try:
            os.close(readable)
            found = {}
            for path, relpath, load in jobs:
                entries = read(path, relpath, load)
                key = stored.key_of(path, relpath)
                if entries and key:
                    found[key] = _stored_form(entries)
            with os.fdopen(writable, "wb") as out:
                pickle.dump(found, out, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 - the parent then reads these files itself
            code = 1
        os._exit(code)
    os.close(writable)
    try:
        yield True
    finally:
        with os.fdopen(readable, "rb") as given:
            try:
                found = pickle.load(given)
            except Exception:  # noqa: BLE001 - the helper failed: read them here instead
                found = {}
        os.waitpid(pid, 0)
        stored.items.update(found)
        stored.used.update(found)
        stored.added = stored.added or bool(found)


def _stored_form(entries: list[Entry]) -> tuple:
    return (entries[0].doc.data, [(e.kind.name, e.id, e.base, e.body, e.body_line, e.source_line) for e in entries])
