"""Incremental builds: the finished HTML of entry pages, kept between builds.

An entry page's HTML follows from two things: what is global to every page (the code, the
templates, docs/ with the theme overrides and the nav, mkdocs.yml, the schemas and vocabularies,
the installed MkDocs and Material, the site address, the build date) and the page's own generated
Markdown, which already holds everything of the content it shows (its entry, the titles and
summaries of the entries it links to or that link to it, labels, the age of its sources). A page
whose key — a hash of both — was built before is not rendered again: MkDocs gets a stub (as for
the pages of another build shard) and the stored HTML is put in place after the build.

The cache lives in .cache/kennisbank/ (or KENNISBANK_CACHE), outside site/; deleting it only
makes the next build a full one. KENNISBANK_CACHE=off switches it off.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib import metadata
from pathlib import Path

from kennisbank.content import paths
from kennisbank.content.filecache import write_whole
from kennisbank.content.paths import cache_root

PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2",
            "mkdocs-macros-plugin", "pygments", "pyyaml")
# What every page depends on, relative to the repository root.
GLOBAL_INPUTS = ("mkdocs.yml", "docs", "schemas", "scripts/kennisbank")
LAST: dict = {}  # the last build's key, hits and misses (for tests and the benchmark)
KEEP_GENERATIONS = 2  # global keys kept (e.g. `make build` and `make serve` differ in the site address)


def _hash_tree(digest, root: Path, relative: str) -> None:
    top = root / relative
    files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
    for path in files:
        if "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def global_key(settings: dict, root: Path | None = None) -> str:
    """A hash of everything that every page depends on; `settings` adds what the configuration
    holds beyond mkdocs.yml (site address, repository, problems banner, command)."""
    root = root or paths.ROOT
    digest = hashlib.sha256()
    for name in PACKAGES:
        try:
            digest.update(f"{name}=={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} missing\n".encode())
    for relative in GLOBAL_INPUTS:
        _hash_tree(digest, root, relative)
    if root == paths.ROOT and not paths.VOCABULARIES_FILE.is_relative_to(paths.SCHEMAS_DIR):
        digest.update(paths.VOCABULARIES_FILE.read_bytes())  # read from elsewhere (tests)
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    return digest.hexdigest()


class PageCache:
    """One build's view of the cache: which pages it found, which it must store."""

    def __init__(self, root: Path, key: str):
        self.folder = root / "pages" / key[:20]
        self.key = key
        self.hits: dict[str, Path] = {}  # dest_uri -> stored HTML
        self.files: dict[str, Path] = {}  # dest_uri -> a stored generated file (keep_file)
        self.misses: dict[str, Path] = {}  # src_uri -> where to store its HTML
        self.used: set[str] = set()
        LAST.clear()
        LAST.update(key=key, hits=0, misses=0)

    @classmethod
    def open(cls, settings: dict) -> PageCache | None:
        root = cache_root()
        return cls(root, global_key(settings)) if root else None

    def _path(self, src_uri: str, fingerprint: str) -> Path:
        digest = hashlib.sha256(self.key.encode() + src_uri.encode() + b"\0" + fingerprint.encode()).hexdigest()
        return self.folder / f"{digest}.html"

    def peek(self, src_uri: str, fingerprint: str) -> bool:
        """Whether this page is stored (without counting it as used)."""
        return self._path(src_uri, fingerprint).is_file()

    def lookup(self, src_uri: str, dest_uri: str, fingerprint: str) -> bool:
        """True when this page's HTML is stored; else remember to store it once rendered."""
        path = self._path(src_uri, fingerprint)
        self.used.add(path.name)
        if path.is_file():
            self.hits[dest_uri] = path
            LAST["hits"] += 1
            os.utime(path)  # seen by this build (see prune_unseen)
            return True
        self.misses[src_uri] = path
        LAST["misses"] += 1
        return False

    def store(self, src_uri: str, dest_uri: str, html: str) -> bool:
        """Store a page rendered by this build (one lookup missed); it is then put in place
        with the kept ones (see place), so the build need not write it a second time."""
        path = self.misses.pop(src_uri, None)
        if path is None or not html:
            return False
        write_whole(path, html)
        self.hits[dest_uri] = path
        return True

    def keep_file(self, dest_uri: str, content: str | bytes) -> None:
        """A generated file that is not a page (finder data, open data): stored by its content,
        put in place after the build like a kept page. Writing thousands of small files costs
        seconds; linking the stored ones costs a fraction of that."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = self.folder / f"{hashlib.sha256(data).hexdigest()}.file"
        self.used.add(path.name)
        if path.is_file():
            os.utime(path)  # seen by this build (see prune)
        else:
            write_whole(path, data)
        self.files[dest_uri] = path

    def place(self, site_dir: str | Path) -> None:
        """Put the stored pages and files into the built site, as hard links where the file
        system allows (the cache is never written to in place, and a build writes its pages as
        new files), else as copies."""
        site, made = Path(site_dir), set()
        for dest_uri, stored in [*self.hits.items(), *self.files.items()]:
            target = site / dest_uri
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.unlink(missing_ok=True)
            try:
                os.link(stored, target)
            except OSError:
                shutil.copyfile(stored, target)

    def prune(self, since: float | None = None) -> None:
        """Drop older generations, and this generation's pages that the build did not use:
        by name when one process saw every page, else (`since`: when a split build started)
        those not touched since."""
        pages = self.folder.parent
        if pages.is_dir():
            generations = sorted((p for p in pages.iterdir() if p.is_dir() and p != self.folder),
                                 key=lambda p: p.stat().st_mtime, reverse=True)
            for old in generations[KEEP_GENERATIONS - 1:]:
                shutil.rmtree(old, ignore_errors=True)
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            unused = path.stat().st_mtime < since if since is not None else path.name not in self.used
            if unused:
                path.unlink(missing_ok=True)
        os.utime(self.folder)

    def note_split(self) -> None:
        """In a split build: name this generation, for prune_split in the parent process."""
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder.parent / "split-build").write_text(self.folder.name, encoding="ascii")


def prune_split(since: float) -> None:
    """After a build split over processes (all of them done): drop the pages none of them used."""
    root = cache_root()
    marker = root / "pages" / "split-build" if root else None
    if marker is None or not marker.is_file():
        return
    name = marker.read_text(encoding="ascii").strip()
    marker.unlink()
    if name and (marker.parent / name).is_dir():
        PageCache(root, name).prune(since)
