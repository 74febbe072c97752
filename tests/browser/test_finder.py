"""The finder (/vinden/) in Chromium: Dutch normalisation that agrees with Python, facets whose
counts match, state in the URL, the wijk map and keyboard use, the phone layout, the fallback
heading and the empty state. (The ranking itself is measured in tests/search/.)"""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from kennisbank.search import dutch

pytestmark = pytest.mark.browser


def _open(page, site_url, query=""):
    page.goto(f"{site_url}/vinden/{query}")
    _ready(page)


def _ready(page):
    page.locator("html[data-kb-finder='klaar']").wait_for(state="attached")


def _result_titles(page) -> list[str]:
    return page.locator("#resultaten .kb-result__title").all_inner_texts()


def _status_count(page) -> int:
    return int(re.match(r"(\d+)", page.locator("#kb-finder-status").inner_text()).group(1))


def _shown_count(page, facet: str, value: str) -> int:
    text = page.locator(f'[data-count="{facet}:{value}"]').text_content()
    return int(text.strip().strip("()"))


def _box(page, facet: str, value: str):
    """The checkbox of a facet value, its group opened first as a person would."""
    group = page.locator(f'details:has(input[name="{facet}"])')
    if group.count() and not group.first.evaluate("d => d.open"):
        group.first.locator("summary").click()
    return page.locator(f'input[name="{facet}"][value="{value}"]')


def test_python_and_browser_normalise_alike(page, site_url, corpus):
    """Every word of the content, normalised in Python (dutch.normalise) and by vinden.js with
    lunr-languages' stemmer in the browser, must come out the same."""
    texts = [e.title + " " + json.dumps(e.data, ensure_ascii=False) + " " + e.body for e in corpus.entries()]
    raw = sorted({w for text in texts for w in dutch.split(text) if w})
    raw += ["gemeente", "gemeenten", "ouders", "ouder", "kinderen", "leerkrachten", "café", "coördinator",
            "(ouders)", "2026", "’s", "zo’n", "A'REA", "examens", "absenteïsme"]
    python = {w: dutch.normalise(w) for w in raw}
    _open(page, site_url)
    browser = page.evaluate("words => Object.fromEntries(words.map(w => [w, window.kbFinder.normalise(w)]))", raw)
    differences = {w: (python[w], browser[w]) for w in raw if python[w] != browser[w]}
    assert not differences, f"{len(differences)} of {len(raw)} words differ: {list(differences.items())[:20]}"
    assert len(raw) > 1000


def test_singular_and_plural_find_the_same_entries(page, site_url):
    _open(page, site_url)
    found = {q: [r["u"] for r in page.evaluate("q => window.kbFinder.search(q)", q)["results"]]
             for q in ("examen", "examens")}
    assert found["examen"] and sorted(found["examen"]) == sorted(found["examens"])


def test_inflected_forms_find_the_same_entry(page, site_url, corpus):
    """Plural and singular meet in the same stem: 'leerkracht' finds a page about 'leerkrachten'."""
    target = next(e for e in corpus.practices.values() if "leerkrachten" in e.title.lower())
    for query in ("leerkracht", "leerkrachten"):
        _open(page, site_url, f"?q={query}")
        assert target.title in _result_titles(page), f"{query!r} does not find {target.title!r}"
    for query in ("ouder", "ouders"):
        _open(page, site_url, f"?q={query}")
        assert _status_count(page) > 0


def test_facets_narrow_and_counts_match(page, site_url):
    _open(page, site_url)
    total = _status_count(page)
    expected = _shown_count(page, "thema", "ouderbetrokkenheid")
    assert 0 < expected < total
    _box(page, "thema", "ouderbetrokkenheid").check()
    assert _status_count(page) == expected

    expected_partners = _shown_count(page, "soort", "partner")
    _box(page, "soort", "partner").check()
    assert 0 < _status_count(page) == expected_partners < expected
    assert set(_result_kinds(page)) == {"Partner"}

    # The count next to any unticked value is exactly what ticking it (as well) leaves;
    # values of one facet combine with OR, different facets with AND.
    for facet, value in (("vorm", "advies"), ("niveau", "lager"), ("district", "antwerpen"),
                         ("kosten", "gratis"), ("thema", "leerloopbaan")):
        shown = _shown_count(page, facet, value)
        box = _box(page, facet, value)
        box.check()
        assert _status_count(page) == shown, f"{facet}={value}: shown {shown}"
        box.uncheck()
    assert _status_count(page) == expected_partners
    assert "thema=ouderbetrokkenheid" in page.url and "soort=partner" in page.url


