"""The parent pages in other languages (kennisbank/site/translations.py): the languages from one
place in mkdocs.yml, the sets of versions, lang/dir/hreflang per page, and stale translations."""
from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from kennisbank.content import paths
from kennisbank.site import translations
from kennisbank.tools.checking import check_translations

DOCS = paths.ROOT / "docs"
PARENT_PAGES = ["index.md", "hoe-werkt-school.md", "wie-helpt.md", "studie-kiezen.md"]
CODES = ["en", "fr", "ar", "tr", "pl"]


def repo_languages():
    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    config = yaml.load((paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())
    return translations.languages(config["extra"])


def test_the_languages_live_in_mkdocs_yml():
    langs = repo_languages()
    assert [lang.code for lang in langs] == ["nl", *CODES]
    assert langs[0].source and not any(lang.source for lang in langs[1:])
    names = {lang.code: lang.name for lang in langs}
    assert names == {"nl": "Nederlands", "en": "English", "fr": "Français", "ar": "العربية", "tr": "Türkçe",
                     "pl": "Polski"}
    assert {lang.code for lang in langs if lang.dir == "rtl"} == {"ar"}
    for lang in langs[1:]:
        assert "{dutch_page}" in lang.strings["notice"]
        assert set(translations.TRANSLATION_STRINGS) <= set(lang.strings)


def test_a_half_configured_language_is_refused():
    extra = {"translations": [{"code": "nl", "name": "Nederlands", "dir": "ltr", "source": True, "switcher": "Lees:"},
                              {"code": "de", "name": "Deutsch", "dir": "ltr", "switcher": "Lesen:"}]}
    with pytest.raises(ValueError, match="taal de: notice, checked, unchecked, stale, section_link ontbreekt"):
        translations.languages(extra)
    extra["translations"][1]["dir"] = "ttb"
    extra["translations"][1].update(notice="Übersetzung von {dutch_page}.", checked="a", unchecked="b", stale="c",
                                    section_link="d")
    with pytest.raises(ValueError, match="dir is 'ltr' of 'rtl'"):
        translations.languages(extra)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("name", PARENT_PAGES)
def test_every_parent_page_is_translated_with_valid_metadata(code, name):
    src = f"voor-ouders/{code}/{name}"
    translation, problems = translations.read_translation(DOCS / src, src)
    assert not problems, problems
    assert translation.of == f"voor-ouders/{name}" and translation.code == code
    assert translation.checked is False  # nobody has checked them yet: the page must say so


def test_the_repository_has_no_translation_problems():
    problems, _ = check_translations(paths.ROOT)
    assert not problems, problems


def _copy_parent_pages(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / "voor-ouders", docs / "voor-ouders")
    for path in (docs / "voor-ouders").glob("*/*.md"):  # make every copy current, whatever the repo's state
        text = path.read_text(encoding="utf-8")
        translation, _ = translations.read_translation(path, path.relative_to(docs).as_posix())
        current = translations.source_hash(docs / translation.of)
        path.write_text(text.replace(translation.source_sha256, current), encoding="utf-8")
    return docs


def test_a_changed_dutch_page_makes_its_translations_stale(tmp_path):
    docs = _copy_parent_pages(tmp_path)
    problems, warnings = translations.check(docs, {"nl", *CODES})
    assert problems == [] and warnings == []

    dutch = docs / "voor-ouders" / "wie-helpt.md"
    dutch.write_text(dutch.read_text(encoding="utf-8") + "\nEen nieuwe zin.\n", encoding="utf-8")
    problems, warnings = translations.check(docs, {"nl", *CODES})
    new = translations.source_hash(dutch)
    assert problems == []
    assert sorted(map(str, warnings)) == [
        f"docs/voor-ouders/{code}/wie-helpt.md:1: vertaling is ouder dan de Nederlandse pagina — "
        f"werk de vertaling bij en zet source_sha256 op {new}" for code in sorted(CODES)]


def test_malformed_translations_are_problems(tmp_path):
    docs = _copy_parent_pages(tmp_path)
    page = docs / "voor-ouders" / "pl" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("of: voor-ouders/index.md", "of: voor-ouders/weg.md"),
                    encoding="utf-8")
    (docs / "voor-ouders" / "xx").mkdir()
    shutil.copy(docs / "voor-ouders" / "en" / "index.md", docs / "voor-ouders" / "xx" / "index.md")
    problems, _ = translations.check(docs, {"nl", *CODES})
    text = "\n".join(map(str, problems))
    assert "docs/voor-ouders/pl/index.md:1: translation.of is voor-ouders/weg.md" in text
    assert "docs/voor-ouders/xx/index.md:1: de taal xx staat niet in mkdocs.yml extra.translations" in text


