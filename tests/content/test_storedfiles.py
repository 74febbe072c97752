"""Content files kept between builds (content/storedfiles.py): a file read before without
problems is not parsed again, and what the build gets is the same as from a fresh read."""
from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES
from kennisbank.content import loader, paths, storedfiles
from kennisbank.content.loader import load_corpus


def _snapshot(corpus) -> dict:
    return {(e.kind.name, e.id): (e.path, e.data, e.body, e.body_line, e.source_line) for e in corpus.entries()}


@pytest.fixture
def content(tmp_path, monkeypatch):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", root)
    monkeypatch.setenv("KENNISBANK_CACHE", str(tmp_path / "cache"))
    loader.forget()
    yield root
    loader.forget()


def _parse_forbidden(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a kept file was parsed again")
    monkeypatch.setattr(loader, "parse_yaml", refuse)


def test_a_second_build_takes_unchanged_files_from_the_store(content, monkeypatch):
    first, problems = load_corpus(content)
    assert problems == []
    loader.forget()  # a new build process: nothing in memory
    with monkeypatch.context() as patch:
        _parse_forbidden(patch)
        second, problems = load_corpus(content)
    assert problems == []
    assert _snapshot(second) == _snapshot(first)
    partner = next(iter(second.partners.values()))
    assert partner.line("name") == partner.source_line + 1  # line numbers come back when asked for


def test_an_edited_file_is_read_again_and_a_file_with_a_problem_is_never_kept(content):
    load_corpus(content)
    practice = next((content / paths.PRACTICES_DIR).glob("*.md"))
    text = practice.read_text(encoding="utf-8")
    practice.write_text(text.replace("\ntitle: ", "\ntitle: Bewerkt ", 1), encoding="utf-8")
    loader.forget()
    corpus, _ = load_corpus(content)
    assert corpus.practices[practice.stem].title.startswith("Bewerkt ")

    practice.write_text(text.replace("\ntitle: ", "\ntitel: ", 1), encoding="utf-8")  # an unknown field
    loader.forget()
    _, problems = load_corpus(content)
    loader.forget()
    _, again = load_corpus(content)
    assert problems and [str(p) for p in again] == [str(p) for p in problems]


def test_the_store_follows_the_vocabularies(tmp_path, monkeypatch):
    copy = tmp_path / "vocabularies.yaml"
    shutil.copyfile(paths.VOCABULARIES_FILE, copy)
    monkeypatch.setattr(paths, "VOCABULARIES_FILE", copy)
    before = storedfiles.checks_version()
    copy.write_text(copy.read_text(encoding="utf-8") + "\n# een wijziging\n", encoding="utf-8")
    assert storedfiles.checks_version() != before


@pytest.mark.parametrize("cache", ["on", "off"])
def test_many_new_files_read_in_two_processes_give_the_same_corpus_and_problems(tmp_path, monkeypatch, cache):
    """A first build of many files reads half of them in a second process (read_beside): the
    same entries, and the same problems with their lines, as when one process reads them all."""
    from kennisbank.tools.synthetic import write_corpus
    root = write_corpus(tmp_path / "content", practices=storedfiles.MIN_BESIDE + 20, partners=3, seed=2)
    practices = sorted((root / "practices").glob("*.md"))
    for broken in practices[1:6:2]:  # files that the second process reads: they must still be reported
        broken.write_text(broken.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitel: ", 1), encoding="utf-8")
    forked = []
    real_fork = storedfiles.os.fork
    monkeypatch.setattr(storedfiles.os, "fork", lambda: forked.append(1) or real_fork())

    def load(folder):
        monkeypatch.setenv("KENNISBANK_CACHE", str(tmp_path / folder) if cache == "on" else "off")
        loader.forget()
        corpus, problems = load_corpus(root)
        loader.forget()
        return _snapshot(corpus), [str(p) for p in problems]

    together = load("cache-beside")
    assert forked == [1]
    monkeypatch.setattr(storedfiles, "MIN_BESIDE", 10**9)
    alone = load("cache-alone")
    assert forked == [1]
    assert together == alone
    assert len(together[0]) == len(practices) + 3 - 3
    assert len({p.split(":")[0] for p in together[1] if "titel" in p}) == 3
