"""The parent pages in other languages, in Chromium: the switcher reaches every version, Arabic
reads right to left, axe finds nothing on any translation, and a Dutch page that changes after
its translation is reported by `make check` and noted on the translated page."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_quality import AXE_TAGS, _axe_source, _pdf_text

from conftest import FIXTURES, serve_directory
from kennisbank.content import paths
from kennisbank.site import translations

pytestmark = pytest.mark.browser

CODES = ["en", "fr", "ar", "tr", "pl"]
PAGES = ["", "hoe-werkt-school/", "wie-helpt/", "studie-kiezen/"]  # under voor-ouders/
DUTCH = [f"voor-ouders/{p}" for p in PAGES]
TRANSLATED = [f"voor-ouders/{code}/{p}" for code in CODES for p in PAGES]


def _version(url: str, code: str) -> str:
    """The URL of the `code` version of the parent page at `url`."""
    page = re.sub(r"^voor-ouders/(?:(?:en|fr|ar|tr|pl)/)?", "", url)
    return "voor-ouders/" + ("" if code == "nl" else f"{code}/") + page


def test_each_version_has_lang_dir_hreflang_and_notice(built_site):
    for url in DUTCH + TRANSLATED:
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        code = url.split("/")[1] if url.split("/")[1] in CODES else "nl"
        direction = "rtl" if code == "ar" else "ltr"
        assert f'<html lang="{code}"' in html, url
        assert f'<body dir="{direction}"' in html, url
        if code != "nl":
            assert f'<html lang="{code}" dir="{direction}"' in html, url
        hreflangs = dict(re.findall(r'<link rel="alternate ?" hreflang="([^"]+)" href="([^"]+)">', html))
        assert set(hreflangs) == {"nl", *CODES, "x-default"}, url
        assert hreflangs["x-default"] == hreflangs["nl"] and hreflangs["nl"].endswith("/" + _version(url, "nl"))
        nav_start = html.index('<nav class="kb-languages"')
        switcher = html[nav_start:html.index("</nav>", nav_start)]
        assert re.findall(r'<a href="[^"]+" hreflang="([a-z]+)" lang="\1"', switcher) == ["nl", *CODES], url
        assert ('class="kb-translation-note"' in html) == (code != "nl"), url
        body = html[html.index("<body"):]  # the inlined stylesheet in <head> names the class too
        assert 'class="kb-translation-note__stale' not in body, f"{url}: the repository's translations are current"


def test_switching_language_from_every_parent_page(browser, site_url):
    """From each of the 24 pages, each language's link in the switcher leads to that language's
    version of the same page; a click on one of them, a different language each time, gets there."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    foreign, errors, wrong = [], [], []
    page.on("request", lambda r: r.url.startswith(site_url) or r.url.startswith("data:") or foreign.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    for number, start in enumerate(DUTCH + TRANSLATED):
        page.goto(f"{site_url}/{start}", wait_until="domcontentloaded")
        alternates = page.evaluate("[...document.querySelectorAll('link[hreflang]')]"
                                   ".filter(link => link.relList.contains('alternate')).length")
        if alternates != 7:
            wrong.append(f"{start}: {alternates} hreflang alternates")
        others = []
        for code in ["nl", *CODES]:  # every link leads to the right version ...
            link = page.locator(f'nav.kb-languages a[lang="{code}"]')
            if link.evaluate("a => a.href") != f"{site_url}/{_version(start, code)}":
                wrong.append(f"{start}: the {code} link leads to {link.evaluate('a => a.href')}")
            if _version(start, code) == start:
                if link.get_attribute("aria-current") != "page":
                    wrong.append(f"{start}: {code} is not marked as the current language")
            else:
                others.append(code)
        code = others[number % len(others)]  # ... and one of them, in turn, is followed by a click
        page.locator(f'nav.kb-languages a[lang="{code}"]').click()
        page.wait_for_url(f"{site_url}/{_version(start, code)}", wait_until="domcontentloaded")
        if page.evaluate("document.documentElement.lang") != code:
            wrong.append(f"{start} → {code}: lang is {page.evaluate('document.documentElement.lang')}")
    context.close()
    assert not wrong, "\n".join(wrong)
    assert not foreign, foreign
    assert not errors, errors


@pytest.mark.parametrize("width", [390, 1280])
def test_an_arabic_page_is_laid_out_right_to_left(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}/voor-ouders/ar/hoe-werkt-school/")
    layout = page.evaluate("""() => {
        const article = document.querySelector('article.md-content__inner');
        const style = getComputedStyle(article);
        const box = article.getBoundingClientRect();
        const contentLeft = box.left + parseFloat(style.paddingLeft);
        const contentRight = box.right - parseFloat(style.paddingRight);
        const line = el => {
            const r = document.createRange(); r.selectNodeContents(el); return r.getClientRects()[0];
        };
        const firstWords = line(document.querySelector('article p:not(.kb-translation-note p)'));
        const h1 = line(document.querySelector('article h1'));
        const bullet = document.querySelector('article ul:not(.kb-languages__list) > li');
        const nav = document.querySelector('.md-sidebar--primary').getBoundingClientRect();
        return {direction: style.direction, htmlDir: document.documentElement.dir, bodyDir: document.body.dir,
                contentLeft, contentRight, h1Right: h1.right, h1Left: h1.left, pRight: firstWords.right,
                liMarginRight: parseFloat(getComputedStyle(bullet).marginRight),
                liMarginLeft: parseFloat(getComputedStyle(bullet).marginLeft),
                navLeft: nav.left,
                navVisible: nav.width > 0
                    && getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility !== 'hidden',
                articleLeft: box.left};
    }""")
    context.close()
    assert (layout["direction"], layout["htmlDir"], layout["bodyDir"]) == ("rtl", "rtl", "rtl")
    # Lines start at the right edge of the content box; list items are indented from the right.
    assert abs(layout["h1Right"] - layout["contentRight"]) < 3, layout
    assert abs(layout["pRight"] - layout["contentRight"]) < 3, layout
    assert layout["liMarginRight"] > layout["liMarginLeft"], layout
    if width >= 1220:  # the navigation sits on the right of the content, mirrored
        assert layout["navLeft"] > layout["articleLeft"], layout


def test_every_translated_page_passes_axe(browser, site_url):
    axe = _axe_source()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems, checked = [], set()
    for url in TRANSLATED:
        page.goto(f"{site_url}/{url}", wait_until="load")
        page.evaluate(axe)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS)
        checked.update(r["id"] for r in result["passes"])
        problems += [f"/{url}: axe {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
                     for v in result["violations"]]
    context.close()
    assert {"html-has-lang", "html-lang-valid", "valid-lang", "color-contrast"} <= checked
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("url, title, notice", [
    ("voor-ouders/pl/hoe-werkt-school/", "Jak działa szkoła we Flandrii?", "Ta strona jest tłumaczeniem"),
    ("voor-ouders/en/wie-helpt/", "Who helps you when things are hard?", "This page is a translation"),
])
def test_a_translation_prints_as_a_clean_handout(page, site_url, url, title, notice):
    page.goto(f"{site_url}/{url}")
    page.emulate_media(media="print")
    text = " ".join(_pdf_text(page.pdf(format="A4", print_background=False)).split())
    assert title in text and notice in text  # the notice stays on paper: it is a translation
    for screen_only in ("Over de kennisbank", "Zoek in de kennisbank", "Nederlands English Français", "Polski"):
        assert screen_only not in text, f"{screen_only!r} printed"
    assert "clb.stedelijkonderwijs.be" in text.replace(" ", "")  # web addresses are printed