def _result_kinds(page) -> list[str]:
    return page.locator("#resultaten .kb-result__kind").all_inner_texts()


def test_url_restores_the_state(page, site_url):
    _open(page, site_url, "?q=ouders&thema=ouderbetrokkenheid&soort=praktijk")
    assert page.locator("#kb-finder-q").input_value() == "ouders"
    assert _box(page, "thema", "ouderbetrokkenheid").is_checked()
    assert page.locator('input[name="soort"][value="praktijk"]').is_checked()
    first = _result_titles(page)
    assert first and set(_result_kinds(page)) == {"Praktijk"}
    page.goto(site_url + "/")
    page.go_back()
    _ready(page)
    assert _result_titles(page) == first


def test_header_search_opens_the_finder(page, site_url):
    page.goto(site_url + "/")
    page.fill("#kb-header-q", "spijbelen")
    page.press("#kb-header-q", "Enter")
    _ready(page)
    assert urlsplit(page.url).path.endswith("/vinden/") and parse_qs(urlsplit(page.url).query)["q"] == ["spijbelen"]
    assert _status_count(page) > 0


def test_header_search_from_any_page_finds_a_hand_written_page(page, site_url):
    """A parent on a practice page types 'studie kiezen' in the header and reaches the page for parents."""
    page.goto(site_url + "/praktijken/goed-nieuws-naar-huis/")
    page.fill("#kb-header-q", "studie kiezen")
    page.press("#kb-header-q", "Enter")
    _ready(page)
    links = page.locator("#resultaten .kb-result__title")
    hrefs = [links.nth(i).get_attribute("href") for i in range(min(5, links.count()))]
    assert any(h.endswith("/voor-ouders/studie-kiezen/") for h in hrefs), hrefs
    assert "Pagina" in _result_kinds(page)


def test_on_a_phone_the_first_result_is_in_the_first_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-BE", is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "/voor-ouders/")
    page.goto(site_url + "/vinden/?q=huiswerk")
    _ready(page)
    first = page.locator("#resultaten .kb-result").first.bounding_box()
    assert first and first["y"] + 40 <= 844, first
    assert page.locator("#kb-finder-status").is_visible()
    # Filters live in a drawer; its sticky button says how many results the choice leaves.
    assert not page.locator('input[name="soort"][value="partner"]').is_visible()
    page.click("#kb-finder-filters-open")
    page.locator('input[name="soort"][value="partner"]').check()
    apply = page.locator("#kb-finder-apply")
    assert apply.is_visible()
    count = _status_count(page)
    assert apply.inner_text() == f"Toon {count} resultaten" or (count == 1 and apply.inner_text() == "Toon 1 resultaat")
    apply.click()
    assert page.locator("#resultaten .kb-result").first.is_visible()
    context.close()


def test_a_partial_match_is_shown_under_the_fallback_heading(page, site_url):
    _open(page, site_url, "?q=leerplicht+vanaf+welke+leeftijd")
    heading = page.locator("#resultaten .kb-results__heading--fallback")
    assert heading.inner_text() == "Geen resultaten met alle woorden; deze passen bij een deel van je vraag"
    assert page.locator("#resultaten .kb-result").count() > 0


def test_the_empty_state_helps(page, site_url):
    _open(page, site_url, "?q=ouderavondjes")
    assert page.locator("#resultaten .kb-result").count() == 0
    box = page.locator("#resultaten .kb-empty")
    assert "geen pagina" in box.inner_text()
    assert box.locator("a[href*='?q=']").count() >= 1  # nearest existing words
    assert box.locator("a[href*='themas/']").count() >= 9
    assert page.locator("#kb-finder-more").is_hidden()


