"""Incremental builds (site/page_cache.py): after an edit, a build that reuses the entry pages
kept from the previous build gives, byte for byte, the site a clean full build gives."""
from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from conftest import differences as _differences
from kennisbank.content import loader, paths
from kennisbank.content.vocab import load_vocabularies
from kennisbank.site import page_cache
from kennisbank.tools.building import build_site
from kennisbank.tools.synthetic import write_corpus


class Builds:
    def __init__(self, tmp: Path, monkeypatch, shards: int = 1):
        self.tmp, self.monkeypatch, self.shards = tmp, monkeypatch, shards
        self.cache = tmp / "cache"
        self.count = 0

    def build(self, cached: bool) -> Path:
        self.count += 1
        site = self.tmp / f"site-{self.count}"
        self.monkeypatch.setenv("KENNISBANK_CACHE", str(self.cache) if cached else "off")
        assert build_site(site_dir=str(site), shards=self.shards) == 0
        return site

    def assert_same_as_full(self, expect_reuse: int) -> None:
        """Build incrementally, then from scratch: the same site; and the incremental build
        reused at least `expect_reuse` pages (unless the code changed meanwhile: others edit it)."""
        incremental = self.build(cached=True)
        stats = dict(page_cache.LAST)
        full = self.build(cached=False)
        assert _differences(incremental, full) == []
        if stats.get("key") == getattr(self, "key", None):
            assert stats["hits"] >= expect_reuse, stats
        self.key = stats.get("key")
        shutil.rmtree(full)


@pytest.fixture
def content(tmp_path, monkeypatch):
    root = write_corpus(tmp_path / "content", practices=8, partners=3, seed=3)
    monkeypatch.setenv("KENNISBANK_CONTENT", str(root))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # one build date, whatever the edits
    yield root
    loader.forget()


def _listing_pages(site: Path) -> int:
    """The theme pages, the themes' index and the index of each kind (kept like entry pages)."""
    return len(list((site / "themas").rglob("index.html"))) + 3


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_incremental_builds_equal_full_builds(content, tmp_path, monkeypatch):
    builds = Builds(tmp_path, monkeypatch)
    first = builds.build(cached=True)
    builds.key = page_cache.LAST["key"]
    assert page_cache.LAST["hits"] == 0 and page_cache.LAST["misses"] == 11 + _listing_pages(first)
    shutil.rmtree(first)

    # an edited practice: only its own page is made again
    practice = content / "practices" / "praktijk-00002.md"
    _edit(practice, "impact: ", "impact: Bewerkt voor de test. ")
    builds.assert_same_as_full(expect_reuse=10)

    # an edited partner that practices link to: its page and theirs
    partners = content / "partners.yaml"
    name = re.search(r"^  name: (.+)$", partners.read_text(encoding="utf-8"), re.M).group(1)
    _edit(partners, f"name: {name}", "name: Hernoemde partner voor de test")
    builds.assert_same_as_full(expect_reuse=1)

    # a field of that partner that only its own page shows: the pages linking to it are kept
    _edit(partners, "application_process: ", "application_process: Bewerkt voor de test. ")
    builds.assert_same_as_full(expect_reuse=10)

    # a new entry
    new = content / "practices" / "praktijk-nieuw.md"
    text = practice.read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", text, re.M).group(1)
    new.write_text(text.replace(f"title: {title}", "title: Een nieuwe praktijk voor de test", 1), encoding="utf-8")
    builds.assert_same_as_full(expect_reuse=3)

    # a deleted entry
    (content / "practices" / "praktijk-00005.md").unlink()
    builds.assert_same_as_full(expect_reuse=3)


def test_a_vocabulary_change_makes_every_page_again(content, tmp_path, monkeypatch):
    """The vocabularies are read from a copy (under the repository, as the loader wants)."""
    copy = paths.ROOT / ".cache" / f"test-vocabularies-{tmp_path.name}.yaml"
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(paths.VOCABULARIES_FILE, copy)
    monkeypatch.setattr(paths, "VOCABULARIES_FILE", copy)
    load_vocabularies.cache_clear()
    try:
        builds = Builds(tmp_path, monkeypatch)
        shutil.rmtree(builds.build(cached=True))
        text = copy.read_text(encoding="utf-8")
        label = re.search(r"^    label: (.+)$", text[text.index("\nthemes:"):], re.M).group(1)
        copy.write_text(text.replace(f"label: {label}", "label: Hernoemd thema", 1), encoding="utf-8")
        load_vocabularies.cache_clear()
        loader.forget()
        incremental = builds.build(cached=True)
        assert page_cache.LAST["hits"] == 0
        full = builds.build(cached=False)
        assert _differences(incremental, full) == []
        assert "Hernoemd thema" in (incremental / "themas" / "index.html").read_text(encoding="utf-8")
    finally:
        copy.unlink(missing_ok=True)
        load_vocabularies.cache_clear()
        loader.forget()


def test_a_split_build_reuses_pages_too(content, tmp_path, monkeypatch):
    builds = Builds(tmp_path, monkeypatch, shards=2)
    shutil.rmtree(builds.build(cached=True))
    time.sleep(0.2)  # the pages of the first build are older than the second build
    _edit(content / "practices" / "praktijk-00001.md", "impact: ", "impact: Bewerkt. ")
    incremental = builds.build(cached=True)
    full = builds.build(cached=False)
    assert _differences(incremental, full) == []
    pages = next((builds.cache / "pages").iterdir())
    # the edited page's old version is gone
    assert len(list(pages.glob("*.html"))) == 11 + _listing_pages(full)


def test_the_global_key_covers_vocabularies_templates_and_code(tmp_path):
    root = tmp_path / "repo"
    for relative in page_cache.GLOBAL_INPUTS:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    for name in ("docs/overrides/main.html", "schemas/vocabularies.yaml",
                 "scripts/kennisbank/site/templates/practice.md.j2", "scripts/kennisbank/hooks.py"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("a\n", encoding="utf-8")
    before = page_cache.global_key({}, root)
    assert page_cache.global_key({}, root) == before
    for name in ("docs/overrides/main.html", "schemas/vocabularies.yaml",
                 "scripts/kennisbank/site/templates/practice.md.j2", "scripts/kennisbank/hooks.py", "mkdocs.yml"):
        old = (root / name).read_text(encoding="utf-8")
        (root / name).write_text(old + "b\n", encoding="utf-8")
        assert page_cache.global_key({}, root) != before, name
        (root / name).write_text(old, encoding="utf-8")
    assert page_cache.global_key({"site_url": "https://elders.example/"}, root) != before


def test_a_split_build_equals_a_build_in_one_process(content, tmp_path, monkeypatch):
    """Shard 0 makes the listings, the last shard the finder's data and exports; merged, the
    site is the one a single process makes."""
    single = Builds(tmp_path / "single", monkeypatch, shards=1).build(cached=False)
    split = Builds(tmp_path / "split", monkeypatch, shards=2).build(cached=False)
    assert _differences(single, split) == []
    assert (split / "assets" / "zoeken" / "vinden.json").is_file()
