"""The site build: strict, complete, and safe when the content is broken."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from conftest import FIXTURES
from kennisbank.content import paths
from kennisbank.tools.building import build_site, run_mkdocs


def test_strict_build_writes_a_page_per_entry(built_site, corpus):
    for entry in corpus.entries():
        page = built_site / entry.url / "index.html"
        assert page.is_file(), f"no page for {entry.path}"
    for listing in ("praktijken", "partners", "stappenplannen", "themas", "themas/leren-leren"):
        assert (built_site / listing / "index.html").is_file()


def test_pages_are_dutch_and_load_no_web_fonts(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_entries_are_not_in_the_sidebar(built_site, corpus):
    """Material renders the whole nav into every page: entries belong on listing pages."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    start = home.index('class="md-nav md-nav--primary"')
    nav = home[start:home.index("</nav>", start)]
    for entry in corpus.entries():
        assert f"/{entry.url}" not in nav and f'"{entry.url}"' not in nav


@pytest.fixture
def broken_content(tmp_path, monkeypatch):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", root)
    shutil.copytree(FIXTURES / "broken" / "vocabulary-typo", root, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("expected.txt"))
    monkeypatch.setenv("KENNISBANK_CONTENT", str(root))
    return root


def test_failed_build_leaves_previous_site_untouched(broken_content, tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige versie", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())

    assert build_site(site_dir=str(site)) == 1

    out = capsys.readouterr().out
    assert "practices/feedback-in-duo.md:4: themes[2]: 'leren-lere'" in out
    assert "Traceback" not in out
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige versie"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no staging folder left behind


def test_successful_build_replaces_the_site(tmp_path, monkeypatch, capsys):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", root)
    monkeypatch.setenv("KENNISBANK_CONTENT", str(root))
    site = tmp_path / "site"
    site.mkdir()
    (site / "oud.html").write_text("weg ermee", encoding="utf-8")

    assert build_site(site_dir=str(site)) == 0

    assert not (site / "oud.html").exists()
    assert (site / "praktijken" / "feedback-in-duo" / "index.html").is_file()
    for _ in range(300):  # the old site is removed by a process of its own (thousands of files take seconds)
        if sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]:
            break
        time.sleep(0.1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def test_serving_shows_problems_and_a_dutch_placeholder_for_the_broken_entry(broken_content, tmp_path):
    site = tmp_path / "served"
    run_mkdocs(paths.ROOT / "mkdocs.yml", site, command="serve")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="kb-problems"' in home
    assert "practices/feedback-in-duo.md:4: themes[2]: &#39;leren-lere&#39;" in home
    placeholder = (site / "praktijken" / "feedback-in-duo" / "index.html").read_text(encoding="utf-8")
    assert "Deze pagina heeft een probleem" in placeholder, "a Dutch page, not MkDocs' English 404"
    assert "themes[2]" in placeholder, "the placeholder names the problem to fix"
    assert (site / "partners" / "buurtpartner" / "index.html").is_file()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.delenv("KENNISBANK_CONTENT", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_site(site_dir=str(tmp_path / "een")) == 0
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # build_site sets it from the commit
    assert build_site(site_dir=str(tmp_path / "twee")) == 0
    first, second = _files(tmp_path / "een"), _files(tmp_path / "twee")
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert not different, f"{len(different)} files differ, e.g. {different[:5]}"


def test_a_build_split_over_processes_equals_a_single_process_build(tmp_path, monkeypatch):
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", root)
    monkeypatch.setenv("KENNISBANK_CONTENT", str(root))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert build_site(site_dir=str(tmp_path / "een"), shards=1) == 0
    assert build_site(site_dir=str(tmp_path / "twee"), shards=2) == 0
    assert _files(tmp_path / "een") == _files(tmp_path / "twee")


@pytest.mark.parametrize("failing", ["shard", "finder", "leader"])
def test_a_failing_build_process_fails_the_build_and_leaves_the_site(tmp_path, monkeypatch, capsys, failing):
    """A split build runs in processes of their own (the shards, the finder's data beside them,
    and the leader that loads the content): when any of them fails, the build fails with a
    Dutch message, and the previous site and no staging folder are left."""
    from kennisbank.tools import building

    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", root)
    monkeypatch.setenv("KENNISBANK_CONTENT", str(root))

    def broken(*args, **kwargs):
        raise RuntimeError("kapot")
    if failing == "shard":
        real = building.run_mkdocs
        monkeypatch.setattr(building, "run_mkdocs", lambda config, site, shard=(0, 1): (
            broken() if shard == (1, 2) else real(config, site, shard=shard)))
    elif failing == "finder":
        monkeypatch.setattr(building.EXTRAS, "search_files", broken)
    else:
        monkeypatch.setattr(building, "load_corpus", broken)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("vorige versie", encoding="utf-8")

    assert build_site(site_dir=str(site), shards=2) == 1

    out = capsys.readouterr().out
    assert "De build is mislukt" in out and "site/ is niet veranderd." in out
    assert ("onverwachte fout" in out) if failing == "leader" else ("1 van de 3 bouwprocessen faalden" in out)
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige versie"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def test_every_entry_page_links_to_its_source_file_and_the_correction_form(corpus):
    import re
    from urllib.parse import parse_qs, unquote, urlsplit

    from kennisbank.site.render import PageRenderer

    repository = "https://github.com/voorbeeld/kennisbank"
    renderer = PageRenderer(corpus, site_url="https://voorbeeld.be/", repository=repository)
    for entry in corpus.entries():
        page = renderer.entry_page(entry)
        edit = re.search(r'<a href="([^"]+)" rel="noopener">Bewerk deze pagina</a>', page).group(1)
        prefix = f"{repository}/edit/main/"
        assert edit.startswith(prefix), edit
        assert (paths.ROOT / edit[len(prefix):]).is_file(), f"{entry.url}: {edit} is no source file"
        assert edit.endswith(entry.path)
        correct = re.search(r'<a href="([^"]+)" rel="noopener">Meld een correctie</a>', page).group(1)
        query = parse_qs(urlsplit(correct.replace("&amp;", "&")).query)
        assert query["template"] == ["correctie.yml"]
        assert unquote(query["pagina"][0]).endswith("/" + entry.url)


def test_without_a_known_repository_the_edit_links_are_left_out(corpus):
    from kennisbank.site.render import PageRenderer

    entry = next(iter(corpus.entries()))
    page = PageRenderer(corpus, repository=None).entry_page(entry)
    assert "Bewerk deze pagina" not in page and "Meld een correctie" not in page


@pytest.mark.parametrize("remote, url", [
    ("git@github.com:stad/kennisbank.git", "https://github.com/stad/kennisbank"),
    ("https://github.com/stad/kennisbank.git", "https://github.com/stad/kennisbank"),
    ("https://token@github.com/stad/kennisbank", "https://github.com/stad/kennisbank"),
    ("ssh://git@github.com/stad/kennisbank.git", "https://github.com/stad/kennisbank"),
    ("https://gitlab.com/stad/kennisbank.git", None),
    ("/srv/git/kennisbank.git", None),
])
def test_the_repository_comes_from_a_github_remote(remote, url):
    from kennisbank.site.repository import web_url

    assert web_url(remote) == url


def test_the_repository_url_setting_wins(monkeypatch, tmp_path):
    from kennisbank.site.repository import repository_url

    monkeypatch.setenv("KENNISBANK_REPO_URL", "https://github.com/stad/kb/")
    assert repository_url(tmp_path) == "https://github.com/stad/kb"
    monkeypatch.delenv("KENNISBANK_REPO_URL")
    assert repository_url(tmp_path) is None  # no git repository there


def test_a_page_says_the_age_of_its_sources(tmp_path):
    """The page names the years of its sources; sources over a year older than the build date
    get a notice. The build date is the one of content/publication.py."""
    from datetime import date

    from kennisbank.content.loader import load_corpus
    from kennisbank.content.publication import build_day
    from kennisbank.site.render import PageRenderer

    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", root)
    practice = root / "practices" / "feedback-in-duo.md"
    practice.write_text(practice.read_text(encoding="utf-8").replace("published: ongedateerd", "published: 2019-05"),
                        encoding="utf-8")
    corpus, problems = load_corpus(root)
    assert problems == []
    entry = corpus.practices["feedback-in-duo"]
    assert build_day(corpus) == date(2026, 11, 23), "the newest day a source was consulted"
    old = PageRenderer(corpus).entry_page(entry)
    assert "Gebaseerd op bronnen van 2019" in old and "Mogelijk verouderd" in old
    fresh = PageRenderer(corpus, today=date(2020, 5, 1)).entry_page(entry)
    assert "Gebaseerd op bronnen van 2019" in fresh and "Mogelijk verouderd" not in fresh