# --- The build side, with stand-ins for MkDocs's files and config --------------------------------

class _Files:
    def get_file_from_path(self, src):
        url = src[: -len("index.md")] if src.endswith("index.md") else src[:-3] + "/"
        return SimpleNamespace(url=url)


def _registry(tmp_path):
    docs = _copy_parent_pages(tmp_path)
    config = SimpleNamespace(docs_dir=str(docs), site_url="https://kennisbank.example/",
                             extra={"translations": [vars_of(lang) for lang in repo_languages()]},
                             mdx_configs={"toc": {"permalink_title": "Link naar deze sectie"}})
    registry = translations.Registry()
    registry.collect(_Files(), config)
    return registry, config, docs


def vars_of(lang):
    return {"code": lang.code, "name": lang.name, "dir": lang.dir, "source": lang.source, **lang.strings}


def _page(src):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src))


def test_every_version_links_to_all_versions_with_hreflang(tmp_path):
    registry, config, _ = _registry(tmp_path)
    for src in ["voor-ouders/wie-helpt.md", *(f"voor-ouders/{code}/wie-helpt.md" for code in CODES)]:
        context = registry.context(_page(src), config)
        assert [a["code"] for a in context["alternates"]] == ["nl", *CODES]
        assert [a["abs_url"] for a in context["alternates"]] == [
            "https://kennisbank.example/voor-ouders/wie-helpt/",
            *(f"https://kennisbank.example/voor-ouders/{code}/wie-helpt/" for code in CODES)]
        assert [a["current"] for a in context["alternates"]].count(True) == 1
    assert registry.context(_page("over.md"), config) is None


def test_a_translation_has_its_language_direction_and_notice(tmp_path):
    registry, config, _ = _registry(tmp_path)
    context = registry.context(_page("voor-ouders/ar/wie-helpt.md"), config)
    assert (context["lang"], context["dir"]) == ("ar", "rtl")
    assert 'href="../../wie-helpt/" hreflang="nl" lang="nl" dir="ltr">Wie helpt je als het moeilijk gaat?</a>' \
        in context["notice"]
    assert "لم يراجع" in context["notice"]  # not yet checked by a native speaker
    assert context["stale"] is None
    dutch = registry.context(_page("voor-ouders/wie-helpt.md"), config)
    assert (dutch["lang"], dutch["notice"]) == ("nl", None)

    html = ('<html lang="nl" class="no-js"><body dir="ltr" data-x="y"><footer class="md-footer">'
            '<a class="headerlink" href="#a" title="Link naar deze sectie">')
    out = registry.finish_page(html, _page("voor-ouders/ar/wie-helpt.md"), config)
    assert '<html lang="ar" dir="rtl" class="no-js">' in out and '<body dir="rtl" data-x="y">' in out
    assert '<footer lang="nl" class="md-footer">' in out and 'title="رابط إلى هذا القسم"' in out
    assert registry.finish_page(html, _page("voor-ouders/wie-helpt.md"), config) == html


def test_a_translation_of_a_changed_dutch_page_says_so(tmp_path):
    registry, config, docs = _registry(tmp_path)
    dutch = docs / "voor-ouders" / "studie-kiezen.md"
    dutch.write_text(dutch.read_text(encoding="utf-8").replace("grote stap", "heel grote stap"), encoding="utf-8")
    registry.collect(_Files(), config)
    assert registry.context(_page("voor-ouders/pl/studie-kiezen.md"), config)["stale"].startswith(
        "Strona po niderlandzku zmieniła się")
    assert registry.context(_page("voor-ouders/pl/wie-helpt.md"), config)["stale"] is None


def test_adding_a_language_is_a_data_change(tmp_path):
    registry, config, docs = _registry(tmp_path)
    config.extra["translations"].append({"code": "es", "name": "Español", "dir": "ltr", "switcher": "Leer en:",
                                         "notice": "Traducción de {dutch_page}.", "checked": "Revisada.",
                                         "unchecked": "Sin revisar.", "stale": "Cambió.", "section_link": "Enlace"})
    (docs / "voor-ouders" / "es").mkdir()
    text = (docs / "voor-ouders" / "en" / "index.md").read_text(encoding="utf-8")
    (docs / "voor-ouders" / "es" / "index.md").write_text(text, encoding="utf-8")
    registry.collect(_Files(), config)
    context = registry.context(_page("voor-ouders/es/index.md"), config)
    assert [a["name"] for a in context["alternates"]][-1] == "Español"
    assert "Traducción de <a" in context["notice"]
    assert "es" in [a["code"] for a in registry.context(_page("voor-ouders/index.md"), config)["alternates"]]