@pytest.fixture
def changed_copy(tmp_path, monkeypatch):
    """A copy of the content (the fixture corpus and the repository's docs/) in which the Dutch
    'wie-helpt' page changed after its translations were made."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "valid", root)
    shutil.copytree(paths.ROOT / "docs", root / "docs")
    for path in (root / "docs" / "voor-ouders").glob("*/*.md"):  # the copy starts current
        translation, _ = translations.read_translation(path, path.relative_to(root / "docs").as_posix())
        current = translations.source_hash(root / "docs" / translation.of)
        path.write_text(path.read_text(encoding="utf-8").replace(translation.source_sha256, current), encoding="utf-8")
    monkeypatch.setenv("KENNISBANK_CONTENT", str(root))
    return root


def _check(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KENNISBANK_CONTENT": str(root), "PYTHONPATH": str(paths.ROOT / "scripts")}
    return subprocess.run([sys.executable, str(paths.ROOT / "scripts" / "check.py")], env=env, cwd=paths.ROOT,
                          capture_output=True, text=True, timeout=120)


def test_a_stale_translation_is_reported_by_check_and_noted_on_the_page(changed_copy, browser, tmp_path, monkeypatch):
    before = _check(changed_copy)
    assert before.returncode == 0 and "vertaling is ouder" not in before.stdout, before.stdout + before.stderr

    dutch = changed_copy / "docs" / "voor-ouders" / "wie-helpt.md"
    dutch.write_text(dutch.read_text(encoding="utf-8").replace("Je staat er niet alleen voor.",
                                                               "Je staat er niet alleen voor, echt niet."),
                     encoding="utf-8")
    after = _check(changed_copy)
    new = translations.source_hash(dutch)
    assert after.returncode == 0, after.stdout + after.stderr  # a warning, not a failure
    for code in CODES:
        assert (f"docs/voor-ouders/{code}/wie-helpt.md:1: vertaling is ouder dan de Nederlandse pagina — "
                f"werk de vertaling bij en zet source_sha256 op {new}") in after.stdout.splitlines()
    assert after.stdout.count("vertaling is ouder") == len(CODES)

    # The site built from the copy shows the note on those translations, and only there.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(paths.ROOT)
    site = tmp_path / "site"
    config = load_config(str(paths.ROOT / "mkdocs.yml"), docs_dir=str(changed_copy / "docs"), site_dir=str(site),
                         strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    server, url = serve_directory(site)
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{url}/voor-ouders/ar/wie-helpt/")
        note = page.locator(".kb-translation-note__stale")
        assert note.is_visible()
        assert "تغيّرت الصفحة الهولندية" in note.inner_text()
        page.goto(f"{url}/voor-ouders/ar/hoe-werkt-school/")
        assert page.locator(".kb-translation-note__stale").count() == 0
    finally:
        context.close()
        server.shutdown()