def test_stopped_organisations_only_on_request(page, site_url, corpus):
    stopped = [e for e in corpus.partners.values() if e.is_stopped]
    if not stopped:
        pytest.skip("no stopped partner")
    target = stopped[0]
    _open(page, site_url, f"?q={target.title}")
    assert target.title not in _result_titles(page)
    page.locator("#kb-finder-gestopt").check()
    page.locator(f"#resultaten .kb-result__title:text-is('{target.title}')").wait_for()
    assert "gestopt=ja" in page.url


def test_counts_match_for_pages_and_languages(page, site_url):
    _open(page, site_url, "?q=school")
    for facet, value in (("soort", "pagina"), ("soort", "partner"), ("taal", "ar")):
        shown = _shown_count(page, facet, value)
        box = _box(page, facet, value)
        box.check()
        assert _status_count(page) == shown, f"{facet}={value}: shown {shown}"
        box.uncheck()


def test_clicking_a_wijk_filters_on_it(page, site_url):
    _open(page, site_url, "?soort=partner")
    before = _status_count(page)
    expected = _shown_count(page, "wijk", "antwerpen-kiel")
    page.locator('.kb-map__svg [data-wijk="antwerpen-kiel"]').click()
    assert _box(page, "wijk", "antwerpen-kiel").is_checked()
    assert "wijk=antwerpen-kiel" in page.url
    assert _status_count(page) == expected <= before
    kiel = page.locator('.kb-map__svg [data-wijk="antwerpen-kiel"]')
    assert "kb-map__wijk--chosen" in kiel.get_attribute("class")
    # Partners bound to the wijk come first, apart from those working city- or Flanders-wide.
    headings = page.locator("#resultaten .kb-results__heading").all_inner_texts()
    assert headings[:2] == ["In jouw wijk", "Voor heel Antwerpen"]
    # Every colour on the map is explained in the legend, and the wijk can be chosen by keyboard.
    used = set(page.locator(".kb-map__svg [data-wijk]").evaluate_all(
        "paths => paths.map(p => p.getAttribute('class').match(/kb-map__wijk--(\\d)/)[1])"))
    legend = {el.get_attribute("data-legend")
              for el in page.locator(".kb-map__legend li:not([hidden]) [data-legend]").all()}
    assert used == legend
    page.select_option("#kb-finder-wijkkeuze", label="Seefhoek")
    page.wait_for_url("**wijk=antwerpen-stuivenberg**")
    # A wijk where fewer partners work is shaded lighter than one where more work.
    assert page.locator(".kb-map__svg [class*='kb-map__wijk--']").count() == 66


def test_the_finder_works_by_keyboard_alone(page, site_url):
    _open(page, site_url)
    page.locator("#kb-finder-q").focus()
    page.keyboard.type("ouders")
    page.locator("html[data-kb-vraag='ouders']").wait_for(state="attached")
    # Tab from the search box to the submit button and on to the first filter, tick it with Space.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.name + '=' + document.activeElement.value")
    assert focused == "soort=praktijk"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused filter has no visible focus indicator"
    page.keyboard.press("Space")
    page.wait_for_url("**soort=praktijk**")
    assert set(_result_kinds(page)) == {"Praktijk"}
    # Shift+Tab back to the results? Tab onwards reaches a result link.
    page.locator("#resultaten a").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/praktijken/" in page.url


def test_the_finder_makes_no_foreign_requests_and_no_errors(page, site_url):
    _open(page, site_url, "?q=ouders&wijk=antwerpen-kiel")
    assert page.watch.console_errors == []
    assert page.watch.foreign_requests == []


def test_without_javascript_the_lists_by_theme_remain(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/vinden/")
    assert page.locator("#kb-finder-fallback").is_visible()
    assert not page.locator("#kb-finder").is_visible()
    assert page.locator("#kb-finder-fallback a[href*='themas/']").count() >= 9
    context.close()
